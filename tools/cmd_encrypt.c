/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts encrypt / decrypt — plain dm-crypt sectors (cryptsetup --type plain
 * -c aes-xts-plain64) from INPUT to OUTPUT, on every core.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "sector_plan.h"

static const char usage_text[] =
    "Usage: vxts encrypt|decrypt --key-file FILE [options] INPUT OUTPUT\n"
    "\n"
    "AES-XTS sector encryption of a file, byte-identical to what Linux dm-crypt\n"
    "reads and writes with cryptsetup's plain mode and -c aes-xts-plain64.\n"
    "INPUT or OUTPUT '-' is standard input or output.\n"
    "\n"
    "Options:\n"
    "  --key-file FILE     the raw key: exactly 32 bytes (AES-128-XTS) or\n"
    "                      64 bytes (AES-256-XTS), Key1 then Key2\n"
    "  --sector-size N     encryption sector size in bytes: 512 (default), 1024,\n"
    "                      2048 or 4096\n"
    "  --offset N          N 512-byte sectors at the start of INPUT come before the\n"
    "                      encrypted area; they are not copied to OUTPUT\n"
    "  --size N            the area is N 512-byte sectors (default: up to the end\n"
    "                      of INPUT; 0 means the same)\n"
    "  --skip N            IV offset in 512-byte sectors (default 0); dm-crypt\n"
    "                      requires a multiple of sector-size/512\n"
    "  --iv-large-sectors  count IVs in sector-size units instead of 512 bytes\n"
    "  --threads N         worker threads (default, or 0: the online CPUs)\n"
    "  --chunk-size N      bytes each thread takes at a time (default 1 MiB; a\n"
    "                      multiple of the sector size, at most 64 MiB)\n"
    "  --progress          show the progress bar even when stderr is not a terminal\n"
    "  -q, --quiet         no progress bar\n"
    "  --no-fsync          do not wait for OUTPUT to reach the disk\n"
    "  --backend ID        use this backend, not the fastest (see vxts backends)\n"
    "  -v, --verbose       print the size, backend and speed when done\n"
    "\n"
    "Sector k of the area (sector size S) gets the IV skip + k*S/512, or with\n"
    "--iv-large-sectors skip/(S/512) + k (dm-crypt plain64). The area must be a\n"
    "whole number of sectors. INPUT is only read. OUTPUT gets no name until it is\n"
    "complete and synced (mode 0600); on any failure or signal no file is left.\n"
    "An INPUT that starts with a LUKS header is refused without --offset: use\n"
    "vxts luks. SIGUSR1 prints one progress line.\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage error.\n";

static const uint8_t luks_magic[6] = {'L', 'U', 'K', 'S', 0xba, 0xbe};

struct crypt_args {
    int encrypt;
    const char *verb;
    const char *key_file, *backend, *input, *output;
    uint64_t sector_size, offset, size, skip, threads, chunk;
    int offset_seen, iv_large, verbose, progress, quiet, no_fsync;
};

/* Secrets live in static storage so that the fatal-signal handler can wipe them. */
static vxts_ctx g_ctx;
static uint8_t g_key[VXTS_KEY_BYTES_256 + 1]; /* one spare byte detects over-long key files */

static int refuse_luks(const uint8_t *buf, size_t len, void *arg)
{
    const struct crypt_args *a = arg;
    if (len >= sizeof luks_magic && memcmp(buf, luks_magic, sizeof luks_magic) == 0)
        return cli_fail("INPUT '%s' starts with a LUKS header: use 'vxts luks %s' (or give --offset to treat "
                        "it as plain sectors)", a->input, a->encrypt ? "format" : "decrypt");
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The key file into g_ctx; the raw key is wiped at once. */
static int load_key(const struct crypt_args *a, struct cli_file_id *key_id)
{
    size_t len = 0;
    int status;

    if (cli_read_secret_file("key file", a->key_file, 0, g_key, sizeof g_key, &len, key_id) != 0)
        return -1;
    if (len > VXTS_KEY_BYTES_256) {
        cli_wipe(g_key, sizeof g_key);
        return cli_fail("wrong key size: key file '%s' is longer than 64 bytes; it must hold exactly "
                        "32 (AES-128-XTS) or 64 (AES-256-XTS) raw bytes", a->key_file);
    }
    if (len != VXTS_KEY_BYTES_128 && len != VXTS_KEY_BYTES_256) {
        cli_wipe(g_key, sizeof g_key);
        return cli_fail("wrong key size: key file '%s' holds %zu bytes; it must hold exactly "
                        "32 (AES-128-XTS) or 64 (AES-256-XTS) raw bytes", a->key_file, len);
    }
    status = a->backend != NULL ? vxts_init_backend(&g_ctx, g_key, len, a->backend) : vxts_init(&g_ctx, g_key, len);
    cli_wipe(g_key, sizeof g_key); /* the context holds the schedules */
    if (status == VXTS_ERR_WEAK_KEY)
        return cli_fail("key file '%s': its two halves are equal (Key1 == Key2), which XTS forbids", a->key_file);
    if (status != VXTS_OK)
        return cli_fail("key setup failed: %s", vxts_strerror(status));
    return 0;
}

/* The area of INPUT and its IVs (sector_plan_make, proved) into x. */
static int plan_area(const struct crypt_args *a, const struct cli_input *in, struct cli_xfer *x)
{
    struct sector_run plan;
    uint64_t size_bytes = a->size * SECTOR_PLAN_DM_SECTOR, in_size = in->size, unit = a->sector_size / 512;

    if (a->size > UINT64_MAX / SECTOR_PLAN_DM_SECTOR)
        return cli_fail("--size %llu: too large", (unsigned long long)a->size);
    if (in->stream) {
        /* The offset is read and dropped by the data path; the plan covers the area only. */
        x->in_offset = a->offset * SECTOR_PLAN_DM_SECTOR;
        if (a->offset > (uint64_t)INT64_MAX / SECTOR_PLAN_DM_SECTOR)
            return cli_fail("--offset %llu: too large", (unsigned long long)a->offset);
        if (a->size == 0) {
            x->length = CLI_XFER_TO_EOF;
            x->first_iv = a->iv_large ? a->skip / unit : a->skip;
            x->iv_step = cli_iv_step((size_t)a->sector_size, a->iv_large);
            return 0;
        }
        in_size = size_bytes;
    } else if (a->size != 0) {
        /* --size must fit after the offset; the plan then ends the area there. */
        if (a->offset <= (uint64_t)INT64_MAX / SECTOR_PLAN_DM_SECTOR &&
            a->offset * SECTOR_PLAN_DM_SECTOR <= in->size) {
            if (size_bytes > in->size - a->offset * SECTOR_PLAN_DM_SECTOR)
                return cli_fail("--size %llu (512-byte sectors) is beyond the end of INPUT '%s' (%llu bytes after "
                                "the offset)", (unsigned long long)a->size, a->input,
                                (unsigned long long)(in->size - a->offset * SECTOR_PLAN_DM_SECTOR));
            in_size = a->offset * SECTOR_PLAN_DM_SECTOR + size_bytes;
        }
    }
    switch (sector_plan_make(&plan, in_size, in->stream ? 0 : a->offset, a->skip, a->sector_size, a->iv_large)) {
    case SECTOR_PLAN_OK:
        break;
    case SECTOR_PLAN_ERR_OFFSET:
        return cli_fail("--offset %llu (512-byte sectors) is beyond the end of INPUT '%s' (%llu bytes)",
                        (unsigned long long)a->offset, a->input, (unsigned long long)in->size);
    case SECTOR_PLAN_ERR_EMPTY:
        return cli_fail("INPUT '%s' has no data after the offset (%llu bytes)", a->input, (unsigned long long)in->size);
    case SECTOR_PLAN_ERR_PARTIAL:
        if (a->size != 0)
            return cli_fail("--size %llu (512-byte sectors) is not a whole number of %llu-byte sectors",
                            (unsigned long long)a->size, (unsigned long long)a->sector_size);
        return cli_fail("INPUT '%s' is not a whole number of %llu-byte sectors: %llu bytes after the offset",
                        a->input, (unsigned long long)a->sector_size,
                        (unsigned long long)(in->size - a->offset * SECTOR_PLAN_DM_SECTOR));
    default: /* SECTOR_PLAN_ERR_IV_WRAP: dm-crypt's sector counter (skip + k * unit) would wrap */
        return cli_fail("--skip %llu: the IV of the last sector would pass 2^64 - 1", (unsigned long long)a->skip);
    }
    if (!in->stream)
        x->in_offset = plan.start;
    x->length = plan.bytes;
    x->first_iv = plan.first_iv;
    x->iv_step = plan.iv_step;
    return 0;
}

static int run_crypt(const struct crypt_args *a, int *usage)
{
    struct cli_input in;
    struct cli_output out;
    struct cli_file_id avoid[2];
    struct cli_xfer x;
    uint64_t done = 0;
    double t0 = now_seconds();
    int rc = -1;

    in.fd = -1;
    out.fd = -1;
    out.stream = 1; /* nothing to abort until cli_output_open */
    if (cli_check_backend(a->backend, usage) != 0)
        return -1;
    if (load_key(a, &avoid[1]) != 0)
        return -1;
    if (cli_input_open(&in, a->input) != 0)
        goto out;
    avoid[0] = in.id;

    memset(&x, 0, sizeof x);
    if (plan_area(a, &in, &x) != 0)
        goto out;
    /* A LUKS image read as plain sectors would give garbage without a word: refuse it. */
    if (!a->offset_seen) {
        if (in.stream) {
            x.check_first = refuse_luks;
            x.check_arg = (void *)a;
        } else {
            uint8_t head[sizeof luks_magic];
            ssize_t n = pread(in.fd, head, sizeof head, 0);
            if (n > 0 && refuse_luks(head, (size_t)n, (void *)a) != 0)
                goto out;
        }
    }
    if (cli_output_open(&out, a->output, avoid, 2) != 0)
        goto out;

    x.ctx = &g_ctx;
    x.encrypt = a->encrypt;
    x.in_fd = in.fd;
    x.in_stream = in.stream;
    x.out_fd = out.fd;
    x.out_stream = out.stream;
    x.out_offset = 0;
    x.sector_size = (size_t)a->sector_size;
    x.threads = (unsigned)a->threads;
    x.chunk_bytes = (size_t)a->chunk;
    x.progress = a->quiet ? CLI_PROGRESS_OFF : a->progress ? CLI_PROGRESS_ON : CLI_PROGRESS_AUTO;
    x.verb = a->verb;
    x.in_name = a->input;
    x.out_name = a->output;
    if (cli_xfer_run(&x, &done) != 0)
        goto out;
    if (cli_output_commit(&out, !a->no_fsync) != 0)
        goto out;
    rc = 0;

    if (a->verbose) {
        double secs = now_seconds() - t0;
        uint64_t nsec = done / x.sector_size;
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        /* Beside data on standard output the summary goes to stderr. */
        fprintf(out.stream ? stderr : stdout,
                "%sed %llu bytes (%llu sectors of %zu bytes, IVs %llu..%llu step %llu) with backend %s: "
                "%u threads, %.3f s, %.0f MB/s\n",
                a->verb, (unsigned long long)done, (unsigned long long)nsec, x.sector_size,
                (unsigned long long)x.first_iv, (unsigned long long)(x.first_iv + (nsec - 1) * x.iv_step),
                (unsigned long long)x.iv_step, vxts_backend_name(&g_ctx),
                a->threads != 0 ? (unsigned)a->threads : cpus > 0 ? (unsigned)cpus : 1u, secs,
                secs > 0 ? (double)done / secs / 1e6 : 0.0);
    }
out:
    if (rc != 0)
        cli_output_abort(&out);
    cli_input_close(&in);
    cli_secrets_wipe();
    return rc;
}

int cmd_encrypt(int argc, char **argv)
{
    struct crypt_args a;
    const char *pos[2];
    int npos = 0, usage = 0, rc;
    const struct cli_opt opts[] = {
        {"--key-file", 0, CLI_OPT_PATH, &a.key_file, NULL},
        {"--sector-size", 0, CLI_OPT_U64, &a.sector_size, NULL},
        {"--offset", 0, CLI_OPT_U64, &a.offset, &a.offset_seen},
        {"--size", 0, CLI_OPT_U64, &a.size, NULL},
        {"--skip", 0, CLI_OPT_U64, &a.skip, NULL},
        {"--iv-large-sectors", 0, CLI_OPT_FLAG, &a.iv_large, NULL},
        {"--threads", 0, CLI_OPT_U64, &a.threads, NULL},
        {"--chunk-size", 0, CLI_OPT_U64, &a.chunk, NULL},
        {"--progress", 0, CLI_OPT_FLAG, &a.progress, NULL},
        {"--quiet", 'q', CLI_OPT_FLAG, &a.quiet, NULL},
        {"--no-fsync", 0, CLI_OPT_FLAG, &a.no_fsync, NULL},
        {"--backend", 0, CLI_OPT_STRING, &a.backend, NULL},
        {"--verbose", 'v', CLI_OPT_FLAG, &a.verbose, NULL},
        {NULL, 0, CLI_OPT_FLAG, NULL, NULL},
    };

    memset(&a, 0, sizeof a);
    a.encrypt = strcmp(argv[0], "encrypt") == 0;
    a.verb = a.encrypt ? "encrypt" : "decrypt";
    a.sector_size = SECTOR_PLAN_DM_SECTOR;
    rc = cli_parse(argc, argv, 1, opts, pos, 2, &npos);
    if (rc == CLI_PARSE_HELP) {
        fputs(usage_text, stdout);
        return CLI_EXIT_OK;
    }
    if (rc != 0)
        return CLI_EXIT_USAGE;
    if (npos < 2) {
        cli_error("%s needs INPUT and OUTPUT (see vxts %s --help)", a.verb, a.verb);
        return CLI_EXIT_USAGE;
    }
    a.input = pos[0];
    a.output = pos[1];
    if (cli_check_name("INPUT", a.input) != 0 || cli_check_name("OUTPUT", a.output) != 0)
        return CLI_EXIT_USAGE;
    if (a.key_file == NULL) {
        cli_error("%s needs --key-file FILE (see vxts %s --help)", a.verb, a.verb);
        return CLI_EXIT_USAGE;
    }
    if (a.sector_size < 512 || a.sector_size > 4096 || (a.sector_size & (a.sector_size - 1)) != 0) {
        cli_error("--sector-size %llu: must be 512, 1024, 2048 or 4096", (unsigned long long)a.sector_size);
        return CLI_EXIT_USAGE;
    }
    /* dm-crypt refuses an iv_offset that is not a whole number of encryption sectors. */
    if (a.skip % (a.sector_size / SECTOR_PLAN_DM_SECTOR) != 0) {
        cli_error("--skip %llu: must be a multiple of %llu (sector size %llu / 512), as dm-crypt requires",
                  (unsigned long long)a.skip, (unsigned long long)(a.sector_size / SECTOR_PLAN_DM_SECTOR),
                  (unsigned long long)a.sector_size);
        return CLI_EXIT_USAGE;
    }
    if (a.threads > CLI_THREADS_MAX) {
        cli_error("--threads %llu: at most %u", (unsigned long long)a.threads, CLI_THREADS_MAX);
        return CLI_EXIT_USAGE;
    }
    if (a.chunk != 0 && (a.chunk % a.sector_size != 0 || a.chunk > CLI_CHUNK_MAX)) {
        cli_error("--chunk-size %llu: must be a multiple of the sector size (%llu), at most %zu",
                  (unsigned long long)a.chunk, (unsigned long long)a.sector_size, CLI_CHUNK_MAX);
        return CLI_EXIT_USAGE;
    }
    if (a.progress && a.quiet) {
        cli_error("--progress and --quiet contradict each other");
        return CLI_EXIT_USAGE;
    }
    cli_secret_add(&g_ctx, sizeof g_ctx);
    cli_secret_add(g_key, sizeof g_key);
    if (run_crypt(&a, &usage) != 0)
        return usage ? CLI_EXIT_USAGE : CLI_EXIT_FAIL;
    return CLI_EXIT_OK;
}
