#pragma once
// Shared pieces of the kneerehab CLI: exit codes, usage errors, global options and the one
// table of commands (commands.cpp) that dispatch, help and "accepted:" messages all read.

#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/model/units.hpp"

namespace kneerehab::cli {

/// Runs the CLI on `argv` (argv[0] is the program name) and returns its exit code; messages go
/// to std::cerr, output to std::cout or the -o file. Never throws.
int run_cli(int argc, char** argv);

/// Exit codes (docs/robustness.md).
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

/// One command of the CLI: its name, its synopsis line for the main help, its own help text,
/// and the handler that gets the words after the command name.
struct command_spec {
  std::string_view name;
  std::string_view synopsis;  ///< e.g. "condition show ID"
  std::string_view summary;   ///< e.g. "show a condition"
  std::function<std::string()> help;
  std::function<int(const std::vector<std::string>& args, const global_options& global)> run;
};

/// Every command, in the order the help lists them.
const std::vector<command_spec>& command_table();
/// nullptr when no command has that name.
const command_spec* find_command(std::string_view name);
/// "conditions, condition show, ..., plan": for "accepted:" messages.
std::string accepted_commands();

/// --db, then $KNEEREHAB_DB, then default_catalogue_path().
std::filesystem::path resolve_catalogue_path(const std::string& db_option);
/// The repository's exercises.db for the build tree's executable; for any other copy,
/// <install prefix>/share/kneerehab/exercises.db with the prefix fixed at configure time.
std::filesystem::path default_catalogue_path();
/// Lines for --help saying which catalogue is used and why.
std::string catalogue_path_help();

// Handlers (catalogue_commands.cpp, plan_command.cpp).
int run_conditions(const std::vector<std::string>& args, const global_options& global);
int run_condition(const std::vector<std::string>& args, const global_options& global);
int run_exercises(const std::vector<std::string>& args, const global_options& global);
int run_exercise(const std::vector<std::string>& args, const global_options& global);
int run_protocols(const std::vector<std::string>& args, const global_options& global);
int run_protocol(const std::vector<std::string>& args, const global_options& global);
int run_red_flags(const std::vector<std::string>& args, const global_options& global);
int run_plan_command(const std::vector<std::string>& args, const global_options& global);

/// Exit code 3 and the referral on stderr when the words of a plan command name a red-flag
/// symptom (as a --symptom value or as a stray word), whatever else is wrong with them; nullopt
/// otherwise. A red flag always wins over every usage error (docs/plan-rules.md rule 7).
std::optional<int> refer_on_red_flag(const std::vector<std::string>& args,
                                     const global_options& global);

std::string exercises_help();
std::string plan_command_help();

}  // namespace kneerehab::cli
