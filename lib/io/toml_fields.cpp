#include "io/toml_fields.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "catalogue/validate.hpp"
#include "kneerehab/core/error.hpp"

namespace kneerehab::detail {
namespace {

std::string_view type_name(const toml::node& node) noexcept {
  switch (node.type()) {
    case toml::node_type::none:
      return "nothing";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
  }
  return "a value";
}

bool before(const toml::source_position& a, const toml::source_position& b) noexcept {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}

std::string range_text(double low, double high) { return fmt::format("{} to {}", low, high); }

}  // namespace

void toml_problems::add(std::string_view code, std::string_view source,
                        const toml::source_region& where, std::string_view item,
                        std::string_view field, std::string_view sentence) {
  auto d = make_diagnostic(code, item, field, sentence);
  d.where.file = source;
  d.where.line = static_cast<int>(where.begin.line);
  d.where.column = static_cast<int>(where.begin.column);
  list_.push_back(std::move(d));
}

std::optional<toml::table> parse_toml_text(std::string_view text, std::string_view source,
                                           toml_problems& problems) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    problems.add("syntax", source, e.source(), "", "",
                 fmt::format("{}; accepted: TOML 1.0 (https://toml.io)", e.description()));
    return std::nullopt;
  }
}

std::optional<toml::table> parse_toml_file(const std::string& path, toml_problems& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error::io(fmt::format("cannot read '{}': no such file or not readable", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw error::io(fmt::format("cannot read '{}': read error", path));
  return parse_toml_text(text.str(), path, problems);
}

toml_fields::toml_fields(const toml::table& table, std::string_view source, std::string item,
                         const std::vector<std::string_view>& accepted, toml_problems& problems)
    : table_(table), source_(source), item_(std::move(item)), problems_(problems) {
  std::vector<const toml::key*> unknown;
  for (const auto& [key, value] : table_) {
    if (std::find(accepted.begin(), accepted.end(), key.str()) == accepted.end()) {
      unknown.push_back(&key);
    }
  }
  std::sort(unknown.begin(), unknown.end(), [](const toml::key* a, const toml::key* b) {
    return before(a->source().begin, b->source().begin);
  });
  for (const auto* key : unknown) {
    report("unknown-key", key->source(), key->str(),
           fmt::format("unknown key '{}'; accepted: {}", key->str(), fmt::join(accepted, ", ")));
  }
}

void toml_fields::report(std::string_view code, const toml::source_region& where,
                         std::string_view field, std::string_view sentence) const {
  problems_.add(code, source_, where, item_, field, sentence);
}

void toml_fields::report_at_key(std::string_view code, std::string_view key,
                                std::string_view sentence) const {
  const toml::node* node = find(key);
  report(code, node != nullptr ? node->source() : table_.source(), key, sentence);
}

const toml::node* toml_fields::find(std::string_view key) const noexcept { return table_.get(key); }

const toml::node* toml_fields::present(std::string_view key, presence use,
                                       std::string_view expected) const {
  const toml::node* node = find(key);
  if (node == nullptr && use == presence::required) {
    report("missing-field", table_.source(), key,
           fmt::format("'{}' is missing; accepted: {}", key, expected));
  }
  return node;
}

void toml_fields::wrong_type(std::string_view key, const toml::node& node,
                             std::string_view expected) const {
  report("wrong-type", node.source(), key,
         fmt::format("'{}' is {}; accepted: {}", key, type_name(node), expected));
}

void toml_fields::bad_choice(const toml::node& node, std::string_view key, std::string_view value,
                             std::string_view accepted) const {
  report("bad-enum", node.source(), key,
         fmt::format("'{}' is '{}'; accepted: {}", key, value, accepted));
}

std::optional<std::string> toml_fields::text(const toml::node& node, std::string_view key,
                                             std::string_view expected) const {
  const auto* value = node.as_string();
  if (value == nullptr) {
    wrong_type(key, node, expected);
    return std::nullopt;
  }
  return value->get();
}

std::optional<int> toml_fields::integer_in(const toml::node& node, std::string_view key, double low,
                                           double high) const {
  const auto* value = node.as_integer();
  if (value == nullptr) {
    wrong_type(key, node, low <= high ? "an integer from " + range_text(low, high) : "an integer");
    return std::nullopt;
  }
  // 64 bits as written; checked before it is narrowed.
  const std::int64_t v = value->get();
  const double x = static_cast<double>(v);
  const bool inside =
      low <= high ? (x >= low && x <= high)
                  : (v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max());
  if (!inside) {
    report("out-of-range", node.source(), key,
           fmt::format("'{}' is {}; accepted: {}", key, v,
                       low <= high ? range_text(low, high)
                                   : range_text(std::numeric_limits<int>::min(),
                                                std::numeric_limits<int>::max())));
    return std::nullopt;
  }
  return static_cast<int>(v);
}

std::optional<double> toml_fields::number(const toml::node& node, std::string_view key, double low,
                                          double high) const {
  double x = 0;
  if (const auto* i = node.as_integer()) {
    x = static_cast<double>(i->get());
  } else if (const auto* f = node.as_floating_point()) {
    x = f->get();
  } else {
    wrong_type(key, node, low <= high ? "a number from " + range_text(low, high) : "a number");
    return std::nullopt;
  }
  const bool inside = std::isfinite(x) &&
                      (low > high || (x >= low - range_tolerance && x <= high + range_tolerance));
  if (!inside) {
    report("out-of-range", node.source(), key,
           fmt::format("'{}' is {}; accepted: {}", key, x,
                       low <= high ? range_text(low, high) : "a finite number"));
    return std::nullopt;
  }
  return x;
}

std::optional<bool> toml_fields::boolean(const toml::node& node, std::string_view key) const {
  const auto* value = node.as_boolean();
  if (value == nullptr) {
    wrong_type(key, node, "true or false");
    return std::nullopt;
  }
  return value->get();
}

std::vector<std::string> toml_fields::texts(std::string_view key) const {
  std::vector<std::string> out;
  const toml::node* node = find(key);
  if (node == nullptr) return out;
  const auto* items = node->as_array();
  if (items == nullptr) {
    wrong_type(key, *node, "an array of strings");
    return out;
  }
  for (const auto& item : *items) {
    if (const auto* value = item.as_string()) {
      out.push_back(value->get());
    } else {
      report("wrong-type", item.source(), key,
             fmt::format("an element of '{}' is {}; accepted: strings", key, type_name(item)));
    }
  }
  return out;
}

const toml::table* toml_fields::table(std::string_view key, bool must) const {
  const toml::node* node = present(key, must ? presence::required : presence::optional, "a table");
  if (node == nullptr) return nullptr;
  const auto* value = node->as_table();
  if (value == nullptr) wrong_type(key, *node, "a table");
  return value;
}

std::vector<const toml::table*> toml_fields::tables(std::string_view key, bool must) const {
  std::vector<const toml::table*> out;
  const toml::node* node =
      present(key, must ? presence::required : presence::optional, "an array of tables");
  if (node == nullptr) return out;
  const auto* items = node->as_array();
  if (items == nullptr) {
    wrong_type(key, *node, "an array of tables");
    return out;
  }
  for (const auto& item : *items) {
    if (const auto* value = item.as_table()) {
      out.push_back(value);
    } else {
      report("wrong-type", item.source(), key,
             fmt::format("an element of '{}' is {}; accepted: tables", key, type_name(item)));
    }
  }
  return out;
}

const toml::array* toml_fields::array(std::string_view key) const {
  const toml::node* node = present(key, presence::required, "an array");
  if (node == nullptr) return nullptr;
  const auto* value = node->as_array();
  if (value == nullptr) wrong_type(key, *node, "an array");
  return value;
}

}  // namespace kneerehab::detail
