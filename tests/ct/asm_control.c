/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * asm_control — negative controls for tests/ct/asm_branches.py: each function
 * here branches on, or indexes memory with, a value derived from data loaded
 * into vector registers, the way a careless SIMD kernel could. The analysis
 * must flag every one of them (asm_branches.py --control). Compiled with the
 * vaes512 backend's ISA flags at the shipped optimisation level; never linked
 * into anything.
 */
#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

int ctl_ptest_branch(const uint8_t *in, uint8_t *out);
int ctl_movemask_branch(const uint8_t *in, uint8_t *out);
uint8_t ctl_lane_index(const uint8_t *in, const uint8_t *table);
int ctl_kmask_branch(const uint8_t *in, uint8_t *out);
int ctl_spilled_lane_branch(const uint8_t *in, uint8_t *out, size_t n);

/* PTEST sets ZF from secret data; the branch leaks whether the block is zero. */
int ctl_ptest_branch(const uint8_t *in, uint8_t *out)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)in);
    if (_mm_testz_si128(x, x)) {
        out[0] = 1;
        return 1;
    }
    _mm_storeu_si128((__m128i *)(void *)out, _mm_aesenc_si128(x, x));
    return 0;
}

/* PMOVMSKB moves secret bits into a general register, then a branch. */
int ctl_movemask_branch(const uint8_t *in, uint8_t *out)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)in);
    int m = _mm_movemask_epi8(x);
    if (m & 0x80) {
        out[1] = 2;
        return 2;
    }
    out[2] = 3;
    return 3;
}

/* A secret lane used as a table index (a cache-timing leak). */
uint8_t ctl_lane_index(const uint8_t *in, const uint8_t *table)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)in);
    x = _mm_aesenc_si128(x, x);
    return table[(unsigned)_mm_extract_epi8(x, 3)];
}

/* AVX-512 compare into a mask register, KORTEST, branch. */
int ctl_kmask_branch(const uint8_t *in, uint8_t *out)
{
    __m512i x = _mm512_loadu_si512((const void *)in);
    __mmask64 k = _mm512_cmpeq_epi8_mask(x, _mm512_setzero_si512());
    if (k == 0) {
        out[3] = 4;
        return 4;
    }
    _mm512_storeu_si512((void *)out, _mm512_xor_si512(x, x));
    return 0;
}

/* A secret lane moved to a general register, kept across a loop, then used
 * as an index. */
int ctl_spilled_lane_branch(const uint8_t *in, uint8_t *out, size_t n)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)in);
    long long lane = _mm_cvtsi128_si64(x);
    size_t i;
    for (i = 0; i < n; i++) {
        x = _mm_aesenc_si128(x, x);
        _mm_storeu_si128((__m128i *)(void *)(out + 16 * i), x);
    }
    return out[(size_t)lane & 15];
}
