#!/bin/sh
# tui_walk_in.sh: a walk-in reaches the projector live (issue 11): with the
# projector open in one terminal, someone joins with the walk-in code in
# another; once they have said who they are the projector lists them, at a
# terminal, with no key pressed there, and counts their answer, never its text.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

trap 'for s in "$WORK"/sockets/*; do tmux -L "$(cat "$s")" kill-server 2>/dev/null; done
      rm -rf "$WORK"' EXIT
mkdir "$WORK/sockets"

db="$WORK/room.db"
room_db "$db"
"$SAMESONG" --db "$db" invite room --walk-ins >"$OUT"
walk=$(awk 'NR == 2 { print $1 }' "$OUT")

# pane NAME ARGS...: samesong ARGS in NAME's own tmux server; later calls act on it.
pane() {
    SOCKET="$BASE_SOCKET-$1"
    echo "$SOCKET" >"$WORK/sockets/$1"
    shift
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
        "env TERM=$TERM LC_ALL=C.UTF-8 SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' \
         '$SAMESONG' --db '$db' $* ; echo \"samesong exited with \$?\"; sleep 600"
    tmux -L "$SOCKET" set-option -g remain-on-exit on >/dev/null
    sleep 0.3
}
at() { SOCKET=$(cat "$WORK/sockets/$1"); }
# row_shows NAME TEXT: within 5 s, NAME's row of the room says TEXT.
row_shows() {
    for _ in $(seq 50); do
        screen | grep "^  $1 " | grep -qF -- "$2" && return 0
        sleep 0.1
    done
    return 1
}

pane proj open room
reached "THE ROOM" "the projector shows the room (walk-ins alone are room mode)"
not_on_screen "Eve" "nobody called Eve yet"

pane eve join room
reached "Your join code:" "the newcomer is asked for a code"
type_text "$walk"; keys Enter
reached "Your name:" "the walk-in code asks the name"
type_text "Eve"; keys Enter
at proj
not_on_screen "Eve" "a name alone adds no one"
at eve
type_text "3"; keys Enter
on_screen "Your own code for next time:" "Eve is added and sees her own code"

at proj
check 'row_shows Eve "at a terminal"' "the projector lists Eve at a terminal, with no key pressed"

at eve
keys Enter
reached "You are Eve" "Enter goes on to Eve's screen"
keys a; type_text "Eve walked in"; keys Enter Escape
at proj
check 'row_shows Eve "1 answer"' "the projector counts Eve's answer"
not_on_screen "Eve walked in" "and never shows it before the reveal"

finish
