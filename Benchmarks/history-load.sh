#!/usr/bin/env bash
# Load time of a region's records (issue 39, item 5): queue-machine logs of 500,000 and 1,000,000
# numbers, a course history of 200,000 courses, and a log of 1,000,000 rows each naming an unknown
# counter (only the first 100 problems are printed), each read by `simulate history-check` on the
# test town (40 staff, one counter, one simulated year, one replication: the model's part is a
# few milliseconds). Prints wall time and peak memory; time must grow linearly with the rows.
# Usage: Benchmarks/history-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product simulate >/dev/null
bin=$PWD/.build/release/simulate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Tests/SimScenarioTests/History/town.json "$work/"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
def log(n, counter, name):
    with open(f"{w}/{name}", "w") as f:
        f.write("nomor;loket;tanggal;waktu ambil;waktu panggil;waktu selesai;status\n")
        for i in range(n):
            day = 1 + i % 28; month = 1 + (i // 28) % 12
            t = 450 + i % 240; c = t + 5 + i % 90
            f.write(f"A{i:07d};{counter};{day:02d}-{month:02d}-2023;{t//60:02d}:{t%60:02d}:00;{c//60:02d}:{c%60:02d}:00;;{'batal' if i % 17 == 0 else 'selesai'}\n")
log(500_000, "dukcapil", "queue-500k.csv")
log(1_000_000, "dukcapil", "queue-1m.csv")
log(1_000_000, "nowhere", "queue-1m-bad.csv")
with open(f"{w}/courses-200k.csv", "w") as f:
    f.write("nipBaru;namaKursus;jumlahJam;tanggalSelesaiKursus\n")
    for i in range(200_000):
        f.write(f"{900001012005011001 + i % 40_000};Kursus {i % 30};{2 + i % 24};{1 + i % 28:02d}-{1 + i % 12:02d}-2023\n")
PY
run() {
    local label=$1 file=$2
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$bin" history-check town.json --replications 1 --quiet \
        --set "regions.town.history=[\"$file\"]" >/dev/null 2>"$work/err" || true
    end=$(date +%s.%N)
    printf "%-48s %6.2f s  %5d MB peak  %6d bytes on stderr\n" "$label" "$(echo "$end - $start" | bc)" \
        "$(( $(tail -1 "$work/rss") / 1024 ))" "$(head -c -0 "$work/err" | grep -v '^[0-9]*$' | wc -c)"
}
cd "$work"
run "queue log, 500,000 numbers" queue-500k.csv
run "queue log, 1,000,000 numbers" queue-1m.csv
run "queue log, 1,000,000 rows with an unknown counter" queue-1m-bad.csv
run "course history, 200,000 courses" courses-200k.csv
