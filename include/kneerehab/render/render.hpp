#pragma once
/// \file render.hpp
/// Plans and referrals as bytes for people and programs.

#include <optional>
#include <string>
#include <string_view>

#include "kneerehab/model/units.hpp"
#include "kneerehab/plan/plan.hpp"

namespace kneerehab {

enum class output_format { text, json };
std::string_view to_string(output_format format) noexcept;
std::optional<output_format> parse_output_format(std::string_view text) noexcept;

struct render_options {
  unit_system units = unit_system::km;  ///< human-readable output only; JSON is always km
};

/// A plain-text handout, one block per week.
std::string render_text(const plan& p, const render_options& options = {});
/// JSON per docs/plan.schema.json (schema id "kneerehab.plan/1"); distances in km.
std::string render_json(const plan& p);
/// Dispatches on `format`.
std::string render(const plan& p, output_format format, const render_options& options = {});

/// A referral (the answer instead of a plan) in words: "STOP: no plan. <title>\n<message>\n",
/// as the CLI prints it on standard error. A referral holds no distances, so it reads the same
/// in every unit system.
std::string render_text(const referral& r);
/// JSON per docs/plan.schema.json, schema id "kneerehab.referral/1" (docs/plan-json.md,
/// "Referral").
std::string render_json(const referral& r);
/// Dispatches on `format`.
std::string render(const referral& r, output_format format);

}  // namespace kneerehab
