#!/usr/bin/env python3
"""Capture what `import MODULE` costs in the recorder's process, so the simulator can replay it.

    python3 tools/imports/capture_import.py [--python 3.11.7] [MODULE ...]

For each interpreter the recorder runs (tools/hw_common.py: same binary, flags, environment,
stdio, ASLR off), this first reads which modules the recorder's child has loaded when its first
statement runs (sys.modules, read from the real process): importing one of those costs nothing.
For every other MODULE it finds the modules its import brings in (the names it adds to
sys.modules, in order), and captures the import alone: a scenario imports those dependencies
first, then MODULE, under the LD_PRELOAD shim (tools/native/alloc_shim.c) with hwpm.c hooking the
PyMem/PyObject domains, so the log holds every pymalloc-level call and, nested inside each,
the C-library calls pymalloc made for it, and outside them everything else (PyMem_Raw*, the
dynamic loader, libraries). The segment between the last two step marks is written to
src/engine/python/modules/footprints/<version>/<MODULE>.trace:

    p m ID SIZE | p c ID N SIZE | p r ID OLD SIZE | p f ID     pymalloc-level calls (ids: their own)
    g m ID SIZE | g c ID N SIZE | g r ID OLD SIZE | g f ID     C-library calls outside them
    ... ~SIZE / ~g:ID:SIZE for OLD or ID: a block made before the import (a pymalloc block of that
        size class, or a C-library chunk of the start-up with that trace id and request size)
    ... ^DEP:p:ID:SIZE / ^DEP:g:ID:SIZE: a block a dependency's import made (its id there)

and beside it MODULE.json: the dependencies, and what the recorder measures without the shim
across the import (RSS, anonymous mappings, heap, mallinfo2, pymalloc per class, the collector's
counts), which the simulator uses for what the trace does not carry (the libraries' file pages,
their .bss, the gc counters). For a module with dependencies, also `import MODULE` alone in a
fresh process, its dependencies' imports nested inside it as a script's first import makes them:
MODULE.alone.trace, and its readings as `alone` in MODULE.json (the simulator replays it when none
of the dependencies is imported yet, the tests hold a whole import to those readings). `startup_modules.json` lists the start-up modules.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
REPO = TOOLS.parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(TOOLS))
import record  # noqa: E402
import shimlog  # noqa: E402
from capture_startup import CACHE, SHIM_SRC, build  # noqa: E402
from hw_common import resolve_interpreter, run_child  # noqa: E402

OUT = REPO / "src" / "engine" / "python" / "modules" / "footprints"
MODELLED = ["collections", "collections.abc", "functools", "itertools", "operator", "heapq", "bisect", "copy", "array", "weakref"]
PYTHONS = {"3.11.7": "python3", "debian-3.11.2": "/usr/bin/python3.11", "3.12.1": "~/.pyenv/versions/3.12.1/bin/python3.12", "3.13.0": "~/.pyenv/versions/3.13.0/bin/python3.13"}
PM_BEGIN, PM_END = 16, 17
KINDS = {1: "m", 2: "c", 3: "r", 4: "f"}


def build_hwpm(interp, out_dir: Path) -> None:
    """hwpm.c against the interpreter's own headers, as hwpm<EXT_SUFFIX> in out_dir."""
    probe = "import sysconfig; print(sysconfig.get_paths()['include']); print(sysconfig.get_config_var('EXT_SUFFIX'))"
    inc, suffix = subprocess.run([interp.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-I", inc, str(Path(__file__).with_name("hwpm.c")), "-o", str(out_dir / f"hwpm{suffix}")], check=True)


def hook_statements(tmp: Path, log: Path) -> str:
    """Install hwpm's hook through ctypes (loaded at the recorder's start-up): no import, so nothing
    the module under capture would do (sys.modules growing, a path finder made) happens before it."""
    so = next(tmp.glob("hwpm*.so"))
    return f"import ctypes\nctypes.PyDLL({str(so)!r}).hwpm_install({str(log)!r}.encode())\n"


def child_output(interp, scenario: str, path: Path) -> str:
    """Run the recorder's child on `scenario` (which writes `path`) to its last statement."""
    n = len(record.split_statements(scenario))
    res = run_child(interp, scenario.encode(), n)
    if res.returncode != 0:
        raise RuntimeError(f"the child failed:\n{res.stderr[-2000:]}")
    return path.read_text()


def startup_modules(interp, tmp: Path) -> list[str]:
    out = tmp / "mods.txt"
    scenario = f"import sys\nopen({str(out)!r}, 'w').write('\\n'.join(sorted(sys.modules)))\n"
    return child_output(interp, scenario, out).split()


def dependencies(interp, module: str, tmp: Path) -> list[str]:
    """The modules `import module` adds, in the order their imports began (module and its own submodules left
    out; a submodule's parent package stays in, so `collections.abc` is captured after `collections`)."""
    out = tmp / "deps.txt"
    scenario = (
        f"import sys\n_hw_before = set(sys.modules)\nimport {module}\n"
        f"open({str(out)!r}, 'w').write('\\n'.join(m + (' package' if hasattr(sys.modules[m], '__path__') else '')"
        f" for m in sys.modules if m not in _hw_before))\n"
    )
    rows = [line.split() for line in child_output(interp, scenario, out).splitlines() if line.strip()]
    packages = {r[0] for r in rows if len(r) > 1}
    new = [r[0] for r in rows]
    # a package's C accelerator (asyncio's _asyncio) imports the package's own submodules when it
    # loads, so it cannot be imported ahead of the package: it is part of the package's import. A plain
    # module's (ssl's _ssl, socket's _socket) is an ordinary dependency: left inside, a module that
    # imports both (asyncio: _ssl, then ssl) replayed _ssl's 2.3 MiB twice
    accelerator = "_" + module if module in packages else None
    deps = [m for m in new if m != module and not m.startswith(module + ".") and m != accelerator]
    # typing (a module, not a package) puts typing.io and typing.re into sys.modules while it runs,
    # and `import typing.io` cannot come before typing: such a name moves right after its parent
    # (a package's submodules keep their place: re._parser is captured before re)
    out_deps: list[str] = []
    for m in deps:
        parent = m.rpartition(".")[0]
        if parent and parent in deps and parent not in packages and parent not in out_deps:
            continue
        out_deps.append(m)
        out_deps += [d for d in deps if d.rpartition(".")[0] == m and m not in packages and d not in out_deps]
    return out_deps


class Ids:
    """Ids for the blocks made in the segment (the smallest free id first, as the start-up traces do)."""

    def __init__(self):
        self.of: dict[int, int] = {}
        self.free: list[int] = []
        self.next = 0

    def bind(self, ptr: int) -> int:
        i = min(self.free) if self.free else self.next
        if self.free:
            self.free.remove(i)
        else:
            self.next += 1
        self.of[ptr] = i
        return i

    def release(self, ptr: int) -> int | None:
        i = self.of.pop(ptr, None)
        if i is not None:
            self.free.append(i)
        return i


class Segments:
    """Walks the shim log once, in order, turning the segments asked for into footprint lines.

    Blocks and chunks a segment makes and leaves live are remembered by module (`made`), so a later
    segment that frees or reallocates one refers to it as `^MODULE:p:ID:SIZE` / `^MODULE:g:ID:SIZE`
    (the id in that module's own footprint, which numbers its calls the same way where the module's
    import makes the same calls in both processes: a warning says where it does not, and the size lets
    the simulator fall back on a block of the same size); anything older is the
    start-up's: `~SIZE` (a pymalloc block of that size class) or `~g:SID:SIZE` (a start-up chunk).
    """

    def __init__(self, slog):
        self.slog = slog
        self.st = shimlog.TraceState()
        self.done = 0  # records fed to st so far
        self.made: dict[int, tuple[str, str, int, int]] = {}  # live pointer -> (domain, module, id, size)

    def skip_to(self, index: int) -> None:
        for r in self.slog.recs[self.done : index]:
            shimlog.to_trace([r], self.st, r.tid)
        self.done = max(self.done, index)

    def segment(self, module: str, start: int, stop: int) -> tuple[list[str], dict]:
        """The trace lines of records [start, stop): `import module`."""
        self.skip_to(start)
        st = self.st
        pm, g = Ids(), Ids()
        size: dict[int, int] = {}  # pointer -> requested size, for what stays live
        lines: list[str] = []
        stats = {"pymalloc_calls": 0, "libc_calls": 0, "preexisting": 0, "from_dependencies": 0, "mmaps": 0}
        depth = 0
        pending = None  # the open PM_BEGIN record
        nested: list = []  # the C-library records inside it

        def older(ptr: int, domain: str) -> str | None:
            m = self.made.get(ptr)
            if m is None or m[0] != domain:
                return None
            del self.made[ptr]
            stats["from_dependencies"] += 1
            return f"^{m[1]}:{domain}:{m[2]}:{m[3]}"

        def startup_chunk(ptr: int) -> str:
            sid = st.ids.get(ptr)
            return f"~g:{sid}:{st.size_of.get(sid, 0)}"

        def pm_old(ptr: int, hdr: int) -> str:
            i = pm.release(ptr)
            if i is not None:
                return str(i)
            ref = older(ptr, "p")
            if ref is not None:
                return ref
            stats["preexisting"] += 1
            if any(x.a == ptr and x.op in ("free", "realloc") for x in nested):
                return startup_chunk(ptr)  # a big block: pymalloc handed it to the C library
            return f"~{16 * hdr}" if hdr else "~0"

        def g_old(ptr: int) -> str:
            i = g.release(ptr)
            if i is not None:
                return str(i)
            ref = older(ptr, "g")
            if ref is not None:
                return ref
            stats["preexisting"] += 1
            return startup_chunk(ptr)

        for r in self.slog.recs[start:stop]:
            op = r.op
            if op == f"op{PM_BEGIN}":
                depth += 1
                pending, nested = r, []
                continue
            if op == f"op{PM_END}":
                depth -= 1
                b = pending
                kind = KINDS[b.a & 0xFF]
                stats["pymalloc_calls"] += 1
                if kind == "m":
                    line = f"p m {pm.bind(r.ret)} {b.b}"
                    size[r.ret] = b.b
                elif kind == "c":
                    line = f"p c {pm.bind(r.ret)} {b.b} {b.c}"
                    size[r.ret] = b.b * b.c
                elif kind == "r":
                    old = "0" if b.c == 0 else pm_old(b.c, b.hdr)
                    line = f"p r {pm.bind(r.ret)} {old} {b.b}"
                    size[r.ret] = b.b
                else:
                    line = f"p f {pm_old(b.c, b.hdr)}"
                lines.append(line)
                for x in nested:  # pymalloc's own C-library calls: the simulator's pymalloc makes them itself
                    shimlog.to_trace([x], st, x.tid)
                pending = None
                continue
            if depth > 0:
                nested.append(r)
                continue
            if op in ("mmap", "munmap", "mremap"):
                stats["mmaps"] += 1
                continue
            if op not in shimlog.ALLOC_OPS:
                continue
            stats["libc_calls"] += 1
            if op in ("malloc", "calloc", "valloc", "pvalloc", "memalign", "posix_memalign"):
                shimlog.to_trace([r], st, r.tid)
                if r.ret:
                    n = r.a * r.b if op == "calloc" else (r.b if op in ("memalign", "posix_memalign") else r.a)
                    size[r.ret] = n
                    args = f"{r.a} {r.b}" if op == "calloc" else str(n)
                    lines.append(f"g {'c' if op == 'calloc' else 'm'} {g.bind(r.ret)} {args}")
            elif op == "free":
                if r.a:
                    lines.append(f"g f {g_old(r.a)}")
                shimlog.to_trace([r], st, r.tid)
            elif op in ("realloc", "reallocarray"):
                old = g_old(r.a) if r.a else "0"
                shimlog.to_trace([r], st, r.tid)
                if r.ret:
                    size[r.ret] = r.b
                    lines.append(f"g r {g.bind(r.ret)} {old} {r.b}")
            elif op == "malloc_trim":
                lines.append(f"g t {r.a}")
        self.done = stop
        for ptr, i in pm.of.items():
            self.made[ptr] = ("p", module, i, size.get(ptr, 0))
        for ptr, i in g.of.items():
            self.made[ptr] = ("g", module, i, size.get(ptr, 0))
        return lines, stats


def capture(interp, module: str, deps: list[str], tmp: Path) -> tuple[str, dict]:
    """`import module` after its dependencies, the hook installed first so the dependencies'
    segments are read too (what they leave live, the module's import may free)."""
    shim = build(SHIM_SRC, CACHE / "alloc_shim.so", shared=True)
    build_hwpm(interp, tmp)
    log = tmp / "shim.log"
    hook = hook_statements(tmp, log)
    head = "".join(f"import {d}\n" for d in deps)
    scenario = hook + head + f"import {module}\n"
    k = len(record.split_statements(scenario))
    first = k - len(deps)  # the first dependency's import is statement `first` (1-based)
    # 256 MiB of log held asyncio with its ~90 dependencies only in part (the later step marks were lost)
    res = run_child(interp, scenario.encode(), k, extra_env={"LD_PRELOAD": str(shim), "HW_SHIM_LOG": str(log), "HW_SHIM_CAP_MB": "2048"})
    if res.returncode != 0:
        raise RuntimeError(f"{module}: the child failed under the shim:\n{res.stderr[-3000:]}")
    slog = shimlog.read_log(str(log))
    segs = Segments(slog)
    for j, d in enumerate(deps):
        dep_lines, _ = segs.segment(d, slog.marks[first + j - 1].rec_index, slog.marks[first + j].rec_index)
        own = OUT_DIR_OF[interp.executable] / f"{d}.trace"
        if own.exists():
            theirs = [x for x in own.read_text().splitlines() if not x.startswith("#")]
            a, b = [x.split(" ")[:3] for x in theirs], [x.split(" ")[:3] for x in dep_lines]
            if a != b:
                at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                print(f"warning: {d}'s calls before {module} differ from its own footprint's from call {at} ({len(a)}/{len(b)}): {theirs[at:at+2]} / {dep_lines[at:at+2]}")
    lines, stats = segs.segment(module, slog.marks[k - 1].rec_index, slog.marks[k].rec_index)
    # What the recorder reads across the import, without the shim and the hook.
    plain = (head + f"import {module}\n").encode()
    n = len(record.split_statements(plain.decode()))
    before, after = record.measure(interp, plain, n - 1, aslr=False), record.measure(interp, plain, n, aslr=False)
    keep = ("rss", "rss_anon", "heap", "anon_mmap", "mallinfo2", "pymalloc", "gc")
    info = {"deps": deps, "stats": stats, "before": {f: before[f] for f in keep}, "after": {f: after[f] for f in keep}}
    if deps:
        # `import MODULE` alone (its dependencies' imports included): what a script sees, for tests
        alone = f"import {module}\n".encode()
        a0, a1 = record.measure(interp, alone, 0, aslr=False), record.measure(interp, alone, 1, aslr=False)
        info["alone"] = {"before": {f: a0[f] for f in keep}, "after": {f: a1[f] for f in keep}}
    return "\n".join(lines) + "\n", info


def capture_alone(interp, module: str, tmp: Path) -> str:
    """`import module` in a fresh process, its dependencies' imports inside it, as a script's first
    import of it makes them (nested: the module's own reads and allocations interleave with theirs)."""
    shim = build(SHIM_SRC, CACHE / "alloc_shim.so", shared=True)
    build_hwpm(interp, tmp)
    log = tmp / "shim.log"
    hook = hook_statements(tmp, log)
    scenario = hook + f"import {module}\n"
    k = len(record.split_statements(scenario))
    res = run_child(interp, scenario.encode(), k, extra_env={"LD_PRELOAD": str(shim), "HW_SHIM_LOG": str(log), "HW_SHIM_CAP_MB": "2048"})
    if res.returncode != 0:
        raise RuntimeError(f"{module}: the child failed under the shim:\n{res.stderr[-3000:]}")
    slog = shimlog.read_log(str(log))
    lines, _ = Segments(slog).segment(module, slog.marks[k - 1].rec_index, slog.marks[k].rec_index)
    return "\n".join(lines) + "\n"


OUT_DIR_OF: dict[str, Path] = {}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", default="3.11.7", choices=sorted(PYTHONS))
    ap.add_argument("modules", nargs="*", default=MODELLED)
    ap.add_argument("--keep-existing", action="store_true",
                    help="a dependency whose footprint is already in footprints/<version>/ is not captured again"
                    " (a big module's ~35 dependencies took over 30 minutes to re-capture on a loaded machine)")
    args = ap.parse_args(argv)
    interp = resolve_interpreter(os.path.expanduser(PYTHONS[args.python]))
    out_dir = OUT / args.python
    out_dir.mkdir(parents=True, exist_ok=True)
    OUT_DIR_OF[interp.executable] = out_dir
    with tempfile.TemporaryDirectory(prefix="hwimp-") as t:
        tmp = Path(t)
        loaded = startup_modules(interp, tmp)
        (out_dir / "startup_modules.json").write_text(json.dumps({"python": args.python, "executable": interp.executable, "modules": loaded}, indent=1) + "\n")
        done: set[str] = set()

        def run(m: str) -> None:
            if m in done:
                return
            done.add(m)
            if m in loaded:
                print(f"{args.python} {m}: loaded at start-up (free)")
                return
            if args.keep_existing and m not in args.modules and (out_dir / f"{m}.trace").exists() and (out_dir / f"{m}.json").exists():
                print(f"{args.python} {m}: kept (already captured)")
                return
            deps = dependencies(interp, m, tmp)
            for d in deps:  # each dependency's footprint is its own (captured after its own dependencies)
                run(d)
            text, info = capture(interp, m, deps, tmp)
            header = (
                f"# Highwater import footprint: import {m} on {interp.executable} (tools/imports/capture_import.py)\n"
                f"# after: {', '.join(deps) or '(nothing)'}\n"
            )
            (out_dir / f"{m}.trace").write_text(header + text)
            (out_dir / f"{m}.json").write_text(json.dumps(info, indent=1) + "\n")
            if deps:
                alone = capture_alone(interp, m, tmp)
                (out_dir / f"{m}.alone.trace").write_text(
                    f"# Highwater import footprint: import {m} on {interp.executable}, nothing of it imported before"
                    " (tools/imports/capture_import.py)\n" + alone
                )
            print(f"{args.python} {m}: deps {deps}, {info['stats']}")

        for m in args.modules:
            run(m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
