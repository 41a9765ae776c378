#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds kneerehab (Release) and prints a plan for an
# example runner from the shipped exercises.db.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
echo "Building kneerehab (Release)..."
cmake --build --preset release -j "$(nproc)" --target kneerehab-cli >/dev/null

cli=build/release/apps/kneerehab/kneerehab
# Next Monday, so the plan starts at the beginning of a week.
start=$(date -d "next monday" +%F)
echo "+ kneerehab plan --condition patellofemoral-pain --start $start --baseline 30 --current 10 --age 42 --pain 3"
"$cli" plan --condition patellofemoral-pain --start "$start" \
  --baseline 30 --current 10 --run-days tue,thu,sat --pace 6:00 --age 42 --pain 3
