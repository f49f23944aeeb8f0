#!/usr/bin/env python3
"""Record what a scenario really does to a CPython process's memory.

    python3 tools/record.py SCENARIO.py [--python PY] [--env K=V ...] [-o OUT.json] [-j N] [--aslr]

PY is a version name (3.11 = pyenv 3.11.7, 3.12 = 3.12.1, 3.13 = 3.13.0,
debian-3.11.2 = /usr/bin/python3 with NumPy 1.24.2), a command or a path.
--env K=V (repeatable) is the environment the measured process gets on top of
the pinned one: LD_PRELOAD=libjemalloc.so.2 / libmimalloc.so.2, MALLOC_CONF,
MIMALLOC_*, PYTHONMALLOC, MALLOC_ARENA_MAX, GLIBC_TUNABLES, MALLOC_*_ ...

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
import struct
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.dont_write_bytecode = True  # no tools/__pycache__ from importing the sibling modules
sys.path.insert(0, str(Path(__file__).resolve().parent))
from hw_common import (  # noqa: E402
    CHILD_ENV, CHILD_FLAGS, DEBIAN_PYTHON, allocator_of, child_sha256, parse_env, resolve_interpreter, run_child, version_tag,
)

SCHEMA = "highwater-report/1"
MALLINFO2_FIELDS = ["arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"]
# What tools/native/alloc_stats.c puts in the same ten words under the other allocators.
JEMALLOC_FIELDS = ["allocated", "active", "metadata", "resident", "mapped", "retained", "dirty", "muzzy", "narenas", "background_threads"]
MIMALLOC_FIELDS = ["current_commit", "peak_commit", "peak_rss", "page_faults", "elapsed_msecs", "user_msecs", "system_msecs", None, None, None]
UNAVAILABLE = (1 << 64) - 1


def choose_python(path: Path, source: str) -> str:
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*python:\s*(\S+)", line)
        if m:
            return DEBIAN_PYTHON if m.group(1) == "debian" else m.group(1)
    return DEBIAN_PYTHON if path.name.startswith("numpy_") else "3.11"


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


def allocator_figures(allocator: str, words: list[int], stderr: str) -> dict:
    """The ten words the child read as mallinfo2(), named for the allocator that filled them
    (tools/native/alloc_stats.c fills them under jemalloc and mimalloc)."""
    names = {"glibc": MALLINFO2_FIELDS, "jemalloc": JEMALLOC_FIELDS, "mimalloc": MIMALLOC_FIELDS}[allocator]
    out = {n: (None if v == UNAVAILABLE else v) for n, v in zip(names, words) if n}
    if allocator == "mimalloc":
        sections = re.findall(r"@@HW-MISTATS@@\n(.*?)\n@@HW-MISTATS-END@@", stderr, re.S)
        if sections:
            out["stats_text"] = parse_mi_stats_text(sections[-1])
    return out


def parse_mi_stats_text(text: str) -> dict:
    """mi_stats_print_out's rows (peak, total, freed, current), as mimalloc prints them: amounts
    with 0.1-unit precision ("1.2 MiB"), so approximate; `current` also converted to a number."""
    rows = {}
    for line in text.splitlines():
        m = re.match(r"^\s*(-?[\w ]+?):\s+(.*)$", line)
        if not m or m.group(1) in ("heap stats",):
            continue
        cols = re.findall(r"(-?\d+(?:\.\d)?) ?((?:[KMG]i?)?B?)(?=\s|$)", m.group(2))
        if len(cols) < 4:
            continue
        key = m.group(1).strip()
        if key in rows:  # "-abandoned" appears under segments and under pages
            key = f"pages{key}" if f"segments{key}" in rows else key
        elif key.startswith("-"):
            key = f"{'pages' if 'pages' in rows else 'segments'}{key}"
        def amount(num: str, unit: str) -> float:
            mult = {"": 1, "B": 1, "KiB": 1024, "MiB": 1024**2, "GiB": 1024**3, "Ki": 1024, "Mi": 1024**2, "Gi": 1024**3}.get(unit, 1)
            return float(num) * mult
        rows[key] = {"current": amount(*cols[3]), "peak": amount(*cols[0]), "text": line.strip()}
    return rows


HEAP_MAX_SIZE = 64 << 20  # arena.c 2.36: 2 * DEFAULT_MMAP_THRESHOLD_MAX on 64-bit
HEAP_INFO = struct.Struct("<QQQQQ")  # struct _heap_info: ar_ptr, prev, size, mprotect_size, pagesize


def glibc_heaps(pid: int, maps: str) -> list[dict]:
    """The heaps of glibc's non-main arenas (thread arenas), read from the stopped child.

    new_heap (arena.c 2.36) maps 2 x HEAP_MAX_SIZE PROT_NONE, keeps the 64 MiB-aligned half and
    makes its first `size` bytes read-write; a struct _heap_info sits at the start of every heap.
    /proc/PID/maps alone cannot tell a heap from other anonymous memory (a full heap is one
    rw-p VMA that merges with its neighbours), so every 64 MiB-aligned address inside an anonymous
    rw-p mapping is a candidate, and it is a heap when its first words read (/proc/PID/mem) as a
    sane _heap_info: pagesize 4096, 0 < size <= mprotect_size <= 64 MiB, page multiples, ar_ptr set.
    For each heap: its arena (ar_ptr: heaps of one arena share it), `size` and `mprotect_size` as
    glibc keeps them, and `rss`, the resident pages of its read-write part counted exactly from
    /proc/PID/pagemap (bit 63, present)."""
    anon = []
    for line in maps.splitlines():
        head = line.split(None, 5)
        if len(head) >= 5 and len(head) < 6 or (len(head) == 6 and not head[5].strip()):
            lo, hi = (int(x, 16) for x in head[0].split("-"))
            anon.append((lo, hi, head[1]))
    out = []
    try:
        mem = open(f"/proc/{pid}/mem", "rb")
        pagemap = open(f"/proc/{pid}/pagemap", "rb")
    except OSError:
        return out
    with mem, pagemap:
        for lo, hi, perms in anon:
            if perms != "rw-p":
                continue
            a = -(-lo // HEAP_MAX_SIZE) * HEAP_MAX_SIZE
            while a + HEAP_INFO.size <= hi:
                try:
                    mem.seek(a)
                    ar_ptr, prev, size, mprotect_size, pagesize = HEAP_INFO.unpack(mem.read(HEAP_INFO.size))
                except (OSError, struct.error):
                    ar_ptr = 0
                ok = (
                    ar_ptr
                    and pagesize == 4096
                    and 0 < size <= mprotect_size <= HEAP_MAX_SIZE
                    and size % 4096 == 0
                    and mprotect_size % 4096 == 0
                )
                if ok:
                    pages = mprotect_size // 4096
                    pagemap.seek(a // 4096 * 8)
                    words = struct.unpack(f"<{pages}Q", pagemap.read(pages * 8))
                    rss = sum(1 for w in words if w >> 63) * 4096
                    out.append({"address": a, "arena": ar_ptr, "prev": prev, "size": size, "mprotect_size": mprotect_size, "rss": rss})
                a += HEAP_MAX_SIZE
    return out


def threads_of(status: str) -> int | None:
    m = re.search(r"^Threads:\s+(\d+)", status, re.M)
    return int(m.group(1)) if m else None


def measure(interp, src: bytes, k: int, aslr: bool, env: dict[str, str] | None = None) -> dict:
    heaps: list[dict] = []

    def on_stop(pid: int) -> None:
        with open(f"/proc/{pid}/maps", encoding="ascii", errors="replace") as f:
            heaps.extend(glibc_heaps(pid, f.read()))

    res = run_child(interp, src, k, aslr=aslr, env=env, on_stop=on_stop)
    if res.returncode != 0 or not res.stdout.strip() or not res.proc:
        raise RuntimeError(f"step {k} failed (exit {res.returncode}):\n{res.stderr[-4000:]}")
    # The child writes its JSON last, with os.write; anything the scenario printed and that
    # left Python's stdout buffer before that comes first.
    raw = json.loads(res.stdout[res.stdout.rfind('{"k": ') :])
    fields = [int(x) for x in res.proc["statm"].split()]
    page = os.sysconf("SC_PAGE_SIZE")
    vm = parse_maps(res.proc["maps"], res.proc["smaps"])
    allocator = allocator_of(env)
    figures = allocator_figures(allocator, raw["mallinfo2"], res.stderr)
    dbg = debugmallocstats_section(res.stderr)
    out = {
        "raw": raw,
        "rss": fields[1] * page,
        "rss_anon": (fields[1] - fields[2]) * page,
        "rss_heap": vm["rss_heap"],
        "rss_anon_mmap": vm["rss_anon_mmap"],
        "heap": vm["heap"],
        "anon_mmap": vm["anon_mmap"],
        "mallinfo2": figures if allocator == "glibc" else None,
        "pymalloc": parse_debugmallocstats(dbg),
        "gc": raw["gc"],
        "t": round(res.t_stop, 3) if res.t_stop is not None else None,
        "cpu": round(res.cpu_stop, 4) if res.cpu_stop is not None else None,
        "cpu_samples": res.cpu_samples,
        "threads": threads_of(res.proc.get("status", "")),
        "glibc_heaps": heaps,
    }
    if allocator != "glibc":
        out[allocator] = figures
    if "Bytes Reserved:" in dbg:  # 3.13's own mimalloc (PYTHONMALLOC=mimalloc)
        out["python_mimalloc"] = parse_python_mimalloc(dbg)
    return out


# The shortest CPU window a step's wall/CPU ratio is read over (see record's cpu_start).
MIN_WINDOW_CPU_S = 0.03


def wall_at_cpu(samples: list[tuple[float, float]], cpu: float | None) -> float | None:
    """When (wall seconds since the spawn) a child's CPU clock reached `cpu`, interpolated
    between run_child's samples; None when it never did before the stop."""
    if cpu is None:
        return None
    prev = None
    for wall, used in samples:
        if used >= cpu:
            if prev is None or used == prev[1]:
                return round(wall, 4)
            f = (cpu - prev[1]) / (used - prev[1])
            return round(prev[0] + f * (wall - prev[0]), 4)
        prev = (wall, used)
    return None


def parse_python_mimalloc(text: str) -> dict:
    """3.13's sys._debugmallocstats() under its bundled mimalloc: the totals it prints."""
    out = {}
    for key in ("Allocated Blocks", "Allocated Bytes", "Allocated Bytes w/ Overhead", "Bytes Reserved", "Bytes Committed"):
        m = re.search(r"^\s*" + re.escape(key) + r":\s*(\d+)", text, re.M)
        if m:
            out[key.lower().replace(" w/ ", "_with_").replace(" ", "_")] = int(m.group(1))
    return out


def site_pth(interp) -> dict[str, str]:
    """The .pth files the child's site module runs at start-up (file -> sha256 prefix). They are part
    of the measured start-up: on this machine a sandbox's `_sandboxing_egress_ca.pth` imports certifi
    where it is installed (pyenv 3.11.7), which is what raises 3.11.7's mmap threshold to 163,840
    before the first statement (tools/README.md)."""
    import hashlib

    out = {}
    for d in interp.site_dirs:
        for f in sorted(Path(d).glob("*.pth")):
            out[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()[:16]
    return out


def record(
    path: Path, python: str | None = None, jobs: int = 1, aslr: bool = False, env: dict[str, str] | None = None
) -> dict:
    source = path.read_text()
    src = source.encode()
    stmts = split_statements(source)
    interp = resolve_interpreter(python or choose_python(path, source))
    ks = list(range(len(stmts) + 1))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(lambda k: measure(interp, src, k, aslr, env), ks))
    allocator = allocator_of(env)
    steps = []
    prev_cpu = None
    for k, r in zip(ks, results):
        code, line = ("<start>", 0) if k == 0 else stmts[k - 1]
        cpu_start = None
        if k > 0 and prev_cpu is not None and r["cpu"] is not None:
            # two children's CPU at the same point differ by up to ~15 ms (their start-ups: 101-124
            # ms in one recording), so the window is widened to at least MIN_WINDOW_CPU_S
            cpu_start = max(0.0, min(prev_cpu, r["cpu"] - MIN_WINDOW_CPU_S))
        t_start = wall_at_cpu(r["cpu_samples"], cpu_start)
        prev_cpu = r["cpu"]
        step = {
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
            "t": r["t"],
            # the child's CPU seconds at the stop (every thread; read from outside the child), and
            # the wall time since its spawn (t_start) at which it had used cpu_start: the CPU the
            # previous step's child had at its stop, or 30 ms before this stop if that is earlier.
            # (t - t_start) / (cpu - cpu_start) is the machine's wall time per CPU second around
            # the statement, which the allocators' delays and the GIL's 5 ms interval see
            "cpu": r["cpu"],
            "cpu_start": round(cpu_start, 4) if t_start is not None else None,
            "t_start": t_start,
            "threads": r["threads"],
            "glibc_heaps": r["glibc_heaps"],
        }
        for extra in ("jemalloc", "mimalloc", "python_mimalloc"):
            if extra in r:
                step[extra] = r[extra]
        steps.append(step)
    last = results[-1]["raw"]
    try:
        rel = str(path.resolve().relative_to(Path(__file__).resolve().parent.parent))
    except ValueError:
        rel = str(path)
    return {
        "schema": SCHEMA,
        "python": last["python"],
        "glibc": last["glibc"].split()[-1],
        "numpy": last["numpy"],
        "scenario": path.stem,
        "scenario_path": rel,
        "title": title_of(source),
        "version_tag": version_tag(interp.executable, last["python"]),
        "allocator": allocator,
        "environment": dict(env or {}),
        "recorder": {
            "interpreter": interp.executable,
            "flags": CHILD_FLAGS,
            "env": {**CHILD_ENV, **(env or {})},
            "aslr": aslr,
            "process_per_step": True,
            "child_sha256": child_sha256(),
            "site_pth": site_pth(interp),
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
    ap.add_argument("--env", action="append", metavar="K=V", help="environment of the measured process (repeatable)")
    args = ap.parse_args(argv)
    report = record(args.scenario, args.python, args.jobs, args.aslr, parse_env(args.env))
    text = json.dumps(report, indent=1) + "\n"
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
