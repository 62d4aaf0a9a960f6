#!/bin/sh
# screens_views.sh: the misalignment views driven by a script (no terminal),
# with numbers worked by hand: the who-said-what grid, the heatmap against
# `samesong report --json`, a merge, a vote round, capability tags and the lock
# warning, attribution, the dashboard, at 80x24 and 200x60. Resizing to those
# sizes is in tui_views.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

# row NAME TEXT: the row of the screen dumped as NAME that starts with TEXT,
# its runs of spaces squeezed.
row() { dumped "$1" | sed 's/^ *//; s/  */ /g' | grep -m1 -- "^$2" ; }

demo="$WORK/demo.db"
slug=replyline-positioning-workshop
"$SAMESONG" --db "$demo" demo >/dev/null
"$SAMESONG" --db "$demo" report $slug --json --step alternatives >"$WORK/report.json"

# --- the grid, the heatmap, a merge --------------------------------------------------------
drive 100 30 --db "$demo" open $slug <<'SCRIPT'
keys r
dump grid
keys N
dump anonymous
keys N
dump names
keys N
keys v v
dump heatmap
keys v v v
dump grid-again
# Do nothing is the third row, status quo the seventh; marking moves down a row
keys j j Space j j j Space
dump marked
keys m
dump name
keys C-u
type Do nothing
keys Enter
dump merged
SCRIPT

# the grid: each participant's marks where the data says
shows grid "view: who said what (v)   people: roles only (N)" "the reveal opens on the grid, roles only"
shows grid "CEO     Mktg    Sales 1 Sales 2 Product Success" "columns by role, numbered within it"
# Spreadsheets: Maya, Jonas, Tom (by its label), Lena, Carlos; not Priya
check '[ "$(row grid Spreadsheets)" = "Spreadsheets 5 ● ● · ● ● ●" ]' "the Spreadsheets row: $(row grid Spreadsheets)"
check '[ "$(row grid Richpanel)" = "Richpanel 2 · · ● ● · ·" ]' "the Richpanel row: $(row grid Richpanel)"
shows grid "Alignment 25.3%" "the step's score, as report gives it"
shows anonymous "people: anonymous (N)" "N goes on to anonymous"
shows anonymous "P1      P2" "anonymous columns"
shows names "people: names (N)" "and to names"
shows names "Maya    Jonas" "named columns"

# the heatmap: the numbers of samesong report --json
pct() { grep -o "{\"a\":\"$1\",\"b\":\"$2\",\"agreement\":[0-9.]*}" "$WORK/report.json" | sed 's/.*://; s/}//'; }
expected="CEO - $(pct Maya Jonas) $(pct Maya Priya) $(pct Maya Tom) $(pct Maya Lena) $(pct Maya Carlos)"
shows heatmap "Agreement between people, in percent" "v goes on to the heatmap"
got=$(row heatmap "CEO -" | sed 's/[░▒▓█]//g; s/  */ /g')
check '[ "$got" = "$expected" ]' "the CEO row equals report --json: got \"$got\", want \"$expected\""
dept=$(grep -o '{"a":"ceo","b":"sales","agreement":[0-9.]*}' "$WORK/report.json" | sed 's/.*://; s/}//')
check '[ "$dept" = 10 ]' "report gives ceo-sales 10"
check 'row heatmap "CEO -" >/dev/null && dumped heatmap | grep -q "^  CEO .* 10 "' "the department table shows ceo-sales 10"

# merging: status quo into Do nothing, (3.8 + 0.4) / 15 = 28.0%
shows grid-again "view: who said what" "back to the grid"
shows marked "* status quo" "two groups marked"
shows name "Name of the merged group:" "m asks the merged group's name"
shows merged "Alignment 28.0%" "the merge changes the score as worked by hand"
check '[ "$(row merged "Do nothing")" = "Do nothing 3 ● · ● · · ●" ]' "the merged row: $(row merged "Do nothing")"
run --db "$demo" report $slug --step alternatives
stdout_has "alignment 28.0% (6 of 6 answered)"

# --- a group's answers, suggestions, capability tags, the dashboard -----------------------------
# The session reopens on the reveal.
drive 100 30 --db "$demo" open $slug <<'SCRIPT'
keys g j j Enter
dump answers
keys j u
dump taken-out
keys k k Escape
keys s
dump suggestions
keys x
dump dismissed
keys Escape s
dump again
keys Escape
keys ] ] ] r
dump capabilities
keys G k
dump macro
keys t t
dump tagged
keys A
dump dashboard
keys q
dump back
SCRIPT
shows answers "The answers in \"Do nothing\"" "Enter lists the group's answers"
shows answers "status quo  (joined by its label)" "with the one that joined by its label"
shows taken-out "Alignment 25.3%" "u takes that one answer out again"
shows suggestions "Answers that may mean the same" "s lists the suggestions"
shows suggestions "0.90  Do nothing  ~  status quo  (synonyms)" "the best suggestion first"
hides dismissed "Do nothing  ~  status quo" "x dismisses it"
shows dismissed "0.64  Gorgias  ~  Gorgias.io" "the next stays"
hides again "Do nothing  ~  status quo" "a dismissed suggestion stays dismissed"
# capability tags: t on the capabilities reveal, shown in report
shows capabilities "Reveal 2 of 5: Differentiated capabilities" "the capabilities reveal"
shows macro "Macro suggestions (roadmap)" "the second-to-last group"
shows tagged "Macro suggestions (roadmap) [roadmap]" "t t tags it roadmap"
run --db "$demo" report $slug --step capabilities
stdout_has "[roadmap]"
# the dashboard
shows dashboard "Alignment dashboard" "A opens the dashboard"
shows dashboard "weakest" "the weakest step is picked out"
shows dashboard "Least aligned:" "and the least-aligned pair of roles"
shows back "Reveal 2 of 5" "q returns where the dashboard was opened"

# --- legible at 80x24 and at 200x60, from the start (tui_views.sh resizes to them) ---------------
drive 80 24 --db "$demo" open $slug <<'SCRIPT'
dump small
SCRIPT
shows small "CEO     Mktg    Sales 1 Sales 2 Product Success" "80x24: every column of the grid"
check '[ "$(dumped small | wc -L)" -le 80 ]' "80x24: nothing past 80 columns"
drive 200 60 --db "$demo" open $slug <<'SCRIPT'
dump large
keys v
dump coverage
keys v
dump heatmap
SCRIPT
shows large "Macro suggestions (roadmap) [roadmap]" "200x60: the grid"
shows coverage "How many named each group, by role" "200x60: coverage"
shows heatmap "Between departments" "200x60: the heatmap"

# --- a vote round: W = 12 x 8 / (9 x 24) = 0.44; 2 of 3 have the room's top three -------------
cat >"$WORK/vote.json" <<'JSON'
{"format": "samesong-session/1", "name": "Vote round",
 "participants": [{"name": "Maya", "role": "ceo"}, {"name": "Priya", "role": "sales"},
                  {"name": "Tom", "role": "product"}],
 "inputs": [{"participant": "Maya", "step": "value", "text": "a"},
            {"participant": "Priya", "step": "value", "text": "b"},
            {"participant": "Tom", "step": "value", "text": "c"}]}
JSON
"$SAMESONG" --db "$demo" import "$WORK/vote.json" >/dev/null
drive 100 30 --db "$demo" open vote-round <<'SCRIPT'
# nobody answered steps 1 and 2: y reveals them anyway
keys ] y ] ] ] y ] ] ]
dump reveal
keys V
dump vote
# Maya: a b c. The unranked rows follow the groups' order: a, b, c.
keys Enter Enter Enter
dump maya
keys Tab
# Priya: a c b
keys Enter j Enter Enter
keys Tab
# Tom: b a (c left out); after ranking b the cursor keeps its place among
# the groups left (on c), so k goes up to a
keys j Enter k Enter
dump tom
keys r
dump result
keys q q
SCRIPT
shows reveal "Reveal 3 of 5: Value themes" "the value reveal"
shows vote "Maya's ranking" "V starts the vote with the first person"
shows maya " 3. c" "Maya ranked three"
shows tom " 2. a" "Tom ranked two"
shows result "Kendall's W) 0.44" "the vote gives W = 96/216"
shows result "66.7% of the rankings have the room's top three" "two of three match"
shows result " 1. a" "the room's order starts with a"
run --db "$demo" report vote-round --json --step value
stdout_has '"kendall_w":0.4444'
stdout_has '"top3_match_share":66.7'

# --- the lock warns about a decided capability that is only on the roadmap ---------------------
# (the chain holds, as no value theme rests on it, so that is all it warns of:
# tests/screens_chain.sh has a chain that breaks)
cat >"$WORK/roadmap.json" <<'JSON'
{"format": "samesong-session/1", "name": "Roadmap claim",
 "participants": [{"name": "Lena", "role": "product"}],
 "decisions": [{"step": "alternatives", "text": "Spreadsheets"},
               {"step": "capabilities", "text": "Order lookup\nAI auto-replies"},
               {"step": "value", "text": "Faster answers"},
               {"step": "customers", "text": "Mid-market brands"},
               {"step": "category", "text": "Help desk"}],
 "capability_tags": [{"group": "AI auto-replies", "tag": "roadmap"}],
 "item_tags": [{"item": "Order lookup", "tag": "today"}],
 "links": [{"step": "capabilities", "item": "Order lookup", "builds_on": "Spreadsheets"},
           {"step": "capabilities", "item": "AI auto-replies", "builds_on": "Spreadsheets"},
           {"step": "value", "item": "Faster answers", "builds_on": "Order lookup"},
           {"step": "customers", "item": "Mid-market brands", "builds_on": "Faster answers"},
           {"step": "category", "item": "Help desk", "builds_on": "Faster answers"}],
 "proofs": [{"item": "Faster answers", "kind": "number", "text": "9 s"}]}
JSON
"$SAMESONG" --db "$demo" import "$WORK/roadmap.json" >/dev/null
drive 100 30 --db "$demo" open roadmap-claim <<'SCRIPT'
# nobody answered: y reveals each step anyway
keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] ] ]
dump canvas
keys L
dump warning
keys n
SCRIPT
shows canvas "Every step is decided" "the canvas"
shows warning "The decision claims \"AI auto-replies\": roadmap, not today. Lock anyway?" "the lock warns"
run --db "$demo" export roadmap-claim
stdout_has '"locked":false'

finish
