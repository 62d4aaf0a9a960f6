#!/bin/sh
# completion_zsh.sh: completion/_samesong in a real zsh (in tmux), with compinit
# and the script on $fpath, as a user would have it: Tab completes commands,
# formats, steps, themes, files, and the session slugs of the database the line
# names (or $SAMESONG_DB's), and says nothing and makes no file where there is none.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

: "${SRCDIR:?run this through make check}"
command -v zsh >/dev/null || { echo "SKIP: zsh (Debian package zsh) is not installed"; exit 77; }

db="$WORK/demo.db"
"$SAMESONG" --db "$db" demo >/dev/null
mkdir "$WORK/bin" "$WORK/cwd" "$WORK/zdot"
ln -s "$SAMESONG" "$WORK/bin/samesong"
cat >"$WORK/zdot/.zshrc" <<ZSH
fpath=('$SRCDIR/completion' \$fpath)
autoload -Uz compinit && compinit -u -d '$WORK/zcompdump'
bindkey -e
PROMPT='%% '
path=('$WORK/bin' \$path)
cd '$WORK/cwd'
ZSH
: >"$WORK/cwd/answers.csv"

tmux -L "$SOCKET" -f /dev/null new-session -d -x 150 -y 30 \
    "env -i PATH='$PATH' HOME='$WORK/zdot' ZDOTDIR='$WORK/zdot' TERM=$TERM LC_ALL=C.UTF-8 \
     SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' SAMESONG_DB='$WORK/cwd/none.db' zsh -i"
reached "%" "zsh starts"

# tab LINE: a fresh screen, LINE typed at the prompt, then Tab.
tab() {
    keys C-u C-l
    type_text "$1"
    keys Tab
}

tab "samesong exp"
on_screen "% samesong export" "samesong exp<Tab> completes the command"

tab "samesong --db $db export "
keys Tab # the first inserts what they share, "replyline-"; the second lists them
on_screen "replyline-finished-canvas" "the session slugs of --db"
on_screen "replyline-positioning-workshop" "the session slugs of --db"

tab "samesong --db $db diff replyline-positioning-workshop replyline-f"
on_screen "replyline-positioning-workshop replyline-finished-canvas" "diff's second session"

tab "samesong export replyline-finished-canvas --format "
for f in json md html csv; do on_screen "$f" "export's formats"; done
tab "samesong report x --format "
on_screen "text" "report's formats"
not_on_screen "html" "report's formats"

tab "samesong add x y --step ca"
on_screen "capabilities" "the steps"
on_screen "category" "the steps"
not_on_screen "alternatives" "only the steps starting ca"

tab "samesong add x y --role mar"
on_screen "% samesong add x y --role marketing" "the roles"

tab "samesong --theme pro"
on_screen "% samesong --theme projector" "the themes"

tab "samesong export x -o ans"
on_screen "% samesong export x -o answers.csv" "file names for -o"

tab "samesong import --csv answers.csv --session x --map partic"
on_screen "% samesong import --csv answers.csv --session x --map participant=" "import's --map keys"

tab "samesong list --sl"
on_screen "% samesong list --slugs" "list's options"

# $SAMESONG_DB is the database without --db; a missing one: no noise, no file
keys C-u C-l
type_text "export SAMESONG_DB='$db'"
keys Enter
tab "samesong open replyline-p"
on_screen "% samesong open replyline-positioning-workshop" "the session slugs of \$SAMESONG_DB"
tab "samesong --db $WORK/cwd/new.db open "
sleep 0.5
not_on_screen "samesong:" "completing on a missing database says nothing"
check '[ ! -e "$WORK/cwd/new.db" ]' "completing made the database of --db"

finish
