#!/usr/bin/env python3
"""Record the attribute names of CPython's built-in (static) types into
src/engine/python/testdata/builtin_type_attrs.json.

    python3 tools/builtins/record_type_attrs.py [--python 3.11]

The simulator models only some methods of each built-in type. When an attribute lookup
fails on a built-in type for a name the real interpreter has (`'a b'.rsplit`, `b''.join`),
the honest answer is "not supported by Highwater yet: str.rsplit", never the AttributeError
CPython would not raise. This file is what "the real interpreter has" means: for every static
type reachable from object.__subclasses__() after start-up (and after importing the modules
scripts commonly use), its own __dict__ keys and its MRO by name, as the given interpreter
reports them. Types are keyed by tp_name (`list`, `collections.deque`, `_io.TextIOWrapper`),
which is what Highwater's type table names them by.
"""
import argparse, json, os, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "src", "engine", "python", "testdata", "builtin_type_attrs.json")
PYENV = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
VERSIONS = {"3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"}

CHILD = r'''
import json, sys, types
# the modules the corpus and the issue name: their C types join the table
for m in ("collections", "functools", "itertools", "weakref", "json", "io", "array", "time",
          "random", "math", "operator", "re", "datetime", "decimal", "_thread", "threading",
          "queue", "ctypes", "tracemalloc", "gc", "struct", "heapq", "bisect", "pickle", "csv",
          "os", "resource", "timeit", "dataclasses", "typing", "contextlib", "enum", "abc",
          "pprint", "textwrap", "string", "concurrent.futures"):
    try:
        __import__(m)
    except ImportError:
        pass
HEAP = 1 << 9  # Py_TPFLAGS_HEAPTYPE
def tp_name(t):
    mod = t.__module__  # a static type's comes from its tp_name ("collections.deque")
    if not isinstance(mod, str):
        mod = "builtins"
    return t.__qualname__ if mod == "builtins" else mod + "." + t.__qualname__
seen, todo, out = set(), [object, type], {}
while todo:
    t = todo.pop()
    if t in seen:
        continue
    seen.add(t)
    try:
        subs = type.__subclasses__(t)
    except TypeError:
        subs = []
    todo.extend(subs)
    if t.__flags__ & HEAP:
        continue
    name = tp_name(t)
    if name in out:
        continue
    out[name] = {"mro": [tp_name(b) for b in t.__mro__[1:]], "own": sorted(t.__dict__)}
# classes those modules define in Python (tracemalloc.Snapshot, threading.Thread): the simulator
# models some of them as static types, and what they lack there must not read as AttributeError
for m in list(sys.modules.values()):
    for v in list(vars(m).values()):
        if isinstance(v, type) and v.__module__ == m.__name__ and tp_name(v) not in out:
            out[tp_name(v)] = {"mro": [tp_name(b) for b in v.__mro__[1:]], "own": sorted(v.__dict__)}
# types that no subclass walk reaches from object (made by the interpreter, not subclassable)
for v in vars(types).values():
    if isinstance(v, type) and not v.__flags__ & HEAP and tp_name(v) not in out:
        out[tp_name(v)] = {"mro": [tp_name(b) for b in v.__mro__[1:]], "own": sorted(v.__dict__)}
print(json.dumps({"python": sys.version.split()[0], "types": dict(sorted(out.items()))}, indent=0, sort_keys=False))
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default="3.11", choices=sorted(VERSIONS))
    args = ap.parse_args()
    py = os.path.join(PYENV, "versions", VERSIONS[args.python], "bin", "python" + args.python)
    text = subprocess.run([py, "-I", "-c", CHILD], capture_output=True, text=True, check=True).stdout
    data = json.loads(text)
    out = OUT if args.python == "3.11" else OUT.replace("testdata", f"testdata/{VERSIONS[args.python]}")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        # one type a line: small, and a diff shows which type changed
        f.write('{"python": %s, "types": {\n' % json.dumps(data["python"]))
        items = list(data["types"].items())
        for i, (k, v) in enumerate(items):
            f.write("%s: %s%s\n" % (json.dumps(k), json.dumps(v, separators=(",", ":")), "," if i < len(items) - 1 else ""))
        f.write("}}\n")
    print(f"{len(data['types'])} types from Python {data['python']} -> {os.path.relpath(out)}")


if __name__ == "__main__":
    main()
