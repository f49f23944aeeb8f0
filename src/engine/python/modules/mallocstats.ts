import type { LibcModel } from '../../libc/libc';

/**
 * glibc's malloc_stats() (malloc.c __malloc_stats): per arena its system and in-use bytes, then the
 * totals with the mmapped chunks and the largest number and size of mmapped chunks the process
 * ever had, written to stderr. Under jemalloc or mimalloc (LD_PRELOAD) the symbol is still glibc's
 * (neither defines it), so it reports glibc's untouched main arena, as mallinfo2 does. The
 * simulated process has one arena.
 */
export function mallocStatsText(libc: LibcModel): string {
  const mi = libc.mallinfo2();
  const mp = (libc as unknown as { mp?: { maxNMmaps: number; maxMmappedMem: number } }).mp;
  const n = (v: number): string => String(v).padStart(10, ' ');
  return (
    `Arena 0:\nsystem bytes     = ${n(mi.arena)}\nin use bytes     = ${n(mi.uordblks)}\n` +
    `Total (incl. mmap):\nsystem bytes     = ${n(mi.arena + mi.hblkhd)}\n` +
    `in use bytes     = ${n(mi.uordblks + mi.hblkhd)}\n` +
    `max mmap regions = ${n(mp?.maxNMmaps ?? mi.hblks)}\nmax mmap bytes   = ${n(mp?.maxMmappedMem ?? mi.hblkhd)}\n`
  );
}
