#!/usr/bin/env python3
"""Record what the real pickler writes for src/engine/python/testdata/pickle_bytes.json.

    python3 tools/allocations/pickle_bytes.py     (pyenv's 3.11.7)

Each case is a Python expression and a protocol; the real 3.11.7 pickles the expression's value and
we keep the length and SHA-256 of the bytes. modules/pickle.test.ts holds the simulator's dumps to
them (the same opcodes, memo indexes, batches and frame boundaries), then loads them back.
"""
import hashlib, json, os, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "src", "engine", "python", "testdata", "pickle_bytes.json")
PYTHON = os.path.join(os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv"), "versions", "3.11.7", "bin", "python3.11")

CASES = [
    ('[{"id": i, "name": f"user{i}", "scores": [i % 7, i % 11, i % 13]} for i in range(20000)]', 5),
    ('[{"id": i, "name": f"user{i}", "scores": [i % 7, i % 11, i % 13]} for i in range(3000)]', 2),
    ("[i % 200 for i in range(100000)]", 5),
    ("{i: i for i in range(3000)}", 4),
    ("{str(i): [i] for i in range(1000)}", 4),
    ("[float(i) / 3 for i in range(20000)]", 5),
    ('[("ab" * i)[:30] for i in range(5000)]', 5),
    ("[10 ** 20, -(10 ** 20), 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 63, -(2 ** 63), 255, 256, 65535, 65536, -1]", 5),
    ('(None, True, False, (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), b"", b"x" * 300, "é" * 5, [[]], {})', 5),
    ('[b"y" * 70000, "z" * 70000, bytearray(b"abc")]', 5),
    ('[("k", i) for i in range(2000)]', 3),
    ("[{1, 2, 3}, frozenset({4, 5}), set(), frozenset()]", 4),
]

PROG = r"""
import hashlib, json, pickle, sys
out = []
for expr, proto in json.loads(sys.argv[1]):
    b = pickle.dumps(eval(expr), protocol=proto)
    out.append({"expr": expr, "protocol": proto, "length": len(b), "sha256": hashlib.sha256(b).hexdigest()})
print(json.dumps(out, indent=1))
"""

if __name__ == "__main__":
    res = subprocess.run([PYTHON, "-c", PROG, json.dumps(CASES)], capture_output=True, text=True, check=True)
    with open(OUT, "w") as f:
        f.write(res.stdout)
    print(f"{len(CASES)} cases -> {OUT}")
