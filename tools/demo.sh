#!/bin/bash
# SPDX-License-Identifier: Apache-2.0 OR MIT
# make demo: encrypt and decrypt a generated image with the vxts CLI (default
# options: 512-byte sectors, IVs from 0, the fastest backend), check the round
# trip, print the backend, the sizes and the speed.
#   tools/demo.sh CLI DIR MIB
set -u
cli=${1:?usage: demo.sh CLI DIR MIB}
dir=${2:?usage: demo.sh CLI DIR MIB}
mib=${3:-64}

fail() { echo "demo: FAILED: $*" >&2; exit 1; }

mkdir -p "$dir" || fail "cannot create $dir"
img=$dir/image.bin key=$dir/key.bin enc=$dir/image.enc dec=$dir/image.dec
rm -f "$img" "$enc" "$dec"

# Random data, so nothing compresses or repeats; the key the same way.
head -c $((mib * 1048576)) /dev/urandom > "$img" || fail "cannot write $img"
(umask 077 && head -c 64 /dev/urandom > "$key") || fail "cannot write $key"

backend=$("$cli" backends | sed -n 's/^default: \([^ ]*\).*/\1/p')
echo "vxts demo: $("$cli" --version)"
echo "  image:    $img, $mib MiB ($((mib * 1048576)) bytes) of random data"
echo "  key:      $key, 64 random bytes (AES-256-XTS)"
echo "  backend:  $backend (the fastest usable here; vxts backends lists all)"

# The CLI's --verbose line: wall time of the whole command (read, AES-XTS,
# write, fsync, on every core) and the time inside the AES-XTS calls alone
# (summed over the threads: the speed of one core).
e=$("$cli" encrypt -v --key-file "$key" "$img" "$enc") || fail "encrypt"
d=$("$cli" decrypt -v --key-file "$key" "$enc" "$dec") || fail "decrypt"
speed() {
    sed -n 's/.* on \([0-9]*\) threads*: \([0-9.]*\) s in all (\([0-9]*\) MB\/s), \([0-9.]*\) s in AES-XTS (\([0-9]*\) MB\/s)$/\5 MB\/s AES-XTS on one core (\4 s); \3 MB\/s end to end on \1 threads with file I\/O and fsync (\2 s)/p'
}
echo "  encrypt:  $(echo "$e" | speed)"
echo "  decrypt:  $(echo "$d" | speed)"

cmp -s "$img" "$dec" || fail "the decrypted image differs from the original"
cmp -s "$img" "$enc" && fail "the encrypted image equals the original"
echo "  result:   decrypted image is byte-identical to the original: OK"
echo "  files are in $dir (MB = 10^6 bytes)"
rm -f "$dec"
