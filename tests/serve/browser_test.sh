#!/usr/bin/env bash
# ctest wrapper for the headless Chromium test of the web page (browser_test.mjs).
# Usage: browser_test.sh SERVER_COMMAND SCREENSHOT.png
# Exits 77 (ctest SKIP_RETURN_CODE) when node or chromium is missing; bounded to 120 s.
set -u
server="$1"
out="$2"
if ! command -v node >/dev/null 2>&1; then echo "SKIP: node not installed"; exit 77; fi
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium" ] || [ ! -x "$chromium" ]; then
  echo "SKIP: chromium not installed (apt-get install chromium, or scripts/setup.sh)"; exit 77
fi
mkdir -p "$(dirname "$out")"
exec timeout -k 5 120 node "$(dirname "$0")/browser_test.mjs" --server "$server" --out "$out" --chromium "$chromium"
