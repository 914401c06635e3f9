#!/usr/bin/env bash
# Two builds of simulate-bench side by side: the per-core model benchmark of each, alternating,
# ROUNDS rounds, medians, so machine noise hits both alike. For a trick that a commit cannot
# isolate (a PERF comment's "against the build without it"): build the tree without the trick,
# copy .build/release/simulate-bench aside, restore the tree, build again, and compare.
#
#   Benchmarks/compare-binaries.sh OLD_BENCH NEW_BENCH [REPLICATIONS] [ROUNDS]   (default 10, 5)
#
# Prints employee-months per second per core at each service fidelity, and new/old (above 1: the
# new build is faster). Runs the bundled scenarios of this tree. Not part of .ci/run.
set -euo pipefail
old=$1
new=$2
reps=${3:-10}
rounds=${4:-5}
cd "$(dirname "$0")/.."
times=$(mktemp)
trap 'rm -f "$times"' EXIT
for _ in $(seq "$rounds"); do
    for side in old new; do
        bin=$([ "$side" = old ] && echo "$old" || echo "$new")
        "$bin" percore --replications "$reps" \
            | sed -n 's/.*fidelity=\([a-zA-Z]*\) .*employee_months_per_second_per_core=\([0-9]*\).*/\1 \2/p' \
            | while read -r fidelity rate; do echo "$fidelity $side $rate"; done >> "$times"
    done
done
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for fidelity in perRequest analytic; do
    o=$(awk -v f="$fidelity" '$1 == f && $2 == "old" { print $3 }' "$times" | median)
    n=$(awk -v f="$fidelity" '$1 == f && $2 == "new" { print $3 }' "$times" | median)
    awk -v f="$fidelity" -v o="$o" -v n="$n" -v k="$rounds" 'BEGIN {
        printf "compare.binaries fidelity=%s rounds=%d old_employee_months_per_second=%.0f new_employee_months_per_second=%.0f new_over_old=%.3f\n", f, k, o, n, n / o }'
done
