/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* vxts-bench: shared types of the benchmark program. */
#ifndef VXTS_BENCH_H
#define VXTS_BENCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define MIB ((size_t)1 << 20)
#define MAX_IMPLS 12
#define MAX_CASES 48 /* 12 per key size and direction */

/* One measured case: key size, direction and data-unit shape. */
typedef struct bench_case {
    char name[32];   /* e.g. "aes256-enc-4096", "aes128-dec-sec512" */
    char col[8];     /* short column label: "16", "4K", "sec512" */
    int key_bits;    /* 128 or 256 */
    int decrypt;     /* 0 encrypt, 1 decrypt */
    int sectors;     /* 0: one call per unit; 1: _sectors over `bytes` */
    size_t unit;     /* data unit (or sector) size */
    size_t bytes;    /* bytes per operation (unit, or 1 MiB of sectors) */
} bench_case;

/* IMPL_OPENSSL_VXTS: OpenSSL EVP calls, served by the vxts provider (providers/vxts.c). */
enum impl_kind { IMPL_VXTS, IMPL_OPENSSL, IMPL_OPENSSL_VXTS, IMPL_GCRYPT };

typedef struct bench_impl {
    char name[24];
    enum impl_kind kind;
    int usable;      /* 0: compiled in but this CPU cannot run it */
    int vxts;        /* 1 for vxts backends */
    void *state;     /* keyed contexts, owned by impls.c */
} bench_impl;

/* impls.c */
int impls_setup(bench_impl *impls, int max, char *err, size_t errlen);
void impls_free(bench_impl *impls, int n);
/* Runs `ops` operations of case c starting at data unit *seq (advanced). 0 = ok. */
int impl_run(const bench_impl *im, const bench_case *c, uint8_t *out, const uint8_t *in,
             uint64_t *seq, uint64_t ops);
const char *impls_peer_versions(void);
/* 1: put_tweak writes the tweak byte by byte instead of with one 16-byte store. */
void bench_set_tweak_bytewise(int on);

/* probes.c: AES round limit and clock, x86-64 only. */
enum probe_id { PROBE_CLOCK, PROBE_XMM, PROBE_YMM, PROBE_ZMM, PROBE_COUNT };
int probe_available(int id);
const char *probe_name(int id);
/* Work units per iteration: cycles (clock) or block-rounds (AES). */
double probe_units_per_iter(int id);
void probe_run(int id, uint64_t iters);
int probe_chains(void);

/* Results of one run, filled by main.c and printed by report.c. */
enum cell_status { ST_OFF, ST_NA, ST_OK, ST_WRONG, ST_FAIL };

typedef struct stat3 {
    double med, min, max;
    int n;
} stat3;

typedef struct bench_results {
    bench_impl *impls;
    int nimpl;
    bench_case *cases;
    int ncase;
    int status[MAX_IMPLS][MAX_CASES];
    stat3 gbps[MAX_IMPLS][MAX_CASES];
    int probe_ok[PROBE_COUNT];
    stat3 probe[PROBE_COUNT]; /* clock: Hz; AES: block-rounds per second */
    double hz;                /* median clock estimate, 0 if unknown */
    int rounds;
    int procs;                /* processes the rounds were split over */
    double trial_ms;
    int cpu;                  /* pinned CPU or -1 */
    const char *timer;
    char cpu_model[96];
    double elapsed_s;
} bench_results;

/* report.c */
void report_text(FILE *f, const bench_results *r);
int report_csv(const char *path, const bench_results *r);
int report_json(const char *path, const bench_results *r);

#endif /* VXTS_BENCH_H */
