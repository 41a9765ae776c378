// Plan notices and session notes in words. Distances in the reader's units, at most one
// decimal ("64.4 km", "40 mi").
#include "kneerehab/render/notice_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string_view>

#include "kneerehab/model/condition.hpp"
#include "kneerehab/model/protocol.hpp"

namespace kneerehab {
namespace {

std::string amount(const std::optional<distance>& d, unit_system units) {
  const double value = d ? d->in(units) : 0.0;
  return fmt::format("{:g} {}", std::round(value * 10.0) / 10.0, to_string(units));
}

int number(const std::optional<int>& value) { return value.value_or(0); }
double number(const std::optional<double>& value) { return value.value_or(0.0); }

}  // namespace

std::string notice_text(const plan_notice& n, unit_system units) {
  switch (n.code) {
    case notice_code::symptom_red_flag_from_age:
      return fmt::format(
          "symptom '{}' ({}) is a red flag only from age {}; at {} the plan goes ahead, but see "
          "a clinician if it does not settle",
          n.symptom_id, n.symptom, number(n.min_age), number(n.age));
    case notice_code::symptom_not_red_flag:
      return fmt::format(
          "symptom '{}' ({}) is not a red flag: the plan goes ahead; tell your clinician if it "
          "persists or gets worse",
          n.symptom_id, n.symptom);
    case notice_code::few_run_days:
      return fmt::format(
          "only {} run day(s) a week: each run carries a large share of the week, so weekly "
          "volume stays lower; 3 or more run days spread the load",
          number(n.run_days));
    case notice_code::target_far_above_baseline:
      return fmt::format(
          "target {} a week is {:.0f}% above the baseline of {} (more than {:g}%): the plan "
          "builds toward it at the weekly cap and may end below it",
          amount(n.target, units), number(n.percent), amount(n.baseline, units),
          number(n.limit_percent));
    case notice_code::baseline_zero:
      return fmt::format("baseline is 0 {}: running restarts from the target of {} instead",
                         to_string(units), amount(n.target, units));
    case notice_code::current_above_baseline:
      return fmt::format(
          "current weekly volume {} is above the pre-injury baseline of {}: check both numbers",
          amount(n.current, units), amount(n.baseline, units));
    case notice_code::older_age_slower_build:
      return fmt::format(
          "age {}: slower progression used ({:g}% weekly increase instead of {:g}%, and the "
          "volume run before the injury comes back as much more slowly) and phases may be "
          "longer",
          number(n.age), number(n.percent), number(n.limit_percent));
    case notice_code::prior_injuries_slower_build:
      return fmt::format(
          "{} prior injur{} of this kind: slower progression used ({:g}% weekly increase "
          "instead of {:g}%, and the volume run before the injury comes back as much more "
          "slowly) and phases may be longer",
          number(n.prior_injuries), number(n.prior_injuries) == 1 ? "y" : "ies", number(n.percent),
          number(n.limit_percent));
    case notice_code::final_phase_extended:
      return fmt::format(
          "the final phase '{}' is extended by {} week{} so that weekly volume can reach the "
          "target of {} within the load rules",
          n.phase_name, number(n.weeks), number(n.weeks) == 1 ? "" : "s", amount(n.target, units));
    case notice_code::target_not_reached:
      return fmt::format(
          "the plan ends before weekly volume reaches the target of {} (at most {} a week is "
          "planned); continue the final phase's build, or plan more weeks",
          amount(n.target, units), amount(n.planned, units));
    case notice_code::target_zero:
      return fmt::format("the target weekly volume is 0 {}: no running is planned",
                         to_string(units));
    case notice_code::ladder_extended:
      return fmt::format(
          "the walk/run ladder '{}' is not finished when its phase ends: it continues into "
          "phase '{}' before continuous running starts",
          n.ladder_id, n.phase_name);
    case notice_code::consecutive_run_days:
      return "some run days are consecutive: walk/run sessions never fall on consecutive days, "
             "so a run day is skipped when the day before had a run";
    case notice_code::target_below_ladder:
      return fmt::format(
          "the target of {} a week is below what the walk/run ladder needs: ladder runs are "
          "limited to the target",
          amount(n.target, units));
    case notice_code::long_run_share_limits_week:
      return fmt::format(
          "with {} run day(s) a week no run may exceed {:g}% of the week's allowed volume, so "
          "each week is planned at {:g}% of it; add run days to reach the full volume",
          number(n.run_days), number(n.limit_percent), number(n.percent));
    case notice_code::exercise_barred:
      return fmt::format("'{}' is barred in phase '{}' and is left out", n.exercise_id,
                         n.phase_name);
    case notice_code::high_load_spread:
      return fmt::format(
          "{} is high-load work: planned on {} days a week instead of {} times so the same "
          "muscles always get a day of rest in between",
          n.exercise_name.empty() ? n.exercise_id : n.exercise_name, number(n.days),
          number(n.sessions));
    case notice_code::plan_cut:
      return fmt::format(
          "the plan is cut to {} weeks and ends in phase '{}'; the protocol '{}' needs {} weeks "
          "for this profile, so later phases are not planned",
          number(n.weeks), n.phase_name, n.protocol_id, number(n.weeks_needed));
    case notice_code::pain_holds_first_phase:
      return fmt::format(
          "pain {}/10 is above {}/10: hold at the first phase ('{}', planned at its longest, {} "
          "weeks) and move on only when pain is {}/10 or less and the next phase's entry "
          "criteria are met",
          number(n.pain), number(n.pain_max), n.phase_name, number(n.weeks), number(n.pain_max));
    case notice_code::pain_stops_running:
      return fmt::format(
          "pain {}/10 is above {}/10: no running in the first phase ('{}'); running starts "
          "only once daily pain is {}/10 or less and the next phase's entry criteria are met",
          number(n.pain), number(n.pain_max), n.phase_name, number(n.pain_max));
    case notice_code::target_below_min_run:
      return fmt::format(
          "the target of {} a week is less than one {:g}-minute run at your easy pace: the plan "
          "holds one run a week of at most the target",
          amount(n.target, units), number(n.minutes));
    case notice_code::run_days_cannot_carry_target:
      return fmt::format(
          "{} run day(s) a week cannot carry the target of {} with runs of at most {:g} minutes: "
          "the plan builds to {} a week; add run days to reach the full target",
          number(n.run_days), amount(n.target, units), number(n.minutes), amount(n.planned, units));
    case notice_code::orthopaedic_referral:
      return fmt::format(
          "see an orthopaedic specialist about {}: {} earlier injuries of this kind mean it keeps "
          "coming back, and each repeat makes another more likely; ask whether the knee needs "
          "surgical stabilisation. The plan can start meanwhile; stop and get help if the knee "
          "gives way",
          n.condition_name, number(n.prior_injuries));
    case notice_code::age_outside_typical_range:
      return fmt::format(
          "age {} is outside the ages {} is usually seen at ({}): have the diagnosis confirmed "
          "by a clinician; the plan goes ahead",
          number(n.age), n.condition_name,
          to_string(age_range{number(n.min_age), number(n.max_age)}));
    case notice_code::session_full: {
      const std::string& name = n.exercise_name.empty() ? n.exercise_id : n.exercise_name;
      if (number(n.days) == 0) {
        return fmt::format(
            "{} is left out of phase '{}': sessions hold at most {} exercises and the "
            "exercises listed before it fill every day; ask your therapist which to swap",
            name, n.phase_name, number(n.max_exercises));
      }
      return fmt::format(
          "{} is planned on {} days a week instead of {} in phase '{}': sessions hold at most {} "
          "exercises and the exercises listed before it fill the other days",
          name, number(n.days), number(n.sessions), n.phase_name, number(n.max_exercises));
    }
    case notice_code::ladder_ends_below_min_run:
      return fmt::format(
          "the target of {} a week ends the walk/run ladder before its running reaches {:g} "
          "minutes: the first continuous runs are shorter, and grow by at most 10% a run",
          amount(n.target, units), number(n.minutes));
  }
  return std::string(to_string(n.code));
}

std::string note_text(const session_note& n) {
  const std::string& name = n.exercise_name().empty() ? n.exercise_id() : n.exercise_name();
  const std::string& text = n.text.str();
  switch (n.code) {
    case note_code::warm_up:
      return "Warm-up: " + text;
    case note_code::cool_down:
      return "Cool-down: " + text;
    case note_code::icing:
      return "Icing: " + text;
    case note_code::hills:
      return "Hills: include gentle uphill sections; walk the downhills";
    case note_code::downhill:
      return "Downhill: include short, gentle downhill stretches; shorten your stride";
    case note_code::speed:
      return "Speed: finish with 6 x 20 s relaxed strides, full recovery";
    case note_code::long_run:
      return "Long run: keep it easy and conversational";
    case note_code::twice_a_day:
      return "Twice a day: " + name;
    case note_code::exercise_note:
      return fmt::format("{}: {}", name, text);
    case note_code::cross_training:
      return fmt::format(
          "Easy to moderate effort, 20-40 minutes; stop if knee pain goes above {}/10",
          n.pain_max.value_or(pain_rules{}.progress_max));
  }
  return text;
}

}  // namespace kneerehab
