/**
 * What the kernel's work on a process's memory costs in CPU time, charged to the simulated clock as
 * it happens (Kernel.onWork; the process passes it to Clock.work). The allocators' delays read that
 * clock (mimalloc's 25 ms decommit delay with its 1 ms extensions, jemalloc's decay epochs), so a
 * statement that faults in or gives back a gigabyte must move it while it runs, not at the
 * interpreter's next breaker check: an allocator call between reads the time spent so far.
 * Measured here on 3.11.7 (process_time, THP "madvise", the machine shared; 4 runs each):
 */

/**
 * A page fault (first touch of an anonymous page: the kernel zeroes it). Writing one byte per page
 * of a fresh 80 MiB mmap costs 2.9 µs a page (best of 5, the machine under load), of which ~0.1 µs
 * is the Python loop; a memset over a 256 MiB range just dropped with MADV_DONTNEED, 2.2-2.3 µs a
 * page (tools/clock/README.md). With it, `s.append(bytes(2000))` is modelled at 1.4 µs an iteration
 * (measured 1.1 µs) and `[[0] * 100 for _ in range(n)]` at 0.6 µs (measured 1.6 µs).
 */
export const PAGE_FAULT_NS = 2800;

/**
 * A resident page given back (madvise MADV_DONTNEED, munmap, a shrinking brk or mremap): zap_pte_range
 * and the page's release. madvise(MADV_DONTNEED) of a resident 256 MiB mmap: 282-343 ns a page;
 * munmap of one: 288-373 ns. mimalloc's `del more` in alloc_mixed_sizes gives back 2.4 GiB this
 * way: 190 ms of CPU, during which its other segments' decommit delays run out.
 */
export const PAGE_DROP_NS = 300;

/**
 * Writing memory that is resident already, per byte (a memset or a copy's stores, out of the caches):
 * `ctypes.memset` of a resident 512 MiB bytearray 0.024-0.025 ns a byte; `bytearray(n)` of a block
 * reused from a freed one 0.009-0.015 ns (n 30 KB-2 MB, in cache). Only writes that span pages are
 * charged (Kernel.touch): a write inside one page is part of the object set-up charged per call
 * (python/runtime/cwork.ts).
 */
export const WRITE_BYTE_NS = 0.024;
