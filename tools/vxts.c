/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts — command-line AES-XTS sector encryption of files, byte-identical to
 * Linux dm-crypt with cryptsetup's plain mode and -c aes-xts-plain64.
 *
 *   vxts encrypt|decrypt --key-file FILE [options] INPUT OUTPUT
 *   vxts selftest | backends | --help | --version
 *
 * Exit status: 0 success, 1 failure, 2 usage error. Every error is one line
 * on stderr starting with "vxts: ".
 */
/* POSIX.1-2008 with XSI (realpath, mkstemp, mlock); nothing GNU-specific. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "vxts.h"
#include "sector_plan.h"

#define EXIT_FAIL 1
#define EXIT_USAGE 2

/* dm-crypt counts offsets and IVs in 512-byte sectors whatever the encryption sector size. */
#define DM_SECTOR 512u
#define MIN_SECTOR_SIZE 512u
#define MAX_SECTOR_SIZE 4096u
/* Large enough to amortise the per-call and system-call costs; only one such buffer. */
#define CHUNK_BYTES ((size_t)4 << 20)

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* ---- secrets and cleanup (also reached from the signal handler) --------- */

static vxts_ctx g_ctx;
static uint8_t g_key[VXTS_KEY_BYTES_256 + 1]; /* one spare byte detects over-long key files */
static char g_tmp_path[PATH_MAX];
static volatile sig_atomic_t g_tmp_active;

/* Async-signal-safe and not removable by the optimiser. */
static void wipe(void *p, size_t n)
{
    volatile uint8_t *v = (volatile uint8_t *)p;
    while (n--)
        *v++ = 0;
}

/* memset through a volatile pointer: fast for the big data buffer, not dropped as a dead store. */
static void *(*const volatile memset_kept)(void *, int, size_t) = memset;

static void wipe_secrets(void)
{
    vxts_wipe(&g_ctx);
    wipe(g_key, sizeof g_key);
}

static void remove_tmp(void)
{
    if (g_tmp_active) {
        unlink(g_tmp_path);
        g_tmp_active = 0;
    }
}

static void on_fatal_signal(int sig)
{
    remove_tmp();
    wipe_secrets();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_signal_handlers(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
    struct sigaction sa;
    size_t i;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
    /* Past a file-size limit write() then fails with EFBIG and the normal error path cleans up. */
    signal(SIGXFSZ, SIG_IGN);
}

/* ---- messages -------------------------------------------------------------- */

#if defined(__GNUC__) || defined(__clang__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static void error_line(const char *fmt, ...) PRINTF_LIKE(1, 2);

static void error_line(const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* One line, whatever a file name holds. */
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = '?';
    fprintf(stderr, "vxts: %s\n", msg);
}

static const char usage_text[] =
    "Usage: vxts encrypt|decrypt --key-file FILE [options] INPUT OUTPUT\n"
    "       vxts selftest | backends | --help | --version\n"
    "\n"
    "AES-XTS sector encryption of a file, byte-identical to what Linux dm-crypt\n"
    "reads and writes with cryptsetup's plain mode and -c aes-xts-plain64.\n"
    "\n"
    "Options of encrypt and decrypt:\n"
    "  --key-file FILE     the raw key: exactly 32 bytes (AES-128-XTS) or\n"
    "                      64 bytes (AES-256-XTS), Key1 then Key2\n"
    "  --sector-size N     encryption sector size in bytes: 512 (default), 1024,\n"
    "                      2048 or 4096\n"
    "  --offset N          N 512-byte sectors at the start of INPUT come before the\n"
    "                      encrypted area; they are not copied to OUTPUT\n"
    "  --skip N            IV offset in 512-byte sectors (default 0); dm-crypt\n"
    "                      requires a multiple of sector-size/512\n"
    "  --iv-large-sectors  count IVs in sector-size units instead of 512 bytes\n"
    "  --backend ID        use this backend, not the fastest (see vxts backends)\n"
    "  -v, --verbose       print the size, backend and speed on stdout when done\n"
    "\n"
    "Sector k of the area (sector size S) gets the IV skip + k*S/512, or with\n"
    "--iv-large-sectors skip/(S/512) + k (dm-crypt plain64). The area (INPUT after\n"
    "the offset) must be a whole number of sectors. INPUT is only read. OUTPUT is\n"
    "written to a temporary file beside it (mode 0600) and renamed into place only\n"
    "on success.\n"
    "\n"
    "Commands:\n"
    "  selftest            known-answer tests (IEEE 1619) on every usable backend\n"
    "  backends            the compiled-in backends, which are usable, the default\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage error.\n";

/* ---- options ------------------------------------------------------------------ */

struct options {
    int encrypt;
    const char *key_file;
    uint64_t sector_size;
    uint64_t offset;
    uint64_t skip;
    int iv_large;
    const char *backend;
    int verbose;
    const char *input;
    const char *output;
};

/* A non-negative decimal number that fits in 64 bits; nothing else. */
static int parse_u64(const char *opt, const char *s, uint64_t *value)
{
    uint64_t v = 0;
    const char *p = s;

    if (*p == '\0') {
        error_line("%s: empty value (see vxts --help)", opt);
        return -1;
    }
    for (; *p; p++) {
        unsigned d;
        if (*p < '0' || *p > '9') {
            error_line("%s: '%s' is not a non-negative decimal number", opt, s);
            return -1;
        }
        d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10) {
            error_line("%s: '%s' is too large (the limit is 2^64 - 1)", opt, s);
            return -1;
        }
        v = v * 10 + d;
    }
    *value = v;
    return 0;
}

/* Fills o from argv[first..argc); 0 or EXIT_USAGE (message printed). */
static int parse_crypt_args(int argc, char **argv, int first, struct options *o)
{
    const char *positional[2];
    int npos = 0, i, options_done = 0;

    o->sector_size = DM_SECTOR;
    for (i = first; i < argc; i++) {
        const char *arg = argv[i], *value = NULL, *eq;
        char name[32];
        size_t name_len;
        int takes_value;

        if (options_done || arg[0] != '-' || arg[1] == '\0') {
            if (npos == 2) {
                error_line("too many arguments: '%s' (expected INPUT OUTPUT)", arg);
                return EXIT_USAGE;
            }
            positional[npos++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            options_done = 1;
            continue;
        }
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage_text, stdout);
            exit(0);
        }
        if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) {
            o->verbose = 1;
            continue;
        }
        if (strcmp(arg, "--iv-large-sectors") == 0) {
            o->iv_large = 1;
            continue;
        }
        /* --name VALUE or --name=VALUE */
        eq = strchr(arg, '=');
        name_len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
        if (name_len >= sizeof name) {
            error_line("unknown option '%s' (see vxts --help)", arg);
            return EXIT_USAGE;
        }
        memcpy(name, arg, name_len);
        name[name_len] = '\0';
        takes_value = strcmp(name, "--key-file") == 0 || strcmp(name, "--sector-size") == 0 ||
                      strcmp(name, "--offset") == 0 || strcmp(name, "--skip") == 0 ||
                      strcmp(name, "--backend") == 0;
        if (!takes_value) {
            error_line("unknown option '%s' (see vxts --help)", arg);
            return EXIT_USAGE;
        }
        if (eq != NULL) {
            value = eq + 1;
        } else {
            if (i + 1 >= argc) {
                error_line("option %s needs a value (see vxts --help)", name);
                return EXIT_USAGE;
            }
            value = argv[++i];
        }
        if (strcmp(name, "--key-file") == 0) {
            if (*value == '\0') {
                error_line("--key-file: empty file name");
                return EXIT_USAGE;
            }
            o->key_file = value;
        } else if (strcmp(name, "--backend") == 0) {
            o->backend = value;
        } else if (strcmp(name, "--sector-size") == 0) {
            if (parse_u64(name, value, &o->sector_size) != 0)
                return EXIT_USAGE;
        } else if (strcmp(name, "--offset") == 0) {
            if (parse_u64(name, value, &o->offset) != 0)
                return EXIT_USAGE;
        } else if (parse_u64(name, value, &o->skip) != 0) {
            return EXIT_USAGE;
        }
    }

    if (npos < 2) {
        error_line("%s needs INPUT and OUTPUT (see vxts --help)", o->encrypt ? "encrypt" : "decrypt");
        return EXIT_USAGE;
    }
    o->input = positional[0];
    o->output = positional[1];
    if (o->key_file == NULL) {
        error_line("%s needs --key-file FILE (see vxts --help)", o->encrypt ? "encrypt" : "decrypt");
        return EXIT_USAGE;
    }
    if (o->sector_size < MIN_SECTOR_SIZE || o->sector_size > MAX_SECTOR_SIZE ||
        (o->sector_size & (o->sector_size - 1)) != 0) {
        error_line("--sector-size %llu: must be 512, 1024, 2048 or 4096",
                   (unsigned long long)o->sector_size);
        return EXIT_USAGE;
    }
    /* dm-crypt refuses an iv_offset that is not a whole number of encryption sectors. */
    if (o->skip % (o->sector_size / DM_SECTOR) != 0) {
        error_line("--skip %llu: must be a multiple of %llu (sector size %llu / 512), as dm-crypt requires",
                   (unsigned long long)o->skip, (unsigned long long)(o->sector_size / DM_SECTOR),
                   (unsigned long long)o->sector_size);
        return EXIT_USAGE;
    }
    return 0;
}

/* ---- backends ------------------------------------------------------------------ */

static int backend_compiled_in(const char *id)
{
    size_t i;
    const char *b;
    for (i = 0; (b = vxts_backend_id(i)) != NULL; i++)
        if (strcmp(b, id) == 0)
            return 1;
    return 0;
}

/* "a b c" of the compiled-in (usable_only = 0) or usable (1) backends. */
static void backend_list(char *out, size_t size, int usable_only)
{
    size_t i, used = 0;
    const char *b;
    out[0] = '\0';
    for (i = 0; (b = vxts_backend_id(i)) != NULL; i++) {
        int n;
        if (usable_only && vxts_backend_usable(b) != VXTS_OK)
            continue;
        n = snprintf(out + used, size - used, "%s%s", used ? " " : "", b);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
}

/* The backend vxts_init() picks, found by asking it (any valid key will do). */
static const char *default_backend(void)
{
    vxts_ctx ctx;
    uint8_t key[VXTS_KEY_BYTES_128];
    const char *name = NULL;
    size_t i;
    for (i = 0; i < sizeof key; i++)
        key[i] = (uint8_t)i;
    if (vxts_init(&ctx, key, sizeof key) == VXTS_OK)
        name = vxts_backend_name(&ctx);
    vxts_wipe(&ctx);
    return name;
}

static int cmd_backends(void)
{
    size_t i;
    const char *b, *def = default_backend();
    printf("%-10s %s\n", "backend", "status");
    for (i = 0; (b = vxts_backend_id(i)) != NULL; i++)
        printf("%-10s %s\n", b, vxts_backend_usable(b) == VXTS_OK ? "usable" : "n/a (not usable on this CPU)");
    printf("default: %s (the one vxts_init picks here)\n", def != NULL ? def : "none");
    return def != NULL ? 0 : EXIT_FAIL;
}

/* Checks --backend before any file is touched; 0, EXIT_USAGE or EXIT_FAIL. */
static int check_backend(const char *id)
{
    char list[256];
    if (id == NULL)
        return 0;
    if (!backend_compiled_in(id)) {
        backend_list(list, sizeof list, 0);
        error_line("unknown backend '%s' (compiled in: %s)", id, list);
        return EXIT_USAGE;
    }
    if (vxts_backend_usable(id) != VXTS_OK) {
        backend_list(list, sizeof list, 1);
        error_line("backend '%s' is compiled in but not usable on this CPU (usable: %s)", id, list);
        return EXIT_FAIL;
    }
    return 0;
}

/* ---- the sector transform shared by the file path and the self-test ----------------- */

/*
 * len bytes (whole sectors) in place; sector k gets the IV first_iv + k * iv_step.
 * The caller guarantees the last IV fits in 64 bits. Consecutive IVs go to the
 * library in one call; a stride (512-byte IV units with larger sectors) needs
 * one call per sector.
 */
static int transform(const vxts_ctx *ctx, int encrypt, uint8_t *buf, size_t len, size_t sector_size,
                     uint64_t first_iv, uint64_t iv_step)
{
    struct sector_run run;
    struct sector_piece pc;
    uint64_t k;
    int status;
    if (iv_step == 1)
        return encrypt ? vxts_encrypt_sectors(ctx, buf, buf, len, sector_size, first_iv)
                       : vxts_decrypt_sectors(ctx, buf, buf, len, sector_size, first_iv);
    /* One sector per piece: sector k is at k * sector_size with the IV first_iv + k * iv_step. */
    run.start = 0;
    run.bytes = len;
    run.sector_size = sector_size;
    run.nsectors = len / sector_size;
    run.first_iv = first_iv;
    run.iv_step = iv_step;
    for (k = 0; k < run.nsectors; k = pc.next) {
        sector_piece_at(&run, k, 1, &pc);
        status = encrypt ? vxts_encrypt_sectors(ctx, buf + pc.pos, buf + pc.pos, sector_size, sector_size, pc.iv)
                         : vxts_decrypt_sectors(ctx, buf + pc.pos, buf + pc.pos, sector_size, sector_size, pc.iv);
        if (status != VXTS_OK)
            return status;
    }
    return VXTS_OK;
}

/* ---- files ------------------------------------------------------------------------- */

static int read_key_file(const char *path, size_t *key_len)
{
    struct stat st;
    size_t got = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0) {
        error_line("cannot open key file '%s': %s", path, strerror(errno));
        return EXIT_FAIL;
    }
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        error_line("cannot read key file '%s': it is a directory", path);
        return EXIT_FAIL;
    }
    while (got < sizeof g_key) {
        ssize_t n = read(fd, g_key + got, sizeof g_key - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            error_line("cannot read key file '%s': %s", path, strerror(e));
            return EXIT_FAIL;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got > VXTS_KEY_BYTES_256) {
        error_line("wrong key size: key file '%s' is longer than 64 bytes; it must hold exactly "
                   "32 (AES-128-XTS) or 64 (AES-256-XTS) raw bytes", path);
        return EXIT_FAIL;
    }
    if (got != VXTS_KEY_BYTES_128 && got != VXTS_KEY_BYTES_256) {
        error_line("wrong key size: key file '%s' holds %zu bytes; it must hold exactly "
                   "32 (AES-128-XTS) or 64 (AES-256-XTS) raw bytes", path, got);
        return EXIT_FAIL;
    }
    *key_len = got;
    return 0;
}

/* Reads exactly len bytes at pos; 0, or -1 with errno (0 for an unexpected end of file). */
static int read_full(int fd, uint8_t *buf, size_t len, off_t pos)
{
    while (len > 0) {
        ssize_t n = pread(fd, buf, len, pos);
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
        pos += n;
    }
    return 0;
}

static int write_full(int fd, const uint8_t *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/*
 * Decides where OUTPUT really goes (through a symlink to its target, so the
 * link survives) and refuses the same file as INPUT and non-regular files.
 */
static int resolve_output(const char *output, const struct stat *in_st, char *dest, size_t dest_size)
{
    struct stat lst, st;

    if (lstat(output, &lst) != 0) {
        if (errno != ENOENT) {
            error_line("cannot access OUTPUT '%s': %s", output, strerror(errno));
            return EXIT_FAIL;
        }
        if (strlen(output) >= dest_size) {
            error_line("OUTPUT '%s': path too long", output);
            return EXIT_FAIL;
        }
        strcpy(dest, output);
        return 0;
    }
    if (stat(output, &st) != 0) {
        error_line("OUTPUT '%s' is a symbolic link that cannot be followed: %s", output, strerror(errno));
        return EXIT_FAIL;
    }
    if (st.st_dev == in_st->st_dev && st.st_ino == in_st->st_ino) {
        error_line("OUTPUT '%s' is the same file as INPUT; write to a new file", output);
        return EXIT_FAIL;
    }
    if (S_ISDIR(st.st_mode)) {
        error_line("OUTPUT '%s' is a directory", output);
        return EXIT_FAIL;
    }
    if (!S_ISREG(st.st_mode)) {
        error_line("OUTPUT '%s' exists and is not a regular file", output);
        return EXIT_FAIL;
    }
    if (S_ISLNK(lst.st_mode)) {
        char *real = realpath(output, NULL);
        if (real == NULL || strlen(real) >= dest_size) {
            error_line("cannot resolve OUTPUT '%s': %s", output, real == NULL ? strerror(errno) : "path too long");
            free(real);
            return EXIT_FAIL;
        }
        strcpy(dest, real);
        free(real);
        return 0;
    }
    if (strlen(output) >= dest_size) {
        error_line("OUTPUT '%s': path too long", output);
        return EXIT_FAIL;
    }
    strcpy(dest, output);
    return 0;
}

/* Creates the temporary file beside dest (O_EXCL, mode 0600); fd or -1. */
static int create_tmp(const char *dest)
{
    const char *slash = strrchr(dest, '/');
    size_t dir_len = slash != NULL ? (size_t)(slash - dest) + 1 : 0;
    const char *base = dest + dir_len;
    int fd, n;

    n = snprintf(g_tmp_path, sizeof g_tmp_path, "%.*s.%s.vxts-XXXXXX", (int)dir_len, dest, base);
    if (n < 0 || (size_t)n >= sizeof g_tmp_path) {
        error_line("OUTPUT '%s': path too long", dest);
        return -1;
    }
    fd = mkstemp(g_tmp_path); /* O_CREAT | O_EXCL, mode 0600 */
    if (fd < 0) {
        error_line("cannot create a temporary file beside OUTPUT '%s': %s", dest, strerror(errno));
        return -1;
    }
    g_tmp_active = 1;
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        error_line("cannot set mode 0600 on '%s': %s", g_tmp_path, strerror(errno));
        close(fd);
        remove_tmp();
        return -1;
    }
    return fd;
}

/* Makes the rename durable; best effort, the data itself is already synced. */
static void sync_parent_dir(const char *dest)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(dest, '/');
    int fd;
    if (slash == NULL) {
        strcpy(dir, ".");
    } else if (slash == dest) {
        strcpy(dir, "/");
    } else {
        size_t n = (size_t)(slash - dest);
        if (n >= sizeof dir)
            return;
        memcpy(dir, dest, n);
        dir[n] = '\0';
    }
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmd_crypt(const struct options *o)
{
    struct stat in_st;
    char dest[PATH_MAX];
    size_t key_len = 0, sector = (size_t)o->sector_size;
    uint64_t in_size, k;
    struct sector_run plan;
    struct sector_piece pc;
    uint8_t *buf = NULL;
    int in_fd = -1, out_fd = -1, rc, status;
    const char *verb = o->encrypt ? "encrypt" : "decrypt";
    double t0 = now_seconds(), t_crypto = 0;

    rc = check_backend(o->backend);
    if (rc != 0)
        return rc;
    rc = read_key_file(o->key_file, &key_len);
    if (rc != 0)
        return rc;
    status = o->backend != NULL ? vxts_init_backend(&g_ctx, g_key, key_len, o->backend)
                                : vxts_init(&g_ctx, g_key, key_len);
    wipe(g_key, sizeof g_key); /* the context holds the schedules; the raw key is no longer needed */
    if (status == VXTS_ERR_WEAK_KEY) {
        error_line("key file '%s': its two halves are equal (Key1 == Key2), which XTS forbids", o->key_file);
        return EXIT_FAIL;
    }
    if (status != VXTS_OK) {
        error_line("key setup failed: %s", vxts_strerror(status));
        return EXIT_FAIL;
    }

    rc = EXIT_FAIL;
    /* O_NONBLOCK: a FIFO must be refused below, not wait for a writer. */
    in_fd = open(o->input, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (in_fd < 0) {
        error_line("cannot open INPUT '%s': %s", o->input, strerror(errno));
        goto out;
    }
    (void)fcntl(in_fd, F_SETFL, fcntl(in_fd, F_GETFL) & ~O_NONBLOCK);
    if (fstat(in_fd, &in_st) != 0) {
        error_line("cannot stat INPUT '%s': %s", o->input, strerror(errno));
        goto out;
    }
    if (S_ISREG(in_st.st_mode)) {
        in_size = (uint64_t)in_st.st_size;
    } else if (S_ISBLK(in_st.st_mode)) {
        off_t end = lseek(in_fd, 0, SEEK_END);
        if (end < 0) {
            error_line("cannot get the size of INPUT '%s': %s", o->input, strerror(errno));
            goto out;
        }
        in_size = (uint64_t)end;
    } else {
        error_line("INPUT '%s' %s", o->input,
                   S_ISDIR(in_st.st_mode) ? "is a directory" : "must be a regular file or a block device");
        goto out;
    }
    switch (sector_plan_make(&plan, in_size, o->offset, o->skip, o->sector_size, o->iv_large)) {
    case SECTOR_PLAN_OK:
        break;
    case SECTOR_PLAN_ERR_OFFSET: /* off_t is 64-bit signed: an offset past INT64_MAX bytes is past any file. */
        error_line("--offset %llu (%llu-byte sectors) is beyond the end of INPUT '%s' (%llu bytes)",
                   (unsigned long long)o->offset, (unsigned long long)DM_SECTOR, o->input,
                   (unsigned long long)in_size);
        goto out;
    case SECTOR_PLAN_ERR_EMPTY:
        error_line("INPUT '%s' has no data after the offset (%llu bytes)", o->input, (unsigned long long)in_size);
        goto out;
    case SECTOR_PLAN_ERR_PARTIAL:
        error_line("INPUT '%s' is not a whole number of %zu-byte sectors: %llu bytes after the offset",
                   o->input, sector, (unsigned long long)(in_size - o->offset * DM_SECTOR));
        goto out;
    default: /* SECTOR_PLAN_ERR_IV_WRAP: dm-crypt's sector counter (skip + k * unit) would wrap */
        error_line("--skip %llu: the IV of the last sector would pass 2^64 - 1", (unsigned long long)o->skip);
        goto out;
    }

    rc = resolve_output(o->output, &in_st, dest, sizeof dest);
    if (rc != 0)
        goto out;
    rc = EXIT_FAIL;
    buf = malloc(CHUNK_BYTES);
    if (buf == NULL) {
        error_line("out of memory");
        goto out;
    }
    out_fd = create_tmp(dest);
    if (out_fd < 0)
        goto out;
#ifdef POSIX_FADV_SEQUENTIAL
    (void)posix_fadvise(in_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif

    /* Pieces of at most CHUNK_BYTES (a multiple of every sector size), in order, each sector once. */
    for (k = 0; k < plan.nsectors; k = pc.next) {
        double t1;
        sector_piece_at(&plan, k, CHUNK_BYTES / sector, &pc);
        if (read_full(in_fd, buf, (size_t)pc.len, (off_t)pc.pos) != 0) {
            if (errno == 0)
                error_line("INPUT '%s' became shorter while it was read", o->input);
            else
                error_line("cannot read INPUT '%s': %s", o->input, strerror(errno));
            goto out;
        }
        t1 = now_seconds();
        status = transform(&g_ctx, o->encrypt, buf, (size_t)pc.len, sector, pc.iv, plan.iv_step);
        t_crypto += now_seconds() - t1;
        if (status != VXTS_OK) {
            error_line("%s failed: %s", verb, vxts_strerror(status));
            goto out;
        }
        if (write_full(out_fd, buf, (size_t)pc.len) != 0) {
            error_line("cannot write '%s': %s", g_tmp_path, strerror(errno));
            goto out;
        }
    }
    if (fsync(out_fd) != 0) {
        error_line("cannot sync '%s': %s", g_tmp_path, strerror(errno));
        goto out;
    }
    if (close(out_fd) != 0) {
        out_fd = -1;
        error_line("cannot close '%s': %s", g_tmp_path, strerror(errno));
        goto out;
    }
    out_fd = -1;
    if (rename(g_tmp_path, dest) != 0) {
        error_line("cannot rename '%s' to '%s': %s", g_tmp_path, dest, strerror(errno));
        goto out;
    }
    g_tmp_active = 0;
    sync_parent_dir(dest);
    rc = 0;

    if (o->verbose) {
        double secs = now_seconds() - t0;
        printf("%sed %llu bytes (%llu sectors of %zu bytes, IVs %llu..%llu step %llu) with backend %s: "
               "%.3f s in all (%.0f MB/s), %.3f s in AES-XTS (%.0f MB/s)\n",
               verb, (unsigned long long)plan.bytes, (unsigned long long)plan.nsectors, sector,
               (unsigned long long)plan.first_iv, (unsigned long long)sector_run_last_iv(&plan),
               (unsigned long long)plan.iv_step, vxts_backend_name(&g_ctx), secs,
               secs > 0 ? (double)plan.bytes / secs / 1e6 : 0.0, t_crypto,
               t_crypto > 0 ? (double)plan.bytes / t_crypto / 1e6 : 0.0);
    }

out:
    if (out_fd >= 0)
        close(out_fd);
    if (rc != 0)
        remove_tmp();
    if (in_fd >= 0)
        close(in_fd);
    if (buf != NULL) {
        memset_kept(buf, 0, CHUNK_BYTES); /* it held plaintext */
        free(buf);
    }
    wipe_secrets();
    return rc;
}

/* ---- self-test: IEEE Std 1619 Annex B known answers ------------------------------------ */

struct kat {
    const char *name;
    const char *key;    /* Key1 || Key2, hex */
    uint64_t unit;      /* data unit sequence number */
    const char *pt;     /* hex, or NULL for the 512-byte pattern 00 01 .. ff 00 01 .. ff */
    const char *ct;     /* hex */
};

static const struct kat kats[] = {
    {"vector 2 (AES-128, 32 bytes)",
     "11111111111111111111111111111111" "22222222222222222222222222222222", 0x3333333333,
     "4444444444444444444444444444444444444444444444444444444444444444",
     "c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0"},
    {"vector 3 (AES-128, 32 bytes)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "22222222222222222222222222222222", 0x3333333333,
     "4444444444444444444444444444444444444444444444444444444444444444",
     "af85336b597afc1a900b2eb21ec949d292df4c047e0b21532186a5971a227a89"},
    {"vector 4 (AES-128, 512 bytes)",
     "27182818284590452353602874713526" "31415926535897932384626433832795", 0, NULL,
     "27a7479befa1d476489f308cd4cfa6e2a96e4bbe3208ff25287dd3819616e89c"
     "c78cf7f5e543445f8333d8fa7f56000005279fa5d8b5e4ad40e736ddb4d35412"
     "328063fd2aab53e5ea1e0a9f332500a5df9487d07a5c92cc512c8866c7e860ce"
     "93fdf166a24912b422976146ae20ce846bb7dc9ba94a767aaef20c0d61ad0265"
     "5ea92dc4c4e41a8952c651d33174be51a10c421110e6d81588ede82103a252d8"
     "a750e8768defffed9122810aaeb99f9172af82b604dc4b8e51bcb08235a6f434"
     "1332e4ca60482a4ba1a03b3e65008fc5da76b70bf1690db4eae29c5f1badd03c"
     "5ccf2a55d705ddcd86d449511ceb7ec30bf12b1fa35b913f9f747a8afd1b130e"
     "94bff94effd01a91735ca1726acd0b197c4e5b03393697e126826fb6bbde8ecc"
     "1e08298516e2c9ed03ff3c1b7860f6de76d4cecd94c8119855ef5297ca67e9f3"
     "e7ff72b1e99785ca0a7e7720c5b36dc6d72cac9574c8cbbc2f801e23e56fd344"
     "b07f22154beba0f08ce8891e643ed995c94d9a69c9f1b5f499027a78572aeebd"
     "74d20cc39881c213ee770b1010e4bea718846977ae119f7a023ab58cca0ad752"
     "afe656bb3c17256a9f6e9bf19fdd5a38fc82bbe872c5539edb609ef4f79c203e"
     "bb140f2e583cb2ad15b4aa5b655016a8449277dbd477ef2c8d6c017db738b18d"
     "eb4a427d1923ce3ff262735779a418f20a282df920147beabe421ee5319d0568"},
    {"vector 10 (AES-256, 512 bytes)",
     "2718281828459045235360287471352662497757247093699959574966967627"
     "3141592653589793238462643383279502884197169399375105820974944592", 0xff, NULL,
     "1c3b3a102f770386e4836c99e370cf9bea00803f5e482357a4ae12d414a3e63b"
     "5d31e276f8fe4a8d66b317f9ac683f44680a86ac35adfc3345befecb4bb188fd"
     "5776926c49a3095eb108fd1098baec70aaa66999a72a82f27d848b21d4a741b0"
     "c5cd4d5fff9dac89aeba122961d03a757123e9870f8acf1000020887891429ca"
     "2a3e7a7d7df7b10355165c8b9a6d0a7de8b062c4500dc4cd120c0f7418dae3d0"
     "b5781c34803fa75421c790dfe1de1834f280d7667b327f6c8cd7557e12ac3a0f"
     "93ec05c52e0493ef31a12d3d9260f79a289d6a379bc70c50841473d1a8cc81ec"
     "583e9645e07b8d9670655ba5bbcfecc6dc3966380ad8fecb17b6ba02469a020a"
     "84e18e8f84252070c13e9f1f289be54fbc481457778f616015e1327a02b140f1"
     "505eb309326d68378f8374595c849d84f4c333ec4423885143cb47bd71c5edae"
     "9be69a2ffeceb1bec9de244fbe15992b11b77c040f12bd8f6a975a44a0f90c29"
     "a9abc3d4d893927284c58754cce294529f8614dcd2aba991925fedc4ae74ffac"
     "6e333b93eb4aff0479da9a410e4450e0dd7ae4c6e2910900575da401fc07059f"
     "645e8b7e9bfdef33943054ff84011493c27b3429eaedb4ed5376441a77ed4385"
     "1ad77f16f541dfd269d50d6a5f14fb0aab1cbb4c1550be97f7ab4066193c4caa"
     "773dad38014bd2092fa755c824bb5e54c4f36ffda9fcea70b9c6e693e148c151"},
    {"vector 15 (AES-128, 17 bytes, ciphertext stealing)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", 0x123456789a,
     "000102030405060708090a0b0c0d0e0f10", "6c1625db4671522d3d7599601de7ca09ed"},
    {"vector 16 (AES-128, 18 bytes, ciphertext stealing)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", 0x123456789a,
     "000102030405060708090a0b0c0d0e0f1011", "d069444b7a7e0cab09e24447d24deb1fedbf"},
    {"vector 17 (AES-128, 19 bytes, ciphertext stealing)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", 0x123456789a,
     "000102030405060708090a0b0c0d0e0f101112", "e5df1351c0544ba1350b3363cd8ef4beedbf9d"},
    {"vector 18 (AES-128, 20 bytes, ciphertext stealing)",
     "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", 0x123456789a,
     "000102030405060708090a0b0c0d0e0f10111213", "9d84c813f719aa2c7be3f66171c7c5c2edbf9dac"},
};

#define KAT_MAX 512u
#define KAT_COUNT (sizeof kats / sizeof kats[0])

static size_t unhex(uint8_t *out, size_t cap, const char *hex)
{
    size_t n = 0;
    while (hex[0] && hex[1] && n < cap) {
        unsigned v = 0;
        int i;
        for (i = 0; i < 2; i++) {
            char c = hex[i];
            v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        out[n++] = (uint8_t)v;
        hex += 2;
    }
    return n;
}

static void pattern_512(uint8_t *p)
{
    size_t i;
    for (i = 0; i < 512; i++)
        p[i] = (uint8_t)i;
}

struct kat_data {
    uint8_t key[VXTS_KEY_BYTES_256];
    uint8_t pt[KAT_MAX];
    uint8_t ct[KAT_MAX];
    size_t key_len, len;
};

static void load_kat(const struct kat *v, struct kat_data *d)
{
    d->key_len = unhex(d->key, sizeof d->key, v->key);
    d->len = unhex(d->ct, sizeof d->ct, v->ct);
    if (v->pt != NULL)
        (void)unhex(d->pt, sizeof d->pt, v->pt);
    else
        pattern_512(d->pt);
}

/* One known answer through vxts_encrypt/vxts_decrypt, out of place and in place. */
static int check_kat(const char *backend, const struct kat *v, char *why, size_t why_size)
{
    struct kat_data d;
    uint8_t tweak[16], buf[KAT_MAX];
    vxts_ctx ctx;
    int ok = 0;

    load_kat(v, &d);
    vxts_sector_tweak(tweak, v->unit);
    if (vxts_init_backend(&ctx, d.key, d.key_len, backend) != VXTS_OK ||
        strcmp(vxts_backend_name(&ctx), backend) != 0)
        snprintf(why, why_size, "%s: key setup", v->name);
    else if (vxts_encrypt(&ctx, buf, d.pt, d.len, tweak) != VXTS_OK || memcmp(buf, d.ct, d.len) != 0)
        snprintf(why, why_size, "%s: encrypt", v->name);
    else if (vxts_decrypt(&ctx, buf, buf, d.len, tweak) != VXTS_OK || memcmp(buf, d.pt, d.len) != 0)
        snprintf(why, why_size, "%s: decrypt in place", v->name);
    else if (vxts_decrypt(&ctx, buf, d.ct, d.len, tweak) != VXTS_OK || memcmp(buf, d.pt, d.len) != 0)
        snprintf(why, why_size, "%s: decrypt", v->name);
    else
        ok = 1;
    vxts_wipe(&ctx);
    return ok;
}

/*
 * Sectors: the 512-byte known answers as one sector among neighbours in a
 * vxts_encrypt_sectors call, neighbours equal to single-unit calls; then the
 * CLI's strided IVs (4096-byte sectors, 512-byte IV units) against
 * single-unit calls with the tweaks dm-crypt would use.
 */
static int check_sectors(const char *backend, const struct kat *v, char *why, size_t why_size)
{
    enum { N = 3, BIG = 4096 };
    static uint8_t buf[N * BIG], want[N * BIG];
    struct kat_data d;
    uint8_t tweak[16];
    vxts_ctx ctx;
    size_t at = v->unit == 0 ? 0 : 1; /* the known answer's sector; IVs stay >= 0 */
    uint64_t first = v->unit - at;
    size_t s;
    int ok = 0;

    load_kat(v, &d);
    if (vxts_init_backend(&ctx, d.key, d.key_len, backend) != VXTS_OK) {
        snprintf(why, why_size, "%s sectors: key setup", v->name);
        return 0;
    }
    /* The known answer in sector `at` (IV = unit), its neighbours checked against single-unit calls. */
    for (s = 0; s < N; s++)
        memcpy(buf + s * 512, d.pt, 512);
    for (s = 0; s < N; s++) {
        vxts_sector_tweak(tweak, first + s);
        if (vxts_encrypt(&ctx, want + s * 512, d.pt, 512, tweak) != VXTS_OK)
            goto fail;
    }
    if (memcmp(want + at * 512, d.ct, 512) != 0 || vxts_encrypt_sectors(&ctx, buf, buf, N * 512, 512, first) != VXTS_OK ||
        memcmp(buf, want, N * 512) != 0)
        goto fail;
    if (vxts_decrypt_sectors(&ctx, buf, buf, N * 512, 512, first) != VXTS_OK)
        goto fail;
    for (s = 0; s < N; s++)
        if (memcmp(buf + s * 512, d.pt, 512) != 0)
            goto fail;

    /* 4096-byte sectors with IVs first, first + 8, first + 16 (cryptsetup plain without --iv-large-sectors). */
    for (s = 0; s < sizeof buf; s++)
        buf[s] = (uint8_t)(s * 7 + 3);
    for (s = 0; s < N; s++) {
        vxts_sector_tweak(tweak, first + 8 * s);
        if (vxts_encrypt(&ctx, want + s * BIG, buf + s * BIG, BIG, tweak) != VXTS_OK)
            goto fail;
    }
    if (transform(&ctx, 1, buf, sizeof buf, BIG, first, 8) != VXTS_OK || memcmp(buf, want, sizeof buf) != 0 ||
        transform(&ctx, 0, buf, sizeof buf, BIG, first, 8) != VXTS_OK)
        goto fail;
    for (s = 0; s < sizeof buf; s++)
        if (buf[s] != (uint8_t)(s * 7 + 3))
            goto fail;
    ok = 1;
fail:
    if (!ok)
        snprintf(why, why_size, "%s: sectors", v->name);
    vxts_wipe(&ctx);
    return ok;
}

static int cmd_selftest(void)
{
    size_t i, j, ran = 0;
    const char *b, *def = default_backend();
    int failed = 0;

    printf("vxts selftest: %zu IEEE 1619 known answers + 2 sector checks per backend\n", KAT_COUNT);
    for (i = 0; (b = vxts_backend_id(i)) != NULL; i++) {
        char why[160] = "";
        int ok = 1;
        if (vxts_backend_usable(b) != VXTS_OK) {
            printf("  %-10s n/a (compiled in, not usable on this CPU)\n", b);
            continue;
        }
        ran++;
        for (j = 0; j < KAT_COUNT && ok; j++)
            ok = check_kat(b, &kats[j], why, sizeof why);
        for (j = 0; j < KAT_COUNT && ok; j++)
            if (kats[j].pt == NULL)
                ok = check_sectors(b, &kats[j], why, sizeof why);
        printf("  %-10s %s%s%s\n", b, ok ? "ok" : "FAILED: ", ok ? "" : why,
               def != NULL && strcmp(def, b) == 0 ? " (default)" : "");
        failed |= !ok;
    }
    if (ran == 0) {
        printf("  no usable backend\n");
        failed = 1;
    }
    printf("selftest %s\n", failed ? "FAILED" : "passed");
    return failed ? EXIT_FAIL : 0;
}

/* ---- main ------------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : NULL;
    struct options o;
    int rc;

    /* The raw key and its schedules stay out of swap where the system allows it. */
    (void)mlock(&g_ctx, sizeof g_ctx);
    (void)mlock(g_key, sizeof g_key);

    if (cmd == NULL) {
        error_line("missing command: encrypt, decrypt, selftest or backends (see vxts --help)");
        return EXIT_USAGE;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("vxts %s (libvxts %s)\n", VXTS_VERSION_STRING, vxts_version());
        return 0;
    }
    if (strcmp(cmd, "selftest") == 0 || strcmp(cmd, "backends") == 0) {
        if (argc > 2) {
            error_line("%s takes no arguments, got '%s'", cmd, argv[2]);
            return EXIT_USAGE;
        }
        return cmd[0] == 's' ? cmd_selftest() : cmd_backends();
    }
    if (strcmp(cmd, "encrypt") != 0 && strcmp(cmd, "decrypt") != 0) {
        error_line("unknown %s '%s' (see vxts --help)", cmd[0] == '-' ? "option" : "command", cmd);
        return EXIT_USAGE;
    }

    memset(&o, 0, sizeof o);
    o.encrypt = cmd[0] == 'e';
    rc = parse_crypt_args(argc, argv, 2, &o);
    if (rc != 0)
        return rc;
    install_signal_handlers();
    rc = cmd_crypt(&o);
    wipe_secrets(); /* again: some error paths leave before the key is consumed */
    if (fflush(stdout) != 0 && rc == 0) {
        error_line("cannot write to standard output: %s", strerror(errno));
        rc = EXIT_FAIL;
    }
    return rc;
}
