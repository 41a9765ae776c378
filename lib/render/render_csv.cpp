// Plan -> CSV (RFC 4180): a header row, then one row per exercise or run of every session, and
// one per cross-training session, for spreadsheets and scripts. Distances in the reader's
// units, named in the header (distance_km or distance_mi); CRLF line ends; a field with a
// comma, a quote, CR or LF is quoted, its quotes doubled.
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/render/render.hpp"
#include "render/plan_words.hpp"

namespace kneerehab {
namespace {

std::string field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

void row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += field(fields[i]);
  }
  out += "\r\n";
}

std::string number(int value) { return value > 0 ? std::to_string(value) : std::string(); }

struct session_place {
  const plan_week& week;
  const plan_day& day;
  const session& s;
};

/// The columns every row of a session starts with.
std::vector<std::string> lead(const session_place& at) {
  return {std::to_string(at.week.number),
          at.day.day.iso(),
          std::string(detail::weekday_short_name(at.day.day.day_of_week())),
          at.week.phase_name,
          std::string(to_string(at.s.type)),
          number(at.s.minutes)};
}

void session_rows(std::string& out, const session_place& at, unit_system units) {
  const session& s = at.s;
  for (const auto& e : s.exercises) {
    auto f = lead(at);
    f.insert(f.end(), {e.exercise_id(), e.name(), number(e.dose.sets), number(e.dose.reps),
                       number(e.dose.hold_s), describe(e.dose), "", "", "", "", ""});
    row(out, f);
  }
  if (s.run) {
    const run_session& r = *s.run;
    auto f = lead(at);
    f.insert(f.end(), {"", std::string(detail::session_title(s.type)), "", "", "", "",
                       fmt::format("{:.2f}", r.run.in(units)),
                       std::to_string(std::lround(r.minutes)), detail::intervals_text(r.intervals),
                       std::string(to_string(r.where)), r.hills ? "yes" : "no"});
    row(out, f);
  }
  if (s.type == session_type::cross_training) {
    auto f = lead(at);
    f.insert(f.end(), {"", s.activity, "", "", "", "", "", "", "", "", ""});
    row(out, f);
  }
}

}  // namespace

std::string render_csv(const plan& p, const render_options& options) {
  std::string out;
  row(out, {"week", "date", "weekday", "phase", "session", "session_minutes", "exercise_id", "item",
            "sets", "reps", "hold_s", "dose", fmt::format("distance_{}", to_string(options.units)),
            "run_minutes", "intervals", "surface", "hills"});
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      for (const auto& s : d.sessions) session_rows(out, {w, d, s}, options.units);
    }
  }
  return out;
}

}  // namespace kneerehab
