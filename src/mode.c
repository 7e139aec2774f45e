/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The XTS mode layer (IEEE Std 1619-2018 §5, NIST SP 800-38E).
 *
 * The only code that knows about lengths and ciphertext stealing. Each public
 * call reads like the standard: check the arguments, T = E_K2(i), the whole
 * blocks through the backend's kernel, then ciphertext stealing, written once
 * per direction. Backends are reached only through the contracts of backend.h.
 * Only lengths steer control flow. Every contract is in proofs/spec/mode_spec.h;
 * what remains here (loop invariants, asserts) is what the proofs need in a body.
 */
#include "backend.h"

#ifdef __FRAMAC__
#include "mode_spec.h" /* proofs/spec: the contracts, and the formulas the asserts below name */
#else
#define PROOF_LABEL(name) /* a program point the proofs refer to */
#endif

/* ---- argument checks ---------------------------------------------------------- */

/*
 * The address tests (trusted, not proved: they compare addresses as integers,
 * which holds in a flat address space where no object wraps around the end of
 * memory; see proofs/REPORT.md).
 */
/* 1 if [p, p+n) would pass the end of the address space. */
static int past_end(const uint8_t *p, size_t n)
{
    return (uintptr_t)p > UINTPTR_MAX - n;
}

/* 1 if [a, a+an) and [b, b+bn) share a byte. */
static int ranges_meet(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
    return an != 0 && bn != 0 && (x <= y ? y - x < an : x - y < bn);
}

/* VXTS_ERR_DATA_LENGTH if a range passes the end of memory, VXTS_ERR_OVERLAP if
   the ranges share a byte without out == in (in place is allowed). */
static int check_addresses(const uint8_t *out, const uint8_t *in, size_t len)
{
    if (past_end(out, len) || past_end(in, len))
        return VXTS_ERR_DATA_LENGTH;
    if (out != in && ranges_meet(out, len, in, len))
        return VXTS_ERR_OVERLAP;
    return VXTS_OK;
}

/* The check word of a usable context (backend.h). */
static uint64_t key_check(int backend_number, uint32_t half_key_bytes)
{
    return (uint64_t)VXTS_KEY_CHECK_BASE + 65536u * (uint64_t)backend_number + half_key_bytes;
}

/* 1 if vxts_init* set k up: checked before k->backend is followed, so that a
   garbage or wiped context gives VXTS_ERR_ARGUMENT (the rounds and the key size
   steer the kernels' loops, so they are checked too). */
static int key_usable(const vxts_key *k)
{
    int number = vxts_backend_known(k->backend);
    return number != 0 && (k->half_key_bytes == 16 || k->half_key_bytes == 32) &&
           k->rounds == (k->half_key_bytes == 16 ? 10u : 14u) && k->check == key_check(number, k->half_key_bytes);
}

static int check_unit(const vxts_key *k, const uint8_t *out, const uint8_t *in, size_t len,
                      const uint8_t *tweak)
{
    if (k == NULL || out == NULL || in == NULL || tweak == NULL || !key_usable(k))
        return VXTS_ERR_ARGUMENT;
    if (len < VXTS_MIN_DATA_UNIT || len > VXTS_MAX_DATA_UNIT)
        return VXTS_ERR_DATA_LENGTH;
    return check_addresses(out, in, len);
}

static int check_sectors(const vxts_key *k, const uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector)
{
    int status;
    if (k == NULL || out == NULL || in == NULL || !key_usable(k))
        return VXTS_ERR_ARGUMENT;
    if (sector_size < VXTS_MIN_DATA_UNIT || sector_size > VXTS_MAX_DATA_UNIT || len == 0 ||
        len % sector_size != 0 || len > (size_t)PTRDIFF_MAX)
        return VXTS_ERR_DATA_LENGTH;
    status = check_addresses(out, in, len);
    if (status != VXTS_OK)
        return status;
    /* The last sector number, first + n - 1, must not pass 2^64 - 1. */
    if ((uint64_t)(len / sector_size - 1) > UINT64_MAX - first_sector)
        return VXTS_ERR_SECTOR_RANGE;
    return VXTS_OK;
}

/* ---- key setup (IEEE 1619 §5.1: Key = Key1 || Key2) ----------------------- */

/* 1 if a[0..n) == b[0..n); the time does not depend on the bytes. */
static int equal_bytes_ct(const uint8_t *a, const uint8_t *b, size_t n)
{
    /* The sum of the squared byte differences, 0 exactly when the bytes are
       equal (arithmetic, not an OR of xors: WP proves it). At most 32 * 255^2. */
    unsigned acc = 0;
    size_t i;
    /*@ loop invariant 0 <= i <= n && acc <= 65025 * i;
        loop invariant acc == 0 <==> EQUAL_UPTO(a, b, i);
        loop assigns i, acc;
        loop variant n - i; */
    for (i = 0; i < n; i++) {
        int d = (int)a[i] - (int)b[i];
        /*@ assert -255 <= d <= 255 && (d == 0 <==> a[i] == b[i]); */
        /*@ assert d >= 0 ==> 0 <= d * d <= 255 * d; */
        /*@ assert d < 0 ==> 0 < d * d <= -255 * d; */
        /*@ assert d > 0 ==> d * d > 0; */
        /*@ assert 0 <= d * d <= 65025 && (d * d == 0 <==> a[i] == b[i]); */
        acc += (unsigned)(d * d);
    }
    return (int)(1u - (acc + 4194303u) / 4194304u); /* 1 if acc == 0, else 0 (acc < 2^22) */
}

/* 1 if the key shares a byte with the context (init would wipe it before reading it). */
static int key_in_context(const vxts_ctx *ctx, const uint8_t *key, size_t key_len)
{
    return ranges_meet((const uint8_t *)(const void *)ctx, sizeof *ctx, key, key_len);
}

/*
 * Expands Key1 and Key2 (the two halves of key) into k's schedules, then
 * multiplies every schedule word by keep: 1 keeps them, 0 (a weak key)
 * clears them, with no branch on which.
 */
static void expand_keys(vxts_key *k, const vxts_backend *backend, const uint8_t *key, size_t half,
                        uint64_t keep)
{
    size_t i;

    vxts_kernel_setup(backend, k, key, key + half);
    PROOF_LABEL(expanded);
    /*@ loop invariant 0 <= i <= VXTS_SCHEDULE_BYTES / 8 && MASKED_UPTO(k, keep, i);
        loop invariant keep == 1 ==> SCHEDULE_KEPT(k, expanded);
        loop assigns i, k->schedule.words[0 .. VXTS_SCHEDULE_BYTES / 8 - 1];
        loop variant VXTS_SCHEDULE_BYTES / 8 - i; */
    for (i = 0; i < VXTS_SCHEDULE_BYTES / 8; i++)
        k->schedule.words[i] *= keep;
    /*@ assert keep == 1 ==> KEY1(k) == KEY1{expanded}(k) && KEY2(k) == KEY2{expanded}(k); */
    /*@ assert keep == 1 ==> (KEYED(backend, k) <==> KEYED{expanded}(backend, k)); */
}

static int init_with(vxts_ctx *ctx, const uint8_t *key, size_t key_len, const vxts_backend *backend)
{
    vxts_key *k = (vxts_key *)(void *)ctx;
    size_t half = key_len / 2;
    int weak;

    if (ctx == NULL)
        return VXTS_ERR_ARGUMENT;
    if (key != NULL && key_in_context(ctx, key, key_len))
        return VXTS_ERR_OVERLAP; /* nothing written: a wipe would destroy the key */
    vxts_wipe(ctx);
    if (key == NULL)
        return VXTS_ERR_ARGUMENT;
    if (key_len != VXTS_KEY_BYTES_128 && key_len != VXTS_KEY_BYTES_256)
        return VXTS_ERR_KEY_LENGTH;
    if (backend == NULL)
        return VXTS_ERR_BACKEND_UNAVAILABLE;
    /*@ assert key_kept: KEY_KEPT(key, key_len); */
    /*@ assert halves: KEY_HALVES_EQUAL{Pre}(key, half) <==> KEY_HALVES_EQUAL{Here}(key, half); */
    /* SP 800-38E / FIPS 140 guidance: Key1 must differ from Key2. No branch on
       the answer: the schedules and the check word are cleared when they are
       equal, and the status is computed. */
    weak = equal_bytes_ct(key, key + half, half);
    /*@ assert weak == 0 <==> !KEY_HALVES_EQUAL{Pre}(key, half); */
    k->rounds = half == 16 ? 10u : 14u; /* FIPS-197 §5: Nr = Nk + 6 */
    k->half_key_bytes = (uint32_t)half;
    k->check = key_check(vxts_backend_known(backend), k->half_key_bytes) * (uint64_t)(1 - weak);
    /*@ assert weak == 0 ==> k->check == KEY_CHECK(BACKEND_NUMBER(backend), k->half_key_bytes); */
    /*@ assert weak != 0 ==> k->check == 0; */
    expand_keys(k, backend, key, half, (uint64_t)(1 - weak));
    k->backend = backend;
    /*@ assert KEY_SIZE_SET: k->half_key_bytes == half && k->rounds == (half == 16 ? 10 : 14); */
    /*@ assert weak == 0 ==> k->check == KEY_CHECK(BACKEND_NUMBER(backend), half); */
    /*@ assert weak != 0 ==> k->check == 0 && SCHEDULE_ZERO(k); */
    /*@ assert u1: weak == 0 ==> BACKEND_NUMBER(k->backend) != 0 && \valid_read(k->backend); */
    /*@ assert u2: weak == 0 ==> CTX_OK(k); */
    /*@ assert keyed: weak == 0 ==> CTX_KEYED(k); */
    vxts_kernel_scrub(backend);
    return VXTS_ERR_WEAK_KEY * weak;
}

int vxts_init(vxts_ctx *ctx, const uint8_t *key, size_t key_len)
{
    return init_with(ctx, key, key_len, vxts_best_backend());
}

int vxts_init_backend(vxts_ctx *ctx, const uint8_t *key, size_t key_len, const char *backend_id)
{
    return init_with(ctx, key, key_len, vxts_find_backend(backend_id));
}

const char *vxts_backend_name(const vxts_ctx *ctx)
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    return k != NULL && key_usable(k) ? k->backend->id : NULL;
}

void vxts_wipe(vxts_ctx *ctx)
{
    if (ctx != NULL)
        vxts_memzero(ctx, sizeof *ctx);
}

/* ---- the tweak of a sector number ------------------------------------------ */

/*
 * The tweak of sector number `sector`: a 128-bit little-endian number (§5.1).
 * Written with one 16-byte store where the compiler allows: the next call
 * loads the tweak with one 16-byte load, which x86 cannot forward from several
 * narrower stores; it would wait for them to reach the cache, and short calls
 * would stop overlapping (about 1.8x slower at 16 bytes). That form is tested
 * against the plain64 definition (tests/test_sectors.c, fuzz_api); the loop
 * below is the one proved (proofs/REPORT.md lists the difference).
 */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__FRAMAC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
typedef uint64_t vxts_u64x2 __attribute__((vector_size(16)));

void vxts_sector_tweak(uint8_t tweak[16], uint64_t sector)
{
    vxts_u64x2 v = {sector, 0}; /* little-endian host: the bytes of v are plain64 */
    __builtin_memcpy(tweak, &v, 16);
}
#else
void vxts_sector_tweak(uint8_t tweak[16], uint64_t sector)
{
    uint64_t v = sector;
    int k;
    /*@ loop invariant 0 <= k <= 8 && v == LE_FROM(sector, k);
        loop invariant LE_UPTO(tweak, sector, k);
        loop assigns k, v, tweak[0 .. 7];
        loop variant 8 - k; */
    for (k = 0; k < 8; k++) { /* least significant byte first */
        tweak[k] = (uint8_t)(v % 256);
        v /= 256;
    }
    /*@ loop invariant 8 <= k <= 16 && \forall integer b; 8 <= b < k ==> tweak[b] == 0;
        loop assigns k, tweak[8 .. 15];
        loop variant 16 - k; */
    for (k = 8; k < 16; k++)
        tweak[k] = 0;
}
#endif

/* Zeroes a 16-byte temporary (a block or a tweak) so that it does not outlive the call. */
static void wipe_block(uint8_t b[16])
{
    vxts_memzero(b, 16);
}

/* dst[0, n) = src[0, n) for two separate buffers (a memcpy with a contract). */
static void copy_bytes(uint8_t *dst, const uint8_t *src, size_t n)
{
    size_t i;
    /*@ loop invariant 0 <= i <= n && \forall integer x; 0 <= x < i ==> dst[x] == src[x];
        loop assigns i, dst[0 .. n - 1];
        loop variant n - i; */
    for (i = 0; i < n; i++) {
        dst[i] = src[i];
        /*@ assert \forall integer x; i <= x <= i ==> dst[x] == src[x]; */
    }
}

/*
 * dst[0, r) = src[0, r), dst[r, 16) kept, 0 < r < 16: the head of a stealing
 * block replaced by the partial block (PP = P_m || CP, CC = C_m || CP; IEEE
 * 1619 §5.3.2, §5.4.2). The kernel then loads dst with one 16-byte load, which
 * x86 cannot forward from the r-byte copy's several narrower stores: it would
 * wait for them to reach the cache, and the call's last AES chain with it. So
 * where the compiler allows, dst is rebuilt in registers from the 16 bytes
 * that end at src + r (the caller's block before the partial one; the contract
 * requires them readable), shifted and masked by r only, and written with one
 * 16-byte store. That form is tested (every length with stealing, against
 * ref/ and the standard's vectors); the copy below it is the one proved
 * (proofs/REPORT.md).
 */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__FRAMAC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__SIZEOF_INT128__)
/* head_mask + 16 - r: r bytes of ones, then zeros (indexed by the length only). */
static const uint8_t head_mask[32] = {255, 255, 255, 255, 255, 255, 255, 255,
                                      255, 255, 255, 255, 255, 255, 255, 255};

static void replace_head(uint8_t dst[16], const uint8_t *src, size_t r)
{
    unsigned __int128 window;
    vxts_u64x2 head, mask, block;

    __builtin_memcpy(&window, src + r - 16, 16); /* src[0, r) are its last r bytes */
    window >>= 8 * (16 - r);
    head = (vxts_u64x2){(uint64_t)window, (uint64_t)(window >> 64)};
    __builtin_memcpy(&mask, head_mask + 16 - r, 16);
    __builtin_memcpy(&block, dst, 16);
    block = (head & mask) | (block & ~mask);
    __builtin_memcpy(dst, &block, 16);
}
#else
static void replace_head(uint8_t dst[16], const uint8_t *src, size_t r)
{
    copy_bytes(dst, src, r);
}
#endif

/* ---- one data unit ----------------------------------------------------------- */

/* T = E_K2(i) for the 16-byte tweak i (IEEE 1619 §5.3.1 step 1; also for decryption, §5.4.1). */
static void first_tweak(const vxts_key *k, uint8_t T[16], const uint8_t tweak[16])
{
    copy_bytes(T, tweak, 16);        /* T = i */
    /*@ assert SPEC_EQ16(T, sel16, SPEC_AT16(tweak, Pre)); */
    vxts_kernel_encrypt_tweak(k, T); /* T = E_K2(i) */
}

/*
 * n whole blocks through the kernel: in[o, o+16n) -> out[o, o+16n), first
 * tweak T, and T <- T * alpha^n (§5.3.2: C_j = blockEnc(P_j, j)).
 */
static void encrypt_run(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t n,
                        uint8_t T[16])
{
    vxts_kernel_encrypt_blocks(k, out + o, in + o, n, T);
    /*@ assert C0: RUN_IS(XB_E, in + o, 0); */
}

/* The same with D_K1 (§5.4.2). */
static void decrypt_run(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t n,
                        uint8_t T[16])
{
    vxts_kernel_decrypt_blocks(k, out + o, in + o, n, T);
    /*@ assert P_n: RUN_IS_FROM_O(XB_D); */
}

/* One block through the kernel (§5.3.1 steps 2-4): out = E_K1(in xor T) xor T; T <- T * alpha. */
static void encrypt_block(const vxts_key *k, uint8_t out[16], const uint8_t in[16], uint8_t T[16])
{
    vxts_kernel_encrypt_blocks(k, out, in, 1, T);
    /*@ assert C0: BLOCK_IS(out[b] == XB_E{Pre}(KEY1(k), in, 0, SPEC_AT16(T, Pre), 0, b)); */
    /*@ assert C1: BLOCK_IS(out[b] == BLK_E{Pre}(KEY1(k), in, 0, SPEC_AT16(T, Pre), b)); */
    /*@ assert Tb: BLOCK_IS(sel16(SPEC_AT16(T, Pre), b) == \at(T[b], Pre)); */
}

/* The same with D_K1 (§5.4.1). */
static void decrypt_block(const vxts_key *k, uint8_t out[16], const uint8_t in[16], uint8_t T[16])
{
    /*@ assert T_sel: BLOCK_IS(T[b] == sel16(SPEC_M16(T, 0), b)); */
    vxts_kernel_decrypt_blocks(k, out, in, 1, T);
    /*@ assert P_0: BLOCK_IS(out[b] == XB_D{Pre}(KEY1(k), in, 0, SPEC_AT16(T, Pre), 0, b)); */
    /*@ assert P_1: BLOCK_IS(out[b] == XEX_D(KEY1(k), SPEC_AT16(in, Pre), SPEC_AT16(T, Pre), b,
                                            sel16(SPEC_AT16(T, Pre), b))); */
}

/* C_m of encrypt_steal: out[o+16, o+16+r) = cc[0, r); out[o, o+16) is kept. */
static void encrypt_steal_tail(uint8_t *out, size_t o, const uint8_t cc[16], size_t r)
{
    copy_bytes(out + o + 16, cc, r);
}

/*
 * Ciphertext stealing, encryption (IEEE 1619 §5.3.2, the steps for a partial
 * last block): P_{m-1} = in[o, o+16) and P_m = in[o+16, o+16+r), 0 < r < 16,
 * T = T_{m-1}. out == in allowed.
 */
static void encrypt_steal(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t r,
                          uint8_t T[16])
{
    uint8_t cc[16], pp[16];

    /*@ assert Vt: \valid(out + o + 16 + (0 .. r - 1)) && \separated(out + o + 16 + (0 .. r - 1), T + (0 .. 15)); */
    /*@ assert KB2: kernel_buffers(k, out + o, &pp[0], 16) && kernel_tweak(k, out + o, &pp[0], 16, T); */
    /* CC = XTS-AES-blockEnc(Key, P_{m-1}, i, m-1); T becomes T_m. */
    encrypt_block(k, cc, in + o, T);
    /*@ assert CC0: BLOCK_IS(cc[b] == XEX_E(KEY1(k), SPEC_AT16(in + o, Pre), SPEC_AT16(T, Pre), b, \at(T[b], Pre))); */
    /*@ assert CC: BLOCK_IS(cc[b] == STEAL_CC_E); */
    /*@ assert Tm: BLOCK_IS(T[b] == MULX(SPEC_AT16(T, Pre), b)); */
    /*@ assert kept1: IN_KEPT(o, o + 16 + r); */
    /* PP = P_m || CP: CC with its first r bytes replaced by P_m. */
    copy_bytes(pp, cc, 16);
    /*@ assert PP0: \forall integer i; 0 <= i < 16 ==> pp[i] == cc[i]; */
    /*@ assert kept2: IN_KEPT(o, o + 16 + r); */
    replace_head(pp, in + o + 16, r);
    /*@ assert PP_m: \forall integer i; 0 <= i < r ==> pp[i] == \at(in[o + 16 + i], Pre); */
    /*@ assert CP: \forall integer i; r <= i < 16 ==> pp[i] == cc[i]; */
    /*@ assert PP: \forall integer i; 0 <= i < 16 ==> pp[i] == STEAL_PP_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, i); */
    /*@ assert CC2: BLOCK_IS(cc[b] == STEAL_CC_E); */
    /*@ assert PPg: SPEC_EQ16(pp, STEAL_PP_E{Pre}, KEY1(k), in, o, SPEC_AT16(T, Pre), r); */
    /*@ assert Tm2: BLOCK_IS(T[b] == MULX(SPEC_AT16(T, Pre), b)); */
    /*@ assert Tg: SPEC_EQ16(T, MULX, SPEC_AT16(T, Pre)); */
    PROOF_LABEL(L3);
    /* C_m = the first r bytes of CC (P_m was read into PP: in place is safe). */
    encrypt_steal_tail(out, o, cc, r);
    /*@ assert C_m0: PARTIAL_IS(out[n] == \at(cc[n - o - 16], L3)); */
    /*@ assert C_m: PARTIAL_IS(out[n] == STEAL_E_OUT); */
    /*@ assert PPg2: SPEC_EQ16(pp, STEAL_PP_E{Pre}, KEY1(k), in, o, SPEC_AT16(T, Pre), r); */
    /*@ assert Tg2: SPEC_EQ16(T, MULX, SPEC_AT16(T, Pre)); */
    PROOF_LABEL(L2);
    /* C_{m-1} = XTS-AES-blockEnc(Key, PP, i, m) (P_{m-1} was read into CC). */
    encrypt_block(k, out + o, pp, T);
    /*@ assert C_m1a: LAST_IS(out[n] == XEX_E(KEY1(k), SPEC_AT16(pp, L2), SPEC_AT16(T, L2), n - o, \at(T[n - o], L2))); */
    /*@ assert C_m1b: LAST_IS(out[n] == STEAL_E_UNFOLDED); */
    /*@ assert C_m1: LAST_IS(out[n] == STEAL_E_OUT); */
    /*@ assert C_mk: PARTIAL_IS(out[n] == \at(out[n], L2)); */
    /*@ assert C_m2: PARTIAL_IS(out[n] == STEAL_E_OUT); */
    PROOF_LABEL(W);
    wipe_block(cc);
    /*@ assert Fc: \forall integer n; o <= n < o + 16 + r ==> out[n] == \at(out[n], W); */
    wipe_block(pp);
    /*@ assert F: \forall integer n; o <= n < o + 16 + r ==> out[n] == \at(out[n], W); */
}

/*
 * XTS-AES encryption of one data unit, in[o, o+len) -> out[o, o+len),
 * 16 <= len <= 2^24, T = E_K2(i) already (IEEE 1619 §5.3.2). out == in allowed.
 */
static void encrypt_unit(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t len,
                         uint8_t T[16])
{
    size_t m = len / 16, r = len % 16;

    if (r == 0) {
        /* C_0 .. C_{m-1}. */
        encrypt_run(k, out, in, o, m, T);
        /*@ assert whole: UNIT_IS(XTS_ENC_T, o, o + len); */
        return;
    }
    /*@ assert SB: STEAL_BUFFERS; */
    /* C_0 .. C_{m-2}; T becomes T_{m-1}. */
    encrypt_run(k, out, in, o, m - 1, T);
    PROOF_LABEL(Mid);
    /*@ assert head0: UNIT_IS(XTS_ENC_T, o, o + 16 * (m - 1)); */
    /*@ assert rest: IN_KEPT(o + 16 * (m - 1), o + len); */
    /*@ assert Tg: SPEC_EQ16(T, AP, SPEC_AT16(T, Pre), m - 1); */
    /*@ assert rest2: IN_KEPT(o + 16 * (m - 1), o + 16 * (m - 1) + 16 + r); */
    /*@ assert sr: STEAL_READS_SAME(STEAL_E); */
    /* C_{m-1} and C_m. */
    encrypt_steal(k, out, in, o + 16 * (m - 1), r, T);
    /*@ assert head1: \forall integer x; o <= x < o + 16 * (m - 1) ==> out[x] == \at(out[x], Mid); */
    /*@ assert tail0: TAIL_IS(STEAL_E{Mid}(KEY1(k), in, STEAL_AT, SPEC_AT16(T, Mid), r, x - STEAL_AT)); */
    /*@ assert tail1: TAIL_IS(STEAL_E{Pre}(KEY1(k), in, STEAL_AT, SPEC_AT16(T, Mid), r, x - STEAL_AT)); */
    /*@ assert tail2: TAIL_IS(STEAL_E{Pre}(KEY1(k), in, STEAL_AT, SPEC_F16(AP, SPEC_AT16(T, Pre), m - 1), r,
                                           x - STEAL_AT)); */
    /*@ assert tail: UNIT_IS(XTS_ENC_T, o + 16 * (m - 1), o + len); */
    /*@ assert head: UNIT_IS(XTS_ENC_T, o, o + 16 * (m - 1)); */
}

/*
 * t <- t * alpha in GF(2^128) mod x^128 + x^7 + x^2 + x + 1, t little-endian
 * (IEEE 1619 §5.2): t = src * alpha, t and src separate. The kernel loads
 * t with one 16-byte load, which x86 cannot forward from narrower stores
 * (16 byte stores made a 17-byte decryption about 1.6x slower, #15). So
 * where the compiler allows, t is computed in two 64-bit words and written
 * with one 16-byte store; that form is tested (every decryption with
 * stealing, against ref/ and the standard's vectors). The byte form below it
 * is the one proved (proofs/REPORT.md); it repeats ref_gf_mul_alpha because
 * the library does not link ref/, its oracle. Both are branch-free: the
 * carry is a 0/1 value, never a condition.
 */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__FRAMAC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static void tweak_mul_alpha(uint8_t t[16], const uint8_t src[16])
{
    uint64_t lo, hi, carry;
    vxts_u64x2 v;

    __builtin_memcpy(&lo, src, 8);
    __builtin_memcpy(&hi, src + 8, 8);
    carry = hi >> 63; /* the bit shifted out, x^128 */
    v = (vxts_u64x2){(lo << 1) ^ (0x87u & (0u - carry)), (hi << 1) | (lo >> 63)};
    __builtin_memcpy(t, &v, 16);
}
#else
static void tweak_mul_alpha(uint8_t t[16], const uint8_t src[16])
{
    unsigned carry;

    copy_bytes(t, src, 16);
    PROOF_LABEL(C);
    /*@ assert copied: SPEC_EQ16(t, sel16, SPEC_AT16(src, Pre)); */
    carry = t[15] / 128u; /* the bit shifted out, x^128 */
    /* Byte k: its bits move up by one, the top bit of byte k-1 comes in
       (straight-line, from the top byte down, so each t[k-1] is still old). */
    t[15] = (uint8_t)(2u * t[15] + t[14] / 128u);
    t[14] = (uint8_t)(2u * t[14] + t[13] / 128u);
    t[13] = (uint8_t)(2u * t[13] + t[12] / 128u);
    t[12] = (uint8_t)(2u * t[12] + t[11] / 128u);
    t[11] = (uint8_t)(2u * t[11] + t[10] / 128u);
    t[10] = (uint8_t)(2u * t[10] + t[9] / 128u);
    t[9] = (uint8_t)(2u * t[9] + t[8] / 128u);
    t[8] = (uint8_t)(2u * t[8] + t[7] / 128u);
    t[7] = (uint8_t)(2u * t[7] + t[6] / 128u);
    t[6] = (uint8_t)(2u * t[6] + t[5] / 128u);
    t[5] = (uint8_t)(2u * t[5] + t[4] / 128u);
    t[4] = (uint8_t)(2u * t[4] + t[3] / 128u);
    t[3] = (uint8_t)(2u * t[3] + t[2] / 128u);
    t[2] = (uint8_t)(2u * t[2] + t[1] / 128u);
    t[1] = (uint8_t)(2u * t[1] + t[0] / 128u);
    /*@ assert upper: \forall integer i; 1 <= i < 16 ==> t[i] == MULX(SPEC_AT16(t, C), i); */
    /* x^128 = x^7 + x^2 + x + 1: xor 0x87 into byte 0 if the bit was set. */
    /*@ assert carry == \at(t[15], C) / 128; */
    /*@ assert 0 <= \at(t[15], C) <= 255 && 0 <= carry <= 1; */
    /*@ assert carry == 0 || carry == 1; */
    /*@ assert carry == 0 ==> MUL0(carry) == (uint8_t)(2 * t[0]); */
    /*@ assert carry == 1 ==> MUL0(carry) == (uint8_t)((uint8_t)(2 * t[0]) ^ 0x87); */
    t[0] = (uint8_t)((uint8_t)(2u * t[0]) ^ (0x87u * carry));
    /*@ assert low: t[0] == MULX(SPEC_AT16(t, C), 0); */
    /*@ assert all: \forall integer b; 0 <= b < 16 ==> t[b] == MULX(SPEC_AT16(src, Pre), b); */
}
#endif

/*
 * Ciphertext stealing, decryption (IEEE 1619 §5.4.2): C_{m-1} = in[o, o+16)
 * and C_m = in[o+16, o+16+r), 0 < r < 16, T = T_{m-1}. out == in allowed.
 *
 * First PP = XTS-AES-blockDec(Key, C_{m-1}, i, m): the tweak is
 * T_m = T * alpha, and T is kept (P_{m-1} uses T_{m-1}).
 */
static void decrypt_steal_pp(const vxts_key *k, uint8_t pp[16], const uint8_t *in, size_t o,
                             const uint8_t T[16])
{
    uint8_t t_m[16]; /* T_m */

    /*@ assert SB: kernel_buffers(k, pp, in + o, 16) && kernel_tweak(k, pp, in + o, 16, &t_m[0]); */
    tweak_mul_alpha(t_m, T);
    /*@ assert Tq: BLOCK_IS(t_m[b] == MULX(SPEC_AT16(T, Pre), b)); */
    /*@ assert Tm: SPEC_EQ16(t_m, MULX, SPEC_AT16(T, Pre)); */
    /*@ assert Cg: SPEC_EQ16(in + o, sel16, SPEC_AT16(in + o, Pre)); */
    PROOF_LABEL(L2);
    decrypt_block(k, pp, in + o, t_m);
    PROOF_LABEL(W);
    wipe_block(t_m);
    /*@ assert F: BLOCK_IS(pp[b] == \at(pp[b], W)); */
    /*@ assert PP0: BLOCK_IS(pp[b] == XEX_D(KEY1(k), SPEC_AT16(in + o, Pre), SPEC_F16(MULX, SPEC_AT16(T, Pre)), b,
                                            MULX(SPEC_AT16(T, Pre), b))); */
}

/*
 * Ciphertext stealing, decryption (§5.4.2), on C_{m-1} || C_m at in[o, o+16+r)
 * with T = T_{m-1}: PP as above, CC = C_m || CP, P_m = the head of PP,
 * P_{m-1} = XTS-AES-blockDec(Key, CC, i, m-1). out == in allowed.
 */
static void decrypt_steal(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t r,
                          uint8_t T[16])
{
    uint8_t cc[16], pp[16];

    /*@ assert Tsel: BLOCK_IS(T[b] == sel16(SPEC_M16(T, 0), b)); */
    /* PP = XTS-AES-blockDec(Key, C_{m-1}, i, m). */
    decrypt_steal_pp(k, pp, in, o, T);
    /* CC = C_m || CP: PP with its first r bytes replaced by C_m. */
    copy_bytes(cc, pp, 16);
    replace_head(cc, in + o + 16, r);
    /*@ assert CC: BLOCK_IS(cc[b] == STEAL_CC_D{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, b)); */
    /* P_m = the first r bytes of PP (C_m is in CC already: in place is safe). */
    copy_bytes(out + o + 16, pp, r);
    /*@ assert P_m: PARTIAL_IS(out[n] == STEAL_D_OUT); */
    /*@ assert CCg: SPEC_EQ16(cc, STEAL_CC_D{Pre}, KEY1(k), in, o, SPEC_AT16(T, Pre), r); */
    /*@ assert Tk: BLOCK_IS(T[b] == \at(T[b], Pre)); */
    PROOF_LABEL(L2);
    /* P_{m-1} = XTS-AES-blockDec(Key, CC, i, m-1). */
    decrypt_block(k, out + o, cc, T);
    /*@ assert P_m1a: BLOCK_IS(out[o + b] == XEX_D(KEY1(k), SPEC_AT16(cc, L2), SPEC_AT16(T, L2), b, \at(T[b], L2))); */
    /*@ assert P_m1b: BLOCK_IS(out[o + b] == STEAL_D_UNFOLDED); */
    /*@ assert P_m1: LAST_IS(out[n] == STEAL_D_OUT); */
    /*@ assert P_mk: PARTIAL_IS(out[n] == \at(out[n], L2)); */
    PROOF_LABEL(W);
    wipe_block(cc);
    wipe_block(pp);
    /*@ assert F: \forall integer n; o <= n < o + 16 + r ==> out[n] == \at(out[n], W); */
}

/* XTS-AES decryption of one data unit (IEEE 1619 §5.4.2); as encrypt_unit. */
static void decrypt_unit(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t len,
                         uint8_t T[16])
{
    size_t m = len / 16, r = len % 16;

    if (r == 0) {
        /*@ assert len % 16 == 0; */
        /* P_0 .. P_{m-1}. */
        decrypt_run(k, out, in, o, m, T);
        /*@ assert P_whole: UNIT_IS(XTS_DEC_T, o, o + len); */
        return;
    }
    /*@ assert SB: STEAL_BUFFERS; */
    /* P_0 .. P_{m-2}; T becomes T_{m-1}. */
    decrypt_run(k, out, in, o, m - 1, T);
    /*@ assert rest: IN_KEPT(o + 16 * (m - 1), o + len); */
    /*@ assert head0: UNIT_IS(XTS_DEC_T, o, o + 16 * (m - 1)); */
    /*@ assert Tg: SPEC_EQ16(T, AP, SPEC_AT16(T, Pre), m - 1); */
    /*@ assert sr: STEAL_READS_SAME(STEAL_D); */
    PROOF_LABEL(Mid);
    /* P_{m-1} and P_m. */
    decrypt_steal(k, out, in, o + 16 * (m - 1), r, T);
    /*@ assert head1: \forall integer x; o <= x < o + 16 * (m - 1) ==> out[x] == \at(out[x], Mid); */
    /*@ assert head: UNIT_IS(XTS_DEC_T, o, o + 16 * (m - 1)); */
    /*@ assert tail0: TAIL_IS(STEAL_D{Mid}(KEY1(k), in, STEAL_AT, SPEC_AT16(T, Mid), r, x - STEAL_AT)); */
    /*@ assert tail1: TAIL_IS(STEAL_D{Pre}(KEY1(k), in, STEAL_AT, SPEC_AT16(T, Mid), r, x - STEAL_AT)); */
    /*@ assert tail2: TAIL_IS(STEAL_D{Pre}(KEY1(k), in, STEAL_AT, SPEC_F16(AP, SPEC_AT16(T, Pre), m - 1), r,
                                           x - STEAL_AT)); */
    /*@ assert tail: UNIT_IS(XTS_DEC_T, o + 16 * (m - 1), o + len); */
    /*@ assert P_steal: UNIT_IS(XTS_DEC_T, o, o + len); */
}

/* ---- public data-unit calls ----------------------------------------------------- */

/* vxts_encrypt after the argument checks: T = E_K2(i), then the data unit (IEEE 1619 §5.3.2). */
static void encrypt_with_tweak(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t len,
                               const uint8_t tweak[16])
{
    uint8_t T[16];

    first_tweak(k, T, tweak); /* T = E_K2(i) */
    /*@ assert T_0: BLOCK_IS(T[b] == E(KEY2(k), SPEC_AT16(tweak, Pre), b)); */
    /*@ assert in_kept: IN_KEPT(0, len); */
    /*@ assert \forall integer n; 0 <= n < len ==> XTS_AT_HERE(XTS_ENC_T, in, 0, len, SPEC_M16(T, 0), n); */
    /*@ assert \forall integer n; 0 <= n < len ==>
          XTS_ENC_T{Here}(KEY1(k), in, 0, len, SPEC_M16(T, 0), n) == UNIT_ENC_PRE(n); */
    encrypt_unit(k, out, in, 0, len, T);
    wipe_block(T);
    /*@ assert C: \forall integer n; 0 <= n < len ==> out[n] == UNIT_ENC_PRE(n); */
}

/* vxts_decrypt after the argument checks: T = E_K2(i), then the data unit (IEEE 1619 §5.4.2). */
static void decrypt_with_tweak(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t len,
                               const uint8_t tweak[16])
{
    uint8_t T[16];

    first_tweak(k, T, tweak); /* T = E_K2(i): the tweak key always encrypts */
    /*@ assert T_0: BLOCK_IS(T[b] == E(KEY2(k), SPEC_AT16(tweak, Pre), b)); */
    /*@ assert in_kept: IN_KEPT(0, len); */
    /*@ assert \forall integer n; 0 <= n < len ==> XTS_AT_HERE(XTS_DEC_T, in, 0, len, SPEC_M16(T, 0), n); */
    /*@ assert \forall integer n; 0 <= n < len ==>
          XTS_DEC_T{Here}(KEY1(k), in, 0, len, SPEC_M16(T, 0), n) == UNIT_DEC_PRE(n); */
    decrypt_unit(k, out, in, 0, len, T);
    wipe_block(T);
    /*@ assert P: \forall integer n; 0 <= n < len ==> out[n] == UNIT_DEC_PRE(n); */
}

int vxts_encrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t tweak[16])
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    int status = check_unit(k, out, in, len, tweak);
    if (status != VXTS_OK)
        return status;
    encrypt_with_tweak(k, out, in, len, tweak);
    vxts_kernel_scrub(k->backend);
    return VXTS_OK;
}

int vxts_decrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t tweak[16])
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    int status = check_unit(k, out, in, len, tweak);
    if (status != VXTS_OK)
        return status;
    decrypt_with_tweak(k, out, in, len, tweak);
    vxts_kernel_scrub(k->backend);
    return VXTS_OK;
}

/* ---- sectors (dm-crypt plain64: sector k uses tweak first_sector + k) ------------- */

/* T = E_K2(i) for the tweak i = the sector number (§5.1, dm-crypt plain64). */
static void sector_first_tweak(const vxts_key *k, uint8_t T[16], uint64_t sector)
{
    uint8_t i[16];

    vxts_sector_tweak(i, sector); /* i = the sector number */
    /*@ assert SPEC_EQ16(i, LE, sector); */
    PROOF_LABEL(L);
    first_tweak(k, T, i);         /* T = E_K2(i) */
    /*@ assert SPEC_EQ16(T, E, KEY2(k), SPEC_AT16(i, L)); */
    /*@ assert SPEC_EQ16(T, E, KEY2(k), SPEC_F16(LE, sector)); */
    wipe_block(i);
}

/* One sector: in[off, off+size) -> out[off, off+size) with the tweak i = sector (dm-crypt plain64). */
static void encrypt_sector(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t off, size_t size,
                           uint64_t sector)
{
    uint8_t T[16];

    sector_first_tweak(k, T, sector); /* T = E_K2(i), i = the sector number (§5.1) */
    /*@ assert in_kept: IN_KEPT(off, off + size); */
    /*@ assert \forall integer x; 0 <= x < size ==>
          XTS_ENC_T{Here}(KEY1(k), in, off, size, SECTOR_T0, x) == XTS_ENC_T{Pre}(KEY1(k), in, off, size, SECTOR_T0, x); */
    /*@ assert \forall integer x; 0 <= x < size ==>
          XTS_ENC_T{Here}(KEY1(k), in, off, size, SPEC_M16(T, 0), x) == XTS_ENC_T{Pre}(KEY1(k), in, off, size, SECTOR_T0, x); */
    encrypt_unit(k, out, in, off, size, T);
    wipe_block(T);
    /*@ assert C: \forall integer x; off <= x < off + size ==>
          out[x] == XTS_ENC_T{Pre}(KEY1(k), in, off, size, SECTOR_T0, x - off); */
}

/* One sector: in[off, off+size) -> out[off, off+size) with the tweak i = sector (dm-crypt plain64). */
static void decrypt_sector(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t off, size_t size,
                           uint64_t sector)
{
    uint8_t T[16];

    sector_first_tweak(k, T, sector); /* T = E_K2(i), i = the sector number (§5.1) */
    /*@ assert in_kept: IN_KEPT(off, off + size); */
    /*@ assert \forall integer x; 0 <= x < size ==> XTS_AT_HERE(XTS_DEC_T, in, off, size, SPEC_M16(T, 0), x); */
    /*@ assert \forall integer x; 0 <= x < size ==>
          XTS_DEC_T{Here}(KEY1(k), in, off, size, SPEC_M16(T, 0), x) == XTS_DEC_T{Pre}(KEY1(k), in, off, size, SECTOR_T0, x); */
    decrypt_unit(k, out, in, off, size, T);
    wipe_block(T);
    /*@ assert P: \forall integer x; off <= x < off + size ==>
          out[x] == XTS_DEC_T{Pre}(KEY1(k), in, off, size, SECTOR_T0, x - off); */
}

/* Sectors of whole blocks (sector_size % 16 == 0): all n of them in one kernel call. */
static void encrypt_whole_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n,
                                  size_t sector_size, uint64_t first_sector)
{
    /*@ assert 16 * (sector_size / 16) == sector_size; */
    vxts_kernel_encrypt_sectors(k, out, in, n, sector_size / 16, first_sector);
    /*@ assert EACH_SECTOR(n, out[x] == SECTOR_XB(XB_E)); */
    /*@ assert EACH_SECTOR(n, SECTOR_UNIT(XTS_ENC_T) == SECTOR_XB(XB_E)); */
}

/* Sectors of whole blocks (sector_size % 16 == 0): all n of them in one kernel call. */
static void decrypt_whole_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n,
                                  size_t sector_size, uint64_t first_sector)
{
    /*@ assert 16 * (sector_size / 16) == sector_size; */
    vxts_kernel_decrypt_sectors(k, out, in, n, sector_size / 16, first_sector);
    /*@ assert EACH_SECTOR(n, out[x] == SECTOR_XB(XB_D)); */
    /*@ assert EACH_SECTOR(n, SECTOR_UNIT(XTS_DEC_T) == SECTOR_XB(XB_D)); */
}

int vxts_encrypt_sectors(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector)
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    size_t n, s, off;
    int status = check_sectors(k, out, in, len, sector_size, first_sector);
    if (status != VXTS_OK)
        return status;
    n = len / sector_size;
    /*@ assert len == SECTOR_AT(sector_size, n); */
    if (sector_size % 16 == 0) {
        encrypt_whole_sectors(k, out, in, n, sector_size, first_sector);
    } else {
        /*@ loop invariant 0 <= s <= n && off == SECTOR_AT(sector_size, s);
            loop invariant done: DONE_SECTORS(out[x] == SECTOR_OUT(XTS_ENC_AT, Pre, s2));
            loop invariant rest: IN_KEPT(off, len);
            loop assigns s, off, out[0 .. len - 1];
            loop variant n - s; */
        for (s = 0, off = 0; s < n; s++, off += sector_size) {
            /* Sector s: bytes [off, off + sector_size), tweak i = first_sector + s. */
            /*@ assert IN_KEPT(off, off + sector_size); */
            /*@ assert \forall integer x; 0 <= x < sector_size ==> SECTOR_READS_SAME(XTS_ENC_AT); */
            /*@ assert before: DONE_SECTORS(x < off); */
            /*@ assert sep_rest: SECTOR_REST_APART; */
            /*@ assert rest_apart: \forall integer x; off + sector_size <= x < len ==>
                  \separated(in + x, out + (off .. off + sector_size - 1)); */
            PROOF_LABEL(B);
            encrypt_sector(k, out, in, off, sector_size, first_sector + s);
            /*@ assert rest_B: \forall integer x; off + sector_size <= x < len ==> in[x] == \at(in[x], B); */
            /*@ assert rest_next: IN_KEPT(off + sector_size, len); */
            /*@ assert kept: DONE_SECTORS(out[x] == \at(out[x], B)); */
            /*@ assert SECTOR_S_IS(out[x] == SECTOR_OUT(XTS_ENC_AT, Pre, s2)); */
        }
    }
    vxts_kernel_scrub(k->backend);
    return VXTS_OK;
}

int vxts_decrypt_sectors(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector)
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    size_t n, s, off;
    int status = check_sectors(k, out, in, len, sector_size, first_sector);
    if (status != VXTS_OK)
        return status;
    n = len / sector_size;
    /*@ assert len == SECTOR_AT(sector_size, n); */
    if (sector_size % 16 == 0) {
        decrypt_whole_sectors(k, out, in, n, sector_size, first_sector);
    } else {
        /*@ loop invariant 0 <= s <= n && off == SECTOR_AT(sector_size, s);
            loop invariant done: DONE_SECTORS(out[x] == SECTOR_OUT(XTS_DEC_AT, Pre, s2));
            loop invariant rest: IN_KEPT(off, len);
            loop assigns s, off, out[0 .. len - 1];
            loop variant n - s; */
        for (s = 0, off = 0; s < n; s++, off += sector_size) {
            /* Sector s: bytes [off, off + sector_size), tweak i = first_sector + s. */
            /*@ assert IN_KEPT(off, off + sector_size); */
            /*@ assert \forall integer x; 0 <= x < sector_size ==> SECTOR_READS_SAME(XTS_DEC_AT); */
            /*@ assert before: DONE_SECTORS(x < off); */
            /*@ assert sep_rest: SECTOR_REST_APART; */
            /*@ assert rest_apart: \forall integer x; off + sector_size <= x < len ==>
                  \separated(in + x, out + (off .. off + sector_size - 1)); */
            PROOF_LABEL(B);
            decrypt_sector(k, out, in, off, sector_size, first_sector + s);
            /*@ assert rest_B: \forall integer x; off + sector_size <= x < len ==> in[x] == \at(in[x], B); */
            /*@ assert rest_next: IN_KEPT(off + sector_size, len); */
            /*@ assert kept: DONE_SECTORS(out[x] == \at(out[x], B)); */
            /*@ assert SECTOR_S_IS(out[x] == SECTOR_OUT(XTS_DEC_AT, Pre, s2)); */
        }
    }
    vxts_kernel_scrub(k->backend);
    return VXTS_OK;
}

/* ---- messages ---------------------------------------------------------------------- */

const char *vxts_strerror(int status)
{
    switch (status) {
    case VXTS_OK: return "success";
    case VXTS_ERR_ARGUMENT: return "invalid argument (NULL pointer, or a context not set up by vxts_init)";
    case VXTS_ERR_KEY_LENGTH: return "key must be 32 bytes (AES-128-XTS) or 64 bytes (AES-256-XTS)";
    case VXTS_ERR_WEAK_KEY: return "weak key: Key1 and Key2 are equal";
    case VXTS_ERR_DATA_LENGTH:
        return "data length must be 16 to 2^24 bytes (or a whole number of such sectors) within memory";
    case VXTS_ERR_OVERLAP: return "input and output (or key and context) overlap without being the same buffer";
    case VXTS_ERR_BACKEND_UNAVAILABLE: return "backend unknown, not supported by this CPU, or disabled by VXTS_DISABLE";
    case VXTS_ERR_SECTOR_RANGE: return "sector number would pass 2^64 - 1";
    default: return "unknown status";
    }
}

const char *vxts_version(void)
{
    return VXTS_VERSION_STRING;
}
