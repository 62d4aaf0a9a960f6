#!/bin/sh
# lock_tables.sh: every table that holds a session's content refuses INSERT,
# UPDATE and DELETE once the session is locked, even from the sqlite3 shell.
# The tables are read from the database itself, so a table added later is
# either guarded or listed below with the reason it may change.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || { echo "lock_tables: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }
db="$WORK/lock.db"
"$SAMESONG" --db "$db" demo >/dev/null
slug=replyline-finished-canvas
S=$(sqlite3 "$db" "SELECT id FROM sessions WHERE slug = '$slug' AND status = 'locked'")
check '[ -n "$S" ]' "the demo brings a locked session"
P=$(sqlite3 "$db" "SELECT min(id) FROM participants WHERE session_id = $S")
OPEN=$(sqlite3 "$db" "SELECT id FROM sessions WHERE slug = 'replyline-positioning-workshop'")
OPEN_P=$(sqlite3 "$db" "SELECT min(id) FROM participants WHERE session_id = $OPEN")
"$SAMESONG" --db "$db" export "$slug" -o "$WORK/before.json"
sum_before=$(cksum <"$WORK/before.json")

# Tables that may change while a session is locked, and why.
unguarded() {
    case "$1" in
    display) ;;        # how answers are attributed on screen: a viewing setting
    positions) ;;      # where each screen was left, so it reopens there
    join_failures) ;;  # wrong join codes keep counting, so guessing stays slow
    search | search_*) ;; # the search index: a virtual table; verify checks it
    *) return 1 ;;
    esac
}

# refused SQL WHAT: the statement fails with the lock's message.
refused() {
    sqlite3 "$db" "$1" >"$OUT" 2>"$ERR"
    STATUS=$?
    # lock_digests has guards of its own (tests/lock.sh): only samesong writes a digest
    if grep -qE "session is locked|lock digest|no such function: samesong_locking" "$ERR"; then ok
    else bad "$2 was not refused: $1"; fi
}

tables=$(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
tried=0
for t in $tables; do
    cols=",$(sqlite3 "$db" "SELECT group_concat(name) FROM pragma_table_info('$t')"),"
    case "$cols" in
    *,session_id,*) col=session_id owner=$S other=$OPEN ;;
    *,participant_id,*) col=participant_id owner=$P other=$OPEN_P ;;
    *) continue ;;  # sessions, steps, roles, pitch_sections: tests/lock.sh tries those
    esac
    if unguarded "$t"; then continue; fi
    tried=$((tried + 1))
    for when in insert update delete; do
        n=$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '$t' AND sql LIKE '% BEFORE $when %'")
        check '[ "$n" -ge 1 ]' "table $t has no BEFORE $when trigger: guard it (store_schema.c) or list it in unguarded() with why"
    done
    # A new row for the locked session: the guard fires before any other check.
    refused "INSERT INTO \"$t\" ($col) VALUES ($owner)" "a new $t row"
    # A row of the open session moved into the locked one.
    if [ "$(sqlite3 "$db" "SELECT count(*) FROM \"$t\" WHERE $col = $other")" -gt 0 ]; then
        refused "UPDATE \"$t\" SET $col = $owner WHERE $col = $other" "moving a $t row in"
    fi
    rows=$(sqlite3 "$db" "SELECT count(*) FROM \"$t\" WHERE $col = $owner")
    [ "$rows" -gt 0 ] || continue
    refused "UPDATE \"$t\" SET $col = $col WHERE $col = $owner" "updating $t"
    refused "UPDATE \"$t\" SET $col = $other WHERE $col = $owner" "moving a $t row out"
    refused "DELETE FROM \"$t\" WHERE $col = $owner" "deleting from $t"
    left=$(sqlite3 "$db" "SELECT count(*) FROM \"$t\" WHERE $col = $owner")
    check '[ "$left" -eq "$rows" ]' "$t lost rows of the locked session"
done
# The method's tables (links, proofs, rounds, pitch, objections) are among them.
check '[ "$tried" -ge 25 ]' "only $tried tables were tried"

"$SAMESONG" --db "$db" export "$slug" -o "$WORK/after.json"
check '[ "$(cksum <"$WORK/after.json")" = "$sum_before" ]' "the locked session's file changed"
run --db "$db" verify "$slug"
status 0 "verify passes after every refused statement"

finish
