#!/usr/bin/env bash
# Runs the Swift kernel benchmark and its SimPy twin one after the other on the same M/M/10 model
# and prints the ratio of customers per second. Installs simpy with pip if it is missing.
# Usage: Benchmarks/peers/compare-kernel.sh [swift-customers] [simpy-customers]
set -euo pipefail
cd "$(dirname "$0")/../.."
swift_customers=${1:-5000000}
simpy_customers=${2:-300000}

if ! python3 -c 'import simpy' 2>/dev/null; then
  echo "installing simpy with pip..." >&2
  python3 -m pip install --quiet --user simpy || python3 -m pip install --quiet simpy
fi

swift build -c release --product simulate-bench >&2
swift_line=$(.build/release/simulate-bench kernel --customers "$swift_customers" | tail -n 1)
simpy_line=$(python3 Benchmarks/peers/mmc_simpy.py --customers "$simpy_customers" | tail -n 1)
echo "$swift_line"
echo "$simpy_line"
swift_rate=$(sed -E 's/.*customers_per_second=([0-9]+).*/\1/' <<<"$swift_line")
simpy_rate=$(sed -E 's/.*customers_per_second=([0-9]+).*/\1/' <<<"$simpy_line")
python3 -c "print(f'ratio swift/simpy customers_per_second={$swift_rate / $simpy_rate:.1f}x')"
