#!/bin/sh
# screens_room.sh: the projector in room mode (issue 11), driven by a script:
# the step screen shows each person's state and nobody's answers, a (for
# someone without a terminal) adds one unseen, the reveal names who is not
# done and is stored for the terminals, the vote shows who voted and not
# what, and its results (the votes view, the decide screen, a joined
# terminal) wait until no one ranking can be read off them; the session
# list shows the pre-work; the dashboard's overall figure
# is of the revealed steps only; a reveal the room has not had reopens as
# its step; someone who joined earlier is not "gone". Joined terminals are
# tests/room_seat, which joins through the store and holds a seat.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"
: "${ROOM_SEAT:?run this through make check}"

slug=room
db="$WORK/room.db"
cat >"$WORK/room.json" <<'JSON'
{"format": "samesong-session/1", "name": "Room", "mode": "workshop",
 "participants": [{"name": "Ana", "role": "ceo"}, {"name": "Ben", "role": "sales"},
                  {"name": "Cy", "role": "product"}, {"name": "Dee", "role": "marketing"},
                  {"name": "Eve", "role": "success"}],
 "inputs": [{"participant": "Ana", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Ana", "step": "alternatives", "text": "Ana's quiet rival"},
            {"participant": "Ben", "step": "alternatives", "text": "SPREADSHEETS"},
            {"participant": "Ben", "step": "alternatives", "text": "Ben's Gorgias worry"},
            {"participant": "Cy", "step": "alternatives", "text": "Cy says do nothing"},
            {"participant": "Dee", "step": "alternatives", "text": "Dee's hiring an agent"}]}
JSON
"$SAMESONG" --db "$db" import "$WORK/room.json" >/dev/null
answers="Spreadsheets|Ana's quiet rival|SPREADSHEETS|Ben's Gorgias worry|Cy says do nothing|Dee's hiring an agent"

# --- before any invite the step screen is as it was: the current person's answers --------------
drive 100 30 --db "$db" open $slug <<'KEYS'
keys ]
dump plain
KEYS
shows plain "Ana's answers, private until the reveal" "no invite: the turn's answers, as before"
shows plain "Ana's quiet rival" "no invite: Ana's answer shows"
hides plain "THE ROOM" "no invite: no room"
hides plain "at terminals" "no invite: no room in the header"

# --- the room: Ana at a terminal, writing; Ben joined earlier and done; Cy invited; Dee revoked -
"$SAMESONG" --db "$db" invite $slug Ana Ben Cy Dee >"$WORK/codes"
code() { awk -v n="$1" '$2 == n { print $1 }' "$WORK/codes"; }
"$ROOM_SEAT" "$db" $slug "$(code Ben)" done alternatives leave
"$SAMESONG" --db "$db" invite $slug --revoke Dee >/dev/null
: >"$WORK/seated"
"$ROOM_SEAT" "$db" $slug "$(code Ana)" writing alternatives >>"$WORK/seated" &
seat=$!
for _ in $(seq 50); do grep -q seated "$WORK/seated" && break; sleep 0.1; done
drive 100 30 --db "$db" open $slug <<'KEYS'
dump room
keys ]
dump unanswered
keys n Down Down Down Down
dump down
keys Up Up Up Up
keys a
dump refused
keys e
dump no_edit
keys Tab Tab Tab Tab
keys a
type Eve's unseen answer
keys Enter Escape
dump added
KEYS
status 0 "the projector ran"
row() { dumped "$1" | grep -F -- "$2"; }
IFS='|'
for text in $answers; do
    hides room "$text" "room mode: no answer shows on the projector"
done
unset IFS
shows room "room: 1 of 3 at terminals" "the header says who is at a terminal (of those invited)"
check 'row room "Ana " | grep -q "at a terminal  *writing · 2 answers"' "Ana: at a terminal, writing"
check 'row room "Ben " | grep -q "joined earlier, no terminal  *done · 2 answers"' \
    "Ben: joined before this projector opened, no terminal now, done: not gone"
check 'row room "Cy " | grep -q "invited, not joined  *1 answer$"' "Cy: invited, not joined"
check 'row room "Dee " | grep -q "code revoked  *1 answer$"' "Dee: revoked"
check 'row room "Eve " | grep -q "not invited  *no answers yet"' "Eve: not invited"
shows unanswered "Eve has not answered; Ana and Cy are not done; reveal anyway? (y/n)" \
    "the reveal question names who has not answered and who is not done"
check 'row down "Eve " | grep -q "not invited"' "Down chooses the next person"
shows down "a adds an answer for Eve, who has no terminal" "Down reached Eve, who has no terminal"
hides room "e:edit" "no edit offered: no answer is shown"
hides room "a:add" "no add offered for Ana, who has a terminal"
shows refused "Ana answers from their own terminal; a adds answers only for someone without one." \
    "a refuses for someone with a terminal"
shows no_edit "In room mode the projector shows no answers before the reveal" "e is refused"
hides added "Eve's unseen answer" "an answer added for someone without a terminal is not shown"
check 'row added "Eve " | grep -q "not invited  *1 answer$"' "Eve's count"
run --db "$db" show $slug
stdout_has "Eve's unseen answer"

# --- the reveal names who is not done, and is stored for the terminals ------------------------
drive 100 30 --db "$db" open $slug <<'KEYS'
keys ]
dump asked
keys n
KEYS
shows asked " Ana and Cy are not done; reveal anyway? (y/n)" \
    "the reveal question names who is not done (everyone has answered)"
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM revealed")" = 0 ]' "n reveals nothing"
drive 100 30 --db "$db" open $slug <<'KEYS'
keys ] y
dump revealed
KEYS
shows revealed "Reveal 1 of 5" "y opens the reveal"
check '[ "$(sqlite3 "$db" "SELECT step FROM revealed")" = alternatives ]' \
    "y stores the reveal for the joined terminals"
shows revealed "Ana's quiet rival" "after the reveal the projector shows the answers"

# --- the vote: who has voted, not what -----------------------------------------------------------
kill "$seat"; wait "$seat" 2>/dev/null
"$ROOM_SEAT" "$db" $slug "$(code Ana)" vote alternatives Spreadsheets leave
drive 100 30 --db "$db" open $slug <<'KEYS'
keys V
dump ana
keys Enter
dump ana_enter
keys Tab
dump ben
keys Tab Tab Tab
dump eve
keys q
dump results
KEYS
shows ana "Ana votes from their own terminal." "an invited person votes elsewhere"
shows ana "Voted." "and has voted"
shows ana "1 of 5 have voted" "how many have voted"
check 'row ana "Ana " | grep -q voted' "Ana is marked voted"
# what is said of the chosen person is on their own row, not beside someone else's (trial)
check 'row ana "Ana " | grep -q "voted  *Ana votes from their own terminal. Voted.$"' \
    "Ana's row says she votes from her terminal, and has voted"
check '[ "$(dumped ana | grep -c "votes from their own terminal\|Voted\.")" = 1 ]' \
    "and no other row says so: $(dumped ana | grep "votes from\|Voted\.")"
check 'row ben "Ben " | grep -q "Ben votes from their own terminal. Not voted yet.$"' \
    "Tab to Ben: his own row says he has not voted"
check '! row ben "Ana " | grep -q "from their own terminal\|oted\."' "and Ana's row says nothing of it"
hides ana "Spreadsheets" "what Ana ranked is not shown"
shows ana_enter "Ana votes from their own terminal; their ranking is secret." "Enter ranks nothing for Ana"
shows eve "Eve's ranking" "someone without a terminal votes here, as before"
# the vote is secret until whole: with Ana's ranking alone, results would be hers (review)
shows results "1 of 2 have voted: the results show once everyone who joined has." \
    "the votes view waits for Ben, who joined too"
hides results "1. Spreadsheets" "and shows no order made of Ana's ranking alone"
# the decide screen's line of the vote keeps the same secret (trial)
drive 100 30 --db "$db" open $slug <<'KEYS'
keys V q ]
dump decide
keys [
KEYS
shows decide "Decide 1 of 5" "] from the results is the decide screen"
shows decide "The room's vote: 1 of 2 have voted: the results show once everyone who joined has." \
    "its vote line says the results wait for Ben"
hides decide "1 ranking)" "and shows no order made of Ana's ranking alone"
hides decide "1. Spreadsheets" "nor the ranking itself"
"$ROOM_SEAT" "$db" $slug "$(code Ben)" vote alternatives Gorgias leave
drive 100 30 --db "$db" open $slug <<'KEYS'
keys V q
dump whole
KEYS
shows whole "2 rankings; 1 of 6 groups ranked" "once Ben has voted too, the votes view shows the room's results"

# --- a lone ranking stays secret, on the projector and on the terminal that cast it (trial) ------
lone="$WORK/lone.db"
cat >"$WORK/lone.json" <<'JSON'
{"format": "samesong-session/1", "name": "Lone", "mode": "workshop",
 "participants": [{"name": "Ana", "role": "ceo"}, {"name": "Ben", "role": "sales"},
                  {"name": "Cy", "role": "product"}],
 "inputs": [{"participant": "Ana", "step": "alternatives", "text": "Sheets", "group": "Spreadsheets"},
            {"participant": "Ben", "step": "alternatives", "text": "Excel", "group": "Spreadsheets"},
            {"participant": "Cy", "step": "alternatives", "text": "Gorgias"}]}
JSON
"$SAMESONG" --db "$lone" import "$WORK/lone.json" >/dev/null
"$SAMESONG" --db "$lone" invite lone Ana >"$WORK/codes"
sqlite3 "$lone" "INSERT INTO revealed (session_id, step) VALUES (1, 'alternatives')"
"$ROOM_SEAT" "$lone" lone "$(code Ana)" vote alternatives Gorgias leave
drive 100 30 --db "$lone" open lone <<'KEYS'
dump opened
keys ] V q
dump results
keys v v u
dump apart
keys n ]
dump decide
KEYS
lone_says="1 ranking so far: the results show once at least two have voted."
shows results "$lone_says" "Ana alone joined and voted: the votes view waits for a second ranking"
hides results "The room's order" "and shows no order, which would be Ana's ranking"
shows decide "The room's vote: $lone_says" "the decide screen says the same"
hides decide "1. Gorgias" "and shows no order"
shows apart "Take \"Spreadsheets\" apart into 2 answers? The rankings that name it lose it." \
    "taking a group apart does not count the rankings that name it while the vote is secret"
drive 100 30 --db "$lone" join lone <<KEYS
type $(code Ana)
keys Enter v v v v
dump joined
KEYS
shows joined "$lone_says" "Ana's own terminal keeps the rule too"
hides joined "The room's order" "and shows no order there either"
drive 100 30 --db "$lone" open lone <<'KEYS'
keys [ V Tab Enter q
dump second
KEYS
shows second "2 rankings" "a second ranking (Ben's, cast on the projector) shows the results"
shows second "The room's order" "with the room's order"

# --- a code revoked while its terminal is open: revoked, not at a terminal (trial) ---------------
kept="$WORK/revoked.db"
"$SAMESONG" --db "$kept" import "$WORK/room.json" >/dev/null
"$SAMESONG" --db "$kept" invite $slug Ana Ben >"$WORK/codes"
: >"$WORK/seated2"
"$ROOM_SEAT" "$kept" $slug "$(code Ana)" >>"$WORK/seated2" &
ana=$!
"$ROOM_SEAT" "$kept" $slug "$(code Ben)" writing alternatives >>"$WORK/seated2" &
ben=$!
for _ in $(seq 50); do [ "$(grep -c seated "$WORK/seated2")" = 2 ] && break; sleep 0.1; done
"$SAMESONG" --db "$kept" invite $slug --revoke Ben >/dev/null
drive 100 30 --db "$kept" open $slug <<'KEYS'
dump revoked
keys Down
dump ben
KEYS
kill "$ana" "$ben"; wait "$ana" "$ben" 2>/dev/null
shows revoked "room: 1 of 1 at terminals" "Ben's terminal, still open, is not counted at a terminal"
check 'row revoked "Ben " | grep -q "code revoked  *2 answers$"' \
    "Ben's code is revoked, whatever his terminal does, and it is not writing"
shows ben "a adds an answer for Ben, who has no terminal" "the projector adds his answers: no terminal speaks for him"

# --- pre-work: the session list says who answered and is done, the step the deadline ------------
"$SAMESONG" --db "$db" invite $slug --deadline 2026-12-01 >/dev/null
drive 100 30 --db "$db" <<'KEYS'
dump list
keys Enter [
dump step
KEYS
shows list "Pre-work (due by 2026-12-01): step 1: 5 of 5 answered, 1 done" \
    "the session list shows the pre-work of a room-mode session"
hides list "step 2:" "steps nobody answered are left out"
shows step "Step 1 of 5" "back on the step"
shows step "answers due by 2026-12-01" "the step screen shows the deadline"

# --- a session with no invites: the reveal writes nothing -------------------------------------------
"$SAMESONG" --db "$db" demo >/dev/null
drive 100 30 --db "$db" open replyline-positioning-workshop <<'KEYS'
keys ]
dump demo
keys q
dump demo_list
KEYS
hides demo_list "Pre-work" "no pre-work line for a session with no invites (selected: newest first)"
shows demo "Reveal 1 of 5" "no invites: ] reveals as before"
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM revealed")" = 1 ]' "and stores no reveal"

# --- the decide screen hides what was said until the reveal; [ and r to the reveal ask --------
# The facilitator walked to step 3 before inviting anyone: step 2 was never revealed to the room.
db="$WORK/unrevealed.db"
"$SAMESONG" --db "$db" demo >/dev/null
drive 100 30 --db "$db" open replyline-positioning-workshop <<'KEYS'
keys ] ] ] ] ] ]
KEYS
"$SAMESONG" --db "$db" invite replyline-positioning-workshop >/dev/null
drive 100 30 --db "$db" open replyline-positioning-workshop <<'KEYS'
keys [
dump decide2
keys Enter
dump enter
keys [
dump asked
keys n r
dump asked_r
keys y
dump revealed
KEYS
shows decide2 "Decide 2 of 5" "[ from step 3 is the decide screen of step 2"
shows decide2 "What was said shows once the step is revealed (r)." "which says the answers wait"
hides decide2 "Order lookup inside every ticket" "and shows none of them"
hides enter "Decision for" "Enter starts no decision from a hidden answer"
shows asked "reveal anyway? (y/n)" "[ to the reveal asks, as ] from the step does"
shows asked_r "reveal anyway? (y/n)" "and so does r"
shows revealed "Reveal 2 of 5" "y reveals"
check '[ "$(sqlite3 "$db" "SELECT step FROM revealed")" = capabilities ]' \
    "and stores it for every terminal"

# --- the dashboard says nothing of who agrees before a step is revealed (trial) ----------------
db="$WORK/dashboard.db"
"$SAMESONG" --db "$db" demo >/dev/null
"$SAMESONG" --db "$db" invite replyline-positioning-workshop >/dev/null
drive 100 30 --db "$db" open replyline-positioning-workshop <<'KEYS'
keys A
dump dash
KEYS
shows dash "1. Competitive alternatives      not revealed yet; 6 of 6 answered" \
    "a step not revealed shows how many answered, no more"
hides dash "Least aligned" "no pair of roles is named"
hides dash "share no" "no step's reading"
# the overall figure is of the revealed steps only: else hidden answers would move it
shows dash "Overall alignment: not known yet (two people must answer a revealed step)." \
    "nothing revealed: no overall figure"
hides dash "%" "no score of any step, overall or not"
drive 100 30 --db "$db" open replyline-positioning-workshop <<'KEYS'
keys r y A
dump dash1
KEYS
shows dash1 "Overall alignment: 25.3% over 1 revealed step (the 4 not revealed yet are left out)" \
    "one step revealed: the overall figure is its score, and says so"
check 'dumped dash1 | grep -q "25.3%.*weakest"' "the weakest step is of those shown"

# --- left on a reveal before anyone was invited: it reopens on the step, not on the answers -----
db="$WORK/reopen.db"
"$SAMESONG" --db "$db" demo >/dev/null
drive 100 30 --db "$db" open replyline-positioning-workshop <<'KEYS'
keys ]
dump left
KEYS
shows left "Reveal 1 of 5" "with no invites ] reveals at once, and the place is saved"
"$SAMESONG" --db "$db" invite replyline-positioning-workshop >/dev/null
check '[ "$(sqlite3 "$db" "SELECT screen FROM positions; SELECT count(*) FROM revealed")" = "reveal
0" ]' "the saved place is a reveal the room has not had"
drive 100 30 --db "$db" open replyline-positioning-workshop <<'KEYS'
dump reopened
KEYS
shows reopened "Step 1 of 5" "the projector reopens on the step"
shows reopened "THE ROOM: answers stay on each terminal until the reveal" "with the room's readiness"
hides reopened "Spreadsheets" "and no answer"
check '[ "$(sqlite3 "$db" "SELECT screen FROM positions; SELECT count(*) FROM revealed")" = "step
0" ]' "the room's place is the step, and nothing was revealed"

# --- at 80 columns the deadline shows whole; after the reveal the room's heading says so (trial) ---
db="$WORK/deadline.db"
"$SAMESONG" --db "$db" demo >/dev/null
"$SAMESONG" --db "$db" invite replyline-positioning-workshop --deadline 2026-12-01 >/dev/null
"$SAMESONG" --db "$db" invite replyline-positioning-workshop >/dev/null
drive 80 24 --db "$db" open replyline-positioning-workshop <<'KEYS'
dump before
keys r y [
dump after
KEYS
shows before "answers due by 2026-12-01" "the deadline shows whole at 80 columns"
shows before "answers stay on each terminal" "before the reveal the answers stay on the terminals"
shows after "THE ROOM: revealed" "after it, the heading says the step is revealed"
hides after "answers stay on each terminal" "and no longer that they stay private"

# --- the lock question names who is writing at a terminal now, in the same question (trial) ------
db="$WORK/lock.db"
room_db "$db" decided
run --db "$db" invite room
: >"$WORK/seated3"
"$ROOM_SEAT" "$db" room "$(code_of Bob)" writing alternatives >>"$WORK/seated3" &
bob=$!
"$ROOM_SEAT" "$db" room "$(code_of Cat)" >>"$WORK/seated3" &
cat=$!
for _ in $(seq 50); do [ "$(grep -c seated "$WORK/seated3")" = 2 ] && break; sleep 0.1; done
sqlite3 "$db" "INSERT INTO positions (session_id, screen) VALUES (1, 'canvas')"
drive 100 30 --db "$db" open room <<'KEYS'
keys L
dump asked
keys n
KEYS
kill "$bob" "$cat"; wait "$bob" "$cat" 2>/dev/null
shows asked "Bob is writing at their terminal: what they are typing will not be saved." \
    "the lock question names Bob, who is writing at his terminal"
shows asked "will not be saved. 5 breaks in the chain." "in the same question as the chain's breaks"
check 'dumped asked | grep -qx " Lock anyway? (y/n)"' \
    "which wraps onto the row above rather than lose its end"
hides asked "Cat is writing" "Cat, at a terminal with no field open, is not named"
check '[ "$(sqlite3 "$db" "SELECT status FROM sessions")" != locked ]' "n locks nothing"

# --- a locked session has no pre-work line on the session list (trial) -----------------------------
drive 100 30 --db "$db" <<'KEYS'
dump list-open
KEYS
shows list-open "Pre-work: step 1: 4 of 4 answered" "the list shows the pre-work of the open session"
drive 100 30 --db "$db" open room <<'KEYS'
keys L y
KEYS
check '[ "$(sqlite3 "$db" "SELECT status FROM sessions")" = locked ]' "y locks it"
drive 100 30 --db "$db" <<'KEYS'
dump list-locked
KEYS
hides list-locked "Pre-work" "once locked, the session list shows no pre-work under it"

finish
