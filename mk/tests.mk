# SPDX-License-Identifier: Apache-2.0 OR MIT
# make check-lib: the library's test programs (tests/*.c), built into
# $(BUILD)/tests/ and run; each ends with "N passed, N failed[, N skipped]",
# and the target ends with the sum "N passed, N failed" (fails if any failed).
#
#   make check-lib                          all programs, all usable backends
#   make tests-build                        build only
#   VXTS_TEST_BACKENDS=ct64,aesni make check-lib    only these backends
#   VXTS_TEST_SEED=0x... make check-lib     replay the random tests (seed is printed)
#   make check-lib CC=aarch64-linux-gnu-gcc TEST_RUNNER="qemu-aarch64 -L /usr/aarch64-linux-gnu"
#
# Everything but test_differential_openssl needs only libvxts, ref and libc
# (+ pthreads). The OpenSSL variant replaces the portable test_differential
# in the run when OpenSSL 3 (libssl-dev) is there for the target.

TEST_DIR     := $(BUILD)/tests
TEST_CFLAGS   = $(ALL_CFLAGS) -Werror -Itests
TEST_LIBS    := -pthread
TEST_RUNNER  ?=
TEST_TIMEOUT ?= 900
TEST_HOST_ARCH := $(shell uname -m)
TEST_WITH_OPENSSL ?= $(if $(and $(wildcard /usr/include/openssl/evp.h),$(filter $(TEST_HOST_ARCH),$(VXTS_ARCH))),yes,no)

TEST_COMMON_OBJ := $(TEST_DIR)/testlib.o $(TEST_DIR)/oracle.o
TEST_PORTABLE   := test_vectors test_errors test_sectors test_dispatch test_guard test_differential test_scrub
TEST_BINS       := $(addprefix $(TEST_DIR)/,$(TEST_PORTABLE))
ifeq ($(TEST_WITH_OPENSSL),yes)
TEST_BINS       += $(TEST_DIR)/test_differential_openssl
TEST_RUN        := $(filter-out test_differential,$(TEST_PORTABLE)) test_differential_openssl
else
TEST_RUN        := $(TEST_PORTABLE)
endif
# Slowest first, so that make -j2 overlaps them well.
TEST_RUN := $(filter test_differential%,$(TEST_RUN)) $(filter test_guard,$(TEST_RUN)) \
            $(filter-out test_differential% test_guard,$(TEST_RUN))
TEST_ARGS_test_vectors := tests/vectors

TEST_RESULTS := $(addprefix $(TEST_DIR)/,$(addsuffix .result,$(TEST_RUN)))

.PHONY: check-lib tests-build tests-force
tests-build: $(TEST_BINS)

check-lib: $(TEST_RESULTS)
	@sh tests/run.sh sum $(TEST_RESULTS:.result=.log)

# Always rerun; the program's exit status goes into its log and never stops make.
$(TEST_RESULTS): $(TEST_DIR)/%.result: $(TEST_DIR)/% tests-force
	@sh tests/run.sh one $(TEST_DIR)/$*.log $(TEST_TIMEOUT) $(TEST_RUNNER) $< $(TEST_ARGS_$*)
	@touch $@

$(TEST_COMMON_OBJ) $(TEST_PORTABLE:%=$(TEST_DIR)/%.o): $(TEST_DIR)/%.o: tests/%.c tests/testlib.h tests/oracle.h \
		include/vxts.h ref/ref_xts.h ref/ref_xts.c src/cpu_x86.h src/cpu_arm.h
	@mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -c $< -o $@

$(TEST_DIR)/test_differential_openssl.o: tests/test_differential.c tests/testlib.h tests/oracle.h include/vxts.h
	@mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -DVXTS_TEST_WITH_OPENSSL -c $< -o $@

$(TEST_PORTABLE:%=$(TEST_DIR)/%): $(TEST_DIR)/%: $(TEST_DIR)/%.o $(TEST_COMMON_OBJ) $(STATIC)
	$(CC) $(LDFLAGS) -o $@ $^ $(TEST_LIBS)

$(TEST_DIR)/test_differential_openssl: $(TEST_DIR)/test_differential_openssl.o $(TEST_COMMON_OBJ) $(STATIC)
	$(CC) $(LDFLAGS) -o $@ $^ $(TEST_LIBS) -lcrypto

tests-force:
