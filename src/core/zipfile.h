/*
 * zipfile.h - zip archives (libzip), the same bytes for the same entries.
 *
 * Written archives depend on nothing but their entries: the order given,
 * deflate at level 9, one fixed date for every entry (no clock, no time
 * zone), mode 0644, names flagged as UTF-8. Read archives are checked
 * (consistency, CRC) and bounded in size, since they come from outside.
 */
#ifndef ZB_ZIPFILE_H
#define ZB_ZIPFILE_H

#include <stddef.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "status.h"

typedef struct zipfile_entry {
    char *name;  /* "桐川县医疗保障局-2023/facts.xml" */
    char *data;
    size_t len;
} zipfile_entry;

typedef struct zipfile_entries {
    zipfile_entry *items;
    size_t count;
} zipfile_entries;

/* Write the COUNT ENTRIES, in this order, each dated DATE (00:00), as a
   zip archive appended to OUT. PATH names the archive in diagnostics. */
zb_status zipfile_write(const zipfile_entry *entries, size_t count,
                        zb_date date, const char *path, zb_buf *out,
                        zb_diags *diags);

/* Read every file entry of the archive PATH into OUT (directories are
   skipped). An archive that cannot be read, is not a zip archive, fails
   its checks or has an entry larger than MAX bytes is ZB_ERR_INVALID with
   a diagnostic (ZB_ERR_IO when the file cannot be opened). Free OUT with
   zipfile_entries_free() whatever the result. */
zb_status zipfile_read(const char *path, size_t max, zipfile_entries *out,
                       zb_diags *diags);

/* The entry called NAME, or NULL. */
const zipfile_entry *zipfile_find(const zipfile_entries *entries,
                                  const char *name);

void zipfile_entries_free(zipfile_entries *entries);

#endif
