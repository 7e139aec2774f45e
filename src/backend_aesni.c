/* TEMPORARY PLACEHOLDER: reports unsupported until the real aesni backend lands. */
#include "backend.h"
static int aesni_supported(void) { return 0; }
const vxts_backend vxts_backend_aesni = {"aesni", aesni_supported, 0, 0, 0, 0, 0, 0};
