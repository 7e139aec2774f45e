#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Runs the test programs for mk/tests.mk and sums their counts.
#   run.sh one LOG TIMEOUT [RUNNER...] PROGRAM [ARGS...]
#       runs one program (under `timeout`), writes its output and exit status
#       to LOG, then prints LOG.
#   run.sh sum LOG...
#       each program's counts and their sum "N passed, N failed"
#       (scripts/sum-counts.sh); exits 1 if anything failed. A program that
#       crashed, timed out or exited non-zero without counting a failure
#       counts as 1 failed.
set -u

case "${1:-}" in
one)
    log=$2; limit=$3; shift 3
    start=$(date +%s)
    timeout --kill-after=10 "$limit" "$@" >"$log" 2>&1
    status=$?
    echo "exit status $status after $(( $(date +%s) - start )) s" >>"$log"
    echo "======== $*"
    cat "$log"
    exit 0
    ;;
sum)
    shift
    exec sh "$(dirname "$0")/../scripts/sum-counts.sh" --title check-lib "$@"
    ;;
*)
    echo "usage: run.sh one LOG TIMEOUT [RUNNER...] PROGRAM [ARGS...] | run.sh sum LOG..." >&2
    exit 2
    ;;
esac
