/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The formal specification of XTS-AES (IEEE Std 1619-2018 §5; NIST SP
 * 800-38E) in ACSL, over abstract block-cipher functions.
 *
 * ACSL only: the proved C files include this header under __FRAMAC__, so a
 * C compiler never sees it. Everything below is a definition except the
 * axioms listed here, which are the whole trusted part of the spec:
 *   bx_def              bx is byte xor (a definitional axiom: bx is fresh;
 *                       only in the proofs of code that xors, -DVXTS_SPEC_XOR);
 *   bx_range            bx returns a byte (follows from bx_def);
 *   E_range, D_range    the block cipher returns bytes (E, D uninterpreted);
 *   AP_0, AP_S          T * alpha^j by recursion on j (a definition);
 *   SECTOR_AT_def       SECTOR_AT(size, s) = size * s (a definition);
 *   KEY_*               none: key identities are uninterpreted symbols.
 * The lemmas (xts_lemmas.h, api_spec.h) are proved by WP.
 *
 * Conventions. A 128-bit block is 16 bytes, byte 0 first; as an element of
 * GF(2^128) byte 0 holds the coefficients of x^0..x^7 (IEEE 1619 §5.2: the
 * "little-endian" convention, bit 0 of byte 0 is x^0). Logic functions take
 * a block as 16 integer arguments, so equal bytes give equal results by
 * plain congruence. Byte b of a block-valued function is asked for with a
 * last argument b in 0..15. Memory is read only through labelled functions
 * ({L}) over a base pointer; everything else is pure.
 */
#ifndef VXTS_XTS_SPEC_H
#define VXTS_XTS_SPEC_H

#include <stdint.h>

/* A block as 16 logic parameters / arguments named x0 .. x15. */
#define SPEC_P16(x) integer x##0, integer x##1, integer x##2, integer x##3, integer x##4, \
    integer x##5, integer x##6, integer x##7, integer x##8, integer x##9, integer x##10, \
    integer x##11, integer x##12, integer x##13, integer x##14, integer x##15
#define SPEC_A16(x) x##0, x##1, x##2, x##3, x##4, x##5, x##6, x##7, x##8, x##9, x##10, \
    x##11, x##12, x##13, x##14, x##15
/* The 16 bytes p[o] .. p[o + 15] (in the current label of the annotation). */
#define SPEC_M16(p, o) (p)[(o) + 0], (p)[(o) + 1], (p)[(o) + 2], (p)[(o) + 3], (p)[(o) + 4], \
    (p)[(o) + 5], (p)[(o) + 6], (p)[(o) + 7], (p)[(o) + 8], (p)[(o) + 9], (p)[(o) + 10], \
    (p)[(o) + 11], (p)[(o) + 12], (p)[(o) + 13], (p)[(o) + 14], (p)[(o) + 15]
/* The same, in the pre-state of a contract. */
#define SPEC_OLD16(p) \old((p)[0]), \old((p)[1]), \old((p)[2]), \old((p)[3]), \old((p)[4]), \
    \old((p)[5]), \old((p)[6]), \old((p)[7]), \old((p)[8]), \old((p)[9]), \old((p)[10]), \
    \old((p)[11]), \old((p)[12]), \old((p)[13]), \old((p)[14]), \old((p)[15])
/* The 16 bytes p[0] .. p[15] at label L (in assertions: a C label, Pre, ...). */
#define SPEC_AT16(p, L) \at((p)[0], L), \at((p)[1], L), \at((p)[2], L), \at((p)[3], L), \
    \at((p)[4], L), \at((p)[5], L), \at((p)[6], L), \at((p)[7], L), \at((p)[8], L), \
    \at((p)[9], L), \at((p)[10], L), \at((p)[11], L), \at((p)[12], L), \at((p)[13], L), \
    \at((p)[14], L), \at((p)[15], L)
/* p[i] == f(args, i) for i = 0 .. 15, as 16 ground equalities. */
#define SPEC_EQ16(p, f, ...) ((p)[0] == f(__VA_ARGS__, 0) && (p)[1] == f(__VA_ARGS__, 1) && \
    (p)[2] == f(__VA_ARGS__, 2) && (p)[3] == f(__VA_ARGS__, 3) && (p)[4] == f(__VA_ARGS__, 4) && \
    (p)[5] == f(__VA_ARGS__, 5) && (p)[6] == f(__VA_ARGS__, 6) && (p)[7] == f(__VA_ARGS__, 7) && \
    (p)[8] == f(__VA_ARGS__, 8) && (p)[9] == f(__VA_ARGS__, 9) && (p)[10] == f(__VA_ARGS__, 10) && \
    (p)[11] == f(__VA_ARGS__, 11) && (p)[12] == f(__VA_ARGS__, 12) && \
    (p)[13] == f(__VA_ARGS__, 13) && (p)[14] == f(__VA_ARGS__, 14) && (p)[15] == f(__VA_ARGS__, 15))
/* Byte i of every block-valued f(args, i), i = 0 .. 15, as 16 arguments. */
#define SPEC_F16(f, ...) f(__VA_ARGS__, 0), f(__VA_ARGS__, 1), f(__VA_ARGS__, 2), \
    f(__VA_ARGS__, 3), f(__VA_ARGS__, 4), f(__VA_ARGS__, 5), f(__VA_ARGS__, 6), \
    f(__VA_ARGS__, 7), f(__VA_ARGS__, 8), f(__VA_ARGS__, 9), f(__VA_ARGS__, 10), \
    f(__VA_ARGS__, 11), f(__VA_ARGS__, 12), f(__VA_ARGS__, 13), f(__VA_ARGS__, 14), \
    f(__VA_ARGS__, 15)

/*
 * The whole transform (IEEE 1619 §5.3.2 / §5.4.2) from the tweak bytes
 * i = i0 .. i15 (the variable arguments): T_0 = E_K2(i) (§5.3.1 step 1, also
 * for decryption, §5.4.1), then XTS_ENC_T / XTS_DEC_T below: byte n of the
 * output, read at label L. Macros rather than logic
 * functions so that the provers see the defining term directly. The unit
 * is in[o, o+len).
 */
#define XTS_ENC_AT(L, key1, key2, in, o, len, n, ...) \
    XTS_ENC_T{L}(key1, in, o, len, SPEC_F16(E, key2, __VA_ARGS__), n)
#define XTS_DEC_AT(L, key1, key2, in, o, len, n, ...) \
    XTS_DEC_T{L}(key1, in, o, len, SPEC_F16(E, key2, __VA_ARGS__), n)

/* ---- bytes -----------------------------------------------------------------
 *
 * Byte xor. Kept uninterpreted: the SMT encoding of '^' has no
 * commutativity, and WP reorders '^' operands freely, so the spec and the
 * code xor through bx (see proofs/README.md, "bx"). Only the proofs of code
 * that computes a xor itself (ref, -DVXTS_SPEC_XOR) get its definition;
 * elsewhere bx stays abstract, which only weakens the hypotheses.
 */
#ifdef VXTS_SPEC_XOR
/*@ axiomatic SpecXor {
    logic integer bx(integer a, integer b);
    axiom bx_def: \forall integer a, b; bx(a, b) == (uint8_t)(a ^ b);
  }
*/
#else
/*@ axiomatic SpecXor {
    logic integer bx(integer a, integer b);
    axiom bx_range: \forall integer a, b; 0 <= bx(a, b) <= 255;   // follows from bx_def
  }
*/
#endif
/*@

  // Byte b (0 .. 15) of a block given as 16 arguments.
  logic integer sel16(SPEC_P16(x), integer b) =
    b == 0 ? x0 : b == 1 ? x1 : b == 2 ? x2 : b == 3 ? x3 : b == 4 ? x4 : b == 5 ? x5 :
    b == 6 ? x6 : b == 7 ? x7 : b == 8 ? x8 : b == 9 ? x9 : b == 10 ? x10 : b == 11 ? x11 :
    b == 12 ? x12 : b == 13 ? x13 : b == 14 ? x14 : x15;

  // ---- the block cipher (§5.1: AES with Key1 for data, Key2 for the tweak) --

  axiomatic SpecBlockCipher {
    // Byte b of E_key(x) and D_key(x): AES-128/256 encryption and decryption
    // (FIPS-197) under the key named `key`. Uninterpreted: every proof holds
    // for any pair of byte-block functions. The mode layer names the keys of
    // a context with KEY1/KEY2 (proofs/spec/kernel_spec.h), ref names them by their bytes.
    logic integer E(integer key, SPEC_P16(x), integer b);
    logic integer D(integer key, SPEC_P16(x), integer b);
    axiom E_range: \forall integer key, SPEC_P16(x), integer b; 0 <= E(key, SPEC_A16(x), b) <= 255;
    axiom D_range: \forall integer key, SPEC_P16(x), integer b; 0 <= D(key, SPEC_A16(x), b) <= 255;
  }

  // ---- §5.2 multiplication by alpha ----------------------------------------
  //
  // "Multiplication by a primitive element alpha": shift the 128-bit value
  // left by one bit (towards x^127), and if the bit shifted out (x^128) was
  // set, xor 0x87 (x^7 + x^2 + x + 1) into byte 0. Per byte: byte k gets its
  // own bits shifted up plus the top bit of byte k-1 (x/128 is that bit).
  // proofs/smt/ checks this byte formula against 128-bit GF(2^128) doubling.

  logic integer MULX(SPEC_P16(x), integer b) =
    b == 0  ? (x15 / 128 == 0 ? (uint8_t)(2 * x0) : (uint8_t)((uint8_t)(2 * x0) ^ 0x87)) :
    b == 1  ? (uint8_t)(2 * x1  + x0  / 128) : b == 2  ? (uint8_t)(2 * x2  + x1  / 128) :
    b == 3  ? (uint8_t)(2 * x3  + x2  / 128) : b == 4  ? (uint8_t)(2 * x4  + x3  / 128) :
    b == 5  ? (uint8_t)(2 * x5  + x4  / 128) : b == 6  ? (uint8_t)(2 * x6  + x5  / 128) :
    b == 7  ? (uint8_t)(2 * x7  + x6  / 128) : b == 8  ? (uint8_t)(2 * x8  + x7  / 128) :
    b == 9  ? (uint8_t)(2 * x9  + x8  / 128) : b == 10 ? (uint8_t)(2 * x10 + x9  / 128) :
    b == 11 ? (uint8_t)(2 * x11 + x10 / 128) : b == 12 ? (uint8_t)(2 * x12 + x11 / 128) :
    b == 13 ? (uint8_t)(2 * x13 + x12 / 128) : b == 14 ? (uint8_t)(2 * x14 + x13 / 128) :
              (uint8_t)(2 * x15 + x14 / 128);

  axiomatic SpecAlphaPower {
    // Byte b of t * alpha^j, j >= 0 (§5.3.1 step 1: T = E_K2(i) (x) alpha^j is
    // AP(E_K2(i), j)). Defined by recursion on j, written as two axioms so
    // that the provers unfold it only on demand.
    logic integer AP(SPEC_P16(t), integer j, integer b);
    axiom AP_0: \forall SPEC_P16(t), integer b; 0 <= b < 16 ==>
      AP(SPEC_A16(t), 0, b) == sel16(SPEC_A16(t), b);
    axiom AP_S: \forall SPEC_P16(t), integer j, b; 0 < j ==>
      AP(SPEC_A16(t), j, b) == MULX(SPEC_F16(AP, SPEC_A16(t), j - 1), b);
  }

  // ---- §5.3.1 / §5.4.1: one block, XTS-AES-blockEnc / blockDec -------------
  //
  // With the block's tweak T given (step 1: T = E_K2(i) (x) alpha^j):
  //   PP = P xor T      (step 2)
  //   CC = E_K1(PP)     (step 3)
  //    C = CC xor T     (step 4)
  // XEX_E is byte b of C for the block x and the tweak t; tb is t's byte b
  // (passed separately so that callers can name it directly). Decryption
  // is the same with D_K1 (§5.4.1).

  logic integer XEX_E(integer key, SPEC_P16(x), SPEC_P16(t), integer b, integer tb) =
    bx(E(key, bx(x0, t0), bx(x1, t1), bx(x2, t2), bx(x3, t3), bx(x4, t4), bx(x5, t5),
              bx(x6, t6), bx(x7, t7), bx(x8, t8), bx(x9, t9), bx(x10, t10), bx(x11, t11),
              bx(x12, t12), bx(x13, t13), bx(x14, t14), bx(x15, t15), b), tb);

  logic integer XEX_D(integer key, SPEC_P16(x), SPEC_P16(t), integer b, integer tb) =
    bx(D(key, bx(x0, t0), bx(x1, t1), bx(x2, t2), bx(x3, t3), bx(x4, t4), bx(x5, t5),
              bx(x6, t6), bx(x7, t7), bx(x8, t8), bx(x9, t9), bx(x10, t10), bx(x11, t11),
              bx(x12, t12), bx(x13, t13), bx(x14, t14), bx(x15, t15), b), tb);

  // Block j of a run of whole blocks at byte offset o of `in` whose first
  // tweak is t = T_0: its tweak is T_j = t (x) alpha^j.
  logic integer XB_E{L}(integer key, uint8_t *in, integer o, SPEC_P16(t), integer j, integer b) =
    XEX_E(key, SPEC_M16(in, o + 16 * j), SPEC_F16(AP, SPEC_A16(t), j), b, AP(SPEC_A16(t), j, b));

  logic integer XB_D{L}(integer key, uint8_t *in, integer o, SPEC_P16(t), integer j, integer b) =
    XEX_D(key, SPEC_M16(in, o + 16 * j), SPEC_F16(AP, SPEC_A16(t), j), b, AP(SPEC_A16(t), j, b));

  // The block at byte offset o of `in`, with the tweak t.
  logic integer BLK_E{L}(integer key, uint8_t *in, integer o, SPEC_P16(t), integer b) =
    XEX_E(key, SPEC_M16(in, o), SPEC_A16(t), b, sel16(SPEC_A16(t), b));

  logic integer BLK_D{L}(integer key, uint8_t *in, integer o, SPEC_P16(t), integer b) =
    XEX_D(key, SPEC_M16(in, o), SPEC_A16(t), b, sel16(SPEC_A16(t), b));

  // ---- §5.3.2: encryption of a data unit, with ciphertext stealing ---------
  //
  // P = P_0 .. P_{m-1} P_m, m = len / 16 whole blocks, r = len % 16 bytes in
  // the last, partial block P_m (r = 0: no partial block).
  //   C_j = blockEnc(P_j, j) for j < m - 1, and for j = m - 1 when r = 0;
  //   r > 0: CC      = blockEnc(P_{m-1}, m - 1);
  //          C_m     = the first r bytes of CC;
  //          PP      = P_m || the last 16 - r bytes of CC   (CP);
  //          C_{m-1} = blockEnc(PP, m).
  //
  // The stealing step is stated on the 16 + r bytes P_{m-1} || P_m at byte
  // offset o = 16 (m - 1), with t = T_{m-1}; then T_m = t (x) alpha = MULX(t).

  // Byte i of PP.
  logic integer STEAL_PP_E{L}(integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, integer i) =
    i < r ? in[o + 16 + i] : BLK_E(key, in, o, SPEC_A16(t), i);

  // Byte b (0 <= b < 16 + r) of C_{m-1} || C_m.
  logic integer STEAL_E{L}(integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, integer b) =
    b < 16 ?
      XEX_E(key, SPEC_F16(STEAL_PP_E, key, in, o, SPEC_A16(t), r), SPEC_F16(MULX, SPEC_A16(t)),
            b, MULX(SPEC_A16(t), b)) :                  // C_{m-1} = blockEnc(PP, m)
      BLK_E(key, in, o, SPEC_A16(t), b - 16);           // C_m = head of CC

  // Byte n (0 <= n < len) of the ciphertext of the len-byte data unit
  // in[o, o+len) whose first tweak is t = T_0 = E_K2(i); byte n is byte
  // n % 16 of block n / 16.
  logic integer XTS_ENC_T{L}(integer key1, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n) =
    \let m = len / 16; \let r = len % 16;
    r == 0 || n < 16 * (m - 1) ? XB_E(key1, in, o, SPEC_A16(t), n / 16, n % 16) :  // C_j
      STEAL_E(key1, in, o + 16 * (m - 1), SPEC_F16(AP, SPEC_A16(t), m - 1), r,
              n - 16 * (m - 1));                             // C_{m-1}, C_m

  // ---- §5.4.2: decryption of a data unit, with ciphertext stealing ---------
  //
  //   P_j = blockDec(C_j, j) for j < m - 1, and for j = m - 1 when r = 0;
  //   r > 0: PP      = blockDec(C_{m-1}, m)       (note: tweak m, not m - 1);
  //          P_m     = the first r bytes of PP;
  //          CC      = C_m || the last 16 - r bytes of PP   (CP);
  //          P_{m-1} = blockDec(CC, m - 1).
  // Again on C_{m-1} || C_m at offset o, with t = T_{m-1}.

  // Byte b of PP = blockDec(C_{m-1}, m): tweak T_m = MULX(t).
  logic integer STEAL_PP_D{L}(integer key, uint8_t *in, integer o, SPEC_P16(t), integer b) =
    XEX_D(key, SPEC_M16(in, o), SPEC_F16(MULX, SPEC_A16(t)), b, MULX(SPEC_A16(t), b));

  // Byte i of CC = C_m || CP.
  logic integer STEAL_CC_D{L}(integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, integer i) =
    i < r ? in[o + 16 + i] : STEAL_PP_D(key, in, o, SPEC_A16(t), i);

  // Byte b (0 <= b < 16 + r) of P_{m-1} || P_m.
  logic integer STEAL_D{L}(integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, integer b) =
    b < 16 ?
      XEX_D(key, SPEC_F16(STEAL_CC_D, key, in, o, SPEC_A16(t), r), SPEC_A16(t),
            b, sel16(SPEC_A16(t), b)) :                 // P_{m-1} = blockDec(CC, m - 1)
      STEAL_PP_D(key, in, o, SPEC_A16(t), b - 16);      // P_m = head of PP

  // Byte n of the plaintext of the len-byte data unit in[o, o+len).
  logic integer XTS_DEC_T{L}(integer key1, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n) =
    \let m = len / 16; \let r = len % 16;
    r == 0 || n < 16 * (m - 1) ? XB_D(key1, in, o, SPEC_A16(t), n / 16, n % 16) :  // P_j
      STEAL_D(key1, in, o + 16 * (m - 1), SPEC_F16(AP, SPEC_A16(t), m - 1), r,
              n - 16 * (m - 1));                             // P_{m-1}, P_m

  // ---- sectors -------------------------------------------------------------
  axiomatic SpecSectors {
    // The byte offset of sector s of the given size: size * s. A function
    // symbol rather than the product so that the provers can match sector
    // offsets in quantified facts (a definitional axiom: the symbol is fresh).
    logic integer SECTOR_AT(integer size, integer s);
    axiom SECTOR_AT_def: \forall integer size, s; SECTOR_AT(size, s) == size * s;
  }

  // ---- the data-unit sequence number as a tweak (§5.1, dm-crypt plain64) ---
  //
  // "The 128-bit tweak i is the data unit sequence number ... in little-endian
  // byte order": byte b of the number n, n < 2^64.
  // n / 256^b (b = 0 .. 8): the bytes of n from byte b up.
  logic integer LE_FROM(integer n, integer b) =
    b == 0 ? n :                           b == 1 ? n / 256 :
    b == 2 ? n / 65536 :                   b == 3 ? n / 16777216 :
    b == 4 ? n / 4294967296 :              b == 5 ? n / 1099511627776 :
    b == 6 ? n / 281474976710656 :         b == 7 ? n / 72057594037927936 :
    n / 18446744073709551616;
  logic integer LE(integer n, integer b) = 0 <= b < 8 ? LE_FROM(n, b) % 256 : 0;
*/

#endif /* VXTS_XTS_SPEC_H */
