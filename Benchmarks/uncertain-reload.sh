#!/usr/bin/env bash
# What reading each scenario once saves (issue 34, item 2): `run --uncertain` and `sensitivity`
# on from-roster.json (two rosters, 900 KB) and on baseline.json, this tree against another
# binary, alternating, ROUNDS rounds, medians of the wall time. The outputs of both sides are
# compared byte for byte (run.json and SHA256SUMS aside: they hold the wall time).
#
#   Benchmarks/uncertain-reload.sh OLD_SIMULATE [ROUNDS]     (default rounds: 3)
set -euo pipefail
old=$1
rounds=${2:-3}
cd "$(dirname "$0")/.."
swift build -c release --product simulate >/dev/null
new=$PWD/.build/release/simulate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
measure() {  # label, then the command's arguments
    local label=$1; shift
    for side in old new; do : > "$work/$side.times"; done
    for _ in $(seq 1 "$rounds"); do
        for side in old new; do
            local bin; [ $side = old ] && bin=$old || bin=$new
            local start end
            start=$(date +%s.%N)
            "$bin" "$@" --out "$work/$side" --force --quiet >/dev/null 2>&1
            end=$(date +%s.%N)
            echo "$end - $start" | bc >> "$work/$side.times"
        done
    done
    local same=identical
    for file in "$work/old"/*; do
        case $(basename "$file") in run.json|SHA256SUMS) continue ;; esac
        cmp -s "$file" "$work/new/$(basename "$file")" || same="DIFFERENT ($(basename "$file"))"
    done
    local a b
    a=$(median < "$work/old.times"); b=$(median < "$work/new.times")
    printf "%-58s old %6.2f s  new %6.2f s  old/new %5.2f  outputs %s\n" "$label" "$a" "$b" "$(echo "$a / $b" | bc -l)" "$same"
}
measure "run --uncertain, baseline + from-roster, 10 replications" run scenarios/baseline.json scenarios/from-roster.json --uncertain --replications 10
measure "run --uncertain, baseline, 10 replications" run scenarios/baseline.json --uncertain --replications 10
measure "sensitivity morris, from-roster, 4 samples x 2 replications" sensitivity scenarios/from-roster.json --samples 4 --replications 2 --years 2
