#!/bin/bash
# bench_live.sh: how fast an answer typed in a joined terminal reaches the
# projector, and what the terminals cost when nobody types (issue 11). The
# projector (`samesong open`, 120x35, projector theme) and N joined terminals
# (`samesong join`, each typing its code) each run in a tmux server of their
# own. Each joined terminal then adds answers (a, the text, Enter) at random
# pauses, and the bench watches that person's answer count on the projector's
# room list (before the reveal the projector shows counts, not text).
#
# Latency is taken from the moment the bench sends the Enter, not from the
# row's commit: the row's created_at has one-second resolution, and watching
# the file for it would add one more reader to the file under test. So each
# figure includes tmux handing the key to the joined terminal and that
# terminal's commit, which is what a person sees from their Enter. The screens
# are read every few ms (printed below), which bounds the resolution. All
# tmux commands go through control-mode clients (one per server), so sending
# a key or reading a screen starts no process.
#
# Then: each process's idle CPU (utime+stime from /proc/PID/stat over 10 s
# with every terminal joined and nobody typing) and the CPU of the run; and a
# load check (issue 11, "safe with many writers"): every answer a joined
# screen shows as saved is in the file, PRAGMA integrity_check is ok, and no
# joined screen shows "locked" or "busy". Figures, not a test: nothing is
# asserted; the exit status is 0 unless the set-up fails.
#
# Usage: bench_live.sh PATH-TO-SAMESONG [--add] [WRITERS [ANSWERS-EACH]]
#   default 8 joined terminals, 13 answers each (104 answers).
#   --add: the old mode: the writers are loops of `samesong add` (no joined
#   terminal), and latency is from each `add` returning (its commit) to the
#   projector's count; no per-terminal idle CPU then.
# Targets (issue 11): median < 250 ms, worst < 1 s; idle CPU near 0.
set -u
USAGE="usage: bench_live.sh PATH-TO-SAMESONG [--add] [WRITERS [ANSWERS-EACH]]"
SAMESONG=$(realpath "${1:?$USAGE}")
shift
MODE=join
[ "${1:-}" = --add ] && { MODE=add; shift; }
WRITERS=${1:-8}
EACH=${2:-13}
command -v tmux >/dev/null || { echo "bench_live: tmux is needed"; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench_live: sqlite3 is needed"; exit 1; }
[ -n "${EPOCHREALTIME:-}" ] || { echo "bench_live: bash 5 is needed (EPOCHREALTIME)"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/samesong-bench-live.XXXXXX")
SOCKET="samesong-bench-live-$$" # the projector's server; joined terminal I's is $SOCKET-I
SOCKETS=$SOCKET
cleanup() {
    for s in $SOCKETS; do tmux -L "$s" kill-server 2>/dev/null; done
    kill $(jobs -p) 2>/dev/null
    [ -n "${BENCH_KEEP:-}" ] && echo "bench_live: kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
DB="$WORK/live.db"
export LC_ALL=C.UTF-8
TERM_NAME=tmux-256color
[ -e /lib/terminfo/t/tmux-256color ] || [ -e /usr/share/terminfo/t/tmux-256color ] || TERM_NAME=screen
now() { t=${EPOCHREALTIME/[.,]/}; } # microseconds since the epoch, in $t, no process started

"$SAMESONG" --db "$DB" new "Live bench" >/dev/null || exit 1
for i in $(seq "$WRITERS"); do # everyone has answered once: they are all in the list
    "$SAMESONG" --db "$DB" add live-bench --as "W$i" --step alternatives "w$i-0" >/dev/null || exit 1
done
"$SAMESONG" --db "$DB" invite live-bench >"$WORK/codes" || exit 1

# start SOCKET W H ARGS...: `samesong ARGS` as the only process of a new tmux server.
start() {
    tmux -L "$1" -f /dev/null new-session -d -x "$2" -y "$3" \
        "exec env TERM=$TERM_NAME SAMESONG_DATA_DIR='${SAMESONG_DATA_DIR:-}' \
         '$SAMESONG' --db '$DB' ${*:4}"
}
pid_of() { tmux -L "$1" display-message -p -t 0 '#{pane_pid}'; }

# A control-mode client per server: CIN[K] and COUT[K] are its file descriptors.
declare -a CIN COUT
attach() { # attach K SOCKET FLAGS
    mkfifo "$WORK/in$1" "$WORK/out$1"
    tmux -L "$2" -C attach -f "$3" -t 0 <"$WORK/in$1" >"$WORK/out$1" 2>&1 &
    exec {fd}<>"$WORK/in$1"
    CIN[$1]=$fd
    exec {fd}<"$WORK/out$1"
    COUT[$1]=$fd
    tmux_cmd "$1" "display-message -p bench-live-ready"
    [ "$reply" = $'bench-live-ready\n' ] || { echo "bench_live: tmux's control mode answered: $reply"; exit 1; }
}
# tmux_cmd K COMMAND: runs COMMAND in client K's server; its output in $reply.
# Only a block whose %begin ends in 1 answers a command of this client: the
# attach answers with a block of its own (flags 0), which may come before or
# after the first command's; taking it for an answer would leave every reply
# after it one command late (a capture would return the previous command's
# output: empty after a send-keys, a screen "caught blank").
tmux_cmd() {
    echo "$2" >&"${CIN[$1]}"
    reply=
    local line inside=0
    while IFS= read -r line <&"${COUT[$1]}"; do
        case $line in
        "%begin "*" 1") inside=1 reply= ;;
        "%end "*" 1" | "%error "*" 1") [ $inside = 1 ] && break ;;
        *) [ $inside = 1 ] && reply+="$line"$'\n' ;;
        esac
    done
}

start "$SOCKET" 120 35 open live-bench --theme projector
PIDS=$(pid_of "$SOCKET")
for _ in $(seq 50); do
    tmux -L "$SOCKET" capture-pane -p -t 0 | grep -q "THE ROOM" && break
    sleep 0.1
done
tmux -L "$SOCKET" capture-pane -p -t 0 | grep -q "THE ROOM" ||
    { echo "bench_live: the projector did not show the room"; exit 1; }
attach 0 "$SOCKET" no-output,read-only
# the bench reads only the projector's rows from "THE ROOM" down: bash reads a
# pipe a byte at a time, and the whole screen would halve how often it looks
tmux_cmd 0 "capture-pane -p -t 0"
ROOM_ROW=$(printf '%s' "$reply" | grep -n "THE ROOM" | cut -d: -f1)

JOIN_H=$((EACH + 26)) # tall enough for every answer in the joined screen's list
if [ "$MODE" = join ]; then
    for i in $(seq "$WRITERS"); do
        SOCKETS+=" $SOCKET-$i"
        start "$SOCKET-$i" 100 "$JOIN_H" join live-bench
        PIDS+=" $(pid_of "$SOCKET-$i")"
        attach "$i" "$SOCKET-$i" no-output
    done
    for i in $(seq "$WRITERS"); do
        code=$(awk -v n="W$i" '$2 == n { print $1 }' "$WORK/codes")
        for _ in $(seq 50); do
            tmux_cmd "$i" "capture-pane -p -t 0"
            [[ $reply == *"Your join code:"* ]] && break
            sleep 0.1
        done
        tmux_cmd "$i" "send-keys -t 0 -l $code"
        tmux_cmd "$i" "send-keys -t 0 Enter"
    done
    for i in $(seq "$WRITERS"); do
        for _ in $(seq 50); do
            tmux_cmd "$i" "capture-pane -p -t 0"
            [[ $reply == *"You are W$i."* ]] && break
            sleep 0.1
        done
        [[ $reply == *"You are W$i."* ]] || { echo "bench_live: W$i could not join"; exit 1; }
    done
fi

ticks=$(getconf CLK_TCK)
# cpu_ms PID...: each process's user and system time so far, in ms, one a line
cpu_ms() {
    for p in "$@"; do echo "/proc/$p/stat"; done | xargs awk -v t="$ticks" \
        '{ sub(/.*\) /, ""); print ($12 + $13) * 1000 / t }'
}
HARNESS="$$ $(for s in $SOCKETS; do tmux -L "$s" display-message -p '#{pid}'; done)"

sleep 1
cpu_ms $PIDS >"$WORK/idle0"
sleep 10
cpu_ms $PIDS >"$WORK/idle1"

mkfifo "$WORK/fifo"
exec {pause}<>"$WORK/fifo" # read -t on it: a pause of a few ms with no process started
declare -A last
for i in $(seq "$WRITERS"); do last[W$i]=1; done
: >"$WORK/sent"
: >"$WORK/seen"
: >"$WORK/errors"

if [ "$MODE" = add ]; then
    # The writers: each a loop of adds with random pauses; a line per commit.
    writers=
    for i in $(seq "$WRITERS"); do
        (
            RANDOM=$((i * 7919 + $$))
            for k in $(seq "$EACH"); do
                sleep "0.$((300 + RANDOM % 700))"
                [ $((RANDOM % 3)) -eq 0 ] && sleep 1
                "$SAMESONG" --db "$DB" add live-bench --as "W$i" --step alternatives "w$i-$k" \
                    >/dev/null 2>>"$WORK/errors" || continue
                echo "W$i $((k + 1)) ${EPOCHREALTIME/[.,]/}" >>"$WORK/sent"
            done
        ) &
        writers+=" $!"
    done
fi

# Joined terminal I's next move: at time due[I], in state st[I] (0: press a;
# 1: type the text; 2: press Enter, which saves it and leaves the field open
# for another; 3: Enter again, which closes the empty field), for its answer
# k[I]; a pause of 0.3 to 1 s (and one time in three a second more) between
# answers, a typist's pauses within one.
declare -a due st k
RANDOM=$$
now
for i in $(seq "$WRITERS"); do due[i]=$((t + RANDOM % 1000000)) st[i]=0 k[i]=1; done
act() { # act I: the move due for I
    local i=$1
    case ${st[i]} in
    0) tmux_cmd "$i" "send-keys -t 0 a"; st[i]=1 due[i]=$((t + 100000 + RANDOM % 100000)) ;;
    1) tmux_cmd "$i" "send-keys -t 0 -l w$i-${k[i]}"; st[i]=2 due[i]=$((t + 100000 + RANDOM % 150000)) ;;
    2)
        now
        echo "W$i $((k[i] + 1)) $t" >>"$WORK/sent"
        tmux_cmd "$i" "send-keys -t 0 Enter"
        st[i]=3 due[i]=$((t + 100000 + RANDOM % 100000))
        ;;
    3)
        tmux_cmd "$i" "send-keys -t 0 Enter"
        k[i]=$((k[i] + 1)) st[i]=0
        due[i]=$((t + 300000 + RANDOM % 700000))
        [ $((RANDOM % 3)) -eq 0 ] && due[i]=$((due[i] + 1000000))
        ;;
    esac
}

cpu_ms $PIDS >"$WORK/run0"
cpu_ms $HARNESS >"$WORK/harness0"
captures=0
now
start_t=$t
done_at=
while :; do
    running=0
    if [ "$MODE" = join ]; then
        for ((i = 1; i <= WRITERS; i++)); do
            [ "${k[i]}" -le "$EACH" ] || continue
            running=1
            [ "$t" -ge "${due[i]}" ] && act "$i"
        done
    elif [ $((captures % 50)) = 0 ]; then
        for w in $writers; do kill -0 "$w" 2>/dev/null && running=1; done
    else
        running=1
    fi
    tmux_cmd 0 "capture-pane -p -t 0 -S $((ROOM_ROW - 1))"
    now
    captures=$((captures + 1))
    set -f; IFS=$'\n'; rows=($reply); IFS=$' \t\n'; set +f
    for row in "${rows[@]}"; do
        [[ $row =~ ^\ +(W[0-9]+)\ .*\ ([0-9]+)\ answers?\ *$ ]] || continue
        name=${BASH_REMATCH[1]} count=${BASH_REMATCH[2]}
        while [ "${last[$name]}" -lt "$count" ]; do
            last[$name]=$((last[$name] + 1))
            echo "$name ${last[$name]} $t" >>"$WORK/seen"
        done
    done
    if [ "$running" = 0 ]; then
        # the last answers: a little longer for them to show
        [ -z "$done_at" ] && done_at=$t
        [ $((t - done_at)) -gt 3000000 ] && break
    fi
    read -r -t 0.002 -u "$pause"
done
cpu_ms $PIDS >"$WORK/run1"
cpu_ms $HARNESS >"$WORK/harness1"
period=$(((t - start_t) / captures))
run_ms=$(((t - start_t) / 1000))

join -j 1 <(awk '{print $1 ":" $2, $3}' "$WORK/sent" | sort) \
    <(awk '{print $1 ":" $2, $3}' "$WORK/seen" | sort) |
    awk '{ printf "%.1f\n", ($3 - $2) / 1000 }' | sort -g >"$WORK/latency"
sent=$(wc -l <"$WORK/sent")
shown=$(wc -l <"$WORK/latency")

if [ "$MODE" = join ]; then
    echo "bench_live: $WRITERS joined terminals (samesong join), $sent answers sent (a, text, Enter), $shown seen on the projector"
    what="the Enter sent to the joined terminal"
else
    echo "bench_live: $WRITERS writers (samesong add), $sent answers committed, $shown seen on the projector"
    what="the add's commit"
fi
echo "  (each person's answer count on the projector's room list, read every $((period / 1000)).$((period / 100 % 10)) ms; $(nproc) cores, shared)"
awk -v what="$what" '{ v[NR] = $1 } END {
    if (NR == 0) { print "  no answer was seen"; exit }
    printf "  latency from %s to the projector: median %.0f ms, p90 %.0f ms, p99 %.0f ms, worst %.0f ms, best %.0f ms\n",
        what, v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.999)], v[int(NR * 0.99 + 0.999)], v[NR], v[1]
}' "$WORK/latency"

# idle CPU, process by process, and the CPU of the run
paste "$WORK/idle0" "$WORK/idle1" "$WORK/run0" "$WORK/run1" |
    awk -v run="$run_ms" -v writers="$WRITERS" -v mode="$MODE" '
    NR == 1 { name = "projector" } NR > 1 { name = "W" (NR - 1) }
    { idle[NR] = $2 - $1; used[NR] = $4 - $3; n = NR }
    END {
        printf "  idle CPU over 10 s, nobody typing (ms, %% of one core): projector %.0f (%.2f%%)\n", idle[1], idle[1] / 100
        if (n > 1) {
            line = "  joined terminals:"; sum = 0
            for (i = 2; i <= n; i++) { line = line sprintf(" W%d %.0f", i - 1, idle[i]); sum += idle[i] }
            printf "%s; together %.0f (%.2f%%)\n", line, sum, sum / 100
        }
        tot = 0; for (i = 1; i <= n; i++) tot += used[i]
        printf "  CPU during the run (%.1f s): projector %.0f ms (%.1f%%)", run / 1000, used[1], used[1] * 100 / run
        if (n > 1) printf ", joined terminals %.0f ms, all samesong processes %.0f ms (%.1f%% of one core)", tot - used[1], tot, tot * 100 / run
        printf "\n"
        if (mode == "add") print "  writers: each an add process that ends after its commit (no idle time to measure)"
    }'
paste "$WORK/harness0" "$WORK/harness1" | awk -v run="$run_ms" '{ s += $2 - $1 }
    END { printf "  the bench itself (its bash and tmux servers) during the run: %.0f ms (%.1f%%)\n", s, s * 100 / run }'

# the load check: what the joined screens show as saved is in the file
sqlite3 "$DB" "SELECT text FROM inputs" | grep -E '^w[0-9]+-([1-9]|[1-9][0-9]+)$' |
    sort >"$WORK/in_file"
if [ "$MODE" = join ]; then
    : >"$WORK/confirmed"
    complaints=0
    for i in $(seq "$WRITERS"); do
        tmux_cmd "$i" "capture-pane -p -t 0"
        [[ $reply == *"You are W$i."* ]] || { echo "  W$i's screen is not the joined screen:"; printf '%s' "$reply" | sed 's/^/  | /'; }
        printf '%s' "$reply" | sed -n "s/^ *[0-9][0-9]*\. \(w$i-[1-9][0-9]*\) *\$/\1/p" >>"$WORK/confirmed"
        printf '%s' "$reply" | grep -qiE 'locked|busy' && complaints=$((complaints + 1))
    done
    sort -o "$WORK/confirmed" "$WORK/confirmed"
    confirmed=$(wc -l <"$WORK/confirmed")
    kept=$(comm -12 "$WORK/confirmed" "$WORK/in_file" | wc -l)
    echo "  load check: $confirmed answers shown as saved on the joined screens, $kept of them in the file" \
        "($(wc -l <"$WORK/in_file") rows from the bench in all); screens saying locked or busy: $complaints"
else
    echo "  load check: $sent adds reported success, $(wc -l <"$WORK/in_file") rows in the file;" \
        "errors: $(wc -l <"$WORK/errors")$([ -s "$WORK/errors" ] && echo " (first: $(head -1 "$WORK/errors"))")"
fi
for s in $SOCKETS; do tmux -L "$s" kill-server 2>/dev/null; done
sleep 0.5 # the terminals close their connections
echo "  PRAGMA integrity_check after the run: $(sqlite3 "$DB" 'PRAGMA integrity_check' | tr '\n' ' ')"
exit 0
