#!/bin/sh
# screens_facilitator.sh: what a facilitator met in a real workshop (issue 10),
# driven by a script: the reveal opens on the grid, q closes a popup and it is
# not back on reopening, a rename says so, locking without a pitch warns.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

slug=replyline-positioning-workshop
# fresh: the demo in a new database, so each part starts from the first step
n=0
fresh() {
    n=$((n + 1))
    db="$WORK/team$n.db"
    "$SAMESONG" --db "$db" demo >/dev/null
}

# --- the reveal opens on the grid, not on the view last used ------------------------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys ] v
dump coverage
keys ] [
dump again
KEYS
status 0 "the walk ran"
shows coverage "view: coverage" "v shows the coverage"
shows again "view: who said what" "back on the reveal, it opens on the grid"

# --- q closes a popup first, and a popup is not back on reopening ------------------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys ] s
dump suggestions
keys q
dump closed
keys q Enter
dump reopened
KEYS
shows suggestions "Answers that may mean the same" "s opens the suggestions"
shows closed "Reveal 1 of 5" "q closes the suggestions"
hides closed "Answers that may mean the same" "and they are gone"
shows reopened "Reveal 1 of 5" "reopening returns to the reveal"
hides reopened "Answers that may mean the same" "without the popup"

# --- a rename says it renamed --------------------------------------------------------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys ] R C-u
type Spreadsheets and email
keys Enter
dump renamed
KEYS
shows renamed "Renamed the group \"Spreadsheets and email\"." "a rename says so"
hides renamed "Grouped" "not that it grouped answers"
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys ] j R C-u
type spreadsheets
keys Enter
dump merged
KEYS
shows merged "Merged it into the group \"spreadsheets\"." \
    "a rename to another group's name says it merged them (review)"
hides merged "Renamed the group" "not that it renamed one"

# --- locking without a pitch warns, as locking a roadmap claim does ------------------------
# (of a chain that holds: tests/screens_chain.sh has one that breaks)
cat >"$WORK/decided.json" <<'JSON'
{"format": "samesong-session/1", "name": "Decided", "mode": "solo",
 "participants": [{"name": "Ana", "role": "ceo"}],
 "decisions": [{"step": "alternatives", "text": "a"}, {"step": "capabilities", "text": "b"},
               {"step": "value", "text": "c"}, {"step": "customers", "text": "d"},
               {"step": "category", "text": "e"}],
 "links": [{"step": "capabilities", "item": "b", "builds_on": "a"},
           {"step": "value", "item": "c", "builds_on": "b"},
           {"step": "customers", "item": "d", "builds_on": "c"},
           {"step": "category", "item": "e", "builds_on": "c"}],
 "item_tags": [{"item": "b", "tag": "today"}],
 "proofs": [{"item": "c", "kind": "case", "text": "Acme"}]}
JSON
"$SAMESONG" --db "$db" import "$WORK/decided.json" >/dev/null
drive 100 30 --db "$db" open decided <<'KEYS'
keys ] ] ] ] ] ] ] ] ] ] ] L
dump asked
keys n
KEYS
shows asked "There is no sales pitch yet. Lock the thesis anyway? (y/n)" "locking with no pitch warns"
run --db "$db" export decided
stdout_has '"locked":false'
drive 100 30 --db "$db" open decided <<'KEYS'
keys L y
dump locked
KEYS
shows locked "Locked. The thesis is final" "a locked thesis is called a thesis (item 14)"
hides locked "canvas" "not a canvas"

# --- nothing of one session leaks into the next opened in the same run (item 8, review) -----
fresh
"$SAMESONG" --db "$db" new "Second" >/dev/null
"$SAMESONG" --db "$db" add second --as Ana --step alternatives "Excel" >/dev/null
drive 100 30 --db "$db" <<'KEYS'
keys j Enter t
wait 10
dump ticking
keys ] v v
dump heatmap
keys q j Enter
dump reopened
keys q k Enter
dump second
KEYS
shows heatmap "view: heatmap" "v v is the heatmap"
shows ticking "4:50" "the timer runs in the first session"
shows reopened "view: who said what" "reopened in the same run, the reveal is on the grid again"
shows second "5:00 (t starts)" "another session opened after does not run the first one's timer"
hides second "4:5" "no time of the first session's timer"

# --- grouping keys act only where a group is shown under the cursor (review) -----------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys ] j j v v R
dump heatmap_rename
keys v Space Space m
dump votes_merge
KEYS
shows heatmap_rename "This view shows no group to pick: v goes on to the grid." \
    "R on the heatmap renames no unseen group"
hides heatmap_rename "New name of the group" "and asks nothing"
shows votes_merge "This view shows no group to pick" "Space and m on the votes view merge nothing"
hides votes_merge "Merge" "no merge is asked"

finish
