# SPDX-License-Identifier: Apache-2.0 OR MIT
# make prove: the Frama-C/WP proofs, the bit-vector checks of the tweak
# arithmetic and the sanity checks (proofs/prove.sh); writes the report of the
# run to $(PROVE_OUT)/REPORT.md and fails if any goal is not proved, or if the
# committed proofs/REPORT.md is not the run's time-free report
# ($(PROVE_OUT)/REPORT.time-free.md: no date, times or per-prover counts).
# Installs frama-c-base, why3, z3 and cvc4 when run as root. About 15 minutes
# on 2 cores.
#   make prove                    everything
#   make prove PROVE_RUNS="mode-key ref-xts"  only these runs (names in proofs/prove.sh);
#                                 their report, no check of proofs/REPORT.md
#   make prove-report             after a full run whose goals are all proved:
#                                 copy its time-free report to proofs/REPORT.md
PROVE_OUT ?= build/proofs
.PHONY: prove prove-report
prove:
	PROVE_OUT=$(PROVE_OUT) proofs/prove.sh $(PROVE_RUNS)

prove-report:
	@test -f $(PROVE_OUT)/REPORT.time-free.md || { echo "prove-report: no full run's report in $(PROVE_OUT) (make prove)" >&2; exit 1; }
	@tail -n 1 $(PROVE_OUT)/REPORT.time-free.md | grep -q ' 0 failed$$' || { echo "prove-report: the run in $(PROVE_OUT) did not prove everything: $$(tail -n 1 $(PROVE_OUT)/REPORT.time-free.md)" >&2; exit 1; }
	cp $(PROVE_OUT)/REPORT.time-free.md proofs/REPORT.md
	@git diff --stat -- proofs/REPORT.md 2>/dev/null || true
