/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The public theorem with the key link (proofs/prove.sh, run `key-link`):
 * a caller that sets up a context from key bytes and encrypts (or decrypts)
 * a data unit gets exactly XTS-AES (IEEE 1619 §5.3.2 / §5.4.2) under the
 * AES keys given by the two halves of those bytes (§5.1: Key1 the first
 * half, Key2 the second). Proved from the contracts of vxts_init and
 * vxts_encrypt / vxts_decrypt (themselves proved in the mode-* runs) and
 * the named assumption SETUP_EXPANDS of proofs/spec/kernel_spec.h.
 */
#include <stdint.h>
#include "backend.h"
#include "mode_spec.h"

/* Both halves of key_len bytes at key, as the AES keys they name. */
#define KEY1_OF_BYTES AES_KEY(key_len / 2, KEY_AT(key, key_len / 2, Pre))
#define KEY2_OF_BYTES AES_KEY(key_len / 2, KEY_AT(key + key_len / 2, key_len / 2, Pre))

#define CALLER_OK                                                                       \
    requires \valid(CTX_KEY(ctx)) && \valid((char *)ctx + (0 .. sizeof(vxts_ctx) - 1)); \
    requires BACKENDS_APART(CTX_KEY(ctx));                                              \
    requires KEY_LENGTH_OK(key_len) && \valid_read(key + (0 .. key_len - 1));           \
    requires KEY_APART(ctx, key, key_len);                                              \
    requires UNIT_LENGTH_OK(len) && RANGES_FIT(out, in, len) && !OVERLAP(out, in, len); \
    requires \valid_read(in + (0 .. len - 1)) && \valid(out + (0 .. len - 1));          \
    requires \valid_read(tweak + (0 .. 15));                                            \
    requires \separated(out + (0 .. len - 1), (char *)ctx + (0 .. sizeof(vxts_ctx) - 1)); \
    requires \separated(out + (0 .. len - 1), key + (0 .. key_len - 1));                \
    requires \separated(out + (0 .. len - 1), tweak + (0 .. 15));                       \
    requires \separated((char *)ctx + (0 .. sizeof(vxts_ctx) - 1), in + (0 .. len - 1), tweak + (0 .. 15)); \
    requires \separated(CTX_KEY(ctx), out + (0 .. len - 1), in + (0 .. len - 1), tweak + (0 .. 15));

/*@ CALLER_OK
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1], *CTX_KEY(ctx), out[0 .. len - 1];
    ensures \result == VXTS_OK || \result == VXTS_ERR_WEAK_KEY;
    ensures \result == VXTS_OK ==> \forall integer n; 0 <= n < len ==>
      out[n] == XTS_ENC_AT(Pre, KEY1_OF_BYTES, KEY2_OF_BYTES, in, 0, len, n, SPEC_OLD16(tweak));
*/
int encrypt_with_key_bytes(vxts_ctx *ctx, const uint8_t *key, size_t key_len, uint8_t *out,
                           const uint8_t *in, size_t len, const uint8_t tweak[16])
{
    int status = vxts_init(ctx, key, key_len);
    if (status != VXTS_OK)
        return status;
    /*@ assert \forall integer x; 0 <= x < len ==> in[x] == \at(in[x], Pre); */
    /*@ assert BLOCK_IS(tweak[b] == \at(tweak[b], Pre)); */
    return vxts_encrypt(ctx, out, in, len, tweak);
}

/*@ CALLER_OK
    assigns ((char *)ctx)[0 .. sizeof(vxts_ctx) - 1], *CTX_KEY(ctx), out[0 .. len - 1];
    ensures \result == VXTS_OK || \result == VXTS_ERR_WEAK_KEY;
    ensures \result == VXTS_OK ==> \forall integer n; 0 <= n < len ==>
      out[n] == XTS_DEC_AT(Pre, KEY1_OF_BYTES, KEY2_OF_BYTES, in, 0, len, n, SPEC_OLD16(tweak));
*/
int decrypt_with_key_bytes(vxts_ctx *ctx, const uint8_t *key, size_t key_len, uint8_t *out,
                           const uint8_t *in, size_t len, const uint8_t tweak[16])
{
    int status = vxts_init(ctx, key, key_len);
    if (status != VXTS_OK)
        return status;
    /*@ assert \forall integer x; 0 <= x < len ==> in[x] == \at(in[x], Pre); */
    /*@ assert BLOCK_IS(tweak[b] == \at(tweak[b], Pre)); */
    return vxts_decrypt(ctx, out, in, len, tweak);
}
