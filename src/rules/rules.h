/*
 * rules.h - the ledger rules, one entry per rule.
 *
 * Every rule a ledger can break has one zb_rule entry: a stable id, a
 * severity, the article it comes from (and its words), what is checked
 * and, for rules that XSD 1.0 cannot express, the C function that checks
 * it. Rules the schema enforces
 * (forms/ledger.xsd names them in xs:appinfo) have an entry without a
 * function, so that their diagnostics carry the same article.
 *
 * Ids: tz-… 软件台账管理规定, az-… 软件安装维护管理规定, zr-… 软件正版化
 * 工作责任制度, log-… the event log, key-…/ref-… keys and references,
 * gw-… 党政机关公文, schema… the structure itself.
 *
 * A second table of the same entry type can hold other checks over the
 * same model: rules_run() takes any table. (The audit's compliance
 * findings are records rather than diagnostics and need the derived
 * history, so they have a table of their own: src/derive/audit.h.)
 */
#ifndef ZB_RULES_H
#define ZB_RULES_H

#include <stddef.h>

#include "../core/diag.h"
#include "../parse/ledger.h"
#include "../parse/source.h"

/* What a check reads and where it reports. */
typedef struct zb_rule_ctx {
    const zb_ledger *ledger;
    const zb_source *source; /* file name, and text for columns */
    zb_diags *diags;
} zb_rule_ctx;

typedef struct zb_rule zb_rule;

struct zb_rule {
    const char *id;      /* "tz-1.3" */
    zb_severity severity;
    const char *article; /* "《软件台账管理规定》一.3"; NULL when the rule is
                            the schema's own */
    const char *quote;   /* the article's words, verbatim; NULL without one */
    const char *text;    /* what is checked, one Chinese sentence */
    /* Check the ledger and report each breach with rules_report();
       returns ZB_OK or ZB_ERR_NOMEM. NULL: forms/ledger.xsd enforces it. */
    zb_status (*check)(zb_rule_ctx *ctx, const zb_rule *rule);
};

/* The ledger rules, in the order the README lists them. */
const zb_rule *rules_ledger(size_t *count);

/* The ledger rule ID, or NULL. */
const zb_rule *rules_find(const char *id);

/* Run the check of every entry of TABLE that has one. Returns ZB_OK or the
   first failure (ZB_ERR_NOMEM); breaches are diagnostics, not failures. */
zb_status rules_run(const zb_rule *table, size_t count, zb_rule_ctx *ctx);

/* Report a breach of RULE at the start tag of ELEM that ends on LINE (at
   its attribute ATTR when not NULL): the formatted message followed by the
   article. */
zb_status rules_report(zb_rule_ctx *ctx, const zb_rule *rule, long line,
                       const char *elem, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Add the diagnostic MESSAGE about the ledger rule ID at LINE:COL of SRC,
   with the rule's severity and article. For the schema validator. */
zb_status rules_add(zb_diags *diags, const zb_source *src, const char *id,
                    long line, int col, const char *message);

#endif
