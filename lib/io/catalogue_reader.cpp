// Reading exercises.db, read-only: open_catalogue. Schema: data/schema.sql.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
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

constexpr std::string_view sqlite_magic{"SQLite format 3\0", 16};
// The first bytes of a rollback journal that still holds pages to put back (a hot journal).
constexpr std::array<unsigned char, 8> journal_magic{0xd9, 0xd5, 0x05, 0xf9,
                                                     0x20, 0xa1, 0x63, 0xd7};

// The first `n` bytes of `path`, fewer if it is shorter; nullopt when it cannot be read.
std::optional<std::string> first_bytes(const fs::path& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// How the file keeps its transactions (header byte 18: 1 rollback journal, 2 WAL).
enum class journal_kind { rollback, wal };

// Checks what can be told without SQLite, so that a missing path is never created, a text file
// is reported as what it is, and an interrupted write is named instead of SQLite's "attempt to
// write a readonly database".
journal_kind check_database_file(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) open_failure(path, "no such file");
  if (!fs::is_regular_file(status)) open_failure(path, "not a regular file");
  const auto header = first_bytes(path, 100);
  if (!header) {
    open_failure(path, fmt::format("cannot read the file ({})", std::strerror(errno)));
  }
  if (header->size() < 100 || std::string_view(*header).substr(0, 16) != sqlite_magic) {
    open_failure(path, "not an SQLite database");
  }
  auto journal = path;
  journal += "-journal";
  const auto is_hot = [](const std::string& bytes) {
    return std::equal(bytes.begin(), bytes.end(), journal_magic.begin(), journal_magic.end(),
                      [](char a, unsigned char b) { return static_cast<unsigned char>(a) == b; });
  };
  if (const auto bytes = first_bytes(journal, journal_magic.size()); bytes && is_hot(*bytes)) {
    open_failure(path, fmt::format("a write to it was interrupted and '{}' holds the pages to put "
                                   "back, which a read-only open cannot do; open it once with "
                                   "write access (e.g. `sqlite3 {} 'PRAGMA integrity_check'`) or "
                                   "regenerate it with `kneerehab-catalogue compile`",
                                   journal.string(), path.string()));
  }
  if (static_cast<unsigned char>((*header)[18]) != 2) return journal_kind::rollback;
  auto wal = path;
  wal += "-wal";
  if (fs::file_size(wal, ec) > 0 && !ec) {
    open_failure(path, fmt::format("it is in WAL mode and '{}' holds changes not yet written back "
                                   "to it; checkpoint them (`sqlite3 {} 'PRAGMA "
                                   "wal_checkpoint(TRUNCATE)'`) or regenerate it with "
                                   "`kneerehab-catalogue compile`",
                                   wal.string(), path.string()));
  }
  return journal_kind::wal;
}

// `path` as an SQLite URI naming exactly that file: absolute, every byte outside the unreserved
// set percent-encoded, so that '?', '#', '%' or a leading "file:" in a file name are never read
// as URI syntax.
std::string file_uri(const fs::path& path, journal_kind kind) {
  std::string uri = "file:";
  for (const unsigned char c : fs::absolute(path).lexically_normal().string()) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    uri += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  // mode=ro: never write or create it. A WAL-mode file would need a -shm file (created beside
  // it even by a read-only reader) to share locks: it is opened immutable instead, which reads
  // the file alone, without locks (see docs/catalogue-format.md).
  uri += "?mode=ro";
  if (kind == journal_kind::wal) uri += "&immutable=1";
  return uri;
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
    case SQLITE_READONLY:
      open_failure(path,
                   "it needs to be written to before it can be read (an interrupted write, or a "
                   "WAL-mode file without its -shm file); open it once with write access or "
                   "regenerate it with `kneerehab-catalogue compile`");
    case SQLITE_CORRUPT:
      open_failure(path, "the file is corrupt; regenerate it with `kneerehab-catalogue compile`");
    default:
      open_failure(path, e.what());
  }
}

schema_version stored_schema_version(SQLite::Database& db) {
  const int stored = db.execAndGet("PRAGMA user_version").getInt();
  return stored < 1000 ? schema_version{stored, 0} : schema_version{stored / 1000, stored % 1000};
}

std::unique_ptr<SQLite::Database> open_read_only(const fs::path& path) {
  const auto kind = check_database_file(path);
  auto db = std::make_unique<SQLite::Database>(
      file_uri(path, kind), SQLite::OPEN_READONLY | SQLite::OPEN_URI, busy_timeout_ms);
  const schema_version version = stored_schema_version(*db);
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

// The columns of `fields` that a file of schema minor version `minor` has (with `prefix`).
template <typename Struct, std::size_t N>
std::vector<std::string> columns_of(const std::array<detail::field<Struct>, N>& fields,
                                    std::string_view prefix = "",
                                    int minor = catalogue_schema_version.minor) {
  std::vector<std::string> columns;
  for (const auto& f : fields) {
    if (f.since_minor <= minor) columns.push_back(fmt::format("{}{}", prefix, f.column));
  }
  return columns;
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string select_sql(const std::vector<std::string>& columns, std::string_view rest) {
  return fmt::format("SELECT {} {}", fmt::join(columns, ", "), rest);
}

std::vector<std::string> timeline_columns() {
  std::vector<std::string> out;
  for (const auto& m : detail::condition_timelines) {
    out = out + columns_of(detail::timeline_fields, fmt::format("{}_", m.key));
  }
  return out;
}

std::string_view sql_type_name(const SQLite::Column& c) {
  if (c.isInteger()) return "an integer";
  if (c.isFloat()) return "a real number";
  if (c.isText()) return "text";
  if (c.isBlob()) return "a blob";
  return "NULL";
}

// ---- reading -------------------------------------------------------------------------------

class reader {
 public:
  /// `version`: the file's layout version; columns added after it are not read (their
  /// members keep the defaults).
  reader(SQLite::Database& db, const fs::path& path, schema_version version)
      : db_(db), path_(path), minor_(version.minor) {}

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
      // A condition can have more protocols than the one it names (cartilage-damage: the
      // non-operated default and cartilage-repair-rehab); the one it names comes too, so that
      // the selection validates as the whole catalogue does.
      for (const auto& c : conditions) {
        if (c.first == p.second && c.second) keep_protocols_->insert(*c.second);
      }
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
  // The table and row a value comes from, for messages.
  struct row_ref {
    std::string_view table;
    std::string row;
  };

  // A bad row is recorded and reading goes on, so that one run reports every bad row.
  void row_problem(std::string_view code, const row_ref& where, std::string_view column,
                   std::string_view sentence) {
    auto d = detail::make_diagnostic(
        code, fmt::format("table '{}', row {}", where.table, where.row), column, sentence);
    d.where.file = path_.string();
    problems_.push_back(std::move(d));
  }

  void check(const row_ref& where, const std::optional<std::string>& problem,
             std::string_view code = "out-of-range", std::string_view column = "") {
    if (problem) row_problem(code, where, column, *problem);
  }

  // The columns of `fields` this file has.
  template <typename Struct, std::size_t N>
  [[nodiscard]] std::vector<std::string> columns(const std::array<detail::field<Struct>, N>& fields,
                                                 std::string_view prefix = "") const {
    return columns_of(fields, prefix, minor_);
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

  // A column's 64-bit integer, checked against [low, high] before anyone narrows it; nullopt
  // (recorded) for NULL, another type or a value out of range.
  std::optional<std::int64_t> integer(const SQLite::Column& c, const row_ref& where,
                                      std::string_view column, double low, double high) {
    const std::string accepted =
        low <= high ? fmt::format("{} to {}", low, high) : std::string("an integer");
    if (!c.isInteger()) {
      row_problem(c.isNull() ? "missing-field" : "wrong-type", where, column,
                  fmt::format("{} is {}; accepted: {}", column, sql_type_name(c), accepted));
      return std::nullopt;
    }
    const std::int64_t v = c.getInt64();
    const double x = static_cast<double>(v);
    const bool inside =
        low <= high ? x >= low && x <= high
                    : v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max();
    if (!inside) {
      row_problem("out-of-range", where, column,
                  fmt::format("{} is {}; accepted: {}", column, v, accepted));
      return std::nullopt;
    }
    return v;
  }

  // Reads one field by column name, checking its type and range or set. A bad value is
  // recorded and the field keeps its default.
  template <typename Field, typename T>
  void read_value(SQLite::Statement& st, const Field& fd, T& v, const row_ref& where,
                  std::string_view prefix) {
    const auto column = fmt::format("{}{}", prefix, fd.column);
    const SQLite::Column c = st.getColumn(column.c_str());
    if constexpr (detail::is_optional_v<T>) {
      if (c.isNull()) {
        v.reset();
        return;
      }
    }
    if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::optional<int>>) {
      if (auto x = integer(c, where, column, fd.low, fd.high)) v = static_cast<int>(*x);
    } else if constexpr (std::is_same_v<T, bool>) {
      if (auto x = integer(c, where, column, 0, 1)) v = *x != 0;
    } else if constexpr (std::is_same_v<T, double>) {
      const std::string accepted =
          fd.ranged() ? fmt::format("{} to {}", fd.low, fd.high) : std::string("a finite number");
      if (!c.isFloat() && !c.isInteger()) {
        row_problem(c.isNull() ? "missing-field" : "wrong-type", where, column,
                    fmt::format("{} is {}; accepted: {}", column, sql_type_name(c), accepted));
        return;
      }
      const double x = c.getDouble();
      if (!std::isfinite(x) || !detail::in_range(fd, x)) {
        row_problem("out-of-range", where, column,
                    fmt::format("{} is {}; accepted: {}", column, x, accepted));
        return;
      }
      v = x;
    } else if constexpr (std::is_same_v<T, std::string> ||
                         std::is_same_v<T, std::optional<std::string>>) {
      if (c.isNull()) {
        if (fd.use == detail::presence::null_when_empty) {
          v = std::string();
        } else {
          row_problem("missing-field", where, column,
                      fmt::format("{} is NULL; accepted: text", column));
        }
        return;
      }
      v = c.getString();
    } else {
      static_assert(std::is_enum_v<T>);
      const auto accepted = accepted_names<T>();
      if (!c.isText()) {
        row_problem(c.isNull() ? "missing-field" : "wrong-type", where, column,
                    fmt::format("{} is {}; accepted: {}", column, sql_type_name(c), accepted));
        return;
      }
      const auto name = c.getString();
      if (auto parsed = detail::parse_enum_name<T>(name)) {
        v = *parsed;
      } else {
        row_problem("bad-enum", where, column,
                    fmt::format("{} is '{}'; accepted: {}", column, name, accepted));
      }
    }
  }

  // Reads every column of `fields` by name into `value`; true when every value was good.
  // `ranges` false bounds integers to int only, for a caller that checks the ranges itself.
  template <typename Struct, std::size_t N>
  bool read_fields(SQLite::Statement& st, const std::array<detail::field<Struct>, N>& fields,
                   Struct& value, const row_ref& where, std::string_view prefix = "",
                   bool ranges = true) {
    const auto before = problems_.size();
    detail::for_each_field(fields, value, [&](const auto& fd, auto& v) {
      if (fd.since_minor > minor_) return;  // not in this file's layout: the default stays
      if (ranges) {
        read_value(st, fd, v, where, prefix);
      } else {
        auto unranged = fd;
        unranged.low = 1;
        unranged.high = 0;
        read_value(st, unranged, v, where, prefix);
      }
    });
    return problems_.size() == before;
  }

  // A key column, for naming rows (never narrowed: a tampered position is shown as it is).
  static std::int64_t key(SQLite::Statement& st, const char* column) {
    return st.getColumn(column).getInt64();
  }

  template <typename Struct, std::size_t N>
  void read_lists(const std::array<detail::list_field<Struct>, N>& lists, Struct& value,
                  std::string_view owner, const std::string& owner_id) {
    for (const auto& l : lists) {
      auto& st = query(fmt::format("SELECT {} FROM {} WHERE {} = ? ORDER BY position", l.column,
                                   l.table, owner));
      st.bind(1, owner_id);
      auto& out = value.*(l.member);
      out.clear();
      while (st.executeStep())
        out.push_back(st.getColumn(std::string(l.column).c_str()).getString());
    }
  }

  template <typename Struct, std::size_t N>
  void read_phase_lists(const std::array<detail::list_field<Struct>, N>& lists, Struct& value,
                        const std::string& protocol_id, const std::string& phase_id) {
    for (const auto& l : lists) {
      auto& st = query(
          fmt::format("SELECT {} FROM {} WHERE protocol_id = ? AND phase_id = ? ORDER BY position",
                      l.column, l.table));
      st.bind(1, protocol_id);
      st.bind(2, phase_id);
      auto& out = value.*(l.member);
      out.clear();
      while (st.executeStep())
        out.push_back(st.getColumn(std::string(l.column).c_str()).getString());
    }
  }

  void read_red_flags(catalogue_content& out) {
    auto& st =
        query(select_sql(columns(detail::red_flag_fields), "FROM red_flags ORDER BY position"));
    while (st.executeStep()) {
      red_flag r;
      const row_ref where{"red_flags", fmt::format("id='{}'", st.getColumn("id").getString())};
      read_fields(st, detail::red_flag_fields, r, where);
      check(where, detail::id_problem(r.id), "bad-id", "id");
      out.red_flags.push_back(std::move(r));
    }
  }

  void read_symptoms(catalogue_content& out) {
    auto& st =
        query(select_sql(columns(detail::symptom_fields), "FROM symptoms ORDER BY position"));
    while (st.executeStep()) {
      symptom s;
      const row_ref where{"symptoms", fmt::format("id='{}'", st.getColumn("id").getString())};
      read_fields(st, detail::symptom_fields, s, where);
      check(where, detail::id_problem(s.id), "bad-id", "id");
      out.symptoms.push_back(std::move(s));
    }
  }

  void read_ladders(catalogue_content& out) {
    auto& st = query(select_sql(columns(detail::ladder_fields), "FROM ladders ORDER BY position"));
    std::vector<walk_run_ladder> ladders;
    while (st.executeStep()) {
      if (!keeps(keep_ladders_, st.getColumn("id").getString())) continue;
      walk_run_ladder l;
      const row_ref where{"ladders", fmt::format("id='{}'", st.getColumn("id").getString())};
      read_fields(st, detail::ladder_fields, l, where);
      ladders.push_back(std::move(l));
    }
    for (auto& l : ladders) {
      auto& steps = query(
          select_sql(std::vector<std::string>{"position"} + columns(detail::interval_step_fields),
                     "FROM ladder_steps WHERE ladder_id = ? ORDER BY position"));
      steps.bind(1, l.id);
      while (steps.executeStep()) {
        interval_step s;
        const row_ref where{"ladder_steps", fmt::format("ladder_id='{}', position={}", l.id,
                                                        key(steps, "position"))};
        if (read_fields(steps, detail::interval_step_fields, s, where)) {
          check(where, detail::step_problem(s));
        }
        l.steps.push_back(s);
      }
      out.ladders.push_back(std::move(l));
    }
  }

  void read_exercises(catalogue_content& out) {
    auto& st = query(select_sql(columns(detail::exercise_fields) + columns(detail::dosage_fields),
                                "FROM exercises ORDER BY position"));
    while (st.executeStep()) {
      exercise e;
      if (!keeps(keep_exercises_, st.getColumn("id").getString())) continue;
      const row_ref where{"exercises", fmt::format("id='{}'", st.getColumn("id").getString())};
      read_fields(st, detail::exercise_fields, e, where);
      check(where, detail::id_problem(e.id), "bad-id", "id");
      if (read_fields(st, detail::dosage_fields, e.default_dosage, where)) {
        check(where, dosage_problem(e.default_dosage));
      }
      out.exercises.push_back(std::move(e));
    }
    for (auto& e : out.exercises) read_lists(detail::exercise_lists, e, "exercise_id", e.id);
  }

  void read_conditions(catalogue_content& out) {
    const auto age_prefix = fmt::format("{}_", detail::typical_age_key);
    auto& st = query(select_sql(columns(detail::condition_fields) + timeline_columns() +
                                    columns(detail::age_range_fields, age_prefix),
                                "FROM conditions ORDER BY position"));
    while (st.executeStep()) {
      condition c;
      if (!keeps(keep_conditions_, st.getColumn("id").getString())) continue;
      const row_ref where{"conditions", fmt::format("id='{}'", st.getColumn("id").getString())};
      read_fields(st, detail::condition_fields, c, where);
      check(where, detail::id_problem(c.id), "bad-id", "id");
      for (const auto& m : detail::condition_timelines) {
        // Bounded to int here; timeline_problem names min and max together, then the range.
        const auto prefix = fmt::format("{}_", m.key);
        auto& t = c.*m.member;
        if (read_fields(st, detail::timeline_fields, t, where, prefix, false)) {
          const bool order = t.min_weeks < 0 || t.min_weeks > t.max_weeks;
          check(where, detail::timeline_problem(m.key, t), order ? "min-above-max" : "out-of-range",
                prefix + (order || !detail::in_range(detail::timeline_fields[0], t.min_weeks)
                              ? "min_weeks"
                              : "max_weeks"));
        }
      }
      read_typical_age(st, c, where, age_prefix);
      out.conditions.push_back(std::move(c));
    }
    for (auto& c : out.conditions) read_lists(detail::condition_lists, c, "condition_id", c.id);
  }

  // typical_age_min and typical_age_max: both NULL for no range (and in files before 1.2).
  void read_typical_age(SQLite::Statement& st, condition& c, const row_ref& where,
                        const std::string& prefix) {
    const auto& fields = detail::age_range_fields;
    if (fields[0].since_minor > minor_) return;
    const auto column = [&](std::size_t i) {
      return fmt::format("{}{}", prefix, fields[i].column);
    };
    if (st.getColumn(column(0).c_str()).isNull() && st.getColumn(column(1).c_str()).isNull()) {
      return;
    }
    age_range ages;
    if (read_fields(st, fields, ages, where, prefix)) {
      check(where, detail::age_range_problem(detail::typical_age_key, ages), "min-above-max",
            column(0));
    }
    c.typical_age = ages;
  }

  void read_protocols(catalogue_content& out) {
    auto& st =
        query(select_sql(columns(detail::protocol_fields) + columns(detail::length_rule_fields) +
                             columns(detail::pain_rule_fields) + columns(detail::load_rule_fields) +
                             columns(detail::session_rule_fields),
                         "FROM protocols ORDER BY position"));
    while (st.executeStep()) {
      if (!keeps(keep_protocols_, st.getColumn("id").getString())) continue;
      protocol p;
      const row_ref where{"protocols", fmt::format("id='{}'", st.getColumn("id").getString())};
      read_fields(st, detail::protocol_fields, p, where);
      check(where, detail::id_problem(p.id), "bad-id", "id");
      if (read_fields(st, detail::length_rule_fields, p.lengths, where)) {
        check(where, detail::length_rules_problem(p.lengths));
      }
      if (read_fields(st, detail::pain_rule_fields, p.pain, where)) {
        check(where, detail::pain_rules_problem(p.pain));
      }
      if (read_fields(st, detail::load_rule_fields, p.load, where)) {
        check(where, detail::load_rules_problem(p.load));
      }
      read_fields(st, detail::session_rule_fields, p.sessions, where);
      out.protocols.push_back(std::move(p));
    }
    for (auto& p : out.protocols) {
      read_lists(detail::protocol_lists, p, "protocol_id", p.id);
      read_protocol_advice(p);
      read_phases(p);
    }
  }

  void read_protocol_advice(protocol& p) {
    auto& st =
        query(select_sql(std::vector<std::string>{"position"} + columns(detail::advice_fields),
                         "FROM protocol_advice WHERE protocol_id = ? ORDER BY position"));
    st.bind(1, p.id);
    while (st.executeStep()) {
      const row_ref where{"protocol_advice",
                          fmt::format("protocol_id='{}', position={}", p.id, key(st, "position"))};
      advice_note note;
      read_fields(st, detail::advice_fields, note, where);
      p.advice.push_back(std::move(note));
    }
  }

  void read_phases(protocol& p) {
    auto& st =
        query(select_sql(columns(detail::phase_fields) + columns(detail::running_rule_fields),
                         "FROM phases WHERE protocol_id = ? ORDER BY position"));
    st.bind(1, p.id);
    while (st.executeStep()) {
      phase ph;
      const row_ref where{
          "phases", fmt::format("protocol_id='{}', id='{}'", p.id, st.getColumn("id").getString())};
      if (read_fields(st, detail::phase_fields, ph, where)) {
        check(where, detail::phase_weeks_problem(ph), "min-above-max", "min_weeks");
      }
      check(where, detail::id_problem(ph.id), "bad-id", "id");
      if (read_fields(st, detail::running_rule_fields, ph.running, where)) {
        check(where, detail::running_problem(ph.running));
      }
      p.phases.push_back(std::move(ph));
    }
    for (auto& ph : p.phases) {
      read_criteria(p.id, ph);
      read_prescriptions(p.id, ph);
      read_phase_lists(detail::phase_lists, ph, p.id, ph.id);
    }
  }

  void read_criteria(const std::string& protocol_id, phase& ph) {
    auto& st = query(
        select_sql(std::vector<std::string>{"position"} + columns(detail::criterion_fields),
                   "FROM phase_criteria WHERE protocol_id = ? AND phase_id = ? ORDER BY position"));
    st.bind(1, protocol_id);
    st.bind(2, ph.id);
    while (st.executeStep()) {
      entry_criterion c;
      const row_ref where{"phase_criteria",
                          fmt::format("protocol_id='{}', phase_id='{}', position={}", protocol_id,
                                      ph.id, key(st, "position"))};
      if (read_fields(st, detail::criterion_fields, c, where)) {
        check(where, detail::criterion_problem(c));
      }
      ph.entry_criteria.push_back(std::move(c));
    }
  }

  void read_prescriptions(const std::string& protocol_id, phase& ph) {
    auto& st =
        query(select_sql(std::vector<std::string>{"position"} +
                             columns(detail::prescription_fields) + columns(detail::dosage_fields),
                         "FROM prescriptions WHERE protocol_id = ? AND phase_id = ? "
                         "ORDER BY position"));
    st.bind(1, protocol_id);
    st.bind(2, ph.id);
    std::vector<std::int64_t> positions;
    while (st.executeStep()) {
      prescription p;
      positions.push_back(key(st, "position"));
      const row_ref where{"prescriptions",
                          fmt::format("protocol_id='{}', phase_id='{}', position={}", protocol_id,
                                      ph.id, positions.back())};
      read_fields(st, detail::prescription_fields, p, where);
      if (read_fields(st, detail::dosage_fields, p.dose, where)) {
        check(where, dosage_problem(p.dose));
      }
      ph.prescriptions.push_back(std::move(p));
    }
    for (std::size_t i = 0; i < positions.size(); ++i) {
      read_steps(protocol_id, ph.id, positions[i], ph.prescriptions[i]);
    }
  }

  void read_steps(const std::string& protocol_id, const std::string& phase_id,
                  std::int64_t position, prescription& p) {
    auto& st =
        query(select_sql(std::vector<std::string>{"position"} +
                             columns(detail::dosage_step_fields) + columns(detail::dosage_fields),
                         "FROM prescription_steps WHERE protocol_id = ? AND phase_id = ? "
                         "AND prescription_position = ? ORDER BY position"));
    st.bind(1, protocol_id);
    st.bind(2, phase_id);
    st.bind(3, position);
    while (st.executeStep()) {
      dosage_step step;
      const row_ref where{
          "prescription_steps",
          fmt::format("protocol_id='{}', phase_id='{}', prescription_position={}, position={}",
                      protocol_id, phase_id, position, key(st, "position"))};
      read_fields(st, detail::dosage_step_fields, step, where);
      if (read_fields(st, detail::dosage_fields, step.dose, where)) {
        check(where, dosage_problem(step.dose));
      }
      p.progression.push_back(std::move(step));
    }
  }

  SQLite::Database& db_;
  const fs::path& path_;
  int minor_;  ///< the file's schema minor version
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
    reader r(*db, path, detail::stored_schema_version(*db));
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
