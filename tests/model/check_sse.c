/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * CPU check, 128-bit intrinsics (the aesni backend's and the xmm helpers of
 * vaes256/vaes512): compiled with -maes -mpclmul -msse4.1 only.
 * Operands: a = in[0..], b = in[64..]; results are stored as bytes.
 */
#include <immintrin.h>
#include "check.h"
#include "vxts_intrin.h"

static vxm128 m128(const uint8_t *p) { vxm128 v; memcpy(v.b, p, 16); return v; }
static __m128i r128(const uint8_t *p) { return _mm_loadu_si128((const __m128i *)(const void *)p); }
static void om128(uint8_t *o, vxm128 v) { memcpy(o, v.b, 16); }
static void o128(uint8_t *o, __m128i v) { _mm_storeu_si128((__m128i *)(void *)o, v); }

CHECK_BIN(_mm_xor_si128, 128)
CHECK_BIN(_mm_and_si128, 128)
CHECK_BIN(_mm_add_epi64, 128)
CHECK_BIN(_mm_sll_epi64, 128)
CHECK_BIN(_mm_srl_epi64, 128)
CHECK_BIN(_mm_aesenc_si128, 128)
CHECK_BIN(_mm_aesenclast_si128, 128)
CHECK_BIN(_mm_aesdec_si128, 128)
CHECK_BIN(_mm_aesdeclast_si128, 128)
CHECK_UN(_mm_move_epi64, 128, 128)
CHECK_UN(_mm_aesimc_si128, 128, 128)
CHECK_IMM1(_mm_slli_si128, 128)
CHECK_IMM1(_mm_srli_si128, 128)
CHECK_IMM1(_mm_shuffle_epi32, 128)
CHECK_IMM1(_mm_slli_epi64, 128)
CHECK_IMM1(_mm_srai_epi32, 128)
CHECK_IMM1(_mm_aeskeygenassist_si128, 128)
CHECK_IMM2(_mm_clmulepi64_si128, 128)

CHECK_ZERO(_mm_setzero_si128, 128)

static void mdl__mm_cvtsi32_si128(const struct trial *t, uint8_t *o) { om128(o, vxm_mm_cvtsi32_si128(in_i32(t->in))); }
static void cpu__mm_cvtsi32_si128(const struct trial *t, uint8_t *o) { o128(o, _mm_cvtsi32_si128(in_i32(t->in))); }
static void mdl__mm_set_epi32(const struct trial *t, uint8_t *o)
{
    om128(o, vxm_mm_set_epi32(in_i32(t->in), in_i32(t->in + 4), in_i32(t->in + 8), in_i32(t->in + 12)));
}
static void cpu__mm_set_epi32(const struct trial *t, uint8_t *o)
{
    o128(o, _mm_set_epi32(in_i32(t->in), in_i32(t->in + 4), in_i32(t->in + 8), in_i32(t->in + 12)));
}
static void mdl__mm_set_epi64x(const struct trial *t, uint8_t *o) { om128(o, vxm_mm_set_epi64x(in_i64(t->in), in_i64(t->in + 8))); }
static void cpu__mm_set_epi64x(const struct trial *t, uint8_t *o) { o128(o, _mm_set_epi64x(in_i64(t->in), in_i64(t->in + 8))); }

/* Loads from any offset (loadu) or a 16-byte aligned one (load). */
static void mdl__mm_loadu_si128(const struct trial *t, uint8_t *o)
{
    om128(o, vxm_mm_loadu_si128((const vxm128 *)(const void *)(t->in + t->imm % 48)));
}
static void cpu__mm_loadu_si128(const struct trial *t, uint8_t *o)
{
    o128(o, _mm_loadu_si128((const __m128i *)(const void *)(t->in + t->imm % 48)));
}
static void mdl__mm_load_si128(const struct trial *t, uint8_t *o)
{
    om128(o, vxm_mm_load_si128((const vxm128 *)(const void *)(t->in + 16 * (t->imm % 3))));
}
static void cpu__mm_load_si128(const struct trial *t, uint8_t *o)
{
    o128(o, _mm_load_si128((const __m128i *)(const void *)(t->in + 16 * (t->imm % 3))));
}
/* Stores into a 64-byte window holding random bytes: the whole window is
 * compared, so a byte written outside the 16 shows. */
static void mdl__mm_storeu_si128(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 64);
    vxm_mm_storeu_si128((vxm128 *)(void *)(o + t->imm % 48), m128(t->in));
}
static void cpu__mm_storeu_si128(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 64);
    _mm_storeu_si128((__m128i *)(void *)(o + t->imm % 48), r128(t->in));
}
static void mdl__mm_store_si128(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 64);
    vxm_mm_store_si128((vxm128 *)(void *)(o + 16 * (t->imm % 3)), m128(t->in));
}
static void cpu__mm_store_si128(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 64);
    _mm_store_si128((__m128i *)(void *)(o + 16 * (t->imm % 3)), r128(t->in));
}

#define E CHECK_ENTRY
const struct model_check checks_sse[] = {
    E(_mm_xor_si128, 0, 16, 0)
    E(_mm_and_si128, 0, 16, 0)
    E(_mm_add_epi64, 0, 16, 0)
    E(_mm_sll_epi64, 0, 16, prepare_counts)
    E(_mm_srl_epi64, 0, 16, prepare_counts)
    E(_mm_move_epi64, 0, 16, 0)
    E(_mm_slli_si128, 0, 16, 0)
    E(_mm_srli_si128, 0, 16, 0)
    E(_mm_shuffle_epi32, 0, 16, 0)
    E(_mm_slli_epi64, 0, 16, prepare_imm_count)
    E(_mm_srai_epi32, 0, 16, prepare_imm_count)
    E(_mm_setzero_si128, 0, 16, 0)
    E(_mm_cvtsi32_si128, 0, 16, 0)
    E(_mm_set_epi32, 0, 16, 0)
    E(_mm_set_epi64x, 0, 16, 0)
    E(_mm_loadu_si128, 0, 16, 0)
    E(_mm_load_si128, 0, 16, 0)
    E(_mm_storeu_si128, 0, 64, 0)
    E(_mm_store_si128, 0, 64, 0)
    E(_mm_aesenc_si128, NEED_AES, 16, 0)
    E(_mm_aesenclast_si128, NEED_AES, 16, 0)
    E(_mm_aesdec_si128, NEED_AES, 16, 0)
    E(_mm_aesdeclast_si128, NEED_AES, 16, 0)
    E(_mm_aesimc_si128, NEED_AES, 16, 0)
    E(_mm_aeskeygenassist_si128, NEED_AES, 16, 0)
    E(_mm_clmulepi64_si128, NEED_PCLMUL, 16, 0)
};
const int n_checks_sse = (int)(sizeof checks_sse / sizeof checks_sse[0]);
