#!/bin/bash
# End-to-end tests of `zhengban check`: the sample ledgers, one invalid
# ledger per rule, hostile and broken XML, files that are not ledgers,
# usage and I/O errors.
. "$(dirname "$0")/../lib.sh"

SAMPLE=$TOP/sample-data/county-medical-insurance-2023.xml
MINIMAL=$TOP/tests/data/minimal.xml

# ---- valid ledgers ----------------------------------------------------------

zb check "$SAMPLE"
expect_rc sample_checks_clean 0
expect_in sample_summary "county-medical-insurance-2023.xml：0 个错误，0 个警告" "$OUT"

zb check "$MINIMAL"
expect_rc minimal_checks_clean 0

zb check --timings "$MINIMAL"
expect_rc timings_checks_clean 0
for stage in read parse validate model rules total; do
    expect_in "timings_$stage" "  $stage " "$ERR"
done
expect_not_in timings_not_on_stdout "timings:" "$OUT"

# ---- one invalid ledger per rule ---------------------------------------------
# Each file says in its header "expect: SEVERITY RULE LINE"; the check must
# report that rule at that line and nothing but that rule.

zb check --rules
expect_rc rules_list 0
cp "$OUT" "$T/rules.txt"
nrules=0
while read -r id _; do
    nrules=$((nrules + 1))
    f=$TOP/sample-data/invalid/$id.xml
    if [ ! -f "$f" ]; then
        fail "invalid_$id" "no sample-data/invalid/$id.xml breaks rule $id"
        continue
    fi
    read -r severity rule line < <(grep -o 'expect: .*' "$f" | cut -d' ' -f2-)
    zb check "$f"
    want_rc=1
    [ "$severity" = warning ] && want_rc=0
    others=$(grep -E ': (error|warning): ' "$OUT" | grep -vc "\[$id\]$")
    if [ "$rule" != "$id" ]; then
        fail "invalid_$id" "header names rule $rule"
    elif [ "$RC" -ne "$want_rc" ]; then
        fail "invalid_$id" "exit status $RC, expected $want_rc"
    elif ! grep -qE "^$f:$line:[0-9]+: $severity: .*\[$id\]$" "$OUT"; then
        fail "invalid_$id" "no $severity [$id] at line $line"
        sed 's/^/    /' "$OUT" | head -5
    elif [ "$others" -ne 0 ]; then
        fail "invalid_$id" "other rules broken too"
        sed 's/^/    /' "$OUT" | head -5
    else
        pass "invalid_$id"
    fi
done <"$T/rules.txt"
ninvalid=$(ls "$TOP"/sample-data/invalid/*.xml | wc -l)
if [ "$nrules" -gt 30 ] && [ "$ninvalid" -eq "$nrules" ]; then
    pass invalid_one_file_per_rule
else
    fail invalid_one_file_per_rule "$nrules rules, $ninvalid invalid ledgers"
fi

# ---- the report -------------------------------------------------------------

zb check "$TOP/sample-data/invalid/az-2.xml"
expect_in article_quoted_once "note: 《软件安装维护管理规定》二.1、二.2：“1.工作人员不得私自升级" "$OUT"
if [ "$(grep -c ': note: ' "$OUT")" -eq 1 ] && [ "$(grep -c ': error: ' "$OUT")" -eq 2 ]; then
    pass note_only_after_first_breach
else
    fail note_only_after_first_breach "$(grep -c ': note: ' "$OUT") notes"
fi

# errors first, then warnings, each sorted by line
sed -e 's|<member staff="s2" role="副组长"/>|<member staff="s2" role="成员"/>|' \
    -e 's|<revision date="2023-12-15" by="s3" note="年终更新"/>||' \
    -e 's|<revision date="2023-07-10" by="s3" note="半年更新"/>||' \
    -e 's|serial="WS-TEST-0001"/>|serial="WS-TEST-0009"/>|' "$MINIMAL" >"$T/mixed.xml"
zb check "$T/mixed.xml"
grep -E ': (error|warning): ' "$OUT" | cut -d: -f2,4 >"$T/order"
zr=$(grep -n '<leadership>' "$T/mixed.xml" | cut -d: -f1)
serial=$(grep -n 'WS-TEST-0009' "$T/mixed.xml" | cut -d: -f1)
revision=$(grep -n 'date="2023-01-05"' "$T/mixed.xml" | cut -d: -f1)
if [ "$(tr '\n' ' ' <"$T/order")" = "$zr: error $serial: error $revision: warning " ]; then
    pass errors_then_warnings_sorted
else
    fail errors_then_warnings_sorted "order: $(tr '\n' ' ' <"$T/order")"
fi
expect_in summary_counts "mixed.xml：2 个错误，1 个警告" "$OUT"
expect_rc errors_exit_1 1

# several ledgers: every one is reported, the worst status wins
zb check "$MINIMAL" "$TOP/sample-data/invalid/tz-1.13.xml"
expect_rc warnings_only_exit_0 0
zb check "$MINIMAL" "$TOP/sample-data/invalid/tz-1.3.xml" "$SAMPLE"
expect_rc several_ledgers_exit_1 1
if [ "$(grep -c '个错误' "$OUT")" -eq 3 ]; then
    pass several_ledgers_all_summarised
else
    fail several_ledgers_all_summarised "$(grep -c '个错误' "$OUT") summaries"
fi
zb check "$TOP/sample-data/invalid/tz-1.3.xml" "$T/missing.xml"
expect_rc io_error_wins_exit_2 2

# ---- hostile and broken XML -------------------------------------------------

printf 'root-secret-%s\n' "$$" >"$T/secret.txt"
cat >"$T/xxe.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ledger [<!ENTITY x SYSTEM "file://$T/secret.txt">]>
<ledger xmlns="urn:zhengban:ledger:1" year="2023" asOf="2023-12-20">&x;</ledger>
EOF
zb check "$T/xxe.xml"
expect_rc xxe_refused 1
expect_not_in xxe_content_never_shown "root-secret-" "$OUT"
expect_not_in xxe_content_not_in_stderr "root-secret-" "$ERR"
expect_in xxe_reported "xxe.xml:2:" "$OUT"
expect_in xxe_reported_doctype "不允许 DOCTYPE" "$OUT"

{
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE lolz ['
    echo '<!ENTITY lol0 "lol">'
    for i in 1 2 3 4 5 6 7 8 9; do
        printf '<!ENTITY lol%d "' "$i"
        for k in 1 2 3 4 5 6 7 8 9 10; do printf '&lol%d;' $((i - 1)); done
        echo '">'
    done
    echo ']>'
    echo '<ledger xmlns="urn:zhengban:ledger:1">&lol9;</ledger>'
} >"$T/lolz.xml"
zb check "$T/lolz.xml"
expect_rc billion_laughs_refused 1
expect_in billion_laughs_message "不允许 DOCTYPE" "$OUT"

# cut inside an attribute value, a tag, a comment, text
for n in 2000 1995 1500 100 3100; do
    head -c $n "$SAMPLE" >"$T/truncated.xml"
    zb check "$T/truncated.xml"
    expect_rc "truncated_${n}_exit_1" 1
    expect_in "truncated_${n}_message" "$(wc -l <"$T/truncated.xml" | \
        awk '{print $1 + 1}'):" "$OUT"
    expect_in "truncated_${n}_says_so" "文件不完整（可能被截断）" "$OUT"
done

sed 's|</staff>|</stuff>|' "$MINIMAL" >"$T/malformed.xml"
zb check "$T/malformed.xml"
expect_rc malformed_exit_1 1
expect_in malformed_where "malformed.xml:$(grep -n '</stuff>' "$T/malformed.xml" | cut -d: -f1):" "$OUT"
expect_in malformed_message "XML 格式错误：结束标签与开始标签不一致" "$OUT"

: >"$T/empty.xml"
zb check "$T/empty.xml"
expect_rc empty_exit_1 1
expect_in empty_message "文件为空" "$OUT"

# GBK bytes without an encoding declaration
printf '<?xml version="1.0"?>\n<ledger xmlns="urn:zhengban:ledger:1" year="2023" asOf="2023-12-20">\n<unit name="\xb2\xe2\xca\xd4"/></ledger>\n' >"$T/gbk.xml"
zb check "$T/gbk.xml"
expect_rc non_utf8_exit_1 1
expect_in non_utf8_message "UTF-8" "$OUT"
expect_in non_utf8_line "gbk.xml:3:" "$OUT"

# ---- documents that are not ledgers of this version --------------------------

sed 's|urn:zhengban:ledger:1|urn:zhengban:ledger:2|' "$MINIMAL" >"$T/v2.xml"
zb check "$T/v2.xml"
expect_rc other_version_exit_1 1
if [ "$(grep -c ': error: ' "$OUT")" -eq 1 ]; then
    pass other_version_one_message
else
    fail other_version_one_message "$(grep -c ': error: ' "$OUT") errors"
fi
expect_in other_version_says_so "版本“2”不受支持" "$OUT"

printf '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>\n' >"$T/html.xml"
zb check "$T/html.xml"
expect_rc other_schema_exit_1 1
expect_in other_schema_message "html.xml:2:1: error: 不是 zhengban 台账" "$OUT"

# ---- usage and I/O ----------------------------------------------------------

zb check "$T/does-not-exist.xml"
expect_rc missing_file_exit_2 2
expect_in missing_file_message "does-not-exist.xml: error: 文件不存在" "$OUT"

zb check "$T"
expect_rc directory_exit_2 2
expect_in directory_message "不是文件" "$OUT"

touch "$T/unreadable.xml"
chmod 000 "$T/unreadable.xml"
if [ ! -r "$T/unreadable.xml" ]; then
    zb check "$T/unreadable.xml"
    expect_rc unreadable_exit_2 2
fi

zb check
expect_rc no_file_exit_2 2
expect_in no_file_message "缺少要检查的台账文件" "$ERR"

zb check --frobnicate "$MINIMAL"
expect_rc bad_option_exit_2 2

zb check --help
expect_rc help_exit_0 0
expect_in help_usage "用法：zhengban check" "$OUT"

zb check --version
expect_rc version_exit_0 0
expect_in version_printed "zhengban " "$OUT"

zb --help
expect_in main_help_lists_check "check" "$OUT"

ZHENGBAN_DATADIR=$T zb check "$MINIMAL"
expect_rc missing_datadir_exit_2 2
expect_in missing_datadir_message "ZHENGBAN_DATADIR" "$ERR"

# ---- the event log's references (checked in C, reported as the schema's) ----
# Each broken reference of an <event> is reported at the event's line and
# the attribute's column, with the keyref's rule and meaning; a value with
# spaces around it is the same id (xs:token).

sed -e '0,/request="SQ2023-001"/s//request="SQ2023-999"/' \
    -e '0,/deployment="DEP-2022-02"/s//deployment="DEP-9"/' \
    -e '0,/confirmation="QR2023-005"/s//confirmation="QR-X"/' \
    -e '0,/operator="s06" deployment="DEP-2023-04"/s//operator="s99" deployment="DEP-2023-04"/' \
    -e '0,/software="SD360AQWS0" computer="TCYB-PC-001"/s//software="NOPE-1" computer="TCYB-PC-001"/' \
    -e '0,/software="SD-RX2022-01" computer="TCYB-SV-02"/s//software="SD-RX2022-01" computer="TCYB-SV-99"/' \
    -e '0,/computer="TCYB-PC-020" date="2022-04-13"/s//computer="  TCYB-PC-020 " date="2022-04-13"/' \
    "$SAMPLE" >"$T/badrefs.xml"
zb check "$T/badrefs.xml"
expect_rc event_refs_invalid 1
expect_in event_refs_six_errors "badrefs.xml：6 个错误" "$OUT"
# ref NAME RULE VALUE ATTR: the error for VALUE at its event's line and column
ref() {
    local line col
    line=$(grep -n -- "\"$3\"" "$T/badrefs.xml" | grep '<event ' | cut -d: -f1)
    col=$(sed -n "${line}p" "$T/badrefs.xml" | awk -v a=" $4=\"" \
        '{print length(substr($0, 1, index($0, a)))}')
    col=$((col + 1))
    expect_in "$1" "badrefs.xml:$line:$col: error: <event>（一次安装或卸载）的 $4" "$OUT"
    expect_in "$1_value" "“$3”未登记" "$OUT"
    grep -F "badrefs.xml:$line:" "$OUT" | grep -qF "[$2]" && pass "$1_rule" ||
        fail "$1_rule" "no [$2] at line $line"
}
ref event_request ref-request SQ2023-999 request
ref event_deployment ref-deployment DEP-9 deployment
ref event_confirmation ref-confirmation QR-X confirmation
ref event_operator ref-staff s99 operator
ref event_software ref-software NOPE-1 software
ref event_computer ref-computer TCYB-SV-99 computer
expect_not_in event_ref_token_collapsed "TCYB-PC-020 " "$OUT"

# a reference is checked by whether it is registered, not by its format:
# one error for a malformed one; an empty one is said to be empty
sed -e '0,/operator="s06"/s//operator="bad id!"/' \
    -e '0,/<machine computer="[^"]*"/s//<machine computer=""/' "$SAMPLE" >"$T/malformed.xml"
zb check "$T/malformed.xml"
expect_in malformed_ref_unregistered "operator（安装维护人）“bad id!”未登记" "$OUT"
expect_not_in malformed_ref_no_format_error "“bad id!”无效" "$OUT"
expect_in empty_ref_said_empty "computer（计算机编号）值不能为空" "$OUT"

# past line 65535, where libxml2 keeps no line of its own for an element
awk '{print} /<log>/ {for (i = 0; i < 70000; i++) print ""}' "$T/badrefs.xml" |
    sed -e 's|computer="TCYB-PC-015" date="2023-09-21" operator="s06" request|computer="TCYB-PC-015" date="2023-09-21" operator="s77" request|' \
        -e 's|<inspection date="2023-11-20" title="2023年度软件使用情况全面检查" dept="bgs">|<inspection date="2023-11-20" title="2023年度软件使用情况全面检查" dept="d77">|' \
        >"$T/bigrefs.xml"
zb check "$T/bigrefs.xml"
# NAME: the reference written as PATTERN is reported at its own line
ref_past() {
    local line
    line=$(grep -n -- "$2" "$T/bigrefs.xml" | head -1 | cut -d: -f1)
    if [ "$line" -gt 65535 ]; then
        expect_in "$1" "bigrefs.xml:$line:" "$OUT"
    else
        fail "$1" "the test ledger is too short ($line)"
    fi
}
ref_past event_ref_past_65535 'operator="s77"'
ref_past dept_ref_past_65535 'dept="d77"'
expect_in dept_ref_past_65535_value "“d77”未登记" "$OUT"
