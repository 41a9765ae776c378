#pragma once
// The library's one atomic file writer: every file the library writes (rendered plans, the
// catalogue database) is written to a temporary sibling, then renamed over the target, so a
// failure never leaves a partial file behind and never touches an existing one. The rules for
// symlinks, devices, modes, hard links and signals are in docs/robustness.md, "Output files".

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "kneerehab/io/output_file.hpp"

namespace kneerehab::detail {

/// What an output path names once the symbolic links of its last component are followed.
struct output_target {
  enum class kind { absent, regular, character_device, fifo };
  std::filesystem::path file;  ///< where the bytes go (the final target of any symlink chain)
  kind type = kind::absent;
  mode_t mode = 0;  ///< of an existing file
  uid_t owner = 0;
  gid_t group = 0;
};

/// Follows the symbolic links of the last component of `path` and checks what it names:
/// refuses (error(errc::invalid_input)) a protected file, a directory, a block device, a
/// socket, a regular file with more than one hard link and, unless `special_files_allowed`,
/// character devices and FIFOs; refuses (error(errc::io)) a symlink loop and an existing
/// regular file the caller may not write. Messages name `path`.
output_target inspect_output(const std::filesystem::path& path,
                             const std::vector<protected_file>& never_overwrite,
                             bool special_files_allowed);

/// How replace_file_atomically creates and fills the temporary file.
struct replace_options {
  /// Permission bits of a new file, before the umask. A replaced file keeps its own mode.
  mode_t new_file_mode = 0644;
  std::vector<protected_file> never_overwrite;
};

/// Reserves a new, empty temporary file `.kr-XXXXXX` in the directory of `target.file` (so the
/// rename is atomic), calls `fill(temporary, fd)` (fd: the temporary file, open read-write),
/// gives it the mode and owner of the file it replaces, fsyncs it, renames it over
/// `target.file` and fsyncs the directory. While the temporary file exists it is removed when
/// SIGHUP, SIGINT or SIGTERM (left at their default action) end the process. When `fill`
/// throws or any step fails, the temporary file (and a SQLite "-journal" beside it) is removed
/// and the target is left as it was. Failures of the file system throw error(errc::io)
/// "cannot write 'PATH': what (reason)" naming `path`; exceptions from `fill` propagate.
void replace_file_atomically(const std::filesystem::path& path, const output_target& target,
                             const std::function<void(const std::filesystem::path&, int)>& fill,
                             mode_t new_file_mode);

/// inspect_output(path, options.never_overwrite, false), then the above with a fill that gets
/// only the temporary path (for writers such as SQLite that open the file themselves).
void replace_file_atomically(const std::filesystem::path& path,
                             const std::function<void(const std::filesystem::path&)>& fill,
                             const replace_options& options = {});

/// A path in `dir` named after `stem` that did not exist when it was created: the file is
/// created empty (O_EXCL), so that no other process can take the same name. The caller
/// removes it.
std::filesystem::path create_unique_file(const std::filesystem::path& dir, std::string_view stem);

/// Removes `path` and its SQLite journal, ignoring errors.
void remove_quietly(const std::filesystem::path& path) noexcept;

/// Writes all of `bytes` to `fd`, retrying short writes and EINTR; error(errc::io) naming
/// `path` on failure.
void write_all(int fd, std::string_view bytes, const std::filesystem::path& path);

/// Throws error(errc::io) "cannot write 'PATH': what (strerror(err))".
[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what, int err);

}  // namespace kneerehab::detail
