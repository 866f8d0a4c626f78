#!/bin/bash
# End-to-end tests of `zhengban build`: every form of the catalogue for the
# sample ledger, as PDF (read back with pdftotext) and XLSX (read back with
# openpyxl, tests/e2e/build_check.py); layouts valid against layout.xsd;
# byte-identical rebuilds; invalid ledgers write nothing; the options.
# Every expected figure is worked out by hand from the sample ledger.
source "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
SAMPLE=$TOP/sample-data/county-medical-insurance-2023.xml
export XDG_CONFIG_HOME=$T/xdg  # the built-in default fonts
mkdir -p "$XDG_CONFIG_HOME"
U=桐川县医疗保障局-2023  # each ledger's folder inside -o: <unit>-<year>

# count FILE-GLOB: how many files match
count() { ls -d $1 2>/dev/null | wc -l; }

expect_count() {
    local n
    n=$(count "$2")
    [ "$n" -eq "$3" ] && pass "$1" || fail "$1" "$n files, expected $3"
}

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

# ------------------------------------------------------------ catalogue
if xmllint --noout --schema "$TOP/forms/catalog.xsd" "$TOP/forms/catalog.xml" \
        2>"$T/xsd"; then
    pass "catalog.xml valid against catalog.xsd"
else
    fail "catalog.xml valid against catalog.xsd" "$(head -3 "$T/xsd")"
fi

# --------------------------------------------------------- a full build
zb build "$SAMPLE" -o "$T/out"
expect_rc "build the sample exit 0" 0
expect_count "24 files written" "$T/out/$U/附件*" 24
expect_in "prints what it wrote" "$T/out/$U/附件05-软件正版化工作信息统计表.pdf" "$OUT"
expect_count "and the sample's 3 documents" "$T/out/$U/公文-*.pdf" 3
expect_in "prints the count" "文件：27 个已更新，0 个未变，0 个已删除" "$OUT"
[ ! -s "$ERR" ] && pass "a clean ledger prints no diagnostics" \
    || fail "a clean ledger prints no diagnostics" "$(head -3 "$ERR")"
for n in 01-软件正版化工作领导小组成员信息表 02-使用正版软件承诺书 \
         03-软件使用需求申请表 04-软件采购计划表 05-软件正版化工作信息统计表 \
         06-可使用免费软件清单 07-软件使用情况汇总表 08-软件使用情况明细表 \
         09-软件安装维护情况明细表 10-软件安装维护申请表 11-软件安装维护确认单; do
    for ext in pdf xlsx; do
        [ -s "$T/out/$U/附件$n.$ext" ] && pass "附件$n.$ext" \
            || fail "附件$n.$ext" "missing"
    done
done
leftovers=$(find "$T/out" -name '.*')
[ -z "$leftovers" ] && pass "no temporary files left" \
    || fail "no temporary files left" "$leftovers"

# ---- PDF: sound, and holding the form's title, header fields and cells
for pdf in "$T/out/$U"/*.pdf; do
    name=$(basename "$pdf" .pdf)
    qpdf --check "$pdf" >/dev/null 2>&1 && pass "$name qpdf --check" \
        || fail "$name qpdf --check" "$(qpdf --check "$pdf" 2>&1 | tail -2)"
    # the font programs: own tables laid last (src/render/pdf_fontfile.c)
    "$PY" "$TOP/tests/e2e/fontprogram_check.py" "$pdf" >"$T/fontprogram" \
        && pass "$name font programs sound" \
        || fail "$name font programs sound" "$(head -3 "$T/fontprogram")"
    pdftotext "$pdf" - | tr -d ' \n' >"$T/$name.txt"
done

# pdf_has FORM TEXT...: every TEXT (spaces ignored) in 附件FORM-*.pdf
pdf_has() {
    local form=$1 text
    shift
    for text in "$@"; do
        expect_in "附件$form shows $text" "${text// /}" "$(ls "$T"/附件$form-*.txt)"
    done
}
for f in 01 02 03 04 05 06 07 08 09 10 11; do
    number=$((10#$f))
    expect_in "附件$f labelled 附件$number" "附件$number" "$(ls "$T"/附件$f-*.txt)"
done
pdf_has 01 软件正版化工作领导小组成员信息表 单位名称（盖章）：桐川县医疗保障局 \
    填表人：陆雅琴 联系电话：13907712185 填表日期：2023年12月25日 \
    序号 分工 姓名 部门 职务 联系电话 传真 备注 \
    组长韦振邦局领导党组书记、局长13907712037 副组长 成员 覃秋萍 0771-5550109
pdf_has 02 使用正版软件承诺书 \
    本人承诺严格遵守单位软件正版化工作相关规定，不私自在计算机办公设备及系统中安装或卸载软件。 \
    承诺人签字： 局领导韦振邦 医保中心马婷婷
pdf_has 03 软件使用需求申请表 申请部门：医保中心 经手人：曾凡宇 \
    联系电话：13907713110 填表日期：2023年3月6日 申请许可数（单位：个） \
    操作系统 办公软件 杀毒软件 其他软件 医保经办业务文书处理 \
    办公室（信息化）审核 办公室（资产）审核 审核人：陆雅琴 2023年3月10日 \
    申请部门：基金监管股
pdf_has 04 软件采购计划表 经手人：谭志远 联系电话：13907712222 \
    填表日期：2023年3月20日 单价 许可数 合计 （单位：元） （单位：个） \
    WPS 620.00 95.00 3880.00 6200.00 3230.00 7760.00 共计 17190.00 续订一年 \
    规划财务股审核 审核人：邓文静 单位领导审批 审批人：韦振邦 2023年3月24日
pdf_has 05 软件正版化工作信息统计表 单位名称（盖章）：桐川县医疗保障局 \
    一、负责软件正版化工作部门情况 办公室陆雅琴0771-55501020771-5550109 \
    二、人员情况 总人数 使用计算机人数 三、计算机情况 服务器数 台式机数 便携机数 \
    四、本年度软件采购情况 "(不含预装操作系统)" 金额（万元） \
    五、迄今累计拥有软件许可情况 "(含预装操作系统)" \
    TCYB-NB-03（Windows10家庭中文版）
pdf_has 06 可使用免费软件清单 软件厂商客服联系方式 使用原因 \
    SD360AQWS0360安全卫士V13官网下载奇虎公司400-100-3600全部门维护电脑安全 \
    福昕PDF阅读器V12 医保中心
pdf_has 07 软件使用情况汇总表 人员情况 计算机情况 采购金额 许可期限 序列号 安装数量 \
    商业软件 随机预装（OEM）软件 免费软件 17400.00 批量许可 报废 \
    OEM-WIN10HOME
pdf_has 08 软件使用情况明细表 软件类型 商业软件 OEM软件 免费软件 安装日期 \
    局领导 韦振邦 TCYB-NB-01 TCYB-SV-02 浪潮NF5280M5 XT-WS2019-01
pdf_has 09 软件安装维护情况明细表 许可数量 可使用版本 许可期限 \
    安装 卸载 计算机编号 计算机品牌 使用人 使用部门 \
    BG-WPS2019-01 2019及以下版本 TCYB-PC-028 2023-08-16
pdf_has 10 软件安装维护申请表 编号：SQ2023-001 申请部门规划财务股 申请人邓文静 \
    □安装 □卸载 ☑升级 原软件名称/版本 "WPS Office 2019 专业版 / 2019" \
    "WPS Office 2023 专业版 / 2023" 预算编制表格需与医保中心2023版文档兼容。 \
    本部门负责人意见 审核人：邓文静 2023年5月15日 办公室意见 不同意。
pdf_has 11 软件安装维护确认单 编号：QR2023-005 计算机编号TCYB-PC-014 使用人杨慧敏 \
    使用部门基金监管股 "BG-MSO2016-01 → BG-MSO2021-01" "2016 → 2021" \
    安装维护人 谭志远 完成日期2023年9月20日 完成情况 已完成 使用人确认签字

# ---- 附件5: the figures of the sample, worked out by hand.
# 三: desktops TCYB-PC-001…028 less PC-004 (disposed 2023-08-15) = 27, servers
# 2, laptops 5, total 34. 二: 31 staff; 30 use a computer (蒙德才 has none).
# 四 (bought in 2023): 国内 办公 WPS 2023 10 licences 6,200 元, 杀毒 瑞星 34
# licences 3,230 元; 国外 办公 Office 2021 2 licences 7,760 元. 万元 from the
# exact sums: 国内 总计 9,430 元 = 0.94, 国外 0.78, 合计 办公 13,960 = 1.40,
# 总计 17,190 = 1.72 (not 0.94 + 0.78 = 1.72 by luck: 0.943 + 0.776).
# 五: 国外 操作系统 = Windows Server 2 + OEM 1809 on 16 machines + 20H2 on 14
# = 32; 国内 操作系统 = 统信UOS 1; 合计 109.
pdftotext -layout "$T/out/$U/附件05-软件正版化工作信息统计表.pdf" "$T/s5.txt"
row() { grep -E "^ *$1 " "$T/s5.txt" | sed -n "${2}p" | tr -s ' ' | sed 's/^ //'; }
[ "$(row 国内 1)" = "国内 0 0.00 10 0.62 34 0.32 44 0.94" ] \
    && pass "附件5 四 国内" || fail "附件5 四 国内" "$(row 国内 1)"
[ "$(row 国外 1)" = "国外 0 0.00 2 0.78 0 0.00 2 0.78" ] \
    && pass "附件5 四 国外" || fail "附件5 四 国外" "$(row 国外 1)"
[ "$(row 合计 1)" = "合计 0 0.00 12 1.40 34 0.32 46 1.72" ] \
    && pass "附件5 四 合计" || fail "附件5 四 合计" "$(row 合计 1)"
[ "$(row 国外 2)" = "国外 32 2 0 34" ] \
    && pass "附件5 五 国外" || fail "附件5 五 国外" "$(row 国外 2)"
grep -qE '^ *2 +27 +5 +34 *$' "$T/s5.txt" && pass "附件5 三 2 27 5 34" \
    || fail "附件5 三 2 27 5 34" "$(grep -E ' 27 ' "$T/s5.txt")"
grep -qE '^ *31 +30 *$' "$T/s5.txt" && pass "附件5 二 31 30" \
    || fail "附件5 二 31 30" "no such line"

# ---- copies: one page (sheet) per staff member, demand, software, ...
p2=$(pages "$T/out/$U/附件02-使用正版软件承诺书.pdf")
[ "$p2" -eq 31 ] && pass "附件2 one page per staff member" \
    || fail "附件2 one page per staff member" "$p2 pages"
for spec in "03 3 软件使用需求申请表" "10 7 软件安装维护申请表" \
            "11 9 软件安装维护确认单"; do
    set -- $spec
    p=$(pages "$T/out/$U/附件$1-$3.pdf")
    [ "$p" -eq "$2" ] && pass "附件$1 one page per copy ($2)" \
        || fail "附件$1 one page per copy" "$p pages, expected $2"
done
pdftotext "$T/out/$U/附件02-使用正版软件承诺书.pdf" - | grep -c 使用正版软件承诺书 >"$T/n"
[ "$(cat "$T/n")" -eq 31 ] && pass "附件2 every page titled" \
    || fail "附件2 every page titled" "$(cat "$T/n") titles"
# 附件9: a copy per 软件编号 (16); WPS 2019 has 42 events: two pages
pdftotext "$T/out/$U/附件09-软件安装维护情况明细表.pdf" - | grep -c '^软件编号$' >"$T/n"
[ "$(cat "$T/n")" -ge 17 ] && pass "附件9 header block on every page" \
    || fail "附件9 header block on every page" "$(cat "$T/n")"
pdftotext -f 2 -l 2 "$T/out/$U/附件09-软件安装维护情况明细表.pdf" - | tr -d ' \n' >"$T/p"
expect_in "附件9 second page goes on with WPS 2019" BG-WPS2019-01 "$T/p"
expect_in "附件9 running count back to 20" 2023-08-16 "$T/p"
# 附件8: 办公室 spans two pages and is named on both
for p in 1 2; do
    pdftotext -f $p -l $p "$T/out/$U/附件08-软件使用情况明细表.pdf" - | tr -d ' \n' >"$T/p"
    expect_in "附件8 page $p names 办公室" 办公室 "$T/p"
done

# ---- XLSX: read back by openpyxl
"$PY" "$TOP/tests/e2e/build_check.py" sample "$T/out/$U" 2>&1 \
    | sed 's/^Traceback/FAIL openpyxl: Traceback/'

# ------------------------------------------ the same input, the same bytes
sleep 1
zb build "$SAMPLE" -o "$T/again"
same=1
for f in "$T/out/$U"/*; do
    cmp -s "$f" "$T/again/$U/$(basename "$f")" || { same=0; echo "    differs: $f"; }
done
[ $same -eq 1 ] && pass "build twice: byte-identical files" \
    || fail "build twice: byte-identical files" "see above"

# one ledger, one process (-j 1) or shared with helper processes (-j 3:
# two helpers lay out and write some of the outputs): the same files, the
# same report, the same diagnostics in the same order
W=$TOP/sample-data/invalid/tz-1.13.xml
zb build "$W" -o "$T/j1" -j 1
# it has no demands and no purchase plan: 附件3 and 附件4 (one copy per
# record) are not written, and a note says so
expect_rc "no demands, no plans: exit 0" 0
expect_in "no demands: a note for 附件3" \
    "note: 附件3 软件使用需求申请表：台账中没有要填入这张表的记录，不生成" "$ERR"
expect_in "no plans: a note for 附件4" "note: 附件4 软件采购计划表：" "$ERR"
expect_count "no demands, no plans: no 附件03 or 附件04" "$T/j1/*/附件0[34]-*" 0
expect_count "no demands, no plans: the ten other forms" "$T/j1/*/附件*.pdf" 10
sed "s|$T/j1|DIR|" "$OUT" >"$T/j1.out"
cp "$ERR" "$T/j1.err"
rc1=$RC
zb build "$W" -o "$T/j3" -j 3
sed "s|$T/j3|DIR|" "$OUT" >"$T/j3.out"
expect_rc "-j 1 and -j 3: the same exit status" "$rc1"
same=1
for f in "$T/j1"/*/*; do
    cmp -s "$f" "$T/j3/${f#$T/j1/}" || { same=0; echo "    differs: $f"; }
done
[ $same -eq 1 ] && [ "$(count "$T/j3/*/*")" -eq "$(count "$T/j1/*/*")" ] &&
    pass "-j 1 and -j 3: byte-identical files" ||
    fail "-j 1 and -j 3: byte-identical files" "see above"
cmp -s "$T/j1.out" "$T/j3.out" && pass "-j 1 and -j 3: the same report" ||
    fail "-j 1 and -j 3: the same report" "$(diff "$T/j1.out" "$T/j3.out" | head -3)"
grep -q 'warning:' "$T/j1.err" && cmp -s "$T/j1.err" "$ERR" &&
    pass "-j 1 and -j 3: the same diagnostics" ||
    fail "-j 1 and -j 3: the same diagnostics" "$(diff "$T/j1.err" "$ERR" | head -3)"

# ---------------------------------------------------- layouts are valid
zb build "$SAMPLE" -o "$T/layout" --format layout
expect_rc "--format layout exit 0" 0
zb build "$SAMPLE" -o "$T/blank-layout" --format layout --blank
for f in "$T"/layout/$U/*.layout.xml "$T"/blank-layout/$U/*.layout.xml; do
    name=$(basename "$(dirname "$f")")/$(basename "$f")
    if xmllint --noout --schema "$TOP/forms/layout.xsd" "$f" 2>"$T/xsd"; then
        pass "$name valid against layout.xsd"
    else
        fail "$name valid against layout.xsd" "$(head -3 "$T/xsd")"
    fi
done
expect_count "--format layout writes layouts only (12 forms, 3 documents)" \
    "$T/layout/$U/[附公]*" 15
expect_count "--format layout: every output a layout" "$T/layout/$U/*.layout.xml" 15
zb render "$T/layout/$U/附件01-软件正版化工作领导小组成员信息表.layout.xml" -o "$T/r.pdf"
pdftotext "$T/r.pdf" - | tr -d ' \n' >"$T/r.txt"
expect_in "a written layout renders" 韦振邦局领导 "$T/r.txt"

# ------------------------------------------------------------- options
zb build "$SAMPLE" -o "$T/some" --forms 5,7
expect_rc "--forms 5,7 exit 0" 0
expect_count "--forms 5,7: 附件5 and 附件7 only" "$T/some/$U/[附公]*" 4
expect_count "--forms 5,7: 附件5" "$T/some/$U/附件05-*" 2
zb build "$SAMPLE" -o "$T/named" --forms statistics --format pdf
expect_count "--forms statistics --format pdf: one PDF" "$T/named/$U/*.pdf" 1
expect_count "--format pdf: no workbook" "$T/named/$U/*.xlsx" 0
zb build "$SAMPLE" -o "$T/x" --forms 1,2 --format xlsx
expect_count "--format xlsx: workbooks only" "$T/x/$U/*.xlsx" 2
expect_count "--format xlsx: no PDF" "$T/x/$U/*.pdf" 0
zb build "$SAMPLE" -o "$T/none" --forms 5,13
expect_rc "--forms naming no form exit 2" 2
expect_in "--forms names the unknown form" "“13”" "$ERR"
[ ! -e "$T/none" ] && pass "--forms naming no form writes nothing" \
    || fail "--forms naming no form writes nothing" "$(ls "$T/none")"
zb build "$SAMPLE" -o "$T/fmt" --format docx
expect_rc "--format docx exit 2" 2
zb build "$SAMPLE"
expect_rc "no -o exit 2" 2
zb build "$SAMPLE" "$SAMPLE" -o "$T/two"
expect_rc "one unit and year twice exit 2" 2
expect_in "one unit and year twice: why" "是同一单位、同一年度" "$ERR"
[ "$(grep -c 'error:' "$ERR")" -eq 1 ] && pass "one unit and year twice: one error" \
    || fail "one unit and year twice: one error" "$(cat "$ERR")"
zb build --help
expect_rc "--help exit 0" 0
expect_in "--help names --blank" "--blank" "$OUT"
zb build "$SAMPLE" -o "$T/deep/er/dir" --forms 1 --format xlsx
expect_count "-o creates missing directories" "$T/deep/er/dir/$U/*.xlsx" 1

# ------------------------------------------------------------ --blank
zb build "$SAMPLE" -o "$T/blank" --blank
expect_rc "--blank exit 0" 0
expect_count "--blank writes every form" "$T/blank/$U/附件*" 24
for pdf in "$T"/blank/$U/*.pdf; do
    pdftotext "$pdf" - | tr -d ' \n' >"$T/b.txt"
    name=$(basename "$pdf" .pdf)
    for s in 桐川县医疗保障局 陆雅琴 2023年; do
        expect_not_in "blank $name without $s" "$s" "$T/b.txt"
    done
done
pdftotext "$T/blank/$U/附件05-软件正版化工作信息统计表.pdf" - | tr -d ' \n' >"$T/b.txt"
expect_in "blank 附件5 keeps its labels" "单位名称（盖章）：填表人：联系电话：填表日期：" "$T/b.txt"
expect_in "blank 附件5 leaves the date to fill in" "年月日" "$T/b.txt"
for f in 02-使用正版软件承诺书 03-软件使用需求申请表 09-软件安装维护情况明细表 \
         10-软件安装维护申请表 11-软件安装维护确认单; do
    p=$(pages "$T/blank/$U/附件$f.pdf")
    [ "$p" -eq 1 ] && pass "blank 附件$f one copy" \
        || fail "blank 附件$f one copy" "$p pages"
done
"$PY" "$TOP/tests/e2e/build_check.py" blank "$T/blank/$U" 2>&1 \
    | sed 's/^Traceback/FAIL openpyxl: Traceback/'

# ------------------------------- invalid ledgers: check's words, no files
for bad in tz-1.3 schema log-order; do
    ledger=$TOP/sample-data/invalid/$bad.xml
    zb check "$ledger"
    cp "$OUT" "$T/check.out"
    zb build "$ledger" -o "$T/bad-$bad"
    expect_rc "invalid $bad exit 1" 1
    cmp -s "$T/check.out" "$ERR" && pass "invalid $bad: check's diagnostics" \
        || fail "invalid $bad: check's diagnostics" "$(diff "$T/check.out" "$ERR" | head -5)"
    [ ! -e "$T/bad-$bad" ] && pass "invalid $bad: nothing written" \
        || fail "invalid $bad: nothing written" "$(ls "$T/bad-$bad")"
done
zb build "$T/missing.xml" -o "$T/bad-missing"
expect_rc "missing ledger exit 2" 2
[ ! -e "$T/bad-missing" ] && pass "missing ledger: nothing written" \
    || fail "missing ledger: nothing written" "directory created"

# a warning does not stop the build, and is shown
zb build "$TOP/sample-data/invalid/tz-1.13.xml" -o "$T/warn" --forms 1
expect_rc "ledger with a warning exit 0" 0
expect_in "the warning is shown" "warning:" "$ERR"
expect_count "ledger with a warning: forms written" "$T/warn/*/附件*" 2

# ------------------------ the unit's own numbering and department names
# (the audit form, 附件12 by default, moves to 13: form-number)
sed -e 's|</unit>|<numbering><form name="statistics" number="12"/><form name="audit" number="13"/></numbering></unit>|' \
    -e 's|<it dept="bgs"/>|<it dept="ybzx"/>|' "$SAMPLE" >"$T/renamed.xml"
zb check "$T/renamed.xml"
expect_rc "renumbered ledger is valid" 0
zb build "$T/renamed.xml" -o "$T/renamed" --forms 12,3,10 --format pdf
expect_rc "--forms 12 picks the renumbered form" 0
[ -s "$T/renamed/$U/附件12-软件正版化工作信息统计表.pdf" ] \
    && pass "renumbered file name 附件12" || fail "renumbered file name 附件12" \
    "$(ls "$T/renamed")"
pdftotext "$T/renamed/$U/附件12-软件正版化工作信息统计表.pdf" - | tr -d ' \n' >"$T/r.txt"
expect_in "renumbered form labelled 附件12" 附件12软件正版化工作信息统计表 "$T/r.txt"
pdftotext "$T/renamed/$U/附件03-软件使用需求申请表.pdf" - | tr -d ' \n' >"$T/r.txt"
expect_in "信息化部门 is the unit's 医保中心" 医保中心审核 "$T/r.txt"
expect_in "资产部门 is the unit's 办公室" 办公室审核 "$T/r.txt"
expect_not_in "no bracket when the roles differ" "（信息化）" "$T/r.txt"
pdftotext "$T/renamed/$U/附件10-软件安装维护申请表.pdf" - | tr -d ' \n' >"$T/r.txt"
expect_in "附件10 opinion of the unit's 信息化部门" 医保中心意见 "$T/r.txt"
zb build "$T/renamed.xml" -o "$T/renamed5" --forms 5
expect_rc "--forms 5 after renumbering exit 2" 2

# --------------------- a character no font can draw: named with its source
sed 's/name="马婷婷"/name="马𠀀婷"/' "$SAMPLE" >"$T/nonbmp.xml"
line=$(grep -n '𠀀' "$T/nonbmp.xml" | cut -d: -f1)
zb build "$T/nonbmp.xml" -o "$T/nonbmp" --forms 2 --format pdf
expect_rc "unprintable character exit 2" 2
expect_in "unprintable character named" "U+20000" "$ERR"
expect_in "unprintable character's ledger line" "nonbmp.xml:$line 姓名" "$ERR"
expect_in "the form is named" "附件02-使用正版软件承诺书" "$ERR"
expect_count "unprintable character: no PDF" "$T/nonbmp/$U/*.pdf" 0

# ----------------- 附件9 and 附件11 laid out a piece of copies at a time
# Of the M ledger (5,058 log events, 623 confirmations) build lays out
# 附件9 in two pieces (software 1-25 and 26-27: at most about 4,096 rows a
# piece) and 附件11 in two (confirmations 1-509 and 510-623), each with only its
# copies' facts; --format layout writes each form whole, in one piece. The
# pieces must make the very files the whole layout makes.
GEN=${GEN:-$(dirname "$ZB")/gen}

# Build FORMS of the ledger NAME (m, l) in pieces and each FORM (its output
# name) whole, as its layout rendered: the same files, named NAME FORM.ext.
same_as_whole() {
    local name=$1 forms=$2 form ext
    shift 2
    zb build "$T/$name.xml" -o "$T/$name-pieces" --forms "$forms" -j 1
    expect_rc "$name ledger $forms in pieces exit 0" 0
    zb build "$T/$name.xml" -o "$T/$name-whole" --forms "$forms" \
        --format layout
    for form in "$@"; do
        zb render "$T/$name-whole/"*/"$form.layout.xml" -o "$T/whole.pdf" \
            -o "$T/whole.xlsx"
        for ext in pdf xlsx; do
            if cmp -s "$T/whole.$ext" "$T/$name-pieces/"*/"$form.$ext"; then
                pass "$name $form.$ext in pieces = whole"
            else
                fail "$name $form.$ext in pieces = whole" "the files differ"
            fi
        done
    done
}

"$GEN" M -o "$T/m.xml" >/dev/null 2>&1
same_as_whole m 9,11 附件09-软件安装维护情况明细表 附件11-软件安装维护确认单
# Of the L ledger's 附件9 (pieces of 6,331 rows) three copies have more
# rows than a piece (software 5, 25 and 27: 6,476, 9,629 and 9,783): each
# is laid out in two ranges of its rows, with only those rows' facts,
# joined into one table. Again the very files of the whole layout.
"$GEN" L -o "$T/l.xml" >/dev/null 2>&1
same_as_whole l 9 附件09-软件安装维护情况明细表
pdftotext "$T/m-pieces/"*/附件11-软件安装维护确认单.pdf - | tr -d ' \n' \
    >"$T/r.txt"
n=$(grep -o '软件安装维护确认单' "$T/r.txt" | wc -l)
[ "$n" -eq 623 ] && pass "附件11 in pieces: 623 copies" \
    || fail "附件11 in pieces: 623 copies" "$n titles"
