/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * LUKS1 and LUKS2 containers for `vxts luks` (the CLI only; the library knows nothing of LUKS).
 * Formats: LUKS1 On-Disk Format Specification 1.2.3; LUKS2 On-Disk Format Specification 1.1.x
 * (binary header, JSON metadata). Only aes-xts-plain64 data and keyslot areas are read or written.
 *
 * Error convention: a function that fails prints one "vxts: ..." line and returns -1.
 */
#ifndef VXTS_LUKS_H
#define VXTS_LUKS_H

#include <stddef.h>
#include <stdint.h>

#define LUKS_MAX_SLOTS 32      /* LUKS2 keyslots "0".."31"; LUKS1 has 8 */
#define LUKS_MAX_DIGESTS 8
#define LUKS_MAX_TOKENS 32
#define LUKS_MAX_KEY 64        /* aes-xts-plain64 with AES-256: 2 x 32 bytes */
#define LUKS_MAX_SALT 64
#define LUKS_MAX_PASS (8u << 20) /* cryptsetup's default key-file limit (8 MiB) */
/* Bounds that keep a hostile header from asking for absurd work or memory. */
#define LUKS_MAX_ARGON2_KIB (4u << 20)  /* cryptsetup's maximum: 4 GiB */
#define LUKS_MAX_ARGON2_LANES 16u
#define LUKS_MAX_AF_BYTES (4u << 20)    /* key bytes x stripes of one keyslot */

enum luks_kdf_type { LUKS_KDF_PBKDF2, LUKS_KDF_ARGON2I, LUKS_KDF_ARGON2ID };

struct luks_kdf {
    enum luks_kdf_type type;
    char hash[16];          /* pbkdf2 only: sha1, sha256, sha512 */
    uint32_t iterations;    /* pbkdf2 iterations, or argon2 time cost */
    uint32_t memory_kib;    /* argon2 */
    uint32_t parallel;      /* argon2 lanes */
    uint8_t salt[LUKS_MAX_SALT];
    size_t salt_len;
};

struct luks_keyslot {
    int id;                 /* "N" in LUKS2, 0..7 in LUKS1 */
    int usable;             /* aes-xts-plain64 area and a known KDF */
    int priority;           /* LUKS2: 0 = only when named, 1 normal, 2 preferred */
    unsigned key_bytes;     /* volume key size */
    unsigned area_key_bytes;/* key of the keyslot area cipher */
    char area_cipher[72];
    uint64_t area_offset, area_size;
    char af_hash[16];
    uint32_t stripes;
    struct luks_kdf kdf;
};

struct luks_digest {
    int id;
    char hash[16];
    uint32_t iterations;
    uint8_t salt[LUKS_MAX_SALT];
    size_t salt_len;
    uint8_t digest[64];
    size_t digest_len;
    uint32_t keyslots;      /* bit k: keyslot k */
    int segment0;
};

struct luks_volume {
    int version;                    /* 1 or 2 */
    char uuid[40];
    char label[48];
    char subsystem[48];
    char cipher[72];                /* "aes-xts-plain64"; LUKS1: name-mode */
    unsigned key_bytes;
    uint64_t data_offset;           /* bytes */
    uint64_t data_size;             /* bytes; the image's rest when dynamic */
    int data_size_dynamic;
    unsigned sector_size;
    uint64_t iv_tweak;              /* IV of the segment's first 512 bytes */
    /* LUKS2 binary header */
    uint64_t hdr_size, seqid, json_size, keyslots_size;
    char csum_alg[32];
    int used_secondary;             /* the primary binary header was damaged */
    struct luks_keyslot slots[LUKS_MAX_SLOTS];
    unsigned nslots;
    struct luks_digest digests[LUKS_MAX_DIGESTS];
    unsigned ndigests;
    char tokens[LUKS_MAX_TOKENS][32]; /* token types, for dump */
    unsigned ntokens;
    char flags[128];                /* config flags, for dump */
};

/* Random-access reads from an image (a file, or memory for the fuzzer). */
struct luks_source {
    int (*read)(void *ctx, uint8_t *buf, size_t len, uint64_t offset); /* 0, or -1 (short read too) */
    void *ctx;
    uint64_t size;
};

/* luks_header.c: reads and checks the binary header(s) and the metadata. */
int luks_load(const struct luks_source *src, struct luks_volume *v);

/* luks_kdf.c */
int luks_hash_size(const char *hash);  /* bytes, or -1 if not sha1/sha256/sha512 */
int luks_kdf_derive(const struct luks_kdf *kdf, const uint8_t *pass, size_t pass_len,
                    uint8_t *out, size_t out_len);
int luks_pbkdf2(const char *hash, const uint8_t *pass, size_t pass_len, const uint8_t *salt,
                size_t salt_len, uint32_t iterations, uint8_t *out, size_t out_len);
int luks_af_merge(const char *hash, const uint8_t *split, size_t key_bytes, uint32_t stripes,
                  uint8_t *key);
int luks_af_split(const char *hash, const uint8_t *key, size_t key_bytes, uint32_t stripes,
                  uint8_t *split);
int luks_random(uint8_t *buf, size_t len);
void luks_wipe(void *p, size_t len);
int luks_base64_decode(const char *text, uint8_t *out, size_t cap, size_t *len);
/* Calibration: the cost that takes about ms milliseconds here (cryptsetup's --iter-time). */
int luks_kdf_calibrate(struct luks_kdf *kdf, size_t key_bytes, uint32_t ms);

/* luks_keyslot.c: the volume key from a passphrase (slot -1: every usable slot). */
int luks_unlock(const struct luks_source *src, const struct luks_volume *v, int slot,
                const uint8_t *pass, size_t pass_len, uint8_t *key, int *opened_slot);
/* The volume key checked against the digests (0 = matches segment 0's digest). */
int luks_key_matches(const struct luks_volume *v, const uint8_t *key, int slot);

/* luks_format.c: builds the header area (data_offset bytes) for a new container. */
struct luks_format_opts {
    int version;                 /* 1 or 2 */
    unsigned key_bytes;          /* 32 or 64 */
    unsigned sector_size;        /* LUKS2: 512..4096 */
    struct luks_kdf kdf;         /* type, hash; costs when forced */
    int force_iterations;        /* kdf.iterations given: no calibration */
    uint32_t iter_time_ms;
};
int luks_format_header(const struct luks_format_opts *o, const uint8_t *volume_key,
                       const uint8_t *pass, size_t pass_len, uint8_t **area, size_t *area_len,
                       struct luks_volume *v);

/* luks_dump.c */
void luks_dump(const struct luks_volume *v, const char *image_name);

/* Prints "vxts: luks: ..." and returns -1. */
int luks_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void luks_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
