# sshd.sh: an sshd of the test's own on 127.0.0.1, whose logins run only the
# ForceCommand the test gives it, and ssh logins to it in tmux. Sourced by
# tests/ssh_*.sh after lib.sh and tmux.sh; skips the test with a printed
# reason where sshd cannot start.

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

# sshd_listen PORT RECIPE: 0 once an sshd with RECIPE at the end of its
# configuration listens on PORT.
sshd_listen() {
    cat >"$WORK/sshd_config" <<CONFIG
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
$2
CONFIG
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

# sshd_start RECIPE: keys, then an sshd with RECIPE (its ForceCommand) on a
# free port; sets port and ssh_opts, or skips the test.
sshd_start() {
    ssh-keygen -q -t ed25519 -N '' -f "$WORK/host_key" || skip "ssh-keygen cannot make a host key"
    ssh-keygen -q -t ed25519 -N '' -f "$WORK/id" || skip "ssh-keygen cannot make a key"
    cp "$WORK/id.pub" "$WORK/authorized_keys"
    if [ "$(id -u)" -eq 0 ]; then
        mkdir -p /run/sshd # privilege separation needs it
        root_login="PermitRootLogin prohibit-password"
    else
        root_login=""
    fi
    port=""
    for try in 1 2 3 4 5; do
        candidate=$((20000 + ($$ * 7 + try * 7919) % 40000))
        if sshd_listen "$candidate" "$1"; then port=$candidate; break; fi
        grep -q "Address already in use" "$WORK/sshd.log" || break
    done
    [ -n "$port" ] || skip "sshd cannot start: $(tail -1 "$WORK/sshd.log")"
    ssh_opts="-F /dev/null -i $WORK/id -o IdentitiesOnly=yes -o BatchMode=yes \
        -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
}

# ssh_login [COMMAND]: logs in over ssh with a terminal, in a fresh tmux
# server, asking to run COMMAND if given.
ssh_login() {
    tmux -L "$SOCKET" kill-server 2>/dev/null
    RUNS=$((RUNS + 1))
    SOCKET="$BASE_SOCKET-$RUNS"
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
        "env TERM=$TERM ssh -tt -p $port $ssh_opts $user@127.0.0.1 $*; echo \"ssh exited with \$?\"; sleep 600"
    tmux -L "$SOCKET" set-option -g remain-on-exit on >/dev/null
}
