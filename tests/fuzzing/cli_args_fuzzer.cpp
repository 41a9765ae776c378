// libFuzzer target: the CLI's words. The input is split into arguments at NUL and newline
// bytes and run in-process against the shipped catalogue. Any crash, sanitizer report, hang or
// uncaught exception is a finding; every exit code is fine.
//
// Arguments that could write or pick files are dropped (-o/--output, --db, --clinic and any
// abbreviation of them, and the `clinic` command, whose init and migrate create files): the
// fuzzer must never write outside its scratch space.
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"

namespace {

constexpr std::size_t max_arguments = 48;

bool writes_or_picks_files(std::string_view word) {
  if (word == "clinic") return true;
  for (std::string_view prefix : {"-o", "--o", "--d", "--c"}) {
    if (word.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

std::vector<std::string> arguments_of(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < size && words.size() < max_arguments; ++i) {
    const char c = static_cast<char>(data[i]);
    if (c == '\0' || c == '\n') {
      if (!writes_or_picks_files(word)) words.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty() && !writes_or_picks_files(word) && words.size() < max_arguments) {
    words.push_back(word);
  }
  return words;
}

// Swallows the CLI's output for the duration of one run.
class silenced {
 public:
  silenced() : out_(std::cout.rdbuf(sink_.rdbuf())), err_(std::cerr.rdbuf(sink_.rdbuf())) {}
  ~silenced() {
    std::cout.rdbuf(out_);
    std::cerr.rdbuf(err_);
    std::cout.clear();
  }
  silenced(const silenced&) = delete;
  silenced& operator=(const silenced&) = delete;

 private:
  std::ostringstream sink_;
  std::streambuf* out_;
  std::streambuf* err_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto words = arguments_of(data, size);
  words.insert(words.begin(), {"kneerehab", "--db", KNEEREHAB_SHIPPED_DB_PATH});
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  silenced quiet;
  const int code = kneerehab::cli::run_cli(static_cast<int>(words.size()), argv.data());
  if (code < 0 || code > 3) __builtin_trap();  // only the documented exit codes
  return 0;
}
