#!/usr/bin/env bash
# Writes the synthetic records in scenarios/data/history-SYNTHETIC/<region>/ from one replication
# of the baseline run over 2024–2026 with a fixed seed, so anyone can remake their CSV files byte
# for byte (run.json also records the command's wall time; docs/history.md). They are SYNTHETIC: file names say so, every row's last column says so, every
# NIP starts with 9 (no real NIP does); the queue logs hold January of each year only, to keep
# scenarios/data small. No real person or real record is in them.
# Usage: bash scripts/make-synthetic-histories.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product simulate >/dev/null
.build/release/simulate history scenarios/baseline.json --from 2024 --to 2026 --months 1 --seed 2024 \
    --out scenarios/data/history-SYNTHETIC --force --quiet
du -sh scenarios/data scenarios/data/history-SYNTHETIC/*
