#!/bin/sh
# tui_projector.sh: the projector in room mode in a real terminal (tmux),
# while other processes come and go: a joined terminal (tests/room_seat,
# holding a seat) shows as at a terminal, then as gone within a few seconds
# of being killed; an answer another process adds shows as a count, never
# as text. The rest of the projector is driven by a script in screens_room.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
: "${ROOM_SEAT:?run this through make check}"

db="$WORK/room.db"
cat >"$WORK/room.json" <<'JSON'
{"format": "samesong-session/1", "name": "Room", "mode": "workshop",
 "participants": [{"name": "Ana", "role": "ceo"}, {"name": "Ben", "role": "sales"},
                  {"name": "Cy", "role": "product"}],
 "inputs": [{"participant": "Ana", "step": "alternatives", "text": "Ana's first thought"}]}
JSON
"$SAMESONG" --db "$db" import "$WORK/room.json" >/dev/null
"$SAMESONG" --db "$db" invite room Ana Ben >"$WORK/codes"
code() { awk -v n="$1" '$2 == n { print $1 }' "$WORK/codes"; }

# row_shows NAME TEXT WHAT: within 3 s, the row of NAME on the screen has TEXT.
row_shows() {
    for _ in $(seq 30); do
        screen | grep -F -- "$1 " | grep -qF -- "$2" && { ok; return; }
        sleep 0.1
    done
    bad_screen "$3: the row of $1 lacks \"$2\""
}

tui 100 30 --db "$db" open room
keys "]"
reached "Step 1 of 5" "the first step"
reached "room: 0 of 2 at terminals" "room mode, nobody at a terminal"
row_shows Ana "invited, not joined" "before joining"

# --- a joined terminal is present, then gone when it ends -------------------------------------------
"$ROOM_SEAT" "$db" room "$(code Ana)" writing alternatives >/dev/null &
seat=$!
row_shows Ana "at a terminal" "a joined terminal shows as present"
row_shows Ana "writing" "and what it says it is doing"
on_screen "room: 1 of 2 at terminals" "the header counts it"
kill "$seat"
wait "$seat" 2>/dev/null
row_shows Ana "gone" "a terminal that ended shows as gone within a few seconds"
check '! screen | grep -F "Ana " | grep -qF "writing"' "gone mid-answer, no longer writing (trial)"
on_screen "room: 0 of 2 at terminals" "the header no longer counts it"

# --- an answer from another process shows as a count, not as text -----------------------------
row_shows Ben "no answers yet" "Ben has none yet"
"$SAMESONG" --db "$db" add room --as Ben --step alternatives "Typed on Ben's laptop" >/dev/null
row_shows Ben "1 answer" "another process's answer appears as a count"
not_on_screen "Typed on Ben's laptop" "and not as text"
not_on_screen "Ana's first thought" "nor anyone else's"

finish
