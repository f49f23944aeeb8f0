import { PageBits } from './pageBits';

/**
 * What a mapping is for, chosen by the layer that maps it ('glibc-mmap', 'pymalloc-arena',
 * 'interpreter', …): lets the views colour the address space without asking other layers.
 */
export type MappingTag = string;

/**
 * PROT_READ|PROT_WRITE, PROT_READ (a read-only file mapping: only read faults make it resident), or
 * PROT_NONE (a reservation: mapped, never resident, not counted as anon_mmap).
 */
export type Prot = 'rw' | 'r' | 'none';

/** One anonymous private mapping (a VMA): [start, start + length), resident pages tracked one bit each. */
export class Mapping {
  /** MADV_HUGEPAGE was asked for on some range of it (recorded, not modelled further: THP is "madvise"). */
  hugepageAdvised = 0;
  /** Backed by a file (mmap of an fd): its resident pages are RssFile, it is not anonymous memory. */
  file = false;
  /** Shared anonymous (shmem): counted as RssShmem. */
  shmem = false;

  constructor(
    public start: number,
    public length: number,
    public tag: MappingTag,
    public label: string,
    public resident: PageBits,
    public prot: Prot = 'rw',
  ) {}

  get end(): number {
    return this.start + this.length;
  }
}
