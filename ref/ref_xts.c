/*
 * Reference XTS-AES. Every step names the standard's step it implements.
 * FIPS-197 AES with the S-box computed from its definition (multiplicative
 * inverse in GF(2^8) then the affine map, §5.1.1), so no table is typed in.
 */
#include <string.h>

#include "ref_xts.h"

/* ---- FIPS-197 ----------------------------------------------------------------- */

/* Multiplication in GF(2^8) mod x^8 + x^4 + x^3 + x + 1 (FIPS-197 §4.2). */
static uint8_t gf8_mul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;
    int i;
    for (i = 0; i < 8; i++) {
        if (b & 1)
            p ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return p;
}

/* S-box (FIPS-197 §5.1.1): b = inverse(a) (0 -> 0), then the affine transformation. */
static uint8_t sbox(uint8_t a)
{
    uint8_t inv = 0, b, s;
    int i;
    for (i = 1; i < 256; i++)
        if (gf8_mul(a, (uint8_t)i) == 1)
            inv = (uint8_t)i;
    b = inv;
    s = b;
    for (i = 1; i <= 4; i++)
        s ^= (uint8_t)((b << i) | (b >> (8 - i)));
    return (uint8_t)(s ^ 0x63);
}

static uint8_t sbox_table[256], inv_sbox_table[256];

/* Key expansion (FIPS-197 §5.2): (rounds + 1) round keys of 16 bytes. */
static int expand_key(const uint8_t *key, size_t key_len, uint8_t w[15][16])
{
    int nk = (int)key_len / 4, rounds = nk + 6, i;
    uint8_t words[60][4], rcon = 1, temp[4], t;
    for (i = 0; i < nk; i++)
        memcpy(words[i], key + 4 * i, 4);
    for (i = nk; i < 4 * (rounds + 1); i++) {
        memcpy(temp, words[i - 1], 4);
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
        words[i][0] = (uint8_t)(words[i - nk][0] ^ temp[0]);
        words[i][1] = (uint8_t)(words[i - nk][1] ^ temp[1]);
        words[i][2] = (uint8_t)(words[i - nk][2] ^ temp[2]);
        words[i][3] = (uint8_t)(words[i - nk][3] ^ temp[3]);
    }
    for (i = 0; i <= rounds; i++) {
        memcpy(w[i], words[4 * i], 4);
        memcpy(w[i] + 4, words[4 * i + 1], 4);
        memcpy(w[i] + 8, words[4 * i + 2], 4);
        memcpy(w[i] + 12, words[4 * i + 3], 4);
    }
    return rounds;
}

/* The state is column-major: s[r + 4c] (FIPS-197 §3.4). */
static void add_round_key(uint8_t s[16], const uint8_t k[16])
{
    int i;
    for (i = 0; i < 16; i++)
        s[i] ^= k[i];
}

static void shift_rows(uint8_t s[16], int inverse)
{
    uint8_t t[16];
    int r, c;
    for (r = 0; r < 4; r++)
        for (c = 0; c < 4; c++) {
            if (inverse)
                t[r + 4 * ((c + r) % 4)] = s[r + 4 * c];
            else
                t[r + 4 * c] = s[r + 4 * ((c + r) % 4)];
        }
    memcpy(s, t, 16);
}

static void mix_columns(uint8_t s[16], int inverse)
{
    static const uint8_t fwd[4] = {2, 3, 1, 1}, inv[4] = {14, 11, 13, 9};
    const uint8_t *m = inverse ? inv : fwd;
    uint8_t col[4];
    int r, c;
    for (c = 0; c < 4; c++) {
        memcpy(col, s + 4 * c, 4);
        for (r = 0; r < 4; r++)
            s[r + 4 * c] = (uint8_t)(gf8_mul(m[(4 - r) % 4], col[0]) ^ gf8_mul(m[(5 - r) % 4], col[1]) ^
                                     gf8_mul(m[(6 - r) % 4], col[2]) ^ gf8_mul(m[(7 - r) % 4], col[3]));
    }
}

static int tables_ready;

static void make_tables(void)
{
    int x;
    if (tables_ready)
        return;
    for (x = 0; x < 256; x++) {
        sbox_table[x] = sbox((uint8_t)x);
        inv_sbox_table[sbox_table[x]] = (uint8_t)x;
    }
    tables_ready = 1;
}

/* Cipher (FIPS-197 §5.1) with an expanded key. */
static void cipher(const uint8_t w[15][16], int rounds, const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16];
    int round, i;
    memcpy(s, in, 16);
    add_round_key(s, w[0]);
    for (round = 1; round <= rounds; round++) {
        for (i = 0; i < 16; i++)
            s[i] = sbox_table[s[i]];          /* SubBytes */
        shift_rows(s, 0);                     /* ShiftRows */
        if (round != rounds)
            mix_columns(s, 0);                /* MixColumns */
        add_round_key(s, w[round]);           /* AddRoundKey */
    }
    memcpy(out, s, 16);
}

/* InvCipher (FIPS-197 §5.3) with an expanded key. */
static void inv_cipher(const uint8_t w[15][16], int rounds, const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16];
    int round, i;
    memcpy(s, in, 16);
    add_round_key(s, w[rounds]);
    for (round = rounds - 1; round >= 0; round--) {
        shift_rows(s, 1);                     /* InvShiftRows */
        for (i = 0; i < 16; i++)
            s[i] = inv_sbox_table[s[i]];      /* InvSubBytes */
        add_round_key(s, w[round]);           /* AddRoundKey */
        if (round != 0)
            mix_columns(s, 1);                /* InvMixColumns */
    }
    memcpy(out, s, 16);
}

void ref_aes_encrypt(const uint8_t *key, size_t key_len, const uint8_t in[16], uint8_t out[16])
{
    uint8_t w[15][16];
    int rounds;
    make_tables();
    rounds = expand_key(key, key_len, w);
    cipher(w, rounds, in, out);
}

void ref_aes_decrypt(const uint8_t *key, size_t key_len, const uint8_t in[16], uint8_t out[16])
{
    uint8_t w[15][16];
    int rounds;
    make_tables();
    rounds = expand_key(key, key_len, w);
    inv_cipher(w, rounds, in, out);
}

/* ---- IEEE 1619 ------------------------------------------------------------------ */

/* §5.2: multiplication by the primitive element alpha; byte 0 is least significant. */
void ref_gf_mul_alpha(uint8_t t[16])
{
    int carry_in = 0, k, carry_out;
    for (k = 0; k < 16; k++) {
        carry_out = t[k] >> 7;
        t[k] = (uint8_t)((t[k] << 1) | carry_in);
        carry_in = carry_out;
    }
    if (carry_in)
        t[0] ^= 0x87;
}

/* §5.3.1 XTS-AES-blockEnc / §5.4.1 blockDec, given T = E_K2(i) * alpha^j. */
static void block_xex(const uint8_t w1[15][16], int rounds, const uint8_t T[16], const uint8_t in[16],
                      uint8_t out[16], int decrypt)
{
    uint8_t pp[16], cc[16];
    int k;
    for (k = 0; k < 16; k++)
        pp[k] = in[k] ^ T[k];                 /* PP <- P xor T */
    if (decrypt)
        inv_cipher(w1, rounds, pp, cc);
    else
        cipher(w1, rounds, pp, cc);           /* CC <- enc(Key1, PP) */
    for (k = 0; k < 16; k++)
        out[k] = cc[k] ^ T[k];                /* C <- CC xor T */
}

/* §5.3.2 (encrypt) and §5.4.2 (decrypt). Each block is read before it is written, so out may equal in. */
static int xts(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
               uint8_t *out, size_t len, int decrypt)
{
    size_t half = key_len / 2, m, b, j;
    uint8_t w1[15][16], w2[15][16], T[16], T_next[16], last[16], tail[16], cc[16], pp[16];
    int rounds;

    if ((key_len != 32 && key_len != 64) || len < 16 || len > ((size_t)1 << 24))
        return -1;
    make_tables();
    rounds = expand_key(key, half, w1);
    expand_key(key + half, half, w2);
    m = len / 16;  /* whole blocks 0 .. m-1 */
    b = len % 16;  /* bytes in the partial block m */

    cipher(w2, rounds, tweak, T);             /* T = E_K2(i) * alpha^0 */
    /* Blocks 0 .. m-2 always; block m-1 too when there is no partial block. */
    for (j = 0; j + 1 < m || (b == 0 && j < m); j++) {
        block_xex(w1, rounds, T, in + 16 * j, out + 16 * j, decrypt);
        ref_gf_mul_alpha(T);                  /* T_{j+1} = T_j * alpha */
    }
    if (b != 0) {
        /* Ciphertext stealing; T is T_{m-1}. */
        memcpy(last, in + 16 * (m - 1), 16);
        memcpy(tail, in + 16 * m, b);
        memcpy(T_next, T, 16);
        ref_gf_mul_alpha(T_next);             /* T_m */
        /* Encrypt: CC = blockEnc(P_{m-1}, j = m-1). Decrypt: PP = blockDec(C_{m-1}, j = m). */
        block_xex(w1, rounds, decrypt ? T_next : T, last, cc, decrypt);
        /* The composite block: the partial block, then the stolen tail of cc. */
        memcpy(pp, tail, b);
        memcpy(pp + b, cc + b, 16 - b);
        /* The partial block of the result is the head of cc. */
        memcpy(out + 16 * m, cc, b);
        /* The last whole block: encrypt with T_m, decrypt with T_{m-1}. */
        block_xex(w1, rounds, decrypt ? T : T_next, pp, out + 16 * (m - 1), decrypt);
    }
    return 0;
}

int ref_xts_encrypt(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                    uint8_t *out, size_t len)
{
    return xts(key, key_len, tweak, in, out, len, 0);
}

int ref_xts_decrypt(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                    uint8_t *out, size_t len)
{
    return xts(key, key_len, tweak, in, out, len, 1);
}
