/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* The backend table: which backends are compiled in, in order of preference. */
#include <string.h>

#include "backend.h"

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

/* Only compares b with the table's entries: b may be garbage (a context the
   caller never initialised), so it is not followed. */
int vxts_backend_known(const vxts_backend *b)
{
    size_t i;
    int number = 0;
    for (i = 0; i < BACKEND_COUNT; i++)
        if (backends[i] == b)
            number = (int)i + 1;
    return number;
}
