# SPDX-License-Identifier: Apache-2.0 OR MIT
# Sourced by the shell test scripts: pass/fail counting, closed by the caller's
# "N passed, N failed" line (scripts/sum-counts.sh reads it).
PASSED=0 FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
bad() { FAILED=$((FAILED + 1)); echo "FAIL $1"; [ $# -lt 2 ] || echo "$2" | sed 's/^/     /'; }
check() { # check NAME COMMAND...: passes when COMMAND succeeds; its output is shown on failure
    name=$1; shift
    if out=$("$@" 2>&1); then ok "$name"; else bad "$name" "$out"; fi
}
