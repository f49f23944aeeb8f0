import { F_REACHABLE, F_RLE, F_TRACKED, type ObjectTable } from '../objects/table';
import { T } from '../objects/types';
import { GcInventory } from './gcInventory';

/** What the collector needs from the interpreter. */
export interface GcHost {
  readonly table: ObjectTable;
  /** List items live here (the collector follows list items inline: its hot path). */
  readonly pool: { readonly data: Int32Array };
  /** tp_traverse: call visit(ref) for every reference the container holds. */
  traverse(h: number, visit: (ref: number, times?: number) => void): void;
  /** tp_clear (lists, dicts, tuples' items...): break the object's references. */
  clear(h: number): void;
  incref(h: number): void;
  decref(h: number): void;
  /** _PyObject_GC_MAY_BE_TRACKED: a GC object, and not an untracked tuple. */
  mayBeTracked(h: number): boolean;
  /** clear_freelists: done by every collection of the oldest generation. */
  clearFreeLists(): void;
  onCollect?(generation: number, collected: number): void;
  /** invoke_gc_callback ('start' before a collection, 'stop' after, with what it found). */
  phase?(name: 'start' | 'stop', generation: number, collected: number, uncollectable: number): void;
  /** The walks of a collection took this long (cwork.ts): `objects` examined, `edges` visited by tp_traverse. */
  walked?(objects: number, edges: number): void;
  /** handle_weakrefs (before delete_garbage): returns the weak references freed by their callbacks. */
  weakrefsOfUnreachable?(unreachable: number[], collecting: (h: number) => boolean): number;
  /**
   * finalize_garbage's call for one object: its tp_finalize (a class's __del__) when it has one
   * and has not been finalized yet (_PyGCHead_FINALIZED); true when a finalizer ran.
   */
  finalize?(h: number): boolean;
}

/**
 * Garbage in the counters that the model does not hold object by object: the cycles an import left
 * (modules/importGarbage.ts). A collection of `generation` or an older one finds it: `collect` frees
 * its blocks and returns how many objects it was (0 when they were freed already).
 */
export interface CountedGarbage {
  readonly generation: number;
  collect(): number;
}

const NUM_GENERATIONS = 3;
/** The list an object sits in while it is found unreachable (not a generation: not counted). */
const UNREACHABLE = 3;
/** gc.freeze()'s permanent generation: tracked, never examined by a collection. */
const PERMANENT = 4;

/**
 * CPython 3.11's generational collector (Modules/gcmodule.c). Generation lists are doubly linked
 * through the table's gcNext/gcPrev columns with one sentinel handle per list, as PyGC_Head does;
 * sizes are kept as counters instead of walking the lists (gc_list_size).
 */
export class Gc {
  readonly heads: number[];
  /** generations[i].count: allocations minus deallocations for gen 0, collections of the younger gen otherwise. */
  readonly count = [0, 0, 0];
  readonly threshold = [700, 10, 10];
  /** Objects in each generation list (index 4: the permanent generation; 3 is not counted). */
  readonly size = [0, 0, 0, 0, 0];
  /** Collections run per generation (gc.get_stats()[i]['collections']). */
  readonly collections = [0, 0, 0];
  /** Objects found unreachable per generation since the script started (gc.get_stats()[i]['collected']). */
  readonly collected = [0, 0, 0];
  longLivedTotal = 0;
  longLivedPending = 0;
  /**
   * While a modelled module loads: its objects tracked, net, per type id (GcInventory.adopt takes
   * them out of the counted population they are part of).
   */
  adoptions: Map<number, number> | null = null;
  /** What the counted (not modelled) part of the sizes is: the start-up's and imports' objects. */
  readonly inventory = new GcInventory();
  /** The counted population's garbage, oldest first (CountedGarbage). */
  readonly countedGarbage: CountedGarbage[] = [];
  enabled = true;
  collecting = false;

  constructor(
    private readonly host: GcHost,
    newHead: () => number,
  ) {
    this.heads = [newHead(), newHead(), newHead(), newHead(), newHead()];
    const t = host.table;
    for (const h of this.heads) {
      t.gcNext[h] = h;
      t.gcPrev[h] = h;
    }
  }

  /** _PyObject_GC_Link: a GC object was allocated; may collect (≤3.11: right here, synchronously). */
  linked(): void {
    this.count[0]++;
    if (this.count[0] > this.threshold[0] && this.enabled && this.threshold[0] && !this.collecting) {
      this.collecting = true;
      try {
        this.collectGenerations();
      } finally {
        this.collecting = false;
      }
    }
  }

  /** PyObject_GC_Del: the object's memory goes back (not when it goes to a free list). */
  deleted(): void {
    if (this.count[0] > 0) this.count[0]--;
  }

  /** _PyObject_GC_TRACK: append to generation 0. */
  track(h: number): void {
    const t = this.host.table;
    if (t.flags[h] & F_TRACKED) return;
    this.append(h, 0);
    t.flags[h] |= F_TRACKED;
    this.size[0]++;
    if (this.adoptions) this.adoptions.set(t.type[h], (this.adoptions.get(t.type[h]) ?? 0) + 1);
  }

  /** _PyObject_GC_UNTRACK. */
  untrack(h: number): void {
    const t = this.host.table;
    if (!(t.flags[h] & F_TRACKED)) return;
    const g = t.gen[h];
    if (g >= 0 && g !== UNREACHABLE) this.size[g]--;
    if (this.adoptions) this.adoptions.set(t.type[h], (this.adoptions.get(t.type[h]) ?? 0) - 1);
    this.unlink(h);
    t.flags[h] &= ~F_TRACKED;
    t.gen[h] = -1;
  }

  /** gc_freeze_impl: every generation moves to the permanent one; generation 0's count restarts. */
  freeze(): void {
    for (let i = 0; i < NUM_GENERATIONS; i++) {
      this.merge(i, PERMANENT);
      this.count[0] = 0;
    }
  }

  /** gc_unfreeze_impl: the permanent generation goes back into the oldest one. */
  unfreeze(): void {
    this.merge(PERMANENT, NUM_GENERATIONS - 1);
  }

  get freezeCount(): number {
    return this.size[PERMANENT];
  }

  /** The tracked objects of generation `g` (all three when null), in list order (gc.get_objects). */
  objects(g: number | null): number[] {
    const t = this.host.table;
    const out: number[] = [];
    for (let i = g ?? 0; i <= (g ?? NUM_GENERATIONS - 1); i++) {
      const head = this.heads[i];
      for (let h = t.gcNext[head]; h !== head; h = t.gcNext[h]) out.push(h);
    }
    return out;
  }

  /**
   * How many counted objects (the inventory's, not in the lists) each generation holds, oldest
   * first: the permanent generation, then 2, 1, 0 (see GcInventory).
   */
  countedByGeneration(): { permanent: number; generations: [number, number, number] } {
    const t = this.host.table;
    const counted = (i: number): number => {
      let n = 0;
      const head = this.heads[i];
      for (let h = t.gcNext[head]; h !== head; h = t.gcNext[h]) n++;
      return Math.max(0, this.size[i] - n);
    };
    return { permanent: counted(PERMANENT), generations: [counted(0), counted(1), counted(2)] };
  }

  isTracked(h: number): boolean {
    return (this.host.table.flags[h] & F_TRACKED) !== 0;
  }

  /** gc_collect_generations: the oldest generation over its threshold (gen 2 only past 25% growth). */
  private collectGenerations(): void {
    for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
      if (this.count[i] > this.threshold[i]) {
        if (i === NUM_GENERATIONS - 1 && this.longLivedPending < Math.floor(this.longLivedTotal / 4))
          continue;
        this.collect(i);
        break;
      }
    }
  }

  /** gc.collect(): a full collection, returning the number of unreachable objects found. */
  collectFull(): number {
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      return this.collect(NUM_GENERATIONS - 1);
    } finally {
      this.collecting = false;
    }
  }

  /** gc.collect(generation) for a younger generation. */
  collectGeneration(generation: number): number {
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      return this.collect(generation);
    } finally {
      this.collecting = false;
    }
  }

  /** gc_collect_main. */
  collect(generation: number): number {
    const host = this.host;
    const t = host.table;
    host.phase?.('start', generation, 0, 0);
    this.collections[generation]++;
    if (generation + 1 < NUM_GENERATIONS) this.count[generation + 1]++;
    for (let i = 0; i <= generation; i++) this.count[i] = 0;
    for (let i = 0; i < generation; i++) this.merge(i, generation);
    const counted = this.collectCounted(generation);
    // One method per phase: each walk of the generation is a tight loop of its own (one function
    // held them all, and the helpers of the mark phase were called rather than inlined).
    const edges = this.subtractRefs(generation);
    this.markReachable(generation);
    host.walked?.(this.size[generation], edges);
    const full = generation === NUM_GENERATIONS - 1;
    const older = full ? generation : generation + 1;
    const nUnreachable = this.moveUnreachable(generation, older);
    if (!full) {
      if (generation === NUM_GENERATIONS - 2) this.longLivedPending += this.size[generation];
      this.merge(generation, generation + 1, false);
    } else {
      this.longLivedPending = 0;
      this.longLivedTotal = this.size[generation];
    }

    // handle_weakrefs: clear every weak reference to the garbage, call the reachable ones' callbacks
    let freedByCallbacks = 0;
    if (host.weakrefsOfUnreachable) {
      const list: number[] = [];
      const u = this.heads[UNREACHABLE];
      for (let h = t.gcNext[u]; h !== u; h = t.gcNext[h]) list.push(h);
      if (list.length) freedByCallbacks = host.weakrefsOfUnreachable(list, (h) => t.gen[h] === UNREACHABLE);
    }

    // finalize_garbage, then handle_resurrected_objects: every __del__ runs before any object of
    // the garbage is cleared (a cycle's objects still have their attributes when their finalizers
    // run: 3.11.7 calls both __del__ of `x.other = y; y.other = x`), and what a finalizer made
    // reachable again leaves the garbage. The count is what is left to clear.
    let nCleared = nUnreachable;
    if (host.finalize && this.finalizeGarbage()) nCleared = this.handleResurrected(older);

    // delete_garbage: tp_clear each unreachable object; survivors go to the older generation.
    const unreachable = this.heads[UNREACHABLE];
    while (t.gcNext[unreachable] !== unreachable) {
      const h = t.gcNext[unreachable];
      host.incref(h);
      host.clear(h);
      host.decref(h);
      if (t.gcNext[unreachable] === h) {
        this.unlink(h);
        this.append(h, older);
        this.size[older]++;
      }
    }
    if (full) host.clearFreeLists();
    const found = nCleared + freedByCallbacks + counted;
    this.collected[generation] += found;
    host.onCollect?.(generation, found);
    host.phase?.('stop', generation, found, 0);
    return found;
  }

  /**
   * The counted garbage in the generations this collection examines: freed with the modelled
   * garbage, counted in what the collection returns, and gone from the counters.
   */
  private collectCounted(generation: number): number {
    const list = this.countedGarbage;
    if (list.length === 0) return 0;
    let n = 0;
    for (let i = 0; i < list.length; ) {
      if (list[i].generation > generation) {
        i++;
        continue;
      }
      n += list.splice(i, 1)[0].collect();
    }
    this.size[generation] = Math.max(0, this.size[generation] - n);
    return n;
  }

  /**
   * finalize_garbage: each unreachable object in list order (a snapshot: a finalizer may free
   * others, which then leave the list), its finalizer called once. True when one ran.
   */
  private finalizeGarbage(): boolean {
    const t = this.host.table;
    const u = this.heads[UNREACHABLE];
    const list: number[] = [];
    for (let h = t.gcNext[u]; h !== u; h = t.gcNext[h]) list.push(h);
    let ran = false;
    for (const h of list) if (t.gen[h] === UNREACHABLE && this.host.finalize!(h)) ran = true;
    return ran;
  }

  /**
   * handle_resurrected_objects (deduce_unreachable over the garbage again): objects a finalizer
   * stored somewhere reachable, and all they reach, go to the older generation; returns how many
   * are still unreachable, in their order.
   */
  private handleResurrected(older: number): number {
    const t = this.host.table;
    const { flags, gcRefs, gcNext } = t;
    const u = this.heads[UNREACHABLE];
    this.subtractRefs(UNREACHABLE);
    this.markReachable(UNREACHABLE);
    let left = 0;
    for (let h = gcNext[u]; h !== u; ) {
      const next = gcNext[h];
      gcRefs[h] = 0;
      if (flags[h] & F_REACHABLE) {
        flags[h] &= ~F_REACHABLE;
        this.unlink(h);
        this.append(h, older);
        this.size[older]++;
      } else left++;
      h = next;
    }
    return left;
  }

  /**
   * update_refs + subtract_refs in one walk: gc_refs = references from outside the generation.
   * Members are told by gen[] (the merge relabelled the younger ones), and gc_refs is 0 for every
   * object between collections (moveUnreachable resets it), so a referent can be decremented
   * before or after its own refcount is added. (One walk of the generation fewer: the seed's
   * 1,450 collections visit 5.7 million objects.) The columns are read into locals once: no
   * handle is made and the item pool does not grow while the collector walks.
   */
  private subtractRefs(generation: number): number {
    const host = this.host;
    const { type, flags, refcnt, gcRefs, gcNext, ref, n, gen } = host.table;
    const data = host.pool.data;
    const young = this.heads[generation];
    // the references tp_traverse visits (the clock's cost of the walks: cwork.ts)
    let edges = 0;
    const decref = (r: number, times = 1) => {
      edges += times;
      if (gen[r] === generation) gcRefs[r] -= times;
    };
    for (let h = gcNext[young]; h !== young; h = gcNext[h]) {
      gcRefs[h] += refcnt[h];
      if (type[h] !== T.List) {
        host.traverse(h, decref);
        continue;
      }
      if (flags[h] & F_RLE) {
        // n copies of one item: the length is read only when that item is in the generation
        const r = ref[h];
        edges += n[h];
        if (r !== 0 && gen[r] === generation) gcRefs[r] -= n[h];
        continue;
      }
      const len = n[h];
      edges += len;
      for (let i = ref[h], end = i + len; i < end; i++) {
        const r = data[i];
        if (r !== 0 && gen[r] === generation) gcRefs[r]--;
      }
    }
    return edges;
  }

  /** move_unreachable's first half, as a mark phase: everything reachable from an object with outside refs. */
  private markReachable(generation: number): void {
    const { flags, gcRefs, gcNext } = this.host.table;
    const young = this.heads[generation];
    this.leafItem = 0;
    for (let h = gcNext[young]; h !== young; h = gcNext[h]) {
      if (gcRefs[h] <= 0 || flags[h] & F_REACHABLE) continue;
      flags[h] |= F_REACHABLE;
      if (!this.isLeaf(h)) this.markFrom(h, generation);
    }
  }

  /**
   * The unreachable ones leave for the UNREACHABLE list (returns how many); untrack_tuples (every
   * collection) and untrack_dicts (full collections only) look at the survivors, which are
   * relabelled with their next generation (`older`) here, so the merge after need not walk them again.
   */
  private moveUnreachable(generation: number, older: number): number {
    const { type, flags, gcRefs, gcNext, gen } = this.host.table;
    const young = this.heads[generation];
    const full = generation === NUM_GENERATIONS - 1;
    let nUnreachable = 0;
    for (let h = gcNext[young]; h !== young;) {
      const next = gcNext[h];
      const reachable = flags[h] & F_REACHABLE;
      flags[h] &= ~F_REACHABLE;
      gcRefs[h] = 0;
      if (!reachable) {
        this.unlink(h);
        this.append(h, UNREACHABLE);
        this.size[generation]--;
        nUnreachable++;
      } else {
        if (type[h] === T.Tuple || (full && type[h] === T.Dict)) this.maybeUntrack(h);
        if (!full && flags[h] & F_TRACKED) gen[h] = older; // (a full collection's survivors stay)
      }
      h = next;
    }
    return nUnreachable;
  }

  /** The mark phase's stack, kept between collections. */
  private stack = new Int32Array(1024);
  private sp = 0;
  /** The generation being collected, for markVisit. */
  private marking = 0;
  /** tp_traverse's visit for the mark phase (made once: a closure per collection is garbage). */
  private readonly markVisit = (r: number): void => this.mark(r, this.marking);

  /** Follow the references of `root` (reachable, not a leaf) to everything in the generation reachable from it. */
  private markFrom(root: number, generation: number): void {
    const host = this.host;
    const t = host.table;
    const { type, flags, ref, n, gen } = t;
    this.marking = generation;
    this.sp = 0;
    this.push(root);
    while (this.sp > 0) {
      const x = this.stack[--this.sp];
      if (type[x] !== T.List || flags[x] & F_RLE) {
        host.traverse(x, this.markVisit);
        continue;
      }
      // A list's items inline (the hot path: the seed's outer list holds a million lists).
      const data = host.pool.data;
      for (let i = ref[x], end = i + n[x]; i < end; i++) {
        const r = data[i];
        if (r !== 0 && gen[r] === generation && (flags[r] & F_REACHABLE) === 0) {
          flags[r] |= F_REACHABLE;
          if (!this.isLeaf(r)) this.push(r);
        }
      }
    }
  }

  /** A referent: if it is in the generation and not marked yet, it is reachable; follow it unless it is a leaf. */
  private mark(r: number, generation: number): void {
    const flags = this.host.table.flags;
    if (this.host.table.gen[r] !== generation || flags[r] & F_REACHABLE) return;
    flags[r] |= F_REACHABLE;
    if (!this.isLeaf(r)) this.push(r);
  }

  /**
   * A list holding only a non-container (a `[0] * 100` run) has no references to follow. The run's
   * item of the last list asked about is remembered for the rest of the collection (nothing is
   * tracked or untracked while marking): a million lists of 0 ask about the same int.
   */
  private isLeaf(r: number): boolean {
    const t = this.host.table;
    if (t.type[r] !== T.List || (t.flags[r] & F_RLE) === 0) return false;
    const item = t.ref[r];
    if (item === 0) return true;
    if (item !== this.leafItem) {
      this.leafItem = item;
      this.leafItemAtomic = !this.host.mayBeTracked(item);
    }
    return this.leafItemAtomic;
  }
  private leafItem = 0;
  private leafItemAtomic = false;

  private push(r: number): void {
    if (this.sp === this.stack.length) {
      const s = new Int32Array(this.stack.length * 2);
      s.set(this.stack);
      this.stack = s;
    }
    this.stack[this.sp++] = r;
  }

  /** _PyTuple_MaybeUntrack / _PyDict_MaybeUntrack: untrack containers of atomic values only. */
  private maybeUntrack(h: number): void {
    this.keepTracked = false;
    this.host.traverse(h, this.keepVisit);
    if (!this.keepTracked) this.untrack(h);
  }
  /** Whether the object maybeUntrack traverses refers to something that may be tracked. */
  private keepTracked = false;
  /**
   * maybeUntrack's visit, made once: a closure per call was ~100 bytes of JS garbage for every
   * tuple a collection survived (`[(i, i) for i in range(N)]`: half the run's JS allocation).
   */
  private readonly keepVisit = (r: number): void => {
    if (this.host.mayBeTracked(r)) this.keepTracked = true;
  };

  private append(h: number, list: number): void {
    const t = this.host.table;
    const head = this.heads[list];
    const last = t.gcPrev[head];
    t.gcNext[last] = h;
    t.gcPrev[h] = last;
    t.gcNext[h] = head;
    t.gcPrev[head] = h;
    t.gen[h] = list;
  }

  private unlink(h: number): void {
    const t = this.host.table;
    const p = t.gcPrev[h];
    const n = t.gcNext[h];
    t.gcNext[p] = n;
    t.gcPrev[n] = p;
    t.gcNext[h] = 0;
    t.gcPrev[h] = 0;
  }

  /** gc_list_merge(from, to): append all of `from` to `to`, relabelling the moved objects (unless done already). */
  private merge(from: number, to: number, relabel = true): void {
    const t = this.host.table;
    const fh = this.heads[from];
    if (t.gcNext[fh] === fh) return;
    if (relabel) for (let h = t.gcNext[fh]; h !== fh; h = t.gcNext[h]) t.gen[h] = to;
    const th = this.heads[to];
    const tail = t.gcPrev[th];
    t.gcNext[tail] = t.gcNext[fh];
    t.gcPrev[t.gcNext[fh]] = tail;
    t.gcPrev[th] = t.gcPrev[fh];
    t.gcNext[t.gcPrev[fh]] = th;
    t.gcNext[fh] = fh;
    t.gcPrev[fh] = fh;
    this.size[to] += this.size[from];
    this.size[from] = 0;
  }
}
