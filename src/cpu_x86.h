/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * x86-64 CPU feature checks for the backends (CPUID + XGETBV).
 *
 * Each function returns 1 if this CPU *and* the operating system can run
 * the backend of the same name, else 0. The answer is computed on the first
 * call and cached; any thread may call at any time (no init call needed).
 *
 *   vxts_cpu_x86_aesni():   AES-NI, PCLMULQDQ, SSSE3, SSE4.1.
 *   vxts_cpu_x86_vaes256(): aesni + AVX, AVX2, VAES, VPCLMULQDQ, and XCR0
 *                           shows the OS saves XMM and YMM state.
 *   vxts_cpu_x86_vaes512(): vaes256 + AVX512F/VL/BW/DQ, and XCR0 shows the
 *                           OS saves opmask, ZMM_Hi256 and Hi16_ZMM state.
 *
 * What the environment variable VXTS_DISABLE removes is applied by
 * backends.c, not here: these functions report the hardware only.
 *
 * Compiled without ISA flags: the checks themselves run on any x86-64;
 * on other targets every function returns 0.
 */
#ifndef VXTS_CPU_X86_H
#define VXTS_CPU_X86_H

int vxts_cpu_x86_aesni(void);
int vxts_cpu_x86_vaes256(void);
int vxts_cpu_x86_vaes512(void);

#endif /* VXTS_CPU_X86_H */
