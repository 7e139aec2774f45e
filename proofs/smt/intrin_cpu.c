/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The real intrinsics that proofs/smt/gen.py models, run on random inputs, so
 * that check.sh can compare the QF_BV models with the CPU (queries cpu_*).
 * The table of intrinsics (intrin_cpu_table.h) is written by gen.py from its
 * models; build: cc -O2 -I OUTDIR -o OUTDIR/intrin_cpu proofs/smt/intrin_cpu.c
 * Output, one trial a line (bytes in memory order):
 *   NAME IMM ARG0HEX ARG1HEX ... RESULTHEX
 * or `NA NAME` when the CPU lacks the instructions.
 * Usage: intrin_cpu TRIALS SEED
 *        intrin_cpu --has FEATURE...   (exit 0 if the CPU has them all)
 */
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Immediates must be constants: F(i) for i = 0..255. */
#define R4(F, b) F(b) F((b) + 1) F((b) + 2) F((b) + 3)
#define R16(F, b) R4(F, b) R4(F, (b) + 4) R4(F, (b) + 8) R4(F, (b) + 12)
#define R256(F) R16(F, 0) R16(F, 16) R16(F, 32) R16(F, 48) R16(F, 64) R16(F, 80) R16(F, 96) \
    R16(F, 112) R16(F, 128) R16(F, 144) R16(F, 160) R16(F, 176) R16(F, 192) R16(F, 208) \
    R16(F, 224) R16(F, 240)

/* One intrinsic: run(in, imm, out) with argument i at in + 64 * i. */
struct intrin {
    const char *name;
    int (*have)(void);
    void (*run)(const uint8_t *in, int imm, uint8_t *out);
    int arg_bytes[5]; /* bytes of each non-immediate argument; 0 ends the list */
    int out_bytes;
};

#include "intrin_cpu_table.h"

static uint64_t rng;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void hex(const uint8_t *p, int n)
{
    putchar(' ');
    for (int i = 0; i < n; i++)
        printf("%02x", p[i]);
}

/* intrin_cpu --has FEATURE...: exit 0 if the CPU has all of them (for check.sh). */
static int has(const char *f)
{
    return !strcmp(f, "aes") ? __builtin_cpu_supports("aes") : !strcmp(f, "pclmul") ? __builtin_cpu_supports("pclmul")
         : !strcmp(f, "sse4.1") ? __builtin_cpu_supports("sse4.1") : !strcmp(f, "avx2") ? __builtin_cpu_supports("avx2")
         : !strcmp(f, "vaes") ? __builtin_cpu_supports("vaes")
         : !strcmp(f, "vpclmulqdq") ? __builtin_cpu_supports("vpclmulqdq")
         : !strcmp(f, "avx512f") ? __builtin_cpu_supports("avx512f")
         : !strcmp(f, "avx512vl") ? __builtin_cpu_supports("avx512vl")
         : !strcmp(f, "avx512bw") ? __builtin_cpu_supports("avx512bw")
         : !strcmp(f, "avx512dq") ? __builtin_cpu_supports("avx512dq") : (fprintf(stderr, "unknown feature %s\n", f), 0);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "--has")) {
        __builtin_cpu_init();
        for (int i = 2; i < argc; i++)
            if (!has(argv[i]))
                return 1;
        return 0;
    }
    long trials = argc > 1 ? strtol(argv[1], NULL, 0) : 200;
    rng = (argc > 2 ? strtoull(argv[2], NULL, 0) : 1) | 1;
    __builtin_cpu_init();
    for (size_t c = 0; c < sizeof intrinsics / sizeof intrinsics[0]; c++) {
        const struct intrin *x = &intrinsics[c];
        if (!x->have()) {
            printf("NA %s\n", x->name);
            continue;
        }
        for (long t = 0; t < trials; t++) {
            uint8_t in[320], out[64];
            for (int q = 0; q < (int)sizeof in; q += 8) {
                uint64_t v = next();
                if (v & 1) /* small values half the time: counts on both sides of the width */
                    v = (v >> 8) % 72;
                memcpy(in + q, &v, 8);
            }
            uint64_t r = next();
            int imm = (r & 1) ? (int)((r >> 8) % 72) : (int)((r >> 8) & 255);
            x->run(in, imm, out);
            printf("%s %d", x->name, imm);
            for (int i = 0; x->arg_bytes[i]; i++)
                hex(in + 64 * i, x->arg_bytes[i]);
            hex(out, x->out_bytes);
            putchar('\n');
        }
    }
    return 0;
}
