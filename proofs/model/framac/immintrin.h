/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * <immintrin.h> for Frama-C (which cannot parse the compiler's): the model
 * of proofs/model/vxts_intrin.h. A kernel proof adds -Iproofs/model/framac
 * to the preprocessor flags and leaves the backend source as it is; with it
 * src/backend_aesni.c, backend_vaes256.c and backend_vaes512.c parse.
 * Never on a compiler's include path (it would hide the real intrinsics).
 */
#ifndef __FRAMAC__
#error "proofs/model/framac/immintrin.h is for Frama-C only"
#endif
/* Frama-C 25 rejects _Alignas; WP's memory models have no alignment, so
 * dropping it removes nothing a proof can use. */
#define _Alignas(n)
#include "../vxts_intrin.h"
