#!/usr/bin/env python3
"""Record an environment recording's scenario again, as a rerun beside it.

    python3 tools/rerecord_env.py PRESET/NAME[:N] ...

For each tests/fidelity/recorded/env/PRESET/NAME.json, records its scenario N more times (default 1)
with the same interpreter and environment (record.record, one fresh process per step, as the
recording was made) and writes tests/fidelity/recorded/env-reruns/PRESET/NAME.<n>.json, numbering
after the reruns already there. tests/fidelity/envRuns.ts judgeEnvRecording holds the simulator to
the recording or to one of these: where an allocator purges by the wall clock (mimalloc's 25 ms
decommit delay, jemalloc's decay epochs and background thread), runs on the loaded recorder differ
by more than the tolerance, and tools/spread.py says by how much.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
REPO = TOOLS.parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(TOOLS))
import record  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    for arg in argv:
        what, _, n = arg.partition(":")
        preset, name = what.split("/")
        old = json.loads((REPO / "tests/fidelity/recorded/env" / preset / f"{name}.json").read_text())
        out = REPO / "tests/fidelity/recorded/env-reruns" / preset
        out.mkdir(parents=True, exist_ok=True)
        have = len(list(out.glob(f"{name}.*.json")))
        for i in range(have + 1, have + 1 + int(n or 1)):
            new = record.record(
                REPO / old["scenario_path"], python=old["recorder"]["interpreter"], jobs=1,
                env=old.get("environment") or None,
            )
            path = out / f"{name}.{i}.json"
            path.write_text(json.dumps(new, indent=1) + "\n")
            print(f"wrote {path.relative_to(REPO)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
