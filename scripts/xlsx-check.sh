#!/usr/bin/env bash
# Opens results.xlsx the way a planner's spreadsheet program does: LibreOffice, headless. Not part
# of .ci/run (it needs LibreOffice: apt-get install libreoffice-calc-nogui). It runs the tiny
# fixtures with --xlsx, converts the workbook with LibreOffice, and checks that
#   - every sheet opens, and LibreOffice reads numbers as numbers (flat ODS value-type float);
#   - the yearly sheet, exported back to CSV by LibreOffice, equals yearly.csv value for value
#     (beside the names and the unit in the brief's language, which it also has);
#   - shares carry a percentage format, Rupiah a thousands separator (the summary sheet as shown);
#   - the ';' CSV of --csv-locale id, imported with the documented filter options, gives numbers.
# Prints one verdict line; exit 0 when all hold. Usage: scripts/xlsx-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
office=$(command -v soffice || command -v libreoffice || true)
if [ -z "$office" ]; then echo "xlsx-check: no LibreOffice; install it with: apt-get install libreoffice-calc-nogui" >&2; exit 69; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product simulate >/dev/null
bin=.build/release/simulate
fixtures=Tests/SimulateCLITests/Fixtures
"$bin" "$fixtures/tiny.json" "$fixtures/tiny-lean.json" --baseline tiny --years 2 --xlsx --out "$work/r" --quiet
"$bin" "$fixtures/tiny.json" --csv-locale id --out "$work/id" --quiet 2>/dev/null
export HOME="$work/home"  # a fresh LibreOffice profile
timeout 300 "$office" --headless --convert-to fods --outdir "$work/fods" "$work/r/results.xlsx" >/dev/null 2>&1
timeout 300 "$office" --headless --convert-to 'csv:Text - txt - csv (StarCalc):9,34,76,1,,1033,false,true,false,false,false,-1' \
    --outdir "$work/csv" "$work/r/results.xlsx" >/dev/null 2>&1
timeout 300 "$office" --headless --infilter='CSV:59,34,76,1,,1057' --convert-to fods --outdir "$work/idfods" "$work/id/summary.csv" >/dev/null 2>&1
floats=$(grep -o 'office:value-type="float"' "$work/fods/results.fods" | wc -l)
sheets=$(grep -o '<table:table table:name=' "$work/fods/results.fods" | wc -l)
idfloats=$(grep -o 'office:value-type="float"' "$work/idfods/summary.fods" | wc -l)
# Value by value: numbers within 1e-9 relative (LibreOffice may write 4.42547E-05), text equal. The
# sheet (tab-separated) has the scenario's and the metric's names beside their ids (columns 1 and 4)
# and the unit in the brief's language (column 6): those are left out of the comparison.
mismatches=$(awk -F'\t' 'NR == FNR { sub(/\r$/, ""); if (FNR > 1) { n = split($0, c, "\t"); row = ""
        for (i = 1; i <= n; i++) if (i != 1 && i != 4) { v = c[i]; gsub(/^"|"$/, "", v); if (v ~ /%$/) { sub(/%$/, "", v); v = v / 100; pct++ }
            row = row (row == "" ? "" : ",") (i == 6 ? "" : v) }
        got[FNR] = row }; next }
    { sub(/\r$/, "") } FNR > 1 { n = split($0, a, ","); split(got[FNR], b, ",")
        for (i = 1; i <= n; i++) {
            if (i == 4) continue
            if (a[i] ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/ && a[i] != "") { d = a[i] - b[i]; if (d < 0) d = -d; m = a[i] < 0 ? -a[i] : a[i]; if (d > 1e-9 * m + 1e-12) bad++ }
            else if (a[i] != b[i]) bad++ } }
    END { print bad + 0, pct + 0 }' "$work/csv/results-Tahunan.csv" "$work/r/yearly.csv")
percent=${mismatches#* }
mismatches=${mismatches% *}
rows=$(($(wc -l < "$work/r/yearly.csv") - 1))
if [ "$sheets" -ge 6 ] && [ "$floats" -gt 1000 ] && [ "$mismatches" -eq 0 ] && [ "$percent" -gt 0 ] && [ "$idfloats" -gt 100 ]; then
    echo "xlsx-check: ok — $sheets sheets, $floats numeric cells, yearly sheet equals yearly.csv ($rows rows; $percent shares shown as percentages), ';' CSV read as $idfloats numbers ($("$office" --version | head -1))"
else
    echo "xlsx-check: FAILED — sheets $sheets, numeric cells $floats, yearly mismatches $mismatches, percentages $percent, ';' CSV numbers $idfloats" >&2
    exit 1
fi
