#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# make check-install: what a packager does with vxts, checked.
#   tests/install/check.sh WORKDIR VERSION SOVERSION     (from the top of the tree; make check-install)
# Stages `make install DESTDIR=WORKDIR/dest PREFIX=/usr LIBDIR=/usr/lib/<multiarch>`, checks the
# tree file by file, renders the man pages with groff -ww, builds and runs consumers with
# pkg-config and with CMake (find_package(vxts), shared and static, version requests), loads the
# OpenSSL provider from OpenSSL's modulesdir in the staged tree, then
# `make uninstall` with the same variables must leave nothing. A second install with the default
# directories under a PREFIX that already holds other files must leave those alone.
# One line per check; the last line is "N passed, N failed"; exit 1 if any failed.
set -u
W=${1:?usage: check.sh WORKDIR VERSION SOVERSION}
VERSION=${2:?usage: check.sh WORKDIR VERSION SOVERSION}
SOVERSION=${3:?usage: check.sh WORKDIR VERSION SOVERSION}
MAKE=${MAKE:-make}
CC=${CC:-cc}
BUILD=${BUILD:-build}
MAJOR=${VERSION%%.*}
MINOR=${VERSION#*.}; MINOR=${MINOR%%.*}
MULTIARCH=$($CC -dumpmachine)
LIBDIR=/usr/lib/$MULTIARCH
# Where OpenSSL looks for providers; make install puts vxts.so there (empty: no libcrypto.pc).
MODULESDIR=$(pkg-config --variable=modulesdir libcrypto 2>/dev/null)
SRC=$(pwd)
# shellcheck source=tests/counts.sh
. "$(dirname "$0")/../counts.sh"
# The makes below get no MAKEFLAGS: only what is named here (and in the environment) counts.
mk() { MAKEFLAGS= MFLAGS= $MAKE --no-print-directory BUILD="$BUILD" CC="$CC" "$@"; }

rm -rf "$W" && mkdir -p "$W" || { echo "cannot create $W"; echo "0 passed, 1 failed"; exit 1; }
W=$(cd "$W" && pwd)
D=$W/dest
staged() { mk "$1" DESTDIR="$D" PREFIX=/usr LIBDIR="$LIBDIR"; }

# ---- the build honours CPPFLAGS and ignores GNU make's TARGET_ARCH ----
cppflags_everywhere() {
    lines=$(mk -n -B lib cli CPPFLAGS=-DVXTS_PACKAGER_CPPFLAGS | grep -E "^$CC .*(-c |-o $BUILD/bin/)")
    [ -n "$lines" ] || { echo "no compile commands"; return 1; }
    ! echo "$lines" | grep -v -- -DVXTS_PACKAGER_CPPFLAGS
}
check "CPPFLAGS reaches every compile command of make lib cli" cppflags_everywhere
same_objects() {
    a=$(mk -n -B lib | grep -oE "$BUILD/obj/[a-z0-9_]+\.o" | sort -u)
    b=$(mk -n -B lib TARGET_ARCH=-mno-sse2 | grep -oE "$BUILD/obj/[a-z0-9_]+\.o" | sort -u)
    [ -n "$a" ] && [ "$a" = "$b" ] || { echo "without: $a"; echo "with TARGET_ARCH: $b"; return 1; }
}
check "TARGET_ARCH (GNU make's) does not change what is built" same_objects

# ---- install into a staging tree ----
if out=$(staged install 2>&1); then ok "make install DESTDIR=$D PREFIX=/usr LIBDIR=$LIBDIR"
else bad "make install DESTDIR=... PREFIX=/usr LIBDIR=$LIBDIR" "$out"; fi
echo "     installed:"; (cd "$D" && find . ! -type d | sort | sed 's/^\./       /')

expected_tree() {
    {
        echo ./usr/include/vxts.h
        echo ".$LIBDIR/libvxts.a"
        echo ".$LIBDIR/libvxts.so"
        echo ".$LIBDIR/libvxts.so.$SOVERSION"
        echo ".$LIBDIR/libvxts.so.$VERSION"
        echo ".$LIBDIR/pkgconfig/vxts.pc"
        echo ".$LIBDIR/cmake/vxts/vxtsConfig.cmake"
        echo ".$LIBDIR/cmake/vxts/vxtsConfigVersion.cmake"
        echo ./usr/bin/vxts
        [ -z "$MODULESDIR" ] || echo ".$MODULESDIR/vxts.so"
        for m in man/*.[1-9]; do
            [ -f "$m" ] && echo "./usr/share/man/man${m##*.}/${m#man/}"
        done
    } | sort
}
tree_is_expected() {
    got=$(cd "$D" && find . ! -type d | sort)
    [ "$got" = "$(expected_tree)" ] || { echo "$got" | diff -u - "$W/expected" ; return 1; }
}
expected_tree >"$W/expected"
check "the staged tree holds exactly the expected files" tree_is_expected
links_ok() {
    [ "$(readlink "$D$LIBDIR/libvxts.so")" = "libvxts.so.$SOVERSION" ] &&
    [ "$(readlink "$D$LIBDIR/libvxts.so.$SOVERSION")" = "libvxts.so.$VERSION" ] &&
    readelf -d "$D$LIBDIR/libvxts.so.$VERSION" | grep -q "SONAME.*\[libvxts.so.$SOVERSION\]"
}
check "libvxts.so -> .so.$SOVERSION -> .so.$VERSION, soname libvxts.so.$SOVERSION" links_ok
check "the installed vxts --version names $VERSION" sh -c "'$D/usr/bin/vxts' --version | grep -qF ' $VERSION'"

# ---- the OpenSSL provider, where OpenSSL looks (pkg-config's modulesdir), loads from there ----
provider_loads() {
    out=$(OPENSSL_CONF=/dev/null openssl list -cipher-algorithms -provider-path "$D$MODULESDIR" -provider vxts 2>&1) &&
    echo "$out" | grep -qF '{ 1.3.111.2.1619.0.1.2, AES-256-XTS } @ vxts' || { echo "$out"; return 1; }
}
if [ -n "$MODULESDIR" ]; then
    check "vxts.so installed in OpenSSL's modulesdir $MODULESDIR; openssl loads it from there" provider_loads
else
    echo "n/a  the OpenSSL provider: no libcrypto.pc (libssl-dev), not installed"
fi

# ---- man pages ----
if ls man/*.[1-9] >/dev/null 2>&1; then
    for m in man/*.[1-9]; do
        page=$D/usr/share/man/man${m##*.}/${m#man/}
        render() {
            [ -f "$page" ] || { echo "$page not installed"; return 1; }
            ! grep -n '@VERSION@' "$page" || return 1
            grep -qE "^\.TH .*$VERSION" "$page" || { echo ".TH does not name $VERSION"; return 1; }
            w=$(groff -mandoc -ww -z "$page" 2>&1; LC_ALL=C.UTF-8 groff -mandoc -ww -z -Tutf8 "$page" 2>&1)
            [ -z "$w" ] || { echo "$w"; return 1; }
        }
        check "${m#man/}: installed, version $VERSION, groff -mandoc -ww renders it without a warning" render
    done
else
    echo "n/a  man pages: none in man/"
fi

# ---- pkg-config consumer ----
pc() { PKG_CONFIG_SYSROOT_DIR=$D PKG_CONFIG_LIBDIR=$D$LIBDIR/pkgconfig pkg-config "$@"; }
pc_vars() {
    [ "$(pc --modversion vxts)" = "$VERSION" ] && [ "$(pc --variable=libdir vxts)" = "$D$LIBDIR" ] &&
    [ "$(pc --variable=includedir vxts)" = "$D/usr/include" ] ||
    { cat "$D$LIBDIR/pkgconfig/vxts.pc"; return 1; }
}
check "vxts.pc: version $VERSION, libdir $LIBDIR, includedir /usr/include" pc_vars
pc_consumer() {
    # shellcheck disable=SC2046
    $CC -std=c11 -Wall -Werror -DEXPECT_VERSION="\"$(pc --modversion vxts)\"" \
        $(PKG_CONFIG_ALLOW_SYSTEM_CFLAGS=1 pc --cflags vxts) tests/install/consumer.c \
        $(PKG_CONFIG_ALLOW_SYSTEM_LIBS=1 pc --libs vxts) -o "$W/pc-consumer" &&
    readelf -d "$W/pc-consumer" | grep -q "NEEDED.*\[libvxts.so.$SOVERSION\]" &&
    LD_LIBRARY_PATH=$D$LIBDIR "$W/pc-consumer"
}
check "pkg-config consumer: builds, needs libvxts.so.$SOVERSION, runs vector 2 with the staged library" pc_consumer
man3_example() { # the EXAMPLES program of vxts(3), as printed
    sed -n '/^\.EX$/,/^\.EE$/p' man/vxts.3 | sed -e '1d' -e '$d' -e 's/\\e/\\/g' >"$W/example.c" &&
    [ -s "$W/example.c" ] &&
    # shellcheck disable=SC2046
    $CC -std=c11 -Wall -Wextra -Werror $(PKG_CONFIG_ALLOW_SYSTEM_CFLAGS=1 pc --cflags vxts) "$W/example.c" \
        $(PKG_CONFIG_ALLOW_SYSTEM_LIBS=1 pc --libs vxts) -o "$W/example" &&
    LD_LIBRARY_PATH=$D$LIBDIR "$W/example"
}
if [ -f man/vxts.3 ]; then
    check "vxts(3)'s example builds with pkg-config and runs" man3_example
fi

# ---- CMake consumers ----
cm() { # cm NAME TARGET REQUEST: configure, build and run tests/install with find_package(vxts REQUEST)
    b=$W/cmake-$1
    cmake -S "$SRC/tests/install" -B "$b" -DCMAKE_PREFIX_PATH="$D/usr" -DCMAKE_C_COMPILER="$CC" \
        -DVXTS_TARGET="$2" -DVXTS_REQUEST="$3" >"$b.log" 2>&1 &&
    cmake --build "$b" >>"$b.log" 2>&1 || { cat "$b.log"; return 1; }
    grep -F -- "-- vxts $VERSION from $D$LIBDIR/cmake/vxts" "$b.log" || { cat "$b.log"; return 1; }
    LD_LIBRARY_PATH=$D$LIBDIR "$b/consumer"
}
cm_shared() {
    cm shared vxts::vxts "$MAJOR.$MINOR" &&
    readelf -d "$W/cmake-shared/consumer" | grep -q "NEEDED.*\[libvxts.so.$SOVERSION\]"
}
check "CMake: find_package(vxts $MAJOR.$MINOR), vxts::vxts (shared): builds and runs" cm_shared
cm_static() {
    cm static vxts::vxts_static "$MAJOR.$MINOR...<$((MAJOR + 1))" &&
    ! readelf -d "$W/cmake-static/consumer" | grep -q 'NEEDED.*libvxts'
}
check "CMake: find_package(vxts $MAJOR.$MINOR...<$((MAJOR + 1))), vxts::vxts_static: builds, runs, no libvxts.so" cm_static
cm_symlink() { # the package reached through a symlink to its directory (as /lib -> usr/lib)
    ln -sfn "$D$LIBDIR" "$W/libdir-link" && b=$W/cmake-symlink &&
    cmake -S "$SRC/tests/install" -B "$b" -Dvxts_DIR="$W/libdir-link/cmake/vxts" -DCMAKE_C_COMPILER="$CC" \
        >"$b.log" 2>&1 && cmake --build "$b" >>"$b.log" 2>&1 && LD_LIBRARY_PATH=$D$LIBDIR "$b/consumer" ||
    { cat "$b.log"; return 1; }
}
check "CMake: the package found through a symlinked directory still finds the header and libraries" cm_symlink
cm_refused() {
    for v in "$((MAJOR + 1)).0" "$MAJOR.$((MINOR + 1))" "$((MAJOR + 1)).0...$((MAJOR + 2)).0"; do
        if cm "refused" vxts::vxts "$v" >/dev/null 2>&1; then echo "find_package(vxts $v) accepted $VERSION"; return 1; fi
    done
}
check "CMake: find_package(vxts $((MAJOR + 1)).0 / $MAJOR.$((MINOR + 1)) / a range without $VERSION) is refused" cm_refused

# ---- uninstall ----
if out=$(staged uninstall 2>&1); then ok "make uninstall (same variables)"; else bad "make uninstall" "$out"; fi
left=$(find "$D" 2>/dev/null)
if [ -z "$left" ]; then ok "uninstall removed every file and every directory install created ($D is gone)"
else bad "uninstall left these behind" "$left"; fi

# ---- default directories, into a PREFIX holding other files ----
P=$W/prefix
mkdir -p "$P/share/man/man1" "$P/include" "$P/lib/pkgconfig" &&
    echo other >"$P/share/man/man1/other.1" && echo other >"$P/lib/pkgconfig/other.pc"
before=$(cd "$P" && find . | sort)
defaults() {
    mk install PREFIX="$P" OSSL_MODULESDIR="$P/lib/ossl-modules" >/dev/null &&
    [ -f "$P/lib/libvxts.so.$VERSION" ] && [ -f "$P/lib/cmake/vxts/vxtsConfig.cmake" ] &&
    [ -f "$P/include/vxts.h" ] && [ -f "$P/bin/vxts" ] &&
    [ "$(PKG_CONFIG_LIBDIR=$P/lib/pkgconfig pkg-config --variable=libdir vxts)" = "$P/lib" ] &&
    { [ -z "$MODULESDIR" ] || [ -f "$P/lib/ossl-modules/vxts.so" ]; } &&
    mk uninstall PREFIX="$P" OSSL_MODULESDIR="$P/lib/ossl-modules" >/dev/null &&
    after=$(cd "$P" && find . | sort) &&
    [ "$after" = "$before" ] || { echo "before:"; echo "$before"; echo "after:"; echo "$after"; return 1; }
}
check "PREFIX only (LIBDIR=PREFIX/lib ..., OSSL_MODULESDIR=PREFIX/lib/ossl-modules): install, then uninstall leaves the other files and directories as they were" defaults

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
