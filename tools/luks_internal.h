/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* Helpers shared by the tools/luks_*.c files (not used by other commands). */
#ifndef VXTS_LUKS_INTERNAL_H
#define VXTS_LUKS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "luks.h"

uint32_t luks_be32(const uint8_t *p);
uint64_t luks_be64(const uint8_t *p);
void luks_put_be32(uint8_t *p, uint32_t x);
void luks_put_be64(uint8_t *p, uint64_t x);
void luks_field(char *dst, size_t dst_size, const uint8_t *src, size_t src_len);

/* luks_json.c: the LUKS2 metadata (json_len bytes, NUL-terminated inside) into v;
   offsets are checked against image_size, the size of the file holding the header. */
int luks_json_parse(const char *json, size_t json_len, uint64_t image_size, struct luks_volume *v);
/* The LUKS2 metadata of v as JSON text (malloc'd, NUL-terminated), or NULL after a message. */
char *luks_json_build(const struct luks_volume *v);
int luks_base64_encode(const uint8_t *in, size_t len, char *out, size_t cap);

#endif
