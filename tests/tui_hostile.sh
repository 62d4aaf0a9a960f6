#!/bin/sh
# tui_hostile.sh: the workshop screens when the terminal goes away unannounced
# or Ctrl-\ quits: the program ends at once, spins no CPU, and leaves the
# terminal as it found it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

demo="$WORK/demo.db"
"$SAMESONG" --db "$demo" demo >/dev/null

# A samesong the test could not end is killed when it ends, however it ends.
STRAY=""
trap 'for p in $STRAY; do kill -KILL "$p" 2>/dev/null; done
      for i in $(seq 0 "$RUNS"); do tmux -L "$BASE_SOCKET-$i" kill-server 2>/dev/null; done
      rm -rf "$WORK"' EXIT

# samesong_pid: the samesong this test started on $demo (waits up to 5 s).
samesong_pid() {
    for _ in $(seq 50); do
        pid=$(pgrep -f "^$SAMESONG --db $demo open" | head -1)
        [ -n "$pid" ] && { STRAY="$STRAY $pid"; echo "$pid"; return 0; }
        sleep 0.1
    done
    return 1
}

# cpu_ticks PID: user and system time the process has used, in clock ticks.
cpu_ticks() {
    sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}

# start_ignoring_hup: the demo in a fresh terminal whose shell ignores SIGHUP.
start_ignoring_hup() {
    tmux -L "$SOCKET" kill-server 2>/dev/null
    RUNS=$((RUNS + 1)); SOCKET="$BASE_SOCKET-$RUNS"
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
        "trap '' HUP; env TERM=$TERM LC_ALL=C.UTF-8 SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' \
         '$SAMESONG' --db '$demo' open replyline-positioning-workshop; sleep 600"
}

# --- the terminal goes away while the Ctrl-C question is open, and no SIGHUP comes --------
# The shell ignores SIGHUP and outlives the terminal, so the kernel sends none to
# samesong: reading the terminal then gives end-of-file at once, every time.
start_ignoring_hup
wait_for "Step 1 of 5"
pid=$(samesong_pid)
keys C-c
on_screen "Quit samesong?" "Ctrl-C asks first"
tmux -L "$SOCKET" kill-server
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
    before=$(cpu_ticks "$pid"); sleep 1; after=$(cpu_ticks "$pid")
    bad "a lost terminal: samesong still runs 5 s later, using $((after - before)) of 100 ticks a second"
    kill -KILL "$pid" 2>/dev/null
else
    ok
fi

# the same with no question open: the hang-up is not mistaken for an interrupted read
start_ignoring_hup
wait_for "Step 1 of 5"
pid=$(samesong_pid)
keys C-c n
tmux -L "$SOCKET" kill-server
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
check '! kill -0 "$pid" 2>/dev/null' "a lost terminal after a Ctrl-C answered no: samesong ends"
kill -KILL "$pid" 2>/dev/null

# --- Ctrl-\ (SIGQUIT) ends it like SIGTERM: the terminal back as it was ------------------
tmux -L "$SOCKET" kill-server 2>/dev/null
RUNS=$((RUNS + 1)); SOCKET="$BASE_SOCKET-$RUNS"
# no core file, should a samesong that does not catch SIGQUIT dump one
tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
    "ulimit -c 0; env TERM=$TERM LC_ALL=C.UTF-8 SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' \
     '$SAMESONG' --db '$demo' open replyline-positioning-workshop; echo \"samesong exited with \$?\"; sleep 600"
wait_for "Step 1 of 5"
pid=$(samesong_pid)
modes() { tmux -L "$SOCKET" display -p -t 0 "alternate=#{alternate_on} mouse=#{mouse_any_flag}"; }
check '[ "$(modes)" = "alternate=1 mouse=1" ]' "the screens use the alternate screen and the mouse"
keys 'C-\'
on_screen "samesong exited with 0" "Ctrl-\\ ends it cleanly"
check '[ "$(modes)" = "alternate=0 mouse=0" ]' "and leaves the alternate screen and mouse tracking"
kill -KILL "$pid" 2>/dev/null

# --- escapes and a short date written into the file behind samesong's back -------------
db="$WORK/edited.db" # the demo workshop under way as session 1, then Other as session 2
"$SAMESONG" --db "$db" import "$SAMESONG_DATA_DIR/examples/demo.json" \
    --slug replyline-positioning-workshop >/dev/null
"$SAMESONG" --db "$db" new "Other" >/dev/null
sqlite3 "$db" "UPDATE sessions SET name = 'Replyline' || char(27) || '[31mRED',
                   slug = 'x' || char(27) || '[31mred' WHERE id = 1;
               UPDATE sessions SET created_at = 'x' WHERE id = 2;
               UPDATE events SET at = 'x' WHERE session_id = 2;"
tui 100 30 --db "$db" --theme plain
on_screen "Replyline^[[31mRED" "the list shows an escape in a name as a placeholder"
check 'screen | grep -q "Other  *workshop  *0  *x *$"' "and a date cut short as it is, nothing past its end"
check '! tmux -L "$SOCKET" capture-pane -e -p -t 0 | grep -q "$(printf "\033")\[31m"' \
    "no red from the name reached the terminal"
keys j Enter
on_screen "Replyline^[[31mRED" "the session's header shows it as a placeholder too"
check '! tmux -L "$SOCKET" capture-pane -e -p -t 0 | grep -q "$(printf "\033")\[31m"' \
    "no red from the name reached the terminal"
keys q q

finish
