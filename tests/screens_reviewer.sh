#!/bin/sh
# screens_reviewer.sh: a reviewer browsing, driven by a script (no terminal): a
# read-only copy that no key can change, no file written and no program run
# however the database is read-only (while a locked session the owner opens
# still exports), finding a session by a word, comparing two sessions, and
# narrowing the list. Another process writing while browsing, and the
# terminals a reviewer may have, are in tui_browse.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/team.db"
reviewer_db "$db"

# --- a read-only copy (mode 0444): every editing key, then the same bytes ----------------------
cp "$db" "$WORK/copy.db"
chmod 0444 "$WORK/copy.db"
sum_before=$(cksum <"$WORK/copy.db")
drive 100 30 --db "$WORK/copy.db" browse <<'SCRIPT'
dump list
keys a
dump a
keys D
dump D
keys Enter
dump canvas
keys L
dump L
keys [ e
dump narrative-e
keys E
dump narrative-E
keys [ e
dump decision-e
keys Enter
dump decision-Enter
keys [ Space m
dump reveal-m
keys R
dump reveal-R
keys s Enter
dump suggestion-Enter
keys Escape V
dump reveal-V
keys [ a
dump step-a
keys e
dump step-e
keys d
dump step-d
SCRIPT
refused="read-only; nothing can be changed"
shows list "Replyline Q4" "the sessions list"
shows a "Read-only: browsing cannot start a session." "a explains"
shows D "read-only" "D explains"
shows canvas "Positioning canvas" "a session opens on its canvas"
shows canvas "read-only" "and says it is read-only"
hides L "Lock this canvas" "L does not offer to lock"
shows narrative-e "$refused" "the narrative: e is refused"
shows narrative-E "Read-only: no export, no editor" "the narrative: E is refused"
shows decision-e "$refused" "a decision: e is refused"
shows decision-Enter "$refused" "a decision: Enter is refused"
shows reveal-m "$refused" "the reveal: m is refused"
shows reveal-R "$refused" "the reveal: R is refused"
shows suggestion-Enter "$refused" "the reveal: accepting a suggestion is refused"
shows reveal-V "$refused" "the reveal: V is refused"
shows step-a "$refused" "a step: a is refused"
shows step-e "$refused" "a step: e is refused"
shows step-d "$refused" "a step: d is refused"
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
    drive 100 30 "$@" <<SCRIPT
keys Enter
dump canvas
keys Escape
dump canvas-keys
keys x
dump x
keys C-u
type ../$name
keys Enter
keys q Enter [ Escape
dump narrative
keys E
dump E
SCRIPT
    cd - >/dev/null || return
    shows canvas "Positioning canvas" "$what: a session opens on its canvas"
    shows canvas-keys "A:alignment" "$what: the canvas's keys are on the bottom line"
    hides canvas-keys "x:export" "$what: x is not offered"
    shows x "Read-only: no export, no editor" "$what: x is refused"
    shows narrative "Sales pitch" "$what: the pitch"
    hides narrative "E:editor" "$what: E is not offered"
    shows E "Read-only: no export, no editor" "$what: E is refused"
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
# 160 columns: the refusal names the path typed, and $WORK's name is long
drive 160 30 --db "$WORK/lock/team.db" open done <<SCRIPT
dump locked
keys Escape
dump keys
keys x C-u
type $WORK/lock/canvas.md
keys Enter
dump wrote
keys x C-u
type $WORK/lock/team.db-wal
keys Enter
dump wal
keys q q
SCRIPT
shows locked "LOCKED, read-only" "a locked session"
shows keys "x:export" "x is offered on a locked canvas"
shows wrote "Wrote" "x exports a locked canvas"
check 'grep -q "Help desk" "$WORK/lock/canvas.md"' "the export is the canvas"
shows wal "is the database's -wal file; choose another file." "x refuses the -wal"

# --- find a session by a word in it, compare two sessions, read a step ----------------------------
drive 100 30 --db "$db" browse <<'SCRIPT'
keys f
type richpanel
keys Enter
dump found
keys Enter
dump opened
keys q
dump back
keys q
keys c j c
dump compare
keys q
keys Enter [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [
dump step
SCRIPT
shows found "Richpanel" "search finds an answer by a word in it"
shows found "found" "and counts what it found"
shows opened "Reveal 1 of 5: Competitive alternatives" "Enter opens where it was said"
shows back "Find: richpanel" "q goes back to the results (a second q to the list)"
# compare two sessions and see the changed decision
shows compare "Compare:" "c, then c on another, compares"
shows compare "1. Competitive alternatives: changed" "the changed decision is marked"
shows compare "Overall alignment of Replyline across its sessions" "with the product's trend"
run --db "$db" diff replyline-positioning-workshop replyline-q4
stdout_has "1. Competitive alternatives: changed"
stdout_has "2: Our main rival is the status quo"
stdout_has "1 of 5 decisions differ."
# the step screens, where tui_browse.sh has another process write
shows step "Step 1 of 5" "a reviewer can read the step screens"
shows step "Replyline positioning worksh" "the first session is open"

# --- the list narrows by product, status, mode and date -----------------------------------------
"$SAMESONG" --db "$db" new "Solo draft" --solo --product "Other product" >/dev/null
drive 100 30 --db "$db" browse <<SCRIPT
keys /
type solo
keys Enter
dump solo
keys / C-u
type replyline open $(date -u +%Y-%m)
keys Enter
dump replyline
keys q
SCRIPT
shows solo "Solo draft" "a filter by mode"
hides solo "Replyline Q4" "hides the workshops"
shows replyline "Replyline Q4" "a filter by product, status and month"
hides replyline "Solo draft" "hides the rest"

finish
