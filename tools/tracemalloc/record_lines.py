#!/usr/bin/env python3
"""Record what the real interpreter prints for the tracemalloc line snippets.

    python3 tools/tracemalloc/record_lines.py [--python PATH]

Runs every src/engine/python/eval/testdata/tracemalloc_lines/NAME.py with the real python3
(pyenv's 3.11.7 by default) as `script.py` in a fresh temporary directory (the name the
simulator's runScript gives a script), PYTHONHASHSEED=0, and writes what each printed to
testdata/tracemalloc_lines.json, the script's own directory cut from its paths.
eval/tracemallocLines.test.ts holds the simulator's output to it.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src/engine/python/eval/testdata"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default=shutil.which("python3") or "python3")
    a = ap.parse_args()
    out: dict[str, object] = {}
    version = subprocess.run([a.python, "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    for src in sorted((DATA / "tracemalloc_lines").glob("*.py")):
        with tempfile.TemporaryDirectory() as d:
            shutil.copy(src, Path(d) / "script.py")
            env = dict(os.environ, PYTHONHASHSEED="0")
            env.pop("PYTHONTRACEMALLOC", None)
            r = subprocess.run([a.python, "script.py"], cwd=d, env=env, capture_output=True, text=True)
            if r.returncode != 0:
                print(r.stderr, file=sys.stderr)
                return 1
            out[src.stem] = r.stdout.replace(str(Path(d) / "script.py"), "script.py")
        print(src.stem, file=sys.stderr)
    (DATA / "tracemalloc_lines.json").write_text(json.dumps({"python": version, "printed": out}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
