#!/bin/sh
# screens_canvas_chain.sh: the canvas and `samesong show` carry the method, not
# only the five decisions (issue 12): under each decision its items with their
# links (a capability not there today marked), its why and its dissent (who:
# what), the champion on the customers step and the style on the category.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

cat >"$WORK/chain.json" <<'JSON'
{"format": "samesong-session/1", "name": "Chain",
 "participants": [{"name": "Lena", "role": "product"}],
 "inputs": [{"participant": "Lena", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Lena", "step": "capabilities", "text": "Order lookup"},
            {"participant": "Lena", "step": "value", "text": "Answers in seconds"},
            {"participant": "Lena", "step": "customers", "text": "Shopify brands"},
            {"participant": "Lena", "step": "category", "text": "Help desk"}],
 "decisions": [{"step": "alternatives", "text": "- Spreadsheets\n- Zendesk"},
               {"step": "capabilities", "text": "1. Order lookup\n2. AI replies\n3. Macros",
                "why": "Order lookup is what demos win"},
               {"step": "value", "text": "Answers in seconds\nScale without hiring"},
               {"step": "customers", "text": "Shopify brands\nTeams of 5-50"},
               {"step": "category", "text": "Help desk for e-commerce"}],
 "capability_tags": [{"group": "AI replies", "tag": "roadmap"}],
 "links": [{"step": "capabilities", "item": "Order lookup", "builds_on": "Spreadsheets"},
           {"step": "capabilities", "item": "Order lookup", "builds_on": "Zendesk"},
           {"step": "value", "item": "Answers in seconds", "builds_on": "Order lookup"},
           {"step": "customers", "item": "Teams of 5-50", "builds_on": "Answers in seconds"}],
 "proofs": [{"item": "Answers in seconds", "kind": "quote", "text": "Before the coffee is cold"},
            {"item": "Answers in seconds", "kind": "number", "text": "9 s median first reply"}],
 "dissent": [{"step": "capabilities", "who": "Tom", "what": "Macros are table stakes"}],
 "champion": "Head of support", "champion_why": "They answer the angry emails",
 "positioning_style": "head-to-head", "positioning_why": "Zendesk is the default"}
JSON
db="$WORK/chain.db"
"$SAMESONG" --db "$db" import "$WORK/chain.json" >/dev/null

# --- the canvas, at 80x24, scrolled to its end ------------------------------------------
{ echo "keys ] ] ] ] ] ] ] ] ] ] ] ] ] ] ] ]"; echo "dump top"; echo "keys G"; echo "dump end"; } |
    drive 80 24 --db "$db" open chain
shows top "Positioning canvas" "the walk ends on the canvas"
shows top "• Order lookup — beats: Spreadsheets, Zendesk" "a capability shows what it beats"
shows top "• AI replies (roadmap) — beats: none yet" "one on the roadmap is marked"
shows top "Why: Order lookup is what demos win" "the decision's why shows under it"
shows top "Dissent: Tom: Macros are table stakes" "and its dissent, who and what"
shows end "• Answers in seconds — comes from: Order lookup" "a value theme shows its capabilities"
shows end "· proof: 2" "and how much proof backs it"
shows end "• Teams of 5-50 — cares about: Answers in" "a customer trait shows what it cares about"
shows end "Champion: Head of support (why: They answer the" "the champion shows on the customers"
shows end "Style: Head to head (why: Zendesk is the" "the style shows on the category"

# --- samesong show -------------------------------------------------------------------------
run --db "$db" show chain; status 0 "show"
stdout_has "     - Order lookup — beats: Spreadsheets, Zendesk" "show lists each item's links"
stdout_has "     - AI replies (roadmap) — beats: none yet" "show marks a roadmap capability"
stdout_has "     - Answers in seconds — comes from: Order lookup · proof: 2" "show counts the proof"
stdout_has "   Why: Order lookup is what demos win" "show prints the why"
stdout_has "   Dissent: Tom: Macros are table stakes" "show prints the dissent"
stdout_has "   Champion: Head of support (why: They answer the angry emails)" "show prints the champion"
stdout_has "   Style: Head to head (why: Zendesk is the default)" "show prints the style"
finish
