// kneerehab: the demo CLI. Everything is in run_cli (a library, so that tests and the fuzzer
// drive the same code in-process).
#include "cli.hpp"

int main(int argc, char** argv) { return kneerehab::cli::run_cli(argc, argv); }
