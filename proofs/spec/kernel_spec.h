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

/* The spec functions (XB_E, AP, E, LE, ...) are defined in xts_spec.h.
 * KEY1(k) and KEY2(k) name the AES keys Key1 and Key2 held by context k. */
#include "xts_spec.h"

/*@ axiomatic KernelKeys {
      logic integer KEY1(vxts_key *k);
      logic integer KEY2(vxts_key *k);
    }

    // n bytes at out written from n bytes at in (out == in allowed), and a
    // 16-byte tweak buffer apart from both and from the context.
    predicate kernel_buffers(vxts_key *k, uint8_t *out, uint8_t *in, integer n) =
      \valid_read(k) && \valid_read(in + (0 .. n - 1)) && \valid(out + (0 .. n - 1)) &&
      (out == in || \separated(out + (0 .. n - 1), in + (0 .. n - 1))) &&
      \separated(out + (0 .. n - 1), k);
    predicate kernel_tweak(vxts_key *k, uint8_t *out, uint8_t *in, integer n, uint8_t *tweak) =
      \valid(tweak + (0 .. 15)) && \separated(tweak + (0 .. 15), k) &&
      \separated(tweak + (0 .. 15), in + (0 .. n - 1)) && \separated(tweak + (0 .. 15), out + (0 .. n - 1));
*/

/*@ requires \valid_read(k) && \valid(tweak + (0 .. 15)) && \separated(tweak + (0 .. 15), k);
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

/* backend->setup (every backend): expands Key1 and Key2 into k->schedule. */
/*@ requires \valid_read(b) && \valid(k) && \separated(k, b);
    requires k->half_key_bytes == 16 || k->half_key_bytes == 32;
    requires \valid_read(key1 + (0 .. k->half_key_bytes - 1)) && \valid_read(key2 + (0 .. k->half_key_bytes - 1));
    requires \separated(k, key1 + (0 .. k->half_key_bytes - 1), key2 + (0 .. k->half_key_bytes - 1));
    assigns k->schedule \from key1[0 .. k->half_key_bytes - 1], key2[0 .. k->half_key_bytes - 1], k->rounds;
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
