#!/bin/sh
# tui_signals.sh: SIGTERM, SIGHUP and SIGINT on every screen, in a real
# terminal. TERM and HUP end samesong within 1 s, with the terminal back as it
# was (no alternate screen, no mouse tracking) and no process left to use CPU;
# SIGINT is Ctrl-C, which asks first (a key pressed by mistake in front of a
# room should not end the meeting), and y then ends it the same way. An answer
# saved before the signal is in the file; one being typed is not.
# Each screen gets one of the three signals in turn; TUI_SIGNALS_ALL=1 sends
# every signal on every screen.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

command -v sqlite3 >/dev/null || { echo "tui_signals: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }
demo="$WORK/demo.db"
"$SAMESONG" --db "$demo" demo >/dev/null
cp "$demo" "$WORK/room.db"
"$SAMESONG" --db "$WORK/room.db" invite replyline-positioning-workshop >/dev/null
W=replyline-positioning-workshop F=replyline-finished-canvas

trap 'pkill -KILL -f "^$SAMESONG --db $WORK/" 2>/dev/null
      for i in $(seq 0 "$RUNS"); do tmux -L "$BASE_SOCKET-$i" kill-server 2>/dev/null; done
      rm -rf "$WORK"' EXIT

modes() { tmux -L "$SOCKET" display -p -t 0 "alternate=#{alternate_on} mouse=#{mouse_any_flag}"; }
# gone_within_1s PID: the process ends within a second.
gone_within_1s() {
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.1
    done
    return 1
}

n=0
# route NAME FROM-DB TEXT ARGS -- KEYS...: opens samesong ARGS on a copy of
# FROM-DB, presses KEYS, waits for TEXT, then sends the signal whose turn it is
# (or each, with TUI_SIGNALS_ALL=1) and checks how samesong ends.
route() {
    name=$1 from=$2 text=$3
    shift 3
    args=""
    while [ "$1" != "--" ]; do args="$args $1"; shift; done
    shift
    signals=$(echo "TERM HUP INT" | cut -d' ' -f$((n % 3 + 1)))
    [ -n "${TUI_SIGNALS_ALL:-}" ] && signals="TERM HUP INT"
    for sig in $signals; do
        n=$((n + 1))
        db="$WORK/r$n.db"
        cp "$from" "$db"
        # shellcheck disable=SC2086 # the words of args are the arguments
        tui 100 30 --db "$db" $args
        [ $# -gt 0 ] && keys "$@"
        if ! wait_for "$text"; then bad_screen "$name: never reached (\"$text\")"; continue; fi
        pid=$(pgrep -f "^$SAMESONG --db $db" | head -1)
        [ -n "$pid" ] || { bad "$name: no samesong to signal"; continue; }
        check '[ "$(modes)" = "alternate=1 mouse=1" ]' "$name: the screens use the alternate screen and the mouse"
        kill -"$sig" "$pid"
        if [ "$sig" = INT ]; then
            on_screen "Quit samesong?" "$name: SIGINT asks first"
            keys y
        fi
        if gone_within_1s "$pid"; then ok; else
            bad "$name: SIG$sig: samesong still runs after 1 s"
            kill -KILL "$pid" 2>/dev/null
        fi
        on_screen "samesong exited with" "$name: SIG$sig: the shell is back"
        check '[ "$(modes)" = "alternate=0 mouse=0" ]' "$name: SIG$sig: the terminal is not as it was: $(modes)"
    done
}

route "session list" "$demo" "positioning workshops" --
route "the list's filter, open" "$demo" "Enter saves" -- /
route "find" "$demo" "Find: Gorgias" -- f Gorgias Enter
route "compare" "$demo" "Compare:" -- c j c
route "browse" "$demo" "Enter:open" browse --
route "setup" "$demo" "Setup: who is in the room" open $W -- "["
route "step" "$demo" "Step 1 of 5" open $W --
route "help" "$demo" "Keys on the step screen" open $W -- "?"
route "reveal" "$demo" "Reveal 1 of 5" open $W -- r
route "vote" "$demo" "Vote 1 of 5" open $W -- r V
route "decide" "$demo" "Decide 1 of 5" open $W -- r c
route "links" "$demo" "Links 1 of 5" open $W -- r c l
route "chain" "$demo" "Chain check" open $W -- r c C
route "dashboard" "$demo" "Alignment dashboard" open $W -- r A
route "suggestions" "$demo" "x:dismiss" open $W -- r s
route "a group" "$demo" "u:take out" open $W -- r Enter
route "canvas" "$demo" "Positioning canvas" open $F --
route "pitch" "$demo" "Sales pitch ·" open $F -- "["
route "objections" "$demo" "Sales pitch: objections" open $F -- "[" O
route "a joined terminal" "$WORK/room.db" "You are Maya" join $W --as Maya --
route "the quit question" "$demo" "Quit samesong?" open $W -- C-c

# --- an answer saved before the signal stays; the one being typed does not ------------------
for sig in TERM HUP; do
    db="$WORK/typing-$sig.db"
    cp "$demo" "$db"
    tui 100 30 --db "$db" open $W
    reached "Step 1 of 5" "typing before SIG$sig"
    pid=$(pgrep -f "^$SAMESONG --db $db" | head -1)
    keys a
    type_text "Saved before SIG$sig"
    keys Enter
    on_screen "Saved." "the answer is saved"
    type_text "Typed when SIG$sig came"
    kill -"$sig" "$pid"
    check 'gone_within_1s "$pid"' "SIG$sig while typing: samesong ends within 1 s"
    check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs WHERE text = '"'Saved before SIG$sig'"'")" -eq 1 ]' \
        "SIG$sig: the saved answer is in the file"
    check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs WHERE text LIKE '"'Typed when%'"'")" -eq 0 ]' \
        "SIG$sig: the line being typed is not"
    check '[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ]' "SIG$sig: integrity_check"
done

finish
