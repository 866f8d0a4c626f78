#!/bin/bash
# End-to-end tests of the red-header documents (GB/T 9704-2012): the
# document stylesheets run on the sample ledger through
# `zhengban render --xsl`, and the pages measured (gbt9704.py).
source "$(dirname "$0")/../lib.sh"

# the built-in default fonts, whatever the user running the tests configured
export XDG_CONFIG_HOME=$T/xdg
mkdir -p "$XDG_CONFIG_HOME"
S=$TOP/sample-data/county-medical-insurance-2023.xml
U=桐川县医疗保障局-2023  # build writes into DIR/<unit>-<year>/
G=$TOP/tests/e2e/gbt9704.py

# doc NAME STYLESHEET [ARGS...] [-- INPUT]: lay out a document of the
# sample ledger (or INPUT) with stylesheets/STYLESHEET.xsl into $T/NAME.pdf
doc() {
    local name=$1 sheet=$2 input=$S
    shift 2
    local args=()
    while [ $# -gt 0 ]; do
        if [ "$1" = "--" ]; then input=$2; break; fi
        args+=("$1")
        shift
    done
    zb render --xsl "$TOP/stylesheets/$sheet.xsl" "${args[@]}" "$input" \
        -o "$T/$name.pdf"
}

# flat NAME: the text of $T/NAME.pdf on one line, without spaces
flat() {
    pdftotext "$T/$1.pdf" - | tr -d ' \n\f'
}

# in_order NAME TEXT...: each TEXT found in $T/NAME.flat after the one before
in_order() {
    local name=$1 rest
    shift
    rest=$(cat "$T/$name.flat")
    for text in "$@"; do
        case $rest in
        *"$text"*) rest=${rest#*"$text"} ;;
        *) fail "$name in order" "“$text” missing or out of order"; return ;;
        esac
    done
    pass "$name in order: $1 … ${*: -1}"
}

# ---- the three documents of the sample ledger and a pre-printed letterhead
doc report doc-report
check_pdf report
python3 "$G" report "$T/report.pdf"
doc notice doc-systems-notice
check_pdf notice
python3 "$G" notice "$T/notice.pdf"
doc inspection doc-inspection-notice
check_pdf inspection
python3 "$G" inspection "$T/inspection.pdf"
doc preprinted doc-inspection-notice --param letterhead=preprinted
check_pdf preprinted
python3 "$G" preprinted "$T/preprinted.pdf"

# ---- a page full of body text: 22 lines of 28 characters
zb render "$TOP/tests/layout/grid.xml" -o "$T/grid.pdf"
check_pdf grid
python3 "$G" full-page "$T/grid.pdf"

zb render "$TOP/tests/layout/grid.xml" -o "$T/grid.xlsx"
expect_rc "a section on the type grid still goes to XLSX" 0

# ---- a 版记 after a blank page: neither page numbered
zb render "$TOP/tests/layout/colophon.xml" -o "$T/colophon.pdf"
check_pdf colophon
python3 "$G" blank-before-colophon "$T/colophon.pdf"

# ---- the report: six parts in order, the unit's paragraphs in their part
flat report >"$T/report.flat"
in_order report 桐川县版权局： 根据县推进使用正版软件工作联席会议的部署 \
    一、落实软件正版化工作责任 \
    我局成立了由党组书记、局长韦振邦任组长，党组成员、副局长黄立新任副组长，陆雅琴、 \
    6月20日，我局印发 二、规范软件采购 \
    "WPSOffice2023专业版（10个许可，6200元）" 三、加强软件使用和台账管理 \
    台账于6月30日、12月22日更新。8月，一台已使用近九年的计算机 \
    四、开展软件使用情况检查 \
    2023年11月20日，办公室牵头开展2023年度软件使用情况全面检查。逐台检查在用的34台计算机， \
    已列入2024年采购计划更换。 五、开展宣传培训 \
    2023年5月25日，我局2人参加桐川县版权局举办的全县软件正版化工作培训班 \
    六、下一步工作打算 2024年，我局将更换 纳入年度考核。同时，我局将继续落实 特此报告。 \
    附件：软件正版化工作信息统计表 桐川县医疗保障局 2023年12月25日 \
    （公开方式：依申请公开）
expect_not_in "report without facts states no figure" "万元" "$T/report.flat"
# the part 六 opens once with the year: the unit's plans, then the
# standing tasks go on with 同时
[ "$(grep -o 2024年，我局将 "$T/report.flat" | wc -l)" -eq 1 ] \
    && pass "report: 2024年，我局将 once" \
    || fail "report: 2024年，我局将 once" "$(grep -o '.\{6\}2024年，我局将' "$T/report.flat")"

# ---- with the derived facts, the report states their figures (the facts
# below are written by hand for the sample ledger, as `build` adds them)
python3 - "$S" "$T/with-facts.xml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
cell = '<cell category="%s" licenses="%s" yuan="%s" wanyuan="%s"/>'
def row(origin, cells):
    return '<row origin="%s">%s</row>' % (origin, "".join(cell % c for c in cells))
held = lambda o, a, b, c, t: '<row origin="%s">%s</row>' % (o, "".join(
    '<cell category="%s" licenses="%s" commercial="0" oem="0"/>' % x
    for x in (("操作系统", a), ("办公", b), ("杀毒", c), ("总计", t))))
facts = ('<facts xmlns="urn:zhengban:facts:1" version="1" unit="桐川县医疗保障局" '
         'year="2023" asOf="2023-12-25"><statistics>'
         '<people total="31" computerUsers="30"/>'
         '<computers servers="2" desktops="28" laptops="4" total="34"/>'
         '<purchases>' +
         row("合计", [("操作系统", 0, "0.00", "0.00"), ("办公", 12, "13960.00", "1.40"),
                      ("杀毒", 34, "3230.00", "0.32"), ("总计", 46, "17190.00", "1.72")]) +
         '</purchases><holdings>' + held("合计", 36, 40, 34, 110) +
         '<homeEdition software="OEM-WIN10HOME" computer="TCYB-NB-03"/>'
         '</holdings></statistics><audit>'
         '<finding message="计算机 TCYB-NB-03 预装家庭版操作系统"/></audit></facts>')
text = text.replace("</ledger>", facts + "</ledger>")
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
doc facts doc-report -- "$T/with-facts.xml"
flat facts >"$T/facts.flat"
in_order facts 二、规范软件采购 \
    本年度采购操作系统、办公、杀毒软件许可共46个，金额1.72万元，其中办公软件12个（1.40万元）、杀毒软件34个（0.32万元）。 \
    截至2023年12月25日，我局累计拥有正版软件许可110个，其中操作系统软件36个、办公软件40个、杀毒软件34个。 \
    计算机TCYB-NB-03随机预装的Windows10家庭中文版不能作为单位的正版软件许可，未计入累计拥有的许可。 \
    三、加强软件使用和台账管理 \
    全局在用计算机34台（服务器2台、台式机28台、便携机4台），31名工作人员中30人使用计算机。 \
    四、开展软件使用情况检查 已列入2024年采购计划更换。 \
    经对照软件使用管理台账核查，共发现问题1个，已于11月24日以《关于2023年度软件使用情况全面检查结果的通报》（桐医保办〔2023〕9号）通报。 \
    五、开展宣传培训
expect_not_in "facts: the home edition's name said once" "为家庭版" "$T/facts.flat"
expect_not_in "facts: the finding the inspection record tells only counted" \
    "计算机TCYB-NB-03预装家庭版操作系统" "$T/facts.flat"
# the ledger has no inspection notice: the findings counted, nothing referred to
sed '/<document id="inspection-2023"/,/<\/document>/d' "$T/with-facts.xml" >"$T/no-notice.xml"
doc no-notice doc-report -- "$T/no-notice.xml"
flat no-notice >"$T/no-notice.flat"
expect_in "no notice: the findings counted" \
    "已列入2024年采购计划更换。经对照软件使用管理台账核查，共发现问题1个。五、" "$T/no-notice.flat"
# no inspection record tells the findings: they are listed
sed '/<summary>逐台检查/d' "$T/with-facts.xml" >"$T/untold.xml"
doc untold doc-report -- "$T/untold.xml"
flat untold >"$T/untold.flat"
expect_in "no summary: the findings listed" \
    "全面检查。经对照软件使用管理台账核查，发现问题1个：计算机TCYB-NB-03预装家庭版操作系统。五、" \
    "$T/untold.flat"
# a home edition whose name does not say so, and two of them
sed -e 's/name="Windows 10 家庭中文版"/name="Windows 11"/' \
    -e 's|<homeEdition software="OEM-WIN10HOME" computer="TCYB-NB-03"/>|&<homeEdition software="OEM-WIN10HOME" computer="TCYB-NB-04"/>|' \
    "$T/with-facts.xml" >"$T/homes.xml"
doc homes doc-report -- "$T/homes.xml"
flat homes >"$T/homes.flat"
expect_in "two home editions in one sentence, each named once" \
    "计算机TCYB-NB-03随机预装的Windows11（家庭版）、计算机TCYB-NB-04随机预装的Windows11（家庭版）均不能作为单位的正版软件许可" \
    "$T/homes.flat"

# ---- a unit that is not a 局 speaks of itself as what it is
sed 's/<unit name="桐川县医疗保障局"/<unit name="桐川县医疗保障服务中心"/' "$S" >"$T/centre.xml"
doc centre doc-report -- "$T/centre.xml"
flat centre >"$T/centre.flat"
expect_in "a 中心 is 我中心" "我中心成立了由党组书记、局长韦振邦任组长" "$T/centre.flat"

# ---- the notice: the six systems after the notice, department names put in
flat notice >"$T/notice.flat"
in_order notice 关于印发《软件正版化工作六项制度》的通知 局机关各股室、医保中心： \
    现将《软件正版化工作六项制度》印发给你们，请认真执行。 （公开方式：主动公开） \
    软件正版化工作责任制度 软件日常使用管理规定 3.规划财务股确保软件采购经费纳入年度预算 \
    软件配置管理规定 软件台账管理规定 软件安装维护管理规定 软件正版化考核评议制度 \
    第十一条本制度自印发之日起实施。 桐川县医疗保障局办公室 2023年6月20日印发
expect_not_in "notice: no 财务股 of the reference left" "3.财务股确保" "$T/notice.flat"

# ---- the inspection notice: numbered headings of two levels; the parts
# the audit writes where the ledger's sections topic="findings" and
# topic="ratings" put them (without facts, their heading and the ledger's
# text), the requirements last; the audit form attached as 附件3
flat inspection >"$T/inspection.flat"
in_order inspection 一、检查基本情况 二、检查发现的问题 对上述问题，办公室已逐项反馈相关股室 \
    三、考核评议结果 各股室检查发现的问题和考核评议得分见附件3。 \
    四、工作要求 附件：1.软件使用情况汇总表 2.软件使用情况明细表 \
    3.软件使用情况检查及考核评议表 \
    4.2023年度软件使用情况全面检查各股室计算机软件安装情况核对记录及问题整改责任清单
expect_not_in "inspection: no fifth part" "五、" "$T/inspection.flat"

# ---- the audit's findings and grades in those parts (the facts' shape
# written here by hand is the one doc-inspection-notice.xsl reads)
FACTS='<facts xmlns="urn:zhengban:facts:1"><audit><finding message="计算机 TCYB-NB-03 预装家庭版操作系统" article="《软件正版化考核评议制度》第三条"/><rating dept="bgs" grade="优秀"/><rating dept="ybzx" grade="合格"/></audit></facts>'
sed "s|</ledger>|$FACTS</ledger>|" "$S" >"$T/audit.xml"
doc audit doc-inspection-notice -- "$T/audit.xml"
flat audit >"$T/audit.flat"
in_order audit 一、检查基本情况 二、检查发现的问题 \
    （1）计算机TCYB-NB-03预装家庭版操作系统，不符合《软件正版化考核评议制度》第三条的规定。 \
    对上述问题，办公室已逐项反馈相关股室 \
    三、考核评议结果 办公室：优秀；医保中心：合格。 各股室检查发现的问题和考核评议得分见附件3。 \
    四、工作要求 附件：1.软件使用情况汇总表
expect_not_in "audit: no fifth part" "五、" "$T/audit.flat"
[ "$(grep -o 发现的问题 "$T/audit.flat" | wc -l)" -eq 2 ] \
    && pass "audit: 发现的问题 once as a heading (and once in the ledger's sentence)" \
    || fail "audit: 发现的问题 once as a heading" "$(grep -o '.\{4\}发现的问题' "$T/audit.flat")"

# ---- a heading of the ledger's own for a part
sed -e "s|</ledger>|$FACTS</ledger>|" \
    -e 's|<section topic="ratings">|<section topic="ratings" heading="各股室考核评议等次">|' \
    "$S" >"$T/own-heading.xml"
doc own-heading doc-inspection-notice -- "$T/own-heading.xml"
flat own-heading >"$T/own-heading.flat"
in_order own-heading 二、检查发现的问题 三、各股室考核评议等次 办公室：优秀 四、工作要求

# ---- a body that places neither part: both appended after it, as before
sed -e "s|</ledger>|$FACTS</ledger>|" \
    -e 's|<section topic="findings">|<section heading="发现的问题">|' \
    -e '/<section topic="ratings">/,/<\/section>/d' "$S" >"$T/appended.xml"
doc appended doc-inspection-notice -- "$T/appended.xml"
flat appended >"$T/appended.flat"
in_order appended 一、检查基本情况 二、发现的问题 对上述问题，办公室已逐项反馈相关股室 三、工作要求 \
    四、检查发现的问题 （1）计算机TCYB-NB-03预装家庭版操作系统 \
    五、考核评议结果 办公室：优秀；医保中心：合格。 附件：1.软件使用情况汇总表
# one placed, the other appended after the body
sed -e "s|</ledger>|$FACTS</ledger>|" \
    -e '/<section topic="ratings">/,/<\/section>/d' "$S" >"$T/half.xml"
doc half doc-inspection-notice -- "$T/half.xml"
flat half >"$T/half.flat"
in_order half 二、检查发现的问题 （1）计算机TCYB-NB-03 三、工作要求 \
    四、考核评议结果 办公室：优秀；医保中心：合格。

# ---- attached forms: the form's pages after the document, numbered on
python3 - "$S" "$TOP/tests/layout/form.xml" "$T/attached.xml" <<'PY'
import sys
ledger = open(sys.argv[1], encoding="utf-8").read()
form = open(sys.argv[2], encoding="utf-8").read().split("?>", 1)[1]
ledger = ledger.replace("</ledger>", '<zb:attachment xmlns:zb="urn:zhengban:xslt" '
                        'form="statistics">%s</zb:attachment></ledger>' % form)
open(sys.argv[3], "w", encoding="utf-8").write(ledger)
PY
doc attached doc-report -- "$T/attached.xml"
check_pdf attached
pages=$(pdfinfo "$T/attached.pdf" | awk '/^Pages:/ {print $2}')
pdftotext -f 4 -l 4 "$T/attached.pdf" - | tr -d ' \n' >"$T/page4"
expect_in "attached form on the page after the document" "软件采购计划表" "$T/page4"
expect_in "attached form numbered on: — 4 —" "—4—" "$T/page4"
[ $((pages % 2)) -eq 0 ] && pdftotext -f "$pages" -l "$pages" "$T/attached.pdf" - \
    | grep -q 印发 && pass "版记 after the attached form, on an even page" \
    || fail "版记 after the attached form, on an even page" "$pages pages"

# ---- the same ledger gives the same bytes
doc again doc-report
cmp -s "$T/report.pdf" "$T/again.pdf" && pass "report twice, same bytes" \
    || fail "report twice, same bytes" "outputs differ"

# ---- errors
doc none doc-general --param document=nope
[ "$RC" -ne 0 ] && pass "unknown document refused (exit $RC)" \
    || fail "unknown document refused" "exit 0"
expect_in "unknown document named" "台账中没有标识为 nope 的公文" "$ERR"
zb render --xsl "$TOP/stylesheets/doc-report.xsl" "$S" -o "$T/report.xlsx"
expect_rc "a red-header document as XLSX refused" 1
expect_in "XLSX refusal names signoff and colophon" "只能排成 PDF" "$ERR"
zb render --xsl "$TOP/stylesheets/doc-report.xsl" --param x "$S" -o "$T/x.pdf"
expect_rc "--param without = is a usage error" 2

# ---- zhengban build writes every document of the ledger, forms attached
zb build "$S" -o "$T/out"
expect_rc "build with documents exit 0" 0
for id in notice-2023-15 report-2023 inspection-2023; do
    expect_in "build lists 公文-$id.pdf" "公文-$id.pdf" "$OUT"
    cp "$T/out/$U/公文-$id.pdf" "$T/built-$id.pdf" 2>/dev/null
    check_pdf "built-$id"
done
B=$T/out/$U
# page_text FILE N: the text of page N without spaces
page_text() {
    pdftotext -f "$2" -l "$2" "$1" - | tr -d ' \n\f'
}
# the report: its one attachment labelled 附件 (no number), the pages
# numbered on, the figures from the derived facts
report=$B/公文-report-2023.pdf
pages=$(pdfinfo "$report" | awk '/^Pages:/ {print $2}')
found=""
for p in $(seq 1 "$pages"); do
    text=$(page_text "$report" "$p")
    case $text in 附件软件正版化工作信息统计表*) found=$p ;; esac
done
[ -n "$found" ] && pass "report: the one attachment labelled 附件 (page $found)" \
    || fail "report: the one attachment labelled 附件" "no page starts so"
page_text "$report" "${found:-1}" >"$T/att"
expect_in "report: the attachment's page numbered on" "—${found:-0}—" "$T/att"
[ $((pages % 2)) -eq 0 ] && page_text "$report" "$pages" | grep -q 印发 \
    && pass "report: 版记 on the last page, an even one ($pages)" \
    || fail "report: 版记 on the last page, an even one" "$pages pages"
pdftotext "$report" - | tr -d ' \n\f' >"$T/built.flat"
expect_in "report: 附件5 figures from the facts" \
    "本年度采购操作系统、办公、杀毒软件许可共46个，金额1.72万元" "$T/built.flat"
in_order built 四、开展软件使用情况检查 已列入2024年采购计划更换。 \
    经对照软件使用管理台账核查，共发现问题2个，已于11月24日以《关于2023年度软件使用情况全面检查结果的通报》（桐医保办〔2023〕9号）通报。
expect_not_in "report: no ledger id of a software" "OEM-WIN10HOME" "$T/built.flat"
# the inspection notice: its forms numbered as its 附件说明 (1, 2 and 3, the audit form), its parts in place
inspection=$B/公文-inspection-2023.pdf
pdftotext "$inspection" - | tr -d ' \n\f' >"$T/insp.flat"
in_order insp 二、检查发现的问题 （1）计算机TCYB-NB-03（何建平）使用家庭版随机预装软件 \
    （2）马婷婷（医保中心） 三、考核评议结果 医保中心：基本合格。 四、工作要求 \
    附件：1.软件使用情况汇总表 附件1软件使用情况汇总表 附件2软件使用情况明细表 \
    附件3软件使用情况检查及考核评议表 考核评议
# the notice: every form attached blank, numbered as the unit numbers them
notice=$B/公文-notice-2023-15.pdf
pdftotext "$notice" - | tr -d ' \n\f' >"$T/nb.flat"
in_order nb 软件正版化考核评议制度 附件1软件正版化工作领导小组成员信息表 \
    附件2使用正版软件承诺书 附件5软件正版化工作信息统计表 附件11软件安装维护确认单 \
    桐川县医疗保障局办公室 2023年6月20日印发
expect_not_in "notice: attached forms blank" "韦振邦" "$T/nb.flat"
# the same ledger gives the same bytes
zb build "$S" -o "$T/again" --forms report-2023,notice-2023-15
expect_rc "build --forms with document ids exit 0" 0
[ "$(grep -c "^$T/again/$U/" "$OUT")" -eq 2 ] && pass "build --forms report-2023,notice-2023-15 writes just those" \
    || fail "build --forms report-2023,notice-2023-15 writes just those" "$(cat "$OUT")"
cmp -s "$report" "$T/again/$U/公文-report-2023.pdf" && cmp -s "$notice" "$T/again/$U/公文-notice-2023-15.pdf" \
    && pass "build twice, documents byte-identical" \
    || fail "build twice, documents byte-identical" "outputs differ"
# pre-printed letterhead, XLSX only, blank forms: as asked
zb build "$S" -o "$T/pre" --forms inspection-2023 --preprinted
cp "$T/pre/$U/公文-inspection-2023.pdf" "$T/pre.pdf" 2>/dev/null
python3 "$G" preprinted "$T/pre.pdf"
zb build "$S" -o "$T/xlsx" --format xlsx
expect_not_in "build --format xlsx writes no document" "公文-" "$OUT"
zb build "$S" -o "$T/blank" --blank
expect_not_in "build --blank writes no document" "公文-" "$OUT"
zb build "$S" -o "$T/layout" --format layout --forms report-2023
expect_in "build --format layout writes the document's layout" "公文-report-2023.layout.xml" "$OUT"
if xmllint --noout --schema "$TOP/forms/layout.xsd" "$T/layout/$U/公文-report-2023.layout.xml" \
        2>"$T/xsd"; then
    pass "the report's layout, its form attached, valid against layout.xsd"
else
    fail "the report's layout, its form attached, valid against layout.xsd" "$(head -3 "$T/xsd")"
fi
# a form attached to a document that the ledger has no record for (no
# demand for 附件3): the document hands it out blank, to be filled in
sed -e '/<demands>/,/<\/demands>/d' \
    -e 's|<attachment form="summary">软件使用情况汇总表</attachment>|<attachment form="demand">软件使用需求申请表</attachment>|' \
    "$S" >"$T/nodemand.xml"
zb build "$T/nodemand.xml" -o "$T/nodemand" --forms inspection-2023
expect_rc "attached form without records: exit 0" 0
pdftotext "$T/nodemand/$U/公文-inspection-2023.pdf" - | tr -d ' \n\f' >"$T/nodemand.flat"
in_order nodemand 附件：1.软件使用需求申请表 附件1 软件使用需求申请表 \
    申请部门 办公软件 "办公室（信息化）审核" 附件2 软件使用情况明细表
zb build "$S" -o "$T/none" --forms nosuch
expect_rc "build --forms unknown exit 2" 2
expect_in "build --forms unknown named" "没有表格或公文“nosuch”" "$ERR"
