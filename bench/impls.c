/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The measured implementations: every compiled-in vxts backend, OpenSSL 3
 * EVP, OpenSSL 3 EVP through the vxts provider and libgcrypt. Keys are set
 * once; each call only sets the tweak.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gcrypt.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/provider.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bench.h"
#include "vxts.h"

/* Fixed test keys (halves differ). */
static uint8_t key128[32], key256[64];

typedef struct vxts_state {
    vxts_ctx c128, c256;
} vxts_state;

typedef struct ossl_state {
    EVP_CIPHER_CTX *enc128, *dec128, *enc256, *dec256;
} ossl_state;

typedef struct gcry_state {
    gcry_cipher_hd_t h128, h256;
} gcry_state;

static void make_keys(void)
{
    uint64_t x = 0x0123456789abcdefull;
    size_t i;
    for (i = 0; i < sizeof key256; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        key256[i] = (uint8_t)(x >> 56);
    }
    memcpy(key128, key256 + 7, sizeof key128);
}

/* The provider's directory: OPENSSL_MODULES if set, else the build's (mk/bench.mk). */
#ifndef VXTS_BENCH_PROVIDER_DIR
#define VXTS_BENCH_PROVIDER_DIR NULL
#endif
static OSSL_LIB_CTX *provider_libctx;

static EVP_CIPHER_CTX *ossl_ctx(const EVP_CIPHER *cipher, const uint8_t *key, int enc)
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    if (c == NULL)
        return NULL;
    if (EVP_CipherInit_ex(c, cipher, NULL, key, NULL, enc) != 1) {
        EVP_CIPHER_CTX_free(c);
        return NULL;
    }
    return c;
}

static int gcry_ctx(gcry_cipher_hd_t *h, int algo, const uint8_t *key, size_t len)
{
    if (gcry_cipher_open(h, algo, GCRY_CIPHER_MODE_XTS, 0) != 0)
        return -1;
    if (gcry_cipher_setkey(*h, key, len) != 0) {
        gcry_cipher_close(*h);
        return -1;
    }
    return 0;
}

static char versions[160];

const char *impls_peer_versions(void)
{
    return versions;
}

int impls_setup(bench_impl *impls, int max, char *err, size_t errlen)
{
    int n = 0;
    size_t i;
    const char *id;
    const char *gv;

    make_keys();
    for (i = 0; (id = vxts_backend_id(i)) != NULL && n < max - 3; i++) {
        bench_impl *im = &impls[n++];
        memset(im, 0, sizeof *im);
        snprintf(im->name, sizeof im->name, "%s", id);
        im->kind = IMPL_VXTS;
        im->vxts = 1;
        if (vxts_backend_usable(id) != VXTS_OK)
            continue;
        vxts_state *s = aligned_alloc(64, sizeof *s);
        if (s == NULL) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        if (vxts_init_backend(&s->c128, key128, sizeof key128, id) != VXTS_OK ||
            vxts_init_backend(&s->c256, key256, sizeof key256, id) != VXTS_OK) {
            /* usable but refuses the key: report as a failure, not n/a */
            free(s);
            snprintf(err, errlen, "vxts_init_backend(%s) failed", id);
            return -1;
        }
        im->state = s;
        im->usable = 1;
    }

    {
        bench_impl *im = &impls[n++];
        ossl_state *s = calloc(1, sizeof *s);
        memset(im, 0, sizeof *im);
        snprintf(im->name, sizeof im->name, "openssl");
        im->kind = IMPL_OPENSSL;
        if (s == NULL)
            return -1;
        s->enc128 = ossl_ctx(EVP_aes_128_xts(), key128, 1);
        s->dec128 = ossl_ctx(EVP_aes_128_xts(), key128, 0);
        s->enc256 = ossl_ctx(EVP_aes_256_xts(), key256, 1);
        s->dec256 = ossl_ctx(EVP_aes_256_xts(), key256, 0);
        if (!s->enc128 || !s->dec128 || !s->enc256 || !s->dec256) {
            snprintf(err, errlen, "OpenSSL AES-XTS setup failed");
            return -1;
        }
        im->state = s;
        im->usable = 1;
    }

    /* The same EVP calls as "openssl", the provider loaded as an application would, in a
       library context of its own; n/a when vxts.so is not found. */
    {
        bench_impl *im = &impls[n++];
        EVP_CIPHER *c128 = NULL, *c256 = NULL;
        memset(im, 0, sizeof *im);
        snprintf(im->name, sizeof im->name, "openssl-vxts");
        im->kind = IMPL_OPENSSL_VXTS;
        provider_libctx = OSSL_LIB_CTX_new();
        if (provider_libctx != NULL && getenv("OPENSSL_MODULES") == NULL && VXTS_BENCH_PROVIDER_DIR != NULL)
            OSSL_PROVIDER_set_default_search_path(provider_libctx, VXTS_BENCH_PROVIDER_DIR);
        if (provider_libctx != NULL && OSSL_PROVIDER_load(provider_libctx, "vxts") != NULL) {
            ossl_state *s = calloc(1, sizeof *s);
            c128 = EVP_CIPHER_fetch(provider_libctx, "AES-128-XTS", "provider=vxts");
            c256 = EVP_CIPHER_fetch(provider_libctx, "AES-256-XTS", "provider=vxts");
            if (s == NULL || c128 == NULL || c256 == NULL) {
                snprintf(err, errlen, "vxts provider loaded, but its AES-XTS setup failed");
                return -1;
            }
            s->enc128 = ossl_ctx(c128, key128, 1);
            s->dec128 = ossl_ctx(c128, key128, 0);
            s->enc256 = ossl_ctx(c256, key256, 1);
            s->dec256 = ossl_ctx(c256, key256, 0);
            EVP_CIPHER_free(c128);
            EVP_CIPHER_free(c256);
            if (!s->enc128 || !s->dec128 || !s->enc256 || !s->dec256) {
                snprintf(err, errlen, "AES-XTS setup through the vxts provider failed");
                return -1;
            }
            im->state = s;
            im->usable = 1;
        } else {
            const char *dir = getenv("OPENSSL_MODULES") ? getenv("OPENSSL_MODULES") : VXTS_BENCH_PROVIDER_DIR;
            fprintf(stderr, "vxts-bench: openssl-vxts is n/a: vxts.so not loadable from %s\n",
                    dir != NULL ? dir : "OpenSSL's modulesdir");
        }
    }

    gv = gcry_check_version(NULL);
    gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
    gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
    {
        bench_impl *im = &impls[n++];
        gcry_state *s = calloc(1, sizeof *s);
        memset(im, 0, sizeof *im);
        snprintf(im->name, sizeof im->name, "gcrypt");
        im->kind = IMPL_GCRYPT;
        if (s == NULL)
            return -1;
        if (gcry_ctx(&s->h128, GCRY_CIPHER_AES128, key128, sizeof key128) != 0 ||
            gcry_ctx(&s->h256, GCRY_CIPHER_AES256, key256, sizeof key256) != 0) {
            snprintf(err, errlen, "libgcrypt AES-XTS setup failed");
            return -1;
        }
        im->state = s;
        im->usable = 1;
    }
    snprintf(versions, sizeof versions, "%s; libgcrypt %s", OpenSSL_version(OPENSSL_VERSION),
             gv ? gv : "?");
    return n;
}

void impls_free(bench_impl *impls, int n)
{
    int i;
    for (i = 0; i < n; i++) {
        bench_impl *im = &impls[i];
        if (im->state == NULL)
            continue;
        if (im->kind == IMPL_VXTS) {
            vxts_state *s = im->state;
            vxts_wipe(&s->c128);
            vxts_wipe(&s->c256);
        } else if (im->kind == IMPL_OPENSSL || im->kind == IMPL_OPENSSL_VXTS) {
            ossl_state *s = im->state;
            EVP_CIPHER_CTX_free(s->enc128);
            EVP_CIPHER_CTX_free(s->dec128);
            EVP_CIPHER_CTX_free(s->enc256);
            EVP_CIPHER_CTX_free(s->dec256);
        } else {
            gcry_state *s = im->state;
            gcry_cipher_close(s->h128);
            gcry_cipher_close(s->h256);
        }
        free(im->state);
        im->state = NULL;
    }
    OSSL_LIB_CTX_free(provider_libctx);
    provider_libctx = NULL;
}

/*
 * plain64: the data-unit number as a 128-bit little-endian value, built in
 * registers and written with one 16-byte store, as for every implementation.
 * Why one store: each library loads the 16-byte IV with one load, and x86
 * cannot forward several narrower stores into one wider load; the load then
 * waits until the previous call has retired, and short calls stop
 * overlapping. Written byte by byte (--tweak-bytes), every implementation
 * pays that stall; the README shows both.
 */
static int tweak_bytewise;

void bench_set_tweak_bytewise(int on)
{
    tweak_bytewise = on;
}

static inline void put_tweak(uint8_t t[16], uint64_t n)
{
    uint64_t v[2];
    int i;
    if (tweak_bytewise) {
        for (i = 0; i < 8; i++)
            ((volatile uint8_t *)t)[i] = (uint8_t)(n >> (8 * i));
        return;
    }
#if defined(__SSE2__)
    (void)v;
    _mm_storeu_si128((__m128i *)(void *)t, _mm_set_epi64x(0, (long long)n));
#else
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    n = __builtin_bswap64(n);
#endif
    v[0] = n;
    v[1] = 0;
    memcpy(t, v, 16);
#endif
}

/* vxts's callers get the same store from the API (vxts_sector_tweak). */
static inline void put_vxts_tweak(uint8_t t[16], uint64_t n)
{
    if (tweak_bytewise)
        put_tweak(t, n);
    else
        vxts_sector_tweak(t, n);
}

static int run_vxts(const vxts_state *s, const bench_case *c, uint8_t *out, const uint8_t *in,
                    uint64_t *seq, uint64_t ops)
{
    const vxts_ctx *ctx = c->key_bits == 128 ? &s->c128 : &s->c256;
    uint8_t tw[16] = {0};
    uint64_t n = *seq, i;
    int bad = 0;

    if (c->sectors) {
        uint64_t per = c->bytes / c->unit;
        if (c->decrypt)
            for (i = 0; i < ops; i++, n += per)
                bad |= vxts_decrypt_sectors(ctx, out, in, c->bytes, c->unit, n);
        else
            for (i = 0; i < ops; i++, n += per)
                bad |= vxts_encrypt_sectors(ctx, out, in, c->bytes, c->unit, n);
    } else if (c->decrypt) {
        for (i = 0; i < ops; i++, n++) {
            put_vxts_tweak(tw, n);
            bad |= vxts_decrypt(ctx, out, in, c->unit, tw);
        }
    } else {
        for (i = 0; i < ops; i++, n++) {
            put_vxts_tweak(tw, n);
            bad |= vxts_encrypt(ctx, out, in, c->unit, tw);
        }
    }
    *seq = n;
    return bad;
}

static int run_ossl(const ossl_state *s, const bench_case *c, uint8_t *out, const uint8_t *in,
                    uint64_t *seq, uint64_t ops)
{
    EVP_CIPHER_CTX *ctx = c->key_bits == 128 ? (c->decrypt ? s->dec128 : s->enc128)
                                             : (c->decrypt ? s->dec256 : s->enc256);
    uint8_t iv[16] = {0};
    uint64_t units = ops * (c->bytes / c->unit), n = *seq, i;
    size_t off = 0;
    int outl, ok = 1;

    for (i = 0; i < units; i++, n++) {
        put_tweak(iv, n);
        ok &= EVP_CipherInit_ex(ctx, NULL, NULL, NULL, iv, -1);
        ok &= EVP_CipherUpdate(ctx, out + off, &outl, in + off, (int)c->unit);
        if (c->sectors) {
            off += c->unit;
            if (off == c->bytes)
                off = 0;
        }
    }
    *seq = n;
    return !ok;
}

static int run_gcry(const gcry_state *s, const bench_case *c, uint8_t *out, const uint8_t *in,
                    uint64_t *seq, uint64_t ops)
{
    gcry_cipher_hd_t h = c->key_bits == 128 ? s->h128 : s->h256;
    uint8_t iv[16] = {0};
    uint64_t units = ops * (c->bytes / c->unit), n = *seq, i;
    size_t off = 0;
    gcry_error_t e = 0;

    for (i = 0; i < units; i++, n++) {
        put_tweak(iv, n);
        e |= gcry_cipher_setiv(h, iv, sizeof iv);
        if (c->decrypt)
            e |= gcry_cipher_decrypt(h, out + off, c->unit, in + off, c->unit);
        else
            e |= gcry_cipher_encrypt(h, out + off, c->unit, in + off, c->unit);
        if (c->sectors) {
            off += c->unit;
            if (off == c->bytes)
                off = 0;
        }
    }
    *seq = n;
    return e != 0;
}

int impl_run(const bench_impl *im, const bench_case *c, uint8_t *out, const uint8_t *in,
             uint64_t *seq, uint64_t ops)
{
    if (!im->usable)
        return -1;
    switch (im->kind) {
    case IMPL_VXTS: return run_vxts(im->state, c, out, in, seq, ops);
    case IMPL_OPENSSL:
    case IMPL_OPENSSL_VXTS: return run_ossl(im->state, c, out, in, seq, ops);
    case IMPL_GCRYPT: return run_gcry(im->state, c, out, in, seq, ops);
    }
    return -1;
}
