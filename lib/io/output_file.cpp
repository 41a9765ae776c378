// write_file_atomically on top of the one atomic file writer (atomic_file.hpp).
#include "kneerehab/io/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include "io/atomic_file.hpp"

namespace kneerehab {
namespace {

// A character device or a FIFO is written like a shell redirection writes it: opened for
// writing (no creation, no truncation) and written; there is nothing to rename over.
void write_directly(const std::filesystem::path& path, const std::filesystem::path& file,
                    std::string_view bytes) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) detail::fail(path, "cannot open it for writing", errno);
  try {
    detail::write_all(fd, bytes, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) detail::fail(path, "close failed", errno);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           const output_file_options& options) {
  const auto target = detail::inspect_output(path, options.never_overwrite, true);
  if (target.type == detail::output_target::kind::character_device ||
      target.type == detail::output_target::kind::fifo) {
    write_directly(path, target.file, bytes);
    return;
  }
  // A plan is health data: a new file is readable by its owner only (0600 minus the umask).
  constexpr mode_t new_plan_mode = 0600;
  detail::replace_file_atomically(
      path, target,
      [&](const std::filesystem::path& /*temp*/, int fd) { detail::write_all(fd, bytes, path); },
      new_plan_mode);
}

}  // namespace kneerehab
