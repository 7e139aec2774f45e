/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The contracts of src/mode.c (the XTS mode layer), apart from its C: read
 * only by Frama-C (mode.c includes this under __FRAMAC__). Part 1 names the
 * formulas the asserts and loop invariants of mode.c use (macros, so that WP
 * sees exactly the formula written out); part 2 gives every function's
 * contract, in the order of mode.c. The standard's steps are in xts_spec.h,
 * the argument conditions of the public API in api_spec.h.
 */
#ifndef VXTS_MODE_SPEC_H
#define VXTS_MODE_SPEC_H

#include "api_spec.h"

/* A program point the proofs refer to (\at(x, name)). */
#define PROOF_LABEL(name) name:

/* ---- part 1: formulas named in mode.c's bodies ------------------------------ */

/* a[0, i) == b[0, i) (equal_bytes_ct). */
#define EQUAL_UPTO(a, b, i) (\forall integer j; 0 <= j < (i) ==> (a)[j] == (b)[j])
/* tweak[0, k) holds the first k bytes of the sector number (vxts_sector_tweak). */
#define LE_UPTO(t, n, k) (\forall integer b; 0 <= b < (k) ==> (t)[b] == LE(n, b))
/* Byte 0 of tweak_mul_alpha's result, with the carry applied arithmetically. */
#define MUL0(c) (uint8_t)((uint8_t)(2 * t[0]) ^ (0x87 * (c)))
/* init_with: the key still holds what the caller passed. */
#define KEY_KEPT(key, n) (\forall integer i; 0 <= i < (n) ==> (key)[i] == \at((key)[i], Pre))
/* init_with's mask loop: schedule words [0, i) are multiplied by keep (0 or 1). */
#define MASKED_UPTO(k, keep, i) (keep == 0 ==> \forall integer j; 0 <= j < (i) ==> (k)->schedule.words[j] == 0)
/* init_with: the schedule words are those key setup wrote (at label L). */
#define SCHEDULE_KEPT(k, L) (\forall integer j; 0 <= j < VXTS_SCHEDULE_BYTES / 8 ==> \
    (k)->schedule.words[j] == \at((k)->schedule.words[j], L))

/* P for every byte b of a block. */
#define BLOCK_IS(P) (\forall integer b; 0 <= b < 16 ==> (P))
/* in[a, b) is unchanged since the call. */
#define IN_KEPT(a, c) (\forall integer x; (a) <= x < (c) ==> in[x] == \at(in[x], Pre))

/* encrypt_run / decrypt_run: out[o, o + 16n) is the run F from the caller's T. */
#define RUN_IS(F, p, q) \
    (\forall integer x; o <= x < o + 16 * n ==> \
        out[x] == F{Pre}(KEY1(k), p, q, SPEC_AT16(T, Pre), (x - o) / 16, (x - o) % 16))
#define RUN_IS_FROM_O(F) \
    (\forall integer i; 0 <= i < 16 * n ==> out[o + i] == F{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), i / 16, i % 16))

/* Ciphertext stealing at offset o: C_{m-1} || P_{m-1} at [o, o+16), C_m || P_m at [o+16, o+16+r). */
#define LAST_IS(P) (\forall integer n; o <= n < o + 16 ==> (P))
#define PARTIAL_IS(P) (\forall integer n; o + 16 <= n < o + 16 + r ==> (P))
#define STEAL_CC_E BLK_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), b)
#define STEAL_E_OUT STEAL_E{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, n - o)
#define STEAL_D_OUT STEAL_D{Pre}(KEY1(k), in, o, SPEC_AT16(T, Pre), r, n - o)
/* C_{m-1} = blockEnc(PP, m) and P_{m-1} = blockDec(CC, m-1), with STEAL_E/STEAL_D unfolded. */
#define STEAL_E_UNFOLDED \
    XEX_E(KEY1(k), SPEC_F16(STEAL_PP_E{Pre}, KEY1(k), in, o, SPEC_AT16(T, Pre), r), \
          SPEC_F16(MULX, SPEC_AT16(T, Pre)), n - o, MULX(SPEC_AT16(T, Pre), n - o))
#define STEAL_D_UNFOLDED \
    XEX_D(KEY1(k), SPEC_F16(STEAL_CC_D{Pre}, KEY1(k), in, o, SPEC_AT16(T, Pre), r), \
          SPEC_AT16(T, Pre), b, sel16(SPEC_AT16(T, Pre), b))

/* encrypt_unit / decrypt_unit: bytes [a, c) of the data unit, from the caller's T. */
#define UNIT_IS(F, a, c) \
    (\forall integer x; (a) <= x < (c) ==> out[x] == F{Pre}(KEY1(k), in, o, len, SPEC_AT16(T, Pre), x - o))
/* The stealing step's offset 16 (m - 1), and its bytes. */
#define STEAL_AT (o + 16 * (m - 1))
#define STEAL_BUFFERS \
    (kernel_buffers(k, out + STEAL_AT, in + STEAL_AT, 16 + r) && \
     kernel_tweak(k, out + STEAL_AT, in + STEAL_AT, 16 + r, T))
#define TAIL_IS(V) (\forall integer x; STEAL_AT <= x < o + len ==> out[x] == (V))
#define STEAL_READS_SAME(F) \
    (\forall integer b; 0 <= b < 16 + r ==> \
        F{Here}(KEY1(k), in, STEAL_AT, SPEC_M16(T, 0), r, b) == F{Pre}(KEY1(k), in, STEAL_AT, SPEC_M16(T, 0), r, b))

/* A data-unit function F reads the same now as at the call. */
#define XTS_AT_HERE(F, p, q, n, t, x) (F{Here}(KEY1(k), p, q, n, t, x) == F{Pre}(KEY1(k), p, q, n, t, x))
/* The whole unit from T = E_K2(i), i the caller's tweak. */
#define UNIT_ENC_PRE(n) XTS_ENC_T{Pre}(KEY1(k), in, 0, len, SPEC_F16(E, KEY2(k), SPEC_AT16(tweak, Pre)), n)
#define UNIT_DEC_PRE(n) XTS_DEC_T{Pre}(KEY1(k), in, 0, len, SPEC_F16(E, KEY2(k), SPEC_AT16(tweak, Pre)), n)

/* Sectors: T_0 = E_K2(le128(sector)); P for each byte x of sector s < N (or each earlier sector s2 < s). */
#define SECTOR_T0 SPEC_F16(E, KEY2(k), SPEC_F16(LE, sector))
#define SECTOR_BYTES(s) SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size
#define EACH_SECTOR(N, P) (\forall integer s, x; 0 <= s < (N) && SECTOR_BYTES(s) ==> (P))
#define DONE_SECTORS(P) (\forall integer s2, x; 0 <= s2 < s && SECTOR_BYTES(s2) ==> (P))
#define SECTOR_S_IS(P) (\forall integer s2, x; s <= s2 <= s && SECTOR_BYTES(s2) ==> (P))
/* The kernel's whole-block view and the unit view of byte x of sector s. */
#define SECTOR_XB(F) \
    F{Pre}(KEY1(k), in, SECTOR_AT(sector_size, s), SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)), \
           (x - SECTOR_AT(sector_size, s)) / 16, (x - SECTOR_AT(sector_size, s)) % 16)
#define SECTOR_UNIT(F) \
    F{Pre}(KEY1(k), in, SECTOR_AT(sector_size, s), sector_size, \
           SPEC_F16(E, KEY2(k), SPEC_F16(LE, first_sector + s)), x - SECTOR_AT(sector_size, s))
/* Byte x of sector j as the public contract states it (XTS_ENC_AT / XTS_DEC_AT). */
#define SECTOR_OUT(F, L, j) \
    F(L, KEY1(k), KEY2(k), in, SECTOR_AT(sector_size, j), sector_size, x - SECTOR_AT(sector_size, j), \
      SPEC_F16(LE, first_sector + j))
#define SECTOR_READS_SAME(F) \
    (F(Here, KEY1(k), KEY2(k), in, off, sector_size, x, SPEC_F16(LE, first_sector + s)) == \
     F(Pre, KEY1(k), KEY2(k), in, off, sector_size, x, SPEC_F16(LE, first_sector + s)))
#define SECTOR_REST_APART \
    (out == in || \separated(out + (off .. off + sector_size - 1), in + (off + sector_size .. len - 1)))

/* ---- part 2: the contracts, in the order of mode.c --------------------------- */

/*@ // The schedules hold nothing (init_with, weak key).
    predicate SCHEDULE_ZERO{L}(vxts_key *k) =
      \forall integer j; 0 <= j < VXTS_SCHEDULE_BYTES / 8 ==> k->schedule.words[j] == 0;
*/

/* -- argument checks -- */

/* Trusted (compares addresses as integers; see the note in mode.c). */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> PAST_END(p, n);
*/
static int past_end(const uint8_t *p, size_t n);

/* Trusted, as past_end. */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> !\separated(a + (0 .. an - 1), b + (0 .. bn - 1));
*/
static int ranges_meet(const uint8_t *a, size_t an, const uint8_t *b, size_t bn);

/*@ assigns \nothing;
    behavior past_end:
      assumes !RANGES_FIT(out, in, len);
      ensures \result == VXTS_ERR_DATA_LENGTH;
    behavior overlap:
      assumes RANGES_FIT(out, in, len) && OVERLAP(out, in, len);
      ensures \result == VXTS_ERR_OVERLAP;
    behavior ok:
      assumes RANGES_FIT(out, in, len) && !OVERLAP(out, in, len);
      ensures \result == VXTS_OK;
    complete behaviors;
    disjoint behaviors;
*/
static int check_addresses(const uint8_t *out, const uint8_t *in, size_t len);

/*@ requires 0 <= backend_number <= 255;
    assigns \nothing;
    ensures \result == KEY_CHECK(backend_number, half_key_bytes);
*/
static uint64_t key_check(int backend_number, uint32_t half_key_bytes);

/*@ requires \valid_read(k);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> CTX_OK(k);
*/
static int key_usable(const vxts_key *k);

/* VXTS_ERR_ARGUMENT of a data-unit call, with k the context. */
#define UNIT_ARGS_BAD (k == \null || out == \null || in == \null || tweak == \null || !CTX_OK(k))
/*@ requires k == \null || \valid_read(k);
    assigns \nothing;
    behavior argument:
      assumes UNIT_ARGS_BAD;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior data_length:
      assumes !UNIT_ARGS_BAD && (!UNIT_LENGTH_OK(len) || !RANGES_FIT(out, in, len));
      ensures \result == VXTS_ERR_DATA_LENGTH;
    behavior overlap:
      assumes !UNIT_ARGS_BAD && UNIT_LENGTH_OK(len) && RANGES_FIT(out, in, len) && OVERLAP(out, in, len);
      ensures \result == VXTS_ERR_OVERLAP;
    behavior ok:
      assumes !UNIT_ARGS_BAD && UNIT_LENGTH_OK(len) && RANGES_FIT(out, in, len) && !OVERLAP(out, in, len);
      ensures \result == VXTS_OK;
    complete behaviors;
    disjoint behaviors;
*/
static int check_unit(const vxts_key *k, const uint8_t *out, const uint8_t *in, size_t len,
                      const uint8_t *tweak);

#define SECTOR_ARGS_BAD (k == \null || out == \null || in == \null || !CTX_OK(k))
#define SECTOR_LENGTHS_OK (SECTORS_LENGTH_OK(len, sector_size) && RANGES_FIT(out, in, len))
/*@ requires k == \null || \valid_read(k);
    assigns \nothing;
    behavior argument:
      assumes SECTOR_ARGS_BAD;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior data_length:
      assumes !SECTOR_ARGS_BAD && !SECTOR_LENGTHS_OK;
      ensures \result == VXTS_ERR_DATA_LENGTH;
    behavior overlap:
      assumes !SECTOR_ARGS_BAD && SECTOR_LENGTHS_OK && OVERLAP(out, in, len);
      ensures \result == VXTS_ERR_OVERLAP;
    behavior sector_range:
      assumes !SECTOR_ARGS_BAD && SECTOR_LENGTHS_OK && !OVERLAP(out, in, len);
      assumes SECTOR_RANGE_BAD(len, sector_size, first_sector);
      ensures \result == VXTS_ERR_SECTOR_RANGE;
    behavior ok:
      assumes !SECTOR_ARGS_BAD && SECTOR_LENGTHS_OK && !OVERLAP(out, in, len);
      assumes !SECTOR_RANGE_BAD(len, sector_size, first_sector);
      ensures \result == VXTS_OK;
    complete behaviors;
    disjoint behaviors;
*/
static int check_sectors(const vxts_key *k, const uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector);

/* -- key setup -- */

/*@ requires n <= 32 && \valid_read(a + (0 .. n - 1)) && \valid_read(b + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (\forall integer i; 0 <= i < n ==> a[i] == b[i]);
*/
static int equal_bytes_ct(const uint8_t *a, const uint8_t *b, size_t n);

/* Trusted, as past_end. */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> !KEY_APART(ctx, key, key_len);
*/
static int key_in_context(const vxts_ctx *ctx, const uint8_t *key, size_t key_len);

/*@ requires \valid_read(backend) && BACKEND_DESC(backend) && \valid(k) && \separated(k, backend);
    requires k->half_key_bytes == half && (half == 16 || half == 32) && k->rounds == AES_ROUNDS(half);
    requires \valid_read(key + (0 .. 2 * half - 1)) && \separated(k, key + (0 .. 2 * half - 1));
    requires keep == 0 || keep == 1;
    assigns k->schedule;
    ensures keep == 0 ==> SCHEDULE_ZERO(k);
    ensures keep == 1 ==> KEYED(backend, k);
    ensures keep == 1 ==> KEY1(k) == AES_KEY(half, KEY_AT(key, half, Pre)) &&
                          KEY2(k) == AES_KEY(half, KEY_AT(key + half, half, Pre));
*/
static void expand_keys(vxts_key *k, const vxts_backend *backend, const uint8_t *key, size_t half,
                        uint64_t keep);

/* After a successful key setup: the context's Key1 and Key2 are the AES keys
   given by the two halves of the key bytes passed in (IEEE 1619 §5.1), and
   its schedule is the one its backend's setup wrote. */
#define KEYS_OF_BYTES(ctx, key, key_len) \
    (CTX_KEYED(CTX_KEY(ctx)) && KEY1(CTX_KEY(ctx)) == AES_KEY(key_len / 2, KEY_AT(key, key_len / 2, Pre)) && \
     KEY2(CTX_KEY(ctx)) == AES_KEY(key_len / 2, KEY_AT(key + key_len / 2, key_len / 2, Pre)))
/* init_with's cases that get as far as the key setup. */
#define INIT_KEY_OK (ctx != \null && key != \null && KEY_APART(ctx, key, key_len) && KEY_LENGTH_OK(key_len))
/*@ requires ctx == \null || \valid(CTX_KEY(ctx));
    requires ctx == \null || \valid((char *)ctx + (0 .. sizeof(vxts_ctx) - 1));
    requires key == \null || \valid_read(key + (0 .. key_len - 1));
    requires backend != \null ==> \valid_read(backend) && BACKEND_DESC(backend);
    requires ctx != \null && backend != \null ==> \separated(CTX_KEY(ctx), backend);
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1], *CTX_KEY(ctx);
    behavior argument:
      assumes ctx == \null || key == \null;
      assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1];
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior overlap:
      assumes ctx != \null && key != \null && !KEY_APART(ctx, key, key_len);
      assigns \nothing;
      ensures \result == VXTS_ERR_OVERLAP;
    behavior key_length:
      assumes ctx != \null && key != \null && KEY_APART(ctx, key, key_len) && !KEY_LENGTH_OK(key_len);
      assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1];
      ensures \result == VXTS_ERR_KEY_LENGTH;
    behavior backend_unavailable:
      assumes INIT_KEY_OK && backend == \null;
      assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1];
      ensures \result == VXTS_ERR_BACKEND_UNAVAILABLE;
    behavior weak_key:
      assumes INIT_KEY_OK && backend != \null && KEY_HALVES_EQUAL(key, key_len / 2);
      ensures \result == VXTS_ERR_WEAK_KEY;
      ensures NO_CTX(ctx) && SCHEDULE_ZERO(CTX_KEY(ctx));
    behavior ok:
      assumes INIT_KEY_OK && backend != \null && !KEY_HALVES_EQUAL(key, key_len / 2);
      ensures \result == VXTS_OK;
      ensures usable: !NO_CTX(ctx) && CTX_KEY(ctx)->backend == backend;
      ensures keys: KEYS_OF_BYTES(ctx, key, key_len);
    complete behaviors;
    disjoint behaviors;
*/
static int init_with(vxts_ctx *ctx, const uint8_t *key, size_t key_len, const vxts_backend *backend);

/*@ requires ctx == \null || \valid(CTX_KEY(ctx));
    requires ctx == \null || \valid((char *)ctx + (0 .. sizeof(vxts_ctx) - 1));
    requires key == \null || \valid_read(key + (0 .. key_len - 1));
    requires ctx != \null ==> BACKENDS_APART(CTX_KEY(ctx));
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1], *CTX_KEY(ctx);
    behavior argument:
      assumes ctx == \null || key == \null;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior overlap:
      assumes ctx != \null && key != \null && !KEY_APART(ctx, key, key_len);
      ensures \result == VXTS_ERR_OVERLAP;
    behavior key_length:
      assumes ctx != \null && key != \null && KEY_APART(ctx, key, key_len) && !KEY_LENGTH_OK(key_len);
      ensures \result == VXTS_ERR_KEY_LENGTH;
    behavior weak_key:
      assumes INIT_KEY_OK && KEY_HALVES_EQUAL(key, key_len / 2);
      ensures \result == VXTS_ERR_WEAK_KEY && NO_CTX(ctx);
    behavior ok:
      assumes INIT_KEY_OK && !KEY_HALVES_EQUAL(key, key_len / 2);
      ensures \result == VXTS_OK && !NO_CTX(ctx);
      ensures KEYS_OF_BYTES(ctx, key, key_len);
    complete behaviors;
    disjoint behaviors;
*/
int vxts_init(vxts_ctx *ctx, const uint8_t *key, size_t key_len);

/*@ requires ctx == \null || \valid(CTX_KEY(ctx));
    requires ctx == \null || \valid((char *)ctx + (0 .. sizeof(vxts_ctx) - 1));
    requires key == \null || \valid_read(key + (0 .. key_len - 1));
    requires ctx != \null ==> BACKENDS_APART(CTX_KEY(ctx));
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1], *CTX_KEY(ctx);
    behavior argument:
      assumes ctx == \null || key == \null;
      ensures \result == VXTS_ERR_ARGUMENT;
    behavior overlap:
      assumes ctx != \null && key != \null && !KEY_APART(ctx, key, key_len);
      ensures \result == VXTS_ERR_OVERLAP;
    behavior key_length:
      assumes ctx != \null && key != \null && KEY_APART(ctx, key, key_len) && !KEY_LENGTH_OK(key_len);
      ensures \result == VXTS_ERR_KEY_LENGTH;
    behavior other:
      assumes INIT_KEY_OK;
      ensures \result == VXTS_OK || \result == VXTS_ERR_BACKEND_UNAVAILABLE || \result == VXTS_ERR_WEAK_KEY;
      ensures \result == VXTS_ERR_WEAK_KEY <==>
        (BACKEND_FOUND{Pre}(backend_id) && KEY_HALVES_EQUAL{Pre}(key, key_len / 2));
      ensures \result == VXTS_ERR_BACKEND_UNAVAILABLE <==> !BACKEND_FOUND{Pre}(backend_id);
      ensures \result == VXTS_OK ==> !NO_CTX(ctx);
      ensures \result == VXTS_OK ==> KEYS_OF_BYTES(ctx, key, key_len);
      ensures \result == VXTS_ERR_WEAK_KEY ==> NO_CTX(ctx);
    complete behaviors;
    disjoint behaviors;
*/
int vxts_init_backend(vxts_ctx *ctx, const uint8_t *key, size_t key_len, const char *backend_id);

/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    assigns \nothing;
    ensures NO_CTX(ctx) ==> \result == \null;
    ensures !NO_CTX(ctx) ==> \result == CTX_KEY(ctx)->backend->id;
*/
const char *vxts_backend_name(const vxts_ctx *ctx);

/*@ requires ctx == \null || \valid((char *)ctx + (0 .. sizeof(vxts_ctx) - 1));
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1];
*/
void vxts_wipe(vxts_ctx *ctx);

/* -- tweak arithmetic -- */

/*@ requires \valid(t + (0 .. 15)) && \valid_read(src + (0 .. 15));
    requires \separated(t + (0 .. 15), src + (0 .. 15));
    assigns t[0 .. 15];
    ensures \forall integer b; 0 <= b < 16 ==> t[b] == MULX(SPEC_OLD16(src), b);
*/
static void tweak_mul_alpha(uint8_t t[16], const uint8_t src[16]);

/*@ requires \valid(tweak + (0 .. 15));
    assigns tweak[0 .. 15];
    ensures \forall integer b; 0 <= b < 16 ==> tweak[b] == LE(sector, b);
*/
void vxts_sector_tweak(uint8_t tweak[16], uint64_t sector);

/*@ requires \valid(b + (0 .. 15));
    assigns b[0 .. 15];
*/
static void wipe_block(uint8_t b[16]);

/*@ requires n <= 16;
    requires \valid(dst + (0 .. n - 1)) && \valid_read(src + (0 .. n - 1));
    requires \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
    assigns dst[0 .. n - 1] \from src[0 .. n - 1];
    ensures \forall integer i; 0 <= i < n ==> dst[i] == \old(src[i]);
*/
static void copy_bytes(uint8_t *dst, const uint8_t *src, size_t n);

/* The built form reads the 16 bytes that end at src + r: required readable
   here, so that every call site proves it. */
/*@ requires 0 < r < 16;
    requires \valid(dst + (0 .. 15)) && \valid_read(src + (r - 16 .. r - 1));
    requires \separated(dst + (0 .. 15), src + (r - 16 .. r - 1));
    assigns dst[0 .. 15] \from src[0 .. r - 1], dst[0 .. 15];
    ensures head: \forall integer i; 0 <= i < r ==> dst[i] == \old(src[i]);
    ensures kept: \forall integer i; r <= i < 16 ==> dst[i] == \old(dst[i]);
*/
static void replace_head(uint8_t dst[16], const uint8_t *src, size_t r);

/* -- one data unit -- */

/*@ requires \valid_read(k) && CTX_KEYED(k) && \valid(T + (0 .. 15)) && \valid_read(tweak + (0 .. 15));
    requires \separated(T + (0 .. 15), k) && \separated(T + (0 .. 15), tweak + (0 .. 15));
    assigns T[0 .. 15];
    ensures T_0: \forall integer b; 0 <= b < 16 ==> T[b] == E(KEY2(k), SPEC_OLD16(tweak), b);
*/
static void first_tweak(const vxts_key *k, uint8_t T[16], const uint8_t tweak[16]);

/*@ requires n <= 1048576 && o <= SIZE_MAX - 16 * n;
    requires kernel_buffers(k, out + o, in + o, 16 * n) && kernel_tweak(k, out + o, in + o, 16 * n, T);
    assigns out[o .. o + 16 * n - 1], T[0 .. 15];
    ensures C: \forall integer x; o <= x < o + 16 * n ==>
      out[x] == XB_E{Pre}(KEY1(k), in, o, SPEC_OLD16(T), (x - o) / 16, (x - o) % 16);
    ensures T: \forall integer b; 0 <= b < 16 ==> T[b] == AP(SPEC_OLD16(T), n, b);
*/
static void encrypt_run(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t n,
                        uint8_t T[16]);

/*@ requires n <= 1048576 && o <= SIZE_MAX - 16 * n;
    requires kernel_buffers(k, out + o, in + o, 16 * n) && kernel_tweak(k, out + o, in + o, 16 * n, T);
    assigns out[o .. o + 16 * n - 1], T[0 .. 15];
    ensures P: \forall integer x; o <= x < o + 16 * n ==>
      out[x] == XB_D{Pre}(KEY1(k), in, o, SPEC_OLD16(T), (x - o) / 16, (x - o) % 16);
    ensures T: \forall integer b; 0 <= b < 16 ==> T[b] == AP(SPEC_OLD16(T), n, b);
*/
static void decrypt_run(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t n,
                        uint8_t T[16]);

/*@ requires kernel_buffers(k, out, in, 16) && kernel_tweak(k, out, in, 16, T);
    assigns out[0 .. 15], T[0 .. 15];
    ensures C: \forall integer b; 0 <= b < 16 ==>
      out[b] == XEX_E(KEY1(k), SPEC_OLD16(in), SPEC_OLD16(T), b, \old(T[b]));
    ensures T: \forall integer b; 0 <= b < 16 ==> T[b] == MULX(SPEC_OLD16(T), b);
*/
static void encrypt_block(const vxts_key *k, uint8_t out[16], const uint8_t in[16], uint8_t T[16]);

/*@ requires kernel_buffers(k, out, in, 16) && kernel_tweak(k, out, in, 16, T);
    assigns out[0 .. 15], T[0 .. 15];
    ensures P: \forall integer b; 0 <= b < 16 ==>
      out[b] == XEX_D(KEY1(k), SPEC_OLD16(in), SPEC_OLD16(T), b, \old(T[b]));
*/
static void decrypt_block(const vxts_key *k, uint8_t out[16], const uint8_t in[16], uint8_t T[16]);

/*@ requires 0 < r < 16 && o <= SIZE_MAX - 16 - r;
    requires \valid(out + o + (0 .. 15 + r)) && \valid_read(cc + (0 .. 15));
    requires \separated(out + o + (0 .. 15 + r), cc + (0 .. 15));
    assigns out[o + 16 .. o + 15 + r];
    ensures tail: \forall integer n; o + 16 <= n < o + 16 + r ==> out[n] == \old(cc[n - o - 16]);
    ensures kept: \forall integer n; o <= n < o + 16 ==> out[n] == \old(out[n]);
*/
static void encrypt_steal_tail(uint8_t *out, size_t o, const uint8_t cc[16], size_t r);

/*@ requires 0 < r < 16 && o <= SIZE_MAX - 16 - r;
    requires kernel_buffers(k, out + o, in + o, 16 + r) && kernel_tweak(k, out + o, in + o, 16 + r, T);
    assigns out[o .. o + 15 + r], T[0 .. 15];
    ensures C_last: \forall integer n; o <= n < o + 16 ==>
      out[n] == STEAL_E{Pre}(KEY1(k), in, o, SPEC_OLD16(T), r, n - o);
    ensures C_partial: \forall integer n; o + 16 <= n < o + 16 + r ==>
      out[n] == STEAL_E{Pre}(KEY1(k), in, o, SPEC_OLD16(T), r, n - o);
*/
static void encrypt_steal(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t r,
                          uint8_t T[16]);

/*@ requires 16 <= len <= 16777216 && o <= SIZE_MAX - len;
    requires kernel_buffers(k, out + o, in + o, len) && kernel_tweak(k, out + o, in + o, len, T);
    assigns out[o .. o + len - 1], T[0 .. 15];
    ensures C: \forall integer x; o <= x < o + len ==>
      out[x] == XTS_ENC_T{Pre}(KEY1(k), in, o, len, SPEC_OLD16(T), x - o);
*/
static void encrypt_unit(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t len,
                         uint8_t T[16]);

/*@ requires o <= SIZE_MAX - 16;
    requires \valid_read(k) && CTX_KEYED(k) && \valid_read(in + o + (0 .. 15)) && \valid_read(T + (0 .. 15));
    requires \valid(pp + (0 .. 15)) && \separated(pp + (0 .. 15), k);
    requires \separated(pp + (0 .. 15), in + o + (0 .. 15)) && \separated(pp + (0 .. 15), T + (0 .. 15));
    assigns pp[0 .. 15];
    ensures PP: \forall integer b; 0 <= b < 16 ==>
      pp[b] == STEAL_PP_D{Pre}(KEY1(k), in, o, SPEC_OLD16(T), b);
*/
static void decrypt_steal_pp(const vxts_key *k, uint8_t pp[16], const uint8_t *in, size_t o,
                             const uint8_t T[16]);

/*@ requires 0 < r < 16 && o <= SIZE_MAX - 16 - r;
    requires kernel_buffers(k, out + o, in + o, 16 + r) && kernel_tweak(k, out + o, in + o, 16 + r, T);
    assigns out[o .. o + 15 + r], T[0 .. 15];
    ensures P_last: \forall integer n; o <= n < o + 16 ==>
      out[n] == STEAL_D{Pre}(KEY1(k), in, o, SPEC_OLD16(T), r, n - o);
    ensures P_partial: \forall integer n; o + 16 <= n < o + 16 + r ==>
      out[n] == STEAL_D{Pre}(KEY1(k), in, o, SPEC_OLD16(T), r, n - o);
*/
static void decrypt_steal(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t r,
                          uint8_t T[16]);

/*@ requires 16 <= len <= 16777216 && o <= SIZE_MAX - len;
    requires kernel_buffers(k, out + o, in + o, len) && kernel_tweak(k, out + o, in + o, len, T);
    assigns out[o .. o + len - 1], T[0 .. 15];
    ensures P: \forall integer x; o <= x < o + len ==>
      out[x] == XTS_DEC_T{Pre}(KEY1(k), in, o, len, SPEC_OLD16(T), x - o);
*/
static void decrypt_unit(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t o, size_t len,
                         uint8_t T[16]);

/* -- public data-unit calls -- */

/*@ requires 16 <= len <= 16777216;
    requires \valid_read(k) && CTX_KEYED(k) && \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
    requires \valid_read(tweak + (0 .. 15));
    requires out == in || \separated(out + (0 .. len - 1), in + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), k);
    assigns out[0 .. len - 1];
    ensures C: \forall integer n; 0 <= n < len ==>
      out[n] == XTS_ENC_T{Pre}(KEY1(k), in, 0, len, SPEC_F16(E, KEY2(k), SPEC_OLD16(tweak)), n);
*/
static void encrypt_with_tweak(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t len,
                               const uint8_t tweak[16]);

/*@ requires 16 <= len <= 16777216;
    requires \valid_read(k) && CTX_KEYED(k) && \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
    requires \valid_read(tweak + (0 .. 15));
    requires out == in || \separated(out + (0 .. len - 1), in + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), k);
    assigns out[0 .. len - 1];
    ensures P: \forall integer n; 0 <= n < len ==>
      out[n] == XTS_DEC_T{Pre}(KEY1(k), in, 0, len, SPEC_F16(E, KEY2(k), SPEC_OLD16(tweak)), n);
*/
static void decrypt_with_tweak(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t len,
                               const uint8_t tweak[16]);

/* The public data-unit calls' argument cases (vxts.h). */
#define UNIT_CALL_BAD (NO_CTX(ctx) || out == \null || in == \null || tweak == \null)
#define UNIT_CALL_FITS (!UNIT_CALL_BAD && UNIT_LENGTH_OK(len) && RANGES_FIT(out, in, len))
/* The buffers a call that passes every check must give, and a context that
   vxts_init keyed (stated at the top, not as the ok behavior's requires: WP
   cannot use a behavior's requires at a call site when its assumes reads
   memory, as NO_CTX does). */
#define UNIT_CALL_REQUIRES                                                            \
    requires UNIT_CALL_FITS && !OVERLAP(out, in, len) ==>                             \
      \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1)) &&             \
      \valid_read(tweak + (0 .. 15)) && \separated(out + (0 .. len - 1), CTX_KEY(ctx)) && \
      CTX_KEYED(CTX_KEY(ctx));
/* Each error assigns nothing; the ok behavior's ensures C/P follow the macro. */
#define UNIT_CALL_BEHAVIORS                                                           \
    behavior argument:                                                                \
      assumes UNIT_CALL_BAD;                                                          \
      assigns \nothing;                                                               \
      ensures \result == VXTS_ERR_ARGUMENT;                                           \
    behavior data_length:                                                             \
      assumes !UNIT_CALL_BAD && (!UNIT_LENGTH_OK(len) || !RANGES_FIT(out, in, len));  \
      assigns \nothing;                                                               \
      ensures \result == VXTS_ERR_DATA_LENGTH;                                        \
    behavior overlap:                                                                 \
      assumes UNIT_CALL_FITS && OVERLAP(out, in, len);                                \
      assigns \nothing;                                                               \
      ensures \result == VXTS_ERR_OVERLAP;                                            \
    behavior ok:                                                                      \
      assumes UNIT_CALL_FITS && !OVERLAP(out, in, len);                               \
      assigns out[0 .. len - 1];                                                      \
      ensures \result == VXTS_OK;
/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    UNIT_CALL_REQUIRES
    assigns out[0 .. len - 1];
    UNIT_CALL_BEHAVIORS
      ensures C: \forall integer n; 0 <= n < len ==>
        out[n] == XTS_ENC_AT(Pre, KEY1(CTX_KEY(ctx)), KEY2(CTX_KEY(ctx)), in, 0, len, n, SPEC_OLD16(tweak));
    complete behaviors;
    disjoint behaviors;
*/
int vxts_encrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t tweak[16]);

/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    UNIT_CALL_REQUIRES
    assigns out[0 .. len - 1];
    UNIT_CALL_BEHAVIORS
      ensures P: \forall integer n; 0 <= n < len ==>
        out[n] == XTS_DEC_AT(Pre, KEY1(CTX_KEY(ctx)), KEY2(CTX_KEY(ctx)), in, 0, len, n, SPEC_OLD16(tweak));
    complete behaviors;
    disjoint behaviors;
*/
int vxts_decrypt(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t tweak[16]);

/* -- sectors -- */

/*@ requires \valid_read(k) && CTX_KEYED(k) && \valid(T + (0 .. 15)) && \separated(T + (0 .. 15), k);
    assigns T[0 .. 15];
    ensures T_0: \forall integer b; 0 <= b < 16 ==> T[b] == E(KEY2(k), SPEC_F16(LE, sector), b);
*/
static void sector_first_tweak(const vxts_key *k, uint8_t T[16], uint64_t sector);

/*@ requires 16 <= size <= 16777216 && off <= SIZE_MAX - size;
    requires kernel_buffers(k, out + off, in + off, size);
    assigns out[off .. off + size - 1];
    ensures C: \forall integer x; off <= x < off + size ==>
      out[x] == XTS_ENC_AT(Pre, KEY1(k), KEY2(k), in, off, size, x - off, SPEC_F16(LE, sector));
*/
static void encrypt_sector(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t off, size_t size,
                           uint64_t sector);

/*@ requires 16 <= size <= 16777216 && off <= SIZE_MAX - size;
    requires kernel_buffers(k, out + off, in + off, size);
    assigns out[off .. off + size - 1];
    ensures P: \forall integer x; off <= x < off + size ==>
      out[x] == XTS_DEC_AT(Pre, KEY1(k), KEY2(k), in, off, size, x - off, SPEC_F16(LE, sector));
*/
static void decrypt_sector(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t off, size_t size,
                           uint64_t sector);

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
                                  size_t sector_size, uint64_t first_sector);

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
                                  size_t sector_size, uint64_t first_sector);

/* The public sector calls' argument cases (vxts.h). */
#define SECTORS_CALL_BAD (NO_CTX(ctx) || out == \null || in == \null)
#define SECTORS_CALL_FITS \
    (!SECTORS_CALL_BAD && SECTORS_LENGTH_OK(len, sector_size) && RANGES_FIT(out, in, len))
/* As UNIT_CALL_REQUIRES. */
#define SECTORS_CALL_REQUIRES                                                                                    \
    requires SECTORS_CALL_FITS && !OVERLAP(out, in, len) && !SECTOR_RANGE_BAD(len, sector_size, first_sector) ==> \
      \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1)) &&                                        \
      \separated(out + (0 .. len - 1), CTX_KEY(ctx)) && CTX_KEYED(CTX_KEY(ctx));
/* Each error assigns nothing; the ok behavior's ensures C/P follow the macro. */
#define SECTORS_CALL_BEHAVIORS                                                                                   \
    behavior argument:                                                                                           \
      assumes SECTORS_CALL_BAD;                                                                                  \
      assigns \nothing;                                                                                          \
      ensures \result == VXTS_ERR_ARGUMENT;                                                                      \
    behavior data_length:                                                                                        \
      assumes !SECTORS_CALL_BAD && !(SECTORS_LENGTH_OK(len, sector_size) && RANGES_FIT(out, in, len));           \
      assigns \nothing;                                                                                          \
      ensures \result == VXTS_ERR_DATA_LENGTH;                                                                   \
    behavior overlap:                                                                                            \
      assumes SECTORS_CALL_FITS && OVERLAP(out, in, len);                                                        \
      assigns \nothing;                                                                                          \
      ensures \result == VXTS_ERR_OVERLAP;                                                                       \
    behavior sector_range:                                                                                       \
      assumes SECTORS_CALL_FITS && !OVERLAP(out, in, len) && SECTOR_RANGE_BAD(len, sector_size, first_sector);   \
      assigns \nothing;                                                                                          \
      ensures \result == VXTS_ERR_SECTOR_RANGE;                                                                  \
    behavior ok:                                                                                                 \
      assumes SECTORS_CALL_FITS && !OVERLAP(out, in, len) && !SECTOR_RANGE_BAD(len, sector_size, first_sector);  \
      assigns out[0 .. len - 1];                                                                                 \
      ensures \result == VXTS_OK;
/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    SECTORS_CALL_REQUIRES
    assigns out[0 .. len - 1];
    SECTORS_CALL_BEHAVIORS
      ensures C: \forall integer s, x;
        0 <= s < len / sector_size && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
        out[x] == XTS_ENC_AT(Pre, KEY1(CTX_KEY(ctx)), KEY2(CTX_KEY(ctx)), in, SECTOR_AT(sector_size, s),
                           sector_size, x - SECTOR_AT(sector_size, s), SPEC_F16(LE, first_sector + s));
    complete behaviors;
    disjoint behaviors;
*/
int vxts_encrypt_sectors(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector);

/*@ requires ctx == \null || \valid_read(CTX_KEY(ctx));
    SECTORS_CALL_REQUIRES
    assigns out[0 .. len - 1];
    SECTORS_CALL_BEHAVIORS
      ensures P: \forall integer s, x;
        0 <= s < len / sector_size && SECTOR_AT(sector_size, s) <= x < SECTOR_AT(sector_size, s) + sector_size ==>
        out[x] == XTS_DEC_AT(Pre, KEY1(CTX_KEY(ctx)), KEY2(CTX_KEY(ctx)), in, SECTOR_AT(sector_size, s),
                           sector_size, x - SECTOR_AT(sector_size, s), SPEC_F16(LE, first_sector + s));
    complete behaviors;
    disjoint behaviors;
*/
int vxts_decrypt_sectors(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                         size_t sector_size, uint64_t first_sector);

/* -- messages -- */

/*@ assigns \nothing;
    ensures \result != \null;
*/
const char *vxts_strerror(int status);

/*@ assigns \nothing;
    ensures \result != \null;
*/
const char *vxts_version(void);

#endif /* VXTS_MODE_SPEC_H */
