/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* The backend table: every backend on every target, in order of preference. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"

/*
 * Fastest first: vxts_init() takes the first usable one. Measured on Zen 4
 * (bench/, 2026-11-21): ymm and zmm VAES have the same AES-round throughput
 * (4 block-rounds per cycle), but vaes512 needs half the instructions per
 * block and keeps all round keys and tweaks in its 32 registers, so it is
 * faster at every size from 16 B up (64 KiB AES-256: 16.0 vs 13.2 GB/s;
 * 512-byte sectors 14.3 vs 10.9 GB/s); only 17-byte units were faster on
 * vaes256. ct64 runs everywhere and is always last.
 */
static const vxts_backend *const backends[] = {
    &vxts_backend_vaes512, &vxts_backend_vaes256, &vxts_backend_aesni, &vxts_backend_armce, &vxts_backend_ct64,
};

#define BACKEND_COUNT (sizeof(backends) / sizeof(backends[0]))
#define USABLE_KNOWN (1u << BACKEND_COUNT)

/*
 * Bit i: backends[i] is usable. Computed on the first call (CPU checks and
 * VXTS_DISABLE, read once) and cached; two first callers in a race only store
 * the same value twice. ct64, the portable fallback, cannot be disabled.
 */
static atomic_uint usable_cache;

static unsigned usable_set(void)
{
    unsigned set = atomic_load_explicit(&usable_cache, memory_order_relaxed);
    const char *disabled;
    size_t i;

    if (set != 0)
        return set;
    disabled = getenv("VXTS_DISABLE");
    set = USABLE_KNOWN;
    for (i = 0; i < BACKEND_COUNT; i++) {
        int off = disabled != NULL && backends[i] != &vxts_backend_ct64 && vxts_id_in_list(disabled, backends[i]->id);
        if (!off && backends[i]->supported())
            set |= 1u << i;
    }
    atomic_store_explicit(&usable_cache, set, memory_order_relaxed);
    return set;
}

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
            return (usable_set() >> i) & 1u ? backends[i] : NULL;
    return NULL;
}

const vxts_backend *vxts_best_backend(void)
{
    unsigned set = usable_set();
    size_t i;
    for (i = 0; i < BACKEND_COUNT; i++)
        if ((set >> i) & 1u)
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
    /* Only a usable entry: an absent backend's slots are NULL. */
    unsigned usable = usable_set();
    size_t i;
    int number = 0;
    for (i = 0; i < BACKEND_COUNT; i++)
        if (backends[i] == b && ((usable >> i) & 1u))
            number = (int)i + 1;
    return number;
}
