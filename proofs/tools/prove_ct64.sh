#!/bin/sh
# WP: RTE (with unsigned overflow), memory safety, assigns and termination of
# src/backend_ct64.c. Run from the repository root with WHY3CONFIG set
# (proofs/tools/why3conf.sh). Two runs, because the S-box circuits need
# -wp-no-let (with let-elimination Qed spends minutes per goal normalising the
# 128-gate XOR/AND terms) while the rest needs let-elimination (the bit-shift
# and bit-range tactics look at the inlined terms).
# rotr64, swap_across and swap_within are inlined at every call (all their
# shift counts and masks are constants there), so their RTE goals are proved
# once per call site, with the constants known.
set -e
PAR=${PAR:-2}
CPP="-Iinclude -Isrc -Iproofs/spec -DVXTS_SPEC_LEMMAS"
COMMON="-inline-calls rotr64,swap_across,swap_within -remove-inlined rotr64,swap_across,swap_within \
 -wp -wp-rte -warn-unsigned-overflow -wp-prover z3n,cvc4n -wp-timeout 20 -wp-par $PAR \
 -wp-auto wp:split,wp:bitshift,wp:bitrange"
frama-c -cpp-extra-args="$CPP" $COMMON -wp-skip-fct sbox_fwd,sbox_inv,sub_word src/backend_ct64.c
frama-c -cpp-extra-args="$CPP" $COMMON -wp-no-let -wp-fct sbox_fwd,sbox_inv,sub_word src/backend_ct64.c
