/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * LUKS2 JSON metadata (LUKS2 spec §3) with json-c: read into struct luks_volume, every
 * number and offset checked, and written for `vxts luks format`. 64-bit values are JSON
 * strings of decimal digits (spec §3.1); small ones are JSON numbers.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <json-c/json.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "luks.h"
#include "luks_internal.h"

#define BAD(...) luks_fail("corrupt LUKS2 metadata: " __VA_ARGS__)

static json_object *member(json_object *o, const char *key, json_type type)
{
    json_object *m;
    if (o == NULL || !json_object_object_get_ex(o, key, &m) || !json_object_is_type(m, type))
        return NULL;
    return m;
}

/* A decimal string "0".."18446744073709551615" (no sign, no leading junk). */
static int parse_dec(const char *s, uint64_t *out)
{
    uint64_t x = 0;
    if (*s == '\0' || strlen(s) > 20)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || x > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
            return -1;
        x = x * 10 + (uint64_t)(*s - '0');
    }
    *out = x;
    return 0;
}

static int get_u64(json_object *o, const char *key, uint64_t *out, const char *where)
{
    json_object *m = member(o, key, json_type_string);
    if (m == NULL || parse_dec(json_object_get_string(m), out) != 0)
        return BAD("%s: \"%s\" missing or not a decimal string", where, key);
    return 0;
}

static int get_int(json_object *o, const char *key, int64_t lo, int64_t hi, int64_t *out,
                   const char *where)
{
    json_object *m = member(o, key, json_type_int);
    int64_t x;
    if (m == NULL)
        return BAD("%s: \"%s\" missing or not a number", where, key);
    x = json_object_get_int64(m);
    if (x < lo || x > hi)
        return luks_fail("unsupported LUKS2 metadata: %s: \"%s\" is %lld (vxts accepts %lld..%lld)",
                         where, key, (long long)x, (long long)lo, (long long)hi);
    *out = x;
    return 0;
}

static int get_str(json_object *o, const char *key, char *buf, size_t cap, const char *where)
{
    json_object *m = member(o, key, json_type_string);
    if (m == NULL || (size_t)json_object_get_string_len(m) >= cap)
        return BAD("%s: \"%s\" missing, not a string or too long", where, key);
    memcpy(buf, json_object_get_string(m), (size_t)json_object_get_string_len(m) + 1);
    return 0;
}

static int get_b64(json_object *o, const char *key, uint8_t *buf, size_t cap, size_t *len,
                   const char *where)
{
    json_object *m = member(o, key, json_type_string);
    if (m == NULL)
        return BAD("%s: \"%s\" missing", where, key);
    return luks_base64_decode(json_object_get_string(m), buf, cap, len);
}

/* Object keys that name keyslots, segments, digests: "0".."31". */
static int small_id(const char *key, int *id)
{
    uint64_t x;
    if (parse_dec(key, &x) != 0 || x >= LUKS_MAX_SLOTS || (key[0] == '0' && key[1] != '\0'))
        return -1;
    *id = (int)x;
    return 0;
}

static int parse_kdf(json_object *k, struct luks_kdf *kdf, const char *where)
{
    char type[16];
    int64_t x;
    if (get_str(k, "type", type, sizeof type, where) != 0)
        return -1;
    if (strcmp(type, "pbkdf2") == 0) {
        kdf->type = LUKS_KDF_PBKDF2;
        if (get_str(k, "hash", kdf->hash, sizeof kdf->hash, where) != 0 ||
            get_int(k, "iterations", 1, UINT32_MAX, &x, where) != 0)
            return -1;
        if (luks_hash_size(kdf->hash) < 0)
            return luks_fail("unsupported LUKS2 metadata: %s: hash %s", where, kdf->hash);
        kdf->iterations = (uint32_t)x;
    } else if (strcmp(type, "argon2i") == 0 || strcmp(type, "argon2id") == 0) {
        kdf->type = strcmp(type, "argon2id") == 0 ? LUKS_KDF_ARGON2ID : LUKS_KDF_ARGON2I;
        if (get_int(k, "time", 1, UINT32_MAX, &x, where) != 0)
            return -1;
        kdf->iterations = (uint32_t)x;
        if (get_int(k, "memory", 8, LUKS_MAX_ARGON2_KIB, &x, where) != 0)
            return -1;
        kdf->memory_kib = (uint32_t)x;
        if (get_int(k, "cpus", 1, LUKS_MAX_ARGON2_LANES, &x, where) != 0)
            return -1;
        kdf->parallel = (uint32_t)x;
    } else {
        return luks_fail("unsupported LUKS2 metadata: %s: KDF type '%s'", where, type);
    }
    return get_b64(k, "salt", kdf->salt, sizeof kdf->salt, &kdf->salt_len, where);
}

static int parse_keyslot(json_object *k, int id, uint64_t area_lo, uint64_t area_hi,
                         struct luks_keyslot *s)
{
    char where[32], type[16], aftype[16];
    json_object *area = member(k, "area", json_type_object), *af = member(k, "af", json_type_object);
    json_object *kdf = member(k, "kdf", json_type_object), *prio;
    int64_t x;
    snprintf(where, sizeof where, "keyslot %d", id);
    s->id = id;
    s->priority = 1;
    if (get_str(k, "type", type, sizeof type, where) != 0)
        return -1;
    if (strcmp(type, "luks2") != 0) {
        snprintf(s->area_cipher, sizeof s->area_cipher, "(%s keyslot)", type);
        return 0; /* e.g. "reencrypt": listed, never used */
    }
    if (area == NULL || af == NULL || kdf == NULL)
        return BAD("%s: \"area\", \"af\" or \"kdf\" missing", where);
    if (get_int(k, "key_size", 1, LUKS_MAX_KEY, &x, where) != 0)
        return -1;
    s->key_bytes = (unsigned)x;
    if ((prio = member(k, "priority", json_type_int)) != NULL) {
        x = json_object_get_int64(prio);
        if (x < 0 || x > 2)
            return BAD("%s: priority %lld", where, (long long)x);
        s->priority = (int)x;
    }
    if (get_str(area, "type", type, sizeof type, where) != 0 ||
        get_str(area, "encryption", s->area_cipher, sizeof s->area_cipher, where) != 0 ||
        get_int(area, "key_size", 1, LUKS_MAX_KEY, &x, where) != 0)
        return -1;
    s->area_key_bytes = (unsigned)x;
    if (get_u64(area, "offset", &s->area_offset, where) != 0 ||
        get_u64(area, "size", &s->area_size, where) != 0)
        return -1;
    if (get_str(af, "type", aftype, sizeof aftype, where) != 0 || strcmp(aftype, "luks1") != 0)
        return luks_fail("unsupported LUKS2 metadata: %s: anti-forensic type is not luks1", where);
    if (get_str(af, "hash", s->af_hash, sizeof s->af_hash, where) != 0 ||
        get_int(af, "stripes", 1, LUKS_MAX_AF_BYTES, &x, where) != 0)
        return -1;
    s->stripes = (uint32_t)x;
    if (parse_kdf(kdf, &s->kdf, where) != 0)
        return -1;
    if (strcmp(type, "raw") != 0)
        return luks_fail("unsupported LUKS2 metadata: %s: area type '%s'", where, type);
    if ((uint64_t)s->key_bytes * s->stripes > s->area_size ||
        (uint64_t)s->key_bytes * s->stripes > LUKS_MAX_AF_BYTES)
        return BAD("%s: %u stripes of %u bytes do not fit its area of %llu bytes", where,
                   (unsigned)s->stripes, s->key_bytes, (unsigned long long)s->area_size);
    if (s->area_offset < area_lo || s->area_size > area_hi || s->area_offset > area_hi - s->area_size)
        return BAD("%s: area (offset %llu, %llu bytes) outside the keyslots area %llu..%llu "
                   "or past the end of the header file", where, (unsigned long long)s->area_offset,
                   (unsigned long long)s->area_size, (unsigned long long)area_lo,
                   (unsigned long long)area_hi);
    s->usable = strcmp(s->area_cipher, "aes-xts-plain64") == 0 &&
                (s->area_key_bytes == 32 || s->area_key_bytes == 64) &&
                luks_hash_size(s->af_hash) > 0;
    return 0;
}

static int parse_digest(json_object *d, int id, struct luks_volume *v, struct luks_digest *g)
{
    char where[32], type[16];
    json_object *ks = member(d, "keyslots", json_type_array), *sg = member(d, "segments", json_type_array);
    int64_t x;
    size_t i;
    int k;
    snprintf(where, sizeof where, "digest %d", id);
    g->id = id;
    if (get_str(d, "type", type, sizeof type, where) != 0)
        return -1;
    if (strcmp(type, "pbkdf2") != 0)
        return luks_fail("unsupported LUKS2 metadata: %s: type '%s'", where, type);
    if (ks == NULL || sg == NULL)
        return BAD("%s: \"keyslots\" or \"segments\" missing", where);
    for (i = 0; i < json_object_array_length(ks); i++) {
        json_object *e = json_object_array_get_idx(ks, i);
        if (!json_object_is_type(e, json_type_string) || small_id(json_object_get_string(e), &k) != 0)
            return BAD("%s: bad keyslot reference", where);
        g->keyslots |= 1u << k;
    }
    for (i = 0; i < json_object_array_length(sg); i++) {
        json_object *e = json_object_array_get_idx(sg, i);
        if (!json_object_is_type(e, json_type_string) || small_id(json_object_get_string(e), &k) != 0)
            return BAD("%s: bad segment reference", where);
        if (k == 0)
            g->segment0 = 1;
    }
    if (get_str(d, "hash", g->hash, sizeof g->hash, where) != 0 ||
        get_int(d, "iterations", 1, UINT32_MAX, &x, where) != 0)
        return -1;
    g->iterations = (uint32_t)x;
    if (luks_hash_size(g->hash) < 0)
        return luks_fail("unsupported LUKS2 metadata: %s: hash %s", where, g->hash);
    if (get_b64(d, "salt", g->salt, sizeof g->salt, &g->salt_len, where) != 0 ||
        get_b64(d, "digest", g->digest, sizeof g->digest, &g->digest_len, where) != 0)
        return -1;
    if (g->digest_len == 0)
        return BAD("%s: empty digest", where);
    (void)v;
    return 0;
}

static int parse_segment(json_object *segs, struct luks_volume *v)
{
    json_object *s;
    char type[16], size[24];
    int64_t x;
    if (json_object_object_length(segs) != 1 || (s = member(segs, "0", json_type_object)) == NULL)
        return luks_fail("unsupported LUKS2 image: %d data segments (vxts reads exactly one, "
                         "segment 0; an unfinished reencryption leaves several)",
                         json_object_object_length(segs));
    if (get_str(s, "type", type, sizeof type, "segment 0") != 0)
        return -1;
    if (strcmp(type, "crypt") != 0)
        return luks_fail("unsupported LUKS2 image: segment 0 has type '%s' (vxts reads 'crypt')", type);
    if (member(s, "integrity", json_type_object) != NULL)
        return luks_fail("unsupported LUKS2 image: segment 0 has integrity protection (dm-integrity); "
                         "vxts reads plain aes-xts-plain64 segments");
    if (get_str(s, "encryption", v->cipher, sizeof v->cipher, "segment 0") != 0 ||
        get_u64(s, "offset", &v->data_offset, "segment 0") != 0 ||
        get_u64(s, "iv_tweak", &v->iv_tweak, "segment 0") != 0 ||
        get_str(s, "size", size, sizeof size, "segment 0") != 0 ||
        get_int(s, "sector_size", 512, 4096, &x, "segment 0") != 0)
        return -1;
    v->sector_size = (unsigned)x;
    if (v->sector_size & (v->sector_size - 1))
        return BAD("segment 0: sector size %u is not a power of two", v->sector_size);
    if (strcmp(size, "dynamic") == 0)
        v->data_size_dynamic = 1;
    else if (parse_dec(size, &v->data_size) != 0 || v->data_size % v->sector_size != 0)
        return BAD("segment 0: size '%s' is not a whole number of sectors", size);
    if (v->data_offset % 512 != 0)
        return BAD("segment 0: offset %llu is not a multiple of 512", (unsigned long long)v->data_offset);
    return 0;
}

int luks_json_parse(const char *json, size_t json_len, uint64_t image_size, struct luks_volume *v)
{
    json_tokener *tok = json_tokener_new_ex(16);
    json_object *root = NULL, *config, *o, *req;
    size_t len = strnlen(json, json_len);
    int rc = -1, id;
    uint64_t area_lo, area_hi;
    if (tok == NULL)
        return luks_fail("out of memory");
    root = json_tokener_parse_ex(tok, json, (int)len);
    if (root == NULL || json_tokener_get_error(tok) != json_tokener_success ||
        !json_object_is_type(root, json_type_object)) {
        rc = BAD("not valid JSON (%s)", json_tokener_error_desc(json_tokener_get_error(tok)));
        goto out;
    }
    if ((config = member(root, "config", json_type_object)) == NULL) {
        rc = BAD("\"config\" missing");
        goto out;
    }
    if (get_u64(config, "json_size", &v->json_size, "config") != 0 ||
        get_u64(config, "keyslots_size", &v->keyslots_size, "config") != 0)
        goto out;
    if (v->json_size != v->hdr_size - 4096) {
        rc = BAD("json_size %llu does not match the header size %llu",
                 (unsigned long long)v->json_size, (unsigned long long)v->hdr_size);
        goto out;
    }
    if ((o = member(config, "flags", json_type_array)) != NULL) {
        size_t i;
        for (i = 0; i < json_object_array_length(o); i++) {
            json_object *f = json_object_array_get_idx(o, i);
            if (json_object_is_type(f, json_type_string) &&
                strlen(v->flags) + strlen(json_object_get_string(f)) + 2 < sizeof v->flags)
                snprintf(v->flags + strlen(v->flags), sizeof v->flags - strlen(v->flags), "%s%s",
                         v->flags[0] ? " " : "", json_object_get_string(f));
        }
    }
    if ((req = member(config, "requirements", json_type_object)) != NULL &&
        (o = member(req, "mandatory", json_type_array)) != NULL && json_object_array_length(o) > 0) {
        json_object *r = json_object_array_get_idx(o, 0);
        const char *name = json_object_is_type(r, json_type_string) ? json_object_get_string(r) : "?";
        rc = luks_fail("unsupported LUKS2 image: it requires '%s'%s", name,
                       strncmp(name, "online-reencrypt", 16) == 0
                           ? " (an unfinished reencryption: finish it with cryptsetup reencrypt)"
                           : "");
        goto out;
    }
    /* Keyslot areas lie after both header copies, inside keyslots_size and the file. */
    area_lo = 2 * v->hdr_size;
    area_hi = v->keyslots_size > UINT64_MAX - area_lo ? UINT64_MAX : area_lo + v->keyslots_size;
    if (area_hi > image_size)
        area_hi = image_size;
    if ((o = member(root, "segments", json_type_object)) == NULL) {
        rc = BAD("\"segments\" missing");
        goto out;
    }
    if (parse_segment(o, v) != 0)
        goto out;
    if ((o = member(root, "keyslots", json_type_object)) == NULL) {
        rc = BAD("\"keyslots\" missing");
        goto out;
    }
    {
        json_object_object_foreach(o, key, val) {
            if (small_id(key, &id) != 0 || !json_object_is_type(val, json_type_object) ||
                v->nslots == LUKS_MAX_SLOTS) {
                rc = BAD("keyslot name '%.16s' or too many keyslots", key);
                goto out;
            }
            if (parse_keyslot(val, id, area_lo, area_hi, &v->slots[v->nslots]) != 0)
                goto out;
            v->nslots++;
        }
    }
    if ((o = member(root, "digests", json_type_object)) == NULL) {
        rc = BAD("\"digests\" missing");
        goto out;
    }
    {
        json_object_object_foreach(o, key, val) {
            if (small_id(key, &id) != 0 || !json_object_is_type(val, json_type_object) ||
                v->ndigests == LUKS_MAX_DIGESTS) {
                rc = BAD("digest name '%.16s' or too many digests", key);
                goto out;
            }
            if (parse_digest(val, id, v, &v->digests[v->ndigests]) != 0)
                goto out;
            v->ndigests++;
        }
    }
    if ((o = member(root, "tokens", json_type_object)) != NULL) {
        json_object_object_foreach(o, key, val) {
            json_object *t = member(val, "type", json_type_string);
            (void)key;
            if (v->ntokens < LUKS_MAX_TOKENS)
                snprintf(v->tokens[v->ntokens++], sizeof v->tokens[0], "%s",
                         t ? json_object_get_string(t) : "?");
        }
    }
    {
        unsigned i;
        v->key_bytes = 0;
        for (i = 0; i < v->nslots; i++)
            if (v->slots[i].key_bytes != 0)
                v->key_bytes = v->slots[i].key_bytes;
    }
    rc = 0;
out:
    json_object_put(root);
    json_tokener_free(tok);
    return rc;
}

int luks_base64_encode(const uint8_t *in, size_t len, char *out, size_t cap)
{
    if ((len + 2) / 3 * 4 + 1 > cap)
        return luks_fail("base64 buffer too small");
    EVP_EncodeBlock((unsigned char *)out, in, (int)len);
    return 0;
}

static json_object *dec_string(uint64_t x)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)x);
    return json_object_new_string(buf);
}

static json_object *b64_string(const uint8_t *p, size_t len)
{
    char buf[LUKS_MAX_SALT * 2];
    if (luks_base64_encode(p, len, buf, sizeof buf) != 0)
        return NULL;
    return json_object_new_string(buf);
}

static const char *kdf_name(enum luks_kdf_type t)
{
    return t == LUKS_KDF_PBKDF2 ? "pbkdf2" : t == LUKS_KDF_ARGON2I ? "argon2i" : "argon2id";
}

/* The metadata cryptsetup 2.6 writes for one keyslot, one segment, one digest (spec §3). */
char *luks_json_build(const struct luks_volume *v)
{
    json_object *root = json_object_new_object(), *keyslots = json_object_new_object();
    json_object *segments = json_object_new_object(), *digests = json_object_new_object();
    json_object *config = json_object_new_object(), *o, *p, *arr;
    const struct luks_keyslot *s = &v->slots[0];
    const struct luks_digest *g = &v->digests[0];
    char id[4], *text;
    unsigned i;
    for (i = 0; i < v->nslots; i++) {
        s = &v->slots[i];
        o = json_object_new_object();
        json_object_object_add(o, "type", json_object_new_string("luks2"));
        json_object_object_add(o, "key_size", json_object_new_int((int)s->key_bytes));
        p = json_object_new_object();
        json_object_object_add(p, "type", json_object_new_string("luks1"));
        json_object_object_add(p, "stripes", json_object_new_int((int)s->stripes));
        json_object_object_add(p, "hash", json_object_new_string(s->af_hash));
        json_object_object_add(o, "af", p);
        p = json_object_new_object();
        json_object_object_add(p, "type", json_object_new_string("raw"));
        json_object_object_add(p, "offset", dec_string(s->area_offset));
        json_object_object_add(p, "size", dec_string(s->area_size));
        json_object_object_add(p, "encryption", json_object_new_string(s->area_cipher));
        json_object_object_add(p, "key_size", json_object_new_int((int)s->area_key_bytes));
        json_object_object_add(o, "area", p);
        p = json_object_new_object();
        json_object_object_add(p, "type", json_object_new_string(kdf_name(s->kdf.type)));
        if (s->kdf.type == LUKS_KDF_PBKDF2) {
            json_object_object_add(p, "hash", json_object_new_string(s->kdf.hash));
            json_object_object_add(p, "iterations", json_object_new_int64(s->kdf.iterations));
        } else {
            json_object_object_add(p, "time", json_object_new_int64(s->kdf.iterations));
            json_object_object_add(p, "memory", json_object_new_int64(s->kdf.memory_kib));
            json_object_object_add(p, "cpus", json_object_new_int64(s->kdf.parallel));
        }
        json_object_object_add(p, "salt", b64_string(s->kdf.salt, s->kdf.salt_len));
        json_object_object_add(o, "kdf", p);
        snprintf(id, sizeof id, "%d", s->id);
        json_object_object_add(keyslots, id, o);
    }
    o = json_object_new_object();
    json_object_object_add(o, "type", json_object_new_string("crypt"));
    json_object_object_add(o, "offset", dec_string(v->data_offset));
    json_object_object_add(o, "size", v->data_size_dynamic ? json_object_new_string("dynamic")
                                                           : dec_string(v->data_size));
    json_object_object_add(o, "iv_tweak", dec_string(v->iv_tweak));
    json_object_object_add(o, "encryption", json_object_new_string(v->cipher));
    json_object_object_add(o, "sector_size", json_object_new_int((int)v->sector_size));
    json_object_object_add(segments, "0", o);
    o = json_object_new_object();
    json_object_object_add(o, "type", json_object_new_string("pbkdf2"));
    arr = json_object_new_array();
    for (i = 0; i < LUKS_MAX_SLOTS; i++)
        if (g->keyslots & (1u << i)) {
            snprintf(id, sizeof id, "%u", i);
            json_object_array_add(arr, json_object_new_string(id));
        }
    json_object_object_add(o, "keyslots", arr);
    arr = json_object_new_array();
    json_object_array_add(arr, json_object_new_string("0"));
    json_object_object_add(o, "segments", arr);
    json_object_object_add(o, "hash", json_object_new_string(g->hash));
    json_object_object_add(o, "iterations", json_object_new_int64(g->iterations));
    json_object_object_add(o, "salt", b64_string(g->salt, g->salt_len));
    json_object_object_add(o, "digest", b64_string(g->digest, g->digest_len));
    json_object_object_add(digests, "0", o);
    json_object_object_add(config, "json_size", dec_string(v->json_size));
    json_object_object_add(config, "keyslots_size", dec_string(v->keyslots_size));
    json_object_object_add(root, "keyslots", keyslots);
    json_object_object_add(root, "tokens", json_object_new_object());
    json_object_object_add(root, "segments", segments);
    json_object_object_add(root, "digests", digests);
    json_object_object_add(root, "config", config);
    text = strdup(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN));
    json_object_put(root);
    if (text == NULL)
        luks_fail("out of memory");
    return text;
}
