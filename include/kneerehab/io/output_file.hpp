#pragma once
/// \file output_file.hpp
/// Writing output files so that a failure never leaves a partial file behind.

#include <filesystem>
#include <string_view>

namespace kneerehab {

/// Writes `bytes` to a temporary file next to `path`, then renames it over `path`. On any
/// failure the temporary file is removed, an existing `path` is left untouched, and
/// error(errc::io) names the file and the reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace kneerehab
