/*
 * history.h - which software was installed on which computer, and when.
 *
 * The history is built from three sources, as the ledger's conventions
 * (README 登记约定, forms/ledger.xsd) say:
 *   - an OEM copy is installed on its computer from the day the computer
 *     was acquired (no event is recorded for it);
 *   - each <event> of the log installs or uninstalls one software on one
 *     computer;
 *   - a computer holds nothing from the day it is disposed.
 * It lists every copy - one software on one computer from one day until
 * another - and every step that started or ended one, in time order: by
 * date, and within a day the computers acquired that day, then the events in
 * ledger order, then the computers disposed that day. So "installed on day
 * D" means installed at the end of D, after everything recorded for D.
 *
 * The ledger is meant to be valid (front_load_file() said so). An event the
 * rules refuse - an uninstall of what is not installed, a second install -
 * starts or ends nothing; it never crashes the sweep.
 *
 * Everything is O(n log n) in the number of events, OEM copies and
 * computers. The history only reads the ledger, which must outlive it.
 */
#ifndef ZB_HISTORY_H
#define ZB_HISTORY_H

#include <stddef.h>

#include "../core/date.h"
#include "../core/status.h"
#include "../parse/ledger.h"

typedef enum zb_step_kind {
    STEP_ACQUIRED, /* an OEM copy arrives with its computer */
    STEP_EVENT,    /* a ledger <event> */
    STEP_DISPOSED  /* the computer is disposed: a copy on it ends */
} zb_step_kind;

typedef struct zb_step {
    zb_step_kind kind;
    zb_date date;
    int software;
    int computer;
    int event;   /* the ledger event (STEP_EVENT), else ZB_NONE */
    int copy;    /* the copy this step started or ended; ZB_NONE when the
                    step changed nothing (an event the rules refuse) */
    int running; /* copies of SOFTWARE installed right after this step
                    (附件9 安装数量) */
} zb_step;

typedef struct zb_copy {
    int software;
    int computer;
    zb_date from;        /* installed: the install's date, or the day the
                            computer was acquired for an OEM copy */
    zb_date until;       /* removed: the uninstall's or disposal's date;
                            0 while still installed */
    int install_event;   /* ZB_NONE for an OEM copy */
    int uninstall_event; /* ZB_NONE unless an event removed it */
    int own_machine;     /* an OEM software on a computer it came with */
    size_t first;        /* the step that started it */
    size_t last;         /* the step that ended it; nsteps while installed */
} zb_copy;

typedef struct zb_history {
    zb_step *steps; /* in time order */
    size_t nsteps;
    zb_copy *copies; /* in the order they started */
    size_t ncopies;
    size_t *event_step; /* the step of each ledger event, by event index */
} zb_history;

/* Build the history of LEDGER into *OUT (free it with history_free()).
   ZB_OK or ZB_ERR_NOMEM (then *OUT is empty). */
zb_status history_build(const zb_ledger *ledger, zb_history *out);

/* Whether COPY is installed at the end of DATE. */
int history_installed_on(const zb_copy *copy, zb_date date);

/* Whether COMPUTER is in service at the end of DATE: acquired by then and
   not disposed by then. */
int history_in_service(const zb_computer *computer, zb_date date);

/* Release the history; the struct is empty afterwards. */
void history_free(zb_history *history);

#endif
