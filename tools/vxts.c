/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts — the command table and the dispatcher (brssl's shape: one file per
 * command, see cli.h). main() is in tools/main.c so that the fuzzer can call
 * vxts_cli() in-process.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct cli_command commands[] = {
    {"luks", cmd_luks, "dump, decrypt or format a LUKS1/LUKS2 image (vxts luks --help)"},
    {"encrypt", cmd_encrypt, "encrypt INPUT into OUTPUT as plain dm-crypt sectors (aes-xts-plain64)"},
    {"decrypt", cmd_encrypt, "decrypt plain dm-crypt sectors of INPUT into OUTPUT"},
    {"selftest", cmd_selftest, "IEEE 1619 known-answer tests on every usable backend"},
    {"backends", cmd_backends, "the compiled-in backends, which are usable, the default"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(void)
{
    size_t i;
    fputs("Usage: vxts COMMAND [options] [ARGS]\n"
          "       vxts --help | --version\n"
          "\n"
          "AES-XTS storage encryption (IEEE 1619), byte-identical to Linux dm-crypt's\n"
          "aes-xts-plain64.\n"
          "\n"
          "Commands:\n",
          stdout);
    for (i = 0; i < NCOMMANDS; i++)
        printf("  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "'vxts COMMAND --help' lists a command's options.\n"
          "Exit status: 0 success, 1 failure, 2 usage error.\n",
          stdout);
}

int vxts_cli(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : NULL;
    int rc = CLI_EXIT_USAGE;
    size_t i;

    if (cmd == NULL) {
        cli_error("missing command (see vxts --help)");
        return CLI_EXIT_USAGE;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage();
        rc = CLI_EXIT_OK;
    } else if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("vxts %s (libvxts %s)\n", VXTS_VERSION_STRING, vxts_version());
        rc = CLI_EXIT_OK;
    } else {
        for (i = 0; i < NCOMMANDS && strcmp(commands[i].name, cmd) != 0; i++)
            ;
        if (i == NCOMMANDS) {
            cli_error("unknown %s '%s' (see vxts --help)", cmd[0] == '-' ? "option" : "command", cmd);
            return CLI_EXIT_USAGE;
        }
        rc = commands[i].run(argc - 1, argv + 1);
    }
    if (fflush(stdout) != 0 && rc == CLI_EXIT_OK) {
        cli_error("cannot write to standard output: %s", strerror(errno));
        rc = CLI_EXIT_FAIL;
    }
    return rc;
}
