import type { Kernel, MmapOptions } from './kernel';
import type { MappingTag } from './mapping';

/** PMD_SIZE on x86-64: a transparent huge page. */
export const PMD_SIZE = 2 * 1024 * 1024;

/**
 * mmap(NULL, len, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS) as Linux ≥ 6.10 places it (this
 * machine runs 6.18): when the length is a whole number of 2 MiB huge pages, __get_unmapped_area goes
 * through thp_get_unmapped_area, which asks for len + 2 MiB top-down and then aligns inside that:
 * the upper aligned slot when the padded area happens to start aligned (MMF_TOPDOWN and off_sub 0),
 * else the first aligned address in it (mm/huge_memory.c __thp_get_unmapped_area). Other lengths
 * take the plain top-down gap. Measured: jemalloc's 2 MiB base blocks and 4/6 MiB extent mappings
 * land 2 MiB-aligned in the real replayer, 5 and 7 MiB ones do not.
 *
 * The kernel model (kernel.ts) places every mapping top-down without this rule; this function gets
 * the same end state from its public calls (map the padded length, give it back, map again from the
 * aligned start up to the padded area's top, cut the tail). It belongs in Kernel.mmap: until it moves
 * there, the allocators that make 2 MiB-multiple mappings (jemalloc, mimalloc) call it.
 */
export function mmapAnon(
  kernel: Kernel,
  len: number,
  tag: MappingTag,
  label: string,
  opts: MmapOptions = {},
): number {
  if (len < PMD_SIZE || len % PMD_SIZE !== 0) return kernel.mmap(len, tag, label, opts);
  const padded = len + PMD_SIZE;
  const ret = kernel.mmap(padded, tag, label, opts);
  if (ret < 0) return kernel.mmap(len, tag, label, opts); // "the caller will retry without the padding"
  kernel.munmap(ret, padded);
  const offSub = (PMD_SIZE - (ret % PMD_SIZE)) % PMD_SIZE;
  const target = offSub === 0 ? ret + PMD_SIZE : ret + offSub;
  const top = ret + padded;
  const got = kernel.mmap(top - target, tag, label, opts);
  if (got !== target) {
    // A higher gap took the shorter request: undo and fall back to the plain placement.
    if (got >= 0) kernel.munmap(got, top - target);
    return kernel.mmap(len, tag, label, opts);
  }
  if (top > target + len) kernel.munmap(target + len, top - target - len);
  return target;
}
