// load_catalogue_sources: the TOML text sources of exercises.db. Shape and types are
// checked here, with file:line:column; cross-item rules are left to validate_catalogue.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "io/catalogue_toml.hpp"
#include "io/toml_fields.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_sources.hpp"
#include "kneerehab/model/enum_names.hpp"
#include "model/fields.hpp"

namespace kneerehab {
namespace detail {
namespace {

namespace fs = std::filesystem;

template <typename Struct, std::size_t N>
std::vector<std::string_view> keys_of(const std::array<field<Struct>, N>& fields) {
  std::vector<std::string_view> keys;
  for (const auto& f : fields) keys.push_back(f.key);
  return keys;
}

// Dosage keys, shared by exercise defaults, prescriptions and progression steps.
const std::vector<std::string_view> dosage_keys = keys_of(dosage_fields);

std::vector<std::string_view> with_dosage_keys(std::vector<std::string_view> keys) {
  keys.insert(keys.end(), dosage_keys.begin(), dosage_keys.end());
  return keys;
}

// Reads every field of `fields` present in the table; absent ones keep their value in `base`.
template <typename Struct, std::size_t N>
Struct read_fields(const toml_fields& f, const std::array<field<Struct>, N>& fields, Struct base) {
  for_each_field(fields, base, [&](const auto& fd, auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (std::is_same_v<T, int>) {
      v = f.integer_or(fd.key, v);
    } else if constexpr (std::is_same_v<T, double>) {
      v = f.number_or(fd.key, v);
    } else {
      v = f.text_or(fd.key, v);
    }
  });
  return base;
}

dosage read_dosage(const toml_fields& f, const toml::table& table, dosage base) {
  base = read_fields(f, dosage_fields, std::move(base));
  if (auto problem = dosage_problem(base)) {
    f.fail(table.source(), fmt::format("dosage of {}: {}", f.what(), *problem));
  }
  return base;
}

// "exercise 'glute-bridge'" when the table has a string id, else "exercise #3", so that even
// an unknown key found before the id is read names the item the author is editing.
std::string item_name(std::string_view kind, const toml::table& t, std::size_t n) {
  if (const auto* id = t.get_as<std::string>("id")) return fmt::format("{} '{}'", kind, id->get());
  return fmt::format("{} #{}", kind, n);
}

// ---- red_flags.toml ----------------------------------------------------------------------

red_flag read_red_flag(const toml::table& t, std::string_view src, std::size_t n) {
  toml_fields f(t, src, item_name("red_flag", t, n), {"id", "name", "why", "action", "source"});
  red_flag r;
  r.id = f.text("id");
  f.describe_as(fmt::format("red_flag '{}'", r.id));
  r.name = f.text("name");
  r.why = f.text("why");
  r.action = f.text("action");
  r.source = f.text_or("source", "");
  return r;
}

symptom read_symptom(const toml::table& t, std::string_view src, std::size_t n) {
  toml_fields f(t, src, item_name("symptom", t, n), {"id", "description", "red_flag", "min_age"});
  symptom s;
  s.id = f.text("id");
  f.describe_as(fmt::format("symptom '{}'", s.id));
  s.description = f.text("description");
  s.red_flag = f.optional_text("red_flag");
  s.min_age = f.optional_integer("min_age");
  return s;
}

// ---- ladders.toml ------------------------------------------------------------------------

walk_run_ladder read_ladder(const toml::table& t, std::string_view src, std::size_t n) {
  toml_fields f(t, src, item_name("ladder", t, n), {"id", "name", "source", "steps"});
  walk_run_ladder l;
  l.id = f.text("id");
  f.describe_as(fmt::format("ladder '{}'", l.id));
  l.name = f.text("name");
  l.source = f.text_or("source", "");
  static_cast<void>(f.array("steps"));
  const auto steps = f.tables("steps");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    toml_fields sf(*steps[i], src, fmt::format("step {} of ladder '{}'", i + 1, l.id),
                   {"walk_s", "run_s", "repeats"});
    l.steps.push_back(
        {sf.integer_or("walk_s", 0), sf.integer("run_s"), sf.integer_or("repeats", 1)});
  }
  return l;
}

// ---- conditions.toml ---------------------------------------------------------------------

timeline read_timeline(const toml_fields& f, std::string_view level) {
  const auto& weeks = f.array(level);
  const bool ok = weeks.size() == 2 && weeks[0].is_integer() && weeks[1].is_integer();
  if (!ok) {
    f.fail(weeks.source(), fmt::format("'{}' in {} is not two integers; accepted: [min_weeks, "
                                       "max_weeks], e.g. [4, 8]",
                                       level, f.what()));
  }
  return {static_cast<int>(*weeks[0].value<std::int64_t>()),
          static_cast<int>(*weeks[1].value<std::int64_t>())};
}

condition read_condition(const toml::table& t, std::string_view src, std::size_t n) {
  toml_fields f(t, src, item_name("condition", t, n),
                {"id", "name", "region", "description", "presentation", "aggravating", "timeline",
                 "red_flags", "protocol", "referral_only", "referral", "sources"});
  condition c;
  c.id = f.text("id");
  f.describe_as(fmt::format("condition '{}'", c.id));
  c.name = f.text("name");
  c.region = f.choice("region", parse_knee_region, accepted_names<knee_region>());
  c.description = f.text("description");
  c.presentation = f.text("presentation");
  c.aggravating = f.texts("aggravating");
  toml_fields tf(f.required_table("timeline"), src, fmt::format("timeline of condition '{}'", c.id),
                 {"mild", "moderate", "severe"});
  c.mild = read_timeline(tf, "mild");
  c.moderate = read_timeline(tf, "moderate");
  c.severe = read_timeline(tf, "severe");
  c.red_flags = f.texts("red_flags");
  c.protocol_id = f.optional_text("protocol");
  c.referral_only = f.boolean_or("referral_only", false);
  c.referral = f.text_or("referral", "");
  c.sources = f.texts("sources");
  return c;
}

// ---- exercises.toml ----------------------------------------------------------------------

exercise read_exercise(const toml::table& t, std::string_view src, std::size_t n) {
  toml_fields f(t, src, item_name("exercise", t, n),
                {"id", "name", "category", "load", "muscles", "equipment", "side", "instructions",
                 "cues", "dosage", "regression", "progression", "contraindications"});
  exercise e;
  e.id = f.text("id");
  f.describe_as(fmt::format("exercise '{}'", e.id));
  e.name = f.text("name");
  e.category = f.choice("category", parse_exercise_category, accepted_names<exercise_category>());
  e.load = f.choice("load", parse_load_level, accepted_names<load_level>());
  e.muscles = f.texts("muscles");
  e.equipment = f.texts("equipment");
  e.side = f.choice("side", parse_laterality, accepted_names<laterality>());
  e.instructions = f.texts("instructions");
  e.cues = f.texts("cues");
  const auto& dose = f.required_table("dosage");
  e.default_dosage = read_dosage(
      toml_fields(dose, src, fmt::format("exercise '{}'", e.id), dosage_keys), dose, dosage{});
  e.regression = f.optional_text("regression");
  e.progression = f.optional_text("progression");
  e.contraindications = f.texts("contraindications");
  return e;
}

// ---- protocols/<id>.toml -----------------------------------------------------------------

std::string check_op(const toml_fields& f) {
  std::string op = f.text("op");
  constexpr std::string_view ops[] = {"<=", ">=", "==", "<", ">"};
  if (std::find(std::begin(ops), std::end(ops), op) == std::end(ops)) {
    f.fail_at_key("op",
                  fmt::format("'op' in {} is '{}'; accepted: <=, >=, ==, <, >", f.what(), op));
  }
  return op;
}

entry_criterion read_criterion(const toml::table& t, std::string_view src, std::string what) {
  toml_fields f(t, src, std::move(what), {"measure", "op", "value", "unit", "text", "source"});
  entry_criterion c;
  c.measure = f.text("measure");
  c.op = check_op(f);
  c.value = f.number("value");
  c.unit = f.text_or("unit", "");
  c.text = f.text("text");
  c.source = f.text_or("source", "");
  return c;
}

running_rule read_running(const toml::table& t, std::string_view src, std::string what) {
  toml_fields f(t, src, std::move(what),
                {"mode", "ladder", "start_fraction", "max_surface", "hills", "speed"});
  running_rule r;
  r.mode = f.choice("mode", parse_running_mode, accepted_names<running_mode>());
  r.ladder_id = f.text_or("ladder", "");
  r.start_fraction = f.number_or("start_fraction", r.start_fraction);
  r.max_surface =
      f.choice_or("max_surface", parse_surface, accepted_names<surface>(), r.max_surface);
  r.hills = f.boolean_or("hills", false);
  r.speed = f.boolean_or("speed", false);
  return r;
}

prescription read_prescription(const toml::table& t, std::string_view src,
                               std::string_view phase_id, std::size_t n,
                               const exercise_defaults& defaults) {
  toml_fields f(t, src, fmt::format("{} of phase '{}'", item_name("exercise", t, n), phase_id),
                with_dosage_keys({"id", "note", "progression"}));
  prescription p;
  p.exercise_id = f.text("id");
  const dosage* base = defaults(p.exercise_id);
  if (base == nullptr) {
    f.fail_at_key("id", fmt::format("'id' in {} is '{}', which is not a catalogue exercise; "
                                    "accepted: an exercise id from exercises.toml",
                                    f.what(), p.exercise_id));
  }
  f.describe_as(fmt::format("exercise '{}' of phase '{}'", p.exercise_id, phase_id));
  p.dose = read_dosage(f, t, *base);
  p.note = f.text_or("note", "");
  dosage previous = p.dose;
  const auto steps = f.tables("progression");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    toml_fields sf(*steps[i], src,
                   fmt::format("progression step {} of exercise '{}' in phase '{}'", i + 1,
                               p.exercise_id, phase_id),
                   with_dosage_keys({"week"}));
    dosage_step step;
    step.week = sf.integer("week");
    step.dose = read_dosage(sf, *steps[i], previous);
    previous = step.dose;
    p.progression.push_back(std::move(step));
  }
  return p;
}

phase read_phase(const toml::table& t, std::string_view src, std::size_t n,
                 const exercise_defaults& defaults) {
  toml_fields f(t, src, item_name("phase", t, n),
                {"id", "name", "goal", "min_weeks", "max_weeks", "cross_training", "advice",
                 "barred", "running", "criteria", "exercise"});
  phase ph;
  ph.id = f.text("id");
  f.describe_as(fmt::format("phase '{}'", ph.id));
  ph.name = f.text("name");
  ph.goal = f.text("goal");
  ph.min_weeks = f.integer("min_weeks");
  ph.max_weeks = f.integer("max_weeks");
  ph.cross_training = f.texts("cross_training");
  ph.advice = f.texts("advice");
  ph.barred_exercises = f.texts("barred");
  if (const auto* running = f.table("running")) {
    ph.running = read_running(*running, src, fmt::format("running of phase '{}'", ph.id));
  }
  const auto criteria = f.tables("criteria");
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    ph.entry_criteria.push_back(
        read_criterion(*criteria[i], src, fmt::format("criterion {} of phase '{}'", i + 1, ph.id)));
  }
  const auto exercises = f.tables("exercise");
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    ph.prescriptions.push_back(read_prescription(*exercises[i], src, ph.id, i + 1, defaults));
  }
  return ph;
}

phase_length_rules read_lengths(const toml::table& t, std::string_view src) {
  toml_fields f(t, src, "[lengths]", keys_of(length_rule_fields));
  return read_fields(f, length_rule_fields, phase_length_rules{});
}

pain_rules read_pain(const toml::table& t, std::string_view src) {
  toml_fields f(t, src, "[pain]", keys_of(pain_rule_fields));
  return read_fields(f, pain_rule_fields, pain_rules{});
}

load_rules read_load(const toml::table& t, std::string_view src) {
  toml_fields f(t, src, "[load]", keys_of(load_rule_fields));
  return read_fields(f, load_rule_fields, load_rules{});
}

advice_note read_advice(const toml::table& t, std::string_view src, std::size_t n) {
  toml_fields f(t, src, item_name("advice", t, n), {"topic", "text"});
  return {f.choice("topic", parse_advice_topic, accepted_names<advice_topic>()), f.text("text")};
}

protocol read_protocol(const toml::table& t, std::string_view src,
                       const exercise_defaults& defaults) {
  toml_fields f(t, src, "the protocol",
                {"id", "name", "condition", "summary", "sources", "lengths", "pain", "load",
                 "advice", "phase"});
  protocol p;
  p.id = f.text("id");
  f.describe_as(fmt::format("protocol '{}'", p.id));
  p.name = f.text("name");
  p.condition_id = f.text("condition");
  p.summary = f.text_or("summary", "");
  p.sources = f.texts("sources");
  if (const auto* lengths = f.table("lengths")) p.lengths = read_lengths(*lengths, src);
  if (const auto* pain = f.table("pain")) p.pain = read_pain(*pain, src);
  if (const auto* load = f.table("load")) p.load = read_load(*load, src);
  const auto advice = f.tables("advice");
  for (std::size_t i = 0; i < advice.size(); ++i) {
    p.advice.push_back(read_advice(*advice[i], src, i + 1));
  }
  static_cast<void>(f.array("phase"));
  const auto phases = f.tables("phase");
  for (std::size_t i = 0; i < phases.size(); ++i) {
    p.phases.push_back(read_phase(*phases[i], src, i + 1, defaults));
  }
  return p;
}

// ---- the source directory ----------------------------------------------------------------

// Reads the [[kind]] tables of a catalogue file whose only top-level keys are `kinds`.
template <typename Read>
void read_items(const toml::table& file, const std::string& src, std::string_view kind,
                const std::vector<std::string_view>& kinds, Read read) {
  toml_fields f(file, src, fs::path(src).filename().string(), kinds);
  const auto tables = f.tables(kind);
  for (std::size_t i = 0; i < tables.size(); ++i) read(*tables[i], i + 1);
}

void load_red_flags(const fs::path& dir, catalogue_content& out) {
  const auto src = (dir / "red_flags.toml").string();
  const auto file = parse_toml_file(src);
  const std::vector<std::string_view> kinds = {"red_flag", "symptom"};
  read_items(file, src, "red_flag", kinds, [&](const toml::table& t, std::size_t n) {
    out.red_flags.push_back(read_red_flag(t, src, n));
  });
  read_items(file, src, "symptom", kinds, [&](const toml::table& t, std::size_t n) {
    out.symptoms.push_back(read_symptom(t, src, n));
  });
}

template <typename T, typename Read>
void load_kind(const fs::path& file_path, std::string_view kind, std::vector<T>& out, Read read) {
  const auto src = file_path.string();
  const auto file = parse_toml_file(src);
  read_items(file, src, kind, {kind},
             [&](const toml::table& t, std::size_t n) { out.push_back(read(t, src, n)); });
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

void load_protocols(const fs::path& dir, catalogue_content& out) {
  std::unordered_map<std::string_view, const dosage*> defaults;
  for (const auto& e : out.exercises) defaults.emplace(e.id, &e.default_dosage);
  const exercise_defaults lookup = [&](std::string_view id) -> const dosage* {
    const auto it = defaults.find(id);
    return it == defaults.end() ? nullptr : it->second;
  };
  for (const auto& path : protocol_files(dir / "protocols")) {
    const auto src = path.string();
    const auto file = parse_toml_file(src);
    auto p = read_protocol(file, src, lookup);
    if (p.id != path.stem().string()) {
      throw toml_error(
          src, file.get("id")->source(),
          fmt::format("protocol id '{}' does not match its file name; accepted: '{}' in "
                      "protocols/{}.toml",
                      p.id, p.id, p.id));
    }
    out.protocols.push_back(std::move(p));
  }
}

}  // namespace

protocol parse_protocol_toml(std::string_view text, std::string_view source_name,
                             const exercise_defaults& defaults) {
  const auto file = parse_toml_text(text, source_name);
  return read_protocol(file, source_name, defaults);
}

}  // namespace detail

catalogue_content load_catalogue_sources(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) {
    throw error::io(
        fmt::format("cannot read catalogue sources: '{}' is not a directory", dir.string()));
  }
  catalogue_content out;
  detail::load_red_flags(dir, out);
  detail::load_kind(dir / "ladders.toml", "ladder", out.ladders, detail::read_ladder);
  detail::load_kind(dir / "exercises.toml", "exercise", out.exercises, detail::read_exercise);
  detail::load_kind(dir / "conditions.toml", "condition", out.conditions, detail::read_condition);
  detail::load_protocols(dir, out);
  return out;
}

}  // namespace kneerehab
