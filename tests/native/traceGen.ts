/**
 * Seeded generator of allocation traces for the native cross-check.
 *
 * A trace is text, one op a line (see tools/native/replay.c):
 *   m ID SIZE | c ID NMEMB SIZE | r ID SIZE | f ID | t PAD
 *
 * The generator only reallocs and frees live ids, never mallocs over a live
 * id, and keeps the live set bounded (ids and bytes), so a 10k-op trace runs
 * in milliseconds on the real glibc. The same (seed, nOps, profile) always
 * gives the same text.
 */

/** mulberry32, seeded through a splitmix32 step so nearby seeds diverge at once. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    let z = (seed ^ 0x9e3779b9) >>> 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    this.state = (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Roughly log-uniform integer in [lo, hi] (lo ≥ 1). */
  logInt(lo: number, hi: number): number {
    const v = Math.exp(Math.log(lo) + this.next() * (Math.log(hi + 1) - Math.log(lo)));
    return Math.min(hi, Math.max(lo, Math.floor(v)));
  }

  /** Small non-negative integer, P(k) ∝ (1-p)^k. */
  geometric(p: number): number {
    let k = 0;
    while (k < 10_000 && !this.chance(p)) k++;
    return k;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index into weights chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

/** What a trace stresses. Weights are relative; they need not sum to 1. */
export interface Profile {
  name: string;
  /** Op mix: malloc, calloc, realloc, free, trim, burst (many same-size mallocs), group free, free-all phase. */
  ops: {
    malloc: number;
    calloc: number;
    realloc: number;
    free: number;
    trim: number;
    burst: number;
    groupFree: number;
    freeAll: number;
  };
  /** Size mix for new blocks. */
  sizes: {
    /** 0..120: fastbin chunks (≤ 128). */
    fast: number;
    /** 121..1032: tcache range, small-bin chunks up to 1008, and 1024/1040. */
    tcache: number;
    /** 1033..131072 (log-uniform): large bins. */
    large: number;
    /** 128 KiB .. 6 MiB (log-uniform): mmap range at the default threshold. */
    mmap: number;
    /** 6 MiB .. 40 MiB: above most dynamic thresholds, some above the 32 MiB cap. */
    huge: number;
    /** Sizes right at a boundary: 120/121, 1000/1008, 1032/1033, page multiples − 24 ± a bit. */
    edge: number;
    /** One of a few sizes fixed per trace (exact fits, tcache hits, bin reuse). */
    palette: number;
  };
  /** How a single free picks its victim: most recent few, oldest few, uniformly. */
  freePick: { recent: number; old: number; random: number };
  /** How a realloc changes the size. */
  realloc: {
    grow: number;
    shrink: number;
    nudge: number;
    toMmap: number;
    ofMmap: number;
    newest: number;
    zero: number;
  };
  maxLive: number;
  maxLiveBytes: number;
  /**
   * Threads (T TID / X TID ops): weights of switching to another running thread, of starting a new
   * one (a switch to a new id), of a thread exiting; and how many may run at once. Absent: one thread.
   */
  threads?: { switch: number; start: number; exit: number; max: number };
}

const MiB = 1024 * 1024;

const base: Profile = {
  name: 'mixed',
  ops: { malloc: 40, calloc: 6, realloc: 12, free: 36, trim: 0.4, burst: 0.6, groupFree: 0.5, freeAll: 0.03 },
  sizes: { fast: 25, tcache: 30, large: 25, mmap: 3, huge: 0.15, edge: 4, palette: 14 },
  freePick: { recent: 45, old: 15, random: 40 },
  realloc: { grow: 35, shrink: 25, nudge: 12, toMmap: 5, ofMmap: 10, newest: 12, zero: 1 },
  maxLive: 2000,
  maxLiveBytes: 200 * MiB,
};

function derive(name: string, patch: (p: Profile) => void): Profile {
  const p: Profile = structuredClone(base);
  p.name = name;
  patch(p);
  return p;
}

export const PROFILES: Record<string, Profile> = {
  mixed: base,
  small: derive('small', (p) => {
    p.sizes = { fast: 45, tcache: 40, large: 6, mmap: 0.3, huge: 0, edge: 3, palette: 25 };
    p.ops.burst = 1.2;
    p.ops.groupFree = 1;
    p.maxLive = 1500;
  }),
  large: derive('large', (p) => {
    p.sizes = { fast: 6, tcache: 12, large: 65, mmap: 2, huge: 0.1, edge: 4, palette: 10 };
    p.freePick = { recent: 20, old: 20, random: 60 };
  }),
  realloc: derive('realloc', (p) => {
    p.ops = {
      malloc: 30,
      calloc: 4,
      realloc: 40,
      free: 26,
      trim: 0.3,
      burst: 0.3,
      groupFree: 0.3,
      freeAll: 0.02,
    };
    p.realloc = { grow: 35, shrink: 25, nudge: 15, toMmap: 8, ofMmap: 14, newest: 20, zero: 1.5 };
  }),
  trim: derive('trim', (p) => {
    p.ops = {
      malloc: 38,
      calloc: 6,
      realloc: 8,
      free: 40,
      trim: 2.5,
      burst: 1,
      groupFree: 1.2,
      freeAll: 0.25,
    };
    p.sizes = { fast: 15, tcache: 25, large: 40, mmap: 3, huge: 0.1, edge: 4, palette: 12 };
    p.freePick = { recent: 60, old: 10, random: 30 };
  }),
  mmap: derive('mmap', (p) => {
    p.sizes = { fast: 12, tcache: 18, large: 25, mmap: 22, huge: 1.5, edge: 10, palette: 10 };
    p.realloc = { grow: 25, shrink: 25, nudge: 10, toMmap: 15, ofMmap: 30, newest: 8, zero: 1 };
    p.maxLive = 400;
  }),
  threads: derive('threads', (p) => {
    p.threads = { switch: 4, start: 0.8, exit: 0.5, max: 12 };
    p.sizes = { fast: 20, tcache: 35, large: 30, mmap: 3, huge: 0.3, edge: 4, palette: 14 };
  }),
  threadsMany: derive('threadsMany', (p) => {
    p.threads = { switch: 6, start: 1.5, exit: 1, max: 24 };
    p.sizes = { fast: 25, tcache: 40, large: 25, mmap: 2, huge: 0.1, edge: 3, palette: 15 };
    p.maxLive = 3000;
  }),
  threadsBig: derive('threadsBig', (p) => {
    // Big blocks in threads: heaps chained past 64 MiB, heap_trim unmapping them again.
    p.threads = { switch: 3, start: 0.5, exit: 0.4, max: 6 };
    p.sizes = { fast: 5, tcache: 10, large: 50, mmap: 20, huge: 1, edge: 4, palette: 10 };
    p.ops.freeAll = 0.1;
    p.maxLive = 600;
    p.maxLiveBytes = 400 * MiB;
  }),
  fragment: derive('fragment', (p) => {
    p.ops = { malloc: 36, calloc: 5, realloc: 8, free: 38, trim: 0.6, burst: 2, groupFree: 2, freeAll: 0.05 };
    p.sizes = { fast: 30, tcache: 25, large: 30, mmap: 1, huge: 0, edge: 3, palette: 20 };
    p.freePick = { recent: 25, old: 25, random: 50 };
  }),
};

export const PROFILE_NAMES = Object.keys(PROFILES);
/** The one-thread profiles (a seed with no profile named takes one of these in turn). */
export const SINGLE_THREAD_PROFILES = PROFILE_NAMES.filter((n) => PROFILES[n].threads === undefined);
export const THREAD_PROFILES = PROFILE_NAMES.filter((n) => PROFILES[n].threads !== undefined);

/** The profile a seed gets when none is given: the one-thread profiles take turns. */
export function profileForSeed(seed: number): Profile {
  const names = SINGLE_THREAD_PROFILES;
  return PROFILES[names[((seed % names.length) + names.length) % names.length]];
}

interface Block {
  id: number;
  /** Bytes requested (for calloc, nmemb·size). */
  size: number;
}

/**
 * A trace of exactly nOps ops (comment header not counted).
 * profile: a name from PROFILES or a Profile; default: profileForSeed(seed).
 */
export function generateTrace(seed: number, nOps: number, profile?: string | Profile): string {
  const prof: Profile =
    profile === undefined
      ? profileForSeed(seed)
      : typeof profile === 'string'
        ? (PROFILES[profile] ??
          (() => {
            throw new Error(`unknown profile ${profile}; known: ${PROFILE_NAMES.join(', ')}`);
          })())
        : profile;
  const rng = new Rng(seed);
  const out: string[] = [`# generated: seed ${seed}, ${nOps} ops, profile ${prof.name}`];
  let emitted = 0;

  // Live blocks in allocation order (a realloc moves a block to the end).
  const live: Block[] = [];
  let liveBytes = 0;
  // Ids not in use; taken from the end, so freed ids are reused soon.
  const freeIds: number[] = [];
  let nextId = 0;
  // Same-size groups from bursts, freed together later.
  const groups: number[][] = [];
  const isLive = new Map<number, Block>();

  const palette: number[] = [];
  for (let i = 0, n = rng.int(4, 10); i < n; i++) palette.push(newSize(true));

  const opWeights = [
    prof.ops.malloc,
    prof.ops.calloc,
    prof.ops.realloc,
    prof.ops.free,
    prof.ops.trim,
    prof.ops.burst,
    prof.ops.groupFree,
    prof.ops.freeAll,
  ];
  const sizeWeights = [
    prof.sizes.fast,
    prof.sizes.tcache,
    prof.sizes.large,
    prof.sizes.mmap,
    prof.sizes.huge,
    prof.sizes.edge,
    prof.sizes.palette,
  ];
  // Thread ops only where the profile has threads: the other profiles' random draws stay as they were.
  const th = prof.threads;
  if (th) opWeights.push(th.switch, th.start, th.exit);
  const running: number[] = [0];
  let current = 0;
  let nextTid = 1;
  const freeWeights = [prof.freePick.recent, prof.freePick.old, prof.freePick.random];
  const reallocWeights = [
    prof.realloc.grow,
    prof.realloc.shrink,
    prof.realloc.nudge,
    prof.realloc.toMmap,
    prof.realloc.ofMmap,
    prof.realloc.newest,
    prof.realloc.zero,
  ];

  function emit(line: string): boolean {
    if (emitted >= nOps) return false;
    out.push(line);
    emitted++;
    return true;
  }

  function edgeSize(): number {
    switch (rng.int(0, 6)) {
      case 0:
        return rng.int(118, 123); // fastbin limit: request 120 → chunk 128
      case 1:
        return rng.int(996, 1010); // small-bin limit: chunk 1008 / 1024
      case 2:
        return rng.int(1028, 1036); // tcache limit: request 1032 → chunk 1040
      case 3:
        return 131072 - 24 + rng.int(-20, 20); // default mmap threshold
      case 4: {
        // a page multiple minus header: nb right at a possible dynamic threshold
        const pages = rng.int(33, 1024);
        return pages * 4096 - 24 + rng.int(-17, 17);
      }
      case 5:
        return 65536 + rng.int(-40, 40); // FASTBIN_CONSOLIDATION_THRESHOLD
      default:
        return rng.pick([0, 1, 24, 25, 40, 41, 4096, 8192, 16384, 262144, 1048576]);
    }
  }

  function newSize(forPalette = false): number {
    const k = forPalette ? rng.weighted([30, 35, 30, 5]) : rng.weighted(sizeWeights);
    switch (k) {
      case 0:
        return rng.int(0, 120);
      case 1:
        return rng.int(121, 1032);
      case 2:
        return rng.logInt(1033, 131072);
      case 3:
        return rng.logInt(131072, 6 * MiB);
      case 4:
        return rng.int(6 * MiB, 40 * MiB);
      case 5:
        return edgeSize();
      default:
        return palette.length > 0 ? rng.pick(palette) : rng.int(1, 1032);
    }
  }

  function takeId(): number {
    return freeIds.length > 0 ? freeIds.pop()! : nextId++;
  }

  function addLive(id: number, size: number): void {
    const b = { id, size };
    live.push(b);
    isLive.set(id, b);
    liveBytes += size;
  }

  function removeAt(index: number): Block {
    const [b] = live.splice(index, 1);
    isLive.delete(b.id);
    liveBytes -= b.size;
    return b;
  }

  function full(extra: number): boolean {
    return live.length >= prof.maxLive || liveBytes + extra > prof.maxLiveBytes;
  }

  function doMalloc(size: number): void {
    const id = takeId();
    if (!emit(`m ${id} ${size}`)) return;
    addLive(id, size);
  }

  function doCalloc(): void {
    const total = newSize();
    let nmemb: number;
    let each: number;
    const shape = rng.int(0, 9);
    if (shape === 0) {
      // degenerate: zero members or zero-sized members
      nmemb = rng.chance(0.5) ? 0 : rng.int(1, 50);
      each = nmemb === 0 ? rng.int(0, 100) : 0;
    } else if (shape <= 4) {
      nmemb = 1;
      each = total;
    } else {
      nmemb = rng.pick([2, 3, 4, 8, 16, 24]);
      each = Math.max(1, Math.ceil(total / nmemb));
    }
    const bytes = nmemb * each;
    if (full(bytes)) return;
    const id = takeId();
    if (!emit(`c ${id} ${nmemb} ${each}`)) return;
    addLive(id, bytes);
  }

  function pickFreeIndex(): number {
    switch (rng.weighted(freeWeights)) {
      case 0:
        return Math.max(0, live.length - 1 - Math.min(live.length - 1, rng.geometric(0.45)));
      case 1:
        return Math.min(live.length - 1, rng.geometric(0.3));
      default:
        return rng.int(0, live.length - 1);
    }
  }

  function freeIndex(index: number): void {
    const id = live[index].id;
    if (!emit(`f ${id}`)) return;
    removeAt(index);
    freeIds.push(id);
  }

  function doFree(): void {
    if (live.length === 0) return;
    freeIndex(pickFreeIndex());
  }

  function doRealloc(): void {
    if (live.length === 0) return;
    let index = rng.int(0, live.length - 1);
    let size: number;
    const kind = rng.weighted(reallocWeights);
    const cur = live[index].size;
    switch (kind) {
      case 0: // grow
        size = Math.min(40 * MiB, Math.floor(cur * (1.05 + rng.next() * 3)) + rng.int(1, 64));
        break;
      case 1: // shrink
        size = Math.floor(cur * (0.05 + rng.next() * 0.9));
        break;
      case 2: // nudge by a few bytes either way
        size = Math.max(0, cur + rng.int(-48, 48));
        break;
      case 3: // move into the mmap range
        size = rng.logInt(128 * 1024, 6 * MiB);
        break;
      case 4: {
        // a block that is probably mmapped: up or down, sometimes way down
        const big = live.map((b, i) => (b.size >= 128 * 1024 ? i : -1)).filter((i) => i >= 0);
        if (big.length > 0) index = rng.pick(big);
        const c = live[index].size;
        const r = rng.int(0, 3);
        size =
          r === 0
            ? rng.int(1, 4000)
            : r === 1
              ? Math.floor(c * (0.3 + rng.next() * 0.6))
              : Math.min(40 * MiB, Math.floor(c * (1.1 + rng.next() * 2)));
        break;
      }
      case 5: {
        // the newest block: most likely next to top, so it grows into top
        index = live.length - 1;
        const c = live[index].size;
        size = rng.chance(0.8) ? Math.min(40 * MiB, c + rng.logInt(1, 300_000)) : Math.floor(c / 2);
        break;
      }
      default:
        size = 0; // realloc(p, 0) frees p and returns NULL
    }
    const old = live[index];
    if (size > old.size && full(size - old.size)) return;
    if (!emit(`r ${old.id} ${size}`)) return;
    removeAt(index);
    if (size === 0) {
      freeIds.push(old.id);
    } else {
      addLive(old.id, size);
    }
  }

  function doTrim(): void {
    const pad = rng.pick([0, 0, 0, 1, 4096, 65536, 131072, rng.int(0, 300_000), 1048576]);
    emit(`t ${pad}`);
  }

  function doBurst(): void {
    const size = rng.chance(0.6) && palette.length > 0 ? rng.pick(palette) : newSize();
    const maxCount = size >= 131072 ? 8 : size >= 8192 ? 60 : 400;
    let count = rng.int(8, maxCount);
    const group: number[] = [];
    while (count-- > 0 && !full(size) && emitted < nOps) {
      const id = takeId();
      if (!emit(`m ${id} ${size}`)) break;
      addLive(id, size);
      group.push(id);
    }
    if (group.length > 0) groups.push(group);
  }

  function freeTheseIds(ids: number[]): void {
    for (const id of ids) {
      const b = isLive.get(id);
      if (b === undefined) continue;
      const i = live.indexOf(b);
      freeIndex(i);
      if (emitted >= nOps) return;
    }
  }

  function doGroupFree(): void {
    if (groups.length === 0) return;
    const gi = rng.chance(0.6) ? groups.length - 1 : rng.int(0, groups.length - 1);
    const [group] = groups.splice(gi, 1);
    const ids = group.slice();
    switch (rng.int(0, 4)) {
      case 0:
        ids.reverse(); // like CPython's list_dealloc: last first
        break;
      case 1:
        break; // first first
      case 2: {
        // every other one first (leaves holes), the rest later
        const odd = ids.filter((_, i) => i % 2 === 1);
        const even = ids.filter((_, i) => i % 2 === 0);
        freeTheseIds(odd);
        if (rng.chance(0.5)) groups.push(even);
        else freeTheseIds(even.reverse());
        return;
      }
      case 3:
        for (let i = ids.length - 1; i > 0; i--) {
          const j = rng.int(0, i);
          [ids[i], ids[j]] = [ids[j], ids[i]];
        }
        break;
      default:
        // free only a part (the rest stays live and keeps the heap)
        ids.splice(0, rng.int(1, ids.length));
    }
    freeTheseIds(ids);
  }

  function doFreeAll(): void {
    // Free (nearly) everything, newest first, then maybe trim.
    const keep = rng.chance(0.5) ? 0 : rng.int(1, 3);
    const order = rng.chance(0.7) ? live.slice().reverse() : live.slice();
    freeTheseIds(order.slice(0, Math.max(0, order.length - keep)).map((b) => b.id));
    if (rng.chance(0.5)) emit(`t ${rng.pick([0, 0, 131072])}`);
  }

  while (emitted < nOps) {
    if (live.length >= prof.maxLive || liveBytes > prof.maxLiveBytes) {
      doFree();
      continue;
    }
    switch (rng.weighted(opWeights)) {
      case 0: {
        const size = newSize();
        if (full(size)) doFree();
        else doMalloc(size);
        break;
      }
      case 1:
        doCalloc();
        break;
      case 2:
        doRealloc();
        break;
      case 3:
        doFree();
        break;
      case 4:
        doTrim();
        break;
      case 5:
        doBurst();
        break;
      case 6:
        doGroupFree();
        break;
      case 7:
        doFreeAll();
        break;
      case 8: {
        // to another running thread
        const t = rng.pick(running);
        if (t !== current && emit(`T ${t}`)) current = t;
        break;
      }
      case 9:
        // a new thread (its first call gives it an arena)
        if (running.length < th!.max && emit(`T ${nextTid}`)) {
          running.push(nextTid);
          current = nextTid++;
        }
        break;
      default: {
        // a thread exits (its tcache is flushed, its arena goes on the free list)
        if (running.length < 2) break;
        const t = running[rng.int(1, running.length - 1)];
        if (!emit(`X ${t}`)) break;
        running.splice(running.indexOf(t), 1);
        if (t === current) current = 0;
      }
    }
  }
  return out.join('\n') + '\n';
}
