// The one list of the CLI's commands: dispatch, the main help and "accepted:" all read it.
#include <fmt/format.h>

#include "cli.hpp"

namespace kneerehab::cli {
namespace {

std::function<std::string()> fixed(std::string_view text) {
  return [text] { return std::string(text); };
}

}  // namespace

const std::vector<command_spec>& command_table() {
  static const std::vector<command_spec> table = {
      {"conditions", "conditions", "list conditions",
       fixed("Usage: kneerehab conditions\n\nLists the knee conditions.\n"), run_conditions},
      {"condition", "condition show ID", "show a condition",
       fixed("Usage: kneerehab condition show ID\n\nShows a condition: where it hurts, "
             "presentation, timeline, red flags, protocol.\n"),
       run_condition},
      {"exercises", "exercises [--category C] [--search TEXT]", "list exercises", exercises_help,
       run_exercises},
      {"exercise", "exercise show ID | export ID [-o FILE] | import FILE",
       "show, export or import an exercise", exercise_help, run_exercise},
      {"protocols", "protocols", "list protocols (built in, custom, customised)",
       fixed("Usage: kneerehab protocols [--clinic FILE]\n\nLists the protocols; with a "
             "clinic database, whether each is built in, custom or customised, by whom.\n"),
       run_protocols},
      {"protocol", "protocol show|export|validate|import|clone|diff|delete ... (protocol --help)",
       "show, export, check or customise a protocol", protocol_help, run_protocol},
      {"red-flags", "red-flags", "list the symptoms that stop a plan",
       fixed("Usage: kneerehab red-flags\n\nLists the symptoms that stop a plan and why.\n"),
       run_red_flags},
      {"clinic", "clinic init FILE | check FILE | migrate FILE",
       "create, check or upgrade a clinic database", clinic_help, run_clinic},
      {"plan", "plan (--condition ID | --protocol ID) --start YYYY-MM-DD [options]",
       "plan rehabilitation and return to running", plan_command_help, run_plan_command},
  };
  return table;
}

const command_spec* find_command(std::string_view name) {
  for (const auto& command : command_table()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

std::string accepted_commands() {
  std::string names;
  for (const auto& command : command_table()) {
    if (!names.empty()) names += ", ";
    // "condition show ID" -> "condition show": the words, not the placeholders.
    const auto synopsis = command.synopsis;
    const auto show = synopsis.find(" show");
    names += show != std::string_view::npos ? synopsis.substr(0, show + 5) : command.name;
  }
  return names;
}

}  // namespace kneerehab::cli
