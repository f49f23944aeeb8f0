#!/usr/bin/env python3
"""Record CPython 3.11.7's allocator calls for SET_cases.json, the C library's included.

    python3 tools/allocations/record_clib.py SET [--clear-type-cache]     (needs gcc and pyenv's 3.11.7)

As record_allocations.py (a fresh interpreter per [setup, statement] pair, PYTHONHASHSEED=0,
gc.collect() to empty the free lists, then the statement traced), but through hwnumpy.c's hooks
LD_PRELOADed into pyenv's 3.11.7: the PyObject_/PyMem_ calls ("m SIZE" & co.) and, in the same
ordered stream, every C-library call made outside them ("L m SIZE" & co.): what OpenSSL
(hashlib's EVP contexts), zlib (deflate's state and window), libmpdec and _uuid ask glibc for.
record_numpy.py's normalize() turns the log into the test's format. Writes
src/engine/python/testdata/SET_expected.json (held by modules/numbers.test.ts for SET=numbers).
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from record_numpy import normalize  # noqa: E402  (same log format: hwnumpy.c)

DATA = os.path.join(HERE, "..", "..", "src", "engine", "python", "testdata")
PYENV = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
PYTHON = os.path.join(PYENV, "versions", "3.11.7", "bin", "python3.11")

CHILD = r'''
import sys, gc
sys.path.insert(0, sys.argv[1])
import hwnumpy
setup, stmt, log, clear = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] == "1"
ns = {"__name__": "__main__"}
exec(compile(setup, "s", "exec"), ns)
code = compile(stmt, "s", "exec")
hwnumpy.install(log)
gc.collect()
if clear:
    sys._clear_type_cache()
hwnumpy.start(); exec(code, ns); hwnumpy.stop()
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set")
    ap.add_argument("--clear-type-cache", action="store_true")
    args = ap.parse_args()
    cases = json.load(open(os.path.join(DATA, f"{args.set}_cases.json")))
    with tempfile.TemporaryDirectory() as tmp:
        inc = subprocess.run([PYTHON, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"], capture_output=True, text=True, check=True).stdout.strip()
        suffix = subprocess.run([PYTHON, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"], capture_output=True, text=True, check=True).stdout.strip()
        so = os.path.join(tmp, "hwnumpy" + suffix)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-I", inc, os.path.join(HERE, "hwnumpy.c"), "-o", so], check=True)
        log = os.path.join(tmp, "log.txt")
        out = []
        for setup, stmt in cases:
            env = dict(os.environ, PYTHONHASHSEED="0", LD_PRELOAD=so)
            env.pop("PYTHONUNBUFFERED", None)
            with open(os.path.join(tmp, "stdout.txt"), "w") as out_file:
                subprocess.run([PYTHON, "-c", CHILD, tmp, setup, stmt, log, "1" if args.clear_type_cache else "0"], check=True, env=env, stdout=out_file)
            out.append({"setup": setup, "statement": stmt, "calls": normalize(open(log).read())})
    with open(os.path.join(DATA, f"{args.set}_expected.json"), "w") as f:
        json.dump({"python": "3.11.7", "cases": out}, f, indent=1)
        f.write("\n")
    print(f"{args.set}: {len(out)} cases recorded")


if __name__ == "__main__":
    main()
