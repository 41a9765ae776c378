#pragma once
// Parsing a command's options with Boost.Program_options, the same way for every command.

#include <boost/program_options.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kneerehab::cli {

/// The options of `command` in `args`, stored and notified. Every word must belong to an
/// option: a stray word is a usage_error "unexpected argument 'x'" followed by `stray_hint`
/// (e.g. "; accepted: ..."), and so is anything Boost rejects. `description` must outlive the
/// returned map only while parsing (it is copied where needed).
boost::program_options::variables_map parse_command_options(
    std::string_view command, const std::vector<std::string>& args,
    const boost::program_options::options_description& description, std::string_view stray_hint);

}  // namespace kneerehab::cli
