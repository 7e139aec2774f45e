# make prove: the Frama-C/WP proofs, the bit-vector checks of the tweak
# arithmetic and the sanity checks (proofs/prove.sh); writes proofs/REPORT.md
# and fails if any goal is not proved. Installs frama-c-base, why3, z3 and
# cvc4 when run as root. About 10 minutes on 2 cores.
#   make prove                    everything
#   make prove PROVE_RUNS="mode"  only these runs (lemmas mode ref ct64 cli smt sanity hygiene)
.PHONY: prove
prove:
	proofs/prove.sh $(PROVE_RUNS)
