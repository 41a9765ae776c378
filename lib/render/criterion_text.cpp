// Entry criteria as questions for the runner (render/criterion_text.hpp). The protocols state
// criteria for the therapist ("30 minutes of brisk walking without pain or a limp"); a handout
// asks the runner, with the protocol's own numbers.
#include "kneerehab/render/criterion_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace kneerehab {
namespace {

/// How a known measure is asked: the comparison it expects and the question, `{}` standing
/// for the value. Yes/no measures expect "== 1". Each fits a line of a text handout's checkbox
/// (74 columns) with a two-digit value.
struct question_form {
  std::string_view measure;
  std::string_view op;
  std::string_view question;
};

constexpr question_form forms[] = {
    {"pain_daily_nprs", "<=", "Is your pain {}/10 or less at rest and in daily activity?"},
    {"run_pain_nprs",
     "<=", "Have 2 weeks of runs stayed at {}/10 pain or less, and no worse next day?"},
    {"swelling_grade",
     "<=", "Is any knee swelling grade {} or less (stroke test: 0 none, 1 trace)?"},
    {"single_leg_squats_pain_free",
     ">=", "Can you do {} single-leg squats each side, pain-free and well controlled?"},
    {"single_leg_heel_raises", ">=", "Can you do {} single-leg heel raises on each side?"},
    {"brisk_walk_pain_free_min",
     ">=", "Can you walk briskly for {} minutes without pain or a limp?"},
    {"plank_hold", ">=", "Can you hold a front plank for {} seconds?"},
    {"side_plank_hold", ">=", "Can you hold a side plank for {} seconds on each side?"},
    {"single_leg_hops_pain_free", ">=", "Can you do {} single-leg hops on each side without pain?"},
    {"walk_run_ladder_completed",
     "==", "Done the last walk/run step twice, pain and swelling no worse next day?"},
    {"full_pain_free_rom",
     "==", "Does your knee straighten fully and bend as far as before, without pain?"},
    {"rom_percent_of_other_side",
     ">=", "Does your knee bend and straighten at least {}% as far as the other knee?"},
    {"hop_test_lsi", ">=", "Can you hop at least {}% as far on this leg as on the other?"},
    {"strength_lsi",
     ">=", "Is your thigh strength at least {}% of the other leg (therapist-tested)?"},
    {"weeks_since_injury", ">=", "Has it been at least {} weeks since the injury?"},
    {"walk_without_aids", "==", "Can you walk without crutches and without a limp?"},
};

/// "30", "2.5": a protocol's value without trailing zeros.
std::string number(double value) { return fmt::format("{:g}", value); }

/// A rule with its machine name in words: "Check: hop height >= 20 cm".
std::string rule_in_words(const entry_criterion& c) {
  std::string rule = describe_rule(c);
  std::replace(rule.begin(), rule.end(), '_', ' ');
  return "Check: " + rule;
}

}  // namespace

std::string criterion_question(const entry_criterion& c) {
  const auto* form = std::find_if(std::begin(forms), std::end(forms),
                                  [&](const question_form& f) { return f.measure == c.measure; });
  // A yes/no measure asks "yes"; "== 0" (or another comparison) is not the question written.
  const bool asks_yes = form != std::end(forms) && form->op == "==";
  const bool fits = form != std::end(forms) && c.op == form->op && (!asks_yes || c.value == 1);
  if (fits) return fmt::format(fmt::runtime(form->question), number(c.value));
  if (!c.text.empty()) return c.text;
  return rule_in_words(c);
}

}  // namespace kneerehab
