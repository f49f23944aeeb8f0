#!/usr/bin/env python3
"""Capture CPython's start-up allocation calls, so the simulator can replay them.

    python3 tools/capture_startup.py [--target NAME ...] [--out DIR] [--keep-log DIR]

For each target this runs tools/hw_child.py exactly as tools/record.py does
for its "<start>" step (same binary, -S, same environment, same stdio, ASLR
off, same pre-imports: see hw_common.py), but under the LD_PRELOAD shim
tools/native/alloc_shim.c, and cuts the shim's log at the child's first
marker (os.sched_yield() in __hw_step__(0), i.e. right where record.py's
"<start>" reading is taken). The calls before it become a trace:

    m ID SIZE | c ID NMEMB SIZE | r ID SIZE | f ID | t PAD      (ids are reused after free)

which tools/native/replay.c (and the simulator) replays on glibc. Beside each
trace a JSON file says what the trace leaves behind: which ids are pymalloc's
arenas[] vector and radix-tree nodes, glibc's mmapped chunks and the mmap/trim
thresholds implied, pymalloc's arenas and per-class usage at that point, the
direct mmaps made (arenas, frame-stack chunks), and a verification: the trace
replayed on the real glibc against the shim's own mallinfo2() at the marker
and against record.py's "<start>" reading of a run without the shim.

Targets:
  cpython-3.11.7   pyenv 3.11.7, scenario "pass"
  cpython-3.12.1   pyenv 3.12.1, scenario "pass"  -> startup/3.12.1/
  cpython-3.13.0   pyenv 3.13.0, scenario "pass"  -> startup/3.13.0/
  debian-3.11.2    /usr/bin/python3 (Debian 3.11.2), scenario "import numpy":
                   debian-3.11.2.trace is the start-up, and
                   debian-3.11.2-numpy-import.trace the calls made by
                   `import numpy` itself; it continues the first (same ids),
                   so replay the concatenation of the two.
  cpython-3.11.7-pymalloc-off, debian-3.11.2-pymalloc-off
                   the same under PYTHONMALLOC=malloc -> startup/3.11.7/, startup/3.11.2/
                   (then tools/numpy/cache_ids.py for NumPy's cache ids in the new import trace)
Use --scenario FILE to capture the start-up of one particular scenario (its
compile differs a little from "pass"'s, see tools/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
REPO = TOOLS.parent
sys.dont_write_bytecode = True  # no tools/__pycache__ from importing the sibling modules
sys.path.insert(0, str(TOOLS))
import record  # noqa: E402
import shimlog  # noqa: E402
from hw_common import CHILD_ENV, CHILD_FLAGS, DEBIAN_PYTHON, child_sha256, resolve_interpreter, run_child  # noqa: E402

CACHE = REPO / ".cache"
SHIM_SRC = TOOLS / "native" / "alloc_shim.c"
REPLAY_SRC = TOOLS / "native" / "replay.c"
OUT_DEFAULT = REPO / "src" / "engine" / "python" / "startup"
GZIP_OVER = 1 << 20

TARGETS = {
    "cpython-3.11.7": {"python": "3.11", "scenario": "pass\n", "segments": ["startup"]},
    "debian-3.11.2": {"python": DEBIAN_PYTHON, "scenario": "import numpy\n", "segments": ["startup", "numpy-import"]},
    # Newer versions go to a folder of their own (src/engine/python/startup/<version>/).
    "cpython-3.12.1": {"python": "3.12", "scenario": "pass\n", "segments": ["startup"], "subdir": "3.12.1"},
    "cpython-3.13.0": {"python": "3.13", "scenario": "pass\n", "segments": ["startup"], "subdir": "3.13.0"},
    # pymalloc off: every object goes to glibc from the first allocation on (issue 9).
    "cpython-3.11.7-pymalloc-off": {
        "python": "3.11", "scenario": "pass\n", "segments": ["startup"], "subdir": "3.11.7", "env": {"PYTHONMALLOC": "malloc"},
    },
    # NumPy under PYTHONMALLOC=malloc: the import's objects are glibc chunks too, not pymalloc blocks
    # (numpy/importFootprint.ts replays this import on the pymalloc-off profile).
    "debian-3.11.2-pymalloc-off": {
        "python": DEBIAN_PYTHON, "scenario": "import numpy\n", "segments": ["startup", "numpy-import"], "subdir": "3.11.2",
        "env": {"PYTHONMALLOC": "malloc"},
    },
}


def build(src: Path, out: Path, shared: bool) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and out.stat().st_mtime >= src.stat().st_mtime:
        return out
    cmd = ["gcc", "-O2", "-Wall", "-o", str(out), str(src)]
    if shared:
        cmd[1:1] = ["-shared", "-fPIC", "-ftls-model=initial-exec"]
        cmd.append("-ldl")
    subprocess.run(cmd, check=True)
    return out


def write_text(path: Path, text: str) -> Path:
    """Write, gzip-compressed (path + .gz) when over 1 MiB; returns the path written."""
    data = text.encode()
    for stale in (path, path.with_name(path.name + ".gz")):
        if stale.exists():
            stale.unlink()
    if len(data) > GZIP_OVER:
        path = path.with_name(path.name + ".gz")
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
            f.write(data)
    else:
        path.write_bytes(data)
    return path


def replay(replay_bin: Path, trace_text: str) -> dict[str, int]:
    with tempfile.NamedTemporaryFile("w", suffix=".trace", delete=False) as f:
        f.write(trace_text)
        name = f.name
    try:
        out = subprocess.run([str(replay_bin), name], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(name)
    vals = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] not in ("heap", "mmap"):
            vals[parts[0]] = int(parts[1])
    return vals


def classify(recs, st: shimlog.TraceState, names: dict[int, tuple[str, str, str]]) -> dict:
    """What the live ids at the end of the segment are, as far as pymalloc and glibc go."""
    by_rec = {r.index: r for r in recs}

    def fn(rec_index: int) -> str:
        r = by_rec.get(rec_index)
        return names.get(r.caller, ("?", "?", "?"))[1] if r else "?"

    arenas_vec = None
    radix = []
    mmapped = []
    for ptr, i in sorted(st.ids.items(), key=lambda kv: kv[1]):
        rec_index = st.rec_of[i]
        r = by_rec.get(rec_index)
        where = fn(rec_index)
        word = st.word_of[i]
        size = st.size_of[i]
        if word & shimlog.IS_MMAPPED:
            mmapped.append({"id": i, "request": size, "chunk": word & ~7, "caller": where})
        if "new_arena" in where and r is not None and r.op == "realloc":
            arenas_vec = {"id": i, "bytes": size, "arena_objects": size // 48, "caller": where}
        if r is not None and r.op == "calloc" and ("arena_map" in where or (where in ("?", "??") and size in (262144, 131072))):
            radix.append({"id": i, "bytes": size, "kind": "mid" if size == 262144 else "bot" if size == 131072 else "?", "caller": where})
    if arenas_vec is None:
        # No debug info (Debian's binary is stripped): the vector is the
        # realloc'd block whose size is 16 * 48 * 2^k and that began as
        # realloc(NULL, 768).
        for ptr, i in st.ids.items():
            r = by_rec.get(st.rec_of[i])
            if r and r.op == "realloc" and st.size_of[i] in (768, 1536, 3072, 6144, 12288):
                arenas_vec = {"id": i, "bytes": st.size_of[i], "arena_objects": st.size_of[i] // 48, "caller": fn(r.index), "identified_by": "size"}
    live = [[i, st.size_of[i], st.word_of[i] & ~7, bool(st.word_of[i] & shimlog.IS_MMAPPED), fn(st.rec_of[i])] for i in sorted(st.ids.values())]
    return {"arenas_vector": arenas_vec, "radix_tree_nodes": radix, "mmapped_chunks": mmapped, "live": live}


def live_by_caller(live: list, top: int = 30) -> list[dict]:
    """The chunks still allocated at the end of the segment, grouped by who allocated them."""
    n = Counter()
    b = Counter()
    for _, request, chunk, mmapped, caller in live:
        n[caller] += 1
        b[caller] += chunk
    return [{"caller": c, "chunks": k, "chunk_bytes": b[c]} for c, k in n.most_common(top)]


def direct_mmaps(recs, names) -> list[dict]:
    """The program's own mmaps (not glibc malloc's), and whether they were unmapped later."""
    live: dict[int, dict] = {}
    out = []
    for r in recs:
        if r.op == "mmap" and r.ret not in (0, (1 << 64) - 1):
            prot, flags = r.b & 0xFFFFFFFF, r.b >> 32
            fn_name = names.get(r.caller, ("?", "?", "?"))[1]
            from_python = "Arena" in fn_name or (fn_name in ("?", "??") and "python" in names.get(r.caller, ("?",))[0])
            d = {
                # _PyObject_ArenaMmap serves both pymalloc's arenas and
                # _PyObject_VirtualAlloc (the 16 KiB chunks of the frame data
                # stack); without symbols (Debian), size tells them apart.
                "what": "pymalloc arena" if from_python and r.a == 1 << 20 and flags & shimlog.MAP_ANONYMOUS
                else "frame data-stack chunk" if from_python and r.a == 16384 and flags & shimlog.MAP_ANONYMOUS
                else "other",
                "record": r.index,
                "bytes": r.a,
                "anonymous": bool(flags & shimlog.MAP_ANONYMOUS),
                "prot": prot,
                "flags": flags,
                "caller": names.get(r.caller, ("?", "?", "?"))[1],
                "object": names.get(r.caller, ("?", "?", "?"))[0],
                "unmapped": False,
            }
            live[r.ret] = d
            out.append(d)
        elif r.op == "munmap" and r.a in live:
            live.pop(r.a)["unmapped"] = True
        elif r.op == "mremap" and r.a in live:
            d = live.pop(r.a)
            d["bytes"] = r.c
            d["remapped"] = True
            live[r.ret] = d
    return out


def summarize_callers(recs, names, top=25) -> list[dict]:
    c = Counter()
    b = Counter()
    for r in recs:
        if r.op in ("malloc", "calloc", "realloc"):
            k = names.get(r.caller, ("?", "?", "?"))
            key = f"{k[0]}:{k[1].split(' < ')[-1] if k[1] != '?' else '?'}"
            c[key] += 1
            b[key] += r.a * r.b if r.op == "calloc" else (r.b if r.op == "realloc" else r.a)
    return [{"caller": k, "calls": n, "bytes_requested": b[k]} for k, n in c.most_common(top)]


def capture(
    name: str, spec: dict, out_dir: Path, keep_log: Path | None = None, write_json: bool = True, env: dict | None = None
) -> dict:
    """Capture one start-up. `env` is the scenario's environment (glibc only: the shim logs
    glibc's allocator, so LD_PRELOAD'ed allocators cannot be captured this way)."""
    shim = build(SHIM_SRC, CACHE / "alloc_shim.so", shared=True)
    replay_bin = build(REPLAY_SRC, CACHE / "replay", shared=False)
    interp = resolve_interpreter(spec["python"])
    src = spec["scenario"].encode()
    nseg = len(spec["segments"])
    k = nseg - 1  # "startup" ends at mark 0; each further segment is one statement
    logdir = Path(tempfile.mkdtemp(prefix="hwshim-"))
    log = logdir / "shim.log"
    try:
        res = run_child(
            interp, src, k,
            extra_env={"LD_PRELOAD": str(shim), "HW_SHIM_LOG": str(log), "HW_SHIM_CAP_MB": "1024"},
            env=env,
        )
        if res.returncode != 0:
            raise RuntimeError(f"{name}: the child failed under the shim:\n{res.stderr[-3000:]}")
        slog = shimlog.read_log(str(log))
        os.truncate(log, shimlog.HEADER_BYTES + len(slog.recs) * shimlog.REC.size)  # the log file is sparse, 1 GiB
        if keep_log:
            keep_log.mkdir(parents=True, exist_ok=True)
            for p in logdir.iterdir():
                shutil.copy(p, keep_log / f"{name}.{p.name}")
    finally:
        shutil.rmtree(logdir, ignore_errors=True)
    if len(slog.marks) < nseg:
        raise RuntimeError(f"{name}: expected {nseg} marks, the log has {len(slog.marks)}")
    main_tid = slog.recs[0].tid if slog.recs else 0
    maps_text = slog.maps[nseg - 1]
    names = shimlog.resolve({r.caller for r in slog.recs}, maps_text)
    pymalloc_capture = record.parse_debugmallocstats(record.debugmallocstats_section(res.stderr))

    # What record.py measures at the same points, without the shim.
    recorded = [record.measure(interp, src, j, aslr=False, env=env) for j in range(nseg)]

    st = shimlog.TraceState()
    bounds = [0] + [m.rec_index for m in slog.marks[:nseg]]
    segments = []
    trace_so_far = ""
    for s, seg in enumerate(spec["segments"]):
        recs = slog.recs[bounds[s] : bounds[s + 1]]
        ops = Counter(r.op for r in recs)
        lines = shimlog.to_trace(recs, st, main_tid)
        fname = f"{name}.trace" if seg == "startup" else f"{name}-{seg}.trace"
        header = [
            f"# Highwater start-up trace: {name}, segment '{seg}'",
            f"# interpreter {interp.executable} {' '.join(CHILD_FLAGS)} tools/hw_child.py, scenario {spec['scenario'].strip()!r}",
            f"# env {' '.join(f'{k}={v}' for k, v in {**CHILD_ENV, **(env or {})}.items())}; ASLR off",
            "# made by tools/capture_startup.py from the LD_PRELOAD shim tools/native/alloc_shim.c",
            "# ops: m ID SIZE | c ID NMEMB SIZE | r ID SIZE | f ID | t PAD  (replay with tools/native/replay.c)",
        ]
        if seg != "startup":
            header.append(f"# continues {name}.trace: ids are shared; replay the two concatenated")
        header.append(f"# {len(lines)} ops; live ids at the end: {len(st.ids)}")
        text = "\n".join(header + lines) + "\n"
        written = write_text(out_dir / fname, text)
        trace_so_far += text
        replayed = replay(replay_bin, trace_so_far)
        mark = slog.marks[s]
        shim_heap = mark.brk - slog.heap_start
        rec = recorded[s]
        verification = {
            "shim_mallinfo2_at_mark": mark.mallinfo2,
            "shim_heap_size_at_mark": shim_heap,
            "recorder": {"mallinfo2": rec["mallinfo2"], "heap": rec["heap"], "rss": rec["rss"], "anon_mmap": rec["anon_mmap"]},
            "replay": replayed,
            "replay_equals_shim": all(replayed.get(f) == v for f, v in mark.mallinfo2.items() if f != "usmblks")
            and replayed.get("heap_size") == shim_heap,
            "replay_equals_recorder": all(replayed.get(f) == v for f, v in rec["mallinfo2"].items() if f != "usmblks")
            and replayed.get("heap_size") == rec["heap"],
        }
        classes = classify(slog.recs[: bounds[s + 1]], st, names)
        seg_info = {
            "segment": seg,
            "trace": written.name,
            "records": len(recs),
            "ops": dict(ops),
            "trace_ops": len(lines),
            "live_ids_at_end": len(st.ids),
            "ids_used": st.next_id,
            "glibc": {
                "heap_size": shim_heap,
                "mmap_threshold": st.mmap_threshold,
                "trim_threshold": st.trim_threshold,
                "threshold_events": list(st.threshold_events),
                "mmapped_chunks_live": classes["mmapped_chunks"],
            },
            "pymalloc_bookkeeping": {"arenas_vector": classes["arenas_vector"], "radix_tree_nodes": classes["radix_tree_nodes"]},
            "pymalloc_recorder": rec["pymalloc"],
            "live_by_caller": live_by_caller(classes["live"]),
            "direct_mmaps": direct_mmaps(slog.recs[: bounds[s + 1]], names),
            "top_callers": summarize_callers(recs, names),
            "unknown_pointers": st.unknown_frees,
            "not_expressible": list(st.unsupported),
            "calls_from_other_threads": st.other_threads,
            "verification": verification,
        }
        if s == nseg - 1:
            # pymalloc as seen by the capture run itself (under the shim).
            seg_info["pymalloc_capture_equals_recorder"] = pymalloc_capture == rec["pymalloc"]
            if not seg_info["pymalloc_capture_equals_recorder"]:
                seg_info["pymalloc_capture"] = pymalloc_capture
        segments.append(seg_info)
    info = {
        "schema": "highwater-startup/1",
        "target": name,
        "python": recorded[0]["raw"]["python"],
        "glibc": recorded[0]["raw"]["glibc"].split()[-1],
        "executable": interp.executable,
        "flags": CHILD_FLAGS,
        "env": {**CHILD_ENV, **(env or {})},
        "aslr": False,
        "child_sha256": child_sha256(),
        "scenario": spec["scenario"],
        "shim": {"nested_calls": slog.nested, "dropped_records": slog.dropped, "records_total": len(slog.recs)},
        "segments": segments,
        # The address space at the end (ASLR is off, so it repeats): where
        # the kernel will put the next mmap, e.g. whether a new pymalloc
        # arena will be 16 KiB aligned (64 pools) or not (63).
        "maps_at_end": maps_text.splitlines(),
    }
    if write_json:
        (out_dir / f"{name}.json").write_text(json.dumps(info, indent=1) + "\n")
    return info


SHIM_FWD = CACHE / "alloc_shim_fwd.so"


def startup_calls(python: str, env: dict | None, scenario: str = "pass\n") -> tuple[list[str], dict]:
    """The trace lines of the start-up (up to the first marker) in a run with `env`.

    Under jemalloc or mimalloc the forward build of the shim (-DHW_FORWARD) logs the calls and
    passes them on to the preloaded allocator: LD_PRELOAD="alloc_shim_fwd.so <allocator>". The
    trace format names blocks by ids, not addresses, so two runs that make the same calls in the
    same order give the same lines whatever the allocator put where."""
    interp = resolve_interpreter(python)
    pre = (env or {}).get("LD_PRELOAD")
    if pre:
        if not SHIM_FWD.exists() or SHIM_FWD.stat().st_mtime < SHIM_SRC.stat().st_mtime:
            SHIM_FWD.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["gcc", "-O2", "-Wall", "-shared", "-fPIC", "-ftls-model=initial-exec", "-DHW_FORWARD",
                            "-o", str(SHIM_FWD), str(SHIM_SRC), "-ldl"], check=True)
        preload = f"{SHIM_FWD} {pre}"
    else:
        preload = str(build(SHIM_SRC, CACHE / "alloc_shim.so", shared=True))
    logdir = Path(tempfile.mkdtemp(prefix="hwshim-"))
    log = logdir / "shim.log"
    try:
        res = run_child(interp, scenario.encode(), 0, env=env,
                        extra_env={"LD_PRELOAD": preload, "HW_SHIM_LOG": str(log), "HW_SHIM_CAP_MB": "256"})
        if res.returncode != 0:
            raise RuntimeError(f"the child failed under {preload}:\n{res.stderr[-3000:]}")
        slog = shimlog.read_log(str(log))
    finally:
        shutil.rmtree(logdir, ignore_errors=True)
    recs = slog.recs[: slog.marks[0].rec_index]
    lines = shimlog.to_trace(recs, shimlog.TraceState(), recs[0].tid if recs else 0)
    # nested_calls: calls made inside a hook, passed through unlogged: under jemalloc these are its
    # own mmaps, made inside the malloc that initialises it.
    return lines, {"nested_calls": slog.nested, "dropped_records": slog.dropped, "calls": dict(Counter(r.op for r in recs))}


def canonical(lines: list[str]) -> list[str]:
    """Trace lines with every block renamed by the order it was made in (never reused), so two
    traces compare call for call even when one holds an extra block that shifts the reused ids."""
    live: dict[str, int] = {}
    n = 0
    out = []
    for line in lines:
        op, i, *rest = line.split()
        if op in ("m", "c") or (op == "r" and i not in live):
            live[i] = n = n + 1
        name = live.get(i, "?")
        if op == "f":
            live.pop(i, None)
        out.append(" ".join([op, str(name), *rest]))
    return out


def compare_allocator_startups(python: str) -> dict:
    """Does CPython's start-up make the same allocator calls under jemalloc and mimalloc as under glibc?

    Debian's libjemalloc2 links libstdc++, whose start-up allocates its 72,704-byte emergency
    exception pool before anything else: that one call is reported as `extra_first` and left out
    of the comparison."""
    base, _ = startup_calls(python, None)
    out = {"python": python, "glibc_ops": len(base), "allocators": {}}
    for name, env in (("jemalloc", {"LD_PRELOAD": "libjemalloc.so.2"}), ("mimalloc", {"LD_PRELOAD": "libmimalloc.so.2"})):
        lines, info = startup_calls(python, env)
        extra = None
        if lines and lines[0] == "m 0 72704" and base[:1] != ["m 0 72704"]:
            extra, lines = lines[0], lines[1:]
        a, b = canonical(base), canonical(lines)
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), None)
        if first is None and len(a) != len(b):
            first = min(len(a), len(b))
        out["allocators"][name] = {
            "extra_first": extra,
            "ops": len(lines),
            "same_calls": first is None,
            "first_difference": None if first is None else {
                "index": first, "glibc": a[first] if first < len(a) else None, name: b[first] if first < len(b) else None,
            },
            **info,
        }
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--target", action="append", choices=sorted(TARGETS), help="default: all")
    ap.add_argument("--scenario", type=Path, help="capture this scenario's start-up instead (with --python)")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--name", help="output name with --scenario (default: startup-<stem>)")
    ap.add_argument("--out", type=Path, default=OUT_DEFAULT)
    ap.add_argument("--keep-log", type=Path, help="copy the raw shim logs here")
    ap.add_argument("--compare-allocators", action="store_true",
                    help="only check that the start-up of --python makes the same calls under jemalloc and mimalloc")
    args = ap.parse_args(argv)
    if args.compare_allocators:
        res = compare_allocator_startups(args.python)
        text = json.dumps(res, indent=1) + "\n"
        if args.name:
            (args.out / args.name).parent.mkdir(parents=True, exist_ok=True)
            (args.out / args.name).write_text(text)
        print(text, end="")
        return 0 if all(a["same_calls"] for a in res["allocators"].values()) else 1
    args.out.mkdir(parents=True, exist_ok=True)
    if args.scenario:
        todo = {args.name or f"startup-{args.scenario.stem}": {"python": args.python, "scenario": args.scenario.read_text(), "segments": ["startup"]}}
    else:
        todo = {t: TARGETS[t] for t in (args.target or sorted(TARGETS))}
    ok = True
    for name, spec in todo.items():
        out = args.out / spec["subdir"] if spec.get("subdir") and not args.scenario else args.out
        out.mkdir(parents=True, exist_ok=True)
        info = capture(name, spec, out, args.keep_log, env=spec.get("env"))
        for seg in info["segments"]:
            v = seg["verification"]
            g = seg["glibc"]
            print(
                f"{name} [{seg['segment']}]: {seg['trace_ops']} ops, heap {g['heap_size']:,} B, "
                f"mmap_threshold {g['mmap_threshold']:,}, replay==shim {v['replay_equals_shim']}, "
                f"replay==recorder {v['replay_equals_recorder']}"
            )
            ok = ok and v["replay_equals_shim"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
