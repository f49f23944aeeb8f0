#!/usr/bin/env python3
"""Re-record every fidelity scenario: tests/fidelity/scenarios/*.py -> tests/fidelity/recorded/NAME.json

    python3 tools/record_all.py [NAME ...] [-j N] [--check]

NumPy scenarios (file name starting with "numpy_", or a "# python: debian"
header line) run on Debian's /usr/bin/python3 (3.11.2 + python3-numpy
1.24.2), the rest on `python3` (pyenv 3.11.7); see tools/record.py.

A full run (no NAME) also re-captures the generic start-ups in
src/engine/python/startup/ (tools/capture_startup.py), and every run writes
each scenario's own start-up trace beside its recording (NAME.startup.trace);
--no-startup skips both (they need gcc).

-j N measures N steps at once (each step is its own process; the biggest
scenarios use about 1 GB per process). --check records into memory and
compares with the files already there instead of writing them: it prints the
fields that differ, and exits 1 if any do (a re-run on this machine should
change nothing; see tools/README.md for what can).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
REPO = TOOLS.parent
sys.dont_write_bytecode = True  # no tools/__pycache__ from importing the sibling modules
sys.path.insert(0, str(TOOLS))
import record  # noqa: E402
import capture_startup  # noqa: E402

SCENARIOS = REPO / "tests" / "fidelity" / "scenarios"
RECORDED = REPO / "tests" / "fidelity" / "recorded"


def diff(old, new, path="") -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for k in sorted(set(old) | set(new), key=str):
            out += diff(old.get(k), new.get(k), f"{path}.{k}" if path else str(k))
        return out
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        out = []
        for i, (a, b) in enumerate(zip(old, new)):
            out += diff(a, b, f"{path}[{i}]")
        return out
    return [] if old == new else [f"{path}: {old!r} -> {new!r}"]


def startup_trace(f: Path, report: dict) -> dict:
    """Capture this scenario's own start-up (under the shim) as NAME.startup.trace.

    Every scenario's "<start>" differs a little from the generic capture in
    src/engine/python/startup/ (compiling the scenario, and reading its file,
    allocate), so the fidelity tests can start each scenario from its exact
    start-up: replaying NAME.startup.trace on glibc gives the "<start>" step.
    """
    source = f.read_text()
    spec = {"python": report["recorder"]["interpreter"], "scenario": source, "segments": ["startup"]}
    info = capture_startup.capture(f"{f.stem}.startup", spec, RECORDED, write_json=False)
    seg = info["segments"][0]
    v = seg["verification"]
    start = report["steps"][0]
    return {
        "file": seg["trace"],
        "ops": seg["trace_ops"],
        "live_ids": seg["live_ids_at_end"],
        "mmap_threshold": seg["glibc"]["mmap_threshold"],
        "trim_threshold": seg["glibc"]["trim_threshold"],
        "arenas_vector_id": (seg["pymalloc_bookkeeping"]["arenas_vector"] or {}).get("id"),
        "radix_tree_node_ids": [n["id"] for n in seg["pymalloc_bookkeeping"]["radix_tree_nodes"]],
        "replay_equals_start": all(v["replay"].get(k) == x for k, x in start["mallinfo2"].items() if k != "usmblks")
        and v["replay"].get("heap_size") == start["heap"],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="scenario names (default: all)")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="compare with the recorded files instead of writing")
    ap.add_argument("--no-startup", action="store_true", help="skip the per-scenario start-up traces (needs gcc)")
    args = ap.parse_args(argv)
    files = sorted(SCENARIOS.glob("*.py"))
    if args.names:
        wanted = {n.removesuffix(".py") for n in args.names}
        files = [f for f in files if f.stem in wanted]
        missing = wanted - {f.stem for f in files}
        if missing:
            ap.error(f"no such scenario: {', '.join(sorted(missing))}")
    RECORDED.mkdir(parents=True, exist_ok=True)
    changed = 0
    for f in files:
        t0 = time.time()
        report = record.record(f, jobs=args.jobs)
        if not args.no_startup and not args.check:
            report["startup_trace"] = startup_trace(f, report)
        out = RECORDED / f"{f.stem}.json"
        note = ""
        if args.check:
            old = json.loads(out.read_text()) if out.exists() else {}
            old.pop("startup_trace", None)  # not re-captured with --check
            d = diff(old, report)
            if d:
                changed += 1
                note = f"  {len(d)} differences:\n    " + "\n    ".join(d[:40])
            else:
                note = "  unchanged"
        else:
            out.write_text(json.dumps(report, indent=1) + "\n")
        last = report["steps"][-1]
        print(
            f"{f.stem:28} {len(report['steps']) - 1:2} steps  python {report['python']:7} "
            f"heap {last['heap'] / 2**20:8.2f} MiB  rss {last['rss'] / 2**20:8.2f} MiB  ({time.time() - t0:5.1f} s){note}",
            flush=True,
        )
    if not args.names and not args.check and not args.no_startup:
        # The generic start-up captures must come from the same child as the
        # recordings (see hw_common.child_sha256), so refresh them too.
        print("start-up captures -> src/engine/python/startup/", flush=True)
        if capture_startup.main([]) != 0:
            return 1
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
