/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The CPU's own limits: AES round throughput (independent AESENC chains on
 * xmm/ymm/zmm) and the clock (a dependent add chain, 1 add per cycle).
 * Pure inline asm; each probe runs only if CPUID says the CPU has it.
 */
#include "bench.h"

#define CHAINS 12      /* >= latency x issue width on current x86 cores */
#define ROUNDS_PER_IT 8
#define ADDS_PER_IT 100

#if defined(__x86_64__)

#define C12(M) M(0) M(1) M(2) M(3) M(4) M(5) M(6) M(7) M(8) M(9) M(10) M(11)
#define X_ENC(n) "aesenc %%xmm12, %%xmm" #n "\n\t"
#define Y_ENC(n) "vaesenc %%ymm12, %%ymm" #n ", %%ymm" #n "\n\t"
#define Z_ENC(n) "vaesenc %%zmm12, %%zmm" #n ", %%zmm" #n "\n\t"
#define R8(s) s s s s s s s s
#define CLOB "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", \
             "xmm9", "xmm10", "xmm11", "xmm12", "cc"

/* Start values are irrelevant: AES timing does not depend on data. */
static void xmm_chains(uint64_t it)
{
    __asm__ volatile("1:\n\t" R8(C12(X_ENC)) "dec %0\n\tjnz 1b\n\t"
                     : "+r"(it) : : CLOB);
}

static void ymm_chains(uint64_t it)
{
    __asm__ volatile("1:\n\t" R8(C12(Y_ENC)) "dec %0\n\tjnz 1b\n\tvzeroupper\n\t"
                     : "+r"(it) : : CLOB);
}

static void zmm_chains(uint64_t it)
{
    __asm__ volatile("1:\n\t" R8(C12(Z_ENC)) "dec %0\n\tjnz 1b\n\tvzeroupper\n\t"
                     : "+r"(it) : : CLOB);
}

#define ADD1 "add %2, %0\n\t"
#define ADD10 ADD1 ADD1 ADD1 ADD1 ADD1 ADD1 ADD1 ADD1 ADD1 ADD1
static void add_chain(uint64_t it)
{
    uint64_t acc = 0, one = 1;
    __asm__ volatile("" : "+r"(one));
    __asm__ volatile("1:\n\t" ADD10 ADD10 ADD10 ADD10 ADD10 ADD10 ADD10 ADD10 ADD10 ADD10
                     "dec %1\n\tjnz 1b\n\t"
                     : "+r"(acc), "+r"(it) : "r"(one) : "cc");
}

static void cpuid2(unsigned leaf, unsigned sub, unsigned r[4])
{
    __asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

static uint64_t xgetbv0(void)
{
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}

/* bit 0 aes, 1 ymm vaes, 2 zmm vaes. */
static int features(void)
{
    static int cached = -1;
    unsigned r[4], max;
    int f = 0;
    uint64_t xcr0 = 0;
    if (cached >= 0)
        return cached;
    cpuid2(0, 0, r);
    max = r[0];
    cpuid2(1, 0, r);
    if (r[2] & (1u << 25))
        f |= 1;
    if ((r[2] & (1u << 27)) && (r[2] & (1u << 28)))
        xcr0 = xgetbv0(); /* OSXSAVE and AVX */
    if (max >= 7) {
        unsigned vaes, avx2, avx512f;
        cpuid2(7, 0, r);
        avx2 = (r[1] >> 5) & 1u;
        avx512f = (r[1] >> 16) & 1u;
        vaes = (r[2] >> 9) & 1u;
        if (vaes && avx2 && (xcr0 & 6) == 6)
            f |= 2;
        if (vaes && avx512f && (xcr0 & 0xe6) == 0xe6)
            f |= 4;
    }
    cached = f;
    return f;
}

int probe_available(int id)
{
    switch (id) {
    case PROBE_CLOCK: return 1;
    case PROBE_XMM: return (features() & 1) != 0;
    case PROBE_YMM: return (features() & 2) != 0;
    case PROBE_ZMM: return (features() & 4) != 0;
    default: return 0;
    }
}

void probe_run(int id, uint64_t iters)
{
    if (iters == 0 || !probe_available(id))
        return;
    switch (id) {
    case PROBE_CLOCK: add_chain(iters); break;
    case PROBE_XMM: xmm_chains(iters); break;
    case PROBE_YMM: ymm_chains(iters); break;
    case PROBE_ZMM: zmm_chains(iters); break;
    default: break;
    }
}

#else /* not x86-64: no probes but the clock is unknown too */

int probe_available(int id)
{
    (void)id;
    return 0;
}

void probe_run(int id, uint64_t iters)
{
    (void)id;
    (void)iters;
}

#endif

const char *probe_name(int id)
{
    static const char *const names[PROBE_COUNT] = {"clock", "xmm", "ymm", "zmm"};
    return id >= 0 && id < PROBE_COUNT ? names[id] : "?";
}

double probe_units_per_iter(int id)
{
    static const double lanes[PROBE_COUNT] = {0, 1, 2, 4};
    if (id == PROBE_CLOCK)
        return ADDS_PER_IT;
    return (double)CHAINS * ROUNDS_PER_IT * lanes[id];
}

int probe_chains(void)
{
    return CHAINS;
}
