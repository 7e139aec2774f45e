/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Sanity check of the spec's axioms (proofs/prove.sh, "sanity"): with every
 * spec header in scope, `absurd` must NOT be provable. Run twice, with xor
 * abstract and with xor defined (-DVXTS_SPEC_XOR).
 */
#include <stdint.h>
#include "backend.h"
#include "api_spec.h"
#include "xts_lemmas.h"
#include "ref_spec.h"
#include "inverse.h"      /* D_inverts_E, the inverse theorem's axiom */

/*@ lemma absurd: \false; */
