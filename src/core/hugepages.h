/*
 * hugepages.h - glibc's malloc on transparent huge pages.
 *
 * A large ledger becomes hundreds of megabytes of small blocks (libxml2's
 * nodes of the ledger, the facts and each form's result tree) that every
 * stage walks pointer by pointer. On 4 KB pages each new page costs a
 * fault and every walk misses the TLB; glibc's malloc puts its heap on
 * 2 MB transparent huge pages (where the kernel offers them only on
 * request, `madvise`) when the tunable glibc.malloc.hugetlb=1 is set - and
 * glibc reads its tunables only from the environment the process starts
 * with.
 */
#ifndef ZB_HUGEPAGES_H
#define ZB_HUGEPAGES_H

#include <stdbool.h>
#include <stddef.h>

/* The value GLIBC_TUNABLES should have, given WAS (its value, or NULL when
   unset): WAS with glibc.malloc.hugetlb=1 added, in OUT (SIZE bytes).
   False when WAS names that tunable already (the user's choice, or this
   is the second start) or the value does not fit. */
bool hugepages_tunables(const char *was, char *out, size_t size);

/* Start this program again (/proc/self/exe with ARGV) with the
   environment hugepages_tunables() gives. Returns when there is nothing to
   add, when running under valgrind (whose tool /proc/self/exe would be),
   or when the program cannot be started again; it then goes on as it
   is. */
void hugepages_restart(char **argv);

#endif
