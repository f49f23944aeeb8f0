import type { GlibcTunables } from '../engine/libc/glibcTunables';
import { ENV_PRESETS, type EnvSpec } from '../protocol/environment';

/** A preset's environment on CPython 3.11. */
const preset = (id: string): EnvSpec => ({
  python: '3.11',
  vars: ENV_PRESETS.find((p) => p.id === id)?.vars ?? {},
});
import { parseScenarioFile } from './parse';

/**
 * The scenario library. Its scripts are the fidelity suite's own files
 * (tests/fidelity/scenarios/*.py, each recorded against a real CPython run), so the page shows
 * exactly what the suite checks; this list only picks, orders and groups them, and adds variants
 * run with glibc tunables.
 */
export interface Scenario {
  id: string;
  /** The file's name without .py. */
  file: string;
  group: 'The seed' | 'glibc malloc' | 'pymalloc' | 'NumPy' | 'Python objects' | 'Compare allocators';
  title: string;
  story: string;
  source: string;
  seed?: boolean;
  tunables?: GlibcTunables;
  /** The environment it runs in (absent: CPython 3.11 on glibc with nothing set). */
  env?: EnvSpec;
  /** Environments it is compared in, side by side (issue 9's lessons). */
  compare?: EnvSpec[];
}

type Entry = Omit<Scenario, 'title' | 'story' | 'source'> & { title?: string; storyPrefix?: string };

export const LIBRARY: readonly Entry[] = [
  { id: 'seed_small_lists', file: 'seed_small_lists', group: 'The seed', seed: true },
  { id: 'seed_big_lists', file: 'seed_big_lists', group: 'The seed', seed: true },
  { id: 'malloc_trim', file: 'malloc_trim', group: 'glibc malloc' },
  {
    id: 'seed_small_lists_tcache_off',
    file: 'seed_small_lists',
    group: 'glibc malloc',
    tunables: { tcacheCount: 0 },
    title: 'Small lists with tcache off (tcache_count=0)',
    storyPrefix:
      'Run with GLIBC_TUNABLES=glibc.malloc.tcache_count=0: no tcache chunks sit at the top any more, yet pymalloc’s arenas[] vector in the middle of the heap still pins everything below it.',
  },
  { id: 'survivors_pin_heap', file: 'survivors_pin_heap', group: 'glibc malloc' },
  { id: 'mmap_threshold_dynamic', file: 'mmap_threshold_dynamic', group: 'glibc malloc' },
  { id: 'bytearray_big', file: 'bytearray_big', group: 'glibc malloc' },
  { id: 'bytes_fragmentation', file: 'bytes_fragmentation', group: 'glibc malloc' },
  { id: 'big_strings', file: 'big_strings', group: 'glibc malloc' },
  { id: 'list_append_loop', file: 'list_append_loop', group: 'glibc malloc' },
  { id: 'survivors_pin_arenas', file: 'survivors_pin_arenas', group: 'pymalloc' },
  { id: 'ints_range_list', file: 'ints_range_list', group: 'pymalloc' },
  { id: 'small_strings', file: 'small_strings', group: 'pymalloc' },
  { id: 'floats_list', file: 'floats_list', group: 'pymalloc' },
  { id: 'tuples_pairs', file: 'tuples_pairs', group: 'pymalloc' },
  { id: 'numpy_many_small', file: 'numpy_many_small', group: 'NumPy' },
  { id: 'numpy_big_arrays', file: 'numpy_big_arrays', group: 'NumPy' },
  { id: 'numpy_threshold_heap', file: 'numpy_threshold_heap', group: 'NumPy' },
  { id: 'numpy_empty_zeros_ones', file: 'numpy_empty_zeros_ones', group: 'NumPy' },
  { id: 'numpy_view_keeps_base', file: 'numpy_view_keeps_base', group: 'NumPy' },
  { id: 'numpy_arange_concatenate', file: 'numpy_arange_concatenate', group: 'NumPy' },
  { id: 'numpy_import', file: 'numpy_import', group: 'NumPy' },
  { id: 'dict_million_ints', file: 'dict_million_ints', group: 'Python objects' },
  { id: 'dict_str_keys_clear', file: 'dict_str_keys_clear', group: 'Python objects' },
  { id: 'sets_and_getsizeof', file: 'sets_and_getsizeof', group: 'Python objects' },
  { id: 'gc_cycles', file: 'gc_cycles', group: 'Python objects' },
  { id: 'nested_lists_mixed', file: 'nested_lists_mixed', group: 'Python objects' },
  { id: 'list_insert_extend', file: 'list_insert_extend', group: 'Python objects' },
  { id: 'join_split', file: 'join_split', group: 'Python objects' },
  { id: 'functions_while', file: 'functions_while', group: 'Python objects' },
  {
    id: 'compare_seed_allocators',
    file: 'seed_small_lists',
    group: 'Compare allocators',
    compare: [preset('glibc'), preset('jemalloc'), preset('jemalloc-decay0'), preset('mimalloc')],
    title: 'The first seed under glibc, jemalloc and mimalloc',
    storyPrefix:
      'The same script in four worlds. After `del a`, glibc keeps its heap (tcache chunks and the arenas[] vector pin it from the top); jemalloc purges extents of 8 MiB or more at once and leaves the rest dirty, purged along its 10 s decay curve, but only when a later allocator call ticks it (measured on the real one: 132 MiB kept right after del); with decay 0 it purges at once (23 MiB); mimalloc marks the freed pages for decommit 25 ms later, which again happens only inside a later call (858 MiB kept). Step to the del and read which world gives the memory back.',
  },
  {
    id: 'compare_survivors',
    file: 'survivors_pin_arenas',
    group: 'Compare allocators',
    compare: [
      preset('glibc'),
      preset('jemalloc-decay0'),
      preset('mimalloc-decommit0'),
      preset('pymalloc-off'),
    ],
    title: 'Survivors that no allocator can fix',
    storyPrefix:
      'One list in a thousand survives `del a`, and it keeps a block in almost every pymalloc pool. pymalloc frees an arena only when all its pools are empty, and its arenas are its own 256 KiB mmaps: whichever C allocator sits below, the memory stays (a similar script, with lists of ten ints, kept 152–187 MiB under glibc, jemalloc and mimalloc alike, measured on the real ones). Only PYTHONMALLOC=malloc, with pymalloc off, lets the C allocator see the objects themselves.',
  },
  {
    id: 'compare_threads_arena_max',
    file: 'threads_lists_exit',
    group: 'Compare allocators',
    compare: [preset('glibc'), preset('glibc-arena-max-2')],
    title: 'Eight threads: their own arenas, or MALLOC_ARENA_MAX=2',
    storyPrefix:
      'Eight threads build lists in turn, free them and exit. With glibc’s defaults each thread gets an arena of its own (arena_get2, up to 8 × cores), in 64 MiB heaps that heap_trim shrinks from their top when the threads free and exit: measured on the real one, RSS falls back to 19.6 MiB. With MALLOC_ARENA_MAX=2 the threads share the main arena and one other; what they built in the main arena sits in the brk heap below chunks still in use, which only shrinks from its top: 173.7 MiB stay resident. Fewer arenas is not always less memory. Step to `stop(threads)` and read which world gives it back.',
  },
];

/** Build the library from file texts (name → text); entries whose file is missing are left out. */
export function buildLibrary(files: Record<string, string>): Scenario[] {
  const out: Scenario[] = [];
  for (const e of LIBRARY) {
    const text = files[e.file];
    if (text === undefined) continue;
    const p = parseScenarioFile(text);
    const { storyPrefix, title, ...rest } = e;
    out.push({
      ...rest,
      title: title ?? p.title,
      story: storyPrefix ? `${storyPrefix}\n\n${p.story}` : p.story,
      source: p.code,
    });
  }
  return out;
}
