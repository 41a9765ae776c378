#pragma once
/// \file render.hpp
/// Plans and referrals as bytes for people and programs.

#include <optional>
#include <string>
#include <string_view>

#include "kneerehab/model/date.hpp"
#include "kneerehab/model/units.hpp"
#include "kneerehab/plan/plan.hpp"

namespace kneerehab {

class catalogue;

/// Every format a plan renders to; the first four are handouts for people (docs/handouts.md).
enum class output_format { text, markdown, html, csv, json, ics, fhir };
std::string_view to_string(output_format format) noexcept;
std::optional<output_format> parse_output_format(std::string_view text) noexcept;

struct render_options {
  render_options() = default;
  /// From the units alone, or with the request's today: `{unit_system::mi}` reads as before.
  render_options(unit_system u, std::optional<date> day = std::nullopt) : units(u), today(day) {}

  unit_system units = unit_system::km;  ///< human-readable output only; JSON is always km
  /// The request's today: the iCalendar DTSTAMP and the FHIR CarePlan's `created`. Never the
  /// clock, so that the same request exports the same bytes. When absent, the plan's start.
  std::optional<date> today;
  /// The catalogue the plan came from, for the handouts' exercise page (instructions, cues,
  /// regression, progression) and phase goals. Not owned; may be null: the exercise page then
  /// names the exercises only.
  const catalogue* exercises = nullptr;
};

/// A plain-text handout (make_handout, docs/handouts.md): a first page, one block per week, an
/// exercise page. At most 80 columns (UTF-8 code points).
std::string render_text(const plan& p, const render_options& options = {});
/// The same handout in GitHub-flavoured Markdown: headings and tables.
std::string render_markdown(const plan& p, const render_options& options = {});
/// The same handout as one self-contained HTML page (no network: inline CSS and SVG chart) with
/// print CSS: the first page(s), one printed page per week, the exercise page(s).
std::string render_html(const plan& p, const render_options& options = {});
/// CSV (RFC 4180, CRLF line ends): a header row, then one row per exercise or run of every
/// session (and one per cross-training session); distances in the options' units, the unit in
/// the column name (distance_km, distance_mi).
std::string render_csv(const plan& p, const render_options& options = {});
/// JSON per docs/plan.schema.json (schema id "kneerehab.plan/1"); distances in km.
std::string render_json(const plan& p);
/// iCalendar (RFC 5545): one all-day VEVENT per session that is not rest, with a stable UID
/// derived from the plan's content (docs/exports.md). CRLF line ends, folded at 75 octets.
std::string render_ics(const plan& p, const render_options& options = {});
/// HL7 FHIR R4 JSON: the plan as a CarePlan with its Condition and target-volume Goal contained
/// (docs/exports.md). Distances in km, as in every machine-readable output.
std::string render_fhir(const plan& p, const render_options& options = {});
/// Dispatches on `format`.
std::string render(const plan& p, output_format format, const render_options& options = {});

/// A referral (the answer instead of a plan) in words: "STOP: no plan. <title>\n<message>\n",
/// as the CLI prints it on standard error. A referral holds no distances, so it reads the same
/// in every unit system.
std::string render_text(const referral& r);
/// JSON per docs/plan.schema.json, schema id "kneerehab.referral/1" (docs/plan-json.md,
/// "Referral").
std::string render_json(const referral& r);
/// Dispatches on `format`: text and Markdown give render_text(r). HTML, CSV, iCalendar and FHIR
/// have no referral document: an empty string (the
/// CLI prints the referral on standard error only).
std::string render(const referral& r, output_format format);

}  // namespace kneerehab
