/*
 * build.h - one ledger to every form of the catalogue, as PDF and XLSX.
 *
 *     zb_builder *b;
 *     build_open(datadir, CATALOG_PDF | CATALOG_XLSX, NULL, &diags, &b);
 *     build_ledger(b, &job, &diags);            once per ledger
 *     build_close(b);
 *
 * The builder holds what is prepared once per process: the ledger schema,
 * the catalogue, every compiled stylesheet and the fonts. build_ledger()
 * only reads it, so several threads may build different ledgers with one
 * builder.
 *
 * A ledger is checked first (parse, schema, ledger rules): an invalid one
 * gets the same diagnostics as `check` and nothing is written. Then, for
 * each chosen catalogue entry, its stylesheet runs on the ledger document,
 * the layout model is read from the result tree and each format is
 * rendered into DIR/附件NN-标题.pdf|xlsx, every file written atomically.
 */
#ifndef ZB_BUILD_H
#define ZB_BUILD_H

#include <stdbool.h>

#include "../core/diag.h"
#include "../core/status.h"
#include "../core/timing.h"
#include "../derive/facts.h"
#include "../pipeline/front.h"
#include "catalog.h"

typedef struct zb_builder zb_builder;

/* A format besides the catalogue's: the layout document of each form
   (DIR/附件NN-标题.layout.xml) as its stylesheet wrote it, for stylesheet
   authors; `zhengban render` draws it. */
enum { BUILD_LAYOUT = 4 };

typedef struct build_job {
    const char *ledger;  /* the ledger file */
    const char *dir;     /* output directory, created when missing */
    const char *forms;   /* "5,7" (the unit's 附件 numbers), catalogue
                            names ("statistics") or the ids of the
                            ledger's documents, comma-separated; NULL or ""
                            for every form and document */
    unsigned formats;    /* CATALOG_PDF | CATALOG_XLSX | BUILD_LAYOUT */
    bool blank;          /* empty forms to fill in by hand (no documents) */
    bool preprinted;     /* documents for paper with a printed letterhead */
    /* Called with the path of each file once it is in place; may be NULL. */
    void (*written)(const char *path, void *arg);
    void *arg;
    /* When not NULL, the time of each stage is added here: those of the
       front (read, parse, validate, model, rules), then derive, xslt,
       layout (reading the layout model), pdf and xlsx. */
    zb_timings *timings;
    /* Processes forked, once the facts are derived, to lay out and write
       outputs alongside this one (share.h); 0: this process writes them
       all. With helpers each stage's time is the sum of every process's,
       and written() hears of the files when all are written. */
    unsigned helpers;
} build_job;

/* Prepare a builder from the data directory DATADIR: compile the ledger
   schema and every stylesheet of the catalogue, and load the fonts (the
   configuration FONTS, or the default search when NULL) when FORMATS
   include PDF. Problems are installation or configuration faults, each
   with a diagnostic. Free the builder with build_close(). */
zb_status build_open(const char *datadir, unsigned formats, const char *fonts,
                     zb_diags *diags, zb_builder **out);

/* A ledger ready to build: checked, and once derived its facts, appended
   to its document (/l:ledger/f:facts) where the stylesheets read them -
   the large parts (facts_part) only while a form that reads them (the
   catalogue's facts attribute) is laid out. */
typedef struct build_input {
    zb_front front;   /* the ledger's bytes, document and model */
    zb_facts *facts;  /* NULL until derived (never for blank forms) */
} build_input;

/* Check the ledger PATH as `check` does, into OUT. Returns what
   front_load_file() returns; the stage times go to TIMINGS (NULL:
   nowhere). Release OUT with build_input_free() whatever the result. */
zb_status build_load(const zb_builder *b, const char *path,
                     zb_timings *timings, build_input *out, zb_diags *diags);

/* Derive the facts of IN and append them to its document, unless done
   already. ZB_OK, or the failure of facts_derive(). */
zb_status build_derive(build_input *in, zb_timings *timings, zb_diags *diags);

/* Write the outputs JOB chooses for the ledger IN, checked by
   build_load() (JOB->ledger is not read): the forms JOB names are checked
   first, then (unless blank) the facts derived, then each output written,
   as build_ledger() does after loading. */
zb_status build_write(const zb_builder *b, const build_job *job,
                      build_input *in, zb_diags *diags);

/* Release what build_load() filled in. */
void build_input_free(build_input *in);

/* Build JOB with B: build_load() and build_write(). The chosen forms, then each chosen document of the
   ledger (red-header documents: PDF only, DIR/公文-ID.pdf, with the forms
   it attaches laid out by their own stylesheets and appended to its
   pages). Returns ZB_OK when every chosen output was written;
   otherwise the status of the first failure: the ledger's own (ZB_ERR_IO,
   ZB_ERR_PARSE, ZB_ERR_INVALID: nothing written), ZB_ERR_USAGE for an
   unknown form in JOB->forms (nothing written), or a stylesheet, font or
   rendering failure (the other forms are still written). */
zb_status build_ledger(const zb_builder *b, const build_job *job,
                       zb_diags *diags);

/* Release B; NULL is allowed. */
void build_close(zb_builder *b);

#endif
