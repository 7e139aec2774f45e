#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 OR MIT
"""Writes the seed corpus of fuzz_luks (tests/fuzz/corpus/luks) from containers that
`vxts luks format` makes with cheap KDF costs and the passphrase "fuzz".

    python3 tests/fuzz/make_luks_seeds.py build/bin/vxts tests/fuzz/corpus/luks

Seed = flags byte, image size (u32 little-endian), the image's first bytes with the
trailing zeros dropped (fuzz_luks reads them back as zeros); see tests/fuzz/fuzz_luks.c.
"""
import os
import struct
import subprocess
import sys
import tempfile

FIX_CHECKSUMS, UNLOCK, DUMP = 1, 2, 4


def seed(path, flags, image, keep):
    data = image[:keep].rstrip(b"\0")
    with open(path, "wb") as f:
        f.write(bytes([flags]) + struct.pack("<I", len(image)) + data)


def make(cli, tmp, *args):
    src, out = os.path.join(tmp, "in"), os.path.join(tmp, "out")
    with open(src, "wb") as f:
        f.write(os.urandom(4096))
    if os.path.exists(out):
        os.remove(out)
    subprocess.run([cli, "luks", "format", "--key-size", "256", *args, src, out],
                   input=b"fuzz\n", check=True)
    with open(out, "rb") as f:
        return f.read()


def main():
    cli, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    argon = ["--pbkdf", "argon2id", "--pbkdf-memory", "32", "--pbkdf-force-iterations", "4",
             "--pbkdf-parallel", "1"]
    with tempfile.TemporaryDirectory() as tmp:
        luks2 = make(cli, tmp, *argon)
        slot_end = 32768 + 131072
        seed(os.path.join(outdir, "luks2-argon2id-unlock"), UNLOCK | DUMP, luks2, slot_end)
        seed(os.path.join(outdir, "luks2-headers-fixsum"), FIX_CHECKSUMS | DUMP, luks2, 32768)
        wiped = bytes(4096) + luks2[4096:]
        seed(os.path.join(outdir, "luks2-secondary-only"), DUMP, wiped, 32768)
        luks1 = make(cli, tmp, "--type", "luks1", "--pbkdf", "pbkdf2", "--pbkdf-force-iterations", "1000")
        seed(os.path.join(outdir, "luks1-pbkdf2-unlock"), UNLOCK | DUMP, luks1, 4096 + 128000)
        seed(os.path.join(outdir, "luks1-header"), DUMP, luks1, 592)


if __name__ == "__main__":
    main()
