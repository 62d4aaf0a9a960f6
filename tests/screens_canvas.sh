#!/bin/sh
# screens_canvas.sh: the canvas and what leaves the room (issue 10, items 5-7):
# the Markdown canvas comes first with each decision's lines as a list, long
# screens scroll and show what they cut, later steps show what they build on.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

# A session with every kind of decision: two lines, numbered lines, one line,
# bullets with a blank line between, and text that tries to be Markdown.
cat >"$WORK/canvas.json" <<'JSON'
{"format": "samesong-session/1", "name": "Canvas", "mode": "workshop",
 "participants": [{"name": "Ana", "role": "ceo"}, {"name": "Ben", "role": "sales"}],
 "inputs": [{"participant": "Ana", "step": "value", "text": "Save time"},
            {"participant": "Ana", "step": "value", "text": "Sell more"},
            {"participant": "Ben", "step": "value", "text": "Sell more"}],
 "votes": [{"participant": "Ana", "step": "value", "ranking": ["Sell more", "Save time"]},
           {"participant": "Ben", "step": "value", "ranking": ["Sell more"]}],
 "capability_tags": [{"group": "Order lookup", "tag": "today"},
                     {"group": "Macros", "tag": "roadmap"}],
 "decisions": [{"step": "alternatives",
                "text": "Spreadsheets and email\nGorgias, for brands that outgrew a shared inbox"},
               {"step": "capabilities", "text": "1. Order lookup\n2. Priced per store"},
               {"step": "value", "text": "Save two hours a day"},
               {"step": "customers", "text": "- Shopify brands\n\n- 5 to 50 agents"},
               {"step": "category", "text": "# Help desk <b>hi</b>\n---\n2020. A year"}],
 "narrative": "First paragraph.\n===\n    <script>x</script> & more"}
JSON
db="$WORK/canvas.db"
"$SAMESONG" --db "$db" import "$WORK/canvas.json" >/dev/null

# --- item 5: the Markdown canvas --------------------------------------------------------
run --db "$db" export canvas --format md -o "$WORK/canvas.md"; status 0 "export md"
md="$WORK/canvas.md"
# has_lines WHAT LINE...: these lines follow each other in the Markdown.
has_lines() {
    what=$1
    shift
    printf '%s\n' "$@" >"$WORK/want"
    if grep -qF -x -f "$WORK/want" "$md" &&
        awk -v want="$(cat "$WORK/want")" 'BEGIN { RS = "\001" } index($0, want "\n") { f = 1 }
                                           END { exit !f }' "$md"; then ok
    else bad "$what: the Markdown lacks the lines: $*"; fi
}
line_of() { grep -n -x -F -- "$1" "$md" | head -n 1 | cut -d: -f1; }
has_lines "two lines become a bulleted list" "**Decision:**" "" "- Spreadsheets and email" \
    "- Gorgias, for brands that outgrew a shared inbox" ""
has_lines "numbered lines stay an ordered list" "**Decision:**" "" "1. Order lookup" \
    "2. Priced per store" ""
has_lines "one line stays a paragraph" "**Decision:** Save two hours a day" ""
has_lines "bullets typed by the room stay one list, blank lines dropped" "- Shopify brands" \
    "- 5 to 50 agents" ""
has_lines "a heading, HTML and a rule in a decision are text" "- \\# Help desk \\<b\\>hi\\</b\\>" \
    "- \\---" "- 2020\\. A year"
has_lines "the narrative cannot make a heading or a code block" "First paragraph." "\\===" \
    "\\<script\\>x\\</script\\> \\& more"
has_lines "the capability tags" "**Capability tags:**" "" "- Macros: roadmap" "- Order lookup: today"
has_lines "the vote results, the room's order as a list" \
    "**Vote:** 2 rankings of 2 groups; agreement (Kendall's W) 1.00; top three: not everyone agrees (50.0% of rankings match it)." \
    "" "1. Sell more (rank sum 2)" "2. Save time (rank sum 4)"
check '[ "$(line_of "## 5. Market category")" -lt "$(line_of "## Sales narrative")" ]' \
    "the five decisions come before the narrative"
check '[ "$(line_of "## Sales narrative")" -lt "$(line_of "## What each participant said")" ]' \
    "the canvas (decisions, narrative) comes before the answers"
check '[ "$(line_of "## What each participant said")" -lt "$(line_of "### 3. Value themes")" ]' \
    "the answers are grouped by step under it"
# A CommonMark renderer agrees, when there is one (apt-get install cmark).
if command -v cmark >/dev/null 2>&1; then
    cmark "$md" >"$WORK/canvas.html"
    html_has() { if grep -qF -- "$1" "$WORK/canvas.html"; then ok; else bad "cmark: $2"; fi; }
    html_lacks() { if grep -qF -- "$1" "$WORK/canvas.html"; then bad "cmark: $2"; else ok; fi; }
    html_has "<li>Spreadsheets and email</li>" "two decision lines are list items"
    html_has "<ol>
<li>Order lookup</li>" "numbered lines are an ordered list"
    html_has "<li># Help desk &lt;b&gt;hi&lt;/b&gt;</li>" "a heading in a decision is text"
    html_lacks "<script>" "no HTML gets through"
    html_lacks "<h1>Help" "no heading from a decision"
    html_lacks "<hr" "no rule from a decision"
    html_lacks "<pre>" "no code block from the narrative"
    check '[ "$(grep -c "^<h1>" "$WORK/canvas.html")" -eq 1 ]' "cmark: one title, no setext heading"
else
    echo "SKIP: cmark is not installed; the exact lines above are checked instead"
fi

finish
