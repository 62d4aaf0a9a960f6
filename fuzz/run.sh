#!/bin/sh
# run.sh: what `make fuzz` runs. Each harness in turn (one at a time: each
# takes a whole core) for FUZZ_SECONDS, from its seeds in fuzz/corpus/NAME
# and the inputs of past findings in fuzz/regressions/NAME, with its
# dictionary; then one line of figures per harness. Exits 1 on any finding.
# Usage: run.sh FUZZ_SOURCE_DIR OUT_DIR HARNESS...
set -u
src=$1 out=$2
shift 2
seconds=${FUZZ_SECONDS:-60}
# The largest input each harness gets: a session file is bigger than a key sequence.
max_len() {
    case "$1" in
        import) echo 65536 ;;
        *) echo 4096 ;;
    esac
}

failed=0
summary=""
for harness in "$@"; do
    name=$(basename "$harness" -fuzzer)
    work="$out/$name"
    mkdir -p "$work/corpus" "$work/findings"
    seeds="$src/corpus/$name"
    regressions="$src/regressions/$name"
    [ -d "$regressions" ] || regressions=""
    found_before=$(find "$work/findings" -type f | wc -l)
    echo "fuzz: $name for ${seconds}s (log: $work/log)"
    # the first corpus folder is where libFuzzer keeps what it learns: our own, not the seeds
    "$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_len "$name")" -dict="$src/$name.dict" -print_final_stats=1 \
        -artifact_prefix="$work/findings/" "$work/corpus" "$seeds" $regressions \
        >"$work/log" 2>&1
    status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -n 1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$work/log" | tail -n 1)
    cov=$(sed -n 's/^#[0-9].* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/\1 \2 \3/p' \
        "$work/log" | tail -n 1)
    edges=$(echo "$cov" | cut -d' ' -f1) features=$(echo "$cov" | cut -d' ' -f2)
    units=$(echo "$cov" | cut -d' ' -f3)
    findings=$(( $(find "$work/findings" -type f | wc -l) - found_before ))
    if [ "$status" -ne 0 ] || [ "$findings" -gt 0 ]; then
        failed=1
        [ "$findings" -gt 0 ] || findings="1 (exit $status)"
        grep -m 3 -E 'ERROR|invariant broken|runtime error' "$work/log" | sed 's/^/    /'
        echo "    inputs: $work/findings/"
    fi
    summary="$summary$(printf '%-8s %7ss %12s %9s %7s %8s %7s %8s %s' "$name" "$seconds" \
        "${execs:-?}" "${rate:-?}" "${edges:-?}" "${features:-?}" "${units:-?}" "${rss:-?}" \
        "$findings")
"
done
printf '%-8s %8s %12s %9s %7s %8s %7s %8s %s\n' harness time executions "exec/s" edges \
    features corpus "rss (MB)" findings
printf '%s' "$summary"
exit $failed
