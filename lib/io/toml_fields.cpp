#include "io/toml_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

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

}  // namespace

std::string toml_location(std::string_view source, const toml::source_region& region) {
  return fmt::format("{}:{}:{}", source, region.begin.line, region.begin.column);
}

toml::table parse_toml_text(std::string_view text, std::string_view source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw error::invalid_catalogue(fmt::format("{}: {}; accepted: TOML 1.0 (https://toml.io)",
                                               toml_location(source, e.source()), e.description()));
  }
}

toml::table parse_toml_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error::io(fmt::format("cannot read '{}': no such file or not readable", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw error::io(fmt::format("cannot read '{}': read error", path));
  return parse_toml_text(text.str(), path);
}

toml_fields::toml_fields(const toml::table& table, std::string_view source, std::string what,
                         std::vector<std::string_view> accepted)
    : table_(table), source_(source), what_(std::move(what)) {
  const toml::key* unknown = nullptr;
  for (const auto& [key, value] : table_) {
    if (std::find(accepted.begin(), accepted.end(), key.str()) != accepted.end()) continue;
    if (unknown == nullptr || before(key.source().begin, unknown->source().begin)) {
      unknown = &key;
    }
  }
  if (unknown != nullptr) {
    fail(unknown->source(), fmt::format("unknown key '{}' in {}; accepted: {}", unknown->str(),
                                        what_, fmt::join(accepted, ", ")));
  }
}

error toml_error(std::string_view source, const toml::source_region& where,
                 std::string_view problem) {
  return error::invalid_catalogue(fmt::format("{}: {}", toml_location(source, where), problem));
}

void toml_fields::fail(const toml::source_region& where, std::string_view problem) const {
  throw toml_error(source_, where, problem);
}

void toml_fields::fail_at_key(std::string_view key, std::string_view problem) const {
  const toml::node* node = find(key);
  fail(node != nullptr ? node->source() : table_.source(), problem);
}

bool toml_fields::has(std::string_view key) const noexcept { return find(key) != nullptr; }

const toml::node* toml_fields::find(std::string_view key) const noexcept { return table_.get(key); }

const toml::node& toml_fields::need(std::string_view key, std::string_view expected) const {
  const toml::node* node = find(key);
  if (node == nullptr) {
    fail(table_.source(), fmt::format("{} has no '{}'; accepted: {}", what_, key, expected));
  }
  return *node;
}

void toml_fields::wrong_type(std::string_view key, const toml::node& node,
                             std::string_view expected) const {
  fail(node.source(),
       fmt::format("'{}' in {} is {}; accepted: {}", key, what_, type_name(node), expected));
}

void toml_fields::bad_choice(std::string_view key, std::string_view value,
                             std::string_view accepted) const {
  fail_at_key(key, fmt::format("'{}' in {} is '{}'; accepted: {}", key, what_, value, accepted));
}

std::string toml_fields::text(std::string_view key) const {
  const auto& node = need(key, "a string");
  const auto* value = node.as_string();
  if (value == nullptr) wrong_type(key, node, "a string");
  return value->get();
}

std::optional<std::string> toml_fields::optional_text(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return text(key);
}

std::string toml_fields::text_or(std::string_view key, std::string fallback) const {
  return has(key) ? text(key) : std::move(fallback);
}

int toml_fields::integer(std::string_view key) const {
  const auto& node = need(key, "an integer");
  const auto* value = node.as_integer();
  if (value == nullptr) wrong_type(key, node, "an integer");
  const std::int64_t v = value->get();
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
    fail(node.source(),
         fmt::format("'{}' in {} is {}; accepted: an integer from {} to {}", key, what_, v,
                     std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
  }
  return static_cast<int>(v);
}

std::optional<int> toml_fields::optional_integer(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return integer(key);
}

int toml_fields::integer_or(std::string_view key, int fallback) const {
  return has(key) ? integer(key) : fallback;
}

double toml_fields::number(std::string_view key) const {
  const auto& node = need(key, "a number");
  if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
  const auto* f = node.as_floating_point();
  if (f == nullptr) wrong_type(key, node, "a number");
  return f->get();
}

double toml_fields::number_or(std::string_view key, double fallback) const {
  return has(key) ? number(key) : fallback;
}

bool toml_fields::boolean_or(std::string_view key, bool fallback) const {
  const toml::node* node = find(key);
  if (node == nullptr) return fallback;
  const auto* value = node->as_boolean();
  if (value == nullptr) wrong_type(key, *node, "true or false");
  return value->get();
}

std::vector<std::string> toml_fields::texts(std::string_view key) const {
  std::vector<std::string> out;
  const toml::node* node = find(key);
  if (node == nullptr) return out;
  const auto* items = node->as_array();
  if (items == nullptr) wrong_type(key, *node, "an array of strings");
  for (const auto& item : *items) {
    const auto* value = item.as_string();
    if (value == nullptr) {
      fail(item.source(), fmt::format("an element of '{}' in {} is {}; accepted: strings", key,
                                      what_, type_name(item)));
    }
    out.push_back(value->get());
  }
  return out;
}

const toml::table* toml_fields::table(std::string_view key) const {
  const toml::node* node = find(key);
  if (node == nullptr) return nullptr;
  const auto* value = node->as_table();
  if (value == nullptr) wrong_type(key, *node, "a table");
  return value;
}

const toml::table& toml_fields::required_table(std::string_view key) const {
  const auto& node = need(key, "a table");
  const auto* value = node.as_table();
  if (value == nullptr) wrong_type(key, node, "a table");
  return *value;
}

std::vector<const toml::table*> toml_fields::tables(std::string_view key) const {
  std::vector<const toml::table*> out;
  const toml::node* node = find(key);
  if (node == nullptr) return out;
  const auto* items = node->as_array();
  if (items == nullptr) wrong_type(key, *node, "an array of tables");
  for (const auto& item : *items) {
    const auto* value = item.as_table();
    if (value == nullptr) {
      fail(item.source(), fmt::format("an element of '{}' in {} is {}; accepted: tables", key,
                                      what_, type_name(item)));
    }
    out.push_back(value);
  }
  return out;
}

const toml::array& toml_fields::array(std::string_view key) const {
  const auto& node = need(key, "an array");
  const auto* value = node.as_array();
  if (value == nullptr) wrong_type(key, node, "an array");
  return *value;
}

}  // namespace kneerehab::detail
