// kneerehab: the demo CLI. Parses the global options, hands the rest to a command, and turns
// library errors into messages and the exit codes of PRODUCT.md.
#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <iostream>

#include "cli.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/core/version.hpp"

namespace po = boost::program_options;
using namespace kneerehab;
using namespace kneerehab::cli;

namespace {

constexpr const char* commands_help =
    "Commands:\n"
    "  conditions                      list conditions\n"
    "  condition show ID               show a condition\n"
    "  exercises [--category C] [--search TEXT]\n"
    "  exercise show ID                show an exercise\n"
    "  protocols                       list protocols\n"
    "  protocol show ID                show a protocol\n"
    "  red-flags                       list the symptoms that stop a plan\n"
    "  plan (--condition ID | --protocol ID) --start YYYY-MM-DD [options]\n\n"
    "Run 'kneerehab COMMAND --help' for a command's options.\n"
    "Exit codes: 0 success, 1 runtime failure (I/O, database), 2 usage error or invalid input,\n"
    "3 red-flag symptom reported (referral, no plan).\n";

po::options_description global_options_description() {
  po::options_description options("Global options");
  options.add_options()("help,h", "show help (also after a command)")(
      "version", "show the version")("db", po::value<std::string>(),
                                     "catalogue database (default: $KNEEREHAB_DB, else the "
                                     "shipped exercises.db)")(
      "units", po::value<std::string>()->default_value("km"), "km|mi for distances and pace");
  return options;
}

struct command_line {
  std::string command;
  std::vector<std::string> args;
  global_options global;
  bool help = false;
  bool version = false;
};

command_line parse_command_line(int argc, char** argv) {
  auto visible = global_options_description();
  po::options_description all;
  all.add(visible).add_options()("command", po::value<std::string>())(
      "args", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("command", 1).add("args", -1);

  po::variables_map vm;
  po::parsed_options parsed = po::command_line_parser(argc, argv)
                                  .options(all)
                                  .positional(positional)
                                  .allow_unregistered()
                                  .run();
  po::store(parsed, vm);
  command_line line;
  line.help = vm.count("help") > 0;
  line.version = vm.count("version") > 0;
  if (vm.count("command")) {
    line.command = vm["command"].as<std::string>();
    // Everything after the command that the global parser did not take, in order.
    line.args = po::collect_unrecognized(parsed.options, po::include_positional);
    line.args.erase(line.args.begin());
  } else {
    const auto stray = po::collect_unrecognized(parsed.options, po::exclude_positional);
    if (!stray.empty()) throw usage_error("", fmt::format("unknown option '{}'", stray.front()));
  }
  const auto units_text = vm["units"].as<std::string>();
  const auto units = parse_unit_system(units_text);
  if (!units) {
    throw usage_error("", fmt::format("--units '{}' is not valid; accepted: km, mi", units_text));
  }
  line.global.units = *units;
  line.global.db = resolve_catalogue_path(vm.count("db") ? vm["db"].as<std::string>() : "");
  return line;
}

void print_main_help() {
  std::cout << "Usage: kneerehab [--db PATH] [--units km|mi] COMMAND [options]\n\n"
               "Plans knee rehabilitation and return to running for runners.\n\n"
            << global_options_description() << "\n"
            << commands_help;
}

int run(int argc, char** argv) {
  const auto line = parse_command_line(argc, argv);
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
  if (line.command == "plan") {
    if (line.help) {
      std::cout << plan_command_help();
      return ok;
    }
    return run_plan_command(line.args, line.global);
  }
  if (is_catalogue_command(line.command)) {
    if (line.help) {
      std::cout << catalogue_command_help(line.command);
      return ok;
    }
    return run_catalogue_command(line.command, line.args, line.global);
  }
  throw usage_error("", fmt::format("unknown command '{}'; accepted: conditions, condition show, "
                                    "exercises, exercise show, protocols, protocol show, "
                                    "red-flags, plan",
                                    line.command));
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

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const usage_error& e) {
    const auto prefix = e.command().empty() ? std::string("kneerehab") : "kneerehab " + e.command();
    std::cerr << fmt::format("{}: {}\nRun '{} --help' for usage.\n", prefix, e.what(), prefix);
    return usage;
  } catch (const po::error& e) {
    std::cerr << fmt::format("kneerehab: {}\nRun 'kneerehab --help' for usage.\n", e.what());
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
