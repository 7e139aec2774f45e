/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * make check-model: every modelled intrinsic (proofs/model/vxts_intrin.h)
 * against the real instruction, on random inputs, bit for bit. Compiled
 * without ISA flags; a check whose extension the CPU (or OS) lacks is
 * reported n/a, never passed.
 *   VXTS_TEST_SEED=0x...      replay (the seed is printed)
 *   VXTS_MODEL_TRIALS=N       trials per intrinsic (default 100000)
 * Ends with "N passed, N failed"; exit status 1 if any failed.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static unsigned cpu_features(void)
{
    unsigned f = 0;
    __builtin_cpu_init();
    if (__builtin_cpu_supports("aes")) f |= NEED_AES;
    if (__builtin_cpu_supports("pclmul")) f |= NEED_PCLMUL;
    if (__builtin_cpu_supports("avx2")) f |= NEED_AVX2;
    if (__builtin_cpu_supports("vaes")) f |= NEED_VAES;
    if (__builtin_cpu_supports("vpclmulqdq")) f |= NEED_VPCLMUL;
    if (__builtin_cpu_supports("avx512f")) f |= NEED_AVX512F;
    if (__builtin_cpu_supports("avx512bw")) f |= NEED_AVX512BW;
    return f;
}

static void hex(const char *label, const uint8_t *p, int n)
{
    printf("      %-6s", label);
    for (int i = 0; i < n; i++)
        printf("%02x%s", p[i], i % 16 == 15 && i + 1 < n ? " " : "");
    printf("\n");
}

/* Runs one check; returns the number of differing trials. */
static long run_check(const struct model_check *c, uint64_t seed, long trials, uint8_t *edge)
{
    static struct trial t;
    _Alignas(64) static uint8_t out_model[256], out_cpu[256];
    long bad = 0;
    for (long i = 0; i < trials; i++) {
        for (int k = 0; k < 256; k += 8) {
            uint64_t r = splitmix(&seed);
            memcpy(t.in + k, &r, 8);
        }
        uint64_t r = splitmix(&seed);
        t.imm = (int)(r & 255);
        t.mask = (unsigned)(r >> 8);
        t.edge_page = edge;
        if (c->prepare)
            c->prepare(&t);
        c->model(&t, out_model);
        c->cpu(&t, out_cpu);
        if (memcmp(out_model, out_cpu, (size_t)c->out_bytes) != 0 && bad++ == 0) {
            printf("    first difference, trial %ld: imm=%d mask=0x%x\n", i, t.imm, t.mask);
            hex("a", t.in, 64);
            hex("b", t.in + 64, 64);
            hex("c", t.in + 128, 64);
            hex("model", out_model, c->out_bytes);
            hex("cpu", out_cpu, c->out_bytes);
        }
    }
    return bad;
}

int main(void)
{
    const char *s = getenv("VXTS_TEST_SEED"), *n = getenv("VXTS_MODEL_TRIALS");
    uint64_t seed = s ? strtoull(s, NULL, 0) : (uint64_t)time(NULL) * 0x9e3779b97f4a7c15u ^ (uint64_t)getpid();
    long trials = n ? strtol(n, NULL, 0) : 100000;
    unsigned have = cpu_features();
    const struct { const struct model_check *list; int count; } groups[] = {
        { checks_sse, n_checks_sse }, { checks_avx2, n_checks_avx2 }, { checks_avx512, n_checks_avx512 },
    };
    int passed = 0, failed = 0, na = 0, index = 0;

    /* A writable page followed by an inaccessible one (masked load/store). */
    uint8_t *pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED || mprotect(pages + 4096, 4096, PROT_NONE) != 0) {
        perror("mmap");
        return 2;
    }
    printf("check-model: seed 0x%016" PRIx64 " (VXTS_TEST_SEED replays), %ld random trials per intrinsic\n",
           seed, trials);
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
        for (int i = 0; i < groups[g].count; i++, index++) {
            const struct model_check *c = &groups[g].list[i];
            if ((c->need & have) != c->need) {
                printf("  n/a   %-28s (the CPU lacks its extension)\n", c->name);
                na++;
                continue;
            }
            long bad = run_check(c, seed + 0x1000003u * (uint64_t)index, trials, pages);
            if (bad) {
                printf("  FAIL  %-28s %ld of %ld trials differ\n", c->name, bad, trials);
                failed++;
            } else {
                printf("  pass  %-28s %ld random checks\n", c->name, trials);
                passed++;
            }
        }
    munmap(pages, 8192);
    printf("%d n/a\n%d passed, %d failed\n", na, passed, failed);
    return failed ? 1 : 0;
}
