// kneerehab-catalogue: compiles the catalogue's TOML text sources into exercises.db, and
// checks that a database holds exactly what the sources say. The work is in the library
// (load_catalogue_sources, write_catalogue, catalogue_difference); this file maps it to
// arguments, messages and exit codes.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/io/catalogue_sources.hpp"

namespace {

using kneerehab::errc;

constexpr int exit_ok = 0;
constexpr int exit_runtime = 1;  // I/O and database errors; check found a difference
constexpr int exit_usage = 2;    // bad arguments or invalid sources

constexpr std::string_view usage_text =
    "Usage: kneerehab-catalogue compile SRC_DIR OUT.db\n"
    "       kneerehab-catalogue check SRC_DIR DB\n"
    "       kneerehab-catalogue --help\n"
    "\n"
    "  compile  read the TOML sources in SRC_DIR (red_flags.toml, ladders.toml,\n"
    "           conditions.toml, exercises.toml, protocols/*.toml), validate them and\n"
    "           write the catalogue database OUT.db (atomically)\n"
    "  check    exit 0 when DB holds exactly what the sources in SRC_DIR say, else exit 1\n"
    "           naming the first difference (compared table by table, row by row)\n"
    "\n"
    "Exit codes: 0 success; 1 I/O or database error, or check found a difference;\n"
    "2 usage error or invalid sources. The format is described in docs/catalogue-format.md.\n";

int usage_error(std::string_view problem) {
  std::cerr << "kneerehab-catalogue: " << problem << "\n\n" << usage_text;
  return exit_usage;
}

// Sources that break a rule are the author's input error (2); unreadable files are I/O (1).
int source_failure(const kneerehab::error& e) {
  std::cerr << "kneerehab-catalogue: " << e.what() << '\n';
  return e.code() == errc::io ? exit_runtime : exit_usage;
}

int runtime_failure(const std::exception& e) {
  std::cerr << "kneerehab-catalogue: " << e.what() << '\n';
  return exit_runtime;
}

std::optional<kneerehab::catalogue> load_sources(const std::filesystem::path& dir, int& status) {
  try {
    return kneerehab::catalogue(kneerehab::load_catalogue_sources(dir));
  } catch (const kneerehab::error& e) {
    status = source_failure(e);
  }
  return std::nullopt;
}

int compile(const std::filesystem::path& sources, const std::filesystem::path& out) {
  int status = exit_ok;
  const auto cat = load_sources(sources, status);
  if (!cat) return status;
  try {
    kneerehab::write_catalogue(*cat, out);
  } catch (const std::exception& e) {
    return runtime_failure(e);
  }
  std::cout << "wrote " << out.string() << ": " << cat->conditions().size() << " conditions, "
            << cat->exercises().size() << " exercises, " << cat->protocols().size()
            << " protocols, " << cat->ladders().size() << " ladders, " << cat->red_flags().size()
            << " red flags, " << cat->symptoms().size() << " symptoms\n";
  return exit_ok;
}

int check(const std::filesystem::path& sources, const std::filesystem::path& db) {
  int status = exit_ok;
  const auto cat = load_sources(sources, status);
  if (!cat) return status;
  try {
    if (const auto difference = kneerehab::catalogue_difference(db, *cat)) {
      std::cerr << "kneerehab-catalogue: " << db.string() << " does not match " << sources.string()
                << ": " << *difference << "\nRegenerate it with `kneerehab-catalogue compile "
                << sources.string() << ' ' << db.string() << "` (CMake target `catalogue`).\n";
      return exit_runtime;
    }
  } catch (const std::exception& e) {
    return runtime_failure(e);
  }
  std::cout << db.string() << " matches " << sources.string() << '\n';
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  for (const auto arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << usage_text;
      return exit_ok;
    }
  }
  if (args.empty()) return usage_error("missing command; accepted: compile, check, --help");
  const auto command = args[0];
  if (command != "compile" && command != "check") {
    return usage_error("unknown command '" + std::string(command) +
                       "'; accepted: compile, check, --help");
  }
  if (args.size() != 3) {
    return usage_error(std::string(command) + " takes 2 arguments (SRC_DIR and a database path), " +
                       "got " + std::to_string(args.size() - 1));
  }
  return command == "compile" ? compile(args[1], args[2]) : check(args[1], args[2]);
}
