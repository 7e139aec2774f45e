/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The vaes256 backend: XTS-AES with VAES on 256-bit ymm registers and
 * AVX2, two blocks per AES instruction (IEEE Std 1619-2018 §5.3/§5.4,
 * NIST SP 800-38E), for CPUs with VAES but without (or with slow) AVX-512.
 * Compiled with $(ISA_vaes256) only (AVX2, AES, VAES, PCLMUL, VPCLMULQDQ).
 *
 * Throughput: a ymm VAESENC has latency 4 and issues twice per cycle
 * (Zen 3/4, Alder Lake), i.e. 4 block-rounds per cycle; so 8 ymm chains =
 * 16 blocks are kept in flight per chunk. VPCLMULQDQ shares the AES pipes,
 * so the tweak steps of the main loop use only shifts and XOR.
 *
 * Registers (16 ymm, VEX only): 8 hold data; the round key of the current
 * round is loaded (a plain 32-byte load, see the layout) into one register
 * per round and used by all 8; the tweaks of the chunk and of the next
 * chunk fill the rest, the compiler keeping the overflow on the stack
 * (memory operands of VPXOR). Calls of 1..3 blocks (the ciphertext-stealing
 * calls of mode.c, 16- and 17-byte units) use xmm registers only.
 *
 * Control flow: a main loop whose counter is the number of whole 16-block
 * chunks left, then one straight-line branch per leftover ymm count 1..7
 * and, for an odd leftover, one more single-block xmm branch. No access is
 * wider than the data left: a lone block is a 128-bit load/store, never a
 * 256-bit one past the end. Ciphertext stealing is mode.c's.
 *
 * Constant time: VAES/VPCLMULQDQ have no data-dependent timing; branches,
 * loop bounds and addresses depend only on lengths, the sector count and
 * the AES key length (10 or 14 rounds). No access leaves [in, in+16n) and
 * [out, out+16n).
 *
 * Key schedule layout in k->schedule.bytes: every 16-byte round key is
 * stored twice in a row (32 bytes, one ymm), so a round key is one plain
 * 32-byte load; the xmm paths read the first copy.
 *   SCHED_ENC1 =   0: Key1 encryption round keys rk[0..Nr]      (FIPS-197 §5.2)
 *   SCHED_DEC1 = 480: Key1 equivalent-inverse-cipher keys dk[0..Nr]:
 *                     dk[0] = rk[Nr], dk[r] = InvMixColumns(rk[Nr-r]),
 *                     dk[Nr] = rk[0]                             (FIPS-197 §5.3.5)
 *   SCHED_ENC2 = 960: Key2 encryption round keys                 (FIPS-197 §5.2)
 * Key r of a slot is at slot + 32*r; each slot holds 15 keys (AES-128 uses
 * 11). 1440 bytes in all. The context is only 8-byte aligned: all loads are
 * unaligned ones.
 */
#include <immintrin.h>
#include <string.h>

#include "backend.h"
#include "cpu_x86.h"

#define SCHED_ENC1 0u
#define SCHED_DEC1 480u
#define SCHED_ENC2 960u
#define KS 32 /* bytes from one round key to the next */
#define MAX_ROUND_KEYS 15
#define YV 8             /* ymm vectors per main-loop chunk */
#define YB (2 * YV)      /* blocks per main-loop chunk */
#define SECTOR_BATCH 16  /* sector tweaks encrypted per vector pass */
#ifndef Y_X16_CLMUL
#define Y_X16_CLMUL 1 /* measured: 0.79 vs 0.75 of the AES limit at 64 KiB (Zen 4) */
#endif

typedef char vaes256_schedule_fits[(SCHED_ENC2 + KS * MAX_ROUND_KEYS <= VXTS_SCHEDULE_BYTES) ? 1 : -1];

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
#define LOAD256(p) _mm256_loadu_si256((const __m256i *)(const void *)(p))
#define STORE256(p, v) _mm256_storeu_si256((__m256i *)(void *)(p), (v))

/*
 * Wipes a stack buffer of tweak values on the hot path: volatile vector
 * stores, which the compiler must keep, instead of a call into
 * vxts_memzero (an indirect memset call costs tens of cycles per call).
 * n is a multiple of 32; p is 32-byte aligned.
 */
ALWAYS_INLINE void wipe_vectors(void *p, size_t n)
{
    volatile __m256i *v = (volatile __m256i *)p;
    size_t i;
    for (i = 0; i < n / 32; i++)
        v[i] = _mm256_setzero_si256();
}

/* ---- key expansion (FIPS-197 §5.2, §5.3.5) ------------------------------------------ */

/*
 * Next four words: the previous Nk-word group as a prefix XOR
 * (w0, w0^w1, w0^w1^w2, w0^..^w3), XORed with the word AESKEYGENASSIST made
 * (SubWord/RotWord/Rcon in hardware: no tables, constant time).
 */
ALWAYS_INLINE __m128i key_step(__m128i prev, __m128i word)
{
    prev = _mm_xor_si128(prev, _mm_slli_si128(prev, 4));
    prev = _mm_xor_si128(prev, _mm_slli_si128(prev, 8));
    return _mm_xor_si128(prev, word);
}

/* Rcon must be an immediate. Lane 3 of the assist = RotWord(SubWord(w3)) ^ Rcon,
 * lane 2 = SubWord(w3) (the extra AES-256 step, FIPS-197 §5.2 "Nk > 6"). */
#define ROTSUB(x, rcon) _mm_shuffle_epi32(_mm_aeskeygenassist_si128((x), (rcon)), 0xff)
#define SUBONLY(x) _mm_shuffle_epi32(_mm_aeskeygenassist_si128((x), 0), 0xaa)

static void expand_encrypt_key(__m128i rk[MAX_ROUND_KEYS], const uint8_t *key, unsigned rounds)
{
    __m128i a = LOAD128(key), b;
    rk[0] = a;
    if (rounds == 10) {
#define STEP128(i, rcon) (a = key_step(a, ROTSUB(a, rcon)), rk[i] = a)
        STEP128(1, 0x01); STEP128(2, 0x02); STEP128(3, 0x04); STEP128(4, 0x08); STEP128(5, 0x10);
        STEP128(6, 0x20); STEP128(7, 0x40); STEP128(8, 0x80); STEP128(9, 0x1b); STEP128(10, 0x36);
#undef STEP128
    } else {
        b = LOAD128(key + 16);
        rk[1] = b;
#define STEP256(i, rcon) (a = key_step(a, ROTSUB(b, rcon)), rk[i] = a, b = key_step(b, SUBONLY(a)), rk[(i) + 1] = b)
        STEP256(2, 0x01); STEP256(4, 0x02); STEP256(6, 0x04); STEP256(8, 0x08);
        STEP256(10, 0x10); STEP256(12, 0x20);
        rk[14] = key_step(a, ROTSUB(b, 0x40));
#undef STEP256
    }
}

/* Round key r of a slot: 2 copies at slot + 32*r (one ymm). */
static void store_key(uint8_t *slot, unsigned r, __m128i key)
{
    STORE128(slot + KS * r, key);
    STORE128(slot + KS * r + 16, key);
}

static void vaes256_setup(vxts_key *k, const uint8_t *key1, const uint8_t *key2)
{
    uint8_t *s = k->schedule.bytes;
    __m128i rk[MAX_ROUND_KEYS];
    unsigned r, nr = k->rounds;

    expand_encrypt_key(rk, key1, nr);
    for (r = 0; r <= nr; r++)
        store_key(s + SCHED_ENC1, r, rk[r]);
    /* The equivalent inverse cipher's schedule (FIPS-197 §5.3.5), for AESDEC. */
    store_key(s + SCHED_DEC1, 0, rk[nr]);
    for (r = 1; r < nr; r++)
        store_key(s + SCHED_DEC1, r, _mm_aesimc_si128(rk[nr - r]));
    store_key(s + SCHED_DEC1, nr, rk[0]);
    expand_encrypt_key(rk, key2, nr);
    for (r = 0; r <= nr; r++)
        store_key(s + SCHED_ENC2, r, rk[r]);
    vxts_memzero(rk, sizeof rk);
}

static int vaes256_supported(void)
{
    return vxts_cpu_x86_vaes256();
}

/* ---- tweak arithmetic in GF(2^128) (IEEE 1619 §5.2) ------------------------------------
 * A tweak is a 128-bit little-endian lane (lo qword = x^0..x^63); multiplying
 * by x^k shifts it left by k bits and folds the k bits leaving x^127 back
 * with x^128 = x^7 + x^2 + x + 1 (0x87). */

#define GF_POLY 0x87
/* The fold-back below XORs o itself in through the shuffled carry vector,
 * so the product adds only o * (x^7 + x^2 + x). */
#define GF_POLY_NO_1 0x86

/* t * x (xmm): each qword doubled; bit 63 enters the high qword, bit 127
 * comes back as 0x87. SRAI turns the two top bits into masks, no branch. */
ALWAYS_INLINE __m128i x_mul_x(__m128i t)
{
    __m128i m = _mm_srai_epi32(_mm_shuffle_epi32(t, 0x13), 31); /* dword0: bit127, dword2: bit63 */
    m = _mm_and_si128(m, _mm_set_epi32(0, 1, 0, GF_POLY));
    return _mm_xor_si128(_mm_add_epi64(t, t), m);
}

/*
 * t * x^k for 0 <= k <= 56 (xmm; k public, from a length). The k bits
 * leaving the low qword enter the high one; the k bits o leaving x^127 come
 * back as o * 0x87 (a carry-less product of at most 63 bits): o through the
 * shuffled vector, the rest by one PCLMULQDQ (once per call: cheaper than
 * the shift sequence).
 */
ALWAYS_INLINE __m128i x_mul_xk(__m128i t, unsigned k)
{
    __m128i a = _mm_sll_epi64(t, _mm_cvtsi32_si128((int)k));
    __m128i c = _mm_srl_epi64(t, _mm_cvtsi32_si128((int)(64 - k))); /* (carry, o) */
    __m128i sw = _mm_shuffle_epi32(c, 0x4e);                        /* (o, carry) */
    a = _mm_xor_si128(a, sw);
    return _mm_xor_si128(a, _mm_clmulepi64_si128(sw, _mm_cvtsi32_si128(GF_POLY_NO_1), 0x00));
}

/* Each lane times x^k_lane, 0 <= k_lane <= 56, kv = k_lane in both qwords
 * of the lane (setup only: one VPCLMULQDQ for the fold-back). */
ALWAYS_INLINE __m256i y_mul_xk_lanes(__m256i t, __m256i kv)
{
    __m256i a = _mm256_sllv_epi64(t, kv);
    __m256i c = _mm256_srlv_epi64(t, _mm256_sub_epi64(_mm256_set1_epi64x(64), kv));
    __m256i sw = _mm256_shuffle_epi32(c, 0x4e); /* (o, carry) per lane */
    a = _mm256_xor_si256(a, sw);
    return _mm256_xor_si256(a, _mm256_clmulepi64_epi128(sw, _mm256_set1_epi64x(GF_POLY_NO_1), 0x00));
}

/*
 * Each lane times x^16 (main loop): a 2-byte lane shift; the 16 bits o
 * leaving x^127 fold back as o * 0x87 (at most 23 bits).
 */
ALWAYS_INLINE __m256i y_mul_x16(__m256i t)
{
    __m256i o = _mm256_bsrli_epi128(t, 14);
#if Y_X16_CLMUL
    return _mm256_xor_si256(_mm256_bslli_epi128(t, 2), _mm256_clmulepi64_epi128(o, _mm256_set1_epi64x(GF_POLY), 0x00));
#else
    __m256i s = _mm256_xor_si256(_mm256_bslli_epi128(t, 2), o);
    s = _mm256_xor_si256(s, _mm256_slli_epi64(o, 1));
    s = _mm256_xor_si256(s, _mm256_slli_epi64(o, 2));
    return _mm256_xor_si256(s, _mm256_slli_epi64(o, 7));
#endif
}

/* The tweaks of blocks 0..15 from T: vector v, lane l holds T * x^(2v+l). */
ALWAYS_INLINE void y_first_tweaks(__m256i tw[YV], __m128i t)
{
    __m256i b = _mm256_broadcastsi128_si256(t);
    int v;
    UNROLL
    for (v = 0; v < YV; v++)
        tw[v] = y_mul_xk_lanes(b, _mm256_set_epi64x(2 * v + 1, 2 * v + 1, 2 * v, 2 * v));
}

/* ---- AES rounds ------------------------------------------------------------------------ */

ALWAYS_INLINE __m256i y_round(__m256i s, __m256i rk, int dec)
{
    return dec ? _mm256_aesdec_epi128(s, rk) : _mm256_aesenc_epi128(s, rk);
}
ALWAYS_INLINE __m256i y_last(__m256i s, __m256i rk, int dec)
{
    return dec ? _mm256_aesdeclast_epi128(s, rk) : _mm256_aesenclast_epi128(s, rk);
}
ALWAYS_INLINE __m128i x_round(__m128i s, __m128i rk, int dec)
{
    return dec ? _mm_aesdec_si128(s, rk) : _mm_aesenc_si128(s, rk);
}
ALWAYS_INLINE __m128i x_last(__m128i s, __m128i rk, int dec)
{
    return dec ? _mm_aesdeclast_si128(s, rk) : _mm_aesenclast_si128(s, rk);
}

/*
 * encrypt_tweak: T <- E_K2(T), IEEE 1619 §5.3.1 step 1 (the tweak key always
 * encrypts, also for decryption, §5.4.1). One block, xmm, round keys as
 * memory operands.
 */
ALWAYS_INLINE void x_encrypt_tweak(const uint8_t *rk, int nr, uint8_t tweak[16])
{
    int r;
    __m128i s = _mm_xor_si128(LOAD128(tweak), LOAD128(rk));
    UNROLL
    for (r = 1; r < nr; r++)
        s = _mm_aesenc_si128(s, LOAD128(rk + KS * r));
    STORE128(tweak, _mm_aesenclast_si128(s, LOAD128(rk + KS * nr)));
}

static void vaes256_encrypt_tweak(const vxts_key *k, uint8_t tweak[16])
{
    if (k->rounds == 14)
        x_encrypt_tweak(k->schedule.bytes + SCHED_ENC2, 14, tweak);
    else
        x_encrypt_tweak(k->schedule.bytes + SCHED_ENC2, 10, tweak);
}

/*
 * n = 1..3 whole blocks with xmm registers, tweaks t[0..n-1] given
 * (IEEE 1619 §5.3.2/§5.4.2 per block: out_j = E/D_K1(in_j ^ t_j) ^ t_j).
 * rk = Key1's schedule for the direction; round keys are memory operands;
 * the n chains run side by side. Reads in[0,16n), writes out[0,16n) with
 * 128-bit accesses only; out == in allowed (each block is loaded before
 * its store).
 */
ALWAYS_INLINE void x_chunk(const uint8_t *rk, int nr, int dec, int n, uint8_t *out, const uint8_t *in,
                           const __m128i *t)
{
    __m128i s[3], k0 = LOAD128(rk), kr;
    int j, r;
    UNROLL
    for (j = 0; j < n; j++)
        s[j] = _mm_xor_si128(_mm_xor_si128(LOAD128(in + 16 * j), t[j]), k0);
    UNROLL
    for (r = 1; r < nr; r++) {
        kr = LOAD128(rk + KS * r);
        UNROLL
        for (j = 0; j < n; j++)
            s[j] = x_round(s[j], kr, dec);
    }
    kr = LOAD128(rk + KS * nr);
    UNROLL
    for (j = 0; j < n; j++)
        STORE128(out + 16 * j, _mm_xor_si128(x_last(s[j], kr, dec), t[j]));
}

/* encrypt/decrypt_blocks for n = 1..3: tweaks by doubling, then tweak <- T * alpha^n. */
ALWAYS_INLINE void x_blocks(const uint8_t *rk, int nr, int dec, uint8_t *out, const uint8_t *in, int n,
                            uint8_t tweak[16])
{
    __m128i t[4];
    int j;
    t[0] = LOAD128(tweak);
    UNROLL
    for (j = 1; j <= n; j++)
        t[j] = x_mul_x(t[j - 1]);
    x_chunk(rk, nr, dec, n, out, in, t);
    STORE128(tweak, t[n]);
}

/*
 * nv (1..8) ymm vectors = up to 16 consecutive blocks of one data unit,
 * block 2v+l with tweak lane l of tw[v]: out = E/D_K1(in ^ tw) ^ tw
 * (IEEE 1619 §5.3.2/§5.4.2). rk = Key1's schedule for the direction; each
 * round key is one 32-byte load, used by all nv vectors.
 * twn != NULL (main loop): twn[v] = tw[v] * x^16, the tweaks of the next
 * chunk, computed before the rounds in program order so that the
 * scheduler runs them beside the rounds. The rounds are issued round-major
 * (one round of every vector, then the next).
 */
ALWAYS_INLINE void y_chunk(const uint8_t *rk, int nr, int dec, int nv, uint8_t *out, const uint8_t *in,
                           const __m256i *tw, __m256i *twn)
{
    __m256i s[YV], k0 = LOAD256(rk), kr;
    int j, r;
    UNROLL
    for (j = 0; j < nv; j++)
        s[j] = _mm256_xor_si256(_mm256_xor_si256(LOAD256(in + 32 * j), k0), tw[j]);
    if (twn != NULL) {
        UNROLL
        for (j = 0; j < nv; j++)
            twn[j] = y_mul_x16(tw[j]);
    }
    UNROLL
    for (r = 1; r < nr; r++) {
        kr = LOAD256(rk + KS * r);
        UNROLL
        for (j = 0; j < nv; j++)
            s[j] = y_round(s[j], kr, dec);
    }
    kr = LOAD256(rk + KS * nr);
    UNROLL
    for (j = 0; j < nv; j++)
        STORE256(out + 32 * j, _mm256_xor_si256(y_last(s[j], kr, dec), tw[j]));
}

/*
 * The leftover left = 0..15 blocks after the main loop, with the tweaks
 * tw[0..7] of blocks 0..15: one straight-line branch per ymm count
 * left/2 = 1..7, then for an odd count one xmm block (128-bit accesses,
 * tweak = lane 0 of tw[left/2]).
 */
ALWAYS_INLINE void y_tail(const uint8_t *rk, int nr, int dec, uint8_t *out, const uint8_t *in, size_t left,
                          const __m256i *tw)
{
    size_t pairs = left / 2;
    switch (pairs) {
    case 1: y_chunk(rk, nr, dec, 1, out, in, tw, NULL); break;
    case 2: y_chunk(rk, nr, dec, 2, out, in, tw, NULL); break;
    case 3: y_chunk(rk, nr, dec, 3, out, in, tw, NULL); break;
    case 4: y_chunk(rk, nr, dec, 4, out, in, tw, NULL); break;
    case 5: y_chunk(rk, nr, dec, 5, out, in, tw, NULL); break;
    case 6: y_chunk(rk, nr, dec, 6, out, in, tw, NULL); break;
    case 7: y_chunk(rk, nr, dec, 7, out, in, tw, NULL); break;
    default: break;
    }
    if (left & 1) {
        /* Block 2*pairs: tweak lane 0 of tw[pairs] (the index is a length). */
        __m128i t;
        switch (pairs) {
        case 0: t = _mm256_castsi256_si128(tw[0]); break;
        case 1: t = _mm256_castsi256_si128(tw[1]); break;
        case 2: t = _mm256_castsi256_si128(tw[2]); break;
        case 3: t = _mm256_castsi256_si128(tw[3]); break;
        case 4: t = _mm256_castsi256_si128(tw[4]); break;
        case 5: t = _mm256_castsi256_si128(tw[5]); break;
        case 6: t = _mm256_castsi256_si128(tw[6]); break;
        default: t = _mm256_castsi256_si128(tw[7]); break;
        }
        x_chunk(rk, nr, dec, 1, out + 32 * pairs, in + 32 * pairs, &t);
    }
}

/*
 * n >= 1 whole blocks of one data unit starting with tweak t (IEEE 1619
 * §5.3.2/§5.4.2). Returns t * alpha^n. A main loop whose counter is the
 * number of whole 16-block chunks (8 ymm) left, the next chunk's tweaks =
 * the current ones times x^16 (computed only if blocks follow); then the
 * straight-line leftover branches of y_tail.
 * With 16 ymm registers, 8 data vectors and a round key leave no room for
 * 16 tweak vectors: they live in a 2 x 8-vector stack buffer (current and
 * next chunk, swapped per chunk), read as memory operands; wiped at the end.
 */
ALWAYS_INLINE __m128i y_run(const uint8_t *rk, int nr, int dec, uint8_t *out, const uint8_t *in, size_t n,
                            __m128i t)
{
    __attribute__((aligned(32))) __m256i buf[2 * YV];
    __m256i *tw = buf, *twn = buf + YV, *swap;
    size_t chunks = n / YB, left = n % YB;
    __m128i tout;

    y_first_tweaks(tw, t);
    for (; chunks > 1 || (chunks == 1 && left != 0); chunks--) {
        y_chunk(rk, nr, dec, YV, out, in, tw, twn);
        swap = tw;
        tw = twn;
        twn = swap;
        in += 16 * YB;
        out += 16 * YB;
    }
    if (chunks == 1) {
        y_chunk(rk, nr, dec, YV, out, in, tw, NULL);
        /* left == 0: the tweak after the last block is tw[0] lane 0 times x^16. */
        tout = x_mul_xk(_mm256_castsi256_si128(tw[0]), YB);
    } else {
        y_tail(rk, nr, dec, out, in, left, tw);
        /* The tweak after the last block: tw[0] lane 0 (block n - left) times x^left. */
        tout = x_mul_xk(_mm256_castsi256_si128(tw[0]), (unsigned)left);
    }
    wipe_vectors(buf, sizeof buf);
    return tout;
}

/*
 * encrypt_blocks / decrypt_blocks (backend.h): for j < n,
 * out_j = E/D_K1(in_j ^ T a^j) ^ T a^j; then tweak <- T a^n.
 * n == 0: nothing. n <= 3: xmm path. Else y_run.
 */
ALWAYS_INLINE void y_blocks(const vxts_key *k, int nr, int dec, uint8_t *out, const uint8_t *in, size_t n,
                            uint8_t tweak[16])
{
    const uint8_t *rk = k->schedule.bytes + (dec ? SCHED_DEC1 : SCHED_ENC1);
    switch (n) {
    case 0: return;
    case 1: x_blocks(rk, nr, dec, out, in, 1, tweak); return;
    case 2: x_blocks(rk, nr, dec, out, in, 2, tweak); return;
    case 3: x_blocks(rk, nr, dec, out, in, 3, tweak); return;
    default: break;
    }
    STORE128(tweak, y_run(rk, nr, dec, out, in, n, LOAD128(tweak)));
}

static void vaes256_encrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n,
                                   uint8_t tweak[16])
{
    if (k->rounds == 14)
        y_blocks(k, 14, 0, out, in, n, tweak);
    else
        y_blocks(k, 10, 0, out, in, n, tweak);
}

static void vaes256_decrypt_blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n,
                                   uint8_t tweak[16])
{
    if (k->rounds == 14)
        y_blocks(k, 14, 1, out, in, n, tweak);
    else
        y_blocks(k, 10, 1, out, in, n, tweak);
}

/*
 * encrypt_sectors / decrypt_sectors (backend.h): nsectors data units of
 * nb whole blocks; unit s uses T_s = E_K2(le128(first + s)) (IEEE 1619
 * §5.3.1 with i = the sector number, dm-crypt plain64).
 * Per batch of 16 sectors, the 16 tweak encryptions run as one pass over
 * 8 ymm (Key2's round keys loaded per round), stored to a 256-byte stack
 * buffer that is wiped at the end; then each sector runs y_run with its
 * tweak. Consecutive sectors are independent, so the core overlaps the end
 * of one with the start of the next. Preconditions: nsectors >= 1,
 * 1 <= nb <= 2^20, first + nsectors - 1 <= 2^64 - 1 (checked by mode.c).
 */
ALWAYS_INLINE void y_sectors(const vxts_key *k, int nr, int dec, uint8_t *out, const uint8_t *in,
                             size_t nsectors, size_t nb, uint64_t first)
{
    const uint8_t *rk = k->schedule.bytes + (dec ? SCHED_DEC1 : SCHED_ENC1);
    const uint8_t *rk2 = k->schedule.bytes + SCHED_ENC2;
    __attribute__((aligned(32))) uint8_t tweaks[16 * SECTOR_BATCH];
    __m256i v[SECTOR_BATCH / 2], kr;
    size_t done, i, batch, unit = nb * 16;
    int j, r;

    for (done = 0; done < nsectors; done += batch) {
        batch = nsectors - done < SECTOR_BATCH ? nsectors - done : SECTOR_BATCH;
        /* Lane l of v[j]: le128(first + done + 2j + l); the high qword is 0. */
        __m256i base = _mm256_set_epi64x(0, (long long)(first + done), 0, (long long)(first + done));
        kr = LOAD256(rk2);
        UNROLL
        for (j = 0; j < SECTOR_BATCH / 2; j++)
            v[j] = _mm256_xor_si256(_mm256_add_epi64(base, _mm256_set_epi64x(0, 2 * j + 1, 0, 2 * j)), kr);
        UNROLL
        for (r = 1; r < nr; r++) {
            kr = LOAD256(rk2 + KS * r);
            UNROLL
            for (j = 0; j < SECTOR_BATCH / 2; j++)
                v[j] = _mm256_aesenc_epi128(v[j], kr);
        }
        kr = LOAD256(rk2 + KS * nr);
        UNROLL
        for (j = 0; j < SECTOR_BATCH / 2; j++)
            _mm256_store_si256((__m256i *)(void *)(tweaks + 32 * j), _mm256_aesenclast_epi128(v[j], kr));
        for (i = 0; i < batch; i++) {
            __m128i t = _mm_load_si128((const __m128i *)(const void *)(tweaks + 16 * i));
            if (nb >= 4) {
                (void)y_run(rk, nr, dec, out, in, nb, t);
            } else {
                /* 1..3 blocks: the xmm path (no 256-bit access past the unit). */
                __m128i tt[3];
                tt[0] = t;
                tt[1] = x_mul_x(t);
                tt[2] = x_mul_x(tt[1]);
                switch (nb) {
                case 1: x_chunk(rk, nr, dec, 1, out, in, tt); break;
                case 2: x_chunk(rk, nr, dec, 2, out, in, tt); break;
                default: x_chunk(rk, nr, dec, 3, out, in, tt); break;
                }
            }
            in += unit;
            out += unit;
        }
    }
    wipe_vectors(tweaks, sizeof tweaks);
}

static void vaes256_encrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                    size_t nb, uint64_t first)
{
    if (k->rounds == 14)
        y_sectors(k, 14, 0, out, in, nsectors, nb, first);
    else
        y_sectors(k, 10, 0, out, in, nsectors, nb, first);
}

static void vaes256_decrypt_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                    size_t nb, uint64_t first)
{
    if (k->rounds == 14)
        y_sectors(k, 14, 1, out, in, nsectors, nb, first);
    else
        y_sectors(k, 10, 1, out, in, nsectors, nb, first);
}

/*
 * scrub (backend.h), run by the mode layer last in each public call: zeroes
 * the dead frames below the caller (spilled round keys and tweaks, the mode
 * layer's temporaries: 2 KiB covers the deepest call, see
 * tests/test_scrub.c) and ymm0-15 (vzeroall).
 */
static void vaes256_scrub(void)
{
    __attribute__((aligned(32))) uint8_t dead_frames[2048];
    vxts_memzero(dead_frames, sizeof dead_frames);
    __asm__ __volatile__("vzeroall" ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
                         "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

const vxts_backend vxts_backend_vaes256 = {
    "vaes256",
    vaes256_supported,
    vaes256_setup,
    vaes256_encrypt_tweak,
    vaes256_encrypt_blocks,
    vaes256_decrypt_blocks,
    vaes256_encrypt_sectors,
    vaes256_decrypt_sectors,
    vaes256_scrub,
};
