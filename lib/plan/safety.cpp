// The safety gate (docs/plan-rules.md rule 7, docs/clinical-basis.md section 1): red-flag
// symptoms, referral-only conditions, the Ottawa knee rule's age criterion after a recent
// injury and severe daily pain give a referral, never a plan.
#include "kneerehab/plan/safety.hpp"

#include <fmt/format.h>

#include <limits>

#include "kneerehab/core/error.hpp"
#include "kneerehab/plan/request_limits.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab {
namespace {

bool is_red_flag_at(const symptom& s, int age) noexcept {
  return s.red_flag.has_value() && (!s.min_age.has_value() || age >= *s.min_age);
}

referral referral_for_symptom(const catalogue& cat, const symptom& s) {
  const red_flag* flag = cat.find_red_flag(*s.red_flag);
  referral r;
  r.reason = referral_reason::red_flag;
  r.red_flag_id = *s.red_flag;
  r.red_flag_name = flag != nullptr ? flag->name : *s.red_flag;
  r.title = r.red_flag_name;
  r.symptom_id = s.id;
  r.why = flag != nullptr ? flag->why : "";
  r.action = flag != nullptr ? flag->action : "See a doctor before running again.";
  r.message = fmt::format(
      "You reported '{}' ({}). This is a red flag: {}. {} {} No exercise or running plan is "
      "given until a clinician has checked it.",
      s.id, s.description, r.red_flag_name, r.why, r.action);
  return r;
}

/// The first red flag among the known symptoms, at `age`; unknown ids are skipped.
std::optional<referral> first_red_flag(const catalogue& cat, const std::vector<std::string>& ids,
                                       int age) {
  for (const auto& id : ids) {
    const symptom* s = cat.find_symptom(id);
    if (s != nullptr && is_red_flag_at(*s, age)) return referral_for_symptom(cat, *s);
  }
  return std::nullopt;
}

/// The condition and protocol a request names, as far as the catalogue has them: never throws
/// (make_plan reports unknown ids after the gate).
struct named {
  const condition* cond = nullptr;
  const protocol* proto = nullptr;
};

named find_named(const catalogue& cat, const plan_request& request) {
  named n;
  if (!request.protocol_id.empty()) {
    n.proto = cat.find_protocol(request.protocol_id);
    if (n.proto != nullptr) n.cond = cat.find_condition(n.proto->condition_id);
    return n;
  }
  if (!request.condition_id.empty()) n.cond = cat.find_condition(request.condition_id);
  if (n.cond != nullptr && !n.cond->referral_only && n.cond->protocol_id) {
    n.proto = cat.find_protocol(*n.cond->protocol_id);
  }
  return n;
}

std::string days_text(int days) { return fmt::format("{} day{}", days, days == 1 ? "" : "s"); }

/// The Ottawa knee rule's age criterion for a recent injury of a traumatic condition.
std::optional<referral> ottawa_referral(const condition& c, const plan_request& request,
                                        bool age_valid) {
  const auto& profile = request.profile;
  if (!c.traumatic || !profile.injury_date) return std::nullopt;
  if (age_valid && profile.age < ottawa_knee_rule.min_age) return std::nullopt;
  const date injured = *profile.injury_date;
  const auto recent = [&](const std::optional<date>& reference) -> std::optional<int> {
    if (!reference) return std::nullopt;
    const int days = days_between(injured, *reference);
    if (days < 0 || days > ottawa_knee_rule.acute_days) return std::nullopt;
    return days;
  };
  std::string when;
  std::optional<int> days = recent(request.today);
  if (days) {
    when = *days == 0 ? "today" : days_text(*days) + " ago";
  } else if ((days = recent(profile.start))) {
    when = fmt::format("{} before the plan's start on {}", days_text(*days), profile.start->iso());
  } else {
    return std::nullopt;
  }
  referral r;
  r.reason = referral_reason::ottawa_knee_rule;
  r.title = "Possible fracture (Ottawa knee rule)";
  r.condition_id = c.id;
  r.condition_name = c.name;
  if (age_valid) r.age = profile.age;
  r.min_age = ottawa_knee_rule.min_age;
  r.injury_date = injured;
  r.days_since_injury = days;
  r.why = fmt::format(
      "After an acute knee injury, age {} or over is one of the Ottawa knee rule's criteria "
      "(Stiell et al. 1996): a fracture must be ruled out with an X-ray.",
      ottawa_knee_rule.min_age);
  r.action =
      "See a doctor today (urgent care or emergency department) for an X-ray. Until a fracture "
      "has been ruled out: do not run, hop or squat, and put weight on the leg only as far as it "
      "is comfortable.";
  const std::string age_text =
      age_valid ? fmt::format("at age {}", profile.age)
                : std::string("and no valid age was given to rule out its age criterion");
  r.message = fmt::format(
      "{} ({}) starts with an injury; yours, on {}, was {}, {}. {} {} No exercise or running "
      "plan is given until a fracture has been ruled out.",
      c.name, c.id, injured.iso(), when, age_text, r.why, r.action);
  return r;
}

/// Daily pain at or above the protocol's referral threshold.
std::optional<referral> pain_referral(const named& n, const plan_request& request) {
  const int pain = request.profile.pain.value();
  const int refer_min = n.proto != nullptr ? n.proto->pain.refer_min : pain_rules{}.refer_min;
  if (pain < refer_min) return std::nullopt;
  referral r;
  r.reason = referral_reason::pain;
  r.title = "Severe daily pain";
  if (n.cond != nullptr) {
    r.condition_id = n.cond->id;
    r.condition_name = n.cond->name;
  }
  r.pain = pain;
  r.pain_refer_min = refer_min;
  r.why = fmt::format(
      "Pain of {}/10 or more in daily activity is too much for a loading plan: it needs a "
      "diagnosis first, and may not be what the plan treats.",
      refer_min);
  r.action =
      "See a physiotherapist, sports physician or GP within a few days, the same day if the knee "
      "is hot and swollen or cannot take your weight. Until then, do not run; move only as far "
      "as the pain allows.";
  const std::string threshold_of =
      n.proto != nullptr ? fmt::format("protocol '{}'", n.proto->id) : std::string("kneerehab");
  r.message = fmt::format(
      "You reported pain of {}/10 in daily activity, at or above {}/10, where {} refers. {} {} "
      "No exercise or running plan is given until a clinician has assessed the knee.",
      pain, refer_min, threshold_of, r.why, r.action);
  return r;
}

}  // namespace

std::optional<referral> screen_symptoms(const catalogue& cat,
                                        const std::vector<std::string>& symptom_ids_given,
                                        int age) {
  // Red flags are looked for first: a typo in one symptom must never hide a red flag reported
  // in another. Unknown ids are reported only when no red flag was found.
  if (auto r = first_red_flag(cat, symptom_ids_given, age)) return r;
  for (const auto& id : symptom_ids_given) {
    if (cat.find_symptom(id) == nullptr) {
      throw error::not_found(unknown_id_message("symptom", id, ids_of(cat.symptoms())));
    }
  }
  return std::nullopt;
}

referral referral_for_condition(const condition& c) {
  referral r;
  r.reason = referral_reason::referral_only_condition;
  r.title = c.name;
  r.condition_id = c.id;
  r.condition_name = c.name;
  r.why = c.referral.empty() ? c.description : c.referral;
  r.action = fmt::format(
      "See a doctor before running again; kneerehab has no exercise protocol for {}.", c.name);
  r.message = fmt::format("{} ({}) is referral only: {} {}", c.name, c.id, r.why, r.action);
  return r;
}

std::optional<referral> safety_gate(const catalogue& cat, const plan_request& request) {
  const auto& limits = plan_request_limits;
  const int given_age = request.profile.age;
  const bool age_valid = given_age >= limits.min_age && given_age <= limits.max_age;
  const int age = age_valid ? given_age : std::numeric_limits<int>::max();
  if (auto r = first_red_flag(cat, request.profile.symptoms, age)) return r;
  const named n = find_named(cat, request);
  if (n.cond != nullptr && n.cond->referral_only) return referral_for_condition(*n.cond);
  if (n.cond != nullptr) {
    if (auto r = ottawa_referral(*n.cond, request, age_valid)) return r;
  }
  return pain_referral(n, request);
}

}  // namespace kneerehab
