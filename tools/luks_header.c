/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * LUKS binary headers: LUKS1 (spec 1.2.3 §2.4: the 592-byte phdr, big-endian) and LUKS2
 * (spec §2: two 4096-byte binary headers, each followed by its JSON area and covered by a
 * checksum; the secondary is used when the primary is damaged).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "luks.h"
#include "luks_internal.h"

static const uint8_t MAGIC1[6] = {'L', 'U', 'K', 'S', 0xba, 0xbe};
static const uint8_t MAGIC2[6] = {'S', 'K', 'U', 'L', 0xba, 0xbe};

uint32_t luks_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

uint64_t luks_be64(const uint8_t *p)
{
    return (uint64_t)luks_be32(p) << 32 | luks_be32(p + 4);
}

void luks_put_be32(uint8_t *p, uint32_t x)
{
    p[0] = (uint8_t)(x >> 24);
    p[1] = (uint8_t)(x >> 16);
    p[2] = (uint8_t)(x >> 8);
    p[3] = (uint8_t)x;
}

void luks_put_be64(uint8_t *p, uint64_t x)
{
    luks_put_be32(p, (uint32_t)(x >> 32));
    luks_put_be32(p + 4, (uint32_t)x);
}

/* A fixed-size on-disk string field into a NUL-terminated one (cut at the first NUL). */
void luks_field(char *dst, size_t dst_size, const uint8_t *src, size_t src_len)
{
    size_t n = strnlen((const char *)src, src_len);
    if (n >= dst_size)
        n = dst_size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* ---- LUKS1 ------------------------------------------------------------------------------ */

#define LUKS1_KEY_ENABLED 0x00AC71F3u
#define LUKS1_KEY_DISABLED 0x0000DEADu

static int load_luks1(const struct luks_source *src, const uint8_t *h, struct luks_volume *v)
{
    char mode[33], name[33];
    uint32_t payload = luks_be32(h + 104), i;
    v->version = 1;
    luks_field(name, sizeof name, h + 8, 32);
    luks_field(mode, sizeof mode, h + 40, 32);
    snprintf(v->cipher, sizeof v->cipher, "%s-%s", name, mode);
    luks_field(v->digests[0].hash, sizeof v->digests[0].hash, h + 72, 32);
    v->key_bytes = luks_be32(h + 108);
    luks_field(v->uuid, sizeof v->uuid, h + 168, 40);
    if (luks_hash_size(v->digests[0].hash) < 0)
        return luks_fail("unsupported LUKS1 hash '%s' (vxts knows sha1, sha256, sha512)",
                         v->digests[0].hash);
    if (v->key_bytes != 32 && v->key_bytes != 64)
        return luks_fail("unsupported LUKS1 key size %u bits (aes-xts-plain64 uses 256 or 512)",
                         v->key_bytes * 8);
    v->data_offset = (uint64_t)payload * 512;
    v->data_size_dynamic = 1;
    v->sector_size = 512;
    v->iv_tweak = 0;
    /* The master key digest: PBKDF2(hash, key, salt, iterations) truncated to 20 bytes. */
    v->ndigests = 1;
    v->digests[0].id = 0;
    v->digests[0].digest_len = 20;
    memcpy(v->digests[0].digest, h + 112, 20);
    v->digests[0].salt_len = 32;
    memcpy(v->digests[0].salt, h + 132, 32);
    v->digests[0].iterations = luks_be32(h + 164);
    v->digests[0].segment0 = 1;
    if (v->digests[0].iterations == 0)
        return luks_fail("corrupt LUKS1 header: master key digest iterations 0");
    for (i = 0; i < 8; i++) {
        const uint8_t *k = h + 208 + 48 * i;
        uint32_t active = luks_be32(k);
        struct luks_keyslot *s;
        uint64_t bytes;
        if (active == LUKS1_KEY_DISABLED)
            continue;
        if (active != LUKS1_KEY_ENABLED)
            return luks_fail("corrupt LUKS1 header: keyslot %u state 0x%08x", (unsigned)i,
                             (unsigned)active);
        s = &v->slots[v->nslots++];
        s->id = (int)i;
        s->usable = strcmp(v->cipher, "aes-xts-plain64") == 0;
        s->priority = 1;
        s->key_bytes = v->key_bytes;
        s->area_key_bytes = v->key_bytes;
        snprintf(s->area_cipher, sizeof s->area_cipher, "%s", v->cipher);
        snprintf(s->af_hash, sizeof s->af_hash, "%s", v->digests[0].hash);
        s->stripes = luks_be32(k + 44);
        s->kdf.type = LUKS_KDF_PBKDF2;
        snprintf(s->kdf.hash, sizeof s->kdf.hash, "%s", v->digests[0].hash);
        s->kdf.iterations = luks_be32(k + 4);
        memcpy(s->kdf.salt, k + 8, 32);
        s->kdf.salt_len = 32;
        s->area_offset = (uint64_t)luks_be32(k + 40) * 512;
        bytes = (uint64_t)s->key_bytes * s->stripes;
        s->area_size = (bytes + 511) / 512 * 512;
        v->digests[0].keyslots |= 1u << i;
        if (s->stripes == 0 || bytes > LUKS_MAX_AF_BYTES || s->kdf.iterations == 0)
            return luks_fail("corrupt LUKS1 header: keyslot %u has %u stripes, %u iterations",
                             (unsigned)i, (unsigned)s->stripes, (unsigned)s->kdf.iterations);
        if (s->area_offset < 592 || s->area_offset + s->area_size > src->size)
            return luks_fail("corrupt LUKS1 header: keyslot %u key material (offset %llu, %llu "
                             "bytes) outside the header file of %llu bytes", (unsigned)i,
                             (unsigned long long)s->area_offset, (unsigned long long)s->area_size,
                             (unsigned long long)src->size);
    }
    return 0;
}

/* ---- LUKS2 binary headers ------------------------------------------------------------------ */

/* The sizes a LUKS2 header copy (binary header + JSON area) may have (spec §2). */
static int valid_hdr_size(uint64_t n)
{
    uint64_t s;
    for (s = 16384; s <= 4194304; s *= 2)
        if (n == s)
            return 1;
    return 0;
}

/*
 * Reads and checks the header copy at offset: magic, version, size, its own offset and the
 * checksum over the whole copy (spec §2.1: the checksum field counted as zeros). On success
 * *copy holds hdr_size bytes (JSON NUL-terminated inside). why names what is wrong.
 */
static int read_copy(const struct luks_source *src, uint64_t offset, const uint8_t *magic,
                     uint8_t **copy, const char **why)
{
    uint8_t bin[4096], csum[64], got[EVP_MAX_MD_SIZE];
    char alg[33];
    uint64_t size;
    uint8_t *buf;
    const EVP_MD *md;
    *copy = NULL;
    if (offset + 4096 > src->size || src->read(src->ctx, bin, 4096, offset) != 0) {
        *why = "cannot be read (image too short)";
        return -1;
    }
    if (memcmp(bin, magic, 6) != 0 || bin[6] != 0 || bin[7] != 2) {
        *why = "has no LUKS2 magic";
        return -1;
    }
    size = luks_be64(bin + 8);
    if (!valid_hdr_size(size) || luks_be64(bin + 256) != offset) {
        *why = "has an invalid size or offset";
        return -1;
    }
    if (offset + size > src->size) {
        *why = "extends past the end of the image";
        return -1;
    }
    luks_field(alg, sizeof alg, bin + 72, 32);
    md = strcmp(alg, "sha256") == 0 ? EVP_sha256() : strcmp(alg, "sha512") == 0 ? EVP_sha512()
       : strcmp(alg, "sha1") == 0 ? EVP_sha1() : NULL;
    if (md == NULL) {
        *why = "has an unsupported checksum algorithm";
        return -1;
    }
    buf = malloc(size);
    if (buf == NULL) {
        *why = "cannot be held in memory";
        return -1;
    }
    memcpy(buf, bin, 4096);
    if (src->read(src->ctx, buf + 4096, size - 4096, offset + 4096) != 0) {
        free(buf);
        *why = "cannot be read (image too short)";
        return -1;
    }
    memcpy(csum, buf + 448, 64);
    memset(buf + 448, 0, 64);
    if (EVP_Digest(buf, size, got, NULL, md, NULL) != 1 ||
        memcmp(got, csum, (size_t)EVP_MD_get_size(md)) != 0) {
        free(buf);
        *why = "has a wrong checksum";
        return -1;
    }
    memcpy(buf + 448, csum, 64);
    if (memchr(buf + 4096, '\0', size - 4096) == NULL) {
        free(buf);
        *why = "has JSON metadata that is not NUL-terminated";
        return -1;
    }
    *copy = buf;
    return 0;
}

static int load_luks2(const struct luks_source *src, struct luks_volume *v)
{
    uint8_t *primary = NULL, *secondary = NULL, *use;
    const char *why_p = "", *why_s = "has no LUKS2 magic";
    uint8_t bin[4096];
    uint64_t off;
    int rc;
    if (read_copy(src, 0, MAGIC1, &primary, &why_p) == 0)
        (void)read_copy(src, luks_be64(primary + 8), MAGIC2, &secondary, &why_s);
    else
        /* The primary's size field cannot be trusted: look at every offset a secondary may have. */
        for (off = 16384; off <= 4194304 && secondary == NULL; off *= 2)
            if (read_copy(src, off, MAGIC2, &secondary, &why_s) != 0 && off + 4096 <= src->size &&
                src->read(src->ctx, bin, 6, off) == 0 && memcmp(bin, MAGIC2, 6) == 0)
                break; /* a secondary is there but damaged: keep its reason */
    if (primary == NULL && secondary == NULL)
        return luks_fail("both LUKS2 headers are damaged (primary %s, secondary %s)", why_p, why_s);
    /* Both good: the newer one (higher seqid) wins, the primary on a tie. */
    use = primary;
    if (primary == NULL || (secondary != NULL && luks_be64(secondary + 16) > luks_be64(primary + 16)))
        use = secondary;
    v->version = 2;
    v->used_secondary = use == secondary;
    v->hdr_size = luks_be64(use + 8);
    v->seqid = luks_be64(use + 16);
    luks_field(v->label, sizeof v->label, use + 24, 48);
    luks_field(v->csum_alg, sizeof v->csum_alg, use + 72, 32);
    luks_field(v->uuid, sizeof v->uuid, use + 168, 40);
    luks_field(v->subsystem, sizeof v->subsystem, use + 208, 48);
    if (primary == NULL)
        luks_note("the primary LUKS2 header %s; using the secondary header (seqid %llu)", why_p,
                  (unsigned long long)v->seqid);
    else if (secondary == NULL)
        luks_note("the secondary LUKS2 header %s; the primary is intact (cryptsetup repair rewrites it)",
                  why_s);
    rc = luks_json_parse((const char *)use + 4096, v->hdr_size - 4096, src->size, v);
    free(primary);
    free(secondary);
    return rc;
}

int luks_load(const struct luks_source *src, struct luks_volume *v)
{
    uint8_t h[592];
    memset(v, 0, sizeof *v);
    if (src->size < sizeof h || src->read(src->ctx, h, sizeof h, 0) != 0)
        return luks_fail("not a LUKS image: shorter than a LUKS header (%llu bytes)",
                         (unsigned long long)src->size);
    if (memcmp(h, MAGIC1, 6) == 0 && h[6] == 0 && h[7] == 1)
        return load_luks1(src, h, v);
    if (memcmp(h, MAGIC1, 6) == 0 && !(h[6] == 0 && h[7] == 2))
        return luks_fail("unsupported LUKS version %u", (unsigned)(h[6] << 8 | h[7]));
    if (memcmp(h, MAGIC1, 6) != 0 && src->size >= 16384 + 4096) {
        /* No magic at 0: a LUKS2 image whose primary header is wiped, or no LUKS at all. */
        uint8_t m[6];
        uint64_t off;
        int found = 0;
        for (off = 16384; off <= 4194304 && off + 4096 <= src->size; off *= 2)
            if (src->read(src->ctx, m, 6, off) == 0 && memcmp(m, MAGIC2, 6) == 0)
                found = 1;
        if (!found)
            return luks_fail("not a LUKS image (no LUKS magic at offset 0 nor a LUKS2 secondary header)");
    } else if (memcmp(h, MAGIC1, 6) != 0) {
        return luks_fail("not a LUKS image (no LUKS magic at offset 0)");
    }
    return load_luks2(src, v);
}
