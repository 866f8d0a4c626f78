/* Rules on the software catalogue: numbering (台账管理规定 一.3, 一.5,
   一.8) and serial numbers. */
#include "checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "../core/buf.h"

/* Append S to B as compared for "the same name": ASCII letters in lower
   case, whitespace dropped ("WPS  Office" is "wps office" is "wpsoffice"). */
static void append_folded(zb_buf *b, const char *s)
{
    for (; s && *s; s++) {
        char c = *s;
        if (c == ' ' || c == '\t')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        buf_append(b, &c, 1);
    }
    buf_append(b, "\x1f", 1);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Everything 一.3 compares: name, version and the purchase data. */
static zb_status commercial_key(const zb_software *sw, zb_buf *key)
{
    const zb_commercial *c = &sw->commercial;
    append_folded(key, sw->name);
    append_folded(key, sw->version);
    buf_printf(key, "%d\x1f%d\x1f%lld\x1f", c->donated, (int)c->purchased,
               (long long)c->amount);
    append_folded(key, c->license_type);
    buf_printf(key, "%d\x1f", c->license_count);
    append_folded(key, c->usable_versions);
    buf_printf(key, "%d\x1f", (int)c->term_end);
    const char **serials = malloc((c->nserials + 1) * sizeof *serials);
    if (!serials)
        return ZB_ERR_NOMEM;
    for (size_t i = 0; i < c->nserials; i++)
        serials[i] = c->serials[i].text;
    qsort(serials, c->nserials, sizeof *serials, compare_strings);
    for (size_t i = 0; i < c->nserials; i++)
        append_folded(key, serials[i]);
    free(serials);
    return key->failed ? ZB_ERR_NOMEM : ZB_OK;
}

static zb_status oem_key(const zb_software *sw, zb_buf *key)
{
    append_folded(key, sw->name);
    append_folded(key, sw->version);
    return key->failed ? ZB_ERR_NOMEM : ZB_OK;
}

static zb_status free_key(const zb_software *sw, zb_buf *key)
{
    append_folded(key, sw->name);
    return key->failed ? ZB_ERR_NOMEM : ZB_OK;
}

/* Report every entry of KIND (element ELEM) whose KEY equals an earlier
   entry's, with MESSAGE ("%s（%s）…第 %ld 行的 %s"). */
static zb_status find_twins(zb_rule_ctx *ctx, const zb_rule *rule,
                            zb_software_kind kind, const char *elem,
                            zb_status (*key_of)(const zb_software *, zb_buf *),
                            const char *message)
{
    const zb_ledger *l = ctx->ledger;
    xmlHashTablePtr seen = xmlHashCreate((int)l->nsoftware + 1);
    if (!seen)
        return ZB_ERR_NOMEM;
    zb_buf key = {0};
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nsoftware && st == ZB_OK; i++) {
        const zb_software *sw = &l->software[i];
        if (sw->kind != kind)
            continue;
        buf_reset(&key);
        st = key_of(sw, &key);
        if (st != ZB_OK)
            break;
        const zb_software *twin =
            xmlHashLookup(seen, (const xmlChar *)key.data);
        if (twin)
            st = rules_report(ctx, rule, sw->line, elem, "id", message, sw->id,
                              sw->name, twin->line, twin->id);
        else if (xmlHashAddEntry(seen, (const xmlChar *)key.data, (void *)sw))
            st = ZB_ERR_NOMEM;
    }
    buf_free(&key);
    xmlHashFree(seen, NULL);
    return st;
}

zb_status check_commercial_numbers(zb_rule_ctx *ctx, const zb_rule *rule)
{
    return find_twins(
        ctx, rule, SOFTWARE_COMMERCIAL, "commercial", commercial_key,
        "商业软件 %s（%s）与第 %ld 行的 %s 名称、版本和采购信息"
        "（采购时间、金额、许可类型、许可数量、可使用版本、许可期限、"
        "序列号）完全相同，是同一批软件，应使用同一个软件编号");
}

zb_status check_oem_numbers(zb_rule_ctx *ctx, const zb_rule *rule)
{
    return find_twins(
        ctx, rule, SOFTWARE_OEM, "oem", oem_key,
        "随机预装软件 %s（%s）与第 %ld 行的 %s 名称、版本相同，应使用"
        "同一个软件编号，在其下登记全部所随计算机");
}

zb_status check_free_numbers(zb_rule_ctx *ctx, const zb_rule *rule)
{
    return find_twins(ctx, rule, SOFTWARE_FREE, "free", free_key,
                      "免费软件 %s（%s）与第 %ld 行的 %s 名称相同，不论版本都应"
                      "使用同一个软件编号");
}

zb_status check_serials(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    xmlHashTablePtr known = xmlHashCreate(64);
    if (!known)
        return ZB_ERR_NOMEM;
    zb_status st = ZB_OK;
    char index[24];
    for (size_t i = 0; i < l->nsoftware && st == ZB_OK; i++) {
        snprintf(index, sizeof index, "%zu", i);
        const zb_commercial *c = &l->software[i].commercial;
        for (size_t k = 0; k < c->nserials && st == ZB_OK; k++)
            if (!xmlHashLookup2(known, (const xmlChar *)index,
                                (const xmlChar *)c->serials[k].text) &&
                xmlHashAddEntry2(known, (const xmlChar *)index,
                                 (const xmlChar *)c->serials[k].text,
                                 (void *)1) < 0)
                st = ZB_ERR_NOMEM;
    }
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[i];
        if (!e->serial || e->software == ZB_NONE)
            continue;
        const zb_software *sw = &l->software[e->software];
        snprintf(index, sizeof index, "%d", e->software);
        if (sw->kind != SOFTWARE_COMMERCIAL)
            st = rules_report(ctx, rule, e->line, "event", "serial",
                              "%s（%s）不是商业软件，不登记序列号", sw->id,
                              sw->name);
        else if (!xmlHashLookup2(known, (const xmlChar *)index,
                                 (const xmlChar *)e->serial))
            st = rules_report(ctx, rule, e->line, "event", "serial",
                              "序列号“%s”不是商业软件 %s（%s）登记的序列号",
                              e->serial, sw->id, sw->name);
    }
    xmlHashFree(known, NULL);
    return st;
}
