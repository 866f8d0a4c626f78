/*
 * audit_checks.h - the checks of the audit (private to src/derive).
 *
 * Each check reads the ledger and the history over the report year up to
 * the as-of date and adds a finding for each breach with audit_add(),
 * then fills it in with audit_key() and audit_say(). A failed allocation
 * is kept in the context: the helpers do nothing after it and the check
 * returns ctx->status at its end.
 */
#ifndef ZB_AUDIT_CHECKS_H
#define ZB_AUDIT_CHECKS_H

#include "audit.h"

typedef struct audit_ctx {
    const zb_ledger *l;
    const zb_history *h;
    zb_date year_start; /* 1 January of the report year */
    zb_date as_of;
    zb_finding *findings;
    size_t nfindings, cap;
    zb_arena *arena;
    zb_status status;
} audit_ctx;

/* A check: add every breach of CHECK to CTX. Returns ctx->status. */
typedef zb_status audit_check_fn(audit_ctx *ctx, const zb_audit_check *check);

/* A new finding of CHECK at LEVEL on LINE about COMPUTER and SOFTWARE
   (either may be ZB_NONE); its department and person are the computer's
   (its department and its user). NULL when out of memory. The pointer is
   good until the next audit_add(). */
zb_finding *audit_add(audit_ctx *ctx, const zb_audit_check *check,
                      zb_level level, long line, int computer, int software);

/* Set F's id: the check's id, ':' and the formatted ledger ids. */
void audit_key(audit_ctx *ctx, zb_finding *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Set F's text. */
void audit_say(audit_ctx *ctx, zb_finding *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Who computer C is for a reader: its user's name, else its department's
   name, else "无使用人". */
const char *audit_holder(const zb_ledger *l, int c);

/* Whether COPY is installed at the end of some day from FROM to UNTIL
   (both included). */
int audit_present(const zb_copy *copy, zb_date from, zb_date until);

/* audit_licences.c */
audit_check_fn audit_check_over_deployed, audit_check_expired,
    audit_check_unlicensed, audit_check_oem_moved, audit_check_oem_home,
    audit_check_serials, audit_check_no_os;

/* audit_records.c */
audit_check_fn audit_check_unauthorised, audit_check_pledges,
    audit_check_ledger_updates, audit_check_demand_gaps;

#endif
