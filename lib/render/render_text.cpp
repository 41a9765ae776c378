// Plan -> a plain-text handout (the handout model of render/handout.hpp, laid out in 80
// columns): the first page (facts, referral notices and every warning before week 1, the volume
// chart, how to read pain, notes, advice, sources), one block per week (a grid of the week's
// sessions with tick boxes, minutes and a pain line, the runs in words, each exercise once with
// its dose and sessions), and the exercise page. Widths count UTF-8 code points.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/render/handout.hpp"
#include "kneerehab/render/render.hpp"
#include "render/plan_words.hpp"
#include "render/text_layout.hpp"

namespace kneerehab {
namespace {

constexpr std::size_t line_width = 80;
constexpr std::size_t label_width = 31;  // the grid's first column
constexpr std::size_t cell_width = 7;    // 31 + 7 x 7 = 80
constexpr std::size_t item_indent = 12;  // where a group's exercises start
constexpr int bar_width = 34;

void wrap(std::string& out, std::string_view first, std::string_view rest, std::string_view text) {
  detail::wrap(out, first, rest, text, line_width);
}

/// A heading, wrapped when long, and its underline.
void heading(std::string& out, std::string_view title, char underline) {
  wrap(out, "", "", title);
  out.append(std::min(detail::display_width(title), line_width), underline);
  out += '\n';
}

void list(std::string& out, std::string_view title, std::string_view bullet,
          const std::vector<std::string>& items) {
  if (items.empty()) return;
  out += title;
  out += '\n';
  const std::string rest(detail::display_width(bullet), ' ');
  for (const auto& item : items) wrap(out, bullet, rest, item);
  out += '\n';
}

using detail::joined;

/// Items packed into lines after a `first` prefix (later lines indented as deep), separated by
/// " · " and never split across lines unless one alone is wider than a line (its own later
/// lines two columns deeper).
void pack(std::string& out, std::string_view first, const std::vector<std::string>& items) {
  const std::size_t indent = detail::display_width(first);
  const std::string rest(indent, ' ');
  std::string line(first);
  std::size_t width = indent;
  bool empty = true;
  for (const auto& item : items) {
    const std::size_t w = detail::display_width(item);
    if (!empty && width + 3 + w > line_width) {
      out += line + '\n';
      line = rest;
      width = indent;
      empty = true;
    }
    if (empty && indent + w > line_width) {
      wrap(out, line, rest + "  ", item);  // deeper, so that it does not read as the next item
      line = rest;
      continue;
    }
    if (!empty) {
      line += " \u00b7 ";
      width += 3;
    }
    line += item;
    width += w;
    empty = false;
  }
  if (!empty) out += line + '\n';
}

void facts(std::string& out, const handout& h) {
  for (const auto& f : h.facts) {
    wrap(out, detail::pad(f.label + ":", 12), std::string(12, ' '), f.value);
  }
  out += '\n';
}

void chart(std::string& out, const handout& h) {
  if (h.chart.empty()) return;
  double scale = 0;
  for (const auto& b : h.chart) scale = std::max({scale, b.planned, b.cap});
  out +=
      fmt::format("Weekly running ({}): # planned, . up to the week's cap\n", to_string(h.units));
  const auto cells = [&](double v) {
    return scale <= 0
               ? 0
               : std::clamp(static_cast<int>(std::lround(v / scale * bar_width)), 0, bar_width);
  };
  for (const auto& b : h.chart) {
    const int planned = cells(b.planned);
    const int cap = std::max(planned, cells(b.cap));
    std::string bar(static_cast<std::size_t>(planned), '#');
    bar.append(static_cast<std::size_t>(cap - planned), '.');
    if (cap == 0) bar = "(no running)";
    out += fmt::format("  Week {:>2}  P{}  {:<{}}  {:>5.1f} of {:>5.1f}{}\n", b.week, b.phase, bar,
                       bar_width, b.planned, b.cap, b.lighter_week ? "  lighter" : "");
  }
  for (const auto& ph : h.phases) {
    const auto weeks = ph.first_week == ph.last_week
                           ? fmt::format("week {}", ph.first_week)
                           : fmt::format("weeks {}-{}", ph.first_week, ph.last_week);
    wrap(out, fmt::format("  P{} = ", ph.index), "       ", fmt::format("{} ({})", ph.name, weeks));
  }
  out += '\n';
}

void first_page(std::string& out, const handout& h) {
  heading(out, h.title, '=');
  facts(out, h);
  // Every warning comes before the first week (docs/plan-rules.md rule 7).
  list(out, "REFERRAL", "  ! ", h.referrals);
  list(out, "WARNINGS", "  ! ", h.warnings);
  chart(out, h);
  wrap(out, "", "",
       "Each week: tick a session in the grid when done and note the day's pain beside its "
       "minutes (a run's minutes include its warm-up and cool-down there); under the grid, the "
       "exercises of each session (letters) with their doses. How to: the last pages.");
  out += '\n';
  list(out, "How to read pain (0-10, during a session and the next morning)", "  - ", h.pain_guide);
  list(out, "For every session", "  - ", h.notes);
  list(out, "Advice", "  - ", h.advice);
  if (!h.sources.empty()) wrap(out, "Sources: ", "  ", joined(h.sources, "; "));
  out += '\n';
}

std::string cell_text(const handout_cell& c) {
  if (!c.tick) return c.text;
  return c.text.empty() ? "[ ]" : "[ ]" + c.text;
}

/// One grid row: the label (on a line of its own when it is too long), then seven cells.
void grid_row(std::string& out, const std::string& label, const std::array<std::string, 7>& cells) {
  std::string line;
  if (detail::display_width(label) < label_width) {
    line = detail::pad(label, label_width);
  } else {
    wrap(out, "", "  ", label);
    line.assign(label_width, ' ');
  }
  for (const auto& c : cells) line += detail::pad(c, cell_width);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out += line + '\n';
}

void grid(std::string& out, const handout_week& w) {
  std::array<std::string, 7> days;
  for (std::size_t i = 0; i < 7; ++i) {
    days.at(i) = fmt::format("{} {}", detail::weekday_short_name(w.days.at(i).day_of_week()),
                             w.days.at(i).day());
  }
  grid_row(out, "Tick when done", days);
  for (const auto& row : w.sessions) {
    std::array<std::string, 7> cells;
    for (std::size_t i = 0; i < 7; ++i) cells.at(i) = cell_text(row.cells.at(i));
    grid_row(out, row.label, cells);
  }
  // One row for the day's estimated minutes and a blank for its pain, to keep a week short.
  std::array<std::string, 7> minutes_and_pain;
  for (std::size_t i = 0; i < 7; ++i) {
    const int minutes = w.minutes.at(i);
    std::string cell = minutes > 0 ? fmt::format("{:<2}", minutes) : "rest";
    if (w.active.at(i)) cell += minutes >= 100 ? " __" : " ___";
    minutes_and_pain.at(i) = cell;
  }
  grid_row(out, "Minutes, and pain 0-10", minutes_and_pain);
}

/// "Clamshell 3 x 15": an exercise and its dose.
std::string item_text(const handout_item& e) {
  return fmt::format("{} {}{}", e.name, e.dose, e.twice_a_day ? ", twice a day" : "");
}

/// Exercises by the sessions they are in: "A C: Clamshell 3 x 15 · Plank 3 x 30 s hold", the
/// letters of the grid's rows once, then each exercise of those sessions with its dose.
void exercise_rows(std::string& out, const std::vector<const handout_item*>& items) {
  std::vector<std::vector<std::string>> sessions;  // in order of first appearance
  for (const handout_item* e : items) {
    if (std::find(sessions.begin(), sessions.end(), e->groups) == sessions.end())
      sessions.push_back(e->groups);
  }
  for (const auto& letters : sessions) {
    std::vector<std::string> texts;
    for (const handout_item* e : items) {
      if (e->groups == letters) texts.push_back(item_text(*e));
    }
    pack(out, "  " + joined(letters, " ") + ": ", texts);
  }
}

void exercise_rows(std::string& out, const std::vector<handout_item>& items) {
  std::vector<const handout_item*> all;
  for (const auto& e : items) all.push_back(&e);
  exercise_rows(out, all);
}

/// How a week's exercise table differs from an earlier week's of the same phase: the items
/// that are new or whose dose or sessions changed, and the exercises no longer done.
struct exercise_changes {
  std::vector<const handout_item*> changed;
  std::vector<std::string> dropped;  ///< names
};

bool same_item(const handout_item& a, const handout_item& b) {
  return a.exercise_id == b.exercise_id && a.twice_a_day == b.twice_a_day;
}

/// Each exercise once (an exercise at two doses in one week makes the week's table a whole).
bool each_once(const std::vector<handout_item>& items) {
  for (auto it = items.begin(); it != items.end(); ++it) {
    if (std::any_of(items.begin(), it, [&](const handout_item& x) { return same_item(x, *it); }))
      return false;
  }
  return true;
}

exercise_changes changes_since(const handout_week& w, const handout_week& before) {
  exercise_changes c;
  for (const auto& e : w.exercises) {
    const auto was = std::find_if(before.exercises.begin(), before.exercises.end(),
                                  [&](const handout_item& x) { return same_item(x, e); });
    if (was == before.exercises.end() || was->dose != e.dose || was->groups != e.groups) {
      c.changed.push_back(&e);
    }
  }
  for (const auto& e : before.exercises) {
    if (std::none_of(w.exercises.begin(), w.exercises.end(),
                     [&](const handout_item& x) { return same_item(x, e); })) {
      c.dropped.push_back(e.name);
    }
  }
  return c;
}

/// The week's exercises, each once with its dose, then the letters of the sessions it is in
/// (the grid's rows). No heading: the first page says how a week reads, once.
///
/// Later weeks of a phase refer to `before`, the week before, and list only what differs from
/// it (new exercises, new doses, other sessions, those no longer done) when that is shorter, so
/// that a plan's text stays short enough to print. (HTML and Markdown print every week whole.)
void exercises(std::string& out, const handout_week& w, const handout_week* before) {
  if (w.exercises.empty()) return;
  const bool comparable = before != nullptr && !before->exercises.empty() &&
                          each_once(w.exercises) && each_once(before->exercises);
  const exercise_changes c = comparable ? changes_since(w, *before) : exercise_changes{};
  // A line to say so, the changed rows and a line or so for those dropped: or the whole table.
  if (!comparable || 1 + c.changed.size() + (c.dropped.empty() ? 0 : 1) >= w.exercises.size()) {
    exercise_rows(out, w.exercises);
    return;
  }
  if (c.changed.empty() && c.dropped.empty()) {
    out += fmt::format("  Exercises, doses and sessions as in week {}.\n", before->number);
    return;
  }
  out += fmt::format("  Exercises, doses and sessions as in week {}, except:\n", before->number);
  exercise_rows(out, c.changed);
  if (!c.dropped.empty()) wrap(out, "  No longer: ", "    ", joined(c.dropped, ", ") + ".");
}

/// "30 min flat, hills": a run without its distance (the grid shows it) or its warm-up and
/// cool-down (the day's minutes count them; the first page says so).
std::string run_brief(const handout_run& r) {
  std::string text = fmt::format("{} min {}", r.minutes, r.surface);
  if (!r.extras.empty()) text += ", " + joined(r.extras, ", ");
  if (r.label != "Run") text = r.label + " " + text;
  if (!r.intervals.empty()) text += ": " + r.intervals;
  return text;
}

/// The week's runs in words, runs alike said once: "Mon Wed: 65 min road (75 in all)".
void runs(std::string& out, const handout_week& w) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < w.runs.size(); ++i) {
    const std::string brief = run_brief(w.runs.at(i));
    const auto alike = [&](const handout_run& x) { return run_brief(x) == brief; };
    if (std::any_of(w.runs.begin(), w.runs.begin() + static_cast<long>(i), alike)) continue;
    std::string days;
    for (const auto& x : w.runs) {
      if (alike(x))
        days += (days.empty() ? "" : " ") +
                std::string(detail::weekday_short_name(x.day.day_of_week()));
    }
    items.push_back(days + ": " + brief);
  }
  if (!items.empty()) pack(out, "Runs  ", items);
}

/// "21-27 Dec", "28 Dec-3 Jan".
std::string span(date from, date to) {
  const std::string last = handout_day_name(to).substr(4);
  if (from.month() == to.month()) return fmt::format("{}-{}", from.day(), last);
  return fmt::format("{}-{}", handout_day_name(from).substr(4), last);
}

void week_page(std::string& out, const handout_week& w, const handout_week* before,
               std::size_t weeks) {
  std::string title = fmt::format("== WEEK {} of {} \u00b7 {} \u00b7 Phase {}", w.number, weeks,
                                  span(w.start, w.end), w.phase.index);
  title += w.run_cap > 0 || w.run_total > 0
               ? fmt::format(" \u00b7 run {:.1f} of {:.1f} {} ", w.run_total, w.run_cap,
                             to_string(w.units))
               : std::string(" \u00b7 no running ");
  if (w.lighter_week) title += "\u00b7 lighter week ";
  // Filled with '=' to the width; a title too long for a line (big volumes, a lighter week)
  // wraps instead.
  title.append(line_width - std::min(line_width, detail::display_width(title)), '=');
  wrap(out, "", "   ", title);
  // The phase's name and goal where it starts; later weeks name it by number.
  if (w.week_in_phase == 1) {
    std::string phase = fmt::format("Phase {}: {}.", w.phase.index, w.phase.name);
    if (!w.phase.goal.empty()) phase += " Goal: " + w.phase.goal;
    wrap(out, "", "  ", phase);
  }
  if (!w.checkpoint.empty()) {
    out += "Before this week, can you say yes to each?\n";
    for (const auto& c : w.checkpoint) wrap(out, "  [ ] ", "      ", c.question);
  }
  grid(out, w);
  runs(out, w);
  exercises(out, w, w.week_in_phase == 1 ? nullptr : before);
}

void exercise_page(std::string& out, const handout& h) {
  if (h.exercises.empty()) return;
  out += '\n';
  heading(out, "EXERCISES", '=');
  for (const auto& e : h.exercises) {
    std::string how;
    for (std::size_t i = 0; i < e.instructions.size(); ++i) {
      how += fmt::format("{}{}. {}", i == 0 ? "" : " ", i + 1, e.instructions.at(i));
    }
    if (how.empty()) how = fmt::format("Ask your therapist ('kneerehab exercise show {}').", e.id);
    // One paragraph: steps, cues and notes run on, so that short cues fill the line.
    if (!e.cues.empty()) {
      how += " Cues: " + joined(e.cues, "; ");
      if (how.back() != '.' && how.back() != '!' && how.back() != '?') how += '.';
    }
    for (const auto& n : e.notes) how += " Note: " + n;
    if (!e.regression.empty()) how += " Easier: " + e.regression + ".";
    if (!e.progression.empty()) how += " Harder: " + e.progression + ".";
    wrap(out, "* ", "  ", e.name + ": " + how);
  }
}

}  // namespace

std::string render_text(const plan& p, const render_options& options) {
  const handout h = make_handout(p, options.units, options.exercises);
  std::string out;
  first_page(out, h);
  for (std::size_t i = 0; i < h.weeks.size(); ++i) {
    week_page(out, h.weeks[i], i > 0 ? &h.weeks[i - 1] : nullptr, h.weeks.size());
  }
  exercise_page(out, h);
  return out;
}

}  // namespace kneerehab
