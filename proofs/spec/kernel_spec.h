/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The backend interface of src/backend.h in ACSL: the only operations the
 * mode layer (src/mode.c) asks of a backend, as the proofs take them. Read
 * only by Frama-C (backend.h includes it under __FRAMAC__).
 *
 *   vxts_kernel_encrypt_tweak:  T <- E_K2(T)                        IEEE 1619 §5.3.1 step 1
 *   vxts_kernel_encrypt_blocks: out_j = E_K1(in_j ^ T a^j) ^ T a^j,  j < n;  T <- T a^n
 *   vxts_kernel_decrypt_blocks: out_j = D_K1(in_j ^ T a^j) ^ T a^j,  j < n;  T <- T a^n
 *   vxts_kernel_{en,de}crypt_sectors: n whole-block data units, unit s with
 *       the tweak E_K2(le128(first + s)); first + n - 1 <= 2^64 - 1.
 */
#ifndef VXTS_KERNEL_SPEC_H
#define VXTS_KERNEL_SPEC_H

/* The spec functions (XB_E, AP, E, LE, ...) are defined in xts_spec.h. */
#include "xts_spec.h"

/* 32 key bytes as logic parameters / arguments named k0 .. k31. */
#define SPEC_P32(x) SPEC_P16(x), integer x##16, integer x##17, integer x##18, integer x##19, \
    integer x##20, integer x##21, integer x##22, integer x##23, integer x##24, integer x##25, \
    integer x##26, integer x##27, integer x##28, integer x##29, integer x##30, integer x##31
/* The n (16 or 32) key bytes at p, at label L, as the 32 arguments of AES_KEY
   (bytes 16 .. 31 are 0 for a 16-byte key). */
#define KEY_AT(p, n, L) SPEC_AT16(p, L), KEY_HI(p, n, L, 16), KEY_HI(p, n, L, 17), \
    KEY_HI(p, n, L, 18), KEY_HI(p, n, L, 19), KEY_HI(p, n, L, 20), KEY_HI(p, n, L, 21), \
    KEY_HI(p, n, L, 22), KEY_HI(p, n, L, 23), KEY_HI(p, n, L, 24), KEY_HI(p, n, L, 25), \
    KEY_HI(p, n, L, 26), KEY_HI(p, n, L, 27), KEY_HI(p, n, L, 28), KEY_HI(p, n, L, 29), \
    KEY_HI(p, n, L, 30), KEY_HI(p, n, L, 31)
#define KEY_HI(p, n, L, i) ((n) == 32 ? \at((p)[i], L) : 0)

/*
 * The key link. E(key, x) of the spec is AES under the key named `key`; a
 * key is named by its bytes: AES_KEY(n, k0 .. k31) is the AES key with the n
 * bytes k0 .. k(n-1) (FIPS-197 §5.2: n = 16 is AES-128, n = 32 AES-256), a
 * function of the bytes only, so the same bytes name the same key.
 * KEY1(k) and KEY2(k) are the AES keys whose expanded schedules context k
 * holds: functions of k's schedule words alone (KEY_frame), so that every
 * call that leaves the schedule alone keeps them. Key setup says which keys
 * they are (vxts_kernel_setup below): that is the named assumption
 * SETUP_EXPANDS, trusted per backend until its key expansion is proved.
 */
/*@ axiomatic KernelKeys {
      logic integer AES_KEY(integer n, SPEC_P32(k));
      logic integer KEY1{L}(vxts_key *k) reads k->schedule.words[0 .. VXTS_SCHEDULE_BYTES / 8 - 1];
      logic integer KEY2{L}(vxts_key *k) reads k->schedule.words[0 .. VXTS_SCHEDULE_BYTES / 8 - 1];
      // k's schedule and round count are what backend b's setup wrote (a
      // function of them alone: every call that leaves them alone keeps it).
      // Setup ensures it; every kernel requires it for the context's own
      // backend, so a kernel proof may take the schedule its setup writes.
      predicate KEYED{L}(vxts_backend *b, vxts_key *k)
        reads k->rounds, k->half_key_bytes, k->schedule.words[0 .. VXTS_SCHEDULE_BYTES / 8 - 1];
    }
    // Context k was keyed by its own backend's setup.
    predicate CTX_KEYED{L}(vxts_key *k) = KEYED(k->backend, k);
    // FIPS-197 §5: Nr = Nk + 6 rounds for a key of Nk = n / 4 words.
    logic integer AES_ROUNDS(integer n) = n / 4 + 6;

    // n bytes at out written from n bytes at in (out == in allowed), in a
    // context its own backend keyed.
    predicate kernel_buffers(vxts_key *k, uint8_t *out, uint8_t *in, integer n) =
      \valid_read(k) && CTX_KEYED(k) && \valid_read(in + (0 .. n - 1)) && \valid(out + (0 .. n - 1)) &&
      (out == in || \separated(out + (0 .. n - 1), in + (0 .. n - 1))) &&
      \separated(out + (0 .. n - 1), k);
    // A 16-byte tweak buffer apart from both and from the context.
    predicate kernel_tweak(vxts_key *k, uint8_t *out, uint8_t *in, integer n, uint8_t *tweak) =
      \valid(tweak + (0 .. 15)) && \separated(tweak + (0 .. 15), k) &&
      \separated(tweak + (0 .. 15), in + (0 .. n - 1)) && \separated(tweak + (0 .. 15), out + (0 .. n - 1));
*/

/* The requires and assigns of the blocks and sectors entries below, without
   their ensures: the contract the kernels' memory-safety runs prove of each
   backend's entries (proofs/c/x86_mem_*.c, proofs/c/arm_mem_armce.c). */
#define KERNEL_BLOCKS_FRAME(k, out, in, n, tweak)                                     \
    requires n <= 1048576;                                                            \
    requires kernel_buffers(k, out, in, 16 * n);                                      \
    requires kernel_tweak(k, out, in, 16 * n, tweak);                                 \
    assigns out[0 .. 16 * n - 1] \from in[0 .. 16 * n - 1], tweak[0 .. 15], *k;      \
    assigns tweak[0 .. 15] \from tweak[0 .. 15];
#define KERNEL_SECTORS_FRAME(k, out, in, nsectors, nb, first)                         \
    requires 1 <= nsectors && 1 <= nb <= 1048576;                                     \
    requires first + nsectors - 1 <= UINT64_MAX;                                      \
    requires 16 * nb * nsectors <= SIZE_MAX;                                          \
    requires kernel_buffers(k, out, in, 16 * nb * nsectors);                          \
    assigns out[0 .. 16 * nb * nsectors - 1] \from in[0 .. 16 * nb * nsectors - 1], *k;
/* KEY_frame is in scope only where a function writes schedule words after key
   setup (run mode-key, -DVXTS_KEY_FRAME): elsewhere it only slows the provers. */
#ifdef VXTS_KEY_FRAME
/*@ axiomatic KernelKeysFrame {
      axiom KEY_frame{L1, L2}: \forall vxts_key *k;
        (\forall integer j; 0 <= j < VXTS_SCHEDULE_BYTES / 8 ==>
           \at(k->schedule.words[j], L1) == \at(k->schedule.words[j], L2)) ==>
        KEY1{L1}(k) == KEY1{L2}(k) && KEY2{L1}(k) == KEY2{L2}(k);
      axiom KEYED_frame{L1, L2}: \forall vxts_backend *b, vxts_key *k;
        (\forall integer j; 0 <= j < VXTS_SCHEDULE_BYTES / 8 ==>
           \at(k->schedule.words[j], L1) == \at(k->schedule.words[j], L2)) &&
        \at(k->rounds, L1) == \at(k->rounds, L2) && \at(k->half_key_bytes, L1) == \at(k->half_key_bytes, L2) ==>
        (KEYED{L1}(b, k) <==> KEYED{L2}(b, k));
    }
*/
#endif


/*@ requires \valid_read(k) && CTX_KEYED(k) && \valid(tweak + (0 .. 15)) && \separated(tweak + (0 .. 15), k);
    assigns tweak[0 .. 15] \from tweak[0 .. 15], *k;
    ensures T: \forall integer b; 0 <= b < 16 ==> tweak[b] == E(KEY2(k), SPEC_OLD16(tweak), b);
*/
void vxts_kernel_encrypt_tweak(const vxts_key *k, uint8_t tweak[16]);

/*@ requires nblocks <= 1048576;
    requires kernel_buffers(k, out, in, 16 * nblocks);
    requires kernel_tweak(k, out, in, 16 * nblocks, tweak);
    assigns out[0 .. 16 * nblocks - 1] \from in[0 .. 16 * nblocks - 1], tweak[0 .. 15], *k;
    assigns tweak[0 .. 15] \from tweak[0 .. 15];
    ensures C: \forall integer n; 0 <= n < 16 * nblocks ==>
      out[n] == XB_E{Pre}(KEY1(k), in, 0, SPEC_OLD16(tweak), n / 16, n % 16);
    ensures T: \forall integer b; 0 <= b < 16 ==> tweak[b] == AP(SPEC_OLD16(tweak), nblocks, b);
*/
void vxts_kernel_encrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                uint8_t tweak[16]);

/*@ requires nblocks <= 1048576;
    requires kernel_buffers(k, out, in, 16 * nblocks);
    requires kernel_tweak(k, out, in, 16 * nblocks, tweak);
    assigns out[0 .. 16 * nblocks - 1] \from in[0 .. 16 * nblocks - 1], tweak[0 .. 15], *k;
    assigns tweak[0 .. 15] \from tweak[0 .. 15];
    ensures P: \forall integer n; 0 <= n < 16 * nblocks ==>
      out[n] == XB_D{Pre}(KEY1(k), in, 0, SPEC_OLD16(tweak), n / 16, n % 16);
    ensures T: \forall integer b; 0 <= b < 16 ==> tweak[b] == AP(SPEC_OLD16(tweak), nblocks, b);
*/
void vxts_kernel_decrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                uint8_t tweak[16]);

/*@ requires 1 <= nsectors && 1 <= sector_blocks <= 1048576;
    requires first_sector + nsectors - 1 <= UINT64_MAX;
    requires 16 * sector_blocks * nsectors <= SIZE_MAX;
    requires kernel_buffers(k, out, in, 16 * sector_blocks * nsectors);
    assigns out[0 .. 16 * sector_blocks * nsectors - 1]
      \from in[0 .. 16 * sector_blocks * nsectors - 1], *k;
    ensures C: \forall integer s, x;
      0 <= s < nsectors && SECTOR_AT(16 * sector_blocks, s) <= x < SECTOR_AT(16 * sector_blocks, s) + 16 * sector_blocks ==>
      out[x] == XB_E{Pre}(KEY1(k), in, SECTOR_AT(16 * sector_blocks, s),
                            SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)),
                            (x - SECTOR_AT(16 * sector_blocks, s)) / 16,
                            (x - SECTOR_AT(16 * sector_blocks, s)) % 16);
*/
void vxts_kernel_encrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                 size_t sector_blocks, uint64_t first_sector);

/*@ requires 1 <= nsectors && 1 <= sector_blocks <= 1048576;
    requires first_sector + nsectors - 1 <= UINT64_MAX;
    requires 16 * sector_blocks * nsectors <= SIZE_MAX;
    requires kernel_buffers(k, out, in, 16 * sector_blocks * nsectors);
    assigns out[0 .. 16 * sector_blocks * nsectors - 1]
      \from in[0 .. 16 * sector_blocks * nsectors - 1], *k;
    ensures P: \forall integer s, x;
      0 <= s < nsectors && SECTOR_AT(16 * sector_blocks, s) <= x < SECTOR_AT(16 * sector_blocks, s) + 16 * sector_blocks ==>
      out[x] == XB_D{Pre}(KEY1(k), in, SECTOR_AT(16 * sector_blocks, s),
                            SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)),
                            (x - SECTOR_AT(16 * sector_blocks, s)) / 16,
                            (x - SECTOR_AT(16 * sector_blocks, s)) % 16);
*/
void vxts_kernel_decrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                 size_t sector_blocks, uint64_t first_sector);

/*@ axiomatic KernelBackends {
      // b is one of the library's backend descriptors (constant data) that this CPU can run.
      predicate BACKEND_DESC(vxts_backend *b);
      // backends.c would return a backend for this id (compiled in, usable here).
      predicate BACKEND_FOUND{L}(char *id);
      // b's 1-based place in backends.c's table, 0 for any other pointer.
      logic integer BACKEND_NUMBER(vxts_backend *b);
      axiom BACKEND_NUMBER_range: \forall vxts_backend *b; 0 <= BACKEND_NUMBER(b) <= 255;
      axiom BACKEND_DESC_numbered: \forall vxts_backend *b; BACKEND_DESC(b) ==> BACKEND_NUMBER(b) != 0;
    }
    // Context k is not one of the backend descriptors (true of any caller memory).
    predicate BACKENDS_APART(vxts_key *k) =
      \forall vxts_backend *b; BACKEND_DESC(b) ==> \separated(b, k);
*/

/* backends.c: the backend lookup (contracts only: not proved). */
/*@ assigns \nothing;
    ensures \valid_read(\result) && BACKEND_DESC(\result);
*/
const vxts_backend *vxts_best_backend(void);
/*@ assigns \nothing;
    ensures \result == \null <==> !BACKEND_FOUND(id);
    ensures \result != \null ==> \valid_read(\result) && BACKEND_DESC(\result);
*/
const vxts_backend *vxts_find_backend(const char *id);
/* b may be any pointer value: it is compared with the table, never read. */
/*@ assigns \nothing;
    ensures \result == BACKEND_NUMBER(b);
    ensures \result != 0 ==> \valid_read(b) && BACKEND_DESC(b);
*/
int vxts_backend_known(const vxts_backend *b);

/* backend->setup (every backend): expands Key1 and Key2 into k->schedule for
   the round count FIPS-197 gives their length. SETUP_EXPANDS is the named
   assumption of the key link: the schedule it writes makes the backend's AES
   round chain compute E under the keys with these bytes (KEY1, KEY2 above);
   KEYED(b, k) names that schedule as b's, for b's kernel proofs. */
/*@ requires \valid_read(b) && \valid(k) && \separated(k, b);
    requires k->half_key_bytes == 16 || k->half_key_bytes == 32;
    requires k->rounds == AES_ROUNDS(k->half_key_bytes);
    requires \valid_read(key1 + (0 .. k->half_key_bytes - 1)) && \valid_read(key2 + (0 .. k->half_key_bytes - 1));
    requires \separated(k, key1 + (0 .. k->half_key_bytes - 1), key2 + (0 .. k->half_key_bytes - 1));
    assigns k->schedule \from key1[0 .. k->half_key_bytes - 1], key2[0 .. k->half_key_bytes - 1], k->rounds;
    ensures KEYED: KEYED(b, k);
    ensures SETUP_EXPANDS: KEY1(k) == AES_KEY(k->half_key_bytes, KEY_AT(key1, k->half_key_bytes, Pre)) &&
                           KEY2(k) == AES_KEY(k->half_key_bytes, KEY_AT(key2, k->half_key_bytes, Pre));
*/
void vxts_kernel_setup(const vxts_backend *b, vxts_key *k, const uint8_t *key1, const uint8_t *key2);

/* backend->scrub (every backend): zeroes vector registers; no memory effect. */
/*@ requires \valid_read(b);
    assigns \nothing;
*/
void vxts_kernel_scrub(const vxts_backend *b);

/* util.c: zeroes n bytes (a memset the compiler cannot drop). */
/*@ requires \valid((char *)p + (0 .. n - 1));
    assigns ((char *)p)[0 .. n - 1] \from \nothing;
*/
void vxts_memzero(void *p, size_t n);

#endif /* VXTS_KERNEL_SPEC_H */
