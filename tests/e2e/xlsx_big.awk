# awk -v rows=N -f xlsx_big.awk > big.xml: a 附件8-like table of N body rows,
# 部门 merged down every 10 rows, money and dates, a SUM total at the end.
BEGIN {
    print "<?xml version='1.0' encoding='UTF-8'?>"
    print "<document xmlns='urn:zhengban:layout:1'>"
    print "<meta title='软件使用情况明细表' created='2023-12-31'/>"
    print "<styles><style name='title' font='小标宋' size='二号' align='center'/>"
    print "<style name='head' font='黑体' size='五号' align='center'/>"
    print "<style name='cell' font='宋体' size='小五'/>"
    print "<style name='foot' font='宋体' size='小五'/></styles>"
    print "<section name='附件8 明细表' orientation='landscape'>"
    print "<footer format='第 {page} 页 共 {pages} 页' style='foot'/>"
    print "<p style='title'>软件使用情况明细表</p>"
    print "<table style='cell' header-rows='2'>"
    print "<col width='12'/><col width='20'/><col width='18'/><col width='1*'/><col width='2*'/><col width='12'/><col width='12'/><col width='12'/><col width='22'/><col width='20'/>"
    print "<row><cell rowspan='2' style='head'>序号</cell><cell rowspan='2' style='head'>部门</cell><cell rowspan='2' style='head'>姓名</cell><cell rowspan='2' style='head'>计算机编号</cell><cell rowspan='2' style='head'>软件名称</cell><cell colspan='3' style='head'>软件类型</cell><cell rowspan='2' style='head'>安装日期</cell><cell rowspan='2' style='head'>金额（元）</cell></row>"
    print "<row><cell style='head'>商业软件</cell><cell style='head'>OEM软件</cell><cell style='head'>免费软件</cell></row>"
    split("办公室 医保中心 财务股 基金监管股 待遇保障股", dept, " ")
    split("李艳华 秦玉琼 廖梦华 卢丹妮 袁书武 程定至", name, " ")
    split("Microsoft Office 专业增强版 2016|WPS Office 2019 专业版|麒麟桌面操作系统 V10|360安全卫士|腾讯电脑管家", sw, "|")
    for (i = 1; i <= rows; i++) {
        printf "<row><cell type='integer' align='center'>%d</cell>", i
        if (i % 10 == 1) {
            span = rows - i + 1 < 10 ? rows - i + 1 : 10
            printf "<cell rowspan='%d' align='center'>%s</cell>", span, dept[int(i / 10) % 5 + 1]
        }
        printf "<cell>%s</cell><cell>YFYB-PC-%05d</cell><cell>%s</cell>", name[i % 6 + 1], i, sw[i % 5 + 1]
        for (j = 0; j < 3; j++)
            printf "<cell type='check' align='center'>%s</cell>", i % 3 == j ? "1" : ""

        printf "<cell type='date' align='center'>2023-%02d-%02d</cell>", i % 12 + 1, i % 28 + 1
        printf "<cell type='money' id='m%d' align='right'>%d.%02d</cell></row>\n", i, i % 1000, i % 100
        total += (i % 1000) * 100 + i % 100
    }
    printf "<row><cell colspan='9' align='right'>合计</cell><cell type='money' align='right' sum='"
    for (i = 1; i <= rows; i++) printf "%sm%d", (i > 1 ? " " : ""), i
    printf "'>%d.%02d</cell></row>\n", int(total / 100), total % 100
    print "</table></section></document>"
}
