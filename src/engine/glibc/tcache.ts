import type { Arena } from './arena';
import { ChunkState } from './chunkStore';
import { TCACHE_MAX_BINS } from './constants';

/**
 * One thread's tcache_perthread_struct: counts[64] and, per bin, the cached chunks (tcache_put
 * pushes at the head, tcache_get pops it). A thread caches whatever it frees, so a bin may hold
 * chunks of several arenas (a chunk another thread allocated): each entry keeps its arena's index.
 * The struct itself is a 656-byte chunk in the arena the thread had when tcache_init ran.
 */
export class Tcache {
  readonly counts = new Uint16Array(TCACHE_MAX_BINS);
  /** Entries of bin i at [i * cap, i * cap + counts[i]), the head last. */
  private slots: Int32Array;
  private owners: Uint16Array;
  private cap = 8;

  constructor(
    /** Every arena of the process, by index (an entry names its chunk's arena by index). */
    private readonly arenas: readonly Arena[],
    /** The arena holding the struct, and the struct's user pointer. */
    readonly arena: Arena,
    readonly mem: number,
  ) {
    this.slots = new Int32Array(TCACHE_MAX_BINS * this.cap);
    this.owners = new Uint16Array(TCACHE_MAX_BINS * this.cap);
  }

  /** tcache_put: chunk s of arena av at the head of bin idx (e->next and e->key are written). */
  put(av: Arena, s: number, idx: number): void {
    const n = this.counts[idx];
    if (n === this.cap) this.grow();
    const k = idx * this.cap + n;
    this.slots[k] = s;
    this.owners[k] = av.index;
    this.counts[idx] = n + 1;
    av.store.setState(s, ChunkState.Tcache);
    av.w(s, 16);
  }

  /** tcache_get: take the head of bin idx (e->key is cleared); returns its user pointer. */
  get(idx: number): number {
    const n = this.counts[idx] - 1;
    const k = idx * this.cap + n;
    const s = this.slots[k];
    const av = this.arenas[this.owners[k]];
    this.counts[idx] = n;
    av.store.setState(s, ChunkState.InUse); // e->key = 0: a page written at tcache_put, still resident
    return av.mem(s);
  }

  /** The slot and arena of entry j of bin idx (0 = the oldest), for walks and checks. */
  entrySlot(idx: number, j: number): number {
    return this.slots[idx * this.cap + j];
  }
  entryArena(idx: number, j: number): Arena {
    return this.arenas[this.owners[idx * this.cap + j]];
  }

  /** Is chunk s of arena av in this tcache? (free's double-free check walks the bin.) */
  holds(av: Arena, s: number, idx: number): boolean {
    for (let j = 0; j < this.counts[idx]; j++)
      if (this.entrySlot(idx, j) === s && this.entryArena(idx, j) === av) return true;
    return false;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const slots = new Int32Array(TCACHE_MAX_BINS * cap);
    const owners = new Uint16Array(TCACHE_MAX_BINS * cap);
    for (let i = 0; i < TCACHE_MAX_BINS; i++) {
      slots.set(this.slots.subarray(i * this.cap, i * this.cap + this.counts[i]), i * cap);
      owners.set(this.owners.subarray(i * this.cap, i * this.cap + this.counts[i]), i * cap);
    }
    this.slots = slots;
    this.owners = owners;
    this.cap = cap;
  }
}
