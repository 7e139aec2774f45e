/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts CLI — OUTPUT without a half-written name, and the signal handlers.
 *
 * On Linux the output is an O_TMPFILE: it has no name while it is written, so
 * nothing is left behind whatever kills the process (kill -9 included); only
 * when it is complete and synced does linkat give it its name (directly, or as
 * a temporary name renamed over an existing OUTPUT). Where O_TMPFILE is
 * missing, a temporary name ".OUTPUT.vxts-XXXXXX" (mode 0600) is used and
 * every catchable terminating signal removes it.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

volatile sig_atomic_t cli_progress_asked;

/* The named temporary file the signal handler must remove, if any. */
static const char *volatile g_pending_tmp;

/* ---- signals -------------------------------------------------------------------- */

static void on_fatal_signal(int sig)
{
    const char *tmp = g_pending_tmp;
    if (tmp != NULL)
        unlink(tmp);
    cli_secrets_wipe();
    signal(sig, SIG_DFL);
    raise(sig); /* delivered when the handler returns: the process ends as the signal would */
}

static void on_progress_signal(int sig)
{
    (void)sig;
    cli_progress_asked = 1;
}

void cli_signals_install(void)
{
    /* Every signal whose default action ends the process, except SIGKILL and SIGSTOP. */
    static const int fatal[] = {SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV,
                                SIGPIPE, SIGALRM, SIGTERM, SIGUSR2, SIGVTALRM, SIGPROF, SIGXCPU, SIGSYS,
#ifdef SIGIO
                                SIGIO,
#endif
#ifdef SIGPWR
                                SIGPWR,
#endif
#ifdef SIGSTKFLT
                                SIGSTKFLT,
#endif
    };
    struct sigaction sa, old;
    size_t i;
    int s;

    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_fatal_signal;
    /* Only where the default is in force: an ignored SIGHUP (nohup) stays ignored, a
     * sanitizer's SIGSEGV handler stays. */
    for (i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
        if (sigaction(fatal[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
            sigaction(fatal[i], &sa, NULL);
#ifdef SIGRTMIN
    for (s = SIGRTMIN; s <= SIGRTMAX; s++)
        if (sigaction(s, NULL, &old) == 0 && old.sa_handler == SIG_DFL)
            sigaction(s, &sa, NULL);
#else
    (void)s;
#endif
    /* SIGUSR1 prints a progress line (as dd does); no SA_RESTART, so that a read
     * waiting on a pipe returns and the line comes at once. */
    sa.sa_handler = on_progress_signal;
    sigaction(SIGUSR1, &sa, NULL);
    /* Past a file-size limit write() then fails with EFBIG and the normal error path cleans up. */
    signal(SIGXFSZ, SIG_IGN);
}

/* ---- OUTPUT ------------------------------------------------------------------------ */

static int is_avoided(const struct stat *st, const struct cli_file_id *avoid, size_t navoid, const char **role)
{
    size_t i;
    for (i = 0; i < navoid; i++) {
        if (avoid[i].set && avoid[i].dev == st->st_dev && avoid[i].ino == st->st_ino) {
            *role = avoid[i].role;
            return 1;
        }
    }
    return 0;
}

static int copy_name(char *dst, size_t size, const char *src, const char *shown)
{
    if (strlen(src) >= size)
        return cli_fail("OUTPUT '%s': path too long", shown);
    strcpy(dst, src);
    return 0;
}

/* Where OUTPUT really goes: through a symbolic link to its target, so that the link stays. */
static int resolve_dest(struct cli_output *out, const char *name, const struct cli_file_id *avoid, size_t navoid)
{
    struct stat lst, st;
    const char *role;

    if (lstat(name, &lst) != 0) {
        if (errno != ENOENT)
            return cli_fail("cannot access OUTPUT '%s': %s", name, strerror(errno));
        return copy_name(out->dest, sizeof out->dest, name, name);
    }
    if (stat(name, &st) != 0)
        return cli_fail("OUTPUT '%s' is a symbolic link that cannot be followed: %s", name, strerror(errno));
    if (is_avoided(&st, avoid, navoid, &role))
        return cli_fail("OUTPUT '%s' is the same file as %s; write to a new file", name, role);
    if (S_ISDIR(st.st_mode))
        return cli_fail("OUTPUT '%s' is a directory", name);
    if (!S_ISREG(st.st_mode))
        return cli_fail("OUTPUT '%s' exists and is not a regular file", name);
    if (S_ISLNK(lst.st_mode)) {
        char *real = realpath(name, NULL);
        int rc;
        if (real == NULL)
            return cli_fail("cannot resolve OUTPUT '%s': %s", name, strerror(errno));
        rc = copy_name(out->dest, sizeof out->dest, real, name);
        free(real);
        return rc;
    }
    return copy_name(out->dest, sizeof out->dest, name, name);
}

/* dir (with its '/') and base of dest. */
static size_t dir_len_of(const char *dest)
{
    const char *slash = strrchr(dest, '/');
    return slash != NULL ? (size_t)(slash - dest) + 1 : 0;
}

/* A fresh name ".BASE.vxts-XXXXXX" beside dest in out->tmp; -1 if too long. */
static int tmp_name(struct cli_output *out, const char *suffix)
{
    size_t dl = dir_len_of(out->dest);
    int n = snprintf(out->tmp, sizeof out->tmp, "%.*s.%s.vxts-%s", (int)dl, out->dest, out->dest + dl, suffix);
    if (n < 0 || (size_t)n >= sizeof out->tmp)
        return cli_fail("OUTPUT '%s': path too long", out->dest);
    return 0;
}

static int open_anonymous(struct cli_output *out)
{
#ifdef O_TMPFILE
    char dir[4096];
    size_t dl = dir_len_of(out->dest);
    const char *force_named = getenv("VXTS_TEST_NO_TMPFILE"); /* tests reach the fallback */
    if (force_named != NULL && force_named[0] == '1')
        return -1;
    if (dl == 0) {
        strcpy(dir, ".");
    } else {
        memcpy(dir, out->dest, dl);
        dir[dl] = '\0';
    }
    out->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (out->fd >= 0) {
        out->anonymous = 1;
        return 0;
    }
#else
    (void)out;
#endif
    return -1;
}

static int open_named(struct cli_output *out)
{
    if (tmp_name(out, "XXXXXX") != 0)
        return -1;
    out->fd = mkstemp(out->tmp); /* O_CREAT | O_EXCL, mode 0600 */
    if (out->fd < 0)
        return cli_fail("cannot create a temporary file beside OUTPUT '%s': %s", out->dest, strerror(errno));
    g_pending_tmp = out->tmp;
    (void)fcntl(out->fd, F_SETFD, FD_CLOEXEC);
    return 0;
}

int cli_output_open(struct cli_output *out, const char *name, const struct cli_file_id *avoid, size_t navoid)
{
    struct stat st;
    const char *role;

    memset(out, 0, sizeof *out);
    out->fd = -1;
    out->name = name;
    if (strcmp(name, "-") == 0) {
        if (isatty(STDOUT_FILENO))
            return cli_fail("standard output is a terminal: refusing to write binary data there");
        if (fstat(STDOUT_FILENO, &st) != 0)
            return cli_fail("cannot use standard output: %s", strerror(errno));
        if (S_ISREG(st.st_mode) && is_avoided(&st, avoid, navoid, &role))
            return cli_fail("standard output is the same file as %s", role);
        out->fd = STDOUT_FILENO;
        out->stream = 1;
        return 0;
    }
    if (resolve_dest(out, name, avoid, navoid) != 0)
        return -1;
    if (open_anonymous(out) != 0 && open_named(out) != 0)
        return -1;
    return 0;
}

static void sync_parent_dir(const char *dest)
{
    char dir[4096];
    size_t dl = dir_len_of(dest);
    int fd;
    if (dl == 0) {
        strcpy(dir, ".");
    } else {
        memcpy(dir, dest, dl);
        dir[dl] = '\0';
    }
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

#ifdef O_TMPFILE
/* Gives the anonymous file the name `to`: through /proc/self/fd, else AT_EMPTY_PATH. */
static int link_fd(int fd, const char *to)
{
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    if (linkat(AT_FDCWD, proc, AT_FDCWD, to, AT_SYMLINK_FOLLOW) == 0)
        return 0;
    if (errno == EEXIST)
        return -1;
    return linkat(fd, "", AT_FDCWD, to, AT_EMPTY_PATH);
}

static int link_anonymous(struct cli_output *out)
{
    struct timespec ts;
    unsigned tries;

    if (link_fd(out->fd, out->dest) == 0)
        return 0;
    if (errno != EEXIST)
        return cli_fail("cannot create OUTPUT '%s': %s", out->dest, strerror(errno));
    /* OUTPUT exists: link the complete file under a temporary name, then rename over it. */
    clock_gettime(CLOCK_REALTIME, &ts);
    for (tries = 0; tries < 100; tries++) {
        char suffix[32];
        snprintf(suffix, sizeof suffix, "%ld%03u", (long)ts.tv_nsec ^ (long)getpid(), tries);
        if (tmp_name(out, suffix) != 0)
            return -1;
        if (link_fd(out->fd, out->tmp) == 0) {
            g_pending_tmp = out->tmp;
            return 0;
        }
        if (errno != EEXIST)
            break;
    }
    return cli_fail("cannot create a temporary name beside OUTPUT '%s': %s", out->dest, strerror(errno));
}
#endif

int cli_output_commit(struct cli_output *out, int sync)
{
    int rc = -1;

    if (out->stream) {
        /* A pipe cannot be synced (EINVAL); a redirected file can. */
        if (sync && fsync(out->fd) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP)
            return cli_fail("cannot sync standard output: %s", strerror(errno));
        return 0;
    }
    if (out->fd < 0)
        return cli_fail("OUTPUT '%s' is not open", out->name);
    if (sync && fsync(out->fd) != 0) {
        cli_error("cannot sync OUTPUT '%s': %s", out->dest, strerror(errno));
        goto out;
    }
#ifdef O_TMPFILE
    if (out->anonymous && link_anonymous(out) != 0)
        goto out;
#endif
    if (close(out->fd) != 0) {
        out->fd = -1;
        cli_error("cannot close OUTPUT '%s': %s", out->dest, strerror(errno));
        goto out;
    }
    out->fd = -1;
    if (g_pending_tmp != NULL && rename(out->tmp, out->dest) != 0) {
        cli_error("cannot rename '%s' to OUTPUT '%s': %s", out->tmp, out->dest, strerror(errno));
        goto out;
    }
    g_pending_tmp = NULL;
    out->anonymous = 0;
    out->tmp[0] = '\0';
    if (sync)
        sync_parent_dir(out->dest);
    rc = 0;
out:
    if (rc != 0)
        cli_output_abort(out);
    return rc;
}

void cli_output_abort(struct cli_output *out)
{
    const char *tmp = g_pending_tmp;
    if (!out->stream && out->fd >= 0)
        close(out->fd);
    out->fd = -1;
    if (tmp != NULL) {
        g_pending_tmp = NULL;
        unlink(tmp);
    }
    out->anonymous = 0;
}
