#!/bin/sh
# cli_full.sh: the database on a disk that fills up, and on one mounted
# read-only. Every command and the screen say so in one line, nothing already
# saved is lost, no half file is left, and once space is back the next command
# works. The disk is a small tmpfs of the test's own, in a mount namespace.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

command -v sqlite3 >/dev/null || { echo "cli_full: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }
# A private mount namespace, so no mount outlives the test; as root without
# unshare, a plain mount that the exit trap takes down.
if [ "${CLI_FULL_INSIDE:-}" != 1 ]; then
    if unshare -rm true 2>/dev/null; then
        rm -rf "$WORK"
        exec unshare -rm env CLI_FULL_INSIDE=1 sh "$0"
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "cli_full: SKIP: no way to mount a small disk here (neither unshare -rm nor root)"
        exit 77
    fi
fi
disk="$WORK/disk"
mkdir "$disk"
mount -t tmpfs -o size=4m tmpfs "$disk" || { echo "cli_full: SKIP: mounting a tmpfs failed"; exit 77; }
trap 'umount "$disk" 2>/dev/null; rm -rf "$WORK"' EXIT

db="$disk/full.db"
run --db "$db" new Full --slug full
status 0 "a session on the small disk"
long=$(awk 'BEGIN { while (n++ < 99) printf "0123456789" }')
# fill: leave about 300 KB free, in a file that can be taken away later
avail=$(df -k --output=avail "$disk" | tail -1)
dd if=/dev/zero of="$disk/filler" bs=1k count=$((avail - 300)) 2>/dev/null

# --- add until the disk is full: one line, and every saved answer kept ------------------
saved=0 i=0
while [ "$i" -lt 400 ]; do
    run --db "$db" add full "$i $long" --as Ann --step value
    [ "$STATUS" -ne 0 ] && break
    saved=$((saved + 1)) i=$((i + 1))
done
echo "cli_full: $saved answers of 1000 characters fitted before the disk was full"
check '[ "$saved" -ge 1 ] && [ "$saved" -lt 400 ]' "the disk never filled, or nothing fitted: $saved"
status 1 "an add on a full disk"
stderr_is "samesong: add: cannot save: the disk is full ($db)"
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs")" -eq "$saved" ]' "every saved answer is kept"
check '[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ]' "integrity_check on the full disk"

# --- the other writers, on the full disk ---------------------------------------------------
awk 'BEGIN {
    printf "{\"format\": \"samesong-session/1\", \"name\": \"Big\", \"participants\": [{\"name\": \"Bo\", \"role\": \"ceo\"}], \"inputs\": [";
    for (i = 1; i <= 3000; i++) printf "%s{\"participant\": \"Bo\", \"step\": \"value\", \"text\": \"answer %d of a session too big for the disk\"}", (i > 1 ? "," : ""), i;
    printf "]}";
}' >"$WORK/big.json"
run --db "$db" import "$WORK/big.json" --slug big
status 1 "an import onto the full disk"
stderr_has "cannot save: the disk is full ($db)"; stderr_one_line
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM sessions WHERE slug = '"'big'"'")" -eq 0 ]' "no part of the import is there"
run --db "$db" group full --step value Fast "0 $long"
check '[ "$STATUS" -eq 0 ] || grep -qx "samesong: group: cannot save: the disk is full ($db)" "$ERR"' \
    "group on the full disk works or says the disk is full"

# --- exports onto the full disk: nothing half written, an old file kept -------------------
run --db "$db" export full -o "$disk/out.json"
status 1 "an export onto the full disk"
stderr_is "samesong: export: cannot write $disk/out.json: No space left on device"
check '[ ! -e "$disk/out.json" ]' "no half export"
check '[ -z "$(ls "$disk" | grep "out.json.")" ]' "no temporary file left beside it"
rm -f "$disk/filler"
printf 'the old canvas\n' >"$disk/old.md"
avail=$(df -k --output=avail "$disk" | tail -1)
dd if=/dev/zero of="$disk/filler" bs=1k count="$avail" 2>/dev/null
run --db "$db" export full --format md -o "$disk/old.md"
status 1 "an export over a file on the full disk"
check '[ "$(cat "$disk/old.md")" = "the old canvas" ]' "the old file is kept whole"

# --- reading still works; the screen says so in one line and keeps what is typed -----------
run --db "$db" show full
status 0 "show on the full disk"
stdout_has "- $((saved - 1))"
drive 100 30 --db "$db" open full <<'KEYS'
keys a
type one more answer
keys Enter
dump full
KEYS
shows full "the disk is full" "the screen on a full disk"
shows full "one more answer" "the typed answer is still in the field"

# --- space back: the next command works ------------------------------------------------------
rm -f "$disk/filler"
run --db "$db" add full "after the space came back" --as Ann --step value
status 0 "an add once space is back"
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs")" -eq $((saved + 1)) ]' "all saved answers and the new one"
run --db "$db" import "$WORK/big.json" --slug big
status 0 "the import once space is back"
check '[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ]' "integrity_check once space is back"

# --- a read-only disk: reading works, writing says so in one line -------------------------------
mount -o remount,ro "$disk"
run --db "$db" --read-only show full
status 0 "show on a read-only disk, read-only"
run --db "$db" show full
status 0 "show on a read-only disk"
run --db "$db" add full "on a read-only disk" --as Ann --step value
status 1 "an add on a read-only disk"
stderr_one_line
stderr_has "read-only"
run --db "$disk/new/fresh.db" new Fresh
status 1 "a new database in a missing folder on a read-only disk"
stderr_one_line
mount -o remount,rw "$disk"

finish
