/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * ct64 — the portable constant-time backend: a bitsliced AES (FIPS-197) on
 * 64-bit words, four blocks per pass, driving XTS (IEEE Std 1619-2018 §5.3,
 * §5.4; NIST SP 800-38E) through the contracts of backend.h.
 *
 * Constant time by construction: no table, no data- or key-dependent branch,
 * loop bound or memory index. The S-boxes are boolean circuits (AND/XOR),
 * the linear layers are masks, shifts, rotations and XORs by constants, and
 * only the public lengths (block counts, round count) steer control flow.
 *
 * Written for Frama-C/WP -wp-rte: plain C11, unsigned arithmetic only, every
 * left shift is applied to a value masked so that no bit leaves the word
 * (no unsigned wrap-around either), all shift counts are constants in range,
 * bytes are converted to words one at a time (no pointer casts, no type
 * punning), loops have constant or length-derived bounds.
 *
 * Bitsliced state. Four blocks b = 0..3 travel together in eight words q[0..7]:
 *     bit (16r + 4c + b) of q[i]  =  bit i of state byte s[r][c] of block b
 * (FIPS-197 §3.4: s[r][c] is byte k = r + 4c of the block). So row r
 * occupies bits 16r..16r+15 of every word, column c the nibble 4c..4c+3 of
 * each 16-bit row, and the four blocks are adjacent bits of a nibble.
 * A move of bytes by whole rows and columns is then a rotation of each word;
 * ShiftRows is folded away ("Fixslicing", before rotr64).
 *
 * The per-plane code is written out straight-line on locals rather than as
 * loops over q[0..7]: gcc -O2 auto-vectorises such loops into SSE2 whose
 * 128-bit loads of just-stored 64-bit words stall (store forwarding), which
 * cost about a fifth of the speed.
 */
#include <stddef.h>
#include <stdint.h>

#include "backend.h" /* under Frama-C, with the kernel contracts of proofs/spec/kernel_spec.h */

/* Where the two bitsliced key schedules live in k->schedule.words:
 * (rounds + 1) * 8 words each, at most 15 * 8 = 120 (AES-256). */
#define CT64_RK_WORDS 120u
#define CT64_K1 0u
#define CT64_K2 CT64_RK_WORDS

typedef char ct64_schedule_fits[(2u * CT64_RK_WORDS * 8u <= VXTS_SCHEDULE_BYTES) ? 1 : -1];

/*
 * Wiping the stack copies: vxts_memzero (backend.h) on n words. For Frama-C
 * only, the wipes are declared per word type with the contract of
 * vxts_memzero (proofs/spec/kernel_spec.h) on those words: WP's typed memory model cannot
 * follow that contract's (char *) cast onto uint64_t / uint32_t / struct
 * memory. The compiled code calls vxts_memzero with the same byte counts.
 */
#ifdef __FRAMAC__
/*@ requires \valid(p + (0 .. n - 1));
    assigns p[0 .. n - 1] \from \nothing;
*/
void ct64_wipe64(uint64_t *p, size_t n);
/*@ requires \valid(p + (0 .. n - 1));
    assigns p[0 .. n - 1] \from \nothing;
*/
void ct64_wipe32(uint32_t *p, size_t n);
#define CT64_WIPE64(p, n) ct64_wipe64((p), (n))
#define CT64_WIPE32(p, n) ct64_wipe32((p), (n))
#else
#define CT64_WIPE64(p, n) vxts_memzero((p), (n) * sizeof(uint64_t))
#define CT64_WIPE32(p, n) vxts_memzero((p), (n) * sizeof(uint32_t))
#endif

/* ---- bytes <-> words ------------------------------------------------------ */

/* The 8 bytes p[0..7] as a little-endian 64-bit word. */
/*@ requires \valid_read(p + (0 .. 7));
    assigns \nothing;
*/
static uint64_t load64le(const uint8_t *p)
{
    return (uint64_t)p[0] | ((uint64_t)p[1] << 8) | ((uint64_t)p[2] << 16) | ((uint64_t)p[3] << 24) |
           ((uint64_t)p[4] << 32) | ((uint64_t)p[5] << 40) | ((uint64_t)p[6] << 48) |
           ((uint64_t)p[7] << 56);
}

/* p[0..7] <- x, little-endian. */
/*@ requires \valid(p + (0 .. 7));
    assigns p[0 .. 7] \from x;
*/
static void store64le(uint8_t *p, uint64_t x)
{
    p[0] = (uint8_t)(x & 0xFFu);
    p[1] = (uint8_t)((x >> 8) & 0xFFu);
    p[2] = (uint8_t)((x >> 16) & 0xFFu);
    p[3] = (uint8_t)((x >> 24) & 0xFFu);
    p[4] = (uint8_t)((x >> 32) & 0xFFu);
    p[5] = (uint8_t)((x >> 40) & 0xFFu);
    p[6] = (uint8_t)((x >> 48) & 0xFFu);
    p[7] = (uint8_t)((x >> 56) & 0xFFu);
}

/* ---- representation change: four blocks <-> eight bitsliced words ---------- */

/*
 * Swaps a word-index bit with a position bit: the bits of a at positions
 * p + s trade places with the bits of b at positions p, for every p in m
 * (m = the positions whose bit log2(s) is clear, so t << s stays in the word).
 */
/*@ requires \valid(a) && \valid(b);
    requires (s == 4 && m == 0x0F0F0F0F0F0F0F0F) || (s == 1 && m == 0x5555555555555555) ||
             (s == 2 && m == 0x3333333333333333);
    assigns *a, *b;
*/
static void swap_across(uint64_t *a, uint64_t *b, unsigned s, uint64_t m)
{
    uint64_t t = ((*a >> s) ^ *b) & m;
    *b ^= t;
    *a ^= t << s;
}

/* Exchanges, inside x, the bits at positions p (in m) and p + s: swaps two
 * adjacent position bits; m has the lower bit set and the upper one clear. */
/*@ requires (s == 16 && m == 0x00000000FFFF0000) || (s == 8 && m == 0x0000FF000000FF00) ||
             (s == 4 && m == 0x00F000F000F000F0);
    assigns \nothing;
*/
static uint64_t swap_within(uint64_t x, unsigned s, uint64_t m)
{
    uint64_t t = ((x >> s) ^ x) & m;
    return x ^ t ^ (t << s);
}

/* Position bits 5..2 of x: (k2 k1 k0 k3) -> (k1 k0 k3 k2), by three swaps of
 * adjacent position bits (4 <-> 5, 3 <-> 4, 2 <-> 3). */
/*@ assigns \nothing; */
static uint64_t order_bytes(uint64_t x)
{
    x = swap_within(x, 16, 0x00000000FFFF0000u);
    x = swap_within(x, 8, 0x0000FF000000FF00u);
    return swap_within(x, 4, 0x00F000F000F000F0u);
}

/* The inverse of order_bytes. */
/*@ assigns \nothing; */
static uint64_t unorder_bytes(uint64_t x)
{
    x = swap_within(x, 4, 0x00F000F000F000F0u);
    x = swap_within(x, 8, 0x0000FF000000FF00u);
    return swap_within(x, 16, 0x00000000FFFF0000u);
}

/*
 * Representation change only (no FIPS-197 step).
 * In:  w[2b + h] = bytes 8h..8h+7 of block b as a little-endian word
 *      (b < 4, h < 2): bit 8(k mod 8) + i of w[2b + k/8] is bit i of byte k.
 * Out: q[i], bit 16r + 4c + b = bit i of byte k = r + 4c of block b (the
 * layout above).
 * Seen as moving bits between addresses (word index | bit position): the
 * three swap_across steps trade the word-index bits b1 b0 k3 for the bit
 * index i, then order_bytes turns the position bits (k2 k1 k0 k3 b1 b0) into
 * (k1 k0 k3 k2 b1 b0) = (r c b).
 */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(w + (0 .. 7));
    assigns q[0 .. 7] \from w[0 .. 7];
*/
static void bitslice_in(uint64_t q[8], const uint64_t w[8])
{
    uint64_t x0 = w[0], x1 = w[1], x2 = w[2], x3 = w[3];
    uint64_t x4 = w[4], x5 = w[5], x6 = w[6], x7 = w[7];

    /* word-index bit 0 (k3) <-> position bit 2 (i2) */
    swap_across(&x0, &x1, 4, 0x0F0F0F0F0F0F0F0Fu);
    swap_across(&x2, &x3, 4, 0x0F0F0F0F0F0F0F0Fu);
    swap_across(&x4, &x5, 4, 0x0F0F0F0F0F0F0F0Fu);
    swap_across(&x6, &x7, 4, 0x0F0F0F0F0F0F0F0Fu);
    /* word-index bit 1 (b0) <-> position bit 0 (i0) */
    swap_across(&x0, &x2, 1, 0x5555555555555555u);
    swap_across(&x1, &x3, 1, 0x5555555555555555u);
    swap_across(&x4, &x6, 1, 0x5555555555555555u);
    swap_across(&x5, &x7, 1, 0x5555555555555555u);
    /* word-index bit 2 (b1) <-> position bit 1 (i1) */
    swap_across(&x0, &x4, 2, 0x3333333333333333u);
    swap_across(&x1, &x5, 2, 0x3333333333333333u);
    swap_across(&x2, &x6, 2, 0x3333333333333333u);
    swap_across(&x3, &x7, 2, 0x3333333333333333u);
    /* now x(4 i1 + 2 i0 + i2) holds bit plane i = 4 i2 + 2 i1 + i0 */
    q[0] = order_bytes(x0);
    q[1] = order_bytes(x2);
    q[2] = order_bytes(x4);
    q[3] = order_bytes(x6);
    q[4] = order_bytes(x1);
    q[5] = order_bytes(x3);
    q[6] = order_bytes(x5);
    q[7] = order_bytes(x7);
}

/* The inverse of bitslice_in: every step is an involution, run backwards. */
/*@ requires \valid(w + (0 .. 7)) && \valid_read(q + (0 .. 7));
    assigns w[0 .. 7] \from q[0 .. 7];
*/
static void bitslice_out(uint64_t w[8], const uint64_t q[8])
{
    uint64_t x0 = unorder_bytes(q[0]), x2 = unorder_bytes(q[1]), x4 = unorder_bytes(q[2]), x6 = unorder_bytes(q[3]);
    uint64_t x1 = unorder_bytes(q[4]), x3 = unorder_bytes(q[5]), x5 = unorder_bytes(q[6]), x7 = unorder_bytes(q[7]);

    swap_across(&x0, &x4, 2, 0x3333333333333333u);
    swap_across(&x1, &x5, 2, 0x3333333333333333u);
    swap_across(&x2, &x6, 2, 0x3333333333333333u);
    swap_across(&x3, &x7, 2, 0x3333333333333333u);
    swap_across(&x0, &x2, 1, 0x5555555555555555u);
    swap_across(&x1, &x3, 1, 0x5555555555555555u);
    swap_across(&x4, &x6, 1, 0x5555555555555555u);
    swap_across(&x5, &x7, 1, 0x5555555555555555u);
    swap_across(&x0, &x1, 4, 0x0F0F0F0F0F0F0F0Fu);
    swap_across(&x2, &x3, 4, 0x0F0F0F0F0F0F0F0Fu);
    swap_across(&x4, &x5, 4, 0x0F0F0F0F0F0F0F0Fu);
    swap_across(&x6, &x7, 4, 0x0F0F0F0F0F0F0F0Fu);
    w[0] = x0;
    w[1] = x1;
    w[2] = x2;
    w[3] = x3;
    w[4] = x4;
    w[5] = x5;
    w[6] = x6;
    w[7] = x7;
}

/* ---- the S-boxes as boolean circuits ---------------------------------------- */

/*
 * Generated from the definition (FIPS-197 §5.1.1, §5.3.2), not typed in: the
 * inverse in GF(2^8) is computed in the tower field GF(((2^2)^2)^2) (norm,
 * inverse in the subfield, conjugate; Karatsuba products, 36 ANDs); the
 * changes of basis and the affine map are merged into the XOR layers, which
 * are reduced with Paar's greedy common-subexpression heuristic; the tower
 * parameters, bases and isomorphism with the fewest gates were kept
 * (forward: 36 AND + 92 XOR, inverse: 36 AND + 92 XOR). Every generated
 * circuit was checked on all 256 inputs. Do not edit by hand: tools/gen/
 * regenerates them.
 *
 * Both circuits leave out the constant 0x63: sbox_fwd computes A(x^-1) and
 * sbox_inv computes (A^-1(y))^-1, where A is the linear part of the affine
 * map. The constant is carried by the round keys instead (see expand_key):
 * ShiftRows, MixColumns and InvMixColumns map the all-0x63 state to itself
 * (each row of their matrices sums to 1), so XORing 0x63 into round keys
 * 1..Nr cancels it in both the cipher and the inverse cipher.
 *
 * q[i] holds bit i of 64 independent bytes (one per bit position).
 */
/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7];
*/
static void sbox_fwd(uint64_t q[8])
{
    const uint64_t x0 = q[0], x1 = q[1], x2 = q[2], x3 = q[3];
    const uint64_t x4 = q[4], x5 = q[5], x6 = q[6], x7 = q[7];
    const uint64_t t0 = x0 ^ x6;
    const uint64_t t1 = t0 ^ x5;
    const uint64_t t2 = x1 ^ x2;
    const uint64_t t3 = t0 ^ x3;
    const uint64_t t4 = t2 ^ t3;
    const uint64_t t5 = x0 ^ x3;
    const uint64_t t6 = t5 ^ x4;
    const uint64_t t7 = t1 ^ x4;
    const uint64_t t8 = t1 ^ t4;
    const uint64_t t9 = t1 ^ x7;
    const uint64_t t10 = t9 ^ t2;
    const uint64_t t11 = x1 ^ x7;
    const uint64_t t12 = t11 ^ t6;
    const uint64_t t13 = t1 ^ x1;
    const uint64_t t14 = t10 ^ t13;
    const uint64_t t15 = t12 & t10;
    const uint64_t t16 = t9 ^ t13;
    const uint64_t t17 = t8 & t16;
    const uint64_t t18 = t16 ^ t17;
    const uint64_t t19 = t7 ^ t10;
    const uint64_t t20 = t16 ^ t19;
    const uint64_t t21 = t7 ^ t9;
    const uint64_t t22 = t4 & t9;
    const uint64_t t23 = t9 ^ t22;
    const uint64_t t24 = t23 ^ t17;
    const uint64_t t25 = t1 ^ t12;
    const uint64_t t26 = t25 & t14;
    const uint64_t t27 = t1 & t13;
    const uint64_t t28 = x0 ^ t12;
    const uint64_t t29 = t28 & t19;
    const uint64_t t30 = t8 ^ t28;
    const uint64_t t31 = t30 & t20;
    const uint64_t t32 = x0 ^ t4;
    const uint64_t t33 = t32 & t21;
    const uint64_t t34 = t33 ^ t31;
    const uint64_t t35 = t33 ^ t26;
    const uint64_t t36 = t34 ^ t18;
    const uint64_t t37 = t36 ^ t27;
    const uint64_t t38 = t34 ^ t15;
    const uint64_t t39 = t38 ^ t29;
    const uint64_t t40 = t32 ^ t39;
    const uint64_t t41 = t35 ^ t29;
    const uint64_t t42 = t21 ^ t40;
    const uint64_t t43 = t8 ^ t37;
    const uint64_t t44 = t35 ^ t4;
    const uint64_t t45 = t44 ^ t24;
    const uint64_t t46 = t45 ^ t43;
    const uint64_t t47 = t42 & t43;
    const uint64_t t48 = x0 & t7;
    const uint64_t t49 = t25 ^ t48;
    const uint64_t t50 = t41 ^ t49;
    const uint64_t t51 = t14 ^ t50;
    const uint64_t t52 = t51 & t45;
    const uint64_t t53 = t52 ^ t47;
    const uint64_t t54 = t53 ^ t51;
    const uint64_t t55 = t54 ^ t45;
    const uint64_t t56 = t46 & t55;
    const uint64_t t57 = t51 ^ t42;
    const uint64_t t58 = t57 & t55;
    const uint64_t t59 = t57 & t46;
    const uint64_t t60 = t46 ^ t59;
    const uint64_t t61 = t57 ^ t60;
    const uint64_t t62 = t61 ^ t52;
    const uint64_t t63 = t43 ^ t59;
    const uint64_t t64 = t43 & t62;
    const uint64_t t65 = t64 ^ t56;
    const uint64_t t66 = t63 ^ t42;
    const uint64_t t67 = t66 ^ t47;
    const uint64_t t68 = t42 & t62;
    const uint64_t t69 = t68 ^ t58;
    const uint64_t t70 = t51 & t67;
    const uint64_t t71 = t70 ^ t58;
    const uint64_t t72 = t45 & t67;
    const uint64_t t73 = t72 ^ t56;
    const uint64_t t74 = t13 & t69;
    const uint64_t t75 = t12 & t65;
    const uint64_t t76 = t10 & t65;
    const uint64_t t77 = t9 & t71;
    const uint64_t t78 = t7 & t73;
    const uint64_t t79 = t4 & t71;
    const uint64_t t80 = t1 & t69;
    const uint64_t t81 = x0 & t73;
    const uint64_t t82 = t73 ^ t71;
    const uint64_t t83 = t71 ^ t69;
    const uint64_t t84 = t65 ^ t69;
    const uint64_t t85 = t73 ^ t65;
    const uint64_t t86 = t32 & t82;
    const uint64_t t87 = t28 & t85;
    const uint64_t t88 = t19 & t85;
    const uint64_t t89 = t87 ^ t86;
    const uint64_t t90 = t25 & t84;
    const uint64_t t91 = t79 ^ t90;
    const uint64_t t92 = t89 ^ t90;
    const uint64_t t93 = t92 ^ t81;
    const uint64_t t94 = t21 & t82;
    const uint64_t t95 = t88 ^ t94;
    const uint64_t t96 = t84 ^ t82;
    const uint64_t t97 = t14 & t84;
    const uint64_t t98 = t95 ^ t78;
    const uint64_t t99 = t98 ^ t97;
    const uint64_t t100 = t77 ^ t97;
    const uint64_t t101 = t30 & t96;
    const uint64_t t102 = t20 & t96;
    const uint64_t t103 = t89 ^ t101;
    const uint64_t t104 = t80 ^ t101;
    const uint64_t t105 = t103 ^ t75;
    const uint64_t t106 = t76 ^ t102;
    const uint64_t t107 = t95 ^ t106;
    const uint64_t t108 = t74 ^ t102;
    const uint64_t t109 = t16 & t83;
    const uint64_t t110 = t109 ^ t94;
    const uint64_t t111 = t8 & t83;
    const uint64_t t112 = t111 ^ t86;
    const uint64_t t113 = t110 ^ t108;
    const uint64_t t114 = t110 ^ t100;
    const uint64_t t115 = t112 ^ t104;
    const uint64_t t116 = t112 ^ t91;
    const uint64_t t117 = t114 ^ t93;
    q[5] = t117;
    const uint64_t t118 = t117 ^ t99;
    const uint64_t t119 = t93 ^ t116;
    const uint64_t t120 = t116 ^ t115;
    const uint64_t t121 = t120 ^ t113;
    q[1] = t121;
    const uint64_t t122 = t119 ^ t113;
    q[0] = t122;
    const uint64_t t123 = t107 ^ t115;
    q[7] = t123;
    const uint64_t t124 = t123 ^ t118;
    q[2] = t124;
    const uint64_t t125 = t107 ^ t105;
    q[6] = t125;
    const uint64_t t126 = t123 ^ t105;
    q[4] = t126;
    const uint64_t t127 = t126 ^ t119;
    q[3] = t127;
}

/* InvSubBytes without the constant (FIPS-197 §5.3.2): q <- (A^-1(q))^-1. */
/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7];
*/
static void sbox_inv(uint64_t q[8])
{
    const uint64_t x0 = q[0], x1 = q[1], x2 = q[2], x3 = q[3];
    const uint64_t x4 = q[4], x5 = q[5], x6 = q[6], x7 = q[7];
    const uint64_t t0 = x2 ^ x5;
    const uint64_t t1 = x3 ^ x5;
    const uint64_t t2 = x1 ^ x4;
    const uint64_t t3 = t2 ^ t1;
    const uint64_t t4 = t0 ^ x4;
    const uint64_t t5 = x0 ^ x1;
    const uint64_t t6 = t2 ^ x0;
    const uint64_t t7 = t2 ^ x6;
    const uint64_t t8 = x6 ^ x7;
    const uint64_t t9 = t0 ^ t8;
    const uint64_t t10 = t5 ^ x5;
    const uint64_t t11 = t5 ^ x7;
    const uint64_t t12 = t11 ^ t9;
    const uint64_t t13 = t7 ^ t11;
    const uint64_t t14 = t7 & t10;
    const uint64_t t15 = t9 & t6;
    const uint64_t t16 = t4 ^ t6;
    const uint64_t t17 = t12 & t16;
    const uint64_t t18 = t4 ^ t10;
    const uint64_t t19 = t13 & t18;
    const uint64_t t20 = t19 ^ t9;
    const uint64_t t21 = t20 ^ t6;
    const uint64_t t22 = t11 & t4;
    const uint64_t t23 = t7 ^ t3;
    const uint64_t t24 = t12 ^ t23;
    const uint64_t t25 = t3 ^ t9;
    const uint64_t t26 = x1 ^ t10;
    const uint64_t t27 = t26 & t23;
    const uint64_t t28 = t26 ^ t23;
    const uint64_t t29 = t28 ^ t17;
    const uint64_t t30 = t16 ^ t26;
    const uint64_t t31 = t30 & t24;
    const uint64_t t32 = t15 ^ t31;
    const uint64_t t33 = t32 ^ t21;
    const uint64_t t34 = t29 ^ t33;
    const uint64_t t35 = t32 ^ x1;
    const uint64_t t36 = t35 ^ t3;
    const uint64_t t37 = t36 ^ t22;
    const uint64_t t38 = x1 ^ t6;
    const uint64_t t39 = t38 & t25;
    const uint64_t t40 = t39 ^ t11;
    const uint64_t t41 = t40 ^ t4;
    const uint64_t t42 = t41 ^ t37;
    const uint64_t t43 = t41 ^ t14;
    const uint64_t t44 = t34 ^ t42;
    const uint64_t t45 = x1 & t3;
    const uint64_t t46 = t45 ^ t31;
    const uint64_t t47 = t46 ^ t43;
    const uint64_t t48 = t46 ^ t21;
    const uint64_t t49 = t48 ^ t27;
    const uint64_t t50 = t49 ^ t47;
    const uint64_t t51 = t44 & t50;
    const uint64_t t52 = t47 ^ t51;
    const uint64_t t53 = t44 ^ t50;
    const uint64_t t54 = t42 & t47;
    const uint64_t t55 = t52 ^ t54;
    const uint64_t t56 = t55 ^ t42;
    const uint64_t t57 = t49 & t56;
    const uint64_t t58 = t34 & t56;
    const uint64_t t59 = t34 & t49;
    const uint64_t t60 = t59 ^ t51;
    const uint64_t t61 = t60 ^ t53;
    const uint64_t t62 = t34 ^ t59;
    const uint64_t t63 = t62 ^ t54;
    const uint64_t t64 = t63 ^ t49;
    const uint64_t t65 = t50 & t64;
    const uint64_t t66 = t44 & t64;
    const uint64_t t67 = t47 & t61;
    const uint64_t t68 = t42 & t61;
    const uint64_t t69 = t68 ^ t66;
    const uint64_t t70 = t58 ^ t68;
    const uint64_t t71 = t67 ^ t65;
    const uint64_t t72 = t57 ^ t67;
    const uint64_t t73 = t11 & t71;
    const uint64_t t74 = t10 & t69;
    const uint64_t t75 = t9 & t72;
    const uint64_t t76 = t73 ^ t75;
    const uint64_t t77 = t7 & t69;
    const uint64_t t78 = t6 & t72;
    const uint64_t t79 = t4 & t71;
    const uint64_t t80 = t3 & t70;
    const uint64_t t81 = t77 ^ t80;
    const uint64_t t82 = x1 & t70;
    const uint64_t t83 = t71 ^ t72;
    const uint64_t t84 = t72 ^ t70;
    const uint64_t t85 = t69 ^ t70;
    const uint64_t t86 = t71 ^ t69;
    const uint64_t t87 = t38 & t84;
    const uint64_t t88 = t25 & t84;
    const uint64_t t89 = t79 ^ t87;
    const uint64_t t90 = t74 ^ t87;
    const uint64_t t91 = t26 & t85;
    const uint64_t t92 = t23 & t85;
    const uint64_t t93 = t83 ^ t85;
    const uint64_t t94 = t30 & t93;
    const uint64_t t95 = t24 & t93;
    const uint64_t t96 = t88 ^ t95;
    const uint64_t t97 = t82 ^ t94;
    const uint64_t t98 = t78 ^ t94;
    const uint64_t t99 = t97 ^ t91;
    const uint64_t t100 = t97 ^ t90;
    const uint64_t t101 = t98 ^ t89;
    const uint64_t t102 = t96 ^ t81;
    const uint64_t t103 = t96 ^ t76;
    const uint64_t t104 = t18 & t86;
    const uint64_t t105 = t13 & t86;
    const uint64_t t106 = t105 ^ t95;
    const uint64_t t107 = t99 ^ t104;
    q[7] = t107;
    const uint64_t t108 = t98 ^ t104;
    const uint64_t t109 = t106 ^ t92;
    const uint64_t t110 = t109 ^ t80;
    const uint64_t t111 = t16 & t83;
    const uint64_t t112 = t108 ^ t111;
    const uint64_t t113 = t12 & t83;
    const uint64_t t114 = t106 ^ t113;
    const uint64_t t115 = t114 ^ t75;
    const uint64_t t116 = t112 ^ t115;
    const uint64_t t117 = t116 ^ t110;
    q[5] = t117;
    const uint64_t t118 = t100 ^ t110;
    const uint64_t t119 = t118 ^ t101;
    const uint64_t t120 = t116 ^ t119;
    q[4] = t120;
    const uint64_t t121 = t116 ^ t103;
    q[0] = t121;
    const uint64_t t122 = t100 ^ t103;
    q[6] = t122;
    const uint64_t t123 = t103 ^ t102;
    const uint64_t t124 = t123 ^ t115;
    q[3] = t124;
    const uint64_t t125 = t123 ^ t112;
    q[2] = t125;
    const uint64_t t126 = t107 ^ t102;
    const uint64_t t127 = t118 ^ t126;
    q[1] = t127;
}

/* ---- the round transformations on the bitsliced state ------------------------ */

/*
 * Fixslicing. ShiftRows (FIPS-197 §5.1.2) only moves bytes, so it is not done
 * in the rounds: after round j the stored state X relates to the cipher's
 * state T by T = SR^j(X), i.e. T[r][c] = X[r][c + j*r] (columns mod 4).
 * SubBytes commutes with any byte move. MixColumns of T is done on X: where
 * it reads byte (r + d, c) of T it reads byte (r + d, c + d*m) of X,
 * m = j mod 4 (the four variants below). Round key j is stored as
 * SR^-m(K_j) (see expand_key). SR^4 is the identity, so the only ShiftRows
 * left is SR^(Nr mod 4) = SR^2 after the last round (Nr = 10 or 14).
 */

/* x rotated right by n bits, 1 <= n <= 63 (constant at every call). The low
 * n bits are masked before the left shift, so no bit leaves the word; both gcc
 * and clang still emit a single rotate. */
/*@ requires n == 4 || n == 8 || n == 12 || n == 16 || n == 20 || n == 24 || n == 28 || n == 32 || n == 40;
    assigns \nothing;
*/
static uint64_t rotr64(uint64_t x, unsigned n)
{
    return (x >> n) | ((x & (UINT64_MAX >> (64u - n))) << (64u - n));
}

/* AddRoundKey (FIPS-197 §5.1.4): q ^= rk[0..7]. */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 7];
*/
static void add_round_key(uint64_t q[8], const uint64_t *rk)
{
    q[0] ^= rk[0];
    q[1] ^= rk[1];
    q[2] ^= rk[2];
    q[3] ^= rk[3];
    q[4] ^= rk[4];
    q[5] ^= rk[5];
    q[6] ^= rk[6];
    q[7] ^= rk[7];
}

/* Column masks of a bit plane: column c is nibble c of every 16-bit row. */
#define COLS_0 0x000F000F000F000Fu
#define COLS_012 0x0FFF0FFF0FFF0FFFu
#define COLS_01 0x00FF00FF00FF00FFu
#define COLS_123 0xFFF0FFF0FFF0FFF0u
#define COLS_23 0xFF00FF00FF00FF00u
#define COLS_3 0xF000F000F000F000u

/*
 * rows1_m: every byte (r, c) <- byte (r + 1, c + m), rows and columns mod 4.
 * Byte (r, c) is bits 16r + 4c .. +3, so this is a right rotation by 16 + 4m
 * where c + m < 4 and by 4m where the column wraps (rows wrap by themselves).
 */
/*@ assigns \nothing; */
static uint64_t rows1_0(uint64_t x)
{
    return rotr64(x, 16);
}
/*@ assigns \nothing; */
static uint64_t rows1_1(uint64_t x)
{
    return (rotr64(x, 20) & COLS_012) | (rotr64(x, 4) & COLS_3);
}
/*@ assigns \nothing; */
static uint64_t rows1_2(uint64_t x)
{
    return (rotr64(x, 24) & COLS_01) | (rotr64(x, 8) & COLS_23);
}
/*@ assigns \nothing; */
static uint64_t rows1_3(uint64_t x)
{
    return (rotr64(x, 28) & COLS_0) | (rotr64(x, 12) & COLS_123);
}

/* rows2_m: byte (r, c) <- byte (r + 2, c + 2m); only m mod 2 matters:
 * a rotation by 32 for even m; for odd m by 40 (c < 2) or 24 (c >= 2). */
/*@ assigns \nothing; */
static uint64_t rows2_even(uint64_t x)
{
    return rotr64(x, 32);
}
/*@ assigns \nothing; */
static uint64_t rows2_odd(uint64_t x)
{
    return (rotr64(x, 40) & COLS_01) | (rotr64(x, 24) & COLS_23);
}

/*
 * MixColumns (FIPS-197 §5.1.3): s'[r] = {02}s[r] ^ {03}s[r+1] ^ s[r+2] ^ s[r+3]
 * in every column, computed as {02}t ^ s[r+1] ^ t[r+2] with t = s[r] ^ s[r+1];
 * {02}t is xtime on bit planes (§4.2.1: plane 7 folds into planes 0, 1, 3, 4
 * by m(x) = x^8 + x^4 + x^3 + x + 1). "s[r+d]" is rows1_m / rows2_m of the
 * fixsliced round (m = r mod 4).
 * InvMixColumns (§5.3.3), matrix circ(0e, 0b, 0d, 09), is factored as
 * circ(02, 03, 01, 01) x circ(05, 00, 04, 00): first s[r] ^= {04}(s[r] ^ s[r+2]),
 * then MixColumns ({02}{05} ^ {04} = {0e}, {03}{05} ^ {04} = {0b},
 * {05} ^ {02}{04} = {0d}, {05} ^ {03}{04} = {09}).
 * Each variant is written out plane by plane (straight-line code).
 */
/* MixColumns (FIPS-197 §5.1.3) of a round r = 0 mod 4, then AddRoundKey (§5.1.4)
 * with rk: q <- MC_0(q) ^ rk[0..7]. */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 7];
*/
static void mix_columns_0_ark(uint64_t q[8], const uint64_t *rk)
{
    const uint64_t s0 = q[0], s1 = q[1], s2 = q[2], s3 = q[3];
    const uint64_t s4 = q[4], s5 = q[5], s6 = q[6], s7 = q[7];
    const uint64_t a0 = rows1_0(s0);
    const uint64_t a1 = rows1_0(s1);
    const uint64_t a2 = rows1_0(s2);
    const uint64_t a3 = rows1_0(s3);
    const uint64_t a4 = rows1_0(s4);
    const uint64_t a5 = rows1_0(s5);
    const uint64_t a6 = rows1_0(s6);
    const uint64_t a7 = rows1_0(s7);
    const uint64_t t0 = s0 ^ a0;
    const uint64_t t1 = s1 ^ a1;
    const uint64_t t2 = s2 ^ a2;
    const uint64_t t3 = s3 ^ a3;
    const uint64_t t4 = s4 ^ a4;
    const uint64_t t5 = s5 ^ a5;
    const uint64_t t6 = s6 ^ a6;
    const uint64_t t7 = s7 ^ a7;
    q[0] = t7 ^ a0 ^ rows2_even(t0) ^ rk[0];
    q[1] = t0 ^ t7 ^ a1 ^ rows2_even(t1) ^ rk[1];
    q[2] = t1 ^ a2 ^ rows2_even(t2) ^ rk[2];
    q[3] = t2 ^ t7 ^ a3 ^ rows2_even(t3) ^ rk[3];
    q[4] = t3 ^ t7 ^ a4 ^ rows2_even(t4) ^ rk[4];
    q[5] = t4 ^ a5 ^ rows2_even(t5) ^ rk[5];
    q[6] = t5 ^ a6 ^ rows2_even(t6) ^ rk[6];
    q[7] = t6 ^ a7 ^ rows2_even(t7) ^ rk[7];
}

/* MixColumns (FIPS-197 §5.1.3) of a round r = 1 mod 4, then AddRoundKey (§5.1.4)
 * with rk: q <- MC_1(q) ^ rk[0..7]. */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 7];
*/
static void mix_columns_1_ark(uint64_t q[8], const uint64_t *rk)
{
    const uint64_t s0 = q[0], s1 = q[1], s2 = q[2], s3 = q[3];
    const uint64_t s4 = q[4], s5 = q[5], s6 = q[6], s7 = q[7];
    const uint64_t a0 = rows1_1(s0);
    const uint64_t a1 = rows1_1(s1);
    const uint64_t a2 = rows1_1(s2);
    const uint64_t a3 = rows1_1(s3);
    const uint64_t a4 = rows1_1(s4);
    const uint64_t a5 = rows1_1(s5);
    const uint64_t a6 = rows1_1(s6);
    const uint64_t a7 = rows1_1(s7);
    const uint64_t t0 = s0 ^ a0;
    const uint64_t t1 = s1 ^ a1;
    const uint64_t t2 = s2 ^ a2;
    const uint64_t t3 = s3 ^ a3;
    const uint64_t t4 = s4 ^ a4;
    const uint64_t t5 = s5 ^ a5;
    const uint64_t t6 = s6 ^ a6;
    const uint64_t t7 = s7 ^ a7;
    q[0] = t7 ^ a0 ^ rows2_odd(t0) ^ rk[0];
    q[1] = t0 ^ t7 ^ a1 ^ rows2_odd(t1) ^ rk[1];
    q[2] = t1 ^ a2 ^ rows2_odd(t2) ^ rk[2];
    q[3] = t2 ^ t7 ^ a3 ^ rows2_odd(t3) ^ rk[3];
    q[4] = t3 ^ t7 ^ a4 ^ rows2_odd(t4) ^ rk[4];
    q[5] = t4 ^ a5 ^ rows2_odd(t5) ^ rk[5];
    q[6] = t5 ^ a6 ^ rows2_odd(t6) ^ rk[6];
    q[7] = t6 ^ a7 ^ rows2_odd(t7) ^ rk[7];
}

/* MixColumns (FIPS-197 §5.1.3) of a round r = 2 mod 4, then AddRoundKey (§5.1.4)
 * with rk: q <- MC_2(q) ^ rk[0..7]. */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 7];
*/
static void mix_columns_2_ark(uint64_t q[8], const uint64_t *rk)
{
    const uint64_t s0 = q[0], s1 = q[1], s2 = q[2], s3 = q[3];
    const uint64_t s4 = q[4], s5 = q[5], s6 = q[6], s7 = q[7];
    const uint64_t a0 = rows1_2(s0);
    const uint64_t a1 = rows1_2(s1);
    const uint64_t a2 = rows1_2(s2);
    const uint64_t a3 = rows1_2(s3);
    const uint64_t a4 = rows1_2(s4);
    const uint64_t a5 = rows1_2(s5);
    const uint64_t a6 = rows1_2(s6);
    const uint64_t a7 = rows1_2(s7);
    const uint64_t t0 = s0 ^ a0;
    const uint64_t t1 = s1 ^ a1;
    const uint64_t t2 = s2 ^ a2;
    const uint64_t t3 = s3 ^ a3;
    const uint64_t t4 = s4 ^ a4;
    const uint64_t t5 = s5 ^ a5;
    const uint64_t t6 = s6 ^ a6;
    const uint64_t t7 = s7 ^ a7;
    q[0] = t7 ^ a0 ^ rows2_even(t0) ^ rk[0];
    q[1] = t0 ^ t7 ^ a1 ^ rows2_even(t1) ^ rk[1];
    q[2] = t1 ^ a2 ^ rows2_even(t2) ^ rk[2];
    q[3] = t2 ^ t7 ^ a3 ^ rows2_even(t3) ^ rk[3];
    q[4] = t3 ^ t7 ^ a4 ^ rows2_even(t4) ^ rk[4];
    q[5] = t4 ^ a5 ^ rows2_even(t5) ^ rk[5];
    q[6] = t5 ^ a6 ^ rows2_even(t6) ^ rk[6];
    q[7] = t6 ^ a7 ^ rows2_even(t7) ^ rk[7];
}

/* MixColumns (FIPS-197 §5.1.3) of a round r = 3 mod 4, then AddRoundKey (§5.1.4)
 * with rk: q <- MC_3(q) ^ rk[0..7]. */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 7];
*/
static void mix_columns_3_ark(uint64_t q[8], const uint64_t *rk)
{
    const uint64_t s0 = q[0], s1 = q[1], s2 = q[2], s3 = q[3];
    const uint64_t s4 = q[4], s5 = q[5], s6 = q[6], s7 = q[7];
    const uint64_t a0 = rows1_3(s0);
    const uint64_t a1 = rows1_3(s1);
    const uint64_t a2 = rows1_3(s2);
    const uint64_t a3 = rows1_3(s3);
    const uint64_t a4 = rows1_3(s4);
    const uint64_t a5 = rows1_3(s5);
    const uint64_t a6 = rows1_3(s6);
    const uint64_t a7 = rows1_3(s7);
    const uint64_t t0 = s0 ^ a0;
    const uint64_t t1 = s1 ^ a1;
    const uint64_t t2 = s2 ^ a2;
    const uint64_t t3 = s3 ^ a3;
    const uint64_t t4 = s4 ^ a4;
    const uint64_t t5 = s5 ^ a5;
    const uint64_t t6 = s6 ^ a6;
    const uint64_t t7 = s7 ^ a7;
    q[0] = t7 ^ a0 ^ rows2_odd(t0) ^ rk[0];
    q[1] = t0 ^ t7 ^ a1 ^ rows2_odd(t1) ^ rk[1];
    q[2] = t1 ^ a2 ^ rows2_odd(t2) ^ rk[2];
    q[3] = t2 ^ t7 ^ a3 ^ rows2_odd(t3) ^ rk[3];
    q[4] = t3 ^ t7 ^ a4 ^ rows2_odd(t4) ^ rk[4];
    q[5] = t4 ^ a5 ^ rows2_odd(t5) ^ rk[5];
    q[6] = t5 ^ a6 ^ rows2_odd(t6) ^ rk[6];
    q[7] = t6 ^ a7 ^ rows2_odd(t7) ^ rk[7];
}

/* AddRoundKey (§5.1.4) with rk, then the InvMixColumns (§5.3.3) undoing
 * mix_columns_0_ark: x = q ^ rk; b = x ^ {04}(x ^ x[r+2]); q <- MC_0(b). */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 7];
*/
static void ark_inv_mix_columns_0(uint64_t q[8], const uint64_t *rk)
{
    const uint64_t x0 = q[0] ^ rk[0], x1 = q[1] ^ rk[1], x2 = q[2] ^ rk[2], x3 = q[3] ^ rk[3];
    const uint64_t x4 = q[4] ^ rk[4], x5 = q[5] ^ rk[5], x6 = q[6] ^ rk[6], x7 = q[7] ^ rk[7];
    const uint64_t u0 = x0 ^ rows2_even(x0);
    const uint64_t u1 = x1 ^ rows2_even(x1);
    const uint64_t u2 = x2 ^ rows2_even(x2);
    const uint64_t u3 = x3 ^ rows2_even(x3);
    const uint64_t u4 = x4 ^ rows2_even(x4);
    const uint64_t u5 = x5 ^ rows2_even(x5);
    const uint64_t u6 = x6 ^ rows2_even(x6);
    const uint64_t u7 = x7 ^ rows2_even(x7);
    const uint64_t b0 = x0 ^ u6;
    const uint64_t b1 = x1 ^ u6 ^ u7;
    const uint64_t b2 = x2 ^ u0 ^ u7;
    const uint64_t b3 = x3 ^ u1 ^ u6;
    const uint64_t b4 = x4 ^ u2 ^ u6 ^ u7;
    const uint64_t b5 = x5 ^ u3 ^ u7;
    const uint64_t b6 = x6 ^ u4;
    const uint64_t b7 = x7 ^ u5;
    const uint64_t a0 = rows1_0(b0);
    const uint64_t a1 = rows1_0(b1);
    const uint64_t a2 = rows1_0(b2);
    const uint64_t a3 = rows1_0(b3);
    const uint64_t a4 = rows1_0(b4);
    const uint64_t a5 = rows1_0(b5);
    const uint64_t a6 = rows1_0(b6);
    const uint64_t a7 = rows1_0(b7);
    const uint64_t t0 = b0 ^ a0;
    const uint64_t t1 = b1 ^ a1;
    const uint64_t t2 = b2 ^ a2;
    const uint64_t t3 = b3 ^ a3;
    const uint64_t t4 = b4 ^ a4;
    const uint64_t t5 = b5 ^ a5;
    const uint64_t t6 = b6 ^ a6;
    const uint64_t t7 = b7 ^ a7;
    q[0] = t7 ^ a0 ^ rows2_even(t0);
    q[1] = t0 ^ t7 ^ a1 ^ rows2_even(t1);
    q[2] = t1 ^ a2 ^ rows2_even(t2);
    q[3] = t2 ^ t7 ^ a3 ^ rows2_even(t3);
    q[4] = t3 ^ t7 ^ a4 ^ rows2_even(t4);
    q[5] = t4 ^ a5 ^ rows2_even(t5);
    q[6] = t5 ^ a6 ^ rows2_even(t6);
    q[7] = t6 ^ a7 ^ rows2_even(t7);
}

/* AddRoundKey (§5.1.4) with rk, then the InvMixColumns (§5.3.3) undoing
 * mix_columns_1_ark: x = q ^ rk; b = x ^ {04}(x ^ x[r+2]); q <- MC_1(b). */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 7];
*/
static void ark_inv_mix_columns_1(uint64_t q[8], const uint64_t *rk)
{
    const uint64_t x0 = q[0] ^ rk[0], x1 = q[1] ^ rk[1], x2 = q[2] ^ rk[2], x3 = q[3] ^ rk[3];
    const uint64_t x4 = q[4] ^ rk[4], x5 = q[5] ^ rk[5], x6 = q[6] ^ rk[6], x7 = q[7] ^ rk[7];
    const uint64_t u0 = x0 ^ rows2_odd(x0);
    const uint64_t u1 = x1 ^ rows2_odd(x1);
    const uint64_t u2 = x2 ^ rows2_odd(x2);
    const uint64_t u3 = x3 ^ rows2_odd(x3);
    const uint64_t u4 = x4 ^ rows2_odd(x4);
    const uint64_t u5 = x5 ^ rows2_odd(x5);
    const uint64_t u6 = x6 ^ rows2_odd(x6);
    const uint64_t u7 = x7 ^ rows2_odd(x7);
    const uint64_t b0 = x0 ^ u6;
    const uint64_t b1 = x1 ^ u6 ^ u7;
    const uint64_t b2 = x2 ^ u0 ^ u7;
    const uint64_t b3 = x3 ^ u1 ^ u6;
    const uint64_t b4 = x4 ^ u2 ^ u6 ^ u7;
    const uint64_t b5 = x5 ^ u3 ^ u7;
    const uint64_t b6 = x6 ^ u4;
    const uint64_t b7 = x7 ^ u5;
    const uint64_t a0 = rows1_1(b0);
    const uint64_t a1 = rows1_1(b1);
    const uint64_t a2 = rows1_1(b2);
    const uint64_t a3 = rows1_1(b3);
    const uint64_t a4 = rows1_1(b4);
    const uint64_t a5 = rows1_1(b5);
    const uint64_t a6 = rows1_1(b6);
    const uint64_t a7 = rows1_1(b7);
    const uint64_t t0 = b0 ^ a0;
    const uint64_t t1 = b1 ^ a1;
    const uint64_t t2 = b2 ^ a2;
    const uint64_t t3 = b3 ^ a3;
    const uint64_t t4 = b4 ^ a4;
    const uint64_t t5 = b5 ^ a5;
    const uint64_t t6 = b6 ^ a6;
    const uint64_t t7 = b7 ^ a7;
    q[0] = t7 ^ a0 ^ rows2_odd(t0);
    q[1] = t0 ^ t7 ^ a1 ^ rows2_odd(t1);
    q[2] = t1 ^ a2 ^ rows2_odd(t2);
    q[3] = t2 ^ t7 ^ a3 ^ rows2_odd(t3);
    q[4] = t3 ^ t7 ^ a4 ^ rows2_odd(t4);
    q[5] = t4 ^ a5 ^ rows2_odd(t5);
    q[6] = t5 ^ a6 ^ rows2_odd(t6);
    q[7] = t6 ^ a7 ^ rows2_odd(t7);
}

/* AddRoundKey (§5.1.4) with rk, then the InvMixColumns (§5.3.3) undoing
 * mix_columns_2_ark: x = q ^ rk; b = x ^ {04}(x ^ x[r+2]); q <- MC_2(b). */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 7];
*/
static void ark_inv_mix_columns_2(uint64_t q[8], const uint64_t *rk)
{
    const uint64_t x0 = q[0] ^ rk[0], x1 = q[1] ^ rk[1], x2 = q[2] ^ rk[2], x3 = q[3] ^ rk[3];
    const uint64_t x4 = q[4] ^ rk[4], x5 = q[5] ^ rk[5], x6 = q[6] ^ rk[6], x7 = q[7] ^ rk[7];
    const uint64_t u0 = x0 ^ rows2_even(x0);
    const uint64_t u1 = x1 ^ rows2_even(x1);
    const uint64_t u2 = x2 ^ rows2_even(x2);
    const uint64_t u3 = x3 ^ rows2_even(x3);
    const uint64_t u4 = x4 ^ rows2_even(x4);
    const uint64_t u5 = x5 ^ rows2_even(x5);
    const uint64_t u6 = x6 ^ rows2_even(x6);
    const uint64_t u7 = x7 ^ rows2_even(x7);
    const uint64_t b0 = x0 ^ u6;
    const uint64_t b1 = x1 ^ u6 ^ u7;
    const uint64_t b2 = x2 ^ u0 ^ u7;
    const uint64_t b3 = x3 ^ u1 ^ u6;
    const uint64_t b4 = x4 ^ u2 ^ u6 ^ u7;
    const uint64_t b5 = x5 ^ u3 ^ u7;
    const uint64_t b6 = x6 ^ u4;
    const uint64_t b7 = x7 ^ u5;
    const uint64_t a0 = rows1_2(b0);
    const uint64_t a1 = rows1_2(b1);
    const uint64_t a2 = rows1_2(b2);
    const uint64_t a3 = rows1_2(b3);
    const uint64_t a4 = rows1_2(b4);
    const uint64_t a5 = rows1_2(b5);
    const uint64_t a6 = rows1_2(b6);
    const uint64_t a7 = rows1_2(b7);
    const uint64_t t0 = b0 ^ a0;
    const uint64_t t1 = b1 ^ a1;
    const uint64_t t2 = b2 ^ a2;
    const uint64_t t3 = b3 ^ a3;
    const uint64_t t4 = b4 ^ a4;
    const uint64_t t5 = b5 ^ a5;
    const uint64_t t6 = b6 ^ a6;
    const uint64_t t7 = b7 ^ a7;
    q[0] = t7 ^ a0 ^ rows2_even(t0);
    q[1] = t0 ^ t7 ^ a1 ^ rows2_even(t1);
    q[2] = t1 ^ a2 ^ rows2_even(t2);
    q[3] = t2 ^ t7 ^ a3 ^ rows2_even(t3);
    q[4] = t3 ^ t7 ^ a4 ^ rows2_even(t4);
    q[5] = t4 ^ a5 ^ rows2_even(t5);
    q[6] = t5 ^ a6 ^ rows2_even(t6);
    q[7] = t6 ^ a7 ^ rows2_even(t7);
}

/* AddRoundKey (§5.1.4) with rk, then the InvMixColumns (§5.3.3) undoing
 * mix_columns_3_ark: x = q ^ rk; b = x ^ {04}(x ^ x[r+2]); q <- MC_3(b). */
/*@ requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 7];
*/
static void ark_inv_mix_columns_3(uint64_t q[8], const uint64_t *rk)
{
    const uint64_t x0 = q[0] ^ rk[0], x1 = q[1] ^ rk[1], x2 = q[2] ^ rk[2], x3 = q[3] ^ rk[3];
    const uint64_t x4 = q[4] ^ rk[4], x5 = q[5] ^ rk[5], x6 = q[6] ^ rk[6], x7 = q[7] ^ rk[7];
    const uint64_t u0 = x0 ^ rows2_odd(x0);
    const uint64_t u1 = x1 ^ rows2_odd(x1);
    const uint64_t u2 = x2 ^ rows2_odd(x2);
    const uint64_t u3 = x3 ^ rows2_odd(x3);
    const uint64_t u4 = x4 ^ rows2_odd(x4);
    const uint64_t u5 = x5 ^ rows2_odd(x5);
    const uint64_t u6 = x6 ^ rows2_odd(x6);
    const uint64_t u7 = x7 ^ rows2_odd(x7);
    const uint64_t b0 = x0 ^ u6;
    const uint64_t b1 = x1 ^ u6 ^ u7;
    const uint64_t b2 = x2 ^ u0 ^ u7;
    const uint64_t b3 = x3 ^ u1 ^ u6;
    const uint64_t b4 = x4 ^ u2 ^ u6 ^ u7;
    const uint64_t b5 = x5 ^ u3 ^ u7;
    const uint64_t b6 = x6 ^ u4;
    const uint64_t b7 = x7 ^ u5;
    const uint64_t a0 = rows1_3(b0);
    const uint64_t a1 = rows1_3(b1);
    const uint64_t a2 = rows1_3(b2);
    const uint64_t a3 = rows1_3(b3);
    const uint64_t a4 = rows1_3(b4);
    const uint64_t a5 = rows1_3(b5);
    const uint64_t a6 = rows1_3(b6);
    const uint64_t a7 = rows1_3(b7);
    const uint64_t t0 = b0 ^ a0;
    const uint64_t t1 = b1 ^ a1;
    const uint64_t t2 = b2 ^ a2;
    const uint64_t t3 = b3 ^ a3;
    const uint64_t t4 = b4 ^ a4;
    const uint64_t t5 = b5 ^ a5;
    const uint64_t t6 = b6 ^ a6;
    const uint64_t t7 = b7 ^ a7;
    q[0] = t7 ^ a0 ^ rows2_odd(t0);
    q[1] = t0 ^ t7 ^ a1 ^ rows2_odd(t1);
    q[2] = t1 ^ a2 ^ rows2_odd(t2);
    q[3] = t2 ^ t7 ^ a3 ^ rows2_odd(t3);
    q[4] = t3 ^ t7 ^ a4 ^ rows2_odd(t4);
    q[5] = t4 ^ a5 ^ rows2_odd(t5);
    q[6] = t5 ^ a6 ^ rows2_odd(t6);
    q[7] = t6 ^ a7 ^ rows2_odd(t7);
}

/* ShiftRows twice (FIPS-197 §5.1.2), its own inverse, on one plane: rows 1
 * and 3 move by two columns (the two bytes of their 16-bit rows swap),
 * rows 0 and 2 stay. */
/*@ assigns \nothing; */
static uint64_t shift_rows2_word(uint64_t x)
{
    return (x & 0x0000FFFF0000FFFFu) | ((x >> 8) & 0x00FF000000FF0000u) |
           ((x & 0x00FF000000FF0000u) << 8);
}

/*@ requires \valid(q + (0 .. 7));
    assigns q[0 .. 7] \from q[0 .. 7];
*/
static void shift_rows2(uint64_t q[8])
{
    q[0] = shift_rows2_word(q[0]);
    q[1] = shift_rows2_word(q[1]);
    q[2] = shift_rows2_word(q[2]);
    q[3] = shift_rows2_word(q[3]);
    q[4] = shift_rows2_word(q[4]);
    q[5] = shift_rows2_word(q[5]);
    q[6] = shift_rows2_word(q[6]);
    q[7] = shift_rows2_word(q[7]);
}

/* InvShiftRows (FIPS-197 §5.3.1) of one plane: row r rotates by r columns
 * towards higher columns (its 16 bits left by 4r). Used on round keys only. */
/*@ assigns \nothing; */
static uint64_t inv_shift_rows_word(uint64_t x)
{
    return (x & 0x000000000000FFFFu) |
           ((x & 0x000000000FFF0000u) << 4) | ((x >> 12) & 0x00000000000F0000u) |
           ((x & 0x000000FF00000000u) << 8) | ((x >> 8) & 0x000000FF00000000u) |
           ((x >> 4) & 0x0FFF000000000000u) | ((x & 0x000F000000000000u) << 12);
}

/*
 * Cipher (FIPS-197 §5.1, Fig. 5), fixsliced, on four blocks at once.
 * In: q bitsliced; rk = rounds + 1 round keys of 8 words from expand_key;
 * rounds is 10 or 14 (so rounds - 1 = 1 mod 4). Out: q = E_K(q).
 */
/*@ requires rounds == 10 || rounds == 14;
    requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 8 * rounds + 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 8 * rounds + 7];
*/
static void aes_encrypt_bs(uint64_t q[8], const uint64_t *rk, unsigned rounds)
{
    unsigned r;

    add_round_key(q, rk);
    /*@ loop invariant 1 <= r <= rounds - 1 && r % 4 == 1;
        loop assigns r, q[0 .. 7];
        loop variant rounds - r;
    */
    for (r = 1; r < rounds - 1u; r += 4) {
        sbox_fwd(q);
        mix_columns_1_ark(q, rk + 8u * r);
        sbox_fwd(q);
        mix_columns_2_ark(q, rk + 8u * (r + 1u));
        sbox_fwd(q);
        mix_columns_3_ark(q, rk + 8u * (r + 2u));
        sbox_fwd(q);
        mix_columns_0_ark(q, rk + 8u * (r + 3u));
    }
    sbox_fwd(q); /* round rounds - 1 */
    mix_columns_1_ark(q, rk + 8u * (rounds - 1u));
    sbox_fwd(q); /* the last round: no MixColumns */
    add_round_key(q, rk + 8u * rounds);
    shift_rows2(q);
}

/*
 * The inverse cipher (FIPS-197 §5.3) as the exact inverse of aes_encrypt_bs,
 * step by step in reverse: the same round keys, InvSubBytes and the fixsliced
 * InvMixColumns. In: q bitsliced, rk and rounds as for aes_encrypt_bs.
 * Out: q = D_K(q).
 */
/*@ requires rounds == 10 || rounds == 14;
    requires \valid(q + (0 .. 7)) && \valid_read(rk + (0 .. 8 * rounds + 7));
    assigns q[0 .. 7] \from q[0 .. 7], rk[0 .. 8 * rounds + 7];
*/
static void aes_decrypt_bs(uint64_t q[8], const uint64_t *rk, unsigned rounds)
{
    unsigned r;

    shift_rows2(q);
    add_round_key(q, rk + 8u * rounds);
    sbox_inv(q);
    ark_inv_mix_columns_1(q, rk + 8u * (rounds - 1u));
    sbox_inv(q);
    /*@ loop invariant 0 <= r <= rounds - 2 && r % 4 == 0;
        loop assigns r, q[0 .. 7];
        loop variant r;
    */
    for (r = rounds - 2u; r > 0; r -= 4) {
        ark_inv_mix_columns_0(q, rk + 8u * r);
        sbox_inv(q);
        ark_inv_mix_columns_3(q, rk + 8u * (r - 1u));
        sbox_inv(q);
        ark_inv_mix_columns_2(q, rk + 8u * (r - 2u));
        sbox_inv(q);
        ark_inv_mix_columns_1(q, rk + 8u * (r - 3u));
        sbox_inv(q);
    }
    add_round_key(q, rk);
}

/* ---- key expansion (FIPS-197 §5.2) -------------------------------------------- */

/*
 * SubWord (FIPS-197 §5.2) through the same circuit: the four bytes of w go
 * into lanes 0..3 of a bitsliced state, out comes S(byte) for each, with the
 * constant 0x63 added back.
 */
/*@ assigns \nothing; */
static uint32_t sub_word(uint32_t w)
{
    uint64_t q[8];
    uint32_t r = 0;
    unsigned i;

    /* lane j of plane i <- bit i of byte j */
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, q[0 .. 7];
        loop variant 8 - i;
    */
    for (i = 0; i < 8; i++)
        q[i] = (uint64_t)((w >> i) & 1u) | ((uint64_t)((w >> (8u + i)) & 1u) << 1) |
               ((uint64_t)((w >> (16u + i)) & 1u) << 2) | ((uint64_t)((w >> (24u + i)) & 1u) << 3);
    sbox_fwd(q);
    /* bit i of byte j <- lane j of plane i: planes 7 down to 0, each step moving
     * the bits taken so far up by one in every byte (bit 7 is still clear) */
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, r;
        loop variant 8 - i;
    */
    for (i = 0; i < 8; i++) {
        const uint64_t x = q[7u - i];
        r = ((r & 0x7F7F7F7Fu) << 1) | (uint32_t)(x & 1u) | ((uint32_t)((x >> 1) & 1u) << 8) |
            ((uint32_t)((x >> 2) & 1u) << 16) | ((uint32_t)((x >> 3) & 1u) << 24);
    }
    CT64_WIPE64(q, 8);
    return r ^ 0x63636363u;
}

/*
 * KeyExpansion (FIPS-197 §5.2, Fig. 11), then every round key broadcast to the
 * four lanes and bitsliced.
 * In: key, 4 * nk bytes, nk = 4 (AES-128, 10 rounds) or 8 (AES-256, 14 rounds).
 * Out: rk[0 .. 8 * (nk + 7)), round key j in rk[8j .. 8j + 8), keys 1..rounds
 * with 0x63 in every byte XORed in (see the S-box comment), key j with its
 * bytes moved by SR^-(j mod 4) (see "Fixslicing").
 * Words are little-endian: byte 0 of a FIPS-197 word is bits 0..7, so
 * RotWord is a right rotation by 8 and Rcon[j] goes into the low byte.
 * Only nk and the (public) word index steer control flow.
 */
/*@ requires nk == 4 || nk == 8;
    requires \valid_read(key + (0 .. 4 * nk - 1));
    requires \valid(rk + (0 .. 8 * (nk + 7) - 1));
    assigns rk[0 .. 8 * (nk + 7) - 1] \from key[0 .. 4 * nk - 1];
*/
static void expand_key(uint64_t *rk, const uint8_t *key, unsigned nk)
{
    uint32_t w[60];
    uint64_t x[8];
    uint32_t rcon = 1;
    unsigned rounds = nk + 6u, i, b, m;

    /*@ loop invariant 0 <= i <= nk;
        loop assigns i, w[0 .. nk - 1];
        loop variant nk - i;
    */
    for (i = 0; i < nk; i++)
        w[i] = (uint32_t)key[4u * i] | ((uint32_t)key[4u * i + 1u] << 8) |
               ((uint32_t)key[4u * i + 2u] << 16) | ((uint32_t)key[4u * i + 3u] << 24);
    /*@ loop invariant nk <= i <= 4 * (rounds + 1);
        loop assigns i, rcon, w[nk .. 4 * (rounds + 1) - 1];
        loop variant 4 * (rounds + 1) - i;
    */
    for (i = nk; i < 4u * (rounds + 1u); i++) {
        uint32_t t = w[i - 1u];
        if (i % nk == 0) {
            t = sub_word((t >> 8) | ((t & 0xFFu) << 24)) ^ rcon; /* SubWord(RotWord(t)) ^ Rcon */
            rcon = ((rcon & 0x7Fu) << 1) ^ (0x1Bu * (rcon >> 7)); /* xtime; rcon is public */
        } else if (nk > 6u && i % nk == 4u) {
            t = sub_word(t);
        }
        w[i] = w[i - nk] ^ t;
    }
    /*@ loop invariant 0 <= i <= rounds + 1;
        loop assigns i, b, m, x[0 .. 7], rk[0 .. 8 * (nk + 7) - 1];
        loop variant rounds + 1 - i;
    */
    for (i = 0; i <= rounds; i++) {
        uint32_t c = i == 0 ? 0u : 0x63636363u;
        uint64_t lo = (uint64_t)(w[4u * i] ^ c) | ((uint64_t)(w[4u * i + 1u] ^ c) << 32);
        uint64_t hi = (uint64_t)(w[4u * i + 2u] ^ c) | ((uint64_t)(w[4u * i + 3u] ^ c) << 32);
        /*@ loop invariant 0 <= b <= 4;
            loop assigns b, x[0 .. 7];
            loop variant 4 - b;
        */
        for (b = 0; b < 4; b++) {
            x[2u * b] = lo;
            x[2u * b + 1u] = hi;
        }
        bitslice_in(rk + 8u * i, x);
        /* stored as SR^-(i mod 4)(K_i), see "Fixslicing" */
        /*@ loop invariant 0 <= m <= i % 4;
            loop assigns m, b, rk[8 * i .. 8 * i + 7];
            loop variant i % 4 - m;
        */
        for (m = 0; m < i % 4u; m++)
            /*@ loop invariant 0 <= b <= 8;
                loop assigns b, rk[8 * i .. 8 * i + 7];
                loop variant 8 - b;
            */
            for (b = 0; b < 8; b++)
                rk[8u * i + b] = inv_shift_rows_word(rk[8u * i + b]);
    }
    CT64_WIPE32(w, 60);
    CT64_WIPE64(x, 8);
}

/* ---- XTS ------------------------------------------------------------------------ */

/*
 * T <- T * alpha in GF(2^128) (IEEE 1619 §5.2), T = lo + 2^64 hi little-endian:
 * a one-bit left shift with x^128 = x^7 + x^2 + x + 1 (0x87) folded back.
 * Branch-free: the carry c (0 or 1) is spread to 0x87 by shifts.
 */
/*@ requires \valid(lo) && \valid(hi) && \separated(lo, hi);
    assigns *lo \from *lo, *hi;
    assigns *hi \from *lo, *hi;
*/
static void mul_alpha(uint64_t *lo, uint64_t *hi)
{
    uint64_t c = *hi >> 63;
    *hi = ((*hi & 0x7FFFFFFFFFFFFFFFu) << 1) | (*lo >> 63);
    *lo = ((*lo & 0x7FFFFFFFFFFFFFFFu) << 1) ^ (c | (c << 1) | (c << 2) | (c << 7));
}

/* Everything key- or tweak-dependent a call keeps on the stack; wiped at the end. */
typedef struct {
    uint64_t q[8];   /* bitsliced state */
    uint64_t w[8];   /* the four blocks as words */
    uint64_t tlo[5]; /* per-lane tweaks (and, in sequence mode, the next one) */
    uint64_t thi[5];
} ct64_work;

#ifdef __FRAMAC__
/*@ requires \valid(p);
    assigns *p \from \nothing;
*/
void ct64_wipe_work(ct64_work *p);
#define CT64_WIPE_WORK(p) ct64_wipe_work(p)
#else
#define CT64_WIPE_WORK(p) vxts_memzero((p), sizeof(ct64_work))
#endif

/* Nr of the context (public); anything but 14 counts as 10, so that no value
 * of k->rounds can make a cipher run past the stored round keys. */
/*@ requires \valid_read(k);
    assigns \nothing;
    ensures \result == 10 || \result == 14;
*/
static unsigned ct64_rounds(const vxts_key *k)
{
    return k->rounds == 14u ? 14u : 10u;
}

/*
 * One pass of the XEX step of IEEE 1619 §5.3.1 steps 2-4 / §5.4.1 (PP = P ^ T,
 * CC = E_K1(PP) or D_K1(PP), C = CC ^ T) for m <= 4 lanes at once.
 * Lane j reads in[j*stride .. +16) and writes out[j*stride .. +16), with the
 * tweak (ws->tlo[j], ws->thi[j]); lanes j >= m are zeros, never loaded or
 * stored. All m inputs are read before any output is written (out == in).
 */
/*@ requires 1 <= m <= 4 && 16 <= stride && (m - 1) * stride + 16 <= SIZE_MAX;
    requires \valid_read(k) && \valid(ws);
    requires \valid_read(in + (0 .. (m - 1) * stride + 15)) && \valid(out + (0 .. (m - 1) * stride + 15));
    assigns ws->q[0 .. 7], ws->w[0 .. 7], out[0 .. (m - 1) * stride + 15];
*/
static void xex_pass(const vxts_key *k, ct64_work *ws, uint8_t *out, const uint8_t *in, size_t stride,
                     size_t m, int decrypt)
{
    const uint64_t *rk = k->schedule.words + CT64_K1;
    unsigned rounds = ct64_rounds(k);
    size_t j;

    /*@ loop invariant 0 <= j <= 4;
        loop assigns j, ws->w[0 .. 7];
        loop variant 4 - j;
    */
    for (j = 0; j < 4; j++) {
        if (j < m) {
            ws->w[2 * j] = load64le(in + j * stride) ^ ws->tlo[j];
            ws->w[2 * j + 1] = load64le(in + j * stride + 8) ^ ws->thi[j];
        } else {
            ws->w[2 * j] = 0;
            ws->w[2 * j + 1] = 0;
        }
    }
    bitslice_in(ws->q, ws->w);
    if (decrypt)
        aes_decrypt_bs(ws->q, rk, rounds);
    else
        aes_encrypt_bs(ws->q, rk, rounds);
    bitslice_out(ws->w, ws->q);
    /*@ loop invariant 0 <= j <= m;
        loop assigns j, out[0 .. (m - 1) * stride + 15];
        loop variant m - j;
    */
    for (j = 0; j < m; j++) {
        store64le(out + j * stride, ws->w[2 * j] ^ ws->tlo[j]);
        store64le(out + j * stride + 8, ws->w[2 * j + 1] ^ ws->thi[j]);
    }
}

/*
 * m <= 4 consecutive blocks of one data unit: lane j gets T * alpha^j
 * (IEEE 1619 §5.3.2 / §5.4.2: the tweaks of the next m blocks), then
 * T <- T * alpha^m.
 */
/*@ requires 1 <= m <= 4;
    requires \valid_read(k) && \valid(ws);
    requires \valid_read(in + (0 .. 16 * m - 1)) && \valid(out + (0 .. 16 * m - 1));
    assigns *ws, out[0 .. 16 * m - 1];
*/
static void xts_run(const vxts_key *k, ct64_work *ws, uint8_t *out, const uint8_t *in, size_t m,
                    int decrypt)
{
    unsigned j;

    /*@ loop invariant 0 <= j <= 4;
        loop assigns j, ws->tlo[1 .. 4], ws->thi[1 .. 4];
        loop variant 4 - j;
    */
    for (j = 0; j < 4; j++) {
        ws->tlo[j + 1] = ws->tlo[j];
        ws->thi[j + 1] = ws->thi[j];
        mul_alpha(&ws->tlo[j + 1], &ws->thi[j + 1]);
    }
    xex_pass(k, ws, out, in, 16, m, decrypt);
    ws->tlo[0] = ws->tlo[m];
    ws->thi[0] = ws->thi[m];
}

/*
 * The kernel contract (backend.h): for j < n, out_j = E_K1(in_j ^ T a^j) ^ T a^j
 * (or D_K1), then tweak <- T a^n. Reads in[0, 16n), writes out[0, 16n);
 * out == in allowed; n == 0 leaves everything as it is.
 */
/*@ requires nblocks <= 1048576;
    requires kernel_buffers(k, out, in, 16 * nblocks);
    requires kernel_tweak(k, out, in, 16 * nblocks, tweak);
    assigns out[0 .. 16 * nblocks - 1] \from in[0 .. 16 * nblocks - 1], tweak[0 .. 15], *k;
    assigns tweak[0 .. 15] \from tweak[0 .. 15];
*/
static void xts_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                       uint8_t tweak[16], int decrypt)
{
    ct64_work ws;
    size_t full = nblocks / 4, rest = nblocks % 4, p;

    ws.tlo[0] = load64le(tweak);
    ws.thi[0] = load64le(tweak + 8);
    /*@ loop invariant 0 <= p <= full;
        loop assigns p, ws, out[0 .. 16 * nblocks - 1];
        loop variant full - p;
    */
    for (p = 0; p < full; p++)
        xts_run(k, &ws, out + 64 * p, in + 64 * p, 4, decrypt);
    if (rest != 0)
        xts_run(k, &ws, out + 64 * full, in + 64 * full, rest, decrypt);
    store64le(tweak, ws.tlo[0]);
    store64le(tweak + 8, ws.thi[0]);
    CT64_WIPE_WORK(&ws);
}

/*
 * m <= 4 data units of sector_blocks blocks each in lock step, unit j at
 * in/out + j * unit_bytes with the tweak E_K2(le128(first + j)) (IEEE 1619
 * §5.3.1 step 1): one pass encrypts the m tweaks, then pass i takes block i
 * of every unit (§5.3.2). Lanes j >= m are padding, never loaded or stored.
 */
/*@ requires 1 <= m <= 4 && 1 <= sector_blocks <= 1048576 && unit_bytes == 16 * sector_blocks;
    requires m * unit_bytes <= SIZE_MAX && first + (m - 1) <= UINT64_MAX;
    requires \valid_read(k) && \valid(ws);
    requires \valid_read(in + (0 .. m * unit_bytes - 1)) && \valid(out + (0 .. m * unit_bytes - 1));
    assigns *ws, out[0 .. m * unit_bytes - 1];
*/
static void sector_group(const vxts_key *k, ct64_work *ws, uint8_t *out, const uint8_t *in,
                         size_t unit_bytes, size_t sector_blocks, uint64_t first, size_t m,
                         int decrypt)
{
    size_t i, j;

    /*@ loop invariant 0 <= j <= 4;
        loop assigns j, ws->w[0 .. 7];
        loop variant 4 - j;
    */
    for (j = 0; j < 4; j++) {
        ws->w[2 * j] = j < m ? first + (uint64_t)j : 0u;
        ws->w[2 * j + 1] = 0;
    }
    bitslice_in(ws->q, ws->w);
    aes_encrypt_bs(ws->q, k->schedule.words + CT64_K2, ct64_rounds(k));
    bitslice_out(ws->w, ws->q);
    /*@ loop invariant 0 <= j <= 4;
        loop assigns j, ws->tlo[0 .. 3], ws->thi[0 .. 3];
        loop variant 4 - j;
    */
    for (j = 0; j < 4; j++) {
        ws->tlo[j] = ws->w[2 * j];
        ws->thi[j] = ws->w[2 * j + 1];
    }
    /*@ loop invariant 0 <= i <= sector_blocks;
        loop assigns i, j, *ws, out[0 .. m * unit_bytes - 1];
        loop variant sector_blocks - i;
    */
    for (i = 0; i < sector_blocks; i++) {
        xex_pass(k, ws, out + 16 * i, in + 16 * i, unit_bytes, m, decrypt);
        /*@ loop invariant 0 <= j <= 4;
            loop assigns j, ws->tlo[0 .. 3], ws->thi[0 .. 3];
            loop variant 4 - j;
        */
        for (j = 0; j < 4; j++)
            mul_alpha(&ws->tlo[j], &ws->thi[j]);
    }
}

/*
 * The sector kernel (backend.h): n data units of sector_blocks whole blocks,
 * unit s with tweak E_K2(le128(first + s)), four units at a time.
 * Preconditions: n >= 1, 1 <= sector_blocks <= 2^20, first + n - 1 <= 2^64 - 1.
 * Reads/writes exactly n * sector_blocks * 16 bytes; out == in allowed.
 */
/*@ requires 1 <= nsectors && 1 <= sector_blocks <= 1048576;
    requires first_sector + nsectors - 1 <= UINT64_MAX;
    requires 16 * sector_blocks * nsectors <= SIZE_MAX;
    requires kernel_buffers(k, out, in, 16 * sector_blocks * nsectors);
    assigns out[0 .. 16 * sector_blocks * nsectors - 1]
      \from in[0 .. 16 * sector_blocks * nsectors - 1], *k;
*/
static void xts_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                        size_t sector_blocks, uint64_t first_sector, int decrypt)
{
    ct64_work ws;
    const size_t unit = sector_blocks * 16;
    size_t full = nsectors / 4, rest = nsectors % 4, p;

    /*@ loop invariant 0 <= p <= full;
        loop assigns p, ws, out[0 .. 16 * sector_blocks * nsectors - 1];
        loop variant full - p;
    */
    for (p = 0; p < full; p++) {
        /*@ assert 4 * p + 4 <= nsectors; */
        /*@ assert unit * nsectors - (4 * unit * p + 4 * unit) == unit * (nsectors - (4 * p + 4)); */
        /*@ assert 4 * unit * p + 4 * unit <= unit * nsectors; */
        sector_group(k, &ws, out + 4 * unit * p, in + 4 * unit * p, unit, sector_blocks,
                     first_sector + 4u * (uint64_t)p, 4, decrypt);
    }
    /*@ assert 4 * full + rest == nsectors; */
    /*@ assert unit * nsectors == unit * (4 * full) + unit * rest; */
    /*@ assert 4 * unit * full + unit * rest == unit * nsectors; */
    if (rest != 0)
        sector_group(k, &ws, out + 4 * unit * full, in + 4 * unit * full, unit, sector_blocks,
                     first_sector + 4u * (uint64_t)full, rest, decrypt);
    CT64_WIPE_WORK(&ws);
}

/* ---- the backend ---------------------------------------------------------------- */

/*@ assigns \nothing;
    ensures \result == 1;
*/
static int ct64_supported(void)
{
    return 1;
}

/* setup (backend.h): Key1 and Key2 expanded and bitsliced (FIPS-197 §5.2). */
/*@ requires \valid(k);
    requires k->half_key_bytes == 16 || k->half_key_bytes == 32;
    requires \valid_read(key1 + (0 .. k->half_key_bytes - 1)) && \valid_read(key2 + (0 .. k->half_key_bytes - 1));
    requires \separated(k, key1 + (0 .. k->half_key_bytes - 1), key2 + (0 .. k->half_key_bytes - 1));
    assigns k->schedule \from key1[0 .. k->half_key_bytes - 1], key2[0 .. k->half_key_bytes - 1], k->half_key_bytes;
*/
static void ct64_setup(vxts_key *k, const uint8_t *key1, const uint8_t *key2)
{
    unsigned nk = k->half_key_bytes == 32u ? 8u : 4u;
    expand_key(k->schedule.words + CT64_K1, key1, nk);
    expand_key(k->schedule.words + CT64_K2, key2, nk);
}

/* encrypt_tweak (IEEE 1619 §5.3.1 step 1): tweak <- E_K2(tweak), one lane used. */
/*@ requires \valid_read(k) && \valid(tweak + (0 .. 15)) && \separated(tweak + (0 .. 15), k);
    assigns tweak[0 .. 15] \from tweak[0 .. 15], *k;
*/
static void ct64_encrypt_tweak(const vxts_key *k, uint8_t tweak[16])
{
    ct64_work ws;
    unsigned j;

    ws.w[0] = load64le(tweak);
    ws.w[1] = load64le(tweak + 8);
    /*@ loop invariant 2 <= j <= 8;
        loop assigns j, ws.w[2 .. 7];
        loop variant 8 - j;
    */
    for (j = 2; j < 8; j++)
        ws.w[j] = 0;
    bitslice_in(ws.q, ws.w);
    aes_encrypt_bs(ws.q, k->schedule.words + CT64_K2, ct64_rounds(k));
    bitslice_out(ws.w, ws.q);
    store64le(tweak, ws.w[0]);
    store64le(tweak + 8, ws.w[1]);
    CT64_WIPE_WORK(&ws);
}

/*@ requires nblocks <= 1048576;
    requires kernel_buffers(k, out, in, 16 * nblocks);
    requires kernel_tweak(k, out, in, 16 * nblocks, tweak);
    assigns out[0 .. 16 * nblocks - 1] \from in[0 .. 16 * nblocks - 1], tweak[0 .. 15], *k;
    assigns tweak[0 .. 15] \from tweak[0 .. 15];
*/
static void ct64_encrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                uint8_t tweak[16])
{
    xts_blocks(k, out, in, nblocks, tweak, 0);
}

/*@ requires nblocks <= 1048576;
    requires kernel_buffers(k, out, in, 16 * nblocks);
    requires kernel_tweak(k, out, in, 16 * nblocks, tweak);
    assigns out[0 .. 16 * nblocks - 1] \from in[0 .. 16 * nblocks - 1], tweak[0 .. 15], *k;
    assigns tweak[0 .. 15] \from tweak[0 .. 15];
*/
static void ct64_decrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                uint8_t tweak[16])
{
    xts_blocks(k, out, in, nblocks, tweak, 1);
}

/*@ requires 1 <= nsectors && 1 <= sector_blocks <= 1048576;
    requires first_sector + nsectors - 1 <= UINT64_MAX;
    requires 16 * sector_blocks * nsectors <= SIZE_MAX;
    requires kernel_buffers(k, out, in, 16 * sector_blocks * nsectors);
    assigns out[0 .. 16 * sector_blocks * nsectors - 1]
      \from in[0 .. 16 * sector_blocks * nsectors - 1], *k;
*/
static void ct64_encrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                 size_t sector_blocks, uint64_t first_sector)
{
    xts_sectors(k, out, in, nsectors, sector_blocks, first_sector, 0);
}

/*@ requires 1 <= nsectors && 1 <= sector_blocks <= 1048576;
    requires first_sector + nsectors - 1 <= UINT64_MAX;
    requires 16 * sector_blocks * nsectors <= SIZE_MAX;
    requires kernel_buffers(k, out, in, 16 * sector_blocks * nsectors);
    assigns out[0 .. 16 * sector_blocks * nsectors - 1]
      \from in[0 .. 16 * sector_blocks * nsectors - 1], *k;
*/
static void ct64_decrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                 size_t sector_blocks, uint64_t first_sector)
{
    xts_sectors(k, out, in, nsectors, sector_blocks, first_sector, 1);
}

/*
 * scrub (backend.h), run by the mode layer last in each public call: zeroes
 * the dead frames below the caller (spilled tweaks, the mode layer's
 * temporaries: tests/test_scrub.c finds none deeper than about 700 bytes on
 * x86-64, so 1536 leaves room), then every vector register. Frama-C sees
 * only the contract; the wipe and the asm are trusted.
 */
/*@ assigns \nothing; */
static void ct64_scrub(void)
{
#ifndef __FRAMAC__
    uint8_t dead_frames[1536];
    vxts_memzero(dead_frames, sizeof dead_frames);
    vxts_cpu_scrub_vectors();
#endif
}

const vxts_backend vxts_backend_ct64 = {
    "ct64",
    ct64_supported,
    ct64_setup,
    ct64_encrypt_tweak,
    ct64_encrypt_blocks,
    ct64_decrypt_blocks,
    ct64_encrypt_sectors,
    ct64_decrypt_sectors,
    ct64_scrub,
};
