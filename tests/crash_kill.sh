#!/bin/sh
# crash_kill.sh: writers killed with SIGKILL at random moments leave the file
# whole. Imports of a large session file, adds, and an upgrade from the oldest
# schema are killed CRASH_KILLS times (default 200); after each kill
# PRAGMA integrity_check is ok, an import is all there or not there at all, an
# add that said it was saved is there once, and the upgrade happened whole or
# not at all (and the next open finishes it).
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || { echo "crash_kill: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }
: "${OLD_SCHEMA:?run this through make check}"
KILLS=${CRASH_KILLS:-200}
IMPORT_ANSWERS=600
OLD_ANSWERS=1500
db="$WORK/crash.db"
old="$WORK/old.db"
mig="$WORK/upgrade.db"

awk -v n="$IMPORT_ANSWERS" 'BEGIN {
    split("Maya Leo Priya Tom Ines", who, " "); split("ceo marketing sales product success", role, " ");
    split("alternatives capabilities value customers category", step, " ");
    printf "{\"format\": \"samesong-session/1\", \"name\": \"Big\", \"participants\": [";
    for (p = 1; p <= 5; p++) printf "%s{\"name\": \"%s\", \"role\": \"%s\"}", (p > 1 ? "," : ""), who[p], role[p];
    printf "], \"inputs\": [";
    for (i = 1; i <= n; i++)
        printf "%s{\"participant\": \"%s\", \"step\": \"%s\", \"text\": \"answer %d, long enough to fill pages\"}",
            (i > 1 ? "," : ""), who[1 + i % 5], step[1 + int(i / 5) % 5], i;
    printf "]}";
}' >"$WORK/big.json"
"$SAMESONG" --db "$db" new Adds --slug adds >/dev/null
"$OLD_SCHEMA" "$old" 1 "$OLD_ANSWERS" || { echo "crash_kill: old_schema failed"; exit 1; }
latest=$(sqlite3 "$db" "PRAGMA user_version")

ms() { date +%s%N | cut -c1-13; }
fresh_upgrade() { rm -f "$mig" "$mig-wal" "$mig-shm" "$mig-lock"; cp "$old" "$mig"; }

# start KIND I: runs one writer of KIND in the background; its pid is in $pid.
start() {
    case $1 in
    import) "$SAMESONG" --db "$db" import "$WORK/big.json" --slug "imp-$2" >/dev/null 2>&1 & ;;
    add) "$SAMESONG" --db "$db" add adds "add $2" --as Ann --step value >/dev/null 2>&1 & ;;
    upgrade) "$SAMESONG" --db "$mig" list >/dev/null 2>&1 & ;;
    esac
    pid=$!
}

# How long each writer takes when left alone, so the kills fall across its run.
for kind in import add upgrade; do
    [ "$kind" = upgrade ] && fresh_upgrade
    t0=$(ms); start "$kind" timing; wait "$pid"; rc=$?; t1=$(ms)
    check '[ "$rc" -eq 0 ]' "an unkilled $kind works"
    eval "span_$kind=$((t1 - t0 + 5))"
done
sqlite3 "$db" "DELETE FROM inputs WHERE text = 'add timing'"
echo "crash_kill: unkilled, an import of $IMPORT_ANSWERS answers takes ${span_import} ms, an add ${span_add} ms, an upgrade from schema 1 of $OLD_ANSWERS answers ${span_upgrade} ms"

count() { sqlite3 "$db" "$1"; }
killed=0 finished=0 saved_adds=0 i=0
while [ "$i" -lt "$KILLS" ]; do
    case $((i % 3)) in 0) kind=import ;; 1) kind=add ;; 2) kind=upgrade ;; esac
    eval "span=\$span_$kind"
    delay=$(awk -v seed="$i" -v span="$span" 'BEGIN { srand(seed); printf "%.3f", rand() * span / 1000 }')
    [ "$kind" = upgrade ] && fresh_upgrade
    start "$kind" "$i"
    sleep "$delay"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null; rc=$? STATUS=$rc
    if [ "$rc" -eq 137 ]; then killed=$((killed + 1)); elif [ "$rc" -eq 0 ]; then finished=$((finished + 1))
    else bad "$kind $i exited $rc, neither killed nor done"; fi
    case $kind in
    import)
        # one sqlite3 for the three facts: integrity, the session, its answers
        set -- $(sqlite3 "$db" "PRAGMA integrity_check; SELECT count(*) FROM sessions WHERE slug = 'imp-$i';
            SELECT count(*) FROM inputs i JOIN participants p ON p.id = i.participant_id
            JOIN sessions s ON s.id = p.session_id WHERE s.slug = 'imp-$i'" 2>&1)
        whole=$1 has=${2:-x} n=${3:-x}
        check '[ "$whole" = ok ]' "integrity_check after killing import $i: $whole"
        if [ "$rc" -eq 0 ]; then
            check '[ "$has" -eq 1 ] && [ "$n" -eq "$IMPORT_ANSWERS" ]' "import $i said done but holds $n answers"
        else
            check '[ "$has" -eq 0 ] || [ "$n" -eq "$IMPORT_ANSWERS" ]' "killed import $i left a part: $n answers"
        fi ;;
    add)
        set -- $(sqlite3 "$db" "PRAGMA integrity_check; SELECT count(*) FROM inputs WHERE text = 'add $i'" 2>&1)
        whole=$1 n=${2:-x}
        check '[ "$whole" = ok ]' "integrity_check after killing add $i: $whole"
        if [ "$rc" -eq 0 ]; then
            saved_adds=$((saved_adds + 1))
            check '[ "$n" -eq 1 ]' "add $i said saved but is there $n times"
        else
            check '[ "$n" -le 1 ]' "killed add $i is there $n times"
        fi ;;
    upgrade)
        set -- $(sqlite3 "$mig" "PRAGMA integrity_check; PRAGMA user_version" 2>&1)
        whole=$1 v=${2:-x}
        check '[ "$whole" = ok ]' "integrity_check after killing upgrade $i: $whole"
        if [ "$rc" -eq 0 ]; then
            check '[ "$v" -eq "$latest" ]' "upgrade $i said done but the file is at schema $v"
        else
            check '[ "$v" -eq 1 ] || [ "$v" -eq "$latest" ]' "killed upgrade $i left schema $v, between"
        fi
        # the next open finishes the upgrade, and every answer is there
        "$SAMESONG" --db "$mig" list >/dev/null 2>&1
        set -- $(sqlite3 "$mig" "PRAGMA user_version; SELECT count(*) FROM inputs")
        v=$1 n=${2:-x}
        check '[ "$v" -eq "$latest" ]' "the open after upgrade $i did not finish it"
        check '[ "$n" -eq "$OLD_ANSWERS" ]' "upgrade $i lost answers" ;;
    esac
    i=$((i + 1))
done
echo "crash_kill: $KILLS writers, $killed killed mid-way, $finished done first; $saved_adds adds said saved"
check '[ "$killed" -ge $((KILLS / 4)) ]' "only $killed of $KILLS kills fell while the writer ran"
check '[ "$(count "SELECT count(DISTINCT text) FROM inputs WHERE text LIKE '"'add %'"'")" -ge "$saved_adds" ]' "a saved add went missing"

# After it all, samesong itself still reads and writes the file.
run --db "$db" add adds "after the kills" --as Ann --step value
status 0 "an add after the kills"
run --db "$db" verify
status 0 "verify after the kills"
run --db "$db" list
status 0 "list after the kills"

finish
