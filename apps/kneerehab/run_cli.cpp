// The kneerehab CLI (run_cli; main.cpp calls it). Splits the global options from the command and
// its words, hands those to the command (commands.cpp), and turns library errors into messages and
// the exit codes of docs/robustness.md.
#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "cli.hpp"
#include "kneerehab/core/diagnostics.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/core/ids.hpp"
#include "kneerehab/core/version.hpp"

using namespace kneerehab;
using namespace kneerehab::cli;

namespace {

constexpr std::string_view global_options_help =
    "Global options (before or after the command):\n"
    "  --db PATH         catalogue database (default below)\n"
    "  --clinic FILE     clinic database laid over the catalogue (or $KNEEREHAB_CLINIC)\n"
    "  --units km|mi     units of distances and pace (default km; JSON is always km)\n"
    "  -h, --help        show help (also after a command)\n"
    "  --version         show the version\n";

struct command_line {
  std::string command;
  std::vector<std::string> args;  ///< the words after the command, global options removed
  std::string db;
  std::string clinic;
  std::string units = "km";
  bool help = false;
  bool version = false;
  /// The first mistake in the global options; reported after a red-flag screen.
  std::optional<usage_error> mistake;
};

// "--db=x" -> ("--db", "x"); "--db" -> ("--db", nullopt).
std::pair<std::string_view, std::optional<std::string_view>> split_option(std::string_view word) {
  const auto eq = word.find('=');
  if (word.rfind("--", 0) != 0 || eq == std::string_view::npos) return {word, std::nullopt};
  return {word.substr(0, eq), word.substr(eq + 1)};
}

void note_mistake(command_line& line, const std::string& message) {
  if (!line.mistake) line.mistake.emplace("", message);
}

// Global options may stand anywhere; the first other word is the command and every word after
// it belongs to the command. Nothing is dropped: an unknown option before the command is a
// usage error naming that option.
command_line split_command_line(int argc, char** argv) {
  command_line line;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    const auto [name, inline_value] = split_option(word);
    if (name == "--db" || name == "--units" || name == "--clinic") {
      std::string value;
      if (inline_value) {
        value = std::string(*inline_value);
      } else if (i + 1 < argc) {
        value = argv[++i];
      } else {
        note_mistake(line, fmt::format("{} needs a value", name));
        continue;
      }
      (name == "--db" ? line.db : name == "--clinic" ? line.clinic : line.units) = value;
      if (name == "--db" && value.empty()) {
        note_mistake(line, "--db '' is not valid; accepted: the path of a catalogue database");
      }
      if (name == "--clinic" && value.empty()) {
        note_mistake(line, "--clinic '' is not valid; accepted: the path of a clinic database");
      }
    } else if (word == "--help" || word == "-h") {
      line.help = true;
    } else if (word == "--version") {
      line.version = true;
    } else if (!line.command.empty()) {
      line.args.emplace_back(word);
    } else if (word.rfind('-', 0) == 0) {
      note_mistake(line, fmt::format("unknown option {}; accepted before the command: --db, "
                                     "--clinic, --units, --help, --version",
                                     quoted_for_message(word)));
    } else {
      line.command = std::string(word);
    }
  }
  return line;
}

global_options resolve_globals(const command_line& line) {
  global_options global;
  const auto units = parse_unit_system(line.units);
  if (!units) {
    throw usage_error("", fmt::format("--units {} is not valid; accepted: km, mi",
                                      quoted_for_message(line.units)));
  }
  global.units = *units;
  global.db = resolve_catalogue_path(line.db);
  global.clinic = resolve_clinic_path(line.clinic);
  return global;
}

void print_main_help() {
  std::cout << "Usage: kneerehab [--db PATH] [--clinic FILE] [--units km|mi] COMMAND [options]\n\n"
               "Plans knee rehabilitation and return to running for runners.\n\n"
            << global_options_help << "\n"
            << catalogue_path_help() << "\nCommands:\n";
  for (const auto& command : command_table()) {
    // A synopsis too long for its column puts the summary on the next line, indented.
    if (command.synopsis.size() < 32) {
      std::cout << fmt::format("  {:<32}{}\n", command.synopsis, command.summary);
    } else {
      std::cout << fmt::format("  {}\n  {:<32}{}\n", command.synopsis, "", command.summary);
    }
  }
  std::cout
      << "\nRun 'kneerehab COMMAND --help' for a command's options.\n"
         "Exit codes: 0 success, 1 runtime failure (I/O, database), 2 usage error or "
         "invalid input,\n3 a referral instead of a plan (a red-flag symptom, severe pain, ...).\n";
}

int run(int argc, char** argv) {
  const auto line = split_command_line(argc, argv);
  const auto* command = find_command(line.command);
  // A referral (a red flag, severe pain, ...) in a plan command wins over every other mistake,
  // global ones included. The plan command's catalogue is opened once, for the gate and the
  // plan.
  std::optional<plan_catalogue> plan_cat;
  if (command != nullptr && command->name == "plan" && !line.help && !line.version) {
    const auto words = read_plan_words(line.args);
    plan_cat.emplace(resolve_catalogue_path(line.db), words.selection,
                     resolve_clinic_path(line.clinic));
    if (const auto referred = refer_at_safety_gate(words, *plan_cat)) return *referred;
  }
  if (line.mistake) throw *line.mistake;
  const auto global = resolve_globals(line);
  if (line.version) {
    std::cout << "kneerehab " << kneerehab::version << "\n";
    return ok;
  }
  if (line.command.empty()) {
    if (line.help) {
      print_main_help();
      return ok;
    }
    throw usage_error("", "no command given");
  }
  if (command == nullptr) {
    throw usage_error("", fmt::format("unknown command {}; accepted: {}",
                                      quoted_for_message(line.command), accepted_commands()));
  }
  if (line.help) {
    std::cout << command->help();
    return ok;
  }
  if (plan_cat) return plan_on_catalogue(line.args, global, *plan_cat);
  return command->run(line.args, global);
}

// Output that did not reach standard output (a full disk, a closed descriptor) is a failure,
// never a silent exit 0.
int check_standard_output(int code) {
  std::cout.flush();
  if (std::cout) return code;
  std::cerr << "kneerehab: cannot write to standard output; the output is incomplete\n";
  return runtime_failure;
}

int exit_code_for(errc code) {
  switch (code) {
    case errc::invalid_input:
    case errc::not_found:
    case errc::invalid_protocol:
      return usage;
    case errc::invalid_catalogue:
    case errc::database:
    case errc::io:
      return runtime_failure;
  }
  return runtime_failure;
}

}  // namespace

namespace kneerehab::cli {

int run_cli(int argc, char** argv) {
  try {
    return check_standard_output(run(argc, argv));
  } catch (const usage_error& e) {
    const auto prefix = e.command().empty() ? std::string("kneerehab") : "kneerehab " + e.command();
    std::cerr << fmt::format("{}: {}\nRun '{} --help' for usage.\n", prefix, e.what(), prefix);
    return usage;
  } catch (const error& e) {
    // One line per problem ("file:line:col: error: item: message (hint)"), else the message.
    if (e.diagnostics().empty()) {
      std::cerr << "kneerehab: " << e.what() << "\n";
    } else {
      for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d) << "\n";
    }
    return exit_code_for(e.code());
  } catch (const std::exception& e) {
    std::cerr << "kneerehab: unexpected failure: " << e.what() << "\n";
    return runtime_failure;
  }
}

}  // namespace kneerehab::cli
