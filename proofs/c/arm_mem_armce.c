/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Memory safety of the armce entries (proofs/prove.sh, run arm-mem-armce;
 * issue #14): armce_encrypt_blocks, armce_decrypt_blocks,
 * armce_encrypt_sectors, armce_decrypt_sectors, armce_encrypt_tweak and the
 * helpers they call (encrypt_tweak_raw, the enc/dec_blocks_* and
 * enc/dec_sectors_* instances, vec_of, dit_enter, dit_leave), parsed from
 * src/backend_armce.c exactly as `make check-aarch64` compiles it: its
 * little-endian AArch64 branch (__aarch64__ defined, __AARCH64EB__ not), with
 * proofs/model/vxts_neon.h as <arm_neon.h>. Under kernel_spec.h's
 * preconditions (plus the dispatch fact k->backend == &vxts_backend_armce):
 *   - no run-time error (-wp-rte);
 *   - every load reads only in[0, 16n), the context *k and the kernel's own
 *     stack; every store writes only out[0, 16n), the 16 tweak bytes (blocks
 *     entries) and the kernel's own stack; in == out allowed (each load of
 *     the model requires \valid_read of exactly its 16 bytes, each store
 *     \valid of exactly its 16 bytes);
 *   - kernel_spec.h's assigns clauses (WP checks the locations, not the
 *     \from dependencies);
 *   - termination (loop variants);
 * for every nblocks <= 2^20 and every sector shape kernel_spec.h allows,
 * AES-128 and AES-256, both directions. The helper contracts and loop
 * annotations are ACSL comments in src/backend_armce.c (the object code is
 * the same: compare aarch64-linux-gnu-objdump -d); the instances' contracts
 * are the macros below. Proved with ARMCE_UNROLL 5, the shipped value.
 * NOT PROVED (open): the bodies of xts_blocks and xts_sectors, the
 * unrolled kernels themselves. Their contracts (in src/backend_armce.c) and
 * loop annotations are written, but WP's goal generation for their
 * straight-line bodies (hundreds of intrinsic calls) did not end within
 * 10 minutes, so here their contracts are hypotheses of the instances: what
 * this run shows is that the entries call them within those contracts.
 * Trusted: the NEON model's memory contracts (checked against qemu-aarch64
 * -cpu max, an emulator, not silicon: make check-aarch64); the contracts of
 * the inline asm statements (MRS writes *saved, MSR and the empty barrier
 * touch no memory, vec_of's FMOV/INS writes only its output) and of
 * vxts_cpu_arm_dit (no memory effect, returns 0 or 1); the axiom
 * ARMCE_ROUNDS of proofs/spec/armce_spec.h (a context armce keyed has 10 or
 * 14 rounds).
 * Not checked: unsigned wrap-around, which C defines and the kernel relies
 * on (the GPR tweak step shifts bits out). Not proved here: what the output
 * bytes are (the functional proof).
 */
#include "backend.h"
#include "cpu_arm.h"
#include "armce_spec.h" /* ARMCE_ROUNDS */

/* cpu_arm.c: reads the CPU's feature registers / hwcaps (not proved here). */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
int vxts_cpu_arm_dit(void);

/* The entries: kernel_spec.h's preconditions and assigns clauses, plus the
   dispatch fact (the mode layer calls k->backend's entries). */
#define BLOCKS_CONTRACT                                                                       \
    requires k->backend == &vxts_backend_armce;                                               \
    KERNEL_BLOCKS_FRAME(k, out, in, n, tweak)
#define SECTORS_CONTRACT                                                                      \
    requires k->backend == &vxts_backend_armce;                                               \
    KERNEL_SECTORS_FRAME(k, out, in, nsectors, nb, first)
/* The instances of xts_blocks / xts_sectors (src/backend_armce.c). */
#define BLOCKS_HELPER_CONTRACT                                                                \
    requires n <= 1048576 && \valid_read(k);                                                  \
    requires \valid_read(in + (0 .. 16 * n - 1)) && \valid(out + (0 .. 16 * n - 1));          \
    requires \valid(t + (0 .. 15));                                                           \
    assigns out[0 .. 16 * n - 1], t[0 .. 15];
#define SECTORS_HELPER_CONTRACT(nr)                                                           \
    requires 1 <= ns && 1 <= sb <= 1048576 && 16 * sb * ns <= SIZE_MAX;                       \
    requires \valid_read(k) && k->rounds == nr;                                               \
    requires \valid_read(in + (0 .. 16 * sb * ns - 1)) && \valid(out + (0 .. 16 * sb * ns - 1)); \
    requires \separated(out + (0 .. 16 * sb * ns - 1), k);                                    \
    assigns out[0 .. 16 * sb * ns - 1];

/*@ requires k->backend == &vxts_backend_armce;
    requires \valid_read(k) && CTX_KEYED(k) && \valid(tweak + (0 .. 15)) && \separated(tweak + (0 .. 15), k);
    assigns tweak[0 .. 15] \from tweak[0 .. 15], *k; */
static void armce_encrypt_tweak(const vxts_key *k, uint8_t tweak[16]);
/*@ BLOCKS_CONTRACT */
static void armce_encrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t tweak[16]);
/*@ BLOCKS_CONTRACT */
static void armce_decrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t tweak[16]);
/*@ SECTORS_CONTRACT */
static void armce_encrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors, size_t nb,
                                  uint64_t first);
/*@ SECTORS_CONTRACT */
static void armce_decrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors, size_t nb,
                                  uint64_t first);

/* The model's contracts with their memory effects only (vxts_neon.h). */
#define VXTS_NEON_FRAME_ONLY
/* The branch check-aarch64 compiles (little-endian AArch64). */
#define __aarch64__ 1
#undef __AARCH64EB__
#include "backend_armce.c"
