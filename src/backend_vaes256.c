/* TEMPORARY PLACEHOLDER: reports unsupported until the real vaes256 backend lands. */
#include "backend.h"
static int vaes256_supported(void) { return 0; }
const vxts_backend vxts_backend_vaes256 = {"vaes256", vaes256_supported, 0, 0, 0, 0, 0, 0};
