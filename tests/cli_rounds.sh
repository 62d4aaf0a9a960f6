#!/bin/sh
# cli_rounds.sh: the rounds of a vote on the command line (issue 12): report
# shows each round's W, how it moved and the reading, worked out by hand;
# report --json gains "round", "rounds" and "reading" per step and the
# threshold, its other keys as they were; the Markdown canvas shows them; the
# session file carries the rounds and the threshold as optional fields, so an
# older file comes back unchanged; bad rounds are refused by name; `samesong
# round` closes a round and sets the threshold, refusing bad input in one line.
. "$(dirname "$0")/lib.sh"

db="$WORK/rounds.db"
# Value themes a, b, c, d. Round 1: Ann a b c d, Bob b c d a, Cat c d a b: rank
# sums a 8, b 7, c 6, d 9, S = 5, W = 12 x 5 / (9 x 60) = 0.11, the room's
# top three {c, b, a} only Ann's. Round 2 (the current one): Ann a b c d, Bob
# a c b d, Cat b a c d: sums 4, 6, 8, 12, S = 35, W = 420 / 540 = 0.78, the
# same top three, everyone's.
rounds_file() { # rounds_file FILE [EXTRA]: the session, with EXTRA top-level fields
    cat >"$1" <<JSON
{"format": "samesong-session/1", "name": "Rounds",
 "participants": [{"name": "Ann", "role": "ceo"}, {"name": "Bob", "role": "sales"},
                  {"name": "Cat", "role": "product"}],
 "inputs": [{"participant": "Ann", "step": "value", "text": "a"},
            {"participant": "Ann", "step": "value", "text": "b"},
            {"participant": "Bob", "step": "value", "text": "c"},
            {"participant": "Cat", "step": "value", "text": "d"}],
 "votes": [{"participant": "Ann", "step": "value", "ranking": ["a", "b", "c", "d"]},
           {"participant": "Bob", "step": "value", "ranking": ["a", "c", "b", "d"]},
           {"participant": "Cat", "step": "value", "ranking": ["b", "a", "c", "d"]}],
 "rounds": [{"participant": "Ann", "step": "value", "round": 1, "ranking": ["a", "b", "c", "d"]},
            {"participant": "Bob", "step": "value", "round": 1, "ranking": ["b", "c", "d", "a"]},
            {"participant": "Cat", "step": "value", "round": 1, "ranking": ["c", "d", "a", "b"]}]${2:-}}
JSON
}
rounds_file "$WORK/rounds.json"
run --db "$db" import "$WORK/rounds.json"; status 0 "a file with rounds is imported"

# --- report: each round, how it moved, the reading ---------------------------------------------
run --db "$db" report rounds --step value; status 0 "report"
stdout_has "   Rounds:"
stdout_has "     Round 1: W 0.11 (slight); 3 rankings, 33.3% with the room's top three"
stdout_has "     Round 2: W 0.78 (substantial), +0.67, the same top three; 3 rankings,"
stdout_has "   Reading: Round 2: substantial agreement; consensus reached (W 0.78 >= 0.70)."
stdout_has "Vote: 3 rankings; 4 of 4 groups ranked; Kendall's W 0.778" # the current round, as before
check '[ "$(wc -L <"$OUT")" -le 80 ]' "the report fits in 80 columns"

# --- report --json: the rounds, the reading and the threshold; the other keys stay -------------
run --db "$db" report rounds --json; status 0 "report --json"
stdout_has '"weakest_step":"value","consensus_threshold":0.7,"steps":'
stdout_has '"vote":{"rankings":3,"order":[{"group":"a","rank_sum":4}'
stdout_has '"round":2,"rounds":[{"round":1,"current":false,"rankings":3,"kendall_w":0.1111,"band":"slight","top3":["c","b","a"],"top3_all_agree":false,"top3_match_share":33.3,"w_change":null,"top3_changed":null},{"round":2,"current":true,"rankings":3,"kendall_w":0.7778,"band":"substantial","top3":["a","b","c"],"top3_all_agree":true,"top3_match_share":100,"w_change":0.67,"top3_changed":false}]'
stdout_has '"reading":{"verdict":"consensus","text":"Round 2: substantial agreement; consensus reached (W 0.78 >= 0.70)."}'
stdout_has '{"step":"alternatives","answered":0'
stdout_has '"vote":null,"round":1,"rounds":[],"reading":null}'
stdout_has '],"chain":['
check 'python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$OUT" 2>/dev/null || ! command -v python3 >/dev/null' \
    "report --json is JSON"

# --- the Markdown canvas -----------------------------------------------------------------------
run --db "$db" export rounds --format md; status 0 "export --format md"
stdout_has "**Rounds:**"
stdout_has "- Round 1: W 0.11 (slight); 3 rankings, 33.3% with the room's top three"
stdout_has "- Round 2: W 0.78 (substantial), +0.67, the same top three; 3 rankings, 100.0% with the room's top three"
stdout_has "**Reading:** Round 2: substantial agreement; consensus reached (W 0.78 >= 0.70)."

# --- a threshold the room set: still moving --------------------------------------------------
rounds_file "$WORK/strict.json" ', "consensus_threshold": 0.80, "name": "Strict"'
sed -i 's/"name": "Rounds",//' "$WORK/strict.json"
run --db "$db" import "$WORK/strict.json"; status 0 "a file with a threshold"
run --db "$db" report strict --step value
stdout_has "Reading: Round 2: substantial agreement; still moving (W 0.11 to 0.78, the"
stdout_has "same top three), short of consensus (W 0.78 < 0.80)."
run --db "$db" report strict --json --step value
stdout_has '"consensus_threshold":0.8,'
stdout_has '"verdict":"moving"'

# --- the session file: rounds and the threshold round-trip; older files stay as they were ------
run --db "$db" export strict -o "$WORK/strict-out.json"; status 0 "export"
check 'grep -qF "\"rounds\":[{\"participant\":\"Ann\",\"step\":\"value\",\"round\":1,\"ranking\":[\"a\",\"b\",\"c\",\"d\"]}," "$WORK/strict-out.json"' \
    "the export has the closed round's rankings"
check 'grep -qF "\"consensus_threshold\":0.8" "$WORK/strict-out.json"' "and the threshold"
run --db "$WORK/again.db" import "$WORK/strict-out.json"; status 0 "the export is imported"
run --db "$WORK/again.db" export strict -o "$WORK/strict-again.json"
check 'cmp -s "$WORK/strict-out.json" "$WORK/strict-again.json"' "exporting the import gives the same file"
cat >"$WORK/older.json" <<'JSON'
{"format": "samesong-session/1", "name": "Older",
 "participants": [{"name": "Ann", "role": "ceo"}, {"name": "Bob", "role": "sales"}],
 "inputs": [{"participant": "Ann", "step": "value", "text": "a"}],
 "votes": [{"participant": "Ann", "step": "value", "ranking": ["a", "b"]},
           {"participant": "Bob", "step": "value", "ranking": ["b", "a"]}]}
JSON
run --db "$db" import "$WORK/older.json"; status 0 "a file of an older version"
run --db "$db" export older
check '! grep -q "\"rounds\"\|consensus_threshold" "$OUT"' "a session without rounds has neither field"
"$SAMESONG" --db "$WORK/demo.db" demo >/dev/null
run --db "$WORK/demo.db" export replyline-positioning-workshop
stdout_has '"rounds":[{"participant":"Maya","step":"value","round":1,"ranking":["Cheaper than Gorgias","Faster answers","Scale without hiring"]}'
run --db "$WORK/demo.db" report replyline-positioning-workshop --step value
stdout_has "Reading: Round 2: slight agreement; still moving (W 0.05 to 0.18, the top"

# a new round just begun: closed rounds, nobody has ranked again yet
cat >"$WORK/begun.json" <<'JSON'
{"format": "samesong-session/1", "name": "Begun",
 "participants": [{"name": "Ann", "role": "ceo"}, {"name": "Bob", "role": "sales"}],
 "inputs": [{"participant": "Ann", "step": "value", "text": "a"},
            {"participant": "Bob", "step": "value", "text": "b"}],
 "rounds": [{"participant": "Ann", "step": "value", "round": 1, "ranking": ["a", "b"]},
            {"participant": "Bob", "step": "value", "round": 1, "ranking": ["b", "a"]}]}
JSON
run --db "$db" import "$WORK/begun.json"; status 0 "a file with a round closed and none begun"
run --db "$db" report begun --step value
stdout_has "   Vote: round 2, nobody has ranked yet."
stdout_has "   Reading: Round 1: slight agreement, short of consensus (W 0.00 < 0.70)."
run --db "$db" report begun --json --step value
stdout_has '"vote":null,"round":2,"rounds":[{"round":1,"current":false'

# --- samesong round: the votes view's + and = from the command line ----------------------------
run --db "$db" round rounds --step value; status 0 "round --step closes the current round"
stdout_is "Closed round 2 of the vote on value (3 rankings kept): everyone ranks again in round 3."
run --db "$db" report rounds --step value
stdout_has "   Vote: round 3, nobody has ranked yet."
stdout_has "     Round 2: W 0.78 (substantial), +0.67, the same top three; 3 rankings,"
stdout_has "   Reading: Round 2: substantial agreement; consensus reached (W 0.78 >= 0.70)."
run --db "$db" export rounds
stdout_has '{"participant":"Bob","step":"value","round":2,"ranking":["a","c","b","d"]}'
check '! grep -q "\"votes\":\[{" "$OUT"' "the closed round's rankings left the current round"
run --db "$db" round rounds --step value
status 1 "refused: a round nobody has ranked in"
stderr_one_line
stderr_has "nobody has ranked the value step in this round"
run --db "$db" round rounds --step nope
status 1 "refused: an unknown step"
stderr_one_line
stderr_has '"nope" is not a step'
run --db "$db" round rounds --threshold 0.8; status 0 "round --threshold sets the threshold"
stdout_is "The vote now reads as consensus from W 0.80."
run --db "$db" report rounds --step value
stdout_has "(W 0.78 < 0.80)."
for bad in 0 -0.5 1.5 0.001 abc 0.8x nan; do
    run --db "$db" round rounds --threshold "$bad"
    status 1 "refused: threshold $bad"
    stderr_one_line
    stderr_has "--threshold $bad: the consensus threshold is a Kendall's W from 0.01 to 1"
done
run --db "$db" report rounds --json --step value
stdout_has '"consensus_threshold":0.8,'
run --db "$db" round rounds
status 2 "round without --step or --threshold is a usage error"
stderr_one_line
run --db "$WORK/demo.db" round replyline-finished-canvas --step value
status 1 "refused: closing a round of a locked session"
stderr_one_line
stderr_has "is locked"
run --db "$WORK/demo.db" round replyline-finished-canvas --threshold 0.5
status 1 "refused: the threshold of a locked session"
stderr_has "is locked"
run --db "$WORK/demo.db" round replyline-positioning-workshop -s value -t 0.5; status 0 "both at once"
stdout_has "Closed round 2 of the vote on value (4 rankings kept): everyone ranks again in round 3."
stdout_has "The vote now reads as consensus from W 0.50."
run --db "$WORK/demo.db" round replyline-positioning-workshop -s alternatives -t 2
status 1 "a bad threshold with --step changes nothing"
run --db "$WORK/demo.db" report replyline-positioning-workshop --step alternatives
stdout_has "Reading: Round 1:" # still the current round 1: nothing was closed
check '! grep -q "Round 2" "$OUT"' "no round closed"

# --- bad rounds are refused, naming the field ---------------------------------------------------
bad_file() { # bad_file EXTRA MESSAGE: a file with EXTRA top-level fields is refused
    printf '{"format": "samesong-session/1", "name": "Bad", "participants": [{"name": "Ann", "role": "ceo"}]%s}' "$1" >"$WORK/bad.json"
    run --db "$db" import "$WORK/bad.json"
    status 1 "refused: $2"
    stderr_one_line
    stderr_has "$2"
}
bad_file ', "rounds": [{"participant": "Ann", "step": "value", "round": 0, "ranking": ["a"]}]' \
    'rounds[0].round: 0 is not a round; rounds are numbered from 1 to 1000'
bad_file ', "rounds": [{"participant": "Ann", "step": "value", "round": "1", "ranking": ["a"]}]' \
    'rounds[0].round: expected a whole number, found a string'
bad_file ', "rounds": [{"participant": "Ann", "step": "value", "round": 1.5, "ranking": ["a"]}]' \
    'rounds[0].round: expected a whole number, found a number'
bad_file ', "rounds": [{"participant": "Ann", "step": "value", "ranking": ["a"]}]' \
    'rounds[0]: missing "round"'
bad_file ', "rounds": [{"participant": "Zed", "step": "value", "round": 1, "ranking": ["a"]}]' \
    'rounds[0].participant: "Zed" is not in participants'
bad_file ', "rounds": [{"participant": "Ann", "step": "value", "round": 1, "ranking": ["a"]}, {"participant": "Ann", "step": "value", "round": 1, "ranking": ["b"]}]' \
    'rounds[1]: "Ann" has two rankings in round 1 of value'
bad_file ', "rounds": [{"participant": "Ann", "step": "value", "round": 1, "ranking": []}]' \
    'rounds[0].ranking: empty; a vote ranks at least one group'
bad_file ', "consensus_threshold": 1.5' \
    'consensus_threshold: 1.5 is not a Kendall'"'"'s W from 0.01 to 1 in hundredths'
bad_file ', "consensus_threshold": 0.725' 'consensus_threshold: 0.725 is not a Kendall'
bad_file ', "consensus_threshold": 0' 'consensus_threshold: 0 is not a Kendall'
bad_file ', "consensus_threshold": "0.8"' 'consensus_threshold: expected a number, found a string'
run --db "$db" list --json
check '! grep -q "\"Bad\"" "$OUT"' "nothing of a refused file was imported"

finish
