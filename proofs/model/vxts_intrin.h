/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * A model of every x86 intrinsic the aesni, vaes256 and vaes512 backends use
 * (Intel SDM vol. 2 / Intel Intrinsics Guide), in two forms at once:
 *   - executable C over plain byte vectors (vxm128/vxm256/vxm512: b[0] is
 *     the least significant byte, as in the registers), which
 *     tests/model/check_model.c compares bit for bit with the real
 *     instructions (`make check-model`);
 *   - an ACSL contract for each, stated byte by byte with logic functions:
 *     the AES round instructions over the FIPS-197 S-box, xtime and
 *     (Inv)MixColumns; lane arithmetic through the little-endian value of
 *     the lane; masked loads and stores require, read, write and assign
 *     exactly the bytes whose mask bit is set.
 *
 * Under __FRAMAC__ the functions get the real names and types (__m128i,
 * __m256i, __m512i, __mmask8, __mmask16), so that a kernel can include this
 * header instead of <immintrin.h> (which Frama-C cannot parse). Otherwise
 * the names carry a "vxm" prefix (vxm_mm_xor_si128, ...) so that the model
 * and <immintrin.h> live side by side in the CPU check.
 *
 * Deviations from <immintrin.h>, all about pointer types: the 512-bit loads
 * and stores take `const uint8_t *` / `uint8_t *` instead of `void *` (every
 * kernel passes byte pointers; WP's Typed model reads void * as char *).
 * Alignment of the aligned loads and stores is not modelled (a misaligned
 * address faults; the tests would show it).
 *
 * ACSL only sees this header with xts_spec.h (for bx, sel16, SPEC_*): xor is
 * the spec's bx, defined as byte xor with -DVXTS_SPEC_XOR.
 */
#ifndef VXTS_MODEL_INTRIN_H
#define VXTS_MODEL_INTRIN_H

#include <stdint.h>

#ifdef __FRAMAC__
#include "xts_spec.h"
#endif

typedef struct { uint8_t b[16]; } vxm128;
typedef struct { uint8_t b[32]; } vxm256;
typedef struct { uint8_t b[64]; } vxm512;
typedef uint8_t vxm_mask8;
typedef uint16_t vxm_mask16;
typedef int vxm_perm;

#ifdef __FRAMAC__
typedef vxm128 __m128i;
typedef vxm256 __m256i;
typedef vxm512 __m512i;
typedef vxm_mask8 __mmask8;
typedef vxm_mask16 __mmask16;
typedef vxm_perm _MM_PERM_ENUM;
#define VXM(name) name
#define VXM_FN static
#else
#define VXM(name) vxm##name
#define VXM_FN static inline
#endif

/* ---- AES tables (FIPS-197 §5.1.1 / §5.3.2), computed from the definition:
 * S(x) = affine(x^-1 in GF(2^8)); entries X(x, S(x)). ------------------------ */
#define VXM_SBOX_TABLE(X) \
    X(0, 0x63) X(1, 0x7c) X(2, 0x77) X(3, 0x7b) X(4, 0xf2) X(5, 0x6b) X(6, 0x6f) X(7, 0xc5) \
    X(8, 0x30) X(9, 0x01) X(10, 0x67) X(11, 0x2b) X(12, 0xfe) X(13, 0xd7) X(14, 0xab) X(15, 0x76) \
    X(16, 0xca) X(17, 0x82) X(18, 0xc9) X(19, 0x7d) X(20, 0xfa) X(21, 0x59) X(22, 0x47) X(23, 0xf0) \
    X(24, 0xad) X(25, 0xd4) X(26, 0xa2) X(27, 0xaf) X(28, 0x9c) X(29, 0xa4) X(30, 0x72) X(31, 0xc0) \
    X(32, 0xb7) X(33, 0xfd) X(34, 0x93) X(35, 0x26) X(36, 0x36) X(37, 0x3f) X(38, 0xf7) X(39, 0xcc) \
    X(40, 0x34) X(41, 0xa5) X(42, 0xe5) X(43, 0xf1) X(44, 0x71) X(45, 0xd8) X(46, 0x31) X(47, 0x15) \
    X(48, 0x04) X(49, 0xc7) X(50, 0x23) X(51, 0xc3) X(52, 0x18) X(53, 0x96) X(54, 0x05) X(55, 0x9a) \
    X(56, 0x07) X(57, 0x12) X(58, 0x80) X(59, 0xe2) X(60, 0xeb) X(61, 0x27) X(62, 0xb2) X(63, 0x75) \
    X(64, 0x09) X(65, 0x83) X(66, 0x2c) X(67, 0x1a) X(68, 0x1b) X(69, 0x6e) X(70, 0x5a) X(71, 0xa0) \
    X(72, 0x52) X(73, 0x3b) X(74, 0xd6) X(75, 0xb3) X(76, 0x29) X(77, 0xe3) X(78, 0x2f) X(79, 0x84) \
    X(80, 0x53) X(81, 0xd1) X(82, 0x00) X(83, 0xed) X(84, 0x20) X(85, 0xfc) X(86, 0xb1) X(87, 0x5b) \
    X(88, 0x6a) X(89, 0xcb) X(90, 0xbe) X(91, 0x39) X(92, 0x4a) X(93, 0x4c) X(94, 0x58) X(95, 0xcf) \
    X(96, 0xd0) X(97, 0xef) X(98, 0xaa) X(99, 0xfb) X(100, 0x43) X(101, 0x4d) X(102, 0x33) X(103, 0x85) \
    X(104, 0x45) X(105, 0xf9) X(106, 0x02) X(107, 0x7f) X(108, 0x50) X(109, 0x3c) X(110, 0x9f) X(111, 0xa8) \
    X(112, 0x51) X(113, 0xa3) X(114, 0x40) X(115, 0x8f) X(116, 0x92) X(117, 0x9d) X(118, 0x38) X(119, 0xf5) \
    X(120, 0xbc) X(121, 0xb6) X(122, 0xda) X(123, 0x21) X(124, 0x10) X(125, 0xff) X(126, 0xf3) X(127, 0xd2) \
    X(128, 0xcd) X(129, 0x0c) X(130, 0x13) X(131, 0xec) X(132, 0x5f) X(133, 0x97) X(134, 0x44) X(135, 0x17) \
    X(136, 0xc4) X(137, 0xa7) X(138, 0x7e) X(139, 0x3d) X(140, 0x64) X(141, 0x5d) X(142, 0x19) X(143, 0x73) \
    X(144, 0x60) X(145, 0x81) X(146, 0x4f) X(147, 0xdc) X(148, 0x22) X(149, 0x2a) X(150, 0x90) X(151, 0x88) \
    X(152, 0x46) X(153, 0xee) X(154, 0xb8) X(155, 0x14) X(156, 0xde) X(157, 0x5e) X(158, 0x0b) X(159, 0xdb) \
    X(160, 0xe0) X(161, 0x32) X(162, 0x3a) X(163, 0x0a) X(164, 0x49) X(165, 0x06) X(166, 0x24) X(167, 0x5c) \
    X(168, 0xc2) X(169, 0xd3) X(170, 0xac) X(171, 0x62) X(172, 0x91) X(173, 0x95) X(174, 0xe4) X(175, 0x79) \
    X(176, 0xe7) X(177, 0xc8) X(178, 0x37) X(179, 0x6d) X(180, 0x8d) X(181, 0xd5) X(182, 0x4e) X(183, 0xa9) \
    X(184, 0x6c) X(185, 0x56) X(186, 0xf4) X(187, 0xea) X(188, 0x65) X(189, 0x7a) X(190, 0xae) X(191, 0x08) \
    X(192, 0xba) X(193, 0x78) X(194, 0x25) X(195, 0x2e) X(196, 0x1c) X(197, 0xa6) X(198, 0xb4) X(199, 0xc6) \
    X(200, 0xe8) X(201, 0xdd) X(202, 0x74) X(203, 0x1f) X(204, 0x4b) X(205, 0xbd) X(206, 0x8b) X(207, 0x8a) \
    X(208, 0x70) X(209, 0x3e) X(210, 0xb5) X(211, 0x66) X(212, 0x48) X(213, 0x03) X(214, 0xf6) X(215, 0x0e) \
    X(216, 0x61) X(217, 0x35) X(218, 0x57) X(219, 0xb9) X(220, 0x86) X(221, 0xc1) X(222, 0x1d) X(223, 0x9e) \
    X(224, 0xe1) X(225, 0xf8) X(226, 0x98) X(227, 0x11) X(228, 0x69) X(229, 0xd9) X(230, 0x8e) X(231, 0x94) \
    X(232, 0x9b) X(233, 0x1e) X(234, 0x87) X(235, 0xe9) X(236, 0xce) X(237, 0x55) X(238, 0x28) X(239, 0xdf) \
    X(240, 0x8c) X(241, 0xa1) X(242, 0x89) X(243, 0x0d) X(244, 0xbf) X(245, 0xe6) X(246, 0x42) X(247, 0x68) \
    X(248, 0x41) X(249, 0x99) X(250, 0x2d) X(251, 0x0f) X(252, 0xb0) X(253, 0x54) X(254, 0xbb) X(255, 0x16)
#define VXM_INV_SBOX_TABLE(X) \
    X(0, 0x52) X(1, 0x09) X(2, 0x6a) X(3, 0xd5) X(4, 0x30) X(5, 0x36) X(6, 0xa5) X(7, 0x38) \
    X(8, 0xbf) X(9, 0x40) X(10, 0xa3) X(11, 0x9e) X(12, 0x81) X(13, 0xf3) X(14, 0xd7) X(15, 0xfb) \
    X(16, 0x7c) X(17, 0xe3) X(18, 0x39) X(19, 0x82) X(20, 0x9b) X(21, 0x2f) X(22, 0xff) X(23, 0x87) \
    X(24, 0x34) X(25, 0x8e) X(26, 0x43) X(27, 0x44) X(28, 0xc4) X(29, 0xde) X(30, 0xe9) X(31, 0xcb) \
    X(32, 0x54) X(33, 0x7b) X(34, 0x94) X(35, 0x32) X(36, 0xa6) X(37, 0xc2) X(38, 0x23) X(39, 0x3d) \
    X(40, 0xee) X(41, 0x4c) X(42, 0x95) X(43, 0x0b) X(44, 0x42) X(45, 0xfa) X(46, 0xc3) X(47, 0x4e) \
    X(48, 0x08) X(49, 0x2e) X(50, 0xa1) X(51, 0x66) X(52, 0x28) X(53, 0xd9) X(54, 0x24) X(55, 0xb2) \
    X(56, 0x76) X(57, 0x5b) X(58, 0xa2) X(59, 0x49) X(60, 0x6d) X(61, 0x8b) X(62, 0xd1) X(63, 0x25) \
    X(64, 0x72) X(65, 0xf8) X(66, 0xf6) X(67, 0x64) X(68, 0x86) X(69, 0x68) X(70, 0x98) X(71, 0x16) \
    X(72, 0xd4) X(73, 0xa4) X(74, 0x5c) X(75, 0xcc) X(76, 0x5d) X(77, 0x65) X(78, 0xb6) X(79, 0x92) \
    X(80, 0x6c) X(81, 0x70) X(82, 0x48) X(83, 0x50) X(84, 0xfd) X(85, 0xed) X(86, 0xb9) X(87, 0xda) \
    X(88, 0x5e) X(89, 0x15) X(90, 0x46) X(91, 0x57) X(92, 0xa7) X(93, 0x8d) X(94, 0x9d) X(95, 0x84) \
    X(96, 0x90) X(97, 0xd8) X(98, 0xab) X(99, 0x00) X(100, 0x8c) X(101, 0xbc) X(102, 0xd3) X(103, 0x0a) \
    X(104, 0xf7) X(105, 0xe4) X(106, 0x58) X(107, 0x05) X(108, 0xb8) X(109, 0xb3) X(110, 0x45) X(111, 0x06) \
    X(112, 0xd0) X(113, 0x2c) X(114, 0x1e) X(115, 0x8f) X(116, 0xca) X(117, 0x3f) X(118, 0x0f) X(119, 0x02) \
    X(120, 0xc1) X(121, 0xaf) X(122, 0xbd) X(123, 0x03) X(124, 0x01) X(125, 0x13) X(126, 0x8a) X(127, 0x6b) \
    X(128, 0x3a) X(129, 0x91) X(130, 0x11) X(131, 0x41) X(132, 0x4f) X(133, 0x67) X(134, 0xdc) X(135, 0xea) \
    X(136, 0x97) X(137, 0xf2) X(138, 0xcf) X(139, 0xce) X(140, 0xf0) X(141, 0xb4) X(142, 0xe6) X(143, 0x73) \
    X(144, 0x96) X(145, 0xac) X(146, 0x74) X(147, 0x22) X(148, 0xe7) X(149, 0xad) X(150, 0x35) X(151, 0x85) \
    X(152, 0xe2) X(153, 0xf9) X(154, 0x37) X(155, 0xe8) X(156, 0x1c) X(157, 0x75) X(158, 0xdf) X(159, 0x6e) \
    X(160, 0x47) X(161, 0xf1) X(162, 0x1a) X(163, 0x71) X(164, 0x1d) X(165, 0x29) X(166, 0xc5) X(167, 0x89) \
    X(168, 0x6f) X(169, 0xb7) X(170, 0x62) X(171, 0x0e) X(172, 0xaa) X(173, 0x18) X(174, 0xbe) X(175, 0x1b) \
    X(176, 0xfc) X(177, 0x56) X(178, 0x3e) X(179, 0x4b) X(180, 0xc6) X(181, 0xd2) X(182, 0x79) X(183, 0x20) \
    X(184, 0x9a) X(185, 0xdb) X(186, 0xc0) X(187, 0xfe) X(188, 0x78) X(189, 0xcd) X(190, 0x5a) X(191, 0xf4) \
    X(192, 0x1f) X(193, 0xdd) X(194, 0xa8) X(195, 0x33) X(196, 0x88) X(197, 0x07) X(198, 0xc7) X(199, 0x31) \
    X(200, 0xb1) X(201, 0x12) X(202, 0x10) X(203, 0x59) X(204, 0x27) X(205, 0x80) X(206, 0xec) X(207, 0x5f) \
    X(208, 0x60) X(209, 0x51) X(210, 0x7f) X(211, 0xa9) X(212, 0x19) X(213, 0xb5) X(214, 0x4a) X(215, 0x0d) \
    X(216, 0x2d) X(217, 0xe5) X(218, 0x7a) X(219, 0x9f) X(220, 0x93) X(221, 0xc9) X(222, 0x9c) X(223, 0xef) \
    X(224, 0xa0) X(225, 0xe0) X(226, 0x3b) X(227, 0x4d) X(228, 0xae) X(229, 0x2a) X(230, 0xf5) X(231, 0xb0) \
    X(232, 0xc8) X(233, 0xeb) X(234, 0xbb) X(235, 0x3c) X(236, 0x83) X(237, 0x53) X(238, 0x99) X(239, 0x61) \
    X(240, 0x17) X(241, 0x2b) X(242, 0x04) X(243, 0x7e) X(244, 0xba) X(245, 0x77) X(246, 0xd6) X(247, 0x26) \
    X(248, 0xe1) X(249, 0x69) X(250, 0x14) X(251, 0x63) X(252, 0x55) X(253, 0x21) X(254, 0x0c) X(255, 0x7d)

#define VXM_TABLE_ENTRY(i, v) v,
#define VXM_SBOX_CASE(i, v) x == i ? v :

/*@
  // ---- bytes and lanes --------------------------------------------------------
  // Bit i (0 .. 15) of a mask m >= 0, by division by a constant (VXM_BIT below).
  logic integer VXM_MASKBIT(integer m, integer i) =
    i == 0 ? m % 2 : i == 1 ? (m / 2) % 2 : i == 2 ? (m / 4) % 2 : i == 3 ? (m / 8) % 2 :
    i == 4 ? (m / 16) % 2 : i == 5 ? (m / 32) % 2 : i == 6 ? (m / 64) % 2 : i == 7 ? (m / 128) % 2 :
    i == 8 ? (m / 256) % 2 : i == 9 ? (m / 512) % 2 : i == 10 ? (m / 1024) % 2 : i == 11 ? (m / 2048) % 2 :
    i == 12 ? (m / 4096) % 2 : i == 13 ? (m / 8192) % 2 : i == 14 ? (m / 16384) % 2 : i == 15 ? (m / 32768) % 2 : 0;
  // Byte k (0 ..) of the non-negative integer x.
  logic integer VXM_BYTE(integer x, integer k) = (x / (1 << (8 * k))) % 256;
  // x modulo 2^bits, in 0 .. 2^bits - 1 (two's complement bits of a negative x).
  logic integer VXM_WRAP(integer x, integer bits) = ((x % (1 << bits)) + (1 << bits)) % (1 << bits);
  // x >> s for a signed x, rounding down (arithmetic shift).
  logic integer VXM_ASR(integer x, integer s) =
    x >= 0 ? x / (1 << s) : -((-x - 1) / (1 << s)) - 1;
  // The 8-bit ternary function imm applied bitwise to the bytes x, y, z
  // (VPTERNLOG: result bit = imm bit number 4 x_i + 2 y_i + z_i).
  logic integer VXM_TBIT(integer x, integer y, integer z, integer imm, integer i) =
    (imm / (1 << (4 * ((x / (1 << i)) % 2) + 2 * ((y / (1 << i)) % 2) + (z / (1 << i)) % 2))) % 2;
  logic integer VXM_TERN(integer x, integer y, integer z, integer imm) =
    VXM_TBIT(x, y, z, imm, 0) + 2 * VXM_TBIT(x, y, z, imm, 1) + 4 * VXM_TBIT(x, y, z, imm, 2) +
    8 * VXM_TBIT(x, y, z, imm, 3) + 16 * VXM_TBIT(x, y, z, imm, 4) + 32 * VXM_TBIT(x, y, z, imm, 5) +
    64 * VXM_TBIT(x, y, z, imm, 6) + 128 * VXM_TBIT(x, y, z, imm, 7);
  // Carry-less product of the low n bits of y with x (PCLMULQDQ: n = 64).
  logic integer VXM_CLMUL(integer x, integer y, integer n) =
    n <= 0 ? 0 : VXM_CLMUL(x, y, n - 1) ^ ((y / (1 << (n - 1))) % 2 == 1 ? x * (1 << (n - 1)) : 0);

  // ---- AES (FIPS-197 §5.1, §5.3; the state byte r + 4 c is row r, column c) --
  logic integer VXM_SB(integer x) = VXM_SBOX_TABLE(VXM_SBOX_CASE) 0;
  logic integer VXM_ISB(integer x) = VXM_INV_SBOX_TABLE(VXM_SBOX_CASE) 0;
  // xtime (§4.2.1) and the products of MixColumns / InvMixColumns (§5.1.3, §5.3.3).
  logic integer VXM_XT(integer x) = x < 128 ? 2 * x : bx(2 * x - 256, 0x1b);
  logic integer VXM_M9(integer x) = bx(VXM_XT(VXM_XT(VXM_XT(x))), x);
  logic integer VXM_M11(integer x) = bx(bx(VXM_XT(VXM_XT(VXM_XT(x))), VXM_XT(x)), x);
  logic integer VXM_M13(integer x) = bx(bx(VXM_XT(VXM_XT(VXM_XT(x))), VXM_XT(VXM_XT(x))), x);
  logic integer VXM_M14(integer x) =
    bx(bx(VXM_XT(VXM_XT(VXM_XT(x))), VXM_XT(VXM_XT(x))), VXM_XT(x));
  // One output byte of (Inv)MixColumns from the column's bytes, starting at its row.
  logic integer VXM_MIX(integer s0, integer s1, integer s2, integer s3) =
    bx(bx(VXM_XT(s0), bx(VXM_XT(s1), s1)), bx(s2, s3));
  logic integer VXM_INVMIX(integer s0, integer s1, integer s2, integer s3) =
    bx(bx(VXM_M14(s0), VXM_M11(s1)), bx(VXM_M13(s2), VXM_M9(s3)));
  // Row r (mod 4), column c of SubBytes(ShiftRows(s)) and of InvSubBytes(InvShiftRows(s)).
  logic integer VXM_ENC_SUB(SPEC_P16(s), integer r, integer c) =
    VXM_SB(sel16(SPEC_A16(s), r % 4 + 4 * ((c + r % 4) % 4)));
  logic integer VXM_DEC_SUB(SPEC_P16(s), integer r, integer c) =
    VXM_ISB(sel16(SPEC_A16(s), r % 4 + 4 * ((c + 4 - r % 4) % 4)));
  // Byte k of AESENC / AESENCLAST / AESDEC / AESDECLAST before the round-key
  // xor, and of AESIMC (InvMixColumns).
  logic integer VXM_AESENC(SPEC_P16(s), integer k) =
    VXM_MIX(VXM_ENC_SUB(SPEC_A16(s), k % 4, k / 4), VXM_ENC_SUB(SPEC_A16(s), k % 4 + 1, k / 4),
            VXM_ENC_SUB(SPEC_A16(s), k % 4 + 2, k / 4), VXM_ENC_SUB(SPEC_A16(s), k % 4 + 3, k / 4));
  logic integer VXM_AESENCLAST(SPEC_P16(s), integer k) = VXM_ENC_SUB(SPEC_A16(s), k % 4, k / 4);
  logic integer VXM_AESDEC(SPEC_P16(s), integer k) =
    VXM_INVMIX(VXM_DEC_SUB(SPEC_A16(s), k % 4, k / 4), VXM_DEC_SUB(SPEC_A16(s), k % 4 + 1, k / 4),
               VXM_DEC_SUB(SPEC_A16(s), k % 4 + 2, k / 4), VXM_DEC_SUB(SPEC_A16(s), k % 4 + 3, k / 4));
  logic integer VXM_AESDECLAST(SPEC_P16(s), integer k) = VXM_DEC_SUB(SPEC_A16(s), k % 4, k / 4);
  logic integer VXM_AESIMC(SPEC_P16(s), integer k) =
    VXM_INVMIX(sel16(SPEC_A16(s), k % 4 + 4 * (k / 4)), sel16(SPEC_A16(s), (k + 1) % 4 + 4 * (k / 4)),
               sel16(SPEC_A16(s), (k + 2) % 4 + 4 * (k / 4)), sel16(SPEC_A16(s), (k + 3) % 4 + 4 * (k / 4)));
  // AESKEYGENASSIST: SubWord(X1), RotWord(SubWord(X1)) ^ rcon, the same for X3
  // (X1 = bytes 4..7, X3 = bytes 12..15; RotWord moves byte 1 to byte 0).
  logic integer VXM_KEYGEN(SPEC_P16(s), integer rcon, integer k) =
    k % 8 < 4 ? VXM_SB(sel16(SPEC_A16(s), 4 + 8 * (k / 8) + k % 4)) :
    k % 8 == 4 ? bx(VXM_SB(sel16(SPEC_A16(s), 5 + 8 * (k / 8))), rcon) :
                VXM_SB(sel16(SPEC_A16(s), 4 + 8 * (k / 8) + (k % 4 + 1) % 4));
*/

/* Little-endian lane values in ACSL: qword / dword at byte o of the bytes v. */
#define VXM_Q(v, o) ((v)[(o)] + 256 * (v)[(o) + 1] + 65536 * (v)[(o) + 2] + 16777216 * (v)[(o) + 3] + \
    4294967296 * (v)[(o) + 4] + 1099511627776 * (v)[(o) + 5] + 281474976710656 * (v)[(o) + 6] + \
    72057594037927936 * (v)[(o) + 7])
#define VXM_D(v, o) ((v)[(o)] + 256 * (v)[(o) + 1] + 65536 * (v)[(o) + 2] + 16777216 * (v)[(o) + 3])
/* Mask bit i (0 .. 15) of m, by division by a constant: a constant mask
 * decides it without bit reasoning (which the provers lack). */
#define VXM_BIT(m, i) (VXM_MASKBIT((m), (i)) == 1)

/* ---- byte-k specs shared by several widths (k is the byte of the whole vector) */
#define VXM_S_XOR(a, b, k) bx((a).b[k], (b).b[k])
#define VXM_S_AND(a, b, k) ((a).b[k] & (b).b[k])
#define VXM_S_ADD64(a, b, k) VXM_BYTE(VXM_Q((a).b, (k) - (k) % 8) + VXM_Q((b).b, (k) - (k) % 8), (k) % 8)
#define VXM_S_SUB64(a, b, k) \
    VXM_BYTE(VXM_Q((a).b, (k) - (k) % 8) + 18446744073709551616 - VXM_Q((b).b, (k) - (k) % 8), (k) % 8)
#define VXM_S_SHL64(a, n, k) ((n) > 63 ? 0 : VXM_BYTE(VXM_Q((a).b, (k) - (k) % 8) * (1 << (n)), (k) % 8))
#define VXM_S_SHR64(a, n, k) ((n) > 63 ? 0 : VXM_BYTE(VXM_Q((a).b, (k) - (k) % 8) / (1 << (n)), (k) % 8))
#define VXM_S_SHL32(a, n, k) ((n) > 31 ? 0 : VXM_BYTE(VXM_D((a).b, (k) - (k) % 4) * (1 << (n)), (k) % 4))
#define VXM_S_SHR32(a, n, k) ((n) > 31 ? 0 : VXM_BYTE(VXM_D((a).b, (k) - (k) % 4) / (1 << (n)), (k) % 4))
/* Per 128-bit lane: byte shifts (PSLLDQ / PSRLDQ, imm > 15 clears), the
 * dword shuffle (PSHUFD), unpack-high (PUNPCKHDQ / PUNPCKHQDQ). */
#define VXM_S_BSLL(a, n, k) ((k) % 16 >= (n) ? (a).b[(k) - (n)] : 0)
#define VXM_S_BSRL(a, n, k) ((k) % 16 + (n) < 16 ? (a).b[(k) + (n)] : 0)
/* PSHUFD's selector for byte k: bits 2d, 2d+1 of imm for dword d, by
 * division (C and ACSL alike). */
#define VXM_SHUF_SEL(imm, k) (((imm) / ((k) % 16 / 4 == 0 ? 1 : (k) % 16 / 4 == 1 ? 4 : (k) % 16 / 4 == 2 ? 16 : 64)) % 4)
#define VXM_S_SHUF32(a, imm, k) (a).b[(k) - (k) % 16 + 4 * VXM_SHUF_SEL(imm, k) + (k) % 4]
#define VXM_S_UNPACKHI32(a, c, k) ((((k) % 16) / 4) % 2 == 0 ? \
    (a).b[(k) - (k) % 16 + 8 + 4 * ((((k) % 16) / 4) / 2) + (k) % 4] : \
    (c).b[(k) - (k) % 16 + 8 + 4 * ((((k) % 16) / 4) / 2) + (k) % 4])
#define VXM_S_UNPACKHI64(a, c, k) ((k) % 16 < 8 ? (a).b[(k) - (k) % 16 + 8 + (k) % 8] : \
                                                 (c).b[(k) - (k) % 16 + 8 + (k) % 8])
/* PCLMULQDQ in each 128-bit lane: qword imm bit 0 of a times qword imm bit 4 of c. */
#define VXM_S_CLMUL(a, c, imm, k) VXM_BYTE(VXM_CLMUL(VXM_Q((a).b, (k) - (k) % 16 + 8 * ((imm) & 1)), \
    VXM_Q((c).b, (k) - (k) % 16 + 8 * (((imm) >> 4) & 1)), 64), (k) % 16)
/* An AES round instruction F on the 128-bit lane of byte k, then the round-key xor. */
#define VXM_S_AES(F, a, rk, k) bx(F(SPEC_M16((a).b, (k) - (k) % 16), (k) % 16), (rk).b[k])
#define VXM_S_TERN(a, b, c, imm, k) VXM_TERN((a).b[k], (b).b[k], (c).b[k], (imm))

/* ---- executable helpers (not part of the modelled interface) ---------------- */
/* Mask bit i of m (as VXM_BIT). */
/*@ requires 0 <= i < 16;
    assigns \nothing;
    ensures \result == VXM_MASKBIT(m, i);
*/
static inline int vxm_bit(unsigned m, int i)
{
    switch (i) {
    case 0: return (int)(m % 2u);
    case 1: return (int)((m / 2u) % 2u);
    case 2: return (int)((m / 4u) % 2u);
    case 3: return (int)((m / 8u) % 2u);
    case 4: return (int)((m / 16u) % 2u);
    case 5: return (int)((m / 32u) % 2u);
    case 6: return (int)((m / 64u) % 2u);
    case 7: return (int)((m / 128u) % 2u);
    case 8: return (int)((m / 256u) % 2u);
    case 9: return (int)((m / 512u) % 2u);
    case 10: return (int)((m / 1024u) % 2u);
    case 11: return (int)((m / 2048u) % 2u);
    case 12: return (int)((m / 4096u) % 2u);
    case 13: return (int)((m / 8192u) % 2u);
    case 14: return (int)((m / 16384u) % 2u);
    default: return (int)((m / 32768u) % 2u);
    }
}
static const uint8_t vxm_sbox[256] = { VXM_SBOX_TABLE(VXM_TABLE_ENTRY) };
static const uint8_t vxm_inv_sbox[256] = { VXM_INV_SBOX_TABLE(VXM_TABLE_ENTRY) };

static inline uint64_t vxm_get64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}
static inline void vxm_put64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static inline uint32_t vxm_get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline void vxm_put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static inline uint8_t vxm_xt(uint8_t x)
{
    return (uint8_t)((x << 1) ^ ((x >> 7) * 0x1b));
}
static inline uint8_t vxm_mix(uint8_t s0, uint8_t s1, uint8_t s2, uint8_t s3)
{
    return (uint8_t)(vxm_xt(s0) ^ vxm_xt(s1) ^ s1 ^ s2 ^ s3);
}
static inline uint8_t vxm_invmix(uint8_t s0, uint8_t s1, uint8_t s2, uint8_t s3)
{
    uint8_t m[4] = { s0, s1, s2, s3 }, r = 0;
    static const uint8_t coef[4] = { 14, 11, 13, 9 };
    for (int i = 0; i < 4; i++) {
        uint8_t x2 = vxm_xt(m[i]), x4 = vxm_xt(x2), x8 = vxm_xt(x4);
        r ^= (uint8_t)(x8 ^ (coef[i] & 4 ? x4 : 0) ^ (coef[i] & 2 ? x2 : 0) ^ (coef[i] & 1 ? m[i] : 0));
    }
    return r;
}
enum vxm_aes_op { VXM_ENC, VXM_ENCLAST, VXM_DEC, VXM_DECLAST, VXM_IMC };
/* One AES instruction on the 16-byte lane s (as the logic functions above). */
static inline void vxm_aes_lane(uint8_t out[16], const uint8_t s[16], const uint8_t *rk, enum vxm_aes_op op)
{
    uint8_t sub[16];
    for (int k = 0; k < 16; k++) {
        int r = k % 4, c = k / 4;
        sub[k] = op == VXM_ENC || op == VXM_ENCLAST ? vxm_sbox[s[r + 4 * ((c + r) % 4)]]
               : op == VXM_IMC ? s[k] : vxm_inv_sbox[s[r + 4 * ((c + 4 - r) % 4)]];
    }
    for (int k = 0; k < 16; k++) {
        int r = k % 4, c4 = k - r;
        uint8_t a = sub[c4 + r], b = sub[c4 + (r + 1) % 4], c = sub[c4 + (r + 2) % 4], d = sub[c4 + (r + 3) % 4];
        uint8_t v = op == VXM_ENC ? vxm_mix(a, b, c, d)
                  : op == VXM_DEC || op == VXM_IMC ? vxm_invmix(a, b, c, d) : a;
        out[k] = (uint8_t)(op == VXM_IMC ? v : v ^ rk[k]);
    }
}
static inline void vxm_aes(uint8_t *out, const uint8_t *s, const uint8_t *rk, int nbytes, enum vxm_aes_op op)
{
    for (int l = 0; l < nbytes; l += 16)
        vxm_aes_lane(out + l, s + l, rk + l, op);
}
/* Carry-less 64 x 64 -> 128-bit product into 16 bytes. */
static inline void vxm_clmul(uint8_t out[16], uint64_t x, uint64_t y)
{
    uint64_t lo = 0, hi = 0;
    for (int i = 0; i < 64; i++)
        if ((y >> i) & 1) {
            lo ^= x << i;
            hi ^= i ? x >> (64 - i) : 0;
        }
    vxm_put64(out, lo);
    vxm_put64(out + 8, hi);
}
static inline uint8_t vxm_tern(uint8_t x, uint8_t y, uint8_t z, int imm)
{
    uint8_t r = 0;
    for (int i = 0; i < 8; i++)
        r |= (uint8_t)(((imm >> (4 * ((x >> i) & 1) + 2 * ((y >> i) & 1) + ((z >> i) & 1))) & 1) << i);
    return r;
}

/* ==== 128-bit ==== */

/* ---- bitwise, moves, shuffles (byte for byte) ---- */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_XOR(a, b, k);
*/
VXM_FN vxm128 VXM(_mm_xor_si128)(vxm128 a, vxm128 b)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_XOR(a, b, j);
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(a.b[k] ^ b.b[k]);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_AND(a, b, k);
*/
VXM_FN vxm128 VXM(_mm_and_si128)(vxm128 a, vxm128 b)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_AND(a, b, j);
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(a.b[k] & b.b[k]);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == 0;
*/
VXM_FN vxm128 VXM(_mm_setzero_si128)(void)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == 0;
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(0);
    return r;
}

/* MOVQ: the low qword, the high one cleared. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == (k < 8 ? a.b[k] : 0);
*/
VXM_FN vxm128 VXM(_mm_move_epi64)(vxm128 a)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == (j < 8 ? a.b[j] : 0);
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(k < 8 ? a.b[k] : 0);
    return r;
}

/* PSLLDQ / PSRLDQ: shift by imm bytes; imm > 15 clears. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_BSLL(a, imm, k);
*/
VXM_FN vxm128 VXM(_mm_slli_si128)(vxm128 a, const int imm)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_BSLL(a, imm, j);
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(k % 16 >= imm ? a.b[k - imm] : 0);
    return r;
}

/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_BSRL(a, imm, k);
*/
VXM_FN vxm128 VXM(_mm_srli_si128)(vxm128 a, const int imm)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_BSRL(a, imm, j);
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(k % 16 + imm < 16 ? a.b[k + imm] : 0);
    return r;
}

/* PSHUFD: dword i of the result is dword (imm >> 2i) & 3 of a. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_SHUF32(a, imm, k);
*/
VXM_FN vxm128 VXM(_mm_shuffle_epi32)(vxm128 a, const int imm)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_SHUF32(a, imm, j);
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(a.b[k - k % 16 + 4 * VXM_SHUF_SEL(imm, k) + k % 4]);
    return r;
}

/* MOVDQU / MOVDQA loads: the 16 bytes at p (alignment of MOVDQA not modelled). */
/*@
    requires \valid_read(p);
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == p->b[k];
*/
VXM_FN vxm128 VXM(_mm_loadu_si128)(const vxm128 *p)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == p->b[j];
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(p->b[k]);
    return r;
}

/*@
    requires \valid_read(p);
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == p->b[k];
*/
VXM_FN vxm128 VXM(_mm_load_si128)(const vxm128 *p)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == p->b[j];
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(p->b[k]);
    return r;
}

/* MOVDQU / MOVDQA stores. */
/*@
    requires \valid(p);
    assigns *p;
    ensures \forall integer k; 0 <= k < 16 ==> p->b[k] == a.b[k];
*/
VXM_FN void VXM(_mm_storeu_si128)(vxm128 *p, vxm128 a)
{
    *p = a;
}

/*@
    requires \valid(p);
    assigns *p;
    ensures \forall integer k; 0 <= k < 16 ==> p->b[k] == a.b[k];
*/
VXM_FN void VXM(_mm_store_si128)(vxm128 *p, vxm128 a)
{
    *p = a;
}

/* ---- lane arithmetic (per little-endian qword / dword) ---- */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_ADD64(a, b, k);
*/
VXM_FN vxm128 VXM(_mm_add_epi64)(vxm128 a, vxm128 b)
{
    vxm128 r;
    for (int q = 0; q < 16; q += 8)
        vxm_put64(r.b + q, vxm_get64(a.b + q) + vxm_get64(b.b + q));
    return r;
}

/* PSLLQ / PSRLQ family: a count above 63 clears the lane. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_SHL64(a, imm, k);
*/
VXM_FN vxm128 VXM(_mm_slli_epi64)(vxm128 a, int imm)
{
    vxm128 r;
    for (int q = 0; q < 16; q += 8)
        vxm_put64(r.b + q, imm > 63 ? 0 : vxm_get64(a.b + q) << imm);
    return r;
}

/* The count is the low qword of count. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_SHL64(a, VXM_Q(count.b, 0), k);
*/
VXM_FN vxm128 VXM(_mm_sll_epi64)(vxm128 a, vxm128 count)
{
    vxm128 r;
    uint64_t c = vxm_get64(count.b);
    for (int q = 0; q < 16; q += 8)
        vxm_put64(r.b + q, c > 63 ? 0 : vxm_get64(a.b + q) << c);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_SHR64(a, VXM_Q(count.b, 0), k);
*/
VXM_FN vxm128 VXM(_mm_srl_epi64)(vxm128 a, vxm128 count)
{
    vxm128 r;
    uint64_t c = vxm_get64(count.b);
    for (int q = 0; q < 16; q += 8)
        vxm_put64(r.b + q, c > 63 ? 0 : vxm_get64(a.b + q) >> c);
    return r;
}

/* PSRAD: arithmetic shift of each dword; a count above 31 acts as 31. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_BYTE(VXM_WRAP(VXM_ASR(VXM_D(a.b, k - k % 4) - (a.b[k - k % 4 + 3] >= 128 ? 4294967296 : 0), imm > 31 ? 31 : imm), 32), k % 4);
*/
VXM_FN vxm128 VXM(_mm_srai_epi32)(vxm128 a, int imm)
{
    vxm128 r;
    for (int d = 0; d < 16; d += 4) {
        uint32_t v = vxm_get32(a.b + d), sign = (uint32_t)0 - (v >> 31);
        int s = imm > 31 ? 31 : imm;
        vxm_put32(r.b + d, s ? (v >> s) | (sign << (32 - s)) : v);
    }
    return r;
}

/* MOVD: v in the low dword, the rest cleared. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == (k < 4 ? VXM_BYTE(VXM_WRAP(v, 32), k) : 0);
*/
VXM_FN vxm128 VXM(_mm_cvtsi32_si128)(int v)
{
    vxm128 r = { { 0 } };
    vxm_put32(r.b, (uint32_t)v);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_BYTE(VXM_WRAP(k < 4 ? e0 : k < 8 ? e1 : k < 12 ? e2 : e3, 32), k % 4);
*/
VXM_FN vxm128 VXM(_mm_set_epi32)(int e3, int e2, int e1, int e0)
{
    vxm128 r;
    vxm_put32(r.b, (uint32_t)e0);
    vxm_put32(r.b + 4, (uint32_t)e1);
    vxm_put32(r.b + 8, (uint32_t)e2);
    vxm_put32(r.b + 12, (uint32_t)e3);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_BYTE(VXM_WRAP(k < 8 ? e0 : e1, 64), k % 8);
*/
VXM_FN vxm128 VXM(_mm_set_epi64x)(long long e1, long long e0)
{
    vxm128 r;
    vxm_put64(r.b, (uint64_t)e0);
    vxm_put64(r.b + 8, (uint64_t)e1);
    return r;
}

/* PCLMULQDQ / VPCLMULQDQ: per 128-bit lane, the carry-less product of qword imm[0] of a
   * and qword imm[4] of b. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_CLMUL(a, b, imm, k);
*/
VXM_FN vxm128 VXM(_mm_clmulepi64_si128)(vxm128 a, vxm128 b, const int imm)
{
    vxm128 r;
    for (int l = 0; l < 16; l += 16)
        vxm_clmul(r.b + l, vxm_get64(a.b + l + 8 * (imm & 1)), vxm_get64(b.b + l + 8 * ((imm >> 4) & 1)));
    return r;
}

/* ---- AES round instructions (per 128-bit lane) ---- */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_AES(VXM_AESENC, a, rk, k);
*/
VXM_FN vxm128 VXM(_mm_aesenc_si128)(vxm128 a, vxm128 rk)
{
    vxm128 r;
    vxm_aes(r.b, a.b, rk.b, 16, VXM_ENC);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_AES(VXM_AESENCLAST, a, rk, k);
*/
VXM_FN vxm128 VXM(_mm_aesenclast_si128)(vxm128 a, vxm128 rk)
{
    vxm128 r;
    vxm_aes(r.b, a.b, rk.b, 16, VXM_ENCLAST);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_AES(VXM_AESDEC, a, rk, k);
*/
VXM_FN vxm128 VXM(_mm_aesdec_si128)(vxm128 a, vxm128 rk)
{
    vxm128 r;
    vxm_aes(r.b, a.b, rk.b, 16, VXM_DEC);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_S_AES(VXM_AESDECLAST, a, rk, k);
*/
VXM_FN vxm128 VXM(_mm_aesdeclast_si128)(vxm128 a, vxm128 rk)
{
    vxm128 r;
    vxm_aes(r.b, a.b, rk.b, 16, VXM_DECLAST);
    return r;
}

/* AESIMC: InvMixColumns (turns an encryption round key into a decryption one). */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_AESIMC(SPEC_M16(a.b, 0), k);
*/
VXM_FN vxm128 VXM(_mm_aesimc_si128)(vxm128 a)
{
    vxm128 r;
    vxm_aes_lane(r.b, a.b, a.b, VXM_IMC);
    return r;
}

/* AESKEYGENASSIST (FIPS-197 §5.2 SubWord / RotWord / Rcon). */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_KEYGEN(SPEC_M16(a.b, 0), imm, k);
*/
VXM_FN vxm128 VXM(_mm_aeskeygenassist_si128)(vxm128 a, const int imm)
{
    vxm128 r;
    for (int k = 0; k < 16; k++) {
        int base = 4 + 8 * (k / 8), i = k % 8 < 4 ? k % 4 : (k % 4 + 1) % 4;
        r.b[k] = (uint8_t)(vxm_sbox[a.b[base + i]] ^ (k % 8 == 4 ? imm : 0));
    }
    return r;
}

/* ==== 256-bit ==== */

/* ---- bitwise, moves, shuffles (byte for byte) ---- */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_XOR(a, b, k);
*/
VXM_FN vxm256 VXM(_mm256_xor_si256)(vxm256 a, vxm256 b)
{
    vxm256 r;
    /*@ loop invariant 0 <= k <= 32;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_XOR(a, b, j);
        loop assigns k, r.b[0 .. 31];
        loop variant 32 - k; */
    for (int k = 0; k < 32; k++)
        r.b[k] = (uint8_t)(a.b[k] ^ b.b[k]);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == 0;
*/
VXM_FN vxm256 VXM(_mm256_setzero_si256)(void)
{
    vxm256 r;
    /*@ loop invariant 0 <= k <= 32;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == 0;
        loop assigns k, r.b[0 .. 31];
        loop variant 32 - k; */
    for (int k = 0; k < 32; k++)
        r.b[k] = (uint8_t)(0);
    return r;
}

/* The low 128 bits. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == a.b[k];
*/
VXM_FN vxm128 VXM(_mm256_castsi256_si128)(vxm256 a)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == a.b[j];
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(a.b[k]);
    return r;
}

/* VBROADCASTI128 / VBROADCASTI32X4: a in every 128-bit lane. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == a.b[k % 16];
*/
VXM_FN vxm256 VXM(_mm256_broadcastsi128_si256)(vxm128 a)
{
    vxm256 r;
    /*@ loop invariant 0 <= k <= 32;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == a.b[j % 16];
        loop assigns k, r.b[0 .. 31];
        loop variant 32 - k; */
    for (int k = 0; k < 32; k++)
        r.b[k] = (uint8_t)(a.b[k % 16]);
    return r;
}

/* VPSLLDQ / VPSRLDQ in each 128-bit lane. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_BSLL(a, imm, k);
*/
VXM_FN vxm256 VXM(_mm256_bslli_epi128)(vxm256 a, const int imm)
{
    vxm256 r;
    /*@ loop invariant 0 <= k <= 32;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_BSLL(a, imm, j);
        loop assigns k, r.b[0 .. 31];
        loop variant 32 - k; */
    for (int k = 0; k < 32; k++)
        r.b[k] = (uint8_t)(k % 16 >= imm ? a.b[k - imm] : 0);
    return r;
}

/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_BSRL(a, imm, k);
*/
VXM_FN vxm256 VXM(_mm256_bsrli_epi128)(vxm256 a, const int imm)
{
    vxm256 r;
    /*@ loop invariant 0 <= k <= 32;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_BSRL(a, imm, j);
        loop assigns k, r.b[0 .. 31];
        loop variant 32 - k; */
    for (int k = 0; k < 32; k++)
        r.b[k] = (uint8_t)(k % 16 + imm < 16 ? a.b[k + imm] : 0);
    return r;
}

/* VPSHUFD in each 128-bit lane. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_SHUF32(a, imm, k);
*/
VXM_FN vxm256 VXM(_mm256_shuffle_epi32)(vxm256 a, const int imm)
{
    vxm256 r;
    /*@ loop invariant 0 <= k <= 32;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_SHUF32(a, imm, j);
        loop assigns k, r.b[0 .. 31];
        loop variant 32 - k; */
    for (int k = 0; k < 32; k++)
        r.b[k] = (uint8_t)(a.b[k - k % 16 + 4 * VXM_SHUF_SEL(imm, k) + k % 4]);
    return r;
}

/*@
    requires \valid_read(p);
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == p->b[k];
*/
VXM_FN vxm256 VXM(_mm256_loadu_si256)(const vxm256 *p)
{
    vxm256 r;
    /*@ loop invariant 0 <= k <= 32;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == p->b[j];
        loop assigns k, r.b[0 .. 31];
        loop variant 32 - k; */
    for (int k = 0; k < 32; k++)
        r.b[k] = (uint8_t)(p->b[k]);
    return r;
}

/*@
    requires \valid(p);
    assigns *p;
    ensures \forall integer k; 0 <= k < 32 ==> p->b[k] == a.b[k];
*/
VXM_FN void VXM(_mm256_storeu_si256)(vxm256 *p, vxm256 a)
{
    *p = a;
}

/*@
    requires \valid(p);
    assigns *p;
    ensures \forall integer k; 0 <= k < 32 ==> p->b[k] == a.b[k];
*/
VXM_FN void VXM(_mm256_store_si256)(vxm256 *p, vxm256 a)
{
    *p = a;
}

/* ---- lane arithmetic (per little-endian qword / dword) ---- */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_ADD64(a, b, k);
*/
VXM_FN vxm256 VXM(_mm256_add_epi64)(vxm256 a, vxm256 b)
{
    vxm256 r;
    for (int q = 0; q < 32; q += 8)
        vxm_put64(r.b + q, vxm_get64(a.b + q) + vxm_get64(b.b + q));
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_SUB64(a, b, k);
*/
VXM_FN vxm256 VXM(_mm256_sub_epi64)(vxm256 a, vxm256 b)
{
    vxm256 r;
    for (int q = 0; q < 32; q += 8)
        vxm_put64(r.b + q, vxm_get64(a.b + q) - vxm_get64(b.b + q));
    return r;
}

/* PSLLQ / PSRLQ family: a count above 63 clears the lane. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_SHL64(a, imm, k);
*/
VXM_FN vxm256 VXM(_mm256_slli_epi64)(vxm256 a, int imm)
{
    vxm256 r;
    for (int q = 0; q < 32; q += 8)
        vxm_put64(r.b + q, imm > 63 ? 0 : vxm_get64(a.b + q) << imm);
    return r;
}

/* VPSLLVQ / VPSRLVQ: a count per qword. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_SHL64(a, VXM_Q(count.b, k - k % 8), k);
*/
VXM_FN vxm256 VXM(_mm256_sllv_epi64)(vxm256 a, vxm256 count)
{
    vxm256 r;
    for (int q = 0; q < 32; q += 8) {
        uint64_t c = vxm_get64(count.b + q);
        vxm_put64(r.b + q, c > 63 ? 0 : vxm_get64(a.b + q) << c);
    }
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_SHR64(a, VXM_Q(count.b, k - k % 8), k);
*/
VXM_FN vxm256 VXM(_mm256_srlv_epi64)(vxm256 a, vxm256 count)
{
    vxm256 r;
    for (int q = 0; q < 32; q += 8) {
        uint64_t c = vxm_get64(count.b + q);
        vxm_put64(r.b + q, c > 63 ? 0 : vxm_get64(a.b + q) >> c);
    }
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_BYTE(VXM_WRAP(v, 64), k % 8);
*/
VXM_FN vxm256 VXM(_mm256_set1_epi64x)(long long v)
{
    vxm256 r;
    for (int q = 0; q < 32; q += 8)
        vxm_put64(r.b + q, (uint64_t)v);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_BYTE(VXM_WRAP(k < 8 ? e0 : k < 16 ? e1 : k < 24 ? e2 : e3, 64), k % 8);
*/
VXM_FN vxm256 VXM(_mm256_set_epi64x)(long long e3, long long e2, long long e1, long long e0)
{
    vxm256 r;
    vxm_put64(r.b, (uint64_t)e0);
    vxm_put64(r.b + 8, (uint64_t)e1);
    vxm_put64(r.b + 16, (uint64_t)e2);
    vxm_put64(r.b + 24, (uint64_t)e3);
    return r;
}

/* PCLMULQDQ / VPCLMULQDQ: per 128-bit lane, the carry-less product of qword imm[0] of a
   * and qword imm[4] of b. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_CLMUL(a, b, imm, k);
*/
VXM_FN vxm256 VXM(_mm256_clmulepi64_epi128)(vxm256 a, vxm256 b, const int imm)
{
    vxm256 r;
    for (int l = 0; l < 32; l += 16)
        vxm_clmul(r.b + l, vxm_get64(a.b + l + 8 * (imm & 1)), vxm_get64(b.b + l + 8 * ((imm >> 4) & 1)));
    return r;
}

/* ---- AES round instructions (per 128-bit lane) ---- */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_AES(VXM_AESENC, a, rk, k);
*/
VXM_FN vxm256 VXM(_mm256_aesenc_epi128)(vxm256 a, vxm256 rk)
{
    vxm256 r;
    vxm_aes(r.b, a.b, rk.b, 32, VXM_ENC);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_AES(VXM_AESENCLAST, a, rk, k);
*/
VXM_FN vxm256 VXM(_mm256_aesenclast_epi128)(vxm256 a, vxm256 rk)
{
    vxm256 r;
    vxm_aes(r.b, a.b, rk.b, 32, VXM_ENCLAST);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_AES(VXM_AESDEC, a, rk, k);
*/
VXM_FN vxm256 VXM(_mm256_aesdec_epi128)(vxm256 a, vxm256 rk)
{
    vxm256 r;
    vxm_aes(r.b, a.b, rk.b, 32, VXM_DEC);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 32 ==> \result.b[k] == VXM_S_AES(VXM_AESDECLAST, a, rk, k);
*/
VXM_FN vxm256 VXM(_mm256_aesdeclast_epi128)(vxm256 a, vxm256 rk)
{
    vxm256 r;
    vxm_aes(r.b, a.b, rk.b, 32, VXM_DECLAST);
    return r;
}

/* ==== 512-bit ==== */

/* ---- bitwise, moves, shuffles (byte for byte) ---- */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_XOR(a, b, k);
*/
VXM_FN vxm512 VXM(_mm512_xor_si512)(vxm512 a, vxm512 b)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_XOR(a, b, j);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(a.b[k] ^ b.b[k]);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == 0;
*/
VXM_FN vxm512 VXM(_mm512_setzero_si512)(void)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == 0;
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(0);
    return r;
}

/* The low 128 bits. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 16 ==> \result.b[k] == a.b[k];
*/
VXM_FN vxm128 VXM(_mm512_castsi512_si128)(vxm512 a)
{
    vxm128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == a.b[j];
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(a.b[k]);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == a.b[k % 16];
*/
VXM_FN vxm512 VXM(_mm512_broadcast_i32x4)(vxm128 a)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == a.b[j % 16];
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(a.b[k % 16]);
    return r;
}

/* VPSLLDQ / VPSRLDQ in each 128-bit lane. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_BSLL(a, imm, k);
*/
VXM_FN vxm512 VXM(_mm512_bslli_epi128)(vxm512 a, const int imm)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_BSLL(a, imm, j);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(k % 16 >= imm ? a.b[k - imm] : 0);
    return r;
}

/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_BSRL(a, imm, k);
*/
VXM_FN vxm512 VXM(_mm512_bsrli_epi128)(vxm512 a, const int imm)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_BSRL(a, imm, j);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(k % 16 + imm < 16 ? a.b[k + imm] : 0);
    return r;
}

/* VPSHUFD in each 128-bit lane. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_SHUF32(a, imm, k);
*/
VXM_FN vxm512 VXM(_mm512_shuffle_epi32)(vxm512 a, vxm_perm imm)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_SHUF32(a, imm, j);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(a.b[k - k % 16 + 4 * VXM_SHUF_SEL(imm, k) + k % 4]);
    return r;
}

/*@
    requires \valid_read(p + (0 .. 63));
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == p[k];
*/
VXM_FN vxm512 VXM(_mm512_loadu_si512)(const uint8_t *p)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == p[j];
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(p[k]);
    return r;
}

/* VMOVDQU64 zero-masked load: reads only the qwords whose mask bit is set (the others
   * may lie outside any object: masked-off lanes do not fault), and zeroes the rest. */
/*@
    requires \forall integer i; 0 <= i < 8 && VXM_BIT(m, i) ==> \valid_read(p + (8 * i .. 8 * i + 7));
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == (VXM_BIT(m, k / 8) ? p[k] : 0);
*/
VXM_FN vxm512 VXM(_mm512_maskz_loadu_epi64)(vxm_mask8 m, const uint8_t *p)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == (VXM_BIT(m, j / 8) ? p[j] : 0);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(vxm_bit(m, k / 8) ? p[k] : 0);
    return r;
}

/*@
    requires \valid(p + (0 .. 63));
    assigns p[0 .. 63];
    ensures \forall integer k; 0 <= k < 64 ==> p[k] == a.b[k];
*/
VXM_FN void VXM(_mm512_storeu_si512)(uint8_t *p, vxm512 a)
{
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> p[j] == a.b[j];
        loop assigns k, p[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        p[k] = a.b[k];
}

/*@
    requires \valid(p + (0 .. 63));
    assigns p[0 .. 63];
    ensures \forall integer k; 0 <= k < 64 ==> p[k] == a.b[k];
*/
VXM_FN void VXM(_mm512_store_si512)(uint8_t *p, vxm512 a)
{
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> p[j] == a.b[j];
        loop assigns k, p[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        p[k] = a.b[k];
}

/* VMOVDQU64 merge-masked store: writes exactly the qwords whose mask bit is set. */
/*@
    requires \forall integer i; 0 <= i < 8 && VXM_BIT(m, i) ==> \valid(p + (8 * i .. 8 * i + 7));
    assigns { p[k] | integer k; 0 <= k < 64 && VXM_BIT(m, k / 8) };
    ensures \forall integer k; 0 <= k < 64 && VXM_BIT(m, k / 8) ==> p[k] == a.b[k];
*/
VXM_FN void VXM(_mm512_mask_storeu_epi64)(uint8_t *p, vxm_mask8 m, vxm512 a)
{
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k && VXM_BIT(m, j / 8) ==> p[j] == a.b[j];
        loop assigns k, { p[j] | integer j; 0 <= j < 64 && VXM_BIT(m, j / 8) };
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        if (vxm_bit(m, k / 8))
            p[k] = a.b[k];
}

/* Zero-masked qword move. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == (VXM_BIT(m, k / 8) ? a.b[k] : 0);
*/
VXM_FN vxm512 VXM(_mm512_maskz_mov_epi64)(vxm_mask8 m, vxm512 a)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == (VXM_BIT(m, j / 8) ? a.b[j] : 0);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(vxm_bit(m, k / 8) ? a.b[k] : 0);
    return r;
}

/* Merge-masked dword xor: dwords whose mask bit is clear come from src. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == (VXM_BIT(m, k / 4) ? bx(a.b[k], b.b[k]) : src.b[k]);
*/
VXM_FN vxm512 VXM(_mm512_mask_xor_epi32)(vxm512 src, vxm_mask16 m, vxm512 a, vxm512 b)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == (VXM_BIT(m, j / 4) ? bx(a.b[j], b.b[j]) : src.b[j]);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(vxm_bit(m, k / 4) ? a.b[k] ^ b.b[k] : src.b[k]);
    return r;
}

/* VPUNPCKHDQ / VPUNPCKHQDQ in each 128-bit lane: (a2, b2, a3, b3) / (a1, b1). */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_UNPACKHI32(a, b, k);
*/
VXM_FN vxm512 VXM(_mm512_unpackhi_epi32)(vxm512 a, vxm512 b)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_UNPACKHI32(a, b, j);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(((k % 16) / 4) % 2 == 0 ? a.b[k - k % 16 + 8 + 4 * (((k % 16) / 4) / 2) + k % 4] : b.b[k - k % 16 + 8 + 4 * (((k % 16) / 4) / 2) + k % 4]);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_UNPACKHI64(a, b, k);
*/
VXM_FN vxm512 VXM(_mm512_unpackhi_epi64)(vxm512 a, vxm512 b)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_UNPACKHI64(a, b, j);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(k % 16 < 8 ? a.b[k - k % 16 + 8 + k % 8] : b.b[k - k % 16 + 8 + k % 8]);
    return r;
}

/* VPTERNLOGD / VPTERNLOGQ (unmasked: the element size does not matter). */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_TERN(a, b, c, imm, k);
*/
VXM_FN vxm512 VXM(_mm512_ternarylogic_epi32)(vxm512 a, vxm512 b, vxm512 c, const int imm)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_TERN(a, b, c, imm, j);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(vxm_tern(a.b[k], b.b[k], c.b[k], imm));
    return r;
}

/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_TERN(a, b, c, imm, k);
*/
VXM_FN vxm512 VXM(_mm512_ternarylogic_epi64)(vxm512 a, vxm512 b, vxm512 c, const int imm)
{
    vxm512 r;
    /*@ loop invariant 0 <= k <= 64;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == VXM_S_TERN(a, b, c, imm, j);
        loop assigns k, r.b[0 .. 63];
        loop variant 64 - k; */
    for (int k = 0; k < 64; k++)
        r.b[k] = (uint8_t)(vxm_tern(a.b[k], b.b[k], c.b[k], imm));
    return r;
}

/* ---- lane arithmetic (per little-endian qword / dword) ---- */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_ADD64(a, b, k);
*/
VXM_FN vxm512 VXM(_mm512_add_epi64)(vxm512 a, vxm512 b)
{
    vxm512 r;
    for (int q = 0; q < 64; q += 8)
        vxm_put64(r.b + q, vxm_get64(a.b + q) + vxm_get64(b.b + q));
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_SUB64(a, b, k);
*/
VXM_FN vxm512 VXM(_mm512_sub_epi64)(vxm512 a, vxm512 b)
{
    vxm512 r;
    for (int q = 0; q < 64; q += 8)
        vxm_put64(r.b + q, vxm_get64(a.b + q) - vxm_get64(b.b + q));
    return r;
}

/* PSLLQ / PSRLQ family: a count above 63 clears the lane. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_SHL64(a, imm, k);
*/
VXM_FN vxm512 VXM(_mm512_slli_epi64)(vxm512 a, unsigned int imm)
{
    vxm512 r;
    for (int q = 0; q < 64; q += 8)
        vxm_put64(r.b + q, imm > 63 ? 0 : vxm_get64(a.b + q) << imm);
    return r;
}

/* VPSLLVQ / VPSRLVQ: a count per qword. */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_SHL64(a, VXM_Q(count.b, k - k % 8), k);
*/
VXM_FN vxm512 VXM(_mm512_sllv_epi64)(vxm512 a, vxm512 count)
{
    vxm512 r;
    for (int q = 0; q < 64; q += 8) {
        uint64_t c = vxm_get64(count.b + q);
        vxm_put64(r.b + q, c > 63 ? 0 : vxm_get64(a.b + q) << c);
    }
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_SHR64(a, VXM_Q(count.b, k - k % 8), k);
*/
VXM_FN vxm512 VXM(_mm512_srlv_epi64)(vxm512 a, vxm512 count)
{
    vxm512 r;
    for (int q = 0; q < 64; q += 8) {
        uint64_t c = vxm_get64(count.b + q);
        vxm_put64(r.b + q, c > 63 ? 0 : vxm_get64(a.b + q) >> c);
    }
    return r;
}

/* VPSLLD / VPSRLD: a count above 31 clears the dword. */
/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_SHL32(a, imm, k);
*/
VXM_FN vxm512 VXM(_mm512_slli_epi32)(vxm512 a, unsigned int imm)
{
    vxm512 r;
    for (int d = 0; d < 64; d += 4)
        vxm_put32(r.b + d, imm > 31 ? 0 : vxm_get32(a.b + d) << imm);
    return r;
}

/*@
    requires 0 <= imm <= 255;
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_SHR32(a, imm, k);
*/
VXM_FN vxm512 VXM(_mm512_srli_epi32)(vxm512 a, unsigned int imm)
{
    vxm512 r;
    for (int d = 0; d < 64; d += 4)
        vxm_put32(r.b + d, imm > 31 ? 0 : vxm_get32(a.b + d) >> imm);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_BYTE(VXM_WRAP(v, 64), k % 8);
*/
VXM_FN vxm512 VXM(_mm512_set1_epi64)(long long v)
{
    vxm512 r;
    for (int q = 0; q < 64; q += 8)
        vxm_put64(r.b + q, (uint64_t)v);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == (VXM_BIT(m, k / 8) ? VXM_BYTE(VXM_WRAP(v, 64), k % 8) : 0);
*/
VXM_FN vxm512 VXM(_mm512_maskz_set1_epi64)(vxm_mask8 m, long long v)
{
    vxm512 r;
    for (int q = 0; q < 64; q += 8)
        vxm_put64(r.b + q, vxm_bit(m, q / 8) ? (uint64_t)v : 0);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_BYTE(VXM_WRAP(k < 8 ? e0 : k < 16 ? e1 : k < 24 ? e2 : k < 32 ? e3 : k < 40 ? e4 : k < 48 ? e5 : k < 56 ? e6 : e7, 64), k % 8);
*/
VXM_FN vxm512 VXM(_mm512_set_epi64)(long long e7, long long e6, long long e5, long long e4, long long e3, long long e2, long long e1, long long e0)
{
    vxm512 r;
    const long long e[8] = { e0, e1, e2, e3, e4, e5, e6, e7 };
    for (int q = 0; q < 8; q++)
        vxm_put64(r.b + 8 * q, (uint64_t)e[q]);
    return r;
}

/* ---- AES round instructions (per 128-bit lane) ---- */
/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_AES(VXM_AESENC, a, rk, k);
*/
VXM_FN vxm512 VXM(_mm512_aesenc_epi128)(vxm512 a, vxm512 rk)
{
    vxm512 r;
    vxm_aes(r.b, a.b, rk.b, 64, VXM_ENC);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_AES(VXM_AESENCLAST, a, rk, k);
*/
VXM_FN vxm512 VXM(_mm512_aesenclast_epi128)(vxm512 a, vxm512 rk)
{
    vxm512 r;
    vxm_aes(r.b, a.b, rk.b, 64, VXM_ENCLAST);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_AES(VXM_AESDEC, a, rk, k);
*/
VXM_FN vxm512 VXM(_mm512_aesdec_epi128)(vxm512 a, vxm512 rk)
{
    vxm512 r;
    vxm_aes(r.b, a.b, rk.b, 64, VXM_DEC);
    return r;
}

/*@
    assigns \nothing;
    ensures \forall integer k; 0 <= k < 64 ==> \result.b[k] == VXM_S_AES(VXM_AESDECLAST, a, rk, k);
*/
VXM_FN vxm512 VXM(_mm512_aesdeclast_epi128)(vxm512 a, vxm512 rk)
{
    vxm512 r;
    vxm_aes(r.b, a.b, rk.b, 64, VXM_DECLAST);
    return r;
}

#endif /* VXTS_MODEL_INTRIN_H */
