#!/bin/sh
# ssh_browse.sh: a reviewer over a real ssh link (sshd on 127.0.0.1 with ForceCommand
# samesong browse): whatever they ask ssh to run, they get the read-only screens, and
# no key there writes a file, runs a program or changes the database.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

skip() {
    echo "$TEST_NAME: skipped: $*"
    { echo "$TEST_NAME: skipped: $*" >&9; } 2>/dev/null
    exit 77
}

SSHD=${SSHD:-/usr/sbin/sshd}
[ -x "$SSHD" ] || skip "no $SSHD (Debian: apt-get install openssh-server)"
for tool in ssh ssh-keygen scp; do
    command -v "$tool" >/dev/null || skip "no $tool (Debian: apt-get install openssh-client)"
done

# sshd and every tmux server go when the test ends, however it ends.
SSHD_PID=""
cleanup() {
    for i in $(seq 0 "$RUNS"); do tmux -L "$BASE_SOCKET-$i" kill-server 2>/dev/null; done
    [ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

user=$(id -un)
data="$WORK/data"
db="$data/team.db"
mkdir "$data"
"$SAMESONG" --db "$db" demo >/dev/null
printf '#!/bin/sh\ntouch "$0.ran"\n' >"$WORK/editor"
chmod +x "$WORK/editor"

# --- an sshd of the test's own, on loopback, that only ever runs browse -------------------------
ssh-keygen -q -t ed25519 -N '' -f "$WORK/host_key" || skip "ssh-keygen cannot make a host key"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id" || skip "ssh-keygen cannot make a key"
cp "$WORK/id.pub" "$WORK/authorized_keys"
if [ "$(id -u)" -eq 0 ]; then
    mkdir -p /run/sshd # privilege separation needs it
    root_login="PermitRootLogin prohibit-password"
else
    root_login=""
fi
# VISUAL is set on purpose: even with an editor at hand, E must not run it.
force="env SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' LC_ALL=C.UTF-8 VISUAL='$WORK/editor'"
force="$force '$SAMESONG' browse --db '$db'"
start_sshd() { # PORT: 0 once it listens
    cat >"$WORK/sshd_config" <<EOF
Port $1
ListenAddress 127.0.0.1
HostKey $WORK/host_key
PidFile $WORK/sshd.pid
AuthorizedKeysFile $WORK/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
$root_login
DisableForwarding yes
Subsystem sftp internal-sftp
ForceCommand $force
EOF
    "$SSHD" -t -f "$WORK/sshd_config" 2>"$WORK/sshd.log" ||
        skip "sshd refuses its configuration: $(tail -1 "$WORK/sshd.log")"
    "$SSHD" -D -e -f "$WORK/sshd_config" 2>"$WORK/sshd.log" &
    SSHD_PID=$!
    for _ in $(seq 50); do
        grep -q "Server listening on 127.0.0.1 port $1" "$WORK/sshd.log" && return 0
        kill -0 "$SSHD_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill "$SSHD_PID" 2>/dev/null
    wait "$SSHD_PID" 2>/dev/null
    SSHD_PID=""
    return 1
}
port=""
for try in 1 2 3 4 5; do
    candidate=$((20000 + ($$ * 7 + try * 7919) % 40000))
    if start_sshd "$candidate"; then port=$candidate; break; fi
    grep -q "Address already in use" "$WORK/sshd.log" || break
done
[ -n "$port" ] || skip "sshd cannot start: $(tail -1 "$WORK/sshd.log")"

ssh_opts="-F /dev/null -i $WORK/id -o IdentitiesOnly=yes -o BatchMode=yes \
    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
# reviewer [COMMAND]: logs in over ssh with a terminal, asking to run COMMAND if given.
reviewer() {
    tmux -L "$SOCKET" kill-server 2>/dev/null
    RUNS=$((RUNS + 1))
    SOCKET="$BASE_SOCKET-$RUNS"
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
        "env TERM=$TERM ssh -tt -p $port $ssh_opts $user@127.0.0.1 $*; echo \"ssh exited with \$?\"; sleep 600"
    tmux -L "$SOCKET" set-option -g remain-on-exit on >/dev/null
}
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

# --- E on the narrative: refused, not offered, no editor runs ------------------------------------
reviewer
on_screen "positioning workshops" "a second login opens browse again"
keys Enter "[" Escape
on_screen "Sales narrative" "the narrative"
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
