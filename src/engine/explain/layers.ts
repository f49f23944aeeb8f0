import type { Kernel } from '../kernel/kernel';
import type { GlibcMalloc } from '../glibc/malloc';
import { EventKind } from '../trace/events';
import type { ArenaColumns } from '../trace/snapshot';
import { bytes, mb, plural } from './format';
import type { StepSummary } from './index';
import type { Sentence } from './types';

/** The events of one step, read straight from the log's columns (no copies). */
export interface EventWindow {
  kind: Uint8Array;
  addr: Float64Array;
  size: Float64Array;
  aux: Float64Array;
  from: number;
  to: number;
}

const ARENA_BYTES = 1 << 20;

/** pymalloc: arenas unmapped in the step, the one kept empty on purpose, and arenas pinned by survivors. */
export function explainArenas(
  kernel: Kernel,
  arenas: ArenaColumns | null,
  ev: EventWindow | null,
): Sentence[] {
  if (!arenas) return [];
  const out: Sentence[] = [];
  let created = 0;
  let freed = 0;
  if (ev) {
    for (let i = ev.from; i < ev.to; i++) {
      if (ev.kind[i] === EventKind.ArenaNew) created++;
      else if (ev.kind[i] === EventKind.ArenaFree) freed++;
    }
  }
  let empty = -1;
  let emptyCount = 0;
  let sparse = 0;
  let sparseFirst = -1;
  for (let a = 0; a < arenas.count; a++) {
    let used = 0;
    let blocks = 0;
    for (let p = 0; p < 64; p++) {
      const st = arenas.poolState[a * 64 + p];
      if (st >= 2) used++;
      blocks += arenas.poolUsed[a * 64 + p];
    }
    if (used === 0) {
      emptyCount++;
      if (empty < 0) empty = a;
    } else if (blocks < 64) {
      sparse++;
      if (sparseFirst < 0) sparseFirst = a;
    }
  }
  if (created > 0)
    out.push({
      id: 'arenas-new',
      parts: [
        `pymalloc mapped ${plural(created, 'new 1 MiB arena')} (${mb(created * ARENA_BYTES)}) for small objects.`,
      ],
    });
  if (freed > 0) {
    const parts: Sentence['parts'] = [
      `${plural(freed, 'arena was', 'arenas were')} unmapped as their last block was freed`,
    ];
    if (emptyCount > 0 && empty >= 0)
      parts.push(
        '; ',
        { text: 'one empty arena is kept by design', ref: { kind: 'arena', address: arenas.address[empty] } },
        ' (so the next allocation need not mmap again)',
      );
    parts.push('.');
    out.push({ id: 'arenas-freed', parts });
  } else if (emptyCount > 0 && empty >= 0 && arenas.count > 1) {
    out.push({
      id: 'arena-kept',
      parts: [
        { text: 'One wholly empty arena', ref: { kind: 'arena', address: arenas.address[empty] } },
        ' stays mapped by design (bpo-37257).',
      ],
    });
  }
  if (sparse > 0) {
    out.push({
      id: 'arenas-pinned',
      parts: [
        `${plural(sparse, 'arena is', 'arenas are')} kept by fewer than 64 live blocks each: pymalloc frees an arena only when every pool in it is empty, so `,
        { text: 'a few survivors', ref: { kind: 'arena', address: arenas.address[sparseFirst] } },
        ` pin ${mb(sparse * ARENA_BYTES)}.`,
      ],
    });
  }
  void kernel;
  return out;
}

/** glibc's own mmaps: chunks mapped and unmapped inside the step, and the dynamic threshold. */
export function explainMmaps(
  glibc: GlibcMalloc,
  before: StepSummary | null,
  ev: EventWindow | null,
): Sentence[] {
  const out: Sentence[] = [];
  const av = glibc.av;
  if (ev) {
    // An mmap whose address is unmapped again within the same step, and not a pymalloc arena.
    const arenaAddrs = new Set<number>();
    for (let i = ev.from; i < ev.to; i++)
      if (ev.kind[i] === EventKind.ArenaNew || ev.kind[i] === EventKind.ArenaFree) arenaAddrs.add(ev.addr[i]);
    const open = new Map<number, number>();
    let roundTrips = 0;
    let biggest = 0;
    for (let i = ev.from; i < ev.to; i++) {
      const k = ev.kind[i];
      if (k === EventKind.Mmap && !arenaAddrs.has(ev.addr[i])) open.set(ev.addr[i], ev.size[i]);
      else if (k === EventKind.Munmap && open.has(ev.addr[i])) {
        roundTrips++;
        biggest = Math.max(biggest, open.get(ev.addr[i])!);
        open.delete(ev.addr[i]);
      }
    }
    if (roundTrips > 0)
      out.push({
        id: 'mmap-roundtrip',
        parts: [
          `${roundTrips === 1 ? 'A block' : `${roundTrips} blocks`} of up to ${bytes(biggest)} went to ${roundTrips === 1 ? 'its own mmap' : 'their own mmaps'} (≥ the mmap threshold) and ${roundTrips === 1 ? 'was' : 'were'} unmapped at once when freed, so the pages went straight back to the kernel.`,
        ],
      });
  }
  if (before && av.mmapThreshold !== before.mmapThreshold)
    out.push({
      id: 'mmap-threshold',
      parts: [
        `Freeing an mmapped chunk raised the dynamic mmap threshold from ${bytes(before.mmapThreshold)} to ${bytes(av.mmapThreshold)} (and the trim threshold to ${bytes(av.trimThreshold)}): later blocks of that size come from the heap, where they can stay after free().`,
      ],
    });
  if (av.nMmaps > 0 && av.mmappedMem >= 1 << 20)
    out.push({
      id: 'mmap-live',
      parts: [
        `${plural(av.nMmaps, 'chunk lives', 'chunks live')} in ${av.nMmaps === 1 ? 'its own mmap' : 'their own mmaps'} (${mb(av.mmappedMem)}): free() unmaps ${av.nMmaps === 1 ? 'it' : 'each'} at once.`,
      ],
    });
  return out;
}
