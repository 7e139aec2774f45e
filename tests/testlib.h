/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * Shared test harness: pass/fail counters per "slot" (a backend, "ref",
 * "library", ...), the backends under test, a seeded random generator and
 * small buffer helpers. Every program ends with the line
 * "N passed, N failed[, N skipped]" printed by test_end().
 *
 * Environment:
 *   VXTS_TEST_SEED=N       replay a run (also --seed N); the seed is printed
 *   VXTS_TEST_BACKENDS=a,b only these backends (others are not run at all;
 *                          a word that is no backend id fails the setup)
 */
#ifndef VXTS_TESTLIB_H
#define VXTS_TESTLIB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vxts.h"

#if defined(__GNUC__) || defined(__clang__)
#define TEST_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TEST_PRINTF(f, a)
#endif

/* Parses --seed, seeds the generator, lists the backends under test. */
void test_begin(int argc, char **argv, const char *title);
/* Prints the per-slot counts and the final line; returns the exit status. */
int test_end(void);

/* The slot with this name, created on first use. */
int test_slot(const char *name);
/* Counts one assertion; prints the message when it failed. Returns ok. */
int test_check(int slot, int ok, const char *fmt, ...) TEST_PRINTF(3, 4);
/* Counts n things deliberately not run, with the reason. */
void test_skip(int slot, long n, const char *fmt, ...) TEST_PRINTF(3, 4);
/* Marks a slot not applicable (printed "n/a", counted as 1 skipped). */
void test_not_applicable(int slot, const char *reason);
void test_counts(int slot, long *passed, long *failed);
void test_add_counts(int slot, long passed, long failed);
long test_total_failed(void);

/* Backends under test: the library's (vxts_backend_id, in its order) that
 * pass the VXTS_TEST_BACKENDS filter; the ones this CPU cannot run are n/a. */
typedef struct test_backend {
    const char *id;
    int usable; /* vxts_backend_usable() == VXTS_OK */
    int slot;
} test_backend;
size_t test_backend_count(void);
const test_backend *test_backend_at(size_t i);

/*
 * Lists of backend ids (VXTS_TEST_BACKENDS, VXTS_DISABLE, --only ...): ids
 * separated by commas and/or spaces, as the library reads VXTS_DISABLE.
 * Header-only, so that the programs built without testlib.o (tests/ct) use
 * them too. test_list_next: the next id's start (its length in *len), or
 * NULL at the end; moves *cursor past it.
 */
static inline const char *test_list_next(const char **cursor, size_t *len)
{
    const char *word = *cursor + strspn(*cursor, ", ");
    *len = strcspn(word, ", ");
    *cursor = word + *len;
    return *word != '\0' ? word : NULL;
}
/* 1 if the list (NULL: empty) names id. */
static inline int test_id_in_list(const char *list, const char *id)
{
    const char *word;
    size_t len;
    while (list != NULL && (word = test_list_next(&list, &len)) != NULL)
        if (len == strlen(id) && memcmp(word, id, len) == 0)
            return 1;
    return 0;
}

/* SplitMix64 (Steele, Lea, Flood 2014): the next number of the stream *state;
 * seeds the generator below, and is the whole generator of tests/ct. */
static inline uint64_t test_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}
/* p[0..n) from the stream *state, one number per byte. */
static inline void test_splitmix64_bytes(uint64_t *state, uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        p[i] = (uint8_t)test_splitmix64(state);
}

/* Random numbers from the printed seed (xoshiro256**). */
uint64_t test_seed(void);
/* Restarts the generator on a stream of its own for `name` (e.g. a backend
 * id), so what one backend draws does not depend on which others ran. */
void test_rand_stream(const char *name);
uint64_t test_rand64(void);
/* Uniform in [0, n), n > 0. */
uint64_t test_rand_below(uint64_t n);
void test_rand_bytes(uint8_t *p, size_t n);
/* A random XTS key of key_len bytes with Key1 != Key2. */
void test_rand_key(uint8_t *key, size_t key_len);

/* malloc that exits on failure. */
void *test_alloc(size_t n);
/* Index of the first differing byte, or -1 if equal. */
long test_first_diff(const uint8_t *a, const uint8_t *b, size_t n);
/* 1 if p[0..n) are all equal to byte. */
int test_all_bytes(const uint8_t *p, size_t n, uint8_t byte);
/* Lower-case hex of up to 32 bytes (with "..." after), in one of 4 rotating buffers. */
const char *test_hex(const uint8_t *p, size_t n);
/* Name of a status code, e.g. "VXTS_ERR_WEAK_KEY". */
const char *test_status_name(int status);
/* An environment variable as a non-negative integer, or fallback. */
long test_env_long(const char *name, long fallback);
double test_seconds(void);

#endif
