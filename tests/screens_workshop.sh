#!/bin/sh
# screens_workshop.sh: the workshop screens driven by a script (no terminal):
# a whole workshop from a new session to a locked canvas, a locked session,
# private entry, the same place after quitting, wide characters, a terminal
# below the minimum. What only a real terminal shows is in tui.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/w.db"

# --- a whole workshop, keys alone ------------------------------------------------
drive 100 30 --db "$db" <<'SCRIPT'
dump empty
keys a
type Acme Q3
keys Enter
type Acme
keys Enter w Enter
dump setup
keys a
type Maya
keys Enter 1 Enter
keys a
type Priya
keys Enter 3 Enter
dump joined
keys Enter
dump step
keys a
type Spreadsheets
keys Enter
type Do nothing
keys Enter Escape
keys Tab a
type Gorgias
keys Enter Escape
keys r
dump reveal
keys c
dump decide
keys Enter
type  and email
keys C-d
dump decided
keys ] ] y ] e
type Decision 2
keys C-d
keys ] ] y ] e
type Decision 3
keys C-d
keys ] ] y ] e
type Decision 4
keys C-d
keys ] ] y ] e
type Decision 5
keys C-d
dump all-decided
keys ] e C-u BSpace C-u
type Brands drown in tickets.
keys C-d ]
dump canvas
keys L
dump lock
keys y
dump locked
keys q q
dump after-quit
SCRIPT
shows empty "No sessions yet" "an empty database"
shows setup "Setup: who is in the room" "a new workshop starts at the setup"
shows joined "Sales" "Priya joined as sales"
shows step "Step 1 of 5: Competitive alternatives" "Enter starts the first step"
shows reveal "Reveal 1 of 5" "r reveals"
shows reveal "Gorgias" "the reveal shows Priya's answer"
shows reveal "Do nothing" "the reveal shows Maya's answer"
shows decide "Decide 1 of 5" "c goes on to the decision"
shows decided "Spreadsheets and email" "a decision started from an answer"
shows all-decided "Decision 5" "every step decided"
shows canvas "Every step is decided: L locks it for good." "the canvas"
# the walk links no item to another, so every item breaks the method's chain
# (tests/screens_chain.sh locks a chain that holds)
shows lock "5 breaks in the chain. Lock anyway? (y/n)" "locking asks first, over the breaks"
shows lock "The category \"Decision 5\" is tied to no value theme." "which it lists"
shows locked "LOCKED, read-only" "the canvas is locked"
shows locked "Digest sha256:" "the locked canvas shows its seal"
shown_digest=$(dumped locked | grep -o 'sha256:[0-9a-f]*' | head -1)
quit_before after-quit "q from the list quits"
run --db "$db" export acme-q3
stdout_has '"participants":[{"name":"Maya","role":"ceo"},{"name":"Priya","role":"sales"}]'
stdout_has '{"participant":"Maya","step":"alternatives","text":"Do nothing"}'
stdout_has '{"participant":"Priya","step":"alternatives","text":"Gorgias"}'
stdout_has '{"step":"alternatives","text":"Spreadsheets and email"}'
stdout_has '{"step":"category","text":"Decision 5"}'
stdout_has '"pitch":[{"section":"insight","text":"Brands drown in tickets."}]'
stdout_has "\"lock_digest\":\"$shown_digest\""
check '[ ${#shown_digest} -eq 71 ]' "the canvas shows the whole digest at 100 columns"
run --db "$db" verify acme-q3
status 0 "the session locked on the canvas verifies"
stdout_has "$shown_digest"

# --- a locked session opens read-only and refuses edits -------------------------------
drive 100 30 --db "$db" open acme-q3 <<'SCRIPT'
dump opened
keys [
keys e
dump narrative
keys [ [ [ a
dump step
keys q q
SCRIPT
shows opened "opens read-only" "a locked session says so"
shows narrative "This session is locked; it cannot be changed." "editing a locked pitch"
shows step "This session is locked; it cannot be changed." "adding to a locked step"
run --db "$db" export acme-q3
stdout_has '"pitch":[{"section":"insight","text":"Brands drown in tickets."}]'

# --- private entry, then the same place after quitting ---------------------------------
demo="$WORK/demo.db"
"$SAMESONG" --db "$demo" demo >/dev/null
drive 100 30 --db "$demo" open replyline-positioning-workshop <<'SCRIPT'
dump maya
keys Tab
dump jonas
keys Tab Tab ]
dump reveal
keys q q
dump after-quit
SCRIPT
shows maya "Maya's answers, private until the reveal" "Maya's turn"
shows maya "Shared Gmail inbox" "Maya's answers show"
hides maya "Zendesk" "Jonas's answer is hidden during Maya's turn"
hides maya "Richpanel" "the sales answers are hidden during Maya's turn"
shows jonas "Jonas's answers, private until the reveal" "Tab moves to Jonas"
shows jonas "Zendesk" "Jonas's answers show"
hides jonas "Shared Gmail inbox" "Maya's answers are hidden during Jonas's turn"
shows reveal "Reveal 1 of 5" "on to the reveal"
quit_before after-quit "quit"

# --- reopening, and wide characters -------------------------------------------------------
drive 100 30 --db "$demo" open replyline-positioning-workshop <<'SCRIPT'
dump reopened
keys [
dump back
keys a
type Café 日本語 😀 ok
keys Enter Escape
dump wide
SCRIPT
shows reopened "Reveal 1 of 5" "reopening returns to the same screen"
shows back "Tom's answers" "and the same participant"
shows wide "Café 日本語 😀 ok" "wide characters typed and shown"
run --db "$demo" export replyline-positioning-workshop
stdout_has '{"participant":"Tom","step":"alternatives","text":"Café 日本語 😀 ok"}'

# --- a terminal below the minimum ----------------------------------------------------
drive 50 15 --db "$demo" <<'SCRIPT'
dump small
keys q
dump after-quit
SCRIPT
shows small "samesong needs at least 60x18" "too small says so"
shows small "Make the window larger" "and what to do"
quit_before after-quit "q quits from the message"

finish
