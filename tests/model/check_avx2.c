/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * CPU check, 256-bit intrinsics (the vaes256 backend): compiled with the
 * vaes256 flags only (-mavx2 -maes -mvaes -mpclmul -mvpclmulqdq).
 */
#include <immintrin.h>
#include "check.h"
#include "vxts_intrin.h"

static vxm128 m128(const uint8_t *p) { vxm128 v; memcpy(v.b, p, 16); return v; }
static __m128i r128(const uint8_t *p) { return _mm_loadu_si128((const __m128i *)(const void *)p); }
static void om128(uint8_t *o, vxm128 v) { memcpy(o, v.b, 16); }
static void o128(uint8_t *o, __m128i v) { _mm_storeu_si128((__m128i *)(void *)o, v); }
static vxm256 m256(const uint8_t *p) { vxm256 v; memcpy(v.b, p, 32); return v; }
static __m256i r256(const uint8_t *p) { return _mm256_loadu_si256((const __m256i *)(const void *)p); }
static void om256(uint8_t *o, vxm256 v) { memcpy(o, v.b, 32); }
static void o256(uint8_t *o, __m256i v) { _mm256_storeu_si256((__m256i *)(void *)o, v); }

CHECK_BIN(_mm256_xor_si256, 256)
CHECK_BIN(_mm256_add_epi64, 256)
CHECK_BIN(_mm256_sub_epi64, 256)
CHECK_BIN(_mm256_sllv_epi64, 256)
CHECK_BIN(_mm256_srlv_epi64, 256)
CHECK_BIN(_mm256_aesenc_epi128, 256)
CHECK_BIN(_mm256_aesenclast_epi128, 256)
CHECK_BIN(_mm256_aesdec_epi128, 256)
CHECK_BIN(_mm256_aesdeclast_epi128, 256)
CHECK_UN(_mm256_castsi256_si128, 256, 128)
CHECK_UN(_mm256_broadcastsi128_si256, 128, 256)
CHECK_IMM1(_mm256_bslli_epi128, 256)
CHECK_IMM1(_mm256_bsrli_epi128, 256)
CHECK_IMM1(_mm256_shuffle_epi32, 256)
CHECK_IMM1(_mm256_slli_epi64, 256)
CHECK_IMM2(_mm256_clmulepi64_epi128, 256)
CHECK_ZERO(_mm256_setzero_si256, 256)

static void mdl__mm256_set1_epi64x(const struct trial *t, uint8_t *o) { om256(o, vxm_mm256_set1_epi64x(in_i64(t->in))); }
static void cpu__mm256_set1_epi64x(const struct trial *t, uint8_t *o) { o256(o, _mm256_set1_epi64x(in_i64(t->in))); }
static void mdl__mm256_set_epi64x(const struct trial *t, uint8_t *o)
{
    om256(o, vxm_mm256_set_epi64x(in_i64(t->in), in_i64(t->in + 8), in_i64(t->in + 16), in_i64(t->in + 24)));
}
static void cpu__mm256_set_epi64x(const struct trial *t, uint8_t *o)
{
    o256(o, _mm256_set_epi64x(in_i64(t->in), in_i64(t->in + 8), in_i64(t->in + 16), in_i64(t->in + 24)));
}
static void mdl__mm256_loadu_si256(const struct trial *t, uint8_t *o)
{
    om256(o, vxm_mm256_loadu_si256((const vxm256 *)(const void *)(t->in + t->imm % 32)));
}
static void cpu__mm256_loadu_si256(const struct trial *t, uint8_t *o)
{
    o256(o, _mm256_loadu_si256((const __m256i *)(const void *)(t->in + t->imm % 32)));
}
/* Stores into a 64-byte window of random bytes, all compared. */
static void mdl__mm256_storeu_si256(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 64);
    vxm_mm256_storeu_si256((vxm256 *)(void *)(o + t->imm % 32), m256(t->in));
}
static void cpu__mm256_storeu_si256(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 64);
    _mm256_storeu_si256((__m256i *)(void *)(o + t->imm % 32), r256(t->in));
}
static void mdl__mm256_store_si256(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 64);
    vxm_mm256_store_si256((vxm256 *)(void *)(o + 32 * (t->imm % 2)), m256(t->in));
}
static void cpu__mm256_store_si256(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 64);
    _mm256_store_si256((__m256i *)(void *)(o + 32 * (t->imm % 2)), r256(t->in));
}

#define E CHECK_ENTRY
const struct model_check checks_avx2[] = {
    E(_mm256_xor_si256, NEED_AVX2, 32, 0)
    E(_mm256_add_epi64, NEED_AVX2, 32, 0)
    E(_mm256_sub_epi64, NEED_AVX2, 32, 0)
    E(_mm256_sllv_epi64, NEED_AVX2, 32, prepare_counts)
    E(_mm256_srlv_epi64, NEED_AVX2, 32, prepare_counts)
    E(_mm256_castsi256_si128, NEED_AVX2, 16, 0)
    E(_mm256_broadcastsi128_si256, NEED_AVX2, 32, 0)
    E(_mm256_bslli_epi128, NEED_AVX2, 32, 0)
    E(_mm256_bsrli_epi128, NEED_AVX2, 32, 0)
    E(_mm256_shuffle_epi32, NEED_AVX2, 32, 0)
    E(_mm256_slli_epi64, NEED_AVX2, 32, prepare_imm_count)
    E(_mm256_setzero_si256, NEED_AVX2, 32, 0)
    E(_mm256_set1_epi64x, NEED_AVX2, 32, 0)
    E(_mm256_set_epi64x, NEED_AVX2, 32, 0)
    E(_mm256_loadu_si256, NEED_AVX2, 32, 0)
    E(_mm256_storeu_si256, NEED_AVX2, 64, 0)
    E(_mm256_store_si256, NEED_AVX2, 64, 0)
    E(_mm256_aesenc_epi128, NEED_AVX2 | NEED_VAES, 32, 0)
    E(_mm256_aesenclast_epi128, NEED_AVX2 | NEED_VAES, 32, 0)
    E(_mm256_aesdec_epi128, NEED_AVX2 | NEED_VAES, 32, 0)
    E(_mm256_aesdeclast_epi128, NEED_AVX2 | NEED_VAES, 32, 0)
    E(_mm256_clmulepi64_epi128, NEED_AVX2 | NEED_VPCLMUL, 32, 0)
};
const int n_checks_avx2 = (int)(sizeof checks_avx2 / sizeof checks_avx2[0]);
