/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * What the x86 backends (aesni, vaes256, vaes512) share: the AES-NI key
 * expansion and schedule layout, doubling in GF(2^128), single-block AES
 * rounds, the tweak encryption, the 1..3-block xmm path, and the entry
 * points that fix the round count.
 *
 * Everything here is static inline and needs only SSE2 and AES-NI: each
 * backend file compiles it with its own ISA flags (VEX/EVEX encodings in the
 * VAES backends), so no code runs with wider instructions than the CPU its
 * backend was chosen for. Include it only from backend files compiled for
 * x86-64.
 *
 * Key schedule layout in k->schedule.bytes. A backend stores each 16-byte
 * round key `copies` times in a row (aesni 1; vaes256 2, one ymm; vaes512 4,
 * one zmm), so a round key is one plain vector load; the xmm paths read the
 * first copy. ks = 16 * copies bytes from one round key to the next:
 *   X86_ENC1(ks) =         0: Key1 encryption round keys rk[0..Nr]   (FIPS-197 §5.2)
 *   X86_DEC1(ks) = 15 * ks:  Key1 equivalent-inverse-cipher keys dk[0..Nr]:
 *                            dk[0] = rk[Nr], dk[r] = InvMixColumns(rk[Nr-r]),
 *                            dk[Nr] = rk[0]                          (FIPS-197 §5.3.5)
 *   X86_ENC2(ks) = 30 * ks:  Key2 encryption round keys              (FIPS-197 §5.2)
 * Each slot holds 15 keys (AES-128 uses 11). The context is only 8-byte
 * aligned: all loads are unaligned ones.
 */
#ifndef VXTS_AES_X86_H
#define VXTS_AES_X86_H

#include <immintrin.h>

#include "backend.h"
#ifdef __FRAMAC__
#include "aes_x86_spec.h" /* the contracts and loop invariants below refer to it */
#endif

#define X86_MAX_ROUND_KEYS 15
#define X86_ENC1(ks) 0u
#define X86_DEC1(ks) (15u * (ks))
#define X86_ENC2(ks) (30u * (ks))

typedef char x86_schedule_fits[(X86_ENC2(64u) + 64u * X86_MAX_ROUND_KEYS <= VXTS_SCHEDULE_BYTES) ? 1 : -1];

#define ALWAYS_INLINE static inline __attribute__((always_inline))
/* Loops over blocks, vectors and rounds have constant bounds after inlining;
 * full unrolling turns the arrays into registers. */
#if defined(__clang__)
#define UNROLL _Pragma("unroll")
#else
#define UNROLL _Pragma("GCC unroll 16")
#endif

#define LOAD128(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define STORE128(p, v) _mm_storeu_si128((__m128i *)(void *)(p), (v))

/*
 * Wipes a stack buffer of tweak values on the hot path: volatile stores of
 * the zero vector `zero` (its type sets the width), which the compiler must
 * keep, instead of a call into vxts_memzero (an indirect memset call costs
 * tens of cycles per call). n is a multiple of the width; p is aligned to it.
 * The loop annotation reaches Frama-C only with -CC (comments kept in macro
 * expansions: the x86-mem-* proof runs), so it names no macro parameter.
 */
#define X86_WIPE(p, n, zero)                                                \
    do {                                                                    \
        volatile __typeof__((zero)) *wipe_ = (volatile void *)(p);          \
        const size_t wipe_n_ = (n) / sizeof(*wipe_);                        \
        size_t wipe_i_;                                                     \
        /*@ loop invariant 0 <= wipe_i_ <= wipe_n_;                         \
            loop assigns wipe_i_, wipe_[0 .. wipe_n_ - 1];                  \
            loop variant wipe_n_ - wipe_i_; */                              \
        for (wipe_i_ = 0; wipe_i_ < wipe_n_; wipe_i_++)                     \
            wipe_[wipe_i_] = (zero);                                        \
    } while (0)

/* ---- key expansion (FIPS-197 §5.2, §5.3.5) ------------------------------------------ */

/*
 * Next four words: the previous Nk-word group as a prefix XOR
 * (w0, w0^w1, w0^w1^w2, w0^..^w3), XORed with the word AESKEYGENASSIST made
 * (SubWord/RotWord/Rcon in hardware: no tables, constant time).
 */
ALWAYS_INLINE __m128i x86_key_step(__m128i prev, __m128i word)
{
    prev = _mm_xor_si128(prev, _mm_slli_si128(prev, 4));
    prev = _mm_xor_si128(prev, _mm_slli_si128(prev, 8));
    return _mm_xor_si128(prev, word);
}

/* Rcon must be an immediate. Lane 3 of the assist = RotWord(SubWord(w3)) ^ Rcon,
 * lane 2 = SubWord(w3) (the extra AES-256 step, FIPS-197 §5.2 "Nk > 6"). */
#define X86_ROTSUB(x, rcon) _mm_shuffle_epi32(_mm_aeskeygenassist_si128((x), (rcon)), 0xff)
#define X86_SUBONLY(x) _mm_shuffle_epi32(_mm_aeskeygenassist_si128((x), 0), 0xaa)

static inline void x86_expand_key(__m128i rk[X86_MAX_ROUND_KEYS], const uint8_t *key, unsigned rounds)
{
    __m128i a = LOAD128(key), b;
    rk[0] = a;
    if (rounds == 10) {
#define STEP128(i, rcon) (a = x86_key_step(a, X86_ROTSUB(a, rcon)), rk[i] = a)
        STEP128(1, 0x01); STEP128(2, 0x02); STEP128(3, 0x04); STEP128(4, 0x08); STEP128(5, 0x10);
        STEP128(6, 0x20); STEP128(7, 0x40); STEP128(8, 0x80); STEP128(9, 0x1b); STEP128(10, 0x36);
#undef STEP128
    } else {
        b = LOAD128(key + 16);
        rk[1] = b;
#define STEP256(i, rcon) \
    (a = x86_key_step(a, X86_ROTSUB(b, rcon)), rk[i] = a, b = x86_key_step(b, X86_SUBONLY(a)), rk[(i) + 1] = b)
        STEP256(2, 0x01); STEP256(4, 0x02); STEP256(6, 0x04); STEP256(8, 0x08);
        STEP256(10, 0x10); STEP256(12, 0x20);
        rk[14] = x86_key_step(a, X86_ROTSUB(b, 0x40));
#undef STEP256
    }
}

/* Round key r of the slot at s, `copies` times. */
static inline void x86_store_key(uint8_t *s, unsigned copies, unsigned r, __m128i key)
{
    unsigned i;
    for (i = 0; i < copies; i++)
        STORE128(s + 16 * copies * r + 16 * i, key);
}

/* backend.h setup: the three slots of the layout above. */
static inline void x86_setup(vxts_key *k, unsigned copies, const uint8_t *key1, const uint8_t *key2)
{
    uint8_t *s = k->schedule.bytes;
    const unsigned ks = 16 * copies;
    __m128i rk[X86_MAX_ROUND_KEYS];
    unsigned r, nr = k->rounds;

    x86_expand_key(rk, key1, nr);
    for (r = 0; r <= nr; r++)
        x86_store_key(s + X86_ENC1(ks), copies, r, rk[r]);
    /* The equivalent inverse cipher's schedule (FIPS-197 §5.3.5), for AESDEC. */
    x86_store_key(s + X86_DEC1(ks), copies, 0, rk[nr]);
    for (r = 1; r < nr; r++)
        x86_store_key(s + X86_DEC1(ks), copies, r, _mm_aesimc_si128(rk[nr - r]));
    x86_store_key(s + X86_DEC1(ks), copies, nr, rk[0]);
    x86_expand_key(rk, key2, nr);
    for (r = 0; r <= nr; r++)
        x86_store_key(s + X86_ENC2(ks), copies, r, rk[r]);
    vxts_memzero(rk, sizeof rk);
}

/* ---- tweak arithmetic in GF(2^128) (IEEE 1619 §5.2) ------------------------------------
 * A tweak is a 128-bit little-endian lane (lo qword = x^0..x^63); multiplying
 * by x shifts it left by one bit and folds the bit leaving x^127 back with
 * x^128 = x^7 + x^2 + x + 1 (0x87). */

/* t * x: each qword doubled; bit 63 enters the high qword, bit 127 comes
 * back as 0x87. SRAI turns the two top bits into masks, no branch. */
/*@ assigns \nothing; */
ALWAYS_INLINE __m128i x_mul_x(__m128i t)
{
    __m128i m = _mm_srai_epi32(_mm_shuffle_epi32(t, 0x13), 31); /* dword0: bit127, dword2: bit63 */
    m = _mm_and_si128(m, _mm_set_epi32(0, 1, 0, 0x87));
    return _mm_xor_si128(_mm_add_epi64(t, t), m);
}

/* ---- AES rounds on one block ----------------------------------------------------------- */

/*@ assigns \nothing; */
ALWAYS_INLINE __m128i x_round(__m128i s, __m128i rk, int dec)
{
    return dec ? _mm_aesdec_si128(s, rk) : _mm_aesenc_si128(s, rk);
}
/*@ assigns \nothing; */
ALWAYS_INLINE __m128i x_last(__m128i s, __m128i rk, int dec)
{
    return dec ? _mm_aesdeclast_si128(s, rk) : _mm_aesenclast_si128(s, rk);
}

/*
 * encrypt_tweak (backend.h): T <- E_K2(T), IEEE 1619 §5.3.1 step 1 (the
 * tweak key always encrypts, also for decryption, §5.4.1). One block, xmm;
 * no broadcast or register load of the whole schedule for one block.
 */
ALWAYS_INLINE void x_encrypt_tweak(const uint8_t *rk, int nr, unsigned ks, uint8_t tweak[16])
{
    int r;
    __m128i s = _mm_xor_si128(LOAD128(tweak), LOAD128(rk)), key;
    UNROLL
    /*@ loop invariant 1 <= r <= nr;
        loop invariant \forall integer b; 0 <= b < 16 ==> s.b[b] == X86_CHAIN(rk, ks, r, SPEC_M16(tweak, 0), b);
        loop assigns r, s, key;
        loop variant nr - r; */
    for (r = 1; r < nr; r++) {
        key = LOAD128(rk + ks * r);
        /*@ assert key: \forall integer b; 0 <= b < 16 ==> key.b[b] == rk[ks * r + b]; */
        /*@ assert prev: \forall integer b; 0 <= b < 16 ==> X86_CHAIN(rk, ks, r + 1, SPEC_M16(tweak, 0), b) ==
              bx(VXM_AESENC(SPEC_M16(s.b, 0), b), key.b[b]); */
        s = _mm_aesenc_si128(s, key);
    }
    key = LOAD128(rk + ks * nr);
    /*@ assert key: \forall integer b; 0 <= b < 16 ==> key.b[b] == rk[ks * nr + b]; */
    /*@ assert last: \forall integer b; 0 <= b < 16 ==> X86_ENCRYPT(rk, ks, nr, SPEC_M16(tweak, 0), b) ==
          X86_LAST(rk, ks, nr, SPEC_M16(tweak, 0), b) == bx(VXM_AESENCLAST(SPEC_M16(s.b, 0), b), key.b[b]); */
    s = _mm_aesenclast_si128(s, key);
    /*@ assert \forall integer b; 0 <= b < 16 ==> s.b[b] == \at(X86_ENCRYPT(rk, ks, nr, SPEC_M16(tweak, 0), b), Pre); */
    STORE128(tweak, s);
}

ALWAYS_INLINE void x86_encrypt_tweak(const vxts_key *k, unsigned ks, uint8_t tweak[16])
{
    /*@ assert rounds: k->rounds == 10 || k->rounds == 14; */
    /*@ assert link: \forall integer b; 0 <= b < 16 ==>
          X86_ENCRYPT(k->schedule.bytes + X86_ENC2(ks), ks, k->rounds, SPEC_M16(tweak, 0), b) ==
          E(KEY2(k), SPEC_M16(tweak, 0), b); */
    /*@ assert link_nr: \forall integer b; 0 <= b < 16 ==>
          X86_ENCRYPT(k->schedule.bytes + X86_ENC2(ks), ks, k->rounds == 14 ? 14 : 10, SPEC_M16(tweak, 0), b) ==
          E(KEY2(k), SPEC_M16(tweak, 0), b); */
    if (k->rounds == 14)
        x_encrypt_tweak(k->schedule.bytes + X86_ENC2(ks), 14, ks, tweak);
    else
        x_encrypt_tweak(k->schedule.bytes + X86_ENC2(ks), 10, ks, tweak);
}

/*
 * n = 1..3 whole blocks with xmm registers, tweaks t[0..n-1] given
 * (IEEE 1619 §5.3.2/§5.4.2 per block: out_j = E/D_K1(in_j ^ t_j) ^ t_j).
 * rk = Key1's schedule for the direction; round keys are memory operands;
 * the n chains run side by side. Reads in[0,16n), writes out[0,16n) with
 * 128-bit accesses only; out == in allowed (each block is loaded before
 * its store).
 */
/*@ requires 1 <= n <= 3 && 1 <= nr <= 14 && 16 <= ks <= 64;
    requires \valid_read(rk + (0 .. ks * nr + 15)) && \valid_read(t + (0 .. n - 1));
    requires \valid_read(in + (0 .. 16 * n - 1)) && \valid(out + (0 .. 16 * n - 1));
    assigns out[0 .. 16 * n - 1]; */
ALWAYS_INLINE void x_chunk(const uint8_t *rk, int nr, unsigned ks, int dec, int n, uint8_t *out,
                           const uint8_t *in, const __m128i *t)
{
    __m128i s[3], k0 = LOAD128(rk), kr;
    int j, r;
    UNROLL
    /*@ loop invariant 0 <= j <= n;
        loop assigns j, s[0 .. 2];
        loop variant n - j; */
    for (j = 0; j < n; j++)
        s[j] = _mm_xor_si128(_mm_xor_si128(LOAD128(in + 16 * j), t[j]), k0);
    UNROLL
    /*@ loop invariant 1 <= r <= nr;
        loop assigns r, j, kr, s[0 .. 2];
        loop variant nr - r; */
    for (r = 1; r < nr; r++) {
        kr = LOAD128(rk + ks * r);
        UNROLL
        /*@ loop invariant 0 <= j <= n;
            loop assigns j, s[0 .. 2];
            loop variant n - j; */
        for (j = 0; j < n; j++)
            s[j] = x_round(s[j], kr, dec);
    }
    kr = LOAD128(rk + ks * nr);
    UNROLL
    /*@ loop invariant 0 <= j <= n;
        loop assigns j, out[0 .. 16 * n - 1];
        loop variant n - j; */
    for (j = 0; j < n; j++)
        STORE128(out + 16 * j, _mm_xor_si128(x_last(s[j], kr, dec), t[j]));
}

/* encrypt/decrypt_blocks for n = 1..3: tweaks by doubling, then tweak <- T * alpha^n. */
/*@ requires 1 <= n <= 3 && 1 <= nr <= 14 && 16 <= ks <= 64;
    requires \valid_read(rk + (0 .. ks * nr + 15)) && \valid(tweak + (0 .. 15));
    requires \valid_read(in + (0 .. 16 * n - 1)) && \valid(out + (0 .. 16 * n - 1));
    assigns out[0 .. 16 * n - 1], tweak[0 .. 15]; */
ALWAYS_INLINE void x_blocks(const uint8_t *rk, int nr, unsigned ks, int dec, uint8_t *out, const uint8_t *in,
                            int n, uint8_t tweak[16])
{
    __m128i t[4];
    int j;
    t[0] = LOAD128(tweak);
    UNROLL
    /*@ loop invariant 1 <= j <= n + 1;
        loop assigns j, t[1 .. 3];
        loop variant n - j; */
    for (j = 1; j <= n; j++)
        t[j] = x_mul_x(t[j - 1]);
    x_chunk(rk, nr, ks, dec, n, out, in, t);
    STORE128(tweak, t[n]);
}

/*
 * The four data entry points of backend `name` (backend.h), from its
 * always-inline bodies
 *   BLOCKS(k, nr, dec, out, in, nblocks, tweak)
 *   SECTORS(k, nr, dec, out, in, nsectors, sector_blocks, first_sector):
 * each entry point fixes the direction and Nr (14 or 10, the only branch on
 * the key: its length), so every body is compiled for constant counts.
 */
#define X86_DATA_ENTRY_POINTS(name, BLOCKS, SECTORS)                                                       \
    static void name##_encrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n,         \
                                      uint8_t tweak[16])                                                    \
    {                                                                                                       \
        if (k->rounds == 14)                                                                                \
            BLOCKS(k, 14, 0, out, in, n, tweak);                                                            \
        else                                                                                                \
            BLOCKS(k, 10, 0, out, in, n, tweak);                                                            \
    }                                                                                                       \
    static void name##_decrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n,         \
                                      uint8_t tweak[16])                                                    \
    {                                                                                                       \
        if (k->rounds == 14)                                                                                \
            BLOCKS(k, 14, 1, out, in, n, tweak);                                                            \
        else                                                                                                \
            BLOCKS(k, 10, 1, out, in, n, tweak);                                                            \
    }                                                                                                       \
    static void name##_encrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors, \
                                       size_t nb, uint64_t first)                                           \
    {                                                                                                       \
        if (k->rounds == 14)                                                                                \
            SECTORS(k, 14, 0, out, in, nsectors, nb, first);                                                \
        else                                                                                                \
            SECTORS(k, 10, 0, out, in, nsectors, nb, first);                                                \
    }                                                                                                       \
    static void name##_decrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors, \
                                       size_t nb, uint64_t first)                                           \
    {                                                                                                       \
        if (k->rounds == 14)                                                                                \
            SECTORS(k, 14, 1, out, in, nsectors, nb, first);                                                \
        else                                                                                                \
            SECTORS(k, 10, 1, out, in, nsectors, nb, first);                                                \
    }

#endif /* VXTS_AES_X86_H */
