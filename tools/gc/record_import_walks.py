#!/usr/bin/env python3
"""Record how each captured import moves generation 0's count, whatever the free lists hold.

    python3 tools/gc/record_import_walks.py [--python cpython-3.11.7] [MODULE ...]

Why: generation 0's count is not "tracked objects made net". A tuple, list or dict taken from its
free list is not linked (no _PyObject_GC_Link: no +1), and one that goes back onto a free list
that has room is not deleted (no PyObject_GC_Del: no -1). So what an import does to the count
depends on how full the free lists are when it starts. The recorder's child starts with them empty
(its full collection at start-up ran clear_freelists), so a footprint's count (captured there, or
after its dependencies) holds every allocation as a link: plain 3.11.7, whose start-up leaves them
full, links 204 for `import textwrap` where the capture links 281; and in a script that imports 13
modules on one line, the later ones find the lists the earlier ones filled, and link 524 fewer
than the captures add up to (tests/corpus l11_argparse_enum_protocol_match).

Per free list k (lists, dicts, tuples of n items) the import's sequence of allocations and frees
is a walk of the list's level: from level L (capacity M) it takes max(0, D - L) allocations from
an empty list (links) and gives max(0, L + R - M) objects to a full one (deletes), where D is the
walk's deepest fall below its start and R its highest rise. Three runs in the recorder's child
(tools/hw_common.py, collector disabled so nothing collects or clears the lists, 10^5 instances of
an own class held so the count is never at its floor of 0), each after the module's dependencies
as the capture imports them (and, for a module with an `alone` capture, after none of them):
the lists as the child has them (L0), filled halfway (Lm), filled to capacity (M). Then, per list:
net = end(Lm) - Lm, D = L0 + (end(L0) - L0 - net) where that is positive (else 0), R = M + net - end(M); and the
count's change in the halfway run is the import's change with no list ever empty or full (`base`).
Output: src/engine/python/runtime/gcInventory/walks-<profile>.json:
{"walks": {MODULE: {"base": B, "lists": {LIST: [net, D, R]}}}, "alone": {...}}, LIST as the
recorder names the free lists ("PyListObjects", "PyDictObjects", "2-sized PyTupleObjects").
"""
from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
REPO = TOOLS.parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(TOOLS))
from hw_common import resolve_interpreter  # noqa: E402
from record import measure  # noqa: E402
from record_inventory import FOOTPRINTS, OUT, PYTHONS  # noqa: E402

# 3.11-3.13: PyList_MAXFREELIST, PyDict_MAXFREELIST 80; PyTuple_MAXFREELIST 2000 for 1..19 items
CAPACITY = {"PyListObjects": 80, "PyDictObjects": 80, **{f"{n}-sized PyTupleObjects": 2000 for n in range(1, 20)}}
HOLD = "class _K: pass\n_keep = [_K() for _ in range(100000)]\n"


def fill(half: bool) -> str:
    """One statement that frees 1000 (2000) tuples of each size and 40 (80) lists and dicts."""
    t, ld = (1000, 40) if half else (2000, 80)
    return (
        f"_t = [tuple(range(_n)) for _n in range(1, 20) for _i in range({t})]; "
        f"_l = [[] for _i in range({ld})]; _d = [{{}} for _i in range({ld})]; del _t, _l, _d\n"
    )


def run(interp, deps: list[str], mod: str, pre: str) -> tuple[int, dict[str, int], dict[str, int]]:
    """The count's change across `import mod` and the free lists before and after it."""
    src = "import gc\ngc.disable()\n" + "".join(f"import {d}\n" for d in deps) + HOLD + pre
    k = len(ast.parse(src).body)  # the readings: after k statements, after k + 1
    src += f"import {mod}\n"
    before = measure(interp, src.encode(), k, False)
    after = measure(interp, src.encode(), k + 1, False)
    return (
        after["gc"]["count"][0] - before["gc"]["count"][0],
        before["pymalloc"]["free_lists"],
        after["pymalloc"]["free_lists"],
    )


def walk(interp, deps: list[str], mod: str) -> dict:
    c0, b0, a0 = run(interp, deps, mod, "")
    cm, bm, am = run(interp, deps, mod, fill(True))
    _, bf, af = run(interp, deps, mod, fill(False))
    lists = {}
    for name, cap in CAPACITY.items():
        if name not in bm:
            continue
        net = am[name] - bm[name]
        # from L0 it found the list empty max(0, fall - L0) times; none: fall is at most L0, and
        # only levels below L0 would tell more (0: the model's lists are that full or fuller)
        empty = a0[name] - b0[name] - net
        d = b0[name] + empty if empty > 0 else 0
        r = max(0, cap + net - af[name]) if bf[name] == cap else 0
        if net or d or r:
            lists[name] = [net, d, r]
    return {"base": cm, "natural": c0, "lists": lists}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default="cpython-3.11.7", choices=sorted(PYTHONS))
    ap.add_argument("--out", help="write here instead (to record in parts, then merge)")
    ap.add_argument("modules", nargs="*")
    a = ap.parse_args()
    binary, folder = PYTHONS[a.python]
    interp = resolve_interpreter(binary)
    fdir = FOOTPRINTS / folder
    if not a.modules:
        a.modules = sorted(p.stem for p in fdir.glob("*.json") if p.stem != "startup_modules")
    dest = Path(a.out) if a.out else OUT / f"walks-{a.python}.json"
    out = json.loads(dest.read_text()) if dest.exists() else {"python": a.python, "walks": {}, "alone": {}}
    for m in a.modules:
        fp = json.loads((fdir / f"{m}.json").read_text())
        out["walks"][m] = walk(interp, fp["deps"], m)
        if "alone" in fp:
            out["alone"][m] = walk(interp, [], m)
        print(m, out["walks"][m]["base"], out["walks"][m]["natural"], file=sys.stderr)
        dest.write_text(json.dumps(out, separators=(",", ":"), sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
