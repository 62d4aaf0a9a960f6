#!/bin/sh
# tui_objections.sh: the room asked for objections, live (issue 12): with the
# projector on the sales pitch in one terminal, a joined terminal goes to
# its own objections by itself; while it types one the projector says it is
# writing; what it adds reaches the projector as a
# count, never as text, with no key pressed there; when the facilitator
# leaves the pitch for a step, the joined terminal follows back.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"
. "$(dirname "$0")/tmux.sh"

# pane ARGS...: samesong ARGS in a tmux server of its own, the others left
# running (tui would end the last one); later calls act on it.
pane() {
    RUNS=$((RUNS + 1))
    SOCKET="$BASE_SOCKET-$RUNS"
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
        "env TERM=$TERM LC_ALL=C.UTF-8 SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' \
         '$SAMESONG' $* ; echo \"samesong exited with \$?\"; sleep 600"
    tmux -L "$SOCKET" set-option -g remain-on-exit on >/dev/null
    sleep 0.3
}

db="$WORK/room.db"
room_db "$db"
run --db "$db" invite room
# the room's place is the pitch: the projector reopens there
drive 100 30 --db "$db" open room <<'KEYS'
keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ]
KEYS

pane --db "$db" open room
PROJECTOR=$SOCKET
reached "Sales pitch" "the projector opens on the pitch"
keys O
reached "Bob's objections, private until the reveal" "O on the projector: sales first"
pane --db "$db" join room --as bob
BOB=$SOCKET
on_screen "The room is on the sales pitch: which objections do you hear from buyers?" \
    "a joined terminal goes to its objections when the room is on the pitch"
on_screen "Your objections, private until the facilitator reveals them" "its own"
keys a; type_text "Bob hears the price"
SOCKET=$PROJECTOR
on_screen "Bob is writing one at their terminal: 0 so far." \
    "the projector says Bob is writing, as for an answer (trial)"
on_screen "writing" "and so does his row in the list"
not_on_screen "Bob hears" "never what he types"
SOCKET=$BOB
keys Enter Enter
on_screen "1. Bob hears the price" "Bob adds one"
SOCKET=$PROJECTOR
on_screen "Bob gives theirs from their own terminal: 1 so far." "the projector counts it, no key pressed"
not_on_screen "writing" "and Bob, done with the field, is no longer writing"
not_on_screen "Bob hears the price" "and does not show it"
keys q "["
reached "Decide 5 of 5" "the facilitator goes back to the last decision"
SOCKET=$BOB
on_screen "You are Bob" "the joined terminal follows the room back to the step"
not_on_screen "Your objections" "its objections closed"

finish
