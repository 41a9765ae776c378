#pragma once
// The library's one atomic file writer: every file the library writes (rendered plans, the
// catalogue database) is written to a temporary sibling, then renamed over the target, so a
// failure never leaves a partial file behind and never touches an existing one.

#include <filesystem>
#include <functional>
#include <string_view>

namespace kneerehab::detail {

/// Reserves a new, empty temporary file next to `path` (same directory, so the rename is
/// atomic), calls `fill(temporary)` to write it, then renames it over `path`. When `fill`
/// throws or any step fails, the temporary file (and a SQLite "-journal" beside it) is
/// removed and `path` is left as it was. Failures of the file system throw error(errc::io)
/// "cannot write 'PATH': what (reason)"; exceptions from `fill` propagate unchanged.
void replace_file_atomically(const std::filesystem::path& path,
                             const std::function<void(const std::filesystem::path&)>& fill);

/// A path in `dir` named after `stem` that did not exist when it was created: the file is
/// created empty (O_EXCL), so that no other process can take the same name. The caller
/// removes it.
std::filesystem::path create_unique_file(const std::filesystem::path& dir, std::string_view stem);

/// Removes `path` and its SQLite journal, ignoring errors.
void remove_quietly(const std::filesystem::path& path) noexcept;

}  // namespace kneerehab::detail
