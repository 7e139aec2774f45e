#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Makes sure the Debian packages a task needs are installed.
#   scripts/deps.sh build|test|prove|mca  install what is missing (as root), or name it and fail
#   scripts/deps.sh --list build|test|prove|mca print the package names
# build: compile the library, CLI and demo. test: everything `scripts/test.sh` runs.
# mca: `make mca` only (llvm-mca estimates of the armce loop; not part of the tests).
set -eu

# The CLI's luks command links libcrypto, libargon2 and json-c (mk/cli.mk builds without it if they are missing).
BUILD_PKGS="gcc make libc6-dev libssl-dev libargon2-dev libjson-c-dev"
PROVE_PKGS="frama-c-base why3 z3 cvc4 python3 gcc libc6-dev"
TEST_PKGS="$BUILD_PKGS libgcrypt20-dev pkg-config cryptsetup-bin valgrind clang \
libclang-rt-14-dev cppcheck clang-tidy frama-c-base why3 z3 cvc4 qemu-user \
gcc-aarch64-linux-gnu libc6-dev-arm64-cross python3 jq cmake groff-base openssl"
MCA_PKGS="make gcc-aarch64-linux-gnu libc6-dev-arm64-cross llvm-16 llvm-19"

usage() { echo "usage: scripts/deps.sh [--list] build|test|prove|mca" >&2; exit 2; }

list=0
if [ "${1:-}" = "--list" ]; then list=1; shift; fi
case "${1:-}" in
  build) pkgs=$BUILD_PKGS ;;
  test) pkgs=$TEST_PKGS ;;
  prove) pkgs=$PROVE_PKGS ;;
  mca) pkgs=$MCA_PKGS ;;
  *) usage ;;
esac
if [ $list = 1 ]; then echo $pkgs; exit 0; fi

missing=""
for p in $pkgs; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  echo "deps: installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi
echo "deps: missing Debian packages:$missing" >&2
echo "deps: install them as root with: apt-get install -y$missing" >&2
exit 1
