#pragma once
// Typed, located reads from a toml++ table that collect problems instead of stopping at the
// first: every unknown key, wrong type, missing key and out-of-range value becomes one
// diagnostic with file:line:column, item, field, code and a hint saying what is accepted, and
// reading goes on with the field's default. The caller throws them all together.
// toml++ is a private dependency: include this header from lib/ only.

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "kneerehab/core/diagnostics.hpp"
#include "model/fields.hpp"

namespace kneerehab::detail {

/// Every problem found in the TOML sources read so far, in the order found.
class toml_problems {
 public:
  void add(std::string_view code, std::string_view source, const toml::source_region& where,
           std::string_view item, std::string_view field, std::string_view sentence);
  [[nodiscard]] std::size_t size() const noexcept { return list_.size(); }
  [[nodiscard]] bool empty() const noexcept { return list_.empty(); }
  [[nodiscard]] std::vector<diagnostic>& list() noexcept { return list_; }

 private:
  std::vector<diagnostic> list_;
};

/// Parses `text`; a syntax error is recorded (code "syntax") and gives nullopt.
std::optional<toml::table> parse_toml_text(std::string_view text, std::string_view source,
                                           toml_problems& problems);

/// Reads `path` and parses it; an unreadable file throws error(errc::io).
std::optional<toml::table> parse_toml_file(const std::string& path, toml_problems& problems);

class toml_fields {
 public:
  /// Records every key of `table` not in `accepted` (code "unknown-key"), in file order.
  toml_fields(const toml::table& table, std::string_view source, std::string item,
              const std::vector<std::string_view>& accepted, toml_problems& problems);

  [[nodiscard]] const std::string& item() const noexcept { return item_; }
  [[nodiscard]] std::string_view source() const noexcept { return source_; }
  [[nodiscard]] const toml::table& table() const noexcept { return table_; }
  [[nodiscard]] toml_problems& problems() const noexcept { return problems_; }

  /// Records a problem of this item at `where`; `sentence` is "what; accepted: ...".
  void report(std::string_view code, const toml::source_region& where, std::string_view field,
              std::string_view sentence) const;
  /// At the key's value, or at the table when the key is absent.
  void report_at_key(std::string_view code, std::string_view key, std::string_view sentence) const;

  [[nodiscard]] bool has(std::string_view key) const noexcept { return find(key) != nullptr; }
  [[nodiscard]] const toml::node* find(std::string_view key) const noexcept;

  /// Reads every field of `fields` into `value`: required keys must be there, the others keep
  /// the value they have; types, enum names and ranges are checked.
  template <typename Struct, std::size_t N>
  void read(const std::array<field<Struct>, N>& fields, Struct& value) const {
    for_each_field(fields, value, [&](const auto& fd, auto& v) { read_one(fd, v); });
  }
  /// Reads every list of `lists` into `value`.
  template <typename Struct, std::size_t N>
  void read(const std::array<list_field<Struct>, N>& lists, Struct& value) const {
    for (const auto& l : lists) value.*(l.member) = texts(l.key);
  }

  /// An array of strings; empty when the key is absent.
  [[nodiscard]] std::vector<std::string> texts(std::string_view key) const;
  /// A table; nullptr when absent (recorded as missing when `required`) or not a table.
  [[nodiscard]] const toml::table* table(std::string_view key, bool must) const;
  /// An array of tables (inline or [[headers]]); the elements that are tables.
  [[nodiscard]] std::vector<const toml::table*> tables(std::string_view key, bool must) const;
  /// An array; nullptr when absent (recorded as missing) or not an array.
  [[nodiscard]] const toml::array* array(std::string_view key) const;

  /// An integer checked against [low, high] (reported as "'KEY' LABEL is V"); nullopt when it
  /// is not an integer or out of range (both recorded).
  [[nodiscard]] std::optional<int> integer_in(const toml::node& node, std::string_view key,
                                              double low, double high) const;

 private:
  template <typename Field>
  void read_one(const Field& fd, int& v) const {
    if (const auto* node = present(fd.key, fd.use, "an integer")) {
      if (auto x = integer_in(*node, fd.key, fd.low, fd.high)) v = *x;
    }
  }
  template <typename Field>
  void read_one(const Field& fd, std::optional<int>& v) const {
    if (const auto* node = present(fd.key, fd.use, "an integer")) {
      v = integer_in(*node, fd.key, fd.low, fd.high);
    }
  }
  template <typename Field>
  void read_one(const Field& fd, double& v) const {
    if (const auto* node = present(fd.key, fd.use, "a number")) {
      if (auto x = number(*node, fd.key, fd.low, fd.high)) v = *x;
    }
  }
  template <typename Field>
  void read_one(const Field& fd, bool& v) const {
    if (const auto* node = present(fd.key, fd.use, "true or false")) {
      if (auto x = boolean(*node, fd.key)) v = *x;
    }
  }
  template <typename Field>
  void read_one(const Field& fd, std::string& v) const {
    if (const auto* node = present(fd.key, fd.use, "a string")) {
      if (auto x = text(*node, fd.key)) v = std::move(*x);
    }
  }
  template <typename Field>
  void read_one(const Field& fd, std::optional<std::string>& v) const {
    if (const auto* node = present(fd.key, fd.use, "a string")) v = text(*node, fd.key);
  }
  template <typename Field, typename Enum>
  requires std::is_enum_v<Enum>
  void read_one(const Field& fd, Enum& v) const {
    const auto* node = present(fd.key, fd.use, accepted_names<Enum>());
    if (node == nullptr) return;
    const auto name = text(*node, fd.key, accepted_names<Enum>());
    if (!name) return;
    if (auto parsed = parse_enum_name<Enum>(*name)) {
      v = *parsed;
    } else {
      bad_choice(*node, fd.key, *name, accepted_names<Enum>());
    }
  }

  /// The key's node, or nullptr when absent (recorded as missing when required).
  [[nodiscard]] const toml::node* present(std::string_view key, presence use,
                                          std::string_view expected) const;
  [[nodiscard]] std::optional<std::string> text(const toml::node& node, std::string_view key,
                                                std::string_view expected = "a string") const;
  [[nodiscard]] std::optional<double> number(const toml::node& node, std::string_view key,
                                             double low, double high) const;
  [[nodiscard]] std::optional<bool> boolean(const toml::node& node, std::string_view key) const;
  void wrong_type(std::string_view key, const toml::node& node, std::string_view expected) const;
  void bad_choice(const toml::node& node, std::string_view key, std::string_view value,
                  std::string_view accepted) const;

  const toml::table& table_;
  std::string source_;
  std::string item_;
  toml_problems& problems_;
};

}  // namespace kneerehab::detail
