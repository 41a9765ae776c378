// Plan -> iCalendar (RFC 5545), docs/exports.md. One all-day VEVENT per session that is not
// rest: the session is what a runner does and ticks off, its dose changes every week (so no
// recurrence rule), and a short SUMMARY per session reads at a glance in a month view.
// Content lines end in CRLF and fold at 75 octets, never inside a UTF-8 character; TEXT values
// escape backslash first, then ';', ',' and line breaks. UIDs are name-based UUIDs of the
// plan's content fingerprint, the day and the session's place in it; DTSTAMP is the request's
// today at midnight UTC. Nothing reads the clock.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/core/version.hpp"
#include "kneerehab/render/criterion_text.hpp"
#include "kneerehab/render/notice_text.hpp"
#include "kneerehab/render/render.hpp"
#include "render/digest.hpp"
#include "render/plan_export.hpp"
#include "render/plan_words.hpp"

namespace kneerehab {
namespace {

constexpr std::size_t max_line_octets = 75;

bool is_continuation_byte(char c) noexcept {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

/// Appends `line` folded (RFC 5545 section 3.1): at most 75 octets a line, CRLF, each
/// continuation starting with one space; a cut never splits a UTF-8 character.
void append_folded(std::string& out, std::string_view line) {
  std::size_t limit = max_line_octets;
  bool first = true;
  while (!line.empty()) {
    if (!first) out += ' ';
    std::size_t cut = line.size() <= limit ? line.size() : limit;
    while (cut < line.size() && cut > 0 && is_continuation_byte(line[cut])) --cut;
    if (cut == 0) cut = 1;  // never reached with valid UTF-8 (a character is at most 4 octets)
    out.append(line.substr(0, cut));
    out += "\r\n";
    line.remove_prefix(cut);
    first = false;
    limit = max_line_octets - 1;  // the leading space counts
  }
}

/// A TEXT value escaped (RFC 5545 section 3.3.11): backslash first, then ';', ',' and line
/// breaks (CRLF, CR and LF each become "\n"). Other control characters are dropped: they are
/// not allowed in a content line.
std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20U && c != '\t') break;
        if (c == 0x7f) break;
        out += c;
    }
  }
  return out;
}

void property(std::string& out, std::string_view name, std::string_view raw_value) {
  std::string line(name);
  line += ':';
  line += raw_value;
  append_folded(out, line);
}

void text_property(std::string& out, std::string_view name, std::string_view text) {
  property(out, name, escape_text(text));
}

std::string ical_date(date d) {
  return fmt::format("{:04}{:02}{:02}", d.year(), d.month(), d.day());
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

/// The runner reads a calendar: the criterion asked in plain words, as the handouts ask it.
std::string criterion_line(const entry_criterion& c) { return criterion_question(c); }

std::vector<std::string> warning_lines(const plan& p, unit_system units) {
  std::vector<std::string> lines;
  for (const auto& w : p.warnings) lines.push_back("! " + notice_text(w, units));
  return lines;
}

std::string pain_line(const pain_rules& pain) {
  return fmt::format(
      "Pain (0-10): up to {} carry on; up to {} repeat this step; above {} stop and step back.",
      pain.progress_max, pain.hold_max, pain.hold_max);
}

struct event_context {
  const plan& p;
  const plan_week& week;
  const plan_day& day;
  const session& s;
  std::size_t index = 0;  ///< the session's place among the day's sessions
  bool first_of_week = false;
  bool first_of_plan = false;
};

std::string event_description(const event_context& e, unit_system units) {
  std::vector<std::string> lines = detail::session_dose_lines(e.s, units);
  lines.push_back(fmt::format("Week {} of {}: {}{}", e.week.number, e.p.weeks.size(),
                              e.week.phase_name, e.week.lighter_week ? " (lighter week)" : ""));
  if (e.first_of_week && !e.week.checkpoint.empty()) {
    lines.emplace_back("Before this week, can you say yes to each?");
    for (const auto& c : e.week.checkpoint) lines.push_back("- " + criterion_line(c));
  }
  lines.push_back(pain_line(e.p.pain));
  if (e.first_of_plan) {
    const auto warnings = warning_lines(e.p, units);
    lines.insert(lines.end(), warnings.begin(), warnings.end());
  }
  return joined(lines);
}

}  // namespace

std::string render_ics(const plan& p, const render_options& options) {
  const date stamp_day = options.today.value_or(p.start);
  const std::string stamp = ical_date(stamp_day) + "T000000Z";
  const std::string digest = detail::sha256_hex(detail::plan_fingerprint(p));

  std::string out;
  out.reserve(2048 + p.weeks.size() * 7 * 900);
  property(out, "BEGIN", "VCALENDAR");
  property(out, "VERSION", "2.0");
  property(out, "PRODID", fmt::format("-//kneerehab//kneerehab {}//EN", version));
  property(out, "CALSCALE", "GREGORIAN");
  property(out, "METHOD", "PUBLISH");
  text_property(out, "X-WR-CALNAME", fmt::format("Knee rehab: {}", p.condition_name));
  std::vector<std::string> about = {
      fmt::format("{} ({} to {})", p.protocol_name, p.start.iso(), p.end.iso())};
  const auto warnings = warning_lines(p, options.units);
  about.insert(about.end(), warnings.begin(), warnings.end());
  text_property(out, "X-WR-CALDESC", joined(about));

  bool first_of_plan = true;
  for (const auto& w : p.weeks) {
    bool first_of_week = true;
    for (const auto& d : w.days) {
      for (std::size_t i = 0; i < d.sessions.size(); ++i) {
        const session& s = d.sessions[i];
        if (!detail::is_activity(s)) continue;
        const event_context e{p, w, d, s, i, first_of_week, first_of_plan};
        first_of_week = false;
        first_of_plan = false;
        property(out, "BEGIN", "VEVENT");
        property(
            out, "UID",
            detail::name_uuid(fmt::format("kneerehab-event:{}:{}:{}", digest, d.day.iso(), i)));
        property(out, "DTSTAMP", stamp);
        property(out, "DTSTART;VALUE=DATE", ical_date(d.day));
        property(out, "DTEND;VALUE=DATE", ical_date(d.day.plus_days(1)));  // exclusive
        text_property(out, "SUMMARY", detail::session_summary(s));
        text_property(out, "DESCRIPTION", event_description(e, options.units));
        property(out, "CATEGORIES",
                 fmt::format("{},{}", escape_text("Knee rehab"),
                             escape_text(detail::session_title(s.type))));
        property(out, "TRANSP", "TRANSPARENT");  // all day, but leaves the day free
        property(out, "END", "VEVENT");
      }
    }
  }
  property(out, "END", "VCALENDAR");
  return out;
}

}  // namespace kneerehab
