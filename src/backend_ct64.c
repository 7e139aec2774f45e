/* TEMPORARY PLACEHOLDER (replaced by the bitsliced ct64 backend): wraps ref's table AES. NOT constant time. */
#include <string.h>
#include "backend.h"
#include "../ref/ref_xts.c"

static int ct64_supported(void) { return 1; }
static void ct64_setup(vxts_key *k, const uint8_t *key1, const uint8_t *key2)
{
    memcpy(k->schedule.bytes, key1, k->half_key_bytes);
    memcpy(k->schedule.bytes + 32, key2, k->half_key_bytes);
}
static void ct64_encrypt_tweak(const vxts_key *k, uint8_t tweak[16])
{
    ref_aes_encrypt(k->schedule.bytes + 32, k->half_key_bytes, tweak, tweak);
}
static void blocks(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t T[16], int dec)
{
    size_t j; int i; uint8_t b[16];
    for (j = 0; j < n; j++) {
        for (i = 0; i < 16; i++) b[i] = in[16 * j + i] ^ T[i];
        if (dec) ref_aes_decrypt(k->schedule.bytes, k->half_key_bytes, b, b);
        else ref_aes_encrypt(k->schedule.bytes, k->half_key_bytes, b, b);
        for (i = 0; i < 16; i++) out[16 * j + i] = b[i] ^ T[i];
        ref_gf_mul_alpha(T);
    }
}
static void ct64_enc(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t T[16]) { blocks(k, out, in, n, T, 0); }
static void ct64_dec(const vxts_key *k, uint8_t *out, const uint8_t *in, size_t n, uint8_t T[16]) { blocks(k, out, in, n, T, 1); }
const vxts_backend vxts_backend_ct64 = {"ct64", ct64_supported, ct64_setup, ct64_encrypt_tweak, ct64_enc, ct64_dec, NULL, NULL};
