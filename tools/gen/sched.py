# SPDX-License-Identifier: Apache-2.0 OR MIT
"""Reorder a generated straight-line S-box (.c.inc) to lower register pressure:
greedy list scheduling that prefers operations which end the life of their
operands, and emits each output store as soon as its value exists."""
import re, sys
def parse(fn):
    ops = []; outs = []
    for line in open(fn).read().splitlines()[1:]:
        m = re.match(r'\s*const uint64_t (\w+) = (~?)(\w+)(?: ([&^]) (\w+))?;', line)
        if m:
            ops.append((m.group(1), m.group(2), m.group(3), m.group(4), m.group(5))); continue
        m = re.match(r'\s*q\[(\d)\] = (~?)(\w+);', line)
        if m:
            outs.append((int(m.group(1)), m.group(2), m.group(3))); continue
        raise SystemExit('bad line ' + line)
    return ops, outs

def schedule(ops, outs):
    defs = {o[0]: o for o in ops}
    uses = {}
    for o in ops:
        for a in (o[2], o[4]):
            if a: uses.setdefault(a, []).append(o[0])
    for k, n, v in outs:
        uses.setdefault(v, []).append(('out', k))
    remaining = {v: len(u) for v, u in uses.items()}
    done = set('x%d' % i for i in range(8))
    order = []
    pending = list(ops)
    last = []
    emitted_out = set()
    def ready(o):
        return all(a is None or a in done for a in (o[2], o[4]))
    while pending:
        cands = [o for o in pending if ready(o)]
        def score(o):
            frees = sum(1 for a in set([o[2], o[4]]) if a and remaining.get(a, 0) == 1)
            recency = max([len(order) - order.index(a) if a in order else 999 for a in (o[2], o[4]) if a] or [999])
            return (frees, -recency)
        best = max(cands, key=score)
        pending.remove(best)
        order.append(best[0])
        done.add(best[0])
        for a in set([best[2], best[4]]):
            if a: remaining[a] -= sum(1 for u in uses[a] if u == best[0])
        for k, n, v in outs:
            if v == best[0] and k not in emitted_out:
                order.append(('out', k, n, v)); emitted_out.add(k)
    ren = {}
    for item in order:
        if not isinstance(item, tuple):
            ren[item] = 't%d' % len(ren)
    R = lambda a: ren.get(a, a)
    defs = {R(k): (R(o[0]), o[1], R(o[2]), o[3], R(o[4]) if o[4] else None) for k, o in defs.items()}
    order = [(it[0], it[1], it[2], R(it[3])) if isinstance(it, tuple) else R(it) for it in order]
    outs = [(k, n, R(v)) for k, n, v in outs]
    res = []
    for item in order:
        if isinstance(item, tuple):
            res.append('    q[%d] = %s%s;' % (item[1], item[2], item[3]))
        else:
            o = defs[item]
            if o[3]:
                res.append('    const uint64_t %s = %s%s %s %s;' % (o[0], o[1], o[2], o[3], o[4]))
            else:
                res.append('    const uint64_t %s = %s%s;' % (o[0], o[1], o[2]))
    for k, n, v in outs:
        if k not in emitted_out:   # outputs that are inputs or constants
            res.append('    q[%d] = %s%s;' % (k, n, v))
    return res

fn, out = sys.argv[1], sys.argv[2]
ops, outs = parse(fn)
lines = schedule(ops, outs)
hdr = open(fn).read().splitlines()[0]
open(out, 'w').write(hdr + '\n' + '\n'.join(lines) + '\n')
