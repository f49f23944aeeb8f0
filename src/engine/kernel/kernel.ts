import {
  DEFAULT_COMMIT_LIMIT,
  MACHINE_RAM,
  DEFAULT_HEAP_START,
  DEFAULT_MMAP_BASE,
  DEFAULT_MMAP_MIN,
  PAGE_SIZE,
  pageDown,
  pageUp,
} from './constants';
import { PAGE_DROP_NS, PAGE_FAULT_NS, WRITE_BYTE_NS } from './costs';
import { Mapping, type MappingTag, type Prot } from './mapping';
import { ModelLimit, OomKilled } from './limits';
import { PageBits } from './pageBits';
import { Syscall, SyscallLog, type SyscallListener } from './syscalls';
import {
  collides,
  findGap,
  firstAtOrAbove,
  hex,
  indexOf,
  insertMapping,
  isFree,
  nextOccupied,
  type Span,
  mergeAround,
  pagesIn,
  splitAt,
} from './vmas';

/** fault_around_bytes (64 KiB, the default) in pages. */
const FAULT_AROUND_PAGES = 16;

export interface MmapOptions {
  /** Where to place it if that range is free (mmap's addr without MAP_FIXED). */
  hint?: number;
  prot?: Prot;
  /** A file's pages (mmap of an fd): resident pages count in RSS as RssFile, not as anonymous memory. */
  file?: boolean;
  /** Shared anonymous memory (MAP_SHARED|MAP_ANONYMOUS: shmem): RssShmem, not anonymous memory either. */
  shmem?: boolean;
}

export interface KernelOptions {
  heapStart?: number;
  mmapBase?: number;
  /** Largest single mapping the overcommit heuristic accepts (mode 0: RAM + swap). */
  commitLimit?: number;
  /** Resident bytes of the interpreter itself (binary, libraries, stack): constant, outside the model. */
  baselineRss?: number;
  /** Physical memory: past it the OOM killer ends the process (MACHINE_RAM). */
  ram?: number;
}

/** 2^31 granules of 16 bytes: the most of a brk heap the main arena's Int32 chunk slots can name. */
const MAX_MODELLED_HEAP = 2 ** 35;

/**
 * The kernel's view of one process: the [heap] with its break, anonymous mmaps placed top-down as
 * Linux's vm_unmapped_area does (the highest gap below mmap_base that fits), and page residency.
 * RSS = resident pages × 4 KiB (+ the constant baseline); the peak is kept.
 */
export class Kernel {
  readonly heapStart: number;
  /** Current program break: the end of the [heap] mapping (glibc only moves it by whole pages). */
  brk: number;
  /** Residency of the heap's pages, indexed from heapStart. */
  readonly heapPages = new PageBits(1024);
  /** mmapped regions, sorted by start address. */
  readonly mappings: Mapping[] = [];
  readonly log = new SyscallLog();
  listener: SyscallListener | null = null;
  readonly mmapBase: number;
  readonly commitLimit: number;
  baselineRss: number;
  readonly ram: number;
  private residentPages = 0;
  private peakResidentPages = 0;
  /**
   * Address space outside the model (binary, libraries, stack, their .bss), counted in VmSize and
   * by RLIMIT_AS; set by whoever knows the process (python/modules/procfs.ts: measured per interpreter).
   */
  vmBaseline = 0;
  /** Anonymous mappings of the start-up the model does not hold (the recorder's anon_mmap − the model's at boot). */
  baselineAnonMmap = 0;
  /** setrlimit(RLIMIT_AS): brk and mmap fail (ENOMEM) past it, as mm/mmap.c's may_expand_vm refuses. */
  addressSpaceLimit = Infinity;
  private peakVm = 0;
  /**
   * What the process has mapped that the model does not hold (the loader's objects, the locale
   * archive, [vdso], extension modules' .so files): placement only, their bytes are in the
   * baselines. Sorted by start, disjoint (vmas.ts Span).
   */
  private readonly loaded: Span[] = [];
  /** Sum of the mappings' lengths, kept as they change (VmSize is read at every brk/mmap). */
  private mappedBytes = 0;

  constructor(opts: KernelOptions = {}) {
    this.heapStart = opts.heapStart ?? DEFAULT_HEAP_START;
    this.brk = this.heapStart;
    this.mmapBase = opts.mmapBase ?? DEFAULT_MMAP_BASE;
    this.commitLimit = opts.commitLimit ?? DEFAULT_COMMIT_LIMIT;
    this.baselineRss = opts.baselineRss ?? 0;
    this.ram = opts.ram ?? MACHINE_RAM;
  }

  /**
   * Mark [start, start + length) as mapped by something outside the model (a loaded object at the
   * address the real process has it); later mmaps step around it.
   */
  reserveLoaded(start: number, length: number): void {
    const span = { start, end: start + pageUp(length) };
    let k = this.loaded.length;
    while (k > 0 && this.loaded[k - 1].start > start) k--;
    this.loaded.splice(k, 0, span);
  }

  /**
   * Map a shared object as ld.so does (_dl_map_segments): one reservation of its whole load span,
   * placed top-down like any mmap, its file segments kept as loaded spans and its zero-fill pages
   * past a segment's file size (`anon`, [offset, length] in the span: the .bss) anonymous
   * mappings at their address. Returns the base address (-1 when nothing fits).
   */
  mapObject(span: number, anon: readonly (readonly [number, number])[], label: string): number {
    const len = pageUp(span);
    const base = this.topDownGap(len);
    if (base < 0) return -1;
    let at = 0;
    for (const [offset, length] of anon) {
      if (offset > at) this.reserveLoaded(base + at, offset - at);
      at = offset + pageUp(length);
    }
    if (len > at) this.reserveLoaded(base + at, len - at);
    for (const [offset, length] of anon) this.mmap(length, 'interpreter', label, { hint: base + offset });
    return base;
  }

  /** vm_unmapped_area top-down: the highest gap of `len` bytes between the break and mmap_base, or -1. */
  private topDownGap(len: number): number {
    return findGap(
      this.mappings,
      this.mmapBase,
      Math.max(DEFAULT_MMAP_MIN, pageUp(this.brk)),
      len,
      this.loaded,
    );
  }

  /** Resident set size in bytes, as /proc/self/statm would count it. */
  get rss(): number {
    return this.residentPages * PAGE_SIZE + this.baselineRss;
  }
  get peakRss(): number {
    return this.peakResidentPages * PAGE_SIZE + this.baselineRss;
  }
  get heapSize(): number {
    return this.brk - this.heapStart;
  }
  /** VmSize: every mapping, PROT_NONE reservations included, the [heap] to its page-rounded break. */
  get vmSize(): number {
    return this.vmBaseline + this.baselineAnonMmap + pageUp(this.brk) - this.heapStart + this.mappedBytes;
  }
  /** VmPeak: the largest VmSize so far (updated at every change of the address space). */
  get peakVmSize(): number {
    return Math.max(this.peakVm, this.vmSize);
  }
  /** Would `bytes` more of address space pass RLIMIT_AS? */
  private overLimit(bytes: number): boolean {
    return this.addressSpaceLimit !== Infinity && this.vmSize + bytes > this.addressSpaceLimit;
  }
  /** Bytes of anonymous read-write mappings outside [heap] (what /proc/self/maps shows as rw-p with no name). */
  get anonMmapBytes(): number {
    let n = 0;
    for (const m of this.mappings) if (m.prot === 'rw' && !m.file) n += m.length;
    return n;
  }
  /** Resident bytes of file mappings (what /proc/self/status adds to RssFile beyond the binary's). */
  get fileResidentBytes(): number {
    let n = 0;
    for (const m of this.mappings) if (m.file && !m.shmem) n += m.resident.count * PAGE_SIZE;
    return n;
  }
  /** Resident bytes of shared anonymous mappings (RssShmem). */
  get shmemResidentBytes(): number {
    let n = 0;
    for (const m of this.mappings) if (m.shmem) n += m.resident.count * PAGE_SIZE;
    return n;
  }

  /**
   * sbrk(delta): move the break by a page multiple; returns the old break, or -1 when the kernel
   * refuses (growing into a mapping or past the commit limit). Shrinking drops the pages above.
   */
  sbrk(delta: number): number {
    const old = this.brk;
    if (delta === 0) return old;
    const next = old + delta;
    if (next < this.heapStart) return -1;
    let residentDelta = 0;
    if (delta > 0) {
      if (delta > this.commitLimit || collides(this.mappings, old, next)) return -1;
      if (next - this.heapStart > MAX_MODELLED_HEAP)
        throw new ModelLimit(
          `a brk heap of more than ${MAX_MODELLED_HEAP / 1024 ** 3} GiB (the main arena's chunks are named by 16-byte granules in 32-bit slots)`,
        );
      if (this.overLimit(pageUp(next) - pageUp(old))) return -1;
      this.heapPages.ensure(pagesIn(pageUp(next) - this.heapStart));
    } else {
      const from = (pageUp(next) - this.heapStart) / PAGE_SIZE;
      const to = (pageUp(old) - this.heapStart) / PAGE_SIZE;
      residentDelta = -this.heapPages.clearRange(from, to);
      this.addResident(residentDelta);
    }
    this.brk = next;
    this.emit(Syscall.Brk, old, delta, next, residentDelta);
    return old;
  }

  /**
   * mmap(hint, length, prot, MAP_PRIVATE|MAP_ANONYMOUS): at `hint` when the range there is free
   * (glibc's aligned_heap_area), else the highest gap (vm_unmapped_area). Returns the address or -1.
   * A PROT_NONE reservation (MAP_NORESERVE) is not charged against the commit limit.
   */
  mmap(length: number, tag: MappingTag, label = '', opts: MmapOptions = {}): number {
    const len = pageUp(length);
    const prot = opts.prot ?? 'rw';
    if (len <= 0 || (prot === 'rw' && len > this.commitLimit)) return -1;
    if (this.overLimit(len)) return -1;
    const hint = opts.hint;
    const start =
      hint !== undefined &&
      hint % PAGE_SIZE === 0 &&
      hint >= Math.max(DEFAULT_MMAP_MIN, pageUp(this.brk)) &&
      isFree(this.mappings, this.mmapBase, hint, len, this.loaded)
        ? hint
        : this.topDownGap(len);
    if (start < 0) return -1;
    const m = new Mapping(start, len, tag, label, new PageBits(pagesIn(len)), prot);
    m.file = (opts.file ?? false) || (opts.shmem ?? false);
    m.shmem = opts.shmem ?? false;
    insertMapping(this.mappings, m);
    this.mappedBytes += len;
    this.emit(Syscall.Mmap, start, len, prot === 'none' ? 1 : 0, 0);
    return start;
  }

  /** munmap(addr, length): whatever mappings cover the range go, splitting those it cuts into. */
  munmap(addr: number, length: number): void {
    const len = pageUp(length);
    const end = addr + len;
    splitAt(this.mappings, addr);
    splitAt(this.mappings, end);
    let dropped = 0;
    const ms = this.mappings;
    let i = firstAtOrAbove(this.mappings, addr);
    const from = i;
    while (i < ms.length && ms[i].start < end) dropped += ms[i++].resident.count;
    if (i === from) throw new Error(`segfault: munmap(${hex(addr)}, ${length}) of nothing mapped`);
    for (let j = from; j < i; j++) this.mappedBytes -= ms[j].length;
    ms.splice(from, i - from);
    this.addResident(-dropped);
    this.emit(Syscall.Munmap, addr, len, 0, -dropped);
  }

  /**
   * mprotect(addr, length, prot) over mapped pages: the mappings it cuts into are split at its ends
   * and the pieces merged again with neighbours of the same tag, label and protection (as the
   * kernel's VMAs are). Residency is unchanged (glibc only ever opens reserved pages up).
   */
  mprotect(addr: number, length: number, prot: Prot): void {
    const len = pageUp(length);
    const end = addr + len;
    splitAt(this.mappings, addr);
    splitAt(this.mappings, end);
    const ms = this.mappings;
    let i = firstAtOrAbove(this.mappings, addr);
    let covered = 0;
    for (; i < ms.length && ms[i].start < end; i++) {
      ms[i].prot = prot;
      covered += ms[i].length;
    }
    if (covered !== len) throw new Error(`segfault: mprotect(${hex(addr)}, ${length}) of unmapped pages`);
    mergeAround(this.mappings, addr, end);
    this.emit(Syscall.Mprotect, addr, len, prot === 'none' ? 1 : 0, 0);
  }

  /**
   * mremap(old, oldLen, newLen, MREMAP_MAYMOVE): shrink in place; grow in place when the pages
   * above are free, else move to a new gap (the moved pages keep their residency). Returns the
   * new address, or -1.
   */
  mremap(addr: number, oldLength: number, newLength: number): number {
    const i = indexOf(this.mappings, addr, true);
    const m = this.mappings[i];
    if (m.start !== addr || pageUp(oldLength) !== m.length)
      throw new Error(`mremap of ${hex(addr)}: not a whole mapping`);
    const newLen = pageUp(newLength);
    if (newLen > this.commitLimit) return -1;
    if (newLen > m.length && this.overLimit(newLen - m.length)) return -1;
    let residentDelta = 0;
    const oldLen = m.length;
    if (newLen <= m.length) {
      residentDelta = -m.resident.clearRange(pagesIn(newLen), pagesIn(m.length));
      m.length = newLen;
    } else {
      const roomAbove = nextOccupied(this.mappings, i, m.start, this.mmapBase, this.loaded) - m.start;
      m.resident.ensure(pagesIn(newLen));
      if (roomAbove >= newLen) {
        m.length = newLen;
      } else {
        this.mappings.splice(i, 1);
        const start = this.topDownGap(newLen);
        if (start < 0) {
          insertMapping(this.mappings, m);
          return -1;
        }
        m.start = start;
        m.length = newLen;
        insertMapping(this.mappings, m);
      }
    }
    this.mappedBytes += m.length - oldLen;
    this.addResident(residentDelta);
    this.emit(Syscall.Mremap, addr, newLen, m.start, residentDelta);
    return m.start;
  }

  /** madvise(MADV_DONTNEED): the pages stop being resident; the mapping stays (a later touch faults zeros in). */
  madviseDontneed(addr: number, length: number): void {
    const from = pageDown(addr);
    const to = pageUp(addr + length);
    // malloc_trim madvises the heap chunk by chunk: no {bits, base} object on that path.
    const inHeap = from >= this.heapStart && from < pageUp(this.brk);
    // one binary search of the mappings, not one for the bits and another for the base
    const m = inHeap ? null : this.mappings[indexOf(this.mappings, from, true)];
    const bits = m === null ? this.heapPages : m.resident;
    const base = m === null ? this.heapStart : m.start;
    const dropped = bits.clearRange(pagesIn(from - base), pagesIn(to - base));
    this.addResident(-dropped);
    this.emit(Syscall.MadviseDontneed, from, to - from, 0, -dropped);
  }

  /** madvise(MADV_HUGEPAGE): recorded only. */
  madviseHugepage(addr: number, length: number): void {
    const i = indexOf(this.mappings, addr, false);
    if (i >= 0) this.mappings[i].hugepageAdvised += length;
    this.emit(Syscall.MadviseHugepage, addr, length, 0, 0);
  }

  /**
   * A write of [addr, addr+length): every page it covers becomes resident. Not a system call.
   * The hot path of every layer (an object's header, a list item, a pymalloc link): no {bits, base}
   * object, the two mappings written last outside the heap are tried before the binary search (the
   * seed alternates between a pymalloc arena and the big list's buffer), and a write within one
   * page sets one bit. (45 ms less on the seed's run, of 1.16 s.)
   */
  touch(addr: number, length: number, write = true): void {
    if (length <= 0) return;
    let bits: PageBits;
    let base: number;
    if (addr >= this.heapStart && addr < pageUp(this.brk)) {
      bits = this.heapPages;
      base = this.heapStart;
    } else {
      const ms = this.mappings;
      let i = this.touchedLast;
      let m = i >= 0 ? ms[i] : null;
      if (m === null || addr < m.start || addr >= m.start + m.length) {
        i = this.touchedBefore;
        m = i >= 0 ? ms[i] : null;
        if (m === null || addr < m.start || addr >= m.start + m.length) {
          i = indexOf(this.mappings, addr, true);
          m = ms[i];
          if (m.prot !== 'rw') throw new Error(`segfault: a write to ${hex(addr)}, a PROT_NONE page`);
        }
        this.touchedBefore = this.touchedLast;
        this.touchedLast = i;
      }
      bits = m.resident;
      base = m.start;
    }
    const first = Math.floor((addr - base) / PAGE_SIZE);
    const end = Math.ceil((addr + length - base) / PAGE_SIZE);
    if (end - first === 1) {
      if (bits.setOne(first)) this.addResident(1);
      return;
    }
    const added = bits.setRange(first, end);
    if (added !== 0) this.addResident(added);
    if (write && this.onWork !== null) this.onWork(length * WRITE_BYTE_NS);
  }

  /**
   * A read of [addr, addr+length) of anonymous memory. On this machine's kernel (6.18, THP
   * madvise) a read fault makes an untouched anonymous page resident and counted, as a write does:
   * reading one byte per page of a fresh 64 MiB mmap raised VmRSS by 64 MiB and writing them after by
   * nothing; np.zeros((1000, 1000), np.float32).sum() +3.8 MiB. The faults cost what first writes
   * cost; the reading itself is its caller's loop, so no bytes are charged here.
   */
  readAnon(addr: number, length: number): void {
    this.touch(addr, length, false);
  }
  /**
   * A read of [addr, addr+length) in a file or shmem mapping. For a file, do_read_fault maps
   * around the faulting page (do_fault_around: the fault_around_bytes = 64 KiB aligned window, all
   * of it in the page cache here, clipped to the VMA): measured on this machine, one find() that
   * stops 1 MB into a mapped 2.4 MB file adds 64 kB to RssFile. A shmem page is allocated per
   * fault. Not a system call; a page already resident costs nothing.
   */
  readFault(addr: number, length: number): void {
    if (length <= 0) return;
    const i = indexOf(this.mappings, addr, true);
    const m = this.mappings[i];
    if (!m.file) throw new Error(`internal: readFault outside a file mapping at ${hex(addr)}`);
    const around = m.shmem ? 1 : FAULT_AROUND_PAGES;
    const first = Math.floor(Math.floor((addr - m.start) / PAGE_SIZE) / around) * around;
    const last = Math.ceil(Math.ceil((addr + length - m.start) / PAGE_SIZE) / around) * around;
    const end = Math.min(last, pagesIn(m.length));
    const added = m.resident.setRange(first, end);
    if (added !== 0) this.addResident(added);
  }
  /**
   * Indexes in `mappings` of the last two mappings touched outside the heap, -1 for none;
   * forgotten at every system call. (Indexes, not the Mapping objects: storing an object pointer
   * costs a write barrier.)
   */
  private touchedLast = -1;
  private touchedBefore = -1;

  /**
   * A write to heap page `page` (index from heapStart): the hot path for glibc's own header writes,
   * which touch one word at a time.
   */
  touchHeapPage(page: number): void {
    if (this.heapPages.setOne(page)) this.addResident(1);
  }

  /**
   * A write to page `page` of a mapping whose residency bits the caller holds (a glibc thread
   * heap's read-write part: its Mapping, and so its bits, stay the same until it is unmapped).
   */
  touchPageOf(bits: PageBits, page: number): void {
    if (bits.setOne(page)) this.addResident(1);
  }

  /** Is the page holding addr resident? */
  isResident(addr: number): boolean {
    const { bits, base } = this.pagesAt(addr);
    return bits.isSet(Math.floor((addr - base) / PAGE_SIZE));
  }

  /** Resident bytes of [addr, addr+length) (whole pages overlapping the range). */
  residentBytes(addr: number, length: number): number {
    if (length <= 0) return 0;
    const { bits, base } = this.pagesAt(addr);
    return (
      bits.countRange(Math.floor((addr - base) / PAGE_SIZE), Math.ceil((addr + length - base) / PAGE_SIZE)) *
      PAGE_SIZE
    );
  }

  /** The mapping holding addr, or null (the heap is not a Mapping). */
  mappingAt(addr: number): Mapping | null {
    const i = indexOf(this.mappings, addr, false);
    return i < 0 ? null : this.mappings[i];
  }

  private pagesAt(addr: number): { bits: PageBits; base: number } {
    if (addr >= this.heapStart && addr < pageUp(this.brk))
      return { bits: this.heapPages, base: this.heapStart };
    const i = indexOf(this.mappings, addr, true);
    return { bits: this.mappings[i].resident, base: this.mappings[i].start };
  }

  /** Page faults so far: pages that became resident (a first touch; brk and mremap count theirs). */
  faults = 0;
  /**
   * Told of the CPU time the kernel's work on this process's memory takes as it happens (costs.ts:
   * page faults, pages given back, writes that span pages), so the process's clock moves then.
   */
  onWork: ((ns: number) => void) | null = null;

  private addResident(pages: number): void {
    this.residentPages += pages;
    if (pages > 0) {
      this.faults += pages;
      if (this.rss > this.ram) throw new OomKilled(this.rss, this.ram);
    }
    if (this.onWork !== null && pages !== 0)
      this.onWork(pages > 0 ? pages * PAGE_FAULT_NS : -pages * PAGE_DROP_NS);
    if (this.residentPages > this.peakResidentPages) this.peakResidentPages = this.residentPages;
  }

  private emit(kind: Syscall, addr: number, bytes: number, aux: number, residentDelta: number): void {
    this.touchedLast = -1; // the mappings may be gone, moved or renumbered
    this.touchedBefore = -1;
    if (kind === Syscall.Brk || kind === Syscall.Mmap || kind === Syscall.Mremap) {
      const size = this.vmSize;
      if (size > this.peakVm) this.peakVm = size;
    }
    this.log.push(kind, addr, bytes, aux, residentDelta);
    if (this.listener) this.listener(kind, addr, bytes, aux, residentDelta);
  }
}

export { hex };
