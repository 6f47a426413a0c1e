#!/bin/sh
# Output paths that are not plain files: a symlink is followed and stays a link, devices and
# FIFOs are written in place and keep their kind, /dev/stdout reaches the pipe behind it, and
# a folder or an unwritable place is refused with exit 3.
# Usage: outputs.sh CROSSCHECK_BINARY
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; [ -f "$dir/err" ] && { echo "--- stderr:"; cat "$dir/err"; }; exit 1; }

cat > "$dir/good.txt" <<'TXT'
Storm floods coastal towns
Heavy rain flooded three coastal towns on Tuesday, officials said, and at least 200 people were
moved to shelters. The regional governor said repairs would take weeks.
TXT

# A symlink at the output path: the file it names is written, the link is kept.
mkdir "$dir/real"
ln -s "$dir/real/report.md" "$dir/link.md"
"$bin" analyze "$dir/good.txt" --md "$dir/link.md" 2> "$dir/err" || fail "symlink output: exit $?"
[ -L "$dir/link.md" ] || fail "the symlink was replaced by a file"
grep -q "Storm floods" "$dir/real/report.md" || fail "the symlink's target was not written"

# A regular file is replaced whole and keeps its permissions.
printf 'old content\n' > "$dir/plain.md"
chmod 640 "$dir/plain.md"
"$bin" analyze "$dir/good.txt" --md "$dir/plain.md" 2> "$dir/err" || fail "plain output: exit $?"
grep -q "old content" "$dir/plain.md" && fail "the old content is still there"
[ "$(stat -c %a "$dir/plain.md")" = 640 ] || fail "permissions of the replaced file changed"
ls "$dir" | grep -q '\.tmp' && fail "a temporary file was left behind"

# /dev/stdout is the pipe the command writes to.
"$bin" analyze "$dir/good.txt" --md /dev/stdout 2> "$dir/err" > "$dir/piped.md" ||
  fail "/dev/stdout output: exit $?"
grep -q "Storm floods" "$dir/piped.md" || fail "nothing reached the file behind /dev/stdout"
"$bin" analyze "$dir/good.txt" --md /dev/stdout 2> "$dir/err" | grep -q "Storm floods" ||
  fail "nothing reached the pipe behind /dev/stdout"

# /dev/null stays a device.
"$bin" analyze "$dir/good.txt" --md /dev/null 2> "$dir/err" || fail "/dev/null output: exit $?"
[ -c /dev/null ] || fail "/dev/null is no longer a character device"

# A FIFO is written in place and stays a FIFO.
mkfifo "$dir/fifo"
cat "$dir/fifo" > "$dir/from-fifo.md" &
reader=$!
"$bin" analyze "$dir/good.txt" --md "$dir/fifo" 2> "$dir/err" || fail "FIFO output: exit $?"
wait "$reader"
[ -p "$dir/fifo" ] || fail "the FIFO was replaced"
grep -q "Storm floods" "$dir/from-fifo.md" || fail "nothing came out of the FIFO"

# A folder, or a place that does not exist, is refused with exit 3 and named.
mkdir "$dir/folder.md"
"$bin" analyze "$dir/good.txt" --md "$dir/folder.md" 2> "$dir/err"
[ $? -eq 3 ] || fail "a folder as output should exit 3"
grep -q "folder.md" "$dir/err" || fail "stderr does not name the folder"
"$bin" analyze "$dir/good.txt" --md "$dir/no/such/dir/r.md" 2> "$dir/err"
[ $? -eq 3 ] || fail "an output in a missing folder should exit 3"
echo "outputs: links followed, devices and FIFOs written in place, folders refused"
