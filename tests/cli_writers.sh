#!/bin/sh
# cli_writers.sh: many samesong processes writing to one file at once lose
# nothing and leave it whole; each write waits for samesong's writers' lock
# (DB-lock), so no commit overlaps a checkpoint (SQLite's WAL-reset bug).
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "cli_writers: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }

db="$WORK/room.db"
"$SAMESONG" --db "$db" new "Room" >/dev/null
check '[ -f "$db-lock" ]' "a writable open makes the lock file beside the database"
check '[ "$(sqlite3 "$db" "PRAGMA journal_mode")" = wal ]' "the database is in WAL mode"

# --- eight writers at once, 25 answers each ----------------------------------------------------
WRITERS=8 EACH=25
for w in $(seq $WRITERS); do
    (
        for i in $(seq $EACH); do
            "$SAMESONG" --db "$db" add room --as "Writer $w" --step value "answer $w.$i" \
                >/dev/null 2>>"$WORK/errors.$w" || echo "add $w.$i failed" >>"$WORK/errors.$w"
        done
    ) &
done
wait
check '[ ! -s "$(ls "$WORK"/errors.* | head -1)" ] && [ -z "$(cat "$WORK"/errors.*)" ]' \
    "no writer met an error: $(cat "$WORK"/errors.* | head -3)"
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs")" -eq $((WRITERS * EACH)) ]' \
    "every confirmed answer is in the file: $(sqlite3 "$db" "SELECT count(*) FROM inputs") of $((WRITERS * EACH))"
check '[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ]' "integrity_check is ok"
check '[ "$(sqlite3 "$db" "SELECT count(DISTINCT text) FROM inputs")" -eq $((WRITERS * EACH)) ]' \
    "and none twice"
run --db "$db" verify; status 0 "verify finds the schema and the search index as samesong made them"

# --- a write waits for the lock, and gives up with one line after 5 s ---------------------------
if command -v python3 >/dev/null; then
    hold() { # hold SECONDS: another process holds the writers' lock that long
        python3 -c '
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_EX, 1, 0)
open(sys.argv[3], "w").close()
time.sleep(float(sys.argv[2]))' "$db-lock" "$1" "$WORK/held" &
        holder=$!
        while [ ! -e "$WORK/held" ]; do sleep 0.05; done
        rm -f "$WORK/held"
    }
    hold 1
    run --db "$db" add room --as Ann --step value "after a wait"
    status 0 "a write waits while another holds the lock, then goes on"
    wait
    hold 7
    before=$(sqlite3 "$db" "SELECT count(*) FROM inputs")
    # 5 s by the clock, not a count of short pauses, which a busy machine (make
    # check's other tests) stretches: this writer is stopped for 3 s of its
    # wait and still gives up at 5 s, before the lock is let go at 7 s
    "$SAMESONG" --db "$db" add room --as Ann --step value "never" >"$OUT" 2>"$ERR" &
    adder=$!
    sleep 1
    kill -STOP $adder
    sleep 3
    kill -CONT $adder
    wait $adder
    STATUS=$?
    check 'kill -0 $holder 2>/dev/null' \
        "the writer that gave up ended then, while the lock was held: it did not wait again at exit"
    status 1 "a write gives up after 5 s, also when it was held up meanwhile"
    stderr_is "samesong: add: another samesong has been writing to $db for 5 s; try again"
    check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs")" -eq "$before" ]' "and writes nothing"
    wait
else
    echo "cli_writers: python3 is not here to hold the lock; the wait is not tested"
fi

# --- the lock file is one of the database's files -----------------------------------------------
run --db "$db" export room -o "$db-lock"; status 1 "export refuses the lock file"
stderr_is "samesong: export: $db-lock is the database's -lock file; choose another file"

finish
