#!/bin/sh
# cli_injection.sh: the payloads of tests/payloads.sh through every way into
# the command line (arguments, session files, file names, rows written into the
# database behind samesong's back) and out of every command: each is refused in
# one line or kept and printed made safe; nothing raw reaches the terminal.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/payloads.sh"

command -v sqlite3 >/dev/null ||
    { echo "cli_injection: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }

# The payloads samesong refuses on the way in (controls, invalid UTF-8), and
# those it keeps in the data and drops on the terminal (invisible characters).
KEPT="rlo zwsp zwj bom"
REFUSED=$(for p in $PAYLOADS; do case " $KEPT " in *" $p "*) ;; *) echo "$p" ;; esac; done)

# --- the command line's ways in: add's text, --as, new's name, --product, a group label -----
db="$WORK/args.db"
"$SAMESONG" --db "$db" new "Acme" >/dev/null
"$SAMESONG" --db "$db" add acme --as Ann --step value "Fast" >/dev/null
sum_before=$(cksum <"$db")
# Every refused payload as an answer; the other ways check their text with the same
# function, so they get one of each kind: an escape, both C1s, an overlong form.
for p in $REFUSED; do
    for way in "add acme --step value --as Ann" "add acme --step value x --as" "new" \
               "new Beta --product" "group acme"; do
        case "$way $p" in
        "add acme --step value --as Ann "*|*" osc0"|*" c1raw"|*" c1utf8"|*" overlong3") ;;
        *) continue ;;
        esac
        v="a$(payload "$p")b"
        case $way in
        "group"*) run --db "$db" group acme "$v" Fast --step value ;;
        # shellcheck disable=SC2086 # the words of way are arguments; the payload is the last
        *) run --db "$db" $way "$v" ;;
        esac
        status 1 "$p in $way: refused"
        stderr_one_line
        clean "$p in $way: the error" "$OUT" "$ERR"
    done
done
check '[ "$(cksum <"$db")" = "$sum_before" ]' "nothing refused was written"
for p in $KEPT; do
    v="a$(payload "$p")b"
    run --db "$db" add acme --as "N$v" --step value "T$v"
    status 0 "$p: an answer and a name keep it"
    run --db "$db" new "S$v" --product "P$v"; status 0 "$p: a session name and product keep it"
    clean "$p: what new prints" "$OUT" "$ERR"
    run --db "$db" group acme "G$v" "T$v" --step value; status 0 "$p: a group label keeps it"
done
run --db "$db" show acme; clean "show, after every invisible payload was kept" "$OUT" "$ERR"
stdout_has "Naevilb"; stdout_has "- Tazwb [group: Gazwb]"; stdout_has "Nabmb (other)"
stdout_has "Tazjb"

# --- file names in messages: --db, import, export -o -----------------------------------
# Every payload in one name; a file name holds any byte but "/" and NUL.
name=$(printf '%s' "$ALL_PAYLOADS" | tr / _)
for args in "--db $WORK/$name.db list" "--db $WORK/$name/x.db show 1" \
            "--db $db import $WORK/$name.json" "--db $db export acme -o $WORK/$name/x.json"; do
    # shellcheck disable=SC2086 # split at the spaces: the name has none
    run $args
    status 1 "a missing file, named with every payload: ${args#* * }"
    stderr_one_line
    clean "the file's name in the message" "$OUT" "$ERR"
    stderr_has "pwned^G"
done
cp "$SAMESONG_DATA_DIR/examples/demo.json" "$WORK/$name.json"
run --db "$db" import "$WORK/$name.json"; status 0 "a session file so named imports"
clean "import of a file named with every payload" "$OUT" "$ERR"
printf '{"format": "samesong-session/1", "name": ""}' >"$WORK/$name.json"
run --db "$db" import "$WORK/$name.json"; status 1 "a bad one is refused"; stderr_one_line
clean "the refusal, naming the file" "$OUT" "$ERR"

# --- session files: a payload in every string field the format has ----------------------
db="$WORK/import.db"
"$SAMESONG" --db "$db" demo >/dev/null
"$SAMESONG" --db "$db" export replyline-finished-canvas -o "$WORK/finished.json"
# unlocked, so that a field's change is judged by the field, not by the lock's digest
sqlite3 :memory: "SELECT writefile('$WORK/open.json',
    json_remove(readfile('$WORK/finished.json'), '\$.locked', '\$.lock_digest'))" >/dev/null
sum_before=$(cksum <"$db")
# One file per field (the first of each list: inputs[0].text stands for every answer),
# each field with the next refused payload, as JSON escapes or as raw bytes.
sqlite3 :memory: "SELECT fullkey FROM json_tree(readfile('$WORK/open.json')) WHERE type = 'text'" |
    awk '{ kind = $0; gsub(/\[[0-9]+\]/, "[]", kind) } !seen[kind]++ { print n++ "|" $0 }' \
    >"$WORK/fields"
check '[ "$(wc -l <"$WORK/fields")" -ge 39 ]' "39 kinds of string field or more"
n=0
for p in $REFUSED; do
    echo "INSERT INTO payloads VALUES ($n, '$p', X'$(payload "$p" | od -An -tx1 | tr -d ' \n')');"
    n=$((n + 1))
done >"$WORK/refused.sql"
awk -F'|' '{ print "INSERT INTO fields VALUES (" $1 ", \x27" $2 "\x27);" }' "$WORK/fields" \
    >"$WORK/fields.sql"
sqlite3 :memory: <<SQL >"$WORK/files"
CREATE TABLE payloads (n INTEGER, name TEXT, bytes BLOB);
CREATE TABLE fields (n INTEGER, field TEXT);
.read $WORK/refused.sql
.read $WORK/fields.sql
CREATE TABLE doc AS SELECT readfile('$WORK/open.json') AS json;
SELECT writefile('$WORK/field' || f.n || '.json', json_set(d.json, f.field,
           json_extract(d.json, f.field) || CAST(p.bytes AS TEXT))) * 0 || f.n,
       f.field, p.name
FROM fields f, doc d JOIN payloads p ON p.n = f.n % (SELECT count(*) FROM payloads);
SQL
fields=0
while IFS='|' read -r n field p; do
    run --db "$db" import "$WORK/field$n.json"
    status 1 "$p in $field: refused"; stderr_one_line
    clean "$p in $field: the error" "$OUT" "$ERR"
    fields=$((fields + 1))
done <"$WORK/files"
# a NUL, as JSON writes it, and a payload in the lock's digest
sed 's/"name":"/&a\\u0000b/' "$WORK/open.json" >"$WORK/nul.json"
run --db "$db" import "$WORK/nul.json"; status 1 "a NUL in a name: refused"; stderr_one_line
clean "a NUL in a name: the error" "$OUT" "$ERR"
sed "s/\"lock_digest\":\"sha256:/&$(payload_json osc52)/" "$WORK/finished.json" >"$WORK/digest.json"
run --db "$db" import "$WORK/digest.json"; status 1 "a payload in the lock's digest: refused"
stderr_one_line; clean "a payload in the lock's digest: the error" "$OUT" "$ERR"
check '[ "$(cksum <"$db")" = "$sum_before" ]' "none of the $fields refused files wrote anything"
# the invisible payloads, kept: in the name, an answer, a decision and the narrative
kept=$(for p in $KEPT; do payload_json "$p"; done | sed 's/\\/\\\\/g')
sed -e "s/\"name\":\"Replyline/&$kept/" -e "s/\"narrative\":\"/&$kept/" \
    -e "s/\"participant\":\"[A-Za-z]*\",\"step\":\"[a-z]*\",\"text\":\"/&$kept/g" \
    "$WORK/open.json" >"$WORK/kept.json"
run --db "$db" import "$WORK/kept.json" --slug kept; status 0 "the invisible payloads are kept"
for args in "show kept" "report kept" "export kept --format md" "list"; do
    # shellcheck disable=SC2086
    run --db "$db" $args
    clean "$args, of the imported invisible payloads" "$OUT" "$ERR"
done
run --db "$db" export kept; stdout_has '\u202e'

# --- a form's CSV (import --csv): a payload in an answer, a name, a role, a column's name --
db="$WORK/form.db"
"$SAMESONG" --db "$db" new "Acme" >/dev/null
form() { # form HEADER ROW: a CSV of the header and one row, imported into acme
    printf '%s\n%s\n' "$1" "$2" >"$WORK/form.csv"
    run --db "$db" import --csv "$WORK/form.csv" --session acme
}
sum_before=$(cksum <"$db")
for p in $PAYLOADS; do
    v="a$(payload "$p")b"
    case " $KEPT " in *" $p "*) ways="role" ;; *) ways="answer name role" ;; esac
    for way in $ways; do
        case $way in
        answer) form "participant,role,value" "Ann,ceo,\"Fast
$v\"" ;;
        name) form "participant,role,value" "\"$v\",ceo,Fast" ;;
        role) form "participant,role,value" "Ann,\"$v\",Fast" ;;
        esac
        status 1 "$p in a CSV's $way: refused"; stderr_one_line
        clean "$p in a CSV's $way: the error" "$OUT" "$ERR"
    done
done
check '[ "$(cksum <"$db")" = "$sum_before" ]' "no refused CSV wrote anything"
for p in $KEPT; do
    v="a$(payload "$p")b"
    form "participant,role,value" "\"N$v\",ceo,\"T$v\""
    status 0 "$p in a CSV's name and answer: kept"; clean "$p: what import --csv says" "$OUT" "$ERR"
done
run --db "$db" export acme; stdout_has '"Na\u202eevilb"'; stdout_has '"Taz\u200djb"'
run --db "$db" show acme; clean "show, after the CSV's invisible payloads" "$OUT" "$ERR"
stdout_has "Naevilb (ceo)"
# a column's name: one not used is said to be ignored, made safe; invalid UTF-8 is refused
for p in $PAYLOADS; do
    form "participant,role,\"a$(payload "$p")b\",value" "Ann,ceo,x,Fast"
    check '[ "$STATUS" -le 1 ]' "$p in a CSV's column name: taken or refused"
    [ "$STATUS" -eq 1 ] && stderr_one_line
    clean "$p in a CSV's column name: the note or the error" "$OUT" "$ERR"
done

# --- rows written behind samesong's back: every payload in every text column ------------
base="$WORK/base.db" # the demo's two sessions, and a room with invites and walk-ins
"$SAMESONG" --db "$base" demo >/dev/null
"$SAMESONG" --db "$base" invite 2 >/dev/null
"$SAMESONG" --db "$base" invite 2 --walk-ins --deadline 2030-01-01 >/dev/null
# The commands, each on each session it takes; a new command fails here until added.
COMMANDS="list|list --json|show S|report S|report S --json|report S --ascii|report S --step value
check S|check S --json|suggest S|suggest S --step value|search r|search pwned evil|diff 1 2
export S|export S --format md|export S --format html|verify|verify S|invite 2 --list|round S|round S --step value
group S Label r --step value|add S --as Ann --step value Quick|invite 2 Ann|new Fresh
open S|browse|join S|demo|import IMPORT|import --csv CSV --session S"
"$SAMESONG" --help |
    awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } /^$/ { on = 0 }' \
    >"$WORK/commands"
printf '%s\n' "$COMMANDS" | tr '|' '\n' >"$WORK/tried"
while read -r cmd; do
    check 'grep -q "^$cmd\\b" "$WORK/tried"' "$cmd is among the commands tried"
done <"$WORK/commands"
for variant in "free text" "every column"; do
    db="$WORK/planted.db"
    rm -f "$db" "$db-wal" "$db-shm"
    sqlite3 "$base" "VACUUM INTO '$db'"
    # the free text: every column but the keys to the method's fixed words and the codes
    spare='^$'
    [ "$variant" = "free text" ] &&
        spare=$PLANT_FREE_TEXT
    plant "$db" "$spare"
    echo "$variant: $(wc -l <"$WORK/columns") columns planted"
    "$SAMESONG" --db "$db" --read-only export 2 -o "$WORK/planted.json" 2>/dev/null
    # a form's answers for the planted sessions: a newcomer among the planted participants
    printf 'participant,role,value\nNewcomer,sales,Fresh\n' >"$WORK/planted.csv"
    while read -r cmd; do
        for s in 1 2; do
            args=""
            for word in $cmd; do
                case $word in
                S) word=$s ;; IMPORT) word=$WORK/planted.json ;; CSV) word=$WORK/planted.csv ;;
                esac
                args="$args${args:+ }$word"
            done
            # shellcheck disable=SC2086
            run --db "$db" $args </dev/null
            check '[ "$STATUS" -lt 128 ]' "$variant: $args: ends, without a crash ($STATUS)"
            clean "$variant: $args" "$OUT" "$ERR"
            [ "$args" = "$cmd" ] && break # it takes no session
        done
    done <"$WORK/tried"
done

clean_flush
finish
