// clinic init | check | migrate FILE (docs/clinic-database.md).
#include <fmt/format.h>

#include <iostream>

#include "cli.hpp"
#include "kneerehab/core/ids.hpp"
#include "kneerehab/io/clinic_database.hpp"

namespace kneerehab::cli {

std::string clinic_help() {
  return fmt::format(
      "Usage: kneerehab clinic init FILE\n"
      "       kneerehab clinic check FILE\n"
      "       kneerehab clinic migrate FILE\n\n"
      "A clinic database holds the clinic's own protocols and exercises, laid over the\n"
      "shipped catalogue (which is never written). Give it to any command with --clinic FILE\n"
      "or $KNEEREHAB_CLINIC.\n\n"
      "init: creates FILE (never over an existing file) with schema version {}.\n"
      "check: opens FILE read-only and says its schema version and what it holds.\n"
      "migrate: brings FILE to schema version {}, after copying it to FILE.backup-vN.\n"
      "Exit codes: 0 done, 1 a database problem (locked, read-only, newer schema, not a\n"
      "clinic database), 2 a usage error.\n",
      clinic_schema_version, clinic_schema_version);
}

int run_clinic(const std::vector<std::string>& args, const global_options&) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb != "init" && verb != "check" && verb != "migrate") {
    throw usage_error("clinic", verb.empty()
                                    ? std::string("expected 'kneerehab clinic init|check|migrate "
                                                  "FILE'")
                                    : fmt::format("unknown action {}; accepted: init, check, "
                                                  "migrate",
                                                  quoted_for_message(verb)));
  }
  if (args.size() != 2 || args[1].rfind('-', 0) == 0) {
    throw usage_error("clinic", fmt::format("'clinic {}' takes one file name", verb));
  }
  const std::filesystem::path file = args[1];
  if (verb == "init") {
    init_clinic(file);
    std::cout << fmt::format("created clinic database {} (schema version {})\n", file.string(),
                             clinic_schema_version);
  } else if (verb == "check") {
    const auto status = check_clinic(file);
    std::cout << fmt::format(
        "{}: clinic database, schema version {}{}; {} protocol{}, {} "
        "exercise{}\n",
        file.string(), status.schema_version,
        status.schema_version < clinic_schema_version
            ? " (run 'kneerehab clinic migrate' to upgrade)"
            : "",
        status.protocols, status.protocols == 1 ? "" : "s", status.exercises,
        status.exercises == 1 ? "" : "s");
  } else if (const auto backup = migrate_clinic(file)) {
    std::cout << fmt::format("migrated {} to schema version {} (backup: {})\n", file.string(),
                             clinic_schema_version, backup->string());
  } else {
    std::cout << fmt::format("{} is already at schema version {}; nothing to do\n", file.string(),
                             clinic_schema_version);
  }
  return ok;
}

}  // namespace kneerehab::cli
