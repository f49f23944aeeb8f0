#!/usr/bin/env python3
"""Record CPython 3.11's PyMem/PyObject calls for the cases in allocation_cases.json.

    python3 tools/allocations/record_allocations.py [SET] [--clear-type-cache]   (needs gcc and the pyenv 3.11.7)

SET names the pair of files in src/engine/python/testdata/: SET_cases.json in, SET_expected.json
out ("allocation" by default; "exception" holds the try/except cases abstract/errors.test.ts
replays through the abstract layer).

For every [setup, statement] pair: a fresh interpreter runs `setup`, empties the free lists
(gc.collect()), then runs `statement` with hwtrace.c's hooks on the mem and obj domains
(PyMem_SetAllocator). Each call is written as "m SIZE", "c NELEM ELSIZE", "r SIZE" (+" new" from
NULL) or "f SIZE" (the size the freed block was asked for). exec()'s own function object is
dropped. allocations.test.ts holds the simulator to the result (allocation_expected.json).

--clear-type-cache empties the type attribute cache (sys._clear_type_cache()) right before the
statement is traced. Without it, a lookup that misses (a __length_hint__ that an iterator does not
have, keys() on an iterable) takes over a cache entry, and the name held there is released: when
nothing else held it (a name a freed code object had interned), that is a free ("f ?") whose
presence depends on the whole history of the process, which the simulator does not model.
The modules set (modules_cases.json) is recorded with it.
"""
import json, os, subprocess, sys, sysconfig, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# The cases and the recorded calls live beside the test that reads them.
DATA = os.path.join(HERE, "..", "..", "src", "engine", "python", "testdata")
PYTHON = os.path.expanduser("~/.pyenv/versions/3.11.7/bin/python3.11")

CHILD = r'''
import sys, gc, ast
sys.path.insert(0, sys.argv[1])
import hwtrace
setup, stmt, log, clear = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] == "1"
ns = {"__name__": "__main__"}
exec(compile(setup, "s", "exec"), ns)
code = compile(stmt, "s", "exec")
hwtrace.install(log, 0)
gc.collect()
if clear:
    sys._clear_type_cache()
hwtrace.start(); exec(code, ns); hwtrace.stop()
'''


def build(tmp):
    inc = subprocess.run([PYTHON, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"], capture_output=True, text=True, check=True).stdout.strip()
    suffix = subprocess.run([PYTHON, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"], capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-I", inc, os.path.join(HERE, "hwtrace.c"), "-o", os.path.join(tmp, "hwtrace" + suffix)], check=True)


def normalize(text):
    lines = [l.split() for l in text.splitlines() if l.strip() and not l.startswith("#")]
    if lines and lines[0][:3] == ["obj", "m", "152"]:
        fp = lines[0][3]
        lines = lines[1:]
        if lines and lines[-1] == ["obj", "f", fp]:
            lines = lines[:-1]
    sizes, out = {}, []
    for l in lines:
        op = l[1]
        if op == "m":
            sizes[l[3]] = int(l[2]); out.append(f"m {l[2]}")
        elif op == "c":
            sizes[l[4]] = int(l[2]) * int(l[3]); out.append(f"c {l[2]} {l[3]}")
        elif op == "r":
            sizes.pop(l[4], None); sizes[l[3]] = int(l[2])
            out.append(f"r {l[2]}" + (" new" if l[4] in ("(nil)", "0x0") else ""))
        elif op == "f":
            out.append(f"f {sizes.pop(l[2], '?')}")
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    clear = "--clear-type-cache" in sys.argv[1:]
    name = args[0] if args else "allocation"
    cases = json.load(open(os.path.join(DATA, f"{name}_cases.json")))
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        build(tmp)
        log = os.path.join(tmp, "log.txt")
        for setup, stmt in cases:
            env = dict(os.environ, PYTHONHASHSEED="0")
            subprocess.run([PYTHON, "-c", CHILD, tmp, setup, stmt, log, "1" if clear else "0"], check=True, env=env)
            out.append({"setup": setup, "statement": stmt, "calls": normalize(open(log).read())})
    with open(os.path.join(DATA, f"{name}_expected.json"), "w") as f:
        json.dump({"python": "3.11.7", "cases": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
