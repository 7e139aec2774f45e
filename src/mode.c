/*
 * The XTS mode layer (IEEE Std 1619-2018 §5, NIST SP 800-38E).
 *
 * The only code that knows about lengths and ciphertext stealing. Each public
 * call reads like the standard: check the arguments, T = E_K2(i), the whole
 * blocks through the backend's kernel, then ciphertext stealing, written once
 * per direction. Backends are reached only through the contracts of kernel.h.
 * Only lengths steer control flow.
 */
#include <string.h>

#include "backend.h"
#include "kernel.h"

/* ---- key setup (IEEE 1619 §5.1: Key = Key1 || Key2) ----------------------- */

/* 1 if a[0..n) == b[0..n); the time does not depend on the bytes. */
static int equal_bytes_ct(const uint8_t *a, const uint8_t *b, size_t n)
{
    unsigned diff = 0;
    size_t i;
    for (i = 0; i < n; i++)
        diff |= (unsigned)(a[i] ^ b[i]);
    return (int)(1u & ((diff - 1u) >> 8));
}

static int init_with(vxts_ctx *ctx, const uint8_t *key, size_t key_len, const vxts_backend *backend,
                     int backend_found)
{
    vxts_key *k = (vxts_key *)(void *)ctx;
    size_t half;

    if (ctx == NULL)
        return VXTS_ERR_ARGUMENT;
    vxts_wipe(ctx);
    if (key == NULL)
        return VXTS_ERR_ARGUMENT;
    if (key_len != VXTS_KEY_BYTES_128 && key_len != VXTS_KEY_BYTES_256)
        return VXTS_ERR_KEY_LENGTH;
    if (!backend_found)
        return VXTS_ERR_BACKEND_UNAVAILABLE;
    half = key_len / 2;
    /* SP 800-38E / FIPS 140 guidance: Key1 must differ from Key2. */
    if (equal_bytes_ct(key, key + half, half))
        return VXTS_ERR_WEAK_KEY;

    k->rounds = half == 16 ? 10u : 14u;
    k->half_key_bytes = (uint32_t)half;
    backend->setup(k, key, key + half);
    k->backend = backend;
    return VXTS_OK;
}

int vxts_init(vxts_ctx *ctx, const uint8_t *key, size_t key_len)
{
    return init_with(ctx, key, key_len, vxts_best_backend(), 1);
}

int vxts_init_backend(vxts_ctx *ctx, const uint8_t *key, size_t key_len, const char *backend_id)
{
    const vxts_backend *backend = vxts_find_backend(backend_id);
    return init_with(ctx, key, key_len, backend, backend != NULL);
}

const char *vxts_backend_name(const vxts_ctx *ctx)
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    return (k == NULL || k->backend == NULL) ? NULL : k->backend->id;
}

void vxts_wipe(vxts_ctx *ctx)
{
    if (ctx != NULL)
        vxts_memzero(ctx, sizeof *ctx);
}

/* ---- tweak arithmetic ------------------------------------------------------- */

/*
 * t <- t * alpha in GF(2^128) mod x^128 + x^7 + x^2 + x + 1, t little-endian
 * (IEEE 1619 §5.2). Straight-line and branch-free.
 */
static void tweak_mul_alpha(uint8_t t[16])
{
    unsigned carry = t[15] / 128u;          /* the bit shifted out, x^128 */
    uint8_t reduce = (uint8_t)(0u - carry); /* 0xff if it was set */
    int k;
    for (k = 15; k > 0; k--)
        t[k] = (uint8_t)(2u * t[k] + t[k - 1] / 128u);
    t[0] = (uint8_t)((uint8_t)(2u * t[0]) ^ (0x87u & reduce));
}

void vxts_sector_tweak(uint8_t tweak[16], uint64_t sector)
{
    int k;
    for (k = 0; k < 8; k++)
        tweak[k] = (uint8_t)(sector >> (8 * k));
    for (k = 8; k < 16; k++)
        tweak[k] = 0;
}

/* ---- one data unit ----------------------------------------------------------- */

/*
 * XTS-AES encryption of one data unit of len bytes, 16 <= len <= 2^24,
 * T = E_K2(i) already (IEEE 1619 §5.3.2). out == in allowed.
 */
static void encrypt_unit(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t len, uint8_t T[16])
{
    size_t m = len / 16, r = len % 16, j;
    uint8_t cc[16], pp[16];

    if (r == 0) {
        vxts_kernel_encrypt_blocks(k, out, in, m, T);
        return;
    }
    /* C_0 .. C_{m-2}; T becomes T_{m-1}. */
    vxts_kernel_encrypt_blocks(k, out, in, m - 1, T);
    /* CC = XTS-AES-blockEnc(Key, P_{m-1}, i, m-1); T becomes T_m. */
    vxts_kernel_encrypt_blocks(k, cc, in + 16 * (m - 1), 1, T);
    /* PP = P_m || CP, where CP is the last 16 - b bytes of CC. */
    for (j = 0; j < r; j++)
        pp[j] = in[len - r + j];
    for (j = r; j < 16; j++)
        pp[j] = cc[j];
    /* C_m = the first b bytes of CC (after P_m was read: in place is safe). */
    for (j = 0; j < r; j++)
        out[len - r + j] = cc[j];
    /* C_{m-1} = XTS-AES-blockEnc(Key, PP, i, m). */
    vxts_kernel_encrypt_blocks(k, out + 16 * (m - 1), pp, 1, T);
    vxts_memzero(cc, sizeof cc);
    vxts_memzero(pp, sizeof pp);
}

/* XTS-AES decryption of one data unit (IEEE 1619 §5.4.2); as encrypt_unit. */
static void decrypt_unit(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t len, uint8_t T[16])
{
    size_t m = len / 16, r = len % 16, j;
    uint8_t cc[16], pp[16], t_last[16];

    if (r == 0) {
        vxts_kernel_decrypt_blocks(k, out, in, m, T);
        return;
    }
    /* P_0 .. P_{m-2}; T becomes T_{m-1}. */
    vxts_kernel_decrypt_blocks(k, out, in, m - 1, T);
    /* PP = XTS-AES-blockDec(Key, C_{m-1}, i, m): the last block uses T_m first. */
    memcpy(t_last, T, 16);
    tweak_mul_alpha(t_last);
    vxts_kernel_decrypt_blocks(k, pp, in + 16 * (m - 1), 1, t_last);
    /* CC = C_m || CP, where CP is the last 16 - b bytes of PP. */
    for (j = 0; j < r; j++)
        cc[j] = in[len - r + j];
    for (j = r; j < 16; j++)
        cc[j] = pp[j];
    /* P_m = the first b bytes of PP. */
    for (j = 0; j < r; j++)
        out[len - r + j] = pp[j];
    /* P_{m-1} = XTS-AES-blockDec(Key, CC, i, m-1). */
    vxts_kernel_decrypt_blocks(k, out + 16 * (m - 1), cc, 1, T);
    vxts_memzero(cc, sizeof cc);
    vxts_memzero(pp, sizeof pp);
    vxts_memzero(t_last, sizeof t_last);
}

/* ---- argument checks ----------------------------------------------------------- */

/* 1 if [out, out+len) and [in, in+len) share a byte without out == in. */
static int overlaps_unequal(const uint8_t *out, const uint8_t *in, size_t len)
{
    uintptr_t o = (uintptr_t)out, i = (uintptr_t)in;
    if (o == i)
        return 0;
    return (o > i ? o - i : i - o) < len;
}

static int check_unit(const vxts_key *k, const uint8_t *out, const uint8_t *in, size_t len,
                      const uint8_t *tweak)
{
    if (k == NULL || k->backend == NULL || out == NULL || in == NULL || tweak == NULL)
        return VXTS_ERR_ARGUMENT;
    if (len < VXTS_MIN_DATA_UNIT || len > VXTS_MAX_DATA_UNIT)
        return VXTS_ERR_DATA_LENGTH;
    if (overlaps_unequal(out, in, len))
        return VXTS_ERR_OVERLAP;
    return VXTS_OK;
}

static int check_sectors(const vxts_key *k, const uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector)
{
    if (k == NULL || k->backend == NULL || out == NULL || in == NULL)
        return VXTS_ERR_ARGUMENT;
    if (sector_size < VXTS_MIN_DATA_UNIT || sector_size > VXTS_MAX_DATA_UNIT || len == 0 ||
        len % sector_size != 0)
        return VXTS_ERR_DATA_LENGTH;
    if (overlaps_unequal(out, in, len))
        return VXTS_ERR_OVERLAP;
    /* The last sector number, first + n - 1, must not pass 2^64 - 1. */
    if ((uint64_t)(len / sector_size - 1) > UINT64_MAX - first_sector)
        return VXTS_ERR_SECTOR_RANGE;
    return VXTS_OK;
}

/* ---- public data-unit calls ----------------------------------------------------- */

int vxts_encrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t tweak[16])
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    uint8_t T[16];
    int status = check_unit(k, out, in, len, tweak);
    if (status != VXTS_OK)
        return status;
    memcpy(T, tweak, 16);
    vxts_kernel_encrypt_tweak(k, T); /* T = E_K2(i) */
    encrypt_unit(k, out, in, len, T);
    vxts_memzero(T, sizeof T);
    return VXTS_OK;
}

int vxts_decrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t tweak[16])
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    uint8_t T[16];
    int status = check_unit(k, out, in, len, tweak);
    if (status != VXTS_OK)
        return status;
    memcpy(T, tweak, 16);
    vxts_kernel_encrypt_tweak(k, T); /* T = E_K2(i): the tweak key always encrypts */
    decrypt_unit(k, out, in, len, T);
    vxts_memzero(T, sizeof T);
    return VXTS_OK;
}

/* ---- sectors (dm-crypt plain64: sector k uses tweak first_sector + k) ------------- */

int vxts_encrypt_sectors(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector)
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    size_t n, s;
    uint8_t T[16];
    int status = check_sectors(k, out, in, len, sector_size, first_sector);
    if (status != VXTS_OK)
        return status;
    n = len / sector_size;
    if (sector_size % 16 == 0) {
        vxts_kernel_encrypt_sectors(k, out, in, n, sector_size / 16, first_sector);
        return VXTS_OK;
    }
    for (s = 0; s < n; s++) {
        vxts_sector_tweak(T, first_sector + s);
        vxts_kernel_encrypt_tweak(k, T);
        encrypt_unit(k, out + s * sector_size, in + s * sector_size, sector_size, T);
    }
    vxts_memzero(T, sizeof T);
    return VXTS_OK;
}

int vxts_decrypt_sectors(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector)
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    size_t n, s;
    uint8_t T[16];
    int status = check_sectors(k, out, in, len, sector_size, first_sector);
    if (status != VXTS_OK)
        return status;
    n = len / sector_size;
    if (sector_size % 16 == 0) {
        vxts_kernel_decrypt_sectors(k, out, in, n, sector_size / 16, first_sector);
        return VXTS_OK;
    }
    for (s = 0; s < n; s++) {
        vxts_sector_tweak(T, first_sector + s);
        vxts_kernel_encrypt_tweak(k, T);
        decrypt_unit(k, out + s * sector_size, in + s * sector_size, sector_size, T);
    }
    vxts_memzero(T, sizeof T);
    return VXTS_OK;
}

/* ---- messages ---------------------------------------------------------------------- */

const char *vxts_strerror(int status)
{
    switch (status) {
    case VXTS_OK: return "success";
    case VXTS_ERR_ARGUMENT: return "invalid argument (NULL pointer or uninitialised context)";
    case VXTS_ERR_KEY_LENGTH: return "key must be 32 bytes (AES-128-XTS) or 64 bytes (AES-256-XTS)";
    case VXTS_ERR_WEAK_KEY: return "weak key: Key1 and Key2 are equal";
    case VXTS_ERR_DATA_LENGTH: return "data length must be 16 to 2^24 bytes (and a whole number of sectors)";
    case VXTS_ERR_OVERLAP: return "input and output overlap without being the same buffer";
    case VXTS_ERR_BACKEND_UNAVAILABLE: return "backend not compiled in or not supported by this CPU";
    case VXTS_ERR_SECTOR_RANGE: return "sector number would pass 2^64 - 1";
    default: return "unknown status";
    }
}

const char *vxts_version(void)
{
    return VXTS_VERSION_STRING;
}
