/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* ref/ref_xts.c under the oracle_* names of oracle.h, and a helper built on it. */
#include "oracle.h"

#include "../ref/ref_xts.c"

void oracle_xts_encrypt_from_whole(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                                   const uint8_t *whole, uint8_t *out, size_t len)
{
    size_t half = key_len / 2, m = len / 16, r = len % 16, j, k;
    uint8_t t[16], pp[16];
    const uint8_t *cc;

    memmove(out, whole, len - r);
    if (r == 0)
        return;
    /* T_m = E_K2(i) * alpha^m */
    ref_aes_encrypt(key + half, half, tweak, t);
    for (j = 0; j < m; j++)
        ref_gf_mul_alpha(t);
    cc = whole + 16 * (m - 1);   /* CC = blockEnc(P_{m-1}, T_{m-1}) */
    memcpy(pp, in + 16 * m, r);  /* PP = P_m || the last 16 - r bytes of CC */
    memcpy(pp + r, cc + r, 16 - r);
    for (k = 0; k < r; k++)      /* C_m = the first r bytes of CC */
        out[16 * m + k] = cc[k];
    for (k = 0; k < 16; k++)     /* C_{m-1} = blockEnc(PP, T_m) */
        pp[k] ^= t[k];
    ref_aes_encrypt(key, half, pp, pp);
    for (k = 0; k < 16; k++)
        out[16 * (m - 1) + k] = pp[k] ^ t[k];
}
