#pragma once
/// \file catalogue_sources.hpp
/// The catalogue's TOML text sources (data/catalogue/, see docs/catalogue-format.md).

#include <filesystem>

#include "kneerehab/catalogue/catalogue.hpp"

namespace kneerehab {

/// Reads the TOML text sources in `dir` (see docs/catalogue-format.md). Throws
/// error(errc::invalid_catalogue) with file:line:column for malformed input.
catalogue_content load_catalogue_sources(const std::filesystem::path& dir);

}  // namespace kneerehab
