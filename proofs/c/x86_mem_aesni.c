/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Memory safety of the aesni data entries (proofs/prove.sh, run
 * x86-mem-aesni): aesni_encrypt_blocks, aesni_decrypt_blocks,
 * aesni_encrypt_sectors and aesni_decrypt_sectors, exactly as compiled (the
 * backend's source is included here with proofs/model as <immintrin.h>), under
 * kernel_spec.h's preconditions:
 *   - no run-time error (-wp-rte);
 *   - every load reads only in[0, 16n), the context *k and the kernel's own
 *     stack buffers; every store writes only out[0, 16n), the 16 tweak bytes
 *     (blocks entries) and the kernel's stack buffers; in == out allowed
 *     (each intrinsic of the model requires exactly the bytes it touches);
 *   - the assigns clauses of kernel_spec.h;
 *   - termination (loop variants).
 * For every nblocks <= 2^20, every sector size and count kernel_spec.h
 * allows, AES-128 and AES-256, both directions. Helper contracts and loop
 * invariants are in src/backend_aesni.c (comments: the object code is the
 * same). Trusted: the model's memory contracts (each load/store touches its
 * 16 bytes), the uint64_t-unit wrappers below (NOTE), and that the empty
 * asm barriers touch nothing (their statement contracts). Not checked:
 * unsigned wrap-around, which C defines and the kernel relies on (the GPR
 * tweak step shifts bits out; unused sector lanes may wrap); blocks_impl's
 * requirement tweak_bytes at its call sites (-wp-prop=-tweak_bytes): the
 * entries' kernel_tweak is that same statement, and the per-sector path
 * passes a uint64_t buffer, checked there in uint64_t units (tweak_u64).
 * Not proved here: what the output bytes are (the functional proof).
 */
#include "backend.h"
#include "aes_x86_spec.h" /* the model as <immintrin.h>, the kernel contracts */

/* aes_x86.h's shared helpers: register-only (no memory effect). */
/*@ assigns \nothing; */
static inline __m128i x_mul_x(__m128i t);
/*@ assigns \nothing; */
static inline __m128i x_round(__m128i s, __m128i rk, int dec);
/*@ assigns \nothing; */
static inline __m128i x_last(__m128i s, __m128i rk, int dec);

/* The entries: kernel_spec.h's preconditions and assigns clauses. */
#define BLOCKS_CONTRACT KERNEL_BLOCKS_FRAME(k, out, in, n, tweak)
#define SECTORS_CONTRACT KERNEL_SECTORS_FRAME(k, out, in, nsectors, nb, first)

/*@ BLOCKS_CONTRACT */
static void aesni_encrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t tweak[16]);
/*@ BLOCKS_CONTRACT */
static void aesni_decrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t tweak[16]);
/*@ SECTORS_CONTRACT */
static void aesni_encrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors, size_t nb,
                                  uint64_t first);
/*@ SECTORS_CONTRACT */
static void aesni_decrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors, size_t nb,
                                  uint64_t first);

/*
 * NOTE: WP's Typed memory model counts memory in cells of the declared type,
 * not in bytes: a 16-byte vector access to a uint64_t buffer is 16 cells
 * there, 8 times too wide, and cannot be proved. The backend makes such
 * accesses only to its own uint64_t stack buffers (y_buf, y8, ring, tweaks,
 * main_loop.k), and only with the aligned MOVDQA forms, memcpy and
 * vxts_memzero; the unaligned forms (_mm_loadu_si128/_mm_storeu_si128) are
 * used for in, out, the tweak and the schedule, which are byte buffers. So the
 * aligned forms and the two byte copies are given here in uint64_t units:
 * 16 bytes = 2 uint64_t at p, nothing else read or written.
 */
/*@ requires \valid_read((const uint64_t *)p + (0 .. 1));
    assigns \nothing; */
static __m128i vxm_load_u64(const __m128i *p);
/*@ requires \valid((uint64_t *)p + (0 .. 1));
    assigns ((uint64_t *)p)[0 .. 1]; */
static void vxm_store_u64(__m128i *p, __m128i a);
/*@ requires n == 16 && \valid((uint64_t *)dst + (0 .. 1)) && \valid_read((const uint8_t *)src + (0 .. 15));
    assigns ((uint64_t *)dst)[0 .. 1]; */
static void *vxm_memcpy_u64(void *dst, const void *src, size_t n);
/*@ requires n % 8 == 0 && \valid((uint64_t *)p + (0 .. n / 8 - 1));
    assigns ((uint64_t *)p)[0 .. n / 8 - 1]; */
static void vxm_memzero_u64(void *p, size_t n);
#define _mm_load_si128 vxm_load_u64
#define _mm_store_si128 vxm_store_u64
#define memcpy vxm_memcpy_u64
#define vxts_memzero vxm_memzero_u64

#include "backend_aesni.c"
