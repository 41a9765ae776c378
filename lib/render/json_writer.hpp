#pragma once
// A streaming JSON writer: appends to a string as it goes, builds no document tree.
// The layout is the one nlohmann::json::dump(2) gives (and the golden files hold):
// two-space indentation, "key": value, "[]" and "{}" for empty containers, no trailing
// newline. Strings pass valid UTF-8 through unchanged, escape '"', '\\' and the control
// characters below 0x20, and replace each invalid UTF-8 sequence with U+FFFD.

#include <string>
#include <string_view>
#include <vector>

namespace kneerehab::detail {

class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// The next member's key; the value follows with one of the calls below.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(int number);
  void value(double number);
  void value(bool flag);

  /// A member in one call: key(name) then value(v).
  template <typename T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

  /// An array of strings.
  void string_array(const std::vector<std::string>& items);

 private:
  void open(char bracket);
  void close(char bracket);
  void before_value();  ///< comma, newline and indentation as the position needs
  void newline_indent();

  std::string& out_;
  // One entry per open container: has it got an element yet?
  std::vector<bool> has_items_;
  bool after_key_ = false;
};

/// `text` as a JSON string literal with quotes, escaped as json_writer escapes.
void append_json_string(std::string& out, std::string_view text);

/// `number` as nlohmann::json writes a double: shortest round-trip digits, always with a
/// decimal point or an exponent ("12.0", "0.25", "1e+16"), "null" when not finite.
void append_json_number(std::string& out, double number);

}  // namespace kneerehab::detail
