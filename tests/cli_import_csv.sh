#!/bin/sh
# cli_import_csv.sh: import --csv: a web form's export (Google Forms-like: a byte order
# mark, CR LF, Timestamp and Email columns, quoted cells of several lines) becomes a
# session's answers; --map names other columns; importing again adds nothing; every bad
# file, row or cell is refused in one line naming the row and column, with nothing written.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/payloads.sh"

db="$WORK/w.db"
"$SAMESONG" --db "$db" new "Acme Q3" >/dev/null
# the database, byte for byte, and the session as export writes it
state() { cat "$db" "$db-wal" 2>/dev/null | cksum; "$SAMESONG" --db "$db" export "${1:-acme-q3}"; }
unchanged() { now=$(state "${2:-}"); check '[ "$now" = "$before" ]' "$1: nothing written"; }

# --- a form's export: CR LF, a byte order mark, a cell of several lines ------------------
{
    printf '\357\273\277"Timestamp","Email Address","Your name","Your department",'
    printf '"What would a customer do if we did not exist?","Differentiated capabilities",'
    printf '"Value","customers"\r\n'
    printf '"2026/11/02 9:14:03 AM GMT","ana@acme.example","Ana Ruiz","Marketing",'
    printf '"Spreadsheets\r\nZendesk\r\n\r\n   Doing nothing  ","Order lookup","Answers in seconds",""\r\n'
    printf '"2026/11/02 9:20:41 AM GMT","bo@acme.example","Bo Chen","Customer success",'
    printf '"Zendesk","Order lookup\nMacros","Happier ""agents""","Shopify brands, 5-50 agents"\r\n'
    printf ',,,,,,,\r\n'
    printf '"2026/11/02 9:31:00 AM GMT","cy@acme.example","Cy","ceo","Gorgias","","",""\r\n'
} >"$WORK/prework.csv"
run --db "$db" import --csv "$WORK/prework.csv" --session acme-q3 \
    --map 'participant=Your name' --map 'role=your department'
status 0 "a form's CSV imports"
stdout_is "acme-q3: 11 answers from 3 participants, 3 new (0 already there)"
stderr_is "samesong: import: $WORK/prework.csv: columns ignored: \"Timestamp\", \"Email Address\""
run --db "$db" show acme-q3
stdout_has "Participants (3): Ana Ruiz (marketing), Bo Chen (success), Cy (ceo)"
# the step by its question, its title, its id in any case; each line of a cell an answer
stdout_has "   Ana Ruiz (marketing)
     - Spreadsheets
     - Zendesk
     - Doing nothing
   Bo Chen (success)
     - Zendesk
   Cy (ceo)
     - Gorgias"
stdout_has "   Bo Chen (success)
     - Order lookup
     - Macros"
stdout_has '     - Happier "agents"'
stdout_has "     - Shopify brands, 5-50 agents"

# --- again: nothing doubled; a later file adds only what is new -------------------------
before=$(state)
run --db "$db" import --csv "$WORK/prework.csv" --session acme-q3 \
    --map 'participant=Your name' --map 'role=your department'
status 0 "the same file again"
stdout_is "acme-q3: 0 answers from 3 participants (11 already there)"
check '[ "$("$SAMESONG" --db "$db" export acme-q3)" = "$(echo "$before" | sed 1d)" ]' \
    "importing again changes no answer"
# the default names: participant and role, a step's id; a known person keeps their role
printf 'participant,role,alternatives,value\nana ruiz,,"Zendesk\nA wiki",Answers in seconds\nDee,Sales,,\n' \
    >"$WORK/more.csv"
run --db "$db" import --csv "$WORK/more.csv" --session 1
status 0 "a second file, the session by number"
stdout_is "1: 1 answer from 2 participants, 1 new (2 already there)"
check '[ ! -s "$ERR" ]' "no column ignored, nothing said"
run --db "$db" show acme-q3
stdout_has "Ana Ruiz (marketing)
     - Spreadsheets
     - Zendesk
     - Doing nothing
     - A wiki"
stdout_has "Dee (sales)"
# standard input
printf 'Name,Department,category\nEve,Product,Help desk\n' |
    "$SAMESONG" --db "$db" import --csv - --session acme-q3 >"$OUT" 2>"$ERR"
STATUS=$?
status 0 "- reads standard input"
stdout_is "acme-q3: 1 answer from 1 participant, 1 new (0 already there)"

# --- bad rows and cells: one line naming the file, the row and the column; nothing written -
before=$(state)
csv() { printf 'Timestamp,Your name,Department,Value themes,alternatives\n%b' "$1" >"$WORK/bad.csv"; }
refused() { # refused WHAT MESSAGE: the last bad.csv is refused with MESSAGE
    run --db "$db" import --csv "$WORK/bad.csv" --session acme-q3 --map "participant=Your name"
    status 1 "$1: refused"
    stderr_is "samesong: import: $WORK/bad.csv: $2"
    unchanged "$1"
}
long=$(printf '%1001s' | tr ' ' x)
csv "t,Fay,sales,Fine,Fine\nt,Gus,sales,\"ok\n$long\",Fine\n"
refused "an answer too long" \
    'row 3, column "Value themes": answer: text of 1001 characters; at most 1000 are allowed'
csv "t,Fay,sales,Fine,Fine\nt,Gus,sales,Fine,\"a\tb\"\n"
refused "a tab in an answer" 'row 3, column "alternatives": answer: control character U+0009 at character 2'
csv "t,Fay,sales,Fine,Fine\n\nt,,sales,Fine,Fine\n"
refused "an answer with no name" 'row 4, column "Your name": participant name: empty text'
csv "t,Fay,sales,Fine,Fine\nt,Gus,Legal,Fine,Fine\n"
refused "an unknown role" \
    'row 3, column "Department": "Legal" is not a role; roles are ceo, marketing, sales, product, success, other (or founder, customer success)'
# Fay is new and fine; the refusal comes inside the transaction, which takes her back too
csv "t,Fay,sales,Fine,Fine\nt,Bo Chen,Sales,Fine,Fine\n"
refused "a known name with another role" 'row 3: Bo Chen is already in this session as success, not sales'
# a name twice in the file with two roles: said where the file disagrees with itself
csv "t,Lee,sales,Fine,Fine\nt,Fay,,Fine,Fine\nt,lee,,Fine,Fine\nt,LEE,ceo,Fine,Fine\n"
refused "a name twice with two roles" 'row 5, column "Department": LEE is sales on row 2, not ceo'
csv "t,Fay,sales,Fine\n"
refused "a ragged row" 'row 2 (line 2): 4 cells where the header has 5'
csv "t,Fay,sales,Fine,\"Fine\n"
refused "an unterminated quote" \
    'row 2 (line 2), column "alternatives": a quoted cell is never closed (a quote inside one is written "")'
csv "t,Fay,sales,Fine,F\377\n"
refused "invalid UTF-8" 'row 2 (line 2), column "alternatives": invalid UTF-8 at byte 2 of the cell; save it as "CSV UTF-8 (comma delimited)"'
# a spreadsheet's other ways of saving, each refused saying how to save it instead
csv "t,Fay,sales,Caf\351,Fine\n" # Windows-1252
refused "Windows-1252" 'row 2 (line 2), column "Value themes": invalid UTF-8 at byte 4 of the cell; save it as "CSV UTF-8 (comma delimited)"'
printf '\377\376p\000,\000r\000\n\000' >"$WORK/bad.csv" # Excel's "Unicode text"
refused "UTF-16" 'the file is UTF-16 (Excel'"'"'s "Unicode text"); save it as "CSV UTF-8 (comma delimited)"'
printf 'Your name;role;value\nFay;sales;a, b\n' >"$WORK/bad.csv"
refused "semicolons" 'row 1 (line 1): the cells are separated by semicolons, not commas; save it as "CSV UTF-8 (comma delimited)"'
printf 'Timestamp,Department,Value themes\nt,sales,x\n' >"$WORK/bad.csv"
refused "no participant column" 'no column "Your name" (--map participant); the columns are "Timestamp", "Department", "Value themes"'
run --db "$db" import --csv "$WORK/bad.csv" --session acme-q3; status 1 "no participant column"
stderr_is "samesong: import: $WORK/bad.csv: no participant column: call one \"participant\" or say which with --map participant=COLUMN; the columns are \"Timestamp\", \"Department\", \"Value themes\""
printf 'Your name,Value themes\nFay,x\n' >"$WORK/bad.csv"
refused "no role column" 'no role column: call one "role" or say which with --map role=COLUMN; the columns are "Your name", "Value themes"'
printf 'Your name,role,Email\nFay,sales,f@x\n' >"$WORK/bad.csv"
refused "no step column" 'no column for any step: call them by the step (alternatives, capabilities, value, customers, category), its title or its question, or say which with --map STEP=COLUMN; the columns are "Your name", "role", "Email"'
printf 'Your name,role,value,Value themes\nFay,sales,x,y\n' >"$WORK/bad.csv"
refused "two columns for one step" 'columns "value" and "Value themes" are both the step value; say which with --map value=COLUMN'
printf '' >"$WORK/bad.csv"
refused "an empty file" 'no header row: the file is empty'
head -c 8388609 /dev/zero | tr '\0' a >"$WORK/bad.csv"
refused "a file past 8 MB" 'larger than 8 MB, the most samesong reads'
# 10,000 rows after the header, blank lines not counted; one more is refused
awk 'BEGIN { print "t,Your name,Department,Value themes,alternatives"
             for (i = 1; i <= 10000; i++) { print "t,Fay,sales,Fine,Fine"; if (i % 1000 == 0) print "" } }' \
    >"$WORK/rows.csv"
rows="$WORK/rows.db"
"$SAMESONG" --db "$rows" new "Rows" >/dev/null
run --db "$rows" import --csv "$WORK/rows.csv" --session rows --map "participant=Your name"
status 0 "10,000 rows and the header"
stdout_is "rows: 2 answers from 1 participant, 1 new (19998 already there)"
{ cat "$WORK/rows.csv"; echo "t,Fay,sales,Fine,Fine"; } >"$WORK/bad.csv"
run --db "$rows" import --csv "$WORK/bad.csv" --session rows --map "participant=Your name"
status 1 "10,001 rows: refused"
stderr_is "samesong: import: $WORK/bad.csv: row 10012 (line 10012): more than 10000 rows after the header"
# a name whose role only a later row gives: that role, not "other" and a clash
roles="$WORK/roles.db"
"$SAMESONG" --db "$roles" new "Roles" >/dev/null
printf 'participant,role,value\nLee,,Fast\nlee,CEO,Cheap\nLee,,Calm\n' >"$WORK/roles.csv"
run --db "$roles" import --csv "$WORK/roles.csv" --session roles
status 0 "a role given on a later row of the same name"
stdout_is "roles: 3 answers from 1 participant, 1 new (0 already there)"
run --db "$roles" show roles; stdout_has "Participants (1): Lee (ceo)"
run --db "$db" import --csv "$WORK/none.csv" --session acme-q3; status 1 "a missing file"
stderr_is "samesong: import: cannot read $WORK/none.csv: No such file or directory"
run --db "$db" import --csv "$WORK/prework.csv" --session acme-q3 --map 'participant=Name?'
status 1 "--map naming no column"; stderr_one_line; stderr_has 'no column "Name?" (--map participant)'
unchanged "the refusals"

# --- the session: it must be there, and open -------------------------------------------
run --db "$db" import --csv "$WORK/more.csv" --session nope; status 1 "no such session"
stderr_is "samesong: import: no session nope to import into; make it first with 'samesong --db $db new NAME' ('samesong --db $db list' shows them)"
run --db "$WORK/none.db" import --csv "$WORK/more.csv" --session nope; status 1 "no database"
check '[ ! -e "$WORK/none.db" ]' "no database is made for it"
"$SAMESONG" --db "$db" demo >/dev/null
locked=replyline-finished-canvas
before=$(state $locked)
run --db "$db" import --csv "$WORK/more.csv" --session $locked; status 1 "a locked session"
stderr_is "samesong: import: session $locked is locked; a locked session cannot be changed"
unchanged "a locked session" $locked
# a solo session has one participant: the file's first person becomes them, no second
"$SAMESONG" --db "$db" new "Solo" --solo >/dev/null
printf 'participant,role,value\nSol,ceo,Fast\nSol,ceo,"Fast\nCheap"\n' >"$WORK/solo.csv"
run --db "$db" import --csv "$WORK/solo.csv" --session solo; status 0 "a solo session's one person"
stdout_is "solo: 2 answers from 1 participant, 1 new (1 already there)"
before=$(state solo)
printf 'participant,role,value\nSol,ceo,Fast\nTim,sales,Slow\n' >"$WORK/solo.csv"
run --db "$db" import --csv "$WORK/solo.csv" --session solo; status 1 "a second person in a solo session"
stderr_is "samesong: import: $WORK/solo.csv: row 3: a solo session has one participant; Tim is not it"
unchanged "a second person in a solo session" solo

# --- usage: the two forms of import, --map's form ----------------------------------------
for args in "import" "import x.json --csv y.csv --session acme-q3" "import --csv y.csv" \
            "import x.json --session acme-q3" "import x.json --map value=V" \
            "import --csv y.csv --session acme-q3 --slug s" \
            "import --csv y.csv --session acme-q3 --map value" \
            "import --csv y.csv --session acme-q3 --map participant=" \
            "import --csv y.csv --session acme-q3 --map why=Why" \
            "import --csv y.csv --session acme-q3 --map value=A --map VALUE=B"; do
    # shellcheck disable=SC2086 # the words are the arguments
    run --db "$db" $args
    status 2 "$args: a usage error"; stderr_one_line; stderr_has "see 'samesong import --help'"
done
run --db "$db" import --csv y.csv --session acme-q3 --map why=Why
stderr_has '--map "why=Why": "why" is not participant, role or a step (alternatives, capabilities, value, customers, category)'
run --db "$db" import --csv y.csv; stderr_has "missing --session SESSION"
run --db "$db" import x.json --csv y.csv --session a; stderr_has "give a session file or --csv FILE, not both"
run import --help; status 0 "import --help"
stdout_has "[--map KEY=COLUMN]..."
stdout_has "--csv FILE"

# --- hostile text (tests/cli_injection.sh puts every payload in every cell) -------------
hostile="$WORK/hostile.db"
"$SAMESONG" --db "$hostile" new "Acme" >/dev/null
printf 'participant,role,value\nAnn,ceo,"x\n\033[2J"\n' >"$WORK/h.csv"
run --db "$hostile" import --csv "$WORK/h.csv" --session acme; status 1 "an escape in an answer"
stderr_is "samesong: import: $WORK/h.csv: row 2, column \"value\": answer: control character U+001B at character 1"
printf 'participant,role,"\342\200\256value"\nAnn,ceo,x\n' >"$WORK/h.csv"
run --db "$hostile" import --csv "$WORK/h.csv" --session acme; status 1 "an override in the header"
stderr_one_line; clean "an override in the header" "$OUT" "$ERR"
# every payload in the file's name
name=$(printf '%s' "$ALL_PAYLOADS" | tr / _)
printf 'participant,role,value\nAnn,ceo,"x\n\033]0;pwned\007"\n' >"$WORK/$name.csv"
run --db "$hostile" import --csv "$WORK/$name.csv" --session acme; status 1 "the file's name"
stderr_one_line; stderr_has "pwned^G"; clean "the file's name in the message" "$OUT" "$ERR"

clean_flush
finish
