/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Backend "armce": AES-XTS with the Armv8 Cryptographic Extension
 * (AESE/AESMC for encryption, AESD/AESIMC for decryption), written with
 * arm_neon.h intrinsics. Only this file is compiled with
 * -march=armv8-a+crypto; whether the CPU can run it is decided at run time.
 *
 * Shape of the whole-block kernel (the mode layer does ciphertext stealing):
 *   - all round keys of Key1 are loaded into vector registers once per call;
 *   - a main loop of 5 blocks per iteration (ARMCE_UNROLL, which only the
 *     llvm-mca experiment of `make mca` changes), counted by the number of
 *     5-block chunks left; the tweaks of the next chunk (T * alpha, in
 *     general-purpose registers) are computed between the AES rounds;
 *   - then one straight-line body for each of 1, 2, 3 and 4 leftover blocks.
 *     Every load and store is of a block inside [in, in + 16n) or
 *     [out, out + 16n): nothing is read ahead (cf. CVE-2023-1255, where
 *     lengths of 4 mod 5 blocks read past the input).
 * Each AESE is immediately followed by its AESMC (AESD by its AESIMC) on the
 * same register, so cores that fuse the pair can do so.
 *
 * The sector kernel runs 5 sectors in lock step: their 5 tweaks are
 * encrypted together, then block j of each of the 5 sectors forms one
 * 5-block group, for j = 0 .. sector_blocks - 1.
 *
 * Where the CPU has FEAT_DIT, PSTATE.DIT is set for the duration of every
 * call that touches key material and restored afterwards.
 *
 * Only lengths (block and sector counts) steer control flow or addresses.
 */
#include "backend.h"

#if defined(__aarch64__) && !defined(__AARCH64EB__)

#include <arm_neon.h>

#include "cpu_arm.h"

#define ALWAYS_INLINE static inline __attribute__((always_inline))
#define NOINLINE static __attribute__((noinline))

/* ---- schedule layout inside vxts_key.schedule ------------------------------- */

/* Round keys of 16 bytes; 15 slots each, whatever the key size. */
#define ENC1_OFF 0u   /* Key1, encryption (FIPS-197 §5.2) */
#define DEC1_OFF 240u /* Key1, equivalent inverse cipher (FIPS-197 §5.3.5) */
#define ENC2_OFF 480u /* Key2, encryption (tweaks) */

typedef char armce_schedule_fits[(ENC2_OFF + 240u <= VXTS_SCHEDULE_BYTES) ? 1 : -1];

static int armce_supported(void)
{
    return vxts_cpu_arm_aes();
}

/* ---- PSTATE.DIT (FEAT_DIT): the register S3_3_C4_C2_5, bit 24 ------------------- */

#define DIT_BIT ((uint64_t)1 << 24)

/*
 * Sets PSTATE.DIT if the CPU has it; returns 1 then, with the old value in *saved.
 * (The asm contracts are trusted: MRS writes *saved, MSR only PSTATE; no memory.)
 */
/*@ requires \valid(saved);
    assigns *saved;
    ensures \result == 0 || \result == 1; */
ALWAYS_INLINE int dit_enter(uint64_t *saved)
{
    *saved = 0;
    if (!vxts_cpu_arm_dit())
        return 0;
    /*@ assigns *saved; */
    __asm__ volatile("mrs %0, s3_3_c4_c2_5" : "=r"(*saved) : : "memory");
    /*@ assigns \nothing; */
    __asm__ volatile("msr s3_3_c4_c2_5, %0" : : "r"(*saved | DIT_BIT) : "memory");
    return 1;
}

/*@ assigns \nothing; */
ALWAYS_INLINE void dit_leave(int entered, uint64_t saved)
{
    if (entered) {
        /*@ assigns \nothing; */
        __asm__ volatile("msr s3_3_c4_c2_5, %0" : : "r"(saved) : "memory");
    }
}

/* A test build may define this to observe the state inside a call. */
#ifdef VXTS_ARMCE_TEST_HOOK
void VXTS_ARMCE_TEST_HOOK(void);
#define TEST_HOOK() VXTS_ARMCE_TEST_HOOK()
#else
#define TEST_HOOK() ((void)0)
#endif

/* ---- key expansion (FIPS-197 §5.2), no table lookups ------------------------------ */

/*
 * SubWord(w): AESE with a zero round key on a vector holding w in all four
 * columns. AESE is SubBytes after ShiftRows; with four equal columns
 * ShiftRows leaves the state unchanged, so any lane holds SubWord(w).
 */
static uint32_t sub_word(uint32_t w)
{
    uint8x16_t v = vreinterpretq_u8_u32(vdupq_n_u32(w));
    v = vaeseq_u8(v, vdupq_n_u8(0));
    return vgetq_lane_u32(vreinterpretq_u32_u8(v), 0);
}

/* Words are little-endian: byte 0 of the word is bits 0..7. */
static uint32_t load32_le(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Nk = key_bytes / 4, Nr = Nk + 6; writes Nr + 1 round keys to rk. */
static void expand_encrypt_key(uint8_t *rk, const uint8_t *key, unsigned key_bytes)
{
    uint32_t w[60];
    unsigned nk = key_bytes / 4, total = 4 * (nk + 7), i;
    uint32_t rcon = 1;

    for (i = 0; i < nk; i++)
        w[i] = load32_le(key + 4 * i);
    for (i = nk; i < total; i++) {
        uint32_t temp = w[i - 1];
        if (i % nk == 0) {
            /* SubWord(RotWord(temp)) = RotWord(SubWord(temp)); RotWord is a right rotation by 8 here. */
            temp = sub_word(temp);
            temp = (temp >> 8) | (temp << 24);
            temp ^= rcon;
            rcon = ((rcon << 1) ^ (0x1bu & (0u - (rcon >> 7)))) & 0xffu;
        } else if (nk > 6 && i % nk == 4) {
            temp = sub_word(temp);
        }
        w[i] = w[i - nk] ^ temp;
    }
    for (i = 0; i < total; i++) {
        rk[4 * i + 0] = (uint8_t)w[i];
        rk[4 * i + 1] = (uint8_t)(w[i] >> 8);
        rk[4 * i + 2] = (uint8_t)(w[i] >> 16);
        rk[4 * i + 3] = (uint8_t)(w[i] >> 24);
    }
    vxts_memzero(w, sizeof w);
}

/*
 * The equivalent inverse cipher's schedule for AESD/AESIMC:
 * dk[0] = ek[Nr], dk[i] = InvMixColumns(ek[Nr - i]) for 0 < i < Nr, dk[Nr] = ek[0].
 */
static void make_decrypt_key(uint8_t *dk, const uint8_t *ek, unsigned nr)
{
    unsigned i;
    vst1q_u8(dk, vld1q_u8(ek + 16 * nr));
    for (i = 1; i < nr; i++)
        vst1q_u8(dk + 16 * i, vaesimcq_u8(vld1q_u8(ek + 16 * (nr - i))));
    vst1q_u8(dk + 16 * nr, vld1q_u8(ek));
}

NOINLINE void setup_raw(vxts_key *k, const uint8_t *key1, const uint8_t *key2)
{
    uint8_t *s = k->schedule.bytes;
    expand_encrypt_key(s + ENC1_OFF, key1, k->half_key_bytes);
    make_decrypt_key(s + DEC1_OFF, s + ENC1_OFF, k->rounds);
    expand_encrypt_key(s + ENC2_OFF, key2, k->half_key_bytes);
    TEST_HOOK();
}

static void armce_setup(vxts_key *k, const uint8_t *key1, const uint8_t *key2)
{
    uint64_t saved;
    int dit = dit_enter(&saved);
    setup_raw(k, key1, key2);
    dit_leave(dit, saved);
}

/* ---- the AES rounds, written once for both directions and key sizes ---------------- */

/*
 * NR (10 or 14) and DEC (0 or 1) are compile-time constants in every
 * instantiation. Round keys: k0..k8, then x9..x12 (AES-256 only), then kl
 * (the last AESE/AESD key, index NR-1) and kf (the final XOR, index NR).
 */
#define RND(b, key)                                                                                \
    do {                                                                                           \
        if (DEC)                                                                                   \
            (b) = vaesimcq_u8(vaesdq_u8((b), (key)));                                              \
        else                                                                                       \
            (b) = vaesmcq_u8(vaeseq_u8((b), (key)));                                               \
    } while (0)
#define LASTRND(b, key) ((b) = DEC ? vaesdq_u8((b), (key)) : vaeseq_u8((b), (key)))

/* EACHn(M, a): M(i, a) for the blocks i = 0 .. n-1 (b0.., t0..). */
#define EACH1(M, a) M(0, a)
#define EACH2(M, a) EACH1(M, a) M(1, a)
#define EACH3(M, a) EACH2(M, a) M(2, a)
#define EACH4(M, a) EACH3(M, a) M(3, a)
#define EACH5(M, a) EACH4(M, a) M(4, a)
#define EACH6(M, a) EACH5(M, a) M(5, a)
#define EACH7(M, a) EACH6(M, a) M(6, a)
#define EACH8(M, a) EACH7(M, a) M(7, a)

/*
 * Blocks per iteration of the whole-block main loop. 5 ships (as in the seed);
 * tools/mca.sh builds 3, 4, 6 and 8 only to compare them under llvm-mca.
 */
#ifndef ARMCE_UNROLL
#define ARMCE_UNROLL 5
#endif
#if ARMCE_UNROLL < 3 || ARMCE_UNROLL > 8
#error "ARMCE_UNROLL must be 3 .. 8"
#endif
#define EACHN_(n) EACH##n
#define EACHN(n) EACHN_(n)
#define EACHU EACHN(ARMCE_UNROLL)

#define DO_RND(i, key) RND(b##i, key);
#define DO_LAST(i, key) LASTRND(b##i, key);
#define DO_LOADX(i, p) b##i = veorq_u8(vld1q_u8((p) + 16 * (i)), t##i);
#define DO_STOREX(i, p) vst1q_u8((p) + 16 * (i), veorq_u8(b##i, veorq_u8(t##i, kf)));

/* Rounds split in two, so that other work can be placed between them. */
#define ROUNDS_HEAD(EACH) EACH(DO_RND, k0) EACH(DO_RND, k1)
#define ROUNDS_TAIL(EACH)                                                                          \
    EACH(DO_RND, k2) EACH(DO_RND, k3) EACH(DO_RND, k4) EACH(DO_RND, k5) EACH(DO_RND, k6)           \
    EACH(DO_RND, k7) EACH(DO_RND, k8)                                                              \
    if (NR == 14) {                                                                                \
        EACH(DO_RND, x9) EACH(DO_RND, x10) EACH(DO_RND, x11) EACH(DO_RND, x12)                     \
    }                                                                                              \
    EACH(DO_LAST, kl)

/* Load the round keys at sched (NR + 1 keys) into registers. */
#define LOAD_KEYS(sched)                                                                           \
    const uint8_t *ks_ = (sched);                                                                  \
    const uint8x16_t k0 = vld1q_u8(ks_ + 0), k1 = vld1q_u8(ks_ + 16), k2 = vld1q_u8(ks_ + 32);    \
    const uint8x16_t k3 = vld1q_u8(ks_ + 48), k4 = vld1q_u8(ks_ + 64), k5 = vld1q_u8(ks_ + 80);   \
    const uint8x16_t k6 = vld1q_u8(ks_ + 96), k7 = vld1q_u8(ks_ + 112), k8 = vld1q_u8(ks_ + 128); \
    const uint8x16_t x9 = NR == 14 ? vld1q_u8(ks_ + 144) : vdupq_n_u8(0);                         \
    const uint8x16_t x10 = NR == 14 ? vld1q_u8(ks_ + 160) : vdupq_n_u8(0);                        \
    const uint8x16_t x11 = NR == 14 ? vld1q_u8(ks_ + 176) : vdupq_n_u8(0);                        \
    const uint8x16_t x12 = NR == 14 ? vld1q_u8(ks_ + 192) : vdupq_n_u8(0);                        \
    const uint8x16_t kl = vld1q_u8(ks_ + 16 * (NR - 1));                                           \
    const uint8x16_t kf = vld1q_u8(ks_ + 16 * NR)

/* ---- tweak arithmetic in general-purpose registers ------------------------------- */

/* (hi:lo) <- (hi:lo) * x mod x^128 + x^7 + x^2 + x + 1 (IEEE 1619 §5.2), branch-free. */
#define MUL_ALPHA(lo, hi)                                                                          \
    do {                                                                                           \
        uint64_t red_ = (0u - ((hi) >> 63)) & 0x87u;                                               \
        (hi) = ((hi) << 1) | ((lo) >> 63);                                                         \
        (lo) = ((lo) << 1) ^ red_;                                                                 \
    } while (0)

/*
 * The vector (hi:lo): FMOV to the low half, INS to the high half. Written as
 * two instructions because GCC 12 builds vcombine_u64(vcreate_u64(lo),
 * vcreate_u64(hi)) in a scratch register and then copies it (one more
 * instruction per tweak in the main loop).
 */
/*@ assigns \nothing; */
ALWAYS_INLINE uint8x16_t vec_of(uint64_t lo, uint64_t hi)
{
    uint8x16_t v;
    /*@ assigns v; */ /* trusted: writes only its output register */
    __asm__("fmov %d0, %1\n\tmov %0.d[1], %2" : "=w"(v) : "r"(lo), "r"(hi));
    return v;
}

/* ---- whole blocks of one data unit --------------------------------------------------- */

#define DO_NEXT_TWEAK(i, unused)                                                                   \
    MUL_ALPHA(lo, hi);                                                                             \
    n##i = vec_of(lo, hi);
#define DO_FIRST_TWEAK(i, unused)                                                                  \
    if ((i) != 0)                                                                                  \
        MUL_ALPHA(lo, hi);                                                                         \
    t##i = vec_of(lo, hi);
#define DO_DECLARE(i, unused) uint8x16_t b##i, t##i, n##i;
#define DO_ADVANCE(i, unused) t##i = n##i;

/* m (< ARMCE_UNROLL) leftover blocks, straight line; the next tweak is t_m. */
#define LEFTOVER(m)                                                                                \
    case m:                                                                                        \
        EACHN(m)(DO_LOADX, in)                                                                     \
        ROUNDS_HEAD(EACHN(m))                                                                      \
        ROUNDS_TAIL(EACHN(m))                                                                      \
        EACHN(m)(DO_STOREX, out)                                                                   \
        vst1q_u8(tweak, t##m);                                                                     \
        break;

/*
 * out_j = E(in_j ^ T_j) ^ T_j (or D), T_j = T * alpha^j, j < n; T <- T * alpha^n.
 * Reads exactly in[0, 16n), writes exactly out[0, 16n); out == in is allowed.
 * (The ACSL below is for proofs/c/arm_mem_armce.c, with ARMCE_UNROLL 5.)
 */
/*@ requires n <= 1048576 && (NR == 10 || NR == 14) && (DEC == 0 || DEC == 1);
    requires \valid_read(k);
    requires \valid_read(in + (0 .. 16 * n - 1)) && \valid(out + (0 .. 16 * n - 1));
    requires \valid(tweak + (0 .. 15));
    assigns out[0 .. 16 * n - 1], tweak[0 .. 15]; */
ALWAYS_INLINE void xts_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n,
                              uint8_t tweak[16], const unsigned NR, const int DEC)
{
    LOAD_KEYS(k->schedule.bytes + (DEC ? DEC1_OFF : ENC1_OFF));
    uint64x2_t tv = vreinterpretq_u64_u8(vld1q_u8(tweak));
    uint64_t lo = vgetq_lane_u64(tv, 0), hi = vgetq_lane_u64(tv, 1);
    EACHU(DO_DECLARE, 0)
    size_t chunks = n / ARMCE_UNROLL; /* the main loop's counter: chunks of 5 blocks left */
    size_t rem = n % ARMCE_UNROLL;

    if (n == 0)
        return;
    /* T_0 .. T_4 of the first chunk; (hi:lo) holds T_4. */
    EACHU(DO_FIRST_TWEAK, 0)

    /*@ loop invariant chunks <= n / ARMCE_UNROLL;
        loop invariant in == \at(in, Pre) + 16 * ARMCE_UNROLL * (n / ARMCE_UNROLL - chunks);
        loop invariant out == \at(out, Pre) + 16 * ARMCE_UNROLL * (n / ARMCE_UNROLL - chunks);
        loop assigns chunks, in, out, lo, hi, b0, b1, b2, b3, b4, t0, t1, t2, t3, t4, n0, n1, n2, n3, n4,
                     \at(out, Pre)[0 .. 16 * n - 1];
        loop variant chunks; */
    for (; chunks != 0; chunks--) {
        EACHU(DO_LOADX, in)
        ROUNDS_HEAD(EACHU)
        /* The next chunk's tweaks, T_5 .. T_9, while the rounds run. */
        EACHU(DO_NEXT_TWEAK, 0)
        ROUNDS_TAIL(EACHU)
        EACHU(DO_STOREX, out)
        EACHU(DO_ADVANCE, 0)
        in += 16 * ARMCE_UNROLL;
        out += 16 * ARMCE_UNROLL;
    }

    /* 0 .. 4 blocks left: t0 .. t4 are their tweaks; the next tweak is t_rem. */
    switch (rem) {
        LEFTOVER(1)
        LEFTOVER(2)
#if ARMCE_UNROLL > 3
        LEFTOVER(3)
#endif
#if ARMCE_UNROLL > 4
        LEFTOVER(4)
#endif
#if ARMCE_UNROLL > 5
        LEFTOVER(5)
#endif
#if ARMCE_UNROLL > 6
        LEFTOVER(6)
#endif
#if ARMCE_UNROLL > 7
        LEFTOVER(7)
#endif
    default:
        vst1q_u8(tweak, t0);
        break;
    }
}

/*@ BLOCKS_HELPER_CONTRACT */
NOINLINE void enc_blocks_128(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t t[16])
{
    xts_blocks(k, out, in, n, t, 10, 0);
}
/*@ BLOCKS_HELPER_CONTRACT */
NOINLINE void enc_blocks_256(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t t[16])
{
    xts_blocks(k, out, in, n, t, 14, 0);
}
/*@ BLOCKS_HELPER_CONTRACT */
NOINLINE void dec_blocks_128(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t t[16])
{
    xts_blocks(k, out, in, n, t, 10, 1);
}
/*@ BLOCKS_HELPER_CONTRACT */
NOINLINE void dec_blocks_256(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t t[16])
{
    xts_blocks(k, out, in, n, t, 14, 1);
}

static void armce_encrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                 uint8_t tweak[16])
{
    uint64_t saved;
    int dit = dit_enter(&saved);
    TEST_HOOK();
    if (k->rounds == 14)
        enc_blocks_256(k, out, in, nblocks, tweak);
    else
        enc_blocks_128(k, out, in, nblocks, tweak);
    dit_leave(dit, saved);
}

static void armce_decrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nblocks,
                                 uint8_t tweak[16])
{
    uint64_t saved;
    int dit = dit_enter(&saved);
    TEST_HOOK();
    if (k->rounds == 14)
        dec_blocks_256(k, out, in, nblocks, tweak);
    else
        dec_blocks_128(k, out, in, nblocks, tweak);
    dit_leave(dit, saved);
}

/* ---- tweak encryption with Key2 ------------------------------------------------------ */

/*@ requires \valid_read(k) && (k->rounds == 10 || k->rounds == 14);
    requires \valid(tweak + (0 .. 15));
    assigns tweak[0 .. 15]; */
NOINLINE void encrypt_tweak_raw(const vxts_key *k, uint8_t tweak[16])
{
    const uint8_t *ks = k->schedule.bytes + ENC2_OFF;
    uint8x16_t b = vld1q_u8(tweak);
    unsigned r, nr = k->rounds;
    /*@ loop invariant 0 <= r <= nr - 1;
        loop assigns r, b;
        loop variant nr - r; */
    for (r = 0; r + 1 < nr; r++)
        b = vaesmcq_u8(vaeseq_u8(b, vld1q_u8(ks + 16 * r)));
    b = vaeseq_u8(b, vld1q_u8(ks + 16 * (nr - 1)));
    vst1q_u8(tweak, veorq_u8(b, vld1q_u8(ks + 16 * nr)));
}

static void armce_encrypt_tweak(const vxts_key *k, uint8_t tweak[16])
{
    uint64_t saved;
    int dit = dit_enter(&saved);
    TEST_HOOK();
    encrypt_tweak_raw(k, tweak);
    dit_leave(dit, saved);
}

/* ---- sectors: 5 data units in lock step ------------------------------------------------ */

/*
 * The tweaks of sectors s .. s+4: E_K2(le128(s + i)), 5 blocks interleaved.
 * Key2's round keys are loaded round by round (ks is laundered through an
 * empty asm each group so the loads are not hoisted out of the sector loop,
 * where they would take registers from Key1's schedule).
 */
#define DO_T2RND(i, key) t##i = vaesmcq_u8(vaeseq_u8(t##i, key));
#define DO_T2LAST(i, key) t##i = vaeseq_u8(t##i, key);
#define DO_T2FINAL(i, key) t##i = veorq_u8(t##i, key);
#define DO_T2INIT(i, s) t##i = vec_of((s) + (i), 0);
#define DO_T2GPR(i, unused)                                                                        \
    lo##i = vgetq_lane_u64(vreinterpretq_u64_u8(t##i), 0);                                         \
    hi##i = vgetq_lane_u64(vreinterpretq_u64_u8(t##i), 1);

/* Block j of sector i of the group: in + i * unit + 16 j. */
#define DO_SLOADX(i, p) b##i = veorq_u8(vld1q_u8((p) + (i) * unit), t##i);
#define DO_SSTOREX(i, p) vst1q_u8((p) + (i) * unit, veorq_u8(b##i, veorq_u8(t##i, kf)));
#define DO_SNEXT(i, unused)                                                                        \
    MUL_ALPHA(lo##i, hi##i);                                                                       \
    t##i = vec_of(lo##i, hi##i);

/*@ requires 1 <= nsectors && 1 <= sector_blocks <= 1048576;
    requires 16 * sector_blocks * nsectors <= SIZE_MAX;
    requires (NR == 10 || NR == 14) && (DEC == 0 || DEC == 1);
    requires \valid_read(k) && k->rounds == NR;
    requires \valid_read(in + (0 .. 16 * sector_blocks * nsectors - 1));
    requires \valid(out + (0 .. 16 * sector_blocks * nsectors - 1));
    requires \separated(out + (0 .. 16 * sector_blocks * nsectors - 1), k);
    assigns out[0 .. 16 * sector_blocks * nsectors - 1]; */
ALWAYS_INLINE void xts_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                               size_t sector_blocks, uint64_t first, const unsigned NR, const int DEC)
{
    const size_t unit = sector_blocks * 16;
    size_t groups = nsectors / 5, rest = nsectors % 5, j, r;
    LOAD_KEYS(k->schedule.bytes + (DEC ? DEC1_OFF : ENC1_OFF));
    uint8x16_t b0, b1, b2, b3, b4, t0, t1, t2, t3, t4;
    uint64_t lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3, lo4, hi4;
    uint8_t tweak[16];

    /*@ loop invariant groups <= nsectors / 5;
        loop invariant in == \at(in, Pre) + unit * (5 * (nsectors / 5 - groups));
        loop invariant out == \at(out, Pre) + unit * (5 * (nsectors / 5 - groups));
        loop assigns groups, in, out, first, j, r, b0, b1, b2, b3, b4, t0, t1, t2, t3, t4,
                     lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3, lo4, hi4,
                     \at(out, Pre)[0 .. 16 * sector_blocks * nsectors - 1];
        loop variant groups; */
    for (; groups != 0; groups--) {
        const uint8_t *ks2 = k->schedule.bytes + ENC2_OFF;
        const uint8_t *ip = in;
        uint8_t *op = out;
        /*@ assigns \nothing; */ /* an empty template: no instruction */
        __asm__("" : "+r"(ks2));
        EACH5(DO_T2INIT, first)
        /*@ loop invariant 0 <= r <= NR - 1;
            loop assigns r, t0, t1, t2, t3, t4;
            loop variant NR - r; */
        for (r = 0; r + 1 < NR; r++) {
            const uint8x16_t kr = vld1q_u8(ks2 + 16 * r);
            EACH5(DO_T2RND, kr)
        }
        {
            const uint8x16_t kr = vld1q_u8(ks2 + 16 * (NR - 1));
            EACH5(DO_T2LAST, kr)
        }
        {
            const uint8x16_t kr = vld1q_u8(ks2 + 16 * NR);
            EACH5(DO_T2FINAL, kr)
        }
        EACH5(DO_T2GPR, 0)
        /*@ loop invariant 0 <= j <= sector_blocks;
            loop invariant ip == in + 16 * j && op == out + 16 * j;
            loop assigns j, ip, op, b0, b1, b2, b3, b4, t0, t1, t2, t3, t4,
                         lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3, lo4, hi4,
                         \at(out, Pre)[0 .. 16 * sector_blocks * nsectors - 1];
            loop variant sector_blocks - j; */
        for (j = 0; j < sector_blocks; j++) {
            EACH5(DO_SLOADX, ip)
            ROUNDS_HEAD(EACH5)
            ROUNDS_TAIL(EACH5)
            EACH5(DO_SSTOREX, op)
            EACH5(DO_SNEXT, 0)
            ip += 16;
            op += 16;
        }
        in += 5 * unit;
        out += 5 * unit;
        first += 5;
    }
    /* 1 .. 4 sectors left: one data unit at a time (each still 5 blocks per iteration). */
    /*@ loop invariant rest <= nsectors % 5;
        loop invariant in == \at(in, Pre) + unit * (nsectors - rest);
        loop invariant out == \at(out, Pre) + unit * (nsectors - rest);
        loop invariant k->rounds == NR;
        loop assigns rest, in, out, first, tweak[0 .. 15], \at(out, Pre)[0 .. 16 * sector_blocks * nsectors - 1];
        loop variant rest; */
    for (; rest != 0; rest--) {
        vst1q_u8(tweak, vec_of(first, 0));
        encrypt_tweak_raw(k, tweak);
        if (NR == 14) {
            if (DEC)
                dec_blocks_256(k, out, in, sector_blocks, tweak);
            else
                enc_blocks_256(k, out, in, sector_blocks, tweak);
        } else {
            if (DEC)
                dec_blocks_128(k, out, in, sector_blocks, tweak);
            else
                enc_blocks_128(k, out, in, sector_blocks, tweak);
        }
        in += unit;
        out += unit;
        first += 1;
    }
    vxts_memzero(tweak, sizeof tweak);
}

/*@ SECTORS_HELPER_CONTRACT(10) */
NOINLINE void enc_sectors_128(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t ns, size_t sb,
                              uint64_t first)
{
    xts_sectors(k, out, in, ns, sb, first, 10, 0);
}
/*@ SECTORS_HELPER_CONTRACT(14) */
NOINLINE void enc_sectors_256(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t ns, size_t sb,
                              uint64_t first)
{
    xts_sectors(k, out, in, ns, sb, first, 14, 0);
}
/*@ SECTORS_HELPER_CONTRACT(10) */
NOINLINE void dec_sectors_128(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t ns, size_t sb,
                              uint64_t first)
{
    xts_sectors(k, out, in, ns, sb, first, 10, 1);
}
/*@ SECTORS_HELPER_CONTRACT(14) */
NOINLINE void dec_sectors_256(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t ns, size_t sb,
                              uint64_t first)
{
    xts_sectors(k, out, in, ns, sb, first, 14, 1);
}

static void armce_encrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                  size_t sector_blocks, uint64_t first_sector)
{
    uint64_t saved;
    int dit = dit_enter(&saved);
    TEST_HOOK();
    if (k->rounds == 14)
        enc_sectors_256(k, out, in, nsectors, sector_blocks, first_sector);
    else
        enc_sectors_128(k, out, in, nsectors, sector_blocks, first_sector);
    dit_leave(dit, saved);
}

static void armce_decrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                  size_t sector_blocks, uint64_t first_sector)
{
    uint64_t saved;
    int dit = dit_enter(&saved);
    TEST_HOOK();
    if (k->rounds == 14)
        dec_sectors_256(k, out, in, nsectors, sector_blocks, first_sector);
    else
        dec_sectors_128(k, out, in, nsectors, sector_blocks, first_sector);
    dit_leave(dit, saved);
}

/* scrub (backend.h): the dead frames below the caller, then v0-v31 (cpu_arm.c). */
static void armce_scrub(void)
{
    uint8_t dead_frames[1536];
    vxts_memzero(dead_frames, sizeof dead_frames);
    vxts_cpu_scrub_vectors();
}

const vxts_backend vxts_backend_armce = {
    "armce",
    armce_supported,
    armce_setup,
    armce_encrypt_tweak,
    armce_encrypt_blocks,
    armce_decrypt_blocks,
    armce_encrypt_sectors,
    armce_decrypt_sectors,
    armce_scrub,
};

#else /* not little-endian AArch64 */

VXTS_ABSENT_BACKEND(armce);

#endif
