// Rule 2, the walk/run ladder (docs/plan-rules.md; docs/clinical-basis.md, walk/run ladders):
// rest days, runs a week, steps done often enough, not too many new steps in 7 days, steps
// in order, the ladder within its phase, and the first continuous run after it.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "plan/audit_detail.hpp"

namespace kneerehab::audit_detail {
namespace {

/// The first continuous run is at most the ladder's last step's running time plus this.
constexpr double first_run_allowance = 1.10;

/// A walk-run session with its ladder and step (-1 when its intervals are no step of it).
struct ladder_session {
  const run_seen* r = nullptr;
  const walk_run_ladder* ladder = nullptr;  ///< null when no walk-run phase names one
  int step = -1;
};

/// Consecutive sessions of one step of one ladder.
struct step_group {
  std::size_t first = 0;  ///< index into the ladder sessions
  std::size_t last = 0;
  const walk_run_ladder* ladder = nullptr;
  int step = -1;
  int count = 1;
};

/// The ladder a walk-run session in `w` climbs: its phase's, or the last walk-run phase's
/// before it (a ladder that runs over into the next phase).
const walk_run_ladder* ladder_for(const audit_context& ctx, const week_seen& w) {
  for (int i = w.phase_index; i >= 0; --i) {
    const running_rule& rule = ctx.proto.phases[static_cast<std::size_t>(i)].running;
    if (rule.mode == running_mode::walk_run) return ctx.cat.find_ladder(rule.ladder_id);
  }
  return nullptr;
}

int step_of(const walk_run_ladder& ladder, const run_session& run) {
  if (run.intervals.size() != 1) return -1;
  const run_interval& i = run.intervals.front();
  for (std::size_t s = 0; s < ladder.steps.size(); ++s) {
    const interval_step& step = ladder.steps[s];
    if (i.walk_s == step.walk_s && i.run_s == step.run_s && i.repeat == step.repeats) {
      return static_cast<int>(s);
    }
  }
  return -1;
}

std::vector<ladder_session> ladder_sessions(const audit_context& ctx) {
  std::vector<ladder_session> out;
  for (const run_seen& r : ctx.runs) {
    if (r.continuous()) continue;
    ladder_session ls{&r, ladder_for(ctx, ctx.weeks[r.week]), -1};
    if (ls.ladder != nullptr) ls.step = step_of(*ls.ladder, *r.run);
    out.push_back(ls);
  }
  return out;
}

/// Runs of sessions of the same step, leaving out sessions that are no step of a ladder
/// (ladder_order reports those).
std::vector<step_group> step_groups(const std::vector<ladder_session>& sessions) {
  std::vector<step_group> groups;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const auto& s = sessions[i];
    if (s.ladder == nullptr || s.step < 0) continue;
    if (!groups.empty() && groups.back().ladder == s.ladder && groups.back().step == s.step) {
      groups.back().last = i;
      ++groups.back().count;
    } else {
      groups.push_back({i, i, s.ladder, s.step, 1});
    }
  }
  return groups;
}

std::string step_text(const walk_run_ladder& ladder, int step) {
  const interval_step& s = ladder.steps[static_cast<std::size_t>(step)];
  const std::string what =
      s.walk_s == 0 ? fmt::format("{} run", minutes_text(s.repeats * s.run_s / 60.0))
                    : fmt::format("{} x ({} walk / {} run)", s.repeats,
                                  minutes_text(s.walk_s / 60.0), minutes_text(s.run_s / 60.0));
  return fmt::format("step {} of {} of ladder '{}' ({})", step + 1, ladder.steps.size(), ladder.id,
                     what);
}

std::string times(int n) {
  return n == 1 ? std::string("once") : n == 2 ? std::string("twice") : fmt::format("{} times", n);
}

/// True when a continuous run comes after the run at `day`.
bool continuous_run_after(const audit_context& ctx, int day) {
  return std::any_of(ctx.runs.begin(), ctx.runs.end(),
                     [&](const run_seen& r) { return r.continuous() && r.day > day; });
}

double last_step_running_minutes(const walk_run_ladder& ladder) {
  const interval_step& last = ladder.steps.back();
  return last.repeats * last.run_s / 60.0;
}

}  // namespace

void check_ladder_rest_day(const audit_context& ctx, finding_sink& out) {
  for (std::size_t i = 1; i < ctx.runs.size(); ++i) {
    const run_seen& a = ctx.runs[i - 1];
    const run_seen& b = ctx.runs[i];
    if (b.day - a.day >= 2 || (a.continuous() && b.continuous())) continue;
    out.at(b, ctx,
           fmt::format("a {} {} after a {} on {}: walk-run sessions have a rest day before and "
                       "after them",
                       b.continuous() ? "run" : "walk-run session",
                       b.day == a.day ? "the same day as" : "the day",
                       a.continuous() ? "run" : "walk-run session", day_text(a.when)));
  }
}

void check_ladder_runs_per_week(const audit_context& ctx, finding_sink& out) {
  const int most = ctx.proto.load.max_runs_per_week;
  for (const week_seen& w : ctx.weeks) {
    if (w.walk_runs > 0 && w.runs > most) {
      out.at(*w.w, std::nullopt,
             fmt::format("{} runs in a week of the walk/run ladder; at most {}", w.runs, most));
    }
  }
}

/// The ladder's last step whose running alone fits in the weekly target: a plan whose target
/// is below a step ends its ladder before it (notice target-below-ladder).
int last_step_carried(const audit_context& ctx, const walk_run_ladder& ladder) {
  int last = static_cast<int>(ladder.steps.size()) - 1;
  while (last > 0) {
    const interval_step& s = ladder.steps[static_cast<std::size_t>(last)];
    const double km = ctx.request.profile.easy_pace.distance_in(s.repeats * s.run_s / 60.0).km();
    if (km <= ctx.target_km + 1e-9) break;  // as the planner caps the ladder
    --last;
  }
  return last;
}

void check_ladder_step_repeats(const audit_context& ctx, finding_sink& out) {
  const int need = ctx.proto.load.min_sessions_per_step;
  const auto sessions = ladder_sessions(ctx);
  const auto groups = step_groups(sessions);
  const walk_run_ladder* ladder = nullptr;
  int highest = -1;  // the highest step done so far on this ladder
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const step_group& group = groups[g];
    if (group.ladder == nullptr || group.step < 0) continue;
    if (group.ladder != ladder) {
      ladder = group.ladder;
      highest = -1;
    }
    const run_seen& first = *sessions[group.first].r;
    if (group.step > highest + 1) {
      out.at(first, ctx,
             highest < 0 ? fmt::format("the ladder starts at {}: its first {} step(s) are done "
                                       "0 times; each step is done at least {} times",
                                       step_text(*ladder, group.step), group.step, need)
                         : fmt::format("the ladder jumps from step {} to {}: each step is done "
                                       "at least {} times",
                                       highest + 1, step_text(*ladder, group.step), need));
    }
    const run_seen& last = *sessions[group.last].r;
    const bool next_on_ladder = g + 1 < groups.size() && groups[g + 1].ladder == ladder;
    const bool moves_on = next_on_ladder || continuous_run_after(ctx, last.day);
    if (moves_on && group.count < need) {
      out.at(first, ctx,
             fmt::format("{} is done {} before moving on; each step is done at least {} times",
                         step_text(*ladder, group.step), times(group.count), need));
    }
    const int last_step = last_step_carried(ctx, *ladder);
    const int reached = std::max(highest, group.step);  // a step gone back to was done before
    if (!next_on_ladder && reached < last_step && continuous_run_after(ctx, last.day)) {
      out.at(last, ctx,
             fmt::format("continuous running follows {}: the ladder's steps {} to {} are done "
                         "0 times",
                         step_text(*ladder, reached), reached + 2, last_step + 1));
    }
    highest = reached;
  }
}

void check_ladder_steps_per_week(const audit_context& ctx, finding_sink& out) {
  const int most = ctx.proto.load.max_ladder_steps_per_week;
  const auto sessions = ladder_sessions(ctx);
  std::vector<const run_seen*> starts;
  for (const step_group& g : step_groups(sessions)) {
    if (g.ladder != nullptr && g.step >= 0) starts.push_back(sessions[g.first].r);
  }
  for (const run_seen* s : starts) {
    std::vector<std::string> days;
    for (const run_seen* t : starts) {
      if (t->day <= s->day && t->day > s->day - 7) days.push_back(day_text(t->when));
    }
    if (static_cast<int>(days.size()) > most) {
      std::string listed;
      for (const auto& d : days) listed += (listed.empty() ? "" : ", ") + d;
      out.at(*s, ctx,
             fmt::format("{} new ladder steps start in 7 days ({}); at most {}", days.size(),
                         listed, most));
    }
  }
}

void check_ladder_order(const audit_context& ctx, finding_sink& out) {
  const auto sessions = ladder_sessions(ctx);
  for (const ladder_session& s : sessions) {
    if (s.ladder == nullptr) {
      out.at(*s.r, ctx,
             "a walk-run session, but no walk-run phase of the protocol up to here names a "
             "ladder");
    } else if (s.step < 0) {
      const run_interval& i = s.r->run->intervals.empty() ? run_interval{} : s.r->run->intervals[0];
      out.at(*s.r, ctx,
             fmt::format("a walk-run session of {} x ({} s walk / {} s run) is not a step of "
                         "ladder '{}'",
                         i.repeat, i.walk_s, i.run_s, s.ladder->id));
    }
  }
  const auto groups = step_groups(sessions);
  for (std::size_t g = 1; g < groups.size(); ++g) {
    const step_group& a = groups[g - 1];
    const step_group& b = groups[g];
    if (a.ladder == nullptr || a.ladder != b.ladder || a.step < 0 || b.step < 0) continue;
    if (b.step < a.step) {
      out.at(*sessions[b.first].r, ctx,
             fmt::format("the ladder goes back from step {} to {}; steps never go backwards",
                         a.step + 1, step_text(*b.ladder, b.step)));
    }
  }
}

void check_ladder_fits_phase(const audit_context& ctx, finding_sink& out) {
  for (const week_seen& w : ctx.weeks) {
    if (w.ph == nullptr || w.walk_runs == 0) continue;
    const running_mode mode = w.ph->running.mode;
    if (mode == running_mode::continuous || mode == running_mode::modified) {
      out.at(*w.w, std::nullopt,
             fmt::format("{} walk-run session(s) in phase {} ({} running): a phase with a ladder "
                         "lasts until its ladder is done",
                         w.walk_runs, phase_label(w), to_string(mode)));
    }
  }
}

void check_first_continuous_run(const audit_context& ctx, finding_sink& out) {
  for (std::size_t i = 1; i < ctx.runs.size(); ++i) {
    const run_seen& before = ctx.runs[i - 1];
    const run_seen& r = ctx.runs[i];
    if (!r.continuous() || before.continuous()) continue;
    const walk_run_ladder* ladder = ladder_for(ctx, ctx.weeks[before.week]);
    if (ladder == nullptr || ladder->steps.empty()) continue;
    const double step = last_step_running_minutes(*ladder);
    const double limit = first_run_allowance * step;
    if (r.running_minutes() > limit + minute_tolerance) {
      out.at(r, ctx,
             fmt::format("the first continuous run after the walk/run ladder is {}; at most {} "
                         "(the last step of ladder '{}' runs {}, plus 10%)",
                         minutes_text(r.running_minutes()), minutes_text(limit), ladder->id,
                         minutes_text(step)));
    }
  }
}

}  // namespace kneerehab::audit_detail
