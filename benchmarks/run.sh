#!/usr/bin/env bash
# netkb benchmark: one command, idempotent.  See benchmarks/README.md.
#
#   bash benchmarks/run.sh                 full run: 10,000 notes (~60 MB), writes benchmarks/RESULTS.md
#   BENCH_QUICK=1 bash benchmarks/run.sh   1,000 notes, fewer runs, writes benchmarks/work/RESULTS-quick.md
#
# Environment:
#   NETKB_BIN      netkb binary to measure. Unset: build it with
#                  `scripts/build-release --scratch-path .build-bench`
#                  and use .build-bench/release/netkb. Set to a path that does not exist (e.g. `none`)
#                  to measure only the baselines; the netkb rows then say "not run".
#   BENCH_QUICK    1 for the small corpus and fewer runs.
#   BENCH_SCALE    1 for the 100,000-note mode alone (benchmarks/scale.sh, ~600 MB, about 20 min on 2 cores):
#                  full index, refreshes against a `find` stat walk, searches against sqlite3, peak
#                  memory; replaces only the "100,000 notes" section of RESULTS.md. With BENCH_QUICK=1:
#                  a 2,000-note trial of the same steps, written to benchmarks/work/RESULTS-scale-quick.md.
#   BENCH_RESULTS  where to write the report (default above).
#   BENCH_NOTES    override the number of notes (the corpus folder is then corpus/custom-N, or
#                  corpus/scale-N with BENCH_SCALE=1).
#   BENCH_HUGE_REPS  repetitions of "소켓 통신 패킷 " in the one-section note of the huge-section
#                  search (default 70000, 1.47 MB; written to corpus/huge-section/huge.md).
set -euo pipefail
export LC_ALL=C.UTF-8

CALLER_PWD=$PWD
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"
START_EPOCH=$(date +%s)
START_LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

# ---------------------------------------------------------------- settings
SCALE=0
if [[ "${BENCH_SCALE:-0}" == 1 ]]; then
    # The 100,000-note mode (benchmarks/scale.sh): the generator's notes x 10, about 600 MB. It
    # writes only the "100,000 notes" section of RESULTS.md; a trial (quick or BENCH_NOTES) writes
    # to benchmarks/work/ instead.
    SCALE=1
    if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
        MODE=scale-quick; NOTES=2000
        W_INDEX=0; R_INDEX=2; W_REFRESH=1; R_REFRESH=5; W_QUERY=2; R_QUERY=10
        RESULTS=${BENCH_RESULTS:-benchmarks/work/RESULTS-scale-quick.md}
    else
        MODE=scale; NOTES=100000
        W_INDEX=0; R_INDEX=3; W_REFRESH=2; R_REFRESH=10; W_QUERY=3; R_QUERY=20
        RESULTS=${BENCH_RESULTS:-benchmarks/RESULTS.md}
    fi
    if [[ -n "${BENCH_NOTES:-}" ]]; then
        NOTES=$BENCH_NOTES; MODE=scale-$NOTES
        RESULTS=${BENCH_RESULTS:-benchmarks/work/RESULTS-scale-$NOTES.md}
    fi
else
    if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
        MODE=quick; NOTES=1000
        W_INDEX=1; R_INDEX=3; W_REFRESH=2; R_REFRESH=10; W_QUERY=2; R_QUERY=10
        RESULTS=${BENCH_RESULTS:-benchmarks/work/RESULTS-quick.md}
    else
        MODE=full; NOTES=10000
        W_INDEX=1; R_INDEX=5; W_REFRESH=3; R_REFRESH=20; W_QUERY=3; R_QUERY=30
        RESULTS=${BENCH_RESULTS:-benchmarks/RESULTS.md}
    fi
    if [[ -n "${BENCH_NOTES:-}" ]]; then NOTES=$BENCH_NOTES; MODE=custom-$NOTES; fi
fi

CORPUS=benchmarks/corpus/$MODE                 # the notes, nothing else
MANIFEST=benchmarks/corpus/$MODE.manifest.json
WORK=benchmarks/work/$MODE
RES=$WORK/results
LOG=$WORK/run.log
mkdir -p "$RES" "$WORK/precheck"
rm -f "$RES"/*.json "$RES"/*.tsv "$WORK"/precheck/*
: > "$LOG"

say() { printf '\n== %s\n' "$*" | tee -a "$LOG"; }
tsv() { local IFS=$'\t'; printf '%s\n' "$*"; }   # one tab-separated line

# ---------------------------------------------------------------- tools
say "tools"
declare -A PKG=([hyperfine]=hyperfine [rg]=ripgrep [sqlite3]=sqlite3 [cmark-gfm]=cmark-gfm [/usr/bin/time]=time [python3]=python3)
missing=()
for tool in hyperfine rg sqlite3 cmark-gfm /usr/bin/time python3; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("${PKG[$tool]}")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}" | tee -a "$LOG"
    SUDO=; [[ $(id -u) -ne 0 ]] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
if ! sqlite3 :memory: "CREATE VIRTUAL TABLE t USING fts5(x);" 2>/dev/null; then
    echo "sqlite3 CLI has no FTS5" >&2; exit 1
fi
echo "all present" | tee -a "$LOG"

# ---------------------------------------------------------------- netkb binary
say "netkb binary"
NETKB_NOTE=""
if [[ -n "${NETKB_BIN:-}" ]]; then
    NETKB=$NETKB_BIN
    # A relative path is taken from where run.sh was started (it cds to the repository root).
    if [[ $NETKB != /* && -e "$CALLER_PWD/$NETKB" && "$CALLER_PWD" != "$ROOT" ]]; then NETKB=$CALLER_PWD/$NETKB; fi
else
    NETKB=.build-bench/release/netkb
    if command -v swift >/dev/null 2>&1; then
        echo "scripts/build-release --scratch-path .build-bench" | tee -a "$LOG"
        if ! scripts/build-release --scratch-path .build-bench \
                > "$WORK/build.log" 2>&1; then
            NETKB_NOTE="build failed (see $WORK/build.log)"
            tail -n 30 "$WORK/build.log" | tee -a "$LOG"
        fi
    else
        NETKB_NOTE="swift is not installed"
    fi
fi
if [[ -z "$NETKB_NOTE" && ! -x "$NETKB" ]]; then NETKB_NOTE="no executable at $NETKB"; fi
if [[ -z "$NETKB_NOTE" ]]; then echo "using $NETKB" | tee -a "$LOG"; else echo "netkb not run: $NETKB_NOTE" | tee -a "$LOG"; fi
HAVE_NETKB=0; [[ -z "$NETKB_NOTE" ]] && HAVE_NETKB=1

# ---------------------------------------------------------------- corpus
say "corpus ($NOTES notes)"
python3 benchmarks/generate_corpus.py "$CORPUS" --notes "$NOTES" --manifest "$MANIFEST" --if-needed | tee -a "$LOG"
EDIT_NOTE=$CORPUS/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["edit_note"])' "$MANIFEST")
EDIT_ORIG=$WORK/edit-note.orig
EDIT_COUNT=$WORK/edit-note.count
cp "$EDIT_NOTE" "$EDIT_ORIG"          # pristine: the corpus was just verified against its manifest
rm -f "$EDIT_COUNT"
restore_note() { if [[ -f "$EDIT_ORIG" ]] && ! cmp -s "$EDIT_ORIG" "$EDIT_NOTE"; then cp "$EDIT_ORIG" "$EDIT_NOTE"; fi; }
trap restore_note EXIT

# ---------------------------------------------------------------- sqlite3 baseline input
say "sqlite3 baseline: sections CSV"
if ((SCALE)); then
    # At scale (600 MB, about a minute) the CSV is reused while the corpus and the splitter are the same.
    CSV_KEY="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tree_sha256"])' "$MANIFEST") $(sha256sum benchmarks/sections_to_csv.py | cut -c1-64)"
    if [[ -s "$WORK/sections.csv" && "$(cat "$WORK/sections.csv.key" 2>/dev/null)" == "$CSV_KEY" ]]; then
        echo "reusing $WORK/sections.csv (same corpus, same sections_to_csv.py)" | tee -a "$LOG"
    else
        rm -f "$WORK/sections.csv.key"
        python3 benchmarks/sections_to_csv.py "$CORPUS" "$WORK/sections.csv" | tee -a "$LOG"
        printf '%s\n' "$CSV_KEY" > "$WORK/sections.csv.key"
    fi
else
    python3 benchmarks/sections_to_csv.py "$CORPUS" "$WORK/sections.csv" | tee -a "$LOG"
fi
cat > "$WORK/base-load.sql" <<EOF
CREATE VIRTUAL TABLE sections USING fts5(path UNINDEXED, heading, body, tokenize='unicode61');
.import --csv $WORK/sections.csv sections
EOF
BASE_DB=$WORK/base.sqlite

# ---------------------------------------------------------------- group helpers
# commands.tsv: id, group, command, prepare      status.tsv: id, status
# hits.tsv: id, what the command found (from the one check run)
G_IDS=(); G_CMDS=(); G_PREPS=()
group_reset() { G_IDS=(); G_CMDS=(); G_PREPS=(); }
record() { tsv "$1" "$2" "$3" "$4" >> "$RES/commands.tsv"; }
status() { tsv "$1" "$2" >> "$RES/status.tsv"; }
group_add() { G_IDS+=("$1"); G_CMDS+=("$2"); G_PREPS+=("$3"); }

# check ID CMD PREP: run the command once (after its prepare); 0 if it exited 0.
check() {
    local id=$1 cmd=$2 prep=$3 rc=0
    [[ -n "$prep" ]] && { sh -c "$prep" || true; }
    timeout 3600 sh -c "$cmd" > "$WORK/precheck/$id.out" 2> "$WORK/precheck/$id.err" || rc=$?
    echo "check $id: exit $rc" >> "$LOG"
    return $rc
}

# add_netkb GROUP ID CMD PREP: measure it only if the binary is there and a check run exits 0.
add_netkb() {
    local group=$1 id=$2 cmd=$3 prep=$4 rc=0
    record "$id" "$group" "$cmd" "$prep"
    if ((!HAVE_NETKB)); then status "$id" "not run: $NETKB_NOTE"; return; fi
    check "$id" "$cmd" "$prep" || rc=$?
    if ((rc == 0)); then group_add "$id" "$cmd" "$prep"
    elif ((rc == 1)) && [[ $id == netkb-search-* ]]; then status "$id" "not run: no results (exit 1)"
    else status "$id" "not run: exit $rc ($(head -c 300 "$WORK/precheck/$id.err" | tr '\t\n' '  '))"
    fi
}

add_baseline() {
    local group=$1 id=$2 cmd=$3 prep=$4 rc=0
    record "$id" "$group" "$cmd" "$prep"
    check "$id" "$cmd" "$prep" || rc=$?
    if ((rc == 0)); then group_add "$id" "$cmd" "$prep"
    else status "$id" "not run: exit $rc ($(head -c 300 "$WORK/precheck/$id.err" | tr '\t\n' '  '))"
    fi
}

# run_group NAME WARMUP RUNS NOSHELL: one hyperfine run over the group's commands, side by side.
run_group() {
    local name=$1 warmup=$2 runs=$3 noshell=$4
    say "hyperfine: $name"
    if ((${INTERLEAVE:-0})) && ((${#G_IDS[@]})); then run_interleaved "$@"; return; fi
    while ((${#G_IDS[@]})); do
        local args=(--style basic --time-unit millisecond --warmup "$warmup" --runs "$runs"
                    --export-json "$RES/$name.json")
        ((noshell)) && args+=(-N)
        local i has_prep=0
        for i in "${!G_IDS[@]}"; do [[ -n "${G_PREPS[$i]}" ]] && has_prep=1; done
        local shown="hyperfine ${args[*]}"
        if ((has_prep)); then
            for i in "${!G_IDS[@]}"; do args+=(--prepare "${G_PREPS[$i]:-true}"); done
            shown+=" --prepare <per command>"
        fi
        for i in "${!G_IDS[@]}"; do args+=(--command-name "${G_IDS[$i]}"); done
        if hyperfine "${args[@]}" "${G_CMDS[@]}" 2>&1 | tee -a "$LOG"; then
            tsv "$name" "$shown --command-name <id> <commands>" >> "$RES/hyperfine.tsv"
            for i in "${!G_IDS[@]}"; do status "${G_IDS[$i]}" "ok"; done
            return 0
        fi
        rm -f "$RES/$name.json"   # hyperfine leaves an empty export behind when it aborts
        # A command failed during the runs: drop the netkb ones (they are the ones under test) and
        # measure the rest, or give up on the group if only baselines were left.
        local keep_ids=() keep_cmds=() keep_preps=() dropped=0
        for i in "${!G_IDS[@]}"; do
            if [[ ${G_IDS[$i]} == netkb-* ]]; then
                status "${G_IDS[$i]}" "failed during the hyperfine runs (see $LOG)"; dropped=1
            else
                keep_ids+=("${G_IDS[$i]}"); keep_cmds+=("${G_CMDS[$i]}"); keep_preps+=("${G_PREPS[$i]}")
            fi
        done
        if ((!dropped)); then
            for i in "${!G_IDS[@]}"; do status "${G_IDS[$i]}" "failed during the hyperfine runs (see $LOG)"; done
            return 0
        fi
        G_IDS=("${keep_ids[@]}"); G_CMDS=("${keep_cmds[@]}"); G_PREPS=("${keep_preps[@]}")
    done
}

# run_interleaved NAME WARMUP RUNS NOSHELL: the group's commands in rounds, one run of each per
# round (hyperfine --runs 1 each, after the command's prepare), so that a spell of load on this
# shared machine weighs on every command alike rather than on whichever ran during it; the
# rounds' exports are merged into one (merge_rounds.py). For commands of seconds compared by
# ratio: the full index against its baselines, tagged against untagged. A command that fails
# in a round is reported failed and left out of the rest.
run_interleaved() {
    local name=$1 warmup=$2 runs=$3 noshell=$4 round i rounds=() failed=()
    local shown="hyperfine --style basic --time-unit millisecond --runs 1 per command, $runs interleaved rounds after $warmup"
    ((noshell)) && shown+=" (-N)"
    for ((round = -warmup; round < runs; round++)); do
        for i in "${!G_IDS[@]}"; do
            [[ " ${failed[*]} " == *" $i "* ]] && continue
            local args=(--style basic --time-unit millisecond --runs 1 --command-name "${G_IDS[$i]}")
            ((noshell)) && args+=(-N)
            [[ -n "${G_PREPS[$i]}" ]] && args+=(--prepare "${G_PREPS[$i]}")
            local out="$WORK/round-$name-$round-$i.json"
            if hyperfine "${args[@]}" --export-json "$out" "${G_CMDS[$i]}" 2>&1 | tee -a "$LOG"; then
                ((round >= 0)) && rounds+=("$out")
            else
                status "${G_IDS[$i]}" "failed during the hyperfine runs (see $LOG)"; failed+=("$i")
            fi
        done
    done
    if ((${#rounds[@]})); then
        python3 "$HERE/merge_rounds.py" "$RES/$name.json" "${rounds[@]}"
        tsv "$name" "$shown --command-name <id> <commands>" >> "$RES/hyperfine.tsv"
        for i in "${!G_IDS[@]}"; do [[ " ${failed[*]} " == *" $i "* ]] || status "${G_IDS[$i]}" "ok"; done
    fi
    rm -f "$WORK"/round-"$name"-*.json
}

rmdb() { printf 'rm -f %s %s-wal %s-shm %s-journal' "$1" "$1" "$1" "$1"; }
shq() { printf "'%s'" "${1//\'/\'\\\'\'}"; }   # quote for sh

# The searches, the same in both modes.
# name | netkb arguments | FTS5 query | rg arguments
QUERIES=(
    "소켓|소켓|소켓|-e 소켓"
    "\"3 way handshake\"|'\"3 way handshake\"'|\\\"3 way handshake\\\"|-i -e '3[\\s-]+way[\\s-]+handshake'"
    "혼잡 제어|혼잡 제어|혼잡 제어|-e '혼잡\\s*제어'"
    "라우터|라우터|라우터|-e 라우터"
    "TCP|TCP|TCP|-i -e TCP"
)
SQL_COLS="path, heading, snippet(sections, 2, '[', ']', '…', 10)"

# measure_queries [rg]: one hyperfine group per query in QUERIES: netkb's search of $DB against
# the sqlite3 CLI on $BASE_DB (and rg over $CORPUS with "rg"), plus what each found, for the
# report (not timed).
measure_queries() {
    local with_rg=${1:-} q=0 entry qname nargs fts rgargs fts_plain out
    for entry in "${QUERIES[@]}"; do
        q=$((q + 1))
        IFS='|' read -r qname nargs fts rgargs <<< "$entry"
        tsv "q$q" "$qname" >> "$RES/queries.tsv"
        group_reset
        add_netkb "query-$q" "netkb-search-q$q" "$NETKB search $nargs --notes $CORPUS --index $DB --no-refresh --limit 20" ""
        add_baseline "query-$q" "sqlite3-fts5-q$q" \
            "sqlite3 -readonly $BASE_DB \"SELECT $SQL_COLS FROM sections WHERE sections MATCH '$fts' ORDER BY rank LIMIT 20;\"" ""
        [[ -n "$with_rg" ]] && add_baseline "query-$q" "rg-q$q" "rg -l --no-ignore $rgargs $CORPUS" ""
        fts_plain=${fts//\\\"/\"}
        tsv "sqlite3-fts5-q$q" "$(sqlite3 -readonly "$BASE_DB" "SELECT count(*) || ' sections in ' || count(DISTINCT path) || ' notes' FROM sections WHERE sections MATCH '$fts_plain';" 2>&1 | head -1)" >> "$RES/hits.tsv"
        [[ -n "$with_rg" ]] && tsv "rg-q$q" "$(sh -c "rg -l --no-ignore $rgargs $CORPUS" | wc -l | tr -d ' ') notes" >> "$RES/hits.tsv"
        if ((HAVE_NETKB)); then
            out=$(sh -c "$NETKB search $nargs --notes $CORPUS --index $DB --no-refresh --limit 20 --format json" 2>/dev/null || true)
            tsv "netkb-search-q$q" "$(printf '%s' "$out" | python3 -c '
import json, sys
try:
    print("%d results (limit 20)" % len(json.load(sys.stdin)["results"]))
except Exception:
    print("?")')" >> "$RES/hits.tsv"
        fi
        INTERLEAVE=1 run_group "query-$q" "$W_QUERY" "$R_QUERY" 1
    done
}

# ---------------------------------------------------------------- the 100,000-note mode
# BENCH_SCALE=1: its own measurements and report section (benchmarks/scale.sh), then stop.
if ((SCALE)); then
    . "$HERE/scale.sh"
    exit 0
fi

# ---------------------------------------------------------------- a, e: full index and its baselines
group_reset
FULL_DB=$WORK/netkb-full.sqlite
add_netkb index netkb-index-full "$NETKB index --rebuild --notes $CORPUS --index $FULL_DB" "$(rmdb "$FULL_DB")"
# The same without concept tagging (NETKB_NO_TAGGING=1 exists for this row only): what tagging costs.
add_netkb index netkb-index-full-untagged "env NETKB_NO_TAGGING=1 $NETKB index --rebuild --notes $CORPUS --index $FULL_DB" "$(rmdb "$FULL_DB")"
add_baseline index sqlite3-bulk-load "sqlite3 $BASE_DB < $WORK/base-load.sql" "$(rmdb "$BASE_DB")"
CMARK="find $CORPUS -name '*.md' -print0 | xargs -0 cmark-gfm -e table -e autolink -e strikethrough -e tasklist > /dev/null"
add_baseline index cmark-gfm-parse "$CMARK" ""
INTERLEAVE=1 run_group index "$W_INDEX" "$R_INDEX" 0
# The sqlite3 queries below need the table: make sure the last load left a complete one.
if ! sqlite3 -readonly "$BASE_DB" "SELECT count(*) FROM sections;" >/dev/null 2>&1; then
    sh -c "$(rmdb "$BASE_DB")"; sqlite3 "$BASE_DB" < "$WORK/base-load.sql"
fi

# ---------------------------------------------------------------- FTS5 alone on netkb's tokens (no target)
# What FTS5 costs for the tokens netkb's index holds, without netkb: the tokens of the index the
# full index left behind (tokens_to_csv.py, untimed), loaded by the sqlite3 CLI into a contentless
# FTS5 table whose tokenizer only splits at spaces, and into a plain table (reading the CSV alone).
group_reset
if ((HAVE_NETKB)) && [[ -s "$FULL_DB" ]] && python3 benchmarks/tokens_to_csv.py "$FULL_DB" "$WORK/tokens.csv" > "$RES/tokens.txt" 2>> "$LOG"; then
    tee -a "$LOG" < "$RES/tokens.txt"
    TOKENS_DB=$WORK/tokens.sqlite
    cat > "$WORK/tokens-fts5.sql" <<EOF
CREATE VIRTUAL TABLE sections USING fts5(heading, context, body, content='', tokenize="unicode61 tokenchars '_'");
.import --csv $WORK/tokens.csv sections
EOF
    cat > "$WORK/tokens-plain.sql" <<EOF
CREATE TABLE sections(heading, context, body);
.import --csv $WORK/tokens.csv sections
EOF
    add_baseline fts5-floor sqlite3-fts5-netkb-tokens "sqlite3 $TOKENS_DB < $WORK/tokens-fts5.sql" "$(rmdb "$TOKENS_DB")"
    add_baseline fts5-floor sqlite3-plain-netkb-tokens "sqlite3 $TOKENS_DB < $WORK/tokens-plain.sql" "$(rmdb "$TOKENS_DB")"
    run_group fts5-floor "$W_INDEX" "$R_INDEX" 0
    sh -c "$(rmdb "$TOKENS_DB")"; rm -f "$WORK/tokens.csv"
else
    echo "FTS5 on netkb's tokens: not measured (no index from netkb)" | tee -a "$LOG"
fi

# ---------------------------------------------------------------- b, c: refresh
group_reset
DB=$WORK/netkb.sqlite
if ((HAVE_NETKB)); then
    sh -c "$(rmdb "$DB")"
    if ! "$NETKB" index --rebuild --notes "$CORPUS" --index "$DB" > "$WORK/precheck/setup-index.out" 2>&1; then
        echo "setting up $DB failed, see $WORK/precheck/setup-index.out" | tee -a "$LOG"
    fi
fi
REFRESH="$NETKB index --notes $CORPUS --index $DB"
add_netkb refresh netkb-refresh-nochange "$REFRESH" ""
add_netkb refresh netkb-refresh-one-note "$REFRESH" "sh benchmarks/edit_note.sh $(shq "$EDIT_NOTE") $EDIT_ORIG $EDIT_COUNT"
# check exits 1 when it finds broken links, which the corpus has on purpose.
CHECK="$NETKB check --notes $CORPUS --index $DB > /dev/null || [ \$? -eq 1 ]"
add_netkb refresh netkb-check-nochange "$CHECK" ""
add_netkb refresh netkb-check-one-note "$CHECK" "sh benchmarks/edit_note.sh $(shq "$EDIT_NOTE") $EDIT_ORIG $EDIT_COUNT"
run_group refresh "$W_REFRESH" "$R_REFRESH" 0
restore_note
if ((HAVE_NETKB)); then "$NETKB" index --notes "$CORPUS" --index "$DB" > /dev/null 2>&1 || true; fi

# ---------------------------------------------------------------- g: layers, a concept card and filtered searches, nothing changed
group_reset
add_netkb concepts netkb-layers "$NETKB layers --notes $CORPUS --index $DB" ""
add_netkb concepts netkb-concepts-tcp "$NETKB concepts TCP --notes $CORPUS --index $DB" ""
# Searches narrowed by a layer or a concept: each filter's list of sections once, not a MATCH for
# each section in it (which took minutes at 7,000 sections).
add_netkb concepts netkb-search-layer "$NETKB search --layer 4 소켓 --notes $CORPUS --index $DB --no-refresh --limit 20" ""
add_netkb concepts netkb-search-concept "$NETKB search --concept tcp 데이터 --notes $CORPUS --index $DB --no-refresh --limit 20" ""
run_group concepts "$W_QUERY" "$R_QUERY" 1

# ---------------------------------------------------------------- g: refs with nothing changed
# Every reference per topic, and per site, refreshing first (nothing changed), output discarded.
group_reset
add_netkb refs netkb-refs "$NETKB refs --notes $CORPUS --index $DB" ""
add_netkb refs netkb-refs-by-domain "$NETKB refs --by-domain --notes $CORPUS --index $DB" ""
if ((HAVE_NETKB)); then
    tsv netkb-refs "$(sh -c "$NETKB refs --notes $CORPUS --index $DB" 2>/dev/null | tail -1)" >> "$RES/hits.tsv"
    tsv netkb-refs-by-domain "$(sh -c "$NETKB refs --by-domain --notes $CORPUS --index $DB" 2>/dev/null | tail -1)" >> "$RES/hits.tsv"
fi
run_group refs "$W_REFRESH" "$R_REFRESH" 0

# ---------------------------------------------------------------- d, e: searches and their baselines
measure_queries rg

# ---------------------------------------------------------------- g: one huge section
# The hostile case of a single section of about 1.4 MB full of one common phrase
# (BENCH_HUGE_REPS repetitions of "소켓 통신 패킷 ", 21 bytes each; 70,000 by default, 1.47 MB),
# in a note of its own, indexed (untimed) into its own small index. Measured: a search for 패킷,
# which matches everywhere in it, so its snippet must be cut from a 1.4 MB text. The note is
# written the same way every run (deterministic), and only when its content differs.
HUGE_REPS=${BENCH_HUGE_REPS:-70000}
HUGE_NOTES=benchmarks/corpus/huge-section
HUGE_DB=$WORK/netkb-huge.sqlite
say "huge section ($HUGE_REPS repetitions)"
python3 - "$HUGE_NOTES/huge.md" "$HUGE_REPS" <<'PY' | tee -a "$LOG"
import os, sys
path, reps = sys.argv[1], int(sys.argv[2])
text = ("# 큰 섹션\n\n" + "소켓 통신 패킷 " * reps + "\n").encode("utf-8")
os.makedirs(os.path.dirname(path), exist_ok=True)
try:
    same = open(path, "rb").read() == text
except OSError:
    same = False
if not same:
    with open(path, "wb") as f:
        f.write(text)
print("%s: %d bytes, %d repetitions of '소켓 통신 패킷 '%s" % (path, len(text), reps, "" if same else " (written)"))
PY
tsv huge "$HUGE_NOTES/huge.md" "$(wc -c < "$HUGE_NOTES/huge.md" | tr -d ' ')" "$HUGE_REPS" >> "$RES/huge.tsv"
group_reset
if ((HAVE_NETKB)); then
    sh -c "$(rmdb "$HUGE_DB")"
    if ! "$NETKB" index --rebuild --notes "$HUGE_NOTES" --index "$HUGE_DB" > "$WORK/precheck/setup-huge.out" 2>&1; then
        echo "setting up $HUGE_DB failed, see $WORK/precheck/setup-huge.out" | tee -a "$LOG"
    fi
    tail -n 1 "$WORK/precheck/setup-huge.out" | tee -a "$LOG"
fi
add_netkb huge-section netkb-search-huge "$NETKB search 패킷 --notes $HUGE_NOTES --index $HUGE_DB --no-refresh" ""
if ((HAVE_NETKB)); then
    out=$("$NETKB" search 패킷 --notes "$HUGE_NOTES" --index "$HUGE_DB" --no-refresh --format json 2>/dev/null || true)
    tsv netkb-search-huge "$(printf '%s' "$out" | python3 -c '
import json, sys
try:
    r = json.load(sys.stdin)["results"]
    print("%d result(s), snippet of %d characters, first highlight %r" % (
        len(r), len(r[0]["snippet"]), r[0]["highlights"][0]["text"] if r[0].get("highlights") else None))
except Exception:
    print("?")')" >> "$RES/hits.tsv"
fi
run_group huge-section "$W_QUERY" "$R_QUERY" 1

# ---------------------------------------------------------------- start-up floor (no target, for reading the searches)
group_reset
add_netkb startup netkb-startup "$NETKB --help" ""
add_baseline startup sqlite3-startup "sqlite3 :memory: \"SELECT 1;\"" ""
add_baseline startup rg-startup "rg --version" ""
run_group startup "$W_QUERY" "$R_QUERY" 1

# ---------------------------------------------------------------- f: peak memory
say "peak memory (/usr/bin/time -v)"
rss() {  # ID CMD PREP
    local id=$1 cmd=$2 prep=$3 rc=0
    [[ -n "$prep" ]] && sh -c "$prep"
    /usr/bin/time -v -o "$WORK/precheck/$id.time" sh -c "exec $cmd" > /dev/null 2> "$WORK/precheck/$id.err" || rc=$?
    local kb
    kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$WORK/precheck/$id.time")
    tsv "$id" "${kb:-?}" "$rc" "/usr/bin/time -v sh -c $(shq "exec $cmd")" >> "$RES/rss.tsv"
    echo "$id: max RSS ${kb:-?} KiB, exit $rc" | tee -a "$LOG"
}
RSS_DB=$WORK/netkb-rss.sqlite
if ((HAVE_NETKB)); then
    rss netkb-index-full "$NETKB index --rebuild --notes $CORPUS --index $RSS_DB" "$(rmdb "$RSS_DB")"
else
    tsv netkb-index-full "" "" "/usr/bin/time -v sh -c $(shq "exec $NETKB index --rebuild --notes $CORPUS --index $RSS_DB")" >> "$RES/rss.tsv"
fi
rss sqlite3-bulk-load "sqlite3 $WORK/base-rss.sqlite < $WORK/base-load.sql" "$(rmdb "$WORK/base-rss.sqlite")"
rss cmark-gfm-parse "$CMARK" ""   # ru_maxrss of children: the largest cmark-gfm process
rm -f "$WORK/netkb-rss.sqlite"* "$WORK/base-rss.sqlite"*

# ---------------------------------------------------------------- external links
# `check --external` against 10 loopback servers (benchmarks/external.sh); its table is added to
# the report below. Skipped with BENCH_EXTERNAL=0.
EXTERNAL_RESULTS=$WORK/external-RESULTS.md
rm -f "$EXTERNAL_RESULTS"
if [[ "${BENCH_EXTERNAL:-1}" != 0 ]] && ((HAVE_NETKB)); then
    say "external links"
    NETKB_BIN=$NETKB EXT_RESULTS=$EXTERNAL_RESULTS EXT_RUNS=$([[ $MODE == quick ]] && echo 3 || echo 10) \
        bash benchmarks/external.sh 2>&1 | tee -a "$LOG" || true
fi

# ---------------------------------------------------------------- report
say "report"
# report.py rewrites the whole file: keep the "100,000 notes" section of an earlier BENCH_SCALE run
# and put it back at the end.
SCALE_KEEP=$WORK/scale-section.keep.md
python3 benchmarks/report_scale.py --extract "$RESULTS" > "$SCALE_KEEP"
python3 benchmarks/report.py --mode "$MODE" --work "$WORK" --manifest "$MANIFEST" --corpus "$CORPUS" \
    --netkb "$NETKB" --netkb-note "$NETKB_NOTE" --started "$START_EPOCH" --start-load "$START_LOAD" --out "$RESULTS" | tee -a "$LOG"
if [[ -s "$EXTERNAL_RESULTS" ]]; then
    { echo; echo "## External links (benchmarks/external.sh)"; echo; sed -e '1{/^# /d}' "$EXTERNAL_RESULTS"; } >> "$RESULTS"
fi
if [[ -s "$SCALE_KEEP" ]]; then
    python3 benchmarks/report_scale.py --splice "$SCALE_KEEP" --into "$RESULTS" | tee -a "$LOG"
fi
echo "wrote $RESULTS ($(($(date +%s) - START_EPOCH)) s)" | tee -a "$LOG"
