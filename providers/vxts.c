/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts as an OpenSSL 3 provider: AES-128-XTS and AES-256-XTS for every EVP
 * application, by configuration alone (README, "OpenSSL provider").
 *
 * Semantics are those of OpenSSL's own XTS ciphers for the same calls: the IV is
 * the 16-byte tweak i of IEEE 1619-2018 §5.3.1, each update is one whole data unit
 * (output length = input length), final writes nothing. Stricter, as vxts is:
 * Key1 == Key2 is refused for decryption too, lengths outside 16..2^24 and a
 * partial overlap of input and output are refused; every refusal writes nothing.
 *
 * The module links the vxts library statically and nothing else: it does not
 * link libcrypto, so parameters are read and written here and errors go to
 * OpenSSL's error queue through the core's upcalls.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core.h>
#include <openssl/core_dispatch.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>      /* EVP_CIPH_XTS_MODE: a constant, nothing is linked */
#include <openssl/opensslv.h> /* OPENSSL_VERSION_TEXT of the headers built against */
#include <openssl/params.h>   /* the OSSL_PARAM_* table macros only */

#include "vxts.h"

#define TWEAK_BYTES 16u

/* Reason codes on the error queue: a vxts status as its negation, the provider's own above. */
enum {
    REASON_NO_KEY = 100,
    REASON_NO_TWEAK,
    REASON_TWEAK_LENGTH,
    REASON_OUTPUT_TOO_SMALL,
    REASON_KEY_LENGTH_FIXED,
    REASON_BAD_PARAMETER,
    REASON_OUT_OF_MEMORY
};

static const OSSL_ITEM reason_strings[] = {
    {(unsigned int)-VXTS_ERR_ARGUMENT, (void *)"VXTS_ERR_ARGUMENT"},
    {(unsigned int)-VXTS_ERR_KEY_LENGTH, (void *)"VXTS_ERR_KEY_LENGTH"},
    {(unsigned int)-VXTS_ERR_WEAK_KEY, (void *)"VXTS_ERR_WEAK_KEY"},
    {(unsigned int)-VXTS_ERR_DATA_LENGTH, (void *)"VXTS_ERR_DATA_LENGTH"},
    {(unsigned int)-VXTS_ERR_OVERLAP, (void *)"VXTS_ERR_OVERLAP"},
    {(unsigned int)-VXTS_ERR_BACKEND_UNAVAILABLE, (void *)"VXTS_ERR_BACKEND_UNAVAILABLE"},
    {(unsigned int)-VXTS_ERR_SECTOR_RANGE, (void *)"VXTS_ERR_SECTOR_RANGE"},
    {REASON_NO_KEY, (void *)"no key set"},
    {REASON_NO_TWEAK, (void *)"no tweak (IV) set"},
    {REASON_TWEAK_LENGTH, (void *)"the tweak (IV) must be 16 bytes"},
    {REASON_OUTPUT_TOO_SMALL, (void *)"output buffer too small"},
    {REASON_KEY_LENGTH_FIXED, (void *)"the key length of an XTS cipher cannot change"},
    {REASON_BAD_PARAMETER, (void *)"bad parameter"},
    {REASON_OUT_OF_MEMORY, (void *)"out of memory"},
    {0, NULL}
};

/* One per provider activation (one per library context). */
typedef struct provider {
    const OSSL_CORE_HANDLE *handle;
    OSSL_FUNC_core_new_error_fn *new_error;
    OSSL_FUNC_core_set_error_debug_fn *set_error_debug;
    OSSL_FUNC_core_vset_error_fn *vset_error;
} provider;

typedef struct cipher {
    vxts_ctx xts;                 /* plain caller memory: dupctx copies it */
    uint8_t tweak[TWEAK_BYTES];
    const provider *prov;
    size_t key_bytes;             /* Key1 || Key2: 32 or 64 */
    int key_set, tweak_set, encrypt;
} cipher;

static void raise_error(const provider *prov, int reason, int line, const char *func, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void raise_error(const provider *prov, int reason, int line, const char *func, const char *fmt, ...)
{
    va_list ap;

    if (prov->new_error == NULL || prov->vset_error == NULL)
        return;
    prov->new_error(prov->handle);
    if (prov->set_error_debug != NULL)
        prov->set_error_debug(prov->handle, __FILE__, line, func);
    va_start(ap, fmt);
    prov->vset_error(prov->handle, (uint32_t)reason, fmt, ap);
    va_end(ap);
}

/* A vxts status: 1, or 0 with vxts's message on the queue. */
static int vxts_result(const provider *prov, int status, int line, const char *func)
{
    if (status == VXTS_OK)
        return 1;
    raise_error(prov, -status, line, func, "%s", vxts_strerror(status));
    return 0;
}

/* ---- OSSL_PARAM, without libcrypto ------------------------------------------------ */

static OSSL_PARAM *param_find(OSSL_PARAM params[], const char *key)
{
    for (; params != NULL && params->key != NULL; params++)
        if (strcmp(params->key, key) == 0)
            return params;
    return NULL;
}

static const OSSL_PARAM *param_find_const(const OSSL_PARAM params[], const char *key)
{
    for (; params != NULL && params->key != NULL; params++)
        if (strcmp(params->key, key) == 0)
            return params;
    return NULL;
}

/* Small non-negative integers into an int/uint/size_t parameter of 4 or 8 bytes. */
static int param_set_number(OSSL_PARAM *p, uint32_t value)
{
    if (p->data_type != OSSL_PARAM_INTEGER && p->data_type != OSSL_PARAM_UNSIGNED_INTEGER)
        return 0;
    if (p->data_size == sizeof(uint32_t)) {
        if (p->data != NULL)
            memcpy(p->data, &value, sizeof value);
    } else if (p->data_size == sizeof(uint64_t)) {
        uint64_t wide = value;
        if (p->data != NULL)
            memcpy(p->data, &wide, sizeof wide);
    } else {
        return 0;
    }
    p->return_size = p->data_size;
    return 1;
}

static int param_get_number(const OSSL_PARAM *p, uint64_t *value)
{
    if (p->data == NULL || (p->data_type != OSSL_PARAM_INTEGER && p->data_type != OSSL_PARAM_UNSIGNED_INTEGER))
        return 0;
    if (p->data_size == sizeof(uint32_t)) {
        uint32_t v;
        memcpy(&v, p->data, sizeof v);
        if (p->data_type == OSSL_PARAM_INTEGER && (int32_t)v < 0)
            return 0;
        *value = v;
        return 1;
    }
    if (p->data_size == sizeof(uint64_t)) {
        uint64_t v;
        memcpy(&v, p->data, sizeof v);
        if (p->data_type == OSSL_PARAM_INTEGER && (int64_t)v < 0)
            return 0;
        *value = v;
        return 1;
    }
    return 0;
}

static int param_set_text(OSSL_PARAM *p, const char *text)
{
    size_t len = strlen(text);

    p->return_size = len;
    if (p->data_type == OSSL_PARAM_UTF8_PTR) {
        if (p->data != NULL)
            *(const char **)p->data = text;
        return 1;
    }
    if (p->data_type != OSSL_PARAM_UTF8_STRING)
        return 0;
    if (p->data == NULL)
        return 1;
    if (p->data_size <= len)
        return 0;
    memcpy(p->data, text, len + 1);
    return 1;
}

static int param_set_bytes(OSSL_PARAM *p, const uint8_t *bytes, size_t len)
{
    p->return_size = len;
    if (p->data_type == OSSL_PARAM_OCTET_PTR) {
        if (p->data != NULL)
            *(const void **)p->data = bytes;
        return 1;
    }
    if (p->data_type != OSSL_PARAM_OCTET_STRING)
        return 0;
    if (p->data == NULL)
        return 1;
    if (p->data_size < len)
        return 0;
    memcpy(p->data, bytes, len);
    return 1;
}

/* ---- the cipher --------------------------------------------------------------------- */

static OSSL_FUNC_cipher_freectx_fn xts_freectx;
static OSSL_FUNC_cipher_dupctx_fn xts_dupctx;
static OSSL_FUNC_cipher_encrypt_init_fn xts_encrypt_init;
static OSSL_FUNC_cipher_decrypt_init_fn xts_decrypt_init;
static OSSL_FUNC_cipher_final_fn xts_final;
static OSSL_FUNC_cipher_cipher_fn xts_cipher;
static OSSL_FUNC_cipher_get_ctx_params_fn xts_get_ctx_params;
static OSSL_FUNC_cipher_set_ctx_params_fn xts_set_ctx_params;
static OSSL_FUNC_cipher_gettable_params_fn xts_gettable_params;
static OSSL_FUNC_cipher_gettable_ctx_params_fn xts_gettable_ctx_params;
static OSSL_FUNC_cipher_settable_ctx_params_fn xts_settable_ctx_params;

/* 64-byte aligned, as the library's vector loads of the key schedule prefer. */
static cipher *cipher_alloc(void)
{
    size_t size = (sizeof(cipher) + 63) & ~(size_t)63;
    cipher *c = aligned_alloc(64, size);

    if (c != NULL)
        memset(c, 0, sizeof *c);
    return c;
}

static void *xts_newctx(void *provctx, size_t key_bytes)
{
    cipher *c = cipher_alloc();

    if (c == NULL) {
        raise_error(provctx, REASON_OUT_OF_MEMORY, __LINE__, __func__, "%zu bytes", sizeof *c);
        return NULL;
    }
    c->prov = provctx;
    c->key_bytes = key_bytes;
    return c;
}

static void *xts128_newctx(void *provctx)
{
    return xts_newctx(provctx, VXTS_KEY_BYTES_128);
}

static void *xts256_newctx(void *provctx)
{
    return xts_newctx(provctx, VXTS_KEY_BYTES_256);
}

/* The key schedules go, in a way the compiler cannot drop. */
static void cipher_forget_key(cipher *c)
{
    vxts_wipe(&c->xts);
    c->key_set = 0;
}

static void xts_freectx(void *vctx)
{
    cipher *c = vctx;

    if (c == NULL)
        return;
    cipher_forget_key(c);
    explicit_bzero(c->tweak, sizeof c->tweak);
    free(c);
}

static void *xts_dupctx(void *vctx)
{
    const cipher *in = vctx;
    cipher *out = cipher_alloc();

    if (out == NULL) {
        raise_error(in->prov, REASON_OUT_OF_MEMORY, __LINE__, __func__, "%zu bytes", sizeof *out);
        return NULL;
    }
    memcpy(out, in, sizeof *out);
    return out;
}

static int xts_init(cipher *c, const unsigned char *key, size_t keylen, const unsigned char *iv, size_t ivlen,
                    const OSSL_PARAM params[], int encrypt)
{
    c->encrypt = encrypt;
    if (iv != NULL && ivlen != TWEAK_BYTES) {
        raise_error(c->prov, REASON_TWEAK_LENGTH, __LINE__, __func__, "got %zu bytes", ivlen);
        return 0;
    }
    if (key != NULL) {
        int status;
        if (keylen != c->key_bytes) {
            raise_error(c->prov, -VXTS_ERR_KEY_LENGTH, __LINE__, __func__, "%s (got %zu)",
                        vxts_strerror(VXTS_ERR_KEY_LENGTH), keylen);
            return 0;
        }
        /* The old key goes first: a refused key leaves no usable key (vxts_init wipes). A tweak
           set before stays, as with OpenSSL's XTS (an application may set the IV, then the key). */
        cipher_forget_key(c);
        status = vxts_init(&c->xts, key, keylen);
        if (!vxts_result(c->prov, status, __LINE__, __func__))
            return 0;
        c->key_set = 1;
    }
    if (iv != NULL) {
        memcpy(c->tweak, iv, TWEAK_BYTES);
        c->tweak_set = 1;
    }
    return xts_set_ctx_params(c, params);
}

static int xts_encrypt_init(void *vctx, const unsigned char *key, size_t keylen, const unsigned char *iv,
                            size_t ivlen, const OSSL_PARAM params[])
{
    return xts_init(vctx, key, keylen, iv, ivlen, params, 1);
}

static int xts_decrypt_init(void *vctx, const unsigned char *key, size_t keylen, const unsigned char *iv,
                            size_t ivlen, const OSSL_PARAM params[])
{
    return xts_init(vctx, key, keylen, iv, ivlen, params, 0);
}

/* update and cipher: one data unit, the whole input under the current tweak, as OpenSSL's XTS. */
static int xts_cipher(void *vctx, unsigned char *out, size_t *outl, size_t outsize, const unsigned char *in,
                      size_t inl)
{
    cipher *c = vctx;
    int status;

    if (!c->key_set) {
        raise_error(c->prov, REASON_NO_KEY, __LINE__, __func__, "initialise with a key first");
        return 0;
    }
    if (!c->tweak_set) {
        raise_error(c->prov, REASON_NO_TWEAK, __LINE__, __func__, "initialise with a 16-byte IV first");
        return 0;
    }
    if (outsize < inl) {
        raise_error(c->prov, REASON_OUTPUT_TOO_SMALL, __LINE__, __func__, "%zu bytes for %zu", outsize, inl);
        return 0;
    }
    status = c->encrypt ? vxts_encrypt(&c->xts, out, in, inl, c->tweak) : vxts_decrypt(&c->xts, out, in, inl, c->tweak);
    if (!vxts_result(c->prov, status, __LINE__, __func__))
        return 0;
    *outl = inl;
    return 1;
}

static int xts_final(void *vctx, unsigned char *out, size_t *outl, size_t outsize)
{
    (void)vctx;
    (void)out;
    (void)outsize;
    *outl = 0;
    return 1;
}

/* What the EVP layer reads once per fetched cipher (the default provider's values). */
static int xts_get_params(OSSL_PARAM params[], size_t key_bytes)
{
    OSSL_PARAM *p;

    if ((p = param_find(params, OSSL_CIPHER_PARAM_MODE)) != NULL && !param_set_number(p, EVP_CIPH_XTS_MODE))
        return 0;
    if ((p = param_find(params, OSSL_CIPHER_PARAM_KEYLEN)) != NULL && !param_set_number(p, (uint32_t)key_bytes))
        return 0;
    if ((p = param_find(params, OSSL_CIPHER_PARAM_IVLEN)) != NULL && !param_set_number(p, TWEAK_BYTES))
        return 0;
    /* Block size 1: any length is passed through, vxts decides (ciphertext stealing). */
    if ((p = param_find(params, OSSL_CIPHER_PARAM_BLOCK_SIZE)) != NULL && !param_set_number(p, 1))
        return 0;
    if ((p = param_find(params, OSSL_CIPHER_PARAM_CUSTOM_IV)) != NULL && !param_set_number(p, 1))
        return 0;
    if ((p = param_find(params, OSSL_CIPHER_PARAM_AEAD)) != NULL && !param_set_number(p, 0))
        return 0;
    if ((p = param_find(params, OSSL_CIPHER_PARAM_CTS)) != NULL && !param_set_number(p, 0))
        return 0;
    if ((p = param_find(params, OSSL_CIPHER_PARAM_TLS1_MULTIBLOCK)) != NULL && !param_set_number(p, 0))
        return 0;
    if ((p = param_find(params, OSSL_CIPHER_PARAM_HAS_RAND_KEY)) != NULL && !param_set_number(p, 0))
        return 0;
    return 1;
}

static int xts128_get_params(OSSL_PARAM params[])
{
    return xts_get_params(params, VXTS_KEY_BYTES_128);
}

static int xts256_get_params(OSSL_PARAM params[])
{
    return xts_get_params(params, VXTS_KEY_BYTES_256);
}

static const OSSL_PARAM gettable_params[] = {
    OSSL_PARAM_uint(OSSL_CIPHER_PARAM_MODE, NULL),
    OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_KEYLEN, NULL),
    OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_IVLEN, NULL),
    OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_BLOCK_SIZE, NULL),
    OSSL_PARAM_int(OSSL_CIPHER_PARAM_CUSTOM_IV, NULL),
    OSSL_PARAM_int(OSSL_CIPHER_PARAM_AEAD, NULL),
    OSSL_PARAM_int(OSSL_CIPHER_PARAM_CTS, NULL),
    OSSL_PARAM_int(OSSL_CIPHER_PARAM_TLS1_MULTIBLOCK, NULL),
    OSSL_PARAM_int(OSSL_CIPHER_PARAM_HAS_RAND_KEY, NULL),
    OSSL_PARAM_END
};

static const OSSL_PARAM *xts_gettable_params(void *provctx)
{
    (void)provctx;
    return gettable_params;
}

static int xts_get_ctx_params(void *vctx, OSSL_PARAM params[])
{
    const cipher *c = vctx;
    OSSL_PARAM *p;

    if ((p = param_find(params, OSSL_CIPHER_PARAM_KEYLEN)) != NULL && !param_set_number(p, (uint32_t)c->key_bytes))
        return 0;
    if ((p = param_find(params, OSSL_CIPHER_PARAM_IVLEN)) != NULL && !param_set_number(p, TWEAK_BYTES))
        return 0;
    /* The tweak never changes: each update is one data unit under the same i. */
    if ((p = param_find(params, OSSL_CIPHER_PARAM_IV)) != NULL && !param_set_bytes(p, c->tweak, TWEAK_BYTES))
        return 0;
    if ((p = param_find(params, OSSL_CIPHER_PARAM_UPDATED_IV)) != NULL &&
        !param_set_bytes(p, c->tweak, TWEAK_BYTES))
        return 0;
    return 1;
}

static const OSSL_PARAM gettable_ctx_params[] = {
    OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_KEYLEN, NULL),
    OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_IVLEN, NULL),
    OSSL_PARAM_octet_string(OSSL_CIPHER_PARAM_IV, NULL, 0),
    OSSL_PARAM_octet_string(OSSL_CIPHER_PARAM_UPDATED_IV, NULL, 0),
    OSSL_PARAM_END
};

static const OSSL_PARAM *xts_gettable_ctx_params(void *vctx, void *provctx)
{
    (void)vctx;
    (void)provctx;
    return gettable_ctx_params;
}

/* Only the key length is settable, and only to what it is; others are ignored (OpenSSL's rule). */
static int xts_set_ctx_params(void *vctx, const OSSL_PARAM params[])
{
    const cipher *c = vctx;
    const OSSL_PARAM *p = param_find_const(params, OSSL_CIPHER_PARAM_KEYLEN);
    uint64_t keylen;

    if (p == NULL)
        return 1;
    if (!param_get_number(p, &keylen)) {
        raise_error(c->prov, REASON_BAD_PARAMETER, __LINE__, __func__, "%s", OSSL_CIPHER_PARAM_KEYLEN);
        return 0;
    }
    if (keylen != c->key_bytes) {
        raise_error(c->prov, REASON_KEY_LENGTH_FIXED, __LINE__, __func__, "%zu, not %llu", c->key_bytes,
                    (unsigned long long)keylen);
        return 0;
    }
    return 1;
}

static const OSSL_PARAM settable_ctx_params[] = {
    OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_KEYLEN, NULL),
    OSSL_PARAM_END
};

static const OSSL_PARAM *xts_settable_ctx_params(void *vctx, void *provctx)
{
    (void)vctx;
    (void)provctx;
    return settable_ctx_params;
}

#define XTS_DISPATCH(bits)                                                                      \
    static const OSSL_DISPATCH xts##bits##_functions[] = {                                      \
        {OSSL_FUNC_CIPHER_NEWCTX, (void (*)(void))xts##bits##_newctx},                          \
        {OSSL_FUNC_CIPHER_FREECTX, (void (*)(void))xts_freectx},                                \
        {OSSL_FUNC_CIPHER_DUPCTX, (void (*)(void))xts_dupctx},                                  \
        {OSSL_FUNC_CIPHER_ENCRYPT_INIT, (void (*)(void))xts_encrypt_init},                      \
        {OSSL_FUNC_CIPHER_DECRYPT_INIT, (void (*)(void))xts_decrypt_init},                      \
        {OSSL_FUNC_CIPHER_UPDATE, (void (*)(void))xts_cipher},                                  \
        {OSSL_FUNC_CIPHER_FINAL, (void (*)(void))xts_final},                                    \
        {OSSL_FUNC_CIPHER_CIPHER, (void (*)(void))xts_cipher},                                  \
        {OSSL_FUNC_CIPHER_GET_PARAMS, (void (*)(void))xts##bits##_get_params},                  \
        {OSSL_FUNC_CIPHER_GET_CTX_PARAMS, (void (*)(void))xts_get_ctx_params},                  \
        {OSSL_FUNC_CIPHER_SET_CTX_PARAMS, (void (*)(void))xts_set_ctx_params},                  \
        {OSSL_FUNC_CIPHER_GETTABLE_PARAMS, (void (*)(void))xts_gettable_params},                \
        {OSSL_FUNC_CIPHER_GETTABLE_CTX_PARAMS, (void (*)(void))xts_gettable_ctx_params},        \
        {OSSL_FUNC_CIPHER_SETTABLE_CTX_PARAMS, (void (*)(void))xts_settable_ctx_params},        \
        {0, NULL}                                                                               \
    }
XTS_DISPATCH(128);
XTS_DISPATCH(256);

/* The default provider's names and OIDs (IEEE 1619 arc 1.3.111.2.1619.0.1), so that a
   fetch of "AES-256-XTS" with "provider=vxts" (or no property) finds these. */
static const OSSL_ALGORITHM ciphers[] = {
    {"AES-128-XTS:1.3.111.2.1619.0.1.1", "provider=vxts", xts128_functions, "AES-128-XTS by vxts"},
    {"AES-256-XTS:1.3.111.2.1619.0.1.2", "provider=vxts", xts256_functions, "AES-256-XTS by vxts"},
    {NULL, NULL, NULL, NULL}
};

/* ---- the provider ------------------------------------------------------------------- */

#define PROVIDER_NAME "vxts"
#define BUILDINFO "vxts " VXTS_VERSION_STRING ", built against " OPENSSL_VERSION_TEXT

static const OSSL_PARAM provider_gettable[] = {
    OSSL_PARAM_utf8_ptr(OSSL_PROV_PARAM_NAME, NULL, 0),
    OSSL_PARAM_utf8_ptr(OSSL_PROV_PARAM_VERSION, NULL, 0),
    OSSL_PARAM_utf8_ptr(OSSL_PROV_PARAM_BUILDINFO, NULL, 0),
    OSSL_PARAM_int(OSSL_PROV_PARAM_STATUS, NULL),
    OSSL_PARAM_END
};

static const OSSL_PARAM *provider_gettable_params(void *provctx)
{
    (void)provctx;
    return provider_gettable;
}

static int provider_get_params(void *provctx, OSSL_PARAM params[])
{
    OSSL_PARAM *p;

    (void)provctx;
    if ((p = param_find(params, OSSL_PROV_PARAM_NAME)) != NULL && !param_set_text(p, PROVIDER_NAME))
        return 0;
    if ((p = param_find(params, OSSL_PROV_PARAM_VERSION)) != NULL && !param_set_text(p, vxts_version()))
        return 0;
    if ((p = param_find(params, OSSL_PROV_PARAM_BUILDINFO)) != NULL && !param_set_text(p, BUILDINFO))
        return 0;
    if ((p = param_find(params, OSSL_PROV_PARAM_STATUS)) != NULL && !param_set_number(p, 1))
        return 0;
    return 1;
}

static const OSSL_ALGORITHM *provider_query(void *provctx, int operation_id, int *no_cache)
{
    (void)provctx;
    *no_cache = 0;
    return operation_id == OSSL_OP_CIPHER ? ciphers : NULL;
}

static const OSSL_ITEM *provider_reason_strings(void *provctx)
{
    (void)provctx;
    return reason_strings;
}

static void provider_teardown(void *provctx)
{
    free(provctx);
}

static const OSSL_DISPATCH provider_functions[] = {
    {OSSL_FUNC_PROVIDER_TEARDOWN, (void (*)(void))provider_teardown},
    {OSSL_FUNC_PROVIDER_GETTABLE_PARAMS, (void (*)(void))provider_gettable_params},
    {OSSL_FUNC_PROVIDER_GET_PARAMS, (void (*)(void))provider_get_params},
    {OSSL_FUNC_PROVIDER_QUERY_OPERATION, (void (*)(void))provider_query},
    {OSSL_FUNC_PROVIDER_GET_REASON_STRINGS, (void (*)(void))provider_reason_strings},
    {0, NULL}
};

/* The one exported symbol: the rest is built hidden (mk/provider.mk). */
OSSL_provider_init_fn OSSL_provider_init __attribute__((visibility("default")));

int OSSL_provider_init(const OSSL_CORE_HANDLE *handle, const OSSL_DISPATCH *in, const OSSL_DISPATCH **out,
                       void **provctx)
{
    provider *prov = calloc(1, sizeof *prov);

    if (prov == NULL)
        return 0;
    prov->handle = handle;
    for (; in->function_id != 0; in++) {
        switch (in->function_id) {
        case OSSL_FUNC_CORE_NEW_ERROR: prov->new_error = OSSL_FUNC_core_new_error(in); break;
        case OSSL_FUNC_CORE_SET_ERROR_DEBUG: prov->set_error_debug = OSSL_FUNC_core_set_error_debug(in); break;
        case OSSL_FUNC_CORE_VSET_ERROR: prov->vset_error = OSSL_FUNC_core_vset_error(in); break;
        default: break;
        }
    }
    *out = provider_functions;
    *provctx = prov;
    return 1;
}
