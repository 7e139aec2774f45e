# SPDX-License-Identifier: Apache-2.0 OR MIT
# The OpenSSL 3 provider (providers/vxts.c): $(PROVIDER), vxts.so, which OpenSSL loads as
# "vxts" (README, "OpenSSL provider"), and its tests.
#
#   make provider         build $(PROVIDER): the vxts library linked in statically, no libcrypto
#   make check-provider   tests/provider/run.sh: EVP-only tests of the provider loaded by a config
#                         file and by OSSL_PROVIDER_load, `openssl list` and `openssl speed` with it
#   make install          also installs vxts.so into OSSL_MODULESDIR (Makefile)
#
# Needs (Debian): libssl-dev (headers; the tests link libcrypto), openssl (the CLI checks).

PROVIDER_DIR      := $(dir $(PROVIDER))
PROVIDER_TEST     := $(BUILD)/tests/provider/test_provider
# Only OSSL_provider_init is exported; --exclude-libs hides the library's symbols, so the
# module never binds to another copy of vxts in the process (or lends it its own).
PROVIDER_CFLAGS    = $(ALL_CFLAGS) -Werror -fvisibility=hidden
PROVIDER_LDFLAGS   = -shared -Wl,--exclude-libs,ALL -Wl,-z,defs -Wl,-z,noexecstack $(LDFLAGS)

.PHONY: provider check-provider
provider: $(PROVIDER)

$(PROVIDER): providers/vxts.c include/vxts.h $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(PROVIDER_CFLAGS) $(PROVIDER_LDFLAGS) providers/vxts.c $(STATIC) -o $@

# The test speaks EVP only; it links libvxts for vxts_strerror (the expected error texts).
$(PROVIDER_TEST): tests/provider/test_provider.c include/vxts.h $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(CPPFLAGS) $(WARN) -Werror $(CFLAGS) -Iinclude $(EXTRA_CFLAGS) -pthread \
		$< $(STATIC) $(LDFLAGS) -lcrypto -o $@

check-provider: $(PROVIDER) $(PROVIDER_TEST)
	@sh tests/provider/run.sh $(PROVIDER_DIR) $(PROVIDER_TEST)

# make install puts vxts.so where OpenSSL looks (Makefile: OSSL_MODULESDIR, INSTALL_LIST).
ifneq ($(OSSL_MODULESDIR),)
install: $(PROVIDER)
endif
