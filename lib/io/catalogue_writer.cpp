// Writing exercises.db: write_catalogue. Schema: data/schema.sql (embedded at build time as
// detail::catalogue_schema_sql).
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/atomic_file.hpp"
#include "io/catalogue_schema.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_database.hpp"

namespace kneerehab {
namespace {

namespace fs = std::filesystem;

// ---- writing -------------------------------------------------------------------------------

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
  static void bind_one(SQLite::Statement& st, int index, int value) { st.bind(index, value); }
  static void bind_one(SQLite::Statement& st, int index, std::size_t value) {
    st.bind(index, static_cast<std::int64_t>(value));
  }
  static void bind_one(SQLite::Statement& st, int index, bool value) {
    st.bind(index, value ? 1 : 0);
  }
  static void bind_one(SQLite::Statement& st, int index, double value) { st.bind(index, value); }
  static void bind_one(SQLite::Statement& st, int index, const std::string& value) {
    st.bind(index, value);
  }
  static void bind_one(SQLite::Statement& st, int index, const std::optional<std::string>& v) {
    if (v) {
      st.bind(index, *v);
    } else {
      st.bind(index);
    }
  }
  static void bind_one(SQLite::Statement& st, int index, const std::optional<int>& v) {
    if (v) {
      st.bind(index, *v);
    } else {
      st.bind(index);
    }
  }

  // Inserts one row; `values` are in the column order of data/schema.sql.
  template <typename... Values>
  void row(const std::string& table, const Values&... values) {
    auto& slot = statements_[table];
    if (!slot) {
      std::string marks;
      for (std::size_t i = 0; i < sizeof...(Values); ++i) marks += i == 0 ? "?" : ", ?";
      slot = std::make_unique<SQLite::Statement>(
          db_, fmt::format("INSERT INTO {} VALUES ({})", table, marks));
    }
    auto& st = *slot;
    st.reset();
    int index = 0;
    (bind_one(st, ++index, values), ...);
    st.exec();
  }

  void list(const std::string& table, const std::string& owner,
            const std::vector<std::string>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) row(table, owner, i + 1, items[i]);
  }

  void phase_list(const std::string& table, const std::string& protocol_id,
                  const std::string& phase_id, const std::vector<std::string>& items) {
    for (std::size_t i = 0; i < items.size(); ++i)
      row(table, protocol_id, phase_id, i + 1, items[i]);
  }

  template <typename... Keys>
  void dosage_row(const std::string& table, const dosage& d, const Keys&... keys) {
    row(table, keys..., d.sets, d.reps, d.hold_s, d.minutes, d.tempo, d.load, d.sessions_per_week);
  }

  void write_red_flags(const catalogue_content& c) {
    for (std::size_t i = 0; i < c.red_flags.size(); ++i) {
      const auto& r = c.red_flags[i];
      row("red_flags", r.id, i + 1, r.name, r.why, r.action, r.source);
    }
    for (std::size_t i = 0; i < c.symptoms.size(); ++i) {
      const auto& s = c.symptoms[i];
      row("symptoms", s.id, i + 1, s.description, s.red_flag, s.min_age);
    }
  }

  void write_ladders(const catalogue_content& c) {
    for (std::size_t i = 0; i < c.ladders.size(); ++i) {
      const auto& l = c.ladders[i];
      row("ladders", l.id, i + 1, l.name, l.source);
      for (std::size_t j = 0; j < l.steps.size(); ++j) {
        const auto& s = l.steps[j];
        row("ladder_steps", l.id, j + 1, s.walk_s, s.run_s, s.repeats);
      }
    }
  }

  void write_exercise(const exercise& e, std::size_t position) {
    const auto& d = e.default_dosage;
    row("exercises", e.id, position, e.name, std::string(to_string(e.category)),
        std::string(to_string(e.load)), std::string(to_string(e.side)), d.sets, d.reps, d.hold_s,
        d.minutes, d.tempo, d.load, d.sessions_per_week, e.regression, e.progression);
    list("exercise_muscles", e.id, e.muscles);
    list("exercise_equipment", e.id, e.equipment);
    list("exercise_instructions", e.id, e.instructions);
    list("exercise_cues", e.id, e.cues);
    list("exercise_contraindications", e.id, e.contraindications);
  }

  void write_condition(const condition& c, std::size_t position) {
    row("conditions", c.id, position, c.name, std::string(to_string(c.region)), c.description,
        c.presentation, c.mild.min_weeks, c.mild.max_weeks, c.moderate.min_weeks,
        c.moderate.max_weeks, c.severe.min_weeks, c.severe.max_weeks, c.protocol_id,
        c.referral_only, c.referral);
    list("condition_aggravating", c.id, c.aggravating);
    list("condition_red_flags", c.id, c.red_flags);
    list("condition_sources", c.id, c.sources);
  }

  void write_protocol(const protocol& p, std::size_t position) {
    const auto& n = p.lengths;
    const auto& l = p.load;
    row("protocols", p.id, position, p.name, p.condition_id, p.summary, n.mild, n.moderate,
        n.severe, n.older_age, n.older_extra_weeks, n.prior_injury_extra_weeks, p.pain.progress_max,
        p.pain.hold_max, l.weekly_increase, l.cautious_weekly_increase, l.older_age, l.spike_ratio,
        l.deload_every, l.deload_cut, l.long_run_share, l.max_runs_per_week,
        l.max_ladder_steps_per_week, l.min_sessions_per_step, l.warn_increase);
    list("protocol_sources", p.id, p.sources);
    for (std::size_t i = 0; i < p.advice.size(); ++i) {
      row("protocol_advice", p.id, i + 1, std::string(to_string(p.advice[i].topic)),
          p.advice[i].text);
    }
    for (std::size_t i = 0; i < p.phases.size(); ++i) write_phase(p.id, p.phases[i], i + 1);
  }

  void write_phase(const std::string& protocol_id, const phase& ph, std::size_t position) {
    const auto& r = ph.running;
    const std::optional<std::string> ladder =
        r.ladder_id.empty() ? std::nullopt : std::optional<std::string>(r.ladder_id);
    row("phases", protocol_id, position, ph.id, ph.name, ph.goal, ph.min_weeks, ph.max_weeks,
        std::string(to_string(r.mode)), ladder, r.start_fraction,
        std::string(to_string(r.max_surface)), r.hills, r.speed);
    for (std::size_t i = 0; i < ph.entry_criteria.size(); ++i) {
      const auto& c = ph.entry_criteria[i];
      row("phase_criteria", protocol_id, ph.id, i + 1, c.measure, c.op, c.value, c.unit, c.text,
          c.source);
    }
    for (std::size_t i = 0; i < ph.prescriptions.size(); ++i) {
      const auto& p = ph.prescriptions[i];
      const auto& d = p.dose;
      row("prescriptions", protocol_id, ph.id, i + 1, p.exercise_id, d.sets, d.reps, d.hold_s,
          d.minutes, d.tempo, d.load, d.sessions_per_week, p.note);
      for (std::size_t j = 0; j < p.progression.size(); ++j) {
        dosage_row("prescription_steps", p.progression[j].dose, protocol_id, ph.id, i + 1, j + 1,
                   p.progression[j].week);
      }
    }
    phase_list("phase_cross_training", protocol_id, ph.id, ph.cross_training);
    phase_list("phase_advice", protocol_id, ph.id, ph.advice);
    phase_list("phase_barred", protocol_id, ph.id, ph.barred_exercises);
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
