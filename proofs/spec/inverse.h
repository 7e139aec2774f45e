/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The inverse theorem: XTS decryption undoes XTS encryption, for every
 * data-unit length 16 <= len <= 2^24 and so for every stealing case
 * (IEEE 1619-2018 §5.3.2 / §5.4.2, xts_spec.h). ACSL only; proved by WP on
 * its own (proofs/c/inverse.c, run `inverse` of proofs/prove.sh) with bx
 * defined (-DVXTS_SPEC_XOR: the proof cancels xors) and, of xts_lemmas.h,
 * only the group that unfolds XTS_DEC_T (-DVXTS_LEMMAS_ONLY
 * -DVXTS_LEMMA_DEC_UNFOLD; those lemmas are proved in run `lemmas`).
 *
 * One assumption, the axiom D_inverts_E: D(k, E(k, x)) = x for every block
 * of bytes x (FIPS-197 §5.3: the inverse cipher inverts the cipher). It is
 * the only fact linking E and D, and it is in scope only here.
 */
#ifndef VXTS_INVERSE_H
#define VXTS_INVERSE_H

#include "xts_spec.h"
#include "xts_lemmas.h"   /* the DEC_UNFOLD group (proved in run lemmas) */

/* Every one of the 16 arguments x0 .. x15 is a byte. */
#define INV_BYTES16(x) (0 <= x##0 <= 255 && 0 <= x##1 <= 255 && 0 <= x##2 <= 255 && \
    0 <= x##3 <= 255 && 0 <= x##4 <= 255 && 0 <= x##5 <= 255 && 0 <= x##6 <= 255 && \
    0 <= x##7 <= 255 && 0 <= x##8 <= 255 && 0 <= x##9 <= 255 && 0 <= x##10 <= 255 && \
    0 <= x##11 <= 255 && 0 <= x##12 <= 255 && 0 <= x##13 <= 255 && 0 <= x##14 <= 255 && \
    0 <= x##15 <= 255)
/* c_k is byte k of blockEnc(x) under the tweak t, k = 0 .. 15. */
#define INV_CK(k) c##k == XEX_E(key, SPEC_A16(x), SPEC_A16(t), k, t##k)
#define INV_C16 (INV_CK(0) && INV_CK(1) && INV_CK(2) && INV_CK(3) && INV_CK(4) && INV_CK(5) && \
    INV_CK(6) && INV_CK(7) && INV_CK(8) && INV_CK(9) && INV_CK(10) && INV_CK(11) && \
    INV_CK(12) && INV_CK(13) && INV_CK(14) && INV_CK(15))

/* bx(c_k, t_k) is byte k of E_K(PP), PP = x xor t, k = 0 .. 15. */
#define INV_PP16 bx(x0, t0), bx(x1, t1), bx(x2, t2), bx(x3, t3), bx(x4, t4), bx(x5, t5), \
    bx(x6, t6), bx(x7, t7), bx(x8, t8), bx(x9, t9), bx(x10, t10), bx(x11, t11), bx(x12, t12), \
    bx(x13, t13), bx(x14, t14), bx(x15, t15)
#define INV_UK(k) bx(c##k, t##k) == E(key, INV_PP16, k)
#define INV_UNMASK16 (INV_UK(0) && INV_UK(1) && INV_UK(2) && INV_UK(3) && INV_UK(4) && INV_UK(5) && \
    INV_UK(6) && INV_UK(7) && INV_UK(8) && INV_UK(9) && INV_UK(10) && INV_UK(11) && \
    INV_UK(12) && INV_UK(13) && INV_UK(14) && INV_UK(15))

/*@
  axiomatic SpecCipherInverse {
    // FIPS-197 §5.3. Only for blocks of bytes: D returns bytes (D_range), so
    // the same identity for out-of-range arguments would be contradictory.
    axiom D_inverts_E: \forall integer key, SPEC_P16(x), integer b;
      INV_BYTES16(x) && 0 <= b < 16 ==>
      D(key, SPEC_F16(E, key, SPEC_A16(x)), b) == sel16(SPEC_A16(x), b);
  }
*/

/* ---- xor and bytes ---------------------------------------------------------- */
#ifdef VXTS_INVERSE_XOR
/*@
  // Only in run inverse-xor, which proves it with WP's bitwise tactic
  // (-wp-auto wp:bitwised) and bx_cancel from it: with this lemma in scope
  // z3 fails on the later goals.
  lemma xor_cancel8: \forall integer a, b; 0 <= a <= 255 && 0 <= b <= 255 ==>
    (uint8_t)((uint8_t)(a ^ b) ^ b) == a;
*/
#endif
/*@
  lemma bx_byte: \forall integer a, b; 0 <= bx(a, b) <= 255;
  lemma bx_cancel: \forall integer a, b; 0 <= a <= 255 && 0 <= b <= 255 ==> bx(bx(a, b), b) == a;
  // T * alpha^j is a block of bytes when T is.
  lemma AP_byte: \forall SPEC_P16(t), integer j, b;
    INV_BYTES16(t) && 0 <= j && 0 <= b < 16 ==> 0 <= AP(SPEC_A16(t), j, b) <= 255;

  // ---- one block: blockDec(blockEnc(x, T), T) = x (§5.3.1 / §5.4.1) --------
  // The round trip of the xors around the cipher, then the cipher's.
  lemma XEX_E_unmask: \forall integer key, SPEC_P16(x), SPEC_P16(t), integer k, tb;
    0 <= tb <= 255 ==> bx(XEX_E(key, SPEC_A16(x), SPEC_A16(t), k, tb), tb) == E(key, INV_PP16, k);
  lemma XEX_D_unmasked: \forall integer key, SPEC_P16(x), SPEC_P16(t), SPEC_P16(c), integer b, tb;
    INV_UNMASK16 ==>
    XEX_D(key, SPEC_A16(c), SPEC_A16(t), b, tb) == bx(D(key, SPEC_F16(E, key, INV_PP16), b), tb);
  lemma D_E_PP: \forall integer key, SPEC_P16(x), SPEC_P16(t), integer b;
    0 <= b < 16 ==> D(key, SPEC_F16(E, key, INV_PP16), b) == sel16(INV_PP16, b);
  lemma PP_unmask: \forall SPEC_P16(x), SPEC_P16(t), integer b;
    INV_BYTES16(x) && INV_BYTES16(t) && 0 <= b < 16 ==>
    bx(sel16(INV_PP16, b), sel16(SPEC_A16(t), b)) == sel16(SPEC_A16(x), b);
  lemma XEX_inverse: \forall integer key, SPEC_P16(x), SPEC_P16(t), SPEC_P16(c), integer b, tb;
    INV_BYTES16(x) && INV_BYTES16(t) && INV_C16 && 0 <= b < 16 && tb == sel16(SPEC_A16(t), b) ==>
    XEX_D(key, SPEC_A16(c), SPEC_A16(t), b, tb) == sel16(SPEC_A16(x), b);

  // Byte b of a block given byte by byte.
  lemma sel16_AP: \forall SPEC_P16(t), integer j, b;
    0 <= b < 16 ==> sel16(SPEC_F16(AP, SPEC_A16(t), j), b) == AP(SPEC_A16(t), j, b);
  lemma sel16_MULX: \forall SPEC_P16(t), integer b;
    0 <= b < 16 ==> sel16(SPEC_F16(MULX, SPEC_A16(t)), b) == MULX(SPEC_A16(t), b);
  lemma sel16_at{L}: \forall uint8_t *p, integer o, b;
    0 <= b < 16 ==> sel16(SPEC_M16(p, o), b) == p[o + b];

  // ---- what "c is the encryption of p" says ---------------------------------
  // As predicates, so that each lemma below names p, c and both memory
  // states in one term the provers can match (a bare \forall hypothesis
  // gives them no trigger). c is read at L2, p at L1; they may be the same
  // buffer. Every byte of p is a byte (true of any uint8_t; stated because
  // the lemmas are not about a C object).
  predicate STEAL_ENC{L1, L2}(integer key, uint8_t *p, uint8_t *c, integer o, SPEC_P16(t), integer r) =
    \forall integer x; o <= x < o + 16 + r ==> 0 <= \at(p[x], L1) <= 255 &&
      \at(c[x], L2) == STEAL_E{L1}(key, p, o, SPEC_A16(t), r, x - o);
  // The data unit: c[o, o+len) at L2 is the XTS encryption (§5.3.2) of
  // p[o, o+len) at L1 under key1 and the first tweak t = T_0.
  predicate XTS_ENC{L1, L2}(integer key1, uint8_t *p, uint8_t *c, integer o, integer len, SPEC_P16(t)) =
    \forall integer x; o <= x < o + len ==> 0 <= \at(p[x], L1) <= 255 &&
      \at(c[x], L2) == XTS_ENC_T{L1}(key1, p, o, len, SPEC_A16(t), x - o);

  lemma div16: \forall integer j, k; 0 <= j && 0 <= k < 16 ==> (16 * j + k) / 16 == j && (16 * j + k) % 16 == k;
  lemma divmod16: \forall integer n; 0 <= n ==> 16 * (n / 16) + n % 16 == n && 0 <= n % 16 < 16;
  lemma div16_below: \forall integer n, q; 0 <= n < 16 * q ==> n / 16 + 1 <= q;

  // ---- ciphertext stealing: C_{m-1} || C_m at offset o, t = T_{m-1} --------
  lemma MULX_byte: \forall SPEC_P16(t), integer b; 0 <= MULX(SPEC_A16(t), b) <= 255;
  lemma sel16_PP_E{L}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, i;
    0 <= i < 16 ==>
    sel16(SPEC_F16(STEAL_PP_E{L}, key, in, o, SPEC_A16(t), r), i) == STEAL_PP_E{L}(key, in, o, SPEC_A16(t), r, i);
  lemma PP_E_byte{L}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, i;
    0 <= r < 16 && 0 <= i < 16 && (\forall integer x; o + 16 <= x < o + 16 + r ==> 0 <= in[x] <= 255) ==>
    0 <= STEAL_PP_E{L}(key, in, o, SPEC_A16(t), r, i) <= 255;
  // blockDec of the blockEnc of the block at p + o.
  lemma BLK_inverse{L}: \forall integer key, uint8_t *p, integer o, SPEC_P16(t), integer b;
    INV_BYTES16(t) && 0 <= b < 16 && (\forall integer x; o <= x < o + 16 ==> 0 <= p[x] <= 255) ==>
    XEX_D(key, SPEC_F16(BLK_E{L}, key, p, o, SPEC_A16(t)), SPEC_A16(t), b, sel16(SPEC_A16(t), b)) == p[o + b];
  // PP = blockDec(C_{m-1}, m) is the PP that encryption built.
  lemma STEAL_PP_inverse{L1, L2}: \forall integer key, uint8_t *p, uint8_t *c, integer o, SPEC_P16(t), integer r, i;
    INV_BYTES16(t) && 0 < r < 16 && 0 <= i < 16 && STEAL_ENC{L1, L2}(key, p, c, o, SPEC_A16(t), r) ==>
    STEAL_PP_D{L2}(key, c, o, SPEC_A16(t), i) == STEAL_PP_E{L1}(key, p, o, SPEC_A16(t), r, i);
  // CC = C_m || CP is encryption's CC = blockEnc(P_{m-1}, m - 1).
  lemma STEAL_CC_inverse{L1, L2}: \forall integer key, uint8_t *p, uint8_t *c, integer o, SPEC_P16(t), integer r, i;
    INV_BYTES16(t) && 0 < r < 16 && 0 <= i < 16 && STEAL_ENC{L1, L2}(key, p, c, o, SPEC_A16(t), r) ==>
    STEAL_CC_D{L2}(key, c, o, SPEC_A16(t), r, i) == BLK_E{L1}(key, p, o, SPEC_A16(t), i);
  // P_m (b >= 16) and P_{m-1} (b < 16).
  lemma STEAL_inverse_hi{L1, L2}: \forall integer key, uint8_t *p, uint8_t *c, integer o, SPEC_P16(t), integer r, b;
    INV_BYTES16(t) && 0 < r < 16 && 16 <= b < 16 + r && STEAL_ENC{L1, L2}(key, p, c, o, SPEC_A16(t), r) ==>
    STEAL_D{L2}(key, c, o, SPEC_A16(t), r, b) == \at(p[o + b], L1);
  lemma STEAL_inverse_lo{L1, L2}: \forall integer key, uint8_t *p, uint8_t *c, integer o, SPEC_P16(t), integer r, b;
    INV_BYTES16(t) && 0 < r < 16 && 0 <= b < 16 && STEAL_ENC{L1, L2}(key, p, c, o, SPEC_A16(t), r) ==>
    STEAL_D{L2}(key, c, o, SPEC_A16(t), r, b) == \at(p[o + b], L1);

  // ---- the data unit ----------------------------------------------------------
  // Block j before the stealing (tweak T_j for both directions), and the
  // stealing pair.
  // Block j of the unit before the stealing, decrypted: its ciphertext bytes
  // are encryption's (tweak T_j both ways), then blockDec(blockEnc(P_j)).
  lemma XB_D_of_enc{L1, L2}:
    \forall integer key1, uint8_t *p, uint8_t *c, integer o, integer len, SPEC_P16(t), integer j, b;
    16 <= len && 0 <= j && (len % 16 == 0 ? 16 * j + 16 <= len : 16 * j + 16 <= 16 * (len / 16 - 1)) &&
    XTS_ENC{L1, L2}(key1, p, c, o, len, SPEC_A16(t)) ==>
    XB_D{L2}(key1, c, o, SPEC_A16(t), j, b) ==
    XEX_D(key1, SPEC_F16(XB_E{L1}, key1, p, o, SPEC_A16(t), j), SPEC_F16(AP, SPEC_A16(t), j), b, AP(SPEC_A16(t), j, b));
  lemma XB_block_inverse{L}: \forall integer key, uint8_t *p, integer o, SPEC_P16(t), integer j, b;
    INV_BYTES16(t) && 0 <= j && 0 <= b < 16 &&
    (\forall integer x; o + 16 * j <= x < o + 16 * j + 16 ==> 0 <= p[x] <= 255) ==>
    XEX_D(key, SPEC_F16(XB_E{L}, key, p, o, SPEC_A16(t), j), SPEC_F16(AP, SPEC_A16(t), j), b, AP(SPEC_A16(t), j, b)) ==
    p[o + 16 * j + b];
  lemma XTS_whole_inverse{L1, L2}:
    \forall integer key1, uint8_t *p, uint8_t *c, integer o, integer len, SPEC_P16(t), integer j, b;
    INV_BYTES16(t) && 16 <= len && 0 <= j && 0 <= b < 16 &&
    (len % 16 == 0 ? 16 * j + 16 <= len : 16 * j + 16 <= 16 * (len / 16 - 1)) &&
    XTS_ENC{L1, L2}(key1, p, c, o, len, SPEC_A16(t)) ==>
    XB_D{L2}(key1, c, o, SPEC_A16(t), j, b) == \at(p[o + 16 * j + b], L1);
  lemma XTS_ENC_steal{L1, L2}: \forall integer key1, uint8_t *p, uint8_t *c, integer o, integer len, SPEC_P16(t);
    16 <= len && len % 16 != 0 && XTS_ENC{L1, L2}(key1, p, c, o, len, SPEC_A16(t)) ==>
    STEAL_ENC{L1, L2}(key1, p, c, o + 16 * (len / 16 - 1), SPEC_F16(AP, SPEC_A16(t), len / 16 - 1), len % 16);

  lemma XTS_steal_inverse{L1, L2}:
    \forall integer key1, uint8_t *p, uint8_t *c, integer o, integer len, SPEC_P16(t), integer n;
    INV_BYTES16(t) && 16 <= len && len % 16 != 0 && 16 * (len / 16 - 1) <= n < len &&
    XTS_ENC{L1, L2}(key1, p, c, o, len, SPEC_A16(t)) ==>
    STEAL_D{L2}(key1, c, o + 16 * (len / 16 - 1), SPEC_F16(AP, SPEC_A16(t), len / 16 - 1), len % 16,
                n - 16 * (len / 16 - 1)) == \at(p[o + n], L1);

  // Byte n of a block before the stealing.
  lemma XTS_whole_inverse_n{L1, L2}:
    \forall integer key1, uint8_t *p, uint8_t *c, integer o, integer len, SPEC_P16(t), integer n;
    INV_BYTES16(t) && 16 <= len && 0 <= n < len && (len % 16 == 0 || n < 16 * (len / 16 - 1)) &&
    XTS_ENC{L1, L2}(key1, p, c, o, len, SPEC_A16(t)) ==>
    XB_D{L2}(key1, c, o, SPEC_A16(t), n / 16, n % 16) == \at(p[o + n], L1);

  // The theorem: decryption undoes encryption, byte for byte, for every
  // length and every stealing case (T_0 = E_K2(i) is a block of bytes).
  lemma XTS_inverse{L1, L2}:
    \forall integer key1, uint8_t *p, uint8_t *c, integer o, integer len, SPEC_P16(t), integer n;
    INV_BYTES16(t) && 16 <= len <= 16777216 && 0 <= n < len &&
    XTS_ENC{L1, L2}(key1, p, c, o, len, SPEC_A16(t)) ==>
    XTS_DEC_T{L2}(key1, c, o, len, SPEC_A16(t), n) == \at(p[o + n], L1);
*/

#endif /* VXTS_INVERSE_H */
