/* Unit tests for the font configuration and metrics (src/render/pdf_fonts.c).
   They use the default fonts, which the Makefile installs. */
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

#include "render/pdf_fonts.h"

#define SUNG "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"

/* Write TEXT to a temporary configuration file; returns its name. */
static char *write_config(const char *text)
{
    char *name = strdup("/tmp/zb-fonts-XXXXXX");
    int fd = mkstemp(name);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        return NULL;
    close(fd);
    return name;
}

static pdf_fonts *load(const char *text, zb_diags *d, zb_status *st)
{
    char *name = write_config(text);
    pdf_fonts *f = NULL;
    *st = pdf_fonts_load(name, d, &f);
    unlink(name);
    free(name);
    return f;
}

TEST(defaults_cover_every_role)
{
    zb_diags d = {0};
    zb_status st;
    pdf_fonts *f = load("# 只用默认字体\n", &d, &st);
    EXPECT(st == ZB_OK && f);
    for (int r = 0; f && r < LO_FONT_ROLES; r++)
        EXPECT(f->role[r] && f->role[r]->gid[0x4E2D]);  /* 中 */
    if (f) {
        EXPECT_STR(f->role[LO_FONT_SONG]->path, SUNG);
        /* 仿宋 and 小标宋 share the 宋体 file, loaded once */
        EXPECT(f->role[LO_FONT_FANGSONG] == f->role[LO_FONT_SONG]);
        EXPECT(f->role[LO_FONT_XIAOBIAOSONG] == f->role[LO_FONT_SONG]);
        EXPECT(f->role[LO_FONT_SONG]->advance[0x4E2D] == 1000);
        EXPECT(f->role[LO_FONT_SONG]->advance['A'] == 500);
    }
    pdf_fonts_free(f);
    diags_free(&d);
}

TEST(picks_the_role_font_then_fallbacks)
{
    zb_diags d = {0};
    zb_status st;
    pdf_fonts *f = load("", &d, &st);
    EXPECT(st == ZB_OK && f);
    if (f) {
        EXPECT(pdf_fonts_pick(f, LO_FONT_SONG, 0x4E2D) ==
               f->role[LO_FONT_SONG]);
        /* Droid Sans Fallback has no digits: a sans fallback (DejaVu
           Sans) draws them, not the serif 宋体 */
        EXPECT(f->role[LO_FONT_HEI]->gid['4'] == 0);
        EXPECT(f->fallback_count > 0 &&
               pdf_fonts_pick(f, LO_FONT_HEI, '4') == f->fallback[0]);
        EXPECT(pdf_fonts_pick(f, LO_FONT_HEI, 0x4E2D) ==
               f->role[LO_FONT_HEI]);
        const pdf_face *euro = pdf_fonts_pick(f, LO_FONT_SONG, 0x20AC);
        EXPECT(euro && euro != f->role[LO_FONT_SONG]);
        EXPECT(pdf_fonts_pick(f, LO_FONT_SONG, 0x20000) == NULL);
        EXPECT(pdf_fonts_pick(f, LO_FONT_SONG, 0xE000) == NULL);
    }
    pdf_fonts_free(f);
    diags_free(&d);
}

TEST(configuration_maps_roles_to_files)
{
    zb_diags d = {0};
    zb_status st;
    pdf_fonts *f = load("黑体 = /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc:1\n"
                        "  后备 =/usr/share/fonts/truetype/arphic-gkai00mp/"
                        "gkai00mp.ttf  \n", &d, &st);
    EXPECT(st == ZB_OK && f);
    if (f) {
        EXPECT(f->role[LO_FONT_HEI]->index == 1);
        EXPECT(f->fallback_count >= 2);
        EXPECT(strstr(f->fallback[0]->path, "gkai00mp.ttf") != NULL);
        /* the configured fallback is the 楷体 file: one face */
        EXPECT(f->fallback[0] == f->role[LO_FONT_KAI]);
    }
    pdf_fonts_free(f);
    diags_free(&d);
}

TEST(reports_bad_configurations)
{
    zb_diags d = {0};
    zb_status st;
    pdf_fonts *f = load("草书 = a.ttf\n宋体\n黑体 = b.ttc:x\n", &d, &st);
    EXPECT(st == ZB_ERR_USAGE && !f);
    EXPECT(d.errors == 3);
    EXPECT(d.count == 3 && d.items[0].line == 1 && d.items[2].line == 3);
    EXPECT(d.count && strstr(d.items[0].message, "不是字体角色"));
    diags_free(&d);
    f = load("楷体 = /nonexistent/kai.ttf\n", &d, &st);
    EXPECT(st == ZB_ERR_FONT && !f);
    EXPECT(d.count == 1 && strstr(d.items[0].message, "楷体") &&
           strstr(d.items[0].message, "/nonexistent/kai.ttf") &&
           strstr(d.items[0].message, "不存在"));
    diags_free(&d);
}

int main(void)
{
    RUN(defaults_cover_every_role);
    RUN(picks_the_role_font_then_fallbacks);
    RUN(configuration_maps_roles_to_files);
    RUN(reports_bad_configurations);
    return test_summary();
}
