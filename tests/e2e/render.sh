#!/bin/bash
# End-to-end tests of `zhengban render` and the PDF renderer.
source "$(dirname "$0")/../lib.sh"

L=$TOP/tests/layout
# the built-in default fonts, whatever the user running the tests configured
export XDG_CONFIG_HOME=$T/xdg
mkdir -p "$XDG_CONFIG_HOME"

# render NAME [ARGS...]: render $L/NAME.xml to $T/NAME.pdf
render() {
    local name=$1
    shift
    zb render "$L/$name.xml" -o "$T/$name.pdf" "$@"
}

# ---- every fixture is a valid layout document
for f in "$L"/*.xml; do
    if xmllint --noout --schema "$TOP/forms/layout.xsd" "$f" 2>"$T/xsd"; then
        pass "$(basename "$f") valid against layout.xsd"
    else
        fail "$(basename "$f") valid against layout.xsd" "$(head -3 "$T/xsd")"
    fi
done
python3 "$L/gen_table.py" 240 --wrap >"$T/long.xml"
if xmllint --noout --schema "$TOP/forms/layout.xsd" "$T/long.xml" 2>"$T/xsd"; then
    pass "generated long table valid against layout.xsd"
else
    fail "generated long table valid against layout.xsd" "$(head -3 "$T/xsd")"
fi

# ---- every fixture renders into a sound PDF that holds all of its text
for name in paragraphs form sections punctuation fallback tall-row; do
    render "$name"
    check_pdf "$name"
done
for name in paragraphs form sections punctuation fallback; do
    if python3 "$L/strings.py" "$L/$name.xml" "$T/$name.txt" >"$T/missing"; then
        pass "$name every string in pdftotext"
    else
        fail "$name every string in pdftotext" "$(head -3 "$T/missing")"
    fi
done
if python3 "$L/strings.py" "$L/tall-row.xml" "$T/tall-row.txt" 项目说明 \
        >"$T/missing"; then
    pass "tall-row a row taller than a page loses no line"
else
    fail "tall-row a row taller than a page loses no line" "$(head -c 300 "$T/missing")"
fi
pages=$(pdfinfo "$T/tall-row.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 3 ] && pass "tall-row spreads over pages" \
    || fail "tall-row spreads over pages" "$pages pages"

# ---- typed cells show their formatted values
tr -d ' \n' <"$T/form.txt" >"$T/form.flat"
for s in 1200.00 800.50 2401.50 14401.50 2023年6月20日 √ 2023年9月1日; do
    expect_in "form shows $s" "$s" "$T/form.flat"
done

# ---- a one-page form in the default fonts stays small
size=$(stat -c %s "$T/form.pdf")
[ "$size" -lt 204800 ] && pass "form under 200 KB ($size bytes)" \
    || fail "form under 200 KB" "$size bytes"

# ---- document information from <meta>, no clock
pdfinfo "$T/paragraphs.pdf" >"$T/info"
expect_in "title in document info" "关于印发《软件正版化工作六项制度》的通知" "$T/info"
expect_in "author in document info" "永福县医疗保障局" "$T/info"
expect_in "creation date from meta" "2023" "$T/info"
grep -q "CreationDate:.*Jun 20" "$T/info" && pass "creation date is meta's" \
    || fail "creation date is meta's" "$(grep CreationDate "$T/info")"

# ---- determinism: the same layout gives the same bytes
zb render "$L/form.xml" -o "$T/again.pdf"
cmp -s "$T/form.pdf" "$T/again.pdf" && pass "render twice, same bytes" \
    || fail "render twice, same bytes" "outputs differ"

# ---- two outputs in one run; an unknown format is a usage error
zb render "$L/form.xml" -o "$T/one.pdf" -o "$T/two.pdf"
expect_rc "two -o exit 0" 0
cmp -s "$T/one.pdf" "$T/two.pdf" && cmp -s "$T/one.pdf" "$T/form.pdf" \
    && pass "two -o write the same PDF twice" \
    || fail "two -o write the same PDF twice" "outputs differ"
zb render "$L/form.xml" -o "$T/x.docx"
expect_rc "unknown output format exit 2" 2
expect_in "unknown output format named" "x.docx" "$ERR"

# ---- page numbers: continue and restart, odd pages right, even left
for p in 1 2 3; do
    pdftotext -f $p -l $p "$T/sections.pdf" - | tr -d '\n' >"$T/page"
    expect_in "sections page $p numbered $p of 3" "第 $p 页 共 3 页" "$T/page"
done
pdftotext -f 4 -l 4 "$T/sections.pdf" "$T/page"
expect_in "restarted section numbered 1 of 1" "第 1 页 共 1 页" "$T/page"
pdftotext -bbox "$T/paragraphs.pdf" "$T/bbox.html"
python3 - "$T/bbox.html" >"$T/outside" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
for n, page in enumerate(re.split(r"<page ", html)[1:], 1):
    width = float(re.search(r'width="([\d.]+)"', page).group(1))
    xs = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"[^>]*>%d<' % n, page)]
    side = "right" if xs and xs[-1] > width / 2 else "left"
    want = "right" if n % 2 else "left"
    print("page %d: %s" % (n, "ok" if side == want else "number on the " + side))
PY
if grep -q "number on the" "$T/outside"; then
    fail "— N — outside: odd pages right, even left" "$(cat "$T/outside")"
else
    pass "— N — outside: odd pages right, even left"
fi

# ---- line breaking: no line starts with a closing mark or ends with an
# opening one (GB/T 15834)
for name in punctuation paragraphs; do
    pdftotext -layout "$T/$name.pdf" "$T/$name.layout"
    if grep -nE '^ *[，。、；：？！）》」』】〕”’]' "$T/$name.layout" >"$T/bad"; then
        fail "$name no line starts with a closing mark" "$(head -3 "$T/bad")"
    else
        pass "$name no line starts with a closing mark"
    fi
    if grep -nE '[（《「『【〔“‘] *$' "$T/$name.layout" >"$T/bad"; then
        fail "$name no line ends with an opening mark" "$(head -3 "$T/bad")"
    else
        pass "$name no line ends with an opening mark"
    fi
done
grep -q '——' "$T/punctuation.layout" && pass "—— kept whole" \
    || fail "—— kept whole" "no —— on one line"
grep -q '……' "$T/punctuation.layout" && pass "…… kept whole" \
    || fail "…… kept whole" "no …… on one line"
grep -q '0773-1234567' "$T/punctuation.layout" && pass "phone number kept whole" \
    || fail "phone number kept whole" "0773-1234567 split"

# ---- a long table: every page carries the header, no row is split
zb render "$T/long.xml" -o "$T/long.pdf"
check_pdf long
pages=$(pdfinfo "$T/long.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 5 ] && pass "long table spans several pages ($pages)" \
    || fail "long table spans several pages" "$pages pages"
bad=""
for p in $(seq 1 "$pages"); do
    pdftotext -f "$p" -l "$p" "$T/long.pdf" - | tr -d ' \n' >"$T/page"
    grep -q '序号' "$T/page" && grep -q '软件类型' "$T/page" \
        && grep -q '商业软件' "$T/page" || bad="$bad $p(header)"
    grep -q "第${p}页共${pages}页" "$T/page" || bad="$bad $p(footer)"
    starts=$(grep -o 'WPSOffice2019（政府机关' "$T/page" | wc -l)
    ends=$(grep -o '表格组件）' "$T/page" | wc -l)
    [ "$starts" -eq "$ends" ] || bad="$bad $p(split row)"
done
[ -z "$bad" ] && pass "long table header and footer on every page, rows whole" \
    || fail "long table header and footer on every page, rows whole" "$bad"
pdftotext "$T/long.pdf" - | tr -d ' \n' >"$T/all"
n=$(grep -o 'WPSOffice2019（政府机关专用版，含版式文档与数据表格组件）' "$T/all" | wc -l)
[ "$n" -eq 80 ] && pass "long table every wrapped cell complete" \
    || fail "long table every wrapped cell complete" "$n of 80"

# ---- fonts: a character the role's font lacks comes from a fallback font
pdffonts "$T/fallback.pdf" >"$T/fonts"
expect_in "fallback font embedded for € Ω" "DejaVuSans" "$T/fonts"
expect_in "rare ideograph from WenQuanYi Micro Hei" "WenQuanYiMicroHei" "$T/fonts"

# ---- a character beyond U+FFFF: an error naming it and its source
render nonbmp
expect_rc "non-BMP character exit 2" 2
expect_in "non-BMP character named" "U+20000" "$ERR"
expect_in "non-BMP character's source named" "ledger.xml:88 姓名" "$ERR"
[ ! -e "$T/nonbmp.pdf" ] && pass "non-BMP character: no PDF written" \
    || fail "non-BMP character: no PDF written" "nonbmp.pdf exists"

# ---- a character no configured font has: an error naming it and its source
render missing-glyph
expect_rc "missing character exit 2" 2
expect_in "missing character named" "U+3400" "$ERR"
expect_in "missing character's source named" "ledger.xml:12 备注" "$ERR"
expect_in "missing character's font named" "宋体" "$ERR"
ls "$T" | grep -q 'missing-glyph' && fail "no temporary file left" "$(ls "$T")" \
    || pass "no temporary file left"

# ---- font configuration
printf '# 测试\n宋体 = /nonexistent/song.ttf\n' >"$T/missing.conf"
render form --fonts "$T/missing.conf"
expect_rc "missing font file exit 2" 2
expect_in "missing font: role named" "宋体" "$ERR"
expect_in "missing font: path named" "/nonexistent/song.ttf" "$ERR"
expect_in "missing font: config line named" "missing.conf:2" "$ERR"
printf '黑体 = %s\n' "$L/form.xml" >"$T/notafont.conf"
render form --fonts "$T/notafont.conf"
expect_rc "unusable font file exit 2" 2
expect_in "unusable font: role and path named" "黑体 的字体文件 $L/form.xml" "$ERR"
printf '草书 = x.ttf\n' >"$T/bad.conf"
render form --fonts "$T/bad.conf"
expect_rc "bad configuration line exit 2" 2
expect_in "bad configuration line named" "bad.conf:1" "$ERR"
zb render "$L/form.xml" -o "$T/x.pdf" --fonts "$T/nonexistent.conf"
expect_rc "missing configuration file exit 2" 2

mkdir -p "$XDG_CONFIG_HOME/zhengban" "$T/cfg"
printf '楷体 = /usr/share/fonts/truetype/wqy/wqy-microhei.ttc\n' \
    >"$XDG_CONFIG_HOME/zhengban/fonts.conf"
render paragraphs
expect_rc "user configuration exit 0" 0
pdffonts "$T/paragraphs.pdf" >"$T/fonts"
expect_in "user configuration read from XDG_CONFIG_HOME" "WenQuanYiMicroHei" "$T/fonts"
expect_not_in "user configuration replaces the role's default" "GBZenKai" "$T/fonts"
rm "$XDG_CONFIG_HOME/zhengban/fonts.conf"
ln -s /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc "$T/cfg/zenhei.ttc"
printf '黑体 = zenhei.ttc:2\n' >"$T/cfg/fonts.conf"
render form --fonts "$T/cfg/fonts.conf"
expect_rc "--fonts exit 0" 0
pdffonts "$T/form.pdf" >"$T/fonts"
expect_in "--fonts: relative path and TTC index" "WenQuanYiZenHeiSharp" "$T/fonts"

# ---- table borders: every edge drawn once, no two lines overlap
check_borders() {
    local name=$1
    qpdf --qdf --object-streams=disable "$T/$name.pdf" "$T/$name.qdf"
    python3 - "$T/$name.qdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read().decode("latin-1")
bad = 0
lines = 0
for page in data.split("%% Contents for page")[1:]:
    pts = re.findall(r"^([\d.]+) ([\d.]+) ([ml])$", page, re.M)
    segs = {"h": {}, "v": {}}
    for (x0, y0, a), (x1, y1, b) in zip(pts, pts[1:]):
        if a != "m" or b != "l":
            continue
        x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
        lines += 1
        if abs(y0 - y1) < 0.01:
            segs["h"].setdefault(round(y0, 2), []).append(sorted((x0, x1)))
        elif abs(x0 - x1) < 0.01:
            segs["v"].setdefault(round(x0, 2), []).append(sorted((y0, y1)))
    for kind in segs.values():
        for pos, spans in kind.items():
            spans.sort()
            for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
                if b0 < a1 - 0.01:
                    bad += 1
                    print("overlap at", pos, (a0, a1), (b0, b1))
if not lines:
    print("no lines found")
sys.exit(1 if bad or not lines else 0)
PY
}
for name in form long tall-row; do
    if check_borders "$name" >"$T/overlaps"; then
        pass "$name borders drawn once"
    else
        fail "$name borders drawn once" "$(head -3 "$T/overlaps")"
    fi
done

# ---- a keep that does not fit: the paragraph's last two lines go to the
# next page with the 署名 (tests/layout/keep.xml)
render keep
check_pdf keep
pdftotext -f 1 -l 1 "$T/keep.pdf" - | tr -d '\f' | grep -v '^$' | tail -2 | cut -c1-3 >"$T/keep1"
pdftotext -f 2 -l 2 "$T/keep.pdf" - | grep -v '^$' | tr -d ' ' >"$T/keep2"
[ "$(tr -d '\n' <"$T/keep1")" = 甲乙 ] && pass "keep: the paragraph's first two lines stay on page 1" \
    || fail "keep: the paragraph's first two lines stay on page 1" "$(tr '\n' ' ' <"$T/keep1")"
[ "$(head -c 3 "$T/keep2")" = 丙 ] && pass "keep: its last two lines open page 2" \
    || fail "keep: its last two lines open page 2" "$(head -1 "$T/keep2")"
expect_in "keep: the 署名 on page 2" "桐川县医疗保障局" "$T/keep2"
expect_in "keep: the 成文日期 on page 2" "2023年12月25日" "$T/keep2"

# ---- headings, keeps and paragraphs at a page foot (tests/layout/
# page-breaks.xml): on each page, the lines of filler and the line number
# of each mark, read from pdftotext -bbox (line n has its top at 37 mm +
# (n - 1) x 225/22 mm)
render page-breaks
check_pdf page-breaks
pdftotext -bbox "$T/page-breaks.pdf" "$T/pb.bbox"
python3 - "$T/pb.bbox" >"$T/pb.pages" <<'PY'
import re, sys
MM = 72 / 25.4
pages = re.split(r"<page ", open(sys.argv[1], encoding="utf-8").read())[1:]
for n, page in enumerate(pages, 1):
    filler, marks = 0, []
    for y, text in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<',
                              page):
        line = round((float(y) - 37 * MM) / (225 / 22 * MM)) + 1
        if set(text) <= set("一二三四五六七八九十"):
            filler += 1
        elif text.startswith("桐川县"):
            marks.append("署名@%d" % line)
        elif text[0] in "甲丙丁戊己" or "、" in text or text[0] == "（":
            marks.append("%s@%d" % (text[0] if text[0] in "甲丙丁戊己" else text, line))
    print("p%d %d %s" % (n, filler, " ".join(marks)))
PY
# worked out by hand from the layout's comment; 22 lines a page
want() {
    local name=$1 page=$2 line=$3
    local got
    got=$(grep "^$page " "$T/pb.pages")
    [ "$got" = "$page $line" ] && pass "page breaks: $name" \
        || fail "page breaks: $name" "got “$got”, want “$page $line”"
}
want "A: 18 lines, the heading stays not with one line of its keep" p1 "18 "
want "A: heading, whole paragraph and 署名 on page 2" p2 "0 四、工作要求@1 甲@2 丙@3 丁@4 署名@5"
want "B: the heading of a subheading goes too" p3 "18 "
want "B: heading, subheading, paragraph on page 2" p4 "0 五、保障措施@1 （一）加强领导@2 甲@3 丙@4 丁@5 署名@6"
want "C: no orphan at the foot" p5 "21 "
want "C: the 4-line paragraph starts page 2" p6 "0 甲@1 丙@2 丁@3 戊@4"
want "D: two lines stay at the foot" p7 "19 甲@20 丙@21"
want "D: no widow: two lines open page 2" p8 "0 丁@1 戊@2"
want "E: the heading does not stay with two lines of three" p9 "19 "
want "E: heading and the whole 3-line paragraph on page 2" p10 "0 六、其他事项@1 甲@2 丙@3 丁@4"
want "F: the heading does not stay with a 1-line paragraph" p11 "18 "
want "F: heading, 1-line paragraph and keep on page 2" p12 "0 七、附则@1 己@2 甲@3 丙@4 丁@5 署名@6"

# ---- alignment measured in the PDF (pdftotext -bbox-layout)
pdftotext -bbox-layout "$T/punctuation.pdf" "$T/pb.html"
python3 - "$T/pb.html" >"$T/flush" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
lines = [tuple(map(float, m)) for m in re.findall(
    r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)]
left, right = 40 / 25.4 * 72, 595.276 - 41 / 25.4 * 72
indent = 2 * 14
bad = []
for i, (x0, x1) in enumerate(lines):
    last = i + 1 == len(lines) or abs(lines[i + 1][0] - left - indent) < 1
    if not last and not right - 0.5 <= x1 <= right + 7.5:
        bad.append("line %d ends at %.1f, not %.1f" % (i + 1, x1, right))
    first = i == 0 or abs(x0 - left - indent) < 1
    if not first and abs(x0 - left) > 0.5:
        bad.append("line %d starts at %.1f, not %.1f" % (i + 1, x0, left))
for b in bad:
    print(b)
print("%d lines" % len(lines))
PY
if [ "$(wc -l <"$T/flush")" -eq 1 ] && grep -q '^1[0-9] lines' "$T/flush"; then
    pass "justified lines flush at both edges"
else
    fail "justified lines flush at both edges" "$(head -3 "$T/flush")"
fi
pdftotext -bbox "$T/paragraphs.pdf" "$T/pw.html"
python3 - "$T/pw.html" >"$T/dist" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
x = {w: float(a) for a, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>(分|齐)<', html)}
left, right = 28 / 25.4 * 72, 595.276 - 26 / 25.4 * 72
ok = abs(x.get("分", 0) - left) < 0.5 and abs(x.get("齐", 0) + 12 - right) < 0.5
print("ok" if ok else "分 at %s, 齐 at %s" % (x.get("分"), x.get("齐")))
PY
grep -q '^ok$' "$T/dist" && pass "distributed line spans the body" \
    || fail "distributed line spans the body" "$(cat "$T/dist")"
pdftotext -bbox "$T/form.pdf" "$T/fw.html"
python3 - "$T/fw.html" >"$T/valign" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
def y(word):
    m = re.search(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>%s<' % word, html)
    return float(m.group(1)) if m else None
top, sig = y("同意。"), y("审核人：")
# the approval row is 30 mm (85 pt) high: opinion at the top, signature at
# the bottom
print("ok" if top and sig and sig - top > 55 else "同意 at %s, 审核人 at %s" % (top, sig))
PY
grep -q '^ok$' "$T/valign" && pass "approval box: opinion on top, signature at the bottom" \
    || fail "approval box: opinion on top, signature at the bottom" "$(cat "$T/valign")"

# ---- page breaks and row spans: a heading kept with its next row; a span
# that may break shows its content on each of its pages; a span that keeps
# together (the default) is never broken; no line of a cell is lost
python3 - >"$T/spans.xml" <<'PY'
rows = []
for g in range(1, 13):
    rows.append('<row height="9" keep-with-next="true"><cell colspan="3">'
                '标题%d</cell></row>' % g)
    rows.append('<row height="9"><cell rowspan="9" keep-together="false">'
                '部门%d</cell><cell rowspan="4">整组%d</cell>'
                '<cell>首行%d</cell></row>' % (g, g, g))
    rows += ['<row height="9"><cell>组员%d-%d</cell></row>' % (g, k)
             for k in range(2, 5)]
    rows.append('<row height="9"><cell rowspan="5">第二组%d</cell>'
                '<cell>组员%d-5</cell></row>' % (g, g))
    rows += ['<row height="9"><cell>组员%d-%d</cell></row>' % (g, k)
             for k in range(6, 10)]
print('<?xml version="1.0" encoding="UTF-8"?>\n'
      '<document xmlns="urn:zhengban:layout:1"><meta title="spans" '
      'created="2023-12-31"/><styles><style name="cell" font="宋体" '
      'size="五号" align="center"/></styles><section name="s">'
      '<table style="cell" header-rows="1"><col/><col/><col/>'
      '<row><cell>部门</cell><cell>组</cell><cell>人</cell></row>'
      + "".join(rows) + '</table></section></document>')
PY
zb render "$T/spans.xml" -o "$T/spans.pdf"
expect_rc "spans render" 0
python3 - "$T/spans.pdf" >"$T/spans.out" <<'PY'
import subprocess, sys
pdf = sys.argv[1]
n = int([l.split()[1] for l in subprocess.run(
    ["pdfinfo", pdf], capture_output=True, text=True).stdout.splitlines()
    if l.startswith("Pages:")][0])
pages = [subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"],
                        capture_output=True, text=True).stdout.split()
         for p in range(1, n + 1)]
def where(word):
    return [i for i, words in enumerate(pages) if word in words]
bad = []
for g in range(1, 13):
    members = ["首行%d" % g] + ["组员%d-%d" % (g, k) for k in range(2, 10)]
    on = sorted({i for m in members for i in where(m)})
    if where("标题%d" % g) != where("首行%d" % g):
        bad.append("标题%d away from 首行%d" % (g, g))
    if [i for i in on if "部门%d" % g not in pages[i]]:
        bad.append("部门%d missing on a page of its rows" % g)
    for grp, first, last in (("整组", 1, 4), ("第二组", 5, 9)):
        ms = members[first - 1:last]
        pgs = {i for m in ms for i in where(m)}
        if len(pgs) != 1 or where("%s%d" % (grp, g)) != sorted(pgs):
            bad.append("%s%d broken" % (grp, g))
    if sum(len(where(m)) for m in members) != 9:
        bad.append("group %d lost a row" % g)
print("pages %d" % n)
print("\n".join(bad) or "ok")
PY
grep -q '^ok$' "$T/spans.out" && grep -qE '^pages ([4-9]|1[0-9])$' "$T/spans.out" \
    && pass "spans: headings kept with the next row, breakable spans on each page, kept spans whole" \
    || fail "spans: headings kept with the next row, breakable spans on each page, kept spans whole" \
            "$(head -5 "$T/spans.out")"

# ---- more pages than one libharu page-tree node holds (32,767), in order
python3 - >"$T/pages.xml" <<'PY'
print('<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:zhengban:layout:1">'
      '<meta title="t" created="2023-12-31"/><styles><style name="c" font="宋体" '
      'size="五号"/></styles>')
for i in range(1, 33001):
    print('<section name="%d"><p style="c">第%d份</p></section>' % (i, i))
print('</document>')
PY
zb render "$T/pages.xml" -o "$T/pages.pdf"
expect_rc "33,000 pages render" 0
[ "$(pdfinfo "$T/pages.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')" = 33000 ] \
    && pass "33,000 pages in the PDF" || fail "33,000 pages in the PDF" \
    "$(pdfinfo "$T/pages.pdf" 2>&1 | grep -i pages)"
for p in 1 8192 8193 32767 32768 33000; do
    pdftotext -f $p -l $p "$T/pages.pdf" - | tr -d ' \n' >"$T/page"
    expect_in "page $p in its place" "第${p}份" "$T/page"
done
