/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts-bench: vxts backends vs OpenSSL, libgcrypt and the CPU's AES round
 * limit. Median of interleaved trials; see bench/README.md.
 */
#include <errno.h>
#include <fnmatch.h>
#include <math.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "vxts.h"

typedef struct options {
    int rounds;
    double trial_ms;
    double warmup_ms;
    const char *csv, *json, *cases, *impls;
    int cpu;        /* -1: the CPU we start on */
    int pin;
    int wall;
    int list;
    int procs;          /* timing processes (each a fresh exec: its own address layout) */
    const char *child;  /* set in those processes: where to write the trial rates */
    unsigned seed;      /* child: varies the trial order between processes */
} options;

static clockid_t timer_id = CLOCK_THREAD_CPUTIME_ID;

static double now(void)
{
    struct timespec ts;
    clock_gettime(timer_id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: vxts-bench [options]\n"
            "  --quick          3 rounds of 10 ms trials (development)\n"
            "  --rounds N       trial rounds (default 9)\n"
            "  --trial-ms MS    minimum length of one trial (default 50)\n"
            "  --cases GLOBS    comma-separated globs over case names, e.g. 'aes256-enc-*'\n"
            "  --impl LIST      comma-separated implementations (vxts backend ids, openssl, openssl-vxts, gcrypt)\n"
            "  --csv FILE       also write CSV\n"
            "  --json FILE      also write JSON\n"
            "  --cpu N          pin to CPU N (default: the CPU the program starts on)\n"
            "  --no-pin         do not pin\n"
            "  --wall           wall-clock timer (default: thread CPU time)\n"
            "  --tweak-bytes    callers write the tweak byte by byte (default: one 16-byte store)\n"
            "  --procs N        split the rounds over N fresh processes (default 3, --quick 1)\n"
            "  --list           list cases and implementations, then exit\n");
}

static int parse_options(int argc, char **argv, options *o)
{
    int i;
    memset(o, 0, sizeof *o);
    o->rounds = 9;
    o->trial_ms = 50;
    o->warmup_ms = 300;
    o->cpu = -1;
    o->pin = 1;
    o->procs = 3;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--quick") == 0) {
            o->rounds = 3;
            o->trial_ms = 10;
            o->warmup_ms = 100;
            o->procs = 1;
        } else if (strcmp(a, "--rounds") == 0 && v) {
            o->rounds = atoi(v), i++;
        } else if (strcmp(a, "--trial-ms") == 0 && v) {
            o->trial_ms = atof(v), i++;
        } else if (strcmp(a, "--cases") == 0 && v) {
            o->cases = v, i++;
        } else if (strcmp(a, "--impl") == 0 && v) {
            o->impls = v, i++;
        } else if (strcmp(a, "--csv") == 0 && v) {
            o->csv = v, i++;
        } else if (strcmp(a, "--json") == 0 && v) {
            o->json = v, i++;
        } else if (strcmp(a, "--cpu") == 0 && v) {
            o->cpu = atoi(v), i++;
        } else if (strcmp(a, "--no-pin") == 0) {
            o->pin = 0;
        } else if (strcmp(a, "--wall") == 0) {
            o->wall = 1;
        } else if (strcmp(a, "--tweak-bytes") == 0) {
            bench_set_tweak_bytewise(1);
        } else if (strcmp(a, "--procs") == 0 && v) {
            o->procs = atoi(v), i++;
        } else if (strcmp(a, "--child") == 0 && v) {
            o->child = v, i++;
        } else if (strcmp(a, "--seed") == 0 && v) {
            o->seed = (unsigned)strtoul(v, NULL, 10), i++;
        } else if (strcmp(a, "--list") == 0) {
            o->list = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        } else {
            fprintf(stderr, "vxts-bench: bad option '%s'\n", a);
            usage(stderr);
            return -1;
        }
    }
    if (o->rounds < 1 || o->rounds > 1000 || !(o->trial_ms > 0) || o->procs < 1 || o->procs > 64) {
        fprintf(stderr, "vxts-bench: bad --rounds, --trial-ms or --procs\n");
        return -1;
    }
    return 0;
}

/* 1 if name matches one of the comma-separated globs (or list is NULL). */
static int listed(const char *list, const char *name, int glob)
{
    char item[64];
    const char *p = list;
    if (list == NULL)
        return 1;
    while (*p) {
        size_t n = strcspn(p, ",");
        if (n > 0 && n < sizeof item) {
            memcpy(item, p, n);
            item[n] = 0;
            if (glob ? fnmatch(item, name, 0) == 0 : strcmp(item, name) == 0)
                return 1;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

static int make_cases(bench_case *cs)
{
    /* Short and odd units (one call each: per-call cost and ciphertext stealing), then
       throughput sizes, then the two sector sizes as _sectors calls over 1 MiB. */
    static const size_t sizes[] = {16, 17, 31, 33, 64, 100, 512, 4096, 65536, MIB};
    static const char *const cols[] = {"16", "17", "31", "33", "64", "100", "512", "4K", "64K", "1M"};
    static const char *const names[] = {"16", "17", "31", "33", "64", "100", "512", "4096", "65536", "1MiB"};
    static const int keys[] = {256, 128};
    enum { NSIZES = sizeof sizes / sizeof sizes[0] };
    int n = 0, k, d;
    size_t i;
    for (k = 0; k < 2; k++)
        for (d = 0; d < 2; d++) {
            for (i = 0; i < NSIZES + 2; i++) {
                bench_case *c = &cs[n++];
                memset(c, 0, sizeof *c);
                c->key_bits = keys[k];
                c->decrypt = d;
                if (i < NSIZES) {
                    c->unit = c->bytes = sizes[i];
                    snprintf(c->col, sizeof c->col, "%s", cols[i]);
                    snprintf(c->name, sizeof c->name, "aes%d-%s-%s", keys[k], d ? "dec" : "enc",
                             names[i]);
                } else {
                    c->sectors = 1;
                    c->unit = i == NSIZES ? 512 : 4096;
                    c->bytes = MIB;
                    snprintf(c->col, sizeof c->col, "sec%s", i == NSIZES ? "512" : "4K");
                    snprintf(c->name, sizeof c->name, "aes%d-%s-sec%zu", keys[k], d ? "dec" : "enc",
                             c->unit);
                }
            }
        }
    return n;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rng(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* One timed item: an (implementation, case) pair or a CPU probe. */
typedef struct item {
    int impl, cas;    /* impl < 0: probe number in cas */
    uint64_t n;       /* operations (or probe iterations) per trial */
    uint64_t seq;     /* next data-unit number */
    double units;     /* bytes (or probe units) per operation */
    double *rate;     /* per trial: units per second */
    int fail;
} item;

static uint8_t *buf_in, *buf_out;
static bench_results R;

static int run_item(item *it, uint64_t n)
{
    if (it->impl < 0) {
        probe_run(it->cas, n);
        return 0;
    }
    return impl_run(&R.impls[it->impl], &R.cases[it->cas], buf_out, buf_in, &it->seq, n);
}

/* Seconds for n operations, or -1 on a failed call. */
static double time_item(item *it, uint64_t n)
{
    double t0 = now(), t;
    int bad = run_item(it, n);
    t = now() - t0;
    return bad ? -1.0 : t;
}

static void calibrate(item *it, double target)
{
    uint64_t n = 1;
    double t;
    for (;;) {
        t = time_item(it, n);
        if (t < 0) {
            it->fail = 1;
            return;
        }
        if (t >= target / 4 || n > ((uint64_t)1 << 40))
            break;
        n *= t < target / 400 ? 16 : 2;
    }
    t = (double)n * target / t * 1.05;
    it->n = t < 1 ? 1 : (uint64_t)ceil(t);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static stat3 stats(double *v, int n)
{
    stat3 s = {0, 0, 0, 0};
    if (n <= 0)
        return s;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    s.n = n;
    s.min = v[0];
    s.max = v[n - 1];
    s.med = n & 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return s;
}

/* Every case of every implementation against OpenSSL, one buffer each. */
static int check_results(int ossl, const int *use_case)
{
    uint8_t *ref = malloc(MIB), *got = malloc(MIB);
    int wrong = 0, i, c;
    if (ref == NULL || got == NULL) {
        fprintf(stderr, "vxts-bench: out of memory\n");
        exit(1);
    }
    for (c = 0; c < R.ncase; c++) {
        const bench_case *bc = &R.cases[c];
        uint64_t seq = 0x1234, s;
        if (!use_case[c])
            continue;
        memset(ref, 0, MIB);
        s = seq;
        if (impl_run(&R.impls[ossl], bc, ref, buf_in, &s, 1) != 0) {
            fprintf(stderr, "vxts-bench: OpenSSL failed on %s\n", bc->name);
            exit(1);
        }
        for (i = 0; i < R.nimpl; i++) {
            if (i == ossl || R.status[i][c] != ST_OK)
                continue;
            memset(got, 0xa5, MIB);
            s = seq;
            if (impl_run(&R.impls[i], bc, got, buf_in, &s, 1) != 0) {
                fprintf(stderr, "FAIL: %s returned an error on %s\n", R.impls[i].name, bc->name);
                R.status[i][c] = ST_FAIL;
                wrong = 1;
            } else if (memcmp(got, ref, bc->bytes) != 0) {
                fprintf(stderr, "WRONG: %s output differs from OpenSSL on %s\n", R.impls[i].name,
                        bc->name);
                R.status[i][c] = ST_WRONG;
                wrong = 1;
            }
        }
    }
    free(ref);
    free(got);
    return wrong;
}

/* Warm up, calibrate every item, then rounds [first, first + count): in each,
   every item once, in a new random order. */
static void time_rounds(item *items, int nitems, const options *o, int first, int count)
{
    double t_start = now();
    int k;
    while (now() - t_start < o->warmup_ms * 1e-3)
        probe_run(PROBE_CLOCK, 1000);
    fprintf(stderr, "vxts-bench: calibrating %d items\n", nitems);
    for (k = 0; k < nitems; k++)
        calibrate(&items[k], o->trial_ms * 1e-3);
    for (int round = first; round < first + count; round++) {
        int *order = malloc((size_t)nitems * sizeof *order);
        if (order == NULL)
            exit(1);
        for (k = 0; k < nitems; k++)
            order[k] = k;
        for (k = nitems - 1; k > 0; k--) {
            int j = (int)(rng() % (uint64_t)(k + 1)), t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        if (o->child)
            fprintf(stderr, "vxts-bench: process %u: round %d/%d\n", o->seed, round + 1, o->rounds);
        else
            fprintf(stderr, "vxts-bench: round %d/%d\n", round + 1, o->rounds);
        for (k = 0; k < nitems; k++) {
            item *it = &items[order[k]];
            double t;
            if (it->fail)
                continue;
            t = time_item(it, it->n);
            if (t < 0)
                it->fail = 1;
            else
                it->rate[round] = it->units * (double)it->n / (t > 1e-9 ? t : 1e-9);
        }
        free(order);
    }
}

/* A timing process (--child): its rates, one line per item ("-1" if it failed). */
static int write_rates(const char *path, const item *items, int nitems, int count)
{
    FILE *f = fopen(path, "w");
    int k, j;
    if (f == NULL)
        return -1;
    for (k = 0; k < nitems; k++) {
        fprintf(f, "%d", k);
        for (j = 0; j < count; j++)
            fprintf(f, " %.17g", items[k].fail ? -1.0 : items[k].rate[j]);
        fprintf(f, "\n");
    }
    return fclose(f);
}

/*
 * The rounds split over o->procs fresh processes, one after another. Each is
 * a new exec of this program, so it gets its own address layout, and a
 * median does not rest on one layout.
 */
static int time_in_processes(item *items, int nitems, const options *o, int argc, char **argv, int cpu)
{
    char path[4096], rounds[16], seed[16], cpus[16];
    int p, first = 0;
    for (p = 0; p < o->procs; p++) {
        int count = o->rounds / o->procs + (p < o->rounds % o->procs), status, k, j;
        char **args = calloc((size_t)argc + 12, sizeof *args);
        pid_t pid;
        FILE *f;
        if (args == NULL || count == 0) {
            free(args);
            continue;
        }
        const char *tmp = getenv("TMPDIR");
        int fd;
        snprintf(path, sizeof path, "%s/vxts-bench.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        fd = mkstemp(path);
        if (fd < 0) {
            fprintf(stderr, "vxts-bench: cannot create %s: %s\n", path, strerror(errno));
            free(args);
            return -1;
        }
        close(fd);
        snprintf(rounds, sizeof rounds, "%d", count);
        snprintf(seed, sizeof seed, "%d", p + 1);
        snprintf(cpus, sizeof cpus, "%d", cpu);
        memcpy(args, argv, (size_t)argc * sizeof *args);
        k = argc;
        args[k++] = "--rounds", args[k++] = rounds, args[k++] = "--child", args[k++] = path;
        args[k++] = "--seed", args[k++] = seed;
        if (cpu >= 0)
            args[k++] = "--cpu", args[k++] = cpus;
        fflush(NULL);
        pid = fork();
        if (pid == 0) {
            execv("/proc/self/exe", args);
            _exit(127);
        }
        free(args);
        if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "vxts-bench: timing process %d failed\n", p + 1);
            remove(path);
            return -1;
        }
        f = fopen(path, "r");
        if (f == NULL)
            return -1;
        for (k = 0; k < nitems; k++) {
            int idx;
            if (fscanf(f, "%d", &idx) != 1 || idx != k)
                break;
            for (j = 0; j < count; j++) {
                double v;
                if (fscanf(f, "%lf", &v) != 1)
                    break;
                if (v < 0)
                    items[k].fail = 1;
                else
                    items[k].rate[first + j] = v;
            }
            if (j < count)
                break;
        }
        fclose(f);
        remove(path);
        if (k < nitems) {
            fprintf(stderr, "vxts-bench: bad rates from timing process %d\n", p + 1);
            return -1;
        }
        first += count;
    }
    return 0;
}

static void read_cpu_model(char *dst, size_t n)
{
    char line[256];
    FILE *f = fopen("/proc/cpuinfo", "r");
    snprintf(dst, n, "unknown");
    if (f == NULL)
        return;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0) {
            char *p = strchr(line, ':');
            if (p) {
                p += 1 + strspn(p + 1, " \t");
                p[strcspn(p, "\n")] = 0;
                snprintf(dst, n, "%s", p);
            }
            break;
        }
    }
    fclose(f);
}

static int pin_cpu(int cpu)
{
    cpu_set_t set;
    if (cpu < 0)
        cpu = sched_getcpu();
    if (cpu < 0)
        return -1;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) {
        fprintf(stderr, "vxts-bench: cannot pin to CPU %d: %s\n", cpu, strerror(errno));
        return -1;
    }
    return cpu;
}

int main(int argc, char **argv)
{
    static bench_impl impls[MAX_IMPLS];
    static bench_case cases[MAX_CASES];
    static int use_case[MAX_CASES];
    item *items;
    int nitems = 0, i, c, k, ossl = -1, wrong, any = 0;
    char err[160] = "";
    options o;
    struct timespec w0, w1;

    if (parse_options(argc, argv, &o) != 0)
        return 1;
    timer_id = o.wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID;
    clock_gettime(CLOCK_MONOTONIC, &w0);

    R.impls = impls;
    R.cases = cases;
    R.nimpl = impls_setup(impls, MAX_IMPLS, err, sizeof err);
    if (R.nimpl < 0) {
        fprintf(stderr, "vxts-bench: %s\n", err);
        return 1;
    }
    R.ncase = make_cases(cases);
    if (o.list) {
        for (c = 0; c < R.ncase; c++)
            printf("case %s\n", cases[c].name);
        for (i = 0; i < R.nimpl; i++)
            printf("impl %s%s\n", impls[i].name, impls[i].usable ? "" : " (not usable on this CPU)");
        return 0;
    }
    for (i = 0; i < R.nimpl; i++)
        if (impls[i].kind == IMPL_OPENSSL)
            ossl = i;
    for (c = 0; c < R.ncase; c++)
        use_case[c] = listed(o.cases, cases[c].name, 1);
    for (i = 0; i < R.nimpl; i++)
        for (c = 0; c < R.ncase; c++) {
            if (!use_case[c] || !listed(o.impls, impls[i].name, 0))
                R.status[i][c] = ST_OFF;
            else
                R.status[i][c] = impls[i].usable ? ST_OK : ST_NA;
            any |= R.status[i][c] == ST_OK;
        }
    if (!any)
        fprintf(stderr, "vxts-bench: no (implementation, case) selected\n");

    R.rounds = o.rounds;
    R.procs = o.procs;
    R.trial_ms = o.trial_ms;
    R.timer = o.wall ? "wall clock" : "thread CPU time";
    R.cpu = o.pin ? pin_cpu(o.cpu) : -1;
    read_cpu_model(R.cpu_model, sizeof R.cpu_model);

    buf_in = aligned_alloc(64, MIB);
    buf_out = aligned_alloc(64, MIB);
    if (buf_in == NULL || buf_out == NULL)
        return 1;
    for (i = 0; i < (int)(MIB / 8); i++) {
        uint64_t v = rng();
        memcpy(buf_in + 8 * i, &v, 8);
    }
    memset(buf_out, 0, MIB);

    rng_state ^= 0x2545f4914f6cdd1dull * o.seed;
    wrong = o.child ? 0 : check_results(ossl, use_case);

    /* The item list: every selected pair, then the probes. */
    items = calloc(MAX_IMPLS * MAX_CASES + PROBE_COUNT, sizeof *items);
    if (items == NULL)
        return 1;
    for (i = 0; i < R.nimpl; i++)
        for (c = 0; c < R.ncase; c++)
            if (R.status[i][c] == ST_OK) {
                item *it = &items[nitems++];
                it->impl = i;
                it->cas = c;
                it->units = (double)cases[c].bytes;
            }
    for (k = 0; k < PROBE_COUNT; k++) {
        R.probe_ok[k] = probe_available(k);
        if (R.probe_ok[k]) {
            item *it = &items[nitems++];
            it->impl = -1;
            it->cas = k;
            it->units = probe_units_per_iter(k);
        }
    }
    for (k = 0; k < nitems; k++) {
        items[k].rate = calloc((size_t)o.rounds, sizeof(double));
        if (items[k].rate == NULL)
            return 1;
    }

    /* The timing: here, or in fresh processes; a timing process stops here. */
    if (o.child) {
        time_rounds(items, nitems, &o, 0, o.rounds);
        return write_rates(o.child, items, nitems, o.rounds) == 0 ? 0 : 1;
    }
    if (o.procs == 1)
        time_rounds(items, nitems, &o, 0, o.rounds);
    else if (time_in_processes(items, nitems, &o, argc, argv, R.cpu) != 0)
        return 1;

    for (k = 0; k < nitems; k++) {
        item *it = &items[k];
        if (it->impl < 0) {
            R.probe[it->cas] = stats(it->rate, o.rounds);
        } else if (it->fail) {
            R.status[it->impl][it->cas] = ST_FAIL;
            fprintf(stderr, "FAIL: %s returned an error on %s while timing\n",
                    impls[it->impl].name, cases[it->cas].name);
            wrong = 1;
        } else {
            stat3 s = stats(it->rate, o.rounds);
            s.med *= 1e-9, s.min *= 1e-9, s.max *= 1e-9;
            R.gbps[it->impl][it->cas] = s;
        }
        free(it->rate);
    }
    free(items);
    R.hz = R.probe_ok[PROBE_CLOCK] ? R.probe[PROBE_CLOCK].med : 0;
    clock_gettime(CLOCK_MONOTONIC, &w1);
    R.elapsed_s = (double)(w1.tv_sec - w0.tv_sec) + (double)(w1.tv_nsec - w0.tv_nsec) * 1e-9;

    report_text(stdout, &R);
    if (o.csv && report_csv(o.csv, &R) != 0) {
        fprintf(stderr, "vxts-bench: cannot write %s\n", o.csv);
        wrong |= 4;
    }
    if (o.json && report_json(o.json, &R) != 0) {
        fprintf(stderr, "vxts-bench: cannot write %s\n", o.json);
        wrong |= 4;
    }
    impls_free(impls, R.nimpl);
    free(buf_in);
    free(buf_out);
    if (wrong & 1) {
        fprintf(stderr, "vxts-bench: an implementation gave wrong results (see WRONG/FAIL above)\n");
        return 2;
    }
    return wrong ? 1 : 0;
}
