#!/usr/bin/env bash
# Instructions a baseline replication executes, in this tree and in an earlier commit, counted by
# Valgrind's cachegrind: a measure the VM's noise cannot move (the wall-clock side-by-side is
# Benchmarks/compare-model.sh). Instructions are not time: cache misses and mispredicted branches
# cost time and are not counted, so the ratio here and the ratio of seconds differ.
#
#   Benchmarks/compare-instructions.sh [REF]     (default: ef2231c; needs valgrind)
#
# Each side runs `simulate run scenarios/baseline.json` (its own) with 1 and with 3 replications,
# one job, at each service fidelity; the difference over 2 is one replication's instructions,
# without loading the scenario and writing the outputs. Not part of .ci/run.
set -euo pipefail
ref=${1:-ef2231c}
root=$(cd "$(dirname "$0")/.." && pwd)
old="$root/.build/compare-$ref"
command -v valgrind >/dev/null || { echo "compare-instructions: needs valgrind (apt-get install valgrind)" >&2; exit 69; }
if [ ! -d "$old" ]; then git -C "$root" worktree add --detach "$old" "$ref" >/dev/null; fi
for dir in "$old" "$root"; do (cd "$dir" && swift build -c release --product simulate >/dev/null); done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Each run writes a folder of its own: a tool that keeps a list of its files refuses a folder an
# older one wrote without one.
instructions() {  # DIR FIDELITY REPLICATIONS: instructions of one CLI run
    (cd "$1" && valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        .build/release/simulate run scenarios/baseline.json --replications "$3" --jobs 1 \
        --set "simulation.serviceFidelity=\"$2\"" --out "$out/run-$(basename "$1")-$2-$3" --quiet 2>&1) \
        | sed -n 's/.*I *refs: *//p' | tr -d ,
}
for fidelity in perRequest analytic; do
    o1=$(instructions "$old" "$fidelity" 1); o3=$(instructions "$old" "$fidelity" 3)
    n1=$(instructions "$root" "$fidelity" 1); n3=$(instructions "$root" "$fidelity" 3)
    awk -v f="$fidelity" -v r="$ref" -v o1="$o1" -v o3="$o3" -v n1="$n1" -v n3="$n3" 'BEGIN {
        o = (o3 - o1) / 2; n = (n3 - n1) / 2
        printf "compare.instructions fidelity=%s ref=%s old_per_replication=%.0f new_per_replication=%.0f ratio=%.2f\n", f, r, o, n, o / n }'
done
