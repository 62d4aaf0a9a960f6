#!/bin/sh
# screens_walk_in.sh: walk-ins in room mode, driven by a script: the room's
# walk-in code asks the newcomer's name (one in the session is refused, the
# field open) and role; they are added with a code of their own, shown once,
# and from then on the terminal is theirs; the answer they give is theirs in
# the file; Esc before the role adds no one; a closed walk-in code, wrong
# codes and a locked session take no one; the projector lists them.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/room.db"
room_db "$db"
sql() { sqlite3 "$db" "$1"; }
"$SAMESONG" --db "$db" invite room --walk-ins >"$OUT"
walk=$(awk 'NR == 2 { print $1 }' "$OUT")
# everything joining could write, to see that nothing was
written() {
    sql "SELECT count(*) FROM participants; SELECT count(*) FROM invites;
         SELECT count(*) FROM events; SELECT count(*) FROM inputs"
}

# --- Esc in the name, or in the role: no one is added ------------------------------------------
before=$(written)
drive 100 30 --db "$db" join room <<KEYS
type $walk
keys Enter
dump name
type Eve
keys Escape
dump after
KEYS
shows name "You joined with the room's walk-in code. Say who you are" "the walk-in code asks who you are"
shows name "Your name:" "the name first"
shows name "Esc leaves without adding you." "and Esc is said plainly (trial)"
hides name "hidden" "no one's answers on the way in"
status 1 "Esc in the name leaves"
stderr_one_line
stderr_has "you left before saying who you are; no one was added"
check '! has_dump after' "Esc ends the program"
check '[ "$(written)" = "$before" ]' "nothing was written"

drive 100 30 --db "$db" join room <<KEYS
type $walk
keys Enter
type Eve
keys Enter
dump role
type 3
keys Escape
KEYS
shows role "Your role, 1 to 6" "then the role"
shows role "5  Customer success" "the roles are listed"
status 1 "Esc in the role leaves"
stderr_has "no one was added"
check '[ "$(written)" = "$before" ]' "nothing was written once the name was given either"

# --- a walk-in joins: a name taken is refused, then they are added and answer as themselves --------
drive 100 30 --db "$db" join room <<KEYS
type $walk
keys Enter
type bob
keys Enter
dump taken
keys C-u
type Eve
keys Enter
type chief
keys Enter
dump bad-role
keys C-u
type sal
keys Enter
dump own
keys Enter
dump joined
keys a
type Eve walked in
keys Enter Enter
dump answered
KEYS
status 0 "the walk-in ran"
shows taken "bob is already in this session; type another name." "a name in the session is refused"
shows taken "Your name: bob" "the field stays open with the name, to change it"
shows bad-role "Type 1 to 6, or the start of a role's name." "a role that is none is asked again"
shows own "Welcome, Eve" "added"
shows own "Your own code for next time: " "their own code is shown"
own=$(dumped own | sed -n 's/.*Your own code for next time: \([A-Z0-9-]*\).*/\1/p')
check '[ -n "$own" ] && [ "$own" != "$walk" ]' "a code of their own, not the walk-in code"
shows joined "You are Eve" "the terminal is Eve's"
hides joined "hidden" "and shows only her own answers"
hides joined "$own" "their code is shown once, not on the joined screen"
shows answered "Eve walked in" "her answer is saved"
check '[ "$(sql "SELECT p.name || '"' '"' || p.role FROM inputs i JOIN participants p
            ON p.id = i.participant_id WHERE i.text = '"'Eve walked in'"'")" = "Eve sales" ]' \
    "the answer is Eve's, a salesperson, in the file"
check '[ "$(sql "SELECT count(*) FROM invites i JOIN participants p ON p.id = i.participant_id
            WHERE p.name = '"'Eve'"' AND i.joined_at IS NOT NULL")" = 1 ]' \
    "Eve has a code of her own and has joined"

# her own code brings her back as herself; the walk-in code adds someone new
drive 100 30 --db "$db" join room <<KEYS
type $own
keys Enter
dump back
KEYS
shows back "You are Eve" "her own code is Eve"
shows back "Eve walked in" "with her answer"
drive 100 30 --db "$db" join room <<KEYS
type $walk
keys Enter
type Fay
keys Enter Enter
dump fay-code
keys Enter
dump fay
KEYS
shows fay "You are Fay" "the walk-in code adds the next newcomer (Enter alone is Other)"
hides fay "Eve walked in" "Fay does not see Eve's answer before the reveal"
check '[ "$(sql "SELECT role FROM participants WHERE name = '"'Fay'"'")" = other ]' "Fay is other"

# --- the projector lists them like anyone else --------------------------------------------------
drive 100 30 --db "$db" open room <<'KEYS'
keys ]
dump projector
KEYS
shows projector "Eve " "the projector lists Eve"
shows projector "Fay " "and Fay"
hides projector "Eve walked in" "never her answer"

# --- a wrong code before the walk-in code is counted; a closed one is refused ---------------------
sql "DELETE FROM join_failures"
drive 100 30 --db "$db" join room <<KEYS
type QQQ-QQQ
keys Enter C-u
type $walk
keys Enter
dump name-after-typo
KEYS
shows name-after-typo "Your name:" "a typo, then the walk-in code"
check '[ "$(sql "SELECT count(*) FROM join_failures")" = 1 ]' "the wrong code was counted"
"$SAMESONG" --db "$db" invite room --no-walk-ins >/dev/null
before=$(written)
drive 100 30 --db "$db" join room <<KEYS
type $walk
keys Enter
dump closed
KEYS
shows closed "That code is not valid here; try again" "the walk-in code taken back is refused"
check '[ "$(sql "SELECT count(*) FROM join_failures")" = 2 ]' "and counted"
check '[ "$(written)" = "$before" ]' "and adds no one"

# --- a locked session takes no walk-ins ------------------------------------------------------------
room_db "$WORK/locked.db" decided
"$SAMESONG" --db "$WORK/locked.db" invite room --walk-ins >"$OUT"
lwalk=$(awk 'NR == 2 { print $1 }' "$OUT")
drive 100 30 --db "$WORK/locked.db" open room <<'KEYS'
keys ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y L y
KEYS
check '[ "$(sqlite3 "$WORK/locked.db" "SELECT status FROM sessions")" = locked ]' "the session is locked"
drive 100 30 --db "$WORK/locked.db" join room <<KEYS
type $lwalk
keys Enter
dump locked
KEYS
status 1 "the walk-in code of a locked session"
stderr_one_line
stderr_has "session room is locked"
check '! has_dump locked' "it ends the program"
check '[ "$(sqlite3 "$WORK/locked.db" "SELECT count(*) FROM participants")" = 4 ]' "no one was added"

finish
