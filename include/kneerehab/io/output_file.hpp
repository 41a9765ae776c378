#pragma once
/// \file output_file.hpp
/// Writing output files so that a failure never leaves a partial file behind.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kneerehab {

/// A file that an output must never replace, and what to call it when refusing.
struct protected_file {
  std::filesystem::path path;
  std::string description;  ///< e.g. "the catalogue database"; used in the refusal message
};

/// What write_file_atomically must never do.
struct output_file_options {
  /// An output that is the same file as one of these (std::filesystem::equivalent: the same
  /// inode, so hard links and symlinks are caught) is refused with error(errc::invalid_input).
  /// Files that do not exist protect nothing.
  std::vector<protected_file> never_overwrite;
};

/// Writes `bytes` to `path` (docs/robustness.md, "Output files"):
/// - a new file or an existing regular file: the bytes go to a temporary file (`.kr-XXXXXX`)
///   in the same directory, which is fsync'ed and renamed over the file; the directory is
///   fsync'ed after. A replaced file keeps its permission bits and, where the system permits,
///   its owner and group; a new file is created 0600 (health data) minus the umask. An existing
///   file the caller may not write (access W_OK) is refused with error(errc::io); a file with
///   more than one hard link is refused with error(errc::invalid_input), since replacing it
///   would break the links and writing it in place would not be atomic.
/// - a symbolic link is followed (like a shell redirection): the link stays, its final target
///   is replaced as above (temporary file beside the target), or created when it is missing.
/// - a character device or a FIFO is opened for writing and written directly: no temporary
///   file, no rename, no truncation (a FIFO blocks until a reader opens it).
/// - a directory, a block device or a socket is refused with error(errc::invalid_input).
/// While a temporary file exists, SIGHUP, SIGINT and SIGTERM whose action is the default
/// remove it before the process dies; the previous actions are restored after the write.
/// On any failure no temporary file is left, an existing `path` is left untouched, and
/// error(errc::io) names the file and the reason ("cannot write 'PATH': what (reason)").
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           const output_file_options& options = {});

}  // namespace kneerehab
