#!/usr/bin/env python3
"""How much do two real runs of the same recording differ? Re-records a sample and compares.

    python3 tools/spread.py [RECORDING.json ...] [-j N] [-o tests/fidelity/recorded/spread/spread.json]

Each RECORDING.json (default: the sample below) is recorded again with the same interpreter,
environment and scenario file, and every step of the new run is held to the stored one with the
rule the fidelity tests use (tests/fidelity/compare.ts): for each figure, the change since
`<start>` must agree within max(5% of the stored run's largest change of that figure, a floor of
1 MiB, or 2 pymalloc arenas). The figures are those of compare.ts under glibc (rss, heap,
anon_mmap, fordblks, hblkhd, arenas) and, under jemalloc or mimalloc, the allocator's own
(resident, active, dirty; current_commit) in place of glibc's. Prints, per recording and figure,
the largest difference between the two runs and that tolerance, and writes them all to -o.
Exit status 1 if any difference is outside the tolerance.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
REPO = TOOLS.parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(TOOLS))
import record  # noqa: E402

MiB = 1 << 20
SAMPLE = [
    "tests/fidelity/recorded/seed_small_lists.json",
    "tests/fidelity/recorded/gc_cycles.json",
    "tests/fidelity/recorded/join_split.json",
    "tests/fidelity/recorded/numpy_many_small.json",
    "tests/fidelity/recorded/3.11/lang_tracemalloc.json",
    "tests/fidelity/recorded/3.11/seed_small_lists_3m.json",
    "tests/fidelity/recorded/3.12/strings_short.json",
    "tests/fidelity/recorded/3.12/instances_two_attrs.json",
    "tests/fidelity/recorded/3.13/cycles_gc_thresholds.json",
    "tests/fidelity/recorded/3.13/dict_set_growth.json",
    "tests/fidelity/recorded/env/jemalloc/alloc_seed_idle.json",
    "tests/fidelity/recorded/env/jemalloc-bg/alloc_seed_idle.json",
    "tests/fidelity/recorded/env/jemalloc-decay0/alloc_mixed_sizes.json",
    "tests/fidelity/recorded/env/mimalloc/numpy_alloc_zeros.json",
    "tests/fidelity/recorded/env/mimalloc-decommit0/alloc_dict_churn.json",
    "tests/fidelity/recorded/env/pymalloc-off/alloc_survivors.json",
    "tests/fidelity/recorded/env/glibc/threads_tcache_pin.json",
    "tests/fidelity/recorded/env/glibc/threads_lists_exit.json",
    "tests/fidelity/recorded/env/arena-max-2/threads_bytes_lock.json",
    "tests/corpus/recorded/threads_queue_producer.json",
    "tests/corpus/recorded/word_count.json",
]


def figures(allocator: str):
    common = [
        ("rss", lambda s: s["rss"], MiB),
        ("heap", lambda s: s["heap"], MiB),
        ("anon_mmap", lambda s: s["anon_mmap"], MiB),
        ("arenas", lambda s: (s["pymalloc"] or {}).get("arenas_allocated_current"), 2),
    ]
    own = {
        "glibc": [("fordblks", lambda s: s["mallinfo2"]["fordblks"], MiB), ("hblkhd", lambda s: s["mallinfo2"]["hblkhd"], MiB)],
        "jemalloc": [
            ("je.resident", lambda s: s["jemalloc"]["resident"], MiB),
            ("je.active", lambda s: s["jemalloc"]["active"], MiB),
            ("je.dirty", lambda s: s["jemalloc"]["dirty"], MiB),
        ],
        "mimalloc": [("mi.commit", lambda s: s["mimalloc"]["current_commit"], MiB)],
    }[allocator]
    return common + own


def compare(old: dict, new: dict) -> list[dict]:
    rows = []
    for name, get, floor in figures(old.get("allocator", "glibc")):
        o0, n0 = get(old["steps"][0]), get(new["steps"][0])
        if o0 is None or n0 is None:  # e.g. pymalloc figures under PYTHONMALLOC=malloc
            continue
        largest = max(abs(get(s) - o0) for s in old["steps"] if get(s) is not None)
        tol = max(0.05 * largest, floor)
        worst, at = 0, None
        for i, (a, b) in enumerate(zip(old["steps"][1:], new["steps"][1:]), 1):
            if get(a) is None or get(b) is None:
                continue
            d = abs((get(b) - n0) - (get(a) - o0))
            if d >= worst:
                worst, at = d, i
        rows.append({"figure": name, "max_difference": worst, "at_step": at, "tolerance": tol, "within": worst <= tol})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("recordings", nargs="*", type=Path)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("-o", "--output", type=Path, default=REPO / "tests" / "fidelity" / "recorded" / "spread" / "spread.json")
    args = ap.parse_args(argv)
    paths = args.recordings or [REPO / p for p in SAMPLE]
    report = []
    bad = 0
    for path in paths:
        old = json.loads(path.read_text())
        scen = REPO / old["scenario_path"] if old.get("scenario_path") else REPO / "tests/fidelity/scenarios" / f"{old['scenario']}.py"
        new = record.record(scen, python=old["recorder"]["interpreter"], jobs=args.jobs, env=old.get("environment") or None)
        rows = compare(old, new)
        rel = str(path.resolve().relative_to(REPO))
        report.append({"recording": rel, "figures": rows})
        print(f"{rel}")
        for r in rows:
            unit = 1 if r["figure"] == "arenas" else MiB
            fmt = (lambda v: f"{v:.0f}") if unit == 1 else (lambda v: f"{v / unit:7.2f} MiB")
            print(f"   {'ok' if r['within'] else 'OFF'} {r['figure']:12} max difference {fmt(r['max_difference'])} (step {r['at_step']})  tolerance {fmt(r['tolerance'])}")
            bad += not r["within"]
    if args.output:
        # Named recordings replace their own entries in an existing report; the rest stay.
        runs = {r["recording"]: r for r in (json.loads(args.output.read_text())["runs"] if args.output.exists() and args.recordings else [])}
        runs.update({r["recording"]: r for r in report})
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps({"rule": "tests/fidelity/compare.ts", "runs": list(runs.values())}, indent=1) + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
