/*
 * checks.h - the check functions of the ledger rules (private to
 * src/rules). Each checks one rule over the whole ledger in O(n log n) and
 * reports every breach with rules_report().
 */
#ifndef ZB_CHECKS_H
#define ZB_CHECKS_H

#include "rules.h"

/* checks_software.c */
zb_status check_commercial_numbers(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_oem_numbers(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_free_numbers(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_serials(zb_rule_ctx *ctx, const zb_rule *rule);

/* checks_log.c */
zb_status check_log_order(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_log_double(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_log_acquired(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_log_disposed(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_log_as_of(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_log_software_disposed(zb_rule_ctx *ctx, const zb_rule *rule);

/* checks_authority.c */
zb_status check_requests(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_upgrade_requests(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_deployments(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_upgrade_pairs(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_confirmations(zb_rule_ctx *ctx, const zb_rule *rule);

/* checks_unit.c */
zb_status check_leadership(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_revisions(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_signer(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_topics(zb_rule_ctx *ctx, const zb_rule *rule);
zb_status check_form_numbers(zb_rule_ctx *ctx, const zb_rule *rule);

#endif
