/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* vxts-bench output: text tables, ratios, targets, CSV and JSON. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "vxts.h"

static const int KEYS[2] = {256, 128};

static int rounds_of(int key_bits)
{
    return key_bits == 128 ? 10 : 14;
}

/* Ideal GB/s of AES with `rounds` rounds per 16-byte block, or -1. */
static double limit_gbps(const bench_results *r, int probe, int rounds)
{
    if (probe < 0 || !r->probe_ok[probe] || r->probe[probe].n == 0)
        return -1;
    return r->probe[probe].med / rounds * 16.0 * 1e-9;
}

static int widest_probe(const bench_results *r)
{
    int p;
    for (p = PROBE_ZMM; p >= PROBE_XMM; p--)
        if (r->probe_ok[p] && r->probe[p].n > 0)
            return p;
    return -1;
}

static double cpb(const bench_results *r, double gbps)
{
    return r->hz > 0 && gbps > 0 ? r->hz / (gbps * 1e9) : -1;
}

static int find_case(const bench_results *r, int key, int dec, int sectors, size_t unit)
{
    int c;
    for (c = 0; c < r->ncase; c++) {
        const bench_case *b = &r->cases[c];
        if (b->key_bits == key && b->decrypt == dec && b->sectors == sectors && b->unit == unit)
            return c;
    }
    return -1;
}

static int find_impl(const bench_results *r, const char *name)
{
    int i;
    for (i = 0; i < r->nimpl; i++)
        if (strcmp(r->impls[i].name, name) == 0)
            return i;
    return -1;
}

static double val(const bench_results *r, int i, int c)
{
    if (i < 0 || c < 0 || r->status[i][c] != ST_OK || r->gbps[i][c].n == 0)
        return -1;
    return r->gbps[i][c].med;
}

static double best_vxts(const bench_results *r, int c, int *who)
{
    double best = -1;
    int i;
    *who = -1;
    for (i = 0; i < r->nimpl; i++)
        if (r->impls[i].vxts && val(r, i, c) > best) {
            best = val(r, i, c);
            *who = i;
        }
    return best;
}

static double best_peer(const bench_results *r, int c)
{
    double a = val(r, find_impl(r, "openssl"), c), b = val(r, find_impl(r, "gcrypt"), c);
    return a > b ? a : b;
}

static double ratio(double a, double b)
{
    return a > 0 && b > 0 ? a / b : -1;
}

static int case_selected(const bench_results *r, int c)
{
    int i;
    for (i = 0; i < r->nimpl; i++)
        if (r->status[i][c] != ST_OFF)
            return 1;
    return 0;
}

static int impl_shown(const bench_results *r, int i)
{
    int c;
    for (c = 0; c < r->ncase; c++)
        if (r->status[i][c] != ST_OFF)
            return 1;
    return 0;
}

/* ---- targets ------------------------------------------------------------- */

enum { T_SKIP, T_PASS, T_MISS };

typedef struct target {
    char cas[32];
    char impl[24];   /* the vxts backend measured */
    char what[48];
    char need[16];
    double ratio;
    int state;
} target;

#define MAX_TARGETS 64

static void add_target(target *t, int *n, const char *cas, const char *what, double ratio,
                       double lo, double hi, const bench_results *r, int impl)
{
    target *x = &t[(*n)++];
    snprintf(x->cas, sizeof x->cas, "%s", cas);
    snprintf(x->impl, sizeof x->impl, "%s", impl >= 0 ? r->impls[impl].name : "-");
    snprintf(x->what, sizeof x->what, "%s", what);
    if (hi > 0)
        snprintf(x->need, sizeof x->need, "%.2f..%.2f", lo, hi);
    else
        snprintf(x->need, sizeof x->need, ">= %.2f", lo);
    x->ratio = ratio;
    if (ratio <= 0)
        x->state = T_SKIP;
    else
        x->state = (ratio >= lo && (hi <= 0 || ratio <= hi)) ? T_PASS : T_MISS;
}

/* best vxts on case c divided by denom (a GB/s), must be >= lo. */
static void target_vs(const bench_results *r, target *t, int *n, int c, const char *what,
                      double denom, double lo)
{
    int who;
    double best = best_vxts(r, c, &who);
    add_target(t, n, r->cases[c].name, what, ratio(best, denom), lo, 0, r, who);
}

/*
 * The targets of issue 15 (bench/README.md), for AES-256 and again for AES-128 against its own
 * limit; "best" is the fastest usable vxts backend, one call per data unit.
 */
static int compute_targets(const bench_results *r, target *t)
{
    static const size_t small[] = {16, 17, 31, 33, 64, 100};
    int n = 0, k, j, c, p = widest_probe(r), g = find_impl(r, "gcrypt");
    int aesni = find_impl(r, "aesni");
    for (k = 0; k < 2; k++) {
        int key = KEYS[k], rd = rounds_of(key);
        double lim = limit_gbps(r, p, rd), limx = limit_gbps(r, PROBE_XMM, rd);
        int c512 = find_case(r, key, 0, 0, 512), c4k = find_case(r, key, 0, 0, 4096);
        int c64k = find_case(r, key, 0, 0, 65536), c1m = find_case(r, key, 0, 0, MIB);
        int cs512 = find_case(r, key, 0, 1, 512), cs4k = find_case(r, key, 0, 1, 4096);
        char lname[48];
        snprintf(lname, sizeof lname, "best / AES limit (%s)", p >= 0 ? probe_name(p) : "?");
        for (j = 0; j < (int)(sizeof small / sizeof small[0]); j++) {
            c = find_case(r, key, 0, 0, small[j]);
            target_vs(r, t, &n, c, "best / gcrypt", val(r, g, c), 2.4);
        }
        target_vs(r, t, &n, c512, "best / gcrypt", val(r, g, c512), 1.6);
        target_vs(r, t, &n, c512, lname, lim, 0.60);
        target_vs(r, t, &n, c4k, lname, lim, 0.92);
        target_vs(r, t, &n, c64k, lname, lim, 0.95);
        target_vs(r, t, &n, c1m, lname, lim, 0.95);
        target_vs(r, t, &n, cs512, lname, lim, 0.92);
        target_vs(r, t, &n, cs4k, lname, lim, 0.92);
        add_target(t, &n, r->cases[c64k].name, "aesni / AES limit (xmm)",
                   ratio(val(r, aesni, c64k), limx), 0.92, 0, r, aesni);
        /* Decrypt against encrypt at every size, the sector cases included. */
        for (c = 0; c < r->ncase; c++) {
            const bench_case *b = &r->cases[c];
            int cd, we, wd;
            double e, d;
            char cas[32];
            if (b->key_bits != key || b->decrypt)
                continue;
            cd = find_case(r, key, 1, b->sectors, b->unit);
            e = best_vxts(r, c, &we);
            d = best_vxts(r, cd, &wd);
            snprintf(cas, sizeof cas, "aes%d-*-%s", key, b->name + 11);
            add_target(t, &n, cas, "best decrypt / best encrypt", ratio(d, e), 0.97, 1.03, r, we);
        }
    }
    return n;
}

static const char *state_name(int s)
{
    return s == T_PASS ? "PASS" : s == T_MISS ? "MISS" : "SKIP";
}

/* ---- text ------------------------------------------------------------------ */

static void cell_num(FILE *f, double v, int prec)
{
    if (v < 0)
        fprintf(f, " %8s", "-");
    else
        fprintf(f, " %8.*f", v >= 100 ? 1 : prec, v);
}

static void cell_status(FILE *f, const bench_results *r, int i, int c, double v, int prec)
{
    switch (r->status[i][c]) {
    case ST_OFF: fprintf(f, " %8s", "-"); break;
    case ST_NA: fprintf(f, " %8s", "n/a"); break;
    case ST_WRONG: fprintf(f, " %8s", "WRONG"); break;
    case ST_FAIL: fprintf(f, " %8s", "FAIL"); break;
    default: cell_num(f, v, prec); break;
    }
}

static void print_block(FILE *f, const bench_results *r, int key, int dec)
{
    int cols[MAX_CASES], nc = 0, c, i, j, who, p = widest_probe(r);
    int aesni = find_impl(r, "aesni");
    double lim = limit_gbps(r, p, rounds_of(key)), limx = limit_gbps(r, PROBE_XMM, rounds_of(key));
    char lab[24];

    for (c = 0; c < r->ncase; c++)
        if (r->cases[c].key_bits == key && r->cases[c].decrypt == dec && case_selected(r, c))
            cols[nc++] = c;
    if (nc == 0)
        return;
    fprintf(f, "\nAES-%d-XTS %s, GB/s\n%-14s", key, dec ? "decrypt" : "encrypt", "impl");
    for (j = 0; j < nc; j++)
        fprintf(f, " %8s", r->cases[cols[j]].col);
    fputc('\n', f);
    for (i = 0; i < r->nimpl; i++) {
        if (!impl_shown(r, i))
            continue;
        fprintf(f, "%-14s", r->impls[i].name);
        for (j = 0; j < nc; j++)
            cell_status(f, r, i, cols[j], val(r, i, cols[j]), 3);
        fputc('\n', f);
    }
    fprintf(f, "%-14s", "best vxts");
    for (j = 0; j < nc; j++) {
        best_vxts(r, cols[j], &who);
        fprintf(f, " %8s", who >= 0 ? r->impls[who].name : "-");
    }
    snprintf(lab, sizeof lab, " x limit(%s)", p >= 0 ? probe_name(p) : "?");
    fprintf(f, "\n%-14s", lab);
    for (j = 0; j < nc; j++)
        cell_num(f, ratio(best_vxts(r, cols[j], &who), lim), 3);
    fprintf(f, "\n%-14s", " x best peer");
    for (j = 0; j < nc; j++)
        cell_num(f, ratio(best_vxts(r, cols[j], &who), best_peer(r, cols[j])), 3);
    fprintf(f, "\n%-14s", " x gcrypt");
    for (j = 0; j < nc; j++)
        cell_num(f, ratio(best_vxts(r, cols[j], &who), val(r, find_impl(r, "gcrypt"), cols[j])), 3);
    if (aesni >= 0 && impl_shown(r, aesni)) {
        fprintf(f, "\n%-14s", "aesni x l(xmm)");
        for (j = 0; j < nc; j++)
            cell_num(f, ratio(val(r, aesni, cols[j]), limx), 3);
    }
    fprintf(f, "\n\nAES-%d-XTS %s, cycles/byte%s\n%-14s", key, dec ? "decrypt" : "encrypt",
            r->hz > 0 ? "" : " (clock unknown)", "impl");
    for (j = 0; j < nc; j++)
        fprintf(f, " %8s", r->cases[cols[j]].col);
    fputc('\n', f);
    for (i = 0; i < r->nimpl; i++) {
        if (!impl_shown(r, i))
            continue;
        fprintf(f, "%-14s", r->impls[i].name);
        for (j = 0; j < nc; j++)
            cell_status(f, r, i, cols[j], cpb(r, val(r, i, cols[j])), 3);
        fputc('\n', f);
    }
    if (lim > 0) {
        fprintf(f, "%-14s", lab + 3);
        for (j = 0; j < nc; j++)
            cell_num(f, cpb(r, lim), 3);
        fputc('\n', f);
    }
}

static void print_dec_enc(FILE *f, const bench_results *r, int key)
{
    int ce[MAX_CASES], cd[MAX_CASES], nc = 0, c, i, j, who;
    for (c = 0; c < r->ncase; c++) {
        const bench_case *b = &r->cases[c];
        int d;
        if (b->key_bits != key || b->decrypt)
            continue;
        d = find_case(r, key, 1, b->sectors, b->unit);
        if (d >= 0 && case_selected(r, c) && case_selected(r, d)) {
            ce[nc] = c;
            cd[nc++] = d;
        }
    }
    if (nc == 0)
        return;
    fprintf(f, "\nAES-%d-XTS decrypt/encrypt (GB/s ratio)\n%-14s", key, "impl");
    for (j = 0; j < nc; j++)
        fprintf(f, " %8s", r->cases[ce[j]].col);
    fputc('\n', f);
    for (i = 0; i < r->nimpl; i++) {
        if (!impl_shown(r, i) || !r->impls[i].usable)
            continue;
        fprintf(f, "%-14s", r->impls[i].name);
        for (j = 0; j < nc; j++)
            cell_num(f, ratio(val(r, i, cd[j]), val(r, i, ce[j])), 3);
        fputc('\n', f);
    }
    fprintf(f, "%-14s", "best vxts");
    for (j = 0; j < nc; j++)
        cell_num(f, ratio(best_vxts(r, cd[j], &who), best_vxts(r, ce[j], &who)), 3);
    fputc('\n', f);
}

/* Spread (max - min) / median over the trials: median and worst item. */
static void print_noise(FILE *f, const bench_results *r)
{
    static double sp[MAX_IMPLS * MAX_CASES];
    double worst = -1, med;
    int i, c, n = 0, wi = 0, wc = 0;
    for (i = 0; i < r->nimpl; i++)
        for (c = 0; c < r->ncase; c++) {
            const stat3 *s = &r->gbps[i][c];
            if (val(r, i, c) <= 0 || s->n < 2)
                continue;
            sp[n] = (s->max - s->min) / s->med;
            if (sp[n] > worst)
                worst = sp[n], wi = i, wc = c;
            n++;
        }
    if (n == 0)
        return;
    for (i = 1; i < n; i++) /* insertion sort: n is small */
        for (c = i; c > 0 && sp[c - 1] > sp[c]; c--) {
            double t = sp[c];
            sp[c] = sp[c - 1];
            sp[c - 1] = t;
        }
    med = sp[n / 2];
    fprintf(f, "trial spread (max-min)/median: median %.1f%%, worst %.1f%% (%s %s)\n", 100 * med,
            100 * worst, r->impls[wi].name, r->cases[wc].name);
}

void report_text(FILE *f, const bench_results *r)
{
    target t[MAX_TARGETS];
    int nt, k, p, counts[3] = {0, 0, 0};

    fprintf(f, "vxts-bench (vxts %s): median of %d interleaved trials (in %d process%s), each >= %.0f ms, timer: %s\n",
            vxts_version(), r->rounds, r->procs, r->procs == 1 ? "" : "es", r->trial_ms, r->timer);
    fprintf(f, "cpu: %s", r->cpu_model);
    if (r->cpu >= 0)
        fprintf(f, " (pinned to cpu %d)", r->cpu);
    if (r->hz > 0)
        fprintf(f, ", clock ~%.2f GHz (dependent add chain, spread %.2f..%.2f)", r->hz * 1e-9,
                r->probe[PROBE_CLOCK].min * 1e-9, r->probe[PROBE_CLOCK].max * 1e-9);
    fprintf(f, "\npeers: %s\nrun time: %.0f s\n", impls_peer_versions(), r->elapsed_s);
    print_noise(f, r);

    fprintf(f, "\nAES round limit (%d independent AESENC chains per register width)\n", probe_chains());
    fprintf(f, "%-6s %14s %12s %12s %12s %10s %10s\n", "unit", "Gblk-rnd/s", "rounds/cyc",
            "AES-128 GB/s", "AES-256 GB/s", "128 c/B", "256 c/B");
    for (p = PROBE_XMM; p < PROBE_COUNT; p++) {
        if (!r->probe_ok[p]) {
            fprintf(f, "%-6s %14s\n", probe_name(p), "n/a");
            continue;
        }
        fprintf(f, "%-6s %14.2f %12.2f %12.2f %12.2f %10.3f %10.3f\n", probe_name(p),
                r->probe[p].med * 1e-9, r->hz > 0 ? r->probe[p].med / r->hz : -1.0,
                limit_gbps(r, p, 10), limit_gbps(r, p, 14), cpb(r, limit_gbps(r, p, 10)),
                cpb(r, limit_gbps(r, p, 14)));
    }
    p = widest_probe(r);
    if (p >= 0)
        fprintf(f, "ratios below use the widest limit: %s\n", probe_name(p));

    for (k = 0; k < 2; k++) {
        print_block(f, r, KEYS[k], 0);
        print_block(f, r, KEYS[k], 1);
    }
    for (k = 0; k < 2; k++)
        print_dec_enc(f, r, KEYS[k]);

    nt = compute_targets(r, t);
    fprintf(f, "\nTargets (informational: a MISS never fails the run)\n");
    fprintf(f, "%-4s %8s  %-18s %-28s %-11s %s\n", "", "ratio", "case", "measure (vxts)", "need",
            "backend");
    for (k = 0; k < nt; k++) {
        char rs[16] = "-";
        counts[t[k].state]++;
        if (t[k].ratio > 0)
            snprintf(rs, sizeof rs, "%.3f", t[k].ratio);
        fprintf(f, "%-4s %8s  %-18s %-28s %-11s %s\n", state_name(t[k].state), rs, t[k].cas, t[k].what,
                t[k].need, t[k].impl);
    }
    fprintf(f, "targets: %d PASS, %d MISS, %d SKIP (not measured or backend n/a)\n", counts[T_PASS],
            counts[T_MISS], counts[T_SKIP]);
}

/* ---- CSV / JSON ------------------------------------------------------------ */

static const char *status_name(int s)
{
    static const char *const n[] = {"off", "n/a", "ok", "wrong", "fail"};
    return s >= 0 && s <= ST_FAIL ? n[s] : "?";
}

int report_csv(const char *path, const bench_results *r)
{
    FILE *f = fopen(path, "w");
    target t[MAX_TARGETS];
    int i, c, p, k, nt;
    if (f == NULL)
        return -1;
    fprintf(f, "kind,name,key_bits,direction,mode,unit_bytes,impl,status,gbps,gbps_min,gbps_max,"
               "cycles_per_byte,trials,ratio,need\n");
    for (c = 0; c < r->ncase; c++)
        for (i = 0; i < r->nimpl; i++) {
            const bench_case *b = &r->cases[c];
            const stat3 *s = &r->gbps[i][c];
            if (r->status[i][c] == ST_OFF)
                continue;
            fprintf(f, "result,%s,%d,%s,%s,%zu,%s,%s,", b->name, b->key_bits,
                    b->decrypt ? "decrypt" : "encrypt", b->sectors ? "sectors" : "single", b->unit,
                    r->impls[i].name, status_name(r->status[i][c]));
            if (r->status[i][c] == ST_OK && s->n > 0)
                fprintf(f, "%.4f,%.4f,%.4f,%.4f,%d,,\n", s->med, s->min, s->max, cpb(r, s->med), s->n);
            else
                fprintf(f, ",,,,,,\n");
        }
    for (p = PROBE_XMM; p < PROBE_COUNT; p++)
        for (k = 0; k < 2; k++)
            if (r->probe_ok[p])
                fprintf(f, "limit,%s,%d,encrypt,,16,cpu,ok,%.4f,,,%.4f,%d,%.4f,\n", probe_name(p),
                        KEYS[k], limit_gbps(r, p, rounds_of(KEYS[k])),
                        cpb(r, limit_gbps(r, p, rounds_of(KEYS[k]))), r->probe[p].n,
                        r->hz > 0 ? r->probe[p].med / r->hz : -1.0);
    if (r->hz > 0)
        fprintf(f, "clock,add_chain,,,,,cpu,ok,,,,,%d,%.6f,\n", r->probe[PROBE_CLOCK].n, r->hz * 1e-9);
    nt = compute_targets(r, t);
    for (k = 0; k < nt; k++)
        if (t[k].ratio > 0)
            fprintf(f, "target,%s %s,,,,,%s,%s,,,,,,%.4f,%s\n", t[k].cas, t[k].what, t[k].impl,
                    state_name(t[k].state), t[k].ratio, t[k].need);
        else
            fprintf(f, "target,%s %s,,,,,%s,%s,,,,,,,%s\n", t[k].cas, t[k].what, t[k].impl,
                    state_name(t[k].state), t[k].need);
    return fclose(f) == 0 ? 0 : -1;
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            fprintf(f, "\\u%04x", (unsigned char)*s);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

static void json_num(FILE *f, double v)
{
    if (v > 0 && isfinite(v))
        fprintf(f, "%.6g", v);
    else
        fputs("null", f);
}

int report_json(const char *path, const bench_results *r)
{
    FILE *f = fopen(path, "w");
    target t[MAX_TARGETS];
    int i, c, p, k, nt, first = 1;
    if (f == NULL)
        return -1;
    fprintf(f, "{\n  \"vxts_version\": ");
    json_str(f, vxts_version());
    fprintf(f, ",\n  \"cpu\": ");
    json_str(f, r->cpu_model);
    fprintf(f, ",\n  \"pinned_cpu\": %d,\n  \"clock_hz\": ", r->cpu);
    json_num(f, r->hz);
    fprintf(f, ",\n  \"peers\": ");
    json_str(f, impls_peer_versions());
    fprintf(f, ",\n  \"timer\": ");
    json_str(f, r->timer);
    fprintf(f, ",\n  \"rounds\": %d,\n  \"processes\": %d,\n  \"trial_ms\": %g,\n  \"elapsed_s\": %.1f,\n", r->rounds,
            r->procs, r->trial_ms, r->elapsed_s);
    fprintf(f, "  \"limits\": [");
    for (p = PROBE_XMM; p < PROBE_COUNT; p++) {
        if (!r->probe_ok[p])
            continue;
        fprintf(f, "%s\n    {\"unit\": \"%s\", \"block_rounds_per_s\": ", first ? "" : ",",
                probe_name(p));
        json_num(f, r->probe[p].med);
        fprintf(f, ", \"rounds_per_cycle\": ");
        json_num(f, r->hz > 0 ? r->probe[p].med / r->hz : -1);
        fprintf(f, ", \"aes128_gbps\": ");
        json_num(f, limit_gbps(r, p, 10));
        fprintf(f, ", \"aes256_gbps\": ");
        json_num(f, limit_gbps(r, p, 14));
        fputc('}', f);
        first = 0;
    }
    fprintf(f, "\n  ],\n  \"results\": [");
    first = 1;
    for (c = 0; c < r->ncase; c++)
        for (i = 0; i < r->nimpl; i++) {
            const bench_case *b = &r->cases[c];
            const stat3 *s = &r->gbps[i][c];
            if (r->status[i][c] == ST_OFF)
                continue;
            fprintf(f, "%s\n    {\"case\": \"%s\", \"key_bits\": %d, \"direction\": \"%s\", "
                       "\"mode\": \"%s\", \"unit_bytes\": %zu, \"impl\": \"%s\", \"status\": \"%s\", "
                       "\"gbps\": ",
                    first ? "" : ",", b->name, b->key_bits, b->decrypt ? "decrypt" : "encrypt",
                    b->sectors ? "sectors" : "single", b->unit, r->impls[i].name,
                    status_name(r->status[i][c]));
            json_num(f, s->n ? s->med : -1);
            fprintf(f, ", \"gbps_min\": ");
            json_num(f, s->n ? s->min : -1);
            fprintf(f, ", \"gbps_max\": ");
            json_num(f, s->n ? s->max : -1);
            fprintf(f, ", \"cycles_per_byte\": ");
            json_num(f, s->n ? cpb(r, s->med) : -1);
            fprintf(f, ", \"trials\": %d}", s->n);
            first = 0;
        }
    fprintf(f, "\n  ],\n  \"targets\": [");
    nt = compute_targets(r, t);
    for (k = 0; k < nt; k++) {
        fprintf(f, "%s\n    {\"case\": ", k ? "," : "");
        json_str(f, t[k].cas);
        fprintf(f, ", \"measure\": ");
        json_str(f, t[k].what);
        fprintf(f, ", \"need\": ");
        json_str(f, t[k].need);
        fprintf(f, ", \"ratio\": ");
        json_num(f, t[k].ratio);
        fprintf(f, ", \"backend\": ");
        json_str(f, t[k].impl);
        fprintf(f, ", \"state\": \"%s\"}", state_name(t[k].state));
    }
    fprintf(f, "\n  ]\n}\n");
    return fclose(f) == 0 ? 0 : -1;
}
