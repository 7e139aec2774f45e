#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Runs every query of gen.py with z3 and cvc4; fails on any unexpected answer.
# Queries cpu_*: gen.py's intrinsic models against the CPU; ccpu_*: the translated C
# functions against the compiled ones (n/a where the CPU lacks the instructions).
# One line per query: name, expected, z3's answer, cvc4's answer, wall time (both provers).
# A query may hold several (check-sat)s (push/pop); its answer is sat if any is sat,
# unsat if all are unsat, else the first other answer (unknown, timeout, an error).
# Usage: sh proofs/smt/check.sh [OUTDIR]    (default: a temporary directory)
#   SMT_CPU_TRIALS (200), SMT_C_TRIALS (100), SMT_CPU_SEED (1): random trials per
#   intrinsic and per C function, and their seed
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d)}
python3 "$here/gen.py" "$out"
# The intrinsic models against the CPU (queries cpu_*): intrin_cpu.c runs the real
# instructions on random inputs, with a fixed seed so that the report is reproducible.
# The translated functions against the compiled ones (queries ccpu_*): c_cpu.c includes
# each source file whole, built with the Makefile's ISA flags for that backend.
root=$(cd "$here/../.." && pwd)
cc=${CC:-cc}
trials=${SMT_CPU_TRIALS:-200}
c_trials=${SMT_C_TRIALS:-100}
seed=${SMT_CPU_SEED:-1}
: >"$out/c_cpu.txt"
if [ "$(uname -m)" = x86_64 ]; then
    $cc -O2 -I "$out" -o "$out/intrin_cpu" "$here/intrin_cpu.c"
    "$out/intrin_cpu" "$trials" "$seed" >"$out/intrin_cpu.txt"
    for group in "CT64 ct64" "AESNI aesni aes pclmul sse4.1" "VAES256 vaes256 avx2 aes vaes pclmul vpclmulqdq" \
        "VAES512 vaes512 avx2 aes vaes pclmul vpclmulqdq avx512f avx512vl avx512bw avx512dq"; do
        # shellcheck disable=SC2086 # split on purpose: GROUP ID FEATURE...
        set -- $group
        g=$1 id=$2
        shift 2
        if ! "$out/intrin_cpu" --has "$@"; then
            echo "NA $g" >>"$out/c_cpu.txt"
            continue
        fi
        isa=$(sed -n "s/^ISA_x86_64_$id *:= *//p" "$root/Makefile")
        # shellcheck disable=SC2086
        $cc -O2 -std=c11 -D_GNU_SOURCE -I "$root/include" -I "$root/src" $isa -DC_CPU_$g \
            -o "$out/c_cpu_$id" "$here/c_cpu.c"
        "$out/c_cpu_$id" "$c_trials" "$seed" >>"$out/c_cpu.txt"
    done
else
    sed 's/^/NA /' "$out/intrinsics.txt" >"$out/intrin_cpu.txt"
    printf 'NA %s\n' CT64 AESNI VAES256 VAES512 >"$out/c_cpu.txt"
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
