/*
 * gen.h - the synthetic ledger generator (build/gen).
 *
 * A ledger is made in three passes over one gen_ledger:
 *   gen_unit()     the unit, its departments, staff, leadership group and
 *                  computers (bought over the years, some disposed and
 *                  replaced);
 *   gen_log()      three years of unified deployments and maintenance
 *                  requests simulated computer by computer, giving the
 *                  install log, requests and confirmations;
 *   gen_software() licence counts, amounts and serials from what the log
 *                  installed, and the procurement plans and demands;
 * then gen_write() prints it as XML valid against forms/ledger.xsd.
 * Everything comes from the PRNG seeded on the command line: the same
 * size and seed give the same bytes.
 */
#ifndef ZB_GEN_H
#define ZB_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "../../src/core/buf.h"
#include "../../src/core/date.h"
#include "../../src/core/status.h"

/* The ledger's calendar: set up in 2021, reported on for 2023. */
enum {
    GEN_START = 20210111, /* the ledger was set up (first revision) */
    GEN_YEAR = 2023,
    GEN_AS_OF = 20231225
};

/* ---- the PRNG (splitmix64: small, fast, the same on every machine) ---- */

typedef struct gen_rng {
    uint64_t state;
} gen_rng;

static inline uint64_t rng_next(gen_rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A number in [0, N). */
static inline int rng_below(gen_rng *r, int n)
{
    return n > 0 ? (int)(rng_next(r) % (uint64_t)n) : 0;
}

/* True with probability PERCENT / 100. */
static inline int rng_chance(gen_rng *r, int percent)
{
    return rng_below(r, 100) < percent;
}

/* ---- the size of a unit --------------------------------------------- */

typedef enum gen_kind_of_unit {
    UNIT_BUREAU,   /* a county bureau: 局领导 and 股室 */
    UNIT_HOSPITAL, /* 院领导, 职能科室 and clinical departments */
    UNIT_COLLEGE   /* 校领导, 机关部处 and 学院 */
} gen_kind_of_unit;

typedef struct gen_size {
    const char *name;     /* S, M, L, XL */
    int staff;
    int computers;
    int departments;
    gen_kind_of_unit kind;
    const char *unit;     /* 单位名称 */
    const char *region;   /* its county or city, for other units' names */
    const char *prefix;   /* of 计算机编号 */
    const char *agency;   /* 机关代字 of the documents */
} gen_size;

/* The size called NAME ("S", "M", "L", "XL"), or NULL. */
const gen_size *gen_size_find(const char *name);

/* ---- the records ------------------------------------------------------- */

typedef struct gen_dept {
    char id[16];
    char name[64];
    int head;           /* staff index */
    char phone[24];
} gen_dept;

typedef struct gen_person {
    char name[16];
    int dept;
    const char *post;
    char phone[12];
    zb_date pledged;    /* 0: not signed (a recent hire) */
} gen_person;

typedef enum gen_machine {
    MACHINE_SERVER,
    MACHINE_DESKTOP,
    MACHINE_LAPTOP
} gen_machine;

typedef struct gen_computer {
    char id[24];
    gen_machine kind;
    const char *brand;
    const char *model;
    int user;           /* staff, or -1 for a shared computer */
    int dept;           /* the user's department, or the shared one's */
    zb_date acquired;
    zb_date disposed;   /* 0: in service */
    int oem;            /* the OEM entry it came with, or -1 */
} gen_computer;

/* The software catalogue is fixed (gen_software.c); these are its
   entries' indexes, in the order the ledger lists them. */
typedef enum gen_sw {
    SW_WPS2019A, SW_WPS2019B, SW_WPS2023, SW_RX2021, SW_RX2022, SW_RX2023,
    SW_WINSERVER, SW_KYLINSERVER, SW_MSO2016, SW_MSO2021, SW_FOXITPRO,
    SW_YONYOU,
    SW_OEM_WIN7, SW_OEM_WIN10_1809, SW_OEM_WIN10_20H2, SW_OEM_WIN10_22H2,
    SW_OEM_WIN11, SW_OEM_HOME, SW_OEM_UOS, SW_OEM_KYLIN,
    SW_360, SW_360SD, SW_TENCENT, SW_FOXIT, SW_SOGOU, SW_HAOZIP, SW_WXWORK,
    SW_COUNT
} gen_sw;

typedef enum gen_sw_kind {
    KIND_COMMERCIAL,
    KIND_OEM,
    KIND_FREE
} gen_sw_kind;

/* What the ledger says of one catalogue entry besides its fixed text. */
typedef struct gen_holding {
    int installs;       /* installs in the log (for the licence count) */
    int count;          /* licence count */
    int machines;       /* OEM: computers it came with */
    int serials_used;   /* serials handed out to install events */
} gen_holding;

typedef struct gen_change {
    int kind;           /* 0 install, 1 uninstall, 2 upgrade */
    int from, to;       /* gen_sw, -1 when not part of the change */
    const char *from_version, *to_version;
} gen_change;

/* A unified deployment. Its changes are collected from the events that
   cite it, so that it lists exactly what was done. */
typedef struct gen_deployment {
    const char *id;
    zb_date date;
    const char *title;
    int dept;           /* the one department notified, or -1 for all */
    int depts_half;     /* notified: the departments of even index */
    gen_change changes[24];
    int nchanges;
} gen_deployment;

typedef struct gen_request {
    int applicant;
    zb_date date;
    int computer;
    gen_change change;
    const char *reason;
    int dept_head;      /* 本部门负责人 */
    zb_date dept_date;
    int it_head;
    zb_date it_date;
    int agree;          /* the IT department agreed */
    int seq;            /* for the id, in date order */
} gen_request;

typedef struct gen_confirmation {
    int computer;
    zb_date date;
    int seq;
} gen_confirmation;

typedef struct gen_event {
    zb_date date;
    int order;          /* creation order: breaks ties within a day */
    int uninstall;
    int software;       /* gen_sw */
    int computer;
    const char *version;/* free software only */
    int operator;       /* staff */
    int request;        /* or -1 */
    int deployment;     /* or -1 */
    int confirmation;   /* or -1 */
    int serial;         /* 1-based serial of the entry, or 0 */
    int unauthorised;
} gen_event;

#define GEN_LIST(type, name) \
    type *name;              \
    size_t n##name, cap_##name

typedef struct gen_ledger {
    const gen_size *size;
    gen_rng rng;
    GEN_LIST(gen_dept, depts);
    GEN_LIST(gen_person, staff);
    GEN_LIST(gen_computer, computers);
    GEN_LIST(gen_request, requests);
    GEN_LIST(gen_confirmation, confirmations);
    GEN_LIST(gen_event, events);
    gen_deployment *deployments;
    size_t ndeployments;
    int leaders[6];     /* staff: 组长, 副组长 x2, then 成员 */
    int it_dept, finance_dept, assets_dept;
    int operators[8];   /* staff of the IT department who install */
    int noperators;
    gen_holding holding[SW_COUNT];
} gen_ledger;

/* Grow the array LIST of L by one zeroed element and return it, or NULL. */
#define GEN_PUSH(l, list)                                        \
    gen_push((void **)&(l)->list, &(l)->n##list, &(l)->cap_##list, \
             sizeof *(l)->list)
void *gen_push(void **items, size_t *n, size_t *cap, size_t size);

/* ---- the passes --------------------------------------------------------- */

zb_status gen_unit(gen_ledger *l);
zb_status gen_log(gen_ledger *l);
void gen_software(gen_ledger *l);
zb_status gen_write(const gen_ledger *l, zb_buf *out);
void gen_free(gen_ledger *l);

/* ---- the catalogue (gen_software.c) ------------------------------------ */

typedef struct gen_product {
    const char *id;
    gen_sw_kind kind;
    const char *name;
    const char *version;     /* free software: the first version installed */
    const char *category;
    const char *origin;
    const char *vendor;
    const char *contact;
    zb_date bought;          /* 0: donated (commercial) */
    int price;               /* 元 per licence */
    const char *licence;     /* 许可类型 */
    const char *usable;      /* 可使用版本 */
    zb_date term;            /* 0: 永久 */
    const char *serial;      /* stem of its serial numbers */
    int serial_each;         /* one serial per licence (else one for all) */
} gen_product;

extern const gen_product gen_products[SW_COUNT];

/* The product one installs on DATE for KIND of entry: the WPS, the
   antivirus licence in force, a server's operating system. */
int gen_current_office(zb_date date);
int gen_current_antivirus(zb_date date);
int gen_current_server_os(zb_date date);

#endif
