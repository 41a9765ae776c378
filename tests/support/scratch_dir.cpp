#include "support/scratch_dir.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>

namespace kneerehab::testing {

scratch_dir::scratch_dir() {
  // Unique across processes (pid, random) and within one (a counter), so that parallel ctest
  // runs and threads never share a directory.
  static std::atomic<unsigned> counter{0};
  std::random_device seed;
  path_ = std::filesystem::temp_directory_path() /
          ("kneerehab-test-" + std::to_string(::getpid()) + "-" + std::to_string(seed()) + "-" +
           std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

scratch_dir::~scratch_dir() {
  std::error_code ignored;
  // A test may have made the directory read-only; give permissions back before removing it.
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace kneerehab::testing
