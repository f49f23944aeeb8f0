#!/usr/bin/env python3
"""Record what the real zlib writes for src/engine/python/testdata/zlib_bytes.json.

    python3 tools/allocations/zlib_bytes.py     (pyenv's 3.11.7, zlib 1.2.13)

Each case is a Python expression for the data, a call (zlib.compress at a level and wbits, or
gzip.compress with mtime=0); the real 3.11.7 runs it and we keep the length and SHA-256 of the
bytes. modules/zlib.test.ts holds the simulator's to them: the compressed size is what a program
keeps, so it must be zlib's, not another DEFLATE's (zlib.ts).
"""
import json, os, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "src", "engine", "python", "testdata", "zlib_bytes.json")
PYTHON = os.path.join(os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv"), "versions", "3.11.7", "bin", "python3.11")

JSON_RECORDS = 'json.dumps([{"id": i, "name": f"item-{i}", "tags": ["a", "b", "c"][: i % 3 + 1], "price": i * 0.25} for i in range(4000)]).encode()'
LOG_LINES = '"".join(f"2026-12-05 10:{i // 60 % 60:02d}:{i % 60:02d} INFO worker-{i % 7} id={i} took {i * 37 % 1000} ms\\n" for i in range(8000)).encode()'
DIGITS = '"".join(str(i * i) for i in range(15000)).encode()'
CASES = [
    (JSON_RECORDS, "zlib.compress(data, 9, -15)"),
    (JSON_RECORDS, "gzip.compress(data, mtime=0)"),
    (LOG_LINES, "zlib.compress(data)"),
    (LOG_LINES, "zlib.compress(data, 1)"),
    (LOG_LINES, "zlib.compress(data, 4)"),
    (DIGITS, "zlib.compress(data, 9)"),
    (DIGITS, "zlib.compress(data, 6, 31)"),
    ('bytes(range(256)) * 300', "zlib.compress(data, 0)"),
    ('b"abc" * 5', "zlib.compress(data)"),
    # compressobj: each compress() returns what deflate wrote by then (Z_NO_FLUSH), flush() the rest
    (LOG_LINES, "(lambda c: b''.join([c.compress(data[i:i + 8192]) for i in range(0, len(data), 8192)]) + c.flush())(zlib.compressobj(6))"),
    (JSON_RECORDS, "(lambda c: c.compress(data[:50000]) + c.flush(zlib.Z_SYNC_FLUSH) + c.compress(data[50000:]) + c.flush())(zlib.compressobj(9, zlib.DEFLATED, 31))"),
    (DIGITS, "(lambda c: bytes(str([len(c.compress(data[i:i + 20000])) for i in range(0, len(data), 20000)] + [len(c.flush())]), 'ascii'))(zlib.compressobj(1, zlib.DEFLATED, -15))"),
]

PROG = r"""
import gzip, hashlib, json, sys, zlib
out = []
for expr, call in json.loads(sys.argv[1]):
    data = eval(expr)
    b = eval(call)
    out.append({"data": expr, "call": call, "length": len(b), "sha256": hashlib.sha256(b).hexdigest()})
print(json.dumps({"zlib": zlib.ZLIB_RUNTIME_VERSION, "cases": out}, indent=1))
"""

if __name__ == "__main__":
    res = subprocess.run([PYTHON, "-c", PROG, json.dumps(CASES)], capture_output=True, text=True, check=True)
    with open(OUT, "w") as f:
        f.write(res.stdout)
    print(f"{len(CASES)} cases -> {OUT}")
