/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The argument conditions of the public API (include/vxts.h), in ACSL, for
 * the contracts of src/mode.c. ACSL only; included under __FRAMAC__ after
 * backend.h. Each VXTS_ERR_* of a data call is returned exactly when its
 * predicate below holds and the earlier ones do not.
 */
#ifndef VXTS_API_SPEC_H
#define VXTS_API_SPEC_H

#include "xts_spec.h"
#ifdef VXTS_SPEC_LEMMAS
#include "xts_lemmas.h"
#endif

/* The library's view of a context: the cast mode.c makes (a macro, so that
   WP sees the very same cast as in the code). */
#define CTX_KEY(ctx) ((vxts_key *)(ctx))

/*@
  // One kernel step advances the tweak by one multiplication by alpha: AP_S
  // with j = 0, which the provers do not find by themselves.
  lemma AP_1: \forall SPEC_P16(t), integer b; 0 <= b < 16 ==>
    AP(SPEC_A16(t), 1, b) == MULX(SPEC_A16(t), b);

  // The check word of a usable context (src/backend.h).
  logic integer KEY_CHECK(integer number, integer half) = VXTS_KEY_CHECK_BASE + 65536 * number + half;

  // A context vxts_init* set up: its backend is one of the table's, its key
  // size is one of the two, and its check word matches them. Anything else
  // (garbage, wiped, a refused key) is not usable.
  predicate CTX_OK{L}(vxts_key *k) =
    BACKEND_NUMBER(k->backend) != 0 && \valid_read(k->backend) &&
    (k->half_key_bytes == 16 || k->half_key_bytes == 32) &&
    k->rounds == (k->half_key_bytes == 16 ? 10 : 14) &&
    k->check == KEY_CHECK(BACKEND_NUMBER(k->backend), k->half_key_bytes);

  // VXTS_ERR_ARGUMENT: a NULL pointer or a context that is not usable.
  predicate NO_CTX{L}(vxts_ctx *ctx) = ctx == \null || !CTX_OK(CTX_KEY(ctx));

  // VXTS_ERR_DATA_LENGTH of a data unit (IEEE 1619 §5.1: 16 .. 2^24 bytes).
  predicate UNIT_LENGTH_OK(integer len) = 16 <= len <= 16777216;

  // VXTS_ERR_DATA_LENGTH of a sector call: a sector is a data unit, and len
  // is a positive whole number of sectors no object can exceed.
  predicate SECTORS_LENGTH_OK(integer len, integer sector_size) =
    UNIT_LENGTH_OK(sector_size) && len != 0 && len % sector_size == 0 && len <= PTRDIFF_MAX;

  // VXTS_ERR_DATA_LENGTH too: [p, p + len) would pass the end of the address
  // space (no buffer can; the test compares addresses: trusted, as OVERLAP's).
  axiomatic Addresses {
    predicate PAST_END(uint8_t *p, integer len);
  }
  predicate RANGES_FIT(uint8_t *out, uint8_t *in, integer len) = !PAST_END(out, len) && !PAST_END(in, len);

  // VXTS_ERR_OVERLAP: [out, out+len) and [in, in+len) share a byte, and
  // out != in (in place is allowed).
  predicate OVERLAP(uint8_t *out, uint8_t *in, integer len) =
    out != in && !\separated(out + (0 .. len - 1), in + (0 .. len - 1));

  // VXTS_ERR_KEY_LENGTH: Key1 || Key2 is 2 x 16 or 2 x 32 bytes (§5.1).
  predicate KEY_LENGTH_OK(integer key_len) = key_len == 32 || key_len == 64;

  // VXTS_ERR_OVERLAP of key setup: the key shares a byte with the context.
  predicate KEY_APART(vxts_ctx *ctx, uint8_t *key, integer key_len) =
    \separated((char *)ctx + (0 .. sizeof(vxts_ctx) - 1), key + (0 .. key_len - 1)) &&
    \separated(CTX_KEY(ctx), key + (0 .. key_len - 1));

  // VXTS_ERR_WEAK_KEY: Key1 == Key2 (SP 800-38E, FIPS 140 guidance).
  predicate KEY_HALVES_EQUAL{L}(uint8_t *key, integer half) =
    \forall integer i; 0 <= i < half ==> key[i] == key[half + i];

  // VXTS_ERR_SECTOR_RANGE: the last sector number first + n - 1 passes 2^64 - 1.
  predicate SECTOR_RANGE_BAD(integer len, integer sector_size, integer first) =
    first + len / sector_size - 1 > 18446744073709551615;
*/

#endif /* VXTS_API_SPEC_H */
