#!/bin/sh
# screens_links.sh: making the positioning chain on the screens (issue 12): the
# decide screen shows a decision as its items with their links, l opens its
# links (Space links or unlinks, the value step's proof added and deleted),
# w, D and d keep the why and the dissent, c the champion and s the style;
# an edit that drops links says so; a reviewer reads it all and changes none.
# At 80x24 throughout; what is saved is checked in the exported session file.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

# A workshop of one who answered every step (so ] reveals at once), every
# step decided, and some of the chain made.
cat >"$WORK/chain.json" <<'JSON'
{"format": "samesong-session/1", "name": "Chain",
 "participants": [{"name": "Lena", "role": "product"}],
 "inputs": [{"participant": "Lena", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Lena", "step": "capabilities", "text": "Lena's own words"},
            {"participant": "Lena", "step": "value", "text": "Answers in seconds"},
            {"participant": "Lena", "step": "customers", "text": "Shopify brands"},
            {"participant": "Lena", "step": "category", "text": "Help desk"}],
 "decisions": [{"step": "alternatives", "text": "- Spreadsheets\n- Zendesk"},
               {"step": "capabilities", "text": "1. Order lookup\n2. AI replies\n3. Macros"},
               {"step": "value", "text": "Answers in seconds\nScale without hiring"},
               {"step": "customers", "text": "Shopify brands\nTeams of 5-50"},
               {"step": "category", "text": "Help desk for e-commerce"}],
 "capability_tags": [{"group": "AI replies", "tag": "roadmap"}],
 "links": [{"step": "capabilities", "item": "Order lookup", "builds_on": "Spreadsheets"},
           {"step": "capabilities", "item": "Order lookup", "builds_on": "Zendesk"},
           {"step": "value", "item": "Answers in seconds", "builds_on": "Order lookup"}],
 "proofs": [{"item": "Answers in seconds", "kind": "number", "text": "9 s median first reply"}]}
JSON
n=0
# fresh: the chain in a new database, $db
fresh() {
    n=$((n + 1))
    db="$WORK/chain$n.db"
    "$SAMESONG" --db "$db" import "$WORK/chain.json" >/dev/null
}
# saved FRAGMENT WHAT / unsaved FRAGMENT WHAT: the session file has it, or not.
saved() {
    "$SAMESONG" --db "$db" export chain >"$WORK/file.json"
    if grep -qF -- "$1" "$WORK/file.json"; then ok; else bad "$2: the file lacks $1"; fi
}
unsaved() {
    "$SAMESONG" --db "$db" export chain >"$WORK/file.json"
    if grep -qF -- "$1" "$WORK/file.json"; then bad "$2: the file has $1"; else ok; fi
}
# The walk from the first step to a step's decide screen: three places a step.
to_decide() { printf 'keys'; for _ in $(seq $((3 * $1 - 1))); do printf ' ]'; done; echo; }

# --- the decide screen shows the items and their links ----------------------------------
fresh
{ to_decide 2; echo "dump capabilities"; echo "keys ] ] ]"; echo "dump value"; } |
    drive 80 24 --db "$db" open chain
shows capabilities "• Order lookup — beats: Spreadsheets, Zendesk" "a capability shows what it beats"
shows capabilities "• AI replies (roadmap) — beats: none yet" \
    "and one that beats nothing says so, and one on the roadmap is marked as on the links screen"
shows capabilities "(e writes it, l links it)" "the decision invites its links"
shows capabilities "l:links" "l is on the bottom line"
shows value "• Answers in seconds — comes from: Order lookup · proof: 1" \
    "a value theme shows the capabilities behind it and its proof"
shows value "• Scale without hiring — comes from: none yet · no proof yet" "or that it has none"

# --- linking and unlinking on the links screen --------------------------------------------
fresh
{ to_decide 2; echo "keys l"; echo "dump links"; echo "keys j Tab j Space"; echo "dump linked"
  echo "keys Space"; echo "dump unlinked"; echo "keys Left j Space"; echo "dump macros"
  echo "keys q"; echo "dump back"; } | drive 80 24 --db "$db" open chain
shows links "Links 2 of 5: Differentiated capabilities" "l opens the links of the step"
shows links "Which alternatives does each capability beat?" "which asks what they are for"
shows links "\"Order lookup\" beats:" "the right column is what the selected item beats"
check 'dumped links | grep -q "› Order lookup  *2 │ › \[x\] Spreadsheets"' \
    "the first item shows its two links, and the first alternative marked"
shows links "[x] Zendesk" "both alternatives it beats are marked"
shows linked "\"AI replies\" beats \"Zendesk\"." "Space links the two selected items, and says so"
check 'dumped linked | grep -q "› AI replies  *1 │ › \[x\] Zendesk"' "the link shows at once"
shows unlinked "\"AI replies\" no longer beats \"Zendesk\"." "Space again unlinks them"
shows macros "\"Macros\" beats \"Zendesk\"." "from the left column Space links to the right's selection"
shows back "• Macros — beats: Zendesk" "the decide screen shows the new link"
saved '{"step":"capabilities","item":"Macros","builds_on":"Zendesk"}' "the link is saved"
unsaved '"item":"AI replies","builds_on":"Zendesk"' "the unlinked one is not"
saved '{"step":"capabilities","item":"Order lookup","builds_on":"Spreadsheets"}' \
    "the links made before are kept"

# --- proof on the value step ---------------------------------------------------------------
fresh
{ to_decide 3; echo "keys l"; echo "dump value"; echo "keys a"; echo "dump kind"
  echo "keys 7 Enter"; echo "dump again"; echo "keys BSpace"; echo "type quote"
  echo "keys Enter"; echo "dump text"; echo "type We answer before the coffee is cold"
  echo "keys Enter"; echo "dump added"
  echo "keys a 3 Enter"; echo "type Acme cut replies from 4 h to 9 s"; echo "keys Enter"; } |
    drive 80 24 --db "$db" open chain
shows value "\"Answers in seconds\" comes from:" "the value step's links"
shows value "[ ] AI replies (roadmap)" "a capability that is not there today says so"
shows value "Proof of \"Answers in seconds\" (a adds, d deletes):" "the selected theme's proof"
shows value "number   9 s median first reply" "is listed with its kind"
shows kind "Proof: 1 a customer's words (quote)  2 a number  3 a case:" "a asks the kind first"
shows again "Type 1, 2 or 3" "a kind that is none is asked again"
shows text "The quote:" "then the proof itself"
shows added "quote    We answer before the coffee is cold" "the proof is listed"
shows added "Added a quote to \"Answers in seconds\"." "and the message says so"
saved '{"item":"Answers in seconds","kind":"quote","text":"We answer before the coffee is cold"}' \
    "the quote is saved"
# the links screen reopens on the first theme, the one with the proof
{ echo "keys l d"; echo "dump ask1"; echo "keys n"; echo "dump ask2"; echo "keys y"
  echo "dump deleted"; echo "keys j d"; echo "dump none"; } | drive 80 24 --db "$db" open chain
shows ask1 "Delete proof 1 of 3, the number \"9 s median first reply\"? (y/n; n: the next)" \
    "d asks about each proof in turn"
shows ask2 "Delete proof 2 of 3, the quote \"We answer before the co…\"?" "n asks about the next"
shows deleted "Deleted the quote." "y deletes that one"
unsaved '"kind":"quote"' "the quote is gone from the file"
saved '"kind":"number","text":"9 s median first reply"' "the one passed over is kept"
saved '"kind":"case","text":"Acme cut replies from 4 h to 9 s"' "and so is the case"
shows none "No proof for \"Scale without hiring\" yet: a adds one." "d with no proof says so"

# --- the why and the dissent ------------------------------------------------------------
fresh
{ to_decide 2; echo "dump before"; echo "keys w"; echo "type Order lookup is what demos win"
  echo "keys Enter D"; echo "type Tom"; echo "keys Enter"; echo "dump what"
  echo "type Macros are table stakes"; echo "keys Enter D"; echo "type Ana"; echo "keys Enter"
  echo "type AI replies are roadmap"; echo "keys Enter"; echo "dump noted"; } |
    drive 80 24 --db "$db" open chain
shows before "Why: not said yet (w writes it; D notes a dissent)" "an undecided why is invited"
shows what "What does Tom say?" "D asks who, then what they say"
shows noted "Why: Order lookup is what demos win" "the why shows under the decision"
shows noted "Dissent (2): Tom: Macros are table stakes · Ana: AI replies are roadmap" \
    "and every dissent, who and what, counted"
saved '{"step":"capabilities","text":"1. Order lookup\n2. AI replies\n3. Macros","why":"Order lookup is what demos win"}' \
    "the why is saved with the decision"
saved '"who":"Tom","what":"Macros are table stakes"' "the dissent is saved"
{ echo "keys d"; echo "dump ask1"; echo "keys n"; echo "dump ask2"; echo "keys y"
  echo "dump deleted"; echo "keys w C-u Enter"; echo "dump cleared"; } |
    drive 80 24 --db "$db" open chain
shows ask1 "Delete dissent 1 of 2, Tom: \"Macros are table stakes\"? (y/n; n: the next)" \
    "d asks about each dissent in turn"
shows ask2 "Delete dissent 2 of 2, Ana: \"AI replies are roadmap\"? (y/n)" "n goes on to the next"
shows deleted "Deleted the dissent of Ana." "y deletes it"
unsaved '"who":"Ana"' "Ana's dissent is gone from the file"
saved '"who":"Tom"' "Tom's is kept"
shows deleted "Dissent: Tom: Macros are table stakes" "and shows alone"
shows cleared "The why is cleared." "an empty why clears it"
unsaved '"why":' "and the file has no why"

# --- the champion and the style ----------------------------------------------------------
fresh
{ to_decide 4; echo "dump customers"; echo "keys c"; echo "type Head of CX"; echo "keys Enter"
  echo "dump why"; echo "type They own the backlog"; echo "keys Enter"; echo "dump champion"
  echo "keys ] ] ]"; echo "dump category"; echo "keys s"; echo "dump style"; echo "keys 5 Enter"
  echo "dump again"; echo "keys BSpace 2 Enter"; echo "dump reason"; echo "type We win the niche"
  echo "keys Enter"; echo "dump chosen"; } | drive 80 24 --db "$db" open chain
shows customers "Champion: not named yet (c names one)" "the customers step invites a champion"
shows customers "• Shopify brands — cares about: none yet" "a customer trait shows what it cares about"
shows why "Why does the Head of CX care? One line:" "c asks the role, then why they care"
shows champion "Champion: Head of CX — They own the backlog" "the champion shows under the decision"
saved '"champion":"Head of CX","champion_why":"They own the backlog"' "the champion is saved"
shows category "Style: not chosen yet (s chooses one)" "the category step invites a style"
hides category "Champion:" "the champion stays on the customers step"
shows style "1 head to head  2 big fish, small pond  3 new category (empty: none):" \
    "s offers the three styles"
shows again "Type 1, 2 or 3" "a style that is none is asked again"
shows reason "Why \"Big fish in a small pond\"? One line:" "then why"
shows chosen "Style: Big fish in a small pond — We win the niche" "the style shows under the decision"
saved '"positioning_style":"big-fish","positioning_why":"We win the niche"' "the style is saved"
{ echo "keys s C-u Enter"; echo "dump none"; } | drive 80 24 --db "$db" open chain
shows none "No style chosen now." "an empty style clears it"
unsaved '"positioning_style"' "and the file has none"

# --- an edit that drops linked items says so ------------------------------------------------
fresh
{ to_decide 2; echo "keys e Up Up C-e C-u C-d"; echo "dump dropped"; } |
    drive 80 24 --db "$db" open chain
shows dropped "Decided. 3 links dropped (Order lookup): no longer in the decision." \
    "the message line names the links the edit dropped"
unsaved '"item":"Order lookup"' "they are gone from the file"
unsaved '"builds_on":"Order lookup"' "the link to it too"
# a message wider than 80 columns takes the line above the bottom one: read whole
fresh
{ to_decide 3; echo "keys e Up C-e C-u C-d"; echo "dump wide"; } | drive 80 24 --db "$db" open chain
check 'dumped wide | tail -n 2 | sed "s/^ *//; s/ *\$//" | tr "\n" " " |
    grep -qF "Decided. 1 link and 1 proof dropped (Answers in seconds): no longer in the decision."' \
    "the whole message shows over two lines at 80 columns: $(dumped wide | tail -n 2)"
{ echo "keys e C-d"; echo "dump kept"; } | drive 80 24 --db "$db" open chain
shows kept "Decided. ] goes on." "an edit that drops nothing says nothing of links"

# --- a step that builds on one not decided yet ---------------------------------------------
cat >"$WORK/open.json" <<'JSON'
{"format": "samesong-session/1", "name": "Open",
 "participants": [{"name": "Lena", "role": "product"}],
 "inputs": [{"participant": "Lena", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Lena", "step": "capabilities", "text": "Order lookup"}],
 "decisions": [{"step": "capabilities", "text": "Order lookup"}]}
JSON
"$SAMESONG" --db "$WORK/open.db" import "$WORK/open.json" >/dev/null
{ to_decide 2; echo "keys l"; echo "dump undecided"; echo "keys Enter"; echo "dump there"
  } | drive 80 24 --db "$WORK/open.db" open open
shows undecided "Nothing to link to yet: the Competitive alternatives step, which this one" \
    "the links say plainly that the step it builds on is not decided"
shows undecided "Enter goes to its decide screen." "and offer the way there"
shows there "Decide 1 of 5: Competitive alternatives" "Enter goes there"

# --- room mode: the projector's chain shows decisions, never an answer not revealed ----------
fresh
to_decide 2 | drive 80 24 --db "$db" open chain
"$SAMESONG" --db "$db" invite chain >/dev/null
{ echo "dump decide"; echo "keys l"; echo "dump links"; } | drive 80 24 --db "$db" open chain
shows decide "What was said shows once the step is revealed (r)." "in room mode the step is not revealed"
shows decide "• Order lookup — beats: Spreadsheets, Zendesk" "the decision shows its links"
hides decide "Lena's own words" "and no answer"
shows links "[x] Zendesk" "the links screen shows the links"
hides links "Lena's own words" "and no answer either"

# --- a reviewer reads the chain, and changes nothing -------------------------------------
fresh
sum_before=$(cksum <"$db")
{ echo "keys Enter [ [ [ [ [ [ [ ["; echo "dump decide"; echo "keys l"; echo "dump links"
  echo "keys Tab j"; echo "dump moved"; } | drive 80 24 --db "$db" browse
shows decide "Decide 3 of 5: Value themes" "browse reaches the value step's decision"
shows decide "The room's decision (l shows its links):" "which invites reading its links"
shows decide "• Answers in seconds — comes from: Order lookup · proof: 1" "and shows them"
hides decide "w writes it" "no why is invited"
shows links "› [x] Order lookup" "l shows the links read-only"
shows links "Proof of \"Answers in seconds\":" "and the proof"
hides links "a adds" "with no invitation to add"
check '! bottom_line links | grep -qE "Space:link|a:add|d:delete"' \
    "the bottom line offers no link, no proof to add or delete"
shows moved "› [ ] AI replies (roadmap)" "Tab and j move on the right"
check '[ "$(cksum <"$db")" = "$sum_before" ]' "reading the chain changed nothing in the file"

finish
