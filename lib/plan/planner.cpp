// make_plan: validate, run the safety gate, resolve the protocol, then lay out phases, runs
// and sessions (lib/planner/*.cpp). A pure function of the catalogue and the request.
#include "kneerehab/plan/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "kneerehab/core/error.hpp"
#include "kneerehab/plan/safety.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab {
namespace {

constexpr double max_weekly_km = 250.0;
constexpr int min_age = 10;
constexpr int max_age = 100;
constexpr int max_prior_injuries = 20;
constexpr int max_weeks = 104;
constexpr int days_before_today = 365;
constexpr int days_after_today = 730;
constexpr std::string_view all_days = "mon,tue,wed,thu,fri,sat,sun";

void check_volume(std::string_view what, distance d) {
  if (d.km() > max_weekly_km) {
    throw error::invalid_input(
        fmt::format("{} weekly volume {:g} km is not valid; accepted: 0 to {:g} km", what, d.km(),
                    max_weekly_km));
  }
}

void check_run_days(const std::vector<weekday>& days) {
  if (days.empty()) {
    throw error::invalid_input(
        fmt::format("no run days given; accepted: one or more of {}", all_days));
  }
  std::array<bool, 7> seen{};
  for (weekday d : days) {
    auto& flag = seen[static_cast<std::size_t>(d)];
    if (flag) {
      throw error::invalid_input(fmt::format(
          "run day {} is given twice; accepted: each of {} at most once", to_string(d), all_days));
    }
    flag = true;
  }
}

void check_start(date start, date today) {
  const date earliest = today.plus_days(-days_before_today);
  const date latest = today.plus_days(days_after_today);
  if (start < earliest) {
    throw error::invalid_input(
        fmt::format("start {} is more than a year before today ({}); accepted: {} to {}",
                    start.iso(), today.iso(), earliest.iso(), latest.iso()));
  }
  if (start > latest) {
    throw error::invalid_input(
        fmt::format("start {} is more than two years after today ({}); accepted: {} to {}",
                    start.iso(), today.iso(), earliest.iso(), latest.iso()));
  }
}

void check_range(std::string_view what, int value, int low, int high) {
  if (value < low || value > high) {
    throw error::invalid_input(
        fmt::format("{} {} is not valid; accepted: {} to {}", what, value, low, high));
  }
}

struct resolved {
  const condition* cond = nullptr;  ///< may be null when a protocol names an unknown condition
  const protocol* proto = nullptr;  ///< null for referral-only conditions
};

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
    return r;
  }
  if (r.cond->referral_only || !r.cond->protocol_id) return r;
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
    if (s->red_flag && s->min_age) {
      warnings.add(fmt::format(
          "symptom '{}' ({}) is a red flag only from age {}; at {} the plan goes ahead, but see "
          "a clinician if it does not settle",
          s->id, s->description, *s->min_age, profile.age));
    } else {
      warnings.add(fmt::format(
          "symptom '{}' ({}) is not a red flag: the plan goes ahead; tell your clinician if it "
          "persists or gets worse",
          s->id, s->description));
    }
  }
}

void profile_warnings(const protocol& proto, const runner_profile& profile, distance target,
                      detail::warning_list& warnings) {
  const auto& load = proto.load;
  const double slow = load.cautious_weekly_increase * 100.0;
  const double normal = load.weekly_increase * 100.0;
  if (has_running(proto) && profile.run_days.size() <= 2) {
    warnings.add(fmt::format(
        "only {} run day(s) a week: each run carries a large share of the week, so weekly "
        "volume stays lower; 3 or more run days spread the load",
        profile.run_days.size()));
  }
  const double base = profile.baseline.km();
  if (base > 0 && target.km() > base * (1.0 + load.warn_increase)) {
    warnings.add(fmt::format(
        "target {} a week is {:.0f}% above the baseline of {} (more than {:g}%): the plan "
        "builds toward it at the weekly cap and may end below it",
        detail::format_km(target.km()), (target.km() / base - 1.0) * 100.0, detail::format_km(base),
        load.warn_increase * 100.0));
  } else if (base <= 0 && target.km() > 0) {
    warnings.add(fmt::format("baseline is 0 km: running restarts from the target of {} instead",
                             detail::format_km(target.km())));
  }
  if (profile.current > profile.baseline) {
    warnings.add(fmt::format(
        "current weekly volume {} is above the pre-injury baseline of {}: check both numbers",
        detail::format_km(profile.current.km()), detail::format_km(base)));
  }
  if (profile.age >= load.older_age) {
    warnings.add(
        fmt::format("age {}: slower progression used ({:g}% weekly increase instead of {:g}%) and "
                    "phases may be longer",
                    profile.age, slow, normal));
  }
  if (profile.prior_injuries > 0) {
    warnings.add(fmt::format(
        "{} prior injur{} of this kind: slower progression used ({:g}% weekly increase instead "
        "of {:g}%) and phases may be longer",
        profile.prior_injuries, profile.prior_injuries == 1 ? "y" : "ies", slow, normal));
  }
}

int total_weeks(const std::vector<detail::phase_span>& spans) {
  int weeks = 0;
  for (const auto& span : spans) weeks += span.weeks;
  return weeks;
}

/// The build is complete when a full (not lighter) week plans at least 90% of the target, or
/// when the cap has reached the target and the planned volume stops growing (too few run days
/// to hold the whole target under the long-run share).
bool reaches_target(const plan_week& week, const plan_week* previous_full, distance target) {
  if (week.lighter_week || week.run_total.km() <= 0) return false;
  if (week.run_total.km() >= 0.9 * target.km()) return true;
  return week.run_cap.km() >= target.km() - 0.05 && previous_full != nullptr &&
         week.run_total.km() <= previous_full->run_total.km() + 0.05;
}

/// Index of the first week from `from` on that completes the build, or weeks.size().
std::size_t first_week_at_target(const std::vector<plan_week>& weeks, std::size_t from,
                                 distance target) {
  const plan_week* previous_full = nullptr;
  for (std::size_t i = from; i < weeks.size(); ++i) {
    if (reaches_target(weeks[i], previous_full, target)) return i;
    if (!weeks[i].lighter_week) previous_full = &weeks[i];
  }
  return weeks.size();
}

/// Cuts an open-ended plan after the first week that reaches the target (never before the
/// protocol's own length), and says how much the final phase grew.
void end_when_target_reached(std::vector<detail::phase_span>& spans, std::vector<plan_week>& weeks,
                             int laid_out, distance target, detail::warning_list& warnings) {
  const auto first_final = static_cast<std::size_t>(spans.back().first_week);
  const std::size_t at_target = first_week_at_target(weeks, first_final, target);
  const std::size_t keep = at_target == weeks.size()
                               ? weeks.size()
                               : std::max(at_target + 1, static_cast<std::size_t>(laid_out));
  weeks.erase(weeks.begin() + static_cast<std::ptrdiff_t>(keep), weeks.end());
  spans.back().weeks = static_cast<int>(keep) - spans.back().first_week;
  const int extra = static_cast<int>(keep) - laid_out;
  if (extra > 0) {
    warnings.add(fmt::format(
        "the final phase '{}' is extended by {} week{} so that weekly volume can reach the "
        "target of {} within the load rules",
        spans.back().ph->name, extra, extra == 1 ? "" : "s", detail::format_km(target.km())));
  }
}

void warn_if_target_not_reached(const std::vector<plan_week>& weeks, distance target,
                                detail::warning_list& warnings) {
  if (target.km() <= 0 || weeks.empty()) return;
  if (first_week_at_target(weeks, 0, target) < weeks.size()) return;
  double best = 0;
  for (const auto& w : weeks) best = std::max(best, w.run_total.km());
  warnings.add(fmt::format(
      "the plan ends before weekly volume reaches the target of {} (at most {} a week is "
      "planned); continue the final phase's build, or plan more weeks",
      detail::format_km(target.km()), detail::format_km(best)));
}

plan build_plan(const catalogue& cat, const condition* cond, const protocol& proto,
                const plan_request& request) {
  const runner_profile& profile = request.profile;
  const distance target = profile.target.value_or(profile.baseline);
  detail::warning_list warnings;
  symptom_warnings(cat, profile, warnings);
  profile_warnings(proto, profile, target, warnings);

  detail::plan_context ctx;
  ctx.cat = &cat;
  ctx.proto = &proto;
  ctx.profile = &profile;
  ctx.target = target;
  ctx.cautious = profile.age >= proto.load.older_age || profile.prior_injuries > 0;
  for (weekday d : profile.run_days) ctx.is_run_day[static_cast<std::size_t>(d)] = true;

  auto spans = detail::layout_phases(proto, profile, request.weeks, warnings);
  // Without a fixed length, the final (continuous) phase runs on until the weekly volume may
  // reach the target: the load rules decide how long that takes, not the protocol's table.
  const bool open_ended = !request.weeks && target.km() > 0 &&
                          proto.phases.back().running.mode == running_mode::continuous;
  const int laid_out = total_weeks(spans);
  if (open_ended) spans.back().weeks += max_weeks - laid_out;
  std::vector<plan_week> weeks = detail::dated_weeks(spans, profile.start);
  detail::plan_running(ctx, spans, weeks, warnings);
  if (open_ended) end_when_target_reached(spans, weeks, laid_out, target, warnings);
  warn_if_target_not_reached(weeks, target, warnings);
  detail::plan_sessions(ctx, spans, weeks, warnings);

  const int days = static_cast<int>(weeks.size()) * 7;
  plan p{.condition_id = cond != nullptr ? cond->id : proto.condition_id,
         .condition_name = cond != nullptr ? cond->name : proto.condition_id,
         .protocol_id = proto.id,
         .protocol_name = proto.name,
         .start = profile.start,
         .end = profile.start.plus_days(days - 1),
         .weeks = std::move(weeks),
         .warnings = std::move(warnings).take(),
         .advice = {},
         .sources = proto.sources,
         .baseline = profile.baseline,
         .target = target,
         .easy_pace = profile.easy_pace};
  p.advice.reserve(proto.advice.size());
  for (const auto& a : proto.advice) p.advice.push_back(a.text);
  return p;
}

}  // namespace

void validate_request(const plan_request& request) {
  const runner_profile& profile = request.profile;
  if (request.condition_id.empty() && request.protocol_id.empty()) {
    throw error::invalid_input(
        "no condition or protocol given; accepted: a condition id or a protocol id from the "
        "catalogue");
  }
  check_volume("baseline", profile.baseline);
  check_volume("current", profile.current);
  if (profile.target) check_volume("target", *profile.target);
  check_run_days(profile.run_days);
  check_range("age", profile.age, min_age, max_age);
  check_range("prior injuries", profile.prior_injuries, 0, max_prior_injuries);
  if (request.weeks) check_range("plan length in weeks", *request.weeks, 1, max_weeks);
  check_start(profile.start, request.today);
}

plan_outcome make_plan(const catalogue& cat, const plan_request& request) {
  validate_request(request);
  // The safety gate comes before id resolution: a red flag is never hidden behind a typo.
  if (auto r = screen_symptoms(cat, request.profile.symptoms, request.profile.age)) return *r;
  const resolved ids = resolve(cat, request);
  if (ids.proto == nullptr) return referral_for_condition(*ids.cond);
  return build_plan(cat, ids.cond, *ids.proto, request);
}

namespace detail {

void warning_list::add(std::string text) {
  if (std::find(items_.begin(), items_.end(), text) == items_.end()) {
    items_.push_back(std::move(text));
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

std::string format_km(double km) {
  const double rounded = std::round(km * 10.0) / 10.0;
  return fmt::format("{:g} km", rounded);
}

}  // namespace detail
}  // namespace kneerehab
