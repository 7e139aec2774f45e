#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 OR MIT
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/.

The seeds are committed; rerun this only to change them:
    python3 tests/fuzz/make_seeds.py
Each seed is named after what it exercises. Input layouts: see the comment at
the top of each tests/fuzz/fuzz_<target>.c.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def key(n, salt):
    return bytes((i * 37 + salt) & 0xFF for i in range(n))


def data(n, salt):
    return bytes((i * 11 + salt * 3) & 0xFF for i in range(n))


def differential():
    """flags, len16, sector16, count, first64, key, tweak, data."""
    seeds = {}

    def seed(name, flags, length, sector=0, count=0, first=0, weak=False, ndata=64):
        klen = 64 if flags & 1 else 32
        k = key(klen, len(seeds))
        if weak:
            k = k[:klen // 2] * 2
        # the target maps the selector to 16 + sel % (max - 15)
        head = struct.pack("<BHHBQ", flags, (length - 16) & 0xFFFF, (sector - 16) & 0xFFFF if sector else 0,
                           (count - 1) & 0xFF if count else 0, first)
        seeds[name] = head + k + data(16, 1) + data(ndata, len(seeds))

    seed("aes128-one-block", 0, 16)
    seed("aes128-steal-1", 0, 17)
    seed("aes256-steal-15", 1, 47)
    seed("aes128-9-blocks-inplace", 2, 144)
    seed("aes256-33-blocks-steal-decrypt", 1 | 8, 16 * 33 + 5)
    seed("aes128-long", 16, 8000, ndata=200)
    seed("aes256-long-inplace-decrypt", 1 | 2 | 8 | 16, 4096 + 7, ndata=200)
    seed("sectors-512x2", 4, 16, sector=512, count=2, first=7)
    seed("sectors-520x3-steal", 4 | 1, 16, sector=520, count=3, first=1)
    seed("sectors-16x4-inplace", 4 | 2, 16, sector=16, count=4)
    seed("sectors-near-2^64", 4, 16, sector=4096, count=2, first=2**64 - 2)
    seed("sectors-past-2^64", 4, 16, sector=32, count=4, first=2**64 - 2)
    seed("weak-key", 0, 64, weak=True)
    return seeds


def api():
    """op byte, then the op's own bytes (see fuzz_api.c)."""
    seeds = {}
    # encrypt, ready ctx, in at 0, out = in (how=1, delta 0), tweak byte, len 3 bytes
    seeds["encrypt-in-place"] = bytes([0, 3, 0, 0, 0, 1, 0, 0x11, 0, 64, 0, 0])
    seeds["encrypt-overlap-by-16"] = bytes([0, 3, 0, 0, 0, 1, 1, 0x11, 0, 64, 0, 0])
    seeds["decrypt-overlap-by-1"] = bytes([1, 3, 0, 0, 0, 3, 1, 0x11, 0, 64, 0, 0])
    seeds["encrypt-null-ctx"] = bytes([0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0x22, 0, 0, 32, 0, 0])
    seeds["encrypt-len-15"] = bytes([0, 3, 0, 0, 0, 0, 0, 16, 0, 0, 0x22, 0, 15, 0, 0])
    seeds["encrypt-len-2^24+1"] = bytes([0, 3, 0, 0, 0, 0, 0, 16, 0, 0, 0x22, 0x80]) + struct.pack("<Q", 2**24 + 1)
    seeds["encrypt-len-huge"] = bytes([0, 3, 0, 0, 0, 0, 0, 16, 0, 0, 0x22, 0x80]) + struct.pack("<Q", 2**64 - 1)
    seeds["encrypt-null-tweak"] = bytes([0, 3, 0, 0, 0, 4, 0, 16, 0, 0x22, 0, 64, 0, 0])
    # sectors: ctx, in, how, sector (2 or 8 bytes), len, first
    seeds["sectors-512x2"] = bytes([2, 3, 0, 0, 0, 1 | 4]) + struct.pack("<H", 512) + bytes([0, 0, 0, 0, 1, 1, 0])
    seeds["sectors-range"] = bytes([3, 3, 0, 0, 0, 1 | 4 | 8]) + struct.pack("<H", 16) + bytes([0, 0, 0, 0, 3, 1])
    seeds["sectors-not-whole"] = bytes([2, 3, 0, 0, 0, 1]) + struct.pack("<H", 512) + bytes([0, 0x10, 3, 0, 0, 0])
    seeds["sectors-size-0"] = bytes([2, 3, 0, 0, 0, 1]) + struct.pack("<H", 0) + bytes([0, 0, 2, 0, 0, 0])
    # key setup: how bits: 1 NULL ctx, 2 NULL key, 4 by id, 8..16 key length kind, 32 equal halves
    seeds["init-aes128"] = bytes([4, 0]) + key(80, 1)
    seeds["init-aes256-ct64"] = bytes([4, 4 | 8]) + key(80, 2) + bytes([0])
    seeds["init-weak"] = bytes([4, 32]) + key(80, 3)
    seeds["init-keylen-48"] = bytes([4, 16, 48]) + key(80, 4)
    seeds["init-keylen-huge"] = bytes([4, 24]) + struct.pack("<Q", 2**63) + key(80, 5)
    seeds["init-null-key"] = bytes([4, 2]) + key(80, 6)
    seeds["init-unknown-id"] = bytes([4, 4]) + key(80, 7) + bytes([210, 5]) + b"aesnx"
    seeds["init-null-id"] = bytes([4, 4]) + key(80, 8) + bytes([250])
    seeds["helpers"] = bytes([5, 0xF8, 0xFF, 0xFF, 0xFF, 6, 1]) + struct.pack("<Q", 2**64 - 1) + \
        bytes([7]) + struct.pack("<Q", 0x0102030405060708) + bytes([8, 1, 8, 3])
    return seeds


def cli():
    def argv(*a):
        return b"\0".join(x.encode() for x in a)
    return {
        "encrypt": argv("encrypt", "--key-file", "key32", "in", "out"),
        "decrypt-4096": argv("decrypt", "--key-file=key64", "--sector-size", "4096", "in", "out"),
        "offset-skip": argv("encrypt", "--key-file", "key32", "--offset", "2", "--skip", "8", "in", "out"),
        "iv-large": argv("encrypt", "--key-file", "key64", "--sector-size=1024", "--skip=4",
                         "--iv-large-sectors", "-v", "in", "out"),
        "backend": argv("encrypt", "--backend", "ct64", "--key-file", "key32", "in", "out"),
        "bad-backend": argv("encrypt", "--backend", "nope", "--key-file", "key32", "in", "out"),
        "odd-size": argv("encrypt", "--key-file", "key32", "odd", "out"),
        "bad-key": argv("encrypt", "--key-file", "key33", "in", "out"),
        "empty-key": argv("encrypt", "--key-file", "key0", "in", "out"),
        "same-file": argv("encrypt", "--key-file", "key32", "in", "in"),
        "to-dir": argv("encrypt", "--key-file", "key32", "in", "d"),
        "to-link": argv("encrypt", "--key-file", "key32", "in", "lnk"),
        "dashdash": argv("decrypt", "--key-file", "key32", "--", "-in", "out"),
        "number-overflow": argv("encrypt", "--key-file", "key32", "--skip", "18446744073709551616", "in", "out"),
        "help": argv("--help"),
        "sub-help": argv("encrypt", "--help"),
        "version": argv("--version"),
        "selftest": argv("selftest"),
        "backends": argv("backends"),
        "unknown": argv("frobnicate", "-x"),
        "stdin-stdout": argv("encrypt", "--key-file", "key32", "--threads", "3", "--chunk-size", "1536", "-", "-"),
        "size-threads": argv("decrypt", "--key-file", "key64", "--size", "10", "--offset", "1", "--threads=2",
                             "--chunk-size=1024", "in", "out"),
        "luks-refused": argv("decrypt", "--key-file", "key64", "luks", "out"),
        "key-is-output": argv("encrypt", "--key-file", "key64", "-q", "--no-fsync", "in", "key64"),
        "progress": argv("encrypt", "--key-file", "key32", "--progress", "--size=4", "-", "out"),
    }


def main():
    for target, seeds in (("differential", differential()), ("api", api()), ("cli", cli())):
        d = os.path.join(HERE, "corpus", target)
        os.makedirs(d, exist_ok=True)
        for name in os.listdir(d):
            os.unlink(os.path.join(d, name))
        for name, blob in seeds.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(blob)
        print("%s: %d seeds" % (target, len(seeds)))


if __name__ == "__main__":
    main()
