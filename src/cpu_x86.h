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
 * Test override: the environment variable VXTS_X86_DISABLE, read once on
 * the first call, is a comma-separated list of backend ids ("vaes512",
 * "vaes256", "aesni") to report as unsupported, e.g.
 *   VXTS_X86_DISABLE=vaes512,vaes256 ./test     (forces the aesni path)
 * Each listed id is disabled on its own; other ids and unknown words are
 * ignored. It can only remove features, never add them.
 *
 * Compiled without ISA flags: the checks themselves run on any x86-64.
 */
#ifndef VXTS_CPU_X86_H
#define VXTS_CPU_X86_H

int vxts_cpu_x86_aesni(void);
int vxts_cpu_x86_vaes256(void);
int vxts_cpu_x86_vaes512(void);

#endif /* VXTS_CPU_X86_H */
