#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Runs every query of gen.py with z3 and cvc4; fails on any unexpected answer.
# Queries cpu_*: gen.py's intrinsic models against the CPU (n/a where it lacks them).
# One line per query: name, expected, z3's answer, cvc4's answer, wall time (both provers).
# A query may hold several (check-sat)s (push/pop); its answer is sat if any is sat,
# unsat if all are unsat, else the first other answer (unknown, timeout, an error).
# Usage: sh proofs/smt/check.sh [OUTDIR]    (default: a temporary directory)
#   SMT_CPU_TRIALS (200), SMT_CPU_SEED (1): random trials per intrinsic, and their seed
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d)}
python3 "$here/gen.py" "$out"
# The intrinsic models against the CPU (queries cpu_*): intrin_cpu.c runs the real
# instructions on random inputs, with a fixed seed so that the report is reproducible.
if [ "$(uname -m)" = x86_64 ]; then
    ${CC:-cc} -O2 -I "$out" -o "$out/intrin_cpu" "$here/intrin_cpu.c"
    "$out/intrin_cpu" "${SMT_CPU_TRIALS:-200}" "${SMT_CPU_SEED:-1}" >"$out/intrin_cpu.txt"
else
    sed 's/^/NA /' "$out/intrinsics.txt" >"$out/intrin_cpu.txt"
fi
python3 "$here/gen.py" --cpu "$out"
TL=${SMT_TIMEOUT:-20}
fail=0
n=0
summary() {
    awk 'BEGIN { a = "" } $0 == "sat" { s = 1; next } $0 == "unsat" { u++; next } { if (o == "") o = $0 }
         END { if (s) print "sat"; else if (o != "") print o; else if (u) print "unsat"; else print "none" }'
}
t_all0=$(date +%s.%N)
printf '%-34s %-6s %-8s %-8s %s\n' query expect z3 cvc4 time
na=0
while read -r name expect; do
    if [ "$expect" = n/a ]; then  # the CPU lacks the instructions: not checked, not passed
        na=$((na + 1))
        printf '%-34s %-6s\n' "$name" "n/a"
        continue
    fi
    f="$out/$name.smt2"
    t0=$(date +%s.%N)
    # the two provers run side by side
    (z3 -smt2 -T:"$TL" "$f" 2>&1 | summary >"$out/$name.z3") &
    (cvc4 --lang=smt2 --incremental --tlimit="${TL}000" "$f" 2>&1 | summary >"$out/$name.cvc4") &
    wait
    z=$(cat "$out/$name.z3")
    c=$(cat "$out/$name.cvc4")
    t1=$(date +%s.%N)
    st=ok
    if [ "$z" != "$expect" ] || [ "$c" != "$expect" ]; then st=FAIL; fail=$((fail + 1)); fi
    n=$((n + 1))
    printf '%-34s %-6s %-8s %-8s %5.2fs %s\n' "$name" "$expect" "$z" "$c" "$(echo "$t1 - $t0" | bc)" "$st"
done <"$out/list.txt"
t_all1=$(date +%s.%N)
printf '%d queries, %d unexpected answers, %d n/a, %.2fs in all\n' "$n" "$fail" "$na" "$(echo "$t_all1 - $t_all0" | bc)"
[ "$fail" -eq 0 ]
