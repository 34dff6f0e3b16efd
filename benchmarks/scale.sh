# The 100,000-note mode of the benchmark: sourced by run.sh when BENCH_SCALE=1, never run alone.
#
#   BENCH_SCALE=1 bash benchmarks/run.sh                 100,000 notes (~600 MB), about 20 min on 2 cores
#   BENCH_SCALE=1 BENCH_QUICK=1 bash benchmarks/run.sh   2,000 notes, a trial of the same steps
#
# By the time run.sh sources this it has checked the tools, chosen the netkb binary ($NETKB,
# HAVE_NETKB), generated the corpus ($CORPUS, deterministic, only when missing or changed), saved
# the note the one-note refresh edits ($EDIT_NOTE, restored on exit) and written the sections CSV
# of the sqlite3 baseline. The helpers (record, status, add_netkb, add_baseline, run_group, rmdb,
# shq, tsv, say) and QUERIES are run.sh's own. See benchmarks/README.md, "100,000 notes".
#
# Steps (a full index of 600 MB takes minutes, so it runs 1 + R_INDEX times in all, no more):
#   1. peak RSS of a full index (/usr/bin/time -v); that run also builds the index the refreshes
#      and searches use, and stands in for the check run of the hyperfine row below
#   2. hyperfine: netkb index --rebuild (R_INDEX runs, no warm-up), with the sqlite3 bulk load and
#      cmark-gfm for reference (no target at this size); the sqlite3 load leaves the baseline table
#   3. hyperfine: no-change refresh, `find NOTES -name '*.md' -printf '%T@ %s %p\n'` (the floor of a
#      stat walk), one-note refresh (benchmarks/edit_note.sh as the prepare step)
#   4. peak RSS of a no-change refresh
#   5. hyperfine per query: netkb search Q --no-refresh --limit 20 against the sqlite3 CLI
#   6. hyperfine: process start-up alone (no target)
#   7. report_scale.py writes the "100,000 notes" section into $RESULTS, leaving the rest alone

# loadavg STEP: the load average as a step starts (the first 1-minute figure includes the
# benchmark's own previous step).
loadavg() { tsv "$1" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >> "$RES/loads.tsv"; }

# scale_rss ID CMD PREP: one run under /usr/bin/time -v. rss.tsv: id, max RSS KiB, exit, command,
# wall clock, % CPU. Returns the command's exit status.
scale_rss() {
    local id=$1 cmd=$2 prep=$3 rc=0 t=$WORK/precheck/$1.rss
    [[ -n "$prep" ]] && sh -c "$prep"
    /usr/bin/time -v -o "$t.time" sh -c "exec $cmd" > "$t.out" 2> "$t.err" || rc=$?
    local kb wall cpu
    kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$t.time")
    wall=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$t.time")
    cpu=$(sed -n 's/^[[:space:]]*Percent of CPU this job got: //p' "$t.time")
    tsv "$id" "${kb:-?}" "$rc" "/usr/bin/time -v sh -c $(shq "exec $cmd")" "${wall:-?}" "${cpu:-?}" >> "$RES/rss.tsv"
    echo "$id: max RSS ${kb:-?} KiB, ${wall:-?} wall clock, ${cpu:-?} CPU, exit $rc" | tee -a "$LOG"
    return $rc
}

DB=$WORK/netkb.sqlite            # the index of the refreshes and searches, built by step 1
FULL_DB=$WORK/netkb-full.sqlite  # the hyperfine full index's, deleted after step 2
REFRESH="$NETKB index --notes $CORPUS --index $DB"
FULL_INDEX="$NETKB index --rebuild --notes $CORPUS --index"
sh -c "$(rmdb "$FULL_DB")"       # left over from an interrupted run: 2-3 GB

# ---------------------------------------------------------------- 1. full index under /usr/bin/time
say "peak memory of a full index (/usr/bin/time -v; builds $DB)"
loadavg rss-index-full
if ((HAVE_NETKB)); then
    rc=0
    scale_rss netkb-index-full "$FULL_INDEX $DB" "$(rmdb "$DB")" || rc=$?
    tail -n 3 "$WORK/precheck/netkb-index-full.rss.out" | tee -a "$LOG"
    tail -n 1 "$WORK/precheck/netkb-index-full.rss.out" | tr '\t' ' ' > "$RES/index-output.tsv"
    if ((rc != 0)); then
        # Every netkb row after this would measure a broken index: none of them runs.
        NETKB_NOTE="the full index exited $rc ($(head -c 300 "$WORK/precheck/netkb-index-full.rss.err" | tr '\t\n' '  '))"
        HAVE_NETKB=0
        echo "netkb not run: $NETKB_NOTE" | tee -a "$LOG"
    fi
else
    tsv netkb-index-full "" "" "/usr/bin/time -v sh -c $(shq "exec $FULL_INDEX $DB")" >> "$RES/rss.tsv"
fi

# ---------------------------------------------------------------- 2. full index, hyperfine
group_reset
loadavg index
record netkb-index-full index "$FULL_INDEX $FULL_DB" "$(rmdb "$FULL_DB")"
if ((HAVE_NETKB)); then
    # No check run of its own: step 1 ran the same command and exited 0.
    group_add netkb-index-full "$FULL_INDEX $FULL_DB" "$(rmdb "$FULL_DB")"
else
    status netkb-index-full "not run: $NETKB_NOTE"
fi
add_baseline index sqlite3-bulk-load "sqlite3 $BASE_DB < $WORK/base-load.sql" "$(rmdb "$BASE_DB")"
CMARK="find $CORPUS -name '*.md' -print0 | xargs -0 cmark-gfm -e table -e autolink -e strikethrough -e tasklist > /dev/null"
add_baseline index cmark-gfm-parse "$CMARK" ""
INTERLEAVE=1 run_group index "$W_INDEX" "$R_INDEX" 0
sh -c "$(rmdb "$FULL_DB")"; rm -f "$FULL_DB.lock"
# The sqlite3 queries below need the table: make sure the last load left a complete one.
if ! sqlite3 -readonly "$BASE_DB" "SELECT count(*) FROM sections;" >/dev/null 2>&1; then
    sh -c "$(rmdb "$BASE_DB")"; sqlite3 "$BASE_DB" < "$WORK/base-load.sql"
fi

# ---------------------------------------------------------------- 3. refreshes and the stat-walk floor
group_reset
loadavg refresh
EDIT_PREP="sh benchmarks/edit_note.sh $(shq "$EDIT_NOTE") $EDIT_ORIG $EDIT_COUNT"
add_netkb refresh netkb-refresh-nochange "$REFRESH" ""
add_baseline refresh find-stat-walk "find $CORPUS -name '*.md' -printf '%T@ %s %p\\n' > /dev/null" ""
add_netkb refresh netkb-refresh-one-note "$REFRESH" "$EDIT_PREP"
run_group refresh "$W_REFRESH" "$R_REFRESH" 0
restore_note
if ((HAVE_NETKB)); then "$NETKB" index --notes "$CORPUS" --index "$DB" > /dev/null 2>&1 || true; fi

# ---------------------------------------------------------------- 4. no-change refresh under /usr/bin/time
say "peak memory of a no-change refresh (/usr/bin/time -v)"
loadavg rss-refresh-nochange
if ((HAVE_NETKB)); then
    scale_rss netkb-refresh-nochange "$REFRESH" "" || true
else
    tsv netkb-refresh-nochange "" "" "/usr/bin/time -v sh -c $(shq "exec $REFRESH")" >> "$RES/rss.tsv"
fi

# ---------------------------------------------------------------- 5. searches against the sqlite3 CLI
loadavg queries
measure_queries

# ---------------------------------------------------------------- 6. start-up floor (no target)
group_reset
loadavg startup
add_netkb startup netkb-startup "$NETKB --help" ""
add_baseline startup sqlite3-startup "sqlite3 :memory: \"SELECT 1;\"" ""
run_group startup "$W_QUERY" "$R_QUERY" 1

# ---------------------------------------------------------------- 7. report section
say "report"
loadavg report
stat -c $'%n\t%s' "$DB" "$BASE_DB" "$WORK/sections.csv" > "$RES/sizes.tsv" 2>/dev/null || true
python3 benchmarks/report_scale.py --mode "$MODE" --work "$WORK" --manifest "$MANIFEST" --corpus "$CORPUS" \
    --netkb "$NETKB" --netkb-note "$NETKB_NOTE" --started "$START_EPOCH" --start-load "$START_LOAD" \
    --out "$RESULTS" | tee -a "$LOG"
echo "wrote the $NOTES-note section of $RESULTS ($(($(date +%s) - START_EPOCH)) s)" | tee -a "$LOG"
