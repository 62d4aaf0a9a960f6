#!/bin/sh
# ssh_join.sh: the README's room-mode recipe over a real ssh link (sshd on
# 127.0.0.1, a Match block with ForceCommand samesong --db FILE join SESSION): a
# stakeholder types their code and answers, the answer is in the file, and no
# command given to ssh (nor scp) runs anything else.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/sshd.sh"

data="$WORK/data"
db="$data/team.db"
mkdir "$data"
room_db "$db"
run --db "$db" invite room Ann
ann=$(code_of Ann)

# --- an sshd of the test's own, on loopback, whose logins only ever join -------------------------
# The README's recipe: ForceCommand samesong --db FILE join SESSION.
force="env SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' LC_ALL=C.UTF-8"
force="$force '$SAMESONG' --db '$db' join room"
sshd_start "Match User $user
    ForceCommand $force"
stakeholder() { ssh_login "$@"; }

# --- Ann logs in, types her code and answers; the answer is in the file ------------------------
stakeholder
on_screen "Your join code:" "ssh opens the join screen"
type_text "$ann"; keys Enter
on_screen "You are Ann" "the code says who"
not_on_screen "hidden" "nobody else's answers over ssh either"
keys a; type_text "Ann over ssh"; keys Enter Enter
on_screen "Ann over ssh" "her answer is on her screen"
check '[ "$(sqlite3 "$db" "SELECT count(*) FROM inputs WHERE text = '"'Ann over ssh'"'")" = 1 ]' \
    "the answer typed over ssh is in the file"
keys q y
on_screen "ssh exited with 0" "q leaves, and the login ends"

# --- a command given to ssh does not get around ForceCommand -----------------------------------
stakeholder "\"sh -c 'touch $WORK/pwned'\"" # ssh sends the one string as the command
on_screen "Your join code:" "ssh with a command still gets the join screen"
keys Escape
on_screen "ssh exited with 1" "Esc at the code leaves"
check '[ ! -e "$WORK/pwned" ]' "the command was not run"
# shellcheck disable=SC2086 # the options are words
timeout 20 ssh -p "$port" $ssh_opts "$user@127.0.0.1" sh -c "'touch $WORK/pwned2'" \
    >"$OUT" 2>"$ERR" </dev/null
STATUS=$?
status 1 "without a terminal, join refuses"
stderr_has "join needs a terminal"
check '[ ! -e "$WORK/pwned2" ]' "the command given without a terminal was not run either"
echo payload >"$WORK/payload"
# shellcheck disable=SC2086
timeout 20 scp -q -P "$port" $ssh_opts "$WORK/payload" "$user@127.0.0.1:$WORK/scp-pwned" \
    >"$OUT" 2>"$ERR"
STATUS=$?
check '[ "$STATUS" -ne 0 ]' "scp fails"
check '[ ! -e "$WORK/scp-pwned" ]' "scp wrote nothing"
check 'grep -q "Accepted publickey for $user" "$WORK/sshd.log"' "the logins went through sshd"
[ "$FAILED" -eq 0 ] || sed 's/^/  sshd: /' "$WORK/sshd.log" | tail -20
finish
