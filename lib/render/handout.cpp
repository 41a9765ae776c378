// Plan (+ catalogue) -> the handout model (render/handout.hpp): every decision about what a
// printed plan says and where, made once for the text, Markdown and HTML writers.
#include "kneerehab/render/handout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/render/criterion_text.hpp"
#include "kneerehab/render/notice_text.hpp"
#include "render/plan_words.hpp"

namespace kneerehab {
namespace {

constexpr std::string_view dot = " \u00b7 ";  // " · "

std::string amount(distance d, unit_system units) {
  return fmt::format("{:.1f} {}", d.in(units), to_string(units));
}

std::string_view surface_name(surface s) noexcept {
  switch (s) {
    case surface::flat:
      return "flat surface";
    case surface::road:
      return "road";
    case surface::trail:
      return "trail";
  }
  return "";
}

std::string_view month_name(int month) noexcept {
  constexpr std::string_view names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return month >= 1 && month <= 12 ? names[month - 1] : "";
}

/// "4-5", or "5" when the band is a single score.
std::string band(int low, int high) {
  return low == high ? fmt::format("{}", low) : fmt::format("{}-{}", low, high);
}

void add_once(std::vector<std::string>& items, std::string item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(std::move(item));
}

/// The pain-monitoring rules (docs/clinical-basis.md section 2) with the protocol's thresholds.
std::vector<std::string> pain_guide(const pain_rules& pain) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format("{}/10 during a session and no worse the next morning: carry on.",
                              band(0, pain.progress_max)));
  if (pain.hold_max > pain.progress_max) {
    lines.push_back(fmt::format("{}/10, or 1-2 points worse the next morning: repeat the week.",
                                band(pain.progress_max + 1, pain.hold_max)));
  }
  lines.push_back(fmt::format(
      "Above {}/10, rising during a session, limping or new swelling: stop and go back one "
      "step. Pain or swelling that lasts more than 24 hours: cut back and tell your therapist.",
      pain.hold_max));
  lines.push_back(
      fmt::format("Daily pain of {}/10 or more, or a red-flag symptom: stop and see a doctor.",
                  pain.refer_min));
  return lines;
}

std::vector<handout_phase> phases_of(const plan& p, const protocol* source) {
  std::vector<handout_phase> phases;
  for (const auto& w : p.weeks) {
    if (!phases.empty() && phases.back().name == w.phase_name && w.week_in_phase > 1) {
      phases.back().last_week = w.number;
      continue;
    }
    handout_phase ph;
    ph.index = static_cast<int>(phases.size()) + 1;
    ph.name = w.phase_name;
    ph.first_week = ph.last_week = w.number;
    if (source != nullptr) {
      const auto it = std::find_if(source->phases.begin(), source->phases.end(),
                                   [&](const phase& x) { return x.id == w.phase_id; });
      if (it != source->phases.end()) ph.goal = it->goal;
    }
    phases.push_back(std::move(ph));
  }
  return phases;
}

const handout_phase& phase_of(const std::vector<handout_phase>& phases, int week) {
  for (const auto& ph : phases) {
    if (week >= ph.first_week && week <= ph.last_week) return ph;
  }
  return phases.back();
}

std::vector<handout_fact> facts_of(const plan& p, unit_system units) {
  std::vector<handout_fact> facts;
  facts.push_back({"Condition", p.condition_name});
  if (p.protocol_author.empty()) {
    facts.push_back({"Protocol", p.protocol_name});
  } else {
    // A clinic's protocol: named with its id, author and version (docs/clinic-database.md).
    facts.push_back({"Protocol", fmt::format("{} ({})", p.protocol_name, p.protocol_id)});
    facts.push_back({"Written by", fmt::format("{} by {}, version {}", p.protocol_origin,
                                               p.protocol_author, p.protocol_version)});
  }
  facts.push_back({"Dates", fmt::format("{} to {} ({} week{})", p.start.iso(), p.end.iso(),
                                        p.weeks.size(), p.weeks.size() == 1 ? "" : "s")});
  facts.push_back({"Running", fmt::format("{} a week before the injury; target {} a week",
                                          amount(p.baseline, units), amount(p.target, units))});
  facts.push_back({"Easy pace", fmt::format("{} per {} (you can talk in full sentences)",
                                            p.easy_pace.format(units), to_string(units))});
  // The run days are the plan's, derived: the request is not part of a plan.
  std::array<bool, 7> runs{};
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      for (const auto& s : d.sessions) {
        if (s.run) runs.at(static_cast<std::size_t>(d.day.day_of_week())) = true;
      }
    }
  }
  std::string days;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (!runs.at(i)) continue;
    if (!days.empty()) days += ' ';
    days += detail::weekday_short_name(static_cast<weekday>(i));
  }
  if (!days.empty()) facts.push_back({"Run days", days});
  return facts;
}

void add_warnings(handout& h, const plan& p, unit_system units) {
  for (const auto& w : p.warnings) {
    (is_referral(w.code) ? h.referrals : h.warnings).push_back(notice_text(w, units));
  }
}

/// Notes that hold for the whole plan go to the first page, once; notes about one exercise go
/// to the exercise page; "twice a day" marks the exercise in its group.
void collect_note(handout& h, const session_note& n, std::vector<std::string>& said) {
  switch (n.code) {
    case note_code::warm_up:
    case note_code::cool_down:
    case note_code::icing:
    case note_code::hills:
    case note_code::downhill:
    case note_code::speed:
    case note_code::long_run:
      add_once(h.notes, note_text(n));
      if (!n.text.empty()) add_once(said, n.text.str());
      return;
    case note_code::cross_training:
      add_once(h.notes, "Cross-training: " + note_text(n));
      if (!n.text.empty()) add_once(said, n.text.str());
      return;
    case note_code::twice_a_day:
      return;
    case note_code::exercise_note:
      for (auto& e : h.exercises) {
        if (e.id == n.exercise_id()) add_once(e.notes, n.text.str());
      }
      return;
  }
}

handout_exercise exercise_entry(const exercise_dose& d, const catalogue* cat) {
  handout_exercise e;
  e.id = d.exercise_id();
  e.name = d.name().empty() ? d.exercise_id() : d.name();
  const exercise* x = cat != nullptr ? cat->find_exercise(e.id) : nullptr;
  if (x == nullptr) return e;
  e.instructions = x->instructions;
  e.cues = x->cues;
  e.equipment = x->equipment;
  const auto name_of = [&](const std::optional<std::string>& id) -> std::string {
    if (!id) return {};
    const exercise* other = cat->find_exercise(*id);
    return other != nullptr ? other->name : *id;
  };
  e.regression = name_of(x->regression);
  e.progression = name_of(x->progression);
  return e;
}

std::string group_key(const session& s) {
  std::string key(to_string(s.type));
  for (const auto& e : s.exercises) key += fmt::format("|{}={}", e.exercise_id(), describe(e.dose));
  return key;
}

bool twice_a_day(const session& s, const std::string& id) {
  return std::any_of(s.notes.begin(), s.notes.end(), [&](const session_note& n) {
    return n.code == note_code::twice_a_day && n.exercise_id() == id;
  });
}

handout_row& row_named(std::vector<handout_row>& rows, const std::string& label) {
  const auto it = std::find_if(rows.begin(), rows.end(),
                               [&](const handout_row& r) { return r.label == label; });
  if (it != rows.end()) return *it;
  rows.push_back(handout_row{label, {}});
  return rows.back();
}

/// The strength or mobility group `s` belongs to (made on first sight), with its grid row.
void add_group_session(handout_week& hw, std::vector<std::string>& keys, const session& s,
                       std::size_t day) {
  const std::string key = group_key(s);
  auto it = std::find(keys.begin(), keys.end(), key);
  if (it == keys.end()) {
    // One letter per group in the week, whatever its type, so that a letter names one row.
    handout_group g;
    g.letter = std::string(1, static_cast<char>('A' + std::min<std::size_t>(keys.size(), 25)));
    g.label = fmt::format("{} {}", detail::session_title(s.type), g.letter);
    g.minutes = s.minutes;
    for (const auto& e : s.exercises) {
      g.exercises.push_back({e.exercise_id(), e.name().empty() ? e.exercise_id() : e.name(),
                             describe(e.dose), twice_a_day(s, e.exercise_id())});
    }
    hw.groups.push_back(std::move(g));
    keys.push_back(key);
    it = keys.end() - 1;
  }
  auto& g = hw.groups.at(static_cast<std::size_t>(it - keys.begin()));
  g.days.push_back(hw.days.at(day).day_of_week());
  const std::string label =
      g.minutes > 0 ? fmt::format("{}{}{} min", g.label, dot, g.minutes) : g.label;
  row_named(hw.sessions, label).cells.at(day).tick = true;
}

handout_run run_entry(const session& s, date day, unit_system units) {
  const run_session& r = *s.run;
  handout_run run;
  run.day = day;
  run.label = detail::session_title(s.type);
  run.distance = r.run.in(units);
  run.minutes = static_cast<int>(std::lround(r.minutes));
  run.total_minutes = std::max(s.minutes, run.minutes);
  run.surface = r.where == surface::flat ? "flat" : to_string(r.where);
  if (r.hills) run.extras.emplace_back("hills");
  if (r.downhill) run.extras.emplace_back("downhill");
  if (r.speed) run.extras.emplace_back("strides");
  if (r.long_run) run.extras.emplace_back("long run");
  run.detail =
      fmt::format("{}{}{}about {} min{}{}", amount(r.run, units), r.continuous ? "" : " of running",
                  dot, run.minutes, dot, surface_name(r.where));
  for (const auto& x : run.extras) run.detail += fmt::format("{}{}", dot, x);
  if (run.total_minutes > run.minutes) {
    run.detail += fmt::format("{}{} min in all", dot, run.total_minutes);
  }
  if (!r.intervals.empty()) run.intervals = detail::intervals_text(r.intervals);
  return run;
}

void add_session(handout_week& hw, std::vector<std::string>& keys, const session& s,
                 std::size_t day, unit_system units) {
  if (s.run) {
    // The runs' row is the first (run_row_label made it before any session).
    hw.sessions.front().cells.at(day) = {true, fmt::format("{:.1f}", s.run->run.in(units))};
    hw.runs.push_back(run_entry(s, hw.days.at(day), units));
  } else if (!s.exercises.empty()) {
    add_group_session(hw, keys, s, day);
  } else if (s.type != session_type::rest) {
    // The activity names the row ("Stationary bike"); the notes say it is cross-training.
    std::string label(s.activity.empty() ? detail::session_title(s.type) : s.activity);
    if (!s.activity.empty())
      label.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(label.front())));
    if (s.minutes > 0) label += fmt::format("{}{} min", dot, s.minutes);
    row_named(hw.sessions, label).cells.at(day).tick = true;
  }
}

/// 0 for a strength group, 1 for a mobility group, 2 for the rest (runs, cross-training).
int layout_pass(const session& s) {
  if (s.run || s.exercises.empty()) return 2;
  return s.type == session_type::strength ? 0 : 1;
}

/// The week's exercise table: each exercise at each dose once, with its groups and days.
void add_items(handout_week& hw) {
  for (const auto& g : hw.groups) {
    for (const auto& e : g.exercises) {
      auto it = std::find_if(hw.exercises.begin(), hw.exercises.end(), [&](const handout_item& x) {
        return x.exercise_id == e.exercise_id && x.dose == e.dose;
      });
      if (it == hw.exercises.end()) {
        hw.exercises.push_back({e.exercise_id, e.name, e.dose, e.twice_a_day, {}, {}});
        it = hw.exercises.end() - 1;
      }
      it->twice_a_day = it->twice_a_day || e.twice_a_day;
      it->groups.push_back(g.letter);
      it->days.insert(it->days.end(), g.days.begin(), g.days.end());
    }
  }
  // Days in the order the week shows them (a plan's week may start on any weekday).
  const auto first = static_cast<int>(hw.days.front().day_of_week());
  const auto order = [first](weekday d) { return (static_cast<int>(d) - first + 7) % 7; };
  for (auto& item : hw.exercises) {
    std::sort(item.days.begin(), item.days.end(),
              [&](weekday a, weekday b) { return order(a) < order(b); });
    item.days.erase(std::unique(item.days.begin(), item.days.end()), item.days.end());
  }
}

/// "Run (km)", "Walk-run (km)" or "Run / walk-run (km)"; empty for a week without runs.
std::string run_row_label(const plan_week& w, unit_system units) {
  bool runs = false;
  bool walk_runs = false;
  for (const auto& d : w.days) {
    for (const auto& s : d.sessions) {
      if (!s.run) continue;
      (s.type == session_type::walk_run ? walk_runs : runs) = true;
    }
  }
  if (!runs && !walk_runs) return {};
  const std::string_view what = runs && walk_runs ? "Run / walk-run" : runs ? "Run" : "Walk-run";
  return fmt::format("{} ({})", what, to_string(units));
}

handout_week week_of(const plan_week& w, const std::vector<handout_phase>& phases,
                     unit_system units) {
  handout_week hw;
  hw.units = units;
  hw.number = w.number;
  hw.start = w.start;
  hw.end = w.start.plus_days(6);
  hw.phase = phase_of(phases, w.number);
  hw.week_in_phase = w.week_in_phase;
  hw.lighter_week = w.lighter_week;
  hw.run_total = w.run_total.in(units);
  hw.run_cap = w.run_cap.in(units);
  hw.running = w.run_total.km() <= 0 && w.run_cap.km() <= 0
                   ? std::string("No running this week")
                   : fmt::format("{} planned of a {} cap", amount(w.run_total, units),
                                 amount(w.run_cap, units));
  for (const auto& c : w.checkpoint) hw.checkpoint.push_back({criterion_question(c), c.text});
  if (auto label = run_row_label(w, units); !label.empty()) {
    hw.sessions.push_back(handout_row{std::move(label), {}});
  }
  for (std::size_t i = 0; i < w.days.size(); ++i) {
    const plan_day& d = w.days.at(i);
    hw.days.push_back(d.day);
    for (const auto& s : d.sessions) {
      hw.minutes.at(i) += s.minutes;
      if (s.type != session_type::rest) hw.active.at(i) = true;
    }
  }
  // Strength groups first, then mobility, then runs and cross-training, each in day order: the
  // letters (A, B... by first sight) and the grid's rows keep their order from week to week
  // when the planner moves a session to another day.
  std::vector<std::string> keys;
  for (const int pass : {0, 1, 2}) {
    for (std::size_t i = 0; i < w.days.size(); ++i) {
      for (const auto& s : w.days.at(i).sessions) {
        if (layout_pass(s) == pass) add_session(hw, keys, s, i, units);
      }
    }
  }
  add_items(hw);
  return hw;
}

void add_exercises(handout& h, const plan& p, const catalogue* cat) {
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      for (const auto& s : d.sessions) {
        for (const auto& e : s.exercises) {
          const bool known =
              std::any_of(h.exercises.begin(), h.exercises.end(),
                          [&](const handout_exercise& x) { return x.id == e.exercise_id(); });
          if (!known) h.exercises.push_back(exercise_entry(e, cat));
        }
      }
    }
  }
}

/// The plan-wide notes, and the advice that they do not already say (the warm-up and cool-down
/// notes quote the protocol's advice: said once, under the notes).
void add_notes_and_advice(handout& h, const plan& p) {
  std::vector<std::string> said;
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      for (const auto& s : d.sessions) {
        for (const auto& n : s.notes) collect_note(h, n, said);
      }
    }
  }
  for (const auto& a : p.advice) {
    if (std::find(said.begin(), said.end(), a) == said.end()) h.advice.push_back(a);
  }
}

}  // namespace

std::string handout_day_name(date day) {
  return fmt::format("{} {} {}", detail::weekday_short_name(day.day_of_week()), day.day(),
                     month_name(day.month()));
}

handout make_handout(const plan& p, unit_system units, const catalogue* exercises) {
  handout h;
  h.units = units;
  h.title = "Knee rehab plan: " + p.condition_name;
  h.facts = facts_of(p, units);
  add_warnings(h, p, units);
  const protocol* source = exercises != nullptr ? exercises->find_protocol(p.protocol_id) : nullptr;
  h.phases = phases_of(p, source);
  for (const auto& w : p.weeks) {
    h.chart.push_back({w.number, w.run_total.in(units), w.run_cap.in(units),
                       phase_of(h.phases, w.number).index, w.lighter_week});
    h.weeks.push_back(week_of(w, h.phases, units));
  }
  h.pain_guide = pain_guide(p.pain);
  add_exercises(h, p, exercises);
  add_notes_and_advice(h, p);
  h.sources = p.sources;
  return h;
}

}  // namespace kneerehab
