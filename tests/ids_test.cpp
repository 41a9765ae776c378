// Ids: the nearest ids to a mistyped one, and the message for an id that names nothing.
#include "kneerehab/core/ids.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kneerehab {
namespace {

const std::vector<std::string> conditions = {"hamstring-tendinopathy", "patellofemoral-pain",
                                             "popliteus-tendinopathy", "bakers-cyst"};

TEST(ids, substring_ranks_first) {
  EXPECT_EQ(nearest_ids(conditions, "hamstring"),
            std::vector<std::string>({"hamstring-tendinopathy"}));
}

TEST(ids, typo_within_edit_distance) {
  EXPECT_EQ(nearest_ids(conditions, "bakers-cist"), std::vector<std::string>({"bakers-cyst"}));
}

// Hardening: an id in capitals got no suggestion.
TEST(ids, case_does_not_hide_a_suggestion) {
  EXPECT_EQ(unknown_id_message("condition", "PATELLOFEMORAL-PAIN", conditions),
            "unknown condition 'PATELLOFEMORAL-PAIN'; did you mean patellofemoral-pain? accepted: "
            "hamstring-tendinopathy, patellofemoral-pain, popliteus-tendinopathy, bakers-cyst");
}

// Hardening: an empty catalogue printed "accepted: " and nothing.
TEST(ids, nothing_to_accept_is_said) {
  EXPECT_EQ(unknown_id_message("protocol", "x", {}),
            "unknown protocol 'x'; accepted: none (the catalogue has no protocols)");
}

// Hardening: a 128 KB id was echoed whole (and cost an edit distance per candidate).
TEST(ids, long_input_is_shortened_in_the_message) {
  const std::string huge(128 * 1024, 'x');
  const auto message = unknown_id_message("condition", huge, conditions);
  EXPECT_EQ(message, "unknown condition '" + std::string(80, 'x') +
                         "...' (131072 bytes); accepted: hamstring-tendinopathy, "
                         "patellofemoral-pain, popliteus-tendinopathy, bakers-cyst");
  EXPECT_TRUE(nearest_ids(conditions, huge).empty());
}

TEST(ids, shortening_never_splits_a_utf8_character) {
  std::string text(79, 'a');
  text += "\xC3\xA9";  // é straddles byte 80
  text += std::string(10, 'b');
  EXPECT_EQ(quoted_for_message(text), "'" + std::string(79, 'a') + "...' (91 bytes)");
  EXPECT_EQ(quoted_for_message("short"), "'short'");
}

}  // namespace
}  // namespace kneerehab
