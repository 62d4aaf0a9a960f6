#!/bin/sh
# tui_rounds.sh: a new round of the vote reaches the joined terminals live
# (issue 12): the projector and two joined terminals, each in a tmux server of
# its own. Both rank; the projector shows round 1 once both have, and +
# starts round 2; each terminal says so with no key pressed, and the one on
# its vote shows its own ranking of round 1 and the room's order, not the
# other's; round 2 stays hidden on the projector until both have re-ranked.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

trap 'for s in "$WORK"/sockets/*; do tmux -L "$(cat "$s")" kill-server 2>/dev/null; done
      rm -rf "$WORK"' EXIT
mkdir "$WORK/sockets"

db="$WORK/room.db"
room_db "$db"
run --db "$db" invite room
code_Ann=$(code_of Ann)
code_Bob=$(code_of Bob)
sqlite3 "$db" "INSERT INTO revealed (session_id, step) VALUES (1, 'alternatives')"

# pane NAME ARGS...: samesong ARGS in NAME's own tmux server; later calls act on it.
pane() {
    RUNS=$((RUNS + 1))
    SOCKET="$BASE_SOCKET-$1-$RUNS"
    echo "$SOCKET" >"$WORK/sockets/$1"
    shift
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
        "env TERM=$TERM LC_ALL=C.UTF-8 SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' \
         '$SAMESONG' --db '$db' $* ; echo \"samesong exited with \$?\"; sleep 600"
    tmux -L "$SOCKET" set-option -g remain-on-exit on >/dev/null
    sleep 0.3
}
at() { SOCKET=$(cat "$WORK/sockets/$1"); }

pane proj open room
at proj; reached "Room" "the projector opens the session"
keys r v v v
reached "view: votes" "the projector's votes view"
for p in Ann Bob; do
    pane "$p" join room
    reached "Your join code:" "$p is asked for a code"
    eval "type_text \"\$code_$p\""
    keys Enter
    reached "You are $p" "$p joins"
done
at Ann; keys V Enter   # Ann: her own answer first
at Bob; keys V j Enter # Bob: his own
at Bob; keys Escape    # back to his answers: the notice must reach him there too
at proj
on_screen "2 rankings; 2 of 4 groups ranked" "the projector shows round 1 once both voted"
keys +
reached "Start round 2 of the vote" "+ asks"
keys y
on_screen "Ann votes from their own terminal." "the projector's vote, round 2"

at Ann
on_screen "The facilitator started round 2 of the vote" "Ann is told, with no key pressed"
on_screen "Competitive alternatives, round 2" "her vote is of round 2"
on_screen "Your ranking in round 1: 1. Ann own alpha" "beside her own ranking of round 1"
on_screen "The room's order after round 1 (W 0.00, slight)" "and the room's order"
not_on_screen "1. Bob hidden bravo" "and not Bob's ranking"
at Bob
on_screen "The facilitator started round 2 of the vote" "Bob is told on his answers"
keys V
on_screen "Your ranking in round 1: 1. Bob hidden bravo" "V: Bob's own ranking of round 1"

at Ann; keys j Enter
at proj; keys r
on_screen "Round 2: 1 of 2 have voted: the results show once everyone who joined has." \
    "round 2 stays hidden until both re-ranked"
at Bob; keys Enter
at proj
on_screen "Round 2: 2 rankings; 2 of 4 groups ranked" "then it shows"
on_screen "Round by round" "round by round"

finish
