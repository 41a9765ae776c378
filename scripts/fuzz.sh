#!/usr/bin/env bash
# Builds the libFuzzer targets with Clang under ASan+UBSan (preset `fuzz`) and runs each for
# SECONDS (default 600). Working corpora live in build/fuzz/corpus/, seeded from the kept
# corpus in tests/fuzzing/corpus/; crashes land in build/fuzz/artifacts/. Copy a crash input
# into tests/fuzzing/corpus/<target>/ once it is fixed, so the robustness ctests replay it.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGET: cli_args, catalogue_bytes, protocol_file
#                                             (default all three)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(cli_args catalogue_bytes protocol_file); fi

if ! command -v clang++-14 >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "ok installed"; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "fuzz: installing clang-14 and libclang-rt-14-dev"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev
fi
scripts/install-deps.sh

cmake --preset fuzz >/dev/null
for target in "${targets[@]}"; do
  cmake --build --preset fuzz -j "$(nproc)" --target "${target}_fuzzer" >/dev/null
done

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target
  artifacts=build/fuzz/artifacts/$target/
  mkdir -p "$corpus" "$artifacts"
  cp -n tests/fuzzing/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  extra=()
  if [ "$target" = catalogue_bytes ]; then
    cp -n exercises.db "$corpus"/shipped-exercises.db
    extra=(-max_len=1048576)
  elif [ "$target" = protocol_file ]; then
    extra=(-max_len=65536 -dict=tests/fuzzing/protocol_file.dict)
  else
    extra=(-max_len=2048 -dict=tests/fuzzing/cli_args.dict)
  fi
  echo "== fuzzing $target for ${seconds}s"
  build/fuzz/tests/fuzzing/"${target}"_fuzzer "$corpus" -max_total_time="$seconds" \
    -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$artifacts" "${extra[@]}" \
    2>&1 | tee build/fuzz/"$target".log | grep -E "^#[0-9]+ +(DONE|pulse)|stat::|ERROR|SUMMARY" || true
done
