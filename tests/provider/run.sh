#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# make check-provider: the vxts OpenSSL provider as applications load it.
#   tests/provider/run.sh MODULE_DIR TEST_PROGRAM    (from the top of the tree)
# MODULE_DIR holds vxts.so. Runs test_provider with OSSL_PROVIDER_load and with a config file,
# checks the module's linkage, then `openssl list` and `openssl speed` with -provider vxts
# (VXTS_PROVIDER_CLI=no leaves those out: a sanitizer build cannot load into the system openssl).
# One line per check; the last line is "N passed, N failed"; exit 1 if any failed.
set -u
DIR=${1:?usage: run.sh MODULE_DIR TEST_PROGRAM}
TEST=${2:?usage: run.sh MODULE_DIR TEST_PROGRAM}
DIR=$(cd "$DIR" && pwd)
VECTORS=tests/vectors/ieee1619.txt
# shellcheck source=tests/counts.sh
. "$(dirname "$0")/../counts.sh"
# A test program's own counts join ours.
program() { # program NAME COMMAND...
    name=$1; shift
    "$@" >"$DIR/$name.log" 2>&1
    status=$?
    cat "$DIR/$name.log"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$DIR/$name.log" | tail -n 1)
    p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
    if [ -z "$line" ]; then bad "$name: no count line (exit status $status)"; return; fi
    PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
    [ "$status" = 0 ] || [ "$f" != 0 ] || bad "$name: exit status $status"
}

# The module: self-contained (no libcrypto, no libvxts.so), one exported symbol.
linkage() {
    needed=$(readelf -d "$DIR/vxts.so" | grep NEEDED)
    ! echo "$needed" | grep -qE 'libcrypto|libvxts' || { echo "$needed"; return 1; }
    exports=$(nm -D --defined-only "$DIR/vxts.so" | awk '{print $3}')
    [ "$exports" = OSSL_provider_init ] || { echo "exports: $exports"; return 1; }
}
check "vxts.so needs neither libcrypto nor libvxts.so and exports only OSSL_provider_init" linkage

program test_provider-explicit env OPENSSL_CONF=/dev/null "$TEST" --explicit "$DIR" "$VECTORS"
program test_provider-config env OPENSSL_CONF=tests/provider/openssl.cnf OPENSSL_MODULES="$DIR" \
    "$TEST" --config "$VECTORS"

if [ "${VXTS_PROVIDER_CLI:-yes}" = no ]; then
    echo "n/a  openssl list / speed (VXTS_PROVIDER_CLI=no)"
elif ! command -v openssl >/dev/null 2>&1; then
    bad "openssl (the command) is not installed (Debian: openssl)"
else
    listed() {
        out=$(OPENSSL_CONF=/dev/null openssl list -cipher-algorithms -provider-path "$DIR" -provider vxts) || return 1
        for want in '{ 1.3.111.2.1619.0.1.1, AES-128-XTS } @ vxts' '{ 1.3.111.2.1619.0.1.2, AES-256-XTS } @ vxts'; do
            echo "$out" | grep -qF "$want" || { echo "$out"; return 1; }
        done
    }
    check "openssl list -cipher-algorithms -provider vxts lists AES-128-XTS and AES-256-XTS" listed
    # openssl speed draws random bytes after the runs, so a DRBG (the default provider) must be
    # there too; -propquery makes the cipher vxts's.
    speed() {
        out=$(OPENSSL_CONF=/dev/null openssl speed -provider-path "$DIR" -provider vxts -provider default \
            -propquery provider=vxts -evp aes-256-xts -seconds 1 -bytes 4096 2>&1) || { echo "$out"; return 1; }
        echo "$out" | grep -qE '^AES-256-XTS +[0-9.]+k$' || { echo "$out"; return 1; }
    }
    check "openssl speed -provider vxts -provider default -propquery provider=vxts -evp aes-256-xts: the numbers line" speed
fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
