/* Unit tests for src/parse/source: finding the column of an element or
   attribute from the line libxml2 gives. */
#include "test.h"

#include "parse/source.h"

static zb_source src;

static void use(const char *text)
{
    source_free(&src);
    EXPECT(source_set(&src, "t.xml", text, strlen(text)) == ZB_OK);
}

static void at(long line, const char *elem, const char *attr, long want_line,
               int want_col)
{
    int col;
    source_locate(&src, &line, &col, elem, attr);
    EXPECT(line == want_line && col == want_col);
    if (line != want_line || col != want_col)
        printf("    %s@%s: got %ld:%d, want %ld:%d\n", elem, attr ? attr : "-",
               line, col, want_line, want_col);
}

TEST(locate_single_line_tags)
{
    use("<log>\n  <event a=\"1\" computer=\"PC-1\"/>\n</log>\n");
    at(2, "event", NULL, 2, 3);
    at(2, "event", "computer", 2, 16);
    at(2, "event", "a", 2, 10);
    at(2, "event", "missing", 2, 3);
}

TEST(locate_counts_characters_not_bytes)
{
    use("<a>\n  <p name=\"软件\" x=\"1\"/>\n</a>\n");
    at(2, "p", "x", 2, 16);
    use("\xEF\xBB\xBF<a b=\"1\"/>\n");
    at(1, "a", "b", 1, 4);
}

TEST(locate_multi_line_start_tag)
{
    /* libxml2 names the line where the start tag ends */
    use("<a>\n  <event\n     software=\"X\"\n     computer=\"Y\"/>\n</a>\n");
    at(4, "event", NULL, 2, 3);
    at(4, "event", "computer", 4, 6);
    at(4, "event", "software", 3, 6);
    at(2, "event", "computer", 4, 6);
}

TEST(locate_skips_quoted_values_and_prefixes)
{
    use("<z:ledger xmlns:z=\"u\">\n<z:event note='a > b computer=\"no\"' "
        "computer=\"PC\"/></z:ledger>\n");
    at(2, "event", "computer", 2, 37);
    at(1, "ledger", NULL, 1, 1);
    use("<a><eventual x=\"1\"/><event x=\"2\"/></a>\n");
    at(1, "event", "x", 1, 28);
}

TEST(locate_unknown_keeps_line)
{
    use("<a>\n<b/>\n</a>\n");
    at(2, "nothing", NULL, 2, 0);
    at(99, "b", NULL, 99, 0);
    at(0, "b", NULL, 0, 0);
}

int main(void)
{
    RUN(locate_single_line_tags);
    RUN(locate_counts_characters_not_bytes);
    RUN(locate_multi_line_start_tag);
    RUN(locate_skips_quoted_values_and_prefixes);
    RUN(locate_unknown_keeps_line);
    source_free(&src);
    return test_summary();
}
