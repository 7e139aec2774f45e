/*
 * ref's own lemmas (proofs/spec/ref_spec.h, -DVXTS_REF_LEMMAS), proved on
 * their own (proofs/prove.sh, run ref-lemmas), with the spec's lemmas
 * (xts_lemmas.h, proved in the run lemmas) as hypotheses.
 */
#include <stdint.h>
#include "xts_lemmas.h"
#include "ref_spec.h"
