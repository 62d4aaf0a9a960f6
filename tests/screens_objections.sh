#!/bin/sh
# screens_objections.sh: the objections each stakeholder hears (issue 12):
# O on the sales pitch asks for them as a step asks for answers: on the
# shared keyboard one person at a time, sales and customer success first,
# the others' hidden; from a joined terminal, each person's own, nobody
# else's until the reveal, and the projector shows only how many; r reveals
# them all by person, and the pitch's Objections section drafts from them.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/objections.db"
cat >"$WORK/obj.json" <<'JSON'
{"format": "samesong-session/1", "name": "Obj", "product": "Replyline",
 "participants": [{"name": "Ann", "role": "ceo"}, {"name": "Sue", "role": "success"},
                  {"name": "Tom", "role": "sales"}],
 "decisions": [{"step": "alternatives", "text": "Spreadsheets"}]}
JSON
"$SAMESONG" --db "$db" import "$WORK/obj.json" --slug obj >/dev/null
to_pitch="keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ]"

# --- the shared keyboard: one person at a time, the others' hidden ----------------------------
drive 100 30 --db "$db" open obj <<KEYS
$to_pitch
dump pitch
keys O
dump first
keys a
type Too expensive for a small team
keys Enter
type We already pay for Zendesk
keys Enter Enter
dump tom
keys Tab
dump sue-turn
keys a
type Migration takes months
keys Enter Enter
dump sue
keys Tab a
type Is it secure?
keys Enter Enter q
dump back
KEYS
shows pitch "O asks each person for the objections they hear." "the pitch's objections section asks for them"
shows pitch "O:objections" "and offers O"
shows first "Tom's objections, private until the reveal (a adds one)" "O opens on sales first"
dumped first | sed -n '/WHOSE TURN/,$p' | grep -oE '^  (Tom|Sue|Ann) ' | tr -d ' ' | tr '\n' ' ' >"$WORK/got"
check '[ "$(cat "$WORK/got")" = "Tom Sue Ann " ]' "sales, then success, then the others: $(cat "$WORK/got")"
shows tom "1. Too expensive for a small team" "Tom's first objection"
shows tom "2. We already pay for Zendesk" "and his second, one after the other"
shows sue-turn "Sue's objections, private until the reveal" "Tab passes the turn to Sue"
hides sue-turn "Too expensive" "Tom's objections are hidden on Sue's turn"
hides sue-turn "Zendesk" "all of them"
shows sue "1. Migration takes months" "Sue's own"
hides sue "Too expensive" "still not Tom's"
shows back "Nothing to draft from yet: O shows the objections given, r there reveals them." \
    "nothing is drafted before the reveal"
hides back "Migration takes months" "the pitch shows no objection before the reveal"

# --- the reveal: everyone's, by person, sales and success first; the draft follows -----------
drive 100 40 --db "$db" open obj <<'KEYS'
keys O r
dump revealed
keys q
dump pitch
keys G k e
dump field
KEYS
shows revealed "Everyone's objections, revealed, sales and success first" "r reveals at once when everyone gave one"
dumped revealed | sed -n '/revealed, sales/,$p' | sed 1d | grep -E '^  +[A-Z0-9]' | sed 's/^ *//' | head -7 >"$WORK/got"
printf '%s\n' "Sales" "1. Too expensive for a small team" "2. We already pay for Zendesk" \
    "Success" "1. Migration takes months" "CEO" "1. Is it secure?" >"$WORK/want"
check 'cmp -s "$WORK/want" "$WORK/got"' "by person, sales and success first: $(diff "$WORK/want" "$WORK/got")"
shows pitch "What buyers say, and our answer:" "the pitch's objections section drafts from them"
shows pitch "- We already pay for Zendesk" "each objection"
shows field " 6. Objections " "writing the section"
shows field "- Migration takes months" "starts from the objections revealed"
run --db "$db" export obj
stdout_has '"objections":[{"participant":"Ann","text":"Is it secure?"},{"participant":"Sue","text":"Migration takes months"},{"participant":"Tom","text":"Too expensive for a small team"},{"participant":"Tom","text":"We already pay for Zendesk"}]'
run --db "$db" export obj --format md
stdout_has "### Objections they hear"
stdout_has "- **Tom** (Sales)"
run --db "$db" show obj
stdout_has "Objections they hear"

# --- a reveal with someone missing asks first, naming them -----------------------------------
"$SAMESONG" --db "$db" import "$WORK/obj.json" --slug ask >/dev/null
drive 100 30 --db "$db" open ask <<KEYS
$to_pitch O a
type Too expensive
keys Enter Enter r
dump asked
keys n
dump kept
KEYS
shows asked "Sue and 1 other have given no objection; reveal anyway? (y/n)" "r names who gave none"
shows kept "Tom's objections, private until the reveal" "n reveals nothing"

# --- room mode: each person's own from their terminal; the projector counts ------------------
room_db "$db"
run --db "$db" invite room
drive 100 30 --db "$db" join room --as bob <<'KEYS'
keys O
dump bob
keys a
type Bob hears the price
keys Enter
dump bob-next
keys Enter
dump bob-added
KEYS
shows bob "Your objections, private until the facilitator reveals them (a adds one)" "O on a joined terminal"
hides bob "Tab:person" "no turns to pass there"
hides bob "r:reveal" "and no reveal"
shows bob-added "1. Bob hears the price" "Bob's own objection"
check 'bottom_line bob-next | grep -qF "Saved. Type the next one, or Enter on an empty line to stop."' \
    "after Enter, that the field is open for the next one, as for answers (trial)"
drive 100 30 --db "$db" join room --as cat <<'KEYS'
keys O a
type Cat hears migration
keys Enter Enter
dump cat
keys q
dump cat-back
KEYS
shows cat "1. Cat hears migration" "Cat's own"
hides cat "Bob hears the price" "Cat does not see Bob's before the reveal"
shows cat-back "You are Cat" "q goes back to the step"
drive 100 30 --db "$db" open room <<'KEYS'
keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ] O
dump projector
keys e
dump projector-e
keys r y
dump projector-revealed
KEYS
shows projector "Bob's objections, private until the reveal" "the projector opens on sales first"
hides projector "(a adds one)" "and adds none for someone with a terminal"
shows projector "Bob gives theirs from their own terminal: 1 so far." "the projector counts Bob's"
hides projector "Bob hears the price" "and does not show it"
shows projector-e "the projector shows no objections before the reveal" "e shows none"
shows projector-revealed "Bob hears the price" "after the reveal the projector shows them"
shows projector-revealed "Cat hears migration" "all of them"
drive 100 30 --db "$db" join room --as bob <<'KEYS'
keys O
dump bob-revealed
keys j e
dump bob-edit-other
KEYS
shows bob-revealed "Everyone's objections, revealed; you change only yours" "the terminal has them all once revealed"
shows bob-revealed "Cat hears migration" "Cat's too"
shows bob-edit-other "That is someone else's objection; you change only yours." "not Cat's to change"

finish
