#pragma once
// Shared pieces of the kneerehab CLI: exit codes, usage errors, the catalogue to use.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/model/units.hpp"

namespace kneerehab::cli {

/// Exit codes of PRODUCT.md.
enum exit_code : int { ok = 0, runtime_failure = 1, usage = 2, red_flag = 3 };

/// A mistake in how the command was called; `command` names the command for the hint.
class usage_error : public std::runtime_error {
 public:
  usage_error(std::string command, const std::string& message)
      : std::runtime_error(message), command_(std::move(command)) {}
  [[nodiscard]] const std::string& command() const noexcept { return command_; }

 private:
  std::string command_;
};

struct global_options {
  std::filesystem::path db;  ///< resolved catalogue path
  unit_system units = unit_system::km;
};

/// --db, then $KNEEREHAB_DB, then <prefix>/share/kneerehab/exercises.db next to an installed
/// binary, then the repository's exercises.db in a build tree.
std::filesystem::path resolve_catalogue_path(const std::string& db_option);

/// Command handlers: `args` are the words after the command name.
int run_catalogue_command(const std::string& command, const std::vector<std::string>& args,
                          const global_options& global);
int run_plan_command(const std::vector<std::string>& args, const global_options& global);

/// Help texts.
bool is_catalogue_command(const std::string& command);
std::string catalogue_command_help(const std::string& command);
std::string plan_command_help();

}  // namespace kneerehab::cli
