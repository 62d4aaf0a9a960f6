#!/bin/sh
# cli_room.sh: room mode's invite command: a code per participant, shown
# once; a new one replaces the old; a code taken back; who has joined; a
# deadline; the walk-in code, open and taken back; bad input in one line with
# nothing written.
. "$(dirname "$0")/lib.sh"

db="$WORK/room.db"
slug=replyline-positioning-workshop
"$SAMESONG" --db "$db" demo >/dev/null

run --db "$db" invite $slug; status 0 "invite gives every participant a code"
check '[ "$(grep -c "^  [ACDEFGHJKMNPQRTUVWXY34679]\{3\}-[ACDEFGHJKMNPQRTUVWXY34679]\{3\}  " "$OUT")" -eq 6 ]' \
    "six codes of six unmistakable characters"
stdout_has "  Maya"
stdout_has "Each person runs: samesong --db $db join $slug"
maya=$(awk '$2 == "Maya" { print $1 }' "$OUT")
check '! sqlite3 "$db" .dump 2>/dev/null | grep -q "$maya" && ! grep -aq "$maya" "$db" "$db-wal"' \
    "the code is nowhere in the database's files"

(cd "$WORK" && "$SAMESONG" --db room.db invite $slug Priya) >"$OUT"
stdout_has "Each person runs: samesong --db $db join $slug" # whole, for another folder or ssh
run --db "$db" invite $slug Maya; status 0 "invite NAME gives that one a new code"
check '[ "$(grep -c "^  ...-...  " "$OUT")" -eq 1 ]' "one code"
check '! grep -q "$maya" "$OUT"' "a different one"

run --db "$db" invite $slug --revoke tom; status 0 "revoke (any case)"
stdout_is "The join code of tom no longer works."
run --db "$db" invite $slug --revoke tom; status 1 "revoking twice"
stderr_is "samesong: invite: that participant has no code to revoke"

run --db "$db" invite $slug --deadline 2026-12-01; status 0 "a deadline"
stdout_has "Answers are due by 2026-12-01."
stdout_has "  Tom                     code revoked"
stdout_has "  Maya                    invited"
run --db "$db" invite $slug --list; status 0 "list"
check '! grep -q "[ACDEFGHJKMNPQRTUVWXY34679]\{3\}-[ACDEFGHJKMNPQRTUVWXY34679]\{3\}" "$OUT"' "the list shows no code"

sum=$(cksum <"$db")
run --db "$db" invite $slug Nobody; status 1 "an unknown name"
stderr_is "samesong: invite: Nobody is not a participant of this session"
run --db "$db" invite $slug --deadline soon; status 1 "a deadline that is no date"
stderr_is "samesong: invite: a deadline is a date: YYYY-MM-DD, not soon"
run --db "$db" invite $slug --revoke Maya Lena; status 2 "--revoke with names"
run --db "$db" invite nope; status 1 "an unknown session"; stderr_one_line
run --read-only --db "$db" invite $slug; status 1 "read-only"
"$SAMESONG" --db "$db" new Empty >/dev/null
run --db "$db" invite empty; status 1 "a session with nobody in it"
stderr_is "samesong: invite: the session has no participants yet; add them first"

# --- walk-ins: one code for anyone new; --list says whether they are open; taken back ----------
db="$WORK/walk.db"
"$SAMESONG" --db "$db" demo >/dev/null
run --db "$db" invite $slug --list; status 0 "list before walk-ins"
stdout_has "Walk-ins are closed."
run --db "$db" invite $slug --walk-ins; status 0 "--walk-ins"
stdout_has "Walk-in code (anyone new adds themselves with it; a new one replaces the old):"
check '[ "$(grep -c "^  [ACDEFGHJKMNPQRTUVWXY34679]\{3\}-[ACDEFGHJKMNPQRTUVWXY34679]\{3\}$" "$OUT")" -eq 1 ]' \
    "one walk-in code of six unmistakable characters, and no personal codes"
check '! grep -q "  Maya" "$OUT"' "nobody's personal code"
stdout_has "Anyone new runs: samesong --db $db join $slug"
walk=$(awk 'NR == 2 { print $1 }' "$OUT")
check '! grep -aq "$walk" "$db" "$db-wal" 2>/dev/null &&
       ! grep -aq "$(echo "$walk" | tr -d -)" "$db" "$db-wal" 2>/dev/null' \
    "the walk-in code is nowhere in the database's files"
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM invites")" = 0 ]' "no one was given a code"
run --db "$db" invite $slug --list; status 0 "list with walk-ins open"
stdout_has "Walk-ins are open: the walk-in code lets anyone new add themselves."
stdout_has "  Maya                    not invited"
check '! grep -q "$walk" "$OUT"' "the list shows no code"
run --db "$db" invite $slug -w; status 0 "-w again"
check '! grep -q "$walk" "$OUT"' "a new walk-in code replaces the old"
run --db "$db" invite $slug --no-walk-ins; status 0 "--no-walk-ins"
stdout_is "The walk-in code no longer works; those it added keep their own codes."
run --db "$db" invite $slug --list
stdout_has "Walk-ins are closed."
sum=$(cksum <"$db")
run --db "$db" invite $slug --no-walk-ins; status 1 "closing twice"
stderr_is "samesong: invite: walk-ins are not open for this session"
run --db "$db" invite $slug --walk-ins Maya; status 2 "--walk-ins with a name"
stderr_one_line
run --db "$db" invite $slug --walk-ins --no-walk-ins; status 2 "both"
stderr_one_line
run --db "$db" invite $slug --walk-ins --revoke Maya; status 2 "--walk-ins with --revoke"
stderr_one_line
run --read-only --db "$db" invite $slug --walk-ins; status 1 "--walk-ins read-only"
check '[ "$(cksum <"$db")" = "$sum" ]' "nothing was written"
"$SAMESONG" --db "$db" new Empty >/dev/null
run --db "$db" invite empty --walk-ins; status 0 "walk-ins need nobody in the session yet"
"$SAMESONG" --db "$db" new Mine --solo >/dev/null
run --db "$db" invite mine --walk-ins; status 1 "a solo session takes no walk-ins"
stderr_is "samesong: invite: a solo session has one participant; walk-ins are for a workshop"

# --- find and search keep a room's answers private until the step is revealed (review) ----------
# the workshop under way alone: the finished demo is no room and its answers are not private
db="$WORK/find.db"
"$SAMESONG" --db "$db" import "$SAMESONG_DATA_DIR/examples/demo.json" --slug $slug >/dev/null
run --db "$db" search lena; status 0 "search before room mode"
stdout_has "Lena: Spreadsheets."
"$SAMESONG" --db "$db" invite $slug >/dev/null
run --db "$db" search lena; status 0 "search in room mode"
stdout_is "Nothing matches."
run --db "$db" search gorgias
stdout_has "decision: ...Among help desks" # the room's own decision is no one's private answer
check '! grep -q "Priya:" "$OUT"' "no answer of an unrevealed step"
db2="$WORK/find-walk.db"
"$SAMESONG" --db "$db2" import "$SAMESONG_DATA_DIR/examples/demo.json" --slug $slug >/dev/null
"$SAMESONG" --db "$db2" invite $slug --walk-ins >/dev/null
run --db "$db2" search lena
stdout_is "Nothing matches." # walk-ins alone put the session in room mode
sqlite3 "$db" "INSERT INTO revealed (session_id, step) VALUES (1, 'alternatives')"
run --db "$db" search lena
stdout_has "alternatives  Lena: Spreadsheets."
check '! grep -q "value  Lena" "$OUT"' "the revealed step's answers only"

finish
