/*
 * hugepages.h - glibc's malloc on transparent huge pages.
 *
 * A large ledger becomes hundreds of megabytes of small blocks (libxml2's
 * nodes of the ledger, the facts and each form's result tree) that every
 * stage walks pointer by pointer. On 4 KB pages each new page costs a
 * fault and every walk misses the TLB; glibc's malloc puts its heap on
 * 2 MB transparent huge pages (where the kernel offers them only on
 * request, `madvise`, as Debian's does) when the tunable
 * glibc.malloc.hugetlb=1 is set - and glibc reads its tunables only from
 * the environment the process starts with.
 */
#ifndef ZB_HUGEPAGES_H
#define ZB_HUGEPAGES_H

/* Start this program again (/proc/self/exe with ARGV) with
   glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES. Returns when the
   environment already names that tunable (this is the second start, or
   the user chose a value) or when the program cannot be started again;
   then it goes on as it is. */
void hugepages_restart(char **argv);

#endif
