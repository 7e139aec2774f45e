/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Key derivation for LUKS: PBKDF2 (libcrypto), Argon2i/Argon2id (libargon2), the
 * anti-forensic split of LUKS1 spec §2.4 (AF split/merge, hash diffusion), random bytes,
 * base64, and calibration like cryptsetup's --iter-time.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "luks.h"

/* Messages go through cli_error, which escapes control characters: names and strings
   from a hostile header reach the terminal only escaped. */
static void vline(const char *kind, const char *fmt, va_list ap)
{
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    cli_error("luks: %s%s", kind, line);
}

int luks_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vline("", fmt, ap);
    va_end(ap);
    return -1;
}

void luks_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vline("note: ", fmt, ap);
    va_end(ap);
}

void luks_wipe(void *p, size_t len)
{
    if (p != NULL)
        OPENSSL_cleanse(p, len);
}

static const EVP_MD *luks_md(const char *hash)
{
    if (strcmp(hash, "sha1") == 0)
        return EVP_sha1();
    if (strcmp(hash, "sha256") == 0)
        return EVP_sha256();
    if (strcmp(hash, "sha512") == 0)
        return EVP_sha512();
    return NULL;
}

int luks_hash_size(const char *hash)
{
    const EVP_MD *md = luks_md(hash);
    return md == NULL ? -1 : EVP_MD_get_size(md);
}

int luks_pbkdf2(const char *hash, const uint8_t *pass, size_t pass_len, const uint8_t *salt,
                size_t salt_len, uint32_t iterations, uint8_t *out, size_t out_len)
{
    const EVP_MD *md = luks_md(hash);
    static const char empty[1] = "";
    if (md == NULL)
        return luks_fail("unsupported hash '%s' (vxts knows sha1, sha256, sha512)", hash);
    if (iterations == 0 || iterations > INT32_MAX || pass_len > INT32_MAX)
        return luks_fail("unsupported PBKDF2 parameters (iterations %u)", (unsigned)iterations);
    if (PKCS5_PBKDF2_HMAC(pass_len ? (const char *)pass : empty, (int)pass_len, salt, (int)salt_len,
                          (int)iterations, md, (int)out_len, out) != 1)
        return luks_fail("PBKDF2-%s failed in libcrypto", hash);
    return 0;
}

int luks_kdf_derive(const struct luks_kdf *kdf, const uint8_t *pass, size_t pass_len,
                    uint8_t *out, size_t out_len)
{
    int rc;
    static const uint8_t empty[1] = {0};
    if (kdf->type == LUKS_KDF_PBKDF2)
        return luks_pbkdf2(kdf->hash, pass, pass_len, kdf->salt, kdf->salt_len, kdf->iterations,
                           out, out_len);
    if (kdf->iterations == 0 || kdf->memory_kib < 8 * kdf->parallel ||
        kdf->memory_kib > LUKS_MAX_ARGON2_KIB || kdf->parallel == 0 ||
        kdf->parallel > LUKS_MAX_ARGON2_LANES)
        return luks_fail("KDF parameters out of range (time %u, memory %u KiB, threads %u; "
                         "vxts allows memory up to %u KiB and up to %u threads)",
                         (unsigned)kdf->iterations, (unsigned)kdf->memory_kib,
                         (unsigned)kdf->parallel, LUKS_MAX_ARGON2_KIB, LUKS_MAX_ARGON2_LANES);
    rc = argon2_hash(kdf->iterations, kdf->memory_kib, kdf->parallel, pass_len ? pass : empty,
                     pass_len, kdf->salt, kdf->salt_len, out, out_len, NULL, 0,
                     kdf->type == LUKS_KDF_ARGON2I ? Argon2_i : Argon2_id, ARGON2_VERSION_13);
    if (rc != ARGON2_OK)
        return luks_fail("argon2 failed: %s", argon2_error_message(rc));
    return 0;
}

/* LUKS1 spec §2.4, "diffuse": each hash-sized block j becomes H(be32(j) || block j),
   the last (short) block truncated. */
static int af_diffuse(const EVP_MD *md, uint8_t *block, size_t len)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    size_t ds = (size_t)EVP_MD_get_size(md), pos, n;
    uint32_t j = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int rc = 0;
    if (ctx == NULL)
        return luks_fail("out of memory");
    for (pos = 0; pos < len; pos += n, j++) {
        uint8_t be[4] = {(uint8_t)(j >> 24), (uint8_t)(j >> 16), (uint8_t)(j >> 8), (uint8_t)j};
        n = len - pos < ds ? len - pos : ds;
        if (EVP_DigestInit_ex(ctx, md, NULL) != 1 || EVP_DigestUpdate(ctx, be, 4) != 1 ||
            EVP_DigestUpdate(ctx, block + pos, n) != 1 || EVP_DigestFinal_ex(ctx, digest, NULL) != 1) {
            rc = luks_fail("hash failed in libcrypto");
            break;
        }
        memcpy(block + pos, digest, n);
    }
    luks_wipe(digest, sizeof digest);
    EVP_MD_CTX_free(ctx);
    return rc;
}

/* The first stripes - 1 stripes folded (LUKS1 spec §2.4):
   acc = diffuse(... diffuse(diffuse(s_0) ^ s_1) ... ^ s_{n-2}). */
static int af_fold(const EVP_MD *md, const uint8_t *split, size_t key_bytes, uint32_t stripes, uint8_t *acc)
{
    uint32_t s;
    size_t i;
    memset(acc, 0, key_bytes);
    for (s = 0; s + 1 < stripes; s++) {
        for (i = 0; i < key_bytes; i++)
            acc[i] ^= split[(size_t)s * key_bytes + i];
        if (af_diffuse(md, acc, key_bytes) != 0)
            return -1;
    }
    return 0;
}

/* key = fold(s_0..s_{n-2}) ^ s_{n-1}. */
int luks_af_merge(const char *hash, const uint8_t *split, size_t key_bytes, uint32_t stripes,
                  uint8_t *key)
{
    const EVP_MD *md = luks_md(hash);
    const uint8_t *last;
    uint8_t acc[LUKS_MAX_KEY];
    size_t i;
    int rc;
    if (md == NULL)
        return luks_fail("unsupported anti-forensic hash '%s'", hash);
    if (key_bytes == 0 || key_bytes > LUKS_MAX_KEY || stripes == 0)
        return luks_fail("unsupported anti-forensic split (%zu-byte key, %u stripes)", key_bytes,
                         (unsigned)stripes);
    last = split + (size_t)(stripes - 1) * key_bytes;
    rc = af_fold(md, split, key_bytes, stripes, acc);
    if (rc == 0)
        for (i = 0; i < key_bytes; i++)
            key[i] = acc[i] ^ last[i];
    luks_wipe(acc, sizeof acc);
    return rc;
}

/* s_0..s_{n-2} random, s_{n-1} = fold(s_0..s_{n-2}) ^ key. */
int luks_af_split(const char *hash, const uint8_t *key, size_t key_bytes, uint32_t stripes,
                  uint8_t *split)
{
    const EVP_MD *md = luks_md(hash);
    uint8_t acc[LUKS_MAX_KEY], *last;
    size_t i;
    int rc;
    if (md == NULL || key_bytes == 0 || key_bytes > LUKS_MAX_KEY || stripes == 0)
        return luks_fail("unsupported anti-forensic split");
    last = split + (size_t)(stripes - 1) * key_bytes;
    if (luks_random(split, (size_t)(stripes - 1) * key_bytes) != 0)
        return -1;
    rc = af_fold(md, split, key_bytes, stripes, acc);
    if (rc == 0)
        for (i = 0; i < key_bytes; i++)
            last[i] = acc[i] ^ key[i];
    luks_wipe(acc, sizeof acc);
    return rc;
}

int luks_random(uint8_t *buf, size_t len)
{
    if (len > INT32_MAX || RAND_bytes(buf, (int)len) != 1)
        return luks_fail("no random bytes from libcrypto");
    return 0;
}

int luks_base64_decode(const char *text, uint8_t *out, size_t cap, size_t *len)
{
    size_t n = strlen(text), pad = 0;
    uint8_t *tmp;
    int got;
    if (n == 0 || n % 4 != 0 || n > 4 * 1024)
        return luks_fail("bad base64 value in the metadata");
    if (text[n - 1] == '=')
        pad++;
    if (text[n - 2] == '=')
        pad++;
    tmp = malloc(n / 4 * 3);
    if (tmp == NULL)
        return luks_fail("out of memory");
    got = EVP_DecodeBlock(tmp, (const unsigned char *)text, (int)n);
    if (got < 0 || (size_t)got < pad || (size_t)got - pad > cap) {
        free(tmp);
        return luks_fail("bad base64 value in the metadata");
    }
    *len = (size_t)got - pad;
    memcpy(out, tmp, *len);
    luks_wipe(tmp, n / 4 * 3);
    free(tmp);
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Time one derivation with the costs in kdf (a fixed dummy passphrase). */
static int time_kdf(const struct luks_kdf *kdf, size_t key_bytes, double *ms)
{
    static const uint8_t pass[] = "vxts calibration";
    uint8_t out[LUKS_MAX_KEY];
    double t0 = now_ms();
    int rc = luks_kdf_derive(kdf, pass, sizeof pass - 1, out, key_bytes);
    *ms = now_ms() - t0;
    luks_wipe(out, sizeof out);
    return rc;
}

/*
 * cryptsetup's benchmark, simplified: PBKDF2 iterations scale linearly with time (at least
 * 1000). Argon2's time grows with memory x passes: one probe with at most 64 MiB and one pass
 * gives the rate; then the time cost is scaled for the requested memory, or, when even the
 * minimum time cost 4 would take too long, the memory is lowered (never below 32 KiB).
 */
int luks_kdf_calibrate(struct luks_kdf *kdf, size_t key_bytes, uint32_t ms)
{
    double took = 0, rate, t;
    struct luks_kdf probe = *kdf;
    if (kdf->type == LUKS_KDF_PBKDF2) {
        double it;
        kdf->iterations = 1000;
        for (;;) {
            if (time_kdf(kdf, key_bytes, &took) != 0)
                return -1;
            if (took > 50 || kdf->iterations >= (1u << 28))
                break;
            kdf->iterations *= 4;
        }
        it = (double)kdf->iterations * ms / (took > 0.001 ? took : 0.001);
        kdf->iterations = it < 1000 ? 1000 : it > (double)INT32_MAX ? (uint32_t)INT32_MAX : (uint32_t)it;
        return 0;
    }
    probe.iterations = 1;
    if (probe.memory_kib > 65536)
        probe.memory_kib = 65536;
    if (time_kdf(&probe, key_bytes, &took) != 0)
        return -1;
    rate = (double)probe.memory_kib / (took > 0.01 ? took : 0.01); /* KiB x passes per ms */
    t = rate * ms / kdf->memory_kib;
    if (t < 4) {
        double m = rate * ms / 4;
        kdf->memory_kib = m < 32 ? 32 : (uint32_t)m;
        if (kdf->memory_kib < 8 * kdf->parallel)
            kdf->memory_kib = 8 * kdf->parallel;
        t = 4;
    }
    kdf->iterations = t > (double)UINT32_MAX / 2 ? UINT32_MAX / 2 : (uint32_t)t;
    return 0;
}
