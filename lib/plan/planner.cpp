// make_plan: validate, run the safety gate, resolve the protocol, then lay out phases, runs
// and sessions (lib/planner/*.cpp). A pure function of the catalogue and the request.
#include "kneerehab/plan/planner.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "kneerehab/core/error.hpp"
#include "kneerehab/plan/safety.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab {
namespace {

struct resolved {
  const condition* cond = nullptr;  ///< may be null when a protocol names an unknown condition
  const protocol* proto = nullptr;  ///< null for referral-only conditions
};

/// The condition's protocol for an operated lesion: its one protocol other than the default
/// (runner_profile::operated).
const protocol& operated_protocol(const catalogue& cat, const condition& cond) {
  std::vector<const protocol*> others;
  for (const auto& p : cat.protocols()) {
    if (p.condition_id == cond.id && p.id != cond.protocol_id) others.push_back(&p);
  }
  if (others.size() == 1) return *others.front();
  if (others.empty()) {
    throw error::invalid_input(
        fmt::format("--surgery: condition '{}' has no protocol for an operated lesion (only {}); "
                    "leave out --surgery, or name a protocol with --protocol",
                    cond.id, cond.protocol_id.value_or("none")));
  }
  std::vector<std::string> ids;
  for (const protocol* p : others) ids.push_back(p->id);
  throw error::invalid_input(
      fmt::format("--surgery: condition '{}' has several protocols besides '{}' ({}); name the "
                  "one for the operation with --protocol",
                  cond.id, cond.protocol_id.value_or("none"), fmt::join(ids, ", ")));
}

resolved resolve(const catalogue& cat, const plan_request& request) {
  resolved r;
  if (!request.condition_id.empty()) {
    r.cond = cat.find_condition(request.condition_id);
    if (r.cond == nullptr) {
      throw error::not_found(
          unknown_id_message("condition", request.condition_id, ids_of(cat.conditions())));
    }
  }
  if (!request.protocol_id.empty()) {
    r.proto = cat.find_protocol(request.protocol_id);
    if (r.proto == nullptr) {
      throw error::not_found(
          unknown_id_message("protocol", request.protocol_id, ids_of(cat.protocols())));
    }
    r.cond = cat.find_condition(r.proto->condition_id);
    if (request.profile.operated && r.cond != nullptr && r.cond->protocol_id == r.proto->id) {
      throw error::invalid_input(fmt::format(
          "--surgery: protocol '{}' is for a lesion that was not operated; leave out --surgery, "
          "or plan --condition {} --surgery",
          r.proto->id, r.cond->id));
    }
    return r;
  }
  if (r.cond->referral_only || !r.cond->protocol_id) return r;
  if (request.profile.operated) {
    r.proto = &operated_protocol(cat, *r.cond);
    return r;
  }
  r.proto = cat.find_protocol(*r.cond->protocol_id);
  if (r.proto == nullptr) {
    throw error::not_found(
        fmt::format("condition '{}' names protocol '{}', which is not in the "
                    "catalogue",
                    r.cond->id, *r.cond->protocol_id));
  }
  return r;
}

bool has_running(const protocol& proto) {
  return std::any_of(proto.phases.begin(), proto.phases.end(),
                     [](const phase& ph) { return ph.running.mode != running_mode::none; });
}

void symptom_warnings(const catalogue& cat, const runner_profile& profile,
                      detail::warning_list& warnings) {
  // screen_symptoms already returned any red flag; what is left is recorded.
  for (const auto& id : profile.symptoms) {
    const symptom* s = cat.find_symptom(id);
    if (s == nullptr) continue;
    plan_notice n(notice_code::symptom_not_red_flag);
    n.symptom_id = s->id;
    n.symptom = s->description;
    if (s->red_flag && s->min_age) {
      n.code = notice_code::symptom_red_flag_from_age;
      n.min_age = *s->min_age;
      n.age = profile.age;
    }
    warnings.add(std::move(n));
  }
}

// What the condition says about this runner: a recurrent injury to refer, an unusual age.
void condition_warnings(const condition* cond, const runner_profile& profile,
                        detail::warning_list& warnings) {
  if (cond == nullptr) return;
  if (cond->refer_min_prior_injuries && profile.prior_injuries >= *cond->refer_min_prior_injuries) {
    plan_notice n(notice_code::orthopaedic_referral);
    n.prior_injuries = profile.prior_injuries;
    n.condition_id = cond->id;
    n.condition_name = cond->name;
    warnings.add(std::move(n));
  }
  if (const auto& ages = cond->typical_age;
      ages && (profile.age < ages->min_years || profile.age > ages->max_years)) {
    plan_notice n(notice_code::age_outside_typical_range);
    n.age = profile.age;
    n.min_age = ages->min_years;
    n.max_age = ages->max_years;
    n.condition_id = cond->id;
    n.condition_name = cond->name;
    warnings.add(std::move(n));
  }
}

void profile_warnings(const protocol& proto, const runner_profile& profile, distance target,
                      detail::warning_list& warnings) {
  const auto& load = proto.load;
  const double slow = load.cautious_weekly_increase * 100.0;
  const double normal = load.weekly_increase * 100.0;
  if (has_running(proto) && profile.run_days.size() <= 2) {
    plan_notice n(notice_code::few_run_days);
    n.run_days = static_cast<int>(profile.run_days.size());
    warnings.add(std::move(n));
  }
  const double base = profile.baseline.km();
  if (base > 0 && target.km() > base * (1.0 + load.warn_increase)) {
    plan_notice n(notice_code::target_far_above_baseline);
    n.target = target;
    n.baseline = profile.baseline;
    n.percent = (target.km() / base - 1.0) * 100.0;
    n.limit_percent = load.warn_increase * 100.0;
    warnings.add(std::move(n));
  } else if (base <= 0 && target.km() > 0) {
    plan_notice n(notice_code::baseline_zero);
    n.target = target;
    warnings.add(std::move(n));
  }
  if (profile.current > profile.baseline) {
    plan_notice n(notice_code::current_above_baseline);
    n.baseline = profile.baseline;
    n.current = profile.current;
    warnings.add(std::move(n));
  }
  if (profile.age >= load.older_age) {
    plan_notice n(notice_code::older_age_slower_build);
    n.percent = slow;
    n.limit_percent = normal;
    n.age = profile.age;
    warnings.add(std::move(n));
  }
  if (profile.prior_injuries > 0) {
    plan_notice n(notice_code::prior_injuries_slower_build);
    n.percent = slow;
    n.limit_percent = normal;
    n.prior_injuries = profile.prior_injuries;
    warnings.add(std::move(n));
  }
}

/// True when some full (not lighter) week plans the target (less 10 m of rounding a run).
bool reaches_target(const std::vector<plan_week>& weeks, distance target) {
  return std::any_of(weeks.begin(), weeks.end(), [&](const plan_week& w) {
    return !w.lighter_week && detail::volume_reaches(w.run_total.km(), target.km());
  });
}

void warn_if_target_not_reached(const std::vector<plan_week>& weeks, distance target,
                                detail::warning_list& warnings) {
  if (target.km() <= 0 || weeks.empty()) return;
  if (reaches_target(weeks, target)) return;
  distance best;
  for (const auto& w : weeks) best = std::max(best, w.run_total);
  plan_notice n(notice_code::target_not_reached);
  n.target = target;
  n.planned = best;
  warnings.add(std::move(n));
}

/// The weekly volume the run days can carry at sensible run lengths (rule 4): at most
/// max_run_minutes a run on every run day. A smaller target than one min_run_minutes run is
/// planned as it is, and said.
distance runnable_target(const protocol& proto, const runner_profile& profile, distance target,
                         detail::warning_list& warnings) {
  if (target.km() <= 0 || !has_running(proto)) return target;
  const auto& load = proto.load;
  const double days = static_cast<double>(profile.run_days.size());
  const distance longest = profile.easy_pace.distance_in(load.max_run_minutes);
  const distance carried = distance::from_km(std::floor(days * longest.km() * 10.0) / 10.0);
  if (target > carried) {
    plan_notice n(notice_code::run_days_cannot_carry_target);
    n.run_days = static_cast<int>(days);
    n.target = target;
    n.planned = carried;
    n.minutes = load.max_run_minutes;
    warnings.add(std::move(n));
    return carried;
  }
  if (target < profile.easy_pace.distance_in(load.min_run_minutes)) {
    plan_notice n(notice_code::target_below_min_run);
    n.target = target;
    n.minutes = load.min_run_minutes;
    warnings.add(std::move(n));
  }
  return target;
}

plan build_plan(const catalogue& cat, const condition* cond, const protocol& proto,
                const plan_request& request) {
  const runner_profile& profile = request.profile;
  const distance target = profile.target.value_or(profile.baseline);
  detail::warning_list warnings;
  condition_warnings(cond, profile, warnings);
  symptom_warnings(cat, profile, warnings);
  profile_warnings(proto, profile, target, warnings);

  const date start = *profile.start;  // validate_request checked it is set
  const training_state state =
      request.state ? *request.state
                    : training_state_from_profile(profile, start, proto.load.restart_run_minutes);
  const auto& load = proto.load;

  detail::plan_context ctx{.cat = &cat,
                           .proto = &proto,
                           .profile = &profile,
                           .state = &state,
                           .start = start,
                           .target = runnable_target(proto, profile, target, warnings),
                           .min_run = profile.easy_pace.distance_in(load.min_run_minutes),
                           .max_run = profile.easy_pace.distance_in(load.max_run_minutes),
                           .cautious = profile.age >= load.older_age || profile.prior_injuries > 0,
                           .pain_stops_running = state.pain.value() > proto.pain.hold_max,
                           .pain_holds = state.pain.value() > proto.pain.progress_max,
                           .is_run_day = {}};
  for (weekday d : profile.run_days) ctx.is_run_day[static_cast<std::size_t>(d)] = true;

  auto spans = detail::layout_phases(proto, profile, state.pain, warnings);
  // Without a fixed length, the final (continuous) phase runs on until the build is complete:
  // the target reached and held a week, every stimulus it allows introduced (rule 4).
  const detail::plan_length length{
      .fixed = request.weeks,
      .open_ended = !request.weeks && ctx.target.km() > 0 &&
                    proto.phases.back().running.mode == running_mode::continuous,
      .longest = plan_request_limits.max_weeks};
  std::vector<plan_week> weeks = detail::plan_weeks(ctx, spans, length, warnings);
  warn_if_target_not_reached(weeks, ctx.target, warnings);
  detail::plan_sessions(ctx, spans, weeks, warnings);

  const int days = static_cast<int>(weeks.size()) * 7;
  plan p{.condition_id = cond != nullptr ? cond->id : proto.condition_id,
         .condition_name = cond != nullptr ? cond->name : proto.condition_id,
         .protocol_id = proto.id,
         .protocol_name = proto.name,
         .start = start,
         .end = start.plus_days(days - 1),
         .weeks = std::move(weeks),
         .warnings = std::move(warnings).take_referrals_first(),
         .advice = {},
         .sources = proto.sources,
         .baseline = profile.baseline,
         .target = target,
         .easy_pace = profile.easy_pace,
         .pain = proto.pain};
  p.advice.reserve(proto.advice.size());
  for (const auto& a : proto.advice) p.advice.push_back(a.text);
  return p;
}

}  // namespace

plan_outcome make_plan(const catalogue& cat, const plan_request& request) {
  // The safety gate comes first: a referral is never hidden behind invalid input or a typo
  // (safety_gate screens an age out of range as the oldest age).
  if (auto r = safety_gate(cat, request)) return *r;
  // No red flag among the known symptoms: now an unknown one is reported.
  (void)screen_symptoms(cat, request.profile.symptoms, request.profile.age);
  validate_request(request);
  const resolved ids = resolve(cat, request);
  if (ids.proto == nullptr) return referral_for_condition(*ids.cond);
  return build_plan(cat, ids.cond, *ids.proto, request);
}

namespace detail {

std::vector<plan_notice> warning_list::take_referrals_first() && {
  std::stable_partition(items_.begin(), items_.end(),
                        [](const plan_notice& n) { return is_referral(n.code); });
  return std::move(items_);
}

void warning_list::add(plan_notice notice) {
  if (std::find(items_.begin(), items_.end(), notice) == items_.end()) {
    items_.push_back(std::move(notice));
  }
}

bool mentions_ice(std::string_view text) noexcept {
  // ASCII letters, as std::isalpha and std::tolower see them in the "C" locale, inline.
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_letter(text[i])) ++i;
    const std::size_t begin = i;
    while (i < text.size() && is_letter(text[i])) ++i;
    const std::string_view word = text.substr(begin, i - begin);
    if (word.size() < 3 || word.size() > 5) continue;
    for (std::string_view ice : {"ice", "icing", "iced"}) {
      if (word.size() == ice.size() && std::equal(word.begin(), word.end(), ice.begin(),
                                                  [&](char a, char b) { return lower(a) == b; })) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace detail
}  // namespace kneerehab
