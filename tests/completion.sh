#!/bin/sh
# completion.sh: the bash and zsh completion scripts know every command and
# option 'samesong --help' and 'samesong CMD --help' list, and bash's really
# completes: commands, options, formats, steps, roles, themes, file names, and
# the session slugs of the database the line names, through 'list --slugs',
# which says nothing and creates nothing where there is no database.
# tests/completion_zsh.sh types into a real zsh.
. "$(dirname "$0")/lib.sh"

: "${SRCDIR:?run this through make check}"
bash_script="$SRCDIR/completion/samesong.bash"
zsh_script="$SRCDIR/completion/_samesong"

# --- list --slugs: quiet, read-only, nothing where there is no database --------------------------
mkdir "$WORK/empty" "$WORK/home"
(cd "$WORK/empty" && HOME="$WORK/home" SAMESONG_DB= "$SAMESONG" list --slugs >"$OUT" 2>"$ERR")
STATUS=$?
status 0 "list --slugs with no database"
stdout_is ""
stderr_is ""
check '[ -z "$(find "$WORK/empty" "$WORK/home" -mindepth 1)" ]' "list --slugs with no database made files: $(find "$WORK/empty" "$WORK/home" -mindepth 1)"
run --db "$WORK/none.db" list --slugs
status 0 "list --slugs --db of a missing file"
stdout_is ""
stderr_is ""
check '[ ! -e "$WORK/none.db" ]' "list --slugs created the --db file"

db="$WORK/demo.db"
"$SAMESONG" --db "$db" demo >/dev/null
run --db "$db" list --slugs
status 0 "list --slugs"
stdout_is "$(printf 'replyline-positioning-workshop\nreplyline-finished-canvas')"
stderr_is ""
# $SAMESONG_DB is the database without --db; --json and --slugs are one or the other
SAMESONG_DB="$db" "$SAMESONG" list --slugs >"$OUT" 2>"$ERR"
STATUS=$?
stdout_has "replyline-finished-canvas"
run --db "$db" list --slugs --json
status 2 "list --slugs --json"
# a slug someone edited into the file is no word to complete
if command -v sqlite3 >/dev/null; then
    cp "$db" "$WORK/edited.db"
    sqlite3 "$WORK/edited.db" "UPDATE sessions SET slug = 'a b;\$(touch x)' WHERE slug = 'replyline-positioning-workshop'"
    run --db "$WORK/edited.db" list --slugs
    stdout_is "replyline-finished-canvas"
fi

# --- the scripts know every command and option of --help ----------------------------------------
# arm FILE CMD: the lines of FILE's case arms for CMD, "CMD)" or "(CMD)" up to ";;".
arm() {
    awk -v c="$2" '$0 ~ "^[ \t]*[(]?" c "[)]" { on = 1 } on { print } on && /;;/ { on = 0 }' "$1"
}
# has_option TEXT OPTION: OPTION is in TEXT as a word of its own ("-s" is not in "--slugs").
has_option() {
    printf '%s\n' "$1" | grep -qE -- "(^|[^-a-zA-Z])$2([^-a-zA-Z]|\$)"
}
# options: the "-x" and "--name" of an option table in --help
options() { grep -E '^  (-[A-Za-z], |    )--[a-z]' | grep -oE -- '^ +(-[A-Za-z], )?--[a-z-]+' | tr -d ', '; }
split() { sed 's/--/ --/' | tr ' ' '\n' | grep .; }

commands=$("$SAMESONG" --help | sed -n '/^Commands:$/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
check '[ "$(printf "%s\n" "$commands" | wc -l)" -ge 15 ]' "samesong --help lists the commands: $commands"
common=$("$SAMESONG" --help | sed -n '/^Options:$/,/^$/p' | options | split)
for script in "$bash_script" "$zsh_script"; do
    name=$(basename "$script")
    text=$(cat "$script")
    for opt in $common; do
        check 'has_option "$text" "$opt"' "$name lacks the common option $opt"
    done
    for cmd in $commands; do
        this=$(arm "$script" "$cmd")
        check '[ -n "$this" ]' "$name has no case arm for the command $cmd"
        for opt in $("$SAMESONG" "$cmd" --help | options | split); do
            printf '%s\n' "$common" | grep -qxF -- "$opt" && continue
            check 'has_option "$this" "$opt"' "$name lacks $opt of $cmd"
        done
    done
done
for cmd in $commands; do
    check 'grep -qE "^ *'\''$cmd:" "$zsh_script"' "_samesong does not describe the command $cmd"
done

# --- bash completes -------------------------------------------------------------------------------
bash_completion=""
for f in "$(pkg-config --variable=prefix bash-completion 2>/dev/null)/share/bash-completion/bash_completion" \
         /usr/share/bash-completion/bash_completion /etc/bash_completion; do
    [ -f "$f" ] && { bash_completion=$f; break; }
done
if [ -z "$bash_completion" ] || ! command -v bash >/dev/null; then
    [ "$FAILED" -gt 0 ] && finish
    echo "SKIP: bash or bash-completion (Debian package bash-completion) is not installed;"
    echo "      the scripts know every command and option ($PASSED checks passed)"
    exit 77
fi
mkdir "$WORK/bin" "$WORK/cwd"
ln -s "$SAMESONG" "$WORK/bin/samesong"
cat >"$WORK/drive.bash" <<'BASH'
# drive.bash LINE: prints what Tab offers at the end of LINE, one word a line, sorted.
source "$1"
source "$2"
line=$3
COMP_LINE=$line
COMP_POINT=${#line}
# bash splits the line at blanks and at the = of COMP_WORDBREAKS
read -ra COMP_WORDS <<<"${line//=/ = }"
[[ $line == *' ' || $line == *= ]] && COMP_WORDS+=('')
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_samesong samesong "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}" | sort
BASH
# completes LINE: what bash offers there, in $OUT, with stderr in $ERR.
completes() {
    (cd "$WORK/cwd" && PATH="$WORK/bin:$PATH" HOME="$WORK/home" \
        bash --norc --noprofile "$WORK/drive.bash" "$bash_completion" "$bash_script" "$1" >"$OUT" 2>"$ERR")
    STATUS=$?
}
offers() { if grep -qxF -- "$1" "$OUT"; then ok; else bad "Tab after \"$LINE\" does not offer $1"; fi; }
offers_not() { if grep -qxF -- "$1" "$OUT"; then bad "Tab after \"$LINE\" offers $1"; else ok; fi; }
offers_only() {
    if [ "$(cat "$OUT")" = "$1" ]; then ok; else bad "Tab after \"$LINE\" offers: $(tr '\n' ' ' <"$OUT")"; fi
}
tab() { LINE=$1; completes "$1"; }

tab "samesong "
for cmd in $commands; do offers "$cmd"; done
tab "samesong exp"
offers_only "export"
tab "samesong --db $db "
offers "report"
tab "samesong -"
offers "--db"
offers "--version"
tab "samesong export demo-slug --format "
offers_only "$(printf 'csv\nhtml\njson\nmd')"
tab "samesong export demo-slug -f m"
offers_only "md"
tab "samesong export demo-slug --format=h"
offers_only "html"
tab "samesong report x --format "
offers_only "$(printf 'csv\njson\ntext')"
tab "samesong report x --"
offers "--step"
offers "--format"
offers "--ascii"
offers "--db"
tab "samesong add x y --step "
offers_only "$(printf 'alternatives\ncapabilities\ncategory\ncustomers\nvalue')"
tab "samesong suggest x -s ca"
offers_only "$(printf 'capabilities\ncategory')"
tab "samesong add x y --role "
offers_only "$(printf 'ceo\nmarketing\nother\nproduct\nsales\nsuccess')"
tab "samesong --theme "
offers_only "$(printf 'default\nplain\nprojector')"
tab "samesong new N -s "
offers_not "alternatives"
tab "samesong new N --"
offers "--solo"
offers_not "--step"

# session slugs: from --db on the line, before or after the command, else $SAMESONG_DB
tab "samesong --db $db export "
offers_only "$(printf 'replyline-finished-canvas\nreplyline-positioning-workshop')"
tab "samesong export --db $db replyline-f"
offers_only "replyline-finished-canvas"
tab "samesong --db=$db show "
offers "replyline-positioning-workshop"
tab "samesong --db $db diff replyline-finished-canvas "
offers "replyline-positioning-workshop"
tab "samesong --db $db import --session "
offers "replyline-positioning-workshop"
tab "samesong import --csv f.csv --session x --map pa"
offers_only "participant="
tab "samesong import --csv f.csv --session x --map "
offers "capabilities="
offers "role="
tab "samesong --db $db new "
offers_only ""
SAMESONG_DB="$db"
tab "samesong report "
offers "replyline-positioning-workshop"
# a --db that does not exist: nothing offered, nothing said, no file made
tab "samesong --db $WORK/cwd/new.db export "
offers_only ""
stderr_is ""
check '[ ! -e "$WORK/cwd/new.db" ]' "completing made the database of --db"
# no database at all: nothing said, nothing made
SAMESONG_DB=""
tab "samesong open "
offers_only ""
stderr_is ""
check '[ -z "$(find "$WORK/cwd" "$WORK/home" -mindepth 1)" ]' "completing made files: $(find "$WORK/cwd" "$WORK/home" -mindepth 1)"
SAMESONG_DB="$WORK/default.db"

# file names: --db, -o, import's FILE, --csv
: >"$WORK/cwd/answers.csv"
: >"$WORK/cwd/q3.json"
mkdir "$WORK/cwd/old"
tab "samesong --db "
offers "answers.csv"
tab "samesong export x -o q"
offers_only "q3.json"
tab "samesong import a"
offers_only "answers.csv"
tab "samesong import --csv an"
offers_only "answers.csv"
tab "samesong import --csv=o"
offers "old"
rm -r "$WORK/cwd/answers.csv" "$WORK/cwd/q3.json" "$WORK/cwd/old"

finish
