/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts luks dump|decrypt|format: LUKS1/LUKS2 containers in userspace, without
 * device-mapper. The format code is in tools/luks_*.c; the data goes through the
 * CLI's data path (cli_xfer_run) and safe output (cli_output_*).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <vxts.h>

#include "cli.h"
#include "luks.h"

static const char USAGE[] =
    "Usage: vxts luks dump IMAGE\n"
    "       vxts luks decrypt [KEY] [--header FILE] [--key-slot N] [--threads N] [--progress|--quiet]\n"
    "                         IMAGE OUTPUT\n"
    "       vxts luks format  [KEY] [--type luks2|luks1] [--key-size 256|512] [--sector-size N]\n"
    "                         [--pbkdf argon2id|argon2i|pbkdf2] [--hash sha1|sha256|sha512]\n"
    "                         [--iter-time MS] [--pbkdf-force-iterations N] [--pbkdf-memory KIB]\n"
    "                         [--pbkdf-parallel N] [--threads N] [--progress|--quiet] INPUT OUTPUT\n"
    "KEY: --key-file FILE [--keyfile-offset N] [--keyfile-size N] | --volume-key-file FILE\n"
    "     | the passphrase: asked on the terminal, or the first line of standard input\n"
    "IMAGE, INPUT, OUTPUT: '-' is standard input/output (not for IMAGE).\n";

#define MAX_PASSPHRASE 512 /* cryptsetup's limit for a typed passphrase */

struct key_opts {
    const char *key_file, *volume_key_file;
    uint64_t keyfile_offset, keyfile_size;
    int keyfile_size_seen;
};

struct secret {
    uint8_t *buf;
    size_t cap, len;
};

/* Options shared by decrypt and format. */
#define KEY_OPTIONS(k)                                                                    \
    {"--key-file", 0, CLI_OPT_PATH, &(k).key_file, NULL},                                 \
    {"--keyfile-offset", 0, CLI_OPT_U64, &(k).keyfile_offset, NULL},                      \
    {"--keyfile-size", 0, CLI_OPT_U64, &(k).keyfile_size, &(k).keyfile_size_seen},        \
    {"--volume-key-file", 0, CLI_OPT_PATH, &(k).volume_key_file, NULL}
#define XFER_OPTIONS(xo)                                                                  \
    {"--threads", 0, CLI_OPT_U64, &(xo).threads, NULL},                                   \
    {"--progress", 0, CLI_OPT_FLAG, &(xo).progress, NULL},                                \
    {"--quiet", 'q', CLI_OPT_FLAG, &(xo).quiet, NULL}

/* ---- the image as a luks_source -------------------------------------------------------- */

static int fd_read(void *ctx, uint8_t *buf, size_t len, uint64_t offset)
{
    int fd = *(const int *)ctx;
    while (len > 0) {
        ssize_t n = pread(fd, buf, len, (off_t)offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        buf += n;
        len -= (size_t)n;
        offset += (uint64_t)n;
    }
    return 0;
}

static int open_image(struct cli_input *in, const char *role, const char *name)
{
    if (strcmp(name, "-") == 0)
        return cli_fail("luks: %s cannot be standard input (its header is read at several offsets)", role);
    if (cli_check_name(role, name) != 0 || cli_input_open(in, name) != 0)
        return -1;
    in->id.role = role;
    return 0;
}

/* ---- passphrases and keys -------------------------------------------------------------- */

/* Secrets live in static buffers registered once: cli_secrets_wipe() (at exit and on a fatal
   signal) wipes them, so they must outlive every command. */
static uint8_t g_pass[LUKS_MAX_PASS + 1], g_pass_again[MAX_PASSPHRASE], g_key[LUKS_MAX_KEY + 1];

static void secret_use(struct secret *s, uint8_t *buf, size_t cap)
{
    s->buf = buf;
    s->cap = cap;
    s->len = 0;
    cli_secret_add(buf, cap);
}

static void secret_free(struct secret *s)
{
    if (s->buf != NULL)
        cli_wipe(s->buf, s->len);
    s->len = 0;
}

/* One line from fd 0 (a terminal without echo, or the first line of a pipe or file). */
static int read_line(const char *prompt, struct secret *s)
{
    struct termios old, quiet;
    int tty = isatty(0), rc = 0;
    char c;
    s->len = 0;
    if (tty) {
        fputs(prompt, stderr);
        fflush(stderr);
        if (tcgetattr(0, &old) != 0)
            return cli_fail("luks: cannot read the terminal settings: %s", strerror(errno));
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        quiet.c_lflag |= ECHONL;
        (void)tcsetattr(0, TCSANOW, &quiet); /* not TCSAFLUSH: keep typed-ahead input */
    }
    for (;;) {
        ssize_t n = read(0, &c, 1); /* byte by byte: the rest of stdin may be INPUT */
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = cli_fail("luks: cannot read the passphrase: %s", strerror(errno));
            break;
        }
        if (n == 0 || c == '\n')
            break;
        if (s->len == MAX_PASSPHRASE) {
            rc = cli_fail("luks: passphrase longer than %d characters", MAX_PASSPHRASE);
            break;
        }
        s->buf[s->len++] = (uint8_t)c;
    }
    c = 0;
    if (tty)
        (void)tcsetattr(0, TCSANOW, &old);
    if (rc == 0 && s->len == 0)
        rc = cli_fail("luks: empty passphrase (none given on %s)", tty ? "the terminal" : "standard input");
    return rc;
}

/* --key-file -: standard input to its end, as cryptsetup reads it (skip bytes first). */
static int read_stdin_key(uint64_t skip, struct secret *s)
{
    uint8_t drop[512];
    s->len = 0;
    while (skip > 0 || s->len < s->cap) {
        size_t want = skip > 0 ? (skip < sizeof drop ? (size_t)skip : sizeof drop) : s->cap - s->len;
        ssize_t n = read(0, skip > 0 ? drop : s->buf + s->len, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return cli_fail("luks: cannot read the key file from standard input: %s", strerror(errno));
        if (n == 0)
            break;
        if (skip > 0)
            skip -= (uint64_t)n;
        else
            s->len += (size_t)n;
    }
    cli_wipe(drop, sizeof drop);
    return 0;
}

/* The passphrase: --key-file bytes (cryptsetup's rules: whole file, or offset/size), else typed. */
static int get_passphrase(const struct key_opts *k, int twice, const char *image, struct secret *s,
                          struct cli_file_id *key_id)
{
    size_t cap = k->keyfile_size_seen ? (size_t)k->keyfile_size : LUKS_MAX_PASS + 1;
    char prompt[300], esc[200];
    if (k->key_file != NULL) {
        if (k->keyfile_size_seen && (k->keyfile_size == 0 || k->keyfile_size > LUKS_MAX_PASS))
            return cli_fail("luks: --keyfile-size must be 1..%u", LUKS_MAX_PASS);
        secret_use(s, g_pass, cap);
        if (strcmp(k->key_file, "-") == 0) {
            if (read_stdin_key(k->keyfile_offset, s) != 0)
                return -1;
        } else if (cli_read_secret_file("key file", k->key_file, k->keyfile_offset, s->buf, cap, &s->len,
                                        key_id) != 0) {
            return -1;
        }
        if (k->keyfile_size_seen && s->len < cap)
            return cli_fail("luks: key file %s holds %zu bytes after offset %llu, fewer than --keyfile-size %llu",
                            cli_escape(esc, sizeof esc, k->key_file), s->len,
                            (unsigned long long)k->keyfile_offset, (unsigned long long)k->keyfile_size);
        if (s->len > LUKS_MAX_PASS)
            return cli_fail("luks: key file %s is larger than %u bytes (use --keyfile-size)",
                            cli_escape(esc, sizeof esc, k->key_file), LUKS_MAX_PASS);
        if (s->len == 0)
            return cli_fail("luks: key file %s is empty", cli_escape(esc, sizeof esc, k->key_file));
        return 0;
    }
    if (k->keyfile_offset != 0 || k->keyfile_size_seen)
        return cli_fail("luks: --keyfile-offset and --keyfile-size need --key-file");
    secret_use(s, g_pass, MAX_PASSPHRASE);
    snprintf(prompt, sizeof prompt, "Enter passphrase for %s: ", cli_escape(esc, sizeof esc, image));
    if (read_line(prompt, s) != 0)
        return -1;
    if (twice && isatty(0)) {
        struct secret again = {0};
        int same;
        secret_use(&again, g_pass_again, sizeof g_pass_again);
        if (read_line("Verify passphrase: ", &again) != 0) {
            secret_free(&again);
            return -1;
        }
        same = again.len == s->len && memcmp(again.buf, s->buf, s->len) == 0;
        secret_free(&again);
        if (!same)
            return cli_fail("luks: passphrases do not match");
    }
    return 0;
}

static int read_volume_key(const char *path, unsigned want, uint8_t *key, struct cli_file_id *id)
{
    size_t len = 0;
    char esc[200];
    if (cli_read_secret_file("volume key file", path, 0, key, LUKS_MAX_KEY + 1, &len, id) != 0)
        return -1;
    if (len != want) {
        cli_wipe(key, LUKS_MAX_KEY + 1);
        return cli_fail("luks: volume key file %s holds %zu bytes; this volume key has %u",
                        cli_escape(esc, sizeof esc, path), len, want);
    }
    return 0;
}

/* ---- common data-path options ---------------------------------------------------------- */

struct xfer_opts {
    uint64_t threads;
    int progress, quiet;
};

static int xfer_setup(const struct xfer_opts *o, struct cli_xfer *x)
{
    if (o->progress && o->quiet)
        return cli_fail("luks: --progress and --quiet exclude each other");
    if (o->threads > CLI_THREADS_MAX)
        return cli_fail("luks: --threads must be 0..%u", CLI_THREADS_MAX);
    x->threads = (unsigned)o->threads;
    x->progress = o->progress ? CLI_PROGRESS_ON : o->quiet ? CLI_PROGRESS_OFF : CLI_PROGRESS_AUTO;
    return 0;
}

/* The subcommand's options and exactly npos positionals: 0, or the exit status to return
   (help printed, or a usage error). */
static int parse_sub(int argc, char **argv, const struct cli_opt *opts, const char **pos, int npos,
                     const char *want, int *exit_status)
{
    int got = 0, rc = cli_parse(argc, argv, 2, opts, pos, npos, &got);
    if (rc == CLI_PARSE_HELP) {
        fputs(USAGE, stdout);
        *exit_status = CLI_EXIT_OK;
        return -1;
    }
    if (rc != 0 || got != npos) {
        if (rc == 0)
            cli_error("luks %s: want %s (see vxts luks --help)", argv[1], want);
        *exit_status = CLI_EXIT_USAGE;
        return -1;
    }
    return 0;
}

static int write_all_at(const struct cli_output *out, const uint8_t *buf, size_t len)
{
    uint64_t off = 0;
    if (len == 0)
        return 0;
    while (len > 0) {
        ssize_t n = out->stream ? write(out->fd, buf, len) : pwrite(out->fd, buf, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return cli_fail("luks: cannot write the header to OUTPUT: %s", n < 0 ? strerror(errno) : "short write");
        buf += n;
        len -= (size_t)n;
        off += (uint64_t)n;
    }
    return 0;
}

/* OUTPUT made safely (no name until complete) with the volume key in g_key (wiped here): prefix (the new header area, if any), then the
   data through the CLI's data path (plain64 IVs in 512-byte units from iv_tweak, as LUKS1 and
   LUKS2 count them); discarded on any failure. x holds the input side and the threads. */
static int write_output(const char *name, const struct cli_file_id *avoid, size_t navoid,
                        const uint8_t *prefix, size_t prefix_len, struct cli_xfer *x, unsigned key_bytes,
                        int encrypt, unsigned sector_size, uint64_t iv_tweak, const char *in_name)
{
    struct cli_output out;
    uint64_t done = 0;
    vxts_ctx ctx;
    int st = vxts_init(&ctx, g_key, key_bytes), rc = -1;
    cli_wipe(g_key, sizeof g_key);
    if (st != VXTS_OK)
        return cli_fail("luks: volume key: %s", vxts_strerror(st));
    if (cli_output_open(&out, name, avoid, navoid) != 0)
        goto out;
    x->ctx = &ctx;
    x->encrypt = encrypt;
    x->out_fd = out.fd;
    x->out_stream = out.stream;
    x->out_offset = prefix_len;
    x->sector_size = sector_size;
    x->first_iv = iv_tweak;
    x->iv_step = cli_iv_step(sector_size, 0);
    x->verb = encrypt ? "encrypt" : "decrypt";
    x->in_name = in_name;
    x->out_name = name;
    if (write_all_at(&out, prefix, prefix_len) != 0 || (x->length != 0 && cli_xfer_run(x, &done) != 0) ||
        cli_output_commit(&out, 1) != 0)
        cli_output_abort(&out);
    else
        rc = 0;
out:
    vxts_wipe(&ctx);
    return rc;
}

/* ---- dump ----------------------------------------------------------------------------------- */

static int luks_cmd_dump(int argc, char **argv)
{
    struct cli_opt opts[] = {{NULL, 0, CLI_OPT_FLAG, NULL, NULL}};
    const char *pos[1];
    int rc;
    struct cli_input in;
    struct luks_source src;
    struct luks_volume *v;
    if (parse_sub(argc, argv, opts, pos, 1, "IMAGE", &rc) != 0)
        return rc;
    if (open_image(&in, "IMAGE", pos[0]) != 0)
        return CLI_EXIT_FAIL;
    v = malloc(sizeof *v);
    src.read = fd_read;
    src.ctx = &in.fd;
    src.size = in.size;
    rc = v == NULL ? cli_fail("luks: out of memory") : luks_load(&src, v);
    if (rc == 0)
        luks_dump(v, pos[0]);
    free(v);
    cli_input_close(&in);
    return rc == 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
}

/* ---- decrypt -------------------------------------------------------------------------------- */

static int luks_cmd_decrypt(int argc, char **argv)
{
    struct key_opts k = {0};
    struct xfer_opts xo = {0};
    const char *header = NULL, *pos[2];
    uint64_t slot = 0;
    int slot_seen = 0, rc, opened = -1, st, ret = CLI_EXIT_FAIL;
    struct cli_opt opts[] = {
        KEY_OPTIONS(k),
        {"--header", 0, CLI_OPT_PATH, &header, NULL},
        {"--key-slot", 'S', CLI_OPT_U64, &slot, &slot_seen},
        XFER_OPTIONS(xo),
        {NULL, 0, CLI_OPT_FLAG, NULL, NULL}};
    struct cli_input img = {.fd = -1}, hdr = {.fd = -1};
    struct cli_file_id avoid[4];
    size_t navoid = 0;
    struct luks_source src;
    struct luks_volume *v = NULL;
    struct secret pass = {0};
    uint8_t *key = g_key;
    struct cli_xfer x;
    uint64_t data_size;

    if (parse_sub(argc, argv, opts, pos, 2, "IMAGE OUTPUT", &rc) != 0)
        return rc;
    if (k.key_file != NULL && k.volume_key_file != NULL) {
        cli_error("luks decrypt: --key-file and --volume-key-file exclude each other");
        return CLI_EXIT_USAGE;
    }
    if (slot_seen && slot >= LUKS_MAX_SLOTS) {
        cli_error("luks decrypt: --key-slot must be 0..%d", LUKS_MAX_SLOTS - 1);
        return CLI_EXIT_USAGE;
    }
    memset(&x, 0, sizeof x);
    if (cli_check_name("OUTPUT", pos[1]) != 0 || xfer_setup(&xo, &x) != 0)
        return CLI_EXIT_USAGE;
    cli_secret_add(g_key, sizeof g_key);
    if (open_image(&img, "IMAGE", pos[0]) != 0)
        goto out;
    avoid[navoid++] = img.id;
    if (header != NULL) {
        if (open_image(&hdr, "the header file", header) != 0)
            goto out;
        avoid[navoid++] = hdr.id;
    }
    v = calloc(1, sizeof *v);
    if (v == NULL) {
        cli_error("luks: out of memory");
        goto out;
    }
    src.read = fd_read;
    src.ctx = header != NULL ? &hdr.fd : &img.fd;
    src.size = header != NULL ? hdr.size : img.size;
    if (luks_load(&src, v) != 0)
        goto out;
    if (strcmp(v->cipher, "aes-xts-plain64") != 0 || (v->key_bytes != 32 && v->key_bytes != 64)) {
        cli_error("luks: unsupported data cipher %.64s with a %u-bit key (vxts decrypts aes-xts-plain64 "
                  "with 256- or 512-bit keys)", v->cipher, v->key_bytes * 8);
        goto out;
    }
    /* The data segment, from the header, checked against the image. */
    if (v->data_offset > img.size) {
        cli_error("luks: the data segment starts at byte %llu, past the end of IMAGE (%llu bytes): "
                  "truncated image, or a detached header (--header)?",
                  (unsigned long long)v->data_offset, (unsigned long long)img.size);
        goto out;
    }
    data_size = v->data_size_dynamic ? img.size - v->data_offset : v->data_size;
    if (!v->data_size_dynamic && data_size > img.size - v->data_offset) {
        cli_error("luks: the data segment (%llu bytes at %llu) extends past the end of IMAGE (%llu bytes)",
                  (unsigned long long)data_size, (unsigned long long)v->data_offset,
                  (unsigned long long)img.size);
        goto out;
    }
    if (data_size % v->sector_size != 0) {
        cli_error("luks: the data area (%llu bytes) is not a whole number of %u-byte sectors",
                  (unsigned long long)data_size, v->sector_size);
        goto out;
    }
    /* The volume key. */
    if (k.volume_key_file != NULL) {
        if (read_volume_key(k.volume_key_file, v->key_bytes, key, &avoid[navoid]) != 0)
            goto out;
        navoid++;
        if ((st = luks_key_matches(v, key, -1)) != 0) {
            if (st > 0)
                cli_error("luks: the volume key file does not match the volume key digest");
            goto out;
        }
    } else {
        struct cli_file_id kid = {0};
        if (get_passphrase(&k, 0, pos[0], &pass, &kid) != 0)
            goto out;
        if (kid.set)
            avoid[navoid++] = kid;
        if (luks_unlock(&src, v, slot_seen ? (int)slot : -1, pass.buf, pass.len, key, &opened) != 0)
            goto out;
        secret_free(&pass);
    }
    x.in_fd = img.fd;
    x.in_offset = v->data_offset;
    x.length = data_size;
    if (write_output(pos[1], avoid, navoid, NULL, 0, &x, v->key_bytes, 0, v->sector_size, v->iv_tweak, pos[0]) == 0)
        ret = CLI_EXIT_OK;
out:
    cli_wipe(g_key, sizeof g_key);
    secret_free(&pass);
    free(v);
    if (img.fd >= 0)
        cli_input_close(&img);
    if (hdr.fd >= 0)
        cli_input_close(&hdr);
    return ret;
}

/* ---- format --------------------------------------------------------------------------------- */

static long online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n;
}

/* cryptsetup's default Argon2 memory: 1 GiB, at most half the physical memory. */
static uint32_t default_memory_kib(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    uint64_t half_kib = pages > 0 && page > 0 ? (uint64_t)pages * (uint64_t)page / 2048 : 0;
    return half_kib != 0 && half_kib < (1u << 20) ? (uint32_t)half_kib : 1u << 20;
}

static int format_options(const char *type, const char *pbkdf, const char *hash, uint64_t key_size,
                          uint64_t sector, uint64_t iter_time, uint64_t force, int force_seen,
                          uint64_t memory, int memory_seen, uint64_t parallel, int parallel_seen,
                          struct luks_format_opts *o)
{
    memset(o, 0, sizeof *o);
    if (strcmp(type, "luks2") == 0)
        o->version = 2;
    else if (strcmp(type, "luks1") == 0)
        o->version = 1;
    else
        return cli_fail("luks format: --type must be luks2 or luks1");
    if (key_size != 256 && key_size != 512)
        return cli_fail("luks format: --key-size must be 256 or 512 (aes-xts-plain64)");
    o->key_bytes = (unsigned)key_size / 8;
    if (sector < 512 || sector > 4096 || (sector & (sector - 1)) != 0)
        return cli_fail("luks format: --sector-size must be 512, 1024, 2048 or 4096");
    if (o->version == 1 && sector != 512)
        return cli_fail("luks format: LUKS1 has 512-byte sectors only");
    o->sector_size = (unsigned)sector;
    if (pbkdf == NULL)
        pbkdf = o->version == 1 ? "pbkdf2" : "argon2id";
    if (strcmp(pbkdf, "pbkdf2") == 0)
        o->kdf.type = LUKS_KDF_PBKDF2;
    else if (strcmp(pbkdf, "argon2i") == 0)
        o->kdf.type = LUKS_KDF_ARGON2I;
    else if (strcmp(pbkdf, "argon2id") == 0)
        o->kdf.type = LUKS_KDF_ARGON2ID;
    else
        return cli_fail("luks format: --pbkdf must be argon2id, argon2i or pbkdf2");
    if (o->version == 1 && o->kdf.type != LUKS_KDF_PBKDF2)
        return cli_fail("luks format: LUKS1 keyslots use pbkdf2 only");
    if (luks_hash_size(hash) < 0)
        return cli_fail("luks format: --hash must be sha1, sha256 or sha512");
    snprintf(o->kdf.hash, sizeof o->kdf.hash, "%s", hash);
    if (iter_time == 0 || iter_time > 60000)
        return cli_fail("luks format: --iter-time must be 1..60000 ms");
    o->iter_time_ms = (uint32_t)iter_time;
    /* cryptsetup 2.6's limits (lib/utils_pbkdf.c). */
    if (force_seen) {
        uint64_t min = o->kdf.type == LUKS_KDF_PBKDF2 ? 1000 : 4;
        if (force < min || force > UINT32_MAX / 2)
            return cli_fail("luks format: --pbkdf-force-iterations must be %llu..%u for %s",
                            (unsigned long long)min, UINT32_MAX / 2, pbkdf);
        o->kdf.iterations = (uint32_t)force;
        o->force_iterations = 1;
    }
    if (o->kdf.type != LUKS_KDF_PBKDF2) {
        if (memory_seen && (memory < 32 || memory > LUKS_MAX_ARGON2_KIB))
            return cli_fail("luks format: --pbkdf-memory must be 32..%u KiB", LUKS_MAX_ARGON2_KIB);
        if (parallel_seen && (parallel < 1 || parallel > 4))
            return cli_fail("luks format: --pbkdf-parallel must be 1..4");
        o->kdf.memory_kib = memory_seen ? (uint32_t)memory : default_memory_kib();
        o->kdf.parallel = parallel_seen ? (uint32_t)parallel : (uint32_t)(online_cpus() < 4 ? online_cpus() : 4);
        if (o->kdf.memory_kib < 8 * o->kdf.parallel)
            return cli_fail("luks format: --pbkdf-memory must be at least 8 KiB per thread");
    } else if (memory_seen || parallel_seen) {
        return cli_fail("luks format: --pbkdf-memory and --pbkdf-parallel are for argon2");
    }
    return 0;
}

static int luks_cmd_format(int argc, char **argv)
{
    struct key_opts k = {0};
    struct xfer_opts xo = {0};
    const char *type = "luks2", *pbkdf = NULL, *hash = "sha256", *pos[2];
    uint64_t key_size = 512, sector = 512, iter_time = 2000, force = 0, memory = 0, parallel = 0;
    int force_seen = 0, memory_seen = 0, parallel_seen = 0, rc, ret = CLI_EXIT_FAIL;
    struct cli_opt opts[] = {
        KEY_OPTIONS(k),
        {"--type", 0, CLI_OPT_STRING, &type, NULL},
        {"--key-size", 's', CLI_OPT_U64, &key_size, NULL},
        {"--sector-size", 0, CLI_OPT_U64, &sector, NULL},
        {"--pbkdf", 0, CLI_OPT_STRING, &pbkdf, NULL},
        {"--hash", 0, CLI_OPT_STRING, &hash, NULL},
        {"--iter-time", 'i', CLI_OPT_U64, &iter_time, NULL},
        {"--pbkdf-force-iterations", 0, CLI_OPT_U64, &force, &force_seen},
        {"--pbkdf-memory", 0, CLI_OPT_U64, &memory, &memory_seen},
        {"--pbkdf-parallel", 0, CLI_OPT_U64, &parallel, &parallel_seen},
        XFER_OPTIONS(xo),
        {NULL, 0, CLI_OPT_FLAG, NULL, NULL}};
    struct luks_format_opts fo;
    struct cli_input in = {.fd = -1};
    struct cli_file_id avoid[3];
    size_t navoid = 0, area_len = 0;
    struct secret pass = {0};
    struct luks_volume *v = NULL;
    uint8_t *key = g_key, *area = NULL;
    struct cli_xfer x;

    if (parse_sub(argc, argv, opts, pos, 2, "INPUT OUTPUT", &rc) != 0)
        return rc;
    memset(&x, 0, sizeof x);
    if (k.key_file != NULL && k.keyfile_offset == 0 && !k.keyfile_size_seen && k.volume_key_file != NULL &&
        strcmp(k.key_file, k.volume_key_file) == 0) {
        cli_error("luks format: the key file and the volume key file are the same");
        return CLI_EXIT_USAGE;
    }
    if (format_options(type, pbkdf, hash, key_size, sector, iter_time, force, force_seen, memory,
                       memory_seen, parallel, parallel_seen, &fo) != 0 ||
        cli_check_name("INPUT", pos[0]) != 0 || cli_check_name("OUTPUT", pos[1]) != 0 ||
        xfer_setup(&xo, &x) != 0)
        return CLI_EXIT_USAGE;
    if (strcmp(pos[0], "-") == 0 && k.key_file != NULL && strcmp(k.key_file, "-") == 0) {
        cli_error("luks format: --key-file - and INPUT - cannot both be standard input");
        return CLI_EXIT_USAGE;
    }
    cli_secret_add(g_key, sizeof g_key);
    if (cli_input_open(&in, pos[0]) != 0)
        goto out;
    in.id.role = "INPUT";
    avoid[navoid++] = in.id;
    if (!in.stream && in.size % fo.sector_size != 0) {
        cli_error("luks format: INPUT has %llu bytes, not a whole number of %u-byte sectors",
                  (unsigned long long)in.size, fo.sector_size);
        goto out;
    }
    if (k.volume_key_file != NULL) {
        if (read_volume_key(k.volume_key_file, fo.key_bytes, key, &avoid[navoid]) != 0)
            goto out;
        navoid++;
    } else if (luks_random(key, fo.key_bytes) != 0) {
        goto out;
    }
    {
        struct cli_file_id kid = {0};
        if (get_passphrase(&k, 1, pos[1], &pass, &kid) != 0)
            goto out;
        if (kid.set)
            avoid[navoid++] = kid;
    }
    v = calloc(1, sizeof *v);
    if (v == NULL) {
        cli_error("luks: out of memory");
        goto out;
    }
    if (luks_format_header(&fo, key, pass.buf, pass.len, &area, &area_len, v) != 0)
        goto out;
    secret_free(&pass);
    x.in_fd = in.fd;
    x.in_stream = in.stream;
    x.length = in.stream ? CLI_XFER_TO_EOF : in.size;
    if (write_output(pos[1], avoid, navoid, area, area_len, &x, fo.key_bytes, 1, v->sector_size, v->iv_tweak,
                     pos[0]) == 0)
        ret = CLI_EXIT_OK;
out:
    cli_wipe(g_key, sizeof g_key);
    secret_free(&pass);
    if (area != NULL) {
        cli_wipe(area, area_len);
        free(area);
    }
    free(v);
    if (in.fd >= 0)
        cli_input_close(&in);
    return ret;
}

int cmd_luks(int argc, char **argv)
{
    if (argc < 2) {
        cli_error("luks: want a subcommand: dump, decrypt or format (see vxts luks --help)");
        return CLI_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(USAGE, stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(argv[1], "dump") == 0)
        return luks_cmd_dump(argc, argv);
    if (strcmp(argv[1], "decrypt") == 0)
        return luks_cmd_decrypt(argc, argv);
    if (strcmp(argv[1], "format") == 0)
        return luks_cmd_format(argc, argv);
    {
        char esc[64];
        cli_error("luks: unknown subcommand '%s' (dump, decrypt, format)", cli_escape(esc, sizeof esc, argv[1]));
    }
    return CLI_EXIT_USAGE;
}
