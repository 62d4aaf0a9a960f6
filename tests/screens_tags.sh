#!/bin/sh
# screens_tags.sh: tags on the capabilities decision's items (issue 12): the
# decide screen names the capabilities nobody has tagged, t asks about each
# item in turn once there is a decision, a tag follows its item through an
# edit in another case and goes with it, said on the message line; the chain
# check names a value theme resting on an untagged capability.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

# A workshop of one who answered every step (so ] reveals at once), every
# step decided; the product person tagged the answer "AI auto-replies" on
# the reveal, but the room wrote the capability as "AI replies".
cat >"$WORK/tags.json" <<'JSON'
{"format": "samesong-session/1", "name": "Tags",
 "participants": [{"name": "Lena", "role": "product"}],
 "inputs": [{"participant": "Lena", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Lena", "step": "capabilities", "text": "AI auto-replies"},
            {"participant": "Lena", "step": "value", "text": "Answers in seconds"},
            {"participant": "Lena", "step": "customers", "text": "Shopify brands"},
            {"participant": "Lena", "step": "category", "text": "Help desk"}],
 "decisions": [{"step": "alternatives", "text": "- Spreadsheets\n- Zendesk"},
               {"step": "capabilities", "text": "1. Order lookup\n2. AI replies\n3. Macros"},
               {"step": "value", "text": "Answers in seconds"},
               {"step": "customers", "text": "Shopify brands"},
               {"step": "category", "text": "Help desk"}],
 "capability_tags": [{"group": "AI auto-replies", "tag": "roadmap"}],
 "links": [{"step": "capabilities", "item": "Order lookup", "builds_on": "Spreadsheets"},
           {"step": "capabilities", "item": "AI replies", "builds_on": "Zendesk"},
           {"step": "capabilities", "item": "Macros", "builds_on": "Zendesk"},
           {"step": "value", "item": "Answers in seconds", "builds_on": "AI replies"},
           {"step": "customers", "item": "Shopify brands", "builds_on": "Answers in seconds"},
           {"step": "category", "item": "Help desk", "builds_on": "Answers in seconds"}],
 "proofs": [{"item": "Answers in seconds", "kind": "number", "text": "9 s median first reply"}]}
JSON
n=0
fresh() {
    n=$((n + 1))
    db="$WORK/tags$n.db"
    "$SAMESONG" --db "$db" import "$WORK/tags.json" >/dev/null
}
saved() {
    "$SAMESONG" --db "$db" export tags >"$WORK/file.json"
    if grep -qF -- "$1" "$WORK/file.json"; then ok; else bad "$2: the file lacks $1"; fi
}
unsaved() {
    "$SAMESONG" --db "$db" export tags >"$WORK/file.json"
    if grep -qF -- "$1" "$WORK/file.json"; then bad "$2: the file has $1"; else ok; fi
}
to_decide() { printf 'keys'; for _ in $(seq $((3 * $1 - 1))); do printf ' ]'; done; echo; }

# --- the group's tag did not reach the item worded otherwise: the chain check says so ----
fresh
run --db "$db" check tags; status 1 "the chain breaks where nobody tagged the capability"
stdout_is 'value         The value theme "Answers in seconds" rests on "AI replies", a capability nobody has checked against the product: tag it today, roadmap or not planned.
1 break in the chain.'

# --- t asks about each item of the decision in turn ------------------------------------------
{ to_decide 2; echo "dump untagged"; echo "keys t"; echo "dump first"; echo "type 1";
  echo "keys Enter"; echo "dump second"; echo "type x"; echo "keys Enter"; echo "dump again";
  echo "type road"; echo "keys Enter"; echo "dump third"; echo "keys Enter"; echo "dump done"; } |
    drive 100 30 --db "$db" open tags
shows untagged "Untagged: Order lookup · AI replies · Macros (t tags them today, roadmap or not planned)" \
    "the decide screen names the capabilities nobody has tagged"
shows first '"Order lookup" (1 of 3): 1 today  2 roadmap  3 not planned (Enter leaves it untagged)' \
    "t asks about the first item"
shows second '"AI replies" (2 of 3): 1 today  2 roadmap  3 not planned (Enter leaves it untagged)' \
    "then the next"
shows again 'Type 1, 2 or 3: "AI replies" (2 of 3)' "what is not a tag is asked again"
shows third '"Macros" (3 of 3)' "the start of a tag's name is enough"
shows done "Still untagged: Macros. The chain check names any a value theme rests on." \
    "after the last, what is still untagged"
shows done "• AI replies (roadmap) — beats: Zendesk" "the item shows its tag"
shows done "Untagged: Macros" "and only Macros is untagged now"
saved '"item_tags":[{"item":"AI replies","tag":"roadmap"},{"item":"Order lookup","tag":"today"}]' \
    "the tags are saved with the items they tag"
run --db "$db" check tags --json; status 1 "the chain now breaks on a roadmap capability"
stdout_has '"kind":"not-today","step":"value","item":"Answers in seconds","capability":"AI replies","tag":"roadmap"'

# --- an edit in another case keeps the tag; an edit that drops the item says so ---------------
# (the session reopens where it was left: the capabilities' decide screen)
{ echo "keys e Up C-e C-u"; echo "type 2. ai REPLIES."; echo "keys C-d";
  echo "dump kept"; } | drive 100 30 --db "$db" open tags
shows kept "Decided. ] goes on." "the item in another case drops nothing"
shows kept "• ai REPLIES. (roadmap) — beats: Zendesk" "and keeps its tag"
saved '{"item":"ai REPLIES.","tag":"roadmap"}' "the tag follows the item's new text"
{ echo "keys e Up C-e C-u C-d"; echo "dump dropped"; } |
    drive 100 30 --db "$db" open tags
shows dropped "Decided. 2 links and 1 tag dropped (ai REPLIES.): no longer in the decision." \
    "the message line names the tag the edit dropped"
unsaved '"item":"ai REPLIES."' "the tag is gone from the file"
saved '"item_tags":[{"item":"Order lookup","tag":"today"}]' "the other tags stay"

# --- a reviewer sees what is untagged, and is not invited to tag ------------------------------
fresh
{ echo "keys Enter [ [ [ [ [ [ [ [ [ [ ["; echo "dump read"; echo "keys t"; echo "dump no"; } |
    drive 100 30 --db "$db" browse
shows read "Untagged: Order lookup · AI replies · Macros" "read-only, the untagged still show"
shows read "Decide 2 of 5: Differentiated capabilities" "browse reaches the capabilities' decision"
hides read "t tags them" "but t is not offered"
hides no "(1 of 3)" "and t asks nothing"

finish
