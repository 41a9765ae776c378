// Writing exercises.db: write_catalogue. Schema: data/schema.sql (embedded at build time as
// detail::catalogue_schema_sql).
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "io/atomic_file.hpp"
#include "io/catalogue_schema.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "model/fields.hpp"

namespace kneerehab {
namespace {

namespace fs = std::filesystem;

// ---- writing -------------------------------------------------------------------------------

// One row to insert: its columns, named, and their values.
using sql_value = std::variant<std::monostate, std::int64_t, double, std::string>;

class sql_row {
 public:
  sql_row& add(std::string column, sql_value value) {
    columns_.push_back(std::move(column));
    values_.push_back(std::move(value));
    return *this;
  }
  sql_row& add(std::string column, std::size_t position) {
    return add(std::move(column), sql_value(static_cast<std::int64_t>(position)));
  }
  sql_row& add(std::string column, const std::string& text) {
    return add(std::move(column), sql_value(text));
  }

  // Every field of `fields` on `value`, in the columns the table names (with `prefix`).
  template <typename Struct, std::size_t N>
  sql_row& add(const std::array<detail::field<Struct>, N>& fields, const Struct& value,
               std::string_view prefix = "") {
    detail::for_each_field(fields, value, [&](const auto& fd, const auto& v) {
      add(fmt::format("{}{}", prefix, fd.column), to_sql(fd, v));
    });
    return *this;
  }

  [[nodiscard]] const std::vector<std::string>& columns() const noexcept { return columns_; }
  [[nodiscard]] const std::vector<sql_value>& values() const noexcept { return values_; }

 private:
  template <typename Field, typename T>
  static sql_value to_sql(const Field& fd, const T& v) {
    if constexpr (std::is_same_v<T, int> || std::is_same_v<T, bool>) {
      return static_cast<std::int64_t>(v);
    } else if constexpr (std::is_same_v<T, double>) {
      return v;
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (v.empty() && fd.use == detail::presence::null_when_empty) return std::monostate{};
      return v;
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
      if (!v) return std::monostate{};
      return *v;
    } else if constexpr (std::is_same_v<T, std::optional<int>>) {
      if (!v) return std::monostate{};
      return static_cast<std::int64_t>(*v);
    } else {
      static_assert(std::is_enum_v<T>);
      return std::string(to_string(v));
    }
  }

  std::vector<std::string> columns_;
  std::vector<sql_value> values_;
};

class writer {
 public:
  explicit writer(SQLite::Database& db) : db_(db) {}

  void write(const catalogue_content& c) {
    write_red_flags(c);
    write_ladders(c);
    for (std::size_t i = 0; i < c.exercises.size(); ++i) write_exercise(c.exercises[i], i + 1);
    for (std::size_t i = 0; i < c.conditions.size(); ++i) write_condition(c.conditions[i], i + 1);
    for (std::size_t i = 0; i < c.protocols.size(); ++i) write_protocol(c.protocols[i], i + 1);
  }

 private:
  // INSERT INTO table (columns...) VALUES (?...): never relies on the schema's column order.
  void insert(const std::string& table, const sql_row& r) {
    const auto sql =
        fmt::format("INSERT INTO {} ({}) VALUES ({})", table, fmt::join(r.columns(), ", "),
                    fmt::join(std::vector<std::string>(r.columns().size(), "?"), ", "));
    auto& slot = statements_[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
    auto& st = *slot;
    st.reset();
    int index = 0;
    for (const auto& value : r.values()) {
      ++index;
      std::visit(
          [&](const auto& v) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) {
              st.bind(index);
            } else {
              st.bind(index, v);
            }
          },
          value);
    }
    st.exec();
  }

  template <typename Struct, std::size_t N>
  void lists(const std::array<detail::list_field<Struct>, N>& fields, const Struct& value,
             const sql_row& owner) {
    for (const auto& l : fields) {
      const auto& items = value.*(l.member);
      for (std::size_t i = 0; i < items.size(); ++i) {
        sql_row r = owner;
        insert(std::string(l.table), r.add("position", i + 1).add(std::string(l.column), items[i]));
      }
    }
  }

  void write_red_flags(const catalogue_content& c) {
    for (std::size_t i = 0; i < c.red_flags.size(); ++i) {
      insert("red_flags",
             sql_row().add(detail::red_flag_fields, c.red_flags[i]).add("position", i + 1));
    }
    for (std::size_t i = 0; i < c.symptoms.size(); ++i) {
      insert("symptoms",
             sql_row().add(detail::symptom_fields, c.symptoms[i]).add("position", i + 1));
    }
  }

  void write_ladders(const catalogue_content& c) {
    for (std::size_t i = 0; i < c.ladders.size(); ++i) {
      const auto& l = c.ladders[i];
      insert("ladders", sql_row().add(detail::ladder_fields, l).add("position", i + 1));
      for (std::size_t j = 0; j < l.steps.size(); ++j) {
        insert("ladder_steps", sql_row()
                                   .add("ladder_id", l.id)
                                   .add("position", j + 1)
                                   .add(detail::interval_step_fields, l.steps[j]));
      }
    }
  }

  void write_exercise(const exercise& e, std::size_t position) {
    insert("exercises", sql_row()
                            .add(detail::exercise_fields, e)
                            .add("position", position)
                            .add(detail::dosage_fields, e.default_dosage));
    lists(detail::exercise_lists, e, sql_row().add("exercise_id", e.id));
  }

  void write_condition(const condition& c, std::size_t position) {
    sql_row r;
    r.add(detail::condition_fields, c).add("position", position);
    for (const auto& m : detail::condition_timelines) {
      r.add(detail::timeline_fields, c.*m.member, fmt::format("{}_", m.key));
    }
    const auto age_prefix = fmt::format("{}_", detail::typical_age_key);
    if (c.typical_age) {
      r.add(detail::age_range_fields, *c.typical_age, age_prefix);
    } else {
      for (const auto& fd : detail::age_range_fields) {
        r.add(fmt::format("{}{}", age_prefix, fd.column), sql_value(std::monostate{}));
      }
    }
    insert("conditions", r);
    lists(detail::condition_lists, c, sql_row().add("condition_id", c.id));
  }

  void write_protocol(const protocol& p, std::size_t position) {
    insert("protocols", sql_row()
                            .add(detail::protocol_fields, p)
                            .add("position", position)
                            .add(detail::length_rule_fields, p.lengths)
                            .add(detail::pain_rule_fields, p.pain)
                            .add(detail::load_rule_fields, p.load)
                            .add(detail::session_rule_fields, p.sessions));
    lists(detail::protocol_lists, p, sql_row().add("protocol_id", p.id));
    for (std::size_t i = 0; i < p.advice.size(); ++i) {
      insert("protocol_advice", sql_row()
                                    .add("protocol_id", p.id)
                                    .add("position", i + 1)
                                    .add(detail::advice_fields, p.advice[i]));
    }
    for (std::size_t i = 0; i < p.phases.size(); ++i) write_phase(p.id, p.phases[i], i + 1);
  }

  void write_phase(const std::string& protocol_id, const phase& ph, std::size_t position) {
    insert("phases", sql_row()
                         .add("protocol_id", protocol_id)
                         .add("position", position)
                         .add(detail::phase_fields, ph)
                         .add(detail::running_rule_fields, ph.running));
    const auto owner = sql_row().add("protocol_id", protocol_id).add("phase_id", ph.id);
    for (std::size_t i = 0; i < ph.entry_criteria.size(); ++i) {
      sql_row r = owner;
      insert("phase_criteria",
             r.add("position", i + 1).add(detail::criterion_fields, ph.entry_criteria[i]));
    }
    for (std::size_t i = 0; i < ph.prescriptions.size(); ++i) {
      const auto& p = ph.prescriptions[i];
      sql_row r = owner;
      insert("prescriptions", r.add("position", i + 1)
                                  .add(detail::prescription_fields, p)
                                  .add(detail::dosage_fields, p.dose));
      for (std::size_t j = 0; j < p.progression.size(); ++j) {
        sql_row s = owner;
        insert("prescription_steps", s.add("prescription_position", i + 1)
                                         .add("position", j + 1)
                                         .add(detail::dosage_step_fields, p.progression[j])
                                         .add(detail::dosage_fields, p.progression[j].dose));
      }
    }
    lists(detail::phase_lists, ph, owner);
  }

  SQLite::Database& db_;
  std::map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

void write_database(const catalogue_content& content, const fs::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA foreign_keys = ON");
  SQLite::Transaction transaction(db);
  db.exec(detail::catalogue_schema_sql);
  writer(db).write(content);
  db.exec(fmt::format("PRAGMA user_version = {}",
                      catalogue_schema_version.major * 1000 + catalogue_schema_version.minor));
  transaction.commit();
}

}  // namespace

void write_catalogue(const catalogue& cat, const std::filesystem::path& path) {
  detail::replace_file_atomically(path, [&](const fs::path& temporary) {
    try {
      write_database(cat.content(), temporary);
    } catch (const SQLite::Exception& e) {
      throw error::database(
          fmt::format("cannot write catalogue database '{}': {}", path.string(), e.what()));
    }
  });
}

}  // namespace kneerehab
