// Catalogue invariants. Every message names the item ("protocol 'x', phase 'y'") and the
// broken rule with what is accepted, because a catalogue author reads them, not a program.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/barred.hpp"
#include "catalogue/rules.hpp"
#include "catalogue/validate.hpp"
#include "kneerehab/core/error.hpp"
#include "model/fields.hpp"

namespace kneerehab::detail {
namespace {

using id_set = std::set<std::string_view, std::less<>>;

// Tolerates the rounding of decimal fractions read from text (0.1 + 0.2 != 0.3).
constexpr double tolerance = 1e-9;

// The first field of `value` outside its range in `fields`, as "PREFIXkey is V; accepted: LOW
// to HIGH".
template <typename Struct, std::size_t N>
std::optional<std::string> range_problem(const std::array<field<Struct>, N>& fields,
                                         const Struct& value, std::string_view prefix = "") {
  auto problem = first_out_of_range(fields, value, [&](const auto& f, auto v) {
    return fmt::format("{}{} is {}; accepted: {} to {}", prefix, f.key, v, f.low, f.high);
  });
  if (problem.empty()) return std::nullopt;
  return problem;
}

std::optional<std::string> fraction_problem(std::string_view field, double value) {
  if (std::isfinite(value) && value > 0 && value <= 1 + tolerance) return std::nullopt;
  return fmt::format("{} is {}; accepted: more than 0 and at most 1", field, value);
}

// Every problem found so far; validation goes on after each one.
class problems {
 public:
  void add(std::string_view code, std::string_view item, std::string_view field,
           std::string_view sentence) {
    list_.push_back(make_diagnostic(code, item, field, sentence));
  }
  void check(std::string_view code, std::string_view item, std::string_view field,
             const std::optional<std::string>& problem) {
    if (problem) add(code, item, field, *problem);
  }
  [[nodiscard]] std::vector<diagnostic> take() { return std::move(list_); }

 private:
  std::vector<diagnostic> list_;
};

// Checks ids of one kind: kebab-case and unique. Returns them for reference checks.
template <typename T>
id_set collect_ids(problems& out, std::string_view kind, const std::vector<T>& items) {
  id_set ids;
  for (const auto& item : items) {
    const auto name = fmt::format("{} '{}'", kind, item.id);
    out.check("bad-id", name, "id", id_problem(item.id));
    if (!ids.insert(item.id).second) {
      out.add("duplicate-id", name, "id",
              fmt::format("id appears more than once; accepted: unique {} ids", kind));
    }
  }
  return ids;
}

void require_text(problems& out, std::string_view item, std::string_view field,
                  const std::string& text) {
  if (text.empty()) out.add("missing-field", item, field, fmt::format("{} is empty", field));
}

struct known_ids {
  id_set conditions;
  id_set exercises;
  id_set protocols;
  id_set ladders;
  id_set red_flags;
};

const protocol* find_protocol(const catalogue_content& content, std::string_view id) {
  for (const auto& p : content.protocols) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const exercise* find_exercise(const catalogue_content& content, std::string_view id) {
  for (const auto& e : content.exercises) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

void validate_condition_protocol(problems& out, const condition& c,
                                 const catalogue_content& content, const std::string& item) {
  if (c.referral_only) {
    if (c.protocol_id) {
      out.add("referral-only", item, "protocol",
              fmt::format("is referral-only but names protocol '{}'; accepted: no protocol "
                          "for a referral-only condition",
                          *c.protocol_id));
    }
    if (c.referral.empty()) {
      out.add("referral-only", item, "referral", "is referral-only but has no referral text");
    }
    return;
  }
  if (!c.protocol_id) {
    out.add("missing-field", item, "protocol",
            "has no protocol; accepted: a protocol id, or referral_only with a referral text");
    return;
  }
  const protocol* p = find_protocol(content, *c.protocol_id);
  if (p == nullptr) {
    out.add("unknown-id", item, "protocol",
            fmt::format("protocol '{}' does not exist", *c.protocol_id));
    return;
  }
  if (p->condition_id != c.id) {
    out.add("mismatch", item, "protocol",
            fmt::format("protocol '{}' is for condition '{}'", p->id, p->condition_id));
  }
}

void validate_conditions(problems& out, const catalogue_content& content, const known_ids& known) {
  for (const auto& c : content.conditions) {
    const auto item = fmt::format("condition '{}'", c.id);
    require_text(out, item, "name", c.name);
    out.check("min-above-max", item, "timeline", timeline_problem("mild", c.mild));
    out.check("min-above-max", item, "timeline", timeline_problem("moderate", c.moderate));
    out.check("min-above-max", item, "timeline", timeline_problem("severe", c.severe));
    out.check("out-of-range", item, "refer_min_prior_injuries", range_problem(condition_fields, c));
    if (c.typical_age) {
      out.check("min-above-max", item, typical_age_key,
                age_range_problem(typical_age_key, *c.typical_age));
    }
    for (const auto& flag : c.red_flags) {
      if (!known.red_flags.contains(flag)) {
        out.add("unknown-id", item, "red_flags", fmt::format("red flag '{}' does not exist", flag));
      }
    }
    validate_condition_protocol(out, c, content, item);
  }
}

void validate_link(problems& out, const exercise& e, const catalogue_content& content,
                   bool forward) {
  const auto& link = forward ? e.progression : e.regression;
  if (!link) return;
  const auto item = fmt::format("exercise '{}'", e.id);
  const std::string_view field = forward ? "progression" : "regression";
  if (*link == e.id) {
    out.add("loop", item, field, fmt::format("{} is the exercise itself", field));
    return;
  }
  const exercise* other = find_exercise(content, *link);
  if (other == nullptr) {
    out.add("unknown-id", item, field, fmt::format("{} '{}' does not exist", field, *link));
    return;
  }
  const auto& back = forward ? other->regression : other->progression;
  if (back != e.id) {
    out.add("one-way-link", item, field,
            fmt::format("{} is '{}', but '{}' has {} '{}'; accepted: links both ways "
                        "(A.progression == B exactly when B.regression == A)",
                        field, *link, *link, forward ? "regression" : "progression",
                        back.value_or("none")));
  }
}

// With links consistent both ways, a loop in one direction is a loop in the other, but
// walking both keeps the message about the exercise the author is most likely editing.
void check_chain_loop(problems& out, const exercise& start, const catalogue_content& content,
                      bool forward, std::set<std::set<std::string_view>>& reported) {
  std::vector<std::string_view> path{start.id};
  const exercise* current = &start;
  while (true) {
    const auto& link = forward ? current->progression : current->regression;
    if (!link) return;
    const exercise* next = find_exercise(content, *link);
    if (next == nullptr) return;
    const bool seen = std::find(path.begin(), path.end(), next->id) != path.end();
    path.push_back(next->id);
    if (seen) {
      // A link to itself is reported by validate_link; a loop once, from the first of its
      // exercises met, whichever way it is walked.
      const auto first = std::find(path.begin(), path.end(), next->id);
      std::set<std::string_view> members(first, path.end());
      if (path.size() > 2 && reported.insert(std::move(members)).second) {
        out.add("loop", fmt::format("exercise '{}'", start.id),
                forward ? "progression" : "regression",
                fmt::format("{} chain loops: {}", forward ? "progression" : "regression",
                            fmt::join(path, " -> ")));
      }
      return;
    }
    current = next;
  }
}

void validate_exercises(problems& out, const catalogue_content& content) {
  for (const auto& e : content.exercises) {
    const auto item = fmt::format("exercise '{}'", e.id);
    require_text(out, item, "name", e.name);
    if (auto problem = dosage_problem(e.default_dosage)) {
      out.add("out-of-range", item, "dosage", fmt::format("default dosage: {}", *problem));
    }
  }
  for (const auto& e : content.exercises) {
    validate_link(out, e, content, true);
    validate_link(out, e, content, false);
  }
  std::set<std::set<std::string_view>> reported;
  for (const auto& e : content.exercises) {
    check_chain_loop(out, e, content, true, reported);
    check_chain_loop(out, e, content, false, reported);
  }
}

void validate_ladders(problems& out, const catalogue_content& content) {
  for (const auto& l : content.ladders) {
    const auto item = fmt::format("ladder '{}'", l.id);
    require_text(out, item, "name", l.name);
    if (l.steps.size() < 2) {
      out.add("wrong-count", item, "steps",
              fmt::format("has {} step{}; accepted: at least 2", l.steps.size(),
                          l.steps.size() == 1 ? "" : "s"));
    }
    for (std::size_t i = 0; i < l.steps.size(); ++i) {
      out.check("out-of-range", fmt::format("{}, step {}", item, i + 1), "steps",
                step_problem(l.steps[i]));
    }
  }
}

void validate_red_flags(problems& out, const catalogue_content& content, const known_ids& known) {
  for (const auto& f : content.red_flags) {
    const auto item = fmt::format("red flag '{}'", f.id);
    require_text(out, item, "name", f.name);
    require_text(out, item, "why", f.why);
    require_text(out, item, "action", f.action);
  }
  for (const auto& s : content.symptoms) {
    const auto item = fmt::format("symptom '{}'", s.id);
    require_text(out, item, "description", s.description);
    if (s.red_flag && !known.red_flags.contains(*s.red_flag)) {
      out.add("unknown-id", item, "red_flag",
              fmt::format("red flag '{}' does not exist", *s.red_flag));
    }
    out.check("out-of-range", item, "min_age", range_problem(symptom_fields, s));
  }
}

void validate_progression(problems& out, const prescription& p, const phase& ph,
                          const std::string& item) {
  int previous = 1;
  for (const auto& step : p.progression) {
    if (step.week < 2) {
      out.add("out-of-range", item, "week",
              fmt::format("progression week {} is before week 2; accepted: weeks 2 to "
                          "max_weeks ({}), strictly increasing",
                          step.week, ph.max_weeks));
    } else if (step.week <= previous) {
      out.add("out-of-order", item, "week",
              fmt::format("progression week {} does not come after week {}; accepted: "
                          "strictly increasing weeks",
                          step.week, previous));
    } else if (step.week > ph.max_weeks) {
      out.add("out-of-range", item, "week",
              fmt::format("progression week {} is after max_weeks {}; accepted: weeks 2 to {}",
                          step.week, ph.max_weeks, ph.max_weeks));
    }
    if (auto problem = dosage_problem(step.dose)) {
      out.add("out-of-range", item, "dosage",
              fmt::format("progression week {} dosage: {}", step.week, *problem));
    }
    previous = std::max(previous, step.week);
  }
}

void validate_prescriptions(problems& out, const phase& ph, const known_ids& known,
                            const std::string& item) {
  for (const auto& barred : ph.barred_exercises) {
    if (!known.exercises.contains(barred)) {
      out.add("unknown-id", item, "barred", fmt::format("bars '{}', which does not exist", barred));
    }
  }
  for (const auto& p : ph.prescriptions) {
    if (!known.exercises.contains(p.exercise_id)) {
      out.add("unknown-id", item, "exercise",
              fmt::format("prescribes '{}', which does not exist", p.exercise_id));
    }
    if (std::find(ph.barred_exercises.begin(), ph.barred_exercises.end(), p.exercise_id) !=
        ph.barred_exercises.end()) {
      out.add("barred", item, "exercise",
              fmt::format("prescribes '{}', which the phase bars", p.exercise_id));
    }
    const auto dose_item = fmt::format("{}, exercise '{}'", item, p.exercise_id);
    if (auto problem = dosage_problem(p.dose)) {
      out.add("out-of-range", dose_item, "dosage", fmt::format("week 1 dosage: {}", *problem));
    }
    validate_progression(out, p, ph, dose_item);
  }
}

void validate_running(problems& out, const phase& ph, bool last, const known_ids& known,
                      const std::string& item) {
  out.check("out-of-range", item, "running", running_problem(ph.running));
  if (ph.running.mode == running_mode::walk_run && !ph.running.ladder_id.empty() &&
      !known.ladders.contains(ph.running.ladder_id)) {
    out.add("unknown-id", item, "ladder",
            fmt::format("running ladder '{}' does not exist", ph.running.ladder_id));
  }
  if (!last && (ph.running.hills || ph.running.speed)) {
    out.add("last-phase-only", item, "running",
            "allows hills or speed work but is not the last phase; accepted: hills and "
            "speed work only in the last phase");
  }
  if (last && ph.running.mode != running_mode::continuous) {
    out.add("last-phase-only", item, "running",
            fmt::format("is the last phase but its running mode is '{}'; accepted: "
                        "continuous",
                        to_string(ph.running.mode)));
  }
}

void validate_phase(problems& out, const phase& ph, std::size_t index, std::size_t count,
                    const known_ids& known, const std::string& item) {
  require_text(out, item, "name", ph.name);
  require_text(out, item, "goal", ph.goal);
  out.check("min-above-max", item, "min_weeks", phase_weeks_problem(ph));
  if (index > 0 && ph.entry_criteria.empty()) {
    out.add("missing-field", item, "criteria",
            "has no entry criteria; accepted: at least one for every phase after the first");
  }
  for (const auto& c : ph.entry_criteria) {
    out.check("bad-criterion", item, "criteria", criterion_problem(c));
  }
  validate_prescriptions(out, ph, known, item);
  validate_running(out, ph, index + 1 == count, known, item);
  for (const auto& text : ph.advice) require_text(out, item, "an advice text", text);
}

bool bars(const phase& ph, std::string_view exercise_id) {
  return std::find(ph.barred_exercises.begin(), ph.barred_exercises.end(), exercise_id) !=
         ph.barred_exercises.end();
}

// "'Walking lunge (dynamic warm-up)' ('walking-lunge')": the name a reader knows, the id to fix.
std::string exercise_label(const exercise& e) { return fmt::format("'{}' ('{}')", e.name, e.id); }

// Rule 6 of docs/plan-rules.md, as far as the catalogue shows it: an entry criterion never
// tests an exercise the phase before it bars, nor a run when that phase does not run.
void check_criteria_against_bars(problems& out, const protocol& p,
                                 std::span<const exercise* const> named, const std::string& item) {
  for (std::size_t i = 1; i < p.phases.size(); ++i) {
    const auto& before = p.phases[i - 1];
    const auto phase_item = fmt::format("{}, phase '{}'", item, p.phases[i].id);
    for (const auto& c : p.phases[i].entry_criteria) {
      const auto demands = demands_of(c.measure, named);
      for (const auto& id : demands.exercises) {
        if (!bars(before, id)) continue;
        out.add("barred", phase_item, "criteria",
                fmt::format("entry criterion '{}' tests '{}', which phase '{}' before it bars; "
                            "accepted: entry criteria that test only what the phase before "
                            "allows",
                            c.measure, id, before.id));
      }
      if (demands.running && before.running.mode == running_mode::none) {
        out.add("barred", phase_item, "criteria",
                fmt::format("entry criterion '{}' tests running, which phase '{}' before it "
                            "does not allow (running mode 'none'); accepted: entry criteria "
                            "that test only what the phase before allows",
                            c.measure, before.id));
      }
    }
  }
}

// Rule 6 for texts: a phase's advice names no exercise the phase bars, and the warm-up and
// cool-down (printed with every run and in every plan's advice) none that any phase bars.
void check_advice_against_bars(problems& out, const protocol& p,
                               std::span<const exercise* const> named, const std::string& item) {
  for (const auto& ph : p.phases) {
    const auto phase_item = fmt::format("{}, phase '{}'", item, ph.id);
    for (const auto& text : ph.advice) {
      for (const exercise* e : exercises_named_in(text, named)) {
        if (!bars(ph, e->id)) continue;
        out.add("barred", phase_item, "advice",
                fmt::format("advice names {}, which the phase bars; accepted: advice that "
                            "names no exercise the phase bars",
                            exercise_label(*e)));
      }
    }
  }
  for (const auto& note : p.advice) {
    if (note.topic != advice_topic::warm_up && note.topic != advice_topic::cool_down) continue;
    for (const exercise* e : exercises_named_in(note.text, named)) {
      for (const auto& ph : p.phases) {
        if (!bars(ph, e->id)) continue;
        out.add("barred", item, "advice",
                fmt::format("{} advice names {}, which phase '{}' bars; accepted: a warm-up "
                            "and cool-down that name no exercise any phase bars",
                            to_string(note.topic), exercise_label(*e), ph.id));
      }
    }
  }
}

void validate_protocol(problems& out, const protocol& p, const known_ids& known,
                       const catalogue_content& content) {
  const auto item = fmt::format("protocol '{}'", p.id);
  require_text(out, item, "name", p.name);
  if (!known.conditions.contains(p.condition_id)) {
    out.add("unknown-id", item, "condition",
            fmt::format("condition '{}' does not exist", p.condition_id));
  }
  if (p.phases.size() < 3 || p.phases.size() > 5) {
    out.add("wrong-count", item, "phase",
            fmt::format("has {} phases; accepted: 3 to 5", p.phases.size()));
  }
  out.check("out-of-range", item, "lengths", length_rules_problem(p.lengths));
  out.check("min-above-max", item, "pain", pain_rules_problem(p.pain));
  out.check("out-of-range", item, "load", load_rules_problem(p.load));
  out.check("out-of-range", item, "sessions", session_rules_problem(p.sessions));
  for (const auto& note : p.advice) require_text(out, item, "an advice text", note.text);
  id_set phase_ids;
  for (std::size_t i = 0; i < p.phases.size(); ++i) {
    const auto& ph = p.phases[i];
    const auto phase_item = fmt::format("{}, phase '{}'", item, ph.id);
    out.check("bad-id", phase_item, "id", id_problem(ph.id));
    if (!phase_ids.insert(ph.id).second) {
      out.add("duplicate-id", phase_item, "id",
              "phase id appears more than once; accepted: unique phase ids");
    }
    validate_phase(out, ph, i, p.phases.size(), known, phase_item);
  }
  const auto named = protocol_exercises(p, content.exercises);
  check_criteria_against_bars(out, p, named, item);
  check_advice_against_bars(out, p, named, item);
}

}  // namespace

bool is_kebab_id(std::string_view id) noexcept {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char previous = ' ';
  for (const char c : id) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && c != '-') return false;
    if (c == '-' && previous == '-') return false;
    previous = c;
  }
  return true;
}

std::optional<std::string> id_problem(std::string_view id) {
  if (is_kebab_id(id)) return std::nullopt;
  return std::string(
      "id is not kebab-case; accepted: lower-case letters and digits in words joined by single "
      "hyphens, e.g. 'glute-bridge'");
}

// 0 <= min <= max, then the upper bounds of timeline_fields.
std::optional<std::string> timeline_problem(std::string_view level, const timeline& t) {
  if (t.min_weeks < 0 || t.min_weeks > t.max_weeks) {
    return fmt::format("timeline {} is {} to {} weeks; accepted: 0 <= min <= max", level,
                       t.min_weeks, t.max_weeks);
  }
  return range_problem(timeline_fields, t, fmt::format("timeline {} ", level));
}

// Ranges: interval_step_fields.
std::optional<std::string> step_problem(const interval_step& step) {
  return range_problem(interval_step_fields, step);
}

// Ranges: phase_fields.
std::optional<std::string> phase_weeks_problem(const phase& ph) {
  const auto& low = phase_fields[3];   // min_weeks
  const auto& high = phase_fields[4];  // max_weeks
  if (!range_problem(phase_fields, ph) && ph.min_weeks <= ph.max_weeks) return std::nullopt;
  return fmt::format(
      "min_weeks is {} and max_weeks {}; accepted: {} <= min_weeks <= max_weeks "
      "<= {}",
      ph.min_weeks, ph.max_weeks, low.low, high.high);
}

// Ranges: criterion_fields.
std::optional<std::string> criterion_problem(const entry_criterion& c) {
  if (c.measure.empty()) return std::string("an entry criterion has no measure");
  constexpr std::string_view ops[] = {"<=", ">=", "==", "<", ">"};
  if (std::find(std::begin(ops), std::end(ops), c.op) == std::end(ops)) {
    return fmt::format("entry criterion '{}' has op '{}'; accepted: <=, >=, ==, <, >", c.measure,
                       c.op);
  }
  if (range_problem(criterion_fields, c)) {
    return fmt::format("entry criterion '{}' has value {}; accepted: {} to {}", c.measure, c.value,
                       criterion_fields[2].low, criterion_fields[2].high);
  }
  if (c.text.empty()) return fmt::format("entry criterion '{}' has no text", c.measure);
  return std::nullopt;
}

// What the mode needs; then the ranges of running_rule_fields (a fraction the mode does not
// use is still bounded).
std::optional<std::string> running_problem(const running_rule& rule) {
  const auto bounded = range_problem(running_rule_fields, rule, "running ");
  switch (rule.mode) {
    case running_mode::none:
      return bounded;
    case running_mode::walk_run:
      if (rule.ladder_id.empty()) {
        return std::string("running mode walk-run has no ladder; accepted: a ladder id");
      }
      return bounded;
    case running_mode::modified:
      return fraction_problem("running start_fraction", rule.start_fraction);
    case running_mode::continuous:
      return fraction_problem("running start_fraction", rule.start_fraction);
  }
  return std::nullopt;
}

// Ranges: detail::length_rule_fields.
std::optional<std::string> length_rules_problem(const phase_length_rules& rules) {
  auto problem = first_out_of_range(length_rule_fields, rules, [](const auto& f, auto v) {
    return fmt::format("lengths {} is {}; accepted: {} to {}", f.key, v, f.low, f.high);
  });
  if (problem.empty()) return std::nullopt;
  return problem;
}

std::optional<std::string> pain_rules_problem(const pain_rules& rules) {
  if (rules.progress_max >= 0 && rules.progress_max < rules.hold_max &&
      rules.hold_max < rules.refer_min && rules.refer_min <= 10) {
    return std::nullopt;
  }
  return fmt::format(
      "pain progress_max is {}, hold_max {} and refer_min {}; accepted: 0 <= progress_max < "
      "hold_max < refer_min <= 10",
      rules.progress_max, rules.hold_max, rules.refer_min);
}

// Ranges: age_range_fields; then min <= max.
std::optional<std::string> age_range_problem(std::string_view what, const age_range& ages) {
  const auto& low = age_range_fields[0];
  if (!range_problem(age_range_fields, ages) && ages.min_years <= ages.max_years) {
    return std::nullopt;
  }
  return fmt::format("{} is [{}, {}]; accepted: [min, max] in years, {} <= min <= max <= {}", what,
                     ages.min_years, ages.max_years, low.low, low.high);
}

// Ranges: detail::load_rule_fields; the cautious increase depends on weekly_increase.
std::optional<std::string> load_rules_problem(const load_rules& rules) {
  auto problem = first_out_of_range(load_rule_fields, rules, [](const auto& f, auto v) {
    return fmt::format("load {} is {}; accepted: {} to {}", f.key, v, f.low, f.high);
  });
  if (!problem.empty()) return problem;
  if (!(rules.cautious_weekly_increase > 0 &&
        rules.cautious_weekly_increase <= rules.weekly_increase + tolerance)) {
    return fmt::format(
        "load cautious_weekly_increase is {}; accepted: more than 0 and at most "
        "weekly_increase ({})",
        rules.cautious_weekly_increase, rules.weekly_increase);
  }
  return std::nullopt;
}

// Ranges: detail::session_rule_fields.
std::optional<std::string> session_rules_problem(const session_rules& rules) {
  auto problem = first_out_of_range(session_rule_fields, rules, [](const auto& f, auto v) {
    return fmt::format("sessions {} is {}; accepted: {} to {}", f.key, v, f.low, f.high);
  });
  if (problem.empty()) return std::nullopt;
  return problem;
}

diagnostic make_diagnostic(std::string_view code, std::string_view item, std::string_view field,
                           std::string_view sentence) {
  diagnostic d;
  d.code = code;
  d.item = item;
  d.field = field;
  // "what is wrong; accepted: ..." -> message and hint.
  const auto split = sentence.find("; accepted: ");
  d.message = sentence.substr(0, split);
  if (split != std::string_view::npos) d.hint = sentence.substr(split + 2);
  return d;
}

std::vector<diagnostic> catalogue_problems(const catalogue_content& content) {
  problems out;
  known_ids known;
  known.red_flags = collect_ids(out, "red flag", content.red_flags);
  collect_ids(out, "symptom", content.symptoms);
  known.ladders = collect_ids(out, "ladder", content.ladders);
  known.exercises = collect_ids(out, "exercise", content.exercises);
  known.conditions = collect_ids(out, "condition", content.conditions);
  known.protocols = collect_ids(out, "protocol", content.protocols);

  validate_red_flags(out, content, known);
  validate_ladders(out, content);
  validate_exercises(out, content);
  validate_conditions(out, content, known);
  for (const auto& p : content.protocols) validate_protocol(out, p, known, content);
  return out.take();
}

void validate_catalogue(const catalogue_content& content) {
  auto found = catalogue_problems(content);
  if (!found.empty()) throw error(errc::invalid_catalogue, std::move(found));
}

}  // namespace kneerehab::detail
