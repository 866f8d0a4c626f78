/*
 * outdir.h - one output folder, regenerated safely.
 *
 *     zb_outdir *d;
 *     outdir_open("out/桐川县医疗保障局-2023", &diags, &d);
 *     ... write every output into outdir_staging(d) ...
 *     outdir_commit(d, &inputs, true, changed, arg, &diags);
 *     outdir_close(d);
 *
 * A build writes into a staging folder inside the output folder
 * (.zhengban-staging-XXXXXX) and only then moves its files into place, so
 * a build that is interrupted or fails leaves the folder as the last build
 * left it. A file whose new bytes equal the old is not moved, so its
 * modification time shows the last build that changed it. The folder's
 * SHA256SUMS lists every output with its SHA-256 and the inputs (the
 * ledger); the next build reads it to know which files are its own.
 * Nothing else in the folder is ever touched: only names that SHA256SUMS
 * listed are removed, and only plain file names of the folder.
 */
#ifndef ZB_OUTDIR_H
#define ZB_OUTDIR_H

#include <stdbool.h>

#include "../core/diag.h"
#include "../core/status.h"
#include "../core/sums.h"

/* What a build did to one file of the folder. */
typedef enum outdir_change {
    OUTDIR_UPDATED,   /* new, or new bytes */
    OUTDIR_UNCHANGED, /* the same bytes: left alone */
    OUTDIR_REMOVED    /* the previous build wrote it, this one did not */
} outdir_change;

/* Told of each file of a commit: its name in the folder, what happened. */
typedef void (*outdir_report)(const char *name, outdir_change change,
                              void *arg);

typedef struct zb_outdir zb_outdir;

/* The name of the folder of a ledger of the unit UNIT for YEAR:
   "<unit>-<year>", the unit's name made a safe file name ('/' and
   control characters as '_', no leading '.'). Free it. */
char *outdir_name(const char *unit, int year);

/* Open the output folder PATH: create it when missing, wait while another
   zhengban builds into it (a lock on the folder), read the SHA256SUMS of
   the previous build, remove the staging folders of a build that was
   killed, and make a new staging folder. Close with outdir_close(). */
zb_status outdir_open(const char *path, zb_diags *diags, zb_outdir **out);

/* The staging folder: where the build writes its outputs. */
const char *outdir_staging(const zb_outdir *d);

/* The path of the file PATH relative to the folder of D
   ("../../台账.xml"), to name an input in SHA256SUMS; NULL when PATH
   cannot be resolved or memory runs out. Free it. */
char *outdir_relative(const zb_outdir *d, const char *path);

/* Move the outputs in the staging folder into the folder (an output
   equal to the folder's copy is dropped instead) and write SHA256SUMS:
   the outputs and INPUTS (names relative to the folder). With PRUNE the
   outputs the previous SHA256SUMS listed and this build did not write are
   removed; without it (a build of some forms only, or one that failed)
   they stay, with their lines. REPORT (may be NULL) is told of each
   output in name order, then of each removal. SIGINT and SIGTERM wait
   until the folder is whole again (interrupt_hold()). */
zb_status outdir_commit(zb_outdir *d, const zb_sums *inputs, bool prune,
                        outdir_report report, void *arg, zb_diags *diags);

/* Remove the staging folder with what is left in it, release the lock
   and D; NULL is allowed. */
void outdir_close(zb_outdir *d);

#endif
