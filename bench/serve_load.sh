#!/usr/bin/env bash
# Loopback load test of `dateline serve` with wrk: requests/s, latency and errors per endpoint.
#
#   bash bench/serve_load.sh [BUILD_DIR] [DB_FILE]
#
# With DB_FILE it serves that database through BUILD_DIR/cli/dateline; without, it serves the test
# fixture through BUILD_DIR/src/serve/serve_fixture_server. Each endpoint runs for $DURATION seconds
# (default 5) with $CONNECTIONS connections (default 16) on $THREADS wrk threads (default 2); every run is
# bounded by `timeout`. Errors = socket errors (connect/read/write/timeout) + non-2xx/3xx answers.
set -euo pipefail
build="${1:-build}"
db="${2:-}"
duration="${DURATION:-5}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk, or scripts/setup.sh)"; exit 1; }

log="$(mktemp)"
if [ -n "$db" ]; then
  "$build/cli/dateline" serve --db "$db" --port 0 >"$log" 2>&1 &
else
  "$build/src/serve/serve_fixture_server" >"$log" 2>&1 &
fi
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -1 || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "server did not start:"; cat "$log"; exit 1; }
url="${url%/}"

# An event id and a word to search for, from the database being served.
event="$(curl -s "$url/api/events?limit=1&sort=sources" | python3 -c 'import json,sys; e=json.load(sys.stdin)["events"]; print(e[0]["id"] if e else "")')"
word="$(curl -s "$url/api/events?limit=1&sort=sources" | python3 -c '
import json, re, sys
e = json.load(sys.stdin)["events"]
words = [w for w in re.findall(r"[A-Za-z]{5,}", e[0]["sentence"] if e else "")]
print(words[0] if words else "meeting")')"

endpoints=(
  "/health"
  "/api/events?limit=50"
  "/api/events?limit=50&q=$word"
  "/api/events/$event"
  "/api/timeline"
  "/api/network"
  "/api/actors?limit=50"
  "/app.js"
)
echo "dateline serve load test: $url  (${duration}s each, $connections connections, $threads wrk threads, $(nproc) cores)"
printf "%-40s %12s %12s %12s %8s\n" endpoint "requests/s" "latency avg" "p99" errors
total_errors=0
for path in "${endpoints[@]}"; do
  out="$(timeout $((duration + 20)) wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$url$path" 2>&1 || true)"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  avg="$(awk '/Latency/ && !/Distribution/ {print $2; exit}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  sock="$(grep -o 'Socket errors:.*' <<<"$out" | grep -o '[0-9]\+' | paste -sd+ | bc 2>/dev/null || echo 0)"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  errors=$(( ${sock:-0} + ${non2xx:-0} ))
  total_errors=$((total_errors + errors))
  printf "%-40s %12s %12s %12s %8s\n" "${path:0:40}" "${rps:-?}" "${avg:-?}" "${p99:-?}" "$errors"
done
echo "total errors: $total_errors"
