#!/bin/sh
# screens_anonymous.sh: issue 10, items 3, 16 and 21's coverage bars, driven by
# a script: anonymous shows no name and no role in any view, roles only no
# name, P numbers follow no role; compare refuses a session with itself and
# compares the narratives; a coverage bar is full only when everyone named it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

# row NAME TEXT: the row of the screen dumped as NAME that starts with TEXT,
# its runs of spaces squeezed.
row() { dumped "$1" | sed 's/^ *//; s/  */ /g' | grep -m1 -- "^$2" ; }

# Five people, one a role, each with a group of their own and a shared one;
# the names and the groups contain no role word, so any on screen is a role.
cat >"$WORK/five.json" <<'JSON'
{"format": "samesong-session/1", "name": "Five", "mode": "workshop",
 "participants": [{"name": "Ingrid", "role": "ceo"}, {"name": "Oskar", "role": "marketing"},
                  {"name": "Ulla", "role": "sales"}, {"name": "Edvard", "role": "product"},
                  {"name": "Yrsa", "role": "success"}],
 "inputs": [{"participant": "Ingrid", "step": "alternatives", "text": "Abacus"},
            {"participant": "Ingrid", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Oskar", "step": "alternatives", "text": "Bellows"},
            {"participant": "Oskar", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Ulla", "step": "alternatives", "text": "Cymbal"},
            {"participant": "Edvard", "step": "alternatives", "text": "Dulcimer"},
            {"participant": "Edvard", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Yrsa", "step": "alternatives", "text": "Euphonium"},
            {"participant": "Yrsa", "step": "alternatives", "text": "Spreadsheets"}],
 "votes": [{"participant": "Ingrid", "step": "alternatives", "ranking": ["Abacus", "Spreadsheets"]},
           {"participant": "Ulla", "step": "alternatives", "ranking": ["Cymbal"]}]}
JSON
names="Ingrid Oskar Ulla Edvard Yrsa"
# every form a role takes on screen: labels, headings, and inside sentences
role_words="CEO Mktg Marketing marketing Sales sales Product product Success success"
views="grid coverage heatmap votes answers group dashboard"

# views_in N_PRESSES: a fresh database, the reveal with N pressed that many
# times (roles only, anonymous, names), each view dumped as ATTRIBUTION-VIEW.
views_in() {
    db="$WORK/five-$1.db"
    "$SAMESONG" --db "$db" import "$WORK/five.json" >/dev/null
    {
        printf 'keys ]\n'
        [ "$2" -gt 0 ] && printf 'keys N\n'
        [ "$2" -gt 1 ] && printf 'keys N\n'
        printf 'dump %s-grid\nkeys v\ndump %s-coverage\nkeys v\ndump %s-heatmap\n' "$1" "$1" "$1"
        printf 'keys v\ndump %s-votes\nkeys v\ndump %s-answers\nkeys v Enter\n' "$1" "$1"
        printf 'dump %s-group\nkeys Escape A\ndump %s-dashboard\n' "$1" "$1"
    } | drive 120 35 --db "$db" open five
}

# --- anonymous: no name and no role in any view ---------------------------------------------
views_in anonymous 1
for v in $views; do
    shows "anonymous-$v" "Five" "anonymous: the $v view was drawn"
    for w in $names $role_words; do hides "anonymous-$v" "$w" "anonymous: the $v view"; done
done
shows anonymous-grid "people: anonymous (N)" "N goes on to anonymous"
shows anonymous-grid "4 of 10 pairs of people share no alternative." "the reading names pairs"
shows anonymous-heatmap "Pairs of people agree from 0% to 33%; 4 of 10 pairs share nothing." "the range replaces departments"
hides anonymous-heatmap "Between departments" "no department table"
shows anonymous-coverage "How many named each group (full bar: all 5 people):" "coverage is not by role"
shows anonymous-group "P1         Spreadsheets" "a group's answers go by P number"
# in P order, not in the order people joined (Ingrid, Oskar, Edvard, Yrsa named it)
check '[ "$(dumped anonymous-group | grep -o "P[0-9]  *Spreadsheets" | cut -c2 | tr -d "\n")" = 1234 ]' \
    "a group's answers in P order: $(dumped anonymous-group | grep -o 'P[0-9]  *Spreadsheets')"
# P numbers follow no role: with ids fixed by a fresh database, the CEO (the
# only one to name Abacus) is not P1 and the columns are not in role order
abacus=$(row anonymous-grid Abacus)
check '[ -n "$abacus" ] && [ "$abacus" != "Abacus 1 ● · · · ·" ]' "the CEO is not P1: $abacus"
diagonal=$(for g in Abacus Bellows Cymbal Dulcimer Euphonium; do row anonymous-grid $g; done |
    sed 's/^[A-Za-z]* 1 //' | tr -d '\n')
check '[ "$diagonal" != "● · · · ·· ● · · ·· · ● · ·· · · ● ·· · · · ●" ]' \
    "the P columns are not in role order: $diagonal"

# the same numbers after quitting and reopening: stable for the session
drive 120 35 --db "$WORK/five-anonymous.db" open five <<'KEYS'
keys Escape q Enter
dump reopened
KEYS
check '[ "$(row reopened Abacus)" = "$abacus" ]' "P numbers stay: $(row reopened Abacus) vs $abacus"

# --- roles only: roles, but no name ---------------------------------------------------------
views_in roles 0
for v in $views; do
    shows "roles-$v" "Five" "roles only: the $v view was drawn"
    for w in $names; do hides "roles-$v" "$w" "roles only: the $v view"; done
done
shows roles-grid "CEO     Mktg    Sales   Product Success" "roles only: columns by role"
shows roles-grid "The CEO and sales share no alternative." "roles only: the reading names roles"
shows roles-heatmap "Between departments" "roles only: the department table"
shows roles-answers "Product" "roles only: the answers go by role"
shows roles-group "CEO" "roles only: a group's answers go by role"
shows roles-coverage "Mktg" "roles only: the legend"
shows roles-dashboard "Least aligned: CEO and sales" "roles only: the dashboard names roles"

# --- names: the names are there, so the checks above can fail --------------------------------
views_in names 2
for v in grid heatmap answers group; do
    for w in $names; do
        [ "$v" = group ] && [ "$w" = Ulla ] && continue # Ulla did not name Spreadsheets
        shows "names-$v" "$w" "names: the $v view"
    done
done

# --- item 21: a coverage bar is full only when everyone named it ----------------------------
# five people, two of whom answered, both with Spreadsheets: 2 of 5, not a full bar
cat >"$WORK/two.json" <<'JSON'
{"format": "samesong-session/1", "name": "Two of five", "mode": "workshop",
 "participants": [{"name": "Ingrid", "role": "ceo"}, {"name": "Oskar", "role": "marketing"},
                  {"name": "Ulla", "role": "sales"}, {"name": "Edvard", "role": "product"},
                  {"name": "Yrsa", "role": "success"}],
 "inputs": [{"participant": "Ingrid", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Oskar", "step": "alternatives", "text": "Spreadsheets"}]}
JSON
for attribution in roles anonymous; do
    "$SAMESONG" --db "$WORK/two-$attribution.db" import "$WORK/two.json" >/dev/null
    [ $attribution = anonymous ] && presses="N" || presses=""
    # three have not answered: the reveal asks first (y)
    drive 100 30 --db "$WORK/two-$attribution.db" open two-of-five <<KEYS
keys ] y $presses v
dump coverage
KEYS
    # at 100 columns the bar has 55 cells (100 - a label of 33 - 12): 2/5 of it is 22
    cells=$(row coverage Spreadsheets | grep -o '█' | wc -l)
    check '[ "$cells" -eq 22 ]' "$attribution: 2 of 5 fills 22 of 55 cells, not $cells"
    shows coverage "Spreadsheets" "$attribution: the coverage view"
    check 'row coverage Spreadsheets | grep -q "█ 2 of 5$"' "$attribution: it says 2 of 5"
    shows coverage "(full bar: all 5 people, 2 answered):" "$attribution: what a full bar is"
done
# report draws the same bar: 2/5 of 16 columns is 6 and 3 eighths, not 16
run --db "$WORK/two-roles.db" report two-of-five --step alternatives
stdout_has "Spreadsheets             ██████▍           2  ceo, mkt"
run --db "$WORK/two-roles.db" report two-of-five --step alternatives --ascii
stdout_has "Spreadsheets             ######            2  ceo, mkt"

# --- item 16: compare refuses a session with itself and compares the narratives -------------
db="$WORK/quarters.db"
"$SAMESONG" --db "$db" demo >/dev/null
"$SAMESONG" --db "$db" export replyline-positioning-workshop -o "$WORK/q3.json"
quarter() { # quarter NAME NARRATIVE: the demo again, with that name and narrative
    sed "s/\"name\": *\"Replyline positioning workshop\"/\"name\": \"$1\"/" "$WORK/q3.json" |
        sed "s/\"narrative\": *\"[^\"]*\"/\"narrative\": \"$2\"/" >"$WORK/$1.json"
    "$SAMESONG" --db "$db" import "$WORK/$1.json" >/dev/null
}
quarter Q4 "Teams outgrow the shared inbox."
quarter Q5 "Brands outgrow Gorgias."
run --db "$db" diff q4 q4
status 1 "diff of a session with itself fails"
stderr_one_line
stderr_has "q4 and q4 are the same session"
check '[ ! -s "$OUT" ]' "and prints nothing else"
run --db "$db" diff q4 q5
status 0 "diff of two sessions"
stdout_has "Sales narrative: changed"
stdout_has "1: Teams outgrow the shared inbox."
stdout_has "2: Brands outgrow Gorgias."
run --db "$db" diff replyline-positioning-workshop q4
stdout_has "Sales narrative: written only in the second"
stdout_has "1: (not written)"
run --db "$db" diff q4 q4-copy-that-is-not-there
status 1 "a missing second session still fails as before"

drive 100 40 --db "$db" browse <<'KEYS'
keys / Q 4 Enter
keys c c
dump itself
keys Escape / C-u Q Enter
keys c j c
dump compare
KEYS
shows itself "That is the session picked first" "c twice on one session says so"
hides itself "Compare:" "and compares nothing"
shows compare "Compare:" "c on another then compares"
shows compare "Sales narrative: changed" "the narratives are compared"
shows compare "Teams outgrow the shared inbox." "the first narrative"
shows compare "Brands outgrow Gorgias." "the second narrative"

finish
