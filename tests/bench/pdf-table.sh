#!/bin/bash
# Time `zhengban render` on a 10,000-row table against bare libharu drawing
# the same rows (tests/bench/pdf_baseline.c). Issue 9's budget: at most twice.
#
#   tests/bench/pdf-table.sh [ROWS]        (after `make all`)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
rows=${1:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$top/tests/layout/gen_table.py" "$rows" >"$tmp/table.xml"
cc -O2 -o "$tmp/baseline" "$top/tests/bench/pdf_baseline.c" -lhpdf

# median wall time of five runs of the command
median() {
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1
    done | sort -n | sed -n 3p
}

export XDG_CONFIG_HOME=$tmp  # the default fonts
ours=$(median "$top/build/zhengban" render "$tmp/table.xml" -o "$tmp/ours.pdf")
base=$(median "$tmp/baseline" "$rows" "$tmp/base.pdf")
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
printf 'rows %s\n' "$rows"
printf 'zhengban render  %5.2f s  %4d pages  %8d bytes (XML parse and model included)\n' \
    "$ours" "$(pages "$tmp/ours.pdf")" "$(stat -c %s "$tmp/ours.pdf")"
printf 'bare libharu     %5.2f s  %4d pages  %8d bytes\n' \
    "$base" "$(pages "$tmp/base.pdf")" "$(stat -c %s "$tmp/base.pdf")"
awk -v a="$ours" -v b="$base" 'BEGIN {printf "ratio            %5.2f (budget 2.00)\n", a / b}'
