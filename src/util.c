/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/* Small helpers shared by the library. */
#include <string.h>

#include "backend.h"

#if !((defined(__GNUC__) || defined(__clang__)) && !defined(__FRAMAC__))
/* A volatile function pointer: the compiler cannot prove the stores dead. */
static void *(*const volatile memset_not_dropped)(void *, int, size_t) = memset;

void vxts_memzero(void *p, size_t n)
{
    memset_not_dropped(p, 0, n);
}
#else
/* vxts_memzero is static inline in backend.h; an empty unit is not valid ISO C. */
typedef int vxts_util_unused;
#endif
