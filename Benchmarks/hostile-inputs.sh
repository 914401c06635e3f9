#!/usr/bin/env bash
# The red team's hostile inputs (issue 33, item 12), each timed through `simulate validate`, with
# the bytes it printed: a roster of 200,000 rows each with a bad unit, a roster whose header has
# a 10 MB cell, a scenario with an object of 100,000 (and 200,000) keys, and a 10 MB key. Each
# must cost time linear in its size and print at most the first 100 problems of a file.
# Usage: Benchmarks/hostile-inputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product simulate >/dev/null
bin=$PWD/.build/release/simulate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Tests/SimScenarioTests/BrokenRosters/town.json "$work/"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
header = "NIP;Nama;Unit Kerja;Jenis Jabatan;Jenjang;Status;Tanggal Lahir;TMT;Pendidikan;JP Tahun Ini;Belum Latsar;Kompetensi digital"
for n in (100_000, 200_000):
    rows = [header] + [f"{198001012005011001 + i};Ani Wijaya {i};nowhere{i % 50};Pelaksana;;PNS;01-01-1980;01-01-2005;S1;4;tidak;2" for i in range(n)]
    open(f"{w}/bad-units-{n}.csv", "w").write("\n".join(rows) + "\n")
open(f"{w}/long-header.csv", "w").write("NIP;Nama;" + "U" * 10_000_000 + ";Unit Kerja;Jenis Jabatan;Status\n198001012005011001;A B;x;dukcapil;Pelaksana;PNS\n")
for n in (100_000, 200_000):
    json.dump({"schemaVersion": 1, "extends": "town.json", "programmes": {"course": {f"k{i}": 1 for i in range(n)}}}, open(f"{w}/keys-{n}.json", "w"))
json.dump({"schemaVersion": 1, "extends": "town.json", "x" * 10_000_000: 1}, open(f"{w}/long-key.json", "w"))
PY
run() {
    local label=$1; shift
    local start end bytes
    start=$(date +%s.%N)
    bytes=$({ "$bin" validate "$@" 2>&1 || true; } | wc -c)
    end=$(date +%s.%N)
    printf "%-40s %6.2f s  %9d bytes printed\n" "$label" "$(echo "$end - $start" | bc)" "$bytes"
}
cd "$work"
run "roster, 100,000 rows with a bad unit" town.json --set regions.town.roster=bad-units-100000.csv
run "roster, 200,000 rows with a bad unit" town.json --set regions.town.roster=bad-units-200000.csv
run "roster, a 10 MB header cell" town.json --set regions.town.roster=long-header.csv
run "scenario, an object of 100,000 keys" keys-100000.json
run "scenario, an object of 200,000 keys" keys-200000.json
run "scenario, a 10 MB key" long-key.json
