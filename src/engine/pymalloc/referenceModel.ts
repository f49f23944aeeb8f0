import type { Libc } from '../libc/libc';
import type { Kernel } from '../kernel/kernel';
import {
  ARENA_SIZE,
  INITIAL_ARENA_OBJECTS,
  NUMBLOCKS,
  POOL_OVERHEAD,
  POOL_SIZE,
  index2size,
} from './constants';
import type { PymallocStats } from './stats';

/**
 * A second, deliberately naive model of obmalloc for differential tests only: one object per pool
 * and arena, JS arrays for every list, and usable_arenas re-sorted by the definition of nfp2lasta
 * ("the rightmost arena with that many free pools", found by a scan) instead of the O(1) fingers.
 * It makes the same glibc and kernel calls in the same order, so on twin Kernel/Libc pairs
 * both models must hand out the same addresses.
 */
interface RPool {
  arena: RArena;
  addr: number;
  szidx: number;
  ref: number;
  /** Free blocks, head of the list last. */
  free: number[];
  nextoffset: number;
  maxnextoffset: number;
}
interface RArena {
  slot: number;
  address: number;
  firstPool: number;
  ntotal: number;
  nfree: number;
  pools: RPool[];
  /** Empty pools, head of the list last. */
  freepools: RPool[];
}

export class ReferenceObmalloc {
  private readonly used: RPool[][] = Array.from({ length: 32 }, () => []);
  private usable: RArena[] = [];
  /** Unused arena_object slots, head of the list last. */
  private unused: number[] = [];
  private readonly arenas = new Map<number, RArena>();
  private maxarenas = 0;
  private vector = 0;
  private readonly midKeys = new Set<number>();
  private readonly botKeys = new Set<number>();
  ntimes = 0;
  highwater = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly libc: Libc,
  ) {}

  malloc(n: number): number {
    const p = this.alloc(n);
    return p !== 0 ? p : this.libc.malloc(n === 0 ? 1 : n);
  }

  calloc(nelem: number, elsize: number): number {
    const p = this.alloc(nelem * elsize);
    if (p !== 0) return p;
    return nelem === 0 || elsize === 0 ? this.libc.calloc(1, 1) : this.libc.calloc(nelem, elsize);
  }

  free(p: number): void {
    if (p === 0) return;
    const pool = this.poolOf(p);
    if (pool) this.pfree(pool, p);
    else this.libc.free(p);
  }

  realloc(p: number, n: number): number {
    if (p === 0) return this.malloc(n);
    const pool = this.poolOf(p);
    if (!pool) return this.libc.realloc(p, n === 0 ? 1 : n);
    const size = index2size(pool.szidx);
    if (n <= size && 4 * n > 3 * size) return p;
    const q = this.malloc(n);
    if (q !== 0) this.free(p);
    return q;
  }

  stats(): PymallocStats {
    const classes: PymallocStats['classes'] = {};
    for (let c = 0; c < 32; c++) {
      let pools = 0;
      let blocks = 0;
      for (const a of this.arenas.values())
        for (const p of a.pools)
          if (p.ref > 0 && p.szidx === c) {
            pools++;
            blocks += p.ref;
          }
      if (pools > 0)
        classes[String(index2size(c))] = {
          pools,
          blocks_in_use: blocks,
          avail: pools * NUMBLOCKS[c] - blocks,
        };
    }
    const cur = this.arenas.size;
    return {
      arenas_allocated_current: cur,
      arenas_allocated_total: this.ntimes,
      arenas_reclaimed: this.ntimes - cur,
      arenas_highwater_mark: this.highwater,
      classes,
    };
  }

  arenaAddresses(): number[] {
    return [...this.arenas.values()].map((a) => a.address).sort((x, y) => x - y);
  }

  private poolOf(p: number): RPool | null {
    for (const a of this.arenas.values()) {
      if (p >= a.address && p < a.address + ARENA_SIZE)
        return a.pools[Math.floor((p - a.firstPool) / POOL_SIZE)] ?? null;
    }
    return null;
  }

  private alloc(n: number): number {
    if (n === 0 || n > 512) return 0;
    const c = (n - 1) >> 4;
    const list = this.used[c];
    if (list.length === 0) return this.fromNewPool(c);
    const pool = list[0];
    pool.ref++;
    const bp = pool.free.pop()!;
    if (pool.free.length === 0) {
      if (pool.nextoffset <= pool.maxnextoffset) {
        pool.free.push(pool.addr + pool.nextoffset);
        pool.nextoffset += index2size(c);
      } else list.shift();
    }
    return bp;
  }

  private fromNewPool(c: number): number {
    if (this.usable.length === 0) {
      const a = this.newArena();
      if (!a) return 0;
      this.usable = [a];
    }
    const a = this.usable[0];
    let pool = a.freepools.pop();
    if (!pool) {
      pool = {
        arena: a,
        addr: a.firstPool + a.pools.length * POOL_SIZE,
        szidx: -1,
        ref: 0,
        free: [],
        nextoffset: 0,
        maxnextoffset: 0,
      };
      a.pools.push(pool);
    }
    a.nfree--;
    if (a.nfree === 0) this.usable.shift();
    this.used[c].unshift(pool);
    pool.ref = 1;
    if (pool.szidx === c) return pool.free.pop()!;
    const s = index2size(c);
    pool.szidx = c;
    pool.nextoffset = POOL_OVERHEAD + 2 * s;
    pool.maxnextoffset = POOL_SIZE - s;
    pool.free = [pool.addr + POOL_OVERHEAD + s];
    return pool.addr + POOL_OVERHEAD;
  }

  private pfree(pool: RPool, p: number): void {
    const wasFull = pool.free.length === 0;
    pool.free.push(p);
    pool.ref--;
    if (wasFull) {
      this.used[pool.szidx].unshift(pool);
      return;
    }
    if (pool.ref !== 0) return;
    const list = this.used[pool.szidx];
    list.splice(list.indexOf(pool), 1);
    const a = pool.arena;
    a.freepools.push(pool);
    const old = a.nfree;
    let lastnf: RArena | null = null;
    if (old > 0) for (const u of this.usable) if (u.nfree === old) lastnf = u;
    a.nfree++;
    const i = this.usable.indexOf(a);
    if (a.nfree === a.ntotal && i >= 0 && i < this.usable.length - 1) {
      this.usable.splice(i, 1);
      this.unused.push(a.slot);
      this.arenas.delete(a.slot);
      this.kernel.munmap(a.address, ARENA_SIZE);
      return;
    }
    if (a.nfree === 1) {
      this.usable.unshift(a);
      return;
    }
    if (lastnf === a) return;
    this.usable.splice(i, 1);
    this.usable.splice(this.usable.indexOf(lastnf!) + 1, 0, a);
  }

  private newArena(): RArena | null {
    if (this.unused.length === 0) {
      const num = this.maxarenas ? this.maxarenas * 2 : INITIAL_ARENA_OBJECTS;
      const v = this.libc.realloc(this.vector, num * 48);
      if (v === 0) return null;
      this.vector = v;
      for (let s = num - 1; s >= this.maxarenas; s--) this.unused.push(s);
      this.maxarenas = num;
    }
    const slot = this.unused.pop()!;
    const address = this.kernel.mmap(ARENA_SIZE, 'pymalloc-arena', 'pymalloc arena');
    for (const base of address % ARENA_SIZE === 0 ? [address] : [address, address + ARENA_SIZE]) {
      const mid = Math.floor(base / 2 ** 49);
      const bot = Math.floor(base / 2 ** 34);
      if (!this.midKeys.has(mid)) {
        this.midKeys.add(mid);
        this.libc.calloc(1, 2 ** 18);
      }
      if (!this.botKeys.has(bot)) {
        this.botKeys.add(bot);
        this.libc.calloc(1, 2 ** 17);
      }
    }
    const excess = address % POOL_SIZE;
    const ntotal = excess ? 63 : 64;
    const a: RArena = {
      slot,
      address,
      firstPool: excess ? address + POOL_SIZE - excess : address,
      ntotal,
      nfree: ntotal,
      pools: [],
      freepools: [],
    };
    this.arenas.set(slot, a);
    this.ntimes++;
    this.highwater = Math.max(this.highwater, this.arenas.size);
    return a;
  }
}
