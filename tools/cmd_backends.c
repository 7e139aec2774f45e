/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts backends — the compiled-in backends, which are usable here, the default;
 * and the --backend checks the data commands share.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

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

/* Asks vxts_init (any valid key will do). */
const char *cli_default_backend(void)
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

int cli_check_backend(const char *id, int *usage)
{
    char list[256];
    *usage = 0;
    if (id == NULL)
        return 0;
    if (!backend_compiled_in(id)) {
        *usage = 1;
        backend_list(list, sizeof list, 0);
        return cli_fail("unknown backend '%s' (compiled in: %s)", id, list);
    }
    if (vxts_backend_usable(id) != VXTS_OK) {
        backend_list(list, sizeof list, 1);
        return cli_fail("backend '%s' is compiled in but not usable on this CPU (usable: %s)", id, list);
    }
    return 0;
}

int cmd_backends(int argc, char **argv)
{
    size_t i;
    const char *b, *def;

    if (argc > 1) {
        if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
            fputs("Usage: vxts backends\n\nLists the compiled-in backends, which are usable on this CPU, "
                  "and the default.\n", stdout);
            return CLI_EXIT_OK;
        }
        cli_error("backends takes no arguments, got '%s'", argv[1]);
        return CLI_EXIT_USAGE;
    }
    def = cli_default_backend();
    printf("%-10s %s\n", "backend", "status");
    for (i = 0; (b = vxts_backend_id(i)) != NULL; i++)
        printf("%-10s %s\n", b, vxts_backend_usable(b) == VXTS_OK ? "usable" : "n/a (not usable on this CPU)");
    printf("default: %s (the one vxts_init picks here)\n", def != NULL ? def : "none");
    return def != NULL ? CLI_EXIT_OK : CLI_EXIT_FAIL;
}
