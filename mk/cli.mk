# SPDX-License-Identifier: Apache-2.0 OR MIT
# The vxts command-line tool ($(BUILD)/bin/vxts), its tests and the demo.
#
#   make cli          build $(BUILD)/bin/vxts (linked with the static library)
#   make check-cli    CLI tests (tests/cli/run.sh): options, errors, round trips,
#                     byte-identity with OpenSSL, LUKS2 interop with cryptsetup
#   make check-luks   only the cryptsetup/LUKS2 interop part
#   make bench-cli    vxts encrypt end to end vs cat + fsync, 1 vs 2 threads (tools/bench_cli.sh)
#   make demo         encrypt/decrypt a 64 MiB example image, print backend and speed
#   make check-cli CC=aarch64-linux-gnu-gcc CLI_RUNNER=qemu-aarch64
#                     the same tests on a cross-built CLI (the oracle stays native)
#
# Needs (Debian): gcc or clang, make; check-cli also libssl-dev (the oracle),
# cryptsetup-bin and jq (LUKS2 interop; skipped when missing).

CLI            := $(BUILD)/bin/vxts
CLI_ORACLE     := $(BUILD)/tests/cli/xts_oracle
# The oracle runs on the build machine, whatever CC targets.
CLI_HOST_CC    ?= cc
CLI_RUNNER     ?= $(TEST_RUNNER)
CLI_WERROR     ?= -Werror
CLI_CFLAGS      = -std=c11 $(CPPFLAGS) $(WARN) $(CLI_WERROR) $(CFLAGS) -Iinclude $(EXTRA_CFLAGS)
CLI_HOST_ARCH  := $(shell uname -m)
# A cross-built CLI is linked statically so that qemu-user runs it without a sysroot.
CLI_LDFLAGS     = $(LDFLAGS) $(if $(filter-out $(CLI_HOST_ARCH),$(VXTS_ARCH)),-static)
DEMO_DIR       := $(BUILD)/demo
DEMO_MIB       ?= 64

.PHONY: cli check-cli check-luks demo

cli: $(CLI)

# The CLI: main.c (entry), vxts.c (command table), one cmd_*.c per command, the
# shared helpers cli_*.c (cli.h), tools/luks*.c (the luks command, when present) and
# tools/sector_plan.c (the sector arithmetic, pure, proved with WP; see sector_plan.h).
# CLI_LIBS: what the commands link besides the library (the luks command adds its own).
# The luks command links libcrypto, libargon2 and json-c (Debian: libssl-dev libargon2-dev
# libjson-c-dev); a target without them (e.g. the static AArch64 cross build) gets
# tools/luks_none.c, whose `vxts luks` says so. CLI_LUKS=yes|no overrides the probe.
CLI_LUKS_LIBS  := -lcrypto -largon2 -ljson-c
ifndef CLI_LUKS
CLI_LUKS       := $(shell printf 'int main(void){return 0;}\n' | $(CC) -x c - -o /dev/null $(CLI_LDFLAGS) \
                    $(CLI_LUKS_LIBS) -pthread >/dev/null 2>&1 && echo yes || echo no)
endif
CLI_LUKS_SRC   := $(if $(filter yes,$(CLI_LUKS)),$(filter-out tools/luks_none.c,$(wildcard tools/luks*.c)),tools/luks_none.c)
CLI_LIBS       += $(if $(filter yes,$(CLI_LUKS)),$(CLI_LUKS_LIBS))
CLI_LIB_SRC    := tools/vxts.c tools/cli_util.c tools/cli_output.c tools/cli_xfer.c tools/cmd_encrypt.c \
                  tools/cmd_selftest.c tools/cmd_backends.c tools/sector_plan.c $(CLI_LUKS_SRC)
CLI_SRC        := tools/main.c $(CLI_LIB_SRC)
CLI_HDR        := tools/cli.h tools/sector_plan.h $(wildcard tools/luks*.h)
CLI_LIBS       += -pthread

$(CLI): $(CLI_SRC) $(CLI_HDR) include/vxts.h $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(CLI_CFLAGS) -pthread -Itools $(CLI_SRC) $(STATIC) $(CLI_LDFLAGS) $(CLI_LIBS) -o $@

# The independent oracle (OpenSSL EVP aes-xts) for byte-identity checks.
$(CLI_ORACLE): tests/cli/xts_oracle.c
	@mkdir -p $(dir $@)
	$(CLI_HOST_CC) -std=c11 $(WARN) $(CLI_WERROR) -O2 $< -o $@ -lcrypto

check-cli: $(CLI) $(CLI_ORACLE)
	VXTS_CLI_RUNNER="$(CLI_RUNNER)" bash tests/cli/run.sh $(CLI) $(CLI_ORACLE) $(BUILD)/tests/cli/work

check-luks: $(CLI) $(CLI_ORACLE)
	VXTS_CLI_SUITES=luks VXTS_CLI_RUNNER="$(CLI_RUNNER)" bash tests/cli/run.sh $(CLI) $(CLI_ORACLE) $(BUILD)/tests/cli/work

demo: lib $(CLI)
	@bash tools/demo.sh $(CLI) $(DEMO_DIR) $(DEMO_MIB)

# make bench-cli: end-to-end throughput of `vxts encrypt` on BENCH_CLI_MIB MiB against cat + fsync
# (in BENCH_CLI_DIR, on disk) and 1 vs 2 threads on tmpfs (tools/bench_cli.sh). A measurement,
# not a test: run it on an otherwise idle machine.
BENCH_CLI_DIR  ?= $(BUILD)/bench-cli
BENCH_CLI_MIB  ?= 1024
BENCH_CLI_RUNS ?= 3
.PHONY: bench-cli
bench-cli: $(CLI)
	bash tools/bench_cli.sh $(CLI) $(BENCH_CLI_DIR) $(BENCH_CLI_MIB) $(BENCH_CLI_RUNS)
