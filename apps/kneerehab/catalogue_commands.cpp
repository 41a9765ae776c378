// The catalogue commands: conditions, condition show, exercises, exercise show, protocols,
// protocol show, red-flags. Every word is checked before the database is opened.
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
#include "kneerehab/model/enum_names.hpp"
#include "kneerehab/render/catalogue_text.hpp"
#include "kneerehab/render/protocol_fhir.hpp"

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

po::options_description protocol_export_options() {
  po::options_description options("Options of 'kneerehab protocol export ID'");
  options.add_options()("format", po::value<std::string>()->default_value("toml"),
                        "toml|fhir: a protocol file, or an HL7 FHIR R4 Bundle (PlanDefinition "
                        "and its ActivityDefinitions)")(
      "output,o", po::value<std::string>(), "write to FILE (atomically) instead of stdout");
  return options;
}

// protocol export ID [--format toml|fhir] [-o FILE]
int export_protocol(const std::vector<std::string>& args, const global_options& global) {
  if (args.size() < 2 || args[1].rfind('-', 0) == 0) {
    throw usage_error("protocol", "'protocol export' needs an id");
  }
  const std::string id = args[1];
  const std::vector<std::string> rest(args.begin() + 2, args.end());
  const auto vm = parse_command_options("protocol export", rest, protocol_export_options(),
                                        "; accepted: --format toml|fhir, -o FILE");
  const auto& format = vm["format"].as<std::string>();
  if (format == "toml") {
    throw error::invalid_input(
        "--format toml is not available in this version yet; accepted: fhir");
  }
  if (format != "fhir") {
    throw error::invalid_input(
        fmt::format("--format {} is not valid; accepted: toml, fhir", quoted_for_message(format)));
  }
  const auto cat = open_catalogue(global.db, catalogue_selection::protocol(id));
  const auto* p = cat.find_protocol(id);
  if (p == nullptr) {
    throw error::not_found(unknown_id_message("protocol", id, ids_of(cat.protocols())));
  }
  const auto bytes = render_protocol_fhir(cat, *p);
  if (vm.count("output")) {
    output_file_options options;
    options.never_overwrite.push_back({global.db, "the catalogue database (--db)"});
    write_file_atomically(vm["output"].as<std::string>(), bytes, options);
  } else {
    std::cout << bytes;
  }
  return ok;
}

}  // namespace

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
  const auto cat = open_catalogue(global.db);
  const auto found = find_exercises(cat, category, search);
  std::cout << (found.empty() ? std::string("No exercises match.\n") : list_exercises(found));
  return ok;
}

int run_exercise(const std::vector<std::string>& args, const global_options& global) {
  const auto id = expect_show_id("exercise", args);
  // The whole catalogue: catalogue_selection has no kind for one exercise (and its
  // regression and progression) yet.
  return show_exercise(open_catalogue(global.db), id);
}

int run_protocols(const std::vector<std::string>& args, const global_options& global) {
  expect_no_args("protocols", args);
  std::cout << list_protocols(open_catalogue(global.db));
  return ok;
}

std::string protocol_help() {
  std::ostringstream text;
  text << "Usage: kneerehab protocol show ID\n"
          "       kneerehab protocol export ID [--format toml|fhir] [-o FILE]\n\n"
          "show: a protocol's phases, entry criteria, dosages, running rules, advice, sources.\n"
          "export --format fhir: the protocol as an HL7 FHIR R4 Bundle (type collection) of a\n"
          "PlanDefinition (one action per phase, entry criteria as start conditions) and an\n"
          "ActivityDefinition per exercise; the same protocol gives the same bytes.\n\n"
       << protocol_export_options();
  return text.str();
}

int run_protocol(const std::vector<std::string>& args, const global_options& global) {
  if (!args.empty() && args[0] == "export") return export_protocol(args, global);
  const auto id = expect_show_id("protocol", args);
  // The protocol, its condition, the exercises and ladders of its phases: all that
  // describe_protocol reads.
  return show_protocol(open_catalogue(global.db, catalogue_selection::protocol(id)), id);
}

int run_red_flags(const std::vector<std::string>& args, const global_options& global) {
  expect_no_args("red-flags", args);
  std::cout << list_red_flags(open_catalogue(global.db));
  return ok;
}

}  // namespace kneerehab::cli
