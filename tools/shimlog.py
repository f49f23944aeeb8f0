"""Read the binary log written by tools/native/alloc_shim.c and turn it into a trace.

Log layout (little endian; see struct header / struct rec in alloc_shim.c):
  header (32768 bytes): magic "HWSHIM01", nrecs, cap, dropped, heap_start,
    nested, nmarks, shim_base, then up to 256 marks of {rec_index, brk, mallinfo2[10]}
  records (64 bytes each): op u32, tid u32, a, b, c, ret, hdr, old, caller (u64)
    malloc        a=size                      ret hdr
    calloc        a=nmemb b=size              ret hdr
    realloc       a=old ptr b=size            ret hdr  old=size word of old chunk
    free          a=ptr                            old=size word of the chunk
    memalign      a=align b=size (c=1: aligned_alloc)   ret hdr
    posix_memalign a=align b=size             ret hdr
    valloc/pvalloc a=size                     ret hdr
    reallocarray  a=old ptr b=bytes           ret hdr  old
    malloc_trim   a=pad                       ret=result
    mallopt       a=param b=value             ret=result
    mmap          a=len b=prot|flags<<32 c=fd ret=addr hdr=addr hint old=offset
    munmap        a=addr b=len                ret=result
    mremap        a=old b=old_len c=new_len   ret=new addr hdr=flags
    mark          a=mark number
"""

from __future__ import annotations

import bisect
import heapq
import os
import re
import struct
import subprocess
from dataclasses import dataclass, field

OPS = {
    1: "malloc", 2: "calloc", 3: "realloc", 4: "free", 5: "memalign", 6: "posix_memalign", 7: "valloc",
    8: "pvalloc", 9: "reallocarray", 10: "malloc_trim", 11: "mallopt", 12: "mmap", 13: "munmap", 14: "mremap",
    15: "mark",
}
HEADER_BYTES = 32768  # alloc_shim.c: 64 + 256 marks x 96 bytes
REC = struct.Struct("<II7Q")
MALLINFO2_FIELDS = ["arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"]
MAP_ANONYMOUS = 0x20
IS_MMAPPED = 2
DEFAULT_MMAP_THRESHOLD = 128 * 1024
DEFAULT_MMAP_THRESHOLD_MAX = 32 * 1024 * 1024


@dataclass
class Rec:
    index: int
    op: str
    tid: int
    a: int
    b: int
    c: int
    ret: int
    hdr: int
    old: int
    caller: int


@dataclass
class Mark:
    rec_index: int
    brk: int
    mallinfo2: dict[str, int]


@dataclass
class ShimLog:
    recs: list[Rec]
    marks: list[Mark]
    heap_start: int
    nested: int
    dropped: int
    shim_base: int
    maps: list[str] = field(default_factory=list)  # /proc/self/maps text at each mark


def read_log(path: str) -> ShimLog:
    with open(path, "rb") as f:
        head = f.read(HEADER_BYTES)
        if head[:8] != b"HWSHIM01":
            raise ValueError(f"{path}: not a shim log")
        nrecs, cap, dropped, heap_start, nested, nmarks, shim_base = struct.unpack_from("<7Q", head, 8)
        marks = []
        for i in range(nmarks):
            vals = struct.unpack_from("<12Q", head, 64 + i * 96)
            marks.append(Mark(vals[0], vals[1], dict(zip(MALLINFO2_FIELDS, vals[2:]))))
        n = min(nrecs, cap)
        data = f.read(n * REC.size)
    recs = []
    for i in range(n):
        op, tid, a, b, c, ret, hdr, old, caller = REC.unpack_from(data, i * REC.size)
        recs.append(Rec(i, OPS.get(op, f"op{op}"), tid, a, b, c, ret, hdr, old, caller))
    maps = []
    for i in range(len(marks)):
        try:
            with open(f"{path}.maps.{i}", encoding="ascii", errors="replace") as f:
                maps.append(f.read())
        except FileNotFoundError:
            maps.append("")
    return ShimLog(recs, marks, heap_start, nested, dropped, shim_base, maps)


# ---- resolving return addresses ----------------------------------------------


@dataclass
class Mapping:
    lo: int
    hi: int
    offset: int
    path: str


def parse_maps(text: str) -> list[Mapping]:
    out = []
    for line in text.splitlines():
        parts = line.split(None, 5)
        if len(parts) < 6 or not parts[5].startswith("/"):
            continue
        lo, hi = (int(x, 16) for x in parts[0].split("-"))
        out.append(Mapping(lo, hi, int(parts[2], 16), parts[5].strip()))
    out.sort(key=lambda m: m.lo)
    return out


def resolve(addresses: set[int], maps_text: str) -> dict[int, tuple[str, str, str]]:
    """address -> (object basename, function ("inner < outer" inline chain, innermost first), file:line)."""
    maps = parse_maps(maps_text)
    los = [m.lo for m in maps]
    base: dict[str, int] = {}
    for m in maps:  # load base = start of the mapping at file offset 0
        if m.offset == 0 and m.path not in base:
            base[m.path] = m.lo
    per_file: dict[str, list[tuple[int, int]]] = {}
    out: dict[int, tuple[str, str, str]] = {}
    for addr in addresses:
        i = bisect.bisect_right(los, addr) - 1
        if i < 0 or not (maps[i].lo <= addr < maps[i].hi):
            out[addr] = ("?", "?", "?")
            continue
        path = maps[i].path
        # A return address points after the call; look up addr-1 so a call at
        # the very end of a function or inline block is attributed right.
        per_file.setdefault(path, []).append((addr, addr - 1 - base.get(path, maps[i].lo)))
    for path, items in per_file.items():
        name = os.path.basename(path)
        try:
            res = subprocess.run(
                ["addr2line", "-f", "-i", "-a", "-e", path, *(hex(rel) for _, rel in items)],
                capture_output=True, text=True, check=True,
            ).stdout.splitlines()
        except (OSError, subprocess.CalledProcessError):
            for addr, _ in items:
                out[addr] = (name, "?", "?")
            continue
        # Output: per address a line "0x...", then (function, file:line) pairs,
        # innermost inline frame first.
        groups: list[list[str]] = []
        for line in res:
            if re.fullmatch(r"0x[0-9a-f]+", line):
                groups.append([])
            elif groups:
                groups[-1].append(line)
        for (addr, _), g in zip(items, groups):
            funcs = g[0::2]
            locs = g[1::2]
            chain = " < ".join(f for f in funcs)  # innermost first
            loc = locs[0] if locs else "?"
            loc = loc.split(" (discriminator")[0]
            if "/" in loc:
                loc = "/".join(loc.split("/")[-2:])
            out[addr] = (name, chain, loc)
    return out


# ---- the trace ---------------------------------------------------------------

ALLOC_OPS = {"malloc", "calloc", "realloc", "free", "reallocarray", "malloc_trim", "memalign", "posix_memalign", "valloc", "pvalloc", "mallopt"}


@dataclass
class TraceState:
    """Pointer -> id bookkeeping, carried from one trace segment to the next."""

    ids: dict[int, int] = field(default_factory=dict)  # live pointer -> id
    free_ids: list[int] = field(default_factory=list)  # min-heap: the smallest free id is reused first
    next_id: int = 0
    size_of: dict[int, int] = field(default_factory=dict)  # id -> requested size
    word_of: dict[int, int] = field(default_factory=dict)  # id -> chunk size word
    rec_of: dict[int, int] = field(default_factory=dict)  # id -> index of the record that made it
    mmap_threshold: int = DEFAULT_MMAP_THRESHOLD
    trim_threshold: int = DEFAULT_MMAP_THRESHOLD
    no_dyn_threshold: bool = False
    threshold_events: list[dict] = field(default_factory=list)
    unknown_frees: int = 0
    unsupported: list[str] = field(default_factory=list)
    other_threads: int = 0

    def new_id(self) -> int:
        if self.free_ids:
            return heapq.heappop(self.free_ids)
        self.next_id += 1
        return self.next_id - 1

    def release(self, ptr: int) -> int | None:
        i = self.ids.pop(ptr, None)
        if i is not None:
            heapq.heappush(self.free_ids, i)
            self.size_of.pop(i, None)
            self.word_of.pop(i, None)
            self.rec_of.pop(i, None)
        return i

    def bind(self, ptr: int, size: int, word: int, rec: int) -> int:
        i = self.new_id()
        self.ids[ptr] = i
        self.size_of[i] = size
        self.word_of[i] = word
        self.rec_of[i] = rec
        return i

    def freed_chunk(self, word: int, rec: int) -> None:
        """glibc's dynamic threshold (__libc_free on an mmapped chunk)."""
        if not word & IS_MMAPPED or self.no_dyn_threshold:
            return
        if word > self.mmap_threshold and word <= DEFAULT_MMAP_THRESHOLD_MAX:
            self.mmap_threshold = word & ~7
            self.trim_threshold = 2 * self.mmap_threshold
            self.threshold_events.append(
                {"record": rec, "freed_chunk": word & ~7, "mmap_threshold": self.mmap_threshold, "trim_threshold": self.trim_threshold}
            )


def to_trace(recs: list[Rec], st: TraceState, main_tid: int) -> list[str]:
    """Trace lines for these records (glibc allocator calls only), updating st."""
    lines: list[str] = []
    for r in recs:
        if r.op not in ALLOC_OPS:
            continue
        if r.tid != main_tid:
            st.other_threads += 1
        if r.op in ("malloc", "valloc", "pvalloc"):
            if r.op != "malloc":
                st.unsupported.append(f"record {r.index}: {r.op}({r.a}) emitted as malloc")
            if r.ret:
                lines.append(f"m {st.bind(r.ret, r.a, r.hdr, r.index)} {r.a}")
            else:
                lines.append(f"# malloc({r.a}) returned NULL")
        elif r.op == "calloc":
            if r.ret:
                lines.append(f"c {st.bind(r.ret, r.a * r.b, r.hdr, r.index)} {r.a} {r.b}")
            else:
                lines.append(f"# calloc({r.a}, {r.b}) returned NULL")
        elif r.op in ("realloc", "reallocarray"):
            old, size = r.a, r.b
            if old == 0:
                if r.ret:
                    i = st.bind(r.ret, size, r.hdr, r.index)
                    lines.append(f"r {i} {size}")
                continue
            i = st.ids.get(old)
            if i is None:
                st.unknown_frees += 1
                lines.append(f"# realloc of an unknown pointer {old:#x} ({size}) -> {r.ret:#x}")
                if r.ret:
                    lines.append(f"m {st.bind(r.ret, size, r.hdr, r.index)} {size}")
                continue
            lines.append(f"r {i} {size}")
            if size == 0 and r.ret == 0:
                st.release(old)
                continue
            if r.ret == 0:
                continue  # failed: the old block stays
            # realloc of an mmapped chunk never touches the thresholds; a
            # heap chunk moved to a new place is freed with _int_free (no
            # threshold change either).
            del st.ids[old]
            st.ids[r.ret] = i
            st.size_of[i] = size
            st.word_of[i] = r.hdr
            st.rec_of[i] = r.index
        elif r.op == "free":
            if r.a == 0:
                continue
            i = st.release(r.a)
            if i is None:
                st.unknown_frees += 1
                lines.append(f"# free of an unknown pointer {r.a:#x}")
                continue
            st.freed_chunk(r.old, r.index)
            lines.append(f"f {i}")
        elif r.op == "malloc_trim":
            lines.append(f"t {r.a}")
        elif r.op in ("memalign", "posix_memalign"):
            st.unsupported.append(f"record {r.index}: {r.op}({r.a}, {r.b})")
            lines.append(f"# {r.op}({r.a}, {r.b}) -> not expressible in the trace format; emitted as malloc")
            if r.ret:
                lines.append(f"m {st.bind(r.ret, r.b, r.hdr, r.index)} {r.b}")
        elif r.op == "mallopt":
            st.no_dyn_threshold = st.no_dyn_threshold or (r.a & 0xFFFFFFFF) in (0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC)
            st.unsupported.append(f"record {r.index}: mallopt({r.a}, {r.b})")
            lines.append(f"# mallopt({r.a}, {r.b}) not expressible")
    return lines
