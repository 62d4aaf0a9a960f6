#!/bin/sh
# screens_facilitator.sh: what a facilitator met in a real workshop (issue 10),
# driven by a script: the reveal opens on the grid, q closes a popup and it is
# not back on reopening, a rename says so, locking without a narrative warns.
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

# --- locking without a narrative warns, as locking a roadmap claim does --------------------
cat >"$WORK/decided.json" <<'JSON'
{"format": "samesong-session/1", "name": "Decided", "mode": "solo",
 "participants": [{"name": "Ana", "role": "ceo"}],
 "decisions": [{"step": "alternatives", "text": "a"}, {"step": "capabilities", "text": "b"},
               {"step": "value", "text": "c"}, {"step": "customers", "text": "d"},
               {"step": "category", "text": "e"}]}
JSON
"$SAMESONG" --db "$db" import "$WORK/decided.json" >/dev/null
drive 100 30 --db "$db" open decided <<'KEYS'
keys ] ] ] ] ] ] ] ] ] ] ] L
dump asked
keys n
KEYS
shows asked "There is no sales narrative yet. Lock the thesis anyway? (y/n)" "locking with no narrative warns"
run --db "$db" export decided
stdout_has '"locked":false'

finish
