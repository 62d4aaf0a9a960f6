#!/bin/sh
# screens_join.sh: samesong join, driven by a script (issue 11): the code is
# typed on the screen; a wrong one is refused in one line with nothing written
# but the counted failure; a joined screen shows only its person's answers
# until the facilitator reveals the step, by any key; after the reveal the
# views and the person's own vote, which lists no one else and offers only
# its own keys; done and writing reach the database; the
# facilitator's step leads; a locked session takes nothing; --as is the
# database owner's; J on the session list joins too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/room.db"
room_db "$db"
sql() { sqlite3 "$db" "$1"; }
run --db "$db" invite room
ann=$(code_of Ann)
cat_code=$(code_of Cat)
dan=$(code_of Dan)

# --- no terminal, a wrong code ----------------------------------------------------------------
run --db "$db" join room </dev/null
status 1 "join without a terminal"
stderr_one_line
stderr_has "join needs a terminal"

before=$(sql "SELECT count(*) FROM inputs; SELECT count(*) FROM readiness; SELECT count(*)
              FROM invites WHERE joined_at IS NOT NULL")
# a typo costs no login: the field stays open twice, the third wrong code ends it (trial)
drive 100 30 --db "$db" join room <<'KEYS'
type QQQ-QQQ
keys Enter
dump retry
keys C-u
type RRR-RRR
keys Enter C-u
type SSS-SSS
keys Enter
dump after-wrong
KEYS
shows retry "That code is not valid here; try again (2 tries left)." "a wrong code asks again"
shows retry "QQQ-QQQ" "with the code as typed, to fix a typo"
status 1 "the third wrong code"
stderr_one_line
stderr_has "that join code is not valid for this session"
check '! has_dump after-wrong' "the third wrong code ends the program"
check '[ "$(sql "SELECT count(*) FROM join_failures")" = 3 ]' "each wrong code is counted"
check '[ "$(sql "SELECT count(*) FROM inputs; SELECT count(*) FROM readiness; SELECT count(*)
              FROM invites WHERE joined_at IS NOT NULL")" = "$before" ]' "nothing else was written"

# --- joined, before the reveal: only Ann's own answers, whatever the keys ------------------------
drive 100 30 --db "$db" join room <<KEYS
dump code
type $ann
keys Enter
dump joined
keys v
dump v
keys V A Tab f / N x E c s r
dump keys
keys ]
dump step2
keys v V Enter
dump step2-keys
keys ] ] ] ]
dump step5
keys [ [ [ [ [
dump back
keys D
dump done
keys a
type unconfirmed words
dump writing
KEYS
status 0 "the joined screen ran"
shows code "Type the join code the facilitator gave you" "the code is asked on the screen"
shows joined "You are Ann" "the code says who"
shows joined "Ann own alpha" "Ann sees her own answer"
shows joined "Before the meeting: [ and ] move between steps" "pre-work: no facilitator's step yet"
shows v "Nobody's answers show before the facilitator reveals this step" "v is refused"
shows step2 "Step 2 of 5" "] moves to the next step before the meeting"
shows back "Step 1 of 5" "[ moves back"
check '! grep -q hidden "$DUMP"' "no other participant's answer appears on any screen before the reveal"
check '! grep -q "$ann" "$DUMP"' "the code typed is not shown once joined"
shows done "you are done" "D marks the step done"
check '[ "$(sql "SELECT count(*) FROM readiness r JOIN participants p ON p.id = r.participant_id
            WHERE p.name = '"'Ann'"' AND r.step = '"'alternatives'"' AND r.done_at IS NOT NULL")" = 1 ]' \
    "done is stored"
check '[ "$(sql "SELECT writing FROM readiness r JOIN participants p ON p.id = r.participant_id
            WHERE p.name = '"'Ann'"' AND r.step = '"'alternatives'"'")" = 1 ]' \
    "writing is stored while the answer field is open"
shows writing "Your answer, step 1:" "the field says which step the answer goes to (trial)"
check '[ "$(sql "SELECT count(*) FROM inputs WHERE text = '"'unconfirmed words'"'")" = 0 ]' \
    "the answer not confirmed is not saved"
check '[ "$(sql "SELECT count(*) FROM invites WHERE joined_at IS NOT NULL")" = 1 ]' \
    "the join is marked"

drive 100 30 --db "$db" join room <<KEYS
type $ann
keys Enter
dump keys-said
keys a
type Ann second answer
keys Enter
dump next
keys Enter
dump saved
keys K
dump moved
keys q
dump asked
keys y
dump left
KEYS
shows saved "Ann second answer" "an answer typed is saved"
# the field stays open for the next answer: a second a would be typed into it (trial)
shows keys-said "a adds answers (Enter saves each; an empty line or Esc stops); D says you are done." \
    "the screen says how a run of answers ends"
check 'bottom_line next | grep -qF "Saved. Type the next one, or Enter on an empty line to stop."' \
    "after Enter, that the field is open for the next one"
check '[ "$(sql "SELECT writing FROM readiness r JOIN participants p ON p.id = r.participant_id
            WHERE p.name = '"'Ann'"' AND r.step = '"'alternatives'"'")" = 0 ]' \
    "writing ends when the field closes"
check '[ "$(dumped moved | grep -n "Ann second answer" | cut -d: -f1)" -lt "$(dumped moved | grep -n "Ann own alpha" | cut -d: -f1)" ]' \
    "K moves the answer up"
shows asked "Leave the session?" "q asks to leave"
quit_before left "y leaves the program, not to a session list"

# --- a terminal that went with a field open: a new one in the seat is not writing (trial) ----------
"$ROOM_SEAT" "$db" room "$cat_code" writing alternatives leave
check '[ "$(sql "SELECT writing FROM readiness r JOIN participants p ON p.id = r.participant_id
            WHERE p.name = '"'Cat'"' AND r.step = '"'alternatives'"'")" = 1 ]' \
    "Cat's first terminal said she was writing, and went"
drive 100 30 --db "$db" join room <<KEYS
type $cat_code
keys Enter
dump cat-again
KEYS
shows cat-again "You are Cat" "Cat joins again"
check '[ "$(sql "SELECT count(*) FROM readiness r JOIN participants p ON p.id = r.participant_id
            WHERE p.name = '"'Cat'"' AND r.writing")" = 0 ]' \
    "her new terminal has no field open: she is writing nowhere"

# --- after the reveal of step 1: the views and Ann's own vote; step 2 stays private ----------------
sql "INSERT INTO revealed (session_id, step) VALUES (1, 'alternatives')"
# the reveal freezes nothing: an answer given after it shows to everyone at once (README)
run --db "$db" add room --as Bob --step alternatives "Bob after the reveal"
drive 100 30 --db "$db" join room <<KEYS
type $ann
keys Enter
dump revealed
keys v
dump grid
keys v v v v
dump answers
keys v
dump own
keys V Enter
dump voted
keys ?
dump vote-help
keys Escape Escape ]
dump step2
keys v
dump step2-v
KEYS
shows revealed "The facilitator revealed this step" "the reveal is said"
hides revealed "Bob hidden bravo" "Ann's own list keeps to her answers"
shows grid "Reveal 1 of 5" "v shows the reveal's views"
shows grid "Bob hidden bravo" "the grid shows the others' answers"
shows grid "Bob after the reveal" "and one given after the reveal"
shows answers "Dan hidden delta" "the answers view too"
hides answers "m:merge" "no grouping keys are offered"
shows own "Your answers" "v after the last view is back to her own"
shows voted "Your vote is yours alone" "V is her own vote"
# her own vote only: no one else's name to choose with Tab, and only the keys that work there
hides voted "WHOSE VOTE" "no list of whose vote it is"
check 'dumped voted | grep -q "^  Your ranking"' "the ranking is hers, from the left edge"
shows voted "Your ranking (Up/Down choose, Enter ranks or takes out" \
    "and says how to choose a group in it (trial)"
check '[ "$(offered_keys voted | tr "\n" " ")" = "? Enter v q " ]' \
    "the vote offers help, leave, rank and the views: $(offered_keys voted | tr "\n" " ")"
shows vote-help "rank the group next, or take it out" "the help says what Enter does there"
hides vote-help "add answers of yours" "and offers no key of her answers"
hides grid "(N)" "the views offer no N: how people are named is the facilitator's"
check '[ "$(offered_keys grid | tr "\n" " ")" = "? v V q ] [ " ]' \
    "the views offer their own keys only: $(offered_keys grid | tr "\n" " ")"
shows voted "room: 1 of 4 at terminals" "her own terminal counts as one at a terminal (trial)"
check '[ "$(sql "SELECT DISTINCT p.name FROM votes v JOIN participants p ON p.id = v.participant_id")" = Ann ]' \
    "the vote is Ann's and only Ann's"
hides step2 "Bob hidden echo" "step 2 is not revealed"
shows step2-v "Nobody's answers show before" "nor reachable there"

# --- the facilitator's step leads only while the facilitator is there ------------------------------
drive 100 30 --db "$db" open room <<'KEYS'
keys ]
dump facilitator
KEYS
drive 100 30 --db "$db" join room <<KEYS
type $ann
keys Enter
dump following
keys ]
dump refused
KEYS
# with no facilitator's screen open (the chair of DB-lock free), the saved place leads
# no one: before the meeting each goes at their own pace (tui_room.sh has the projector lead)
hides following "The facilitator's room is on this step" "no facilitator open: nobody leads"
shows refused "Step 2 of 5" "] moves on to the next step"
hides refused "The facilitator moves the room" "and is not refused"

# --- the facilitator has the session open, not on a step: the screen says where (trial) ------------
: >"$WORK/chair"
"$ROOM_SEAT" "$db" room "$dan" chair >>"$WORK/chair" & # Dan's seat, and the facilitator's chair
chair=$!
for _ in $(seq 50); do grep -q seated "$WORK/chair" && break; sleep 0.1; done
sql "UPDATE positions SET screen = 'canvas', step = NULL"
drive 100 30 --db "$db" join room <<KEYS
type $ann
keys Enter
dump on-canvas
keys ]
dump moved
KEYS
kill "$chair"; wait "$chair" 2>/dev/null
shows on-canvas "The facilitator is on the canvas, not on a step: until they are, [ and ] move" \
    "the facilitator on the canvas: said, and not as before the meeting"
hides on-canvas "Before the meeting" "it is not before the meeting"
shows moved "Step 2 of 5" "] moves on meanwhile"

# --- J on the session list asks for the code too ----------------------------------------------------
drive 100 30 --db "$db" <<KEYS
keys J
dump asked
type $cat_code
keys Enter
dump cat
keys q y
dump gone
KEYS
shows asked "Your join code:" "J asks for the code"
shows cat "You are Cat" "and joins"
hides cat "Bob hidden" "Cat's own list has only hers"
quit_before gone "q leaves the program from a joined session list too"

# --- --as: the database owner's account only --------------------------------------------------------
drive 100 30 --db "$db" join room --as bob <<'KEYS'
dump bob
KEYS
shows bob "You are Bob" "--as from the owner's account"
run --db "$db" join room --as Nobody
status 1 "--as a stranger"
stderr_one_line
if [ "$(id -u)" -eq 0 ]; then
    cp "$db" "$WORK/theirs.db"
    chown 65534 "$WORK/theirs.db"
    SAMESONG_SCRIPT=/dev/null "$SAMESONG" --db "$WORK/theirs.db" join room --as Ann \
        </dev/null >"$OUT" 2>"$ERR"
    STATUS=$?
    status 1 "--as from an account that does not own the database"
    stderr_one_line
    stderr_has "only for the account that owns the database"
fi

# --- a locked session: said, and nothing is written ---------------------------------------------
# Ann's code is from before the lock
room_db "$WORK/locked2.db" decided
run --db "$WORK/locked2.db" invite room
ann2=$(code_of Ann)
drive 100 30 --db "$WORK/locked2.db" open room <<'KEYS'
keys ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y L y
KEYS
check '[ "$(sqlite3 "$WORK/locked2.db" "SELECT status FROM sessions")" = locked ]' "the session is locked"
drive 100 30 --db "$WORK/locked2.db" join room <<KEYS
dump code-asked
type $ann2
keys Enter
KEYS
status 1 "a code for a locked session"
stderr_one_line
stderr_has "session room is locked"
check '! has_dump code-asked' "the lock is said before any code is asked for (trial)"
drive 100 30 --db "$WORK/locked2.db" join room --as Ann <<KEYS
dump locked
keys a
dump add
keys D
dump D
KEYS
shows locked "This session is locked: nothing more can be written." "a locked session says so"
hides locked "move between steps" "and has no line about moving between steps (trial)"
shows locked "You are Ann." "only who this terminal is"
shows add "This session is locked; it cannot be changed." "a is refused"
shows D "This session is locked; it cannot be changed." "D is refused"
check '[ "$(sqlite3 "$WORK/locked2.db" "SELECT count(*) FROM readiness")" = 0 ]' "nothing was written"

# --- the projector's reveal opens the step on the joined terminal -------------------------------
db="$WORK/together.db"
room_db "$db"
run --db "$db" invite room
ann=$(code_of Ann)
drive 100 30 --db "$db" join room <<KEYS
type $ann
keys Enter
dump before
KEYS
hides before "Bob hidden bravo" "before the facilitator reveals, Bob's answer is not on Ann's screen"
drive 100 30 --db "$db" open room <<'KEYS'
keys r y
dump projector
KEYS
shows projector "Reveal 1 of 5" "the facilitator reveals step 1 (the room was asked first)"
drive 100 30 --db "$db" join room <<KEYS
type $ann
keys Enter v
dump after
KEYS
shows after "Bob hidden bravo" "after the projector's reveal, Ann's terminal shows the room's answers"
hides after "Bob hidden echo" "and still nothing of step 2"

finish
