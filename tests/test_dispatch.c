/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Dispatch: the backend list (the same ids in the same order on every
 * target), vxts_init's choice (the first usable backend in that order),
 * usability = the CPU checks (cpu_x86.h against /proc/cpuinfo, cpu_arm.h)
 * minus VXTS_DISABLE, forcing unusable or unknown backends, VXTS_DISABLE in
 * child processes (x86), and one context used by two threads at once.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oracle.h"
#include "testlib.h"

#include "cpu_arm.h"
#include "cpu_x86.h"

#if defined(__x86_64__)
#define X86 1
#else
#define X86 0
#endif

/* The documented preference order (vxts.h): every library lists exactly these. */
static const char *const preference_order[] = {"vaes512", "vaes256", "aesni", "armce", "ct64"};
#define ORDER_COUNT (sizeof preference_order / sizeof preference_order[0])

static int slot_lib;

static size_t compiled_count(void)
{
    size_t n = 0;
    while (vxts_backend_id(n) != NULL && n < 64)
        n++;
    return n;
}

/* The first usable backend in the library's order: what vxts_init must pick. */
static const char *expected_default(void)
{
    size_t i;
    for (i = 0; vxts_backend_id(i) != NULL; i++)
        if (vxts_backend_usable(vxts_backend_id(i)) == VXTS_OK)
            return vxts_backend_id(i);
    return NULL;
}

/* vxts_init's choice, and that it computes ref's result. */
static void check_default_choice(void)
{
    const char *want = expected_default();
    uint8_t key[64], tweak[16], pt[100], ct[100], out[100];
    vxts_ctx ctx;
    int status;
    size_t key_len;
    for (key_len = 32; key_len <= 64; key_len += 32) {
        test_rand_key(key, key_len);
        test_rand_bytes(tweak, 16);
        test_rand_bytes(pt, sizeof pt);
        status = vxts_init(&ctx, key, key_len);
        test_check(slot_lib, status == VXTS_OK && vxts_backend_name(&ctx) != NULL && want != NULL &&
                                 strcmp(vxts_backend_name(&ctx), want) == 0,
                   "vxts_init (%zu-byte key) chose %s, expected the first usable backend %s (%s)", key_len,
                   status == VXTS_OK ? vxts_backend_name(&ctx) : "nothing", want ? want : "none",
                   test_status_name(status));
        ref_xts_encrypt(key, key_len, tweak, pt, ct, sizeof pt);
        status = vxts_encrypt(&ctx, out, pt, sizeof pt, tweak);
        test_check(slot_lib, status == VXTS_OK && memcmp(out, ct, sizeof pt) == 0,
                   "the backend vxts_init chose does not match ref");
    }
    printf("vxts_init chooses: %s (library order:", want ? want : "none");
    for (key_len = 0; vxts_backend_id(key_len) != NULL; key_len++)
        printf(" %s%s", vxts_backend_id(key_len), vxts_backend_usable(vxts_backend_id(key_len)) == VXTS_OK ? "" : "(n/a)");
    printf(")\n");
}

/* What the CPU checks of the library say, before VXTS_DISABLE. */
static int hardware_runs(const char *id)
{
    if (strcmp(id, "ct64") == 0)
        return 1;
    if (strcmp(id, "armce") == 0)
        return vxts_cpu_arm_aes();
    if (strcmp(id, "aesni") == 0)
        return vxts_cpu_x86_aesni();
    if (strcmp(id, "vaes256") == 0)
        return vxts_cpu_x86_vaes256();
    if (strcmp(id, "vaes512") == 0)
        return vxts_cpu_x86_vaes512();
    return -1;
}

/* 1 if VXTS_DISABLE takes id away (ct64, the fallback, cannot be disabled). */
static int disabled_by_env(const char *id)
{
    return strcmp(id, "ct64") != 0 && test_id_in_list(getenv("VXTS_DISABLE"), id);
}

static void check_backend_list(void)
{
    size_t n = compiled_count(), i;
    uint8_t key[32];
    vxts_ctx ctx;
    const char *id;

    test_check(slot_lib, n == ORDER_COUNT, "vxts_backend_id lists %zu backends, expected %zu", n, ORDER_COUNT);
    for (i = 0; i < ORDER_COUNT && i < n; i++)
        test_check(slot_lib, strcmp(vxts_backend_id(i), preference_order[i]) == 0,
                   "vxts_backend_id(%zu) = %s, expected %s", i, vxts_backend_id(i), preference_order[i]);
    test_check(slot_lib, vxts_backend_usable("ct64") == VXTS_OK, "ct64 is not usable");
    test_check(slot_lib, vxts_backend_id(n) == NULL && vxts_backend_id(n + 1) == NULL && vxts_backend_id((size_t)-1) == NULL,
               "vxts_backend_id past the end is not NULL");
    /* Usable = what the CPU checks say, minus VXTS_DISABLE. */
    for (i = 0; (id = vxts_backend_id(i)) != NULL; i++) {
        int want = hardware_runs(id) == 1 && !disabled_by_env(id);
        test_check(slot_lib, (vxts_backend_usable(id) == VXTS_OK) == want,
                   "vxts_backend_usable(%s) = %s; the CPU check says %d, VXTS_DISABLE %s it", id,
                   test_status_name(vxts_backend_usable(id)), hardware_runs(id),
                   disabled_by_env(id) ? "names" : "does not name");
    }
    /* The other architecture's backends are listed, never usable. */
    test_check(slot_lib, vxts_backend_usable(X86 ? "armce" : "aesni") == VXTS_ERR_BACKEND_UNAVAILABLE &&
                             hardware_runs(X86 ? "armce" : "aesni") == 0,
               "a backend of the other architecture is usable");
    /* Forcing: usable -> OK with that name; unusable or unknown -> unavailable and wiped. */
    test_rand_key(key, 32);
    for (i = 0; i <= n; i++) {
        const char *force = i < n ? vxts_backend_id(i) : "aes";
        int status = vxts_init_backend(&ctx, key, 32, force);
        if (vxts_backend_usable(force) == VXTS_OK) {
            test_check(slot_lib, status == VXTS_OK && vxts_backend_name(&ctx) != NULL &&
                                     strcmp(vxts_backend_name(&ctx), force) == 0,
                       "forcing usable backend %s: %s, name %s", force, test_status_name(status),
                       vxts_backend_name(&ctx) ? vxts_backend_name(&ctx) : "NULL");
        } else {
            test_check(slot_lib, status == VXTS_ERR_BACKEND_UNAVAILABLE && vxts_backend_name(&ctx) == NULL,
                       "forcing %s backend %s: got %s", i < n ? "unusable" : "unknown", force,
                       test_status_name(status));
        }
    }
}

#if X86
/* All flags present on the first "flags" line of /proc/cpuinfo; -1 if unreadable. */
static int cpuinfo_has(const char *const *flags, size_t n)
{
    static char line[8192];
    FILE *f = fopen("/proc/cpuinfo", "r");
    size_t i;
    int found = -1;
    if (f == NULL)
        return -1;
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "flags", 5) != 0)
            continue;
        found = 1;
        for (i = 0; i < n; i++) {
            char word[64];
            snprintf(word, sizeof word, " %s", flags[i]);
            {
                const char *p = line;
                int hit = 0;
                size_t wl = strlen(word);
                while ((p = strstr(p, word)) != NULL) {
                    if (p[wl] == ' ' || p[wl] == '\n' || p[wl] == '\0') {
                        hit = 1;
                        break;
                    }
                    p += wl;
                }
                found &= hit;
            }
        }
        break;
    }
    fclose(f);
    return found;
}

/* The CPU checks of cpu_x86.h (hardware only, VXTS_DISABLE is not theirs) equal /proc/cpuinfo. */
static void check_cpu_features(void)
{
    static const char *const aesni_flags[] = {"aes", "pclmulqdq", "ssse3", "sse4_1"};
    static const char *const vaes256_flags[] = {"aes", "pclmulqdq", "ssse3", "sse4_1", "avx", "avx2", "vaes", "vpclmulqdq"};
    static const char *const vaes512_flags[] = {"aes", "pclmulqdq", "ssse3", "sse4_1", "avx", "avx2", "vaes",
                                                "vpclmulqdq", "avx512f", "avx512vl", "avx512bw", "avx512dq"};
    struct {
        const char *id;
        const char *const *flags;
        size_t n_flags;
    } rows[3] = {{"aesni", aesni_flags, 4}, {"vaes256", vaes256_flags, 8}, {"vaes512", vaes512_flags, 12}};
    size_t i;
    for (i = 0; i < 3; i++) {
        int cpu = hardware_runs(rows[i].id), info = cpuinfo_has(rows[i].flags, rows[i].n_flags);
        if (info < 0)
            test_skip(slot_lib, 1, "/proc/cpuinfo not readable: cpu_x86 not cross-checked for %s", rows[i].id);
        else
            test_check(slot_lib, cpu == info, "vxts_cpu_x86_%s() = %d, /proc/cpuinfo flags say %d", rows[i].id, cpu,
                       info);
        printf("%s: cpu_x86 %d, /proc/cpuinfo %d%s, usable %d\n", rows[i].id, cpu, info,
               disabled_by_env(rows[i].id) ? " (disabled by VXTS_DISABLE)" : "",
               vxts_backend_usable(rows[i].id) == VXTS_OK);
    }
}

/* In a child started with VXTS_DISABLE set: the listed backends are gone, the choice moves on. */
static int disable_child(void)
{
    uint8_t key[32];
    vxts_ctx ctx;
    const char *id;
    size_t i;
    test_rand_key(key, 32);
    for (i = 0; (id = vxts_backend_id(i)) != NULL; i++) {
        int status = vxts_init_backend(&ctx, key, 32, id);
        if (disabled_by_env(id))
            test_check(slot_lib, status == VXTS_ERR_BACKEND_UNAVAILABLE && vxts_backend_usable(id) != VXTS_OK,
                       "%s is disabled but init gave %s", id, test_status_name(status));
    }
    check_cpu_features();
    check_backend_list();
    check_default_choice();
    return test_end();
}

/* Runs this program again with VXTS_DISABLE=list; its output is indented. */
static void run_disable_child(const char *self, const char *list)
{
    int fds[2], wstatus;
    pid_t pid;
    char line[1024];
    FILE *from_child;
    fflush(stdout);
    if (pipe(fds) != 0 || (pid = fork()) < 0) {
        perror("pipe/fork");
        exit(2);
    }
    if (pid == 0) {
        char *args[3];
        char seed[32];
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        setenv("VXTS_DISABLE", list, 1);
        snprintf(seed, sizeof seed, "0x%llx", (unsigned long long)test_seed());
        args[0] = (char *)self;
        args[1] = (char *)"--disable-child";
        args[2] = NULL;
        setenv("VXTS_TEST_SEED", seed, 1);
        execv("/proc/self/exe", args);
        execv(self, args);
        _exit(127);
    }
    close(fds[1]);
    from_child = fdopen(fds[0], "r");
    while (from_child != NULL && fgets(line, sizeof line, from_child) != NULL)
        printf("    | %s", line);
    if (from_child != NULL)
        fclose(from_child);
    waitpid(pid, &wstatus, 0);
    test_check(slot_lib, WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0,
               "child with VXTS_DISABLE=%s failed (status 0x%x)", list, wstatus);
}
#endif

/* ---- one context, two threads ------------------------------------------------------------ */

#define THREAD_MESSAGES 32
#define THREAD_ROUNDS 24

typedef struct shared_work {
    const vxts_ctx *ctx;
    uint8_t *pt[THREAD_MESSAGES], *ct[THREAD_MESSAGES], tweak[THREAD_MESSAGES][16];
    size_t len[THREAD_MESSAGES];
    pthread_barrier_t start;
} shared_work;

typedef struct thread_result {
    shared_work *work;
    int index;
    long passed, failed;
    char first_failure[160];
} thread_result;

static void *thread_main(void *arg)
{
    thread_result *r = arg;
    shared_work *w = r->work;
    uint8_t *buf = malloc(4096 + 64);
    int round, m;
    pthread_barrier_wait(&w->start);
    for (round = 0; round < THREAD_ROUNDS && buf != NULL; round++)
        for (m = 0; m < THREAD_MESSAGES; m++) {
            /* Thread 0 walks forwards, thread 1 backwards: different messages at the same time. */
            int msg = r->index == 0 ? m : THREAD_MESSAGES - 1 - m;
            uint8_t *out = buf + (size_t)(round + m) % 64;
            int enc_ok = vxts_encrypt(w->ctx, out, w->pt[msg], w->len[msg], w->tweak[msg]) == VXTS_OK &&
                         memcmp(out, w->ct[msg], w->len[msg]) == 0;
            int dec_ok = vxts_decrypt(w->ctx, out, out, w->len[msg], w->tweak[msg]) == VXTS_OK &&
                         memcmp(out, w->pt[msg], w->len[msg]) == 0;
            r->passed += enc_ok + dec_ok;
            r->failed += !enc_ok + !dec_ok;
            if ((!enc_ok || !dec_ok) && r->first_failure[0] == '\0')
                snprintf(r->first_failure, sizeof r->first_failure, "thread %d, round %d, message %d (len %zu): %s wrong",
                         r->index, round, msg, w->len[msg], enc_ok ? "decrypt" : "encrypt");
        }
    if (buf == NULL)
        r->failed++;
    free(buf);
    return NULL;
}

static void check_threads(shared_work *w, const uint8_t *key, const test_backend *b)
{
    vxts_ctx ctx;
    pthread_t threads[2];
    thread_result results[2];
    int i;
    if (!test_check(b->slot, vxts_init_backend(&ctx, key, 64, b->id) == VXTS_OK, "init for the thread test"))
        return;
    w->ctx = &ctx;
    pthread_barrier_init(&w->start, NULL, 2);
    for (i = 0; i < 2; i++) {
        memset(&results[i], 0, sizeof results[i]);
        results[i].work = w;
        results[i].index = i;
        if (pthread_create(&threads[i], NULL, thread_main, &results[i]) != 0) {
            test_check(b->slot, 0, "pthread_create failed");
            exit(2);
        }
    }
    for (i = 0; i < 2; i++) {
        pthread_join(threads[i], NULL);
        test_add_counts(b->slot, results[i].passed, results[i].failed);
        if (results[i].failed)
            test_check(b->slot, 0, "two threads on one context: %s (%ld failures in this thread)",
                       results[i].first_failure, results[i].failed);
    }
    pthread_barrier_destroy(&w->start);
    vxts_wipe(&ctx);
}

int main(int argc, char **argv)
{
    shared_work work;
    uint8_t key[64];
    size_t i;

    test_begin(argc, argv, argc > 1 && strcmp(argv[1], "--disable-child") == 0 ? "dispatch (VXTS_DISABLE child)"
                                                                                 : "dispatch and threads");
    slot_lib = test_slot("library");
#if X86
    if (argc > 1 && strcmp(argv[1], "--disable-child") == 0) {
        printf("VXTS_DISABLE=%s\n", getenv("VXTS_DISABLE") ? getenv("VXTS_DISABLE") : "");
        return disable_child();
    }
#endif
    check_backend_list();
    check_default_choice();
#if X86
    check_cpu_features();
    {
        /* Separators: commas and/or spaces; ct64 cannot be disabled; other words are ignored. */
        static const char *const scenarios[] = {"vaes512", "vaes256", "aesni", "vaes512,vaes256",
                                                "vaes512,vaes256,aesni", "vaes256,aesni", " vaes512 ,, aesni",
                                                "ct64,vaes512,vaes256,aesni,armce", "vaes5,vaes2560,aes"};
        for (i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
            printf("child with VXTS_DISABLE=%s:\n", scenarios[i]);
            run_disable_child(argv[0], scenarios[i]);
        }
    }
#else
    test_skip(slot_lib, 1, "not x86: no /proc/cpuinfo cross-check, no VXTS_DISABLE children (test_arm_cpu covers it)");
#endif

    /* Two threads on one context; ref gives the expected results once for all backends. */
    test_rand_key(key, 64);
    for (i = 0; i < THREAD_MESSAGES; i++) {
        work.len[i] = 16 + test_rand_below(4096 - 16 + 1);
        work.pt[i] = test_alloc(work.len[i]);
        work.ct[i] = test_alloc(work.len[i]);
        test_rand_bytes(work.pt[i], work.len[i]);
        test_rand_bytes(work.tweak[i], 16);
        ref_xts_encrypt(key, 64, work.tweak[i], work.pt[i], work.ct[i], work.len[i]);
    }
    for (i = 0; i < test_backend_count(); i++)
        if (test_backend_at(i)->usable)
            check_threads(&work, key, test_backend_at(i));
    printf("threads: 2 threads x %d rounds x %d messages (16..4096 bytes) x encrypt+decrypt on one context per backend\n",
           THREAD_ROUNDS, THREAD_MESSAGES);
    for (i = 0; i < THREAD_MESSAGES; i++) {
        free(work.pt[i]);
        free(work.ct[i]);
    }
    return test_end();
}
