// A runner's training state from the profile (docs/plan-rules.md, "Return to volume").
#include "kneerehab/plan/training_state.hpp"

#include "kneerehab/plan/profile.hpp"

#include <algorithm>
#include <cmath>

namespace kneerehab {
namespace {

/// The single-session spike rule looks back 30 days (Frandsen et al. 2025); four weeks of
/// history cover it.
constexpr int history_days = 28;

/// The longest run a week of `weekly` volume stands for: the volume spread over the run days,
/// but at least one run of `shortest` (or the whole week when it is less). It never falls as
/// the volume rises, so that more current running never allows shorter runs (rule 8).
double longest_run_km(double weekly, double shortest, std::size_t days) {
  return std::max(weekly / static_cast<double>(days), std::min(weekly, shortest));
}

/// The runs of one week of `weekly` volume: the longest first, the rest shared equally over
/// as few other run days as hold it.
std::vector<double> week_of_runs(double weekly, double shortest, std::size_t days) {
  const double longest = longest_run_km(weekly, shortest, days);
  const auto count =
      std::min(days, static_cast<std::size_t>(std::max(1.0, std::ceil(weekly / longest - 1e-9))));
  std::vector<double> runs{longest};
  for (std::size_t i = 1; i < count; ++i)
    runs.push_back((weekly - longest) / static_cast<double>(count - 1));
  return runs;
}

/// Runs of `weekly` volume on the run days in [first, last): the longest on the run day
/// nearest before `last`, the shorter ones on the run days before it, so that the spike rule's
/// 30 days, looking back from a later restart, see the longest run first.
void add_runs(const runner_profile& profile, distance weekly, double min_run_minutes, date first,
              date last, std::vector<logged_run>& out) {
  if (weekly.km() <= 0 || profile.run_days.empty()) return;
  std::vector<weekday> days = profile.run_days;
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  const auto days_before_last = [&](weekday d) {
    const int back = (static_cast<int>(last.day_of_week()) - static_cast<int>(d) + 7) % 7;
    return back == 0 ? 7 : back;
  };
  std::sort(days.begin(), days.end(),
            [&](weekday a, weekday b) { return days_before_last(a) < days_before_last(b); });
  const double shortest = profile.easy_pace.distance_in(min_run_minutes).km();
  const std::vector<double> runs = week_of_runs(weekly.km(), shortest, days.size());
  days.resize(runs.size());  // the most recent run days, the longest run's first
  for (date d = first; d < last; d = d.plus_days(1)) {
    const auto it = std::find(days.begin(), days.end(), d.day_of_week());
    if (it == days.end()) continue;
    const distance each = distance::from_km(runs[static_cast<std::size_t>(it - days.begin())]);
    out.push_back(logged_run{.day = d,
                             .minutes = profile.easy_pace.minutes_for(each),
                             .run = each,
                             .continuous = true,
                             .step = std::nullopt});
  }
}

}  // namespace

distance volume_last_week(const training_state& state, date plan_start) noexcept {
  double km = 0;
  for (const auto& r : state.recent_runs) {
    const int ago = days_between(r.day, plan_start);
    if (ago >= 1 && ago <= 7) km += r.run.km();
  }
  return distance::from_km(km);
}

training_state training_state_from_profile(const runner_profile& profile, date plan_start,
                                           double min_run_minutes) {
  training_state state;
  state.pain = profile.pain;
  const auto first = plan_start.try_plus_days(-history_days);
  // Less a week than one run of min_run_minutes is not running to continue from: planned as
  // a runner who stopped (docs/plan-rules.md, "Return to volume").
  const bool still_running =
      profile.current > profile.easy_pace.distance_in(min_run_minutes) - distance::from_km(0.01);
  if (still_running) {
    // Still running: what the runner does now, every week of the last four.
    state.days_since_normal_running = 0;
    if (first)
      add_runs(profile, profile.current, min_run_minutes, *first, plan_start, state.recent_runs);
    return state;
  }
  // Stopped: for --weeks-off weeks, or since the injury date; unknown otherwise.
  std::optional<int> known_off;
  if (profile.weeks_off) {
    known_off = *profile.weeks_off * 7;
  } else if (profile.injury_date && *profile.injury_date <= plan_start) {
    known_off = days_between(*profile.injury_date, plan_start);
  }
  if (!known_off) return state;
  const int days_off = *known_off;
  state.days_since_normal_running = days_off;
  // Stopped `days_off` days ago: the runs before the break at the baseline volume.
  const auto stop = plan_start.try_plus_days(-days_off);
  if (first && stop && *first < *stop)
    add_runs(profile, profile.baseline, min_run_minutes, *first, *stop, state.recent_runs);
  return state;
}

}  // namespace kneerehab
