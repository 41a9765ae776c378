// load_catalogue_sources: the TOML text sources of exercises.db. Every field is read through
// the field tables of lib/model/fields.hpp; every problem of every item of every file is
// collected with file:line:column, then reported together. Cross-item rules are left to
// validate_catalogue.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "catalogue/rules.hpp"
#include "catalogue/validate.hpp"
#include "io/catalogue_toml.hpp"
#include "io/toml_fields.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_sources.hpp"
#include "model/fields.hpp"

namespace kneerehab {
namespace detail {
namespace {

namespace fs = std::filesystem;

using keys = std::vector<std::string_view>;

// What an exercise_defaults lookup gives for "" when exercises.toml could not be read:
// prescriptions then cannot be checked against it, and are not reported as unknown.
const dosage exercises_unread{};

template <typename Struct, std::size_t N>
keys keys_of(const std::array<field<Struct>, N>& fields, keys more = {}) {
  keys out;
  for (const auto& f : fields) out.push_back(f.key);
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

template <typename Struct, std::size_t N>
keys list_keys(const std::array<list_field<Struct>, N>& lists, keys more = {}) {
  for (const auto& l : lists) more.push_back(l.key);
  return more;
}

// "exercise 'glute-bridge'" when the table has a string id, else "exercise #3", so that even a
// problem found before the id is read names the item the author is editing.
std::string item_name(std::string_view kind, const toml::table& t, std::size_t n) {
  if (const auto* id = t.get_as<std::string>("id")) return fmt::format("{} '{}'", kind, id->get());
  return fmt::format("{} #{}", kind, n);
}

// The dosage fields of `f` over `base`; the cross-field rule (one of reps, hold_s, minutes
// positive) is checked when every field was read and `check_rule`.
dosage read_dosage(const toml_fields& f, dosage base, bool check_rule = true) {
  const auto before = f.problems().size();
  f.read(dosage_fields, base);
  if (check_rule && f.problems().size() == before) {
    if (auto problem = dosage_problem(base)) {
      f.report("out-of-range", f.table().source(), "dosage", "dosage: " + *problem);
    }
  }
  return base;
}

// ---- red_flags.toml ----------------------------------------------------------------------

// An item whose every key is a field of `fields` (no sub-tables).
template <typename Item, typename Fields>
Item read_flat_item(const toml::table& t, std::string_view src, std::size_t n, toml_problems& out,
                    std::string_view kind, const Fields& fields) {
  toml_fields f(t, src, item_name(kind, t, n), keys_of(fields), out);
  Item item;
  f.read(fields, item);
  return item;
}

red_flag read_red_flag(const toml::table& t, std::string_view src, std::size_t n,
                       toml_problems& out) {
  return read_flat_item<red_flag>(t, src, n, out, "red flag", red_flag_fields);
}

symptom read_symptom(const toml::table& t, std::string_view src, std::size_t n,
                     toml_problems& out) {
  return read_flat_item<symptom>(t, src, n, out, "symptom", symptom_fields);
}

// ---- ladders.toml ------------------------------------------------------------------------

walk_run_ladder read_ladder(const toml::table& t, std::string_view src, std::size_t n,
                            toml_problems& out) {
  toml_fields f(t, src, item_name("ladder", t, n), keys_of(ladder_fields, {"steps"}), out);
  walk_run_ladder l;
  f.read(ladder_fields, l);
  const auto steps = f.tables("steps", true);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    toml_fields sf(*steps[i], src, fmt::format("{}, step {}", f.item(), i + 1),
                   keys_of(interval_step_fields), out);
    interval_step s;
    sf.read(interval_step_fields, s);
    l.steps.push_back(s);
  }
  return l;
}

// ---- conditions.toml ---------------------------------------------------------------------

// `level = [min_weeks, max_weeks]`, each checked against timeline_fields.
void read_timeline(const toml_fields& f, std::string_view level, timeline& t) {
  const auto* node = f.find(level);
  if (node == nullptr) {
    f.report("missing-field", f.table().source(), level,
             fmt::format("'{}' is missing; accepted: [min_weeks, max_weeks], e.g. [4, 8]", level));
    return;
  }
  const auto* weeks = node->as_array();
  if (weeks == nullptr || weeks->size() != 2 || !(*weeks)[0].is_integer() ||
      !(*weeks)[1].is_integer()) {
    f.report("wrong-type", node->source(), level,
             fmt::format("'{}' is not two integers; accepted: [min_weeks, max_weeks], e.g. [4, 8]",
                         level));
    return;
  }
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& fd = timeline_fields[i];
    const auto key = fmt::format("{} {}", level, fd.key);
    if (auto v = f.integer_in((*weeks)[i], key, fd.low, fd.high)) {
      t.*std::get<int timeline::*>(fd.member) = *v;
    }
  }
}

// `typical_age = [min, max]` in years, each checked against age_range_fields, then min <= max.
void read_typical_age(const toml_fields& f, condition& c) {
  const auto* node = f.find(typical_age_key);
  if (node == nullptr) return;
  const auto* ages = node->as_array();
  if (ages == nullptr || ages->size() != 2 || !(*ages)[0].is_integer() ||
      !(*ages)[1].is_integer()) {
    f.report("wrong-type", node->source(), typical_age_key,
             fmt::format("'{}' is not two integers; accepted: [min, max] in years, e.g. [45, 120]",
                         typical_age_key));
    return;
  }
  age_range range;
  bool good = true;
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& fd = age_range_fields[i];
    const auto key = fmt::format("{} {}", typical_age_key, fd.key);
    if (auto v = f.integer_in((*ages)[i], key, fd.low, fd.high)) {
      range.*std::get<int age_range::*>(fd.member) = *v;
    } else {
      good = false;
    }
  }
  if (!good) return;
  if (auto problem = age_range_problem(typical_age_key, range)) {
    f.report("min-above-max", node->source(), typical_age_key, *problem);
    return;
  }
  c.typical_age = range;
}

condition read_condition(const toml::table& t, std::string_view src, std::size_t n,
                         toml_problems& out) {
  toml_fields f(
      t, src, item_name("condition", t, n),
      keys_of(condition_fields, list_keys(condition_lists, {"timeline", typical_age_key})), out);
  condition c;
  f.read(condition_fields, c);
  f.read(condition_lists, c);
  read_typical_age(f, c);
  if (const auto* timeline = f.table("timeline", true)) {
    keys levels;
    for (const auto& m : condition_timelines) levels.push_back(m.key);
    toml_fields tf(*timeline, src, f.item() + ", timeline", levels, out);
    for (const auto& m : condition_timelines) read_timeline(tf, m.key, c.*m.member);
  }
  return c;
}

// ---- exercises.toml ----------------------------------------------------------------------

exercise read_exercise(const toml::table& t, std::string_view src, std::size_t n,
                       toml_problems& out, const keys& extra = {}) {
  keys more = {"dosage"};
  more.insert(more.end(), extra.begin(), extra.end());
  toml_fields f(t, src, item_name("exercise", t, n),
                keys_of(exercise_fields, list_keys(exercise_lists, more)), out);
  exercise e;
  f.read(exercise_fields, e);
  f.read(exercise_lists, e);
  if (const auto* dose = f.table("dosage", true)) {
    e.default_dosage =
        read_dosage(toml_fields(*dose, src, f.item(), keys_of(dosage_fields), out), dosage{});
  }
  return e;
}

// ---- protocols/<id>.toml -----------------------------------------------------------------

prescription read_prescription(const toml::table& t, std::string_view src,
                               const std::string& phase_item, std::size_t n,
                               const exercise_defaults& defaults, toml_problems& out) {
  toml_fields f(t, src, fmt::format("{}, {}", phase_item, item_name("exercise", t, n)),
                keys_of(prescription_fields, keys_of(dosage_fields, {"progression"})), out);
  prescription p;
  f.read(prescription_fields, p);
  const dosage* base = p.exercise_id.empty() ? nullptr : defaults(p.exercise_id);
  static const dosage unknown{};
  if (base == nullptr && !p.exercise_id.empty() && defaults("") != &exercises_unread) {
    f.report_at_key("unknown-id", "id",
                    fmt::format("'id' is '{}', which is not a catalogue exercise; accepted: an "
                                "exercise id from exercises.toml",
                                p.exercise_id));
  }
  // With no known default, the dosage rule would be checked against made-up values.
  p.dose = read_dosage(f, base != nullptr ? *base : unknown, base != nullptr);
  dosage previous = p.dose;
  const auto steps = f.tables("progression", false);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    toml_fields sf(*steps[i], src, fmt::format("{}, progression step {}", f.item(), i + 1),
                   keys_of(dosage_step_fields, keys_of(dosage_fields)), out);
    dosage_step step;
    sf.read(dosage_step_fields, step);
    step.dose = read_dosage(sf, previous, base != nullptr);
    previous = step.dose;
    p.progression.push_back(std::move(step));
  }
  return p;
}

phase read_phase(const toml::table& t, std::string_view src, const std::string& protocol_item,
                 std::size_t n, const exercise_defaults& defaults, toml_problems& out) {
  toml_fields f(t, src, fmt::format("{}, {}", protocol_item, item_name("phase", t, n)),
                keys_of(phase_fields, list_keys(phase_lists, {"running", "criteria", "exercise"})),
                out);
  phase ph;
  f.read(phase_fields, ph);
  f.read(phase_lists, ph);
  if (const auto* running = f.table("running", false)) {
    toml_fields rf(*running, src, f.item() + ", running", keys_of(running_rule_fields), out);
    rf.read(running_rule_fields, ph.running);
  }
  const auto criteria = f.tables("criteria", false);
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    toml_fields cf(*criteria[i], src, fmt::format("{}, criterion {}", f.item(), i + 1),
                   keys_of(criterion_fields), out);
    entry_criterion c;
    cf.read(criterion_fields, c);
    constexpr std::string_view ops[] = {"<=", ">=", "==", "<", ">"};
    if (cf.has("op") && !c.op.empty() &&
        std::find(std::begin(ops), std::end(ops), c.op) == std::end(ops)) {
      cf.report_at_key("bad-enum", "op",
                       fmt::format("'op' is '{}'; accepted: <=, >=, ==, <, >", c.op));
    }
    ph.entry_criteria.push_back(std::move(c));
  }
  const auto exercises = f.tables("exercise", false);
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    ph.prescriptions.push_back(
        read_prescription(*exercises[i], src, f.item(), i + 1, defaults, out));
  }
  return ph;
}

template <typename Struct, std::size_t N>
void read_rules(const toml_fields& f, std::string_view key,
                const std::array<field<Struct>, N>& fields, Struct& value) {
  if (const auto* t = f.table(key, false)) {
    toml_fields rf(*t, f.source(), fmt::format("{}, {}", f.item(), key), keys_of(fields),
                   f.problems());
    rf.read(fields, value);
  }
}

protocol read_protocol(const toml::table& t, std::string_view src,
                       const exercise_defaults& defaults, toml_problems& out,
                       const keys& extra = {}) {
  const auto* id = t.get_as<std::string>("id");
  keys more = {"lengths", "pain", "load", "sessions", "advice", "phase"};
  more.insert(more.end(), extra.begin(), extra.end());
  toml_fields f(t, src, id != nullptr ? fmt::format("protocol '{}'", id->get()) : "the protocol",
                keys_of(protocol_fields, list_keys(protocol_lists, more)), out);
  protocol p;
  f.read(protocol_fields, p);
  f.read(protocol_lists, p);
  read_rules(f, "lengths", length_rule_fields, p.lengths);
  read_rules(f, "pain", pain_rule_fields, p.pain);
  read_rules(f, "load", load_rule_fields, p.load);
  read_rules(f, "sessions", session_rule_fields, p.sessions);
  const auto advice = f.tables("advice", false);
  for (std::size_t i = 0; i < advice.size(); ++i) {
    toml_fields af(*advice[i], src, fmt::format("{}, advice {}", f.item(), i + 1),
                   keys_of(advice_fields), out);
    advice_note note;
    af.read(advice_fields, note);
    p.advice.push_back(std::move(note));
  }
  const auto phases = f.tables("phase", true);
  for (std::size_t i = 0; i < phases.size(); ++i) {
    p.phases.push_back(read_phase(*phases[i], src, f.item(), i + 1, defaults, out));
  }
  return p;
}

// ---- the source directory ----------------------------------------------------------------

// Reads the [[kind]] tables of a catalogue file whose only top-level keys are `kinds`.
template <typename Read>
void read_items(const toml::table& file, const std::string& src, std::string_view kind,
                const keys& kinds, toml_problems& out, Read read) {
  toml_fields f(file, src, fs::path(src).filename().string(), kinds, out);
  const auto tables = f.tables(kind, false);
  for (std::size_t i = 0; i < tables.size(); ++i) read(*tables[i], i + 1);
}

// Whether every file parsed (a syntax error leaves a file unread).
bool load_red_flags(const fs::path& dir, catalogue_content& content, toml_problems& out) {
  const auto src = (dir / "red_flags.toml").string();
  const auto file = parse_toml_file(src, out);
  if (!file) return false;
  const keys kinds = {"red_flag", "symptom"};
  read_items(*file, src, "red_flag", kinds, out, [&](const toml::table& t, std::size_t n) {
    content.red_flags.push_back(read_red_flag(t, src, n, out));
  });
  read_items(*file, src, "symptom", kinds, out, [&](const toml::table& t, std::size_t n) {
    content.symptoms.push_back(read_symptom(t, src, n, out));
  });
  return true;
}

template <typename T, typename Read>
bool load_kind(const fs::path& file_path, std::string_view kind, std::vector<T>& items,
               toml_problems& out, Read read) {
  const auto src = file_path.string();
  const auto file = parse_toml_file(src, out);
  if (!file) return false;
  read_items(*file, src, kind, {kind}, out,
             [&](const toml::table& t, std::size_t n) { items.push_back(read(t, src, n, out)); });
  return true;
}

std::vector<fs::path> protocol_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") {
      files.push_back(entry.path());
    }
  }
  // Sorted by file name so that the catalogue (and exercises.db) never depends on the
  // order the file system lists them in.
  std::sort(files.begin(), files.end());
  return files;
}

bool load_protocols(const fs::path& dir, catalogue_content& content, bool exercises_read,
                    toml_problems& out) {
  std::unordered_map<std::string_view, const dosage*> defaults;
  for (const auto& e : content.exercises) defaults.emplace(e.id, &e.default_dosage);
  const exercise_defaults lookup = [&](std::string_view id) -> const dosage* {
    if (!exercises_read) return id.empty() ? &exercises_unread : nullptr;
    const auto it = defaults.find(id);
    return it == defaults.end() ? nullptr : it->second;
  };
  bool all_read = true;
  for (const auto& path : protocol_files(dir / "protocols")) {
    const auto src = path.string();
    const auto file = parse_toml_file(src, out);
    if (!file) {
      all_read = false;
      continue;
    }
    auto p = read_protocol(*file, src, lookup, out);
    if (const auto* id = file->get("id");
        id != nullptr && id->is_string() && p.id != path.stem().string()) {
      out.add("mismatch", src, id->source(), fmt::format("protocol '{}'", p.id), "id",
              fmt::format("the id does not match the file name; accepted: '{}' in "
                          "protocols/{}.toml",
                          p.id, p.id));
    }
    content.protocols.push_back(std::move(p));
  }
  return all_read;
}

// Problems the validator finds that the readers have not already reported: not the empty
// texts and ids left by missing keys.
void add_catalogue_problems(const catalogue_content& content, toml_problems& out) {
  for (auto& d : catalogue_problems(content)) {
    if (d.code == "missing-field" || d.item.find("''") != std::string::npos) continue;
    out.list().push_back(std::move(d));
  }
}

// The keys a therapist's file adds to a catalogue item (docs/protocol-files.md): who wrote
// this version and why. `author` and `version` are required, `change_note` is optional.
const keys provenance_keys = {"author", "version", "change_note"};

provenance read_provenance(const toml::table& t, std::string_view src, const std::string& item,
                           toml_problems& out) {
  provenance about;
  const auto read = [&](std::string_view key, std::string& value, bool required) {
    const auto* node = t.get(key);
    if (node == nullptr) {
      if (required) {
        out.add("missing-field", src, t.source(), item, key,
                fmt::format("'{}' is missing; accepted: a string, e.g. {} = \"{}\"", key, key,
                            key == "author" ? "A. Therapist" : "1"));
      }
      return;
    }
    // `version = 2` is as natural as `version = "2"`: an integer is read as its digits.
    if (const auto* number = node->as_integer(); number != nullptr && key == "version") {
      value = std::to_string(number->get());
      return;
    }
    if (const auto* text = node->as_string()) {
      value = text->get();
      if (required && value.empty()) {
        out.add("missing-field", src, node->source(), item, key,
                fmt::format("'{}' is empty; accepted: a non-empty string", key));
      }
      return;
    }
    out.add("wrong-type", src, node->source(), item, key,
            fmt::format("'{}' is not a string; accepted: a string", key));
  };
  read("author", about.author, true);
  read("version", about.version, true);
  read("change_note", about.change_note, false);
  return about;
}

std::string file_item(std::string_view kind, const toml::table& t) {
  if (const auto* id = t.get_as<std::string>("id")) return fmt::format("{} '{}'", kind, id->get());
  return fmt::format("the {}", kind);
}

}  // namespace

protocol_file parse_protocol_file_toml(std::string_view text, std::string_view source_name,
                                       const exercise_defaults& defaults,
                                       std::vector<diagnostic>& problems_out) {
  toml_problems problems;
  protocol_file out;
  if (const auto file = parse_toml_text(text, source_name, problems)) {
    out.content = read_protocol(*file, source_name, defaults, problems, provenance_keys);
    out.about = read_provenance(*file, source_name, file_item("protocol", *file), problems);
  }
  problems_out = std::move(problems.list());
  return out;
}

exercise_file parse_exercise_file_toml(std::string_view text, std::string_view source_name,
                                       std::vector<diagnostic>& problems_out) {
  toml_problems problems;
  exercise_file out;
  if (const auto file = parse_toml_text(text, source_name, problems)) {
    out.content = read_exercise(*file, source_name, 1, problems, provenance_keys);
    out.about = read_provenance(*file, source_name, file_item("exercise", *file), problems);
  }
  problems_out = std::move(problems.list());
  return out;
}

protocol parse_protocol_toml(std::string_view text, std::string_view source_name,
                             const exercise_defaults& defaults) {
  toml_problems problems;
  protocol p;
  if (const auto file = parse_toml_text(text, source_name, problems)) {
    p = read_protocol(*file, source_name, defaults, problems);
  }
  if (!problems.empty()) throw error(errc::invalid_catalogue, std::move(problems.list()));
  return p;
}

}  // namespace detail

catalogue_content load_catalogue_sources(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) {
    throw error::io(
        fmt::format("cannot read catalogue sources: '{}' is not a directory", dir.string()));
  }
  catalogue_content out;
  detail::toml_problems problems;
  bool parsed = detail::load_red_flags(dir, out, problems);
  parsed = detail::load_kind(dir / "ladders.toml", "ladder", out.ladders, problems,
                             detail::read_ladder) &&
           parsed;
  const bool exercises_read = detail::load_kind(
      dir / "exercises.toml", "exercise", out.exercises, problems,
      [](const toml::table& t, std::string_view src, std::size_t n, detail::toml_problems& p) {
        return detail::read_exercise(t, src, n, p);
      });
  parsed = exercises_read && parsed;
  parsed = detail::load_kind(dir / "conditions.toml", "condition", out.conditions, problems,
                             detail::read_condition) &&
           parsed;
  parsed = detail::load_protocols(dir, out, exercises_read, problems) && parsed;
  if (!problems.empty()) {
    // Then what only the whole catalogue shows, when every file could be read.
    if (parsed) detail::add_catalogue_problems(out, problems);
    throw error(errc::invalid_catalogue, std::move(problems.list()));
  }
  return out;
}

}  // namespace kneerehab
