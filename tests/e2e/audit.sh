#!/bin/bash
# End-to-end tests of `zhengban audit`: one focused ledger per check
# (sample-data/audit/), the clean ledger, the sample ledger's findings
# listed by hand, the text, xml and json outputs, exit statuses.
. "$(dirname "$0")/../lib.sh"

SAMPLE=$TOP/sample-data/county-medical-insurance-2023.xml
AUDIT=$TOP/sample-data/audit
XSD=$TOP/forms/facts.xsd

# The finding lines of the text report: "    FILE:LINE: text [id]".
findings() { grep -E '^    [^ ].*:[0-9]+: .* \[[a-z-]+\]$' "$OUT"; }

# ---- the clean ledger ---------------------------------------------------------

zb audit "$AUDIT/clean.xml"
expect_rc clean_exit_0 0
expect_in clean_says_none "未发现问题。" "$OUT"
if [ -z "$(findings)" ] && [ "$(grep -c '：100 分，优秀$' "$OUT")" -eq 4 ]; then
    pass clean_all_excellent
else
    fail clean_all_excellent "findings or grades other than 100 分，优秀"
    sed 's/^/    /' "$OUT" | tail -6
fi

# ---- one focused ledger per check ---------------------------------------------
# Each file says in its header "expect: CHECK LEVEL LINE": the audit must
# report exactly one finding, of that check, level and line, and quote the
# check's article.

zb audit --format xml "$AUDIT/clean.xml"
cp "$OUT" "$T/clean.xml"
grep -o '<check id="[^"]*" name="[^"]*" article="[^"]*"' "$T/clean.xml" |
    sed -E 's/<check id="([^"]*)" name="[^"]*" article="([^"]*)"/\1 \2/' \
        >"$T/checks.txt"
nchecks=0
while read -r id article; do
    nchecks=$((nchecks + 1))
    f=$AUDIT/$id.xml
    if [ ! -f "$f" ]; then
        fail "focused_$id" "no sample-data/audit/$id.xml"
        continue
    fi
    read -r check level line < <(grep -o 'expect: .*' "$f" | cut -d' ' -f2-)
    zb audit "$f"
    if [ "$check" != "$id" ]; then
        fail "focused_$id" "header names check $check"
    elif [ "$RC" -ne 3 ]; then
        fail "focused_$id" "exit status $RC, expected 3"
    elif [ "$(findings | wc -l)" -ne 1 ]; then
        fail "focused_$id" "$(findings | wc -l) findings"
        findings | sed 's/^/    /'
    elif ! findings | grep -qE "^    $f:$line: .*\[$id\]$"; then
        fail "focused_$id" "no [$id] at line $line"
        findings | sed 's/^/    /'
    elif ! grep -q "^${level}问题 1 个$" "$OUT"; then
        fail "focused_$id" "not reported as $level"
    elif ! grep -qF "      依据$article：“" "$OUT"; then
        fail "focused_$id" "article $article not quoted"
    else
        pass "focused_$id"
    fi
done <"$T/checks.txt"
nfiles=$(ls "$AUDIT"/*.xml | wc -l)
if [ "$nchecks" -ge 11 ] && [ "$nfiles" -eq $((nchecks + 1)) ]; then
    pass focused_one_file_per_check
else
    fail focused_one_file_per_check "$nchecks checks, $nfiles ledgers"
fi

# the focused ledgers are valid: the audit is about compliance, not format
bad=0
for f in "$AUDIT"/*.xml; do
    zb check "$f"
    [ "$RC" -eq 0 ] || bad=$((bad + 1))
done
[ "$bad" -eq 0 ] && pass focused_ledgers_valid ||
    fail focused_ledgers_valid "$bad ledgers fail check"

# ---- the sample ledger --------------------------------------------------------
# Its header says what it leaves for the audit: the home edition on the
# 医保中心 director's laptop (TCYB-NB-03, 何建平) and 马婷婷, hired in
# November, who has not signed the pledge. Nothing else.

home=$(grep -n '<oem id="OEM-WIN10HOME"' "$SAMPLE" | cut -d: -f1)
pledge=$(grep -n '<person id="s31"' "$SAMPLE" | cut -d: -f1)
zb audit "$SAMPLE"
expect_rc sample_exit_3 3
cat >"$T/want" <<EOF
    $SAMPLE:$home: 计算机 TCYB-NB-03（何建平）使用家庭版随机预装软件 OEM-WIN10HOME（Windows 10 家庭中文版），家庭版不能作为单位的正版许可 [oem-home]
    $SAMPLE:$pledge: 马婷婷（医保中心）使用计算机 TCYB-PC-026，到填表日期没有签署《使用正版软件承诺书》 [no-pledge]
EOF
if findings | diff -u "$T/want" - >"$T/diff"; then
    pass sample_findings
else
    fail sample_findings "not the two findings listed by hand"
    sed 's/^/    /' "$T/diff"
fi
expect_in sample_count "发现问题 2 个：严重 1 个，一般 0 个，轻微 1 个。" "$OUT"
# grouped by level, then department
sed -n '/^严重问题/,/^轻微问题/p' "$OUT" | head -2 >"$T/head"
if [ "$(sed -n 1p "$T/head")" = "严重问题 1 个" ] &&
    [ "$(sed -n 2p "$T/head")" = "  医保中心" ]; then
    pass sample_grouped
else
    fail sample_grouped "$(tr '\n' '|' <"$T/head")"
fi
# 医保中心: 100 - 30 (home edition) - 5 (pledge) = 65, 基本合格; the others
# have no findings
expect_in sample_ybzx_grade "  医保中心：65 分，基本合格（使用家庭版OEM软件 1 个扣 30 分；未签署承诺书 1 个扣 5 分）" "$OUT"
expect_in sample_unit_grade "  全单位：65 分，基本合格（使用家庭版OEM软件 1 个扣 30 分；未签署承诺书 1 个扣 5 分）" "$OUT"
if [ "$(grep -c '：100 分，优秀$' "$OUT")" -eq 6 ]; then
    pass sample_others_excellent
else
    fail sample_others_excellent "$(grep -c '：100 分，优秀$' "$OUT") departments at 100"
fi
expect_in sample_article_nine "考核评议（《软件正版化考核评议制度》第九条）" "$OUT"

# ---- xml and json -------------------------------------------------------------

zb audit --format xml "$SAMPLE"
expect_rc xml_exit_3 3
cp "$OUT" "$T/sample.xml"
if xmllint --noout --schema "$XSD" "$T/sample.xml" 2>"$T/lint"; then
    pass xml_valid_against_facts_xsd
else
    fail xml_valid_against_facts_xsd "$(head -3 "$T/lint")"
fi
expect_in xml_root '<audit xmlns="urn:zhengban:facts:1" version="1" unit="桐川县医疗保障局" year="2023" asOf="2023-12-25" findings="2" serious="1" general="0" minor="1" score="65" grade="基本合格">' "$T/sample.xml"
expect_in xml_finding "<finding id=\"oem-home:TCYB-NB-03:OEM-WIN10HOME\" check=\"oem-home\" severity=\"严重\" deduction=\"30\" dept=\"ybzx\" staff=\"s21\" computer=\"TCYB-NB-03\" software=\"OEM-WIN10HOME\" line=\"$home\"" "$T/sample.xml"
expect_in xml_rating '<rating dept="ybzx" serious="1" general="0" minor="1" score="65" grade="基本合格">' "$T/sample.xml"
expect_in xml_reason '<reason check="oem-home" findings="1" deduction="30"/>' "$T/sample.xml"
expect_in xml_scale '<scale serious="30" general="15" minor="5" excellent="90" pass="80" basic="60"/>' "$T/sample.xml"

zb audit --format xml "$SAMPLE"
cmp -s "$OUT" "$T/sample.xml" && pass xml_same_bytes_twice ||
    fail xml_same_bytes_twice "two runs differ"

zb audit --format json "$SAMPLE"
expect_rc json_exit_3 3
if /usr/bin/python3 - "$OUT" >"$T/json" 2>&1 <<'EOF'; then
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert a["xmlns"] == "urn:zhengban:facts:1", a["xmlns"]
assert (a["findings"], a["score"], a["grade"]) == (2, 65, "基本合格")
ids = [f["id"] for f in a["finding"]]
assert ids == ["oem-home:TCYB-NB-03:OEM-WIN10HOME", "no-pledge:s31"], ids
assert [f["severity"] for f in a["finding"]] == ["严重", "轻微"]
assert len(a["check"]) >= 11 and len(a["rating"]) == 7
assert a["finding"][0]["article"] == "《软件正版化考核评议制度》第三条"
EOF
    pass json_findings
else
    fail json_findings "$(tail -2 "$T/json")"
fi

zb audit --format json "$AUDIT/clean.xml"
expect_rc json_clean_exit_0 0
expect_in json_clean_empty '"finding": [],' "$OUT"

# the facts that build and stats use carry the same audit
zb stats --format xml "$SAMPLE"
if xmllint --noout --schema "$XSD" "$OUT" 2>"$T/lint" &&
    grep -q '<audit findings="2" serious="1" general="0" minor="1" score="65" grade="基本合格">' "$OUT"; then
    pass facts_hold_the_audit
else
    fail facts_hold_the_audit "$(head -3 "$T/lint")"
fi

# ---- exit statuses and usage --------------------------------------------------

zb audit "$TOP/sample-data/invalid/az-2.xml"
expect_rc invalid_exit_1 1
expect_in invalid_diagnostics "[az-2]" "$ERR"
[ -s "$OUT" ] && fail invalid_prints_nothing "stdout not empty" ||
    pass invalid_prints_nothing

zb audit "$TOP/sample-data/invalid/tz-1.13.xml"
expect_rc warnings_do_not_stop 3
expect_in warnings_on_stderr "warning:" "$ERR"
expect_in warning_is_a_finding "[stale-ledger]" "$OUT"

zb audit "$T/missing.xml"
expect_rc missing_file_exit_2 2
zb audit
expect_rc no_ledger_exit_2 2
zb audit "$SAMPLE" "$SAMPLE"
expect_rc two_ledgers_exit_2 2
zb audit --format pdf "$SAMPLE"
expect_rc bad_format_exit_2 2
expect_in bad_format_named "不认识的格式“pdf”" "$ERR"
zb audit --help
expect_rc help_exit_0 0
expect_in help_names_exit_3 "3 发现了问题" "$OUT"
zb --help
expect_in command_listed "  audit " "$OUT"

# ---- the audit form (附件12 by default): build writes it -------------------
# 检查结果 and 考核评议 of the sample, read back from the PDF and the workbook.

export XDG_CONFIG_HOME=$T/xdg # the built-in default fonts
mkdir -p "$XDG_CONFIG_HOME"
FORM=附件12-软件使用情况检查及考核评议表
U=桐川县医疗保障局-2023  # build writes into DIR/<unit>-<year>/
Q=青石县测试局-2023
zb build "$SAMPLE" -o "$T/form" --forms audit
expect_rc form_build_exit_0 0
pdftotext -layout "$T/form/$U/$FORM.pdf" - | tr -d ' \n' >"$T/form.txt"
for text in 附件12 软件使用情况检查及考核评议表 单位名称（盖章）：桐川县医疗保障局 \
    填表人：陆雅琴 填表日期：2023年12月25日 检查范围：2023年1月1日至2023年12月25日 \
    "发现问题：2个（严重1个，一般0个，轻微1个）" 一、检查结果 序号严重程度股室检查项目问题说明依据台账行号 \
    1严重医保中心使用家庭版OEM软件《软件正版化考核评议制度》第三条192 \
    计算机TCYB-NB-03（何建平）使用家庭版随机预装软件 \
    2轻微医保中心未签署承诺书《软件正版化工作责任制度》三67 \
    马婷婷（医保中心）使用计算机TCYB-PC-026 \
    依据条款原文：《软件正版化考核评议制度》第三条：“局机关的办公设备及软件适用正版软件 \
    二、考核评议 7医保中心10165基本合格使用家庭版OEM软件1个，扣30分；未签署承诺书1个，扣5分 \
    1局领导000100优秀 全单位10165基本合格 \
    "评议办法（《软件正版化考核评议制度》第九条）：每个股室以100分为基础，严重问题每个扣30分" \
    软件正版化工作领导小组组长（签字）：; do
    expect_in "form_pdf_shows_$text" "$text" "$T/form.txt"
done
[ "$(pdfinfo "$T/form/$U/$FORM.pdf" | awk '/^Pages:/ {print $2}')" -eq 1 ] &&
    pass form_sample_one_page || fail form_sample_one_page "more than one page"

if /usr/bin/python3 - "$T/form/$U/$FORM.xlsx" >"$T/xlsx" 2>&1 <<'PYEOF'; then
import sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = [[c.value for c in r if c.value is not None] for r in ws.iter_rows()]
rows = [r for r in rows if r]
def row(first, second):
    return next(r for r in rows if len(r) > 1 and r[0] == first and r[1] == second)
assert ws.title == "附件12 软件使用情况检查及考核评议表", ws.title
assert rows[1] == ["软件使用情况检查及考核评议表"], rows[1]
assert row("序号", "严重程度") == ["序号", "严重程度", "股室", "检查项目", "问题说明",
                                  "依据", "台账行号"]
home = row(1, "严重")
assert home[2:4] == ["医保中心", "使用家庭版OEM软件"], home
assert home[5:] == ["《软件正版化考核评议制度》第三条", 192], home
assert row(2, "轻微")[-1] == 67
assert row(7, "医保中心")[2:] == [1, 0, 1, 65, "基本合格",
    "使用家庭版OEM软件 1 个，扣 30 分；未签署承诺书 1 个，扣 5 分"]
assert row(1, "局领导")[2:] == [0, 0, 0, 100, "优秀"]
unit = next(r for r in rows if r[0] == "全单位")
assert unit[1:6] == [1, 0, 1, 65, "基本合格"], unit
PYEOF
    pass form_xlsx_cells
else
    fail form_xlsx_cells "$(tail -3 "$T/xlsx")"
fi

zb build "$AUDIT/clean.xml" -o "$T/clean-form" --forms 12
pdftotext -layout "$T/clean-form/$Q/$FORM.pdf" - | tr -d ' \n' >"$T/clean.txt"
expect_in form_clean_says_none 未发现问题 "$T/clean.txt"
expect_in form_clean_excellent 3业务股000100优秀 "$T/clean.txt"
expect_not_in form_clean_quotes_nothing 依据条款原文 "$T/clean.txt"

# renumbered by the ledger like any other form
sed 's|</roles>|</roles><numbering><form name="audit" number="3"/><form name="demand" number="12"/></numbering>|' \
    "$AUDIT/clean.xml" >"$T/renumbered.xml"
zb build "$T/renumbered.xml" -o "$T/renumbered" --forms 3 --format pdf
if [ -s "$T/renumbered/$Q/附件03-软件使用情况检查及考核评议表.pdf" ]; then
    pass form_renumbered
else
    fail form_renumbered "$(ls -R "$T/renumbered" 2>&1)"
fi

zb build "$SAMPLE" -o "$T/blank-form" --forms audit --blank
pdftotext -layout "$T/blank-form/$U/$FORM.pdf" - | tr -d ' \n' >"$T/blank.txt"
expect_in form_blank_frame "检查范围：年月日至年月日" "$T/blank.txt"
expect_not_in form_blank_has_no_data 医保中心 "$T/blank.txt"
