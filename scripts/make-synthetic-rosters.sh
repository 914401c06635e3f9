#!/usr/bin/env bash
# Writes the synthetic rosters in scenarios/data/ from the baseline's distributions with fixed
# seeds, so anyone can remake them byte for byte. They are SYNTHETIC: NIPs start with 9 (no real
# NIP does), names read SINTETIS, and the last column of every row says so. No real person is in them.
# Usage: bash scripts/make-synthetic-rosters.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product simulate >/dev/null
simulate=.build/release/simulate
# Rosters as of 1 January 2027, the baseline's start; seeds fixed here.
"$simulate" roster-template scenarios/baseline.json --synthetic sawahlunto --seed 101 > scenarios/data/sawahlunto-roster-SYNTHETIC.csv
"$simulate" roster-template scenarios/baseline.json --synthetic sorong --seed 102 > scenarios/data/sorong-roster-SYNTHETIC.csv
wc -l scenarios/data/*-roster-SYNTHETIC.csv
