import type { Kernel } from '../engine/kernel/kernel';
import type { LibcModel } from '../engine/libc/libc';
import type { EventKind, EventSink } from '../engine/trace/events';
import type { ArenaSource } from '../engine/trace/snapshot';
import { GraphCopy, type PagedBuffers } from '../engine/util/graphCopy';
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
 * The first run only writes the journal (copies there cost its first draw ~0.5 s on the seed): the
 * copies are made in the background after it (`step`, a slice at a time, as the kept replays are),
 * by a copy of the layers walking the journal (`builder`). After a landing the background also
 * leaves a copy standing BEHIND calls before it (`behind`), so a step back replays at most that.
 *
 * The copies along the run are stored paged (GraphCopy's stored mode): a page equal to the one the
 * copy before had at the same place is shared, so the seed keeps 73 copies 2^18 calls apart in 81 MB
 * (10 copies 2^21 apart took 187 MB whole). A landing's working copy is written over the buffers of
 * the working copy it replaces.
 *
 * Measured on the seed (Node, CPU): the layers replay a call in ~180 ns (the interpreter's whole
 * run is ~290 ns an event: most of a replay's time is the allocators, not the interpreter).
 */

/** Calls between two copies at first: 2^18 calls are ~50 ms of replay. */
const FIRST_EVERY = 1 << 18;
/** Calls a background slice replays before the worker reads its messages (~12 ms). */
const SLICE = 1 << 16;
/** How far behind the position shown the background leaves a copy, for a step back (the page's ±100,000). */
const BEHIND = 1 << 17;
/** Bytes all copies may hold (their typed arrays); past it every other goes and the spacing doubles. */
const COPY_BUDGET = 256 * 1024 * 1024;
/** Bytes the journal may hold; past it the history stops (later landings replay the interpreter). */
const JOURNAL_BUDGET = 256 * 1024 * 1024;

/** Fields of the kernel the interpreter writes itself (setrlimit, an import's resident footprint). */
const KERNEL_FIELDS = ['addressSpaceLimit', 'baselineRss', 'vmBaseline', 'baselineAnonMmap'];
/** The clock's scale of CPU to wall time, set by the process (a busy machine's figure). */
const CLOCK_FIELDS = ['wallPerCpu'];

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
  /** Bytes it holds (a stored copy: its pages not shared with the copy before it). */
  bytes: number;
  /** A stored copy (`stands`): its buffers as pages, shared with the stored copy before it; null: a working copy. */
  paged: PagedBuffers | null;
  /** A working copy made from a stored one: the buffers it was made with (reused when it is dropped). */
  made: ArrayBuffer[];
}

export class LayerHistory {
  readonly journal = new CallJournal();
  private readonly stands: Stand[] = [];
  private every = FIRST_EVERY;
  private copyBytes = 0;
  /** The copy the last landing used, standing where it left it. */
  private live: Stand | null = null;
  /** A copy brought behind the position shown (`focus`) in the background. */
  private behind: Stand | null = null;
  private focus = -1;
  private behindBy = BEHIND;
  /** The copy that walks the journal making `stands` (null: not started, or done). */
  private builder: Stand | null = null;
  private built = false;
  /** Events up to which the journal is whole (it stops at its budget). */
  private whole = Infinity;
  /** The event count at the journal's last check: landings up to it can be served. */
  private checked = -1;
  /** The journal's writer (a replay of the script in the background) has finished. */
  written = false;
  /** Landings served (for tests and the bench), and how many started from the copy behind. */
  served = 0;
  servedFromBehind = 0;

  private constructor(
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
    strict = false,
    behindBy = Math.min(BEHIND, every),
  ): LayerHistory | null {
    // (tests use a short spacing: the copy behind follows it, so it is exercised on small scripts)
    const originals = [layers.kernel, layers.libc, layers.pymalloc ?? {}, layers.clock];
    const h = new LayerHistory(layers.pymalloc !== null, log);
    h.every = every;
    h.behindBy = behindBy;
    let base: Stand;
    try {
      base = h.copy(originals, log.length, log, 0, 0, false, new Map());
    } catch {
      return null;
    }
    const fields: JournaledField[] = [
      ...KERNEL_FIELDS.filter((f) => f in layers.kernel).map((name) => ({ target: 0, name })),
      ...CLOCK_FIELDS.filter((f) => f in layers.clock).map((name) => ({ target: 3, name })),
    ];
    h.journal.install(originals, fields, strict);
    h.stands.push(base);
    return h;
  }

  /** Bytes held: the journal and the copies. */
  get bytes(): number {
    let n = this.journal.bytes + this.copyBytes;
    for (const s of [this.live, this.behind, this.builder]) if (s) n += s.bytes;
    return n;
  }

  /** What it holds (the bench): stored copies, their spacing in calls, their bytes and the journal's. */
  get held(): { copies: number; every: number; copyBytes: number; journalBytes: number } {
    return {
      copies: this.stands.length,
      every: this.every,
      copyBytes: this.copyBytes,
      journalBytes: this.journal.bytes,
    };
  }

  /** The interpreter read the log's limit (a stop): mark it in the journal. */
  onCheck(): void {
    const j = this.journal;
    if (!j.on) return;
    j.check();
    this.checked = this.log.length;
    if (j.bytes > JOURNAL_BUDGET) {
      j.on = false;
      this.whole = this.log.length;
    }
  }

  /** The interpreter recorded an event itself (not through a layer). */
  onExternalEvent(): void {
    if (this.journal.depth === 0) this.journal.external();
  }

  /** The page now shows event `focus` (a landing): the background brings a copy behind it. */
  plan(focus: number): void {
    this.focus = focus;
  }

  /**
   * One slice of background work (true while there is more): first the copies along the whole
   * run, then a copy BEHIND calls before the position shown.
   */
  step(): boolean {
    const j = this.journal;
    if (!this.built) {
      const last = this.stands[this.stands.length - 1];
      const b = (this.builder ??= this.copyOf(last));
      const next = last.entry + this.every;
      const until = b.entry + SLICE;
      this.run(b, (i) => (i + 1 >= next && j.isCheck(i)) || i + 1 >= until, false);
      if (b.entry >= j.length) {
        // the journal's end so far: done when the writer is, else wait for more of it
        if (!this.written) return false;
        this.built = true;
        this.builder = null;
      } else if (b.entry >= next) {
        const s = this.copyOf(b, last.paged ?? new Map());
        this.stands.push(s);
        this.copyBytes += s.bytes;
        if (this.copyBytes > COPY_BUDGET) this.thin();
      }
      return true;
    }
    if (this.focus < 0) return false;
    const goal = Math.max(0, this.focus - this.behindBy);
    const between = (s: Stand | null): boolean => s !== null && s.events >= goal && s.events < this.focus;
    if (between(this.behind) || between(this.live)) return false;
    const from = this.nearest(goal, [this.behind]);
    if (!from) return false;
    const b = from === this.behind ? from : this.copyOf(from, null, this.behind?.made);
    this.behind = b;
    const until = b.entry + SLICE;
    this.run(b, (i, events) => (events >= goal && j.isCheck(i)) || i + 1 >= until, true);
    return b.events < goal && b.entry < j.length;
  }

  /**
   * The layers standing at stop `target` (events), replayed from the nearest copy before it; null
   * when the history cannot serve it (past the journal's budget, or not a stop).
   */
  layersAt(target: number): Layers | null {
    if (target >= this.whole || target > this.checked) return null;
    // a copy kept in place (the last landing's, the one behind) saves a copy of the layers, which
    // costs about as much as replaying every/2 calls: it is taken unless a stand is nearer by more
    const stand = this.nearest(target, []);
    const inPlace = this.nearest(target, [this.live, this.behind], true);
    const from = inPlace && (!stand || inPlace.entry + this.every / 2 >= stand.entry) ? inPlace : stand;
    if (!from) return null;
    let at: Stand;
    if (from === this.live) at = from;
    else if (from === this.behind) {
      // the copy behind is used up: it moves to the target
      at = from;
      this.behind = null;
      this.servedFromBehind++;
    } else {
      // the last landing's copy is dropped: the new one is written over its buffers
      const old = this.live;
      this.live = null;
      at = this.copyOf(from, null, old?.made);
    }
    this.live = at;
    const j = this.journal;
    if (at.events !== target) this.run(at, (i, events) => events >= target && j.isCheck(i), true);
    if (at.events !== target) {
      this.live = null;
      return null;
    }
    this.served++;
    this.plan(target);
    const [kernel, libc, pymalloc, clock] = at.layers as [Kernel, LibcModel, ArenaSource, object];
    return { kernel, libc, pymalloc: this.hasPymalloc ? pymalloc : null, clock };
  }

  /** The copy standing closest before `target` (or exactly at it, when it stands at the first check there). */
  private nearest(target: number, extra: (Stand | null)[], onlyExtra = false): Stand | null {
    let best: Stand | null = null;
    for (const s of onlyExtra ? extra : [...this.stands, ...extra])
      if (s && (s.events < target || (s.events === target && s.first)) && (!best || s.entry > best.entry))
        best = s;
    return best;
  }

  /**
   * Replay the journal on `s` until `stop(entry, events)` after an entry; it then stands after it.
   * `firstAtGoal`: the stop is the first check at or past an event count, hence the first check
   * with its own count (counts only grow), where a landing at that count stands.
   */
  private run(s: Stand, stop: (entry: number, events: number) => boolean, firstAtGoal: boolean): void {
    const sink = s.sink;
    const end = this.journal.replay(
      s.layers,
      s,
      (i) => stop(i, sink.length),
      () => sink.length++,
    );
    const moved = end.entry !== s.entry;
    s.entry = end.entry;
    s.arg = end.arg;
    s.events = sink.length;
    if (moved) s.first = firstAtGoal && end.entry > 0 && this.journal.isCheck(end.entry - 1);
  }

  /** A working copy of `s`, or a stored one sharing pages with `store` (the stored copy before it). */
  private copyOf(s: Stand, store: PagedBuffers | null = null, reuse: ArrayBuffer[] = []): Stand {
    return this.copy(s.layers, s.events, s.sink, s.entry, s.arg, s.first, store, reuse);
  }

  /**
   * A copy of `layers` standing at `events`, its sinks (`sink`, the kernel's listener) counting into
   * a new CountingSink; `store`: a stored copy (paged), sharing equal pages with those buffers.
   */
  private copy(
    layers: object[],
    events: number,
    sink: object,
    entry: number,
    arg: number,
    first: boolean,
    store: PagedBuffers | null,
    reuse: ArrayBuffer[] = [],
  ): Stand {
    const mine = new CountingSink();
    mine.length = events;
    const keep = new Map<object, unknown>([[sink, mine]]);
    const kernel = layers[0] as Kernel;
    if (kernel.listener) keep.set(kernel.listener, null);
    const g = new GraphCopy(keep, store ? { previous: store } : null, reuse);
    const out = g.copy(layers);
    const k = out[0] as Kernel;
    if (kernel.listener) k.listener = () => mine.length++;
    for (const f of this.journal.fields)
      (out[f.target] as Record<string, unknown>)[f.name] = (layers[f.target] as Record<string, unknown>)[
        f.name
      ];
    return {
      entry,
      arg,
      events,
      first,
      layers: out,
      sink: mine,
      bytes: g.bufferBytes,
      paged: store ? g.paged : null,
      made: g.made,
    };
  }

  /** Over budget: every other copy goes (never the first), and the spacing doubles. */
  private thin(): void {
    const kept = this.stands.filter((_s, i) => i % 2 === 0);
    this.stands.length = 0;
    this.stands.push(...kept);
    // the pages a dropped copy shared with the next one stay: count each page once
    const pages = new Set<Uint8Array>();
    for (const s of kept)
      for (const bs of s.paged?.values() ?? []) for (const b of bs) for (const p of b.pages) pages.add(p);
    let bytes = 0;
    for (const p of pages) bytes += p.length;
    this.copyBytes = bytes;
    this.every *= 2;
  }
}
