/**
 * The hand-written traces in tests/native/traces/, each with the tunables to
 * run it under and an assertion that the real glibc's output really shows the
 * mechanism the trace is about (so a comparison cannot pass vacuously).
 * Numbers are the ones measured on glibc 2.36 (see each trace's header).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  parseResults,
  parseStats,
  parseThreadArenas,
  resultOps,
  runReplay,
  traceOps,
  truncateTrace,
  TRACES_DIR,
  type Result,
  type StatName,
  type Tunables,
} from './nativeReplay';

export interface CheckContext {
  /** The result printed for the n-th op of the trace (1-based, as "op n" in the headers); n must be an m/c/r op. */
  op(n: number): Result;
  /** Heap offset printed for op n (fails if it was not a heap result). */
  heap(n: number): number;
  /** The thread heap op n's block is in, as "A.H OFFSET" (fails if it was not a thread heap's). */
  threadHeap(n: number): string;
  /** mallinfo2 + heap_size after the whole trace. */
  stats: Record<StatName, number>;
  /** Each thread arena's system_mem and heap sizes after the whole trace, by label (1 = first seen). */
  threadArenas: Map<number, { systemMem: number; heaps: number[] }>;
  /** mallinfo2 + heap_size of the real glibc after the first n ops. */
  statsAfter(n: number): Record<StatName, number>;
}

export interface HandCase {
  /** File name in tests/native/traces/. */
  file: string;
  tunables?: Tunables;
  /** Shown in test names. */
  label: string;
  check(ctx: CheckContext): void;
}

const topPad0 = { topPad: 0, trimThreshold: 65536 };

const range = (from: number, to: number, step = 1): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** Threads: glibc's arenas, heaps and per-thread tcaches (T TID / X TID ops, real pthreads in replay.c). */
const THREAD_CASES: HandCase[] = [
  {
    file: 'threads_tcache_pins.trace',
    label: "eight threads' tcaches pin their heaps until they exit",
    check: ({ stats, threadArenas, statsAfter }) => {
      const before = statsAfter(32019);
      expect(before.arena).toBe(135168 + 8 * 1638400);
      expect(before.uordblks).toBeGreaterThanOrEqual(8 * 7 * 816);
      expect(threadArenas.size).toBe(8);
      for (const a of threadArenas.values()) expect(a).toEqual({ systemMem: 135168, heaps: [135168] });
      expect(stats.arena).toBe(9 * 135168);
    },
  },
  {
    file: 'threads_cross_arena_free.trace',
    label: "a free goes to the freeing thread's tcache, or to the chunk's own arena",
    check: ({ threadHeap, heap }) => {
      expect(threadHeap(3)).toBe('1.0 2928');
      expect(threadHeap(9)).toBe('1.0 2928'); // thread 2 got thread 1's chunk from its own tcache
      expect(threadHeap(12)).toBe('1.0 3136'); // arena 1's bins gave the 2000-byte chunk back
      expect(threadHeap(17)).toBe('1.0 2928'); // flushed to arena 1 when thread 2 exited
      expect(heap(20)).toBe(784);
    },
  },
  {
    file: 'threads_arena_max.trace',
    tunables: { arenaMax: 2 },
    label: 'MALLOC_ARENA_MAX=2: one thread arena, threads handed main and it in turn',
    check: ({ heap, threadHeap, threadArenas }) => {
      expect(threadHeap(3)).toBe('1.0 2928');
      expect([heap(5), threadHeap(7), heap(9), threadHeap(11), heap(13)]).toEqual([
        1440,
        '1.0 3696',
        2208,
        '1.0 4464',
        2976,
      ]);
      expect(threadArenas.size).toBe(1);
    },
  },
  {
    file: 'threads_arena_cap.trace',
    label: 'the arena cap: 8 x 2 CPUs = 16 arenas, then round robin from main',
    check: ({ heap, threadHeap, threadArenas }) => {
      range(3, 31, 2).forEach((op, i) => expect(threadHeap(op)).toBe(`${i + 1}.0 2928`));
      expect(heap(33)).toBe(1440);
      expect([35, 37, 39, 41].map(threadHeap)).toEqual(['15.0 3696', '14.0 3696', '13.0 3696', '12.0 3696']);
      expect(threadArenas.size).toBe(15);
    },
  },
  {
    file: 'threads_free_list.trace',
    label: "a new thread takes an exited thread's arena, most recent first",
    check: ({ threadHeap }) => {
      expect([3, 5, 7].map(threadHeap)).toEqual(['1.0 2928', '2.0 2928', '3.0 2928']);
      expect([11, 13, 15].map(threadHeap)).toEqual(['3.0 3040', '1.0 3040', '4.0 2928']);
    },
  },
  {
    file: 'threads_first_malloc_in_thread.trace',
    label: 'the thread that mallocs first gets the main arena',
    check: ({ heap, threadHeap }) => {
      expect(heap(2)).toBe(672);
      expect(threadHeap(4)).toBe('1.0 2928');
      expect(heap(9)).toBe(784);
    },
  },
  {
    file: 'threads_heap_chain.trace',
    label: 'a thread heap chains a second one; the second goes when empty',
    check: ({ threadHeap, threadArenas }) => {
      expect(threadHeap(12)).toBe('1.0 50334784');
      expect([13, 14, 15].map(threadHeap)).toEqual(['1.1 64', '1.1 8388688', '1.1 16777312']);
      expect(threadArenas.get(1)).toEqual({ systemMem: 58724352, heaps: [58724352] });
    },
  },
  {
    file: 'threads_new_heap_dropped.trace',
    label: 'a new thread heap dropped at once by heap_trim: the block comes from the main arena',
    check: ({ heap, threadHeap, stats }) => {
      expect(threadHeap(10)).toBe('1.0 65014816');
      expect(heap(12)).toBe(784);
      expect(stats.heap_size).toBe(10620928);
      expect(threadHeap(13)).toBe('1.0 65014816');
    },
  },
];

export const HAND_CASES: HandCase[] = [
  ...THREAD_CASES,
  {
    file: 'tcache_unsorted_limit.trace',
    label: 'the unsorted scan fills tcache with every exact fit (no limit)',
    check: ({ heap, stats }) => {
      expect([heap(51), heap(52), heap(53)]).toEqual([9664, 5168, 672]);
      expect(stats.uordblks).toBe(14416);
    },
  },
  {
    file: 'tcache_unsorted_limit.trace',
    tunables: { tcacheUnsortedLimit: 1 },
    label: 'tcache_unsorted_limit=1 returns a cached fit after two chunks are sorted',
    check: ({ heap }) => {
      expect([heap(51), heap(52), heap(53)]).toEqual([5168, 672, 9664]);
    },
  },
  {
    file: 'dynamic_mmap_threshold.trace',
    label: 'free of an mmapped chunk raises the mmap threshold',
    check: ({ op, heap, stats }) => {
      expect(op(1)).toEqual({ kind: 'mmap', size: 200704 });
      expect(heap(3)).toBe(672); // same size, now from the heap
      expect(op(4)).toEqual({ kind: 'mmap', size: 204800 });
      expect(op(5).kind).toBe('heap');
      expect(op(8).kind).toBe('mmap'); // a 40 MiB free did not raise it
      expect(op(11).kind).toBe('mmap'); // nor did a free of exactly 32 MiB
      expect(op(14).kind).toBe('heap'); // 32 MiB - 4096 did
      expect(op(15).kind).toBe('heap');
      expect(stats.hblks).toBe(3);
      expect(stats.hblkhd).toBe(204800 + 303104 + 303104);
    },
  },
  {
    file: 'dynamic_mmap_threshold.trace',
    tunables: { mmapThreshold: 131072 },
    label: 'mmap threshold set by tunable: no dynamic threshold',
    check: ({ op, stats }) => {
      expect(op(3).kind).toBe('mmap');
      expect(op(14).kind).toBe('mmap');
      expect(stats.hblks).toBe(7);
    },
  },
  {
    file: 'tcache_blocks_trim.trace',
    label: "7 tcache'd chunks at the top keep the heap",
    check: ({ stats }) => {
      expect(stats.heap_size).toBeGreaterThanOrEqual(300 * 816);
      expect(stats.uordblks).toBe(656 + 7 * 816);
      expect(stats.ordblks).toBe(2);
      expect(stats.keepcost).toBeLessThan(131072);
    },
  },
  {
    file: 'tcache_blocks_trim.trace',
    tunables: { tcacheCount: 0 },
    label: 'same frees without tcache: trimmed',
    check: ({ stats }) => {
      expect(stats.heap_size).toBe(135168);
      expect(stats.uordblks).toBe(656);
    },
  },
  {
    file: 'tcache_at_bottom.trace',
    label: "tcache'd chunks at the bottom do not block the trim",
    check: ({ stats }) => {
      expect(stats.heap_size).toBeLessThan(150_000);
      expect(stats.uordblks).toBe(656 + 7 * 816);
      expect(stats.keepcost).toBeGreaterThanOrEqual(131072 + 33);
      expect(stats.keepcost).toBeLessThanOrEqual(131072 + 4128);
    },
  },
  {
    file: 'consolidate_into_top.trace',
    label: 'frees merge into top; systrim once top >= trim_threshold (raised to 802816)',
    check: ({ stats, statsAfter }) => {
      const peak = statsAfter(14).heap_size;
      expect(peak).toBe(1093632);
      expect(statsAfter(22).heap_size).toBe(peak); // top 772912 < 802816: no trim yet
      expect(statsAfter(23).heap_size).toBe(372736); // top 852928: trimmed
      expect(stats.heap_size).toBe(372736);
      expect(stats.keepcost).toBe(372080); // > top_pad + 4128, kept: below the raised threshold
      expect(stats.ordblks).toBe(1);
    },
  },
  {
    file: 'consolidate_into_top.trace',
    tunables: topPad0,
    label: 'top_pad 0, trim_threshold 65536: trims to the last page',
    check: ({ stats, statsAfter }) => {
      expect(statsAfter(16).heap_size).toBeLessThan(statsAfter(14).heap_size);
      expect(stats.heap_size).toBe(4096);
      expect(stats.keepcost).toBeLessThanOrEqual(4128);
    },
  },
  {
    file: 'malloc_trim_middle.trace',
    label: 'malloc_trim(0) with a free region below an in-use chunk',
    check: ({ stats, statsAfter, heap }) => {
      const before = statsAfter(11);
      expect(heap(6)).toBe(500752); // the blocker
      expect(before.heap_size).toBe(532480);
      expect(before.keepcost).toBeGreaterThan(4128);
      // t 0: only top is given back with brk; the 500080-B free chunk stays (its pages are madvised)
      expect(stats.heap_size).toBeGreaterThan(500752);
      expect(stats.heap_size).toBeLessThan(before.heap_size);
      expect(stats.keepcost).toBeGreaterThanOrEqual(33);
      expect(stats.keepcost).toBeLessThanOrEqual(4128);
      expect(stats.fordblks - stats.keepcost).toBe(500080);
    },
  },
  {
    file: 'realloc_grow_into_top.trace',
    label: 'realloc grows into top in place',
    check: ({ op, heap, statsAfter, stats }) => {
      expect(heap(1)).toBe(672);
      expect(heap(2)).toBe(672);
      expect(heap(3)).toBe(672);
      expect(statsAfter(3).heap_size).toBe(135168); // no sbrk: grew into top
      expect(heap(5)).not.toBe(672); // blocked by op 4: moved
      expect(heap(6)).toBe(heap(5)); // shrinks stay in place
      expect(statsAfter(6).heap_size).toBeLessThan(statsAfter(5).heap_size); // remainder merged into top, trimmed
      expect(op(9)).toEqual({ kind: 'mmap', size: 200704 });
      expect(stats.heap_size).toBe(315392);
    },
  },
  {
    file: 'mremap_mmapped.trace',
    label: 'realloc of mmapped chunks stays mmapped (mremap)',
    check: ({ op, stats }) => {
      const sizes = [1052672, 4198400, 2002944, 2002944, 2007040, 4096, 8192, 303104, 303104];
      sizes.forEach((size, i) => expect(op(i + 1)).toEqual({ kind: 'mmap', size }));
      expect(op(11).kind).toBe('heap'); // the free of the remapped 303104-B chunk raised the threshold
      expect(op(14)).toEqual({ kind: 'mmap', size: 4096 });
      expect(stats.hblks).toBe(2);
      expect(stats.hblkhd).toBe(303104 + 4096);
    },
  },
  {
    file: 'fastbin_consolidate.trace',
    label: 'fastbin chunks merged by malloc_consolidate on a large request',
    check: ({ heap, statsAfter, stats }) => {
      const mid = statsAfter(22);
      expect(mid.smblks).toBe(3);
      expect(mid.fsmblks).toBe(3 * 112);
      expect(heap(22)).toBeGreaterThan(heap(11)); // from top: the fastbin chunks were not usable
      expect(statsAfter(23).smblks).toBe(0);
      expect(statsAfter(23).ordblks).toBe(2);
      expect(heap(24)).toBe(heap(8)); // the merged 336-B chunk starts at id 7
      expect(stats.smblks).toBe(0);
    },
  },
  {
    file: 'fastbin_consolidate.trace',
    tunables: { tcacheCount: 0 },
    label: 'same without tcache: 10 fastbin chunks',
    check: ({ statsAfter, stats }) => {
      expect(statsAfter(22).smblks).toBe(10);
      expect(stats.smblks).toBe(0);
    },
  },
  {
    file: 'unsorted_sorting.trace',
    label: 'unsorted chunks are sorted into bins, then best fit',
    check: ({ heap }) => {
      expect(heap(7)).toBe(heap(3)); // Y, the smaller chunk, although X was scanned first
      expect(heap(7)).not.toBe(heap(1));
      expect(heap(8)).toBe(heap(3) + 1008); // last_remainder
      expect(heap(10)).toBe(heap(3) + 1008 + 208); // the 304-B remainder from small bin 19
    },
  },
  {
    file: 'last_remainder.trace',
    label: 'last_remainder is split even when a small bin fits better',
    check: ({ heap }) => {
      expect(heap(28)).toBe(heap(17));
      expect(heap(29)).toBe(heap(17) + 1008);
      expect(heap(29)).not.toBe(heap(15)); // not Z
      expect(heap(30)).toBe(heap(29) + 144);
      expect(heap(31)).toBe(heap(13)); // tcache LIFO
      expect(heap(32)).toBe(heap(30) + 144);
    },
  },
  {
    file: 'largebin_best_fit.trace',
    label: 'large bin best fit takes the second chunk of the best size',
    check: ({ heap }) => {
      const [a, b, d] = [heap(1), heap(3), heap(7)];
      expect(heap(13)).toBeGreaterThan(d); // from top
      expect(heap(14)).toBe(b);
      expect(heap(15)).toBe(a);
      expect(heap(16)).toBe(d);
    },
  },
  {
    file: 'edge_cases.trace',
    label: 'edge cases: malloc(0), NULL results, realloc(NULL), realloc(p, 0), failed malloc',
    check: ({ op, heap, stats, statsAfter }) => {
      expect(heap(1)).toBe(672);
      expect(op(6).kind).toBe('null'); // calloc overflow
      expect(op(8).kind).toBe('null');
      expect(op(9).kind).toBe('null');
      expect(op(10).kind).toBe('heap');
      expect(op(11).kind).toBe('null');
      expect(op(12).kind).toBe('heap');
      expect(op(13).kind).toBe('null');
      expect(heap(14)).toBe(heap(3));
      expect(heap(16)).toBe(heap(15));
      expect(op(20)).toEqual({ kind: 'mmap', size: 200704 });
      expect(op(21).kind).toBe('null');
      const before = statsAfter(38);
      expect(before.smblks).toBe(1);
      expect(op(39).kind).toBe('null');
      const after = statsAfter(39);
      expect(after.smblks).toBe(0); // the failed malloc consolidated the fastbin
      expect(after.keepcost).toBe(before.keepcost + 112);
      expect(stats.hblks).toBe(0);
      expect(stats.heap_size).toBe(4096);
    },
  },
];

export function readHandTrace(file: string): string {
  return readFileSync(join(TRACES_DIR, file), 'utf8');
}

/** The check context for a trace and the real glibc's output on it. */
export function checkContext(trace: string, output: string, tunables: Tunables | undefined): CheckContext {
  const ops = traceOps(trace);
  const rOps = resultOps(trace);
  const results = parseResults(output);
  const op = (n: number): Result => {
    const line = ops[n - 1];
    if (line === undefined) throw new Error(`no op ${n} in trace`);
    const i = rOps.findIndex((o) => o.line === line.line);
    if (i < 0) throw new Error(`op ${n} ("${line.text}") prints no result`);
    return results[i];
  };
  return {
    op,
    heap: (n) => {
      const r = op(n);
      if (r.kind !== 'heap')
        throw new Error(`op ${n} ("${ops[n - 1].text}") is ${JSON.stringify(r)}, not a heap result`);
      return r.offset;
    },
    threadHeap: (n) => {
      const r = op(n);
      if (r.kind !== 'thread-heap')
        throw new Error(`op ${n} ("${ops[n - 1].text}") is ${JSON.stringify(r)}, not a thread heap result`);
      return `${r.arena}.${r.heap} ${r.offset}`;
    },
    stats: parseStats(output),
    threadArenas: parseThreadArenas(output),
    statsAfter: (n) => parseStats(runReplay(truncateTrace(trace, n), tunables)),
  };
}
