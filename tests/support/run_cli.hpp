#pragma once
// Running the built CLI (KNEEREHAB_CLI, defined for each test target) as a user would: through
// the shell, its standard output and error captured in a scratch directory.
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "support/scratch_dir.hpp"

namespace kneerehab::testing {

/// What a CLI run gave: its exit code (128 + the signal when killed), standard output and
/// standard error.
struct cli_result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// `word` in single quotes for sh.
inline std::string shell_quote(const std::string& word) {
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// Runs the CLI with `args`, stdin closed; `env` ("NAME=value ...") is set for it alone.
inline cli_result run_cli(const std::vector<std::string>& args, const std::string& env = "") {
  scratch_dir dir;
  std::string command = env.empty() ? "" : "env " + env + " ";
  command += shell_quote(KNEEREHAB_CLI);
  for (const auto& a : args) command += " " + shell_quote(a);
  command += " >" + shell_quote((dir.path() / "out").string()) + " 2>" +
             shell_quote((dir.path() / "err").string()) + " </dev/null";
  const int status = std::system(command.c_str());
  cli_result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(dir.path() / "out");
  r.err = read_file(dir.path() / "err");
  return r;
}

}  // namespace kneerehab::testing
