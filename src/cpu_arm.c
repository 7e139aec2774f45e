/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* AArch64 CPU feature checks (see cpu_arm.h). Compiled without ISA flags. */
#include <stdatomic.h>
#include <stdint.h>

#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#endif

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
