#!/usr/bin/env python3
"""Record where the real interpreter's shared objects sit, for the kernel model's mmap placement.

pymalloc loses one pool of an arena to alignment when the arena's mmap address is not 16 KiB
aligned (obmalloc.c new_arena), and the kernel places every anonymous mapping top-down from
mmap_base into the highest gap that fits (vm_unmapped_area). So the page offset of each arena
depends on everything mapped above it: ld.so, libpython, libc, libm, the locale archive, the
extension modules the recorder child (tools/hw_child.py) imported, and the .so files a script's
`import` maps later. This tool writes, per release, src/engine/python/startup/RELEASE/layout.json:

  mmap_base   the top of the mmap area (ld.so's end: with ASLR off it is mapped first, at the top)
  loaded      the address spans of what is mapped at the recorder's `<start>` and is not the
              model's (every ELF object's whole load span as ld.so reserves it, _dl_map_segments;
              the locale archive, gconv cache, [vvar]/[vdso]); the model's own mappings (arenas,
              radix-tree nodes, glibc's mmapped chunks, the frame data stack) are left out
  extensions  per extension module (lib-dynload NAME.cpython-*.so): the objects its dlopen maps,
              the .so first, then its DT_NEEDED libraries not loaded yet (breadth first, as
              _dl_map_object_deps), each as its load span and the anonymous .bss pages at its end

Read with the recorder's own child (no LD_PRELOAD shim: the shim's .so moves libm and gconv) at
`<start>` of `pass`, ASLR off (hw_common.run_child). ELF program headers are read from the files.

usage: python3 tools/layout/record_layout.py --python 3.12.1 [--python 3.13.0]
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
ROOT = TOOLS.parent
sys.path.insert(0, str(TOOLS))

from hw_common import resolve_interpreter, run_child  # noqa: E402

PAGE = 4096
MMAP_AREA_LOW = 0x7F0000000000  # the mmap area of a 47-bit address space (ASLR off: 0x7ffff7…)
LIB_DIRS = ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib")


def page_down(n: int) -> int:
    return n // PAGE * PAGE


def page_up(n: int) -> int:
    return -(-n // PAGE) * PAGE


def elf_loads(path: str) -> tuple[list[tuple[int, int, int, int]], list[str]] | None:
    """PT_LOAD segments (flags, vaddr, filesz, memsz) and DT_NEEDED names of an ELF64 file."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return None
    phoff = struct.unpack_from("<Q", data, 0x20)[0]
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads: list[tuple[int, int, int, int, int]] = []
    dynamic = None
    for i in range(phnum):
        p_type, p_flags, p_offset, p_vaddr, _pa, p_filesz, p_memsz, _al = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize
        )
        if p_type == 1:
            loads.append((p_flags, p_vaddr, p_filesz, p_memsz, p_offset))
        elif p_type == 2:
            dynamic = (p_offset, p_filesz)

    def file_offset(vaddr: int) -> int:
        for _f, va, fs, _ms, off in loads:
            if va <= vaddr < va + fs:
                return off + vaddr - va
        raise ValueError(f"{path}: vaddr {vaddr:#x} not in a PT_LOAD")

    needed: list[str] = []
    if dynamic:
        strtab, offs = 0, []
        for j in range(0, dynamic[1], 16):
            tag, val = struct.unpack_from("<qQ", data, dynamic[0] + j)
            if tag == 0:
                break
            if tag == 1:
                offs.append(val)
            elif tag == 5:
                strtab = file_offset(val)
        for o in offs:
            end = data.index(b"\0", strtab + o)
            needed.append(data[strtab + o : end].decode())
    return [(f, va, fs, ms) for f, va, fs, ms, _o in loads], needed


def object_layout(path: str) -> dict | None:
    """The object's load span as _dl_map_segments maps it: one reservation, then each segment,
    the zero-fill pages past a segment's file size mapped anonymous (the .bss)."""
    elf = elf_loads(path)
    if elf is None or not elf[0]:
        return None
    loads, needed = elf
    start = page_down(loads[0][1])
    end = page_up(loads[-1][1] + loads[-1][3])
    bss = []
    for _f, va, fs, ms in loads:
        zero_page = page_up(va + fs)
        zero_end = page_up(va + ms)
        if zero_end > zero_page:
            bss.append([zero_page - start, zero_end - zero_page])
    return {"object": os.path.basename(path), "span": end - start, "bss": bss, "needed": needed}


def parse_maps(text: str) -> list[tuple[int, int, str, str]]:
    out = []
    for line in text.splitlines():
        p = line.split(None, 5)
        a, b = (int(x, 16) for x in p[0].split("-"))
        out.append((a, b, p[1], p[5].strip() if len(p) > 5 else ""))
    return out


def find_library(soname: str, extra: list[str]) -> str | None:
    for d in (*extra, *LIB_DIRS):
        p = os.path.join(d, soname)
        if os.path.exists(p):
            return os.path.realpath(p)
    return None


def record(python: str) -> dict:
    interp = resolve_interpreter(python)
    res = run_child(interp, b"pass\n", 0)
    maps = [m for m in parse_maps(res.proc["maps"]) if MMAP_AREA_LOW <= m[0] and not m[3].startswith("[stack")]
    maps = [m for m in maps if m[0] < 0x800000000000]
    loaded: list[list] = []
    seen: set[str] = set()
    loaded_real: set[str] = set()
    for a, b, _perm, name in maps:
        if name.startswith("/"):
            loaded_real.add(os.path.realpath(name))
            if name in seen:
                continue
            seen.add(name)
            lay = object_layout(name)
            if lay is None:  # the locale archive, gconv-modules.cache: the mapping itself
                spans = [(x, y) for x, y, _p, n in maps if n == name]
                loaded.extend([x, y - x, os.path.basename(name)] for x, y in spans)
            else:
                base = min(x for x, _y, _p, n in maps if n == name)
                loaded.append([base, lay["span"], lay["object"]])
        elif name.startswith("[v"):
            loaded.append([a, b - a, name])
    loaded.sort()
    mmap_base = max(x + n for x, n, what in loaded if what.startswith("ld-linux"))
    # every extension module the interpreter ships, with the libraries its dlopen would add
    dynload = next(Path(interp.executable).resolve().parent.parent.glob("lib/python3.*/lib-dynload"))
    libdir = str(Path(interp.executable).resolve().parent.parent / "lib")
    extensions: dict[str, list[dict]] = {}
    for so in sorted(dynload.glob("*.so")):
        objs: list[dict] = []
        queue, have = [str(so)], set(loaded_real)
        while queue:
            path = queue.pop(0)
            real = os.path.realpath(path)
            if real in have:
                continue
            have.add(real)
            lay = object_layout(real)
            if lay is None:
                continue
            for n in lay.pop("needed"):
                p = find_library(n, [libdir])
                if p is not None:
                    queue.append(p)
            objs.append(lay)
        extensions[so.name.split(".")[0]] = objs
    return {
        "python": python,
        "child_sha256": res.child_sha256 if hasattr(res, "child_sha256") else None,
        "mmap_base": mmap_base,
        "loaded": loaded,
        "extensions": extensions,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", action="append", required=True, help="release, e.g. 3.12.1 (repeatable)")
    args = ap.parse_args()
    for py in args.python:
        out = ROOT / "src/engine/python/startup" / py / "layout.json"
        data = record(py)
        data.pop("child_sha256", None)
        text = json.dumps(data, indent=None, separators=(",", ":"))
        out.write_text(text.replace('],[', '],\n[').replace('"extensions":', '\n"extensions":') + "\n")
        print(f"{out.relative_to(ROOT)}: {len(data['loaded'])} spans, {len(data['extensions'])} extension modules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
