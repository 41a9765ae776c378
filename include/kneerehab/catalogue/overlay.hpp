#pragma once
/// \file overlay.hpp
/// A catalogue with a clinic's own protocols and exercises laid over it: each one replaces the
/// item of the same id (shadows a built-in one) or is added beside the others.

#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"

namespace kneerehab {

/// What a clinic lays over the shipped catalogue.
struct catalogue_additions {
  std::vector<exercise> exercises;
  std::vector<protocol> protocols;
};

/// The content of `base` with `add` laid over it, unvalidated. An added exercise joins the
/// regression/progression chains it names: `regression = R` makes it R's progression and
/// `progression = P` makes it P's regression (so an exercise goes between R and P, and a chain
/// that would be left one-way is reported by the validator as a one-way link).
[[nodiscard]] catalogue_content overlay_content(const catalogue& base,
                                                const catalogue_additions& add);

/// overlay_content, validated: throws error(errc::invalid_catalogue) as catalogue's
/// constructor does.
[[nodiscard]] catalogue overlay(const catalogue& base, const catalogue_additions& add);

}  // namespace kneerehab
