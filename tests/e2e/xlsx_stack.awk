# awk -v copies=N -f xlsx_stack.awk > stack.xml: N copies of a one-table
# form stacked on worksheets (section/@stack), the odd copies' columns
# 40 + 60 mm, the even ones' 50 + 50 mm, then a section of its own.
# Each copy is three sheet rows: 附件2, the header row, 张I / 桐川县.
BEGIN {
    print "<?xml version='1.0' encoding='UTF-8'?>"
    print "<document xmlns='urn:zhengban:layout:1'>"
    print "<meta title='使用正版软件承诺书' created='2023-12-31'/>"
    print "<styles><style name='t' font='黑体' size='三号'/>"
    print "<style name='c' font='宋体' size='五号'/></styles>"
    for (i = 1; i <= copies; i++) {
        printf "<section name='%d 张%d' stack='承诺书' margin-left='20' margin-right='20'>", i, i
        print "<p style='t'>附件2</p><table style='c' header-rows='1'>"
        print i % 2 ? "<col width='40'/><col width='60'/>" : "<col width='50'/><col width='50'/>"
        printf "<row><cell>姓名</cell><cell>单位</cell></row><row><cell>张%d</cell><cell>桐川县</cell></row></table></section>\n", i
    }
    printf "<section name='汇总'><p style='t'>共 %d 份</p></section>\n", copies
    print "</document>"
}
