#!/bin/sh
# tui_views.sh: the misalignment views in tmux, with numbers worked by hand:
# the who-said-what grid, the heatmap against `samesong report --json`, a
# merge, a vote round, capability tags and the lock warning, attribution, the
# dashboard, at 80x24 and 200x60.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

# The screen's row that starts with $1, its runs of spaces squeezed.
row() { screen | sed 's/^ *//; s/  */ /g' | grep -m1 -- "^$1" ; }

demo="$WORK/demo.db"
slug=replyline-positioning-workshop
"$SAMESONG" --db "$demo" demo >/dev/null

# --- the grid: each participant's marks where the data says -----------------------------
tui 100 30 --db "$demo" open $slug
keys r
on_screen "view: who said what (v)   people: roles only (N)" "the reveal opens on the grid, roles only"
on_screen "CEO     Mktg    Sales 1 Sales 2 Product Success" "columns by role, numbered within it"
# Spreadsheets: Maya, Jonas, Tom (by its label), Lena, Carlos; not Priya
check '[ "$(row Spreadsheets)" = "Spreadsheets 5 ● ● · ● ● ●" ]' "the Spreadsheets row: $(row Spreadsheets)"
check '[ "$(row Richpanel)" = "Richpanel 2 · · ● ● · ·" ]' "the Richpanel row: $(row Richpanel)"
on_screen "Alignment 25.3%" "the step's score, as report gives it"
keys N
on_screen "people: anonymous (N)" "N goes on to anonymous"
on_screen "P1      P2" "anonymous columns"
keys N
on_screen "people: names (N)" "and to names"
on_screen "Maya    Jonas" "named columns"
keys N

# --- the heatmap: the numbers of samesong report --json ------------------------------------
"$SAMESONG" --db "$demo" report $slug --json --step alternatives >"$WORK/report.json"
pct() { grep -o "{\"a\":\"$1\",\"b\":\"$2\",\"agreement\":[0-9.]*}" "$WORK/report.json" | sed 's/.*://; s/}//'; }
expected="CEO - $(pct Maya Jonas) $(pct Maya Priya) $(pct Maya Tom) $(pct Maya Lena) $(pct Maya Carlos)"
keys v v
on_screen "Agreement between people, in percent" "v goes on to the heatmap"
got=$(row "CEO -" | sed 's/[░▒▓█]//g; s/  */ /g')
check '[ "$got" = "$expected" ]' "the CEO row equals report --json: got \"$got\", want \"$expected\""
dept=$(grep -o '{"a":"ceo","b":"sales","agreement":[0-9.]*}' "$WORK/report.json" | sed 's/.*://; s/}//')
check '[ "$dept" = 10 ]' "report gives ceo-sales 10"
check 'row "CEO -" >/dev/null && screen | grep -q "^  CEO .* 10 "' "the department table shows ceo-sales 10"

# --- merging: status quo into Do nothing, (3.8 + 0.4) / 15 = 28.0% ----------------------------
keys v v v
on_screen "view: who said what" "back to the grid"
# Do nothing is the third row, status quo the seventh; marking moves down a row
keys j j " " j j j " "
on_screen "* status quo" "two groups marked"
keys m
on_screen "Name of the merged group:" "m asks the merged group's name"
keys C-u; type_text "Do nothing"; keys Enter
on_screen "Alignment 28.0%" "the merge changes the score as worked by hand"
check '[ "$(row "Do nothing")" = "Do nothing 3 ● · ● · · ●" ]' "the merged row: $(row "Do nothing")"
run --db "$demo" report $slug --step alternatives
stdout_has "alignment 28.0% (6 of 6 answered)"
keys g j j Enter
on_screen "The answers in \"Do nothing\"" "Enter lists the group's answers"
on_screen "status quo  (joined by its label)" "with the one that joined by its label"
keys j u
on_screen "Alignment 25.3%" "u takes that one answer out again"
keys k k Escape
keys s
on_screen "Answers that may mean the same" "s lists the suggestions"
on_screen "0.90  Do nothing  ~  status quo  (synonyms)" "the best suggestion first"
keys x
not_on_screen "Do nothing  ~  status quo" "x dismisses it"
on_screen "0.64  Gorgias  ~  Gorgias.io" "the next stays"
keys Escape s
not_on_screen "Do nothing  ~  status quo" "a dismissed suggestion stays dismissed"
keys Escape

# --- capability tags: t on the capabilities reveal, shown in report --------------------------
keys "]" "]" "]" r
on_screen "Reveal 2 of 5: Differentiated capabilities" "the capabilities reveal"
keys G k
on_screen "Macro suggestions (roadmap)" "the second-to-last group"
keys t t
on_screen "Macro suggestions (roadmap) [roadmap]" "t t tags it roadmap"
run --db "$demo" report $slug --step capabilities
stdout_has "[roadmap]"

# --- the dashboard --------------------------------------------------------------------------
keys A
on_screen "Alignment dashboard" "A opens the dashboard"
on_screen "weakest" "the weakest step is picked out"
on_screen "Least aligned:" "and the least-aligned pair of roles"
keys q
on_screen "Reveal 2 of 5" "q returns where the dashboard was opened"

# --- legible at 80x24 and at 200x60 -------------------------------------------------------------
tmux -L "$SOCKET" resize-window -t 0 -x 80 -y 24; sleep 0.4
on_screen "CEO     Mktg    Sales 1 Sales 2 Product Success" "80x24: every column of the grid"
check '[ "$(screen | wc -L)" -le 80 ]' "80x24: nothing past 80 columns"
tmux -L "$SOCKET" resize-window -t 0 -x 200 -y 60; sleep 0.4
on_screen "Macro suggestions (roadmap) [roadmap]" "200x60: the grid"
keys v
on_screen "How many named each group, by role" "200x60: coverage"
keys v
on_screen "Between departments" "200x60: the heatmap"
keys q q

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
tui 100 30 --db "$demo" open vote-round
keys "]" "]" "]" "]" "]" "]" "]"
on_screen "Reveal 3 of 5: Value themes" "the value reveal"
keys V
on_screen "Maya's ranking" "V starts the vote with the first person"
# Maya: a b c. The unranked rows follow the groups' order: a, b, c.
keys Enter Enter Enter
on_screen " 3. c" "Maya ranked three"
keys Tab
# Priya: a c b
keys Enter j Enter Enter
keys Tab
# Tom: b a (c left out)
keys j Enter Enter
on_screen " 2. a" "Tom ranked two"
keys r
on_screen "Kendall's W) 0.44" "the vote gives W = 96/216"
on_screen "66.7% of the rankings have the room's top three" "two of three match"
on_screen " 1. a" "the room's order starts with a"
run --db "$demo" report vote-round --json --step value
stdout_has '"kendall_w":0.4444'
stdout_has '"top3_match_share":66.7'
keys q q

# --- the lock warns about a decided capability that is only on the roadmap ---------------------
cat >"$WORK/roadmap.json" <<'JSON'
{"format": "samesong-session/1", "name": "Roadmap claim",
 "participants": [{"name": "Lena", "role": "product"}],
 "decisions": [{"step": "alternatives", "text": "Spreadsheets"},
               {"step": "capabilities", "text": "AI auto-replies and order lookup"},
               {"step": "value", "text": "Faster answers"},
               {"step": "customers", "text": "Mid-market brands"},
               {"step": "category", "text": "Help desk"}],
 "capability_tags": [{"group": "AI auto-replies", "tag": "roadmap"}]}
JSON
"$SAMESONG" --db "$demo" import "$WORK/roadmap.json" >/dev/null
tui 100 30 --db "$demo" open roadmap-claim
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do keys "]"; done
on_screen "Every step is decided" "the canvas"
keys L
on_screen "The decision claims \"AI auto-replies\": roadmap, not today. Lock anyway?" "the lock warns"
keys n
run --db "$demo" export roadmap-claim
stdout_has '"locked":false'

finish
