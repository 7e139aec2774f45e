/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* AArch64 CPU feature checks (see cpu_arm.h). Compiled without ISA flags. */
#include <stdatomic.h>
#include <stdint.h>

#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#endif

#include "backend.h" /* vxts_cpu_scrub_vectors */
#include "cpu_arm.h"

/* The cached answer: one bit per feature, plus VALID once computed. */
enum { HAVE_AES = 1, HAVE_DIT = 2, VALID = 4 };

/* 0 = not yet computed; every thread computes the same value. */
static atomic_uint cached_features;

#if defined(__aarch64__) && !defined(__AARCH64EB__)

static unsigned detect_hardware(void)
{
    unsigned f = VALID;
#if defined(__linux__)
    unsigned long hw = getauxval(AT_HWCAP);
    if (hw & HWCAP_AES)
        f |= HAVE_AES;
    if (hw & HWCAP_DIT) {
        f |= HAVE_DIT;
    } else if (hw & HWCAP_CPUID) {
        uint64_t pfr0;
        __asm__ volatile("mrs %0, s3_0_c0_c4_0" : "=r"(pfr0)); /* ID_AA64PFR0_EL1 */
        if ((pfr0 >> 48) & 0xf)
            f |= HAVE_DIT;
    }
#elif defined(__ARM_FEATURE_AES) || defined(__ARM_FEATURE_CRYPTO)
    f |= HAVE_AES;
#endif
    return f;
}

#else

static unsigned detect_hardware(void)
{
    return VALID;
}

#endif

static unsigned features(void)
{
    unsigned f = atomic_load_explicit(&cached_features, memory_order_relaxed);
    if (f == 0) {
        f = detect_hardware();
        atomic_store_explicit(&cached_features, f, memory_order_relaxed);
    }
    return f;
}

int vxts_cpu_arm_aes(void)
{
    return (features() & HAVE_AES) != 0;
}

int vxts_cpu_arm_dit(void)
{
    return (features() & HAVE_DIT) != 0;
}

#if defined(__aarch64__) && (defined(__GNUC__) || defined(__clang__))
/*
 * Zeroes the vector registers (backend.h): v0-v7 and v16-v31 whole, and the
 * high halves of v8-v15, whose low halves are callee-saved (AAPCS64): every
 * kernel restored them.
 */
void vxts_cpu_scrub_vectors(void)
{
    __asm__ __volatile__("movi v0.2d, #0\n\tmovi v1.2d, #0\n\tmovi v2.2d, #0\n\tmovi v3.2d, #0\n\t"
                         "movi v4.2d, #0\n\tmovi v5.2d, #0\n\tmovi v6.2d, #0\n\tmovi v7.2d, #0\n\t"
                         "mov v8.d[1], xzr\n\tmov v9.d[1], xzr\n\tmov v10.d[1], xzr\n\tmov v11.d[1], xzr\n\t"
                         "mov v12.d[1], xzr\n\tmov v13.d[1], xzr\n\tmov v14.d[1], xzr\n\tmov v15.d[1], xzr\n\t"
                         "movi v16.2d, #0\n\tmovi v17.2d, #0\n\tmovi v18.2d, #0\n\tmovi v19.2d, #0\n\t"
                         "movi v20.2d, #0\n\tmovi v21.2d, #0\n\tmovi v22.2d, #0\n\tmovi v23.2d, #0\n\t"
                         "movi v24.2d, #0\n\tmovi v25.2d, #0\n\tmovi v26.2d, #0\n\tmovi v27.2d, #0\n\t"
                         "movi v28.2d, #0\n\tmovi v29.2d, #0\n\tmovi v30.2d, #0\n\tmovi v31.2d, #0"
                         ::: "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v16", "v17", "v18", "v19",
                         "v20", "v21", "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29", "v30", "v31");
}
#endif
