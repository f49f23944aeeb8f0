import type { Kernel } from '../engine/kernel/kernel';
import type { EventKind, EventSink } from '../engine/trace/events';
import { GraphCopy, type PagedBuffers } from '../engine/util/graphCopy';
import type { CallJournal, JournalAt } from './callJournal';

/** Counts the events a copy's layers record (the first run's log has them). */
export class CountingSink implements EventSink {
  length = 0;
  record(_kind: EventKind, _addr: number, _size: number, _aux: number): void {
    this.length++;
  }
}

/** A copy of the layers standing at a place in the journal (`at`), `events` events into the run. */
export interface Stand {
  at: JournalAt;
  events: number;
  /** It stands right after a check, and no check before it had the same event count (a landing at `events` may stand here). */
  first: boolean;
  layers: object[];
  sink: CountingSink;
  /** Bytes it holds (a stored copy: its pages not shared with the copy before it). */
  bytes: number;
  /** A stored copy: its buffers as pages, shared with the stored copy before it; null: a working copy. */
  paged: PagedBuffers | null;
  /** A working copy: the buffers it was made with (written over when it is dropped). */
  made: ArrayBuffer[];
}

/**
 * A copy of `layers` (kernel, C library, pymalloc, clock) standing at `at` and `events`, its sinks
 * (`sink`, the kernel's listener) counting into a new CountingSink. `store`: a stored copy (paged),
 * sharing equal pages with those buffers; else a working copy, written over `reuse` where it fits.
 */
export function copyLayers(
  journal: CallJournal,
  layers: readonly object[],
  events: number,
  sink: object,
  at: JournalAt,
  first: boolean,
  store: PagedBuffers | null,
  reuse: ArrayBuffer[] = [],
): Stand {
  const mine = new CountingSink();
  mine.length = events;
  const keep = new Map<object, unknown>([[sink, mine]]);
  const kernel = layers[0] as Kernel;
  if (kernel.listener) keep.set(kernel.listener, null);
  if (kernel.onWork) keep.set(kernel.onWork, null);
  const g = new GraphCopy(keep, store ? { previous: store } : null, reuse);
  const out = g.copy(layers as object[]);
  const k = out[0] as Kernel;
  if (kernel.listener) k.listener = () => mine.length++;
  // the kernel's work moves the process's clock (python/process.ts wires it so): the copy's moves the copy's
  if (kernel.onWork) {
    const clock = out[3] as { work(ns: number): void };
    k.onWork = (ns) => clock.work(ns);
  }
  // the journaled fields are accessors on the originals (not enumerable: the walk skips them)
  for (const f of journal.fields)
    (out[f.target] as Record<string, unknown>)[f.name] = (layers[f.target] as Record<string, unknown>)[
      f.name
    ];
  return {
    at: { entry: at.entry, byte: at.byte, prev: at.prev.slice() },
    events,
    first,
    layers: out,
    sink: mine,
    bytes: g.bufferBytes,
    paged: store ? g.paged : null,
    made: g.made,
  };
}

/** A working copy of `s`, or a stored one sharing pages with `store` (the stored copy before it). */
export function copyStand(
  journal: CallJournal,
  s: Stand,
  store: PagedBuffers | null = null,
  reuse: ArrayBuffer[] = [],
): Stand {
  return copyLayers(journal, s.layers, s.events, s.sink, s.at, s.first, store, reuse);
}

/**
 * Replay the journal on `s` until `stop(entry, events, check)` after an entry; it then stands after
 * it. `firstAtGoal`: the stop is the first check at or past an event count, hence the first check
 * with its own count (counts only grow), where a landing at that count stands.
 */
export function runStand(
  journal: CallJournal,
  s: Stand,
  stop: (entry: number, events: number, check: boolean) => boolean,
  firstAtGoal: boolean,
): void {
  const sink = s.sink;
  const from = s.at.entry;
  const check = journal.replay(
    s.layers,
    s.at,
    (i, c) => stop(i, sink.length, c),
    () => sink.length++,
  );
  s.events = sink.length;
  if (s.at.entry !== from) s.first = firstAtGoal && check;
}
