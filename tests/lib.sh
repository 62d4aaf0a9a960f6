# lib.sh: helpers for the shell tests: run the real program, check what a user would see.
# Sourced by tests/*.sh; needs SAMESONG (the binary) and SAMESONG_DATA_DIR from make check.

set -u
: "${SAMESONG:?run this through make check}"
TEST_NAME=$(basename "$0" .sh)
PASSED=0
FAILED=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/samesong-$TEST_NAME.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/stdout"
ERR="$WORK/stderr"
export SAMESONG_DB="$WORK/default.db"
unset XDG_DATA_HOME

# run CMD...: runs samesong with the arguments, keeping status, stdout and stderr.
run() {
    "$SAMESONG" "$@" >"$OUT" 2>"$ERR"
    STATUS=$?
}

ok() { PASSED=$((PASSED + 1)); }
bad() {
    FAILED=$((FAILED + 1))
    echo "FAIL: $*"
    echo "  status: ${STATUS:-(no run yet)}"
    sed 's/^/  stdout: /' "$OUT" | head -5
    sed 's/^/  stderr: /' "$ERR" | head -5
}

# status N WHAT: the last run exited with N.
status() {
    if [ "$STATUS" -eq "$1" ]; then ok; else bad "$2: expected status $1"; fi
}

# stdout_has TEXT / stderr_has TEXT: the output contains TEXT (a fixed string).
stdout_has() { if grep -qF -- "$1" "$OUT"; then ok; else bad "stdout lacks: $1"; fi; }
stderr_has() { if grep -qF -- "$1" "$ERR"; then ok; else bad "stderr lacks: $1"; fi; }
stdout_is() { if [ "$(cat "$OUT")" = "$1" ]; then ok; else bad "stdout is not: $1"; fi; }
stderr_is() { if [ "$(cat "$ERR")" = "$1" ]; then ok; else bad "stderr is not: $1"; fi; }

# stderr_one_line: an error is one line, starting "samesong: ".
stderr_one_line() {
    if [ "$(wc -l <"$ERR")" -eq 1 ] && grep -q '^samesong: ' "$ERR"; then ok
    else bad "stderr is not one 'samesong: ' line"; fi
}

# check COND WHAT: a shell condition holds.
check() { if eval "$1"; then ok; else bad "$2"; fi; }

# reviewer_db DB: the demo workshop and a second quarter of it ("Replyline Q4",
# one decision changed), for tests of browsing, finding and comparing.
reviewer_db() {
    "$SAMESONG" --db "$1" demo >/dev/null
    "$SAMESONG" --db "$1" export replyline-positioning-workshop -o "$WORK/q3.json"
    sed 's/"name": *"Replyline positioning workshop"/"name": "Replyline Q4"/' "$WORK/q3.json" |
        sed 's/with Gorgias\./with Gorgias and Zendesk./' >"$WORK/q4.json"
    "$SAMESONG" --db "$1" import "$WORK/q4.json" >/dev/null
}

# many_answers_db DB N: a session "many" in DB where Ann gave N answers to the first step.
many_answers_db() {
    {
        printf '{"format": "samesong-session/1", "name": "Many", "participants": [{"name": "Ann", "role": "ceo"}], "inputs": ['
        for i in $(seq "$2"); do
            printf '%s{"participant": "Ann", "step": "alternatives", "text": "answer %d"}' "$([ "$i" -gt 1 ] && echo ,)" "$i"
        done
        printf ']}'
    } >"$WORK/many.json"
    "$SAMESONG" --db "$1" import "$WORK/many.json" >/dev/null
}

# room_db DB [decided]: a workshop "room" of Ann, Bob, Cat and Dan in DB for room
# mode: Ann's answer says "own", everyone else's say "hidden", so a joined
# screen that shows "hidden" before the reveal shows another person's answer.
# With "decided" every step has a decision and the narrative is written, so
# the canvas can lock it.
room_db() {
    decisions=""
    [ "${2:-}" = decided ] && decisions=', "narrative": "Narrative.", "decisions": [
      {"step": "alternatives", "text": "D1"}, {"step": "capabilities", "text": "D2"},
      {"step": "value", "text": "D3"}, {"step": "customers", "text": "D4"},
      {"step": "category", "text": "D5"}]'
    cat >"$WORK/room.json" <<JSON
{"format": "samesong-session/1", "name": "Room", "participants": [
 {"name": "Ann", "role": "ceo"}, {"name": "Bob", "role": "sales"},
 {"name": "Cat", "role": "product"}, {"name": "Dan", "role": "marketing"}],
 "inputs": [
 {"participant": "Ann", "step": "alternatives", "text": "Ann own alpha"},
 {"participant": "Bob", "step": "alternatives", "text": "Bob hidden bravo"},
 {"participant": "Cat", "step": "alternatives", "text": "Cat hidden charlie"},
 {"participant": "Dan", "step": "alternatives", "text": "Dan hidden delta"},
 {"participant": "Bob", "step": "capabilities", "text": "Bob hidden echo"}]$decisions}
JSON
    "$SAMESONG" --db "$1" import "$WORK/room.json" >/dev/null
}

# chain_files DIR: DIR/broken.json, the session of tests/check_chain.c with a
# break of every kind but an undecided step (eight in all), and DIR/mended.json,
# "Mended", the same chain with every item tied back, proven and there today.
chain_files() {
    cat >"$1/broken.json" <<'JSON'
{"format": "samesong-session/1", "name": "Broken",
 "participants": [{"name": "Lena", "role": "product"}],
 "decisions": [{"step": "alternatives", "text": "- Spreadsheets\n- Zendesk"},
               {"step": "capabilities", "text": "1. Order lookup\n2. AI replies\n3. Macros"},
               {"step": "value", "text": "Answers in seconds\nScale without hiring\nHappier agents"},
               {"step": "customers", "text": "Shopify brands\nTeams of 5-50"},
               {"step": "category", "text": "Help desk for e-commerce"}],
 "capability_tags": [{"group": "Order lookup", "tag": "today"},
                     {"group": "AI replies", "tag": "roadmap"},
                     {"group": "Macros", "tag": "not planned"}],
 "links": [{"step": "capabilities", "item": "Order lookup", "builds_on": "Spreadsheets"},
           {"step": "capabilities", "item": "AI replies", "builds_on": "Zendesk"},
           {"step": "value", "item": "Answers in seconds", "builds_on": "Order lookup"},
           {"step": "value", "item": "Answers in seconds", "builds_on": "AI replies"},
           {"step": "value", "item": "Happier agents", "builds_on": "Order lookup"},
           {"step": "value", "item": "Happier agents", "builds_on": "Macros"},
           {"step": "customers", "item": "Shopify brands", "builds_on": "Answers in seconds"}],
 "proofs": [{"item": "Answers in seconds", "kind": "number", "text": "9 s median first reply"}]}
JSON
    # The same chain mended: every item tied back, every value proven, nothing promised.
    sed -e 's/"tag": "roadmap"/"tag": "today"/' -e 's/"tag": "not planned"/"tag": "today"/' \
        -e 's/"links": \[/&{"step": "capabilities", "item": "Macros", "builds_on": "Zendesk"},\
               {"step": "value", "item": "Scale without hiring", "builds_on": "AI replies"},\
               {"step": "customers", "item": "Teams of 5-50", "builds_on": "Scale without hiring"},\
               {"step": "category", "item": "Help desk for e-commerce", "builds_on": "Happier agents"},/' \
        -e 's/"proofs": \[/&{"item": "Scale without hiring", "kind": "case", "text": "Acme"},\
                {"item": "Happier agents", "kind": "quote", "text": "No more Mondays"},/' \
        -e 's/"name": "Broken"/"name": "Mended"/' "$1/broken.json" >"$1/mended.json"
}

# code_of NAME: NAME's join code in the output of the last invite.
code_of() { awk -v n="$1" '$2 == n { print $1 }' "$OUT"; }

finish() {
    echo "$TEST_NAME: $PASSED passed, $FAILED failed"
    { echo "$TEST_NAME: $PASSED passed, $FAILED failed" >&9; } 2>/dev/null
    [ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
    exit $?
}
