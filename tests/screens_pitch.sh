#!/bin/sh
# screens_pitch.sh: the sales pitch (issue 12): the narrative screen is the
# pitch in the method's order, each section a draft from the linked
# decisions until the room writes it; e writes the chosen section starting
# from its draft, d takes it back to the draft after asking; the canvas, the
# session file, the Markdown and `show` carry what was written; a narrative
# written before the pitch still shows and exports as it was.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/pitch.db"
chain_files "$WORK"
# The mended chain, with a product, a champion and a positioning style.
sed -e 's/"name": "Mended"/"name": "Pitch", "product": "Replyline", "champion": "Head of support",\
 "positioning_style": "head-to-head"/' "$WORK/mended.json" >"$WORK/pitch.json"
"$SAMESONG" --db "$db" import "$WORK/pitch.json" --slug pitch >/dev/null
# to the pitch: nobody answered, so y reveals each step anyway; it reopens there
drive 100 40 --db "$db" open pitch <<'KEYS'
keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ]
dump pitch
KEYS

# --- the seven sections in order, each a draft from the decisions -------------------------
shows pitch "Sales pitch" "the walk reaches the pitch after the last decision"
dumped pitch | grep -oE '[1-7]\. [A-Z][a-z ]+  \(draft\)' >"$WORK/got"
printf '%s\n' "1. Insight  (draft)" "2. Alternatives  (draft)" "3. Perfect world  (draft)" \
    "4. The product  (draft)" "5. Value and proof  (draft)" >"$WORK/want"
check 'cmp -s "$WORK/want" "$WORK/got"' "the sections in the method's order: $(diff "$WORK/want" "$WORK/got")"
shows pitch "▸ 1. Insight  (draft)" "the first is chosen"
shows pitch "Who feels it: Shopify brands and Teams of 5-50" "the insight drafts from the customers"
shows pitch "Their champion: the Head of support" "and the champion, named as a person"
shows pitch "- Zendesk: no AI replies or Macros" "each alternative with the capabilities that beat it"
shows pitch "Introducing Replyline: Help desk for e-commerce." "the product in its category"
shows pitch "Head to head: the one that beats Spreadsheets and Zendesk." "in its style"
shows pitch "- Answers in seconds, from Order lookup and AI replies" "value with its capabilities"
shows pitch "Proof (number): 9 s median first reply" "and its proof"
shows pitch "e writes it from there, d goes back to the" "the screen says how to write"
shows pitch "d:redraft" "and offers d"

# --- e writes the chosen section from its draft; Esc keeps nothing ----------------------
drive 100 40 --db "$db" open pitch <<'KEYS'
keys j j j e
dump field
keys End
type  Built for brands on Shopify.
keys C-d
dump saved
keys j e
type  Not saved.
keys Escape
dump cancelled
keys k k k k k k k d
dump draft-already
KEYS
shows field " 4. The product " "j j j chooses the fourth section; e opens its field"
shows field "Introducing Replyline: Help desk for e-commerce." "starting from its draft"
shows field "OUTLINE (the decisions)" "with the decisions beside it"
shows saved "The product saved." "Ctrl-D saves it"
shows saved "▸ 4. The product" "the section is written now"
hides saved "4. The product  (draft)" "and no longer a draft"
shows saved "Zendesk. Built for brands on Shopify." "its text as written"
shows cancelled "Cancelled; what was typed is not saved." "Esc cancels"
shows cancelled "5. Value and proof  (draft)" "the next section stays a draft"
shows draft-already "Insight is its draft already; e writes it." "d on a draft says so"
run --db "$db" export pitch
stdout_has '"pitch":[{"section":"product","text":"Introducing Replyline: Help desk for e-commerce.\nHead to head: the one that beats Spreadsheets and Zendesk. Built for brands on Shopify."}]'
check '! grep -q "\"section\":\"value\"" "$OUT"' "a draft is not written to the file"

# --- what was written: the canvas, Markdown, show -------------------------------------------
drive 100 60 --db "$db" open pitch <<'KEYS'
keys ]
dump canvas
KEYS
shows canvas "Sales pitch" "the canvas has the pitch"
shows canvas "The product" "its written section"
shows canvas "for brands on Shopify." "as written"
hides canvas "Perfect world" "and no draft"
run --db "$db" export pitch --format md
stdout_has "## Sales pitch"
stdout_has "### The product"
stdout_has "Head to head: the one that beats Spreadsheets and Zendesk. Built for brands on Shopify."
check '! grep -q "^### Insight" "$OUT"' "the Markdown has no draft"
run --db "$db" show pitch
stdout_has "Sales pitch"
stdout_has "   The product"

# --- d takes a written section back to its draft, after asking ----------------------------
drive 100 40 --db "$db" open pitch <<'KEYS'
keys [ j j j d
dump asked
keys n
dump kept
keys d y
dump redrafted
KEYS
shows asked "Forget what was written for The product and show its draft from the decisions again? (y/n)" \
    "d asks first"
shows kept "Built for brands on Shopify." "n keeps it"
shows redrafted "The product shows its draft from the decisions again." "y takes it back"
shows redrafted "4. The product  (draft)" "a draft again"
hides redrafted "Built for brands on Shopify." "what was written is gone"
run --db "$db" export pitch
check '! grep -q "\"pitch\"" "$OUT"' "nothing written: no pitch in the file"

# --- an earlier free-text narrative still shows, edits and exports as it was ---------------
sed 's/"name": "Pitch"/"name": "Older", "narrative": "Brands drown in tickets.\\nWe answer them."/' \
    "$WORK/pitch.json" >"$WORK/older.json"
"$SAMESONG" --db "$db" import "$WORK/older.json" --slug older >/dev/null
run --db "$db" export older -o "$WORK/older-out.json"
drive 100 40 --db "$db" open older <<'KEYS'
keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ] G
dump earlier
keys e
dump editing
keys Escape
KEYS
shows earlier "▸ Sales narrative, written before the pitch" "G reaches the earlier narrative"
shows earlier "Brands drown in tickets." "it still shows"
shows editing " Sales narrative, written before the pitch " "e edits it"
run --db "$db" export older
check 'grep -q "\"narrative\":\"Brands drown in tickets.\\\\nWe answer them.\"" "$OUT"' \
    "the earlier narrative exports unchanged"
check '! grep -q "\"pitch\"" "$OUT"' "and no pitch was made of it"
run --db "$db" export older --format md
stdout_has "## Sales narrative"
stdout_has "We answer them."

# --- a locked session: the pitch is read, not written ---------------------------------------
"$SAMESONG" --db "$db" import "$WORK/pitch.json" --slug locked >/dev/null
drive 100 40 --db "$db" open locked <<'KEYS'
keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ] e
type Brands drown.
keys C-d ] L y [
dump locked
keys e
dump e
keys d
dump d
KEYS
shows locked "Each section not written shows its draft from the decisions." "no invitation to write"
hides locked "d:redraft" "d is not offered"
shows e "This session is locked; it cannot be changed." "e is refused"
shows d "This session is locked; it cannot be changed." "d is refused"
shows d "Brands drown." "what was written before the lock shows"

# --- a written section whose decisions change since reads stale until written again ---------
"$SAMESONG" --db "$db" import "$WORK/pitch.json" --slug stale >/dev/null
drive 100 40 --db "$db" open stale <<'KEYS'
keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ] j e C-d
dump written
keys [ [ [ [ [ [ [ [ [ [ e C-u C-d
dump dropped
keys ] ] y ] ] ] y ] ] ] y ] ]
dump stale
keys ] L
dump lock
keys n [ j e End
type  And Macros.
keys C-d
dump rewritten
KEYS
shows written "▸ 2. Alternatives" "the alternatives are written from their draft"
hides written "written before the decisions changed" "and not stale"
shows dropped "2 links dropped (Macros)" "Macros leaves the capabilities decision"
shows stale "2. Alternatives  (written before the decisions changed: d redrafts, e edits)" \
    "the written alternatives are marked stale"
shows stale "- Zendesk: no AI replies or Macros" "they still name Macros"
hides stale "1. Insight  (written before" "a draft is never stale"
shows lock "The pitch's Alternatives section was written before the decisions changed." \
    "the lock question says the section is stale"
shows rewritten "And Macros." "e writes it again"
hides rewritten "written before the decisions changed" "which clears the mark"

# the canvas screen, the Markdown and show mark a stale section in the pitch screen's words
"$SAMESONG" --db "$db" import "$WORK/pitch.json" --slug stale-out >/dev/null
drive 100 40 --db "$db" open stale-out <<'KEYS'
keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ] j e C-d
keys [ [ [ [ [ [ [ [ [ [ e C-u C-d
keys ] ] y ] ] ] y ] ] ] y ] ] ]
keys G
dump canvas
KEYS
shows canvas "Alternatives  (written before the decisions changed)" "the canvas marks the stale section"
run --db "$db" export stale-out --format md
check 'grep -A2 -xF "### Alternatives" "$OUT" | grep -qxF "_(written before the decisions changed)_"' \
    "the Markdown marks the stale section under its heading"
run --db "$db" show stale-out
stdout_has "   Alternatives  (written before the decisions changed)"
for how in "export stale --format md" "show stale"; do # written again: no longer stale
    run --db "$db" $how
    check '! grep -q "written before the decisions changed" "$OUT"' "$how: a section written again is not marked"
done

# --- the outline at 80x24 ------------------------------------------------------------------
# at 80x24 the outline is a line a decision, its items kept apart as Builds on keeps them
drive 80 24 --db "$db" open pitch <<'KEYS'
keys e
dump narrow
KEYS
shows narrow "Spreadsheets · Zendesk" "the narrow outline keeps the alternatives apart"
shows narrow "Order lookup · AI replies · Macros" "and the capabilities"

finish
