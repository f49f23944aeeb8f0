import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../../trace/eventLog';
import { EventKind } from '../../trace/events';
import { DEFAULT_MMAP_THRESHOLD, pickedEvents, pickedEventsByScan } from './mmapEvents';

// Kinds the picking tells apart (and some it skips), sizes either side of the threshold.
const kind = fc.constantFrom(
  EventKind.Malloc,
  EventKind.Calloc,
  EventKind.Realloc,
  EventKind.Free,
  EventKind.Free,
  EventKind.MallocTrim,
  EventKind.PyAlloc,
  EventKind.ArenaNew,
  EventKind.ArenaFree,
  EventKind.Brk,
  EventKind.Mmap,
  EventKind.Munmap,
  EventKind.Munmap,
  EventKind.Mremap,
  EventKind.MadviseDontneed,
);
const size = fc.oneof(
  fc.integer({ min: 0, max: 4096 }),
  fc.constantFrom(DEFAULT_MMAP_THRESHOLD - 1, DEFAULT_MMAP_THRESHOLD, 2 ** 31, 2 ** 33),
);
const batch = fc.array(fc.tuple(kind, size), { maxLength: 400 });
/** A window asked for after a batch: its start and end as fractions of the log so far. */
const ask = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));

describe('pickedEvents (the mmap sentences’ events, from an index of the log)', () => {
  it('equals one pass over the window, for windows asked while the log grows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(batch, fc.array(ask, { maxLength: 4 })), { maxLength: 6 }), (steps) => {
        // a small first capacity: the log's columns grow under the index
        const log = new EventLog(16);
        for (const [events, windows] of steps) {
          for (const [k, s] of events) log.record(k, 0x1000, s, 0);
          for (const [a, b] of windows) {
            const from = Math.floor(Math.min(a, b) * log.length);
            const to = Math.floor(Math.max(a, b) * log.length);
            const ev = { kind: log.kind, addr: log.addr, size: log.size, aux: log.aux, from, to };
            expect(pickedEvents(ev)).toEqual(pickedEventsByScan(ev));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('drops a free at the window’s start even after a munmap (its munmap is outside the window)', () => {
    const log = new EventLog(16);
    log.record(EventKind.Munmap, 0x7f00_0000_0000, 1 << 20, 0);
    log.record(EventKind.Free, 0x7f00_0000_0010, 0, 0);
    const w = (from: number) => ({ kind: log.kind, addr: log.addr, size: log.size, aux: log.aux, from, to: 2 });
    expect(pickedEvents(w(0))).toEqual([0, 1]);
    expect(pickedEvents(w(1))).toEqual([]);
  });
});
