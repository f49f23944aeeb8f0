#!/usr/bin/env python3
"""The glibc calls of the recorder child's compile of a scenario (its start-up's tail), captured.

    python3 tools/capture_compile_tail.py SCENARIO.py ... [--out DIR] [--callers] [--python 3.11]

tools/hw_child.py's _build() opens the scenario (a BufferedReader: a 4,096-byte buffer and its
lock), reads it, compiles it to an AST (pegen), then compiles the AST with the __hw_step__ markers
(obj2ast, the symbol table, compile.c, the assembler). Every call from the buffer's malloc to the
mark is the compile's; everything before it is the same for every scenario (the prefix of
src/engine/python/startup/cpython-3.11.7.trace). This writes DIR/NAME.tail: the scenario's whole
start-up trace cut at that point, ids as in the full trace, so the simulator's generated tail
(src/engine/python/startup/compileTail.ts) is compared with it call by call. --callers prints each
call with its caller resolved (addr2line), as capture_startup.py does for whole start-ups.

What the shim cannot show (pymalloc serves most of pegen's objects) gdb can: the objects the
parser adds to its arena, by caller, for one script (minus the same run on an empty file, which
is the driver's own parse):

    printf 'set pagination off\nbreak _PyArena_AddPyObject\ncommands\nsilent\nbt 2\ncont\nend\nrun\n' > cmds
    echo 'import sys; compile(open(sys.argv[1], "rb").read(), "x", "exec", 0x400)' > drive.py
    gdb -q -batch -x cmds --args ~/.pyenv/versions/3.11.7/bin/python3.11 -S drive.py SCRIPT.py \
        | grep '^#1' | sed 's/0x[0-9a-f]* in //' | awk '{print $2}' | sort | uniq -c
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
import shimlog  # noqa: E402
from capture_startup import CACHE, SHIM_SRC, build  # noqa: E402
from hw_common import resolve_interpreter, run_child  # noqa: E402

OUT_DEFAULT = TOOLS.parent / "src" / "engine" / "python" / "startup" / "compile-tails"


def tail_start(lines: list[str]) -> int:
    """Index of the compile's first call: the scenario file's BufferedReader buffer (malloc 4096)
    followed by its lock (malloc 32), the last such pair of the start-up."""
    for i in range(len(lines) - 2, -1, -1):
        a, b = lines[i].split(), lines[i + 1].split()
        if a[0] == "m" and a[2] == "4096" and b[0] == "m" and b[2] == "32":
            return i
    raise ValueError("no BufferedReader buffer in the start-up")


def capture(python: str, src: bytes, callers: bool) -> tuple[list[str], int, list[str]]:
    interp = resolve_interpreter(python)
    shim = build(SHIM_SRC, CACHE / "alloc_shim.so", shared=True)
    logdir = Path(tempfile.mkdtemp(prefix="hwtail-"))
    try:
        log = logdir / "shim.log"
        res = run_child(interp, src, 0, extra_env={"LD_PRELOAD": str(shim), "HW_SHIM_LOG": str(log), "HW_SHIM_CAP_MB": "256"})
        if res.returncode != 0:
            raise RuntimeError(f"the child failed:\n{res.stderr[-2000:]}")
        slog = shimlog.read_log(str(log))
    finally:
        shutil.rmtree(logdir, ignore_errors=True)
    recs = slog.recs[: slog.marks[0].rec_index]
    st = shimlog.TraceState()
    tid = recs[0].tid
    lines: list[str] = []
    owners: list[int] = []
    for r in recs:
        got = shimlog.to_trace([r], st, tid)
        lines += got
        owners += [r.caller] * len(got)
    start = tail_start(lines)
    named: list[str] = []
    if callers:
        names = shimlog.resolve(set(owners[start:]), slog.maps[0])
        named = [f"{ln:<24} {names.get(c, ('?', '?', '?'))[1][:100]}" for ln, c in zip(lines[start:], owners[start:])]
    return lines, start, named


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenarios", nargs="+", type=Path)
    ap.add_argument("--python", default="3.11")
    ap.add_argument("--out", type=Path, default=OUT_DEFAULT)
    ap.add_argument("--callers", action="store_true", help="print the tail with each call's caller, write nothing")
    args = ap.parse_args()
    for scen in args.scenarios:
        lines, start, named = capture(args.python, scen.read_bytes(), args.callers)
        if args.callers:
            print(f"# {scen.name}: tail from op {start}")
            print("\n".join(named))
            continue
        args.out.mkdir(parents=True, exist_ok=True)
        head = [
            f"# compile tail of {scen.name} (tools/capture_compile_tail.py, python {args.python})",
            f"# ops {start}.. of its start-up; ids continue the start-up's",
        ]
        (args.out / f"{scen.stem}.tail").write_text("\n".join(head + lines[start:]) + "\n")
        print(f"{scen.stem}: {len(lines) - start} ops from op {start}")


if __name__ == "__main__":
    main()
