#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Sums the "N passed, N failed[, N skipped]" lines of test logs: the one
# summariser of tests/run.sh (check-lib), tests/aarch64/check.sh,
# tests/ct/hardening.sh and scripts/test.sh.
#
#   sum-counts.sh [--title TITLE] [--tail N] LOG...
#
# Per LOG (named by its file name without .log): its last count line (an
# optional "word: " prefix and trailing text allowed) and, if the log has one,
# its last "exit status S after T s" line. A log without a count line counts
# as 1 failed; so does a non-zero exit status without a counted failure.
# Prints one line per log, the failed logs (with their last N lines if
# --tail N), the skipped total if any, and last the sum "N passed, N failed".
# Exits 1 if anything failed.
set -u
count_re='^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed'
title="" tail_lines=0
while [ $# -gt 0 ]; do
    case $1 in
    --title) title=$2; shift 2 ;;
    --tail) tail_lines=$2; shift 2 ;;
    *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: sum-counts.sh [--title TITLE] [--tail N] LOG..." >&2; exit 2; }

total_pass=0 total_fail=0 total_skip=0 bad=""
[ -z "$title" ] || echo "======== $title summary"
for log in "$@"; do
    name=$(basename "$log" .log)
    line=$(grep -E "$count_re" "$log" 2>/dev/null | tail -n 1 | sed -E 's/^[A-Za-z-]+: //')
    exit_line=$(grep -E '^exit status [0-9]+' "$log" 2>/dev/null | tail -n 1)
    status=$(echo "$exit_line" | sed -n 's/^exit status \([0-9]*\).*/\1/p')
    secs=$(echo "$exit_line" | sed -n 's/^exit status [0-9]* after \([0-9]*\) s$/\1/p')
    pass=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
    fail=$(echo "$line" | sed -n 's/^[0-9]* passed, \([0-9]*\) failed.*/\1/p')
    skip=$(echo "$line" | sed -n 's/^[0-9]* passed, [0-9]* failed, \([0-9]*\) skipped.*/\1/p')
    pass=${pass:-0} fail=${fail:-0} skip=${skip:-0} note=""
    if [ -z "$line" ]; then
        fail=$((fail + 1)) note=" (no count line: crashed, killed or not built?)"
    elif [ -n "$status" ] && [ "$status" != 0 ] && [ "$fail" -eq 0 ]; then
        fail=1 note=" (exit status $status without a counted failure)"
    fi
    [ "$fail" -eq 0 ] || bad="$bad $log"
    printf '  %-28s %6s passed, %s failed, %s skipped%s%s\n' "$name" "$pass" "$fail" "$skip" \
        "${secs:+, ${secs}s}" "$note"
    total_pass=$((total_pass + pass)) total_fail=$((total_fail + fail)) total_skip=$((total_skip + skip))
done
for log in $bad; do
    if [ "$tail_lines" -gt 0 ]; then
        echo "---- $(basename "$log" .log) (last lines of $log)"
        tail -n "$tail_lines" "$log" 2>/dev/null || echo "(no log)"
    fi
done
[ -z "$bad" ] || echo "failed:$(for log in $bad; do printf ' %s' "$(basename "$log" .log)"; done) (logs in $(dirname "$1"))"
[ "$total_skip" -eq 0 ] || echo "skipped or n/a in total: $total_skip"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
