/*
 * Lemmas about the spec (xts_spec.h): what each memory-reading spec function
 * depends on. ACSL only.
 *
 * Kept apart because WP puts every lemma in scope into every goal: these
 * bring the whole spec into goals that do not need it. `make prove` proves
 * them once (proofs/lemmas.c) and includes them, with -DVXTS_SPEC_LEMMAS,
 * only in the runs whose functions use them (see proofs/prove.sh).
 */
#ifndef VXTS_XTS_LEMMAS_H
#define VXTS_XTS_LEMMAS_H

#include "xts_spec.h"

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
  lemma STEAL_E_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_E{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_E{L2}(key, in, o, SPEC_A16(t), r, b);
  lemma STEAL_D_reads{L1, L2}: \forall integer key, uint8_t *in, integer o, SPEC_P16(t), integer r, b;
    0 <= r < 16 && (\forall integer x; o <= x < o + 16 + r ==> \at(in[x], L1) == \at(in[x], L2)) ==>
    STEAL_D{L1}(key, in, o, SPEC_A16(t), r, b) == STEAL_D{L2}(key, in, o, SPEC_A16(t), r, b);
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


  // ---- arithmetic ------------------------------------------------------------
  // Sector a < b of size c ends where sector b starts, or before.
  lemma sector_step: \forall integer c, a, b; 0 <= a < b && 0 <= c ==>
    SECTOR_AT(c, a) + c <= SECTOR_AT(c, b);
  lemma sector_next: \forall integer c, a; SECTOR_AT(c, a + 1) == SECTOR_AT(c, a) + c;
*/


/* ---- added by mrest ---- */
/*@
  // A data unit of whole blocks (len % 16 == 0, no stealing): byte n is byte
  // n % 16 of block n / 16 (the first branch of XTS_ENC_T / XTS_DEC_T).
  lemma XTS_ENC_T_whole{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    len % 16 == 0 ==>
    XTS_ENC_T{L}(key, in, o, len, SPEC_A16(t), n) == XB_E{L}(key, in, o, SPEC_A16(t), n / 16, n % 16);
  lemma XTS_DEC_T_whole{L}:
    \forall integer key, uint8_t *in, integer o, integer len, SPEC_P16(t), integer n;
    len % 16 == 0 ==>
    XTS_DEC_T{L}(key, in, o, len, SPEC_A16(t), n) == XB_D{L}(key, in, o, SPEC_A16(t), n / 16, n % 16);
*/

#endif /* VXTS_XTS_LEMMAS_H */
