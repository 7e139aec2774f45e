#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Arm speed without Arm silicon (#14): llvm-mca's static estimate of the armce main loop.
#
#   tools/mca.sh [UNROLL...]          (make mca runs it; default unroll counts: 3 4 5 6 8)
#
# For each unroll count it cross-compiles src/backend_armce.c with -DARMCE_UNROLL=n (5 is the
# shipped build, byte for byte), cuts the whole-block main loop of enc/dec_blocks_128/256 out of
# the object's disassembly (from the back-branch's target to the back-branch: the backward branch
# whose body holds the most AES instructions), and feeds it to llvm-mca for each CPU model.
# Per 16-byte block it prints: instructions, AES instructions (AESE+AESMC or AESD+AESIMC), and per
# CPU model the estimated cycles (llvm-mca's total cycles / iterations / unroll) next to the AES
# bound (the sum of the AES instructions' reciprocal throughputs in that model / unroll).
# Every number is an ESTIMATE of a static model, not a measurement on silicon; llvm-mca does not
# model AESE+AESMC fusion, so on a core that fuses the pair the bound may be lower.
#
# Environment: AARCH64_CC, AARCH64_OBJDUMP, MCA_CFLAGS (the library's flags for armce), MCA
# (default llvm-mca-16), MCA_CPUS (default "neoverse-v1 neoverse-n2"), MCA_BUILD (scratch dir).
set -eu

CC=${AARCH64_CC:-aarch64-linux-gnu-gcc}
OBJDUMP=${AARCH64_OBJDUMP:-aarch64-linux-gnu-objdump}
CFLAGS=${MCA_CFLAGS:--std=c11 -D_GNU_SOURCE -Iinclude -Isrc -O2 -fPIC -march=armv8-a+crypto}
MCA=${MCA:-llvm-mca-16}
CPUS=${MCA_CPUS:-neoverse-v1 neoverse-n2}
OUT=${MCA_BUILD:-build-mca}
ITERATIONS=500
KERNELS="enc_blocks_128 enc_blocks_256 dec_blocks_128 dec_blocks_256"
UNROLLS=${*:-3 4 5 6 8}

for tool in "$CC" "$OBJDUMP" "$MCA"; do
    command -v "$tool" > /dev/null 2>&1 || {
        echo "mca: $tool not found; on Debian: scripts/deps.sh mca (as root)" >&2
        exit 1
    }
done
mkdir -p "$OUT"

# The loop body of function $1 in disassembly $2, as llvm-mca input (back-branch to a label).
extract_loop() {
    awk -v want="$1" '
function pad(h) { h = sprintf("%16s", h); gsub(/ /, "0", h); return h }
/^[0-9a-f]+ <.*>:$/ { fn = $2; gsub(/[<>:]/, "", fn); next }
fn == want && /^ +[0-9a-f]+:/ {
    a = $1; sub(":", "", a); n++; addr[n] = pad(a)
    line = $0; sub(/^ +[0-9a-f]+:[ \t]+/, "", line); sub(/[ \t]*\/\/.*/, "", line); ins[n] = line
}
END {
    best = 0
    for (i = 1; i <= n; i++) {
        split(ins[i], f, /[ \t]+/)
        if (f[1] ~ /^(b\.|cbn?z|tbn?z)/ && pad(f[2]) < addr[i]) {
            t = pad(f[2]); for (j = 1; j <= i && addr[j] != t; j++) ;
            c = 0; for (k = j; k <= i; k++) if (ins[k] ~ /^aes/) c++
            if (c > best) { best = c; s = j; e = i }
        }
    }
    if (best == 0) exit 1
    print ".Lloop:"; for (k = s; k < e; k++) print "\t" ins[k]
    split(ins[e], f, /[ \t]+/); print "\t" f[1] " .Lloop"
}' "$2"
}

# llvm-mca's report for loop $1 on CPU $2, into $1.$2.mca (the crypto extension enabled
# explicitly: armv9 CPU names do not imply it).
run_mca() {
    "$MCA" -mtriple=aarch64 -mcpu="$2" -mattr=+aes -iterations=$ITERATIONS -instruction-info \
        -resource-pressure "$1" > "$1.$2.mca"
}

# "cycles_per_iteration aes_bound_per_iteration model dispatch_width" from report $1.
mca_numbers() {
    awk '
/^Iterations:/ { it = $2 }
/^Total Cycles:/ { tc = $3 }
/^Dispatch Width:/ { dw = $3 }
/^\[[0-9.]+\] +- / && model == "" { model = $3; sub(/Unit.*/, "", model) }
/^ *[0-9]+ +[0-9]+ +[0-9.]+ / && /[ \t]aes(e|d|mc|imc)[ \t]/ { aes += $3 }
END { if (!it || !tc) exit 1; printf "%.3f %.3f %s %s\n", tc / it, aes, model, dw }' "$1"
}

version=$("$MCA" --version | awk '/LLVM version/ { print $NF; exit }')
echo "llvm-mca (LLVM $version) static ESTIMATES, not silicon: armce whole-block main loop, per 16-byte block"
for cpu in $CPUS; do
    printf '.Lloop:\n\tnop\n\tb.ne .Lloop\n' > "$OUT/probe.s"
    run_mca "$OUT/probe.s" "$cpu"
    # shellcheck disable=SC2046
    set -- $(mca_numbers "$OUT/probe.s.$cpu.mca")
    case $cpu in
        neoverse-*) own=$(echo "${cpu#neoverse-}" | tr '[:lower:]' '[:upper:]') ;;
        *) own=$3 ;;
    esac
    stand_in=""
    [ "$3" = "$own" ] || stand_in=" -- NOT a model of $cpu: a stand-in"
    echo "  -mcpu=$cpu: scheduling model ${3} (resources ${3}Unit*), dispatch width $4$stand_in"
done
echo "  (llvm-14, Debian 12's default, gives -mcpu=neoverse-v1 and -mcpu=neoverse-n2 its Cortex-A57 model.)"
echo "  est = cycles per block (llvm-mca total cycles / iterations / unroll);"
echo "  aes = AES-instruction bound per block (sum of the AES instructions' reciprocal throughputs"
echo "        in that model / unroll; llvm-mca does not model AESE+AESMC fusion)."
printf '%-6s %-8s %8s %7s' "" "" "" ""
for cpu in $CPUS; do printf ' | %-15s' "$cpu"; done
echo
printf '%-6s %-8s %8s %7s' unroll kernel insn/blk aes/blk
for cpu in $CPUS; do printf ' | %7s %7s' est aes; done
echo

for unroll in $UNROLLS; do
    obj=$OUT/armce_u$unroll.o
    # shellcheck disable=SC2086
    $CC $CFLAGS -DARMCE_UNROLL="$unroll" -c src/backend_armce.c -o "$obj"
    "$OBJDUMP" -d --no-show-raw-insn "$obj" > "$obj.dis"
    for kernel in $KERNELS; do
        loop=$OUT/${kernel}_u$unroll.s
        extract_loop "$kernel" "$obj.dis" > "$loop" || { echo "mca: no AES loop in $kernel" >&2; exit 1; }
        insns=$(grep -c '^	' "$loop")
        aes=$(grep -c '^	aes' "$loop")
        printf '%-6s %-8s %8.1f %7.1f' "${unroll}x" "$(echo "$kernel" | sed 's/_blocks_/-/')" \
            "$(echo "$insns $unroll" | awk '{ print $1 / $2 }')" "$(echo "$aes $unroll" | awk '{ print $1 / $2 }')"
        for cpu in $CPUS; do
            run_mca "$loop" "$cpu"
            # shellcheck disable=SC2046
            set -- $(mca_numbers "$loop.$cpu.mca")
            echo "$1 $2 $unroll" | awk '{ printf " | %7.2f %7.2f", $1 / $3, $2 / $3 }'
        done
        echo
    done
done
