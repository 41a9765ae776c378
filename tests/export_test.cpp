// Calendar (iCalendar, RFC 5545) and health-record (HL7 FHIR R4) exports: golden files made
// from the planner's output on the shipped catalogue, and the properties every export keeps
// (folding, escaping, stable identity). Regenerate the golden files with
// KNEEREHAB_UPDATE_GOLDEN=1 and review the diff. tests/export-tests.cmake reads the golden
// files back with a real iCalendar parser and validates the FHIR ones against the R4 schema.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kneerehab/plan/planner.hpp"
#include "kneerehab/render/protocol_fhir.hpp"
#include "kneerehab/render/render.hpp"
#include "render/digest.hpp"
#include "render/plan_export.hpp"
#include "support/golden.hpp"
#include "support/shipped_catalogue.hpp"

using namespace kneerehab;
using kneerehab::testing::expect_matches_golden;

namespace {

const date today = date::from_ymd(2026, 11, 20);

/// The request the golden files are made from (the CLI's --condition patellofemoral-pain
/// --start 2026-11-23 --baseline 30 --current 0 --today 2026-11-20).
plan_request golden_request() {
  plan_request request;
  request.condition_id = "patellofemoral-pain";
  request.profile.start = date::from_ymd(2026, 11, 23);
  request.profile.baseline = distance::from_km(30);
  request.profile.current = distance::from_km(0);
  request.today = today;
  return request;
}

const plan& golden_plan() {
  static const plan p = [] {
    auto outcome = make_plan(kneerehab::testing::shipped_catalogue(), golden_request());
    if (!std::holds_alternative<plan>(outcome)) throw std::runtime_error("golden request refers");
    return std::get<plan>(std::move(outcome));
  }();
  return p;
}

/// Physical lines of an iCalendar stream, without their CRLF; fails on a bare LF or CR.
std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    const auto end = ics.find("\r\n", pos);
    EXPECT_NE(end, std::string::npos) << "the stream does not end in CRLF";
    if (end == std::string::npos) break;
    const auto line = ics.substr(pos, end - pos);
    EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << "bare CR or LF in: " << line;
    lines.push_back(line);
    pos = end + 2;
  }
  return lines;
}

/// Content lines: physical lines unfolded (RFC 5545 section 3.1).
std::vector<std::string> content_lines(const std::string& ics) {
  std::vector<std::string> lines;
  for (const auto& line : physical_lines(ics)) {
    if (!line.empty() && line.front() == ' ' && !lines.empty()) {
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
  }
  return lines;
}

/// The values of property `name` (parameters included in the name, e.g. "DTSTART;VALUE=DATE").
std::vector<std::string> values_of(const std::string& ics, std::string_view name) {
  std::vector<std::string> values;
  const std::string prefix = std::string(name) + ":";
  for (const auto& line : content_lines(ics)) {
    if (line.rfind(prefix, 0) == 0) values.push_back(line.substr(prefix.size()));
  }
  return values;
}

/// A TEXT value unescaped.
std::string unescaped(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      ++i;
      out += value[i] == 'n' || value[i] == 'N' ? '\n' : value[i];
    } else {
      out += value[i];
    }
  }
  return out;
}

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 0;
    if (n == 0 || i + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0U) != 0x80U) return false;
    }
    i += n;
  }
  return true;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
/// One week by hand with non-ASCII names and text longer than a line, and characters that
/// iCalendar escapes.
plan unicode_plan() {
  const date start = date::from_ymd(2026, 11, 23);
  plan p{.start = start, .end = start.plus_days(6)};
  p.condition_id = "patellofemoral-pain";
  p.condition_name = "Douleur fémoro-patellaire (genou du coureur)";
  p.protocol_id = "pfp-fr";
  p.protocol_name = "Protocole: renforcement, puis retour à la course";
  p.baseline = distance::from_km(30);
  p.target = distance::from_km(30);
  plan_week w{.number = 1,
              .start = start,
              .phase_id = "phase-1",
              .phase_name = "Calmer le genou; activer les hanches, les fessiers et les mollets",
              .days = {plan_day{start, {}}, plan_day{start.plus_days(1), {}},
                       plan_day{start.plus_days(2), {}}, plan_day{start.plus_days(3), {}},
                       plan_day{start.plus_days(4), {}}, plan_day{start.plus_days(5), {}},
                       plan_day{start.plus_days(6), {}}}};
  dosage d;
  d.sets = 3;
  d.reps = 12;
  d.tempo = "3-0-3";
  d.load = "poids du corps; «lent», contrôlé\\pas de douleur > 3/10";
  session strength;
  strength.type = session_type::strength;
  strength.exercises = {
      exercise_dose("pont-fessier", "Pont fessier à une jambe — Ü ñ 日本語 😀 ", d),
      exercise_dose("squat", std::string(120, 'x') + "é" + std::string(3, 'y') + "日本", d)};
  strength.notes = {session_note(note_code::exercise_note, strength.exercises.front().label,
                                 "Ligne un\nLigne deux, avec ; et , et \\")};
  run_session r;
  r.run = distance::from_km(3);
  r.minutes = 20;
  session run;
  run.type = session_type::run;
  run.run = r;
  session rest;
  rest.type = session_type::rest;
  w.days[0].sessions = {strength};
  w.days[2].sessions = {run, strength};
  w.days[3].sessions = {rest};
  w.run_total = r.run;
  w.run_cap = distance::from_km(5);
  p.weeks = {w};
  return p;
}
#pragma GCC diagnostic pop

}  // namespace

TEST(Digest, Sha256KnownAnswers) {
  EXPECT_EQ(detail::sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(detail::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(detail::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(detail::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Digest, NameUuidsAreVersion8AndStable) {
  const auto id = detail::name_uuid("kneerehab");
  ASSERT_EQ(id.size(), 36U);
  EXPECT_EQ(id[14], '8');
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
  EXPECT_EQ(id, detail::name_uuid("kneerehab"));
  EXPECT_NE(id, detail::name_uuid("kneerehab "));
}

TEST(ExportGolden, PlanIcsMatchesGolden) {
  expect_matches_golden("plan.ics", render_ics(golden_plan(), {unit_system::km, today}));
}

TEST(ExportGolden, PlanFhirMatchesGolden) {
  expect_matches_golden("plan.fhir.json", render_fhir(golden_plan(), {unit_system::km, today}));
}

TEST(ExportGolden, ProtocolFhirMatchesGolden) {
  const auto& cat = kneerehab::testing::shipped_catalogue();
  const auto* p = cat.find_protocol("patellofemoral-pain-rehab");
  ASSERT_NE(p, nullptr);
  expect_matches_golden("protocol.fhir.json", render_protocol_fhir(cat, *p));
}

TEST(ExportGolden, UnicodePlanForTheParserCheck) {
  // Read back by python3-icalendar against the plan's JSON (tests/export-tests.cmake).
  expect_matches_golden("plan-unicode.ics", render_ics(unicode_plan(), {unit_system::km, today}));
  expect_matches_golden("plan-unicode.json", render_json(unicode_plan()));
  expect_matches_golden("plan-unicode.fhir.json",
                        render_fhir(unicode_plan(), {unit_system::km, today}));
}

TEST(RenderIcs, RequiredPropertiesAndOneAllDayEventPerSession) {
  const plan& p = golden_plan();
  const auto ics = render_ics(p, {unit_system::km, today});
  const auto lines = content_lines(ics);
  ASSERT_GE(lines.size(), 4U);
  EXPECT_EQ(lines[0], "BEGIN:VCALENDAR");
  EXPECT_EQ(lines[1], "VERSION:2.0");
  EXPECT_EQ(lines[2].rfind("PRODID:-//kneerehab//", 0), 0U);
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  std::vector<std::string> expected_starts;
  std::vector<std::string> expected_ends;
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      for (const auto& s : d.sessions) {
        if (s.type == session_type::rest) continue;
        const auto compact = [](date day) {
          auto iso = day.iso();
          iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
          return iso;
        };
        expected_starts.push_back(compact(d.day));
        expected_ends.push_back(compact(d.day.plus_days(1)));
      }
    }
  }
  ASSERT_FALSE(expected_starts.empty());
  EXPECT_EQ(values_of(ics, "DTSTART;VALUE=DATE"), expected_starts);
  EXPECT_EQ(values_of(ics, "DTEND;VALUE=DATE"), expected_ends);
  const auto stamps = values_of(ics, "DTSTAMP");
  EXPECT_EQ(stamps.size(), expected_starts.size());
  for (const auto& s : stamps) EXPECT_EQ(s, "20261120T000000Z");
  const auto uids = values_of(ics, "UID");
  EXPECT_EQ(std::set<std::string>(uids.begin(), uids.end()).size(), expected_starts.size());
}

TEST(RenderIcs, SummariesReadAtAGlance) {
  const auto ics = render_ics(golden_plan(), {unit_system::km, today});
  for (const auto& raw : values_of(ics, "SUMMARY")) {
    const auto summary = unescaped(raw);
    const bool known = summary.rfind("Run ", 0) == 0 || summary.rfind("Walk-run ", 0) == 0 ||
                       summary.rfind("Strength, ", 0) == 0 || summary.rfind("Mobility, ", 0) == 0 ||
                       summary.rfind("Cross-training", 0) == 0;
    EXPECT_TRUE(known) << summary;
    EXPECT_LE(summary.size(), 72U) << summary;  // a cross-training name is catalogue text
  }
  session run;
  run.type = session_type::run;
  run.run = run_session{};
  run.run->minutes = 25;
  EXPECT_EQ(detail::session_summary(run), "Run 25 min easy, flat");
}

TEST(RenderIcs, FoldsAt75OctetsWithoutSplittingACharacter) {
  const auto ics = render_ics(unicode_plan(), {unit_system::km, today});
  bool folded = false;
  for (const auto& line : physical_lines(ics)) {
    EXPECT_LE(line.size(), 75U) << line;
    EXPECT_TRUE(valid_utf8(line)) << "a fold split a character: " << line;
    folded = folded || (!line.empty() && line.front() == ' ');
  }
  EXPECT_TRUE(folded);
  // Unfolded and unescaped, the text is the session's, every character intact.
  const auto descriptions = values_of(ics, "DESCRIPTION");
  ASSERT_EQ(descriptions.size(), 3U);  // strength; run and strength; the rest day has none
  const auto first = unescaped(descriptions[0]);
  EXPECT_NE(first.find("Pont fessier à une jambe — Ü ñ 日本語 😀 : 3 x 12"), std::string::npos)
      << first;
  EXPECT_NE(first.find(std::string(120, 'x') + "éyyy日本: 3 x 12"), std::string::npos) << first;
  EXPECT_NE(first.find("Ligne un\nLigne deux, avec ; et , et \\"), std::string::npos) << first;
  EXPECT_NE(first.find("poids du corps; «lent», contrôlé\\pas de douleur > 3/10"),
            std::string::npos)
      << first;
}

TEST(RenderIcs, EscapesBackslashFirstThenSemicolonCommaAndNewline) {
  const auto ics = render_ics(unicode_plan(), {unit_system::km, today});
  const auto description = values_of(ics, "DESCRIPTION").front();
  EXPECT_NE(description.find("Ligne un\\nLigne deux\\, avec \\; et \\, et \\\\"), std::string::npos)
      << description;
  EXPECT_EQ(description.find('\n'), std::string::npos);
}

TEST(RenderIcs, SamePlanSameBytesAndAnotherPlanOtherUids) {
  const plan& p = golden_plan();
  const auto a = render_ics(p, {unit_system::km, today});
  EXPECT_EQ(a, render_ics(p, {unit_system::km, today}));
  plan changed = p;
  changed.weeks.back().days[0].sessions.push_back(changed.weeks.front().days[0].sessions.front());
  const auto b = render_ics(changed, {unit_system::km, today});
  const auto uids_a = values_of(a, "UID");
  const auto uids_b = values_of(b, "UID");
  for (const auto& uid : uids_b) {
    EXPECT_EQ(std::find(uids_a.begin(), uids_a.end(), uid), uids_a.end()) << uid;
  }
  // The stamp is the request's today, never the clock; without one, the plan's start.
  EXPECT_EQ(values_of(render_ics(p), "DTSTAMP").front(), "20261123T000000Z");
  EXPECT_EQ(values_of(render_ics(p, {unit_system::km, today.plus_days(1)}), "UID"), uids_a);
}

TEST(RenderFhir, CarePlanIsStableAndNamesTheRequestsToday) {
  const plan& p = golden_plan();
  const auto a = render_fhir(p, {unit_system::km, today});
  EXPECT_EQ(a, render_fhir(p, {unit_system::mi, today}));  // FHIR is always km
  EXPECT_NE(a.find("\"created\": \"2026-11-20\""), std::string::npos);
  plan changed = p;
  changed.target = distance::from_km(25);
  const auto b = render_fhir(changed, {unit_system::km, today});
  EXPECT_NE(a.substr(0, 120), b.substr(0, 120));  // another id
  EXPECT_NE(a.find("\"code\": \"229065009\""), std::string::npos);
  EXPECT_NE(a.find("\"doNotPerform\": true"), std::string::npos);
}

TEST(RenderFhir, AReferralHasNoExportDocument) {
  referral r;
  r.title = "Severe daily pain";
  EXPECT_EQ(render(r, output_format::ics), "");
  EXPECT_EQ(render(r, output_format::fhir), "");
}

TEST(OutputFormat, ExportNamesRoundTrip) {
  for (auto f : {output_format::ics, output_format::fhir}) {
    EXPECT_EQ(parse_output_format(to_string(f)), f);
  }
  EXPECT_EQ(render(golden_plan(), output_format::ics, {unit_system::km, today}),
            render_ics(golden_plan(), {unit_system::km, today}));
  EXPECT_EQ(render(golden_plan(), output_format::fhir, {unit_system::km, today}),
            render_fhir(golden_plan(), {unit_system::km, today}));
}
