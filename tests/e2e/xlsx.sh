#!/bin/bash
# End-to-end tests of `zhengban render ... -o X.xlsx`: every workbook made
# here is opened by independent readers - openpyxl (tests/e2e/xlsx_check.py)
# and LibreOffice headless, converting to CSV (values as shown) and to PDF
# (pages, repeated header rows, footers).
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
FIX=$TOP/tests/layout/xlsx
CHECK=$TOP/tests/e2e/xlsx_check.py

# PASS NAME if directory DIR is empty (nothing written, nothing left over).
expect_empty() {
    [ -z "$(ls -A "$2")" ] && pass "$1" || fail "$1" "$(ls -A "$2")"
}

# Run LibreOffice with a profile of its own; converted files go to $T/lo.
lo() {
    soffice -env:UserInstallation="file://$T/lo-profile" --headless \
        --convert-to "$@" --outdir "$T/lo" >"$T/lo.log" 2>&1
}

# -------------------------------------------------------------- fixtures
for f in "$FIX"/*.xml; do
    name=fixture_valid_$(basename "$f" .xml)
    case $f in */bad-*) continue ;; esac
    if xmllint --noout --schema "$TOP/forms/layout.xsd" "$f" 2>"$T/xsd"; then
        pass "$name"
    else
        fail "$name" "$(head -3 "$T/xsd")"
    fi
done

# ----------------------------------------------------------------- forms
zb render "$FIX/forms.xml" -o "$T/forms.xlsx"
expect_rc render_forms 0
if [ -s "$T/forms.xlsx" ]; then
    "$PY" "$CHECK" forms "$T/forms.xlsx" 2>&1 | sed 's/^Traceback/FAIL openpyxl: Traceback/'
else
    fail render_forms_file "no workbook written"
fi

# determinism: the same bytes again, whatever the time and the file name
sleep 1
zb render "$FIX/forms.xml" -o "$T/again.xlsx"
if cmp -s "$T/forms.xlsx" "$T/again.xlsx"; then
    pass deterministic
else
    fail deterministic "two renders differ"
fi
# every part deflated by src/render/xlsx_zip.c at level 1: minizip says the
# level in each entry's flag bits 1-2 (level 1: 11, 2: 10, 6: 00)
levels=$("$PY" -c 'import sys, zipfile
print(" ".join(sorted({str(i.flag_bits & 6) for i in
      zipfile.ZipFile(sys.argv[1]).infolist()})))' "$T/forms.xlsx")
[ "$levels" = 6 ] && pass parts_at_level_1 || fail parts_at_level_1 "flags $levels"
leftovers=$(find "$T" -maxdepth 1 -name '.*.xlsx.*')
[ -z "$leftovers" ] && pass no_temp_files || fail no_temp_files "$leftovers"

# both outputs of one run
zb render "$FIX/forms.xml" -o "$T/one.xlsx" --output "$T/two.XLSX"
if [ "$RC" -eq 0 ] && cmp -s "$T/one.xlsx" "$T/forms.xlsx" &&
   cmp -s "$T/two.XLSX" "$T/forms.xlsx"; then
    pass two_outputs
else
    fail two_outputs "exit $RC"
fi

# a row taller than Excel's 409 pt: two sheet rows, its cells merged
zb render "$FIX/tall-rows.xml" -o "$T/tall.xlsx"
expect_rc render_tall_rows 0
expect_not_in tall_rows_no_warning "最大行高" "$ERR"
[ -s "$T/tall.xlsx" ] && "$PY" "$CHECK" tall "$T/tall.xlsx"

# copies stacked on worksheets of at most 1,000, a page each
awk -v copies=3 -f "$TOP/tests/e2e/xlsx_stack.awk" >"$T/stack.xml"
xmllint --noout --schema "$TOP/forms/layout.xsd" "$T/stack.xml" 2>"$T/xsd" &&
    pass stack_layout_valid || fail stack_layout_valid "$(head -3 "$T/xsd")"
zb render "$T/stack.xml" -o "$T/stack.xlsx"
expect_rc render_stack 0
[ -s "$T/stack.xlsx" ] && "$PY" "$CHECK" stack "$T/stack.xlsx" 3
awk -v copies=1001 -f "$TOP/tests/e2e/xlsx_stack.awk" >"$T/stack1001.xml"
zb render "$T/stack1001.xml" -o "$T/stack1001.xlsx"
expect_rc render_stack_1001 0
[ -s "$T/stack1001.xlsx" ] && "$PY" "$CHECK" stack "$T/stack1001.xlsx" 1001

# ---------------------------------------------------------- LibreOffice
if ! command -v soffice >/dev/null; then
    fail libreoffice "soffice not found (make check installs libreoffice-calc-nogui)"
else
    lo 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
        "$T/forms.xlsx"
    csv5="$T/lo/forms-附件5 信息统计表.csv"
    csv9="$T/lo/forms-附件9 Microsoft Office.csv"
    expect_in lo_csv_domestic "国内,12,1.50,,20,2.35,,35,0.70,,67,4.55" "$csv5"
    expect_in lo_csv_totals "合计,15,2.46,,20,2.35,,35,0.70,,70,5.51" "$csv5"
    expect_in lo_csv_cn_date "1,√,,YFYB-PC-001,2023年6月20日,1" "$csv9"
    expect_in lo_csv_iso_date "2,√,,YFYB-PC-002,2023-07-01,2" "$csv9"
    csv4="$T/lo/forms-附件4 软件采购计划表.csv"
    expect_in lo_csv_product "2,麒麟桌面操作系统,V10,1200.125,3,3600.38," "$csv4"
    expect_in lo_csv_blank_total "3,,,,,," "$csv4"
    expect_in lo_csv_grand_total "共计,,,,,11982.38," "$csv4"

    # the tall row's text all on the page LibreOffice prints (the text of
    # the cells beside it may come between its lines in pdftotext's order)
    lo pdf "$T/tall.xlsx"
    pdftotext "$T/lo/tall.pdf" "$T/tall.txt"
    "$PY" - "$T/tall.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
mine = "".join(ch for ch in text if ch in "正版软件管理工作指南")
ok = mine == "正版软件管理工作指南" * 48
print("PASS lo_pdf_tall_row_whole" if ok else
      "FAIL lo_pdf_tall_row_whole: %d of 480 characters" % len(mine))
rest = ["见说明", "短行一", "短行二", "合计", "23"]
missing = [w for w in rest if w not in text]
print("FAIL lo_pdf_tall_row_rest: %s missing" % missing if missing else
      "PASS lo_pdf_tall_row_rest")
PY

    # stacked copies: one printed page each, then the other sheet
    lo pdf "$T/stack.xlsx"
    pages=$(pdfinfo "$T/lo/stack.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    [ "${pages:-0}" -eq 4 ] && pass lo_pdf_stack_pages ||
        fail lo_pdf_stack_pages "${pages:-no} pages, want 4"
    pdftotext -f 2 -l 2 "$T/lo/stack.pdf" "$T/stack2.txt"
    grep -q "张2" "$T/stack2.txt" && ! grep -Eq "张[13]" "$T/stack2.txt" &&
        pass lo_pdf_stack_copy_a_page ||
        fail lo_pdf_stack_copy_a_page "page 2: $(tr '\n' ' ' <"$T/stack2.txt")"

    awk -v rows=120 -f "$TOP/tests/e2e/xlsx_big.awk" >"$T/medium.xml"
    zb render "$T/medium.xml" -o "$T/medium.xlsx"
    expect_rc render_medium 0
    lo pdf "$T/forms.xlsx" "$T/medium.xlsx"
    pdftotext -layout "$T/lo/forms.pdf" "$T/forms.txt"
    grep -Eq "第 *1 *页 *共 *[0-9]+ *页" "$T/forms.txt" && pass lo_pdf_footer ||
        fail lo_pdf_footer "no “第 1 页 共 N 页”"
    expect_in lo_pdf_cjk_text "软件正版化工作信息统计表" "$T/forms.txt"
    # the page break: the signature starts a page of its own
    sig_page=$(pdftotext -layout "$T/lo/forms.pdf" - | awk -v RS='\f' \
        '/承诺人签字/ { print (/YFYB-PC-002/ ? "same" : "own") }')
    [ "$sig_page" = own ] && pass lo_pdf_page_break ||
        fail lo_pdf_page_break "signature page: ${sig_page:-not found}"
    pages=$(pdfinfo "$T/lo/medium.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    [ "${pages:-0}" -ge 3 ] && pass lo_pdf_medium_pages ||
        fail lo_pdf_medium_pages "${pages:-no} pages"
    pdftotext -f 2 -l 2 -layout "$T/lo/medium.pdf" "$T/page2.txt"
    expect_in lo_pdf_header_repeated "计算机编号" "$T/page2.txt"
    grep -Eq "第 *2 *页 *共 *[0-9]+ *页" "$T/page2.txt" && pass lo_pdf_footer_page_2 ||
        fail lo_pdf_footer_page_2 "no “第 2 页 共 N 页” on page 2"
    # one page wide: every page has the first and the last column's header
    split=$(pdftotext -layout "$T/lo/medium.pdf" - | awk -v RS='\f' \
        'NF && !(/序号/ && /金额（元）/) { n++ } END { print n + 0 }')
    [ "$split" -eq 0 ] && pass lo_pdf_one_page_wide ||
        fail lo_pdf_one_page_wide "$split pages without the whole width"
fi

# ------------------------------------------------------ 10,000-row table
awk -v rows=10000 -f "$TOP/tests/e2e/xlsx_big.awk" >"$T/big.xml"
zb render "$T/big.xml" -o "$T/big.xlsx"
expect_rc render_10000_rows 0
[ -s "$T/big.xlsx" ] && "$PY" "$CHECK" big "$T/big.xlsx" 10000

# ---------------------------------------------------------------- errors
mkdir "$T/bad"
zb render "$FIX/bad-total.xml" -o "$T/bad/out.xlsx"
expect_rc invalid_layout_exit 1
expect_in invalid_layout_message "与所引用单元格的合计" "$ERR"
expect_in invalid_layout_line "bad-total.xml:12:" "$ERR"
expect_empty invalid_layout_no_file "$T/bad"

zb render "$FIX/bad-sheet-names.xml" -o "$T/bad/out.xlsx"
expect_rc sheet_names_exit 1
expect_in sheet_names_case "“summary” 不能作 Excel 工作表名：与另一节重名" "$ERR"
expect_in sheet_names_quote "“'附件1'” 不能作 Excel 工作表名" "$ERR"
expect_empty sheet_names_no_file "$T/bad"

zb render "$FIX/forms.xml" -o "$T/bad/out.ods"
expect_rc unknown_extension_exit 2
expect_in unknown_extension_message "不知道怎样写" "$ERR"

zb render "$FIX/forms.xml" -o "$T/missing/out.xlsx"
expect_rc unwritable_exit 2
expect_in unwritable_message "无法创建临时文件" "$ERR"

zb render "$FIX/forms.xml"
expect_rc no_output_exit 2

zb render --help
expect_rc help_exit 0
expect_in help_lists_xlsx ".xlsx" "$OUT"
