# tmux.sh: drive the real program in tmux and read the screen as a person would.
# Sourced by tests/tui*.sh after lib.sh.

command -v tmux >/dev/null || { echo "tmux is needed for the screen tests"; exit 1; }
BASE_SOCKET="samesong-test-$$"
SOCKET="$BASE_SOCKET-0"
RUNS=0
export TERM=tmux-256color
[ -e /lib/terminfo/t/tmux-256color ] || [ -e /usr/share/terminfo/t/tmux-256color ] || TERM=screen
# Every server this test started goes when it ends, however it ends.
trap 'for i in $(seq 0 "$RUNS"); do tmux -L "$BASE_SOCKET-$i" kill-server 2>/dev/null; done
      rm -rf "$WORK"' EXIT

# tui W H ARGS...: starts samesong ARGS in a fresh W x H terminal (with the
# variables TUI_ENV sets, such as EDITOR=...); the pane stays after it exits
# and shows its exit status.
tui() {
    w=$1 h=$2
    shift 2
    tmux -L "$SOCKET" kill-server 2>/dev/null
    RUNS=$((RUNS + 1))
    SOCKET="$BASE_SOCKET-$RUNS" # a fresh server: an old one may still be closing
    tmux -L "$SOCKET" -f /dev/null new-session -d -x "$w" -y "$h" \
        "env TERM=$TERM LC_ALL=C.UTF-8 SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' ${TUI_ENV:-} \
         '$SAMESONG' $* ; echo \"samesong exited with \$?\"; sleep 600"
    tmux -L "$SOCKET" set-option -g remain-on-exit on >/dev/null
    sleep 0.3
}

screen() { tmux -L "$SOCKET" capture-pane -p -t 0; }

# keys KEY...: tmux key names (Enter, Tab, Escape, C-d) or words typed as they are.
keys() {
    for k in "$@"; do
        tmux -L "$SOCKET" send-keys -t 0 "$k"
        sleep 0.08
    done
    sleep 0.25
}

# type TEXT: literal text, whatever it contains.
type_text() {
    tmux -L "$SOCKET" send-keys -t 0 -l "$1"
    sleep 0.25
}

# wait_for TEXT: waits up to 5 s for TEXT on the screen.
wait_for() {
    for _ in $(seq 50); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

# reached TEXT WHAT: a step on the way, not an assertion of its own: waits for
# TEXT, and counts a failure only when it never shows.
reached() {
    wait_for "$1" || bad_screen "$2: the screen lacks \"$1\""
}

# on_screen TEXT WHAT / not_on_screen TEXT WHAT: one assertion each.
bad_screen() {
    FAILED=$((FAILED + 1))
    echo "FAIL: $1"
    screen | sed 's/^/  | /'
}
on_screen() {
    if wait_for "$1"; then ok; else bad_screen "$2: the screen lacks \"$1\""; fi
}
not_on_screen() {
    if screen | grep -qF -- "$1"; then bad_screen "$2: the screen shows \"$1\""; else ok; fi
}

# Declared for lib.sh's failure report, which prints these files.
: >"$OUT"
: >"$ERR"
STATUS=0
