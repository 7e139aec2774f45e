/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The vxts OpenSSL provider, through EVP only, loaded as an application loads it:
 *
 *   test_provider --explicit MODULE_DIR VECTORS   OSSL_PROVIDER_load(fresh OSSL_LIB_CTX, "vxts")
 *   test_provider --config VECTORS                the default library context, configured by
 *                                                 OPENSSL_CONF (tests/provider/openssl.cnf)
 *
 * Oracle: OpenSSL's default provider. Checked: byte-identity for every length 16..4096 and
 * random lengths up to 2^24 (VXTS_PROVIDER_LARGE of them, default 300), both directions, both
 * key sizes, in place and not; IEEE 1619 Annex B (tests/vectors/ieee1619.txt); every refusal
 * (Key1 == Key2 both directions, lengths outside 16..2^24, partial overlap, no tweak, a key
 * length change) returns 0, puts vxts's message on the error queue and leaves the output as it
 * was; final writes nothing; EVP_Cipher; the parameters; dupctx; two threads on duplicated contexts.
 * libvxts is linked for vxts_strerror only (the expected messages). Ends with
 * "N passed, N failed"; exits 1 if any failed. VXTS_TEST_SEED=N replays the random choices.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/provider.h>

#include "vxts.h"

#define MAX_UNIT ((size_t)1 << 24)
#define SLACK 64 /* bytes past the largest unit: refusals must leave them alone too */
#define PATTERN 0xa5

static long passed, failed;
static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;

static void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void check(int ok, const char *fmt, ...)
{
    va_list ap;
    pthread_mutex_lock(&count_lock);
    if (ok) {
        passed++;
    } else {
        if (++failed <= 30) {
            printf("FAIL ");
            va_start(ap, fmt);
            vprintf(fmt, ap);
            va_end(ap);
            printf("\n");
        }
    }
    pthread_mutex_unlock(&count_lock);
}

/* SplitMix64: small, seedable, one state per thread. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static void random_bytes(uint64_t *state, uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        p[i] = (uint8_t)next_random(state);
}

/* Key1 || Key2 with Key1 != Key2. */
static void random_key(uint64_t *state, uint8_t *key, size_t len)
{
    do
        random_bytes(state, key, len);
    while (memcmp(key, key + len / 2, len / 2) == 0);
}

static uint64_t rng;

typedef struct ciphers {
    EVP_CIPHER *vxts[2], *oracle[2]; /* [0] AES-128-XTS, [1] AES-256-XTS */
} ciphers;
static const char *const cipher_names[2] = {"AES-128-XTS", "AES-256-XTS"};
static const size_t key_bytes[2] = {32, 64};

/* One data unit through EVP on a context with the key already set: the tweak, one update, final. */
static int evp_unit(EVP_CIPHER_CTX *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t tweak[16])
{
    int outl = -1, finl = -1;
    if (EVP_CipherInit_ex(ctx, NULL, NULL, NULL, tweak, -1) != 1)
        return 0;
    if (EVP_CipherUpdate(ctx, out, &outl, in, (int)len) != 1 || outl != (int)len)
        return 0;
    return EVP_CipherFinal_ex(ctx, out + len, &finl) == 1 && finl == 0;
}

static EVP_CIPHER_CTX *keyed(const EVP_CIPHER *c, const uint8_t *key, int enc)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (ctx != NULL && EVP_CipherInit_ex(ctx, c, NULL, key, NULL, enc) != 1) {
        EVP_CIPHER_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

/* The buffers of the differential checks. */
static uint8_t *source, *got, *want, *inplace;

/* vxts against the default provider for one length: encrypt and decrypt (of random input, so
   both directions are compared on their own), out of place and in place. */
static void differential(EVP_CIPHER_CTX *const vx[2], EVP_CIPHER_CTX *const df[2], size_t len, int k)
{
    uint8_t tweak[16];
    const uint8_t *in = source + next_random(&rng) % SLACK;
    int dir;

    random_bytes(&rng, tweak, sizeof tweak);
    for (dir = 0; dir < 2; dir++) { /* 0 encrypt, 1 decrypt */
        int ok = evp_unit(df[dir], want, in, len, tweak);
        check(ok, "%s oracle %s len %zu", cipher_names[k], dir ? "decrypt" : "encrypt", len);
        ok = evp_unit(vx[dir], got, in, len, tweak);
        check(ok && memcmp(got, want, len) == 0, "%s vxts %s len %zu differs from the default provider",
              cipher_names[k], dir ? "decrypt" : "encrypt", len);
        memcpy(inplace, in, len);
        ok = evp_unit(vx[dir], inplace, inplace, len, tweak);
        check(ok && memcmp(inplace, want, len) == 0, "%s vxts %s in place len %zu differs", cipher_names[k],
              dir ? "decrypt" : "encrypt", len);
    }
}

static void differential_all(const ciphers *cs, long large)
{
    int k, dir;
    long i;
    size_t len;

    for (k = 0; k < 2; k++) {
        uint8_t key[64];
        EVP_CIPHER_CTX *vx[2], *df[2];
        random_key(&rng, key, key_bytes[k]);
        for (dir = 0; dir < 2; dir++) {
            vx[dir] = keyed(cs->vxts[k], key, !dir);
            df[dir] = keyed(cs->oracle[k], key, !dir);
            check(vx[dir] != NULL && df[dir] != NULL, "%s: key setup", cipher_names[k]);
            if (vx[dir] == NULL || df[dir] == NULL)
                return;
        }
        for (len = 16; len <= 4096; len++)
            differential(vx, df, len, k);
        /* Random lengths to 2^24, log-uniform, the largest ones always. */
        for (i = 0; i < large; i++) {
            if (i < 3) {
                len = MAX_UNIT - (size_t)(i * 7);
            } else {
                int bits = 12 + (int)(next_random(&rng) % 12); /* 2^12 .. 2^24 */
                len = ((size_t)1 << bits) + next_random(&rng) % ((size_t)1 << bits);
                if (len > MAX_UNIT)
                    len = MAX_UNIT;
            }
            differential(vx, df, len, k);
        }
        for (dir = 0; dir < 2; dir++) {
            EVP_CIPHER_CTX_free(vx[dir]);
            EVP_CIPHER_CTX_free(df[dir]);
        }
    }
}

/* ---- refusals: 0, vxts's message on the queue, nothing written --------------------------- */

/* 1 if an error on the queue (which is emptied) carries text as its data or reason. */
static int queue_has(const char *text)
{
    unsigned long e;
    const char *data = NULL;
    int flags = 0, found = 0;

    while ((e = ERR_get_error_all(NULL, NULL, NULL, &data, &flags)) != 0) {
        const char *reason = ERR_reason_error_string(e);
        if ((data != NULL && (flags & ERR_TXT_STRING) && strstr(data, text) != NULL) ||
            (reason != NULL && strstr(reason, text) != NULL))
            found = 1;
    }
    return found;
}

static int untouched(const uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i] != PATTERN)
            return 0;
    return 1;
}

static void refusals(const ciphers *cs)
{
    static const size_t bad_lengths[] = {0, 1, 15, MAX_UNIT + 1, MAX_UNIT + 16};
    uint8_t key[64], tweak[16] = {1}, *buf = got;
    int k, enc, outl;
    size_t i;

    for (k = 0; k < 2; k++) {
        size_t kb = key_bytes[k];
        /* Key1 == Key2: refused for encryption and (unlike the default provider) decryption. */
        random_bytes(&rng, key, kb / 2);
        memcpy(key + kb / 2, key, kb / 2);
        for (enc = 0; enc < 2; enc++) {
            EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
            int r;
            ERR_clear_error();
            r = EVP_CipherInit_ex(ctx, cs->vxts[k], NULL, key, tweak, enc);
            check(r == 0 && queue_has(vxts_strerror(VXTS_ERR_WEAK_KEY)),
                  "%s Key1 == Key2 (%s): refused with vxts's message", cipher_names[k], enc ? "encrypt" : "decrypt");
            memset(buf, PATTERN, 64);
            r = EVP_CipherUpdate(ctx, buf, &outl, source, 32);
            check(r == 0 && queue_has("no key set") && untouched(buf, 64),
                  "%s after a refused key: update refused, nothing written", cipher_names[k]);
            EVP_CIPHER_CTX_free(ctx);
        }

        random_key(&rng, key, kb);
        for (enc = 0; enc < 2; enc++) {
            EVP_CIPHER_CTX *ctx = keyed(cs->vxts[k], key, enc);
            int r;
            check(ctx != NULL, "%s key setup", cipher_names[k]);
            if (ctx == NULL)
                continue;
            /* No tweak yet. */
            memset(buf, PATTERN, 64);
            ERR_clear_error();
            r = EVP_CipherUpdate(ctx, buf, &outl, source, 32);
            check(r == 0 && queue_has("no tweak") && untouched(buf, 64), "%s update without a tweak refused",
                  cipher_names[k]);
            check(EVP_CipherInit_ex(ctx, NULL, NULL, NULL, tweak, -1) == 1, "tweak set");
            for (i = 0; i < sizeof bad_lengths / sizeof bad_lengths[0]; i++) {
                size_t len = bad_lengths[i];
                memset(buf, PATTERN, len + SLACK);
                ERR_clear_error();
                r = EVP_CipherUpdate(ctx, buf, &outl, source, (int)len);
                check(r == 0 && queue_has(vxts_strerror(VXTS_ERR_DATA_LENGTH)) && untouched(buf, len + SLACK),
                      "%s %s of %zu bytes refused, nothing written", cipher_names[k], enc ? "encrypt" : "decrypt",
                      len);
            }
            /* Partial overlap, output after and before the input: the whole buffer stays. */
            for (i = 0; i < 4; i++) {
                static const int shift[4] = {1, 16, -1, -16};
                uint8_t *base = inplace + 32, *in = base, *out = base + shift[i];
                memset(inplace, PATTERN, 256);
                ERR_clear_error();
                r = EVP_CipherUpdate(ctx, out, &outl, in, 64);
                check(r == 0 && queue_has(vxts_strerror(VXTS_ERR_OVERLAP)) && untouched(inplace, 256),
                      "%s output = input %+d (partial overlap) refused, nothing written", cipher_names[k], shift[i]);
            }
            /* final writes nothing and succeeds. */
            memset(buf, PATTERN, 64);
            outl = -1;
            r = EVP_CipherFinal_ex(ctx, buf, &outl);
            check(r == 1 && outl == 0 && untouched(buf, 64), "%s final: 1, nothing written", cipher_names[k]);
            /* The key length is fixed. */
            ERR_clear_error();
            r = EVP_CIPHER_CTX_set_key_length(ctx, (int)kb - 16);
            check(r == 0 && queue_has("key length"), "%s key length change refused", cipher_names[k]);
            check(EVP_CIPHER_CTX_set_key_length(ctx, (int)kb) == 1, "%s key length = itself accepted",
                  cipher_names[k]);
            EVP_CIPHER_CTX_free(ctx);
        }
    }
    ERR_clear_error();
}

/* ---- parameters, names ------------------------------------------------------------------- */

static void parameters(const ciphers *cs, OSSL_LIB_CTX *libctx)
{
    int k;
    for (k = 0; k < 2; k++) {
        const EVP_CIPHER *c = cs->vxts[k];
        EVP_CIPHER *by_oid;
        EVP_CIPHER_CTX *ctx;
        uint8_t key[64], tweak[16], iv_back[16] = {0};
        const char *oid = k ? "1.3.111.2.1619.0.1.2" : "1.3.111.2.1619.0.1.1";

        check(strcmp(OSSL_PROVIDER_get0_name(EVP_CIPHER_get0_provider(c)), "vxts") == 0, "%s comes from vxts",
              cipher_names[k]);
        check(EVP_CIPHER_get_key_length(c) == (int)key_bytes[k] && EVP_CIPHER_get_iv_length(c) == 16 &&
                  EVP_CIPHER_get_block_size(c) == 1 && EVP_CIPHER_get_mode(c) == EVP_CIPH_XTS_MODE,
              "%s: key %d, IV %d, block %d, mode %lx as the default provider's", cipher_names[k],
              EVP_CIPHER_get_key_length(c), EVP_CIPHER_get_iv_length(c), EVP_CIPHER_get_block_size(c),
              (unsigned long)EVP_CIPHER_get_mode(c));
        check(EVP_CIPHER_get_flags(c) == EVP_CIPHER_get_flags(cs->oracle[k]), "%s flags %lx, default %lx",
              cipher_names[k], (unsigned long)EVP_CIPHER_get_flags(c),
              (unsigned long)EVP_CIPHER_get_flags(cs->oracle[k]));
        by_oid = EVP_CIPHER_fetch(libctx, oid, "provider=vxts");
        check(by_oid != NULL && EVP_CIPHER_is_a(by_oid, cipher_names[k]), "fetch by OID %s", oid);
        EVP_CIPHER_free(by_oid);

        random_key(&rng, key, key_bytes[k]);
        random_bytes(&rng, tweak, sizeof tweak);
        ctx = keyed(c, key, 1);
        check(ctx != NULL && EVP_CipherInit_ex(ctx, NULL, NULL, NULL, tweak, -1) == 1 &&
                  EVP_CIPHER_CTX_get_key_length(ctx) == (int)key_bytes[k] && EVP_CIPHER_CTX_get_iv_length(ctx) == 16 &&
                  EVP_CIPHER_CTX_get_updated_iv(ctx, iv_back, sizeof iv_back) == 1 &&
                  memcmp(iv_back, tweak, 16) == 0,
              "%s context parameters: key length, IV length, the tweak back", cipher_names[k]);
        EVP_CIPHER_CTX_free(ctx);
    }
}

/* ---- IEEE 1619 Annex B ----------------------------------------------------------------- */

static size_t unhex(const char *s, uint8_t *out, size_t max)
{
    size_t n = 0;
    while (s[0] && s[1] && n < max && s[0] != '\n') {
        unsigned v;
        if (sscanf(s, "%2x", &v) != 1)
            break;
        out[n++] = (uint8_t)v;
        s += 2;
    }
    return n;
}

typedef struct vector {
    int number;
    uint8_t key[64], tweak[16], pt[512], ct[512];
    size_t half, tweak_len, len, ct_len;
} vector;

static void vector_check(const ciphers *cs, const vector *v)
{
    int k = v->half == 32, enc;
    uint8_t out[512 + SLACK];

    if (v->half != 16 && v->half != 32) {
        check(0, "vector %d: bad key", v->number);
        return;
    }
    check(v->tweak_len == 16 && v->len == v->ct_len && v->len >= 16, "vector %d: complete", v->number);
    if (memcmp(v->key, v->key + v->half, v->half) == 0) { /* vector 1: Key1 == Key2, refused */
        for (enc = 0; enc < 2; enc++) {
            EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
            ERR_clear_error();
            check(EVP_CipherInit_ex(ctx, cs->vxts[k], NULL, v->key, v->tweak, enc) == 0 &&
                      queue_has(vxts_strerror(VXTS_ERR_WEAK_KEY)),
                  "vector %d (Key1 == Key2) refused for %s", v->number, enc ? "encryption" : "decryption");
            EVP_CIPHER_CTX_free(ctx);
        }
        return;
    }
    for (enc = 0; enc < 2; enc++) {
        EVP_CIPHER_CTX *ctx = keyed(cs->vxts[k], v->key, enc);
        const uint8_t *in = enc ? v->pt : v->ct, *expect = enc ? v->ct : v->pt;
        check(ctx != NULL && evp_unit(ctx, out, in, v->len, v->tweak) && memcmp(out, expect, v->len) == 0,
              "IEEE 1619 vector %d %s", v->number, enc ? "encrypt" : "decrypt");
        memcpy(out, in, v->len);
        check(ctx != NULL && evp_unit(ctx, out, out, v->len, v->tweak) && memcmp(out, expect, v->len) == 0,
              "IEEE 1619 vector %d %s in place", v->number, enc ? "encrypt" : "decrypt");
        EVP_CIPHER_CTX_free(ctx);
    }
}

static void vectors(const ciphers *cs, const char *path)
{
    FILE *f = fopen(path, "r");
    char line[2048];
    vector v;
    int count = 0, open_vector = 0;

    check(f != NULL, "open %s", path);
    if (f == NULL)
        return;
    memset(&v, 0, sizeof v);
    for (;;) {
        char *got_line = fgets(line, sizeof line, f);
        if (got_line == NULL || line[0] == '\n') {
            if (open_vector) {
                vector_check(cs, &v);
                count++;
            }
            memset(&v, 0, sizeof v);
            open_vector = 0;
            if (got_line == NULL)
                break;
            continue;
        }
        if (line[0] == '#')
            continue;
        open_vector = 1;
        if (sscanf(line, "Vector = %d", &v.number) == 1)
            continue;
        if (strncmp(line, "Key1 = ", 7) == 0)
            v.half = unhex(line + 7, v.key, 32);
        else if (strncmp(line, "Key2 = ", 7) == 0)
            unhex(line + 7, v.key + v.half, 32);
        else if (strncmp(line, "Tweak = ", 8) == 0)
            v.tweak_len = unhex(line + 8, v.tweak, 16);
        else if (strncmp(line, "PT = ", 5) == 0)
            v.len = unhex(line + 5, v.pt, sizeof v.pt);
        else if (strncmp(line, "CT = ", 5) == 0)
            v.ct_len = unhex(line + 5, v.ct, sizeof v.ct);
    }
    fclose(f);
    check(count >= 19, "IEEE 1619 Annex B: %d vectors read (19 expected)", count);
}

/* ---- dupctx and threads ----------------------------------------------------------------- */

static void duplicates(const ciphers *cs)
{
    int k;
    for (k = 0; k < 2; k++) {
        uint8_t key[64], t1[16], t2[16], a[512], b[512], expect1[512], expect2[512];
        EVP_CIPHER_CTX *orig, *dup = EVP_CIPHER_CTX_new(), *oracle;
        random_key(&rng, key, key_bytes[k]);
        random_bytes(&rng, t1, 16);
        random_bytes(&rng, t2, 16);
        oracle = keyed(cs->oracle[k], key, 1);
        check(oracle != NULL && evp_unit(oracle, expect1, source, 500, t1) && evp_unit(oracle, expect2, source, 500, t2),
              "oracle");
        /* The tweak first, then the key alone (as openssl speed does): the tweak stays. */
        orig = EVP_CIPHER_CTX_new();
        check(EVP_CipherInit_ex(orig, cs->vxts[k], NULL, NULL, t1, 1) == 1 &&
                  EVP_CipherInit_ex(orig, NULL, NULL, key, NULL, -1) == 1 &&
                  EVP_CipherUpdate(orig, a, &(int){0}, source, 500) == 1 && memcmp(a, expect1, 500) == 0,
              "%s: a tweak set before the key is kept", cipher_names[k]);
        memset(a, 0, sizeof a);
        check(EVP_Cipher(orig, a, source, 500) > 0 && memcmp(a, expect1, 500) == 0,
              "%s: EVP_Cipher (the cipher function) as update", cipher_names[k]);
        EVP_CIPHER_CTX_free(orig);
        orig = keyed(cs->vxts[k], key, 1);
        check(orig != NULL && EVP_CipherInit_ex(orig, NULL, NULL, NULL, t1, -1) == 1 &&
                  EVP_CIPHER_CTX_copy(dup, orig) == 1,
              "%s: EVP_CIPHER_CTX_copy (dupctx)", cipher_names[k]);
        /* Both, with the tweak the original had when copied. */
        check(EVP_CipherUpdate(orig, a, &(int){0}, source, 500) == 1 && memcmp(a, expect1, 500) == 0 &&
                  EVP_CipherUpdate(dup, b, &(int){0}, source, 500) == 1 && memcmp(b, expect1, 500) == 0,
              "%s: original and duplicate both encrypt right", cipher_names[k]);
        /* Independent: a new tweak in the duplicate, the original freed. */
        check(EVP_CipherInit_ex(dup, NULL, NULL, NULL, t2, -1) == 1 &&
                  EVP_CipherUpdate(orig, a, &(int){0}, source, 500) == 1 && memcmp(a, expect1, 500) == 0,
              "%s: the original keeps its tweak", cipher_names[k]);
        EVP_CIPHER_CTX_free(orig);
        check(EVP_CipherUpdate(dup, b, &(int){0}, source, 500) == 1 && memcmp(b, expect2, 500) == 0,
              "%s: the duplicate works after the original is freed", cipher_names[k]);
        EVP_CIPHER_CTX_free(dup);
        EVP_CIPHER_CTX_free(oracle);
    }
}

typedef struct worker {
    EVP_CIPHER_CTX *vx;          /* duplicated from one keyed context */
    const EVP_CIPHER *oracle;
    const uint8_t *key;
    uint64_t seed;
    long bad, done;
} worker;

static void *worker_run(void *arg)
{
    worker *w = arg;
    EVP_CIPHER_CTX *df = keyed(w->oracle, w->key, 1);
    uint8_t *a = malloc(65536), *b = malloc(65536), tweak[16];
    int i;

    if (df == NULL || a == NULL || b == NULL) {
        w->bad = 1;
    } else {
        for (i = 0; i < 400; i++) {
            size_t len = 16 + next_random(&w->seed) % (65536 - 16);
            random_bytes(&w->seed, tweak, 16);
            if (!evp_unit(w->vx, a, source, len, tweak) || !evp_unit(df, b, source, len, tweak) ||
                memcmp(a, b, len) != 0)
                w->bad++;
            w->done++;
        }
    }
    EVP_CIPHER_CTX_free(df);
    free(a);
    free(b);
    return NULL;
}

static void threads(const ciphers *cs)
{
    uint8_t key[64];
    EVP_CIPHER_CTX *parent;
    worker w[2];
    pthread_t t[2];
    int i;

    random_key(&rng, key, 64);
    parent = keyed(cs->vxts[1], key, 1);
    check(parent != NULL, "threads: key setup");
    if (parent == NULL)
        return;
    for (i = 0; i < 2; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].vx = EVP_CIPHER_CTX_new();
        w[i].oracle = cs->oracle[1];
        w[i].key = key;
        w[i].seed = next_random(&rng);
        check(EVP_CIPHER_CTX_copy(w[i].vx, parent) == 1, "threads: dupctx %d", i);
    }
    EVP_CIPHER_CTX_free(parent);
    for (i = 0; i < 2; i++)
        check(pthread_create(&t[i], NULL, worker_run, &w[i]) == 0, "pthread_create");
    for (i = 0; i < 2; i++) {
        pthread_join(t[i], NULL);
        check(w[i].bad == 0 && w[i].done == 400, "thread %d: %ld of %ld data units differ", i, w[i].bad, w[i].done);
        EVP_CIPHER_CTX_free(w[i].vx);
    }
}

/* ---- loading --------------------------------------------------------------------------- */

/* Config mode: a plain application, no property query, gets vxts (default_properties). */
static void implicit_fetch(void)
{
    EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, "AES-256-XTS", NULL);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    uint8_t key[64];

    check(c != NULL && strcmp(OSSL_PROVIDER_get0_name(EVP_CIPHER_get0_provider(c)), "vxts") == 0,
          "config: EVP_CIPHER_fetch(NULL, \"AES-256-XTS\", NULL) gives vxts's");
    EVP_CIPHER_free(c);
    random_key(&rng, key, 64);
    check(EVP_EncryptInit_ex(ctx, EVP_aes_256_xts(), NULL, key, key) == 1 &&
              strcmp(OSSL_PROVIDER_get0_name(EVP_CIPHER_get0_provider(EVP_CIPHER_CTX_get0_cipher(ctx))), "vxts") == 0,
          "config: EVP_aes_256_xts() (unchanged legacy code) runs on vxts");
    EVP_CIPHER_CTX_free(ctx);
}

static void provider_params(OSSL_PROVIDER *prov)
{
    const char *name = NULL, *version = NULL, *info = NULL;
    int status = 0;
    OSSL_PARAM p[] = {
        OSSL_PARAM_utf8_ptr(OSSL_PROV_PARAM_NAME, &name, 0),
        OSSL_PARAM_utf8_ptr(OSSL_PROV_PARAM_VERSION, &version, 0),
        OSSL_PARAM_utf8_ptr(OSSL_PROV_PARAM_BUILDINFO, &info, 0),
        OSSL_PARAM_int(OSSL_PROV_PARAM_STATUS, &status),
        OSSL_PARAM_END,
    };
    check(OSSL_PROVIDER_get_params(prov, p) == 1 && name && strcmp(name, "vxts") == 0 && version &&
              strcmp(version, VXTS_VERSION_STRING) == 0 && info && strstr(info, "vxts") && status == 1,
          "provider parameters: name %s, version %s, buildinfo %s, status %d", name ? name : "?",
          version ? version : "?", info ? info : "?", status);
}

int main(int argc, char **argv)
{
    OSSL_LIB_CTX *libctx = NULL;
    OSSL_PROVIDER *prov = NULL;
    ciphers cs;
    const char *vectors_path, *mode = argc > 1 ? argv[1] : "";
    long large = 300;
    int k, config;
    uint64_t seed;

    config = strcmp(mode, "--config") == 0;
    if (!(config && argc == 3) && !(strcmp(mode, "--explicit") == 0 && argc == 4)) {
        fprintf(stderr, "usage: test_provider --explicit MODULE_DIR VECTORS | --config VECTORS\n");
        return 2;
    }
    vectors_path = argv[argc - 1];
    if (getenv("VXTS_PROVIDER_LARGE") != NULL)
        large = strtol(getenv("VXTS_PROVIDER_LARGE"), NULL, 0);
    seed = getenv("VXTS_TEST_SEED") ? strtoull(getenv("VXTS_TEST_SEED"), NULL, 0) : (uint64_t)time(NULL);
    rng = seed;
    printf("test_provider %s: seed 0x%llx (VXTS_TEST_SEED replays), %ld random lengths to 2^24\n", mode,
           (unsigned long long)seed, large);

    if (config) {
        prov = NULL;
        check(OSSL_PROVIDER_available(NULL, "vxts") == 1, "config: vxts is loaded and active (OPENSSL_CONF=%s)",
              getenv("OPENSSL_CONF") ? getenv("OPENSSL_CONF") : "unset");
    } else {
        libctx = OSSL_LIB_CTX_new();
        check(libctx != NULL && OSSL_PROVIDER_set_default_search_path(libctx, argv[2]) == 1, "new OSSL_LIB_CTX");
        prov = OSSL_PROVIDER_load(libctx, "vxts");
        check(prov != NULL, "OSSL_PROVIDER_load(libctx, \"vxts\") from %s", argv[2]);
        if (prov != NULL)
            provider_params(prov);
    }
    for (k = 0; k < 2; k++) {
        cs.vxts[k] = EVP_CIPHER_fetch(libctx, cipher_names[k], "provider=vxts");
        cs.oracle[k] = EVP_CIPHER_fetch(NULL, cipher_names[k], "provider=default");
        check(cs.vxts[k] != NULL && cs.oracle[k] != NULL, "fetch %s from vxts and from default", cipher_names[k]);
    }
    if (cs.vxts[0] == NULL || cs.vxts[1] == NULL || cs.oracle[0] == NULL || cs.oracle[1] == NULL) {
        ERR_print_errors_fp(stdout);
        printf("%ld passed, %ld failed\n", passed, failed);
        return 1;
    }
    source = malloc(MAX_UNIT + 2 * SLACK);
    got = malloc(MAX_UNIT + 2 * SLACK);
    want = malloc(MAX_UNIT + 2 * SLACK);
    inplace = malloc(MAX_UNIT + 2 * SLACK);
    if (!source || !got || !want || !inplace) {
        printf("out of memory\n0 passed, 1 failed\n");
        return 1;
    }
    random_bytes(&rng, source, MAX_UNIT + 2 * SLACK);

    if (config)
        implicit_fetch();
    parameters(&cs, libctx);
    vectors(&cs, vectors_path);
    refusals(&cs);
    duplicates(&cs);
    threads(&cs);
    differential_all(&cs, large);

    for (k = 0; k < 2; k++) {
        EVP_CIPHER_free(cs.vxts[k]);
        EVP_CIPHER_free(cs.oracle[k]);
    }
    if (prov != NULL)
        check(OSSL_PROVIDER_unload(prov) == 1, "OSSL_PROVIDER_unload");
    OSSL_LIB_CTX_free(libctx);
    free(source);
    free(got);
    free(want);
    free(inplace);
    printf("%ld passed, %ld failed\n", passed, failed);
    return failed != 0;
}
