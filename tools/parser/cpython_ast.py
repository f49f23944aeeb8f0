#!/usr/bin/env python3
"""The reference for Highwater's parser (src/engine/python/syntax/): what CPython 3.11 does with a
source file, as JSON lines.

Reads one JSON object per line on stdin: {"src": "<text>"} or {"b64": "<bytes, base64>"}.
Writes one JSON object per line on stdout:
  {"ok": true, "ast": <Module in the shape of syntax/ast.ts>, "compile": null | <error>}
  {"ok": false, "stage": "parse", "error": <error>}
where <error> is {"type", "msg", "lineno", "offset", "endLineno", "endOffset", "text"}, and
"compile" is the error compile() raises after a successful parse (the symtable's or compile.c's).

Parsing is compile(source_bytes, "<fuzz>", "exec", PyCF_ONLY_AST): the string tokenizer, which
reports what `python3 script.py` reports except for NUL and undecodable bytes (the file reader's
own messages). Floats are given by their IEEE-754 bits (hex) so that both sides compare exactly.
"""
import ast
import base64
import json
import struct
import sys
import warnings

assert sys.version_info[:2] == (3, 11), f"the reference is CPython 3.11, not {sys.version}"

OPS = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
    ast.Pow: "**", ast.MatMult: "@", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|",
    ast.BitAnd: "&", ast.BitXor: "^", ast.USub: "-", ast.UAdd: "+", ast.Invert: "~", ast.Not: "not",
    ast.And: "and", ast.Or: "or", ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=",
    ast.Gt: ">", ast.GtE: ">=", ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not",
}
CTX = {ast.Load: "load", ast.Store: "store", ast.Del: "del"}
RENAME = {
    "decorator_list": "decorators", "kw_defaults": "kwDefaults", "is_async": "isAsync",
    "context_expr": "contextExpr", "optional_vars": "optionalVars", "format_spec": "formatSpec",
    "kwd_attrs": "kwdAttrs", "kwd_patterns": "kwdPatterns",
}
SKIP = {"type_comment", "type_ignores"}


def fbits(x):
    return struct.pack(">d", x).hex()


def const(v):
    if v is None:
        return {"t": "none"}
    if v is True or v is False:
        return {"t": "bool", "v": v}
    if v is Ellipsis:
        return {"t": "ellipsis"}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": fbits(v)}
    if isinstance(v, complex):
        return {"t": "complex", "re": fbits(v.real), "im": fbits(v.imag)}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, bytes):
        return {"t": "bytes", "v": v.decode("latin-1")}
    raise TypeError(type(v))


def conv(node):
    if isinstance(node, list):
        return [conv(x) for x in node]
    if node is None or isinstance(node, (str, int)):
        return node
    cls = type(node)
    if cls in OPS:
        return OPS[cls]
    if cls in CTX:
        return CTX[cls]
    if isinstance(node, ast.Module):
        return {"body": conv(node.body)}
    out = {}
    if isinstance(node, (ast.stmt, ast.expr, ast.pattern)):
        out["k"] = cls.__name__
    for f in node._fields:
        if f in SKIP:
            continue
        v = getattr(node, f)
        if cls is ast.Constant and f == "value":
            out["value"] = const(v)
        elif cls is ast.MatchSingleton and f == "value":
            out["value"] = const(v)
        elif cls is ast.AnnAssign and f == "simple":
            out["simple"] = bool(v)
        elif cls is ast.comprehension and f == "is_async":
            out["isAsync"] = bool(v)
        else:
            out[RENAME.get(f, f)] = conv(v)
    if cls is ast.Constant and "kind" not in out:
        out["kind"] = None
    if "lineno" in node._attributes:
        out["line"] = node.lineno
        out["col"] = node.col_offset
        out["endLine"] = node.end_lineno
        out["endCol"] = node.end_col_offset
    return out


def err(e):
    if isinstance(e, SyntaxError):
        # The attributes, not args: errors located with PyErr_RangedSyntaxLocationObject
        # (the symtable's) carry their position there only.
        return {
            "type": type(e).__name__,
            "msg": e.msg,
            "lineno": e.lineno,
            "offset": e.offset,
            "endLineno": e.end_lineno,
            "endOffset": e.end_offset,
            "text": e.text,
        }
    return {
        "type": type(e).__name__,
        "msg": "" if isinstance(e, MemoryError) else str(e),
        "lineno": None,
        "offset": None,
        "endLineno": None,
        "endOffset": None,
        "text": None,
    }


def main():
    warnings.simplefilter("ignore")
    out = sys.stdout
    for line in sys.stdin:
        req = json.loads(line)
        src = base64.b64decode(req["b64"]) if "b64" in req else req["src"].encode("utf-8", "surrogatepass")
        try:
            tree = compile(src, "<fuzz>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        except (SyntaxError, MemoryError, RecursionError, ValueError) as e:
            res = {"ok": False, "stage": "parse", "error": err(e)}
        else:
            sys.setrecursionlimit(200000)  # deep trees convert recursively
            try:
                res = {"ok": True, "ast": conv(tree), "compile": None}
            except RecursionError:
                res = {"ok": True, "ast": None, "compile": None, "note": "too deep to convert"}
            finally:
                sys.setrecursionlimit(1000)  # compile()'s own limits scale with it
            try:
                compile(src, "<fuzz>", "exec", dont_inherit=True)
            except (SyntaxError, MemoryError, RecursionError, ValueError) as e:
                res["compile"] = err(e)
        out.write(json.dumps(res) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
