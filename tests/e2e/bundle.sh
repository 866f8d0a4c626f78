#!/bin/bash
# End-to-end tests of `zhengban bundle` (the submission bundle: contents,
# SHA256SUMS, masked serials, the same bytes every time) and `zhengban
# aggregate` (three bundles added up against sums worked out by hand; a
# tampered bundle, one unit twice, mixed years and another facts version
# refused). Bundles are read back with Python's zipfile, PDFs with
# pdftotext, the facts with xmllint.
source "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
SAMPLE=$TOP/sample-data/county-medical-insurance-2023.xml
export XDG_CONFIG_HOME=$T/xdg  # the built-in default fonts
export TMPDIR=$T/tmp           # where bundle makes its scratch folder
mkdir -p "$XDG_CONFIG_HOME" "$TMPDIR"
U=桐川县医疗保障局-2023

# unzip BUNDLE DIR: extract with Python (no unzip on a bare machine)
unzip_to() {
    "$PY" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$1" "$2"
}

# ---------------------------------------------------------------- bundle
zb bundle "$SAMPLE" -o "$T/b/sample.zip"
expect_rc "bundle exit 0" 0
expect_in "bundle says it wrote" "已写出 $T/b/sample.zip" "$OUT"
"$PY" - "$T/b/sample.zip" >"$T/entries" <<'PY'
import sys, zipfile
for i in zipfile.ZipFile(sys.argv[1]).infolist():
    print(i.filename, "%04d-%02d-%02d %02d:%02d:%02d" % i.date_time,
          oct(i.external_attr >> 16), i.compress_type)
PY
cat >"$T/expected" <<LIST
$U/facts.xml
$U/公文-report-2023.pdf
$U/附件01-软件正版化工作领导小组成员信息表.pdf
$U/附件02-使用正版软件承诺书.pdf
$U/附件03-软件使用需求申请表.pdf
$U/附件04-软件采购计划表.pdf
$U/附件05-软件正版化工作信息统计表.pdf
$U/附件05-软件正版化工作信息统计表.xlsx
$U/附件06-可使用免费软件清单.pdf
$U/附件07-软件使用情况汇总表.pdf
$U/附件08-软件使用情况明细表.pdf
$U/附件09-软件安装维护情况明细表.pdf
$U/附件10-软件安装维护申请表.pdf
$U/附件11-软件安装维护确认单.pdf
$U/附件12-软件使用情况检查及考核评议表.pdf
$U/SHA256SUMS
LIST
cut -d' ' -f1 "$T/entries" | cmp -s - "$T/expected" \
    && pass "bundle: the report, every form, 附件5 also as XLSX, facts, SHA256SUMS, in order" \
    || fail "bundle: the report, every form, 附件5 also as XLSX, facts, SHA256SUMS, in order" \
            "$(cut -d' ' -f1 "$T/entries" | diff "$T/expected" - | head -5)"
[ "$(cut -d' ' -f2-5 "$T/entries" | sort -u)" = "2023-12-25 00:00:00 0o100644 8" ] \
    && pass "bundle: every entry dated the as-of date, mode 0644, deflated" \
    || fail "bundle: every entry dated the as-of date, mode 0644, deflated" \
            "$(cut -d' ' -f2-5 "$T/entries" | sort -u)"

unzip_to "$T/b/sample.zip" "$T/bx"
if (cd "$T/bx/$U" && sha256sum --strict -c --ignore-missing SHA256SUMS >"$T/c" 2>&1); then
    pass "bundle: sha256sum -c SHA256SUMS"
else
    fail "bundle: sha256sum -c SHA256SUMS" "$(grep -v ': OK' "$T/c" | head -3)"
fi
expect_in "bundle: the ledger's own line" \
    "$(sha256sum <"$SAMPLE" | cut -c1-64)  ../county-medical-insurance-2023.xml" \
    "$T/bx/$U/SHA256SUMS"
[ "$(wc -l <"$T/bx/$U/SHA256SUMS")" -eq 16 ] && pass "bundle: 15 files and the ledger listed" \
    || fail "bundle: 15 files and the ledger listed" "$(wc -l <"$T/bx/$U/SHA256SUMS")"
if xmllint --noout --schema "$TOP/forms/facts.xsd" "$T/bx/$U/facts.xml" 2>"$T/xsd"; then
    pass "bundle: facts.xml valid against forms/facts.xsd"
else
    fail "bundle: facts.xml valid against forms/facts.xsd" "$(head -3 "$T/xsd")"
fi
pdftotext "$T/bx/$U/附件05-软件正版化工作信息统计表.pdf" - | tr -d ' \n' >"$T/p"
expect_in "bundle: 附件5 is the unit's" 桐川县医疗保障局 "$T/p"
pdftotext "$T/bx/$U/公文-report-2023.pdf" - | tr -d ' \n' >"$T/p"
expect_in "bundle: the year-end report" 关于2023年度软件正版化工作情况的报告 "$T/p"

# every file as text: PDFs through pdftotext, the workbook's XML, the rest
astext() {
    local f
    for f in "$1"/*; do
        case $f in
        *.pdf) pdftotext "$f" - ;;
        *.xlsx) "$PY" -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist(): sys.stdout.write(z.read(n).decode("utf-8", "replace"))' "$f" ;;
        *) cat "$f" ;;
        esac
    done
}
astext "$T/bx/$U" >"$T/all.txt"
grep -o '<serial[^>]*>[^<]*</serial>' "$SAMPLE" | sed 's/<[^>]*>//g' >"$T/serials"
leaked=$(grep -F -f "$T/serials" "$T/all.txt" | head -3)
[ "$(wc -l <"$T/serials")" -eq 11 ] && [ -z "$leaked" ] \
    && pass "bundle: none of the 11 serial numbers in any file" \
    || fail "bundle: none of the 11 serial numbers in any file" "$leaked"
pdftotext "$T/bx/$U/附件07-软件使用情况汇总表.pdf" - | tr -d ' \n' >"$T/p"
expect_in "bundle: 附件7 shows WPS19-PRO-8H3K2-QX7M4-TB9RV as ****TB9RV" "****TB9RV" "$T/p"
expect_in "bundle: 附件7 shows RX25-NET-2022-5QK7-8ZP3 as ****-8ZP3" "****-8ZP3" "$T/p"

zb bundle "$SAMPLE" -o "$T/b/full.zip" --with-serials
unzip_to "$T/b/full.zip" "$T/fx"
pdftotext "$T/fx/$U/附件07-软件使用情况汇总表.pdf" - | tr -d ' \n' >"$T/p"
expect_in "--with-serials: the whole serial" "WPS19-PRO-8H3K2-QX7M4-TB9RV" "$T/p"

# the same bytes: again, in another time zone, and not rewritten
TZ=Asia/Shanghai "$ZB" bundle "$SAMPLE" -o "$T/b/again.zip" -q
cmp -s "$T/b/sample.zip" "$T/b/again.zip" && pass "bundle: the same ledger, the same bytes" \
    || fail "bundle: the same ledger, the same bytes" "differ"
before=$(stat -c %Y.%y "$T/b/sample.zip")
sleep 1.1
zb bundle "$SAMPLE" -o "$T/b/sample.zip"
expect_in "bundle: unchanged, not rewritten" "内容相同，未重写" "$OUT"
[ "$(stat -c %Y.%y "$T/b/sample.zip")" = "$before" ] && pass "bundle: its time kept" \
    || fail "bundle: its time kept" "rewritten"
[ -z "$(ls -A "$TMPDIR")" ] && pass "bundle: no scratch folder left" \
    || fail "bundle: no scratch folder left" "$(ls -A "$TMPDIR")"

zb bundle "$TOP/sample-data/invalid/tz-1.3.xml" -o "$T/b/bad.zip"
expect_rc "bundle of an invalid ledger exit 1" 1
[ ! -e "$T/b/bad.zip" ] && pass "bundle of an invalid ledger: nothing written" \
    || fail "bundle of an invalid ledger: nothing written" "written"
zb bundle "$SAMPLE"
expect_rc "bundle without -o exit 2" 2

# ------------------------------------------------------------- aggregate
# Three units: 甲 is the sample; 乙 paid 7,765.50 元 for Office 2021 (国外
# 办公) instead of 7,760.00; 丙 paid 3,230.45 元 for 瑞星 (国内 杀毒) instead
# of 3,230.00 and has one more staff member, with no computer.
sed 's/桐川县医疗保障局/桐川县甲局/g' "$SAMPLE" >"$T/a.xml"
sed -e 's/桐川县医疗保障局/桐川县乙局/g' -e 's/amount="7760.00"/amount="7765.50"/' \
    "$SAMPLE" >"$T/b.xml"
sed -e 's/桐川县医疗保障局/桐川县丙局/g' -e 's/amount="3230.00"/amount="3230.45"/' \
    -e 's|^\(    <person id="s31".*\)$|\1\n    <person id="s32" name="钱多多" dept="bgs" post="科员" phone="13907713184" pledged="2023-06-28"/>|' \
    "$SAMPLE" >"$T/c.xml"
for u in a b c; do
    "$ZB" bundle "$T/$u.xml" -o "$T/in/$u.zip" -q || fail "bundle $u" "exit $?"
done
zb aggregate "$T"/in/a.zip "$T"/in/b.zip "$T"/in/c.zip -o "$T/county" \
    --unit 桐川县版权局 --filler 韦小宝 --phone 0771-5550000
expect_rc "aggregate exit 0" 0
expect_in "aggregate: summary" "3 个报送包已汇总" "$OUT"
for f in 汇总-软件正版化工作信息统计表 汇总-各单位软件正版化工作情况表; do
    for ext in pdf xlsx; do
        [ -s "$T/county/$f.$ext" ] && pass "aggregate writes $f.$ext" \
            || fail "aggregate writes $f.$ext" "missing"
    done
done
if (cd "$T/county" && sha256sum --strict -c SHA256SUMS >"$T/c" 2>&1); then
    pass "aggregate: sha256sum -c SHA256SUMS (the bundles too)"
else
    fail "aggregate: sha256sum -c SHA256SUMS (the bundles too)" "$(grep -v ': OK' "$T/c" | head -3)"
fi

# The county's 附件5, by hand. Each unit: 31 staff (丙 32), 30 computer
# users, computers 2 + 27 + 5 = 34; 五 as the sample: 国内 1 40 34 75,
# 国外 32 2 0 34, 合计 33 42 34 109 (tests/e2e/build.sh).
# 四, in 元: 国内 办公 3 × 6,200 = 18,600 = 1.86 万元, 30 licences; 国内 杀毒
# 3,230 + 3,230 + 3,230.45 = 9,690.45 = 0.97 (the units' 0.32 each add up
# to 0.96); 国内 总计 28,290.45 = 2.83, 132 licences; 国外 办公 7,760 +
# 7,765.50 + 7,760 = 23,285.50 = 2.33 (the units' 0.78 each add up to
# 2.34), 6 licences; 合计 办公 41,885.50 = 4.19, 36; 合计 总计 51,575.95 =
# 5.16, 138.
pdftotext -layout "$T/county/汇总-软件正版化工作信息统计表.pdf" "$T/s5.txt"
row() { grep -E "^ *$1 " "$T/s5.txt" | sed -n "${2}p" | tr -s ' ' | sed 's/^ //'; }
[ "$(row 国内 1)" = "国内 0 0.00 30 1.86 102 0.97 132 2.83" ] \
    && pass "county 四 国内" || fail "county 四 国内" "$(row 国内 1)"
[ "$(row 国外 1)" = "国外 0 0.00 6 2.33 0 0.00 6 2.33" ] \
    && pass "county 四 国外: 2.33 from the exact sum, not 2.34" || fail "county 四 国外" "$(row 国外 1)"
[ "$(row 合计 1)" = "合计 0 0.00 36 4.19 102 0.97 138 5.16" ] \
    && pass "county 四 合计" || fail "county 四 合计" "$(row 合计 1)"
[ "$(row 国内 2)" = "国内 3 120 102 225" ] && pass "county 五 国内" || fail "county 五 国内" "$(row 国内 2)"
[ "$(row 国外 2)" = "国外 96 6 0 102" ] && pass "county 五 国外" || fail "county 五 国外" "$(row 国外 2)"
[ "$(row 合计 2)" = "合计 99 126 102 327" ] && pass "county 五 合计" || fail "county 五 合计" "$(row 合计 2)"
grep -qE '^ *6 +81 +15 +102 *$' "$T/s5.txt" && pass "county 三 6 81 15 102" \
    || fail "county 三 6 81 15 102" "$(grep -E ' 81 ' "$T/s5.txt")"
grep -qE '^ *94 +90 *$' "$T/s5.txt" && pass "county 二 94 90" \
    || fail "county 二 94 90" "$(grep -E ' 90 ' "$T/s5.txt")"
tr -d ' \n' <"$T/s5.txt" >"$T/s5.flat"
expect_in "county 附件5 headed by the bureau" "单位名称（盖章）：桐川县版权局" "$T/s5.flat"
expect_in "county 附件5 filler and phone" "填表人：韦小宝联系电话：0771-5550000" "$T/s5.flat"
expect_in "county 附件5 the same title as 附件5" "附件5软件正版化工作信息统计表" "$T/s5.flat"

# The table of units: each unit's 附件5 总计 (乙 17,195.50 元 = 1.72, 丙
# 17,190.45 = 1.72) and its audit: the sample has two findings, the home
# edition on TCYB-NB-03 (严重, 30 points) and 马婷婷's missing pledge (轻微,
# 5): 65 points, 基本合格; 丙's new staff member has a pledge and no
# computer. Then the 合计 row: 6 findings.
pdftotext -layout "$T/county/汇总-各单位软件正版化工作情况表.pdf" "$T/units.txt"
unit_row() { grep -E "$1" "$T/units.txt" | tr -s ' ' | sed 's/^ //'; }
[ "$(unit_row 桐川县乙局)" = "2 桐川县乙局 2023年12月25日 31 30 34 46 1.72 109 基本合格 2" ] \
    && pass "units: 乙" || fail "units: 乙" "$(unit_row 桐川县乙局)"
[ "$(unit_row 桐川县丙局)" = "3 桐川县丙局 2023年12月25日 32 30 34 46 1.72 109 基本合格 2" ] \
    && pass "units: 丙" || fail "units: 丙" "$(unit_row 桐川县丙局)"
[ "$(unit_row '^ *合计（')" = "合计（3 个单位） 94 90 102 138 5.16 327 6" ] \
    && pass "units: 合计" || fail "units: 合计" "$(unit_row 合计)"

"$PY" - "$T/county/汇总-软件正版化工作信息统计表.xlsx" "$T/county/汇总-各单位软件正版化工作情况表.xlsx" <<'PY'
import sys, openpyxl
def values(path):
    ws = openpyxl.load_workbook(path).active
    return [c.value for row in ws.iter_rows() for c in row if c.value is not None]
v = values(sys.argv[1])
for want in (2.33, 5.16, 4.19, 0.97):
    print(("PASS" if want in v else "FAIL") + " county workbook holds %s as a number" % want)
v = values(sys.argv[2])
print(("PASS" if "桐川县丙局" in v and 32 in v else "FAIL") + " units workbook: 丙 with 32 staff")
PY

# again: nothing rewritten
snap() { (cd "$T/county" && find . -type f -printf '%p %T@\n' | sort); }
snap >"$T/county.before"
sleep 1.1
zb aggregate "$T"/in/a.zip "$T"/in/b.zip "$T"/in/c.zip -o "$T/county" \
    --unit 桐川县版权局 --filler 韦小宝 --phone 0771-5550000
expect_in "aggregate again: nothing updated" "文件：0 个已更新，4 个未变，0 个已删除" "$OUT"
snap | cmp -s - "$T/county.before" && pass "aggregate again: times kept" \
    || fail "aggregate again: times kept" "rewritten"

# ------------------------------------------------------------- refusals
# rebuild BUNDLE OUT PY-EXPR: rewrite the facts with the expression applied
# to their text (and SHA256SUMS to match, unless KEEP_SUMS=1)
rewrite() {
    "$PY" - "$@" <<'PY'
import hashlib, sys, zipfile
src, out, old, new, keep = sys.argv[1:6]
zin = zipfile.ZipFile(src)
files = {i.filename: zin.read(i.filename) for i in zin.infolist()}
facts = [n for n in files if n.endswith("/facts.xml")][0]
files[facts] = files[facts].replace(old.encode(), new.encode(), 1)
sums = [n for n in files if n.endswith("/SHA256SUMS")][0]
if keep != "1":
    lines = []
    for line in files[sums].decode().splitlines():
        digest, name = line.split("  ", 1)
        if name == "facts.xml":
            digest = hashlib.sha256(files[facts]).hexdigest()
        lines.append(digest + "  " + name)
    files[sums] = ("\n".join(lines) + "\n").encode()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in files.items():
        z.writestr(name, data)
PY
}
refused() { # NAME EXPECTED-TEXT BUNDLE...
    local name=$1 text=$2
    shift 2
    rm -rf "$T/refused"
    zb aggregate "$@" -o "$T/refused"
    expect_rc "$name: exit 1" 1
    expect_in "$name: says why" "$text" "$ERR"
    [ ! -e "$T/refused" ] && pass "$name: nothing written" \
        || fail "$name: nothing written" "$(ls "$T/refused")"
}
rewrite "$T/in/b.zip" "$T/tampered.zip" 'licenses="2"' 'licenses="20"' 1
refused "tampered bundle" "facts.xml 的 SHA-256 与 SHA256SUMS 所列不符" \
    "$T/in/a.zip" "$T/tampered.zip"
"$PY" -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], "a"); z.writestr(sys.argv[2], "x"); z.close()' \
    "$T/tampered.zip" "桐川县乙局-2023/附件99.pdf"
cp "$T/in/c.zip" "$T/added.zip"
"$PY" -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], "a"); z.writestr(sys.argv[2], "x"); z.close()' \
    "$T/added.zip" "桐川县丙局-2023/附件99.pdf"
refused "a file added to a bundle" "附件99.pdf 不在 SHA256SUMS 中" "$T/added.zip"
refused "one unit twice" "单位“桐川县甲局”出现了两次（又见 a.zip）" \
    "$T/in/a.zip" "$T/in/b.zip" "$T/in/a.zip"
rewrite "$T/in/c.zip" "$T/2022.zip" 'year="2023"' 'year="2022"' 0
refused "mixed years" "报告年度是 2022 年，而 a.zip 是 2023 年的" \
    "$T/in/a.zip" "$T/2022.zip"
rewrite "$T/in/c.zip" "$T/v2.zip" 'urn:zhengban:facts:1" version="1"' \
    'urn:zhengban:facts:2" version="2"' 0
refused "another facts version" "数据是第 2 版格式（urn:zhengban:facts:2），本程序只读第 1 版" \
    "$T/in/a.zip" "$T/v2.zip"
rewrite "$T/in/c.zip" "$T/invalid.zip" 'total="34"' 'total="-1"' 0
refused "facts not valid against the schema" "不符合 forms/facts.xsd" "$T/invalid.zip"
echo "not a zip" >"$T/text.zip"
refused "not a zip file" "不是有效的 zip 文件" "$T/text.zip"
zb aggregate "$T/missing.zip" -o "$T/refused"
expect_rc "a missing bundle exit 2" 2
