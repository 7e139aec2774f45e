#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Helpers of `make check-hardening` (mk/hardening.mk). Every check writes
# LOGDIR/NAME.log ending with one "N passed, N failed" line.
#
#   hardening.sh run LOGDIR NAME CMD...   run CMD, log it; a missing count line
#                                         becomes "1 passed, 0 failed" (exit 0)
#                                         or "0 passed, 1 failed"; a non-zero
#                                         exit without a counted failure counts 1
#   hardening.sh taint BUILDDIR SUPP [--quick]
#                                         ISA probe (native and under valgrind),
#                                         then the memcheck taint test of every
#                                         backend valgrind can run
#   hardening.sh fuzz BIN NAME SECONDS WORKDIR
#                                         replay tests/fuzz/regressions/NAME and
#                                         the seeds, then fuzz for SECONDS
#   hardening.sh sum LOGDIR NAME...       per-check counts and the total;
#                                         exits 1 if anything failed
set -u
count_re='^[0-9][0-9]* passed, [0-9][0-9]* failed'

case "${1:-}" in
run)
    logdir=$2; name=$3; shift 3
    log=$logdir/$name.log
    mkdir -p "$logdir"
    start=$(date +%s)
    "$@" >"$log" 2>&1
    status=$?
    secs=$(( $(date +%s) - start ))
    line=$(grep -E "$count_re" "$log" | tail -n 1)
    fail=$(echo "$line" | sed -n 's/^[0-9]* passed, \([0-9]*\) failed.*/\1/p')
    if [ -z "$line" ]; then
        if [ $status -eq 0 ]; then echo "1 passed, 0 failed" >>"$log"; else echo "0 passed, 1 failed" >>"$log"; fi
    elif [ $status -ne 0 ] && [ "${fail:-0}" -eq 0 ]; then
        pass=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
        echo "$pass passed, 1 failed (exit status $status without a counted failure)" >>"$log"
    fi
    echo "exit status $status after $secs s" >>"$log"
    printf '%-28s %s (%ss)\n' "$name" "$(grep -E "$count_re" "$log" | tail -n 1)" "$secs"
    exit 0
    ;;

taint)
    dir=$2; supp=$3; quick=${4:-}
    vg="valgrind -q --error-limit=no --suppressions=$supp"
    echo "== ISA probe: what this CPU, and valgrind ($(valgrind --version)), can execute"
    "$dir/ct/isa_probe" | sed 's/^probe/native  /' | tee "$dir/ct/probe-native.txt"
    $vg "$dir/ct/isa_probe" 2>/dev/null | sed 's/^probe/valgrind/' | tee "$dir/ct/probe-valgrind.txt"
    # ct64 always runs under valgrind; aesni must too when the CPU has it and
    # valgrind executes it (the Q6 notes: it does). VAES/AVX-512: recorded only.
    require=ct64
    if grep -q 'aesni-xmm .*result=ok' "$dir/ct/probe-native.txt" &&
       grep -q 'aesni-xmm .*result=ok' "$dir/ct/probe-valgrind.txt"; then
        require=ct64,aesni
    fi
    for isa in vaes-ymm avx512 vaes-zmm; do
        n=$(sed -n "s/.*$isa .*result=\([^ ]*\).*/\1/p" "$dir/ct/probe-native.txt")
        v=$(sed -n "s/.*$isa .*result=\([^ ]*\).*/\1/p" "$dir/ct/probe-valgrind.txt")
        if [ "$n" = ok ] && [ "$v" != ok ]; then
            echo "note: valgrind cannot execute $isa ($v): the backends using it are covered by ct_dudect and asm_branches instead"
        elif [ "$n" = ok ] && [ "$v" = ok ]; then
            echo "note: valgrind executes $isa here, but hides it from CPUID: tests/ct/README.md says how to extend the taint test"
        fi
    done
    echo "== memcheck taint test (required backends: $require)"
    # shellcheck disable=SC2086
    $vg "$dir/ct/ct_taint" --require "$require" $quick
    ;;

fuzz)
    bin=$2; name=$3; secs=$4; work=$5
    here=$(pwd)
    seeds=$here/tests/fuzz/corpus/$name
    regress=$here/tests/fuzz/regressions/$name
    artifacts=$work/artifacts/
    corpus=$work/corpus
    rm -rf "$artifacts"
    mkdir -p "$artifacts" "$corpus"
    pass=0; fail=0
    opts="-close_fd_mask=3 -timeout=20 -rss_limit_mb=2560 -artifact_prefix=$artifacts"
    # 1. Every regression input and every seed, once.
    set --
    [ -d "$regress" ] && for f in "$regress"/*; do [ -f "$f" ] && set -- "$@" "$f"; done
    for f in "$seeds"/*; do [ -f "$f" ] && set -- "$@" "$f"; done
    echo "== $name: replaying $# regression inputs and seeds"
    # shellcheck disable=SC2086
    if "$bin" $opts -runs=1 "$@" >"$work/replay.log" 2>&1; then
        pass=$((pass + 1)); echo "ok   replay ($# inputs)"
    else
        fail=$((fail + 1)); echo "FAIL replay: an input crashes or fails:"; tail -n 40 "$work/replay.log"
    fi
    # 2. Fuzz for a bounded time from the seeds and the corpus grown so far.
    echo "== $name: fuzzing for $secs s"
    # shellcheck disable=SC2086
    if "$bin" $opts -max_total_time="$secs" -print_final_stats=1 "$corpus" "$seeds" >"$work/fuzz.log" 2>&1; then
        pass=$((pass + 1))
        echo "ok   fuzzing: $(grep -E '^stat::number_of_executed_units' "$work/fuzz.log" | sed 's/.*: *//') runs," \
             "corpus $(ls "$corpus" | wc -l) inputs"
    else
        fail=$((fail + 1))
        tail -n 60 "$work/fuzz.log"
        for a in "$artifacts"*; do
            [ -f "$a" ] || continue
            echo "FAIL fuzzing found $a"
            echo "     keep it as a regression test: cp '$a' tests/fuzz/regressions/$name/ (then fix the bug)"
        done
    fi
    echo "$pass passed, $fail failed"
    ;;

sum)
    logdir=$2; shift 2
    logs=""
    for name in "$@"; do logs="$logs $logdir/$name.log"; done
    # shellcheck disable=SC2086
    exec sh "$(dirname "$0")/../../scripts/sum-counts.sh" --title check-hardening --tail 15 $logs
    ;;

*)
    echo "usage: hardening.sh run|taint|fuzz|sum ..." >&2
    exit 2
    ;;
esac
