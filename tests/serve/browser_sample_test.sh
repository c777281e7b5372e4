#!/usr/bin/env bash
# The browser test (browser_test.mjs) on the bundled sample: `dateline run examples/articles` into a
# temporary folder, then `dateline serve` on its database. Usage: browser_sample_test.sh DATELINE SCREENSHOT.png
# Exits 77 (skip) when node/chromium are missing or the pipeline produced no database to look at.
set -u
dateline="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if ! command -v node >/dev/null 2>&1; then echo "SKIP: node not installed"; exit 77; fi
if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM:-}" ]; then echo "SKIP: chromium not installed"; exit 77; fi
dir="$(mktemp -d "${TMPDIR:-/tmp}/dateline-sample-XXXXXX")"
trap 'rm -rf "$dir"' EXIT
if ! timeout 300 "$dateline" run "$root/examples/articles" -o "$dir/out" >"$dir/run.log" 2>&1 || [ ! -s "$dir/out/dateline.db" ]; then
  echo "SKIP: \`dateline run examples/articles\` wrote no database:"; tail -5 "$dir/run.log"; exit 77
fi
bash "$here/browser_test.sh" "'$dateline' serve --db '$dir/out/dateline.db' --port 0" "$out"
