#!/bin/sh
# Bad input through the command line: each bad input is named on stderr with a reason, the good
# article is still analysed and reported, and the exit status is 1.
# Usage: bad_inputs.sh CROSSCHECK_BINARY
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; echo "--- stderr:"; cat "$dir/err"; exit 1; }

mkdir -p "$dir/in/binaries"
cat > "$dir/in/good.txt" <<'TXT'
Storm floods coastal towns
Heavy rain flooded three coastal towns on Tuesday, officials said, and at least 200 people were
moved to shelters. The regional governor said repairs would take weeks.
TXT
head -c 4096 /dev/urandom > "$dir/in/binaries/noise.bin"
printf '\177ELF\002\001\001\000\000\000\000\000' > "$dir/in/binaries/program"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > "$dir/in/binaries/image.png"
: > "$dir/in/empty.txt"
printf 'Valid start \377\376 then invalid bytes.\n' > "$dir/in/invalid-utf8.txt"
truncate -s 200M "$dir/in/huge.txt"
printf '{"id":"a1","text":"A good line about the flood."}\n{"id": broken\n' > "$dir/in/lines.jsonl"

"$bin" analyze "$dir/in" "$dir/missing-path" --json "$dir/report.json" --md "$dir/report.md" \
  2> "$dir/err"
status=$?
[ "$status" -eq 1 ] || fail "exit status $status, expected 1"
for name in missing-path noise.bin program image.png empty.txt invalid-utf8.txt huge.txt \
            lines.jsonl:2; do
  grep -q "$name" "$dir/err" || fail "stderr does not name $name"
done
[ "$(grep -c . "$dir/err")" -ge 8 ] || fail "fewer than 8 problem lines"
grep -q '"good' "$dir/report.json" 2>/dev/null || grep -q 'Storm floods' "$dir/report.json" ||
  fail "the good article is missing from the report"
grep -q 'a1' "$dir/report.json" || fail "the good JSON line is missing from the report"

# Usage errors exit 2; an unwritable output exits 3.
"$bin" analyze 2> /dev/null; [ $? -eq 2 ] || fail "missing arguments should exit 2"
"$bin" analyze "$dir/in/good.txt" --json /nonexistent-dir/r.json 2> "$dir/err"
[ $? -eq 3 ] || fail "unwritable output should exit 3"
echo "bad inputs: all named, good articles kept, exit codes as documented"
