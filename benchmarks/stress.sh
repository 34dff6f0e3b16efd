#!/usr/bin/env bash
# netkb stress test: crash safety (kill -9 during indexing) and concurrent runs.
# See benchmarks/README.md, "Stress test".
#
#   bash benchmarks/stress.sh                     about 2-3 minutes on 2 cores
#   STRESS_KILLS=5 bash benchmarks/stress.sh      a shorter run
#
# Environment:
#   NETKB_BIN              the binary to test (default .build/release/netkb); nothing is built here
#   STRESS_KILLS           kills during a first index, and during a refresh (default 20 each)
#   STRESS_REBUILD_KILLS   kills during `index --rebuild` (default 14, or STRESS_KILLS if smaller)
#   STRESS_NOTES           notes in the generated corpus (default 2000)
#   STRESS_EDITS           notes changed before each killed refresh (default 500)
#   STRESS_LOCK_SECONDS    how long the write lock is held in case d6 (default 12, more than
#                          netkb's 10-second busy timeout)
#   STRESS_FLOCK_SECONDS   how long `flock INDEX.lock` is held in case d7 (default 5)
#   STRESS_SEED            seed for the kill moments and the edits (default 1)
#   STRESS_WORK            work folder (default: a new temporary one, removed at the end)
#   STRESS_KEEP=1          keep the work folder
#
# Each case prints PASS or FAIL with a reason; the last line is `stress: N passed, N failed`.
# Exit status: 0 when every case passed, 1 when one failed, 2 when the test could not run.
set -uo pipefail
export LC_ALL=C.UTF-8 NO_COLOR=1

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${NETKB_BIN:-$ROOT/.build/release/netkb}
KILLS=${STRESS_KILLS:-20}
REBUILD_KILLS=${STRESS_REBUILD_KILLS:-$((KILLS < 14 ? KILLS : 14))}
NOTE_COUNT=${STRESS_NOTES:-2000}
EDITS=${STRESS_EDITS:-500}
LOCK_SECONDS=${STRESS_LOCK_SECONDS:-12}
FLOCK_SECONDS=${STRESS_FLOCK_SECONDS:-5}
SEED=${STRESS_SEED:-1}
RANDOM=$SEED
STARTED=$(date +%s)

die() { echo "stress: $*" >&2; exit 2; }
[[ -x $BIN ]] || die "no netkb binary at $BIN (build one: swift build -c release --product netkb, or set NETKB_BIN)"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
for tool in python3 sqlite3 timeout flock; do command -v "$tool" >/dev/null || die "$tool is needed"; done

if [[ -n ${STRESS_WORK:-} ]]; then
    WORK=$STRESS_WORK; rm -rf "$WORK"; mkdir -p "$WORK"
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/netkb-stress.XXXXXX")
fi
cleanup() {
    # Stop anything of ours still running (bounded runs should have ended already).
    local pids; pids=$(jobs -p); [[ -n $pids ]] && kill -9 $pids 2>/dev/null
    if [[ ${STRESS_KEEP:-0} == 1 ]]; then echo "stress: work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
NOTES=$WORK/notes

PASSED=0 FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'PASS  %-44s %s\n' "$1" "$2"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL  %-44s %s\n' "$1" "$2"; }

# ---------------------------------------------------------------- helpers
nk() { timeout -k 5 60 "$BIN" "$@" --notes "$NOTES"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Milliseconds one run of `netkb ARGS…` takes (run to completion).
time_ms() { local t0; t0=$(now_ms); nk "$@" >/dev/null 2>&1; echo $(($(now_ms) - t0)); }
# A moment from 5 ms to LIMIT ms, in seconds for sleep.
random_delay() { local ms=$((5 + (RANDOM * 32768 + RANDOM) % ($1 > 5 ? $1 - 4 : 1))); printf '%d.%03d' $((ms / 1000)) $((ms % 1000)); }

# `sqlite3 INDEX "PRAGMA integrity_check"` is `ok`.
integrity_ok() { [[ $(timeout 60 sqlite3 -readonly "$1" "PRAGMA integrity_check" 2>&1) == ok ]]; }

# The index as the next process to open it will see it, right after a kill: a copy of INDEX, and
# of INDEX-journal when the kill left one, opened read-write once so that SQLite rolls the hot
# journal back in the copy. Sets SETTLED to the copy's path; HOT_JOURNALS counts the journals
# rolled back.
# (The index uses a rollback journal: `sqlite3 -readonly` on an index with a hot journal fails
# with "attempt to write a readonly database", and opening the index itself read-write would do
# the recovery that netkb's next run is being tested on.)
HOT_JOURNALS=0 SETTLED=""
is_hot_journal() { [[ -s $1 && $(head -c 8 "$1" | od -An -tx1 | tr -d ' \n') != 0000000000000000 ]]; }
settled_copy() {
    local copy=$WORK/settled
    rm -rf "$copy"; mkdir -p "$copy"
    SETTLED=$copy/idx.sqlite
    cp "$1" "$SETTLED" || return 1
    if [[ -e $1-journal ]]; then
        cp "$1-journal" "$SETTLED-journal"
        # Hot when its header has been written (SQLite writes the magic last, once the journal
        # is synced and before it overwrites the index); a zeroed header is an unused journal.
        is_hot_journal "$SETTLED-journal" && HOT_JOURNALS=$((HOT_JOURNALS + 1))
        timeout 60 sqlite3 "$SETTLED" "PRAGMA schema_version;" >/dev/null 2>&1
    fi
}

# The notes table as paths and content hashes, and how many rows every other table has.
dump_tables() {
    timeout 60 sqlite3 -readonly "$1" "
        SELECT path, content_hash FROM notes ORDER BY path;
        SELECT 'sections', count(*) FROM sections;
        SELECT 'fts rows', count(*) FROM sections_fts_docsize;
        SELECT 'links', count(*) FROM links;
        SELECT 'references', count(*) FROM note_references;
        SELECT 'tags', count(*) FROM tags;" 2>&1
}

# dump_tables, plus what three searches find (through netkb, so through its FTS5 tokenizer).
dump() {
    dump_tables "$1"
    local word
    for word in TCP 소켓 라우터; do
        echo "search $word"
        timeout -k 5 60 "$BIN" search "$word" --no-refresh --limit 100000 --format json --index "$1" --notes "$NOTES" 2>&1 \
            | python3 "$HERE/stress/hits.py" 2>&1
    done
}

# A clean index of the notes as they are now, into WORK/ref/NAME.sqlite; its dump in NAME.dump.
make_reference() {
    mkdir -p "$WORK/ref"
    rm -f "$WORK/ref/$1".sqlite*
    nk index --index "$WORK/ref/$1.sqlite" >/dev/null 2>&1 || { echo "stress: clean index failed" >&2; return 1; }
    dump "$WORK/ref/$1.sqlite" > "$WORK/ref/$1.dump"
}

# netkb's files beside INDEX other than INDEX and INDEX.lock (the empty file netkb's writers
# flock): any name that contains INDEX's name or ".building". The index uses a rollback journal,
# so an INDEX-wal, INDEX-shm or INDEX-journal left after a run that ended counts as a leftover, as
# does any *.building* file. (The script's own logs in the same folder are not netkb's.)
leftovers() {
    local folder base; folder=$(dirname "$1"); base=$(basename "$1")
    (cd "$folder" && ls -A) | grep -F -e "$base" -e ".building" | grep -vxF -e "$base" -e "$base.lock" | tr '\n' ' '
}

# Compares INDEX with reference NAME: integrity, dump and leftovers. Prints nothing when equal,
# else why not. The leftover files are appended to WORK/leftovers.txt for case e (a file, since
# compare_with runs in a command substitution, a subshell whose variables are lost).
LEFTOVERS_FILE=$WORK/leftovers.txt
: >"$LEFTOVERS_FILE"
compare_with() {
    local index=$1 name=$2 extra
    if ! integrity_ok "$index"; then echo "integrity_check is not ok"; return; fi
    if ! dump "$index" | cmp -s - "$WORK/ref/$name.dump"; then
        echo "differs from a clean index: $(dump "$index" | diff - "$WORK/ref/$name.dump" | grep -c '^[<>]') dump lines"
        return
    fi
    extra=$(leftovers "$index")
    if [[ -n $extra ]]; then printf '%s: %s; ' "$(basename "$(dirname "$index")")" "$extra" >>"$LEFTOVERS_FILE"; fi
}

# Starts `netkb ARGS…` in the background, SIGKILLs it after DELAY seconds and says whether
# the kill landed ("killed") or the run had ended ("finished rc=N").
kill_during() {
    local delay=$1; shift
    "$BIN" "$@" --notes "$NOTES" >/dev/null 2>&1 &
    local pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    local rc=$?
    if ((rc == 137)); then echo killed; else echo "finished rc=$rc"; fi
}

# ---------------------------------------------------------------- corpus
echo "stress: netkb $BIN"
echo "stress: work folder $WORK, seed $SEED"
timeout 120 python3 "$HERE/generate_corpus.py" "$NOTES" --notes "$NOTE_COUNT" --total-mb $((NOTE_COUNT / 500)) \
    --source builtin >"$WORK/corpus.log" 2>&1 || die "generate_corpus.py failed: $(tail -3 "$WORK/corpus.log")"
rm -f "$NOTES.manifest.json"
make_reference base || die "netkb could not index the corpus"
mkdir -p "$WORK/probe"
FIRST_MS=$(time_ms index --index "$WORK/probe/idx.sqlite")
REBUILD_MS=$(time_ms index --rebuild --index "$WORK/probe/idx.sqlite")
echo "stress: $NOTE_COUNT notes; a first index takes ${FIRST_MS} ms, a rebuild ${REBUILD_MS} ms"

# ---------------------------------------------------------------- a. kills during a first index
problems="" landed=0 HOT_JOURNALS=0
for ((i = 1; i <= KILLS; i++)); do
    dir=$WORK/a$i; mkdir -p "$dir"; index=$dir/idx.sqlite
    outcome=$(kill_during "$(random_delay "$FIRST_MS")" index --index "$index")
    [[ $outcome == killed ]] && landed=$((landed + 1))
    if [[ -e $index ]]; then
        settled_copy "$index"
        integrity_ok "$SETTLED" || problems+="#$i: integrity not ok right after the kill; "
    fi
    if ! nk index --index "$index" >"$dir/recover.log" 2>&1; then
        problems+="#$i ($outcome): the next 'netkb index' failed: $(head -c 200 "$dir/recover.log"); "
        continue
    fi
    why=$(compare_with "$index" base)
    [[ -n $why ]] && problems+="#$i ($outcome): $why; "
    rm -rf "$dir"
done
if [[ -z $problems ]]; then pass "a. kill -9 during a first index" "$KILLS runs, $landed killed mid-run ($HOT_JOURNALS left a hot journal), all recovered to a clean index"
else fail "a. kill -9 during a first index" "$problems"; fi

# ---------------------------------------------------------------- b. kills during a refresh of EDITS changed notes
dir=$WORK/b; mkdir -p "$dir"; index=$dir/idx.sqlite
problems="" landed=0 HOT_JOURNALS=0
nk index --index "$index" >/dev/null 2>&1
python3 "$HERE/stress/edit_notes.py" "$NOTES" "$EDITS" "probe" >/dev/null
REFRESH_MS=$(time_ms index --index "$index")
echo "stress: a refresh of $EDITS changed notes takes ${REFRESH_MS} ms"
for ((i = 1; i <= KILLS; i++)); do
    before=$(dump_tables "$index")
    python3 "$HERE/stress/edit_notes.py" "$NOTES" "$EDITS" "b$i" >/dev/null
    make_reference after || { problems+="#$i: the clean index failed; "; continue; }
    outcome=$(kill_during "$(random_delay "$REFRESH_MS")" index --index "$index")
    [[ $outcome == killed ]] && landed=$((landed + 1))
    settled_copy "$index"
    if ! integrity_ok "$SETTLED"; then
        problems+="#$i ($outcome): integrity not ok right after the kill; "
    else
        killed=$(dump_tables "$SETTLED")
        after=$(dump_tables "$WORK/ref/after.sqlite")
        [[ $killed == "$before" || $killed == "$after" ]] || problems+="#$i ($outcome): the killed refresh left a half-written index; "
    fi
    if ! nk index --index "$index" >"$dir/recover.log" 2>&1; then
        problems+="#$i ($outcome): the next 'netkb index' failed: $(head -c 200 "$dir/recover.log"); "
        continue
    fi
    why=$(compare_with "$index" after)
    [[ -n $why ]] && problems+="#$i ($outcome): $why; "
done
if [[ -z $problems ]]; then pass "b. kill -9 during a refresh ($EDITS changed)" "$KILLS runs, $landed killed mid-run ($HOT_JOURNALS left a hot journal), each left the old or the new index and recovered"
else fail "b. kill -9 during a refresh ($EDITS changed)" "$problems"; fi

# A search with --no-refresh right after a writer was killed in the middle of its commit, leaving
# a hot journal beside the index. A killed refresh leaves one only when the kill lands in the short
# window of its commit (case b counts them), so here a helper makes one for certain: a writer
# that overwrites pages of the index and is SIGKILLed before it commits. netkb promises that an
# interrupted run loses nothing and that --no-refresh searches the index as it is: the search
# must exit 0 and find what it found before (the journal rolled back); then a plain `netkb index`
# must leave an index equal to a clean one.

# hits.py of what `netkb search TCP --no-refresh` prints for INDEX; sets HITS_RC to its exit status.
hits_of() {
    timeout -k 5 60 "$BIN" search TCP --no-refresh --limit 100000 --format json --index "$1" --notes "$NOTES" \
        >"$dir/hot.json" 2>"$dir/hot.err"
    HITS_RC=$?
    HITS=$(python3 "$HERE/stress/hits.py" <"$dir/hot.json" 2>&1)
}
hits_of "$WORK/ref/after.sqlite"; expected=$HITS
(timeout 60 python3 "$HERE/stress/kill_mid_write.py" "$index" >"$dir/hot.log" 2>&1; true) 2>/dev/null  # it dies by SIGKILL
if ! is_hot_journal "$index-journal"; then
    fail "b. search --no-refresh on a hot journal" "the helper left no hot journal: $(head -c 200 "$dir/hot.log")"
else
    hits_of "$index"
    bad=""
    if ((HITS_RC != 0)); then bad+="exit $HITS_RC ($(head -c 200 "$dir/hot.err" | tr '\n' ' ')); "
    elif [[ $HITS != "$expected" ]]; then bad+="found other sections than before the killed write; "
    fi
    nk index --index "$index" >"$dir/hot-recover.log" 2>&1 || bad+="the next 'netkb index' failed: $(head -c 200 "$dir/hot-recover.log" | tr '\n' ' '); "
    [[ -z $bad ]] && { why=$(compare_with "$index" after); [[ -n $why ]] && bad+="$why; "; }
    if [[ -z $bad ]]; then pass "b. search --no-refresh on a hot journal" "exit 0, the same $(printf '%s\n' "$HITS" | grep -c .) sections as before, then recovered"
    else fail "b. search --no-refresh on a hot journal" "$bad"; fi
fi

# ---------------------------------------------------------------- c. kills during index --rebuild
make_reference now || die "netkb could not index the corpus"
dir=$WORK/c; mkdir -p "$dir"; index=$dir/idx.sqlite
problems="" landed=0 HOT_JOURNALS=0
nk index --index "$index" >/dev/null 2>&1
for ((i = 1; i <= REBUILD_KILLS; i++)); do
    outcome=$(kill_during "$(random_delay "$REBUILD_MS")" index --rebuild --index "$index")
    [[ $outcome == killed ]] && landed=$((landed + 1))
    # Nothing changed, so the index must be the clean one even before the next run.
    if [[ ! -e $index ]]; then
        problems+="#$i ($outcome): the index is gone after the kill; "
    else
        settled_copy "$index"
        killed_dump=$(dump "$SETTLED")
        integrity_ok "$SETTLED" && [[ $killed_dump == "$(cat "$WORK/ref/now.dump")" ]] \
            || problems+="#$i ($outcome): the previous index was not intact after the kill; "
    fi
    if ! nk index --index "$index" >"$dir/recover.log" 2>&1; then
        problems+="#$i ($outcome): the next 'netkb index' failed: $(head -c 200 "$dir/recover.log"); "
        continue
    fi
    why=$(compare_with "$index" now)
    [[ -n $why ]] && problems+="#$i ($outcome): $why; "
done
if [[ -z $problems ]]; then pass "c. kill -9 during index --rebuild" "$REBUILD_KILLS runs, $landed killed mid-run ($HOT_JOURNALS left a hot journal), the old index stayed intact"
else fail "c. kill -9 during index --rebuild" "$problems"; fi

# ---------------------------------------------------------------- d. concurrent runs
# Runs `netkb ARGS…` COUNT times at once into OUT.N / ERR.N; prints the exit codes.
run_together() {
    local count=$1 out=$2; shift 2
    local pids=() k rc codes=()
    for ((k = 1; k <= count; k++)); do
        timeout -k 5 60 "$BIN" "$@" --notes "$NOTES" >"$out.$k" 2>"$out.err.$k" &
        pids+=($!)
    done
    for k in "${!pids[@]}"; do wait "${pids[$k]}"; rc=$?; codes+=("$rc"); done
    echo "${codes[*]}"
}

# Concurrent searches on an absent index: every one exits 0 with the same results.
concurrent_searches() {
    local count=$1 name="d. $1 searches at once, no index yet"
    local dir=$WORK/d-search-$count; mkdir -p "$dir"; local index=$dir/idx.sqlite
    local codes; codes=$(run_together "$count" "$dir/out" search TCP --format json --limit 50 --index "$index")
    local bad="" k
    for k in $(seq 1 "$count"); do
        local rc; rc=$(echo "$codes" | cut -d' ' -f"$k")
        [[ $rc == 0 ]] || bad+="run $k exit $rc ($(head -c 160 "$dir/out.err.$k" | tr '\n' ' ')); "
        cmp -s "$dir/out.1" "$dir/out.$k" || bad+="run $k printed other results than run 1; "
    done
    if [[ -z $bad ]] && (($(python3 "$HERE/stress/hits.py" <"$dir/out.1" 2>/dev/null | wc -l) == 0)); then bad+="no results; "; fi
    if [[ -z $bad && -e $index ]]; then bad+=$(compare_with "$index" now); fi
    if [[ -z $bad ]]; then pass "$name" "exit codes $codes, identical results"; else fail "$name" "exit codes $codes: $bad"; fi
}
concurrent_searches 2
concurrent_searches 10

# Two indexing runs at once (ARGS…): both exit 0, and the index equals a clean one.
concurrent_indexing() {
    local name=$1 fresh=$2; shift 2
    local dir; dir=$WORK/d-$(echo "$name" | tr -c 'a-z0-9' '-'); mkdir -p "$dir"; local index=$dir/idx.sqlite
    [[ $fresh == existing ]] && nk index --index "$index" >/dev/null 2>&1
    local codes; codes=$(run_together 2 "$dir/out" "$@" --index "$index")
    local bad=""
    [[ $codes == "0 0" ]] || bad+="exit codes $codes ($(cat "$dir"/out.err.* | head -c 300 | tr '\n' ' ')); "
    if [[ -e $index ]]; then
        # A third run must not be needed for the index to be right, but may be for leftovers.
        local why; why=$(compare_with "$index" now); [[ -n $why ]] && bad+="$why; "
    else
        bad+="no index after both runs; "
    fi
    if [[ -z $bad ]]; then pass "$name" "both exit 0, index equals a clean one"; else fail "$name" "$bad"; fi
}
concurrent_indexing "d. two index --rebuild at once" existing index --rebuild
concurrent_indexing "d. two first index runs at once" absent index

# A search while an indexing run is writing: start a refresh of EDITS changed notes, then search.
dir=$WORK/d-busy; mkdir -p "$dir"; index=$dir/idx.sqlite
nk index --index "$index" >/dev/null 2>&1
python3 "$HERE/stress/edit_notes.py" "$NOTES" "$EDITS" "d-busy" >/dev/null
make_reference now || die "netkb could not index the corpus"
timeout -k 5 60 "$BIN" index --index "$index" --notes "$NOTES" >"$dir/index.out" 2>&1 &
indexer=$!
sleep "$(random_delay $((REFRESH_MS / 3 + 6)))"
t0=$(now_ms)
nk search TCP --format json --limit 50 --index "$index" >"$dir/search.out" 2>"$dir/search.err"
rc=$? took=$(($(now_ms) - t0))
wait "$indexer"; irc=$?
bad=""
((rc == 0)) || bad+="search exit $rc ($(head -c 200 "$dir/search.err" | tr '\n' ' ')); "
((irc == 0)) || bad+="index exit $irc; "
[[ -z $bad ]] && { why=$(compare_with "$index" now); [[ -n $why ]] && bad+="$why; "; }
if [[ -z $bad ]]; then pass "d. search during a refresh" "answered in $took ms"; else fail "d. search during a refresh" "$bad"; fi

# A search while another process holds the write lock for longer than netkb's busy timeout,
# with a note changed so that the search's own refresh needs to write.
python3 "$HERE/stress/edit_notes.py" "$NOTES" 1 "d-lock" >/dev/null
timeout $((LOCK_SECONDS + 30)) python3 "$HERE/stress/hold_write_lock.py" "$index" "$LOCK_SECONDS" >"$dir/lock.out" 2>&1 &
holder=$!
for ((k = 0; k < 100; k++)); do grep -q locked "$dir/lock.out" 2>/dev/null && break; sleep 0.1; done
if ! grep -q locked "$dir/lock.out"; then
    fail "d. search while the write lock is held" "could not take the lock: $(head -c 200 "$dir/lock.out")"
else
    t0=$(now_ms)
    nk search TCP --format json --limit 50 --index "$index" >"$dir/locked.out" 2>"$dir/locked.err"
    rc=$? took=$(($(now_ms) - t0))
    results=$(python3 "$HERE/stress/hits.py" <"$dir/locked.out" 2>/dev/null | wc -l)
    if ((rc == 0 && results > 0)); then
        pass "d. search while the write lock is held" "answered in $took ms with $results results (lock held ${LOCK_SECONDS} s)"
    else
        fail "d. search while the write lock is held" "exit $rc after $took ms, $results results: $(head -c 200 "$dir/locked.err" | tr '\n' ' ')"
    fi
fi
wait "$holder" 2>/dev/null

# A search while another netkb writer holds netkb's own lock (flock on INDEX.lock), with a note
# changed so that the search would refresh: it must not wait for the lock, but answer at once
# from the index as it is, with the warning line, and exit 0. Then, once the lock is free, an
# index run brings the index up to date.
WARNING="netkb: warning: answering from the index as it is, which may be out of date: another netkb process is updating it"
python3 "$HERE/stress/edit_notes.py" "$NOTES" 1 "d-flock" >/dev/null
timeout $((FLOCK_SECONDS + 30)) flock "$index.lock" sh -c 'echo locked; sleep "$1"' sh "$FLOCK_SECONDS" >"$dir/flock.out" 2>&1 &
holder=$!
for ((k = 0; k < 100; k++)); do grep -q locked "$dir/flock.out" 2>/dev/null && break; sleep 0.1; done
if ! grep -q locked "$dir/flock.out"; then
    fail "d. search while netkb's flock is held" "could not take the lock: $(head -c 200 "$dir/flock.out")"
else
    t0=$(now_ms)
    nk search TCP --format json --limit 50 --index "$index" >"$dir/flocked.out" 2>"$dir/flocked.err"
    rc=$? took=$(($(now_ms) - t0))
    results=$(python3 "$HERE/stress/hits.py" <"$dir/flocked.out" 2>/dev/null | wc -l)
    bad=""
    ((rc == 0)) || bad+="exit $rc; "
    ((results > 0)) || bad+="no results; "
    grep -qxF "$WARNING" "$dir/flocked.err" || bad+="no warning line; "
    # "Quickly": within a fifth of the time the lock is held (1 s for the default 5 s).
    ((took < FLOCK_SECONDS * 1000 / 5)) || bad+="took $took ms (lock held ${FLOCK_SECONDS} s); "
    if [[ -z $bad ]]; then
        pass "d. search while netkb's flock is held" "answered in $took ms with $results results and the warning (lock held ${FLOCK_SECONDS} s)"
    else
        fail "d. search while netkb's flock is held" "${bad}after $took ms; stderr: $(head -c 300 "$dir/flocked.err" | tr '\n' ' ')"
    fi
fi
wait "$holder" 2>/dev/null
make_reference now || die "netkb could not index the corpus"
nk index --index "$index" >"$dir/after-flock.log" 2>&1
rc=$?
if ((rc != 0)); then
    fail "d. index after the flock is released" "exit $rc: $(head -c 200 "$dir/after-flock.log" | tr '\n' ' ')"
else
    why=$(compare_with "$index" now)
    if [[ -z $why ]]; then pass "d. index after the flock is released" "exit 0, index equals a clean one"
    else fail "d. index after the flock is released" "$why"; fi
fi

# ---------------------------------------------------------------- f. hostile notes folders
# A 10 MB note of `[ ` over and over took cmark-gfm, and netkb, 2 GB; it is read as plain text.
# Symbolic links to / and /proc walked the whole disk and never ended; they are skipped.
hostile=$WORK/f
rm -rf "$hostile" && mkdir -p "$hostile/notes"
printf '# 보통\n\n소켓은 끝점이다.\n' >"$hostile/notes/plain.md"
python3 -c "import sys; open(sys.argv[1], 'w').write('# 큰 노트\n\n' + '[ ' * 5_000_000 + '\n\n끝에 소켓\n')" "$hostile/notes/dense.md"
ln -s / "$hostile/notes/root"
ln -s /proc "$hostile/notes/proc"
/usr/bin/time -f '%M' -o "$hostile/rss" timeout -k 5 60 "$BIN" index --notes "$hostile/notes" --index "$hostile/index.sqlite" >"$hostile/out" 2>"$hostile/err"
rc=$?
rss_kb=$(tail -n 1 "$hostile/rss")
hits=$(timeout 60 "$BIN" search 소켓 --notes "$hostile/notes" --index "$hostile/index.sqlite" --no-refresh --format json 2>/dev/null | python3 "$HERE/stress/hits.py" | wc -l)
bad=""
((rc == 0)) || bad+="exit $rc; "
grep -q '^dense.md:3: warning: parsing this note would take cmark-gfm over' "$hostile/err" || bad+="no warning for dense.md:3; "
grep -q '^root: warning: symbolic link to a folder that holds the notes folder' "$hostile/err" || bad+="no loop warning for root; "
grep -q "^proc: warning: folder of the kernel's proc file system" "$hostile/err" || bad+="no warning for proc; "
((hits == 2)) || bad+="search found $hits sections, not 2; "
# Within 200 MiB: the note is 10 MB, and parsing it as Markdown took 2 GB.
[[ $rss_kb =~ ^[0-9]+$ ]] && ((rss_kb < 200 * 1024)) || bad+="peak memory ${rss_kb} KB; "
if [[ -z $bad ]]; then
    pass "f. a 10 MB dense note, links to / and /proc" "exit 0 with three warnings, both notes found, peak $((rss_kb / 1024)) MiB"
else
    fail "f. a 10 MB dense note, links to / and /proc" "${bad}stderr: $(head -c 300 "$hostile/err" | tr '\n' ' ')"
fi
rm -rf "$hostile"

# ---------------------------------------------------------------- e. leftovers
LEFTOVERS=$(cat "$LEFTOVERS_FILE")
if [[ -z $LEFTOVERS ]]; then pass "e. no leftover files beside the index" "after every recovery and concurrent run"
else fail "e. no leftover files beside the index" "$LEFTOVERS"; fi

echo "stress: $PASSED passed, $FAILED failed ($(($(date +%s) - STARTED)) s)"
((FAILED == 0))
