/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Known-answer tests: every vector file under tests/vectors, every vector
 * in both directions (PT -> CT and CT -> PT), through ref and through every
 * usable backend (out of place and in place). Vectors with Key1 == Key2
 * must match in ref and be refused by the library with VXTS_ERR_WEAK_KEY.
 * The number of vectors read, used and skipped per file is asserted.
 *
 * Usage: test_vectors [VECTOR_DIR]   (default tests/vectors)
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "testlib.h"

/* One known answer. pt and ct are len bytes. */
typedef struct vector {
    char where[256];
    uint8_t key[64];
    size_t key_len;
    uint8_t tweak[16];
    const uint8_t *pt, *ct;
    size_t len;
} vector;

/* What a parser saw in one file. */
typedef struct file_stats {
    const char *path;
    long entries;      /* vectors in the file (of the ciphers we read) */
    long used;         /* checked */
    long skipped;      /* deliberately not checked (reason in skip_reason) */
    long equal_halves; /* used vectors with Key1 == Key2 */
    long unused_other; /* entries of other kinds, not vectors we read (asserted too) */
    const char *skip_reason;
} file_stats;

/* The counts each file must produce (tests/vectors/README.md). */
typedef struct expected_counts {
    const char *path;
    long entries, used, skipped, equal_halves, unused_other;
} expected_counts;

static int slot_ref, slot_files;

/* ---- text helpers --------------------------------------------------------------- */

typedef struct text {
    char *data;
    size_t size, pos;
    long line_number;
} text;

static int read_file(const char *dir, const char *path, text *t)
{
    char full[1024];
    FILE *f;
    long size;
    snprintf(full, sizeof full, "%s/%s", dir, path);
    memset(t, 0, sizeof *t);
    f = fopen(full, "rb");
    if (f == NULL)
        return 0;
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return 0;
    }
    t->data = test_alloc((size_t)size + 1);
    t->size = fread(t->data, 1, (size_t)size, f);
    t->data[t->size] = '\0';
    fclose(f);
    return t->size == (size_t)size;
}

/* The next line without its LF or CRLF; NULL at the end. Modifies the buffer. */
static char *next_line(text *t)
{
    char *line, *nl;
    size_t n;
    if (t->pos >= t->size)
        return NULL;
    line = t->data + t->pos;
    nl = memchr(line, '\n', t->size - t->pos);
    n = nl != NULL ? (size_t)(nl - line) : t->size - t->pos;
    t->pos += n + (nl != NULL);
    t->line_number++;
    line[n] = '\0';
    if (n > 0 && line[n - 1] == '\r')
        line[n - 1] = '\0';
    return line;
}

static char *trim(char *s)
{
    size_t n;
    while (*s == ' ' || *s == '\t')
        s++;
    n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Splits "name <sep> value"; both trimmed. 0 if sep is missing. */
static int split_field(char *line, char sep, char **name, char **value)
{
    char *p = strchr(line, sep);
    if (p == NULL)
        return 0;
    *p = '\0';
    *name = trim(line);
    *value = trim(p + 1);
    return 1;
}

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decodes n_chars hex digits into a new buffer; NULL on a bad digit or odd count. */
static uint8_t *hex_decode(const char *s, size_t n_chars, size_t *out_len)
{
    uint8_t *out;
    size_t i;
    if (n_chars % 2 != 0)
        return NULL;
    out = test_alloc(n_chars / 2 + 1);
    for (i = 0; i < n_chars / 2; i++) {
        int hi = hex_digit((unsigned char)s[2 * i]), lo = hex_digit((unsigned char)s[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            free(out);
            return NULL;
        }
        out[i] = (uint8_t)(hi * 16 + lo);
    }
    *out_len = n_chars / 2;
    return out;
}

/* Decodes hex into a fixed buffer of at most max bytes; returns the length or -1. */
static long hex_into(const char *s, uint8_t *dst, size_t max)
{
    size_t n;
    uint8_t *b = hex_decode(s, strlen(s), &n);
    if (b == NULL || n > max) {
        free(b);
        return -1;
    }
    memcpy(dst, b, n);
    free(b);
    return (long)n;
}

/* ---- checking one vector ------------------------------------------------------------ */

static int halves_equal(const vector *v)
{
    return memcmp(v->key, v->key + v->key_len / 2, v->key_len / 2) == 0;
}

static void check_ref(const vector *v, uint8_t *out)
{
    int status = ref_xts_encrypt(v->key, v->key_len, v->tweak, v->pt, out, v->len);
    long d = test_first_diff(out, v->ct, v->len);
    test_check(slot_ref, status == 0 && d < 0, "%s: ref encrypt: status %d, first difference at byte %ld",
               v->where, status, d);
    status = ref_xts_decrypt(v->key, v->key_len, v->tweak, v->ct, out, v->len);
    d = test_first_diff(out, v->pt, v->len);
    test_check(slot_ref, status == 0 && d < 0, "%s: ref decrypt: status %d, first difference at byte %ld",
               v->where, status, d);
}

/* out of place and in place, both directions. */
static void check_backend(const test_backend *b, const vector *v, uint8_t *out)
{
    vxts_ctx ctx;
    int status = vxts_init_backend(&ctx, v->key, v->key_len, b->id);
    int mode, decrypt;

    if (halves_equal(v)) {
        test_check(b->slot, status == VXTS_ERR_WEAK_KEY,
                   "%s: Key1 == Key2 must be refused with VXTS_ERR_WEAK_KEY, got %s", v->where,
                   test_status_name(status));
        return;
    }
    if (!test_check(b->slot, status == VXTS_OK, "%s: init: %s", v->where, test_status_name(status)))
        return;
    for (decrypt = 0; decrypt < 2; decrypt++)
        for (mode = 0; mode < 2; mode++) {
            const uint8_t *in = decrypt ? v->ct : v->pt, *want = decrypt ? v->pt : v->ct;
            const uint8_t *src = in;
            long d;
            if (mode == 1) { /* in place */
                memcpy(out, in, v->len);
                src = out;
            }
            status = decrypt ? vxts_decrypt(&ctx, out, src, v->len, v->tweak)
                             : vxts_encrypt(&ctx, out, src, v->len, v->tweak);
            d = test_first_diff(out, want, v->len);
            test_check(b->slot, status == VXTS_OK && d < 0, "%s: %s %s (%zu bytes): %s, first difference at byte %ld",
                       v->where, decrypt ? "decrypt" : "encrypt", mode ? "in place" : "out of place", v->len,
                       test_status_name(status), d);
        }
    vxts_wipe(&ctx);
}

static void check_vector(const vector *v, file_stats *st)
{
    uint8_t *out = test_alloc(v->len);
    size_t i;
    st->used++;
    if (halves_equal(v)) {
        st->equal_halves++;
        printf("note: %s has Key1 == Key2: ref must match, the library must refuse it (VXTS_ERR_WEAK_KEY)\n",
               v->where);
    }
    check_ref(v, out);
    for (i = 0; i < test_backend_count(); i++)
        if (test_backend_at(i)->usable)
            check_backend(test_backend_at(i), v, out);
    free(out);
}

static void parse_error(const file_stats *st, const text *t, const char *what)
{
    test_check(slot_files, 0, "%s:%ld: %s", st->path, t->line_number, what);
}

/* ---- IEEE 1619 Annex B (ieee1619.txt) ------------------------------------------------ */

typedef struct ieee_entry {
    int active;
    long number;
    char cipher[32];
    uint8_t key1[32], key2[32];
    long key1_len, key2_len, tweak_len;
    uint8_t tweak[16];
    unsigned long long dusn;
    int have_dusn;
    long length;
    uint8_t *pt, *ct;
    size_t pt_len, ct_len;
} ieee_entry;

static void ieee_flush(ieee_entry *e, file_stats *st, const text *t)
{
    vector v;
    uint8_t dusn_le[16] = {0};
    int k;
    if (!e->active)
        return;
    st->entries++;
    snprintf(v.where, sizeof v.where, "%s vector %ld", st->path, e->number);
    if (e->pt == NULL || e->ct == NULL || e->key1_len <= 0 || e->key1_len != e->key2_len || e->tweak_len != 16 ||
        e->pt_len != e->ct_len || (long)e->pt_len != e->length || !e->have_dusn) {
        parse_error(st, t, "incomplete or inconsistent vector");
    } else {
        for (k = 0; k < 8; k++)
            dusn_le[k] = (uint8_t)(e->dusn >> (8 * k));
        test_check(slot_files, memcmp(dusn_le, e->tweak, 16) == 0, "%s: Tweak is not DUSN little-endian",
                   v.where);
        test_check(slot_files,
                   strcmp(e->cipher, e->key1_len == 16 ? "XTS-AES-128" : "XTS-AES-256") == 0,
                   "%s: Cipher %s does not match %ld-byte keys", v.where, e->cipher, e->key1_len);
        memcpy(v.key, e->key1, (size_t)e->key1_len);
        memcpy(v.key + e->key1_len, e->key2, (size_t)e->key2_len);
        v.key_len = (size_t)(2 * e->key1_len);
        memcpy(v.tweak, e->tweak, 16);
        v.pt = e->pt;
        v.ct = e->ct;
        v.len = e->pt_len;
        check_vector(&v, st);
    }
    free(e->pt);
    free(e->ct);
    memset(e, 0, sizeof *e);
}

static void parse_ieee(text *t, file_stats *st)
{
    ieee_entry e;
    char *line, *name, *value;
    memset(&e, 0, sizeof e);
    while ((line = next_line(t)) != NULL) {
        if (line[0] == '#')
            continue;
        if (*trim(line) == '\0') {
            ieee_flush(&e, st, t);
            continue;
        }
        if (!split_field(line, '=', &name, &value)) {
            parse_error(st, t, "expected Name = value");
            continue;
        }
        if (strcmp(name, "Vector") == 0) {
            ieee_flush(&e, st, t);
            e.active = 1;
            e.number = strtol(value, NULL, 10);
        } else if (strcmp(name, "Cipher") == 0) {
            snprintf(e.cipher, sizeof e.cipher, "%s", value);
        } else if (strcmp(name, "Key1") == 0) {
            e.key1_len = hex_into(value, e.key1, 32);
        } else if (strcmp(name, "Key2") == 0) {
            e.key2_len = hex_into(value, e.key2, 32);
        } else if (strcmp(name, "DUSN") == 0) {
            char *end;
            e.dusn = strtoull(value, &end, 0);
            e.have_dusn = *end == '\0';
        } else if (strcmp(name, "Tweak") == 0) {
            e.tweak_len = hex_into(value, e.tweak, 16);
        } else if (strcmp(name, "Length") == 0) {
            e.length = strtol(value, NULL, 10);
        } else if (strcmp(name, "PT") == 0) {
            e.pt = hex_decode(value, strlen(value), &e.pt_len);
        } else if (strcmp(name, "CT") == 0) {
            e.ct = hex_decode(value, strlen(value), &e.ct_len);
        } else {
            parse_error(st, t, "unknown field");
        }
    }
    ieee_flush(&e, st, t);
}

/* ---- NIST CAVP (.rsp, both tweak forms) ---------------------------------------------- */

typedef struct cavp_entry {
    int active;
    long count, data_unit_bits;
    uint8_t key[64];
    long key_len;
    uint8_t tweak[16];
    int have_tweak;
    uint8_t *pt, *ct;
    size_t pt_len, ct_len;
} cavp_entry;

static void cavp_flush(cavp_entry *e, file_stats *st, const text *t, const char *section, long *section_count)
{
    vector v;
    if (!e->active)
        return;
    st->entries++;
    (*section_count)++;
    snprintf(v.where, sizeof v.where, "%s [%s] COUNT %ld", st->path, section, e->count);
    test_check(slot_files, e->count == *section_count, "%s: COUNT out of sequence (expected %ld)", v.where,
               *section_count);
    if (e->pt == NULL || e->ct == NULL || !e->have_tweak || (e->key_len != 32 && e->key_len != 64) ||
        e->data_unit_bits <= 0 || e->pt_len != e->ct_len || e->pt_len != (size_t)(e->data_unit_bits + 7) / 8) {
        parse_error(st, t, "incomplete or inconsistent vector");
    } else if (e->data_unit_bits % 8 != 0) {
        st->skipped++; /* a data unit ending inside a byte: not expressible in a byte API */
    } else {
        memcpy(v.key, e->key, (size_t)e->key_len);
        v.key_len = (size_t)e->key_len;
        memcpy(v.tweak, e->tweak, 16);
        v.pt = e->pt;
        v.ct = e->ct;
        v.len = e->pt_len;
        check_vector(&v, st);
    }
    free(e->pt);
    free(e->ct);
    memset(e, 0, sizeof *e);
}

/* Decimal to a 128-bit little-endian tweak. */
static int decimal_to_le128(const char *s, uint8_t out[16])
{
    memset(out, 0, 16);
    if (*s == '\0')
        return 0;
    for (; *s != '\0'; s++) {
        unsigned carry;
        int k;
        if (*s < '0' || *s > '9')
            return 0;
        carry = (unsigned)(*s - '0');
        for (k = 0; k < 16; k++) { /* out = out * 10 + digit */
            unsigned x = out[k] * 10u + carry;
            out[k] = (uint8_t)x;
            carry = x >> 8;
        }
        if (carry != 0)
            return 0;
    }
    return 1;
}

static void parse_cavp(text *t, file_stats *st)
{
    cavp_entry e;
    char *line, *name, *value;
    char section[16] = "";
    long encrypt_count = 0, decrypt_count = 0, *section_count = NULL;
    memset(&e, 0, sizeof e);
    while ((line = next_line(t)) != NULL) {
        line = trim(line);
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (line[0] == '[') {
            cavp_flush(&e, st, t, section, section_count);
            if (strcmp(line, "[ENCRYPT]") == 0)
                section_count = &encrypt_count;
            else if (strcmp(line, "[DECRYPT]") == 0)
                section_count = &decrypt_count;
            else
                parse_error(st, t, "unknown section");
            snprintf(section, sizeof section, "%.*s", (int)strlen(line) - 2, line + 1);
            continue;
        }
        if (section_count == NULL || !split_field(line, '=', &name, &value)) {
            parse_error(st, t, "expected Name = value inside [ENCRYPT] or [DECRYPT]");
            continue;
        }
        if (strcmp(name, "COUNT") == 0) {
            cavp_flush(&e, st, t, section, section_count);
            e.active = 1;
            e.count = strtol(value, NULL, 10);
        } else if (strcmp(name, "DataUnitLen") == 0) {
            e.data_unit_bits = strtol(value, NULL, 10);
        } else if (strcmp(name, "Key") == 0) {
            e.key_len = hex_into(value, e.key, 64);
        } else if (strcmp(name, "i") == 0) {
            e.have_tweak = hex_into(value, e.tweak, 16) == 16;
        } else if (strcmp(name, "DataUnitSeqNumber") == 0) {
            e.have_tweak = decimal_to_le128(value, e.tweak);
        } else if (strcmp(name, "PT") == 0) {
            e.pt = hex_decode(value, strlen(value), &e.pt_len);
        } else if (strcmp(name, "CT") == 0) {
            e.ct = hex_decode(value, strlen(value), &e.ct_len);
        } else {
            parse_error(st, t, "unknown field");
        }
    }
    cavp_flush(&e, st, t, section, section_count);
    test_check(slot_files, encrypt_count == 500 && decrypt_count == 500,
               "%s: expected 500 [ENCRYPT] and 500 [DECRYPT] vectors, read %ld and %ld", st->path, encrypt_count,
               decrypt_count);
    st->skip_reason = "DataUnitLen not a multiple of 8 bits";
}

/* ---- Wycheproof JSON (a reader just for this schema) -------------------------------- */

typedef struct json {
    const char *p, *end;
    int error;
    file_stats *st;
    long declared_tests;
} json;

/* The members of one object that matter here. */
typedef struct json_test {
    long tc_id;
    int has_tc_id;
    const char *key, *iv, *msg, *ct, *result;
    size_t key_n, iv_n, msg_n, ct_n, result_n;
} json_test;

static void json_ws(json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
        j->p++;
}

/* A string's raw bytes between the quotes (escapes are stepped over, not decoded). */
static int json_string(json *j, const char **s, size_t *n)
{
    json_ws(j);
    if (j->p >= j->end || *j->p != '"')
        return j->error = 1, 0;
    *s = ++j->p;
    while (j->p < j->end && *j->p != '"') {
        if (*j->p == '\\')
            j->p++;
        j->p++;
    }
    if (j->p >= j->end)
        return j->error = 1, 0;
    *n = (size_t)(j->p - *s);
    j->p++;
    return 1;
}

static void json_emit(json *j, const json_test *jt)
{
    file_stats *st = j->st;
    vector v;
    uint8_t *key, *iv, *msg, *ct;
    size_t key_n, iv_n = 0, msg_n = 0, ct_n = 0;

    st->entries++;
    snprintf(v.where, sizeof v.where, "%s tcId %ld", st->path, jt->tc_id);
    if (jt->key == NULL || jt->iv == NULL || jt->msg == NULL || jt->ct == NULL || jt->result == NULL) {
        test_check(slot_files, 0, "%s: missing member", v.where);
        return;
    }
    key = hex_decode(jt->key, jt->key_n, &key_n);
    iv = hex_decode(jt->iv, jt->iv_n, &iv_n);
    msg = hex_decode(jt->msg, jt->msg_n, &msg_n);
    ct = hex_decode(jt->ct, jt->ct_n, &ct_n);
    if (key == NULL || iv == NULL || msg == NULL || ct == NULL || iv_n == 0 || iv_n > 16 || msg_n != ct_n ||
        (key_n != 32 && key_n != 48 && key_n != 64) || jt->result_n != 5 || memcmp(jt->result, "valid", 5) != 0) {
        test_check(slot_files, 0, "%s: unexpected key/iv/msg/ct/result", v.where);
    } else if (key_n == 48) {
        st->skipped++; /* XTS-AES-192: not part of IEEE 1619 / SP 800-38E, not offered */
    } else {
        memcpy(v.key, key, key_n);
        v.key_len = key_n;
        memset(v.tweak, 0, 16); /* the iv, zero-padded on the right */
        memcpy(v.tweak, iv, iv_n);
        v.pt = msg;
        v.ct = ct;
        v.len = msg_n;
        check_vector(&v, st);
    }
    free(key);
    free(iv);
    free(msg);
    free(ct);
}

static void json_value(json *j, int depth);

static void json_object(json *j, int depth)
{
    json_test jt;
    memset(&jt, 0, sizeof jt);
    j->p++; /* '{' */
    json_ws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
        return;
    }
    while (!j->error) {
        const char *name, *s;
        size_t name_n, n;
        if (!json_string(j, &name, &name_n))
            return;
        json_ws(j);
        if (j->p >= j->end || *j->p != ':') {
            j->error = 1;
            return;
        }
        j->p++;
        json_ws(j);
        if (j->p < j->end && *j->p == '"') {
            if (!json_string(j, &s, &n))
                return;
#define MEMBER(field, text_name)                                                                  \
    if (name_n == sizeof text_name - 1 && memcmp(name, text_name, name_n) == 0) {                 \
        jt.field = s;                                                                             \
        jt.field##_n = n;                                                                         \
    }
            MEMBER(key, "key")
            MEMBER(iv, "iv")
            MEMBER(msg, "msg")
            MEMBER(ct, "ct")
            MEMBER(result, "result")
#undef MEMBER
        } else if (j->p < j->end && (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))) {
            char *end;
            long x = strtol(j->p, &end, 10);
            if (end > j->end) {
                j->error = 1;
                return;
            }
            j->p = end;
            if (name_n == 4 && memcmp(name, "tcId", 4) == 0) {
                jt.tc_id = x;
                jt.has_tc_id = 1;
            } else if (name_n == 13 && memcmp(name, "numberOfTests", 13) == 0 && depth == 0) {
                j->declared_tests = x;
            }
        } else {
            json_value(j, depth + 1);
        }
        json_ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            break;
        }
        j->error = 1;
        return;
    }
    if (jt.has_tc_id)
        json_emit(j, &jt);
}

static void json_value(json *j, int depth)
{
    const char *s;
    size_t n;
    json_ws(j);
    if (j->p >= j->end || depth > 32) {
        j->error = 1;
        return;
    }
    if (*j->p == '{') {
        json_object(j, depth);
    } else if (*j->p == '[') {
        j->p++;
        json_ws(j);
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            return;
        }
        while (!j->error) {
            json_value(j, depth + 1);
            json_ws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
            } else if (j->p < j->end && *j->p == ']') {
                j->p++;
                return;
            } else {
                j->error = 1;
            }
        }
    } else if (*j->p == '"') {
        json_string(j, &s, &n);
    } else {
        /* number, true, false, null */
        while (j->p < j->end && (isalnum((unsigned char)*j->p) || *j->p == '-' || *j->p == '+' || *j->p == '.'))
            j->p++;
    }
}

static void parse_wycheproof(text *t, file_stats *st)
{
    json j;
    j.p = t->data;
    j.end = t->data + t->size;
    j.error = 0;
    j.st = st;
    j.declared_tests = -1;
    json_value(&j, 0);
    json_ws(&j);
    test_check(slot_files, !j.error && j.p == j.end, "%s: JSON syntax error near offset %ld", st->path,
               (long)(j.p - t->data));
    test_check(slot_files, j.declared_tests == st->entries, "%s: numberOfTests %ld, tests read %ld", st->path,
               j.declared_tests, st->entries);
    st->skip_reason = "48-byte keys (XTS-AES-192)";
}

/* ---- Botan (.vec) --------------------------------------------------------------------- */

typedef struct botan_entry {
    uint8_t key[64];
    long key_len, nonce_len;
    uint8_t nonce[16];
    uint8_t *in, *out;
    size_t in_len, out_len;
    int have_key, have_nonce;
} botan_entry;

static void botan_reset(botan_entry *e)
{
    free(e->in);
    free(e->out);
    memset(e, 0, sizeof *e);
}

static void parse_botan(text *t, file_stats *st)
{
    botan_entry e;
    char *line, *name, *value;
    char section[64] = "";
    int in_aes = 0;
    long expected_key_len = 0, entry_line = 0;
    memset(&e, 0, sizeof e);
    while ((line = next_line(t)) != NULL) {
        line = trim(line);
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (line[0] == '[') {
            if (e.have_key || e.have_nonce || e.in || e.out)
                parse_error(st, t, "entry cut off by a section");
            botan_reset(&e);
            snprintf(section, sizeof section, "%s", line);
            in_aes = strcmp(line, "[AES-128/XTS]") == 0 || strcmp(line, "[AES-256/XTS]") == 0;
            expected_key_len = strcmp(line, "[AES-128/XTS]") == 0 ? 32 : 64;
            continue;
        }
        if (!split_field(line, '=', &name, &value)) {
            parse_error(st, t, "expected Name = value");
            continue;
        }
        if (!in_aes) {
            if (strcmp(name, "Key") == 0)
                st->unused_other++;
            continue;
        }
        if (!e.have_key && !e.have_nonce && e.in == NULL && e.out == NULL)
            entry_line = t->line_number;
        if (strcmp(name, "Key") == 0) {
            e.key_len = hex_into(value, e.key, 64);
            e.have_key = 1;
        } else if (strcmp(name, "Nonce") == 0) {
            e.nonce_len = hex_into(value, e.nonce, 16);
            e.have_nonce = 1;
        } else if (strcmp(name, "In") == 0) {
            e.in = hex_decode(value, strlen(value), &e.in_len);
        } else if (strcmp(name, "Out") == 0) {
            e.out = hex_decode(value, strlen(value), &e.out_len);
        } else {
            parse_error(st, t, "unknown field");
        }
        if (e.have_key && e.have_nonce && e.in != NULL && e.out != NULL) {
            vector v;
            st->entries++;
            snprintf(v.where, sizeof v.where, "%s %s line %ld", st->path, section, entry_line);
            if (e.key_len != expected_key_len || e.nonce_len <= 0 || e.in_len != e.out_len) {
                parse_error(st, t, "bad key, nonce or lengths");
            } else {
                memcpy(v.key, e.key, (size_t)e.key_len);
                v.key_len = (size_t)e.key_len;
                memset(v.tweak, 0, 16); /* a short nonce is zero-padded on the right */
                memcpy(v.tweak, e.nonce, (size_t)e.nonce_len);
                v.pt = e.in;
                v.ct = e.out;
                v.len = e.in_len;
                check_vector(&v, st);
            }
            botan_reset(&e);
        }
    }
    if (e.have_key || e.have_nonce || e.in || e.out)
        parse_error(st, t, "incomplete entry at the end");
    botan_reset(&e);
}

/* ---- Crypto++ (TestVectors/xts.txt) ---------------------------------------------------- */

/* Appends the value's hex digits (whitespace dropped) to buf. */
static void cryptopp_append(char **buf, size_t *len, size_t *cap, const char *value)
{
    for (; *value != '\0'; value++) {
        if (isspace((unsigned char)*value))
            continue;
        if (*len + 2 > *cap) {
            *cap = *cap ? 2 * *cap : 256;
            *buf = realloc(*buf, *cap);
            if (*buf == NULL)
                exit(2);
        }
        (*buf)[(*len)++] = *value;
        (*buf)[*len] = '\0';
    }
}

static void parse_cryptopp(text *t, file_stats *st)
{
    char *line, *name, *value;
    char current[32] = "";
    char *field[4] = {NULL, NULL, NULL, NULL}; /* Key, IV, Plaintext, Ciphertext */
    size_t len[4] = {0, 0, 0, 0}, cap[4] = {0, 0, 0, 0};
    static const char *const names[4] = {"Key", "IV", "Plaintext", "Ciphertext"};
    int continued = 0, k;
    long entry_line = 0;

    while ((line = next_line(t)) != NULL) {
        size_t n;
        int ends_with_backslash;
        line = trim(line);
        n = strlen(line);
        ends_with_backslash = n > 0 && line[n - 1] == '\\';
        if (ends_with_backslash)
            line[n - 1] = '\0';
        if (continued) {
            value = line;
        } else {
            if (line[0] == '#' || line[0] == '\0')
                continue;
            if (!split_field(line, ':', &name, &value)) {
                parse_error(st, t, "expected Name: value");
                continue;
            }
            snprintf(current, sizeof current, "%s", name);
            if (strcmp(name, "Key") == 0)
                entry_line = t->line_number;
            for (k = 0; k < 4; k++)
                if (strcmp(name, names[k]) == 0 && len[k] != 0)
                    parse_error(st, t, "field repeated before Test:");
        }
        continued = ends_with_backslash;
        for (k = 0; k < 4; k++)
            if (strcmp(current, names[k]) == 0)
                cryptopp_append(&field[k], &len[k], &cap[k], value);
        if (continued)
            continue;
        if (strcmp(current, "Name") == 0) {
            test_check(slot_files, strcmp(value, "AES/XTS") == 0, "%s:%ld: Name %s, expected AES/XTS", st->path,
                       t->line_number, value);
        } else if (strcmp(current, "Test") == 0) {
            vector v;
            uint8_t *key = NULL, *iv = NULL, *pt = NULL, *ct = NULL;
            size_t key_n = 0, iv_n = 0, pt_n = 0, ct_n = 0;
            st->entries++;
            snprintf(v.where, sizeof v.where, "%s line %ld", st->path, entry_line);
            if (len[0] && len[1] && len[2] && len[3]) {
                key = hex_decode(field[0], len[0], &key_n);
                iv = hex_decode(field[1], len[1], &iv_n);
                pt = hex_decode(field[2], len[2], &pt_n);
                ct = hex_decode(field[3], len[3], &ct_n);
            }
            if (strcmp(value, "Encrypt") != 0 || key == NULL || iv == NULL || pt == NULL || ct == NULL ||
                (key_n != 32 && key_n != 64) || iv_n != 16 || pt_n != ct_n) {
                parse_error(st, t, "incomplete or unexpected entry");
            } else {
                memcpy(v.key, key, key_n);
                v.key_len = key_n;
                memcpy(v.tweak, iv, 16);
                v.pt = pt;
                v.ct = ct;
                v.len = pt_n;
                check_vector(&v, st);
            }
            free(key);
            free(iv);
            free(pt);
            free(ct);
            for (k = 0; k < 4; k++)
                len[k] = 0;
        }
    }
    for (k = 0; k < 4; k++) {
        if (len[k] != 0)
            parse_error(st, t, "entry without Test: at the end");
        free(field[k]);
    }
}

/* ---- Mbed TLS (.data) ------------------------------------------------------------------ */

/* The n-th ':'-separated, double-quoted field after the function name. */
static int mbedtls_field(const char *line, int n, const char **s, size_t *len)
{
    const char *p = strchr(line, ':');
    int i;
    for (i = 0; p != NULL && i < n; i++)
        p = strchr(p + 1, ':');
    if (p == NULL || p[1] != '"')
        return 0;
    *s = p + 2;
    p = strchr(*s, '"');
    if (p == NULL)
        return 0;
    *len = (size_t)(p - *s);
    return 1;
}

static void parse_mbedtls(text *t, file_stats *st)
{
    char *line;
    char description[128] = "";
    while ((line = next_line(t)) != NULL) {
        int is_encrypt = strncmp(line, "aes_encrypt_xts:", 16) == 0;
        int is_decrypt = strncmp(line, "aes_decrypt_xts:", 16) == 0;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (strncmp(line, "aes_crypt_xts_size:", 19) == 0 || strncmp(line, "aes_crypt_xts_keysize:", 22) == 0) {
            st->unused_other++; /* negative tests of Mbed TLS's own API */
        } else if (is_encrypt || is_decrypt) {
            const char *f[4];
            size_t n[4], key_n = 0, tweak_n = 0, pt_n = 0, ct_n = 0;
            uint8_t *key = NULL, *tweak = NULL, *pt = NULL, *ct = NULL;
            int k, ok = 1;
            vector v;
            st->entries++;
            snprintf(v.where, sizeof v.where, "%s line %ld (%.100s)", st->path, t->line_number, description);
            for (k = 0; k < 4; k++)
                ok = ok && mbedtls_field(line, k, &f[k], &n[k]);
            if (ok) {
                key = hex_decode(f[0], n[0], &key_n);
                tweak = hex_decode(f[1], n[1], &tweak_n);
                pt = hex_decode(f[2], n[2], &pt_n);
                ct = hex_decode(f[3], n[3], &ct_n);
            }
            if (!ok || key == NULL || tweak == NULL || pt == NULL || ct == NULL || (key_n != 32 && key_n != 64) ||
                tweak_n != 16 || pt_n != ct_n) {
                parse_error(st, t, "bad aes_*_xts line");
            } else {
                memcpy(v.key, key, key_n);
                v.key_len = key_n;
                memcpy(v.tweak, tweak, 16);
                v.pt = pt;
                v.ct = ct;
                v.len = pt_n;
                check_vector(&v, st);
            }
            free(key);
            free(tweak);
            free(pt);
            free(ct);
        } else if (strncmp(line, "depends_on:", 11) != 0) {
            snprintf(description, sizeof description, "%s", line);
        }
    }
}

/* ---- main -------------------------------------------------------------------------------- */

typedef void (*parser_fn)(text *t, file_stats *st);

typedef struct vector_file {
    expected_counts expected;
    parser_fn parse;
} vector_file;

/* Counts from tests/vectors/README.md (and the shared README they come from). */
static const vector_file files[] = {
    {{"ieee1619.txt", 19, 19, 0, 1, 0}, parse_ieee},
    {{"cavp/XTSGenAES128.rsp", 1000, 800, 200, 0, 0}, parse_cavp},
    {{"cavp/XTSGenAES256.rsp", 1000, 600, 400, 0, 0}, parse_cavp},
    {{"cavp/dataunitseqno/XTSGenAES128.rsp", 1000, 800, 200, 0, 0}, parse_cavp},
    {{"cavp/dataunitseqno/XTSGenAES256.rsp", 1000, 600, 400, 0, 0}, parse_cavp},
    {{"other/wycheproof/aes_xts_test.json", 123, 82, 41, 0, 0}, parse_wycheproof},
    {{"other/botan/xts.vec", 224, 224, 0, 1, 612}, parse_botan},
    {{"other/cryptopp/xts.txt", 500, 500, 0, 1, 0}, parse_cryptopp},
    {{"other/mbedtls/test_suite_aes.xts.data", 38, 38, 0, 2, 9}, parse_mbedtls},
};

int main(int argc, char **argv)
{
    const char *dir = "tests/vectors";
    size_t i;
    int a;

    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--seed") == 0)
            a++;
        else if (argv[a][0] != '-')
            dir = argv[a];
    }
    test_begin(argc, argv, "known-answer vectors");
    slot_files = test_slot("vector files");
    slot_ref = test_slot("ref");
    printf("vector directory: %s\n", dir);

    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        const expected_counts *want = &files[i].expected;
        file_stats st;
        text t;
        long before_failed = test_total_failed();
        memset(&st, 0, sizeof st);
        st.path = want->path;
        if (!test_check(slot_files, read_file(dir, want->path, &t), "%s/%s: cannot read", dir, want->path))
            continue;
        files[i].parse(&t, &st);
        free(t.data);
        test_check(slot_files,
                   st.entries == want->entries && st.used == want->used && st.skipped == want->skipped &&
                       st.equal_halves == want->equal_halves && st.unused_other == want->unused_other,
                   "%s: read %ld entries (used %ld, skipped %ld, Key1 == Key2 %ld, other %ld); expected %ld "
                   "(used %ld, skipped %ld, Key1 == Key2 %ld, other %ld)",
                   st.path, st.entries, st.used, st.skipped, st.equal_halves, st.unused_other, want->entries,
                   want->used, want->skipped, want->equal_halves, want->unused_other);
        printf("%-40s %4ld vectors, %4ld used in both directions", st.path, st.entries, st.used);
        if (st.skipped)
            printf(", %ld skipped (%s)", st.skipped, st.skip_reason);
        if (st.equal_halves)
            printf(", %ld with Key1 == Key2 (library must refuse)", st.equal_halves);
        if (st.unused_other)
            printf(", %ld other entries not used", st.unused_other);
        printf("%s\n", test_total_failed() > before_failed ? "  FAILURES" : "");
        if (st.skipped)
            test_skip(slot_files, st.skipped, "%s: %s", st.path, st.skip_reason);
    }
    return test_end();
}
