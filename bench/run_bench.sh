#!/usr/bin/env bash
# End-to-end benchmark of `dateline run` on Reuters-21578 (21,578 newswire stories, 1987):
# every story must be accounted for (read = processed + rejected); prints throughput and peak memory.
#
#   bench/run_bench.sh [DATELINE_BINARY] [OUT_DIR] [THREADS]
#
# Defaults: build/cli/dateline, /tmp/dateline-reuters, one thread per core. The corpus is read from
# ../shared/data/news/reuters21578 (or $REUTERS_DIR). The output directory is emptied first so the run is a
# cold, complete one (re-running into a kept directory would skip every stored story).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/build/cli/dateline}"
out="${2:-/tmp/dateline-reuters}"
threads="${3:-0}"
corpus="${REUTERS_DIR:-$here/../shared/data/news/reuters21578}"
if [[ ! -x "$bin" ]]; then echo "run_bench: no dateline binary at $bin (build it first)" >&2; exit 2; fi
if [[ ! -d "$corpus" ]]; then echo "run_bench: Reuters-21578 not found at $corpus (set REUTERS_DIR)" >&2; exit 2; fi
shopt -s nullglob
files=("$corpus"/reut2-*.sgm)
if (( ${#files[@]} == 0 )); then echo "run_bench: no reut2-*.sgm files in $corpus" >&2; exit 2; fi
rm -rf "$out"
mkdir -p "$out"
echo "run_bench: ${#files[@]} SGML files, $(du -ch "${files[@]}" | tail -1 | cut -f1) → $out (threads: $threads; $(nproc) cores)" >&2
/usr/bin/time -v "$bin" run "${files[@]}" -o "$out" --threads "$threads" 2> >(tee "$out/stderr.log" >&2)
python3 - "$out" <<'PY'
import json, sys, os, re
out = sys.argv[1]
r = json.load(open(os.path.join(out, "run.json")))
log = open(os.path.join(out, "stderr.log"), encoding="utf-8", errors="replace").read()
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", log)
rej = sum(1 for _ in open(os.path.join(out, "rejected.jsonl"), encoding="utf-8"))
ok = r["documents_read"] == r["documents_processed"] + r["documents_rejected"] and rej == r["documents_rejected"]
print(f"documents: read {r['documents_read']} = processed {r['documents_processed']} + rejected {r['documents_rejected']}"
      f" ({'OK' if ok else 'MISMATCH'}; rejected.jsonl lines: {rej})")
print(f"mentions {r['mentions']}, events {r['events']} ({r['events_with_conflicts']} with conflicts)")
print(f"wall {r['seconds']['total']:.1f} s: {r['documents_per_second']:.1f} documents/s, "
      f"{r['megabytes_per_second']:.3f} MB/s of text, threads {r['threads']}")
print(f"seconds: {json.dumps(r['seconds'])}")
print(f"stage CPU seconds: {json.dumps(r['stage_cpu_seconds'])}")
print(f"peak RSS: {r['peak_rss_mb']:.1f} MB (getrusage)" + (f", {int(rss.group(1))/1024:.1f} MB (/usr/bin/time)" if rss else ""))
print(f"dateline.db: {os.path.getsize(os.path.join(out, 'dateline.db'))/1e6:.1f} MB")
sys.exit(0 if ok else 1)
PY
