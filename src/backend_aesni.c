/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The aesni backend: XTS-AES on 128-bit xmm registers with AES-NI
 * (IEEE Std 1619-2018 §5.3/§5.4, NIST SP 800-38E), for x86-64 CPUs without
 * VAES. Compiled with $(ISA_aesni) only (-maes -mpclmul -msse4.1): legacy
 * SSE encodings, no AVX.
 *
 * Throughput: AESENC/AESDEC have latency 4 and issue 2 per cycle on Zen 3/4
 * and Ice Lake or later, so 8 independent blocks are kept in flight. The
 * main loop handles one chunk of 8 blocks per iteration and its counter is
 * the number of chunks left; then one straight-line branch per leftover
 * count 1..7. Ciphertext stealing is the mode layer's (mode.c).
 * What the main loop does to approach 2 AES instructions per cycle (each
 * step measured on Zen 4; see chunk8):
 *  - every round key is loaded once per chunk into a register, not used as
 *    a memory operand by each block: the two 128-bit loads per cycle would
 *    otherwise be the limit;
 *  - the tweaks of the next chunk are computed while the rounds run, in
 *    general-purpose registers for AES-256 and in an xmm register, moving
 *    by alpha^8 per chunk, for AES-128; a serial xmm chain of 8 alpha steps
 *    per chunk stalled the AES pipes;
 *  - the tweak is folded into the first and the last round keys.
 *
 * Constant time: AES-NI has no data-dependent timing; branches, loop bounds
 * and addresses depend only on lengths, the sector count and the AES key
 * length (10 or 14 rounds). No load or store leaves [in, in+16n) and
 * [out, out+16n).
 *
 * Key schedule: the layout of aes_x86.h, one copy of each round key
 * (16 bytes apart), 720 bytes in all; every load is MOVDQU.
 */
#include "backend.h"

#if defined(__x86_64__)

#include <string.h>

#include "aes_x86.h"
#include "cpu_x86.h"

#define KS 16 /* bytes from one round key to the next */
#define SCHED_ENC1 X86_ENC1(KS)
#define SCHED_DEC1 X86_DEC1(KS)
#define SCHED_ENC2 X86_ENC2(KS)
#define CHUNK 8 /* blocks in flight */

static void aesni_setup(vxts_key *k, const uint8_t *key1, const uint8_t *key2)
{
    x86_setup(k, 1, key1, key2);
}

/* ---- tweak arithmetic (IEEE 1619 §5.2) ---------------------------------------------- */

/* t * alpha is aes_x86.h's x_mul_x. */

/*
 * t * alpha^8 = t * x^8: a one-byte shift of the 128-bit value, with the
 * byte shifted out folded back as its carry-less product with 0x87 (at most
 * 15 bits, so one PCLMULQDQ on the low halves). Latency about 7 cycles
 * against 32 for eight x_mul_x steps in a row.
 */
/*@ assigns \nothing; */
ALWAYS_INLINE __m128i mul_alpha8(__m128i t)
{
    const __m128i poly = _mm_set_epi64x(0, 0x87);
    __m128i carry = _mm_clmulepi64_si128(_mm_srli_si128(t, 15), poly, 0x00);
    return _mm_xor_si128(_mm_slli_si128(t, 1), carry);
}

/* ---- AES passes ------------------------------------------------------------------------ */

/*
 * Round key r of the schedule at kp. MOVDQU cannot be folded into a legacy
 * SSE AESENC, so each round key is loaded once into a register and used by
 * all blocks of the pass: one load per round, not one per block and round.
 * (Zen 4 sustains two 128-bit loads per cycle; with 8 blocks, a memory
 * operand per AESENC would need 15 loads per 7-cycle block and cap the
 * speed at 0.93 of the AES limit before anything else is counted.)
 */
/*@ requires 0 <= r <= 14 && \valid_read(kp + (16 * r .. 16 * r + 15));
    assigns \nothing; */
ALWAYS_INLINE __m128i round_key(const uint8_t *kp, int r)
{
    return _mm_loadu_si128((const __m128i *)(const void *)(kp + 16 * r));
}

/* Hides p's value from the optimiser, so that round-key loads stay inside the loop (see round_key). */
#define OPAQUE(p) __asm__("" : "+r"(p))

/*
 * XTS-AES-blockEnc / blockDec (IEEE 1619 §5.3.1 steps 2-4, §5.4.1) on nb
 * (1..8) independent blocks: block i at in + i*stride, out + i*stride, tweak t[i]:
 *     out_i = AES(in_i ^ t_i) ^ t_i
 * The round keys absorb the tweak XORs: the first XOR is in ^ (t ^ key[0]);
 * AESENCLAST/AESDECLAST takes key[nr] ^ t as its round key. kp: the Key1
 * schedule (ENC1, or DEC1 when decrypt). nb, nr, decrypt and stride are
 * constants after inlining: straight-line code with nb AES chains.
 */
/*@ requires 1 <= nr <= 14 && 1 <= nb <= CHUNK && stride <= 16777216;
    requires \valid_read(kp + (0 .. 16 * nr + 15)) && \valid_read(t + (0 .. nb - 1));
    requires \valid_read(in + (0 .. (nb - 1) * stride + 15)) && \valid(out + (0 .. (nb - 1) * stride + 15));
    assigns out[0 .. (nb - 1) * stride + 15]; */
ALWAYS_INLINE void xts_pass(const uint8_t *kp, const int nr, const int decrypt, uint8_t *out,
                            const uint8_t *in, const size_t stride, const __m128i *t, const int nb)
{
    __m128i s[CHUNK], key = round_key(kp, 0);
    int i, r;
    UNROLL
    /*@ loop invariant 0 <= i <= nb;
        loop assigns i, s[0 .. CHUNK - 1];
        loop variant nb - i; */
    for (i = 0; i < nb; i++)
        s[i] = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)(in + (size_t)i * stride)),
                             _mm_xor_si128(t[i], key));
    UNROLL
    /*@ loop invariant 1 <= r <= nr;
        loop assigns r, i, key, s[0 .. CHUNK - 1];
        loop variant nr - r; */
    for (r = 1; r < nr; r++) {
        key = round_key(kp, r);
        UNROLL
        /*@ loop invariant 0 <= i <= nb;
            loop assigns i, s[0 .. CHUNK - 1];
            loop variant nb - i; */
        for (i = 0; i < nb; i++)
            s[i] = x_round(s[i], key, decrypt);
    }
    key = round_key(kp, nr);
    UNROLL
    /*@ loop invariant 0 <= i <= nb;
        loop assigns i, s[0 .. CHUNK - 1];
        loop variant nb - i; */
    for (i = 0; i < nb; i++)
        s[i] = x_last(s[i], _mm_xor_si128(key, t[i]), decrypt);
    UNROLL
    /*@ loop invariant 0 <= i <= nb;
        loop assigns i, out[0 .. (nb - 1) * stride + 15];
        loop variant nb - i; */
    for (i = 0; i < nb; i++)
        _mm_storeu_si128((__m128i *)(void *)(out + (size_t)i * stride), s[i]);
}

/* Plain AES encryption of nb blocks held in registers: the tweak pass E_K2. */
/*@ requires 1 <= nr <= 14 && 1 <= nb <= CHUNK;
    requires \valid_read(kp + (0 .. 16 * nr + 15)) && \valid(s + (0 .. nb - 1));
    assigns s[0 .. nb - 1]; */
ALWAYS_INLINE void aes_encrypt_lanes(const uint8_t *kp, const int nr, __m128i *s, const int nb)
{
    __m128i key = round_key(kp, 0);
    int i, r;
    UNROLL
    /*@ loop invariant 0 <= i <= nb;
        loop assigns i, s[0 .. nb - 1];
        loop variant nb - i; */
    for (i = 0; i < nb; i++)
        s[i] = _mm_xor_si128(s[i], key);
    UNROLL
    /*@ loop invariant 1 <= r <= nr;
        loop assigns r, i, key, s[0 .. nb - 1];
        loop variant nr - r; */
    for (r = 1; r < nr; r++) {
        key = round_key(kp, r);
        UNROLL
        /*@ loop invariant 0 <= i <= nb;
            loop assigns i, s[0 .. nb - 1];
            loop variant nb - i; */
        for (i = 0; i < nb; i++)
            s[i] = _mm_aesenc_si128(s[i], key);
    }
    key = round_key(kp, nr);
    UNROLL
    /*@ loop invariant 0 <= i <= nb;
        loop assigns i, s[0 .. nb - 1];
        loop variant nb - i; */
    for (i = 0; i < nb; i++)
        s[i] = _mm_aesenclast_si128(s[i], key);
}

/* t[0..nb) = T, T a, ..., T a^(nb-1); returns T a^nb. */
/*@ requires 1 <= nb <= CHUNK && \valid(t + (0 .. nb - 1));
    assigns t[0 .. nb - 1]; */
ALWAYS_INLINE __m128i next_tweaks(__m128i *t, __m128i T, const int nb)
{
    int i;
    UNROLL
    /*@ loop invariant 0 <= i <= nb;
        loop assigns i, T, t[0 .. nb - 1];
        loop variant nb - i; */
    for (i = 0; i < nb; i++) {
        t[i] = T;
        T = x_mul_x(T);
    }
    return T;
}

/*
 * The main loop's tweak chain, in general-purpose registers. It holds
 * y = T ^ K, with K = key[nr] the last round key (see chunk8), as two
 * 64-bit halves (y[0] = bits 0..63). One step writes y to dst and moves to
 * the next block:  y <- alpha(y ^ K) ^ K = alpha(y) ^ c,  c = alpha(K) ^ K
 * (alpha is linear). The integer ALUs are otherwise idle in the main loop,
 * so these steps take nothing from the AES pipes.
 */
/*@ requires \valid(v + (0 .. 1));
    assigns v[0 .. 1]; */
ALWAYS_INLINE void mul_alpha_u64(uint64_t v[2])
{
    uint64_t reduce = (0u - (v[1] >> 63)) & 0x87u;
    v[1] = (v[1] << 1) | (v[0] >> 63);
    v[0] = (v[0] << 1) ^ reduce;
}

/*@ requires \valid(y + (0 .. 1)) && \valid_read(c + (0 .. 1)) && \valid(dst + (0 .. 1));
    assigns y[0 .. 1], dst[0 .. 1]; */
ALWAYS_INLINE void y_step(uint64_t y[2], const uint64_t c[2], uint64_t *dst)
{
    dst[0] = y[0];
    dst[1] = y[1];
    mul_alpha_u64(y);
    y[0] ^= c[0];
    y[1] ^= c[1];
}

/*
 * AES-128 has 10 AES instructions per block against 14 in AES-256: fewer
 * cycles per block to spend on everything else. There the chain runs in an
 * xmm register, which needs fewer instructions than the integer steps: it
 * moves by alpha^8 per chunk (mul_alpha8), and the chunk's 8 tweaks are
 * computed from it with x_mul_x, off the loop-carried path. Measured on
 * Zen 4, each choice is the faster one for its key size.
 */
#define XMM_CHAIN(nr) ((nr) == 10)

/* State of the main loop shared by the blocks and the sector kernels. */
typedef struct {
    const uint8_t *kp;         /* Key1 schedule: ENC1, or DEC1 when decrypting */
    __m128i key_last, D;       /* K = key[nr];  D = key[0] ^ K */
    uint64_t k[2], c[2];       /* K and c = alpha(K) ^ K as 64-bit halves */
    uint64_t y[2];             /* the chain: y of the next block to be given a tweak */
    __m128i T;                 /* the same chain as a tweak in an xmm register (XMM_CHAIN) */
    uint64_t *y_cur, *y_next;  /* y of this chunk's 8 blocks / of the next chunk's, in y_buf */
    uint64_t (*y_buf)[2 * CHUNK];
} main_loop;

/* The y buffers of m: its two halves of 8 y values, apart from m itself;
   nr rounds of round keys at m->kp. */
/*@ predicate main_loop_bufs(main_loop *m) =
      \valid(m) && \valid(m->y_buf + (0 .. 1)) && \separated(m, m->y_buf + (0 .. 1)) &&
      ((m->y_cur == &m->y_buf[0][0] && m->y_next == &m->y_buf[1][0]) ||
       (m->y_cur == &m->y_buf[1][0] && m->y_next == &m->y_buf[0][0]));
    predicate main_loop_ok(main_loop *m, integer nr) =
      main_loop_bufs(m) && 1 <= nr <= 14 && \valid_read(m->kp + (0 .. 16 * nr + 15));
*/

/* y_buf: two 16-byte aligned buffers of 8 y values, on the caller's stack. */
/*@ requires \valid(m) && \valid(y_buf + (0 .. 1)) && \separated(m, y_buf + (0 .. 1));
    requires 1 <= nr <= 14 && \valid_read(kp + (0 .. 16 * nr + 15));
    assigns *m;
    ensures main_loop_ok(m, nr) && m->kp == kp && m->y_buf == y_buf; */
ALWAYS_INLINE void main_loop_init(main_loop *m, uint64_t y_buf[2][2 * CHUNK], const uint8_t *kp, const int nr)
{
    m->kp = kp;
    m->key_last = round_key(kp, nr);
    m->D = _mm_xor_si128(round_key(kp, 0), m->key_last);
    memcpy(m->k, kp + 16 * nr, 16); /* little-endian halves (x86) */
    m->c[0] = m->k[0];
    m->c[1] = m->k[1];
    mul_alpha_u64(m->c);
    m->c[0] ^= m->k[0];
    m->c[1] ^= m->k[1];
    m->y_buf = y_buf;
    m->y_cur = y_buf[0];
    m->y_next = y_buf[1];
}

/*
 * y_cur for the first chunk, from its tweak T in an xmm register: 16-byte
 * stores, which chunk8's 16-byte loads forward from without a stall. The
 * chain continues at T a^8.
 */
/*@ requires main_loop_bufs(m);
    assigns m->y[0 .. 1], m->T, m->y_cur[0 .. 2 * CHUNK - 1]; */
ALWAYS_INLINE void main_loop_first_tweaks(main_loop *m, __m128i T)
{
    _Alignas(16) uint64_t y8[2];
    int i;
    UNROLL
    /*@ loop invariant 0 <= i <= CHUNK;
        loop assigns i, T, m->y_cur[0 .. 2 * CHUNK - 1];
        loop variant CHUNK - i; */
    for (i = 0; i < CHUNK; i++) {
        _mm_store_si128((__m128i *)(void *)(m->y_cur + 2 * i), _mm_xor_si128(T, m->key_last));
        T = x_mul_x(T);
    }
    _mm_store_si128((__m128i *)(void *)y8, _mm_xor_si128(T, m->key_last));
    m->y[0] = y8[0];
    m->y[1] = y8[1];
    m->T = T;
}

/* The chain restarts at tweak T (16 bytes, little-endian): a new data unit. */
/*@ requires \valid(m) && \valid_read(T + (0 .. 1));
    assigns m->y[0 .. 1], m->T; */
ALWAYS_INLINE void main_loop_restart(main_loop *m, const uint64_t T[2])
{
    m->y[0] = T[0] ^ m->k[0];
    m->y[1] = T[1] ^ m->k[1];
    m->T = _mm_load_si128((const __m128i *)(const void *)T);
}

/* The tweak of the next block: T = y ^ K. */
/*@ requires \valid_read(m);
    assigns \nothing; */
ALWAYS_INLINE __m128i main_loop_tweak(const main_loop *m, const int nr)
{
    if (XMM_CHAIN(nr))
        return m->T;
    return _mm_set_epi64x((long long)(m->y[1] ^ m->k[1]), (long long)(m->y[0] ^ m->k[0]));
}

/*
 * Overwrites the y buffers (tweaks masked only by a round key) before the
 * stack frame is released; the empty asm that reads the buffer keeps the
 * compiler from dropping the stores as dead.
 */
/*@ requires main_loop_bufs(m);
    assigns m->y_buf[0 .. 1][0 .. 2 * CHUNK - 1]; */
ALWAYS_INLINE void main_loop_wipe(main_loop *m)
{
    int i;
    UNROLL
    /*@ loop invariant 0 <= i <= 2 * CHUNK;
        loop assigns i, m->y_buf[0 .. 1][0 .. 2 * CHUNK - 1];
        loop variant 2 * CHUNK - i; */
    for (i = 0; i < 2 * CHUNK; i++)
        _mm_store_si128((__m128i *)(void *)(&m->y_buf[0][0] + 2 * i), _mm_setzero_si128());
    /*@ assigns \nothing; */ /* an empty template: no instruction */
    __asm__ volatile("" : : "r"(m->y_buf) : "memory");
}

/*
 * One main-loop chunk: 8 consecutive blocks at in, out, whose tweaks T_i
 * are given as y_cur[i] = T_i ^ K. Since in_i ^ T_i ^ key[0] = in_i ^ y_i ^ D,
 * the whitening is two PXORs, and the last round takes y_i as its round key,
 * which XORs T_i back for free (IEEE 1619 §5.3.1 steps 2-4, §5.4.1).
 * With with_next, the integer unit writes y_next for the next 8 blocks while
 * the rounds run (one step after each of rounds 1..8). y_next is read one
 * chunk later, so its two 8-byte stores have left the store queue before
 * the 16-byte load needs them. The last chunk of a call has with_next = 0.
 * The 8 blocks, nr, decrypt and with_next are constants after inlining.
 */
/*@ requires 1 <= nr <= 14 && main_loop_ok(m, nr);
    requires \valid_read(in + (0 .. 16 * CHUNK - 1)) && \valid(out + (0 .. 16 * CHUNK - 1));
    requires \separated(out + (0 .. 16 * CHUNK - 1), m, m->y_buf + (0 .. 1));
    assigns out[0 .. 16 * CHUNK - 1], *m, m->y_buf[0 .. 1][0 .. 2 * CHUNK - 1];
    ensures main_loop_ok(m, nr) && m->kp == \old(m->kp) && m->y_buf == \old(m->y_buf); */
ALWAYS_INLINE void chunk8(main_loop *m, const int nr, const int decrypt, uint8_t *out, const uint8_t *in,
                          const int with_next)
{
    const uint8_t *kp = m->kp;
    __m128i s[CHUNK], key, leaf = _mm_setzero_si128();
    int i, r;

    /*@ assigns \nothing; */ /* an empty template: no instruction */
    OPAQUE(kp); /* the round keys are loaded in every chunk, once per round */
    UNROLL
    /*@ loop invariant 0 <= i <= CHUNK;
        loop assigns i, s[0 .. CHUNK - 1];
        loop variant CHUNK - i; */
    for (i = 0; i < CHUNK; i++) {
        __m128i x = _mm_xor_si128(_mm_load_si128((const __m128i *)(const void *)(m->y_cur + 2 * i)), m->D);
        s[i] = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)(in + 16 * i)), x);
    }
    UNROLL
    /*@ loop invariant 1 <= r <= nr && main_loop_ok(m, nr) && kp == m->kp;
        loop invariant m->y_buf == \at(m->y_buf, Pre);
        loop assigns r, i, key, leaf, s[0 .. CHUNK - 1], m->y[0 .. 1], m->T, m->y_next[0 .. 2 * CHUNK - 1];
        loop variant nr - r; */
    for (r = 1; r < nr; r++) {
        key = round_key(kp, r);
        UNROLL
        /*@ loop invariant 0 <= i <= CHUNK;
            loop assigns i, s[0 .. CHUNK - 1];
            loop variant CHUNK - i; */
        for (i = 0; i < CHUNK; i++)
            s[i] = x_round(s[i], key, decrypt);
        if (with_next && r <= CHUNK && XMM_CHAIN(nr)) {
            if (r == 1) { /* the chain moves by alpha^8; the 8 tweaks hang off it */
                leaf = m->T;
                m->T = mul_alpha8(m->T);
            }
            _mm_store_si128((__m128i *)(void *)(m->y_next + 2 * (r - 1)), _mm_xor_si128(leaf, m->key_last));
            leaf = x_mul_x(leaf);
        } else if (with_next && r <= CHUNK) {
            y_step(m->y, m->c, m->y_next + 2 * (r - 1));
        }
    }
    UNROLL
    /*@ loop invariant 0 <= i <= CHUNK;
        loop assigns i, out[0 .. 16 * CHUNK - 1];
        loop variant CHUNK - i; */
    for (i = 0; i < CHUNK; i++) {
        __m128i y = _mm_load_si128((const __m128i *)(const void *)(m->y_cur + 2 * i));
        _mm_storeu_si128((__m128i *)(void *)(out + 16 * i), x_last(s[i], y, decrypt));
    }
    if (with_next) {
        uint64_t *swap = m->y_cur;
        m->y_cur = m->y_next;
        m->y_next = swap;
    }
}

/* ---- kernels ----------------------------------------------------------------------------- */

/*
 * encrypt_tweak: tweak <- E_K2(tweak)   (IEEE 1619 §5.3.1 step 1, §5.4.1 step 1)
 * In: k (Key2 round keys at SCHED_ENC2), tweak = i as 16 bytes; out: the
 * same 16 bytes. One xmm register holds the block, the round keys are
 * loaded into registers ahead of use: latency bound, nr + 1 dependent steps.
 */
static void aesni_encrypt_tweak(const vxts_key *k, uint8_t tweak[16])
{
    x86_encrypt_tweak(k, KS, tweak);
}

/*
 * The 0..7 blocks after the main loop, tweaks from T (xmm); one
 * straight-line body per count. Returns T a^(nblocks mod 8).
 */
/*@ requires 1 <= nr <= 14 && count <= CHUNK - 1 && \valid_read(kp + (0 .. 16 * nr + 15));
    requires \valid_read(in + (0 .. 16 * count - 1)) && \valid(out + (0 .. 16 * count - 1));
    assigns out[0 .. 16 * count - 1]; */
ALWAYS_INLINE __m128i leftover_blocks(const uint8_t *kp, const int nr, const int decrypt, uint8_t *out,
                                      const uint8_t *in, size_t count, __m128i T)
{
    __m128i t[CHUNK];
    switch (count) {
    case 1:
        T = next_tweaks(t, T, 1);
        xts_pass(kp, nr, decrypt, out, in, 16, t, 1);
        break;
    case 2:
        T = next_tweaks(t, T, 2);
        xts_pass(kp, nr, decrypt, out, in, 16, t, 2);
        break;
    case 3:
        T = next_tweaks(t, T, 3);
        xts_pass(kp, nr, decrypt, out, in, 16, t, 3);
        break;
    case 4:
        T = next_tweaks(t, T, 4);
        xts_pass(kp, nr, decrypt, out, in, 16, t, 4);
        break;
    case 5:
        T = next_tweaks(t, T, 5);
        xts_pass(kp, nr, decrypt, out, in, 16, t, 5);
        break;
    case 6:
        T = next_tweaks(t, T, 6);
        xts_pass(kp, nr, decrypt, out, in, 16, t, 6);
        break;
    case 7:
        T = next_tweaks(t, T, 7);
        xts_pass(kp, nr, decrypt, out, in, 16, t, 7);
        break;
    default:
        break;
    }
    return T;
}

/*
 * encrypt_blocks / decrypt_blocks (IEEE 1619 §5.3.2 / §5.4.2 for whole
 * blocks; backend.h contract):
 *     out_j = AES_K1(in_j ^ T a^j) ^ T a^j  for j < n,  then tweak <- T a^n
 * In: in[0, 16n), tweak = T (16 bytes, little-endian); n >= 0; out == in
 * allowed (each chunk is read before it is written).
 * Main loop: one chunk of 8 blocks per iteration (chunk8), the counter is
 * the number of chunks left; then leftover_blocks for the n mod 8 others.
 * Registers in the main loop (gcc 12 -O2, AES-256): 8 xmm registers hold
 * the block states, one the round key of the current round (a MOVDQU per
 * round), the others D and temporaries; general-purpose registers hold the chain
 * y, c and K (two each), in, out, the key and y-buffer pointers and the
 * chunk counter. The y values of the current and of the next chunk sit in
 * two 128-byte stack buffers and are PXOR and AESENCLAST memory operands.
 * AES-128 keeps the xmm chain and its mask in xmm registers instead.
 */
/*@ requires (nr == 10 || nr == 14) && nblocks <= 1048576 && \valid_read(k);
    requires \valid_read(in + (0 .. 16 * nblocks - 1)) && \valid(out + (0 .. 16 * nblocks - 1));
    requires tweak_bytes: \valid(tweak + (0 .. 15));
    assigns out[0 .. 16 * nblocks - 1], tweak[0 .. 15]; */
ALWAYS_INLINE void blocks_impl(const vxts_key *k, const int nr, const int decrypt, uint8_t *out,
                               const uint8_t *in, size_t nblocks, uint8_t tweak[16])
{
    const uint8_t *kp = k->schedule.bytes + (decrypt ? SCHED_DEC1 : SCHED_ENC1);
    __m128i T = _mm_loadu_si128((const __m128i *)(void *)tweak);
    size_t chunks_left = nblocks / CHUNK;

    if (chunks_left != 0) {
        _Alignas(16) uint64_t y_buf[2][2 * CHUNK];
        main_loop m;
        main_loop_init(&m, y_buf, kp, nr);
        main_loop_first_tweaks(&m, T);
        /*@ loop invariant 1 <= chunks_left <= nblocks / CHUNK;
            loop invariant in == \at(in, Pre) + 16 * CHUNK * (nblocks / CHUNK - chunks_left);
            loop invariant out == \at(out, Pre) + 16 * CHUNK * (nblocks / CHUNK - chunks_left);
            loop invariant main_loop_ok(&m, nr) && m.y_buf == y_buf;
            loop assigns chunks_left, in, out, m, y_buf[0 .. 1][0 .. 2 * CHUNK - 1],
                         \at(out, Pre)[0 .. 16 * nblocks - 1];
            loop variant chunks_left; */
        for (; chunks_left > 1; chunks_left--) {
            /*@ assert room_chunk: 16 * CHUNK * (nblocks / CHUNK - chunks_left) + 16 * CHUNK <= 16 * nblocks; */
            chunk8(&m, nr, decrypt, out, in, 1);
            in += 16 * CHUNK;
            out += 16 * CHUNK;
        }
        chunk8(&m, nr, decrypt, out, in, 0);
        in += 16 * CHUNK;
        out += 16 * CHUNK;
        T = main_loop_tweak(&m, nr); /* T a^(8 * chunks) */
        main_loop_wipe(&m);
    }
    T = leftover_blocks(kp, nr, decrypt, out, in, nblocks % CHUNK, T);
    _mm_storeu_si128((__m128i *)(void *)tweak, T);
}

/*
 * encrypt_sectors / decrypt_sectors (backend.h contract; dm-crypt plain64):
 * nsectors data units of sector_blocks whole blocks, unit s with the tweak
 * E_K2(le128(first_sector + s)) (IEEE 1619 §5.3.1 step 1, then §5.3.2).
 * Preconditions: nsectors >= 1, 1 <= sector_blocks <= 2^20,
 * first_sector + nsectors - 1 <= 2^64 - 1; out == in allowed.
 * Sector tweaks are encrypted 8 at a time, in one 8-way AES pass; lanes past
 * the last sector encrypt numbers that are never used (and may wrap).
 */
/*@ requires 1 <= nr <= 14 && \valid_read(kp2 + (0 .. 16 * nr + 15)) && \valid(out + (0 .. CHUNK - 1));
    assigns out[0 .. CHUNK - 1][0 .. 1]; */
ALWAYS_INLINE void sector_tweaks(const uint8_t *kp2, const int nr, uint64_t first, uint64_t out[CHUNK][2])
{
    __m128i t[CHUNK];
    int i;
    UNROLL
    /*@ loop invariant 0 <= i <= CHUNK;
        loop assigns i, t[0 .. CHUNK - 1];
        loop variant CHUNK - i; */
    for (i = 0; i < CHUNK; i++)
        t[i] = _mm_set_epi64x(0, (long long)(first + (uint64_t)i)); /* le128(first + i) */
    aes_encrypt_lanes(kp2, nr, t, CHUNK);
    UNROLL
    /*@ loop invariant 0 <= i <= CHUNK;
        loop assigns i, out[0 .. CHUNK - 1][0 .. 1];
        loop variant CHUNK - i; */
    for (i = 0; i < CHUNK; i++)
        _mm_store_si128((__m128i *)(void *)out[i], t[i]);
}

/*
 * Sectors of a multiple of 8 blocks: all sectors form one stream of chunks
 * through the main loop, so 8 AES chains stay in flight across sector
 * boundaries. Before the last chunk of a sector, the chain restarts at the
 * next sector's tweak, so that chunk8 writes the next sector's first y.
 * The tweaks of sectors 8g..8g+15 (groups g and g + 1) sit in a 16-entry
 * ring; group g + 1 is encrypted when group g begins, long before it is
 * needed.
 */
/*@ requires (nr == 10 || nr == 14) && \valid_read(k);
    requires 1 <= nsectors && 1 <= sector_blocks <= 1048576 && sector_blocks % CHUNK == 0;
    requires 16 * sector_blocks * nsectors <= SIZE_MAX;
    requires \valid_read(in + (0 .. 16 * sector_blocks * nsectors - 1));
    requires \valid(out + (0 .. 16 * sector_blocks * nsectors - 1));
    assigns out[0 .. 16 * sector_blocks * nsectors - 1]; */
ALWAYS_INLINE void sectors_stream(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t nsectors,
                                  size_t sector_blocks, uint64_t first_sector, const int nr,
                                  const int decrypt)
{
    const uint8_t *kp2 = k->schedule.bytes + SCHED_ENC2;
    const size_t chunks_per_sector = sector_blocks / CHUNK;
    size_t chunks_left = nsectors * chunks_per_sector, chunks_left_in_sector = chunks_per_sector;
    size_t sector = 0; /* relative to first_sector */
    _Alignas(16) uint64_t ring[2 * CHUNK][2], y_buf[2][2 * CHUNK];
    main_loop m;

    main_loop_init(&m, y_buf, k->schedule.bytes + (decrypt ? SCHED_DEC1 : SCHED_ENC1), nr);
    sector_tweaks(kp2, nr, first_sector, ring);
    sector_tweaks(kp2, nr, first_sector + CHUNK, ring + CHUNK);
    main_loop_first_tweaks(&m, _mm_load_si128((const __m128i *)(const void *)ring[0]));
    /*@ assert stream_bytes: 16 * sector_blocks * nsectors == 16 * CHUNK * (nsectors * chunks_per_sector); */
    /*@ loop invariant 1 <= chunks_left <= nsectors * chunks_per_sector;
        loop invariant 1 <= chunks_left_in_sector <= chunks_per_sector;
        loop invariant sector <= nsectors * chunks_per_sector - chunks_left;
        loop invariant in == \at(in, Pre) + 16 * CHUNK * (nsectors * chunks_per_sector - chunks_left);
        loop invariant out == \at(out, Pre) + 16 * CHUNK * (nsectors * chunks_per_sector - chunks_left);
        loop invariant main_loop_ok(&m, nr) && m.y_buf == y_buf;
        loop assigns chunks_left, chunks_left_in_sector, sector, in, out, m, ring[0 .. 2 * CHUNK - 1][0 .. 1],
                     y_buf[0 .. 1][0 .. 2 * CHUNK - 1], \at(out, Pre)[0 .. 16 * sector_blocks * nsectors - 1];
        loop variant chunks_left; */
    for (; chunks_left > 1; chunks_left--) {
        if (chunks_left_in_sector == 1)
            main_loop_restart(&m, ring[(sector + 1) % (2 * CHUNK)]);
        /*@ assert room_chunk: 16 * CHUNK * (nsectors * chunks_per_sector - chunks_left) + 16 * CHUNK <=
              16 * sector_blocks * nsectors; */
        chunk8(&m, nr, decrypt, out, in, 1);
        in += 16 * CHUNK;
        out += 16 * CHUNK;
        if (--chunks_left_in_sector == 0) {
            chunks_left_in_sector = chunks_per_sector;
            sector++;
            /*@ assert ring_half: sector % CHUNK == 0 ==>
                  (sector + CHUNK) % (2 * CHUNK) == 0 || (sector + CHUNK) % (2 * CHUNK) == CHUNK; */
            if (sector % CHUNK == 0) /* group g = sector / 8 begins: encrypt group g + 1 */
                sector_tweaks(kp2, nr, first_sector + sector + CHUNK, ring + (sector + CHUNK) % (2 * CHUNK));
        }
    }
    chunk8(&m, nr, decrypt, out, in, 0);
    main_loop_wipe(&m);
    vxts_memzero(ring, sizeof ring);
}

/*
 * Sectors of a multiple of 8 blocks go to sectors_stream. Other sectors
 * under LOCKSTEP_MAX_BLOCKS blocks run 8 in lock-step: step j is block j of
 * all 8 sectors as one 8-block pass (stride = sector size), each sector's
 * tweak advancing by alpha, so 8 AES chains are in flight however small the
 * sectors are (registers: 8 block states, the round key of the round; the
 * 8 tweaks on the stack). Larger ones, and a last group of fewer than 8
 * sectors, go sector by sector through blocks_impl, whose main loop is
 * faster once a sector has enough chunks to pay for its start (measured
 * crossover on Zen 4: between 33 and 65 blocks).
 */
#define LOCKSTEP_MAX_BLOCKS 64

/* Sectors of the groups before the one that groups_left counts down to (logic, for the proofs). */
/*@ logic integer sectors_done(integer nsectors, integer groups_left) =
      CHUNK * ((nsectors + CHUNK - 1) / CHUNK - groups_left); */

/*@ requires (nr == 10 || nr == 14) && \valid_read(k);
    requires 1 <= nsectors && 1 <= sector_blocks <= 1048576;
    requires 16 * sector_blocks * nsectors <= SIZE_MAX;
    requires \valid_read(in + (0 .. 16 * sector_blocks * nsectors - 1));
    requires \valid(out + (0 .. 16 * sector_blocks * nsectors - 1));
    assigns out[0 .. 16 * sector_blocks * nsectors - 1]; */
ALWAYS_INLINE void sectors_impl(const vxts_key *k, const int nr, const int decrypt, uint8_t *out,
                                const uint8_t *in, size_t nsectors, size_t sector_blocks, uint64_t first_sector)
{
    const uint8_t *kp = k->schedule.bytes + (decrypt ? SCHED_DEC1 : SCHED_ENC1);
    const uint8_t *kp2 = k->schedule.bytes + SCHED_ENC2;
    const size_t unit = sector_blocks * 16;
    size_t groups_left = (nsectors + CHUNK - 1) / CHUNK, in_group, s, steps_left;
    _Alignas(16) uint64_t tweaks[CHUNK][2];
    __m128i t[CHUNK];

    /*@ assert unit: unit == 16 * sector_blocks; */
    if (sector_blocks % CHUNK == 0) {
        sectors_stream(k, out, in, nsectors, sector_blocks, first_sector, nr, decrypt);
        return;
    }
    /*@ loop invariant 0 <= groups_left <= (nsectors + CHUNK - 1) / CHUNK;
        loop invariant groups_left != 0 ==> in == \at(in, Pre) + unit * sectors_done(nsectors, groups_left);
        loop invariant groups_left != 0 ==> out == \at(out, Pre) + unit * sectors_done(nsectors, groups_left);
        loop assigns groups_left, in_group, s, steps_left, first_sector, in, out, tweaks[0 .. CHUNK - 1][0 .. 1],
                     ((uint8_t *)tweaks)[0 .. 16 * CHUNK - 1],
                     t[0 .. CHUNK - 1], \at(out, Pre)[0 .. 16 * sector_blocks * nsectors - 1];
        loop variant groups_left; */
    for (; groups_left != 0; groups_left--) {
        in_group = groups_left == 1 ? nsectors - (nsectors - 1) / CHUNK * CHUNK : CHUNK;
        /*@ assert room: 1 <= in_group <= CHUNK && sectors_done(nsectors, groups_left) + in_group <= nsectors; */
        /*@ assert room_bytes: unit * sectors_done(nsectors, groups_left) + unit * in_group <= unit * nsectors; */
        /*@ assert next_done: sectors_done(nsectors, groups_left - 1) == sectors_done(nsectors, groups_left) + CHUNK; */
        sector_tweaks(kp2, nr, first_sector, tweaks);
        first_sector += CHUNK;
        if (sector_blocks >= LOCKSTEP_MAX_BLOCKS || in_group != CHUNK) {
            /*@ loop invariant 0 <= s <= in_group;
                loop invariant in == \at(in, Pre) + unit * sectors_done(nsectors, groups_left) + unit * s;
                loop invariant out == \at(out, Pre) + unit * sectors_done(nsectors, groups_left) + unit * s;
                loop assigns s, in, out, ((uint8_t *)tweaks)[0 .. 16 * CHUNK - 1],
                             \at(out, Pre)[0 .. 16 * sector_blocks * nsectors - 1];
                loop variant in_group - s; */
            for (s = 0; s < in_group; s++) {
                /*@ assert tweak_u64: \valid(tweaks[s] + (0 .. 1)); */
                /*@ assert room_s: unit * s + unit <= unit * in_group; */
                blocks_impl(k, nr, decrypt, out, in, sector_blocks, (uint8_t *)tweaks[s]);
                in += unit;
                out += unit;
            }
            /*@ assert next_in: groups_left != 1 ==>
                  in == \at(in, Pre) + unit * sectors_done(nsectors, groups_left - 1) &&
                  out == \at(out, Pre) + unit * sectors_done(nsectors, groups_left - 1); */
            continue;
        }
        /*@ loop invariant 0 <= s <= CHUNK;
            loop assigns s, t[0 .. CHUNK - 1];
            loop variant CHUNK - s; */
        for (s = 0; s < CHUNK; s++)
            t[s] = _mm_load_si128((const __m128i *)(const void *)tweaks[s]);
        /*@ loop invariant 0 <= steps_left <= sector_blocks;
            loop invariant in == \at(in, Pre) + unit * sectors_done(nsectors, groups_left) + 16 * (sector_blocks - steps_left);
            loop invariant out == \at(out, Pre) + unit * sectors_done(nsectors, groups_left) + 16 * (sector_blocks - steps_left);
            loop assigns steps_left, s, t[0 .. CHUNK - 1], in, out, \at(out, Pre)[0 .. 16 * sector_blocks * nsectors - 1];
            loop variant steps_left; */
        for (steps_left = sector_blocks; steps_left != 0; steps_left--) {
            /*@ assert room_pass: unit * sectors_done(nsectors, groups_left) + 16 * (sector_blocks - steps_left) +
                  (CHUNK - 1) * unit + 16 <= unit * nsectors; */
            xts_pass(kp, nr, decrypt, out, in, unit, t, CHUNK);
            /*@ loop invariant 0 <= s <= CHUNK;
                loop assigns s, t[0 .. CHUNK - 1];
                loop variant CHUNK - s; */
            for (s = 0; s < CHUNK; s++)
                t[s] = x_mul_x(t[s]);
            in += 16;
            out += 16;
        }
        /* in, out advanced by one sector; skip the other seven. */
        in += (CHUNK - 1) * unit;
        out += (CHUNK - 1) * unit;
        /*@ assert next_in: groups_left != 1 ==>
              in == \at(in, Pre) + unit * sectors_done(nsectors, groups_left - 1) &&
              out == \at(out, Pre) + unit * sectors_done(nsectors, groups_left - 1); */
    }
    vxts_memzero(tweaks, sizeof tweaks);
}

X86_DATA_ENTRY_POINTS(aesni, blocks_impl, sectors_impl)

static int aesni_supported(void)
{
    return vxts_cpu_x86_aesni();
}

/*
 * scrub (backend.h), run by the mode layer last in each public call: zeroes
 * the dead frames below the caller (spilled round keys and tweaks: none
 * deeper than about 1.3 KiB in tests/test_scrub.c), then every vector
 * register.
 */
static void aesni_scrub(void)
{
    __attribute__((aligned(16))) uint8_t dead_frames[1536];
    X86_WIPE(dead_frames, sizeof dead_frames, _mm_setzero_si128());
    vxts_cpu_scrub_vectors();
}

const vxts_backend vxts_backend_aesni = {
    "aesni",
    aesni_supported,
    aesni_setup,
    aesni_encrypt_tweak,
    aesni_encrypt_blocks,
    aesni_decrypt_blocks,
    aesni_encrypt_sectors,
    aesni_decrypt_sectors,
    aesni_scrub,
};

#else /* not x86-64 */

VXTS_ABSENT_BACKEND(aesni);

#endif
