#!/bin/sh
# cli_locale.sh: numbers in files are written and read with a full stop whatever the locale says.
# A German locale writes 21,0 for printf's %.1f: invalid JSON, a CSV cell split in two, and a
# session file's 0.70 read back as 0. Text stays in the user's locale; numbers do not.
. "$(dirname "$0")/lib.sh"

# A locale that writes a decimal comma, made here: the machine may have none installed.
if ! command -v localedef >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: localedef or python3 is missing"; exit 77
fi
mkdir "$WORK/locales"
if ! localedef -i de_DE -f UTF-8 "$WORK/locales/de_DE.UTF-8" >/dev/null 2>&1; then
    echo "SKIP: cannot make a de_DE.UTF-8 locale (Debian package locales)"; exit 77
fi
export LOCPATH="$WORK/locales" LC_ALL=de_DE.UTF-8
check '[ "$(printf "%.1f" 0.5 2>/dev/null)" = "0,5" ] || [ "$(LC_ALL=de_DE.UTF-8 python3 -c "import locale; locale.setlocale(locale.LC_ALL, \"\"); print(locale.str(0.5))")" = "0,5" ]' \
    "the made locale writes a decimal comma (else this test proves nothing)"

db="$WORK/demo.db"
slug=replyline-finished-canvas
"$SAMESONG" --db "$db" demo >/dev/null

run --db "$db" report "$slug" --json; status 0 "report --json in a German locale"
check 'python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$OUT"' "report --json is valid JSON"
stdout_has '"consensus_threshold":0.7'

run --db "$db" export "$slug"; status 0 "export in a German locale"
cp "$OUT" "$WORK/canvas.json"
check 'python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$OUT"' "the session file is valid JSON"
run --db "$db" import "$WORK/canvas.json" --slug again; status 0 "the session file imports back"
run --db "$db" export again; status 0 "export of the copy"
check '[ "$(grep -o "\"consensus_threshold\":[^,]*" "$OUT")" = "$(grep -o "\"consensus_threshold\":[^,]*" "$WORK/canvas.json")" ]' \
    "the threshold survives the round trip"

run --db "$db" report "$slug" --format csv; status 0 "report --format csv in a German locale"
check 'python3 - "$OUT" <<"PY"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
ok = all(len(r) == len(rows[0]) and None not in r for r in rows)
ok = ok and any("." in r["agreement"] for r in rows) and not any("," in r["agreement"] for r in rows)
sys.exit(0 if ok else 1)
PY' "the CSV report's numbers use a full stop and every row has its columns"

finish
