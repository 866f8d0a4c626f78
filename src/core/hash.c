#include "hash.h"

#include <stdint.h>

#include <nettle/sha2.h>

static void to_hex(struct sha256_ctx *ctx, char hex[HASH_HEX_SIZE])
{
    static const char digits[] = "0123456789abcdef";
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

void hash_bytes(const void *data, size_t n, char hex[HASH_HEX_SIZE])
{
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, n, data);
    to_hex(&ctx, hex);
}
