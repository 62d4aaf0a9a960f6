#!/bin/sh
# cli_demo.sh: `samesong demo` puts two sessions in: the workshop under way and
# the same workshop finished (data/examples/demo-finished.json), as D on the
# session list does, whose chain
# holds, whose value vote reaches consensus over rounds, whose canvas carries
# the chain, proof and pitch, and which comes back unchanged through a file.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/demo.db"
fin=replyline-finished-canvas

# --- demo names both, and both are there -----------------------------------------------
run --db "$db" demo; status 0 "demo"
stdout_has "as session replyline-positioning-workshop: under way, only the alternatives decided."
stdout_has "it is there too, as session $fin."
stdout_has "samesong --db $db check $fin"
stdout_has "samesong --db $db export $fin --format md"
run --db "$db" list
check '[ "$(sed -n 2p "$OUT" | awk "{print \$2}")" = replyline-positioning-workshop ]' \
    "the workshop under way is listed first (newest), the one the screens open"
stdout_has "2  replyline-positioning-workshop  Replyline positioning workshop  "
stdout_has "1  $fin       Replyline positioning workshop, finished  Replyline  workshop  locked"
run --db "$db" demo; status 0 "demo again"
stdout_has "it was already there, as session $fin."

# --- the same team and the same answers as the workshop under way ------------------------
"$SAMESONG" --db "$db" export replyline-positioning-workshop -o "$WORK/under_way.json"
"$SAMESONG" --db "$db" export $fin -o "$WORK/finished.json"
for key in participants inputs; do
    a=$(grep -o "\"$key\":\[[^]]*\]" "$WORK/under_way.json")
    b=$(grep -o "\"$key\":\[[^]]*\]" "$WORK/finished.json")
    check '[ -n "$a" ] && [ "$a" = "$b" ]' "the finished workshop has the same $key"
done

# --- the chain holds, and it is locked and intact -----------------------------------------
run --db "$db" check $fin; status 0 "the finished workshop's chain holds"
stdout_is "The chain holds: no breaks."
run --db "$db" verify $fin; status 0 "verify the finished workshop"; stdout_has "intact  $fin  locked"
run --db "$db" add $fin "One more" --as Maya --step value; status 1 "a locked session takes no answer"
stderr_has "locked"

# --- the value vote reached consensus in its third round -----------------------------------
run --db "$db" report $fin --json --step value; status 0 "report --json on the value step"
stdout_has '"kendall_w":0.81'
stdout_has '"round":3,"rounds":[{"round":1,"current":false,'
stdout_has '"reading":{"verdict":"consensus","text":"Round 3: almost perfect agreement; consensus reached (W 0.81 >= 0.70)."}'
stdout_has '"chain":[]}'
run --db "$db" report $fin --step value
stdout_has "Round 3: W 0.81 (almost perfect), +0.63, the top three changed"

# --- the Markdown canvas has the chain, the proof, the why, the dissent and the pitch -------
run --db "$db" export $fin --format md; status 0 "export the finished canvas as Markdown"
stdout_has "- Status: locked on "
stdout_has "- Lock digest: \`sha256:"
stdout_has "- Priced per store, not per agent — beats: Hiring another support agent, Gorgias, Zendesk"
stdout_has "- Take on peak season without hiring — comes from: Order lookup inside every ticket, Refunds and order edits from the ticket, Priced per store, not per agent · proof: 2"
stdout_has "- A support team of 3 to 15 agents — cares about: Take on peak season without hiring, A help desk bill that stays flat when tickets spike"
stdout_has "- E-commerce help desk — makes obvious: Answer where-is-my-order questions in seconds, Take on peak season without hiring"
stdout_has "**Proof:**"
stdout_has "- A help desk bill that stays flat when tickets spike (number): Brands that moved from Gorgias paid 41% less"
stdout_has "**Champion:** Head of CX or support lead (why: Answers for first-response time"
stdout_has "**Positioning style:** Big fish in a small pond (why: Help desk is Zendesk's pond"
stdout_has "- Jonas: Leaving out 'turn support into revenue'"
check '[ "$(grep -c "^\*\*Why:\*\* " "$OUT")" -eq 5 ]' "a why under each of the five decisions"
for section in "Insight" "Alternatives" "Perfect world" "The product" "Value and proof" "Objections" "The ask"; do
    check 'grep -qx "### $section" "$OUT"' "the pitch has its section $section"
done
check '[ "$(sed -n "/^## Sales pitch/,/^## What each/p" "$OUT" | grep -c "^### ")" -eq 7 ]' \
    "the pitch has the seven sections and nothing more"
stdout_has "### Objections they hear"
stdout_has "- **Priya** (Sales)"
stdout_has "- **Carlos** (Customer success)"

# --- a file round trip gives back the same session ----------------------------------------
run --db "$WORK/again.db" import "$WORK/finished.json"; status 0 "import the exported finished workshop"
again=$(cat "$OUT")
"$SAMESONG" --db "$WORK/again.db" export "$again" -o "$WORK/again.json"
check 'cmp -s "$WORK/finished.json" "$WORK/again.json"' "import, export, import, export: the same file"
run --db "$WORK/again.db" check "$again"; status 0 "the chain still holds after the round trip"
run --db "$WORK/again.db" verify "$again"; status 0 "the digest the file carries is the one recomputed"

# --- a session of the user's own under the finished slug: demo changes nothing -----------
run --db "$WORK/mine.db" new "Mine" --slug $fin; status 0 "a user's own session"
run --db "$WORK/mine.db" demo; status 1 "demo does not take the finished slug for itself"
stderr_is "samesong: demo: session $fin is yours, not the demo; use another database with --db"
run --db "$WORK/mine.db" list --json
check '[ "$(grep -o "\"slug\"" "$OUT" | wc -l)" -eq 1 ]' "demo imported nothing when a slug is taken"

# --- a database with only the workshop under way (an older demo) gains the finished one ----
"$SAMESONG" --db "$WORK/old.db" import "$SAMESONG_DATA_DIR/examples/demo.json" \
    --slug replyline-positioning-workshop >/dev/null
run --db "$WORK/old.db" demo; status 0 "demo on an older demo's database"
stdout_has "The demo workshop was already in"
stdout_has "it is there too, as session $fin."
run --db "$WORK/old.db" check $fin; status 0 "the finished workshop is added"

# --- D on the session list brings both, as the command does (trial) -----------------------
drive 100 30 --db "$WORK/keys.db" <<'KEYS'
keys D
dump opened
keys q
dump list
keys D q
dump again
KEYS
shows opened "Replyline positioning workshop" "D opens the workshop under way"
shows list "2 sessions" "and brings the finished one too"
shows again "2 sessions" "D again brings no second copy"
run --db "$WORK/keys.db" list
stdout_has "1  $fin       Replyline positioning workshop, finished  Replyline  workshop  locked"
run --db "$WORK/keys.db" check $fin; status 0 "the finished workshop D brought, chain and all"
drive 100 30 --db "$WORK/mine.db" <<'KEYS'
keys D
dump refused
KEYS
shows refused "session $fin is yours, not the demo" "D says so when the slug is the user's"
run --db "$WORK/mine.db" list --json
check '[ "$(grep -o "\"slug\"" "$OUT" | wc -l)" -eq 1 ]' "and D imported nothing either"

finish
