#!/bin/bash
# bench_live.sh: how fast another process's answer reaches the projector. The
# projector (`samesong open`, 120x35, projector theme) sits on a step screen in
# tmux while N writers (until `samesong join` exists: loops of `samesong add`,
# with random pauses) add answers. Before the reveal the step screen shows the
# others' answers as counts, so the bench watches each writer's count there
# (capture-pane every few ms) and takes, for each answer, the time from its
# `add` returning (the commit is done) to the count showing it; the screen is
# read every ~10 ms, which bounds the resolution, and a figure below 0 is a
# count seen before its `add` had exited. Prints median,
# p90, p99 and worst, and the projector's CPU over 10 s of no writes and during
# the writes. Figures, not a test: nothing is asserted.
# Usage: bench_live.sh PATH-TO-SAMESONG [WRITERS [ANSWERS-EACH]]
# Targets (issue 11): median < 250 ms, worst < 1 s; idle CPU near 0.
set -u
SAMESONG=$(realpath "${1:?usage: bench_live.sh PATH-TO-SAMESONG [WRITERS [ANSWERS-EACH]]}")
WRITERS=${2:-8}
EACH=${3:-13}
command -v tmux >/dev/null || { echo "bench_live: tmux is needed"; exit 1; }
[ -n "${EPOCHREALTIME:-}" ] || { echo "bench_live: bash 5 is needed (EPOCHREALTIME)"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/samesong-bench-live.XXXXXX")
SOCKET="samesong-bench-live-$$"
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null; kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT
DB="$WORK/live.db"
export LC_ALL=C.UTF-8
TERM_NAME=tmux-256color
[ -e /lib/terminfo/t/tmux-256color ] || [ -e /usr/share/terminfo/t/tmux-256color ] || TERM_NAME=screen

# microseconds since the epoch, with no process started
# (EPOCHREALTIME without its point: microseconds; read with no process started)

"$SAMESONG" --db "$DB" new "Live bench" >/dev/null || exit 1
for i in $(seq "$WRITERS"); do # everyone has answered once: they are all in the list
    "$SAMESONG" --db "$DB" add live-bench --as "W$i" --step alternatives "w$i-0" >/dev/null || exit 1
done

tmux -L "$SOCKET" -f /dev/null new-session -d -x 120 -y 35 \
    "exec env TERM=$TERM_NAME SAMESONG_DATA_DIR='${SAMESONG_DATA_DIR:-}' \
     '$SAMESONG' --db '$DB' open live-bench --theme projector"
pid=$(tmux -L "$SOCKET" display-message -p -t 0 '#{pane_pid}')
for _ in $(seq 50); do
    tmux -L "$SOCKET" capture-pane -p -t 0 | grep -q "WHOSE TURN" && break
    sleep 0.1
done
tmux -L "$SOCKET" capture-pane -p -t 0 | grep -q "WHOSE TURN" ||
    { echo "bench_live: the projector did not show the step screen"; exit 1; }

ticks=$(getconf CLK_TCK)
# cpu_ms: the projector's user and system time so far, in ms
cpu_ms() { awk -v t="$ticks" '{ sub(/.*\) /, ""); print ($12 + $13) * 1000 / t }' "/proc/$pid/stat"; }

sleep 1
c0=$(cpu_ms)
sleep 10
c1=$(cpu_ms)

# The writers: each a loop of adds with random pauses; a line per commit.
: >"$WORK/commits"
for i in $(seq "$WRITERS"); do
    (
        RANDOM=$((i * 7919 + $$))
        for k in $(seq "$EACH"); do
            sleep "0.$((300 + RANDOM % 700))"
            [ $((RANDOM % 3)) -eq 0 ] && sleep 1
            "$SAMESONG" --db "$DB" add live-bench --as "W$i" --step alternatives "w$i-$k" \
                >/dev/null 2>>"$WORK/errors" || continue
            echo "W$i $((k + 1)) ${EPOCHREALTIME/[.,]/}" >>"$WORK/commits"
        done
    ) &
done
writers=$(jobs -p)

# The watcher: each writer's count on the projector, seen when it changes. A
# control-mode client of tmux captures the pane with no process started each
# time (about 1 ms, against 10 for `tmux capture-pane`).
coproc TMUX_CLIENT { tmux -L "$SOCKET" -C attach -f no-output,read-only -t 0 2>&1; }
echo "display-message -p live-bench-ready" >&"${TMUX_CLIENT[1]}"
while IFS= read -r line <&"${TMUX_CLIENT[0]}"; do [ "$line" = live-bench-ready ] && break; done
IFS= read -r line <&"${TMUX_CLIENT[0]}" # its %end
capture() {
    echo "capture-pane -p -t 0" >&"${TMUX_CLIENT[1]}"
    screen=
    while IFS= read -r line <&"${TMUX_CLIENT[0]}"; do
        case $line in
        "%begin "*) screen= ;;
        "%end "* | "%error "*) break ;;
        *) screen+="$line"$'\n' ;;
        esac
    done
}
mkfifo "$WORK/fifo"
exec 3<>"$WORK/fifo" # read -t on it: a pause of a few ms with no process started
declare -A last
for i in $(seq "$WRITERS"); do last[W$i]=1; done
: >"$WORK/seen"
c2=$(cpu_ms)
captures=0
start=${EPOCHREALTIME/[.,]/}
while :; do
    if [ $((captures % 50)) = 0 ]; then
        running=0
        for w in $writers; do kill -0 "$w" 2>/dev/null && running=1; done
    fi
    capture
    t=${EPOCHREALTIME/[.,]/}
    captures=$((captures + 1))
    set -f; IFS=$'\n'; rows=($screen); IFS=$' \t\n'; set +f
    for row in "${rows[@]}"; do
        [[ $row =~ ^\ +(W[0-9]+)\ +([0-9]+)\  ]] || continue
        name=${BASH_REMATCH[1]} count=${BASH_REMATCH[2]}
        while [ "${last[$name]}" -lt "$count" ]; do
            last[$name]=$((last[$name] + 1))
            echo "$name ${last[$name]} $t" >>"$WORK/seen"
        done
    done
    if [ "$running" = 0 ]; then
        # the last commits: a little longer for them to show
        [ -z "${done_at:-}" ] && done_at=$t
        [ $((t - done_at)) -gt 3000000 ] && break
    fi
    read -r -t 0.002 -u 3
done
c3=$(cpu_ms)
period=$(((t - start) / captures))

sort "$WORK/commits" >"$WORK/commits.sorted"
sort "$WORK/seen" >"$WORK/seen.sorted"
join -j 1 <(awk '{print $1 ":" $2, $3}' "$WORK/commits.sorted" | sort) \
    <(awk '{print $1 ":" $2, $3}' "$WORK/seen.sorted" | sort) |
    awk '{ printf "%.1f\n", ($3 - $2) / 1000 }' | sort -g >"$WORK/latency"
committed=$(wc -l <"$WORK/commits")
shown=$(wc -l <"$WORK/latency")
errors=$(wc -l <"$WORK/errors" 2>/dev/null || echo 0)

echo "bench_live: $WRITERS writers (samesong add), $committed answers committed, $shown seen on the projector"
echo "  (the step screen's count of each writer's answers, read every $((period / 1000)).$((period / 100 % 10)) ms)"
awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "  no answer was seen"; exit }
    printf "  latency from commit to screen: median %.0f ms, p90 %.0f ms, p99 %.0f ms, worst %.0f ms, best %.0f ms\n",
        v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.999)], v[int(NR * 0.99 + 0.999)], v[NR], v[1]
}' "$WORK/latency"
awk -v a="$c0" -v b="$c1" 'BEGIN { printf "  projector idle CPU: %.0f ms in 10 s of no writes (%.2f%%)\n", b - a, (b - a) / 100 }'
awk -v a="$c2" -v b="$c3" -v t="$(((t - start) / 1000))" \
    'BEGIN { printf "  projector CPU while the writers wrote: %.0f ms in %.1f s (%.1f%%)\n", b - a, t / 1000, (b - a) * 100 / t }'
echo "  writers: each an 'add' process that ends after its commit (no idle time to measure)"
[ "$errors" -gt 0 ] && echo "  writers' errors: $errors (first: $(head -1 "$WORK/errors"))"
exit 0
