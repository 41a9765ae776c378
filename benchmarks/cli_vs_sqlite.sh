#!/usr/bin/env bash
# Whole-process cost of `kneerehab plan ... --format json -o FILE` against a process that only
# opens the same database (`sqlite3 exercises.db 'select count(*) from sqlite_master'`).
# The two commands run alternately, RUNS times each, so that load from other work on the
# machine falls on both alike; the report gives the median wall time of each, their ratio and
# the peak resident memory (GNU time's %M, median and maximum).
#
# usage: benchmarks/cli_vs_sqlite.sh [KNEEREHAB_BINARY] [RUNS]
#   KNEEREHAB_BINARY  default: build/release/apps/kneerehab/kneerehab
#   RUNS              default: 30
# Needs sqlite3, python3 and GNU time (/usr/bin/time; Debian package "time").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cli="${1:-$root/build/release/apps/kneerehab/kneerehab}"
runs="${2:-30}"
db="$root/exercises.db"
time_bin=/usr/bin/time

for tool in sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "cli_vs_sqlite.sh: $tool not found" >&2; exit 2; }
done
[[ -x "$time_bin" ]] || { echo "cli_vs_sqlite.sh: $time_bin not found (apt-get install time)" >&2; exit 2; }
[[ -x "$cli" ]] || { echo "cli_vs_sqlite.sh: $cli is not an executable (build the release preset)" >&2; exit 2; }
[[ -f "$db" ]] || { echo "cli_vs_sqlite.sh: $db not found" >&2; exit 2; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cli_cmd=("$cli" plan --db "$db" --condition patellofemoral-pain --start 2026-11-23
         --today 2026-11-20 --baseline 30 --current 10 --format json -o "$scratch/plan.json")
sql_cmd=(sqlite3 "$db" 'select count(*) from sqlite_master')

# One run: wall seconds and peak KiB, appended to $2.
measure() {
  local out="$1"
  shift
  "$time_bin" -f '%e %M' -o "$scratch/one" "$@" >"$scratch/stdout" 2>"$scratch/stderr" || {
    echo "cli_vs_sqlite.sh: failed: $*" >&2
    cat "$scratch/stderr" >&2
    exit 1
  }
  # %e has 10 ms resolution; time the process ourselves for the wall clock.
  read -r _ kib <"$scratch/one"
  echo "$kib" >>"$out.kib"
}

timed() {
  local out="$1"
  shift
  local t0 t1
  t0=$(date +%s%N)
  "$@" >"$scratch/stdout" 2>"$scratch/stderr" || {
    echo "cli_vs_sqlite.sh: failed: $*" >&2
    cat "$scratch/stderr" >&2
    exit 1
  }
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000)) >>"$out.us"
}

# Warm the page cache and check both commands work before measuring.
timed "$scratch/warm" "${cli_cmd[@]}"
timed "$scratch/warm" "${sql_cmd[@]}"
for ((i = 0; i < runs; ++i)); do
  timed "$scratch/cli" "${cli_cmd[@]}"
  timed "$scratch/sql" "${sql_cmd[@]}"
done
for ((i = 0; i < runs; ++i)); do
  measure "$scratch/cli" "${cli_cmd[@]}"
  measure "$scratch/sql" "${sql_cmd[@]}"
done
[[ -s "$scratch/plan.json" ]] || { echo "cli_vs_sqlite.sh: the CLI wrote no plan" >&2; exit 1; }

python3 - "$scratch" "$runs" <<'PY'
import statistics, sys
scratch, runs = sys.argv[1], int(sys.argv[2])
def load(name, ext):
    with open(f"{scratch}/{name}.{ext}") as f:
        return [int(line) for line in f if line.strip()]
cli_us, sql_us = load("cli", "us"), load("sql", "us")
cli_kib, sql_kib = load("cli", "kib"), load("sql", "kib")
cli_ms, sql_ms = statistics.median(cli_us) / 1000, statistics.median(sql_us) / 1000
print(f"runs: {runs} of each, alternating")
print(f"kneerehab plan --format json: median {cli_ms:.1f} ms "
      f"(min {min(cli_us) / 1000:.1f}, max {max(cli_us) / 1000:.1f})")
print(f"sqlite3 select count(*):      median {sql_ms:.1f} ms "
      f"(min {min(sql_us) / 1000:.1f}, max {max(sql_us) / 1000:.1f})")
print(f"ratio (median / median):      {cli_ms / sql_ms:.2f}x  (target: 1.5x or less)")
print(f"peak memory kneerehab:        median {statistics.median(cli_kib) / 1024:.1f} MB, "
      f"max {max(cli_kib) / 1024:.1f} MB  (target: under 15 MB)")
print(f"peak memory sqlite3:          median {statistics.median(sql_kib) / 1024:.1f} MB")
PY
