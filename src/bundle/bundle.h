/*
 * bundle.h - the submission bundle (报送包): what a unit sends to the county
 * copyright bureau, one zip file holding one folder <unit>-<year>/:
 *
 *     公文-report-2023.pdf                     the year-end report
 *     附件05-软件正版化工作信息统计表.pdf, .xlsx
 *     附件NN-<title>.pdf                        every other form
 *     facts.xml                                the derived facts
 *                                              (forms/facts.xsd)
 *     SHA256SUMS                               every file above, and the
 *                                              ledger's line: ../<its name>
 *
 * Licence serial numbers are masked in every file (mask.h) unless the unit
 * asks otherwise. The same ledger gives the same bytes: entries in name
 * order, one date (the ledger's as-of date), deflate level 9.
 */
#ifndef ZB_BUNDLE_H
#define ZB_BUNDLE_H

#include <stdbool.h>

#include "../core/diag.h"
#include "../core/status.h"
#include "../core/zipfile.h"
#include "../forms/build.h"

/* The file of the facts in a bundle's folder. */
#define BUNDLE_FACTS "facts.xml"

/* Write the bundle of the ledger IN (from build_load()), read from the
   file LEDGER, to PATH; its files are made in the empty folder
   SCRATCH first. Serial numbers are masked unless WITH_SERIALS (IN's
   document is masked in place). PATH keeps its bytes and time when they
   would not change: *CHANGED says whether it was written. */
zb_status bundle_write(const zb_builder *b, build_input *in,
                       const char *ledger, bool with_serials,
                       const char *scratch, const char *path, bool *changed,
                       zb_diags *diags);

/* A bundle read back: its files, each checked against its SHA256SUMS. */
typedef struct zb_bundle {
    zipfile_entries entries;
    const zipfile_entry *facts; /* <folder>/facts.xml */
} zb_bundle;

/* Read the bundle PATH and check it: one folder, a SHA256SUMS in it that
   lists every other file with its SHA-256 (and the ledger's line), and
   facts.xml. Anything else is ZB_ERR_INVALID with a diagnostic that says
   what does not match. Release OUT with bundle_free() whatever the
   result. */
zb_status bundle_read(const char *path, zb_bundle *out, zb_diags *diags);

void bundle_free(zb_bundle *bundle);

#endif
