/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * `vxts luks dump`: what `cryptsetup luksDump` shows that matters, never key material
 * (salts and the volume key digest are public by design; the volume key is not printed).
 * Every string from the header is printed escaped (cli_escape): it may be hostile.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "luks.h"

static void hex(const char *label, const uint8_t *p, size_t n)
{
    size_t i;
    printf("\t%-12s", label);
    for (i = 0; i < n; i++)
        printf("%s%02x", i > 0 && i % 16 == 0 ? "\n\t            " : i > 0 ? " " : "", p[i]);
    putchar('\n');
}

static const char *kdf_name(enum luks_kdf_type t)
{
    return t == LUKS_KDF_PBKDF2 ? "pbkdf2" : t == LUKS_KDF_ARGON2I ? "argon2i" : "argon2id";
}

static const char *text(char *buf, size_t size, const char *s, const char *none)
{
    return s[0] ? cli_escape(buf, size, s) : none;
}

void luks_dump(const struct luks_volume *v, const char *image_name)
{
    char e1[256], e2[256];
    unsigned i, d;
    printf("LUKS header information for %s\n\n", cli_escape(e1, sizeof e1, image_name));
    printf("Version:       \t%d\n", v->version);
    if (v->version == 2) {
        printf("Epoch:         \t%llu\n", (unsigned long long)v->seqid);
        printf("Metadata area: \t%llu [bytes]\n", (unsigned long long)v->hdr_size);
        printf("Keyslots area: \t%llu [bytes]\n", (unsigned long long)v->keyslots_size);
        printf("Header copy:   \t%s\n", v->used_secondary ? "secondary (the primary is damaged or older)" : "primary");
    }
    printf("UUID:          \t%s\n", text(e1, sizeof e1, v->uuid, "(no UUID)"));
    if (v->version == 2) {
        printf("Label:         \t%s\n", text(e1, sizeof e1, v->label, "(no label)"));
        printf("Subsystem:     \t%s\n", text(e1, sizeof e1, v->subsystem, "(no subsystem)"));
        printf("Flags:         \t%s\n", text(e1, sizeof e1, v->flags, "(no flags)"));
    } else {
        printf("Cipher:        \t%s\n", cli_escape(e1, sizeof e1, v->cipher));
        printf("Hash spec:     \t%s\n", cli_escape(e1, sizeof e1, v->digests[0].hash));
        printf("Payload offset:\t%llu\n", (unsigned long long)v->data_offset / 512);
        printf("MK bits:       \t%u\n", v->key_bytes * 8);
    }
    printf("\nData segments:\n  0: crypt\n");
    printf("\toffset: %llu [bytes]\n", (unsigned long long)v->data_offset);
    if (v->data_size_dynamic)
        printf("\tlength: (whole device)\n");
    else
        printf("\tlength: %llu [bytes]\n", (unsigned long long)v->data_size);
    printf("\tcipher: %s\n", cli_escape(e1, sizeof e1, v->cipher));
    printf("\tsector: %u [bytes]\n", v->sector_size);
    if (v->iv_tweak != 0)
        printf("\tIV tweak: %llu\n", (unsigned long long)v->iv_tweak);
    printf("\nKeyslots:\n");
    for (i = 0; i < v->nslots; i++) {
        const struct luks_keyslot *s = &v->slots[i];
        printf("  %d: %s\n", s->id, v->version == 1 ? "ENABLED" : s->key_bytes ? "luks2" : "other");
        if (s->key_bytes == 0) {
            printf("\t%s\n", cli_escape(e1, sizeof e1, s->area_cipher));
            continue;
        }
        printf("\tKey:        %u bits\n", s->key_bytes * 8);
        printf("\tPriority:   %s\n", s->priority == 0 ? "ignored" : s->priority == 2 ? "preferred" : "normal");
        printf("\tCipher:     %s\n", cli_escape(e1, sizeof e1, s->area_cipher));
        printf("\tCipher key: %u bits\n", s->area_key_bytes * 8);
        printf("\tPBKDF:      %s\n", kdf_name(s->kdf.type));
        if (s->kdf.type == LUKS_KDF_PBKDF2) {
            printf("\tHash:       %s\n", cli_escape(e1, sizeof e1, s->kdf.hash));
            printf("\tIterations: %u\n", (unsigned)s->kdf.iterations);
        } else {
            printf("\tTime cost:  %u\n", (unsigned)s->kdf.iterations);
            printf("\tMemory:     %u\n", (unsigned)s->kdf.memory_kib);
            printf("\tThreads:    %u\n", (unsigned)s->kdf.parallel);
        }
        hex("Salt:", s->kdf.salt, s->kdf.salt_len);
        printf("\tAF stripes: %u\n", (unsigned)s->stripes);
        printf("\tAF hash:    %s\n", cli_escape(e2, sizeof e2, s->af_hash));
        printf("\tArea offset:%llu [bytes]\n", (unsigned long long)s->area_offset);
        printf("\tArea length:%llu [bytes]\n", (unsigned long long)s->area_size);
        for (d = 0; d < v->ndigests; d++)
            if (v->digests[d].keyslots & (1u << s->id))
                printf("\tDigest ID:  %d\n", v->digests[d].id);
        if (!s->usable)
            printf("\t(vxts cannot open this keyslot)\n");
    }
    if (v->version == 2) {
        printf("Tokens:\n");
        for (i = 0; i < v->ntokens; i++)
            printf("  %u: %s%s\n", i, cli_escape(e1, sizeof e1, v->tokens[i]),
                   " (not used by vxts: give the passphrase or a key file)");
    }
    printf("Digests:\n");
    for (d = 0; d < v->ndigests; d++) {
        const struct luks_digest *g = &v->digests[d];
        printf("  %d: pbkdf2\n", g->id);
        printf("\tHash:       %s\n", cli_escape(e1, sizeof e1, g->hash));
        printf("\tIterations: %u\n", (unsigned)g->iterations);
        hex("Salt:", g->salt, g->salt_len);
        hex("Digest:", g->digest, g->digest_len);
    }
}
