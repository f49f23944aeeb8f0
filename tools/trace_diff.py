#!/usr/bin/env python3
"""Where the simulator's malloc calls part from the real process's, call by call.

    python3 tools/trace_diff.py SCENARIO.py [--recording REC.json] [--keep DIR] [-n N]

Runs the scenario's recording once, whole, under the LD_PRELOAD shim (verify_recording.py
--trace-dir: the real call sequence, start-up included) and the simulator's CLI with --malloc-log
(the simulated process's calls, boot included), then aligns the two and prints the first N places
where they differ, with the calls on each side. Both traces number blocks the same way (the lowest
free id), so an id that differs is a block allocated at another moment.

Normalised before comparing: realloc of an id not live is a malloc (realloc(NULL, n)); calloc(n, s)
is compared by n*s. Why a step is outside tolerance is usually here: the same calls from step 1 on,
but a different heap layout left by what happened before it (the corpus's heldout sample found the
compile-time calls this way, tests/corpus/README.md).
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def normalised(lines: list[str]) -> list[str]:
    live: set[str] = set()
    out: list[str] = []
    for line in lines:
        p = line.split()
        if not p or p[0] not in ("m", "c", "r", "f", "t", "T"):
            continue
        op = p[0]
        if op == "r" and p[1] not in live:
            op = "m"
        if op in ("m", "c", "r"):
            live.add(p[1])
        elif op == "f":
            live.discard(p[1])
        if op == "c" and len(p) >= 4:
            out.append(f"c {p[1]} {int(p[2]) * int(p[3])}")
        elif op == "r" and len(p) >= 4:
            out.append(f"r {p[1]} {p[3]}")
        else:
            out.append(" ".join([op, *p[1:]]))
    return out


def recording_for(scenario: Path) -> Path | None:
    for cand in (
        REPO / "tests" / "corpus" / "recorded" / f"{scenario.stem}.json",
        *sorted((REPO / "tests" / "fidelity" / "recorded").glob(f"**/{scenario.stem}.json")),
        scenario.with_suffix(".json"),
    ):
        if cand.is_file():
            return cand
    return None


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario", type=Path)
    ap.add_argument("--recording", type=Path, help="the scenario's recording (default: found by name)")
    ap.add_argument("--keep", type=Path, help="write both traces here")
    ap.add_argument("-n", type=int, default=12, help="differences to print (default 12)")
    args = ap.parse_args(argv)

    rec = args.recording or recording_for(args.scenario)
    if rec is None:
        ap.error(f"no recording found for {args.scenario.stem}: give --recording")
    out = args.keep or Path(tempfile.mkdtemp(prefix="hw-tracediff-"))
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "verify_recording.py"), str(rec.resolve()), "--trace-dir", str(out)],
        cwd=REPO, check=False, stdout=subprocess.DEVNULL,
    )
    real_gz = out / f"{rec.stem}.full.trace.gz"
    if not real_gz.is_file():
        print(f"trace_diff: verify_recording.py wrote no {real_gz}", file=sys.stderr)
        return 1
    real = gzip.open(real_gz, "rt").read().splitlines()
    sim_run = subprocess.run(
        ["node", str(REPO / "bin" / "highwater"), str(args.scenario.resolve()), "--malloc-log"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    sim = sim_run.stdout.splitlines()
    (out / f"{rec.stem}.sim.trace").write_text(sim_run.stdout)

    a, b = normalised(real), normalised(sim)
    print(f"real {len(a)} calls, simulated {len(b)} calls ({out})")
    shown = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        shown += 1
        if shown <= args.n:
            print(f"{tag:7} real #{i1}: {'; '.join(a[i1:i2][:8]) or '-'}")
            print(f"{'':7} sim  #{j1}: {'; '.join(b[j1:j2][:8]) or '-'}")
    print(f"{shown} places differ" if shown else "the same calls, in the same order")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
