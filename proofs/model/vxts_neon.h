/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * A model of every Arm NEON / Crypto Extension intrinsic that
 * src/backend_armce.c uses (Arm ARM, A64 AESE/AESD/AESMC/AESIMC, LD1/ST1,
 * EOR, DUP, UMOV), in the two forms of the x86 model vxts_intrin.h:
 *   - executable C over a plain byte vector (vxn128: b[0] is the least
 *     significant byte, lane 0 of a little-endian register), which
 *     tests/aarch64/check_neon_model.c compares bit for bit with the real
 *     intrinsics under `qemu-aarch64 -cpu max` (`make check-aarch64`:
 *     checked against qemu, an emulator, not silicon);
 *   - an ACSL contract for each: a load requires \valid_read of exactly its
 *     16 bytes, a store \valid of exactly its 16 bytes and assigns exactly
 *     them, every register-only operation assigns \nothing.
 * The AES instructions reuse the x86 model's byte-level code and logic
 * functions (vxts_intrin.h, included): AESE(a, k) is SubBytes(ShiftRows(a ^
 * k)), which is AESENCLAST(a ^ k, 0); AESD(a, k) is AESDECLAST(a ^ k, 0);
 * AESIMC is the x86 AESIMC (InvMixColumns); AESMC is MixColumns (FIPS-197
 * §5.1.3), the one new logic function here.
 *
 * Under __FRAMAC__ the functions get the real names and one byte-vector
 * type stands for uint8x16_t, uint32x4_t and uint64x2_t (so the
 * vreinterpretq_* are byte copies), and proofs/model/framac/arm_neon.h
 * includes this header as <arm_neon.h>. Otherwise the names carry a "vxn_"
 * prefix, so that the model and the compiler's <arm_neon.h> live side by
 * side in the qemu check. Deviation: the lane arguments of vgetq_lane_* are
 * run-time values here (the real ones must be constants).
 */
#ifndef VXTS_MODEL_NEON_H
#define VXTS_MODEL_NEON_H

#include <stdint.h>

#include "vxts_intrin.h" /* vxm_aes_lane, vxm_mix, vxm_get64/32 and the AES logic functions */

typedef struct { uint8_t b[16]; } vxn128;

/*
 * VXN_VALUE(e) is a contract's statement of the result value. A proof of
 * memory safety only (proofs/c/arm_mem_armce.c) defines VXTS_NEON_FRAME_ONLY:
 * the contracts keep their requires and assigns (the memory they touch) and
 * state no value (\true), which keeps the S-box and MixColumns terms out of
 * its goals (with them WP's goal generation for xts_blocks ran out of time).
 */
#ifdef VXTS_NEON_FRAME_ONLY
#define VXN_VALUE(...) \true
#else
#define VXN_VALUE(...) __VA_ARGS__
#endif

#ifdef __FRAMAC__
typedef vxn128 uint8x16_t;
typedef vxn128 uint32x4_t;
typedef vxn128 uint64x2_t;
#define VXN(name) name
#define VXN_FN static
#else
#define VXN(name) vxn_##name
#define VXN_FN static inline
#endif

/*@
  // Byte k of MixColumns(s) (FIPS-197 §5.1.3): VXM_MIX over the column of k,
  // starting at its row (AESMC; the x86 model has InvMixColumns only, AESIMC).
  logic integer VXN_AESMC(SPEC_P16(s), integer k) =
    VXM_MIX(sel16(SPEC_A16(s), k % 4 + 4 * (k / 4)), sel16(SPEC_A16(s), (k + 1) % 4 + 4 * (k / 4)),
            sel16(SPEC_A16(s), (k + 2) % 4 + 4 * (k / 4)), sel16(SPEC_A16(s), (k + 3) % 4 + 4 * (k / 4)));
*/
/* The 16 bytes of a ^ c (the round-key xor AESE and AESD do first), as the 16 arguments of an AES logic function. */
#define VXN_X16(a, c) bx((a).b[0], (c).b[0]), bx((a).b[1], (c).b[1]), bx((a).b[2], (c).b[2]), \
    bx((a).b[3], (c).b[3]), bx((a).b[4], (c).b[4]), bx((a).b[5], (c).b[5]), bx((a).b[6], (c).b[6]), \
    bx((a).b[7], (c).b[7]), bx((a).b[8], (c).b[8]), bx((a).b[9], (c).b[9]), bx((a).b[10], (c).b[10]), \
    bx((a).b[11], (c).b[11]), bx((a).b[12], (c).b[12]), bx((a).b[13], (c).b[13]), \
    bx((a).b[14], (c).b[14]), bx((a).b[15], (c).b[15])

/* ---- LD1 / ST1 (16 bytes, any alignment) ---- */
/*@
    requires \valid_read(p + (0 .. 15));
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == p[k]);
*/
VXN_FN vxn128 VXN(vld1q_u8)(const uint8_t *p)
{
    vxn128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == p[j];
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = p[k];
    return r;
}

/*@
    requires \valid(p + (0 .. 15));
    assigns p[0 .. 15];
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> p[k] == a.b[k]);
*/
VXN_FN void VXN(vst1q_u8)(uint8_t *p, vxn128 a)
{
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> p[j] == a.b[j];
        loop assigns k, p[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        p[k] = a.b[k];
}

/* ---- EOR, DUP ---- */
/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == bx(a.b[k], c.b[k]));
*/
VXN_FN vxn128 VXN(veorq_u8)(vxn128 a, vxn128 c)
{
    vxn128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == bx(a.b[j], c.b[j]);
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = (uint8_t)(a.b[k] ^ c.b[k]);
    return r;
}

/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == x);
*/
VXN_FN vxn128 VXN(vdupq_n_u8)(uint8_t x)
{
    vxn128 r;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> r.b[j] == x;
        loop assigns k, r.b[0 .. 15];
        loop variant 16 - k; */
    for (int k = 0; k < 16; k++)
        r.b[k] = x;
    return r;
}

/* The 32-bit w in all four lanes, little-endian. */
/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_BYTE(w, k % 4));
*/
VXN_FN vxn128 VXN(vdupq_n_u32)(uint32_t w)
{
    vxn128 r;
    for (int k = 0; k < 16; k += 4)
        vxm_put32(r.b + k, w);
    return r;
}

/* ---- lane reads (UMOV): the little-endian lane `lane` ---- */
/*@
    requires 0 <= lane <= 1;
    assigns \nothing;
    ensures VXN_VALUE(\result == VXM_Q(v.b, 8 * lane));
*/
VXN_FN uint64_t VXN(vgetq_lane_u64)(vxn128 v, int lane)
{
    return vxm_get64(v.b + 8 * lane);
}

/*@
    requires 0 <= lane <= 3;
    assigns \nothing;
    ensures VXN_VALUE(\result == VXM_D(v.b, 4 * lane));
*/
VXN_FN uint32_t VXN(vgetq_lane_u32)(vxn128 v, int lane)
{
    return vxm_get32(v.b + 4 * lane);
}

/* ---- reinterpretations: the same 128 bits ---- */
/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == a.b[k]);
*/
VXN_FN vxn128 VXN(vreinterpretq_u8_u32)(vxn128 a)
{
    return a;
}

/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == a.b[k]);
*/
VXN_FN vxn128 VXN(vreinterpretq_u32_u8)(vxn128 a)
{
    return a;
}

/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == a.b[k]);
*/
VXN_FN vxn128 VXN(vreinterpretq_u64_u8)(vxn128 a)
{
    return a;
}

/* ---- AES (Armv8 Crypto Extension) ---- */
/* AESE: AddRoundKey, then ShiftRows and SubBytes (no MixColumns). */
/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_AESENCLAST(VXN_X16(a, rk), k));
*/
VXN_FN vxn128 VXN(vaeseq_u8)(vxn128 a, vxn128 rk)
{
    static const uint8_t zero[16];
    vxn128 x = VXN(veorq_u8)(a, rk), r;
    vxm_aes_lane(r.b, x.b, zero, VXM_ENCLAST);
    return r;
}

/* AESD: AddRoundKey, then InvShiftRows and InvSubBytes (no InvMixColumns). */
/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_AESDECLAST(VXN_X16(a, rk), k));
*/
VXN_FN vxn128 VXN(vaesdq_u8)(vxn128 a, vxn128 rk)
{
    static const uint8_t zero[16];
    vxn128 x = VXN(veorq_u8)(a, rk), r;
    vxm_aes_lane(r.b, x.b, zero, VXM_DECLAST);
    return r;
}

/* AESMC: MixColumns. */
/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == VXN_AESMC(SPEC_M16(a.b, 0), k));
*/
VXN_FN vxn128 VXN(vaesmcq_u8)(vxn128 a)
{
    vxn128 r;
    for (int k = 0; k < 16; k++) {
        int c4 = k - k % 4;
        r.b[k] = vxm_mix(a.b[c4 + k % 4], a.b[c4 + (k + 1) % 4], a.b[c4 + (k + 2) % 4], a.b[c4 + (k + 3) % 4]);
    }
    return r;
}

/* AESIMC: InvMixColumns (the x86 AESIMC). */
/*@
    assigns \nothing;
    ensures VXN_VALUE(\forall integer k; 0 <= k < 16 ==> \result.b[k] == VXM_AESIMC(SPEC_M16(a.b, 0), k));
*/
VXN_FN vxn128 VXN(vaesimcq_u8)(vxn128 a)
{
    vxn128 r;
    vxm_aes_lane(r.b, a.b, a.b, VXM_IMC);
    return r;
}

#endif /* VXTS_MODEL_NEON_H */
