# SPDX-License-Identifier: Apache-2.0 OR MIT
# make prove: the Frama-C/WP proofs, the bit-vector checks of the tweak
# arithmetic and the sanity checks (proofs/prove.sh); writes proofs/REPORT.md
# and fails if any goal is not proved. Installs frama-c-base, why3, z3 and
# cvc4 when run as root. About 15 minutes on 2 cores.
#   make prove                    everything
#   make prove PROVE_RUNS="mode-key ref-xts"  only these runs (names in proofs/prove.sh)
.PHONY: prove
prove:
	proofs/prove.sh $(PROVE_RUNS)
