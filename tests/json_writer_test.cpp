// The streaming JSON writer behind render_json (lib/render/json_writer.hpp): its escapes,
// numbers and layout, checked against fixed expectations and against nlohmann::json's dump,
// which wrote the golden files before the writer existed.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "render/json_writer.hpp"

using kneerehab::detail::append_json_number;
using kneerehab::detail::append_json_string;
using kneerehab::detail::json_writer;

namespace {

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string number(double value) {
  std::string out;
  append_json_number(out, value);
  return out;
}

// What render_json wrote before the writer: nlohmann with invalid UTF-8 replaced.
std::string nlohmann_dump(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

TEST(JsonWriter, EscapesQuotesAndBackslashes) {
  EXPECT_EQ(json_string(R"(say "hi")"), R"("say \"hi\"")");
  EXPECT_EQ(json_string(R"(C:\dir\)"), R"("C:\\dir\\")");
  EXPECT_EQ(json_string("a/b"), R"("a/b")");  // the solidus needs no escape
}

TEST(JsonWriter, EscapesEveryControlCharacter) {
  EXPECT_EQ(json_string("line\nnext\ttab\rret\bback\fform"),
            R"("line\nnext\ttab\rret\bback\fform")");
  EXPECT_EQ(json_string(std::string_view("\0", 1)), R"("\u0000")");
  EXPECT_EQ(json_string("\x01\x1f"), R"("\u0001\u001f")");
  EXPECT_EQ(json_string("\x7f"), "\"\x7f\"");  // DEL is not a control character in JSON
  for (int c = 0; c < 0x20; ++c) {
    const std::string text(1, static_cast<char>(c));
    EXPECT_EQ(json_string(text), nlohmann_dump(text)) << "character " << c;
  }
}

TEST(JsonWriter, PassesValidUtf8Through) {
  EXPECT_EQ(json_string("Knöchel – café"), "\"Knöchel – café\"");
  EXPECT_EQ(json_string("膝のリハビリ"), "\"膝のリハビリ\"");
  EXPECT_EQ(json_string("run 🏃 done"), "\"run 🏃 done\"");              // 4-byte sequence
  EXPECT_EQ(json_string("\xF4\x8F\xBF\xBF"), "\"\xF4\x8F\xBF\xBF\"");  // U+10FFFF
}

TEST(JsonWriter, ReplacesInvalidUtf8AsNlohmannDoes) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(json_string("a\xFFz"), "\"a" + fffd + "z\"");
  EXPECT_EQ(json_string("tail \xF0\x9F\x8F"), "\"tail " + fffd + "\"");  // cut-off emoji
  const char* cases[] = {
      "\x80",
      "\xC0\xAF",
      "\xC1\xBF",
      "\xC3",
      "\xC3(",
      "\xE0\x80\xAF",
      "\xE0\xA0",
      "\xED\xA0\x80",
      "\xEF\xBF",
      "\xF0\x80\x80\x80",
      "\xF4\x90\x80\x80",
      "\xF5\x80\x80\x80",
      "\xF0\x9F\x8F",
      "x\xE2\x82y",
      "\xF0\x9F\x8F\x83\xFE",
      "\xC3\xA9\xA9",
      "\xE2\x28\xA1",
      "\xFF\xFE",
      "ok\xF0\x9F\x8F\x83",
  };
  for (const char* text : cases) EXPECT_EQ(json_string(text), nlohmann_dump(text)) << text;
}

TEST(JsonWriter, FormatsNumbersAsNlohmannDoes) {
  EXPECT_EQ(number(12.0), "12.0");
  EXPECT_EQ(number(0.0), "0.0");
  EXPECT_EQ(number(2.35), "2.35");
  EXPECT_EQ(number(-1.5), "-1.5");
  EXPECT_EQ(number(std::numeric_limits<double>::quiet_NaN()), "null");
  for (double v : {0.1, 0.25, 1.0 / 3.0, 5.67, 100000.0, 123456789012345.0, 1e15, 1e16, 1.5e17,
                   0.001, 0.0001, 0.00001, 1.25e-7, 6.5, 390.0, 42.42, -0.07, 1e300, 5e-324}) {
    EXPECT_EQ(number(v), nlohmann_dump(v)) << v;
  }
}

TEST(JsonWriter, LaysOutLikeNlohmannDump2) {
  std::string out;
  json_writer j(out);
  j.begin_object();
  j.member("name", "Glute \"bridge\"");
  j.member("sets", 3);
  j.member("km", 2.5);
  j.member("long_run", false);
  j.key("empty");
  j.begin_array();
  j.end_array();
  j.key("none");
  j.begin_object();
  j.end_object();
  j.key("notes");
  j.string_array({"one", "two"});
  j.key("days");
  j.begin_array();
  j.begin_object();
  j.member("n", 1);
  j.end_object();
  j.begin_array();
  j.value(true);
  j.end_array();
  j.end_array();
  j.end_object();

  nlohmann::ordered_json expected;
  expected["name"] = "Glute \"bridge\"";
  expected["sets"] = 3;
  expected["km"] = 2.5;
  expected["long_run"] = false;
  expected["empty"] = nlohmann::ordered_json::array();
  expected["none"] = nlohmann::ordered_json::object();
  expected["notes"] = {"one", "two"};
  expected["days"] = nlohmann::ordered_json::array({{{"n", 1}}, {true}});
  EXPECT_EQ(out, nlohmann_dump(expected));
}

TEST(JsonWriter, WritesAScalarAtTopLevel) {
  std::string out;
  json_writer j(out);
  j.value("alone");
  EXPECT_EQ(out, R"("alone")");
}

}  // namespace
