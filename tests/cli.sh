#!/bin/sh
# cli.sh: the command line as a user meets it: every command, its help, exit
# statuses, one-line errors, and bad input that leaves the database as it was.
. "$(dirname "$0")/lib.sh"

db="$WORK/w.db"

# --- help and version ---------------------------------------------------------
run --version;  status 0 "--version"; stdout_is "samesong 0.1.0"
run --help;     status 0 "--help"; stdout_has "Usage: samesong [--db FILE]"
for cmd in open browse new list add show export import demo report check suggest group search diff verify invite; do
    run "$cmd" --help; status 0 "$cmd --help"; stdout_has "Usage: samesong $cmd"
done
run </dev/null; status 1 "no command and no terminal"; stderr_one_line
stderr_has "the workshop screens need a terminal"
run open acme-q3 </dev/null; status 1 "open without a terminal"; stderr_has "need a terminal"
run open; status 2 "open without SESSION"; stderr_has "missing SESSION"
run --theme neon list; status 2 "unknown theme"; stderr_has 'unknown theme "neon"' 
run frob;       status 2 "unknown command"; stderr_is "samesong: unknown command \"frob\"; see 'samesong --help'"
run --frob;     status 2 "unknown option"; stderr_one_line

# --- new, list -----------------------------------------------------------------
run --db "$db" list;  status 1 "list on no database"; stderr_is "samesong: list: no such database: $db"
check '[ ! -e "$db" ]' "list made no database"
"$SAMESONG" --db "$db" import /dev/null 2>/dev/null # a command that writes makes one
run --db "$db" list;  status 0 "list on an empty database"; stdout_has "No sessions yet"
run --db "$db" list --json; status 0 "empty list --json"; stdout_is "[]"
run --db "$db" new "Acme Q3" --product "Acme";  status 0 "new"; stdout_is "acme-q3"
run --db "$db" new "Acme Q3";  status 1 "duplicate slug"; stderr_one_line
stderr_has "a session with slug acme-q3 already exists"
run new --db "$db" "Founder draft" --solo --slug thesis; status 0 "new --solo --slug"; stdout_is "thesis"
run --db "$db" new;    status 2 "new without NAME"; stderr_is "samesong: new: missing NAME; see 'samesong new --help'"
run --db "$db" new "X" --slug "Not ok"; status 1 "bad slug"; stderr_has "is not a valid slug"
run --db "$db" list;   status 0 "list"
stdout_has "acme-q3"; stdout_has "Acme Q3"; stdout_has "workshop"; stdout_has "solo"
check "[ \"\$(sed -n 2p "$OUT" | awk '{print \$2}')\" = thesis ]" "list shows the newest first"
run --db "$db" list --json; status 0 "list --json"
stdout_has '"slug":"acme-q3","name":"Acme Q3","product":"Acme","mode":"workshop","status":"open","participants":0'

# --- add, show ------------------------------------------------------------------
run --db "$db" add acme-q3 --as Maya --role ceo --step alternatives "Spreadsheets"
status 0 "add"
run --db "$db" add 1 --as Priya --role sales --step alternatives --group Spreadsheets "Excel + email"
status 0 "add by number with a group"
run --db "$db" add acme-q3 --as Maya --step value -- "-50% time to first reply"
status 0 "add a text starting with a hyphen"
run --db "$db" show acme-q3;  status 0 "show"
stdout_has "Acme Q3 (acme-q3)"
stdout_has "1. Competitive alternatives"
stdout_has "   Maya (ceo)"
stdout_has "     - Spreadsheets"
stdout_has "     - Excel + email [group: Spreadsheets]"
stdout_has "     - -50% time to first reply"
stdout_has "(no answers yet)"

# --- bad input: one line, non-zero, nothing written ------------------------------
before=$("$SAMESONG" --db "$db" export acme-q3)
bad_add() { # WHAT EXPECTED-STATUS EXPECTED-STDERR ARGS...
    what=$1 want=$2 message=$3
    shift 3
    run --db "$db" add "$@"
    status "$want" "$what"; stderr_one_line; stderr_has "$message"
}
bad_add "empty text" 1 "answer: empty text" acme-q3 --as Maya --step value ""
bad_add "blank text" 1 "answer: empty text" acme-q3 --as Maya --step value "   "
bad_add "long text" 1 "text of 1001 characters; at most 1000 are allowed" \
    acme-q3 --as Maya --step value "$(printf '%1001s' '' | tr ' ' x)"
bad_add "escape sequence" 1 "control character U+001B" \
    acme-q3 --as Maya --step value "$(printf 'red \033[31m text')"
bad_add "invalid UTF-8" 1 "invalid UTF-8 at byte 5" acme-q3 --as Maya --step value "$(printf 'bad \377')"
bad_add "unknown step" 1 '"alternative" is not a step; steps are alternatives, capabilities' \
    acme-q3 --as Maya --step alternative "x"
bad_add "unknown role" 1 '"cfo" is not a role; roles are ceo' acme-q3 --as Ann --role cfo --step value "x"
bad_add "role clash" 1 "Maya is already in this session as ceo, not sales" \
    acme-q3 --as Maya --role sales --step value "x"
bad_add "unknown session" 1 "no session nope; 'samesong list' shows them" nope --as Maya --step value "x"
bad_add "unknown number" 1 "no session number 42" 42 --as Maya --step value "x"
bad_add "missing --as" 2 "missing --as NAME" acme-q3 --step value "x"
bad_add "missing --step" 2 "missing --step STEP" acme-q3 --as Maya "x"
bad_add "missing value" 2 "option --step needs a value" acme-q3 --as Maya --step
bad_add "two texts" 2 "give TEXT as one argument" acme-q3 --as Maya --step value a b
run --db "$db" add thesis --as Ann --role ceo --step value x; status 0 "the solo founder answers"
bad_add "solo second person" 1 "a solo session has one participant; Bob is not it" \
    thesis --as Bob --step value y
run --db "$db" export acme-q3
check '[ "$(cat "$OUT")" = "$before" ]' "bad input left the session unchanged"
# control characters never reach the terminal, even in error messages
run --db "$db" add "$(printf 'x\033]0;owned\007')" --as M --step value y
status 1 "escape in a session name"
check '! grep -q "$(printf "\033")" "$ERR"' "the error shows no raw escape"; stderr_has "^[]0;owned^G"

# --- files that are not what they should be ------------------------------------------
echo "just text" >"$WORK/text.db"
run --db "$WORK/text.db" list; status 3 "not SQLite"; stderr_is "samesong: list: $WORK/text.db is not a SQLite database"
cp "$db" "$WORK/newer.db"
run --db "$WORK/newer.db" list; status 0 "copy opens"
sqlite_version() { # set user_version without the sqlite3 shell: through a samesong-free path
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('pragma user_version=%s' % sys.argv[2]); c.commit()" "$1" "$2"
}
if command -v python3 >/dev/null; then
    sqlite_version "$WORK/newer.db" 99
    sum_before=$(cksum <"$WORK/newer.db")
    run --db "$WORK/newer.db" list; status 5 "newer database"
    stderr_has "was written by a newer samesong (schema 99; this one knows up to 15)"
    check '[ "$(cksum <"$WORK/newer.db")" = "$sum_before" ]' "newer database left untouched"
fi
run --read-only --db "$db" add acme-q3 --as Maya --step value x
status 1 "--read-only refuses writes"; stderr_is "samesong: add: $db is open read-only"
cp "$db" "$WORK/ro.db"; chmod 0444 "$WORK/ro.db"
sum_before=$(cksum <"$WORK/ro.db")
run --db "$WORK/ro.db" add acme-q3 --as Maya --step value x
status 1 "unwritable file"; stderr_has "is read-only (the file is not writable)"
run --db "$WORK/ro.db" show acme-q3; status 0 "unwritable file can be read"
check '[ "$(cksum <"$WORK/ro.db")" = "$sum_before" ]' "unwritable file unchanged"
run --read-only --db "$WORK/absent.db" list; status 1 "read-only needs a file"; stderr_has "no such database"
check '[ ! -e "$WORK/absent.db" ]' "read-only did not create a file"

# --- export and import -------------------------------------------------------------
run --db "$db" export acme-q3 -o "$WORK/acme.json"; status 0 "export -o"
check '[ -s "$WORK/acme.json" ]' "export wrote the file"
check '[ "$(ls "$WORK" | grep -c "acme.json.")" -eq 0 ]' "export left no temporary file"
run --db "$db" import "$WORK/acme.json"; status 1 "import under a taken slug"; stderr_has "choose another with --slug"
run --db "$db" import "$WORK/acme.json" --slug acme-copy; status 0 "import --slug"; stdout_is "acme-copy"
run --db "$db" export acme-copy
check 'cmp -s "$OUT" "$WORK/acme.json"' "export of the import equals the export"
run --db "$db" import - --slug from-stdin <"$WORK/acme.json"; status 0 "import from stdin"
run --db "$db" export acme-q3 --format md; status 0 "export md"
stdout_has "# Positioning canvas: Acme Q3"; stdout_has "**Decision:** _not decided yet_"
run --db "$db" export acme-q3 --format xml; status 2 "unknown format"; stderr_has 'unknown format "xml"'
run --db "$db" export acme-q3 -o "$WORK/no/such/dir/x.json"; status 1 "export to a missing folder"
stderr_has "cannot write $WORK/no/such/dir/x.json"

sessions_before=$("$SAMESONG" --db "$db" list --json)
bad_import() { # WHAT EXPECTED-STDERR FILE-CONTENT
    printf '%s' "$3" >"$WORK/bad.json"
    run --db "$db" import "$WORK/bad.json" --slug never
    status 1 "$1"; stderr_one_line; stderr_has "$2"
}
bad_import "empty file" "bad.json: not a session file" ""
bad_import "cut-short file" "bad.json: not a session file" '{"format": "samesong-session/1", "name": "N", "inputs": [{'
bad_import "bad step" 'bad.json: inputs[0].step: "alternative" is not a step; steps are alternatives' \
    '{"format": "samesong-session/1", "name": "N", "participants": [{"name": "M", "role": "ceo"}],
      "inputs": [{"participant": "M", "step": "alternative", "text": "x"}]}'
bad_import "escape in text" 'bad.json: inputs[0].text: control character U+001B' \
    '{"format": "samesong-session/1", "name": "N", "participants": [{"name": "M", "role": "ceo"}],
      "inputs": [{"participant": "M", "step": "value", "text": "\u001b[2J"}]}'
run --db "$db" import "$WORK/missing.json"; status 1 "missing file"
stderr_is "samesong: import: cannot read $WORK/missing.json: No such file or directory"
run --db "$db" list --json
check '[ "$(cat "$OUT")" = "$sessions_before" ]' "refused imports wrote nothing"

# --- demo and the default database --------------------------------------------------
export XDG_DATA_HOME="$WORK/xdg"
unset SAMESONG_DB
run demo; status 0 "demo"
stdout_has "is now in $WORK/xdg/samesong/samesong.db, as session replyline-positioning-workshop"
stdout_has "samesong show replyline-positioning-workshop"
check '[ -f "$WORK/xdg/samesong/samesong.db" ]' "demo created the default database and its folder"
run demo; status 0 "demo again"; stdout_has "was already in"
run list; status 0 "list the default database"; stdout_has "Replyline positioning workshop"
run show replyline-positioning-workshop; status 0 "show the demo"
stdout_has "Participants (6): Maya (ceo), Jonas (marketing), Priya (sales), Tom (sales),"
stdout_has "  Lena (product), Carlos (success)"
stdout_has "   Decision: "
export SAMESONG_DB="$WORK/env.db"
run new "From env"; status 0 "SAMESONG_DB is used"
check '[ -f "$WORK/env.db" ]' "SAMESONG_DB file created"
run --db "$WORK/flag.db" demo; status 0 "demo --db"; stdout_has "samesong --db $WORK/flag.db show"

# --- JSON never carries direction overrides or C1 controls raw to a terminal ---------------------------
printf '{"format": "samesong-session/1", "name": "RTL \\u202eevil", "participants": [{"name": "M", "role": "ceo"}], "inputs": [{"participant": "M", "step": "value", "text": "a\\u200bb\\u202ec"}]}' >"$WORK/rtl.json"
run --db "$db" import "$WORK/rtl.json" --slug rtl; status 0 "a file with a right-to-left override imports"
run --db "$db" export rtl
stdout_has '"text":"a\u200bb\u202ec"'
check '! grep -q "$(printf "\342\200\256")" "$OUT"' "export escapes the override"
run --db "$db" list --json
stdout_has '"name":"RTL \u202eevil"'
check '! grep -q "$(printf "\342\200\256")" "$OUT"' "list --json escapes it too"
run --db "$db" report rtl --json
check '! grep -q "$(printf "\342\200")" "$OUT"' "report --json escapes it too"
if command -v script >/dev/null; then
    script -qec "$SAMESONG --db $db open $(printf "'x\033[2Jy'")" /dev/null >"$OUT" 2>&1
    check '! grep -q "$(printf "\033\[2J")" "$OUT"' "open does not echo a raw escape from its argument"
fi

# --- names: "Sam" and "SAM" are one person; inner runs of spaces fold (issue 10, 19) ----------
run --db "$WORK/names.db" new "Names" >/dev/null; status 0 "a session for names"
run --db "$WORK/names.db" add names --as Sam --role ceo --step value "a"; status 0 "Sam answers"
run --db "$WORK/names.db" add names --as SAM --step value "b"; status 0 "SAM answers as Sam"
run --db "$WORK/names.db" add names --as "Lee   Ann" --role sales --step value "c"; status 0 "Lee Ann answers"
run --db "$WORK/names.db" add names --as "lee ann" --step value "d"; status 0 "and again, in lower case"
run --db "$WORK/names.db" show names
stdout_has "Participants (2): Sam (ceo), Lee Ann (sales)"
run --db "$WORK/names.db" add names --as SAM --role sales --step value "x"; status 1 "SAM is Sam, a CEO"
stderr_has "already in this session as ceo"
# beyond ASCII too, whatever the locale (review)
run --db "$WORK/names.db" add names --as "ÉVA" --step value "e"; status 0 "ÉVA answers"
LC_ALL=C run --db "$WORK/names.db" add names --as "éva" --step value "f"; status 0 "éva, in the C locale"
run --db "$WORK/names.db" add names --as "ДМИТРИЙ" --step value "g"; status 0 "ДМИТРИЙ answers"
run --db "$WORK/names.db" add names --as "Дмитрий" --step value "h"; status 0 "Дмитрий answers"
run --db "$WORK/names.db" show names
stdout_has "Participants (4): Sam (ceo), Lee Ann (sales), ÉVA (other), ДМИТРИЙ (other)"

# --- found in review: edges a user meets ------------------------------------------
run list --version; status 0 "--version after a command"; stdout_is "samesong 0.1.0"
run --db "" list; status 2 "--db with no name"; stderr_is "samesong: --db needs a file name; see 'samesong --help'"
run --db "$db" export acme-q3 -o "$db"; status 1 "export over the database"
stderr_has "is the database itself"
# nor over SQLite's files beside it, however they are named: a -wal overwritten loses answers
mkdir "$WORK/sub"
ln -s "$db-wal" "$WORK/soft.md"
ln "$db-wal" "$WORK/hard.md"
wal_sum=$(cksum <"$db-wal")
listing=$(ls -a "$WORK")
for target in "$db-wal" "$WORK/sub/../w.db-wal" "$WORK/soft.md" "$WORK/hard.md"; do
    run --db "$db" export acme-q3 -o "$target"; status 1 "export over the -wal as $target"
    stderr_is "samesong: export: $target is the database's -wal file; choose another file"
done
run --db "$db" export acme-q3 --format md -o "$db-shm"; status 1 "export over the -shm"
stderr_is "samesong: export: $db-shm is the database's -shm file; choose another file"
run --db "$db" export acme-q3 -o "$db-journal"; status 1 "export over a -journal not there yet"
stderr_is "samesong: export: $db-journal is the database's -journal file; choose another file"
(cd "$WORK/sub" && "$SAMESONG" --db ../w.db export acme-q3 -o ./../w.db-wal >"$OUT" 2>"$ERR")
STATUS=$?; status 1 "export over the -wal by a relative name"; stderr_has "-wal file; choose another"
check '[ "$(cksum <"$db-wal")" = "$wal_sum" ]' "the -wal is byte for byte unchanged"
check '[ "$(ls -a "$WORK")" = "$listing" ]' "no file appeared beside the database"
rm -r "$WORK/sub" "$WORK/soft.md" "$WORK/hard.md"
# a FIFO or a device is not replaced; a link is written through, and stays a link
mkfifo "$WORK/fifo"
run --db "$db" export acme-q3 -o "$WORK/fifo"; status 1 "export onto a FIFO"
stderr_is "samesong: export: $WORK/fifo is not a regular file; choose another file"
check '[ -p "$WORK/fifo" ]' "the FIFO is still a FIFO"
: >"$WORK/real.md"
ln -s real.md "$WORK/link.md"
run --db "$db" export acme-q3 --format md -o "$WORK/link.md"; status 0 "export through a link"
check '[ -L "$WORK/link.md" ] && grep -q "Acme Q3" "$WORK/real.md"' "the link stays, the file it names is written"
rm "$WORK/fifo" "$WORK/link.md" "$WORK/real.md"
run --db "$db" show acme-q3; status 0 "the database survived"
"$SAMESONG" --db "$db" list --json >/dev/full 2>"$ERR"; STATUS=$?
status 1 "a full disk on standard output"; stderr_has "cannot write to standard output"
run --db "$WORK/mine.db" new "Mine" --slug replyline-positioning-workshop; status 0 "a user's own session"
run --db "$WORK/mine.db" demo; status 1 "demo does not take a user's session for itself"
stderr_has "is yours, not the demo"
odd="$WORK/$(printf 'odd\033[31m')"
run --db "$odd.db" demo; status 0 "demo into a database with an escape in its name"
check '! grep -q "$(printf "\033")" "$OUT"' "the path is shown without a raw escape"
run --db "$odd.db" show replyline-positioning-workshop
check '[ "$(wc -L <"$OUT")" -le 80 ]' "show fits in 80 columns"
rm -f "$WORK/par.db"*
for i in 1 2 3 4 5 6 7 8 9 10; do "$SAMESONG" --db "$WORK/par.db" new "Parallel $i" >/dev/null 2>>"$WORK/par.err" & done
wait
check '[ ! -s "$WORK/par.err" ]' "ten processes create sessions in one new file at once: $(head -1 "$WORK/par.err" 2>/dev/null)"
run --db "$WORK/par.db" list --json
check '[ "$(grep -o "\"slug\"" "$OUT" | wc -l)" -eq 10 ]' "all ten sessions are there"
# a reviewer who may not write the folder still reads the database
if [ "$(id -u)" -eq 0 ] && su nobody -s /bin/sh -c true 2>/dev/null; then
    chmod 711 "$WORK"
    mkdir "$WORK/shared" && chmod 755 "$WORK/shared"
    "$SAMESONG" --db "$WORK/shared/s.db" demo >/dev/null
    reader=$(su nobody -s /bin/sh -c "SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' '$SAMESONG' --db '$WORK/shared/s.db' list" 2>&1)
    check 'printf "%s" "$reader" | grep -q "Replyline positioning workshop"' "another user reads the database: $reader"
    cp "$WORK/shared/s.db" "$WORK/shared/copy.db"
    reader=$(su nobody -s /bin/sh -c "'$SAMESONG' --db '$WORK/shared/copy.db' list" 2>&1)
    check 'printf "%s" "$reader" | grep -q "Replyline"' "another user reads a copy without its -wal file: $reader"
    check '[ ! -e "$WORK/shared/copy.db-wal" ]' "reading the copy created nothing beside it"
fi

# --- the commands as a table: help and usage errors written in one place ----------------
# help_columns: the columns where the options' help starts in $OUT, one line per column.
help_columns() {
    grep -E '^  (-[[:alnum:]],|   ) --' "$OUT" |
        sed -E 's/^(  (-[[:alnum:]],|   ) --[a-z-]+( [A-Z=]+)? +).*/\1/' | awk '{ print length($0) }' | sort -u
}
commands=$("$SAMESONG" --help | sed -n '/^Commands:$/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
check '[ "$(printf "%s\n" "$commands" | wc -l)" -eq 19 ]' "--help lists the nineteen commands: $commands"
for cmd in $commands; do
    run "$cmd" --help; status 0 "$cmd --help"
    stdout_has "Usage: samesong $cmd"; stdout_has "      --db FILE"; stdout_has "  -h, --help"
    check '[ "$(help_columns | wc -l)" -eq 1 ]' "$cmd --help starts every option's help in one column"
    check '[ "$(wc -L <"$OUT")" -le 80 ]' "$cmd --help fits in 80 columns"
done
run --help; check '[ "$(help_columns | wc -l)" -eq 1 ]' "--help starts every option's help in one column"
run browse --help; check '! grep -q -- "--read-only" "$OUT"' "browse, always read-only, does not offer --read-only"
run demo --help; stdout_has "--theme THEME"
run --db "$db" list extra; status 2 "list takes no argument"
stderr_is "samesong: list: unexpected argument \"extra\"; see 'samesong list --help'"
run --db "$db" export; status 2 "export without SESSION"; stderr_is "samesong: export: missing SESSION; see 'samesong export --help'"
run --db "$db" export a b; status 2 "export of two sessions"; stderr_has "export: give one SESSION;"
run --db "$db" search; status 2 "search without WORDS"; stderr_has "search: missing WORDS;"
run --db "$db" diff acme-q3; status 2 "diff of one session"; stderr_has "diff: give SESSION_A and SESSION_B;"
run --db "$db" verify a b; status 2 "verify of two sessions"; stderr_has "verify: give at most one SESSION;"
run --db "$db" new Acme Q4; status 2 "new with an unquoted name"
stderr_has "new: give NAME as one argument (quote it if it has spaces);"
run --db "$db" group acme-q3 --step value Label; status 2 "group without TEXT"
stderr_has "group: give SESSION, LABEL and at least one TEXT;"
run --db "$db" report acme-q3 --frob; status 2 "an unknown option after a command"
stderr_is "samesong: report: unknown option --frob; see 'samesong report --help'"
run --db "$db" report acme-q3 -x; status 2 "an unknown letter"; stderr_has "report: unknown option -x;"
run --db "$db" export acme-q3 --form md; status 0 "a long option may be shortened"; stdout_has "# Positioning canvas"
run list -V; status 0 "-V after a command"; stdout_is "samesong 0.1.0"

finish
