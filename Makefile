# SPDX-License-Identifier: Apache-2.0 OR MIT
# vxts — build, test, install. `make help` lists the targets.
#
# This file builds and installs the library. mk/*.mk add the other targets (tests, cli, bench,
# proofs, aarch64, hardening, install checks) and are read only for goals that need them (see
# "Components" below), so that a plain `make` parses this file alone and runs one shell probe.

# ---- version: one source, include/vxts.h (read by make itself, no shell) ----------------------
VXTS_H := $(file <include/vxts.h)
vxts_h_version = $(subst ",,$(patsubst VXTS_VERSION_$(1)=%,%,$(filter VXTS_VERSION_$(1)=%,\
                 $(subst VXTS_VERSION_$(1) ,VXTS_VERSION_$(1)=,$(VXTS_H)))))
VERSION_MAJOR := $(call vxts_h_version,MAJOR)
VERSION_MINOR := $(call vxts_h_version,MINOR)
VERSION_PATCH := $(call vxts_h_version,PATCH)
VERSION       := $(VERSION_MAJOR).$(VERSION_MINOR).$(VERSION_PATCH)
ifneq ($(call vxts_h_version,STRING),$(VERSION))
$(error include/vxts.h: VXTS_VERSION_STRING "$(call vxts_h_version,STRING)" is not MAJOR.MINOR.PATCH "$(VERSION)")
endif
# The ABI: the soname changes with the major version only.
SOVERSION   := $(VERSION_MAJOR)

# ---- tools and flags (the usual variables; CPPFLAGS, CFLAGS and LDFLAGS are the packager's) ---
CC          ?= cc
AR          ?= ar
INSTALL     ?= install
BUILD       ?= build
OPT         ?= -O2
WARN        := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS      ?= $(OPT) -g
CPPFLAGS    ?=
ALL_CFLAGS   = -std=c11 -D_GNU_SOURCE -Iinclude -Isrc $(CPPFLAGS) $(WARN) $(CFLAGS) -fPIC $(EXTRA_CFLAGS)
LDFLAGS     ?=

# ---- install directories ----------------------------------------------------------------------
PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
LIBDIR      ?= $(PREFIX)/lib
INCLUDEDIR  ?= $(PREFIX)/include
MANDIR      ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
CMAKEDIR    ?= $(LIBDIR)/cmake/vxts
# Where OpenSSL 3 looks for provider modules (the OpenSSL provider, mk/provider.mk); asked only
# when install or uninstall needs it. Empty (no libcrypto.pc): the provider is not installed.
OSSL_MODULESDIR ?= $(shell pkg-config --variable=modulesdir libcrypto 2>/dev/null)

# Target architecture, from the compiler, so that `make CC=aarch64-linux-gnu-gcc` cross-builds.
# (Not TARGET_ARCH: GNU make's built-in rules pass that one to the compiler, and packagers set it.)
VXTS_ARCH   := $(firstword $(subst -, ,$(shell $(CC) -dumpmachine)))

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
ISA_aesni   = $(ISA_$(VXTS_ARCH)_aesni)
ISA_vaes256 = $(ISA_$(VXTS_ARCH)_vaes256)
ISA_vaes512 = $(ISA_$(VXTS_ARCH)_vaes512)
ISA_armce   = $(ISA_$(VXTS_ARCH)_armce)

LIB_OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRC))
STATIC  := $(BUILD)/lib/libvxts.a
SHARED  := $(BUILD)/lib/libvxts.so.$(VERSION)
PROVIDER := $(BUILD)/provider/vxts.so

.PHONY: all lib help clean install uninstall
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

# ---- install ----------------------------------------------------------------------------------
# Generated from templates with the version and the install directories: pkg-config file, CMake
# package (paths relative to its own directory, so a DESTDIR-staged or moved tree works) and the
# man pages (man/*.[1-9]; "@VERSION@" in them becomes the version).
PKG      := $(BUILD)/pkg
MAN_SRC  := $(wildcard man/*.[1-9])
PKG_FILES := $(PKG)/vxts.pc $(PKG)/vxtsConfig.cmake $(PKG)/vxtsConfigVersion.cmake $(MAN_SRC:%=$(PKG)/%)
# Generated files depend on this file, rewritten only when a directory or the version changes.
PKG_VARS := $(VERSION) $(SOVERSION) $(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(CMAKEDIR)
PKG_STAMP := $(PKG)/vars
.PHONY: pkg-files pkg-force
pkg-files: $(PKG_FILES)
pkg-force:

$(PKG_STAMP): pkg-force
	@mkdir -p $(dir $@)
	@echo '$(PKG_VARS)' | cmp -s - $@ || echo '$(PKG_VARS)' >$@

# libdir/includedir as ${prefix}/... when they are under PREFIX, as pkg-config files usually say.
pc_dir = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))
$(PKG)/vxts.pc: vxts.pc.in $(PKG_STAMP)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(call pc_dir,$(LIBDIR))|' \
	    -e 's|@INCLUDEDIR@|$(call pc_dir,$(INCLUDEDIR))|' -e 's|@VERSION@|$(VERSION)|' $< >$@

$(PKG)/vxtsConfig.cmake: cmake/vxtsConfig.cmake.in $(PKG_STAMP)
	sed -e "s|@CMAKEDIR_TO_LIBDIR@|$$(realpath -s -m --relative-to=$(CMAKEDIR) $(LIBDIR))|" \
	    -e "s|@CMAKEDIR_TO_INCLUDEDIR@|$$(realpath -s -m --relative-to=$(CMAKEDIR) $(INCLUDEDIR))|" \
	    -e 's|@VERSION@|$(VERSION)|' -e 's|@SOVERSION@|$(SOVERSION)|' $< >$@

$(PKG)/vxtsConfigVersion.cmake: cmake/vxtsConfigVersion.cmake.in $(PKG_STAMP)
	sed -e 's|@VERSION@|$(VERSION)|' -e 's|@VERSION_MAJOR@|$(VERSION_MAJOR)|' $< >$@

$(PKG)/man/%: man/% $(PKG_STAMP)
	@mkdir -p $(dir $@)
	sed -e 's|@VERSION@|$(VERSION)|g' $< >$@

# What `make install` puts where: "mode|source|destination" (destination without DESTDIR).
INSTALL_LIST = \
	644|include/vxts.h|$(INCLUDEDIR)/vxts.h \
	644|$(STATIC)|$(LIBDIR)/libvxts.a \
	755|$(SHARED)|$(LIBDIR)/libvxts.so.$(VERSION) \
	644|$(PKG)/vxts.pc|$(PKGCONFIGDIR)/vxts.pc \
	644|$(PKG)/vxtsConfig.cmake|$(CMAKEDIR)/vxtsConfig.cmake \
	644|$(PKG)/vxtsConfigVersion.cmake|$(CMAKEDIR)/vxtsConfigVersion.cmake \
	755|$(BUILD)/bin/vxts|$(BINDIR)/vxts \
	$(if $(OSSL_MODULESDIR),755|$(PROVIDER)|$(OSSL_MODULESDIR)/vxts.so) \
	$(foreach m,$(MAN_SRC),644|$(PKG)/$(m)|$(MANDIR)/man$(subst .,,$(suffix $(m)))/$(notdir $(m)))
INSTALL_LINKS = $(LIBDIR)/libvxts.so.$(SOVERSION) $(LIBDIR)/libvxts.so
INSTALL_FILES = $(foreach e,$(INSTALL_LIST),$(lastword $(subst |, ,$(e)))) $(INSTALL_LINKS)
INSTALL_DIRS  = $(sort $(dir $(addprefix $(DESTDIR),$(INSTALL_FILES))))
# The directories install creates are listed in this file (with DESTDIR), so that uninstall
# removes those (when empty) and no other.
INSTALL_DIRS_RECORD := $(BUILD)/installed-dirs

# make install [PREFIX=/usr/local] [DESTDIR=] [LIBDIR= INCLUDEDIR= BINDIR= MANDIR=] [OSSL_MODULESDIR=]
install: lib cli $(PKG_FILES)
	@set -e; mkdir -p $(dir $(INSTALL_DIRS_RECORD)); touch $(INSTALL_DIRS_RECORD); \
	for e in $(foreach e,$(INSTALL_LIST),'$(e)'); do \
	  mode=$${e%%|*}; rest=$${e#*|}; src=$${rest%%|*}; dest=$(DESTDIR)$${rest#*|}; \
	  missing=""; d=$$(dirname "$$dest"); \
	  while [ ! -d "$$d" ]; do missing="$$d $$missing"; d=$$(dirname "$$d"); done; \
	  for d in $$missing; do echo "$(INSTALL) -d $$d"; $(INSTALL) -d -m 755 "$$d"; \
	    grep -qxF "$$d" $(INSTALL_DIRS_RECORD) || echo "$$d" >>$(INSTALL_DIRS_RECORD); done; \
	  echo "$(INSTALL) -m $$mode $$src $$dest"; $(INSTALL) -m "$$mode" "$$src" "$$dest"; \
	done
	ln -sf libvxts.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libvxts.so.$(SOVERSION)
	ln -sf libvxts.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libvxts.so

# Removes exactly the files install puts (same variables), then, deepest first, the directories
# install created on the way to them, where they are empty.
uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALL_FILES))
	@[ ! -f $(INSTALL_DIRS_RECORD) ] || { rm -f $(INSTALL_DIRS_RECORD).new; \
	  sort -r $(INSTALL_DIRS_RECORD) | while read -r d; do \
	    case " $(INSTALL_DIRS) " in *" $$d/"*) if rmdir "$$d" 2>/dev/null; then echo "rmdir $$d"; continue; fi;; esac; \
	    echo "$$d" >>$(INSTALL_DIRS_RECORD).new; done; \
	  mv -f $(INSTALL_DIRS_RECORD).new $(INSTALL_DIRS_RECORD) 2>/dev/null || rm -f $(INSTALL_DIRS_RECORD); }

help:
	@echo "make           the library: $(STATIC), $(SHARED)"
	@echo "make demo      encrypt/decrypt a built-in example image, print backend and throughput"
	@echo "make test      the whole test suite (installs Debian packages when run as root)"
	@echo "make check     unit, vector, differential, guard-page and CLI tests only"
	@echo "make check-install  install into a staging tree, build consumers (CMake, pkg-config), uninstall"
	@echo "make check-model    the x86 intrinsics model of proofs/model against the real instructions"
	@echo "make bench     benchmark vs OpenSSL, libgcrypt and the CPU's AES limit"
	@echo "make prove     Frama-C/WP proofs; writes build/proofs/REPORT.md, checks proofs/REPORT.md"
	@echo "make prove-report  copy the last full run's report to proofs/REPORT.md"
	@echo "make bench-quick  a short benchmark run (development)"
	@echo "make check-aarch64  cross-build for AArch64 and run the suite under qemu-aarch64"
	@echo "make mca       llvm-mca estimate (not silicon) of the armce main loop, unroll 3x..8x"
	@echo "make check-hardening  constant-time taint, fuzzing, sanitizer and compiler matrix"
	@echo "make provider  the OpenSSL 3 provider $(PROVIDER); make check-provider tests it"
	@echo "make install [PREFIX=/usr/local] [DESTDIR=] [LIBDIR= INCLUDEDIR= BINDIR= MANDIR=] [OSSL_MODULESDIR=]"
	@echo "make uninstall (the same variables)"
	@echo "make install-aarch64 PREFIX=DIR   AArch64 libvxts.a and vxts.h"

.PHONY: check test
# Library and CLI tests only (the fast loop while developing).
check: check-lib check-cli
# The whole suite, as CI runs it.
test:
	scripts/test.sh

# ---- components: each mk/ file is read only for the goals that need it -----------------------
# A goal named nowhere below (e.g. a file such as build/tests/test_vectors) reads them all.
MK_GOALS_tests     := check check-lib tests-build aarch64-tests-build
MK_GOALS_cli       := check check-cli check-luks cli demo install check-install bench-cli check-hardening hard-logs
MK_GOALS_install   := check-install
MK_GOALS_bench     := bench bench-build bench-quick
MK_GOALS_proofs    := prove prove-report
MK_GOALS_aarch64   := check-aarch64 install-aarch64 aarch64-build aarch64-toolchain aarch64-tests-build
MK_GOALS_hardening := check-hardening hard-logs ct-branches-update
MK_GOALS_model     := check-model model-build model-coverage
MK_GOALS_provider  := provider check-provider install check-install bench bench-build bench-quick
MK_GOALS_mca       := mca
MK_FILES   := $(wildcard mk/*.mk)
MK_KNOWN   := all lib help clean uninstall test pkg-files $(foreach f,$(MK_FILES),$(MK_GOALS_$(basename $(notdir $(f)))))
ifneq ($(filter-out $(MK_KNOWN),$(MAKECMDGOALS)),)
include $(MK_FILES)
else
include $(foreach f,$(MK_FILES),$(if $(filter $(MK_GOALS_$(basename $(notdir $(f)))),$(MAKECMDGOALS)),$(f)))
endif
