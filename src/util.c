/* Small helpers shared by the library. */
#include <string.h>

#include "backend.h"

/* A volatile function pointer: the compiler cannot prove the store is dead. */
static void *(*const volatile memset_not_dropped)(void *, int, size_t) = memset;

void vxts_memzero(void *p, size_t n)
{
    memset_not_dropped(p, 0, n);
}
