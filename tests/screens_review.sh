#!/bin/sh
# screens_review.sh: a reviewer a quarter later, on the screens (issue 12):
# find says where each part of the method was found (a pitch section, a
# proof, a why, a dissent, the champion, the style, whose objection) and Enter
# opens it there; compare shows the method around each decision and the pitch
# section by section, the changed lines side by side.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"
command -v sqlite3 >/dev/null || { echo "screens_review: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }

db="$WORK/review.db"
"$SAMESONG" --db "$db" demo >/dev/null

# --- find: the method's texts, where each is -------------------------------------------
drive 140 30 --db "$db" browse <<'KEYS'
keys f
type fernhill
keys Enter
dump proof
keys f C-u
type procurement
keys Enter
dump why
keys f C-u
type headcount
keys Enter
dump champion
keys f C-u
type upsell
keys Enter
dump dissent
keys f C-u
type pond
keys Enter
dump style
keys f C-u
type renewed
keys Enter
dump objection
KEYS
shows proof "Pitch: Value and proof" "a pitch section found says which"
shows proof "Proof: Value themes" "a proof found says it is one, of the value step"
shows proof "Fernhill Outdoor took Black Friday 2024" "with its words"
shows why "Why: Best-fit customers" "a decision's why"
shows champion "Champion: Best-fit customers" "the champion"
shows champion "Head of CX or support lead: Answers for first-response time" "with why they care"
shows dissent "Dissent: Value themes" "a dissent"
shows dissent "Jonas: Leaving out 'turn support into revenue'" "with who says it"
shows style "Positioning style: Market category" "the positioning style"
shows style "Big fish in a small pond: Help desk is Zendesk's pond" "by its name, with its why"
shows objection "Priya: Objections heard" "an objection says whose"
shows objection "Pitch: Objections" "and the pitch's Objections section is found too"

# --- Enter opens each where it is -----------------------------------------------------------
drive 120 40 --db "$db" browse <<'KEYS'
keys f
type ticket export
keys Enter Enter
dump ask
keys q f C-u
type renewed
keys Enter
keys j Enter
dump priya
keys q q f C-u
type upsell
keys Enter Enter
dump value
KEYS
shows ask "▸ 7. The ask" "a pitch section opens on the pitch, chosen"
shows ask "Send us last month's ticket export" "showing it"
shows priya "Sales pitch: objections" "an objection opens with the objections"
shows priya "Priya's objections" "on its person's"
shows priya "We just renewed Gorgias for a year." "showing it"
shows value "Value themes" "a dissent opens at its step's decision"
shows value "Leaving out 'turn support into revenue'" "where dissents show"

# --- compare: the chain, style and pitch of two quarters, changes side by side --------------
sed -e 's/"locked": true/"locked": false/' \
    -e 's/"name": "Replyline positioning workshop, finished"/"name": "Next quarter"/' \
    -e 's/"positioning_style": "big-fish"/"positioning_style": "head-to-head"/' \
    -e 's/for two weeks with two of your agents\./for a month with all of your agents./' \
    "$SAMESONG_DATA_DIR/examples/demo-finished.json" >"$WORK/next.json"
"$SAMESONG" --db "$db" import "$WORK/next.json" >/dev/null
sqlite3 "$db" "DELETE FROM decision_links WHERE session_id = 3 AND item LIKE 'Priced%' AND target = 'Zendesk'"
drive 130 120 --db "$db" browse <<'KEYS'
keys / C-u
type finished
keys Enter c / C-u
type next
keys Enter c
dump compare
KEYS
shows compare "Compare: replyline-finished-canvas → next-quarter" "c, then c on another, compares"
shows compare "The chain: changed" "the chain's change is named"
# side by side: one row holds both sides
beside() { # beside NAME LEFT RIGHT WHAT
    if dumped "$1" | grep -q -- "$2  *$3"; then ok; else bad_dump "$1" "$4: $1 lacks \"$2 ... $3\""; fi
}
beside compare "Priced per store, not per agent — beats: Hiring another" \
    "Priced per store, not per agent — beats: Hiring another" "the changed item beside itself"
beside compare "support agent, Gorgias, Zendesk" "support agent, Gorgias$" "its links before and after"
shows compare "Positioning style: changed" "the style's change"
beside compare "Big fish in a small pond (why: Help desk is Zendesk's" "Head to head (why:" \
    "both styles side by side"
shows compare "Champion: same" "a part the same in both says so"
shows compare "Sales pitch, as written" "the pitch"
shows compare "1. Insight: same" "section by section"
shows compare "7. The ask: changed" "the changed section named"
shows compare "two weeks with two of your agents." "with the first's text"
shows compare "month with all of your agents." "and the second's"
hides compare "Half the tickets an online brand gets" "a section the same in both is not repeated"

finish
