/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * ct_taint — secret-taint test for libvxts under valgrind memcheck.
 *
 * The key (and the plaintext, the tweak, the ciphertext given to decryption)
 * are marked "undefined" with VALGRIND_MAKE_MEM_UNDEFINED. Memcheck then
 * reports every conditional jump whose condition, and every load or store
 * whose address, depends on them: exactly the secret-dependent control flow
 * and memory indexing a constant-time implementation must not have. Outputs
 * are marked defined again before they are compared with the reference, so
 * the comparison itself is not reported.
 *
 * Each check (backend x key size x operation group) counts the memcheck
 * errors it caused (VALGRIND_COUNT_ERRORS before and after): 0 = pass.
 * Two negative controls compiled into this program must be flagged, or the
 * harness is not working: a table-lookup AES and a secret branch.
 *
 *   valgrind --suppressions=tests/ct/taint.supp ct_taint [--require ID,ID] [--quick]
 *
 * --require: these backends must be usable under valgrind (else fail).
 * Ends with "N passed, N failed". See tests/ct/README.md.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/memcheck.h>

#include "../../src/backend.h" /* the context's check word (declassified below) */
#include "ref_xts.h"
#include "vxts.h"
#include "../testlib.h" /* header-only parts: id lists, SplitMix64 */

#define SECRET(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define PUBLIC(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))

static unsigned passed, failed;

/* ---- deterministic test data (splitmix64) --------------------------------- */

static uint64_t rng_state = 0x5ca1ab1e0ddba11ULL;

#define fill(p, n) test_splitmix64_bytes(&rng_state, (p), (n))

/* ---- check bookkeeping ------------------------------------------------------ */

struct check {
    const char *what;
    unsigned long errors_before;
    unsigned mismatches;
};

static void check_begin(struct check *c, const char *what)
{
    c->what = what;
    c->mismatches = 0;
    c->errors_before = (unsigned long)VALGRIND_COUNT_ERRORS;
}

/* expect_flagged: a negative control, which must cause errors. */
static void check_end(struct check *c, const char *backend, const char *keysize, int expect_flagged)
{
    unsigned long errors = (unsigned long)VALGRIND_COUNT_ERRORS - c->errors_before;
    int ok = expect_flagged ? errors > 0 : (errors == 0 && c->mismatches == 0);
    printf("%-4s %-8s %-8s %-34s memcheck errors %lu%s%s\n", ok ? "ok" : "FAIL", backend, keysize, c->what,
           errors, c->mismatches ? ", WRONG RESULTS" : "",
           expect_flagged ? (errors > 0 ? " (negative control: flagged as it must be)"
                                        : " (negative control NOT flagged: the harness is broken)")
                          : "");
    fflush(stdout);
    if (ok)
        passed++;
    else
        failed++;
}

/* ---- the library under test --------------------------------------------------- */

#define MAX_LEN 65600u
static uint8_t pt[MAX_LEN], ct_ref[MAX_LEN], buf[MAX_LEN], buf2[MAX_LEN];

/* Lengths: 1..40 whole blocks (every tail of kernels with up to 32 blocks per
 * pass, twice), every stealing length 16m + r for m = 1..9, r = 1..15, some
 * longer ones around 64 and 128 blocks; the long one is separate. */
static size_t lengths[256];
static size_t nlengths;

static void make_lengths(int quick)
{
    size_t m, r;
    nlengths = 0;
    for (m = 1; m <= (quick ? 10u : 40u); m++)
        lengths[nlengths++] = 16 * m;
    for (m = 1; m <= (quick ? 3u : 9u); m++)
        for (r = 1; r < 16; r++)
            lengths[nlengths++] = 16 * m + r;
    if (!quick) {
        static const size_t extra[] = {16 * 63, 16 * 64, 16 * 65 + 7, 16 * 127 + 15, 16 * 128, 16 * 129 + 1};
        for (m = 0; m < sizeof extra / sizeof extra[0]; m++)
            lengths[nlengths++] = extra[m];
    }
}

/* One data unit, out of place and in place, with a secret key schedule (in
 * ctx), secret input and secret tweak. encrypt: plaintext -> ciphertext;
 * else ciphertext -> plaintext (the ciphertext is public in XTS, but marking
 * it secret is stricter: the plaintext it becomes is secret). The reference
 * runs on defined copies only, so it never adds memcheck errors. */
static void one_unit(struct check *c, const vxts_ctx *ctx, const uint8_t *key, size_t key_len, size_t len,
                     int encrypt)
{
    uint8_t tweak[16], tw[16];
    const uint8_t *src, *want;
    int rc, pass;

    fill(tweak, 16);
    fill(pt, len);
    if (ref_xts_encrypt(key, key_len, tweak, pt, ct_ref, len) != 0)
        abort();
    src = encrypt ? pt : ct_ref;
    want = encrypt ? ct_ref : pt;

    for (pass = 0; pass < 2; pass++) { /* 0: out of place, 1: in place */
        uint8_t *out = pass == 0 ? buf2 : buf;
        memcpy(buf, src, len);
        memcpy(tw, tweak, 16);
        SECRET(buf, len);
        SECRET(tw, 16);
        rc = encrypt ? vxts_encrypt(ctx, out, buf, len, tw) : vxts_decrypt(ctx, out, buf, len, tw);
        PUBLIC(out, len);
        PUBLIC(&rc, sizeof rc);
        if (rc != VXTS_OK || memcmp(out, want, len) != 0)
            c->mismatches++;
    }
}

/* The reference for the sector calls: one ref_xts call per sector. */
static void ref_sectors(const uint8_t *key, size_t key_len, int encrypt, const uint8_t *in, uint8_t *out,
                        size_t len, size_t sector_size, uint64_t first)
{
    size_t off;
    uint64_t s = first;
    uint8_t tweak[16];
    for (off = 0; off < len; off += sector_size, s++) {
        vxts_sector_tweak(tweak, s);
        if ((encrypt ? ref_xts_encrypt : ref_xts_decrypt)(key, key_len, tweak, in + off, out + off, sector_size))
            abort();
    }
}

struct sector_case {
    size_t sector_size, count;
    uint64_t first;
};

static const struct sector_case sector_cases[] = {
    {16, 5, 0},   {32, 3, 7},   {48, 9, 1},       {512, 8, 12345}, {4096, 2, 99},
    {520, 3, 2},  {17, 4, 0},   {4111, 2, 5},     {512, 3, UINT64_MAX - 2},
    {160, 17, 1}, {272, 33, 3}, {528, 2, 1u << 20},
};

/* The sector calls: sector numbers are public (they are checked for range,
 * a public branch); the data are secret. */
static void sectors(struct check *c, const vxts_ctx *ctx, const uint8_t *key, size_t key_len, int quick)
{
    size_t i, n = quick ? 6 : sizeof sector_cases / sizeof sector_cases[0];
    int rc;
    for (i = 0; i < n; i++) {
        const struct sector_case *sc = &sector_cases[i];
        size_t len = sc->sector_size * sc->count;
        if (len > MAX_LEN)
            abort();
        fill(pt, len);
        ref_sectors(key, key_len, 1, pt, ct_ref, len, sc->sector_size, sc->first);

        memcpy(buf, pt, len);
        SECRET(buf, len);
        rc = vxts_encrypt_sectors(ctx, buf2, buf, len, sc->sector_size, sc->first);
        PUBLIC(buf2, len);
        PUBLIC(&rc, sizeof rc);
        if (rc != VXTS_OK || memcmp(buf2, ct_ref, len) != 0)
            c->mismatches++;

        memcpy(buf, ct_ref, len);
        SECRET(buf, len);
        rc = vxts_decrypt_sectors(ctx, buf, buf, len, sc->sector_size, sc->first); /* in place */
        PUBLIC(buf, len);
        PUBLIC(&rc, sizeof rc);
        if (rc != VXTS_OK || memcmp(buf, pt, len) != 0)
            c->mismatches++;
    }
}

static void taint_backend(const char *id, size_t key_len, int quick)
{
    const char *ks = key_len == 32 ? "AES-128" : "AES-256";
    uint8_t key[64], key_s[64];
    vxts_ctx ctx;
    const vxts_key *ctx_key = (const vxts_key *)(const void *)&ctx;
    struct check c;
    size_t i, long_len = quick ? 4096 + 5 : 65536 + 7;
    int rc;

    fill(key, key_len);

    /* Key setup (both halves, the weak-key check and the backend's schedules). */
    check_begin(&c, "key setup (vxts_init_backend)");
    memcpy(key_s, key, key_len);
    SECRET(key_s, key_len);
    rc = vxts_init_backend(&ctx, key_s, key_len, id);
    PUBLIC(&rc, sizeof rc);
    /* Whether Key1 == Key2 is public: it is the status. The context's check
       word carries the same bit (zeroed, without a branch, for a weak key), and
       every call tests it: public too. Nothing else of the context is. */
    PUBLIC(&ctx_key->check, sizeof ctx_key->check);
    if (rc != VXTS_OK)
        c.mismatches++;
    check_end(&c, id, ks, 0);
    if (rc != VXTS_OK)
        return;

    check_begin(&c, "encrypt, every length class");
    for (i = 0; i < nlengths; i++)
        one_unit(&c, &ctx, key, key_len, lengths[i], 1);
    check_end(&c, id, ks, 0);

    check_begin(&c, "decrypt, every length class");
    for (i = 0; i < nlengths; i++)
        one_unit(&c, &ctx, key, key_len, lengths[i], 0);
    check_end(&c, id, ks, 0);

    /* The long data unit: the main loops many times. */
    check_begin(&c, "encrypt+decrypt, long unit");
    one_unit(&c, &ctx, key, key_len, long_len, 1);
    one_unit(&c, &ctx, key, key_len, long_len, 0);
    check_end(&c, id, ks, 0);

    check_begin(&c, "sectors (enc+dec, 16..4111 B)");
    sectors(&c, &ctx, key, key_len, quick);
    check_end(&c, id, ks, 0);

    vxts_wipe(&ctx);
}

/* ---- negative controls ------------------------------------------------------------ */

/* A deliberately leaky AES-128 (S-box table lookups indexed by key and data),
 * to prove that secret-indexed loads are reported. The table is computed
 * (multiplicative inverse in GF(2^8), then the affine map), not written out. */
static uint8_t toy_sbox[256];

static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;
    int i;
    for (i = 0; i < 8; i++) {
        r ^= (uint8_t)(-(b & 1) & a);
        a = (uint8_t)((a << 1) ^ (-(a >> 7) & 0x1b));
        b >>= 1;
    }
    return r;
}

static void toy_make_sbox(void)
{
    int x, i;
    for (x = 0; x < 256; x++) {
        uint8_t inv = 0, s;
        if (x != 0) {
            inv = 1;
            for (i = 0; i < 254; i++) /* x^254 = x^-1 */
                inv = gf_mul(inv, (uint8_t)x);
        }
        s = inv;
        for (i = 1; i < 5; i++)
            s ^= (uint8_t)((inv << i) | (inv >> (8 - i)));
        toy_sbox[x] = (uint8_t)(s ^ 0x63);
    }
}

__attribute__((noinline)) static void toy_table_aes128(const uint8_t key[16], const uint8_t in[16],
                                                       uint8_t out[16])
{
    uint8_t rk[176], s[16], t[16];
    int i, r, c;
    uint8_t rcon = 1;
    memcpy(rk, key, 16);
    for (i = 16; i < 176; i += 4) {
        uint8_t w0 = rk[i - 4], w1 = rk[i - 3], w2 = rk[i - 2], w3 = rk[i - 1];
        if (i % 16 == 0) {
            uint8_t tmp = w0;
            w0 = (uint8_t)(toy_sbox[w1] ^ rcon);
            w1 = toy_sbox[w2];
            w2 = toy_sbox[w3];
            w3 = toy_sbox[tmp];
            rcon = gf_mul(rcon, 2);
        }
        rk[i] = (uint8_t)(rk[i - 16] ^ w0);
        rk[i + 1] = (uint8_t)(rk[i - 15] ^ w1);
        rk[i + 2] = (uint8_t)(rk[i - 14] ^ w2);
        rk[i + 3] = (uint8_t)(rk[i - 13] ^ w3);
    }
    for (i = 0; i < 16; i++)
        s[i] = (uint8_t)(in[i] ^ rk[i]);
    for (r = 1; r <= 10; r++) {
        for (i = 0; i < 16; i++) /* SubBytes + ShiftRows */
            t[i] = toy_sbox[s[(i + 4 * (i % 4)) % 16]];
        for (c = 0; c < 4 && r < 10; c++) { /* MixColumns */
            uint8_t *a = t + 4 * c, a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
            a[0] = (uint8_t)(gf_mul(a0, 2) ^ gf_mul(a1, 3) ^ a2 ^ a3);
            a[1] = (uint8_t)(a0 ^ gf_mul(a1, 2) ^ gf_mul(a2, 3) ^ a3);
            a[2] = (uint8_t)(a0 ^ a1 ^ gf_mul(a2, 2) ^ gf_mul(a3, 3));
            a[3] = (uint8_t)(gf_mul(a0, 3) ^ a1 ^ a2 ^ gf_mul(a3, 2));
        }
        for (i = 0; i < 16; i++)
            s[i] = (uint8_t)(t[i] ^ rk[16 * r + i]);
    }
    memcpy(out, s, 16);
}

/* A secret branch the compiler cannot turn into a conditional move: the two
 * sides call different opaque functions. */
static volatile unsigned sink;
__attribute__((noinline)) static void side_a(void) { sink += 1; }
__attribute__((noinline)) static void side_b(void) { sink += 3; }
__attribute__((noinline)) static void secret_branch(const uint8_t *secret)
{
    if (secret[0] & 1)
        side_a();
    else
        side_b();
}

static void negative_controls(void)
{
    static const uint8_t fips197_key[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    static const uint8_t fips197_pt[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                           0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
    static const uint8_t fips197_ct[16] = {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
                                           0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a};
    uint8_t k[16], p[16], o[16];
    struct check c;

    toy_make_sbox();
    check_begin(&c, "table-lookup AES-128 (FIPS-197 C.1)");
    memcpy(k, fips197_key, 16);
    memcpy(p, fips197_pt, 16);
    SECRET(k, 16);
    SECRET(p, 16);
    toy_table_aes128(k, p, o);
    PUBLIC(o, 16);
    check_end(&c, "control", "AES-128", 1);
    if (memcmp(o, fips197_ct, 16) != 0) {
        printf("FAIL control: the table-lookup AES gives a wrong FIPS-197 C.1 result\n");
        failed++;
    }

    check_begin(&c, "secret-dependent branch");
    memcpy(k, fips197_key, 16);
    SECRET(k, 16);
    secret_branch(k);
    check_end(&c, "control", "-", 1);
}

/* ---- main ---------------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    const char *require = NULL, *only = NULL, *id;
    int quick = 0, a;
    size_t i;

    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--require") == 0 && a + 1 < argc)
            require = argv[++a];
        else if (strcmp(argv[a], "--only") == 0 && a + 1 < argc)
            only = argv[++a];
        else if (strcmp(argv[a], "--quick") == 0)
            quick = 1;
        else {
            fprintf(stderr, "usage: valgrind ct_taint [--require ID,...] [--only ID,...] [--quick]\n");
            return 2;
        }
    }
    if (!RUNNING_ON_VALGRIND) {
        printf("FAIL ct_taint must run under valgrind (memcheck)\n0 passed, 1 failed\n");
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    make_lengths(quick);
    printf("ct_taint: %zu data-unit lengths per backend and key size%s\n", nlengths, quick ? " (quick)" : "");

    negative_controls();

    for (i = 0; (id = vxts_backend_id(i)) != NULL; i++) {
        if (only != NULL && !test_id_in_list(only, id))
            continue;
        if (vxts_backend_usable(id) != VXTS_OK) {
            int req = test_id_in_list(require, id);
            printf("%-4s %-8s %-8s not usable under valgrind (valgrind's CPUID hides its ISA)%s\n",
                   req ? "FAIL" : "skip", id, "-", req ? " but it is required" : "");
            if (req)
                failed++;
            continue;
        }
        taint_backend(id, 32, quick);
        taint_backend(id, 64, quick);
    }
    { /* a required id that is no backend id of the library (a typo) */
        const char *cursor = require, *word;
        size_t len;
        while (cursor != NULL && (word = test_list_next(&cursor, &len)) != NULL) {
            int found = 0;
            for (i = 0; (id = vxts_backend_id(i)) != NULL; i++)
                found |= strlen(id) == len && memcmp(id, word, len) == 0;
            if (!found) {
                printf("FAIL required backend '%.*s' is not a backend of this library\n", (int)len, word);
                failed++;
            }
        }
    }
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
