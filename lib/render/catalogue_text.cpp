#include "kneerehab/render/catalogue_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

namespace kneerehab {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool contains_ci(std::string_view haystack, std::string_view lowered_needle) {
  return lower(haystack).find(lowered_needle) != std::string::npos;
}

// "Title\n  - item\n  - item\n", or nothing when there are no items.
void append_list(std::string& out, std::string_view title, const std::vector<std::string>& items,
                 std::string_view indent = "") {
  if (items.empty()) return;
  fmt::format_to(std::back_inserter(out), "{}{}:\n", indent, title);
  for (const auto& item : items)
    fmt::format_to(std::back_inserter(out), "{}  - {}\n", indent, item);
}

void append_numbered(std::string& out, std::string_view title,
                     const std::vector<std::string>& items) {
  if (items.empty()) return;
  fmt::format_to(std::back_inserter(out), "{}:\n", title);
  for (std::size_t i = 0; i < items.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "  {}. {}\n", i + 1, items[i]);
  }
}

std::string exercise_label(const catalogue& cat, const std::string& id) {
  const auto* e = cat.find_exercise(id);
  return e ? fmt::format("{} ({})", e->name, id) : id;
}

std::string describe_running(const catalogue& cat, const running_rule& rule) {
  switch (rule.mode) {
    case running_mode::none:
      return "none";
    case running_mode::walk_run: {
      const auto* ladder = cat.find_ladder(rule.ladder_id);
      return fmt::format("walk/run ladder: {}", ladder ? ladder->name : rule.ladder_id);
    }
    case running_mode::modified:
      return fmt::format("modified running from {:.0f}% of current weekly volume, pain-monitored",
                         rule.start_fraction * 100);
    case running_mode::continuous: {
      std::string text =
          fmt::format("continuous build from {:.0f}% of the pre-injury volume; surfaces up to {}",
                      rule.start_fraction * 100, to_string(rule.max_surface));
      if (rule.hills) text += "; hills and downhill allowed";
      if (rule.speed) text += "; speed work allowed";
      return text;
    }
  }
  return "none";
}

std::string describe_step(const dosage_step& step) {
  return fmt::format("week {}: {}, {}x/week", step.week, describe(step.dose),
                     step.dose.sessions_per_week);
}

void append_phase(std::string& out, const catalogue& cat, const phase& ph, std::size_t number,
                  std::size_t count) {
  fmt::format_to(std::back_inserter(out), "\nPhase {}/{}: {} [{}] ({}-{} weeks)\n", number, count,
                 ph.name, ph.id, ph.min_weeks, ph.max_weeks);
  fmt::format_to(std::back_inserter(out), "  Goal: {}\n", ph.goal);
  if (!ph.entry_criteria.empty()) {
    out += "  Entry criteria:\n";
    for (const auto& c : ph.entry_criteria) {
      fmt::format_to(std::back_inserter(out), "    - {} ({}){}\n", c.text, describe_rule(c),
                     c.source.empty() ? "" : fmt::format(" [{}]", c.source));
    }
  }
  if (!ph.prescriptions.empty()) {
    out += "  Exercises:\n";
    for (const auto& p : ph.prescriptions) {
      fmt::format_to(std::back_inserter(out), "    - {}: {}, {}x/week\n",
                     exercise_label(cat, p.exercise_id), describe(p.dose),
                     p.dose.sessions_per_week);
      for (const auto& step : p.progression) {
        fmt::format_to(std::back_inserter(out), "        then {}\n", describe_step(step));
      }
      if (!p.note.empty()) fmt::format_to(std::back_inserter(out), "        note: {}\n", p.note);
    }
  }
  fmt::format_to(std::back_inserter(out), "  Running: {}\n", describe_running(cat, ph.running));
  if (!ph.cross_training.empty()) {
    fmt::format_to(std::back_inserter(out), "  Cross-training: {}\n",
                   fmt::join(ph.cross_training, ", "));
  }
  append_list(out, "Advice", ph.advice, "  ");
  std::vector<std::string> barred;
  for (const auto& id : ph.barred_exercises) barred.push_back(exercise_label(cat, id));
  append_list(out, "Not in this phase", barred, "  ");
}

void append_timeline(std::string& out, const condition& c) {
  fmt::format_to(std::back_inserter(out),
                 "Typical timeline: mild {}-{} weeks, moderate {}-{} weeks, severe {}-{} weeks\n",
                 c.mild.min_weeks, c.mild.max_weeks, c.moderate.min_weeks, c.moderate.max_weeks,
                 c.severe.min_weeks, c.severe.max_weeks);
}

}  // namespace

std::vector<const exercise*> find_exercises(const catalogue& cat,
                                            std::optional<exercise_category> category,
                                            std::string_view search) {
  const auto needle = lower(search);
  std::vector<const exercise*> found;
  for (const auto& e : cat.exercises()) {
    if (category && e.category != *category) continue;
    if (!needle.empty()) {
      const bool in_muscles = std::any_of(e.muscles.begin(), e.muscles.end(),
                                          [&](const auto& m) { return contains_ci(m, needle); });
      if (!contains_ci(e.id, needle) && !contains_ci(e.name, needle) && !in_muscles) continue;
    }
    found.push_back(&e);
  }
  return found;
}

std::string list_conditions(const catalogue& cat) {
  std::string out = fmt::format("{:<28} {:<11} {:<32} {}\n", "ID", "WHERE", "PROTOCOL", "NAME");
  for (const auto& c : cat.conditions()) {
    const std::string protocol_id =
        c.referral_only ? "(referral only)" : c.protocol_id.value_or("");
    fmt::format_to(std::back_inserter(out), "{:<28} {:<11} {:<32} {}\n", c.id, to_string(c.region),
                   protocol_id, c.name);
  }
  return out;
}

std::string list_exercises(const std::vector<const exercise*>& exercises) {
  std::string out = fmt::format("{:<32} {:<11} {:<9} {}\n", "ID", "CATEGORY", "LOAD", "NAME");
  for (const auto* e : exercises) {
    fmt::format_to(std::back_inserter(out), "{:<32} {:<11} {:<9} {}\n", e->id,
                   to_string(e->category), to_string(e->load), e->name);
  }
  return out;
}

std::string list_protocols(const catalogue& cat) {
  std::string out = fmt::format("{:<36} {:<28} {:>6}  {}\n", "ID", "CONDITION", "PHASES", "NAME");
  for (const auto& p : cat.protocols()) {
    fmt::format_to(std::back_inserter(out), "{:<36} {:<28} {:>6}  {}\n", p.id, p.condition_id,
                   p.phases.size(), p.name);
  }
  return out;
}

namespace {

// "built in", or "custom: A. Therapist v2".
std::string origin_text(const std::vector<catalogue_item_source>& sources, std::string_view id) {
  for (const auto& s : sources) {
    if (s.id != id) continue;
    if (s.origin == item_origin::built_in) break;
    return fmt::format("{}: {} v{}", to_string(s.origin), s.about.author, s.about.version);
  }
  return std::string(to_string(item_origin::built_in));
}

}  // namespace

std::string list_protocols(const catalogue& cat,
                           const std::vector<catalogue_item_source>& sources) {
  std::string out = fmt::format("{:<36} {:<28} {:>6}  {:<30} {}\n", "ID", "CONDITION", "PHASES",
                                "ORIGIN", "NAME");
  for (const auto& p : cat.protocols()) {
    fmt::format_to(std::back_inserter(out), "{:<36} {:<28} {:>6}  {:<30} {}\n", p.id,
                   p.condition_id, p.phases.size(), origin_text(sources, p.id), p.name);
  }
  return out;
}

std::string list_exercises(const std::vector<const exercise*>& exercises,
                           const std::vector<catalogue_item_source>& sources) {
  std::string out =
      fmt::format("{:<32} {:<11} {:<9} {:<30} {}\n", "ID", "CATEGORY", "LOAD", "ORIGIN", "NAME");
  for (const auto* e : exercises) {
    fmt::format_to(std::back_inserter(out), "{:<32} {:<11} {:<9} {:<30} {}\n", e->id,
                   to_string(e->category), to_string(e->load), origin_text(sources, e->id),
                   e->name);
  }
  return out;
}

std::string list_red_flags(const catalogue& cat) {
  std::string out =
      "These symptoms stop a plan: kneerehab gives a referral instead (exit code 3).\n";
  for (const auto& flag : cat.red_flags()) {
    fmt::format_to(std::back_inserter(out), "\n{} [{}]\n  Why: {}\n  Action: {}\n  Source: {}\n",
                   flag.name, flag.id, flag.why, flag.action, flag.source);
    std::vector<std::string> symptoms;
    for (const auto& s : cat.symptoms()) {
      if (s.red_flag != flag.id) continue;
      symptoms.push_back(
          s.min_age ? fmt::format("--symptom {}: {} (from age {})", s.id, s.description, *s.min_age)
                    : fmt::format("--symptom {}: {}", s.id, s.description));
    }
    append_list(out, "  Reported as", symptoms);
  }
  std::vector<std::string> ordinary;
  for (const auto& s : cat.symptoms()) {
    if (!s.red_flag) ordinary.push_back(fmt::format("--symptom {}: {}", s.id, s.description));
  }
  if (!ordinary.empty()) out += "\n";
  append_list(out, "Other symptoms you can report (noted in the plan, not a red flag)", ordinary);
  return out;
}

std::string describe_condition(const catalogue& cat, const condition& c) {
  std::string out = fmt::format("{} [{}]\nWhere: {}\n\n{}\n\nTypical presentation: {}\n", c.name,
                                c.id, to_string(c.region), c.description, c.presentation);
  append_list(out, "Aggravated by", c.aggravating);
  if (!c.referral_only) append_timeline(out, c);
  if (c.typical_age) {
    fmt::format_to(std::back_inserter(out), "Typical age: {}\n", to_string(*c.typical_age));
  }
  if (c.traumatic) {
    out += "Starts with an injury: the Ottawa knee rule applies while the injury is recent\n";
  }
  if (c.refer_min_prior_injuries) {
    fmt::format_to(std::back_inserter(out),
                   "From {} earlier injuries of this kind: see an orthopaedic specialist\n",
                   *c.refer_min_prior_injuries);
  }
  std::vector<std::string> flags;
  for (const auto& id : c.red_flags) {
    const auto* flag = cat.find_red_flag(id);
    flags.push_back(flag ? fmt::format("{} [{}]", flag->name, id) : id);
  }
  append_list(out, "Screen for these red flags", flags);
  if (c.referral_only) {
    fmt::format_to(std::back_inserter(out), "Referral only (no exercise protocol): {}\n",
                   c.referral);
  } else if (c.protocol_id) {
    const auto* p = cat.find_protocol(*c.protocol_id);
    fmt::format_to(std::back_inserter(out), "Protocol: {} [{}]\n", p ? p->name : "",
                   *c.protocol_id);
  }
  append_list(out, "Sources", c.sources);
  return out;
}

std::string describe_exercise(const catalogue& cat, const exercise& e) {
  std::string out = fmt::format("{} [{}]\nCategory: {}, load: {}, {}\n", e.name, e.id,
                                to_string(e.category), to_string(e.load), to_string(e.side));
  fmt::format_to(
      std::back_inserter(out), "Muscles: {}\nEquipment: {}\n", fmt::join(e.muscles, ", "),
      e.equipment.empty() ? std::string("none") : fmt::format("{}", fmt::join(e.equipment, ", ")));
  fmt::format_to(std::back_inserter(out), "Default dosage: {}, {}x/week\n",
                 describe(e.default_dosage), e.default_dosage.sessions_per_week);
  append_numbered(out, "Instructions", e.instructions);
  append_list(out, "Cues", e.cues);
  if (e.regression) {
    fmt::format_to(std::back_inserter(out), "Easier: {}\n", exercise_label(cat, *e.regression));
  }
  if (e.progression) {
    fmt::format_to(std::back_inserter(out), "Harder: {}\n", exercise_label(cat, *e.progression));
  }
  append_list(out, "Do not use when", e.contraindications);
  return out;
}

std::string describe_protocol(const catalogue& cat, const protocol& p) {
  const auto* c = cat.find_condition(p.condition_id);
  std::string out = fmt::format("{} [{}]\nCondition: {} [{}]\n\n{}\n", p.name, p.id,
                                c ? c->name : "", p.condition_id, p.summary);
  fmt::format_to(std::back_inserter(out),
                 "\nPain rule: progress at <= {}/10, hold at <= {}/10, step back above {}/10.\n",
                 p.pain.progress_max, p.pain.hold_max, p.pain.hold_max);
  fmt::format_to(
      std::back_inserter(out),
      "Load rules: weekly volume +{:.0f}% at most (+{:.0f}% from age {} or after a prior "
      "injury); no run over {:.0f}% of the longest in 30 days; a lighter week (-{:.0f}%) "
      "every {} weeks; long run <= {:.0f}% of the week.\n",
      p.load.weekly_increase * 100, p.load.cautious_weekly_increase * 100, p.load.older_age,
      p.load.spike_ratio * 100, p.load.deload_cut * 100, p.load.deload_every,
      p.load.long_run_share * 100);
  for (std::size_t i = 0; i < p.phases.size(); ++i) {
    append_phase(out, cat, p.phases[i], i + 1, p.phases.size());
  }
  if (!p.advice.empty()) {
    out += "\nAdvice:\n";
    for (const auto& a : p.advice) {
      fmt::format_to(std::back_inserter(out), "  - {}: {}\n", to_string(a.topic), a.text);
    }
  }
  out += "\n";
  append_list(out, "Sources", p.sources);
  return out;
}

}  // namespace kneerehab
