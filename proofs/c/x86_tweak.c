/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The x86 tweak encryption against the spec (proofs/prove.sh, runs
 * x86-tweak-aesni, x86-tweak-vaes256, x86-tweak-vaes512): the backend's
 * encrypt_tweak entry, exactly as compiled (its source file is included
 * here, with proofs/model as <immintrin.h>), meets the contract of
 * vxts_kernel_encrypt_tweak in proofs/spec/kernel_spec.h for a context the
 * x86 key setup keyed (CTX_KEYED, reached through its own backend's table):
 * tweak = E(KEY2(k), old tweak), only the 16 tweak bytes
 * written, only they and the context read. Trusted: the intrinsics model and
 * X86_CHAIN_IS_E (proofs/spec/aes_x86_spec.h).
 * One backend per run: -DX86_TWEAK_AESNI, _VAES256 or _VAES512.
 */
#include "backend.h"
#include "aes_x86_spec.h"

/* The entry's contract: kernel_spec.h's, and the dispatch: the mode layer
 * reaches this entry only through the table of the context's own backend,
 * so k->backend is this backend (whose setup then keyed k: CTX_KEYED). */
#define X86_TWEAK_CONTRACT(desc)                                                                   \
    requires \valid_read(k) && CTX_KEYED(k) && \valid(tweak + (0 .. 15)) && \separated(tweak + (0 .. 15), k); \
    requires dispatch: k->backend == &desc;                                                         \
    assigns tweak[0 .. 15] \from tweak[0 .. 15], *k;                                                \
    ensures T: \forall integer b; 0 <= b < 16 ==> tweak[b] == E(KEY2(k), SPEC_OLD16(tweak), b);

#if defined(X86_TWEAK_AESNI)
/*@ X86_TWEAK_CONTRACT(vxts_backend_aesni) */
static void aesni_encrypt_tweak(const vxts_key *k, uint8_t tweak[16]);
#include "backend_aesni.c"
#elif defined(X86_TWEAK_VAES256)
/*@ X86_TWEAK_CONTRACT(vxts_backend_vaes256) */
static void vaes256_encrypt_tweak(const vxts_key *k, uint8_t tweak[16]);
#include "backend_vaes256.c"
#elif defined(X86_TWEAK_VAES512)
/*@ X86_TWEAK_CONTRACT(vxts_backend_vaes512) */
static void vaes512_encrypt_tweak(const vxts_key *k, uint8_t tweak[16]);
#include "backend_vaes512.c"
#else
#error "define X86_TWEAK_AESNI, X86_TWEAK_VAES256 or X86_TWEAK_VAES512"
#endif
