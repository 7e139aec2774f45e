/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Key material must not outlive a call (issue 11, item 5). Right after each
 * public call returns (init, encrypt, decrypt, encrypt_sectors,
 * decrypt_sectors; AES-128 and AES-256; every usable backend), no 16-byte
 * window of any vector register, nor of the dead stack below the caller, may
 * equal key material:
 *   - Key1, Key2 (every 16-byte window of each half key);
 *   - every round key of Key1 and Key2: the FIPS-197 §5.2 encryption
 *     schedule and the §5.3.5 equivalent-inverse-cipher schedule;
 *   - every 16-byte-aligned window of the context's own schedule (a backend's
 *     private layout, e.g. ct64's bitsliced keys), low-entropy windows aside;
 *   - the tweaks of the call: T = E_K2(i) and T * alpha^j up to a few blocks
 *     past the unit's end (IEEE 1619 §5.3.1), for every sector of a
 *     _sectors call.
 *
 * Method: one function (probe) zeroes the vector registers and the stack
 * below its own stack pointer with inline asm, makes the call, and with
 * inline asm again copies all vector registers (zmm0-31 with AVX-512, else
 * ymm0-15 with AVX, else xmm0-15; v0-v31 on AArch64) and the dead stack into
 * static buffers before any other code runs. So whatever is found was left
 * by the call. A planted round key (in the last vector register and in a
 * dead frame) checks first that the snapshots see what they must.
 *
 * Needs the static library (a lazily bound PLT call would spill registers
 * itself) and GCC/clang inline asm on x86-64 or AArch64; elsewhere n/a.
 * Not run under the sanitizers (ASan moves locals off the stack).
 * VXTS_TEST_SCRUB_SHOW=N prints up to N windows found per snapshot (default 12).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "testlib.h"

#define DEAD_STACK_BYTES 65536u /* far deeper than any call's frames */
#define NOINLINE __attribute__((noinline))
#define ALWAYS_INLINE static inline __attribute__((always_inline))
#define TWEAK_MARGIN 8 /* alpha powers checked past a unit's last block */
#define MAX_HITS_KEPT 512 /* per snapshot */

#if (defined(__x86_64__) || defined(__aarch64__)) && (defined(__GNUC__) || defined(__clang__))
#define SCRUB_TEST_SUPPORTED 1
#else
#define SCRUB_TEST_SUPPORTED 0
#endif

/* ---- snapshots ---------------------------------------------------------------- */

static uint8_t vector_image[32 * 64] __attribute__((aligned(64)));
static uint8_t stack_image[DEAD_STACK_BYTES] __attribute__((aligned(64)));
static unsigned vector_count, vector_bytes; /* registers in the image, bytes each */
static const char *vector_name = "?";
static const char *current_backend = "";

#if defined(__x86_64__)
enum { X86_SSE, X86_AVX, X86_AVX512 };
static int x86_level;

/* zmm16-31 are cleared without clobbers: code built without AVX-512 never allocates them. */
ALWAYS_INLINE void vectors_clear(void)
{
    if (x86_level == X86_AVX512)
        __asm__ __volatile__("vpxord %%zmm16, %%zmm16, %%zmm16\n\tvpxord %%zmm17, %%zmm17, %%zmm17\n\t"
                             "vpxord %%zmm18, %%zmm18, %%zmm18\n\tvpxord %%zmm19, %%zmm19, %%zmm19\n\t"
                             "vpxord %%zmm20, %%zmm20, %%zmm20\n\tvpxord %%zmm21, %%zmm21, %%zmm21\n\t"
                             "vpxord %%zmm22, %%zmm22, %%zmm22\n\tvpxord %%zmm23, %%zmm23, %%zmm23\n\t"
                             "vpxord %%zmm24, %%zmm24, %%zmm24\n\tvpxord %%zmm25, %%zmm25, %%zmm25\n\t"
                             "vpxord %%zmm26, %%zmm26, %%zmm26\n\tvpxord %%zmm27, %%zmm27, %%zmm27\n\t"
                             "vpxord %%zmm28, %%zmm28, %%zmm28\n\tvpxord %%zmm29, %%zmm29, %%zmm29\n\t"
                             "vpxord %%zmm30, %%zmm30, %%zmm30\n\tvpxord %%zmm31, %%zmm31, %%zmm31" : : : "cc");
    if (x86_level >= X86_AVX)
        __asm__ __volatile__("vzeroall" ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
                             "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
    else
        __asm__ __volatile__("pxor %%xmm0, %%xmm0\n\tpxor %%xmm1, %%xmm1\n\tpxor %%xmm2, %%xmm2\n\t"
                             "pxor %%xmm3, %%xmm3\n\tpxor %%xmm4, %%xmm4\n\tpxor %%xmm5, %%xmm5\n\t"
                             "pxor %%xmm6, %%xmm6\n\tpxor %%xmm7, %%xmm7\n\tpxor %%xmm8, %%xmm8\n\t"
                             "pxor %%xmm9, %%xmm9\n\tpxor %%xmm10, %%xmm10\n\tpxor %%xmm11, %%xmm11\n\t"
                             "pxor %%xmm12, %%xmm12\n\tpxor %%xmm13, %%xmm13\n\tpxor %%xmm14, %%xmm14\n\t"
                             "pxor %%xmm15, %%xmm15" ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
                             "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14",
                             "xmm15");
}

#define ST_ZMM(n) "vmovdqu64 %%zmm" #n ", " #n "*64(%0)\n\t"
#define ST_YMM(n) "vmovdqu %%ymm" #n ", " #n "*32(%0)\n\t"
#define ST_XMM(n) "movdqu %%xmm" #n ", " #n "*16(%0)\n\t"
ALWAYS_INLINE void vectors_snapshot(void)
{
    if (x86_level == X86_AVX512)
        __asm__ __volatile__(ST_ZMM(0) ST_ZMM(1) ST_ZMM(2) ST_ZMM(3) ST_ZMM(4) ST_ZMM(5) ST_ZMM(6) ST_ZMM(7)
                             ST_ZMM(8) ST_ZMM(9) ST_ZMM(10) ST_ZMM(11) ST_ZMM(12) ST_ZMM(13) ST_ZMM(14)
                             ST_ZMM(15) ST_ZMM(16) ST_ZMM(17) ST_ZMM(18) ST_ZMM(19) ST_ZMM(20) ST_ZMM(21)
                             ST_ZMM(22) ST_ZMM(23) ST_ZMM(24) ST_ZMM(25) ST_ZMM(26) ST_ZMM(27) ST_ZMM(28)
                             ST_ZMM(29) ST_ZMM(30) ST_ZMM(31)
                             : : "r"(vector_image) : "memory");
    else if (x86_level == X86_AVX)
        __asm__ __volatile__(ST_YMM(0) ST_YMM(1) ST_YMM(2) ST_YMM(3) ST_YMM(4) ST_YMM(5) ST_YMM(6) ST_YMM(7)
                             ST_YMM(8) ST_YMM(9) ST_YMM(10) ST_YMM(11) ST_YMM(12) ST_YMM(13) ST_YMM(14)
                             ST_YMM(15) : : "r"(vector_image) : "memory");
    else
        __asm__ __volatile__(ST_XMM(0) ST_XMM(1) ST_XMM(2) ST_XMM(3) ST_XMM(4) ST_XMM(5) ST_XMM(6) ST_XMM(7)
                             ST_XMM(8) ST_XMM(9) ST_XMM(10) ST_XMM(11) ST_XMM(12) ST_XMM(13) ST_XMM(14)
                             ST_XMM(15) : : "r"(vector_image) : "memory");
}

/* [sp - DEAD_STACK_BYTES, sp): no red zone to spare, the probe is not a leaf. */
ALWAYS_INLINE void dead_stack_clear(void)
{
    size_t n = DEAD_STACK_BYTES;
    __asm__ __volatile__("mov %%rsp, %%rdi\n\tsub %%rcx, %%rdi\n\txor %%eax, %%eax\n\trep stosb"
                         : "+c"(n) : : "rdi", "rax", "memory", "cc");
}

ALWAYS_INLINE void dead_stack_snapshot(void)
{
    size_t n = DEAD_STACK_BYTES;
    uint8_t *dst = stack_image;
    __asm__ __volatile__("mov %%rsp, %%rsi\n\tsub %%rcx, %%rsi\n\trep movsb"
                         : "+c"(n), "+D"(dst) : : "rsi", "memory");
}

/* A round key in the last vector register and in a dead frame: what the snapshots must see. */
static NOINLINE void plant(const uint8_t secret[16])
{
    volatile uint8_t frame[256];
    size_t i;
    for (i = 0; i < 16; i++)
        frame[96 + i] = secret[i];
    if (x86_level == X86_AVX512)
        __asm__ __volatile__("vbroadcasti32x4 (%0), %%zmm31" : : "r"(secret) : "memory");
    else
        __asm__ __volatile__("movdqu (%0), %%xmm15" : : "r"(secret) : "memory", "xmm15");
    __asm__ __volatile__("" : : "r"(frame) : "memory");
}

static void vectors_init(void)
{
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        x86_level = X86_AVX512, vector_count = 32, vector_bytes = 64, vector_name = "zmm";
    else if (__builtin_cpu_supports("avx"))
        x86_level = X86_AVX, vector_count = 16, vector_bytes = 32, vector_name = "ymm";
    else
        x86_level = X86_SSE, vector_count = 16, vector_bytes = 16, vector_name = "xmm";
}

#elif defined(__aarch64__)
/* AAPCS64: d8-d15 are callee-saved, so the probe saves them; clearing them here is sound. */
ALWAYS_INLINE void vectors_clear(void)
{
    __asm__ __volatile__("movi v0.2d, #0\n\tmovi v1.2d, #0\n\tmovi v2.2d, #0\n\tmovi v3.2d, #0\n\t"
                         "movi v4.2d, #0\n\tmovi v5.2d, #0\n\tmovi v6.2d, #0\n\tmovi v7.2d, #0\n\t"
                         "movi v8.2d, #0\n\tmovi v9.2d, #0\n\tmovi v10.2d, #0\n\tmovi v11.2d, #0\n\t"
                         "movi v12.2d, #0\n\tmovi v13.2d, #0\n\tmovi v14.2d, #0\n\tmovi v15.2d, #0\n\t"
                         "movi v16.2d, #0\n\tmovi v17.2d, #0\n\tmovi v18.2d, #0\n\tmovi v19.2d, #0\n\t"
                         "movi v20.2d, #0\n\tmovi v21.2d, #0\n\tmovi v22.2d, #0\n\tmovi v23.2d, #0\n\t"
                         "movi v24.2d, #0\n\tmovi v25.2d, #0\n\tmovi v26.2d, #0\n\tmovi v27.2d, #0\n\t"
                         "movi v28.2d, #0\n\tmovi v29.2d, #0\n\tmovi v30.2d, #0\n\tmovi v31.2d, #0" :::
                         "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13",
                         "v14", "v15", "v16", "v17", "v18", "v19", "v20", "v21", "v22", "v23", "v24", "v25", "v26",
                         "v27", "v28", "v29", "v30", "v31");
}

ALWAYS_INLINE void vectors_snapshot(void)
{
    uint8_t *dst = vector_image;
    __asm__ __volatile__("st1 {v0.16b, v1.16b, v2.16b, v3.16b}, [%0], #64\n\t"
                         "st1 {v4.16b, v5.16b, v6.16b, v7.16b}, [%0], #64\n\t"
                         "st1 {v8.16b, v9.16b, v10.16b, v11.16b}, [%0], #64\n\t"
                         "st1 {v12.16b, v13.16b, v14.16b, v15.16b}, [%0], #64\n\t"
                         "st1 {v16.16b, v17.16b, v18.16b, v19.16b}, [%0], #64\n\t"
                         "st1 {v20.16b, v21.16b, v22.16b, v23.16b}, [%0], #64\n\t"
                         "st1 {v24.16b, v25.16b, v26.16b, v27.16b}, [%0], #64\n\t"
                         "st1 {v28.16b, v29.16b, v30.16b, v31.16b}, [%0], #64"
                         : "+r"(dst) : : "memory");
}

/* AAPCS64 has no red zone: below sp is dead. sp is 16-byte aligned. */
ALWAYS_INLINE void dead_stack_clear(void)
{
    __asm__ __volatile__("mov x9, sp\n\tsub x10, x9, %0\n"
                         "1:\tstp xzr, xzr, [x10], #16\n\tcmp x10, x9\n\tb.lo 1b"
                         : : "r"((uint64_t)DEAD_STACK_BYTES) : "x9", "x10", "memory", "cc");
}

ALWAYS_INLINE void dead_stack_snapshot(void)
{
    uint8_t *dst = stack_image;
    __asm__ __volatile__("mov x9, sp\n\tsub x10, x9, %1\n"
                         "1:\tldp x11, x12, [x10], #16\n\tstp x11, x12, [%0], #16\n\tcmp x10, x9\n\tb.lo 1b"
                         : "+r"(dst) : "r"((uint64_t)DEAD_STACK_BYTES) : "x9", "x10", "x11", "x12", "memory", "cc");
}

static NOINLINE void plant(const uint8_t secret[16])
{
    volatile uint8_t frame[256];
    size_t i;
    for (i = 0; i < 16; i++)
        frame[96 + i] = secret[i];
    __asm__ __volatile__("ld1 {v31.16b}, [%0]" : : "r"(secret) : "memory", "v31");
    __asm__ __volatile__("" : : "r"(frame) : "memory");
}

static void vectors_init(void)
{
    vector_count = 32, vector_bytes = 16, vector_name = "v";
}
#endif

/* ---- the probed calls ------------------------------------------------------------ */

typedef enum { OP_PLANT, OP_INIT, OP_ENCRYPT, OP_DECRYPT, OP_ENCRYPT_SECTORS, OP_DECRYPT_SECTORS } op_kind;
static const char *const op_names[] = {"plant",   "init",           "encrypt",
                                       "decrypt", "encrypt_sectors", "decrypt_sectors"};

typedef struct probe_call {
    op_kind op;
    vxts_ctx *ctx;
    const char *backend;
    const uint8_t *key, *in, *tweak;
    uint8_t *out;
    size_t key_len, len, sector_size;
    uint64_t first_sector;
} probe_call;

#if SCRUB_TEST_SUPPORTED
/* Clear, call, snapshot: nothing but the call runs between clearing and snapshots. */
static NOINLINE int probe(const probe_call *c)
{
    int status = VXTS_OK;
    dead_stack_clear();
    vectors_clear();
    switch (c->op) {
    case OP_PLANT: plant(c->key); break;
    case OP_INIT: status = vxts_init_backend(c->ctx, c->key, c->key_len, c->backend); break;
    case OP_ENCRYPT: status = vxts_encrypt(c->ctx, c->out, c->in, c->len, c->tweak); break;
    case OP_DECRYPT: status = vxts_decrypt(c->ctx, c->out, c->in, c->len, c->tweak); break;
    case OP_ENCRYPT_SECTORS:
        status = vxts_encrypt_sectors(c->ctx, c->out, c->in, c->len, c->sector_size, c->first_sector);
        break;
    case OP_DECRYPT_SECTORS:
        status = vxts_decrypt_sectors(c->ctx, c->out, c->in, c->len, c->sector_size, c->first_sector);
        break;
    }
    vectors_snapshot();
    dead_stack_snapshot();
    return status;
}

/* Maps the pages the probe clears and copies (the stack grows on first touch only). */
static NOINLINE void touch_stack(void)
{
    volatile uint8_t deep[DEAD_STACK_BYTES + 16384];
    size_t i;
    for (i = 0; i < sizeof deep; i += 256)
        deep[i] = 0;
}
#endif

/* ---- key material (FIPS-197, computed here) ------------------------------------------ */

static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;
    while (b) {
        if (b & 1)
            p ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return p;
}

/* FIPS-197 §5.1.1: multiplicative inverse in GF(2^8), then the affine map. */
static uint8_t sbox(uint8_t x)
{
    uint8_t inv = 0, s;
    unsigned c;
    for (c = 1; c < 256 && x != 0; c++)
        if (gf_mul(x, (uint8_t)c) == 1)
            inv = (uint8_t)c;
    s = inv;
    for (c = 1; c <= 4; c++)
        s ^= (uint8_t)((inv << c) | (inv >> (8 - c)));
    return (uint8_t)(s ^ 0x63);
}

/* FIPS-197 §5.2: round keys w[4r .. 4r+3] as 16 bytes each; returns Nr. */
static unsigned expand_key(uint8_t rk[15][16], const uint8_t *key, size_t key_bytes)
{
    unsigned nk = (unsigned)key_bytes / 4, nr = nk + 6, i, j;
    uint8_t w[60][4], rcon = 1;
    for (i = 0; i < nk; i++)
        memcpy(w[i], key + 4 * i, 4);
    for (i = nk; i < 4 * (nr + 1); i++) {
        uint8_t t[4];
        memcpy(t, w[i - 1], 4);
        if (i % nk == 0) {
            uint8_t t0 = t[0];
            t[0] = (uint8_t)(sbox(t[1]) ^ rcon), t[1] = sbox(t[2]), t[2] = sbox(t[3]), t[3] = sbox(t0);
            rcon = gf_mul(rcon, 2);
        } else if (nk > 6 && i % nk == 4) {
            for (j = 0; j < 4; j++)
                t[j] = sbox(t[j]);
        }
        for (j = 0; j < 4; j++)
            w[i][j] = (uint8_t)(w[i - nk][j] ^ t[j]);
    }
    for (i = 0; i <= nr; i++)
        memcpy(rk[i], w[4 * i], 16);
    return nr;
}

/* FIPS-197 §5.3.5: the equivalent inverse cipher uses InvMixColumns of rounds 1..Nr-1. */
static void inv_mix_columns(uint8_t out[16], const uint8_t in[16])
{
    unsigned c;
    for (c = 0; c < 4; c++) {
        const uint8_t *a = in + 4 * c;
        out[4 * c + 0] = gf_mul(a[0], 14) ^ gf_mul(a[1], 11) ^ gf_mul(a[2], 13) ^ gf_mul(a[3], 9);
        out[4 * c + 1] = gf_mul(a[0], 9) ^ gf_mul(a[1], 14) ^ gf_mul(a[2], 11) ^ gf_mul(a[3], 13);
        out[4 * c + 2] = gf_mul(a[0], 13) ^ gf_mul(a[1], 9) ^ gf_mul(a[2], 14) ^ gf_mul(a[3], 11);
        out[4 * c + 3] = gf_mul(a[0], 11) ^ gf_mul(a[1], 13) ^ gf_mul(a[2], 9) ^ gf_mul(a[3], 14);
    }
}

/* ---- needles: the 16-byte windows that must not be found -------------------------------- */

#define MAX_NEEDLES 4096
#define FILTER_BITS 16

typedef struct needle {
    uint8_t bytes[16];
    char what[48];
} needle;

static needle needles[MAX_NEEDLES];
static size_t needle_count, needle_base; /* needles below needle_base: the key's, kept per key */
static uint8_t filter[1u << (FILTER_BITS - 3)];

static uint64_t load64(const uint8_t *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
}

static unsigned filter_index(const uint8_t *p)
{
    return (unsigned)((load64(p) * 0x9e3779b97f4a7c15u) >> (64 - FILTER_BITS));
}

static void filter_rebuild(void)
{
    size_t i;
    memset(filter, 0, sizeof filter);
    for (i = 0; i < needle_count; i++) {
        unsigned h = filter_index(needles[i].bytes);
        filter[h >> 3] = (uint8_t)(filter[h >> 3] | (1u << (h & 7)));
    }
}

static void add_needle(const uint8_t bytes[16], const char *fmt, ...) TEST_PRINTF(2, 3);
static void add_needle(const uint8_t bytes[16], const char *fmt, ...)
{
    va_list ap;
    if (needle_count == MAX_NEEDLES) {
        fprintf(stderr, "test_scrub: more than %d needles\n", MAX_NEEDLES);
        exit(2);
    }
    memcpy(needles[needle_count].bytes, bytes, 16);
    va_start(ap, fmt);
    vsnprintf(needles[needle_count].what, sizeof needles[0].what, fmt, ap);
    va_end(ap);
    needle_count++;
}

static void add_key_needles(const uint8_t *key, size_t key_len)
{
    size_t half = key_len / 2, h, off;
    for (h = 0; h < 2; h++) {
        uint8_t rk[15][16], dk[16];
        unsigned nr = expand_key(rk, key + h * half, half), r;
        for (off = 0; off + 16 <= half; off++)
            add_needle(key + h * half + off, "Key%zu bytes %zu..%zu", h + 1, off, off + 15);
        for (r = 0; r <= nr; r++)
            add_needle(rk[r], "Key%zu round key %u", h + 1, r);
        for (r = 1; r < nr; r++) {
            inv_mix_columns(dk, rk[r]);
            add_needle(dk, "Key%zu inverse-cipher round key %u", h + 1, r);
        }
    }
}

/* 16 random bytes have ~15.5 distinct values; headers, pointers and zero padding far fewer. */
static int high_entropy(const uint8_t w[16])
{
    uint8_t seen[256] = {0};
    unsigned i, distinct = 0;
    for (i = 0; i < 16; i++)
        distinct += !seen[w[i]]++;
    return distinct >= 10;
}

static void add_context_needles(const vxts_ctx *ctx)
{
    const uint8_t *p = (const uint8_t *)ctx;
    size_t off;
    for (off = 0; off + 16 <= sizeof *ctx; off += 16)
        if (high_entropy(p + off))
            add_needle(p + off, "context bytes %zu..%zu", off, off + 15);
}

/* T = E_K2(i), then T * alpha^j for j < blocks + TWEAK_MARGIN (IEEE 1619 §5.3.1). */
static void add_tweak_needles(const uint8_t *key, size_t key_len, const uint8_t tweak[16], size_t blocks,
                              const char *unit)
{
    uint8_t t[16];
    size_t j;
    ref_aes_encrypt(key + key_len / 2, key_len / 2, tweak, t);
    for (j = 0; j < blocks + TWEAK_MARGIN; j++) {
        add_needle(t, "T*alpha^%zu of %s", j, unit);
        ref_gf_mul_alpha(t);
    }
}

/* ---- scanning ----------------------------------------------------------------------------- */

typedef struct scan_result { /* static: too large for the stack the probe scans */
    size_t hits;
    char first[MAX_HITS_KEPT][128];
} scan_result;

static const needle *find_needle(const uint8_t *p)
{
    unsigned h = filter_index(p);
    size_t i;
    if (!(filter[h >> 3] & (1u << (h & 7))))
        return NULL;
    for (i = 0; i < needle_count; i++)
        if (memcmp(needles[i].bytes, p, 16) == 0)
            return &needles[i];
    return NULL;
}

static void note_hit(scan_result *r, const needle *n, const char *where)
{
    if (r->hits < MAX_HITS_KEPT)
        snprintf(r->first[r->hits], sizeof r->first[0], "%s in %s", n->what, where);
    r->hits++;
}

static void scan_vectors(scan_result *r)
{
    size_t off, total = (size_t)vector_count * vector_bytes;
    for (off = 0; off + 16 <= total; off++) {
        const needle *n = find_needle(vector_image + off);
        if (n != NULL) {
            char where[64];
            size_t reg = off / vector_bytes, at = off % vector_bytes;
            if (at + 16 <= vector_bytes)
                snprintf(where, sizeof where, "%s%zu bytes %zu..%zu", vector_name, reg, at, at + 15);
            else
                snprintf(where, sizeof where, "%s%zu/%s%zu (straddling)", vector_name, reg, vector_name, reg + 1);
            note_hit(r, n, where);
        }
    }
}

static void scan_stack(scan_result *r)
{
    size_t off;
    for (off = 0; off + 16 <= DEAD_STACK_BYTES; off++) {
        const needle *n = find_needle(stack_image + off);
        if (n != NULL) {
            char where[64];
            snprintf(where, sizeof where, "dead stack at sp-%zu", (size_t)DEAD_STACK_BYTES - off);
            note_hit(r, n, where);
        }
    }
}

/* The hits are printed even when testlib stops showing this slot's failures. */
static void report(int slot, const scan_result *r, const char *what, const char *label)
{
    size_t i, shown = (size_t)test_env_long("VXTS_TEST_SCRUB_SHOW", 12);
    if (test_check(slot, r->hits == 0, "%s: %zu window(s) of key material in %s", label, r->hits, what))
        return;
    shown = shown < MAX_HITS_KEPT ? shown : MAX_HITS_KEPT;
    for (i = 0; i < r->hits && i < shown; i++)
        printf("    %s %s: %s\n", current_backend, label, r->first[i]);
    if (r->hits > shown)
        printf("    %s %s: ... %zu more\n", current_backend, label, r->hits - shown);
}

/* ---- the cases ------------------------------------------------------------------------------- */

#if SCRUB_TEST_SUPPORTED
static uint8_t *buf_in, *buf_out;

/* The deepest non-zero byte a call of this backend left (informational: without the scrub, how deep a wipe must reach). */
static size_t deepest_write;
static char deepest_call[96];

static void note_depth(const char *label)
{
    size_t off = 0;
    while (off < DEAD_STACK_BYTES && stack_image[off] == 0)
        off++;
    if (DEAD_STACK_BYTES - off > deepest_write) {
        deepest_write = DEAD_STACK_BYTES - off;
        snprintf(deepest_call, sizeof deepest_call, "%s", label);
    }
}

/* One probed call: the needles of the call are added on top of the key's, then dropped. */
static void probed(int slot, probe_call *c, const char *label)
{
    static scan_result regs, stack;
    int status = probe(c);
    filter_rebuild();
    memset(&regs, 0, sizeof regs);
    memset(&stack, 0, sizeof stack);
    scan_vectors(&regs);
    scan_stack(&stack);
    note_depth(label);
    test_check(slot, status == VXTS_OK, "%s: %s", label, test_status_name(status));
    report(slot, &regs, "vector registers", label);
    report(slot, &stack, "the dead stack", label);
    needle_count = needle_base;
}

static void unit_call(int slot, vxts_ctx *ctx, const uint8_t *key, size_t key_len, op_kind op, size_t len)
{
    probe_call c;
    uint8_t tweak[16];
    char label[96];
    memset(&c, 0, sizeof c);
    test_rand_bytes(tweak, 16);
    test_rand_bytes(buf_in, len);
    add_tweak_needles(key, key_len, tweak, len / 16, "the unit");
    c.op = op, c.ctx = ctx, c.in = buf_in, c.out = buf_out, c.len = len, c.tweak = tweak;
    snprintf(label, sizeof label, "AES-%zu %s len %zu", key_len * 4, op_names[op], len);
    probed(slot, &c, label);
}

static void sectors_call(int slot, vxts_ctx *ctx, const uint8_t *key, size_t key_len, op_kind op, size_t len,
                         size_t sector_size)
{
    probe_call c;
    char label[96];
    size_t s;
    memset(&c, 0, sizeof c);
    c.first_sector = test_rand64() >> 16;
    for (s = 0; s < len / sector_size; s++) {
        uint8_t tweak[16];
        char unit[32];
        vxts_sector_tweak(tweak, c.first_sector + s);
        snprintf(unit, sizeof unit, "sector %zu", s);
        add_tweak_needles(key, key_len, tweak, sector_size / 16, unit);
    }
    test_rand_bytes(buf_in, len);
    c.op = op, c.ctx = ctx, c.in = buf_in, c.out = buf_out, c.len = len, c.sector_size = sector_size;
    snprintf(label, sizeof label, "AES-%zu %s len %zu sector %zu", key_len * 4, op_names[op], len, sector_size);
    probed(slot, &c, label);
}

static const size_t unit_lengths[] = {16, 17, 512, 4096 + 5};
/* (length, sector size): one sector of each unit length, 3 odd-sized sectors, and batches of whole-block sectors. */
static const size_t sector_cases[][2] = {{16, 16}, {17, 17}, {512, 512}, {4096 + 5, 1367}, {4096, 512}, {512, 16}};

static void check_backend(const test_backend *b)
{
    static const size_t key_lens[] = {VXTS_KEY_BYTES_128, VXTS_KEY_BYTES_256};
    size_t k, i;
    for (k = 0; k < 2; k++) {
        size_t key_len = key_lens[k];
        uint8_t key[64];
        vxts_ctx ctx;
        probe_call c;
        char label[64];

        test_rand_key(key, key_len);
        needle_count = 0;
        add_key_needles(key, key_len);
        needle_base = needle_count;

        memset(&c, 0, sizeof c);
        c.op = OP_INIT, c.ctx = &ctx, c.key = key, c.key_len = key_len, c.backend = b->id;
        snprintf(label, sizeof label, "AES-%zu init", key_len * 4);
        probed(b->slot, &c, label);
        add_context_needles(&ctx);
        needle_base = needle_count;

        for (i = 0; i < sizeof unit_lengths / sizeof unit_lengths[0]; i++) {
            unit_call(b->slot, &ctx, key, key_len, OP_ENCRYPT, unit_lengths[i]);
            unit_call(b->slot, &ctx, key, key_len, OP_DECRYPT, unit_lengths[i]);
        }
        for (i = 0; i < sizeof sector_cases / sizeof sector_cases[0]; i++) {
            sectors_call(b->slot, &ctx, key, key_len, OP_ENCRYPT_SECTORS, sector_cases[i][0], sector_cases[i][1]);
            sectors_call(b->slot, &ctx, key, key_len, OP_DECRYPT_SECTORS, sector_cases[i][0], sector_cases[i][1]);
        }
        vxts_wipe(&ctx);
    }
}

/* The detector itself: a planted round key must show up in a register and in the dead stack. */
static void check_detector(int slot)
{
    uint8_t key[32], rk[15][16];
    probe_call c;
    static scan_result regs, stack;
    test_rand_key(key, 32);
    expand_key(rk, key, 16);
    needle_count = 0;
    add_key_needles(key, 32);
    memset(&c, 0, sizeof c);
    c.op = OP_PLANT, c.key = rk[3];
    probe(&c);
    filter_rebuild();
    memset(&regs, 0, sizeof regs);
    memset(&stack, 0, sizeof stack);
    scan_vectors(&regs);
    scan_stack(&stack);
    test_check(slot, regs.hits >= 1, "planted round key not found in the %s registers", vector_name);
    test_check(slot, stack.hits >= 1, "planted round key not found in the dead stack");
    printf("detector: the planted round key found %zu time(s) in registers, %zu in the dead stack\n", regs.hits,
           stack.hits);
    needle_count = 0;
}
#endif

int main(int argc, char **argv)
{
    int slot_harness;
    size_t i;
    test_begin(argc, argv, "no key material in vector registers or dead stack after a call");
    slot_harness = test_slot("detector");
#if SCRUB_TEST_SUPPORTED
    vectors_init();
    touch_stack();
    printf("snapshot: %u %s registers of %u bytes, %u bytes of dead stack\n", vector_count, vector_name,
           vector_bytes, DEAD_STACK_BYTES);
    buf_in = test_alloc(8192);
    buf_out = test_alloc(8192);
    check_detector(slot_harness);
    for (i = 0; i < test_backend_count(); i++) {
        const test_backend *b = test_backend_at(i);
        test_rand_stream(b->id);
        current_backend = b->id;
        deepest_write = 0;
        if (b->usable) {
            check_backend(b);
            printf("%s: the deepest non-zero byte a call left below the caller: sp-%zu (%s)\n", b->id, deepest_write, deepest_call);
        }
    }
    free(buf_in);
    free(buf_out);
#else
    test_not_applicable(slot_harness, "needs GCC/clang inline asm on x86-64 or AArch64");
    for (i = 0; i < test_backend_count(); i++)
        test_not_applicable(test_backend_at(i)->slot, "needs GCC/clang inline asm on x86-64 or AArch64");
#endif
    return test_end();
}
