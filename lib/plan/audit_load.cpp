// Rules 3, 4 and 5: the load of continuous running (spike rule, weekly increase, lighter
// weeks, long-run share), the target (ceiling, reaching it, where an open-ended plan ends)
// and one change at a time (runs a week, run length, new stimuli, hard-run spacing).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "kneerehab/plan/request_limits.hpp"
#include "plan/audit_detail.hpp"

namespace kneerehab::audit_detail {
namespace {

/// A new kind of running load (docs/plan-rules.md rule 5), in the order of clinical-rules 5.
enum class stimulus { road, trail, hills, downhill, speed };
constexpr std::array<stimulus, 5> all_stimuli = {stimulus::road, stimulus::trail, stimulus::hills,
                                                 stimulus::downhill, stimulus::speed};

std::string_view name_of(stimulus s) noexcept {
  constexpr std::array<std::string_view, 5> names = {"road", "trail", "hills", "downhill", "speed"};
  return names[static_cast<std::size_t>(s)];
}

bool has(const run_session& run, stimulus s) noexcept {
  switch (s) {
    case stimulus::road:
      return run.where == surface::road;
    case stimulus::trail:
      return run.where == surface::trail;
    case stimulus::hills:
      return run.hills;
    case stimulus::downhill:
      return downhill_of(run);
    case stimulus::speed:
      return run.speed;
  }
  return false;
}

/// Hills, downhill and speed are hard runs.
bool is_hard(const run_session& run) noexcept { return run.hills || downhill_of(run) || run.speed; }

/// For each stimulus, the index of the week it first comes in (or -1); and per week, the
/// stimuli that first come in it.
struct stimulus_timeline {
  std::array<int, 5> first_week{-1, -1, -1, -1, -1};
  std::vector<std::vector<stimulus>> new_in_week;
};

stimulus_timeline timeline_of(const audit_context& ctx) {
  stimulus_timeline t;
  t.new_in_week.resize(ctx.weeks.size());
  for (const run_seen& r : ctx.runs) {
    for (const stimulus s : all_stimuli) {
      auto& first = t.first_week[static_cast<std::size_t>(s)];
      if (first < 0 && has(*r.run, s)) {
        first = static_cast<int>(r.week);
        t.new_in_week[r.week].push_back(s);
      }
    }
  }
  return t;
}

std::string names(const std::vector<stimulus>& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += i + 1 == list.size() ? " and " : ", ";
    out += name_of(list[i]);
  }
  return out;
}

/// The notice that says the target cannot carry runs of min_run_minutes (docs/plan-rules.md
/// rule 5): the plan then holds one run a week of at most the target.
/// Or that the target ends the walk/run ladder before its running reaches min_run_minutes:
/// the first continuous runs then keep the spike rule from the ladder's last step.
constexpr std::array<notice_code, 2> short_run_notices{notice_code::target_below_min_run,
                                                       notice_code::ladder_ends_below_min_run};

bool carries_notice(const plan& p, notice_code code) {
  return std::any_of(p.warnings.begin(), p.warnings.end(),
                     [code](const plan_notice& n) { return n.code == code; });
}

bool says_runs_are_short(const plan& p) {
  return std::any_of(p.warnings.begin(), p.warnings.end(), [](const plan_notice& n) {
    return std::find(short_run_notices.begin(), short_run_notices.end(), n.code) !=
           short_run_notices.end();
  });
}

bool has_running_phase(const protocol& proto) {
  return std::any_of(proto.phases.begin(), proto.phases.end(),
                     [](const phase& ph) { return ph.running.mode != running_mode::none; });
}

std::string nth(int n) {
  const int tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1              ? "st"
                       : n % 10 == 2              ? "nd"
                       : n % 10 == 3              ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

}  // namespace

void check_single_run_spike(const audit_context& ctx, finding_sink& out) {
  const double ratio = ctx.proto.load.spike_ratio;
  const date start = ctx.p.weeks.empty() ? date::earliest() : ctx.p.weeks.front().start;
  for (std::size_t i = 0; i < ctx.runs.size(); ++i) {
    const run_seen& r = ctx.runs[i];
    if (!r.continuous()) continue;
    // The longest by distance and by minutes in the 30 days before, with their dates: runs
    // of the plan and the runs before it (the training state).
    std::optional<std::pair<double, date>> by_km;
    std::optional<std::pair<double, date>> by_min;
    auto consider = [&](int day, double km, double minutes, date when) {
      if (day < r.day - spike_window_days || day >= r.day) return;
      if (!by_km || km > by_km->first) by_km = std::pair{km, when};
      if (!by_min || minutes > by_min->first) by_min = std::pair{minutes, when};
    };
    for (const logged_run& e : ctx.prior_runs) {
      consider(days_between(start, e.day), e.run.km(), e.minutes, e.day);
    }
    for (std::size_t j = 0; j < i; ++j) {
      // Walk-run sessions count by their running distance and minutes: the ladder's last
      // steps are the longest runs the first continuous runs are measured against.
      const run_seen& e = ctx.runs[j];
      consider(e.day, e.km(), e.running_minutes(), e.when);
    }
    if (!by_km) continue;  // nothing to compare with: a restart
    std::vector<std::string> broken;
    if (r.km() > ratio * by_km->first + km_tolerance) {
      broken.push_back(fmt::format("{} of the longest by distance ({} on {}; at most {})",
                                   percent_text(r.km() / by_km->first), km_text(by_km->first),
                                   day_text(by_km->second), km_text(ratio * by_km->first)));
    }
    const double minutes = r.running_minutes();
    const double longest = by_min->first;
    if (longest > 0 && minutes > ratio * longest + minute_tolerance) {
      broken.push_back(fmt::format("{} of the longest by minutes ({} on {}; at most {})",
                                   percent_text(minutes / longest), minutes_text(longest),
                                   day_text(by_min->second), minutes_text(ratio * longest)));
    }
    if (broken.empty()) continue;
    std::string what = broken.front();
    if (broken.size() > 1) what += " and " + broken.back();
    out.at(r, ctx,
           fmt::format("a run of {} ({}) is {}: no run is longer than {} of the longest run in "
                       "the previous 30 days",
                       km_text(r.km()), minutes_text(minutes), what, percent_text(ratio)));
  }
}

/// The first week after a phase held under pain monitoring (`pain-holds-first-phase`): the
/// runner restarts there as one who had stopped would (rule 8).
/// `pain_holds`: the plan carries that notice.
bool restarts_after_pain_hold(bool pain_holds, const week_seen& before, const week_seen& w) {
  return pain_holds && before.ph != nullptr && w.ph != nullptr && w.ph != before.ph &&
         before.ph->running.mode == running_mode::modified;
}

void check_weekly_increase(const audit_context& ctx, finding_sink& out) {
  const auto& load = ctx.proto.load;
  const auto& profile = ctx.request.profile;
  const bool cautious = profile.age >= load.older_age || profile.prior_injuries > 0;
  const double increase = cautious ? load.cautious_weekly_increase : load.weekly_increase;
  // Older runners and repeat injuries regain held volume as much slower as they build new
  // volume (docs/plan-rules.md, "Return to volume").
  const double regain =
      regain_increase_of(load, ctx.options.regain_weekly_increase) *
      (cautious && load.weekly_increase > 0 ? load.cautious_weekly_increase / load.weekly_increase
                                            : 1.0);
  const double baseline = ctx.baseline_km;
  const bool pain_holds = carries_notice(ctx.p, notice_code::pain_holds_first_phase);
  for (std::size_t wi = 1; wi < ctx.weeks.size(); ++wi) {
    const week_seen& w = ctx.weeks[wi];
    const week_seen& before = ctx.weeks[wi - 1];
    // A lighter week goes down; the week after one is the lighter-week rule's to check.
    if (!w.continuous_only() || w.w->lighter_week || before.w->lighter_week || before.km <= 0) {
      continue;
    }
    const double ref = before.km;
    const bool below = ref < baseline - km_tolerance;
    double allowed = below ? std::max(ref * (1 + increase), std::min(baseline, ref * (1 + regain)))
                           : ref * (1 + increase);
    // Once pain lets go of a held phase, the runner restarts as one who had stopped would: at
    // the next phase's start fraction of the volume held before (rule 8).
    if (restarts_after_pain_hold(pain_holds, before, w)) {
      const double held = baseline > 0 ? baseline : ctx.target_km;
      allowed = std::max(allowed, w.ph->running.start_fraction * held);
    }
    if (w.km <= allowed + km_tolerance) continue;
    const std::string why =
        below ? fmt::format("up to {} a week while below the pre-injury {}, {} beyond it{}",
                            percent_text(regain), km_text(baseline), percent_text(increase),
                            cautious ? " (the slower rates for age 50+ or prior injuries)" : "")
              : fmt::format("{} a week beyond the pre-injury baseline of {}{}",
                            percent_text(increase), km_text(baseline),
                            cautious ? " (the slower rate for age 50+ or prior injuries)" : "");
    out.at(*w.w, std::nullopt,
           fmt::format("{} is {} more than the {} of week {}; at most {} ({})", km_text(w.km),
                       percent_text(w.km / ref - 1), km_text(ref), before.w->number,
                       km_text(allowed), why));
  }
}

/// The distance of the shortest sensible continuous run at the runner's easy pace.
double shortest_run_km(const audit_context& ctx) {
  return ctx.request.profile.easy_pace.distance_in(ctx.options.min_run_minutes).km();
}

/// The longest run by distance in the 30 days before `day` (days since the plan's start): the
/// runs before the plan and the plan's own, walk-run sessions by their running distance.
double longest_run_before(const audit_context& ctx, int day) {
  const date start = ctx.p.weeks.empty() ? date::earliest() : ctx.p.weeks.front().start;
  double longest = 0;
  auto consider = [&](int when, double km) {
    if (when >= day - spike_window_days && when < day) longest = std::max(longest, km);
  };
  for (const logged_run& e : ctx.prior_runs) consider(days_between(start, e.day), e.run.km());
  for (const run_seen& r : ctx.runs) consider(r.day, r.km());
  return longest;
}

/// Whether a lighter week could stand in week `wi`: 20-30% below the week before, in at most
/// one run more than it, each run at least min_run_minutes and within the spike rule (the
/// planner's lighter week, docs/plan-rules.md rule 3). Just above one or two of the shortest
/// runs, none fits.
bool lighter_week_fits(const audit_context& ctx, std::size_t wi) {
  const week_seen& before = ctx.weeks[wi - 1];
  const double bound =
      ctx.proto.load.spike_ratio * longest_run_before(ctx, static_cast<int>(wi) * 7);
  const double shortest = shortest_run_km(ctx);
  for (const double cut : {lighter_cut_min, lighter_cut_max}) {
    const double volume = before.km * (1.0 - cut);
    const int runs = std::clamp(static_cast<int>(std::floor(volume / shortest)), 1,
                                std::max(1, before.runs + 1));
    const double each = volume / runs;
    // The planner keeps 20 m above the shortest run, so that rounding to 10 m keeps it.
    if ((bound <= 0 || each <= bound + km_tolerance) && each >= shortest + 0.02 - 1e-9) {
      return true;
    }
  }
  return false;
}

void check_lighter_week(const audit_context& ctx, finding_sink& out) {
  const int most = std::max(1, ctx.proto.load.deload_every - 1);
  const bool pain_holds = carries_notice(ctx.p, notice_code::pain_holds_first_phase);
  int build = 0;
  bool reported = false;
  for (std::size_t wi = 0; wi < ctx.weeks.size(); ++wi) {
    const week_seen& w = ctx.weeks[wi];
    const week_seen* before = wi > 0 ? &ctx.weeks[wi - 1] : nullptr;
    if (!w.continuous_only()) {
      build = 0;
      reported = false;
      continue;
    }
    if (before == nullptr || before->km <= 0) {
      build = 0;  // a restart
      reported = false;
    }
    if (before != nullptr && before->w->lighter_week && wi >= 2) {
      const week_seen& resume_from = ctx.weeks[wi - 2];
      if (resume_from.km > 0 && w.km > resume_from.km + km_tolerance) {
        out.at(*w.w, std::nullopt,
               fmt::format("{} is above the {} of week {}, the week before the lighter week {}: "
                           "after a lighter week the build resumes at or below the week before it",
                           km_text(w.km), km_text(resume_from.km), resume_from.w->number,
                           before->w->number));
      }
    }
    if (w.w->lighter_week) {
      if (before != nullptr && before->km > 0) {
        const double cut = 1.0 - w.km / before->km;
        if (cut < lighter_cut_min - 1e-9 - km_tolerance / before->km ||
            cut > lighter_cut_max + 1e-9 + km_tolerance / before->km) {
          out.at(
              *w.w, std::nullopt,
              fmt::format("the lighter week's {} is {} below the {} of week {}; a lighter "
                          "week is {} to {} below the week before",
                          km_text(w.km), percent_text(cut), km_text(before->km), before->w->number,
                          percent_text(lighter_cut_min), percent_text(lighter_cut_max)));
        }
      }
      build = 0;
      reported = false;
      continue;
    }
    if (ctx.at_target(w.km)) {  // at the target the build is over: holding is not building
      build = 0;
      reported = false;
      continue;
    }
    // Holding flat is not building; and below a week a 20% cut leaves without one run of
    // min_run_minutes, no lighter week can be planned (docs/plan-rules.md rule 3).
    const bool holds =
        before != nullptr && before->continuous_only() && w.km <= before->km + km_tolerance;
    // A phase held under pain monitoring builds nothing: the cycle starts after it.
    if (holds && pain_holds && w.ph != nullptr && w.ph->running.mode == running_mode::modified) {
      build = 0;
      continue;
    }
    // A week held flat where no lighter week fits takes a lighter week's place (the planner
    // holds such a week when one is due): the cycle starts again after it.
    if (holds && build > 0 && before != nullptr && !lighter_week_fits(ctx, wi)) {
      build = 0;
      reported = false;
      continue;
    }
    if (holds || (1.0 - lighter_cut_min) * w.km < shortest_run_km(ctx)) continue;
    if (before != nullptr && !lighter_week_fits(ctx, wi)) continue;
    ++build;
    if (build > most && !reported) {
      out.at(*w.w, std::nullopt,
             fmt::format("is the {} build week in a row without a lighter week; a lighter week "
                         "comes every 3-4 weeks (after at most {} build weeks)",
                         nth(build), most));
      reported = true;
    }
  }
}

void check_long_run_share(const audit_context& ctx, finding_sink& out) {
  const double share = ctx.proto.load.long_run_share;
  for (const week_seen& w : ctx.weeks) {
    if (!w.continuous_only() || w.continuous_runs < 4 || w.km <= 0) continue;
    const run_seen* longest = nullptr;
    for (const run_seen& r : ctx.runs) {
      if (ctx.weeks[r.week].w == w.w && (longest == nullptr || r.km() > longest->km())) {
        longest = &r;
      }
    }
    // "~30%": the share to the nearest percent.
    if (longest != nullptr && longest->km() > (share + 0.005) * w.km + km_tolerance) {
      out.at(*longest, ctx,
             fmt::format("the longest run, {}, is {} of the week's {}; at most {} ({}) in a week "
                         "of {} runs",
                         km_text(longest->km()), percent_text(longest->km() / w.km), km_text(w.km),
                         percent_text(share), km_text(share * w.km), w.runs));
    }
  }
}

void check_target_ceiling(const audit_context& ctx, finding_sink& out) {
  for (const week_seen& w : ctx.weeks) {
    if (w.km > ctx.target_km + km_tolerance) {
      out.at(*w.w, std::nullopt,
             fmt::format("{} is above the target of {} a week", km_text(w.km),
                         km_text(ctx.target_km)));
    }
  }
}

void check_target_reached(const audit_context& ctx, finding_sink& out) {
  if (ctx.target_km <= 0 || !has_running_phase(ctx.proto) || ctx.weeks.empty()) return;
  for (const plan_notice& n : ctx.p.warnings) {
    if (n.code != notice_code::run_days_cannot_carry_target) continue;
    // The claim holds only if the run days at max_run_minutes really carry less.
    const auto& profile = ctx.request.profile;
    const double carry = static_cast<double>(profile.run_days.size()) *
                         profile.easy_pace.distance_in(ctx.proto.load.max_run_minutes).km();
    if (n.planned &&
        n.planned->km() + 0.1 + km_tolerance < carry) {  // the planner rounds down to 0.1 km
      out.plan(
          fmt::format("the plan says its run days carry at most {} a week, but {} run days "
                      "of {} carry {}",
                      km_text(n.planned->km()), profile.run_days.size(),
                      minutes_text(ctx.proto.load.max_run_minutes), km_text(carry)));
    }
  }
  const bool says_not =
      std::any_of(ctx.p.warnings.begin(), ctx.p.warnings.end(),
                  [](const plan_notice& n) { return n.code == notice_code::target_not_reached; });
  if (ctx.first_at_target) {
    if (says_not) {
      const week_seen& w = ctx.weeks[*ctx.first_at_target];
      out.at(*w.w, std::nullopt,
             fmt::format("{} reaches the target of {}, but the plan's target-not-reached notice "
                         "says no week does",
                         km_text(w.km), km_text(ctx.target_km)));
    }
    return;
  }
  if (says_not) return;
  const auto best =
      std::max_element(ctx.weeks.begin(), ctx.weeks.end(),
                       [](const week_seen& a, const week_seen& b) { return a.km < b.km; });
  out.plan(
      fmt::format("the plan never reaches the target of {} a week (at most {}, in week {}) "
                  "and has no target-not-reached notice saying so",
                  km_text(ctx.target_km), km_text(best->km), best->w->number));
}

void check_plan_end(const audit_context& ctx, finding_sink& out) {
  if (ctx.request.weeks || !ctx.first_at_target) return;
  // Reached for good: after the last week that falls below the target other than a lighter
  // week (a target a walk/run ladder reaches before continuous running builds back to it).
  std::size_t reached = *ctx.first_at_target;
  for (std::size_t i = reached + 1; i < ctx.weeks.size(); ++i) {
    const week_seen& w = ctx.weeks[i];
    if (ctx.at_target(w.km) || w.w->lighter_week) continue;
    for (reached = i + 1; reached < ctx.weeks.size() && !ctx.at_target(ctx.weeks[reached].km);)
      ++reached;
    if (reached == ctx.weeks.size()) return;  // never back at the target: target-reached's
    i = reached;
  }
  std::optional<std::size_t> held;
  for (std::size_t i = reached + 1; i < ctx.weeks.size(); ++i) {
    if (ctx.at_target(ctx.weeks[i - 1].km) && ctx.at_target(ctx.weeks[i].km)) {
      held = i;
      break;
    }
  }
  if (!held) {
    // A plan as long as the planner makes them (plan_request_limits.max_weeks) ends there.
    if (ctx.weeks.size() >= static_cast<std::size_t>(plan_request_limits.max_weeks)) return;
    const week_seen& last = ctx.weeks.back();
    out.at(*last.w, std::nullopt,
           fmt::format("the plan ends without two weeks in a row at the target of {} (first "
                       "reached in week {}): an open-ended plan ends once the target is reached "
                       "and held for a week",
                       km_text(ctx.target_km), ctx.weeks[reached].w->number));
    return;
  }
  const stimulus_timeline t = timeline_of(ctx);
  const int final_phase = static_cast<int>(ctx.proto.phases.size()) - 1;
  std::vector<const week_seen*> extra;
  for (std::size_t i = *held + 1; i < ctx.weeks.size(); ++i) {
    const week_seen& w = ctx.weeks[i];
    const bool protocol_needs_it =
        w.ph != nullptr && (w.phase_index < final_phase || w.w->week_in_phase <= w.ph->min_weeks);
    if (t.new_in_week[i].empty() && !protocol_needs_it) extra.push_back(&w);
  }
  if (extra.empty()) return;
  out.at(
      *extra.front()->w, std::nullopt,
      fmt::format("comes after the target of {} was reached (week {}) and held (week {}) but "
                  "brings no new stimulus (road, trail, hills, downhill or speed){}: an "
                  "open-ended plan ends there or adds one new stimulus a week",
                  km_text(ctx.target_km), ctx.weeks[reached].w->number, ctx.weeks[*held].w->number,
                  extra.size() > 1 ? fmt::format(", nor do {} later weeks", extra.size() - 1)
                                   : std::string()));
}

void check_runs_per_week_step(const audit_context& ctx, finding_sink& out) {
  const bool pain_holds = carries_notice(ctx.p, notice_code::pain_holds_first_phase);
  for (std::size_t wi = 1; wi < ctx.weeks.size(); ++wi) {
    const week_seen& w = ctx.weeks[wi];
    const week_seen& before = ctx.weeks[wi - 1];
    // A restart after a pain hold may go to restart_runs at once, as after a stop.
    const int most = restarts_after_pain_hold(pain_holds, before, w)
                         ? std::max(before.runs + 1, restart_runs)
                         : before.runs + 1;
    if (before.runs > 0 && w.runs > most) {
      out.at(*w.w, std::nullopt,
             fmt::format("{} runs, up from {} in week {}; runs a week rise by at most one from "
                         "one week to the next{}",
                         w.runs, before.runs, before.w->number,
                         most > before.runs + 1
                             ? fmt::format(" ({} after a phase held for pain)", most)
                             : std::string()));
    }
  }
}

void check_min_run_minutes(const audit_context& ctx, finding_sink& out) {
  if (says_runs_are_short(ctx.p)) return;
  const double least = ctx.options.min_run_minutes;
  for (const week_seen& w : ctx.weeks) {
    const run_seen* first = nullptr;
    int count = 0;
    for (const run_seen& r : ctx.runs) {
      if (ctx.weeks[r.week].w != w.w || !r.continuous()) continue;
      if (r.running_minutes() < least - minute_tolerance) {
        if (first == nullptr) first = &r;
        ++count;
      }
    }
    if (first == nullptr) continue;
    out.at(*first, ctx,
           fmt::format("a continuous run of {} lasts {}{}; no continuous run is under {} (fewer, "
                       "longer runs at low volume) unless the plan says the target cannot carry "
                       "them",
                       km_text(first->km()), minutes_text(first->running_minutes()),
                       count > 1 ? fmt::format(" ({} such runs this week)", count) : std::string(),
                       minutes_text(least)));
  }
}

void check_one_new_stimulus_per_week(const audit_context& ctx, finding_sink& out) {
  const stimulus_timeline t = timeline_of(ctx);
  for (std::size_t wi = 0; wi < ctx.weeks.size(); ++wi) {
    const auto& fresh = t.new_in_week[wi];
    if (fresh.empty()) continue;
    const week_seen& w = ctx.weeks[wi];
    if (fresh.size() > 1) {
      out.at(*w.w, std::nullopt,
             fmt::format("brings {} in the same week; each new stimulus comes in a week of its own",
                         names(fresh)));
    }
    if (wi > 0 && ctx.weeks[wi - 1].runs > 0 && w.runs > ctx.weeks[wi - 1].runs) {
      out.at(*w.w, std::nullopt,
             fmt::format("brings {} in a week whose runs also rise (from {} to {}); one change at "
                         "a time",
                         names(fresh), ctx.weeks[wi - 1].runs, w.runs));
    }
  }
}

void check_stimulus_after_target(const audit_context& ctx, finding_sink& out) {
  const stimulus_timeline t = timeline_of(ctx);
  const double needed = ctx.options.stimulus_target_share * ctx.target_km;
  double best = 0;
  for (std::size_t wi = 0; wi < ctx.weeks.size(); ++wi) {
    const week_seen& w = ctx.weeks[wi];
    if (!t.new_in_week[wi].empty() && best < needed - km_tolerance) {
      out.at(*w.w, std::nullopt,
             fmt::format("brings {} before any week has reached {} of the target ({}; the most "
                         "so far is {})",
                         names(t.new_in_week[wi]), percent_text(ctx.options.stimulus_target_share),
                         km_text(needed), km_text(best)));
    }
    best = std::max(best, w.km);
  }
}

void check_downhill_last(const audit_context& ctx, finding_sink& out) {
  if (!downhill_last_of(ctx.proto.load)) return;
  const stimulus_timeline t = timeline_of(ctx);
  const int downhill = t.first_week[static_cast<std::size_t>(stimulus::downhill)];
  if (downhill < 0) return;
  for (const stimulus s : all_stimuli) {
    const int first = t.first_week[static_cast<std::size_t>(s)];
    if (s == stimulus::downhill || first < downhill) continue;
    out.at(*ctx.weeks[static_cast<std::size_t>(first)].w, std::nullopt,
           fmt::format("brings {} in or after the week downhill running first comes (week {}), "
                       "but the protocol puts downhill last",
                       name_of(s), ctx.weeks[static_cast<std::size_t>(downhill)].w->number));
  }
}

void check_hard_run_spacing(const audit_context& ctx, finding_sink& out) {
  auto kind = [](const run_session& run) {
    std::vector<stimulus> k;
    for (const stimulus s : {stimulus::hills, stimulus::downhill, stimulus::speed}) {
      if (has(run, s)) k.push_back(s);
    }
    return names(k);
  };
  for (std::size_t i = 0; i < ctx.runs.size(); ++i) {
    const run_seen& r = ctx.runs[i];
    if (!is_hard(*r.run)) continue;
    if (i > 0) {
      const run_seen& before = ctx.runs[i - 1];
      if (r.day - before.day == 1 && is_hard(*before.run)) {
        out.at(r, ctx,
               fmt::format("a hard run ({}) the day after another hard run ({}, {}); hard runs "
                           "never fall on consecutive days",
                           kind(*r.run), kind(*before.run), day_text(before.when)));
      }
    }
    for (std::size_t j = i + 1; j < ctx.runs.size() && ctx.runs[j].day <= r.day + 1; ++j) {
      if (ctx.runs[j].day == r.day + 1 && ctx.runs[j].run->long_run) {
        out.at(r, ctx,
               fmt::format("a hard run ({}) the day before the long run ({}, {})", kind(*r.run),
                           km_text(ctx.runs[j].km()), day_text(ctx.runs[j].when)));
      }
    }
  }
}

}  // namespace kneerehab::audit_detail
