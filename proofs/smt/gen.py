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

The C expressions are transcribed below, one function per C function, with
the source location; the intrinsics are modelled in the `xmm` section.

Usage: gen.py OUTDIR   (writes OUTDIR/<name>.smt2 and OUTDIR/list.txt)
"""
import os
import sys

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


# ---- xmm intrinsics on one 128-bit lane (Intel SDM semantics) -----------------------------
# The 256/512-bit forms used below (_mm256_/_mm512_ shuffle_epi32, bslli/bsrli_epi128,
# clmulepi64_epi128, slli_epi64, sllv/srlv_epi64, ternarylogic 0x96, maskz_mov_epi64 0x55,
# mask_xor_epi32 0x1111, unpackhi_epi32/epi64, srli/slli_epi32) act on each 128-bit lane
# independently with the same lane semantics, so one lane is modelled.

def mm_srai_epi32(x, n):
    return from_dw(*["(bvashr %s %s)" % (dw(x, i), hx(n, 32)) for i in range(4)])


def mm_srli_epi32(x, n):
    return from_dw(*["(bvlshr %s %s)" % (dw(x, i), hx(n, 32)) for i in range(4)])


def mm_slli_epi32(x, n):
    return from_dw(*["(bvshl %s %s)" % (dw(x, i), hx(n, 32)) for i in range(4)])


def mm_shuffle_epi32(x, imm):
    return from_dw(*[dw(x, (imm >> (2 * i)) & 3) for i in range(4)])


def mm_add_epi64(a, b):
    return from_qw("(bvadd %s %s)" % (qw(a, 0), qw(b, 0)), "(bvadd %s %s)" % (qw(a, 1), qw(b, 1)))


def mm_and(a, b):
    return "(bvand %s %s)" % (a, b)


def mm_set_epi32(e3, e2, e1, e0):
    return from_dw(hx(e0, 32), hx(e1, 32), hx(e2, 32), hx(e3, 32))


def mm_set_epi64x(e1, e0):
    return from_qw(hx(e0, 64), hx(e1, 64))


def mm_srli_si128(x, n):  # also _mm256/_mm512_bsrli_epi128 per lane
    return "(bvlshr %s %s)" % (x, hx(8 * n, W)) if n < 16 else hx(0, W)


def mm_slli_si128(x, n):  # also _mm256/_mm512_bslli_epi128 per lane
    return "(bvshl %s %s)" % (x, hx(8 * n, W)) if n < 16 else hx(0, W)


def mm_slli_epi64(x, n):
    return from_qw("(bvshl %s %s)" % (qw(x, 0), hx(n, 64)), "(bvshl %s %s)" % (qw(x, 1), hx(n, 64)))


def _sh64(op, v, cnt64):  # PSLLQ/PSRLQ/VPSLLVQ/VPSRLVQ: a count above 63 gives 0
    return "(ite (bvugt %s %s) %s (%s %s %s))" % (cnt64, hx(63, 64), hx(0, 64), op, v, cnt64)


def mm_sll_epi64(x, cnt):  # cnt: the xmm count operand; its low qword is the count
    c = qw(cnt, 0)
    return from_qw(_sh64("bvshl", qw(x, 0), c), _sh64("bvshl", qw(x, 1), c))


def mm_srl_epi64(x, cnt):
    c = qw(cnt, 0)
    return from_qw(_sh64("bvlshr", qw(x, 0), c), _sh64("bvlshr", qw(x, 1), c))


def mm_sllv_epi64(x, cv):
    return from_qw(_sh64("bvshl", qw(x, 0), qw(cv, 0)), _sh64("bvshl", qw(x, 1), qw(cv, 1)))


def mm_srlv_epi64(x, cv):
    return from_qw(_sh64("bvlshr", qw(x, 0), qw(cv, 0)), _sh64("bvlshr", qw(x, 1), qw(cv, 1)))


def mm_sub_epi64(a, b):
    return from_qw("(bvsub %s %s)" % (qw(a, 0), qw(b, 0)), "(bvsub %s %s)" % (qw(a, 1), qw(b, 1)))


def mm_cvtsi32_si128(v32):  # v32: a 32-bit term; zero-extended
    return "((_ zero_extend 96) %s)" % v32


def mm_move_epi64(x):  # low qword kept, high qword zeroed; = maskz_mov_epi64(0x55) per lane
    return from_qw(qw(x, 0), hx(0, 64))


def mm_clmulepi64_si128_00(q, a, b):
    """PCLMULQDQ imm 0x00: carry-less product of the low qwords, 128 bits."""
    a0 = q.let("((_ zero_extend 64) %s)" % qw(a, 0), W, "ca")
    b0 = q.let(qw(b, 0), 64, "cb")
    terms = ["(ite (= %s #b1) (bvshl %s %s) %s)" % (ext(b0, i, i), a0, hx(i, W), hx(0, W)) for i in range(64)]
    return q.let(xor(*terms), W, "clmul")


def ternlog_96(a, b, c):  # imm 0x96 = a ^ b ^ c
    return xor(a, b, c)


def mask_xor_epi32_lane(src, mask4, a, b):  # one lane of _mm512_mask_xor_epi32, 4 mask bits
    return from_dw(*[("(bvxor %s %s)" % (dw(a, i), dw(b, i))) if (mask4 >> i) & 1 else dw(src, i)
                     for i in range(4)])


def unpackhi_epi32(a, b):
    return from_dw(dw(a, 2), dw(b, 2), dw(a, 3), dw(b, 3))


def unpackhi_epi64(a, b):
    return from_qw(qw(a, 1), qw(b, 1))


# ---- the C functions, transcribed ----------------------------------------------------------

def ct64_mul_alpha(q, t, bad=False):
    """src/backend_ct64.c mul_alpha(uint64_t *lo, uint64_t *hi):
         c = *hi >> 63;
         *hi = ((*hi & 0x7FFFFFFFFFFFFFFFu) << 1) | (*lo >> 63);
         *lo = ((*lo & 0x7FFFFFFFFFFFFFFFu) << 1) ^ (c | (c << 1) | (c << 2) | (c << 7));
       bad: c << 3 instead of c << 2."""
    lo, hi = q.let(qw(t, 0), 64, "lo"), q.let(qw(t, 1), 64, "hi")
    m = hx(0x7FFFFFFFFFFFFFFF, 64)
    c = q.let("(bvlshr %s %s)" % (hi, hx(63, 64)), 64, "c")
    nhi = "(bvor (bvshl (bvand %s %s) %s) (bvlshr %s %s))" % (hi, m, hx(1, 64), lo, hx(63, 64))
    red = "(bvor (bvor (bvor %s (bvshl %s %s)) (bvshl %s %s)) (bvshl %s %s))" % (
        c, c, hx(1, 64), c, hx(3 if bad else 2, 64), c, hx(7, 64))
    nlo = "(bvxor (bvshl (bvand %s %s) %s) %s)" % (lo, m, hx(1, 64), red)
    return q.let(from_qw(nlo, nhi), W, "r")


def aesni_mul_alpha_u64(q, t, bad=False):
    """src/backend_aesni.c mul_alpha_u64(uint64_t v[2]):
         reduce = (0u - (v[1] >> 63)) & 0x87u;   (0u converted to uint64_t)
         v[1] = (v[1] << 1) | (v[0] >> 63);
         v[0] = (v[0] << 1) ^ reduce;
       bad: v[0] >> 62."""
    v0, v1 = q.let(qw(t, 0), 64, "v0"), q.let(qw(t, 1), 64, "v1")
    red = q.let("(bvand (bvsub %s (bvlshr %s %s)) %s)" % (hx(0, 64), v1, hx(63, 64), hx(0x87, 64)), 64, "red")
    n1 = "(bvor (bvshl %s %s) (bvlshr %s %s))" % (v1, hx(1, 64), v0, hx(62 if bad else 63, 64))
    n0 = "(bvxor (bvshl %s %s) %s)" % (v0, hx(1, 64), red)
    return q.let(from_qw(n0, n1), W, "r")


def aesni_mul_alpha_xmm(q, t, bad=False):
    """src/backend_aesni.c mul_alpha(__m128i t):
         carry_bits = _mm_set_epi32(0, 1, 0, 0x87);
         carries = _mm_shuffle_epi32(_mm_srai_epi32(t, 31), 0x13);
         return _mm_xor_si128(_mm_add_epi64(t, t), _mm_and_si128(carries, carry_bits));
       bad: shuffle 0x12."""
    cb = mm_set_epi32(0, 1, 0, 0x87)
    carries = q.let(mm_shuffle_epi32(q.let(mm_srai_epi32(t, 31), W), 0x12 if bad else 0x13), W)
    return q.let(xor(mm_add_epi64(t, t), mm_and(carries, cb)), W, "r")


def vaes_x_mul_x(q, t, bad=False):
    """src/backend_vaes256.c and src/backend_vaes512.c x_mul_x(__m128i t) (same code):
         m = _mm_srai_epi32(_mm_shuffle_epi32(t, 0x13), 31);
         m = _mm_and_si128(m, _mm_set_epi32(0, 1, 0, 0x87));   (vaes256: GF_POLY = 0x87)
         return _mm_xor_si128(_mm_add_epi64(t, t), m);
       bad: _mm_set_epi32(0, 1, 0, 0x86)."""
    m = q.let(mm_srai_epi32(q.let(mm_shuffle_epi32(t, 0x13), W), 31), W)
    m = q.let(mm_and(m, mm_set_epi32(0, 1, 0, 0x86 if bad else 0x87)), W)
    return q.let(xor(mm_add_epi64(t, t), m), W, "r")


def aesni_mul_alpha8(q, t, bad=False):
    """src/backend_aesni.c mul_alpha8(__m128i t):
         poly = _mm_set_epi64x(0, 0x87);
         carry = _mm_clmulepi64_si128(_mm_srli_si128(t, 15), poly, 0x00);
         return _mm_xor_si128(_mm_slli_si128(t, 1), carry);
       bad: _mm_srli_si128(t, 14)."""
    poly = mm_set_epi64x(0, 0x87)
    carry = mm_clmulepi64_si128_00(q, q.let(mm_srli_si128(t, 14 if bad else 15), W), q.let(poly, W))
    return q.let(xor(mm_slli_si128(t, 1), carry), W, "r")


def vaes256_x_mul_xk(q, t, k32, bad=False):
    """src/backend_vaes256.c x_mul_xk(__m128i t, unsigned k), 0 <= k <= 56:
         a = _mm_sll_epi64(t, _mm_cvtsi32_si128((int)k));
         c = _mm_srl_epi64(t, _mm_cvtsi32_si128((int)(64 - k)));
         sw = _mm_shuffle_epi32(c, 0x4e);
         a = _mm_xor_si128(a, sw);
         return _mm_xor_si128(a, _mm_clmulepi64_si128(sw, _mm_cvtsi32_si128(GF_POLY_NO_1), 0x00));
       GF_POLY_NO_1 = 0x86. bad: GF_POLY_NO_1 = 0x87."""
    a = q.let(mm_sll_epi64(t, mm_cvtsi32_si128(k32)), W)
    c = q.let(mm_srl_epi64(t, mm_cvtsi32_si128("(bvsub %s %s)" % (hx(64, 32), k32))), W)
    sw = q.let(mm_shuffle_epi32(c, 0x4e), W)
    a = q.let(xor(a, sw), W)
    cl = mm_clmulepi64_si128_00(q, sw, q.let(mm_cvtsi32_si128(hx(0x87 if bad else 0x86, 32)), W))
    return q.let(xor(a, cl), W, "r")


def vaes512_x_mul_xk(q, t, k32, bad=False):
    """src/backend_vaes512.c x_mul_xk(__m128i t, unsigned k), 0 <= k <= 56:
         a = _mm_sll_epi64(t, _mm_cvtsi32_si128((int)k));
         c = _mm_srl_epi64(t, _mm_cvtsi32_si128((int)(64 - k)));
         sw = _mm_shuffle_epi32(c, 0x4e);
         o = _mm_move_epi64(sw);
         a ^= sw; a ^= _mm_slli_epi64(o, 1); a ^= _mm_slli_epi64(o, 2); return a ^ _mm_slli_epi64(o, 7);
       bad: _mm_slli_epi64(o, 3) instead of 2."""
    a = q.let(mm_sll_epi64(t, mm_cvtsi32_si128(k32)), W)
    c = q.let(mm_srl_epi64(t, mm_cvtsi32_si128("(bvsub %s %s)" % (hx(64, 32), k32))), W)
    sw = q.let(mm_shuffle_epi32(c, 0x4e), W)
    o = q.let(mm_move_epi64(sw), W)
    return q.let(xor(a, sw, mm_slli_epi64(o, 1), mm_slli_epi64(o, 3 if bad else 2), mm_slli_epi64(o, 7)), W, "r")


def mul_xk_lanes(q, t, k64, variant, bad=False):
    """One lane of src/backend_vaes256.c y_mul_xk_lanes / src/backend_vaes512.c z_mul_xk_lanes,
       kv = k in both qwords of the lane, 0 <= k <= 56:
         a = sllv_epi64(t, kv); c = srlv_epi64(t, sub_epi64(set1_epi64(64), kv));
         sw = shuffle_epi32(c, 0x4e);
         vaes256: a ^= sw; return a ^ clmulepi64_epi128(sw, set1_epi64x(GF_POLY_NO_1 = 0x86), 0x00);
         vaes512: o = maskz_mov_epi64(0x55, sw); a = ternlog96(a, sw, slli_epi64(o, 1));
                  return ternlog96(a, slli_epi64(o, 2), slli_epi64(o, 7));
       bad: srlv count 63 - k."""
    kv = q.let(from_qw(k64, k64), W, "kv")
    a = q.let(mm_sllv_epi64(t, kv), W)
    n = 63 if bad else 64
    c = q.let(mm_srlv_epi64(t, mm_sub_epi64(mm_set_epi64x(n, n), kv)), W)
    sw = q.let(mm_shuffle_epi32(c, 0x4e), W)
    if variant == 256:
        a = q.let(xor(a, sw), W)
        return q.let(xor(a, mm_clmulepi64_si128_00(q, sw, q.let(mm_set_epi64x(0x86, 0x86), W))), W, "r")
    o = q.let(mm_move_epi64(sw), W)
    a = q.let(ternlog_96(a, sw, mm_slli_epi64(o, 1)), W)
    return q.let(ternlog_96(a, mm_slli_epi64(o, 2), mm_slli_epi64(o, 7)), W, "r")


def vaes256_y_mul_x16(q, t, clmul, bad=False):
    """One lane of src/backend_vaes256.c y_mul_x16(__m256i t):
         o = _mm256_bsrli_epi128(t, 14);
         Y_X16_CLMUL: return bslli_epi128(t, 2) ^ clmulepi64_epi128(o, set1_epi64x(GF_POLY = 0x87), 0x00);
         else: s = bslli_epi128(t, 2) ^ o; s ^= slli_epi64(o, 1); s ^= slli_epi64(o, 2); return s ^ slli_epi64(o, 7);
       bad: bsrli_epi128(t, 13)."""
    o = q.let(mm_srli_si128(t, 13 if bad else 14), W, "o")
    if clmul:
        return q.let(xor(mm_slli_si128(t, 2), mm_clmulepi64_si128_00(q, o, q.let(mm_set_epi64x(0x87, 0x87), W))), W, "r")
    return q.let(xor(mm_slli_si128(t, 2), o, mm_slli_epi64(o, 1), mm_slli_epi64(o, 2), mm_slli_epi64(o, 7)), W, "r")


def vaes512_z_mul_xbytes(q, t, nbytes, bad=False):
    """One lane of src/backend_vaes512.c z_mul_xbytes(t, nbytes) = z_fold(bslli_epi128(t, nbytes),
       bsrli_epi128(t, 16 - nbytes)), z_fold(shifted, o) = ternlog96(ternlog96(shifted, o, slli_epi64(o, 1)),
       slli_epi64(o, 2), slli_epi64(o, 7)).  bad: slli_epi64(o, 6) instead of 7."""
    sh = q.let(mm_slli_si128(t, nbytes), W)
    o = q.let(mm_srli_si128(t, 16 - nbytes), W, "o")
    s = q.let(ternlog_96(sh, o, mm_slli_epi64(o, 1)), W)
    return q.let(ternlog_96(s, mm_slli_epi64(o, 2), mm_slli_epi64(o, 6 if bad else 7)), W, "r")


def vaes512_z_mul_x16_4(q, tw, bad=False):
    """One lane of src/backend_vaes512.c z_mul_x16_4(__m512i tw[4]):
         ab = unpackhi_epi32(tw0, tw1); cd = unpackhi_epi32(tw2, tw3);
         o = srli_epi32(unpackhi_epi64(ab, cd), 16);
         f = ternlog32_96(o, slli_epi32(o, 1), slli_epi32(o, 2)); f ^= slli_epi32(o, 7);
         tw[v] = mask_xor_epi32(t, 0x1111, t, shuffle_epi32(f, v)) with t = bslli_epi128(tw[v], 2)
         (v = 0 uses f itself, = shuffle 0x00 for dword 0).
       bad: shuffle_epi32(f, 0x02) for tw[1]."""
    ab = q.let(unpackhi_epi32(tw[0], tw[1]), W)
    cd = q.let(unpackhi_epi32(tw[2], tw[3]), W)
    o = q.let(mm_srli_epi32(q.let(unpackhi_epi64(ab, cd), W), 16), W, "o")
    f = q.let(xor(o, mm_slli_epi32(o, 1), mm_slli_epi32(o, 2)), W)
    f = q.let(xor(f, mm_slli_epi32(o, 7)), W, "f")
    out = []
    for v in range(4):
        t = q.let(mm_slli_si128(tw[v], 2), W)
        sel = f if v == 0 else q.let(mm_shuffle_epi32(f, (2 if (bad and v == 1) else v)), W)
        out.append(q.let(mask_xor_epi32_lane(t, 0x1, t, sel), W, "r"))
    return out


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


def single(fn):
    def body(bad):
        q = Q("", "", "")
        t = q.const("t", W)
        return q, "(= %s (gf_dbl t))" % fn(q, t, bad)
    return body


query("ct64_mul_alpha", "backend_ct64.c mul_alpha (64-bit limbs) == t * x")(single(ct64_mul_alpha))
query("aesni_mul_alpha_u64", "backend_aesni.c mul_alpha_u64 (64-bit limbs) == t * x")(single(aesni_mul_alpha_u64))
query("aesni_mul_alpha_xmm", "backend_aesni.c mul_alpha (srai/shuffle 0x13/add_epi64/and) == t * x")(
    single(aesni_mul_alpha_xmm))
query("vaes_x_mul_x", "backend_vaes256.c, backend_vaes512.c x_mul_x == t * x")(single(vaes_x_mul_x))


@query("aesni_mul_alpha8", "backend_aesni.c mul_alpha8 (byte shift + PCLMULQDQ) == t * x^8")
def _(bad):
    q = Q("", "", "")
    t = q.const("t", W)
    r = aesni_mul_alpha8(q, t, bad)
    return q, "(= %s %s)" % (r, gf_pow(q, t, 8))


def xk_query(fn, kbits):
    def body(bad):
        q = Q("", "", "")
        t = q.const("t", W)
        # one conjunct per k = 0..56 (a constant k: much faster than a symbolic one)
        goals = []
        for k in range(57):
            r = fn(q, t, hx(k, kbits), bad and k == 33)
            goals.append("(= %s (gf_xk %s %s))" % (r, t, hx(k, W)))
        return q, goals
    return body


query("vaes256_x_mul_xk", "backend_vaes256.c x_mul_xk(t, k) == t * x^k for all 0 <= k <= 56")(
    xk_query(vaes256_x_mul_xk, 32))
query("vaes512_x_mul_xk", "backend_vaes512.c x_mul_xk(t, k) == t * x^k for all 0 <= k <= 56")(
    xk_query(vaes512_x_mul_xk, 32))
query("vaes256_y_mul_xk_lanes", "backend_vaes256.c y_mul_xk_lanes, one lane, == t * x^k, 0 <= k <= 56")(
    xk_query(lambda q, t, k, bad: mul_xk_lanes(q, t, k, 256, bad), 64))
query("vaes512_z_mul_xk_lanes", "backend_vaes512.c z_mul_xk_lanes, one lane, == t * x^k, 0 <= k <= 56")(
    xk_query(lambda q, t, k, bad: mul_xk_lanes(q, t, k, 512, bad), 64))


def x16_query(clmul):
    def body(bad):
        q = Q("", "", "")
        t = q.const("t", W)
        r = vaes256_y_mul_x16(q, t, clmul, bad)
        return q, "(= %s %s)" % (r, gf_pow(q, t, 16))
    return body


query("vaes256_y_mul_x16_shifts", "backend_vaes256.c y_mul_x16 (Y_X16_CLMUL == 0), one lane, == t * x^16")(x16_query(False))
query("vaes256_y_mul_x16_clmul", "backend_vaes256.c y_mul_x16 (Y_X16_CLMUL != 0), one lane, == t * x^16")(x16_query(True))


def xbytes_query(bad):
    q = Q("", "", "")
    ts = [q.const("t%d" % n, W) for n in range(1, 8)]
    goals = []
    for n, t in zip(range(1, 8), ts):
        r = vaes512_z_mul_xbytes(q, t, n, bad and n == 7)
        goals.append("(= %s %s)" % (r, gf_pow(q, t, 8 * n)))
    return q, goals


query("vaes512_z_mul_xbytes", "backend_vaes512.c z_mul_xbytes(t, n), one lane, == t * x^(8n) for n = 1..7")(xbytes_query)


@query("vaes512_z_mul_x16_4", "backend_vaes512.c z_mul_x16_4, one lane of the 4 vectors, each == tw[v] * x^16")
def _(bad):
    q = Q("", "", "")
    tw = [q.const("tw%d" % v, W) for v in range(4)]
    r = vaes512_z_mul_x16_4(q, tw, bad)
    return q, ["(= %s %s)" % (r[v], gf_pow(q, tw[v], 16)) for v in range(4)]


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


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    names = []
    for name, expect, what, build in QUERIES:
        q, goal = build()
        q.name, q.expect, q.what = name, expect, what
        with open(os.path.join(out, name + ".smt2"), "w") as f:
            f.write(q.text(goal))
        names.append("%s %s" % (name, expect))
    with open(os.path.join(out, "list.txt"), "w") as f:
        f.write("\n".join(names) + "\n")


if __name__ == "__main__":
    main()
