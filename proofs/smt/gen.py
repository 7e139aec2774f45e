#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 OR MIT
"""
Bit-level tweak algebra of vxts as SMT-LIB2 QF_BV queries (see README.md).

Every query asserts the NEGATION of an identity over all inputs: `unsat` means
the identity holds. Each identity has a deliberately wrong twin (`*_bad`) that
must be `sat`, so that a broken model or a vacuous query cannot pass.

A tweak is a 128-bit little-endian value: byte 0 (bits 7..0) holds
x^0..x^7, qword 0 = bytes 0..7, dword i = bits 32i+31..32i, as in memory on
x86-64 and in the 128-bit lanes of the SIMD registers.

The C functions are not transcribed: c2smt.py translates them from the source
files into define-funs (a `_bad` twin translates the C text with one token
changed). What stays written here: the intrinsic models (Intel SDM semantics,
section `intrinsics`), the reference gf_dbl/gf_xk, and two formulas of the
ACSL spec (MULX, LE) that are not C code.

Usage: gen.py OUTDIR   writes OUTDIR/<name>.smt2, OUTDIR/list.txt, OUTDIR/intrinsics.txt
                       (the intrinsics the translated C calls), OUTDIR/intrin_cpu_table.h
       gen.py --cpu OUTDIR   reads OUTDIR/intrin_cpu.txt and OUTDIR/c_cpu.txt (the output of
                       intrin_cpu.c and c_cpu.c), writes the cpu_* and ccpu_* queries and
                       adds them to OUTDIR/list.txt
"""
import os
import re
import sys

import c2smt

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

W = 128


def hx(v, bits):
    return "(_ bv%d %d)" % (v, bits)


# ---- the reference: GF(2^128) doubling mod x^128 + x^7 + x^2 + x + 1 -------------------

PRELUDE = """(set-logic QF_BV)
; t * x in GF(2^128) / (x^128 + x^7 + x^2 + x + 1), bit i = coefficient of x^i
(define-fun gf_dbl ((t (_ BitVec 128))) (_ BitVec 128)
  (bvxor (bvshl t (_ bv1 128))
         (ite (= ((_ extract 127 127) t) #b1) (_ bv135 128) (_ bv0 128))))
; t * x^j for 0 <= j <= 56 (used up to 56; true up to 121), closed form: the j bits o leaving x^127 come back as
; o * x^128 = o * (x^7 + x^2 + x + 1) (degree < j + 7 <= 63: no second reduction).
; Tied to gf_dbl by the queries gf_xk_zero and gf_xk_step (induction on j).
(define-fun gf_xk ((t (_ BitVec 128)) (j (_ BitVec 128))) (_ BitVec 128)
  (let ((o (bvlshr t (bvsub (_ bv128 128) j))))
    (bvxor (bvshl t j) o (bvshl o (_ bv1 128)) (bvshl o (_ bv2 128)) (bvshl o (_ bv7 128)))))
"""


class Q:
    """One query: a list of define-funs, then (assert (not GOAL))."""

    def __init__(self, name, expect, what):
        self.name, self.expect, self.what = name, expect, what
        self.lines = []
        self.n = 0

    def c(self, path, func, prefix, args=None, mutate=None):
        """The C function (or function-like macro) `func` of `path`, translated; its
        define-funs are added to the query."""
        tr = TRANSLATOR.translate(path, func, prefix, args, mutate)
        self.lines.append("; %s: %s as translated by c2smt.py%s" % (
            prefix, tr.where, "" if mutate is None else ", with token %r number %d of %s changed to %r" % (
                mutate[1], mutate[2] + 1, mutate[0], mutate[3])))
        return tr

    def call(self, tr, out, *args):
        """A name for the output `out` of translation tr applied to args."""
        return self.let(tr.call(out, *args), tr.bits[out], tr.prefix.replace(".", "_"))

    def const(self, name, bits):
        self.lines.append("(declare-const %s (_ BitVec %d))" % (name, bits))
        return name

    def let(self, expr, bits, hint="v"):
        self.n += 1
        nm = "%s_%d" % (hint, self.n)
        self.lines.append("(define-fun %s () (_ BitVec %d) %s)" % (nm, bits, expr))
        return nm

    def assume(self, expr):
        self.lines.append("(assert %s)" % expr)

    def text(self, goal):
        """goal: one identity, or a list of identities checked one by one (push/pop),
        which is much faster than the negation of their conjunction. The answer of
        the query is `sat` if any check is sat, `unsat` if all are."""
        goals = goal if isinstance(goal, list) else [goal]
        checks = "".join("(push 1)\n(assert (not %s))\n(check-sat)\n(pop 1)\n" % g for g in goals)
        return "; %s (expect %s)\n; %s\n%s%s\n%s(exit)\n" % (
            self.name, self.expect, self.what, PRELUDE, "\n".join(self.lines), checks)


def ext(x, hi, lo):
    return "((_ extract %d %d) %s)" % (hi, lo, x)


def byte(x, k):
    return ext(x, 8 * k + 7, 8 * k)


def qw(x, i):
    return ext(x, 64 * i + 63, 64 * i)


def dw(x, i):
    return ext(x, 32 * i + 31, 32 * i)


def cat(*parts):  # most significant first
    return parts[0] if len(parts) == 1 else "(concat %s)" % " ".join(parts)


def from_bytes(bs):  # bs[0] = byte 0
    return cat(*reversed(bs))


def from_qw(q0, q1):
    return cat(q1, q0)


def from_dw(d0, d1, d2, d3):
    return cat(d3, d2, d1, d0)


def gf_pow(q, t, j):
    """t * x^j, 0 <= j <= 56 (gf_xk; by gf_xk_zero and gf_xk_step, j doublings of t)."""
    return "(gf_xk %s %s)" % (t, hx(j, W))


def xor(*a):
    r = a[0]
    for b in a[1:]:
        r = "(bvxor %s %s)" % (r, b)
    return r


# ---- the spec: MULX of proofs/spec/xts_spec.h, byte by byte --------------------------------
# b == 0 ? (x15 / 128 == 0 ? (uint8_t)(2 * x0) : (uint8_t)((uint8_t)(2 * x0) ^ 0x87))
#        : (uint8_t)(2 * x_b + x_{b-1} / 128)
# Integer arithmetic on bytes: 2*x_b + x_{b-1}/128 < 2^9, taken mod 2^8 by (uint8_t);
# in 16-bit vectors (no wrap-around before the final truncation) this is exact.

def mulx_spec(q, t, poly=0x87):
    def z16(b):
        return "((_ zero_extend 8) %s)" % b
    out = []
    x = [byte(t, k) for k in range(16)]
    two_x0 = ext("(bvmul %s %s)" % (hx(2, 16), z16(x[0])), 7, 0)
    out.append("(ite (= (bvudiv %s %s) %s) %s (bvxor %s %s))" % (
        z16(x[15]), hx(128, 16), hx(0, 16), two_x0, two_x0, hx(poly, 8)))
    for b in range(1, 16):
        s = "(bvadd (bvmul %s %s) (bvudiv %s %s))" % (hx(2, 16), z16(x[b]), z16(x[b - 1]), hx(128, 16))
        out.append(ext(s, 7, 0))
    return q.let(from_bytes(out), W, "mulx")


# ---- intrinsics (Intel SDM semantics) ----------------------------------------------------
# MODELS[name] = (result type, argument kinds, fn): `name` is the C intrinsic without its
# leading underscore (c2smt maps the C call to it by name; a call without a model is an
# error, and so is a model no translated C function calls). Vector arguments arrive as
# terms of the vector's width, `imm` arguments as Python ints (constants in the C), scalar
# arguments as terms of the C parameter type. The 256/512-bit forms are the 128-bit
# semantics applied to every element or 128-bit lane, modelled at full width.

MODELS = {}
VEC = {128: "__m128i", 256: "__m256i", 512: "__m512i"}
PFX = {128: "mm", 256: "mm256", 512: "mm512"}


def model(name, ret, *kinds):
    def deco(fn):
        assert name not in MODELS, name
        MODELS[name] = (ret, list(kinds), fn)
        return fn
    return deco


def elems(x, width, e):
    """x's e-bit elements, element 0 first."""
    return [ext(x, e * i + e - 1, e * i) for i in range(width // e)]


def join(parts):
    """Elements, element 0 first, as one vector."""
    return cat(*reversed(parts))


def imm8(name, v):
    if not 0 <= v <= 255:
        raise c2smt.CError("%s: immediate %d is not an imm8" % (name, v))
    return v


def lanewise(width, f, *xs):
    """f on each 128-bit lane of the vectors xs."""
    return join([f(*[ext(x, 128 * l + 127, 128 * l) for x in xs]) for l in range(width // 128)])


def sh_count(op, v, cnt, bits):
    """PSLLQ/PSRLQ/VPSLLVQ/VPSRLVQ (and the dword forms): a count above bits-1 gives 0."""
    return "(ite (bvugt %s %s) %s (%s %s %s))" % (cnt, hx(bits - 1, bits), hx(0, bits), op, v, cnt)


def clmul_lane(a, b, imm):
    """PCLMULQDQ on one lane: qword imm[0] of a times qword imm[4] of b, carry-less, 128 bits."""
    x = "((_ zero_extend 64) %s)" % qw(a, imm & 1)
    y = qw(b, (imm >> 4) & 1)
    return xor(*["(ite (= %s #b1) (bvshl %s %s) %s)" % (ext(y, i, i), x, hx(i, 128), hx(0, 128))
                 for i in range(64)])


def ternlog(a, b, c, imm):
    """VPTERNLOG: result bit = imm bit number (a << 2 | b << 1 | c), bitwise."""
    terms = []
    for m in range(8):
        if (imm >> m) & 1:
            lits = [v if (m >> s) & 1 else "(bvnot %s)" % v for v, s in ((a, 2), (b, 1), (c, 0))]
            terms.append("(bvand %s %s %s)" % tuple(lits))
    if not terms:
        return "(bvxor %s %s)" % (a, a)
    return terms[0] if len(terms) == 1 else "(bvor %s)" % " ".join(terms)


for w in (128, 256, 512):
    p, V = PFX[w], VEC[w]
    xor_name = "%s_xor_si%d" % (p, w)
    model(xor_name, V, V, V)(lambda a, b: "(bvxor %s %s)" % (a, b))
    model("%s_shuffle_epi32" % p, V, V, "imm")(
        lambda x, imm, w=w: lanewise(w, lambda l: join([dw(l, (imm8("shuffle", imm) >> (2 * i)) & 3)
                                                          for i in range(4)]), x))
for w in (128, 512):
    model("%s_slli_epi64" % PFX[w], VEC[w], VEC[w], "imm")(
        lambda x, n, w=w: join(["(bvshl %s %s)" % (e, hx(imm8("slli", n), 64)) for e in elems(x, w, 64)]))
model("mm_and_si128", VEC[128], VEC[128], VEC[128])(lambda a, b: "(bvand %s %s)" % (a, b))
model("mm_add_epi64", VEC[128], VEC[128], VEC[128])(
    lambda a, b: join(["(bvadd %s %s)" % (x, y) for x, y in zip(elems(a, 128, 64), elems(b, 128, 64))]))
model("mm_srai_epi32", VEC[128], VEC[128], "imm")(
    lambda x, n: join(["(bvashr %s %s)" % (e, hx(imm8("srai", n), 32)) for e in elems(x, 128, 32)]))
model("mm_set_epi32", VEC[128], "int", "int", "int", "int")(lambda e3, e2, e1, e0: join([e0, e1, e2, e3]))
model("mm_set_epi64x", VEC[128], "long", "long")(lambda e1, e0: join([e0, e1]))
model("mm_cvtsi32_si128", VEC[128], "int")(lambda v: "((_ zero_extend 96) %s)" % v)
model("mm_move_epi64", VEC[128], VEC[128])(lambda x: join([qw(x, 0), hx(0, 64)]))
model("mm_sll_epi64", VEC[128], VEC[128], VEC[128])(
    lambda x, c: join([sh_count("bvshl", e, qw(c, 0), 64) for e in elems(x, 128, 64)]))
model("mm_srl_epi64", VEC[128], VEC[128], VEC[128])(
    lambda x, c: join([sh_count("bvlshr", e, qw(c, 0), 64) for e in elems(x, 128, 64)]))
model("mm_clmulepi64_si128", VEC[128], VEC[128], VEC[128], "imm")(
    lambda a, b, imm: clmul_lane(a, b, imm8("clmul", imm)))
model("mm256_clmulepi64_epi128", VEC[256], VEC[256], VEC[256], "imm")(
    lambda a, b, imm: lanewise(256, lambda x, y: clmul_lane(x, y, imm8("clmul", imm)), a, b))


def byte_shift(op, x, n):  # PSLLDQ/PSRLDQ on one lane: a count above 15 gives 0
    return "(%s %s %s)" % (op, x, hx(8 * n, 128)) if n < 16 else hx(0, 128)


model("mm_slli_si128", VEC[128], VEC[128], "imm")(lambda x, n: byte_shift("bvshl", x, imm8("slli_si128", n)))
model("mm_srli_si128", VEC[128], VEC[128], "imm")(lambda x, n: byte_shift("bvlshr", x, imm8("srli_si128", n)))
for w in (256, 512):
    p, V = PFX[w], VEC[w]
    model("%s_bslli_epi128" % p, V, V, "imm")(
        lambda x, n, w=w: lanewise(w, lambda l: byte_shift("bvshl", l, imm8("bslli", n)), x))
    model("%s_bsrli_epi128" % p, V, V, "imm")(
        lambda x, n, w=w: lanewise(w, lambda l: byte_shift("bvlshr", l, imm8("bsrli", n)), x))
    model("%s_sllv_epi64" % p, V, V, V)(
        lambda x, c, w=w: join([sh_count("bvshl", e, k, 64) for e, k in zip(elems(x, w, 64), elems(c, w, 64))]))
    model("%s_srlv_epi64" % p, V, V, V)(
        lambda x, c, w=w: join([sh_count("bvlshr", e, k, 64) for e, k in zip(elems(x, w, 64), elems(c, w, 64))]))
    model("%s_sub_epi64" % p, V, V, V)(
        lambda a, b, w=w: join(["(bvsub %s %s)" % (x, y) for x, y in zip(elems(a, w, 64), elems(b, w, 64))]))
model("mm256_set1_epi64x", VEC[256], "long")(lambda v: join([v] * 4))
model("mm512_set1_epi64", VEC[512], "long")(lambda v: join([v] * 8))
model("mm512_maskz_mov_epi64", VEC[512], "mask8", VEC[512])(
    lambda k, x: join([e if (k >> i) & 1 else hx(0, 64) for i, e in enumerate(elems(x, 512, 64))]))


def mask16(k):
    if not 0 <= k <= 0xFFFF:
        raise c2smt.CError("mask %d is not a __mmask16" % k)
    return k


model("mm512_mask_xor_epi32", VEC[512], VEC[512], "mask16", VEC[512], VEC[512])(
    lambda src, k, a, b: join(["(bvxor %s %s)" % (x, y) if (mask16(k) >> i) & 1 else s
                               for i, (s, x, y) in enumerate(zip(elems(src, 512, 32), elems(a, 512, 32),
                                                                 elems(b, 512, 32)))]))
model("mm512_ternarylogic_epi64", VEC[512], VEC[512], VEC[512], VEC[512], "imm")(
    lambda a, b, c, imm: ternlog(a, b, c, imm8("ternarylogic", imm)))
model("mm512_ternarylogic_epi32", VEC[512], VEC[512], VEC[512], VEC[512], "imm")(
    lambda a, b, c, imm: ternlog(a, b, c, imm8("ternarylogic", imm)))
model("mm512_unpackhi_epi32", VEC[512], VEC[512], VEC[512])(
    lambda a, b: lanewise(512, lambda x, y: join([dw(x, 2), dw(y, 2), dw(x, 3), dw(y, 3)]), a, b))
model("mm512_unpackhi_epi64", VEC[512], VEC[512], VEC[512])(
    lambda a, b: lanewise(512, lambda x, y: join([qw(x, 1), qw(y, 1)]), a, b))
model("mm512_srli_epi32", VEC[512], VEC[512], "imm")(
    lambda x, n: join(["(bvlshr %s %s)" % (e, hx(imm8("srli", n), 32)) for e in elems(x, 512, 32)]))
model("mm512_slli_epi32", VEC[512], VEC[512], "imm")(
    lambda x, n: join(["(bvshl %s %s)" % (e, hx(imm8("slli", n), 32)) for e in elems(x, 512, 32)]))

TRANSLATOR = c2smt.Translator(ROOT, MODELS)


def lane(x, l):
    return ext(x, 128 * l + 127, 128 * l)


# ---- the queries -----------------------------------------------------------------------------

QUERIES = []


def query(name, what):
    def deco(fn):
        QUERIES.append((name, "unsat", what, lambda: fn(False)))
        QUERIES.append((name + "_bad", "sat", "deliberately wrong variant of " + name, lambda: fn(True)))
        return fn
    return deco


@query("gf_xk_zero", "gf_xk(t, 0) == t")
def _(bad):
    q = Q("", "", "")
    q.const("t", W)
    return q, "(= (gf_xk t %s) t)" % hx(1 if bad else 0, W)


@query("gf_xk_step", "gf_xk(t, j + 1) == gf_dbl(gf_xk(t, j)) for 0 <= j < 56; with gf_xk_zero: gf_xk(t, j) == t * x^j")
def _(bad):
    q = Q("", "", "")
    # one conjunct per j (constant shifts: much faster than a symbolic j)
    q.const("t", W)
    goals = []
    for j in range(56):  # gf_xk is used for j <= 56
        want = "(gf_dbl (gf_xk t %s))" % hx(j, W)
        if bad and j == 40:  # one reduction term short of x^128 = x^7 + x^2 + x + 1
            want = ("(gf_dbl (let ((o (bvlshr t (bvsub (_ bv128 128) %s)))) (bvxor (bvshl t %s) o "
                    "(bvshl o (_ bv1 128)) (bvshl o (_ bv7 128)))))" % (hx(j, W), hx(j, W)))
        goals.append("(= (gf_xk t %s) %s)" % (hx(j + 1, W), want))
    return q, goals


@query("mulx_is_gf_double", "MULX byte formula (xts_spec.h) == t * x mod x^128+x^7+x^2+x+1, all 16 bytes")
def _(bad):
    q = Q("", "", "")
    t = q.const("t", W)
    return q, "(= %s (gf_dbl t))" % mulx_spec(q, t, 0x86 if bad else 0x87)


def c_query(build):
    """A query over translated C: build(q, bad) -> goals; `bad` translates the mutated C."""
    def body(bad):
        q = Q("", "", "")
        return q, build(q, bad)
    return body


def split128(q, t):
    """The (lo, hi) 64-bit halves of the 128-bit tweak t."""
    return qw(t, 0), qw(t, 1)


@query("ct64_mul_alpha", "src/backend_ct64.c mul_alpha(&lo, &hi) (64-bit limbs) == t * x")
@c_query
def _(q, bad):
    tr = q.c("src/backend_ct64.c", "mul_alpha", "ct64.mul_alpha",
             mutate=("mul_alpha", "2", 0, "3") if bad else None)  # c << 2 -> c << 3
    t = q.const("t", W)
    lo, hi = split128(q, t)
    return "(= (concat %s %s) (gf_dbl t))" % (q.call(tr, "hi", lo, hi), q.call(tr, "lo", lo, hi))


@query("aesni_mul_alpha_u64", "src/backend_aesni.c mul_alpha_u64(v) (64-bit limbs) == t * x")
@c_query
def _(q, bad):
    tr = q.c("src/backend_aesni.c", "mul_alpha_u64", "aesni.mul_alpha_u64",
             mutate=("mul_alpha_u64", "0x87u", 0, "0x86u") if bad else None)
    t = q.const("t", W)
    lo, hi = split128(q, t)
    return "(= (concat %s %s) (gf_dbl t))" % (q.call(tr, "v1", lo, hi), q.call(tr, "v0", lo, hi))


@query("x86_x_mul_x", "src/aes_x86.h x_mul_x(t) (aesni, vaes256, vaes512) == t * x")
@c_query
def _(q, bad):
    tr = q.c("src/aes_x86.h", "x_mul_x", "x86.x_mul_x", mutate=("x_mul_x", "0x87", 0, "0x86") if bad else None)
    t = q.const("t", W)
    return "(= %s (gf_dbl t))" % q.call(tr, None, t)


@query("aesni_mul_alpha8", "src/backend_aesni.c mul_alpha8(t) (byte shift + PCLMULQDQ) == t * x^8")
@c_query
def _(q, bad):
    tr = q.c("src/backend_aesni.c", "mul_alpha8", "aesni.mul_alpha8",
             mutate=("mul_alpha8", "15", 0, "14") if bad else None)
    t = q.const("t", W)
    return "(= %s %s)" % (q.call(tr, None, t), gf_pow(q, t, 8))


def xk_query(path, func, prefix, mutate):
    """func(t, k) == t * x^k for k = 0..56 (one check per k: constant shifts are fast)."""
    def build(q, bad):
        tr = q.c(path, func, prefix, mutate=mutate if bad else None)
        t = q.const("t", W)
        return ["(= %s (gf_xk t %s))" % (q.call(tr, None, t, hx(k, 32)), hx(k, W)) for k in range(57)]
    return c_query(build)


query("vaes256_x_mul_xk", "src/backend_vaes256.c x_mul_xk(t, k) == t * x^k for all 0 <= k <= 56")(
    xk_query("src/backend_vaes256.c", "x_mul_xk", "vaes256.x_mul_xk", ("x_mul_xk", "GF_POLY_NO_1", 0, "0x87")))
query("vaes512_x_mul_xk", "src/backend_vaes512.c x_mul_xk(t, k) == t * x^k for all 0 <= k <= 56")(
    xk_query("src/backend_vaes512.c", "x_mul_xk", "vaes512.x_mul_xk", ("x_mul_xk", "2", 0, "3")))


def lanes_query(path, func, prefix, width):
    """func(t, kv), kv = k in every qword: every 128-bit lane == its lane of t times x^k, k = 0..56."""
    def build(q, bad):
        tr = q.c(path, func, prefix, mutate=(func, "64", 0, "63") if bad else None)
        t = q.const("t", width)
        goals = []
        for k in range(57):
            r = q.call(tr, None, t, join([hx(k, 64)] * (width // 64)))
            goals.append("(and %s)" % " ".join("(= %s (gf_xk %s %s))" % (lane(r, l), lane(t, l), hx(k, W))
                                               for l in range(width // 128)))
        return goals
    return c_query(build)


query("vaes256_y_mul_xk_lanes", "src/backend_vaes256.c y_mul_xk_lanes(t, kv), both lanes, == t * x^k, 0 <= k <= 56")(
    lanes_query("src/backend_vaes256.c", "y_mul_xk_lanes", "vaes256.y_mul_xk_lanes", 256))
query("vaes512_z_mul_xk_lanes", "src/backend_vaes512.c z_mul_xk_lanes(t, kv), all 4 lanes, == t * x^k, 0 <= k <= 56")(
    lanes_query("src/backend_vaes512.c", "z_mul_xk_lanes", "vaes512.z_mul_xk_lanes", 512))


@query("vaes256_y_mul_x16", "src/backend_vaes256.c y_mul_x16(t), both lanes, == t * x^16")
@c_query
def _(q, bad):
    tr = q.c("src/backend_vaes256.c", "y_mul_x16", "vaes256.y_mul_x16",
             mutate=("y_mul_x16", "14", 0, "13") if bad else None)
    t = q.const("t", 256)
    r = q.call(tr, None, t)
    return ["(= %s %s)" % (lane(r, l), gf_pow(q, lane(t, l), 16)) for l in range(2)]


@query("vaes512_z_mul_xbytes", "src/backend_vaes512.c z_mul_xbytes(t, n) (a macro over z_fold), all 4 lanes, "
       "== t * x^(8n) for n = 1..7")
@c_query
def _(q, bad):
    t = q.const("t", 512)
    goals = []
    for n in range(1, 8):
        tr = q.c("src/backend_vaes512.c", "z_mul_xbytes", "vaes512.z_mul_xbytes.%d" % n,
                 args={"t": "__m512i", "nbytes": n},
                 mutate=("z_fold", "7", 0, "6") if bad else None)  # o << 7 -> o << 6
        r = q.call(tr, None, t)
        goals += ["(= %s %s)" % (lane(r, l), gf_pow(q, lane(t, l), 8 * n)) for l in range(4)]
    return goals


@query("vaes512_z_mul_x16_4", "src/backend_vaes512.c z_mul_x16_4(tw), each of the 4 vectors, all 4 lanes, "
       "== tw[v] * x^16")
@c_query
def _(q, bad):
    tr = q.c("src/backend_vaes512.c", "z_mul_x16_4", "vaes512.z_mul_x16_4",
             mutate=("z_mul_x16_4", "0x01", 0, "0x02") if bad else None)
    tw = [q.const("tw%d" % v, 512) for v in range(4)]
    goals = []
    for v in range(4):
        r = q.call(tr, "tw%d" % v, *tw)
        goals += ["(= %s %s)" % (lane(r, l), gf_pow(q, lane(tw[v], l), 16)) for l in range(4)]
    return goals


@query("le_bytes", "LE(n, b) of xts_spec.h == byte b of the 64-bit n zero-extended to 128 bits, b = 0..15")
def _(bad):
    # LE(n, b) = 0 <= b < 8 ? (n / 256^b) % 256 : 0 (integer division; n < 2^64, so exact in 128 bits)
    q = Q("", "", "")
    n = q.const("n", 64)
    t = q.let("((_ zero_extend 64) n)", W, "t")
    nz = q.let("((_ zero_extend 64) n)", W, "nz")
    goals = []
    for b in range(16):
        if b < 8:
            div = 256 ** (b + 1 if (bad and b == 3) else b)
            le = ext("(bvurem (bvudiv %s %s) %s)" % (nz, hx(div, W), hx(256, W)), 7, 0)
        else:
            le = hx(0, 8)
        goals.append("(= %s %s)" % (le, byte(t, b)))
    return q, goals


def cpu_checked():
    """The intrinsics that tests/model checks against the CPU (an E(name, ...) table entry)."""
    names = set()
    d = os.path.join(ROOT, "tests", "model")
    for f in sorted(os.listdir(d)):
        if f.endswith(".c"):
            names |= set(re.findall(r"^\s*E\((_mm\w+),", open(os.path.join(d, f)).read(), re.M))
    return names


# ---- the models against the CPU ---------------------------------------------------------------
# gen.py OUTDIR also writes OUTDIR/intrin_cpu_table.h, one entry per model, for intrin_cpu.c:
# the real intrinsic on random inputs (immediates 0..255 at random). check.sh compiles and runs
# it, and `gen.py --cpu OUTDIR` turns its output into the queries cpu_NAME: the model on each
# trial's inputs equals the CPU's result (unsat), with a twin whose first expected result has
# one bit flipped (sat). A CPU without the instructions: n/a.

C_TYPE = {"__m128i": "__m128i", "__m256i": "__m256i", "__m512i": "__m512i", "int": "int",
          "long": "long long", "mask8": "__mmask8", "mask16": "__mmask16"}
C_BYTES = {"__m128i": 16, "__m256i": 32, "__m512i": 64, "int": 4, "long": 8, "mask8": 1, "mask16": 2}
CPU_TRIALS = 200


def cpu_needs(name):
    """(gcc target attribute, __builtin_cpu_supports features) for intrinsic `name`."""
    clmul = "clmul" in name
    if name.startswith("_mm512"):
        return "avx512f,avx512bw", ["avx512f", "avx512bw"]
    if name.startswith("_mm256"):
        return ("avx2,vpclmulqdq", ["avx2", "vpclmulqdq"]) if clmul else ("avx2", ["avx2"])
    return ("sse4.1,pclmul", ["pclmul"]) if clmul else ("sse4.1", [])


def cpu_table(names):
    out = ["/* SPDX-License-Identifier: Apache-2.0 OR MIT */",
           "/* Generated by proofs/smt/gen.py from its models, for proofs/smt/intrin_cpu.c. */"]
    table = []
    for name in names:
        ret, kinds, _ = MODELS[name[1:]]
        target, feats = cpu_needs(name)
        args, decls, sizes = [], [], []
        for i, k in enumerate(kinds):
            if k == "imm":
                args.append("IMM")
                continue
            n = len(sizes)
            decls.append("    %s a%d;\n    memcpy(&a%d, in + %d, %d);" % (C_TYPE[k], n, n, 64 * n, C_BYTES[k]))
            args.append("a%d" % n)
            sizes.append(str(C_BYTES[k]))
        call = "%s(%s)" % (name, ", ".join(args))
        if "IMM" in args:
            body = ("    switch (imm) {\n#define C(i) case i: r = %s; break;\n    R256(C)\n#undef C\n"
                    "    default: abort();\n    }" % call.replace("IMM", "i"))
        else:
            body = "    (void)imm;\n    r = %s;" % call
        out.append('__attribute__((target("%s")))\nstatic void run%s(const uint8_t *in, int imm, uint8_t *out)\n{\n'
                   '%s\n    %s r;\n%s\n    memcpy(out, &r, sizeof r);\n}' % (
                       target, name, "\n".join(decls), C_TYPE[ret], body))
        have = " && ".join('__builtin_cpu_supports("%s")' % f for f in feats) or "1"
        out.append("static int have%s(void) { return %s; }" % (name, have))
        table.append('    { "%s", have%s, run%s, { %s }, %d },' % (
            name, name, name, ", ".join(sizes + ["0"]), C_BYTES[ret]))
    out.append("static const struct intrin intrinsics[] = {\n%s\n};" % "\n".join(table))
    return "\n".join(out) + "\n"


def cpu_queries(out):
    """Reads OUTDIR/intrin_cpu.txt; writes the cpu_* queries; returns their list.txt lines."""
    trials, lines = {}, []
    for ln in open(os.path.join(out, "intrin_cpu.txt")):
        f = ln.split()
        if f[0] == "NA":
            trials[f[1]] = None
            continue
        trials.setdefault(f[0], []).append(f[1:])
    if set(trials) != set(open(os.path.join(out, "intrinsics.txt")).read().split()):
        sys.exit("gen.py --cpu: intrin_cpu.txt does not cover exactly the intrinsics of intrinsics.txt")
    for name in sorted(trials):
        if trials[name] is None:
            lines.append("cpu%s n/a" % name)
            continue
        ret, kinds, fn = MODELS[name[1:]]
        for bad in (False, True):
            eqs = []
            for n, t in enumerate(trials[name]):
                imm, fields = int(t[0]), list(t[1:])
                args = []
                for k in kinds:
                    if k == "imm":
                        args.append(imm)
                        continue
                    v = int.from_bytes(bytes.fromhex(fields.pop(0)), "little")
                    args.append(v if k in ("mask8", "mask16") else hx(v, 8 * C_BYTES[k]))
                want = int.from_bytes(bytes.fromhex(fields.pop(0)), "little")
                if bad and n == 0:
                    want ^= 1
                eqs.append("(= %s %s)" % (fn(*args), hx(want, 8 * C_BYTES[ret])))
            qn = "cpu%s%s" % (name, "_bad" if bad else "")
            expect = "sat" if bad else "unsat"
            with open(os.path.join(out, qn + ".smt2"), "w") as f:
                f.write("; %s (expect %s)\n; the model of %s on %d results of the CPU%s\n(set-logic QF_BV)\n"
                        "(assert (not (and %s)))\n(check-sat)\n(exit)\n" % (
                            qn, expect, name, len(eqs), " (the first with one bit flipped)" if bad else "",
                            " ".join(eqs)))
            lines.append("%s %s" % (qn, expect))
    return lines



# The translated C against the compiled C: c_cpu.c includes each source file whole (built with
# the Makefile's ISA flags) and runs the functions above on random inputs; `gen.py --cpu`
# turns its output (OUTDIR/c_cpu.txt) into the queries ccpu_PREFIX: c2smt's translation gives
# the compiled code's results on each trial (unsat), twin with one bit flipped (sat).
C_CPU_GROUPS = {"CT64": ("ct64.",), "AESNI": ("aesni.", "x86."), "VAES256": ("vaes256.",),
                "VAES512": ("vaes512.",)}


def hexval(h):
    return int.from_bytes(bytes.fromhex(h), "little")


def split_hex(h, widths):
    """h: bytes in memory order; widths: bits of each value, first value first."""
    out, pos = [], 0
    for w in widths:
        out.append(hexval(h[pos:pos + w // 4]))
        pos += w // 4
    if pos != len(h):
        raise c2smt.CError("c_cpu.txt: %d hex digits where %d were expected" % (len(h), pos))
    return out


def c_cpu_queries(out):
    trials, na = {}, set()
    for ln in open(os.path.join(out, "c_cpu.txt")):
        f = ln.split()
        if f[0] == "NA":
            na.add(f[1])
            continue
        k = f.index("=")
        trials.setdefault(f[0], []).append(("".join(f[1:k]), "".join(f[k + 1:])))
    lines = []
    for prefix, tr in sorted(TRANSLATOR.done.items()):
        if prefix not in trials:
            if not any(prefix.startswith(p) for g in na for p in C_CPU_GROUPS[g]):
                raise c2smt.CError("c_cpu.c does not run %s" % prefix)
            lines.append("ccpu_%s n/a" % prefix)
            continue
        outs = list(tr.body)
        for bad in (False, True):
            eqs = []
            for n, (pin, pout) in enumerate(trials[prefix]):
                args = [hx(v, b) for v, (_, b) in zip(split_hex(pin, [b for _, b in tr.params]), tr.params)]
                want = split_hex(pout, [tr.bits[o] for o in outs])
                if bad and n == 0:
                    want[0] ^= 1
                eqs += ["(= %s %s)" % (tr.call(o, *args), hx(v, tr.bits[o])) for o, v in zip(outs, want)]
            qn = "ccpu_%s%s" % (prefix, "_bad" if bad else "")
            expect = "sat" if bad else "unsat"
            with open(os.path.join(out, qn + ".smt2"), "w") as f:
                f.write("; %s (expect %s)\n; the translation of %s on %d results of the compiled C%s\n"
                        "(set-logic QF_BV)\n(assert (not (and %s)))\n(check-sat)\n(exit)\n" % (
                            qn, expect, tr.where, len(trials[prefix]),
                            " (the first with one bit flipped)" if bad else "", " ".join(eqs)))
            lines.append("%s %s" % (qn, expect))
    return lines


def main():
    if sys.argv[1:2] == ["--cpu"]:
        out = sys.argv[2]
        try:
            for _, _, _, build in QUERIES:  # the translations, again
                build()
            lines = cpu_queries(out) + c_cpu_queries(out)
        except c2smt.CError as e:
            sys.exit("gen.py --cpu: %s" % e)
        with open(os.path.join(out, "list.txt"), "a") as f:
            f.write("\n".join(lines) + "\n")
        return
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    names = []
    try:
        for name, expect, what, build in QUERIES:
            q, goal = build()
            q.name, q.expect, q.what = name, expect, what
            with open(os.path.join(out, name + ".smt2"), "w") as f:
                f.write(q.text(goal))
            names.append("%s %s" % (name, expect))
        used = TRANSLATOR.used
        unused = sorted(set("_" + m for m in MODELS) - used)
        if unused:
            raise c2smt.CError("models no translated C function calls (delete them): " + " ".join(unused))
        unchecked = sorted(used - cpu_checked())
        if unchecked:
            raise c2smt.CError("intrinsics without a CPU check in tests/model: " + " ".join(unchecked))
    except c2smt.CError as e:
        sys.exit("gen.py: %s" % e)
    with open(os.path.join(out, "list.txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    with open(os.path.join(out, "intrinsics.txt"), "w") as f:
        f.write("\n".join(sorted(TRANSLATOR.used)) + "\n")
    with open(os.path.join(out, "intrin_cpu_table.h"), "w") as f:
        f.write(cpu_table(sorted(TRANSLATOR.used)))


if __name__ == "__main__":
    main()
