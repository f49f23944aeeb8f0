import { GLIBC_CHUNK_STATE, type GlibcSection, type HeapColumns } from '../libc/section';
import { popcount } from '../kernel/pageBits';
import { mb, plural } from './format';

/**
 * What glibc's thread arenas hold at a snapshot (arena.c: each arena's heaps are 64 MiB
 * reservations, read-write up to mprotect_size; heap_trim/shrink_heap give back only from a heap's
 * top, and a live thread's tcache keeps its chunks counted as in use until tcache_thread_shutdown).
 */
export interface ThreadArenaHolding {
  /** Thread arenas made so far (the main arena not counted). */
  arenas: number;
  /** Heaps of those arenas (each a 64 MiB reservation). */
  heaps: number;
  /** Resident bytes of their heaps. */
  resident: number;
  /** Bytes of free chunks in their heaps (top included): freed, kept by glibc. */
  free: number;
  /** Bytes in live threads' tcaches, in any arena (the main thread's excluded). */
  tcached: number;
  /** Live threads other than the main one. */
  liveThreads: number;
}

const PAGE = 4096;
const GRANULE = 16;

function residentOf(c: HeapColumns, pages: number): number {
  let n = 0;
  const words = c.residentWords;
  const full = Math.min(words.length, pages >>> 5);
  for (let w = 0; w < full; w++) n += popcount(words[w]);
  const rest = pages & 31;
  if (rest !== 0 && full < words.length) n += popcount(words[full] & ((1 << rest) - 1));
  return n * PAGE;
}

export function threadArenaHolding(libc: GlibcSection): ThreadArenaHolding {
  const h: ThreadArenaHolding = {
    arenas: libc.arenas.length,
    heaps: 0,
    resident: 0,
    free: 0,
    tcached: 0,
    liveThreads: libc.threads.length,
  };
  for (const a of libc.arenas)
    for (const heap of a.heaps) {
      h.heaps++;
      h.resident += residentOf(heap.columns, Math.ceil(heap.mprotectSize / PAGE));
      const c = heap.columns;
      for (let i = 0; i < c.count; i++) {
        const s = c.state[i];
        if (s !== GLIBC_CHUNK_STATE.InUse && s !== GLIBC_CHUNK_STATE.Tcache) h.free += c.sizeG[i] * GRANULE;
      }
    }
  // tcache bin i holds chunks of 32 + 16·i bytes (csize2tidx).
  for (const t of libc.threads)
    if (t.tcacheCounts)
      for (let i = 0; i < t.tcacheCounts.length; i++) h.tcached += t.tcacheCounts[i] * (32 + 16 * i);
  return h;
}

/** "1 thread arena's heap", "8 thread arenas' 9 heaps". */
function inHeaps(h: ThreadArenaHolding): string {
  const arenas = h.arenas === 1 ? "1 thread arena's" : `${h.arenas.toLocaleString('en-US')} thread arenas'`;
  return `${arenas} ${h.heaps === 1 ? 'heap' : `${h.heaps.toLocaleString('en-US')} heaps`}`;
}

/** The part of an environment's sentence about its thread arenas, or null with none. */
export function threadArenaPart(libc: GlibcSection): string | null {
  const h = threadArenaHolding(libc);
  if (h.arenas === 0) return null;
  let s = `${mb(h.resident)} resident in ${inHeaps(h)} (64 MiB reservations each)`;
  if (h.free >= 1048576) s += `, ${mb(h.free)} of it free but kept (a heap shrinks only from its top)`;
  if (h.tcached >= 1048576 || (h.liveThreads > 0 && h.tcached > 0))
    s +=
      `; ${h.liveThreads === 1 ? "1 live thread's tcache holds" : `${h.liveThreads} live threads' tcaches hold`} ` +
      `${mb(h.tcached)} that glibc counts as in use until ${h.liveThreads === 1 ? 'it exits' : 'they exit'}`;
  return s;
}

export interface ArenaRun {
  label: string;
  libc: GlibcSection;
  rss: number;
}

/**
 * The arena limit's lesson (arena_get2: a new thread gets a new arena until narenas reaches
 * arena_max, or 8 × cores; past it, threads share arenas by reused_arena, the main arena among
 * them): among glibc runs of the same script, each one with fewer arenas against the one with the
 * most, by RSS (memory a shared arena holds moves into it; it is not always less). Null when the
 * glibc runs made the same number of arenas.
 */
export function arenaLimitSentence(runs: ArenaRun[]): string | null {
  const glibc = runs.map((r) => ({ ...r, h: threadArenaHolding(r.libc) }));
  if (glibc.length < 2) return null;
  const most = glibc.reduce((a, b) => (b.h.arenas > a.h.arenas ? b : a));
  const fewer = glibc.filter((r) => r.h.arenas < most.h.arenas);
  if (fewer.length === 0) return null;
  const arenas = (n: number): string => (n === 0 ? 'only the main arena' : plural(n + 1, 'arena'));
  const parts = fewer.map((r) => {
    const less = most.rss - r.rss;
    const where2 = r.h.arenas > 0 ? `, ${mb(r.h.resident)} resident in ${inHeaps(r.h)}` : '';
    return (
      `${r.label} has its threads share ${arenas(r.h.arenas)}${where2}: ` +
      (Math.abs(less) < Math.max(1048576, most.rss * 0.02)
        ? 'about the same RSS (what the threads hold moved into fewer arenas)'
        : `${mb(Math.abs(less))} ${less > 0 ? 'less' : 'more'} resident`)
    );
  });
  return (
    `${most.label} gave its threads ${arenas(most.h.arenas)} ` +
    `(${mb(most.h.resident)} resident in ${inHeaps(most.h)}); ${parts.join('; ')}.`
  );
}
