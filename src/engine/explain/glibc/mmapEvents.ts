import { EventKind } from '../../trace/events';
import type { EventWindow } from '../layers';

/** glibc's mmap threshold before any dynamic raise (DEFAULT_MMAP_THRESHOLD_MIN, 128 KiB). */
export const DEFAULT_MMAP_THRESHOLD = 128 * 1024;

/**
 * Whether event i is one explainMmaps reads (pymalloc arenas, the kernel's mappings, a free() right
 * after a munmap, malloc/calloc/realloc of at least the default mmap threshold), the free's
 * munmap looked for at i − 1 whatever the window (the caller drops a free at the window's start).
 */
function wanted(kind: Uint8Array, size: EventWindow['size'], i: number): boolean {
  const k = kind[i];
  if (k <= EventKind.Realloc) return size.get(i) >= DEFAULT_MMAP_THRESHOLD;
  if (k === EventKind.Free) return i > 0 && kind[i - 1] === EventKind.Munmap;
  return (
    k === EventKind.ArenaNew ||
    k === EventKind.ArenaFree ||
    k === EventKind.Mmap ||
    k === EventKind.Munmap ||
    k === EventKind.Mremap
  );
}

/** The wanted events of a log's first `n` events, in order (the log only appends: they stay true). */
interface Picks {
  n: number;
  at: number[];
}

/**
 * Per log (its kind column), the wanted events found so far. The page's sentences at a landing read
 * the statement's window up to the event shown: on the seed a window of up to 6 million events, a
 * pass of ~60–90 ms per landing (perf-9's profile); the index makes it a binary search, and the
 * first run's statement ends extend it as the log grows (each event looked at once).
 */
const indexes = new WeakMap<Uint8Array, Picks>();

function picksUpTo(ev: EventWindow): Picks {
  let p = indexes.get(ev.kind);
  if (!p) {
    p = { n: 0, at: [] };
    indexes.set(ev.kind, p);
  }
  for (let i = p.n; i < ev.to; i++) if (wanted(ev.kind, ev.size, i)) p.at.push(i);
  if (ev.to > p.n) p.n = ev.to;
  return p;
}

/** The first index in the sorted `at` whose value is ≥ x. */
function lowerBound(at: number[], x: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The events of the window explainMmaps reads, in order: pymalloc arenas, the kernel's mappings,
 * a free() right after a munmap (inside the window), and malloc/calloc/realloc of at least the
 * default mmap threshold.
 */
export function pickedEvents(ev: EventWindow): number[] {
  const p = picksUpTo(ev);
  const out: number[] = [];
  for (let j = lowerBound(p.at, ev.from); j < p.at.length && p.at[j] < ev.to; j++) {
    const i = p.at[j];
    if (i === ev.from && ev.kind[i] === EventKind.Free) continue;
    out.push(i);
  }
  return out;
}

/** The same, by one pass over the window (the definition the index is held to: mmapEvents.test.ts). */
export function pickedEventsByScan(ev: EventWindow): number[] {
  const { kind, size } = ev;
  const out: number[] = [];
  for (let i = ev.from; i < ev.to; i++) {
    const k = kind[i];
    if (k <= EventKind.Realloc) {
      if (size.get(i) >= DEFAULT_MMAP_THRESHOLD) out.push(i);
    } else if (k === EventKind.Free) {
      if (i > ev.from && kind[i - 1] === EventKind.Munmap) out.push(i);
    } else if (
      k === EventKind.ArenaNew ||
      k === EventKind.ArenaFree ||
      k === EventKind.Mmap ||
      k === EventKind.Munmap ||
      k === EventKind.Mremap
    )
      out.push(i);
  }
  return out;
}
