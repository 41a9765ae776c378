// Plan -> one self-contained HTML handout (the handout model of render/handout.hpp): no
// network at all (inline CSS, an inline SVG chart, no fonts, scripts or images), print CSS that
// gives the first page(s), one printed page per week and the exercise page(s), and a layout that
// reads on a phone. Everything from data is escaped.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "kneerehab/render/handout.hpp"
#include "kneerehab/render/render.hpp"
#include "render/plan_words.hpp"
#include "render/text_layout.hpp"

namespace kneerehab {
namespace {

/// Text from data in HTML: the five characters that could open markup or end an attribute.
std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A4 with 12 mm margins; one .page per printed page (the front and the exercises may run on).
constexpr std::string_view style = R"(<style>
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.35; color: #111; background: #fff; max-width: 52rem; margin: 0 auto;
  padding: 0.5rem 0.75rem; }
h1 { font-size: 1.5em; margin: 0 0 0.4em; }
h2 { font-size: 1.2em; margin: 0.9em 0 0.3em; }
h3 { font-size: 1.05em; margin: 0.7em 0 0.2em; }
p, ul, ol { margin: 0.25em 0; }
ul, ol { padding-left: 1.4em; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.week h2 { margin-top: 0; border-bottom: 2px solid #2b5d8a; padding-bottom: 0.15em; }
.meta { color: #333; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.5em; }
th, td { border: 1px solid #9aa; padding: 0.2em 0.35em; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
table.facts th { width: 8em; }
table.grid td, table.grid th { text-align: center; }
table.grid td:first-child, table.grid th:first-child { text-align: left; }
.box { display: inline-block; width: 0.95em; height: 0.95em; border: 1.5px solid #222;
  vertical-align: -0.12em; margin-right: 0.45em; background: #fff; }
.line { display: inline-block; width: 2.2em; border-bottom: 1px solid #222; height: 1em; }
.notice { border-left: 4px solid #b00; background: #fff4f4; padding: 0.3em 0.6em; margin: 0.5em 0; }
.notice.referral { border-color: #800; background: #ffe9e9; }
.checks { list-style: none; padding-left: 0.2em; }
.dense { font-size: 0.9em; }
.dense th, .dense td { padding: 0.1em 0.3em; }
.small { font-size: 0.9em; color: #333; }
.chart svg { width: 100%; height: auto; display: block; }
.exercise { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  h2, h3 { break-after: avoid; }
  table, .notice { break-inside: avoid; }
}
@media (max-width: 40rem) {
  body { font-size: 10pt; padding: 0.4rem; }
  th, td { padding: 0.15em 0.2em; }
  table.grid { font-size: 0.85em; }
}
</style>
)";

void list(std::string& out, const std::vector<std::string>& items, std::string_view cls = {}) {
  if (items.empty()) return;
  out += cls.empty() ? "<ul>\n" : fmt::format("<ul class=\"{}\">\n", cls);
  for (const auto& item : items) out += "<li>" + esc(item) + "</li>\n";
  out += "</ul>\n";
}

/// The chart a runner looks at first: planned volume per week against the week's cap, over
/// bands for the phases. Drawn in a fixed viewBox that scales to the page or the phone.
void chart(std::string& out, const handout& h) {
  if (h.chart.empty()) return;
  constexpr double width = 720;
  constexpr double height = 230;
  constexpr double left = 44;
  constexpr double right = 8;
  constexpr double top = 24;
  constexpr double bottom = 26;
  double scale = 0;
  for (const auto& b : h.chart) scale = std::max({scale, b.planned, b.cap});
  if (scale <= 0) scale = 1;
  const double plot_w = width - left - right;
  const double plot_h = height - top - bottom;
  const double slot = plot_w / static_cast<double>(h.chart.size());
  const auto y_of = [&](double v) { return top + plot_h - v / scale * plot_h; };
  out += fmt::format(
      "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"Weekly running in {}, planned against the cap, by phase\">\n",
      width, height, to_string(h.units));
  constexpr std::string_view bands[] = {"#e8f0f8", "#f6efe2", "#e9f5ea", "#f3e8f3"};
  for (const auto& ph : h.phases) {
    const double x = left + slot * (ph.first_week - 1);
    const double w = slot * (ph.last_week - ph.first_week + 1);
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>"
        "<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" "
        "fill=\"#333\">Phase {}</text>\n",
        x, top, w, plot_h, bands[static_cast<std::size_t>(ph.index - 1) % 4], x + w / 2, top - 8,
        ph.index);
  }
  // Gridlines at a round step, labelled on the axis.
  const double raw = scale / 4;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;  // 1..10: round up to 1, 2, 5 or 10
  const double step = magnitude * (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10);
  for (double v = 0; v <= scale + 1e-9; v += step) {
    out += fmt::format(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#bbb\" "
        "stroke-width=\"0.6\"/><text x=\"{}\" y=\"{:.1f}\" font-size=\"10\" "
        "text-anchor=\"end\" fill=\"#333\">{:g}</text>\n",
        left, width - right, y_of(v), y_of(v), left - 4, y_of(v) + 3.5, v);
  }
  out += fmt::format("<text x=\"4\" y=\"{}\" font-size=\"10\" fill=\"#333\">{}</text>\n", top - 8,
                     to_string(h.units));
  const double bar_w = std::max(slot * 0.62, 1.0);
  for (const auto& b : h.chart) {
    const double x = left + slot * (b.week - 1) + (slot - bar_w) / 2;
    if (b.cap > 0) {
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" "
          "stroke=\"#2b5d8a\" stroke-dasharray=\"3 2\"/>\n",
          x, y_of(b.cap), bar_w, top + plot_h - y_of(b.cap));
    }
    if (b.planned > 0) {
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
          "<title>Week {}: {:.1f} of {:.1f} {}</title></rect>\n",
          x, y_of(b.planned), bar_w, top + plot_h - y_of(b.planned),
          b.lighter_week ? "#7fa7cc" : "#2b5d8a", b.week, b.planned, b.cap, to_string(h.units));
    }
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" "
        "fill=\"#333\">{}</text>\n",
        x + bar_w / 2, height - bottom + 13, b.week);
  }
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">week"
      "</text>\n</svg></div>\n",
      left + plot_w / 2, height - 2);
  out +=
      "<p class=\"small\">Bars: running planned each week; dashed: the most the rules allow "
      "that week; pale bars: lighter weeks.</p>\n<ol class=\"small\">\n";
  for (const auto& ph : h.phases) {
    out += fmt::format(
        "<li>{} (week{} {})</li>\n", esc(ph.name), ph.first_week == ph.last_week ? "" : "s",
        ph.first_week == ph.last_week ? fmt::format("{}", ph.first_week)
                                      : fmt::format("{}-{}", ph.first_week, ph.last_week));
  }
  out += "</ol>\n";
}

void front_page(std::string& out, const handout& h) {
  out += "<section class=\"page front\">\n<h1>" + esc(h.title) + "</h1>\n";
  out += "<table class=\"facts\">\n";
  for (const auto& f : h.facts) {
    out += "<tr><th>" + esc(f.label) + "</th><td>" + esc(f.value) + "</td></tr>\n";
  }
  out += "</table>\n";
  // Every warning comes before the first week (docs/plan-rules.md rule 7).
  if (!h.referrals.empty()) {
    out += "<div class=\"notice referral\"><h2>Referral</h2>\n";
    list(out, h.referrals);
    out += "</div>\n";
  }
  if (!h.warnings.empty()) {
    out += "<div class=\"notice\"><h2>Warnings</h2>\n";
    list(out, h.warnings);
    out += "</div>\n";
  }
  out += fmt::format("<h2>Weekly running ({})</h2>\n", to_string(h.units));
  chart(out, h);
  out += "<h2>How to read pain (0-10, during a session and the next morning)</h2>\n";
  list(out, h.pain_guide);
  if (!h.notes.empty()) out += "<h2>For every session</h2>\n";
  list(out, h.notes);
  if (!h.advice.empty()) out += "<h2>Advice</h2>\n";
  list(out, h.advice);
  if (!h.sources.empty()) {
    out +=
        "<h2>Sources</h2>\n<p class=\"small\">" + esc(detail::joined(h.sources, "; ")) + "</p>\n";
  }
  out += "</section>\n";
}

std::string cell(const handout_cell& c) {
  if (!c.tick) return esc(c.text);
  return "<span class=\"box\"></span>" + esc(c.text);
}

void grid(std::string& out, const handout_week& w) {
  out += "<div class=\"scroll\"><table class=\"grid\">\n<tr><th>Tick when done</th>";
  for (const auto& d : w.days) {
    out += fmt::format("<th>{}<br>{}</th>", detail::weekday_short_name(d.day_of_week()),
                       esc(handout_day_name(d).substr(4)));
  }
  out += "</tr>\n";
  for (const auto& row : w.sessions) {
    out += "<tr><th>" + esc(row.label) + "</th>";
    for (const auto& c : row.cells) out += "<td>" + cell(c) + "</td>";
    out += "</tr>\n";
  }
  out += "<tr><th>Minutes (estimated)</th>";
  for (const int m : w.minutes) out += m > 0 ? fmt::format("<td>{}</td>", m) : "<td>rest</td>";
  out += "</tr>\n<tr><th>Pain 0-10</th>";
  for (const bool a : w.active) out += a ? "<td><span class=\"line\"></span></td>" : "<td></td>";
  out += "</tr>\n</table></div>\n";
}

/// The week's exercises, each once with its dose, the sessions (grid rows) and days it is in.
void exercises(std::string& out, const handout_week& w) {
  if (w.exercises.empty()) return;
  out +=
      "<div class=\"scroll\"><table class=\"exercises\">\n<tr><th>Exercise</th><th>Dose</th>"
      "<th>Sessions</th><th>Days</th></tr>\n";
  for (const auto& e : w.exercises) {
    out += "<tr><td>" + esc(e.name) + "</td><td>" + esc(e.dose) +
           (e.twice_a_day ? ", twice a day" : "") + "</td><td>" +
           esc(detail::joined(e.groups, " ")) + "</td><td>" + detail::weekdays_text(e.days) +
           "</td></tr>\n";
  }
  out += "</table></div>\n";
}

constexpr std::size_t dense_rows = 26;

void week_page(std::string& out, const handout_week& w, std::size_t weeks) {
  // A week with many rows is set tighter, so that it still prints on one page.
  std::size_t rows = w.checkpoint.size() + w.sessions.size() + w.exercises.size();
  for (const auto& r : w.runs) rows += r.intervals.empty() ? 1 : 2;
  out += fmt::format("<section class=\"page week{}\" id=\"week-{}\">\n",
                     rows > dense_rows ? " dense" : "", w.number);
  out += fmt::format("<h2>Week {} of {} \u00b7 {} to {}</h2>\n", w.number, weeks,
                     esc(handout_day_name(w.start)), esc(handout_day_name(w.end)));
  out += fmt::format("<p><strong>Phase {}: {}</strong>{}</p>\n", w.phase.index, esc(w.phase.name),
                     w.week_in_phase > 1 ? fmt::format(" (week {} of the phase)", w.week_in_phase)
                                         : std::string());
  if (!w.phase.goal.empty()) out += "<p class=\"meta\">Goal: " + esc(w.phase.goal) + "</p>\n";
  out +=
      "<p>Running: " + esc(w.running) + (w.lighter_week ? " \u00b7 a lighter week" : "") + "</p>\n";
  if (!w.checkpoint.empty()) {
    out += "<h3>Before this week, can you say yes to each?</h3>\n<ul class=\"checks\">\n";
    for (const auto& c : w.checkpoint) {
      out += "<li><span class=\"box\"></span>" + esc(c.question) + "</li>\n";
    }
    out += "</ul>\n";
  }
  grid(out, w);
  if (!w.runs.empty()) {
    out += "<h3>Runs</h3>\n<ul>\n";
    for (const auto& r : w.runs) {
      out += fmt::format("<li><strong>{}</strong>: {} {}{}</li>\n", esc(handout_day_name(r.day)),
                         esc(r.label), esc(r.detail),
                         r.intervals.empty() ? std::string() : "<br>" + esc(r.intervals));
    }
    out += "</ul>\n";
  }
  exercises(out, w);
  out += "</section>\n";
}

void exercise_pages(std::string& out, const handout& h) {
  if (h.exercises.empty()) return;
  out += "<section class=\"page exercises\">\n<h2>Exercises</h2>\n";
  for (const auto& e : h.exercises) {
    out += fmt::format("<div class=\"exercise\" id=\"exercise-{}\">\n<h3>{}</h3>\n", esc(e.id),
                       esc(e.name));
    if (e.instructions.empty()) {
      out += fmt::format("<p>Ask your therapist (<code>kneerehab exercise show {}</code>).</p>\n",
                         esc(e.id));
    } else {
      out += "<ol>\n";
      for (const auto& step : e.instructions) out += "<li>" + esc(step) + "</li>\n";
      out += "</ol>\n";
    }
    if (!e.cues.empty()) out += "<p><em>Cues:</em> " + esc(detail::joined(e.cues, "; ")) + "</p>\n";
    std::vector<std::string> more;
    if (!e.equipment.empty()) more.push_back("You need: " + detail::joined(e.equipment, ", "));
    if (!e.regression.empty()) more.push_back("Easier: " + e.regression);
    if (!e.progression.empty()) more.push_back("Harder: " + e.progression);
    if (!more.empty())
      out += "<p class=\"small\">" + esc(detail::joined(more, " \u00b7 ")) + "</p>\n";
    for (const auto& n : e.notes) out += "<p class=\"small\">Note: " + esc(n) + "</p>\n";
    out += "</div>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string render_html(const plan& p, const render_options& options) {
  const handout h = make_handout(p, options.units, options.exercises);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      esc(h.title) + "</title>\n";
  out += style;
  out += "</head>\n<body>\n";
  front_page(out, h);
  for (const auto& w : h.weeks) week_page(out, w, h.weeks.size());
  exercise_pages(out, h);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace kneerehab
