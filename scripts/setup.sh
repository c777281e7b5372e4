#!/usr/bin/env bash
# Installs every Debian package Dateline's build, tests, benchmarks and demo need.
# Idempotent and non-interactive: apt-get runs only for packages that are missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git python3
  libgtest-dev libgmock-dev libbenchmark-dev
  libsimdjson-dev libsqlite3-dev sqlite3 libcpp-httplib-dev libcli11-dev nlohmann-json3-dev
  libutf8proc-dev libzstd-dev zlib1g-dev
  iso-codes wordnet-base
)
# Optional extras: the browser test of `dateline serve` and the HTTP load test.
if [ "${DATELINE_SETUP_BROWSER:-1}" = "1" ]; then
  PACKAGES+=(chromium wrk)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
