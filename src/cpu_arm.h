/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * AArch64 CPU feature checks for the armce backend.
 *
 *   vxts_cpu_arm_aes(): FEAT_AES (AESE/AESD/AESMC/AESIMC) is usable at EL0.
 *   vxts_cpu_arm_dit(): FEAT_DIT (PSTATE.DIT, data-independent timing).
 *
 * Linux: HWCAP_AES / HWCAP_DIT from the auxiliary vector; where the kernel
 * lets EL0 read the ID registers (HWCAP_CPUID) but does not report
 * HWCAP_DIT (older kernels, qemu-user 7.2), ID_AA64PFR0_EL1.DIT (bits 51:48)
 * decides. Other systems: the compile-time promise __ARM_FEATURE_AES, no DIT.
 * Not AArch64 (or big-endian): both return 0. Computed on the first call and
 * cached; any thread may call at any time. What VXTS_DISABLE removes is
 * applied by backends.c, not here. Compiled without ISA flags.
 */
#ifndef VXTS_CPU_ARM_H
#define VXTS_CPU_ARM_H

/* Linux's hwcap bits (arch/arm64/include/uapi/asm/hwcap.h), for older headers. */
#ifndef AT_HWCAP
#define AT_HWCAP 16
#endif
#ifndef HWCAP_AES
#define HWCAP_AES (1UL << 3)
#endif
#ifndef HWCAP_CPUID
#define HWCAP_CPUID (1UL << 11)
#endif
#ifndef HWCAP_DIT
#define HWCAP_DIT (1UL << 24)
#endif

int vxts_cpu_arm_aes(void);
int vxts_cpu_arm_dit(void);

#endif /* VXTS_CPU_ARM_H */
