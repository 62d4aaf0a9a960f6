#!/bin/sh
# load_join.sh: eight joined screens (samesong join, each typing its code and
# then its answers) write to one file at once, with the facilitator's screen
# open on the room and two loops of samesong add beside them (issue 11, "safe
# with many writers"). Every answer a screen said was saved is in the file,
# as typed, once, and on the projector; PRAGMA integrity_check is ok; no
# screen and no stderr says locked, busy or try again; the -wal stays under
# 5 MB while they write and is emptied when the last one leaves (checkpoints
# run only under the writers' lock, store_writers.c; the adds' closes
# checkpoint here too, so check_store.c's
# wal_is_checkpointed_while_writers_stay_open tests the one every 1000 frames).
# The screens are scripted (tests/script.sh): no tmux, no sleeping, a few
# seconds in all; bench/bench_live.sh is the timed version in tmux, and
# `make bench` runs this one bigger (LOAD_EACH=N answers per writer).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"
command -v sqlite3 >/dev/null ||
    { echo "load_join: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }

SCREENS=8 ADDERS=2
EACH=${LOAD_EACH:-20} # answers per joined screen and per adder
WAL_BOUND=$((5 * 1024 * 1024)) # 1000 frames of 4 KiB (the checkpoint's size) and room for a commit
# what a person would be told when a write or a read failed (the store's messages)
FAILURE='locked|busy|try again|cannot (save|start writing|read)'

db="$WORK/load.db"
sql() { sqlite3 "$db" "$1"; }
{
    printf '{"format": "samesong-session/1", "name": "Room", "participants": ['
    for i in $(seq $SCREENS); do printf '{"name": "W%d", "role": "sales"}, ' "$i"; done
    for j in $(seq $ADDERS); do
        printf '{"name": "A%d", "role": "ceo"}%s' "$j" "$([ "$j" -lt $ADDERS ] && echo ,)"
    done
    printf '], "inputs": []}'
} >"$WORK/room.json"
"$SAMESONG" --db "$db" import "$WORK/room.json" >/dev/null
run --db "$db" invite room
status 0 "invite"

# screen KEYS NAME ARGS...: samesong ARGS driven by the file KEYS.keys
# (tests/script.sh's lines) on a screen tall enough for every answer in the
# list; made to run in the background: the dumps go to NAME.dump, stderr to
# NAME.err, the exit status to NAME.status.
screen() {
    keys=$1 name=$2
    shift 2
    SAMESONG_SCRIPT="$WORK/$keys.keys" COLUMNS=100 LINES=$((EACH + 30)) TERM=xterm \
        "$SAMESONG" --db "$db" "$@" </dev/null >"$WORK/$name.dump" 2>"$WORK/$name.err"
    echo $? >"$WORK/$name.status"
}

# Each joined screen types its code, then a, then its answers, each with an
# Enter (which saves it and opens the field for the next), dumping the screen
# after each; an empty Enter closes the field.
for i in $(seq $SCREENS); do
    {
        echo "type $(code_of "W$i")"
        echo "keys Enter a"
        for k in $(seq "$EACH"); do
            echo "type W$i answer $k"
            echo "keys Enter"
            echo "dump saved $k"
        done
        echo "keys Enter"
        echo "dump end"
    } >"$WORK/W$i.keys"
done
# The projector: the facilitator's screen on the room, moving up and down
# (each key a redraw, after following the others' commits), started again
# until the writers are done; each time it leaves it saves its place, a write.
{
    for _ in $(seq 100); do echo "keys Down Up"; done
    echo "dump room"
} >"$WORK/projector.keys"

# The -wal's size, every 20 ms while they write.
(
    while [ -d "$WORK" ] && [ ! -e "$WORK/stop" ]; do
        stat -c %s "$db-wal" >>"$WORK/wal-sizes" 2>/dev/null
        sleep 0.02
    done
) &
sampler=$!
(
    n=0
    while [ -d "$WORK" ] && [ ! -e "$WORK/stop" ]; do # (and stops if the test is cut short)
        n=$((n + 1))
        screen projector "projector.$n" open room
    done
) &
projector=$!

pids=
for i in $(seq $SCREENS); do
    screen "W$i" "W$i" join room &
    pids="$pids $!"
done
for j in $(seq $ADDERS); do
    (
        for k in $(seq "$EACH"); do
            "$SAMESONG" --db "$db" add room --as "A$j" --step alternatives "A$j answer $k" \
                >/dev/null 2>>"$WORK/A$j.err" || echo "add A$j.$k failed" >>"$WORK/A$j.err"
        done
    ) &
    pids="$pids $!"
done
wait $pids
touch "$WORK/stop"
wait $projector $sampler
screen projector projector.last open room # the room as the facilitator sees it after them

# --- checkpoints: the -wal stays small while they write, and is empty after ---------------------
# (before the sqlite3 shell is used: it deletes the -wal when it leaves last)
largest=$(sort -n "$WORK/wal-sizes" | tail -n 1)
check '[ "$largest" -le $WAL_BOUND ]' \
    "the -wal stayed under $WAL_BOUND bytes while they wrote: $largest at most"
check '[ "$(stat -c %s "$db-wal")" = 0 ]' \
    "the last to leave emptied the -wal: $(stat -c %s "$db-wal") bytes"

# --- every answer a screen confirmed is in the file, as typed, once ------------------------------
for i in $(seq $SCREENS); do
    DUMP="$WORK/W$i.dump"
    check '[ "$(cat "$WORK/W$i.status")" = 0 ] && [ ! -s "$WORK/W$i.err" ]' \
        "W$i's screen ran: status $(cat "$WORK/W$i.status"), stderr $(head -c 200 "$WORK/W$i.err")"
    # the dumps "saved K" whose bottom line says Saved. (and that the field is open for the
    # next) and whose list has answer K
    confirmed=$(awk -v me="W$i" '
        /^--- saved [0-9]+ ---$/ { k = $3; next }
        /^--- / { k = ""; next }
        k != "" && $0 ~ "^ +" k "\\. " me " answer " k "$" { listed[k] = 1 }
        k != "" { last[k] = $0 }
        END { n = 0; for (k in last) if (index(last[k], " Saved. ") == 1 && listed[k]) n++
              print n }' "$DUMP")
    check '[ $confirmed = "$EACH" ]' \
        "W$i's screen said Saved. with the answer listed $confirmed times of $EACH"
    seq "$EACH" | sed "s/^/W$i answer /" >"$WORK/W$i.typed"
    dumped end | sed -n "s/^ *[0-9][0-9]*\. \(W$i answer .*\)\$/\1/p" >"$WORK/W$i.listed"
    check 'cmp -s "$WORK/W$i.typed" "$WORK/W$i.listed"' \
        "W$i's screen lists its answers in the order typed: $(tr '\n' ';' <"$WORK/W$i.listed")"
    sql "SELECT i.text FROM inputs i JOIN participants p ON p.id = i.participant_id
         WHERE p.name = 'W$i' ORDER BY i.position, i.id" >"$WORK/W$i.stored"
    check 'cmp -s "$WORK/W$i.typed" "$WORK/W$i.stored"' \
        "W$i's answers are in the file, each once, in order: $(tr '\n' ';' <"$WORK/W$i.stored")"
done
for j in $(seq $ADDERS); do
    check '[ ! -s "$WORK/A$j.err" ]' "every add by A$j succeeded: $(head -c 200 "$WORK/A$j.err")"
    seq "$EACH" | sed "s/^/A$j answer /" >"$WORK/A$j.typed"
    sql "SELECT i.text FROM inputs i JOIN participants p ON p.id = i.participant_id
         WHERE p.name = 'A$j' ORDER BY i.position, i.id" >"$WORK/A$j.stored"
    check 'cmp -s "$WORK/A$j.typed" "$WORK/A$j.stored"' \
        "A$j's adds are in the file, each once, in order: $(tr '\n' ';' <"$WORK/A$j.stored")"
done
check '[ "$(sql "SELECT count(*) FROM inputs")" = $(((SCREENS + ADDERS) * EACH)) ]' \
    "nothing more is in the file: $(sql "SELECT count(*) FROM inputs") answers"
DUMP="$WORK/projector.last.dump"
for i in $(seq $SCREENS); do
    shows room "W$i " "the projector lists W$i"
    check 'dumped room | grep -qE "^  W$i .* $EACH answers\$"' \
        "the projector counts W$i's $EACH answers"
done

# --- the file is whole, and nobody was told it was locked or busy -------------------------------
check '[ "$(sql "PRAGMA integrity_check")" = ok ]' \
    "integrity_check is ok: $(sql "PRAGMA integrity_check" | head -3)"
run --db "$db" verify
status 0 "verify finds the schema and the search index whole"
# a joined screen says so while a facilitator's screen is open
for i in $(seq $SCREENS); do
    check 'grep -q "You are W$i. The facilitator.s room is on this step." "$WORK/W$i.dump"' \
        "the projector was open while W$i wrote"
done
projectors=$(ls "$WORK"/projector.*.status | wc -l)
check '[ -z "$(cat "$WORK"/projector.*.status | grep -vx 0)" ]' \
    "every projector run ended with status 0"
said=$(grep -hiE "$FAILURE" "$WORK"/*.dump "$WORK"/*.err | sort -u | head -3)
check '[ -z "$said" ]' "no screen and no stderr says locked, busy or try again: $said"
check '[ -z "$(cat "$WORK"/*.err)" ]' "no process wrote to stderr: $(cat "$WORK"/*.err | head -3)"

# how much the writers overlapped: how often the next answer in the file is someone else's
switches=$(sql "SELECT participant_id FROM inputs ORDER BY id" | uniq | wc -l)
echo "load_join: $(((SCREENS + ADDERS) * EACH)) answers from $SCREENS screens and $ADDERS" \
    "adders in $switches runs of one writer; $projectors projector runs; the -wal at most" \
    "$largest bytes"
finish
