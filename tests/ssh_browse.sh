#!/bin/sh
# ssh_browse.sh: a reviewer over a real ssh link (sshd on 127.0.0.1 with ForceCommand
# samesong browse): whatever they ask ssh to run, they get the read-only screens, and
# no key there writes a file, runs a program or changes the database.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/sshd.sh"

data="$WORK/data"
db="$data/team.db"
mkdir "$data"
"$SAMESONG" --db "$db" demo >/dev/null
printf '#!/bin/sh\ntouch "$0.ran"\n' >"$WORK/editor"
chmod +x "$WORK/editor"

# --- an sshd of the test's own, on loopback, that only ever runs browse -------------------------
# VISUAL is set on purpose: even with an editor at hand, E must not run it.
force="env SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' LC_ALL=C.UTF-8 VISUAL='$WORK/editor'"
force="$force '$SAMESONG' browse --db '$db'"
sshd_start "ForceCommand $force"
reviewer() { ssh_login "$@"; }
# What a reviewer could leave behind: the data folder's files and the database's bytes.
traces() { ls -A "$data"; cksum "$db" "$db-wal"; }
before=$(traces)

# --- x on the canvas: refused, not offered, and the path typed is never written -----------------
reviewer
on_screen "positioning workshops" "ssh opens the sessions list of browse"
keys Enter
on_screen "Positioning canvas" "a session opens on its canvas"
on_screen "read-only" "and says it is read-only"
keys Escape
on_screen "A:alignment" "the canvas's keys are on the bottom line"
not_on_screen "x:export" "x is not offered"
keys x
on_screen "Read-only: no export, no editor" "x is refused"
# What the reviewer typed next as a file name (~/.bashrc, but in the test's folder).
keys C-u; type_text "$WORK/.bashrc"; keys Enter
check '[ ! -e "$WORK/.bashrc" ]' "the path typed after x was not written"

# --- E on the pitch: refused, not offered, no editor runs ------------------------------------
reviewer
on_screen "positioning workshops" "a second login opens browse again"
keys Enter "[" Escape
on_screen "Sales pitch" "the pitch"
not_on_screen "E:editor" "E is not offered"
keys E
on_screen "Read-only: no export, no editor" "E is refused"
keys e
on_screen "read-only; nothing can be changed" "e is refused"
check '[ ! -e "$WORK/editor.ran" ]' "no editor ran"

# --- a command given to ssh does not get around ForceCommand -------------------------------------
reviewer "\"sh -c 'touch $WORK/pwned'\"" # ssh sends the one string as the command
on_screen "positioning workshops" "ssh with a command still gets browse"
check '[ ! -e "$WORK/pwned" ]' "the command was not run"
tmux -L "$SOCKET" kill-server
echo payload >"$WORK/payload"
# shellcheck disable=SC2086 # the options are words
timeout 20 scp -q -P "$port" $ssh_opts "$WORK/payload" "$user@127.0.0.1:$WORK/scp-pwned" \
    >"$OUT" 2>"$ERR"
STATUS=$?
check '[ "$STATUS" -ne 0 ]' "scp fails"
check '[ ! -e "$WORK/scp-pwned" ]' "scp wrote nothing"

check '[ "$(traces)" = "$before" ]' "no file appeared beside the database, which is byte for byte unchanged"
check 'grep -q "Accepted publickey for $user" "$WORK/sshd.log"' "the logins went through sshd"
[ "$FAILED" -eq 0 ] || sed 's/^/  sshd: /' "$WORK/sshd.log" | tail -20
finish
