#!/usr/bin/env bash
# Benchmark of `netkb check --external`: 1,000 distinct URLs spread over 10 loopback hosts
# (127.0.0.1 to 127.0.0.10), each answering after 50 ms, measured with hyperfine.
#
#   bash benchmarks/external.sh
#
# Targets (issue 10): the whole check, every URL requested (--no-cache), under 2.5 s with the
# default limits (32 requests at once, 4 per host); a re-run answered from the cache under 300 ms.
#
# Environment:
#   NETKB_BIN     the netkb binary (default: .build/release/netkb, built with `swift build -c release`
#                 when missing).
#   EXT_PORT      the servers' port (default 18350).
#   EXT_URLS      distinct URLs (default 1000); EXT_HOSTS hosts (default 10); EXT_DELAY seconds (0.05).
#   EXT_RUNS      hyperfine runs of each command (default 10).
#   EXT_RESULTS   where to write the markdown table (default benchmarks/work/external/RESULTS.md).
#
# Prints the hyperfine table and PASS/FAIL per target; exits 1 when a target fails.
set -euo pipefail
export LC_ALL=C.UTF-8
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"

PORT=${EXT_PORT:-18350}
URLS=${EXT_URLS:-1000}
HOSTS=${EXT_HOSTS:-10}
DELAY=${EXT_DELAY:-0.05}
RUNS=${EXT_RUNS:-10}
WORK=benchmarks/work/external
RESULTS=${EXT_RESULTS:-$WORK/RESULTS.md}
NOTES=$WORK/notes
INDEX=$WORK/index/netkb.sqlite

command -v hyperfine >/dev/null || { echo "installing hyperfine" >&2; apt-get install -y -qq hyperfine >&2; }
NETKB=${NETKB_BIN:-.build/release/netkb}
if [[ ! -x "$NETKB" ]]; then
    echo "building netkb (release)" >&2
    swift build -c release --product netkb >&2
    NETKB=.build/release/netkb
fi

# The notes: 10 notes of 100 URLs each, every URL distinct, the hosts taking turns.
rm -rf "$WORK"
mkdir -p "$NOTES" "$(dirname "$INDEX")"
python3 - "$NOTES" "$URLS" "$HOSTS" "$PORT" <<'PY'
import sys
notes, urls, hosts, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
per_note = 100
for start in range(0, urls, per_note):
    lines = [f"# Reading list {start // per_note + 1}", ""]
    for i in range(start, min(urls, start + per_note)):
        lines.append(f"- [page {i}](http://127.0.0.{i % hosts + 1}:{port}/page/{i}) — notes on page {i}")
    with open(f"{notes}/list-{start // per_note + 1:03}.md", "w") as f:
        f.write("\n".join(lines) + "\n")
PY

python3 benchmarks/external_server.py --hosts "$HOSTS" --port "$PORT" --delay "$DELAY" \
    --lifetime 900 --count-file "$WORK/requests.txt" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q serving "$WORK/server.log" 2>/dev/null && break; sleep 0.1; done

CHECK=("$NETKB" check --external --only-external --include-private --notes "$NOTES" --index "$INDEX")
# One run to build the index and fill the cache, and to show that every URL is alive.
"${CHECK[@]}" | tail -n 2

hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/hyperfine.json" --export-markdown "$WORK/hyperfine.md" \
    -n "check --external, every URL requested (--no-cache)" "${CHECK[*]} --no-cache" \
    -n "check --external, answered from the cache" "${CHECK[*]}"

kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
trap - EXIT
python3 - "$WORK/hyperfine.json" "$RESULTS" "$URLS" "$HOSTS" "$DELAY" "$WORK/requests.txt" <<'PY'
import json, sys, os, datetime
data = json.load(open(sys.argv[1]))["results"]
results, urls, hosts, delay = sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
requests = open(sys.argv[6]).read().strip() if os.path.exists(sys.argv[6]) else "?"
targets = [2500, 300]
rows, failed = [], False
for result, target in zip(data, targets):
    median = result["median"] * 1000
    ok = median < target
    failed |= not ok
    rows.append(f"| {result['command'].split(' --notes')[0].replace('|', '/')} | {median:.0f} ms | {result['mean']*1000:.0f} ± {result['stddev']*1000:.0f} ms | < {target} ms | {'PASS' if ok else 'FAIL'} |")
load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"]
text = [
    f"# check --external benchmark ({datetime.date.today()})", "",
    f"{urls} distinct URLs over {hosts} loopback hosts answering after {delay*1000:.0f} ms; {os.cpu_count()} cores, "
    f"load average {' '.join(load)} at the end; the servers saw {requests} requests in all.", "",
    "| command | median | mean ± σ | target | result |", "| --- | ---: | ---: | ---: | --- |", *rows, "",
]
os.makedirs(os.path.dirname(results) or ".", exist_ok=True)
open(results, "w").write("\n".join(text))
print("\n".join(text))
sys.exit(1 if failed else 0)
PY
