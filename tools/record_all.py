#!/usr/bin/env python3
"""Record the fidelity scenarios on the real interpreters: the sets of tools/recording_sets.py.

    python3 tools/record_all.py                       # set `base` -> tests/fidelity/recorded/*.json
    python3 tools/record_all.py --python 3.12         # every set for 3.12 -> recorded/3.12/
    python3 tools/record_all.py --preset jemalloc     # allocator (+thread) sets under jemalloc -> recorded/env/jemalloc/
    python3 tools/record_all.py --set versions-3.13 [NAME ...]
    python3 tools/record_all.py --python 3.13 --env K=V --out DIR NAME ...   # ad hoc
    python3 tools/record_all.py --list

NAMEs are scenario file stems (unique across tests/fidelity/scenarios/**);
with a set they narrow it, alone they are recorded as set `base` would.

A full `base` run (no NAME, no other option) also re-captures the generic
start-ups in src/engine/python/startup/ (tools/capture_startup.py). Every
glibc recording gets its own start-up trace beside it (NAME.startup.trace,
replayed on the real glibc to "<start>" exactly; `startup_trace` in the
JSON); under jemalloc or mimalloc there is none (the shim logs glibc).
--no-startup skips both (they need gcc).

-j N measures N steps at once (each step is its own process; the biggest
scenarios use about 1 GB per process, the big-3.11 set up to 9 GB: keep -j 1
there). --check records into memory and compares with the files already
there instead of writing them: it prints the fields that differ and exits 1
if any do.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # no tools/__pycache__ from importing the sibling modules
sys.path.insert(0, str(TOOLS))
import capture_startup  # noqa: E402
import record  # noqa: E402
from hw_common import allocator_of, parse_env  # noqa: E402
from recording_sets import PRESETS, RECORDED, SETS, RecordingSet, find_scenario  # noqa: E402

VOLATILE = ("t", "cpu", "cpu_start", "t_start", "rss", "startup_trace")  # differ between runs by nature; --check reports them apart


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


def startup_trace(f: Path, report: dict, out_dir: Path, env: dict[str, str]) -> dict:
    """Capture this scenario's own start-up (under the shim) as NAME.startup.trace.

    Every scenario's "<start>" differs a little from the generic capture in
    src/engine/python/startup/ (compiling the scenario, and reading its file,
    allocate), so the fidelity tests can start each scenario from its exact
    start-up: replaying NAME.startup.trace on glibc gives the "<start>" step.
    """
    source = f.read_text()
    spec = {"python": report["recorder"]["interpreter"], "scenario": source, "segments": ["startup"]}
    info = capture_startup.capture(f"{f.stem}.startup", spec, out_dir, write_json=False, env=env)
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


def run_set(rs: RecordingSet, files: list[Path], args, env: dict[str, str], out_dir: Path) -> int:
    """Record `files` into out_dir; returns how many differ (--check) or failed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    bad = 0
    for f in files:
        t0 = time.time()
        try:
            report = record.record(f, python=rs.python, jobs=args.jobs, env=env)
        except RuntimeError as e:
            bad += 1
            print(f"{f.stem:28} FAILED: {str(e).splitlines()[0]}\n    " + "\n    ".join(str(e).splitlines()[-6:]), flush=True)
            continue
        if not args.no_startup and not args.check and allocator_of(env) == "glibc":
            report["startup_trace"] = startup_trace(f, report, out_dir, env)
        out = out_dir / f"{f.stem}.json"
        note = ""
        if args.check:
            old = json.loads(out.read_text()) if out.exists() else {}
            d = [x for x in diff(old, report) if not (set(x.split(":")[0].replace("[", ".[").split(".")) & set(VOLATILE))]
            if d:
                bad += 1
                note = f"  {len(d)} differences:\n    " + "\n    ".join(d[:40])
            else:
                note = "  unchanged (t and rss aside)"
        else:
            out.write_text(json.dumps(report, indent=1) + "\n")
        last = report["steps"][-1]
        ok = report.get("startup_trace", {}).get("replay_equals_start")
        print(
            f"{f.stem:28} {len(report['steps']) - 1:2} steps  python {report['python']:7} {report['allocator']:8} "
            f"heap {last['heap'] / 2**20:8.2f} MiB  rss {last['rss'] / 2**20:8.2f} MiB"
            f"{'' if ok is None else '  start-up replay ' + ('exact' if ok else 'DIFFERS')}  ({time.time() - t0:5.1f} s){note}",
            flush=True,
        )
        bad += ok is False
    return bad


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="scenario names (default: the whole set)")
    ap.add_argument("--set", action="append", dest="sets", choices=sorted(SETS), help="a set (repeatable)")
    ap.add_argument("--python", help="3.11, 3.12, 3.13 or debian-3.11.2: every set for it, or the interpreter for NAMEs")
    ap.add_argument("--preset", choices=sorted(PRESETS), help="an environment preset: every set under it, or for NAMEs")
    ap.add_argument("--env", action="append", metavar="K=V", help="ad hoc environment for NAMEs (repeatable)")
    ap.add_argument("--out", type=Path, help="ad hoc output folder for NAMEs")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="compare with the recorded files instead of writing")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up traces (needs gcc)")
    ap.add_argument("--list", action="store_true", help="list the sets and exit")
    args = ap.parse_args(argv)

    if args.list:
        for rs in SETS.values():
            env = " ".join(f"{k}={v}" for k, v in rs.env.items()) or "(glibc defaults)"
            where = rs.out_dir.relative_to(RECORDED.parent.parent.parent)
            print(f"{rs.name:26} {len(rs.files()):3} scenarios  python {rs.python or 'auto':13} -> {where}  {env}")
            print(f"{'':26} {rs.note}")
        return 0

    jobs: list[tuple[RecordingSet, list[Path], dict[str, str], Path]] = []
    adhoc = bool(args.env or args.out)
    if args.sets or ((args.python or args.preset) and not args.names and not adhoc):
        chosen = [SETS[n] for n in args.sets] if args.sets else [
            rs for rs in SETS.values()
            if rs.name != "base" and not rs.explicit
            and (not args.python or rs.python == args.python)
            and (not args.preset or rs.preset == args.preset)
        ]
        for rs in chosen:
            files = rs.files()
            if args.names:
                files = [f for f in files if f.stem in set(args.names)]
            jobs.append((rs, files, rs.env, rs.out_dir))
    else:
        files = []
        for n in args.names or [f.stem for f in SETS["base"].files()]:
            f = find_scenario(n.removesuffix(".py"))
            if f is None:
                ap.error(f"no such scenario: {n}")
            files.append(f)
        env = {**PRESETS.get(args.preset or "glibc", {}), **parse_env(args.env)}
        python = args.python
        out = args.out or (
            RECORDED / "env" / args.preset if args.preset and args.preset != "glibc"
            else RECORDED / python if python and python != "3.11"
            else RECORDED
        )
        rs = RecordingSet("adhoc", (), python, "")
        jobs.append((rs, files, env, out))

    bad = 0
    for rs, files, env, out in jobs:
        if rs.name != "adhoc":
            print(f"== {rs.name}: {len(files)} scenarios -> {out.relative_to(RECORDED.parent.parent.parent)}", flush=True)
        bad += run_set(rs, files, args, env, out)

    full_base = not (args.names or args.sets or args.python or args.preset or adhoc or args.check or args.no_startup)
    if full_base:
        # The generic start-up captures must come from the same child as the
        # recordings (see hw_common.child_sha256), so refresh them too.
        print("start-up captures -> src/engine/python/startup/", flush=True)
        if capture_startup.main([]) != 0:
            return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
