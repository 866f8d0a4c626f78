/*
 * fileio.h - whole-file reads and atomic writes.
 *
 * Outputs are never half-written: file_write_atomic() writes a temporary file
 * in the target's directory, syncs it and renames it over the target, so a
 * reader sees either the old bytes or the new ones.
 */
#ifndef ZB_FILEIO_H
#define ZB_FILEIO_H

#include <stddef.h>

#include "diag.h"
#include "status.h"

/* Write the N bytes of DATA to the descriptor FD, going on after
   interruptions; a socket is written without SIGPIPE, so a reader gone is
   an error, not the end of the process. 0, or -1 on an error. */
int file_write_fd(int fd, const void *data, size_t n);

/* Read exactly N bytes from FD into DATA, going on after interruptions:
   0, or -1 at the end of the input or on an error. */
int file_read_fd(int fd, void *data, size_t n);

/* Check that PATH is a readable regular file. On failure a diagnostic names
   the path and the reason (missing, a directory, unreadable). */
zb_status file_check_readable(const char *path, zb_diags *diags);

/* Read the whole of PATH into a malloc'ed, NUL-terminated buffer. */
zb_status file_read_all(const char *path, char **data, size_t *len,
                        zb_diags *diags);

/* Replace PATH with the N bytes of DATA atomically (temp file + rename).
   The file gets mode 0644 (less the umask). */
zb_status file_write_atomic(const char *path, const void *data, size_t n,
                            zb_diags *diags);

/* 1 when PATH is a regular file holding exactly the N bytes of DATA;
   0 otherwise (different, missing or unreadable). Lets a writer leave a
   file whose bytes would not change, and its modification time, alone. */
int file_equals(const char *path, const void *data, size_t n);

/* Remove the files in the directory PATH, then PATH itself; a directory
   inside is left (and so PATH stays). For a program's own scratch
   directories only. Missing PATH is fine. */
void file_remove_dir(const char *path);

/* The names of the files and folders in the directory PATH, sorted in
   byte order, without "." and ".." and without names that start with "."
   (hidden, or a writer's temporary file). Free each name and *NAMES. */
zb_status file_list_dir(const char *path, char ***names, size_t *n,
                        zb_diags *diags);

/* Create the directory PATH and any missing parents (mode 0755 less the
   umask); an existing directory is fine. */
zb_status file_make_dirs(const char *path, zb_diags *diags);

/* Create a temporary file next to PATH for a writer that needs a file name
   (libharu, libxlsxwriter). *TMP receives its malloc'ed name. Finish with
   file_commit_temp() or file_discard_temp(). */
zb_status file_make_temp(const char *path, char **tmp, zb_diags *diags);

/* Sync TMP and rename it over PATH; frees TMP. On failure TMP is removed. */
zb_status file_commit_temp(char *tmp, const char *path, zb_diags *diags);

/* Remove TMP and free the name. */
void file_discard_temp(char *tmp);

#endif
