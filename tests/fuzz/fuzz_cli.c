/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * fuzz_cli — libFuzzer target: the command-line tool in-process, through
 * vxts_cli() (tools/vxts.c, the function main() calls), option parsers and
 * file handling included, on an argv made from the input.
 *
 * The input is split at NUL bytes into at most 12 arguments after "vxts".
 * Every '/' in an argument becomes '_' and "." / ".." become "_dot", so every
 * path names a file in the fuzzer's private temporary directory (the current
 * directory during the call), which holds fresh copies of the fixtures below
 * at every run:
 *   key32, key64 (valid keys), key33, key0 (bad sizes), in (8 KiB),
 *   odd (1000 bytes), luks (starts with the LUKS magic), d (a directory),
 *   lnk -> out (a symbolic link).
 * Standard input reads a fresh copy of `in`; standard output goes to /dev/null.
 * The run must end with exit status 0, 1 or 2 and leave no temporary file.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int vxts_cli(int argc, char **argv); /* tools/cli.h */

#define MAX_ARGS 12
#define MAX_ARG_LEN 256

static char workdir[4096];

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
    memcpy(bytes, "LUKS\xba\xbe", 6);
    write_file("luks", bytes, 4096);
    for (i = 0; i < 6; i++)
        bytes[i] = (uint8_t)(i * 31 + 7);
    if (mkdir("d", 0700) != 0 || symlink("out", "lnk") != 0)
        abort();
}

/* Crash safety: whatever happened, the run created no name but an OUTPUT it was given
 * (or out, through lnk): no temporary file survives. */
static void check_no_temporary(int argc, char **argv)
{
    static const char *const fixtures[] = {"key32", "key64", "key33", "key0", "in", "odd", "luks", "d", "lnk"};
    DIR *d = opendir(".");
    struct dirent *e;
    size_t i;
    int known, a;
    if (d == NULL)
        abort();
    while ((e = readdir(d)) != NULL) {
        known = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
        for (i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++)
            known |= strcmp(e->d_name, fixtures[i]) == 0;
        for (a = 1; a < argc; a++)
            known |= strcmp(e->d_name, argv[a]) == 0 || (strcmp(argv[a], "lnk") == 0 && strcmp(e->d_name, "out") == 0);
        if (!known) {
            fprintf(stderr, "fuzz_cli: %s was left behind\n", e->d_name);
            abort();
        }
    }
    closedir(d);
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
    {
        int null_fd = open("/dev/null", O_WRONLY);
        if (null_fd < 0 || dup2(null_fd, STDOUT_FILENO) < 0)
            abort();
        close(null_fd);
    }
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
    /* `luks format` and `luks decrypt` run the KDF at the costs the input names
       (seconds and GiBs per run, past libFuzzer's limits); their parser has its
       own target, fuzz_luks. `luks dump` stays. */
    if (argc > 2 && strcmp(argv[1], "luks") == 0 && (strcmp(argv[2], "format") == 0 || strcmp(argv[2], "decrypt") == 0))
        return 0;

    reset_dir();
    /* Standard input: a fresh copy of `in`, read as a stream. */
    {
        int fd = open("in", O_RDONLY);
        if (fd < 0 || dup2(fd, STDIN_FILENO) < 0)
            abort();
        close(fd);
    }
    rc = vxts_cli(argc, argv);
    if (rc < 0 || rc > 2) {
        fprintf(stderr, "fuzz_cli: exit status %d (only 0, 1, 2 are allowed)\n", rc);
        abort();
    }
    check_no_temporary(argc, argv);
    return 0;
}
