#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 OR MIT
"""Rewrites the JSON metadata of a LUKS2 image for the hostile-header tests of luks.sh.

    luks_edit.py IMAGE 'PYTHON STATEMENT on j' [--copy primary|secondary|both]

The statement edits j, the parsed metadata (e.g. j["segments"]["0"]["offset"] = "99999");
the chosen header copies (default both) get the new JSON and a correct sha256 checksum, so
that the parser, not the checksum, has to catch the damage (LUKS2 spec §2.1, §3).
"""
import hashlib
import json
import struct
import sys


def main():
    image, statement = sys.argv[1], sys.argv[2]
    copy = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--copy" else "both"
    with open(image, "r+b") as f:
        f.seek(8)
        (hdr_size,) = struct.unpack(">Q", f.read(8))
        offsets = {"primary": [0], "secondary": [hdr_size], "both": [0, hdr_size]}[copy]
        for off in offsets:
            f.seek(off)
            h = bytearray(f.read(hdr_size))
            j = json.loads(h[4096:].split(b"\0", 1)[0])
            exec(statement, {"j": j})  # noqa: S102 - test input written in luks.sh
            text = json.dumps(j, separators=(",", ":")).encode()
            if len(text) >= hdr_size - 4096:
                sys.exit("luks_edit: JSON too large for its area")
            h[4096:] = text + b"\0" * (hdr_size - 4096 - len(text))
            h[448:512] = b"\0" * 64
            h[448:480] = hashlib.sha256(bytes(h)).digest()
            f.seek(off)
            f.write(h)


if __name__ == "__main__":
    main()
