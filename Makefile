# SPDX-License-Identifier: Apache-2.0 OR MIT
# vxts — build, test, install. `make help` lists the targets.
#
# Components add their own targets in mk/*.mk (tests, cli, bench, proofs,
# aarch64, hardening); this file builds the library.

VERSION     := 0.1.0
SOVERSION   := 0
PREFIX      ?= /usr/local
CC          ?= cc
AR          ?= ar
BUILD       ?= build
OPT         ?= -O2
WARN        := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS      ?= $(OPT) -g
ALL_CFLAGS   = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -fPIC -Iinclude -Isrc $(EXTRA_CFLAGS)
LDFLAGS     ?=

# Target architecture: taken from the compiler, so `make CC=aarch64-linux-gnu-gcc` cross-builds.
TARGET_ARCH := $(shell $(CC) -dumpmachine 2>/dev/null | cut -d- -f1)

# Every backend on every target: one whose ISA the target lacks compiles to a
# table entry that is never usable, so every build lists the same ids.
LIB_SRC := src/mode.c src/backends.c src/util.c src/cpu_x86.c src/cpu_arm.c src/backend_ct64.c \
           src/backend_aesni.c src/backend_vaes256.c src/backend_vaes512.c src/backend_armce.c

# Each backend is compiled with its own ISA flags only (never the whole library),
# and only when the target is its architecture: ISA_<id> is empty elsewhere.
ISA_x86_64_aesni   := -maes -mpclmul -msse4.1
ISA_x86_64_vaes256 := -mavx2 -maes -mvaes -mpclmul -mvpclmulqdq
ISA_x86_64_vaes512 := -mavx512f -mavx512vl -mavx512bw -mavx512dq -mavx2 -maes -mvaes -mpclmul -mvpclmulqdq
ISA_aarch64_armce  := -march=armv8-a+crypto
ISA_aesni   = $(ISA_$(TARGET_ARCH)_aesni)
ISA_vaes256 = $(ISA_$(TARGET_ARCH)_vaes256)
ISA_vaes512 = $(ISA_$(TARGET_ARCH)_vaes512)
ISA_armce   = $(ISA_$(TARGET_ARCH)_armce)

LIB_OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRC))
STATIC  := $(BUILD)/lib/libvxts.a
SHARED  := $(BUILD)/lib/libvxts.so.$(VERSION)

.PHONY: all lib help clean install
all: lib

lib: $(STATIC) $(SHARED)

$(BUILD)/obj/%.o: src/%.c include/vxts.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ISA_$(patsubst backend_%,%,$*)) -c $< -o $@

$(STATIC): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $^

$(SHARED): $(LIB_OBJ) vxts.map
	@mkdir -p $(dir $@)
	$(CC) -shared -Wl,-soname,libvxts.so.$(SOVERSION) -Wl,--version-script=vxts.map -Wl,-z,noexecstack $(LDFLAGS) -o $@ $(LIB_OBJ)
	ln -sf libvxts.so.$(VERSION) $(BUILD)/lib/libvxts.so.$(SOVERSION)
	ln -sf libvxts.so.$(SOVERSION) $(BUILD)/lib/libvxts.so

clean:
	rm -rf build build-*

# make install PREFIX=DIR [DESTDIR=...]: header, static and versioned shared library, pkg-config file, CLI.
install: lib cli
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/vxts.h $(DESTDIR)$(PREFIX)/include/vxts.h
	install -m 644 $(STATIC) $(DESTDIR)$(PREFIX)/lib/libvxts.a
	install -m 755 $(SHARED) $(DESTDIR)$(PREFIX)/lib/libvxts.so.$(VERSION)
	ln -sf libvxts.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libvxts.so.$(SOVERSION)
	ln -sf libvxts.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/libvxts.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' vxts.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/vxts.pc
	install -m 755 $(BUILD)/bin/vxts $(DESTDIR)$(PREFIX)/bin/vxts

help:
	@echo "make demo      encrypt/decrypt a built-in example image, print backend and throughput"
	@echo "make test      the whole test suite (installs Debian packages when run as root)"
	@echo "make check     unit, vector, differential, guard-page and CLI tests only"
	@echo "make bench     benchmark vs OpenSSL, libgcrypt and the CPU's AES limit"
	@echo "make prove     Frama-C/WP proofs; writes proofs/REPORT.md"
	@echo "make bench-quick  a short benchmark run (development)"
	@echo "make check-aarch64  cross-build for AArch64 and run the suite under qemu-aarch64"
	@echo "make check-hardening  constant-time taint, fuzzing, sanitizer and compiler matrix"
	@echo "make install PREFIX=DIR [DESTDIR=...]"
	@echo "make install-aarch64 PREFIX=DIR   AArch64 libvxts.a and vxts.h"

-include mk/*.mk

.PHONY: check test
# Library and CLI tests only (the fast loop while developing).
check: check-lib check-cli
# The whole suite, as CI runs it.
test:
	scripts/test.sh
