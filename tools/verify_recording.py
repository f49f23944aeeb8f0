#!/usr/bin/env python3
"""Cross-check recordings against one run of the whole scenario under the shim.

    python3 tools/verify_recording.py [NAME | RECORDING.json ...] [--trace-dir DIR]

NAME is a recording in tests/fidelity/recorded/; a path names any recording
(the version and env folders, the corpus). Only glibc recordings can be
checked (the shim logs glibc's allocator); their environment (MALLOC_ARENA_MAX,
PYTHONMALLOC...) is used again, and threads' calls are logged like the rest.

record.py measures step k in its own process. Here the whole scenario runs
once, in ONE process, under the LD_PRELOAD shim, which snapshots mallinfo2()
and the program break inside its sched_yield hook at every __hw_step__(i)
marker, i.e. with no Python code at all between the statement and the
reading. For every step the shim's numbers must equal the recording's:

* equal mallinfo2 and [heap] size shows that record.py's readings (gc.disable,
  SIGSTOP, the ctypes call) allocate nothing that glibc sees, and that a fresh
  process per step repeats the same history;
* it also shows that the shim itself does not change glibc's behaviour.

With --trace-dir the full trace of each scenario (start-up plus every
statement, one file, gzip) is written there too, with "# step K: CODE" comment
lines at the step boundaries: replaying it up to a boundary gives that step's
glibc state. Exit status 1 if any step differs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
REPO = TOOLS.parent
sys.dont_write_bytecode = True  # no tools/__pycache__ from importing the sibling modules
sys.path.insert(0, str(TOOLS))
import capture_startup  # noqa: E402
import record  # noqa: E402
import shimlog  # noqa: E402
from hw_common import resolve_interpreter, run_child  # noqa: E402

SCENARIOS = REPO / "tests" / "fidelity" / "scenarios"
RECORDED = REPO / "tests" / "fidelity" / "recorded"


def verify(path: Path, trace_dir: Path | None) -> list[str]:
    rec = json.loads(path.read_text())
    name = rec["scenario"]
    if rec.get("allocator", "glibc") != "glibc":
        return [f"not a glibc recording ({rec['allocator']}): the shim cannot check it"]
    scen = REPO / rec["scenario_path"] if rec.get("scenario_path") else SCENARIOS / f"{name}.py"
    source = scen.read_text()
    n = len(record.split_statements(source))
    shim = capture_startup.build(capture_startup.SHIM_SRC, capture_startup.CACHE / "alloc_shim.so", shared=True)
    interp = resolve_interpreter(rec["recorder"]["interpreter"])
    logdir = Path(tempfile.mkdtemp(prefix="hwverify-"))
    log = logdir / "shim.log"
    try:
        res = run_child(
            interp, source.encode(), n, env=rec.get("environment") or None,
            extra_env={"LD_PRELOAD": str(shim), "HW_SHIM_LOG": str(log), "HW_SHIM_CAP_MB": "4096"},
        )
        if res.returncode != 0:
            return [f"child failed: {res.stderr[-2000:]}"]
        slog = shimlog.read_log(str(log))
    finally:
        shutil.rmtree(logdir, ignore_errors=True)
    problems = []
    if slog.dropped:
        problems.append(f"the shim log overflowed ({slog.dropped} records lost)")
    if len(slog.marks) != n + 1:
        problems.append(f"expected {n + 1} marks, got {len(slog.marks)}")
    for k, (mark, step) in enumerate(zip(slog.marks, rec["steps"])):
        heap = mark.brk - slog.heap_start
        for field, v in step["mallinfo2"].items():
            if mark.mallinfo2[field] != v:
                problems.append(f"step {k} ({step['code'][:30]!r}): mallinfo2.{field} shim {mark.mallinfo2[field]} != recorded {v}")
        if heap != step["heap"]:
            problems.append(f"step {k}: heap shim {heap} != recorded {step['heap']}")
    if trace_dir is not None:
        trace_dir.mkdir(parents=True, exist_ok=True)
        st = shimlog.TraceState()
        main_tid = slog.recs[0].tid if slog.recs else 0
        bounds = [0] + [m.rec_index for m in slog.marks]
        out = [f"# full trace of tests/fidelity/scenarios/{name}.py (tools/verify_recording.py); ops as in tools/native/replay.c"]
        for k in range(len(slog.marks)):
            out += shimlog.to_trace(slog.recs[bounds[k] : bounds[k + 1]], st, main_tid)
            code = rec["steps"][k]["code"].splitlines()[0] if k < len(rec["steps"]) else "?"
            out.append(f"# step {k}: {code}")
        with gzip.open(trace_dir / f"{name}.full.trace.gz", "wt") as f:
            f.write("\n".join(out) + "\n")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--trace-dir", type=Path)
    args = ap.parse_args(argv)
    paths = [Path(n) if n.endswith(".json") else RECORDED / f"{n}.json" for n in args.names] or sorted(RECORDED.glob("*.json"))
    bad = 0
    for path in paths:
        problems = verify(path, args.trace_dir)
        print(f"{str(path.relative_to(REPO)) if path.is_absolute() else str(path):60} {'ok' if not problems else 'DIFFERS'}", flush=True)
        for p in problems[:20]:
            print("    " + p)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
