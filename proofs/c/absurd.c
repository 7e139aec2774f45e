/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Sanity check of the spec's axioms (proofs/prove.sh, "sanity"): with every
 * spec header in scope, lemma absurd must not be provable. Run twice, with xor
 * abstract and with xor defined (-DVXTS_SPEC_XOR). WP gives a goal only the
 * axioms of the blocks whose symbols it mentions, so `absurd` alone (no
 * symbol) would see none: its premise names a symbol of every group of
 * axioms, and a consistent spec satisfies it. One lemma: a second one would
 * have the first as a hypothesis. A third run adds the x86 AES link
 * (-DVXTS_X86_AES_LINK).
 */
#include <stdint.h>
#include "backend.h"
#include "api_spec.h"
#include "xts_lemmas.h"
#include "ref_spec.h"
#include "inverse.h"      /* D_inverts_E, the inverse theorem's axiom */
#ifdef VXTS_X86_AES_LINK  /* the x86 AES link and its model (-Iproofs/model/framac) */
#include "aes_x86_spec.h"
/* X86Keys, X86Chain, X86Last and X86AesLink (X86_CHAIN_IS_E). */
#define ABSURD_X86(k, x, rk) \
    X86_SCHEDULED{L1}(k, 16) && X86_ENCRYPT{L1}(rk, 16, 10, SPEC_A16(x), 0) == y11 && \
    X86_CHAIN{L1}(rk, 16, 2, SPEC_A16(x), 0) == y12 &&
#else
#define ABSURD_X86(k, x, rk)
#endif

/*@ lemma absurd{L1, L2}:
      \forall integer key, SPEC_P16(x), integer a, b, j, size, n, vxts_backend *be, vxts_key *k,
              uint8_t *rk, integer y1, y2, y3, y4, y5, y6, y7, y8, y9, y10, y11, y12;
      E(key, SPEC_A16(x), 0) == y1 && D(key, SPEC_A16(x), 0) == y2 &&   // E_range, D_range, D_inverts_E
      bx(a, b) == y3 &&                                                  // bx_range / bx_def
      AP(SPEC_A16(x), j, 0) == y4 &&                                     // AP_0, AP_S
      SECTOR_AT(size, n) == y5 &&                                        // SECTOR_AT_def
      BACKEND_NUMBER(be) == y6 && BACKEND_DESC(be) &&                    // BACKEND_NUMBER_*
      KEY1{L1}(k) == y7 && KEY2{L1}(k) == y8 && KEYED{L1}(be, k) &&      // KEY_frame, KEYED_frame
      ABSURD_X86(k, x, rk)
      KEY1{L2}(k) == y9 && KEY2{L2}(k) == y10 ==> \false;
*/
