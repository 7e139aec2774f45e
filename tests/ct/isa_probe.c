/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * isa_probe — which x86 instruction sets this machine, or valgrind, can
 * really execute, whatever CPUID claims.
 *
 * Each probe runs in a forked child: it executes the instructions a backend
 * needs and compares the result with the same computation done with AES-NI
 * on xmm registers (one 128-bit lane at a time). The child's fate is the
 * answer: "ok", "wrong" (ran, but a lane differs), "SIGILL" or another
 * signal. CPUID's view (as this process sees it: valgrind hides some
 * features) is printed beside it.
 *
 *   isa_probe            run natively
 *   valgrind isa_probe   what memcheck can execute (tests/ct/README.md)
 *
 * Output: one line per probe, "probe NAME cpuid=yes|no result=...". Always
 * exits 0: the caller decides what an answer means.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cpuid.h>
#include <immintrin.h>

#define TARGET(s) __attribute__((target(s), noinline))

static const uint8_t pattern[64] = {
    0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
    0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
    0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a,
    0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x5a, 0x69, 0x78, 0x87, 0x96, 0xa5, 0xb4, 0xc3, 0xd2, 0xe1, 0xf0,
};
static const uint8_t roundkey[64] = {
    0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c,
    0xa0, 0xfa, 0xfe, 0x17, 0x88, 0x54, 0x2c, 0xb1, 0x23, 0xa3, 0x39, 0x39, 0x2a, 0x6c, 0x76, 0x05,
    0xf2, 0xc2, 0x95, 0xf2, 0x7a, 0x96, 0xb9, 0x43, 0x59, 0x35, 0x80, 0x7a, 0x73, 0x59, 0xf6, 0x7f,
    0x3d, 0x80, 0x47, 0x7d, 0x47, 0x16, 0xfe, 0x3e, 0x1e, 0x23, 0x7e, 0x44, 0x6d, 0x7a, 0x88, 0x3b,
};

/* The expected result, lane by lane: AESENC, AESENCLAST, AESDEC, PCLMUL(lo,lo). */
TARGET("aes,pclmul,sse4.1") static void lanes_xmm(uint8_t out[4][64], unsigned lanes)
{
    unsigned l;
    for (l = 0; l < lanes; l++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(pattern + 16 * l));
        __m128i k = _mm_loadu_si128((const __m128i *)(const void *)(roundkey + 16 * l));
        _mm_storeu_si128((__m128i *)(void *)(out[0] + 16 * l), _mm_aesenc_si128(x, k));
        _mm_storeu_si128((__m128i *)(void *)(out[1] + 16 * l), _mm_aesenclast_si128(x, k));
        _mm_storeu_si128((__m128i *)(void *)(out[2] + 16 * l), _mm_aesdec_si128(x, k));
        _mm_storeu_si128((__m128i *)(void *)(out[3] + 16 * l), _mm_clmulepi64_si128(x, k, 0x00));
    }
}

/* AES-NI itself: checked against FIPS-197 Appendix C.1 round 1 (AESENC of
 * the C.1 input XOR round key 0, with round key 1). */
TARGET("aes,sse4.1") static int probe_aesni(void)
{
    static const uint8_t in0[16] = {0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70,
                                    0x80, 0x90, 0xa0, 0xb0, 0xc0, 0xd0, 0xe0, 0xf0};
    static const uint8_t rk1[16] = {0xd6, 0xaa, 0x74, 0xfd, 0xd2, 0xaf, 0x72, 0xfa,
                                    0xda, 0xa6, 0x78, 0xf1, 0xd6, 0xab, 0x76, 0xfe};
    static const uint8_t r1[16] = {0x89, 0xd8, 0x10, 0xe8, 0x85, 0x5a, 0xce, 0x68,
                                   0x2d, 0x18, 0x43, 0xd8, 0xcb, 0x12, 0x8f, 0xe4};
    uint8_t o[16];
    __m128i s = _mm_loadu_si128((const __m128i *)(const void *)in0);
    s = _mm_aesenc_si128(s, _mm_loadu_si128((const __m128i *)(const void *)rk1));
    _mm_storeu_si128((__m128i *)(void *)o, s);
    return memcmp(o, r1, 16) == 0 ? 0 : 3;
}

TARGET("avx2,aes,vaes,pclmul,vpclmulqdq") static int probe_vaes256(void)
{
    uint8_t want[4][64], got[4][64];
    __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)pattern);
    __m256i k = _mm256_loadu_si256((const __m256i *)(const void *)roundkey);
    lanes_xmm(want, 2);
    _mm256_storeu_si256((__m256i *)(void *)got[0], _mm256_aesenc_epi128(x, k));
    _mm256_storeu_si256((__m256i *)(void *)got[1], _mm256_aesenclast_epi128(x, k));
    _mm256_storeu_si256((__m256i *)(void *)got[2], _mm256_aesdec_epi128(x, k));
    _mm256_storeu_si256((__m256i *)(void *)got[3], _mm256_clmulepi64_epi128(x, k, 0x00));
    for (int i = 0; i < 4; i++)
        if (memcmp(want[i], got[i], 32) != 0)
            return 3;
    return 0;
}

TARGET("avx512f,avx512bw,avx512vl,avx512dq") static int probe_avx512(void)
{
    uint8_t got[64];
    int i;
    __m512i a = _mm512_loadu_si512((const void *)pattern);
    __m512i b = _mm512_loadu_si512((const void *)roundkey);
    __m512i t = _mm512_ternarylogic_epi64(a, b, a, 0x96); /* a ^ b ^ a = b */
    __mmask64 m = _mm512_cmpeq_epi8_mask(t, b);
    _mm512_storeu_si512((void *)got, _mm512_xor_si512(a, b));
    if (m != ~(__mmask64)0)
        return 3;
    for (i = 0; i < 64; i++)
        if (got[i] != (uint8_t)(pattern[i] ^ roundkey[i]))
            return 3;
    return 0;
}

TARGET("avx512f,avx512bw,aes,vaes,pclmul,vpclmulqdq") static int probe_vaes512(void)
{
    uint8_t want[4][64], got[4][64];
    __m512i x = _mm512_loadu_si512((const void *)pattern);
    __m512i k = _mm512_loadu_si512((const void *)roundkey);
    lanes_xmm(want, 4);
    _mm512_storeu_si512((void *)got[0], _mm512_aesenc_epi128(x, k));
    _mm512_storeu_si512((void *)got[1], _mm512_aesenclast_epi128(x, k));
    _mm512_storeu_si512((void *)got[2], _mm512_aesdec_epi128(x, k));
    _mm512_storeu_si512((void *)got[3], _mm512_clmulepi64_epi128(x, k, 0x00));
    for (int i = 0; i < 4; i++)
        if (memcmp(want[i], got[i], 64) != 0)
            return 3;
    return 0;
}

static const char *run_child(int (*probe)(void))
{
    static char what[64];
    int status;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid < 0)
        return "fork-failed";
    if (pid == 0)
        _exit(probe());
    if (waitpid(pid, &status, 0) != pid)
        return "wait-failed";
    if (WIFEXITED(status))
        return WEXITSTATUS(status) == 0 ? "ok" : "wrong";
    if (WIFSIGNALED(status)) {
        if (WTERMSIG(status) == SIGILL)
            return "SIGILL";
        snprintf(what, sizeof what, "signal-%d", WTERMSIG(status));
        return what;
    }
    return "unknown";
}

int main(void)
{
    int aes, avx2, vaes, vpcl, avx512;

    {
        unsigned a, b, c, d, ecx1 = 0, ebx7 = 0, ecx7 = 0;
        if (__get_cpuid(1, &a, &b, &c, &d))
            ecx1 = c;
        if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
            ebx7 = b;
            ecx7 = c;
        }
        /* leaf 1 ECX: 1 PCLMULQDQ, 25 AES; leaf 7 EBX: 5 AVX2, 16 F, 17 DQ,
         * 30 BW, 31 VL; leaf 7 ECX: 9 VAES, 10 VPCLMULQDQ. */
        aes = (ecx1 >> 1 & 1) && (ecx1 >> 25 & 1);
        avx2 = ebx7 >> 5 & 1;
        vaes = ecx7 >> 9 & 1;
        vpcl = ecx7 >> 10 & 1;
        avx512 = (ebx7 >> 16 & 1) && (ebx7 >> 17 & 1) && (ebx7 >> 30 & 1) && (ebx7 >> 31 & 1);
    }
    printf("probe aesni-xmm     cpuid=%s result=%s\n", aes ? "yes" : "no", run_child(probe_aesni));
    printf("probe vaes-ymm      cpuid=%s result=%s\n", aes && avx2 && vaes && vpcl ? "yes" : "no",
           run_child(probe_vaes256));
    printf("probe avx512        cpuid=%s result=%s\n", avx512 ? "yes" : "no", run_child(probe_avx512));
    printf("probe vaes-zmm      cpuid=%s result=%s\n", avx512 && vaes && vpcl ? "yes" : "no",
           run_child(probe_vaes512));
    return 0;
}
