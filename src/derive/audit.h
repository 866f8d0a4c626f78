/*
 * audit.h - the yearly compliance check: findings and 考核评议 grades.
 *
 * A valid ledger can still show a unit out of compliance. The audit reads
 * the ledger and its installation history and lists every finding: what is
 * wrong, the article it breaks (quoted verbatim from the unit's six
 * systems), how grave it is, the 股室 it counts against, the person,
 * computer and software concerned and the ledger line to look at. Each
 * 股室 then gets a grade of 《软件正版化考核评议制度》第九条 from its
 * findings, by the rule README ("考核评议") writes down for a leader to
 * apply by hand.
 *
 * The audit covers the report year up to the as-of date: what is wrong on
 * the as-of date is 严重 (serious) when it is the use of software without
 * a licence, and what happened during the year but was put right by the
 * as-of date is 一般 (general); see each check in audit.c.
 *
 * The findings are not ledger diagnostics (src/rules): they are records
 * with fields that the grades, the facts (forms/facts.xsd <audit>) and the
 * audit form read, and their checks need the history, which is derived
 * after the rules have run. So they have a model of their own here.
 *
 * Everything is O(n log n) in the events, copies and computers.
 */
#ifndef ZB_AUDIT_H
#define ZB_AUDIT_H

#include <stddef.h>

#include "../core/arena.h"
#include "../core/status.h"
#include "../parse/ledger.h"
#include "history.h"

/* How grave a finding is; the order is the order of the report. */
typedef enum zb_level {
    LEVEL_SERIOUS, /* 严重: software used without a licence on the as-of date */
    LEVEL_GENERAL, /* 一般: a breach of procedure, or one put right since */
    LEVEL_MINOR,   /* 轻微: paperwork */
    LEVEL_COUNT
} zb_level;

/* The grades of 《软件正版化考核评议制度》第九条, best first. */
typedef enum zb_grade {
    GRADE_EXCELLENT, /* 优秀 */
    GRADE_PASS,      /* 合格 */
    GRADE_BASIC,     /* 基本合格 */
    GRADE_FAIL       /* 不合格 */
} zb_grade;

struct audit_ctx;

/* One kind of finding: what the audit checks and the article it applies. */
typedef struct zb_audit_check {
    const char *id;      /* "over-deployed" */
    const char *name;    /* a short Chinese title, "超出许可数量安装" */
    const char *article; /* "《软件正版化考核评议制度》第三条" */
    const char *quote;   /* the article's words, verbatim */
    const char *text;    /* what is checked, one Chinese sentence */
    /* Add every breach (src/derive/audit_checks.h); ZB_OK or
       ZB_ERR_NOMEM. */
    zb_status (*run)(struct audit_ctx *ctx, const struct zb_audit_check *check);
} zb_audit_check;

typedef struct zb_finding {
    const zb_audit_check *check;
    zb_level level;
    const char *id;   /* stable: the check's id and the ledger ids
                         concerned, "no-pledge:s31" */
    int dept;         /* the 股室 it counts against, or ZB_NONE */
    int staff;        /* the person concerned, or ZB_NONE */
    int computer;     /* the computer concerned, or ZB_NONE */
    int software;     /* the software concerned, or ZB_NONE */
    long line;        /* the ledger line to look at */
    const char *text; /* what was found, one Chinese sentence */
} zb_finding;

/* What a 股室 (or the unit) lost points for: its findings of one check. */
typedef struct zb_reason {
    const zb_audit_check *check;
    int findings;
    int points; /* their deductions */
} zb_reason;

/* The grade of a 股室 (or of the whole unit). */
typedef struct zb_rating {
    int dept;                /* ZB_NONE for the unit */
    int counts[LEVEL_COUNT]; /* its findings by level */
    int score;               /* 100 less the deductions, at least 0 */
    zb_grade grade;
    const zb_reason *reasons; /* by check, in table order; only checks with
                                 findings */
    size_t nreasons;
} zb_rating;

typedef struct zb_audit {
    zb_finding *findings; /* by level, then department (ledger order, none
                             last), then check (table order), then line */
    size_t nfindings;
    zb_rating *ratings; /* one per department, in ledger order */
    size_t nratings;
    zb_rating unit;       /* all the findings of the unit */
    zb_reason *per_check; /* the findings of each check, in table order */
    zb_reason *reasons;   /* what the ratings' reasons point into */
    zb_arena arena;       /* the ids and texts */
} zb_audit;

/* The checks, in the order README lists them; *COUNT gets their number. */
const zb_audit_check *audit_checks(size_t *count);

/* Audit LEDGER, a ledger that passed front_load_file(), with HISTORY built
   from it, on its as-of date. ZB_OK and *OUT (free it with audit_free()),
   or ZB_ERR_NOMEM (then *OUT is empty). */
zb_status audit_run(const zb_ledger *ledger, const zb_history *history,
                    zb_audit *out);

/* The points a finding of LEVEL takes off (30, 15, 5). */
int audit_deduction(zb_level level);

/* The lowest score of GRADE (90, 80, 60, 0). */
int audit_grade_floor(zb_grade grade);

/* Rate COUNTS findings of each level: RATING gets them, its score and its
   grade (README "考核评议"); its reasons are left alone. */
void audit_rate(const int counts[LEVEL_COUNT], zb_rating *rating);

/* "严重", "一般", "轻微"; "优秀", "合格", "基本合格", "不合格". */
const char *audit_level_name(zb_level level);
const char *audit_grade_name(zb_grade grade);

/* Release AUDIT; the struct is empty afterwards. */
void audit_free(zb_audit *audit);

#endif
