// Shared wording and identity for the calendar and FHIR exports (render/plan_export.hpp).
#include "render/plan_export.hpp"

#include <fmt/format.h>

#include <cmath>

#include "kneerehab/render/notice_text.hpp"
#include "render/plan_words.hpp"

namespace kneerehab::detail {
namespace {

std::string_view surface_word(surface s) noexcept {
  switch (s) {
    case surface::flat:
      return "flat";
    case surface::road:
      return "road";
    case surface::trail:
      return "trail";
  }
  return "";
}

std::string number_text(double value) { return fmt::format("{:.3f}", value); }

}  // namespace

bool is_activity(const session& s) { return s.type != session_type::rest; }

double session_minutes(const session& s) {
  // A run is named by its running time ("Run 25 min easy"); every other session by the
  // planner's estimate of the whole session (docs/plan-rules.md rule 9).
  if (s.run) return s.run->minutes;
  return s.minutes;
}

std::string amount_text(distance d, unit_system units) {
  return fmt::format("{:.1f} {}", d.in(units), to_string(units));
}

std::string session_summary(const session& s) {
  const long minutes = std::lround(session_minutes(s));
  switch (s.type) {
    case session_type::run: {
      std::string text = fmt::format("Run {} min ", minutes);
      if (s.run && s.run->long_run) {
        text += "long, easy";
      } else if (s.run && s.run->speed) {
        text += "easy + strides";
      } else {
        text += "easy";
      }
      if (s.run) {
        text += fmt::format(", {}", surface_word(s.run->where));
        if (s.run->hills) text += ", hills";
        if (s.run->downhill) text += ", downhill";
      }
      return text;
    }
    case session_type::walk_run:
      return s.run ? fmt::format("Walk-run {} min, {}", minutes, surface_word(s.run->where))
                   : std::string("Walk-run");
    case session_type::strength:
    case session_type::mobility: {
      const std::string_view title = s.type == session_type::strength ? "Strength" : "Mobility";
      const auto n = s.exercises.size();
      return fmt::format("{}, {} min ({} exercise{})", title, minutes, n, n == 1 ? "" : "s");
    }
    case session_type::cross_training:
      return s.activity.empty() ? std::string("Cross-training")
                                : fmt::format("Cross-training: {}", s.activity);
    case session_type::rest:
      return "Rest";
  }
  return "";
}

std::vector<std::string> session_dose_lines(const session& s, unit_system units) {
  std::vector<std::string> lines;
  if (s.run) {
    const run_session& r = *s.run;
    lines.push_back(fmt::format("{}{} running, about {} min in all, {} surface",
                                amount_text(r.run, units), r.continuous ? " easy" : "",
                                std::lround(r.minutes), surface_word(r.where)));
    if (!r.intervals.empty()) lines.push_back(intervals_text(r.intervals));
  }
  for (const auto& e : s.exercises) {
    const std::string& name = e.name().empty() ? e.exercise_id() : e.name();
    lines.push_back(fmt::format("{}: {}", name, describe(e.dose)));
  }
  for (const auto& n : s.notes) lines.push_back(note_text(n));
  return lines;
}

std::string plan_fingerprint(const plan& p) {
  std::string out = fmt::format("kneerehab-plan\ncondition {}\nprotocol {}\n{} {}\n",
                                p.condition_id, p.protocol_id, p.start.iso(), p.end.iso());
  out += fmt::format("baseline {} target {} pace {}\n", number_text(p.baseline.km()),
                     number_text(p.target.km()), number_text(p.easy_pace.seconds_per_km()));
  for (const auto& w : p.weeks) {
    out += fmt::format("week {} {} {} cap {}\n", w.number, w.start.iso(), w.phase_id,
                       number_text(w.run_cap.km()));
    for (const auto& d : w.days) {
      out += fmt::format("day {}\n", d.day.iso());
      for (const auto& s : d.sessions) {
        out += fmt::format(" session {} {}\n", to_string(s.type), s.activity);
        for (const auto& e : s.exercises) {
          const dosage& dose = e.dose;
          out += fmt::format("  exercise {} {} {} {} {} {} {} {}\n", e.exercise_id(), dose.sets,
                             dose.reps, dose.hold_s, dose.minutes, dose.tempo, dose.load,
                             dose.sessions_per_week);
        }
        if (s.run) {
          const run_session& r = *s.run;
          out += fmt::format("  run {} {} {} {} {} {} {} {}\n", number_text(r.run.km()),
                             number_text(r.minutes), r.continuous, to_string(r.where), r.hills,
                             r.downhill, r.speed, r.long_run);
          for (const auto& i : r.intervals) {
            out += fmt::format("   interval {} {} {}\n", i.walk_s, i.run_s, i.repeat);
          }
        }
      }
    }
  }
  return out;
}

}  // namespace kneerehab::detail
