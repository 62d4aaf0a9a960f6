# script.sh: drive the real program's screens from a script of keys, with no
# terminal and no sleeping: each "dump NAME" writes the screen as text.
# Sourced by tests after lib.sh.

DUMP="$WORK/dump"

# drive W H ARGS... < SCRIPT: runs samesong ARGS on a W x H screen, keys from
# standard input (lines "keys K...", "type TEXT", "dump NAME", "paste TEXT": as
# a terminal's bracketed paste, \n a line break, and "wait N": N seconds pass
# with no key, for the timer).
drive() {
    w=$1 h=$2
    shift 2
    cat >"$WORK/script"
    SAMESONG_SCRIPT="$WORK/script" COLUMNS=$w LINES=$h TERM=xterm \
        "$SAMESONG" "$@" </dev/null >"$DUMP" 2>"$ERR"
    STATUS=$?
    cp "$DUMP" "$OUT" # for lib.sh's report of a failure
}

# dumped NAME: the screen dumped as NAME.
dumped() {
    awk -v name="--- $1 ---" '$0 == name { on = 1; next } /^--- .* ---$/ { on = 0 } on' "$DUMP"
}

# bottom_line NAME: the last line of that screen, where keys and messages are.
bottom_line() {
    dumped "$1" | tail -n 1
}

# offered_keys NAME: the keys the bottom line offers, one per line, named as
# "keys" takes them (Enter, Tab, Space, or the character).
offered_keys() {
    bottom_line "$1" | tr -s ' ' '\n' | grep -E '^[^:]+:[a-z]' | sed 's/:.*//' |
        sed 's/^S-Tab$/BTab/'
}

# shows NAME TEXT WHAT / hides NAME TEXT WHAT: one assertion each, on the
# screen dumped as NAME (a missing dump shows nothing).
bad_dump() {
    bad "$2"
    if has_dump "$1"; then dumped "$1" | sed 's/^/  | /'; else echo "  (no screen was dumped as $1)"; fi
}
shows() {
    if dumped "$1" | grep -qF -- "$2"; then ok; else bad_dump "$1" "$3: $1 lacks \"$2\""; fi
}
hides() {
    if has_dump "$1" && ! dumped "$1" | grep -qF -- "$2"; then ok
    else bad_dump "$1" "$3: $1 shows \"$2\""; fi
}

# has_dump NAME: a screen was dumped as NAME; after keys that quit, none is.
has_dump() {
    grep -qxF -- "--- $1 ---" "$DUMP" 2>/dev/null
}

# quit_before NAME WHAT: the keys before the dump NAME ended the program, with
# status 0 (the script goes on after them, so a program still running dumps it).
quit_before() {
    if [ "$STATUS" -eq 0 ] && ! has_dump "$1"; then ok
    else bad_dump "$1" "$2: still running at $1, or status $STATUS"; fi
}

# Declared for lib.sh's failure report, which prints these files.
: >"$OUT"
: >"$ERR"
STATUS=0
