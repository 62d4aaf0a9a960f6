#!/bin/sh
# cli_no_locks.sh: a database on a file system without file locks (some network
# shares), made with an LD_PRELOAD shim (tests/no_locks.c) under which every
# fcntl lock fails with ENOLCK. samesong needs locks to keep its writers apart:
# every command says so in one line, and the file is left as it was; a
# read-only look at a file with no -wal beside it needs no lock and works.
. "$(dirname "$0")/lib.sh"

: "${NO_LOCKS:?run this through make check}"
db="$WORK/share.db"
"$SAMESONG" --db "$db" demo >/dev/null
sum=$(cksum <"$db")
if ! LD_PRELOAD="$NO_LOCKS" "$SAMESONG" --version >/dev/null 2>&1; then
    echo "cli_no_locks: SKIP: the shim cannot be preloaded into this build (a sanitizer's?)"
    exit 77
fi
without_locks() {
    LD_PRELOAD="$NO_LOCKS" "$SAMESONG" "$@" >"$OUT" 2>"$ERR"
    STATUS=$?
}
for args in "list" "show replyline-positioning-workshop" "add replyline-positioning-workshop --as Maya --step value New" \
            "new Other"; do
    # shellcheck disable=SC2086 # the words of args are the arguments
    without_locks --db "$db" $args
    status 1 "without file locks: $args"
    stderr_is "samesong: ${args%% *}: $db is on a file system without file locks, which samesong needs to keep its writers apart; keep the database on a local disk"
done
check '[ "$(cksum <"$db")" = "$sum" ]' "the file is as it was"
without_locks --db "$WORK/fresh.db" new Fresh
status 1 "a new database without file locks"
stderr_has "without file locks"
rm -f "$db-wal" "$db-shm"
without_locks --db "$db" --read-only list
status 0 "a read-only look needs no lock"
stdout_has "replyline-positioning-workshop"
finish
