/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts CLI — the data path: sectors from INPUT through AES-XTS to OUTPUT on
 * every core, with progress.
 *
 * The data is cut into chunks (whole sectors). Each worker thread takes the
 * next chunk number, reads it, transforms it in its own buffer and writes it:
 * while one thread waits for the disk another encrypts, so reading, AES-XTS
 * and writing overlap. Files use pread/pwrite at the chunk's position; a
 * stream (standard input/output) is read in chunk order under a lock and
 * written in chunk order (each writer waits for its turn). Chunk k starts at
 * sector k * chunk / sector_size, whose IV is first_iv + that * iv_step, so the
 * bytes are the same for any number of threads and any chunk size.

 */
#define _GNU_SOURCE

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "sector_plan.h"

uint64_t cli_iv_step(size_t sector_size, int iv_large_sectors)
{
    return iv_large_sectors ? 1 : (uint64_t)(sector_size / SECTOR_PLAN_DM_SECTOR);
}

int cli_transform(const vxts_ctx *ctx, int encrypt, uint8_t *out, const uint8_t *in, size_t len,
                  size_t sector_size, uint64_t first_iv, uint64_t iv_step)
{
    struct sector_run run;
    struct sector_piece pc;
    uint64_t k;
    int status;

    if (iv_step == 1)
        return encrypt ? vxts_encrypt_sectors(ctx, out, in, len, sector_size, first_iv)
                       : vxts_decrypt_sectors(ctx, out, in, len, sector_size, first_iv);
    /* A stride (512-byte IV units with larger sectors): one sector per piece, sector k
     * at k * sector_size with the IV first_iv + k * iv_step (sector_piece_at, proved). */
    run.start = 0;
    run.bytes = len;
    run.sector_size = sector_size;
    run.nsectors = len / sector_size;
    run.first_iv = first_iv;
    run.iv_step = iv_step;
    for (k = 0; k < run.nsectors; k = pc.next) {
        sector_piece_at(&run, k, 1, &pc);
        status = encrypt ? vxts_encrypt_sectors(ctx, out + pc.pos, in + pc.pos, sector_size, sector_size, pc.iv)
                         : vxts_decrypt_sectors(ctx, out + pc.pos, in + pc.pos, sector_size, sector_size, pc.iv);
        if (status != VXTS_OK)
            return status;
    }
    return VXTS_OK;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- progress ------------------------------------------------------------------ */

struct progress {
    pthread_mutex_t lock;
    int bar;           /* draw the bar on stderr */
    int drawn;         /* the bar is on the screen: end it with a newline */
    uint64_t total;    /* 0: unknown (a stream) */
    uint64_t done;
    double t0, last;
    const char *verb;
};

static void human(char *out, size_t size, double bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    size_t u = 0;
    while (bytes >= 1024 && u + 1 < sizeof units / sizeof units[0]) {
        bytes /= 1024;
        u++;
    }
    snprintf(out, size, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
}

/* Called with p->lock held. */
static void draw_bar(struct progress *p, double now, int final)
{
    char done[32], total[32], rate[32], eta[32] = "";
    double secs = now - p->t0, bps = secs > 0 ? (double)p->done / secs : 0;
    char bar[31];
    int i, fill = 0;

    human(done, sizeof done, (double)p->done);
    human(rate, sizeof rate, bps);
    if (p->total > 0) {
        double frac = (double)p->done / (double)p->total;
        fill = (int)(frac * 30);
        human(total, sizeof total, (double)p->total);
        if (!final && bps > 0) {
            double left = (double)(p->total - p->done) / bps;
            snprintf(eta, sizeof eta, "  ETA %d:%02d", (int)left / 60, (int)left % 60);
        }
        for (i = 0; i < 30; i++)
            bar[i] = i < fill ? '#' : '.';
        bar[30] = '\0';
        fprintf(stderr, "\r%sing [%s] %3d%%  %s / %s  %s/s%s   ", p->verb, bar, (int)(frac * 100), done, total,
                rate, eta);
    } else {
        fprintf(stderr, "\r%sing  %s  %s/s   ", p->verb, done, rate);
    }
    if (final)
        fputc('\n', stderr);
    fflush(stderr);
    p->drawn = !final;
    p->last = now;
}

/* One line, as dd prints on SIGUSR1. Called with p->lock held. */
static void progress_line(struct progress *p, double now)
{
    double secs = now - p->t0;
    if (p->drawn)
        fputc('\n', stderr);
    p->drawn = 0;
    if (p->total > 0)
        fprintf(stderr, "vxts: %sed %llu of %llu bytes (%d%%) in %.1f s, %.0f MB/s\n", p->verb,
                (unsigned long long)p->done, (unsigned long long)p->total, (int)((double)p->done * 100 / (double)p->total),
                secs, secs > 0 ? (double)p->done / secs / 1e6 : 0.0);
    else
        fprintf(stderr, "vxts: %sed %llu bytes in %.1f s, %.0f MB/s\n", p->verb, (unsigned long long)p->done, secs,
                secs > 0 ? (double)p->done / secs / 1e6 : 0.0);
}

static void progress_add(struct progress *p, uint64_t bytes)
{
    double now;
    pthread_mutex_lock(&p->lock);
    p->done += bytes;
    now = now_seconds();
    if (cli_progress_asked) {
        cli_progress_asked = 0;
        progress_line(p, now);
    }
    if (p->bar && now - p->last >= 0.2)
        draw_bar(p, now, 0);
    pthread_mutex_unlock(&p->lock);
}

/* ---- the job ------------------------------------------------------------------- */

struct job {
    const struct cli_xfer *x;
    size_t chunk;
    uint64_t nchunks;      /* UINT64_MAX for a stream read to its end */
    uint64_t max_sector;   /* the last sector index whose IV fits in 64 bits */
    pthread_mutex_t read_lock; /* chunk numbers; reading a stream in order */
    uint64_t next_chunk;
    int in_eof;
    pthread_mutex_t write_lock; /* writing a stream in order */
    pthread_cond_t write_turn;
    uint64_t next_write;
    pthread_mutex_t fail_lock; /* the first failure prints the message */
    atomic_int failed;
    struct progress progress;
};

static void job_fail(struct job *j, const char *fmt, ...) CLI_PRINTF(2, 3);

/* The first failure prints its message; every worker then stops. */
static void job_fail(struct job *j, const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    pthread_mutex_lock(&j->fail_lock);
    if (!j->failed) {
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        pthread_mutex_lock(&j->progress.lock);
        if (j->progress.drawn)
            fputc('\n', stderr);
        j->progress.drawn = 0;
        j->progress.bar = 0;
        pthread_mutex_unlock(&j->progress.lock);
        cli_error("%s", msg);
    }
    atomic_store(&j->failed, 1);
    pthread_mutex_unlock(&j->fail_lock);
    pthread_mutex_lock(&j->write_lock);
    pthread_cond_broadcast(&j->write_turn);
    pthread_mutex_unlock(&j->write_lock);
}

/* Marks the job failed after a message printed elsewhere (the check_first hook). */
static void job_stop(struct job *j)
{
    atomic_store(&j->failed, 1);
    pthread_mutex_lock(&j->write_lock);
    pthread_cond_broadcast(&j->write_turn);
    pthread_mutex_unlock(&j->write_lock);
}

static int job_failed(struct job *j)
{
    return atomic_load(&j->failed);
}

/* Up to len bytes from a stream (fewer only at its end); -1 with errno. */
static ssize_t read_stream(struct job *j, uint8_t *buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(j->x->in_fd, buf + got, len - got);
        if (n < 0 && errno == EINTR) {
            if (cli_progress_asked)
                progress_add(&j->progress, 0);
            continue;
        }
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return (ssize_t)got;
}

/* Exactly len bytes at pos; 0, or -1 with errno (0 for an early end of file). */
static int pread_full(int fd, uint8_t *buf, size_t len, uint64_t pos)
{
    while (len > 0) {
        ssize_t n = pread(fd, buf, len, (off_t)pos);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            errno = 0;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
        pos += (uint64_t)n;
    }
    return 0;
}

/* All len bytes, at pos (pwrite) or in order (stream: pos < 0). */
static int write_full(int fd, const uint8_t *buf, size_t len, int stream, uint64_t pos)
{
    while (len > 0) {
        ssize_t n = stream ? write(fd, buf, len) : pwrite(fd, buf, len, (off_t)pos);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        buf += n;
        len -= (size_t)n;
        pos += (uint64_t)n;
    }
    return 0;
}

/* Takes the next chunk: its number and, for a stream, its bytes. 1: got one, 0: no more. */
static int take_chunk(struct job *j, uint8_t *buf, uint64_t *k, size_t *len)
{
    const struct cli_xfer *x = j->x;
    int got = 0;

    pthread_mutex_lock(&j->read_lock);
    if (job_failed(j) || j->in_eof || j->next_chunk >= j->nchunks)
        goto out;
    *k = j->next_chunk++;
    if (!x->in_stream) {
        uint64_t left = x->length - *k * j->chunk;
        *len = left < j->chunk ? (size_t)left : j->chunk;
        got = 1;
        goto out;
    }
    {
        size_t want = j->chunk;
        ssize_t n;
        if (x->length != CLI_XFER_TO_EOF) {
            uint64_t left = x->length - *k * j->chunk;
            want = left < j->chunk ? (size_t)left : j->chunk;
        }
        n = read_stream(j, buf, want);
        if (n < 0) {
            job_fail(j, "cannot read INPUT '%s': %s", x->in_name, strerror(errno));
            goto out;
        }
        *len = (size_t)n;
        if ((size_t)n < want) {
            j->in_eof = 1;
            if (x->length != CLI_XFER_TO_EOF) {
                job_fail(j, "INPUT '%s' ended after %llu bytes, before the %llu bytes of --size", x->in_name,
                         (unsigned long long)(*k * j->chunk + (size_t)n), (unsigned long long)x->length);
                goto out;
            }
            if (n % (ssize_t)x->sector_size != 0) {
                job_fail(j, "INPUT '%s' is not a whole number of %zu-byte sectors: %llu bytes after the offset",
                         x->in_name, x->sector_size, (unsigned long long)(*k * j->chunk + (size_t)n));
                goto out;
            }
        }
        got = n > 0;
    }
out:
    pthread_mutex_unlock(&j->read_lock);
    return got;
}

static void work_chunk(struct job *j, uint8_t *buf, uint64_t k, size_t len)
{
    const struct cli_xfer *x = j->x;
    uint64_t sector = k * (j->chunk / x->sector_size), last = sector + len / x->sector_size - 1;
    int status;

    if (!x->in_stream && pread_full(x->in_fd, buf, len, x->in_offset + k * j->chunk) != 0) {
        if (errno == 0)
            job_fail(j, "INPUT '%s' became shorter while it was read", x->in_name);
        else
            job_fail(j, "cannot read INPUT '%s': %s", x->in_name, strerror(errno));
        return;
    }
    if (k == 0 && x->check_first != NULL && x->check_first(buf, len, x->check_arg) != 0) {
        job_stop(j);
        return;
    }
    /* dm-crypt's sector counter must not wrap (checked here for streams of unknown length). */
    if (last > j->max_sector) {
        job_fail(j, "the IV of sector %llu would pass 2^64 - 1", (unsigned long long)last);
        return;
    }
    status = cli_transform(x->ctx, x->encrypt, buf, buf, len, x->sector_size, x->first_iv + sector * x->iv_step,
                           x->iv_step);
    if (status != VXTS_OK) {
        job_fail(j, "%s failed: %s", x->verb, vxts_strerror(status));
        return;
    }
    if (x->out_stream) {
        pthread_mutex_lock(&j->write_lock);
        while (j->next_write != k && !job_failed(j))
            pthread_cond_wait(&j->write_turn, &j->write_lock);
        if (job_failed(j)) {
            pthread_mutex_unlock(&j->write_lock);
            return;
        }
        if (write_full(x->out_fd, buf, len, 1, 0) != 0) {
            int e = errno;
            pthread_mutex_unlock(&j->write_lock);
            job_fail(j, "cannot write OUTPUT '%s': %s", x->out_name, strerror(e));
            return;
        }
        j->next_write++;
        pthread_cond_broadcast(&j->write_turn);
        pthread_mutex_unlock(&j->write_lock);
    } else if (write_full(x->out_fd, buf, len, 0, x->out_offset + k * j->chunk) != 0) {
        job_fail(j, "cannot write OUTPUT '%s': %s", x->out_name, strerror(errno));
        return;
    }
    progress_add(&j->progress, len);
}

static void *worker(void *arg)
{
    struct job *j = arg;
    uint8_t *buf = aligned_alloc(64, j->chunk);
    uint64_t k;
    size_t len;

    if (buf == NULL) {
        job_fail(j, "out of memory (a %zu-byte buffer)", j->chunk);
        return NULL;
    }
    while (take_chunk(j, buf, &k, &len)) {
        work_chunk(j, buf, k, len);
        if (job_failed(j))
            break;
    }
    cli_wipe(buf, j->chunk); /* it held plaintext */
    free(buf);
    return NULL;
}

static unsigned online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1u : n > (long)CLI_THREADS_MAX ? CLI_THREADS_MAX : (unsigned)n;
}

/* Drops the first `skip` bytes of a stream. */
static int skip_stream(struct job *j, uint64_t skip)
{
    uint8_t scratch[65536];
    while (skip > 0) {
        ssize_t n = read_stream(j, scratch, skip < sizeof scratch ? (size_t)skip : sizeof scratch);
        if (n < 0)
            return cli_fail("cannot read INPUT '%s': %s", j->x->in_name, strerror(errno));
        if (n == 0)
            return cli_fail("INPUT '%s' ended before the offset (%llu more bytes to skip)", j->x->in_name,
                            (unsigned long long)skip);
        skip -= (uint64_t)n;
    }
    return 0;
}

int cli_xfer_run(const struct cli_xfer *x, uint64_t *done)
{
    struct job j;
    pthread_t tids[CLI_THREADS_MAX];
    unsigned threads = x->threads != 0 ? x->threads : online_cpus(), started = 0, i;
    int rc = -1;

    *done = 0;
    memset(&j, 0, sizeof j);
    atomic_init(&j.failed, 0);
    j.x = x;
    j.chunk = x->chunk_bytes != 0 ? x->chunk_bytes : CLI_CHUNK_DEFAULT;
    if (x->sector_size < 512 || x->sector_size > 4096 || (x->sector_size & (x->sector_size - 1)) != 0 ||
        (x->iv_step != 1 && x->iv_step != x->sector_size / 512))
        return cli_fail("internal error: bad sector size %zu or IV step %llu", x->sector_size,
                        (unsigned long long)x->iv_step);
    if (j.chunk % x->sector_size != 0 || j.chunk > CLI_CHUNK_MAX)
        return cli_fail("chunk size %zu: must be a multiple of the sector size %zu, at most %zu", j.chunk,
                        x->sector_size, CLI_CHUNK_MAX);
    if (x->length != CLI_XFER_TO_EOF && x->length % x->sector_size != 0)
        return cli_fail("internal error: %llu bytes is not whole sectors", (unsigned long long)x->length);
    if (threads > CLI_THREADS_MAX)
        threads = CLI_THREADS_MAX;
    j.nchunks = x->length == CLI_XFER_TO_EOF ? UINT64_MAX : (x->length + j.chunk - 1) / j.chunk;
    if (j.nchunks < threads)
        threads = j.nchunks == 0 ? 1 : (unsigned)j.nchunks;
    j.max_sector = (UINT64_MAX - x->first_iv) / x->iv_step;

    pthread_mutex_init(&j.read_lock, NULL);
    pthread_mutex_init(&j.write_lock, NULL);
    pthread_cond_init(&j.write_turn, NULL);
    pthread_mutex_init(&j.fail_lock, NULL);
    pthread_mutex_init(&j.progress.lock, NULL);
    j.progress.bar = x->progress == CLI_PROGRESS_ON || (x->progress == CLI_PROGRESS_AUTO && isatty(STDERR_FILENO));
    j.progress.total = x->length == CLI_XFER_TO_EOF ? 0 : x->length;
    j.progress.verb = x->verb != NULL ? x->verb : "transform";
    j.progress.t0 = j.progress.last = now_seconds();

    if (x->in_stream && x->in_offset > 0 && skip_stream(&j, x->in_offset) != 0)
        goto out;

    /* The calling thread is one of the workers. */
    for (i = 1; i < threads; i++) {
        if (pthread_create(&tids[i], NULL, worker, &j) != 0)
            break;
        started++;
    }
    worker(&j);
    for (i = 1; i <= started; i++)
        pthread_join(tids[i], NULL);
    if (job_failed(&j))
        goto out;
    *done = j.progress.done;
    if (*done == 0) {
        cli_error("INPUT '%s' has no data after the offset", x->in_name);
        goto out;
    }
    if (j.progress.bar)
        draw_bar(&j.progress, now_seconds(), 1);
    rc = 0;
out:
    pthread_mutex_destroy(&j.read_lock);
    pthread_mutex_destroy(&j.write_lock);
    pthread_cond_destroy(&j.write_turn);
    pthread_mutex_destroy(&j.fail_lock);
    pthread_mutex_destroy(&j.progress.lock);
    return rc;
}
