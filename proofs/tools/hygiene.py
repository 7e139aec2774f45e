#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 OR MIT
"""The proofs' hygiene check (proofs/prove.sh, run `hygiene`): no annotation may
admit a property or check it without using it. Frama-C 25 takes `admit` and
`check` as prefixes of any clause (`admit ensures \\false;` on any line of a
contract), so every annotation is read whole: /*@ ... */ blocks, //@ lines, and
the #define lines whose bodies annotations expand (proofs/spec uses macros for
named formulas). Prints each offending place; exits 1 if there is one.

  hygiene.py FILE...
"""
import re
import sys

BAD = re.compile(r"\\admit\b|\badmit\b|\bassume\b|\bcheck\s+(?:requires|ensures|assigns|lemma|assert|"
                 r"loop|invariant|exits|breaks|continues|returns|predicate|axiom|decreases|terminates)\b")


def annotations(text):
    """(line, text) of every annotation and #define body in a C file."""
    i, n = 0, len(text)
    while i < n:
        if text.startswith("/*@", i):
            j = text.find("*/", i + 3)
            j = n if j < 0 else j + 2
            yield text.count("\n", 0, i) + 1, text[i:j]
            i = j
        elif text.startswith("//@", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            yield text.count("\n", 0, i) + 1, text[i:j]
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith('"', i):
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif text.startswith("#", i) and (i == 0 or text[i - 1] == "\n"):
            j = i
            while True:  # a directive, with its continuation lines
                k = text.find("\n", j)
                if k < 0 or text[k - 1] != "\\":
                    break
                j = k + 1
            k = n if k < 0 else k
            if re.match(r"#\s*define\b", text[i:k]):
                body = re.sub(r"/\*(?!@).*?\*/", " ", text[i:k], flags=re.S)
                yield text.count("\n", 0, i) + 1, body
            i = k
        else:
            i += 1


def main(files):
    bad = 0
    for path in files:
        text = open(path, encoding="utf-8").read()
        for line, ann in annotations(text):
            for m in BAD.finditer(ann):
                at = line + ann.count("\n", 0, m.start())
                print("%s:%d: %s" % (path, at, ann.splitlines()[ann.count("\n", 0, m.start())].strip()))
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
