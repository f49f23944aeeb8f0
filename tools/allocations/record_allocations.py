#!/usr/bin/env python3
"""Record CPython's PyMem/PyObject calls for the cases in SET_cases.json.

    python3 tools/allocations/record_allocations.py [SET] [--python 3.11|3.12|3.13] [--clear-type-cache]   (needs gcc and pyenv's builds)

SET names the pair of files in src/engine/python/testdata/: SET_cases.json in, SET_expected.json
out ("allocation" by default; "exception" holds the try/except cases abstract/errors.test.ts
replays through the abstract layer).

3.11 (3.11.7) writes testdata/SET_expected.json, the files the 3.11 tests read; 3.12 (3.12.1) and
3.13 (3.13.0) write testdata/<version>/SET_expected.json, from testdata/<version>/SET_cases.json
when that file exists (per-version variants of a case), else from the shared testdata/SET_cases.json.
Each of their cases also says whether its calls equal 3.11.7's (`same_as_3_11`): where they
differ is what the version profiles must model. hwtrace.c is compiled against each
interpreter's own headers.

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
--main-module runs the cases in a fresh module that is sys.modules['__main__'] (the pickle2 set:
pickle looks a class up by its module to save it by reference).
"""
import argparse, json, os, subprocess, sys, sysconfig, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# The cases and the recorded calls live beside the test that reads them.
DATA = os.path.join(HERE, "..", "..", "src", "engine", "python", "testdata")
PYENV = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
VERSIONS = {"3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"}
PYTHON = os.path.join(PYENV, "versions", "3.11.7", "bin", "python3.11")

CHILD = r'''
import sys, gc, ast
sys.path.insert(0, sys.argv[1])
import hwtrace
setup, stmt, log, clear = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] == "1"
ns = {"__name__": "__main__"}
if sys.argv[6] == "1":
    # the cases run in a module that is sys.modules['__main__'] (pickle finds their classes there),
    # its dict shaped as the other sets' {"__name__": "__main__"} (a script's __main__ has
    # __spec__ None: a class attribute here, so the dict holds no more than the simulator's globals)
    import types
    class MainModule(types.ModuleType):
        __spec__ = None
    main_module = MainModule("__main__")
    sys.modules["__main__"] = main_module
    ns = main_module.__dict__
    ns.clear()
    ns["__name__"] = "__main__"
exec(compile(setup, "s", "exec"), ns)
code = compile(stmt, "s", "exec")
hwtrace.install(log, 0)
gc.collect()
if clear:
    sys._clear_type_cache()
hwtrace.start(); exec(code, ns); hwtrace.stop()
'''


def build(tmp):
    """hwtrace.c against PYTHON's own headers (their PyMemAllocatorEx and module ABI)."""
    inc = subprocess.run([PYTHON, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"], capture_output=True, text=True, check=True).stdout.strip()
    suffix = subprocess.run([PYTHON, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"], capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-I", inc, os.path.join(HERE, "hwtrace.c"), "-o", os.path.join(tmp, "hwtrace" + suffix)], check=True)


def normalize(text, func_size):
    """Calls as "m SIZE" / "c N SIZE" / "r SIZE [new]" / "f SIZE", without exec()'s own
    function object (PyEval_EvalCode makes one around the module code: its first allocation
    and, if it dies, its free). func_size is that object's request on this version."""
    lines = [l.split() for l in text.splitlines() if l.strip() and not l.startswith("#")]
    if lines and lines[0][:3] == ["obj", "m", str(func_size)]:
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


# The request size of a function object: its basic size plus the 16-byte PyGC_Head in front
# (functions have no managed dict or weakref pre-header): 152 on 3.11, 160 on 3.12 and 3.13.
FUNC_SIZE_PROBE = "print(type(lambda: 0).__basicsize__ + 16)"


def main():
    global PYTHON
    ap = argparse.ArgumentParser(description="Record the allocator calls of the allocation cases")
    ap.add_argument("set", nargs="?", default="allocation", help="SET: SET_cases.json in, SET_expected.json out")
    ap.add_argument("--python", default="3.11", choices=sorted(VERSIONS))
    ap.add_argument("--clear-type-cache", action="store_true", help="empty the type attribute cache before each traced statement")
    ap.add_argument("--main-module", action="store_true", help="run the cases in a module registered as sys.modules['__main__'] (pickling their classes needs it)")
    args = ap.parse_args()
    name = args.set
    PYTHON = os.path.join(PYENV, "versions", VERSIONS[args.python], "bin", "python" + args.python)
    out_dir = DATA if args.python == "3.11" else os.path.join(DATA, VERSIONS[args.python])
    os.makedirs(out_dir, exist_ok=True)
    cases_file = os.path.join(out_dir, f"{name}_cases.json")
    if args.python == "3.11" or not os.path.exists(cases_file):
        cases_file = os.path.join(DATA, f"{name}_cases.json")
    cases = json.load(open(cases_file))
    func_size = int(subprocess.run([PYTHON, "-c", FUNC_SIZE_PROBE], capture_output=True, text=True, check=True).stdout)
    base = {}
    if args.python != "3.11":
        for c in json.load(open(os.path.join(DATA, f"{name}_expected.json")))["cases"]:
            base[(c["setup"], c["statement"])] = c["calls"]
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        build(tmp)
        log = os.path.join(tmp, "log.txt")
        for setup, stmt in cases:
            env = dict(os.environ, PYTHONHASHSEED="0")
            clear = "1" if args.clear_type_cache else "0"
            # stdout block-buffered into a file, as the recorder's child has it (print's
            # allocations depend on it): no PYTHONUNBUFFERED from the caller's environment
            env.pop("PYTHONUNBUFFERED", None)
            with open(os.path.join(tmp, "stdout.txt"), "w") as out_file:
                subprocess.run([PYTHON, "-c", CHILD, tmp, setup, stmt, log, clear, "1" if args.main_module else "0"], check=True, env=env, stdout=out_file)
            case = {"setup": setup, "statement": stmt, "calls": normalize(open(log).read(), func_size)}
            if args.python != "3.11":
                case["same_as_3_11"] = base.get((setup, stmt)) == case["calls"]
            out.append(case)
    full = subprocess.run([PYTHON, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], capture_output=True, text=True).stdout.strip()
    with open(os.path.join(out_dir, f"{name}_expected.json"), "w") as f:
        json.dump({"python": full, "cases": out}, f, indent=1)
        f.write("\n")
    if args.python != "3.11":
        same = sum(c["same_as_3_11"] for c in out)
        print(f"{full} {name}: {len(out)} cases, {same} with the same calls as 3.11.7, {len(out) - same} different")


if __name__ == "__main__":
    main()
