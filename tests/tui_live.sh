#!/bin/sh
# tui_live.sh: another process's commits reach an open screen (the room's
# answers on the projector) within a second, while it sits idle, while someone
# keeps pressing keys, and while a field is open, which keeps its text and
# place. The bound is loose on purpose: bench/bench_live.sh measures the speed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

db="$WORK/live.db"
"$SAMESONG" --db "$db" new "Live" >/dev/null
"$SAMESONG" --db "$db" add live --as Maya --step alternatives "Maya one" >/dev/null
"$SAMESONG" --db "$db" add live --as Ben --step alternatives "Ben one" >/dev/null
add() { "$SAMESONG" --db "$db" add live --as "$1" --step alternatives "$2" >/dev/null; }

# within_1s PATTERN WHAT: a line of the screen matches PATTERN (grep -E)
# within a second of now.
within_1s() {
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        screen | grep -qE -- "$1" && { ok; return; }
        sleep 0.1
    done
    bad_screen "$2: within 1 s the screen lacks /$1/"
}
# count NAME N: the step screen's list of people gives NAME N answers
count() { printf '^  %s +%s +│' "$1" "$2"; }

tui 100 30 --db "$db" open live
reached "Maya's answers" "the session opens on Maya's turn"

# --- idle: an answer another process adds shows ---------------------------------------------------
add Maya "Maya two"
within_1s "2\\. Maya two" "an idle screen shows another process's answer"
add Ben "Ben two"
within_1s "$(count Ben 2)" "and counts the other person's"

# --- someone pressing a key every 0.1 s: the screen still follows ---------------------------------
add Ben "Ben three"
for _ in 1 2 3 4 5; do
    tmux -L "$SOCKET" send-keys -t 0 Down; sleep 0.1
    tmux -L "$SOCKET" send-keys -t 0 Up; sleep 0.1
done
if screen | grep -qE -- "$(count Ben 3)"; then ok; else
    bad_screen "keys every 0.1 s for 1 s: the screen lacks Ben's third answer"; fi

# --- a field open: the text, the person and the step stay -----------------------------------------
keys Tab
reached "Ben's answers" "Tab: Ben's turn"
keys a
type_text "half typed"
add Maya "Maya three"
sleep 1
on_screen "Ben: half typed" "another process's commit leaves an open field's text"
type_text " and finished"
keys Enter Escape
on_screen "4. half typed and finished" "the field still saves to Ben's answers"
within_1s "$(count Maya 3)" "once it closes, the screen shows what came meanwhile"
on_screen "Step 1 of 5" "on the same step"

# --- the place: Ben's turn and the selected answer stay through a reload --------------------------
keys Up
add Maya "Maya four"
within_1s "$(count Maya 4)" "another answer for Maya shows"
on_screen "Ben's answers" "the turn stays Ben's"
keys e
on_screen "Edit the answer: Ben three" "the selected answer stays the one selected"
keys Escape

finish
