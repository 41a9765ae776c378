#pragma once
// Typed, located reads from a toml++ table. Every failure throws
// error(errc::invalid_catalogue) as "file:line:column: what is wrong; accepted: ...", so the
// catalogue sources and therapist protocol files report problems the same way.
// toml++ is a private dependency: include this header from lib/ only.

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/core/error.hpp"

namespace kneerehab::detail {

/// "file:line:column".
std::string toml_location(std::string_view source, const toml::source_region& region);

/// error(errc::invalid_catalogue) "file:line:column: problem".
error toml_error(std::string_view source, const toml::source_region& where,
                 std::string_view problem);

/// Parses `text`; a syntax error throws with its location.
toml::table parse_toml_text(std::string_view text, std::string_view source);

/// Reads `path` and parses it; an unreadable file throws error(errc::io).
toml::table parse_toml_file(const std::string& path);

class toml_fields {
 public:
  /// Rejects any key of `table` not in `accepted` (the earliest one in the file).
  toml_fields(const toml::table& table, std::string_view source, std::string what,
              std::vector<std::string_view> accepted);

  /// Names the item in messages, e.g. "exercise 'glute-bridge'" once the id is known.
  void describe_as(std::string what) { what_ = std::move(what); }
  [[nodiscard]] const std::string& what() const noexcept { return what_; }
  [[nodiscard]] std::string_view source() const noexcept { return source_; }

  [[noreturn]] void fail(const toml::source_region& where, std::string_view problem) const;
  [[noreturn]] void fail_at_key(std::string_view key, std::string_view problem) const;

  [[nodiscard]] bool has(std::string_view key) const noexcept;

  [[nodiscard]] std::string text(std::string_view key) const;
  [[nodiscard]] std::optional<std::string> optional_text(std::string_view key) const;
  [[nodiscard]] std::string text_or(std::string_view key, std::string fallback) const;

  [[nodiscard]] int integer(std::string_view key) const;
  [[nodiscard]] std::optional<int> optional_integer(std::string_view key) const;
  [[nodiscard]] int integer_or(std::string_view key, int fallback) const;

  /// Integers are accepted where a number is expected ("mild = 0").
  [[nodiscard]] double number(std::string_view key) const;
  [[nodiscard]] double number_or(std::string_view key, double fallback) const;

  [[nodiscard]] bool boolean_or(std::string_view key, bool fallback) const;

  /// An array of strings; empty when the key is absent.
  [[nodiscard]] std::vector<std::string> texts(std::string_view key) const;

  /// A table; nullptr when absent.
  [[nodiscard]] const toml::table* table(std::string_view key) const;
  [[nodiscard]] const toml::table& required_table(std::string_view key) const;
  /// An array whose elements are all tables (inline or [[headers]]); empty when absent.
  [[nodiscard]] std::vector<const toml::table*> tables(std::string_view key) const;
  /// An array; throws when absent.
  [[nodiscard]] const toml::array& array(std::string_view key) const;

  /// A string naming one of a closed set; `parse` is one of the model's parse_* functions.
  template <typename Parse>
  [[nodiscard]] auto choice(std::string_view key, Parse parse, std::string_view accepted) const {
    const std::string value = text(key);
    auto parsed = parse(value);
    if (!parsed) bad_choice(key, value, accepted);
    return *parsed;
  }
  template <typename Parse, typename Enum>
  [[nodiscard]] Enum choice_or(std::string_view key, Parse parse, std::string_view accepted,
                               Enum fallback) const {
    return has(key) ? choice(key, parse, accepted) : fallback;
  }

 private:
  [[nodiscard]] const toml::node* find(std::string_view key) const noexcept;
  [[nodiscard]] const toml::node& need(std::string_view key, std::string_view expected) const;
  [[noreturn]] void wrong_type(std::string_view key, const toml::node& node,
                               std::string_view expected) const;
  [[noreturn]] void bad_choice(std::string_view key, std::string_view value,
                               std::string_view accepted) const;

  const toml::table& table_;
  std::string source_;
  std::string what_;
};

}  // namespace kneerehab::detail
