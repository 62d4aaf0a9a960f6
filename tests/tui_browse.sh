#!/bin/sh
# tui_browse.sh: a reviewer browsing in a real terminal (tmux): another
# process's changes followed while browsing, and the terminals a reviewer may
# have. The rest of browsing (read-only, find, compare, filters) is driven by
# a script in screens_reviewer.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

db="$WORK/team.db"
reviewer_db "$db"

# --- browsing while the workshop writes: the new answer shows ---------------------------------
# The list is newest first: the demo is the second row.
tui 100 30 --db "$db" browse
keys j Enter "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "["
reached "Step 1 of 5" "the first step"
reached "Replyline positioning worksh" "of the demo"
"$SAMESONG" --db "$db" add replyline-positioning-workshop --as Maya --step alternatives \
    "Typed in the room just now" >/dev/null
on_screen "Typed in the room just now" "another process's answer appears while browsing"
keys q q

# --- over ssh: the terminals a reviewer may have ---------------------------------------------------
for term in xterm-256color xterm screen tmux-256color linux vt100; do
    RUNS=$((RUNS + 1)); SOCKET="$BASE_SOCKET-$RUNS"
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 80 -y 24 \
        "env TERM=$term SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' '$SAMESONG' --db '$db' browse; sleep 600"
    on_screen "positioning workshops" "TERM=$term: the list"
    keys Enter
    on_screen "Sales pitch" "TERM=$term: a session opens on its canvas"
    tmux -L "$SOCKET" kill-server
done

finish
