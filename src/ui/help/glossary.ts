/**
 * The words the legends use, in one sentence each for a Python programmer. Figures are glibc
 * 2.36's and CPython 3.11's (docs/glibc-malloc.md, Objects/obmalloc.c).
 */
export const GLOSSARY: Record<string, string> = {
  RSS: 'Resident set size: the pages of the process that are in RAM now. It is what top and ps show.',
  resident:
    'In RAM. A page becomes resident the first time it is written; reading an untouched page does not count.',
  reserved: 'Address space the process has mapped but never written: it costs no RAM yet.',
  brk: 'The program break: the end of the [heap] segment. glibc moves it up to grow the heap and down to give the top back.',
  heap: 'The [heap] segment grown with brk. glibc can only shrink it from the top, so one chunk in use near the top pins everything below it.',
  'glibc mmap':
    'A request of at least the mmap threshold (128 KiB at first) gets its own mapping; free() unmaps it at once and RSS drops.',
  'mmapped chunk':
    'A request of at least the mmap threshold (128 KiB at first) gets its own mapping; free() unmaps it at once and RSS drops.',
  arena:
    'pymalloc’s 1 MiB region for objects of 512 bytes or less, carved into 64 pools of 16 KiB. It is unmapped only when all its pools are empty.',
  'thread arena':
    'glibc’s malloc state for a thread other than the main one (arena_get2 makes one per thread, up to 8 × the cores, then threads share them; MALLOC_ARENA_MAX caps it). Its memory comes from 64 MiB heaps reserved with mmap; heap_trim gives a heap’s top back, and frees an empty heap.',
  'pymalloc arena':
    'pymalloc’s 1 MiB region for objects of 512 bytes or less, carved into 64 pools of 16 KiB. It is unmapped only when all its pools are empty.',
  pool: 'A 16 KiB page of one arena, cut into blocks of one size class (16, 32, … 512 bytes).',
  carved:
    'A pool is carved when pymalloc first hands out a block from it; never-carved pools of an arena are untouched memory.',
  reclaimed: 'Arenas pymalloc gave back to the system (munmap) because all their pools became empty.',
  'in use':
    'A chunk malloc handed out and that was not freed yet (glibc also counts tcache and fastbin chunks as in use).',
  tcache:
    'A per-thread cache of up to 7 freed chunks per size (up to 1,032 bytes). Its chunks count as in use: they never merge with neighbours or the top.',
  fastbin:
    'Freed chunks of up to 128 bytes kept unmerged for quick reuse, until a bigger request consolidates them.',
  unsorted:
    'Where freed chunks wait (merged with free neighbours) before malloc sorts them into small or large bins.',
  'small bin': 'Free chunks under 1 KiB, one list per exact size.',
  'large bin': 'Free chunks of 1 KiB and more, one list per size range, sorted by size.',
  extent:
    'jemalloc’s unit of address space: a run of whole pages with one use: a slab of small regions, one large block, or free pages (dirty, muzzy or retained).',
  slab: 'A jemalloc extent cut into regions of one size class (8 B … 14 KiB), with a bitmap of which are allocated.',
  dirty:
    'jemalloc pages freed but still resident. Its decay curve (dirty_decay_ms, 10 s) lets them go little by little, on later allocator calls.',
  muzzy:
    'jemalloc pages given back with MADV_FREE: the kernel may take them when it needs memory; until then RSS still counts them. Off by default in 5.3 (muzzy_decay_ms 0).',
  retained:
    'Address space jemalloc keeps after purging its pages (opt.retain): mapped, not resident, reused before new mappings.',
  decay:
    'jemalloc purges free pages gradually: time is cut into 200 epochs of decay_ms / 200, and a smoother-step curve says how many of the pages freed in each epoch may still wait.',
  'thread cache':
    'Freed blocks a thread keeps for its next allocations of the same size (jemalloc’s tcache, glibc’s tcache): they stay allocated as far as the heap is concerned.',
  segment:
    'mimalloc’s 32 MiB region (aligned to 32 MiB), cut into 512 slices of 64 KiB; a huge block gets a segment of its own.',
  'mimalloc page':
    'A run of slices holding blocks of one size: small pages are one slice (blocks up to 8 KiB), medium pages 8 slices (up to 128 KiB).',
  committed:
    'Memory mimalloc has made usable (read-write). Decommitting (MADV_DONTNEED) gives the pages back to the kernel.',
  'decommit delay':
    'mimalloc waits decommit_delay (25 ms) before giving freed slices back, and only checks inside a later allocator call: with no call, nothing is given back.',
  top: 'The free space at the end of the heap. free() merges into it; once it passes the trim threshold glibc moves the break down and RSS falls.',
};
