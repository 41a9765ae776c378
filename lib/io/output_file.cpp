#include "kneerehab/io/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "kneerehab/core/error.hpp"

namespace kneerehab {
namespace {

std::filesystem::path temporary_sibling(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  auto name = path.filename().string();
  return path.parent_path() / fmt::format(".{}.tmp-{}-{}", name, ::getpid(), counter++);
}

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int err) {
  throw error::io(
      fmt::format("cannot write '{}': {} ({})", path.string(), what, std::strerror(err)));
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const auto written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(path, "write failed", errno);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  if (path.empty()) throw error::io("cannot write an output file with an empty name");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw error::io(fmt::format("cannot write '{}': it is a directory", path.string()));
  }
  const auto temp = temporary_sibling(path);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "cannot create a temporary file in its directory", errno);
  try {
    write_all(fd, bytes, path);
    if (::fsync(fd) != 0) fail(path, "fsync failed", errno);
  } catch (...) {
    ::close(fd);
    std::filesystem::remove(temp, ec);
    throw;
  }
  if (::close(fd) != 0) {
    const int err = errno;
    std::filesystem::remove(temp, ec);
    fail(path, "close failed", err);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::filesystem::remove(temp, ec);
    fail(path, "rename failed", err);
  }
}

}  // namespace kneerehab
