# SPDX-License-Identifier: Apache-2.0 OR MIT
# make mca: llvm-mca's static estimate of the armce main loop (#14, "Arm speed without Arm
# silicon"), for the unroll counts MCA_UNROLLS (5 ships), once per llvm-mca in MCA_TOOLS and
# CPU model in MCA_CPUS. Estimates of a static model, not measurements; see tools/mca.sh.
# Debian packages: scripts/deps.sh mca (llvm-16 and llvm-19: only llvm-19 has a Neoverse V1
# model of its own; llvm-16 gives -mcpu=neoverse-v1 its N2 model).
MCA_TOOLS   ?= llvm-mca-16 llvm-mca-19
MCA_CPUS    ?= neoverse-v1 neoverse-n2
MCA_UNROLLS ?= 3 4 5 6 8

.PHONY: mca
mca:
	@for tool in $(MCA_TOOLS); do \
		MCA=$$tool MCA_CPUS="$(MCA_CPUS)" MCA_BUILD=$(BUILD)/mca/$$tool \
		MCA_CFLAGS="$(ALL_CFLAGS) $(ISA_aarch64_armce)" \
		nice -n 10 sh tools/mca.sh $(MCA_UNROLLS) || exit 1; echo; \
	done
