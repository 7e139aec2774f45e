/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * libFuzzer target for the LUKS parser of `vxts luks` (tools/luks_*.c): LUKS1 and LUKS2
 * binary headers, both LUKS2 copies, the JSON metadata, keyslots, digests, and the keyslot
 * unlock (area read, KDF, keyslot decryption, AF merge, digest check) on a virtual image.
 *
 * Input: byte 0 = flags (bit 0: recompute the LUKS2 checksums of the copies at 0 and at the
 * primary's hdr_size, so that mutations reach the JSON parser; bit 1: try to unlock with the
 * passphrase "fuzz"), bytes 1..4 = the image size (little-endian, at most 64 MiB), then the
 * image's first bytes; the rest of the image reads as zeros.
 * Properties: no crash, no sanitizer report, no read outside the image; a loaded volume has
 * its keyslot areas within the image, as the parser promises.
 */
#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "luks.h"
#include "luks_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct image {
    const uint8_t *prefix;
    size_t prefix_len;
    uint64_t size;
};

static int image_read(void *ctx, uint8_t *buf, size_t len, uint64_t offset)
{
    const struct image *im = ctx;
    size_t i;
    if (offset > im->size || len > im->size - offset)
        return -1;
    for (i = 0; i < len; i++)
        buf[i] = offset + i < im->prefix_len ? im->prefix[offset + i] : 0;
    return 0;
}

/* Makes the LUKS2 copy at off (inside the prefix) carry a valid sha256 checksum. */
static void fix_checksum(uint8_t *img, size_t len, uint64_t off)
{
    uint64_t hsize;
    uint8_t *copy;
    if (off > len || len - off < 4096)
        return;
    hsize = luks_be64(img + off + 8);
    if (hsize < 4096 || hsize > ((uint64_t)4 << 20) || hsize > len - off)
        return;
    copy = img + off;
    memset(copy + 448, 0, 64);
    memcpy(copy + 72, "sha256\0", 7);
    EVP_Digest(copy, hsize, copy + 448, NULL, EVP_sha256(), NULL);
}

/* Unlocking is attempted only when every KDF is cheap: the fuzzer must stay fast. */
static int cheap(const struct luks_volume *v)
{
    unsigned i;
    for (i = 0; i < v->nslots; i++) {
        const struct luks_kdf *k = &v->slots[i].kdf;
        if (!v->slots[i].usable)
            continue;
        if (k->iterations > 2000 || (k->type != LUKS_KDF_PBKDF2 && k->memory_kib > 1024))
            return 0;
    }
    for (i = 0; i < v->ndigests; i++)
        if (v->digests[i].iterations > 2000)
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct luks_volume v;
    struct image im;
    struct luks_source src;
    uint8_t *img, key[LUKS_MAX_KEY];
    unsigned i;
    int slot = -1;
    if (size < 5)
        return 0;
    im.prefix_len = size - 5;
    im.size = (uint64_t)data[1] | (uint64_t)data[2] << 8 | (uint64_t)data[3] << 16 | (uint64_t)data[4] << 24;
    if (im.size > ((uint64_t)64 << 20))
        im.size = (uint64_t)64 << 20;
    if (im.size < im.prefix_len)
        im.size = im.prefix_len;
    img = malloc(im.prefix_len + 1);
    if (img == NULL)
        return 0;
    memcpy(img, data + 5, im.prefix_len);
    if (data[0] & 1) {
        fix_checksum(img, im.prefix_len, 0);
        if (im.prefix_len >= 16)
            fix_checksum(img, im.prefix_len, luks_be64(img + 8));
    }
    im.prefix = img;
    src.read = image_read;
    src.ctx = &im;
    src.size = im.size;
    if (luks_load(&src, &v) == 0) {
        if (v.nslots > LUKS_MAX_SLOTS || v.ndigests > LUKS_MAX_DIGESTS)
            abort();
        for (i = 0; i < v.nslots; i++)
            if (v.slots[i].usable && (v.slots[i].area_offset > im.size ||
                                      v.slots[i].area_size > im.size - v.slots[i].area_offset))
                abort();
        if ((data[0] & 2) && cheap(&v))
            (void)luks_unlock(&src, &v, -1, (const uint8_t *)"fuzz", 4, key, &slot);
        if (data[0] & 4)
            luks_dump(&v, "fuzz"); /* stdout: closed by -close_fd_mask */
    }
    free(img);
    return 0;
}
