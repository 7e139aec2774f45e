# SPDX-License-Identifier: Apache-2.0 OR MIT
# make check-install: a staged install (DESTDIR, PREFIX=/usr, multiarch LIBDIR) checked file by
# file, man pages rendered with groff -ww, pkg-config and CMake consumers built and run against
# it, the OpenSSL provider loaded from the staged modulesdir, then uninstall must leave nothing
# (tests/install/check.sh). Needs cmake, pkg-config, openssl and
# groff-base. Ends with "N passed, N failed".
# (The script's makes are not marked recursive, so that `make -n check-install` runs nothing.)
INSTALL_CHECK_MAKE := $(MAKE)
.PHONY: check-install
check-install: lib cli pkg-files provider
	@CC="$(CC)" BUILD="$(BUILD)" MAKE="$(INSTALL_CHECK_MAKE)" sh tests/install/check.sh $(BUILD)/check-install $(VERSION) $(SOVERSION)
