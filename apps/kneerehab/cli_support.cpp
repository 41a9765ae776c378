// Which catalogue the CLI opens when --db is not given.
#include <fmt/format.h>

#include <cstdlib>
#include <system_error>

#include "cli.hpp"

namespace kneerehab::cli {
namespace {

// Is this process the executable of the build tree (not an installed or relocated copy)?
bool running_from_build_tree() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return !ec && std::filesystem::equivalent(exe, KNEEREHAB_BUILD_TREE_EXE, ec) && !ec;
}

}  // namespace

std::filesystem::path default_catalogue_path() {
  // Only two places, both fixed when kneerehab was built: never a path relative to wherever
  // the binary happens to sit (a copy under /tmp must not read a planted /tmp/share/...).
  return running_from_build_tree() ? KNEEREHAB_BUILD_TREE_DB : KNEEREHAB_INSTALLED_DB;
}

std::filesystem::path resolve_catalogue_path(const std::string& db_option) {
  if (!db_option.empty()) return db_option;
  if (const char* env = std::getenv("KNEEREHAB_DB"); env != nullptr && *env != '\0') return env;
  return default_catalogue_path();
}

std::optional<std::filesystem::path> resolve_clinic_path(const std::string& clinic_option) {
  if (!clinic_option.empty()) return clinic_option;
  if (const char* env = std::getenv("KNEEREHAB_CLINIC"); env != nullptr && *env != '\0') {
    return env;
  }
  return std::nullopt;
}

layered_catalogue open_command_catalogue(const global_options& global) {
  return open_layered_catalogue(global.db, global.clinic);
}

std::filesystem::path require_clinic(const global_options& global, std::string_view command) {
  if (!global.clinic) {
    throw usage_error(std::string(command),
                      fmt::format("'{}' writes to a clinic database; accepted: --clinic FILE "
                                  "(or $KNEEREHAB_CLINIC), made by 'kneerehab clinic init FILE'",
                                  command));
  }
  return *global.clinic;
}

std::string catalogue_path_help() {
  const char* env = std::getenv("KNEEREHAB_DB");
  const bool from_env = env != nullptr && *env != '\0';
  const bool build_tree = running_from_build_tree();
  const std::string fallback = build_tree ? KNEEREHAB_BUILD_TREE_DB : KNEEREHAB_INSTALLED_DB;
  return fmt::format(
      "Catalogue: --db PATH, else $KNEEREHAB_DB, else the default.\n"
      "  default: {} ({})\n"
      "  in use:  {}\n",
      fallback, build_tree ? "the repository's: this is a build tree" : "installed",
      from_env ? std::string(env) + " (from $KNEEREHAB_DB)" : fallback);
}

}  // namespace kneerehab::cli
