/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Opening a keyslot (LUKS1 spec §2.5 / LUKS2 spec §4): derive the area key from the
 * passphrase, decrypt the keyslot area (aes-xts-plain64, 512-byte sectors, IVs from 0),
 * AF-merge the stripes, and accept the result only if it matches the volume key digest.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include <vxts.h>

#include "luks.h"

int luks_key_matches(const struct luks_volume *v, const uint8_t *key, int slot)
{
    uint8_t got[64];
    unsigned i;
    for (i = 0; i < v->ndigests; i++) {
        const struct luks_digest *g = &v->digests[i];
        int same;
        if (!g->segment0 || (slot >= 0 && !(g->keyslots & (1u << slot))) || g->digest_len > sizeof got)
            continue;
        if (luks_pbkdf2(g->hash, key, v->key_bytes, g->salt, g->salt_len, g->iterations, got,
                        g->digest_len) != 0)
            return -1;
        same = CRYPTO_memcmp(got, g->digest, g->digest_len) == 0;
        luks_wipe(got, sizeof got);
        if (same)
            return 0;
    }
    return 1;
}

/* 0: key holds the volume key; 1: wrong passphrase; -1: error (message printed). */
static int open_slot(const struct luks_source *src, const struct luks_volume *v,
                     const struct luks_keyslot *s, const uint8_t *pass, size_t pass_len, uint8_t *key)
{
    uint8_t derived[LUKS_MAX_KEY];
    size_t split_len = (size_t)s->key_bytes * s->stripes, area_len = (split_len + 511) / 512 * 512;
    uint8_t *area;
    vxts_ctx ctx;
    int rc = -1, st;
    if (s->key_bytes != v->key_bytes || area_len > s->area_size)
        return luks_fail("corrupt keyslot %d: key size or stripes do not fit", s->id);
    area = malloc(area_len);
    if (area == NULL)
        return luks_fail("out of memory for keyslot %d", s->id);
    if (src->read(src->ctx, area, area_len, s->area_offset) != 0) {
        rc = luks_fail("keyslot %d: cannot read its area (image truncated?)", s->id);
        goto out;
    }
    if (luks_kdf_derive(&s->kdf, pass, pass_len, derived, s->area_key_bytes) != 0)
        goto out;
    st = vxts_init(&ctx, derived, s->area_key_bytes);
    if (st == VXTS_OK) {
        st = vxts_decrypt_sectors(&ctx, area, area, area_len, 512, 0);
        vxts_wipe(&ctx);
    }
    if (st == VXTS_ERR_WEAK_KEY) {
        rc = 1; /* a derived key with equal halves cannot be the right one */
        goto out;
    }
    if (st != VXTS_OK) {
        rc = luks_fail("keyslot %d: %s", s->id, vxts_strerror(st));
        goto out;
    }
    if (luks_af_merge(s->af_hash, area, s->key_bytes, s->stripes, key) != 0)
        goto out;
    rc = luks_key_matches(v, key, s->id);
    if (rc != 0)
        luks_wipe(key, s->key_bytes);
out:
    luks_wipe(derived, sizeof derived);
    luks_wipe(area, area_len);
    free(area);
    return rc;
}

int luks_unlock(const struct luks_source *src, const struct luks_volume *v, int slot,
                const uint8_t *pass, size_t pass_len, uint8_t *key, int *opened_slot)
{
    unsigned i, tried = 0;
    int prio, rc;
    if (slot >= 0) {
        for (i = 0; i < v->nslots; i++)
            if (v->slots[i].id == slot)
                break;
        if (i == v->nslots)
            return luks_fail("keyslot %d is not in use", slot);
        if (!v->slots[i].usable)
            return luks_fail("unsupported keyslot %d (area cipher %s, anti-forensic hash %s)", slot,
                             v->slots[i].area_cipher, v->slots[i].af_hash);
        rc = open_slot(src, v, &v->slots[i], pass, pass_len, key);
        if (rc == 1)
            return luks_fail("wrong passphrase: keyslot %d does not open with it", slot);
        if (rc == 0)
            *opened_slot = slot;
        return rc;
    }
    /* Preferred slots (priority 2) first; priority 0 only when named (cryptsetup's rule). */
    for (prio = 2; prio >= 1; prio--)
        for (i = 0; i < v->nslots; i++) {
            const struct luks_keyslot *s = &v->slots[i];
            if (!s->usable || s->priority != prio)
                continue;
            tried++;
            rc = open_slot(src, v, s, pass, pass_len, key);
            if (rc == 0)
                *opened_slot = s->id;
            if (rc <= 0)
                return rc;
        }
    if (tried == 0)
        return luks_fail("no usable keyslot (vxts opens aes-xts-plain64 keyslots with pbkdf2, "
                         "argon2i or argon2id)");
    return luks_fail("wrong passphrase: no keyslot opens with it");
}
