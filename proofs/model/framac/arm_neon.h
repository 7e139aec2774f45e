/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * <arm_neon.h> for Frama-C (which cannot parse the compiler's): the model
 * of proofs/model/vxts_neon.h. A kernel proof adds -Iproofs/model/framac
 * to the preprocessor flags and leaves src/backend_armce.c as it is.
 * Never on a compiler's include path (it would hide the real intrinsics).
 */
#ifndef __FRAMAC__
#error "proofs/model/framac/arm_neon.h is for Frama-C only"
#endif
#include "../vxts_neon.h"
