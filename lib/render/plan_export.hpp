#pragma once
// What the calendar (render_ics.cpp) and health-record (render_fhir.cpp) exports share: a
// session's estimated minutes, its one-line summary and its dose in words, and the plan's
// content fingerprint that every id and UID derives from (docs/exports.md).

#include <string>
#include <vector>

#include "kneerehab/model/units.hpp"
#include "kneerehab/plan/plan.hpp"

namespace kneerehab::detail {

/// A session's minutes: the run's minutes for runs and walk-runs, else the planner's estimate
/// (session::minutes; docs/exports.md, "Session minutes"). The one place the exports read a
/// session's length.
double session_minutes(const session& s);

/// What a runner reads at a glance: "Run 25 min easy, flat", "Walk-run 30 min, flat",
/// "Strength, 35 min (4 exercises)", "Mobility, 10 min", "Cross-training: stationary bike".
std::string session_summary(const session& s);

/// The session's dose, one line per item: distance and minutes, intervals, each exercise with
/// its sets x reps, then its notes.
std::vector<std::string> session_dose_lines(const session& s, unit_system units);

/// "1.2 km" / "0.7 mi".
std::string amount_text(distance d, unit_system units);

/// A canonical text of everything the plan prescribes and the profile values it carries
/// (condition, protocol, dates, baseline, target, pace, each week's days and sessions with
/// their doses): the same plan gives the same text; any change of a dose, a date or a run gives
/// another. Wording (notes, warnings, advice) is left out, so a reworded sentence keeps the ids.
std::string plan_fingerprint(const plan& p);

/// True for the session types that are an event or an activity (all but rest).
bool is_activity(const session& s);

}  // namespace kneerehab::detail
