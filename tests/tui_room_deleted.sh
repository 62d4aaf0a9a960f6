#!/bin/sh
# tui_room_deleted.sh: a session deleted by another program while people are
# joined (issue 11: "their screens say so and stop writing"). Each joined
# terminal says the facilitator deleted it, closes what was being typed,
# writes nothing more and leaves on q with status 0, as after a removal; the
# projector goes back to the session list with one line saying so, not a
# store error. The deletion leaves the participants' rows behind (the sqlite3
# shell does not follow foreign keys), so a write that got through would land.
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
sql() { sqlite3 "$db" "$1"; }

pane proj open room
reached "THE ROOM" "the projector shows the room"
pane Ann join room
reached "Your join code:" "Ann is asked for her code"
type_text "$code_Ann"; keys Enter
reached "You are Ann" "Ann joins"
pane Bob join room
reached "Your join code:" "Bob is asked for his code"
type_text "$code_Bob"; keys Enter
reached "You are Bob" "Bob joins"
at Ann; keys a
type_text "Ann half typed"

sql "DELETE FROM sessions WHERE slug = 'room'"
check '[ "$(sql "SELECT count(*) FROM sessions") $(sql "SELECT count(*) FROM participants")" = "0 4" ]' \
    "the session is deleted, its participants left behind"
inputs=$(sql "SELECT count(*) FROM inputs")
readiness=$(sql "SELECT count(*) FROM readiness WHERE done_at IS NOT NULL")

# --- the joined terminals say so, and write nothing more -------------------------------------------
at Ann
on_screen "The facilitator deleted this session" "Ann's screen says the session was deleted"
not_on_screen "no session number" "in words, not the store's error"
not_on_screen "Ann half typed" "the answer being typed is closed"
keys Enter a
type_text "Ann after the delete"
keys Enter D
not_on_screen "a:add" "no key that writes is offered"
check '[ "$(sql "SELECT count(*) FROM inputs")" = "$inputs" ]' "no answer is written after the delete"
check '[ "$(sql "SELECT count(*) FROM readiness WHERE done_at IS NOT NULL")" = "$readiness" ]' \
    "nor that she is done"
keys q
on_screen "samesong exited with 0" "q leaves at once, with status 0 as after a removal"
at Bob
on_screen "The facilitator deleted this session" "Bob's screen says so too"
keys q
on_screen "samesong exited with 0" "and q leaves"

# --- the projector: back to the session list, in one line ----------------------------------------
at proj
on_screen 'The session "Room" was deleted by another program' "the projector says the session went"
not_on_screen "no session number" "not as the store's error"
not_on_screen "THE ROOM" "and has left the session's screens"
keys q
on_screen "samesong exited with 0" "q on the session list quits as usual"

finish
