import type { Kernel } from '../engine/kernel/kernel';
import type { LibcModel } from '../engine/libc/libc';
import type { EventKind, EventSink } from '../engine/trace/events';
import type { ArenaSource } from '../engine/trace/snapshot';
import { GraphCopy } from '../engine/util/graphCopy';
import { CallJournal, type JournaledField } from './callJournal';

/**
 * The allocator layers' history of a run, for a landing's views: the views of a position
 * (chunks, bins, heaps, arenas, pools, mappings, pages, RSS) read the kernel, the C library and
 * pymalloc only, and those layers are deterministic functions of the calls the interpreter makes
 * into them (callJournal.ts). So the first run writes those calls down and keeps a copy of the
 * layers alone every `every` calls (GraphCopy: the seed's layers at the end of its first statement
 * are 31 MB of typed arrays and ~170 objects, 8–50 ms to copy, against ~130 MB for the whole
 * process with its interpreter); a landing copies the nearest copy before it and replays at most
 * `every` calls through the layers, without the interpreter. The copy it used stays (`live`) and a
 * later landing ahead of it goes on from there.
 *
 * Measured on the seed (Node, CPU): the layers replay a call in ~180 ns (the interpreter's whole
 * run is ~290 ns an event: most of a replay's time is the allocators, not the interpreter).
 */

/** Calls between two copies at first: 2^18 calls are ~50 ms of replay. */
const FIRST_EVERY = 1 << 18;
/** Bytes all copies may hold (their typed arrays); past it every other goes and the spacing doubles. */
const COPY_BUDGET = 256 * 1024 * 1024;
/** Bytes the journal may hold; past it the history stops (later landings replay the interpreter). */
const JOURNAL_BUDGET = 256 * 1024 * 1024;

/** Fields of the kernel the interpreter writes itself (setrlimit, an import's resident footprint). */
const KERNEL_FIELDS = ['addressSpaceLimit', 'baselineRss', 'vmBaseline', 'baselineAnonMmap'];

/** The layers, in the journal's order: kernel, C library, pymalloc, clock. */
export interface Layers {
  kernel: Kernel;
  libc: LibcModel;
  pymalloc: ArenaSource | null;
  clock: object;
}

/** Counts the events a replay's layers record (the first run's log has them). */
class CountingSink implements EventSink {
  length = 0;
  record(_kind: EventKind, _addr: number, _size: number, _aux: number): void {
    this.length++;
  }
}

/** The layers standing right after the journal's entry `entry - 1` (a check), `events` events into the run. */
interface Stand {
  entry: number;
  arg: number;
  events: number;
  /** No check before it had the same event count (a landing at `events` may stand here). */
  first: boolean;
  layers: object[];
  sink: CountingSink;
  bytes: number;
}

export class LayerHistory {
  readonly journal = new CallJournal();
  private readonly stands: Stand[] = [];
  private every = FIRST_EVERY;
  private copyBytes = 0;
  private live: Stand | null = null;
  /** Events up to which the journal is whole (it stops at its budget). */
  private whole = Infinity;
  private lastCheckEvents = -1;
  /** Landings served (for tests and the bench). */
  served = 0;

  private constructor(
    private readonly originals: object[],
    private readonly hasPymalloc: boolean,
    private readonly log: EventSink & { length: number },
  ) {}

  /**
   * Start the history of a process just made (before it loads its script), or null when its layers
   * cannot be copied (a closure in their state: jemalloc's background threads on the clock).
   */
  static attach(
    layers: Layers,
    log: EventSink & { length: number },
    every = FIRST_EVERY,
  ): LayerHistory | null {
    const originals = [layers.kernel, layers.libc, layers.pymalloc ?? {}, layers.clock];
    const h = new LayerHistory(originals, layers.pymalloc !== null, log);
    h.every = every;
    let base: Stand;
    try {
      base = h.copy(originals, log.length, new Map([[log, null]]), 0, 0, true);
    } catch {
      return null;
    }
    const fields: JournaledField[] = KERNEL_FIELDS.filter((f) => f in layers.kernel).map((name) => ({
      target: 0,
      name,
    }));
    h.journal.install(originals, fields);
    h.stands.push(base);
    return h;
  }

  /** Bytes held: the journal and the copies. */
  get bytes(): number {
    return this.journal.bytes + this.copyBytes + (this.live?.bytes ?? 0);
  }

  /** The interpreter read the log's limit (a stop): keep a copy when `every` calls went by. */
  onCheck(): void {
    const j = this.journal;
    if (!j.on) return;
    j.check();
    const events = this.log.length;
    const first = events !== this.lastCheckEvents;
    this.lastCheckEvents = events;
    if (j.bytes > JOURNAL_BUDGET) {
      j.on = false;
      this.whole = events;
      return;
    }
    const last = this.stands[this.stands.length - 1];
    if (j.length - last.entry < this.every) return;
    const pos = j.position;
    this.stands.push(
      this.copy(this.originals, events, new Map([[this.log, null]]), pos.entry, pos.arg, first),
    );
    this.copyBytes += this.stands[this.stands.length - 1].bytes;
    if (this.copyBytes > COPY_BUDGET) this.thin();
  }

  /** The interpreter recorded an event itself (not through a layer). */
  onExternalEvent(): void {
    if (this.journal.depth === 0) this.journal.external();
  }

  /**
   * The layers standing at stop `target` (events), replayed from the nearest copy before it; null
   * when the history cannot serve it (past the journal's budget, or not a stop).
   */
  layersAt(target: number): Layers | null {
    if (target >= this.whole) return null;
    let from: Stand | null = null;
    for (const s of this.stands) if (s.events < target || (s.events === target && s.first)) from = s;
    if (!from) return null;
    const live = this.live;
    const useLive = live && (live.events < target || live.events === target) && live.events >= from.events;
    let at: Stand;
    if (useLive) at = live;
    else {
      at = this.copy(
        from.layers,
        from.events,
        new Map([[from.sink, null]]),
        from.entry,
        from.arg,
        from.first,
      );
      this.live = at;
    }
    if (at.events !== target) {
      const j = this.journal;
      const sink = at.sink;
      const end = j.replay(
        at.layers,
        at,
        (i) => sink.length >= target && j.isCheck(i),
        () => sink.length++,
      );
      at.entry = end.entry;
      at.arg = end.arg;
      at.events = sink.length;
      at.first = true;
    }
    if (at.events !== target) {
      this.live = null;
      return null;
    }
    this.served++;
    const [kernel, libc, pymalloc, clock] = at.layers as [Kernel, LibcModel, ArenaSource, object];
    return { kernel, libc, pymalloc: this.hasPymalloc ? pymalloc : null, clock };
  }

  /** A copy of `layers` standing at `events`, its sinks counting into a new CountingSink. */
  private copy(
    layers: object[],
    events: number,
    sinks: Map<object, null>,
    entry: number,
    arg: number,
    first: boolean,
  ): Stand {
    const sink = new CountingSink();
    sink.length = events;
    const keep = new Map<object, unknown>();
    for (const s of sinks.keys()) keep.set(s, sink);
    const kernel = layers[0] as Kernel;
    if (kernel.listener) keep.set(kernel.listener, null);
    const g = new GraphCopy(keep);
    const out = g.copy(layers);
    const k = out[0] as Kernel;
    if (kernel.listener) k.listener = () => sink.length++;
    for (const f of this.journal.fields)
      (out[f.target] as Record<string, unknown>)[f.name] = (layers[f.target] as Record<string, unknown>)[
        f.name
      ];
    return { entry, arg, events, first, layers: out, sink, bytes: g.bufferBytes };
  }

  /** Over budget: every other copy goes (never the first), and the spacing doubles. */
  private thin(): void {
    const kept = this.stands.filter((_s, i) => i % 2 === 0);
    this.stands.length = 0;
    this.stands.push(...kept);
    this.copyBytes = kept.reduce((n, s) => n + s.bytes, 0);
    this.every *= 2;
  }
}
