/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* vxts — the command-line tool's entry (the commands: tools/vxts.c and cli.h). */
#include "cli.h"

int main(int argc, char **argv)
{
    int rc;
    cli_signals_install();
    rc = vxts_cli(argc, argv);
    cli_secrets_wipe();
    return rc;
}
