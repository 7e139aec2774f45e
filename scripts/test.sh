#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# The whole vxts test suite: every stage below, in order, each one logged to
# build/logs/<stage>.log. Installs the Debian packages it needs when run as
# root (scripts/deps.sh); otherwise names what is missing and stops.
# Ends with "N passed, N failed": the sum of the stages' own counts, and of
# scripts/clean-tree.sh's check that the run left the tree as git had it.
#   scripts/test.sh              all stages
#   scripts/test.sh STAGE...     only these (make targets, e.g. check-lib prove)
set -u
cd "$(dirname "$0")/.." || exit 2
scripts/deps.sh test || exit 1

STAGES=${*:-"check-lib check-cli check-install prove check-hardening check-aarch64"}
JOBS=${JOBS:-2}
mkdir -p build/logs
total_pass=0; total_fail=0; failed_stages=""
scripts/clean-tree.sh save build/logs/tree-before

echo "== build"
if ! make -j"$JOBS" lib cli >build/logs/build.log 2>&1; then
  tail -n 30 build/logs/build.log
  echo "0 passed, 1 failed"
  exit 1
fi

for stage in $STAGES; do
  log=build/logs/$stage.log
  start=$(date +%s)
  echo "== $stage"
  make --no-print-directory -j"$JOBS" "$stage" >"$log" 2>&1
  status=$?
  secs=$(( $(date +%s) - start ))
  # The stage's own closing line "N passed, N failed", if it prints one.
  counts=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  pass=$(echo "$counts" | sed -nE 's/^([A-Za-z-]+: )?([0-9]+) passed.*/\2/p')
  fail=$(echo "$counts" | sed -nE 's/.* ([0-9]+) failed.*/\1/p')
  [ -n "$pass" ] || pass=0
  [ -n "$fail" ] || fail=0
  if [ $status -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
  if [ $status -ne 0 ] || [ "$fail" -ne 0 ]; then
    failed_stages="$failed_stages $stage"
    tail -n 40 "$log"
    echo "-- $stage FAILED (exit $status, ${secs}s; full log: $log)"
  else
    echo "-- $stage: $pass passed (${secs}s)"
  fi
  total_pass=$((total_pass + pass)); total_fail=$((total_fail + fail))
done
# Counted like a stage: the run left the tree as git had it.
echo "== clean-tree"
if scripts/clean-tree.sh check build/logs/tree-before >build/logs/clean-tree.log 2>&1; then
  total_pass=$((total_pass + $(sed -n 's/^\([0-9]*\) passed.*/\1/p' build/logs/clean-tree.log)))
else
  total_fail=$((total_fail + 1)); failed_stages="$failed_stages clean-tree"
fi
cat build/logs/clean-tree.log

[ -z "$failed_stages" ] || echo "failed stages:$failed_stages"
echo "$total_pass passed, $total_fail failed"
[ -z "$failed_stages" ]
