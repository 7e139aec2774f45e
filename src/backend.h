/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The backend interface: what every backend (ct64, aesni, vaes256, vaes512,
 * armce) provides. Backends know nothing about lengths that are not whole
 * blocks or about ciphertext stealing: that is the mode layer's (mode.c).
 */
#ifndef VXTS_BACKEND_H
#define VXTS_BACKEND_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vxts.h"

/* Bytes a backend may use for its key schedules inside the context. */
#define VXTS_SCHEDULE_BYTES 3968u

struct vxts_backend;

/*
 * The context as the library sees it. The schedule layout is private to the
 * backend that wrote it (key-schedule layouts differ; never mix).
 */
typedef struct vxts_key {
    const struct vxts_backend *backend; /* one of backends.c's table, else not usable */
    uint32_t rounds;                    /* 10 (AES-128) or 14 (AES-256) */
    uint32_t half_key_bytes;            /* 16 or 32 */
    uint64_t check;                     /* VXTS_KEY_CHECK(...) of mode.c in a usable context */
    uint64_t reserved[5];               /* keeps schedule 64-byte aligned relative to the context */
    union {
        uint8_t bytes[VXTS_SCHEDULE_BYTES];
        uint64_t words[VXTS_SCHEDULE_BYTES / 8];
    } schedule;
} vxts_key;

/* vxts_key.check of a usable context: this base + 65536 * the backend's place
   in backends.c's table + half_key_bytes (mode.c key_check). */
#define VXTS_KEY_CHECK_BASE 0x7874735f6b657900 /* "xts_key" */

typedef char vxts_key_fits_in_ctx[(sizeof(vxts_key) <= sizeof(vxts_ctx)) ? 1 : -1];

/*
 * Contracts every backend meets (the same in ACSL: proofs/spec/kernel_spec.h):
 *  - setup: expands Key1 for encryption and decryption and Key2 for
 *    encryption (FIPS-197 §5.2; decryption per the backend's own inverse).
 *    key1, key2 are half_key_bytes (16 or 32) long. k->rounds and
 *    k->half_key_bytes are already set.
 *  - encrypt_tweak: tweak <- E_K2(tweak)               (IEEE 1619 §5.3.1 step 1)
 *  - encrypt_blocks: for j in [0, nblocks):
 *        T_j = T * alpha^j,  out_j = E_K1(in_j ^ T_j) ^ T_j
 *    then tweak <- T * alpha^nblocks. Reads exactly in[0, 16n), writes
 *    exactly out[0, 16n). out == in allowed; nblocks == 0 allowed.
 *  - decrypt_blocks: the same with D_K1.
 *  - encrypt_sectors / decrypt_sectors: nsectors
 *    data units of sector_blocks whole blocks each, sector s using
 *    tweak E_K2(le128(first_sector + s)); the caller guarantees
 *    first_sector + nsectors - 1 <= 2^64 - 1, nsectors >= 1,
 *    1 <= sector_blocks <= 2^20. Reads/writes exactly the
 *    nsectors * sector_blocks * 16 bytes. out == in allowed.
 * No branch, loop bound or memory index may depend on keys or data.
 */
typedef struct vxts_backend {
    const char *id;
    int (*supported)(void); /* 1 if this CPU (and OS) can run it */
    void (*setup)(vxts_key *k, const uint8_t *key1, const uint8_t *key2);
    void (*encrypt_tweak)(const vxts_key *k, uint8_t tweak[16]);
    void (*encrypt_blocks)(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                           uint8_t tweak[16]);
    void (*decrypt_blocks)(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                           uint8_t tweak[16]);
    void (*encrypt_sectors)(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                            size_t sector_blocks, uint64_t first_sector);
    void (*decrypt_sectors)(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                            size_t sector_blocks, uint64_t first_sector);
    void (*scrub)(void); /* zeroes every vector register a call may have left key or tweak material in */
} vxts_backend;

/*
 * Each backend file defines one of these on every target; where its ISA is
 * absent (the x86 backends on Arm, armce on x86) only `id` and `supported`
 * (which returns 0) are filled in: backends.c never hands such a backend out.
 */
extern const vxts_backend vxts_backend_ct64;
extern const vxts_backend vxts_backend_aesni;
extern const vxts_backend vxts_backend_vaes256;
extern const vxts_backend vxts_backend_vaes512;
extern const vxts_backend vxts_backend_armce;

/* util.c: the `supported` of a backend whose ISA this target lacks: 0. */
int vxts_never_supported(void);
#define VXTS_ABSENT_BACKEND(name) \
    const vxts_backend vxts_backend_##name = {#name, vxts_never_supported, NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/*
 * backends.c: the usable backend with this id, or NULL; the preferred usable
 * one. Usable = its `supported` says this CPU can run it and the environment
 * variable VXTS_DISABLE (a list of ids, read once) does not name it.
 */
const vxts_backend *vxts_find_backend(const char *id);
const vxts_backend *vxts_best_backend(void);
/* backends.c: b's 1-based place in the table if b is a usable entry, else 0 (b is only compared, never read). */
int vxts_backend_known(const vxts_backend *b);

/*
 * Zeroes every vector register of this CPU that C code or a kernel may have
 * left key or tweak material in (cpu_x86.c, cpu_arm.c; elsewhere util.c, a
 * no-op). Each backend's scrub calls it after wiping its dead stack frames.
 */
void vxts_cpu_scrub_vectors(void);

/* util.c: 1 if the list (ids separated by commas and/or spaces) names id. */
int vxts_id_in_list(const char *list, const char *id);

/*
 * Zeroes n bytes so that the compiler cannot drop it. With GCC/clang: memset,
 * then an empty asm that claims to read the memory, so the stores stay and a
 * 16-byte wipe on the hot path of every short call is a few inline stores.
 * Elsewhere (and for Frama-C, which sees its contract in kernel_spec.h): util.c.
 */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__FRAMAC__)
static inline void vxts_memzero(void *p, size_t n)
{
    memset(p, 0, n);
    __asm__ __volatile__("" : : "r"(p) : "memory");
}
#else
void vxts_memzero(void *p, size_t n);
#endif

/*
 * The mode layer reaches a backend only through these names. Outside the
 * proofs they are direct calls through the context's table; Frama-C sees
 * them as functions with the contracts of proofs/spec/kernel_spec.h.
 */
#ifdef __FRAMAC__
#include "kernel_spec.h"
#else
#define vxts_kernel_setup(b, k, key1, key2) ((b)->setup((k), (key1), (key2)))
#define vxts_kernel_encrypt_tweak(k, t) ((k)->backend->encrypt_tweak((k), (t)))
#define vxts_kernel_encrypt_blocks(k, o, i, n, t) ((k)->backend->encrypt_blocks((k), (o), (i), (n), (t)))
#define vxts_kernel_decrypt_blocks(k, o, i, n, t) ((k)->backend->decrypt_blocks((k), (o), (i), (n), (t)))
#define vxts_kernel_encrypt_sectors(k, o, i, n, b, f) ((k)->backend->encrypt_sectors((k), (o), (i), (n), (b), (f)))
#define vxts_kernel_decrypt_sectors(k, o, i, n, b, f) ((k)->backend->decrypt_sectors((k), (o), (i), (n), (b), (f)))
#define vxts_kernel_scrub(b) ((b)->scrub())
#endif

#endif /* VXTS_BACKEND_H */
