// The streaming JSON writer (json_writer.hpp). Byte-for-byte the layout, escapes and number
// format of nlohmann::json::dump(2, ' ', false, error_handler_t::replace), which produced the
// golden files before the writer existed; tests/json_writer_test.cpp compares the two.
#include "render/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <system_error>

namespace kneerehab::detail {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

bool needs_escape(unsigned char c) noexcept { return c < 0x20 || c == '"' || c == '\\'; }

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  static constexpr std::string_view hex = "0123456789abcdef";
  out += "\\u00";
  out += hex[c >> 4U];
  out += hex[c & 0xFU];
}

/// Length of the well-formed UTF-8 sequence (Unicode Table 3-7) at the start of `s`, which
/// starts with a byte >= 0x80; or, when it is not well formed, 0 and in `valid_prefix` how
/// many bytes form the longest prefix that could have started one (0 for a bad lead byte).
std::size_t utf8_sequence(std::string_view s, std::size_t& valid_prefix) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;  // range of the second byte; later bytes are 80..BF
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    valid_prefix = 0;
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const bool in_range =
        i < s.size() && byte(i) >= (i == 1 ? low : 0x80) && byte(i) <= (i == 1 ? high : 0xBF);
    if (!in_range) {
      valid_prefix = i;
      return 0;
    }
  }
  return length;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the longest run of printable ASCII in one go.
    std::size_t run = i;
    while (run < text.size()) {
      const auto c = static_cast<unsigned char>(text[run]);
      if (c >= 0x80 || needs_escape(c)) break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      append_escape(out, c);
      ++i;
      continue;
    }
    std::size_t valid_prefix = 0;
    const std::size_t length = utf8_sequence(text.substr(i), valid_prefix);
    if (length > 0) {
      out.append(text.data() + i, length);
      i += length;
    } else {
      // One replacement for the bad lead byte or for the unfinished sequence; the byte that
      // broke the sequence is read again as the start of the next one.
      out += replacement_character;
      i += valid_prefix == 0 ? 1 : valid_prefix;
    }
  }
  out += '"';
}

void append_json_number(std::string& out, double number) {
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  if (number == 0.0) {
    out += std::signbit(number) ? "-0.0" : "0.0";
    return;
  }
  // Shortest round-trip digits and the decimal exponent, then nlohmann's layout rules
  // (format_buffer with min_exp -4, max_exp 15).
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number,
                                    std::chars_format::scientific);
  const std::string_view sci(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
  std::size_t pos = 0;
  if (sci[pos] == '-') {
    out += '-';
    ++pos;
  }
  const std::size_t e = sci.find('e');
  std::string digits;
  for (std::size_t k = pos; k < e; ++k) {
    if (sci[k] != '.') digits += sci[k];
  }
  const int exponent = std::atoi(sci.data() + e + 1);  // "e+05" / "e-07"
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;  // value = 0.digits * 10^n
  constexpr int min_exp = -4;
  constexpr int max_exp = 15;
  if (k <= n && n <= max_exp) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
    out += ".0";
  } else if (0 < n && n <= max_exp) {
    out.append(digits, 0, static_cast<std::size_t>(n));
    out += '.';
    out.append(digits, static_cast<std::size_t>(n));
  } else if (min_exp < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += 'e';
    const int m = n - 1;
    out += m < 0 ? '-' : '+';
    const int magnitude = std::abs(m);
    if (magnitude < 10) out += '0';
    out += std::to_string(magnitude);
  }
}

void json_writer::newline_indent() {
  out_ += '\n';
  out_.append(has_items_.size() * 2, ' ');
}

void json_writer::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;
  if (has_items_.back()) out_ += ',';
  has_items_.back() = true;
  newline_indent();
}

void json_writer::open(char bracket) {
  before_value();
  out_ += bracket;
  has_items_.push_back(false);
}

void json_writer::close(char bracket) {
  const bool had_items = has_items_.back();
  has_items_.pop_back();
  if (had_items) newline_indent();
  out_ += bracket;
}

void json_writer::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += ": ";
  after_key_ = true;
}

void json_writer::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
}

void json_writer::value(int number) {
  before_value();
  std::array<char, 16> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  out_.append(buffer.data(), result.ptr);
}

void json_writer::value(double number) {
  before_value();
  append_json_number(out_, number);
}

void json_writer::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
}

void json_writer::string_array(const std::vector<std::string>& items) {
  begin_array();
  for (const auto& item : items) value(item);
  end_array();
}

}  // namespace kneerehab::detail
