# SPDX-License-Identifier: Apache-2.0 OR MIT
XT = {0: [7], 1: [0, 7], 2: [1], 3: [2, 7], 4: [3, 7], 5: [4], 6: [5], 7: [6]}   # ({02}a)_i
X4 = {0: [6], 1: [6, 7], 2: [0, 7], 3: [1, 6], 4: [2, 6, 7], 5: [3, 7], 6: [4], 7: [5]}  # ({04}a)_i
def mc_body(src, r1, r2, ind='    '):
    L = []
    for i in range(8):
        L.append(ind + 'const uint64_t a%d = %s(%s%d);' % (i, r1, src, i))
    for i in range(8):
        L.append(ind + 'const uint64_t t%d = %s%d ^ a%d;' % (i, src, i, i))
    for i in range(8):
        xt = ' ^ '.join('t%d' % j for j in XT[i])
        L.append(ind + 'q[%d] = %s ^ a%d ^ %s(t%d) ^ rk[%d];' % (i, xt, i, r2, i, i))
    return L
out = []
for m in range(4):
    r1 = 'rows1_%d' % m; r2 = 'rows2_even' if m % 2 == 0 else 'rows2_odd'
    out.append('/* MixColumns (FIPS-197 §5.1.3) of a round r = %d mod 4, then AddRoundKey (§5.1.4)' % m)
    out.append(' * with rk: q <- MC_%d(q) ^ rk[0..7]. */' % m)
    out.append('static void mix_columns_%d_ark(uint64_t q[8], const uint64_t *rk)' % m)
    out.append('{')
    out.append('    const uint64_t ' + ', '.join('s%d = q[%d]' % (i, i) for i in range(4)) + ';')
    out.append('    const uint64_t ' + ', '.join('s%d = q[%d]' % (i, i) for i in range(4, 8)) + ';')
    out += mc_body('s', r1, r2)
    out.append('}')
    out.append('')
for m in range(4):
    r1 = 'rows1_%d' % m; r2 = 'rows2_even' if m % 2 == 0 else 'rows2_odd'
    out.append('/* AddRoundKey (§5.1.4) with rk, then the InvMixColumns (§5.3.3) undoing')
    out.append(' * mix_columns_%d_ark: x = q ^ rk; b = x ^ {04}(x ^ x[r+2]); q <- MC_%d(b). */' % (m, m))
    out.append('static void ark_inv_mix_columns_%d(uint64_t q[8], const uint64_t *rk)' % m)
    out.append('{')
    out.append('    const uint64_t ' + ', '.join('x%d = q[%d] ^ rk[%d]' % (i, i, i) for i in range(4)) + ';')
    out.append('    const uint64_t ' + ', '.join('x%d = q[%d] ^ rk[%d]' % (i, i, i) for i in range(4, 8)) + ';')
    for i in range(8):
        out.append('    const uint64_t u%d = x%d ^ %s(x%d);' % (i, i, r2, i))
    for i in range(8):
        d4 = ' ^ '.join('u%d' % j for j in X4[i])
        out.append('    const uint64_t b%d = x%d ^ %s;' % (i, i, d4))
    body = mc_body('b', r1, r2)
    body = [l.replace(' ^ rk[%d];' % i, ';') if ('q[%d] =' % i) in l else l for i in range(8) for l in [None]] if False else body
    # no round key after the inner MixColumns
    body2 = []
    for l in body:
        for i in range(8):
            l = l.replace(' ^ rk[%d];' % i, ';')
        body2.append(l)
    out += body2
    out.append('}')
    out.append('')
open('mc.c.inc', 'w').write('\n'.join(out))
