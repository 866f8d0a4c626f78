/*
 * aggregate.h - the county copyright bureau's roll-up of many units'
 * submission bundles (`zhengban aggregate`).
 *
 * Each bundle is read and checked (bundle.h: its SHA256SUMS), its facts
 * checked against forms/facts.xsd and added up (rollup.h); then the
 * county's 统计表 - 附件5 laid out by the form's own catalogue entry and
 * stylesheet - and the table of units are written as PDF and XLSX into
 * the output folder (outdir.h: staged, only changed files rewritten,
 * SHA256SUMS listing the bundles). Nothing is written unless every bundle
 * passes.
 */
#ifndef ZB_AGGREGATE_H
#define ZB_AGGREGATE_H

#include <stddef.h>

#include "../batch/outdir.h"
#include "../core/diag.h"
#include "../core/status.h"
#include "rollup.h"

typedef struct zb_aggregator zb_aggregator;

typedef struct aggregate_job {
    const char *const *bundles; /* the bundle files */
    size_t count;
    rollup_header header;       /* the county's 单位名称, 填表人, 联系电话 */
    const char *dir;            /* the output folder */
    /* Told the staging folder before anything is written into it (to
       remove it should the process die); may be NULL. */
    void (*staging)(const char *path, void *arg);
    outdir_report report;       /* each file of the folder; may be NULL */
    void *arg;
} aggregate_job;

/* Prepare what every roll-up needs, from the data directory DATADIR: the
   facts schema, the catalogue's 附件5 stylesheet and the table of units',
   and the fonts (configuration FONTS, or the default search when NULL).
   Free with aggregate_close(). */
zb_status aggregate_open(const char *datadir, const char *fonts,
                         zb_diags *diags, zb_aggregator **out);

/* Do JOB with A. ZB_ERR_INVALID (nothing written) when a bundle fails its
   checks: checksums, schema version, schema, the same unit twice, another
   year; ZB_ERR_IO when a bundle cannot be read; else what writing
   returns. */
zb_status aggregate_write(const zb_aggregator *a, const aggregate_job *job,
                          zb_diags *diags);

/* Release A; NULL is allowed. */
void aggregate_close(zb_aggregator *a);

#endif
