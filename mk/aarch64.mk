# SPDX-License-Identifier: Apache-2.0 OR MIT
# AArch64: cross-build with aarch64-linux-gnu-gcc and test under qemu-user.
#
#   make check-aarch64
#       builds the library, the test suite and the CLI for AArch64 (static
#       binaries, in $(AARCH64_BUILD)) and runs under `qemu-aarch64 -cpu max`:
#         - the library test suite (check-lib) for the backends armce and ct64;
#         - tests/aarch64/test_arm_cpu (CPU detection, ct64 fallback with
#           VXTS_DISABLE=armce, PSTATE.DIT) on -cpu max and on the
#           models in AARCH64_CPU_MODELS;
#         - the CLI tests (check-cli) with the default backend (armce), and
#           the basic CLI suite again with armce disabled (ct64);
#         - tests/aarch64/check_neon_model: the NEON model of the proofs
#           (proofs/model/vxts_neon.h) against the real intrinsics, after
#           checking that it models every intrinsic backend_armce.c uses
#           (against qemu, an emulator, not silicon).
#       Ends with "N passed, N failed" over all of it; logs in
#       $(AARCH64_BUILD)/check-aarch64/.
#   make install-aarch64 PREFIX=DIR [DESTDIR=...]
#       installs the AArch64 libvxts.a and vxts.h into LIBDIR and INCLUDEDIR (DIR/lib, DIR/include).
#
# Debian packages: gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
# (qemu-user-static also works); the CLI tests also need libssl-dev for their
# native oracle and, for the LUKS2 part, cryptsetup-bin and jq. On an
# AArch64 host nothing is emulated (AARCH64_QEMU is empty).
#
# Knobs: AARCH64_CC, AARCH64_BUILD, AARCH64_QEMU, AARCH64_CPU (default max),
# AARCH64_CPU_MODELS, AARCH64_JOBS (check-lib programs run in parallel),
# AARCH64_TEST_ENV (environment of the library tests), AARCH64_CLI_SUITES.

AARCH64_CC         ?= aarch64-linux-gnu-gcc
AARCH64_BUILD      ?= build-aarch64
AARCH64_CPU        ?= max
# Models without FEAT_DIT (cortex-a*, neoverse-n1, a64fx): the no-DIT path.
AARCH64_CPU_MODELS ?= cortex-a53 cortex-a72 neoverse-n1 a64fx
AARCH64_JOBS       ?= 2
# Under emulation, skip the random lengths above 64 KiB of test_differential
# (its fixed 2^24 lengths still run; every length 16..8191 is in test_guard).
AARCH64_TEST_ENV   ?= VXTS_TEST_LARGE_RANDOM=0 VXTS_TEST_MEDIUM_RANDOM=16
AARCH64_CLI_SUITES ?= basic data luks
AARCH64_EXTRA_CFLAGS ?= -Werror
ifeq ($(shell uname -m),aarch64)
AARCH64_QEMU       ?=
else
AARCH64_QEMU       ?= $(firstword $(foreach q,qemu-aarch64 qemu-aarch64-static,$(shell command -v $(q) 2> /dev/null)))
endif
AARCH64_RUNNER      = $(if $(AARCH64_QEMU),$(AARCH64_QEMU) -cpu $(AARCH64_CPU))

A64_MAKE  = $(MAKE) --no-print-directory CC=$(AARCH64_CC) BUILD=$(AARCH64_BUILD) EXTRA_CFLAGS="$(AARCH64_EXTRA_CFLAGS)"
A64_LOGS  = $(AARCH64_BUILD)/check-aarch64
A64_CHECK = sh tests/aarch64/check.sh
A64_CPU_TEST = $(AARCH64_BUILD)/tests/aarch64/test_arm_cpu
A64_NEON_MODEL = $(AARCH64_BUILD)/tests/aarch64/check_neon_model

.PHONY: aarch64-toolchain aarch64-build aarch64-tests-build check-aarch64 install-aarch64 neon-model-coverage

# Every NEON intrinsic backend_armce.c calls (comment lines aside) has a model in vxts_neon.h.
neon-model-coverage:
	@used=$$(grep -v '^\s*\(\*\|/\*\)' src/backend_armce.c | \
	    grep -ohE '\bv[a-z0-9]+q?_(n_|lane_)?[usp][0-9]+(_[usp][0-9]+)?\b' | sort -u); \
	missing=$$(for f in $$used; do grep -q "VXN($$f)" proofs/model/vxts_neon.h || echo "$$f"; done); \
	if [ -n "$$missing" ]; then echo "neon-model-coverage: used by backend_armce.c, not modelled:" $$missing; exit 1; fi; \
	echo "neon-model-coverage: all $$(echo "$$used" | wc -l) intrinsics backend_armce.c uses are modelled"

aarch64-toolchain:
	@command -v $(AARCH64_CC) > /dev/null 2>&1 || { echo "$(AARCH64_CC) not found; on Debian: apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross" >&2; exit 1; }

# The library (static and shared), then static test programs and CLI.
aarch64-build: aarch64-toolchain
	$(A64_MAKE) lib
	$(A64_MAKE) LDFLAGS=-static tests-build cli aarch64-tests-build

check-aarch64: neon-model-coverage aarch64-build
	@$(A64_CHECK) runner "$(AARCH64_RUNNER)" $(AARCH64_BUILD)/bin/vxts
	@rm -rf $(A64_LOGS) && mkdir -p $(A64_LOGS)
	@$(A64_CHECK) step $(A64_LOGS)/lib.log env $(AARCH64_TEST_ENV) VXTS_TEST_BACKENDS=armce,ct64 \
		$(A64_MAKE) LDFLAGS=-static -j$(AARCH64_JOBS) check-lib TEST_RUNNER="$(AARCH64_RUNNER)"
	@$(A64_CHECK) cpus $(A64_LOGS) "$(AARCH64_QEMU)" "$(AARCH64_CPU) $(AARCH64_CPU_MODELS)" $(A64_CPU_TEST)
	@$(A64_CHECK) step $(A64_LOGS)/cpu-armce-disabled.log env VXTS_DISABLE=armce \
		$(AARCH64_RUNNER) $(A64_CPU_TEST) --expect=ct64 --cpu=$(AARCH64_CPU)
	@$(A64_CHECK) step $(A64_LOGS)/cli-armce.log env VXTS_CLI_SUITES="$(AARCH64_CLI_SUITES)" \
		$(A64_MAKE) LDFLAGS=-static check-cli CLI_RUNNER="$(AARCH64_RUNNER)"
	@$(A64_CHECK) step $(A64_LOGS)/cli-ct64.log env VXTS_DISABLE=armce VXTS_CLI_SUITES=basic \
		$(A64_MAKE) LDFLAGS=-static check-cli CLI_RUNNER="$(AARCH64_RUNNER)"
	@$(A64_CHECK) step $(A64_LOGS)/neon-model.log $(AARCH64_RUNNER) $(A64_NEON_MODEL)
	@$(A64_CHECK) sum $(A64_LOGS)/lib.log $(A64_LOGS)/cpu-*.log $(A64_LOGS)/cli-*.log $(A64_LOGS)/neon-model.log

install-aarch64: aarch64-toolchain
	$(A64_MAKE) $(AARCH64_BUILD)/lib/libvxts.a
	install -d $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)
	install -m 644 include/vxts.h $(DESTDIR)$(INCLUDEDIR)/vxts.h
	install -m 644 $(AARCH64_BUILD)/lib/libvxts.a $(DESTDIR)$(LIBDIR)/libvxts.a

# ---- tests/aarch64 (built by the sub-make, where CC is the cross compiler) ----
A64_TDIR := $(BUILD)/tests/aarch64

ifeq ($(VXTS_ARCH),aarch64)
aarch64-tests-build: $(A64_TDIR)/test_arm_cpu $(A64_TDIR)/check_neon_model

# Its own copy of the armce backend, with the hook that observes PSTATE.DIT inside
# each entry point; it takes the place of libvxts.a's backend_armce.o at link time.
$(A64_TDIR)/armce_hooked.o: src/backend_armce.c src/backend.h src/cpu_arm.h include/vxts.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Werror $(ISA_armce) -DVXTS_ARMCE_TEST_HOOK=vxts_test_armce_hook -c $< -o $@

$(A64_TDIR)/test_arm_cpu.o: tests/aarch64/test_arm_cpu.c tests/testlib.h tests/oracle.h include/vxts.h src/cpu_arm.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Werror -Itests -c $< -o $@

$(A64_TDIR)/test_arm_cpu: $(A64_TDIR)/test_arm_cpu.o $(A64_TDIR)/armce_hooked.o \
		$(BUILD)/tests/testlib.o $(BUILD)/tests/oracle.o $(STATIC)
	$(CC) $(LDFLAGS) -o $@ $^ -pthread

# The NEON model's check, with the backend's ISA flags.
$(A64_TDIR)/check_neon_model: tests/aarch64/check_neon_model.c tests/testlib.h proofs/model/vxts_neon.h proofs/model/vxts_intrin.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Werror $(ISA_armce) -Iproofs/model -Itests $(LDFLAGS) -o $@ $<
else
aarch64-tests-build:
	@echo "aarch64-tests-build: CC ($(CC)) does not target aarch64; use make check-aarch64" >&2; exit 1
endif
