/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts selftest — IEEE Std 1619 known answers on every usable backend.
 *
 * The expected ciphertexts are fixed vectors from the standard (Annex B),
 * never computed by vxts itself; the sector checks compare the CLI's strided
 * IV path (cli_transform) with single-unit calls.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"


struct kat {
    const char *name;
    const char *key;    /* Key1 || Key2, hex */
    uint64_t unit;      /* data unit sequence number */
    const char *pt;     /* hex, or NULL for the 512-byte pattern 00 01 .. ff 00 01 .. ff */
    const char *ct;     /* hex */
};

static const struct kat kats[] = {
    {"vector 2 (AES-128, 32 bytes)",
     "11111111111111111111111111111111" "22222222222222222222222222222222", 0x3333333333,
     "4444444444444444444444444444444444444444444444444444444444444444",
     "c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0"},
    {"vector 3 (AES-128, 32 bytes)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "22222222222222222222222222222222", 0x3333333333,
     "4444444444444444444444444444444444444444444444444444444444444444",
     "af85336b597afc1a900b2eb21ec949d292df4c047e0b21532186a5971a227a89"},
    {"vector 4 (AES-128, 512 bytes)",
     "27182818284590452353602874713526" "31415926535897932384626433832795", 0, NULL,
     "27a7479befa1d476489f308cd4cfa6e2a96e4bbe3208ff25287dd3819616e89c"
     "c78cf7f5e543445f8333d8fa7f56000005279fa5d8b5e4ad40e736ddb4d35412"
     "328063fd2aab53e5ea1e0a9f332500a5df9487d07a5c92cc512c8866c7e860ce"
     "93fdf166a24912b422976146ae20ce846bb7dc9ba94a767aaef20c0d61ad0265"
     "5ea92dc4c4e41a8952c651d33174be51a10c421110e6d81588ede82103a252d8"
     "a750e8768defffed9122810aaeb99f9172af82b604dc4b8e51bcb08235a6f434"
     "1332e4ca60482a4ba1a03b3e65008fc5da76b70bf1690db4eae29c5f1badd03c"
     "5ccf2a55d705ddcd86d449511ceb7ec30bf12b1fa35b913f9f747a8afd1b130e"
     "94bff94effd01a91735ca1726acd0b197c4e5b03393697e126826fb6bbde8ecc"
     "1e08298516e2c9ed03ff3c1b7860f6de76d4cecd94c8119855ef5297ca67e9f3"
     "e7ff72b1e99785ca0a7e7720c5b36dc6d72cac9574c8cbbc2f801e23e56fd344"
     "b07f22154beba0f08ce8891e643ed995c94d9a69c9f1b5f499027a78572aeebd"
     "74d20cc39881c213ee770b1010e4bea718846977ae119f7a023ab58cca0ad752"
     "afe656bb3c17256a9f6e9bf19fdd5a38fc82bbe872c5539edb609ef4f79c203e"
     "bb140f2e583cb2ad15b4aa5b655016a8449277dbd477ef2c8d6c017db738b18d"
     "eb4a427d1923ce3ff262735779a418f20a282df920147beabe421ee5319d0568"},
    {"vector 10 (AES-256, 512 bytes)",
     "2718281828459045235360287471352662497757247093699959574966967627"
     "3141592653589793238462643383279502884197169399375105820974944592", 0xff, NULL,
     "1c3b3a102f770386e4836c99e370cf9bea00803f5e482357a4ae12d414a3e63b"
     "5d31e276f8fe4a8d66b317f9ac683f44680a86ac35adfc3345befecb4bb188fd"
     "5776926c49a3095eb108fd1098baec70aaa66999a72a82f27d848b21d4a741b0"
     "c5cd4d5fff9dac89aeba122961d03a757123e9870f8acf1000020887891429ca"
     "2a3e7a7d7df7b10355165c8b9a6d0a7de8b062c4500dc4cd120c0f7418dae3d0"
     "b5781c34803fa75421c790dfe1de1834f280d7667b327f6c8cd7557e12ac3a0f"
     "93ec05c52e0493ef31a12d3d9260f79a289d6a379bc70c50841473d1a8cc81ec"
     "583e9645e07b8d9670655ba5bbcfecc6dc3966380ad8fecb17b6ba02469a020a"
     "84e18e8f84252070c13e9f1f289be54fbc481457778f616015e1327a02b140f1"
     "505eb309326d68378f8374595c849d84f4c333ec4423885143cb47bd71c5edae"
     "9be69a2ffeceb1bec9de244fbe15992b11b77c040f12bd8f6a975a44a0f90c29"
     "a9abc3d4d893927284c58754cce294529f8614dcd2aba991925fedc4ae74ffac"
     "6e333b93eb4aff0479da9a410e4450e0dd7ae4c6e2910900575da401fc07059f"
     "645e8b7e9bfdef33943054ff84011493c27b3429eaedb4ed5376441a77ed4385"
     "1ad77f16f541dfd269d50d6a5f14fb0aab1cbb4c1550be97f7ab4066193c4caa"
     "773dad38014bd2092fa755c824bb5e54c4f36ffda9fcea70b9c6e693e148c151"},
    {"vector 15 (AES-128, 17 bytes, ciphertext stealing)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", 0x123456789a,
     "000102030405060708090a0b0c0d0e0f10", "6c1625db4671522d3d7599601de7ca09ed"},
    {"vector 16 (AES-128, 18 bytes, ciphertext stealing)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", 0x123456789a,
     "000102030405060708090a0b0c0d0e0f1011", "d069444b7a7e0cab09e24447d24deb1fedbf"},
    {"vector 17 (AES-128, 19 bytes, ciphertext stealing)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", 0x123456789a,
     "000102030405060708090a0b0c0d0e0f101112", "e5df1351c0544ba1350b3363cd8ef4beedbf9d"},
    {"vector 18 (AES-128, 20 bytes, ciphertext stealing)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", 0x123456789a,
     "000102030405060708090a0b0c0d0e0f10111213", "9d84c813f719aa2c7be3f66171c7c5c2edbf9dac"},
};

#define KAT_MAX 512u
#define KAT_COUNT (sizeof kats / sizeof kats[0])

static size_t unhex(uint8_t *out, size_t cap, const char *hex)
{
    size_t n = 0;
    while (hex[0] && hex[1] && n < cap) {
        unsigned v = 0;
        int i;
        for (i = 0; i < 2; i++) {
            char c = hex[i];
            v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        out[n++] = (uint8_t)v;
        hex += 2;
    }
    return n;
}

static void pattern_512(uint8_t *p)
{
    size_t i;
    for (i = 0; i < 512; i++)
        p[i] = (uint8_t)i;
}

struct kat_data {
    uint8_t key[VXTS_KEY_BYTES_256];
    uint8_t pt[KAT_MAX];
    uint8_t ct[KAT_MAX];
    size_t key_len, len;
};

static void load_kat(const struct kat *v, struct kat_data *d)
{
    d->key_len = unhex(d->key, sizeof d->key, v->key);
    d->len = unhex(d->ct, sizeof d->ct, v->ct);
    if (v->pt != NULL)
        (void)unhex(d->pt, sizeof d->pt, v->pt);
    else
        pattern_512(d->pt);
}

/* One known answer through vxts_encrypt/vxts_decrypt, out of place and in place. */
static int check_kat(const char *backend, const struct kat *v, char *why, size_t why_size)
{
    struct kat_data d;
    uint8_t tweak[16], buf[KAT_MAX];
    vxts_ctx ctx;
    int ok = 0;

    load_kat(v, &d);
    vxts_sector_tweak(tweak, v->unit);
    if (vxts_init_backend(&ctx, d.key, d.key_len, backend) != VXTS_OK ||
        strcmp(vxts_backend_name(&ctx), backend) != 0)
        snprintf(why, why_size, "%s: key setup", v->name);
    else if (vxts_encrypt(&ctx, buf, d.pt, d.len, tweak) != VXTS_OK || memcmp(buf, d.ct, d.len) != 0)
        snprintf(why, why_size, "%s: encrypt", v->name);
    else if (vxts_decrypt(&ctx, buf, buf, d.len, tweak) != VXTS_OK || memcmp(buf, d.pt, d.len) != 0)
        snprintf(why, why_size, "%s: decrypt in place", v->name);
    else if (vxts_decrypt(&ctx, buf, d.ct, d.len, tweak) != VXTS_OK || memcmp(buf, d.pt, d.len) != 0)
        snprintf(why, why_size, "%s: decrypt", v->name);
    else
        ok = 1;
    vxts_wipe(&ctx);
    return ok;
}

/*
 * Sectors: the 512-byte known answers as one sector among neighbours in a
 * vxts_encrypt_sectors call, neighbours equal to single-unit calls; then the
 * CLI's strided IVs (4096-byte sectors, 512-byte IV units) against
 * single-unit calls with the tweaks dm-crypt would use.
 */
static int check_sectors(const char *backend, const struct kat *v, char *why, size_t why_size)
{
    enum { N = 3, BIG = 4096 };
    static uint8_t buf[N * BIG], want[N * BIG];
    struct kat_data d;
    uint8_t tweak[16];
    vxts_ctx ctx;
    size_t at = v->unit == 0 ? 0 : 1; /* the known answer's sector; IVs stay >= 0 */
    uint64_t first = v->unit - at;
    size_t s;
    int ok = 0;

    load_kat(v, &d);
    if (vxts_init_backend(&ctx, d.key, d.key_len, backend) != VXTS_OK) {
        snprintf(why, why_size, "%s sectors: key setup", v->name);
        return 0;
    }
    /* The known answer in sector `at` (IV = unit), its neighbours checked against single-unit calls. */
    for (s = 0; s < N; s++)
        memcpy(buf + s * 512, d.pt, 512);
    for (s = 0; s < N; s++) {
        vxts_sector_tweak(tweak, first + s);
        if (vxts_encrypt(&ctx, want + s * 512, d.pt, 512, tweak) != VXTS_OK)
            goto fail;
    }
    if (memcmp(want + at * 512, d.ct, 512) != 0 || vxts_encrypt_sectors(&ctx, buf, buf, N * 512, 512, first) != VXTS_OK ||
        memcmp(buf, want, N * 512) != 0)
        goto fail;
    if (vxts_decrypt_sectors(&ctx, buf, buf, N * 512, 512, first) != VXTS_OK)
        goto fail;
    for (s = 0; s < N; s++)
        if (memcmp(buf + s * 512, d.pt, 512) != 0)
            goto fail;

    /* 4096-byte sectors with IVs first, first + 8, first + 16 (cryptsetup plain without --iv-large-sectors). */
    for (s = 0; s < sizeof buf; s++)
        buf[s] = (uint8_t)(s * 7 + 3);
    for (s = 0; s < N; s++) {
        vxts_sector_tweak(tweak, first + 8 * s);
        if (vxts_encrypt(&ctx, want + s * BIG, buf + s * BIG, BIG, tweak) != VXTS_OK)
            goto fail;
    }
    if (cli_transform(&ctx, 1, buf, buf, sizeof buf, BIG, first, 8) != VXTS_OK || memcmp(buf, want, sizeof buf) != 0 ||
        cli_transform(&ctx, 0, buf, buf, sizeof buf, BIG, first, 8) != VXTS_OK)
        goto fail;
    for (s = 0; s < sizeof buf; s++)
        if (buf[s] != (uint8_t)(s * 7 + 3))
            goto fail;
    ok = 1;
fail:
    if (!ok)
        snprintf(why, why_size, "%s: sectors", v->name);
    vxts_wipe(&ctx);
    return ok;
}

int cmd_selftest(int argc, char **argv)
{
    size_t i, j, ran = 0;
    const char *b, *def;
    int failed = 0;

    if (argc > 1) {
        if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
            fputs("Usage: vxts selftest\n\nRuns the IEEE 1619 known-answer tests on every usable backend.\n", stdout);
            return CLI_EXIT_OK;
        }
        cli_error("selftest takes no arguments, got '%s'", argv[1]);
        return CLI_EXIT_USAGE;
    }
    def = cli_default_backend();
    printf("vxts selftest: %zu IEEE 1619 known answers + 2 sector checks per backend\n", KAT_COUNT);
    for (i = 0; (b = vxts_backend_id(i)) != NULL; i++) {
        char why[160] = "";
        int ok = 1;
        if (vxts_backend_usable(b) != VXTS_OK) {
            printf("  %-10s n/a (compiled in, not usable on this CPU)\n", b);
            continue;
        }
        ran++;
        for (j = 0; j < KAT_COUNT && ok; j++)
            ok = check_kat(b, &kats[j], why, sizeof why);
        for (j = 0; j < KAT_COUNT && ok; j++)
            if (kats[j].pt == NULL)
                ok = check_sectors(b, &kats[j], why, sizeof why);
        printf("  %-10s %s%s%s\n", b, ok ? "ok" : "FAILED: ", ok ? "" : why,
               def != NULL && strcmp(def, b) == 0 ? " (default)" : "");
        failed |= !ok;
    }
    if (ran == 0) {
        printf("  no usable backend\n");
        failed = 1;
    }
    printf("selftest %s\n", failed ? "FAILED" : "passed");
    return failed ? CLI_EXIT_FAIL : CLI_EXIT_OK;
}

