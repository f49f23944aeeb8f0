#!/usr/bin/env python3
"""NumPy's data and dims caches right after `import numpy`, as ids of a numpy-import trace.

    python3 tools/numpy/cache_ids.py --log DIR/NAME.shim.log --trace NAME-numpy-import.trace[.gz]
                                     [--env PYTHONMALLOC=malloc]

NumPy 1.24 keeps freed small array buffers (data under 1,024 bytes: npy_alloc_cache, dims+strides
of up to 16 words: npy_alloc_cache_dim) in per-size LIFO buckets instead of freeing them, and
`import numpy` leaves a few there. glibc never sees them again, so the start-up trace cannot say
which of its live blocks they are: this tool finds out (numpy/importFootprint.ts CACHES). It also
names ld.so's scope array that NumPy's first backtrace() frees (ufunc.ts checkCallers).

  A. the capture's own run: tools/capture_startup.py --keep-log DIR keeps its raw shim log, whose
     import segment must give the stored trace line for line (so its ids are the trace's);
  B. a second child of Debian's /usr/bin/python3 under the shim, as capture_startup.py runs it
     (flags, environment, ASLR off): the import, then a probe that creates arrays
     np.empty(n, uint8) for n = 1..1023 and np.empty((1,)*nd) for nd = 2..7, 12 of each, keeps them
     alive and prints each one's data pointer (PyArrayObject_fields.data at +16) and dims pointer
     (.dimensions at +32); then an elidable temporary (NumPy's first check_callers).
A pointer B printed belongs to the import's caches when the block behind it was made by the import
(between B's marks 0 and 1) and is still bound to that allocation: the probe got it from a bucket,
not from malloc. A block is named across A and B by (caller's return address, size, rank among the
import's live blocks with both) (ranks()), since the two imports' calls may differ a little. The
buckets are printed bottom to top (the probe pops top first).
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(TOOLS))
import capture_startup  # noqa: E402
import shimlog  # noqa: E402
from hw_common import DEBIAN_PYTHON, resolve_interpreter, run_child  # noqa: E402

# One statement after the import (so the child's per-step work between the two marks is the
# least): exec at module level, so `_keep` is a global and the arrays outlive the statement.
PROBE_BODY = r'''
import ctypes  # numpy.core._internal imported it: no dlopen here (json would dlopen _json)
_rd = lambda a, off: ctypes.c_void_p.from_address(id(a) + off).value
_keep, _data, _dims = [], [], []
for _n in range(1, 1024):
    for _ in range(12):
        _a = numpy.empty(_n, numpy.uint8)
        _keep.append(_a)
        _data.append([_n, _rd(_a, 16)])
        _dims.append([2, _rd(_a, 32)])
for _nd in range(2, 8):
    for _ in range(12):
        _a = numpy.empty((1,) * _nd, numpy.uint8)
        _keep.append(_a)
        _data.append([1, _rd(_a, 16)])
        _dims.append([2 * _nd, _rd(_a, 32)])
print("HWPROBE " + repr({"data": _data, "dims": _dims}) + " HWEND")
'''
# Then NumPy's first check_callers (an elidable temporary of 800 KB: ones()'s result has one reference):
# its backtrace() dlopens libgcc_s, whose _dl_scope_free frees a scope array the import made
# (numpy/ufunc.ts checkCallers): the import's one block the trigger frees.
TRIGGER = "_u = numpy.ones(100000) * 2 + 1"
# Both through exec of a string: a name the scenario's own code used (`ones`) would be interned by
# its compile before the import runs, and under PYTHONMALLOC=malloc the import's copy of it would
# then be freed at once, a glibc call stored run A never made.
PROBE = f"import numpy\nexec({PROBE_BODY!r})\nexec({TRIGGER!r})\n"


def shim_run(src: str, k: int, env: dict | None) -> tuple[shimlog.ShimLog, str]:
    shim = capture_startup.build(capture_startup.SHIM_SRC, capture_startup.CACHE / "alloc_shim.so", shared=True)
    logdir = Path(tempfile.mkdtemp(prefix="hwshim-"))
    log = logdir / "shim.log"
    try:
        res = run_child(
            resolve_interpreter(DEBIAN_PYTHON), src.encode(), k, env=env,
            extra_env={"LD_PRELOAD": str(shim), "HW_SHIM_LOG": str(log), "HW_SHIM_CAP_MB": "1024"},
        )
        if res.returncode != 0:
            raise RuntimeError(f"the child failed:\n{res.stderr[-3000:]}")
        return shimlog.read_log(str(log)), res.stdout
    finally:
        shutil.rmtree(logdir, ignore_errors=True)


def import_lines(slog: shimlog.ShimLog) -> tuple[shimlog.TraceState, list[str], dict[int, int], int, int]:
    """The trace state at the end of the import (mark 1), the import's trace lines, the line each
    of its records starts at, and marks 0 and 1."""
    st = shimlog.TraceState()
    main_tid = slog.recs[0].tid
    m0, m1 = slog.marks[0].rec_index, slog.marks[1].rec_index
    shimlog.to_trace(slog.recs[:m0], st, main_tid)
    lines: list[str] = []
    line_of: dict[int, int] = {}
    for r in slog.recs[m0:m1]:
        line_of[r.index] = len(lines)
        lines += [ln for ln in shimlog.to_trace([r], st, main_tid) if not ln.startswith("#")]
    return st, lines, line_of, m0, m1


def ranks(slog: shimlog.ShimLog, st: shimlog.TraceState, m0: int, m1: int) -> dict[tuple, int]:
    """(return address of the call that made it, size, rank among the import's live blocks with
    the same two, in allocation order) -> id, for every block the import made that is live at its
    end. ASLR is off, so a caller has the same address in every run: the key names a block across
    runs even where their call sequences differ a little (see main)."""
    groups: dict[tuple, list[tuple[int, int]]] = {}
    for i in st.ids.values():
        rec = st.rec_of[i]
        if m0 <= rec < m1:
            groups.setdefault((slog.recs[rec].caller, st.size_of[i]), []).append((rec, i))
    return {(*k, n): i for k, v in groups.items() for n, (_, i) in enumerate(sorted(v))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--env", action="append", default=[], help="K=V, e.g. PYTHONMALLOC=malloc")
    ap.add_argument("--log", type=Path, required=True,
                    help="the capture's raw shim log (capture_startup.py --keep-log DIR: DIR/NAME.shim.log)")
    ap.add_argument("--trace", type=Path, required=True, help="the numpy-import trace that capture wrote")
    args = ap.parse_args(argv)
    env = dict(kv.split("=", 1) for kv in args.env) or None

    # A: the capture's own run; its ids are the stored trace's (checked line for line)
    a_log = shimlog.read_log(str(args.log))
    a_st, a_lines, _, a_m0, a_m1 = import_lines(a_log)
    raw = args.trace.read_bytes()
    text = (gzip.decompress(raw) if args.trace.suffix == ".gz" else raw).decode()
    if [ln for ln in text.splitlines() if ln and not ln.startswith("#")] != a_lines:
        raise SystemExit(f"{args.log} is not the run {args.trace} was written from")
    a_rank = ranks(a_log, a_st, a_m0, a_m1)

    # B: the import again, then the probe. Its calls are not quite A's: under PYTHONMALLOC=malloc
    # an int object of one 30-bit digit is 28 bytes and of two 32, and some of the import's values
    # come from the clock or os.urandom; so B's blocks are named by ranks(), not by position.
    b_log, out = shim_run(PROBE, 3, env)
    b_st, _, _, b_m0, b_m1 = import_lines(b_log)
    b_name = {i: k for k, i in ranks(b_log, b_st, b_m0, b_m1).items()}
    start = out.index("HWPROBE ") + len("HWPROBE ")
    probe = ast.literal_eval(out[start : out.index(" HWEND", start)])
    # up to the probe's end (mark 2): blocks the probe holds are still bound to their first id
    full = shimlog.TraceState()
    shimlog.to_trace(b_log.recs[: b_log.marks[2].rec_index], full, b_log.recs[0].tid)

    def a_id(ptr: int, what: str) -> int:
        key = b_name[b_st.ids[ptr]]
        if key not in a_rank:
            raise SystemExit(f"{what} {ptr:#x}: A made no block {key}")
        return a_rank[key]

    result: dict[str, dict[str, list[int]]] = {}
    sizes: dict[str, int] = {}
    for kind in ("data", "dims"):
        buckets: dict[str, list[int]] = {}
        for bucket, ptr in probe[kind]:
            i = full.ids.get(ptr)
            if i is None or not b_m0 <= full.rec_of[i] < b_m1 or b_st.ids.get(ptr) != i:
                continue  # malloc'd by the probe: the bucket was empty
            k = a_id(ptr, kind)
            buckets.setdefault(str(bucket), []).insert(0, k)  # popped top first
            sizes[str(k)] = a_st.size_of[k]
        result[kind] = buckets
    # the import's blocks the first backtrace frees (statement 3, between marks 2 and 3)
    st2 = shimlog.TraceState()
    m2, m3 = b_log.marks[2].rec_index, b_log.marks[3].rec_index
    shimlog.to_trace(b_log.recs[:m2], st2, b_log.recs[0].tid)
    scope = []
    for r in b_log.recs[m2:m3]:
        i = st2.ids.get(r.a) if r.op == "free" else None
        if i is not None and b_m0 <= st2.rec_of[i] < b_m1 and b_st.ids.get(r.a) == i:
            scope.append(a_id(r.a, "freed block"))
            sizes[str(scope[-1])] = a_st.size_of[scope[-1]]
        shimlog.to_trace([r], st2, b_log.recs[0].tid)
    result["freed_by_first_backtrace"] = scope
    result["sizes"] = sizes
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
