#pragma once
/// \file notice_text.hpp
/// Plan warnings and session notes in words, for people: every renderer, the CLI and
/// handouts word them here, so the same notice reads the same everywhere.

#include <string>

#include "kneerehab/model/units.hpp"
#include "kneerehab/plan/plan_notice.hpp"
#include "kneerehab/plan/session_note.hpp"

namespace kneerehab {

/// One sentence for `notice`, distances in `units` ("target 40 mi a week is 50% above the
/// baseline of 26.7 mi ..."): nothing in another unit. Values the code needs but the notice
/// lacks read as 0 or empty; never throws for a missing value.
std::string notice_text(const plan_notice& notice, unit_system units);

/// The note as the handout prints it ("Warm-up: ...", "Twice a day: Wall sit").
std::string note_text(const session_note& note);

}  // namespace kneerehab
