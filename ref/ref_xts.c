/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Reference XTS-AES. Every step names the standard's step it implements.
 * FIPS-197 AES with the S-box computed from its definition (multiplicative
 * inverse in GF(2^8) then the affine map, §5.1.1), so no table is typed in.
 *
 * The ACSL annotations are for the proofs (proofs/README.md): the XTS part is
 * proved against the spec of proofs/spec/, with ref_aes_encrypt and
 * ref_aes_decrypt as the abstract block cipher; the AES part is proved free
 * of run-time errors.
 */
#include <string.h> /* for the files that include this one (tests/oracle.c) */

#include "ref_xts.h"

#ifdef __FRAMAC__
#include "ref_spec.h"
#ifdef VXTS_SPEC_LEMMAS
#include "xts_lemmas.h"
#endif
#endif

/* ---- FIPS-197 ----------------------------------------------------------------- */

/* dst[0, n) = src[0, n). */
/*@ requires n <= 16 && \valid(dst + (0 .. n - 1)) && \valid_read(src + (0 .. n - 1));
    requires \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
    assigns dst[0 .. n - 1];
    ensures \forall integer i; 0 <= i < n ==> dst[i] == \old(src[i]);
*/
static void ref_copy(uint8_t *dst, const uint8_t *src, size_t n)
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

/* Multiplication in GF(2^8) mod x^8 + x^4 + x^3 + x + 1 (FIPS-197 §4.2). */
/*@ assigns \nothing; */
static uint8_t gf8_mul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;
    int i;
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, p, a, b;
        loop variant 8 - i; */
    for (i = 0; i < 8; i++) {
        if (b & 1)
            p ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return p;
}

/* S-box (FIPS-197 §5.1.1): b = inverse(a) (0 -> 0), then the affine transformation. */
/*@ assigns \nothing; */
static uint8_t sbox(uint8_t a)
{
    uint8_t inv = 0, b, r, s;
    int i;
    /*@ loop invariant 1 <= i <= 256;
        loop assigns i, inv;
        loop variant 256 - i; */
    for (i = 1; i < 256; i++)
        if (gf8_mul(a, (uint8_t)i) == 1)
            inv = (uint8_t)i;
    b = inv;
    /* b xor (b <<< 1) xor (b <<< 2) xor (b <<< 3) xor (b <<< 4) xor 0x63; r = b <<< i */
    s = b;
    r = b;
    /*@ loop invariant 1 <= i <= 5;
        loop assigns i, r, s;
        loop variant 5 - i; */
    for (i = 1; i <= 4; i++) {
        r = (uint8_t)(2u * r + r / 128u); /* rotate left by one bit */
        s ^= r;
    }
    return (uint8_t)(s ^ 0x63);
}

static uint8_t sbox_table[256], inv_sbox_table[256];

/*@ predicate REF_APART(uint8_t *p, integer n) =     // p[0, n) is not ref's own tables
      \separated(p + (0 .. n - 1), sbox_table + (0 .. 255), inv_sbox_table + (0 .. 255));
*/

/*
 * Key expansion (FIPS-197 §5.2): the words w[0 .. 4 (rounds + 1) - 1] of the
 * key schedule, word i in the bytes w[4i .. 4i+3]; round key r is then
 * w[16r .. 16r+15].
 */
/*@ requires key_len == 16 || key_len == 32;
    requires \valid_read(key + (0 .. key_len - 1)) && \valid(w + (0 .. 239));
    requires \separated(w + (0 .. 239), key + (0 .. key_len - 1));
    requires \separated(w + (0 .. 239), sbox_table + (0 .. 255));
    assigns w[0 .. 239];
    ensures \result == key_len / 4 + 6;
*/
static int expand_key(const uint8_t *key, size_t key_len, uint8_t w[240])
{
    int nk = (int)key_len / 4, rounds = nk + 6, i;
    uint8_t rcon = 1, temp[4], t;
    /*@ loop invariant 0 <= i <= 4 * nk;
        loop assigns i, w[0 .. 239];
        loop variant 4 * nk - i; */
    for (i = 0; i < 4 * nk; i++)
        w[i] = key[i];
    /*@ loop invariant nk <= i <= 4 * (rounds + 1);
        loop assigns i, w[0 .. 239], temp[0 .. 3], t, rcon;
        loop variant 4 * (rounds + 1) - i; */
    for (i = nk; i < 4 * (rounds + 1); i++) {
        temp[0] = w[4 * i - 4]; temp[1] = w[4 * i - 3]; temp[2] = w[4 * i - 2]; temp[3] = w[4 * i - 1];
        if (i % nk == 0) {
            t = temp[0]; /* RotWord */
            temp[0] = temp[1]; temp[1] = temp[2]; temp[2] = temp[3]; temp[3] = t;
            temp[0] = sbox_table[temp[0]]; temp[1] = sbox_table[temp[1]]; /* SubWord */
            temp[2] = sbox_table[temp[2]]; temp[3] = sbox_table[temp[3]];
            temp[0] ^= rcon;
            rcon = gf8_mul(rcon, 2);
        } else if (nk > 6 && i % nk == 4) {
            temp[0] = sbox_table[temp[0]]; temp[1] = sbox_table[temp[1]];
            temp[2] = sbox_table[temp[2]]; temp[3] = sbox_table[temp[3]];
        }
        w[4 * i + 0] = (uint8_t)(w[4 * (i - nk) + 0] ^ temp[0]);
        w[4 * i + 1] = (uint8_t)(w[4 * (i - nk) + 1] ^ temp[1]);
        w[4 * i + 2] = (uint8_t)(w[4 * (i - nk) + 2] ^ temp[2]);
        w[4 * i + 3] = (uint8_t)(w[4 * (i - nk) + 3] ^ temp[3]);
    }
    return rounds;
}

/* The state is column-major: s[r + 4c] (FIPS-197 §3.4). */
/*@ requires \valid(s + (0 .. 15)) && \valid_read(k + (0 .. 15));
    assigns s[0 .. 15];
*/
static void add_round_key(uint8_t s[16], const uint8_t k[16])
{
    int i;
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, s[0 .. 15];
        loop variant 16 - i; */
    for (i = 0; i < 16; i++)
        s[i] ^= k[i];
}

/*@ requires \valid(s + (0 .. 15));
    assigns s[0 .. 15];
*/
static void shift_rows(uint8_t s[16], int inverse)
{
    uint8_t t[16];
    int r, c;
    /*@ loop invariant 0 <= r <= 4;
        loop assigns r, c, t[0 .. 15];
        loop variant 4 - r; */
    for (r = 0; r < 4; r++)
        /*@ loop invariant 0 <= c <= 4;
            loop assigns c, t[0 .. 15];
            loop variant 4 - c; */
        for (c = 0; c < 4; c++) {
            if (inverse)
                t[r + 4 * ((c + r) % 4)] = s[r + 4 * c];
            else
                t[r + 4 * c] = s[r + 4 * ((c + r) % 4)];
        }
    ref_copy(s, t, 16);
}

/*@ requires \valid(s + (0 .. 15));
    assigns s[0 .. 15];
*/
static void mix_columns(uint8_t s[16], int inverse)
{
    static const uint8_t fwd[4] = {2, 3, 1, 1}, inv[4] = {14, 11, 13, 9};
    const uint8_t *m = inverse ? inv : fwd;
    uint8_t col[4];
    int r, c;
    /*@ loop invariant 0 <= c <= 4;
        loop assigns c, r, col[0 .. 3], s[0 .. 15];
        loop variant 4 - c; */
    for (c = 0; c < 4; c++) {
        ref_copy(col, s + 4 * c, 4);
        /*@ loop invariant 0 <= r <= 4;
            loop assigns r, s[4 * c .. 4 * c + 3];
            loop variant 4 - r; */
        for (r = 0; r < 4; r++)
            s[r + 4 * c] = (uint8_t)(gf8_mul(m[(4 - r) % 4], col[0]) ^ gf8_mul(m[(5 - r) % 4], col[1]) ^
                                     gf8_mul(m[(6 - r) % 4], col[2]) ^ gf8_mul(m[(7 - r) % 4], col[3]));
    }
}

static int tables_ready;

/*@ assigns sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready; */
static void make_tables(void)
{
    int x;
    if (tables_ready)
        return;
    /*@ loop invariant 0 <= x <= 256;
        loop assigns x, sbox_table[0 .. 255], inv_sbox_table[0 .. 255];
        loop variant 256 - x; */
    for (x = 0; x < 256; x++) {
        sbox_table[x] = sbox((uint8_t)x);
        inv_sbox_table[sbox_table[x]] = (uint8_t)x;
    }
    tables_ready = 1;
}

/* Cipher (FIPS-197 §5.1) with an expanded key. */
/*@ requires rounds == 10 || rounds == 14;
    requires \valid_read(w + (0 .. 239)) && \valid_read(in + (0 .. 15)) && \valid(out + (0 .. 15));
    requires REF_APART(out, 16);
    assigns out[0 .. 15];
*/
static void cipher(const uint8_t w[240], int rounds, const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16];
    int round, i;
    ref_copy(s, in, 16);
    add_round_key(s, w);
    /*@ loop invariant 1 <= round <= rounds + 1;
        loop assigns round, i, s[0 .. 15];
        loop variant rounds + 1 - round; */
    for (round = 1; round <= rounds; round++) {
        /*@ loop invariant 0 <= i <= 16;
            loop assigns i, s[0 .. 15];
            loop variant 16 - i; */
        for (i = 0; i < 16; i++)
            s[i] = sbox_table[s[i]];          /* SubBytes */
        shift_rows(s, 0);                     /* ShiftRows */
        if (round != rounds)
            mix_columns(s, 0);                /* MixColumns */
        add_round_key(s, w + 16 * round);           /* AddRoundKey */
    }
    ref_copy(out, s, 16);
}

/* InvCipher (FIPS-197 §5.3) with an expanded key. */
/*@ requires rounds == 10 || rounds == 14;
    requires \valid_read(w + (0 .. 239)) && \valid_read(in + (0 .. 15)) && \valid(out + (0 .. 15));
    requires REF_APART(out, 16);
    assigns out[0 .. 15];
*/
static void inv_cipher(const uint8_t w[240], int rounds, const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16];
    int round, i;
    ref_copy(s, in, 16);
    add_round_key(s, w + 16 * rounds);
    /*@ loop invariant -1 <= round <= rounds - 1;
        loop assigns round, i, s[0 .. 15];
        loop variant round + 1; */
    for (round = rounds - 1; round >= 0; round--) {
        shift_rows(s, 1);                     /* InvShiftRows */
        /*@ loop invariant 0 <= i <= 16;
            loop assigns i, s[0 .. 15];
            loop variant 16 - i; */
        for (i = 0; i < 16; i++)
            s[i] = inv_sbox_table[s[i]];      /* InvSubBytes */
        add_round_key(s, w + 16 * round);           /* AddRoundKey */
        if (round != 0)
            mix_columns(s, 1);                /* InvMixColumns */
    }
    ref_copy(out, s, 16);
}

/*
 * The block functions of the proofs: "aes" below is the trusted part (the
 * AES itself is checked by the FIPS-197 vectors); the rest is proved.
 */
/*@ requires key_len == 16 || key_len == 32;
    requires \valid_read(key + (0 .. key_len - 1)) && \valid_read(in + (0 .. 15)) && \valid(out + (0 .. 15));
    requires REF_APART(key, key_len) && REF_APART(in, 16) && REF_APART(out, 16);
    requires \separated(out + (0 .. 15), key + (0 .. key_len - 1));
    assigns out[0 .. 15], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    ensures aes: \forall integer b; 0 <= b < 16 ==> out[b] == E(KEYAT(key, key_len), SPEC_OLD16(in), b);
*/
void ref_aes_encrypt(const uint8_t *key, size_t key_len, const uint8_t in[16], uint8_t out[16])
{
    uint8_t w[240];
    int rounds;
    make_tables();
    rounds = expand_key(key, key_len, w);
    cipher(w, rounds, in, out);
}

/*@ requires key_len == 16 || key_len == 32;
    requires \valid_read(key + (0 .. key_len - 1)) && \valid_read(in + (0 .. 15)) && \valid(out + (0 .. 15));
    requires REF_APART(key, key_len) && REF_APART(in, 16) && REF_APART(out, 16);
    requires \separated(out + (0 .. 15), key + (0 .. key_len - 1));
    assigns out[0 .. 15], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    ensures aes: \forall integer b; 0 <= b < 16 ==> out[b] == D(KEYAT(key, key_len), SPEC_OLD16(in), b);
*/
void ref_aes_decrypt(const uint8_t *key, size_t key_len, const uint8_t in[16], uint8_t out[16])
{
    uint8_t w[240];
    int rounds;
    make_tables();
    rounds = expand_key(key, key_len, w);
    inv_cipher(w, rounds, in, out);
}

/* ---- IEEE 1619 ------------------------------------------------------------------ */

/*
 * §5.2: multiplication by the primitive element alpha; byte 0 is least
 * significant. Byte by byte as in the standard: Cout = bit 7 of T[k],
 * T[k] = 2 T[k] + Cin mod 256, Cin = Cout (Cin = 0 for k = 0); at the end
 * 0x87 is added to T[0] if a bit came out of T[15]. The standard's loop over
 * k is unrolled (straight-line code is what WP proves equal to MULX): the
 * Cin of T[k] is bit 7 of the old T[k-1], T[k-1] / 128.
 */
/*@ requires \valid(t + (0 .. 15));
    assigns t[0 .. 15];
    ensures \forall integer b; 0 <= b < 16 ==> t[b] == MULX(SPEC_OLD16(t), b);
*/
void ref_gf_mul_alpha(uint8_t t[16])
{
    unsigned c15 = t[15] / 128u; /* Cout of T[15] */

    /* From the top down, so that T[k-1] is read before it is shifted. */
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
    t[0] = (uint8_t)(2u * t[0]);
    if (c15 != 0)
        t[0] = (uint8_t)(t[0] ^ 0x87);
}

/* a xor b: the spec's byte xor bx. */
/*@ assigns \nothing;
    ensures \result == bx(a, b);
*/
static uint8_t xor8(uint8_t a, uint8_t b)
{
    return (uint8_t)(a ^ b);
}

#ifdef __FRAMAC__
/* Proof helpers (ACSL only): bx(a[i], b[i]) at label L for i = 0 .. 15, as 16
   arguments; p[i] == q[o + i] at label L as 16 equalities; the same for
   p[i] == bx(a[i], b[i]) at label L. */
#define REF_BX16_AT(a, b, L) bx(\at((a)[0], L), \at((b)[0], L)), bx(\at((a)[1], L), \at((b)[1], L)), \
    bx(\at((a)[2], L), \at((b)[2], L)), bx(\at((a)[3], L), \at((b)[3], L)), \
    bx(\at((a)[4], L), \at((b)[4], L)), bx(\at((a)[5], L), \at((b)[5], L)), \
    bx(\at((a)[6], L), \at((b)[6], L)), bx(\at((a)[7], L), \at((b)[7], L)), \
    bx(\at((a)[8], L), \at((b)[8], L)), bx(\at((a)[9], L), \at((b)[9], L)), \
    bx(\at((a)[10], L), \at((b)[10], L)), bx(\at((a)[11], L), \at((b)[11], L)), \
    bx(\at((a)[12], L), \at((b)[12], L)), bx(\at((a)[13], L), \at((b)[13], L)), \
    bx(\at((a)[14], L), \at((b)[14], L)), bx(\at((a)[15], L), \at((b)[15], L))
#define REF_EQ16_AT(p, q, o, L) ((p)[0] == \at((q)[(o) + 0], L) && (p)[1] == \at((q)[(o) + 1], L) && \
    (p)[2] == \at((q)[(o) + 2], L) && (p)[3] == \at((q)[(o) + 3], L) && (p)[4] == \at((q)[(o) + 4], L) && \
    (p)[5] == \at((q)[(o) + 5], L) && (p)[6] == \at((q)[(o) + 6], L) && (p)[7] == \at((q)[(o) + 7], L) && \
    (p)[8] == \at((q)[(o) + 8], L) && (p)[9] == \at((q)[(o) + 9], L) && (p)[10] == \at((q)[(o) + 10], L) && \
    (p)[11] == \at((q)[(o) + 11], L) && (p)[12] == \at((q)[(o) + 12], L) && \
    (p)[13] == \at((q)[(o) + 13], L) && (p)[14] == \at((q)[(o) + 14], L) && (p)[15] == \at((q)[(o) + 15], L))
/* T_0 = E_K2(i) in xts_enc / xts_dec: T at the label T0, as 16 terms. */
#define REF_TW0 SPEC_AT16(T, T0)
#define REF_XOR16_AT(p, a, b, L) ((p)[0] == bx(\at((a)[0], L), \at((b)[0], L)) && \
    (p)[1] == bx(\at((a)[1], L), \at((b)[1], L)) && (p)[2] == bx(\at((a)[2], L), \at((b)[2], L)) && \
    (p)[3] == bx(\at((a)[3], L), \at((b)[3], L)) && (p)[4] == bx(\at((a)[4], L), \at((b)[4], L)) && \
    (p)[5] == bx(\at((a)[5], L), \at((b)[5], L)) && (p)[6] == bx(\at((a)[6], L), \at((b)[6], L)) && \
    (p)[7] == bx(\at((a)[7], L), \at((b)[7], L)) && (p)[8] == bx(\at((a)[8], L), \at((b)[8], L)) && \
    (p)[9] == bx(\at((a)[9], L), \at((b)[9], L)) && (p)[10] == bx(\at((a)[10], L), \at((b)[10], L)) && \
    (p)[11] == bx(\at((a)[11], L), \at((b)[11], L)) && (p)[12] == bx(\at((a)[12], L), \at((b)[12], L)) && \
    (p)[13] == bx(\at((a)[13], L), \at((b)[13], L)) && (p)[14] == bx(\at((a)[14], L), \at((b)[14], L)) && \
    (p)[15] == bx(\at((a)[15], L), \at((b)[15], L)))
#endif

/* out[i] = a[i] xor b[i], i = 0 .. 15. */
/*@ requires \valid(out + (0 .. 15)) && \valid_read(a + (0 .. 15)) && \valid_read(b + (0 .. 15));
    requires \separated(out + (0 .. 15), a + (0 .. 15)) && \separated(out + (0 .. 15), b + (0 .. 15));
    assigns out[0 .. 15];
    ensures \forall integer i; 0 <= i < 16 ==> out[i] == bx(\old(a[i]), \old(b[i]));
*/
static void xor16(uint8_t *out, const uint8_t *a, const uint8_t *b)
{
    int k;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer i; 0 <= i < k ==> out[i] == bx(\at(a[i], Pre), \at(b[i], Pre));
        loop invariant \forall integer i; 0 <= i < 16 ==> a[i] == \at(a[i], Pre) && b[i] == \at(b[i], Pre);
        loop assigns k, out[0 .. 15];
        loop variant 16 - k; */
    for (k = 0; k < 16; k++) {
        out[k] = xor8(a[k], b[k]);
        /*@ assert \forall integer i; k <= i <= k ==> out[i] == bx(\at(a[i], Pre), \at(b[i], Pre)); */
    }
}

/*
 * §5.3.1 XTS-AES-blockEnc, steps 2 to 4, given the block's tweak
 * T = E_K2(i) (x) alpha^j (step 1, computed by the caller). out may equal in.
 */
/*@ requires half == 16 || half == 32;
    requires \valid_read(key1 + (0 .. half - 1)) && \valid_read(T + (0 .. 15));
    requires \valid_read(in + (0 .. 15)) && \valid(out + (0 .. 15));
    requires in == out || \separated(in + (0 .. 15), out + (0 .. 15));
    requires \separated(out + (0 .. 15), T + (0 .. 15)) && \separated(out + (0 .. 15), key1 + (0 .. half - 1));
    requires REF_APART(key1, half) && REF_APART(T, 16) && REF_APART(in, 16) && REF_APART(out, 16);
    assigns out[0 .. 15], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    ensures \forall integer b; 0 <= b < 16 ==>
      out[b] == XEX_E(KEYAT(key1, half), SPEC_OLD16(in), SPEC_OLD16(T), b, \old(T[b]));
*/
static void block_enc(const uint8_t *key1, size_t half, const uint8_t T[16], const uint8_t in[16],
                      uint8_t out[16])
{
    uint8_t pp[16], cc[16];
    xor16(pp, in, T);                     /* PP <- P xor T */
    /*@ assert pp_ok: REF_XOR16_AT(pp, in, T, Pre); */
    ref_aes_encrypt(key1, half, pp, cc);  /* CC <- enc(Key1, PP) */
    /*@ assert cc_ok: \forall integer i; 0 <= i < 16 ==>
          cc[i] == E(KEYAT(key1, half), REF_BX16_AT(in, T, Pre), i); */
    /*@ assert T_same: \forall integer i; 0 <= i < 16 ==> T[i] == \at(T[i], Pre); */
    xor16(out, cc, T);                    /* C <- CC xor T */
}

/* §5.4.1 XTS-AES-blockDec, steps 2 to 4, as block_enc. */
/*@ requires half == 16 || half == 32;
    requires \valid_read(key1 + (0 .. half - 1)) && \valid_read(T + (0 .. 15));
    requires \valid_read(in + (0 .. 15)) && \valid(out + (0 .. 15));
    requires in == out || \separated(in + (0 .. 15), out + (0 .. 15));
    requires \separated(out + (0 .. 15), T + (0 .. 15)) && \separated(out + (0 .. 15), key1 + (0 .. half - 1));
    requires REF_APART(key1, half) && REF_APART(T, 16) && REF_APART(in, 16) && REF_APART(out, 16);
    assigns out[0 .. 15], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    ensures \forall integer b; 0 <= b < 16 ==>
      out[b] == XEX_D(KEYAT(key1, half), SPEC_OLD16(in), SPEC_OLD16(T), b, \old(T[b]));
*/
static void block_dec(const uint8_t *key1, size_t half, const uint8_t T[16], const uint8_t in[16],
                      uint8_t out[16])
{
    uint8_t cc[16], pp[16];
    xor16(cc, in, T);                     /* CC <- C xor T */
    /*@ assert cc_ok: REF_XOR16_AT(cc, in, T, Pre); */
    ref_aes_decrypt(key1, half, cc, pp);  /* PP <- dec(Key1, CC) */
    /*@ assert pp_ok: \forall integer i; 0 <= i < 16 ==>
          pp[i] == D(KEYAT(key1, half), REF_BX16_AT(in, T, Pre), i); */
    /*@ assert T_same: \forall integer i; 0 <= i < 16 ==> T[i] == \at(T[i], Pre); */
    xor16(out, pp, T);                    /* P <- PP xor T */
}

/*
 * §5.3.2, the last two blocks when the last one is partial: P_{m-1} =
 * in[o, o+16) and P_m = in[o+16, o+16+b), 0 < b < 16, with T = T_{m-1}.
 * The standard's steps, with PP formed before C_m is written: out may
 * equal in, so P_m is read (into PP) before C_m overwrites it, and P_{m-1}
 * (into CC) before C_{m-1}.
 */
/*@ requires half == 16 || half == 32;
    requires 0 < b < 16 && o <= 16777216;
    requires \valid_read(key + (0 .. half - 1)) && \valid_read(T + (0 .. 15));
    requires \valid_read(in + (o .. o + 15 + b)) && \valid(out + (o .. o + 15 + b));
    requires in == out || \separated(in + (o .. o + 15 + b), out + (o .. o + 15 + b));
    requires \separated(out + (o .. o + 15 + b), key + (0 .. half - 1));
    requires \separated(T + (0 .. 15), out + (o .. o + 15 + b));
    requires REF_APART(key, half) && REF_APART(T, 16) && REF_APART(in + o, 16 + b) && REF_APART(out + o, 16 + b);
    assigns out[o .. o + 15 + b], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    ensures \forall integer x; o <= x < o + 16 + b ==>
      out[x] == STEAL_E{Pre}(KEYAT(key, half), in, o, SPEC_OLD16(T), b, x - o);
*/
static void steal_enc(const uint8_t *key, size_t half, const uint8_t *in, uint8_t *out, size_t o,
                      size_t b, const uint8_t T[16])
{
    uint8_t T_m[16], cc[16], pp[16];

    ref_copy(T_m, T, 16);
    ref_gf_mul_alpha(T_m);                     /* T_m = T_{m-1} (x) alpha */
    /*@ assert Tm: SPEC_EQ16(T_m, MULX, SPEC_AT16(T, Pre)); */
    /*@ assert T_sel: \forall integer i; 0 <= i < 16 ==>
          T[i] == \at(T[i], Pre) && T[i] == sel16(SPEC_AT16(T, Pre), i); */
    /*@ assert P_g: REF_EQ16_AT(in + o, in, o, Pre); */
    block_enc(key, half, T, in + o, cc);       /* CC <- blockEnc(P_{m-1}, m-1) */
    /*@ assert CC: \forall integer i; 0 <= i < 16 ==>
          cc[i] == BLK_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), i); */
    /* PP <- P_m || CP, CP the last 16-b bytes of CC: CC with P_m over its head. */
    ref_copy(pp, cc, 16);
    ref_copy(pp, in + o + 16, b);
    /*@ assert PP: \forall integer i; 0 <= i < 16 ==>
          pp[i] == STEAL_PP_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, i); */
    ref_copy(out + o + 16, cc, b);             /* C_m <- the first b bytes of CC */
    /*@ assert C_m: \forall integer x; o + 16 <= x < o + 16 + b ==>
          out[x] == STEAL_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, x - o); */
    /*@ assert PPg: SPEC_EQ16(pp, STEAL_PP_E{Pre}, KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b); */
    /*@ assert Tm_q: \forall integer i; 0 <= i < 16 ==> T_m[i] == MULX(SPEC_AT16(T, Pre), i); */
    /*@ assert Tmg: SPEC_EQ16(T_m, MULX, SPEC_AT16(T, Pre)); */
    block_enc(key, half, T_m, pp, out + o);    /* C_{m-1} <- blockEnc(PP, m) */
    /*@ assert C_m1: \forall integer x; o <= x < o + 16 ==>
          out[x] == STEAL_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, x - o); */
}

/*
 * §5.4.2, the last two blocks when the last one is partial: C_{m-1} =
 * in[o, o+16) and C_m = in[o+16, o+16+b), 0 < b < 16, with T = T_{m-1}.
 * The standard's steps, with CC formed before P_m is written: out may
 * equal in, so C_m is read (into CC) before P_m overwrites it, and C_{m-1}
 * (into PP) before P_{m-1}.
 */
/*@ requires half == 16 || half == 32;
    requires 0 < b < 16 && o <= 16777216;
    requires \valid_read(key + (0 .. half - 1)) && \valid_read(T + (0 .. 15));
    requires \valid_read(in + (o .. o + 15 + b)) && \valid(out + (o .. o + 15 + b));
    requires in == out || \separated(in + (o .. o + 15 + b), out + (o .. o + 15 + b));
    requires \separated(out + (o .. o + 15 + b), key + (0 .. half - 1));
    requires \separated(T + (0 .. 15), out + (o .. o + 15 + b));
    requires REF_APART(key, half) && REF_APART(T, 16) && REF_APART(in + o, 16 + b) && REF_APART(out + o, 16 + b);
    assigns out[o .. o + 15 + b], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    ensures \forall integer x; o <= x < o + 16 + b ==>
      out[x] == STEAL_D{Pre}(KEYAT(key, half), in, o, SPEC_OLD16(T), b, x - o);
*/
static void steal_dec(const uint8_t *key, size_t half, const uint8_t *in, uint8_t *out, size_t o,
                      size_t b, const uint8_t T[16])
{
    uint8_t T_m[16], pp[16], cc[16];

    /*@ assert T_sel: \forall integer i; 0 <= i < 16 ==> T[i] == sel16(SPEC_AT16(T, Pre), i); */
    ref_copy(T_m, T, 16);
    ref_gf_mul_alpha(T_m);                     /* T_m = T_{m-1} (x) alpha */
    /*@ assert Tm: SPEC_EQ16(T_m, MULX, SPEC_AT16(T, Pre)); */
    /*@ assert Tm_q: \forall integer i; 0 <= i < 16 ==> T_m[i] == MULX(SPEC_AT16(T, Pre), i); */
    /*@ assert C_g: REF_EQ16_AT(in + o, in, o, Pre); */
    block_dec(key, half, T_m, in + o, pp);     /* PP <- blockDec(C_{m-1}, m) */
    /*@ assert PP: \forall integer i; 0 <= i < 16 ==>
          pp[i] == STEAL_PP_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), i); */
    /* CC <- C_m || CP, CP the last 16-b bytes of PP: PP with C_m over its head. */
    ref_copy(cc, pp, 16);
    ref_copy(cc, in + o + 16, b);
    /*@ assert CC: \forall integer i; 0 <= i < 16 ==>
          cc[i] == STEAL_CC_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, i); */
    /*@ assert T_same0: \forall integer i; 0 <= i < 16 ==> T[i] == \at(T[i], Pre); */
    ref_copy(out + o + 16, pp, b);             /* P_m <- the first b bytes of PP */
    /*@ assert P_m: \forall integer x; o + 16 <= x < o + 16 + b ==>
          out[x] == STEAL_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, x - o); */
    /*@ assert CCg: SPEC_EQ16(cc, STEAL_CC_D{Pre}, KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b); */
    /*@ assert T_same: \forall integer i; 0 <= i < 16 ==> T[i] == \at(T[i], Pre); */
    block_dec(key, half, T, cc, out + o);      /* P_{m-1} <- blockDec(CC, m-1) */
    /*@ assert P_m1: \forall integer x; o <= x < o + 16 ==>
          out[x] == STEAL_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, x - o); */
}

/*
 * §5.3.2 XTS-AES encryption of the data unit in[0, len), m = len / 16 whole
 * blocks and a partial block of b = len % 16 bytes; key = Key1 || Key2, the
 * tweak is i. C_q = blockEnc(P_q, q) for q = 0 .. m-2, and for q = m-1 too
 * when b = 0; else ciphertext stealing for the last two blocks. Each block
 * is read before it is written, so out may equal in.
 */
/*@ requires key_len == 32 || key_len == 64;
    requires 16 <= len <= 16777216;
    requires \valid_read(tweak + (0 .. 15)) && REF_APART(tweak, 16);
    requires \valid_read(key + (0 .. key_len - 1));
    requires \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
    requires in == out || \separated(in + (0 .. len - 1), out + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), key + (0 .. key_len - 1));
    requires \separated(out + (0 .. len - 1), tweak + (0 .. 15));
    requires REF_APART(key, key_len) && REF_APART(in, len) && REF_APART(out, len);
    assigns out[0 .. len - 1], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    ensures \forall integer x; 0 <= x < len ==>
      out[x] == XTS_ENC_AT(Pre, KEYAT(key, key_len / 2), KEYAT(key + key_len / 2, key_len / 2),
                           in, 0, len, x, SPEC_OLD16(tweak));
*/
static void xts_enc(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                    uint8_t *out, size_t len)
{
    size_t half = key_len / 2, m = len / 16, b = len % 16, q;
    size_t n = b == 0 ? m : m - 1;                   /* the blocks before any stealing */
    uint8_t T[16];

    ref_aes_encrypt(key + half, half, tweak, T);     /* T = T_0 = E_K2(i) (x) alpha^0 */
#ifdef __FRAMAC__
T0:; /* a proof label: T holds T_0 */
#endif
    /*@ assert T_E: SPEC_EQ16(T, E, KEYAT(key + half, half), SPEC_AT16(tweak, Pre)); */
    /*@ assert sizes: len == 16 * m + b && 0 <= b < 16 && n <= m && (b != 0 ==> 1 <= m); */
    /*@ loop invariant 0 <= q <= n;
        loop invariant T_q: \forall integer i; 0 <= i < 16 ==> T[i] == AP(REF_TW0, q, i);
        loop invariant done: \forall integer x; 0 <= x < 16 * q ==>
          out[x] == XB_E{Pre}(KEYAT(key, half), in, 0, REF_TW0, x / 16, x % 16);
        loop invariant rest: \forall integer x; 16 * q <= x < len ==> in[x] == \at(in[x], Pre);
        loop assigns q, T[0 .. 15], out[0 .. len - 1], sbox_table[0 .. 255], inv_sbox_table[0 .. 255],
          tables_ready;
        loop variant n - q; */
    for (q = 0; q < n; q++) {
        /*@ assert P_g: \forall integer j; j == q ==> REF_EQ16_AT(in + 16 * j, in, 16 * j, Pre); */
        /*@ assert q_in: 16 * q + 16 <= len; */
        /*@ assert q_sub: \subset(out + 16 * q + (0 .. 15), out + (0 .. len - 1)); */
        block_enc(key, half, T, in + 16 * q, out + 16 * q);   /* C_q <- blockEnc(P_q, q) */
        /*@ assert rest_b: \forall integer x; 16 * q + 16 <= x < len ==> in[x] == \at(in[x], Pre); */
        /*@ assert C_q: \forall integer k; 0 <= k < 16 ==>
              out[16 * q + k] == XB_E{Pre}(KEYAT(key, half), in, 0, REF_TW0, q, k); */
        /*@ assert C_q2: \forall integer x; 16 * q <= x < 16 * q + 16 ==>
              out[x] == XB_E{Pre}(KEYAT(key, half), in, 0, REF_TW0, q, x - 16 * q); */
        /*@ assert D_q: \forall integer x; 16 * q <= x < 16 * q + 16 ==> x / 16 == q && x % 16 == x - 16 * q; */
        /*@ assert T_g2: SPEC_EQ16(T, AP, REF_TW0, q); */
        /*@ assert C_x: \forall integer x; 16 * q <= x < 16 * q + 16 ==>
              out[x] == XB_E{Pre}(KEYAT(key, half), in, 0, REF_TW0, x / 16, x % 16); */
        ref_gf_mul_alpha(T);                                  /* T_{q+1} = T_q (x) alpha */
        /*@ assert T_q1: \forall integer i; 0 <= i < 16 ==> T[i] == MULX(SPEC_F16(AP, REF_TW0, q), i); */
    }
    if (b != 0) {
        /*@ assert T_m1: SPEC_EQ16(T, AP, REF_TW0, m - 1); */
        /*@ assert len_m: len == 16 * (m - 1) + 16 + b; */
        /*@ assert S_sub: \subset(out + (16 * (m - 1) .. 16 * (m - 1) + 15 + b), out + (0 .. len - 1)); */
        /*@ assert in_m: \forall integer x; 16 * (m - 1) <= x < 16 * (m - 1) + 16 + b ==>
              in[x] == \at(in[x], Pre); */
        /*@ assert spec_P: \forall integer x; 16 * (m - 1) <= x < len ==>
              XTS_ENC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x) ==
              STEAL_E{Pre}(KEYAT(key, half), in, 16 * (m - 1), SPEC_F16(AP, REF_TW0, m - 1), b, x - 16 * (m - 1)); */
        /*@ assert same: \forall integer c; STEAL_E{Here}(KEYAT(key, half), in, 16 * (m - 1),
              SPEC_F16(AP, REF_TW0, m - 1), b, c) == STEAL_E{Pre}(KEYAT(key, half), in, 16 * (m - 1),
              SPEC_F16(AP, REF_TW0, m - 1), b, c); */
        /*@ assert spec_S: \forall integer x; 16 * (m - 1) <= x < len ==>
              XTS_ENC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x) ==
              STEAL_E{Here}(KEYAT(key, half), in, 16 * (m - 1), SPEC_F16(AP, REF_TW0, m - 1), b, x - 16 * (m - 1)); */
        steal_enc(key, half, in, out, 16 * (m - 1), b, T);  /* C_{m-1}, C_m */
        /*@ assert tail_T: \forall integer x; 16 * (m - 1) <= x < len ==>
              out[x] == XTS_ENC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x); */
    }
    /*@ assert head_T: \forall integer x; 0 <= x < 16 * n ==>
          out[x] == XTS_ENC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x); */
    /*@ assert all_T: \forall integer x; 0 <= x < len ==>
          out[x] == XTS_ENC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x); */
}

/* §5.4.2 XTS-AES decryption of the data unit in[0, len), as xts_enc. */
/*@ requires key_len == 32 || key_len == 64;
    requires 16 <= len <= 16777216;
    requires \valid_read(tweak + (0 .. 15)) && REF_APART(tweak, 16);
    requires \valid_read(key + (0 .. key_len - 1));
    requires \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
    requires in == out || \separated(in + (0 .. len - 1), out + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), key + (0 .. key_len - 1));
    requires \separated(out + (0 .. len - 1), tweak + (0 .. 15));
    requires REF_APART(key, key_len) && REF_APART(in, len) && REF_APART(out, len);
    assigns out[0 .. len - 1], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    ensures \forall integer x; 0 <= x < len ==>
      out[x] == XTS_DEC_AT(Pre, KEYAT(key, key_len / 2), KEYAT(key + key_len / 2, key_len / 2),
                           in, 0, len, x, SPEC_OLD16(tweak));
*/
static void xts_dec(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                    uint8_t *out, size_t len)
{
    size_t half = key_len / 2, m = len / 16, b = len % 16, q;
    size_t n = b == 0 ? m : m - 1;                   /* the blocks before any stealing */
    uint8_t T[16];

    ref_aes_encrypt(key + half, half, tweak, T);     /* T = T_0 = E_K2(i) (x) alpha^0 (§5.4.1) */
#ifdef __FRAMAC__
T0:; /* a proof label: T holds T_0 */
#endif
    /*@ assert T_E: SPEC_EQ16(T, E, KEYAT(key + half, half), SPEC_AT16(tweak, Pre)); */
    /*@ assert sizes: len == 16 * m + b && 0 <= b < 16 && n <= m && (b != 0 ==> 1 <= m); */
    /*@ loop invariant 0 <= q <= n;
        loop invariant T_q: \forall integer i; 0 <= i < 16 ==> T[i] == AP(REF_TW0, q, i);
        loop invariant done: \forall integer x; 0 <= x < 16 * q ==>
          out[x] == XB_D{Pre}(KEYAT(key, half), in, 0, REF_TW0, x / 16, x % 16);
        loop invariant rest: \forall integer x; 16 * q <= x < len ==> in[x] == \at(in[x], Pre);
        loop assigns q, T[0 .. 15], out[0 .. len - 1], sbox_table[0 .. 255], inv_sbox_table[0 .. 255],
          tables_ready;
        loop variant n - q; */
    for (q = 0; q < n; q++) {
        /*@ assert C_g: \forall integer j; j == q ==> REF_EQ16_AT(in + 16 * j, in, 16 * j, Pre); */
        /*@ assert q_in: 16 * q + 16 <= len; */
        /*@ assert q_sub: \subset(out + 16 * q + (0 .. 15), out + (0 .. len - 1)); */
        block_dec(key, half, T, in + 16 * q, out + 16 * q);   /* P_q <- blockDec(C_q, q) */
        /*@ assert rest_b: \forall integer x; 16 * q + 16 <= x < len ==> in[x] == \at(in[x], Pre); */
        /*@ assert P_q: \forall integer k; 0 <= k < 16 ==>
              out[16 * q + k] == XB_D{Pre}(KEYAT(key, half), in, 0, REF_TW0, q, k); */
        /*@ assert P_q2: \forall integer x; 16 * q <= x < 16 * q + 16 ==>
              out[x] == XB_D{Pre}(KEYAT(key, half), in, 0, REF_TW0, q, x - 16 * q); */
        /*@ assert D_q: \forall integer x; 16 * q <= x < 16 * q + 16 ==> x / 16 == q && x % 16 == x - 16 * q; */
        /*@ assert T_g2: SPEC_EQ16(T, AP, REF_TW0, q); */
        /*@ assert P_x: \forall integer x; 16 * q <= x < 16 * q + 16 ==>
              out[x] == XB_D{Pre}(KEYAT(key, half), in, 0, REF_TW0, x / 16, x % 16); */
        ref_gf_mul_alpha(T);                                  /* T_{q+1} = T_q (x) alpha */
        /*@ assert T_q1: \forall integer i; 0 <= i < 16 ==> T[i] == MULX(SPEC_F16(AP, REF_TW0, q), i); */
    }
    if (b != 0) {
        /*@ assert T_m1: SPEC_EQ16(T, AP, REF_TW0, m - 1); */
        /*@ assert len_m: len == 16 * (m - 1) + 16 + b; */
        /*@ assert S_sub: \subset(out + (16 * (m - 1) .. 16 * (m - 1) + 15 + b), out + (0 .. len - 1)); */
        /*@ assert in_m: \forall integer x; 16 * (m - 1) <= x < 16 * (m - 1) + 16 + b ==>
              in[x] == \at(in[x], Pre); */
        /*@ assert spec_P: \forall integer x; 16 * (m - 1) <= x < len ==>
              XTS_DEC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x) ==
              STEAL_D{Pre}(KEYAT(key, half), in, 16 * (m - 1), SPEC_F16(AP, REF_TW0, m - 1), b, x - 16 * (m - 1)); */
        /*@ assert same: \forall integer c; STEAL_D{Here}(KEYAT(key, half), in, 16 * (m - 1),
              SPEC_F16(AP, REF_TW0, m - 1), b, c) == STEAL_D{Pre}(KEYAT(key, half), in, 16 * (m - 1),
              SPEC_F16(AP, REF_TW0, m - 1), b, c); */
        /*@ assert spec_S: \forall integer x; 16 * (m - 1) <= x < len ==>
              XTS_DEC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x) ==
              STEAL_D{Here}(KEYAT(key, half), in, 16 * (m - 1), SPEC_F16(AP, REF_TW0, m - 1), b, x - 16 * (m - 1)); */
        steal_dec(key, half, in, out, 16 * (m - 1), b, T);  /* P_{m-1}, P_m */
        /*@ assert tail_T: \forall integer x; 16 * (m - 1) <= x < len ==>
              out[x] == XTS_DEC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x); */
    }
    /*@ assert head_T: \forall integer x; 0 <= x < 16 * n ==>
          out[x] == XTS_DEC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x); */
    /*@ assert all_T: \forall integer x; 0 <= x < len ==>
          out[x] == XTS_DEC_T{Pre}(KEYAT(key, half), in, 0, len, REF_TW0, x); */
}

/* The argument check of ref_xts_encrypt / ref_xts_decrypt. */
/*@ assigns \nothing;
    ensures \result != 0 <==> ((key_len == 32 || key_len == 64) && 16 <= len <= 16777216);
*/
static int ref_args_ok(size_t key_len, size_t len)
{
    return (key_len == 32 || key_len == 64) && len >= 16 && len <= ((size_t)1 << 24);
}

/*@ requires \valid_read(tweak + (0 .. 15));
    requires REF_APART(tweak, 16);
    assigns out[0 .. len - 1], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    behavior bad_length:
      assumes !(key_len == 32 || key_len == 64) || !(16 <= len <= 16777216);
      assigns \nothing;
      ensures \result == -1;
    behavior ok:
      assumes (key_len == 32 || key_len == 64) && 16 <= len <= 16777216;
      requires \valid_read(key + (0 .. key_len - 1));
      requires \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
      requires in == out || \separated(in + (0 .. len - 1), out + (0 .. len - 1));
      requires \separated(out + (0 .. len - 1), key + (0 .. key_len - 1));
      requires \separated(out + (0 .. len - 1), tweak + (0 .. 15));
      requires REF_APART(key, key_len) && REF_APART(in, len) && REF_APART(out, len);
      ensures \result == 0;
      ensures enc: \forall integer x; 0 <= x < len ==>
        out[x] == XTS_ENC_AT(Pre, KEYAT(key, key_len / 2), KEYAT(key + key_len / 2, key_len / 2),
                             in, 0, len, x, SPEC_OLD16(tweak));
    complete behaviors;
    disjoint behaviors;
*/
int ref_xts_encrypt(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                    uint8_t *out, size_t len)
{
    if (!ref_args_ok(key_len, len))
        return -1;
    xts_enc(key, key_len, tweak, in, out, len);
    return 0;
}

/*@ requires \valid_read(tweak + (0 .. 15));
    requires REF_APART(tweak, 16);
    assigns out[0 .. len - 1], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    behavior bad_length:
      assumes !(key_len == 32 || key_len == 64) || !(16 <= len <= 16777216);
      assigns \nothing;
      ensures \result == -1;
    behavior ok:
      assumes (key_len == 32 || key_len == 64) && 16 <= len <= 16777216;
      requires \valid_read(key + (0 .. key_len - 1));
      requires \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));
      requires in == out || \separated(in + (0 .. len - 1), out + (0 .. len - 1));
      requires \separated(out + (0 .. len - 1), key + (0 .. key_len - 1));
      requires \separated(out + (0 .. len - 1), tweak + (0 .. 15));
      requires REF_APART(key, key_len) && REF_APART(in, len) && REF_APART(out, len);
      ensures \result == 0;
      ensures dec: \forall integer x; 0 <= x < len ==>
        out[x] == XTS_DEC_AT(Pre, KEYAT(key, key_len / 2), KEYAT(key + key_len / 2, key_len / 2),
                             in, 0, len, x, SPEC_OLD16(tweak));
    complete behaviors;
    disjoint behaviors;
*/
int ref_xts_decrypt(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                    uint8_t *out, size_t len)
{
    if (!ref_args_ok(key_len, len))
        return -1;
    xts_dec(key, key_len, tweak, in, out, len);
    return 0;
}
