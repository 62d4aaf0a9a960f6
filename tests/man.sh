#!/bin/sh
# man.sh: the man page renders without warnings and documents every command and option.
. "$(dirname "$0")/lib.sh"

: "${MAN_PAGE:?run this through make check}"
warnings=$(groff -ww -z -man "$MAN_PAGE" 2>&1)
STATUS=$?
check '[ $STATUS -eq 0 ] && [ -z "$warnings" ]' "groff -ww warns: $warnings"
if [ -n "${MANDOC:-}" ]; then
    lint=$("$MANDOC" -Tlint -W style "$MAN_PAGE" 2>&1)
    check '[ -z "$lint" ]' "mandoc -Tlint: $lint"
fi

page=$(groff -man -Tutf8 -P -cbou "$MAN_PAGE" 2>/dev/null)
# the commands as 'samesong --help' lists them: a new command without a section fails here
commands=$("$SAMESONG" --help | sed -n '/^Commands:$/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
check '[ "$(printf "%s\n" "$commands" | wc -l)" -ge 15 ]' "samesong --help lists the commands: $commands"
for cmd in $commands; do
    check 'printf "%s" "$page" | grep -qE "^ +(samesong )?$cmd( |$)"' "man page has no section for $cmd"
    # every long option a command's --help lists is in the man page
    for opt in $("$SAMESONG" "$cmd" --help | grep -oE -- '--[a-z-]+' | sort -u); do
        check 'printf "%s" "$page" | grep -qF -- "$opt"' "man page lacks $opt of $cmd"
    done
done
for var in SAMESONG_DB XDG_DATA_HOME SAMESONG_DATA_DIR; do
    check 'printf "%s" "$page" | grep -qF "$var"' "man page lacks $var"
done
check 'printf "%s" "$page" | grep -qF "samesong-session/1"' "man page lacks the file format"
check 'printf "%s" "$page" | grep -q "EXIT STATUS"' "man page lacks EXIT STATUS"

finish
