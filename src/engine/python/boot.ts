import type { Libc } from '../libc/libc';
import { createLibc, defaultLibcEnv } from '../libc/create';
import { parseTrace, replayCapture } from '../libc/trace';
import { Kernel } from '../kernel/kernel';
import type { Pymalloc } from '../pymalloc';
import { DATA_STACK_CHUNK_SIZE } from './runtime/datastack';
import type { StartupProfile, StartupSegment } from './startup/profiles';

/**
 * The interpreter's state at `<start>`, rebuilt from a capture of the real one
 * (tools/capture_startup.py): every C-library call the start-up made is replayed on the simulated
 * C library, pymalloc adopts the arenas[] vector and radix-tree nodes those calls allocated, the
 * frame data stack's root chunk is mapped, and pymalloc is brought to the recorded arenas and
 * per-class blocks with real allocations. What the model does not contain (the binary,
 * libraries, their .bss, the stack) becomes constant baselines, so `<start>` reads as recorded.
 */
export interface BootResult {
  /** Trace id → pointer of every chunk the start-up left allocated (a later segment continues them). */
  liveIds: Map<number, number>;
  dataStackRoot: { addr: number; size: number; used: number };
  /** Blocks standing for the start-up's live objects (pymalloc calibration), allocation order. */
  liveBlocks: Float64Array;
  /** Anonymous-mapping bytes outside the model (library .bss etc.), added to anon_mmap. */
  anonBaseline: number;
  segment: StartupSegment;
  /**
   * The captured start-up's last part, the recorder's compile of the scenario it was captured
   * with (tools/hw_child.py _build), when the boot left it out for the script's own compile
   * (startup/compileTail.ts) to take its place; null when it was replayed with the rest.
   */
  pendingTail: string | null;
}

/**
 * How much of the root data-stack chunk is in use when the scenario's first statement runs: the
 * chunk header and skipped slot (32 bytes) plus the frames of tools/hw_child.py's module code
 * and of the scenario's module code (roughly 60 words each). An estimate: it only decides how
 * deep a recursion goes before the first new chunk is mapped.
 */
const ROOT_CHUNK_USED = 32 + 2 * 60 * 8;

/** Replay one captured segment's C-library calls; `live` maps trace ids to pointers (updated). */
export function replaySegment(libc: Libc, text: string, live: Map<number, number>): void {
  replayCapture(parseTrace(text), libc, live);
}

/**
 * Where the recorder's compile of the scenario begins in a start-up trace: the BufferedReader
 * that opens it (a 4,096-byte buffer, then its 32-byte lock), the last such pair; -1 if none.
 * Returns the text offset of that line.
 */
export function compileTailOffset(text: string): number {
  const re = /^m (\d+) 4096\nm \d+ 32\n/gm;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  return last;
}

/**
 * The resident bytes the captured compile tail adds after the rest of the start-up (its chunks
 * are all freed again, but the heap pages it touched stay): measured once per trace on a
 * scratch C library, so a boot that leaves the tail out still reads `<start>` as recorded.
 */
const tailRss = new Map<string, number>();
function tailResidentBytes(text: string, cut: number): number {
  let n = tailRss.get(text.slice(0, 200) + text.length);
  if (n === undefined) {
    const k = new Kernel();
    const g = createLibc(k, defaultLibcEnv());
    const live = new Map<number, number>();
    replaySegment(g, text.slice(0, cut), live);
    const before = k.rss;
    replaySegment(g, text.slice(cut), live);
    n = k.rss - before;
    tailRss.set(text.slice(0, 200) + text.length, n);
  }
  return n;
}

export function bootProcess(
  kernel: Kernel,
  libc: Libc,
  pymalloc: Pymalloc,
  profile: StartupProfile,
  /** false under PYTHONMALLOC=malloc: the start-up's objects are C-library chunks, pymalloc stays empty. */
  withPymalloc = true,
  /** Leave the captured compile tail out: the script's own compile replaces it (PythonProcess.load). */
  deferCompileTail = false,
): BootResult {
  const segment = profile.info.segments[0];
  const text = profile.traces[segment.trace];
  if (text === undefined)
    throw new Error(`start-up trace ${segment.trace} is missing (run scripts/embed-startup.ts)`);
  const liveIds = new Map<number, number>();
  const cut = deferCompileTail ? compileTailOffset(text) : -1;
  replaySegment(libc, cut >= 0 ? text.slice(0, cut) : text, liveIds);
  const pendingTail = cut >= 0 ? text.slice(cut) : null;
  // what the left-out tail would have made resident, so the baselines below read as recorded
  const tailRes = cut >= 0 ? tailResidentBytes(text, cut) : 0;

  // pymalloc's own C-library blocks, allocated by the replayed start-up: new_arena's arenas[] vector
  // (PyMem_RawRealloc, 48 bytes an arena object) and arena_map_mark_used's radix nodes.
  const bk = segment.pymalloc_bookkeeping;
  pymalloc.adoptBookkeeping({
    arenasVector: bk.arenas_vector ? (liveIds.get(bk.arenas_vector.id) ?? 0) : 0,
    arenasCount: bk.arenas_vector ? bk.arenas_vector.bytes / 48 : 0,
    radixNodes: bk.radix_tree_nodes.map((n) => ({
      kind: n.kind as 'mid' | 'bot',
      address: liveIds.get(n.id) ?? 0,
    })),
  });

  // The frame data stack's root chunk (_PyObject_VirtualAlloc at thread-state creation).
  const chunks = segment.direct_mmaps.filter((m) => m.what === 'frame data-stack chunk' && !m.unmapped);
  const size = chunks.length ? chunks[0].bytes : DATA_STACK_CHUNK_SIZE;
  const addr = kernel.mmap(size, 'interpreter', 'frame data stack');
  kernel.touch(addr, ROOT_CHUNK_USED);

  const recorder = segment.verification.recorder;
  if (!withPymalloc) {
    kernel.baselineRss = Math.max(0, recorder.rss - kernel.rss - tailRes);
    kernel.baselineAnonMmap = recorder.anon_mmap - kernel.anonMmapBytes;
    const dataStackRoot = { addr, size, used: ROOT_CHUNK_USED };
    return {
      liveIds,
      dataStackRoot,
      liveBlocks: new Float64Array(0),
      anonBaseline: recorder.anon_mmap - kernel.anonMmapBytes,
      segment,
      pendingTail,
    };
  }
  const rec = segment.pymalloc_recorder;
  const classes: Record<string, { blocks: number; pools: number }> = {};
  for (const [k, v] of Object.entries(rec.classes)) classes[k] = { blocks: v.blocks_in_use, pools: v.pools };
  const cal = pymalloc.calibrate({
    classes,
    arenas: rec.arenas_allocated_current,
    arenasTotal: rec.arenas_allocated_total,
  });

  kernel.baselineRss = Math.max(0, recorder.rss - kernel.rss - tailRes);
  const anonBaseline = recorder.anon_mmap - kernel.anonMmapBytes;
  kernel.baselineAnonMmap = anonBaseline;
  return {
    liveIds,
    dataStackRoot: { addr, size, used: ROOT_CHUNK_USED },
    liveBlocks: cal.liveBlocks,
    anonBaseline,
    segment,
    pendingTail,
  };
}
