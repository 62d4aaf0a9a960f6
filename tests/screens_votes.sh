#!/bin/sh
# screens_votes.sh: votes follow their groups (issue 10, items 1, 2 and 12),
# driven by a script: a rename, a merge and taking a group apart carry the
# rankings, and report, export and import agree; taking apart asks first; z
# undoes the last grouping change, also after reopening, and is refused
# read-only; the group's answers stay open while answers are taken out; the
# vote starts with the first person, Enter keeps the cursor's place, and the
# results name the groups nobody ranked.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

slug=replyline-positioning-workshop
# fresh: the demo in a new database. Its alternatives, most named first:
# 0 Spreadsheets, 1 Shared Gmail inbox, 2 Do nothing, 3 Gorgias, 4 Richpanel,
# 5 Zendesk, 6 status quo, 7 Gorgias.io, 8 Hiring another support agent.
# Gorgias is ranked 2nd by the room, by 5 people; Jonas ranks Zendesk,
# Gorgias, Spreadsheets.
n=0
fresh() {
    n=$((n + 1))
    db="$WORK/team$n.db"
    "$SAMESONG" --db "$db" demo >/dev/null
}

# --- a rename: the votes view ranks the new name; report and export agree ------------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys r
dump before
keys j j j R C-u
type Support helpdesks
keys Enter
dump renamed
keys v v v
dump votes
KEYS
status 0 "the rename ran"
check '! offered_keys before | grep -qx z' "nothing to undo yet: z is not offered"
shows renamed "Renamed the group \"Support helpdesks\". Its rankings follow it." "a rename says the rankings follow"
shows votes " 2. Support helpdesks" "the votes view ranks the renamed group where Gorgias was"
hides votes "Nobody ranked \"Support helpdesks\"" "the renamed group is not unranked"
shows votes "Nobody ranked \"status quo\", \"Gorgias.io\"." "the groups nobody ranked are named"
run --db "$db" report $slug
stdout_has " 2. Support helpdesks"
run --db "$db" export $slug
stdout_has '{"participant":"Jonas","step":"alternatives","ranking":["Zendesk","Support helpdesks","Spreadsheets"]}'

# --- z undoes it, even after the program was closed and opened again -------------------------
drive 100 30 --db "$db" open $slug <<'KEYS'
dump reopened
keys z
dump undone
keys v v v
dump votes
KEYS
check 'offered_keys reopened | grep -qx z' "reopened, z is offered: the undo was kept in the file"
shows undone "Undid the rename of \"Gorgias\" to \"Support helpdesks\"." "z says what it undid"
check '! offered_keys undone | grep -qx z' "after the undo there is nothing more to undo"
shows votes " 2. Gorgias" "the rankings are back on Gorgias"
hides votes "Support helpdesks" "and the new name is gone"

# --- a merge of two ranked groups: each ranking keeps the better rank --------------------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys r j j j j j Space k k k m C-u
type Helpdesks
keys Enter
dump merged
KEYS
shows merged "Merged 2 groups into \"Helpdesks\". Each ranking keeps the better rank of them." "a merge says how rankings combine"
run --db "$db" export $slug
# Jonas ranked Zendesk 1st and Gorgias 2nd: Helpdesks 1st, Spreadsheets moves up to 2nd
stdout_has '{"participant":"Jonas","step":"alternatives","ranking":["Helpdesks","Spreadsheets"]}'
stdout_has '{"participant":"Maya","step":"alternatives","ranking":["Do nothing","Spreadsheets","Shared Gmail inbox","Helpdesks"]}'
cp "$OUT" "$WORK/merged.json"
run --db "$db" export $slug --format md
stdout_has "Zendesk (group: Helpdesks)"
# the round trip: the imported session reports the same vote as the screen
run --db "$db" report $slug
cp "$OUT" "$WORK/report.txt"
stdout_has " 2. Helpdesks"
"$SAMESONG" --db "$WORK/imported.db" import "$WORK/merged.json" >/dev/null
run --db "$WORK/imported.db" report $slug
check 'cmp -s "$OUT" "$WORK/report.txt"' "the imported session reports the same vote"
drive 100 30 --db "$WORK/imported.db" open $slug <<'KEYS'
keys r v v v
dump imported
KEYS
shows imported " 2. Helpdesks" "the imported session's votes view agrees"

# --- an accepted suggestion carries the rankings too, and z in the list undoes it -------------
# The first suggestion is Do nothing ~ status quo: Do nothing (ranked by 4) is kept.
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys r j j j R C-u
type Support helpdesks
keys Enter s
dump suggestions
keys Enter
dump accepted
keys z
dump undone
KEYS
shows accepted "Merged the two as \"Do nothing\". Each ranking keeps the better rank of them. z undoes it." "accepting says how rankings combine"
check 'offered_keys suggestions | grep -qx z' "after the rename, z is offered in the suggestions"
shows undone "Undid the merge of \"Do nothing\" and \"status quo\"." "z in the suggestions undoes the merge"
shows undone "Do nothing  ~  status quo" "and the suggestion is back"
run --db "$db" report $slug
stdout_has " 2. Support helpdesks"

# --- taking a group apart asks first and says what happens to its votes ------------------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys r j j j R C-u
type Support helpdesks
keys Enter u
dump asked
keys n
dump declined
keys u y
dump apart
keys v v v
dump votes
KEYS
shows asked "Take \"Support helpdesks\" apart into 2 answers? 5 rankings lose it. (y/n)" "u asks, naming the group, its answers and its rankings"
shows declined "Support helpdesks" "n leaves the group"
shows apart "Took \"Support helpdesks\" apart into 2 answers; 5 rankings lost it. z undoes it." "the message says the rankings lost it"
hides votes "Support helpdesks" "the votes view no longer ranks it"
run --db "$db" export $slug
stdout_has '{"participant":"Jonas","step":"alternatives","ranking":["Zendesk","Spreadsheets"]}'

# --- read-only, z is neither offered nor done ------------------------------------------------
# read-only opens on the canvas: back along the walk to the first reveal
drive 100 30 --read-only --db "$db" open $slug <<'KEYS'
keys [ [ [ [ [ [ [ [ [ [ [ [ [ [ [
dump readonly
keys z
dump refused
KEYS
shows readonly "Reveal 1 of 5" "read-only, back on the first reveal"
check '! offered_keys readonly | grep -qx z' "read-only: z is not offered"
check 'bottom_line refused | grep -qF "The database is open read-only; nothing can be changed."' \
    "read-only: z is refused, saying why"
drive 100 30 --db "$db" open $slug <<'KEYS'
keys r
dump writable
KEYS
check 'offered_keys writable | grep -qx z' "the undo is still there for a writer"

# --- Enter opens a group's answers; End, G and u keep that list open --------------------------
# Spreadsheets: CEO, Mktg and Product say it; Sales 2's "Excel + email" and
# Success's "Google Sheets tracker" joined by the label.
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys r Enter End u
dump first
keys G u
dump own
keys k u
dump second
keys z
dump undone
keys q u
dump reveal
KEYS
shows first "The answers in \"Spreadsheets\"" "after u the list is still open"
shows first "Took \"Google Sheets tracker\" out of the group. z undoes it." "u took the last answer out"
shows own "The answers in \"Spreadsheets\"" "End and G keep the list open"
shows own "by its own text" "u on an answer of its own text takes nothing out"
shows second "Took \"Excel + email\" out of the group." "the next u takes out one more answer"
shows undone "Excel + email  (joined by its label)" "z in the list puts it back"
shows reveal "Take 1 answer out of \"Spreadsheets\"? It keeps its rankings. (y/n)" "u on the reveal asks; the group stays"

# --- the vote: the first person, the cursor keeps its place, the unranked named ----------------
cat >"$WORK/four.json" <<'JSON'
{"format": "samesong-session/1", "name": "Four",
 "participants": [{"name": "Maya", "role": "ceo"}, {"name": "Priya", "role": "sales"}],
 "inputs": [{"participant": "Maya", "step": "alternatives", "text": "a"},
            {"participant": "Maya", "step": "alternatives", "text": "b"},
            {"participant": "Priya", "step": "alternatives", "text": "c"},
            {"participant": "Priya", "step": "alternatives", "text": "d"}]}
JSON
"$SAMESONG" --db "$db" import "$WORK/four.json" >/dev/null
drive 100 30 --db "$db" open four <<'KEYS'
keys Tab r V
dump vote
keys j j Enter Enter
dump ranked
keys r
dump results
KEYS
shows vote "Maya's ranking" "the vote starts with the first person, not whose turn it was"
shows ranked " 1. c" "Enter ranks the row under the cursor"
shows ranked " 2. d" "the cursor stays in its place among the groups left"
shows results "1 ranking; 2 of 4 groups ranked" "the results count the ranked groups of all the step's (trial)"
shows results "Nobody ranked \"a\", \"b\"." "and name the groups nobody ranked"

# --- an answer edited, deleted or removed with its person: the rankings follow (review) ------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys Tab e C-u
type Zendesk Suite
keys Enter
dump edited
KEYS
shows edited "Zendesk Suite" "Jonas's answer is edited"
run --db "$db" report $slug --step alternatives
stdout_has "      5. Zendesk Suite             rank sum 24.5"
check '! grep -q "Zendesk  " "$OUT"' "no ranking names the old words"
check '! grep -q "Nobody ranked.*Zendesk" "$OUT"' "and the edited group is not unranked"
fresh
"$SAMESONG" --db "$db" export $slug >"$WORK/before.json"
drive 100 30 --db "$db" open $slug <<'KEYS'
keys [ j d y
dump removed
KEYS
shows removed "Removed" "Jonas is removed with his answers"
run --db "$db" report $slug --step alternatives
check '! grep -q "Zendesk" "$OUT"' "the group only he named leaves every ranking"
stdout_has "Vote: 5 rankings; 6 of 8 groups ranked"

finish
