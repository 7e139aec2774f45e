/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The test oracle: ref/ref_xts.c compiled under test-only names
 * (oracle_*), so a test can never bind to some other copy of ref that an
 * object in libvxts might carry. Tests call the usual ref_* names.
 */
#ifndef VXTS_TEST_ORACLE_H
#define VXTS_TEST_ORACLE_H

#define ref_aes_encrypt oracle_aes_encrypt
#define ref_aes_decrypt oracle_aes_decrypt
#define ref_gf_mul_alpha oracle_gf_mul_alpha
#define ref_xts_encrypt oracle_xts_encrypt
#define ref_xts_decrypt oracle_xts_decrypt

#include "../ref/ref_xts.h"

/*
 * ref's XTS ciphertext of in[0..len) without a full ref call, for long or
 * many lengths (ref runs at a few MB/s). whole = ref_xts_encrypt of
 * in[0..whole_len) with the same key and tweak, whole_len a multiple of 16
 * and >= len. Blocks 0..m-2 of a data unit do not depend on its length, so
 * they are copied from whole; the last one or two blocks follow IEEE 1619
 * §5.3.2 step by step with ref_aes_encrypt and ref_gf_mul_alpha. Tests that
 * use it also compare it with direct ref_xts_encrypt calls.
 */
void oracle_xts_encrypt_from_whole(const uint8_t *key, size_t key_len, const uint8_t tweak[16], const uint8_t *in,
                                   const uint8_t *whole, uint8_t *out, size_t len);

#endif
