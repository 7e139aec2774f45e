#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 OR MIT
"""asm_branches — list and check every conditional branch of the built library.

Disassembles the library objects (objdump -d), and for every function lists
each conditional branch (jcc, jrcxz, loop) with the instruction that set its
condition. A small forward data-flow analysis over each function's control-flow
graph marks values derived from data or keys ("secret"):

  * a load from memory into a vector or mask register is secret (the backends
    load data, keys and round keys only into vector registers);
  * a load from memory into a general-purpose register is public (lengths,
    round counts, pointers) -- this is the analysis' main assumption, see
    tests/ct/README.md;
  * secrecy then flows through registers and flags: an instruction's result is
    secret if an input is; moving a secret vector lane into a general register
    (movq, pextr, kmov, pmovmskb, ...) makes that register secret; ptest,
    kortest and (u)comis set secret flags from secret vectors; zero idioms
    (xor r,r; vpxor x,x,x) are public.

It then reports, per function: the number of conditional branches, how many
test secret flags ("data-derived"), and memory accesses or indirect jumps
whose address register is secret. The check compares the per-function counts
with a reviewed, committed listing (tests/ct/branches.<compiler>.expected):
any difference fails, and so does any data-derived branch or secret address
not accepted there.

  asm_branches.py [--objdump OBJDUMP] --listing OUT --expected FILE [--update] OBJ...

--update rewrites FILE from the current objects (review the diff, then
commit it). Exit status 0 = as reviewed, 1 = differs or secret use, 2 = usage.
"""
import argparse
import os
import re
import subprocess
import sys

# ---- registers ------------------------------------------------------------------

GPR = {}
for base in ("ax", "bx", "cx", "dx"):
    for name in ("r" + base, "e" + base, base, base[0] + "l", base[0] + "h"):
        GPR[name] = "r" + base
for base in ("si", "di", "bp", "sp"):
    for name in ("r" + base, "e" + base, base, base + "l"):
        GPR[name] = "r" + base
for n in range(8, 16):
    for suffix in ("", "d", "w", "b"):
        GPR["r%d%s" % (n, suffix)] = "r%d" % n
GPR["rip"] = "rip"

CALLER_SAVED = {"rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"}


def reg_family(name):
    """'%eax' -> 'rax', '%ymm3' -> 'v3', '%k1' -> 'k1', else None."""
    name = name.lstrip("%")
    if name in GPR:
        return GPR[name]
    m = re.fullmatch(r"[xyz]mm(\d+)", name)
    if m:
        return "v" + m.group(1)
    m = re.fullmatch(r"k(\d)", name)
    if m:
        return "k" + m.group(1)
    return None


def is_vector(fam):
    return fam is not None and (fam.startswith("v") or fam.startswith("k"))


# ---- instruction classes -----------------------------------------------------------

COND_JUMPS = re.compile(r"^(j(?!mp)[a-z]+|loop[a-z]*)$")
FLAG_SETTERS = {
    "add", "adc", "sub", "sbb", "and", "or", "xor", "cmp", "test", "inc", "dec", "neg",
    "shl", "shr", "sar", "sal", "rol", "ror", "rcl", "rcr", "bt", "bts", "btr", "btc", "bsf", "bsr",
    "lzcnt", "tzcnt", "popcnt", "imul", "mul", "andn", "bextr", "blsi", "blsr", "blsmsk",
    "cmpxchg", "xadd",
}
VECTOR_FLAG_SETTERS = re.compile(r"^v?(ptest|testp[sd]|u?comis[sd])$|^k(or)?test[bwdq]$")
FLAG_READERS = re.compile(r"^(cmov[a-z]+|set[a-z]+|adc|sbb|rcl|rcr)$")
# Results that do not depend on the destination's old value.
PURE_MOVES = re.compile(
    r"^(mov[a-z]*|lea|cmov[a-z]+|set[a-z]+|pop|kmov[bwdq]|pextr[bwdq]|pmovmskb|movmskp[sd]|"
    r"cvt[a-z0-9]*|pshuf[dhlw]*|shlx|shrx|sarx|rorx|andn|bextr|pdep|pext|mulx|bzhi|blsi|blsr|blsmsk|"
    r"lzcnt|tzcnt|popcnt|bsf|bsr)$")
# VEX/EVEX forms whose destination is also an input.
VEX_DESTRUCTIVE = re.compile(r"^v(pternlog[dq]|fn?m(add|sub)[0-9a-z]*|perm[ti]2[a-z]+|pdpb[a-z]+|pdpw[a-z]+|"
                             r"pshl?dv[a-z]*|pshrdv[a-z]*|pmadd52[a-z]+)$")
PREFIXES = {"notrack", "bnd", "rep", "repz", "repe", "repnz", "repne", "lock", "data16", "addr32", "cs", "ds"}


def base_mnemonic(m):
    """Strips an AT&T size suffix for the GPR flag-setter table ('addq' -> 'add')."""
    if m in FLAG_SETTERS:
        return m
    if m[-1:] in ("b", "w", "l", "q") and m[:-1] in FLAG_SETTERS:
        return m[:-1]
    return m


def split_operands(text):
    ops, depth, cur = [], 0, ""
    for ch in text:
        if ch in "({":
            depth += 1
        elif ch in ")}":
            depth -= 1
        if ch == "," and depth == 0:
            ops.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        ops.append(cur.strip())
    return ops


class Operand:
    def __init__(self, text):
        self.text = text
        self.masks = re.findall(r"\{%(k\d)\}", text)
        self.zeroing = "{z}" in text
        core = re.sub(r"\{[^}]*\}", "", text)
        self.imm = core.startswith("$")
        self.mem = "(" in core or (not core.startswith("%") and not self.imm)
        self.reg = None
        self.addr_regs = []
        if self.mem:
            inner = re.search(r"\(([^)]*)\)", core)
            if inner:
                for r in inner.group(1).split(","):
                    f = reg_family(r.strip())
                    if f is not None and f != "rip":
                        self.addr_regs.append(f)
            if core.startswith("*"):
                f = reg_family(core[1:].split("(")[0]) if "(" not in core else None
                if f:
                    self.addr_regs.append(f)
        elif not self.imm:
            self.reg = reg_family(core.lstrip("*"))
        # Stack slots (constant offset from %rsp or %rbp, no index) are tracked
        # like registers, in 8-byte units, so that spills keep their secrecy.
        self.slot = None
        sm = re.fullmatch(r"(-?(?:0x[0-9a-f]+|\d+))?\(%(rsp|rbp)\)", core) if self.mem else None
        if sm:
            self.slot = (sm.group(2), int(sm.group(1) or "0", 0))

    def slot_units(self, size):
        base, off = self.slot
        first = off - (off % 8)
        return ["stack:%s%+d" % (base, u) for u in range(first, off + max(size, 1), 8)]


VEC_SIZE = {"x": 16, "y": 32, "z": 64}


def operand_size(ins):
    """Bytes moved by a load/store: from the register operand, else 8."""
    for op in ins.ops:
        if op.reg is not None and op.reg.startswith("v"):
            t = re.sub(r"\{[^}]*\}", "", op.text).lstrip("%")
            if ins.mnem.startswith(("movq", "vmovq", "movd", "vmovd", "pextr", "vpextr", "pinsr", "vpinsr",
                                    "movsd", "vmovsd", "movss", "vmovss", "movlp", "movhp", "vmovlp", "vmovhp")):
                return 8
            return VEC_SIZE.get(t[0], 16)
    return 8


class Insn:
    def __init__(self, addr, mnem, optext, raw):
        self.addr, self.mnem, self.raw = addr, mnem, raw
        self.ops = [Operand(o) for o in split_operands(optext)] if optext else []
        self.target = None
        self.table = None
        self.table_targets = None
        self.external = False


# ---- disassembly -------------------------------------------------------------------

FUNC_RE = re.compile(r"^([0-9a-f]+) <(.+)>:$")
INSN_RE = re.compile(r"^\s*([0-9a-f]+):\s+(.*)$")


RELOC_RE = re.compile(r"R_X86_64_PC32\s+(\.rodata[\w.]*)([+-]0x[0-9a-f]+)?")


def rodata_tables(objdump, path):
    """{section: sorted [(offset, text_addend)]}: PC32 relocations against .text
    in read-only data, i.e. the entries of switch jump tables."""
    out = subprocess.run([objdump, "-r", "-w", path], check=True, capture_output=True, text=True).stdout
    tables, section = {}, None
    for line in out.splitlines():
        m = re.match(r"^RELOCATION RECORDS FOR \[(.+)\]:", line)
        if m:
            section = m.group(1)
            continue
        m = re.match(r"^([0-9a-f]+)\s+R_X86_64_PC32\s+\.text([+-]0x[0-9a-f]+)?$", line.strip())
        if m and section is not None and section.startswith(".rodata"):
            tables.setdefault(section, []).append((int(m.group(1), 16), int(m.group(2) or "0", 16)))
    for v in tables.values():
        v.sort()
    return tables


def disassemble(objdump, path):
    out = subprocess.run([objdump, "-d", "-r", "--no-show-raw-insn", "-w", path], check=True,
                         capture_output=True, text=True).stdout
    tables = rodata_tables(objdump, path)
    table_bases = {}
    funcs, cur = [], None
    for line in out.splitlines():
        m = FUNC_RE.match(line)
        if m:
            cur = (m.group(2), [])
            funcs.append(cur)
            continue
        if line.startswith("Disassembly of section"):
            cur = None
            continue
        m = INSN_RE.match(line)
        if not m or cur is None:
            continue
        addr = int(m.group(1), 16)
        reloc = RELOC_RE.search(m.group(2))
        text = m.group(2).split("#")[0].split("\t")[0].strip()
        words = text.split()
        while words and words[0] in PREFIXES:
            words.pop(0)
        if not words:
            continue
        mnem = words[0]
        rest = " ".join(words[1:])
        insn = Insn(addr, mnem, "", text)
        if reloc and mnem == "lea":
            # lea table(%rip): the displacement's PC32 relocation points 4
            # bytes before the table.
            insn.table = (reloc.group(1), int(reloc.group(2) or "0", 16) + 4)
            table_bases.setdefault(reloc.group(1), set()).add(insn.table[1])
        if COND_JUMPS.match(mnem) or mnem in ("jmp", "call"):
            t = re.match(r"^([0-9a-f]+) <", rest)
            if t and "R_X86_64" in m.group(2):
                insn.external = True  # a call or tail call to another function
            elif t:
                insn.target = int(t.group(1), 16)
            elif not t:
                insn.ops = [Operand(o) for o in split_operands(rest)]
        else:
            insn.ops = [Operand(o) for o in split_operands(rest)]
        cur[1].append(insn)

    # Resolve each indirect jmp to the entries of the table its block loaded.
    for _, insns in funcs:
        for i, ins in enumerate(insns):
            if ins.mnem != "jmp" or ins.target is not None:
                continue
            for j in range(i - 1, max(i - 12, -1), -1):
                tb = getattr(insns[j], "table", None)
                if tb is not None:
                    section, base = tb
                    bases = sorted(b for b in table_bases.get(section, ()) if b > base)
                    end = bases[0] if bases else None
                    ins.table_targets = [add - (off - base) for off, add in tables.get(section, [])
                                         if off >= base and (end is None or off < end)]
                    break
    return funcs


# ---- data flow ----------------------------------------------------------------------


class State:
    __slots__ = ("secret", "flags", "setter")

    def __init__(self, secret=frozenset(), flags=False, setter="(entry)"):
        self.secret, self.flags, self.setter = secret, flags, setter

    def key(self):
        return (self.secret, self.flags)


def transfer(insn, st, findings):
    """Applies insn to state (secret: set of register families); records findings."""
    secret = set(st.secret)
    flags, setter = st.flags, st.setter
    m = insn.mnem
    ops = insn.ops

    if m != "lea" and not m.startswith("nop") and not m.startswith("prefetch"):
        for op in ops:  # secret addresses: any memory operand, load or store
            if op.mem and any(r in secret for r in op.addr_regs):
                findings.append(("secret-address", insn))
        # Loads into a general register from memory that is neither the stack
        # nor the code's own constants: assumed public (lengths, round counts,
        # pointers), so counted for the review.
        plain_mem = [i for i, op in enumerate(ops) if op.mem and op.slot is None and "rip" not in op.text]
        pure_store = PURE_MOVES.match(m) and plain_mem == [len(ops) - 1]
        if plain_mem and not pure_store and not any(is_vector(op.reg) for op in ops) \
                and not m.startswith(("v", "k")) and m not in ("call", "jmp"):
            findings.append(("gpr-load", insn))

    if COND_JUMPS.match(m):
        if m in ("jrcxz", "jecxz") or m.startswith("loop"):
            flags = "rcx" in secret
        return State(frozenset(secret), flags, setter), ("branch", flags, setter)
    if m in ("jmp", "call"):
        if ops and (ops[0].reg in secret or any(r in secret for r in ops[0].addr_regs)):
            findings.append(("secret-indirect-jump", insn))
        if m == "call":
            secret -= CALLER_SAVED
            secret = {r for r in secret if not r.startswith("v") and not r.startswith("k")}
            flags, setter = False, "call"
        return State(frozenset(secret), flags, setter), None
    if m in ("ret", "nop", "nopw", "nopl", "endbr64", "int3", "ud2", "hlt", "leave", "vzeroupper", "vzeroall",
             "lfence", "sfence", "mfence", "pause"):
        if m in ("vzeroupper", "vzeroall"):
            secret = {r for r in secret if not r.startswith("v")} if m == "vzeroall" else secret
        return State(frozenset(secret), flags, setter), None
    if m == "push":
        return State(frozenset(secret), flags, setter), None
    if m in ("cqto", "cltq", "cltd", "cwtl", "cqo", "cdq", "cdqe"):
        if "rax" in secret:
            secret.add("rdx")
        return State(frozenset(secret), flags, setter), None

    regs_in = [op.reg for op in ops if op.reg is not None]
    dest = ops[-1] if ops else None
    srcs = ops[:-1] if len(ops) > 1 else ops  # one-operand forms read what they write

    # Zero idioms: xor r,r / sub r,r / (v)pxor x,x(,x) / vxorps x,x,x / kxor k,k,k.
    if (m in ("xor", "xorl", "xorq", "sub", "subl", "subq", "pxor", "xorps", "xorpd", "vpxor", "vpxord",
              "vpxorq", "vxorps", "vxorpd", "kxorb", "kxorw", "kxord", "kxorq", "psubb", "vpsubb")
            and len(ops) >= 2 and all(op.reg is not None for op in ops) and len(set(regs_in)) == 1):
        secret.discard(regs_in[0])
        if base_mnemonic(m) in FLAG_SETTERS:
            flags, setter = False, insn.raw
        return State(frozenset(secret), flags, setter), None

    def value_secret(op):
        if op.imm:
            return False
        if m == "lea" and op.mem:  # the address itself, not the memory
            return any(r in secret for r in op.addr_regs)
        if op.slot is not None:
            return any(u in secret for u in op.slot_units(operand_size(insn)))
        if op.mem:
            # A load: secret if the destination is a vector/mask register
            # (data and keys live there), public into a general register.
            return dest is not None and is_vector(dest.reg) or any(r in secret for r in op.addr_regs)
        return op.reg in secret

    mb = base_mnemonic(m)
    if mb in ("cmp", "test") or VECTOR_FLAG_SETTERS.match(m):
        flags = any(value_secret(op) or (op.mem and VECTOR_FLAG_SETTERS.match(m) is not None) for op in ops)
        return State(frozenset(secret), flags, insn.raw), None

    inputs_secret = any(value_secret(op) for op in srcs)
    if dest is not None and dest.reg is not None:
        destructive = not PURE_MOVES.match(m)
        if m.startswith("v") and len([o for o in ops if not o.imm]) >= 3 and not VEX_DESTRUCTIVE.match(m):
            destructive = False
        if dest.masks and not dest.zeroing:
            destructive = True
        if FLAG_READERS.match(m) and flags:
            inputs_secret = True
        if destructive and dest.reg in secret:
            inputs_secret = True
        if any(k in secret for k in dest.masks):
            inputs_secret = True
        if m.startswith("xchg") and len(ops) == 2 and ops[0].reg is not None:
            a, b = ops[0].reg, ops[1].reg
            sa, sb = a in secret, b in secret
            secret.discard(a)
            secret.discard(b)
            if sb:
                secret.add(a)
            if sa:
                secret.add(b)
        elif inputs_secret:
            secret.add(dest.reg)
        else:
            secret.discard(dest.reg)
        if m in ("mul", "mull", "mulq", "div", "divl", "divq", "idiv", "idivl", "idivq") or \
                (m.startswith("imul") and len(ops) == 1):
            if inputs_secret or "rax" in secret:
                secret.update({"rax", "rdx"})
    elif dest is not None and dest.slot is not None and len(ops) >= 2:
        # A store to a stack slot (a spill), or read-modify-write of one.
        units = dest.slot_units(operand_size(insn))
        if not PURE_MOVES.match(m) and any(u in secret for u in units):
            inputs_secret = True
        for u in units:
            if inputs_secret:
                secret.add(u)
            else:
                secret.discard(u)
    if mb in FLAG_SETTERS:
        flags, setter = inputs_secret or (dest is not None and dest.reg in secret), insn.raw
    return State(frozenset(secret), flags, setter), None


def analyse_function(insns):
    """Returns (branches, findings): branches = [(insn, secret_flags, setter)]."""
    if not insns:
        return [], []
    index = {ins.addr: i for i, ins in enumerate(insns)}
    starts = {0}
    for i, ins in enumerate(insns):
        if COND_JUMPS.match(ins.mnem) or ins.mnem in ("jmp", "ret"):
            if i + 1 < len(insns):
                starts.add(i + 1)
            if ins.target in index:
                starts.add(index[ins.target])
            for t in ins.table_targets or ():
                if t in index:
                    starts.add(index[t])
    starts = sorted(starts)
    block_of = {}
    blocks = []
    for b, s in enumerate(starts):
        e = starts[b + 1] if b + 1 < len(starts) else len(insns)
        blocks.append((s, e))
        block_of[s] = b

    direct = set()
    for b, (s, e) in enumerate(blocks):
        last = insns[e - 1]
        if last.target in index:
            direct.add(block_of[index[last.target]])
        for t in last.table_targets or ():
            if t in index:
                direct.add(block_of[index[t]])
        if e < len(insns) and last.mnem not in ("jmp", "ret"):
            direct.add(block_of[e])
    # An indirect jump (a switch's jump table) goes to blocks that nothing
    # else reaches directly, except alignment padding (blocks of nops that
    # only fall through to a loop head).
    table_targets = [b for b in range(1, len(blocks))
                     if b not in direct and not insns[blocks[b][0]].mnem.startswith(("nop", "xchg", "data16"))]

    def successors(b):
        s, e = blocks[b]
        last = insns[e - 1]
        out = []
        if last.mnem == "ret" or (last.mnem == "jmp" and last.external):
            return out
        if last.mnem == "jmp":
            if last.target in index:
                out.append(block_of[index[last.target]])
            elif last.table_targets is not None:  # a switch's jump table, resolved
                out.extend(block_of[index[t]] for t in last.table_targets if t in index)
            elif last.target is None:  # unresolved indirect jump
                out.extend(table_targets)
            return out
        if COND_JUMPS.match(last.mnem) and last.target in index:
            out.append(block_of[index[last.target]])
        if e < len(insns):
            out.append(block_of[e])
        return out

    state_in = {0: State()}
    work = [0]
    while work:
        b = work.pop()
        st = state_in[b]
        s, e = blocks[b]
        for i in range(s, e):
            st, _ = transfer(insns[i], st, [])
        for nb in successors(b):
            old = state_in.get(nb)
            if old is None:
                new = st
            else:
                new = State(old.secret | st.secret, old.flags or st.flags,
                            old.setter if old.setter == st.setter else old.setter + " | " + st.setter)
            if old is None or new.key() != old.key():
                state_in[nb] = new
                work.append(nb)

    branches, findings = [], []
    for b, (s, e) in enumerate(blocks):
        st = state_in.get(b)
        if st is None:  # unreachable from the entry (e.g. only reached from a .cold part)
            st = State()
        for i in range(s, e):
            st, br = transfer(insns[i], st, findings)
            if br is not None:
                branches.append((insns[i], br[1], br[2]))
    return branches, findings


# ---- listing and check ----------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--objdump", default="objdump")
    ap.add_argument("--listing", required=True)
    ap.add_argument("--expected", default="")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--compiler", default="")
    ap.add_argument("--control", action="store_true",
                    help="negative control: every function must be flagged (no --expected needed)")
    ap.add_argument("objects", nargs="+")
    args = ap.parse_args()

    rows = []  # (object, function, branches, data_branches, secret_addresses, gpr_loads)
    lines = []
    for path in args.objects:
        obj = os.path.basename(path)
        lines.append("== %s" % obj)
        for name, insns in disassemble(args.objdump, path):
            branches, findings = analyse_function(insns)
            data = sum(1 for _, sec, _ in branches if sec)
            addr = sum(1 for kind, _ in findings if kind in ("secret-address", "secret-indirect-jump"))
            loads = sum(1 for kind, _ in findings if kind == "gpr-load")
            rows.append((obj, name, len(branches), data, addr, loads))
            lines.append("%s: %d instructions, %d conditional branches, %d data-derived, %d secret addresses, "
                         "%d general-register loads" % (name, len(insns), len(branches), data, addr, loads))
            for ins, sec, setter in branches:
                lines.append("    %6x: %-7s %-8s <- %s%s" % (ins.addr, ins.mnem,
                             ("%x" % ins.target) if ins.target is not None else "",
                             setter, "   ** DATA-DERIVED **" if sec else ""))
            for kind, ins in findings:
                if kind == "gpr-load":
                    lines.append("    %6x: %-40s (general-register load, assumed public)" % (ins.addr, ins.raw))
                else:
                    lines.append("    %6x: %s  ** %s **" % (ins.addr, ins.raw, kind.upper()))
    with open(args.listing, "w") as f:
        f.write("# asm_branches listing %s\n" % args.compiler)
        f.write("\n".join(lines) + "\n")

    if args.control:
        missed = [r for r in rows if r[3] == 0 and r[4] == 0]
        for r in rows:
            print("%-4s control %s: %d data-derived branches, %d secret addresses"
                  % ("FAIL" if r in missed else "ok", r[1], r[3], r[4]))
        print("asm_branches control: %d of %d leaky functions flagged" % (len(rows) - len(missed), len(rows)))
        return 1 if missed or not rows else 0
    if not args.expected:
        ap.error("--expected is required")

    def fmt(r):
        return "%-18s %-32s branches=%-3d data=%d secret-addr=%d gpr-loads=%d" % r

    if args.update:
        old_notes = {}
        if os.path.exists(args.expected):
            for line in open(args.expected):
                if line.strip() and not line.startswith("#") and "#" in line:
                    k = tuple(line.split()[:2])
                    old_notes[k] = line[line.index("#"):].rstrip("\n")
        with open(args.expected, "w") as f:
            f.write("# Reviewed conditional branches per function (tests/ct/asm_branches.py; %s).\n"
                    % (args.compiler or "compiler"))
            f.write("# Regenerate with `make ct-branches-update`, review the listing, commit.\n")
            f.write("# A nonzero data= or secret-addr= must carry a '# reason' comment.\n")
            for r in rows:
                note = old_notes.get((r[0], r[1]), "")
                f.write(fmt(r) + ("  " + note if note else "") + "\n")
        print("asm_branches: wrote %s (%d functions)" % (args.expected, len(rows)))
        return 0

    if not os.path.exists(args.expected):
        print("FAIL asm_branches: no reviewed listing %s for this compiler; run `make ct-branches-update`,"
              " review %s and commit it" % (args.expected, args.listing))
        return 1
    expected = {}
    accepted = {}
    for line in open(args.expected):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        vals = dict(p.split("=", 1) for p in parts[2:6])
        expected[(parts[0], parts[1])] = (int(vals["branches"]), int(vals["data"]), int(vals["secret-addr"]),
                                          int(vals["gpr-loads"]))
        accepted[(parts[0], parts[1])] = "#" in line
    bad = 0
    seen = set()
    for obj, name, nb, nd, na, nl in rows:
        k = (obj, name)
        seen.add(k)
        exp = expected.get(k)
        if exp is None:
            print("FAIL %s %s: not in the reviewed listing (%d branches, %d data-derived)" % (obj, name, nb, nd))
            bad += 1
        elif exp != (nb, nd, na, nl):
            print("FAIL %s %s: branches/data/secret-addr/gpr-loads %d/%d/%d/%d, reviewed %d/%d/%d/%d"
                  % ((obj, name, nb, nd, na, nl) + exp))
            bad += 1
        elif (nd or na) and not accepted[k]:
            print("FAIL %s %s: %d data-derived branches, %d secret addresses, with no reason in %s"
                  % (obj, name, nd, na, args.expected))
            bad += 1
    for k in expected:
        if k not in seen:
            print("FAIL %s %s: reviewed but no longer built" % k)
            bad += 1
    total = sum(r[2] for r in rows)
    print("asm_branches: %d functions, %d conditional branches, %d data-derived, %d secret addresses; "
          "listing in %s" % (len(rows), total, sum(r[3] for r in rows), sum(r[4] for r in rows), args.listing))
    if bad:
        print("asm_branches: %d functions differ from %s: review the listing, then `make ct-branches-update`"
              % (bad, args.expected))
        return 1
    print("asm_branches: every function as reviewed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
