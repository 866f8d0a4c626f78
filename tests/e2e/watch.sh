#!/bin/bash
# End-to-end tests of `zhengban build --watch`: a rebuild each time the
# ledger is saved (in place, or by renaming a new file over it as editors
# do), errors reported without stopping, Ctrl-C ends it cleanly.
source "$(dirname "$0")/../lib.sh"

SAMPLE=$TOP/sample-data/county-medical-insurance-2023.xml
export XDG_CONFIG_HOME=$T/xdg  # the built-in default fonts
mkdir -p "$XDG_CONFIG_HOME" "$T/ledgers"
U=桐川县医疗保障局-2023
LEDGER=$T/ledgers/台账.xml
SUMS=$T/out/$U/SHA256SUMS
cp "$SAMPLE" "$LEDGER"

# ledger_hash: the SHA-256 of the ledger as SHA256SUMS lists it
listed() { grep -F "$(sha256sum <"$LEDGER" | cut -c1-64)  " "$SUMS" >/dev/null 2>&1; }

"$ZB" build --watch "$LEDGER" -o "$T/out" --forms 1,2 --format pdf \
    >"$T/w.out" 2>"$T/w.err" &
pid=$!
wait_for "grep -q 正在监视 '$T/w.out'" && pass "watch: first build, then watching" \
    || fail "watch: first build, then watching" "$(tail -3 "$T/w.out" "$T/w.err")"
listed && pass "watch: the first build lists the ledger" \
    || fail "watch: the first build lists the ledger" "$(cat "$SUMS")"
# started again with glibc's heap on huge pages (core/hugepages.h)
tr '\0' '\n' </proc/$pid/environ >"$T/w.env"
expect_in "watch: runs with glibc.malloc.hugetlb=1" \
    "GLIBC_TUNABLES=glibc.malloc.hugetlb=1" "$T/w.env"

# saved by renaming a new file over it
sed 's/name="冯佳"/name="冯佳怡"/' "$SAMPLE" >"$T/ledgers/.台账.xml.swp"
mv "$T/ledgers/.台账.xml.swp" "$LEDGER"
wait_for listed && pass "watch: rebuilt after a save by rename" \
    || fail "watch: rebuilt after a save by rename" "$(tail -3 "$T/w.out")"
pdftotext "$T/out/$U/附件02-使用正版软件承诺书.pdf" - | tr -d ' \n' >"$T/p"
expect_in "watch: the new name is in 附件2" 冯佳怡 "$T/p"

# saved in place with an error: reported, the folder kept, still watching
sed 's/<staff>/<staff><person id="s01" name="重复" dept="bgs"\/>/' "$SAMPLE" >"$LEDGER"
wait_for "grep -q 'error:' '$T/w.err'" && pass "watch: an error is reported" \
    || fail "watch: an error is reported" "$(tail -3 "$T/w.err")"
kill -0 $pid 2>/dev/null && pass "watch: goes on after an error" \
    || fail "watch: goes on after an error" "it stopped"
expect_in "watch: the error's rule" "[key-staff]" "$T/w.err"
pdftotext "$T/out/$U/附件02-使用正版软件承诺书.pdf" - | tr -d ' \n' >"$T/p"
expect_in "watch: a failed build keeps the last outputs" 冯佳怡 "$T/p"

# written in place again, valid
cp "$SAMPLE" "$LEDGER"
wait_for listed && pass "watch: rebuilt after a save in place" \
    || fail "watch: rebuilt after a save in place" "$(tail -3 "$T/w.out")"

# another file of the folder changing is no save of the ledger
wait_for "[ \$(grep -c 正在监视 '$T/w.out') -eq 4 ]" && pass "watch: four rounds so far" \
    || fail "watch: four rounds so far" "$(grep -c 正在监视 "$T/w.out")"
echo x >"$T/ledgers/other.xml"
sleep 1
[ "$(grep -c 个台账： "$T/w.out")" -eq 4 ] && pass "watch: other files are ignored" \
    || fail "watch: other files are ignored" "rebuilt"

kill -INT $pid
wait $pid
rc=$?
[ $rc -eq 0 ] && pass "watch: Ctrl-C ends it, exit 0" || fail "watch: Ctrl-C ends it, exit 0" "exit $rc"
[ -z "$(find "$T/out" -name '.*' ! -name .)" ] && pass "watch: nothing temporary left" \
    || fail "watch: nothing temporary left" "$(find "$T/out" -name '.*')"
if grep -q 'ERROR: \(Address\|Leak\)Sanitizer\|runtime error' "$T/w.err"; then
    echo "FAIL sanitizer: build --watch"; sed 's/^/    /' "$T/w.err" | head -20
fi
