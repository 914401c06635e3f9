#!/usr/bin/env bash
# Renders a results directory's brief.html and sweep.html (whichever exist) the way a reader
# sees them, for people to look at (not part of .ci/run):
#   DIR/render/<page>-1280.png   the page in a 1280 px wide browser window (one tall image)
#   DIR/render/<page>.pdf        the browser's Print to PDF (A4, the page's print stylesheet)
#   DIR/render/<page>-a4-N.png   each printed A4 page as an image (needs pdftoppm, Debian poppler-utils)
# Needs headless Chromium (Debian package chromium). Usage: scripts/render-brief.sh DIR [HEIGHT_PX]
set -euo pipefail
dir=${1:?usage: scripts/render-brief.sh DIR [HEIGHT_PX]}
height=${2:-16000}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "render-brief: no chromium found; install it with: apt-get install chromium" >&2
    exit 69
fi
out="$dir/render"
mkdir -p "$out"
rendered=0
for page in brief sweep; do
    html="$dir/$page.html"
    [ -f "$html" ] || continue
    url="file://$(cd "$(dirname "$html")" && pwd)/$page.html"
    flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-pdf-header-footer)
    timeout 120 "$browser" "${flags[@]}" --window-size=1280,"$height" --screenshot="$out/$page-1280.png" "$url" 2>/dev/null
    timeout 120 "$browser" "${flags[@]}" --print-to-pdf="$out/$page.pdf" "$url" 2>/dev/null
    if command -v pdftoppm >/dev/null; then
        pdftoppm -png -r 70 "$out/$page.pdf" "$out/$page-a4"
    fi
    rendered=$((rendered + 1))
done
if [ "$rendered" -eq 0 ]; then
    echo "render-brief: no brief.html or sweep.html in $dir" >&2
    exit 66
fi
echo "render-brief: wrote $(ls "$out" | wc -l) files to $out"
