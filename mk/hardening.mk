# SPDX-License-Identifier: Apache-2.0 OR MIT
# make check-hardening: constant-time checks, fuzzing, the sanitizer and
# compiler matrix, static analysis (tests/ct/README.md, tests/fuzz/README.md).
# Each check logs to $(HARD_LOGS)/<check>.log, which ends with "N passed,
# N failed"; the target prints every check's counts and ends with their sum
# "N passed, N failed", and fails if any check failed.
#
#   make check-hardening                    everything (about 8-10 minutes on 2 cores)
#   make check-hardening HARD_CHECKS="ct-taint-O2 ct-dudect"   only these checks
#   make check-hardening FUZZ_SECONDS=600   fuzz longer (default 60 s per target)
#   make ct-branches-update                 rewrite the reviewed branch listing
#                                           (tests/ct/branches.<compiler>.expected)
#
# Checks (HARD_CHECKS):
#   ct-taint-O2 ct-taint-O0 ct-taint-O3  valgrind memcheck secret-taint test of the
#                   library built with $(HARD_CT_CC) at -O2 (the shipped flags), -O0
#                   and -O3, on every backend valgrind can run (ct64, aesni)
#   ct-dudect       fixed-vs-random timing t-test, every usable backend (-O2 build)
#   ct-asm          every conditional branch of the -O2 objects, checked against the
#                   reviewed listing; plus a negative control
#   san-gcc-O0 san-gcc-O3 san-clang-O0 san-clang-O3
#                   the library's tests (check-lib) built with ASan + UBSan
#                   (stopping at the first error) and -Wall -Wextra -Werror;
#                   all but test_differential (see HARD_SAN_TESTS)
#   san-cli-gcc-O0 ... san-cli-clang-O3 (the LUKS suite too in the -O0 builds)
#                   the CLI's tests (check-cli, basic and data suites) in the same four builds
#   san-provider    the OpenSSL provider and its EVP tests (check-provider) built with gcc -O0,
#                   ASan + UBSan, both ways of loading it; 4 random lengths to 2^24, and no
#                   `openssl` command checks (the system openssl cannot load a sanitized module)
#   tsan-cli        the CLI's data suite (threads, streams, signals) with ThreadSanitizer
#   warn-clang-O2   the library, CLI and tests built with clang -Werror at -O2
#                   (gcc -O2 -Werror is the ct-* build)
#   fuzz-differential fuzz-api fuzz-cli fuzz-luks
#                   libFuzzer targets (clang, ASan + UBSan): regression inputs and
#                   seeds replayed, then FUZZ_SECONDS of fuzzing each
#   cppcheck clang-tidy   static analysis of src/ and providers/
#
# Build directories: build-ct-O{0,2,3}, build-asan-{gcc,clang}-O{0,3},
# build-warn-clang-O2, build-fuzz, build-tsan (all ignored by git, removed by make clean).
#
# Needs (Debian): valgrind, clang, libclang-rt-14-dev (libFuzzer, sanitizer
# runtimes), cppcheck, clang-tidy, python3, binutils (objdump).

# The sub-makes that build the configurations below get HARD_SUBMAKE=1: they
# only need the Makefile's own rules.
ifndef HARD_SUBMAKE

HARD_LOGS     ?= $(BUILD)/hardening
HARD_CT_CC    ?= gcc
HARD_GCC      ?= gcc
HARD_CLANG    ?= clang
FUZZ_SECONDS  ?= 60
DUDECT_N      ?= 500000
DUDECT_N_SLOW ?= 50000
HARD_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# The -O3 builds leave out what makes the SIMD backends' compile time explode
# (measured on backend_aesni.c, normally ~2 s): UBSan's pointer-overflow check
# (clang: 14 s -> over 4 min) and ASan's use-after-scope (gcc: doubles it); and
# with clang, -fno-sanitize-recover=all (over 2 min per backend even without
# pointer-overflow): there UBSan stays recoverable at compile time and
# UBSAN_OPTIONS=halt_on_error=1 below makes it stop at the first error all the
# same. The -O0 builds keep everything; ASan checks every access at -O3 too.
HARD_SAN_O3_gcc   := $(HARD_SAN) -fno-sanitize=pointer-overflow -fno-sanitize-address-use-after-scope
HARD_SAN_O3_clang := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize=pointer-overflow \
                     -fno-sanitize-address-use-after-scope
# Under ASan a segmentation fault must stay a signal: test_guard's harness
# checks that its guard pages kill a child with SIGSEGV.
HARD_SAN_ENV  := ASAN_OPTIONS=handle_segv=0:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# The core tests under the sanitizers. test_differential checks every length up to
# 2^24 against the byte-level reference, which takes more than 15 minutes under
# ASan at -O0; it runs natively in check-lib, and fuzz-differential covers the same
# property under ASan + UBSan here.
HARD_SAN_TESTS ?= test_guard test_vectors test_errors test_sectors test_dispatch
HARD_SAN_TEST_ENV ?= VXTS_TEST_MEDIUM_RANDOM=8 VXTS_TEST_LARGE_RANDOM=0

HARD_CHECKS ?= cppcheck clang-tidy ct-asm ct-taint-O2 ct-taint-O0 ct-taint-O3 ct-dudect \
               fuzz-differential fuzz-api fuzz-cli fuzz-luks \
               san-gcc-O0 san-clang-O0 san-gcc-O3 san-clang-O3 \
               san-cli-gcc-O0 san-cli-clang-O0 san-cli-gcc-O3 san-cli-clang-O3 san-provider tsan-cli warn-clang-O2

HARD_RUN := sh tests/ct/hardening.sh run $(HARD_LOGS)
HARD_LOG_FILES := $(addprefix $(HARD_LOGS)/,$(addsuffix .log,$(HARD_CHECKS)))

# A check whose build fails leaves no log and counts as failed; -k lets the
# others run.
.PHONY: check-hardening hard-logs ct-branches-update hard-force
check-hardening:
	@rm -f $(HARD_LOG_FILES)
	@$(MAKE) --no-print-directory -k hard-logs || true
	@sh tests/ct/hardening.sh sum $(HARD_LOGS) $(HARD_CHECKS)

hard-logs: $(HARD_LOG_FILES)

hard-force:

# ---- constant time --------------------------------------------------------------

CT_VARIANTS := O0 O2 O3
CT_TEST_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) -Werror -O2 -g -Iinclude -Iref
HARD_CT_ID := $(shell $(HARD_CT_CC) -dumpversion 2>/dev/null | cut -d. -f1)
CT_BRANCHES := tests/ct/branches.$(notdir $(HARD_CT_CC))-$(HARD_CT_ID).expected
# Every library object but the CPU detection (which branches on CPUID/HWCAP bits only);
# a shell glob, as the objects do not exist when make reads this file.
CT_ASM_OBJS = $$(ls build-ct-O2/obj/*.o | grep -v -e /cpu_x86.o -e /cpu_arm.o)

# The library at each optimisation level, with exactly the Makefile's flags
# otherwise (-O2 -g is what `make lib` ships), plus -Werror.
$(addprefix build-ct-,$(addsuffix /lib/libvxts.a,$(CT_VARIANTS))): build-ct-%/lib/libvxts.a: hard-force
	@mkdir -p build-ct-$*
	@$(MAKE) --no-print-directory HARD_SUBMAKE=1 lib BUILD=build-ct-$* CC=$(HARD_CT_CC) CFLAGS="-$* -g" \
		EXTRA_CFLAGS=-Werror LDFLAGS= >build-ct-$*/build.log 2>&1 || { tail -n 30 build-ct-$*/build.log; exit 1; }

build-ct-%/ct/ct_taint: tests/ct/ct_taint.c ref/ref_xts.c ref/ref_xts.h include/vxts.h build-ct-%/lib/libvxts.a
	@mkdir -p $(dir $@)
	$(HARD_CT_CC) $(CT_TEST_CFLAGS) tests/ct/ct_taint.c ref/ref_xts.c build-ct-$*/lib/libvxts.a -o $@

build-ct-%/ct/isa_probe: tests/ct/isa_probe.c
	@mkdir -p $(dir $@)
	$(HARD_CT_CC) $(CT_TEST_CFLAGS) $< -o $@

build-ct-O2/ct/ct_dudect: tests/ct/ct_dudect.c include/vxts.h build-ct-O2/lib/libvxts.a
	@mkdir -p $(dir $@)
	$(HARD_CT_CC) $(CT_TEST_CFLAGS) $< build-ct-O2/lib/libvxts.a -lm -o $@

# The negative control of the branch analysis, with the vaes512 flags.
build-ct-O2/ct/asm_control.o: tests/ct/asm_control.c
	@mkdir -p $(dir $@)
	$(HARD_CT_CC) -std=c11 $(WARN) -Werror -O2 $(ISA_vaes512) -msse4.1 -c $< -o $@

# -O2 is the shipped build: the full taint test. -O0 / -O3: the quick one.
$(HARD_LOGS)/ct-taint-O2.log: build-ct-O2/ct/ct_taint build-ct-O2/ct/isa_probe tests/ct/taint.supp hard-force
	@$(HARD_RUN) ct-taint-O2 sh tests/ct/hardening.sh taint build-ct-O2 tests/ct/taint.supp
$(HARD_LOGS)/ct-taint-O0.log: build-ct-O0/ct/ct_taint build-ct-O0/ct/isa_probe tests/ct/taint.supp hard-force
	@$(HARD_RUN) ct-taint-O0 sh tests/ct/hardening.sh taint build-ct-O0 tests/ct/taint.supp --quick
$(HARD_LOGS)/ct-taint-O3.log: build-ct-O3/ct/ct_taint build-ct-O3/ct/isa_probe tests/ct/taint.supp hard-force
	@$(HARD_RUN) ct-taint-O3 sh tests/ct/hardening.sh taint build-ct-O3 tests/ct/taint.supp --quick

$(HARD_LOGS)/ct-dudect.log: build-ct-O2/ct/ct_dudect hard-force
	@$(HARD_RUN) ct-dudect build-ct-O2/ct/ct_dudect --n $(DUDECT_N) --n-slow $(DUDECT_N_SLOW)

ifeq ($(VXTS_ARCH),x86_64)
$(HARD_LOGS)/ct-asm.log: build-ct-O2/lib/libvxts.a build-ct-O2/ct/asm_control.o tests/ct/asm_branches.py hard-force
	@$(HARD_RUN) ct-asm sh -c 'python3 tests/ct/asm_branches.py --control --listing build-ct-O2/ct/asm-control.txt \
		build-ct-O2/ct/asm_control.o && c=1 || c=0; \
		python3 tests/ct/asm_branches.py --compiler "$(HARD_CT_CC) $(HARD_CT_ID) -O2" \
		--listing $(HARD_LOGS)/asm-branches.txt --expected $(CT_BRANCHES) $(CT_ASM_OBJS) && l=1 || l=0; \
		echo "$$((c + l)) passed, $$((2 - c - l)) failed"'
else
$(HARD_LOGS)/ct-asm.log: hard-force
	@$(HARD_RUN) ct-asm echo "ct-asm: the branch analysis reads x86-64 code only; skipped on $(VXTS_ARCH)"
endif

ct-branches-update: build-ct-O2/lib/libvxts.a
	@mkdir -p build-ct-O2/ct
	python3 tests/ct/asm_branches.py --update --compiler "$(HARD_CT_CC) $(HARD_CT_ID) -O2" \
		--listing build-ct-O2/ct/asm-branches.txt --expected $(CT_BRANCHES) $(CT_ASM_OBJS)
	@echo "review build-ct-O2/ct/asm-branches.txt and the diff of $(CT_BRANCHES), then commit"

# ---- sanitizers and compilers ------------------------------------------------------

# san-<compiler>-<level>: the library and its tests with ASan + UBSan and -Werror.
HARD_SAN_CONFIGS := gcc-O0 gcc-O3 clang-O0 clang-O3
hard_cc = $(if $(filter gcc-%,$(1)),$(HARD_GCC),$(HARD_CLANG))
hard_opt = -$(lastword $(subst -, ,$(1)))
hard_san = $(if $(filter %-O0,$(1)),$(HARD_SAN),$(HARD_SAN_O3_$(firstword $(subst -, ,$(1)))))

hard_san_make = $(MAKE) --no-print-directory HARD_SUBMAKE=1 BUILD=build-asan-$(1) CC=$(call hard_cc,$(1)) \
	CFLAGS="$(call hard_opt,$(1)) -g $(call hard_san,$(1))" EXTRA_CFLAGS=-Werror LDFLAGS="$(call hard_san,$(1))"

# The library first (fuzz-* reuses the clang -O3 one's SIMD backends), then check-lib.
$(addprefix build-asan-,$(addsuffix /lib/libvxts.a,$(HARD_SAN_CONFIGS))): build-asan-%/lib/libvxts.a: hard-force
	@mkdir -p build-asan-$*
	@$(call hard_san_make,$*) lib >build-asan-$*/build.log 2>&1 || { tail -n 30 build-asan-$*/build.log; exit 1; }

$(addprefix $(HARD_LOGS)/san-,$(addsuffix .log,$(HARD_SAN_CONFIGS))): $(HARD_LOGS)/san-%.log: build-asan-%/lib/libvxts.a hard-force
	@$(HARD_RUN) san-$* env $(HARD_SAN_ENV) $(HARD_SAN_TEST_ENV) $(call hard_san_make,$*) check-lib \
		TEST_RUN="$(HARD_SAN_TESTS)" TEST_WITH_OPENSSL=no

# The CLI's own tests (tests/cli/run.sh: options, errors, round trips, byte-identity
# with OpenSSL, the data path, and vxts luks with cryptsetup) on the sanitized CLI; the
# oracle is built natively. The LUKS suite runs in the -O0 builds (every check on; about
# 40 s each); ASan reserves terabytes of address space, so its `ulimit -v` is off there.
HARD_SAN_CLI_SUITES = basic data $(if $(filter %-O0,$(1)),luks)
$(addprefix $(HARD_LOGS)/san-cli-,$(addsuffix .log,$(HARD_SAN_CONFIGS))): $(HARD_LOGS)/san-cli-%.log: build-asan-%/lib/libvxts.a hard-force
	@$(HARD_RUN) san-cli-$* env $(HARD_SAN_ENV) VXTS_CLI_SUITES="$(call HARD_SAN_CLI_SUITES,$*)" VXTS_LUKS_VMEM_KIB= \
		$(call hard_san_make,$*) check-cli

# The provider in the gcc -O0 sanitizer build (its library reused): vxts.so and test_provider
# both sanitized, so that the test program brings the runtimes the module needs.
$(HARD_LOGS)/san-provider.log: build-asan-gcc-O0/lib/libvxts.a hard-force
	@$(HARD_RUN) san-provider env $(HARD_SAN_ENV) VXTS_PROVIDER_CLI=no VXTS_PROVIDER_LARGE=4 \
		$(call hard_san_make,gcc-O0) check-provider

# ThreadSanitizer (clang) on the library and the CLI: the CLI suite's data part
# (threads, chunk sizes, streams, progress, signals) through the threaded data path.
$(HARD_LOGS)/tsan-cli.log: hard-force
	@$(HARD_RUN) tsan-cli env TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 VXTS_CLI_SUITES=data \
		$(MAKE) --no-print-directory HARD_SUBMAKE=1 BUILD=build-tsan CC=$(HARD_CLANG) CFLAGS="-O1 -g -fsanitize=thread" \
		EXTRA_CFLAGS=-Werror LDFLAGS=-fsanitize=thread check-cli

# clang -Werror at the shipped level: library, CLI and test programs (gcc: ct-*).
$(HARD_LOGS)/warn-clang-O2.log: hard-force
	@$(HARD_RUN) warn-clang-O2 sh -c '$(MAKE) --no-print-directory HARD_SUBMAKE=1 lib cli tests-build BUILD=build-warn-clang-O2 \
		CC=$(HARD_CLANG) CFLAGS="-O2 -g" EXTRA_CFLAGS=-Werror LDFLAGS= TEST_WITH_OPENSSL=no && \
		echo "1 passed, 0 failed"'

# ---- fuzzing ---------------------------------------------------------------------------

FUZZ_DIR     := build-fuzz
FUZZ_CFLAGS  := -O1 -g -fsanitize=fuzzer-no-link $(HARD_SAN_O3_clang)
FUZZ_LINK    := -fsanitize=fuzzer,address,undefined
FUZZ_TCFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) -Werror -O1 -g -Iinclude -Iref
FUZZ_TARGETS := differential api cli luks
# The fuzz library: the mode layer, the table, ct64 and the CPU detection with
# coverage instrumentation (what steers the fuzzer); the SIMD backends, straight-line
# code whose coverage instrumentation costs minutes of compile time, are the
# san-clang-O3 build's objects (same sanitizers, no coverage).
FUZZ_NOCOV_SRC := $(filter %/backend_aesni.c %/backend_vaes256.c %/backend_vaes512.c %/backend_armce.c,$(LIB_SRC))
FUZZ_COV_OBJ   := $(patsubst src/%.c,$(FUZZ_DIR)/obj/%.o,$(filter-out $(FUZZ_NOCOV_SRC),$(LIB_SRC)))
FUZZ_NOCOV_OBJ := $(patsubst src/%.c,build-asan-clang-O3/obj/%.o,$(FUZZ_NOCOV_SRC))

$(FUZZ_COV_OBJ): $(FUZZ_DIR)/obj/%.o: src/%.c include/vxts.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(HARD_CLANG) -std=c11 -D_GNU_SOURCE $(WARN) -Werror $(FUZZ_CFLAGS) -fPIC -Iinclude -Isrc \
		$(ISA_$(patsubst backend_%,%,$*)) -c $< -o $@

$(FUZZ_DIR)/lib/libvxts.a: $(FUZZ_COV_OBJ) build-asan-clang-O3/lib/libvxts.a
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $(FUZZ_COV_OBJ) $(FUZZ_NOCOV_OBJ)

$(FUZZ_DIR)/bin/fuzz_differential: tests/fuzz/fuzz_differential.c ref/ref_xts.c $(FUZZ_DIR)/lib/libvxts.a
	@mkdir -p $(dir $@)
	$(HARD_CLANG) $(FUZZ_TCFLAGS) $(FUZZ_LINK) tests/fuzz/fuzz_differential.c ref/ref_xts.c $(FUZZ_DIR)/lib/libvxts.a -o $@

$(FUZZ_DIR)/bin/fuzz_api: tests/fuzz/fuzz_api.c $(FUZZ_DIR)/lib/libvxts.a
	@mkdir -p $(dir $@)
	$(HARD_CLANG) $(FUZZ_TCFLAGS) $(FUZZ_LINK) tests/fuzz/fuzz_api.c $(FUZZ_DIR)/lib/libvxts.a -o $@

# The CLI in-process: fuzz_cli calls vxts_cli() (tools/vxts.c), the function main() calls;
# every CLI source but main.c, with coverage.
FUZZ_CLI_OBJ := $(patsubst tools/%.c,$(FUZZ_DIR)/obj/cli/%.o,$(CLI_LIB_SRC))

$(FUZZ_CLI_OBJ): $(FUZZ_DIR)/obj/cli/%.o: tools/%.c $(CLI_HDR) include/vxts.h
	@mkdir -p $(dir $@)
	$(HARD_CLANG) -std=c11 $(WARN) -Werror $(FUZZ_CFLAGS) -pthread -Iinclude -Itools -c $< -o $@

$(FUZZ_DIR)/bin/fuzz_cli: tests/fuzz/fuzz_cli.c $(FUZZ_CLI_OBJ) $(FUZZ_DIR)/lib/libvxts.a
	@mkdir -p $(dir $@)
	$(HARD_CLANG) $(FUZZ_TCFLAGS) $(FUZZ_LINK) -pthread tests/fuzz/fuzz_cli.c $(FUZZ_CLI_OBJ) \
		$(FUZZ_DIR)/lib/libvxts.a $(CLI_LIBS) -o $@

# The LUKS header/JSON/keyslot parser of `vxts luks` (tools/luks_*.c) with the CLI's message
# helpers; links libcrypto, libargon2 and json-c like the CLI.
FUZZ_LUKS_SRC := tools/luks_header.c tools/luks_json.c tools/luks_kdf.c tools/luks_keyslot.c \
                 tools/luks_dump.c tools/cli_util.c
$(FUZZ_DIR)/bin/fuzz_luks: tests/fuzz/fuzz_luks.c $(FUZZ_LUKS_SRC) tools/luks.h tools/luks_internal.h tools/cli.h \
		$(FUZZ_DIR)/lib/libvxts.a
	@mkdir -p $(dir $@)
	$(HARD_CLANG) -std=c11 $(WARN) -Werror $(FUZZ_CFLAGS) $(FUZZ_LINK) -Iinclude -Itools tests/fuzz/fuzz_luks.c $(FUZZ_LUKS_SRC) \
		$(FUZZ_DIR)/lib/libvxts.a -lcrypto -largon2 -ljson-c -o $@

$(addprefix $(HARD_LOGS)/fuzz-,$(addsuffix .log,$(FUZZ_TARGETS))): $(HARD_LOGS)/fuzz-%.log: $(FUZZ_DIR)/bin/fuzz_% hard-force
	@$(HARD_RUN) fuzz-$* env UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 sh tests/ct/hardening.sh fuzz $(abspath $(FUZZ_DIR)/bin/fuzz_$*) $* $(FUZZ_SECONDS) \
		$(abspath $(FUZZ_DIR)/work/$*)

# ---- static analysis ----------------------------------------------------------------

# cppcheck: warning, style, performance, portability on every source file, for the
# x86-64 and the AArch64 configuration. Suppressed, with the reason:
#  - variableScope: the project declares variables at the top of a block (C89
#    style, as the Frama-C annotations expect); narrowing scopes is cosmetic.
#  - knownConditionTrueFalse in backend_vaes256.c: a false positive in the sector
#    batching loop (`batch` is at least 1 because done < nsectors there);
#    cppcheck loses the loop condition.
#  - missingIncludeSystem: cppcheck does not need the system headers.
HARD_CPPCHECK := cppcheck --std=c11 --enable=warning,style,performance,portability --inline-suppr \
	--error-exitcode=1 -q -Iinclude -Isrc -D__GNUC__ --suppress=missingIncludeSystem \
	--suppress=variableScope --suppress=knownConditionTrueFalse:src/backend_vaes256.c

$(HARD_LOGS)/cppcheck.log: hard-force
	@$(HARD_RUN) cppcheck sh -c '$(HARD_CPPCHECK) -D__x86_64__ src/ providers/ && \
		$(HARD_CPPCHECK) -D__aarch64__ src/backend_armce.c src/cpu_arm.c src/mode.c src/backends.c src/util.c src/backend_ct64.c && \
		echo "cppcheck: src/ and providers/ clean (x86-64 and AArch64 configurations)"'

# clang-tidy: the checks of .clang-tidy, each file with its backend's ISA flags.
# Suppressed, with the reason:
#  - backend_armce.c: clang-analyzer-core.uninitialized.Assign, a false positive
#    in the key expansion (the analyzer assumes half_key_bytes may be 0, so that
#    the loop filling w[] never runs; setup is only called with 16 or 32).
HARD_TIDY_FLAGS := -std=c11 -D_GNU_SOURCE -Iinclude -Isrc
HARD_TIDY_SRC := src/mode.c src/backends.c src/util.c src/backend_ct64.c src/cpu_x86.c src/cpu_arm.c \
	src/backend_aesni.c src/backend_vaes256.c src/backend_vaes512.c providers/vxts.c
$(HARD_LOGS)/clang-tidy.log: hard-force
	@$(HARD_RUN) clang-tidy sh -c 'set -e; for f in $(HARD_TIDY_SRC); do \
		b=$$(basename $$f .c); isa=""; case $$b in backend_aesni) isa="$(ISA_aesni)";; \
		backend_vaes256) isa="$(ISA_vaes256)";; backend_vaes512) isa="$(ISA_vaes512)";; esac; \
		echo "== $$f"; clang-tidy --quiet $$f -- $(HARD_TIDY_FLAGS) $$isa; done; \
		if [ -d /usr/aarch64-linux-gnu/include ]; then echo "== src/backend_armce.c src/cpu_arm.c (aarch64)"; \
		clang-tidy --quiet --checks=-clang-analyzer-core.uninitialized.Assign src/backend_armce.c src/cpu_arm.c -- \
		--target=aarch64-linux-gnu $(HARD_TIDY_FLAGS) $(ISA_aarch64_armce) -isystem /usr/aarch64-linux-gnu/include; \
		else echo "note: no AArch64 headers (libc6-dev-arm64-cross): backend_armce.c not analysed"; fi; \
		echo "clang-tidy: src/ and providers/ clean"'

endif # HARD_SUBMAKE
