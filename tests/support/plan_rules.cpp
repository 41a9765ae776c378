#include "support/plan_rules.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace kneerehab::testing {
namespace {

constexpr double eps = 1e-6;

void add(rule_findings& out, const char* rule, const plan_week& w, const std::string& what) {
  out.push_back({rule, "week " + std::to_string(w.number) + " (" + w.start.iso() + "): " + what});
}

/// A run or walk-run session, with its day counted from the plan's start.
struct run_seen {
  int day;
  double km;
  const run_session* run;
  std::size_t week;
};

std::vector<run_seen> runs_of(const plan& p) {
  std::vector<run_seen> runs;
  for (std::size_t wi = 0; wi < p.weeks.size(); ++wi) {
    for (int k = 0; k < 7; ++k) {
      for (const session& s : p.weeks[wi].days[static_cast<std::size_t>(k)].sessions) {
        if (s.run) runs.push_back({static_cast<int>(wi) * 7 + k, s.run->run.km(), &*s.run, wi});
      }
    }
  }
  return runs;
}

/// The protocol phase of a week (nullptr for an unknown phase id) and its index.
const phase* phase_of(const protocol& proto, const plan_week& w, std::size_t* index = nullptr) {
  for (std::size_t i = 0; i < proto.phases.size(); ++i) {
    if (proto.phases[i].id == w.phase_id) {
      if (index != nullptr) *index = i;
      return &proto.phases[i];
    }
  }
  return nullptr;
}

bool has_session(const plan_week& w, session_type type) {
  return std::any_of(w.days.begin(), w.days.end(), [&](const plan_day& d) {
    return std::any_of(d.sessions.begin(), d.sessions.end(),
                       [&](const session& s) { return s.type == type; });
  });
}

}  // namespace

rule_findings check_calendar(const plan_under_test& t) {
  constexpr const char* rule = "calendar";
  rule_findings out;
  const plan& p = t.p;
  if (p.weeks.empty()) out.push_back({rule, "no weeks"});
  if (!p.weeks.empty() && p.end != p.weeks.back().days.back().day) {
    out.push_back({rule, "end date is not the last day of the last week"});
  }
  for (std::size_t wi = 0; wi < p.weeks.size(); ++wi) {
    const plan_week& w = p.weeks[wi];
    if (w.number != static_cast<int>(wi) + 1) add(out, rule, w, "number");
    if (w.start != p.start.plus_days(static_cast<int>(wi) * 7))
      add(out, rule, w, "gap before week");
    if (phase_of(t.proto, w) == nullptr) add(out, rule, w, "unknown phase " + w.phase_id);
    double sum = 0;
    for (int k = 0; k < 7; ++k) {
      const plan_day& day = w.days[static_cast<std::size_t>(k)];
      if (day.day != w.start.plus_days(k)) {
        add(out, rule, w, "day " + std::to_string(k) + " not consecutive");
      }
      if (day.sessions.empty()) add(out, rule, w, "day without a session");
      for (const session& s : day.sessions) {
        if (s.run) sum += s.run->run.km();
      }
    }
    if (std::abs(sum - w.run_total.km()) > eps) add(out, rule, w, "run_total is not the sum");
  }
  return out;
}

rule_findings check_running_allowed(const plan_under_test& t) {
  constexpr const char* rule = "rule 1: running allowed";
  rule_findings out;
  std::size_t first_running = t.proto.phases.size();
  for (std::size_t i = 0; i < t.proto.phases.size(); ++i) {
    if (t.proto.phases[i].running.mode != running_mode::none) {
      first_running = i;
      break;
    }
  }
  const auto& days = t.request.profile.run_days;
  const std::set<weekday> run_days(days.begin(), days.end());
  for (const auto& w : t.p.weeks) {
    std::size_t index = 0;
    const phase* ph = phase_of(t.proto, w, &index);
    if (ph == nullptr) continue;
    for (const auto& day : w.days) {
      for (const session& s : day.sessions) {
        if (!s.run) continue;
        if (index < first_running) add(out, rule, w, "run before the first running phase");
        if (ph->running.mode == running_mode::none)
          add(out, rule, w, "run in a phase without running");
        if (run_days.count(day.day.day_of_week()) == 0) {
          add(out, rule, w, "run on a day that is not a run day");
        }
      }
    }
  }
  return out;
}

rule_findings check_run_kinds(const plan_under_test& t) {
  constexpr const char* rule = "rule 5: run kinds";
  rule_findings out;
  for (const auto& w : t.p.weeks) {
    std::size_t index = 0;
    const phase* ph = phase_of(t.proto, w, &index);
    if (ph == nullptr) continue;
    for (const auto& day : w.days) {
      for (const session& s : day.sessions) {
        if (!s.run) continue;
        const run_session& r = *s.run;
        if ((r.hills || r.speed) && index + 1 != t.proto.phases.size()) {
          add(out, rule, w, "hills or speed before the final phase");
        }
        if (r.where > ph->running.max_surface && r.where != surface::flat) {
          add(out, rule, w, "surface harder than the phase allows");
        }
        if (s.type == session_type::walk_run && (r.continuous || r.intervals.empty())) {
          add(out, rule, w, "walk-run session marked continuous");
        }
        if (s.type == session_type::run && !r.continuous) add(out, rule, w, "run not continuous");
      }
    }
  }
  return out;
}

rule_findings check_walk_run_ladder(const plan_under_test& t) {
  constexpr const char* rule = "rule 2: walk/run ladder";
  rule_findings out;
  const auto& load = t.proto.load;
  const auto runs = runs_of(t.p);
  std::vector<const run_seen*> ladder;
  for (const auto& r : runs) {
    if (!r.run->continuous) ladder.push_back(&r);
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].run->continuous) continue;
    const bool before = i > 0 && runs[i].day - runs[i - 1].day < 2;
    const bool after = i + 1 < runs.size() && runs[i + 1].day - runs[i].day < 2;
    if (before || after) add(out, rule, t.p.weeks[runs[i].week], "walk-run on consecutive days");
  }
  std::map<std::size_t, int> per_week;
  for (const auto* r : ladder) {
    if (++per_week[r->week] > load.max_runs_per_week) {
      add(out, rule, t.p.weeks[r->week], "too many walk-run sessions");
    }
  }
  std::vector<int> step_starts;
  for (std::size_t i = 0; i < ladder.size();) {
    std::size_t j = i;
    while (j < ladder.size() && ladder[j]->run->intervals == ladder[i]->run->intervals) ++j;
    if (j < ladder.size() && static_cast<int>(j - i) < load.min_sessions_per_step) {
      add(out, rule, t.p.weeks[ladder[i]->week], "ladder step done fewer times than required");
    }
    step_starts.push_back(ladder[i]->day);
    i = j;
  }
  for (const int start : step_starts) {
    const auto in_window = std::count_if(step_starts.begin(), step_starts.end(),
                                         [&](int d) { return d <= start && d > start - 7; });
    if (in_window > load.max_ladder_steps_per_week) {
      out.push_back({rule, "too many ladder steps in 7 days (day " + std::to_string(start) + ")"});
    }
  }
  return out;
}

rule_findings check_single_run_spikes(const plan_under_test& t) {
  constexpr const char* rule = "rule 3: single-run spike";
  rule_findings out;
  const auto& load = t.proto.load;
  const auto runs = runs_of(t.p);
  // The runs before the plan count too (the runner's training state).
  const training_state state =
      t.request.state ? *t.request.state
                      : training_state_from_profile(t.request.profile, t.p.start,
                                                    load.min_run_minutes);
  const double floor_km = t.request.profile.easy_pace.distance_in(load.easy_run_minutes).km();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& r = runs[i];
    if (!r.run->continuous) continue;
    double longest = 0;
    for (std::size_t j = 0; j < i; ++j) {
      if (runs[j].day >= r.day - 30) longest = std::max(longest, runs[j].km);
    }
    for (const auto& before : state.recent_runs) {
      if (days_between(before.day, t.p.start) + r.day <= 30) {
        longest = std::max(longest, before.run.km());
      }
    }
    const plan_week& w = t.p.weeks[r.week];
    if (r.km > std::max(load.spike_ratio * longest, floor_km) + eps) {
      add(out, rule, w, "run longer than 110% of the longest run in 30 days");
    }
    // The long-run share holds only with 4 or more runs in the week (rule 3).
    int runs_this_week = 0;
    for (const auto& other : runs) runs_this_week += other.week == r.week ? 1 : 0;
    if (runs_this_week >= 4 && r.km > load.long_run_share * w.run_total.km() + eps) {
      add(out, rule, w, "run above the long-run share");
    }
  }
  return out;
}

rule_findings check_weekly_build(const plan_under_test& t) {
  constexpr const char* rule = "rule 3: weekly build";
  rule_findings out;
  const auto& profile = t.request.profile;
  const auto& load = t.proto.load;
  const bool cautious = profile.age >= load.older_age || profile.prior_injuries > 0;
  const double increase = cautious ? load.cautious_weekly_increase : load.weekly_increase;
  // Over streaks of weeks with continuous runs only; the first week of a build (after no
  // running or a ladder) is a restart, bounded by start_fraction instead.
  double full_total = 0;
  int since_lighter = 0;
  bool in_streak = false;
  for (const auto& w : t.p.weeks) {
    if (!has_session(w, session_type::run) || has_session(w, session_type::walk_run)) {
      in_streak = false;
      continue;
    }
    const double total = w.run_total.km();
    if (total > w.run_cap.km() + eps) add(out, rule, w, "weekly volume above its cap");
    if (in_streak) {
      if (w.lighter_week) {
        const double previous = t.p.weeks[static_cast<std::size_t>(w.number - 2)].run_total.km();
        if (total > (1 - load.deload_cut) * previous + eps) {
          add(out, rule, w, "lighter week not lighter");
        }
      } else if (full_total > 0 && total > (1 + increase) * full_total + eps) {
        add(out, rule, w, "weekly increase above the cap");
      }
    } else {
      since_lighter = 0;
    }
    if (w.lighter_week) {
      since_lighter = 0;
    } else {
      full_total = total;
      if (++since_lighter > load.deload_every - 1) add(out, rule, w, "no lighter week in time");
    }
    in_streak = true;
  }
  return out;
}

rule_findings check_target_ceiling(const plan_under_test& t) {
  constexpr const char* rule = "rule 4: target ceiling";
  rule_findings out;
  const auto& profile = t.request.profile;
  const double target = profile.target.value_or(profile.baseline).km();
  for (const auto& w : t.p.weeks) {
    if (w.run_total.km() > target + eps) add(out, rule, w, "weekly volume above the target");
  }
  return out;
}

rule_findings check_barred_exercises(const plan_under_test& t) {
  constexpr const char* rule = "rule 6: barred exercises";
  rule_findings out;
  for (const auto& w : t.p.weeks) {
    const phase* ph = phase_of(t.proto, w);
    if (ph == nullptr) continue;
    for (const auto& day : w.days) {
      for (const session& s : day.sessions) {
        for (const auto& e : s.exercises) {
          const auto& barred = ph->barred_exercises;
          if (std::find(barred.begin(), barred.end(), e.exercise_id()) != barred.end()) {
            add(out, rule, w, "barred exercise " + e.exercise_id());
          }
        }
      }
    }
  }
  return out;
}

rule_findings check_high_load_spacing(const plan_under_test& t) {
  constexpr const char* rule = "high-load spacing";
  rule_findings out;
  std::map<int, std::vector<const exercise*>> by_day;
  for (std::size_t wi = 0; wi < t.p.weeks.size(); ++wi) {
    for (int k = 0; k < 7; ++k) {
      for (const session& s : t.p.weeks[wi].days[static_cast<std::size_t>(k)].sessions) {
        for (const auto& e : s.exercises) {
          const exercise* ex = t.cat.find_exercise(e.exercise_id());
          if (ex != nullptr && ex->load == load_level::high) {
            by_day[static_cast<int>(wi) * 7 + k].push_back(ex);
          }
        }
      }
    }
  }
  for (const auto& [day, list] : by_day) {
    const auto next = by_day.find(day + 1);
    if (next == by_day.end()) continue;
    for (const exercise* a : list) {
      for (const exercise* b : next->second) {
        for (const auto& m : a->muscles) {
          if (std::find(b->muscles.begin(), b->muscles.end(), m) != b->muscles.end()) {
            out.push_back({rule, "high-load " + a->id + " and " + b->id + " on consecutive days " +
                                     std::to_string(day)});
          }
        }
      }
    }
  }
  return out;
}

rule_findings check_every_rule(const plan_under_test& t) {
  rule_findings all;
  for (const auto check : {check_calendar, check_running_allowed, check_run_kinds,
                           check_walk_run_ladder, check_single_run_spikes, check_weekly_build,
                           check_target_ceiling, check_barred_exercises, check_high_load_spacing}) {
    auto found = check(t);
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

std::vector<std::string> rule_violations(const catalogue& cat, const protocol& proto,
                                         const plan_request& request, const plan& p) {
  std::vector<std::string> lines;
  for (const auto& f : check_every_rule({cat, proto, request, p})) {
    lines.push_back(f.rule + ": " + f.message);
  }
  return lines;
}

}  // namespace kneerehab::testing
