#!/usr/bin/env bash
# Run CI as it runs on a busy machine: a fresh clone of HEAD, two CPU-bound processes alongside,
# `CI=true bash .ci/run`, RUNS times in a row (default 3). Prints each run's closing test line, exit
# status and wall time; exits non-zero if any run failed.
#
#   bash scripts/ci_under_load.sh [RUNS]
set -uo pipefail

runs=${1:-3}
repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")/.." rev-parse --show-toplevel)
hogs=()
stop_hogs() { ((${#hogs[@]})) && kill "${hogs[@]}" 2>/dev/null; wait "${hogs[@]}" 2>/dev/null; }
trap stop_hogs EXIT
for _ in 1 2; do
    python3 -c 'while True: pass' &
    hogs+=($!)
done

failed=0
for run in $(seq 1 "$runs"); do
    clone=$(mktemp -d "${TMPDIR:-/tmp}/workbench-ci.XXXXXX")
    git clone -q "$repo" "$clone"
    log="$clone.log"
    started=$SECONDS
    (cd "$clone" && CI=true bash .ci/run >"$log" 2>&1 </dev/null)
    status=$?
    closing=$(grep -E '^=+ .*(passed|failed).* in [0-9.]+s' "$log" | tail -n 1)
    printf 'run %d: exit %d, %d s, %s (log: %s)\n' "$run" "$status" $((SECONDS - started)) "$closing" "$log"
    ((status == 0)) || failed=1
done
exit "$failed"
