/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts — AES-XTS storage encryption (IEEE Std 1619-2018, NIST SP 800-38E).
 *
 * The only public header. A context is caller-allocated, fixed-size and
 * read-only after vxts_init*(): many threads may use one context at once.
 * The library never allocates memory.
 */
#ifndef VXTS_H
#define VXTS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VXTS_VERSION_MAJOR 0
#define VXTS_VERSION_MINOR 1
#define VXTS_VERSION_PATCH 0
#define VXTS_VERSION_STRING "0.1.0"

#if defined(__GNUC__) || defined(__clang__)
#define VXTS_MUST_CHECK __attribute__((warn_unused_result))
#else
#define VXTS_MUST_CHECK
#endif

/* Limits of one data unit (IEEE 1619-2018 §5.1, SP 800-38E: at most 2^20 blocks). */
#define VXTS_BLOCK_SIZE 16u
#define VXTS_MIN_DATA_UNIT 16u
#define VXTS_MAX_DATA_UNIT ((size_t)1 << 24)

/* Key1 || Key2: 32 bytes = XTS-AES-128, 64 bytes = XTS-AES-256. */
#define VXTS_KEY_BYTES_128 32u
#define VXTS_KEY_BYTES_256 64u

/* Opaque, caller-allocated. The size is part of the ABI. */
#define VXTS_CTX_WORDS 512
typedef struct vxts_ctx {
    uint64_t opaque[VXTS_CTX_WORDS];
} vxts_ctx;

/* Every error is negative; VXTS_OK is 0. */
enum vxts_status {
    VXTS_OK = 0,
    VXTS_ERR_ARGUMENT = -1,              /* NULL pointer, or a context no vxts_init* call set up
                                            (never initialised, garbage, wiped, corrupted, or refused) */
    VXTS_ERR_KEY_LENGTH = -2,            /* key is not 32 or 64 bytes */
    VXTS_ERR_WEAK_KEY = -3,              /* Key1 == Key2 */
    VXTS_ERR_DATA_LENGTH = -4,           /* len or sector size outside [16, 2^24], len not whole sectors
                                            or above PTRDIFF_MAX, or in + len / out + len past the end of
                                            the address space */
    VXTS_ERR_OVERLAP = -5,               /* in and out overlap without being equal; or (key setup) the
                                            key lies, even partly, inside the context */
    VXTS_ERR_BACKEND_UNAVAILABLE = -6,   /* backend unknown, not supported by this CPU, or disabled by VXTS_DISABLE */
    VXTS_ERR_SECTOR_RANGE = -7           /* a sector number would pass 2^64 - 1 */
};

/* Key setup with the fastest backend this CPU supports. On error the context is wiped
   (VXTS_ERR_WEAK_KEY: its key schedules are zeroed) and no call accepts it, except for
   VXTS_ERR_ARGUMENT with ctx NULL and VXTS_ERR_OVERLAP (a key inside *ctx), which write nothing. */
VXTS_MUST_CHECK int vxts_init(vxts_ctx *ctx, const uint8_t *key, size_t key_len);
/* Key setup with the backend named by id ("ct64", "aesni", "vaes256", "vaes512", "armce"). */
VXTS_MUST_CHECK int vxts_init_backend(vxts_ctx *ctx, const uint8_t *key, size_t key_len,
                                      const char *backend_id);
/* The id of the backend a context uses, or NULL if no vxts_init* call set it up. */
const char *vxts_backend_name(const vxts_ctx *ctx);

/*
 * One data unit of len bytes (16 <= len <= 2^24) with a 16-byte tweak i
 * (IEEE 1619 §5.3.1/§5.4.1). out == in (in place) is allowed; any other
 * overlap is refused. On any error nothing is written to out.
 */
VXTS_MUST_CHECK int vxts_encrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                                 const uint8_t tweak[16]);
VXTS_MUST_CHECK int vxts_decrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                                 const uint8_t tweak[16]);

/*
 * len / sector_size consecutive data units; sector k uses the tweak
 * first_sector + k as a 128-bit little-endian number (dm-crypt plain64).
 * Byte-identical to one vxts_encrypt/vxts_decrypt call per sector.
 */
VXTS_MUST_CHECK int vxts_encrypt_sectors(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                                         size_t sector_size, uint64_t first_sector);
VXTS_MUST_CHECK int vxts_decrypt_sectors(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                                         size_t sector_size, uint64_t first_sector);

/* tweak = sector as a 128-bit little-endian number (plain64), written with one
   16-byte store where the compiler allows, so that the next call's tweak load
   does not wait for several narrower stores to reach the cache. */
void vxts_sector_tweak(uint8_t tweak[16], uint64_t sector);

/* Zeroes the context (key schedules included) in a way the compiler cannot drop. */
void vxts_wipe(vxts_ctx *ctx);

/* A short English text for a status code; never NULL. */
const char *vxts_strerror(int status);

/* The backends, in order of preference: ids for i = 0, 1, ... until NULL. Every build lists
 * the same ones ("vaes512", "vaes256", "aesni", "armce", "ct64"), also those its CPU family lacks. */
const char *vxts_backend_id(size_t index);
/* VXTS_OK if this CPU can run backend_id and the environment variable VXTS_DISABLE does not
 * name it, else VXTS_ERR_BACKEND_UNAVAILABLE. VXTS_DISABLE (read once, at the first call that
 * picks a backend) is a list of ids separated by commas or spaces, e.g. "vaes512,vaes256", to
 * test or avoid a backend; it cannot disable ct64, which always runs. */
VXTS_MUST_CHECK int vxts_backend_usable(const char *backend_id);

const char *vxts_version(void);

#ifdef __cplusplus
}
#endif

#endif /* VXTS_H */
