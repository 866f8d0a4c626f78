/*
 * watch.h - wait for ledger files to be saved (inotify).
 *
 * Editors save in two ways: writing the file in place, or writing a new
 * file and renaming it over the old one (which would end a watch on the
 * file itself). So the folder of each file is watched, and a file counts
 * as saved when it is closed after writing or a file is renamed to its
 * name. A save often comes as several events (an editor writes twice, or
 * writes then renames): they are taken together.
 */
#ifndef ZB_WATCH_H
#define ZB_WATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/status.h"

typedef struct zb_watch zb_watch;

/* Watch the N files PATHS (their folders must exist). */
zb_status watch_open(const char *const *paths, size_t n, zb_diags *diags,
                     zb_watch **out);

/* Wait until at least one of the files is saved and no event has come for
   a fifth of a second; set SAVED[i] (N flags) for each file saved, clear
   the others. Returns 1, or 0 when SIGINT or SIGTERM came
   (interrupt.h: the caller catches them). */
int watch_wait(zb_watch *w, bool *saved);

/* Stop watching; NULL is allowed. */
void watch_close(zb_watch *w);

#endif
