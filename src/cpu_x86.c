/* TEMPORARY PLACEHOLDER: CPU feature detection lands with the x86 backends. */
#include "backend.h"
