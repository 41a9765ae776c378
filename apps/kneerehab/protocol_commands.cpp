// protocol show | export | validate (and, with a clinic database, import | clone | diff |
// delete). Words are checked before any database is opened.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "command_options.hpp"
#include "kneerehab/catalogue/overlay.hpp"
#include "kneerehab/catalogue/protocol_diff.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/core/ids.hpp"
#include "kneerehab/io/output_file.hpp"
#include "kneerehab/io/protocol_file.hpp"
#include "kneerehab/plan/protocol_trial.hpp"
#include "kneerehab/render/protocol_fhir.hpp"

namespace kneerehab::cli {
namespace {

namespace po = boost::program_options;

constexpr std::string_view protocol_usage =
    "Usage: kneerehab protocol show ID\n"
    "       kneerehab protocol export ID [--format toml|fhir] [-o FILE]\n"
    "       kneerehab protocol validate FILE...\n"
    "       kneerehab protocol diff A B            (ids or protocol files)\n"
    "       kneerehab --clinic C protocol import FILE\n"
    "       kneerehab --clinic C protocol clone ID NEW_ID\n"
    "       kneerehab --clinic C protocol delete ID\n";

po::options_description protocol_export_options() {
  po::options_description options("Options of 'kneerehab protocol export ID'");
  options.add_options()("format", po::value<std::string>()->default_value("toml"),
                        "toml|fhir: a protocol file (docs/protocol-files.md), or an HL7 FHIR R4 "
                        "Bundle (PlanDefinition and its ActivityDefinitions)")(
      "output,o", po::value<std::string>(), "write to FILE (atomically) instead of stdout");
  return options;
}

// `protocol VERB ARG...`: exactly `count` words after the verb, none an option.
std::vector<std::string> operands(const std::vector<std::string>& args, std::size_t count,
                                  std::string_view what) {
  std::vector<std::string> out(args.begin() + 1, args.end());
  for (const auto& word : out) {
    if (word.rfind('-', 0) == 0) {
      throw usage_error("protocol", fmt::format("'protocol {}' takes no option {}; accepted: {}",
                                                args[0], quoted_for_message(word), what));
    }
  }
  if (out.size() < count) {
    throw usage_error("protocol", fmt::format("'protocol {}' needs {}", args[0], what));
  }
  if (out.size() > count) {
    throw usage_error(
        "protocol", fmt::format("'protocol {}' takes {}, got {} words", args[0], what, out.size()));
  }
  return out;
}

const protocol& find_or_throw(const catalogue& cat, const std::string& id) {
  const auto* p = cat.find_protocol(id);
  if (p == nullptr) {
    throw error::not_found(unknown_id_message("protocol", id, ids_of(cat.protocols())));
  }
  return *p;
}

void write_output(const po::variables_map& vm, const global_options& global,
                  const std::string& bytes) {
  if (!vm.count("output")) {
    std::cout << bytes;
    return;
  }
  output_file_options options;
  options.never_overwrite.push_back({global.db, "the catalogue database (--db)"});
  if (global.clinic) options.never_overwrite.push_back({*global.clinic, "the clinic database"});
  write_file_atomically(vm["output"].as<std::string>(), bytes, options);
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
  if (format != "fhir" && format != "toml") {
    throw error::invalid_input(
        fmt::format("--format {} is not valid; accepted: toml, fhir", quoted_for_message(format)));
  }
  const auto view = open_command_catalogue(global);
  const auto& p = find_or_throw(view.cat, id);
  write_output(vm, global,
               format == "fhir" ? render_protocol_fhir(view.cat, p)
                                : protocol_file_text(p, view.protocol_source(id).about, view.cat));
  return ok;
}

// The day the standard runners of a validation start on: fixed, so that validating the same
// file always reports the same.
date trial_start() { return date::from_ymd(2026, 1, 5); }

// protocol validate FILE...: every problem of every file, then the audit of the plans of the
// files that are valid, as warnings.
int validate_protocols(const std::vector<std::string>& args, const global_options& global) {
  if (args.size() < 2) throw usage_error("protocol", "'protocol validate' needs a file");
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i].rfind('-', 0) == 0) {
      throw usage_error("protocol", fmt::format("'protocol validate' takes no option {}; "
                                                "accepted: protocol files",
                                                quoted_for_message(args[i])));
    }
  }
  const auto view = open_command_catalogue(global);
  std::vector<diagnostic> errors;
  bool invalid = false;  // else only files that could not be read: exit 1, not 2
  for (std::size_t i = 1; i < args.size(); ++i) {
    try {
      const auto file = read_protocol_file(args[i], view.cat);
      const auto joined = overlay(view.cat, {{}, {file.content}});
      auto warnings = trial_protocol(joined, file.content.id, trial_start());
      for (auto& w : warnings) {
        w.where.file = args[i];
        std::cerr << format_diagnostic(w) << "\n";
      }
      std::cout << fmt::format("{}: protocol '{}' is valid ({} warning{})\n", args[i],
                               file.content.id, warnings.size(), warnings.size() == 1 ? "" : "s");
    } catch (const error& e) {
      invalid = invalid || e.code() != errc::io;
      if (e.diagnostics().empty()) {
        // "what is wrong; accepted: ..." -> message and hint.
        const std::string what = e.what();
        const auto split = what.find("; accepted: ");
        errors.push_back({diagnostic_severity::error,
                          "file",
                          "",
                          "",
                          {args[i]},
                          what.substr(0, split),
                          split == std::string::npos ? "" : what.substr(split + 2)});
      } else {
        errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }
  }
  if (!errors.empty()) {
    throw error(invalid ? errc::invalid_protocol : errc::io,
                fmt::format("{} problem(s) in protocol files", errors.size()), std::move(errors));
  }
  return ok;
}

// protocol import FILE --clinic C: validated against the catalogue with the clinic's items,
// then stored in one transaction.
int import_protocol_file(const std::vector<std::string>& args, const global_options& global) {
  const auto file_name = operands(args, 1, "one protocol file")[0];
  const auto clinic = require_clinic(global, "protocol import");
  const auto view = open_command_catalogue(global);
  const auto file = read_protocol_file(file_name, view.cat);
  const auto origin = import_protocol(clinic, view, file);
  std::cout << fmt::format("imported protocol '{}' ({}, {} version {}) into {}\n", file.content.id,
                           to_string(origin), file.about.author, file.about.version,
                           clinic.string());
  return ok;
}

// protocol clone ID NEW_ID --clinic C: a custom copy to edit (export it, change it, import it).
int clone_protocol(const std::vector<std::string>& args, const global_options& global) {
  const auto ids = operands(args, 2, "a protocol id and a new id");
  const auto clinic = require_clinic(global, "protocol clone");
  const auto view = open_command_catalogue(global);
  auto copy = find_or_throw(view.cat, ids[0]);
  if (view.cat.find_protocol(ids[1]) != nullptr) {
    throw error::invalid_input(fmt::format(
        "protocol '{}' already exists; accepted: a new id (or 'protocol export' and 'protocol "
        "import' to change it)",
        ids[1]));
  }
  copy.id = ids[1];
  const auto& from = view.protocol_source(ids[0]).about;
  const provenance about{from.author, "1",
                         fmt::format("cloned from {} version {}", ids[0], from.version)};
  // Through the file text, so that the clone is checked exactly as an imported file.
  const auto text = protocol_file_text(copy, about, view.cat);
  const auto file = parse_protocol_file(text, "clone of " + ids[0], view.cat);
  import_protocol(clinic, view, file);
  std::cout << fmt::format("cloned protocol '{}' to '{}' in {}\n", ids[0], ids[1], clinic.string());
  return ok;
}

// protocol delete ID --clinic C
int delete_protocol_id(const std::vector<std::string>& args, const global_options& global) {
  const auto id = operands(args, 1, "one protocol id")[0];
  const auto clinic = require_clinic(global, "protocol delete");
  const auto view = open_command_catalogue(global);
  const auto origin = delete_protocol(clinic, view, id);
  std::cout << (origin == item_origin::customised
                    ? fmt::format("removed the clinic's version of '{}': the built-in protocol "
                                  "is back\n",
                                  id)
                    : fmt::format("deleted protocol '{}'\n", id));
  return ok;
}

// An id of the catalogue (with the clinic's items), or a protocol file when a file of that
// name exists.
protocol_file protocol_named(const std::string& word, const layered_catalogue& view) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(word, ec)) return read_protocol_file(word, view.cat);
  return {find_or_throw(view.cat, word), view.protocol_source(word).about};
}

// protocol diff A B
int diff_protocols(const std::vector<std::string>& args, const global_options& global) {
  const auto names = operands(args, 2, "two protocol ids or files");
  const auto view = open_command_catalogue(global);
  const auto a = protocol_named(names[0], view);
  const auto b = protocol_named(names[1], view);
  const auto changes = protocol_changes(a.content, b.content);
  std::cout << fmt::format("{} ({} version {}) -> {} ({} version {})\n", names[0], a.about.author,
                           a.about.version, names[1], b.about.author, b.about.version);
  if (changes.empty()) std::cout << "No differences.\n";
  for (const auto& line : changes) std::cout << line << "\n";
  return ok;
}

}  // namespace

std::string protocol_help() {
  std::ostringstream text;
  text << protocol_usage
       << "\nshow: a protocol's phases, entry criteria, dosages, running rules, advice, sources.\n"
          "export: the protocol as a protocol file (--format toml, the default; "
          "docs/protocol-files.md),\n"
          "  or as an HL7 FHIR R4 Bundle (--format fhir) of a PlanDefinition and its\n"
          "  ActivityDefinitions; the same protocol gives the same bytes.\n"
          "validate: every problem of every file at once, as file:line:col: error: message "
          "(hint);\n"
          "  then each valid protocol is planned for three standard runners and what\n"
          "  audit_plan finds is reported as warnings. Exit 2 when a file has an error.\n"
          "diff: what changed from A to B, phase by phase (A and B: ids or protocol files).\n"
          "import: adds the file's protocol to the clinic database (a built-in id: the\n"
          "  clinic's version shadows the built-in one), in one transaction: all or nothing.\n"
          "clone: a custom copy of ID named NEW_ID, to export, edit and import again.\n"
          "delete: removes a custom protocol; for a customised built-in one, the clinic's\n"
          "  version (the built-in one comes back). Built-in protocols cannot be deleted.\n\n"
       << protocol_export_options();
  return text.str();
}

int run_protocol(const std::vector<std::string>& args, const global_options& global) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb == "export") return export_protocol(args, global);
  if (verb == "validate") return validate_protocols(args, global);
  if (verb == "import") return import_protocol_file(args, global);
  if (verb == "clone") return clone_protocol(args, global);
  if (verb == "delete") return delete_protocol_id(args, global);
  if (verb == "diff") return diff_protocols(args, global);
  if (verb.empty()) {
    throw usage_error("protocol",
                      "expected 'kneerehab protocol ACTION ...'; accepted actions: "
                      "show, export, validate, import, clone, diff, delete");
  }
  if (verb != "show") {
    throw usage_error("protocol",
                      fmt::format("unknown action {}; accepted: show, export, validate, import, "
                                  "clone, diff, delete",
                                  quoted_for_message(verb)));
  }
  const auto id = operands(args, 1, "an id")[0];
  if (global.clinic) return show_protocol(open_command_catalogue(global).cat, id);
  // The protocol, its condition, the exercises and ladders of its phases: all that
  // describe_protocol reads.
  return show_protocol(open_catalogue(global.db, catalogue_selection::protocol(id)), id);
}

}  // namespace kneerehab::cli
