/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The CPU check of the intrinsics model (proofs/model/vxts_intrin.h): each
 * check runs the model and the real instruction on the same random inputs
 * and compares the outputs byte for byte. One table per ISA group, each
 * compiled with that group's flags only (check_sse.c, check_avx2.c,
 * check_avx512.c); check_model.c runs a group only where the CPU has it.
 */
#ifndef VXTS_MODEL_CHECK_H
#define VXTS_MODEL_CHECK_H

#include <stdint.h>
#include <string.h>

/* CPU features a check needs (all of them). */
enum {
    NEED_AES = 1, NEED_PCLMUL = 2, NEED_AVX2 = 4, NEED_VAES = 8, NEED_VPCLMUL = 16,
    NEED_AVX512F = 32, NEED_AVX512BW = 64
};

/* One trial's inputs: random bytes, a random immediate 0..255 and a random
 * mask; a guard page right after the page that holds `edge`. */
struct trial {
    _Alignas(64) uint8_t in[256];
    int imm;
    unsigned mask;
    uint8_t *edge_page;      /* 4096 bytes, readable and writable */
};

/* Runs model and CPU on one trial; writes each one's output bytes (n). */
typedef void (*run_fn)(const struct trial *t, uint8_t *out);
struct model_check {
    const char *name;
    unsigned need;
    run_fn model, cpu;
    int out_bytes;
    void (*prepare)(struct trial *t);   /* optional: bias the inputs */
};

extern const struct model_check checks_sse[], checks_avx2[], checks_avx512[];
extern const int n_checks_sse, n_checks_avx2, n_checks_avx512;

/* Immediates must be constants: F(N, i) for i = 0..255. */
#define REP4(F, N, b) F(N, (b)) F(N, (b) + 1) F(N, (b) + 2) F(N, (b) + 3)
#define REP16(F, N, b) REP4(F, N, (b)) REP4(F, N, (b) + 4) REP4(F, N, (b) + 8) REP4(F, N, (b) + 12)
#define REP256(F, N) REP16(F, N, 0) REP16(F, N, 16) REP16(F, N, 32) REP16(F, N, 48) \
    REP16(F, N, 64) REP16(F, N, 80) REP16(F, N, 96) REP16(F, N, 112) REP16(F, N, 128) \
    REP16(F, N, 144) REP16(F, N, 160) REP16(F, N, 176) REP16(F, N, 192) REP16(F, N, 208) \
    REP16(F, N, 224) REP16(F, N, 240)

/* Shift counts: a random 64-bit count is almost always > 63; make most of
 * them 0..71 (both sides of the limit). Count qwords at in[64..127]. */
static inline void prepare_counts(struct trial *t)
{
    for (int q = 64; q < 128; q += 8)
        if (t->in[q + 1] & 3) {
            memset(t->in + q + 1, 0, 7);
            t->in[q] %= 72;
        }
}
/* Immediate shift counts: mostly 0..71 too. */
static inline void prepare_imm_count(struct trial *t)
{
    if (t->mask & 3)
        t->imm %= 72;
}

/* Model and CPU runners by shape, for vectors of W bits; each ISA file
 * defines m<W> / r<W> (bytes -> model / real vector) and om<W> / o<W>
 * (model / real vector -> bytes). Operands: a = in[0..], b = in[64..],
 * c = in[128..]; imm = t->imm. */
#define RT128 __m128i
#define RT256 __m256i
#define RT512 __m512i
#define CHECK_BIN(N, W) \
    static void mdl_##N(const struct trial *t, uint8_t *o) { om##W(o, vxm##N(m##W(t->in), m##W(t->in + 64))); } \
    static void cpu_##N(const struct trial *t, uint8_t *o) { o##W(o, N(r##W(t->in), r##W(t->in + 64))); }
/* Unary, W bits in, RW bits out. */
#define CHECK_UN(N, W, RW) \
    static void mdl_##N(const struct trial *t, uint8_t *o) { om##RW(o, vxm##N(m##W(t->in))); } \
    static void cpu_##N(const struct trial *t, uint8_t *o) { o##RW(o, N(r##W(t->in))); }
#define CHECK_ZERO(N, W) \
    static void mdl_##N(const struct trial *t, uint8_t *o) { (void)t; om##W(o, vxm##N()); } \
    static void cpu_##N(const struct trial *t, uint8_t *o) { (void)t; o##W(o, N()); }
#define IMM1_CASE(N, i) case i: r = N(a, i); break;
#define CHECK_IMM1(N, W) \
    static void mdl_##N(const struct trial *t, uint8_t *o) { om##W(o, vxm##N(m##W(t->in), t->imm)); } \
    static void cpu_##N(const struct trial *t, uint8_t *o) \
    { RT##W a = r##W(t->in), r = a; switch (t->imm) { REP256(IMM1_CASE, N) } o##W(o, r); }
#define IMM2_CASE(N, i) case i: r = N(a, b, i); break;
#define CHECK_IMM2(N, W) \
    static void mdl_##N(const struct trial *t, uint8_t *o) \
    { om##W(o, vxm##N(m##W(t->in), m##W(t->in + 64), t->imm)); } \
    static void cpu_##N(const struct trial *t, uint8_t *o) \
    { RT##W a = r##W(t->in), b = r##W(t->in + 64), r = a; switch (t->imm) { REP256(IMM2_CASE, N) } o##W(o, r); }
#define IMM3_CASE(N, i) case i: r = N(a, b, c, i); break;
#define CHECK_IMM3(N, W) \
    static void mdl_##N(const struct trial *t, uint8_t *o) \
    { om##W(o, vxm##N(m##W(t->in), m##W(t->in + 64), m##W(t->in + 128), t->imm)); } \
    static void cpu_##N(const struct trial *t, uint8_t *o) \
    { RT##W a = r##W(t->in), b = r##W(t->in + 64), c = r##W(t->in + 128), r = a; \
      switch (t->imm) { REP256(IMM3_CASE, N) } o##W(o, r); }
/* A table entry: name, features, output bytes, input preparation (or 0). */
#define CHECK_ENTRY(N, need, bytes, prep) { #N, need, mdl_##N, cpu_##N, bytes, prep },

/* Integers from the random bytes. */
static inline int in_i32(const uint8_t *p) { int32_t v; memcpy(&v, p, 4); return v; }
static inline long long in_i64(const uint8_t *p) { int64_t v; memcpy(&v, p, 8); return v; }

#endif
