#!/usr/bin/python3
"""Write a layout document with one long table like 附件8 (软件使用情况明细表).

    gen_table.py ROWS [--wrap] > table.xml

Two header rows with row and column spans, 13 columns, landscape A4, a
footer with the page count. With --wrap every third software name is long
enough to wrap in its cell. Deterministic: the same ROWS give the same bytes.
"""
import sys

DEPTS = ["办公室", "医保中心", "财务股", "基金监管股", "待遇保障股"]
NAMES = ["李艳华", "秦玉琼", "廖梦华", "卢丹妮", "袁书武", "程定至"]
SOFT = [("SD360AQWS0", "360安全卫士", "V11", 2),
        ("WPSOFFICE0", "WPS Office 2019", "11.8.2", 0),
        ("UOSDESKTOP", "统信操作系统", "V20", 1)]
LONG = "（政府机关专用版，含版式文档与数据表格组件）"


def main():
    rows = int(sys.argv[1])
    wrap = "--wrap" in sys.argv
    out = sys.stdout
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<document xmlns="urn:zhengban:layout:1">\n'
              '<meta title="软件使用情况明细表" author="永福县医疗保障局" '
              'created="2023-12-31"/>\n<styles>'
              '<style name="title" font="小标宋" size="二号" align="center"/>'
              '<style name="cell" font="宋体" size="小五" align="center"/>'
              '<style name="head" font="黑体" size="小五" align="center"/>'
              '<style name="page" font="宋体" size="小五"/></styles>\n'
              '<section name="附件8" orientation="landscape" margin-top="15" '
              'margin-bottom="15">\n'
              '<footer format="第 {page} 页 共 {pages} 页" style="page"/>\n'
              '<p style="title">软件使用情况明细表</p>\n'
              '<table style="cell" header-rows="2">\n'
              '<col width="10"/><col width="2*"/><col width="2*"/><col width="2*"/>'
              '<col width="2*"/><col width="2*"/><col width="4*"/><col width="2*"/>'
              '<col width="2*"/><col width="12"/><col width="12"/><col width="12"/>'
              '<col width="2*"/>\n')
    head = ["序号", "部门", "姓名", "计算机编号", "计算机品牌", "软件编号",
            "软件名称", "软件版本", "许可期限"]
    out.write("<row>" + "".join('<cell style="head" rowspan="2">%s</cell>' % h
                                for h in head) +
              '<cell style="head" colspan="3">软件类型</cell>'
              '<cell style="head" rowspan="2">安装日期</cell></row>\n'
              '<row><cell style="head">商业软件</cell><cell style="head">OEM软件'
              '</cell><cell style="head">免费软件</cell></row>\n')
    for i in range(rows):
        code, name, version, kind = SOFT[i % 3]
        if wrap and i % 3 == 1:
            name += LONG
        checks = "".join('<cell type="check">%d</cell>' % (k == kind)
                         for k in range(3))
        out.write('<row><cell type="integer">%d</cell><cell>%s</cell>'
                  '<cell>%s</cell><cell>JSJ%05d</cell><cell>联想</cell>'
                  '<cell>%s</cell><cell src="ledger.xml:%d 软件名称">%s</cell>'
                  '<cell>%s</cell><cell>永久</cell>%s'
                  '<cell type="date" date-format="iso">2023-%02d-%02d</cell>'
                  '</row>\n' % (i + 1, DEPTS[i % 5], NAMES[i % 6], i % 35000,
                                code, 100 + i, name, version, checks,
                                i % 12 + 1, i % 28 + 1))
    out.write('</table>\n</section>\n</document>\n')


main()
