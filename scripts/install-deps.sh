#!/usr/bin/env bash
# Installs the Debian 12 packages kneerehab needs, only those missing, and says which.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-date-time-dev libboost-program-options-dev
  libsqlitecpp-dev libsqlite3-dev sqlite3
  libfmt-dev nlohmann-json3-dev libtomlplusplus-dev
  googletest libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  python3 python3-jsonschema python3-icalendar
  chromium poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
