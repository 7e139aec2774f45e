/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * CPU check, 512-bit intrinsics (the vaes512 backend): compiled with the
 * vaes512 flags only. The masked load and store also run at the end of a
 * page followed by an inaccessible one, with the qwords beyond the page
 * masked off: neither the instruction nor the model may touch them.
 */
#include <immintrin.h>
#include "check.h"
#include "vxts_intrin.h"

static vxm128 m128(const uint8_t *p) { vxm128 v; memcpy(v.b, p, 16); return v; }
static __m128i r128(const uint8_t *p) { return _mm_loadu_si128((const __m128i *)(const void *)p); }
static void om128(uint8_t *o, vxm128 v) { memcpy(o, v.b, 16); }
static void o128(uint8_t *o, __m128i v) { _mm_storeu_si128((__m128i *)(void *)o, v); }
static vxm512 m512(const uint8_t *p) { vxm512 v; memcpy(v.b, p, 64); return v; }
static __m512i r512(const uint8_t *p) { return _mm512_loadu_si512(p); }
static void om512(uint8_t *o, vxm512 v) { memcpy(o, v.b, 64); }
static void o512(uint8_t *o, __m512i v) { _mm512_storeu_si512(o, v); }

CHECK_BIN(_mm512_xor_si512, 512)
CHECK_BIN(_mm512_add_epi64, 512)
CHECK_BIN(_mm512_sub_epi64, 512)
CHECK_BIN(_mm512_sllv_epi64, 512)
CHECK_BIN(_mm512_srlv_epi64, 512)
CHECK_BIN(_mm512_unpackhi_epi32, 512)
CHECK_BIN(_mm512_unpackhi_epi64, 512)
CHECK_BIN(_mm512_aesenc_epi128, 512)
CHECK_BIN(_mm512_aesenclast_epi128, 512)
CHECK_BIN(_mm512_aesdec_epi128, 512)
CHECK_BIN(_mm512_aesdeclast_epi128, 512)
CHECK_UN(_mm512_castsi512_si128, 512, 128)
CHECK_UN(_mm512_broadcast_i32x4, 128, 512)
CHECK_IMM1(_mm512_bslli_epi128, 512)
CHECK_IMM1(_mm512_bsrli_epi128, 512)
CHECK_IMM1(_mm512_shuffle_epi32, 512)
CHECK_IMM1(_mm512_slli_epi64, 512)
CHECK_IMM1(_mm512_slli_epi32, 512)
CHECK_IMM1(_mm512_srli_epi32, 512)
CHECK_IMM3(_mm512_ternarylogic_epi32, 512)
CHECK_IMM3(_mm512_ternarylogic_epi64, 512)
CHECK_ZERO(_mm512_setzero_si512, 512)

static void mdl__mm512_set1_epi64(const struct trial *t, uint8_t *o) { om512(o, vxm_mm512_set1_epi64(in_i64(t->in))); }
static void cpu__mm512_set1_epi64(const struct trial *t, uint8_t *o) { o512(o, _mm512_set1_epi64(in_i64(t->in))); }
static void mdl__mm512_maskz_set1_epi64(const struct trial *t, uint8_t *o)
{
    om512(o, vxm_mm512_maskz_set1_epi64((vxm_mask8)t->mask, in_i64(t->in)));
}
static void cpu__mm512_maskz_set1_epi64(const struct trial *t, uint8_t *o)
{
    o512(o, _mm512_maskz_set1_epi64((__mmask8)t->mask, in_i64(t->in)));
}
#define I64X8(p) in_i64(p), in_i64(p + 8), in_i64(p + 16), in_i64(p + 24), in_i64(p + 32), in_i64(p + 40), \
    in_i64(p + 48), in_i64(p + 56)
static void mdl__mm512_set_epi64(const struct trial *t, uint8_t *o) { om512(o, vxm_mm512_set_epi64(I64X8(t->in))); }
static void cpu__mm512_set_epi64(const struct trial *t, uint8_t *o) { o512(o, _mm512_set_epi64(I64X8(t->in))); }
static void mdl__mm512_maskz_mov_epi64(const struct trial *t, uint8_t *o)
{
    om512(o, vxm_mm512_maskz_mov_epi64((vxm_mask8)t->mask, m512(t->in)));
}
static void cpu__mm512_maskz_mov_epi64(const struct trial *t, uint8_t *o)
{
    o512(o, _mm512_maskz_mov_epi64((__mmask8)t->mask, r512(t->in)));
}
static void mdl__mm512_mask_xor_epi32(const struct trial *t, uint8_t *o)
{
    om512(o, vxm_mm512_mask_xor_epi32(m512(t->in + 128), (vxm_mask16)t->mask, m512(t->in), m512(t->in + 64)));
}
static void cpu__mm512_mask_xor_epi32(const struct trial *t, uint8_t *o)
{
    o512(o, _mm512_mask_xor_epi32(r512(t->in + 128), (__mmask16)t->mask, r512(t->in), r512(t->in + 64)));
}
static void mdl__mm512_loadu_si512(const struct trial *t, uint8_t *o) { om512(o, vxm_mm512_loadu_si512(t->in + t->imm % 64)); }
static void cpu__mm512_loadu_si512(const struct trial *t, uint8_t *o) { o512(o, _mm512_loadu_si512(t->in + t->imm % 64)); }
/* Stores into a 128-byte window of random bytes, all compared. */
static void mdl__mm512_storeu_si512(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 128);
    vxm_mm512_storeu_si512(o + t->imm % 64, m512(t->in));
}
static void cpu__mm512_storeu_si512(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 128);
    _mm512_storeu_si512(o + t->imm % 64, r512(t->in));
}
static void mdl__mm512_store_si512(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 128);
    vxm_mm512_store_si512(o + 64 * (t->imm % 2), m512(t->in));
}
static void cpu__mm512_store_si512(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 128, 128);
    _mm512_store_si512(o + 64 * (t->imm % 2), r512(t->in));
}

/* Masked load / store at the page end: the window's last `off` qwords
 * (0..8, from imm) lie in the inaccessible page and are masked off. */
static uint8_t *edge_window(const struct trial *t, unsigned *mask)
{
    unsigned off = (unsigned)t->imm % 9;
    *mask = t->mask & ((1u << (8 - off)) - 1u);
    return t->edge_page + 4096 - 64 + 8 * off;
}
static void edge_fill(const struct trial *t, uint8_t *w, const uint8_t *bytes)
{
    memcpy(w, bytes, (size_t)(t->edge_page + 4096 - w));
}
static void mdl__mm512_maskz_loadu_epi64(const struct trial *t, uint8_t *o)
{
    unsigned m;
    uint8_t *w = edge_window(t, &m);
    edge_fill(t, w, t->in);
    om512(o, vxm_mm512_maskz_loadu_epi64((vxm_mask8)m, w));
}
static void cpu__mm512_maskz_loadu_epi64(const struct trial *t, uint8_t *o)
{
    unsigned m;
    uint8_t *w = edge_window(t, &m);
    edge_fill(t, w, t->in);
    o512(o, _mm512_maskz_loadu_epi64((__mmask8)m, w));
}
/* Output: the window's bytes inside the page after the store (the rest 0). */
static void mdl__mm512_mask_storeu_epi64(const struct trial *t, uint8_t *o)
{
    unsigned m;
    uint8_t *w = edge_window(t, &m);
    edge_fill(t, w, t->in + 128);
    vxm_mm512_mask_storeu_epi64(w, (vxm_mask8)m, m512(t->in));
    memset(o, 0, 64);
    memcpy(o, w, (size_t)(t->edge_page + 4096 - w));
}
static void cpu__mm512_mask_storeu_epi64(const struct trial *t, uint8_t *o)
{
    unsigned m;
    uint8_t *w = edge_window(t, &m);
    edge_fill(t, w, t->in + 128);
    _mm512_mask_storeu_epi64(w, (__mmask8)m, r512(t->in));
    memset(o, 0, 64);
    memcpy(o, w, (size_t)(t->edge_page + 4096 - w));
}

#define E CHECK_ENTRY
#define F NEED_AVX512F
const struct model_check checks_avx512[] = {
    E(_mm512_xor_si512, F, 64, 0)
    E(_mm512_add_epi64, F, 64, 0)
    E(_mm512_sub_epi64, F, 64, 0)
    E(_mm512_sllv_epi64, F, 64, prepare_counts)
    E(_mm512_srlv_epi64, F, 64, prepare_counts)
    E(_mm512_unpackhi_epi32, F, 64, 0)
    E(_mm512_unpackhi_epi64, F, 64, 0)
    E(_mm512_castsi512_si128, F, 16, 0)
    E(_mm512_broadcast_i32x4, F, 64, 0)
    E(_mm512_bslli_epi128, F | NEED_AVX512BW, 64, 0)
    E(_mm512_bsrli_epi128, F | NEED_AVX512BW, 64, 0)
    E(_mm512_shuffle_epi32, F, 64, 0)
    E(_mm512_slli_epi64, F, 64, prepare_imm_count)
    E(_mm512_slli_epi32, F, 64, prepare_imm_count)
    E(_mm512_srli_epi32, F, 64, prepare_imm_count)
    E(_mm512_ternarylogic_epi32, F, 64, 0)
    E(_mm512_ternarylogic_epi64, F, 64, 0)
    E(_mm512_setzero_si512, F, 64, 0)
    E(_mm512_set1_epi64, F, 64, 0)
    E(_mm512_maskz_set1_epi64, F, 64, 0)
    E(_mm512_set_epi64, F, 64, 0)
    E(_mm512_maskz_mov_epi64, F, 64, 0)
    E(_mm512_mask_xor_epi32, F, 64, 0)
    E(_mm512_loadu_si512, F, 64, 0)
    E(_mm512_storeu_si512, F, 128, 0)
    E(_mm512_store_si512, F, 128, 0)
    E(_mm512_maskz_loadu_epi64, F, 64, 0)
    E(_mm512_mask_storeu_epi64, F, 64, 0)
    E(_mm512_aesenc_epi128, F | NEED_VAES, 64, 0)
    E(_mm512_aesenclast_epi128, F | NEED_VAES, 64, 0)
    E(_mm512_aesdec_epi128, F | NEED_VAES, 64, 0)
    E(_mm512_aesdeclast_epi128, F | NEED_VAES, 64, 0)
};
const int n_checks_avx512 = (int)(sizeof checks_avx512 / sizeof checks_avx512[0]);
