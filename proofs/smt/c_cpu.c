/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The tweak functions that c2smt.py translates, compiled from their real
 * source file (included whole, with the Makefile's ISA flags) and run on
 * random inputs, so that check.sh can compare the translation with the
 * compiled code (queries ccpu_*). One binary per source file:
 *   cc -O2 -std=c11 -D_GNU_SOURCE -Iinclude -Isrc ISA_FLAGS -DC_CPU_<GROUP> proofs/smt/c_cpu.c
 *   (GROUP: CT64, AESNI, VAES256, VAES512)
 * Output, one trial a line (bytes in memory order):
 *   NAME PARAMHEX... = OUTHEX...
 * with the parameters and outputs in the order of c2smt's translation.
 * Usage: c_cpu TRIALS SEED   (check.sh runs it only on a CPU that has the ISA)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(C_CPU_CT64)
#include "backend_ct64.c"
#elif defined(C_CPU_AESNI)
#include "backend_aesni.c"
#elif defined(C_CPU_VAES256)
#include "backend_vaes256.c"
#elif defined(C_CPU_VAES512)
#include "backend_vaes512.c"
#else
#error "define one of C_CPU_CT64, C_CPU_AESNI, C_CPU_VAES256, C_CPU_VAES512"
#endif

/* Never called here: the backend table's CPU probe and the end-of-call scrub. */
void vxts_cpu_scrub_vectors(void) { abort(); }
#if defined(C_CPU_AESNI)
int vxts_cpu_x86_aesni(void) { abort(); }
#elif defined(C_CPU_VAES256)
int vxts_cpu_x86_vaes256(void) { abort(); }
#elif defined(C_CPU_VAES512)
int vxts_cpu_x86_vaes512(void) { abort(); }
#endif

static uint64_t rng;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void random_bytes(void *p, size_t n)
{
    for (size_t i = 0; i < n; i += 8) {
        uint64_t v = next();
        memcpy((uint8_t *)p + i, &v, n - i < 8 ? n - i : 8);
    }
}

static void hex(const void *p, size_t n)
{
    putchar(' ');
    for (size_t i = 0; i < n; i++)
        printf("%02x", ((const uint8_t *)p)[i]);
}

/* k in 0..56 (the range the callers use), most often near the ends. */
static unsigned random_k(void)
{
    uint64_t r = next();
    return (r & 1) ? (unsigned)((r >> 8) % 57) : (r & 2) ? (unsigned)((r >> 8) % 3) : 56u - (unsigned)((r >> 8) % 3);
}

static void trial(void)
{
#if defined(C_CPU_CT64)
    uint64_t lo, hi;
    random_bytes(&lo, 8);
    random_bytes(&hi, 8);
    printf("ct64.mul_alpha");
    hex(&lo, 8);
    hex(&hi, 8);
    mul_alpha(&lo, &hi);
    printf(" =");
    hex(&lo, 8);
    hex(&hi, 8);
    putchar('\n');
#elif defined(C_CPU_AESNI)
    uint64_t v[2];
    __m128i t, r;
    random_bytes(v, 16);
    printf("aesni.mul_alpha_u64");
    hex(v, 16);
    mul_alpha_u64(v);
    printf(" =");
    hex(v, 16);
    putchar('\n');
    random_bytes(&t, 16);
    r = x_mul_x(t);
    printf("x86.x_mul_x");
    hex(&t, 16);
    printf(" =");
    hex(&r, 16);
    putchar('\n');
    r = mul_alpha8(t);
    printf("aesni.mul_alpha8");
    hex(&t, 16);
    printf(" =");
    hex(&r, 16);
    putchar('\n');
#elif defined(C_CPU_VAES256) || defined(C_CPU_VAES512)
#if defined(C_CPU_VAES256)
#define P "vaes256."
#define VEC __m256i
#define MUL_XK_LANES y_mul_xk_lanes
#define LANES_NAME P "y_mul_xk_lanes"
#else
#define P "vaes512."
#define VEC __m512i
#define MUL_XK_LANES z_mul_xk_lanes
#define LANES_NAME P "z_mul_xk_lanes"
#endif
    __m128i t, r;
    VEC y, kv, yr;
    uint64_t kq[sizeof(VEC) / 8];
    uint32_t k = random_k();
    random_bytes(&t, 16);
    r = x_mul_xk(t, k);
    printf(P "x_mul_xk");
    hex(&t, 16);
    hex(&k, 4);
    printf(" =");
    hex(&r, 16);
    putchar('\n');
    random_bytes(&y, sizeof y);
    for (size_t l = 0; l < sizeof kq / 8; l += 2)
        kq[l] = kq[l + 1] = random_k(); /* k_lane in both qwords of the lane */
    memcpy(&kv, kq, sizeof kv);
    yr = MUL_XK_LANES(y, kv);
    printf(LANES_NAME);
    hex(&y, sizeof y);
    hex(&kv, sizeof kv);
    printf(" =");
    hex(&yr, sizeof yr);
    putchar('\n');
#if defined(C_CPU_VAES256)
    yr = y_mul_x16(y);
    printf(P "y_mul_x16");
    hex(&y, sizeof y);
    printf(" =");
    hex(&yr, sizeof yr);
    putchar('\n');
#else
    {
        __m512i tw[4], in[4];
        static const char *const names[8] = {0, P "z_mul_xbytes.1", P "z_mul_xbytes.2", P "z_mul_xbytes.3",
                                             P "z_mul_xbytes.4", P "z_mul_xbytes.5", P "z_mul_xbytes.6",
                                             P "z_mul_xbytes.7"};
        __m512i z[8];
        z[1] = z_mul_xbytes(y, 1);
        z[2] = z_mul_xbytes(y, 2);
        z[3] = z_mul_xbytes(y, 3);
        z[4] = z_mul_xbytes(y, 4);
        z[5] = z_mul_xbytes(y, 5);
        z[6] = z_mul_xbytes(y, 6);
        z[7] = z_mul_xbytes(y, 7);
        for (int n = 1; n <= 7; n++) {
            printf("%s", names[n]);
            hex(&y, sizeof y);
            printf(" =");
            hex(&z[n], sizeof z[n]);
            putchar('\n');
        }
        random_bytes(in, sizeof in);
        memcpy(tw, in, sizeof tw);
        z_mul_x16_4(tw);
        printf(P "z_mul_x16_4");
        hex(in, sizeof in);
        printf(" =");
        hex(tw, sizeof tw);
        putchar('\n');
    }
#endif
#endif
}

int main(int argc, char **argv)
{
    long trials = argc > 1 ? strtol(argv[1], NULL, 0) : 200;
    rng = (argc > 2 ? strtoull(argv[2], NULL, 0) : 1) | 1;
    for (long i = 0; i < trials; i++)
        trial();
    return 0;
}
