#!/bin/bash
# End-to-end tests of `zhengban stats`: the three formats of the sample
# ledger and the focused ledgers of tests/data/derive (the figures are
# worked out by hand in tests/unit/test_derive.c), the XML against
# forms/facts.xsd, JSON against the XML, invalid ledgers and usage.
. "$(dirname "$0")/../lib.sh"

SAMPLE=$TOP/sample-data/county-medical-insurance-2023.xml
XSD=$TOP/forms/facts.xsd
LEDGERS="$SAMPLE $TOP/tests/data/derive/holdings.xml
         $TOP/tests/data/derive/cents.xml $TOP/tests/data/derive/log.xml
         $TOP/tests/data/derive/empty.xml $TOP/tests/data/minimal.xml"

# ---- text -------------------------------------------------------------------

zb stats "$SAMPLE"
expect_rc text_exit 0
expect_in text_unit "桐川县医疗保障局 附件5 软件正版化工作信息统计表" "$OUT"
expect_in text_responsible "部门名称：办公室　部门负责人：陆雅琴　电话：0771-5550102　传真：0771-5550109" "$OUT"
expect_in text_people "总人数：31　使用计算机人数：30" "$OUT"
expect_in text_computers "服务器数：2　台式机数：27　便携机数：5　合计：34" "$OUT"
# 四: each class as 许可数 and 万元; 五: 许可数
if grep -qE '^  合计 +0 +0\.00 +12 +1\.40 +34 +0\.32 +46 +1\.72 +0 +0\.00$' "$OUT" &&
   grep -qE '^  合计 +0\.00 +13960\.00 +3230\.00 +17190\.00 +0\.00$' "$OUT" &&
   grep -qE '^  合计 +33 +42 +34 +109 +0$' "$OUT"; then
    pass text_statistics_rows
else
    fail text_statistics_rows "合计 rows of 四 and 五 not as worked out by hand"
    sed 's/^/    /' "$OUT" | sed -n '12,30p'
fi
expect_in text_home_edition "家庭版，不计入：OEM-WIN10HOME（Windows 10 家庭中文版）1 份：TCYB-NB-03" "$OUT"
if grep -qE '^  BG-WPS2019-01 +WPS Office 2019 专业版 +2019 +商业软件 +20$' "$OUT" &&
   grep -qE '^  SD360AQWS0 +360安全卫士 +免费软件 +32$' "$OUT"; then
    pass text_install_counts
else
    fail text_install_counts "附件7 安装数量 not listed"
fi
[ -s "$ERR" ] && fail text_quiet_stderr "$(head -3 "$ERR")" || pass text_quiet_stderr
grep -q ' $' "$OUT" && fail text_no_trailing_blanks "$(grep -c ' $' "$OUT") lines" || pass text_no_trailing_blanks

# ---- xml and json -------------------------------------------------------------

for f in $LEDGERS; do
    name=$(basename "$f" .xml)
    zb stats --format xml "$f"
    cp "$OUT" "$T/$name.xml"
    if [ "$RC" -eq 0 ] && xmllint --noout --schema "$XSD" "$T/$name.xml" 2>"$T/lint"; then
        pass "xml_valid_$name"
    else
        fail "xml_valid_$name" "exit $RC; $(head -3 "$T/lint")"
    fi
    zb stats --format json "$f"
    cp "$OUT" "$T/$name.json"
    # the JSON holds the XML's facts, mapped as facts_json.h says
    if python3 "$TOP/tests/e2e/facts_json_check.py" "$T/$name.xml" "$T/$name.json" >"$T/cmp" 2>&1
    then
        pass "json_matches_xml_$name"
    else
        fail "json_matches_xml_$name" "$(head -3 "$T/cmp")"
    fi
done

# every list present even when empty; names escaped as XML and JSON need
expect_in xml_escaped 'unit="空白&amp;&lt;测试&gt;&quot;局\\"' "$T/empty.xml"
expect_in json_escaped '"unit": "空白&<测试>\"局\\\\"' "$T/empty.json"
expect_in json_no_rows '"installation": []' "$T/empty.json"
expect_in json_empty_list '"homeEdition": []' "$T/cents.json"
expect_in xml_empty_plans '<plans/>' "$T/log.xml"
# amounts are exact decimal strings, counts are numbers
expect_in json_amounts '{"category": "总计", "licenses": 46, "yuan": "17190.00", "wanyuan": "1.72"}' \
    "$T/county-medical-insurance-2023.json"
expect_in xml_cents '<cell category="杀毒" licenses="11" yuan="250.00" wanyuan="0.03"/>' "$T/cents.xml"
expect_in xml_total_from_exact_sum '<cell category="办公" licenses="2" yuan="2350.00" wanyuan="0.24"/>' "$T/cents.xml"
line=$(grep -n 'action="uninstall" software="WPS19" computer="PC-2"' "$TOP/tests/data/derive/log.xml" | cut -d: -f1)
expect_in xml_running "<row action=\"uninstall\" computer=\"PC-2\" date=\"2023-02-01\" version=\"2019\" staff=\"s4\" dept=\"yw\" running=\"2\" line=\"$line\"/>" \
    "$T/log.xml"
expect_in xml_self_describing '<facts xmlns="urn:zhengban:facts:1" version="1" unit="桐川县医疗保障局" year="2023" asOf="2023-12-25">' \
    "$T/county-medical-insurance-2023.xml"

# the same ledger gives the same bytes
for fmt in text xml json; do
    zb stats --format $fmt "$SAMPLE"
    cp "$OUT" "$T/once"
    zb stats --format $fmt "$SAMPLE"
    cmp -s "$OUT" "$T/once" && pass "reproducible_$fmt" || fail "reproducible_$fmt" "two runs differ"
done

# ---- invalid ledgers, warnings, usage ----------------------------------------

# an invalid ledger: check's diagnostics on stderr, nothing on stdout, exit 1
for rule in tz-1.3 log-order schema; do
    f=$TOP/sample-data/invalid/$rule.xml
    zb check "$f"
    cp "$OUT" "$T/check.out"
    zb stats --format xml "$f"
    if [ "$RC" -eq 1 ] && [ ! -s "$OUT" ] && cmp -s "$ERR" "$T/check.out"; then
        pass "invalid_like_check_$rule"
    else
        fail "invalid_like_check_$rule" "exit $RC; stderr differs from check or stdout not empty"
        diff "$T/check.out" "$ERR" | head -5 | sed 's/^/    /'
    fi
done

# a warning does not stop the figures
zb stats "$TOP/sample-data/invalid/tz-1.13.xml"
if [ "$RC" -eq 0 ] && grep -q 'warning: .*\[tz-1.13\]' "$ERR" && grep -q '总人数' "$OUT"; then
    pass warning_on_stderr
else
    fail warning_on_stderr "exit $RC"
fi

zb stats "$T/missing.xml"
expect_rc missing_file 2
expect_in missing_file_named "missing.xml" "$ERR"

zb stats --format yaml "$SAMPLE"
expect_rc unknown_format 2
expect_in unknown_format_named "yaml" "$ERR"

zb stats
expect_rc no_ledger 2

zb stats "$SAMPLE" "$SAMPLE"
expect_rc two_ledgers 2

zb stats --help
expect_rc help 0
expect_in help_formats "--format json" "$OUT"

if [ -w /dev/full ]; then
    "$ZB" stats --format xml "$SAMPLE" >/dev/full 2>"$ERR"
    RC=$?
    expect_rc write_error 2
    expect_in write_error_said "无法写出" "$ERR"
fi
