#!/bin/sh
# cli_room.sh: room mode's invite command: a code per participant, shown
# once; a new one replaces the old; a code taken back; who has joined; a
# deadline; bad input in one line with nothing written.
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

# --- find and search keep a room's answers private until the step is revealed (review) ----------
db="$WORK/find.db"
"$SAMESONG" --db "$db" demo >/dev/null
run --db "$db" search lena; status 0 "search before room mode"
stdout_has "Lena: Spreadsheets."
"$SAMESONG" --db "$db" invite $slug >/dev/null
run --db "$db" search lena; status 0 "search in room mode"
stdout_is "Nothing matches."
run --db "$db" search gorgias
stdout_has "decision: ...Among help desks" # the room's own decision is no one's private answer
check '! grep -q "Priya:" "$OUT"' "no answer of an unrevealed step"
sqlite3 "$db" "INSERT INTO revealed (session_id, step) VALUES (1, 'alternatives')"
run --db "$db" search lena
stdout_has "alternatives  Lena: Spreadsheets."
check '! grep -q "value  Lena" "$OUT"' "the revealed step's answers only"

finish
