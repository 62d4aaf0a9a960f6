#!/bin/sh
# tui_crash.sh: the workshop screen killed with SIGKILL while answers are typed:
# every answer the screen showed as saved is in the file, once; the one being
# typed (or just sent) is there once or not at all; the file stays whole.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

command -v sqlite3 >/dev/null || { echo "tui_crash: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }
ROUNDS=${CRASH_SCREEN_ROUNDS:-5}
db="$WORK/crash.db"
"$SAMESONG" --db "$db" new Crash --slug crash >/dev/null
"$SAMESONG" --db "$db" add crash "before any kill" --as Ann --role ceo --step alternatives

# A samesong the test could not end is killed when it ends.
trap 'pkill -KILL -f "^$SAMESONG --db $db open" 2>/dev/null
      for i in $(seq 0 "$RUNS"); do tmux -L "$BASE_SOCKET-$i" kill-server 2>/dev/null; done
      rm -rf "$WORK"' EXIT

copies() { sqlite3 "$db" "SELECT count(*) FROM inputs WHERE text = '$1'"; }
# shown TEXT: the answer list shows TEXT as a numbered, saved answer.
shown() {
    for _ in $(seq 50); do
        screen | grep -qE "[0-9]+\. $1 *\$" && return 0
        sleep 0.1
    done
    return 1
}

r=1 confirmed=1
while [ "$r" -le "$ROUNDS" ]; do
    tui 100 30 --db "$db" open crash
    reached "Step 1 of 5" "round $r opens the workshop"
    pid=$(pgrep -f "^$SAMESONG --db $db open crash" | head -1)
    check '[ -n "$pid" ]' "round $r: samesong runs"
    keys a
    n=1
    while [ "$n" -le $((1 + r % 3)) ]; do
        type_text "r$r answer $n"
        keys Enter
        if shown "r$r answer $n"; then confirmed=$((confirmed + 1)); ok
        else bad_screen "round $r: answer $n was never shown saved"; fi
        n=$((n + 1))
    done
    # The next answer, typed and (every other round) sent, when the kill comes.
    type_text "r$r unconfirmed"
    [ $((r % 2)) -eq 0 ] && tmux -L "$SOCKET" send-keys -t 0 Enter
    sleep "$(awk -v seed="$r" 'BEGIN { srand(seed); printf "%.3f", rand() * 0.08 }')"
    kill -KILL "$pid"
    check '[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ]' "integrity_check after kill $r"
    n=1
    while [ "$n" -le $((1 + r % 3)) ]; do
        check '[ "$(copies "r$r answer $n")" -eq 1 ]' "round $r: answer $n, shown saved, is not there once"
        n=$((n + 1))
    done
    check '[ "$(copies "r$r unconfirmed")" -le 1 ]' "round $r: the answer being typed is there more than once"
    r=$((r + 1))
done
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs WHERE text NOT LIKE '"'%unconfirmed'"'")" -eq "$confirmed" ]' \
    "all $confirmed saved answers are there, and nothing else"

# The screens open on the file after it all, with every answer.
tui 100 30 --db "$db" open crash
reached "Step 1 of 5" "the workshop opens after the kills"
on_screen "before any kill" "the first answer is still on the screen"
keys q
finish
