// Phase lengths and the dated week skeleton (docs/plan-json.md: weeks of exactly seven
// consecutive days, without gaps).

#include <algorithm>
#include <cmath>

#include "kneerehab/plan/request_limits.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab::detail {
namespace {

double position_for(const phase_length_rules& rules, severity level) noexcept {
  switch (level) {
    case severity::mild:
      return rules.mild;
    case severity::moderate:
      return rules.moderate;
    case severity::severe:
      return rules.severe;
  }
  return rules.moderate;
}

int phase_weeks(const phase& ph, const protocol& proto, const runner_profile& profile) {
  const auto& rules = proto.lengths;
  const double span = ph.max_weeks - ph.min_weeks;
  int weeks =
      ph.min_weeks + static_cast<int>(std::lround(position_for(rules, profile.level) * span));
  if (profile.age >= rules.older_age) weeks += rules.older_extra_weeks;
  if (profile.prior_injuries > 0) weeks += rules.prior_injury_extra_weeks;
  return std::clamp(weeks, ph.min_weeks, ph.max_weeks);
}

// Pain above the protocol's "progress" threshold means the runner must not move on yet: the
// first phase is planned at its longest so that the entry criteria of the next one have
// time to be met.
bool hold_first_phase(const protocol& proto, const runner_profile& profile) noexcept {
  return profile.pain.value() > proto.pain.progress_max;
}

void fit_to_length(std::vector<phase_span>& spans, int wanted, const protocol& proto,
                   warning_list& warnings) {
  const int total = total_weeks(spans);
  if (wanted > total) {
    spans.back().weeks += wanted - total;
    return;
  }
  if (wanted == total) return;
  std::vector<phase_span> kept;
  int left = wanted;
  for (const auto& s : spans) {
    if (left == 0) break;
    kept.push_back(s);
    kept.back().weeks = std::min(s.weeks, left);
    left -= kept.back().weeks;
  }
  plan_notice n(notice_code::plan_cut);
  n.weeks = wanted;
  n.weeks_needed = total;
  n.phase_id = kept.back().ph->id;
  n.phase_name = kept.back().ph->name;
  n.protocol_id = proto.id;
  warnings.add(std::move(n));
  spans = std::move(kept);
}

}  // namespace

int total_weeks(const std::vector<phase_span>& spans) noexcept {
  int weeks = 0;
  for (const auto& span : spans) weeks += span.weeks;
  return weeks;
}

std::vector<phase_span> layout_phases(const protocol& proto, const runner_profile& profile,
                                      std::optional<int> weeks, warning_list& warnings) {
  std::vector<phase_span> spans;
  spans.reserve(proto.phases.size());
  int first = 0;
  for (std::size_t i = 0; i < proto.phases.size(); ++i) {
    const phase& ph = proto.phases[i];
    int length = phase_weeks(ph, proto, profile);
    if (i == 0 && hold_first_phase(proto, profile)) {
      length = std::max(length, ph.max_weeks);
      plan_notice n(notice_code::pain_holds_first_phase);
      n.weeks = length;
      n.pain = profile.pain.value();
      n.pain_max = proto.pain.progress_max;
      n.phase_id = ph.id;
      n.phase_name = ph.name;
      warnings.add(std::move(n));
    }
    spans.push_back({&ph, static_cast<int>(i), first, length});
    first += length;
  }
  // A protocol whose phases add up to more than a plan may hold is cut, and says so: its
  // last phases are never dropped silently.
  const int longest = plan_request_limits.max_weeks;
  if (!weeks && total_weeks(spans) > longest) weeks = longest;
  if (weeks) fit_to_length(spans, *weeks, proto, warnings);
  first = 0;
  for (auto& s : spans) {
    s.first_week = first;
    first += s.weeks;
  }
  return spans;
}

std::vector<plan_week> dated_weeks(const std::vector<phase_span>& spans, date start) {
  std::vector<plan_week> weeks;
  weeks.reserve(static_cast<std::size_t>(total_weeks(spans)));
  for (const auto& s : spans) {
    for (int w = 0; w < s.weeks; ++w) {
      const int number = s.first_week + w;
      const date week_start = start.plus_days(7 * number);
      // date has no default constructor, so the seven days are spelled out.
      plan_week week{
          .number = number + 1,
          .start = week_start,
          .phase_id = s.ph->id,
          .phase_name = s.ph->name,
          .week_in_phase = w + 1,
          .checkpoint = {},
          .run_total = {},
          .run_cap = {},
          .lighter_week = false,
          .days = {plan_day{week_start, {}}, plan_day{week_start.plus_days(1), {}},
                   plan_day{week_start.plus_days(2), {}}, plan_day{week_start.plus_days(3), {}},
                   plan_day{week_start.plus_days(4), {}}, plan_day{week_start.plus_days(5), {}},
                   plan_day{week_start.plus_days(6), {}}}};
      if (w == 0) week.checkpoint = s.ph->entry_criteria;
      weeks.push_back(std::move(week));
    }
  }
  return weeks;
}

}  // namespace kneerehab::detail
