#!/usr/bin/env python3
"""Record what scripts print in the recorder's child (the process the simulator's start-up stands
for: its gc.get_objects() starts from the child's 11,6xx tracked objects, not a bare `python3
script.py`'s 11,2xx), for the gc inventory's tests.

    python3 tools/gc/record_printed.py [--python cpython-3.11.7] SCRIPT.py ...

Writes src/engine/python/testdata/gc/printed-<profile>.json: {script file name: printed text}
(merged with what is there). Each script runs whole, one child, PYTHONHASHSEED=0 (hw_common).
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
import record  # noqa: E402
from hw_common import resolve_interpreter, run_child  # noqa: E402

OUT = REPO / "src" / "engine" / "python" / "testdata" / "gc"
BINARIES = {"cpython-3.11.7": "3.11.7", "cpython-3.12.1": "3.12.1", "cpython-3.13.0": "3.13.0"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default="cpython-3.11.7", choices=sorted(BINARIES))
    ap.add_argument("scripts", nargs="+")
    a = ap.parse_args()
    interp = resolve_interpreter(BINARIES[a.python])
    dest = OUT / f"printed-{a.python}.json"
    out = json.loads(dest.read_text()) if dest.exists() else {}
    for path in a.scripts:
        # the child drops what stdout still buffers at os._exit: flush it as a last statement
        src = Path(path).read_text() + "\nimport sys as _hw_sys; _hw_sys.stdout.flush()\n"
        res = run_child(interp, src.encode(), len(record.split_statements(src)))
        if res.returncode != 0:
            raise RuntimeError(f"{path} failed in the child:\n{res.stderr[-2000:]}")
        # the child's own reading follows the script's output on its stdout: one {"k": …} line
        text = res.stdout
        cut = text.rfind('{"k": ')
        out[Path(path).name] = text[:cut] if cut >= 0 else text
        print(Path(path).name, len(res.stdout.splitlines()), "lines", file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
