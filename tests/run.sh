#!/bin/bash
# Run every test: the C unit tests (build/asan/tests/test_*) and the
# end-to-end scripts (tests/e2e/*.sh), two at a time.
#
# Each test prints lines "PASS name" or "FAIL name: why"; a test program that
# dies without saying so counts as one failure. The last line printed is
# "N passed, M failed"; the exit status is 0 only when nothing failed.
#
#   ZB=build/zhengban UNIT_DIR=build/tests tests/run.sh    # without sanitizers
#   tests/run.sh tests/e2e/check.sh                         # some tests only
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
export ZB=${ZB:-$top/build/asan/zhengban}
UNIT_DIR=${UNIT_DIR:-$top/build/asan/tests}
export ZB_TOP=$top
# A sanitizer report exits with 86, so it cannot pass for a ledger error (1).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:exitcode=86:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:exitcode=86:print_stacktrace=1}
export LC_ALL=C.UTF-8

if [ ! -x "$ZB" ]; then
    echo "找不到被测程序 $ZB（先运行 make all asan）" >&2
    exit 2
fi

if [ $# -gt 0 ]; then
    tests=("$@")
else
    tests=("$UNIT_DIR"/test_* "$top"/tests/e2e/*.sh)
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

run_one() {
    local t=$1 out=$2
    if [[ $t == *.sh ]]; then
        bash "$t" >"$out" 2>&1
    else
        "$t" >"$out" 2>&1
    fi
    local rc=$?
    if [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
        echo "FAIL $(basename "$t"): exited with status $rc" >>"$out"
    fi
}
export -f run_one

i=0
for t in "${tests[@]}"; do
    [ -e "$t" ] || continue
    [[ $t == *.d ]] && continue
    i=$((i + 1))
    printf '%s\0%s\0' "$t" "$results/$(printf %03d $i)-$(basename "$t").out"
done | xargs -0 -n 2 -P "$(nproc)" bash -c 'run_one "$0" "$1"'

passed=0
failed=0
for out in "$results"/*.out; do
    [ -e "$out" ] || continue
    name=$(basename "$out" .out)
    name=${name#*-}
    p=$(grep -c '^PASS ' "$out")
    f=$(grep -c '^FAIL ' "$out")
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -gt 0 ]; then
        echo "== $name: $p passed, $f failed"
        grep -v '^PASS ' "$out" | head -60
    else
        echo "== $name: $p passed"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
