#!/bin/sh
# cli_review.sh: a reviewer a quarter later, from the command line (issue 12):
# search finds every part of the method (a pitch section as written, a proof,
# a why, a dissent, the champion, the style, an objection once revealed) and
# verify checks those rows of a locked session's index; diff shows the chain
# item by item, the proof, why, dissent and style, and the pitch section by
# section, saying what changed.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "cli_review: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }

# stdout_lines TEXT: the output has TEXT's lines one after another (grep -F
# would take each line of TEXT on its own).
stdout_lines() {
    if tr '\n' '\001' <"$OUT" | grep -qF -- "$(printf '%s' "$1" | tr '\n' '\001')"; then ok
    else bad "stdout lacks the lines: $1"; fi
}

db="$WORK/review.db"
"$SAMESONG" --db "$db" demo >/dev/null # the finished demo is locked, with the whole method

# --- search: every part of the method, saying where it is -------------------------------
run --db "$db" search fernhill
status 0 "search for a word of a proof and a pitch section"
stdout_has "replyline-finished-canvas  pitch  value: ...10 s to 40 s. Take on peak season without hiring: «Fernhill» Outdoor"
stdout_has "replyline-finished-canvas  value  proof: «Fernhill» Outdoor took Black Friday 2024"
run --db "$db" search ticket export
stdout_is "replyline-finished-canvas  pitch  ask: Send us last month's «ticket» «export» and we will show you, on your own tickets, how many are about orders and how long..."
run --db "$db" search procurement
stdout_has "replyline-finished-canvas  customers  why: These brands bought fastest and churn least; enterprise retailers want custom workflows and a «procurement» cycle"
run --db "$db" search upsell
stdout_has "replyline-finished-canvas  value  dissent: Jonas: Leaving out 'turn support into revenue'"
run --db "$db" search jonas upsell # a name finds the dissent it says, as it finds answers
stdout_has "value  dissent: «Jonas»: Leaving out"
run --db "$db" search headcount
stdout_is "replyline-finished-canvas  customers  champion: Head of CX or support lead: Answers for first-response time and «headcount», feels every peak season first, and owns the help desk budget."
run --db "$db" search small pond
stdout_has "replyline-finished-canvas  category  style: Big fish in a «small» «pond»: Help desk is Zendesk's «pond»"
run --db "$db" search renewed
stdout_has "replyline-finished-canvas  objections  Priya: We just «renewed» Gorgias for a year."
stdout_has "replyline-finished-canvas  pitch  objections: \"We just «renewed» Gorgias.\""
run --db "$db" search carlos
stdout_has "replyline-finished-canvas  objections  Carlos: Our macros and two years of ticket history live in Gorgias."
stdout_has "replyline-finished-canvas  alternatives  Carlos: Shared Gmail inbox"

# --- objections stay private in room mode until the room reveals them, as answers do ------
sed -e 's/"locked": true/"locked": false/' -e 's/"name": "Replyline positioning workshop, finished"/"name": "Room"/' \
    "$SAMESONG_DATA_DIR/examples/demo-finished.json" >"$WORK/room.json"
"$SAMESONG" --db "$db" import "$WORK/room.json" >/dev/null
run --db "$db" search renewed
stdout_has "room  objections  Priya: We just «renewed» Gorgias for a year."
"$SAMESONG" --db "$db" invite room >/dev/null
run --db "$db" search renewed
check '! grep -q "^room  objections" "$OUT"' "no objection of a room that has not revealed them"
stdout_has "room  pitch  objections:" # the room's pitch is no one's private text
stdout_has "replyline-finished-canvas  objections  Priya" # nor is a locked session's
run --db "$db" search priya
check '! grep -q "^room  objections" "$OUT"' "not by the person's name either"
sqlite3 "$db" "INSERT INTO objections_revealed (session_id) SELECT id FROM sessions WHERE slug = 'room'"
run --db "$db" search renewed
stdout_has "room  objections  Priya: We just «renewed» Gorgias for a year."

# --- verify checks the method's rows of a locked session's index ------------------------
run --db "$db" verify replyline-finished-canvas
status 0 "the demo as locked"
sqlite3 "$db" "DELETE FROM search WHERE kind = 'pitch' AND session_id = (SELECT id FROM sessions WHERE slug = 'replyline-finished-canvas')"
run --db "$db" verify replyline-finished-canvas
status 1 "a pitch section taken out of a locked session's index"
stderr_is "samesong: verify: replyline-finished-canvas: 7 rows of the search index do not match the session; its text was changed by hand"
run --db "$db" search ticket export
check '! grep -q "^replyline-finished-canvas" "$OUT"' "and search no longer finds them (verify names it)"

# --- diff: the method and the pitch, saying what changed ---------------------------------
db="$WORK/quarters.db"
"$SAMESONG" --db "$db" demo >/dev/null
sed -e 's/"locked": true/"locked": false/' \
    -e 's/"name": "Replyline positioning workshop, finished"/"name": "Next quarter"/' \
    -e 's/"positioning_style": "big-fish"/"positioning_style": "head-to-head"/' \
    -e 's/with the same six agents and no temps\./with the same six agents and two temps./' \
    -e 's/for two weeks with two of your agents\./for a month with all of your agents./' \
    "$SAMESONG_DATA_DIR/examples/demo-finished.json" >"$WORK/next.json"
"$SAMESONG" --db "$db" import "$WORK/next.json" >/dev/null
sqlite3 "$db" "DELETE FROM decision_links WHERE session_id = 3 AND item LIKE 'Priced%' AND target = 'Zendesk';
    INSERT INTO dissents (session_id, step, who, what) VALUES (3, 'category', 'Tom', 'Head to head costs more than we have.')"
run --db "$db" diff replyline-finished-canvas next-quarter
status 0 "diff of a quarter and the next"
cat >"$WORK/want" <<'TEXT'
2. Differentiated capabilities: same; alignment 18.2% -> 18.2%
   1+2: Order lookup inside every ticket
        Refunds and order edits from the ticket
        Priced per store, not per agent
        Migrate from Gorgias in a day
   The chain: changed
     1+2: Order lookup inside every ticket — beats: Shared Gmail inbox and
          spreadsheets, Zendesk
     1+2: Refunds and order edits from the ticket — beats: Shared Gmail inbox
          and spreadsheets, Zendesk
     1: Priced per store, not per agent — beats: Hiring another support agent,
        Gorgias, Zendesk
     2: Priced per store, not per agent — beats: Hiring another support agent,
        Gorgias
     1+2: Migrate from Gorgias in a day — beats: Gorgias
   Why: same
TEXT
check 'sed -n "/^2\. Differentiated/,/^$/p" "$OUT" | sed "\$d" | diff "$WORK/want" - >&2' \
    "the chain item by item: a link gone shows on its item, the rest once"
stdout_has "   Proof: changed"
stdout_has "     1: Take on peak season without hiring (case): Fernhill Outdoor took Black"
stdout_has "        and no temps."
stdout_has "        and two temps."
stdout_lines "   Dissent: only in the second
     2: Tom: Head to head costs more than we have."
stdout_lines "   Positioning style: changed
     1: Big fish in a small pond (why: Help desk is Zendesk's pond; we lead"
stdout_has "     2: Head to head (why: Help desk is Zendesk's pond; we lead its e-commerce"
stdout_has "   Champion: same"
stdout_lines "Sales pitch: changed
   1. Insight: same"
stdout_lines "   7. The ask: changed
     1: Send us last month's ticket export and we will show you, on your own"
stdout_has "        run Replyline beside your inbox for a month with all of your agents."
check '! grep -q "Half the tickets an online brand gets" "$OUT"' "a section the same in both is not repeated"
stdout_lines "0 of 5 decisions differ.
The method around them differs at 3 of 5 steps.
1 of 7 pitch sections differ."

# the workshop under way against the finished one: the pitch only in the second, never a draft
run --db "$db" diff replyline-positioning-workshop replyline-finished-canvas
stdout_lines "Sales pitch: written only in the second
   1. Insight: written only in the second
     1: (not written)
     2: Half the tickets an online brand gets are about an order"
stdout_has "   Champion: only in the second"
check '! grep -q "Their champion" "$OUT"' "no draft of a section nobody wrote"
# two sessions without the method: nothing of it, one line for the pitch
"$SAMESONG" --db "$db" export replyline-positioning-workshop -o "$WORK/q3.json"
sed 's/"name": *"Replyline positioning workshop"/"name": "Again"/' "$WORK/q3.json" >"$WORK/again.json"
"$SAMESONG" --db "$db" import "$WORK/again.json" >/dev/null
run --db "$db" diff replyline-positioning-workshop again
stdout_has "Sales pitch: written in neither"
check '! grep -q "The chain\|Why:\|pitch sections differ\|The method around" "$OUT"' \
    "no method where neither session has any"

finish
