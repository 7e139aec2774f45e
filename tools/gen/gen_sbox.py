#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 OR MIT
"""
Derive boolean circuits for the AES S-box and inverse S-box (FIPS-197 5.1.1,
5.3.2) from a tower-field inversion GF(((2^2)^2)^2), search over the tower
parameters / bases / isomorphisms, optimise the linear layers with Paar's
greedy common-subexpression heuristic, verify exhaustively, and emit C.

Usage (the circuits in src/backend_ct64.c):
    CANON=0 NOTS=1 NOCONST=1 MAT=aNei python3 gen_sbox.py 2
        -> ./sbox_{fwd,inv}_aNei.c.inc  (searches all 1024 towers)
    python3 sched.py sbox_fwd_aNei.c.inc sbox_fwd_s.c.inc   (reorder for
    python3 sched.py sbox_inv_aNei.c.inc sbox_inv_s.c.inc    register pressure)
Environment: NOCONST=1 leaves out the affine constant 0x63 (carried by the
round keys); MAT=aNei materialises the input, the norm N, its inverse e and
the output as XOR-layer boundaries; CANON=0 keeps AND gates as written;
NOTS=1 turns constants at AND inputs into NOT gates.
"""
import itertools, random, sys, os

# ---------------------------------------------------------------- AES field
def aes_mul(a, b):
    p = 0
    for _ in range(8):
        if b & 1: p ^= a
        a = ((a << 1) ^ (0x11b if a & 0x80 else 0)) & 0xff
        b >>= 1
    return p

def aes_inv(a):
    if a == 0: return 0
    for i in range(1, 256):
        if aes_mul(a, i) == 1: return i

def affine(b):
    s = 0
    for i in range(8):
        bit = ((b >> i) ^ (b >> ((i + 4) % 8)) ^ (b >> ((i + 5) % 8)) ^
               (b >> ((i + 6) % 8)) ^ (b >> ((i + 7) % 8))) & 1
        s |= bit << i
    return s

SBOX = [affine(aes_inv(x)) ^ (0 if os.environ.get('NOCONST', '0') == '1' else 0x63) for x in range(256)]
INV_SBOX = [0] * 256
for x in range(256): INV_SBOX[SBOX[x]] = x

# ------------------------------------------------- canonical tower (poly bases)
def g4mul(a, b):
    a1, a0, b1, b0 = a >> 1, a & 1, b >> 1, b & 1
    hi = (a1 & b1) ^ (a1 & b0) ^ (a0 & b1)
    lo = (a1 & b1) ^ (a0 & b0)
    return (hi << 1) | lo

def make_tower(mu, lam):
    def g16mul(a, b):
        a1, a0, b1, b0 = a >> 2, a & 3, b >> 2, b & 3
        m11 = g4mul(a1, b1)
        hi = m11 ^ g4mul(a1, b0) ^ g4mul(a0, b1)
        lo = g4mul(m11, mu) ^ g4mul(a0, b0)
        return (hi << 2) | lo
    def g256mul(a, b):
        a1, a0, b1, b0 = a >> 4, a & 15, b >> 4, b & 15
        m11 = g16mul(a1, b1)
        hi = m11 ^ g16mul(a1, b0) ^ g16mul(a0, b1)
        lo = g16mul(m11, lam) ^ g16mul(a0, b0)
        return (hi << 4) | lo
    return g16mul, g256mul

def power(mul, a, e, one=1):
    r = one
    while e:
        if e & 1: r = mul(r, a)
        a = mul(a, a); e >>= 1
    return r

# ------------------------------------------------------- circuit representation
import os
CANON = os.environ.get('CANON', '1') == '1'
MAT = os.environ.get('MAT', '')
NOCONST = os.environ.get('NOCONST', '0') == '1'
NOTS = os.environ.get('NOTS', '0') == '1'

class Circuit:
    def __init__(self):
        self.nsig = 8              # signals 0..7 are the input bits
        self.ands = {}             # key -> (sig, p, q)
        self.gate_in = {}          # sig -> (p, q)   (frozensets)
        self.linc = {}
        self.lin = {}              # sig -> frozenset (a materialised linear form)

    def fresh(self, a):
        lin, c = a
        if len(lin) <= 1 and not (c and NOTS and lin):
            return a
        sig = self.nsig; self.nsig += 1
        self.lin[sig] = lin
        if NOTS and c:
            self.linc[sig] = 1
            return (frozenset([sig]), 0)
        return (frozenset([sig]), c)

    def AND(self, u, v):
        """u, v: (frozenset, const). Returns affine (frozenset, const)."""
        (lu, cu), (lv, cv) = u, v
        # (lu+cu)(lv+cv) = lu*lv + cv*lu + cu*lv + cu*cv
        lin = set(); const = cu & cv
        if cv: lin ^= set(lu)
        if cu: lin ^= set(lv)
        prod = self.and_lin(lu, lv)
        lin ^= set(prod[0]); const ^= prod[1]
        return (frozenset(lin), const)

    def and_lin(self, lu, lv):
        if not lu or not lv:
            return (frozenset(), 0)
        if lu == lv:
            return (lu, 0)
        lw = lu ^ lv
        if CANON:
            trip = sorted([lu, lv, lw], key=lambda s: (len(s), sorted(s)))
            p, q = trip[0], trip[1]
        else:
            p, q = sorted([lu, lv], key=lambda s: (len(s), sorted(s)))
        key = (p, q)
        if key not in self.ands:
            sig = self.nsig; self.nsig += 1
            self.ands[key] = sig
            self.gate_in[sig] = (p, q)
        sig = self.ands[key]
        res = {sig}
        if {lu, lv} != {p, q}:
            shared = ({lu, lv} & {p, q}).pop()
            res ^= set(shared)
        return (frozenset(res), 0)

def aff_add(a, b): return (a[0] ^ b[0], a[1] ^ b[1])
ZERO = (frozenset(), 0)

# -------------------------------------------------- symbolic tower arithmetic
class Tower:
    """Levels: 1 = GF(4)/GF(2), 2 = GF(16)/GF(4), 3 = GF(256)/GF(16).
    basis[L] in {'poly','normal'}."""
    def __init__(self, mu, lam, basis):
        self.mu, self.lam = mu, lam
        self.g16mul, self.g256mul = make_tower(mu, lam)
        self.mul = {0: lambda a, b: a & b, 1: g4mul, 2: self.g16mul, 3: self.g256mul}
        self.bits = {0: 1, 1: 2, 2: 4, 3: 8}
        self.q = {1: 2, 2: 4, 3: 16}
        beta = {1: 2, 2: 4, 3: 16}
        self.B = {}
        for L in (1, 2, 3):
            b = beta[L]
            if basis[L] == 'poly':
                self.B[L] = (b, 1)
            else:
                self.B[L] = (power(self.mul[L], b, self.q[L]), b)
        # coordinate tables: canonical code at level L -> (c1, c0) canonical codes at L-1
        self.coord = {}
        for L in (1, 2, 3):
            n = 1 << self.bits[L - 1]
            tab = {}
            b1, b0 = self.B[L]
            for c1 in range(n):
                for c0 in range(n):
                    v = self.mul[L](self.embed(L, c1), b1) ^ self.mul[L](self.embed(L, c0), b0)
                    tab[v] = (c1, c0)
            assert len(tab) == (1 << self.bits[L])
            self.coord[L] = tab

    def embed(self, L, c):
        # canonical code of a level L-1 element as a level-L element (poly: low part)
        return c

    def nested(self, L, v):
        """canonical code -> nested chosen-basis coordinates (ints at level 0)."""
        if L == 0: return v
        c1, c0 = self.coord[L][v]
        return (self.nested(L - 1, c1), self.nested(L - 1, c0))

    def const(self, L, v):
        def lift(x):
            if isinstance(x, tuple): return tuple(lift(y) for y in x)
            return (frozenset(), x)
        return lift(self.nested(L, v))

    def add(self, L, a, b):
        if L == 0: return aff_add(a, b)
        return (self.add(L - 1, a[0], b[0]), self.add(L - 1, a[1], b[1]))

    def smul(self, C, L, a, b):
        """symbolic product at level L (Karatsuba in the chosen basis)."""
        if L == 0: return C.AND(a, b)
        a1, a0 = a; b1, b0 = b
        m1 = self.smul(C, L - 1, a1, b1)
        m0 = self.smul(C, L - 1, a0, b0)
        mm = self.smul(C, L - 1, self.add(L - 1, a1, a0), self.add(L - 1, b1, b0))
        cross = self.add(L - 1, self.add(L - 1, mm, m1), m0)
        b1c, b0c = self.B[L]
        mulL = self.mul[L]
        res = None
        for x, k in ((m1, mulL(b1c, b1c)), (cross, mulL(b1c, b0c)), (m0, mulL(b0c, b0c))):
            k1, k0 = self.coord[L][k]
            term = (self.cmul(C, L - 1, x, k1), self.cmul(C, L - 1, x, k0))
            res = term if res is None else self.add(L, res, term)
        return res

    def cmul(self, C, L, x, k):
        return self.smul(C, L, x, self.const(L, k))

    def sinv(self, C, L, a):
        if L == 1:
            return self.smul(C, 1, a, a)     # GF(4): a^-1 = a^2
        q = self.q[L]; mulL = self.mul[L]
        b1, b0 = self.B[L]
        # conj(a) = a^q = a1 b1^q + a0 b0^q
        p1 = self.coord[L][power(mulL, b1, q)]
        p0 = self.coord[L][power(mulL, b0, q)]
        a1, a0 = a
        conj = (self.add(L - 1, self.cmul(C, L - 1, a1, p1[0]), self.cmul(C, L - 1, a0, p0[0])),
                self.add(L - 1, self.cmul(C, L - 1, a1, p1[1]), self.cmul(C, L - 1, a0, p0[1])))
        # N = a1^2 n(b1) + a0^2 n(b0) + a1 a0 tr(b1 b0^q), all in the subfield
        def sub(v):
            c1, c0 = self.coord[L][v]
            assert c1 == 0 or L == 0, "not in subfield?"
            return c0
        def sub_el(v):
            # v is in the subfield: canonical poly rep: low part
            assert v >> self.bits[L - 1] == 0
            return v
        nb1 = sub_el(mulL(b1, power(mulL, b1, q)))
        nb0 = sub_el(mulL(b0, power(mulL, b0, q)))
        t = mulL(b1, power(mulL, b0, q)); tr = sub_el(t ^ power(mulL, t, q))
        sq1 = self.smul(C, L - 1, a1, a1); sq0 = self.smul(C, L - 1, a0, a0)
        N = self.add(L - 1, self.add(L - 1, self.cmul(C, L - 1, sq1, nb1), self.cmul(C, L - 1, sq0, nb0)),
                     self.cmul(C, L - 1, self.smul(C, L - 1, a1, a0), tr))
        if L == 3 and 'N' in MAT: N = self.fresh_el(C, L - 1, N)
        if L == 2 and 'n' in MAT: N = self.fresh_el(C, L - 1, N)
        e = self.sinv(C, L - 1, N)
        if L == 3 and 'e' in MAT: e = self.fresh_el(C, L - 1, e)
        return (self.smul(C, L - 1, conj[0], e), self.smul(C, L - 1, conj[1], e))

    def fresh_el(self, C, L, x):
        if L == 0: return C.fresh(x)
        return (self.fresh_el(C, L - 1, x[0]), self.fresh_el(C, L - 1, x[1]))

    def flatten(self, L, x):
        if L == 0: return [x]
        return self.flatten(L - 1, x[0]) + self.flatten(L - 1, x[1])

    def unflatten(self, L, lst):
        if L == 0: return lst[0]
        h = len(lst) // 2
        return (self.unflatten(L - 1, lst[:h]), self.unflatten(L - 1, lst[h:]))

# ------------------------------------------------------------------ GF(2) algebra
def apply_cols(cols, x):
    r = 0
    for i in range(8):
        if (x >> i) & 1: r ^= cols[i]
    return r

def inverse_cols(cols):
    # brute force inverse of a linear map on 8 bits
    img = {apply_cols(cols, x): x for x in range(256)}
    assert len(img) == 256
    return [img[1 << i] for i in range(8)]

# ------------------------------------------------------------ circuit builder
def build(tw, g, direction):
    """g: tower element (canonical) with AES min poly. direction 'fwd'/'inv'."""
    C = Circuit()
    # phi: AES poly basis -> tower canonical: bit i -> g^i
    phi = [power(tw.mul[3], g, i) for i in range(8)]
    # tower canonical -> flattened chosen-basis bits (linear): compute per basis vector
    def flat_bits(v):
        return tw.flatten(3, tw.nested(3, v))
    # input affine forms over x0..x7 for each flattened tower coordinate
    if direction == 'fwd':
        pre_cols = [1 << i for i in range(8)]; pre_const = 0
    else:
        # x' = A^-1(y ^ 0x63) = A^-1 y ^ A^-1(0x63)
        Acols = [affine(1 << i) for i in range(8)]
        Ainv = inverse_cols(Acols)
        pre_cols = Ainv; pre_const = 0 if NOCONST else apply_cols(Ainv, 0x63)
    # tower element of input: sum_i y_i * phi(pre_cols[i]) + phi(pre_const)
    tcols = [apply_cols(phi, c) for c in pre_cols]
    tconst = apply_cols(phi, pre_const)
    nb = 8
    forms = []
    cb = flat_bits(tconst)
    colbits = [flat_bits(tcols[i]) for i in range(8)]
    for j in range(nb):
        s = frozenset(i for i in range(8) if colbits[i][j])
        forms.append((s, cb[j]))
    a = tw.unflatten(3, forms)
    if 'a' in MAT: a = tw.fresh_el(C, 3, a)
    inv = tw.sinv(C, 3, a)
    if 'i' in MAT: inv = tw.fresh_el(C, 3, inv)
    outflat = tw.flatten(3, inv)   # affine forms of tower coordinates of a^-1
    # tower coordinate vector -> AES byte
    # build map from flattened coordinate basis vectors to canonical tower codes
    coord_to_canon = {}
    for v in range(256):
        bits = flat_bits(v)
        coord_to_canon[tuple(bits)] = v
    phi_inv = inverse_cols(phi)  # canonical tower -> AES
    out_forms = []
    # AES bit k of result = sum_j coordinate_j * (AES image of basis vector e_j)[k]
    ej_aes = []
    for j in range(nb):
        bits = [0] * nb; bits[j] = 1
        ej_aes.append(apply_cols(phi_inv, coord_to_canon[tuple(bits)]))
    if direction == 'fwd':
        post = lambda x: affine(x)
        post_const = 0 if NOCONST else 0x63
    else:
        post = lambda x: x
        post_const = 0
    for k in range(8):
        lin = set(); c = (post_const >> k) & 1
        for j in range(nb):
            if (post(ej_aes[j]) >> k) & 1:
                lin ^= set(outflat[j][0]); c ^= outflat[j][1]
        out_forms.append((frozenset(lin), c))
    return C, out_forms

# ------------------------------------------------------------------ optimiser
NODE_ID = [0]

def paar(targets, pool, rng):
    """targets: list of frozensets over base signals. pool: dict node->expansion
    for already available XOR nodes (reusable). Returns list of new nodes
    (name, a, b) where a,b are signal/node names, and mapping target->name."""
    new_nodes = []
    # work on expansions: substitution with pool nodes
    reps = []
    for t in targets:
        base = set(t)
        rep = set()
        cands = sorted(pool.items(), key=lambda kv: -len(kv[1]))
        for name, exp in cands:
            if len(exp) > 1 and exp <= base:
                base -= exp; rep.add(name)
        rep |= base
        reps.append(rep)
    counter = [0]
    while True:
        counts = {}
        for r in reps:
            if len(r) < 2: continue
            rl = sorted(r, key=str)
            for i in range(len(rl)):
                for j in range(i + 1, len(rl)):
                    k = (rl[i], rl[j])
                    counts[k] = counts.get(k, 0) + 1
        if not counts: break
        m = max(counts.values())
        best = [k for k, v in counts.items() if v == m]
        a, b = rng.choice(sorted(best, key=str))
        NODE_ID[0] += 1
        name = ('n', NODE_ID[0])
        new_nodes.append((name, a, b))
        for r in reps:
            if a in r and b in r:
                r.discard(a); r.discard(b); r.add(name)
    return new_nodes, [next(iter(r)) if r else None for r in reps]

def optimise(C, out_forms, rng):
    # reachability from the outputs
    need = set()
    stack = [s for f in out_forms for s in f[0]]
    while stack:
        s = stack.pop()
        if s in need: continue
        need.add(s)
        if s in C.gate_in:
            p, q = C.gate_in[s]; stack.extend(p); stack.extend(q)
        if s in C.lin:
            stack.extend(C.lin[s])
    level = {}
    def lev(s):
        if s < 8: return 0
        if s in level: return level[s]
        if s in C.gate_in:
            p, q = C.gate_in[s]
            level[s] = 1 + max(lev(x) for x in p | q)
        else:
            level[s] = max(lev(x) for x in C.lin[s]) + 0.5
        return level[s]
    flev = lambda t: max(lev(s) for s in t) if t else 0
    gates = [s for s in need if s in C.gate_in]
    lins = [s for s in need if s in C.lin]
    targets = set()
    for s in gates:
        p, q = C.gate_in[s]; targets.add(p); targets.add(q)
    for s in lins: targets.add(C.lin[s])
    for f in out_forms:
        if f[0]: targets.add(f[0])
    levels = sorted(set([flev(t) for t in targets] + [lev(s) for s in gates + lins]))
    pool = {}
    resolved = {}
    ops = []
    for L in levels:
        for s in sorted(gates):
            if lev(s) == L:
                p, q = C.gate_in[s]
                ops.append(('and', s, resolved[p], resolved[q]))
        for s in sorted(lins):
            if lev(s) == L:
                if C.linc.get(s):
                    ops.append(('not', s, resolved[C.lin[s]]))
                else:
                    ops.append(('alias', s, resolved[C.lin[s]]))
        tl = sorted([t for t in targets if flev(t) == L and len(t) > 1], key=lambda t: sorted(t))
        nn, names = paar(tl, pool, rng)
        for (name, a, b) in nn:
            ea = pool.get(a, frozenset([a])); eb = pool.get(b, frozenset([b]))
            pool[name] = frozenset(set(ea) ^ set(eb))
            ops.append(('xor', name, a, b))
        for t, nm in zip(tl, names):
            resolved[t] = nm
        for t in targets:
            if len(t) == 1 and flev(t) == L: resolved[t] = next(iter(t))
    nxor = sum(1 for o in ops if o[0] == 'xor')
    nnot_in = sum(1 for o in ops if o[0] == 'not')
    nand = sum(1 for o in ops if o[0] == 'and')
    nnot = sum(f[1] for f in out_forms) + nnot_in
    return dict(ops=ops, resolved=resolved, out=out_forms, nand=nand, nxor=nxor, nnot=nnot)

# ----------------------------------------------------------------- evaluation
def evaluate(R, x):
    val = {i: (x >> i) & 1 for i in range(8)}
    for o in R['ops']:
        if o[0] == 'xor': val[o[1]] = val[o[2]] ^ val[o[3]]
        elif o[0] == 'and': val[o[1]] = val[o[2]] & val[o[3]]
        elif o[0] == 'not': val[o[1]] = 1 ^ val[o[2]]
        else: val[o[1]] = val[o[2]]
    r = 0
    for k, (lin, c) in enumerate(R['out']):
        v = c
        if lin: v ^= val[R['resolved'][lin]]
        r |= v << k
    return r

# ---------------------------------------------------------------------- emit
def emit(R, fname, comment):
    names = {}
    for i in range(8): names[i] = 'x%d' % i
    cnt = [0]
    def nm(n):
        if n not in names:
            names[n] = 't%d' % cnt[0]; cnt[0] += 1
        return names[n]
    lines = []
    for o in R['ops']:
        if o[0] == 'alias':
            names[o[1]] = nm(o[2])
        elif o[0] == 'not':
            lines.append('    const uint64_t %s = ~%s;' % (nm(o[1]), nm(o[2])))
        else:
            lines.append('    const uint64_t %s = %s %s %s;' % (nm(o[1]), nm(o[2]), '^' if o[0] == 'xor' else '&', nm(o[3])))
    for k, (lin, c) in enumerate(R['out']):
        e = nm(R['resolved'][lin]) if lin else '0'
        lines.append('    q[%d] = %s%s;' % (k, '~' if c else '', e))
    with open(fname, 'w') as f:
        f.write('/* %s: %d AND, %d XOR, %d NOT */\n' % (comment, R['nand'], R['nxor'], R['nnot']))
        f.write('\n'.join(lines) + '\n')

def main():
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rng = random.Random(1)
    best = {'fwd': None, 'inv': None}
    configs = 0
    for mu in (2, 3):
        # lambda: z^2+z+lam... y^2 + y + lam irreducible over GF(16)
        g16mul, g256mul = make_tower(mu, 1)
        lams = []
        for lam in range(16):
            if all(g16mul(t, t) ^ t ^ lam for t in range(16)):
                lams.append(lam)
        for lam in lams:
            for basis in itertools.product(('poly', 'normal'), repeat=3):
                tw = Tower(mu, lam, {1: basis[0], 2: basis[1], 3: basis[2]})
                roots = [g for g in range(256)
                         if power(tw.mul[3], g, 8) ^ power(tw.mul[3], g, 4) ^ power(tw.mul[3], g, 3) ^ g ^ 1 == 0]
                assert len(roots) == 8, roots
                for g in roots:
                    configs += 1
                    for d in ('fwd', 'inv'):
                        C, outs = build(tw, g, d)
                        for _ in range(trials):
                            R = optimise(C, outs, rng)
                            cost = R['nand'] + R['nxor'] + R['nnot']
                            if best[d] is None or cost < best[d][0]:
                                tab = SBOX if d == 'fwd' else INV_SBOX
                                ok = all(evaluate(R, x) == tab[x] for x in range(256))
                                assert ok, (mu, lam, basis, g, d)
                                best[d] = (cost, R, (mu, lam, basis, g))
                                print(d, cost, R['nand'], R['nxor'], R['nnot'], (mu, lam, basis, g), flush=True)
    print('configs', configs)
    for d in ('fwd', 'inv'):
        cost, R, cfg = best[d]
        emit(R, './sbox_%s_%s.c.inc' % (d, MAT), 'tower GF(((2^2)^2)^2) mu=%d lambda=%d bases=%s g=%d' % (cfg[0], cfg[1], '/'.join(cfg[2]), cfg[3]))

if __name__ == '__main__':
    main()
