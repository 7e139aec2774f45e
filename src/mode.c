/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The XTS mode layer (IEEE Std 1619-2018 §5, NIST SP 800-38E).
 *
 * The only code that knows about lengths and ciphertext stealing. Each public
 * call reads like the standard: check the arguments, T = E_K2(i), the whole
 * blocks through the backend's kernel, then ciphertext stealing, written once
 * per direction. Backends are reached only through the contracts of backend.h.
 * Only lengths steer control flow.
 */
#include "backend.h"

#ifdef __FRAMAC__
#include "api_spec.h" /* proofs/spec: the argument conditions of the contracts below */
#endif

/* ---- key setup (IEEE 1619 §5.1: Key = Key1 || Key2) ----------------------- */

/* 1 if a[0..n) == b[0..n); the time does not depend on the bytes. */
/*@ requires n <= 32 && \valid_read(a + (0 .. n - 1)) && \valid_read(b + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (\forall integer i; 0 <= i < n ==> a[i] == b[i]);
*/
static int equal_bytes_ct(const uint8_t *a, const uint8_t *b, size_t n)
{
    /* The sum of the squared byte differences: 0 exactly when the bytes are
       equal. Arithmetic only (no branch on the bytes); at most 32 * 255^2. */
    unsigned acc = 0;
    size_t i;
    /*@ loop invariant 0 <= i <= n && acc <= 65025 * i;
        loop invariant acc == 0 <==> (\forall integer j; 0 <= j < i ==> a[j] == b[j]);
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

/*@ requires ctx == \null || \valid(CTX_KEY(ctx));
    requires ctx == \null || \valid((char *)ctx + (0 .. sizeof(vxts_ctx) - 1));
    requires key == \null || \valid_read(key + (0 .. key_len - 1));
    requires backend_found != 0 ==> \valid_read(backend);
    requires ctx != \null && key != \null ==> \separated(CTX_KEY(ctx), key + (0 .. key_len - 1));
    requires ctx != \null && key != \null ==>
      \separated((char *)ctx + (0 .. sizeof(vxts_ctx) - 1), key + (0 .. key_len - 1));
    requires ctx != \null && backend_found != 0 ==> \separated(CTX_KEY(ctx), backend);
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1], *CTX_KEY(ctx);
    behavior argument:
      assumes ctx == \null || key == \null;
      assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1];
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior key_length:
      assumes ctx != \null && key != \null && !KEY_LENGTH_OK(key_len);
      assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1];
      ensures \result == VXTS_ERR_KEY_LENGTH;
    behavior backend_unavailable:
      assumes ctx != \null && key != \null && KEY_LENGTH_OK(key_len) && backend_found == 0;
      assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1];
      ensures \result == VXTS_ERR_BACKEND_UNAVAILABLE;
    behavior weak_key:
      assumes ctx != \null && key != \null && KEY_LENGTH_OK(key_len) && backend_found != 0;
      assumes KEY_HALVES_EQUAL(key, key_len / 2);
      assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1];
      ensures \result == VXTS_ERR_WEAK_KEY;
    behavior ok:
      assumes ctx != \null && key != \null && KEY_LENGTH_OK(key_len) && backend_found != 0;
      assumes !KEY_HALVES_EQUAL(key, key_len / 2);
      assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1], *CTX_KEY(ctx);
      ensures \result == VXTS_OK;
      ensures CTX_KEY(ctx)->backend == backend;
    complete behaviors;
    disjoint behaviors;
*/
static int init_with(vxts_ctx *ctx, const uint8_t *key, size_t key_len, const vxts_backend *backend,
                     int backend_found)
{
    vxts_key *k = (vxts_key *)(void *)ctx;
    size_t half;

    if (ctx == NULL)
        return VXTS_ERR_ARGUMENT;
    vxts_wipe(ctx);
    if (key == NULL)
        return VXTS_ERR_ARGUMENT;
    if (key_len != VXTS_KEY_BYTES_128 && key_len != VXTS_KEY_BYTES_256)
        return VXTS_ERR_KEY_LENGTH;
    if (!backend_found)
        return VXTS_ERR_BACKEND_UNAVAILABLE;
    half = key_len / 2;
    /*@ assert key_kept: \forall integer i; 0 <= i < key_len ==> key[i] == \at(key[i], Pre); */
    /*@ assert halves: KEY_HALVES_EQUAL{Pre}(key, half) <==> KEY_HALVES_EQUAL{Here}(key, half); */
    /* SP 800-38E / FIPS 140 guidance: Key1 must differ from Key2. */
    if (equal_bytes_ct(key, key + half, half))
        return VXTS_ERR_WEAK_KEY;

    k->rounds = half == 16 ? 10u : 14u;
    k->half_key_bytes = (uint32_t)half;
    vxts_kernel_setup(backend, k, key, key + half);
    k->backend = backend;
    return VXTS_OK;
}

/*@ requires ctx == \null || \valid(CTX_KEY(ctx));
    requires ctx == \null || \valid((char *)ctx + (0 .. sizeof(vxts_ctx) - 1));
    requires key == \null || \valid_read(key + (0 .. key_len - 1));
    requires ctx != \null && key != \null ==> \separated(CTX_KEY(ctx), key + (0 .. key_len - 1));
    requires ctx != \null && key != \null ==>
      \separated((char *)ctx + (0 .. sizeof(vxts_ctx) - 1), key + (0 .. key_len - 1));
    requires ctx != \null ==> BACKENDS_APART(CTX_KEY(ctx));
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1], *CTX_KEY(ctx);
    behavior argument:
      assumes ctx == \null || key == \null;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior key_length:
      assumes ctx != \null && key != \null && !KEY_LENGTH_OK(key_len);
      ensures \result == VXTS_ERR_KEY_LENGTH;
    behavior weak_key:
      assumes ctx != \null && key != \null && KEY_LENGTH_OK(key_len);
      assumes KEY_HALVES_EQUAL(key, key_len / 2);
      ensures \result == VXTS_ERR_WEAK_KEY;
    behavior ok:
      assumes ctx != \null && key != \null && KEY_LENGTH_OK(key_len);
      assumes !KEY_HALVES_EQUAL(key, key_len / 2);
      ensures \result == VXTS_OK && CTX_KEY(ctx)->backend != \null;
    complete behaviors;
    disjoint behaviors;
*/
int vxts_init(vxts_ctx *ctx, const uint8_t *key, size_t key_len)
{
    return init_with(ctx, key, key_len, vxts_best_backend(), 1);
}

/*@ requires ctx == \null || \valid(CTX_KEY(ctx));
    requires ctx == \null || \valid((char *)ctx + (0 .. sizeof(vxts_ctx) - 1));
    requires key == \null || \valid_read(key + (0 .. key_len - 1));
    requires ctx != \null && key != \null ==> \separated(CTX_KEY(ctx), key + (0 .. key_len - 1));
    requires ctx != \null && key != \null ==>
      \separated((char *)ctx + (0 .. sizeof(vxts_ctx) - 1), key + (0 .. key_len - 1));
    requires ctx != \null ==> BACKENDS_APART(CTX_KEY(ctx));
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1], *CTX_KEY(ctx);
    behavior argument:
      assumes ctx == \null || key == \null;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior key_length:
      assumes ctx != \null && key != \null && !KEY_LENGTH_OK(key_len);
      ensures \result == VXTS_ERR_KEY_LENGTH;
    behavior other:
      assumes ctx != \null && key != \null && KEY_LENGTH_OK(key_len);
      ensures \result == VXTS_OK || \result == VXTS_ERR_BACKEND_UNAVAILABLE || \result == VXTS_ERR_WEAK_KEY;
      ensures \result == VXTS_ERR_WEAK_KEY <==>
        (BACKEND_FOUND{Pre}(backend_id) && KEY_HALVES_EQUAL{Pre}(key, key_len / 2));
      ensures \result == VXTS_ERR_BACKEND_UNAVAILABLE <==> !BACKEND_FOUND{Pre}(backend_id);
    complete behaviors;
    disjoint behaviors;
*/
int vxts_init_backend(vxts_ctx *ctx, const uint8_t *key, size_t key_len, const char *backend_id)
{
    const vxts_backend *backend = vxts_find_backend(backend_id);
    return init_with(ctx, key, key_len, backend, backend != NULL);
}

/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    requires ctx != \null && CTX_KEY(ctx)->backend != \null ==> \valid_read(CTX_KEY(ctx)->backend);
    assigns \nothing;
    ensures ctx == \null || CTX_KEY(ctx)->backend == \null ==> \result == \null;
    ensures ctx != \null && CTX_KEY(ctx)->backend != \null ==> \result == CTX_KEY(ctx)->backend->id;
*/
const char *vxts_backend_name(const vxts_ctx *ctx)
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    return (k == NULL || k->backend == NULL) ? NULL : k->backend->id;
}

/*@ requires ctx == \null || \valid((char *)ctx + (0 .. sizeof(vxts_ctx) - 1));
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1];
*/
void vxts_wipe(vxts_ctx *ctx)
{
    if (ctx != NULL)
        vxts_memzero(ctx, sizeof *ctx);
}

/* ---- tweak arithmetic ------------------------------------------------------- */

/*
 * t <- t * alpha in GF(2^128) mod x^128 + x^7 + x^2 + x + 1, t little-endian
 * (IEEE 1619 §5.2). Straight-line arithmetic and branch-free.
 */
/*@ requires \valid(t + (0 .. 15));
    assigns t[0 .. 15];
    ensures \forall integer b; 0 <= b < 16 ==> t[b] == MULX(SPEC_OLD16(t), b);
*/
static void tweak_mul_alpha(uint8_t t[16])
{
    unsigned carry = t[15] / 128u; /* the bit shifted out, x^128 */
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
    /*@ assert \forall integer i; 1 <= i < 16 ==> t[i] == MULX(SPEC_AT16(t, Pre), i); */
    /* x^128 = x^7 + x^2 + x + 1: xor 0x87 into byte 0 if the bit was set. */
    /*@ assert carry == \at(t[15], Pre) / 128; */
    /*@ assert 0 <= \at(t[15], Pre) <= 255 && 0 <= carry <= 1; */
    /*@ assert carry == 0 || carry == 1; */
    /*@ assert carry == 0 ==> (uint8_t)((uint8_t)(2 * t[0]) ^ (0x87 * carry)) == (uint8_t)(2 * t[0]); */
    /*@ assert carry == 1 ==>
          (uint8_t)((uint8_t)(2 * t[0]) ^ (0x87 * carry)) == (uint8_t)((uint8_t)(2 * t[0]) ^ 0x87); */
    t[0] = (uint8_t)((uint8_t)(2u * t[0]) ^ (0x87u * carry));
    /*@ assert t[0] == MULX(SPEC_AT16(t, Pre), 0); */
}

/* The tweak of sector number `sector`: a 128-bit little-endian number (§5.1). */
/*@ requires \valid(tweak + (0 .. 15));
    assigns tweak[0 .. 15];
    ensures \forall integer b; 0 <= b < 16 ==> tweak[b] == LE(sector, b);
*/
void vxts_sector_tweak(uint8_t tweak[16], uint64_t sector)
{
    uint64_t v = sector;
    int k;
    /*@ loop invariant 0 <= k <= 8 && v == LE_FROM(sector, k);
        loop invariant \forall integer b; 0 <= b < k ==> tweak[b] == LE(sector, b);
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

/* Zeroes a 16-byte temporary (a block or a tweak) so that it does not outlive the call. */
/*@ requires \valid(b + (0 .. 15));
    assigns b[0 .. 15];
*/
static void wipe_block(uint8_t b[16])
{
    vxts_memzero(b, 16);
}

/* dst[0, n) = src[0, n) for two separate buffers (a memcpy with a contract). */
/*@ requires n <= 16;
    requires \valid(dst + (0 .. n - 1)) && \valid_read(src + (0 .. n - 1));
    requires \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
    assigns dst[0 .. n - 1] \from src[0 .. n - 1];
    ensures \forall integer i; 0 <= i < n ==> dst[i] == \old(src[i]);
*/
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

/* ---- one data unit ----------------------------------------------------------- */

/*
 * n whole blocks through the kernel: in[o, o+16n) -> out[o, o+16n), first
 * tweak T, and T <- T * alpha^n (§5.3.2: C_j = blockEnc(P_j, j)).
 */
/*@ requires n <= 1048576 && o <= SIZE_MAX - 16 * n;
    requires kernel_buffers(k, out + o, in + o, 16 * n) && kernel_tweak(k, out + o, in + o, 16 * n, T);
    assigns out[o .. o + 16 * n - 1], T[0 .. 15];
    ensures C: \forall integer x; o <= x < o + 16 * n ==>
      out[x] == XB_E{Pre}(KEY1(k), in, o, SPEC_OLD16(T), (x - o) / 16, (x - o) % 16);
    ensures T: \forall integer b; 0 <= b < 16 ==> T[b] == AP(SPEC_OLD16(T), n, b);
*/
static void encrypt_run(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t n,
                        uint8_t T[16])
{
    vxts_kernel_encrypt_blocks(k, out + o, in + o, n, T);
    /*@ assert C0: \forall integer x; o <= x < o + 16 * n ==>
          out[x] == XB_E{Pre}(KEY1(k), in + o, 0, SPEC_AT16(T, Pre), (x - o) / 16, (x - o) % 16); */
}

/* The same with D_K1 (§5.4.2). */
/*@ requires n <= 1048576 && o <= SIZE_MAX - 16 * n;
    requires kernel_buffers(k, out + o, in + o, 16 * n) && kernel_tweak(k, out + o, in + o, 16 * n, T);
    assigns out[o .. o + 16 * n - 1], T[0 .. 15];
    ensures P: \forall integer x; o <= x < o + 16 * n ==>
      out[x] == XB_D{Pre}(KEY1(k), in, o, SPEC_OLD16(T), (x - o) / 16, (x - o) % 16);
    ensures T: \forall integer b; 0 <= b < 16 ==> T[b] == AP(SPEC_OLD16(T), n, b);
*/
static void decrypt_run(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t n,
                        uint8_t T[16])
{
    vxts_kernel_decrypt_blocks(k, out + o, in + o, n, T);
    /*@ assert P_n: \forall integer i; 0 <= i < 16 * n ==>
          out[o + i] == XB_D{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), i / 16, i % 16); */
}

/* One block through the kernel (§5.3.1 steps 2-4): out = E_K1(in xor T) xor T; T <- T * alpha. */
/*@ requires kernel_buffers(k, out, in, 16) && kernel_tweak(k, out, in, 16, T);
    assigns out[0 .. 15], T[0 .. 15];
    ensures C: \forall integer b; 0 <= b < 16 ==>
      out[b] == XEX_E(KEY1(k), SPEC_OLD16(in), SPEC_OLD16(T), b, \old(T[b]));
    ensures T: \forall integer b; 0 <= b < 16 ==> T[b] == MULX(SPEC_OLD16(T), b);
*/
static void encrypt_block(const vxts_key *k, uint8_t out[16], const uint8_t in[16], uint8_t T[16])
{
    vxts_kernel_encrypt_blocks(k, out, in, 1, T);
    /*@ assert C0: \forall integer b; 0 <= b < 16 ==>
          out[b] == XB_E{Pre}(KEY1(k), in, 0, SPEC_AT16(T, Pre), 0, b); */
    /*@ assert C1: \forall integer b; 0 <= b < 16 ==>
          out[b] == BLK_E{Pre}(KEY1(k), in, 0, SPEC_AT16(T, Pre), b); */
    /*@ assert Tb: \forall integer b; 0 <= b < 16 ==> sel16(SPEC_AT16(T, Pre), b) == \at(T[b], Pre); */
}

/* The same with D_K1 (§5.4.1). */
/*@ requires kernel_buffers(k, out, in, 16) && kernel_tweak(k, out, in, 16, T);
    assigns out[0 .. 15], T[0 .. 15];
    ensures P: \forall integer b; 0 <= b < 16 ==>
      out[b] == XEX_D(KEY1(k), SPEC_OLD16(in), SPEC_OLD16(T), b, \old(T[b]));
*/
static void decrypt_block(const vxts_key *k, uint8_t out[16], const uint8_t in[16], uint8_t T[16])
{
    /*@ assert T_sel: \forall integer b; 0 <= b < 16 ==> T[b] == sel16(SPEC_M16(T, 0), b); */
    vxts_kernel_decrypt_blocks(k, out, in, 1, T);
    /*@ assert P_0: \forall integer b; 0 <= b < 16 ==>
          out[b] == XB_D{Pre}(KEY1(k), in, 0, SPEC_AT16(T, Pre), 0, b); */
    /*@ assert P_1: \forall integer b; 0 <= b < 16 ==>
          out[b] == XEX_D(KEY1(k), SPEC_AT16(in, Pre), SPEC_AT16(T, Pre), b, sel16(SPEC_AT16(T, Pre), b)); */
}

/* C_m of encrypt_steal: out[o+16, o+16+r) = cc[0, r); out[o, o+16) is kept. */
/*@ requires 0 < r < 16 && o <= SIZE_MAX - 16 - r;
    requires \valid(out + o + (0 .. 15 + r)) && \valid_read(cc + (0 .. 15));
    requires \separated(out + o + (0 .. 15 + r), cc + (0 .. 15));
    assigns out[o + 16 .. o + 15 + r];
    ensures tail: \forall integer n; o + 16 <= n < o + 16 + r ==> out[n] == \old(cc[n - o - 16]);
    ensures kept: \forall integer n; o <= n < o + 16 ==> out[n] == \old(out[n]);
*/
static void encrypt_steal_tail(uint8_t *out, size_t o, const uint8_t cc[16], size_t r)
{
    copy_bytes(out + o + 16, cc, r);
}

/*
 * Ciphertext stealing, encryption (IEEE 1619 §5.3.2, the steps for a partial
 * last block): P_{m-1} = in[o, o+16) and P_m = in[o+16, o+16+r), 0 < r < 16,
 * T = T_{m-1}. out == in allowed.
 */
/*@ requires 0 < r < 16 && o <= SIZE_MAX - 16 - r;
    requires kernel_buffers(k, out + o, in + o, 16 + r) && kernel_tweak(k, out + o, in + o, 16 + r, T);
    assigns out[o .. o + 15 + r], T[0 .. 15];
    ensures C_last: \forall integer n; o <= n < o + 16 ==>
      out[n] == STEAL_E{Pre}(KEY1(k), in, o, SPEC_OLD16(T), r, n - o);
    ensures C_partial: \forall integer n; o + 16 <= n < o + 16 + r ==>
      out[n] == STEAL_E{Pre}(KEY1(k), in, o, SPEC_OLD16(T), r, n - o);
*/
static void encrypt_steal(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t r,
                          uint8_t T[16])
{
    uint8_t cc[16], pp[16];

    /*@ assert Vt: \valid(out + o + 16 + (0 .. r - 1)) && \separated(out + o + 16 + (0 .. r - 1), T + (0 .. 15)); */
    /*@ assert KB2: kernel_buffers(k, out + o, &pp[0], 16) && kernel_tweak(k, out + o, &pp[0], 16, T); */
    /* CC = XTS-AES-blockEnc(Key, P_{m-1}, i, m-1); T becomes T_m. */
    encrypt_block(k, cc, in + o, T);
    /*@ assert CC0: \forall integer b; 0 <= b < 16 ==>
          cc[b] == XEX_E(KEY1(k), SPEC_AT16(in + o, Pre), SPEC_AT16(T, Pre), b, \at(T[b], Pre)); */
    /*@ assert CC: \forall integer b; 0 <= b < 16 ==>
          cc[b] == BLK_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), b); */
    /*@ assert Tm: \forall integer b; 0 <= b < 16 ==> T[b] == MULX(SPEC_AT16(T, Pre), b); */
    /*@ assert kept1: \forall integer x; o <= x < o + 16 + r ==> in[x] == \at(in[x], Pre); */
    /* PP = P_m || CP: CC with its first r bytes replaced by P_m. */
    copy_bytes(pp, cc, 16);
    /*@ assert PP0: \forall integer i; 0 <= i < 16 ==> pp[i] == cc[i]; */
    /*@ assert kept2: \forall integer x; o <= x < o + 16 + r ==> in[x] == \at(in[x], Pre); */
    copy_bytes(pp, in + o + 16, r);
    /*@ assert PP_m: \forall integer i; 0 <= i < r ==> pp[i] == \at(in[o + 16 + i], Pre); */
    /*@ assert CP: \forall integer i; r <= i < 16 ==> pp[i] == cc[i]; */
    /*@ assert PP: \forall integer i; 0 <= i < 16 ==>
          pp[i] == STEAL_PP_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, i); */
    /*@ assert CC2: \forall integer b; 0 <= b < 16 ==>
          cc[b] == BLK_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), b); */
    /*@ assert PPg: SPEC_EQ16(pp, STEAL_PP_E{Pre}, KEY1(k), in, o, SPEC_AT16(T, Pre), r); */
    /*@ assert Tm2: \forall integer b; 0 <= b < 16 ==> T[b] == MULX(SPEC_AT16(T, Pre), b); */
    /*@ assert Tg: SPEC_EQ16(T, MULX, SPEC_AT16(T, Pre)); */
    /* C_{m-1} = XTS-AES-blockEnc(Key, PP, i, m) (P_{m-1} and P_m were read
       already: in place is safe). */
#ifdef __FRAMAC__
L2:; /* a proof label */
#endif
    encrypt_block(k, out + o, pp, T);
    /*@ assert CC3: \forall integer b; 0 <= b < 16 ==>
          cc[b] == BLK_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), b); */
    /*@ assert C_m1a: \forall integer n; o <= n < o + 16 ==>
          out[n] == XEX_E(KEY1(k), SPEC_AT16(pp, L2), SPEC_AT16(T, L2), n - o, \at(T[n - o], L2)); */
    /*@ assert C_m1b: \forall integer n; o <= n < o + 16 ==>
          out[n] == XEX_E(KEY1(k), SPEC_F16(STEAL_PP_E{Pre}, KEY1(k), in, o, SPEC_AT16(T, Pre), r),
                          SPEC_F16(MULX, SPEC_AT16(T, Pre)), n - o, MULX(SPEC_AT16(T, Pre), n - o)); */
    /*@ assert C_m1: \forall integer n; o <= n < o + 16 ==>
          out[n] == STEAL_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, n - o); */
#ifdef __FRAMAC__
L3:; /* a proof label */
#endif
    /* C_m = the first r bytes of CC. */
    encrypt_steal_tail(out, o, cc, r);
    /*@ assert C_m1k: \forall integer n; o <= n < o + 16 ==> out[n] == \at(out[n], L3); */
    /*@ assert C_m0: \forall integer n; o + 16 <= n < o + 16 + r ==> out[n] == \at(cc[n - o - 16], L3); */
    /*@ assert C_m: \forall integer n; o + 16 <= n < o + 16 + r ==>
          out[n] == STEAL_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, n - o); */
    /*@ assert C_m2: \forall integer n; o <= n < o + 16 ==>
          out[n] == STEAL_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, n - o); */
#ifdef __FRAMAC__
W:; /* a proof label */
#endif
    wipe_block(cc);
    wipe_block(pp);
    /*@ assert F: \forall integer n; o <= n < o + 16 + r ==> out[n] == \at(out[n], W); */
}

/*
 * XTS-AES encryption of one data unit, in[o, o+len) -> out[o, o+len),
 * 16 <= len <= 2^24, T = E_K2(i) already (IEEE 1619 §5.3.2). out == in allowed.
 */
/*@ requires 16 <= len <= 16777216 && o <= SIZE_MAX - len;
    requires kernel_buffers(k, out + o, in + o, len) && kernel_tweak(k, out + o, in + o, len, T);
    assigns out[o .. o + len - 1], T[0 .. 15];
    ensures C: \forall integer x; o <= x < o + len ==>
      out[x] == XTS_ENC_T{Pre}(KEY1(k), in, o, len, SPEC_OLD16(T), x - o);
*/
static void encrypt_unit(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t len,
                         uint8_t T[16])
{
    size_t m = len / 16, r = len % 16;

    if (r == 0) {
        /* C_0 .. C_{m-1}. */
        encrypt_run(k, out, in, o, m, T);
        /*@ assert whole: \forall integer x; o <= x < o + len ==>
              out[x] == XTS_ENC_T{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o); */
        return;
    }
    /*@ assert SB: kernel_buffers(k, out + (o + 16 * (m - 1)), in + (o + 16 * (m - 1)), 16 + r) &&
          kernel_tweak(k, out + (o + 16 * (m - 1)), in + (o + 16 * (m - 1)), 16 + r, T); */
    /* C_0 .. C_{m-2}; T becomes T_{m-1}. */
    encrypt_run(k, out, in, o, m - 1, T);
#ifdef __FRAMAC__
Mid:; /* a proof label */
#endif
    /*@ assert head0: \forall integer x; o <= x < o + 16 * (m - 1) ==>
          out[x] == XTS_ENC_T{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o); */
    /*@ assert rest: \forall integer x; o + 16 * (m - 1) <= x < o + len ==> in[x] == \at(in[x], Pre); */
    /*@ assert Tg: SPEC_EQ16(T, AP, SPEC_AT16(T, Pre), m - 1); */
    /*@ assert rest2: \forall integer x; o + 16 * (m - 1) <= x < o + 16 * (m - 1) + 16 + r ==>
          in[x] == \at(in[x], Pre); */
    /*@ assert sr: \forall integer b; 0 <= b < 16 + r ==>
          STEAL_E{Here}(KEY1(k), in, o + 16 * (m - 1), SPEC_M16(T, 0), r, b) ==
          STEAL_E{Pre}(KEY1(k), in, o + 16 * (m - 1), SPEC_M16(T, 0), r, b); */
    /* C_{m-1} and C_m. */
    encrypt_steal(k, out, in, o + 16 * (m - 1), r, T);
    /*@ assert tail0: \forall integer x; o + 16 * (m - 1) <= x < o + len ==>
          out[x] == STEAL_E{Mid}(KEY1(k), in, o + 16 * (m - 1), SPEC_AT16(T, Mid), r, x - (o + 16 * (m - 1))); */
    /*@ assert tail1: \forall integer x; o + 16 * (m - 1) <= x < o + len ==>
          out[x] == STEAL_E{Pre}(KEY1(k), in, o + 16 * (m - 1), SPEC_AT16(T, Mid), r, x - (o + 16 * (m - 1))); */
    /*@ assert tail2: \forall integer x; o + 16 * (m - 1) <= x < o + len ==>
          out[x] == STEAL_E{Pre}(KEY1(k), in, o + 16 * (m - 1), SPEC_F16(AP, SPEC_AT16(T, Pre), m - 1), r,
                                 x - (o + 16 * (m - 1))); */
    /*@ assert tail: \forall integer x; o + 16 * (m - 1) <= x < o + len ==>
          out[x] == XTS_ENC_T{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o); */
    /*@ assert head: \forall integer x; o <= x < o + 16 * (m - 1) ==>
          out[x] == XTS_ENC_T{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o); */
}

/*
 * Ciphertext stealing, decryption (IEEE 1619 §5.4.2): C_{m-1} = in[o, o+16)
 * and C_m = in[o+16, o+16+r), 0 < r < 16, T = T_{m-1}. out == in allowed.
 *
 * First PP = XTS-AES-blockDec(Key, C_{m-1}, i, m): the tweak is
 * T_m = T * alpha, and T is kept (P_{m-1} uses T_{m-1}).
 */
/*@ requires o <= SIZE_MAX - 16;
    requires \valid_read(k) && \valid_read(in + o + (0 .. 15)) && \valid_read(T + (0 .. 15));
    requires \valid(pp + (0 .. 15)) && \separated(pp + (0 .. 15), k);
    requires \separated(pp + (0 .. 15), in + o + (0 .. 15)) && \separated(pp + (0 .. 15), T + (0 .. 15));
    assigns pp[0 .. 15];
    ensures PP: \forall integer b; 0 <= b < 16 ==>
      pp[b] == STEAL_PP_D{Pre}(KEY1(k), in, o, SPEC_OLD16(T), b);
*/
static void decrypt_steal_pp(const vxts_key *k, uint8_t pp[16], const uint8_t *in, size_t o,
                             const uint8_t T[16])
{
    uint8_t t_m[16]; /* T_m */

    /*@ assert SB: kernel_buffers(k, pp, in + o, 16) && kernel_tweak(k, pp, in + o, 16, &t_m[0]); */
    copy_bytes(t_m, T, 16);
    /*@ assert T0: SPEC_EQ16(t_m, sel16, SPEC_AT16(T, Pre)); */
    tweak_mul_alpha(t_m);
    /*@ assert Tq: \forall integer b; 0 <= b < 16 ==> t_m[b] == MULX(SPEC_AT16(T, Pre), b); */
    /*@ assert Tm: SPEC_EQ16(t_m, MULX, SPEC_AT16(T, Pre)); */
    /*@ assert Cg: SPEC_EQ16(in + o, sel16, SPEC_AT16(in + o, Pre)); */
#ifdef __FRAMAC__
L2:; /* a proof label */
#endif
    decrypt_block(k, pp, in + o, t_m);
#ifdef __FRAMAC__
W:; /* a proof label */
#endif
    wipe_block(t_m);
    /*@ assert F: \forall integer b; 0 <= b < 16 ==> pp[b] == \at(pp[b], W); */
    /*@ assert PP0: \forall integer b; 0 <= b < 16 ==>
          pp[b] == XEX_D(KEY1(k), SPEC_AT16(in + o, Pre), SPEC_F16(MULX, SPEC_AT16(T, Pre)), b,
                         MULX(SPEC_AT16(T, Pre), b)); */
}

/*
 * Ciphertext stealing, decryption (§5.4.2), on C_{m-1} || C_m at in[o, o+16+r)
 * with T = T_{m-1}: PP as above, CC = C_m || CP, P_m = the head of PP,
 * P_{m-1} = XTS-AES-blockDec(Key, CC, i, m-1). out == in allowed.
 */
/*@ requires 0 < r < 16 && o <= SIZE_MAX - 16 - r;
    requires kernel_buffers(k, out + o, in + o, 16 + r) && kernel_tweak(k, out + o, in + o, 16 + r, T);
    assigns out[o .. o + 15 + r], T[0 .. 15];
    ensures P_last: \forall integer n; o <= n < o + 16 ==>
      out[n] == STEAL_D{Pre}(KEY1(k), in, o, SPEC_OLD16(T), r, n - o);
    ensures P_partial: \forall integer n; o + 16 <= n < o + 16 + r ==>
      out[n] == STEAL_D{Pre}(KEY1(k), in, o, SPEC_OLD16(T), r, n - o);
*/
static void decrypt_steal(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t r,
                          uint8_t T[16])
{
    uint8_t cc[16], pp[16];

    /*@ assert Tsel: \forall integer b; 0 <= b < 16 ==> T[b] == sel16(SPEC_M16(T, 0), b); */
    /* PP = XTS-AES-blockDec(Key, C_{m-1}, i, m). */
    decrypt_steal_pp(k, pp, in, o, T);
    /* CC = C_m || CP: PP with its first r bytes replaced by C_m. */
    copy_bytes(cc, pp, 16);
    copy_bytes(cc, in + o + 16, r);
    /*@ assert CC: \forall integer i; 0 <= i < 16 ==>
          cc[i] == STEAL_CC_D{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, i); */
    /* P_m = the first r bytes of PP (C_m is in CC already: in place is safe). */
    copy_bytes(out + o + 16, pp, r);
    /*@ assert P_m: \forall integer n; o + 16 <= n < o + 16 + r ==>
          out[n] == STEAL_D{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, n - o); */
    /*@ assert CCg: SPEC_EQ16(cc, STEAL_CC_D{Pre}, KEY1(k), in, o, SPEC_AT16(T, Pre), r); */
    /*@ assert Tk: \forall integer b; 0 <= b < 16 ==> T[b] == \at(T[b], Pre); */
#ifdef __FRAMAC__
L2:; /* a proof label */
#endif
    /* P_{m-1} = XTS-AES-blockDec(Key, CC, i, m-1). */
    decrypt_block(k, out + o, cc, T);
    /*@ assert P_m1a: \forall integer b; 0 <= b < 16 ==>
          out[o + b] == XEX_D(KEY1(k), SPEC_AT16(cc, L2), SPEC_AT16(T, L2), b, \at(T[b], L2)); */
    /*@ assert P_m1b: \forall integer b; 0 <= b < 16 ==>
          out[o + b] == XEX_D(KEY1(k), SPEC_F16(STEAL_CC_D{Pre}, KEY1(k), in, o, SPEC_AT16(T, Pre), r),
                              SPEC_AT16(T, Pre), b, sel16(SPEC_AT16(T, Pre), b)); */
    /*@ assert P_m1: \forall integer n; o <= n < o + 16 ==>
          out[n] == STEAL_D{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, n - o); */
    /*@ assert P_mk: \forall integer n; o + 16 <= n < o + 16 + r ==> out[n] == \at(out[n], L2); */
#ifdef __FRAMAC__
W:; /* a proof label */
#endif
    wipe_block(cc);
    wipe_block(pp);
    /*@ assert F: \forall integer n; o <= n < o + 16 + r ==> out[n] == \at(out[n], W); */
}

/* XTS-AES decryption of one data unit (IEEE 1619 §5.4.2); as encrypt_unit. */
/*@ requires 16 <= len <= 16777216 && o <= SIZE_MAX - len;
    requires kernel_buffers(k, out + o, in + o, len) && kernel_tweak(k, out + o, in + o, len, T);
    assigns out[o .. o + len - 1], T[0 .. 15];
    ensures P: \forall integer x; o <= x < o + len ==>
      out[x] == XTS_DEC_T{Pre}(KEY1(k), in, o, len, SPEC_OLD16(T), x - o);
*/
static void decrypt_unit(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t len,
                         uint8_t T[16])
{
    size_t m = len / 16, r = len % 16;

    if (r == 0) {
        /*@ assert len % 16 == 0; */
        /* P_0 .. P_{m-1}. */
        decrypt_run(k, out, in, o, m, T);
        /*@ assert P_whole: \forall integer x; o <= x < o + len ==>
              out[x] == XTS_DEC_T{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o); */
        return;
    }
    /*@ assert SB: kernel_buffers(k, out + (o + 16 * (m - 1)), in + (o + 16 * (m - 1)), 16 + r) &&
          kernel_tweak(k, out + (o + 16 * (m - 1)), in + (o + 16 * (m - 1)), 16 + r, T); */
    /* P_0 .. P_{m-2}; T becomes T_{m-1}. */
    decrypt_run(k, out, in, o, m - 1, T);
    /*@ assert rest: \forall integer x; o + 16 * (m - 1) <= x < o + len ==> in[x] == \at(in[x], Pre); */
    /*@ assert head0: \forall integer x; o <= x < o + 16 * (m - 1) ==>
          out[x] == XTS_DEC_T{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o); */
#ifdef __FRAMAC__
Mid:; /* the proofs' name for this point (a label only they use) */
#endif
    /* P_{m-1} and P_m. */
    decrypt_steal(k, out, in, o + 16 * (m - 1), r, T);
    /*@ assert head1: \forall integer x; o <= x < o + 16 * (m - 1) ==> out[x] == \at(out[x], Mid); */
    /*@ assert head: \forall integer x; o <= x < o + 16 * (m - 1) ==>
          out[x] == XTS_DEC_T{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o); */
    /*@ assert tail: \forall integer x; o + 16 * (m - 1) <= x < o + len ==>
          out[x] == XTS_DEC_T{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o); */
    /*@ assert P_steal: \forall integer x; o <= x < o + len ==>
          out[x] == XTS_DEC_T{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o); */
}

/* ---- argument checks ----------------------------------------------------------- */

/*
 * 1 if [out, out+len) and [in, in+len) share a byte without out == in.
 * Proofs: trusted (flat address space: uintptr_t is the address, and no
 * object wraps around the end of memory); see proofs/REPORT.md.
 */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> OVERLAP(out, in, len);
*/
static int overlaps_unequal(const uint8_t *out, const uint8_t *in, size_t len)
{
    uintptr_t o = (uintptr_t)out, i = (uintptr_t)in;
    if (o == i)
        return 0;
    return (o > i ? o - i : i - o) < len;
}

/*@ requires k == \null || \valid_read(k);
    assigns \nothing;
    behavior argument:
      assumes k == \null || k->backend == \null || out == \null || in == \null || tweak == \null;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior data_length:
      assumes !(k == \null || k->backend == \null || out == \null || in == \null || tweak == \null);
      assumes !UNIT_LENGTH_OK(len);
      ensures \result == VXTS_ERR_DATA_LENGTH;
    behavior overlap:
      assumes !(k == \null || k->backend == \null || out == \null || in == \null || tweak == \null);
      assumes UNIT_LENGTH_OK(len) && OVERLAP(out, in, len);
      ensures \result == VXTS_ERR_OVERLAP;
    behavior ok:
      assumes !(k == \null || k->backend == \null || out == \null || in == \null || tweak == \null);
      assumes UNIT_LENGTH_OK(len) && !OVERLAP(out, in, len);
      ensures \result == VXTS_OK;
    complete behaviors;
    disjoint behaviors;
*/
static int check_unit(const vxts_key *k, const uint8_t *out, const uint8_t *in, size_t len,
                      const uint8_t *tweak)
{
    if (k == NULL || k->backend == NULL || out == NULL || in == NULL || tweak == NULL)
        return VXTS_ERR_ARGUMENT;
    if (len < VXTS_MIN_DATA_UNIT || len > VXTS_MAX_DATA_UNIT)
        return VXTS_ERR_DATA_LENGTH;
    if (overlaps_unequal(out, in, len))
        return VXTS_ERR_OVERLAP;
    return VXTS_OK;
}

/*@ requires k == \null || \valid_read(k);
    assigns \nothing;
    behavior argument:
      assumes k == \null || k->backend == \null || out == \null || in == \null;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior data_length:
      assumes !(k == \null || k->backend == \null || out == \null || in == \null);
      assumes !SECTORS_LENGTH_OK(len, sector_size);
      ensures \result == VXTS_ERR_DATA_LENGTH;
    behavior overlap:
      assumes !(k == \null || k->backend == \null || out == \null || in == \null);
      assumes SECTORS_LENGTH_OK(len, sector_size) && OVERLAP(out, in, len);
      ensures \result == VXTS_ERR_OVERLAP;
    behavior sector_range:
      assumes !(k == \null || k->backend == \null || out == \null || in == \null);
      assumes SECTORS_LENGTH_OK(len, sector_size) && !OVERLAP(out, in, len);
      assumes SECTOR_RANGE_BAD(len, sector_size, first_sector);
      ensures \result == VXTS_ERR_SECTOR_RANGE;
    behavior ok:
      assumes !(k == \null || k->backend == \null || out == \null || in == \null);
      assumes SECTORS_LENGTH_OK(len, sector_size) && !OVERLAP(out, in, len);
      assumes !SECTOR_RANGE_BAD(len, sector_size, first_sector);
      ensures \result == VXTS_OK;
    complete behaviors;
    disjoint behaviors;
*/
static int check_sectors(const vxts_key *k, const uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector)
{
    if (k == NULL || k->backend == NULL || out == NULL || in == NULL)
        return VXTS_ERR_ARGUMENT;
    if (sector_size < VXTS_MIN_DATA_UNIT || sector_size > VXTS_MAX_DATA_UNIT || len == 0 ||
        len % sector_size != 0)
        return VXTS_ERR_DATA_LENGTH;
    if (overlaps_unequal(out, in, len))
        return VXTS_ERR_OVERLAP;
    /* The last sector number, first + n - 1, must not pass 2^64 - 1. */
    if ((uint64_t)(len / sector_size - 1) > UINT64_MAX - first_sector)
        return VXTS_ERR_SECTOR_RANGE;
    return VXTS_OK;
}

/* T = E_K2(i) for the 16-byte tweak i (IEEE 1619 §5.3.1 step 1; also for decryption, §5.4.1). */
/*@ requires \valid_read(k) && \valid(T + (0 .. 15)) && \valid_read(tweak + (0 .. 15));
    requires \separated(T + (0 .. 15), k) && \separated(T + (0 .. 15), tweak + (0 .. 15));
    assigns T[0 .. 15];
    ensures T_0: \forall integer b; 0 <= b < 16 ==> T[b] == E(KEY2(k), SPEC_OLD16(tweak), b);
*/
static void first_tweak(const vxts_key *k, uint8_t T[16], const uint8_t tweak[16])
{
    copy_bytes(T, tweak, 16);        /* T = i */
    /*@ assert SPEC_EQ16(T, sel16, SPEC_AT16(tweak, Pre)); */
    vxts_kernel_encrypt_tweak(k, T); /* T = E_K2(i) */
}

/* T = E_K2(i) for the tweak i = the sector number (§5.1, dm-crypt plain64). */
/*@ requires \valid_read(k) && \valid(T + (0 .. 15)) && \separated(T + (0 .. 15), k);
    assigns T[0 .. 15];
    ensures T_0: \forall integer b; 0 <= b < 16 ==> T[b] == E(KEY2(k), SPEC_F16(LE, sector), b);
*/
static void sector_first_tweak(const vxts_key *k, uint8_t T[16], uint64_t sector)
{
    uint8_t i[16];

    vxts_sector_tweak(i, sector); /* i = the sector number */
    /*@ assert SPEC_EQ16(i, LE, sector); */
#ifdef __FRAMAC__
L:;
#endif
    first_tweak(k, T, i);         /* T = E_K2(i) */
    /*@ assert SPEC_EQ16(T, E, KEY2(k), SPEC_AT16(i, L)); */
    /*@ assert SPEC_EQ16(T, E, KEY2(k), SPEC_F16(LE, sector)); */
    wipe_block(i);
}

/* One sector: in[off, off+size) -> out[off, off+size) with the tweak i = sector (dm-crypt plain64). */
/*@ requires 16 <= size <= 16777216 && off <= SIZE_MAX - size;
    requires kernel_buffers(k, out + off, in + off, size);
    assigns out[off .. off + size - 1];
    ensures C: \forall integer x; off <= x < off + size ==>
      out[x] == XTS_ENC_AT(Pre, KEY1(k), KEY2(k), in, off, size, x - off, SPEC_F16(LE, sector));
*/
static void encrypt_sector(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t off, size_t size,
                           uint64_t sector)
{
    uint8_t T[16];

    sector_first_tweak(k, T, sector); /* T = E_K2(i), i = the sector number (§5.1) */
    /*@ assert in_kept: \forall integer x; off <= x < off + size ==> in[x] == \at(in[x], Pre); */
    /*@ assert \forall integer x; 0 <= x < size ==>
          XTS_ENC_T{Here}(KEY1(k), in, off, size, SPEC_F16(E, KEY2(k), SPEC_F16(LE, sector)), x) ==
          XTS_ENC_T{Pre}(KEY1(k), in, off, size, SPEC_F16(E, KEY2(k), SPEC_F16(LE, sector)), x); */
    /*@ assert \forall integer x; 0 <= x < size ==>
          XTS_ENC_T{Here}(KEY1(k), in, off, size, SPEC_M16(T, 0), x) ==
          XTS_ENC_T{Pre}(KEY1(k), in, off, size, SPEC_F16(E, KEY2(k), SPEC_F16(LE, sector)), x); */
    encrypt_unit(k, out, in, off, size, T);
    wipe_block(T);
    /*@ assert C: \forall integer x; off <= x < off + size ==>
          out[x] == XTS_ENC_T{Pre}(KEY1(k), in, off, size, SPEC_F16(E, KEY2(k), SPEC_F16(LE, sector)), x - off); */
}

/* One sector: in[off, off+size) -> out[off, off+size) with the tweak i = sector (dm-crypt plain64). */
/*@ requires 16 <= size <= 16777216 && off <= SIZE_MAX - size;
    requires kernel_buffers(k, out + off, in + off, size);
    assigns out[off .. off + size - 1];
    ensures P: \forall integer x; off <= x < off + size ==>
      out[x] == XTS_DEC_AT(Pre, KEY1(k), KEY2(k), in, off, size, x - off, SPEC_F16(LE, sector));
*/
static void decrypt_sector(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t off, size_t size,
                           uint64_t sector)
{
    uint8_t T[16];

    sector_first_tweak(k, T, sector); /* T = E_K2(i), i = the sector number (§5.1) */
    /*@ assert in_kept: \forall integer x; off <= x < off + size ==> in[x] == \at(in[x], Pre); */
    /*@ assert \forall integer x; 0 <= x < size ==>
          XTS_DEC_T{Here}(KEY1(k), in, off, size, SPEC_M16(T, 0), x) ==
          XTS_DEC_T{Pre}(KEY1(k), in, off, size, SPEC_M16(T, 0), x); */
    /*@ assert \forall integer x; 0 <= x < size ==>
          XTS_DEC_T{Here}(KEY1(k), in, off, size, SPEC_M16(T, 0), x) ==
          XTS_DEC_T{Pre}(KEY1(k), in, off, size, SPEC_F16(E, KEY2(k), SPEC_F16(LE, sector)), x); */
    decrypt_unit(k, out, in, off, size, T);
    wipe_block(T);
    /*@ assert P: \forall integer x; off <= x < off + size ==>
          out[x] == XTS_DEC_T{Pre}(KEY1(k), in, off, size, SPEC_F16(E, KEY2(k), SPEC_F16(LE, sector)), x - off); */
}

/* Sectors of whole blocks (sector_size % 16 == 0): all n of them in one kernel call. */
/*@ requires 1 <= n && 16 <= sector_size <= 16777216 && sector_size % 16 == 0;
    requires first_sector + n - 1 <= UINT64_MAX && sector_size * n <= SIZE_MAX;
    requires kernel_buffers(k, out, in, sector_size * n);
    assigns out[0 .. sector_size * n - 1];
    ensures C: \forall integer s, x;
      0 <= s < n && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
      out[x] == XTS_ENC_AT(Pre, KEY1(k), KEY2(k), in, SECTOR_AT(sector_size, s), sector_size,
                         x - SECTOR_AT(sector_size, s), SPEC_F16(LE, first_sector + s));
*/
static void encrypt_whole_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n,
                                   size_t sector_size, uint64_t first_sector)
{
    /*@ assert 16 * (sector_size / 16) == sector_size; */
    vxts_kernel_encrypt_sectors(k, out, in, n, sector_size / 16, first_sector);
    /*@ assert \forall integer s, x;
          0 <= s < n && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
          out[x] == XB_E{Pre}(KEY1(k), in, SECTOR_AT(sector_size, s),
                              SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)),
                              (x - SECTOR_AT(sector_size, s)) / 16, (x - SECTOR_AT(sector_size, s)) % 16); */
    /*@ assert \forall integer s, x;
          0 <= s < n && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
          XTS_ENC_T{Pre}(KEY1(k), in, SECTOR_AT(sector_size, s), sector_size,
                       SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)), x - SECTOR_AT(sector_size, s)) ==
          XB_E{Pre}(KEY1(k), in, SECTOR_AT(sector_size, s),
                     SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)),
                     (x - SECTOR_AT(sector_size, s)) / 16, (x - SECTOR_AT(sector_size, s)) % 16); */
}

/* Sectors of whole blocks (sector_size % 16 == 0): all n of them in one kernel call. */
/*@ requires 1 <= n && 16 <= sector_size <= 16777216 && sector_size % 16 == 0;
    requires first_sector + n - 1 <= UINT64_MAX && sector_size * n <= SIZE_MAX;
    requires kernel_buffers(k, out, in, sector_size * n);
    assigns out[0 .. sector_size * n - 1];
    ensures P: \forall integer s, x;
      0 <= s < n && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
      out[x] == XTS_DEC_AT(Pre, KEY1(k), KEY2(k), in, SECTOR_AT(sector_size, s), sector_size,
                         x - SECTOR_AT(sector_size, s), SPEC_F16(LE, first_sector + s));
*/
static void decrypt_whole_sectors(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n,
                                   size_t sector_size, uint64_t first_sector)
{
    /*@ assert 16 * (sector_size / 16) == sector_size; */
    vxts_kernel_decrypt_sectors(k, out, in, n, sector_size / 16, first_sector);
    /*@ assert \forall integer s, x;
          0 <= s < n && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
          out[x] == XB_D{Pre}(KEY1(k), in, SECTOR_AT(sector_size, s),
                              SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)),
                              (x - SECTOR_AT(sector_size, s)) / 16, (x - SECTOR_AT(sector_size, s)) % 16); */
    /*@ assert \forall integer s, x;
          0 <= s < n && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
          XTS_DEC_T{Pre}(KEY1(k), in, SECTOR_AT(sector_size, s), sector_size,
                       SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)), x - SECTOR_AT(sector_size, s)) ==
          XB_D{Pre}(KEY1(k), in, SECTOR_AT(sector_size, s),
                     SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)),
                     (x - SECTOR_AT(sector_size, s)) / 16, (x - SECTOR_AT(sector_size, s)) % 16); */
}

/* ---- public data-unit calls ----------------------------------------------------- */


/*
 * The data-unit steps of vxts_encrypt after the argument checks: T = E_K2(i),
 * then encrypt_unit (IEEE 1619 §5.3.2).
 */
/*@ requires 16 <= len <= 16777216;
    requires \valid_read(k) && \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
    requires \valid_read(tweak + (0 .. 15));
    requires out == in || \separated(out + (0 .. len - 1), in + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), k);
    assigns out[0 .. len - 1];
    ensures C: \forall integer n; 0 <= n < len ==>
      out[n] == XTS_ENC_T{Pre}(KEY1(k), in, 0, len, SPEC_F16(E, KEY2(k), SPEC_OLD16(tweak)), n);
*/
static void encrypt_with_tweak(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t len,
                               const uint8_t tweak[16])
{
    uint8_t T[16];

    first_tweak(k, T, tweak);        /* T = E_K2(i) */
    /*@ assert T_0: \forall integer i; 0 <= i < 16 ==> T[i] == E(KEY2(k), SPEC_AT16(tweak, Pre), i); */
    /*@ assert in_kept: \forall integer x; 0 <= x < len ==> in[x] == \at(in[x], Pre); */
    /*@ assert \forall integer n; 0 <= n < len ==>
          XTS_ENC_T{Here}(KEY1(k), in, 0, len, SPEC_M16(T, 0), n) ==
          XTS_ENC_T{Pre}(KEY1(k), in, 0, len, SPEC_M16(T, 0), n); */
    /*@ assert \forall integer n; 0 <= n < len ==>
          XTS_ENC_T{Here}(KEY1(k), in, 0, len, SPEC_M16(T, 0), n) ==
          XTS_ENC_T{Pre}(KEY1(k), in, 0, len, SPEC_F16(E, KEY2(k), SPEC_AT16(tweak, Pre)), n); */
    encrypt_unit(k, out, in, 0, len, T);
    wipe_block(T);
    /*@ assert C: \forall integer n; 0 <= n < len ==>
          out[n] == XTS_ENC_T{Pre}(KEY1(k), in, 0, len, SPEC_F16(E, KEY2(k), SPEC_AT16(tweak, Pre)), n); */
}

/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    assigns out[0 .. len - 1];
    behavior argument:
      assumes NO_CTX(ctx) || out == \null || in == \null || tweak == \null;
      assigns \nothing;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior data_length:
      assumes !(NO_CTX(ctx) || out == \null || in == \null || tweak == \null);
      assumes !UNIT_LENGTH_OK(len);
      assigns \nothing;
      ensures \result == VXTS_ERR_DATA_LENGTH;
    behavior overlap:
      assumes !(NO_CTX(ctx) || out == \null || in == \null || tweak == \null);
      assumes UNIT_LENGTH_OK(len) && OVERLAP(out, in, len);
      assigns \nothing;
      ensures \result == VXTS_ERR_OVERLAP;
    behavior ok:
      assumes !(NO_CTX(ctx) || out == \null || in == \null || tweak == \null);
      assumes UNIT_LENGTH_OK(len) && !OVERLAP(out, in, len);
      requires \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
      requires \valid_read(tweak + (0 .. 15));
      requires \separated(out + (0 .. len - 1), CTX_KEY(ctx));
      assigns out[0 .. len - 1];
      ensures \result == VXTS_OK;
      ensures C: \forall integer n; 0 <= n < len ==>
        out[n] == XTS_ENC_AT(Pre, KEY1(CTX_KEY(ctx)), KEY2(CTX_KEY(ctx)), in, 0, len, n, SPEC_OLD16(tweak));
    complete behaviors;
    disjoint behaviors;
*/
int vxts_encrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t tweak[16])
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    int status = check_unit(k, out, in, len, tweak);
    if (status != VXTS_OK)
        return status;
    encrypt_with_tweak(k, out, in, len, tweak);
    return VXTS_OK;
}

/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    assigns out[0 .. len - 1];
    behavior argument:
      assumes NO_CTX(ctx) || out == \null || in == \null || tweak == \null;
      assigns \nothing;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior data_length:
      assumes !(NO_CTX(ctx) || out == \null || in == \null || tweak == \null);
      assumes !UNIT_LENGTH_OK(len);
      assigns \nothing;
      ensures \result == VXTS_ERR_DATA_LENGTH;
    behavior overlap:
      assumes !(NO_CTX(ctx) || out == \null || in == \null || tweak == \null);
      assumes UNIT_LENGTH_OK(len) && OVERLAP(out, in, len);
      assigns \nothing;
      ensures \result == VXTS_ERR_OVERLAP;
    behavior ok:
      assumes !(NO_CTX(ctx) || out == \null || in == \null || tweak == \null);
      assumes UNIT_LENGTH_OK(len) && !OVERLAP(out, in, len);
      requires \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
      requires \valid_read(tweak + (0 .. 15));
      requires \separated(out + (0 .. len - 1), CTX_KEY(ctx));
      assigns out[0 .. len - 1];
      ensures \result == VXTS_OK;
      ensures P: \forall integer n; 0 <= n < len ==>
        out[n] == XTS_DEC_AT(Pre, KEY1(CTX_KEY(ctx)), KEY2(CTX_KEY(ctx)), in, 0, len, n, SPEC_OLD16(tweak));
    complete behaviors;
    disjoint behaviors;
*/
int vxts_decrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t tweak[16])
{
    const vxts_key *k = (const vxts_key *)(const void *)ctx;
    uint8_t T[16];
    int status = check_unit(k, out, in, len, tweak);
    if (status != VXTS_OK)
        return status;
    copy_bytes(T, tweak, 16);        /* T = i */
    vxts_kernel_encrypt_tweak(k, T); /* T = E_K2(i): the tweak key always encrypts */
    /*@ assert T_0: \forall integer i; 0 <= i < 16 ==> T[i] == E(KEY2(k), SPEC_AT16(tweak, Pre), i); */
    /*@ assert SPEC_EQ16(T, E, KEY2(k), SPEC_AT16(tweak, Pre)); */
    /*@ assert in_kept: \forall integer x; 0 <= x < len ==> in[x] == \at(in[x], Pre); */
    /*@ assert \forall integer n; 0 <= n < len ==>
          XTS_DEC_T{Here}(KEY1(k), in, 0, len, SPEC_M16(T, 0), n) ==
          XTS_DEC_T{Pre}(KEY1(k), in, 0, len, SPEC_M16(T, 0), n); */
    /*@ assert \forall integer n; 0 <= n < len ==>
          XTS_DEC_T{Here}(KEY1(k), in, 0, len, SPEC_M16(T, 0), n) ==
          XTS_DEC_T{Pre}(KEY1(k), in, 0, len, SPEC_F16(E, KEY2(k), SPEC_AT16(tweak, Pre)), n); */
    decrypt_unit(k, out, in, 0, len, T);
    wipe_block(T);
    /*@ assert P: \forall integer n; 0 <= n < len ==>
          out[n] == XTS_DEC_T{Pre}(KEY1(k), in, 0, len, SPEC_F16(E, KEY2(k), SPEC_AT16(tweak, Pre)), n); */
    return VXTS_OK;
}

/* ---- sectors (dm-crypt plain64: sector k uses tweak first_sector + k) ------------- */

/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    assigns out[0 .. len - 1];
    behavior argument:
      assumes NO_CTX(ctx) || out == \null || in == \null;
      assigns \nothing;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior data_length:
      assumes !(NO_CTX(ctx) || out == \null || in == \null);
      assumes !SECTORS_LENGTH_OK(len, sector_size);
      assigns \nothing;
      ensures \result == VXTS_ERR_DATA_LENGTH;
    behavior overlap:
      assumes !(NO_CTX(ctx) || out == \null || in == \null);
      assumes SECTORS_LENGTH_OK(len, sector_size) && OVERLAP(out, in, len);
      assigns \nothing;
      ensures \result == VXTS_ERR_OVERLAP;
    behavior sector_range:
      assumes !(NO_CTX(ctx) || out == \null || in == \null);
      assumes SECTORS_LENGTH_OK(len, sector_size) && !OVERLAP(out, in, len);
      assumes SECTOR_RANGE_BAD(len, sector_size, first_sector);
      assigns \nothing;
      ensures \result == VXTS_ERR_SECTOR_RANGE;
    behavior ok:
      assumes !(NO_CTX(ctx) || out == \null || in == \null);
      assumes SECTORS_LENGTH_OK(len, sector_size) && !OVERLAP(out, in, len);
      assumes !SECTOR_RANGE_BAD(len, sector_size, first_sector);
      requires \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
      requires \separated(out + (0 .. len - 1), CTX_KEY(ctx));
      assigns out[0 .. len - 1];
      ensures \result == VXTS_OK;
      ensures C: \forall integer s, x;
        0 <= s < len / sector_size && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
        out[x] == XTS_ENC_AT(Pre, KEY1(CTX_KEY(ctx)), KEY2(CTX_KEY(ctx)), in, SECTOR_AT(sector_size, s),
                           sector_size, x - SECTOR_AT(sector_size, s), SPEC_F16(LE, first_sector + s));
    complete behaviors;
    disjoint behaviors;
*/
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
        /* Whole-block sectors: all of them in one kernel call. */
        encrypt_whole_sectors(k, out, in, n, sector_size, first_sector);
        return VXTS_OK;
    }
    /*@ loop invariant 0 <= s <= n && off == SECTOR_AT(sector_size, s);
        loop invariant done: \forall integer s2, x;
          0 <= s2 < s && SECTOR_AT(sector_size, s2) <= x < SECTOR_AT(sector_size, s2) + sector_size ==>
          out[x] == XTS_ENC_AT(Pre, KEY1(k), KEY2(k), in, SECTOR_AT(sector_size, s2), sector_size,
                             x - SECTOR_AT(sector_size, s2), SPEC_F16(LE, first_sector + s2));
        loop invariant rest: \forall integer x; off <= x < len ==> in[x] == \at(in[x], Pre);
        loop assigns s, off, out[0 .. len - 1];
        loop variant n - s; */
    for (s = 0, off = 0; s < n; s++, off += sector_size) {
        /* Sector s: bytes [off, off + sector_size), tweak i = first_sector + s. */
        /*@ assert \forall integer x; off <= x < off + sector_size ==> in[x] == \at(in[x], Pre); */
        /*@ assert \forall integer x; 0 <= x < sector_size ==>
              XTS_ENC_AT(Here, KEY1(k), KEY2(k), in, off, sector_size, x, SPEC_F16(LE, first_sector + s)) ==
              XTS_ENC_AT(Pre, KEY1(k), KEY2(k), in, off, sector_size, x, SPEC_F16(LE, first_sector + s)); */
        /*@ assert before: \forall integer s2, x;
              0 <= s2 < s && SECTOR_AT(sector_size, s2) <= x < SECTOR_AT(sector_size, s2) + sector_size ==>
              x < off; */
        /*@ assert sep_rest: out == in ||
              \separated(out + (off .. off + sector_size - 1), in + (off + sector_size .. len - 1)); */
#ifdef __FRAMAC__
B:;
#endif
        encrypt_sector(k, out, in, off, sector_size, first_sector + s);
        /*@ assert rest_B: \forall integer x; off + sector_size <= x < len ==> in[x] == \at(in[x], B); */
        /*@ assert rest_next: \forall integer x; off + sector_size <= x < len ==> in[x] == \at(in[x], Pre); */
        /*@ assert kept: \forall integer s2, x;
              0 <= s2 < s && SECTOR_AT(sector_size, s2) <= x < SECTOR_AT(sector_size, s2) + sector_size ==>
              out[x] == \at(out[x], B); */
        /*@ assert \forall integer s2, x;
              s <= s2 <= s && SECTOR_AT(sector_size, s2) <= x < SECTOR_AT(sector_size, s2) + sector_size ==>
              out[x] == XTS_ENC_AT(Pre, KEY1(k), KEY2(k), in, SECTOR_AT(sector_size, s2), sector_size,
                                 x - SECTOR_AT(sector_size, s2), SPEC_F16(LE, first_sector + s2)); */
    }
    return VXTS_OK;
}

/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    assigns out[0 .. len - 1];
    behavior argument:
      assumes NO_CTX(ctx) || out == \null || in == \null;
      assigns \nothing;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior data_length:
      assumes !(NO_CTX(ctx) || out == \null || in == \null);
      assumes !SECTORS_LENGTH_OK(len, sector_size);
      assigns \nothing;
      ensures \result == VXTS_ERR_DATA_LENGTH;
    behavior overlap:
      assumes !(NO_CTX(ctx) || out == \null || in == \null);
      assumes SECTORS_LENGTH_OK(len, sector_size) && OVERLAP(out, in, len);
      assigns \nothing;
      ensures \result == VXTS_ERR_OVERLAP;
    behavior sector_range:
      assumes !(NO_CTX(ctx) || out == \null || in == \null);
      assumes SECTORS_LENGTH_OK(len, sector_size) && !OVERLAP(out, in, len);
      assumes SECTOR_RANGE_BAD(len, sector_size, first_sector);
      assigns \nothing;
      ensures \result == VXTS_ERR_SECTOR_RANGE;
    behavior ok:
      assumes !(NO_CTX(ctx) || out == \null || in == \null);
      assumes SECTORS_LENGTH_OK(len, sector_size) && !OVERLAP(out, in, len);
      assumes !SECTOR_RANGE_BAD(len, sector_size, first_sector);
      requires \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
      requires \separated(out + (0 .. len - 1), CTX_KEY(ctx));
      assigns out[0 .. len - 1];
      ensures \result == VXTS_OK;
      ensures P: \forall integer s, x;
        0 <= s < len / sector_size && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
        out[x] == XTS_DEC_AT(Pre, KEY1(CTX_KEY(ctx)), KEY2(CTX_KEY(ctx)), in, SECTOR_AT(sector_size, s),
                           sector_size, x - SECTOR_AT(sector_size, s), SPEC_F16(LE, first_sector + s));
    complete behaviors;
    disjoint behaviors;
*/
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
        /* Whole-block sectors: all of them in one kernel call. */
        decrypt_whole_sectors(k, out, in, n, sector_size, first_sector);
        return VXTS_OK;
    }
    /*@ loop invariant 0 <= s <= n && off == SECTOR_AT(sector_size, s);
        loop invariant done: \forall integer s2, x;
          0 <= s2 < s && SECTOR_AT(sector_size, s2) <= x < SECTOR_AT(sector_size, s2) + sector_size ==>
          out[x] == XTS_DEC_AT(Pre, KEY1(k), KEY2(k), in, SECTOR_AT(sector_size, s2), sector_size,
                             x - SECTOR_AT(sector_size, s2), SPEC_F16(LE, first_sector + s2));
        loop invariant rest: \forall integer x; off <= x < len ==> in[x] == \at(in[x], Pre);
        loop assigns s, off, out[0 .. len - 1];
        loop variant n - s; */
    for (s = 0, off = 0; s < n; s++, off += sector_size) {
        /* Sector s: bytes [off, off + sector_size), tweak i = first_sector + s. */
        /*@ assert \forall integer x; off <= x < off + sector_size ==> in[x] == \at(in[x], Pre); */
        /*@ assert \forall integer x; 0 <= x < sector_size ==>
              XTS_DEC_AT(Here, KEY1(k), KEY2(k), in, off, sector_size, x, SPEC_F16(LE, first_sector + s)) ==
              XTS_DEC_AT(Pre, KEY1(k), KEY2(k), in, off, sector_size, x, SPEC_F16(LE, first_sector + s)); */
        /*@ assert before: \forall integer s2, x;
              0 <= s2 < s && SECTOR_AT(sector_size, s2) <= x < SECTOR_AT(sector_size, s2) + sector_size ==>
              x < off; */
        /*@ assert sep_rest: out == in ||
              \separated(out + (off .. off + sector_size - 1), in + (off + sector_size .. len - 1)); */
#ifdef __FRAMAC__
B:;
#endif
        decrypt_sector(k, out, in, off, sector_size, first_sector + s);
        /*@ assert rest_B: \forall integer x; off + sector_size <= x < len ==> in[x] == \at(in[x], B); */
        /*@ assert rest_next: \forall integer x; off + sector_size <= x < len ==> in[x] == \at(in[x], Pre); */
        /*@ assert kept: \forall integer s2, x;
              0 <= s2 < s && SECTOR_AT(sector_size, s2) <= x < SECTOR_AT(sector_size, s2) + sector_size ==>
              out[x] == \at(out[x], B); */
        /*@ assert \forall integer s2, x;
              s <= s2 <= s && SECTOR_AT(sector_size, s2) <= x < SECTOR_AT(sector_size, s2) + sector_size ==>
              out[x] == XTS_DEC_AT(Pre, KEY1(k), KEY2(k), in, SECTOR_AT(sector_size, s2), sector_size,
                                 x - SECTOR_AT(sector_size, s2), SPEC_F16(LE, first_sector + s2)); */
    }
    return VXTS_OK;
}

/* ---- messages ---------------------------------------------------------------------- */

/*@ assigns \nothing;
    ensures \result != \null;
*/
const char *vxts_strerror(int status)
{
    switch (status) {
    case VXTS_OK: return "success";
    case VXTS_ERR_ARGUMENT: return "invalid argument (NULL pointer or uninitialised context)";
    case VXTS_ERR_KEY_LENGTH: return "key must be 32 bytes (AES-128-XTS) or 64 bytes (AES-256-XTS)";
    case VXTS_ERR_WEAK_KEY: return "weak key: Key1 and Key2 are equal";
    case VXTS_ERR_DATA_LENGTH: return "data length must be 16 to 2^24 bytes (and a whole number of sectors)";
    case VXTS_ERR_OVERLAP: return "input and output overlap without being the same buffer";
    case VXTS_ERR_BACKEND_UNAVAILABLE: return "backend not compiled in or not supported by this CPU";
    case VXTS_ERR_SECTOR_RANGE: return "sector number would pass 2^64 - 1";
    default: return "unknown status";
    }
}

/*@ assigns \nothing;
    ensures \result != \null;
*/
const char *vxts_version(void)
{
    return VXTS_VERSION_STRING;
}
