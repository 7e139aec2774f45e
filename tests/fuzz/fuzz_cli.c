/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * fuzz_cli — libFuzzer target: the command-line tool (tools/vxts.c), option
 * parser included, run in-process on an argv made from the input.
 *
 * tools/vxts.c is compiled into this target with -Dmain=vxts_cli_main and
 * -Dexit=vxts_fuzz_exit (mk/hardening.mk), so that `vxts --help` and friends
 * return here instead of ending the fuzzer. The input is split at NUL bytes
 * into at most 12 arguments after "vxts". Every '/' in an argument becomes
 * '_' and "." / ".." become "_dot", so every path names a file in the
 * fuzzer's private temporary directory (the current directory during the
 * call), which holds fresh copies of the fixtures below at every run:
 *   key32, key64 (valid keys), key33, key0 (bad sizes), in (8 KiB),
 *   odd (1000 bytes), d (a directory), lnk -> out (a symbolic link).
 * The run must end with exit status 0, 1 or 2 (tools/vxts.c's contract).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int vxts_cli_main(int argc, char **argv);
void vxts_fuzz_exit(int status) __attribute__((noreturn));

#define MAX_ARGS 12
#define MAX_ARG_LEN 256

static jmp_buf exit_jump;
static int exit_status;
static int in_cli;
static char workdir[4096];

void vxts_fuzz_exit(int status)
{
    if (!in_cli)
        _exit(status);
    exit_status = status;
    longjmp(exit_jump, 1);
}

static void write_file(const char *name, const uint8_t *p, size_t n)
{
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || write(fd, p, n) != (ssize_t)n) {
        perror(name);
        abort();
    }
    close(fd);
}

/* Removes everything in the (current) work directory. */
static void clear_dir(void)
{
    DIR *d = opendir(".");
    struct dirent *e;
    if (d == NULL)
        abort();
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (unlink(e->d_name) != 0 && rmdir(e->d_name) != 0) {
            perror(e->d_name); /* the CLI cannot make directories or write into one */
            abort();
        }
    }
    closedir(d);
}

/* A clean work directory with fresh fixtures. */
static void reset_dir(void)
{
    static uint8_t bytes[8192];
    size_t i;
    clear_dir();
    for (i = 0; i < sizeof bytes; i++)
        bytes[i] = (uint8_t)(i * 31 + 7);
    write_file("key32", bytes + 1, 32);
    write_file("key64", bytes + 3, 64);
    write_file("key33", bytes, 33);
    write_file("key0", bytes, 0);
    write_file("in", bytes, sizeof bytes);
    write_file("odd", bytes, 1000);
    if (mkdir("d", 0700) != 0 || symlink("out", "lnk") != 0)
        abort();
}

/* At the fuzzer's exit: the work directory goes. */
static void remove_workdir(void)
{
    if (workdir[0] != '\0' && chdir(workdir) == 0) {
        clear_dir();
        if (chdir("/") == 0)
            rmdir(workdir);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    (void)argc;
    (void)argv;
    snprintf(workdir, sizeof workdir, "%s/vxts-fuzz-cli-XXXXXX", base);
    if (mkdtemp(workdir) == NULL || chdir(workdir) != 0) {
        perror("fuzz_cli: work directory");
        abort();
    }
    atexit(remove_workdir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char store[MAX_ARGS][MAX_ARG_LEN + 8];
    char *argv[MAX_ARGS + 2];
    int argc = 1, rc;
    size_t pos = 0;

    argv[0] = (char *)"vxts";
    while (pos < size && argc <= MAX_ARGS) {
        char *a = store[argc - 1];
        size_t n = 0;
        while (pos < size && data[pos] != '\0') {
            if (n < MAX_ARG_LEN)
                a[n++] = data[pos] == '/' ? '_' : (char)data[pos];
            pos++;
        }
        pos++; /* the NUL */
        a[n] = '\0';
        if (strcmp(a, ".") == 0 || strcmp(a, "..") == 0)
            strcpy(a, "_dot");
        argv[argc++] = a;
    }
    argv[argc] = NULL;

    reset_dir();
    exit_status = -1;
    in_cli = 1;
    if (setjmp(exit_jump) == 0)
        rc = vxts_cli_main(argc, argv);
    else
        rc = exit_status;
    in_cli = 0;
    if (rc < 0 || rc > 2) {
        fprintf(stderr, "fuzz_cli: exit status %d (only 0, 1, 2 are allowed)\n", rc);
        abort();
    }
    return 0;
}
