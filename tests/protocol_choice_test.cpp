// Which protocol a request plans (profile.hpp): the condition's own protocol, a named one, or
// for an operated lesion (--surgery) the condition's protocol for operated lesions, with the
// errors when there is none, when there are several, or when the named protocol is the
// non-operated one.
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/plan/planner.hpp"
#include "support/shipped_catalogue.hpp"

namespace kneerehab {
namespace {

plan_request cartilage(bool operated) {
  plan_request r;
  r.condition_id = "cartilage-damage";
  r.today = date::from_ymd(2026, 11, 23);
  r.profile.start = date::from_ymd(2026, 11, 30);
  r.profile.baseline = distance::from_km(30);
  r.profile.operated = operated;
  return r;
}

/// The message make_plan throws for `r`, or "" when it plans.
std::string refusal(const catalogue& cat, const plan_request& r) {
  try {
    (void)make_plan(cat, r);
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_input) << e.what();
    return e.what();
  }
  return {};
}

std::string planned_protocol(const catalogue& cat, const plan_request& r) {
  const auto outcome = make_plan(cat, r);
  EXPECT_TRUE(std::holds_alternative<plan>(outcome));
  return std::get<plan>(outcome).protocol_id;
}

TEST(ProtocolChoice, AnOperatedCartilageLesionGetsTheRepairProtocol) {
  const catalogue& cat = testing::shipped_catalogue();
  EXPECT_EQ(planned_protocol(cat, cartilage(false)), "cartilage-damage-rehab");
  EXPECT_EQ(planned_protocol(cat, cartilage(true)), "cartilage-repair-rehab");
  plan_request named = cartilage(true);
  named.protocol_id = "cartilage-repair-rehab";
  EXPECT_EQ(planned_protocol(cat, named), "cartilage-repair-rehab");
}

TEST(ProtocolChoice, OperatedIsRefusedWhereItHasNoProtocol) {
  const catalogue& cat = testing::shipped_catalogue();
  plan_request r = cartilage(true);
  r.condition_id = "pcl-sprain";
  EXPECT_EQ(refusal(cat, r),
            "--surgery: condition 'pcl-sprain' has no protocol for an operated lesion (only "
            "pcl-sprain-rehab); leave out --surgery, or name a protocol with --protocol");
  r = cartilage(true);
  r.protocol_id = "cartilage-damage-rehab";
  EXPECT_EQ(refusal(cat, r),
            "--surgery: protocol 'cartilage-damage-rehab' is for a lesion that was not operated; "
            "leave out --surgery, or plan --condition cartilage-damage --surgery");
}

TEST(ProtocolChoice, OperatedWithSeveralOtherProtocolsAsksWhichOne) {
  catalogue_content content = testing::shipped_catalogue().content();
  protocol copy = *testing::shipped_catalogue().find_protocol("cartilage-repair-rehab");
  copy.id = "cartilage-repair-clinic";
  content.protocols.push_back(copy);
  const catalogue cat(std::move(content));
  EXPECT_EQ(refusal(cat, cartilage(true)),
            "--surgery: condition 'cartilage-damage' has several protocols besides "
            "'cartilage-damage-rehab' (cartilage-repair-rehab, cartilage-repair-clinic); name the "
            "one for the operation with --protocol");
}

}  // namespace
}  // namespace kneerehab
