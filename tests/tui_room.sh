#!/bin/sh
# tui_room.sh: room mode in real terminals (issue 11): the projector and four
# joined terminals, each in a tmux server of its own. Everyone types answers;
# no joined pane shows another person's before the reveal; a second terminal
# for the same person, a wrong and a revoked code are refused; a pane killed
# while typing loses only the line not confirmed and is gone at once; a lock
# by the facilitator reaches the joined screens. A revoked code's terminal
# lets go of its seat and q leaves it at once; the projector says "code
# revoked" and counts it at no terminal; a person back after their pane was
# killed mid-answer is not shown writing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

PEOPLE="Ann Bob Cat Dan"
trap 'for s in "$WORK"/sockets/*; do tmux -L "$(cat "$s")" kill-server 2>/dev/null; done
      rm -rf "$WORK"' EXIT
mkdir "$WORK/sockets"

db="$WORK/room.db"
room_db "$db" decided
run --db "$db" invite room
for p in $PEOPLE; do eval "code_$p=$(code_of $p)"; done

# pane NAME ARGS...: samesong ARGS in NAME's own tmux server; later calls act on it.
pane() {
    [ -e "$WORK/sockets/$1" ] && tmux -L "$(cat "$WORK/sockets/$1")" kill-server 2>/dev/null
    RUNS=$((RUNS + 1))
    SOCKET="$BASE_SOCKET-$1-$RUNS" # a fresh server: an old one may still be closing
    echo "$SOCKET" >"$WORK/sockets/$1"
    shift
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
        "env TERM=$TERM LC_ALL=C.UTF-8 SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' \
         '$SAMESONG' --db '$db' $* ; echo \"samesong exited with \$?\"; sleep 600"
    tmux -L "$SOCKET" set-option -g remain-on-exit on >/dev/null
    sleep 0.3
}
at() { SOCKET=$(cat "$WORK/sockets/$1"); }
present() { "$SAMESONG" --db "$db" invite room --list | grep "^  $1 " | grep -q "at a terminal now"; }
# proj_row NAME: NAME's row of the room on the projector; wait_row NAME TEXT waits up to 5 s
# for TEXT in it; wait_gone NAME up to 5 s for NAME's seat to be free.
proj_row() { at proj; screen | grep "^  $1 "; }
wait_row() {
    for _ in $(seq 50); do proj_row "$1" | grep -q "$2" && return 0; sleep 0.1; done
    return 1
}
wait_gone() {
    for _ in $(seq 50); do present "$1" || return 0; sleep 0.1; done
    return 1
}

# --- the projector, and four people joining with their codes --------------------------------------
pane proj open room
at proj; reached "Room" "the projector opens the session"
for p in $PEOPLE; do
    pane "$p" join room
    reached "Your join code:" "$p is asked for a code"
    eval "type_text \"\$code_$p\""
    keys Enter
    on_screen "You are $p" "$p joins with their code"
done

# a second terminal for Ann, a wrong code, a revoked code: one line each
pane extra join room
reached "Your join code:" "a second terminal is asked for a code"
type_text "$code_Ann"; keys Enter
on_screen "already joined from another terminal" "Ann cannot join twice"
on_screen "samesong exited with 1" "and that terminal exits with 1"
pane extra join room
reached "Your join code:" "asked again"
type_text "AAA-AAA"; keys Enter
on_screen "That code is not valid here; try again" "a wrong code is refused (and asked again)"
"$SAMESONG" --db "$db" invite room --revoke Dan >/dev/null
at Dan
on_screen "The facilitator took back your join code" "a code taken back stops the terminal using it"
check 'wait_gone Dan' "and that terminal lets go of Dan's seat, with no key pressed (trial)"
check 'wait_row Dan "code revoked"' "the projector says Dan's code is revoked (trial)"
at proj
on_screen "room: 3 of 3 at terminals" "and does not count him at a terminal (trial)"
at Dan
before=$(sqlite3 "$db" "SELECT count(*) FROM inputs")
keys a; type_text "after revoke"; keys Enter
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs")" = "$before" ]' "and it writes nothing more"
keys q
on_screen "samesong exited with 0" "q leaves at once: there is nothing to keep (trial)"
pane extra join room
reached "Your join code:" "asked once more"
type_text "$code_Dan"; keys Enter
on_screen "That code is not valid here; try again" "a revoked code is refused"
"$SAMESONG" --db "$db" invite room Dan >"$OUT"
code_Dan=$(code_of Dan)
pane Dan join room
reached "Your join code:" "Dan is asked again"
type_text "$code_Dan"; keys Enter
on_screen "You are Dan" "Dan's new code works"

# while the projector has the session open, the facilitator's step leads
at Ann
on_screen "The facilitator's room is on this step" "a facilitator on a step leads"
keys ]
on_screen "The facilitator moves the room" "] does not leave the room's step"

# --- everyone types; nobody sees anyone else's --------------------------------------------------
for p in $PEOPLE; do
    at "$p"; keys a
    type_text "$p typed secret"; keys Enter Enter
    on_screen "$p typed secret" "$p sees their own answer"
done
for p in $PEOPLE; do
    at "$p"
    keys v
    for q in $PEOPLE; do
        [ "$p" = "$q" ] && continue
        not_on_screen "$q typed secret" "$p's pane before the reveal"
        not_on_screen "$q hidden" "$p's pane before the reveal, the answers given before"
    done
done

# --- a pane killed mid-entry ----------------------------------------------------------------------
at Cat; keys a
type_text "Cat never confirmed"
sleep 0.6
check 'present Cat' "Cat is at a terminal"
at Cat; tmux -L "$SOCKET" kill-server
sleep 0.3
check '! present Cat' "Cat's seat is free at once"
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs WHERE text = '"'Cat never confirmed'"'")" = 0 ]' \
    "the line not confirmed is gone"
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs WHERE text = '"'Cat typed secret'"'")" = 1 ]' \
    "the confirmed one is kept"
# Cat comes back: her new terminal has no field open, so the projector must not say writing (trial)
check 'wait_row Cat "gone"' "the projector shows Cat gone"
pane Cat join room
reached "Your join code:" "Cat is asked for her code again"
type_text "$code_Cat"; keys Enter
on_screen "You are Cat" "Cat joins again"
check 'wait_row Cat "at a terminal"' "the projector shows Cat back at a terminal"
check '! proj_row Cat | grep -q writing' "and not writing: $(proj_row Cat)"

# --- the facilitator removes Dan: his screen says so at once ------------------------------------
at Dan; keys a
type_text "Dan still typing"
at proj
keys [
reached "Setup" "the projector goes back to the setup"
keys j j j d
reached "Dan" "asked about Dan"
keys y
at Dan
on_screen "The facilitator removed you from this session" "Dan's screen says he was removed"
keys Enter
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs WHERE text LIKE '"'Dan still%'"'")" = 0 ]' \
    "nothing Dan typed after his removal was written"

# --- the facilitator locks the session: the joined screens say so and write nothing ---------------
at Bob; keys a
type_text "Bob still typing"
at proj
keys ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y ] y L y
on_screen "Locked." "the projector locks the session"
at Ann
on_screen "This session is locked" "Ann's screen says it is locked"
at Bob
on_screen "locked the session: what was being typed is not saved" "Bob's open field closes"
keys Enter
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs WHERE text LIKE '"'Bob still%'"'")" = 0 ]' \
    "nothing Bob typed after the lock was written"

finish
