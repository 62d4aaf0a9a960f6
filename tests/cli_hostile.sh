#!/bin/sh
# cli_hostile.sh: files and text made to break the command line: odd schema
# versions, paths that are no database, huge strings, escapes stored behind its
# back, invisible characters, a full disk. Each is refused in one line or made safe.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

command -v sqlite3 >/dev/null || { echo "cli_hostile: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }

# --- a schema version no samesong writes: refused, the file left as it is ----------------
db="$WORK/version.db"
"$SAMESONG" --db "$db" new "Acme" >/dev/null
for v in -5 -1; do
    sqlite3 "$db" "PRAGMA user_version = $v"
    sum_before=$(cksum <"$db")
    for args in "list" "show acme" "add acme --as Maya --step value Fast" "--read-only list"; do
        # shellcheck disable=SC2086 # the words of args are the arguments
        run --db "$db" $args
        status 1 "user_version $v: $args is refused"
        stderr_has "has schema version $v, which no samesong writes"
        stderr_one_line
    done
    check '[ "$(cksum <"$db")" = "$sum_before" ]' "user_version $v: the file is unchanged"
    check '[ "$(sqlite3 "$db" "PRAGMA user_version")" = "$v" ]' "user_version $v: still $v"
done

# --- paths that are no database ---------------------------------------------------------
# run_bounded ARGS...: run, but never for more than 10 s (a FIFO blocked the open forever).
run_bounded() {
    STATUS=0
    timeout 10 "$SAMESONG" "$@" >"$OUT" 2>"$ERR" || STATUS=$?
}
mkfifo "$WORK/fifo.db"
for args in "--read-only list" "list" "new Acme"; do
    # shellcheck disable=SC2086
    run_bounded --db "$WORK/fifo.db" $args
    status 1 "a FIFO: $args is refused, at once"
    stderr_has "$WORK/fifo.db is not a regular file"
done
run_bounded --db "$WORK" list
status 1 "a folder is refused"; stderr_has "$WORK is not a regular file"

: >"$WORK/empty.db"
for args in "--read-only list" "list" "show acme" "report acme" "export acme" "--read-only new Acme"; do
    # shellcheck disable=SC2086
    run_bounded --db "$WORK/empty.db" $args
    status 1 "an empty file: $args is refused"
    stderr_has "$WORK/empty.db is empty: not a samesong database"
    stderr_one_line
done
check '[ ! -s "$WORK/empty.db" ]' "the empty file stays empty"
run --db "$WORK/empty.db" new Acme
status 0 "a command that writes makes an empty file a database"; stdout_is "acme"

ln -s "$WORK/target.db" "$WORK/dangling.db"
for db in "$WORK/missing.db" "$WORK/dangling.db"; do
    for args in "list" "show acme" "search acme" "report acme" "suggest acme" "diff acme other" \
                "export acme" "list --read-only"; do
        # shellcheck disable=SC2086
        run_bounded --db "$db" $args
        status 1 "$(basename "$db"): $args says there is none"
        stderr_is "samesong: ${args%% *}: no such database: $db"
    done
done
check '[ -z "$(ls "$WORK" | grep "missing\|target")" ]' "read-only commands made no file"
# the screens too (driven by a script: what is refused is refused before any terminal)
drive 100 30 --db "$WORK/missing.db" open acme <<'KEYS'
dump start
KEYS
status 1 "open on no database fails"; stderr_is "samesong: open: no such database: $WORK/missing.db"
check '[ ! -e "$WORK/missing.db" ]' "and makes none"
drive 100 30 --db "$WORK/first.db" <<'KEYS'
dump start
keys q
KEYS
status 0 "samesong on its own, on first use"
check 'dumped start | grep -q "No sessions yet"' "shows the empty list"
check '[ -s "$WORK/first.db" ]' "and has made the database"
SAMESONG_DB="$WORK/default-missing.db" run list
status 1 "the default database, missing: list says so"
stderr_is "samesong: list: no such database: $WORK/default-missing.db"
(unset SAMESONG_DB; HOME="$WORK/home" XDG_DATA_HOME="$WORK/xdg" "$SAMESONG" list >/dev/null 2>&1)
check '[ ! -e "$WORK/xdg" ] && [ ! -e "$WORK/home" ]' "and makes no folder for it"
run --db "$WORK/dangling.db" new Acme
status 0 "new through a dangling link makes the database"
check '[ -s "$WORK/target.db" ]' "at the link's target"
for cmd in "new Acme" "demo" "import $SAMESONG_DATA_DIR/examples/demo.json"; do
    rm -f "$WORK/made.db"*
    # shellcheck disable=SC2086
    run --db "$WORK/made.db" $cmd
    status 0 "${cmd%% *} makes a missing database"
    check '[ -s "$WORK/made.db" ]' "${cmd%% *}: the file is there"
done

finish
