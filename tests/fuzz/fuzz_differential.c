/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * fuzz_differential — libFuzzer target: every usable backend agrees with the
 * byte-level reference (ref/ref_xts.c), and decryption undoes encryption.
 *
 * Input layout (missing bytes read as zero; the data repeat the tail):
 *   [0]      flags: bit 0 AES-256, bit 1 in place, bit 2 sector API,
 *            bit 3 start from decryption (treat the data as ciphertext),
 *            bit 4 long data units (up to 8207 bytes, else up to 1039)
 *   [1..2]   data-unit length selector
 *   [3..4]   sector-size selector (sector API: 16 .. 4111) and [5] sector count 1..4
 *   [6..13]  first sector number (little-endian 64 bits; near 2^64 - 1 too)
 *   key (32 or 64 bytes), tweak (16 bytes), then the data.
 *
 * Built with clang -fsanitize=fuzzer,address,undefined (mk/hardening.mk).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ref_xts.h"
#include "vxts.h"

#define MAX_UNIT 8207u
#define MAX_TOTAL (4u * 4111u)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct reader {
    const uint8_t *p;
    size_t n, pos;
};

static uint8_t next_byte(struct reader *r)
{
    return r->pos < r->n ? r->p[r->pos++] : 0;
}

static void read_bytes(struct reader *r, uint8_t *out, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        out[i] = next_byte(r);
}

static void fail(const char *what, const char *backend, size_t len)
{
    fprintf(stderr, "fuzz_differential: %s (backend %s, len %zu)\n", what, backend, len);
    abort();
}

/* The sector API's reference: one ref call per sector, tweak = plain64. */
static int ref_sectors(int encrypt, const uint8_t *key, size_t key_len, const uint8_t *in, uint8_t *out,
                       size_t len, size_t sector_size, uint64_t first)
{
    size_t off;
    uint8_t tweak[16];
    for (off = 0; off < len; off += sector_size, first++) {
        vxts_sector_tweak(tweak, first);
        if ((encrypt ? ref_xts_encrypt : ref_xts_decrypt)(key, key_len, tweak, in + off, out + off, sector_size))
            return -1;
    }
    return 0;
}

static uint8_t plain[MAX_TOTAL], expect[MAX_TOTAL], buf[MAX_TOTAL], back[MAX_TOTAL];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct reader r = {data, size, 0};
    uint8_t flags, key[64], tweak[16];
    size_t key_len, len, sector_size = 0, count = 0, i;
    uint64_t first = 0;
    int aes256, in_place, sectors, from_ct, weak, range_error;
    const char *id;

    flags = next_byte(&r);
    aes256 = flags & 1;
    in_place = (flags >> 1) & 1;
    sectors = (flags >> 2) & 1;
    from_ct = (flags >> 3) & 1;
    len = next_byte(&r);
    len |= (size_t)next_byte(&r) << 8;
    len = 16 + len % ((flags & 16 ? MAX_UNIT : 1039u) - 15);
    sector_size = next_byte(&r);
    sector_size |= (size_t)next_byte(&r) << 8;
    sector_size = 16 + sector_size % 4096;
    count = 1 + next_byte(&r) % 4;
    for (i = 0; i < 8; i++)
        first |= (uint64_t)next_byte(&r) << (8 * i);
    if (sectors)
        len = sector_size * count;
    key_len = aes256 ? 64 : 32;
    read_bytes(&r, key, key_len);
    read_bytes(&r, tweak, 16);
    /* The data: what is left, repeated to fill len (zeros if nothing is left). */
    for (i = 0; i < len; i++)
        plain[i] = r.pos < r.n ? r.p[r.pos + i % (r.n - r.pos)] : 0;
    weak = memcmp(key, key + key_len / 2, key_len / 2) == 0;

    /* The reference result, or the error every backend must give. */
    range_error = sectors && (uint64_t)(count - 1) > UINT64_MAX - first;
    if (!range_error) {
        int rc = sectors ? ref_sectors(!from_ct, key, key_len, plain, expect, len, sector_size, first)
                         : (from_ct ? ref_xts_decrypt : ref_xts_encrypt)(key, key_len, tweak, plain, expect, len);
        if (rc != 0)
            fail("the reference refused a valid length", "ref", len);
    }

    for (i = 0; (id = vxts_backend_id(i)) != NULL; i++) {
        vxts_ctx ctx;
        uint8_t *out = in_place ? buf : back;
        int rc;
        if (vxts_backend_usable(id) != VXTS_OK)
            continue;
        rc = vxts_init_backend(&ctx, key, key_len, id);
        if (weak) {
            if (rc != VXTS_ERR_WEAK_KEY)
                fail("equal key halves not refused", id, len);
            continue;
        }
        if (rc != VXTS_OK)
            fail("vxts_init_backend failed", id, len);
        if (range_error) { /* the last sector number would pass 2^64 - 1 */
            memset(back, 0xa5, len);
            memcpy(buf, plain, len);
            rc = vxts_encrypt_sectors(&ctx, back, buf, len, sector_size, first);
            if (rc != VXTS_ERR_SECTOR_RANGE)
                fail("sector range error not reported", id, len);
            for (size_t j = 0; j < len; j++)
                if (back[j] != 0xa5)
                    fail("output written on error", id, len);
            vxts_wipe(&ctx);
            continue;
        }

        /* Forward: plaintext -> ciphertext (or the reverse with from_ct). */
        memcpy(buf, plain, len);
        if (sectors)
            rc = from_ct ? vxts_decrypt_sectors(&ctx, out, buf, len, sector_size, first)
                         : vxts_encrypt_sectors(&ctx, out, buf, len, sector_size, first);
        else
            rc = from_ct ? vxts_decrypt(&ctx, out, buf, len, tweak) : vxts_encrypt(&ctx, out, buf, len, tweak);
        if (rc != VXTS_OK)
            fail("forward call failed", id, len);
        if (memcmp(out, expect, len) != 0)
            fail("result differs from the reference", id, len);

        /* Backward: the inverse call restores the input (in place this time
         * if the forward call was out of place, and the reverse). */
        if (in_place) {
            memcpy(back, buf, len);
            out = back;
            rc = sectors ? (from_ct ? vxts_encrypt_sectors(&ctx, back, back, len, sector_size, first)
                                    : vxts_decrypt_sectors(&ctx, back, back, len, sector_size, first))
                         : (from_ct ? vxts_encrypt(&ctx, back, back, len, tweak)
                                    : vxts_decrypt(&ctx, back, back, len, tweak));
        } else {
            rc = sectors ? (from_ct ? vxts_encrypt_sectors(&ctx, buf, back, len, sector_size, first)
                                    : vxts_decrypt_sectors(&ctx, buf, back, len, sector_size, first))
                         : (from_ct ? vxts_encrypt(&ctx, buf, back, len, tweak)
                                    : vxts_decrypt(&ctx, buf, back, len, tweak));
            out = buf;
        }
        if (rc != VXTS_OK)
            fail("inverse call failed", id, len);
        if (memcmp(out, plain, len) != 0)
            fail("decrypt(encrypt(x)) != x", id, len);
        vxts_wipe(&ctx);
    }
    return 0;
}
