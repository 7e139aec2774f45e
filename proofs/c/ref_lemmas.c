/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * ref's one lemma, bx_swap (proofs/spec/ref_spec.h, with -DVXTS_SPEC_XOR),
 * proved on its own (proofs/prove.sh, run ref-lemmas).
 */
#include <stdint.h>
#include "ref_spec.h"
