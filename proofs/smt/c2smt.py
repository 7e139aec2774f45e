#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 OR MIT
"""
Translates straight-line C functions of vxts's source into SMT-LIB2 QF_BV
terms, so that the queries of gen.py are about the C text itself.

The subset understood is exactly what the tweak functions use; anything else
stops the translation with an error that names the construct (CError):

- the preprocessor: object- and function-like #defines (expanded as cpp does,
  no # or ##), #include "x.h" of a neighbouring header, #if/#ifdef/#ifndef
  with defined(), !, &&, || over the configuration CONFIG (x86-64 gcc, not
  Frama-C); a definition under any other condition is an error;
- a function definition `[static inline ...] TYPE name(PARAMS) { BODY }` or a
  function-like macro whose expansion is an expression;
- types uint64_t, uint32_t, int, unsigned, __m128i, __m256i, __m512i (and
  casts to _MM_PERM_ENUM, an int); parameters by value, `T *p` (one object)
  and `T a[N]` (N objects) as in/out; distinct pointer parameters are
  distinct objects;
- statements: declarations with or without initialiser, `x = e;`, `x op= e;`,
  `return e;` as the last statement; no loops or branches (none needed);
- expressions: + - * / % << >> & | ^ ~ ! unary -, comparisons, && ||, ?:,
  casts, *p, a[constant], calls to intrinsics (a model from gen.py of the same
  name without the leading underscore; no model: error) and to other functions
  or macros of the same files (inlined).

Integer arithmetic follows C on LP64 (gcc): the usual arithmetic conversions,
unsigned wrap-around, signed overflow and shifts by a negative count or by the
width or more are errors, not modelled (so they can never be assumed away).

The bitwise ops ^ & | ~ on vector types are GCC's vector extension (lane-free).
"""
import os
import re


class CError(Exception):
    pass


# ---- integer types (LP64) -----------------------------------------------------------------
# name -> (bits, signed, rank)
INT_TYPES = {
    "int": (32, True, 1), "unsigned": (32, False, 1),
    "long": (64, True, 2), "unsigned long": (64, False, 2),
}
VEC_TYPES = {"__m128i": 128, "__m256i": 256, "__m512i": 512}
TYPE_NAMES = {
    "uint64_t": "unsigned long", "uint32_t": "unsigned", "int": "int", "unsigned": "unsigned",
    "unsigned int": "unsigned", "long": "long", "unsigned long": "unsigned long",
    "int64_t": "long", "long long": "long", "unsigned long long": "unsigned long",
    "_MM_PERM_ENUM": "int",
    "__m128i": "__m128i", "__m256i": "__m256i", "__m512i": "__m512i", "void": "void",
}
# The configuration the functions are read under (cpp's answer to defined(X)).
CONFIG = {"__x86_64__": True, "__GNUC__": True, "__clang__": False, "__FRAMAC__": False}


def bits_of(ty):
    if ty in INT_TYPES:
        return INT_TYPES[ty][0]
    if ty in VEC_TYPES:
        return VEC_TYPES[ty]
    raise CError("no bit width for type %s" % ty)


def bv(v, bits):
    return "(_ bv%d %d)" % (v % (1 << bits), bits)


class Val:
    """A C value: its type and either a Python int (a constant, in range) or an SMT term."""

    def __init__(self, ty, term=None, const=None):
        self.ty, self.c, self._term = ty, const, term

    @property
    def term(self):
        return bv(self.c, bits_of(self.ty)) if self.c is not None else self._term

    def is_int(self):
        return self.ty in INT_TYPES


def wrap(v, ty):
    b, s, _ = INT_TYPES[ty]
    v %= 1 << b
    return v - (1 << b) if s and v >> (b - 1) else v


def in_range(v, ty):
    b, s, _ = INT_TYPES[ty]
    return (-(1 << (b - 1)) <= v < (1 << (b - 1))) if s else (0 <= v < (1 << b))


def convert(v, ty):
    """C conversion of integer value v to integer type ty (gcc: modulo 2^N)."""
    if v.ty == ty:
        return v
    if not v.is_int() or ty not in INT_TYPES:
        raise CError("conversion from %s to %s" % (v.ty, ty))
    if v.c is not None:
        return Val(ty, const=wrap(v.c, ty))
    fb, fs, _ = INT_TYPES[v.ty]
    tb = INT_TYPES[ty][0]
    if tb == fb:
        return Val(ty, v.term)
    if tb < fb:
        return Val(ty, "((_ extract %d 0) %s)" % (tb - 1, v.term))
    return Val(ty, "((_ %s %d) %s)" % ("sign_extend" if fs else "zero_extend", tb - fb, v.term))


def promote(v):
    if not v.is_int():
        raise CError("integer operation on %s" % v.ty)
    return v  # no integer type narrower than int is in the subset


def common_type(a, b):
    """The usual arithmetic conversions (C11 6.3.1.8) on promoted types."""
    if a == b:
        return a
    _, asg, ar = INT_TYPES[a]
    _, bsg, br = INT_TYPES[b]
    if asg == bsg:
        return a if ar >= br else b
    u, s = (a, b) if not asg else (b, a)
    if INT_TYPES[u][2] >= INT_TYPES[s][2]:
        return u
    if INT_TYPES[s][0] > INT_TYPES[u][0]:
        return s
    return {"long": "unsigned long", "int": "unsigned"}[s]


# ---- tokens ---------------------------------------------------------------------------------

TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<num>0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*)
  | (?P<id>[A-Za-z_]\w*)
  | (?P<str>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')
  | (?P<op><<=|>>=|\.\.\.|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|[-+*/%&|^~!<>=?:;,.(){}\[\]#])
""", re.X)


class Tok:
    def __init__(self, kind, text, line):
        self.kind, self.text, self.line = kind, text, line

    def __repr__(self):
        return self.text


def tokenize(text, line0=1):
    out, pos, line = [], 0, line0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise CError("line %d: cannot tokenize %r" % (line, text[pos:pos + 20]))
        k = m.lastgroup
        if k != "ws":
            out.append(Tok(k, m.group(), line))
        line += m.group().count("\n")
        pos = m.end()
    return out


def strip_comments(text):
    """Comments become spaces (newlines kept, so line numbers stay)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise CError("unterminated comment")
            out.append(re.sub(r"[^\n]", " ", text[i:j + 2]))
            i = j + 2
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


# ---- one source file: its macros, its functions ----------------------------------------------

class Macro:
    def __init__(self, name, params, body, conds, where):
        self.name, self.params, self.body, self.conds, self.where = name, params, body, conds, where


class Source:
    def __init__(self, path):
        self.path = path
        self.macros = {}      # name -> [Macro]
        self.undefs = set()
        self.includes = []
        self.code = []        # tokens outside directives
        self.line_conds = {}  # line -> the conditions in force
        text = strip_comments(open(path).read())
        lines = text.split("\n")
        conds = []  # stack of lists of (condition text, polarity)
        i = 0
        code_lines = []
        while i < len(lines):
            ln, start = lines[i], i + 1
            while ln.endswith("\\") and i + 1 < len(lines):
                i += 1
                ln = ln[:-1] + " " + lines[i]
            i += 1
            s = ln.strip()
            if s.startswith("#"):
                code_lines.append("")
                self._directive(s[1:].strip(), conds, start)
                code_lines.extend([""] * (i - start))
            else:
                code_lines.append(ln)
                code_lines.extend([""] * (i - start))
                for k in range(start, i + 1):
                    self.line_conds[k] = [c for level in conds for c in level]
        self.code = tokenize("\n".join(code_lines))

    def _directive(self, d, conds, line):
        m = re.match(r"(\w+)\s*(.*)", d)
        if not m:
            return
        kw, rest = m.group(1), m.group(2).strip()
        if kw in ("if", "ifdef", "ifndef"):
            c = {"if": rest, "ifdef": "defined(%s)" % rest, "ifndef": "!defined(%s)" % rest}[kw]
            conds.append([(c, True)])
        elif kw == "elif":
            conds[-1] = [(c, False) for c, _ in conds[-1]] + [(rest, True)]
        elif kw == "else":
            conds[-1] = [(c, False) for c, _ in conds[-1]]
        elif kw == "endif":
            conds.pop()
        elif kw == "define":
            m = re.match(r"(\w+)(\(([^)]*)\))?\s*(.*)", rest)
            name, params, body = m.group(1), m.group(3), m.group(4)
            ps = None if m.group(2) is None else [p.strip() for p in params.split(",") if p.strip()]
            self.macros.setdefault(name, []).append(
                Macro(name, ps, tokenize(body, line), [c for level in conds for c in level],
                      "%s:%d" % (self.path, line)))
        elif kw == "undef":
            self.undefs.add(rest)
        elif kw == "include":
            m = re.match(r'"([^"]+)"', rest)
            if m:
                self.includes.append(os.path.join(os.path.dirname(self.path), m.group(1)))

    def active(self, conds, what):
        for c, pol in conds:
            if eval_cond(c, what) != pol:
                return False
        return True


def eval_cond(c, what):
    """#if condition over CONFIG: defined(X), defined X, !, &&, ||, parentheses."""
    expr = re.sub(r"defined\s*\(\s*(\w+)\s*\)|defined\s+(\w+)",
                  lambda m: " D_%s " % (m.group(1) or m.group(2)), c)
    toks = re.findall(r"D_\w+|&&|\|\||!|\(|\)|\S+", expr)
    py = []
    for t in toks:
        if t.startswith("D_"):
            name = t[2:]
            if name not in CONFIG:
                if name.startswith("VXTS_") and name.endswith("_H"):  # an include guard: not yet defined
                    py.append("False")
                    continue
                raise CError("%s: preprocessor condition on %s, not in CONFIG" % (what, name))
            py.append(str(CONFIG[name]))
        elif t in ("&&", "||", "!", "(", ")"):
            py.append({"&&": " and ", "||": " or ", "!": " not "}.get(t, t))
        else:
            raise CError("%s: preprocessor condition %r not understood" % (what, c))
    return eval("".join(py))


class FuncDef:
    def __init__(self, name, ret, params, body, line):
        self.name, self.ret, self.params, self.body, self.line = name, ret, params, body, line


def parse_type(words, what):
    ws = [w for w in words if w not in ("const", "static", "inline")]
    key = " ".join(ws)
    if key not in TYPE_NAMES:
        raise CError("%s: type %r not in the subset" % (what, key))
    return TYPE_NAMES[key]


class Program:
    """The source files read so far; looks up functions and macros by name."""

    def __init__(self, root):
        self.root = root
        self.sources = {}

    def source(self, path):
        path = os.path.normpath(path)
        if path not in self.sources:
            self.sources[path] = Source(path)
        return self.sources[path]

    def scope(self, path):
        """The file and the headers it includes (transitively), file first."""
        seen, order, todo = set(), [], [os.path.join(self.root, path)]
        while todo:
            p = os.path.normpath(todo.pop(0))
            if p in seen or not os.path.exists(p):
                continue
            seen.add(p)
            s = self.source(p)
            order.append(s)
            todo.extend(s.includes)
        return order

    def macro(self, path, name):
        found = []
        for s in self.scope(path):
            if name in s.undefs:
                raise CError("macro %s is #undef'd in %s: not supported" % (name, s.path))
            for m in s.macros.get(name, []):
                if s.active(m.conds, m.where):
                    found.append(m)
        if len(found) > 1:
            raise CError("macro %s: %d active definitions (%s)" % (name, len(found),
                                                                   ", ".join(m.where for m in found)))
        return found[0] if found else None

    def function(self, path, name):
        found = []
        for s in self.scope(path):
            toks = s.code
            for i, t in enumerate(toks):
                if t.kind != "id" or t.text != name or i + 1 >= len(toks) or toks[i + 1].text != "(":
                    continue
                if i == 0 or toks[i - 1].kind != "id" and toks[i - 1].text != "*":
                    continue  # a call, not a definition
                j, depth = i + 1, 0
                while True:
                    depth += {"(": 1, ")": -1}.get(toks[j].text, 0)
                    if depth == 0:
                        break
                    j += 1
                if j + 1 >= len(toks) or toks[j + 1].text != "{":
                    continue  # a prototype
                where = "%s:%d" % (s.path, t.line)
                if not s.active(s.line_conds.get(t.line, []), where):
                    continue
                k = i - 1  # the return type and qualifiers: back to the previous ; } or )
                while k >= 0 and toks[k].text not in (";", "}", ")"):
                    k -= 1
                head = [x.text for x in toks[k + 1:i]]
                head = [w for w in head if w not in ("ALWAYS_INLINE", "static", "inline")]
                ret = parse_type(head, where)
                params = self._params(toks[i + 2:j], where)
                b, depth = j + 1, 0
                while True:
                    depth += {"{": 1, "}": -1}.get(toks[b].text, 0)
                    if depth == 0:
                        break
                    b += 1
                found.append(FuncDef(name, ret, params, toks[j + 2:b], where))
        if len(found) > 1:
            raise CError("function %s: %d definitions (%s)" % (name, len(found),
                                                               ", ".join(f.line for f in found)))
        return found[0] if found else None

    @staticmethod
    def _params(toks, where):
        if [t.text for t in toks] in ([], ["void"]):
            return []
        params, cur = [], []
        for t in toks + [Tok("op", ",", 0)]:
            if t.text != ",":
                cur.append(t)
                continue
            words = [x.text for x in cur]
            const = "const" in words
            if "[" in words:  # T name[N]
                k = words.index("[")
                if words[k + 2:] != ["]"] or not re.fullmatch(r"\d+", words[k + 1]):
                    raise CError("%s: parameter %s not understood" % (where, " ".join(words)))
                params.append((parse_type(words[:k - 1], where), words[k - 1], "array",
                               int(words[k + 1]), const))
            elif "*" in words:  # T *name
                k = words.index("*")
                if k != len(words) - 2:
                    raise CError("%s: parameter %s not understood" % (where, " ".join(words)))
                params.append((parse_type(words[:k], where), words[-1], "array", 1, const))
            else:
                params.append((parse_type(words[:-1], where), words[-1], "value", 1, const))
            cur = []
        return params


# ---- macro expansion (cpp's rescanning, with hide sets) ----------------------------------------

def expand(prog, path, toks, hide=frozenset()):
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        m = prog.macro(path, t.text) if t.kind == "id" and t.text not in hide else None
        if m is None:
            out.append(t)
            i += 1
            continue
        if any(b.text == "#" for b in m.body):
            raise CError("%s: # or ## in macro %s: not supported" % (m.where, m.name))
        if m.params is None:
            out.extend(expand(prog, path, m.body, hide | {m.name}))
            i += 1
            continue
        if i + 1 >= len(toks) or toks[i + 1].text != "(":
            out.append(t)
            i += 1
            continue
        args, cur, depth, j = [], [], 0, i + 2
        while True:
            x = toks[j]
            if x.text == ")" and depth == 0:
                break
            if x.text == "," and depth == 0:
                args.append(cur)
                cur = []
            else:
                depth += {"(": 1, ")": -1}.get(x.text, 0)
                cur.append(x)
            j += 1
        args.append(cur)
        if len(args) != len(m.params) and not (m.params == [] and args == [[]]):
            raise CError("%s: macro %s takes %d arguments, given %d" % (m.where, m.name, len(m.params), len(args)))
        argx = [expand(prog, path, a, hide) for a in args]
        body = []
        for b in m.body:
            body.extend(argx[m.params.index(b.text)] if b.kind == "id" and b.text in m.params else [b])
        out.extend(expand(prog, path, body, hide | {m.name}))
        i = j + 1
    return out


# ---- the translator ------------------------------------------------------------------------------

class Cell:
    """A variable or one object behind a pointer/array parameter."""

    def __init__(self, ty, val=None, const=False):
        self.ty, self.val, self.const = ty, val, const


class Translation:
    """The result: per output (None = the return value), a term over the parameters."""

    def __init__(self, prefix, where, params, lets, outputs, intrinsics):
        self.prefix, self.where, self.params, self.intrinsics = prefix, where, params, intrinsics
        self.body, self.bits = {}, {}
        for oname, v in outputs:
            body = v.term
            for n, e in reversed(lets):
                body = "(let ((%s %s)) %s)" % (n, e, body)
            self.body[oname], self.bits[oname] = body, bits_of(v.ty)

    def call(self, out, *args):
        """Output `out` applied to the SMT terms args: the parameters let-bound around the
        body. (Not a define-fun with parameters: z3 4.8 is far slower on those.)"""
        if len(args) != len(self.params):
            raise CError("%s takes %d arguments" % (self.prefix, len(self.params)))
        if not args:
            return self.body[out]
        return "(let (%s) %s)" % (" ".join("(%s %s)" % (p, a) for (p, _), a in zip(self.params, args)),
                                  self.body[out])


class Translator:
    """models: intrinsic name without its leading underscore -> (result type, [argument kinds], fn).
    Argument kinds: a vector type name (a term of that width is passed), 'imm', 'mask8',
    'mask16' (a constant in the C: a Python int is passed), or an integer type (the converted
    value's term is passed)."""

    def __init__(self, root, models):
        self.prog = Program(root)
        self.models = models
        self.used = set()
        self.done = {}  # prefix -> the Translation of the unchanged C

    def translate(self, path, name, prefix, args=None, mutate=None):
        """Translate function or function-like macro `name` of file `path` (relative to root).
        args: parameter name -> an int (fixed constant) or, for macro parameters, a type
        name (a symbolic parameter of that type). mutate: (function or macro name, token
        text, occurrence index, replacement text), applied to that body's tokens before
        translation; the token must be there."""
        self.lets, self.n, self.mutate, self.mutated = [], 0, mutate, False
        self.intrinsics = set()
        args = args or {}
        self.path = path
        params, env, outs = [], {}, []
        f = self.prog.function(path, name)
        m = None
        if f is not None:
            for ty, pn, kind, n, const in f.params:
                if pn in args:
                    if kind != "value" or not isinstance(args[pn], int):
                        raise CError("%s: only a value parameter can be fixed" % pn)
                    env[pn] = Cell(ty, Val(ty, const=args[pn]), True)
                    continue
                if kind == "value":
                    params.append((pn, bits_of(ty)))
                    env[pn] = Cell(ty, Val(ty, pn), False)
                else:
                    cells = []
                    for k in range(n):
                        sym = pn if n == 1 else "%s%d" % (pn, k)
                        params.append((sym, bits_of(ty)))
                        cells.append(Cell(ty, Val(ty, sym), const))
                        if not const:
                            outs.append((sym, cells[-1]))
                    env[pn] = cells
            ret = self.call_function(f, env)
            outputs = ([(None, ret)] if f.ret != "void" else []) + [(o, c.val) for o, c in outs]
        else:
            m = self.prog.macro(path, name)
            if m is None or m.params is None:
                raise CError("%s: no function or function-like macro %s" % (path, name))
            scope = {}
            actual = []
            for pn in m.params:
                a = args.get(pn)
                if isinstance(a, int):
                    actual.append([Tok("num", str(a), 0)])
                elif a in TYPE_NAMES:
                    sym = "%s.arg" % pn
                    params.append((pn, bits_of(TYPE_NAMES[a])))
                    scope[sym] = Cell(TYPE_NAMES[a], Val(TYPE_NAMES[a], pn), True)
                    actual.append([Tok("id", sym, 0)])
                else:
                    raise CError("macro %s: give parameter %s a type or a constant" % (name, pn))
            body = self.mutated_body(name, m.body)
            toks = expand(self.prog, path, body, frozenset({name}))
            subst = []
            for b in toks:
                subst.extend(actual[m.params.index(b.text)] if b.kind == "id" and b.text in m.params else [b])
            ret = self.expr_all(subst, scope, "macro " + name)
            outputs = [(None, ret)]
        if mutate is not None and not self.mutated:
            raise CError("mutation %r: %s not translated" % (mutate, mutate[0]))
        self.used |= self.intrinsics
        where = f.line if f is not None else m.where
        tr = Translation(prefix, where, params, list(self.lets), outputs, sorted(self.intrinsics))
        if mutate is None:
            self.done[prefix] = tr
        return tr

    def mutated_body(self, name, toks):
        if self.mutate is None or self.mutate[0] != name:
            return toks
        _, old, occ, new = self.mutate
        hits = [i for i, t in enumerate(toks) if t.text == old]
        if occ >= len(hits):
            raise CError("mutation %r: %s has only %d tokens %r" % (self.mutate, name, len(hits), old))
        self.mutated = True
        t = toks[hits[occ]]
        nt = tokenize(new, t.line)
        return toks[:hits[occ]] + nt + toks[hits[occ] + 1:]

    def bind(self, v, hint):
        """A let for a non-constant value (shares the term)."""
        if v.c is not None:
            return v
        self.n += 1
        sym = "%s.%d" % (re.sub(r"\W", "_", hint), self.n)
        self.lets.append((sym, v.term))
        return Val(v.ty, sym)

    # -- statements

    def call_function(self, f, env):
        body = expand(self.prog, self.path, self.mutated_body(f.name, f.body), frozenset({f.name}))
        where = f.line
        stmts, cur, depth = [], [], 0
        for t in body:
            if t.text in ("{", "}"):
                raise CError("%s: nested block in %s (only straight-line code)" % (where, f.name))
            depth += {"(": 1, ")": -1}.get(t.text, 0)
            if t.text == ";" and depth == 0:
                stmts.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            raise CError("%s: statement without ';'" % where)
        ret = None
        for k, s in enumerate(stmts):
            w = "%s (line %d)" % (f.name, s[0].line if s else 0)
            if not s:
                continue
            head = s[0].text
            if head in ("if", "for", "while", "do", "switch", "goto", "break", "continue"):
                raise CError("%s: `%s` not supported (straight-line code only)" % (w, head))
            if head == "return":
                if k != len(stmts) - 1:
                    raise CError("%s: return before the end" % w)
                if f.ret == "void":
                    if len(s) != 1:
                        raise CError("%s: void function returns a value" % w)
                else:
                    ret = self.as_type(self.expr_all(s[1:], env, w), f.ret, w)
                continue
            if self.is_decl(s):
                self.declaration(s, env, w)
                continue
            self.assignment(s, env, w)
        if f.ret != "void" and ret is None:
            raise CError("%s: no return" % f.name)
        return ret

    def is_decl(self, s):
        return s[0].text == "const" or (s[0].kind == "id" and s[0].text in TYPE_NAMES and
                                        not (len(s) > 1 and s[1].text == "("))

    def declaration(self, s, env, w):
        i, words = 0, []
        while i < len(s) and s[i].kind == "id" and (s[i].text in TYPE_NAMES or s[i].text == "const"):
            words.append(s[i].text)
            i += 1
        ty = parse_type(words, w)
        parts, cur, depth = [], [], 0
        for t in s[i:]:
            depth += {"(": 1, ")": -1}.get(t.text, 0)
            if t.text == "," and depth == 0:
                parts.append(cur)
                cur = []
            else:
                cur.append(t)
        parts.append(cur)
        for p in parts:
            if not p or p[0].kind != "id":
                raise CError("%s: declaration not understood" % w)
            name = p[0].text
            if name in env:
                raise CError("%s: %s declared twice (shadowing not supported)" % (w, name))
            if len(p) == 1:
                env[name] = Cell(ty, None, "const" in words)
            elif p[1].text == "=":
                v = self.as_type(self.expr_all(p[2:], env, w), ty, w)
                env[name] = Cell(ty, self.bind(v, name), "const" in words)
            else:
                raise CError("%s: declarator %s not understood" % (w, " ".join(t.text for t in p)))

    def assignment(self, s, env, w):
        ops = ("=", "^=", "&=", "|=", "+=", "-=", "*=", "<<=", ">>=")
        depth, k = 0, None
        for i, t in enumerate(s):
            depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(t.text, 0)
            if depth == 0 and t.text in ops:
                k = i
                break
        if k is None:
            raise CError("%s: expression statement that is not an assignment" % w)
        cell, lname = self.lvalue(s[:k], env, w)
        if cell.const:
            raise CError("%s: assignment to a const object %s" % (w, lname))
        rhs = self.expr_all(s[k + 1:], env, w)
        op = s[k].text
        if op != "=":
            if cell.val is None:
                raise CError("%s: %s read before it is set" % (w, lname))
            rhs = self.binop(op[:-1], cell.val, rhs, w)
        cell.val = self.bind(self.as_type(rhs, cell.ty, w), lname)

    def lvalue(self, toks, env, w):
        txt = [t.text for t in toks]
        if len(toks) == 1 and toks[0].kind == "id":
            c = env.get(toks[0].text)
            if isinstance(c, Cell):
                return c, txt[0]
        if len(toks) == 2 and txt[0] == "*" and isinstance(env.get(txt[1]), list):
            return env[txt[1]][0], "*" + txt[1]
        if len(toks) >= 4 and txt[1] == "[" and txt[-1] == "]" and isinstance(env.get(txt[0]), list):
            idx = self.expr_all(toks[2:-1], env, w)
            if idx.c is None or not 0 <= idx.c < len(env[txt[0]]):
                raise CError("%s: index of %s not a constant within bounds" % (w, txt[0]))
            return env[txt[0]][idx.c], "%s%d" % (txt[0], idx.c)
        raise CError("%s: assignment target %s not understood" % (w, " ".join(txt)))

    def as_type(self, v, ty, w):
        """Assignment/argument/return conversion."""
        if isinstance(v, list):
            raise CError("%s: an array used as a value" % w)
        if v.ty == ty:
            return v
        if v.is_int() and ty in INT_TYPES:
            return convert(v, ty)
        raise CError("%s: a %s used as a %s" % (w, v.ty, ty))

    # -- expressions (precedence climbing)

    BIN = [("||",), ("&&",), ("|",), ("^",), ("&",), ("==", "!="), ("<", ">", "<=", ">="),
           ("<<", ">>"), ("+", "-"), ("*", "/", "%")]

    def expr_all(self, toks, env, w):
        self.toks, self.pos, self.env, self.w = toks, 0, env, w
        v = self.ternary()
        if self.pos != len(self.toks):
            raise CError("%s: unexpected %r in expression" % (w, self.toks[self.pos].text))
        return v

    def peek(self):
        return self.toks[self.pos].text if self.pos < len(self.toks) else None

    def take(self, want=None):
        if self.pos >= len(self.toks):
            raise CError("%s: expression ends early" % self.w)
        t = self.toks[self.pos]
        if want is not None and t.text != want:
            raise CError("%s: expected %r, found %r" % (self.w, want, t.text))
        self.pos += 1
        return t

    def ternary(self):
        c = self.binary(0)
        if self.peek() != "?":
            return c
        self.take("?")
        a = self.ternary()
        self.take(":")
        b = self.ternary()
        cz = self.truth(c)
        if a.is_int() and b.is_int():
            ty = common_type(a.ty, b.ty)
            a, b = convert(a, ty), convert(b, ty)
        elif a.ty != b.ty:
            raise CError("%s: ?: of %s and %s" % (self.w, a.ty, b.ty))
        if cz.c is not None:
            return a if cz.c else b
        return Val(a.ty, "(ite %s %s %s)" % (cz.term, a.term, b.term))

    def truth(self, v):
        """v != 0 as an SMT Bool term, or a Val with .c 0/1 when constant."""
        if not v.is_int():
            raise CError("%s: a %s used as a condition" % (self.w, v.ty))
        if v.c is not None:
            return Val("int", const=int(v.c != 0))
        return Val("bool", "(not (= %s %s))" % (v.term, bv(0, bits_of(v.ty))))

    def binary(self, level):
        if level == len(self.BIN):
            return self.unary()
        v = self.binary(level + 1)
        while self.peek() in self.BIN[level]:
            op = self.take().text
            r = self.binary(level + 1)
            v = self.binop(op, v, r, self.w)
        return v

    def binop(self, op, a, b, w):
        if isinstance(a, list) or isinstance(b, list):
            raise CError("%s: an array used as a value" % w)
        if not a.is_int() or not b.is_int():
            if op in ("^", "&", "|") and a.ty == b.ty and a.ty in VEC_TYPES:
                return Val(a.ty, "(%s %s %s)" % ({"^": "bvxor", "&": "bvand", "|": "bvor"}[op], a.term, b.term))
            raise CError("%s: %s %s %s not in the subset" % (w, a.ty, op, b.ty))
        if op in ("&&", "||"):
            ta, tb = self.truth(a), self.truth(b)
            if ta.c is not None and tb.c is not None:
                return Val("int", const=int(ta.c and tb.c) if op == "&&" else int(ta.c or tb.c))
            f = lambda t: "true" if t.c == 1 else "false" if t.c == 0 else t.term
            return Val("int", "(ite (%s %s %s) %s %s)" % ("and" if op == "&&" else "or", f(ta), f(tb),
                                                          bv(1, 32), bv(0, 32)))
        if op in ("<<", ">>"):
            a, b = promote(a), promote(b)
            bits, signed, _ = INT_TYPES[a.ty]
            if b.c is None or not 0 <= b.c < bits:
                raise CError("%s: shift count %s (must be a constant 0..%d)" % (w, b.term, bits - 1))
            if a.c is not None:
                if op == "<<":
                    r = a.c << b.c
                    if signed and (a.c < 0 or not in_range(r, a.ty)):
                        raise CError("%s: signed left shift overflows" % w)
                    return Val(a.ty, const=wrap(r, a.ty))
                return Val(a.ty, const=a.c >> b.c)
            if op == "<<" and signed:
                raise CError("%s: left shift of a non-constant signed value" % w)
            fn = "bvshl" if op == "<<" else ("bvashr" if signed else "bvlshr")
            return Val(a.ty, "(%s %s %s)" % (fn, a.term, bv(b.c, bits)))
        ty = common_type(promote(a).ty, promote(b).ty)
        a, b = convert(a, ty), convert(b, ty)
        bits, signed, _ = INT_TYPES[ty]
        if op in ("==", "!=", "<", ">", "<=", ">="):
            if a.c is not None and b.c is not None:
                return Val("int", const=int(eval("%d %s %d" % (a.c, op, b.c))))
            pre = "bvs" if signed else "bvu"
            rel = {"==": "=", "!=": "distinct", "<": pre + "lt", ">": pre + "gt", "<=": pre + "le",
                   ">=": pre + "ge"}[op]
            return Val("int", "(ite (%s %s %s) %s %s)" % (rel, a.term, b.term, bv(1, 32), bv(0, 32)))
        if a.c is not None and b.c is not None:
            if op in ("/", "%") and b.c == 0:
                raise CError("%s: division by zero" % w)
            r = {"+": a.c + b.c, "-": a.c - b.c, "*": a.c * b.c, "&": a.c & b.c, "|": a.c | b.c,
                 "^": a.c ^ b.c,
                 "/": abs(a.c) // abs(b.c) * (1 if (a.c >= 0) == (b.c > 0) else -1) if b.c else 0,
                 "%": 0}[op]
            if op == "%":
                r = a.c - b.c * (abs(a.c) // abs(b.c) * (1 if (a.c >= 0) == (b.c > 0) else -1))
            if signed and not in_range(r, ty):
                raise CError("%s: signed overflow in %d %s %d" % (w, a.c, op, b.c))
            return Val(ty, const=wrap(r, ty))
        if op in ("&", "|", "^"):
            return Val(ty, "(%s %s %s)" % ({"^": "bvxor", "&": "bvand", "|": "bvor"}[op], a.term, b.term))
        if signed:
            raise CError("%s: signed %s on a non-constant (overflow not modelled)" % (w, op))
        fn = {"+": "bvadd", "-": "bvsub", "*": "bvmul", "/": "bvudiv", "%": "bvurem"}[op]
        if op in ("/", "%") and (b.c is None or b.c == 0):
            raise CError("%s: division by a non-constant or zero" % w)
        return Val(ty, "(%s %s %s)" % (fn, a.term, b.term))

    def unary(self):
        t = self.peek()
        if t in ("-", "~", "!", "+"):
            self.take()
            v = self.unary()
            if isinstance(v, list):
                raise CError("%s: an array used as a value" % self.w)
            if t == "~" and v.ty in VEC_TYPES:
                return Val(v.ty, "(bvnot %s)" % v.term)
            v = promote(v)
            if t == "+":
                return v
            if t == "!":
                z = self.truth(v)
                return Val("int", const=1 - z.c) if z.c is not None else \
                    Val("int", "(ite %s %s %s)" % (z.term, bv(0, 32), bv(1, 32)))
            if v.c is not None:
                r = -v.c if t == "-" else ~v.c
                if t == "-" and INT_TYPES[v.ty][1] and not in_range(r, v.ty):
                    raise CError("%s: signed overflow in -%d" % (self.w, v.c))
                return Val(v.ty, const=wrap(r, v.ty))
            if t == "-" and INT_TYPES[v.ty][1]:
                raise CError("%s: negation of a non-constant signed value" % self.w)
            return Val(v.ty, "(%s %s)" % ("bvneg" if t == "-" else "bvnot", v.term))
        if t == "*":
            self.take()
            name = self.take().text
            c = self.env.get(name)
            if not isinstance(c, list):
                raise CError("%s: *%s: not a pointer parameter" % (self.w, name))
            return self.read(c[0], "*" + name)
        if t in ("&", "++", "--", "sizeof"):
            raise CError("%s: operator %s not in the subset" % (self.w, t))
        if t == "(" and self.pos + 1 < len(self.toks) and self.toks[self.pos + 1].text in TYPE_NAMES:
            self.take("(")
            words = []
            while self.peek() != ")":
                words.append(self.take().text)
            self.take(")")
            ty = parse_type(words, self.w)
            v = self.unary()
            if ty in INT_TYPES and v.is_int():
                return convert(v, ty)
            if ty == v.ty:
                return v
            raise CError("%s: cast of %s to %s" % (self.w, v.ty, ty))
        return self.postfix()

    def read(self, cell, name):
        if cell.val is None:
            raise CError("%s: %s read before it is set" % (self.w, name))
        return cell.val

    def postfix(self):
        t = self.take()
        if t.text == "(":
            v = self.ternary()
            self.take(")")
            return v
        if t.kind == "num":
            return self.literal(t.text)
        if t.kind != "id":
            raise CError("%s: %r not in the subset" % (self.w, t.text))
        if self.peek() == "(":
            return self.call(t.text)
        c = self.env.get(t.text)
        if c is None:
            raise CError("%s: unknown name %s" % (self.w, t.text))
        if self.peek() == "[":
            self.take("[")
            depth, j = 0, self.pos
            while not (self.toks[j].text == "]" and depth == 0):
                depth += {"[": 1, "]": -1}.get(self.toks[j].text, 0)
                j += 1
            idx = self.sub_expr(self.toks[self.pos:j])
            self.pos = j + 1
            if not isinstance(c, list) or idx.c is None or not 0 <= idx.c < len(c):
                raise CError("%s: %s[...] needs an array parameter and a constant index in bounds" % (self.w, t.text))
            return self.read(c[idx.c], "%s[%d]" % (t.text, idx.c))
        if isinstance(c, list):
            return c  # an array/pointer parameter passed on to a callee
        return self.read(c, t.text)

    @staticmethod
    def literal(s):
        m = re.fullmatch(r"(0[xX][0-9a-fA-F]+|\d+)([uUlL]*)", s)
        digits, suf = m.group(1), m.group(2).lower()
        if digits.startswith("0") and len(digits) > 1 and digits[1] not in "xX":
            v = int(digits, 8)
        else:
            v = int(digits, 0)
        hexoct = digits[0] == "0" and len(digits) > 1
        u, l = "u" in suf, "l" in suf
        # C11 6.4.4.1: the first type of the list that can represent the value
        if u:
            cands = ["unsigned long"] if l else ["unsigned", "unsigned long"]
        elif hexoct:
            cands = (["long", "unsigned long"] if l else ["int", "unsigned", "long", "unsigned long"])
        else:
            cands = ["long"] if l else ["int", "long"]
        for ty in cands:
            if in_range(v, ty):
                return Val(ty, const=v)
        raise CError("integer literal %s has no type" % s)

    def arguments(self):
        self.take("(")
        args = []
        if self.peek() == ")":
            self.take(")")
            return args
        while True:
            args.append(self.ternary())
            if self.peek() == ",":
                self.take(",")
                continue
            self.take(")")
            return args

    def sub_expr(self, toks):
        """Parse toks as an expression in the current scope, then resume where we were."""
        state = (self.toks, self.pos, self.env, self.w)
        v = self.expr_all(toks, self.env, self.w)
        self.toks, self.pos, self.env, self.w = state
        return v

    def call(self, name):
        args = self.arguments()
        if name.startswith("_mm"):
            r = self.intrinsic(name, args)
        else:
            f = self.prog.function(self.path, name)
            if f is None:
                raise CError("%s: call to %s: no definition found (and not an intrinsic)" % (self.w, name))
            if len(args) != len(f.params):
                raise CError("%s: %s takes %d arguments" % (self.w, name, len(f.params)))
            env = {}
            for a, (ty, pn, kind, n, const) in zip(args, f.params):
                if kind == "value":
                    if isinstance(a, list):
                        raise CError("%s: array passed as a value to %s" % (self.w, name))
                    env[pn] = Cell(ty, self.bind(self.as_type(a, ty, self.w), "%s.%s" % (name, pn)), False)
                else:
                    if not isinstance(a, list) or len(a) < n or a[0].ty != ty:
                        raise CError("%s: argument %s of %s" % (self.w, pn, name))
                    env[pn] = a[:n]
            state = (self.toks, self.pos, self.env, self.w)
            r = self.call_function(f, env)
            self.toks, self.pos, self.env, self.w = state
            if r is None:
                raise CError("%s: void call %s used as a value" % (self.w, name))
        return r

    def intrinsic(self, name, args):
        model = self.models.get(name[1:])
        if model is None:
            raise CError("%s: intrinsic %s has no model in gen.py" % (self.w, name))
        ret, kinds, fn = model
        if len(args) != len(kinds):
            raise CError("%s: %s takes %d arguments" % (self.w, name, len(kinds)))
        py = []
        for a, k in zip(args, kinds):
            if isinstance(a, list):
                raise CError("%s: array passed to %s" % (self.w, name))
            if k in ("imm", "mask8", "mask16"):
                if a.c is None or not a.is_int():
                    raise CError("%s: %s: immediate argument is not a constant" % (self.w, name))
                if k != "imm" and not 0 <= a.c < (1 << int(k[4:])):
                    raise CError("%s: %s: mask %d does not fit a __%s" % (self.w, name, a.c, k))
                py.append(a.c)
            elif k in VEC_TYPES:
                if a.ty != k:
                    raise CError("%s: %s: a %s passed as a %s" % (self.w, name, a.ty, k))
                py.append(a.term)
            else:
                py.append(self.as_type(a, k, self.w).term)
        self.intrinsics.add(name)
        return self.bind(Val(ret, fn(*py)), name.lstrip("_"))
