/*
 * The kernel contracts: the only operations the mode layer (mode.c) asks of
 * a backend. Stated once here; the proofs (proofs/) take them as the
 * interface that the stage-2 proofs of the SIMD kernels will discharge.
 *
 *   vxts_kernel_encrypt_tweak:  T <- E_K2(T)                        IEEE 1619 §5.3.1 step 1
 *   vxts_kernel_encrypt_blocks: out_j = E_K1(in_j ^ T a^j) ^ T a^j,  j < n;  T <- T a^n
 *   vxts_kernel_decrypt_blocks: out_j = D_K1(in_j ^ T a^j) ^ T a^j,  j < n;  T <- T a^n
 *   vxts_kernel_{en,de}crypt_sectors: n whole-block data units, unit s with
 *       the tweak E_K2(le128(first + s)); first + n - 1 <= 2^64 - 1.
 * Each reads exactly its input range and writes exactly its output range;
 * out == in is allowed.
 */
#ifndef VXTS_KERNEL_H
#define VXTS_KERNEL_H

#include "backend.h"

void vxts_kernel_encrypt_tweak(const vxts_key *k, uint8_t tweak[16]);
void vxts_kernel_encrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                uint8_t tweak[16]);
void vxts_kernel_decrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                uint8_t tweak[16]);
void vxts_kernel_encrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                 size_t sector_blocks, uint64_t first_sector);
void vxts_kernel_decrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                 size_t sector_blocks, uint64_t first_sector);

#if !defined(__FRAMAC__) && !defined(VXTS_KERNEL_FUNCTIONS)
/* Outside the proofs the contracts are direct calls into the backend table. */
#define vxts_kernel_encrypt_tweak(k, t) ((k)->backend->encrypt_tweak((k), (t)))
#define vxts_kernel_encrypt_blocks(k, o, i, n, t) ((k)->backend->encrypt_blocks((k), (o), (i), (n), (t)))
#define vxts_kernel_decrypt_blocks(k, o, i, n, t) ((k)->backend->decrypt_blocks((k), (o), (i), (n), (t)))
#endif

#endif /* VXTS_KERNEL_H */
