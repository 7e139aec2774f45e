/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The inverse theorem (proofs/spec/inverse.h): XTS decryption undoes XTS
 * encryption for every length, proved on its own (proofs/prove.sh, run
 * `inverse`), with bx defined (-DVXTS_SPEC_XOR).
 */
#include <stdint.h>
#include "inverse.h"
