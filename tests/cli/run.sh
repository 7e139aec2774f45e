#!/bin/bash
# SPDX-License-Identifier: Apache-2.0 OR MIT
# CLI tests for vxts: options, every error path, round trips, byte-identity
# with an independent computation (OpenSSL EVP aes-xts, tests/cli/xts_oracle.c)
# and interoperability with cryptsetup's LUKS2 (offline, no device-mapper).
#
#   tests/cli/run.sh CLI ORACLE WORKDIR
#   VXTS_CLI_SUITES="basic data luks" (the default) picks the parts (data: threads,
#   chunk sizes, streams, --size, names, progress, signals); "dm" adds
#   checks against plain dm-crypt in the kernel (root, loop, device-mapper).
#   VXTS_CLI_RUNNER="qemu-aarch64" runs a cross-built CLI under an emulator.
#
# One line per check; the last line is "N passed, N failed"; exit 1 if any failed.
set -u

CLI=${1:?usage: run.sh CLI ORACLE WORKDIR}
ORACLE=${2:?usage: run.sh CLI ORACLE WORKDIR}
W=${3:?usage: run.sh CLI ORACLE WORKDIR}
SUITES=${VXTS_CLI_SUITES:-basic data luks}
read -r -a RUNNER <<< "${VXTS_CLI_RUNNER:-}"
CLI=$(cd "$(dirname "$CLI")" && pwd)/$(basename "$CLI")
ORACLE=$(cd "$(dirname "$ORACLE")" && pwd)/$(basename "$ORACLE")

PASSED=0 FAILED=0
rm -rf "$W" && mkdir -p "$W" || { echo "cannot create $W"; exit 1; }
W=$(cd "$W" && pwd)

ok() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
bad() {
    FAILED=$((FAILED + 1))
    echo "FAIL $1: $2"
    [ -s "$W/stderr" ] && sed 's/^/       stderr: /' "$W/stderr" | head -5
    return 0
}
# report NAME WHY: passes when WHY is empty.
report() { if [ -z "$2" ]; then ok "$1"; else bad "$1" "$2"; fi; }

# ---- fixtures: every INPUT gets a checksum, checked after each run that names it ----

declare -A SUM
fixture() { # fixture PATH BYTES [source]
    head -c "$2" "${3:-/dev/urandom}" > "$1"
    SUM[$1]=$(sha256sum < "$1")
}
INPUT_WHY=""
check_inputs() {
    local a
    INPUT_WHY=""
    for a in "$@"; do
        [ -n "$a" ] || continue
        if [ -n "${SUM[$a]:-}" ] && [ "$(sha256sum < "$a")" != "${SUM[$a]}" ]; then
            INPUT_WHY+="INPUT $a was modified; "
        fi
    done
}
# No temporary file of ours may survive a run, anywhere under the work dir.
leftovers() { find "$W" -name '.*.vxts-*' | head -3; }

vxts() { "${RUNNER[@]}" "$CLI" "$@"; }
run() { # run ARGS...: RC, $W/stdout, $W/stderr
    vxts "$@" > "$W/stdout" 2> "$W/stderr"
    RC=$?
    check_inputs "$@"
}

# expect_ok NAME ARGS...: exit 0, silent stderr, inputs intact, nothing left behind.
expect_ok() {
    local name=$1 why=""
    shift
    run "$@"
    [ "$RC" = 0 ] || why+="exit $RC; "
    [ -s "$W/stderr" ] && why+="stderr not empty; "
    [ -n "$(leftovers)" ] && why+="temporary file left: $(leftovers); "
    report "$name" "$why$INPUT_WHY"
}

# expect_fail NAME CODE REGEX ARGS...: exit CODE, exactly one stderr line
# "vxts: ..." matching REGEX, OUTPUT ($W/out.bin, a sentinel) untouched,
# no temporary file, inputs intact.
OUT=$W/out.bin
expect_fail() {
    local name=$1 code=$2 re=$3 why="" lines
    shift 3
    printf 'sentinel\n' > "$OUT"
    run "$@"
    [ "$RC" = "$code" ] || why+="exit $RC, want $code; "
    lines=$(wc -l < "$W/stderr")
    [ "$lines" = 1 ] || why+="stderr has $lines lines, want 1; "
    grep -q '^vxts: ' "$W/stderr" || why+="stderr does not start with 'vxts: '; "
    grep -Eqi -- "$re" "$W/stderr" || why+="stderr does not match /$re/; "
    [ "$(cat "$OUT" 2>/dev/null)" = sentinel ] || why+="OUTPUT was changed; "
    [ -n "$(leftovers)" ] && why+="temporary file left: $(leftovers); "
    report "$name" "$why$INPUT_WHY"
}

# oracle_params S SKIP LARGE -> "FIRST STEP" as dm-crypt computes the IVs.
oracle_params() {
    local unit=$(($1 / 512))
    if [ "$3" = 1 ]; then echo "$(($2 / unit)) 1"; else echo "$2 $unit"; fi
}

# roundtrip NAME KEY S OFFSET SKIP LARGE INPUT [extra CLI args]:
#   encrypt == OpenSSL with the dm-crypt IVs, and decrypt (same offset) restores the area.
roundtrip() {
    local name=$1 key=$2 s=$3 off=$4 skip=$5 large=$6 in=$7 why="" opts first step
    shift 7
    opts=(--key-file "$key" --sector-size "$s" --offset "$off" --skip "$skip")
    [ "$large" = 1 ] && opts+=(--iv-large-sectors)
    read -r first step <<< "$(oracle_params "$s" "$skip" "$large")"
    tail -c +$((off * 512 + 1)) "$in" > "$W/area"
    rm -f "$W/c.bin" "$W/p.bin"
    run encrypt "${opts[@]}" "$@" "$in" "$W/c.bin"
    [ "$RC" = 0 ] || why+="encrypt exit $RC; "
    "$ORACLE" enc "$key" "$s" "$first" "$step" < "$W/area" > "$W/o.bin" || why+="oracle failed; "
    cmp -s "$W/c.bin" "$W/o.bin" || why+="ciphertext differs from OpenSSL (IVs $first + k*$step); "
    report "$name: encrypt == OpenSSL" "$why$INPUT_WHY"
    # Decrypt reads the ciphertext behind the same offset (the prefix is not part of OUTPUT).
    why=""
    head -c $((off * 512)) "$in" > "$W/c_off.bin"
    cat "$W/c.bin" >> "$W/c_off.bin"
    run decrypt "${opts[@]}" "$@" "$W/c_off.bin" "$W/p.bin"
    [ "$RC" = 0 ] || why+="decrypt exit $RC; "
    cmp -s "$W/p.bin" "$W/area" || why+="decrypted area differs from the original; "
    report "$name: decrypt restores" "$why$INPUT_WHY"
}

basic_suite() {
    local k32=$W/k32 k64=$W/k64 s key in b usable=() unusable=()
    fixture "$k32" 32
    fixture "$k64" 64
    fixture "$W/in1m" 1048576
    fixture "$W/in_prefix" $((1048576 + 8 * 512))     # 8 extra 512-byte sectors in front
    fixture "$W/in_prefix3" $((1048576 + 3 * 512))    # 3 sectors in front: not 4096-aligned
    fixture "$W/big512" $((9 * 1048576 + 512 * 5))     # crosses 4 MiB chunks, ends mid-chunk
    fixture "$W/big4k" $((9 * 1048576 + 4096 * 3))

    echo "# --help, --version, backends, selftest"
    run --help
    report "--help exits 0 and prints the usage" \
        "$([ "$RC" = 0 ] || echo "exit $RC")$(grep -q '^Usage: vxts COMMAND' "$W/stdout" || echo ' no usage')"
    run encrypt --help
    report "encrypt --help exits 0" "$([ "$RC" = 0 ] || echo "exit $RC")"
    run --version
    report "--version prints the version" \
        "$([ "$RC" = 0 ] || echo "exit $RC")$(grep -Eq '^vxts [0-9]+\.[0-9]+\.[0-9]+' "$W/stdout" || echo ' no version')"
    run backends
    report "backends exits 0 and names the default" \
        "$([ "$RC" = 0 ] || echo "exit $RC")$(grep -q '^default: ' "$W/stdout" || echo ' no default line')"
    while read -r b status _; do
        case $status in
            usable) usable+=("$b") ;;
            n/a) unusable+=("$b") ;;
        esac
    done < <(sed 1d "$W/stdout" | grep -v '^default:')
    report "backends lists at least one usable backend (${usable[*]:-none})" \
        "$([ ${#usable[@]} -gt 0 ] || echo none)"
    run selftest
    local why=""
    [ "$RC" = 0 ] || why+="exit $RC; "
    grep -q '^selftest passed$' "$W/stdout" || why+="no 'selftest passed'; "
    for b in "${usable[@]}"; do grep -Eq "^  $b +ok" "$W/stdout" || why+="$b not ok; "; done
    for b in "${unusable[@]}"; do grep -Eq "^  $b +n/a" "$W/stdout" || why+="$b not n/a; "; done
    report "selftest passes on every usable backend (${usable[*]}), n/a for (${unusable[*]:-none})" "$why"
    [ -n "$why" ] && sed 's/^/       /' "$W/stdout"

    echo "# round trips against OpenSSL (AES-128/256, sector sizes, offset, skip, large IVs)"
    for key in "$k32" "$k64"; do
        local kn=AES-128
        [ "$key" = "$k64" ] && kn=AES-256
        for s in 512 1024 2048 4096; do
            roundtrip "$kn S=$s" "$key" "$s" 0 0 0 "$W/in1m"
            roundtrip "$kn S=$s --offset 8 --skip 24" "$key" "$s" 8 24 0 "$W/in_prefix"
            roundtrip "$kn S=$s --offset 8 --skip 16 --iv-large-sectors" "$key" "$s" 8 16 1 "$W/in_prefix"
        done
    done
    roundtrip "AES-256 S=512 --offset 3 --skip 5 (unaligned offset)" "$k64" 512 3 5 0 "$W/in_prefix3"
    roundtrip "AES-256 S=512 --iv-large-sectors (same as without at 512)" "$k64" 512 0 7 1 "$W/in1m"
    roundtrip "AES-128 S=512 9 MiB (several chunks)" "$k32" 512 0 1000 0 "$W/big512"
    roundtrip "AES-256 S=4096 9 MiB (several chunks, IV step 8)" "$k64" 4096 0 4096 0 "$W/big4k"
    roundtrip "AES-256 S=4096 9 MiB --iv-large-sectors" "$k64" 4096 0 4096 1 "$W/big4k"
    fixture "$W/one512" 512
    fixture "$W/one4k" 4096
    roundtrip "AES-256 S=512 --skip 2^64-1, one sector" "$k64" 512 0 18446744073709551615 0 "$W/one512"

    echo "# backends"
    for b in "${usable[@]}"; do
        roundtrip "--backend $b AES-256 S=4096 --skip 8" "$k64" 4096 0 8 0 "$W/in1m" --backend "$b"
        roundtrip "--backend=$b AES-128 S=512" "$k32" 512 0 0 0 "$W/in1m" --backend="$b"
    done
    for b in "${unusable[@]}"; do
        expect_fail "--backend $b (compiled in, not usable) fails" 1 "backend '$b'.*not usable" \
            encrypt --backend "$b" --key-file "$k64" "$W/in1m" "$OUT"
    done
    expect_fail "--backend nosuch fails as unknown" 2 "unknown backend 'nosuch'" \
        encrypt --backend nosuch --key-file "$k64" "$W/in1m" "$OUT"
    expect_fail "--backend '' fails as unknown" 2 "unknown backend" \
        encrypt --backend= --key-file "$k64" "$W/in1m" "$OUT"

    echo "# OUTPUT handling"
    rm -f "$W/new.bin"
    expect_ok "encrypt to a new file" encrypt --key-file "$k64" "$W/in1m" "$W/new.bin"
    report "new OUTPUT has mode 0600" "$([ "$(stat -c %a "$W/new.bin")" = 600 ] || stat -c 'mode %a' "$W/new.bin")"
    printf 'old content\n' > "$W/exists.bin"
    chmod 644 "$W/exists.bin"
    expect_ok "encrypt over an existing file" encrypt --key-file "$k64" "$W/in1m" "$W/exists.bin"
    report "the replaced OUTPUT holds the ciphertext" "$(cmp -s "$W/exists.bin" "$W/new.bin" || echo differs)"
    mkdir -p "$W/sub"
    printf 'x' > "$W/sub/target.bin"
    ln -sf "$W/sub/target.bin" "$W/link.bin"
    expect_ok "encrypt through a symlink OUTPUT" encrypt --key-file "$k64" "$W/in1m" "$W/link.bin"
    report "the symlink stays, its target gets the data" \
        "$([ -L "$W/link.bin" ] || echo 'link replaced; ')$(cmp -s "$W/sub/target.bin" "$W/new.bin" || echo 'target differs')"
    (cd "$W" && vxts encrypt --key-file k64 in1m rel.bin 2> "$W/stderr")
    report "relative OUTPUT in the current directory" "$(cmp -s "$W/rel.bin" "$W/new.bin" || echo differs)"
    expect_ok "options after the file names" encrypt "$W/in1m" "$W/after.bin" --key-file "$k64"
    report "options after the file names: same result" "$(cmp -s "$W/after.bin" "$W/new.bin" || echo differs)"
    expect_ok "'--' ends the options" encrypt --key-file "$k64" -- "$W/in1m" "$W/dd.bin"
    expect_ok "--verbose prints one summary line" encrypt -v --key-file "$k64" "$W/in1m" "$W/v.bin"
    report "--verbose names the backend and the speed" \
        "$(grep -Eq '^encrypted 1048576 bytes .* with backend [a-z0-9]+ on [0-9]+ threads?: .* s in all \([0-9]+ MB/s\), .* s in AES-XTS \([0-9]+ MB/s\)$' "$W/stdout" || echo "got: $(cat "$W/stdout")")"

    echo "# errors: key file"
    fixture "$W/k31" 31
    fixture "$W/k33" 33
    fixture "$W/k65" 65
    fixture "$W/k128" 128
    : > "$W/k0"
    head -c 16 /dev/urandom > "$W/half"
    cat "$W/half" "$W/half" > "$W/kweak"
    local n
    for n in 0 31 33 65 128; do
        expect_fail "key file of $n bytes: wrong key size" 1 "wrong key size.*(32|64)" \
            encrypt --key-file "$W/k$n" "$W/in1m" "$OUT"
    done
    expect_fail "key file missing" 1 "cannot open key file.*No such file" \
        encrypt --key-file "$W/nokey" "$W/in1m" "$OUT"
    expect_fail "key file is a directory" 1 "key file.*directory" \
        encrypt --key-file "$W/sub" "$W/in1m" "$OUT"
    if [ "$(id -u)" != 0 ]; then
        cp "$k64" "$W/kunread" && chmod 000 "$W/kunread"
        expect_fail "key file unreadable" 1 "cannot open key file.*Permission denied" \
            encrypt --key-file "$W/kunread" "$W/in1m" "$OUT"
    fi
    expect_fail "weak key (Key1 == Key2)" 1 "halves are equal" \
        decrypt --key-file "$W/kweak" "$W/in1m" "$OUT"
    expect_ok "key from a pipe (process substitution)" encrypt --key-file <(cat "$k64") "$W/in1m" "$W/pipe.bin"
    report "key from a pipe: same ciphertext" "$(cmp -s "$W/pipe.bin" "$W/new.bin" || echo differs)"

    echo "# errors: INPUT"
    fixture "$W/in1000" 1000
    fixture "$W/in_odd" $((1048576 + 512))
    fixture "$W/in_empty" 0
    expect_fail "INPUT of 1000 bytes: not whole sectors" 1 "not a whole number of 512-byte sectors" \
        encrypt --key-file "$k64" "$W/in1000" "$OUT"
    expect_fail "INPUT of 1 MiB + 512 with 4096-byte sectors" 1 "not a whole number of 4096-byte sectors" \
        encrypt --key-file "$k64" --sector-size 4096 "$W/in_odd" "$OUT"
    expect_fail "--offset 3 leaves an area that is not whole 4096-byte sectors" 1 "not a whole number" \
        decrypt --key-file "$k64" --sector-size 4096 --offset 3 "$W/in1m" "$OUT"
    expect_fail "INPUT missing" 1 "cannot open INPUT.*No such file" \
        encrypt --key-file "$k64" "$W/noinput" "$OUT"
    expect_fail "INPUT is a directory" 1 "INPUT.*is a directory" \
        encrypt --key-file "$k64" "$W/sub" "$OUT"
    rm -f "$W/fifo" && mkfifo "$W/fifo"
    expect_fail "INPUT is a FIFO" 1 "INPUT.*regular file or a block device" \
        encrypt --key-file "$k64" "$W/fifo" "$OUT"
    if [ "$(id -u)" != 0 ]; then
        cp "$W/in1m" "$W/unread" && chmod 000 "$W/unread"
        expect_fail "INPUT unreadable" 1 "cannot open INPUT.*Permission denied" \
            encrypt --key-file "$k64" "$W/unread" "$OUT"
    fi
    expect_fail "empty INPUT" 1 "no data after the offset" \
        encrypt --key-file "$k64" "$W/in_empty" "$OUT"
    expect_fail "--offset beyond INPUT" 1 "offset 2049 .*beyond the end of INPUT" \
        encrypt --key-file "$k64" --offset 2049 "$W/in1m" "$OUT"
    expect_fail "--offset at the end of INPUT" 1 "no data after the offset" \
        encrypt --key-file "$k64" --offset 2048 "$W/in1m" "$OUT"
    expect_fail "--offset 2^64-1 (512 * offset overflows)" 1 "beyond the end of INPUT" \
        encrypt --key-file "$k64" --offset 18446744073709551615 "$W/in1m" "$OUT"

    echo "# errors: OUTPUT"
    expect_fail "OUTPUT is INPUT (same path)" 1 "same file as INPUT" \
        encrypt --key-file "$k64" "$W/in1m" "$W/in1m"
    ln -sf "$W/in1m" "$W/in_symlink"
    expect_fail "OUTPUT is a symlink to INPUT" 1 "same file as INPUT" \
        encrypt --key-file "$k64" "$W/in1m" "$W/in_symlink"
    rm -f "$W/in_hardlink" && ln "$W/in1m" "$W/in_hardlink"
    expect_fail "OUTPUT is a hard link to INPUT" 1 "same file as INPUT" \
        decrypt --key-file "$k64" "$W/in1m" "$W/in_hardlink"
    expect_fail "OUTPUT is INPUT through ./ and .." 1 "same file as INPUT" \
        encrypt --key-file "$k64" "$W/in1m" "$W/sub/../in1m"
    expect_fail "OUTPUT is a directory" 1 "OUTPUT.*is a directory" \
        encrypt --key-file "$k64" "$W/in1m" "$W/sub"
    ln -sf "$W/nowhere/x" "$W/dangling"
    expect_fail "OUTPUT is a dangling symlink" 1 "OUTPUT.*symbolic link" \
        encrypt --key-file "$k64" "$W/in1m" "$W/dangling"
    expect_fail "OUTPUT is not a regular file (/dev/null)" 1 "OUTPUT.*not a regular file" \
        encrypt --key-file "$k64" "$W/in1m" /dev/null
    expect_fail "OUTPUT directory missing" 1 "cannot create a temporary file.*No such file" \
        encrypt --key-file "$k64" "$W/in1m" "$W/nodir/out.bin"
    # A write that fails half-way (file-size limit of 1 MiB on a 9 MiB output).
    printf 'sentinel\n' > "$OUT"
    (ulimit -f 1024; vxts encrypt --key-file "$k64" "$W/big512" "$OUT" > "$W/stdout" 2> "$W/stderr")
    RC=$?
    check_inputs "$W/big512"
    report "write failure half-way: exit 1, one line, OUTPUT untouched, no temporary file" \
        "$([ "$RC" = 1 ] || echo "exit $RC; ")$([ "$(wc -l < "$W/stderr")" = 1 ] || echo 'not one line; ')$(grep -q '^vxts: cannot write' "$W/stderr" || echo 'no cannot write; ')$([ "$(cat "$OUT")" = sentinel ] || echo 'OUTPUT changed; ')$(leftovers)$INPUT_WHY"
    # SIGTERM while running: no temporary file survives, and OUTPUT is either absent
    # or complete (the signal may land after the rename). Judged only if it was still running.
    rm -f "$W/sig.bin"
    "$ORACLE" enc "$k64" 4096 0 8 < "$W/big4k" > "$W/sig_want.bin"
    "${RUNNER[@]}" "$CLI" encrypt --key-file "$k64" --sector-size 4096 "$W/big4k" "$W/sig.bin" 2> "$W/stderr" &
    local pid=$!
    sleep 0.01
    if kill -TERM "$pid" 2> /dev/null; then
        wait "$pid"
        RC=$?
        report "SIGTERM during a run: no temporary file, OUTPUT absent or complete (exit $RC)" \
            "$([ "$RC" = 143 ] || [ "$RC" = 0 ] || echo "exit $RC; ")$([ -e "$W/sig.bin" ] && ! cmp -s "$W/sig.bin" "$W/sig_want.bin" && echo 'partial OUTPUT; ')$(leftovers)"
    else
        wait "$pid"
        echo "note SIGTERM check not judged: the run finished first"
    fi

    echo "# errors: usage"
    expect_fail "no command" 2 "missing command"
    expect_fail "unknown command" 2 "unknown command 'frobnicate'" frobnicate
    expect_fail "unknown global option" 2 "unknown option '--frob'" --frob
    expect_fail "unknown option" 2 "unknown option '--frob'" encrypt --frob --key-file "$k64" "$W/in1m" "$OUT"
    expect_fail "unknown short option" 2 "unknown option '-x'" encrypt -x --key-file "$k64" "$W/in1m" "$OUT"
    expect_fail "missing OUTPUT" 2 "needs INPUT and OUTPUT" encrypt --key-file "$k64" "$W/in1m"
    expect_fail "missing INPUT and OUTPUT" 2 "needs INPUT and OUTPUT" decrypt --key-file "$k64"
    expect_fail "too many arguments" 2 "too many arguments" encrypt --key-file "$k64" "$W/in1m" "$OUT" extra
    expect_fail "missing --key-file" 2 "needs --key-file" encrypt "$W/in1m" "$OUT"
    expect_fail "--key-file without a value" 2 "key-file needs a value" encrypt "$W/in1m" "$OUT" --key-file
    expect_fail "--skip without a value" 2 "skip needs a value" encrypt --key-file "$k64" "$W/in1m" "$OUT" --skip
    expect_fail "selftest with an argument" 2 "takes no arguments" selftest extra
    local v
    for v in -1 abc 12x "" " 5" +5 0x10 1e3; do
        expect_fail "--skip '$v': not a number" 2 "skip.*not a non-negative decimal number|skip: empty value" \
            encrypt --key-file "$k64" --skip "$v" "$W/in1m" "$OUT"
    done
    expect_fail "--offset=-5: negative" 2 "offset.*not a non-negative decimal number" \
        encrypt --key-file "$k64" --offset=-5 "$W/in1m" "$OUT"
    expect_fail "--skip 2^64: overflow" 2 "skip.*too large" \
        encrypt --key-file "$k64" --skip 18446744073709551616 "$W/in1m" "$OUT"
    expect_fail "--offset 99999999999999999999999: overflow" 2 "offset.*too large" \
        encrypt --key-file "$k64" --offset 99999999999999999999999 "$W/in1m" "$OUT"
    for v in 0 256 1000 8192 65536; do
        expect_fail "--sector-size $v: not 512..4096, power of two" 2 "sector-size $v: must be 512, 1024, 2048 or 4096" \
            encrypt --key-file "$k64" --sector-size "$v" "$W/in1m" "$OUT"
    done
    expect_fail "--sector-size x: not a number" 2 "sector-size.*not a non-negative decimal number" \
        encrypt --key-file "$k64" --sector-size x "$W/in1m" "$OUT"
    expect_fail "--skip 1 with 4096-byte sectors: misaligned" 2 "skip 1: must be a multiple of 8" \
        encrypt --key-file "$k64" --sector-size 4096 --skip 1 "$W/in1m" "$OUT"
    expect_fail "--skip 3 with 1024-byte sectors and --iv-large-sectors: misaligned" 2 "skip 3: must be a multiple of 2" \
        encrypt --key-file "$k64" --sector-size 1024 --iv-large-sectors --skip 3 "$W/in1m" "$OUT"
    expect_fail "--skip 2^64-1 with two sectors: IV overflow" 1 "IV of the last sector would pass 2\^64 - 1" \
        encrypt --key-file "$k64" --skip 18446744073709551615 "$W/in1m" "$OUT"
    expect_fail "--skip 2^64-8, 4096-byte sectors, 2 sectors: overflow" 1 "would pass 2\^64" \
        encrypt --key-file "$k64" --sector-size 4096 --skip 18446744073709551608 "$W/in1m" "$OUT"
    roundtrip "AES-256 S=4096 --skip 2^64-8, one sector" "$k64" 4096 0 18446744073709551608 0 "$W/one4k"
}

# ---- the data path: threads, chunk sizes, streams, --size, names, progress, signals ----

# run_io IN OUTFILE ARGS...: like run, with standard input from IN and standard output to OUTFILE.
run_io() {
    local in=$1 outf=$2
    shift 2
    vxts "$@" < "$in" > "$outf" 2> "$W/stderr"
    RC=$?
    check_inputs "$@"
}

# slow_encrypt OUTPUT [env...]: vxts encrypt in the background, its stdin 1 MiB then a pause of
# up to 4 s; sets PID. (A background job of a script starts with SIGINT and SIGQUIT ignored, and
# under nohup SIGHUP too: env restores them; no core files from SIGQUIT/SIGXCPU.) slow_wait: the
# run's exit status, once it has ended; the pause is cut short then (it only keeps the run
# waiting on its input).
slow_encrypt() {
    local out=$1
    shift
    ( echo "$BASHPID" > "$W/slow_pause"; head -c 1048576 "$W/d_in"; exec sleep 4 ) |
        (ulimit -c 0; exec env --default-signal=INT,QUIT,HUP "$@" \
        "${RUNNER[@]}" "$CLI" encrypt --key-file "$W/d_k64" --threads 1 - "$out" 2> "$W/stderr") &
    PID=$!
    sleep 0.7
}
slow_wait() {
    local rc
    while kill -0 "$PID" 2> /dev/null && ! ps -o stat= -p "$PID" | grep -q Z; do sleep 0.05; done
    kill "$(cat "$W/slow_pause")" 2> /dev/null
    wait "$PID" 2> /dev/null
    rc=$?
    return $rc
}

# crash_check NAME SIGNAL [env...]: a run waiting on a slow pipe is killed; nothing may be left,
# and an existing OUTPUT keeps its old content.
crash_check() {
    local name=$1 sig=$2 why="" rc d=$W/crash
    shift 2
    rm -rf "$d" && mkdir -p "$d"
    printf 'old\n' > "$d/kept.bin"
    slow_encrypt "$d/new.bin" "$@"
    [ -n "$(ls -A "$d" | grep -v '^kept.bin$')" ] && [ "$*" = "" ] &&
        why+="a name exists while OUTPUT is written: $(ls -A "$d" | tr '\n' ' '); "
    kill -"$sig" "$PID" 2> /dev/null || why+="the run was already over; "
    slow_wait
    rc=$?
    [ "$rc" -ge 128 ] || why+="exit $rc, want death by SIG$sig; "
    [ -e "$d/new.bin" ] && why+="OUTPUT exists; "
    [ -n "$(ls -A "$d" | grep -v '^kept.bin$')" ] && why+="left behind: $(ls -A "$d" | tr '\n' ' '); "
    [ "$(cat "$d/kept.bin")" = old ] || why+="an unrelated file changed; "
    report "$name" "$why"
    why=""
    slow_encrypt "$d/kept.bin" "$@"
    kill -"$sig" "$PID" 2> /dev/null || why+="the run was already over; "
    slow_wait
    [ "$(cat "$d/kept.bin")" = old ] || why+="the existing OUTPUT changed; "
    [ -n "$(ls -A "$d" | grep -v '^kept.bin$')" ] && why+="left behind: $(ls -A "$d" | tr '\n' ' '); "
    report "$name, over an existing OUTPUT: it is unchanged" "$why"
}

data_suite() {
    local k64=$W/d_k64 k32=$W/d_k32 in=$W/d_in why t c s want first step
    fixture "$k64" 64
    fixture "$k32" 32
    # 2 MiB + 3 * 4096: no chunk size below divides it evenly into equal chunks
    fixture "$in" $((2 * 1048576 + 3 * 4096))

    echo "# threads and chunk sizes: the same bytes as OpenSSL for every combination"
    for s in 512 4096; do
        read -r first step <<< "$(oracle_params "$s" 16 0)"
        "$ORACLE" enc "$k64" "$s" "$first" "$step" < "$in" > "$W/d_want_$s"
    done
    for s in 512 4096; do
        for t in 1 2 3 8; do
            for c in "$s" $((3 * s)) 200704 1048576; do
                rm -f "$W/d_out"
                run encrypt --key-file "$k64" --sector-size "$s" --skip 16 --threads "$t" --chunk-size "$c" \
                    "$in" "$W/d_out"
                why=""
                [ "$RC" = 0 ] || why+="exit $RC; "
                cmp -s "$W/d_out" "$W/d_want_$s" || why+="differs from OpenSSL; "
                report "S=$s --threads $t --chunk-size $c: encrypt == OpenSSL" "$why$INPUT_WHY"
            done
        done
        run decrypt --key-file "$k64" --sector-size "$s" --skip 16 --threads 3 --chunk-size $((5 * s)) \
            "$W/d_want_$s" "$W/d_back"
        report "S=$s --threads 3 --chunk-size $((5 * s)): decrypt restores" \
            "$([ "$RC" = 0 ] || echo "exit $RC; ")$(cmp -s "$W/d_back" "$in" || echo differs)"
    done
    run encrypt -v --key-file "$k64" --sector-size 4096 --skip 16 --threads 3 "$in" "$W/d_out"
    report "--verbose names the thread count" "$(grep -q ' on 3 threads: ' "$W/stdout" || echo "got: $(cat "$W/stdout")")"
    run encrypt --key-file "$k64" --threads 0 --no-fsync --sector-size 4096 --skip 16 "$in" "$W/d_out"
    report "--threads 0 (online CPUs) and --no-fsync" \
        "$([ "$RC" = 0 ] || echo "exit $RC; ")$(cmp -s "$W/d_out" "$W/d_want_4096" || echo differs)"
    expect_fail "--threads 257: too many" 2 "threads 257" encrypt --key-file "$k64" --threads 257 "$in" "$OUT"
    expect_fail "--chunk-size 1000: not whole sectors" 2 "chunk-size 1000" \
        encrypt --key-file "$k64" --chunk-size 1000 "$in" "$OUT"
    expect_fail "--chunk-size 2048 with 4096-byte sectors" 2 "chunk-size 2048" \
        encrypt --key-file "$k64" --sector-size 4096 --chunk-size 2048 "$in" "$OUT"

    echo "# standard input and output, --size"
    read -r first step <<< "$(oracle_params 512 0 0)"
    "$ORACLE" enc "$k64" 512 0 1 < "$in" > "$W/d_want_plain"
    run_io "$in" "$W/d_stdout" encrypt --key-file "$k64" --threads 2 --chunk-size 4608 - -
    report "'-' '-': stdin to stdout == OpenSSL" \
        "$([ "$RC" = 0 ] || echo "exit $RC; ")$([ -s "$W/stderr" ] && echo 'stderr not empty; ')$(cmp -s "$W/d_stdout" "$W/d_want_plain" || echo differs)"
    cat "$in" | vxts encrypt --key-file "$k64" --threads 3 --chunk-size 1536 - "$W/d_pipe" 2> "$W/stderr"
    report "stdin from a pipe, 3 threads, 1536-byte chunks" \
        "$([ $? = 0 ] || echo failed; )$(cmp -s "$W/d_pipe" "$W/d_want_plain" || echo differs)"
    cat "$in" | vxts encrypt --key-file "$k64" --threads 4 - - 2> "$W/stderr" |
        vxts decrypt --key-file "$k64" --threads 2 --chunk-size 3584 - - > "$W/d_rt" 2>> "$W/stderr"
    report "encrypt - - | decrypt - -: the original" "$(cmp -s "$W/d_rt" "$in" || echo differs)"
    head -c $((5 * 512)) /dev/urandom > "$W/d_prefix"
    cat "$W/d_prefix" "$in" | vxts encrypt --key-file "$k64" --offset 5 - "$W/d_off" 2> "$W/stderr"
    report "stdin with --offset 5 (dropped)" "$(cmp -s "$W/d_off" "$W/d_want_plain" || echo differs)"
    cat "$in" | vxts encrypt --key-file "$k64" --size 100 --chunk-size 4096 - "$W/d_size" 2> "$W/stderr"
    report "stdin with --size 100: the first 100 sectors" \
        "$(cmp -s "$W/d_size" <(head -c 51200 "$W/d_want_plain") || echo differs)"
    expect_ok "file with --offset 2 --size 7" encrypt --key-file "$k64" --offset 2 --size 7 "$in" "$W/d_size2"
    report "--offset 2 --size 7: sectors 2..8 with IVs 0..6" \
        "$(cmp -s "$W/d_size2" <(tail -c +1025 "$in" | head -c 3584 | "$ORACLE" enc "$k64" 512 0 1) || echo differs)"
    expect_ok "--size 0: up to the end" encrypt --key-file "$k64" --size 0 "$in" "$W/d_size0"
    report "--size 0 == no --size" "$(cmp -s "$W/d_size0" "$W/d_want_plain" || echo differs)"
    expect_fail "--size beyond INPUT" 1 "size 9999 .*beyond the end of INPUT" \
        encrypt --key-file "$k64" --size 9999 "$in" "$OUT"
    expect_fail "--size 3 with 4096-byte sectors" 1 "size 3 .*not a whole number of 4096-byte sectors" \
        encrypt --key-file "$k64" --sector-size 4096 --size 3 "$in" "$OUT"
    head -c 1000 "$in" > "$W/d_1000"
    printf 'sentinel\n' > "$OUT"
    run_io "$W/d_1000" /dev/null encrypt --key-file "$k64" - "$OUT"
    report "stdin of 1000 bytes: not whole sectors, exit 1, OUTPUT untouched" \
        "$([ "$RC" = 1 ] || echo "exit $RC; ")$(grep -q 'not a whole number of 512-byte sectors' "$W/stderr" || echo 'message; ')$([ "$(cat "$OUT")" = sentinel ] || echo 'OUTPUT changed; ')$(leftovers)"
    run_io /dev/null /dev/null encrypt --key-file "$k64" - "$OUT"
    report "empty stdin: no data, exit 1" \
        "$([ "$RC" = 1 ] || echo "exit $RC; ")$(grep -q 'no data' "$W/stderr" || echo 'message; ')$([ "$(cat "$OUT")" = sentinel ] || echo 'OUTPUT changed')"
    run_io "$W/d_1000" /dev/null encrypt --key-file "$k64" --size 4 - "$OUT"
    report "stdin shorter than --size: exit 1" \
        "$([ "$RC" = 1 ] || echo "exit $RC; ")$(grep -q 'ended after .* before the .* bytes of --size' "$W/stderr" || echo 'message; ')$([ "$(cat "$OUT")" = sentinel ] || echo 'OUTPUT changed')"
    if command -v script > /dev/null; then
        script -qec "${RUNNER[*]} $CLI encrypt --key-file $k64 $in -" /dev/null > "$W/d_tty" 2>&1
        report "OUTPUT '-' on a terminal is refused" "$(grep -q 'terminal' "$W/d_tty" || echo "got: $(head -c 200 "$W/d_tty")")"
        rm -f "$W/d_ttyout"
        script -qec "${RUNNER[*]} $CLI encrypt --key-file $k64 - $W/d_ttyout" /dev/null < /dev/null > "$W/d_tty" 2>&1
        report "INPUT '-' on a terminal is refused, no OUTPUT" \
            "$(grep -q 'standard input is a terminal' "$W/d_tty" || echo "got: $(head -c 200 "$W/d_tty")")$([ -e "$W/d_ttyout" ] && echo '; OUTPUT created')"
    fi

    echo "# names"
    cp "$k64" "$W/d_kcopy"
    SUM[$W/d_kcopy]=$(sha256sum < "$W/d_kcopy")
    expect_fail "OUTPUT is the key file" 1 "same file as the key file" \
        encrypt --key-file "$W/d_kcopy" "$in" "$W/d_kcopy"
    ln -sf "$W/d_kcopy" "$W/d_klink"
    expect_fail "OUTPUT is a symlink to the key file" 1 "same file as the key file" \
        decrypt --key-file "$W/d_kcopy" "$in" "$W/d_klink"
    expect_fail "empty INPUT name" 2 "INPUT: empty file name" encrypt --key-file "$k64" "" "$OUT"
    expect_fail "empty OUTPUT name" 2 "OUTPUT: empty file name" encrypt --key-file "$k64" "$in" ""
    expect_fail "empty --key-file name" 2 "key-file: empty file name" encrypt --key-file= "$in" "$OUT"
    expect_fail "OUTPUT name of 5000 bytes" 2 "OUTPUT: the name is 5000 bytes long" \
        encrypt --key-file "$k64" "$in" "$(printf 'a%.0s' $(seq 5000))"
    expect_fail "INPUT with a 300-byte part" 2 "INPUT: a part of the name is 300 bytes long" \
        encrypt --key-file "$k64" "$W/$(printf 'b%.0s' $(seq 300))" "$OUT"
    expect_fail "control characters in a name are escaped (one line)" 1 "INPUT '.*/x\\\\ny\\\\x1b\\[2Jz'" \
        encrypt --key-file "$k64" "$W/x"$'\n'"y"$'\033'"[2Jz" "$OUT"

    echo "# LUKS images are refused as plain sectors"
    { printf 'LUKS\272\276'; head -c $((8192 - 6)) /dev/zero; } > "$W/d_luks"
    SUM[$W/d_luks]=$(sha256sum < "$W/d_luks")
    expect_fail "decrypt of a LUKS image without --offset" 1 "starts with a LUKS header: use 'vxts luks decrypt'" \
        decrypt --key-file "$k64" "$W/d_luks" "$OUT"
    expect_fail "encrypt of a LUKS image without --offset" 1 "LUKS header: use 'vxts luks" \
        encrypt --key-file "$k64" "$W/d_luks" "$OUT"
    printf 'sentinel\n' > "$OUT"
    run_io "$W/d_luks" /dev/null decrypt --key-file "$k64" - "$OUT"
    report "a LUKS image on stdin is refused too" \
        "$([ "$RC" = 1 ] || echo "exit $RC; ")$(grep -q 'LUKS header' "$W/stderr" || echo 'message; ')$([ "$(cat "$OUT")" = sentinel ] || echo 'OUTPUT changed')"
    rm -f "$W/d_lout"
    expect_ok "with --offset 0 it is plain sectors" decrypt --key-file "$k64" --offset 0 "$W/d_luks" "$W/d_lout"

    echo "# progress"
    run encrypt --progress --key-file "$k64" "$in" "$W/d_out"
    report "--progress draws the bar on stderr (100%, rate)" \
        "$([ "$RC" = 0 ] || echo "exit $RC; ")$(grep -q '100%.*/s' "$W/stderr" || echo "got: $(head -c 200 "$W/stderr")")"
    expect_fail "--progress with --quiet" 2 "contradict" encrypt --progress -q --key-file "$k64" "$in" "$OUT"
    if command -v script > /dev/null; then
        script -qec "${RUNNER[*]} $CLI encrypt --key-file $k64 $in $W/d_out" /dev/null > "$W/d_tty" 2>&1
        report "on a terminal the bar is on by default" "$(grep -q '100%' "$W/d_tty" || echo "got: $(head -c 200 "$W/d_tty")")"
        script -qec "${RUNNER[*]} $CLI encrypt -q --key-file $k64 $in $W/d_out" /dev/null > "$W/d_tty" 2>&1
        report "--quiet on a terminal: no bar" "$([ -s "$W/d_tty" ] && echo "got: $(head -c 200 "$W/d_tty")")"
    fi
    ( head -c 1048576 "$in"; sleep 1.5; tail -c +1048577 "$in" ) |
        "${RUNNER[@]}" "$CLI" encrypt --key-file "$k64" --threads 1 - "$W/d_usr1" 2> "$W/stderr" &
    local pid=$!
    sleep 0.7
    kill -USR1 "$pid"
    wait "$pid"
    RC=$?
    report "SIGUSR1 prints one progress line and the run goes on" \
        "$([ "$RC" = 0 ] || echo "exit $RC; ")$(grep -Eq '^vxts: encrypted 1048576 bytes in .* MB/s$' "$W/stderr" || echo "got: $(cat "$W/stderr"); ")$(cmp -s "$W/d_usr1" "$W/d_want_plain" || echo 'output differs')"

    echo "# crash safety: no file is left by a signal (O_TMPFILE: not even by SIGKILL)"
    local sig
    for sig in KILL TERM ALRM INT QUIT HUP USR2 PIPE XCPU VTALRM PROF; do
        crash_check "SIG$sig mid-run" "$sig"
    done
    for sig in TERM ALRM INT; do
        crash_check "SIG$sig mid-run, named temporary file (no O_TMPFILE)" "$sig" VXTS_TEST_NO_TMPFILE=1
    done
    rm -f "$W/d_named"
    VXTS_TEST_NO_TMPFILE=1 "${RUNNER[@]}" "$CLI" encrypt --key-file "$k64" "$in" "$W/d_named" 2> "$W/stderr"
    report "named temporary file: same result, nothing left" \
        "$(cmp -s "$W/d_named" "$W/d_want_plain" || echo 'differs; ')$(leftovers)"
}

# ---- LUKS2 interop with cryptsetup (offline, no root or device-mapper needed) ----

luks_suite() {
    if ! command -v cryptsetup > /dev/null || ! command -v jq > /dev/null; then
        echo "note LUKS2 interop not run: needs cryptsetup (cryptsetup-bin) and jq"
        return
    fi
    echo "# LUKS2 interop: $(cryptsetup --version)"
    local L=$W/luks ks s why pass=$W/luks/pass size=$((48 * 1048576)) reduce=$((32 * 1048576))
    local cs_opts=(-q --key-file "$pass" --pbkdf pbkdf2 --pbkdf-force-iterations 1000 --cipher aes-xts-plain64)
    mkdir -p "$L"
    printf 'interop passphrase' > "$pass"
    fixture "$L/orig" "$size"
    fixture "$L/P" $((8 * 1048576))
    for ks in 256 512; do
        for s in 512 4096; do
            local tag="key-size $ks sector $s" img=$L/img-$ks-$s vk=$L/vk-$ks-$s json off sec tweak enc keep
            # cryptsetup encrypts the file in place, putting a LUKS2 header in front (data shift).
            cp "$L/orig" "$img"
            rm -f "$vk"
            why=""
            cryptsetup reencrypt --encrypt --type luks2 --reduce-device-size 32M --force-offline-reencrypt \
                --key-size "$ks" --sector-size "$s" "${cs_opts[@]}" "$img" > "$W/stderr" 2>&1 || why+="reencrypt --encrypt failed; "
            cryptsetup luksDump -q --dump-volume-key --volume-key-file "$vk" --key-file "$pass" "$img" \
                > /dev/null 2>> "$W/stderr" || why+="volume key dump failed; "
            json=$(cryptsetup luksDump --dump-json-metadata "$img" 2>> "$W/stderr")
            off=$(jq -r '.segments."0".offset' <<< "$json")
            sec=$(jq -r '.segments."0".sector_size' <<< "$json")
            tweak=$(jq -r '.segments."0".iv_tweak' <<< "$json")
            enc=$(jq -r '.segments."0".encryption' <<< "$json")
            [ "$enc" = aes-xts-plain64 ] && [ "$sec" = "$s" ] || why+="segment is $enc/$sec; "
            [ "$(stat -c %s "$vk" 2> /dev/null)" = $((ks / 8)) ] || why+="volume key is not $((ks / 8)) bytes; "
            report "LUKS2 $tag: cryptsetup made it (segment offset $off, sector $sec, iv_tweak $tweak)" "$why"
            [ -n "$why" ] && continue
            # Only the first size - reduce bytes are the original data; the rest of the segment is spare.
            keep=$((size - reduce))
            why=""
            run decrypt --key-file "$vk" --sector-size "$sec" --offset $((off / 512)) --skip "$tweak" "$img" "$L/plain"
            [ "$RC" = 0 ] || why+="vxts decrypt exit $RC; "
            cmp -s -n "$keep" "$L/plain" "$L/orig" || why+="vxts decrypt differs from the original data; "
            report "LUKS2 $tag: vxts decrypt (--offset $((off / 512)), 512-byte IV units) recovers the original" "$why$INPUT_WHY"
            why=""
            head -c "$keep" "$L/orig" > "$L/orig_keep"
            run encrypt --key-file "$vk" --sector-size "$sec" --skip "$tweak" "$L/orig_keep" "$L/vx_enc"
            [ "$RC" = 0 ] || why+="vxts encrypt exit $RC; "
            cmp -s -n "$keep" "$L/vx_enc" <(tail -c +$((off + 1)) "$img") || why+="differs from cryptsetup's ciphertext; "
            report "LUKS2 $tag: vxts encrypt == cryptsetup's ciphertext bytes" "$why"
            # The other way: vxts writes the data area, cryptsetup decrypts it (detached header,
            # the only LUKS2 decryption cryptsetup 2.6 does offline).
            why=""
            local hdr=$L/hdr-$ks-$s data=$L/data-$ks-$s vk2=$L/vk2-$ks-$s
            rm -f "$hdr" "$vk2"
            cp "$L/P" "$data"
            cryptsetup luksFormat --type luks2 --header "$hdr" --key-size "$ks" --sector-size "$s" \
                "${cs_opts[@]}" "$data" > "$W/stderr" 2>&1 || why+="luksFormat failed; "
            cryptsetup luksDump -q --dump-volume-key --volume-key-file "$vk2" --key-file "$pass" "$hdr" \
                > /dev/null 2>> "$W/stderr" || why+="volume key dump failed; "
            [ "$(jq -r '.segments."0".offset' <<< "$(cryptsetup luksDump --dump-json-metadata "$hdr")")" = 0 ] ||
                why+="detached segment offset not 0; "
            run encrypt --key-file "$vk2" --sector-size "$s" "$L/P" "$data"
            [ "$RC" = 0 ] || why+="vxts encrypt exit $RC; "
            cryptsetup reencrypt --decrypt --header "$hdr" --force-offline-reencrypt -q --key-file "$pass" \
                "$data" > "$W/stderr" 2>&1 || why+="cryptsetup reencrypt --decrypt failed; "
            cmp -s "$data" "$L/P" || why+="cryptsetup's decryption differs from the data; "
            report "LUKS2 $tag: cryptsetup decrypts what vxts encrypted" "$why$INPUT_WHY"
        done
    done
}

# ---- plain dm-crypt in the kernel (root, loop devices and device-mapper needed) ----
# Not in the default suites: containers usually have no device-mapper. Run it with
# VXTS_CLI_SUITES=dm on a machine where `cryptsetup open --type plain` works.

dm_suite() {
    local L=$W/dm key=$W/dm/key name=vxts-cli-test-$$ loopdev cfg s off skip large why opts
    if [ "$(id -u)" != 0 ] || ! command -v cryptsetup > /dev/null || ! command -v losetup > /dev/null; then
        echo "note dm-crypt plain checks not run: need root, cryptsetup and losetup"
        return
    fi
    mkdir -p "$L"
    fixture "$key" 64
    fixture "$L/dev" $((4 * 1048576 + 4096))
    fixture "$L/P" $((4 * 1048576 + 4096))
    if ! loopdev=$(losetup --find --show "$L/dev" 2> "$W/stderr"); then
        echo "note dm-crypt plain checks not run: losetup failed: $(head -1 "$W/stderr")"
        return
    fi
    if ! cryptsetup open --type plain --cipher aes-xts-plain64 --key-size 512 --key-file "$key" \
        "$loopdev" "$name" > "$W/stderr" 2>&1; then
        echo "note dm-crypt plain checks not run: cryptsetup open failed: $(head -1 "$W/stderr")"
        losetup -d "$loopdev"
        return
    fi
    cryptsetup close "$name"
    echo "# plain dm-crypt: $(uname -r), $(cryptsetup --version)"
    # S OFFSET SKIP LARGE; every area is a whole number of sectors.
    for cfg in "512 0 0 0" "512 3 5 0" "4096 0 0 0" "4096 8 16 0" "4096 8 16 1" "1024 2 6 1" "2048 0 4 0"; do
        read -r s off skip large <<< "$cfg"
        opts=(--sector-size "$s" --offset "$off" --skip "$skip")
        [ "$large" = 1 ] && opts+=(--iv-large-sectors)
        why=""
        # The raw 64-byte key file is the volume key: no hashing is applied to key files.
        if ! cryptsetup open --type plain --cipher aes-xts-plain64 --key-size 512 --key-file "$key" \
            "${opts[@]}" "$loopdev" "$name" > "$W/stderr" 2>&1; then
            bad "plain dm-crypt ${opts[*]}" "cryptsetup open failed: $(head -1 "$W/stderr")"
            continue
        fi
        # Kernel reads: what dm-crypt decrypts from the device vs vxts decrypt of the same bytes.
        cat "/dev/mapper/$name" > "$L/kernel_plain" || why+="reading the mapping failed; "
        run decrypt --key-file "$key" "${opts[@]}" "$L/dev" "$L/vx_plain"
        [ "$RC" = 0 ] || why+="vxts decrypt exit $RC; "
        cmp -s "$L/kernel_plain" "$L/vx_plain" || why+="vxts decrypt differs from dm-crypt's reads; "
        report "plain dm-crypt ${opts[*]}: vxts decrypt == kernel read" "$why$INPUT_WHY"
        # Kernel writes: P through the mapping, then the raw area (read from the backing file,
        # whose page cache the loop driver writes through) vs vxts encrypt of P.
        why=""
        local area=$(( $(stat -c %s "$L/dev") - off * 512 ))
        head -c "$area" "$L/P" > "$L/P_area"
        dd if="$L/P_area" of="/dev/mapper/$name" bs=1M oflag=direct status=none || why+="writing the mapping failed; "
        cryptsetup close "$name" || why+="close failed; "
        sync
        run encrypt --key-file "$key" "${opts[@]}" "$L/P_area" "$L/vx_enc"
        [ "$RC" = 0 ] || why+="vxts encrypt exit $RC; "
        cmp -s "$L/vx_enc" <(tail -c +$((off * 512 + 1)) "$L/dev") || why+="vxts encrypt differs from dm-crypt's writes; "
        report "plain dm-crypt ${opts[*]}: vxts encrypt == kernel write" "$why"
        SUM[$L/dev]=$(sha256sum < "$L/dev") # the kernel wrote to it on purpose
    done
    cryptsetup close "$name" 2> /dev/null
    losetup -d "$loopdev"
}

# The `vxts luks` tests (luks_cmd_suite), part of the luks suite.
# shellcheck source=tests/cli/luks.sh
. "$(dirname "$0")/luks.sh"

for suite in $SUITES; do
    case $suite in
        basic) basic_suite ;;
        data) data_suite ;;
        luks) luks_suite; luks_cmd_suite ;;
        dm) dm_suite ;;
        *) bad "suite $suite" "unknown suite" ;;
    esac
done
[ "$FAILED" = 0 ] && rm -rf "$W"  # kept for a look when something failed
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
