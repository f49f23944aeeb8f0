#!/usr/bin/env python3
"""Record what a scenario really does to a CPython process's memory.

    python3 tools/record.py SCENARIO.py [--python PY] [-o OUT.json] [-j N] [--aslr]

Runs SCENARIO.py on the real interpreter one top-level statement per step and
prints (or writes) a "highwater-report/1" JSON report: for "<start>" and after
each statement, RSS, the [heap] mapping, anonymous mmaps, all of mallinfo2()
and pymalloc's own statistics (sys._debugmallocstats).

How (the reasons are spelled out in hw_child.py and hw_common.py):

* Each step is measured in a FRESH process that runs statements 1..k and then
  measures, so no measurement ever happens inside the history another step
  measures. A scenario of n statements costs n+1 processes.
* The child prepares every reading before the scenario starts and takes them
  in an order that allocates nothing between the last statement and the
  glibc//proc readings; pymalloc's report comes after them.
* The start-up is pinned (interpreter binary, -S, a fixed environment with
  PYTHONHASHSEED=0, stdio on files, ASLR off) so that runs repeat and so that
  tools/capture_startup.py, which replays the same start-up under an
  LD_PRELOAD shim, gives the simulator the very heap "<start>" measured.

The interpreter is `--python`, else /usr/bin/python3 (Debian's 3.11.2 with
python3-numpy) for scenarios whose file name starts with "numpy_" or that
have a "# python: debian" header line, else `python3`.

Field meanings (bytes unless said):
  rss        resident pages of the process, from /proc/self/statm
  rss_anon   (extra) resident minus file-backed/shared resident, from statm
  heap       size of the [heap] mapping in /proc/self/maps (0 if none)
  anon_mmap  total size of private anonymous mappings (rw-p, no path),
             [heap] and [stack] excluded. Includes pymalloc arenas, glibc's
             mmapped chunks, CPython's 16 KiB frame-stack chunks, NumPy's big
             buffers, and the constant anonymous tails (.bss) of libraries.
  mallinfo2  glibc's own counters, all 10 fields
  pymalloc   arenas_* counters and, per size class (key = block size), pools,
             blocks_in_use and avail, from sys._debugmallocstats(); plus
             (extra) the "free_lists" the same report prints
  gc         (extra) gc.get_count(), collections per generation and the
             number of tracked objects per generation, read after the rest
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.dont_write_bytecode = True  # no tools/__pycache__ from importing the sibling modules
sys.path.insert(0, str(Path(__file__).resolve().parent))
from hw_common import CHILD_ENV, CHILD_FLAGS, DEBIAN_PYTHON, child_sha256, resolve_interpreter, run_child  # noqa: E402

SCHEMA = "highwater-report/1"
MALLINFO2_FIELDS = ["arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"]


def choose_python(path: Path, source: str) -> str:
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*python:\s*(\S+)", line)
        if m:
            return DEBIAN_PYTHON if m.group(1) == "debian" else m.group(1)
    return DEBIAN_PYTHON if path.name.startswith("numpy_") else "python3"


def title_of(source: str) -> str | None:
    for line in source.splitlines():
        m = re.match(r"#\s*title:\s*(.+)", line)
        if m:
            return m.group(1).strip()
    return None


def split_statements(source: str) -> list[tuple[str, int]]:
    """(source text, first line) of every top-level statement."""
    tree = ast.parse(source)
    out = []
    for node in tree.body:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        lines = source.splitlines()[first - 1 : node.end_lineno]
        text = ast.get_source_segment(source, node, padded=True) or ""
        if first != node.lineno or "\n" in text:
            text = "\n".join(lines)  # whole lines: keeps decorators and indentation
        out.append((text.rstrip(), first))
    return out


# ---- parsing the child's raw readings ---------------------------------------


def parse_maps(maps: str, smaps: str) -> dict[str, int]:
    """[heap] size and the private anonymous rw-p mappings without a path, with their Rss."""
    out = {"heap": 0, "anon_mmap": 0, "rss_heap": 0, "rss_anon_mmap": 0}
    kind = None
    for line in smaps.splitlines():
        head = line.split(None, 5)
        if head and "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
            lo, hi = (int(x, 16) for x in head[0].split("-"))
            path = head[5].strip() if len(head) > 5 else ""
            kind = None
            if path == "[heap]":
                kind = "heap"
            elif path == "" and head[1] == "rw-p" and head[4] == "0":
                kind = "anon_mmap"
            if kind:
                out[kind] += hi - lo
        elif kind and line.startswith("Rss:"):
            out["rss_" + kind] += int(line.split()[1]) * 1024
    # smaps and maps list the same mappings; check the sizes against maps.
    heap = sum(
        int(b, 16) - int(a, 16)
        for a, b in (l.split()[0].split("-") for l in maps.splitlines() if l.rstrip().endswith("[heap]"))
    )
    assert heap == out["heap"], (heap, out["heap"])
    return out


_CLASS_ROW = re.compile(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$")
_LABELLED = re.compile(r"^(.*?)\s*=\s*([\d,]+)$")
_FREE_LIST = re.compile(r"^\s*(\d+) free (.+?) \* \d+ bytes each")


def parse_debugmallocstats(text: str) -> dict:
    classes: dict[str, dict[str, int]] = {}
    labelled: dict[str, int] = {}
    free_lists: dict[str, int] = {}
    for line in text.splitlines():
        m = _CLASS_ROW.match(line)
        if m:
            _, size, pools, used, avail = (int(g) for g in m.groups())
            classes[str(size)] = {"pools": pools, "blocks_in_use": used, "avail": avail}
            continue
        m = _FREE_LIST.match(line)
        if m:
            free_lists[m.group(2)] = int(m.group(1))
            continue
        m = _LABELLED.match(line)
        if m:
            labelled.setdefault(m.group(1).strip(), int(m.group(2).replace(",", "")))
    out = {
        "arenas_allocated_current": labelled.get("# arenas allocated current"),
        "arenas_allocated_total": labelled.get("# arenas allocated total"),
        "arenas_reclaimed": labelled.get("# arenas reclaimed"),
        "arenas_highwater_mark": labelled.get("# arenas highwater mark"),
        "classes": classes,
    }
    extra = {
        "unused_pools": None,
        "bytes_in_allocated_blocks": labelled.get("# bytes in allocated blocks"),
        "bytes_lost_to_arena_alignment": labelled.get("# bytes lost to arena alignment"),
        "arena_map_mid_nodes": labelled.get("# arena map mid nodes"),
        "arena_map_bot_nodes": labelled.get("# arena map bot nodes"),
    }
    m = re.search(r"^(\d+) unused pools \*", text, re.M)
    if m:
        extra["unused_pools"] = int(m.group(1))
    out.update(extra)
    out["free_lists"] = free_lists
    return out


def debugmallocstats_section(stderr: str) -> str:
    m = re.search(r"@@HW-DEBUGMALLOCSTATS@@\n(.*?)\n@@HW-END@@", stderr, re.S)
    if not m:
        raise RuntimeError("no _debugmallocstats output in the child's stderr:\n" + stderr[-4000:])
    return m.group(1)


def measure(interp, src: bytes, k: int, aslr: bool) -> dict:
    res = run_child(interp, src, k, aslr=aslr)
    if res.returncode != 0 or not res.stdout.strip() or not res.proc:
        raise RuntimeError(f"step {k} failed (exit {res.returncode}):\n{res.stderr[-4000:]}")
    raw = json.loads(res.stdout)
    fields = [int(x) for x in res.proc["statm"].split()]
    page = os.sysconf("SC_PAGE_SIZE")
    vm = parse_maps(res.proc["maps"], res.proc["smaps"])
    return {
        "raw": raw,
        "rss": fields[1] * page,
        "rss_anon": (fields[1] - fields[2]) * page,
        "rss_heap": vm["rss_heap"],
        "rss_anon_mmap": vm["rss_anon_mmap"],
        "heap": vm["heap"],
        "anon_mmap": vm["anon_mmap"],
        "mallinfo2": dict(zip(MALLINFO2_FIELDS, raw["mallinfo2"])),
        "pymalloc": parse_debugmallocstats(debugmallocstats_section(res.stderr)),
        "gc": raw["gc"],
    }


def record(path: Path, python: str | None = None, jobs: int = 1, aslr: bool = False) -> dict:
    source = path.read_text()
    src = source.encode()
    stmts = split_statements(source)
    interp = resolve_interpreter(python or choose_python(path, source))
    ks = list(range(len(stmts) + 1))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(lambda k: measure(interp, src, k, aslr), ks))
    steps = []
    for k, r in zip(ks, results):
        code, line = ("<start>", 0) if k == 0 else stmts[k - 1]
        steps.append(
            {
                "code": code,
                "line": line,
                "rss": r["rss"],
                "rss_anon": r["rss_anon"],
                "rss_heap": r["rss_heap"],
                "rss_anon_mmap": r["rss_anon_mmap"],
                "heap": r["heap"],
                "anon_mmap": r["anon_mmap"],
                "mallinfo2": r["mallinfo2"],
                "pymalloc": r["pymalloc"],
                "gc": r["gc"],
            }
        )
    last = results[-1]["raw"]
    return {
        "schema": SCHEMA,
        "python": last["python"],
        "glibc": last["glibc"].split()[-1],
        "numpy": last["numpy"],
        "scenario": path.stem,
        "title": title_of(source),
        "recorder": {
            "interpreter": interp.executable,
            "flags": CHILD_FLAGS,
            "env": CHILD_ENV,
            "aslr": aslr,
            "process_per_step": True,
            "child_sha256": child_sha256(),
        },
        "steps": steps,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario", type=Path)
    ap.add_argument("--python", help="interpreter (default: see the module docstring)")
    ap.add_argument("-o", "--output", type=Path, help="write the report here instead of stdout")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="steps measured in parallel (each is its own process)")
    ap.add_argument("--aslr", action="store_true", help="leave address-space randomisation on")
    args = ap.parse_args(argv)
    report = record(args.scenario, args.python, args.jobs, args.aslr)
    text = json.dumps(report, indent=1) + "\n"
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
