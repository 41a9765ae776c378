// Reading and checking protocol and exercise files (io/protocol_file.hpp). A file is checked
// in three passes, each reporting every problem it finds at the file's line and column: the
// TOML reader (syntax, keys, types, ranges), the catalogue validator on the catalogue the item
// would join (ids, phase rules, bars), and the rules a protocol file must keep beyond those of
// a catalogue (docs/protocol-files.md: the plan rules of docs/plan-rules.md as ceilings).
#include "kneerehab/io/protocol_file.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "catalogue/validate.hpp"
#include "io/catalogue_toml.hpp"
#include "kneerehab/catalogue/overlay.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/core/ids.hpp"

namespace kneerehab {
namespace {

namespace fs = std::filesystem;

std::string read_item_file(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    throw error::io(fmt::format("cannot read '{}': no such file", path.string()));
  }
  if (!fs::is_regular_file(status)) {
    throw error::invalid_input(
        fmt::format("cannot read '{}': not a regular file; accepted: a protocol or exercise file",
                    path.string()));
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_item_file_bytes) {
    throw error::invalid_input(
        fmt::format("'{}' is {} bytes; accepted: files of at most {} bytes (1 MiB)", path.string(),
                    size, max_item_file_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error::io(fmt::format("cannot read '{}': not readable", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw error::io(fmt::format("cannot read '{}': read error", path.string()));
  return text.str();
}

// ---- where a validator diagnostic is in the file -------------------------------------------

// "phase 'y'" -> y; nullopt when `segment` is not "KIND 'id'".
std::optional<std::string> named(std::string_view segment, std::string_view kind) {
  const auto prefix = std::string(kind) + " '";
  if (segment.rfind(prefix, 0) != 0 || segment.back() != '\'') return std::nullopt;
  return std::string(segment.substr(prefix.size(), segment.size() - prefix.size() - 1));
}

const toml::table* child_with_id(const toml::table& t, std::string_view key, std::string_view id) {
  const auto* items = t.get_as<toml::array>(key);
  if (items == nullptr) return nullptr;
  for (const auto& node : *items) {
    const auto* table = node.as_table();
    if (table == nullptr) continue;
    const auto* item_id = table->get_as<std::string>("id");
    if (item_id != nullptr && item_id->get() == id) return table;
  }
  return nullptr;
}

// The table an item names ("protocol 'x', phase 'y', exercise 'z'").
const toml::table* item_table(const toml::table& root, std::string_view item) {
  const toml::table* at = &root;
  std::size_t start = 0;
  while (start <= item.size() && at != nullptr) {
    const auto end = std::min(item.find(", ", start), item.size());
    const auto segment = item.substr(start, end - start);
    if (auto phase_id = named(segment, "phase")) {
      at = child_with_id(*at, "phase", *phase_id);
    } else if (auto exercise_id = named(segment, "exercise")) {
      at = child_with_id(*at, "exercise", *exercise_id);
    } else if (const auto* sub = at->get_as<toml::table>(segment)) {
      at = sub;  // "protocol 'x', load": the [load] table
    }
    start = end + 2;
  }
  return at;
}

// The key `field` of the table, or the element of the array there that the message quotes.
toml::source_region field_region(const toml::table& table, const diagnostic& d) {
  const auto* node = table.get(d.field);
  if (node == nullptr) return table.source();
  if (const auto* items = node->as_array()) {
    for (const auto& element : *items) {
      // A string the message quotes (barred = [...]), or the table of the id it quotes
      // ([[phase.exercise]]).
      const auto* text = element.as_string();
      if (const auto* entry = element.as_table()) text = entry->get_as<std::string>("id");
      if (text != nullptr && d.message.find("'" + text->get() + "'") != std::string::npos) {
        return element.source();
      }
    }
  }
  return node->source();
}

void place(diagnostic& d, const toml::table& root, std::string_view source) {
  d.where.file = source;
  const auto* table = item_table(root, d.item);
  if (table == nullptr) table = &root;
  const auto region = field_region(*table, d);
  d.where.line = static_cast<int>(region.begin.line);
  d.where.column = static_cast<int>(region.begin.column);
}

// ---- nearest ids ---------------------------------------------------------------------------

// The quoted id in "'id' is 'x', ..." or "bars 'x', which ..." (the last quoted word before
// "which" or "does not exist").
std::optional<std::string> quoted_id(const std::string& message) {
  std::vector<std::string> quoted;
  for (std::size_t at = message.find('\''); at != std::string::npos;) {
    const auto end = message.find('\'', at + 1);
    if (end == std::string::npos) break;
    quoted.push_back(message.substr(at + 1, end - at - 1));
    at = message.find('\'', end + 1);
  }
  if (quoted.empty()) return std::nullopt;
  return quoted.size() > 1 && quoted.front() == "id" ? quoted[1] : quoted.back();
}

std::vector<std::string> candidates_for(const diagnostic& d, const catalogue& cat) {
  if (d.field == "condition") return ids_of(cat.conditions());
  if (d.field == "ladder") return ids_of(cat.ladders());
  return ids_of(cat.exercises());
}

// "did you mean a, b?" for an id that names nothing.
void suggest(diagnostic& d, const catalogue& cat) {
  if (d.code != "unknown-id") return;
  const auto wanted = quoted_id(d.message);
  if (!wanted) return;
  const auto near = nearest_ids(candidates_for(d, cat), *wanted);
  if (near.empty()) return;
  std::string list;
  for (const auto& id : near) list += (list.empty() ? "" : ", ") + id;
  d.hint = fmt::format("did you mean {}?", list);
}

// ---- rules of a protocol file beyond those of a catalogue ----------------------------------

int running_rank(running_mode mode) {
  switch (mode) {
    case running_mode::none:
      return 0;
    case running_mode::walk_run:
    case running_mode::modified:
      return 1;
    case running_mode::continuous:
      return 2;
  }
  return 0;
}

struct ceiling {
  std::string_view key;
  double load_rules::*member;
  double most;
  std::string_view rule;
};

// docs/plan-rules.md states these as defaults a protocol may tighten, never loosen.
constexpr ceiling load_ceilings[] = {
    {"weekly_increase", &load_rules::weekly_increase, 0.10, "rule 3: weekly volume up at most 10%"},
    {"spike_ratio", &load_rules::spike_ratio, 1.10,
     "rule 3: no run over 110% of the longest of the previous 30 days"},
    {"long_run_share", &load_rules::long_run_share, 0.30,
     "rule 3: a long run at most 30% of the week"},
};

void check_plan_rules(const protocol& p, std::vector<diagnostic>& out) {
  const auto item = fmt::format("protocol '{}', load", p.id);
  for (const auto& c : load_ceilings) {
    if (p.load.*c.member > c.most + 1e-9) {
      out.push_back(detail::make_diagnostic(
          "plan-rule", item, c.key,
          fmt::format("{} is {}, looser than docs/plan-rules.md {}; accepted: at most {}", c.key,
                      p.load.*c.member, c.rule, c.most)));
    }
  }
  if (p.load.max_runs_per_week > 4) {
    out.push_back(detail::make_diagnostic(
        "plan-rule", item, "max_runs_per_week",
        fmt::format("max_runs_per_week is {}, looser than docs/plan-rules.md rule 2: at most 4 "
                    "runs a week on a walk/run ladder; accepted: at most 4",
                    p.load.max_runs_per_week)));
  }
}

void check_phase_order(const protocol& p, std::vector<diagnostic>& out) {
  for (std::size_t i = 1; i < p.phases.size(); ++i) {
    const auto& before = p.phases[i - 1];
    const auto& ph = p.phases[i];
    if (running_rank(ph.running.mode) < running_rank(before.running.mode)) {
      out.push_back(detail::make_diagnostic(
          "out-of-order", fmt::format("protocol '{}', phase '{}'", p.id, ph.id), "running",
          fmt::format("phase {} runs '{}' after phase {} '{}' ran '{}'; accepted: phases in "
                      "order of load (none, then walk-run or modified, then continuous)",
                      i + 1, to_string(ph.running.mode), i, before.id,
                      to_string(before.running.mode))));
    }
  }
}

void check_duplicate_prescriptions(const protocol& p, std::vector<diagnostic>& out) {
  for (const auto& ph : p.phases) {
    std::set<std::string> seen;
    for (const auto& rx : ph.prescriptions) {
      if (!seen.insert(rx.exercise_id).second) {
        out.push_back(detail::make_diagnostic(
            "duplicate-id",
            fmt::format("protocol '{}', phase '{}', exercise '{}'", p.id, ph.id, rx.exercise_id),
            "id",
            "the phase prescribes this exercise twice; accepted: one prescription per "
            "exercise (use progression for later weeks)"));
      }
    }
  }
}

// The validator's problems with the item `prefix` names ("protocol 'x'"), placed in the file.
void add_catalogue_problems(const catalogue_content& content, std::string_view prefix,
                            const toml::table& root, std::string_view source,
                            const catalogue& names, std::vector<diagnostic>& out) {
  for (auto d : detail::catalogue_problems(content)) {
    const bool ours = d.item.rfind(prefix, 0) == 0 &&
                      (d.item.size() == prefix.size() || d.item[prefix.size()] == ',');
    if (!ours) continue;
    suggest(d, names);
    place(d, root, source);
    out.push_back(std::move(d));
  }
}

[[noreturn]] void fail(std::vector<diagnostic> problems) {
  throw error(errc::invalid_protocol, std::move(problems));
}

detail::exercise_defaults defaults_of(const catalogue& base) {
  return [&base](std::string_view id) -> const dosage* {
    const auto* e = base.find_exercise(id);
    return e == nullptr ? nullptr : &e->default_dosage;
  };
}

}  // namespace

// Whether the validator's `d` says again what the reader already reported: the same problem
// of the same item, or an item the reader could not name (a missing id).
// An item with an unknown id has made-up defaults: nothing more is said about it.
bool already_reported(const diagnostic& d, const std::vector<diagnostic>& read) {
  if (d.code == "missing-field" || d.item.find("''") != std::string::npos) return true;
  const auto id = quoted_id(d.message);
  return std::any_of(read.begin(), read.end(), [&](const diagnostic& r) {
    if (r.code == "unknown-id" && r.item == d.item) return true;
    return r.code == d.code && (r.item == d.item || (id && quoted_id(r.message) == id));
  });
}

// In file order, as an editor lists them; the reader's before the validator's at one place.
void sort_by_position(std::vector<diagnostic>& list) {
  std::stable_sort(list.begin(), list.end(), [](const diagnostic& a, const diagnostic& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
}

protocol_file parse_protocol_file(std::string_view text, std::string_view source_name,
                                  const catalogue& base) {
  std::vector<diagnostic> problems;
  auto file = detail::parse_protocol_file_toml(text, source_name, defaults_of(base), problems);
  for (auto& d : problems) suggest(d, base);
  const bool parsed = std::none_of(problems.begin(), problems.end(),
                                   [](const diagnostic& d) { return d.code == "syntax"; });
  if (!parsed) fail(std::move(problems));
  // Then what only the catalogue the protocol joins shows, so one run reports everything.
  const auto root = toml::parse(text, source_name);  // parsed once already: cannot fail
  const auto prefix = fmt::format("protocol '{}'", file.content.id);
  std::vector<diagnostic> more;
  add_catalogue_problems(overlay_content(base, {{}, {file.content}}), prefix, root, source_name,
                         base, more);
  std::vector<diagnostic> rules;
  check_phase_order(file.content, rules);
  check_duplicate_prescriptions(file.content, rules);
  check_plan_rules(file.content, rules);
  for (auto& d : rules) place(d, root, source_name);
  more.insert(more.end(), rules.begin(), rules.end());
  for (auto& d : more) {
    if (!already_reported(d, problems)) problems.push_back(std::move(d));
  }
  sort_by_position(problems);
  if (!problems.empty()) fail(std::move(problems));
  return file;
}

protocol_file read_protocol_file(const std::filesystem::path& path, const catalogue& base) {
  return parse_protocol_file(read_item_file(path), path.string(), base);
}

exercise_file parse_exercise_file(std::string_view text, std::string_view source_name,
                                  const catalogue& base) {
  std::vector<diagnostic> problems;
  auto file = detail::parse_exercise_file_toml(text, source_name, problems);
  if (!problems.empty()) fail(std::move(problems));
  const auto root = toml::parse(text, source_name);
  const auto content = overlay_content(base, {{file.content}, {}});
  for (auto d : detail::catalogue_problems(content)) {
    const auto quoted = fmt::format("'{}'", file.content.id);
    const bool ours =
        d.item.find(quoted) != std::string::npos || d.message.find(quoted) != std::string::npos;
    if (!ours || d.item.rfind("protocol", 0) == 0) continue;
    suggest(d, base);
    d.where.file = source_name;
    const auto region = field_region(root, d);
    d.where.line = static_cast<int>(region.begin.line);
    d.where.column = static_cast<int>(region.begin.column);
    problems.push_back(std::move(d));
  }
  if (!problems.empty()) fail(std::move(problems));
  return file;
}

exercise_file read_exercise_file(const std::filesystem::path& path, const catalogue& base) {
  return parse_exercise_file(read_item_file(path), path.string(), base);
}

}  // namespace kneerehab
