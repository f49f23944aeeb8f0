import { TraceOp, parseTrace, replayCapture } from '../libc/trace';
import { NUMBLOCKS } from '../pymalloc/constants';
import type { PythonProcess } from '../python/process';
import { T } from '../python/objects/types';
import { startupProfile, type StartupProfile, type StartupSegment } from '../python/startup/profiles';
import type { NpyAlloc } from './alloc';

/**
 * NumPy's own caches right after `import numpy` (Debian 3.11.2, numpy 1.24.2), as ids of the
 * numpy-import trace, bottom → top of each LIFO bucket, and ld.so's scope array that the first
 * backtrace() frees (Ufuncs.checkCallers). Found by tools/numpy/cache_ids.py: after the import, a
 * probe pops every bucket (np.empty of 1..1023 bytes, of 1..7 dimensions, 12 of each, kept alive)
 * and reads the pointers back from the array objects (fa->data at +16, fa->dimensions at +32);
 * the blocks the import made are then named in the capture's own run by their caller, size and
 * rank. Every other bucket is empty. Three bucket-2 dims blocks were allocated as 32 bytes:
 * arrays whose nd was lowered in place free their block into the smaller bucket.
 */
interface ImportCaches {
  data: Record<number, number[]>;
  dims: Record<number, number[]>;
  dlScope: number;
}
const CACHES: Record<string, ImportCaches> = {
  // pymalloc on (an older hw_child's capture; cache_ids.py on a fresh one finds the same blocks but
  // the top bucket-2 dims block, 7332, which that probe found)
  'debian-3.11.2-numpy-import.trace': {
    data: { 1: [7192], 2: [7309, 7314], 4: [7323, 7318], 8: [7330, 7326, 7346], 16: [7339, 7351] },
    dims: { 2: [6645, 6634, 6643, 7316, 7324, 7352, 7332], 4: [7315] },
    dlScope: 2260,
  },
  // PYTHONMALLOC=malloc (3.11.2/debian-3.11.2-pymalloc-off.json): the same buckets, sizes and scope
  // array, other ids
  'debian-3.11.2-pymalloc-off-numpy-import.trace.gz': {
    data: { 1: [85443], 2: [85739, 85988], 4: [86271, 86259], 8: [86290, 86281, 86337], 16: [86362, 86387] },
    dims: { 2: [76435, 76417, 76432, 86126, 86269, 86385], 4: [86003] },
    dlScope: 55781,
  },
};

/**
 * The collector across the import (tests/fidelity/recorded/numpy_import.json, gc.count,
 * gc.collections and gc.objects per generation): count [1,0,0] → [484,6,3], collections
 * [10,0,1] → [49,3,1], tracked objects [5,0,6012] → [481,2084,18020]. No full collection ran,
 * so the objects that reached generation 2 are all pending (long_lived_pending).
 */
const GC_DELTA = { count: [483, 6, 3], collections: [39, 3, 0], objects: [476, 2084, 12008] };

/**
 * The resident memory `import numpy` adds that lies outside the model, measured on this machine
 * (tests/fidelity/recorded/numpy_import.json, the recorder reading /proc/PID/statm and smaps of
 * the stopped child; tools/record.py's rss_* fields):
 *  - the new shared libraries' file-backed pages that were faulted in (rss − rss_anon):
 *    +8,654,848 (libcrypto.so.3 3.5 MB through numpy.random → secrets → _hashlib,
 *    _multiarray_umath 2.7 MB, mtrand, _generator, libgfortran, liblapack, libblas, libm …;
 *    readahead and fault-around make this vary by about ±130 KB from run to run);
 *  - private copies of those libraries' own pages written by the dynamic linker's relocations
 *    (.got, .data.rel.ro): anonymous but inside file mappings, so neither [heap] nor anon_mmap:
 *    Δrss_anon 12,562,432 − Δrss_heap 4,493,312 − Δrss_anon_mmap 7,196,672 = 872,448;
 *  - one more page of python3.11's own .bss (smaps: the mapping after the binary, 8 → 12 KiB).
 * The heap, the arenas and glibc's mmapped chunks are not here: their pages become resident as
 * the replayed calls write them, so an import that reuses free, already-resident heap memory
 * adds less RSS, as the real one does (tests/fidelity/scenarios/numpy_import_after_free.py:
 * +20.8 MiB, where the recorded +21.2 MiB added whole would read +25.3).
 */
export const IMPORT_FILE_BACKED_RSS = 8_654_848;
export const IMPORT_RELOCATED_RSS = 872_448;
export const IMPORT_PYTHON_BSS_RSS = 4_096;
/**
 * Of the libraries' .bss mappings (167,936 bytes, see step 3), the pages resident after the import
 * (smaps of the stopped process): _multiarray_umath 60 KiB of its 128 KiB, libcrypto 8 of 12,
 * mtrand 8, _generator 8, _bounded_integers 4, _common 4.
 */
export const IMPORT_LIBRARY_BSS_RESIDENT = 94_208;

/** What the import footprint did (for tests and the explain panel). */
export interface ImportReport {
  glibcOps: number;
  pymallocBlocks: number;
  libraryAnonBytes: number;
  rssBaselineAdded: number;
  /** ld.so's scope array (CACHES.dlScope) that the first backtrace() frees; 0 if gone. */
  dlScopeBlock: number;
}

function segments(profile: StartupProfile, pymallocOff: boolean): {
  before: StartupSegment;
  after: StartupSegment;
  trace: string;
  ownIds: boolean;
} {
  const own = profile.info.segments.find((s) => s.segment === 'numpy-import');
  const p = own ? profile : startupProfile('debian-3.11.2', { pymallocOff });
  const after = own ?? p.info.segments.find((s) => s.segment === 'numpy-import')!;
  const trace = p.traces[after.trace];
  if (trace === undefined) throw new Error(`the numpy import trace ${after.trace} is missing`);
  return { before: p.info.segments[0], after, trace, ownIds: own !== undefined };
}

/**
 * `import numpy` as the real one changed the process, replayed (tools/capture_startup.py's
 * numpy-import segment, debian-3.11.2.json):
 *  1. every glibc call the import made, through the process's C library, continuing the
 *     start-up's trace ids (on another profile the ids are the segment's own, and its 4 frees of
 *     start-up blocks are skipped); what the calls hand out is written, as its users write it;
 *  2. the pymalloc blocks the import leaves in use: per size class, the recorded blocks_in_use
 *     after minus before, one pool's worth per class in turn (the pools come out as recorded:
 *     491 of the real 493 are the minimum the blocks need); some become the free lists' objects.
 *     Under PYTHONMALLOC=malloc none: the import captured under it (debian-3.11.2-pymalloc-off)
 *     made its objects with malloc, so they are in step 1's calls (heap 5.46 → 13.86 MB, no arena);
 *     the free lists' objects among them are not found again (not parked: the next lists, dicts,
 *     floats and tuples are malloc'd anew);
 *  3. the anonymous mappings outside glibc and pymalloc (the libraries' .bss): the anon_mmap
 *     change minus the new arenas and glibc's mmapped chunks (167,936 bytes);
 *  4. NumPy's data and dims caches as the import leaves them, and the collector's counts;
 *  5. RSS: the shared libraries' file pages, their relocated pages and python's .bss page
 *     (IMPORT_FILE_BACKED_RSS & co.) become baseline, a constant: everything else is resident
 *     because the model wrote it.
 */
export function importFootprint(p: PythonProcess, alloc: NpyAlloc): ImportReport {
  const { before, after, trace, ownIds } = segments(p.profile, p.pymallocOff);
  const kernel = p.kernel;
  const live = ownIds ? p.boot.liveIds : new Map<number, number>();
  const glibcOps = replay(p, trace, live);

  // under PYTHONMALLOC=malloc the import's objects are in the trace (captured under it), as glibc chunks
  const blocks = p.pymallocOff ? 0 : pymallocBlocks(p, before, after);

  // null under PYTHONMALLOC=malloc (_debugmallocstats prints no arenas): none
  const arenasNew =
    (after.pymalloc_recorder.arenas_allocated_current ?? 0) - (before.pymalloc_recorder.arenas_allocated_current ?? 0);
  const hblkhd = after.verification.recorder.mallinfo2.hblkhd - before.verification.recorder.mallinfo2.hblkhd;
  const libraryAnonBytes =
    after.verification.recorder.anon_mmap -
    before.verification.recorder.anon_mmap -
    arenasNew * (1 << 20) -
    hblkhd;
  if (libraryAnonBytes > 0) {
    const bss = kernel.mmap(libraryAnonBytes, 'interpreter', 'numpy: shared libraries (.bss)');
    if (bss > 0) kernel.touch(bss, Math.min(IMPORT_LIBRARY_BSS_RESIDENT, libraryAnonBytes));
  }

  const caches = CACHES[after.trace];
  if (caches === undefined) throw new Error(`no NumPy cache ids for ${after.trace} (tools/numpy/cache_ids.py)`);
  for (const [size, ids] of Object.entries(caches.data))
    for (const id of ids) alloc.datacache[Number(size)].push(live.get(id)!);
  for (const [n, ids] of Object.entries(caches.dims))
    for (const id of ids) alloc.dimcache[Number(n)].push(live.get(id)!);

  const gc = p.vm.gc;
  for (let g = 0; g < 3; g++) {
    gc.count[g] += GC_DELTA.count[g];
    gc.collections[g] += GC_DELTA.collections[g];
    gc.size[g] += GC_DELTA.objects[g];
  }
  gc.longLivedPending += GC_DELTA.objects[2];

  const rssBaselineAdded = IMPORT_FILE_BACKED_RSS + IMPORT_RELOCATED_RSS + IMPORT_PYTHON_BSS_RSS;
  kernel.baselineRss += rssBaselineAdded;
  return {
    glibcOps,
    pymallocBlocks: blocks,
    libraryAnonBytes,
    rssBaselineAdded,
    dlScopeBlock: live.get(caches.dlScope) ?? 0,
  };
}

/**
 * The import's captured glibc calls; each malloc/realloc result is written (the import fills what it
 * allocates). On the 3.11.7 profile the segment's frees of Debian start-up blocks find no id: skipped.
 */
function replay(p: PythonProcess, text: string, live: Map<number, number>): number {
  const t = parseTrace(text);
  replayCapture(t, p.libc, live, (ptr, op, bytes) => {
    if (op !== TraceOp.Calloc && ptr !== 0 && bytes > 0) p.kernel.touch(ptr, bytes);
  });
  return t.length;
}

/** Step 2: the blocks, and the free lists' share of them. Returns the number of blocks taken. */
function pymallocBlocks(p: PythonProcess, before: StartupSegment, after: StartupSegment): number {
  const pm = p.pymalloc;
  const want = new Map<number, number>();
  for (const [k, v] of Object.entries(after.pymalloc_recorder.classes)) {
    const d = v.blocks_in_use - (before.pymalloc_recorder.classes[k]?.blocks_in_use ?? 0);
    if (d > 0) want.set(Number(k), d);
  }
  const got = new Map<number, number[]>();
  let total = 0;
  for (let more = true; more;) {
    more = false;
    for (const [size, n] of want) {
      const list = got.get(size) ?? [];
      got.set(size, list);
      const take = Math.min(n - list.length, NUMBLOCKS[size / 16 - 1]);
      for (let j = 0; j < take; j++) {
        const q = pm.malloc(size);
        if (q === 0) throw new Error('numpy import: pymalloc out of memory');
        p.kernel.touch(q, size);
        list.push(q);
      }
      total += take;
      if (list.length < n) more = true;
    }
  }
  freeLists(p, after, got);
  return total;
}

/** The free lists as _debugmallocstats printed them after the import (dead objects on these blocks). */
function freeLists(p: PythonProcess, after: StartupSegment, got: Map<number, number[]>): void {
  const vm = p.vm;
  const counts = (after.pymalloc_recorder as { free_lists?: Record<string, number> }).free_lists ?? {};
  const park = (type: number, bytes: number, n: number, into: number[]): void => {
    const pool = got.get(Math.ceil(bytes / 16) * 16) ?? [];
    for (let i = 0; i < n && pool.length; i++) {
      const h = vm.table.newHandle(type);
      vm.table.addr[h] = pool.pop()!;
      vm.park(h);
      into.push(h);
    }
  };
  park(T.List, 16 + 40, counts.PyListObjects ?? 0, vm.free.lists);
  park(T.Dict, 16 + 48, counts.PyDictObjects ?? 0, vm.free.dicts);
  park(T.Float, 24, counts.PyFloatObjects ?? 0, vm.free.floats);
  for (let n = 1; n <= 20; n++)
    park(T.Tuple, 16 + 24 + 8 * n, counts[`${n}-sized PyTupleObjects`] ?? 0, vm.free.tuples[n - 1]);
}
