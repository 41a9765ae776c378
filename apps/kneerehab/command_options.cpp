#include "command_options.hpp"

#include <fmt/format.h>

#include "cli.hpp"
#include "kneerehab/core/ids.hpp"

namespace kneerehab::cli {

namespace po = boost::program_options;

po::variables_map parse_command_options(std::string_view command,
                                        const std::vector<std::string>& args,
                                        const po::options_description& description,
                                        std::string_view stray_hint) {
  po::variables_map vm;
  try {
    // The parsed options point into `description`, which outlives them here.
    const auto parsed = po::command_line_parser(args).options(description).run();
    const auto stray = po::collect_unrecognized(parsed.options, po::include_positional);
    if (!stray.empty()) {
      throw usage_error(
          std::string(command),
          fmt::format("unexpected argument {}{}", quoted_for_message(stray.front()), stray_hint));
    }
    po::store(parsed, vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw usage_error(std::string(command), e.what());
  }
  return vm;
}

}  // namespace kneerehab::cli
