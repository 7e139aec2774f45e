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
 * Key schedule: the layout of aes_x86.h with every round key stored twice
 * (32 bytes, one ymm), 1440 bytes in all.
 */
#include "backend.h"

#if defined(__x86_64__)

#include "aes_x86.h"
#include "cpu_x86.h"

#define KS 32 /* bytes from one round key to the next: 2 copies, one ymm */
#define SCHED_ENC1 X86_ENC1(KS)
#define SCHED_DEC1 X86_DEC1(KS)
#define SCHED_ENC2 X86_ENC2(KS)
#define YV 8             /* ymm vectors per main-loop chunk */
#define YB (2 * YV)      /* blocks per main-loop chunk */
#define SECTOR_BATCH 16  /* sector tweaks encrypted per vector pass */

#define LOAD256(p) _mm256_loadu_si256((const __m256i *)(const void *)(p))
#define STORE256(p, v) _mm256_storeu_si256((__m256i *)(void *)(p), (v))

#define wipe_vectors(p, n) X86_WIPE((p), (n), _mm256_setzero_si256())

static void vaes256_setup(vxts_key *k, const uint8_t *key1, const uint8_t *key2)
{
    x86_setup(k, KS / 16, key1, key2);
}

static int vaes256_supported(void)
{
    return vxts_cpu_x86_vaes256();
}

/* ---- tweak arithmetic in GF(2^128) (IEEE 1619 §5.2) ------------------------------------
 * Multiplying by x^k shifts a lane left by k bits and folds the k bits
 * leaving x^127 back with x^128 = x^7 + x^2 + x + 1 (0x87); x_mul_x is
 * aes_x86.h's. */

#define GF_POLY 0x87
/* The fold-back below XORs o itself in through the shuffled carry vector,
 * so the product adds only o * (x^7 + x^2 + x). */
#define GF_POLY_NO_1 0x86

/*
 * t * x^k for 0 <= k <= 56 (xmm; k public, from a length). The k bits
 * leaving the low qword enter the high one; the k bits o leaving x^127 come
 * back as o * 0x87 (a carry-less product of at most 63 bits): o through the
 * shuffled vector, the rest by one PCLMULQDQ (once per call: cheaper than
 * the shift sequence).
 */
/*@ requires k <= 56;
    assigns \nothing; */
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
/*@ assigns \nothing; */
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
 * leaving x^127 fold back as o * 0x87 (at most 23 bits) by one VPCLMULQDQ
 * (measured on Zen 4: 0.79 of the AES limit at 64 KiB, against 0.75 with
 * the four shifts and XORs that avoid it).
 */
/*@ assigns \nothing; */
ALWAYS_INLINE __m256i y_mul_x16(__m256i t)
{
    __m256i o = _mm256_bsrli_epi128(t, 14);
    return _mm256_xor_si256(_mm256_bslli_epi128(t, 2), _mm256_clmulepi64_epi128(o, _mm256_set1_epi64x(GF_POLY), 0x00));
}

/* The tweaks of blocks 0..15 from T: vector v, lane l holds T * x^(2v+l). */
/*@ requires \valid(tw + (0 .. YV - 1));
    assigns tw[0 .. YV - 1]; */
ALWAYS_INLINE void y_first_tweaks(__m256i tw[YV], __m128i t)
{
    __m256i b = _mm256_broadcastsi128_si256(t);
    int v;
    UNROLL
    /*@ loop invariant 0 <= v <= YV;
        loop assigns v, tw[0 .. YV - 1];
        loop variant YV - v; */
    for (v = 0; v < YV; v++)
        tw[v] = y_mul_xk_lanes(b, _mm256_set_epi64x(2 * v + 1, 2 * v + 1, 2 * v, 2 * v));
}

/* ---- AES rounds ------------------------------------------------------------------------ */

/*@ assigns \nothing; */
ALWAYS_INLINE __m256i y_round(__m256i s, __m256i rk, int dec)
{
    return dec ? _mm256_aesdec_epi128(s, rk) : _mm256_aesenc_epi128(s, rk);
}
/*@ assigns \nothing; */
ALWAYS_INLINE __m256i y_last(__m256i s, __m256i rk, int dec)
{
    return dec ? _mm256_aesdeclast_epi128(s, rk) : _mm256_aesenclast_epi128(s, rk);
}

static void vaes256_encrypt_tweak(const vxts_key *k, uint8_t tweak[16])
{
    x86_encrypt_tweak(k, KS, tweak);
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
/*@ requires 1 <= nv <= YV && 1 <= nr <= 14;
    requires \valid_read(rk + (0 .. KS * nr + KS - 1)) && \valid_read(tw + (0 .. nv - 1));
    requires twn == \null || \valid(twn + (0 .. nv - 1));
    requires \valid_read(in + (0 .. 32 * nv - 1)) && \valid(out + (0 .. 32 * nv - 1));
    assigns out[0 .. 32 * nv - 1], twn[0 .. nv - 1]; */
ALWAYS_INLINE void y_chunk(const uint8_t *rk, int nr, int dec, int nv, uint8_t *out, const uint8_t *in,
                           const __m256i *tw, __m256i *twn)
{
    __m256i s[YV], k0 = LOAD256(rk), kr;
    int j, r;
    UNROLL
    /*@ loop invariant 0 <= j <= nv;
        loop assigns j, s[0 .. YV - 1];
        loop variant nv - j; */
    for (j = 0; j < nv; j++)
        s[j] = _mm256_xor_si256(_mm256_xor_si256(LOAD256(in + 32 * j), k0), tw[j]);
    if (twn != NULL) {
        UNROLL
        /*@ loop invariant 0 <= j <= nv;
            loop assigns j, twn[0 .. nv - 1];
            loop variant nv - j; */
        for (j = 0; j < nv; j++)
            twn[j] = y_mul_x16(tw[j]);
    }
    UNROLL
    /*@ loop invariant 1 <= r <= nr;
        loop assigns r, j, kr, s[0 .. YV - 1];
        loop variant nr - r; */
    for (r = 1; r < nr; r++) {
        kr = LOAD256(rk + KS * r);
        UNROLL
        /*@ loop invariant 0 <= j <= nv;
            loop assigns j, s[0 .. YV - 1];
            loop variant nv - j; */
        for (j = 0; j < nv; j++)
            s[j] = y_round(s[j], kr, dec);
    }
    kr = LOAD256(rk + KS * nr);
    UNROLL
    /*@ loop invariant 0 <= j <= nv;
        loop assigns j, out[0 .. 32 * nv - 1];
        loop variant nv - j; */
    for (j = 0; j < nv; j++)
        STORE256(out + 32 * j, _mm256_xor_si256(y_last(s[j], kr, dec), tw[j]));
}

/*
 * The leftover left = 0..15 blocks after the main loop, with the tweaks
 * tw[0..7] of blocks 0..15: one straight-line branch per ymm count
 * left/2 = 1..7, then for an odd count one xmm block (128-bit accesses,
 * tweak = lane 0 of tw[left/2]).
 */
/*@ requires left <= 15 && 1 <= nr <= 14;
    requires \valid_read(rk + (0 .. KS * nr + KS - 1)) && \valid_read(tw + (0 .. YV - 1));
    requires \valid_read(in + (0 .. 16 * left - 1)) && \valid(out + (0 .. 16 * left - 1));
    assigns out[0 .. 16 * left - 1]; */
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
        /*@ assert odd: left % 2 == 1; */
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
        x_chunk(rk, nr, KS, dec, 1, out + 32 * pairs, in + 32 * pairs, &t);
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
/*@ requires 1 <= n <= 1048576 && 1 <= nr <= 14;
    requires \valid_read(rk + (0 .. KS * nr + KS - 1));
    requires \valid_read(in + (0 .. 16 * n - 1)) && \valid(out + (0 .. 16 * n - 1));
    assigns out[0 .. 16 * n - 1]; */
ALWAYS_INLINE __m128i y_run(const uint8_t *rk, int nr, int dec, uint8_t *out, const uint8_t *in, size_t n,
                            __m128i t)
{
    __attribute__((aligned(32))) __m256i buf[2 * YV];
    __m256i *tw = buf, *twn = buf + YV, *swap;
    size_t chunks = n / YB, left = n % YB;
    __m128i tout;

    y_first_tweaks(tw, t);
    /*@ loop invariant 0 <= chunks <= n / YB && left == n % YB;
        loop invariant left == 0 ==> chunks >= 1;
        loop invariant in == \at(in, Pre) + 16 * YB * (n / YB - chunks);
        loop invariant out == \at(out, Pre) + 16 * YB * (n / YB - chunks);
        loop invariant (tw == (__m256i *)buf && twn == (__m256i *)buf + YV) ||
                       (tw == (__m256i *)buf + YV && twn == (__m256i *)buf);
        loop assigns chunks, in, out, tw, twn, swap, buf[0 .. 2 * YV - 1], \at(out, Pre)[0 .. 16 * n - 1];
        loop variant chunks; */
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
/*@ requires (nr == 10 || nr == 14) && (dec == 0 || dec == 1) && n <= 1048576;
    requires kernel_buffers(k, out, in, 16 * n) && kernel_tweak(k, out, in, 16 * n, tweak);
    assigns out[0 .. 16 * n - 1], tweak[0 .. 15]; */
ALWAYS_INLINE void y_blocks(const vxts_key *k, int nr, int dec, uint8_t *out, const uint8_t *in, size_t n,
                            uint8_t tweak[16])
{
    const uint8_t *rk = k->schedule.bytes + (dec ? SCHED_DEC1 : SCHED_ENC1);
    switch (n) {
    case 0: return;
    case 1: x_blocks(rk, nr, KS, dec, out, in, 1, tweak); return;
    case 2: x_blocks(rk, nr, KS, dec, out, in, 2, tweak); return;
    case 3: x_blocks(rk, nr, KS, dec, out, in, 3, tweak); return;
    default: break;
    }
    STORE128(tweak, y_run(rk, nr, dec, out, in, n, LOAD128(tweak)));
}

/* A lemma for the proofs (ghost: Frama-C only): the provers do not find
 * this product inequality among y_sectors' many hypotheses. */
/*@ ghost
  /@ requires b <= c;
     assigns \nothing;
     ensures a * b <= a * c; @/
  static void mul_monotone(size_t a, size_t b, size_t c) { }
*/

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
/*@ requires (nr == 10 || nr == 14) && (dec == 0 || dec == 1);
    requires 1 <= nsectors && 1 <= nb <= 1048576 && 16 * nb * nsectors <= SIZE_MAX;
    requires first + nsectors - 1 <= UINT64_MAX;
    requires kernel_buffers(k, out, in, 16 * nb * nsectors);
    assigns out[0 .. 16 * nb * nsectors - 1]; */
ALWAYS_INLINE void y_sectors(const vxts_key *k, int nr, int dec, uint8_t *out, const uint8_t *in,
                             size_t nsectors, size_t nb, uint64_t first)
{
    const uint8_t *rk = k->schedule.bytes + (dec ? SCHED_DEC1 : SCHED_ENC1);
    const uint8_t *rk2 = k->schedule.bytes + SCHED_ENC2;
    __attribute__((aligned(32))) uint8_t tweaks[16 * SECTOR_BATCH];
    __m256i v[SECTOR_BATCH / 2], kr;
    size_t done, i, batch, unit = nb * 16;
    int j, r;

    /*@ loop invariant 0 <= done <= nsectors;
        loop invariant in == \at(in, Pre) + unit * done && out == \at(out, Pre) + unit * done;
        loop assigns done, batch, i, j, r, kr, v[0 .. SECTOR_BATCH / 2 - 1], in, out,
                     tweaks[0 .. 16 * SECTOR_BATCH - 1], \at(out, Pre)[0 .. 16 * nb * nsectors - 1];
        loop variant nsectors - done; */
    for (done = 0; done < nsectors; done += batch) {
        batch = nsectors - done < SECTOR_BATCH ? nsectors - done : SECTOR_BATCH;
        /* Lane l of v[j]: le128(first + done + 2j + l); the high qword is 0. */
        __m256i base = _mm256_set_epi64x(0, (long long)(first + done), 0, (long long)(first + done));
        kr = LOAD256(rk2);
        UNROLL
        /*@ loop invariant 0 <= j <= SECTOR_BATCH / 2;
            loop assigns j, v[0 .. SECTOR_BATCH / 2 - 1];
            loop variant SECTOR_BATCH / 2 - j; */
        for (j = 0; j < SECTOR_BATCH / 2; j++)
            v[j] = _mm256_xor_si256(_mm256_add_epi64(base, _mm256_set_epi64x(0, 2 * j + 1, 0, 2 * j)), kr);
        UNROLL
        /*@ loop invariant 1 <= r <= nr;
            loop assigns r, j, kr, v[0 .. SECTOR_BATCH / 2 - 1];
            loop variant nr - r; */
        for (r = 1; r < nr; r++) {
            kr = LOAD256(rk2 + KS * r);
            UNROLL
            /*@ loop invariant 0 <= j <= SECTOR_BATCH / 2;
                loop assigns j, v[0 .. SECTOR_BATCH / 2 - 1];
                loop variant SECTOR_BATCH / 2 - j; */
            for (j = 0; j < SECTOR_BATCH / 2; j++)
                v[j] = _mm256_aesenc_epi128(v[j], kr);
        }
        kr = LOAD256(rk2 + KS * nr);
        UNROLL
        /*@ loop invariant 0 <= j <= SECTOR_BATCH / 2;
            loop assigns j, tweaks[0 .. 16 * SECTOR_BATCH - 1];
            loop variant SECTOR_BATCH / 2 - j; */
        for (j = 0; j < SECTOR_BATCH / 2; j++)
            _mm256_store_si256((__m256i *)(void *)(tweaks + 32 * j), _mm256_aesenclast_epi128(v[j], kr));
        /*@ loop invariant 0 <= i <= batch && batch <= nsectors - done;
            loop invariant in == \at(in, Pre) + unit * (done + i) && out == \at(out, Pre) + unit * (done + i);
            loop assigns i, in, out, \at(out, Pre)[0 .. 16 * nb * nsectors - 1];
            loop variant batch - i; */
        for (i = 0; i < batch; i++) {
            __m128i t = _mm_load_si128((const __m128i *)(const void *)(tweaks + 16 * i));
            /*@ assert sector_left: done + i + 1 <= nsectors; */
            /*@ ghost mul_monotone(unit, done + i + 1, nsectors); */
            /*@ assert unit_fits: unit * (done + i) + unit <= unit * nsectors; */
            if (nb >= 4) {
                (void)y_run(rk, nr, dec, out, in, nb, t);
            } else {
                /* 1..3 blocks: the xmm path (no 256-bit access past the unit). */
                __m128i tt[3];
                tt[0] = t;
                tt[1] = x_mul_x(t);
                tt[2] = x_mul_x(tt[1]);
                switch (nb) {
                case 1: x_chunk(rk, nr, KS, dec, 1, out, in, tt); break;
                case 2: x_chunk(rk, nr, KS, dec, 2, out, in, tt); break;
                default: x_chunk(rk, nr, KS, dec, 3, out, in, tt); break;
                }
            }
            in += unit;
            out += unit;
        }
    }
    wipe_vectors(tweaks, sizeof tweaks);
}

X86_DATA_ENTRY_POINTS(vaes256, y_blocks, y_sectors)

/*
 * scrub (backend.h), run by the mode layer last in each public call: zeroes
 * the dead frames below the caller (spilled round keys and tweaks: none
 * deeper than about 1.3 KiB in tests/test_scrub.c), then every vector
 * register.
 */
static void vaes256_scrub(void)
{
    __attribute__((aligned(32))) uint8_t dead_frames[1536];
    wipe_vectors(dead_frames, sizeof dead_frames);
    vxts_cpu_scrub_vectors();
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

#else /* not x86-64 */

VXTS_ABSENT_BACKEND(vaes256);

#endif
