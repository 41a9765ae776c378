// audit_plan: builds the context every check reads (the weeks, the runs, where the target is
// first reached) and runs one check per clause of docs/plan-rules.md, in the order of
// all_audit_rules. The checks live in audit_shape.cpp, audit_ladder.cpp and audit_load.cpp.
#include "kneerehab/plan/audit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "kneerehab/core/error.hpp"
#include "kneerehab/core/ids.hpp"
#include "plan/audit_detail.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab {
namespace {

using namespace audit_detail;

struct rule_entry {
  audit_rule rule;
  std::string_view name;
  std::string_view clause;
  check_fn check;
};

constexpr std::array<rule_entry, std::size(all_audit_rules)> rule_table = {{
    {audit_rule::calendar, "calendar",
     "plan shape: weeks of 7 consecutive days without gaps, the length asked for, the "
     "protocol's phases in order, run totals that add up, well-formed sessions",
     check_calendar},
    {audit_rule::running_allowed, "running-allowed",
     "rule 1: no running before the protocol's first phase that allows it, nor in a phase "
     "without running",
     check_running_allowed},
    {audit_rule::run_day, "run-day", "rule 1: runs only on the runner's run days", check_run_day},
    {audit_rule::run_kind_allowed, "run-kind-allowed",
     "rules 1 and 5: surface, hills, downhill and speed only where the phase allows them",
     check_run_kind_allowed},
    {audit_rule::ladder_rest_day, "ladder-rest-day",
     "rule 2: no walk-run session on the day before or after another run", check_ladder_rest_day},
    {audit_rule::ladder_runs_per_week, "ladder-runs-per-week",
     "rule 2: at most 4 runs in a week of the walk/run ladder", check_ladder_runs_per_week},
    {audit_rule::ladder_step_repeats, "ladder-step-repeats",
     "rule 2: each ladder step done at least twice before the next", check_ladder_step_repeats},
    {audit_rule::ladder_steps_per_week, "ladder-steps-per-week",
     "rule 2: never more than 2 new ladder steps in 7 days", check_ladder_steps_per_week},
    {audit_rule::ladder_order, "ladder-order",
     "rule 2: ladder steps are the ladder's own and never go backwards", check_ladder_order},
    {audit_rule::ladder_fits_phase, "ladder-fits-phase",
     "rule 2: a phase with a ladder lasts until its ladder is done (no walk-run session in a "
     "later phase)",
     check_ladder_fits_phase},
    {audit_rule::first_continuous_run, "first-continuous-run",
     "rule 2: the first continuous run is no longer, in minutes, than the ladder's last step's "
     "running time plus 10%",
     check_first_continuous_run},
    {audit_rule::single_run_spike, "single-run-spike",
     "rule 3: no run longer than 110% of the longest run in the previous 30 days, by distance "
     "and by minutes",
     check_single_run_spike},
    {audit_rule::weekly_increase, "weekly-increase",
     "rule 3: weekly volume up at most 10% a week (5% from age 50 or after prior injuries) "
     "beyond the pre-injury baseline, faster below it",
     check_weekly_increase},
    {audit_rule::lighter_week, "lighter-week",
     "rule 3: a lighter week every 3-4 weeks of build, 20-30% below the week before, then the "
     "build resumes at or below the week before it",
     check_lighter_week},
    {audit_rule::long_run_share, "long-run-share",
     "rule 3: in a week of 4 or more runs, no run above ~30% of the week", check_long_run_share},
    {audit_rule::target_ceiling, "target-ceiling", "rule 4: weekly volume never above the target",
     check_target_ceiling},
    {audit_rule::target_reached, "target-reached",
     "rule 4: a plan that does not reach the target says so (and one that does, does not)",
     check_target_reached},
    {audit_rule::plan_end, "plan-end",
     "rule 4: a plan without --weeks ends once the target is reached and held for a week (later "
     "weeks only to bring in one new stimulus each)",
     check_plan_end},
    {audit_rule::runs_per_week_step, "runs-per-week-step",
     "rule 5: runs a week rise by at most one from one week to the next", check_runs_per_week_step},
    {audit_rule::min_run_minutes, "min-run-minutes",
     "rule 5: no continuous run under 15 minutes (unless the plan says the target cannot carry "
     "them)",
     check_min_run_minutes},
    {audit_rule::one_new_stimulus_per_week, "one-new-stimulus-per-week",
     "rule 5: road, trail, hills, downhill and speed each come in a week of their own",
     check_one_new_stimulus_per_week},
    {audit_rule::stimulus_after_target, "stimulus-after-target",
     "rule 5: a new stimulus only once weekly volume has reached 90% of the target",
     check_stimulus_after_target},
    {audit_rule::downhill_last, "downhill-last", "rule 5: downhill last where the protocol says so",
     check_downhill_last},
    {audit_rule::hard_run_spacing, "hard-run-spacing",
     "rule 5: no hard run (hills, downhill, speed) on consecutive days or the day before the "
     "long run",
     check_hard_run_spacing},
    {audit_rule::barred_exercise, "barred-exercise",
     "rule 6: barred exercises never appear in the phases that bar them, notes included",
     check_barred_exercise},
    {audit_rule::entry_criteria_vs_bars, "entry-criteria-vs-bars",
     "rule 6: entry criteria never test what the phase before them bars",
     check_entry_criteria_vs_bars},
    {audit_rule::pain_referral, "pain-referral",
     "rule 7: daily pain at or above the referral threshold (8/10) refers, never plans",
     check_pain_referral},
    {audit_rule::pain_hold, "pain-hold",
     "rule 7: pain above the protocol's hold threshold: the plan starts without running",
     check_pain_hold},
    {audit_rule::session_size, "session-size",
     "rule 9: a strength session holds at most 6 exercises (the protocol's [sessions] "
     "max_exercises)",
     check_session_size},
    {audit_rule::session_minutes, "session-minutes",
     "rule 9: a strength session states its estimated minutes", check_session_minutes},
    {audit_rule::high_load_spacing, "high-load-spacing",
     "planner: high-load exercises for the same muscles never on consecutive days",
     check_high_load_spacing},
}};

constexpr bool table_in_order() {
  for (std::size_t i = 0; i < rule_table.size(); ++i) {
    if (rule_table[i].rule != all_audit_rules[i]) return false;
  }
  return true;
}
static_assert(table_in_order(), "rule_table follows all_audit_rules");

const rule_entry& entry(audit_rule rule) noexcept {
  return rule_table[static_cast<std::size_t>(rule)];
}

std::string trimmed_number(double value, int decimals) {
  std::string s = fmt::format("{:.{}f}", value, decimals);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

const plan_notice* cannot_carry_notice(const plan& p) {
  for (const plan_notice& n : p.warnings) {
    if (n.code == notice_code::run_days_cannot_carry_target) return &n;
  }
  return nullptr;
}

audit_context make_context(const catalogue& cat, const protocol& proto, const plan_request& request,
                           const plan& p, const audit_options& options) {
  const auto& profile = request.profile;
  audit_context ctx{.cat = cat,
                    .proto = proto,
                    .request = request,
                    .p = p,
                    .options = options,
                    .target_km = profile.target.value_or(profile.baseline).km(),
                    // A baseline of 0 restarts from the target (notice baseline-zero).
                    .baseline_km = profile.baseline.km() > 0
                                       ? profile.baseline.km()
                                       : profile.target.value_or(profile.baseline).km(),
                    .weeks = {},
                    .runs = {},
                    .prior_runs = {},
                    .first_at_target = std::nullopt};
  if (!p.weeks.empty()) {
    const date start = p.weeks.front().start;
    ctx.prior_runs =
        request.state ? request.state->recent_runs
                      : training_state_from_profile(profile, start, proto.load.restart_run_minutes)
                            .recent_runs;
    std::erase_if(ctx.prior_runs, [&](const logged_run& r) {
      return days_between(start, r.day) >= 0 || !r.continuous;
    });
  }
  ctx.weeks.reserve(p.weeks.size());
  for (std::size_t wi = 0; wi < p.weeks.size(); ++wi) {
    const plan_week& w = p.weeks[wi];
    week_seen seen;
    seen.w = &w;
    for (std::size_t i = 0; i < proto.phases.size(); ++i) {
      if (proto.phases[i].id == w.phase_id) {
        seen.ph = &proto.phases[i];
        seen.phase_index = static_cast<int>(i);
        break;
      }
    }
    for (std::size_t k = 0; k < w.days.size(); ++k) {
      for (const session& s : w.days[k].sessions) {
        if (!s.run) continue;
        run_seen r{.day = static_cast<int>(wi * 7 + k),
                   .week = wi,
                   .s = &s,
                   .run = &*s.run,
                   .when = w.days[k].day};
        ++seen.runs;
        if (r.continuous()) {
          ++seen.continuous_runs;
        } else {
          ++seen.walk_runs;
        }
        seen.km += r.km();
        ctx.runs.push_back(r);
      }
    }
    ctx.weeks.push_back(seen);
  }
  // When the run days cannot carry the target (rule 4), the plan says so at the top and
  // builds to what they carry: that is the target the weekly rules hold it to.
  if (const plan_notice* n = cannot_carry_notice(p)) {
    if (n->planned) ctx.target_km = std::min(ctx.target_km, n->planned->km());
  }
  if (ctx.target_km > 0) {
    for (std::size_t i = 0; i < ctx.weeks.size(); ++i) {
      if (ctx.at_target(ctx.weeks[i].km)) {
        ctx.first_at_target = i;
        break;
      }
    }
  }
  return ctx;
}

}  // namespace

namespace audit_detail {

double run_seen::running_minutes() const noexcept {
  if (continuous()) return run->minutes;
  double seconds = 0;
  for (const auto& i : run->intervals) seconds += static_cast<double>(i.run_s) * i.repeat;
  return seconds / 60.0;
}

bool reaches(double km, double target) noexcept { return detail::volume_reaches(km, target); }

bool audit_context::at_target(double km) const noexcept { return reaches(km, target_km); }

void finding_sink::at(const plan_week& w, std::optional<date> day, const std::string& what) {
  std::string where = day ? fmt::format("week {}, {}: ", w.number, day_text(*day))
                          : fmt::format("week {}: ", w.number);
  out_.push_back({.rule = rule_, .week = w.number, .day = day, .message = where + what});
}

void finding_sink::at(const run_seen& r, const audit_context& ctx, const std::string& what) {
  at(*ctx.weeks[r.week].w, r.when, what);
}

void finding_sink::plan(const std::string& what) {
  out_.push_back({.rule = rule_, .week = 0, .day = std::nullopt, .message = what});
}

std::string km_text(double km) { return trimmed_number(km, 2) + " km"; }
std::string minutes_text(double minutes) { return trimmed_number(minutes, 1) + " min"; }
std::string percent_text(double ratio) { return trimmed_number(ratio * 100.0, 1) + "%"; }

std::string day_text(date d) {
  std::string name(to_string(d.day_of_week()));
  if (!name.empty()) name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name + " " + d.iso();
}

std::string phase_label(const week_seen& w) {
  return w.ph != nullptr ? fmt::format("'{}' ({})", w.ph->name, w.ph->id)
                         : fmt::format("'{}'", w.w->phase_id);
}

}  // namespace audit_detail

std::string_view to_string(audit_rule rule) noexcept { return entry(rule).name; }

std::optional<audit_rule> parse_audit_rule(std::string_view text) noexcept {
  for (const auto& e : rule_table) {
    if (e.name == text) return e.rule;
  }
  return std::nullopt;
}

std::string_view describe(audit_rule rule) noexcept { return entry(rule).clause; }

bool is_checked(audit_rule rule) noexcept {
  if (rule == audit_rule::downhill_last) {
    return has_downhill_field<run_session> && has_downhill_last_field<load_rules>;
  }
  return true;
}

std::vector<audit_finding> audit_plan(const catalogue& cat, const plan_request& request,
                                      const plan& p, const audit_options& options) {
  const protocol* proto = cat.find_protocol(p.protocol_id);
  if (proto == nullptr) {
    throw error::not_found(unknown_id_message("protocol", p.protocol_id, ids_of(cat.protocols())));
  }
  const audit_context ctx = make_context(cat, *proto, request, p, options);
  std::vector<audit_finding> all;
  for (const auto& e : rule_table) {
    const std::size_t first = all.size();
    finding_sink sink(e.rule, all);
    e.check(ctx, sink);
    std::stable_sort(
        all.begin() + static_cast<std::ptrdiff_t>(first), all.end(),
        [](const audit_finding& a, const audit_finding& b) { return a.week < b.week; });
  }
  return all;
}

std::optional<int> weeks_to_target(const plan& p) {
  const double target = p.target.km();
  for (const auto& w : p.weeks) {
    double km = 0;
    for (const auto& d : w.days) {
      for (const auto& s : d.sessions) {
        if (s.run) km += s.run->run.km();
      }
    }
    if (reaches(km, target)) return w.number;
  }
  return std::nullopt;
}

}  // namespace kneerehab
