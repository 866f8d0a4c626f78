#include "xml_load.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libexslt/exslt.h>
#include <libxslt/xslt.h>

#include "../core/fileio.h"

typedef struct load_state {
    zb_diags *diags;
    const char *name;
    const char *data; /* the input, to tell an empty file from a cut one */
    size_t len;
    int reported; /* the first error was reported; later ones follow from it */
} load_state;

void xml_init(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
    exsltRegisterAll();
}

void xml_cleanup(void)
{
    xsltCleanupGlobals();
    xmlCleanupParser();
}

static int is_blank(const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", data[i]))
            return 0;
    return 1;
}

/* A Chinese explanation of the libxml2 error ERR, or NULL for the generic
   message. AT_END: the parser stopped at the end of the input. */
static const char *explain_error(const xmlError *err, const load_state *s,
                                 int at_end)
{
    if (err->code == XML_ERR_DOCUMENT_EMPTY)
        return is_blank(s->data, s->len) ? "文件为空，不是 XML 文档"
                                         : "文件不完整（可能被截断）：没有根元素";
    if (at_end)
        return "文件不完整（可能被截断）：文件在标记或元素结束之前就结束了";
    if (err->message && strstr(err->message, "xmlParseEntityRef"))
        return "文本中的 & 须写成 &amp;（台账中只能使用 &lt; &gt; &amp; "
               "&quot; &apos; 与字符引用）";
    switch (err->code) {
    case XML_ERR_DOCUMENT_END:
        return "根元素结束后还有多余内容";
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
        return "文件不完整（可能被截断）：元素没有结束";
    case XML_ERR_TAG_NAME_MISMATCH:
        return "结束标签与开始标签不一致";
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
        return "文件不是有效的 UTF-8 编码（请另存为 UTF-8，或在 XML 声明中写明 "
               "encoding）";
    case XML_ERR_UNSUPPORTED_ENCODING:
        return "不支持 XML 声明中的编码";
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
        return "引用了未定义的实体（台账中只能使用 &lt; &gt; &amp; &quot; "
               "&apos; 与字符引用）";
    case XML_ERR_ATTRIBUTE_REDEFINED:
        return "同一元素的属性重复";
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
        return "属性值缺少引号";
    case XML_ERR_LT_IN_ATTRIBUTE:
        return "属性值中不能出现 <";
    case XML_ERR_NAME_REQUIRED:
        return "标签名缺失或不合法";
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        return "实体引用缺少分号（文本中的 & 应写成 &amp;）";
    }
    return NULL;
}

/* Does the input stop inside markup (a document ends with '>') with the
   error on its last line? Then the file was cut short. */
static int cut_short(const load_state *s, const xmlError *err)
{
    size_t n = s->len;
    while (n && strchr(" \t\r\n", s->data[n - 1]))
        n--;
    if (n == 0 || s->data[n - 1] == '>')
        return 0;
    long last = 1;
    for (size_t i = 0; i < n; i++)
        last += s->data[i] == '\n';
    return err->line >= last;
}

static void on_error(void *user, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = user;
    load_state *s = ctxt->_private;
    if (err->level == XML_ERR_WARNING || s->reported)
        return;
    s->reported = 1;
    int at_end = (ctxt->input && ctxt->input->cur >= ctxt->input->end) ||
                 cut_short(s, err);
    const char *why = explain_error(err, s, at_end);
    const char *msg = err->message ? err->message : "无法解析";
    int n = (int)strcspn(msg, "\n");
    if (why)
        diags_add(s->diags, s->name, err->line, err->int2, DIAG_ERROR,
                  "xml", "XML 格式错误：%s", why);
    else
        diags_add(s->diags, s->name, err->line, err->int2, DIAG_ERROR,
                  "xml", "XML 格式错误：%.*s", n, msg);
}

static void on_internal_subset(void *user, const xmlChar *name,
                               const xmlChar *external_id,
                               const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xmlParserCtxtPtr ctxt = user;
    load_state *s = ctxt->_private;
    if (!s->reported)
        diags_add(s->diags, s->name, xmlSAX2GetLineNumber(ctxt),
                  xmlSAX2GetColumnNumber(ctxt), DIAG_ERROR, "xml-doctype",
                  "不允许 DOCTYPE 声明：文档不得声明 DTD 或实体（为防止外部实体"
                  "读取文件和实体膨胀攻击，已停止解析）");
    s->reported = 1;
    xmlStopParser(ctxt);
}

zb_status xml_load_memory(const char *data, size_t len, const char *name,
                          zb_diags *diags, xmlDocPtr *doc)
{
    *doc = NULL;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return ZB_ERR_NOMEM;
    load_state state = {.diags = diags, .name = name, .data = data, .len = len};
    ctxt->_private = &state;
    ctxt->sax->serror = on_error;
    ctxt->sax->internalSubset = on_internal_subset;
    int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA |
                  XML_PARSE_COMPACT;
    if (len > (size_t)INT_MAX) {
        diags_add(diags, name, 0, 0, DIAG_ERROR, NULL, "文件过大（超过 2 GB）");
        xmlFreeParserCtxt(ctxt);
        return ZB_ERR_IO;
    }
    xmlDocPtr result = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
                                         options);
    int ok = result && ctxt->wellFormed && !state.reported;
    xmlFreeParserCtxt(ctxt);
    if (!ok) {
        xmlFreeDoc(result);
        if (!state.reported)
            diags_add(diags, name, 0, 0, DIAG_ERROR, "xml",
                      "XML 格式错误：无法解析");
        return ZB_ERR_PARSE;
    }
    *doc = result;
    return ZB_OK;
}

zb_status xml_load_file(const char *path, zb_diags *diags, xmlDocPtr *doc)
{
    char *data;
    size_t len;
    *doc = NULL;
    zb_status st = file_read_all(path, &data, &len, diags);
    if (st != ZB_OK)
        return st;
    st = xml_load_memory(data, len, path, diags, doc);
    free(data);
    return st;
}

long xml_node_line(xmlNodePtr node)
{
    /* Past line 65535 libxml2 keeps lines only in text nodes (their psvi);
       the whitespace before an element ends on the element's line. */
    xmlNodePtr prev = node->prev;
    if (node->type == XML_ELEMENT_NODE && node->line == 65535 && prev &&
        prev->type == XML_TEXT_NODE && prev->psvi)
        return (long)(ptrdiff_t)prev->psvi;
    return xmlGetLineNo(node);
}
