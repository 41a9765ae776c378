#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs the whole test suite twice: a Debug build with
# warnings as errors, and a build under AddressSanitizer + UndefinedBehaviorSanitizer.
# SKIP_SANITIZERS=1 skips the second run (quicker local iterations; CI never sets it).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc)

run_preset() {
  echo "== preset $1"
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$jobs"
  ctest --preset "$1" -j "$jobs"
}

run_preset dev
if [ "${SKIP_SANITIZERS:-0}" != "1" ]; then
  run_preset asan
fi
