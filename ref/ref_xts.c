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
   arguments, and p[i] == bx(a[i], b[i]) (current label) as 16 equalities. */
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
/* T_0 = E_K2(i) in xts(), as 16 pure terms. */
#define REF_TW0 SPEC_F16(E, KEYAT(key + half, half), SPEC_AT16(tweak, Pre))
#define REF_XOR16(p, a, b) ((p)[0] == bx((a)[0], (b)[0]) && (p)[1] == bx((a)[1], (b)[1]) && \
    (p)[2] == bx((a)[2], (b)[2]) && (p)[3] == bx((a)[3], (b)[3]) && (p)[4] == bx((a)[4], (b)[4]) && \
    (p)[5] == bx((a)[5], (b)[5]) && (p)[6] == bx((a)[6], (b)[6]) && (p)[7] == bx((a)[7], (b)[7]) && \
    (p)[8] == bx((a)[8], (b)[8]) && (p)[9] == bx((a)[9], (b)[9]) && (p)[10] == bx((a)[10], (b)[10]) && \
    (p)[11] == bx((a)[11], (b)[11]) && (p)[12] == bx((a)[12], (b)[12]) && \
    (p)[13] == bx((a)[13], (b)[13]) && (p)[14] == bx((a)[14], (b)[14]) && (p)[15] == bx((a)[15], (b)[15]))
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

/* §5.3.1 XTS-AES-blockEnc / §5.4.1 blockDec, given T = E_K2(i) * alpha^j. */
/*@ requires half == 16 || half == 32;
    requires \valid_read(key1 + (0 .. half - 1)) && \valid_read(T + (0 .. 15));
    requires \valid_read(in + (0 .. 15)) && \valid(out + (0 .. 15));
    requires in == out || \separated(in + (0 .. 15), out + (0 .. 15));
    requires \separated(out + (0 .. 15), T + (0 .. 15)) && \separated(out + (0 .. 15), key1 + (0 .. half - 1));
    requires REF_APART(key1, half) && REF_APART(T, 16) && REF_APART(in, 16) && REF_APART(out, 16);
    assigns out[0 .. 15], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    behavior enc:
      assumes decrypt == 0;
      ensures \forall integer b; 0 <= b < 16 ==>
        out[b] == XEX_E(KEYAT(key1, half), SPEC_OLD16(in), SPEC_OLD16(T), b, \old(T[b]));
    behavior dec:
      assumes decrypt != 0;
      ensures \forall integer b; 0 <= b < 16 ==>
        out[b] == XEX_D(KEYAT(key1, half), SPEC_OLD16(in), SPEC_OLD16(T), b, \old(T[b]));
    complete behaviors;
    disjoint behaviors;
*/
static void block_xex(const uint8_t *key1, size_t half, const uint8_t T[16], const uint8_t in[16],
                      uint8_t out[16], int decrypt)
{
    uint8_t pp[16], cc[16];
    xor16(pp, in, T);                         /* PP <- P xor T */
    /*@ assert pp_ok: REF_XOR16(pp, in, T); */
    if (decrypt) {
        ref_aes_decrypt(key1, half, pp, cc);  /* CC <- dec(Key1, PP) */
        /*@ assert cc_dec: \forall integer i; 0 <= i < 16 ==>
              cc[i] == D(KEYAT(key1, half), REF_BX16_AT(in, T, Pre), i); */
    } else {
        ref_aes_encrypt(key1, half, pp, cc);  /* CC <- enc(Key1, PP) */
        /*@ assert cc_enc: \forall integer i; 0 <= i < 16 ==>
              cc[i] == E(KEYAT(key1, half), REF_BX16_AT(in, T, Pre), i); */
    }
    /*@ assert T_same: \forall integer i; 0 <= i < 16 ==> T[i] == \at(T[i], Pre); */
    xor16(out, cc, T);                        /* C <- CC xor T */
}

/*
 * §5.3.2 / §5.4.2, the last two blocks when the last one is partial:
 * in[o, o+16) and the b-byte partial block in[o+16, o+16+b), 0 < b < 16,
 * with T = T_{m-1}. Each block is read before it is written: out may equal in.
 */
/*@ requires half == 16 || half == 32;
    requires 0 < b < 16 && o <= 16777216;
    requires \valid_read(key + (0 .. half - 1)) && \valid(T + (0 .. 15));
    requires \valid_read(in + (o .. o + 15 + b)) && \valid(out + (o .. o + 15 + b));
    requires in == out || \separated(in + (o .. o + 15 + b), out + (o .. o + 15 + b));
    requires \separated(out + (o .. o + 15 + b), key + (0 .. half - 1));
    requires \separated(T + (0 .. 15), key + (0 .. half - 1), in + (o .. o + 15 + b));
    requires \separated(T + (0 .. 15), out + (o .. o + 15 + b));
    requires REF_APART(key, half) && REF_APART(T, 16) && REF_APART(in + o, 16 + b) && REF_APART(out + o, 16 + b);
    assigns out[o .. o + 15 + b], sbox_table[0 .. 255], inv_sbox_table[0 .. 255], tables_ready;
    behavior enc:
      assumes decrypt == 0;
      ensures \forall integer x; o <= x < o + 16 + b ==>
        out[x] == STEAL_E{Pre}(KEYAT(key, half), in, o, SPEC_OLD16(T), b, x - o);
    behavior dec:
      assumes decrypt != 0;
      ensures \forall integer x; o <= x < o + 16 + b ==>
        out[x] == STEAL_D{Pre}(KEYAT(key, half), in, o, SPEC_OLD16(T), b, x - o);
    complete behaviors;
    disjoint behaviors;
*/
static void xts_steal(const uint8_t *key, size_t half, const uint8_t *in, uint8_t *out, size_t o,
                      size_t b, const uint8_t T[16], int decrypt)
{
    uint8_t T_next[16], last[16], cc[16], pp[16];

    ref_copy(last, in + o, 16);
    /*@ assert last_q: \forall integer i; 0 <= i < 16 ==> last[i] == \at(in[o + i], Pre); */
    ref_copy(T_next, T, 16);
    /*@ assert T_q1: \forall integer i; 0 <= i < 16 ==> T[i] == \at(T[i], Pre); */
    /*@ assert last_q1: \forall integer i; 0 <= i < 16 ==> last[i] == \at(in[o + i], Pre); */
    /*@ assert Tc_q: \forall integer i; 0 <= i < 16 ==> T_next[i] == \at(T[i], Pre); */
    /*@ assert Tc_ok: REF_EQ16_AT(T_next, T, 0, Pre); */
    ref_gf_mul_alpha(T_next);             /* T_m */
    /*@ assert Tn_ok: SPEC_EQ16(T_next, MULX, SPEC_AT16(T, Pre)); */
    /*@ assert Tn_q: \forall integer i; 0 <= i < 16 ==> T_next[i] == MULX(SPEC_AT16(T, Pre), i); */
    /*@ assert T_q: \forall integer i; 0 <= i < 16 ==> T[i] == \at(T[i], Pre); */
    /*@ assert last_q2: \forall integer i; 0 <= i < 16 ==> last[i] == \at(in[o + i], Pre); */
    /*@ assert last_ok: REF_EQ16_AT(last, in, o, Pre); */
    /*@ assert T_same: REF_EQ16_AT(T, T, 0, Pre); */
    /*@ assert T_sel: \forall integer i; 0 <= i < 16 ==> T[i] == sel16(SPEC_AT16(T, Pre), i); */
    /* Encrypt: CC = blockEnc(P_{m-1}, j = m-1). Decrypt: PP = blockDec(C_{m-1}, j = m). */
    if (decrypt) {
        /*@ assert Tn_ok1: SPEC_EQ16(T_next, MULX, SPEC_AT16(T, Pre)); */
        block_xex(key, half, T_next, last, cc, decrypt);
        /*@ assert cc_dec: \forall integer i; 0 <= i < 16 ==>
              cc[i] == STEAL_PP_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), i); */
    } else {
        block_xex(key, half, T, last, cc, decrypt);
        /*@ assert cc_enc: \forall integer i; 0 <= i < 16 ==>
              cc[i] == BLK_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), i); */
    }
    /* The composite block: the partial block, then the stolen tail of cc. */
    ref_copy(pp, cc, 16);
    /*@ assert in_q: \forall integer x; o + 16 <= x < o + 16 + b ==> in[x] == \at(in[x], Pre); */
    ref_copy(pp, in + o + 16, b);
    /*@ assert pp_head: \forall integer i; 0 <= i < b ==> pp[i] == \at(in[o + 16 + i], Pre); */
    /*@ assert pp_tail: \forall integer i; b <= i < 16 ==> pp[i] == cc[i]; */
    /*@ assert pp_e: decrypt == 0 ==> \forall integer i; 0 <= i < 16 ==>
          pp[i] == STEAL_PP_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, i); */
    /*@ assert pp_d: decrypt != 0 ==> \forall integer i; 0 <= i < 16 ==>
          pp[i] == STEAL_CC_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, i); */
    /* The partial block of the result is the head of cc. */
    ref_copy(out + o + 16, cc, b);
    /*@ assert out_e: decrypt == 0 ==> \forall integer x; o + 16 <= x < o + 16 + b ==>
          out[x] == STEAL_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, x - o); */
    /*@ assert out_d: decrypt != 0 ==> \forall integer x; o + 16 <= x < o + 16 + b ==>
          out[x] == STEAL_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, x - o); */
    /*@ assert T_q2: \forall integer i; 0 <= i < 16 ==> T[i] == \at(T[i], Pre); */
    /*@ assert Tn_q2: \forall integer i; 0 <= i < 16 ==> T_next[i] == MULX(SPEC_AT16(T, Pre), i); */
    /* The last whole block: encrypt with T_m, decrypt with T_{m-1}. */
    if (decrypt) {
        /*@ assert pp_dq: \forall integer i; 0 <= i < 16 ==>
              pp[i] == STEAL_CC_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, i); */
        /*@ assert pp_dg: SPEC_EQ16(pp, STEAL_CC_D{Pre}, KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b); */
        /*@ assert T_same2: REF_EQ16_AT(T, T, 0, Pre); */
        /*@ assert T_sel2: \forall integer i; 0 <= i < 16 ==> T[i] == sel16(SPEC_AT16(T, Pre), i); */
        block_xex(key, half, T, pp, out + o, decrypt);
        /*@ assert last_d: \forall integer i; 0 <= i < 16 ==>
              out[o + i] == STEAL_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, i); */
    } else {
        /*@ assert pp_eq: \forall integer i; 0 <= i < 16 ==>
              pp[i] == STEAL_PP_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, i); */
        /*@ assert pp_eg: SPEC_EQ16(pp, STEAL_PP_E{Pre}, KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b); */
        /*@ assert Tn_ok2: SPEC_EQ16(T_next, MULX, SPEC_AT16(T, Pre)); */
        block_xex(key, half, T_next, pp, out + o, decrypt);
        /*@ assert last_e: \forall integer i; 0 <= i < 16 ==>
              out[o + i] == STEAL_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, i); */
    }
    /*@ assert decrypt == 0 ==> \forall integer x; o <= x < o + 16 ==>
          out[x] == STEAL_E{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, x - o); */
    /*@ assert decrypt != 0 ==> \forall integer x; o <= x < o + 16 ==>
          out[x] == STEAL_D{Pre}(KEYAT(key, half), in, o, SPEC_AT16(T, Pre), b, x - o); */
}

/* §5.3.2 (encrypt) and §5.4.2 (decrypt). Each block is read before it is written, so out may equal in. */
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
    ensures enc: decrypt == 0 ==> \forall integer x; 0 <= x < len ==>
      out[x] == XTS_ENC_AT(Pre, KEYAT(key, key_len / 2), KEYAT(key + key_len / 2, key_len / 2),
                           in, 0, len, x, SPEC_OLD16(tweak));
    ensures dec: decrypt != 0 ==> \forall integer x; 0 <= x < len ==>
      out[x] == XTS_DEC_AT(Pre, KEYAT(key, key_len / 2), KEYAT(key + key_len / 2, key_len / 2),
                           in, 0, len, x, SPEC_OLD16(tweak));
*/
static void xts(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
               uint8_t *out, size_t len, int decrypt)
{
    size_t half = key_len / 2, m, b, j;
    uint8_t T0[16], T[16];

    m = len / 16;  /* whole blocks 0 .. m-1 */
    b = len % 16;  /* bytes in the partial block m */

    ref_aes_encrypt(key + half, half, tweak, T0); /* T_0 = E_K2(i) * alpha^0 */
    /*@ assert T0_ok: SPEC_EQ16(T0, E, KEYAT(key + half, half), SPEC_AT16(tweak, Pre)); */
    ref_copy(T, T0, 16);
    /*@ assert T_0: SPEC_EQ16(T, AP, REF_TW0, 0); */
    /* Blocks 0 .. m-2 always; block m-1 too when there is no partial block. */
    /*@ loop invariant 0 <= j <= m && (b != 0 ==> j <= m - 1);
        loop invariant T_j: \forall integer i; 0 <= i < 16 ==> T[i] == AP(REF_TW0, j, i);
        loop invariant done_enc: decrypt == 0 ==> \forall integer x; 0 <= x < 16 * j ==>
          out[x] == XB_E{Pre}(KEYAT(key, half), in, 0, REF_TW0, x / 16, x % 16);
        loop invariant done_dec: decrypt != 0 ==> \forall integer x; 0 <= x < 16 * j ==>
          out[x] == XB_D{Pre}(KEYAT(key, half), in, 0, REF_TW0, x / 16, x % 16);
        loop invariant rest: \forall integer x; 16 * j <= x < len ==> in[x] == \at(in[x], Pre);
        loop assigns j, T[0 .. 15], out[0 .. len - 1], sbox_table[0 .. 255], inv_sbox_table[0 .. 255],
          tables_ready;
        loop variant m - j; */
    for (j = 0; j + 1 < m || (b == 0 && j < m); j++) {
        /*@ assert in_j: \forall integer jj; jj == j ==> REF_EQ16_AT(in, in, 16 * jj, Pre); */
        /*@ assert T_jg: SPEC_EQ16(T, AP, REF_TW0, j); */
        block_xex(key, half, T, in + 16 * j, out + 16 * j, decrypt);
        /*@ assert blk_enc: decrypt == 0 ==> \forall integer k; 0 <= k < 16 ==>
              out[16 * j + k] == XB_E{Pre}(KEYAT(key, half), in, 0, REF_TW0, j, k); */
        /*@ assert blk_dec: decrypt != 0 ==> \forall integer k; 0 <= k < 16 ==>
              out[16 * j + k] == XB_D{Pre}(KEYAT(key, half), in, 0, REF_TW0, j, k); */
        /*@ assert decrypt == 0 ==> \forall integer x; 16 * j <= x < 16 * j + 16 ==>
              out[x] == XB_E{Pre}(KEYAT(key, half), in, 0, REF_TW0, x / 16, x % 16); */
        /*@ assert decrypt != 0 ==> \forall integer x; 16 * j <= x < 16 * j + 16 ==>
              out[x] == XB_D{Pre}(KEYAT(key, half), in, 0, REF_TW0, x / 16, x % 16); */
        /*@ assert T_jg2: SPEC_EQ16(T, AP, REF_TW0, j); */
        ref_gf_mul_alpha(T);                  /* T_{j+1} = T_j * alpha */
        /*@ assert T_j1: \forall integer i; 0 <= i < 16 ==> T[i] == MULX(SPEC_F16(AP, REF_TW0, j), i); */
    }
    if (b != 0) {
        /* Ciphertext stealing; T is T_{m-1}. */
        /*@ assert T_m1: SPEC_EQ16(T, AP, REF_TW0, m - 1); */
        /*@ assert in_m1: \forall integer x; 16 * (m - 1) <= x < 16 * (m - 1) + 16 + b ==>
              in[x] == \at(in[x], Pre); */
        xts_steal(key, half, in, out, 16 * (m - 1), b, T, decrypt);
        /*@ assert tail_enc: decrypt == 0 ==> \forall integer x; 16 * (m - 1) <= x < len ==>
              out[x] == STEAL_E{Pre}(KEYAT(key, half), in, 16 * (m - 1), SPEC_F16(AP, REF_TW0, m - 1), b,
                                     x - 16 * (m - 1)); */
        /*@ assert tail_dec: decrypt != 0 ==> \forall integer x; 16 * (m - 1) <= x < len ==>
              out[x] == STEAL_D{Pre}(KEYAT(key, half), in, 16 * (m - 1), SPEC_F16(AP, REF_TW0, m - 1), b,
                                     x - 16 * (m - 1)); */
    }
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
    xts(key, key_len, tweak, in, out, len, 0);
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
    xts(key, key_len, tweak, in, out, len, 1);
    return 0;
}
