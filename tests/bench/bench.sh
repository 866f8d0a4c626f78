#!/bin/bash
# `make bench`: time `check`, `stats` and `build` on the generated ledgers
# build/bench/ledger-SIZE.xml as whole processes, several runs each; report
# the median and spread of wall time, CPU time and peak memory, the pages
# and bytes written, the stages of `--timings`, how each stage grows with
# its input (M -> L -> XL) and the budgets of issue 9. The report goes to
# the terminal and to build/bench/results-<commit>.txt, so that two commits
# can be compared (diff the two files).
#
#   tests/bench/bench.sh [SIZE...]          (make bench does the set-up)
#   BENCH_RUNS=3 ZB=build/zhengban tests/bench/bench.sh S M
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
ZB=${ZB:-$top/build/zhengban}
runs=${BENCH_RUNS:-5}
dir=$top/build/bench
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(S M L XL)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 XDG_CONFIG_HOME=$tmp  # the default fonts

commit=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$top" diff --quiet HEAD -- src forms stylesheets 2>/dev/null ||
    commit=$commit-dirty
results=$dir/results-$commit.txt
mkdir -p "$dir"
exec > >(tee "$results")

has_command() { "$ZB" "$1" --help >/dev/null 2>&1; }

# run N CMD...: run CMD N times; one line "wall cpu peak_kb status" each
run() {
    local n=$1
    shift
    for _ in $(seq "$n"); do
        /usr/bin/time -f '%e %U %S %M %x' -o "$tmp/time" "$@" \
            >"$tmp/stdout" 2>"$tmp/stderr"
        awk '{printf "%.3f %.3f %d %d\n", $1, $2 + $3, $4, $5}' "$tmp/time"
    done
}

# summary: from run's lines, "median min max cpu_median peak_mb status"
summary() {
    local f=$tmp/runs n
    cat >"$f"
    n=$(wc -l <"$f")
    col() { cut -d' ' -f"$1" "$f" | sort -n | sed -n "$2p"; }
    echo "$(col 1 $(((n + 1) / 2))) $(col 1 1) $(col 1 "$n")" \
        "$(col 2 $(((n + 1) / 2))) $(($(col 3 $(((n + 1) / 2))) / 1024))" \
        "$(col 4 "$n")"
}

# report NAME SUMMARY [EXTRA]
report() {
    read -r med lo hi cpu mb status <<<"$2"
    printf '  %-8s wall %7.3f s (%6.3f-%6.3f)  cpu %7.3f s  peak %6d MB%s%s\n' \
        "$1" "$med" "$lo" "$hi" "$cpu" "$mb" \
        "$([ "$status" -ne 0 ] && echo "  exit $status")" "${3:-}"
}

# The pages of the PDFs under DIR.
pages() {
    local total=0 p
    while IFS= read -r -d '' f; do
        p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
        total=$((total + ${p:-0}))
    done < <(find "$1" -name '*.pdf' -print0)
    echo "$total"
}

# timings CMD...: the stage lines of CMD --timings, "stage seconds"
timings() {
    "$@" --timings 2>&1 >/dev/null |
        awk '/^  [a-z]/ && $1 != "total" {print $1, $2}'
}

echo "zhengban bench  commit $commit  $(date -u +%Y-%m-%d)  $(nproc) cores" \
    " runs $runs"
declare -A stage_time stage_names input_bytes
for size in "${sizes[@]}"; do
    ledger=$dir/ledger-$size.xml
    if [ ! -f "$ledger" ]; then
        echo "$size: $ledger is missing (make bench generates it)"
        continue
    fi
    bytes=$(stat -c %s "$ledger")
    input_bytes[$size]=$bytes
    printf '\n%s: %s bytes, %d staff, %d computers, %d events\n' "$size" \
        "$bytes" "$(grep -c '<person ' "$ledger")" \
        "$(grep -c '<computer ' "$ledger")" "$(grep -c '<event ' "$ledger")"

    s=$(run "$runs" "$ZB" check "$ledger" | summary)
    report check "$s"
    if has_command stats; then
        report stats "$(run "$runs" "$ZB" stats "$ledger" | summary)"
    else
        echo "  stats    (not in this build)"
    fi
    if has_command build; then
        out=$tmp/out-$size
        s=$(run "$runs" bash -c 'rm -rf "$0" && exec "$1" build "$2" -o "$0"' \
            "$out" "$ZB" "$ledger" | summary)
        p=$(pages "$out")
        b=$(du -sb "$out" 2>/dev/null | cut -f1)
        report build "$s" "$(awk -v p="$p" -v b="${b:-0}" -v w="${s%% *}" \
            'BEGIN {printf "  %d pages  %.1f MB  %.0f pages/s", p, b / 1048576,
                    (w > 0 ? p / w : 0)}')"
        stages=$(rm -rf "$out"; timings "$ZB" build "$ledger" -o "$out")
    else
        echo "  build    (not in this build)"
        stages=$(timings "$ZB" check "$ledger")
    fi
    echo "  stages:$(awk '{printf "  %s %.3f", $1, $2}' <<<"$stages")"
    while read -r stage seconds; do
        [ -n "$stage" ] && stage_time[$size.$stage]=$seconds
    done <<<"$stages"
    stage_names[$size]=$(awk '{printf "%s ", $1}' <<<"$stages")
    read -r med _ _ _ mb _ <<<"$s"
    printf -v "wall_$size" %s "$med"
    printf -v "peak_$size" %s "$mb"
done

# ---- growth: doubling the input may at most multiply a stage by 2.2 ----
echo
echo "growth per stage (time exponent against input bytes; budget log2 2.2 = 1.14):"
prev=
for size in M L XL; do
    [ -n "${input_bytes[$size]:-}" ] || continue
    if [ -n "$prev" ]; then
        line="  $prev->$size:"
        for stage in ${stage_names[$size]}; do
            a=${stage_time[$prev.$stage]:-}
            b=${stage_time[$size.$stage]}
            [ -n "$a" ] || continue
            line+=$(awk -v a="$a" -v b="$b" -v x="${input_bytes[$prev]}" \
                -v y="${input_bytes[$size]}" -v s="$stage" 'BEGIN {
                    if (a < 0.005) { printf "  %s -", s; exit }
                    e = log(b / a) / log(y / x)
                    printf "  %s %.2f%s", s, e, (e > 1.14 ? "!" : "")
                }')
        done
        echo "$line"
    fi
    prev=$size
done

# ---- the budgets of issue 9 ----
echo
echo "budgets:"
budget() { # NAME VALUE LIMIT UNIT
    [ -n "$2" ] || { printf '  %-28s (not measured)\n' "$1"; return; }
    awk -v n="$1" -v v="$2" -v l="$3" -v u="$4" 'BEGIN {
        printf "  %-28s %8.2f %s (budget %s %s)  %s\n", n, v, u, l, u,
            (v <= l ? "ok" : "MISSED") }'
}
if has_command build; then
    budget "S full build" "${wall_S:-}" 0.3 s
    budget "L full build" "${wall_L:-}" 3 s
    budget "XL full build" "${wall_XL:-}" 20 s
    budget "XL peak memory" "${peak_XL:-}" 1024 MB
else
    echo "  (build is not in this build: the budgets apply to check only)"
    budget "XL check peak memory" "${peak_XL:-}" 1024 MB
fi
echo
echo "written to ${results#"$top"/}"
