# SPDX-License-Identifier: Apache-2.0 OR MIT
# The tests of `vxts luks` (dump, decrypt, format): part of the "luks" suite of
# tests/cli/run.sh, which sources this file and whose helpers it uses (ok, bad, report, W,
# CLI, ORACLE, RUNNER); its own names start with lk_ / LK_.
#   - interoperability with cryptsetup 2.6 in both directions, without root or device-mapper:
#     LUKS2 images that cryptsetup formats and fills (reencrypt --encrypt, in place or with a
#     detached header), LUKS1 images whose data area an independent OpenSSL encryptor
#     (tests/cli/xts_oracle.c) fills with the volume key from luksDump --dump-volume-key;
#     containers made by `vxts luks format` checked by luksDump, open --test-passphrase,
#     luksAddKey and the oracle's decryption; pbkdf2/argon2i/argon2id, sector sizes 512/4096,
#     256/512-bit keys, several keyslots, detached headers, passphrase (stdin, terminal) / key
#     file / volume key file;
#   - hostile and damaged images: wrong passphrase, damaged primary / both headers, truncated
#     images, offsets past the end, absurd KDF parameters, unsupported features.
# VXTS_LUKS_VMEM_KIB: the `ulimit -v` of the hostile-metadata runs (default 1 GiB; empty: none,
# for sanitizer builds, whose shadow memory needs more address space).

LK_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LK_VMEM=${VXTS_LUKS_VMEM_KIB-1048576}
LK_STDIN=""

lk_na() { echo "n/a  $1"; }
# LK_ULIMIT=KiB: run under `ulimit -v` (bounded memory).
lk_vx() {
    if [ -n "${LK_ULIMIT:-}" ]; then (ulimit -v "$LK_ULIMIT" && exec "${RUNNER[@]}" "$CLI" "$@")
    else "${RUNNER[@]}" "$CLI" "$@"; fi
}
# lk_run ARGS...: RC, $W/stdout, $W/stderr (stdin: /dev/null, or $1 of lk_runin)
lk_run() { lk_vx "$@" < /dev/null > "$W/stdout" 2> "$W/stderr"; RC=$?; }
lk_runin() { local input=$1; shift; printf '%s' "$input" | lk_vx "$@" > "$W/stdout" 2> "$W/stderr"; RC=$?; }

# lk_decrypt_ok NAME ORIG BYTES ARGS...: `vxts luks decrypt ARGS OUT` exits 0 silently and its
# first BYTES bytes are ORIG's first BYTES bytes. Reads the passphrase from $LK_STDIN if set.
lk_decrypt_ok() {
    local name=$1 orig=$2 bytes=$3 why=""
    shift 3
    rm -f "$LK/out"
    if [ -n "$LK_STDIN" ]; then lk_runin "$LK_STDIN" luks decrypt "$@" "$LK/out"; else lk_run luks decrypt "$@" "$LK/out"; fi
    [ "$RC" = 0 ] || why+="exit $RC; "
    [ -s "$W/stderr" ] && why+="stderr not empty; "
    cmp -s -n "$bytes" "$LK/out" "$orig" || why+="output differs from the original; "
    [ "$(stat -c %s "$LK/out" 2> /dev/null || echo 0)" -ge "$bytes" ] || why+="output shorter than $bytes bytes; "
    report "$name" "$why"
}

# lk_fail NAME REGEX ARGS...: `vxts ARGS` exits 1 with one "vxts: ..." line matching
# REGEX, and $LK/none (the OUTPUT of decrypt/format commands below) is not created.
lk_fail() {
    local name=$1 re=$2 why="" lines
    shift 2
    rm -f "$LK/none"
    if [ -n "$LK_STDIN" ]; then lk_runin "$LK_STDIN" "$@"; else lk_run "$@"; fi
    [ "$RC" = 1 ] || why+="exit $RC, want 1; "
    lines=$(wc -l < "$W/stderr")
    [ "$lines" = 1 ] || why+="stderr has $lines lines, want 1; "
    grep -q '^vxts: ' "$W/stderr" || why+="stderr does not start with 'vxts: '; "
    grep -Eqi -- "$re" "$W/stderr" || why+="stderr does not match /$re/; "
    [ -e "$LK/none" ] && why+="OUTPUT was created; "
    report "$name" "$why"
}

# lk_json IMAGE-OR-HEADER JQ: a value of cryptsetup's view of the LUKS2 metadata.
lk_json() { cryptsetup luksDump --dump-json-metadata "$1" 2> /dev/null | jq -r "$2"; }

# ---- cryptsetup makes, vxts reads --------------------------------------------------------------

# LUKS2, data filled by `cryptsetup reencrypt --encrypt` (in place with a data shift, or into
# a detached header). lk_cs2 TAG KDF KEYSIZE SECTOR LAYOUT [extra cryptsetup args]
#   LAYOUT: default (16 MiB header area), small (1 MiB keyslots area), detached.
lk_cs2() {
    local tag=$1 kdf=$2 ks=$3 s=$4 layout=$5 d=$LK/lk_cs2-$1 why="" kdfargs size keep hdr=() lay
    shift 5
    mkdir -p "$d"
    if [ "$kdf" = pbkdf2 ]; then kdfargs=("${LK_CS_PBKDF2[@]}"); else kdfargs=("${LK_CS_ARGON[@]}"); fi
    case $layout in
        default) size=$((36 << 20)); keep=$((4 << 20)); lay=(--reduce-device-size 32M) ;;
        small) size=$((10 << 20)); keep=$((6 << 20)); lay=(--luks2-metadata-size 16k --luks2-keyslots-size 1M
                                                          --reduce-device-size 4M) ;;
        detached) size=$((6 << 20)); keep=$size; lay=(--header "$d/hdr"); hdr=(--header "$d/hdr") ;;
    esac
    head -c "$size" /dev/urandom > "$d/orig"
    cp "$d/orig" "$d/img"
    cryptsetup reencrypt -q --encrypt --type luks2 --force-offline-reencrypt --key-file "$LK/pass" \
        --pbkdf "$kdf" "${kdfargs[@]}" --key-size "$ks" --sector-size "$s" "${lay[@]}" "$@" "$d/img" \
        > "$W/stderr" 2>&1 || why+="reencrypt --encrypt failed; "
    local h=${hdr[1]:-$d/img}
    [ "$(lk_json "$h" '.segments."0".sector_size')" = "$s" ] || why+="sector size is not $s; "
    [ "$(lk_json "$h" '.keyslots."0".kdf.type')" = "$kdf" ] || why+="kdf is not $kdf; "
    report "cryptsetup LUKS2 $tag ($kdf, $ks-bit key, $s-byte sectors, $layout layout): made" "$why"
    [ -n "$why" ] && return 1
    lk_decrypt_ok "cryptsetup LUKS2 $tag: vxts luks decrypt, key file" "$d/orig" "$keep" \
        --key-file "$LK/pass" "${hdr[@]}" "$d/img"
    LK_STDIN="$LK_PASS"$'\n' lk_decrypt_ok "cryptsetup LUKS2 $tag: vxts luks decrypt, passphrase on stdin" \
        "$d/orig" "$keep" "${hdr[@]}" "$d/img"
    LK_IMG=$d/img LK_ORIG=$d/orig LK_KEEP=$keep LK_HDR=("${hdr[@]}")
}

# A second keyslot (cryptsetup luksAddKey) opens too, alone and named with --key-slot.
lk_second_slot() {
    local tag=$1 img=$2 orig=$3 keep=$4 why=""
    shift 4
    cryptsetup luksAddKey -q --key-file "$LK/pass" "$@" "$img" "$LK/pass2" > "$W/stderr" 2>&1 ||
        why="luksAddKey failed"
    report "$tag: cryptsetup adds keyslot 1" "$why"
    [ -n "$why" ] && return
    lk_decrypt_ok "$tag: vxts luks decrypt with the second keyslot's key file" "$orig" "$keep" \
        --key-file "$LK/pass2" "${LK_HDR[@]}" "$img"
    lk_decrypt_ok "$tag: vxts luks decrypt --key-slot 1" "$orig" "$keep" \
        --key-file "$LK/pass2" --key-slot 1 "${LK_HDR[@]}" "$img"
    lk_fail "$tag: --key-slot 0 with keyslot 1's passphrase is a wrong passphrase" \
        'wrong passphrase.*keyslot 0' luks decrypt --key-file "$LK/pass2" --key-slot 0 "${LK_HDR[@]}" "$img" "$LK/none"
}

# LUKS1: cryptsetup formats (with a detached header if asked); the data area is filled by the
# OpenSSL oracle with the volume key cryptsetup dumps (plain64 IVs from 0, 512-byte sectors).
lk_cs1() {
    local tag=$1 hash=$2 ks=$3 detached=$4 d=$LK/lk_cs1-$1 why="" off data=$((3 << 20)) hdr=()
    shift 4
    mkdir -p "$d"
    head -c "$data" /dev/urandom > "$d/orig"
    if [ "$detached" = 1 ]; then
        truncate -s 2M "$d/hdr"
        cp "$d/orig" "$d/img"
        hdr=(--header "$d/hdr")
    else
        truncate -s $(((2 << 20) + data)) "$d/img"
    fi
    cryptsetup luksFormat -q --type luks1 --hash "$hash" --key-size "$ks" "${LK_CS_PBKDF2[@]}" \
        --key-file "$LK/pass" "${hdr[@]}" "$@" "$d/img" > "$W/stderr" 2>&1 || why+="luksFormat failed; "
    local h=${hdr[1]:-$d/img}
    cryptsetup luksDump -q --dump-volume-key --volume-key-file "$d/vk" --key-file "$LK/pass" "$h" \
        > /dev/null 2>> "$W/stderr" || why+="volume key dump failed; "
    off=$(cryptsetup luksDump "$h" 2> /dev/null | awk '/^Payload offset:/ {print $3}')
    [ "$detached" = 1 ] && [ "$off" != 0 ] && why+="detached payload offset $off; "
    "$ORACLE" enc "$d/vk" 512 0 1 < "$d/orig" > "$d/enc" || why+="oracle failed; "
    dd if="$d/enc" of="$d/img" bs=512 seek="$off" conv=notrunc status=none || why+="dd failed; "
    report "cryptsetup LUKS1 $tag (pbkdf2-$hash, $ks-bit key$([ "$detached" = 1 ] && echo ", detached header")): made, data by OpenSSL" "$why"
    [ -n "$why" ] && return 1
    lk_decrypt_ok "cryptsetup LUKS1 $tag: vxts luks decrypt, key file" "$d/orig" "$data" \
        --key-file "$LK/pass" "${hdr[@]}" "$d/img"
    LK_STDIN="$LK_PASS" lk_decrypt_ok "cryptsetup LUKS1 $tag: vxts luks decrypt, passphrase on stdin (no newline)" \
        "$d/orig" "$data" "${hdr[@]}" "$d/img"
    lk_decrypt_ok "cryptsetup LUKS1 $tag: vxts luks decrypt --volume-key-file" "$d/orig" "$data" \
        --volume-key-file "$d/vk" "${hdr[@]}" "$d/img"
    LK_IMG=$d/img LK_ORIG=$d/orig LK_KEEP=$data LK_HDR=("${hdr[@]}")
}

lk_cryptsetup_makes() {
    echo "# cryptsetup makes, vxts reads: $(cryptsetup --version)"
    LK_HDR=()
    lk_cs2 a argon2id 512 4096 small && lk_second_slot "cryptsetup LUKS2 a" "$LK_IMG" "$LK_ORIG" "$LK_KEEP" \
        --pbkdf pbkdf2 "${LK_CS_PBKDF2[@]}"
    LK_HDR=()
    lk_cs2 b argon2i 256 512 default
    LK_HDR=()
    lk_cs2 c pbkdf2 512 512 detached --hash sha512 && lk_second_slot "cryptsetup LUKS2 c" "$LK_IMG" "$LK_ORIG" \
        "$LK_KEEP" --header "$LK/lk_cs2-c/hdr" --pbkdf argon2id "${LK_CS_ARGON[@]}"
    LK_HDR=()
    lk_cs2 d pbkdf2 256 4096 small
    LK_HDR=()
    lk_cs1 a sha256 512 0 && lk_second_slot "cryptsetup LUKS1 a" "$LK_IMG" "$LK_ORIG" "$LK_KEEP" "${LK_CS_PBKDF2[@]}"
    LK_HDR=()
    lk_cs1 b sha1 256 0
    LK_HDR=()
    lk_cs1 c sha512 512 1
    # --keyfile-offset / --keyfile-size as cryptsetup reads them.
    local d=$LK/lk_cs2-kf why=""
    mkdir -p "$d"
    { head -c 100 /dev/urandom; printf '%s' "$LK_PASS"; head -c 50 /dev/urandom; } > "$d/keyfile"
    head -c $((2 << 20)) /dev/urandom > "$d/orig"
    cp "$d/orig" "$d/img"
    cryptsetup reencrypt -q --encrypt --type luks2 --force-offline-reencrypt --keyfile-offset 100 \
        --keyfile-size ${#LK_PASS} --key-file "$d/keyfile" --pbkdf argon2id "${LK_CS_ARGON[@]}" \
        --header "$d/hdr" "$d/img" > "$W/stderr" 2>&1 || why="reencrypt failed"
    report "cryptsetup LUKS2 with --keyfile-offset 100 --keyfile-size ${#LK_PASS}: made" "$why"
    lk_decrypt_ok "vxts luks decrypt --keyfile-offset 100 --keyfile-size ${#LK_PASS}" "$d/orig" $((2 << 20)) \
        --key-file "$d/keyfile" --keyfile-offset 100 --keyfile-size ${#LK_PASS} --header "$d/hdr" "$d/img"
    lk_fail "the whole key file (no --keyfile-offset) is a wrong passphrase" 'wrong passphrase' \
        luks decrypt --key-file "$d/keyfile" --header "$d/hdr" "$d/img" "$LK/none"
    # dump: what matters, and never the volume key.
    lk_run luks dump "$LK/lk_cs1-a/img"
    local vkhex why2=""
    vkhex=$(od -An -tx1 -v "$LK/lk_cs1-a/vk" | tr -d ' \n')
    [ "$RC" = 0 ] || why2+="exit $RC; "
    grep -Eq '^Version:[[:space:]]*1' "$W/stdout" || why2+="no version; "
    grep -q "$(cryptsetup luksUUID "$LK/lk_cs1-a/img")" "$W/stdout" || why2+="no UUID; "
    grep -q 'offset: 2097152' "$W/stdout" || why2+="no data offset; "
    tr -d ' \n\t' < "$W/stdout" | grep -qi "${vkhex:0:16}" && why2+="the volume key is printed; "
    report "vxts luks dump (LUKS1): version, UUID, data offset; no volume key" "$why2"
    lk_run luks dump "$LK/lk_cs2-a/img"
    why2=""
    [ "$RC" = 0 ] || why2+="exit $RC; "
    for want in 'Version:[[:space:]]*2' 'sector: 4096' 'PBKDF: *argon2id' 'PBKDF: *pbkdf2' 'Memory: *64' \
        'offset: 2097152' '^  1: luks2'; do
        grep -Eq "$want" "$W/stdout" || why2+="no /$want/; "
    done
    report "vxts luks dump (LUKS2): segment, both keyslots with their KDF parameters" "$why2"
}

# ---- vxts makes, cryptsetup reads ----------------------------------------------------------------

# lk_format TAG TYPE KDF KEYSIZE SECTOR [extra vxts args]
lk_format() {
    local tag=$1 type=$2 kdf=$3 ks=$4 s=$5 d=$LK/vx-$1 why="" off data=$((3 << 20)) kdfargs
    shift 5
    mkdir -p "$d"
    head -c "$data" /dev/urandom > "$d/orig"
    if [ "$kdf" = pbkdf2 ]; then kdfargs=(--pbkdf-force-iterations 1000); else
        kdfargs=(--pbkdf-memory 64 --pbkdf-force-iterations 4 --pbkdf-parallel 1); fi
    lk_run luks format --key-file "$LK/pass" --type "$type" --pbkdf "$kdf" "${kdfargs[@]}" --key-size "$ks" \
        --sector-size "$s" "$@" "$d/orig" "$d/img"
    [ "$RC" = 0 ] || why+="vxts luks format exit $RC; "
    [ -s "$W/stderr" ] && why+="stderr not empty; "
    report "vxts luks format $tag ($type, $kdf, $ks-bit key, $s-byte sectors $*)" "$why"
    [ -n "$why" ] && return 1
    lk_decrypt_ok "vxts LUKS $tag: vxts luks decrypt restores it" "$d/orig" "$data" --key-file "$LK/pass" "$d/img"
    if [ "$tag" = a ]; then
        lk_vx luks decrypt --key-file "$LK/pass" --threads 1 "$d/img" - < /dev/null > "$d/stdout" 2> "$W/stderr"
        report "vxts LUKS $tag: vxts luks decrypt IMAGE - (standard output, 1 thread)" \
            "$([ $? = 0 ] || echo 'failed; ')$(cmp -s "$d/stdout" "$d/orig" || echo 'differs')"
    fi
    [ "$LK_HAVE_CS" = 1 ] || return 0
    why=""
    cryptsetup luksDump "$d/img" > "$d/dump" 2> "$W/stderr" || why+="luksDump refuses it; "
    cryptsetup open --test-passphrase --key-file "$LK/pass" "$d/img" > /dev/null 2>> "$W/stderr" ||
        why+="open --test-passphrase refuses it; "
    cryptsetup open --test-passphrase --key-file "$LK/wrong" "$d/img" > /dev/null 2>&1 &&
        why+="open --test-passphrase accepts a wrong passphrase; "
    if [ "$type" = luks2 ]; then
        [ "$(lk_json "$d/img" '.segments."0".sector_size')" = "$s" ] || why+="cryptsetup sees another sector size; "
        [ "$(lk_json "$d/img" '.keyslots."0".kdf.type')" = "$kdf" ] || why+="cryptsetup sees another KDF; "
        off=$(lk_json "$d/img" '.segments."0".offset')
    else
        off=$(($(awk '/^Payload offset:/ {print $3}' "$d/dump") * 512))
    fi
    report "vxts LUKS $tag: cryptsetup luksDump and open --test-passphrase accept it" "$why"
    why=""
    cryptsetup luksDump -q --dump-volume-key --volume-key-file "$d/vk" --key-file "$LK/pass" "$d/img" \
        > /dev/null 2> "$W/stderr" || why+="volume key dump failed; "
    [ "$(stat -c %s "$d/vk" 2> /dev/null)" = $((ks / 8)) ] || why+="volume key is not $((ks / 8)) bytes; "
    tail -c +$((off + 1)) "$d/img" | "$ORACLE" dec "$d/vk" "$s" 0 $((s / 512)) > "$d/plain" 2>> "$W/stderr" ||
        why+="oracle failed; "
    cmp -s "$d/plain" "$d/orig" || why+="data decrypted with cryptsetup's volume key differs; "
    report "vxts LUKS $tag: cryptsetup's volume key + OpenSSL decrypt the data to the original" "$why"
    if [ "$tag" = a ] || [ "$tag" = e ]; then
        # cryptsetup can go on managing it: a second keyslot it adds opens in vxts.
        LK_HDR=()
        lk_second_slot "vxts LUKS $tag" "$d/img" "$d/orig" "$data" --pbkdf pbkdf2 "${LK_CS_PBKDF2[@]}"
    fi
}

lk_vxts_makes() {
    echo "# vxts makes$([ "$LK_HAVE_CS" = 1 ] && echo ", cryptsetup reads")"
    lk_format a luks2 argon2id 512 512
    lk_format b luks2 argon2i 256 4096
    lk_format c luks2 pbkdf2 512 4096 --hash sha512
    lk_format d luks2 argon2id 256 512
    lk_format e luks1 pbkdf2 512 512
    lk_format f luks1 pbkdf2 256 512 --hash sha1
    # Calibrated (no forced cost): --iter-time as cryptsetup.
    local d=$LK/vx-cal why=""
    mkdir -p "$d"
    head -c 1048576 /dev/urandom > "$d/orig"
    lk_run luks format --key-file "$LK/pass" --iter-time 200 --pbkdf-memory 4096 "$d/orig" "$d/img"
    [ "$RC" = 0 ] || why+="exit $RC; "
    lk_run luks dump "$d/img"
    grep -Eq 'Time cost: *[0-9]+' "$W/stdout" || why+="no time cost in dump; "
    report "vxts luks format --iter-time 200 (argon2id calibrated)" "$why"
    lk_decrypt_ok "calibrated container: vxts luks decrypt" "$d/orig" 1048576 --key-file "$LK/pass" "$d/img"
    # LUKS1, calibrated PBKDF2 (--iter-time).
    d=$LK/vx-cal1 why=""
    mkdir -p "$d"
    head -c 1048576 /dev/urandom > "$d/orig"
    lk_run luks format --key-file "$LK/pass" --type luks1 --iter-time 100 "$d/orig" "$d/img"
    [ "$RC" = 0 ] || why+="exit $RC; "
    lk_run luks dump "$d/img"
    grep -Eq 'Iterations: *[0-9]{4,}' "$W/stdout" || why+="no iteration count in dump; "
    report "vxts luks format --type luks1 --iter-time 100 (pbkdf2 calibrated)" "$why"
    lk_decrypt_ok "calibrated LUKS1 container: vxts luks decrypt" "$d/orig" 1048576 --key-file "$LK/pass" "$d/img"
    # The segment's iv_tweak and a fixed size, as the metadata gives them: the data area is
    # re-encrypted by OpenSSL with IVs from 1000, the size cut to 512 KiB.
    d=$LK/vx-tweak why=""
    mkdir -p "$d"
    head -c 1048576 /dev/urandom > "$d/orig"
    head -c 64 /dev/urandom > "$d/vk"
    lk_vx luks format --key-file "$LK/pass" --volume-key-file "$d/vk" --sector-size 4096 --pbkdf pbkdf2 \
        --pbkdf-force-iterations 1000 "$d/orig" "$d/img" > /dev/null 2>&1 || why+="format failed; "
    python3 "$LK_HERE/luks_edit.py" "$d/img" \
        'j["segments"]["0"]["iv_tweak"]="1000"; j["segments"]["0"]["size"]="524288"' || why+="edit failed; "
    "$ORACLE" enc "$d/vk" 4096 1000 8 < "$d/orig" > "$d/enc" || why+="oracle failed; "
    dd if="$d/enc" of="$d/img" bs=1M seek=16 conv=notrunc status=none || why+="dd failed; "
    report "LUKS2 with iv_tweak 1000 and a fixed 512 KiB segment: made" "$why"
    lk_decrypt_ok "iv_tweak 1000, fixed size: vxts luks decrypt (IVs 1000 + 8k)" "$d/orig" 524288 \
        --key-file "$LK/pass" "$d/img"
    report "fixed size: OUTPUT is exactly the segment (512 KiB)" \
        "$([ "$(stat -c %s "$LK/out")" = 524288 ] || echo "$(stat -c %s "$LK/out") bytes")"
    # INPUT from stdin, passphrase from a key file; OUTPUT from a volume key file.
    d=$LK/vx-stdin why=""
    mkdir -p "$d"
    head -c 1048576 /dev/urandom > "$d/orig"
    head -c 64 /dev/urandom > "$d/vk"
    lk_vx luks format --key-file "$LK/pass" --volume-key-file "$d/vk" --pbkdf pbkdf2 --pbkdf-force-iterations 1000 \
        - "$d/img" < "$d/orig" > "$W/stdout" 2> "$W/stderr" || why+="format from stdin failed; "
    report "vxts luks format - (INPUT on stdin, --volume-key-file)" "$why"
    lk_decrypt_ok "stdin container: decrypt with the volume key file" "$d/orig" 1048576 \
        --volume-key-file "$d/vk" "$d/img"
    # --key-file -: the whole of standard input, as cryptsetup reads it.
    d=$LK/vx-kfstdin why=""
    mkdir -p "$d"
    head -c 65536 /dev/urandom > "$d/orig"
    lk_runin "$LK_PASS" luks format --key-file - --pbkdf pbkdf2 --pbkdf-force-iterations 1000 "$d/orig" "$d/img"
    [ "$RC" = 0 ] || why+="exit $RC; "
    report "vxts luks format --key-file - (key file on stdin)" "$why"
    LK_STDIN="$LK_PASS" lk_decrypt_ok "--key-file - container: decrypt --key-file -" "$d/orig" 65536 --key-file - "$d/img"
    LK_STDIN="$LK_PASS"$'\n' lk_fail "--key-file - keeps the newline (cryptsetup's rule): wrong passphrase" \
        'wrong passphrase' luks decrypt --key-file - "$d/img" "$LK/none"
    # Passphrase read from stdin (first line) for format.
    d=$LK/vx-pass why=""
    mkdir -p "$d"
    head -c 65536 /dev/urandom > "$d/orig"
    lk_runin "$LK_PASS"$'\n' luks format --pbkdf pbkdf2 --pbkdf-force-iterations 1000 "$d/orig" "$d/img"
    [ "$RC" = 0 ] || why+="exit $RC; "
    report "vxts luks format with the passphrase on stdin" "$why"
    lk_decrypt_ok "that container opens with the same passphrase as a key file" "$d/orig" 65536 \
        --key-file "$LK/pass" "$d/img"
    if [ "$LK_HAVE_CS" = 1 ]; then
        cryptsetup open --test-passphrase --key-file "$LK/pass" "$d/img" > /dev/null 2>&1
        report "cryptsetup opens it with the passphrase (newline not part of it)" "$([ $? = 0 ] || echo refused)"
    fi
    # On a terminal (script(1) gives one): asked without echo, twice for format.
    if [ ${#RUNNER[@]} = 0 ] && command -v script > /dev/null; then
        d=$LK/vx-tty
        mkdir -p "$d"
        head -c 65536 /dev/urandom > "$d/orig"
        printf '%s\n%s\n' "$LK_PASS" "$LK_PASS" | script -qec "'$CLI' luks format --quiet --pbkdf pbkdf2 \
            --pbkdf-force-iterations 1000 '$d/orig' '$d/img'" /dev/null > "$d/tty" 2>&1
        report "format on a terminal: asks twice ('Verify passphrase')" \
            "$(grep -q 'Verify passphrase' "$d/tty" || echo 'no second prompt; ')$([ -s "$d/img" ] || echo 'no OUTPUT')"
        lk_decrypt_ok "that container opens with the passphrase typed" "$d/orig" 65536 --key-file "$LK/pass" "$d/img"
        printf '%s\nother\n' "$LK_PASS" | script -qec "'$CLI' luks format --quiet --pbkdf pbkdf2 \
            --pbkdf-force-iterations 1000 '$d/orig' '$d/img2'" /dev/null > "$d/tty" 2>&1
        report "format on a terminal: different passphrases refused, no OUTPUT" \
            "$(grep -q 'passphrases do not match' "$d/tty" || echo 'no message; ')$([ -e "$d/img2" ] && echo 'OUTPUT made')"
        printf '%s\n' "$LK_PASS" | script -qec "'$CLI' luks decrypt --quiet '$d/img' '$d/out'" /dev/null > "$d/tty" 2>&1
        report "decrypt on a terminal: passphrase asked once" \
            "$(grep -q 'Enter passphrase for' "$d/tty" || echo 'no prompt; ')$(cmp -s "$d/out" "$d/orig" || echo 'differs')"
    else
        lk_na "terminal passphrase prompts (need script(1) and a native CLI)"
    fi
}

# ---- lk_hostile and damaged images --------------------------------------------------------------

lk_hostile() {
    echo "# wrong keys, damaged and hostile images"
    local d=$LK/bad img why=""
    mkdir -p "$d"
    head -c 1048576 /dev/urandom > "$d/orig"
    lk_vx luks format --key-file "$LK/pass" --pbkdf argon2id --pbkdf-memory 64 --pbkdf-force-iterations 4 \
        "$d/orig" "$d/good" > /dev/null 2>&1 || { bad "lk_hostile: base container" "format failed"; return; }
    lk_fail "wrong passphrase (key file): named error, exit 1, no OUTPUT" 'wrong passphrase' \
        luks decrypt --key-file "$LK/wrong" "$d/good" "$LK/none"
    LK_STDIN=$'nope\n' lk_fail "wrong passphrase (stdin): named error, exit 1, no OUTPUT" 'wrong passphrase' \
        luks decrypt "$d/good" "$LK/none"
    lk_fail "wrong volume key file" 'does not match' \
        luks decrypt --volume-key-file "$LK/lk_cs1-a/vk" "$d/good" "$LK/none"
    lk_fail "--key-slot of an unused slot" 'keyslot 5 is not in use' \
        luks decrypt --key-file "$LK/pass" --key-slot 5 "$d/good" "$LK/none"
    # Damaged primary header: lk_recovered from the secondary, and said so.
    lk_recovered() { # lk_recovered NAME IMAGE NOTE-REGEX
        local why=""
        rm -f "$LK/out"
        lk_run luks decrypt --key-file "$LK/pass" "$2" "$LK/out"
        [ "$RC" = 0 ] || why+="exit $RC; "
        grep -Eq "$3" "$W/stderr" || why+="does not say so; "
        cmp -s -n 1048576 "$LK/out" "$d/orig" || why+="output differs; "
        report "$1" "$why"
    }
    cp "$d/good" "$d/p1"
    printf 'X' | dd of="$d/p1" bs=1 seek=5000 conv=notrunc status=none
    lk_recovered "damaged primary (JSON byte): decrypted from the secondary header, with a note" "$d/p1" \
        'primary LUKS2 header has a wrong checksum; using the secondary'
    cp "$d/good" "$d/p2"
    dd if=/dev/zero of="$d/p2" bs=4096 count=1 conv=notrunc status=none
    lk_recovered "wiped primary binary header: decrypted from the secondary header, with a note" "$d/p2" \
        'primary LUKS2 header has no LUKS2 magic; using the secondary'
    cp "$d/good" "$d/s1"
    printf 'X' | dd of="$d/s1" bs=1 seek=$((16384 + 5000)) conv=notrunc status=none
    lk_recovered "damaged secondary: decrypted from the primary, with a note" "$d/s1" \
        'secondary LUKS2 header has a wrong checksum; the primary is intact'
    cp "$d/p1" "$d/both"
    printf 'X' | dd of="$d/both" bs=1 seek=$((16384 + 5000)) conv=notrunc status=none
    lk_fail "both headers damaged: named error" 'both LUKS2 headers are damaged' \
        luks decrypt --key-file "$LK/pass" "$d/both" "$LK/none"
    lk_fail "both headers damaged: dump refuses too" 'both LUKS2 headers are damaged' luks dump "$d/both"
    # Truncated images.
    head -c 20000 "$d/good" > "$d/t1"
    rm -f "$LK/none"
    lk_run luks decrypt --key-file "$LK/pass" "$d/t1" "$LK/none"
    report "image truncated inside the secondary header: a note on it, then the keyslot's named error" \
        "$([ "$RC" = 1 ] || echo "exit $RC; ")$(grep -q 'secondary LUKS2 header cannot be read' "$W/stderr" ||
            echo 'no note; ')$(tail -1 "$W/stderr" | grep -q 'keyslot 0: area .* past the end' ||
            echo 'no error; ')$([ -e "$LK/none" ] && echo 'OUTPUT made')"
    head -c 100000 "$d/good" > "$d/t2"
    lk_fail "image truncated inside the keyslot area" 'outside the keyslots area|past the end' \
        luks decrypt --key-file "$LK/pass" "$d/t2" "$LK/none"
    head -c $((16 << 20)) "$d/good" | head -c $(((16 << 20) - 4096)) > "$d/t3"
    lk_fail "image truncated before the data segment" 'data segment starts at byte 16777216, past the end' \
        luks decrypt --key-file "$LK/pass" "$d/t3" "$LK/none"
    head -c 300 "$d/good" > "$d/t4"
    lk_fail "300-byte image" 'shorter than a LUKS header' luks dump "$d/t4"
    head -c 100000 /dev/urandom > "$d/random"
    lk_fail "random bytes: not a LUKS image" 'not a LUKS image' luks decrypt --key-file "$LK/pass" "$d/random" "$LK/none"
    # Hostile metadata with valid checksums (tests/cli/luks_edit.py).
    lk_edit() { # edit NAME REGEX 'python statement on j' [dump]
        cp "$d/good" "$d/e"
        python3 "$LK_HERE/luks_edit.py" "$d/e" "$3" || { bad "$1" "luks_edit.py failed"; return; }
        if [ "${4:-}" = dump ]; then lk_fail "$1" "$2" luks dump "$d/e"; else
            LK_ULIMIT=$LK_VMEM lk_fail "$1${LK_VMEM:+ (under ulimit -v $LK_VMEM KiB)}" "$2" \
                luks decrypt --key-file "$LK/pass" "$d/e" "$LK/none"; fi
    }
    lk_edit "segment offset past the end of the image" 'past the end of IMAGE' \
        'j["segments"]["0"]["offset"]="1099511627776"'
    lk_edit "fixed segment size past the end of the image" 'extends past the end of IMAGE' \
        'j["segments"]["0"]["size"]="1099511627776"'
    lk_edit "keyslot area past the end of the file" 'area .* outside the keyslots area' \
        'j["keyslots"]["0"]["area"]["offset"]="99999999999"'
    lk_edit "keyslot area size 2^64-1" 'area|do not fit' \
        'j["keyslots"]["0"]["area"]["size"]="18446744073709551615"'
    lk_edit "stripes x key size larger than the area" 'do not fit' 'j["keyslots"]["0"]["af"]["stripes"]=400000'
    lk_edit "argon2 memory 2^40 KiB" 'memory.*1099511627776.*accepts' 'j["keyslots"]["0"]["kdf"]["memory"]=1<<40'
    lk_edit "argon2 threads 2^20" 'cpus' 'j["keyslots"]["0"]["kdf"]["cpus"]=1<<20'
    lk_edit "json_size not the header's" 'json_size' 'j["config"]["json_size"]="999"'
    lk_edit "segment offset not a decimal string" 'offset.*decimal' 'j["segments"]["0"]["offset"]=16777216'
    lk_edit "unfinished reencryption" "unsupported.*online-reencrypt.*unfinished reencryption" \
        'j["config"]["requirements"]={"mandatory":["online-reencrypt-v2"]}'
    lk_edit "two data segments" 'unsupported.*2 data segments' \
        'j["segments"]["1"]=dict(j["segments"]["0"])' dump
    lk_edit "integrity-protected segment" 'unsupported.*integrity' \
        'j["segments"]["0"]["integrity"]={"type":"hmac(sha256)","journal_encryption":"none","journal_integrity":"none"}'
    lk_edit "other data cipher" 'unsupported data cipher aes-cbc-essiv' \
        'j["segments"]["0"]["encryption"]="aes-cbc-essiv:sha256"'
    lk_edit "unknown KDF" "KDF type 'scrypt'" 'j["keyslots"]["0"]["kdf"]["type"]="scrypt"'
    lk_edit "control characters in a name are escaped" '\\x1b\[31m' 'j["keyslots"]["0"]["kdf"]["type"]="\x1b[31m"'
    # A token needing an external program is listed, not used; the passphrase still works.
    cp "$d/good" "$d/tok"
    python3 "$LK_HERE/luks_edit.py" "$d/tok" \
        'j["tokens"]["0"]={"type":"systemd-tpm2","keyslots":["0"]}; j["config"]["requirements"]={}'
    lk_run luks dump "$d/tok"
    report "a systemd-tpm2 token: dump names it as not used" \
        "$(grep -q 'systemd-tpm2 (not used by vxts' "$W/stdout" || echo 'not listed')"
    lk_decrypt_ok "a systemd-tpm2 token: the passphrase opens the image" "$d/orig" 1048576 --key-file "$LK/pass" "$d/tok"
    # Unsupported cipher made by cryptsetup itself.
    if [ "$LK_HAVE_CS" = 1 ]; then
        truncate -s 20M "$d/cbc"
        cryptsetup luksFormat -q --type luks2 --cipher aes-cbc-essiv:sha256 --key-size 256 --key-file "$LK/pass" \
            "${LK_CS_ARGON[@]}" "$d/cbc" > /dev/null 2>&1
        lk_fail "cryptsetup aes-cbc-essiv image: unsupported, named" 'unsupported data cipher aes-cbc-essiv' \
            luks decrypt --key-file "$LK/pass" "$d/cbc" "$LK/none"
        truncate -s 3M "$d/cbc1"
        cryptsetup luksFormat -q --type luks1 --cipher aes-cbc-essiv:sha256 --key-size 256 --key-file "$LK/pass" \
            "${LK_CS_PBKDF2[@]}" "$d/cbc1" > /dev/null 2>&1
        lk_fail "cryptsetup LUKS1 aes-cbc-essiv image: unsupported, named" 'unsupported data cipher aes-cbc-essiv' \
            luks decrypt --key-file "$LK/pass" "$d/cbc1" "$LK/none"
        # An unfinished reencryption, as cryptsetup leaves it (two segments, a reencrypt keyslot).
        cp "$d/good" "$d/reenc"
        cryptsetup reencrypt -q --init-only --key-file "$LK/pass" "${LK_CS_PBKDF2[@]}" --pbkdf pbkdf2 "$d/reenc" \
            > /dev/null 2>&1
        lk_fail "cryptsetup reencrypt --init-only (unfinished reencryption): unsupported, named" \
            'online-reencrypt.*unfinished reencryption' luks decrypt --key-file "$LK/pass" "$d/reenc" "$LK/none"
    fi
    # Command-line errors.
    local args
    for args in "luks" "luks frob" "luks decrypt $d/good" "luks format --type luks3 $d/orig $LK/none" \
        "luks format --key-size 128 $d/orig $LK/none" "luks format --sector-size 1000 $d/orig $LK/none" \
        "luks decrypt --key-slot 32 $d/good $LK/none"; do
        # shellcheck disable=SC2086 # the words are the arguments
        lk_run $args
        report "usage error: vxts $args -> exit 2, one line" \
            "$([ "$RC" = 2 ] || echo "exit $RC; ")$([ "$(wc -l < "$W/stderr")" = 1 ] || echo 'not one line; ')$([ -e "$LK/none" ] && echo 'OUTPUT made')"
    done
    lk_fail "IMAGE '-' refused" 'cannot be standard input' luks decrypt --key-file "$LK/pass" - "$LK/none"
    lk_fail "format: INPUT not a whole number of sectors" 'not a whole number of 4096-byte sectors' \
        luks format --key-file "$LK/pass" --sector-size 4096 --pbkdf pbkdf2 --pbkdf-force-iterations 1000 "$d/t4" "$LK/none"
    lk_run luks format --key-file "$LK/pass" --type luks1 --pbkdf argon2id "$d/orig" "$LK/none"
    report "format --type luks1 --pbkdf argon2id: usage error 2" "$([ "$RC" = 2 ] || echo "exit $RC")"
    lk_run luks format --key-file "$LK/pass" --pbkdf pbkdf2 --pbkdf-force-iterations 10 "$d/orig" "$LK/none"
    report "format --pbkdf-force-iterations below cryptsetup's minimum: usage error 2" "$([ "$RC" = 2 ] || echo "exit $RC")"
    cp "$d/good" "$d/self"
    local sum
    sum=$(sha256sum < "$d/self")
    lk_run luks decrypt --key-file "$LK/pass" "$d/self" "$d/self"
    report "decrypt OUTPUT = IMAGE refused, IMAGE intact" \
        "$([ "$RC" = 1 ] || echo "exit $RC; ")$([ "$(sha256sum < "$d/self")" = "$sum" ] || echo 'IMAGE changed')"
}


luks_cmd_suite() {
    local start=$SECONDS
    LK=$W/lk
    mkdir -p "$LK"
    if ! lk_vx luks --help > /dev/null 2>&1; then
        lk_na "vxts luks: this build has no LUKS support ($(lk_vx luks dump x 2>&1 | head -1))"
        return
    fi
    echo "# vxts luks"
    LK_HAVE_CS=0
    command -v cryptsetup > /dev/null && command -v jq > /dev/null && LK_HAVE_CS=1
    LK_PASS='correct horse battery'
    printf '%s' "$LK_PASS" > "$LK/pass"
    printf 'second keyslot passphrase' > "$LK/pass2"
    printf 'wrong passphrase' > "$LK/wrong"
    # Cheap KDF costs keep the suite fast (cryptsetup's minimums).
    LK_CS_ARGON=(--pbkdf-memory 64 --pbkdf-force-iterations 4 --pbkdf-parallel 1)
    LK_CS_PBKDF2=(--pbkdf-force-iterations 1000)
    if [ "$LK_HAVE_CS" = 1 ]; then lk_cryptsetup_makes; else lk_na "cryptsetup interop (needs cryptsetup-bin and jq)"; fi
    lk_vxts_makes
    lk_hostile
    echo "# vxts luks: $((SECONDS - start)) s"
}
