/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Memory safety of the VAES kernels' data entries (proofs/prove.sh, runs
 * x86-mem-vaes512, x86-mem-vaes256; issue #12 item 2): the backend's four
 * entries made by X86_DATA_ENTRY_POINTS (encrypt/decrypt_blocks,
 * encrypt/decrypt_sectors), exactly as compiled (its source file is
 * included here, with proofs/model as <immintrin.h>), have no run-time
 * error and touch only what kernel_spec.h's contracts allow: every load
 * reads inside [in, in + 16n), the context *k or the kernel's own stack
 * buffers (the model's loads require \valid_read of exactly the bytes they
 * read, a masked load only of the qwords its mask enables), every store
 * writes inside [out, out + 16n), the 16 tweak bytes (blocks entries) or
 * the kernel's stack buffers; in == out allowed. The assigns clauses are
 * kernel_spec.h's (WP checks the locations, not the \from dependencies).
 * These runs prove memory safety and assigns ONLY, not the output bytes
 * (XB_E/XB_D). Trusted: the intrinsics model (checked against the CPU by
 * `make check-model`). The helpers' contracts and loop annotations are in
 * the backend's source and in src/aes_x86.h.
 * One backend per run: -DX86_MEM_VAES512 or -DX86_MEM_VAES256.
 */
#include "backend.h"
#include "aes_x86_spec.h"

/* A lemma the vaes256 run uses, proved in run x86-mem-lemmas. vaes256's y_tail:
 * the leftover count is odd when its low bit is set (the provers have no bit
 * reasoning; WP's range tactic enumerates x). */
/*@ lemma x86_mem_odd: \forall integer x; 0 <= x <= 15 ==> (x & 1) != 0 ==> x % 2 == 1; */

/* kernel_spec.h's requires and assigns of vxts_kernel_{en,de}crypt_blocks
 * (nblocks is the entry's n) and of vxts_kernel_{en,de}crypt_sectors
 * (sector_blocks is nb, first_sector is first). */
#define X86_MEM_BLOCKS_CONTRACT KERNEL_BLOCKS_FRAME(k, out, in, n, tweak)
#define X86_MEM_SECTORS_CONTRACT KERNEL_SECTORS_FRAME(k, out, in, nsectors, nb, first)
#define X86_MEM_BLOCKS_ARGS const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t tweak[16]
#define X86_MEM_SECTORS_ARGS \
    const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors, size_t nb, uint64_t first

#if defined(X86_MEM_VAES512)
/*@ X86_MEM_BLOCKS_CONTRACT */ static void vaes512_encrypt_blocks(X86_MEM_BLOCKS_ARGS);
/*@ X86_MEM_BLOCKS_CONTRACT */ static void vaes512_decrypt_blocks(X86_MEM_BLOCKS_ARGS);
/*@ X86_MEM_SECTORS_CONTRACT */ static void vaes512_encrypt_sectors(X86_MEM_SECTORS_ARGS);
/*@ X86_MEM_SECTORS_CONTRACT */ static void vaes512_decrypt_sectors(X86_MEM_SECTORS_ARGS);
#include "backend_vaes512.c"
#elif defined(X86_MEM_VAES256)
/*@ X86_MEM_BLOCKS_CONTRACT */ static void vaes256_encrypt_blocks(X86_MEM_BLOCKS_ARGS);
/*@ X86_MEM_BLOCKS_CONTRACT */ static void vaes256_decrypt_blocks(X86_MEM_BLOCKS_ARGS);
/*@ X86_MEM_SECTORS_CONTRACT */ static void vaes256_encrypt_sectors(X86_MEM_SECTORS_ARGS);
/*@ X86_MEM_SECTORS_CONTRACT */ static void vaes256_decrypt_sectors(X86_MEM_SECTORS_ARGS);
#include "backend_vaes256.c"
#else
#error "define X86_MEM_VAES512 or X86_MEM_VAES256"
#endif
