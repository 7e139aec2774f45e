/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts CLI — messages, option parsing, secrets, key files and INPUT (see cli.h).
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* ---- messages ------------------------------------------------------------------ */

const char *cli_escape(char *out, size_t size, const char *name)
{
    static const char hex[] = "0123456789abcdef";
    size_t used = 0;
    const unsigned char *p;

    if (size == 0)
        return out;
    for (p = (const unsigned char *)name; *p; p++) {
        char esc[5];
        size_t n = 1;
        esc[0] = (char)*p;
        if (*p == '\n' || *p == '\t' || *p == '\r') {
            esc[0] = '\\';
            esc[1] = *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r';
            n = 2;
        } else if (*p < 0x20 || *p == 0x7f) {
            esc[0] = '\\';
            esc[1] = 'x';
            esc[2] = hex[*p >> 4];
            esc[3] = hex[*p & 15];
            n = 4;
        }
        if (used + n >= size)
            break;
        memcpy(out + used, esc, n);
        used += n;
    }
    out[used] = '\0';
    return out;
}

static void error_va(const char *fmt, va_list ap)
{
    char msg[2048], line[8192];
    vsnprintf(msg, sizeof msg, fmt, ap);
    /* One line whatever a file name holds: a name cannot forge a second message. */
    fprintf(stderr, "vxts: %s\n", cli_escape(line, sizeof line, msg));
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_va(fmt, ap);
    va_end(ap);
}

int cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_va(fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- options ------------------------------------------------------------------- */

int cli_parse_u64(const char *opt, const char *s, uint64_t *value)
{
    uint64_t v = 0;
    const char *p;

    if (*s == '\0')
        return cli_fail("%s: empty value (see vxts --help)", opt);
    for (p = s; *p; p++) {
        unsigned d;
        if (*p < '0' || *p > '9')
            return cli_fail("%s: '%s' is not a non-negative decimal number", opt, s);
        d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10)
            return cli_fail("%s: '%s' is too large (the limit is 2^64 - 1)", opt, s);
        v = v * 10 + d;
    }
    *value = v;
    return 0;
}

int cli_check_name(const char *role, const char *name)
{
    size_t len = strlen(name), part = 0, i;

    if (len == 0)
        return cli_fail("%s: empty file name", role);
    if (len >= PATH_MAX)
        return cli_fail("%s: the name is %zu bytes long; the limit is %d", role, len, PATH_MAX - 1);
    for (i = 0; i <= len; i++) {
        if (name[i] == '/' || name[i] == '\0') {
            if (part > NAME_MAX)
                return cli_fail("%s: a part of the name is %zu bytes long; the limit is %d", role, part, NAME_MAX);
            part = 0;
        } else {
            part++;
        }
    }
    return 0;
}

static const struct cli_opt *find_long(const struct cli_opt *opts, const char *name, size_t len)
{
    for (; opts->name != NULL; opts++)
        if (strlen(opts->name) == len && memcmp(opts->name, name, len) == 0)
            return opts;
    return NULL;
}

static const struct cli_opt *find_short(const struct cli_opt *opts, char c)
{
    for (; opts->name != NULL; opts++)
        if (opts->short_name != 0 && opts->short_name == c)
            return opts;
    return NULL;
}

static int store_value(const struct cli_opt *o, const char *value)
{
    switch (o->kind) {
    case CLI_OPT_U64:
        return cli_parse_u64(o->name, value, (uint64_t *)o->dest);
    case CLI_OPT_PATH:
        if (cli_check_name(o->name, value) != 0)
            return -1;
        /* fall through */
    default:
        *(const char **)o->dest = value;
        return 0;
    }
}

int cli_parse(int argc, char **argv, int first, const struct cli_opt *opts, const char **pos, int max_pos,
              int *npos)
{
    int i, options_done = 0;

    *npos = 0;
    for (i = first; i < argc; i++) {
        const char *arg = argv[i], *eq = NULL, *value;
        const struct cli_opt *o;

        if (options_done || arg[0] != '-' || arg[1] == '\0') {
            if (*npos == max_pos)
                return cli_fail("too many arguments: '%s' (see vxts --help)", arg);
            pos[(*npos)++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            options_done = 1;
            continue;
        }
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0)
            return CLI_PARSE_HELP;
        if (arg[1] == '-') {
            eq = strchr(arg, '=');
            o = find_long(opts, arg, eq != NULL ? (size_t)(eq - arg) : strlen(arg));
        } else {
            o = arg[2] == '\0' ? find_short(opts, arg[1]) : NULL;
        }
        if (o == NULL)
            return cli_fail("unknown option '%s' (see vxts --help)", arg);
        if (o->seen != NULL)
            *o->seen = 1;
        if (o->kind == CLI_OPT_FLAG) {
            if (eq != NULL)
                return cli_fail("option %s takes no value", o->name);
            *(int *)o->dest = 1;
            continue;
        }
        if (eq != NULL) {
            value = eq + 1;
        } else {
            if (i + 1 >= argc)
                return cli_fail("option %s needs a value (see vxts --help)", o->name);
            value = argv[++i];
        }
        if (store_value(o, value) != 0)
            return -1;
    }
    return 0;
}

/* ---- secrets ------------------------------------------------------------------- */

void cli_wipe(void *p, size_t n)
{
    volatile uint8_t *v = (volatile uint8_t *)p;
    while (n--)
        *v++ = 0;
}

#define SECRET_SLOTS 8
static struct {
    void *volatile p;
    volatile size_t n;
} g_secrets[SECRET_SLOTS];

void cli_secret_add(void *p, size_t n)
{
    size_t i;
    (void)mlock(p, n); /* best effort: out of swap where the system allows it */
    for (i = 0; i < SECRET_SLOTS; i++) {
        if (g_secrets[i].p == NULL || g_secrets[i].p == p) {
            g_secrets[i].n = n;
            g_secrets[i].p = p;
            return;
        }
    }
}

/* Also called from the fatal-signal handler: only volatile stores. */
void cli_secrets_wipe(void)
{
    size_t i;
    for (i = 0; i < SECRET_SLOTS; i++)
        if (g_secrets[i].p != NULL)
            cli_wipe(g_secrets[i].p, g_secrets[i].n);
}

/* ---- files --------------------------------------------------------------------- */

static void file_id_of(const struct stat *st, const char *role, struct cli_file_id *id)
{
    id->set = 1;
    id->dev = st->st_dev;
    id->ino = st->st_ino;
    id->role = role;
}

int cli_read_secret_file(const char *role, const char *path, uint64_t skip, uint8_t *buf, size_t cap,
                         size_t *len, struct cli_file_id *id)
{
    struct stat st;
    uint8_t scratch[512];
    size_t got = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    id->set = 0;
    if (fd < 0)
        return cli_fail("cannot open %s '%s': %s", role, path, strerror(errno));
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return cli_fail("cannot read %s '%s': %s", role, path, strerror(e));
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return cli_fail("cannot read %s '%s': it is a directory", role, path);
    }
    if (S_ISREG(st.st_mode))
        file_id_of(&st, "the key file", id);
    /* skip: seek a file, read and drop from a pipe */
    if (skip > 0 && S_ISREG(st.st_mode) && skip <= (uint64_t)INT64_MAX) {
        if (lseek(fd, (off_t)skip, SEEK_SET) < 0) {
            int e = errno;
            close(fd);
            return cli_fail("cannot seek in %s '%s': %s", role, path, strerror(e));
        }
        skip = 0;
    }
    while (skip > 0 || got < cap) {
        int dropping = skip > 0;
        size_t want = dropping ? (skip < sizeof scratch ? (size_t)skip : sizeof scratch) : cap - got;
        ssize_t n = read(fd, dropping ? scratch : buf + got, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            cli_wipe(scratch, sizeof scratch);
            return cli_fail("cannot read %s '%s': %s", role, path, strerror(e));
        }
        if (n == 0)
            break;
        if (dropping)
            skip -= (uint64_t)n;
        else
            got += (size_t)n;
    }
    close(fd);
    cli_wipe(scratch, sizeof scratch);
    *len = got;
    return 0;
}

int cli_input_open(struct cli_input *in, const char *name)
{
    struct stat st;

    memset(in, 0, sizeof *in);
    in->fd = -1;
    in->name = name;
    if (strcmp(name, "-") == 0) {
        if (fstat(STDIN_FILENO, &st) != 0)
            return cli_fail("cannot use standard input: %s", strerror(errno));
        in->fd = STDIN_FILENO;
        in->stream = 1;
        if (S_ISREG(st.st_mode))
            file_id_of(&st, "INPUT", &in->id);
        return 0;
    }
    /* O_NONBLOCK: a FIFO is refused below instead of waiting for a writer. */
    in->fd = open(name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (in->fd < 0)
        return cli_fail("cannot open INPUT '%s': %s", name, strerror(errno));
    (void)fcntl(in->fd, F_SETFL, fcntl(in->fd, F_GETFL) & ~O_NONBLOCK);
    if (fstat(in->fd, &st) != 0) {
        cli_error("cannot stat INPUT '%s': %s", name, strerror(errno));
        goto fail;
    }
    if (S_ISREG(st.st_mode)) {
        in->size = (uint64_t)st.st_size;
    } else if (S_ISBLK(st.st_mode)) {
        off_t end = lseek(in->fd, 0, SEEK_END);
        if (end < 0) {
            cli_error("cannot get the size of INPUT '%s': %s", name, strerror(errno));
            goto fail;
        }
        in->size = (uint64_t)end;
    } else {
        cli_error("INPUT '%s' %s", name,
                  S_ISDIR(st.st_mode) ? "is a directory"
                                      : "must be a regular file or a block device (- reads standard input)");
        goto fail;
    }
    file_id_of(&st, "INPUT", &in->id);
#ifdef POSIX_FADV_SEQUENTIAL
    (void)posix_fadvise(in->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    return 0;
fail:
    close(in->fd);
    in->fd = -1;
    return -1;
}

void cli_input_close(struct cli_input *in)
{
    if (in->fd >= 0 && !in->stream)
        close(in->fd);
    in->fd = -1;
}
