#!/usr/bin/env python3
"""Record what the real CPython 3.11.7 compiler makes of the bytecode corpus.

    python3 tools/bytecode/record_bytecode.py            (re-records every corpus file)
    python3 tools/bytecode/record_bytecode.py --check    (exit 1 if a fixture is stale)
    python3 tools/bytecode/record_bytecode.py --one F.py (one file as one case, on stdout)

The corpus is tools/bytecode/corpus/*.py: each file holds many snippets, each starting with a
line `#== name`. Every snippet is compiled on its own, as a module named "<snippet>", the way
`python3 file.py` compiles a script. For each one the fixture
src/engine/python/compiler/testdata/<file>.json keeps:

  - `ast`: CPython's own `ast.parse` tree turned into the shape of src/engine/python/syntax/ast.ts
    (so the compiler is tested on the tree the real parser makes, before any folding);
  - `code`: every code object (recursively through co_consts): names, qualname, first line,
    argument counts, nlocals, co_stacksize, co_flags, co_names/varnames/cellvars/freevars,
    co_consts, each instruction as `dis` lists it without CACHE entries ([offset, opname, arg]),
    each instruction's positions (line, end line, column, end column: what tracebacks use) and
    the exception table entries (start, end, target, depth, lasti: byte offsets, as dis gives),
    and co_linetable / co_exceptiontable as hex bytes;
  - or `error`: the SyntaxError the symbol table or the code generator raised (message, line,
    column and end, columns 0-based as in the AST);
  - `warnings`: the SyntaxWarnings compile() emitted (message, line).

compiler/differential.test.ts compiles each `ast` with the TypeScript compiler and compares it
with the rest, instruction by instruction. Needs CPython 3.11.7 (pyenv's): other 3.11 releases
differ in small ways (line numbers of artificial instructions).
"""
import ast
import dis
import glob
import json
import math
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
OUT = os.path.join(HERE, "..", "..", "src", "engine", "python", "compiler", "testdata")
PYTHON = os.path.expanduser("~/.pyenv/versions/3.11.7/bin/python3.11")
FILENAME = "<snippet>"


def split_corpus(text, path):
    """`#== name` starts a snippet; everything up to the next marker is its source."""
    snippets, name, lines = [], None, []
    for line in text.splitlines(keepends=True):
        if line.startswith("#== "):
            if name is not None:
                snippets.append((name, "".join(lines)))
            name, lines = line[4:].strip(), []
        elif name is not None:
            lines.append(line)
    if name is not None:
        snippets.append((name, "".join(lines)))
    seen = set()
    for n, _ in snippets:
        if n in seen:
            raise SystemExit(f"{path}: duplicate snippet name {n!r}")
        seen.add(n)
    return snippets


# ---------------------------------------------------------------- constants

def enc_float(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(x)


def enc_const(v):
    """A constant as syntax/ast.ts's ConstValue (JSON-safe: ints and floats as strings)."""
    if v is None:
        return {"t": "none"}
    if v is Ellipsis:
        return {"t": "ellipsis"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": enc_float(v)}
    if isinstance(v, complex):
        return {"t": "complex", "re": enc_float(v.real), "im": enc_float(v.imag)}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, bytes):
        return {"t": "bytes", "v": v.decode("latin-1")}
    if isinstance(v, tuple):
        return {"t": "tuple", "items": [enc_const(x) for x in v]}
    if isinstance(v, frozenset):
        # Iteration order is hash order (str hashes change from run to run): sorted, so the
        # fixtures are reproducible. The test compares frozensets as sets.
        items = sorted(v, key=lambda x: (type(x).__name__, repr(x)))
        return {"t": "frozenset", "items": [enc_const(x) for x in items]}
    if hasattr(v, "co_code"):
        return {"t": "code", "code": enc_code(v)}
    raise TypeError(f"unexpected constant {v!r}")


# ---------------------------------------------------------------- the AST

BINOP = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
         ast.Pow: "**", ast.MatMult: "@", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|",
         ast.BitAnd: "&", ast.BitXor: "^"}
UNARY = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~", ast.Not: "not"}
CMP = {ast.Lt: "<", ast.Gt: ">", ast.LtE: "<=", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
       ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}
CTX = {ast.Load: "load", ast.Store: "store", ast.Del: "del"}


def pos(n):
    return {"line": n.lineno, "col": n.col_offset, "endLine": n.end_lineno, "endCol": n.end_col_offset}


def opt(n):
    return None if n is None else conv(n)


def seq(ns):
    return [conv(n) for n in ns]


def conv_args(a):
    return {
        "posonlyargs": [conv_arg(x) for x in a.posonlyargs],
        "args": [conv_arg(x) for x in a.args],
        "vararg": None if a.vararg is None else conv_arg(a.vararg),
        "kwonlyargs": [conv_arg(x) for x in a.kwonlyargs],
        "kwDefaults": [opt(x) for x in a.kw_defaults],
        "kwarg": None if a.kwarg is None else conv_arg(a.kwarg),
        "defaults": seq(a.defaults),
    }


def conv_arg(a):
    return {"arg": a.arg, "annotation": opt(a.annotation), **pos(a)}


def conv_keyword(k):
    return {"arg": k.arg, "value": conv(k.value), **pos(k)}


def conv_comp(g):
    return {"target": conv(g.target), "iter": conv(g.iter), "ifs": seq(g.ifs), "isAsync": bool(g.is_async)}


def conv(n):
    """One node of CPython's ast, in the shape of syntax/ast.ts."""
    k = type(n).__name__
    d = {"k": k}
    if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
        d.update(name=n.name, args=conv_args(n.args), body=seq(n.body), decorators=seq(n.decorator_list),
                 returns=opt(n.returns))
    elif isinstance(n, ast.ClassDef):
        d.update(name=n.name, bases=seq(n.bases), keywords=[conv_keyword(x) for x in n.keywords],
                 body=seq(n.body), decorators=seq(n.decorator_list))
    elif isinstance(n, ast.Return):
        d.update(value=opt(n.value))
    elif isinstance(n, ast.Delete):
        d.update(targets=seq(n.targets))
    elif isinstance(n, ast.Assign):
        d.update(targets=seq(n.targets), value=conv(n.value))
    elif isinstance(n, ast.AugAssign):
        d.update(target=conv(n.target), op=BINOP[type(n.op)], value=conv(n.value))
    elif isinstance(n, ast.AnnAssign):
        d.update(target=conv(n.target), annotation=conv(n.annotation), value=opt(n.value), simple=bool(n.simple))
    elif isinstance(n, (ast.For, ast.AsyncFor)):
        d.update(target=conv(n.target), iter=conv(n.iter), body=seq(n.body), orelse=seq(n.orelse))
    elif isinstance(n, (ast.While, ast.If)):
        d.update(test=conv(n.test), body=seq(n.body), orelse=seq(n.orelse))
    elif isinstance(n, (ast.With, ast.AsyncWith)):
        d.update(items=[{"contextExpr": conv(i.context_expr), "optionalVars": opt(i.optional_vars)} for i in n.items],
                 body=seq(n.body))
    elif isinstance(n, ast.Match):
        d.update(subject=conv(n.subject),
                 cases=[{"pattern": conv(c.pattern), "guard": opt(c.guard), "body": seq(c.body)} for c in n.cases])
    elif isinstance(n, ast.Raise):
        d.update(exc=opt(n.exc), cause=opt(n.cause))
    elif isinstance(n, (ast.Try, ast.TryStar)):
        d.update(body=seq(n.body), handlers=seq(n.handlers), orelse=seq(n.orelse), finalbody=seq(n.finalbody))
    elif isinstance(n, ast.ExceptHandler):
        d = {"type": opt(n.type), "name": n.name, "body": seq(n.body)}
    elif isinstance(n, ast.Assert):
        d.update(test=conv(n.test), msg=opt(n.msg))
    elif isinstance(n, ast.Import):
        d.update(names=[{"name": a.name, "asname": a.asname, **pos(a)} for a in n.names])
    elif isinstance(n, ast.ImportFrom):
        d.update(module=n.module, names=[{"name": a.name, "asname": a.asname, **pos(a)} for a in n.names],
                 level=n.level or 0)
    elif isinstance(n, (ast.Global, ast.Nonlocal)):
        d.update(names=list(n.names))
    elif isinstance(n, ast.Expr):
        d.update(value=conv(n.value))
    elif isinstance(n, (ast.Pass, ast.Break, ast.Continue)):
        pass
    elif isinstance(n, ast.BoolOp):
        d.update(op="and" if isinstance(n.op, ast.And) else "or", values=seq(n.values))
    elif isinstance(n, ast.NamedExpr):
        d.update(target=conv(n.target), value=conv(n.value))
    elif isinstance(n, ast.BinOp):
        d.update(op=BINOP[type(n.op)], left=conv(n.left), right=conv(n.right))
    elif isinstance(n, ast.UnaryOp):
        d.update(op=UNARY[type(n.op)], operand=conv(n.operand))
    elif isinstance(n, ast.Lambda):
        d.update(args=conv_args(n.args), body=conv(n.body))
    elif isinstance(n, ast.IfExp):
        d.update(test=conv(n.test), body=conv(n.body), orelse=conv(n.orelse))
    elif isinstance(n, ast.Dict):
        d.update(keys=[opt(x) for x in n.keys], values=seq(n.values))
    elif isinstance(n, ast.Set):
        d.update(elts=seq(n.elts))
    elif isinstance(n, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        d.update(elt=conv(n.elt), generators=[conv_comp(g) for g in n.generators])
    elif isinstance(n, ast.DictComp):
        d.update(key=conv(n.key), value=conv(n.value), generators=[conv_comp(g) for g in n.generators])
    elif isinstance(n, (ast.Await, ast.YieldFrom)):
        d.update(value=conv(n.value))
    elif isinstance(n, ast.Yield):
        d.update(value=opt(n.value))
    elif isinstance(n, ast.Compare):
        d.update(left=conv(n.left), ops=[CMP[type(o)] for o in n.ops], comparators=seq(n.comparators))
    elif isinstance(n, ast.Call):
        d.update(func=conv(n.func), args=seq(n.args), keywords=[conv_keyword(x) for x in n.keywords])
    elif isinstance(n, ast.FormattedValue):
        d.update(value=conv(n.value), conversion=n.conversion, formatSpec=opt(n.format_spec))
    elif isinstance(n, ast.JoinedStr):
        d.update(values=seq(n.values))
    elif isinstance(n, ast.Constant):
        d.update(value=enc_const(n.value), kind=n.kind)
    elif isinstance(n, ast.Attribute):
        d.update(value=conv(n.value), attr=n.attr, ctx=CTX[type(n.ctx)])
    elif isinstance(n, ast.Subscript):
        d.update(value=conv(n.value), slice=conv(n.slice), ctx=CTX[type(n.ctx)])
    elif isinstance(n, ast.Starred):
        d.update(value=conv(n.value), ctx=CTX[type(n.ctx)])
    elif isinstance(n, ast.Name):
        d.update(id=n.id, ctx=CTX[type(n.ctx)])
    elif isinstance(n, (ast.List, ast.Tuple)):
        d.update(elts=seq(n.elts), ctx=CTX[type(n.ctx)])
    elif isinstance(n, ast.Slice):
        d.update(lower=opt(n.lower), upper=opt(n.upper), step=opt(n.step))
    elif isinstance(n, ast.MatchValue):
        d.update(value=conv(n.value))
    elif isinstance(n, ast.MatchSingleton):
        d.update(value=enc_const(n.value))
    elif isinstance(n, ast.MatchSequence):
        d.update(patterns=seq(n.patterns))
    elif isinstance(n, ast.MatchMapping):
        d.update(keys=seq(n.keys), patterns=seq(n.patterns), rest=n.rest)
    elif isinstance(n, ast.MatchClass):
        d.update(cls=conv(n.cls), patterns=seq(n.patterns), kwdAttrs=list(n.kwd_attrs),
                 kwdPatterns=seq(n.kwd_patterns))
    elif isinstance(n, ast.MatchStar):
        d.update(name=n.name)
    elif isinstance(n, ast.MatchAs):
        d.update(pattern=opt(n.pattern), name=n.name)
    elif isinstance(n, ast.MatchOr):
        d.update(patterns=seq(n.patterns))
    else:
        raise TypeError(f"unhandled node {k}")
    if hasattr(n, "lineno") and n.lineno is not None:
        d.update(pos(n))
    return d


# ---------------------------------------------------------------- code objects

def enc_pos(p):
    return [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset]


def enc_code(co):
    instrs = list(dis.get_instructions(co))
    return {
        "name": co.co_name,
        "qualname": co.co_qualname,
        "firstlineno": co.co_firstlineno,
        "argcount": co.co_argcount,
        "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount,
        "nlocals": co.co_nlocals,
        "stacksize": co.co_stacksize,
        "flags": co.co_flags,
        "names": list(co.co_names),
        "varnames": list(co.co_varnames),
        "cellvars": list(co.co_cellvars),
        "freevars": list(co.co_freevars),
        "consts": [enc_const(c) for c in co.co_consts],
        "codeUnits": len(co.co_code) // 2,
        "instructions": [[i.offset, i.opname, i.arg] for i in instrs],
        "positions": [enc_pos(i.positions) for i in instrs],
        "exceptionTable": [[e.start, e.end, e.target, e.depth, bool(e.lasti)]
                           for e in dis._parse_exception_table(co)],
        "linetable": co.co_linetable.hex(),
        "exceptiontable": co.co_exceptiontable.hex(),
    }


def record(name, source):
    tree = ast.parse(source, FILENAME)
    out = {"name": name, "source": source, "ast": {"body": seq(tree.body)}}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            co = compile(source, FILENAME, "exec", dont_inherit=True)
        except SyntaxError as e:
            out["error"] = {"msg": e.msg, "line": e.lineno, "col": (e.offset or 0) - 1,
                            "endLine": e.end_lineno, "endCol": (e.end_offset or 0) - 1}
        else:
            out["code"] = enc_code(co)
    out["warnings"] = [{"msg": str(w.message), "line": w.lineno} for w in caught
                       if issubclass(w.category, SyntaxWarning)]
    return out


def main():
    if sys.version_info[:3] != (3, 11, 7):
        os.execv(PYTHON, [PYTHON] + sys.argv)
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        # one file as one snippet, printed (tools/bytecode/check.ts compares it with the compiler)
        with open(sys.argv[2], encoding="utf-8") as f:
            print(json.dumps(record(os.path.basename(sys.argv[2]), f.read()), ensure_ascii=True))
        return
    check = "--check" in sys.argv
    os.makedirs(OUT, exist_ok=True)
    stale, total = [], 0
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.py"))):
        base = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            snippets = split_corpus(f.read(), path)
        cases = [record(n, s) for n, s in snippets]
        total += len(cases)
        text = json.dumps({"python": sys.version.split()[0], "corpus": f"tools/bytecode/corpus/{base}.py",
                           "cases": cases}, ensure_ascii=True, separators=(",", ":"))
        text = text.replace(',{"name":', ',\n{"name":') + "\n"
        target = os.path.join(OUT, base + ".json")
        if check:
            old = open(target, encoding="utf-8").read() if os.path.exists(target) else None
            if old != text:
                stale.append(target)
        else:
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
    if check and stale:
        print("stale fixtures:\n  " + "\n  ".join(stale))
        sys.exit(1)
    print(f"{total} snippets {'checked' if check else 'recorded'}")


if __name__ == "__main__":
    main()
