#!/usr/bin/env bash
# The cost of a replication in this tree against an earlier commit, measured side by side in one
# run (the two sides alternate, ROUNDS rounds, medians), so machine noise hits both alike.
#
#   Benchmarks/compare-model.sh [REF] [REPLICATIONS] [ROUNDS]     (default: ef2231c, 6, 5)
#
# Two measures, each at both service fidelities, on one core:
# - model: `simulate-bench percore`, the replications alone (no scenario loading, no output), the
#   issue's employee-months per second per core. A reference tree older than that benchmark gets
#   this tree's Benchmarks/simulate-bench/ModelBenchmark.swift copied into its worktree (it uses
#   only ScenarioLoader, Override and ExperimentRunner, which both sides have), and a `percore` case.
# - cli: `simulate run scenarios/baseline.json`, the whole command a planner runs, outputs included.
# Each side runs its own scenarios/baseline.json (the model part is the same; a newer tree may add
# keys an older binary does not read). Prints seconds per replication for each side and the
# speed-up old/new. Not part of .ci/run.
set -euo pipefail
ref=${1:-ef2231c}
reps=${2:-6}
rounds=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
old="$root/.build/compare-$ref"
if [ ! -d "$old" ]; then git -C "$root" worktree add --detach "$old" "$ref" >/dev/null; fi
if ! grep -q '"percore"' "$old/Benchmarks/simulate-bench/main.swift"; then
    cp "$root/Benchmarks/simulate-bench/ModelBenchmark.swift" "$old/Benchmarks/simulate-bench/PerCoreTwin.swift"
    # Keep only the per-core part (the rest may use what the older tree lacks).
    awk '/^\/\/\/ Design points per second/ { exit } { print }' "$old/Benchmarks/simulate-bench/PerCoreTwin.swift" \
        | grep -v '^import SimSensitivity' > "$old/Benchmarks/simulate-bench/PerCoreTwin.tmp"
    mv "$old/Benchmarks/simulate-bench/PerCoreTwin.tmp" "$old/Benchmarks/simulate-bench/PerCoreTwin.swift"
    perl -0pi -e 's/case "scaling":/case "percore":\n    perCoreBenchmark(replications: option("--replications", in: arguments, default: 10), directory: "scenarios")\ncase "scaling":/' \
        "$old/Benchmarks/simulate-bench/main.swift"
fi
for dir in "$old" "$root"; do
    (cd "$dir" && swift build -c release --product simulate >/dev/null && swift build -c release --product simulate-bench >/dev/null)
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cli_seconds() {  # DIR FIDELITY: wall seconds per replication of one CLI run
    local dir=$1 fidelity=$2 start end
    start=$(date +%s.%N)
    (cd "$dir" && .build/release/simulate run scenarios/baseline.json --replications "$reps" --jobs 1 \
        --set "simulation.serviceFidelity=\"$fidelity\"" --out "$out/run-$(basename "$dir")" --force --quiet)
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" -v k="$reps" 'BEGIN { print (b - a) / k }'
}
model_seconds() {  # DIR: "perRequest SECONDS" and "analytic SECONDS" per replication, model alone
    (cd "$1" && .build/release/simulate-bench percore --replications "$reps") \
        | sed -n 's/.*fidelity=\([a-zA-Z]*\) .*seconds_per_replication=\([0-9.]*\).*/\1 \2/p'
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$out/times"
for _ in $(seq "$rounds"); do
    for side in old new; do
        dir=$([ "$side" = old ] && echo "$old" || echo "$root")
        model_seconds "$dir" | while read -r fidelity seconds; do echo "model $fidelity $side $seconds"; done >> "$out/times"
        for fidelity in perRequest analytic; do echo "cli $fidelity $side $(cli_seconds "$dir" "$fidelity")" >> "$out/times"; done
    done
done
for measure in model cli; do
    for fidelity in perRequest analytic; do
        o=$(awk -v m="$measure" -v f="$fidelity" '$1 == m && $2 == f && $3 == "old" { print $4 }' "$out/times" | median)
        n=$(awk -v m="$measure" -v f="$fidelity" '$1 == m && $2 == f && $3 == "new" { print $4 }' "$out/times" | median)
        awk -v m="$measure" -v f="$fidelity" -v r="$ref" -v o="$o" -v n="$n" -v k="$rounds" 'BEGIN {
            printf "compare.%s fidelity=%s ref=%s rounds=%d old_seconds_per_replication=%.4f new_seconds_per_replication=%.4f speedup=%.2f\n", m, f, r, k, o, n, o / n }'
    done
done
