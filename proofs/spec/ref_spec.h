/* SPDX-License-Identifier: Apache-2.0 OR MIT */
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

#endif /* VXTS_REF_SPEC_H */
