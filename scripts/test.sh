#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# The whole vxts test suite: every stage below, in order, each one logged to
# build/logs/<stage>.log. Installs the Debian packages it needs when run as
# root (scripts/deps.sh); otherwise names what is missing and stops.
# Ends with "N passed, N failed": the sum of the stages' own counts
# (scripts/sum-counts.sh: a stage without a count line counts as failed), and
# of scripts/clean-tree.sh's check that the run left the tree as git had it.
#   scripts/test.sh              all stages
#   scripts/test.sh STAGE...     only these (make targets, e.g. check-lib prove)
set -u
cd "$(dirname "$0")/.." || exit 2
scripts/deps.sh test || exit 1

STAGES=${*:-"check-lib check-cli check-install check-provider check-model prove check-hardening check-aarch64"}
JOBS=${JOBS:-2}
mkdir -p build/logs
logs=""
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
  echo "exit status $status after $secs s" >>"$log"
  # The stage's own closing line "N passed, N failed" and its exit status.
  if scripts/sum-counts.sh "$log" >/dev/null; then
    echo "-- $stage: ok (${secs}s)"
  else
    tail -n 40 "$log"
    echo "-- $stage FAILED (exit $status, ${secs}s; full log: $log)"
  fi
  logs="$logs $log"
done
# Counted like a stage: the run left the tree as git had it.
echo "== clean-tree"
scripts/clean-tree.sh check build/logs/tree-before >build/logs/clean-tree.log 2>&1
cat build/logs/clean-tree.log
logs="$logs build/logs/clean-tree.log"

# shellcheck disable=SC2086
exec scripts/sum-counts.sh --title scripts/test.sh $logs
