#!/bin/sh
# screens_find.sh: a reviewer's find (issue 10, item 15): a hit is one line,
# however many lines were said; a participant's name finds what they said;
# q from a session opened from the results goes back to the results.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/find.db"
"$SAMESONG" --db "$db" demo >/dev/null
cat >"$WORK/lines.json" <<'JSON'
{"format": "samesong-session/1", "name": "Lines", "participants": [{"name": "Ann", "role": "ceo"}],
 "inputs": [{"participant": "Ann", "step": "alternatives", "text": "Zeppelin freight"}],
 "narrative": "Teams drown in tickets.\nZeppelin routes them.\nNobody waits."}
JSON
"$SAMESONG" --db "$db" import "$WORK/lines.json" >/dev/null

# --- line breaks in what was found show as spaces, not ^J -----------------------------------
drive 140 30 --db "$db" browse <<'KEYS'
keys f
type zeppelin
keys Enter
dump found
KEYS
shows found "Teams drown in tickets. Zeppelin routes them. Nobody waits." \
    "a narrative found shows its lines as one, with spaces"
hides found "^J" "no ^J where a line broke"
run --db "$db" search zeppelin
stdout_has "Teams drown in tickets. «Zeppelin» routes them. Nobody waits."

# --- a participant's name finds what they said ----------------------------------------------
drive 100 30 --db "$db" browse <<'KEYS'
keys f
type lena
keys Enter
dump lena
keys f C-u
type lena spreadsheets
keys Enter
dump lena_words
KEYS
shows lena_words "Find: lena spreadsheets" "f on the results finds again"
shows lena "Scale without hiring" "a name finds that person's answers"
shows lena "Lena: Competitive alternatives" "and says whose they are, first"
hides lena "Maya" "and no one else's"
shows lena_words "Spreadsheets." "a name and a word: that person's answers holding the word"
check '[ "$(dumped lena_words | grep -c ": Competitive alternatives")" -eq 2 ]' \
    "only Lena's spreadsheets (once in each demo session), not the four others'"
run --db "$db" search LENA scale # Maya said it too
stdout_is "replyline-positioning-workshop  value  Lena: «Scale» without hiring
replyline-finished-canvas  value  Lena: «Scale» without hiring"

# --- q from a session opened from the results goes back to them -----------------------------
drive 100 30 --db "$db" browse <<'KEYS'
keys f
type gorgias
keys Enter j j
dump results
keys Enter
dump opened
keys q
dump back
keys q
dump list
KEYS
shows opened "Replyline positioning workshop" "Enter opens the session of a result"
shows back "Find: gorgias" "q from that session goes back to the results"
check '[ "$(dumped back | grep "Competitive\|Differentiated\|Value\|Best-fit\|Market" | head -3)" = "$(dumped results | grep "Competitive\|Differentiated\|Value\|Best-fit\|Market" | head -3)" ]' \
    "the results are as they were"
hides list "Find: gorgias" "a second q leaves the results"
shows list "Replyline positioning workshop" "for the session list"

finish
