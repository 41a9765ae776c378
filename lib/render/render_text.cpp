// Plan -> a plain-text handout a runner or a therapist can read and print: a header, every
// referral notice and warning (before week 1), the volume chart, one block per week (criteria to
// check, each day's sessions with tick boxes and a pain line), then advice and sources. Distances
// and paces honour render_options::units; no line is longer than 100 characters (UTF-8 code
// points).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/render/notice_text.hpp"
#include "kneerehab/render/render.hpp"
#include "render/plan_words.hpp"

namespace kneerehab {
namespace {

constexpr std::size_t line_width = 100;
constexpr std::string_view dot = " \u00b7 ";  // " · "

/// Characters as a reader counts them: UTF-8 code points.
std::size_t display_width(std::string_view text) noexcept {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

/// Appends one paragraph word-wrapped to line_width: the first line starts with `first`, the
/// following ones with `rest`. A single word longer than a line is cut at a code point.
void wrap_paragraph(std::string& out, std::string_view first, std::string_view rest,
                    std::string_view text) {
  // Widths are tracked as the line grows, never recounted, so that wrapping stays linear in
  // the text however long one word is.
  std::string line(first);
  std::size_t line_w = display_width(line);
  const std::size_t rest_w = display_width(rest);
  bool line_has_word = false;
  auto flush = [&] {
    out += line;
    out += '\n';
    line.assign(rest);
    line_w = rest_w;
    line_has_word = false;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    std::size_t word_w = display_width(word);
    pos = end;
    if (line_has_word && line_w + 1 + word_w > line_width) flush();
    // A word wider than a whole line: cut it into pieces that fit, at code points.
    while (line_w + word_w > line_width) {
      const std::size_t room = line_w < line_width ? line_width - line_w : 0;
      std::size_t cut = 0;
      std::size_t cut_w = 0;
      for (; cut < word.size(); ++cut) {
        if ((static_cast<unsigned char>(word[cut]) & 0xC0U) == 0x80U) continue;
        if (cut_w == std::max<std::size_t>(room, 1)) break;  // always make progress
        ++cut_w;
      }
      line += word.substr(0, cut);
      word.remove_prefix(cut);
      word_w -= cut_w;
      line_has_word = true;
      flush();
    }
    if (line_has_word) {
      line += ' ';
      ++line_w;
    }
    line += word;
    line_w += word_w;
    line_has_word = true;
  }
  if (line_has_word || line_w > 0) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
}

/// wrap_paragraph for text that may hold line breaks (and tabs, which become spaces): every
/// paragraph after the first continues with the `rest` prefix.
void wrap(std::string& out, std::string_view first, std::string_view rest, std::string_view text) {
  std::string clean(text);
  std::replace(clean.begin(), clean.end(), '\t', ' ');
  std::replace(clean.begin(), clean.end(), '\r', ' ');
  std::string_view remaining = clean;
  std::string_view prefix = first;
  for (;;) {
    const auto end = remaining.find('\n');
    wrap_paragraph(out, prefix, rest, remaining.substr(0, end));
    if (end == std::string_view::npos) break;
    remaining.remove_prefix(end + 1);
    prefix = rest;
  }
}

std::string amount(distance d, unit_system units) {
  return fmt::format("{:.1f} {}", d.in(units), to_string(units));
}

std::string_view surface_name(surface s) noexcept {
  switch (s) {
    case surface::flat:
      return "flat surface";
    case surface::road:
      return "road";
    case surface::trail:
      return "trail";
  }
  return "";
}

std::string criterion_text(const entry_criterion& c) {
  const std::string rule = describe_rule(c);
  if (c.text.empty()) return rule;
  return fmt::format("{} ({})", c.text, rule);
}

struct phase_position {
  int index = 0;  ///< 1-based
  int count = 0;
};

/// Where a week's phase falls among the phases this plan covers, in order of appearance.
phase_position position_of(const plan& p, const plan_week& week) {
  std::vector<std::string_view> ids;
  for (const auto& w : p.weeks) {
    if (std::find(ids.begin(), ids.end(), w.phase_id) == ids.end()) ids.push_back(w.phase_id);
  }
  const auto it = std::find(ids.begin(), ids.end(), week.phase_id);
  return {static_cast<int>(it - ids.begin()) + 1, static_cast<int>(ids.size())};
}

bool active(const plan_day& day) {
  return std::any_of(day.sessions.begin(), day.sessions.end(),
                     [](const session& s) { return s.type != session_type::rest; });
}

/// "4-5", or "5" when the band is a single score.
std::string band(int low, int high) {
  return low == high ? fmt::format("{}", low) : fmt::format("{}-{}", low, high);
}

/// The pain-monitoring rules (docs/clinical-basis.md section 2) with the protocol's own thresholds.
void render_pain_guide(std::string& out, const pain_rules& pain) {
  out += "Pain score guide (0-10, during and the morning after; this protocol's thresholds):\n";
  wrap(out, "  ", "  ",
       fmt::format("{} and no worse next morning: carry on as planned.",
                   band(0, pain.progress_max)));
  if (pain.hold_max > pain.progress_max) {
    wrap(out, "  ", "  ",
         fmt::format("{}, or 1-2 points worse next morning: repeat this week's step, do not "
                     "progress.",
                     band(pain.progress_max + 1, pain.hold_max)));
  }
  wrap(out, "  ", "  ",
       fmt::format("Above {}, rising during a session, limping or new swelling: stop the session "
                   "and go back one step. Pain or swelling lasting more than 24 hours: cut back "
                   "and tell your therapist.",
                   pain.hold_max));
  out += '\n';
}

void render_list(std::string& out, std::string_view heading, std::string_view bullet,
                 const std::vector<std::string>& items) {
  if (items.empty()) return;
  out += fmt::format("{}\n{}\n", heading, std::string(heading.size(), '-'));
  const std::string rest(bullet.size(), ' ');
  for (const auto& item : items) wrap(out, bullet, rest, item);
  out += '\n';
}

// Referral notices under a heading of their own, before the other warnings.
void render_warnings(std::string& out, const plan& p, unit_system units) {
  std::vector<std::string> referrals;
  std::vector<std::string> warnings;
  warnings.reserve(p.warnings.size());
  for (const auto& w : p.warnings) {
    (is_referral(w.code) ? referrals : warnings).push_back(notice_text(w, units));
  }
  render_list(out, "Referral", "  ! ", referrals);
  render_list(out, "Warnings", "  ! ", warnings);
}

void render_header(std::string& out, const plan& p, unit_system units) {
  const std::string title = "KNEE REHAB PLAN";
  out += title + '\n' + std::string(title.size(), '=') + '\n';
  wrap(out, "Condition:  ", "            ",
       fmt::format("{} ({})", p.condition_name, p.condition_id));
  wrap(out, "Protocol:   ", "            ", fmt::format("{} ({})", p.protocol_name, p.protocol_id));
  if (!p.protocol_author.empty()) {
    wrap(out, "            ", "            ",
         fmt::format("{} by {}, version {}", p.protocol_origin, p.protocol_author,
                     p.protocol_version));
  }
  wrap(out, "Dates:      ", "            ",
       fmt::format("{} to {} ({} week{})", p.start.iso(), p.end.iso(), p.weeks.size(),
                   p.weeks.size() == 1 ? "" : "s"));
  wrap(out, "Running:    ", "            ",
       fmt::format("{} a week before the injury -> target {} a week", amount(p.baseline, units),
                   amount(p.target, units)));
  wrap(out, "Easy pace:  ", "            ",
       fmt::format("{} per {} (conversational: you can talk in full sentences)",
                   p.easy_pace.format(units), to_string(units)));
  out += '\n';
  // Every warning comes before the first week (docs/plan-rules.md rule 7): a runner reads the
  // top of a handout, not its end.
  render_warnings(out, p, units);
  if (p.weeks.empty()) return;

  // The chart a runner looks at first: planned volume (#) against the week's cap (.).
  double scale_max = 0;
  for (const auto& w : p.weeks) {
    scale_max = std::max({scale_max, w.run_total.in(units), w.run_cap.in(units)});
  }
  out += fmt::format("Weekly running ({}; # planned, . up to the cap):\n", to_string(units));
  constexpr int bar_width = 40;
  for (const auto& w : p.weeks) {
    const auto cells = [&](distance d) {
      if (scale_max <= 0) return 0;
      return std::clamp(static_cast<int>(std::lround(d.in(units) / scale_max * bar_width)), 0,
                        bar_width);
    };
    const int planned = cells(w.run_total);
    const int cap = std::max(planned, cells(w.run_cap));
    std::string bar(static_cast<std::size_t>(planned), '#');
    bar.append(static_cast<std::size_t>(cap - planned), '.');
    if (cap == 0) bar = "(no running)";
    out += fmt::format("  Week {:>2}  {:<{}}  {:>5.1f} of {:>5.1f}{}\n", w.number, bar, bar_width,
                       w.run_total.in(units), w.run_cap.in(units),
                       w.lighter_week ? "  lighter week" : "");
  }
  out += '\n';
  render_pain_guide(out, p.pain);
}

void render_session(std::string& out, const session& s, unit_system units) {
  std::string title(detail::session_title(s.type));
  if (s.type == session_type::cross_training && !s.activity.empty()) {
    title += ": " + s.activity;
  }
  if (s.run) {
    const run_session& r = *s.run;
    std::string line = fmt::format("{} {}{}{}about {} min{}{}", title, amount(r.run, units),
                                   r.continuous ? "" : " of running", dot, std::lround(r.minutes),
                                   dot, surface_name(r.where));
    if (r.hills) line += fmt::format("{}hills", dot);
    if (r.downhill) line += fmt::format("{}downhill", dot);
    if (r.speed) line += fmt::format("{}speed work", dot);
    if (r.long_run) line += fmt::format("{}long run", dot);
    if (s.minutes > std::lround(r.minutes)) {
      line += fmt::format("{}{} min with warm-up and cool-down", dot, s.minutes);
    }
    wrap(out, "  [ ] ", "      ", line);
    if (!r.intervals.empty()) wrap(out, "      ", "      ", detail::intervals_text(r.intervals));
  } else if (s.exercises.empty()) {
    wrap(out, s.type == session_type::rest ? "  " : "  [ ] ", "      ",
         s.minutes > 0 ? fmt::format("{}{}about {} min", title, dot, s.minutes) : title);
  } else {
    wrap(out, "  ", "    ",
         s.minutes > 0 ? fmt::format("{}{}about {} min", title, dot, s.minutes) : title);
  }
  for (const auto& e : s.exercises) {
    const std::string& name = e.name().empty() ? e.exercise_id() : e.name();
    wrap(out, "    [ ] ", "        ", fmt::format("{}: {}", name, describe(e.dose)));
  }
  for (const auto& note : s.notes) wrap(out, "      Note: ", "            ", note_text(note));
}

void render_week(std::string& out, const plan& p, const plan_week& w, unit_system units) {
  const auto [index, count] = position_of(p, w);
  out += std::string(line_width, '-') + '\n';
  wrap(out, "", "  ",
       fmt::format("Week {}{}{} to {}{}Phase {}/{}: {}", w.number, dot, w.start.iso(),
                   w.start.plus_days(6).iso(), dot, index, count, w.phase_name));
  std::string volume = w.run_total.km() <= 0 && w.run_cap.km() <= 0
                           ? std::string("Running: none this week")
                           : fmt::format("Running: {} planned (cap {})", amount(w.run_total, units),
                                         amount(w.run_cap, units));
  if (w.lighter_week) volume += fmt::format("{}lighter week", dot);
  if (w.week_in_phase > 1) volume += fmt::format("{}week {} of this phase", dot, w.week_in_phase);
  wrap(out, "", "  ", volume);
  if (!w.checkpoint.empty()) {
    out += "Before this week, check:\n";
    for (const auto& c : w.checkpoint) wrap(out, "  [ ] ", "      ", criterion_text(c));
  }
  for (const auto& d : w.days) {
    out += '\n';
    out += fmt::format("{} {}", detail::weekday_short_name(d.day.day_of_week()), d.day.iso());
    // The day's total when it has more than one session: what the runner plans the day around.
    int sessions = 0;
    int minutes = 0;
    for (const auto& s : d.sessions) {
      sessions += s.minutes > 0 ? 1 : 0;
      minutes += s.minutes;
    }
    if (sessions > 1) out += fmt::format("{}about {} min in all", dot, minutes);
    out += '\n';
    if (d.sessions.empty()) out += "  Rest\n";
    for (const auto& s : d.sessions) render_session(out, s, units);
    if (active(d)) out += "  Pain today (0-10): ____\n";
  }
  out += '\n';
}

}  // namespace

std::string render_text(const plan& p, const render_options& options) {
  std::string out;
  render_header(out, p, options.units);
  for (const auto& w : p.weeks) render_week(out, p, w, options.units);
  out += std::string(line_width, '=') + '\n';
  render_list(out, "Advice", "  - ", p.advice);
  render_list(out, "Sources", "  - ", p.sources);
  return out;
}

}  // namespace kneerehab
