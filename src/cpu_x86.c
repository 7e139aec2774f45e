/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * x86-64 CPU feature checks (see cpu_x86.h). Compiled without ISA flags.
 *
 * CPUID bits: Intel SDM Vol. 2A "CPUID", leaf 1 ECX and leaf 7.0 EBX/ECX.
 * XCR0 bits: Intel SDM Vol. 1 §13.3 "Enabling the XSAVE feature set":
 * bit 1 SSE (XMM), bit 2 AVX (YMM upper halves), bits 5-7 opmask,
 * ZMM_Hi256, Hi16_ZMM. A CPU feature is usable only if the OS also saves
 * its register state on context switch, which XCR0 tells.
 */
#include <stdatomic.h>

#include "backend.h" /* vxts_cpu_scrub_vectors */
#include "cpu_x86.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

/* The cached answer: one bit per backend, plus VALID once computed. */
enum {
    HAVE_AESNI = 1 << 0,
    HAVE_VAES256 = 1 << 1,
    HAVE_VAES512 = 1 << 2,
    HAVE_YMM = 1 << 3, /* AVX: ymm0-15 exist and are saved by the OS */
    HAVE_ZMM = 1 << 4, /* AVX-512F: zmm0-31 */
    VALID = 1 << 8
};

/* 0 = not yet computed. Every thread computes the same value, so a race
 * between two first callers only stores that value twice. */
static atomic_int cached_features;

#if defined(__x86_64__) || defined(__i386__)

static unsigned bit(unsigned word, unsigned n)
{
    return (word >> n) & 1u;
}

/* XCR0; only valid to execute when CPUID.1:ECX.OSXSAVE[bit 27] is set. */
static unsigned long long read_xcr0(void)
{
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0u));
    return ((unsigned long long)hi << 32) | lo;
}

static int detect_hardware(void)
{
    unsigned a, b, c, d;
    unsigned max_leaf, ecx1, ebx7 = 0, ecx7 = 0;
    unsigned long long xcr0 = 0;
    int aesni, vaes256, vaes512, ymm, zmm;

    if (!__get_cpuid(0, &a, &b, &c, &d))
        return 0;
    max_leaf = a;
    if (max_leaf < 1 || !__get_cpuid(1, &a, &b, &c, &d))
        return 0;
    ecx1 = c;
    if (max_leaf >= 7 && __get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        ebx7 = b;
        ecx7 = c;
    }
    if (bit(ecx1, 27)) /* OSXSAVE: the OS has enabled XGETBV */
        xcr0 = read_xcr0();

    /* Leaf 1 ECX: 1 PCLMULQDQ, 9 SSSE3, 19 SSE4.1, 25 AES. Legacy SSE state
     * is always saved by an x86-64 OS (FXSAVE), so no XCR0 check. */
    aesni = bit(ecx1, 1) && bit(ecx1, 9) && bit(ecx1, 19) && bit(ecx1, 25);

    /* Leaf 1 ECX 28 AVX; leaf 7 EBX 5 AVX2; leaf 7 ECX 9 VAES, 10 VPCLMULQDQ;
     * XCR0 bits 1|2 = XMM and YMM state. */
    vaes256 = aesni && bit(ecx1, 28) && bit(ebx7, 5) && bit(ecx7, 9) && bit(ecx7, 10) &&
              (xcr0 & 0x6u) == 0x6u;

    /* Leaf 7 EBX: 16 AVX512F, 17 AVX512DQ, 30 AVX512BW, 31 AVX512VL;
     * XCR0 bits 5|6|7 = opmask, ZMM_Hi256, Hi16_ZMM. */
    vaes512 = vaes256 && bit(ebx7, 16) && bit(ebx7, 17) && bit(ebx7, 30) && bit(ebx7, 31) &&
              (xcr0 & 0xe0u) == 0xe0u;

    /* What the scrub must clear, whatever the backend: the C library's string
     * functions use ymm/zmm16-31 too. */
    ymm = bit(ecx1, 28) && (xcr0 & 0x6u) == 0x6u;
    zmm = ymm && bit(ebx7, 16) && (xcr0 & 0xe0u) == 0xe0u;

    return (aesni ? HAVE_AESNI : 0) | (vaes256 ? HAVE_VAES256 : 0) | (vaes512 ? HAVE_VAES512 : 0) |
           (ymm ? HAVE_YMM : 0) | (zmm ? HAVE_ZMM : 0);
}

#else

static int detect_hardware(void)
{
    return 0;
}

#endif

static int features(void)
{
    int f = atomic_load_explicit(&cached_features, memory_order_relaxed);
    if (f == 0) {
        f = detect_hardware() | VALID;
        atomic_store_explicit(&cached_features, f, memory_order_relaxed);
    }
    return f;
}

int vxts_cpu_x86_aesni(void)
{
    return (features() & HAVE_AESNI) != 0;
}

int vxts_cpu_x86_vaes256(void)
{
    return (features() & HAVE_VAES256) != 0;
}

int vxts_cpu_x86_vaes512(void)
{
    return (features() & HAVE_VAES512) != 0;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/*
 * Zeroes every vector register this CPU has (backend.h): zmm0-31 with
 * AVX-512, ymm0-15 with AVX, else xmm0-15. Whatever the backend, the C
 * library's memcpy/memset may have used the widest registers. Compiled
 * without ISA flags: the branch picks the instructions the CPU can run (it
 * depends on the CPU only). xmm16-31 are not named as clobbers (this file's
 * compiler knows no AVX-512); every vector register is caller-saved.
 */
void vxts_cpu_scrub_vectors(void)
{
    int f = features();
    if (f & HAVE_ZMM)
        __asm__ __volatile__("vzeroall\n\t"
                             "vpxord %%xmm16, %%xmm16, %%xmm16\n\tvpxord %%xmm17, %%xmm17, %%xmm17\n\t"
                             "vpxord %%xmm18, %%xmm18, %%xmm18\n\tvpxord %%xmm19, %%xmm19, %%xmm19\n\t"
                             "vpxord %%xmm20, %%xmm20, %%xmm20\n\tvpxord %%xmm21, %%xmm21, %%xmm21\n\t"
                             "vpxord %%xmm22, %%xmm22, %%xmm22\n\tvpxord %%xmm23, %%xmm23, %%xmm23\n\t"
                             "vpxord %%xmm24, %%xmm24, %%xmm24\n\tvpxord %%xmm25, %%xmm25, %%xmm25\n\t"
                             "vpxord %%xmm26, %%xmm26, %%xmm26\n\tvpxord %%xmm27, %%xmm27, %%xmm27\n\t"
                             "vpxord %%xmm28, %%xmm28, %%xmm28\n\tvpxord %%xmm29, %%xmm29, %%xmm29\n\t"
                             "vpxord %%xmm30, %%xmm30, %%xmm30\n\tvpxord %%xmm31, %%xmm31, %%xmm31"
                             ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8",
                             "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
    else if (f & HAVE_YMM)
        __asm__ __volatile__("vzeroall" ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
                             "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
    else
        __asm__ __volatile__("pxor %%xmm0, %%xmm0\n\tpxor %%xmm1, %%xmm1\n\tpxor %%xmm2, %%xmm2\n\t"
                             "pxor %%xmm3, %%xmm3\n\tpxor %%xmm4, %%xmm4\n\tpxor %%xmm5, %%xmm5\n\t"
                             "pxor %%xmm6, %%xmm6\n\tpxor %%xmm7, %%xmm7\n\tpxor %%xmm8, %%xmm8\n\t"
                             "pxor %%xmm9, %%xmm9\n\tpxor %%xmm10, %%xmm10\n\tpxor %%xmm11, %%xmm11\n\t"
                             "pxor %%xmm12, %%xmm12\n\tpxor %%xmm13, %%xmm13\n\tpxor %%xmm14, %%xmm14\n\t"
                             "pxor %%xmm15, %%xmm15"
                             ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8",
                             "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}
#endif
