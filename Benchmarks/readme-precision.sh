#!/usr/bin/env bash
# The README's "How sure the numbers are" table: runs the main job (all bundled scenarios, their
# default replications) and prints, per region, the baseline's mean ± 95% half-width at the
# horizon and the median half-width of the what-ifs' paired differences to the baseline.
# Usage: Benchmarks/readme-precision.sh [OUT_DIR]   (default: a temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)/results}
swift run -c release simulate scenarios/*.json --out "$out" --quiet
printf "%-24s %-12s %14s %14s %18s\n" "metric" "region" "baseline mean" "± half-width" "median Δ ± half"
awk -F, '
  NR == 1 { next }
  $3 == "competency.mean" || $3 == "jp.share_reaching_20" || $3 == "service.ikm" || $3 == "budget.spent_rupiah" {
    key = $3 "|" $2
    if ($1 == "baseline") { mean[key] = $5; half[key] = ($7 - $6) / 2; keys[key] = 1 }
    else if ($10 != "") { n[key]++; d[key, n[key]] = ($11 - $10) / 2 }
  }
  END {
    for (key in keys) {
      m = n[key]
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (d[key, j] < d[key, i]) { t = d[key, i]; d[key, i] = d[key, j]; d[key, j] = t }
      median = (m % 2) ? d[key, (m + 1) / 2] : (d[key, m / 2] + d[key, m / 2 + 1]) / 2
      split(key, part, "|")
      printf "%-24s %-12s %14.6g %14.3g %18.3g\n", part[1], part[2], mean[key], half[key], median
    }
  }' "$out/summary.csv" | sort
