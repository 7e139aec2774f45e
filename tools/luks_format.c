/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * New containers with the layout cryptsetup 2.6 writes by default.
 * LUKS2 (spec §2, §3): two 16 KiB header copies (4 KiB binary header + 12 KiB JSON), the
 * keyslots area from 32 KiB, data at 16 MiB; one keyslot, one digest, one crypt segment.
 * LUKS1 (spec 1.2.3 §2.4): the 592-byte phdr, key material from 4 KiB in 4 KiB-aligned slots
 * (slot 0 used), payload at a 1 MiB boundary.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vxts.h>

#include "luks.h"
#include "luks_internal.h"

#define STRIPES 4000u
#define LUKS2_HDR 16384u
#define LUKS2_DATA_OFFSET (16u << 20)
#define LUKS1_ALIGN_SECTORS 8u        /* keyslots on 4 KiB boundaries */
#define LUKS1_PAYLOAD_ALIGN 2048u     /* 1 MiB in 512-byte sectors */
#define DIGEST_MS 125u                /* cryptsetup's volume key digest time */

static int random_uuid(char out[40])
{
    uint8_t u[16];
    if (luks_random(u, sizeof u) != 0)
        return -1;
    u[6] = (uint8_t)((u[6] & 0x0f) | 0x40); /* RFC 4122 version 4 */
    u[8] = (uint8_t)((u[8] & 0x3f) | 0x80);
    snprintf(out, 40, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[0],
             u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14],
             u[15]);
    return 0;
}

/* The keyslot's stripes: AF split of the volume key, encrypted with the passphrase's key
   (aes-xts-plain64, 512-byte sectors, IVs from 0), written at area + area_offset. */
static int write_keyslot(const struct luks_keyslot *s, const uint8_t *volume_key, const uint8_t *pass,
                         size_t pass_len, uint8_t *area)
{
    uint8_t derived[LUKS_MAX_KEY];
    size_t split_len = (size_t)s->key_bytes * s->stripes, len = (split_len + 511) / 512 * 512;
    uint8_t *dst = area + s->area_offset;
    vxts_ctx ctx;
    int st, rc = -1;
    memset(dst, 0, len);
    if (luks_af_split(s->af_hash, volume_key, s->key_bytes, s->stripes, dst) != 0)
        goto out;
    if (luks_kdf_derive(&s->kdf, pass, pass_len, derived, s->area_key_bytes) != 0)
        goto out;
    st = vxts_init(&ctx, derived, s->area_key_bytes);
    if (st == VXTS_OK) {
        st = vxts_encrypt_sectors(&ctx, dst, dst, len, 512, 0);
        vxts_wipe(&ctx);
    }
    if (st != VXTS_OK) {
        rc = luks_fail("keyslot encryption: %s (try again: a new salt gives a new key)", vxts_strerror(st));
        goto out;
    }
    rc = 0;
out:
    luks_wipe(derived, sizeof derived);
    return rc;
}

static int digest_key(struct luks_digest *g, const uint8_t *volume_key, size_t key_bytes, int forced)
{
    struct luks_kdf k;
    memset(&k, 0, sizeof k);
    k.type = LUKS_KDF_PBKDF2;
    snprintf(k.hash, sizeof k.hash, "%s", g->hash);
    k.salt_len = 32;
    if (luks_random(k.salt, k.salt_len) != 0)
        return -1;
    k.iterations = 1000;
    if (!forced && luks_kdf_calibrate(&k, key_bytes, DIGEST_MS) != 0)
        return -1;
    g->iterations = k.iterations;
    memcpy(g->salt, k.salt, k.salt_len);
    g->salt_len = k.salt_len;
    g->segment0 = 1;
    g->keyslots = 1;
    return luks_pbkdf2(g->hash, volume_key, key_bytes, g->salt, g->salt_len, g->iterations, g->digest,
                       g->digest_len);
}

static int write_luks2_copy(uint8_t *area, uint64_t offset, const struct luks_volume *v,
                            const char *json)
{
    uint8_t *h = area + offset;
    static const uint8_t magic1[6] = {'L', 'U', 'K', 'S', 0xba, 0xbe};
    static const uint8_t magic2[6] = {'S', 'K', 'U', 'L', 0xba, 0xbe};
    unsigned char sum[EVP_MAX_MD_SIZE];
    memset(h, 0, LUKS2_HDR);
    memcpy(h, offset == 0 ? magic1 : magic2, 6);
    h[7] = 2;
    luks_put_be64(h + 8, LUKS2_HDR);
    luks_put_be64(h + 16, v->seqid);
    memcpy(h + 72, "sha256", 6);
    if (luks_random(h + 104, 64) != 0)
        return -1;
    memcpy(h + 168, v->uuid, strlen(v->uuid));
    luks_put_be64(h + 256, offset);
    memcpy(h + 4096, json, strlen(json));
    if (EVP_Digest(h, LUKS2_HDR, sum, NULL, EVP_sha256(), NULL) != 1)
        return luks_fail("sha256 failed in libcrypto");
    memcpy(h + 448, sum, 32);
    return 0;
}

static int format_luks2(const struct luks_format_opts *o, const uint8_t *volume_key, const uint8_t *pass,
                        size_t pass_len, uint8_t *area, struct luks_volume *v)
{
    struct luks_keyslot *s = &v->slots[0];
    struct luks_digest *g = &v->digests[0];
    char *json;
    int rc;
    v->hdr_size = LUKS2_HDR;
    v->json_size = LUKS2_HDR - 4096;
    v->seqid = 1;
    v->data_offset = LUKS2_DATA_OFFSET;
    v->keyslots_size = LUKS2_DATA_OFFSET - 2 * LUKS2_HDR;
    v->data_size_dynamic = 1;
    v->nslots = 1;
    s->id = 0;
    s->usable = 1;
    s->priority = 1;
    s->key_bytes = o->key_bytes;
    s->area_key_bytes = o->key_bytes;
    snprintf(s->area_cipher, sizeof s->area_cipher, "aes-xts-plain64");
    snprintf(s->af_hash, sizeof s->af_hash, "sha256");
    s->stripes = STRIPES;
    s->area_offset = 2 * LUKS2_HDR;
    s->area_size = ((uint64_t)o->key_bytes * STRIPES + 4095) / 4096 * 4096;
    v->ndigests = 1;
    snprintf(g->hash, sizeof g->hash, "sha256");
    g->digest_len = 32;
    if (digest_key(g, volume_key, o->key_bytes, o->force_iterations) != 0 ||
        write_keyslot(s, volume_key, pass, pass_len, area) != 0)
        return -1;
    json = luks_json_build(v);
    if (json == NULL)
        return -1;
    if (strlen(json) >= v->json_size) {
        free(json);
        return luks_fail("metadata larger than its area");
    }
    rc = write_luks2_copy(area, 0, v, json) == 0 && write_luks2_copy(area, LUKS2_HDR, v, json) == 0
             ? 0 : -1;
    free(json);
    return rc;
}

static int format_luks1(const struct luks_format_opts *o, const uint8_t *volume_key, const uint8_t *pass,
                        size_t pass_len, uint8_t *area, struct luks_volume *v)
{
    struct luks_keyslot *s = &v->slots[0];
    struct luks_digest *g = &v->digests[0];
    uint32_t per_slot = ((o->key_bytes * STRIPES + 511) / 512 + LUKS1_ALIGN_SECTORS - 1) /
                        LUKS1_ALIGN_SECTORS * LUKS1_ALIGN_SECTORS;
    uint32_t sector = LUKS1_ALIGN_SECTORS, payload = LUKS1_ALIGN_SECTORS + 8 * per_slot, i;
    payload = (payload + LUKS1_PAYLOAD_ALIGN - 1) / LUKS1_PAYLOAD_ALIGN * LUKS1_PAYLOAD_ALIGN;
    v->data_offset = (uint64_t)payload * 512;
    v->data_size_dynamic = 1;
    v->nslots = 1;
    s->id = 0;
    s->usable = 1;
    s->priority = 1;
    s->key_bytes = s->area_key_bytes = o->key_bytes;
    snprintf(s->area_cipher, sizeof s->area_cipher, "aes-xts-plain64");
    snprintf(s->af_hash, sizeof s->af_hash, "%s", o->kdf.hash);
    s->stripes = STRIPES;
    s->area_offset = (uint64_t)sector * 512;
    s->area_size = (uint64_t)per_slot * 512;
    v->ndigests = 1;
    snprintf(g->hash, sizeof g->hash, "%s", o->kdf.hash);
    g->digest_len = 20; /* LUKS_DIGESTSIZE */
    if (digest_key(g, volume_key, o->key_bytes, o->force_iterations) != 0 ||
        write_keyslot(s, volume_key, pass, pass_len, area) != 0)
        return -1;
    memcpy(area, "LUKS\xba\xbe", 6);
    area[7] = 1;
    memcpy(area + 8, "aes", 3);
    memcpy(area + 40, "xts-plain64", 11);
    memcpy(area + 72, o->kdf.hash, strlen(o->kdf.hash));
    luks_put_be32(area + 104, payload);
    luks_put_be32(area + 108, o->key_bytes);
    memcpy(area + 112, g->digest, 20);
    memcpy(area + 132, g->salt, 32);
    luks_put_be32(area + 164, g->iterations);
    memcpy(area + 168, v->uuid, strlen(v->uuid));
    for (i = 0; i < 8; i++) {
        uint8_t *k = area + 208 + 48 * i;
        luks_put_be32(k, i == 0 ? 0x00AC71F3u : 0x0000DEADu);
        if (i == 0) {
            luks_put_be32(k + 4, s->kdf.iterations);
            memcpy(k + 8, s->kdf.salt, 32);
        }
        luks_put_be32(k + 40, sector + i * per_slot);
        luks_put_be32(k + 44, STRIPES);
    }
    return 0;
}

int luks_format_header(const struct luks_format_opts *o, const uint8_t *volume_key,
                       const uint8_t *pass, size_t pass_len, uint8_t **area_out, size_t *area_len,
                       struct luks_volume *v)
{
    struct luks_keyslot *s = &v->slots[0];
    uint8_t *area;
    int rc;
    memset(v, 0, sizeof *v);
    v->version = o->version;
    v->key_bytes = o->key_bytes;
    v->sector_size = o->version == 1 ? 512 : o->sector_size;
    snprintf(v->cipher, sizeof v->cipher, "aes-xts-plain64");
    if (random_uuid(v->uuid) != 0)
        return -1;
    s->kdf = o->kdf;
    s->kdf.salt_len = 32;
    if (luks_random(s->kdf.salt, s->kdf.salt_len) != 0)
        return -1;
    if (!o->force_iterations && luks_kdf_calibrate(&s->kdf, o->key_bytes, o->iter_time_ms) != 0)
        return -1;
    *area_len = o->version == 1 ? (size_t)2 << 20 : LUKS2_DATA_OFFSET;
    area = calloc(1, *area_len);
    if (area == NULL)
        return luks_fail("out of memory");
    rc = o->version == 1 ? format_luks1(o, volume_key, pass, pass_len, area, v)
                         : format_luks2(o, volume_key, pass, pass_len, area, v);
    if (rc != 0 || v->data_offset != *area_len) {
        luks_wipe(area, *area_len);
        free(area);
        return rc != 0 ? rc : luks_fail("internal: header layout is %llu bytes",
                                        (unsigned long long)v->data_offset);
    }
    *area_out = area;
    return 0;
}
