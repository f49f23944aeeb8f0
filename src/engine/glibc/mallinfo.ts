import type { LibcCounters, LibcStat, Mallinfo2 } from '../libc/libc';
import type { Arena } from './arena';
import type { Arenas } from './arenaGet';
import type { MallocPar } from './par';

/**
 * mallinfo2() over every arena, as __libc_mallinfo2 walks them (main, then main.next onwards):
 * int_mallinfo adds each arena's top (1 block), bins and fastbins; hblks, hblkhd and keepcost are
 * the main arena's. Computed from running totals (a test checks them against a walk of the bins).
 */
export function mallinfo2(arenas: Arenas, mp: MallocPar): Mallinfo2 {
  const m: Mallinfo2 = {
    arena: 0,
    ordblks: 0,
    smblks: 0,
    hblks: mp.nMmaps,
    hblkhd: mp.mmappedMem,
    usmblks: 0,
    fsmblks: 0,
    uordblks: 0,
    fordblks: 0,
    keepcost: topSize(arenas.main),
  };
  for (const av of arenas.walk()) {
    const avail = topSize(av) + av.fastBytes + av.binBytes;
    m.smblks += av.fastChunks;
    m.ordblks += 1 + av.binChunks;
    m.fordblks += avail;
    m.uordblks += av.systemMem - avail;
    m.arena += av.systemMem;
    m.fsmblks += av.fastBytes;
  }
  return m;
}

const topSize = (av: Arena): number => (av.top >= 0 ? av.size(av.top) : 0);

/** The seam's common figures over every arena (LibcModel.counters). */
export function countersOf(
  arenas: Arenas,
  mp: MallocPar,
  brkHeapBytes: number,
  into?: LibcCounters,
): LibcCounters {
  const c = into ?? { mappedBytes: 0, inUseBytes: 0, freeBytes: 0, brkHeapBytes: 0, largeMappedBytes: 0 };
  let system = 0;
  let free = 0;
  for (let av: Arena | null = arenas.main; av !== null; av = av.next) {
    system += av.systemMem;
    free += topSize(av) + av.fastBytes + av.binBytes;
  }
  c.mappedBytes = system + mp.mmappedMem;
  c.inUseBytes = system - free + mp.mmappedMem;
  c.freeBytes = free;
  c.brkHeapBytes = brkHeapBytes;
  c.largeMappedBytes = mp.mmappedMem;
  return c;
}

const MALLINFO_DOCS: [keyof Mallinfo2, string][] = [
  ['arena', 'bytes of the arenas (brk heap and thread heaps)'],
  ['ordblks', "free chunks in bins, plus each arena's top"],
  ['smblks', 'free chunks in fastbins'],
  ['hblks', 'mmapped chunks'],
  ['hblkhd', 'bytes in mmapped chunks'],
  ['usmblks', 'always 0'],
  ['fsmblks', 'bytes in fastbins'],
  ['uordblks', 'bytes in use (tcache counts as in use)'],
  ['fordblks', 'bytes free in the arenas, top included'],
  ['keepcost', "the main arena's top chunk: what malloc_trim could give back at most"],
];

/** glibc's own counters as the seam lists them (LibcModel.stats). */
export function statsOf(mi: Mallinfo2, mp: MallocPar, narenas: number): LibcStat[] {
  return [
    ...MALLINFO_DOCS.map(([name, doc]) => ({ name: `mallinfo2.${name}`, value: mi[name], doc })),
    { name: 'mp_.mmap_threshold', value: mp.mmapThreshold, doc: 'requests this big get their own mmap' },
    {
      name: 'mp_.trim_threshold',
      value: mp.trimThreshold,
      doc: 'free() trims the heap once top is this big',
    },
    { name: 'mp_.top_pad', value: mp.topPad, doc: 'extra bytes asked for at every heap growth' },
    { name: 'mp_.tcache_count', value: mp.tcacheCount, doc: 'freed chunks each tcache bin keeps' },
    {
      name: 'narenas',
      value: narenas,
      doc: 'arenas, main included (threads get their own, up to 8 × cores)',
    },
  ];
}
