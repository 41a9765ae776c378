// Plan -> the handout (render/handout.hpp) in GitHub-flavoured Markdown: headings, tables and
// task lists, so that it reads well rendered on GitHub and as plain text. Text from data is
// escaped so that it never turns into markup, a link or a broken table.
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

/// Text from data in Markdown: punctuation that could start markup is backslash-escaped,
/// `<` and `&` become entities (no raw HTML), line breaks become spaces (one table row, one
/// list item).
std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
      case '>':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

void list(std::string& out, const std::vector<std::string>& items) {
  for (const auto& item : items) out += "- " + esc(item) + '\n';
  if (!items.empty()) out += '\n';
}

/// The weekly chart as a table with a bar of block characters, planned against the cap.
void chart(std::string& out, const handout& h) {
  if (h.chart.empty()) return;
  constexpr int bar_width = 30;
  double scale = 0;
  for (const auto& b : h.chart) scale = std::max({scale, b.planned, b.cap});
  out += fmt::format("## Weekly running ({})\n\n", to_string(h.units));
  out += fmt::format("| Week | Phase | Planned ({0}) | Cap ({0}) | |\n|---:|---:|---:|---:|:---|\n",
                     to_string(h.units));
  for (const auto& b : h.chart) {
    const auto cells = [&](double v) {
      return scale <= 0
                 ? 0
                 : std::clamp(static_cast<int>(std::lround(v / scale * bar_width)), 0, bar_width);
    };
    const int planned = cells(b.planned);
    const int cap = std::max(planned, cells(b.cap));
    std::string bar;
    for (int i = 0; i < planned; ++i) bar += "\u2588";    // full block
    for (int i = planned; i < cap; ++i) bar += "\u2591";  // light shade
    if (b.lighter_week) bar += " lighter week";
    out += fmt::format("| {} | {} | {:.1f} | {:.1f} | {} |\n", b.week, b.phase, b.planned, b.cap,
                       bar.empty() ? "no running" : bar);
  }
  out += "\n\u2588 planned, \u2591 up to the week's cap. Phases:\n\n";
  for (const auto& ph : h.phases) {
    const auto weeks = ph.first_week == ph.last_week
                           ? fmt::format("week {}", ph.first_week)
                           : fmt::format("weeks {}-{}", ph.first_week, ph.last_week);
    out += fmt::format("{}. {} ({})\n", ph.index, esc(ph.name), weeks);
  }
  out += '\n';
}

void front_page(std::string& out, const handout& h) {
  out += "# " + esc(h.title) + "\n\n| | |\n|---|---|\n";
  for (const auto& f : h.facts) out += "| **" + esc(f.label) + "** | " + esc(f.value) + " |\n";
  out += '\n';
  // Every warning comes before the first week (docs/plan-rules.md rule 7).
  if (!h.referrals.empty()) out += "## Referral\n\n";
  list(out, h.referrals);
  if (!h.warnings.empty()) out += "## Warnings\n\n";
  list(out, h.warnings);
  chart(out, h);
  out += "## How to read pain (0-10, during a session and the next morning)\n\n";
  list(out, h.pain_guide);
  if (!h.notes.empty()) out += "## For every session\n\n";
  list(out, h.notes);
  if (!h.advice.empty()) out += "## Advice\n\n";
  list(out, h.advice);
  if (!h.sources.empty()) out += "## Sources\n\n";
  list(out, h.sources);
}

void grid(std::string& out, const handout_week& w) {
  out += "| Tick when done |";
  for (const auto& d : w.days) out += " " + handout_day_name(d) + " |";
  out += "\n|---|";
  for (std::size_t i = 0; i < w.days.size(); ++i) out += ":---:|";
  out += '\n';
  for (const auto& row : w.sessions) {
    out += "| " + esc(row.label) + " |";
    for (const auto& c : row.cells) {
      out +=
          std::string(c.tick ? " \u2610" : "") + (c.text.empty() ? "" : " " + esc(c.text)) + " |";
    }
    out += '\n';
  }
  out += "| Minutes (estimated) |";
  for (const int m : w.minutes) out += m > 0 ? fmt::format(" {} |", m) : " rest |";
  out += "\n| Pain 0-10 |";
  for (const bool a : w.active) out += a ? " \\_\\_\\_ |" : " |";
  out += "\n\n";
}

void week_page(std::string& out, const handout_week& w, std::size_t weeks) {
  out += fmt::format("---\n\n## Week {} of {} \u00b7 {} to {}\n\n", w.number, weeks,
                     handout_day_name(w.start), handout_day_name(w.end));
  out += fmt::format("**Phase {}: {}**{}\n\n", w.phase.index, esc(w.phase.name),
                     w.week_in_phase > 1 ? fmt::format(" (week {} of the phase)", w.week_in_phase)
                                         : std::string());
  if (!w.phase.goal.empty()) out += "Goal: " + esc(w.phase.goal) + "\n\n";
  out += "Running: " + esc(w.running) + (w.lighter_week ? " \u00b7 a lighter week" : "") + "\n\n";
  if (!w.checkpoint.empty()) {
    out += "Before this week, can you say yes to each?\n\n";
    for (const auto& c : w.checkpoint) out += "- [ ] " + esc(c.question) + '\n';
    out += '\n';
  }
  grid(out, w);
  for (const auto& r : w.runs) {
    out += fmt::format("- **{}**: {} {}{}\n", handout_day_name(r.day), esc(r.label), esc(r.detail),
                       r.intervals.empty() ? "" : ": " + esc(r.intervals));
  }
  if (!w.runs.empty()) out += '\n';
  if (w.exercises.empty()) return;
  out += "| Exercise | Dose | Sessions | Days |\n|---|---|---|---|\n";
  for (const auto& e : w.exercises) {
    out += fmt::format("| {} | {}{} | {} | {} |\n", esc(e.name), esc(e.dose),
                       e.twice_a_day ? ", twice a day" : "", esc(detail::joined(e.groups, " ")),
                       detail::weekdays_text(e.days));
  }
  out += '\n';
}

void exercise_page(std::string& out, const handout& h) {
  if (h.exercises.empty()) return;
  out += "---\n\n## Exercises\n\n";
  for (const auto& e : h.exercises) {
    out += "### " + esc(e.name) + "\n\n";
    if (e.instructions.empty()) {
      out += fmt::format("Ask your therapist (`kneerehab exercise show {}`).\n\n", e.id);
    }
    for (std::size_t i = 0; i < e.instructions.size(); ++i) {
      out += fmt::format("{}. {}\n", i + 1, esc(e.instructions.at(i)));
    }
    if (!e.instructions.empty()) out += '\n';
    if (!e.cues.empty()) out += "*Cues:* " + esc(detail::joined(e.cues, "; ")) + "\n\n";
    std::vector<std::string> more;
    if (!e.equipment.empty()) more.push_back("You need: " + detail::joined(e.equipment, ", "));
    if (!e.regression.empty()) more.push_back("Easier: " + e.regression);
    if (!e.progression.empty()) more.push_back("Harder: " + e.progression);
    if (!more.empty()) out += esc(detail::joined(more, " \u00b7 ")) + "\n\n";
    for (const auto& n : e.notes) out += "Note: " + esc(n) + "\n\n";
  }
}

}  // namespace

std::string render_markdown(const plan& p, const render_options& options) {
  const handout h = make_handout(p, options.units, options.exercises);
  std::string out;
  front_page(out, h);
  for (const auto& w : h.weeks) week_page(out, w, h.weeks.size());
  exercise_page(out, h);
  while (out.size() > 1 && out.back() == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace kneerehab
