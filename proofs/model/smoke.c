/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Frama-C smoke test of the intrinsics model (proofs/prove.sh, run `model`):
 * the model header parses as a replacement of <immintrin.h>, WP proves the
 * contracts of the plain-C models below against their bodies, and callers
 * written like the kernels (byte pointers cast to __m128i *, a zero-masked
 * load of the last 1..4 blocks) prove against the contracts. A mask one
 * qword wider than the blocks there (MODEL_SMOKE_WIDE_MASK) fails its
 * precondition.
 */
#include <stdint.h>
#include "vxts_intrin.h"
#include "ref_spec.h"   /* bx_swap: bx_def with the operands swapped (run ref-lemmas) */

/* As the kernels load and store blocks. */
#define LOAD128(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define STORE128(p, v) _mm_storeu_si128((__m128i *)(void *)(p), (v))

/* out = in xor k, one block, out == in allowed. */
/*@ requires \valid_read(in + (0 .. 15)) && \valid(out + (0 .. 15)) && \valid_read(k + (0 .. 15));
    requires in == out || \separated(in + (0 .. 15), out + (0 .. 15));
    requires \separated(out + (0 .. 15), k + (0 .. 15));
    assigns out[0 .. 15];
    ensures \forall integer i; 0 <= i < 16 ==> out[i] == bx(\old(in[i]), k[i]);
*/
void xor_block(uint8_t *out, const uint8_t *in, const uint8_t *k)
{
    STORE128(out, _mm_xor_si128(LOAD128(in), LOAD128(k)));
}

/* The last n (1..4) blocks of a vector, as the vaes512 kernel loads them:
 * 2 mask bits (qwords) per block; the bytes past them are not read. */
/*@ requires 1 <= n <= 4 && \valid_read(in + (0 .. 16 * n - 1));
    assigns \nothing;
    ensures \forall integer i; 0 <= i < 64 ==> \result.b[i] == (i < 16 * n ? in[i] : 0);
*/
__m512i load_tail(const uint8_t *in, int n)
{
#ifdef MODEL_SMOKE_WIDE_MASK
    __mmask8 m = n == 1 ? 0x07 : n == 2 ? 0x1f : n == 3 ? 0x7f : 0xff;   /* one qword too many */
#else
    __mmask8 m = n == 1 ? 0x03 : n == 2 ? 0x0f : n == 3 ? 0x3f : 0xff;
#endif
    return _mm512_maskz_loadu_epi64(m, in);
}

/* And stores them: only out[0 .. 16 n - 1] changes. */
/*@ requires 1 <= n <= 4 && \valid(out + (0 .. 16 * n - 1));
    assigns out[0 .. 16 * n - 1];
    ensures \forall integer i; 0 <= i < 16 * n ==> out[i] == v.b[i];
*/
void store_tail(uint8_t *out, int n, __m512i v)
{
    __mmask8 m = n == 1 ? 0x03 : n == 2 ? 0x0f : n == 3 ? 0x3f : 0xff;
    _mm512_mask_storeu_epi64(out, m, v);
}
