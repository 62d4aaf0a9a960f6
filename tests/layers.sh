#!/bin/sh
# layers.sh: each layer includes only what lies below it: curses only in the
# screens (ui*), SQLite only in the store (store*), and the pure core (text,
# similar, align, rounds, field, layout, walk, method, chain, pitch, session, sha256, files,
# paths, util, json_out, csv_read, csv_write) neither, nor the store, the commands or the screens.
. "$(dirname "$0")/lib.sh"

SRC="${SRCDIR:-$(dirname "$0")/..}/src"

# violations DIR: one line per include that breaks a layer, in DIR's sources.
violations() {
    for f in "$1"/*.c "$1"/*.h; do
        [ -f "$f" ] || continue
        name=$(basename "$f")
        includes=$(grep -E '^[[:space:]]*#[[:space:]]*include' "$f")
        case "$name" in
            ui*) ;;
            *) printf '%s\n' "$includes" | grep -E '[<"](n?curses(w/)?[a-z]*\.h|ui\.h|ui_[a-z_]+\.h)[>"]' |
                   grep -v '"ui_run.h"' | sed "s|^|$name: the screens' layer: |" ;;
        esac
        case "$name" in
            store*) ;;
            *) printf '%s\n' "$includes" | grep -E '[<"](sqlite3\.h|store_internal\.h)[>"]' |
                   sed "s|^|$name: the store's layer: |" ;;
        esac
        case "$name" in
            text.*|similar.*|align.*|rounds.*|field.*|layout.*|walk.*|method.*|chain.*|pitch.*|session.*|sha256.*|files.*|paths.*|util.*|json_out.*|csv_read.*|csv_write.*)
                printf '%s\n' "$includes" | grep -E '"(store|cli|report|ui_run)\.h"' |
                    sed "s|^|$name: the core includes a higher layer: |" ;;
        esac
    done
}

found=$(violations "$SRC")
if [ -z "$found" ]; then ok; else bad "includes across layers:
$found"; fi

# The check itself can fail: a core file that includes curses, one that
# includes the store's internals and a command that includes the screens.
fake="$WORK/src"
mkdir -p "$fake"
printf '#include <curses.h>\n' >"$fake/align.c"
printf '#include "store_internal.h"\n' >"$fake/cli_new.c"
printf '#include "ui.h"\n#include "store.h"\n' >"$fake/text.c"
printf '#include <sqlite3.h>\n#include <curses.h>\n' >"$fake/ui_fine.c"
found=$(violations "$fake")
check 'printf "%s" "$found" | grep -q "align.c: the screens"' "curses in the core is caught"
check 'printf "%s" "$found" | grep -q "cli_new.c: the store"' "the store's internals in a command are caught"
check 'printf "%s" "$found" | grep -q "text.c: the screens"' "ui.h in the core is caught"
check 'printf "%s" "$found" | grep -q "text.c: the core includes a higher layer"' "store.h in the core is caught"
check 'printf "%s" "$found" | grep -q "ui_fine.c: the store"' "SQLite in a screen is caught"
check '! printf "%s" "$found" | grep -q "ui_fine.c: the screens"' "curses in a screen is fine"

finish
