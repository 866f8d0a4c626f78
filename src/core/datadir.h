/*
 * datadir.h - where forms/ and stylesheets/ are.
 *
 * The program works from the source tree and after `make install`, whatever
 * the current directory. The data directory is, in this order:
 *   1. $ZHENGBAN_DATADIR, if set;
 *   2. <dir of the executable>/../share/zhengban (an installed, relocated tree);
 *   3. the first ancestor (up to three levels) of the executable's directory
 *      that holds forms/ and stylesheets/ (the source tree: build/zhengban);
 *   4. ZB_DATADIR, fixed at build time ($(PREFIX)/share/zhengban).
 */
#ifndef ZB_DATADIR_H
#define ZB_DATADIR_H

#include "diag.h"
#include "status.h"

/* Find the data directory. On success *OUT is a malloc'ed absolute path
   without trailing slash. On failure a diagnostic says where it looked. */
zb_status datadir_find(char **out, zb_diags *diags);

/* Join DIR and the relative path REL ("forms/ledger.xsd"). NULL on ENOMEM. */
char *datadir_join(const char *dir, const char *rel);

#endif
