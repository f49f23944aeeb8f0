import { EventKind } from '../engine/trace/events';
import { EventLog } from '../engine/trace/eventLog';
import type { Kernel } from '../engine/kernel/kernel';
import { emptyCounters, type LibcModel } from '../engine/libc/libc';
import type { TimelineColumns } from '../protocol/messages';

const ARENA_BYTES = 1 << 20;
/** Report progress every 2^17 events: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_MASK = (1 << 17) - 1;

/**
 * The run's event log, also sampling the four counters the timeline draws after every event and
 * keeping only the events where one of them changed (RSS moves once per 4 KiB page, not per malloc).
 */
export class TimelineLog extends EventLog {
  private n = 0;
  private cap = 4096;
  private cols = {
    event: new Float64Array(4096),
    rss: new Float64Array(4096),
    heap: new Float64Array(4096),
    mmap: new Float64Array(4096),
    arena: new Float64Array(4096),
  };
  private arenaBytes = 0;
  // The last sample pushed (fields, not an array: a push must not allocate).
  private lastRss = -1;
  private lastHeap = -1;
  private lastMmap = -1;
  private lastArena = -1;
  /** libc's large mapped bytes as last read: pymalloc's events cannot change it (see record). */
  private mmapNow = 0;
  kernel: Kernel | null = null;
  libc: LibcModel | null = null;
  /** Filled in place after every event (LibcModel.counters allocates nothing when given one). */
  private readonly counters = emptyCounters();
  onProgress: ((events: number) => void) | null = null;
  /** When false (seeking to a position), only the counting matters: no samples, no progress. */
  sampling = true;

  override record(kind: EventKind, addr: number, size: number, aux: number): void {
    super.record(kind, addr, size, aux);
    if (kind === EventKind.ArenaNew) this.arenaBytes += ARENA_BYTES;
    else if (kind === EventKind.ArenaFree) this.arenaBytes -= ARENA_BYTES;
    if (!this.sampling || !this.kernel || !this.libc) return;
    const k = this.kernel;
    const rss = k.rss;
    const heap = k.brk - k.heapStart;
    // pymalloc's own events (PyAlloc 10 … ArenaFree 14) leave libc's state alone: whatever libc call
    // pymalloc made recorded its own event first. Reading libc's counters walks its arenas (jemalloc's
    // and mimalloc's their extents), and half of the seed's 8 million events are pymalloc's.
    if (kind < EventKind.PyAlloc || kind > EventKind.ArenaFree)
      this.mmapNow = this.libc.counters(this.counters).largeMappedBytes;
    const mmap = this.mmapNow;
    if (
      rss !== this.lastRss ||
      heap !== this.lastHeap ||
      mmap !== this.lastMmap ||
      this.arenaBytes !== this.lastArena
    )
      this.push(rss, heap, mmap);
    if ((this.length & PROGRESS_MASK) === 0 && this.onProgress) this.onProgress(this.length);
  }

  /** Sample now (before the first event, and after the last). */
  sampleNow(): void {
    if (!this.kernel || !this.libc) return;
    this.mmapNow = this.libc.counters(this.counters).largeMappedBytes;
    this.push(this.kernel.rss, this.kernel.brk - this.kernel.heapStart, this.mmapNow);
  }

  private push(rss: number, heap: number, mmap: number): void {
    if (this.n === this.cap) this.growSamples();
    const i = this.n++;
    const c = this.cols;
    c.event[i] = this.length;
    c.rss[i] = rss;
    c.heap[i] = heap;
    c.mmap[i] = mmap;
    c.arena[i] = this.arenaBytes;
    this.lastRss = rss;
    this.lastHeap = heap;
    this.lastMmap = mmap;
    this.lastArena = this.arenaBytes;
  }

  private growSamples(): void {
    this.cap *= 2;
    for (const key of ['event', 'rss', 'heap', 'mmap', 'arena'] as const) {
      const a = new Float64Array(this.cap);
      a.set(this.cols[key]);
      this.cols[key] = a;
    }
  }

  timeline(): TimelineColumns {
    const c = this.cols;
    const n = this.n;
    return {
      count: n,
      event: c.event.slice(0, n),
      rss: c.rss.slice(0, n),
      heap: c.heap.slice(0, n),
      mmap: c.mmap.slice(0, n),
      arena: c.arena.slice(0, n),
    };
  }
}
