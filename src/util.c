/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* Small helpers shared by the library. */
#include <string.h>

#include "backend.h"

int vxts_id_in_list(const char *list, const char *id)
{
    size_t id_len = strlen(id), word_len;
    while (*list != '\0') {
        list += strspn(list, ", ");
        word_len = strcspn(list, ", ");
        if (word_len == id_len && memcmp(list, id, id_len) == 0)
            return 1;
        list += word_len;
    }
    return 0;
}

int vxts_never_supported(void)
{
    return 0;
}

#if !(defined(__x86_64__) || defined(__aarch64__)) || !(defined(__GNUC__) || defined(__clang__))
/* No vector registers known here: nothing to zero. */
void vxts_cpu_scrub_vectors(void)
{
}
#endif

#if !((defined(__GNUC__) || defined(__clang__)) && !defined(__FRAMAC__))
/* A volatile function pointer: the compiler cannot prove the stores dead. */
static void *(*const volatile memset_not_dropped)(void *, int, size_t) = memset;

void vxts_memzero(void *p, size_t n)
{
    memset_not_dropped(p, 0, n);
}
#endif
