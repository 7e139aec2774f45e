#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Runs the test programs for mk/tests.mk and sums their counts.
#   run.sh one LOG TIMEOUT [RUNNER...] PROGRAM [ARGS...]
#       runs one program (under `timeout`), writes its output and exit status
#       to LOG, then prints LOG.
#   run.sh sum LOG...
#       prints each program's closing line and the sum "N passed, N failed";
#       exits 1 if anything failed. A program that crashed, timed out or
#       exited non-zero without counting a failure counts as 1 failed.
set -u
closing='^[0-9][0-9]* passed, [0-9][0-9]* failed(, [0-9][0-9]* skipped)?$'

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
    total_pass=0; total_fail=0; total_skip=0; bad=""
    echo "======== check-lib summary"
    for log in "$@"; do
        name=$(basename "$log" .log)
        line=$(grep -E "$closing" "$log" 2>/dev/null | tail -n 1)
        status=$(sed -n 's/^exit status \([0-9]*\) .*/\1/p' "$log" 2>/dev/null | tail -n 1)
        secs=$(sed -n 's/^exit status [0-9]* after \([0-9]*\) s$/\1/p' "$log" 2>/dev/null | tail -n 1)
        pass=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
        fail=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
        skip=$(echo "$line" | sed -n 's/.* \([0-9]*\) skipped$/\1/p')
        pass=${pass:-0}; fail=${fail:-0}; skip=${skip:-0}
        note=""
        if [ -z "$line" ]; then
            fail=$((fail + 1)); note=" (no closing count line: crashed or killed?)"
        elif [ "${status:-1}" != 0 ] && [ "$fail" -eq 0 ]; then
            fail=1; note=" (exit status ${status:-unknown} without a counted failure)"
        fi
        [ "$fail" -eq 0 ] || bad="$bad $name"
        printf '  %-28s %s passed, %s failed, %s skipped, %ss%s\n' "$name" "$pass" "$fail" "$skip" "${secs:-?}" "$note"
        total_pass=$((total_pass + pass)); total_fail=$((total_fail + fail)); total_skip=$((total_skip + skip))
    done
    [ -z "$bad" ] || echo "failed programs:$bad (logs: $(dirname "$1")/<name>.log)"
    echo "skipped or n/a in total: $total_skip"
    echo "$total_pass passed, $total_fail failed"
    [ "$total_fail" -eq 0 ]
    ;;
*)
    echo "usage: run.sh one LOG TIMEOUT [RUNNER...] PROGRAM [ARGS...] | run.sh sum LOG..." >&2
    exit 2
    ;;
esac
