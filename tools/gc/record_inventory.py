#!/usr/bin/env python3
"""Record the collector's population: which tracked objects the recorder's child holds, per type
and per generation, at its first statement and after each `import MODULE`.

    python3 tools/gc/record_inventory.py [--python cpython-3.11.7] [MODULE ...]

With no MODULE: every module with an import footprint for that interpreter
(src/engine/python/modules/footprints/<version>/*.json).

Runs the recorder's own child (tools/hw_common.py: same binary, flags, environment, ASLR off), so
the start-up population is the one the simulator's start-up profile stands for (the recorded
`<start>` gc objects, e.g. [5, 0, 11649] on 3.11.7). The first statement (one `exec` of a string,
so it compiles nothing the counts would see but its own code) counts
`type(o).__name__` over gc.get_objects(g) for g in 0..2 and gc.get_freeze_count(), without
leaving anything tracked behind; for a MODULE, the same count runs again after `import MODULE`
and the per-type difference (net, both signs) is written. Output:
src/engine/python/runtime/gcInventory/<profile>.json (the start-up profile's name)
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
REPO = TOOLS.parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(TOOLS))
from hw_common import resolve_interpreter, run_child  # noqa: E402

OUT = REPO / "src" / "engine" / "python" / "runtime" / "gcInventory"
FOOTPRINTS = REPO / "src" / "engine" / "python" / "modules" / "footprints"
# start-up profile -> (interpreter, footprint folder), as tools/imports/capture_import.py names them
PYTHONS = {
    "cpython-3.11.7": ("3.11.7", "3.11.7"),
    "debian-3.11.2": ("/usr/bin/python3.11", "debian-3.11.2"),
    "cpython-3.12.1": ("3.12.1", "3.12.1"),
    "cpython-3.13.0": ("3.13.0", "3.13.0"),
}

# One statement: the counts per generation, appended as a JSON line to OUT_PATH. The dict of
# counts holds only str keys and int values (untracked); the lists get_objects returns are freed
# before the next generation is read.
COUNT = (
    "exec(\"import gc as _g\\n_r = []\\nfor _i in range(3):\\n"
    "    _c = {}\\n    _n = None\\n"
    "    for _o in _g.get_objects(_i):\\n"
    "        _n = type(_o).__name__\\n"
    "        _c[_n] = _c.get(_n, 0) + 1\\n"
    "    _r.append(_c)\\n"
    "    _o = None\\n"
    "_f = open(%r, 'a')\\n_f.write(__import__('json').dumps(_r) + '\\\\n')\\n_f.close()\\n"
    "del _r, _c, _f, _i, _o, _n, _g\")\n"
)


def counts(interp, modules: list[str], path: Path) -> list[list[dict[str, int]]]:
    path.unlink(missing_ok=True)
    src = COUNT % str(path)
    for m in modules:
        src += f"import {m}\n" + COUNT % str(path)
    n = 1 + 2 * len(modules)
    res = run_child(interp, src.encode(), n)
    if res.returncode != 0:
        raise RuntimeError(f"the child failed:\n{res.stderr[-2000:]}")
    return [json.loads(line) for line in path.read_text().splitlines()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default="cpython-3.11.7", choices=sorted(PYTHONS))
    ap.add_argument("modules", nargs="*")
    a = ap.parse_args()
    binary, folder = PYTHONS[a.python]
    interp = resolve_interpreter(binary)
    if not a.modules:
        a.modules = sorted(p.stem for p in (FOOTPRINTS / folder).glob("*.json") if p.stem != "startup_modules")
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path("/tmp") / f"hw_gcinv_{a.python}.jsonl"
    start = counts(interp, [], tmp)[0]
    out = {"python": a.python, "startup": start, "imports": {}}
    for m in a.modules:
        before, after = counts(interp, [m], tmp)
        delta: dict[str, int] = {}
        for g in range(3):
            for k in set(before[g]) | set(after[g]):
                d = after[g].get(k, 0) - before[g].get(k, 0)
                if d:
                    delta[k] = delta.get(k, 0) + d
        out["imports"][m] = {k: v for k, v in sorted(delta.items(), key=lambda kv: (-kv[1], kv[0])) if v}
        print(m, sum(delta.values()), file=sys.stderr)
    dest = OUT / f"{a.python}.json"
    dest.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    tot = [sum(c.values()) for c in start]
    print(f"start-up: {tot} -> {dest}", file=sys.stderr)


if __name__ == "__main__":
    main()
