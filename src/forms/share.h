/*
 * share.h - the items of one job shared among this process and a few
 * helper processes forked from it.
 *
 * `build` uses it to lay out and write the forms of one ledger on several
 * cores: the helpers are forked once the ledger is checked and its facts
 * derived, so they have the document and the model without reading them
 * again. Each process takes the next item from a common queue (the items
 * are of very different sizes, so none waits while another has a long
 * list left), does it, and keeps what it has to tell as bytes; the caller
 * gets every item's bytes back here, in item order, whoever did it, so
 * what it reports does not depend on which process was quicker.
 *
 * A helper is killed with the process that forked it (Linux's parent-death
 * signal), so stopping a build never leaves one writing.
 */
#ifndef ZB_SHARE_H
#define ZB_SHARE_H

#include <stddef.h>

#include "../core/buf.h"
#include "../core/status.h"

/* Do ITEM, in whichever process took it, appending to OUT what the caller
   is to be told of it. A failure belongs in OUT too: the return value
   only says whether the process can go on (anything but ZB_OK stops it
   taking items). */
typedef zb_status share_work(size_t item, zb_buf *out, void *arg);

/* Back in the calling process, what work() wrote of ITEM (LEN bytes at
   DATA), or DATA NULL when the helper that took ITEM died before telling
   (a crash or a signal). */
typedef void share_take(size_t item, const char *data, size_t len,
                        void *arg);

/* Do items 0 to COUNT-1 with WORK in this process and HELPERS forked
   ones (no more than there are items after the first), the items taken
   in the order ORDER lists them: a permutation of 0 to COUNT-1, or NULL
   for 0 to COUNT-1. List the largest first, so that no process is left
   with a long item at the end while the others wait. Then call TAKE for
   each item in item order. Without helpers, or when none can be forked, this
   process does every item. Returns ZB_OK, or ZB_ERR_NOMEM or the failure
   of a work() in this process (items not done are then told to TAKE with
   NULL, as if their helper died). */
zb_status share_run(size_t count, const size_t *order, unsigned helpers,
                    share_work *work, share_take *take, void *arg);

#endif
