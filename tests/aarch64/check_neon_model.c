/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The NEON model (proofs/model/vxts_neon.h) against the real intrinsics:
 * every modelled intrinsic runs in the model and on the CPU on the same
 * random inputs (VXTS_MODEL_TRIALS each, default 100,000) and the outputs
 * are compared byte for byte; a store is compared over a 64-byte window
 * (a byte written outside its 16 shows). Run by `make check-aarch64` under
 * `qemu-aarch64 -cpu max`: checked against qemu, an emulator, not silicon.
 * Built with -march=armv8-a+crypto, as src/backend_armce.c.
 *   VXTS_TEST_SEED=0x... replays (the seed is printed).
 * Ends with "N passed, N failed" (one count per intrinsic).
 */
#include <arm_neon.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testlib.h" /* test_splitmix64 */
#include "vxts_neon.h"

/* The suite's generator (testlib.h), from the printed seed. */
static uint64_t rng_state;
static uint64_t rng_next(void)
{
    return test_splitmix64(&rng_state);
}

/* One trial: operands a = in[0..], b = in[16..], a 64-byte window at in[64..], r a random 0..255. */
struct trial {
    uint8_t in[128];
    unsigned r;
};
typedef void (*run_fn)(const struct trial *t, uint8_t out[64]);

static vxn128 m(const uint8_t *p) { vxn128 v; memcpy(v.b, p, 16); return v; }
static void om(uint8_t *o, vxn128 v) { memcpy(o, v.b, 16); }
static uint8x16_t c8(const uint8_t *p) { return vld1q_u8(p); }
static void oc8(uint8_t *o, uint8x16_t v) { vst1q_u8(o, v); }

#define BIN(N) \
    static void mdl_##N(const struct trial *t, uint8_t *o) { om(o, vxn_##N(m(t->in), m(t->in + 16))); } \
    static void cpu_##N(const struct trial *t, uint8_t *o) { oc8(o, N(c8(t->in), c8(t->in + 16))); }
#define UN(N) \
    static void mdl_##N(const struct trial *t, uint8_t *o) { om(o, vxn_##N(m(t->in))); } \
    static void cpu_##N(const struct trial *t, uint8_t *o) { oc8(o, N(c8(t->in))); }
BIN(veorq_u8)
BIN(vaeseq_u8)
BIN(vaesdq_u8)
UN(vaesmcq_u8)
UN(vaesimcq_u8)

/* Loads from any offset 0..48 of the window. */
static void mdl_vld1q_u8(const struct trial *t, uint8_t *o) { om(o, vxn_vld1q_u8(t->in + 64 + t->r % 49)); }
static void cpu_vld1q_u8(const struct trial *t, uint8_t *o) { oc8(o, vld1q_u8(t->in + 64 + t->r % 49)); }
/* Stores of a into the window at any offset: the whole window is compared. */
static void mdl_vst1q_u8(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 64, 64);
    vxn_vst1q_u8(o + t->r % 49, m(t->in));
}
static void cpu_vst1q_u8(const struct trial *t, uint8_t *o)
{
    memcpy(o, t->in + 64, 64);
    vst1q_u8(o + t->r % 49, c8(t->in));
}
static void mdl_vdupq_n_u8(const struct trial *t, uint8_t *o) { om(o, vxn_vdupq_n_u8(t->in[0])); }
static void cpu_vdupq_n_u8(const struct trial *t, uint8_t *o) { oc8(o, vdupq_n_u8(t->in[0])); }

static uint32_t in32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static void o32(uint8_t *o, uint32_t v) { memcpy(o, &v, 4); }
static void o64(uint8_t *o, uint64_t v) { memcpy(o, &v, 8); }
static void mdl_vdupq_n_u32(const struct trial *t, uint8_t *o) { om(o, vxn_vdupq_n_u32(in32(t->in))); }
static void cpu_vdupq_n_u32(const struct trial *t, uint8_t *o)
{
    oc8(o, vreinterpretq_u8_u32(vdupq_n_u32(in32(t->in))));
}
/* Lane reads: every lane (the real lane argument must be a constant). */
static void mdl_vgetq_lane_u64(const struct trial *t, uint8_t *o)
{
    o64(o, vxn_vgetq_lane_u64(m(t->in), 0));
    o64(o + 8, vxn_vgetq_lane_u64(m(t->in), 1));
}
static void cpu_vgetq_lane_u64(const struct trial *t, uint8_t *o)
{
    uint64x2_t v = vreinterpretq_u64_u8(c8(t->in));
    o64(o, vgetq_lane_u64(v, 0));
    o64(o + 8, vgetq_lane_u64(v, 1));
}
static void mdl_vgetq_lane_u32(const struct trial *t, uint8_t *o)
{
    for (int l = 0; l < 4; l++)
        o32(o + 4 * l, vxn_vgetq_lane_u32(m(t->in), l));
}
static void cpu_vgetq_lane_u32(const struct trial *t, uint8_t *o)
{
    uint32x4_t v = vreinterpretq_u32_u8(c8(t->in));
    o32(o, vgetq_lane_u32(v, 0));
    o32(o + 4, vgetq_lane_u32(v, 1));
    o32(o + 8, vgetq_lane_u32(v, 2));
    o32(o + 12, vgetq_lane_u32(v, 3));
}
/* Reinterpretations, observed through the lanes of the other type. */
static void mdl_vreinterpretq_u64_u8(const struct trial *t, uint8_t *o) { om(o, vxn_vreinterpretq_u64_u8(m(t->in))); }
static void cpu_vreinterpretq_u64_u8(const struct trial *t, uint8_t *o)
{
    uint64x2_t v = vreinterpretq_u64_u8(c8(t->in));
    o64(o, vgetq_lane_u64(v, 0));
    o64(o + 8, vgetq_lane_u64(v, 1));
}
static void mdl_vreinterpretq_u32_u8(const struct trial *t, uint8_t *o) { om(o, vxn_vreinterpretq_u32_u8(m(t->in))); }
static void cpu_vreinterpretq_u32_u8(const struct trial *t, uint8_t *o)
{
    uint32x4_t v = vreinterpretq_u32_u8(c8(t->in));
    for (int l = 0; l < 4; l++)
        o32(o + 4 * l, l == 0 ? vgetq_lane_u32(v, 0) : l == 1 ? vgetq_lane_u32(v, 1)
                     : l == 2 ? vgetq_lane_u32(v, 2) : vgetq_lane_u32(v, 3));
}
static void mdl_vreinterpretq_u8_u32(const struct trial *t, uint8_t *o) { om(o, vxn_vreinterpretq_u8_u32(m(t->in))); }
static void cpu_vreinterpretq_u8_u32(const struct trial *t, uint8_t *o)
{
    uint32_t w[4];
    memcpy(w, t->in, 16);
    oc8(o, vreinterpretq_u8_u32(vld1q_u32(w)));
}

#define ENTRY(N, bytes) { #N, mdl_##N, cpu_##N, bytes },
static const struct check {
    const char *name;
    run_fn model, cpu;
    int out_bytes;
} checks[] = {
    ENTRY(vld1q_u8, 16) ENTRY(vst1q_u8, 64) ENTRY(veorq_u8, 16) ENTRY(vdupq_n_u8, 16)
    ENTRY(vdupq_n_u32, 16) ENTRY(vgetq_lane_u64, 16) ENTRY(vgetq_lane_u32, 16)
    ENTRY(vreinterpretq_u8_u32, 16) ENTRY(vreinterpretq_u32_u8, 16) ENTRY(vreinterpretq_u64_u8, 16)
    ENTRY(vaeseq_u8, 16) ENTRY(vaesdq_u8, 16) ENTRY(vaesmcq_u8, 16) ENTRY(vaesimcq_u8, 16)
};

/* FIPS-197 Appendix B, round 1 of AES-128: AESE with the round-0 key, then
 * AESMC, gives the start of round 2 minus its key; a known answer, so that
 * model and CPU cannot agree on a wrong AES by construction. */
static int known_answer(void)
{
    static const uint8_t in[16] = { 0x32, 0x43, 0xf6, 0xa8, 0x88, 0x5a, 0x30, 0x8d,
                                    0x31, 0x31, 0x98, 0xa2, 0xe0, 0x37, 0x07, 0x34 };
    static const uint8_t k0[16] = { 0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
                                    0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c };
    static const uint8_t mixed[16] = { 0x04, 0x66, 0x81, 0xe5, 0xe0, 0xcb, 0x19, 0x9a,
                                       0x48, 0xf8, 0xd3, 0x7a, 0x28, 0x06, 0x26, 0x4c };
    uint8_t o[16];
    om(o, vxn_vaesmcq_u8(vxn_vaeseq_u8(m(in), m(k0))));
    return memcmp(o, mixed, 16) == 0;
}

int main(void)
{
    const char *seed_env = getenv("VXTS_TEST_SEED"), *trials_env = getenv("VXTS_MODEL_TRIALS");
    uint64_t seed = seed_env ? strtoull(seed_env, NULL, 0) : (uint64_t)time(NULL) * 0x2545f4914f6cdd1du;
    long trials = trials_env ? strtol(trials_env, NULL, 0) : 100000;
    int passed = 0, failed = 0;

    printf("NEON model vs qemu-aarch64 (an emulator, not silicon): seed 0x%016" PRIx64 ", %ld trials each\n",
           seed, trials);
    if (known_answer()) {
        passed++;
    } else {
        printf("FAIL known answer: FIPS-197 B round 1 (AESE, AESMC) in the model\n");
        failed++;
    }
    rng_state = seed;
    for (size_t c = 0; c < sizeof checks / sizeof checks[0]; c++) {
        long bad = 0;
        for (long i = 0; i < trials; i++) {
            struct trial t;
            uint8_t want[64], got[64];
            for (int q = 0; q < 128; q += 8) {
                uint64_t v = rng_next();
                memcpy(t.in + q, &v, 8);
            }
            t.r = (unsigned)(rng_next() & 255);
            memset(want, 0, sizeof want);
            memset(got, 0, sizeof got);
            checks[c].cpu(&t, want);
            checks[c].model(&t, got);
            if (memcmp(want, got, (size_t)checks[c].out_bytes) != 0 && bad++ == 0)
                printf("FAIL %s: trial %ld differs (seed 0x%016" PRIx64 ")\n", checks[c].name, i, seed);
        }
        if (bad) {
            failed++;
            printf("FAIL %s: %ld of %ld trials differ\n", checks[c].name, bad, trials);
        } else {
            passed++;
            printf("ok   %s: %ld trials\n", checks[c].name, trials);
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
