/*
 * hash.h - SHA-256 digests, as SHA256SUMS lists them (nettle's sha256).
 *
 * A digest is written as 64 lowercase hexadecimal digits, the form
 * `sha256sum` prints and checks.
 */
#ifndef ZB_HASH_H
#define ZB_HASH_H

#include <stddef.h>

/* 64 hex digits and the NUL. */
#define HASH_HEX_SIZE 65

/* The SHA-256 of the N bytes of DATA, in hex, into HEX. */
void hash_bytes(const void *data, size_t n, char hex[HASH_HEX_SIZE]);

#endif
