/*
 * ledger.h - the ledger as C data, read from a schema-valid document.
 *
 * forms/ledger.xsd is the authority on what each field means; this header
 * says how it is held:
 *   - records are plain structs in arrays, in document order;
 *   - a reference to another record is its index in that record's array,
 *     or ZB_NONE when the ledger leaves it empty;
 *   - strings are UTF-8 with whitespace collapsed (as xs:token reads them),
 *     NULL when the field is not filled;
 *   - dates are zb_date (yyyymmdd, 0 = none), money is zb_money (分),
 *     counts are int;
 *   - defaults the schema states are already applied (an event's version
 *     is the catalogue version when not given, a serial's seats, the
 *     附件 numbers, a computer's department);
 *   - every record keeps `line`, the line of its start tag in the ledger
 *     file, for diagnostics and audit findings.
 * Everything lives in the ledger's own memory: the document may be freed
 * once the ledger is read. Nothing here is derived from the event log;
 * installation state and the 附件5 figures are src/derive's job.
 */
#ifndef ZB_LEDGER_H
#define ZB_LEDGER_H

#include <stddef.h>

#include <libxml/tree.h>

#include "../core/date.h"
#include "../core/diag.h"
#include "../core/money.h"
#include "../core/status.h"

#define ZB_NONE (-1)

/* The ledger's namespace; its last part is the schema version. */
#define LEDGER_NAMESPACE "urn:zhengban:ledger:1"

typedef enum zb_form {
    FORM_LEADERSHIP,   /* 附件1 软件正版化工作领导小组成员信息表 */
    FORM_PLEDGE,       /* 附件2 使用正版软件承诺书 */
    FORM_DEMAND,       /* 附件3 软件使用需求申请表 */
    FORM_PLAN,         /* 附件4 软件采购计划表 */
    FORM_STATISTICS,   /* 附件5 软件正版化工作信息统计表 */
    FORM_FREELIST,     /* 附件6 可使用免费软件清单 */
    FORM_SUMMARY,      /* 附件7 软件使用情况汇总表 */
    FORM_DETAIL,       /* 附件8 软件使用情况明细表 */
    FORM_LOG,          /* 附件9 软件安装维护情况明细表 */
    FORM_REQUEST,      /* 附件10 软件安装维护申请表 */
    FORM_CONFIRMATION, /* 附件11 软件安装维护确认单 */
    FORM_AUDIT,        /* 附件12 软件使用情况检查及考核评议表 (audit) */
    FORM_COUNT
} zb_form;

typedef enum zb_category {
    CATEGORY_OS,        /* 操作系统 */
    CATEGORY_OFFICE,    /* 办公 */
    CATEGORY_ANTIVIRUS, /* 杀毒 */
    CATEGORY_OTHER,     /* 其他 */
    CATEGORY_COUNT
} zb_category;

typedef enum zb_origin {
    ORIGIN_NONE,     /* not given (free software) */
    ORIGIN_DOMESTIC, /* 国内 */
    ORIGIN_FOREIGN   /* 国外 */
} zb_origin;

typedef struct zb_revision {
    zb_date date;
    int by;           /* staff */
    const char *note;
    long line;
} zb_revision;

typedef struct zb_department {
    const char *id;
    const char *name;
    int head;          /* staff, or ZB_NONE */
    const char *phone; /* the department's own phone; NULL: use the head's */
    const char *fax;
    long line;
} zb_department;

typedef struct zb_person {
    const char *id;
    const char *name;
    int dept;
    const char *post;
    const char *phone;
    zb_date pledged;   /* 承诺书 signed; 0: not signed */
    long line;
} zb_person;

typedef enum zb_leader_role {
    LEADER_HEAD,   /* 组长 */
    LEADER_DEPUTY, /* 副组长 */
    LEADER_MEMBER  /* 成员 */
} zb_leader_role;

typedef struct zb_member {
    int staff;
    zb_leader_role role;
    const char *fax;
    const char *note;
    long line;
} zb_member;

typedef enum zb_computer_kind {
    COMPUTER_SERVER,
    COMPUTER_DESKTOP,
    COMPUTER_LAPTOP
} zb_computer_kind;

typedef struct zb_computer {
    const char *id;
    zb_computer_kind kind;
    const char *brand;
    const char *model;
    int user;          /* staff, or ZB_NONE */
    int dept;          /* the user's department, else the dept attribute,
                          else ZB_NONE */
    zb_date acquired;
    zb_date disposed;  /* 0: in service */
    long line;
} zb_computer;

typedef enum zb_software_kind {
    SOFTWARE_COMMERCIAL, /* 商业软件 */
    SOFTWARE_OEM,        /* 随机预装软件 */
    SOFTWARE_FREE        /* 免费软件 */
} zb_software_kind;

typedef enum zb_disposal_reason {
    DISPOSAL_END_OF_LIFE, /* 达到使用年限 */
    DISPOSAL_OBSOLETE,    /* 技术进步 */
    DISPOSAL_HARDWARE     /* 硬件报废 */
} zb_disposal_reason;

typedef struct zb_serial {
    const char *text;
    int seats;         /* computers it may be installed on (default applied) */
    long line;
} zb_serial;

typedef struct zb_commercial {
    int donated;               /* 受赠/调剂: no purchase date or amount */
    const char *donation_kind; /* "受赠" or "调剂"; NULL when purchased */
    const char *donated_from;
    zb_date purchased;         /* 0 when donated */
    zb_money amount;           /* 分; 0 when donated */
    const char *license_type;
    int license_count;
    const char *usable_versions;
    zb_date term_end;          /* last day of the licence; 0: 永久 */
    const zb_serial *serials;
    size_t nserials;
    zb_date disposed;          /* 0: not disposed */
    zb_disposal_reason disposal_reason;
} zb_commercial;

typedef struct zb_oem {
    int home;                  /* 家庭版 */
    const int *machines;       /* computers it came with */
    size_t nmachines;
} zb_oem;

typedef struct zb_freeware {
    const char *source;
    const char *reason;
    int all_depts;             /* 全部门 */
    const int *depts;          /* when not all_depts */
    size_t ndepts;
} zb_freeware;

typedef struct zb_software {
    zb_software_kind kind;
    const char *id;            /* 软件编号 */
    const char *name;
    const char *version;       /* NULL for free software */
    zb_category category;
    zb_origin origin;          /* ORIGIN_NONE for free software */
    const char *vendor;
    const char *vendor_contact;
    zb_commercial commercial;  /* kind == SOFTWARE_COMMERCIAL */
    zb_oem oem;                /* kind == SOFTWARE_OEM */
    zb_freeware freeware;      /* kind == SOFTWARE_FREE */
    long line;
} zb_software;

typedef struct zb_review {
    int present;               /* the block is filled in */
    int by;                    /* staff */
    zb_date date;
    int agree;
    const char *text;
} zb_review;

typedef struct zb_need {
    int present;               /* this category's row is filled in */
    const char *purpose;
    const char *function;
    int count;
    const char *note;
    long line;
} zb_need;

typedef struct zb_demand {
    const char *id;
    int dept;
    int handler;               /* staff */
    zb_date date;
    zb_need needs[CATEGORY_COUNT]; /* the rows 操作系统/办公/杀毒/其他 */
    zb_review it_review;
    zb_review asset_review;
    long line;
} zb_demand;

typedef struct zb_plan_item {
    const char *name;
    const char *version;
    zb_category category;
    zb_money unit_price;       /* 分 */
    int count;
    const char *note;
    int software;              /* the commercial entry bought, or ZB_NONE */
    long line;
} zb_plan_item;

typedef struct zb_plan {
    const char *id;
    int handler;
    zb_date date;
    const zb_plan_item *items;
    size_t nitems;
    zb_review it_review;
    zb_review asset_review;
    zb_review finance_review;
    zb_review leader_approval;
    long line;
} zb_plan;

typedef enum zb_change_kind {
    CHANGE_INSTALL,
    CHANGE_UNINSTALL,
    CHANGE_UPGRADE
} zb_change_kind;

/* One change asked for or deployed: 原软件 (uninstall, upgrade) and
   新软件 (install, upgrade). Versions default to the catalogue's. */
typedef struct zb_change {
    zb_change_kind kind;
    int old_software;          /* ZB_NONE for an install */
    const char *old_version;
    int new_software;          /* ZB_NONE for an uninstall */
    const char *new_version;
    long line;
} zb_change;

typedef struct zb_deployment {
    const char *id;
    zb_date date;
    const char *title;
    int all_depts;
    const int *depts;
    size_t ndepts;
    const zb_change *changes;
    size_t nchanges;
    long line;
} zb_deployment;

typedef struct zb_request {
    const char *id;
    int applicant;             /* staff; 申请部门 and 电话 are theirs */
    zb_date date;
    int computer;
    zb_change change;
    const char *reason;
    zb_review dept_opinion;
    zb_review it_opinion;
    int approved;              /* both opinions present and agreeing */
    zb_date approved_on;       /* the later opinion's date when approved */
    long line;
} zb_request;

typedef struct zb_confirmation {
    const char *id;
    int computer;
    zb_date date;
    const char *result;        /* 完成情况 (default applied) */
    int signed_by;             /* staff; the computer's user when not given */
    zb_date signed_on;
    long line;
} zb_confirmation;

typedef enum zb_action {
    ACTION_INSTALL,
    ACTION_UNINSTALL
} zb_action;

typedef struct zb_event {
    zb_action action;
    int software;
    int computer;
    zb_date date;
    const char *version;       /* as given, else the catalogue version
                                  (NULL for free software without one) */
    int maintainer;            /* staff: 安装维护人 */
    int request;               /* ZB_NONE unless it cites a request */
    int deployment;            /* ZB_NONE unless it cites a deployment */
    int unauthorised;          /* recorded as done without authority */
    int confirmation;          /* ZB_NONE unless it cites a confirmation */
    const char *serial;        /* NULL when not given */
    long line;
} zb_event;

typedef struct zb_inspection {
    zb_date date;
    const char *title;
    int dept;
    const char *summary;
    long line;
} zb_inspection;

typedef struct zb_training {
    zb_date date;
    const char *title;
    const char *organiser;
    int attendees;             /* 0: not given */
    int external;
    long line;
} zb_training;

typedef enum zb_document_kind {
    DOCUMENT_REPORT,
    DOCUMENT_SYSTEMS_NOTICE,
    DOCUMENT_INSPECTION_NOTICE,
    DOCUMENT_GENERAL
} zb_document_kind;

/* The part of a document a body <section topic="..."> holds: a part the
   stylesheet of the document's kind writes (TOPIC_NONE: none). */
typedef enum zb_topic {
    TOPIC_NONE,
    TOPIC_RESPONSIBILITY, /* the report's parts */
    TOPIC_PROCUREMENT,
    TOPIC_USAGE,
    TOPIC_INSPECTION,
    TOPIC_TRAINING,
    TOPIC_PLAN,
    TOPIC_FINDINGS,       /* the inspection notice's: 检查发现的问题 */
    TOPIC_RATINGS,        /*                          考核评议结果 */
    TOPIC_COUNT
} zb_topic;

/* One <section> of a document's body, nested ones too, in document
   order. */
typedef struct zb_section {
    zb_topic topic;
    int depth;                 /* 1: a part of the body itself */
    int headed;                /* has a heading */
    long line;
} zb_section;

/* One entry of a document's 附件说明. */
typedef struct zb_attachment {
    zb_form form;              /* the form attached, or FORM_COUNT for a
                                  paper the unit adds itself */
    long line;
} zb_attachment;

/* The C view of a document: what checks, file names and the attached
   forms need. Its text (title, body, 版记) is laid out by the stylesheets
   from the ledger document itself. */
typedef struct zb_document {
    const char *id;
    zb_document_kind kind;
    int upward;                /* 上行文 */
    int signer;                /* staff, or ZB_NONE */
    int sealed;
    const char *title;
    zb_date date;              /* 成文日期 */
    const zb_section *sections;        /* of the body, in document order */
    size_t nsections;
    const zb_attachment *attachments;  /* in the order of the 附件说明 */
    size_t nattachments;
    long line;
} zb_document;

typedef enum zb_table {
    TABLE_DEPARTMENT,
    TABLE_STAFF,
    TABLE_COMPUTER,
    TABLE_SOFTWARE,
    TABLE_REQUEST,
    TABLE_DEPLOYMENT,
    TABLE_CONFIRMATION,
    TABLE_COUNT
} zb_table;

#define ZB_LIST(type, name) \
    const type *name;       \
    size_t n##name

typedef struct zb_ledger {
    int year;                  /* 报告年度 */
    zb_date as_of;             /* 填表日期 */
    const char *unit_name;
    int filler;                /* staff: 填表人 */
    int responsible_dept;      /* 负责软件正版化工作部门 (附件5 一) */
    int it_dept;               /* 信息化部门 */
    int assets_dept;           /* 资产部门 */
    int finance_dept;          /* 财务部门 */
    int form_number[FORM_COUNT]; /* "附件N" of each form */
    long form_number_line[FORM_COUNT]; /* the <numbering><form> that set
                                          it; 0 for the default */
    long leadership_line;
    ZB_LIST(zb_revision, revisions);
    ZB_LIST(zb_department, departments);
    ZB_LIST(zb_person, staff);
    ZB_LIST(zb_member, members);
    ZB_LIST(zb_computer, computers);
    ZB_LIST(zb_software, software);  /* commercial, then OEM, then free */
    ZB_LIST(zb_demand, demands);
    ZB_LIST(zb_plan, plans);
    ZB_LIST(zb_deployment, deployments);
    ZB_LIST(zb_request, requests);
    ZB_LIST(zb_confirmation, confirmations);
    ZB_LIST(zb_event, events);       /* in document order */
    ZB_LIST(zb_inspection, inspections);
    ZB_LIST(zb_training, trainings);
    ZB_LIST(zb_document, documents);
    struct ledger_store *store;      /* memory and id indexes (private) */
} zb_ledger;

/* Read the ledger in DOC, which must be valid against forms/ledger.xsd
   (schema_validate() said so). FILE names it in diagnostics. On success
   *OUT is the ledger; free it with ledger_free(). A document that is not
   valid after all gives ZB_ERR_INVALID and a diagnostic, never a crash. */
zb_status ledger_read(xmlDocPtr doc, const char *file, zb_ledger **out,
                      zb_diags *diags);

/* The index of the record whose id is ID in TABLE, or ZB_NONE. O(1). */
int ledger_find(const zb_ledger *ledger, zb_table table, const char *id);

/* The form called NAME in <numbering><form name> ("statistics"), or
   FORM_COUNT when no form has that name. */
zb_form ledger_form_find(const char *name);

/* The name of FORM ("statistics") and of a document's KIND ("report"), as
   the ledger writes them. */
const char *ledger_form_name(zb_form form);
const char *ledger_document_kind_name(zb_document_kind kind);

/* The name of TOPIC as the ledger writes it ("findings"; "" for
   TOPIC_NONE). */
const char *ledger_topic_name(zb_topic topic);

/* The ledger's words for CATEGORY ("操作系统", "办公", "杀毒", "其他") and
   ORIGIN ("国内", "国外"; "" for ORIGIN_NONE). */
const char *ledger_category_name(zb_category category);
const char *ledger_origin_name(zb_origin origin);

/* Release LEDGER and everything in it; NULL is allowed. */
void ledger_free(zb_ledger *ledger);

#endif
