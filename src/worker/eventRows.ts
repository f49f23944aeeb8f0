import { EventKind } from '../engine/trace/events';
import type { EventLog } from '../engine/trace/eventLog';
import type { EventRows } from '../protocol/messages';

/** Events listed around the playhead in the fine mode. */
export const EVENT_ROWS = 256;
/** How far back a free's allocation is looked for (a few ms over the columns). */
const LOOKBACK = 4_000_000;

/** request2size (malloc.c): the chunk a request of n bytes gets on the heap (SIZE_SZ 8, MINSIZE 32). */
export const request2size = (n: number): number => Math.max(32, (n + 8 + 15) & ~15);

const isAlloc = (k: number): boolean =>
  k === EventKind.Malloc || k === EventKind.Calloc || k === EventKind.Realloc;

/**
 * The chunk size behind glibc event i: an mmapped chunk is the mapping made (or unmapped) right
 * with it, 16 bytes below the pointer; a heap chunk is request2size of its request (for a free,
 * the request of the allocation it frees, found by looking back).
 */
function chunkOf(log: EventLog, i: number, allocOf: Map<number, number>): number {
  const k = log.kind[i];
  const p = log.addr.get(i);
  const prev = i > 0 ? log.kind[i - 1] : -1;
  if ((prev === EventKind.Mmap || prev === EventKind.Munmap) && log.addr.get(i - 1) === p - 16)
    return log.size.get(i - 1);
  if (isAlloc(k)) return p === 0 ? 0 : request2size(log.size.get(i));
  if (k === EventKind.Free) {
    const j = allocOf.get(p);
    if (j === undefined) return 0;
    if (j > 0 && log.kind[j - 1] === EventKind.Mmap && log.addr.get(j - 1) === p - 16)
      return log.size.get(j - 1);
    return request2size(log.size.get(j));
  }
  return 0;
}

/** The rows [from, to) with each glibc event's chunk size worked out. */
export function eventRows(log: EventLog, at: number): EventRows {
  const from = Math.max(0, at - EVENT_ROWS / 2);
  const to = Math.min(log.length, from + EVENT_ROWS);
  // Frees in the window: the allocation of each pointer, the latest before the free.
  const wanted = new Map<number, number>();
  for (let i = from; i < to; i++)
    if (log.kind[i] === EventKind.Free && log.addr.get(i) !== 0) wanted.set(log.addr.get(i), i);
  const allocOf = new Map<number, number>();
  if (wanted.size > 0) {
    const stop = Math.max(0, from - LOOKBACK);
    for (let i = to - 1; i >= stop && allocOf.size < wanted.size; i--) {
      if (!isAlloc(log.kind[i])) continue;
      const p = log.addr.get(i);
      const f = wanted.get(p);
      if (f !== undefined && i < f && !allocOf.has(p)) allocOf.set(p, i);
    }
  }
  const chunk = new Float64Array(to - from);
  for (let i = from; i < to; i++) chunk[i - from] = chunkOf(log, i, allocOf);
  return {
    from,
    kind: log.kind.slice(from, to),
    addr: log.addr.slice(from, to),
    size: log.size.slice(from, to),
    aux: log.aux.slice(from, to),
    chunk,
  };
}
