/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * The spec's lemmas, proved on their own (proofs/prove.sh): those of
 * proofs/spec/xts_lemmas.h and the mode layer's of proofs/spec/api_spec.h.
 */
#include <stdint.h>
#include "backend.h"
#include "api_spec.h"
#include "xts_lemmas.h"
