/* TEMPORARY PLACEHOLDER: reports unsupported until the real vaes512 backend lands. */
#include "backend.h"
static int vaes512_supported(void) { return 0; }
const vxts_backend vxts_backend_vaes512 = {"vaes512", vaes512_supported, 0, 0, 0, 0, 0, 0};
