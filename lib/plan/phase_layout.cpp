// Nominal phase lengths from the protocol's length rules (docs/plan-rules.md); walk-run and
// open-ended final phases are sized as they are planned (running_load.cpp, plan_weeks).

#include <algorithm>
#include <cmath>

#include "kneerehab/plan/request_limits.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab::detail {
namespace {

int phase_weeks(const phase& ph, const protocol& proto, const runner_profile& profile) {
  const auto& rules = proto.lengths;
  const double span = ph.max_weeks - ph.min_weeks;
  int weeks =
      ph.min_weeks + static_cast<int>(std::lround(severity_position(rules, profile.level) * span));
  if (profile.age >= rules.older_age) weeks += rules.older_extra_weeks;
  if (profile.prior_injuries > 0) weeks += rules.prior_injury_extra_weeks;
  return std::clamp(weeks, ph.min_weeks, ph.max_weeks);
}

// Pain above the protocol's "progress" threshold means the runner must not move on yet: the
// first phase is planned at its longest so that the entry criteria of the next one have
// time to be met.
bool hold_first_phase(const protocol& proto, pain_score pain) noexcept {
  return pain.value() > proto.pain.progress_max;
}

}  // namespace

int total_weeks(const std::vector<phase_span>& spans) noexcept {
  int weeks = 0;
  for (const auto& span : spans) weeks += span.weeks;
  return weeks;
}

std::vector<phase_span> layout_phases(const protocol& proto, const runner_profile& profile,
                                      pain_score pain, warning_list& warnings) {
  std::vector<phase_span> spans;
  spans.reserve(proto.phases.size());
  int first = 0;
  for (std::size_t i = 0; i < proto.phases.size(); ++i) {
    const phase& ph = proto.phases[i];
    int length = phase_weeks(ph, proto, profile);
    if (i == 0 && hold_first_phase(proto, pain)) {
      length = std::max(length, ph.max_weeks);
      // Above the hold threshold the first phase also plans no running (rule 7).
      const bool stops = pain.value() > proto.pain.hold_max;
      plan_notice n(stops ? notice_code::pain_stops_running : notice_code::pain_holds_first_phase);
      if (!stops) n.weeks = length;
      n.pain = pain.value();
      n.pain_max = stops ? proto.pain.hold_max : proto.pain.progress_max;
      n.phase_id = ph.id;
      n.phase_name = ph.name;
      warnings.add(std::move(n));
    }
    spans.push_back({&ph, static_cast<int>(i), first, length});
    first += length;
  }
  first = 0;
  for (auto& s : spans) {
    s.first_week = first;
    first += s.weeks;
  }
  return spans;
}

}  // namespace kneerehab::detail
