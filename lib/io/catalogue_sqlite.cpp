// The catalogue store: exercises.db, read-only at run time. The only file that speaks SQL.
// Schema: data/schema.sql (embedded at build time as detail::catalogue_schema_sql).
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "catalogue/rules.hpp"
#include "io/catalogue_schema.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/model/enum_names.hpp"

namespace kneerehab {
namespace {

namespace fs = std::filesystem;

// Long enough to ride out another process's short write, short enough that a reader never
// appears to hang on a database someone holds locked.
constexpr int busy_timeout_ms = 200;

constexpr const char* dose_columns =
    "sets, reps, hold_s, minutes, tempo, dose_load, sessions_per_week";

[[noreturn]] void open_failure(const fs::path& path, std::string_view problem) {
  throw error::database(
      fmt::format("cannot open catalogue database '{}': {}", path.string(), problem));
}

// Checks what can be told without SQLite, so that a missing path is never created and a
// text file is reported as what it is.
void check_database_file(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) open_failure(path, "no such file");
  if (!fs::is_regular_file(status)) open_failure(path, "not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) open_failure(path, fmt::format("cannot read the file ({})", std::strerror(errno)));
  constexpr std::string_view magic{"SQLite format 3\0", 16};
  std::array<char, 16> header{};
  in.read(header.data(), header.size());
  if (in.gcount() != 16 || std::string_view(header.data(), header.size()) != magic) {
    open_failure(path, "not an SQLite database");
  }
}

[[noreturn]] void translate(const SQLite::Exception& e, const fs::path& path) {
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      open_failure(path,
                   "the database is locked by another process; try again when it has finished");
    case SQLITE_NOTADB:
      open_failure(path, "not an SQLite database");
    case SQLITE_CORRUPT:
      open_failure(path, "the file is corrupt; regenerate it with `kneerehab-catalogue compile`");
    default:
      open_failure(path, e.what());
  }
}

std::unique_ptr<SQLite::Database> open_read_only(const fs::path& path) {
  check_database_file(path);
  auto db =
      std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY, busy_timeout_ms);
  const int version = db->execAndGet("PRAGMA user_version").getInt();
  if (version != catalogue_schema_version) {
    open_failure(path, fmt::format("schema version {}, expected {}; regenerate it with "
                                   "`kneerehab-catalogue compile`",
                                   version, catalogue_schema_version));
  }
  return db;
}

// ---- reading -------------------------------------------------------------------------------

class reader {
 public:
  reader(SQLite::Database& db, const fs::path& path) : db_(db), path_(path) {}

  catalogue_content read() {
    catalogue_content out;
    read_red_flags(out);
    read_symptoms(out);
    read_ladders(out);
    read_exercises(out);
    read_conditions(out);
    read_protocols(out);
    return out;
  }

 private:
  [[noreturn]] void row_failure(std::string_view table, std::string_view row,
                                std::string_view problem) const {
    throw error::invalid_catalogue(
        fmt::format("invalid catalogue database '{}': table '{}', "
                    "row {}: {}",
                    path_.string(), table, row, problem));
  }

  void check(std::string_view table, std::string_view row,
             const std::optional<std::string>& problem) const {
    if (problem) row_failure(table, row, *problem);
  }

  void require_text(std::string_view table, std::string_view row, std::string_view column,
                    const std::string& value) const {
    if (value.empty()) row_failure(table, row, fmt::format("{} is empty", column));
  }

  template <typename Parse>
  auto parse_enum(std::string_view table, std::string_view row, std::string_view column,
                  const std::string& value, Parse parse, std::string_view accepted) const {
    auto parsed = parse(value);
    if (!parsed) {
      row_failure(table, row, fmt::format("{} is '{}'; accepted: {}", column, value, accepted));
    }
    return *parsed;
  }

  SQLite::Statement& query(const std::string& sql) {
    auto& slot = statements_[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
    slot->reset();
    slot->clearBindings();
    return *slot;
  }

  static std::optional<std::string> optional_text(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
  }

  static dosage read_dosage(SQLite::Statement& st, int first) {
    dosage d;
    d.sets = st.getColumn(first).getInt();
    d.reps = st.getColumn(first + 1).getInt();
    d.hold_s = st.getColumn(first + 2).getInt();
    d.minutes = st.getColumn(first + 3).getInt();
    d.tempo = st.getColumn(first + 4).getString();
    d.load = st.getColumn(first + 5).getString();
    d.sessions_per_week = st.getColumn(first + 6).getInt();
    return d;
  }

  std::vector<std::string> items(const std::string& table, const std::string& column,
                                 const std::string& owner, const std::string& owner_id) {
    auto& st = query(
        fmt::format("SELECT {} FROM {} WHERE {} = ? ORDER BY position", column, table, owner));
    st.bind(1, owner_id);
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  }

  std::vector<std::string> phase_items(const std::string& table, const std::string& column,
                                       const std::string& protocol_id,
                                       const std::string& phase_id) {
    auto& st =
        query(fmt::format("SELECT {} FROM {} WHERE protocol_id = ? AND phase_id = ? "
                          "ORDER BY position",
                          column, table));
    st.bind(1, protocol_id);
    st.bind(2, phase_id);
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  }

  void read_red_flags(catalogue_content& out) {
    auto& st = query("SELECT id, name, why, action, source FROM red_flags ORDER BY position");
    while (st.executeStep()) {
      red_flag r{st.getColumn(0).getString(), st.getColumn(1).getString(),
                 st.getColumn(2).getString(), st.getColumn(3).getString(),
                 st.getColumn(4).getString()};
      const auto row = fmt::format("id='{}'", r.id);
      check("red_flags", row, detail::id_problem(r.id));
      require_text("red_flags", row, "name", r.name);
      out.red_flags.push_back(std::move(r));
    }
  }

  void read_symptoms(catalogue_content& out) {
    auto& st =
        query("SELECT id, description, red_flag_id, min_age FROM symptoms ORDER BY position");
    while (st.executeStep()) {
      symptom s;
      s.id = st.getColumn(0).getString();
      s.description = st.getColumn(1).getString();
      s.red_flag = optional_text(st.getColumn(2));
      if (!st.getColumn(3).isNull()) s.min_age = st.getColumn(3).getInt();
      check("symptoms", fmt::format("id='{}'", s.id), detail::id_problem(s.id));
      out.symptoms.push_back(std::move(s));
    }
  }

  void read_ladders(catalogue_content& out) {
    auto& st = query("SELECT id, name, source FROM ladders ORDER BY position");
    std::vector<walk_run_ladder> ladders;
    while (st.executeStep()) {
      ladders.push_back({st.getColumn(0).getString(),
                         st.getColumn(1).getString(),
                         st.getColumn(2).getString(),
                         {}});
    }
    for (auto& l : ladders) {
      auto& steps = query(
          "SELECT position, walk_s, run_s, repeats FROM ladder_steps WHERE ladder_id = ? "
          "ORDER BY position");
      steps.bind(1, l.id);
      while (steps.executeStep()) {
        interval_step s{steps.getColumn(1).getInt(), steps.getColumn(2).getInt(),
                        steps.getColumn(3).getInt()};
        check("ladder_steps",
              fmt::format("ladder_id='{}', position={}", l.id, steps.getColumn(0).getInt()),
              detail::step_problem(s));
        l.steps.push_back(s);
      }
      out.ladders.push_back(std::move(l));
    }
  }

  void read_exercises(catalogue_content& out) {
    auto& st =
        query(fmt::format("SELECT id, name, category, load_level, side, {}, "
                          "regression_id, progression_id FROM exercises ORDER BY position",
                          dose_columns));
    while (st.executeStep()) {
      exercise e;
      e.id = st.getColumn(0).getString();
      const auto row = fmt::format("id='{}'", e.id);
      check("exercises", row, detail::id_problem(e.id));
      e.name = st.getColumn(1).getString();
      e.category = parse_enum("exercises", row, "category", st.getColumn(2).getString(),
                              parse_exercise_category, accepted_names<exercise_category>());
      e.load = parse_enum("exercises", row, "load_level", st.getColumn(3).getString(),
                          parse_load_level, accepted_names<load_level>());
      e.side = parse_enum("exercises", row, "side", st.getColumn(4).getString(), parse_laterality,
                          accepted_names<laterality>());
      e.default_dosage = read_dosage(st, 5);
      check("exercises", row, dosage_problem(e.default_dosage));
      e.regression = optional_text(st.getColumn(12));
      e.progression = optional_text(st.getColumn(13));
      out.exercises.push_back(std::move(e));
    }
    for (auto& e : out.exercises) {
      e.muscles = items("exercise_muscles", "item", "exercise_id", e.id);
      e.equipment = items("exercise_equipment", "item", "exercise_id", e.id);
      e.instructions = items("exercise_instructions", "item", "exercise_id", e.id);
      e.cues = items("exercise_cues", "item", "exercise_id", e.id);
      e.contraindications = items("exercise_contraindications", "item", "exercise_id", e.id);
    }
  }

  void read_conditions(catalogue_content& out) {
    auto& st = query(
        "SELECT id, name, region, description, presentation, mild_min_weeks, mild_max_weeks, "
        "moderate_min_weeks, moderate_max_weeks, severe_min_weeks, severe_max_weeks, "
        "protocol_id, referral_only, referral FROM conditions ORDER BY position");
    while (st.executeStep()) {
      condition c;
      c.id = st.getColumn(0).getString();
      const auto row = fmt::format("id='{}'", c.id);
      check("conditions", row, detail::id_problem(c.id));
      c.name = st.getColumn(1).getString();
      c.region = parse_enum("conditions", row, "region", st.getColumn(2).getString(),
                            parse_knee_region, accepted_names<knee_region>());
      c.description = st.getColumn(3).getString();
      c.presentation = st.getColumn(4).getString();
      c.mild = {st.getColumn(5).getInt(), st.getColumn(6).getInt()};
      c.moderate = {st.getColumn(7).getInt(), st.getColumn(8).getInt()};
      c.severe = {st.getColumn(9).getInt(), st.getColumn(10).getInt()};
      check("conditions", row, detail::timeline_problem("mild", c.mild));
      check("conditions", row, detail::timeline_problem("moderate", c.moderate));
      check("conditions", row, detail::timeline_problem("severe", c.severe));
      c.protocol_id = optional_text(st.getColumn(11));
      c.referral_only = st.getColumn(12).getInt() != 0;
      c.referral = st.getColumn(13).getString();
      out.conditions.push_back(std::move(c));
    }
    for (auto& c : out.conditions) {
      c.aggravating = items("condition_aggravating", "item", "condition_id", c.id);
      c.red_flags = items("condition_red_flags", "red_flag_id", "condition_id", c.id);
      c.sources = items("condition_sources", "item", "condition_id", c.id);
    }
  }

  protocol read_protocol_row(SQLite::Statement& st) {
    protocol p;
    p.id = st.getColumn(0).getString();
    const auto row = fmt::format("id='{}'", p.id);
    check("protocols", row, detail::id_problem(p.id));
    p.name = st.getColumn(1).getString();
    p.condition_id = st.getColumn(2).getString();
    p.summary = st.getColumn(3).getString();
    p.lengths = {st.getColumn(4).getDouble(), st.getColumn(5).getDouble(),
                 st.getColumn(6).getDouble(), st.getColumn(7).getInt(),
                 st.getColumn(8).getInt(),    st.getColumn(9).getInt()};
    p.pain = {st.getColumn(10).getInt(), st.getColumn(11).getInt()};
    auto& l = p.load;
    l.weekly_increase = st.getColumn(12).getDouble();
    l.cautious_weekly_increase = st.getColumn(13).getDouble();
    l.older_age = st.getColumn(14).getInt();
    l.spike_ratio = st.getColumn(15).getDouble();
    l.deload_every = st.getColumn(16).getInt();
    l.deload_cut = st.getColumn(17).getDouble();
    l.long_run_share = st.getColumn(18).getDouble();
    l.max_runs_per_week = st.getColumn(19).getInt();
    l.max_ladder_steps_per_week = st.getColumn(20).getInt();
    l.min_sessions_per_step = st.getColumn(21).getInt();
    l.warn_increase = st.getColumn(22).getDouble();
    check("protocols", row, detail::length_rules_problem(p.lengths));
    check("protocols", row, detail::pain_rules_problem(p.pain));
    check("protocols", row, detail::load_rules_problem(p.load));
    return p;
  }

  void read_protocols(catalogue_content& out) {
    auto& st = query(
        "SELECT id, name, condition_id, summary, length_mild, length_moderate, length_severe, "
        "length_older_age, length_older_extra_weeks, length_prior_injury_extra_weeks, "
        "pain_progress_max, pain_hold_max, load_weekly_increase, load_cautious_weekly_increase, "
        "load_older_age, load_spike_ratio, load_deload_every, load_deload_cut, "
        "load_long_run_share, load_max_runs_per_week, load_max_ladder_steps_per_week, "
        "load_min_sessions_per_step, load_warn_increase FROM protocols ORDER BY position");
    while (st.executeStep()) out.protocols.push_back(read_protocol_row(st));
    for (auto& p : out.protocols) {
      p.sources = items("protocol_sources", "item", "protocol_id", p.id);
      read_protocol_advice(p);
      read_phases(p);
    }
  }

  void read_protocol_advice(protocol& p) {
    auto& st = query(
        "SELECT position, topic, text FROM protocol_advice WHERE protocol_id = ? ORDER BY "
        "position");
    st.bind(1, p.id);
    while (st.executeStep()) {
      const auto row = fmt::format("protocol_id='{}', position={}", p.id, st.getColumn(0).getInt());
      const auto topic = parse_enum("protocol_advice", row, "topic", st.getColumn(1).getString(),
                                    parse_advice_topic, accepted_names<advice_topic>());
      p.advice.push_back({topic, st.getColumn(2).getString()});
    }
  }

  phase read_phase_row(SQLite::Statement& st, const std::string& protocol_id) {
    phase ph;
    ph.id = st.getColumn(0).getString();
    const auto row = fmt::format("protocol_id='{}', id='{}'", protocol_id, ph.id);
    check("phases", row, detail::id_problem(ph.id));
    ph.name = st.getColumn(1).getString();
    ph.goal = st.getColumn(2).getString();
    ph.min_weeks = st.getColumn(3).getInt();
    ph.max_weeks = st.getColumn(4).getInt();
    check("phases", row, detail::phase_weeks_problem(ph));
    auto& r = ph.running;
    r.mode = parse_enum("phases", row, "running_mode", st.getColumn(5).getString(),
                        parse_running_mode, accepted_names<running_mode>());
    r.ladder_id = optional_text(st.getColumn(6)).value_or("");
    r.start_fraction = st.getColumn(7).getDouble();
    r.max_surface = parse_enum("phases", row, "max_surface", st.getColumn(8).getString(),
                               parse_surface, accepted_names<surface>());
    r.hills = st.getColumn(9).getInt() != 0;
    r.speed = st.getColumn(10).getInt() != 0;
    check("phases", row, detail::running_problem(r));
    return ph;
  }

  void read_phases(protocol& p) {
    auto& st = query(
        "SELECT id, name, goal, min_weeks, max_weeks, running_mode, ladder_id, start_fraction, "
        "max_surface, hills, speed FROM phases WHERE protocol_id = ? ORDER BY position");
    st.bind(1, p.id);
    while (st.executeStep()) p.phases.push_back(read_phase_row(st, p.id));
    for (auto& ph : p.phases) {
      read_criteria(p.id, ph);
      read_prescriptions(p.id, ph);
      ph.cross_training = phase_items("phase_cross_training", "item", p.id, ph.id);
      ph.advice = phase_items("phase_advice", "item", p.id, ph.id);
      ph.barred_exercises = phase_items("phase_barred", "exercise_id", p.id, ph.id);
    }
  }

  void read_criteria(const std::string& protocol_id, phase& ph) {
    auto& st = query(
        "SELECT position, measure, op, value, unit, text, source FROM phase_criteria WHERE "
        "protocol_id = ? AND phase_id = ? ORDER BY position");
    st.bind(1, protocol_id);
    st.bind(2, ph.id);
    while (st.executeStep()) {
      entry_criterion c{st.getColumn(1).getString(), st.getColumn(2).getString(),
                        st.getColumn(3).getDouble(), st.getColumn(4).getString(),
                        st.getColumn(5).getString(), st.getColumn(6).getString()};
      check("phase_criteria",
            fmt::format("protocol_id='{}', phase_id='{}', position={}", protocol_id, ph.id,
                        st.getColumn(0).getInt()),
            detail::criterion_problem(c));
      ph.entry_criteria.push_back(std::move(c));
    }
  }

  void read_prescriptions(const std::string& protocol_id, phase& ph) {
    auto& st =
        query(fmt::format("SELECT position, exercise_id, note, {} FROM prescriptions "
                          "WHERE protocol_id = ? AND phase_id = ? ORDER BY position",
                          dose_columns));
    st.bind(1, protocol_id);
    st.bind(2, ph.id);
    std::vector<int> positions;
    while (st.executeStep()) {
      prescription p;
      p.exercise_id = st.getColumn(1).getString();
      p.note = st.getColumn(2).getString();
      p.dose = read_dosage(st, 3);
      positions.push_back(st.getColumn(0).getInt());
      check("prescriptions",
            fmt::format("protocol_id='{}', phase_id='{}', position={}", protocol_id, ph.id,
                        positions.back()),
            dosage_problem(p.dose));
      ph.prescriptions.push_back(std::move(p));
    }
    for (std::size_t i = 0; i < positions.size(); ++i) {
      read_steps(protocol_id, ph.id, positions[i], ph.prescriptions[i]);
    }
  }

  void read_steps(const std::string& protocol_id, const std::string& phase_id, int position,
                  prescription& p) {
    auto& st =
        query(fmt::format("SELECT position, week, {} FROM prescription_steps WHERE "
                          "protocol_id = ? AND phase_id = ? AND prescription_position = ? "
                          "ORDER BY position",
                          dose_columns));
    st.bind(1, protocol_id);
    st.bind(2, phase_id);
    st.bind(3, position);
    while (st.executeStep()) {
      dosage_step step{st.getColumn(1).getInt(), read_dosage(st, 2)};
      check("prescription_steps",
            fmt::format("protocol_id='{}', phase_id='{}', prescription_position={}, position={}",
                        protocol_id, phase_id, position, st.getColumn(0).getInt()),
            dosage_problem(step.dose));
      p.progression.push_back(std::move(step));
    }
  }

  SQLite::Database& db_;
  const fs::path& path_;
  std::map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

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

// A sibling name that does not exist yet, so that the rename is atomic on the same file system.
fs::path temporary_sibling(const fs::path& path) {
  std::random_device seed;
  std::mt19937 random(seed());
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = path;
    candidate += fmt::format(".tmp-{:04x}", random() & 0xffffu);
    if (!fs::exists(candidate)) return candidate;
  }
  throw error::io(
      fmt::format("cannot write '{}': no free temporary name next to it", path.string()));
}

void remove_quietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
  fs::path journal = path;
  journal += "-journal";
  fs::remove(journal, ignored);
}

void write_database(const catalogue_content& content, const fs::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA foreign_keys = ON");
  SQLite::Transaction transaction(db);
  db.exec(detail::catalogue_schema_sql);
  writer(db).write(content);
  db.exec(fmt::format("PRAGMA user_version = {}", catalogue_schema_version));
  transaction.commit();
}

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
  while (st.executeStep()) names.push_back(st.getColumn(0).getString());
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
    out.columns.push_back(info.getColumn(1).getString());
    if (const int pk = info.getColumn(5).getInt(); pk > 0)
      keys.emplace_back(pk, out.columns.back());
  }
  std::sort(keys.begin(), keys.end());
  for (const auto& key : keys) out.key_columns.push_back(key.second);
  if (out.key_columns.empty()) out.key_columns = out.columns;
  SQLite::Statement st(db, fmt::format("SELECT * FROM {}", table));
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

catalogue open_catalogue(const std::filesystem::path& path) {
  catalogue_content content;
  try {
    auto db = open_read_only(path);
    content = reader(*db, path).read();
  } catch (const SQLite::Exception& e) {
    translate(e, path);
  }
  try {
    return catalogue(std::move(content));
  } catch (const error& e) {
    if (e.code() != errc::invalid_catalogue) throw;
    throw error::invalid_catalogue(
        fmt::format("invalid catalogue database '{}': {}", path.string(), e.what()));
  }
}

void write_catalogue(const catalogue& cat, const std::filesystem::path& path) {
  const auto temporary = temporary_sibling(path);
  try {
    write_database(cat.content(), temporary);
    fs::rename(temporary, path);
  } catch (const SQLite::Exception& e) {
    remove_quietly(temporary);
    throw error::database(
        fmt::format("cannot write catalogue database '{}': {}", path.string(), e.what()));
  } catch (const fs::filesystem_error& e) {
    remove_quietly(temporary);
    throw error::io(
        fmt::format("cannot write catalogue database '{}': {}", path.string(), e.code().message()));
  }
}

std::optional<std::string> catalogue_difference(const std::filesystem::path& path,
                                                const catalogue& expected) {
  // The expected side goes through the same writer, so both are compared as rows of the
  // same schema rather than as C++ values with a second, hand-written comparison.
  const auto scratch = temporary_sibling(fs::temp_directory_path() / "kneerehab-expected.db");
  try {
    write_catalogue(expected, scratch);
    std::optional<std::string> difference;
    {
      auto actual = open_read_only(path);
      SQLite::Database want(scratch.string(), SQLite::OPEN_READONLY);
      difference = compare_databases(*actual, want);
    }
    remove_quietly(scratch);
    return difference;
  } catch (const SQLite::Exception& e) {
    remove_quietly(scratch);
    translate(e, path);
  } catch (...) {
    remove_quietly(scratch);
    throw;
  }
}

}  // namespace kneerehab
