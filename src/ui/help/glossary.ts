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
  top: 'The free space at the end of the heap. free() merges into it; once it passes the trim threshold glibc moves the break down and RSS falls.',
};
