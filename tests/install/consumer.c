/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * A program built against an installed vxts (tests/install/check.sh): encrypts and decrypts
 * IEEE 1619-2018 Annex B vector 2 and checks that the library it runs with has the version it
 * was built for (EXPECT_VERSION, from pkg-config or CMake) and the header's.
 */
#include <stdio.h>
#include <string.h>
#include <vxts.h>

#ifndef EXPECT_VERSION
#error "build with -DEXPECT_VERSION=\"x.y.z\" (the package's version)"
#endif

int main(void)
{
    static const uint8_t expected[32] = {
        0xc4, 0x54, 0x18, 0x5e, 0x6a, 0x16, 0x93, 0x6e, 0x39, 0x33, 0x40, 0x38, 0xac, 0xef, 0x83, 0x8b,
        0xfb, 0x18, 0x6f, 0xff, 0x74, 0x80, 0xad, 0xc4, 0x28, 0x93, 0x82, 0xec, 0xd6, 0xd3, 0x94, 0xf0};
    uint8_t key[32], plain[32], cipher[32], back[32], tweak[16] = {0};
    vxts_ctx ctx;
    int encrypted, decrypted;

    memset(key, 0x11, 16);
    memset(key + 16, 0x22, 16);
    memset(plain, 0x44, sizeof plain);
    memset(tweak, 0x33, 5);
    if (vxts_init(&ctx, key, sizeof key) != VXTS_OK) {
        puts("consumer: vxts_init failed");
        return 1;
    }
    encrypted = vxts_encrypt(&ctx, cipher, plain, sizeof plain, tweak);
    decrypted = vxts_decrypt(&ctx, back, cipher, sizeof cipher, tweak);
    printf("consumer: libvxts %s (header %s, package %s), backend %s\n", vxts_version(),
           VXTS_VERSION_STRING, EXPECT_VERSION, vxts_backend_name(&ctx));
    vxts_wipe(&ctx);
    if (encrypted != VXTS_OK || decrypted != VXTS_OK || memcmp(cipher, expected, sizeof expected) != 0 ||
        memcmp(back, plain, sizeof plain) != 0) {
        puts("consumer: IEEE 1619 vector 2 FAILED");
        return 1;
    }
    if (strcmp(vxts_version(), EXPECT_VERSION) != 0 || strcmp(VXTS_VERSION_STRING, EXPECT_VERSION) != 0) {
        puts("consumer: version mismatch");
        return 1;
    }
    puts("consumer: IEEE 1619 vector 2 ok");
    return 0;
}
