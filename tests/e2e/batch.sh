#!/bin/bash
# End-to-end tests of batch builds: many ledgers in worker processes, each
# into DIR/<unit>-<year>/; only changed files rewritten; SHA256SUMS;
# outputs no longer written removed and nothing else touched; Ctrl-C, kill
# and a crashed worker leave the folders as the last build left them.
source "$(dirname "$0")/../lib.sh"

SAMPLE=$TOP/sample-data/county-medical-insurance-2023.xml
export XDG_CONFIG_HOME=$T/xdg  # the built-in default fonts
mkdir -p "$XDG_CONFIG_HOME"
U=桐川县医疗保障局-2023

# snapshot DIR: every file below DIR with its size, mtime (ns) and SHA-256
snapshot() {
    (cd "$1" && find . -type f -printf '%p %s %T@\n' | sort &&
     find . -type f -exec sha256sum {} + | sort)
}

# leftovers DIR: staging folders or temporary files below DIR
leftovers() { find "$1" -name '.*' ! -name . | head -3; }

# staged DIR: a staging folder below DIR holds a rendered file
staged() { [ -n "$(find "$1" -path '*/.zhengban-staging-*/*' -name '*.pdf' 2>/dev/null | head -1)" ]; }

# ------------------------------------------- a full build, then again
zb build "$SAMPLE" -o "$T/a"
expect_rc "build exit 0" 0
expect_in "summary: every file new" "文件：27 个已更新，0 个未变，0 个已删除" "$OUT"
expect_in "summary: the ledger built" "1 个台账：1 个已生成" "$OUT"
[ "$(grep -c "^$T/a/$U/" "$OUT")" -eq 27 ] && pass "lists the 27 updated files" \
    || fail "lists the 27 updated files" "$(grep -c "^$T/a/$U/" "$OUT") listed"
[ -z "$(leftovers "$T/a")" ] && pass "no staging folder or temporary file left" \
    || fail "no staging folder or temporary file left" "$(leftovers "$T/a")"

# SHA256SUMS: 27 outputs and the ledger, as sha256sum checks them
sums=$T/a/$U/SHA256SUMS
[ "$(wc -l <"$sums")" -eq 28 ] && pass "SHA256SUMS has 28 lines" \
    || fail "SHA256SUMS has 28 lines" "$(wc -l <"$sums")"
if (cd "$T/a/$U" && sha256sum --strict -c SHA256SUMS >"$T/c" 2>&1); then
    pass "sha256sum -c SHA256SUMS (the ledger too)"
else
    fail "sha256sum -c SHA256SUMS (the ledger too)" "$(grep -v ': OK' "$T/c" | head -3)"
fi
expect_in "the ledger by its path from the folder" \
    "$(sha256sum <"$SAMPLE" | cut -c1-64)  ../../" "$sums"

snapshot "$T/a" >"$T/a.before"
sleep 1.1
zb build "$SAMPLE" -o "$T/a"
expect_rc "rebuild exit 0" 0
expect_in "rebuild: nothing updated" "文件：0 个已更新，27 个未变，0 个已删除" "$OUT"
snapshot "$T/a" >"$T/a.after"
cmp -s "$T/a.before" "$T/a.after" && pass "rebuild rewrites nothing (bytes and mtimes)" \
    || fail "rebuild rewrites nothing (bytes and mtimes)" "$(diff "$T/a.before" "$T/a.after" | head -4)"

# ------------------------ one staff member renamed: only what shows her
# 冯佳 (s29, 医保中心) signs a pledge (附件2), uses TCYB-PC-024, so she is on
# its rows of 附件8 and of the log 附件9; the inspection notice attaches
# 附件8. No other form or document names her.
sed 's/name="冯佳"/name="冯佳怡"/' "$SAMPLE" >"$T/renamed.xml"
cp "$SAMPLE" "$T/same.xml"
zb build "$T/same.xml" -o "$T/b" -q
snapshot "$T/b" >"$T/b.before"
sleep 1.1
cp "$T/renamed.xml" "$T/same.xml"
zb build "$T/same.xml" -o "$T/b"
expect_rc "renamed: exit 0" 0
expect_in "renamed: 7 updated, 20 unchanged" "文件：7 个已更新，20 个未变，0 个已删除" "$OUT"
grep "^$T/b/$U/" "$OUT" | sed "s|^$T/b/$U/||" | sort >"$T/updated"
cat >"$T/expected" <<'LIST'
公文-inspection-2023.pdf
附件02-使用正版软件承诺书.pdf
附件02-使用正版软件承诺书.xlsx
附件08-软件使用情况明细表.pdf
附件08-软件使用情况明细表.xlsx
附件09-软件安装维护情况明细表.pdf
附件09-软件安装维护情况明细表.xlsx
LIST
sort -o "$T/expected" "$T/expected"
cmp -s "$T/updated" "$T/expected" && pass "renamed: exactly the files that show her" \
    || fail "renamed: exactly the files that show her" "$(diff "$T/expected" "$T/updated")"
snapshot "$T/b" >"$T/b.after"
changed=$(diff <(grep -v '^[0-9a-f]\{64\} ' "$T/b.before") \
               <(grep -v '^[0-9a-f]\{64\} ' "$T/b.after") | grep -c '^>')
[ "$changed" -eq 8 ] && pass "renamed: 7 files and SHA256SUMS have new times" \
    || fail "renamed: 7 files and SHA256SUMS have new times" "$changed changed"

# ---------------- an output no longer written is removed, nothing else
echo "单位自己的说明" >"$T/b/$U/我的说明.txt"
echo "readme" >"$T/b/readme.txt"
sed 's|</unit>|<numbering><form name="statistics" number="13"/></numbering></unit>|' \
    "$T/same.xml" >"$T/renumbered.xml"
cp "$T/renumbered.xml" "$T/same.xml"
zb build "$T/same.xml" -o "$T/b"
expect_rc "renumbered: exit 0" 0
expect_in "renumbered: 附件05 removed" "已删除 $T/b/$U/附件05-软件正版化工作信息统计表.pdf" "$OUT"
# 附件13 is new; the notice issuing the six systems attaches every form
# blank, numbered as the unit numbers them, so it changes too.
expect_in "renumbered: 3 updated, 2 removed" "文件：3 个已更新，24 个未变，2 个已删除" "$OUT"
expect_in "renumbered: the six systems' notice renumbers its 附件" \
    "$T/b/$U/公文-notice-2023-15.pdf" "$OUT"
[ ! -e "$T/b/$U/附件05-软件正版化工作信息统计表.xlsx" ] && pass "renumbered: old 附件05 gone" \
    || fail "renumbered: old 附件05 gone" "still there"
[ -s "$T/b/$U/附件13-软件正版化工作信息统计表.xlsx" ] && pass "renumbered: 附件13 written" \
    || fail "renumbered: 附件13 written" "missing"
[ "$(cat "$T/b/$U/我的说明.txt")" = 单位自己的说明 ] && [ "$(cat "$T/b/readme.txt")" = readme ] \
    && pass "files of the user are left alone" || fail "files of the user are left alone" "changed"
expect_not_in "SHA256SUMS does not list the user's file" "我的说明" "$T/b/$U/SHA256SUMS"
# a build of some forms only removes nothing and keeps the other lines
zb build "$T/same.xml" -o "$T/b" --forms 1 --format pdf
expect_in "--forms 1: nothing removed" "文件：0 个已更新，1 个未变，0 个已删除" "$OUT"
[ "$(wc -l <"$T/b/$U/SHA256SUMS")" -eq 28 ] && pass "--forms 1: SHA256SUMS keeps every output" \
    || fail "--forms 1: SHA256SUMS keeps every output" "$(wc -l <"$T/b/$U/SHA256SUMS") lines"
# blank forms are no documents, yet nothing is removed
zb build "$T/same.xml" -o "$T/b" --blank --forms 1,12
expect_in "--blank: nothing removed" "0 个已删除" "$OUT"
[ -s "$T/b/$U/公文-report-2023.pdf" ] && pass "--blank: the documents stay" \
    || fail "--blank: the documents stay" "removed"

# ----------------------- ten ledgers, two at a time, one of them invalid
mkdir "$T/many"
for i in 1 2 3 4 5 6 7 8 9; do
    sed "s/桐川县医疗保障局/桐川县第${i}局/g" "$SAMPLE" >"$T/many/unit$i.xml"
done
cp "$TOP/sample-data/invalid/tz-1.3.xml" "$T/many/bad.xml"
zb check "$T/many/bad.xml"
cp "$OUT" "$T/bad.check"
zb build "$T"/many/unit[1-5].xml "$T/many/bad.xml" "$T"/many/unit[6-9].xml \
    -o "$T/ten" -j 2 --forms 1,5 --format pdf
expect_rc "ten ledgers, one invalid: exit 1" 1
expect_in "ten ledgers: summary" "10 个台账：9 个已生成，1 个失败（$T/many/bad.xml）" "$OUT"
n=$(ls "$T"/ten/*/附件05-软件正版化工作信息统计表.pdf 2>/dev/null | wc -l)
[ "$n" -eq 9 ] && pass "ten ledgers: nine built" || fail "ten ledgers: nine built" "$n"
[ "$(ls "$T/ten" | wc -l)" -eq 9 ] && pass "ten ledgers: no folder for the invalid one" \
    || fail "ten ledgers: no folder for the invalid one" "$(ls "$T/ten")"
cmp -s "$T/bad.check" "$ERR" && pass "ten ledgers: the invalid one reported as check does" \
    || fail "ten ledgers: the invalid one reported as check does" "$(diff "$T/bad.check" "$ERR" | head -5)"
pdftotext "$T/ten/桐川县第7局-2023/附件05-软件正版化工作信息统计表.pdf" - | tr -d ' \n' >"$T/p"
expect_in "ten ledgers: each its own unit" 桐川县第7局 "$T/p"

# ------------------------------------------------------------- progress
script -qec "'$ZB' build '$SAMPLE' -o '$T/tty' --forms 1 --format pdf" /dev/null \
    >"$T/tty.out" 2>&1
expect_in "a terminal shows the bar" "] 1/1 个台账  1 张表" "$T/tty.out"
grep -q $'\r\e\[K\[' "$T/tty.out" && pass "the bar is redrawn in place" \
    || fail "the bar is redrawn in place" "$(head -c 200 "$T/tty.out" | od -c | head -3)"
zb build "$SAMPLE" -o "$T/quiet" -q --forms 1
[ ! -s "$OUT" ] && [ "$RC" -eq 0 ] && pass "-q prints nothing" \
    || fail "-q prints nothing" "$(head -3 "$OUT")"
expect_not_in "not a terminal: no bar" "个台账  " "$OUT"
zb build "$SAMPLE" -o "$T/j0" -j 0
expect_rc "-j 0 is refused" 2

# ---------------------- interrupted while rendering: the last build stays
zb build "$SAMPLE" -o "$T/i" -q
snapshot "$T/i" >"$T/i.before"
"$ZB" build "$T/renamed.xml" -o "$T/i" >"$T/i.out" 2>"$T/i.err" &
pid=$!
if wait_for "staged '$T/i'"; then
    kill -TERM $pid
    wait $pid
    rc=$?
    [ $rc -eq 143 ] && pass "kill: exit 143" || fail "kill: exit 143" "exit $rc"
    expect_in "kill: says so" "生成被中断，输出目录保持上次生成的样子" "$T/i.err"
    snapshot "$T/i" >"$T/i.after"
    cmp -s "$T/i.before" "$T/i.after" && pass "kill: every output byte-identical, same times" \
        || fail "kill: every output byte-identical, same times" "$(diff "$T/i.before" "$T/i.after" | head -4)"
    [ -z "$(leftovers "$T/i")" ] && pass "kill: no staging folder or temporary file" \
        || fail "kill: no staging folder or temporary file" "$(leftovers "$T/i")"
else
    kill -KILL $pid; fail "kill" "no staged file within 60 s"
fi

# ------------- a worker killed outright: its ledger fails, the other builds
"$ZB" build "$T/many/unit1.xml" "$T/many/unit2.xml" -o "$T/k" -j 2 \
    >"$T/k.out" 2>"$T/k.err" &
pid=$!
# staging_folders DIR: how many staging folders below DIR hold a PDF
staging_folders() {
    find "$1" -path '*/.zhengban-staging-*/*.pdf' 2>/dev/null | sed 's|/[^/]*$||' \
        | sort -u | wc -l
}
if wait_for "[ \$(staging_folders '$T/k') -ge 2 ]"; then
    victim=$(pgrep -P $pid | head -1)
    kill -KILL "$victim"
    wait $pid
    rc=$?
    [ $rc -eq 2 ] && pass "worker killed: exit 2" || fail "worker killed: exit 2" "exit $rc"
    expect_in "worker killed: reported" "工作进程异常终止（信号 9）" "$T/k.err"
    expect_in "worker killed: the other ledger built" "2 个台账：1 个已生成，1 个失败" "$T/k.out"
    [ -z "$(leftovers "$T/k")" ] && pass "worker killed: its staging folder removed" \
        || fail "worker killed: its staging folder removed" "$(leftovers "$T/k")"
else
    kill -KILL $pid; fail "worker killed" "the two workers did not both stage within 60 s"
fi

# ------ the whole run killed outright: the next build sweeps what it left
setsid "$ZB" build "$T/renamed.xml" -o "$T/i" >/dev/null 2>&1 &
pid=$!
if wait_for "staged '$T/i'"; then
    kill -KILL -- -$pid
    wait $pid 2>/dev/null
    [ -n "$(leftovers "$T/i")" ] && pass "kill -9: a staging folder is left" \
        || fail "kill -9: a staging folder is left" "none"
    snapshot "$T/i" | grep -v zhengban-staging >"$T/i.after"
    cmp -s "$T/i.before" "$T/i.after" && pass "kill -9: the outputs are the last build's" \
        || fail "kill -9: the outputs are the last build's" "$(diff "$T/i.before" "$T/i.after" | head -4)"
    zb build "$SAMPLE" -o "$T/i" -q
    [ -z "$(leftovers "$T/i")" ] && pass "the next build removes the staging folder" \
        || fail "the next build removes the staging folder" "$(leftovers "$T/i")"
else
    kill -KILL -- -$pid; fail "kill -9" "no staged file within 60 s"
fi
