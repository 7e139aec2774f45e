/*
 * What the proofs of ref/ref_xts.c assume about its AES, in ACSL. ACSL only;
 * included by ref_xts.c under __FRAMAC__.
 *
 * ref's block functions ref_aes_encrypt / ref_aes_decrypt are the abstract
 * E / D of the spec: their contracts (in ref_xts.c, properties named "aes")
 * say that the output is E / D under the key held in the key_len bytes at
 * `key`. Those two properties are trusted, not proved: the AES itself is
 * checked by the FIPS-197 vectors and by comparing every backend with ref.
 */
#ifndef VXTS_REF_SPEC_H
#define VXTS_REF_SPEC_H

#include "xts_spec.h"

/*@ axiomatic RefKeys {
      // The AES key given by the n bytes at p (n = 16 or 32). The bytes
      // are constant during a call of ref and apart from everything it
      // writes (its preconditions), so naming the key by where it lies is
      // enough.
      logic integer KEYAT(uint8_t *p, integer n);
    }
*/

/* ---- added by ref ---- */
#ifdef VXTS_SPEC_XOR
/*@
  // bx_def with the xor's operands the other way round: a theorem (WP
  // proves it: '^' is commutative), needed because WP normalizes the order
  // of '^' operands in goals and the provers have no commutativity for it.
  lemma bx_swap: \forall integer a, b; bx(b, a) == (uint8_t)(a ^ b);
*/
#endif

/*
 * ref's own lemmas (-DVXTS_REF_LEMMAS; proved in the ref-lemmas run,
 * proofs/c/ref_lemmas.c, from the spec's lemmas): XTS_ENC_T / XTS_DEC_T
 * unfolded in the two cases that xts_enc / xts_dec meet, and what the
 * stealing blocks read, so that their proofs need neither unfold them nor
 * the whole lemma set of xts_lemmas.h.
 */
#ifdef VXTS_REF_LEMMAS
/*@
  // Byte n of a block before any stealing: byte n % 16 of block n / 16.
  lemma ref_XTS_ENC_T_blocks{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    (len % 16 == 0 || n < 16 * (len / 16 - 1)) ==>
    XTS_ENC_T{L}(key, in, o, len, SPEC_A16(t), n) == XB_E{L}(key, in, o, SPEC_A16(t), n / 16, n % 16);
  lemma ref_XTS_DEC_T_blocks{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    (len % 16 == 0 || n < 16 * (len / 16 - 1)) ==>
    XTS_DEC_T{L}(key, in, o, len, SPEC_A16(t), n) == XB_D{L}(key, in, o, SPEC_A16(t), n / 16, n % 16);
  // Byte n of the last two blocks when the last one is partial.
  lemma ref_XTS_ENC_T_steal{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    len % 16 != 0 && 16 * (len / 16 - 1) <= n ==>
    XTS_ENC_T{L}(key, in, o, len, SPEC_A16(t), n) ==
    STEAL_E{L}(key, in, o + 16 * (len / 16 - 1), SPEC_F16(AP, SPEC_A16(t), len / 16 - 1), len % 16,
               n - 16 * (len / 16 - 1));
  lemma ref_XTS_DEC_T_steal{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    len % 16 != 0 && 16 * (len / 16 - 1) <= n ==>
    XTS_DEC_T{L}(key, in, o, len, SPEC_A16(t), n) ==
    STEAL_D{L}(key, in, o + 16 * (len / 16 - 1), SPEC_F16(AP, SPEC_A16(t), len / 16 - 1), len % 16,
               n - 16 * (len / 16 - 1));
  // The stealing blocks depend only on their 16 + r bytes (as STEAL_E_reads
  // and STEAL_D_reads of xts_lemmas.h, which prove them).
  lemma ref_STEAL_E_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_E{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_E{L2}(key, in, o, SPEC_A16(t), r, b);
  lemma ref_STEAL_D_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_D{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_D{L2}(key, in, o, SPEC_A16(t), r, b);
*/
#endif

#endif /* VXTS_REF_SPEC_H */
