#!/usr/bin/env python3
"""Record what the real CPython 3.12.1 and 3.13.0 compilers make of the bytecode corpus, as far
as memory goes: per code object (walked through co_consts in the order record_bytecode.py walks
them), its qualname, first line, co_flags, co_stacksize, nlocalsplus (the frame's local slots:
co_varnames + co_cellvars + co_freevars, an argument that is also a cell counted once), co_names,
the number of constants, and the opcode names in order (dis, no CACHE entries).

    python3 tools/bytecode/record_versions.py            (both versions)
    python3 tools/bytecode/record_versions.py --python 3.13

The frame of a call is nlocalsplus + co_stacksize + 9 words (_PyFrame_NumSlotsForCodeObject, the
same in 3.11-3.13) and a generator object carries that frame inline, so co_stacksize decides a
generator's pymalloc size class. compiler/versions.differential.test.ts compiles each snippet's
AST (the 3.11.7 fixture's: the corpus is 3.11 syntax) with the version's code generation and holds
the stack sizes of generators and coroutines exact, and the rest to the recorded agreement.
Snippets the version rejects (a SyntaxError there) are recorded as {"error": message}.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
OUT = os.path.join(HERE, "..", "..", "src", "engine", "python", "compiler", "testdata", "versions")
PYTHONS = {
    "3.12": os.path.expanduser("~/.pyenv/versions/3.12.1/bin/python3.12"),
    "3.13": os.path.expanduser("~/.pyenv/versions/3.13.0/bin/python3.13"),
}

# Runs inside the interpreter being measured: reads [[file, name, source], ...] on stdin.
CHILD = r'''
import dis, json, sys, warnings
warnings.simplefilter("ignore")

def codes(co, out):
    cells = set(co.co_cellvars)
    out.append({
        "qualname": co.co_qualname,
        "firstlineno": co.co_firstlineno,
        "flags": co.co_flags,
        "stacksize": co.co_stacksize,
        "nlocalsplus": len(co.co_varnames) + len(co.co_cellvars) + len(co.co_freevars)
        - len(cells.intersection(co.co_varnames)),
        "names": list(co.co_names),
        "nconsts": len(co.co_consts),
        "ops": [i.opname for i in dis.get_instructions(co)],
    })
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            codes(c, out)
    return out

result = {}
for f, name, src in json.load(sys.stdin):
    try:
        co = compile(src, "<snippet>", "exec", dont_inherit=True)
    except SyntaxError as e:
        result.setdefault(f, {})[name] = {"error": e.msg}
        continue
    result.setdefault(f, {})[name] = {"code": codes(co, [])}
json.dump({"release": sys.version.split()[0], "files": result}, sys.stdout)
'''


def main():
    sys.dont_write_bytecode = True
    sys.path.insert(0, HERE)
    from record_bytecode import split_corpus  # noqa: E402

    wanted = sys.argv[sys.argv.index("--python") + 1 :] if "--python" in sys.argv else list(PYTHONS)
    cases = []
    for fn in sorted(os.listdir(CORPUS)):
        if fn.endswith(".py"):
            path = os.path.join(CORPUS, fn)
            with open(path, encoding="utf-8") as fh:
                for name, src in split_corpus(fh.read(), path):
                    cases.append([fn[:-3], name, src])
    os.makedirs(OUT, exist_ok=True)
    for v in wanted:
        out = subprocess.run([PYTHONS[v], "-c", CHILD], input=json.dumps(cases), capture_output=True, text=True, check=True)
        data = json.loads(out.stdout)
        dest = os.path.join(OUT, f"{v}.json")
        with open(dest, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=0, sort_keys=True)
            fh.write("\n")
        n = sum(len(x) for x in data["files"].values())
        print(f"{v}: {n} snippets from CPython {data['release']} -> {os.path.relpath(dest)}")


if __name__ == "__main__":
    main()
