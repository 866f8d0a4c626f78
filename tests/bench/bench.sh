#!/bin/bash
# `make bench`: time `check`, `stats` and `build` on the generated ledgers
# build/bench/ledger-SIZE.xml as whole processes, several runs each; report
# the median and spread of wall time, CPU time and peak memory, the pages
# and bytes written, the median of each stage of `--timings` (every build
# run reports its stages), how each stage grows with its input (M -> L ->
# XL) and the budgets of issue 9. The runs go round the sizes (S M L XL,
# S M L XL, ...) rather than one size after the other: this machine's
# speed drifts by a quarter within minutes, and a slow minute then falls
# on every size alike instead of on one (which made its growth figures
# swing both ways). The report goes to the terminal and to
# build/bench/results-<commit>.txt, so that two commits can be compared
# (diff the two files).
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

# once CMD...: run CMD; one line "wall cpu peak_kb status"; its standard
# error in $tmp/stderr
once() {
    /usr/bin/time -f '%e %U %S %M %x' -o "$tmp/time" "$@" \
        >"$tmp/stdout" 2>"$tmp/stderr"
    awk '{printf "%.3f %.3f %d %d\n", $1, $2 + $3, $4, $5}' "$tmp/time"
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

# stages FILE: the median of each stage over the "stage seconds" lines of
# FILE (those of every run), in the order of their first run
stages() {
    awk '{ if (!($1 in n)) order[++k] = $1; t[$1, ++n[$1]] = $2 }
         END { for (i = 1; i <= k; i++) {
                   s = order[i]; m = n[s]
                   for (a = 1; a <= m; a++) v[a] = t[s, a]
                   for (a = 1; a <= m; a++)       # insertion sort
                       for (b = a; b > 1 && v[b - 1] > v[b]; b--) {
                           x = v[b]; v[b] = v[b - 1]; v[b - 1] = x }
                   print s, v[int((m + 1) / 2)] } }' "$1"
}

# take_stages SIZE: the stage lines of the last run's --timings, kept
take_stages() {
    awk '/^  [a-z]/ && $1 != "total" {print $1, $2}' "$tmp/stderr" \
        >>"$tmp/stages-$1"
}

echo "zhengban bench  commit $commit  $(date -u +%Y-%m-%d)  $(nproc) cores" \
    " runs $runs"
declare -A stage_time stage_names input_bytes
present=()
for size in "${sizes[@]}"; do
    ledger=$dir/ledger-$size.xml
    if [ -f "$ledger" ]; then
        present+=("$size")
    else
        echo "$size: $ledger is missing (make bench generates it)"
    fi
done
# the runs, round the sizes
for _ in $(seq "$runs"); do
    for size in "${present[@]}"; do
        ledger=$dir/ledger-$size.xml
        once "$ZB" check --timings "$ledger" >>"$tmp/check-$size"
        has_command build || take_stages "$size"  # no build: check's stages
        if has_command stats; then
            once "$ZB" stats "$ledger" >>"$tmp/stats-$size"
        fi
        if has_command build; then
            out=$tmp/out-$size
            # the last run's files removed and everything written out
            # first, so that no run pays for the one before (XL writes
            # 190 MB, which the kernel would otherwise flush during L's)
            rm -rf "$out"
            sync
            once "$ZB" build --timings "$ledger" -o "$out" >>"$tmp/build-$size"
            take_stages "$size"
        fi
    done
done
for size in "${present[@]}"; do
    ledger=$dir/ledger-$size.xml
    bytes=$(stat -c %s "$ledger")
    input_bytes[$size]=$bytes
    printf '\n%s: %s bytes, %d staff, %d computers, %d events\n' "$size" \
        "$bytes" "$(grep -c '<person ' "$ledger")" \
        "$(grep -c '<computer ' "$ledger")" "$(grep -c '<event ' "$ledger")"
    s=$(summary <"$tmp/check-$size")
    report check "$s"
    if [ -f "$tmp/stats-$size" ]; then
        report stats "$(summary <"$tmp/stats-$size")"
    else
        echo "  stats    (not in this build)"
    fi
    if [ -f "$tmp/build-$size" ]; then
        out=$tmp/out-$size
        s=$(summary <"$tmp/build-$size")
        p=$(pages "$out")
        b=$(du -sb "$out" 2>/dev/null | cut -f1)
        report build "$s" "$(awk -v p="$p" -v b="${b:-0}" -v w="${s%% *}" \
            'BEGIN {printf "  %d pages  %.1f MB  %.0f pages/s", p, b / 1048576,
                    (w > 0 ? p / w : 0)}')"
    else
        echo "  build    (not in this build)"
    fi
    st=$(stages "$tmp/stages-$size")
    echo "  stages:$(awk '{printf "  %s %.3f", $1, $2}' <<<"$st")"
    while read -r stage seconds; do
        [ -n "$stage" ] && stage_time[$size.$stage]=$seconds
    done <<<"$st"
    stage_names[$size]=$(awk '{printf "%s ", $1}' <<<"$st")
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
