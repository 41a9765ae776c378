// Reading exercises.db, read-only: open_catalogue. Schema: data/schema.sql.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "catalogue/rules.hpp"
#include "catalogue/validate.hpp"
#include "io/catalogue_db.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/core/ids.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/model/enum_names.hpp"
#include "model/fields.hpp"

namespace kneerehab {
namespace detail {

namespace fs = std::filesystem;

namespace {

// Long enough to ride out another process's short write, short enough that a reader never
// appears to hang on a database someone holds locked.
constexpr int busy_timeout_ms = 200;

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

}  // namespace

void open_failure(const fs::path& path, std::string_view problem) {
  throw error::database(
      fmt::format("cannot open catalogue database '{}': {}", path.string(), problem));
}

void translate(const SQLite::Exception& e, const fs::path& path) {
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
  const int stored = db->execAndGet("PRAGMA user_version").getInt();
  const schema_version version =
      stored < 1000 ? schema_version{stored, 0} : schema_version{stored / 1000, stored % 1000};
  const auto newest = catalogue_schema_version;
  if (version.major != newest.major || version.minor > newest.minor) {
    open_failure(
        path, fmt::format("schema version {}.{}; accepted: {}.0 to {}.{}; regenerate it "
                          "with `kneerehab-catalogue compile`",
                          version.major, version.minor, newest.major, newest.major, newest.minor));
  }
  return db;
}

}  // namespace detail

namespace {

using detail::open_read_only;
using detail::translate;
namespace fs = std::filesystem;

template <typename Struct, std::size_t N>
std::string columns_of(const std::array<detail::field<Struct>, N>& fields) {
  std::string columns;
  for (const auto& f : fields)
    columns += fmt::format("{}{}", columns.empty() ? "" : ", ", f.column);
  return columns;
}

const std::string dose_columns = columns_of(detail::dosage_fields);

// ---- reading -------------------------------------------------------------------------------

class reader {
 public:
  reader(SQLite::Database& db, const fs::path& path) : db_(db), path_(path) {}

  /// Every bad row found by read(), in table order.
  std::vector<diagnostic>& problems() { return problems_; }

  /// Narrows what read() loads to `selection`; throws error(errc::not_found) for an unknown id.
  void select(const catalogue_selection& selection) {
    if (selection.what == catalogue_selection::scope::all) return;
    std::vector<std::pair<std::string, std::string>> protocols;                  // id, condition_id
    std::vector<std::pair<std::string, std::optional<std::string>>> conditions;  // id, protocol
    {
      auto& st = query("SELECT id, condition_id FROM protocols ORDER BY position");
      while (st.executeStep()) {
        protocols.emplace_back(st.getColumn("id").getString(),
                               st.getColumn("condition_id").getString());
      }
    }
    {
      auto& st = query("SELECT id, protocol_id FROM conditions ORDER BY position");
      while (st.executeStep()) {
        conditions.emplace_back(st.getColumn("id").getString(),
                                optional_text(st.getColumn("protocol_id")));
      }
    }
    keep_protocols_.emplace();
    keep_conditions_.emplace();
    keep_exercises_.emplace();
    keep_ladders_.emplace();
    const auto wanted = [&](const auto& items, std::string_view kind) {
      for (const auto& item : items) {
        if (item.first == selection.id) return item;
      }
      std::vector<std::string> ids;
      for (const auto& item : items) ids.push_back(item.first);
      throw error::not_found(unknown_id_message(kind, selection.id, ids));
    };
    if (selection.what == catalogue_selection::scope::protocol) {
      const auto p = wanted(protocols, "protocol");
      keep_protocols_->insert(p.first);
      keep_conditions_->insert(p.second);
    } else {
      const auto c = wanted(conditions, "condition");
      keep_conditions_->insert(c.first);
      if (c.second) keep_protocols_->insert(*c.second);
    }
    for (const auto& id : *keep_protocols_) {
      for (const char* table : {"prescriptions", "phase_barred"}) {
        auto& st = query(fmt::format("SELECT exercise_id FROM {} WHERE protocol_id = ?", table));
        st.bind(1, id);
        while (st.executeStep()) keep_exercises_->insert(st.getColumn("exercise_id").getString());
      }
      auto& st =
          query("SELECT ladder_id FROM phases WHERE protocol_id = ? AND ladder_id IS NOT NULL");
      st.bind(1, id);
      while (st.executeStep()) keep_ladders_->insert(st.getColumn("ladder_id").getString());
    }
    // Whole regression/progression chains, so that every link in the selection resolves.
    std::map<std::string, std::vector<std::string>> links;
    auto& st = query("SELECT id, regression_id, progression_id FROM exercises");
    while (st.executeStep()) {
      auto& next = links[st.getColumn("id").getString()];
      for (const char* column : {"regression_id", "progression_id"}) {
        if (auto link = optional_text(st.getColumn(column))) next.push_back(std::move(*link));
      }
    }
    std::vector<std::string> pending(keep_exercises_->begin(), keep_exercises_->end());
    while (!pending.empty()) {
      const auto id = std::move(pending.back());
      pending.pop_back();
      for (const auto& link : links[id]) {
        if (keep_exercises_->insert(link).second) pending.push_back(link);
      }
    }
  }

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
  // A bad row is recorded and reading goes on, so that one run reports every bad row.
  void row_problem(std::string_view code, std::string_view table, std::string_view row,
                   std::string_view column, std::string_view sentence) {
    auto d = detail::make_diagnostic(code, fmt::format("table '{}', row {}", table, row), column,
                                     sentence);
    d.where.file = path_.string();
    problems_.push_back(std::move(d));
  }

  void check(std::string_view table, std::string_view row,
             const std::optional<std::string>& problem, std::string_view code = "out-of-range",
             std::string_view column = "") {
    if (problem) row_problem(code, table, row, column, *problem);
  }

  // A name outside the closed set is reported; the row keeps the enum's first value.
  template <typename Parse>
  auto parse_enum(std::string_view table, std::string_view row, std::string_view column,
                  const std::string& value, Parse parse, std::string_view accepted) {
    auto parsed = parse(value);
    if (!parsed) {
      row_problem("bad-enum", table, row, column,
                  fmt::format("{} is '{}'; accepted: {}", column, value, accepted));
      return std::remove_cvref_t<decltype(*parsed)>{};
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

  // Reads every column of `fields` by name into `value`.
  template <typename Struct, std::size_t N>
  static void read_fields(SQLite::Statement& st, const std::array<detail::field<Struct>, N>& fields,
                          Struct& value) {
    detail::for_each_field(fields, value, [&](const auto& fd, auto& v) {
      const auto column = st.getColumn(std::string(fd.column).c_str());
      using T = std::decay_t<decltype(v)>;
      if constexpr (std::is_same_v<T, int>) {
        v = column.getInt();
      } else if constexpr (std::is_same_v<T, double>) {
        v = column.getDouble();
      } else {
        v = column.getString();
      }
    });
  }

  static dosage read_dosage(SQLite::Statement& st) {
    dosage d;
    read_fields(st, detail::dosage_fields, d);
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
      check("red_flags", row, detail::id_problem(r.id), "bad-id", "id");
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
      check("symptoms", fmt::format("id='{}'", s.id), detail::id_problem(s.id), "bad-id", "id");
      out.symptoms.push_back(std::move(s));
    }
  }

  void read_ladders(catalogue_content& out) {
    auto& st = query("SELECT id, name, source FROM ladders ORDER BY position");
    std::vector<walk_run_ladder> ladders;
    while (st.executeStep()) {
      if (!keeps(keep_ladders_, st.getColumn(0).getString())) continue;
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
      if (!keeps(keep_exercises_, e.id)) continue;
      const auto row = fmt::format("id='{}'", e.id);
      check("exercises", row, detail::id_problem(e.id), "bad-id", "id");
      e.name = st.getColumn(1).getString();
      e.category = parse_enum("exercises", row, "category", st.getColumn(2).getString(),
                              parse_exercise_category, accepted_names<exercise_category>());
      e.load = parse_enum("exercises", row, "load_level", st.getColumn(3).getString(),
                          parse_load_level, accepted_names<load_level>());
      e.side = parse_enum("exercises", row, "side", st.getColumn(4).getString(), parse_laterality,
                          accepted_names<laterality>());
      e.default_dosage = read_dosage(st);
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
      if (!keeps(keep_conditions_, c.id)) continue;
      const auto row = fmt::format("id='{}'", c.id);
      check("conditions", row, detail::id_problem(c.id), "bad-id", "id");
      c.name = st.getColumn(1).getString();
      c.region = parse_enum("conditions", row, "region", st.getColumn(2).getString(),
                            parse_knee_region, accepted_names<knee_region>());
      c.description = st.getColumn(3).getString();
      c.presentation = st.getColumn(4).getString();
      c.mild = {st.getColumn(5).getInt(), st.getColumn(6).getInt()};
      c.moderate = {st.getColumn(7).getInt(), st.getColumn(8).getInt()};
      c.severe = {st.getColumn(9).getInt(), st.getColumn(10).getInt()};
      check("conditions", row, detail::timeline_problem("mild", c.mild), "min-above-max",
            "mild_min_weeks");
      check("conditions", row, detail::timeline_problem("moderate", c.moderate), "min-above-max",
            "moderate_min_weeks");
      check("conditions", row, detail::timeline_problem("severe", c.severe), "min-above-max",
            "severe_min_weeks");
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
    check("protocols", row, detail::id_problem(p.id), "bad-id", "id");
    p.name = st.getColumn(1).getString();
    p.condition_id = st.getColumn(2).getString();
    p.summary = st.getColumn(3).getString();
    read_fields(st, detail::length_rule_fields, p.lengths);
    read_fields(st, detail::pain_rule_fields, p.pain);
    read_fields(st, detail::load_rule_fields, p.load);
    check("protocols", row, detail::length_rules_problem(p.lengths));
    check("protocols", row, detail::pain_rules_problem(p.pain));
    check("protocols", row, detail::load_rules_problem(p.load));
    return p;
  }

  void read_protocols(catalogue_content& out) {
    auto& st = query(fmt::format(
        "SELECT id, name, condition_id, summary, {}, {}, {} FROM protocols ORDER BY position",
        columns_of(detail::length_rule_fields), columns_of(detail::pain_rule_fields),
        columns_of(detail::load_rule_fields)));
    while (st.executeStep()) {
      if (keeps(keep_protocols_, st.getColumn(0).getString())) {
        out.protocols.push_back(read_protocol_row(st));
      }
    }
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
    check("phases", row, detail::id_problem(ph.id), "bad-id", "id");
    ph.name = st.getColumn(1).getString();
    ph.goal = st.getColumn(2).getString();
    ph.min_weeks = st.getColumn(3).getInt();
    ph.max_weeks = st.getColumn(4).getInt();
    check("phases", row, detail::phase_weeks_problem(ph), "min-above-max", "min_weeks");
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
      p.dose = read_dosage(st);
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
      dosage_step step{st.getColumn(1).getInt(), read_dosage(st)};
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
  std::vector<diagnostic> problems_;
  // What select() keeps of each kind; nullopt keeps everything.
  using id_filter = std::optional<std::set<std::string, std::less<>>>;
  id_filter keep_protocols_;
  id_filter keep_conditions_;
  id_filter keep_exercises_;
  id_filter keep_ladders_;

  static bool keeps(const id_filter& filter, std::string_view id) {
    return !filter || filter->contains(id);
  }
};

// Row-local rules are reported by the reader against the row; the validator's copies of
// them would say the same thing again about the same item.
bool row_local(const diagnostic& d) {
  return d.code == "out-of-range" || d.code == "min-above-max" || d.code == "bad-id" ||
         d.code == "bad-criterion";
}

}  // namespace

catalogue open_catalogue(const std::filesystem::path& path) {
  return open_catalogue(path, catalogue_selection::all());
}

catalogue open_catalogue(const std::filesystem::path& path, const catalogue_selection& selection) {
  catalogue_content content;
  std::vector<diagnostic> problems;
  try {
    auto db = open_read_only(path);
    reader r(*db, path);
    r.select(selection);
    content = r.read();
    problems = std::move(r.problems());
  } catch (const SQLite::Exception& e) {
    translate(e, path);
  }
  if (!problems.empty()) {
    // Then what only the whole catalogue shows (unknown ids, one-way links, ...).
    for (auto& d : detail::catalogue_problems(content)) {
      if (row_local(d)) continue;
      d.where.file = path.string();
      problems.push_back(std::move(d));
    }
  } else {
    try {
      return catalogue(std::move(content));
    } catch (const error& e) {
      if (e.code() != errc::invalid_catalogue) throw;
      problems = e.diagnostics();
      for (auto& d : problems) d.where.file = path.string();
    }
  }
  const auto message =
      fmt::format("invalid catalogue database '{}': {}", path.string(), summarize(problems, false));
  throw error(errc::invalid_catalogue, message, std::move(problems));
}

}  // namespace kneerehab
