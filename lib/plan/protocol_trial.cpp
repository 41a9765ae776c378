// Trying a protocol on standard runners (plan/protocol_trial.hpp): the audit is the judge, so a
// protocol file that makes plans break docs/plan-rules.md is reported before any runner gets one.
#include "kneerehab/plan/protocol_trial.hpp"

#include <fmt/format.h>

#include <variant>

#include "kneerehab/core/error.hpp"
#include "kneerehab/plan/audit.hpp"
#include "kneerehab/plan/planner.hpp"

namespace kneerehab {
namespace {

trial_runner runner(std::string description, date start, double baseline, double current,
                    std::vector<weekday> days, int age) {
  trial_runner r;
  r.description = std::move(description);
  r.profile.start = start;
  r.profile.baseline = distance::from_km(baseline);
  r.profile.current = distance::from_km(current);
  r.profile.run_days = std::move(days);
  r.profile.age = age;
  return r;
}

diagnostic warning(std::string_view protocol_id, const trial_runner& r, std::string field,
                   std::string message) {
  diagnostic d;
  d.severity = diagnostic_severity::warning;
  d.code = "plan-audit";
  d.item = fmt::format("protocol '{}', planned for {}", protocol_id, r.description);
  d.field = std::move(field);
  d.message = std::move(message);
  return d;
}

}  // namespace

std::vector<trial_runner> trial_runners(date start) {
  using enum weekday;
  return {
      runner("a runner aged 35, baseline 30 km, current 0, runs mon/wed/fri/sun", start, 30, 0,
             {mon, wed, fri, sun}, 35),
      runner("a runner aged 35, baseline 20 km, current 10, runs tue/thu/sat", start, 20, 10,
             {tue, thu, sat}, 35),
      runner("a runner aged 55, baseline 30 km, current 0, runs mon/wed/fri", start, 30, 0,
             {mon, wed, fri}, 55),
  };
}

std::vector<diagnostic> trial_protocol(const catalogue& cat, std::string_view protocol_id,
                                       date start) {
  std::vector<diagnostic> out;
  for (const auto& r : trial_runners(start)) {
    plan_request request;
    request.protocol_id = std::string(protocol_id);
    request.profile = r.profile;
    request.today = start;
    try {
      const auto outcome = make_plan(cat, request);
      const auto* p = std::get_if<plan>(&outcome);
      if (p == nullptr) {
        out.push_back(warning(protocol_id, r, "", "gets a referral instead of a plan"));
        continue;
      }
      for (const auto& finding : audit_plan(cat, request, *p)) {
        out.push_back(warning(protocol_id, r, std::string(to_string(finding.rule)),
                              fmt::format("{} ({})", finding.message, describe(finding.rule))));
      }
    } catch (const error& e) {
      out.push_back(warning(protocol_id, r, "", fmt::format("cannot be planned: {}", e.what())));
    }
  }
  return out;
}

}  // namespace kneerehab
