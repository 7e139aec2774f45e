/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts_encrypt_sectors / vxts_decrypt_sectors equal one vxts_encrypt /
 * vxts_decrypt call per sector with vxts_sector_tweak(first + k): many
 * sector sizes and counts, random first sector, in place and out of place,
 * every usable backend. The 2^64 boundary, and the byte layout of
 * vxts_sector_tweak (checked against its definition and against ref).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "testlib.h"

#define PATTERN 0x5a
#define MAX_ALIGN 64

static int slot_lib;

/* The tweak of sector s by definition: s as a 128-bit little-endian number. */
static void le128(uint8_t t[16], uint64_t s)
{
    int k;
    memset(t, 0, 16);
    for (k = 0; k < 8; k++)
        t[k] = (uint8_t)((s >> (8 * k)) & 0xff);
}

static void check_tweak_layout(void)
{
    uint64_t values[24] = {0, 1, 0xff, 0x100, UINT64_MAX, UINT64_MAX - 1, (uint64_t)1 << 63, 0x0102030405060708u};
    size_t i;
    for (i = 8; i < 24; i++)
        values[i] = test_rand64() >> test_rand_below(64);
    for (i = 0; i < 24; i++) {
        uint8_t area[48], *got = area + 16 + i % 16, want[16]; /* every alignment */
        memset(area, 0xaa, sizeof area);
        vxts_sector_tweak(got, values[i]);
        test_check(slot_lib, test_all_bytes(area, (size_t)(got - area), 0xaa) &&
                                 test_all_bytes(got + 16, (size_t)(area + sizeof area - got - 16), 0xaa),
                   "vxts_sector_tweak wrote outside its 16 bytes");
        le128(want, values[i]);
        test_check(slot_lib, memcmp(got, want, 16) == 0, "vxts_sector_tweak(0x%016llx) = %s, want %s",
                   (unsigned long long)values[i], test_hex(got, 16), test_hex(want, 16));
        test_check(slot_lib, test_all_bytes(got + 8, 8, 0), "vxts_sector_tweak: upper 8 bytes not zero");
    }
}

/* Per-sector reference through the single-unit API. */
static int per_sector(const vxts_ctx *ctx, int decrypt, uint8_t *out, const uint8_t *in, size_t sector,
                      size_t count, uint64_t first)
{
    size_t k;
    for (k = 0; k < count; k++) {
        uint8_t tweak[16];
        int status;
        vxts_sector_tweak(tweak, first + k);
        status = decrypt ? vxts_decrypt(ctx, out + k * sector, in + k * sector, sector, tweak)
                         : vxts_encrypt(ctx, out + k * sector, in + k * sector, sector, tweak);
        if (status != VXTS_OK)
            return status;
    }
    return VXTS_OK;
}

typedef struct sector_case {
    size_t sector, count, len;
    uint64_t first;
    size_t key_len;
    uint8_t key[64];
    uint8_t *pt, *in_place;  /* pt: the data; in_place: scratch */
    uint8_t *want_ct, *out;  /* per-sector result; output of the batched call */
    uint8_t *ref_first, *ref_last; /* ref's first and last sector, or NULL (large sectors) */
} sector_case;

static void run_case(const test_backend *b, sector_case *c)
{
    vxts_ctx ctx;
    int status, decrypt, k;
    const char *what[2] = {"encrypt_sectors", "decrypt_sectors"};

    status = vxts_init_backend(&ctx, c->key, c->key_len, b->id);
    if (!test_check(b->slot, status == VXTS_OK, "init: %s", test_status_name(status)))
        return;
    status = per_sector(&ctx, 0, c->want_ct, c->pt, c->sector, c->count, c->first);
    if (!test_check(b->slot, status == VXTS_OK, "per-sector encrypt, sector %zu: %s", c->sector,
                    test_status_name(status)))
        return;
    /* ref's first and last sector tie the per-sector path to the oracle. */
    for (k = 0; k < 2 && c->ref_first != NULL; k++) {
        size_t s = k == 0 ? 0 : c->count - 1;
        test_check(b->slot, memcmp(k == 0 ? c->ref_first : c->ref_last, c->want_ct + s * c->sector, c->sector) == 0,
                   "sector size %zu, sector 0x%016llx: vxts_encrypt differs from ref", c->sector,
                   (unsigned long long)(c->first + s));
    }
    for (decrypt = 0; decrypt < 2; decrypt++) {
        const uint8_t *in = decrypt ? c->want_ct : c->pt, *want = decrypt ? c->pt : c->want_ct;
        long d;
        status = decrypt ? vxts_decrypt_sectors(&ctx, c->out, in, c->len, c->sector, c->first)
                         : vxts_encrypt_sectors(&ctx, c->out, in, c->len, c->sector, c->first);
        d = test_first_diff(c->out, want, c->len);
        test_check(b->slot, status == VXTS_OK && d < 0,
                   "%s out of place, sector %zu x %zu from 0x%016llx, %zu-byte key: %s, first difference at %ld",
                   what[decrypt], c->sector, c->count, (unsigned long long)c->first, c->key_len,
                   test_status_name(status), d);
        memcpy(c->in_place, in, c->len);
        status = decrypt ? vxts_decrypt_sectors(&ctx, c->in_place, c->in_place, c->len, c->sector, c->first)
                         : vxts_encrypt_sectors(&ctx, c->in_place, c->in_place, c->len, c->sector, c->first);
        d = test_first_diff(c->in_place, want, c->len);
        test_check(b->slot, status == VXTS_OK && d < 0,
                   "%s in place, sector %zu x %zu from 0x%016llx, %zu-byte key: %s, first difference at %ld",
                   what[decrypt], c->sector, c->count, (unsigned long long)c->first, c->key_len,
                   test_status_name(status), d);
    }
    vxts_wipe(&ctx);
}

/* A first sector: small, near the 2^64 end, or anywhere; always leaves room for count. */
static uint64_t random_first(size_t count)
{
    uint64_t room = UINT64_MAX - (uint64_t)(count - 1), x;
    switch (test_rand_below(4)) {
    case 0: x = test_rand_below(1000); break;
    case 1: x = room - test_rand_below(1000); break;
    case 2: x = (test_rand64() & 0xffffffffu) | ((uint64_t)test_rand_below(2) << 32); break;
    default: x = test_rand64(); break;
    }
    return x > room ? room : x;
}

/* Buffers at a random offset from 64-byte alignment, so no backend can rely on it. */
static uint8_t *misaligned(uint8_t *base)
{
    return base + test_rand_below(MAX_ALIGN);
}

static void check_boundary(const test_backend *b, uint8_t *pt, uint8_t *want, uint8_t *out)
{
    static const size_t counts[] = {1, 2, 3, 5, 8, 9, 17};
    static const size_t sectors[] = {16, 17, 32, 512};
    uint8_t key[64];
    vxts_ctx ctx;
    size_t i, j;
    test_rand_key(key, 64);
    if (!test_check(b->slot, vxts_init_backend(&ctx, key, 64, b->id) == VXTS_OK, "init"))
        return;
    for (i = 0; i < sizeof sectors / sizeof sectors[0]; i++)
        for (j = 0; j < sizeof counts / sizeof counts[0]; j++) {
            size_t n = counts[j], len = n * sectors[i];
            uint64_t first = UINT64_MAX - (uint64_t)n + 1; /* 2^64 - n */
            int status, decrypt;
            test_rand_bytes(pt, len);
            for (decrypt = 0; decrypt < 2; decrypt++) {
                status = per_sector(&ctx, decrypt, want, pt, sectors[i], n, first);
                test_check(b->slot, status == VXTS_OK, "per-sector at the 2^64 end: %s", test_status_name(status));
                status = decrypt ? vxts_decrypt_sectors(&ctx, out, pt, len, sectors[i], first)
                                 : vxts_encrypt_sectors(&ctx, out, pt, len, sectors[i], first);
                test_check(b->slot, status == VXTS_OK && memcmp(out, want, len) == 0,
                           "%s %zu sectors of %zu from 2^64-%zu (last sector 2^64-1): %s%s",
                           decrypt ? "decrypt" : "encrypt", n, sectors[i], n, test_status_name(status),
                           status == VXTS_OK && memcmp(out, want, len) != 0 ? ", wrong data" : "");
                if (n < 2)
                    continue; /* 2^64 - n + 1 would wrap to 0 */
                memset(out, PATTERN, len);
                status = decrypt ? vxts_decrypt_sectors(&ctx, out, pt, len, sectors[i], first + 1)
                                 : vxts_encrypt_sectors(&ctx, out, pt, len, sectors[i], first + 1);
                test_check(b->slot, status == VXTS_ERR_SECTOR_RANGE && test_all_bytes(out, len, PATTERN),
                           "%s %zu sectors of %zu from 2^64-%zu+1: got %s%s", decrypt ? "decrypt" : "encrypt", n,
                           sectors[i], n, test_status_name(status),
                           test_all_bytes(out, len, PATTERN) ? "" : "; out was written");
            }
        }
    vxts_wipe(&ctx);
}

int main(int argc, char **argv)
{
    static const size_t sectors[] = {16, 17, 31, 32, 48, 100, 512, 520, 4096, 4097, 65536};
    static const size_t counts[] = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17};
    const size_t max_len = 65536 * 3 + 4097 * 17; /* sized for every case below */
    uint8_t *bufs[5];
    size_t i, j, k, cases = 0;

    test_begin(argc, argv, "sectors");
    slot_lib = test_slot("library");
    for (k = 0; k < 4; k++)
        bufs[k] = test_alloc(max_len + MAX_ALIGN);
    bufs[4] = test_alloc(2 * 4097);

    check_tweak_layout();
    for (i = 0; i < sizeof sectors / sizeof sectors[0]; i++)
        for (j = 0; j < sizeof counts / sizeof counts[0]; j++) {
            sector_case c;
            size_t b;
            if (sectors[i] == 65536 && counts[j] > 3)
                continue;
            c.sector = sectors[i];
            c.count = counts[j];
            c.len = c.sector * c.count;
            c.first = random_first(c.count);
            c.key_len = (i + j) % 2 ? 32 : 64;
            test_rand_key(c.key, c.key_len);
            c.pt = misaligned(bufs[0]);
            c.in_place = misaligned(bufs[1]);
            c.want_ct = misaligned(bufs[2]);
            c.out = misaligned(bufs[3]);
            test_rand_bytes(c.pt, c.len);
            c.ref_first = c.ref_last = NULL;
            if (c.sector <= 4097) {
                uint8_t tweak[16];
                c.ref_first = bufs[4];
                c.ref_last = bufs[4] + c.sector;
                le128(tweak, c.first);
                ref_xts_encrypt(c.key, c.key_len, tweak, c.pt, c.ref_first, c.sector);
                le128(tweak, c.first + c.count - 1);
                ref_xts_encrypt(c.key, c.key_len, tweak, c.pt + (c.count - 1) * c.sector, c.ref_last, c.sector);
            }
            cases++;
            for (b = 0; b < test_backend_count(); b++)
                if (test_backend_at(b)->usable)
                    run_case(test_backend_at(b), &c);
        }
    printf("%zu (sector size, count) cases: sizes 16 17 31 32 48 100 512 520 4096 4097 65536, "
           "counts 1 2 3 4 5 7 8 9 16 17 (65536: 1-3)\n",
           cases);
    for (i = 0; i < test_backend_count(); i++)
        if (test_backend_at(i)->usable) {
            test_rand_stream(test_backend_at(i)->id);
            check_boundary(test_backend_at(i), bufs[0], bufs[1], bufs[2]);
        }
    for (k = 0; k < 5; k++)
        free(bufs[k]);
    return test_end();
}
