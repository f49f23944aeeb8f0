import type { Kernel } from '../kernel/kernel';
import type { Libc } from '../libc/libc';
import type { Mem } from '../python/runtime/mem';
import { EventLimitReached } from '../trace/eventLog';
import { HUGE_PAGE, HUGEPAGE_MIN_BYTES, NBUCKETS, NBUCKETS_DIM, NCACHE, PAGE } from './constants';

/** PyArray_malloc = PyMem_RawMalloc (ndarraytypes.h): malloc(n ? n : 1). 0 = NULL. */
export const rawMalloc = (libc: Libc, n: number): number => libc.malloc(n === 0 ? 1 : n);

/**
 * The process's C library as NumPy calls it (its default handler calls malloc, calloc and free
 * directly), with the fine-stepping limit checked after each call, as the interpreter's Mem does.
 */
export function libcOf(mem: Mem, libc: Libc): Libc {
  const check = (): void => {
    const ev = mem.events;
    if (ev !== null && ev.reachedLimit) throw new EventLimitReached(ev.length);
  };
  return {
    kind: libc.kind,
    version: libc.version,
    malloc(n) {
      const p = libc.malloc(n);
      check();
      return p;
    },
    calloc(nmemb, size) {
      const p = libc.calloc(nmemb, size);
      check();
      return p;
    },
    realloc(p, n) {
      const q = libc.realloc(p, n);
      check();
      return q;
    },
    free(p) {
      if (p === 0) return;
      libc.free(p);
      check();
    },
    usableSize: (p) => libc.usableSize(p),
    trim: (pad) => libc.trim(pad),
    setThread: (tid) => libc.setThread(tid),
    threadExit: (tid) => libc.threadExit(tid),
    get sink() {
      return libc.sink;
    },
    set sink(s) {
      libc.sink = s;
    },
  };
}

/** One MADV_HUGEPAGE range NumPy asked for: [start, end), page aligned. */
interface Advised {
  start: number;
  end: number;
}

/**
 * NumPy 1.24's allocation layer (numpy/core/src/multiarray/alloc.c) for one process:
 *   - the data cache `datacache[NBUCKETS = 1024]`: exact byte sizes below 1024, NCACHE = 7 each;
 *   - the dims/strides cache `dimcache[NBUCKETS_DIM = 16]`: npy_intp counts below 16;
 *   - default_malloc / default_calloc / default_free (the default PyDataMem_Handler), which call
 *     libc malloc/calloc/free directly;
 *   - the MADV_HUGEPAGE advice _npy_alloc_cache gives after a malloc of at least 4 MiB;
 *   - the writes into array data (kernel.touch), with the transparent huge pages those advised
 *     ranges then get (this machine's THP mode is [madvise]: a write fault inside an advised
 *     2 MiB-aligned frame maps the whole 2 MiB; measured: one element written in the middle of
 *     np.empty(10**7) made RSS +2,097,152, the same write into np.zeros(10**7) +4,096).
 * Buckets are LIFO stacks (`ptrs[--available]`), as in _npy_alloc_cache / _npy_free_cache.
 */
export class NpyAlloc {
  readonly datacache: number[][] = Array.from({ length: NBUCKETS }, () => []);
  readonly dimcache: number[][] = Array.from({ length: NBUCKETS_DIM }, () => []);
  /** _madvise_hugepage: NUMPY_MADVISE_HUGEPAGE unset on a kernel ≥ 4.6 → enabled. */
  madviseHugepage = true;
  private advised: Advised[] = [];

  constructor(
    readonly libc: Libc,
    readonly kernel: Kernel,
  ) {}

  /** _npy_alloc_cache(nelem, esz = 1, NBUCKETS, datacache, &malloc): default_malloc. */
  dataMalloc(nbytes: number): number {
    if (nbytes < NBUCKETS) {
      const b = this.datacache[nbytes];
      if (b.length > 0) return b.pop()!;
    }
    const p = this.libc.malloc(nbytes);
    if (p !== 0) this.indicateHugepages(p, nbytes);
    return p;
  }

  /**
   * default_calloc(nelem = nbytes, elsize = 1): below NBUCKETS the cached/malloc path and a
   * memset; otherwise calloc, with no huge-page advice (1.24; 2.2 added it).
   */
  dataCalloc(nbytes: number): number {
    if (nbytes < NBUCKETS) {
      const p = this.dataMalloc(nbytes);
      if (p !== 0) this.kernel.touch(p, nbytes); // memset(p, 0, sz)
      return p;
    }
    return this.libc.calloc(nbytes, 1);
  }

  /** default_free → _npy_free_cache(ptr, size, NBUCKETS, datacache, &free). */
  dataFree(p: number, nbytes: number): void {
    if (p !== 0 && nbytes < NBUCKETS && this.datacache[nbytes].length < NCACHE) {
      this.datacache[nbytes].push(p);
      return;
    }
    this.forgetAdvice(p);
    this.libc.free(p);
  }

  /** npy_alloc_cache_dim(sz): at least 2 npy_intp, through PyArray_malloc (PyMem_RawMalloc). */
  dimMalloc(nelem: number): number {
    const n = Math.max(nelem, 2);
    if (n < NBUCKETS_DIM) {
      const b = this.dimcache[n];
      if (b.length > 0) return b.pop()!;
    }
    // _npy_alloc_cache: the huge-page test runs here too, but 8·n bytes never reach 4 MiB
    return rawMalloc(this.libc, 8 * n);
  }

  /** npy_free_cache_dim(p, sz). */
  dimFree(p: number, nelem: number): void {
    const n = Math.max(nelem, 2);
    if (p !== 0 && n < NBUCKETS_DIM && this.dimcache[n].length < NCACHE) {
      this.dimcache[n].push(p);
      return;
    }
    this.libc.free(p);
  }

  /**
   * _npy_alloc_cache's advice: offset = 4096 - p % 4096 (a whole page when p is aligned),
   * madvise(p + offset, nbytes - offset, MADV_HUGEPAGE). The kernel rounds the length up to a page.
   */
  private indicateHugepages(p: number, nbytes: number): void {
    if (nbytes < HUGEPAGE_MIN_BYTES || !this.madviseHugepage) return;
    const offset = PAGE - (p % PAGE);
    const length = nbytes - offset;
    this.kernel.madviseHugepage(p + offset, length);
    this.advised.push({ start: p + offset, end: p + offset + Math.ceil(length / PAGE) * PAGE });
  }

  private forgetAdvice(p: number): void {
    if (this.advised.length === 0) return;
    this.advised = this.advised.filter((a) => !(a.start > p && a.start - p <= PAGE));
  }

  /**
   * NumPy writes [addr, addr + len) of array data. Pages become resident; inside an advised
   * range, every 2 MiB-aligned frame that lies wholly in it and is written becomes resident whole.
   */
  write(addr: number, len: number): void {
    if (len <= 0 || addr === 0) return;
    const end = addr + len;
    for (const a of this.advised) {
      if (end <= a.start || addr >= a.end) continue;
      const f0 = Math.ceil(a.start / HUGE_PAGE) * HUGE_PAGE;
      const f1 = Math.floor(a.end / HUGE_PAGE) * HUGE_PAGE;
      if (f1 <= f0) break;
      const lo = Math.max(addr, f0);
      const hi = Math.min(end, f1);
      if (hi <= lo) break;
      const from = Math.floor(lo / HUGE_PAGE) * HUGE_PAGE;
      const to = Math.ceil(hi / HUGE_PAGE) * HUGE_PAGE;
      if (addr < from) this.kernel.touch(addr, from - addr);
      this.kernel.touch(from, to - from);
      if (end > to) this.kernel.touch(to, end - to);
      return;
    }
    this.kernel.touch(addr, len);
  }

  /**
   * A strided write: `count` items of `itemsize` bytes, `stride` apart, from `addr`. Items closer
   * than a page write every page of the span; sparser ones write one page each.
   */
  writeStrided(addr: number, count: number, itemsize: number, stride: number): void {
    stridedRuns(addr, count, itemsize, stride, (p, n) => this.write(p, n));
  }

  /** NumPy reads [addr, addr + len) of array data: untouched pages fault in (Kernel.readAnon). */
  read(addr: number, len: number): void {
    if (len > 0 && addr !== 0) this.kernel.readAnon(addr, len);
  }

  /** A strided read, page by page as writeStrided writes. */
  readStrided(addr: number, count: number, itemsize: number, stride: number): void {
    stridedRuns(addr, count, itemsize, stride, (p, n) => this.read(p, n));
  }
}

/**
 * `count` items of `itemsize` bytes, `stride` apart, from `addr`, as the runs of pages they touch:
 * items closer than a page cover every page of the span; sparser ones one page each.
 */
function stridedRuns(
  addr: number,
  count: number,
  itemsize: number,
  stride: number,
  run: (addr: number, len: number) => void,
): void {
  if (count <= 0) return;
  if (stride === itemsize || count === 1) return run(addr, count * itemsize);
  const lo = stride < 0 ? addr + (count - 1) * stride : addr;
  const span = Math.abs(stride) * (count - 1) + itemsize;
  if (Math.abs(stride) <= PAGE) return run(lo, span);
  for (let i = 0; i < count; i++) run(addr + i * stride, itemsize);
}
