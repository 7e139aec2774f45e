# SPDX-License-Identifier: Apache-2.0 OR MIT
# make bench: build bench/ into $(BUILD)/bench/ and run it (BENCH_ARGS are passed on,
# e.g. make bench BENCH_ARGS="--quick --cases 'aes256-enc-*'"). make bench-build: build only.
BENCH_DIR  := $(BUILD)/bench
BENCH_BIN  := $(BENCH_DIR)/vxts-bench
BENCH_SRC  := bench/main.c bench/impls.c bench/report.c bench/probes.c
BENCH_OBJ  := $(patsubst bench/%.c,$(BENCH_DIR)/%.o,$(BENCH_SRC))
BENCH_PEER_CFLAGS := $(shell pkg-config --cflags libcrypto 2>/dev/null) \
                     $(shell libgcrypt-config --cflags 2>/dev/null)
BENCH_PEER_LIBS   := $(shell pkg-config --libs libcrypto 2>/dev/null || echo -lcrypto) \
                     $(shell libgcrypt-config --libs 2>/dev/null || echo -lgcrypt)
BENCH_CFLAGS = -std=c11 -D_GNU_SOURCE $(CPPFLAGS) $(WARN) -Werror $(CFLAGS) -Iinclude $(BENCH_PEER_CFLAGS)
BENCH_ARGS ?=

.PHONY: bench bench-build bench-quick
bench: $(BENCH_BIN)
	$(BENCH_BIN) $(BENCH_ARGS)

bench-quick: $(BENCH_BIN)
	$(BENCH_BIN) --quick $(BENCH_ARGS)

bench-build: $(BENCH_BIN)

# probes.c is pure inline asm and checks CPUID itself: it needs no ISA flags.
$(BENCH_DIR)/%.o: bench/%.c bench/bench.h include/vxts.h
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) -c $< -o $@

# The "openssl-vxts" row loads the provider (mk/provider.mk) from the build unless OPENSSL_MODULES says.
$(BENCH_DIR)/impls.o: BENCH_CFLAGS += -DVXTS_BENCH_PROVIDER_DIR='"$(abspath $(dir $(PROVIDER)))"'

$(BENCH_BIN): $(BENCH_OBJ) $(STATIC) | $(PROVIDER)
	$(CC) $(LDFLAGS) -o $@ $(BENCH_OBJ) $(STATIC) $(BENCH_PEER_LIBS) -lm
