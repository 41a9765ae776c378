#pragma once
// Shared pieces of the kneerehab CLI: exit codes, usage errors, global options and the one
// table of commands (commands.cpp) that dispatch, help and "accepted:" messages all read.

#include <exception>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/io/clinic_database.hpp"
#include "kneerehab/model/units.hpp"
#include "kneerehab/plan/profile.hpp"

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
  /// --clinic, else $KNEEREHAB_CLINIC: the clinic database laid over the catalogue.
  std::optional<std::filesystem::path> clinic;
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
/// --clinic, then $KNEEREHAB_CLINIC; nullopt when neither is set.
std::optional<std::filesystem::path> resolve_clinic_path(const std::string& clinic_option);
/// The catalogue of a command: the shipped one, with the clinic's items over it when --clinic
/// is given.
layered_catalogue open_command_catalogue(const global_options& global);
/// The clinic database a command writes to; a usage error naming `command` without --clinic.
std::filesystem::path require_clinic(const global_options& global, std::string_view command);
/// Lines for --help saying which catalogue is used and why.
std::string catalogue_path_help();

// Handlers (catalogue_commands.cpp, plan_command.cpp).
int run_conditions(const std::vector<std::string>& args, const global_options& global);
int run_condition(const std::vector<std::string>& args, const global_options& global);
int run_exercises(const std::vector<std::string>& args, const global_options& global);
int run_exercise(const std::vector<std::string>& args, const global_options& global);
int run_protocols(const std::vector<std::string>& args, const global_options& global);
int run_protocol(const std::vector<std::string>& args, const global_options& global);
int run_clinic(const std::vector<std::string>& args, const global_options& global);
int run_red_flags(const std::vector<std::string>& args, const global_options& global);
int run_plan_command(const std::vector<std::string>& args, const global_options& global);

/// The catalogue of one plan command (plan_catalogue.cpp): opened at most once for the
/// red-flag screen and the plan together, and only the part of the database that the
/// command's --protocol or --condition needs (see plan_words::selection). When that part does not
/// hold what the request names (an unknown id, or a --condition other than the --protocol's),
/// the whole catalogue is opened instead, so that every message is make_plan's own; only then
/// is the database opened twice.
class plan_catalogue {
 public:
  plan_catalogue(std::filesystem::path db, catalogue_selection selection,
                 std::optional<std::filesystem::path> clinic = std::nullopt);
  /// Where the protocol of a plan comes from: origin, author and version for a clinic's one.
  const catalogue_item_source& protocol_source(std::string_view id);

  /// The catalogue for the red-flag screen (every red flag and symptom is in any selection).
  /// Throws what opening it throws, and again on every later call.
  const catalogue& for_screening();
  /// The catalogue make_plan needs for `request`. Throws what opening it throws.
  const catalogue& for_request(const plan_request& request);

 private:
  void open();
  void open_whole();

  std::filesystem::path db_;
  catalogue_selection selection_;
  std::optional<std::filesystem::path> clinic_;
  std::optional<catalogue> cat_;
  std::optional<layered_catalogue> layered_;
  std::exception_ptr failure_;
};

/// What the safety gate needs from a plan command's words, read leniently (the gate comes before
/// the options are checked).
struct plan_words {
  /// The --protocol's selection, else the --condition's, else all.
  catalogue_selection selection = catalogue_selection::all();
  /// Every --symptom value and every word the command does not take.
  std::vector<std::string> symptom_words;
  /// --age when it is a valid age, else the oldest: a mistyped age never rules out an
  /// age-gated referral (the Ottawa rule).
  int screening_age = 0;
  /// The values of these options as typed (the last one given), for the gate and for the
  /// referral's format: --condition, --protocol, --pain, --injury-date, --start, --today,
  /// --format.
  std::optional<std::string> condition, protocol, pain, injury_date, start, today, format;
  bool output = false;  ///< -o FILE was given: a referral writes no output at all
};
plan_words read_plan_words(const std::vector<std::string>& args);

/// The plan command on a catalogue already opened and screened (run_cli opens it once for the
/// screen of run_cli and the plan).
int plan_on_catalogue(const std::vector<std::string>& args, const global_options& global,
                      plan_catalogue& cat);

/// Exit code 3 and the referral on stderr (and, for --format json without -o, the JSON
/// referral on stdout) when the safety gate (kneerehab::safety_gate) refers on what the words
/// of a plan command say: a red-flag symptom (as a --symptom value or as a stray word), a
/// referral-only condition, the Ottawa knee rule after a recent --injury-date, a --pain at the
/// protocol's referral threshold; whatever else is wrong with them. A referral always wins
/// over every usage error (docs/plan-rules.md rule 7). Errors from opening the catalogue are
/// left for the command to report.
std::optional<int> refer_at_safety_gate(const plan_words& words, plan_catalogue& cat);

std::string exercises_help();
std::string exercise_help();
std::string clinic_help();
int show_protocol(const catalogue& cat, const std::string& id);
std::string protocol_help();
std::string plan_command_help();

}  // namespace kneerehab::cli
