/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Differential test: random keys (AES-128 and AES-256), tweaks and data for
 * every length 16..4096, random lengths up to 65536, and 2^24, 2^24-1,
 * 2^24-15 and random lengths up to 2^24 with both key sizes. ref gives the
 * ciphertext once per case (for the lengths above 65536 it is derived from
 * one ref call over 2^24 bytes per key size, see run_large); every usable
 * backend must give it out of place and in place, and give the plaintext
 * back when decrypting (out of place, and in place on its own ciphertext:
 * a round trip). Buffers sit at random offsets from alignment.
 *
 * Built with -DVXTS_TEST_WITH_OPENSSL (test_differential_openssl, links
 * libcrypto) it also checks OpenSSL 3's EVP_aes_{128,256}_xts against ref
 * in both directions on every case.
 *
 * Environment: VXTS_TEST_LARGE_RANDOM = number of random lengths in
 * (65536, 2^24] (default 4); VXTS_TEST_MEDIUM_RANDOM = number in
 * (4096, 65536] (default 64).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "testlib.h"

#ifdef VXTS_TEST_WITH_OPENSSL
#include <openssl/crypto.h>
#include <openssl/evp.h>
#endif

#define MAX_LEN ((size_t)1 << 24)
#define MAX_ALIGN 64

static int slot_ref;

typedef struct dcase {
    size_t len, key_len;
    uint8_t key[64], tweak[16];
    uint8_t *pt, *ct, *out; /* ct: ref's ciphertext */
} dcase;

#ifdef VXTS_TEST_WITH_OPENSSL
static int slot_openssl;

static int openssl_xts(int decrypt, const dcase *c, const uint8_t *in, uint8_t *out)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    const EVP_CIPHER *cipher = c->key_len == 32 ? EVP_aes_128_xts() : EVP_aes_256_xts();
    int n = 0, final_n = 0, ok;
    ok = ctx != NULL && EVP_CipherInit_ex(ctx, cipher, NULL, c->key, c->tweak, decrypt ? 0 : 1) == 1 &&
         EVP_CipherUpdate(ctx, out, &n, in, (int)c->len) == 1 && (size_t)n == c->len &&
         EVP_CipherFinal_ex(ctx, out + n, &final_n) == 1 && final_n == 0;
    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

static void check_openssl(const dcase *c)
{
    long d;
    int ok = openssl_xts(0, c, c->pt, c->out);
    d = ok ? test_first_diff(c->out, c->ct, c->len) : -2;
    test_check(slot_openssl, ok && d < 0, "encrypt len %zu, %zu-byte key: %s, first difference from ref at %ld",
               c->len, c->key_len, ok ? "ran" : "OpenSSL error", d);
    ok = openssl_xts(1, c, c->ct, c->out);
    d = ok ? test_first_diff(c->out, c->pt, c->len) : -2;
    test_check(slot_openssl, ok && d < 0, "decrypt len %zu, %zu-byte key: %s, first difference at %ld", c->len,
               c->key_len, ok ? "ran" : "OpenSSL error", d);
}
#endif

static void check_backend(const test_backend *b, const dcase *c)
{
    vxts_ctx ctx;
    int status, step;
    status = vxts_init_backend(&ctx, c->key, c->key_len, b->id);
    if (!test_check(b->slot, status == VXTS_OK, "init: %s", test_status_name(status)))
        return;
    /* 0: encrypt out of place, 1: decrypt ref's ct out of place,
     * 2: encrypt pt in place, 3: decrypt that in place (round trip). */
    for (step = 0; step < 4; step++) {
        const uint8_t *want = (step == 0 || step == 2) ? c->ct : c->pt;
        static const char *const names[4] = {"encrypt out of place", "decrypt out of place", "encrypt in place",
                                             "decrypt in place (round trip)"};
        long d;
        if (step == 0)
            status = vxts_encrypt(&ctx, c->out, c->pt, c->len, c->tweak);
        else if (step == 1)
            status = vxts_decrypt(&ctx, c->out, c->ct, c->len, c->tweak);
        else if (step == 2) {
            memcpy(c->out, c->pt, c->len);
            status = vxts_encrypt(&ctx, c->out, c->out, c->len, c->tweak);
        } else
            status = vxts_decrypt(&ctx, c->out, c->out, c->len, c->tweak);
        d = test_first_diff(c->out, want, c->len);
        test_check(b->slot, status == VXTS_OK && d < 0, "%s, len %zu, %zu-byte key, tweak %s: %s, first difference at %ld",
                   names[step], c->len, c->key_len, test_hex(c->tweak, 16), test_status_name(status), d);
        if (step == 2 && d >= 0)
            memcpy(c->out, c->ct, c->len); /* keep the round trip independent of a failed encrypt */
    }
    vxts_wipe(&ctx);
}

/* Checks one prepared case (c->ct = ref's ciphertext) against OpenSSL and every backend. */
static void check_case(dcase *c)
{
    size_t i;
#ifdef VXTS_TEST_WITH_OPENSSL
    check_openssl(c);
#endif
    for (i = 0; i < test_backend_count(); i++)
        if (test_backend_at(i)->usable)
            check_backend(test_backend_at(i), c);
}

/* One case: fresh random key, tweak, data and alignment; ref once; then everyone. */
static void run_case(dcase *c, size_t len, size_t key_len, uint8_t *const bases[3])
{
    int status;
    c->len = len;
    c->key_len = key_len;
    c->pt = bases[0] + test_rand_below(MAX_ALIGN);
    c->ct = bases[1] + test_rand_below(MAX_ALIGN);
    c->out = bases[2] + test_rand_below(MAX_ALIGN);
    test_rand_key(c->key, key_len);
    test_rand_bytes(c->tweak, 16);
    test_rand_bytes(c->pt, len);
    status = ref_xts_encrypt(c->key, key_len, c->tweak, c->pt, c->ct, len);
    if (test_check(slot_ref, status == 0, "ref refused len %zu", len))
        check_case(c);
}

/*
 * Lengths above 65536 per key size: one random key, tweak and 2^24 bytes of
 * data, one direct ref call over all 2^24 bytes (the reference of the 2^24
 * case), and the reference of every shorter case derived from it with
 * oracle_xts_encrypt_from_whole, which is compared with direct ref calls on
 * 16 random shorter lengths first.
 */
static void run_large(size_t key_len, const size_t *lengths, size_t n, uint8_t *const bases[3], uint8_t *whole)
{
    dcase c;
    size_t i;
    double t0 = test_seconds();
    c.key_len = key_len;
    c.pt = bases[0] + test_rand_below(MAX_ALIGN);
    c.ct = bases[1] + test_rand_below(MAX_ALIGN);
    c.out = bases[2] + test_rand_below(MAX_ALIGN);
    test_rand_key(c.key, key_len);
    test_rand_bytes(c.tweak, 16);
    test_rand_bytes(c.pt, MAX_LEN);
    test_check(slot_ref, ref_xts_encrypt(c.key, key_len, c.tweak, c.pt, whole, MAX_LEN) == 0, "ref refused 2^24");
    for (i = 0; i < 16; i++) {
        size_t len = 16 + test_rand_below(65536);
        ref_xts_encrypt(c.key, key_len, c.tweak, c.pt, c.out, len);
        oracle_xts_encrypt_from_whole(c.key, key_len, c.tweak, c.pt, whole, c.ct, len);
        test_check(slot_ref, memcmp(c.out, c.ct, len) == 0,
                   "len %zu: oracle_xts_encrypt_from_whole differs from ref_xts_encrypt", len);
    }
    printf("%zu-byte key: ref over 2^24 bytes: %.1f s\n", key_len, test_seconds() - t0);
    for (i = 0; i < n; i++) {
        t0 = test_seconds();
        c.len = lengths[i];
        oracle_xts_encrypt_from_whole(c.key, key_len, c.tweak, c.pt, whole, c.ct, c.len);
        check_case(&c);
        printf("  length %zu, %zu-byte key: %.1f s\n", c.len, key_len, test_seconds() - t0);
    }
}

int main(int argc, char **argv)
{
    uint8_t *bases[3], *whole;
    dcase c;
    size_t len, i, large_random, medium_random, n_large[2] = {0, 0};
    size_t *large[2];
    double t0;

#ifdef VXTS_TEST_WITH_OPENSSL
    test_begin(argc, argv, "differential vs ref and OpenSSL");
    slot_openssl = test_slot("openssl");
    printf("OpenSSL: %s\n", OpenSSL_version(OPENSSL_VERSION));
#else
    test_begin(argc, argv, "differential vs ref");
#endif
    slot_ref = test_slot("ref");
    large_random = (size_t)test_env_long("VXTS_TEST_LARGE_RANDOM", 4);
    medium_random = (size_t)test_env_long("VXTS_TEST_MEDIUM_RANDOM", 64);
    for (i = 0; i < 3; i++)
        bases[i] = test_alloc(MAX_LEN + MAX_ALIGN);
    whole = test_alloc(MAX_LEN);

    t0 = test_seconds();
    for (len = 16; len <= 4096; len++)
        run_case(&c, len, test_rand_below(2) ? 64 : 32, bases);
    printf("every length 16..4096 (4081 cases, random key size): %.1f s\n", test_seconds() - t0);

    t0 = test_seconds();
    for (i = 0; i < medium_random; i++)
        run_case(&c, 4097 + test_rand_below(65536 - 4096), test_rand_below(2) ? 64 : 32, bases);
    printf("%zu random lengths in 4097..65536: %.1f s\n", medium_random, test_seconds() - t0);

    /* 2^24, 2^24-1 and 2^24-15 with both key sizes, then random lengths in (65536, 2^24], alternating. */
    for (i = 0; i < 2; i++) {
        large[i] = test_alloc((3 + large_random) * sizeof *large[i]);
        large[i][n_large[i]++] = MAX_LEN;
        large[i][n_large[i]++] = MAX_LEN - 1;
        large[i][n_large[i]++] = MAX_LEN - 15;
    }
    for (i = 0; i < large_random; i++)
        large[i % 2][n_large[i % 2]++] = 65537 + test_rand_below(MAX_LEN - 65536);
    run_large(64, large[0], n_large[0], bases, whole);
    run_large(32, large[1], n_large[1], bases, whole);

    for (i = 0; i < 3; i++)
        free(bases[i]);
    free(whole);
    free(large[0]);
    free(large[1]);
    return test_end();
}
