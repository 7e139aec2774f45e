/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* Shared test harness (see testlib.h). */
#include "testlib.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_SLOTS 32
#define MAX_BACKENDS 16
#define FAILURES_SHOWN_PER_SLOT 20

typedef struct slot_counts {
    char name[32];
    long passed, failed, skipped;
    const char *not_applicable;
} slot_counts;

static slot_counts slots[MAX_SLOTS];
static int slot_total;
static test_backend backends[MAX_BACKENDS];
static size_t backend_total;
static uint64_t seed_value;
static uint64_t rng_state[4];
static double start_time;

double test_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int test_slot(const char *name)
{
    int i;
    for (i = 0; i < slot_total; i++)
        if (strcmp(slots[i].name, name) == 0)
            return i;
    if (slot_total == MAX_SLOTS) {
        fprintf(stderr, "testlib: too many slots\n");
        exit(2);
    }
    snprintf(slots[slot_total].name, sizeof slots[slot_total].name, "%s", name);
    return slot_total++;
}

int test_check(int slot, int ok, const char *fmt, ...)
{
    slot_counts *s = &slots[slot];
    va_list ap;
    if (ok) {
        s->passed++;
        return 1;
    }
    s->failed++;
    if (s->failed <= FAILURES_SHOWN_PER_SLOT) {
        printf("FAIL [%s] ", s->name);
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
        printf("\n");
    } else if (s->failed == FAILURES_SHOWN_PER_SLOT + 1) {
        printf("FAIL [%s] ... further failures of this slot are counted, not shown\n", s->name);
    }
    return 0;
}

void test_skip(int slot, long n, const char *fmt, ...)
{
    va_list ap;
    slots[slot].skipped += n;
    printf("skip [%s] %ld: ", slots[slot].name, n);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

void test_not_applicable(int slot, const char *reason)
{
    if (slots[slot].not_applicable == NULL)
        slots[slot].skipped++;
    slots[slot].not_applicable = reason;
}

void test_counts(int slot, long *passed, long *failed)
{
    *passed = slots[slot].passed;
    *failed = slots[slot].failed;
}

void test_add_counts(int slot, long passed, long failed)
{
    slots[slot].passed += passed;
    slots[slot].failed += failed;
}

long test_total_failed(void)
{
    long total = 0;
    int i;
    for (i = 0; i < slot_total; i++)
        total += slots[i].failed;
    return total;
}

/* ---- random numbers ------------------------------------------------------------ */

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t test_rand64(void)
{
    uint64_t result = rotl(rng_state[1] * 5, 7) * 9, t = rng_state[1] << 17;
    rng_state[2] ^= rng_state[0];
    rng_state[3] ^= rng_state[1];
    rng_state[1] ^= rng_state[2];
    rng_state[0] ^= rng_state[3];
    rng_state[2] ^= t;
    rng_state[3] = rotl(rng_state[3], 45);
    return result;
}

uint64_t test_rand_below(uint64_t n)
{
    /* Rejection keeps it uniform; n > 0. */
    uint64_t limit = UINT64_MAX - UINT64_MAX % n, x;
    do
        x = test_rand64();
    while (x >= limit);
    return x % n;
}

void test_rand_bytes(uint8_t *p, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t x = test_rand64();
        memcpy(p + i, &x, 8);
        i += 8;
    }
    if (i < n) {
        uint64_t x = test_rand64();
        memcpy(p + i, &x, n - i);
    }
}

void test_rand_key(uint8_t *key, size_t key_len)
{
    size_t half = key_len / 2;
    do
        test_rand_bytes(key, key_len);
    while (memcmp(key, key + half, half) == 0);
}

static void seed_generator(uint64_t x)
{
    int i;
    for (i = 0; i < 4; i++)
        rng_state[i] = test_splitmix64(&x);
}

void test_rand_stream(const char *name)
{
    uint64_t h = 0xcbf29ce484222325u; /* FNV-1a of the name, mixed with the seed */
    for (; *name != '\0'; name++)
        h = (h ^ (unsigned char)*name) * 0x100000001b3u;
    seed_generator(seed_value ^ h);
}

uint64_t test_seed(void)
{
    return seed_value;
}

/* ---- helpers ------------------------------------------------------------------- */

void *test_alloc(size_t n)
{
    void *p = malloc(n == 0 ? 1 : n);
    if (p == NULL) {
        fprintf(stderr, "testlib: out of memory (%zu bytes)\n", n);
        exit(2);
    }
    return p;
}

long test_first_diff(const uint8_t *a, const uint8_t *b, size_t n)
{
    size_t i;
    if (memcmp(a, b, n) == 0)
        return -1;
    for (i = 0; i < n; i++)
        if (a[i] != b[i])
            break;
    return (long)i;
}

int test_all_bytes(const uint8_t *p, size_t n, uint8_t byte)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i] != byte)
            return 0;
    return 1;
}

const char *test_hex(const uint8_t *p, size_t n)
{
    static char buffers[4][72];
    static int next;
    char *out = buffers[next];
    size_t i, shown = n > 32 ? 32 : n;
    next = (next + 1) % 4;
    for (i = 0; i < shown; i++)
        sprintf(out + 2 * i, "%02x", p[i]);
    strcpy(out + 2 * shown, n > shown ? "..." : "");
    return out;
}

const char *test_status_name(int status)
{
    switch (status) {
    case VXTS_OK: return "VXTS_OK";
    case VXTS_ERR_ARGUMENT: return "VXTS_ERR_ARGUMENT";
    case VXTS_ERR_KEY_LENGTH: return "VXTS_ERR_KEY_LENGTH";
    case VXTS_ERR_WEAK_KEY: return "VXTS_ERR_WEAK_KEY";
    case VXTS_ERR_DATA_LENGTH: return "VXTS_ERR_DATA_LENGTH";
    case VXTS_ERR_OVERLAP: return "VXTS_ERR_OVERLAP";
    case VXTS_ERR_BACKEND_UNAVAILABLE: return "VXTS_ERR_BACKEND_UNAVAILABLE";
    case VXTS_ERR_SECTOR_RANGE: return "VXTS_ERR_SECTOR_RANGE";
    default: return "(unknown status)";
    }
}

long test_env_long(const char *name, long fallback)
{
    const char *v = getenv(name);
    char *end;
    long x;
    if (v == NULL || *v == '\0')
        return fallback;
    x = strtol(v, &end, 0);
    if (*end != '\0' || x < 0) {
        fprintf(stderr, "testlib: %s=%s is not a non-negative integer\n", name, v);
        exit(2);
    }
    return x;
}

/* ---- setup --------------------------------------------------------------------- */

static int parse_seed(const char *text, uint64_t *out)
{
    char *end;
    if (text == NULL || *text == '\0')
        return 0;
    *out = (uint64_t)strtoull(text, &end, 0);
    return *end == '\0';
}

static void choose_seed(int argc, char **argv)
{
    const char *text = getenv("VXTS_TEST_SEED");
    int i;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            text = argv[i + 1];
        else if (strncmp(argv[i], "--seed=", 7) == 0)
            text = argv[i] + 7;
    }
    if (text != NULL) {
        if (!parse_seed(text, &seed_value)) {
            fprintf(stderr, "testlib: bad seed '%s'\n", text);
            exit(2);
        }
    } else {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        seed_value = (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 40);
    }
    seed_generator(seed_value);
    printf("seed 0x%016llx (replay with VXTS_TEST_SEED=0x%016llx or --seed 0x%016llx)\n",
           (unsigned long long)seed_value, (unsigned long long)seed_value,
           (unsigned long long)seed_value);
}

static void add_backend(const char *id)
{
    test_backend *b = &backends[backend_total++];
    b->id = id;
    b->slot = test_slot(id);
    b->usable = vxts_backend_usable(id) == VXTS_OK;
    if (!b->usable)
        test_not_applicable(b->slot, test_id_in_list(getenv("VXTS_DISABLE"), id) ? "VXTS_DISABLE names it"
                                                                                  : "this CPU cannot run it");
}

/* 1 if the library lists the id of len bytes at word. */
static int library_lists(const char *word, size_t len)
{
    const char *id;
    size_t i;
    for (i = 0; (id = vxts_backend_id(i)) != NULL; i++)
        if (strlen(id) == len && memcmp(id, word, len) == 0)
            return 1;
    return 0;
}

static void choose_backends(void)
{
    const char *filter = getenv("VXTS_TEST_BACKENDS"), *cursor, *id;
    size_t i, len;
    int setup = test_slot("test setup");

    if (filter != NULL && *filter == '\0')
        filter = NULL;
    for (i = 0; (id = vxts_backend_id(i)) != NULL && backend_total < MAX_BACKENDS; i++)
        if (filter == NULL || test_id_in_list(filter, id))
            add_backend(id);
    /* Every library lists every backend id: a filter word outside the list is a typo. */
    for (cursor = filter; cursor != NULL && (id = test_list_next(&cursor, &len)) != NULL;)
        test_check(setup, library_lists(id, len), "VXTS_TEST_BACKENDS names an unknown backend '%.*s'", (int)len,
                   id);
    printf("backends under test:");
    for (i = 0; i < backend_total; i++)
        printf(" %s%s", backends[i].id, backends[i].usable ? "" : " (n/a)");
    printf("%s\n", backend_total == 0 ? " none" : "");
}

void test_begin(int argc, char **argv, const char *title)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_time = test_seconds();
    printf("== %s (libvxts %s)\n", title, vxts_version());
    choose_seed(argc, argv);
    choose_backends();
}

size_t test_backend_count(void)
{
    return backend_total;
}

const test_backend *test_backend_at(size_t i)
{
    return &backends[i];
}

int test_end(void)
{
    long passed = 0, failed = 0, skipped = 0;
    int i;
    printf("-- counts (%.1f s):\n", test_seconds() - start_time);
    for (i = 0; i < slot_total; i++) {
        slot_counts *s = &slots[i];
        if (s->not_applicable != NULL)
            printf("  %-14s n/a (%s)\n", s->name, s->not_applicable);
        else if (s->passed + s->failed + s->skipped > 0)
            printf("  %-14s %ld passed, %ld failed%s\n", s->name, s->passed, s->failed,
                   s->failed ? "  <-- FAILED" : "");
        if (s->skipped > 0 && s->not_applicable == NULL)
            printf("  %-14s %ld skipped\n", "", s->skipped);
        passed += s->passed;
        failed += s->failed;
        skipped += s->skipped;
    }
    if (skipped > 0)
        printf("%ld passed, %ld failed, %ld skipped\n", passed, failed, skipped);
    else
        printf("%ld passed, %ld failed\n", passed, failed);
    fflush(stdout);
    return failed == 0 && passed > 0 ? 0 : 1;
}
