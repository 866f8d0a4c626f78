/*
 * interrupt.h - Ctrl-C and kill, turned into something poll() can wait for.
 *
 * While caught, SIGINT and SIGTERM do not end the process: the signal's
 * number is written to a pipe, so that a loop waiting with poll() on
 * interrupt_fd() wakes up, stops its workers and cleans up before it
 * exits. A signal handler can reach nothing but a global: the pipe is the
 * one piece of process-wide state of zhengban, and only this module
 * touches it.
 */
#ifndef ZB_INTERRUPT_H
#define ZB_INTERRUPT_H

#include "../core/status.h"

/* Catch SIGINT and SIGTERM from now on. */
zb_status interrupt_catch(void);

/* The end of the pipe to poll for reading; -1 when not catching. */
int interrupt_fd(void);

/* The signal caught since the last call, or 0 (does not wait). */
int interrupt_take(void);

/* Stop catching: SIGINT and SIGTERM end the process again (a worker
   process calls this first). */
void interrupt_release(void);

/* Keep SIGINT and SIGTERM waiting (BLOCK) or let them through again,
   around work that must not be cut in two. */
void interrupt_hold(int block);

#endif
