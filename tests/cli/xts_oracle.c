/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * xts_oracle — an independent XTS-AES computation for the CLI tests, built on
 * OpenSSL's EVP aes-{128,256}-xts (not on libvxts or ref/).
 *
 *   xts_oracle enc|dec KEYFILE UNIT_SIZE FIRST STEP  < in > out
 *
 * Data unit k of stdin (UNIT_SIZE bytes, 16..2^24) gets the tweak
 * FIRST + k * STEP as a 128-bit little-endian number, i.e. dm-crypt plain64.
 * stdin must be a whole number of units.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

static int die(const char *msg)
{
    fprintf(stderr, "xts_oracle: %s\n", msg);
    return 2;
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *end;
    unsigned long long x;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    x = strtoull(s, &end, 0);
    if (errno != 0 || *end != '\0')
        return -1;
    *v = (uint64_t)x;
    return 0;
}

int main(int argc, char **argv)
{
    unsigned char key[65], tweak[16], *in, *out;
    size_t key_len, unit, got;
    uint64_t first, step, u, k;
    int enc, outl, rc = 0;
    FILE *kf;
    const EVP_CIPHER *cipher;
    EVP_CIPHER_CTX *ctx;

    if (argc != 6)
        return die("usage: xts_oracle enc|dec KEYFILE UNIT_SIZE FIRST STEP");
    enc = strcmp(argv[1], "enc") == 0;
    if (!enc && strcmp(argv[1], "dec") != 0)
        return die("mode must be enc or dec");
    if (parse_u64(argv[3], &u) || u < 16 || u > ((uint64_t)1 << 24) || parse_u64(argv[4], &first) ||
        parse_u64(argv[5], &step))
        return die("bad number");
    unit = (size_t)u;
    kf = fopen(argv[2], "rb");
    if (kf == NULL)
        return die("cannot open key file");
    key_len = fread(key, 1, sizeof key, kf);
    fclose(kf);
    if (key_len == 32)
        cipher = EVP_aes_128_xts();
    else if (key_len == 64)
        cipher = EVP_aes_256_xts();
    else
        return die("key must be 32 or 64 bytes");

    in = malloc(unit);
    out = malloc(unit);
    ctx = EVP_CIPHER_CTX_new();
    if (in == NULL || out == NULL || ctx == NULL)
        return die("out of memory");
    for (k = 0;; k++) {
        uint64_t t = first + k * step;
        int i;
        got = fread(in, 1, unit, stdin);
        if (got == 0)
            break;
        if (got != unit) {
            rc = die("input is not a whole number of units");
            break;
        }
        for (i = 0; i < 8; i++)
            tweak[i] = (unsigned char)(t >> (8 * i));
        memset(tweak + 8, 0, 8);
        /* A fresh init per unit: the tweak is the IV. */
        if (EVP_CipherInit_ex(ctx, cipher, NULL, key, tweak, enc) != 1 ||
            EVP_CipherUpdate(ctx, out, &outl, in, (int)unit) != 1 || (size_t)outl != unit) {
            rc = die("OpenSSL refused the operation");
            break;
        }
        if (fwrite(out, 1, unit, stdout) != unit) {
            rc = die("write error");
            break;
        }
    }
    EVP_CIPHER_CTX_free(ctx);
    memset(key, 0, sizeof key);
    free(in);
    free(out);
    if (fflush(stdout) != 0)
        rc = die("write error");
    return rc;
}
