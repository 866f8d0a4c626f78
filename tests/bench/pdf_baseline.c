/*
 * pdf_baseline.c - what bare libharu 2.3.0 needs for the rows of
 * tests/layout/gen_table.py (no wrapping): the same 13 cells a row, the
 * same header on each page, one embedded font (AR PL SungtiL GB), cell
 * borders, no line breaking, no measuring beyond libharu's own. The
 * yardstick of issue 9: `zhengban render` may take at most twice as long.
 *
 *     cc -O2 -o pdf_baseline pdf_baseline.c -lhpdf && ./pdf_baseline 10000 out.pdf
 */
#include <stdio.h>
#include <stdlib.h>

#include <hpdf.h>

static const char *const depts[] = {"办公室", "医保中心", "财务股", "基金监管股",
                                    "待遇保障股"};
static const char *const names[] = {"李艳华", "秦玉琼", "廖梦华", "卢丹妮",
                                    "袁书武", "程定至"};
static const char *const codes[] = {"SD360AQWS0", "WPSOFFICE0", "UOSDESKTOP"};
static const char *const soft[] = {"360安全卫士", "WPS Office 2019", "统信操作系统"};
static const char *const versions[] = {"V11", "11.8.2", "V20"};
static const char *const head[] = {"序号", "部门", "姓名", "计算机编号",
    "计算机品牌", "软件编号", "软件名称", "软件版本", "许可期限", "商业软件",
    "OEM软件", "免费软件", "安装日期"};

#define COLS 13
#define ROW_H 16.0

static void draw_row(HPDF_Page page, HPDF_Font font, const double *x, double y,
                     char cells[COLS][64])
{
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 9);
    for (int c = 0; c < COLS; c++) {
        double w = HPDF_Page_TextWidth(page, cells[c]);
        HPDF_Page_TextOut(page, (HPDF_REAL)((x[c] + x[c + 1] - w) / 2),
                          (HPDF_REAL)(y - 11.5), cells[c]);
    }
    HPDF_Page_EndText(page);
    for (int c = 0; c <= COLS; c++) {
        HPDF_Page_MoveTo(page, (HPDF_REAL)x[c], (HPDF_REAL)y);
        HPDF_Page_LineTo(page, (HPDF_REAL)x[c], (HPDF_REAL)(y - ROW_H));
    }
    HPDF_Page_MoveTo(page, (HPDF_REAL)x[0], (HPDF_REAL)(y - ROW_H));
    HPDF_Page_LineTo(page, (HPDF_REAL)x[COLS], (HPDF_REAL)(y - ROW_H));
    HPDF_Page_Stroke(page);
}

int main(int argc, char **argv)
{
    int rows = argc > 1 ? atoi(argv[1]) : 10000;
    const char *out = argc > 2 ? argv[2] : "baseline.pdf";
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    const char *name = HPDF_LoadTTFontFromFile(pdf,
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    double x[COLS + 1] = {42};
    static const double widths[COLS] = {28, 60, 50, 60, 50, 70, 120, 50, 50,
                                        34, 34, 34, 60};
    for (int c = 0; c < COLS; c++)
        x[c + 1] = x[c] + widths[c];
    HPDF_Page page = NULL;
    double y = 0;
    char cells[COLS][64];
    for (int i = 0; i < rows; i++) {
        if (!page || y - ROW_H < 42) {
            page = HPDF_AddPage(pdf);
            HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);
            y = 595 - 42;
            for (int c = 0; c < COLS; c++)
                snprintf(cells[c], 64, "%s", head[c]);
            draw_row(page, font, x, y, cells);
            y -= ROW_H;
        }
        snprintf(cells[0], 64, "%d", i + 1);
        snprintf(cells[1], 64, "%s", depts[i % 5]);
        snprintf(cells[2], 64, "%s", names[i % 6]);
        snprintf(cells[3], 64, "JSJ%05d", i % 35000);
        snprintf(cells[4], 64, "联想");
        snprintf(cells[5], 64, "%s", codes[i % 3]);
        snprintf(cells[6], 64, "%s", soft[i % 3]);
        snprintf(cells[7], 64, "%s", versions[i % 3]);
        snprintf(cells[8], 64, "永久");
        for (int k = 0; k < 3; k++)
            snprintf(cells[9 + k], 64, "%s", k == (i % 3 == 0 ? 2 : i % 3 == 1 ? 0 : 1) ? "√" : "");
        snprintf(cells[12], 64, "2023-%02d-%02d", i % 12 + 1, i % 28 + 1);
        draw_row(page, font, x, y, cells);
        y -= ROW_H;
    }
    HPDF_SaveToFile(pdf, out);
    HPDF_Free(pdf);
    return 0;
}
