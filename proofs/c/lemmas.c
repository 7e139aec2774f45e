/* The spec's lemmas (proofs/spec/xts_spec.h, xts_lemmas.h), proved on their own. */
#include <stdint.h>
#include "xts_lemmas.h"
