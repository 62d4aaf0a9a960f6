#!/bin/sh
# cli_hostile.sh: files and text made to break the command line: odd schema
# versions, paths that are no database, huge strings, escapes stored behind its
# back, invisible characters, a full disk. Each is refused in one line or made safe.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

command -v sqlite3 >/dev/null || { echo "cli_hostile: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }

# --- a schema version no samesong writes: refused, the file left as it is ----------------
db="$WORK/version.db"
"$SAMESONG" --db "$db" new "Acme" >/dev/null
for v in -5 -1; do
    sqlite3 "$db" "PRAGMA user_version = $v"
    sum_before=$(cksum <"$db")
    for args in "list" "show acme" "add acme --as Maya --step value Fast" "--read-only list"; do
        # shellcheck disable=SC2086 # the words of args are the arguments
        run --db "$db" $args
        status 3 "user_version $v: $args is refused"
        stderr_has "has schema version $v, which no samesong writes"
        stderr_one_line
    done
    check '[ "$(cksum <"$db")" = "$sum_before" ]' "user_version $v: the file is unchanged"
    check '[ "$(sqlite3 "$db" "PRAGMA user_version")" = "$v" ]' "user_version $v: still $v"
done

# --- paths that are no database ---------------------------------------------------------
# run_bounded ARGS...: run, but never for more than 10 s (a FIFO blocked the open forever).
run_bounded() {
    STATUS=0
    timeout 10 "$SAMESONG" "$@" >"$OUT" 2>"$ERR" || STATUS=$?
}
mkfifo "$WORK/fifo.db"
for args in "--read-only list" "list" "new Acme"; do
    # shellcheck disable=SC2086
    run_bounded --db "$WORK/fifo.db" $args
    status 3 "a FIFO: $args is refused, at once"
    stderr_has "$WORK/fifo.db is not a regular file"
done
run_bounded --db "$WORK" list
status 3 "a folder is refused"; stderr_has "$WORK is not a regular file"

: >"$WORK/empty.db"
for args in "--read-only list" "list" "show acme" "report acme" "export acme" "--read-only new Acme"; do
    # shellcheck disable=SC2086
    run_bounded --db "$WORK/empty.db" $args
    status 3 "an empty file: $args is refused"
    stderr_has "$WORK/empty.db is empty: not a samesong database"
    stderr_one_line
done
check '[ ! -s "$WORK/empty.db" ]' "the empty file stays empty"
run --db "$WORK/empty.db" new Acme
status 0 "a command that writes makes an empty file a database"; stdout_is "acme"

ln -s "$WORK/target.db" "$WORK/dangling.db"
for db in "$WORK/missing.db" "$WORK/dangling.db"; do
    for args in "list" "show acme" "search acme" "report acme" "suggest acme" "diff acme other" \
                "export acme" "list --read-only"; do
        # shellcheck disable=SC2086
        run_bounded --db "$db" $args
        status 1 "$(basename "$db"): $args says there is none"
        stderr_is "samesong: ${args%% *}: no such database: $db"
    done
done
check '[ -z "$(ls "$WORK" | grep "missing\|target")" ]' "read-only commands made no file"
# the screens too (driven by a script: what is refused is refused before any terminal)
drive 100 30 --db "$WORK/missing.db" open acme <<'KEYS'
dump start
KEYS
status 1 "open on no database fails"; stderr_is "samesong: open: no such database: $WORK/missing.db"
check '[ ! -e "$WORK/missing.db" ]' "and makes none"
drive 100 30 --db "$WORK/first.db" <<'KEYS'
dump start
keys q
KEYS
status 0 "samesong on its own, on first use"
check 'dumped start | grep -q "No sessions yet"' "shows the empty list"
check '[ -s "$WORK/first.db" ]' "and has made the database"
SAMESONG_DB="$WORK/default-missing.db" run list
status 1 "the default database, missing: list says so"
stderr_is "samesong: list: no such database: $WORK/default-missing.db"
(unset SAMESONG_DB; HOME="$WORK/home" XDG_DATA_HOME="$WORK/xdg" "$SAMESONG" list >/dev/null 2>&1)
check '[ ! -e "$WORK/xdg" ] && [ ! -e "$WORK/home" ]' "and makes no folder for it"
run --db "$WORK/dangling.db" new Acme
status 0 "new through a dangling link makes the database"
check '[ -s "$WORK/target.db" ]' "at the link's target"
for cmd in "new Acme" "demo" "import $SAMESONG_DATA_DIR/examples/demo.json"; do
    rm -f "$WORK/made.db"*
    # shellcheck disable=SC2086
    run --db "$WORK/made.db" $cmd
    status 0 "${cmd%% *} makes a missing database"
    check '[ -s "$WORK/made.db" ]' "${cmd%% *}: the file is there"
done

# --- escapes written into the file behind samesong's back never reach the terminal -------
db="$WORK/edited.db" # the demo workshop under way as session 1, then Other as session 2
"$SAMESONG" --db "$db" import "$SAMESONG_DATA_DIR/examples/demo.json" \
    --slug replyline-positioning-workshop >/dev/null
"$SAMESONG" --db "$db" new "Other" >/dev/null
sqlite3 "$db" "UPDATE sessions SET slug = 'x' || char(27) || '[31mred',
                   name = 'Replyline' || char(27) || ']0;title' || char(7),
                   created_at = char(27) || '[2J2026', locked_at = 'L' || char(155) || '2J'
               WHERE id = 1;
               UPDATE search SET kind = 'decision' || char(27) || '[1m' WHERE kind = 'decision';"
# raw_controls: the last run's output holds a C0 control (but tab and line feed), DEL or a C1 control.
raw_controls() {
    LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$OUT" "$ERR" ||
        LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$OUT" "$ERR"
}
for args in "list" "list --json" "show 1" "search Gorgias" "search status quo" "report 1" \
            "report 1 --json" "suggest 1" "diff 1 2" "export 1" "export 1 --format md" \
            "verify 1" "group 1 --step value Nothing-like-it Label"; do
    # shellcheck disable=SC2086
    run --db "$db" $args
    check '! raw_controls' "$args: no raw control character in what it prints"
done
run --db "$db" list; stdout_has "x^[[31mred"; stdout_has "^[[2J2026"
sqlite3 "$db" "UPDATE sessions SET created_at = 'x' WHERE id = 2"
run --db "$db" list; status 0 "a date shorter than a day in the file"
check 'grep -q "^2  other .* x$" "$OUT"' "is shown as it is, nothing read past its end (AddressSanitizer)"
run --db "$db" diff 1 2; status 0 "diff with it"; stdout_has "2: Other (other), open, created x"
run --db "$db" show 1; stdout_has "(x^[[31mred)"; stdout_has "since L<9B>2J. Created ^[[2J2026."
run --db "$db" search Gorgias; stdout_has "x^[[31mred  "
run --db "$db" diff 1 2; stdout_has "1: Replyline^[]0;title^G (x^[[31mred), open, created ^[[2J2026"
run --db "$db" export 1 --format md; stdout_has "- Created: ^\[\[2J2026"
run --db "$db" export 1; stdout_has '"name":"Replyline\u001b]0;title\u0007"'

# --- direction marks, the soft hyphen and tag characters: dropped on the terminal,
# escaped in JSON, kept in the data -------------------------------------------------------
db="$WORK/invisible.db"
lrm=$(printf '\342\200\216') rlm=$(printf '\342\200\217') alm=$(printf '\330\234')
shy=$(printf '\302\255') tags=$(printf '\363\240\201\211\363\240\201\277') # U+E0049, U+E007F
"$SAMESONG" --db "$db" new "Plan${rlm}B" >/dev/null
"$SAMESONG" --db "$db" add plan-b --as "Ann${lrm}" --step value "cheap${shy}er${tags} ${alm}ok" \
    >/dev/null
# hidden_marks: the last run printed one of them raw.
hidden_marks() {
    for m in "$lrm" "$rlm" "$alm" "$shy" "$tags"; do grep -qF -- "$m" "$OUT" && return 0; done
    return 1
}
for args in "show plan-b" "list" "search cheap" "report plan-b" "export plan-b --format md" \
            "export plan-b" "list --json" "report plan-b --json"; do
    # shellcheck disable=SC2086
    run --db "$db" $args
    status 0 "$args"
    check '! hidden_marks' "$args: prints no direction mark, soft hyphen or tag raw"
done
run --db "$db" show plan-b; stdout_has "PlanB (plan-b)"; stdout_has "- cheaper ok"
run --db "$db" export plan-b
stdout_has '"name":"Plan\u200fB"'; stdout_has '"name":"Ann\u200e"'
stdout_has '"text":"cheap\u00ader\udb40\udc49\udb40\udc7f \u061cok"'
cp "$OUT" "$WORK/invisible.json"
run --db "$db" import "$WORK/invisible.json" --slug copy; status 0 "the escaped file imports"
run --db "$db" export copy
check 'cmp -s "$OUT" "$WORK/invisible.json"' "and exports the same: the characters were kept"
run --db "$db" list --json; stdout_has '"name":"Plan\u200fB"'

# --- a full disk under standard output: exactly one line says so ------------------------
db="$WORK/full.db"
"$SAMESONG" --db "$db" new "Tiny" >/dev/null
if [ -w /dev/full ]; then
    for args in "export tiny" "export tiny --format md" "show tiny" "list" "list --json" \
                "report tiny" "new Other"; do
        # shellcheck disable=SC2086
        "$SAMESONG" --db "$db" $args >/dev/full 2>"$ERR"; STATUS=$?
        : >"$OUT"
        status 1 "$args > /dev/full fails"
        stderr_is "samesong: cannot write to standard output: No space left on device"
    done
else
    echo "cli_hostile: no /dev/full here; the full-disk checks are skipped"
fi

# --- the -wal file is kept, but not at its largest after a big import -------------------
db="$WORK/big-import.db"
awk 'BEGIN {
    printf "{\"format\": \"samesong-session/1\", \"name\": \"Many\",";
    printf " \"participants\": [{\"name\": \"Ann\", \"role\": \"ceo\"}], \"inputs\": [";
    for (i = 1; i <= 20000; i++)
        printf "%s{\"participant\": \"Ann\", \"step\": \"value\", \"text\": \"answer %d, long enough to fill some pages\"}", (i > 1 ? "," : ""), i;
    printf "]}";
}' >"$WORK/many.json"
run --db "$db" import "$WORK/many.json"; status 0 "a session file of 20000 answers imports"
check '[ "$(wc -c <"$db")" -gt 2000000 ]' "the database holds them (over 2 MB)"
check '[ -e "$db-wal" ] && [ -e "$db-shm" ]' "the -wal and -shm files stay, for readers who cannot make them"
check '[ "$(wc -c <"$db-wal")" -lt 65536 ]' "but the -wal is small again: $(wc -c <"$db-wal") bytes"
run --db "$db" --read-only show many; status 0 "and a reader still opens the database"

# --- suggest on a step with nothing alike: no suggestion, and no NULL sorted ---------------
db="$WORK/lone.db"
"$SAMESONG" --db "$db" new "Lone" >/dev/null
"$SAMESONG" --db "$db" add lone --as Ann --step value "Fast answers" >/dev/null
"$SAMESONG" --db "$db" add lone --as Bob --step value "Zendesk" >/dev/null
run --db "$db" suggest lone; status 0 "suggest with nothing alike"
stdout_is "No suggestions: no two groups look alike."
run --db "$db" report lone; status 0 "report with nothing alike"

# --- a string too long for any field is refused by its length, before it is decoded -------
db="$WORK/huge.db"
"$SAMESONG" --db "$db" new "Huge" >/dev/null
sum_before=$(cksum <"$db")
# session_file TEXT_FILE: a session file with one answer, its text the file's contents.
session_file() {
    printf '{"format": "samesong-session/1", "name": "Huge", "participants": [{"name": "Ann", "role": "ceo"}], "inputs": [{"participant": "Ann", "step": "value", "text": "'
    cat "$1"
    printf '"}]}'
}
head -c 50000000 /dev/zero | tr '\0' a >"$WORK/50mb.txt"
session_file "$WORK/50mb.txt" >"$WORK/50mb.json"
rm "$WORK/50mb.txt"
run --db "$db" import "$WORK/50mb.json"
status 1 "a 50 MB answer in a session file"
stderr_is "samesong: import: $WORK/50mb.json: byte 160: a string of 50000000 bytes; no field holds more than 20000 characters"
"$SAMESONG" --db "$db" import - <"$WORK/50mb.json" >"$OUT" 2>"$ERR"; STATUS=$?
status 1 "the same on standard input"
stderr_is "samesong: import: standard input: byte 160: a string of 50000000 bytes; no field holds more than 20000 characters"
rm "$WORK/50mb.json"
head -c 300000 /dev/zero | tr '\0' a >"$WORK/300kb.txt"
session_file "$WORK/300kb.txt" >"$WORK/300kb.json"
run --db "$db" import "$WORK/300kb.json"
status 1 "a 300 KB answer"
stderr_is "samesong: import: $WORK/300kb.json: inputs[0].text: text of 300000 bytes; at most 1000 characters are allowed"
run --db "$db" add huge --as Ann --step value "$(head -c 120000 /dev/zero | tr '\0' a)"
status 1 "a 120 KB answer on the command line"
stderr_is "samesong: add: answer: text of 120000 bytes; at most 1000 characters are allowed"
check '[ "$(cksum <"$db")" = "$sum_before" ]' "nothing was written"
# the limits themselves still fit: 1000 four-byte characters, a narrative of 20000 escaped ones
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "\360\237\230\200" }' >"$WORK/4000b.txt"
run --db "$db" add huge --as Ann --step value "$(cat "$WORK/4000b.txt")"
status 0 "an answer of 1000 four-byte characters (4000 bytes) is taken"
{
    printf '{"format": "samesong-session/1", "name": "Long story", "narrative": "'
    awk 'BEGIN { for (i = 0; i < 20000; i++) printf "\\ud83d\\ude00" }'
    printf '"}'
} >"$WORK/story.json"
run --db "$db" import "$WORK/story.json"
status 0 "a narrative of 20000 characters, each escaped as a surrogate pair (240 KB)"

finish
