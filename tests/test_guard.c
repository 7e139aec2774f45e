/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Guard pages: for every length 16..8191 and every usable backend, input
 * and output are placed to end exactly at a PROT_NONE page and, separately,
 * to start right after one; in place and out of place; encrypt and decrypt.
 * Results are checked against ref. The tweak and the key also end at a
 * guard page. A read or write of one byte outside a buffer is a SIGSEGV.
 *
 * Each backend runs in a child process, so a crash is reported as a failure
 * with the backend, length and operation instead of ending the run. Before
 * the backends, the harness proves it catches a one-byte over-read and
 * over-write (a deliberately bad call must die with SIGSEGV).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oracle.h"
#include "testlib.h"

#define MIN_LEN 16
#define MAX_LEN 8191
#define OPS 8

/* A read-write area with a PROT_NONE page on each side. */
typedef struct guarded {
    uint8_t *lo; /* first byte after the leading guard page */
    uint8_t *hi; /* first byte of the trailing guard page */
} guarded;

/* What a child reports through shared memory. */
typedef struct progress {
    volatile long len;
    volatile int op;
    volatile long passed, failed;
    volatile int finished;
} progress;

typedef int (*xts_call)(const vxts_ctx *, uint8_t *, const uint8_t *, size_t, const uint8_t *);

static size_t page;
static guarded area_in, area_out, area_small;
static uint8_t *plaintext;     /* MAX_LEN random bytes */
static uint8_t **ref_ct;       /* ref_ct[len]: ref's ciphertext of plaintext[0..len) */
static uint8_t key128[32], key256[64], tweak_value[16];
static int slot_harness;

static const char *const op_names[OPS] = {
    "encrypt, in and out end at a guard page",         "decrypt, in and out end at a guard page",
    "encrypt, in and out start after a guard page",    "decrypt, in and out start after a guard page",
    "encrypt in place, buffer ends at a guard page",   "decrypt in place, buffer ends at a guard page",
    "encrypt in place, buffer starts after a guard page", "decrypt in place, buffer starts after a guard page",
};

static guarded map_guarded(size_t bytes)
{
    size_t data = (bytes + page - 1) / page * page;
    guarded g;
    uint8_t *base = mmap(NULL, data + 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED || mprotect(base, page, PROT_NONE) != 0 ||
        mprotect(base + page + data, page, PROT_NONE) != 0) {
        perror("mmap/mprotect");
        exit(2);
    }
    g.lo = base + page;
    g.hi = base + page + data;
    return g;
}

/* Key 128 or 256 by (len / 16) % 2, so every tail length meets both key sizes. */
static int uses_aes256(size_t len)
{
    return (len / 16) % 2 == 1;
}

/* One operation of one length; returns 1 if the result equals ref's. */
static int run_op(const vxts_ctx *ctx, int op, size_t len, xts_call encrypt, xts_call decrypt, const uint8_t *tweak)
{
    int decrypting = op % 2, status;
    const uint8_t *src = decrypting ? ref_ct[len] : plaintext, *want = decrypting ? plaintext : ref_ct[len];
    uint8_t *in, *out;
    switch (op / 2) {
    case 0: in = area_in.hi - len; out = area_out.hi - len; break;
    case 1: in = area_in.lo; out = area_out.lo; break;
    case 2: in = out = area_in.hi - len; break;
    default: in = out = area_in.lo; break;
    }
    memcpy(in, src, len);
    status = decrypting ? decrypt(ctx, out, in, len, tweak) : encrypt(ctx, out, in, len, tweak);
    return status == VXTS_OK && memcmp(out, want, len) == 0;
}

static void report_counts(int slot, progress *p)
{
    long passed, failed;
    test_counts(slot, &passed, &failed);
    p->passed = passed;
    p->failed = failed;
}

/* The child's work for one backend; counts go to shared memory. */
static void child_run(const char *backend_id, int slot, progress *p, size_t min_len, size_t max_len, xts_call encrypt,
                      xts_call decrypt)
{
    vxts_ctx ctx128, ctx256;
    uint8_t *key_at_guard128 = area_small.hi - 32, *key_at_guard256 = area_small.hi - 64;
    uint8_t *tweak = area_small.lo; /* the tweak starts right after a guard page */
    size_t len;
    int op, status;

    memcpy(key_at_guard128, key128, 32);
    status = vxts_init_backend(&ctx128, key_at_guard128, 32, backend_id);
    test_check(slot, status == VXTS_OK, "init with a 32-byte key ending at a guard page: %s", test_status_name(status));
    memcpy(key_at_guard256, key256, 64);
    status = vxts_init_backend(&ctx256, key_at_guard256, 64, backend_id);
    test_check(slot, status == VXTS_OK, "init with a 64-byte key ending at a guard page: %s", test_status_name(status));
    memcpy(tweak, tweak_value, 16);
    for (len = min_len; len <= max_len; len++) {
        const vxts_ctx *ctx = uses_aes256(len) ? &ctx256 : &ctx128;
        p->len = (long)len;
        for (op = 0; op < OPS; op++) {
            p->op = op;
            test_check(slot, run_op(ctx, op, len, encrypt, decrypt, tweak), "len %zu, %s-byte key: %s: differs from ref",
                       len, uses_aes256(len) ? "64" : "32", op_names[op]);
        }
        report_counts(slot, p);
    }
    /* The same with the tweak ending at a guard page (one length per tail size). */
    tweak = area_small.hi - 16;
    memcpy(tweak, tweak_value, 16);
    for (len = min_len; len < min_len + 16 && len <= max_len; len++)
        for (op = 0; op < OPS; op++) {
            p->len = (long)len;
            p->op = op;
            test_check(slot, run_op(uses_aes256(len) ? &ctx256 : &ctx128, op, len, encrypt, decrypt, tweak),
                       "len %zu, tweak ending at a guard page: %s: differs from ref", len, op_names[op]);
        }
    report_counts(slot, p);
    p->finished = 1;
}

/* Runs child_run in a child; returns the signal that killed it, or 0. */
static int run_in_child(const char *backend_id, int slot, size_t min_len, size_t max_len, xts_call encrypt,
                        xts_call decrypt, progress *p)
{
    pid_t pid;
    int wstatus;
    memset((void *)p, 0, sizeof *p);
    p->len = -1;
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        struct rlimit no_core = {0, 0};
        setrlimit(RLIMIT_CORE, &no_core); /* an expected crash leaves no core file */
        child_run(backend_id, slot, p, min_len, max_len, encrypt, decrypt);
        fflush(stdout);
        _exit(0);
    }
    if (waitpid(pid, &wstatus, 0) != pid) {
        perror("waitpid");
        exit(2);
    }
    if (WIFSIGNALED(wstatus))
        return WTERMSIG(wstatus);
    return WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0 && p->finished ? 0 : -1;
}

/*
 * ref's ciphertext of plaintext[0..len) for every len, without 8176 slow ref
 * calls: one ref_xts_encrypt per key over whole blocks, then
 * oracle_xts_encrypt_from_whole per length (oracle.h). Compared with a
 * direct ref_xts_encrypt call for every length up to 1040 and 48 random ones.
 */
static void build_references(void)
{
    const size_t whole_len = (MAX_LEN + 15) / 16 * 16;
    uint8_t *whole[2];
    size_t len, k, checked = 0;
    int slot_ref = test_slot("ref"), aes256;

    for (aes256 = 0; aes256 < 2; aes256++) {
        whole[aes256] = test_alloc(whole_len);
        ref_xts_encrypt(aes256 ? key256 : key128, aes256 ? 64 : 32, tweak_value, plaintext, whole[aes256], whole_len);
    }
    for (len = MIN_LEN; len <= MAX_LEN; len++) {
        aes256 = uses_aes256(len);
        ref_ct[len] = test_alloc(len);
        oracle_xts_encrypt_from_whole(aes256 ? key256 : key128, aes256 ? 64 : 32, tweak_value, plaintext,
                                      whole[aes256], ref_ct[len], len);
    }
    for (k = 0; k < 1040 - MIN_LEN + 1 + 48; k++) {
        uint8_t *direct;
        len = k <= 1040 - MIN_LEN ? MIN_LEN + k : 1041 + test_rand_below(MAX_LEN - 1040);
        aes256 = uses_aes256(len);
        direct = test_alloc(len);
        ref_xts_encrypt(aes256 ? key256 : key128, aes256 ? 64 : 32, tweak_value, plaintext, direct, len);
        test_check(slot_ref, memcmp(direct, ref_ct[len], len) == 0,
                   "len %zu: oracle_xts_encrypt_from_whole differs from ref_xts_encrypt", len);
        free(direct);
        checked++;
    }
    printf("reference ciphertexts: %zu of %d lengths also compared with a direct ref_xts_encrypt call\n", checked,
           MAX_LEN - MIN_LEN + 1);
    free(whole[0]);
    free(whole[1]);
}

/* ---- deliberately faulty calls for the harness self-check ------------------------------- */

static int overread_after_end(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t *tweak)
{
    int status = vxts_encrypt(ctx, out, in, len, tweak);
    volatile uint8_t sink = ((const volatile uint8_t *)in)[len]; /* one byte past the end */
    (void)sink;
    return status;
}

static int overwrite_after_end(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len, const uint8_t *tweak)
{
    int status = vxts_encrypt(ctx, out, in, len, tweak);
    ((volatile uint8_t *)out)[len] = 0;
    return status;
}

static int overwrite_before_start(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                                  const uint8_t *tweak)
{
    int status = vxts_encrypt(ctx, out, in, len, tweak);
    ((volatile uint8_t *)out)[-1] = 0;
    return status;
}

static int overread_before_start(const vxts_ctx *ctx, uint8_t *out, const uint8_t *in, size_t len,
                                 const uint8_t *tweak)
{
    int status = vxts_encrypt(ctx, out, in, len, tweak);
    volatile uint8_t sink = ((const volatile uint8_t *)in)[-1];
    (void)sink;
    return status;
}

static void check_harness(progress *p)
{
    /* Each faulty call runs as "encrypt" on the ops where its fault must hit a guard page:
     * in/out ending at one (op 0) for the faults past the end, starting after one (op 2) before. */
    struct {
        const char *name;
        xts_call call;
    } faults[4] = {{"one-byte over-read past the end", overread_after_end},
                   {"one-byte over-write past the end", overwrite_after_end},
                   {"one-byte over-read before the start", overread_before_start},
                   {"one-byte over-write before the start", overwrite_before_start}};
    size_t i;
    for (i = 0; i < 4; i++) {
        int sig = run_in_child("ct64", slot_harness, 17, 17, faults[i].call, vxts_decrypt, p);
        test_check(slot_harness, sig == SIGSEGV || sig == SIGBUS,
                   "the harness did not catch a %s (child ended with %d, expected SIGSEGV)", faults[i].name, sig);
        printf("harness self-check: %s %s\n", faults[i].name,
               sig == SIGSEGV || sig == SIGBUS ? "is caught (SIGSEGV)" : "was NOT caught");
    }
}

int main(int argc, char **argv)
{
    progress *shared;
    size_t len, i;
    double t0;

    test_begin(argc, argv, "guard pages");
    slot_harness = test_slot("harness");
    page = (size_t)sysconf(_SC_PAGESIZE);
    area_in = map_guarded(MAX_LEN);
    area_out = map_guarded(MAX_LEN);
    area_small = map_guarded(64);
    shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        perror("mmap");
        return 2;
    }

    /* ref's ciphertext for every length, before any child runs (see build_references). */
    t0 = test_seconds();
    plaintext = test_alloc((MAX_LEN + 15) / 16 * 16);
    ref_ct = test_alloc((MAX_LEN + 1) * sizeof *ref_ct);
    test_rand_bytes(plaintext, (MAX_LEN + 15) / 16 * 16);
    test_rand_key(key128, 32);
    test_rand_key(key256, 64);
    test_rand_bytes(tweak_value, 16);
    build_references();
    printf("page size %zu; ref ciphertexts for lengths %d..%d: %.1f s\n", page, MIN_LEN, MAX_LEN, test_seconds() - t0);

    /* The harness must catch faults (with a backend that is always there). */
    check_harness(shared);

    for (i = 0; i < test_backend_count(); i++) {
        const test_backend *b = test_backend_at(i);
        int sig;
        if (!b->usable)
            continue;
        t0 = test_seconds();
        sig = run_in_child(b->id, b->slot, MIN_LEN, MAX_LEN, vxts_encrypt, vxts_decrypt, shared);
        test_add_counts(b->slot, shared->passed, shared->failed);
        if (sig != 0)
            test_check(b->slot, 0, "%s: child %s %d during len %ld, %s", b->id,
                       sig > 0 ? "killed by signal" : "exited abnormally, status", sig, shared->len,
                       shared->op >= 0 && shared->op < OPS ? op_names[shared->op] : "(setup)");
        printf("%s: lengths %d..%d x %d operations: %.1f s\n", b->id, MIN_LEN, MAX_LEN, OPS, test_seconds() - t0);
    }
    for (len = MIN_LEN; len <= MAX_LEN; len++)
        free(ref_ct[len]);
    free(ref_ct);
    free(plaintext);
    return test_end();
}
