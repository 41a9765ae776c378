// The catalogue commands: conditions, condition show, exercises, exercise show, protocols,
// red-flags (the protocol command is in protocol_commands.cpp). Every word is checked before the
// database is opened.
#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "command_options.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/core/ids.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/io/output_file.hpp"
#include "kneerehab/io/protocol_file.hpp"
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
    throw usage_error(command, fmt::format("unexpected argument {}", quoted_for_message(args[0])));
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

}  // namespace

int show_protocol(const catalogue& cat, const std::string& id) {
  const auto* p = cat.find_protocol(id);
  if (p == nullptr) {
    throw error::not_found(unknown_id_message("protocol", id, ids_of(cat.protocols())));
  }
  std::cout << describe_protocol(cat, *p);
  return ok;
}

namespace {

po::options_description exercises_options() {
  po::options_description options("Options of 'kneerehab exercises'");
  options.add_options()("category", po::value<std::string>(),
                        "strength|isometric|eccentric|stretch|mobility|balance|plyometric|cardio")(
      "search", po::value<std::string>(), "text in the id, name or target muscles");
  return options;
}

// "exercises" takes options only: a stray word is a usage error, checked before the database
// is opened.
po::variables_map parse_exercises_options(const std::vector<std::string>& args) {
  return parse_command_options("exercises", args, exercises_options(), "");
}

std::optional<exercise_category> category_option(const po::variables_map& vm) {
  if (!vm.count("category")) return std::nullopt;
  const auto& text = vm["category"].as<std::string>();
  const auto category = parse_exercise_category(text);
  if (!category) {
    throw error::invalid_input(fmt::format("unknown category {}; accepted: {}",
                                           quoted_for_message(text),
                                           accepted_names<exercise_category>()));
  }
  return category;
}

po::options_description exercise_export_options() {
  po::options_description options("Options of 'kneerehab exercise export ID'");
  options.add_options()("output,o", po::value<std::string>(),
                        "write to FILE (atomically) instead of stdout");
  return options;
}

// exercise export ID [-o FILE]
int export_exercise(const std::vector<std::string>& args, const global_options& global) {
  if (args.size() < 2 || args[1].rfind('-', 0) == 0) {
    throw usage_error("exercise", "'exercise export' needs an id");
  }
  const std::vector<std::string> rest(args.begin() + 2, args.end());
  const auto vm = parse_command_options("exercise export", rest, exercise_export_options(),
                                        "; accepted: -o FILE");
  const auto view = open_command_catalogue(global);
  const auto* e = view.cat.find_exercise(args[1]);
  if (e == nullptr) {
    throw error::not_found(unknown_id_message("exercise", args[1], ids_of(view.cat.exercises())));
  }
  const auto bytes = exercise_file_text(*e, view.exercise_source(e->id).about);
  if (!vm.count("output")) {
    std::cout << bytes;
    return ok;
  }
  output_file_options options;
  options.never_overwrite.push_back({global.db, "the catalogue database (--db)"});
  if (global.clinic) options.never_overwrite.push_back({*global.clinic, "the clinic database"});
  write_file_atomically(vm["output"].as<std::string>(), bytes, options);
  return ok;
}

// exercise import FILE --clinic C
int import_exercise_file(const std::vector<std::string>& args, const global_options& global) {
  if (args.size() != 2 || args[1].rfind('-', 0) == 0) {
    throw usage_error("exercise", "'exercise import' takes one exercise file");
  }
  const auto clinic = require_clinic(global, "exercise import");
  const auto view = open_command_catalogue(global);
  const auto file = read_exercise_file(args[1], view.cat);
  const auto origin = import_exercise(clinic, view, file);
  std::cout << fmt::format("imported exercise '{}' ({}, {} version {}) into {}\n", file.content.id,
                           to_string(origin), file.about.author, file.about.version,
                           clinic.string());
  return ok;
}

}  // namespace

std::string exercise_help() {
  std::ostringstream text;
  text << "Usage: kneerehab exercise show ID\n"
          "       kneerehab exercise export ID [-o FILE]\n"
          "       kneerehab --clinic FILE exercise import EXERCISE_FILE\n\n"
          "show: instructions, cues, default dosage, easier and harder versions.\n"
          "export: the exercise as an exercise file (TOML, docs/protocol-files.md).\n"
          "import: adds the file's exercise to the clinic database, or replaces the clinic's\n"
          "  version, in one transaction; its regression and progression must name exercises\n"
          "  of the catalogue or the clinic, and it joins their chain.\n\n"
       << exercise_export_options();
  return text.str();
}

std::string exercises_help() {
  std::ostringstream text;
  text << "Usage: kneerehab exercises [--category C] [--search TEXT]\n\nLists exercises.\n\n"
       << exercises_options();
  return text.str();
}

int run_conditions(const std::vector<std::string>& args, const global_options& global) {
  expect_no_args("conditions", args);
  std::cout << list_conditions(open_catalogue(global.db));
  return ok;
}

int run_condition(const std::vector<std::string>& args, const global_options& global) {
  const auto id = expect_show_id("condition", args);
  // The condition, its protocol and every red flag: all that describe_condition reads. An
  // unknown id is error(not_found) with the same message from the selective loader.
  return show_condition(open_catalogue(global.db, catalogue_selection::condition(id)), id);
}

int run_exercises(const std::vector<std::string>& args, const global_options& global) {
  const auto vm = parse_exercises_options(args);
  const auto category = category_option(vm);
  const auto search = vm.count("search") ? vm["search"].as<std::string>() : std::string();
  const auto view = open_command_catalogue(global);
  const auto found = find_exercises(view.cat, category, search);
  if (found.empty()) {
    std::cout << "No exercises match.\n";
  } else {
    std::cout << (global.clinic ? list_exercises(found, view.exercises) : list_exercises(found));
  }
  return ok;
}

int run_exercise(const std::vector<std::string>& args, const global_options& global) {
  if (!args.empty() && args[0] == "export") return export_exercise(args, global);
  if (!args.empty() && args[0] == "import") return import_exercise_file(args, global);
  const auto id = expect_show_id("exercise", args);
  // The whole catalogue: catalogue_selection has no kind for one exercise (and its
  // regression and progression) yet.
  return show_exercise(open_command_catalogue(global).cat, id);
}

int run_protocols(const std::vector<std::string>& args, const global_options& global) {
  expect_no_args("protocols", args);
  if (global.clinic) {
    const auto view = open_command_catalogue(global);
    std::cout << list_protocols(view.cat, view.protocols);
  } else {
    std::cout << list_protocols(open_catalogue(global.db));
  }
  return ok;
}

int run_red_flags(const std::vector<std::string>& args, const global_options& global) {
  expect_no_args("red-flags", args);
  std::cout << list_red_flags(open_catalogue(global.db));
  return ok;
}

}  // namespace kneerehab::cli
