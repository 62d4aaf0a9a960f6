#!/bin/sh
# screens_rounds.sh: rounds of the vote on the screens (issue 12), driven by a
# script: on the votes view + asks, then closes the round and opens the vote
# again; each person re-ranks seeing their own ranking of the round before
# and the room's order after it, never anyone else's ranking; the results
# show W round by round, how it moved and the reading, worked out by hand;
# = sets the threshold; + is neither offered nor done before anyone ranked,
# read-only, or in room mode before everyone who joined has voted; a joined
# terminal re-ranks seeing only its own ranking and the room's order.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/rounds.db"
sql() { sqlite3 "$1" "$2"; }
# Round 1, as the file has it: Maya a b c d, Priya b c d a, Tom c d a b: rank
# sums a 8, b 7, c 6, d 9, S = 5, W = 12 x 5 / (9 x 60) = 0.11; the room's
# order c b a d, and only Maya's top three is the room's.
cat >"$WORK/vote.json" <<'JSON'
{"format": "samesong-session/1", "name": "Vote round",
 "participants": [{"name": "Maya", "role": "ceo"}, {"name": "Priya", "role": "sales"},
                  {"name": "Tom", "role": "product"}],
 "inputs": [{"participant": "Maya", "step": "value", "text": "a"},
            {"participant": "Priya", "step": "value", "text": "b"},
            {"participant": "Tom", "step": "value", "text": "c"},
            {"participant": "Tom", "step": "value", "text": "d"}],
 "votes": [{"participant": "Maya", "step": "value", "ranking": ["a", "b", "c", "d"]},
           {"participant": "Priya", "step": "value", "ranking": ["b", "c", "d", "a"]},
           {"participant": "Tom", "step": "value", "ranking": ["c", "d", "a", "b"]}]}
JSON
"$SAMESONG" --db "$db" import "$WORK/vote.json" >/dev/null

# --- round 1's results, + asks, n keeps it ----------------------------------------------------------
drive 100 30 --db "$db" open vote-round <<'KEYS'
# nobody answered steps 1 and 2: y reveals them anyway
keys ] y ] ] ] y ] ] ]
dump grid
keys v v v
dump votes
keys +
dump asked
keys n
dump kept
keys q q
KEYS
status 0 "the first run"
check '! offered_keys grid | grep -qxF "+"' "+ is offered on the votes view only"
shows votes "3 rankings; 4 of 4 groups ranked; agreement (Kendall's W) 0.11" "round 1's W = 60/540"
shows votes "Round 1: slight agreement, short of consensus (W 0.11 < 0.70)." "the reading of one round"
shows votes "Discuss, then + starts round 2: everyone ranks again. = sets the threshold (now 0.70)." \
    "the facilitator is told what comes next"
check 'offered_keys votes | grep -qxF "+"' "+ is offered once the room ranked"
shows asked "Start round 2 of the vote on Value themes? Round 1's 3 rankings are kept. (y/n)" "+ asks first"
check '[ "$(sql "$db" "SELECT count(*) FROM vote_rounds")" = 0 ]' "n closes no round"
check '[ "$(sql "$db" "SELECT count(*) FROM votes")" = 12 ]' "and keeps the rankings where they were"

# --- round 2: everyone re-ranks, with their own ranking and the room's order beside it ------------
drive 100 30 --db "$db" open vote-round <<'KEYS'
keys + y
dump round2
# Maya: a b c d
keys Enter Enter Enter Enter
dump maya
keys Tab
dump priya
# Priya: a c b d
keys Enter j Enter k Enter Enter
keys Tab
# Tom: b a c d
keys j Enter k Enter Enter Enter
dump tom
keys r
dump result
keys =
dump threshold
keys C-u
type 2
keys Enter
dump bad
keys C-u
type 0.8
keys Enter
dump strict
keys q q
KEYS
status 0 "the second run"
shows round2 "Vote 3 of 5: Value themes, round 2" "y opens the vote of round 2"
shows round2 "Round 2: everyone ranks again, with the room's order and their own ranking of round 1 beside it." \
    "saying what happens"
shows round2 "Maya's ranking in round 1: 1. a · 2. b · 3. c · 4. d" "Maya sees her own ranking of round 1"
shows round2 "The room's order after round 1 (W 0.11, slight): 1. c · 2. b · 3. a ·" "and the room's order after it"
check '[ "$(dumped round2 | grep -c "^  Maya ")" -eq 1 ] && ! dumped round2 | grep -q "voted"' \
    "nobody has voted in round 2 yet"
shows maya "   4. d" "Maya ranked four again"
shows priya "Priya's ranking in round 1: 1. b · 2. c · 3. d · 4. a" "Priya's turn shows hers"
hides priya "Maya's ranking in round 1" "and not Maya's"
hides priya "1. a · 2. b · 3. c · 4. d" "nor what Maya ranked"
shows tom "Tom's ranking in round 1: 1. c · 2. d · 3. a · 4. b" "Tom's turn shows his"
# round 2: sums a 4, b 6, c 8, d 12, S = 35, W = 420/540 = 0.78; the same top three
shows result "Round 2: 3 rankings; 4 of 4 groups ranked; agreement (Kendall's W) 0.78." "round 2's W"
shows result "Top three: everyone agrees; 100.0% of the rankings have the room's top three." \
    "round 2's top three"
shows result "Round 1   W 0.11 slight" "round 1 in the rounds"
shows result "Round 2   W 0.78 substantial     +0.67  same top three    100.0% with the top three" \
    "round 2, how far W moved and that the top three stayed"
shows result "Round 2: substantial agreement; consensus reached (W 0.78 >= 0.70)." "the reading says consensus"
shows result "= sets the threshold (now 0.70)." "no new round is urged at consensus"
shows threshold "Consensus from Kendall's W of (0.01 to 1): 0.70" "= asks, from the threshold now"
shows bad "The threshold is a Kendall's W from 0.01 to 1, such as 0.70." "2 is refused"
shows strict "The vote now reads as consensus from W 0.80." "0.8 is saved"
shows strict "Round 2: substantial agreement; still moving (W 0.11 to 0.78, the same top three), short of" \
    "at 0.80 the room is still moving"
shows strict "Discuss, then + starts round 3" "and + is suggested"
run --db "$db" report vote-round --json --step value
stdout_has '"consensus_threshold":0.8,'
stdout_has '"rounds":[{"round":1,"current":false,"rankings":3,"kendall_w":0.1111'
stdout_has '{"round":2,"current":true,"rankings":3,"kendall_w":0.7778,"band":"substantial","top3":["a","b","c"]'
stdout_has '"reading":{"verdict":"moving",'
run --db "$db" export vote-round
stdout_has '"rounds":[{"participant":"Maya","step":"value","round":1,"ranking":["a","b","c","d"]},{"participant":"Priya","step":"value","round":1,"ranking":["b","c","d","a"]}'
stdout_has '"consensus_threshold":0.8'

# --- a round nobody has ranked in yet: + is not offered, and says why -------------------------------
drive 100 30 --db "$db" open vote-round <<'KEYS'
keys v v v v v + y r
dump empty
keys +
dump refused
keys c
dump decide
keys q q
KEYS
shows empty "Round 3: nobody has ranked yet; V opens the vote." "round 3 is open"
shows empty "Round 2: substantial agreement; still moving" "the reading is of round 2"
shows empty "The room's order after round 2 (lowest rank sum first):" "the order is round 2's"
check '! offered_keys empty | grep -qxF "+"' "+ is not offered before anyone ranked"
shows refused "Nobody has ranked in round 3 yet: V opens the vote." "+ says why not"
check '[ "$(sql "$db" "SELECT max(round) FROM vote_rounds")" = 2 ]' "no round 3 was closed"
# round 2's order is a b c d (sums 4, 6, 8, 12): the decide screen shows it, saying whose it is
shows decide "Round 2's vote (3 rankings; none yet in round 3): 1. a  2. b  3. c  4. d" \
    "right after +, the decide screen shows the last closed round's vote"

# --- read-only: neither + nor = ----------------------------------------------------------------------
"$SAMESONG" --db "$WORK/ro.db" import "$WORK/vote.json" >/dev/null
drive 100 30 --db "$WORK/ro.db" open vote-round <<'KEYS'
keys ] y ] ] ] y ] ] ] v v v
KEYS
drive 100 30 --read-only --db "$WORK/ro.db" open vote-round <<'KEYS'
keys [ [ [ [ [ [ [ [ [
dump readonly
keys +
dump refused
keys =
dump refused2
KEYS
shows readonly "Reveal 3 of 5: Value themes" "read-only, on the value reveal"
check '! offered_keys readonly | grep -qxF "+"' "read-only: + is not offered"
hides readonly "+ starts round 2" "nor suggested"
shows refused "The database is open read-only; nothing can be changed." "+ is refused"
shows refused2 "The database is open read-only; nothing can be changed." "= is refused"

# --- room mode: each joined terminal re-ranks, seeing only its own ranking --------------------------
room="$WORK/room.db"
cat >"$WORK/room.json" <<'JSON'
{"format": "samesong-session/1", "name": "Room", "participants": [
 {"name": "Ann", "role": "ceo"}, {"name": "Bob", "role": "sales"},
 {"name": "Cat", "role": "product"}, {"name": "Dan", "role": "marketing"}],
 "inputs": [
 {"participant": "Ann", "step": "alternatives", "text": "Ann own alpha"},
 {"participant": "Bob", "step": "alternatives", "text": "Bob hidden bravo"},
 {"participant": "Cat", "step": "alternatives", "text": "Cat hidden charlie"},
 {"participant": "Dan", "step": "alternatives", "text": "Dan hidden delta"}],
 "votes": [
 {"participant": "Cat", "step": "alternatives", "ranking": ["Cat hidden charlie", "Dan hidden delta"]},
 {"participant": "Dan", "step": "alternatives", "ranking": ["Dan hidden delta", "Cat hidden charlie"]}]}
JSON
"$SAMESONG" --db "$room" import "$WORK/room.json" >/dev/null
run --db "$room" invite room
ann=$(code_of Ann)
bob=$(code_of Bob)
sql "$room" "INSERT INTO revealed (session_id, step) VALUES (1, 'alternatives')"
drive 100 30 --db "$room" join room <<KEYS
type $ann
keys Enter V Enter
KEYS
drive 100 30 --db "$room" join room <<KEYS
type $bob
keys Enter V j Enter Enter
KEYS
# everyone who joined has voted: the results show, and + closes round 1
drive 100 30 --db "$room" open room <<'KEYS'
keys r v v v
dump projector
keys + y
dump round2
keys q c
dump round2_decide
# back to the reveal, where the session reopens below
keys r
keys q q
KEYS
shows projector "4 rankings; 4 of 4 groups ranked" "the projector shows round 1 once both voted"
check 'offered_keys projector | grep -qxF "+"' "+ is offered"
shows round2 "Ann votes from their own terminal." "Ann re-ranks at her terminal"
hides round2 "Ann's ranking in round 1" "the projector does not show her ranking"
shows round2 "The room's order after round 1 (W 0.11, slight): 1. Cat hidden charlie" "only the room's order"
shows round2_decide "Round 1's vote (4 rankings; none yet in round 2): 1. Cat hidden charlie" \
    "the decide screen shows round 1's vote until round 2 has rankings"
drive 100 30 --db "$room" join room <<KEYS
type $ann
keys Enter V
dump ann
keys j j Enter
KEYS
shows ann "Vote 1 of 5: Competitive alternatives, round 2" "Ann's terminal is on round 2"
shows ann "Your ranking in round 1: 1. Ann own alpha" "Ann sees her own ranking of round 1"
shows ann "The room's order after round 1 (W 0.11, slight): 1. Cat hidden charlie" "and the room's order"
hides ann "1. Bob hidden bravo" "not Bob's ranking"
hides ann "Bob's ranking" "nor his name on one"
check '[ "$(sql "$room" "SELECT label FROM votes")" = "Cat hidden charlie" ]' "her round 2 vote is saved"
# Bob has not re-ranked: round 2 stays hidden, and no round 3 starts
drive 100 30 --db "$room" open room <<'KEYS'
keys v v v
dump waiting
keys +
dump refused
keys c
dump waiting_decide
keys q q q
KEYS
shows waiting_decide "The room's vote: 1 of 2 have voted: the results show once everyone who joined has." \
    "once round 2 has a ranking, the decide screen keeps it secret as before"
hides waiting_decide "Round 1's vote" "and no longer shows round 1's"
shows waiting "Round 2: 1 of 2 have voted: the results show once everyone who joined has." \
    "round 2 waits for Bob"
shows waiting "Round 1: slight agreement, short of consensus (W 0.11 < 0.70)." "round 1's reading still shows"
hides waiting "Cat hidden charlie                                                        rank sum 1" \
    "and not Ann's round 2 ranking"
check '! offered_keys waiting | grep -qxF "+"' "+ is not offered while Bob has not voted"
shows refused "1 of 2 have voted: the results show once everyone who joined has; then + starts round 3." \
    "+ says why not"

# a round of one ranking closed from the command line: in room mode the decide
# screen does not show it, since that one ranking could be read off it
run --db "$room" add room --as Cat --step value "Cat value"; status 0 "Cat's value answer"
sql "$room" "INSERT INTO votes (participant_id, step, rank, label)
             SELECT id, 'value', 1, 'Cat value' FROM participants WHERE name = 'Cat'"
run --db "$room" round room --step value; status 0 "round 1 of value closed with one ranking"
sql "$room" "UPDATE positions SET screen = 'decide', step = 'value'"
drive 100 30 --db "$room" open room <<'KEYS'
dump lone_decide
keys q q
KEYS
shows lone_decide "Decide 3 of 5: Value themes" "the decide screen of the value step"
hides lone_decide "Round 1's vote" "a closed round of one ranking does not show in room mode"
hides lone_decide "1. Cat value" "nor its order"

finish
