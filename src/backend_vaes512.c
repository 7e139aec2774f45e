/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The vaes512 backend: XTS-AES with VAES on 512-bit zmm registers, four
 * blocks per AES instruction (IEEE Std 1619-2018 §5.3/§5.4, NIST SP 800-38E).
 * Compiled with $(ISA_vaes512) only (AVX-512 F/VL/BW/DQ, VAES, VPCLMULQDQ).
 *
 * Throughput (measured on Zen 4): a zmm VAESENC has latency 4 and issues
 * once per cycle (double-pumped), i.e. 4 block-rounds per cycle, the same
 * as two ymm ones; so 4 zmm chains = 16 blocks form a chunk. Each zmm
 * VPCLMULQDQ costs about one AES slot, so the tweak step of the main loop
 * (times x^16) uses only shifts, shuffles and logic ops. Even so, past
 * about one non-AES zmm operation per two cycles every extra one costs AES
 * time (measured), which is why the counts are kept low: the four vectors'
 * fold-back products are formed once, in one gathered vector (z_mul_x16_4,
 * 20 operations per chunk instead of 28; AES-128 at 64 KiB went from about
 * 0.915 to 0.945 of the AES limit). The scheduler window holds about one
 * chunk: the next chunk's tweaks are computed before the rounds in program
 * order, so that they run beside them and the next chunk can start at once.
 *
 * Registers (32 zmm): the Nr+1 round keys of Key1 (11 or 15) are loaded
 * into zmm once per call (plain 64-byte loads, see the layout) and stay
 * there; 4 zmm hold data, 8 the tweaks of this chunk and the next, the rest
 * are temporaries. Calls of 1..3 blocks (the ciphertext-stealing calls of
 * mode.c, 16- and 17-byte units) use xmm registers and read the round keys
 * as memory operands: no 15-key load for one block.
 *
 * Control flow: a main loop whose counter is the number of whole 16-block
 * chunks left, then one straight-line branch per leftover zmm count 1..4,
 * whose last vector is a masked load/store covering only the real blocks
 * (masked-off lanes never fault). Ciphertext stealing is mode.c's.
 *
 * Constant time: VAES/VPCLMULQDQ have no data-dependent timing; branches,
 * loop bounds, masks and addresses depend only on lengths, the sector count
 * and the AES key length (10 or 14 rounds). No access leaves [in, in+16n)
 * and [out, out+16n).
 *
 * Key schedule: the layout of aes_x86.h with every round key stored 4
 * times (64 bytes, one zmm), 2880 bytes in all.
 *
 * Known limit: the round keys stay in zmm16-31 after a call (the compiler
 * inserts VZEROUPPER, which clears only the upper halves of zmm0-15).
 */
#include "backend.h"

#if defined(__x86_64__)

#include "aes_x86.h"
#include "cpu_x86.h"

#define KS 64 /* bytes from one round key to the next: 4 copies, one zmm */
#define SCHED_ENC1 X86_ENC1(KS)
#define SCHED_DEC1 X86_DEC1(KS)
#define SCHED_ENC2 X86_ENC2(KS)
#define MAX_ROUND_KEYS X86_MAX_ROUND_KEYS
#define SECTOR_BATCH 16 /* sector tweaks encrypted per vector pass */
#define ZV 4             /* zmm vectors per main-loop chunk */
#define ZB (4 * ZV)      /* blocks per main-loop chunk */

#define wipe_vectors(p, n) X86_WIPE((p), (n), _mm512_setzero_si512())

static void vaes512_setup(vxts_key *k, const uint8_t *key1, const uint8_t *key2)
{
    x86_setup(k, KS / 16, key1, key2);
}

static int vaes512_supported(void)
{
    return vxts_cpu_x86_vaes512();
}

/* ---- tweak arithmetic in GF(2^128) (IEEE 1619 §5.2) ------------------------------------
 * Multiplying by x^k shifts a lane left by k bits and folds the k bits
 * leaving x^127 back with x^128 = x^7 + x^2 + x + 1 (0x87); x_mul_x is
 * aes_x86.h's. */

/* t * x^k for 0 <= k <= 56, k a public length-derived count (xmm, no CLMUL). */
/*@ requires k <= 56;
    assigns \nothing; */
ALWAYS_INLINE __m128i x_mul_xk(__m128i t, unsigned k)
{
    __m128i a = _mm_sll_epi64(t, _mm_cvtsi32_si128((int)k));
    __m128i c = _mm_srl_epi64(t, _mm_cvtsi32_si128((int)(64 - k))); /* lo: carry, hi: overflow o */
    __m128i sw = _mm_shuffle_epi32(c, 0x4e);                        /* (o, carry) */
    __m128i o = _mm_move_epi64(sw);                                 /* (o, 0) */
    a = _mm_xor_si128(a, sw);
    a = _mm_xor_si128(a, _mm_slli_epi64(o, 1));
    a = _mm_xor_si128(a, _mm_slli_epi64(o, 2));
    return _mm_xor_si128(a, _mm_slli_epi64(o, 7));
}

/* Each 128-bit lane times x^k_lane, 0 <= k_lane <= 56; kv holds k_lane in
 * both qwords of the lane. Setup only (variable shifts). */
/*@ assigns \nothing; */
ALWAYS_INLINE __m512i z_mul_xk_lanes(__m512i t, __m512i kv)
{
    __m512i a = _mm512_sllv_epi64(t, kv);
    __m512i c = _mm512_srlv_epi64(t, _mm512_sub_epi64(_mm512_set1_epi64(64), kv));
    __m512i sw = _mm512_shuffle_epi32(c, (_MM_PERM_ENUM)0x4e); /* (o, carry) per lane */
    __m512i o = _mm512_maskz_mov_epi64(0x55, sw);               /* (o, 0) */
    a = _mm512_ternarylogic_epi64(a, sw, _mm512_slli_epi64(o, 1), 0x96);
    return _mm512_ternarylogic_epi64(a, _mm512_slli_epi64(o, 2), _mm512_slli_epi64(o, 7), 0x96);
}

/*
 * Each lane times x^(8*nbytes), 1 <= nbytes <= 7 (an immediate): a byte
 * shift of the lane; the 8*nbytes bits o leaving x^127 fold back as
 * o * 0x87 = o ^ o<<1 ^ o<<2 ^ o<<7 (fits in the low qword). Shifts and
 * VPTERNLOGQ only: VPCLMULQDQ would take an AES pipe slot.
 */
/*@ assigns \nothing; */
ALWAYS_INLINE __m512i z_fold(__m512i shifted, __m512i o)
{
    __m512i s = _mm512_ternarylogic_epi64(shifted, o, _mm512_slli_epi64(o, 1), 0x96);
    return _mm512_ternarylogic_epi64(s, _mm512_slli_epi64(o, 2), _mm512_slli_epi64(o, 7), 0x96);
}
#define z_mul_xbytes(t, nbytes) z_fold(_mm512_bslli_epi128((t), (nbytes)), _mm512_bsrli_epi128((t), 16 - (nbytes)))

/*
 * The main loop's tweak step (ZV = 4 vectors = 16 blocks): tw[v] <- tw[v] * x^16
 * in every lane of the 4 vectors. Each lane is shifted left by 2 bytes; the 16 bits o leaving
 * x^127 (top half of dword 3) come back as o * 0x87 = o ^ o<<1 ^ o<<2 ^ o<<7
 * (< 2^23, fits a dword). The four vectors' o are gathered into one
 * vector (dword v of each lane = o of tw[v]) so that the product is
 * formed once for all four: 20 vector operations instead of 28, which
 * matters because every non-AES zmm operation past about one per two
 * cycles takes AES issue slots (measured on Zen 4).
 */
/*@ requires \valid(tw + (0 .. 3));
    assigns tw[0 .. 3]; */
ALWAYS_INLINE void z_mul_x16_4(__m512i tw[4])
{
    __m512i ab = _mm512_unpackhi_epi32(tw[0], tw[1]);                   /* a2 b2 a3 b3 */
    __m512i cd = _mm512_unpackhi_epi32(tw[2], tw[3]);                   /* c2 d2 c3 d3 */
    __m512i o = _mm512_srli_epi32(_mm512_unpackhi_epi64(ab, cd), 16);   /* oa ob oc od */
    __m512i f = _mm512_ternarylogic_epi32(o, _mm512_slli_epi32(o, 1), _mm512_slli_epi32(o, 2), 0x96);
    __m512i t;
    f = _mm512_xor_si512(f, _mm512_slli_epi32(o, 7)); /* dword v: o_v * 0x87 */
    /* Lane << 16 bits, and o_v * 0x87 into dword 0 of each lane of tw[v] (merge-masked XOR). */
    t = _mm512_bslli_epi128(tw[0], 2);
    tw[0] = _mm512_mask_xor_epi32(t, 0x1111, t, f);
    t = _mm512_bslli_epi128(tw[1], 2);
    tw[1] = _mm512_mask_xor_epi32(t, 0x1111, t, _mm512_shuffle_epi32(f, (_MM_PERM_ENUM)0x01));
    t = _mm512_bslli_epi128(tw[2], 2);
    tw[2] = _mm512_mask_xor_epi32(t, 0x1111, t, _mm512_shuffle_epi32(f, (_MM_PERM_ENUM)0x02));
    t = _mm512_bslli_epi128(tw[3], 2);
    tw[3] = _mm512_mask_xor_epi32(t, 0x1111, t, _mm512_shuffle_epi32(f, (_MM_PERM_ENUM)0x03));
}

/*
 * The tweaks of blocks 0..15 from T: vector v, lane l holds T * x^(4v+l).
 * Vector 0 (needed first) and vector 1 by per-lane shifts of the broadcast
 * T; vectors 2 and 3 from them times x^8 (a byte shift: fewer operations).
 */
/*@ requires \valid(tw + (0 .. 3));
    assigns tw[0 .. 3]; */
ALWAYS_INLINE void z_first_tweaks(__m512i tw[4], __m128i t)
{
    __m512i b = _mm512_broadcast_i32x4(t);
    tw[0] = z_mul_xk_lanes(b, _mm512_set_epi64(3, 3, 2, 2, 1, 1, 0, 0));
    tw[1] = z_mul_xk_lanes(b, _mm512_set_epi64(7, 7, 6, 6, 5, 5, 4, 4));
    tw[2] = z_mul_xbytes(tw[0], 1);
    tw[3] = z_mul_xbytes(tw[1], 1);
}

/* ---- AES rounds ------------------------------------------------------------------------ */

/*@ assigns \nothing; */
ALWAYS_INLINE __m512i z_round(__m512i s, __m512i rk, int dec)
{
    return dec ? _mm512_aesdec_epi128(s, rk) : _mm512_aesenc_epi128(s, rk);
}
/*@ assigns \nothing; */
ALWAYS_INLINE __m512i z_last(__m512i s, __m512i rk, int dec)
{
    return dec ? _mm512_aesdeclast_epi128(s, rk) : _mm512_aesenclast_epi128(s, rk);
}

static void vaes512_encrypt_tweak(const vxts_key *k, uint8_t tweak[16])
{
    x86_encrypt_tweak(k, KS, tweak);
}

/*
 * nv (1..4) zmm vectors = up to 16 consecutive blocks of one data unit,
 * block 4v+l with tweak lane l of tw[v]: out = E/D_K1(in ^ tw) ^ tw
 * (IEEE 1619 §5.3.2/§5.4.2). K[0..nr] = round keys in zmm registers.
 * masked = 0: all nv vectors are whole. masked = 1: the last vector is
 * loaded and stored under mlast (2 mask bits per block; masked-off lanes
 * are neither read nor written, and do not fault).
 * twn != NULL (main loop): twn[v] = tw[v] * x^(4*ZV), the tweaks of the next
 * chunk, computed before the rounds in program order, so that the
 * scheduler runs them beside the rounds and the next chunk can start at once.
 * The rounds are issued round-major (one round of every vector, then the
 * next): program order = the order the AES pipe can take them.
 */
/*@ // The bytes z_chunk reads at in and writes at out (proofs/c/x86_mem_vaes.c):
    // 16 per block, the blocks of a masked last vector = its mask's bit pairs.
    logic integer Z_CHUNK_BYTES(integer nv, integer masked, integer mlast) =
      64 * (nv - 1) + (masked == 0 ? 64 : mlast == 0x03 ? 16 : mlast == 0x0f ? 32 : mlast == 0x3f ? 48 : 64);
*/
/*@ requires 1 <= nv <= ZV && 1 <= nr < MAX_ROUND_KEYS;
    requires masked == 0 || (masked == 1 && (mlast == 0x03 || mlast == 0x0f || mlast == 0x3f || mlast == 0xff));
    requires \valid_read(K + (0 .. nr)) && \valid_read(tw + (0 .. nv - 1));
    requires twn == \null || \valid(twn + (0 .. ZV - 1));
    requires \valid_read(in + (0 .. Z_CHUNK_BYTES(nv, masked, mlast) - 1));
    requires \valid(out + (0 .. Z_CHUNK_BYTES(nv, masked, mlast) - 1));
    assigns out[0 .. Z_CHUNK_BYTES(nv, masked, mlast) - 1], twn[0 .. ZV - 1]; */
ALWAYS_INLINE void z_chunk(const __m512i *K, int nr, int dec, int nv, int masked, __mmask8 mlast,
                           uint8_t *out, const uint8_t *in, const __m512i *tw, __m512i *twn)
{
    __m512i s[ZV];
    int j, r;
    UNROLL
    /*@ loop invariant 0 <= j <= nv;
        loop assigns j, s[0 .. ZV - 1];
        loop variant nv - j; */
    for (j = 0; j < nv; j++) {
        __m512i x = (masked && j == nv - 1) ? _mm512_maskz_loadu_epi64(mlast, in + 64 * j)
                                            : _mm512_loadu_si512(in + 64 * j);
        s[j] = _mm512_ternarylogic_epi64(x, tw[j], K[0], 0x96); /* in ^ T ^ rk0 */
    }
    if (twn != NULL) {
        UNROLL
        /*@ loop invariant 0 <= j <= nv;
            loop assigns j, twn[0 .. ZV - 1];
            loop variant nv - j; */
        for (j = 0; j < nv; j++)
            twn[j] = tw[j];
        z_mul_x16_4(twn);
    }
    UNROLL
    /*@ loop invariant 1 <= r <= nr;
        loop assigns r, j, s[0 .. ZV - 1];
        loop variant nr - r; */
    for (r = 1; r < nr; r++) {
        UNROLL
        /*@ loop invariant 0 <= j <= nv;
            loop assigns j, s[0 .. ZV - 1];
            loop variant nv - j; */
        for (j = 0; j < nv; j++)
            s[j] = z_round(s[j], K[r], dec);
    }
    UNROLL
    /*@ loop invariant 0 <= j <= nv;
        loop assigns j, out[0 .. Z_CHUNK_BYTES(nv, masked, mlast) - 1];
        loop variant nv - j; */
    for (j = 0; j < nv; j++) {
        __m512i y = _mm512_xor_si512(z_last(s[j], K[nr], dec), tw[j]);
        if (masked && j == nv - 1)
            _mm512_mask_storeu_epi64(out + 64 * j, mlast, y);
        else
            _mm512_storeu_si512(out + 64 * j, y);
    }
}

/*
 * n >= 1 whole blocks of one data unit whose first 16 tweaks are
 * first_tw[0..3] (from z_first_tweaks; IEEE 1619 §5.3.2/§5.4.2), round keys
 * K[0..nr] in zmm. Returns T * alpha^n.
 * A main loop whose counter is the number of whole 16-block chunks (4 zmm)
 * left, the next chunk's tweaks = the current ones times x^16; then one
 * straight-line branch per leftover vector count 1..4, the last vector
 * masked.
 */
/*@ requires 1 <= n <= 1048576 && 1 <= nr < MAX_ROUND_KEYS;
    requires \valid_read(K + (0 .. nr)) && \valid_read(first_tw + (0 .. ZV - 1));
    requires \valid_read(in + (0 .. 16 * n - 1)) && \valid(out + (0 .. 16 * n - 1));
    assigns out[0 .. 16 * n - 1]; */
ALWAYS_INLINE __m128i z_run(const __m512i *K, int nr, int dec, uint8_t *out, const uint8_t *in, size_t n,
                            const __m512i *first_tw)
{
    __m512i tw[ZV], twn[ZV];
    size_t chunks, left;
    __mmask8 m;
    int j;

    UNROLL
    /*@ loop invariant 0 <= j <= ZV;
        loop assigns j, tw[0 .. ZV - 1];
        loop variant ZV - j; */
    for (j = 0; j < ZV; j++)
        tw[j] = first_tw[j];
    left = n % ZB;
    chunks = n / ZB;
    /* The last whole chunk computes the next tweaks only if blocks follow. */
    /*@ loop invariant 0 <= chunks <= n / ZB && left == n % ZB;
        loop invariant left == 0 ==> chunks >= 1;
        loop invariant in == \at(in, Pre) + 16 * ZB * (n / ZB - chunks);
        loop invariant out == \at(out, Pre) + 16 * ZB * (n / ZB - chunks);
        loop assigns chunks, in, out, j, tw[0 .. ZV - 1], twn[0 .. ZV - 1], \at(out, Pre)[0 .. 16 * n - 1];
        loop variant chunks; */
    for (; chunks > 1 || (chunks == 1 && left != 0); chunks--) {
        z_chunk(K, nr, dec, ZV, 0, 0xff, out, in, tw, twn);
        UNROLL
        /*@ loop invariant 0 <= j <= ZV;
            loop assigns j, tw[0 .. ZV - 1];
            loop variant ZV - j; */
        for (j = 0; j < ZV; j++)
            tw[j] = twn[j];
        in += 16 * ZB;
        out += 16 * ZB;
    }
    if (chunks == 1) {
        z_chunk(K, nr, dec, ZV, 0, 0xff, out, in, tw, NULL);
        /* left == 0: the tweak after the last block is tw[0] lane 0 times x^16. */
        return x_mul_xk(_mm512_castsi512_si128(tw[0]), ZB);
    }
    /* 2 mask bits (qwords) per block of the last vector: 1..4 blocks. */
    /*@ assert tail: chunks == 0 && 1 <= left <= 15; */
    m = (__mmask8)((1u << (2 * (((left + 3) & 3) + 1))) - 1u);
    /*@ assert mask: m == (left % 4 == 1 ? 0x03 : left % 4 == 2 ? 0x0f : left % 4 == 3 ? 0x3f : 0xff); */
    switch ((left + 3) / 4) {
    case 1: z_chunk(K, nr, dec, 1, 1, m, out, in, tw, NULL); break;
    case 2: z_chunk(K, nr, dec, 2, 1, m, out, in, tw, NULL); break;
    case 3: z_chunk(K, nr, dec, 3, 1, m, out, in, tw, NULL); break;
    case 4: z_chunk(K, nr, dec, 4, 1, m, out, in, tw, NULL); break;
    default: break;
    }
    /* The tweak after the last block: tw[0] lane 0 (block n - left) times x^left. */
    return x_mul_xk(_mm512_castsi512_si128(tw[0]), (unsigned)left);
}

/*@ requires 1 <= nr < MAX_ROUND_KEYS;
    requires \valid(K + (0 .. nr)) && \valid_read(rk + (0 .. KS * nr + KS - 1));
    assigns K[0 .. nr]; */
ALWAYS_INLINE void z_load_keys(__m512i *K, const uint8_t *rk, int nr)
{
    int r;
    UNROLL
    /*@ loop invariant 0 <= r <= nr + 1;
        loop assigns r, K[0 .. nr];
        loop variant nr - r; */
    for (r = 0; r <= nr; r++)
        K[r] = _mm512_loadu_si512(rk + KS * r);
}

/*
 * encrypt_blocks / decrypt_blocks (backend.h): for j < n,
 * out_j = E/D_K1(in_j ^ T a^j) ^ T a^j; then tweak <- T a^n.
 * n == 0: nothing. n <= 3: xmm path. Else the round keys are loaded into
 * zmm, the first tweaks computed, and z_run.
 */
/*@ requires (nr == 10 || nr == 14) && (dec == 0 || dec == 1) && n <= 1048576;
    requires kernel_buffers(k, out, in, 16 * n) && kernel_tweak(k, out, in, 16 * n, tweak);
    assigns out[0 .. 16 * n - 1], tweak[0 .. 15]; */
ALWAYS_INLINE void z_blocks(const vxts_key *k, int nr, int dec, uint8_t *out, const uint8_t *in, size_t n,
                            uint8_t tweak[16])
{
    const uint8_t *rk = k->schedule.bytes + (dec ? SCHED_DEC1 : SCHED_ENC1);
    __m512i K[MAX_ROUND_KEYS], ftw[ZV];
    switch (n) {
    case 0: return;
    case 1: x_blocks(rk, nr, KS, dec, out, in, 1, tweak); return;
    case 2: x_blocks(rk, nr, KS, dec, out, in, 2, tweak); return;
    case 3: x_blocks(rk, nr, KS, dec, out, in, 3, tweak); return;
    default: break;
    }
    z_load_keys(K, rk, nr);
    z_first_tweaks(ftw, LOAD128(tweak));
    STORE128(tweak, z_run(K, nr, dec, out, in, n, ftw));
}

/*
 * The tweaks of 16 data units: out[16i..16i+15] = E_K2(le128(first + i)),
 * i < 16 (IEEE 1619 §5.3.1 step 1 with i = the sector number, dm-crypt
 * plain64), one pass over 4 zmm; Key2's round keys are loaded per round.
 * Lanes past the caller's last sector may wrap modulo 2^64: never used.
 */
/*@ requires 1 <= nr < MAX_ROUND_KEYS;
    requires \valid_read(rk2 + (0 .. KS * nr + KS - 1)) && \valid(out + (0 .. 16 * SECTOR_BATCH - 1));
    assigns out[0 .. 16 * SECTOR_BATCH - 1]; */
ALWAYS_INLINE void z_sector_tweaks(const uint8_t *rk2, int nr, uint64_t first, uint8_t out[16 * SECTOR_BATCH])
{
    __m512i v[4], kr, base = _mm512_maskz_set1_epi64(0x55, (long long)first); /* high qwords 0 */
    int j, r;
    v[0] = _mm512_add_epi64(base, _mm512_set_epi64(0, 3, 0, 2, 0, 1, 0, 0));
    v[1] = _mm512_add_epi64(base, _mm512_set_epi64(0, 7, 0, 6, 0, 5, 0, 4));
    v[2] = _mm512_add_epi64(base, _mm512_set_epi64(0, 11, 0, 10, 0, 9, 0, 8));
    v[3] = _mm512_add_epi64(base, _mm512_set_epi64(0, 15, 0, 14, 0, 13, 0, 12));
    kr = _mm512_loadu_si512(rk2);
    UNROLL
    /*@ loop invariant 0 <= j <= 4;
        loop assigns j, v[0 .. 3];
        loop variant 4 - j; */
    for (j = 0; j < 4; j++)
        v[j] = _mm512_xor_si512(v[j], kr);
    UNROLL
    /*@ loop invariant 1 <= r <= nr;
        loop assigns r, j, kr, v[0 .. 3];
        loop variant nr - r; */
    for (r = 1; r < nr; r++) {
        kr = _mm512_loadu_si512(rk2 + KS * r);
        UNROLL
        /*@ loop invariant 0 <= j <= 4;
            loop assigns j, v[0 .. 3];
            loop variant 4 - j; */
        for (j = 0; j < 4; j++)
            v[j] = _mm512_aesenc_epi128(v[j], kr);
    }
    kr = _mm512_loadu_si512(rk2 + KS * nr);
    UNROLL
    /*@ loop invariant 0 <= j <= 4;
        loop assigns j, out[0 .. 16 * SECTOR_BATCH - 1];
        loop variant 4 - j; */
    for (j = 0; j < 4; j++)
        _mm512_store_si512(out + 64 * j, _mm512_aesenclast_epi128(v[j], kr));
}

/*
 * encrypt_sectors / decrypt_sectors (backend.h): nsectors data units of
 * nb whole blocks; unit s uses T_s = E_K2(le128(first + s)) (IEEE 1619
 * §5.3.1, dm-crypt plain64). Key1's round keys stay in zmm for the whole
 * call. Software-pipelined by one unit so that no unit waits for its
 * tweaks: while unit s runs, the first tweaks of unit s+1 are computed
 * (and, every 16 units, the next 16 tweak encryptions, one 4-zmm pass),
 * placed before unit s's rounds in program order. Stack buffers (tweaks)
 * are wiped at the end. Preconditions: nsectors >= 1, 1 <= nb <= 2^20,
 * first + nsectors - 1 <= 2^64 - 1 (checked by mode.c).
 */
/*@ requires (nr == 10 || nr == 14) && (dec == 0 || dec == 1);
    requires 1 <= nsectors && 1 <= nb <= 1048576 && 16 * nb * nsectors <= SIZE_MAX;
    requires first + nsectors - 1 <= UINT64_MAX;
    requires kernel_buffers(k, out, in, 16 * nb * nsectors);
    assigns out[0 .. 16 * nb * nsectors - 1]; */
ALWAYS_INLINE void z_sectors(const vxts_key *k, int nr, int dec, uint8_t *out, const uint8_t *in,
                             size_t nsectors, size_t nb, uint64_t first)
{
    const uint8_t *rk2 = k->schedule.bytes + SCHED_ENC2;
    __m512i K[MAX_ROUND_KEYS];
    __attribute__((aligned(64))) uint8_t tweaks[16 * SECTOR_BATCH];
    __attribute__((aligned(64))) __m512i ftw[2][ZV]; /* first tweaks of units s and s+1 */
    size_t s, next, unit = nb * 16;

    z_load_keys(K, k->schedule.bytes + (dec ? SCHED_DEC1 : SCHED_ENC1), nr);
    z_sector_tweaks(rk2, nr, first, tweaks);
    z_first_tweaks(ftw[0], _mm_load_si128((const __m128i *)(const void *)tweaks));
    /*@ loop invariant 0 <= s <= nsectors;
        loop invariant in == \at(in, Pre) + unit * s && out == \at(out, Pre) + unit * s;
        loop assigns s, next, in, out, tweaks[0 .. 16 * SECTOR_BATCH - 1], ftw[0][0 .. ZV - 1], ftw[1][0 .. ZV - 1],
                     \at(out, Pre)[0 .. 16 * nb * nsectors - 1];
        loop variant nsectors - s; */
    for (s = 0; s < nsectors; s++) {
        next = s + 1;
        if (next < nsectors) {
            if (next % SECTOR_BATCH == 0)
                z_sector_tweaks(rk2, nr, first + next, tweaks);
            z_first_tweaks(ftw[next & 1],
                           _mm_load_si128((const __m128i *)(const void *)(tweaks + 16 * (next % SECTOR_BATCH))));
        }
        /*@ assert unit_left: unit * (nsectors - s - 1) >= 0; */
        /*@ assert unit_fits: unit * s + unit <= unit * nsectors; */
        (void)z_run(K, nr, dec, out, in, nb, ftw[s & 1]);
        in += unit;
        out += unit;
    }
    wipe_vectors(tweaks, sizeof tweaks);
    wipe_vectors(ftw, sizeof ftw);
}

X86_DATA_ENTRY_POINTS(vaes512, z_blocks, z_sectors)

/*
 * scrub (backend.h), run by the mode layer last in each public call: zeroes
 * the dead frames below the caller, then every vector register. The kernels
 * keep round keys and tweaks in zmm registers, and the mode layer wipes its
 * own temporaries: tests/test_scrub.c, which searches 64 KiB of dead stack
 * after every call, passes with 16 bytes wiped here. 64 bytes, not more:
 * these are the call's last stores, and with 640 short calls were slower
 * (17-byte encryption 141 -> 102 ticks per call, mean over 100 processes,
 * old and new interleaved; why is not established: bench/README.md, #15).
 */
static void vaes512_scrub(void)
{
    __attribute__((aligned(64))) uint8_t dead_frames[64];
    wipe_vectors(dead_frames, sizeof dead_frames);
    vxts_cpu_scrub_vectors();
}

const vxts_backend vxts_backend_vaes512 = {
    "vaes512",
    vaes512_supported,
    vaes512_setup,
    vaes512_encrypt_tweak,
    vaes512_encrypt_blocks,
    vaes512_decrypt_blocks,
    vaes512_encrypt_sectors,
    vaes512_decrypt_sectors,
    vaes512_scrub,
};

#else /* not x86-64 */

VXTS_ABSENT_BACKEND(vaes512);

#endif
