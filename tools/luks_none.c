/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* `vxts luks` in a build without libcrypto, libargon2 or json-c (mk/cli.mk, CLI_LUKS=no). */
#include "cli.h"

int cmd_luks(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("luks: this vxts was built without LUKS support (it needs libcrypto, libargon2 "
              "and json-c when it is built)");
    return CLI_EXIT_FAIL;
}
