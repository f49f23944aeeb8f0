#!/usr/bin/env python3
"""Record where the real interpreters keep their static objects: id() of None, Ellipsis,
NotImplemented, True, False and of every static type in the interpreter's own binary.

    python3 tools/builtins/record_static_ids.py

_Py_HashPointer makes hash(None) (3.11), hash(Ellipsis), hash(NotImplemented) and the hash of a type
object from its address, so the order a set or dict of them prints in follows these addresses. The
recorder runs its children with ASLR off (tools/hw_common.py, personality(ADDR_NO_RANDOMIZE)): the
addresses are then the same in every run (pyenv's builds load libpython3.X.so at a fixed place;
Debian's python3 is not PIE and keeps them fixed even with ASLR on). With ASLR on, pyenv's 3.11.7
prints a different hash(None) each run. Only objects inside the binary that holds _Py_NoneStruct
(libpython or the executable) are recorded: an extension module's types move with the load order.
Types are keyed by tp_name, as the simulator's type table names them. Writes
src/engine/python/runtime/staticids.json, one map per start-up profile.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOLS))
from hw_common import _no_aslr  # noqa: E402

OUT = TOOLS.parent / "src/engine/python/runtime/staticids.json"
PYENV = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
PROFILES = {
    "cpython-3.11.7": f"{PYENV}/versions/3.11.7/bin/python3.11",
    "cpython-3.12.1": f"{PYENV}/versions/3.12.1/bin/python3.12",
    "cpython-3.13.0": f"{PYENV}/versions/3.13.0/bin/python3.13",
    "debian-3.11.2": "/usr/bin/python3",
}

CHILD = r'''
import json
HEAP = 1 << 9
none = id(None)
lo = hi = None
for line in open("/proc/self/maps"):
    f = line.split()
    a, b = (int(x, 16) for x in f[0].split("-"))
    if a <= none < b:
        path = f[5] if len(f) > 5 else ""
        break
ranges = []
for line in open("/proc/self/maps"):
    f = line.split()
    if len(f) > 5 and f[5] == path:
        a, b = (int(x, 16) for x in f[0].split("-"))
        ranges.append((a, b))
inside = lambda p: any(a <= p < b for a, b in ranges)
def tp_name(t):
    mod = t.__module__
    if not isinstance(mod, str):
        mod = "builtins"
    return t.__qualname__ if mod == "builtins" else mod + "." + t.__qualname__
seen, todo, types = set(), [object], {}
while todo:
    t = todo.pop()
    if id(t) in seen:
        continue
    seen.add(id(t))
    try:
        todo.extend(type.__subclasses__(t))
    except TypeError:
        pass
    if not t.__flags__ & HEAP and inside(id(t)):
        types.setdefault(tp_name(t), id(t))
objects = {"None": id(None), "Ellipsis": id(...), "NotImplemented": id(NotImplemented),
           "True": id(True), "False": id(False)}
print(json.dumps({"objects": objects, "types": dict(sorted(types.items()))}))
'''


def main() -> int:
    out = {}
    for profile, exe in PROFILES.items():
        if not os.path.exists(exe):
            print(f"{profile}: {exe} missing", file=sys.stderr)
            continue
        runs = [
            subprocess.run([exe, "-c", CHILD], capture_output=True, text=True, check=True,
                           preexec_fn=_no_aslr).stdout
            for _ in range(2)
        ]
        if runs[0] != runs[1]:
            print(f"{profile}: the addresses differ between two runs", file=sys.stderr)
            return 1
        out[profile] = json.loads(runs[0])
        print(profile, len(out[profile]["types"]), "types", file=sys.stderr)
    OUT.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
