#!/bin/sh
# Article ids and the store through the command line: ids do not depend on the working
# directory, a changed article under the same id is an update kept with its history and named on
# stderr, an identical one is a no-op, two articles on stdin are two articles, and an installed
# binary finds its models beside itself.
# Usage: ids_and_store.sh CROSSCHECK_BINARY BUILD_DIR
set -u
bin=$1
build=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; [ -f "$dir/err" ] && { echo "--- stderr:"; cat "$dir/err"; }; exit 1; }
id_of() { sed -n 's/^{"id":"\([^"]*\)".*/\1/p' | head -n 1; }

mkdir -p "$dir/a/daily" "$dir/b/deeper/daily"
text='Storm floods coastal towns

Heavy rain flooded three coastal towns on Tuesday, officials said.'
printf '%s\n' "$text" > "$dir/a/daily/latest.txt"
printf '%s\n' "$text" > "$dir/b/deeper/daily/latest.txt"
one=$(cd "$dir/a" && "$bin" text daily/latest.txt | id_of)
two=$(cd "$dir/b/deeper" && "$bin" text daily/latest.txt | id_of)
three=$(cd / && "$bin" text "$dir/b/deeper/daily" | id_of)
[ -n "$one" ] || fail "no id from crosscheck text"
[ "$one" = "$two" ] || fail "ids differ between working directories ($one, $two)"
[ "$one" = "$three" ] || fail "ids differ between a file and its folder ($one, $three)"

db="$dir/news.db"
printf '{"id":"w1","text":"The bridge reopened on Monday after repairs.","source":"Fox News"}\n' |
  "$bin" ingest - --db "$db" > /dev/null 2> "$dir/err" || fail "first ingest failed"
printf '{"id":"w1","text":"The bridge reopened on Tuesday after repairs.","source":"Fox News"}\n' |
  "$bin" ingest - --db "$db" > "$dir/out" 2> "$dir/err" || fail "update failed"
grep -q "updated" "$dir/err" || fail "an update is not reported on stderr"
grep -q "w1" "$dir/err" || fail "the updated article is not named"
"$bin" report --db "$db" --json "$dir/r.json" 2> "$dir/err" || fail "report failed"
grep -q "Tuesday" "$dir/r.json" || fail "the report does not show the new version"
grep -q '"site": *"Fox News"' "$dir/r.json" || fail "the report does not name the outlet"

echo "A first article read from standard input about the harbour." |
  "$bin" ingest - --db "$db" > /dev/null 2> "$dir/err" || fail "stdin ingest 1 failed"
echo "A second, different article from standard input about the airport." |
  "$bin" ingest - --db "$db" > "$dir/out" 2> "$dir/err" || fail "stdin ingest 2 failed"
grep -q "^$db: 3 articles" "$dir/out" || fail "two stdin articles should make 3 in all: $(cat "$dir/out")"
echo "A second, different article from standard input about the airport." |
  "$bin" ingest - --db "$db" > "$dir/out" 2> "$dir/err" || fail "stdin ingest 3 failed"
grep -q "^$db: 3 articles" "$dir/out" || fail "an identical article is not a no-op"
grep -q "unchanged" "$dir/err" || fail "an identical article is not reported as unchanged"

# Pages not in English are stored and named on stderr, not analysed into junk actors.
crawl="$(dirname "$0")/../../../shared/data/html/warc/cc-main-2020-34-excerpt.warc.gz"
if [ -f "$crawl" ]; then
  "$bin" analyze "$crawl" --json "$dir/w.json" > /dev/null 2> "$dir/err" || fail "crawl failed"
  grep -q "other languages (.*): stored, not analysed" "$dir/err" ||
    fail "no stderr line for articles in other languages"
  grep -q '"not_analysed_language": *"ru"' "$dir/w.json" || fail "no report note for ru"
fi

# An installed binary finds its models relative to itself, from any working directory.
if cmake --install "$build" --prefix "$dir/prefix" > /dev/null 2>&1; then
  [ -f "$dir/prefix/share/crosscheck/models/news-df.tsv" ] || fail "models not installed"
  (cd / && "$dir/prefix/bin/crosscheck" analyze "$dir/a" --json "$dir/i.json" 2> "$dir/err") ||
    fail "the installed binary failed"
  ! grep -q "reference term frequencies" "$dir/err" || fail "the installed binary did not find its models"
else
  fail "cmake --install failed"
fi
echo "ok"
