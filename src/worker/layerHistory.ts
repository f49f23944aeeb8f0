import type { Kernel } from '../engine/kernel/kernel';
import type { LibcModel } from '../engine/libc/libc';
import type { EventSink } from '../engine/trace/events';
import type { ArenaSource } from '../engine/trace/snapshot';
import { CallJournal, type JournaledField } from './callJournal';
import { copyLayers, copyStand, runStand, type Stand } from './layerStand';

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
 * The first run does not write the journal (a wrapper on every call cost its first draw ~1.2 s on
 * the seed): a replay of the script writes it in the background once the fine mode is entered, and
 * copies its own layers every `every` entries as it goes (`onBoundary`: nothing is under way into
 * the layers there). After a landing the background also brings working copies to stand around the
 * position shown (`SLOTS`: just behind it, far behind it, ahead of it), so the page's steps of ±1,
 * ±1,000 and ±100,000 events replay at most ~90,000 calls from one of them (the seed: three working
 * copies of ~31 MB each, besides the last landing's).
 *
 * The copies along the run are stored paged (GraphCopy's stored mode): a page equal to the one the
 * copy before had at the same place is shared, so the seed keeps 146 copies 2^17 entries apart in
 * 90 MB (10 copies 2^21 apart took 187 MB whole). A working copy is written over the buffers of a
 * working copy dropped.
 *
 * Measured on the seed (Node, CPU): the layers replay a call in ~180 ns (the interpreter's whole
 * run is ~290 ns an event: most of a replay's time is the allocators, not the interpreter).
 */

/** Entries between two stored copies at first: 2^17 entries are ~25 ms of replay at ~180 ns a call. */
const FIRST_EVERY = 1 << 17;
/** Calls a background slice replays before the worker reads its messages (~12 ms). */
const SLICE = 1 << 16;
/** How far behind the position shown the background leaves a copy, for a step back (the page's −100,000). */
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

/**
 * A working copy the background keeps near the position shown (`focus`): it stands at the first
 * check at or past focus + `goal` events, and serves while it stands before focus + `end`. With
 * BEHIND = 2^17 (the seed): 2^13 behind (the page's −1 and −1,000 replay ≤ 8,192 events), 2^17
 * behind (−100,000), 2^16 ahead (+100,000; ±1 and ±1,000 forward go on from the last landing's copy).
 */
interface Slot {
  goal: number;
  end: number;
  stand: Stand | null;
  /** The focus it was last brought to (or found unable to serve): no more work until the focus moves. */
  doneFor: number;
}

export class LayerHistory {
  readonly journal = new CallJournal();
  private readonly stands: Stand[] = [];
  private every = FIRST_EVERY;
  private copyBytes = 0;
  /** The copy the last landing used, standing where it left it. */
  private live: Stand | null = null;
  private readonly slots: Slot[];
  /** Buffers of working copies dropped, for the next working copy to be written over. */
  private spare: ArrayBuffer[] = [];
  private focus = -1;
  /** Events up to which the journal is whole (it stops at its budget). */
  private whole = Infinity;
  /** The event count at the journal's last check: landings up to it can be served. */
  private checked = -1;
  /** The journal's writer (a replay of the script in the background) has finished. */
  written = false;
  /** Landings served (for tests and the bench), and how many started from a copy kept behind. */
  served = 0;
  servedFromBehind = 0;

  private constructor(
    private readonly hasPymalloc: boolean,
    private readonly log: EventSink & { length: number },
    behindBy: number,
  ) {
    const slot = (goal: number, end: number): Slot => ({ goal, end, stand: null, doneFor: -1 });
    this.slots = [
      slot(-Math.max(1, behindBy >> 4), 0),
      slot(-behindBy, 0),
      slot(Math.max(1, behindBy >> 1), behindBy),
    ];
  }

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
    // (tests use a short spacing: the copies near the focus follow it, so they are exercised on small scripts)
    const originals = [layers.kernel, layers.libc, layers.pymalloc ?? {}, layers.clock];
    const h = new LayerHistory(layers.pymalloc !== null, log, behindBy);
    h.every = every;
    const j = h.journal;
    let base: Stand;
    try {
      base = copyLayers(j, originals, log.length, log, CallJournal.start(), false, new Map());
    } catch {
      return null;
    }
    const fields: JournaledField[] = [
      ...KERNEL_FIELDS.filter((f) => f in layers.kernel).map((name) => ({ target: 0, name })),
      ...CLOCK_FIELDS.filter((f) => f in layers.clock).map((name) => ({ target: 3, name })),
    ];
    j.install(originals, fields, strict);
    h.stands.push(base);
    h.copyBytes = base.bytes;
    // the writer's own layers are copied as it writes (no second replay of the journal to make them)
    j.boundaryAt = every;
    j.onBoundary = () => h.store(originals);
    return h;
  }

  /** Bytes held: the journal and the copies. */
  get bytes(): number {
    let n = this.journal.bytes + this.copyBytes;
    for (const s of [this.live, ...this.slots.map((k) => k.stand)]) if (s) n += s.bytes;
    return n;
  }

  /** What it holds (the bench): stored copies, their spacing in calls, their bytes and the journal's. */
  get held(): { copies: number; every: number; copyBytes: number; journalBytes: number; entries: number } {
    return {
      copies: this.stands.length,
      every: this.every,
      copyBytes: this.copyBytes,
      journalBytes: this.journal.bytes,
      entries: this.journal.length,
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

  /** The page now shows event `focus` (a landing): the background brings copies around it. */
  plan(focus: number): void {
    this.focus = focus;
  }

  /** A stored copy of the writer's own layers, standing after every entry written so far. */
  private store(originals: readonly object[]): void {
    const j = this.journal;
    const last = this.stands[this.stands.length - 1];
    const s = copyLayers(j, originals, this.log.length, this.log, j.position, false, last.paged ?? new Map());
    this.stands.push(s);
    this.copyBytes += s.bytes;
    if (this.copyBytes > COPY_BUDGET) this.thin();
    j.boundaryAt = j.length + this.every;
  }

  /** One slice of background work (true while there is more): the copies near the position shown. */
  step(): boolean {
    if (!this.written || this.focus < 0) return false;
    const j = this.journal;
    for (const slot of this.slots) {
      if (slot.doneFor === this.focus) continue;
      const goal = Math.max(0, this.focus + slot.goal);
      const end = this.focus + slot.end;
      const serves = (s: Stand | null): boolean => s !== null && s.events >= goal && s.events < end;
      if (serves(slot.stand)) {
        slot.doneFor = this.focus;
        continue;
      }
      const from = this.nearest(goal, [...this.stands, this.live, ...this.slots.map((k) => k.stand)]);
      if (!from) {
        slot.doneFor = this.focus;
        continue;
      }
      let s = slot.stand;
      if (from !== s) {
        if (s) this.spare.push(...s.made);
        s = copyStand(j, from, null, this.takeSpare());
        slot.stand = s;
      }
      const until = s.at.entry + SLICE;
      runStand(j, s, (i, events, check) => (events >= goal && check) || i + 1 >= until, true);
      if (s.events >= goal || s.at.entry >= j.length) slot.doneFor = this.focus;
      return true;
    }
    return false;
  }

  /**
   * The layers standing at stop `target` (events), replayed from the nearest copy before it; null
   * when the history cannot serve it (past the journal's budget, or not a stop).
   */
  layersAt(target: number): Layers | null {
    if (target >= this.whole || target > this.checked) return null;
    // a copy kept in place (the last landing's, one near it) saves a copy of the layers, which
    // costs about as much as replaying every/2 calls: it is taken unless a stored copy is nearer by more
    const kept = [this.live, ...this.slots.map((k) => k.stand)];
    const stand = this.nearest(target, this.stands);
    const inPlace = this.nearest(target, kept);
    const from = inPlace && (!stand || inPlace.at.entry + this.every / 2 >= stand.at.entry) ? inPlace : stand;
    if (!from) return null;
    const j = this.journal;
    let at: Stand;
    if (from === this.live) at = from;
    else {
      const slot = this.slots.find((k) => k.stand === from);
      if (this.live) this.spare.push(...this.live.made);
      this.live = null;
      if (slot) {
        // a copy kept near is used up: it moves to the target
        slot.stand = null;
        slot.doneFor = -1;
        if (slot.goal < 0) this.servedFromBehind++;
        at = from;
      } else at = copyStand(j, from, null, this.takeSpare());
    }
    this.live = at;
    if (at.events !== target) runStand(j, at, (_i, events, check) => events >= target && check, true);
    if (at.events !== target) {
      this.live = null;
      this.spare.push(...at.made);
      return null;
    }
    this.served++;
    this.plan(target);
    const [kernel, libc, pymalloc, clock] = at.layers as [Kernel, LibcModel, ArenaSource, object];
    return { kernel, libc, pymalloc: this.hasPymalloc ? pymalloc : null, clock };
  }

  private takeSpare(): ArrayBuffer[] {
    const s = this.spare;
    this.spare = [];
    return s;
  }

  /** The copy standing closest before `target` (or exactly at it, when it stands at the first check there). */
  private nearest(target: number, among: readonly (Stand | null)[]): Stand | null {
    let best: Stand | null = null;
    for (const s of among)
      if (
        s &&
        (s.events < target || (s.events === target && s.first)) &&
        (!best || s.at.entry > best.at.entry)
      )
        best = s;
    return best;
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
