/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * fuzz_api — libFuzzer target: API misuse never crashes, gives a documented
 * error (include/vxts.h), and leaves the output untouched on error.
 *
 * The input is a little program: each step picks a call (init, encrypt,
 * decrypt, the sector calls, the small helpers) and its arguments: context
 * state (initialised, wiped, never initialised, NULL), buffer offsets inside
 * one arena (so in and out overlap often, partly or exactly), NULL pointers,
 * any 64-bit length, sector size and first sector, key lengths, backend ids
 * (known, unknown, NULL, arbitrary bytes), equal key halves.
 *
 * For each call a model written from the header's documentation gives the
 * set of statuses that apply (an argument error, a length error, an overlap,
 * a sector range error); the call must return one of them, or VXTS_OK when
 * none applies (the header does not rank errors, so any applicable one is
 * accepted). On error the whole arena must be unchanged; on success nothing
 * outside [out, out + len) may change; a failed vxts_init* must leave the
 * context zeroed. Lengths that are valid but do not fit in the arena are
 * folded into it (the library would rightly read them). AddressSanitizer
 * turns any access outside the arena into a crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/backend.h" /* the context's header, to corrupt it byte by byte */
#include "vxts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ARENA 8192u
#define MAX_STEPS 24

struct reader {
    const uint8_t *p;
    size_t n, pos;
};

static uint8_t u8(struct reader *r)
{
    return r->pos < r->n ? r->p[r->pos++] : 0;
}

static uint64_t u64(struct reader *r, int bytes)
{
    uint64_t v = 0;
    int i;
    for (i = 0; i < bytes; i++)
        v |= (uint64_t)u8(r) << (8 * i);
    return v;
}

static void fail(const char *what, int step, int op, long got)
{
    fprintf(stderr, "fuzz_api: step %d op %d: %s (status %ld)\n", step, op, what, got);
    abort();
}

/* A status set: bit (-status) for each applicable error. */
#define BIT(s) (1u << (unsigned)(-(s)))

static int allowed(unsigned set, int status)
{
    if (set == 0)
        return status == VXTS_OK;
    return status < 0 && status >= -30 && (set & BIT(status)) != 0;
}

static int overlap_unequal(const uint8_t *a, const uint8_t *b, size_t len)
{
    uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
    if (x == y)
        return 0;
    return (x > y ? x - y : y - x) < len;
}

/* [p, p + len) would pass the end of the address space: a length error. */
static int past_end(const uint8_t *p, size_t len)
{
    return p != NULL && (uintptr_t)p > UINTPTR_MAX - len;
}

static int all_zero(const void *p, size_t n)
{
    const uint8_t *b = p;
    size_t i;
    for (i = 0; i < n; i++)
        if (b[i])
            return 0;
    return 1;
}

/* The arena and its snapshot; the key material lives outside it. */
static uint8_t *arena, *snap;
static vxts_ctx ctx_ready, ctx_wiped, ctx_zero, ctx_tmp, ctx_garbage;

/* The library's backend ids, counted from the last (ct64), so that id byte 0
 * (the seed init-aes256-ct64) names ct64. */
static const char *backend_from_end(uint8_t which)
{
    size_t count = 0;
    while (vxts_backend_id(count) != NULL)
        count++;
    return vxts_backend_id(count - 1 - which % count);
}

/* Length: valid lengths are folded into what the arena can hold. */
static size_t pick_len(struct reader *r, size_t room)
{
    uint8_t how = u8(r);
    uint64_t raw = u64(r, how & 0x80 ? 8 : 3);
    size_t len = (size_t)raw;
    if (len >= VXTS_MIN_DATA_UNIT && len <= VXTS_MAX_DATA_UNIT && len > room)
        len = room >= VXTS_MIN_DATA_UNIT ? VXTS_MIN_DATA_UNIT + len % (room - VXTS_MIN_DATA_UNIT + 1) : len;
    return len;
}

static uint8_t *pick_ptr(struct reader *r, size_t *room)
{
    uint8_t how = u8(r);
    size_t off;
    if (how == 0xff) {
        *room = 0;
        return NULL;
    }
    off = (size_t)u64(r, 2) % ARENA;
    *room = ARENA - off;
    return arena + off;
}

static const vxts_ctx *pick_ctx(struct reader *r, unsigned *err)
{
    switch (u8(r) % 8) {
    case 0: *err |= BIT(VXTS_ERR_ARGUMENT); return NULL;
    case 1: *err |= BIT(VXTS_ERR_ARGUMENT); return &ctx_wiped;
    case 2: *err |= BIT(VXTS_ERR_ARGUMENT); return &ctx_zero;
    case 3: { /* garbage from the input, or a valid context with one byte changed */
        uint8_t how = u8(r);
        size_t i;
        if (how & 1) {
            memcpy(&ctx_garbage, &ctx_ready, sizeof ctx_garbage);
            i = (size_t)u64(r, 2) % offsetof(vxts_key, schedule); /* in the header */
            ((uint8_t *)&ctx_garbage)[i] ^= (uint8_t)(u8(r) | 1);
            if (i < offsetof(vxts_key, reserved)) /* backend, rounds, key size, check word; not the reserved bytes */
                *err |= BIT(VXTS_ERR_ARGUMENT);
            else
                return &ctx_garbage;
        } else {
            for (i = 0; i < sizeof ctx_garbage; i++)
                ((uint8_t *)&ctx_garbage)[i] = (uint8_t)(how * (i + 1) + u8(r));
            *err |= BIT(VXTS_ERR_ARGUMENT);
        }
        return &ctx_garbage;
    }
    default: return &ctx_ready;
    }
}

static void check_call(int step, int op, int status, unsigned err, uint8_t *out, size_t len)
{
    if (!allowed(err, status))
        fail(err ? "wrong or missing error" : "valid call refused", step, op, status);
    if (status != VXTS_OK) {
        if (memcmp(arena, snap, ARENA) != 0)
            fail("arena changed by a call that failed", step, op, status);
    } else if (out != NULL) {
        size_t o = (size_t)(out - arena);
        if (memcmp(arena, snap, o) != 0 || memcmp(arena + o + len, snap + o + len, ARENA - o - len) != 0)
            fail("bytes outside [out, out+len) changed", step, op, status);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct reader r = {data, size, 0};
    static const uint8_t key64[64] = {
        1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
        23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44,
        45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64};
    int step;

    if (arena == NULL) {
        arena = malloc(ARENA);
        snap = malloc(ARENA);
        if (arena == NULL || snap == NULL)
            abort();
    }
    for (size_t i = 0; i < ARENA; i++)
        arena[i] = (uint8_t)(i * 7 + 1);
    memset(&ctx_zero, 0, sizeof ctx_zero);
    if (vxts_init(&ctx_ready, key64, 64) != VXTS_OK || vxts_init(&ctx_wiped, key64, 32) != VXTS_OK)
        abort();
    vxts_wipe(&ctx_wiped);

    for (step = 0; step < MAX_STEPS && r.pos < r.n; step++) {
        int op = u8(&r) % 9, status;
        unsigned err = 0;
        memcpy(snap, arena, ARENA);
        switch (op) {
        case 0:
        case 1: { /* encrypt / decrypt one data unit */
            size_t in_room, out_room, len;
            const vxts_ctx *c = pick_ctx(&r, &err);
            uint8_t *in = pick_ptr(&r, &in_room), *out;
            uint8_t tweak[16];
            const uint8_t *tw = tweak;
            uint8_t how = u8(&r);
            if (how & 1) { /* out close to in: overlaps of every kind */
                long delta = (long)(int8_t)u8(&r) * (how & 2 ? 1 : 16);
                size_t base = in ? (size_t)(in - arena) : 0;
                long o = (long)base + delta;
                if (o < 0 || o >= (long)ARENA)
                    o = (long)base;
                out = arena + o;
                out_room = ARENA - (size_t)o;
            } else {
                out = pick_ptr(&r, &out_room);
            }
            if (how & 4)
                tw = NULL;
            memset(tweak, u8(&r), sizeof tweak);
            len = pick_len(&r, in_room < out_room ? in_room : out_room);
            if (in == NULL || out == NULL || tw == NULL)
                err |= BIT(VXTS_ERR_ARGUMENT);
            if (len < VXTS_MIN_DATA_UNIT || len > VXTS_MAX_DATA_UNIT || past_end(in, len) || past_end(out, len))
                err |= BIT(VXTS_ERR_DATA_LENGTH);
            if (in != NULL && out != NULL && overlap_unequal(out, in, len))
                err |= BIT(VXTS_ERR_OVERLAP);
            if (!err && (len > in_room || len > out_room))
                break; /* a valid call we cannot afford: it would rightly go past the arena */
            status = op == 0 ? vxts_encrypt(c, out, in, len, tw) : vxts_decrypt(c, out, in, len, tw);
            check_call(step, op, status, err, out, len);
            break;
        }
        case 2:
        case 3: { /* the sector calls */
            size_t in_room, out_room, len, sector;
            uint64_t first;
            const vxts_ctx *c = pick_ctx(&r, &err);
            uint8_t *in = pick_ptr(&r, &in_room), *out;
            uint8_t how = u8(&r);
            if (how & 1) {
                out = in;
                out_room = in_room;
            } else {
                out = pick_ptr(&r, &out_room);
            }
            sector = (size_t)u64(&r, how & 2 ? 8 : 2);
            len = pick_len(&r, in_room < out_room ? in_room : out_room);
            if (how & 4 && sector >= VXTS_MIN_DATA_UNIT && sector <= ARENA) /* often a whole number */
                len = sector * (1 + u8(&r) % 4);
            first = how & 8 ? UINT64_MAX - u64(&r, 1) : u64(&r, how & 16 ? 8 : 2);
            if (in == NULL || out == NULL)
                err |= BIT(VXTS_ERR_ARGUMENT);
            if (sector < VXTS_MIN_DATA_UNIT || sector > VXTS_MAX_DATA_UNIT || len == 0 || len % sector != 0 ||
                len > (size_t)PTRDIFF_MAX || past_end(in, len) || past_end(out, len))
                err |= BIT(VXTS_ERR_DATA_LENGTH);
            if (in != NULL && out != NULL && overlap_unequal(out, in, len))
                err |= BIT(VXTS_ERR_OVERLAP);
            if (sector >= VXTS_MIN_DATA_UNIT && sector <= VXTS_MAX_DATA_UNIT && len != 0 && len % sector == 0 &&
                (uint64_t)(len / sector - 1) > UINT64_MAX - first)
                err |= BIT(VXTS_ERR_SECTOR_RANGE);
            if (!err && (len > in_room || len > out_room))
                break;
            status = op == 2 ? vxts_encrypt_sectors(c, out, in, len, sector, first)
                             : vxts_decrypt_sectors(c, out, in, len, sector, first);
            check_call(step, op, status, err, out, len);
            break;
        }
        case 4: { /* key setup with every kind of bad argument */
            uint8_t key[80], how = u8(&r);
            size_t key_len;
            vxts_ctx *c = how & 1 ? NULL : &ctx_tmp;
            const uint8_t *k = how & 2 ? NULL : key;
            char idbuf[16];
            const char *id = NULL;
            int by_id = (how >> 2) & 1, usable;
            switch ((how >> 3) & 3) {
            case 0: key_len = 32; break;
            case 1: key_len = 64; break;
            case 2: key_len = u8(&r); break;
            default: key_len = (size_t)u64(&r, 8); break;
            }
            if (key_len > sizeof key && k != NULL)
                k = key; /* the library must refuse the length before reading */
            for (size_t i = 0; i < sizeof key; i++)
                key[i] = u8(&r);
            if (how & 32 && (key_len == 32 || key_len == 64)) /* equal halves */
                memcpy(key + key_len / 2, key, key_len / 2);
            if (by_id) {
                uint8_t which = u8(&r);
                if (which < 200) {
                    id = backend_from_end(which);
                } else if (which < 230) {
                    size_t n = u8(&r) % sizeof idbuf, i;
                    for (i = 0; i < n; i++)
                        idbuf[i] = (char)u8(&r);
                    idbuf[n] = '\0';
                    id = idbuf;
                }
            }
            if (c == NULL || k == NULL)
                err |= BIT(VXTS_ERR_ARGUMENT);
            if (key_len != 32 && key_len != 64)
                err |= BIT(VXTS_ERR_KEY_LENGTH);
            usable = !by_id || (id != NULL && vxts_backend_usable(id) == VXTS_OK);
            if (!usable)
                err |= BIT(VXTS_ERR_BACKEND_UNAVAILABLE);
            if (k != NULL && (key_len == 32 || key_len == 64) && memcmp(key, key + key_len / 2, key_len / 2) == 0)
                err |= BIT(VXTS_ERR_WEAK_KEY);
            memset(&ctx_tmp, 0x5a, sizeof ctx_tmp);
            status = by_id ? vxts_init_backend(c, k, key_len, id) : vxts_init(c, k, key_len);
            if (!allowed(err, status))
                fail(err ? "key setup: wrong or missing error" : "key setup: valid call refused", step, op, status);
            /* A weak key leaves the (public) backend and key size, but no key schedule. */
            if (c != NULL && status != VXTS_OK && status != VXTS_ERR_WEAK_KEY && !all_zero(&ctx_tmp, sizeof ctx_tmp))
                fail("key setup failed but the context was not wiped", step, op, status);
            if (c != NULL && status == VXTS_ERR_WEAK_KEY &&
                (!all_zero((const uint8_t *)&ctx_tmp + offsetof(vxts_key, check), sizeof ctx_tmp - offsetof(vxts_key, check)) ||
                 vxts_backend_name(&ctx_tmp) != NULL))
                fail("weak key: key material left, or the context still usable", step, op, status);
            if (status == VXTS_OK) {
                const char *name = vxts_backend_name(&ctx_tmp);
                if (name == NULL || (by_id && strcmp(name, id) != 0))
                    fail("vxts_backend_name does not name the backend asked for", step, op, status);
                vxts_wipe(&ctx_tmp);
                if (!all_zero(&ctx_tmp, sizeof ctx_tmp) || vxts_backend_name(&ctx_tmp) != NULL)
                    fail("vxts_wipe left something", step, op, status);
            }
            break;
        }
        case 5: { /* strerror: never NULL, for any int */
            int s = (int)(uint32_t)u64(&r, 4);
            const char *msg = vxts_strerror(s);
            if (msg == NULL || msg[0] == '\0')
                fail("vxts_strerror gave NULL or an empty text", step, op, s);
            break;
        }
        case 6: { /* backend ids: a NULL-terminated list; usable ids are listed */
            size_t idx = (size_t)u64(&r, u8(&r) & 1 ? 8 : 1), n = 0;
            const char *id = vxts_backend_id(idx);
            while (vxts_backend_id(n) != NULL && n < 64)
                n++;
            if ((idx < n) != (id != NULL))
                fail("vxts_backend_id is not a NULL-terminated list", step, op, (long)idx);
            if (vxts_backend_usable(NULL) != VXTS_ERR_BACKEND_UNAVAILABLE)
                fail("vxts_backend_usable(NULL) is not BACKEND_UNAVAILABLE", step, op, 0);
            break;
        }
        case 7: { /* the sector tweak: plain64 little-endian */
            uint64_t s = u64(&r, 8);
            uint8_t t[16];
            vxts_sector_tweak(t, s);
            for (int i = 0; i < 16; i++)
                if (t[i] != (i < 8 ? (uint8_t)(s >> (8 * i)) : 0))
                    fail("vxts_sector_tweak is not plain64", step, op, i);
            break;
        }
        default: { /* backend_name on contexts of every state */
            unsigned dummy = 0;
            const vxts_ctx *c = pick_ctx(&r, &dummy);
            const char *name = vxts_backend_name(c);
            if ((c == &ctx_ready || (c == &ctx_garbage && dummy == 0)) != (name != NULL))
                fail("vxts_backend_name wrong for the context's state", step, op, 0);
            break;
        }
        }
    }
    return 0;
}
