"""Read workbooks made by `zhengban render` with openpyxl, an independent
reader, and compare them with what the layouts in tests/layout/xlsx say.
Every expected figure below is written by hand from the layout.

    /usr/bin/python3 xlsx_check.py forms FILE.xlsx
    /usr/bin/python3 xlsx_check.py big FILE.xlsx ROWS   (ROWS a multiple of 10)
    /usr/bin/python3 xlsx_check.py tall FILE.xlsx
    /usr/bin/python3 xlsx_check.py stack FILE.xlsx COPIES  (xlsx_stack.awk)

Prints "PASS name" or "FAIL name: why" for each check (see tests/lib.sh).
"""
import datetime
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

PT_PER_MM = 72 / 25.4
IDSP = "\u3000"


def check(name, ok, why=""):
    print(("PASS %s" % name) if ok else ("FAIL %s: %s" % (name, why)))


def equal(name, got, want):
    check(name, got == want, "got %r, want %r" % (got, want))


def column_px(ws, letters):
    """Pixel widths of the columns as Excel shows them (width * 7 for the
    default font, whose digits are 7 px wide)."""
    return [round(ws.column_dimensions[c].width * 7) for c in letters]


def borders(cell):
    b = cell.border
    return tuple(s.style for s in (b.top, b.right, b.bottom, b.left))


def merged(ws):
    return {str(r) for r in ws.merged_cells.ranges}


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def raw_styles(path, sheet):
    """Map each cell of worksheet number SHEET (1-based) to its format
    index as stored in the file, and each format index to its border's
    sides - openpyxl rewrites the borders of merged cells on reading, so
    they are checked here on the XML itself."""
    with zipfile.ZipFile(path) as z:
        cells = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % sheet))
        styles = ET.fromstring(z.read("xl/styles.xml"))
    index = {c.get("r"): int(c.get("s", "0"))
             for c in cells.iterfind(".//m:c", NS)}
    borders = [tuple(side.get("style") for side in
                     (b.find("m:" + n, NS) for n in ("top", "right", "bottom",
                                                    "left")))
               for b in styles.find("m:borders", NS)]
    xfs = [borders[int(x.get("borderId", "0"))]
           for x in styles.find("m:cellXfs", NS)]
    return {ref: xfs[i] for ref, i in index.items()}


def range_cells(rng):
    m = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", rng)
    cols = range(ord(m.group(1)) - 64, ord(m.group(3)) - 63)
    rows = range(int(m.group(2)), int(m.group(4)) + 1)
    return ["%s%d" % (chr(64 + c), r) for r in rows for c in cols]


def check_merged_borders(name, path, sheet, ranges, want):
    """Every cell of each range in RANGES carries the borders WANT."""
    got = raw_styles(path, sheet)
    bad = [(ref, got.get(ref)) for rng in ranges for ref in range_cells(rng)
           if got.get(ref) != want]
    check(name, not bad, "cells without the range's borders: %r" % bad[:4])


def check_package(path):
    with zipfile.ZipFile(path) as z:
        dates = {i.date_time for i in z.infolist()}
        core = z.read("docProps/core.xml").decode()
    equal("zip_entry_dates_fixed", dates, {(1980, 1, 1, 0, 0, 0)})
    check("core_dates_from_meta",
          "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-12-31T00:00:00Z"
          in core and "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"
          "2023-12-31T00:00:00Z" in core, core)


def check_form5(ws, cached):
    equal("f5_label", (ws["A1"].value, ws["A1"].font.name, ws["A1"].font.sz),
          ("附件5", "黑体", 16))
    equal("f5_title", (ws["A2"].value, ws["A2"].font.name, ws["A2"].font.sz,
                       ws["A2"].alignment.horizontal),
          ("软件正版化工作信息统计表", "方正小标宋简体", 22, "center"))
    fields = ws["A4"].value or ""
    parts = ["单位名称（盖章）：永福县医疗保障局", "填表人：李艳华",
             "联系电话：0773-1234567", "填表日期：2023年12月31日"]
    pos = [fields.find(p) for p in parts]
    check("f5_fields_in_order", pos[0] == 0 and pos == sorted(pos) and
          -1 not in pos and IDSP * 3 in fields, repr(fields))
    equal("f5_fields_font", (ws["A4"].font.name, ws["A4"].font.sz), ("仿宋", 12))
    # the two tables share a grid: the union of 1/4 and 1/9 steps, 12 columns
    want = {"A1:L1", "A2:L2", "A4:L4", "A5:L5", "A6:C6", "D6:F6", "G6:I6",
            "J6:L6", "A7:C7", "D7:F7", "G7:I7", "J7:L7", "A8:L8", "A9:A10",
            "B9:D9", "E9:G9", "H9:J9", "K9:L9", "C10:D10", "F10:G10",
            "I10:J10", "C11:D11", "F11:G11", "I11:J11", "C12:D12", "F12:G12",
            "I12:J12", "C13:D13", "F13:G13", "I13:J13", "A15:L15"}
    equal("f5_merged_ranges", merged(ws), want)
    px = column_px(ws, "ABCDEFGHIJKL")
    body = (297 - 40) * PT_PER_MM * 4 / 3
    check("f5_columns_fill_body", abs(sum(px) - body) <= 2,
          "%d px, body %.1f px" % (sum(px), body))
    check("f5_ninth_columns", all(abs(px[i] - body / 9) <= 2
                                  for i in (0, 1, 4, 7, 10, 11)), repr(px))
    equal("f5_header_text", (ws["B9"].value, ws["C10"].value, ws["A9"].value),
          ("操作系统软件\n(不含预装操作系统)", "金额\n（万元）", "软件\n属性"))
    equal("f5_head_font", (ws["B9"].font.name, ws["B9"].font.b,
                           ws["B9"].alignment.wrap_text), ("黑体", True, True))
    equal("f5_numbers", [ws[c].value for c in ("B11", "C11", "E11", "F11",
                                              "I11", "C12", "F12")],
          [12, 1.5, 20, 2.35, 0.7, 0.96, 0])
    equal("f5_number_formats", (ws["B11"].number_format,
                                ws["C11"].number_format), ("0", "0.00"))
    equal("f5_formulas", [ws[c].value for c in ("K11", "L11", "B13", "L13")],
          ["=SUM(B11,E11,H11)", "=SUM(C11,F11,I11)", "=SUM(B11:B12)",
           "=SUM(L11:L12)"])
    equal("f5_cached_totals", [cached[c].value for c in
                               ("K11", "L11", "K12", "L12", "B13", "C13",
                                "K13", "L13")],
          [67, 4.55, 3, 0.96, 15, 2.46, 70, 5.51])
    equal("f5_total_format", ws["L13"].number_format, "0.00")
    equal("f5_money_borders", borders(ws["L13"]), ("thin",) * 4)
    equal("f5_repeat_rows", ws.print_title_rows, "$5:$6")
    equal("f5_page", (ws.page_setup.orientation, ws.page_setup.paperSize,
                      ws.sheet_properties.pageSetUpPr.fitToPage,
                      ws.page_setup.fitToHeight, ws.page_setup.fitToWidth),
          ("landscape", 9, True, 0, None))  # None: the default, 1 page wide
    m = ws.page_margins
    equal("f5_margins_in", [round(x, 3) for x in (m.left, m.right, m.top,
                                                  m.bottom)],
          [round(20 / 25.4, 3)] * 4)
    f = ws.oddFooter.center
    equal("f5_footer", (f.text, f.font, f.size),
          ("第 &P 页 共 &N 页", "宋体,Regular", 9))
    heights = {r: ws.row_dimensions[r].height for r in range(1, 16)}
    check("f5_two_line_header_rows", heights[9] >= 2 * 10.5 * 1.2 and
          heights[10] >= 2 * 10.5 * 1.2, repr(heights))
    check("f5_title_row", heights[2] >= 22 * 1.2, repr(heights))
    # row heights are rounded up to a quarter point: 11.34 -> 11.5, 17.01 ->
    # 17.25
    equal("f5_space_rows", (heights[3], heights[14]), (11.5, 17.25))
    equal("f5_rich_text_value", ws["A15"].value,
          "注：金额以万元计，保留两位小数；总计只含操作系统、办公、杀毒三类。")


def check_form3(ws, cached):
    equal("f3_sheet_cols", column_px(ws, "A"), [round(12 * PT_PER_MM * 4 / 3)])
    equal("f3_repeat_rows", ws.print_title_rows, "$5:$5")
    equal("f3_header_wrap", (ws["E5"].value, ws["E5"].alignment.wrap_text),
          ("申请许可数\n（单位：个）", True))
    long = ws["C6"].value
    check("f3_long_text_row_grows", ws.row_dimensions[6].height >= 3 * 10.5
          * 1.2, "row 6 is %r pt for %r" % (ws.row_dimensions[6].height, long))
    equal("f3_total", (ws["E8"].value, cached["E8"].value), ("=SUM(E6:E7)", 20))
    equal("f3_total_label", (ws["A8"].value, ws["A8"].alignment.horizontal),
          ("合计", "right"))
    equal("f3_cell_border_sides", borders(ws["F7"]),
          ("thin", None, "thin", None))
    approval = ws["C9"].value or ""
    check("f3_approval_block", approval.startswith("同意。\n") and
          approval.endswith("审核人：" + IDSP * 6 + "2023年9月1日") and
          approval.split("\n")[1].startswith(IDSP * 10), repr(approval))
    # bottom is Excel's default vertical alignment: the file leaves it out
    equal("f3_approval_align", (ws["C9"].alignment.horizontal,
                                ws["C9"].alignment.vertical), ("left", None))
    equal("f3_blank_signature", (ws["C10"].value, ws["C10"].alignment.horizontal),
          ("审核人：" + IDSP * 6 + "年" + IDSP * 2 + "月" + IDSP * 2 + "日",
           "right"))
    # 30 mm = 85.04 pt, rounded up to a quarter point
    equal("f3_min_row_height", ws.row_dimensions[9].height, 85.25)
    equal("f3_footer_right", (ws.oddFooter.center.text, ws.oddFooter.right.text),
          (None, "第 &P 页 共 &N 页 && 附件3"))


def check_form9(ws):
    equal("f9_dates", (ws["E5"].value, ws["E6"].value),
          (datetime.datetime(2023, 6, 20), datetime.datetime(2023, 7, 1)))
    equal("f9_date_formats", (ws["E5"].number_format, ws["E6"].number_format),
          ('yyyy"年"m"月"d"日"', "yyyy-mm-dd"))
    equal("f9_checks", [ws[c].value for c in ("B5", "C5", "B6", "C6")],
          ["√", None, "√", None])
    equal("f9_merged_header", {"A3:A4", "B3:C3", "D3:D4"} - merged(ws), set())
    equal("f9_page_break", [b.id for b in ws.row_breaks.brk], [6])
    # the table's header would head the page after the break: not repeated
    equal("f9_no_repeat_after_break", ws.print_title_rows, None)
    equal("f9_signature", (ws["A7"].value, ws["A7"].alignment.horizontal),
          ("承诺人签字：" + IDSP * 8, "right"))
    b = ws["C9"].border.bottom
    equal("f9_rule", (b.style, b.color.rgb if b.color else None),
          ("medium", "FFE60012"))
    equal("f9_indent", (ws["A11"].value[:3], ws["A11"].font.name,
                        ws["A11"].font.sz), (IDSP * 2 + "本", "仿宋", 16))
    equal("f9_footer_outside", ws.oddFooter.right.text, "— &P —")
    equal("f9_a3_portrait", (ws.page_setup.paperSize,
                             ws.page_setup.orientation), (8, "portrait"))


def check_form4(ws, cached):
    equal("f4_products", [ws[c].value for c in ("F6", "F7", "F8")],
          ["=D6*E6", "=ROUND(D7*E7,2)", "=D8*E8"])
    equal("f4_product_cache", [cached[c].value for c in ("F6", "F7", "F8")],
          [8382, 3600.38, 0])
    # a blank form's total shows nothing for 0 until it is filled in
    equal("f4_blank_total_format", (ws["F8"].number_format,
                                    ws["F6"].number_format),
          ("0.00;-0.00;", "0.00"))
    equal("f4_price_decimals", (ws["D7"].value, ws["D7"].number_format),
          (1200.125, "0.000"))
    equal("f4_grand_total", (ws["F9"].value, cached["F9"].value),
          ("=SUM(F6:F8)", 11982.38))


def check_forms(path):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    equal("sheet_names", wb.sheetnames,
          ["附件5 信息统计表", "附件3 需求申请表", "附件9 Microsoft Office",
           "附件4 软件采购计划表"])
    p = wb.properties
    equal("properties", (p.title, p.creator, p.subject, p.keywords, p.created),
          ("软件正版化工作表格", "永福县医疗保障局", "2023 年度", "软件正版化",
           datetime.datetime(2023, 12, 31)))
    check_package(path)
    check_form5(wb.worksheets[0], cached.worksheets[0])
    thin = ("thin",) * 4
    check_merged_borders("f5_merged_borders", path, 1,
                         ["A9:A10", "B9:D9", "K9:L9", "I13:J13"], thin)
    check_form3(wb.worksheets[1], cached.worksheets[1])
    check_merged_borders("f3_merged_borders", path, 2,
                         ["A8:D8", "A9:B9", "C9:F9"], thin)
    check_form9(wb.worksheets[2])
    check_form4(wb.worksheets[3], cached.worksheets[3])


def check_big(path, rows):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    ws, cv = wb.worksheets[0], cached.worksheets[0]
    last = 3 + rows  # title, two header rows, the body
    equal("big_rows", ws.max_row, last + 1)
    equal("big_repeat_rows", ws.print_title_rows, "$2:$3")
    spans = merged(ws)
    dept = {r for r in spans if r.startswith("B") and r != "B2:B3"}
    equal("big_department_merges", len(dept), rows // 10)
    check("big_last_merge", "B%d:B%d" % (last - 9, last) in dept,
          "no B%d:B%d" % (last - 9, last))
    equal("big_first_row", [ws.cell(4, c).value for c in range(1, 11)],
          [1, "办公室", "秦玉琼", "YFYB-PC-00001", "WPS Office 2019 专业版",
           None, "√", None, datetime.datetime(2023, 2, 2), 1.01])
    equal("big_last_row", [ws.cell(last, c).value for c in (1, 4, 10)],
          [rows, "YFYB-PC-%05d" % rows, (rows % 1000) + (rows % 100) / 100])
    cents = sum((i % 1000) * 100 + i % 100 for i in range(1, rows + 1))
    equal("big_total_formula", ws.cell(last + 1, 10).value,
          "=SUM(J4:J%d)" % last)
    check("big_total_cached", abs(cv.cell(last + 1, 10).value - cents / 100)
          < 1e-6, "%r != %r" % (cv.cell(last + 1, 10).value, cents / 100))
    equal("big_money_format", ws.cell(last, 10).number_format, "0.00")
    heights = [ws.row_dimensions[r].height for r in range(4, last + 1)]
    check("big_row_heights_set", min(heights) >= 9 * 1.2, repr(min(heights)))


def check_tall(path):
    """tall-rows.xml: its second row (582.87 pt) as sheet rows 2 and 3."""
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    ws, cv = wb.worksheets[0], cached.worksheets[0]
    equal("tall_merges", merged(ws),
          {"A2:A3", "B2:B3", "C2:C3", "D2:D3", "A4:A5", "B5:C5", "A6:C6"})
    heights = [ws.row_dimensions[r].height or 0 for r in range(1, 7)]
    check("tall_rows_within_409", 0 < min(heights) and max(heights) <= 409,
          repr(heights))
    # 582.87 / 2 = 291.435, rounded up to a quarter point
    equal("tall_row_split_evenly", heights[1:3], [291.5, 291.5])
    equal("tall_text_whole", ws["B2"].value, "正版软件管理工作指南" * 48)
    equal("tall_cells_in_place",
          [ws["A2"].value, ws["C2"].value, ws["D2"].value, ws["A4"].value,
           ws["B4"].value, ws["B5"].value, ws["D5"].value, ws["A6"].value],
          ["一", "见说明", 5, "二", "短行一", "短行二", 11, "合计"])
    equal("tall_total_formula", ws["D6"].value, "=SUM(D2,D4:D5)")
    equal("tall_total_cached", cv["D6"].value, 23)
    equal("tall_header_repeated", ws.print_title_rows, "$1:$1")


def check_stack(path, copies):
    """xlsx_stack.awk: COPIES copies of three rows each, at most 1,000 a
    sheet, a page break before each copy after a sheet's first."""
    wb = openpyxl.load_workbook(path)
    sheets = -(-copies // 1000)
    want = ["承诺书 %d-%d" % (k * 1000 + 1, min(copies, k * 1000 + 1000))
            for k in range(sheets)] + ["汇总"]
    equal("stack_sheet_names", wb.sheetnames, want)
    for k in range(sheets):
        ws = wb.worksheets[k]
        n = min(copies, k * 1000 + 1000) - k * 1000
        breaks = [b.id for b in ws.row_breaks.brk]
        equal("stack_%d_breaks" % k, breaks, [3 * i for i in range(1, n)])
        heads = [r for r in range(1, ws.max_row + 1)
                 if ws.cell(r, 1).value == "附件2"]
        equal("stack_%d_copy_starts_a_page" % k, heads,
              [1] + [b + 1 for b in breaks])
        last = k * 1000 + n
        equal("stack_%d_last_copy" % k, ws.cell(3 * n, 1).value, "张%d" % last)
        equal("stack_%d_no_repeated_header" % k, ws.print_title_rows, None)
        check("stack_%d_one_page_wide" % k,
              ws.sheet_properties.pageSetUpPr.fitToPage and
              ws.page_setup.fitToHeight == 0, "not fit to one page wide")
    ws = wb.worksheets[0]
    # the union of 40 + 60 and 50 + 50 mm: 40, 10, 50 mm
    equal("stack_union_of_columns", column_px(ws, "ABC"),
          [round(mm * PT_PER_MM * 4 / 3) for mm in (40, 10, 50)])
    if copies >= 2:
        check("stack_copies_merged_on_their_columns",
              {"B3:C3", "A6:B6"} <= merged(ws), sorted(merged(ws))[:6])


def main():
    what, path = sys.argv[1], sys.argv[2]
    if what == "forms":
        check_forms(path)
    elif what == "big":
        check_big(path, int(sys.argv[3]))
    elif what == "tall":
        check_tall(path)
    elif what == "stack":
        check_stack(path, int(sys.argv[3]))
    else:
        sys.exit("unknown check " + what)


if __name__ == "__main__":
    main()
