/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * What the armce proofs trust about its key setup, stated once (the Arm side
 * of the key link, issue #14; so far only the round count). Read by Frama-C
 * only (proofs/c/arm_mem_armce.c). Not in prove.sh's sanity check: a
 * contradiction planted here was not found by its lemma (see REPORT.md).
 */
#ifndef VXTS_ARMCE_SPEC_H
#define VXTS_ARMCE_SPEC_H

#include "kernel_spec.h"

/*@ axiomatic ArmceRounds {
      // A context armce's setup keyed has FIPS-197's 10 or 14 rounds: that
      // setup requires rounds == AES_ROUNDS(16 or 32) (kernel_spec.h), and
      // KEYED reads the rounds.
      axiom ARMCE_ROUNDS{L}: \forall vxts_key *k;
        KEYED{L}((vxts_backend *)&vxts_backend_armce, k) ==> k->rounds == 10 || k->rounds == 14;
    }
*/

#endif
