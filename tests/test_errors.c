/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Every error path of the public API: each VXTS_ERR_* status is produced,
 * and on every error `out` is left untouched byte-for-byte (it is filled
 * with a pattern first). Also vxts_strerror, vxts_wipe, that a failed
 * vxts_init leaves the context wiped (a weak key: keyless) and unusable, that
 * garbage, corrupted and wiped contexts are refused by every call that takes
 * one (and a memcpy'd context works), and that a key inside the context is
 * refused before anything is written.
 *
 * Context-dependent checks run once per usable backend (slot = backend);
 * checks without a context count under "library".
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h" /* the context's fields, to corrupt them one at a time */
#include "oracle.h"
#include "testlib.h"

#define PATTERN 0xa5
#define BIG ((size_t)1 << 24)

static int slot_lib;
static uint8_t *big_out; /* BIG + 16 bytes, for the over-long lengths */

/* Fills out with the pattern, runs the call, checks status and out. */
#define EXPECT_UNTOUCHED(slot, want, out, out_len, call, ...)                                             \
    do {                                                                                                  \
        int got_;                                                                                         \
        memset((out), PATTERN, (out_len));                                                                \
        got_ = (call);                                                                                    \
        test_check((slot), got_ == (want) && test_all_bytes((out), (out_len), PATTERN),                   \
                   "%s: got %s, want %s%s", msg_of(__VA_ARGS__), test_status_name(got_), test_status_name(want), \
                   test_all_bytes((out), (out_len), PATTERN) ? "" : "; out was written");                \
    } while (0)

static char message[256];

static const char *msg_of(const char *fmt, ...) TEST_PRINTF(1, 2);
static const char *msg_of(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return message;
}

static int ctx_all_zero(const vxts_ctx *ctx)
{
    return test_all_bytes((const uint8_t *)ctx, sizeof *ctx, 0);
}

/* After a refused weak key: no key schedule left, no check word, so no call accepts it. */
static int ctx_keyless(const vxts_ctx *ctx)
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    return k->check == 0 && test_all_bytes(k->schedule.bytes, sizeof k->schedule.bytes, 0) &&
           vxts_backend_name(ctx) == NULL;
}

/* ---- key setup ----------------------------------------------------------------------- */

static void check_init_errors(const test_backend *b)
{
    static const size_t bad_lengths[] = {0, 1, 16, 31, 33, 48, 63, 65, 128};
    uint8_t key[128];
    vxts_ctx ctx;
    size_t i, key_len, pos;
    int slot = b->slot, status;

    test_rand_bytes(key, sizeof key);
    for (i = 0; i < sizeof bad_lengths / sizeof bad_lengths[0]; i++) {
        status = vxts_init_backend(&ctx, key, bad_lengths[i], b->id);
        test_check(slot, status == VXTS_ERR_KEY_LENGTH, "init key_len %zu: got %s, want VXTS_ERR_KEY_LENGTH",
                   bad_lengths[i], test_status_name(status));
    }
    status = vxts_init_backend(&ctx, NULL, 32, b->id);
    test_check(slot, status == VXTS_ERR_ARGUMENT, "init with key NULL: got %s", test_status_name(status));
    status = vxts_init_backend(NULL, key, 32, b->id);
    test_check(slot, status == VXTS_ERR_ARGUMENT, "init with ctx NULL: got %s", test_status_name(status));

    for (key_len = 32; key_len <= 64; key_len += 32) {
        size_t half = key_len / 2;
        /* Key1 == Key2 is refused; halves differing in any one byte are accepted. */
        test_rand_key(key, key_len);
        memcpy(key + half, key, half);
        status = vxts_init_backend(&ctx, key, key_len, b->id);
        test_check(slot, status == VXTS_ERR_WEAK_KEY, "%zu-byte key with Key1 == Key2: got %s", key_len,
                   test_status_name(status));
        test_check(slot, ctx_keyless(&ctx), "%zu-byte key with Key1 == Key2: key material left in the context",
                   key_len);
        memset(key, 0, key_len); /* the all-zero key of IEEE vector 1 */
        status = vxts_init_backend(&ctx, key, key_len, b->id);
        test_check(slot, status == VXTS_ERR_WEAK_KEY, "%zu-byte all-zero key: got %s", key_len,
                   test_status_name(status));
        {
            const size_t positions[] = {0, half - 1, half, key_len - 1};
            for (pos = 0; pos < 4; pos++) {
                test_rand_key(key, key_len);
                memcpy(key + half, key, half);
                key[positions[pos]] ^= (uint8_t)(1u << test_rand_below(8));
                status = vxts_init_backend(&ctx, key, key_len, b->id);
                test_check(slot, status == VXTS_OK && vxts_backend_name(&ctx) != NULL &&
                                     strcmp(vxts_backend_name(&ctx), b->id) == 0,
                           "%zu-byte key, halves differ only in byte %zu: got %s", key_len, positions[pos],
                           test_status_name(status));
            }
        }
    }

    /* A failed re-init wipes a working context: it must be unusable afterwards. */
    for (i = 0; i < 4; i++) {
        uint8_t in[32], out[32], tweak[16];
        test_rand_key(key, 64);
        test_rand_bytes(in, sizeof in);
        test_rand_bytes(tweak, sizeof tweak);
        status = vxts_init_backend(&ctx, key, 64, b->id);
        test_check(slot, status == VXTS_OK, "init before the failing re-init: %s", test_status_name(status));
        if (i == 0)
            status = vxts_init_backend(&ctx, key, 48, b->id);
        else if (i == 1)
            status = vxts_init_backend(&ctx, NULL, 64, b->id);
        else if (i == 2)
            status = vxts_init_backend(&ctx, key, 64, "no-such-backend");
        else {
            memcpy(key + 32, key, 32);
            status = vxts_init_backend(&ctx, key, 64, b->id);
        }
        test_check(slot, status != VXTS_OK, "failing re-init %zu returned VXTS_OK", i);
        test_check(slot, (i == 3 ? ctx_keyless(&ctx) : ctx_all_zero(&ctx)) && vxts_backend_name(&ctx) == NULL,
                   "failing re-init %zu (%s) did not wipe the context", i, test_status_name(status));
        EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, sizeof out, vxts_encrypt(&ctx, out, in, 32, tweak),
                         "encrypt after failing re-init %zu", i);
        EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, sizeof out, vxts_decrypt(&ctx, out, in, 32, tweak),
                         "decrypt after failing re-init %zu", i);
        EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, sizeof out,
                         vxts_encrypt_sectors(&ctx, out, in, 32, 16, 0), "encrypt_sectors after failing re-init %zu", i);
    }
}

/* ---- one data unit ------------------------------------------------------------------- */

typedef int (*unit_fn)(const vxts_ctx *, uint8_t *, const uint8_t *, size_t, const uint8_t *);
typedef int (*sectors_fn)(const vxts_ctx *, uint8_t *, const uint8_t *, size_t, size_t, uint64_t);

static void check_unit_errors(const test_backend *b, const vxts_ctx *ctx, unit_fn fn, const char *name)
{
    enum { LEN = 96, AREA = 4 * LEN };
    static const size_t bad_lengths[] = {0, 1, 15};
    uint8_t in[LEN], out[LEN], tweak[16], area[AREA], saved[AREA];
    vxts_ctx zero_ctx;
    size_t i;
    int slot = b->slot;

    test_rand_bytes(in, sizeof in);
    test_rand_bytes(tweak, sizeof tweak);
    memset(&zero_ctx, 0, sizeof zero_ctx);

    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, LEN, fn(NULL, out, in, LEN, tweak), "%s ctx NULL", name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, LEN, fn(&zero_ctx, out, in, LEN, tweak), "%s zeroed ctx", name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, LEN, fn(ctx, out, NULL, LEN, tweak), "%s in NULL", name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, LEN, fn(ctx, out, in, LEN, NULL), "%s tweak NULL", name);
    {
        int status = fn(ctx, NULL, in, LEN, tweak);
        test_check(slot, status == VXTS_ERR_ARGUMENT, "%s out NULL: got %s", name, test_status_name(status));
    }
    for (i = 0; i < sizeof bad_lengths / sizeof bad_lengths[0]; i++)
        EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, in, bad_lengths[i], tweak),
                         "%s len %zu", name, bad_lengths[i]);
    /* Longer than 2^24: out is a real buffer of 2^24 + 16 bytes. */
    memset(big_out, PATTERN, BIG + 16);
    {
        int s1 = fn(ctx, big_out, big_out, BIG + 1, tweak); /* in place, so in is readable too */
        int s2 = fn(ctx, big_out, big_out, BIG + 16, tweak);
        int s3 = fn(ctx, out, in, SIZE_MAX, tweak);
        test_check(slot, s1 == VXTS_ERR_DATA_LENGTH && s2 == VXTS_ERR_DATA_LENGTH && test_all_bytes(big_out, BIG + 16, PATTERN),
                   "%s len 2^24+1 / 2^24+16: got %s / %s%s", name, test_status_name(s1), test_status_name(s2),
                   test_all_bytes(big_out, BIG + 16, PATTERN) ? "" : "; out was written");
        test_check(slot, s3 == VXTS_ERR_DATA_LENGTH, "%s len SIZE_MAX: got %s", name, test_status_name(s3));
    }
    /* A range past the end of the address space is a length error, not an overlap. */
    {
        const uint8_t *top = (const uint8_t *)(uintptr_t)(UINTPTR_MAX - 255);
        int s1, s2;
        EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, top, 512, tweak),
                         "%s in + len past the end of memory", name);
        s1 = fn(ctx, (uint8_t *)(uintptr_t)top, in, 512, tweak);
        s2 = fn(ctx, (uint8_t *)(uintptr_t)top, top, 512, tweak);
        test_check(slot, s1 == VXTS_ERR_DATA_LENGTH && s2 == VXTS_ERR_DATA_LENGTH,
                   "%s out + len past the end of memory: got %s / %s", name, test_status_name(s1),
                   test_status_name(s2));
    }

    /* Overlap: in and out inside one area; anything but out == in is refused. */
    {
        const long shifts[] = {1, -1, LEN - 1, -(LEN - 1), 16, -16, LEN / 2, -(LEN / 2), 17, -17};
        for (i = 0; i < sizeof shifts / sizeof shifts[0]; i++) {
            uint8_t *src = area + LEN + (shifts[i] < 0 ? -shifts[i] : 0);
            uint8_t *dst = area + LEN + (shifts[i] > 0 ? shifts[i] : 0);
            int status;
            test_rand_bytes(area, AREA);
            memcpy(saved, area, AREA);
            status = fn(ctx, dst, src, LEN, tweak);
            test_check(slot, status == VXTS_ERR_OVERLAP && memcmp(area, saved, AREA) == 0,
                       "%s out = in %+ld (len %d): got %s%s", name, shifts[i], LEN, test_status_name(status),
                       memcmp(area, saved, AREA) == 0 ? "" : "; memory was written");
        }
        /* Adjacent both ways is no overlap: accepted, and equal to a separate buffer's result. */
        for (i = 0; i < 2; i++) {
            uint8_t *src = area + LEN + (i == 0 ? 0 : LEN), *dst = area + LEN + (i == 0 ? LEN : 0);
            int s1, s2;
            test_rand_bytes(area, AREA);
            s1 = fn(ctx, out, src, LEN, tweak);
            s2 = fn(ctx, dst, src, LEN, tweak);
            test_check(slot, s1 == VXTS_OK && s2 == VXTS_OK && memcmp(out, dst, LEN) == 0,
                       "%s adjacent buffers (out %s in): %s / %s", name, i == 0 ? "after" : "before",
                       test_status_name(s1), test_status_name(s2));
        }
    }
}

/* ---- sectors --------------------------------------------------------------------------- */

static void check_sector_errors(const test_backend *b, const vxts_ctx *ctx, sectors_fn fn, const char *name)
{
    enum { LEN = 1024, AREA = 3 * LEN };
    uint8_t in[LEN], out[LEN], area[AREA], saved[AREA];
    vxts_ctx zero_ctx;
    int slot = b->slot;
    size_t i;

    test_rand_bytes(in, sizeof in);
    memset(&zero_ctx, 0, sizeof zero_ctx);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, LEN, fn(NULL, out, in, LEN, 512, 0), "%s ctx NULL", name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, LEN, fn(&zero_ctx, out, in, LEN, 512, 0), "%s zeroed ctx", name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, LEN, fn(ctx, out, NULL, LEN, 512, 0), "%s in NULL", name);
    {
        int status = fn(ctx, NULL, in, LEN, 512, 0);
        test_check(slot, status == VXTS_ERR_ARGUMENT, "%s out NULL: got %s", name, test_status_name(status));
    }
    EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, in, 0, 512, 0), "%s len 0", name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, in, 1000, 512, 0), "%s len 1000, sector 512",
                     name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, in, LEN, 100, 0), "%s len 1024, sector 100",
                     name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, in, 15 * 64, 15, 0), "%s sector size 15",
                     name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, in, 0, 0, 0), "%s sector size 0", name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, in, 16, 15, 0), "%s len 16, sector size 15",
                     name);
    memset(big_out, PATTERN, BIG + 16);
    {
        int s1 = fn(ctx, big_out, big_out, BIG + 1, BIG + 1, 0);
        int s2 = fn(ctx, big_out, big_out, BIG + 16, BIG + 16, 0);
        test_check(slot, s1 == VXTS_ERR_DATA_LENGTH && s2 == VXTS_ERR_DATA_LENGTH && test_all_bytes(big_out, BIG + 16, PATTERN),
                   "%s sector size 2^24+1 / 2^24+16: got %s / %s%s", name, test_status_name(s1),
                   test_status_name(s2), test_all_bytes(big_out, BIG + 16, PATTERN) ? "" : "; out was written");
    }
    /* Lengths no buffer can have, and ranges past the end of memory: length errors, not overlaps. */
    {
        const uint8_t *top = (const uint8_t *)(uintptr_t)(UINTPTR_MAX - 255);
        const size_t huge[] = {SIZE_MAX - SIZE_MAX % 512, ((size_t)PTRDIFF_MAX / 512 + 1) * 512};
        for (i = 0; i < 2; i++) {
            EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, in, huge[i], 512, 0),
                             "%s len %zu", name, huge[i]);
            EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, out, huge[i], 512, 0),
                             "%s len %zu in place", name, huge[i]);
        }
        EXPECT_UNTOUCHED(slot, VXTS_ERR_DATA_LENGTH, out, LEN, fn(ctx, out, top, 512, 512, 0),
                         "%s in + len past the end of memory", name);
        {
            int s1 = fn(ctx, (uint8_t *)(uintptr_t)top, in, 512, 512, 0);
            test_check(slot, s1 == VXTS_ERR_DATA_LENGTH, "%s out + len past the end of memory: got %s", name,
                       test_status_name(s1));
        }
    }
    /* Sector range: the last sector number first + n - 1 must not pass 2^64 - 1. */
    EXPECT_UNTOUCHED(slot, VXTS_ERR_SECTOR_RANGE, out, LEN, fn(ctx, out, in, LEN, 512, UINT64_MAX),
                     "%s 2 sectors from 2^64-1", name);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_SECTOR_RANGE, out, LEN, fn(ctx, out, in, LEN, 16, UINT64_MAX - 62),
                     "%s 64 sectors from 2^64-63", name);
    {
        int s1 = fn(ctx, out, in, LEN, 512, UINT64_MAX - 1), s2 = fn(ctx, out, in, 512, 512, UINT64_MAX);
        int s3 = fn(ctx, out, in, LEN, 16, UINT64_MAX - 63);
        test_check(slot, s1 == VXTS_OK && s2 == VXTS_OK && s3 == VXTS_OK,
                   "%s sectors ending exactly at 2^64-1: got %s / %s / %s", name, test_status_name(s1),
                   test_status_name(s2), test_status_name(s3));
    }
    /* Overlap. */
    {
        const long shifts[] = {1, -1, LEN - 1, -(LEN - 1), 512, -512, 16, -16};
        for (i = 0; i < sizeof shifts / sizeof shifts[0]; i++) {
            uint8_t *src = area + (shifts[i] < 0 ? -shifts[i] : 0);
            uint8_t *dst = area + (shifts[i] > 0 ? shifts[i] : 0);
            int status;
            test_rand_bytes(area, AREA);
            memcpy(saved, area, AREA);
            status = fn(ctx, dst, src, LEN, 512, 7);
            test_check(slot, status == VXTS_ERR_OVERLAP && memcmp(area, saved, AREA) == 0,
                       "%s out = in %+ld (len %d): got %s%s", name, shifts[i], LEN, test_status_name(status),
                       memcmp(area, saved, AREA) == 0 ? "" : "; memory was written");
        }
    }
}

/* ---- contexts vxts_init did not set up ------------------------------------------------ */

/* Every call that takes a context refuses it with VXTS_ERR_ARGUMENT, writes
   nothing and does not crash (vxts.h). */
static void expect_unusable(int slot, const vxts_ctx *ctx, const char *what)
{
    uint8_t in[64], out[64], tweak[16];
    memset(in, 0x3c, sizeof in);
    memset(tweak, 0x07, sizeof tweak);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, sizeof out, vxts_encrypt(ctx, out, in, 48, tweak),
                     "encrypt, %s", what);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, sizeof out, vxts_decrypt(ctx, out, in, 17, tweak),
                     "decrypt, %s", what);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, sizeof out, vxts_encrypt_sectors(ctx, out, in, 64, 32, 0),
                     "encrypt_sectors, %s", what);
    EXPECT_UNTOUCHED(slot, VXTS_ERR_ARGUMENT, out, sizeof out, vxts_decrypt_sectors(ctx, out, in, 34, 17, 0),
                     "decrypt_sectors, %s", what);
    test_check(slot, vxts_backend_name(ctx) == NULL, "vxts_backend_name, %s: not NULL", what);
}

/* Patterned and random garbage, also around a real backend pointer and key size. */
static void check_garbage_contexts(void)
{
    static const uint8_t fills[] = {0x00, 0xaa, 0xff, 0x55, 0x01, 0x80};
    uint8_t key[64];
    vxts_ctx good, ctx;
    vxts_key *k = (vxts_key *)(void *)&ctx;
    const vxts_key *g = (const vxts_key *)(const void *)&good;
    char what[64];
    size_t i;

    for (i = 0; i < sizeof fills; i++) {
        memset(&ctx, fills[i], sizeof ctx);
        snprintf(what, sizeof what, "context filled with 0x%02x", fills[i]);
        expect_unusable(slot_lib, &ctx, what);
    }
    test_rand_key(key, 64);
    if (!test_check(slot_lib, vxts_init(&good, key, 64) == VXTS_OK, "init for the garbage tests"))
        return;
    for (i = 0; i < 500; i++) {
        test_rand_bytes((uint8_t *)&ctx, sizeof ctx);
        snprintf(what, sizeof what, "random context %zu", i);
        expect_unusable(slot_lib, &ctx, what);
        /* Only the check word is left to refuse it. */
        k->backend = g->backend;
        k->rounds = g->rounds;
        k->half_key_bytes = g->half_key_bytes;
        snprintf(what, sizeof what, "random context %zu with a real backend and key size", i);
        expect_unusable(slot_lib, &ctx, what);
    }
    vxts_wipe(&good);
}

/* A valid context with one field changed is refused; a memcpy'd one works. */
static void check_corrupted_contexts(const test_backend *b)
{
    uint8_t key[64], in[64], want[64], got[64], tweak[16];
    vxts_ctx good, other, ctx;
    vxts_key *k = (vxts_key *)(void *)&ctx;
    const vxts_key *g = (const vxts_key *)(const void *)&good;
    const vxts_backend *other_backend = NULL;
    int slot = b->slot, field;
    size_t i;

    test_rand_key(key, 64);
    test_rand_bytes(in, sizeof in);
    test_rand_bytes(tweak, sizeof tweak);
    if (!test_check(slot, vxts_init_backend(&good, key, 64, b->id) == VXTS_OK, "init for the corruption tests"))
        return;
    memcpy(&ctx, &good, sizeof ctx);
    test_check(slot, vxts_encrypt(&good, want, in, 40, tweak) == VXTS_OK &&
                         vxts_encrypt(&ctx, got, in, 40, tweak) == VXTS_OK && memcmp(want, got, 40) == 0 &&
                         vxts_backend_name(&ctx) != NULL && strcmp(vxts_backend_name(&ctx), b->id) == 0,
               "a memcpy'd context does not work like the original");
    for (i = 0; i < test_backend_count() && other_backend == NULL; i++) {
        const test_backend *o = test_backend_at(i);
        const vxts_key *ok = (const vxts_key *)(const void *)&other;
        if (o->usable && strcmp(o->id, b->id) != 0 && vxts_init_backend(&other, key, 64, o->id) == VXTS_OK)
            other_backend = ok->backend;
    }
    for (field = 0; field < 9; field++) {
        static const char *const names[] = {
            "backend NULL", "backend pointing into the context", "backend of another backend's table entry",
            "rounds 10 <-> 14", "rounds 2^32 - 1", "key size 16 <-> 32", "key size 2^32 - 1",
            "check word off by one bit", "check word zero"};
        memcpy(&ctx, &good, sizeof ctx);
        switch (field) {
        case 0: k->backend = NULL; break;
        case 1: k->backend = (const vxts_backend *)(const void *)&ctx.opaque[8]; break;
        case 2:
            if (other_backend == NULL) {
                test_skip(slot, 1, "corrupted context: no other usable backend");
                continue;
            }
            k->backend = other_backend;
            break;
        case 3: k->rounds = g->rounds == 10 ? 14 : 10; break;
        case 4: k->rounds = 0xffffffffu; break;
        case 5: k->half_key_bytes = g->half_key_bytes == 16 ? 32 : 16; break;
        case 6: k->half_key_bytes = 0xffffffffu; break;
        case 7: k->check ^= 1; break;
        default: k->check = 0; break;
        }
        expect_unusable(slot, &ctx, names[field]);
    }
    /* A table entry this CPU cannot run (its kernel slots are NULL), with the
       check word it would have: refused all the same. */
    for (i = 0; i < test_backend_count(); i++) {
        const test_backend *o = test_backend_at(i);
        static const struct { const char *id; const vxts_backend *b; } entries[] = {
            {"vaes512", &vxts_backend_vaes512}, {"vaes256", &vxts_backend_vaes256},
            {"aesni", &vxts_backend_aesni}, {"armce", &vxts_backend_armce}, {"ct64", &vxts_backend_ct64}};
        size_t e, number;
        if (o->usable)
            continue;
        for (e = 0; e < sizeof entries / sizeof entries[0]; e++) {
            if (strcmp(entries[e].id, o->id) != 0)
                continue;
            for (number = 0; vxts_backend_id(number) != NULL && strcmp(vxts_backend_id(number), o->id) != 0;)
                number++;
            memcpy(&ctx, &good, sizeof ctx);
            k->backend = entries[e].b;
            k->check = VXTS_KEY_CHECK_BASE + 65536u * (uint64_t)(number + 1) + k->half_key_bytes;
            expect_unusable(slot, &ctx, o->id);
        }
    }
    vxts_wipe(&good);
    vxts_wipe(&other);
}

/* A key that lies (partly) inside the context: VXTS_ERR_OVERLAP, nothing written
   (wiping the context first would destroy the key). Adjacent keys are fine. */
static void check_key_in_context(void)
{
    struct {
        uint8_t before[64];
        vxts_ctx ctx;
        uint8_t after[64];
    } area, saved;
    uint8_t *base = (uint8_t *)&area, *ctx_start = base + ((uint8_t *)&area.ctx - base); /* all from base */
    const size_t ctx_size = sizeof area.ctx;
    const struct { const char *what; uint8_t *key; int want; } cases[] = {
        {"key at the context's start", ctx_start, VXTS_ERR_OVERLAP},
        {"key inside the context", ctx_start + 1000, VXTS_ERR_OVERLAP},
        {"key on the context's last byte", ctx_start + ctx_size - 1, VXTS_ERR_OVERLAP},
        {"key on the context's first byte", ctx_start - 63, VXTS_ERR_OVERLAP},
        {"key just before the context", ctx_start - 64, VXTS_OK},
        {"key just after the context", ctx_start + ctx_size, VXTS_OK},
    };
    size_t i;

    test_check(slot_lib, (size_t)(area.after - base) == 64 + ctx_size, "test layout: padding around the context");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int status;
        test_rand_bytes(base, sizeof area);
        memcpy(&saved, &area, sizeof area);
        status = vxts_init(&area.ctx, cases[i].key, 64);
        if (cases[i].want == VXTS_OK)
            test_check(slot_lib, status == VXTS_OK && memcmp(area.before, saved.before, 64) == 0 &&
                                     memcmp(area.after, saved.after, 64) == 0,
                       "%s: got %s, or the key was changed", cases[i].what, test_status_name(status));
        else
            test_check(slot_lib, status == cases[i].want && memcmp(&area, &saved, sizeof area) == 0,
                       "%s: got %s, want %s%s", cases[i].what, test_status_name(status),
                       test_status_name(cases[i].want),
                       memcmp(&area, &saved, sizeof area) == 0 ? "" : "; memory was written");
    }
    vxts_wipe(&area.ctx);
}

/* ---- wipe, strerror, backends ----------------------------------------------------------- */

static void check_wipe(const test_backend *b)
{
    uint8_t key[64], in[48], out[48], tweak[16];
    vxts_ctx ctx;
    int status;
    test_rand_key(key, 64);
    test_rand_bytes(in, sizeof in);
    test_rand_bytes(tweak, sizeof tweak);
    status = vxts_init_backend(&ctx, key, 64, b->id);
    test_check(b->slot, status == VXTS_OK && !ctx_all_zero(&ctx), "init before wipe: %s",
               test_status_name(status));
    test_check(b->slot, vxts_encrypt(&ctx, out, in, 48, tweak) == VXTS_OK, "encrypt before wipe");
    vxts_wipe(&ctx);
    test_check(b->slot, ctx_all_zero(&ctx), "vxts_wipe left non-zero bytes in the context");
    test_check(b->slot, vxts_backend_name(&ctx) == NULL, "vxts_backend_name after wipe is not NULL");
    EXPECT_UNTOUCHED(b->slot, VXTS_ERR_ARGUMENT, out, sizeof out, vxts_encrypt(&ctx, out, in, 48, tweak),
                     "encrypt after wipe");
    EXPECT_UNTOUCHED(b->slot, VXTS_ERR_ARGUMENT, out, sizeof out, vxts_decrypt(&ctx, out, in, 48, tweak),
                     "decrypt after wipe");
    EXPECT_UNTOUCHED(b->slot, VXTS_ERR_ARGUMENT, out, 32, vxts_encrypt_sectors(&ctx, out, in, 32, 16, 1),
                     "encrypt_sectors after wipe");
    EXPECT_UNTOUCHED(b->slot, VXTS_ERR_ARGUMENT, out, 32, vxts_decrypt_sectors(&ctx, out, in, 32, 16, 1),
                     "decrypt_sectors after wipe");
    /* After a fresh init it works again and matches ref. */
    {
        uint8_t want[48];
        status = vxts_init_backend(&ctx, key, 64, b->id);
        ref_xts_encrypt(key, 64, tweak, in, want, 48);
        test_check(b->slot, status == VXTS_OK && vxts_encrypt(&ctx, out, in, 48, tweak) == VXTS_OK &&
                                memcmp(out, want, 48) == 0,
                   "re-init after wipe does not give ref's result");
    }
}

static void check_strerror(void)
{
    const int known[] = {VXTS_OK,
                         VXTS_ERR_ARGUMENT,
                         VXTS_ERR_KEY_LENGTH,
                         VXTS_ERR_WEAK_KEY,
                         VXTS_ERR_DATA_LENGTH,
                         VXTS_ERR_OVERLAP,
                         VXTS_ERR_BACKEND_UNAVAILABLE,
                         VXTS_ERR_SECTOR_RANGE};
    const int unknown[] = {1, -8, -9, 42, -100, INT_MAX, INT_MIN};
    const size_t n_known = sizeof known / sizeof known[0];
    size_t i, j;
    const char *unknown_text = vxts_strerror(unknown[0]);

    test_check(slot_lib, unknown_text != NULL && unknown_text[0] != '\0', "vxts_strerror(1) is empty or NULL");
    for (i = 0; i < n_known; i++) {
        const char *s = vxts_strerror(known[i]);
        test_check(slot_lib, s != NULL && s[0] != '\0', "vxts_strerror(%s) is empty or NULL",
                   test_status_name(known[i]));
        if (s == NULL)
            continue;
        for (j = 0; j < i; j++) {
            const char *t = vxts_strerror(known[j]);
            test_check(slot_lib, t != NULL && strcmp(s, t) != 0, "vxts_strerror(%s) == vxts_strerror(%s)",
                       test_status_name(known[i]), test_status_name(known[j]));
        }
        test_check(slot_lib, unknown_text == NULL || strcmp(s, unknown_text) != 0,
                   "vxts_strerror(%s) equals the text for an unknown status", test_status_name(known[i]));
    }
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        const char *s = vxts_strerror(unknown[i]);
        test_check(slot_lib, s != NULL && s[0] != '\0', "vxts_strerror(%d) is empty or NULL", unknown[i]);
    }
}

static void check_backend_errors(void)
{
    uint8_t key[32];
    vxts_ctx ctx;
    static const char *const bad_ids[] = {"", "no-such-backend", "CT64", "ct64 ", "aes", "vaes"};
    size_t i;
    int status;
    test_rand_key(key, 32);
    status = vxts_init_backend(&ctx, key, 32, NULL);
    test_check(slot_lib, status == VXTS_ERR_BACKEND_UNAVAILABLE && vxts_backend_name(&ctx) == NULL,
               "init with backend id NULL: got %s", test_status_name(status));
    test_check(slot_lib, vxts_backend_usable(NULL) == VXTS_ERR_BACKEND_UNAVAILABLE, "vxts_backend_usable(NULL)");
    for (i = 0; i < sizeof bad_ids / sizeof bad_ids[0]; i++) {
        status = vxts_init_backend(&ctx, key, 32, bad_ids[i]);
        test_check(slot_lib, status == VXTS_ERR_BACKEND_UNAVAILABLE && ctx_all_zero(&ctx),
                   "init with backend id '%s': got %s", bad_ids[i], test_status_name(status));
        test_check(slot_lib, vxts_backend_usable(bad_ids[i]) == VXTS_ERR_BACKEND_UNAVAILABLE,
                   "vxts_backend_usable('%s') is not VXTS_ERR_BACKEND_UNAVAILABLE", bad_ids[i]);
    }
    /* Unknown, or in the table but unusable here: unavailable, context wiped. */
    for (i = 0; i < test_backend_count(); i++) {
        const test_backend *b = test_backend_at(i);
        if (b->usable)
            continue;
        status = vxts_init_backend(&ctx, key, 32, b->id);
        test_check(slot_lib, status == VXTS_ERR_BACKEND_UNAVAILABLE && ctx_all_zero(&ctx),
                   "init with unusable backend %s: got %s", b->id, test_status_name(status));
    }
    /* NULL ctx everywhere that takes one. */
    test_check(slot_lib, vxts_backend_name(NULL) == NULL, "vxts_backend_name(NULL) is not NULL");
    vxts_wipe(NULL);
    test_check(slot_lib, vxts_init(NULL, key, 32) == VXTS_ERR_ARGUMENT, "vxts_init(NULL, ...)");
    test_check(slot_lib, vxts_init(&ctx, NULL, 32) == VXTS_ERR_ARGUMENT, "vxts_init(ctx, NULL, 32)");
    test_check(slot_lib, vxts_init(&ctx, key, 31) == VXTS_ERR_KEY_LENGTH, "vxts_init key_len 31");
    memcpy(key + 16, key, 16);
    test_check(slot_lib, vxts_init(&ctx, key, 32) == VXTS_ERR_WEAK_KEY && ctx_keyless(&ctx),
               "vxts_init with Key1 == Key2");
}

int main(int argc, char **argv)
{
    size_t i;
    test_begin(argc, argv, "error paths");
    slot_lib = test_slot("library");
    big_out = test_alloc(BIG + 16);

    check_strerror();
    check_backend_errors();
    check_garbage_contexts();
    check_key_in_context();
    for (i = 0; i < test_backend_count(); i++) {
        const test_backend *b = test_backend_at(i);
        uint8_t key[64];
        vxts_ctx ctx;
        size_t key_len;
        if (!b->usable)
            continue;
        test_rand_stream(b->id);
        check_init_errors(b);
        check_wipe(b);
        check_corrupted_contexts(b);
        for (key_len = 32; key_len <= 64; key_len += 32) {
            test_rand_key(key, key_len);
            if (!test_check(b->slot, vxts_init_backend(&ctx, key, key_len, b->id) == VXTS_OK, "init"))
                continue;
            check_unit_errors(b, &ctx, vxts_encrypt, key_len == 32 ? "encrypt (AES-128)" : "encrypt (AES-256)");
            check_unit_errors(b, &ctx, vxts_decrypt, key_len == 32 ? "decrypt (AES-128)" : "decrypt (AES-256)");
            check_sector_errors(b, &ctx, vxts_encrypt_sectors, key_len == 32 ? "encrypt_sectors (AES-128)" : "encrypt_sectors (AES-256)");
            check_sector_errors(b, &ctx, vxts_decrypt_sectors, key_len == 32 ? "decrypt_sectors (AES-128)" : "decrypt_sectors (AES-256)");
        }
    }
    free(big_out);
    return test_end();
}
