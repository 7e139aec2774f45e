/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * AArch64 only: how the armce backend meets the CPU it runs on.
 *
 *  - detection: armce is usable (and vxts_init picks it) exactly when the
 *    CPU has AES (HWCAP_AES) and VXTS_DISABLE does not name armce;
 *    otherwise vxts_init falls back to ct64 and vxts_init_backend("armce")
 *    refuses with VXTS_ERR_BACKEND_UNAVAILABLE. The default context gives
 *    the IEEE 1619 answers and the same bytes as ct64. The library's own
 *    checks (cpu_arm.h) agree with what this program reads itself.
 *  - PSTATE.DIT: where the CPU has FEAT_DIT, every entry point of armce runs
 *    with DIT set (seen from a hook the backend calls inside each entry
 *    point; this program links its own copy of backend_armce.c built with
 *    -DVXTS_ARMCE_TEST_HOOK=vxts_test_armce_hook) and leaves DIT as it found
 *    it (0 or 1). On CPUs without DIT the backend must not touch it (a
 *    stray MSR/MRS would be an illegal instruction there).
 *
 * Arguments: --expect=armce|ct64 (default: from HWCAP_AES and
 * VXTS_DISABLE), --cpu=NAME (printed only).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "testlib.h"

#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#endif

#include "cpu_arm.h" /* the HWCAP_ bits, and the library's checks to compare with */

#define DIT_BIT ((uint64_t)1 << 24)

static int slot_detect, slot_dit;

/* ---- the hook the test build of backend_armce.c calls --------------------------- */

void vxts_test_armce_hook(void);

static volatile int hook_armed, hook_calls, hook_calls_with_dit;

static uint64_t dit_read(void)
{
    uint64_t v = 0;
#if defined(__aarch64__)
    __asm__ volatile("mrs %0, s3_3_c4_c2_5" : "=r"(v) : : "memory");
#endif
    return v;
}

static void dit_write(uint64_t v)
{
#if defined(__aarch64__)
    __asm__ volatile("msr s3_3_c4_c2_5, %0" : : "r"(v) : "memory");
#else
    (void)v;
#endif
}

/* Called inside every armce entry point; reads DIT only when the test armed it (CPU has DIT). */
void vxts_test_armce_hook(void)
{
    if (!hook_armed)
        return;
    hook_calls++;
    if (dit_read() & DIT_BIT)
        hook_calls_with_dit++;
}

/* ---- CPU features, as the kernel (or qemu-user) reports them --------------------- */

static unsigned long hwcap(void)
{
#if defined(__linux__)
    return getauxval(AT_HWCAP);
#else
    return 0;
#endif
}

static int cpu_has_dit(void)
{
    unsigned long hw = hwcap();
    if (hw & HWCAP_DIT)
        return 1;
#if defined(__aarch64__)
    if (hw & HWCAP_CPUID) {
        uint64_t pfr0;
        __asm__ volatile("mrs %0, s3_0_c0_c4_0" : "=r"(pfr0)); /* ID_AA64PFR0_EL1 */
        return ((pfr0 >> 48) & 0xf) != 0;
    }
#endif
    return 0;
}

/* ---- detection and fallback ------------------------------------------------------ */

/* IEEE 1619-2007 Annex B, vector 2: Key1 = 11.., Key2 = 22.., i = 0x3333333333, P = 44.. (32 bytes). */
static void check_ieee_vector(const vxts_ctx *ctx, const char *what)
{
    static const uint8_t want[32] = {0xc4, 0x54, 0x18, 0x5e, 0x6a, 0x16, 0x93, 0x6e, 0x39, 0x33, 0x40,
                                     0x38, 0xac, 0xef, 0x83, 0x8b, 0xfb, 0x18, 0x6f, 0xff, 0x74, 0x80,
                                     0xad, 0xc4, 0x28, 0x93, 0x82, 0xec, 0xd6, 0xd3, 0x94, 0xf0};
    uint8_t tweak[16] = {0x33, 0x33, 0x33, 0x33, 0x33}, pt[32], ct[32], back[32];
    memset(pt, 0x44, sizeof pt);
    test_check(slot_detect, vxts_encrypt(ctx, ct, pt, 32, tweak) == VXTS_OK && memcmp(ct, want, 32) == 0,
               "%s: IEEE 1619 vector 2 ciphertext %s", what, test_hex(ct, 32));
    test_check(slot_detect, vxts_decrypt(ctx, back, ct, 32, tweak) == VXTS_OK && memcmp(back, pt, 32) == 0,
               "%s: IEEE 1619 vector 2 decrypts back", what);
}

static void check_detection(const char *expect)
{
    static const uint8_t vec2_key[32] = {0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
                                         0x11, 0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
                                         0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22};
    int want_armce = strcmp(expect, "armce") == 0;
    int compiled = 0, status, i;
    size_t k;
    const char *id;
    vxts_ctx def, ct64, armce;
    uint8_t key[64];

    for (k = 0; (id = vxts_backend_id(k)) != NULL; k++)
        compiled |= strcmp(id, "armce") == 0;
    test_check(slot_detect, compiled, "armce is not compiled into this AArch64 library");
    test_check(slot_detect, (vxts_backend_usable("armce") == VXTS_OK) == want_armce,
               "vxts_backend_usable(\"armce\") = %s, expected %s", test_status_name(vxts_backend_usable("armce")),
               want_armce ? "VXTS_OK" : "VXTS_ERR_BACKEND_UNAVAILABLE");
    test_check(slot_detect, vxts_backend_usable("ct64") == VXTS_OK, "ct64 must always be usable");
    test_check(slot_detect, vxts_cpu_arm_aes() == ((hwcap() & HWCAP_AES) != 0) && vxts_cpu_arm_dit() == cpu_has_dit(),
               "cpu_arm.h says AES %d, DIT %d; this program reads AES %d, DIT %d", vxts_cpu_arm_aes(),
               vxts_cpu_arm_dit(), (hwcap() & HWCAP_AES) != 0, cpu_has_dit());

    test_check(slot_detect, vxts_init(&def, vec2_key, 32) == VXTS_OK, "vxts_init");
    test_check(slot_detect, vxts_backend_name(&def) != NULL && strcmp(vxts_backend_name(&def), expect) == 0,
               "vxts_init picked %s, expected %s", vxts_backend_name(&def) ? vxts_backend_name(&def) : "(none)",
               expect);
    check_ieee_vector(&def, "default backend");

    status = vxts_init_backend(&armce, vec2_key, 32, "armce");
    if (want_armce) {
        test_check(slot_detect, status == VXTS_OK, "vxts_init_backend(armce): %s", test_status_name(status));
        if (status == VXTS_OK)
            check_ieee_vector(&armce, "armce");
    } else {
        test_check(slot_detect, status == VXTS_ERR_BACKEND_UNAVAILABLE && vxts_backend_name(&armce) == NULL,
                   "vxts_init_backend(armce) without AES: %s, expected VXTS_ERR_BACKEND_UNAVAILABLE and a wiped "
                   "context",
                   test_status_name(status));
    }

    /* The default backend and ct64 agree on random data, both key sizes, with and without stealing. */
    for (i = 0; i < 16; i++) {
        static uint8_t pt[70000], a[70000], b[70000];
        uint8_t tweak[16];
        size_t key_len = i % 2 ? 64 : 32, len = 16 + test_rand_below(sizeof pt - 15);
        test_rand_key(key, key_len);
        test_rand_bytes(tweak, 16);
        test_rand_bytes(pt, len);
        if (!test_check(slot_detect,
                        vxts_init(&def, key, key_len) == VXTS_OK &&
                            vxts_init_backend(&ct64, key, key_len, "ct64") == VXTS_OK,
                        "init"))
            continue;
        test_check(slot_detect,
                   vxts_encrypt(&def, a, pt, len, tweak) == VXTS_OK && vxts_encrypt(&ct64, b, pt, len, tweak) == VXTS_OK &&
                       memcmp(a, b, len) == 0,
                   "default (%s) and ct64 differ: len %zu, %zu-byte key", vxts_backend_name(&def), len, key_len);
        test_check(slot_detect, vxts_decrypt(&def, a, a, len, tweak) == VXTS_OK && memcmp(a, pt, len) == 0,
                   "default (%s) in-place round trip: len %zu", vxts_backend_name(&def), len);
    }
    vxts_wipe(&def);
    vxts_wipe(&ct64);
    vxts_wipe(&armce);
}

/* ---- PSTATE.DIT ------------------------------------------------------------------------ */

enum { OP_INIT, OP_ENC, OP_DEC, OP_ENC_CTS, OP_DEC_CTS, OP_ENC_SECTORS, OP_DEC_SECTORS, OP_COUNT };
static const char *const op_names[OP_COUNT] = {"vxts_init_backend", "vxts_encrypt", "vxts_decrypt",
                                               "vxts_encrypt (stealing)", "vxts_decrypt (stealing)",
                                               "vxts_encrypt_sectors", "vxts_decrypt_sectors"};

static int run_op(int op, vxts_ctx *ctx, const uint8_t *key, size_t key_len, uint8_t *buf)
{
    uint8_t tweak[16] = {7};
    switch (op) {
    case OP_INIT: return vxts_init_backend(ctx, key, key_len, "armce");
    case OP_ENC: return vxts_encrypt(ctx, buf, buf, 4096, tweak);
    case OP_DEC: return vxts_decrypt(ctx, buf, buf, 4096, tweak);
    case OP_ENC_CTS: return vxts_encrypt(ctx, buf, buf, 1001, tweak);
    case OP_DEC_CTS: return vxts_decrypt(ctx, buf, buf, 1001, tweak);
    case OP_ENC_SECTORS: return vxts_encrypt_sectors(ctx, buf, buf, 4096, 512, 5);
    default: return vxts_decrypt_sectors(ctx, buf, buf, 4096, 512, 5);
    }
}

static void check_dit(void)
{
    static uint8_t buf[4096];
    uint8_t key[64];
    vxts_ctx ctx;
    int op, before, status;
    size_t key_len;

    if (vxts_backend_usable("armce") != VXTS_OK) {
        test_not_applicable(slot_dit, "armce is not usable here");
        return;
    }
    if (!cpu_has_dit()) {
        /* Every armce entry point ran above (and in the suite) without an illegal instruction. */
        test_not_applicable(slot_dit, "the CPU has no FEAT_DIT");
        return;
    }
    printf("FEAT_DIT present (%s); DIT before the test: %d\n",
           (hwcap() & HWCAP_DIT) ? "HWCAP_DIT" : "ID_AA64PFR0_EL1.DIT", (dit_read() & DIT_BIT) != 0);
    for (key_len = 32; key_len <= 64; key_len += 32) {
        test_rand_key(key, key_len);
        test_rand_bytes(buf, sizeof buf);
        for (op = 0; op < OP_COUNT; op++)
            for (before = 0; before < 2; before++) {
                uint64_t after;
                dit_write(before ? DIT_BIT : 0);
                hook_calls = hook_calls_with_dit = 0;
                hook_armed = 1;
                status = run_op(op, &ctx, key, key_len, buf);
                hook_armed = 0;
                after = dit_read();
                dit_write(0);
                test_check(slot_dit, status == VXTS_OK, "%s: %s", op_names[op], test_status_name(status));
                test_check(slot_dit, hook_calls > 0 && hook_calls_with_dit == hook_calls,
                           "%s (%zu-byte key, DIT %d before): DIT set in %d of %d backend entries", op_names[op],
                           key_len, before, hook_calls_with_dit, hook_calls);
                test_check(slot_dit, ((after & DIT_BIT) != 0) == before,
                           "%s (%zu-byte key): DIT was %d before and %d after the call", op_names[op], key_len,
                           before, (after & DIT_BIT) != 0);
            }
    }
    vxts_wipe(&ctx);
}

int main(int argc, char **argv)
{
    const char *expect = NULL, *cpu = "(not given)";
    int i;

    test_begin(argc, argv, "AArch64 CPU detection, fallback and PSTATE.DIT");
    slot_detect = test_slot("detection");
    slot_dit = test_slot("DIT");
    for (i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--expect=", 9) == 0)
            expect = argv[i] + 9;
        else if (strncmp(argv[i], "--cpu=", 6) == 0)
            cpu = argv[i] + 6;
    }
    if (expect == NULL)
        expect = (hwcap() & HWCAP_AES) && !test_id_in_list(getenv("VXTS_DISABLE"), "armce") ? "armce" : "ct64";
    printf("cpu %s: HWCAP_AES %d, FEAT_DIT %d, VXTS_DISABLE=%s; expecting %s\n", cpu, (hwcap() & HWCAP_AES) != 0,
           cpu_has_dit(), getenv("VXTS_DISABLE") ? getenv("VXTS_DISABLE") : "", expect);
    check_detection(expect);
    check_dit();
    return test_end();
}
