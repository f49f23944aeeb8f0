import type { MemoryRef } from '../../engine/explain/types';

/** Which chunks a selected bin holds, from state and size (the same rule as derive/bins). */
export function binMatcher(r: MemoryRef | null): ((state: number, size: number) => boolean) | null {
  if (!r || r.kind !== 'bin') return null;
  const idx = r.index;
  switch (r.bin) {
    case 'tcache':
      return (st, size) => st === 2 && (size - 17) >> 4 === idx;
    case 'fastbin':
      return (st, size) => st === 3 && (size >> 4) - 2 === idx;
    case 'unsorted':
      return (st) => st === 4;
    case 'smallbin':
      return (st, size) => st === 5 && size >> 4 === idx;
    case 'largebin':
      return (st) => st === 6;
  }
}
