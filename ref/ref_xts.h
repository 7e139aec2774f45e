/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * ref — a byte-level reference of XTS-AES (IEEE Std 1619-2018 §5.3, §5.4)
 * over a plain FIPS-197 AES. Written for clarity, not speed, and not constant
 * time (it indexes the S-box with data). Used only by the tests as the oracle
 * and as the anchor of the formal spec; never linked into libvxts.
 */
#ifndef VXTS_REF_XTS_H
#define VXTS_REF_XTS_H

#include <stddef.h>
#include <stdint.h>

/* FIPS-197 single block; key_len 16 or 32 bytes. */
void ref_aes_encrypt(const uint8_t *key, size_t key_len, const uint8_t in[16], uint8_t out[16]);
void ref_aes_decrypt(const uint8_t *key, size_t key_len, const uint8_t in[16], uint8_t out[16]);

/* t <- t * alpha in GF(2^128), little-endian bytes (IEEE 1619 §5.2). */
void ref_gf_mul_alpha(uint8_t t[16]);

/*
 * key = Key1 || Key2 (32 or 64 bytes), tweak = i (16 bytes), 16 <= len <= 2^24.
 * out may equal in. Returns 0, or -1 on a bad length (nothing written).
 * Equal key halves are allowed here: the oracle must be able to check vector 1.
 */
int ref_xts_encrypt(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                    uint8_t *out, size_t len);
int ref_xts_decrypt(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                    uint8_t *out, size_t len);

#endif
