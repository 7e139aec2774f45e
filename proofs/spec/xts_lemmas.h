/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Lemmas about the spec (xts_spec.h): what each memory-reading spec function
 * depends on. ACSL only.
 *
 * Kept apart because WP puts every lemma in scope into every goal: these
 * bring the whole spec into goals that do not need it. `make prove` proves
 * them once (proofs/lemmas.c) and includes them, with -DVXTS_SPEC_LEMMAS,
 * only in the runs whose functions use them (see proofs/prove.sh).
 *
 * Lemma groups: with -DVXTS_SPEC_LEMMAS alone every group is in scope. A run
 * that also defines VXTS_LEMMAS_ONLY gets only the groups it names with
 * -DVXTS_LEMMA_<GROUP> (BLOCK_READS, STEAL_READS, UNIT_READS, SECTOR_ARITH,
 * ENC_BLOCK, ENC_UNFOLD, DEC_BLOCK, DEC_UNFOLD): the provers get every lemma
 * in scope as a hypothesis of every goal, and the two-state reads lemmas in
 * particular cost them time on goals that do not need them. Leaving lemmas
 * out only removes hypotheses.
 */
#ifndef VXTS_XTS_LEMMAS_H
#define VXTS_XTS_LEMMAS_H

#include "xts_spec.h"

/* One byte i of the stealing blocks, equal in two memory states (lemmas below). */
#define LEMMA_EQPP_E(i) STEAL_PP_E{L1}(key, in, o, SPEC_A16(t), r, i) == STEAL_PP_E{L2}(key, in, o, SPEC_A16(t), r, i)
#define LEMMA_EQCC_D(i) STEAL_CC_D{L1}(key, in, o, SPEC_A16(t), r, i) == STEAL_CC_D{L2}(key, in, o, SPEC_A16(t), r, i)
#define LEMMA_ALL16(F) F(0) && F(1) && F(2) && F(3) && F(4) && F(5) && F(6) && F(7) && \
    F(8) && F(9) && F(10) && F(11) && F(12) && F(13) && F(14) && F(15)

#if !defined(VXTS_LEMMAS_ONLY) || defined(VXTS_LEMMA_BLOCK_READS)
/*@
  // ---- what the spec functions read ----------------------------------------
  //
  // Each depends only on the bytes it is about; proved once here, used by the
  // callers to move a value from one memory state to another.

  lemma XB_E_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer j, b;
    (\forall integer x; o + 16*j <= x < o + 16*j + 16 ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    XB_E{L1}(key, in, o, SPEC_A16(t), j, b) == XB_E{L2}(key, in, o, SPEC_A16(t), j, b);
  lemma XB_D_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer j, b;
    (\forall integer x; o + 16*j <= x < o + 16*j + 16 ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    XB_D{L1}(key, in, o, SPEC_A16(t), j, b) == XB_D{L2}(key, in, o, SPEC_A16(t), j, b);
  lemma BLK_E_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer b;
    (\forall integer x; o <= x < o + 16 ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    BLK_E{L1}(key, in, o, SPEC_A16(t), b) == BLK_E{L2}(key, in, o, SPEC_A16(t), b);
  lemma STEAL_PP_E_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, i;
    0 <= r < 16 && 0 <= i < 16 &&
    (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_PP_E{L1}(key, in, o, SPEC_A16(t), r, i) == STEAL_PP_E{L2}(key, in, o, SPEC_A16(t), r, i);
  lemma STEAL_PP_D_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer b;
    (\forall integer x; o <= x < o + 16 ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_PP_D{L1}(key, in, o, SPEC_A16(t), b) == STEAL_PP_D{L2}(key, in, o, SPEC_A16(t), b);
  lemma STEAL_CC_D_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, i;
    0 <= r < 16 && 0 <= i < 16 &&
    (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_CC_D{L1}(key, in, o, SPEC_A16(t), r, i) == STEAL_CC_D{L2}(key, in, o, SPEC_A16(t), r, i);
  // The 16 bytes of a stealing block at once (so that the next lemmas need
  // no instantiation of the per-byte ones), then each half of STEAL_E/D.
  lemma STEAL_PP_E_reads16{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r;
    0 <= r < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    LEMMA_ALL16(LEMMA_EQPP_E);
  lemma STEAL_CC_D_reads16{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r;
    0 <= r < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    LEMMA_ALL16(LEMMA_EQCC_D);
  lemma STEAL_E_reads_lo{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && b < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_E{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_E{L2}(key, in, o, SPEC_A16(t), r, b);
  lemma STEAL_E_reads_hi{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && 16 <= b && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_E{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_E{L2}(key, in, o, SPEC_A16(t), r, b);
  lemma STEAL_D_reads_lo{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && b < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_D{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_D{L2}(key, in, o, SPEC_A16(t), r, b);
  lemma STEAL_D_reads_hi{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && 16 <= b && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_D{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_D{L2}(key, in, o, SPEC_A16(t), r, b);
*/
#endif
#if !defined(VXTS_LEMMAS_ONLY) || defined(VXTS_LEMMA_STEAL_READS)
/*@
  lemma STEAL_E_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_E{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_E{L2}(key, in, o, SPEC_A16(t), r, b);
  lemma STEAL_D_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_D{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_D{L2}(key, in, o, SPEC_A16(t), r, b);
*/
#endif
#if !defined(VXTS_LEMMAS_ONLY) || defined(VXTS_LEMMA_UNIT_READS)
/*@
  lemma XTS_ENC_T_reads{L1, L2}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    16 <= len && 0 <= n < len &&
    (\forall integer x; o <= x < o + len ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    XTS_ENC_T{L1}(key, in, o, len, SPEC_A16(t), n) == XTS_ENC_T{L2}(key, in, o, len, SPEC_A16(t), n);
  lemma XTS_DEC_T_reads{L1, L2}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    16 <= len && 0 <= n < len &&
    (\forall integer x; o <= x < o + len ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    XTS_DEC_T{L1}(key, in, o, len, SPEC_A16(t), n) == XTS_DEC_T{L2}(key, in, o, len, SPEC_A16(t), n);


*/
#endif
#if !defined(VXTS_LEMMAS_ONLY) || defined(VXTS_LEMMA_SECTOR_ARITH)
/*@
  // ---- arithmetic ------------------------------------------------------------
  // Sector a < b of size c ends where sector b starts, or before.
  lemma mul_ge: \forall integer c, d; 0 <= c && 1 <= d ==> c <= c * d;
  lemma sector_diff: \forall integer c, a, b; SECTOR_AT(c, b) - SECTOR_AT(c, a) == c * (b - a);
  lemma sector_step: \forall integer c, a, b; 0 <= a < b && 0 <= c ==>
    SECTOR_AT(c, a) + c <= SECTOR_AT(c, b);
  lemma sector_next: \forall integer c, a; SECTOR_AT(c, a + 1) == SECTOR_AT(c, a) + c;
*/
#endif


/* ---- the encryption path (mode.c: encrypt_*) ---------------------------- */
#if !defined(VXTS_LEMMAS_ONLY) || defined(VXTS_LEMMA_ENC_BLOCK)
/*@
  // How the spec functions unfold in the cases the code meets, stated once
  // so that the function proofs need not unfold them.

  // Byte b of a block held in memory, as sel16 of its 16 bytes.
  lemma menc_sel16_mem{L}: \forall uint8_t *p, integer b; 0 <= b < 16 ==>
    sel16(SPEC_M16(p, 0), b) == p[b];

  // A run of blocks at offset o of in is the run at offset 0 of in + o.
  lemma menc_XB_E_shift{L}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer j, b;
    XB_E{L}(key, in + o, 0, SPEC_A16(t), j, b) == XB_E{L}(key, in, o, SPEC_A16(t), j, b);

  // The first block of a run uses the run's first tweak.
  lemma menc_XB_E_first{L}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer b;
    0 <= b < 16 ==>
    XB_E{L}(key, in, o, SPEC_A16(t), 0, b) == BLK_E{L}(key, in, o, SPEC_A16(t), b);

  // STEAL_E: C_{m-1} (b < 16) and C_m (b >= 16).
  lemma menc_STEAL_E_lo{L}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    b < 16 ==>
    STEAL_E{L}(key, in, o, SPEC_A16(t), r, b) ==
    XEX_E(key, SPEC_F16(STEAL_PP_E{L}, key, in, o, SPEC_A16(t), r), SPEC_F16(MULX, SPEC_A16(t)),
          b, MULX(SPEC_A16(t), b));
  lemma menc_STEAL_E_hi{L}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    16 <= b ==>
    STEAL_E{L}(key, in, o, SPEC_A16(t), r, b) == BLK_E{L}(key, in, o, SPEC_A16(t), b - 16);
*/
#endif
/* -DVXTS_LEMMAS_NO_ENC_UNFOLD also hides these (encrypt_sector's run): z3 and
   cvc4 instantiate them on every XTS_ENC_T term and lose their way on frame
   goals. */
#if (!defined(VXTS_LEMMAS_ONLY) || defined(VXTS_LEMMA_ENC_UNFOLD)) && !defined(VXTS_LEMMAS_NO_ENC_UNFOLD)
/*@
  // XTS_ENC_T: the whole blocks, and the stolen tail.
  lemma menc_XTS_ENC_T_whole{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    (len % 16 == 0 || n < 16 * (len / 16 - 1)) ==>
    XTS_ENC_T{L}(key, in, o, len, SPEC_A16(t), n) == XB_E{L}(key, in, o, SPEC_A16(t), n / 16, n % 16);
  lemma menc_XTS_ENC_T_steal{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    len % 16 != 0 && 16 * (len / 16 - 1) <= n ==>
    XTS_ENC_T{L}(key, in, o, len, SPEC_A16(t), n) ==
    STEAL_E{L}(key, in, o + 16 * (len / 16 - 1), SPEC_F16(AP, SPEC_A16(t), len / 16 - 1), len % 16,
               n - 16 * (len / 16 - 1));
  lemma XTS_ENC_T_whole{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    len % 16 == 0 ==>
    XTS_ENC_T{L}(key, in, o, len, SPEC_A16(t), n) == XB_E{L}(key, in, o, SPEC_A16(t), n / 16, n % 16);
*/
#endif

/* ---- the decryption path (mode.c: decrypt_*) ---------------------------- */
#if !defined(VXTS_LEMMAS_ONLY) || defined(VXTS_LEMMA_DEC_BLOCK)
/*@
  // Block 0 of a run is the block at the run's start with the run's first
  // tweak (AP_0, unfolded for the 16 bytes).
  lemma mdec_XB_D_0{L}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer b;
    0 <= b < 16 ==>
    XB_D{L}(key, in, o, SPEC_A16(t), 0, b) ==
    XEX_D(key, SPEC_M16(in, o), SPEC_A16(t), b, sel16(SPEC_A16(t), b));
  // A run at offset o of in is a run at offset 0 of in + o.
  lemma mdec_XB_D_shift{L}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer j, b;
    XB_D{L}(key, in + o, 0, SPEC_A16(t), j, b) == XB_D{L}(key, in, o, SPEC_A16(t), j, b);
*/
#endif
#if !defined(VXTS_LEMMAS_ONLY) || defined(VXTS_LEMMA_DEC_UNFOLD)
/*@
  // A data unit of whole blocks (len % 16 == 0, no stealing): byte n is byte
  // n % 16 of block n / 16 (the first branch of XTS_ENC_T / XTS_DEC_T).
  lemma XTS_DEC_T_whole{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    len % 16 == 0 ==>
    XTS_DEC_T{L}(key, in, o, len, SPEC_A16(t), n) == XB_D{L}(key, in, o, SPEC_A16(t), n / 16, n % 16);
  // XTS_DEC_T: the blocks before the stealing, and the stolen tail.
  lemma mdec_XTS_DEC_T_head{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    n < 16 * (len / 16 - 1) ==>
    XTS_DEC_T{L}(key, in, o, len, SPEC_A16(t), n) == XB_D{L}(key, in, o, SPEC_A16(t), n / 16, n % 16);
  lemma mdec_XTS_DEC_T_steal{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    len % 16 != 0 && 16 * (len / 16 - 1) <= n ==>
    XTS_DEC_T{L}(key, in, o, len, SPEC_A16(t), n) ==
    STEAL_D{L}(key, in, o + 16 * (len / 16 - 1), SPEC_F16(AP, SPEC_A16(t), len / 16 - 1), len % 16,
               n - 16 * (len / 16 - 1));
*/
#endif

#endif /* VXTS_XTS_LEMMAS_H */
