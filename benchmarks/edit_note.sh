#!/bin/sh
# hyperfine --prepare step for the "refresh after one note changed" benchmark.
#
# usage: edit_note.sh NOTE ORIGINAL COUNTER
#
# Rewrites NOTE as ORIGINAL plus one appended bullet line. The line alternates
# between two texts of different length and carries a run counter, so every
# run really changes the note's content (and its size and mtime) while the
# note never grows by more than one line. run.sh saves ORIGINAL before the
# benchmark and puts it back afterwards.
set -eu
note=$1 orig=$2 counter=$3
[ -f "$orig" ] || { echo "edit_note.sh: no original copy at $orig" >&2; exit 2; }
n=$(cat "$counter" 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > "$counter"
if [ $((n % 2)) -eq 0 ]; then
    line="- 벤치마크 수정 $n: 라우팅 테이블 갱신 확인"
else
    line="- bench edit $n"
fi
{ cat "$orig"; printf '%s\n' "$line"; } > "$note"
