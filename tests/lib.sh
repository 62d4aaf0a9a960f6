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
    echo "  status: $STATUS"
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

finish() {
    echo "$TEST_NAME: $PASSED passed, $FAILED failed"
    { echo "$TEST_NAME: $PASSED passed, $FAILED failed" >&9; } 2>/dev/null
    [ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
    exit $?
}
