#!/usr/bin/env python3
"""Record NumPy 1.24.2's allocations, call by call, on Debian's /usr/bin/python3 3.11.2.

    python3 tools/allocations/record_numpy.py [NAME ...]     (needs gcc and python3.11-dev)

Reads src/engine/numpy/testdata/numpy_cases.json, a list of [setup, statement] pairs, and writes
numpy_expected.json beside it (only the cases whose statement contains one of the NAMEs, when
given, are re-recorded; the others are kept). For every pair a fresh interpreter (run as the
recorder's child runs: -S, numpy's site directories appended to sys.path, PYTHONHASHSEED=0)
imports numpy, runs `setup`, empties the free lists (gc.collect()), then runs `statement` with
hwnumpy.c's hooks on: CPython's PyObject_/PyMem_ calls and, in the same ordered stream, every
C-library call made outside them (NumPy's data buffers through default_malloc/default_calloc,
PyArray_malloc = PyMem_RawMalloc, iterator buffers). Each call is written as

    "m SIZE" | "c NELEM ELSIZE" | "r SIZE" (+" new") | "f SIZE"           obj and mem domains
    "L m SIZE" | "L c NELEM ELSIZE" | "L r SIZE" | "L f SIZE" | "L a SIZE"  the C library

where a free names the size its block was asked for ("?" when it was allocated before tracing
began). exec()'s own function object (the first "m 152", and its free at the end) is dropped, as
tools/allocations/record_allocations.py does. The simulator is held to these sequences by
src/engine/numpy/allocations.test.ts. What the statement prints is kept too (`stdout`), so the
test can hold the Python-level results as well.
"""
import argparse
import json
import os
import subprocess
import sys
import sysconfig
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "src", "engine", "numpy", "testdata")
PYTHON = "/usr/bin/python3.11"
SITE = ["/usr/lib/python3/dist-packages"]
FUNC_SIZE = 152  # a function object's request on 3.11: basicsize + PyGC_Head

CHILD = r'''
import sys, gc, io
sys.path[:0] = [sys.argv[1]]
sys.path.extend(sys.argv[5:])
import hwnumpy
import numpy as np
setup, stmt, log = sys.argv[2], sys.argv[3], sys.argv[4]
ns = {"__name__": "__main__", "np": np}
exec(compile(setup, "s", "exec"), ns)
code = compile(stmt, "s", "exec")
out = io.StringIO()
out.write("")
real = sys.stdout
hwnumpy.install(log)
gc.collect()
sys.stdout = out
err = ""
hwnumpy.start()
try:
    exec(code, ns)
except Exception as e:
    err = "%s: %s" % (type(e).__name__, e)
hwnumpy.stop()
sys.stdout = real
sys.stderr.write("\x00STDOUT\x00" + out.getvalue() + "\x00ERROR\x00" + err)
'''


def build(tmp):
    inc = sysconfig.get_paths()["include"] if sys.executable == PYTHON else subprocess.run(
        [PYTHON, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"], capture_output=True, text=True, check=True
    ).stdout.strip()
    suffix = subprocess.run(
        [PYTHON, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"], capture_output=True, text=True, check=True
    ).stdout.strip()
    so = os.path.join(tmp, "hwnumpy" + suffix)
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-I", inc, os.path.join(HERE, "hwnumpy.c"), "-o", so], check=True)
    return so


def normalize(text):
    """Sizes instead of pointers; exec()'s function object dropped."""
    lines = [l.split() for l in text.splitlines() if l.strip()]
    if lines and lines[0][:2] == ["m", str(FUNC_SIZE)]:
        fp = lines[0][2]
        lines = lines[1:]
        if lines and lines[-1] == ["f", fp]:
            lines = lines[:-1]
    sizes = {"": {}, "L ": {}}
    out = []
    for l in lines:
        pre = "L " if l[0] == "L" else ""
        if pre:
            l = l[1:]
        op = l[0]
        table = sizes[pre]
        if op in ("m", "a"):
            table[l[-1]] = int(l[1])
            out.append(f"{pre}{op} {l[1]}")
        elif op == "c":
            table[l[3]] = int(l[1]) * int(l[2])
            out.append(f"{pre}c {l[1]} {l[2]}")
        elif op == "r":
            table.pop(l[3], None)
            table[l[2]] = int(l[1])
            out.append(f"{pre}r {l[1]}" + (" new" if l[3] in ("0x0", "(nil)") else ""))
        elif op == "f":
            out.append(f"{pre}f {table.pop(l[1], '?')}")
    return out


def main():
    ap = argparse.ArgumentParser(description="Record NumPy's allocator calls for numpy_cases.json")
    ap.add_argument("names", nargs="*", help="re-record only the cases whose statement contains one of these")
    args = ap.parse_args()
    cases = json.load(open(os.path.join(DATA, "numpy_cases.json")))
    out_file = os.path.join(DATA, "numpy_expected.json")
    old = {}
    if args.names and os.path.exists(out_file):
        for c in json.load(open(out_file))["cases"]:
            old[(c["setup"], c["statement"])] = c
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        so = build(tmp)
        log = os.path.join(tmp, "log.txt")
        for setup, stmt in cases:
            if args.names and not any(n in stmt for n in args.names) and (setup, stmt) in old:
                out.append(old[(setup, stmt)])
                continue
            env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0", "LD_PRELOAD": so}
            r = subprocess.run([PYTHON, "-S", "-c", CHILD, tmp, setup, stmt, log, *SITE], env=env, capture_output=True, text=True)
            err, _, rest = r.stderr.partition("\x00STDOUT\x00")
            stdout, _, error = rest.partition("\x00ERROR\x00")
            if r.returncode != 0:
                out.append({"setup": setup, "statement": stmt, "error": err.strip().splitlines()[-1]})
                print(f"error: {stmt!r}: {err.strip().splitlines()[-1]}", file=sys.stderr)
                continue
            case = {"setup": setup, "statement": stmt, "calls": normalize(open(log).read())}
            if stdout:
                case["stdout"] = stdout
            if error:
                case["raises"] = error
            out.append(case)
    version = subprocess.run([PYTHON, "-S", "-c", "import sys; sys.path += %r; import numpy; print(numpy.__version__, '%%d.%%d.%%d' %% sys.version_info[:3])" % SITE], capture_output=True, text=True).stdout.split()
    with open(out_file, "w") as f:
        json.dump({"numpy": version[0], "python": version[1], "cases": out}, f, indent=1)
        f.write("\n")
    print(f"numpy {version[0]} on python {version[1]}: {len(out)} cases -> {os.path.relpath(out_file)}")


if __name__ == "__main__":
    main()
