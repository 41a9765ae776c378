// conditions, condition show, exercises, exercise show, protocols, protocol show, red-flags.
#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/model/enum_names.hpp"
#include "kneerehab/render/catalogue_text.hpp"

namespace kneerehab::cli {
namespace {

namespace po = boost::program_options;

// "condition show ID" -> ID; anything else is a usage error.
std::string expect_show_id(const std::string& command, const std::vector<std::string>& args) {
  if (args.empty() || args[0] != "show") {
    throw usage_error(command, fmt::format("expected 'kneerehab {} show ID'", command));
  }
  if (args.size() != 2) {
    throw usage_error(command, args.size() < 2 ? fmt::format("'{} show' needs an id", command)
                                               : fmt::format("'{} show' takes one id, got {}",
                                                             command, args.size() - 1));
  }
  return args[1];
}

void expect_no_args(const std::string& command, const std::vector<std::string>& args) {
  if (!args.empty()) {
    throw usage_error(command, fmt::format("unexpected argument '{}'", args[0]));
  }
}

int show_condition(const catalogue& cat, const std::string& id) {
  const auto* c = cat.find_condition(id);
  if (c == nullptr) {
    throw error::not_found(unknown_id_message("condition", id, ids_of(cat.conditions())));
  }
  std::cout << describe_condition(cat, *c);
  return ok;
}

int show_exercise(const catalogue& cat, const std::string& id) {
  const auto* e = cat.find_exercise(id);
  if (e == nullptr) {
    throw error::not_found(unknown_id_message("exercise", id, ids_of(cat.exercises())));
  }
  std::cout << describe_exercise(cat, *e);
  return ok;
}

int show_protocol(const catalogue& cat, const std::string& id) {
  const auto* p = cat.find_protocol(id);
  if (p == nullptr) {
    throw error::not_found(unknown_id_message("protocol", id, ids_of(cat.protocols())));
  }
  std::cout << describe_protocol(cat, *p);
  return ok;
}

po::options_description exercises_options() {
  po::options_description options("Options of 'kneerehab exercises'");
  options.add_options()("category", po::value<std::string>(),
                        "strength|isometric|eccentric|stretch|mobility|balance|plyometric|cardio")(
      "search", po::value<std::string>(), "text in the id, name or target muscles");
  return options;
}

int list_exercises_command(const catalogue& cat, const std::vector<std::string>& args) {
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(exercises_options()).run(), vm);
  } catch (const po::error& e) {
    throw usage_error("exercises", e.what());
  }
  std::optional<exercise_category> category;
  if (vm.count("category")) {
    const auto& text = vm["category"].as<std::string>();
    category = parse_exercise_category(text);
    if (!category) {
      throw error::invalid_input(fmt::format("unknown category '{}'; accepted: {}", text,
                                             accepted_names<exercise_category>()));
    }
  }
  const auto search = vm.count("search") ? vm["search"].as<std::string>() : std::string();
  const auto found = find_exercises(cat, category, search);
  if (found.empty()) {
    std::cout << "No exercises match.\n";
    return ok;
  }
  std::cout << list_exercises(found);
  return ok;
}

}  // namespace

bool is_catalogue_command(const std::string& command) {
  return command == "conditions" || command == "condition" || command == "exercises" ||
         command == "exercise" || command == "protocols" || command == "protocol" ||
         command == "red-flags";
}

std::string catalogue_command_help(const std::string& command) {
  if (command == "conditions") return "Usage: kneerehab conditions\n\nLists the knee conditions.\n";
  if (command == "condition") {
    return "Usage: kneerehab condition show ID\n\nShows a condition: where it hurts, "
           "presentation, timeline, red flags, protocol.\n";
  }
  if (command == "exercises") {
    std::ostringstream text;
    text << "Usage: kneerehab exercises [--category C] [--search TEXT]\n\nLists exercises.\n\n"
         << exercises_options();
    return text.str();
  }
  if (command == "exercise") {
    return "Usage: kneerehab exercise show ID\n\nShows an exercise: instructions, cues, default "
           "dosage, easier and harder versions.\n";
  }
  if (command == "protocols") return "Usage: kneerehab protocols\n\nLists the protocols.\n";
  if (command == "protocol") {
    return "Usage: kneerehab protocol show ID\n\nShows a protocol: phases, entry criteria, "
           "dosages, running rules, advice, sources.\n";
  }
  return "Usage: kneerehab red-flags\n\nLists the symptoms that stop a plan and why.\n";
}

int run_catalogue_command(const std::string& command, const std::vector<std::string>& args,
                          const global_options& global) {
  // Check the words before opening the database so that usage errors come first.
  std::string id;
  if (command == "condition" || command == "exercise" || command == "protocol") {
    id = expect_show_id(command, args);
  } else if (command != "exercises") {
    expect_no_args(command, args);
  }
  const auto cat = open_catalogue(global.db);
  if (command == "conditions") std::cout << list_conditions(cat);
  if (command == "condition") return show_condition(cat, id);
  if (command == "exercises") return list_exercises_command(cat, args);
  if (command == "exercise") return show_exercise(cat, id);
  if (command == "protocols") std::cout << list_protocols(cat);
  if (command == "protocol") return show_protocol(cat, id);
  if (command == "red-flags") std::cout << list_red_flags(cat);
  return ok;
}

}  // namespace kneerehab::cli
