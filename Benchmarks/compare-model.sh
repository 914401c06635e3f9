#!/usr/bin/env bash
# The cost of a replication in this tree against an earlier commit, measured side by side in one
# run (the two binaries alternate, three rounds, medians), so machine noise hits both alike.
#
#   Benchmarks/compare-model.sh [REF] [REPLICATIONS]     (default: ef2231c, 6)
#
# Each side runs its own scenarios/baseline.json (the model part is the same; a newer tree may
# add keys an older binary does not read) on one core, at each service fidelity. Prints seconds
# per replication for each side and the speed-up old/new. Not part of .ci/run.
set -euo pipefail
ref=${1:-ef2231c}
reps=${2:-6}
root=$(cd "$(dirname "$0")/.." && pwd)
old="$root/.build/compare-$ref"
if [ ! -d "$old" ]; then git -C "$root" worktree add --detach "$old" "$ref" >/dev/null; fi
(cd "$old" && swift build -c release --product simulate >/dev/null)
(cd "$root" && swift build -c release --product simulate >/dev/null)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

seconds() {  # DIR FIDELITY: wall seconds of one run of REPLICATIONS on one core
    local dir=$1 fidelity=$2 start end
    start=$(date +%s.%N)
    (cd "$dir" && .build/release/simulate run scenarios/baseline.json --replications "$reps" --jobs 1 \
        --set "simulation.serviceFidelity=\"$fidelity\"" --out "$out/run" --force --quiet)
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for fidelity in perRequest analytic; do
    : > "$out/old"; : > "$out/new"
    for _ in 1 2 3; do
        seconds "$old" "$fidelity" >> "$out/old"
        seconds "$root" "$fidelity" >> "$out/new"
    done
    o=$(median < "$out/old"); n=$(median < "$out/new")
    awk -v f="$fidelity" -v r="$ref" -v o="$o" -v n="$n" -v k="$reps" 'BEGIN {
        printf "compare.model fidelity=%s ref=%s old_seconds_per_replication=%.3f new_seconds_per_replication=%.3f speedup=%.2f\n", f, r, o / k, n / k, o / n }'
done
