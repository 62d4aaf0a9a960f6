#!/bin/sh
# tui_browse.sh: a reviewer browsing: a read-only copy that no key can change,
# no file written and no program run however the database is read-only (while a
# locked session the owner opens still exports), finding a session by a word,
# comparing two sessions, and following another process's changes while browsing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

db="$WORK/team.db"
"$SAMESONG" --db "$db" demo >/dev/null
"$SAMESONG" --db "$db" export replyline-positioning-workshop -o "$WORK/q3.json"
sed 's/"name": *"Replyline positioning workshop"/"name": "Replyline Q4"/' "$WORK/q3.json" |
    sed 's/with Gorgias\./with Gorgias and Zendesk./' >"$WORK/q4.json"
"$SAMESONG" --db "$db" import "$WORK/q4.json" >/dev/null

# --- a read-only copy (mode 0444): every editing key, then the same bytes ----------------------
cp "$db" "$WORK/copy.db"
chmod 0444 "$WORK/copy.db"
sum_before=$(cksum <"$WORK/copy.db")
tui 100 30 --db "$WORK/copy.db" browse
on_screen "Replyline Q4" "the sessions list"
keys a
on_screen "Read-only: browsing cannot start a session." "a explains"
keys D
on_screen "read-only" "D explains"
keys Enter
on_screen "Positioning canvas" "a session opens on its canvas"
on_screen "read-only" "and says it is read-only"
keys L
not_on_screen "Lock this canvas" "L does not offer to lock"
keys "[" e
on_screen "read-only; nothing can be changed" "the narrative: e is refused"
keys E
on_screen "Read-only: no export, no editor" "the narrative: E is refused"
keys "[" e
on_screen "read-only; nothing can be changed" "a decision: e is refused"
keys Enter
on_screen "read-only; nothing can be changed" "a decision: Enter is refused"
keys "[" " " m
on_screen "read-only; nothing can be changed" "the reveal: m is refused"
keys R
on_screen "read-only; nothing can be changed" "the reveal: R is refused"
keys s Enter
on_screen "read-only; nothing can be changed" "the reveal: accepting a suggestion is refused"
keys Escape V
on_screen "read-only; nothing can be changed" "the reveal: V is refused"
keys "[" a
on_screen "read-only; nothing can be changed" "a step: a is refused"
keys e
on_screen "read-only; nothing can be changed" "a step: e is refused"
keys d
on_screen "read-only; nothing can be changed" "a step: d is refused"
tmux -L "$SOCKET" kill-server
check '[ "$(cksum <"$WORK/copy.db")" = "$sum_before" ]' "the file is byte for byte unchanged"
check '[ ! -e "$WORK/copy.db-wal" ]' "browsing created nothing beside it"

# --- read-only writes no file and runs nothing: browse, --read-only, a 0444 file ------------
# A reviewer over ssh exported to ~/.bashrc: x and E are refused and not offered, the path
# typed after x (relative to where samesong runs) is not written, and the editor never runs.
printf '#!/bin/sh\ntouch "$0.ran"\n' >"$WORK/editor"
chmod +x "$WORK/editor"
export VISUAL="$WORK/editor"
for dir in rev ro; do
    mkdir -p "$WORK/$dir/here"
    "$SAMESONG" --db "$WORK/$dir/team.db" import "$WORK/q3.json" >/dev/null
done
chmod 0444 "$WORK/ro/team.db"
# what a reviewer could leave behind in DIR: its files and the database's bytes
traces() { ls -A "$1" "$1/here"; cksum "$1/team.db" "$1/team.db-wal"; }
reviewer_tries() { # WHAT DIR NAME ARGS...: a reviewer's keys, samesong ARGS run in DIR/here
    what=$1 dir=$2 name=$3
    shift 3
    before=$(traces "$dir")
    cd "$dir/here" || return
    tui 100 30 "$@"
    cd - >/dev/null || return
    keys Enter
    on_screen "Positioning canvas" "$what: a session opens on its canvas"
    keys Escape
    on_screen "A:alignment" "$what: the canvas's keys are on the bottom line"
    not_on_screen "x:export" "$what: x is not offered"
    keys x
    on_screen "Read-only: no export, no editor" "$what: x is refused"
    keys C-u; type_text "../$name"; keys Enter
    keys q Enter "[" Escape
    on_screen "Sales narrative" "$what: the narrative"
    not_on_screen "E:editor" "$what: E is not offered"
    keys E
    on_screen "Read-only: no export, no editor" "$what: E is refused"
    tmux -L "$SOCKET" kill-server
    check '[ ! -e "$dir/$name" ]' "$what: the path typed after x was not written"
    check '[ ! -e "$WORK/editor.ran" ]' "$what: the editor did not run"
    check '[ "$(traces "$dir")" = "$before" ]' \
        "$what: no file appeared and the database is byte for byte unchanged"
}
reviewer_tries "browse" "$WORK/rev" .bashrc --db "$WORK/rev/team.db" browse
reviewer_tries "--read-only" "$WORK/rev" .profile --db "$WORK/rev/team.db" --read-only
reviewer_tries "a 0444 file" "$WORK/ro" .bashrc --db "$WORK/ro/team.db"
unset VISUAL

# --- a locked session in a writable database: the owner still exports it ----------------------
mkdir "$WORK/lock"
sed -e 's/"locked":false/"locked":true/' -e 's/"decisions":\[/&{"step":"capabilities","text":"One inbox"},{"step":"value","text":"Fewer tickets"},{"step":"customers","text":"Shopify brands"},{"step":"category","text":"Help desk"},/' \
    "$WORK/q3.json" >"$WORK/lock/locked.json"
"$SAMESONG" --db "$WORK/lock/team.db" import "$WORK/lock/locked.json" --slug done >/dev/null
tui 100 30 --db "$WORK/lock/team.db" open done
on_screen "LOCKED, read-only" "a locked session"
keys Escape
on_screen "x:export" "x is offered on a locked canvas"
keys x C-u; type_text "$WORK/lock/canvas.md"; keys Enter
on_screen "Wrote" "x exports a locked canvas"
check 'grep -q "Help desk" "$WORK/lock/canvas.md"' "the export is the canvas"
keys x C-u; type_text "$WORK/lock/team.db-wal"; keys Enter
on_screen "is the database's -wal file; choose another file." "x refuses the -wal"
keys q q

# --- find a session by a word in it ---------------------------------------------------------
tui 100 30 --db "$db" browse
keys f; type_text "richpanel"; keys Enter
on_screen "Richpanel" "search finds an answer by a word in it"
on_screen "found" "and counts what it found"
keys Enter
on_screen "Reveal 1 of 5: Competitive alternatives" "Enter opens where it was said"
keys q

# --- compare two sessions and see the changed decision ----------------------------------------
keys c j c
on_screen "Compare:" "c, then c on another, compares"
on_screen "1. Competitive alternatives: changed" "the changed decision is marked"
on_screen "Overall alignment of Replyline across its sessions" "with the product's trend"
run --db "$db" diff replyline-positioning-workshop replyline-q4
stdout_has "1. Competitive alternatives: changed"
stdout_has "2: Our main rival is the status quo"
stdout_has "1 of 5 decisions differ."
keys q

# --- browsing while the workshop writes: the new answer shows ---------------------------------
keys Enter "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "[" "["
on_screen "Step 1 of 5" "a reviewer can read the step screens"
on_screen "Replyline positioning worksh" "the first session is open"
"$SAMESONG" --db "$db" add replyline-positioning-workshop --as Maya --step alternatives \
    "Typed in the room just now" >/dev/null
on_screen "Typed in the room just now" "another process's answer appears while browsing"

# --- the list narrows by product, status, mode and date -----------------------------------------
keys q q
"$SAMESONG" --db "$db" new "Solo draft" --solo --product "Other product" >/dev/null
tui 100 30 --db "$db" browse
keys /; type_text "solo"; keys Enter
on_screen "Solo draft" "a filter by mode"
not_on_screen "Replyline Q4" "hides the workshops"
keys / C-u; type_text "replyline open $(date -u +%Y-%m)"; keys Enter
on_screen "Replyline Q4" "a filter by product, status and month"
not_on_screen "Solo draft" "hides the rest"
keys q

# --- over ssh: the terminals a reviewer may have ---------------------------------------------------
for term in xterm-256color xterm screen tmux-256color linux vt100; do
    RUNS=$((RUNS + 1)); SOCKET="$BASE_SOCKET-$RUNS"
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 80 -y 24 \
        "env TERM=$term SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' '$SAMESONG' --db '$db' browse; sleep 600"
    on_screen "positioning workshops" "TERM=$term: the list"
    keys Enter
    on_screen "Sales narrative" "TERM=$term: a session opens on its canvas"
    tmux -L "$SOCKET" kill-server
done

finish
