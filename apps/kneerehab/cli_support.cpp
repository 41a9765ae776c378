#include <fmt/format.h>
#include <cstdlib>
#include <system_error>

#include "cli.hpp"

namespace kneerehab::cli {

std::filesystem::path resolve_catalogue_path(const std::string& db_option) {
  if (!db_option.empty()) return db_option;
  if (const char* env = std::getenv("KNEEREHAB_DB"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "kneerehab" / "exercises.db";
    if (std::filesystem::exists(installed, ec)) return installed;
  }
  return KNEEREHAB_BUILD_TREE_DB;
}

}  // namespace kneerehab::cli
