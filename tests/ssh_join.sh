#!/bin/sh
# ssh_join.sh: the README's room-mode recipe over a real ssh link (sshd on
# 127.0.0.1, a Match block with ForceCommand samesong --db FILE join SESSION): a
# stakeholder types their code and answers, the answer is in the file, and no
# command given to ssh (nor scp) runs anything else.
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
room_db "$db"
run --db "$db" invite room Ann
ann=$(code_of Ann)

# --- an sshd of the test's own, on loopback, whose logins only ever join -------------------------
ssh-keygen -q -t ed25519 -N '' -f "$WORK/host_key" || skip "ssh-keygen cannot make a host key"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id" || skip "ssh-keygen cannot make a key"
cp "$WORK/id.pub" "$WORK/authorized_keys"
if [ "$(id -u)" -eq 0 ]; then
    mkdir -p /run/sshd # privilege separation needs it
    root_login="PermitRootLogin prohibit-password"
else
    root_login=""
fi
# The README's recipe: ForceCommand samesong --db FILE join SESSION.
force="env SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' LC_ALL=C.UTF-8"
force="$force '$SAMESONG' --db '$db' join room"
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
Match User $user
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
# stakeholder [COMMAND]: logs in over ssh with a terminal, asking to run COMMAND if given.
stakeholder() {
    tmux -L "$SOCKET" kill-server 2>/dev/null
    RUNS=$((RUNS + 1))
    SOCKET="$BASE_SOCKET-$RUNS"
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
        "env TERM=$TERM ssh -tt -p $port $ssh_opts $user@127.0.0.1 $*; echo \"ssh exited with \$?\"; sleep 600"
    tmux -L "$SOCKET" set-option -g remain-on-exit on >/dev/null
}

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
