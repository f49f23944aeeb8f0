#!/usr/bin/env python3
"""Capture the cyclic garbage an import leaves for the collector, beside its footprint.

    python3 tools/imports/capture_garbage.py [--python 3.11.7] [MODULE ...]

Some modules leave unreachable cycles behind when their import ends: pickle.py defines PickleError,
PicklingError and UnpicklingError in Python and then rebinds the names to _pickle's C classes, so
the three Python classes (each a cycle: type, its MRO tuple, its dict, its descriptors) are
garbage; datetime.py defines the whole module in Python before `from _datetime import *` (3.11.7:
295 objects, 1,762 pymalloc blocks). The real process frees them at its next collection of the
generation they sit in: `import datetime` then `gc.collect()` returns 295 and gives the blocks back.
A footprint alone keeps those blocks live for ever and the script's gc.collect() finds nothing.

For every module with a footprint in footprints/<version>/ (capture_import.py), this runs the same
scenario as that capture (the hook, the dependencies' imports, `import MODULE`) and then
`gc.collect(0)`, `gc.collect(1)`, `gc.collect(2)`, one statement each, writing what each returned.
The blocks each collection frees that the module's own import made (its footprint's ids: the import's
segment here is compared call by call with the footprint's trace, and a module whose calls differ is
left out) are the garbage of that generation; the count is what the collection returned, less the
garbage of each dependency whose blocks the same collection freed (the dependency's entry counts it).
The same again for MODULE.alone.trace (a fresh process importing MODULE first). Written to
footprints/<version>/MODULE.garbage.json:

    {"after": [{"count": N, "p": [ids], "g": [ids]} x 3 generations] | null,
     "alone": [...] | null, "dropped": {...}}

The simulator (modules/importGarbage.ts) frees a generation's blocks and counts its objects at its
own next collection of that generation or an older one.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import capture_import as ci  # noqa: E402
import record  # noqa: E402
import shimlog  # noqa: E402
from hw_common import resolve_interpreter, run_child  # noqa: E402


def collect_statements(out: Path) -> str:
    # the count is written after the collection returns: the file's own allocations come after its frees
    return "".join(
        f"open({str(out)!r}, 'a').write(str(__import__('gc').collect({g})) + '\\n')\n" for g in range(3)
    )


def call_lines(text: str) -> list[str]:
    return [x for x in text.splitlines() if x and not x.startswith("#")]


def call_key(line: str) -> tuple:
    """What a call is, without the ids: its domain, kind and sizes."""
    f = line.split(" ")
    if f[1] == "m":
        return (f[0], "m", f[3])
    if f[1] == "c":
        return (f[0], "c", f[3], f[4])
    if f[1] == "r":
        return (f[0], "r", f[4])
    return (f[0], f[1])


def final_bindings(lines: list[str]) -> dict[tuple[str, int], int]:
    """(domain, id) -> the index of the call that made the block the id names at the end."""
    out: dict[tuple[str, int], int] = {}
    for i, line in enumerate(lines):
        f = line.split(" ")
        if f[1] in ("m", "c", "r"):
            out[(f[0], int(f[2]))] = i
        elif f[1] == "f" and f[2].isdigit():
            out.pop((f[0], int(f[2])), None)
    return out


def id_map(mine: list[str], stored: list[str]) -> dict[tuple[str, int], int]:
    """This run's ids of the blocks live at the import's end -> the stored footprint's ids of the same
    blocks. The recorder's process moves between captures (a start-up that changed makes the import
    take or free a few blocks more or fewer: 1,320 calls against 1,312 for _compat_pickle), so the two
    traces are aligned call by call (difflib) and a block is mapped when the calls that made it in
    both are aligned and both are still live at the end."""
    import difflib

    a, b = [call_key(x) for x in mine], [call_key(x) for x in stored]
    partner: dict[int, int] = {}
    for blk in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for t in range(blk.size):
            partner[blk.a + t] = blk.b + t
    live_b = {i: key for key, i in final_bindings(stored).items()}
    out = {}
    for key, i in final_bindings(mine).items():
        j = partner.get(i)
        if j is not None and j in live_b and live_b[j][0] == key[0]:
            out[key] = live_b[j][1]
    return out


def generations(lines_of_gc: list[list[str]], module: str, ids: dict) -> tuple[list[dict], dict]:
    """The module's own frees in each collection's segment (as the stored footprint's ids); the
    dependencies whose blocks each collection freed."""
    gens, dropped = [], {"dependency": 0, "startup": 0, "own": 0, "unmapped": 0}
    for lines in lines_of_gc:
        p, g, freed_deps = [], [], set()
        for line in lines:
            parts = line.split(" ")
            if parts[1] != "f":
                dropped["own"] += 1  # a block the collection made (the count's str, the file): not garbage
                continue
            ref = parts[2]
            if ref.startswith(f"^{module}:"):
                _, dom, i, _size = ref[1:].split(":")
                stored = ids.get((dom, int(i)))
                if stored is None:
                    dropped["unmapped"] += 1
                else:
                    (p if dom == "p" else g).append(stored)
            elif ref.startswith("^"):
                freed_deps.add(ref[1:].split(":")[0])
                dropped["dependency"] += 1
            elif ref.startswith("~"):
                dropped["startup"] += 1
            else:
                dropped["own"] += 1
        gens.append({"p": p, "g": g, "deps": sorted(freed_deps)})
    return gens, dropped


def run(interp, module: str, deps: list[str], tmp: Path, footprint: str, alone: bool) -> dict | None:
    shim = ci.build(ci.SHIM_SRC, ci.CACHE / "alloc_shim.so", shared=True)
    log, counts = tmp / "shim.log", tmp / "counts.txt"
    counts.unlink(missing_ok=True)
    hook = ci.hook_statements(tmp, log)
    head = "" if alone else "".join(f"import {d}\n" for d in deps)
    upto = hook + head + f"import {module}\n"
    k = len(record.split_statements(upto))
    scenario = upto + collect_statements(counts)
    env = {"LD_PRELOAD": str(shim), "HW_SHIM_LOG": str(log), "HW_SHIM_CAP_MB": "2048"}
    res = run_child(interp, scenario.encode(), k + 3, extra_env=env)
    if res.returncode != 0:
        raise RuntimeError(f"{module}: the child failed under the shim:\n{res.stderr[-3000:]}")
    slog = shimlog.read_log(str(log))
    segs = ci.Segments(slog)
    first = k - (0 if alone else len(deps))
    if not alone:
        for j, d in enumerate(deps):
            segs.segment(d, slog.marks[first + j - 1].rec_index, slog.marks[first + j].rec_index)
    lines, _ = segs.segment(module, slog.marks[k - 1].rec_index, slog.marks[k].rec_index)
    ids = id_map(lines, call_lines(footprint))
    gc_lines = [segs.segment(f"gc{g}", slog.marks[k + g].rec_index, slog.marks[k + g + 1].rec_index)[0] for g in range(3)]
    gens, dropped = generations(gc_lines, module, ids)
    n = [int(x) for x in counts.read_text().split()]
    base = baseline(interp, tmp)
    for g, entry in enumerate(gens):
        entry["count"] = max(0, n[g] - base[g])
        if g == 2 and entry["count"] == 0:
            # a full collection empties the free lists (clear_freelists) after the garbage: with no
            # garbage found, its frees are the free-listed blocks the import left, not garbage
            dropped["freelists"] = len(entry["p"]) + len(entry["g"])
            entry["p"], entry["g"] = [], []
    return {"gens": gens, "dropped": dropped}


_BASELINE: list[int] = []


def baseline(interp, tmp: Path) -> list[int]:
    """What the three collections find in the capture's child with nothing imported: the hook's own
    statement (ctypes' PyDLL and its function pointer) leaves 9 objects on 3.11.7, which no script has."""
    if not _BASELINE:
        log, counts = tmp / "base.log", tmp / "base.txt"
        counts.unlink(missing_ok=True)
        scenario = ci.hook_statements(tmp, log) + "import sys\n" + collect_statements(counts)
        shim = ci.build(ci.SHIM_SRC, ci.CACHE / "alloc_shim.so", shared=True)
        env = {"LD_PRELOAD": str(shim), "HW_SHIM_LOG": str(log), "HW_SHIM_CAP_MB": "256"}
        res = run_child(interp, scenario.encode(), len(record.split_statements(scenario)), extra_env=env)
        if res.returncode != 0:
            raise RuntimeError(f"the baseline failed:\n{res.stderr[-3000:]}")
        _BASELINE.extend(int(x) for x in counts.read_text().split())
    return _BASELINE


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", default="3.11.7", choices=sorted(ci.PYTHONS))
    ap.add_argument("modules", nargs="*", help="default: every module with a footprint; name only those whose"
                    " import leaves garbage (`import M; print(gc.collect())` > 0) to save the others' runs:"
                    " a module without an entry has none")
    args = ap.parse_args(argv)
    interp = resolve_interpreter(os.path.expanduser(ci.PYTHONS[args.python]))
    out_dir = ci.OUT / args.python
    mods = args.modules or sorted(f.name[:-6] for f in out_dir.glob("*.trace") if not f.name.endswith(".alone.trace"))
    done: dict[str, dict] = {}

    def own_count(name: str) -> int:
        """A dependency's garbage (all generations), as its own entry counts it."""
        if name not in done:
            path = out_dir / f"{name}.garbage.json"
            done[name] = json.loads(path.read_text()) if path.exists() else {}
        after = done[name].get("after") or []
        return sum(e["count"] for e in after)

    with tempfile.TemporaryDirectory(prefix="hwgc-") as t:
        tmp = Path(t)
        ci.build_hwpm(interp, tmp)  # once: every run and the baseline load it from tmp
        started: set[str] = set()

        def visit(m: str) -> None:
            started.add(m)
            info = json.loads((out_dir / f"{m}.json").read_text())
            deps = info["deps"]
            for d in deps:  # dependencies first: their counts are taken out of this one's
                if d in mods and d not in started:
                    visit(d)
            result: dict = {}
            after = run(interp, m, deps, tmp, (out_dir / f"{m}.trace").read_text(), alone=False)
            if after is not None:
                for e in after["gens"]:
                    e["count"] = max(0, e["count"] - sum(own_count(d) for d in e.pop("deps")))
            result["after"] = after and after["gens"]
            alone_path = out_dir / f"{m}.alone.trace"
            if alone_path.exists():
                got = run(interp, m, deps, tmp, alone_path.read_text(), alone=True)
                if got is not None:
                    for e in got["gens"]:
                        e.pop("deps")
                result["alone"] = got and got["gens"]
            result["dropped"] = after["dropped"] if after else None
            (out_dir / f"{m}.garbage.json").write_text(json.dumps(result) + "\n")
            done[m] = result
            def summary(gs):
                return "calls differ" if gs is None else [(e["count"], len(e["p"]) + len(e["g"])) for e in gs]
            print(f"{args.python} {m}: after {summary(result['after'])}, alone {summary(result.get('alone', []))}", flush=True)

        for m in mods:
            if m not in started:
                visit(m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
