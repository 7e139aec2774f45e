#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Helpers for `make check-aarch64` (mk/aarch64.mk).
#
#   check.sh runner RUNNER PROGRAM
#       checks that the AArch64 runner works: RUNNER empty means native (the
#       host must then be AArch64); otherwise its first word must exist.
#       PROGRAM (a static AArch64 binary) is run with --version.
#   check.sh step LOG COMMAND...
#       runs COMMAND, shows its output and keeps it in LOG, then appends
#       "exit status N after S s". Always exits 0 (the status is in LOG).
#   check.sh cpus LOGDIR QEMU "CPU..." PROGRAM [ARGS...]
#       one step per qemu CPU model (LOGDIR/cpu-MODEL.log), PROGRAM ARGS
#       --cpu=MODEL; with QEMU empty, one native step (LOGDIR/cpu-native.log).
#   check.sh sum LOG...
#       each step's counts, then their sum "N passed, N failed" as the last
#       line (scripts/sum-counts.sh); a step without a count line, or that
#       exited non-zero without a counted failure, counts as 1 failed.
#       Exits 1 if anything failed.
set -u

step() {
    log=$1
    shift
    start=$(date +%s)
    echo "==== $*" | tee "$log"
    { "$@" 2>&1; echo "exit status $? after $(($(date +%s) - start)) s"; } | tee -a "$log"
    return 0
}

case "${1:-}" in
runner)
    runner=$2 prog=$3
    if [ -z "$runner" ]; then
        if [ "$(uname -m)" != aarch64 ]; then
            echo "check-aarch64: no qemu-aarch64 (or qemu-aarch64-static) found; on Debian: apt-get install qemu-user" >&2
            exit 1
        fi
        echo "check-aarch64: AArch64 host, running natively"
    else
        set -- $runner
        if ! command -v "$1" > /dev/null 2>&1; then
            echo "check-aarch64: '$1' not found; on Debian: apt-get install qemu-user (or set AARCH64_QEMU)" >&2
            exit 1
        fi
        echo "check-aarch64: runner '$runner' ($("$1" --version | head -n 1))"
    fi
    if ! $runner "$prog" --version > /dev/null 2>&1; then
        echo "check-aarch64: '$runner $prog --version' does not run" >&2
        exit 1
    fi
    ;;
step)
    shift
    step "$@"
    ;;
cpus)
    logdir=$2 qemu=$3 models=$4
    shift 4
    if [ -z "$qemu" ]; then
        step "$logdir/cpu-native.log" "$@" --cpu=native
    else
        for m in $models; do
            step "$logdir/cpu-$m.log" $qemu -cpu "$m" "$@" --cpu="$m"
        done
    fi
    ;;
sum)
    shift
    exec sh "$(dirname "$0")/../../scripts/sum-counts.sh" --title check-aarch64 "$@"
    ;;
*)
    echo "usage: check.sh runner RUNNER PROGRAM | step LOG CMD... | cpus LOGDIR QEMU CPUS PROG... | sum LOG..." >&2
    exit 2
    ;;
esac
