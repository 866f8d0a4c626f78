/*
 * lifetime.h - whether a process frees, just before it exits, what it
 * held to the end.
 *
 * The kernel takes back an exiting process's memory at once; freeing it
 * block by block first is work nobody waits for - except that a build
 * waits for its worker to end: freeing a large ledger's tree (55 ms) and
 * the builder (25 ms) was most of an L build's serial end. So a process
 * leaves those to the kernel, unless it was built for the leak checker
 * (make asan defines ZB_FREE_AT_EXIT): LeakSanitizer must see every block
 * given back, or it could not tell a leak from one of these.
 */
#ifndef ZB_LIFETIME_H
#define ZB_LIFETIME_H

#ifdef ZB_FREE_AT_EXIT
#define LIFETIME_FREE_AT_EXIT 1
#else
#define LIFETIME_FREE_AT_EXIT 0
#endif

#endif
