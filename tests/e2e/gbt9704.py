#!/usr/bin/env python3
"""gbt9704.py - the geometry of GB/T 9704-2012 measured in a rendered PDF.

    gbt9704.py CHECK PDF      CHECK: report, notice, inspection, preprinted,
                              full-page, blank-before-colophon

Prints "PASS name" / "FAIL name: why" lines for tests/run.sh. Every expected
position below is worked out by hand from the standard and written down as a
number, in millimetres from the top left corner of the A4 page:

    版心 (body)   28 .. 184 across, 37 .. 262 down (156 x 225 mm)
    line pitch P = 225 / 22 = 10.2273 mm, character pitch C = 156 / 28 =
    5.5714 mm; one 三号 line on the grid has its 16 pt (5.6444 mm) em box
    centred: (P - 5.6444) / 2 = 2.2914 mm below the line's top.

Positions are of the em box: poppler puts a word's yMin the font's ascent
(read from the PDF's FontDescriptor) above the baseline, and zhengban puts
the baseline 0.88 em below the em box's top, so top = yMin + (ascent -
0.88) * size.
"""
import os
import re
import subprocess
import sys

MM = 72 / 25.4
P = 225 / 22
C = 156 / 28
TOL = 0.5
FORBIDDEN_START = "，。、；：？！）》」』】〕”’"

def report(name, ok, why=""):
    if ok:
        print("PASS " + name)
    else:
        print("FAIL %s: %s" % (name, why))


def near(name, got, want, tol=TOL):
    if got is None:
        report(name, False, "not found")
    else:
        report(name, abs(got - want) <= tol, "%.3f mm, want %.3f mm" % (got, want))


# ------------------------------------------------------------ reading

def read_pages(pdf):
    html = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                          capture_output=True, check=True).stdout.decode()
    pages = []
    for page in html.split("<page ")[1:]:
        lines = []
        for body in re.findall(r"<line (.*?)</line>", page, re.S):
            words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in
                     re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                                r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body)]
            if words:
                lines.append({
                    "x0": min(w[0] for w in words) / MM,
                    "y0": min(w[1] for w in words),
                    "x1": max(w[2] for w in words) / MM,
                    "text": " ".join(w[4] for w in words),
                    "words": words})
        pages.append(lines)
    return pages


def read_qdf(pdf):
    return subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"],
                          capture_output=True, check=True).stdout.decode("latin-1")


def song_ascent(qdf):
    """The ascent of the 宋体 face (AR PL SungtiL GB), which draws every
    measured word in the default fonts."""
    m = re.search(r"/Ascent (\d+)[^>]*?/FontName /[A-Z]+\+BousungEG", qdf, re.S)
    return int(m.group(1)) / 1000


def strokes(qdf):
    """(page, colour, width mm, y mm from top, x0 mm, x1 mm) of every line."""
    out = []
    for n, page in enumerate(qdf.split("%% Contents for page")[1:], 1):
        colour, width, start = "0 0 0", 0.0, None
        for line in page.splitlines():
            if line.endswith(" RG"):
                colour = line[:-3]
            elif line.endswith(" w"):
                width = float(line[:-2]) / MM
            elif line.endswith(" m"):
                start = tuple(map(float, line[:-2].split()))
            elif line.endswith(" l") and start:
                x1, y1 = map(float, line[:-2].split())
                if abs(y1 - start[1]) < 0.01:
                    out.append((n, colour, width, 297 - y1 / MM,
                                start[0] / MM, x1 / MM))
                start = None
    return out


class Doc:
    def __init__(self, pdf):
        self.pages = read_pages(pdf)
        self.qdf = read_qdf(pdf)
        self.ascent = song_ascent(self.qdf)
        self.strokes = strokes(self.qdf)

    def find(self, text, page=None):
        """The first line whose text contains TEXT (on PAGE, 1-based)."""
        for n, lines in enumerate(self.pages, 1):
            if page is not None and n != page:
                continue
            for line in lines:
                if text in line["text"].replace(" ", ""):
                    return line
        return None

    def exact(self, text):
        """The first line whose text is TEXT."""
        for lines in self.pages:
            for line in lines:
                if line["text"] == text:
                    return line
        return None

    def top(self, line, size):
        """The em top of LINE set in SIZE pt, mm."""
        return (line["y0"] + (self.ascent - 0.88) * size) / MM if line else None


def word_x(line, text, edge):
    for w in line["words"] if line else []:
        if text in w[4]:
            return (w[0] if edge == 0 else w[2]) / MM
    return None


def width_chars(text):
    return sum(0.5 if ord(ch) < 0x80 else 1 for ch in text if ch != " ")


# ------------------------------------------------------------- checks

def check_head(d, mark, mark_pt, number, upward):
    """发文机关标志 35 mm below the top of the body (72 mm from the page's
    top), centred; 发文字号 two lines below it; the red separator 4 mm
    below the 发文字号, as wide as the body."""
    line = d.find(mark, 1)
    near("标志 top 35 mm below the body", d.top(line, mark_pt), 72.0)
    if line:
        near("标志 centred", (line["x0"] + line["x1"]) / 2, 106.0)
    mark_mm = mark_pt / MM
    num_top = 72.0 + mark_mm + 2 * P
    line = d.find(number, 1)
    near("发文字号 two lines below the 标志", d.top(line, 16), num_top)
    if upward:
        near("上行文 发文字号 1 character from the left", word_x(line, number, 0),
             28 + C)
        sig = d.find("签发人", 1)
        near("签发人 1 character from the right", sig and sig["x1"], 184 - C)
    elif line:
        near("发文字号 centred", (line["x0"] + line["x1"]) / 2, 106.0)
    red = [s for s in d.strokes if s[0] == 1 and s[1] == "1 0 0"]
    report("one red separator", len(red) == 1, "%d red lines" % len(red))
    if red:
        _, _, width, y, x0, x1 = red[0]
        near("separator 4 mm below the 发文字号",
             y - width / 2, num_top + 16 / MM + 4)
        report("separator as wide as the body",
               abs(x0 - 28) < TOL and abs(x1 - 184) < TOL, "%.2f..%.2f" % (x0, x1))
    return num_top + 16 / MM + 4 + 0.79  # the separator's bottom edge


def check_lines(d, pages, name):
    """Every line inside the body, no wider than 28 characters, none
    starting with a mark that may not start a line."""
    bad_width, bad_start = [], []
    for n in pages:
        for line in d.pages[n - 1]:
            if line["y0"] / MM > 262:
                continue  # the page number
            text = line["text"]
            if line["x0"] < 28 - TOL or line["x1"] > 184 + TOL or width_chars(text) > 28:
                bad_width.append("p%d %s (%.1f..%.1f)" % (n, text[:12], line["x0"], line["x1"]))
            if text[0] in FORBIDDEN_START:
                bad_start.append("p%d %s" % (n, text[:12]))
    report(name + " no line wider than 28 characters or the body", not bad_width,
           "; ".join(bad_width[:3]))
    report(name + " no line starts with a forbidden mark", not bad_start,
           "; ".join(bad_start[:3]))


def check_grid(d, page, origin, name, expect=None):
    """The 三号 lines of PAGE sit on the line grid that starts at ORIGIN."""
    tops = [d.top(l, 16) for l in d.pages[page - 1]
            if 15 < l["words"][0][3] - l["words"][0][1] < 17 and l["y0"] / MM < 262]
    off = [t for t in tops if t >= origin and
           abs((t - origin - 2.2914) / P - round((t - origin - 2.2914) / P)) * P > TOL]
    report(name + " lines on the grid", tops and not off,
           "%d lines, off: %s" % (len(tops), ", ".join("%.2f" % t for t in off[:3])))
    if expect is not None:  # headings (黑体, 楷体) counted too
        count = len([l for l in d.pages[page - 1] if l["y0"] / MM < 262])
        report(name + " %d lines" % expect, count == expect, "%d lines" % count)


def check_flush(d, page, name):
    """A justified line that is not the last of its paragraph (the next
    line starts at the left edge) ends at the right edge of the body."""
    lines = [l for l in d.pages[page - 1] if l["y0"] / MM < 262]
    bad = []
    for line, after in zip(lines, lines[1:]):
        if abs(after["x0"] - 28) < TOL and abs(line["x1"] - 184) > TOL:
            bad.append("%s ends at %.2f" % (line["text"][:10], line["x1"]))
    report(name + " justified lines flush at both edges", not bad, "; ".join(bad[:3]))


def check_page_numbers(d, unnumbered=()):
    """— N — in 四号 (14 pt = 4.939 mm), its top 7 mm below the body, odd
    pages 1 character from the right, even pages 1 character from the
    left; none on the pages UNNUMBERED."""
    for n in range(1, len(d.pages) + 1):
        line = None
        for l in d.pages[n - 1]:
            if l["y0"] / MM > 262 and l["text"].startswith("—"):
                line = l
        if n in unnumbered:
            report("page %d has no page number" % n, line is None,
                   line and line["text"])
            continue
        report("page %d numbered — %d —" % (n, n),
               line is not None and line["text"].replace(" ", "") == "—%d—" % n,
               line and line["text"])
        near("page %d number 7 mm below the body" % n, d.top(line, 14), 269.0)
        if line and n % 2:
            near("odd page %d number 1 character from the right" % n, line["x1"],
                 184 - 14 / MM)
        elif line:
            near("even page %d number 1 character from the left" % n, line["x0"],
                 28 + 14 / MM)


def check_colophon(d, cc):
    """版记 on the last page, an even one: 四号 lines between rules of
    0.35 / 0.25 / 0.35 mm, the last on the bottom edge of the body (262)."""
    last = len(d.pages)
    report("版记 on an even page", last % 2 == 0 and d.find("印发", last) is not None,
           "%d pages, 印发 on the last: %s" % (last, d.find("印发", last) is not None))
    rules = sorted(s for s in d.strokes if s[0] == last and s[1] == "0 0 0")
    # from the bottom up: 0.35 rule [261.65, 262], 印发 line P, 0.25 rule,
    # 抄送 line P, 0.35 rule
    want = [(0.35, 262 - 0.175), (0.25, 262 - 0.35 - P - 0.125),
            (0.35, 262 - 0.35 - 2 * P - 0.25 - 0.175)]
    if not cc:
        want = [want[0], (0.35, 262 - 0.35 - P - 0.175)]
    got = sorted(((round(s[2], 2), s[3]) for s in rules), key=lambda r: -r[1])
    ok = len(got) == len(want) and all(
        abs(g[0] - w[0]) < 0.01 and abs(g[1] - w[1]) < TOL for g, w in zip(got, want))
    report("版记 rules 0.35/0.25/0.35 mm, the last on the bottom edge", ok,
           "got %s" % ", ".join("%.2f@%.2f" % g for g in got))
    # the 印发 line: 14 pt centred in the line above the last rule
    printed = d.find("印发", last)
    near("印发 line above the last rule", d.top(printed, 14),
         262 - 0.35 - P + (P - 14 / MM) / 2)
    by = None
    for line in d.pages[last - 1]:
        if line["text"].endswith("办公室") and line["y0"] / MM > 240:
            by = line
    near("印发机关 1 character from the left", by and by["x0"], 28 + 14 / MM)
    near("印发日期 1 character from the right", printed and printed["x1"], 184 - 14 / MM)


def check_report(pdf):
    d = Doc(pdf)
    # 10 characters of 标志: 440 pt / 10 = 44 pt
    sep = check_head(d, "桐川县医疗保障局文件", 44, "桐医保报〔2023〕31号", True)
    # title two lines below the separator, 二号 (22 pt = 7.761 mm) centred in
    # grid lines: (P - 7.761) / 2 = 1.233 mm
    title_box = sep + 2 * P
    line = d.find("桐川县医疗保障局关于2023年度", 1)
    near("标题 two lines below the separator", d.top(line, 22), title_box + 1.2331)
    if line:
        near("标题 centred", (line["x0"] + line["x1"]) / 2, 106.0)
    line2 = d.find("软件正版化工作情况的报告", 1)
    near("标题 second line one line further", d.top(line2, 22), title_box + P + 1.2331)
    to = d.find("桐川县版权局：", 1)
    near("主送 one line below the 标题", d.top(to, 16), title_box + 3 * P + 2.2914)
    near("主送 flush left", to and to["x0"], 28.0)
    first = d.find("根据县推进使用正版软件", 1)
    near("first body line below the 主送", d.top(first, 16), title_box + 4 * P + 2.2914)
    near("正文 indented 2 characters", first and first["x0"], 28 + 2 * C)
    check_grid(d, 1, title_box, "page 1")
    for n in range(2, len(d.pages)):
        check_grid(d, n, 37.0, "page %d" % n)
    check_lines(d, range(1, len(d.pages) + 1), "report")
    att = d.find("附件：软件正版化工作信息统计表")
    near("附件说明 2 characters in", att and att["x0"], 28 + 2 * C)
    date = d.exact("2023年12月25日")
    name = d.exact("桐川县医疗保障局")
    near("sealed: 成文日期 4 characters from the right", date and date["x1"],
         184 - 4 * C)
    if date and name:
        near("sealed: 署名 centred over the 成文日期", (name["x0"] + name["x1"]) / 2,
             (date["x0"] + date["x1"]) / 2)
    note = d.find("（公开方式：依申请公开）")
    near("附注 2 characters in", note and note["x0"], 28 + 2 * C)
    check_page_numbers(d)
    check_colophon(d, cc=True)
    cc = d.find("抄送：")
    near("抄送 1 character from the left", cc and cc["x0"], 28 + 14 / MM)


def check_notice(pdf):
    d = Doc(pdf)
    check_head(d, "桐川县医疗保障局文件", 44, "桐医保发〔2023〕15号", False)
    check_grid(d, 2, 37.0, "page 2")
    check_flush(d, 3, "page 3")
    # a heading is kept with the first two lines after it
    alone = []
    for n, lines in enumerate(d.pages, 1):
        body = [l for l in lines if l["y0"] / MM < 262]
        if body and re.match(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）",
                             body[-1]["text"]):
            alone.append("p%d %s" % (n, body[-1]["text"][:10]))
    report("no heading last on a page", not alone, "; ".join(alone))
    check_lines(d, range(1, len(d.pages) + 1), "notice")
    for text in ("规划财务股确保软件采购经费纳入年度预算",
                 "办公室牵头制定年度软件正版化工作计划",
                 "填写《软件使用需求申请表》（附件3）"):
        report("six systems: " + text, d.find(text) is not None, "not found")
    title = d.find("软件正版化工作责任制度", 2)
    report("the first system starts page 2", title is not None, "not on page 2")
    check_page_numbers(d)
    check_colophon(d, cc=False)


def check_inspection(pdf, preprinted=False):
    d = Doc(pdf)
    # 13 characters of 标志: floor(4400 / 13) / 10 = 33.8 pt = 11.924 mm
    mark = "桐川县医疗保障局办公室文件"
    if preprinted:
        report("pre-printed letterhead: no 标志", d.find(mark) is None, "printed")
        report("pre-printed letterhead: no red separator",
               not [s for s in d.strokes if s[1] == "1 0 0"], "drawn")
        line = d.find("桐医保办〔2023〕9号", 1)
        near("pre-printed letterhead: 发文字号 where it would be",
             d.top(line, 16), 72 + 33.8 / MM + 2 * P)
        return
    check_head(d, mark, 33.8, "桐医保办〔2023〕9号", False)
    # 附件说明: 附件：1. — a name that runs on starts under the name's first
    # character: 2 + 3 (附件：) + 1 (1.) characters in
    first = d.find("附件：1.软件使用情况汇总表")
    near("附件说明 2 characters in", first and first["x0"], 28 + 2 * C)
    second = d.find("2.软件使用情况明细表")
    near("附件 2. under 1.", second and second["x0"], 28 + 5 * C)
    more = d.find("安装情况核对记录")
    near("a long 附件 name runs on under its first character", more and more["x0"],
         28 + 6 * C)
    # unsealed: 署名 2 characters from the right, 成文日期 below it 2
    # characters further right
    name = d.exact("桐川县医疗保障局办公室")
    date = d.exact("2023年11月24日")
    near("unsealed: 署名 2 characters from the right", name and name["x1"], 184 - 2 * C)
    if name and date:
        near("unsealed: 成文日期 2 characters right of the 署名", date["x0"],
             name["x0"] + 2 * C)
        near("unsealed: 成文日期 the line below the 署名", d.top(date, 16),
             d.top(name, 16) + P)
    check_lines(d, range(1, len(d.pages) + 1), "inspection")
    check_page_numbers(d)
    check_colophon(d, cc=False)


def check_full_page(pdf):
    """A page full of body text (tests/layout/grid.xml): 22 lines, the
    first on the first grid line, each 28 characters flush at both edges."""
    d = Doc(pdf)
    check_grid(d, 1, 37.0, "full page", expect=22)
    lines = [l for l in d.pages[0] if l["y0"] / MM < 262]
    near("full page first line on the first grid line", d.top(lines[0], 16),
         37 + 2.2914)
    near("full page last line on the 22nd grid line", d.top(lines[-1], 16),
         37 + 21 * P + 2.2914)
    check_flush(d, 1, "full page")
    check_lines(d, [1, 2], "full page")
    # 28 characters, or 27 when one went down with a mark that may not
    # start a line
    full = [l for l in lines[1:] if width_chars(l["text"]) in (27, 28)]
    report("full page lines of 28 characters (27 before a mark)",
           len(full) == len(lines) - 1, "%d of %d" % (len(full), len(lines) - 1))


def check_blank_before_colophon(pdf):
    d = Doc(pdf)
    report("four pages", len(d.pages) == 4, "%d pages" % len(d.pages))
    report("page 3 blank", not [l for l in d.pages[2]], "not blank")
    check_page_numbers(d, unnumbered=(3, 4))
    report("版记 on page 4", d.find("印发", 4) is not None, "not on page 4")


def main():
    check, pdf = sys.argv[1], sys.argv[2]
    if not os.path.exists(pdf):
        report(check + " geometry", False, "no " + pdf)
        return
    {"report": check_report,
     "notice": check_notice,
     "inspection": check_inspection,
     "preprinted": lambda p: check_inspection(p, preprinted=True),
     "full-page": check_full_page,
     "blank-before-colophon": check_blank_before_colophon}[check](pdf)


if __name__ == "__main__":
    main()
