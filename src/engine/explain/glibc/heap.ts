import type { Kernel } from '../../kernel/kernel';
import { ChunkState } from '../../glibc/chunkStore';
import { DEFAULT_MMAP_THRESHOLD_MAX, csize2tidx } from '../../glibc/constants';
import { EventKind } from '../../trace/events';
import type { EventWindow } from '../layers';
import type { GlibcMalloc } from '../../glibc/malloc';
import { trimWouldRelease } from '../../glibc/mtrim';
import { bytes, mb } from '../format';
import type { Owner, OwnerAnswer } from '../owners';
import { heldBy } from '../phrases';
import type { MemoryRef, Sentence, SentencePart } from '../types';

const HOLDER: Record<number, string> = {
  [ChunkState.InUse]: 'in use',
  [ChunkState.Tcache]: 'held in tcache',
  [ChunkState.Fastbin]: 'held in a fastbin',
};

/** Below this much free heap there is nothing worth explaining (the interpreter's own ~100 KiB). */
const FREE_WORTH_EXPLAINING = 1 << 20;

/**
 * The chunks that decide where the heap could end: `pin`, the highest chunk below top that is not
 * in a bin (tcache and fastbin chunks count, their PREV_INUSE bit stays set), and `inUse`, the
 * highest one truly in use at or below it (what would pin the heap were the caches flushed).
 * Chunk indices, -1 for none; null when too little of the heap is free to matter.
 */
function findPins(glibc: GlibcMalloc): { pin: number; inUse: number } | null {
  const av = glibc.av;
  if (av.top < 0) return null;
  const mi = glibc.mallinfo2();
  if (mi.fordblks - mi.keepcost < FREE_WORTH_EXPLAINING) return null;
  const st = av.store;
  let pin = st.prevPhys[av.top];
  while (pin >= 0) {
    const s = st.state(pin);
    if (s === ChunkState.InUse || s === ChunkState.Tcache || s === ChunkState.Fastbin) break;
    pin = st.prevPhys[pin];
  }
  let inUse = pin;
  while (inUse >= 0 && st.state(inUse) !== ChunkState.InUse) inUse = st.prevPhys[inUse];
  return { pin, inUse };
}

/** The user pointers of the chunks the heap sentences name, for the owner lookup. */
export function heapPinPointers(glibc: GlibcMalloc): number[] {
  const pins = findPins(glibc);
  if (!pins || pins.inUse < 0) return [];
  const av = glibc.av;
  return [av.heapStart + av.store.gran[pins.inUse] * 16 + 16];
}

/**
 * Why the brk heap keeps its size: the heap can only shrink from the top (sbrk moves the break
 * down), so the highest chunk that is not free pins every free byte below it. Chunks in tcache and
 * fastbins count as in use for this (their PREV_INUSE bit stays set).
 */
export function explainHeap(
  glibc: GlibcMalloc,
  kernel: Kernel,
  heapBefore: number | null,
  trimCalled: boolean,
  owners: OwnerAnswer | null = null,
  thresholds: { mmap: number; trim: number } | null = null,
  ev: EventWindow | null = null,
): Sentence[] {
  const av = glibc.av;
  if (av.top < 0) return [];
  const out: Sentence[] = [];
  const st = av.store;
  const mi = glibc.mallinfo2();
  const heapSize = kernel.brk - kernel.heapStart;
  const heapRef: MemoryRef = { kind: 'region', start: kernel.heapStart, length: heapSize };
  const topAddr = av.heapStart + st.gran[av.top] * 16;
  const topSize = av.size(av.top);
  const topRef: MemoryRef = { kind: 'chunk', address: topAddr, size: topSize };

  if (heapBefore !== null && heapSize > heapBefore) {
    out.push({
      id: 'heap-grew',
      parts: [
        'malloc carved new chunks from top and moved the break up with brk: ',
        { text: 'the heap', ref: heapRef },
        ` grew by ${mb(heapSize - heapBefore)} to ${mb(heapSize)}, ${mb(mi.uordblks)} of it in use.`,
      ],
    });
  }
  if (trimCalled) {
    out.push({
      id: 'trim-called',
      parts: [
        'malloc_trim(0) gave the whole free pages inside free chunks back with madvise(MADV_DONTNEED) and trimmed ',
        { text: 'the top chunk', ref: topRef },
        `: those pages are no longer resident, though the heap's address range stays ${mb(heapSize)} (what stays below is address space, not RAM).`,
      ],
    });
  } else if (heapBefore !== null && heapSize < heapBefore) {
    out.push({
      id: 'heap-shrank',
      parts: [
        'free() merged the freed chunks into ',
        { text: 'the top chunk', ref: topRef },
        ` and, once top passed the trim threshold then in force (${bytes(trimAtShrink(av, thresholds, ev))}), moved the break down: `,
        { text: 'the heap', ref: heapRef },
        ` shrank by ${mb(heapBefore - heapSize)} to ${mb(heapSize)}.`,
      ],
    });
  }

  const freeBelowTop = mi.fordblks - mi.keepcost;
  if (freeBelowTop < FREE_WORTH_EXPLAINING) {
    if (topSize >= FREE_WORTH_EXPLAINING && topSize < av.mp.trimThreshold)
      out.push({
        id: 'top-below-threshold',
        parts: [
          { text: `The top chunk (${mb(topSize)})`, ref: topRef },
          ` is below the trim threshold (${mb(av.mp.trimThreshold)}), so free() keeps it for the next malloc.`,
        ],
      });
    return out;
  }

  const { pin, inUse } = findPins(glibc) ?? { pin: -1, inUse: -1 };
  const { madvised, trimmed } = trimWouldRelease(av);
  const release = madvised + trimmed;
  const holes = holeSizes(glibc);
  // Free space in holes smaller than a page: no whole page to give back (mtrim skips them).
  const smallHoles = !trimCalled && release < freeBelowTop / 4 && holes.count > 16 && holes.median < PAGE;
  const trimText = release > 0 ? `; malloc_trim(0) would release ${mb(release)} of resident pages` : '';
  if (pin < 0) {
    out.push({
      id: 'heap-free',
      parts: [{ text: `${mb(freeBelowTop)} of the heap`, ref: heapRef }, ` is free${trimText}.`],
    });
    return out;
  }
  const pinAddr = av.heapStart + st.gran[pin] * 16;
  const pinSize = av.size(pin);
  const pinEnd = pinAddr + pinSize;
  const below = kernel.brk - pinEnd;
  if (smallHoles)
    out.push({
      id: 'holes-small',
      parts: [
        {
          text: `${mb(freeBelowTop)} of the heap`,
          ref: { kind: 'heapRange', from: kernel.heapStart, to: pinAddr },
        },
        ` is free, but in ${holes.count.toLocaleString('en-US')} holes between chunks still in use, most of them ${bytes(holes.median)} (the largest ${bytes(holes.largest)}): memory goes back to the kernel only in whole 4 KiB pages inside a hole, and few holes hold one, so malloc_trim(0) could give back just ${mb(release)}.`,
      ],
    });
  out.push({
    id: 'heap-pinned',
    parts: [
      {
        text: `${mb(freeBelowTop)} of the heap`,
        ref: { kind: 'heapRange', from: kernel.heapStart, to: pinAddr },
      },
      ' is free, but ',
      {
        text: `the highest in-use chunk (${bytes(pinSize)}, ${HOLDER[st.state(pin)] ?? 'in use'})`,
        ref: { kind: 'chunk', address: pinAddr, size: pinSize },
      },
      ` sits ${mb(below)} below the top of the heap, so glibc cannot trim past it${smallHoles ? '' : trimText}.`,
    ],
  });
  const pinOwner = pin === inUse ? owners?.owners.get(pinAddr + 16) : undefined;
  if (pinOwner)
    out.push({
      id: 'pin-owner',
      parts: [
        { text: 'That chunk', ref: { kind: 'chunk', address: pinAddr, size: pinSize } },
        ` is ${pinOwner.what}`,
        ...ownerTail(pinOwner, true),
        '.',
      ],
    });
  if (st.state(pin) === ChunkState.Tcache)
    out.push({
      id: 'tcache-pins',
      parts: [
        'tcache keeps up to ',
        {
          text: `${av.mp.tcacheCount} freed chunks per size`,
          ref: { kind: 'bin', bin: 'tcache', index: csize2tidx(pinSize) },
        },
        ' marked in use, so they never merge with their free neighbours or with top.',
      ],
    });
  if (st.state(pin) !== ChunkState.InUse && inUse >= 0) {
    // Were the cached chunks gone, the next truly in-use chunk below would decide instead.
    const addr = av.heapStart + st.gran[inUse] * 16;
    const size = av.size(inUse);
    const freeBelow = addr - kernel.heapStart;
    const ref: MemoryRef = { kind: 'chunk', address: addr, size };
    const owner = owners?.owners.get(addr + 16);
    const where = ` ${mb(kernel.brk - addr - size)} below the top`;
    if (pinAddr - (addr + size) >= FREE_WORTH_EXPLAINING && freeBelow < pinAddr - kernel.heapStart)
      out.push({
        id: 'second-pin',
        parts: owner
          ? [
              'Even with tcache flushed, ',
              { text: owner.what, ref },
              ...ownerTail(owner, false),
              trimCalled
                ? `, sits${where} in a ${bytes(size)} chunk and keeps the break above the ${mb(freeBelow)} beneath it (address space only: malloc_trim returned its free pages)`
                : `, sits${where} in a ${bytes(size)} chunk and would still pin the ${mb(freeBelow)} beneath it`,
              owner.kept ? `: ${owner.kept}.` : '.',
            ]
          : [
              'Even with tcache flushed, ',
              { text: `an in-use chunk of ${bytes(size)}`, ref },
              trimCalled
                ? `${where} keeps the break above the ${mb(freeBelow)} beneath it (address space only: malloc_trim returned its free pages).`
                : `${where} would still pin the ${mb(freeBelow)} beneath it.`,
            ],
      });
  }
  if (release > 0 && madvised > trimmed && !trimCalled && !smallHoles)
    out.push({
      id: 'trim-madvise',
      parts: [
        'malloc_trim(0) would not move the break much: it returns the whole free pages inside free chunks with madvise(MADV_DONTNEED), so RSS drops while the heap keeps its size.',
      ],
    });
  return out;
}

/** ", realloc'd while the 65th arena was made" or ", kept alive by the name a" (and why it stays). */
function ownerTail(o: Owner, withKept: boolean): SentencePart[] {
  const out: SentencePart[] = [];
  if (o.note) out.push(`, ${o.note}`);
  const held = heldBy(o.holders);
  if (held.length > 0) out.push(', kept alive ', ...held);
  if (withKept && o.kept) out.push(`: ${o.kept}`);
  return out;
}

const PAGE = 4096;

/** Free chunks in bins (unsorted, small, large; top left out): how many, and the largest. */
function holeSizes(glibc: GlibcMalloc): { count: number; largest: number; median: number } {
  const av = glibc.av;
  const st = av.store;
  let count = 0;
  let largest = 0;
  const sizes: number[] = [];
  for (let c = st.prevPhys[av.top]; c >= 0; c = st.prevPhys[c]) {
    const s = st.state(c);
    if (s !== ChunkState.Unsorted && s !== ChunkState.Smallbin && s !== ChunkState.Largebin) continue;
    count++;
    largest = Math.max(largest, av.size(c));
    if (sizes.length < 100_000) sizes.push(av.size(c));
  }
  sizes.sort((a, b) => a - b);
  return { count, largest, median: sizes[sizes.length >> 1] ?? 0 };
}

/**
 * The trim threshold in force when the break last moved down in the step: replay free()'s dynamic
 * threshold rule (_int_free → munmap_chunk path in __libc_free: a freed mmapped chunk bigger than
 * mp_.mmap_threshold, and at most DEFAULT_MMAP_THRESHOLD_MAX, sets mmap_threshold to its size and
 * trim_threshold to twice that) over the step's events, from the thresholds before the step.
 */
function trimAtShrink(
  av: GlibcMalloc['av'],
  start: { mmap: number; trim: number } | null,
  ev: EventWindow | null,
): number {
  if (!start || !ev) return av.mp.trimThreshold;
  let mmap = start.mmap;
  let trim = start.trim;
  let atShrink = av.mp.trimThreshold;
  for (let i = ev.from; i < ev.to; i++) {
    const k = ev.kind[i];
    if (
      k === EventKind.Free &&
      i > ev.from &&
      ev.kind[i - 1] === EventKind.Munmap &&
      ev.addr.get(i - 1) === ev.addr.get(i) - 16
    ) {
      const size = ev.size.get(i - 1);
      if (!av.mp.noDynThreshold && size > mmap && size <= DEFAULT_MMAP_THRESHOLD_MAX) {
        mmap = size;
        trim = 2 * size;
      }
    } else if (k === EventKind.Brk && ev.aux.get(i) < ev.addr.get(i)) atShrink = trim;
  }
  return atShrink;
}
