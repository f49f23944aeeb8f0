#!/usr/bin/env python3
"""Record a nondeterministic program's real runs beside its recording: the envelope rule's data.

    python3 tools/envelope.py RECORDED/NAME.json [-n 7] [-j 1] [--runs RUN.json ...] [--check]

A program whose threads the OS schedules (which worker runs when, which glibc arena gets which
allocation, how many 8 MiB stacks are mapped at once) gives different figures on every real run.
Held to one run, the simulator is held to one draw. This records NAME.json's scenario N more times
(same interpreter, environment and child as tools/record.py; `--runs` takes runs recorded before,
e.g. at another load) and compares each with the stored run by the fidelity rule
(tests/fidelity/compare.ts, as tools/spread.py does). Only if some run differs from the stored one
beyond the tolerance somewhere (the recordings prove the spread) does it write NAME.runs.json
beside NAME.json: every run's per-step figures (compact: what compare.ts reads, plus threads and
the glibc heaps), the load and -j each was recorded at. tests/corpus/run.ts then holds the
simulator to the envelope (compareEnvelope): each figure's change within the tolerance of
[min, max] over the stored run and these. Where all runs agree within the tolerance nothing is
written and the single-run rule stays (an existing NAME.runs.json is removed).

--check prints the per-step distribution (stored, [min .. max], median) without writing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
REPO = TOOLS.parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(TOOLS))
import record  # noqa: E402
import spread  # noqa: E402

MiB = 1 << 20
SCHEMA = "highwater-runs/1"


def compact(rep: dict, load: float | None, jobs: int | None) -> dict:
    """The figures compare.ts reads (and what explains a thread run), per step."""
    steps = []
    for s in rep["steps"]:
        py = s.get("pymalloc") or {}
        steps.append({
            "code": s["code"],
            "rss": s["rss"],
            "heap": s["heap"],
            "anon_mmap": s["anon_mmap"],
            "mallinfo2": s["mallinfo2"],
            "pymalloc": {"arenas_allocated_current": py.get("arenas_allocated_current")},
            "threads": s.get("threads"),
            "glibc_heaps": [h["size"] for h in (s.get("glibc_heaps") or [])],
        })
    return {
        "load": load,
        "jobs": jobs,
        "child_sha256": rep["recorder"]["child_sha256"],
        "python": rep["python"],
        "steps": steps,
    }


def distribution(stored: dict, runs: list[dict]) -> list[str]:
    """Per figure and step, where the runs spread beyond the tolerance: stored, [min .. max], median."""
    out = []
    for name, get, floor in spread.figures(stored.get("allocator", "glibc")):
        r0 = get(stored["steps"][0])
        if r0 is None:
            continue
        tol = max(0.05 * max(abs(get(s) - r0) for s in stored["steps"] if get(s) is not None), floor)
        unit = 1 if name == "arenas" else MiB
        for i in range(1, len(stored["steps"])):
            ds = [get(r["steps"][i]) - get(r["steps"][0]) for r in [stored, *runs] if get(r["steps"][i]) is not None]
            if not ds or max(ds) - min(ds) <= tol:
                continue
            out.append(
                f"  step {i:2} {name:9} stored {ds[0] / unit:7.1f}  runs [{min(ds) / unit:7.1f} .. {max(ds) / unit:7.1f}]"
                f"  median {statistics.median(ds) / unit:7.1f}  (± {tol / unit:.1f})"
            )
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("recording", type=Path)
    ap.add_argument("-n", type=int, default=7, help="runs to record (0 with --runs: only those)")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--runs", nargs="*", type=Path, default=[], help="runs recorded before (record.py -o)")
    ap.add_argument("--check", action="store_true", help="print the distribution, write nothing")
    args = ap.parse_args(argv)
    stored = json.loads(args.recording.read_text())
    scen = REPO / stored["scenario_path"]
    runs: list[tuple[dict, float | None, int | None]] = []
    for p in args.runs:
        rep = json.loads(p.read_text())
        meta = rep.get("envelope_meta", {})
        runs.append((rep, meta.get("load"), meta.get("jobs")))
    for _ in range(args.n):
        load = os.getloadavg()[0]
        rep = record.record(scen, python=stored["recorder"]["interpreter"], jobs=args.jobs, env=stored.get("environment") or None)
        runs.append((rep, round(load, 1), args.jobs))
    for rep, _, _ in runs:
        if [s["code"] for s in rep["steps"]] != [s["code"] for s in stored["steps"]]:
            raise SystemExit(f"envelope: a run's steps differ from {args.recording}'s")
    beyond = [row for rep, _, _ in runs for row in spread.compare(stored, rep) if not row["within"]]
    print(f"{args.recording}: {len(runs)} runs beside the stored one; {len(beyond)} figure(s) of some run beyond the tolerance")
    print("\n".join(distribution(stored, [r for r, _, _ in runs])))
    out = args.recording.with_name(args.recording.stem + ".runs.json")
    if args.check:
        return 0
    if not beyond:
        if out.exists():
            out.unlink()
        print("the runs agree within the tolerance: the single-run rule stays, nothing written")
        return 0
    doc = {
        "schema": SCHEMA,
        "recording": args.recording.name,
        "rule": "tests/fidelity/compare.ts compareEnvelope",
        "runs": [compact(rep, load, jobs) for rep, load, jobs in runs],
    }
    # one run a line: a re-recording shows in a diff as the lines it changed
    head = json.dumps({k: v for k, v in doc.items() if k != "runs"}, indent=1)[:-2]
    lines = ",\n".join("  " + json.dumps(r, separators=(",", ":")) for r in doc["runs"])
    out.write_text(f'{head},\n "runs": [\n{lines}\n ]\n}}\n')
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
