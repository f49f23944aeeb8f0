#!/usr/bin/env python3
"""Record what CPython 3.11 says about every script input of the reliability audit
(shared/docs/reviews/reliability-audit.md, Appendix B), for src/engine/python/syntax/audit.test.ts.

Each input runs as `python3 FILE` (file mode: what the CLI and the page model), stopped at its first
line: a sitecustomize traces the main module and exits as soon as it starts (the file compiled), or
reports the exception compiling it raised (SyntaxError and subclasses, MemoryError, RecursionError).

  python3 tools/parser/record_audit.py            # writes src/engine/python/syntax/testdata/audit.json

Inputs are kept as text (JSON-escaped) or, when big, as a list of [piece, repeat] parts; random
bytes come from a seeded generator both sides implement (xorshift32).
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src/engine/python/syntax/testdata/audit.json"

HOOK = r'''
import json, os, sys
def _report(obj):
    os.write(1, (json.dumps(obj) + "\n").encode())
    os._exit(0)
def _hook(t, e, tb):
    if isinstance(e, SyntaxError):
        _report({"type": t.__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                 "endLineno": e.end_lineno, "endOffset": e.end_offset, "text": e.text})
    _report({"type": t.__name__, "msg": "" if t is MemoryError else str(e)})
sys.excepthook = _hook
_main = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else None
def _tracer(frame, event, arg):
    if frame.f_code.co_filename == _main:
        _report({"ok": True})
    return None
sys.settrace(_tracer)
'''


def xorshift_bytes(seed, n):
    """The same generator as the test's: xorshift32, low byte of each step."""
    x = seed & 0xFFFFFFFF
    out = bytearray()
    for _ in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out.append(x & 0xFF)
    return bytes(out)


def nested_defs(n):
    return "".join("    " * i + f"def f{i}():\n" for i in range(n)) + "    " * n + "return 1\n"


def nested_ifs(n):
    return "".join("    " * i + "if 1:\n" for i in range(n)) + "    " * n + "x = 1\n"


# name -> parts: [[text, times], ...], or {"random": [seed, n]}, {"b64": ...}, {"file": path, "n": bytes},
# {"nested_ifs": n}, {"nested_defs": n}, {"numbers": n} (a list literal of 0..n-1)
INPUTS = {
    "big_1mb_lines_lists": [["a = [1, 2, 3]\n", 1048572 // 14]],
    "bigint_10e10": [["x = 10**10**10\n", 1]],
    "bigint_10e6": [["x = 10**10**6\n", 1]],
    "bigint_const_fold": [["x = 2**64\ny = 10**100\n", 1]],
    "bigint_mul_loop": [["x = 1\nfor i in range(1, 20000):\n    x = x * i\n", 1]],
    "bigint_str": [["x = 10**5000\ns = str(x)\n", 1]],
    "bigint_literal_5000_digits": [["x = 1", 1], ["0", 4999], ["\n", 1]],
    "bin_elf_head": {"file": "/bin/true", "n": 4096},
    "bin_invalid_utf8": {"b64": base64.b64encode(b'a = "\xff\xfe"\n').decode()},
    "bin_nul_in_string": [['a = "x\x00y"\n', 1]],
    "bin_nul_middle": [["a = 1\n\x00\nb = 2\n", 1]],
    "bin_random_4k": {"random": [4096, 4096]},
    "bin_random_64k": {"random": [65536, 65536]},
    "bomb_float_overflow": [["a = 2.0**10000\n", 1]],
    "bomb_str_1e12": [["a = 'x'*10**12\n", 1]],
    "deep_attr_10k": [["x = a", 1], [".b", 10000], ["\n", 1]],
    "deep_binop_100k": [["x = 1", 1], [" + 1", 100000], ["\n", 1]],
    "deep_call_10k": [["x = ", 1], ["f(", 10000], [")", 10000], ["\n", 1]],
    "deep_compare_100k": [["x = 1", 1], [" < 1", 100000], ["\n", 1]],
    "deep_dict_10k": [["x = ", 1], ["{1: ", 10000], ["1", 1], ["}", 10000], ["\n", 1]],
    "deep_indent_99": {"nested_ifs": 99},
    "deep_lambda_1k": [["f = ", 1], ["lambda: ", 1000], ["1\n", 1]],
    "deep_list_1000": [["x = ", 1], ["[", 1000], ["]", 1000], ["\n", 1]],
    "deep_list_10k": [["x = ", 1], ["[", 10000], ["]", 10000], ["\n", 1]],
    "deep_nested_def_50": {"nested_defs": 50},
    "deep_not_10k": [["x = ", 1], ["not ", 10000], ["1\n", 1]],
    "deep_paren_10k": [["x = ", 1], ["(", 10000], ["1", 1], [")", 10000], ["\n", 1]],
    "deep_paren_200": [["x = ", 1], ["(", 200], ["1", 1], [")", 200], ["\n", 1]],
    "deep_power_10k": [["x = 1", 1], [" ** 1", 10000], ["\n", 1]],
    "deep_sub_10k": [["x = a", 1], ["[0]", 10000], ["\n", 1]],
    "deep_ternary_10k": [["x = 1", 1], [" if 1 else 1", 10000], ["\n", 1]],
    "deep_unary_100k": [["x = ", 1], ["-", 100000], ["1\n", 1]],
    "deep_elif_5000": [["if x:\n pass\n", 1], ["elif x:\n pass\n", 5000]],
    "deep_elif_10000": [["if x:\n pass\n", 1], ["elif x:\n pass\n", 10000]],
    "deep_indent_101": {"nested_ifs": 101},
    "edge_bom": [["\ufeffa = [1]\n", 1]],
    "edge_comments_only": [["# nothing\n# here\n", 1]],
    "edge_cr_only": [["a = 1\rb = 2\r", 1]],
    "edge_crlf": [["a = [1, 2]\r\nb = a\r\ndel a\r\n", 1]],
    "edge_empty": [["", 1]],
    "edge_formfeed": [["a = 1\n\x0c\nb = 2\n", 1]],
    "edge_long_line": {"numbers": 100000},
    "edge_no_trailing_newline": [["a = 1", 1]],
    "edge_unicode_ident": [["变量 = [1, 2, 3]\nprint(变量)\n", 1]],
    "edge_whitespace_only": [["   \n\n\t\n", 1]],
    "err_after_steps": [["a = [0] * 1000\nb = a[5000]\nc = 1\n", 1]],
    "err_html_in_message": [['d = {}\nd["<img src=x onerror=alert(1)>"]\n', 1]],
    "err_name_html": [["<script>alert(1)</script>\n", 1]],
    "sim_big_lists_1e6": [["a = [[0] * 100 for _ in range(1000000)]\ndel a\n", 1]],
    "syn_assign_call": [["f() = 3\n", 1]],
    "syn_assign_literal": [["1 = x\n", 1]],
    "syn_at_alone": [["@\n", 1]],
    "syn_aug_tuple": [["a, b += 1\n", 1]],
    "syn_await_outside": [["await x\n", 1]],
    "syn_backslash_eof": [["x = 1 \\", 1]],
    "syn_bad_escape_N": [['x = "\\N{foo}"\n', 1]],
    "syn_bad_float": [["x = 1e\n", 1]],
    "syn_bad_underscore": [["x = 1__0\n", 1]],
    "syn_break_outside": [["break\n", 1]],
    "syn_bytes_nonascii": [['x = b"é"\n', 1]],
    "syn_continue_outside": [["continue\n", 1]],
    "syn_curly_quote": [["x = “hi”\n", 1]],
    "syn_dedent_mismatch": [["if 1:\n        x = 1\n    y = 2\n", 1]],
    "syn_def_colon": [["def f(:\n    pass\n", 1]],
    "syn_def_no_body": [["def f():\n", 1]],
    "syn_del_call": [["del f()\n", 1]],
    "syn_dollar": [["x$ = 1\n", 1]],
    "syn_double_eq": [["x = = 1\n", 1]],
    "syn_dup_arg": [["def f(a, a):\n    return a\n", 1]],
    "syn_elif_after_else": [["if 1:\n    pass\nelse:\n    pass\nelif 2:\n    pass\n", 1]],
    "syn_else_alone": [["else:\n    pass\n", 1]],
    "syn_emoji_ident": [["😀 = 1\n", 1]],
    "syn_expected_indent": [["if True:\nx = 1\n", 1]],
    "syn_extra_paren": [["x = (1, 2))\n", 1]],
    "syn_for_in": [["for in range(3): pass\n", 1]],
    "syn_fstring_bad": [['x = f"{"\n', 1]],
    "syn_genexp_arg": [["f(x for x in y, 1)\n", 1]],
    "syn_global_after_use": [["def f():\n    x = 1\n    global x\n", 1]],
    "syn_invalid_char_nbsp": [["x\xa0= 1\n", 1]],
    "syn_keyword_alone": [["class\n", 1]],
    "syn_kw_after_dstar": [["f(**x, *y)\n", 1]],
    "syn_kwarg_repeat": [["f(a=1, a=2)\n", 1]],
    "syn_lambda_default_order": [["f = lambda a=1, b: a\n", 1]],
    "syn_leading_zero": [["x = 0777\n", 1]],
    "syn_missing_colon": [["if x\n    pass\n", 1]],
    "syn_missing_comma_list": [["x = [1 2]\n", 1]],
    "syn_nonlocal_module": [["nonlocal x\n", 1]],
    "syn_pos_after_kw": [["f(a=1, 2)\n", 1]],
    "syn_py2_print": [['print "hi"\n', 1]],
    "syn_return_outside": [["return 5\n", 1]],
    "syn_star_expr_alone": [["*a\n", 1]],
    "syn_tab_space_mix": [["if 1:\n\tx = 1\n        y = 2\n", 1]],
    "syn_ternary_no_else": [["x = 1 if 2\n", 1]],
    "syn_trailing_op": [["x = 1 +\n", 1]],
    "syn_two_starred": [["a, *b, *c = 1, 2, 3\n", 1]],
    "syn_unclosed_eof": [["x = [1, 2\n", 1]],
    "syn_unexpected_indent": [["x = 1\n    y = 2\n", 1]],
    "syn_unmatched_close": [["]\n", 1]],
    "syn_unterminated_str": [['x = "abc\n', 1]],
    "syn_unterminated_triple": [["x = '''abc\n\ny = 1\n", 1]],
    "syn_walrus_stmt": [["x := 5\n", 1]],
    "syn_yield_outside": [["yield 1\n", 1]],
    "syn_out_and": [["out.and([i])\n", 1]],
    "syn_rang_char": [["x = rang⩘(3)\n", 1]],
    "syn_gujarati_digit": [["૦5 = l3[-5:-1]\n", 1]],
    "un_annotated": [["x: int = 1\n", 1]],
    "un_assert": [["assert 1 == 2\n", 1]],
    "un_async": [["async def f():\n    pass\n", 1]],
    "un_class": [["class A:\n    pass\n", 1]],
    "un_complex": [["x = 1j\n", 1]],
    "un_decorator": [["def d(f):\n    return f\n@d\ndef g():\n    pass\n", 1]],
    "un_del_closure": [["def f():\n    x = 1\n    def g():\n        return x\n    del x\nf()\n", 1]],
    "un_fstring": [['x = 5\ny = f"{x}"\n', 1]],
    "un_global": [["x = 1\ndef f():\n    global x\n    x = 2\nf()\n", 1]],
    "un_import_star": [["from os import *\n", 1]],
    "un_lambda": [["f = lambda x: x + 1\ny = f(1)\n", 1]],
    "un_match": [["match 1:\n    case 1:\n        pass\n", 1]],
    "un_percent_fmt": [['x = "%d" % 5\n', 1]],
    "un_set_ops": [["a = {1} | {2}\n", 1]],
    "un_starargs": [["def f(*args, **kw):\n    return args\nx = f(1, 2, a=3)\n", 1]],
    "un_try": [["try:\n    x = 1\nexcept Exception:\n    pass\n", 1]],
    "un_type_alias": [["type X = int\n", 1]],
    "un_walrus": [["if (n := 5) > 3:\n    pass\n", 1]],
    "un_with": [['with open("f") as f:\n    pass\n', 1]],
    "un_yield_gen": [["def g():\n    yield 1\nx = list(g())\n", 1]],
    # 3.11's limits, on each side of the boundary: the parser's MAXSTACK (MemoryError), the
    # compiler's depth limit (RecursionError), the tokenizer's brackets and indentation.
    "limit_neg_5967": [["x = ", 1], ["-", 5967], ["1\n", 1]],
    "limit_neg_5968": [["x = ", 1], ["-", 5968], ["1\n", 1]],
    "limit_not_5967": [["x = ", 1], ["not ", 5967], ["1\n", 1]],
    "limit_not_5968": [["x = ", 1], ["not ", 5968], ["1\n", 1]],
    "limit_pow_2983": [["x = 1", 1], [" ** 1", 2983], ["\n", 1]],
    "limit_pow_2984": [["x = 1", 1], [" ** 1", 2984], ["\n", 1]],
    "limit_lambda_2983": [["f = ", 1], ["lambda: ", 2983], ["1\n", 1]],
    "limit_lambda_2984": [["f = ", 1], ["lambda: ", 2984], ["1\n", 1]],
    "limit_ternary_5967": [["x = 1", 1], [" if 1 else 1", 5967], ["\n", 1]],
    "limit_ternary_5968": [["x = 1", 1], [" if 1 else 1", 5968], ["\n", 1]],
    "limit_elif_5963": [["if x:\n pass\n", 1], ["elif x:\n pass\n", 5963]],
    "limit_elif_5964": [["if x:\n pass\n", 1], ["elif x:\n pass\n", 5964]],
    "limit_depth_attr_2998": [["x = a", 1], [".b", 2998], ["\n", 1]],
    "limit_depth_attr_2999": [["x = a", 1], [".b", 2999], ["\n", 1]],
    "limit_depth_if_attr_2997": [["if 1:\n x = a", 1], [".b", 2997], ["\n", 1]],
    "limit_depth_if_attr_2998": [["if 1:\n x = a", 1], [".b", 2998], ["\n", 1]],
    "limit_paren_200": [["x = ", 1], ["(", 200], ["1", 1], [")", 200], ["\n", 1]],
    "limit_paren_201": [["x = ", 1], ["(", 201], ["1", 1], [")", 201], ["\n", 1]],
    "limit_list_200": [["x = ", 1], ["[", 200], ["]", 200], ["\n", 1]],
    "limit_call_200": [["x = ", 1], ["f(", 200], [")", 200], ["\n", 1]],
    "limit_paren_200_error": [["x = ", 1], ["(", 200], ["1 1", 1], [")", 200], ["\n", 1]],
    "limit_indent_99": {"nested_ifs": 99},
    "limit_indent_100": {"nested_ifs": 100},
    "limit_lambda_defaults_600": [["f = ", 1], ["lambda x=", 600], ["1", 1], [": 1", 600], ["\n", 1]],
}


def materialize(spec):
    if isinstance(spec, dict):
        if "b64" in spec:
            return base64.b64decode(spec["b64"])
        if "random" in spec:
            return xorshift_bytes(*spec["random"])
        if "file" in spec:
            return Path(spec["file"]).read_bytes()[: spec["n"]]
        if "nested_ifs" in spec:
            return nested_ifs(spec["nested_ifs"]).encode()
        if "nested_defs" in spec:
            return nested_defs(spec["nested_defs"]).encode()
        if "numbers" in spec:
            return ("a = [" + ", ".join(str(i) for i in range(spec["numbers"])) + "]\n").encode()
    return "".join(t * n for t, n in spec).encode("utf-8", "surrogatepass")


def run(path):
    with tempfile.TemporaryDirectory() as hookdir:
        Path(hookdir, "sitecustomize.py").write_text(HOOK)
        env = dict(os.environ, PYTHONPATH=hookdir)
        r = subprocess.run([sys.executable, str(path)], capture_output=True, env=env, timeout=600)
    lines = [l for l in r.stdout.decode().splitlines() if l.startswith("{")]
    if not lines:
        raise RuntimeError(f"{path}: no report (exit {r.returncode}): {r.stderr[-500:]!r}")
    return json.loads(lines[-1])


def main():
    out = []
    with tempfile.TemporaryDirectory() as d:
        for name, spec in INPUTS.items():
            data = materialize(spec)
            path = Path(d, name + ".py")
            path.write_bytes(data)
            res = run(path)
            entry = {"name": name, "filename": "/tmp/audit/" + name + ".py", "expect": res}
            if isinstance(spec, dict) and "file" in spec:
                entry["input"] = {"b64": base64.b64encode(data).decode()}
            else:
                entry["input"] = spec
            # The message naming the file is recorded with the path the test passes.
            if "msg" in res:
                res["msg"] = res["msg"].replace(str(path), entry["filename"])
            if isinstance(res.get("text"), str) and len(res["text"]) > 300:
                res["text"] = None  # long lines are not kept (the test compares the position)
                res["textOmitted"] = True
            out.append(entry)
            print(f"{name:32} {res.get('type', 'ok')}: {res.get('msg', '')[:70]}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT} ({len(out)} inputs)")


if __name__ == "__main__":
    main()
