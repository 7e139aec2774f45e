/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts CLI — what every command shares: the command table, one error
 * convention, option parsing, key files, safe output files and the threaded
 * sector data path.
 *
 * Error convention: a helper that fails prints exactly one line
 * ("vxts: ..." on stderr, control characters escaped) and returns -1; only a
 * command's run function turns that into an exit status (CLI_EXIT_*). No
 * helper calls exit().
 */
#ifndef VXTS_CLI_H
#define VXTS_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <sys/types.h>

#include "vxts.h"

#define CLI_EXIT_OK 0
#define CLI_EXIT_FAIL 1  /* the work failed (I/O, key, data) */
#define CLI_EXIT_USAGE 2 /* the command line is wrong; nothing was touched */

/* ---- the command table (tools/vxts.c) ------------------------------------------ */

/* argv[0] is the command's name; returns a CLI_EXIT_* status. */
typedef int (*cli_run_fn)(int argc, char **argv);

struct cli_command {
    const char *name;
    cli_run_fn run;
    const char *summary; /* one line for `vxts --help` */
};

/* The whole CLI as a function: argv[0] is the program, argv[1] the command. */
int vxts_cli(int argc, char **argv);

/* The commands, one file each. */
int cmd_encrypt(int argc, char **argv); /* tools/cmd_encrypt.c: encrypt and decrypt */
int cmd_selftest(int argc, char **argv); /* tools/cmd_selftest.c */
int cmd_backends(int argc, char **argv); /* tools/cmd_backends.c */
int cmd_luks(int argc, char **argv);     /* tools/luks*.c (its line in the table comes with it) */

/* ---- messages (tools/cli_util.c) -------------------------------------------------- */

#if defined(__GNUC__) || defined(__clang__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif

/* One line "vxts: MESSAGE" on stderr; control characters (< 0x20, 0x7f) become \n, \t, \xNN. */
void cli_error(const char *fmt, ...) CLI_PRINTF(1, 2);
/* The same line, then returns -1 (so `return cli_fail("...")` in a helper). */
int cli_fail(const char *fmt, ...) CLI_PRINTF(1, 2);
/* name with control characters escaped (\n, \t, \xNN) into out (always terminated); returns out. */
const char *cli_escape(char *out, size_t size, const char *name);

/* ---- options (tools/cli_util.c) ---------------------------------------------------- */

enum cli_opt_kind {
    CLI_OPT_FLAG,   /* no value; sets *(int *)dest = 1 */
    CLI_OPT_STRING, /* any value (may be empty); *(const char **)dest */
    CLI_OPT_PATH,   /* a file name: not empty, not over-long (cli_check_name); *(const char **)dest */
    CLI_OPT_U64     /* a decimal number 0..2^64-1; *(uint64_t *)dest */
};

struct cli_opt {
    const char *name; /* "--key-file" */
    char short_name;  /* 'v' for -v, or 0 */
    enum cli_opt_kind kind;
    void *dest;
    int *seen;        /* optional: set to 1 when the option is given */
};

#define CLI_PARSE_HELP 1 /* -h/--help was given: print the usage, exit 0 */

/*
 * Parses argv[first..argc): options of the table (--name VALUE, --name=VALUE,
 * -x VALUE), "--" ends options, "-" is a positional. Positionals go to pos[]
 * (at most max_pos). 0, CLI_PARSE_HELP, or -1 with a message (a usage error).
 */
int cli_parse(int argc, char **argv, int first, const struct cli_opt *opts, const char **pos, int max_pos,
              int *npos);
/* A non-negative decimal number; -1 with a message naming opt. */
int cli_parse_u64(const char *opt, const char *s, uint64_t *value);
/* A file name given on the command line: refused when empty or longer than the
 * system allows (PATH_MAX, NAME_MAX per component); "-" passes. -1 with a message. */
int cli_check_name(const char *role, const char *name);

/* ---- secrets (tools/cli_util.c) ----------------------------------------------------- */

/* Zeroes n bytes; not removed by the optimiser; async-signal-safe. */
void cli_wipe(void *p, size_t n);
/* Registers memory holding secrets (at most 8 regions): mlock'ed where allowed,
 * wiped by cli_secrets_wipe() and by the fatal-signal handler. */
void cli_secret_add(void *p, size_t n);
void cli_secrets_wipe(void);

/* ---- files (tools/cli_util.c, tools/cli_output.c) ------------------------------------ */

/* Which file a name is, to refuse writing over it. */
struct cli_file_id {
    int set; /* 0: nothing to compare (a pipe, a file not opened) */
    dev_t dev;
    ino_t ino;
    const char *role; /* "INPUT", "the key file", ... for the message */
};

/*
 * Reads a secret file: skips `skip` bytes, then reads at most cap bytes into
 * buf (pass cap = limit + 1 to detect an over-long file); *len = bytes read;
 * *id = the file's identity (role "the key file"). -1 with a message naming
 * role ("key file") and path. buf is registered with nothing: the caller wipes it.
 */
int cli_read_secret_file(const char *role, const char *path, uint64_t skip, uint8_t *buf, size_t cap,
                         size_t *len, struct cli_file_id *id);

/* An opened INPUT: "-" is standard input (a stream), else a regular file or a block device. */
struct cli_input {
    int fd;
    int stream;    /* 1: read in order with read() (standard input); 0: pread */
    uint64_t size; /* bytes (0 for a stream: unknown) */
    struct cli_file_id id;
    const char *name;
};
int cli_input_open(struct cli_input *in, const char *name);
void cli_input_close(struct cli_input *in);

/*
 * OUTPUT created safely: no name exists until cli_output_commit (Linux
 * O_TMPFILE then linkat; elsewhere a temporary name that every catchable
 * terminating signal removes). "-" is standard output (refused on a terminal).
 * Refused when OUTPUT is one of avoid[] (same inode), a directory or not a
 * regular file; a symbolic link's target is written, the link stays.
 */
struct cli_output {
    int fd;
    int stream; /* 1: standard output, written in order */
    const char *name;
    /* private */
    int anonymous; /* O_TMPFILE: not linked yet */
    char dest[4096];
    char tmp[4096];
};
int cli_output_open(struct cli_output *out, const char *name, const struct cli_file_id *avoid, size_t navoid);
/* fsync (unless !sync), then give the file its name. -1 with a message; the output is then discarded. */
int cli_output_commit(struct cli_output *out, int sync);
/* Discards an uncommitted output (no file is left); harmless after commit or twice. */
void cli_output_abort(struct cli_output *out);

/* Set by SIGUSR1; the data path prints one progress line and clears it. */
extern volatile sig_atomic_t cli_progress_asked;

/* Installs the handlers: terminating signals remove the uncommitted output and wipe
 * the secrets, then end the process as the signal would; SIGUSR1 asks the data path
 * for one progress line (as dd does). */
void cli_signals_install(void);

/* ---- backends (tools/cmd_backends.c) -------------------------------------------------- */

/* --backend ID checked before any file is touched: 0, or -1 with a message; *usage is
 * set to 1 when the id is unknown (a usage error) rather than unusable here. */
int cli_check_backend(const char *id, int *usage);
/* The backend vxts_init picks here, or NULL. */
const char *cli_default_backend(void);

/* ---- the data path (tools/cli_xfer.c) ------------------------------------------------ */

#define CLI_XFER_TO_EOF UINT64_MAX
#define CLI_CHUNK_DEFAULT ((size_t)1 << 20)
#define CLI_CHUNK_MAX ((size_t)64 << 20)
#define CLI_THREADS_MAX 256u

enum cli_progress { CLI_PROGRESS_AUTO, CLI_PROGRESS_ON, CLI_PROGRESS_OFF };

/*
 * One job: `length` bytes of whole sectors from in_fd at in_offset to out_fd at
 * out_offset, transformed with ctx. Sector k (counting from the first) gets the IV
 * first_iv + k * iv_step. A stream (in/out_stream) is read or written in order;
 * a file with pread/pwrite. Worker threads each take a chunk, so reading,
 * AES-XTS and writing overlap; the output is the same for any threads/chunk.
 */
struct cli_xfer {
    const vxts_ctx *ctx;
    int encrypt;             /* 1 encrypt, 0 decrypt */
    int in_fd, in_stream;    /* in_stream: in_offset bytes are read and dropped first */
    uint64_t in_offset;
    uint64_t length;         /* a multiple of sector_size, or CLI_XFER_TO_EOF (then the end must be whole sectors) */
    int out_fd, out_stream;
    uint64_t out_offset;     /* ignored for a stream */
    size_t sector_size;      /* 512, 1024, 2048, 4096 */
    uint64_t first_iv;
    uint64_t iv_step;        /* cli_iv_step(); the last IV must not pass 2^64 - 1 (checked) */
    unsigned threads;        /* 0: online CPUs (at most CLI_THREADS_MAX) */
    size_t chunk_bytes;      /* 0: CLI_CHUNK_DEFAULT; else a multiple of sector_size, <= CLI_CHUNK_MAX */
    enum cli_progress progress;
    const char *verb;        /* "encrypt", "decrypt": progress and messages */
    const char *in_name, *out_name;
    /* Optional: sees the first chunk (from in_offset) before it is transformed and
     * written; returns -1 after printing a message to stop the job (the caller then
     * discards the output: later chunks of a file output may have been written). */
    int (*check_first)(const uint8_t *buf, size_t len, void *arg);
    void *check_arg;
};

/* The IV step of plain64 with sector size s: per 512 bytes (dm-crypt's default) or per sector. */
uint64_t cli_iv_step(size_t sector_size, int iv_large_sectors);
/* len bytes (whole sectors) from in to out (out == in allowed); sector k gets the IV
 * first_iv + k * iv_step (the caller guarantees the last IV fits in 64 bits). A VXTS_* status. */
int cli_transform(const vxts_ctx *ctx, int encrypt, uint8_t *out, const uint8_t *in, size_t len,
                  size_t sector_size, uint64_t first_iv, uint64_t iv_step);
/* Runs the job; *done = bytes transformed and written. 0, or -1 with one message. */
int cli_xfer_run(const struct cli_xfer *x, uint64_t *done);

#endif
