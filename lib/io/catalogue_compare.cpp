// Comparing exercises.db with a catalogue in memory, row by row: catalogue_difference.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "io/atomic_file.hpp"
#include "io/catalogue_db.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_database.hpp"

namespace kneerehab {
namespace {

namespace fs = std::filesystem;

// ---- comparing -----------------------------------------------------------------------------

struct table_rows {
  std::vector<std::string> columns;
  std::vector<std::string> key_columns;
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;  // key, values
};

std::vector<std::string> table_names(SQLite::Database& db) {
  SQLite::Statement st(db,
                       "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%' ORDER BY rowid");
  std::vector<std::string> names;
  while (st.executeStep()) names.push_back(st.getColumn("name").getString());
  return names;
}

std::string literal(const SQLite::Column& c) {
  if (c.isNull()) return "NULL";
  if (c.isInteger()) return std::to_string(c.getInt64());
  if (c.isFloat()) return fmt::format("{}", c.getDouble());
  return fmt::format("'{}'", c.getString());
}

table_rows read_table(SQLite::Database& db, const std::string& table) {
  table_rows out;
  SQLite::Statement info(db, fmt::format("PRAGMA table_info({})", table));
  std::vector<std::pair<int, std::string>> keys;
  while (info.executeStep()) {
    out.columns.push_back(info.getColumn("name").getString());
    if (const int pk = info.getColumn("pk").getInt(); pk > 0)
      keys.emplace_back(pk, out.columns.back());
  }
  std::sort(keys.begin(), keys.end());
  for (const auto& key : keys) out.key_columns.push_back(key.second);
  if (out.key_columns.empty()) out.key_columns = out.columns;
  // The columns by name, as pragma table_info lists them, never `SELECT *`.
  SQLite::Statement st(db, fmt::format("SELECT {} FROM {}", fmt::join(out.columns, ", "), table));
  while (st.executeStep()) {
    std::vector<std::string> values;
    std::vector<std::string> key_parts;
    for (int i = 0; i < st.getColumnCount(); ++i) {
      values.push_back(literal(st.getColumn(i)));
      const auto& name = out.columns[static_cast<std::size_t>(i)];
      if (std::find(out.key_columns.begin(), out.key_columns.end(), name) !=
          out.key_columns.end()) {
        key_parts.push_back(fmt::format("{}={}", name, values.back()));
      }
    }
    out.rows.emplace_back(fmt::format("{}", fmt::join(key_parts, ", ")), std::move(values));
  }
  std::sort(out.rows.begin(), out.rows.end());
  return out;
}

std::optional<std::string> compare_rows(const std::string& table, const table_rows& actual,
                                        const table_rows& expected) {
  std::map<std::string, const std::vector<std::string>*> by_key;
  for (const auto& [key, values] : actual.rows) by_key.emplace(key, &values);
  for (const auto& [key, values] : expected.rows) {
    const auto it = by_key.find(key);
    if (it == by_key.end()) {
      return fmt::format(
          "table '{}': row {} is in the expected catalogue but not in the "
          "database",
          table, key);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if ((*it->second)[i] != values[i]) {
        return fmt::format(
            "table '{}', row {}: column '{}' is {} in the database, {} in the "
            "expected catalogue",
            table, key, expected.columns[i], (*it->second)[i], values[i]);
      }
    }
    by_key.erase(it);
  }
  if (!by_key.empty()) {
    return fmt::format("table '{}': row {} is in the database but not in the expected catalogue",
                       table, by_key.begin()->first);
  }
  return std::nullopt;
}

std::optional<std::string> compare_databases(SQLite::Database& actual, SQLite::Database& expected) {
  const auto actual_tables = table_names(actual);
  const auto expected_tables = table_names(expected);
  for (const auto& table : expected_tables) {
    if (std::find(actual_tables.begin(), actual_tables.end(), table) == actual_tables.end()) {
      return fmt::format("table '{}' is missing from the database", table);
    }
    const auto have = read_table(actual, table);
    const auto want = read_table(expected, table);
    if (have.columns != want.columns) {
      return fmt::format(
          "table '{}' has columns ({}) in the database, ({}) in the expected "
          "catalogue",
          table, fmt::join(have.columns, ", "), fmt::join(want.columns, ", "));
    }
    if (auto difference = compare_rows(table, have, want)) return difference;
  }
  for (const auto& table : actual_tables) {
    if (std::find(expected_tables.begin(), expected_tables.end(), table) == expected_tables.end()) {
      return fmt::format("table '{}' is in the database but not in the expected catalogue", table);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> catalogue_difference(const std::filesystem::path& path,
                                                const catalogue& expected) {
  // The expected side goes through the same writer, so both are compared as rows of the
  // same schema rather than as C++ values with a second, hand-written comparison.
  const auto scratch =
      detail::create_unique_file(fs::temp_directory_path(), "kneerehab-expected.db");
  try {
    write_catalogue(expected, scratch);
    std::optional<std::string> difference;
    {
      auto actual = detail::open_read_only(path);
      SQLite::Database want(scratch.string(), SQLite::OPEN_READONLY);
      difference = compare_databases(*actual, want);
    }
    detail::remove_quietly(scratch);
    return difference;
  } catch (const SQLite::Exception& e) {
    detail::remove_quietly(scratch);
    detail::translate(e, path);
  } catch (...) {
    detail::remove_quietly(scratch);
    throw;
  }
}

}  // namespace kneerehab
