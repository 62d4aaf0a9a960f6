#!/bin/sh
# cli_chain.sh: `samesong check` and the "chain" of `report --json`: every
# break named, one line each, the exit status a script can test, the JSON
# shape, hostile text made safe, and nothing written; and a pitch section
# written before the decisions changed is marked so by show and the Markdown.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "cli_chain: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }

db="$WORK/c.db"

chain_files "$WORK"

# --- no database, no session, wrong arguments: the usual errors, nothing made ------------
run --db "$db" check broken; status 1 "check on no database"
stderr_is "samesong: check: no such database: $db"
check '[ ! -e "$db" ]' "check made no database"
"$SAMESONG" --db "$db" import "$WORK/broken.json" >/dev/null
"$SAMESONG" --db "$db" import "$WORK/mended.json" >/dev/null
"$SAMESONG" --db "$db" new "Empty" >/dev/null
run --db "$db" check nope; status 1 "an unknown session"; stderr_one_line
stderr_has "no session nope"
run --db "$db" check; status 2 "check without SESSION"; stderr_is "samesong: check: missing SESSION; see 'samesong check --help'"
run --db "$db" check broken mended; status 2 "check of two sessions"; stderr_one_line

# --- every break, one line each, and the count; exit 1 ----------------------------------
sum_before=$(cat "$db"* | sha256sum)
run --db "$db" check broken; status 1 "a broken chain exits 1"
cat >"$WORK/want" <<'TEXT'
capabilities  The capability "Macros" beats no named alternative.
value         The value theme "Answers in seconds" rests on "AI replies", a capability tagged roadmap, not today.
value         The value theme "Scale without hiring" has no capability behind it.
value         The value theme "Scale without hiring" has no proof.
value         The value theme "Happier agents" rests on "Macros", a capability tagged not planned, not today.
value         The value theme "Happier agents" has no proof.
customers     The customer trait "Teams of 5-50" is tied to no value theme.
category      The category "Help desk for e-commerce" is tied to no value theme.
8 breaks in the chain.
TEXT
check 'cmp -s "$WORK/want" "$OUT"' "check names the eight breaks worked out by hand: $(cat "$OUT")"
check '[ ! -s "$ERR" ]' "breaks are no error: nothing on standard error"
check '[ "$(cat "$db"* | sha256sum)" = "$sum_before" ]' "check wrote nothing"

run --db "$db" check mended; status 0 "a chain that holds exits 0"
stdout_is "The chain holds: no breaks."
run --db "$db" check empty; status 1 "a session with nothing decided"
stdout_has "alternatives  The alternatives step is not decided yet."
stdout_has "category      The category step is not decided yet."
stdout_has "5 breaks in the chain."

# --- --json: the same breaks for scripts ------------------------------------------------
run --db "$db" check broken --json; status 1 "--json exits 1 on breaks too"
stdout_has '{"session":"broken","count":8,"breaks":[{"kind":"no-alternative","step":"capabilities","item":"Macros","message":"The capability \"Macros\" beats no named alternative."},'
stdout_has '{"kind":"not-today","step":"value","item":"Answers in seconds","capability":"AI replies","tag":"roadmap","message":"The value theme \"Answers in seconds\" rests on \"AI replies\", a capability tagged roadmap, not today."}'
stdout_has '{"kind":"no-value","step":"category","item":"Help desk for e-commerce","message":"The category \"Help desk for e-commerce\" is tied to no value theme."}]}'
check '[ "$(grep -o "\"kind\":" "$OUT" | wc -l)" -eq 8 ]' "eight breaks in the JSON"
run --db "$db" check mended -j; status 0 "--json on a chain that holds"
stdout_is '{"session":"mended","count":0,"breaks":[]}'
run --db "$db" check empty --json; status 1 "--json, nothing decided"
stdout_has '{"kind":"undecided","step":"alternatives","item":null,"message":"The alternatives step is not decided yet."}'

# --- a capability nobody checked against the product: its answer was tagged, worded otherwise --
sed -e 's/"group": "Macros"/"group": "Macro suggestions"/' -e 's/"name": "Mended"/"name": "Untagged"/' \
    "$WORK/mended.json" >"$WORK/untagged.json"
"$SAMESONG" --db "$db" import "$WORK/untagged.json" >/dev/null
run --db "$db" check untagged; status 1 "an untagged capability behind a value theme breaks the chain"
stdout_is 'value         The value theme "Happier agents" rests on "Macros", a capability nobody has checked against the product: tag it today, roadmap or not planned.
1 break in the chain.'
run --db "$db" check untagged --json; status 1 "--json names it too"
stdout_is '{"session":"untagged","count":1,"breaks":[{"kind":"untagged","step":"value","item":"Happier agents","capability":"Macros","tag":null,"message":"The value theme \"Happier agents\" rests on \"Macros\", a capability nobody has checked against the product: tag it today, roadmap or not planned."}]}'
run --db "$db" report untagged --json; status 0 "report --json"
stdout_has ',"chain":[{"kind":"untagged","step":"value","item":"Happier agents","capability":"Macros","tag":null,'
# the item's own tag, in the session file, mends it
sed -e 's/"links": \[/"item_tags": [{"item": "macros", "tag": "today"}], &/' \
    -e 's/"name": "Untagged"/"name": "Item tagged"/' "$WORK/untagged.json" >"$WORK/item_tagged.json"
"$SAMESONG" --db "$db" import "$WORK/item_tagged.json" >/dev/null
run --db "$db" check item-tagged; status 0 "the item's own tag counts"

# --- report --json gains the chain; what it had stays as it was ---------------------------
run --db "$db" report broken --json; status 0 "report --json"
stdout_has '{"session":"broken","overall":'
stdout_has ',"chain":[{"kind":"no-alternative","step":"capabilities","item":"Macros",'
check '[ "$(grep -o "\"kind\":" "$OUT" | wc -l)" -eq 8 ]' "report's chain has the eight breaks"
run --db "$db" report broken --json --step customers; status 0 "report --json --step"
stdout_has '"chain":[{"kind":"no-value","step":"customers","item":"Teams of 5-50","message":"The customer trait \"Teams of 5-50\" is tied to no value theme."}]}'
run --db "$db" report mended --json; stdout_has '"chain":[]}'

# --- text put in the file behind samesong's back reaches the terminal made safe -----------
sqlite3 "$db" "UPDATE decisions SET text = 'Help desk' || char(27) || '[31m red'
               WHERE step = 'category' AND session_id = (SELECT id FROM sessions WHERE slug = 'broken')"
run --db "$db" check broken; status 1 "check of hostile text"
stdout_has 'category      The category "Help desk^[[31m red" is tied to no value theme.'
check '! grep -q "$(printf "\033")" "$OUT"' "no escape reaches the terminal"
run --db "$db" check broken --json
stdout_has '"item":"Help desk\u001b[31m red"'

# --- a read-only database file is enough ----------------------------------------------------
chmod a-w "$db"
run --db "$db" check mended; status 0 "check on a database that is not writable"
chmod u+w "$db"

# --- a pitch section written before the decisions changed: show and the Markdown say so ----
sed 's/"name": "Mended"/"name": "Pitched", "pitch": [{"section": "alternatives", "text": "Nobody beats us."}]/' \
    "$WORK/mended.json" >"$WORK/pitched.json"
run --db "$db" import "$WORK/pitched.json"; status 0 "a session with a written pitch section"
run --db "$db" show pitched
stdout_has "   Alternatives"
check '! grep -q "written before the decisions changed" "$OUT"' "written from the decisions as they are: not marked"
sqlite3 "$db" "UPDATE decisions SET text = '- Spreadsheets' || char(10) || '- Zendesk' || char(10) || '- Gorgias'
               WHERE step = 'alternatives' AND session_id = (SELECT id FROM sessions WHERE slug = 'pitched')"
run --db "$db" show pitched; status 0 "show"
stdout_has "   Alternatives  (written before the decisions changed)"
stdout_has "     Nobody beats us."
run --db "$db" export pitched --format md; status 0 "export --format md"
check 'grep -A2 -xF "### Alternatives" "$OUT" | grep -qxF "_(written before the decisions changed)_"' \
    "the Markdown marks the section under its heading, in the pitch screen's words"

finish
