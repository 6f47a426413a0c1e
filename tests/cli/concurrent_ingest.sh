#!/bin/sh
# Three ingest runs into one store at the same time: each waits for the one writing before it,
# all exit 0, and the store ends with every article in exactly one story.
# Usage: concurrent_ingest.sh CROSSCHECK_BINARY
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; cat "$dir"/err* 2>/dev/null; exit 1; }

topics="harbour bridge election"
for topic in $topics; do
  mkdir "$dir/$topic"
  for n in 1 2 3; do
    printf '%s news %s\nOfficials spoke about the %s on Monday, and %s residents asked questions about the %s plan.\n' \
      "$topic" "$n" "$topic" "$n" "$topic" > "$dir/$topic/$n.txt"
  done
done
pids=""
for topic in $topics; do
  "$bin" ingest "$dir/$topic" --db "$dir/store.db" > "$dir/out.$topic" 2> "$dir/err.$topic" &
  pids="$pids $!"
done
for pid in $pids; do
  wait "$pid" || fail "an ingest run exited with $?"
done
"$bin" report --db "$dir/store.db" --json "$dir/report.json" 2> "$dir/err.report" ||
  fail "report exited with $?"
python3 - "$dir/report.json" <<'PY' || fail "stories do not cover every article exactly once"
import json, sys
report = json.load(open(sys.argv[1]))
seen = [a["id"] for s in report["stories"] for a in s["articles"]]
assert len(seen) == 9, seen
assert len(set(seen)) == 9, seen
PY
echo "concurrent ingest: writers took turns, every article in exactly one story"
