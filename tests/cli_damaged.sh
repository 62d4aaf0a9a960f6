#!/bin/sh
# cli_damaged.sh: hostile database files. A file cut off at any point, bytes
# flipped at random, a file that is not SQLite, another program's SQLite file,
# a newer schema, a folder: each gets one clear line and its own exit status
# (3 not samesong's, 4 damaged, 5 newer), and the file is left as it was.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || { echo "cli_damaged: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }
good="$WORK/good.db"
"$SAMESONG" --db "$good" demo >/dev/null
size=$(wc -c <"$good")
slug=replyline-positioning-workshop
FLIPS=${DAMAGED_FLIPS:-24}

# refused_as STATUS TEXT DB WHAT: every kind of command is refused on DB with
# STATUS and one line holding TEXT, and DB is byte for byte as it was.
refused_as() {
    file=$3
    sum=$(cksum <"$file")
    for args in "list" "show $slug" "report $slug" "export $slug" "add $slug --as Maya --step value New" \
                "verify" "--read-only list"; do
        # shellcheck disable=SC2086 # the words of args are the arguments
        run --db "$3" $args
        status "$1" "$4: $args"
        stderr_has "$2"
        stderr_one_line
    done
    check '[ "$(cksum <"$file")" = "$sum" ]' "$4: the file changed"
    check '[ ! -e "$file-wal" ] && [ ! -e "$file-journal" ]' "$4: a -wal or -journal appeared beside it"
}

# --- cut off: at the header, mid-page, on a page boundary, one page short ---------------
for at in 50 100 4096 5000 $((size / 2)) $((size - 4096)) $((size - 1000)); do
    head -c "$at" "$good" >"$WORK/cut.db"
    refused_as 4 "is damaged" "$WORK/cut.db" "cut off at $at of $size bytes"
    rm -f "$WORK/cut.db"*
done
head -c $((size - 1000)) "$good" >"$WORK/cut.db"
run --db "$WORK/cut.db" list
stderr_is "samesong: list: $WORK/cut.db is damaged: it is $((size - 1000)) bytes, but its header says $size; it was cut off. samesong changed nothing; restore it from a backup"

# --- bytes flipped at random: the command works, or says the file is damaged ------------
i=1 damaged=0 worked=0
while [ "$i" -le "$FLIPS" ]; do
    cp "$good" "$WORK/flip.db"
    # four bytes of garbage at a random place past the header
    at=$(awk -v seed="$i" -v size="$size" 'BEGIN { srand(seed); printf "%d", 100 + rand() * (size - 104) }')
    printf '\377\000\201\177' | dd of="$WORK/flip.db" bs=1 seek="$at" conv=notrunc 2>/dev/null
    for args in "show $slug" "report $slug" "add $slug --as Maya --step value Flipped"; do
        sum=$(cksum <"$WORK/flip.db")
        # shellcheck disable=SC2086
        run --db "$WORK/flip.db" $args
        case $STATUS in
        0) worked=$((worked + 1)); ok ;;
        4) damaged=$((damaged + 1))
           stderr_has "is damaged"; stderr_one_line
           check '[ "$(cksum <"$WORK/flip.db")" = "$sum" ]' "flip at $at: $args was refused but changed the file" ;;
        *) bad "flip at $at: $args exited $STATUS" ;;
        esac
    done
    rm -f "$WORK/flip.db"*
    i=$((i + 1))
done
echo "cli_damaged: $FLIPS files with 4 bytes flipped: $worked commands worked, $damaged said damaged"
check '[ "$damaged" -gt 0 ]' "no flip was ever found damaged"

# --- not samesong's: text, another program's SQLite file, a plain SQLite file ----------
echo "just text, long enough to be more than a header of one hundred bytes, so SQLite reads it" >"$WORK/text.db"
refused_as 3 "is not a SQLite database" "$WORK/text.db" "a text file"
sqlite3 "$WORK/other.db" "CREATE TABLE t (x); PRAGMA application_id = 42;"
refused_as 3 "is not a samesong database" "$WORK/other.db" "another program's SQLite file"
sqlite3 "$WORK/plain.db" "CREATE TABLE t (x);"
refused_as 3 "is not a samesong database" "$WORK/plain.db" "a SQLite file with no application id"
mkdir "$WORK/folder.db"
run --db "$WORK/folder.db" list
status 3 "a folder as the database"; stderr_has "is not a regular file"

# --- newer: refused, and left for the newer samesong -------------------------------------
cp "$good" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 999"
rm -f "$WORK/newer.db-wal" "$WORK/newer.db-shm"
refused_as 5 "was written by a newer samesong (schema 999" "$WORK/newer.db" "a newer schema"

# --- a symbolic link is followed: to the database, it works; to anything else, refused --
ln -s "$good" "$WORK/link.db"
run --db "$WORK/link.db" show "$slug"
status 0 "a link to the database"
ln -s "$WORK/text.db" "$WORK/link-text.db"
run --db "$WORK/link-text.db" list
status 3 "a link to a text file"; stderr_has "is not a SQLite database"

# the good file, after it all, is still good
run --db "$good" verify
status 0 "the demo database verifies"
finish
