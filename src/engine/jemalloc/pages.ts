import { mmapAnon } from '../kernel/anonMmap';
import type { Kernel } from '../kernel/kernel';
import type { MappingTag } from '../kernel/mapping';
import { PAGE, alignUp } from './sizeClasses';

/**
 * jemalloc 5.3's OS layer on Linux (pages.c): mmap for new address space, MADV_DONTNEED to purge
 * (pages_purge_forced; decommit is a no-op where the kernel overcommits, os_overcommits), and never
 * munmap while opt.retain is on (extent_dalloc_mmap declines).
 */
/** The system calls the real library makes, for the native cross-check and the event log. */
export type OsCall = 'mmap' | 'munmap' | 'dontneed' | 'free';
export type OsListener = (call: OsCall, addr: number, length: number) => void;

export class Pages {
  constructor(
    readonly kernel: Kernel,
    private readonly listener: OsListener | null = null,
  ) {}

  /**
   * pages_map(NULL, size, alignment): one mmap; if the kernel's address is not aligned, unmap it and
   * map size + alignment − PAGE, keeping the aligned middle (pages_map_slow → os_pages_trim).
   */
  map(size: number, alignment: number, tag: MappingTag, label: string): number {
    const k = this.kernel;
    const say = this.listener ?? ((): void => {});
    const p = mmapAnon(k, size, tag, label);
    if (p < 0) return 0;
    say('mmap', p, size);
    if (p % alignment === 0) return p;
    k.munmap(p, size);
    say('munmap', p, size);
    const allocSize = size + alignment - PAGE;
    const over = mmapAnon(k, allocSize, tag, label);
    if (over < 0) return 0;
    const aligned = alignUp(over, alignment);
    say('mmap', over, allocSize);
    if (aligned > over) say('munmap', over, aligned - over);
    if (over + allocSize > aligned + size) say('munmap', aligned + size, over + allocSize - aligned - size);
    // The kernel model unmaps only whole mappings or their tails: give the over-sized mapping back
    // and map again from the aligned start to the same end (the gap's top, where top-down placement
    // puts it), then cut the tail. Same final layout as munmap(lead) + munmap(trail).
    const top = over + allocSize;
    k.munmap(over, allocSize);
    const again = k.mmap(top - aligned, tag, label); // a 2 MiB multiple only if the over-map was
    if (again !== aligned)
      throw new Error(`jemalloc pages_map: expected the aligned remap at ${aligned}, got ${again}`);
    if (top > aligned + size) k.munmap(aligned + size, top - aligned - size);
    return aligned;
  }

  /**
   * pages_purge_lazy: MADV_FREE. The kernel may take the pages back under memory pressure, which never
   * comes on these machines, so they stay resident (mincore and RSS still count them).
   */
  purgeLazy(addr: number, size: number): void {
    if (this.listener) this.listener('free', addr, size);
  }

  /** pages_purge_forced: MADV_DONTNEED; the pages read back as zeros. */
  purge(addr: number, size: number): void {
    this.kernel.madviseDontneed(addr, size);
    if (this.listener) this.listener('dontneed', addr, size);
  }
}
