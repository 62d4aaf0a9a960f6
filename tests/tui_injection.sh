#!/bin/sh
# tui_injection.sh: the payloads of tests/payloads.sh, written into every text
# column behind samesong's back, pasted and typed, on every screen of the
# workshop and of browse in a real terminal. Checked twice: the screen as tmux
# holds it (capture-pane -e) and every byte samesong wrote to the pane.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/payloads.sh"

command -v sqlite3 >/dev/null ||
    { echo "tui_injection: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }

db="$WORK/planted.db" # the demo's two sessions, every free text column planted
"$SAMESONG" --db "$WORK/base.db" demo >/dev/null
sqlite3 "$WORK/base.db" "VACUUM INTO '$db'"
plant "$db" "$PLANT_FREE_TEXT"
room="$WORK/room.db" # the same with join codes: Maya joins session 2
sqlite3 "$WORK/base.db" "VACUUM INTO '$room'"
code=$("$SAMESONG" --db "$room" invite 2 | awk '$2 == "Maya" { print $1 }')
plant "$room" "$PLANT_FREE_TEXT"
sqlite3 "$room" "INSERT INTO revealed (session_id, step) VALUES (2, 'alternatives')"

# start ARGS...: samesong ARGS in a fresh 120 x 35 terminal that lets programs set
# the clipboard, every byte samesong writes kept in $WORK/raw.N, every screen
# appended to $WORK/screens.N.
start() {
    tui 120 35 "$@"
    tmux -L "$SOCKET" set-option -g set-clipboard on
    tmux -L "$SOCKET" pipe-pane -o -t 0 "cat >>'$WORK/raw.$RUNS'"
    : >"$WORK/screens.$RUNS"
    tour C-l # drawn again whole, now that its bytes are kept
}
# tour KEY...: each key (tmux names), then the screen it leads to, kept.
tour() {
    for k in "$@"; do
        tmux -L "$SOCKET" send-keys -t 0 "$k"
        sleep 0.1
        tmux -L "$SOCKET" capture-pane -e -p -t 0 >>"$WORK/screens.$RUNS"
    done
}
# judge WHAT [planted]: the screens and bytes of this run hold no payload raw, the
# terminal's title and the clipboard are untouched.
judge() {
    # the screens: capture-pane -e writes colours (SGR) itself; anything else is a leak
    sed "s/$(printf '\033')\[[0-9;:]*m//g" "$WORK/screens.$RUNS" >"$WORK/screens.text"
    clean "$1: the screens" "$WORK/screens.text"
    [ "${2:-}" = planted ] && check 'grep -qF "^[]0;pwned^G" "$WORK/screens.text"' \
        "$1: the planted payloads are on the screens, made safe"
    # the bytes: curses' own sequences are CSI (ESC [ ... final) and two-byte ones
    # (ESC ( B, ESC =, ESC >, ESC 7, ESC M...). No string sequence (OSC, DCS, APC,
    # PM, SOS) is ever curses', nor is ESC [ 2 J: this terminal's clear is ESC [ H ESC [ J.
    # Left aside below: CR, BS, SO, SI (curses moves and shifts with them) and BEL
    # (samesong's beep; a payload's BEL only ends an OSC, which the first check finds).
    raw="$WORK/raw.$RUNS"
    check '[ -s "$raw" ]' "$1: the pane's bytes were kept"
    check '! LC_ALL=C grep -q "$(printf "\033")[]P_^X]" "$raw"' \
        "$1: no OSC, DCS, APC, PM or SOS in the bytes"
    check '! LC_ALL=C grep -qF "$(printf "\033")[2J" "$raw"' "$1: no ESC [ 2 J in the bytes"
    perl -0777 -pe 's/\e\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]//g; s/\e[\x20-\x2f]*[\x30-\x7e]//g;
                    s/[\r\x08\x0e\x0f\x07]//g' "$raw" >"$WORK/raw.text"
    clean "$1: the bytes but curses' own sequences" "$WORK/raw.text"
    check '[ "$(tmux -L "$SOCKET" display -p -t 0 "#{pane_title}")" != pwned ]' \
        "$1: the title is untouched"
    check '[ -z "$(tmux -L "$SOCKET" list-buffers)" ]' "$1: nothing reached the clipboard"
}

# --- the workshop: the list, every screen of the walk and what opens over them -------
start --db "$db"
wait_for "Replyline" || bad_screen "the session list"
tour Enter '[' ']' A q                     # session 2, under way: setup, step 1, alignment
for step in 1 2 3 4 5; do
    tour ']' Enter q s q v v V q              # the reveal: a group, suggestions, views, the vote
    tour ']' C q                               # the decision, the chain
    [ "$step" -gt 1 ] && tour l q              # and its links
    [ "$step" -lt 5 ] && tour ']'
done
tour ']'
tour O q ']' C q q                         # the pitch, objections, the canvas; the list again
tour '?' q c j c q f r                     # the help, compare, find
judge "the workshop" planted
keys q

# --- browse, read-only: the walk backwards, then the finished session, locked ----------
start --db "$db" browse
wait_for "Replyline" || bad_screen "browse"
tour Enter '[' '[' '[' '[' '[' '[' '[' '[' '[' '[' '[' '[' '[' '[' '[' '[' A q q j Enter C q A q q
judge "browse" planted
keys q

# --- a joined terminal: Maya's own screen, with the room's views of a revealed step ----
start --db "$room" join 2
wait_for "join code" || bad_screen "join asks for a code"
type_text "$code"
tour Enter
wait_for "You are" || bad_screen "Maya joins"
tour v v V v ']' '['                       # the views, the vote, the steps
judge "a joined terminal" planted
keys q

# --- the facilitator's projector in room mode: the room's list of people, planted names --
start --db "$room" open 2
wait_for "THE ROOM" || bad_screen "the projector"
tour Tab Tab '[' ']' r ']' A q            # who answers, setup, the reveal, the alignment
judge "the projector in room mode" planted
keys q q

# --- a newcomer by the walk-in code: the name typed with every payload but the escapes ---
walk_in=$("$SAMESONG" --db "$room" invite 2 --walk-ins | awk '/^Walk-in code/ { getline; print $1 }')
start --db "$room" join 2
wait_for "join code" || bad_screen "the walk-in asks for a code"
type_text "$walk_in"
tour Enter
wait_for "Your name:" || bad_screen "the walk-in screen asks for a name"
tmux -L "$SOCKET" send-keys -t 0 -H 4e 65 77 $(for p in c1raw c1utf8 rlo zwsp ff overlong2; do
    payload "$p"; done | od -An -tx1) 21
tour Enter Escape
judge "the walk-in screen"
keys q q

# --- pasted and typed: a terminal's bracketed paste of every payload, then every
# payload but the escapes typed byte by byte (a typed ESC is the Escape key) ------------
typed="$WORK/typed.db"
sqlite3 "$WORK/base.db" "VACUUM INTO '$typed'"
start --db "$typed" open 2
wait_for "Step 1 of 5" || bad_screen "the first step"
tour a
tmux -L "$SOCKET" set-buffer -b payloads "Pasted$ALL_PAYLOADS"
tmux -L "$SOCKET" paste-buffer -p -d -b payloads -t 0
tour Enter # saved; the field stays open for the next answer
tmux -L "$SOCKET" send-keys -t 0 -H 54 79 70 65 64 $(for p in c1raw c1utf8 rlo zwsp zwj bom ff \
    trunc3 trunc4 overlong2 overlong3; do payload "$p"; done | od -An -tx1) 00 21
tour Enter ']' v
judge "pasted and typed"
keys q q
run --db "$typed" show 2
clean "show, after the paste and the typing" "$OUT" "$ERR"
stdout_has "- Pastedxxclick"; stdout_has "- Typed"

clean_flush
finish
