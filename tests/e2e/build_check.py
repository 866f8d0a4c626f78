"""Read the workbooks `zhengban build` wrote with openpyxl, an independent
reader, and compare them with the sample ledger. Every expected figure is
worked out by hand from sample-data/county-medical-insurance-2023.xml.

    /usr/bin/python3 build_check.py sample DIR   the forms of the sample
    /usr/bin/python3 build_check.py blank DIR    the same forms, --blank

Prints "PASS name" or "FAIL name: why" for each check (see tests/lib.sh).
"""
import datetime
import glob
import os
import sys

import openpyxl


def check(name, ok, why=""):
    print(("PASS %s" % name) if ok else ("FAIL %s: %s" % (name, why)))


def equal(name, got, want):
    check(name, got == want, "got %r, want %r" % (got, want))


def workbook(folder, number, values=False):
    path = glob.glob(os.path.join(folder, "附件%02d-*.xlsx" % number))[0]
    return openpyxl.load_workbook(path, data_only=values)


def cells(ws):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                yield cell


def find(ws, value):
    """The first cell whose value is VALUE."""
    for cell in cells(ws):
        if cell.value == value:
            return cell
    return None


def holding(ws, text):
    """The first cell whose text holds TEXT."""
    for cell in cells(ws):
        if isinstance(cell.value, str) and text in cell.value:
            return cell
    return None


def merged_at(ws, cell):
    """The merged range whose top-left corner is CELL, or None."""
    for r in ws.merged_cells.ranges:
        if r.min_row == cell.row and r.min_col == cell.column:
            return r
    return None


TITLES = {1: "软件正版化工作领导小组成员信息表", 2: "使用正版软件承诺书",
          3: "软件使用需求申请表", 4: "软件采购计划表",
          5: "软件正版化工作信息统计表", 6: "可使用免费软件清单",
          7: "软件使用情况汇总表", 8: "软件使用情况明细表",
          9: "软件安装维护情况明细表", 10: "软件安装维护申请表",
          11: "软件安装维护确认单"}


def common(folder):
    """Every workbook: its title and 附件N on every sheet."""
    for n, title in TITLES.items():
        wb = workbook(folder, n)
        bad = [ws.title for ws in wb.worksheets
               if not find(ws, title) or not find(ws, "附件%d" % n)]
        check("附件%d every sheet has 附件%d and its title" % (n, n), not bad,
              "missing on %s" % bad[:3])


def sheets(folder):
    """A form with one copy is a sheet named 附件N 标题; 附件9's copies are
    sheets named 序号 软件编号; the copies of 附件2, 3, 10 and 11 are
    stacked on a sheet named 附件N 标题 1-K, each on a printed page of its
    own (a page break above every copy's 附件N but the first)."""
    names = {n: workbook(folder, n).sheetnames for n in (1, 2, 3, 9, 10, 11)}
    equal("附件1 one sheet", names[1], ["附件1 软件正版化工作领导小组成员信息表"])
    equal("附件9 a sheet per 软件编号", len(names[9]), 16)
    equal("附件9 first sheet", names[9][0], "1 BG-WPS2019-01")
    for n, copies in ((2, 31), (3, 3), (10, 7), (11, 9)):
        equal("附件%d copies stacked on one sheet" % n, names[n],
              ["附件%d %s 1-%d" % (n, TITLES[n], copies)])
        ws = workbook(folder, n).active
        heads = [c.row for c in cells(ws) if c.value == "附件%d" % n]
        breaks = [b.id for b in ws.row_breaks.brk]
        equal("附件%d a copy a page" % n, heads, [1] + [b + 1 for b in breaks])
        equal("附件%d copies" % n, len(heads), copies)
    ws = workbook(folder, 2).active
    breaks = [b.id for b in ws.row_breaks.brk]
    first, last = holding(ws, "韦振邦"), holding(ws, "马婷婷")
    check("附件2 first and last copies",
          first and last and first.row <= breaks[0] < breaks[-1] < last.row,
          "%s %s" % (first, last))
    ws = workbook(folder, 3).active
    depts = [c.value.split("\u3000")[0] for c in cells(ws)
             if isinstance(c.value, str) and c.value.startswith("申请部门：")]
    equal("附件3 the demands in order", depts,
          ["申请部门：医保中心", "申请部门：办公室", "申请部门：基金监管股"])
    ws = workbook(folder, 10).active
    equal("附件10 first requests", [holding(ws, "SQ2022-001").row <
                                   ws.row_breaks.brk[0].id <
                                   holding(ws, "SQ2022-002").row], [True])


def header_fields(folder):
    for n in (1, 5, 6, 7, 8):
        ws = workbook(folder, n).active
        check("附件%d 单位名称（盖章）" % n,
              holding(ws, "单位名称（盖章）：桐川县医疗保障局") is not None)
        check("附件%d 填表人 联系电话 填表日期" % n,
              holding(ws, "填表人：陆雅琴") is not None
              and holding(ws, "联系电话：13907712185") is not None
              and holding(ws, "填表日期：2023年12月25日") is not None)


def leadership(folder):
    ws = workbook(folder, 1).active
    c = find(ws, "韦振邦")
    equal("附件1 韦振邦's row", [ws.cell(c.row, k).value for k in range(1, 7)],
          [1, "组长", "韦振邦", "局领导", "党组书记、局长", "13907712037"])
    c = find(ws, "成员")
    r = merged_at(ws, c)
    equal("附件1 成员 merged over four members",
          r and (r.max_row - r.min_row + 1), 4)


def plan(folder):
    ws = workbook(folder, 4).active
    wv = workbook(folder, 4, values=True).active
    # 620.00 × 10, 95.00 × 34, 3880.00 × 2 and their sum, by hand
    for want in (6200, 3230, 7760):
        c = find(wv, want)
        f = c and ws.cell(c.row, c.column).value
        check("附件4 合计 %d is a product formula" % want,
              isinstance(f, str) and f.startswith("=") and "*" in f, repr(f))
    c = find(wv, 17190)
    f = c and ws.cell(c.row, c.column).value
    check("附件4 共计 17190 is a SUM", isinstance(f, str) and
          f.startswith("=SUM("), repr(f))
    c = find(wv, 620)
    equal("附件4 单价 a number with two decimals", c and c.number_format, "0.00")


def statistics(folder):
    ws = workbook(folder, 5).active
    wv = workbook(folder, 5, values=True).active
    c = find(wv, "服务器数")
    below = [wv.cell(c.row + 1, k).value for k in range(1, 10)]
    equal("附件5 三 2 27 5 34", [v for v in below if v is not None],
          [2, 27, 5, 34])
    total = ws.cell(c.row + 1, 8).value
    check("附件5 三 合计 a SUM formula", isinstance(total, str) and
          total.startswith("=SUM("), repr(total))
    c = find(wv, "国内")
    equal("附件5 四 国内", [wv.cell(c.row, k).value for k in range(2, 10)],
          [0, 0, 10, 0.62, 34, 0.32, 44, 0.94])
    amount = ws.cell(c.row + 2, 9).value
    equal("附件5 四 合计 总计 万元 a figure, not a formula", amount, 1.72)
    equal("附件5 四 合计 总计 许可数", wv.cell(c.row + 2, 8).value, 46)
    c = find(wv, "总计")
    rows = [r for r in range(c.row, c.row + 30)
            if wv.cell(r, 1).value == "合计"]
    last = rows[-1]
    equal("附件5 五 合计 总计", wv.cell(last, 8).value, 109)
    f = ws.cell(last, 8).value
    check("附件5 五 总计 a SUM formula", isinstance(f, str) and
          f.startswith("=SUM("), repr(f))


def summary(folder):
    wv = workbook(folder, 7, values=True).active
    c = find(wv, "BG-WPS2023-01")
    row = [wv.cell(c.row, k).value for k in range(1, 14)]
    equal("附件7 WPS 2023 row", [row[1], row[3], row[4], row[6], row[8],
                                row[12]],
          ["BG-WPS2023-01", "2023", "办公", 6200, 10, 10])
    check("附件7 采购时间 a date", isinstance(row[5], datetime.datetime),
          repr(row[5]))
    c = find(wv, "OEM-WIN10HOME")
    row = [wv.cell(c.row, k).value for k in range(1, 14)]
    equal("附件7 OEM row leaves 一.6's columns empty", row[5:12], [None] * 7)
    c = find(wv, "SD360SD000")
    row = [wv.cell(c.row, k).value for k in range(1, 14)]
    equal("附件7 free row leaves 一.9's columns empty",
          [row[3]] + row[5:12], [None] * 8)
    c = find(wv, "BG-MSO2016-01")
    equal("附件7 donation: no 采购时间, 采购金额",
          [wv.cell(c.row, 6).value, wv.cell(c.row, 7).value], [None, None])


def detail(folder):
    wv = workbook(folder, 8, values=True).active
    c = find(wv, "局领导")
    r = merged_at(wv, c)
    # three leaders' laptops with four programs each
    equal("附件8 局领导 merged over 12 rows", r and (r.max_row - r.min_row + 1),
          12)
    c = find(wv, "TCYB-SV-02")
    r = merged_at(wv, c)
    equal("附件8 TCYB-SV-02 merged over its 2 programs",
          r and (r.max_row - r.min_row + 1), 2)
    marks = sum(1 for cell in cells(wv) if cell.value == "√")
    # 134 installations, one mark each
    equal("附件8 one 软件类型 mark per row", marks, 134)


def log(folder):
    wb = workbook(folder, 9, values=True)
    ws = wb["1 BG-WPS2019-01"]
    first = find(ws, "TCYB-PC-001").row
    last = ws.max_row
    # 30 installs, 11 uninstalls (9 upgrades, PC-005, PC-004), 1 install
    equal("附件9 WPS 2019 rows", last - first + 1, 42)
    equal("附件9 last running count", ws.cell(last, 10).value, 20)
    check("附件9 日期 a date", isinstance(ws.cell(last, 9).value,
                                        datetime.datetime))
    equal("附件9 last row", [ws.cell(last, k).value for k in (2, 3, 4, 6, 7)],
          ["√", None, "TCYB-PC-028", "梁宇航", "办公室"])


def blank(folder):
    for n in TITLES:
        wb = workbook(folder, n)
        found = [c.coordinate for ws in wb.worksheets for c in cells(ws)
                 if isinstance(c.value, str) and ("桐川县" in c.value
                                                  or "陆雅琴" in c.value)]
        check("blank 附件%d holds no ledger data" % n, not found, found[:3])
        equal("blank 附件%d one sheet" % n, len(wb.sheetnames), 1)
    ws = workbook(folder, 4).active
    products = [c.value for c in cells(ws)
                if isinstance(c.value, str) and c.value.startswith("=")
                and "*" in c.value]
    equal("blank 附件4 keeps its 单价×许可数 formulas", len(products), 3)


def main():
    kind, folder = sys.argv[1], sys.argv[2]
    common(folder)
    if kind == "blank":
        blank(folder)
        return
    sheets(folder)
    header_fields(folder)
    leadership(folder)
    plan(folder)
    statistics(folder)
    summary(folder)
    detail(folder)
    log(folder)


main()
