/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The trusted AES link of the x86 kernels (aesni, vaes256, vaes512), stated
 * once: the chain of AES round instructions over the round keys that the x86
 * key setup stores (the layout of src/aes_x86.h) computes the block cipher E
 * of the spec under the context's key. Read only by Frama-C (src/aes_x86.h
 * includes it under __FRAMAC__); the axiom is in scope only in the runs that
 * define VXTS_X86_AES_LINK (proofs/prove.sh: x86-tweak).
 *
 * The round functions are the intrinsics model's (proofs/model/vxts_intrin.h:
 * VXM_AESENC, VXM_AESENCLAST over the FIPS-197 S-box and MixColumns, checked
 * against the CPU by `make check-model`).
 */
#ifndef VXTS_AES_X86_SPEC_H
#define VXTS_AES_X86_SPEC_H

#include <immintrin.h> /* the model (VXM_AESENC, ...): -Iproofs/model/framac */
#include "kernel_spec.h"

/*@
  axiomatic X86Chain {
    // Byte b of the AES state once the round keys 0 .. n - 1 (n >= 1) are
    // used, in the round-instruction chain on the block x, with round key i
    // at rk + ks * i: AddRoundKey with rk0 (FIPS-197 §5.1), then one AESENC
    // (a full round; the instruction xors its round key last) per key.
    // Defined by its two cases (a recursive definition would unfold without
    // end in the provers; these axioms fire only on n = 1 and on n + 1).
    logic integer X86_CHAIN{L}(uint8_t *rk, integer ks, integer n, SPEC_P16(x), integer b)
      reads rk[0 .. ks * n + 15];
    axiom X86_CHAIN_first{L}: \forall uint8_t *rk, integer ks, SPEC_P16(x), integer b;
      X86_CHAIN{L}(rk, ks, 1, SPEC_A16(x), b) == bx(sel16(SPEC_A16(x), b), rk[b]);
    axiom X86_CHAIN_next{L}: \forall uint8_t *rk, integer ks, integer n, SPEC_P16(x), integer b;
      n >= 1 ==> X86_CHAIN{L}(rk, ks, n + 1, SPEC_A16(x), b) ==
        bx(VXM_AESENC(SPEC_F16(X86_CHAIN{L}, rk, ks, n, SPEC_A16(x)), b), rk[ks * n + b]);
    // Byte b of the whole cipher of nr rounds (defined in X86Last).
    logic integer X86_ENCRYPT{L}(uint8_t *rk, integer ks, integer nr, SPEC_P16(x), integer b)
      reads rk[0 .. ks * nr + 15];
  }
  // X86_ENCRYPT: the chain over the round keys 0 .. nr - 1, then AESENCLAST
  // (no MixColumns, FIPS-197 §5.1) with rk_nr. Apart, and through X86_LAST,
  // so that only proofs that name X86_LAST have this definition: in the
  // others, the provers would unfold the S-box table (256 cases per byte)
  // for nothing and time out.
  axiomatic X86Last {
    logic integer X86_LAST{L}(uint8_t *rk, integer ks, integer nr, SPEC_P16(x), integer b) =
      bx(VXM_AESENCLAST(SPEC_F16(X86_CHAIN{L}, rk, ks, nr, SPEC_A16(x)), b), rk[ks * nr + b]);
    axiom X86_ENCRYPT_def{L}: \forall uint8_t *rk, integer ks, integer nr, SPEC_P16(x), integer b;
      X86_ENCRYPT{L}(rk, ks, nr, SPEC_A16(x), b) == X86_LAST{L}(rk, ks, nr, SPEC_A16(x), b);
  }

  // Context k's schedule is what the setup of the x86 backend whose round
  // keys lie ks bytes apart (aesni 16, vaes256 32, vaes512 64) wrote: that
  // setup ensures KEYED (kernel_spec.h), and the mode layer carries it to
  // every kernel call (kernel_buffers, the encrypt_tweak contract).
  // Definitions in axiom form, by cases: as a defined predicate over one
  // conditional term, the provers could not use it with X86_CHAIN_IS_E.
  axiomatic X86Keys {
    logic vxts_backend *X86_BACKEND(integer ks);
    axiom X86_BACKEND_aesni: X86_BACKEND(16) == (vxts_backend *)&vxts_backend_aesni;
    axiom X86_BACKEND_vaes256: X86_BACKEND(32) == (vxts_backend *)&vxts_backend_vaes256;
    axiom X86_BACKEND_vaes512: X86_BACKEND(64) == (vxts_backend *)&vxts_backend_vaes512;
    // (It reads the schedule's bytes too: X86_CHAIN_IS_E's trigger must bind them.)
    predicate X86_SCHEDULED{L}(vxts_key *k, integer ks)
      reads k->rounds, k->half_key_bytes, k->schedule.bytes[0 .. VXTS_SCHEDULE_BYTES - 1],
            k->schedule.words[0 .. VXTS_SCHEDULE_BYTES / 8 - 1];
    axiom X86_SCHEDULED_def{L}: \forall vxts_key *k, integer ks;
      X86_SCHEDULED{L}(k, ks) <==> KEYED{L}(X86_BACKEND(ks), k);
  }
*/

#ifdef VXTS_X86_AES_LINK
/*@ axiomatic X86AesLink {
      // THE TRUSTED LINK (issue #12, "the chain of AES round instructions over
      // the expanded schedule of K computes E(K, .)"): in a context the x86
      // setup wrote, the round count is FIPS-197's 10 or 14, and the chain
      // over the Key2 round keys (slot X86_ENC2) computes E under KEY2(k),
      // byte for byte, for every block.
      axiom X86_CHAIN_IS_E{L}: \forall vxts_key *k, integer ks;
        X86_SCHEDULED{L}(k, ks) ==>
          (k->rounds == 10 || k->rounds == 14) &&
          \forall SPEC_P16(x), integer b; 0 <= b < 16 ==>
            X86_ENCRYPT{L}((uint8_t *)k->schedule.bytes + 30 * ks, ks, k->rounds, SPEC_A16(x), b) ==
            E(KEY2{L}(k), SPEC_A16(x), b);
    }
*/
#endif

/* The contracts of the x86 tweak encryption (src/aes_x86.h), proved in the
 * x86-tweak-* runs. */

/* T <- the chain of nr rounds over the round keys at rk, ks bytes apart. */
/*@ requires 1 <= nr <= 14 && 16 <= ks <= 64;
    requires \valid_read(rk + (0 .. ks * nr + 15)) && \valid(tweak + (0 .. 15));
    requires \separated(tweak + (0 .. 15), rk + (0 .. ks * nr + 15));
    assigns tweak[0 .. 15] \from tweak[0 .. 15], rk[0 .. ks * nr + 15];
    ensures \forall integer b; 0 <= b < 16 ==>
      tweak[b] == \old(X86_ENCRYPT(rk, ks, nr, SPEC_M16(tweak, 0), b));
*/
static inline void x_encrypt_tweak(const uint8_t *rk, int nr, unsigned ks, uint8_t tweak[16]);

/* T <- E_K2(T) (kernel_spec.h's contract, for a context the x86 setup wrote). */
/*@ requires \valid_read(k) && \valid(tweak + (0 .. 15)) && \separated(tweak + (0 .. 15), k);
    requires ks == 16 || ks == 32 || ks == 64;
    requires X86_SCHEDULED(k, ks);
    assigns tweak[0 .. 15] \from tweak[0 .. 15], *k;
    ensures T: \forall integer b; 0 <= b < 16 ==> tweak[b] == E(KEY2(k), SPEC_OLD16(tweak), b);
*/
static inline void x86_encrypt_tweak(const vxts_key *k, unsigned ks, uint8_t tweak[16]);

#endif /* VXTS_AES_X86_SPEC_H */
