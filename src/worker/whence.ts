import { EventKind } from '../engine/trace/events';
import type { EventLog } from '../engine/trace/eventLog';
import type { Whence } from '../protocol/messages';
import { completedAt } from '../protocol/statementCount';

/**
 * The life of the allocation at `address` (as the views select it: a chunk's address, a block's,
 * an mmapped chunk's, an arena's) around event `at`: the event that made it and the one that
 * freed it. Memory free at `at` (a chunk in tcache, say) was freed before `at`: then both events
 * are found looking back. glibc events carry the user pointer (chunk + 16); pymalloc's its block.
 * One scan back and at most one forward, over typed columns (tens of ms for millions of events).
 */
export function whence(
  log: EventLog,
  statementEnd: ArrayLike<number>,
  loadEvents: number,
  address: number,
  at: number,
): Whence {
  const user = address + 16;
  const { kind, addr, aux } = log;
  const isAlloc = (i: number): boolean => {
    const k = kind[i];
    const a = addr.get(i);
    if (k === EventKind.Malloc || k === EventKind.Calloc || k === EventKind.Realloc)
      return a === user || a === address;
    if (
      k === EventKind.PyAlloc ||
      k === EventKind.PyRealloc ||
      k === EventKind.Mmap ||
      k === EventKind.ArenaNew
    )
      return a === address;
    return false;
  };
  const isFree = (i: number): boolean => {
    const k = kind[i];
    const a = addr.get(i);
    if (k === EventKind.Free) return a === user || a === address;
    if (k === EventKind.Realloc) return (aux.get(i) === user || aux.get(i) === address) && a !== aux.get(i);
    if (k === EventKind.PyFree || k === EventKind.Munmap || k === EventKind.ArenaFree) return a === address;
    return false;
  };
  const at$ = (i: number, k: number): { event: number; statement: number; kind: number } => ({
    event: i + 1,
    statement: completedAt(statementEnd, i) + 1,
    kind: k,
  });
  let allocated: Whence['allocated'] = null;
  let freed: Whence['freed'] = null;
  for (let i = Math.min(at, log.length) - 1; i >= 0; i--) {
    if (freed === null && allocated === null && isFree(i)) freed = at$(i, kind[i]);
    else if (isAlloc(i)) {
      allocated = { ...at$(i, kind[i]), size: log.size.get(i) };
      break;
    }
  }
  if (freed === null)
    for (let i = Math.max(0, at); i < log.length; i++)
      if (isFree(i)) {
        freed = at$(i, kind[i]);
        break;
      }
  const startup = allocated === null || allocated.event <= loadEvents;
  return { address, allocated: startup ? null : allocated, freed, startup };
}
