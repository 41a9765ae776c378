// The one atomic file writer (see atomic_file.hpp) and write_file_atomically on top of it.
#include "kneerehab/io/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "io/atomic_file.hpp"
#include "kneerehab/core/error.hpp"

namespace kneerehab {
namespace detail {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int err) {
  throw error::io(
      fmt::format("cannot write '{}': {} ({})", path.string(), what, std::strerror(err)));
}

// Creates `dir/.stem.tmp-PID-N` exclusively; returns the path, or an errno on failure.
std::filesystem::path try_create(const std::filesystem::path& dir, std::string_view stem,
                                 int& err) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = dir / fmt::format(".{}.tmp-{}-{}", stem, ::getpid(), counter++);
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::close(fd);
      return candidate;
    }
    err = errno;
    if (err != EEXIST) break;
  }
  return {};
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

void remove_quietly(const std::filesystem::path& path) noexcept {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  auto journal = path;
  journal += "-journal";
  std::filesystem::remove(journal, ignored);
}

std::filesystem::path create_unique_file(const std::filesystem::path& dir, std::string_view stem) {
  int err = 0;
  auto path = try_create(dir, stem, err);
  if (path.empty()) fail(dir / stem, "cannot create a temporary file", err);
  return path;
}

void replace_file_atomically(const std::filesystem::path& path,
                             const std::function<void(const std::filesystem::path&)>& fill) {
  if (path.empty()) throw error::io("cannot write an output file with an empty name");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw error::io(fmt::format("cannot write '{}': it is a directory", path.string()));
  }
  int err = 0;
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const auto temp = try_create(dir, path.filename().string(), err);
  if (temp.empty()) fail(path, "cannot create a temporary file in its directory", err);
  try {
    fill(temp);
  } catch (...) {
    remove_quietly(temp);
    throw;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    err = errno;
    remove_quietly(temp);
    fail(path, "rename failed", err);
  }
}

}  // namespace detail

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  detail::replace_file_atomically(path, [&](const std::filesystem::path& temp) {
    const int fd = ::open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) detail::fail(path, "cannot open the temporary file", errno);
    try {
      detail::write_all(fd, bytes, path);
      if (::fsync(fd) != 0) detail::fail(path, "fsync failed", errno);
    } catch (...) {
      ::close(fd);
      throw;
    }
    if (::close(fd) != 0) detail::fail(path, "close failed", errno);
  });
}

}  // namespace kneerehab
