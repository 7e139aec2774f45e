/*
 * The backend table: which backends are compiled in, in order of preference,
 * and the whole-block sector kernel for backends without a batched one.
 */
#include <string.h>

#define VXTS_KERNEL_FUNCTIONS /* define the contracts as functions here */
#include "backend.h"
#include "kernel.h"

/*
 * Fastest first: vxts_init() takes the first one this CPU supports. Measured
 * on Zen 4 (bench/, 2026-11-21): ymm and zmm VAES have the same AES-round
 * throughput (4 block-rounds per cycle), but vaes512 needs half the
 * instructions per block and keeps all round keys and tweaks in its 32
 * registers, so it is faster at every size from 16 B up (64 KiB AES-256:
 * 16.0 vs 13.2 GB/s; 512-byte sectors 14.3 vs 10.9 GB/s); only 17-byte
 * units were faster on vaes256.
 */
static const vxts_backend *const backends[] = {
#if defined(__x86_64__) && !defined(VXTS_PORTABLE_ONLY)
    &vxts_backend_vaes512,
    &vxts_backend_vaes256,
    &vxts_backend_aesni,
#endif
#if defined(__aarch64__) && !defined(VXTS_PORTABLE_ONLY)
    &vxts_backend_armce,
#endif
    &vxts_backend_ct64,
};

#define BACKEND_COUNT (sizeof(backends) / sizeof(backends[0]))

const char *vxts_backend_id(size_t index)
{
    return index < BACKEND_COUNT ? backends[index]->id : NULL;
}

const vxts_backend *vxts_find_backend(const char *id)
{
    size_t i;
    if (id == NULL)
        return NULL;
    for (i = 0; i < BACKEND_COUNT; i++)
        if (strcmp(backends[i]->id, id) == 0)
            return backends[i]->supported() ? backends[i] : NULL;
    return NULL;
}

const vxts_backend *vxts_best_backend(void)
{
    size_t i;
    for (i = 0; i < BACKEND_COUNT; i++)
        if (backends[i]->supported())
            return backends[i];
    return &vxts_backend_ct64;
}

int vxts_backend_usable(const char *backend_id)
{
    return vxts_find_backend(backend_id) != NULL ? VXTS_OK : VXTS_ERR_BACKEND_UNAVAILABLE;
}

void vxts_kernel_encrypt_tweak(const vxts_key *k, uint8_t tweak[16])
{
    k->backend->encrypt_tweak(k, tweak);
}

void vxts_kernel_encrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                uint8_t tweak[16])
{
    k->backend->encrypt_blocks(k, out, in, nblocks, tweak);
}

void vxts_kernel_decrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                uint8_t tweak[16])
{
    k->backend->decrypt_blocks(k, out, in, nblocks, tweak);
}

/* One data unit after another, for backends without a lock-step sector kernel. */
void vxts_kernel_encrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                 size_t sector_blocks, uint64_t first_sector)
{
    size_t s, unit = sector_blocks * VXTS_BLOCK_SIZE;
    uint8_t tweak[16];
    if (k->backend->encrypt_sectors != NULL) {
        k->backend->encrypt_sectors(k, out, in, nsectors, sector_blocks, first_sector);
        return;
    }
    for (s = 0; s < nsectors; s++) {
        vxts_sector_tweak(tweak, first_sector + s);
        k->backend->encrypt_tweak(k, tweak);
        k->backend->encrypt_blocks(k, out + s * unit, in + s * unit, sector_blocks, tweak);
    }
    vxts_memzero(tweak, sizeof tweak);
}

void vxts_kernel_decrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                 size_t sector_blocks, uint64_t first_sector)
{
    size_t s, unit = sector_blocks * VXTS_BLOCK_SIZE;
    uint8_t tweak[16];
    if (k->backend->decrypt_sectors != NULL) {
        k->backend->decrypt_sectors(k, out, in, nsectors, sector_blocks, first_sector);
        return;
    }
    for (s = 0; s < nsectors; s++) {
        vxts_sector_tweak(tweak, first_sector + s);
        k->backend->encrypt_tweak(k, tweak);
        k->backend->decrypt_blocks(k, out + s * unit, in + s * unit, sector_blocks, tweak);
    }
    vxts_memzero(tweak, sizeof tweak);
}
