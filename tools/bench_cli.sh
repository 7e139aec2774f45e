#!/bin/bash
# SPDX-License-Identifier: Apache-2.0 OR MIT
# bench_cli.sh CLI DIR MIB RUNS — end-to-end throughput of `vxts encrypt` on a file of MIB MiB
# (make bench-cli). Every figure is the median of RUNS runs, the input in the page cache.
#
#  1. The I/O limit: `cat IN > OUT` then fsync OUT, in DIR, against `vxts encrypt` (default
#     threads, which fsyncs OUTPUT) in the same place; target vxts >= 0.9 x cat.
#  2. The page cache as the only limit: IN and OUTPUT in /dev/shm (tmpfs), --no-fsync,
#     --threads 1 against --threads 2 (and the online CPUs); target 2 threads >= 1.8 x 1 thread.
# It prints the numbers and whether each target was met; it is a measurement, not a test.
set -u
CLI=${1:?usage: bench_cli.sh CLI DIR MIB RUNS}
DIR=${2:?}
MIB=${3:-1024}
RUNS=${4:-3}
SHM=${BENCH_CLI_SHM:-/dev/shm}
BYTES=$((MIB * 1048576))

mkdir -p "$DIR" || exit 1
key=$DIR/key
head -c 64 /dev/urandom > "$key"

now() { date +%s.%N; }
# median SECONDS...: the middle value
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# timed CMD...: seconds of one run (exit status checked)
timed() {
    local t0 t1
    t0=$(now)
    "$@" || { echo "bench-cli: command failed: $*" >&2; exit 1; }
    t1=$(now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
}
mbs() { awk -v b="$BYTES" -v t="$1" 'BEGIN { printf "%.0f", b / t / 1e6 }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r >= t ? "met" : "MISSED") }'; }

cat_fsync() { cat "$1" > "$2" && sync "$2"; }

# series NAME OUT CMD...: RUNS timed runs (OUT removed and the removal synced before each), prints the median.
series() {
    local name=$1 out=$2 i t=()
    shift 2
    for ((i = 0; i < RUNS; i++)); do
        rm -f "$out"
        sync -f "$(dirname "$out")" 2> /dev/null || sync
        t+=("$(timed "$@")")
    done
    rm -f "$out"
    median "${t[@]}"
}

echo "vxts bench-cli: $MIB MiB, median of $RUNS runs, $(nproc) online CPUs, backend $("$CLI" backends | sed -n 's/^default: \([a-z0-9]*\).*/\1/p')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- 1. on disk, fsync included --------------------------------------------------------
in=$DIR/in.bin
head -c "$BYTES" /dev/urandom > "$in"
cat "$in" > /dev/null # into the page cache
t_cat=$(series "cat" "$DIR/out.cat" cat_fsync "$in" "$DIR/out.cat")
t_vx=$(series "vxts" "$DIR/out.vx" "$CLI" encrypt -q --key-file "$key" "$in" "$DIR/out.vx")
ratio=$(div "$t_cat" "$t_vx")
printf 'disk (%s), fsync: cat %.3f s (%s MB/s); vxts encrypt %.3f s (%s MB/s): %.2f x cat (target >= 0.9: %s)\n' \
    "$(df --output=fstype "$DIR" | tail -1 | tr -d ' ')" "$t_cat" "$(mbs "$t_cat")" "$t_vx" "$(mbs "$t_vx")" "$ratio" \
    "$(verdict "$ratio" 0.9)"
rm -f "$in"

# ---- 2. tmpfs, no fsync ------------------------------------------------------------------
if [ -d "$SHM" ] && [ -w "$SHM" ]; then
    sin=$SHM/vxts-bench-cli-in.$$
    sout=$SHM/vxts-bench-cli-out.$$
    head -c "$BYTES" /dev/urandom > "$sin"
    t_c=$(series "cat" "$sout" cat "$sin" "$sout")
    t1=$(series "1" "$sout" "$CLI" encrypt -q --no-fsync --threads 1 --key-file "$key" "$sin" "$sout")
    t2=$(series "2" "$sout" "$CLI" encrypt -q --no-fsync --threads 2 --key-file "$key" "$sin" "$sout")
    tn=$(series "n" "$sout" "$CLI" encrypt -q --no-fsync --key-file "$key" "$sin" "$sout")
    sp=$(div "$t1" "$t2")
    printf 'tmpfs, no fsync: cat %.3f s (%s MB/s); vxts 1 thread %.3f s (%s MB/s), 2 threads %.3f s (%s MB/s), %s threads %.3f s (%s MB/s)\n' \
        "$t_c" "$(mbs "$t_c")" "$t1" "$(mbs "$t1")" "$t2" "$(mbs "$t2")" "$(nproc)" "$tn" "$(mbs "$tn")"
    printf 'tmpfs: 2 threads = %.2f x 1 thread (target >= 1.8: %s)\n' "$sp" \
        "$(verdict "$sp" 1.8)"
    rm -f "$sin" "$sout"
else
    echo "tmpfs part skipped: $SHM is not a writable directory"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$key"
