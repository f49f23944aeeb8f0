/**
 * The pages glibc itself writes, against the real glibc 2.36: with no writes of its own by the
 * program (replay.c without --touch), the heap's resident pages come only from glibc's header,
 * footer and link writes, calloc's clearing and realloc's copies, and what trims and
 * MADV_DONTNEED drop. The real count is the [heap]'s Rss in /proc/self/smaps (mincore would also
 * count pages only read, which map the shared zero page and are not in RSS); the simulator's is
 * the kernel model's resident pages of the heap. They must be equal, page for page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GlibcMalloc } from '../../src/engine/glibc/malloc';
import { Kernel } from '../../src/engine/kernel/kernel';
import { parseTrace, replayTrace } from '../../src/engine/libc/trace';
import { compileReplay, nativeAvailable, runReplayRaw, sharedZeroPage, type Tunables } from './nativeReplay';
import { generateTrace, THREAD_PROFILES } from './traceGen';

function realPages(trace: string, tunables: Tunables, what = 'heap_smaps_rss_pages'): number {
  const r = runReplayRaw(trace, tunables, ['--rss']);
  expect(r.status).toBe(0);
  return Number(new RegExp(`${what} (\\d+)`).exec(r.stderr)?.[1]);
}

function simPages(trace: string, tunables: Tunables): number {
  const kernel = new Kernel();
  replayTrace(parseTrace(trace), new GlibcMalloc(kernel, tunables));
  return kernel.residentBytes(kernel.heapStart, kernel.brk - kernel.heapStart) / 4096;
}

/** The resident pages of every thread heap's read-write part (the PROT_NONE rest is never resident). */
function simThreadHeapPages(trace: string, tunables: Tunables): number {
  const kernel = new Kernel();
  const g = new GlibcMalloc(kernel, tunables);
  replayTrace(parseTrace(trace), g);
  let pages = 0;
  for (const a of g.arenas.all)
    for (const h of a.heapChain) pages += kernel.residentBytes(h.addr, h.mprotectSize) / 4096;
  return pages;
}

/** Grow the heap to 4 MB, free it all (trimmed), then calloc 1 MB from a top that must grow. */
const CALLOC_AFTER_TRIM = [
  ...Array.from({ length: 20 }, (_, i) => `m ${i} 200000`),
  ...Array.from({ length: 20 }, (_, i) => `f ${i}`),
  'c 30 1 1000000',
  'c 31 1 100000',
  'c 32 1000 100',
].join('\n');

// The comparison assumes Linux's shared zero page (a page only read is not resident): on a kernel
// without it (some of these VMs boot with pvm_no_zero_page=1) the real count includes every page glibc
// only read, which is the VM's behaviour, not glibc's, so the file is skipped there.
describe.skipIf(!nativeAvailable() || !sharedZeroPage())(
  "the heap pages glibc's own writes make resident",
  () => {
    beforeAll(() => {
      compileReplay();
    });
    const profiles = ['mixed', 'small', 'large', 'realloc', 'trim', 'mmap', 'fragment'];
    for (const profile of profiles)
      it(`generated '${profile}' traces`, () => {
        for (const seed of [11, 12]) {
          const trace = generateTrace(seed * 31, 15000, profile);
          expect([profile, seed, simPages(trace, {})]).toEqual([profile, seed, realPages(trace, {})]);
        }
      });
    it('calloc from a grown top clears only what was top before (MORECORE_CLEARS = 2 on Linux)', () => {
      const t = { mmapThreshold: 4 << 20 };
      const real = realPages(CALLOC_AFTER_TRIM, t);
      expect(simPages(CALLOC_AFTER_TRIM, t)).toBe(real);
      // The 1 MB calloc did not write its fresh pages: far fewer than its 245 are resident.
      expect(real).toBeLessThan(100);
    });
    for (const profile of THREAD_PROFILES)
      it(`thread heaps of generated '${profile}' traces (heap_info, malloc_state, shrink_heap, heap_trim)`, () => {
        for (const seed of [21, 22]) {
          const trace = generateTrace(seed, 15000, profile);
          const real = realPages(trace, {}, 'thread_heaps_rss_pages');
          expect([profile, seed, simThreadHeapPages(trace, {})]).toEqual([profile, seed, real]);
          expect([seed, simPages(trace, {})]).toEqual([seed, realPages(trace, {})]);
        }
      });
    it('with tcache off and top_pad 0 (more trims, more coalescing)', () => {
      const t = { tcacheCount: 0, topPad: 0, trimThreshold: 65536 };
      const trace = generateTrace(77, 15000, 'fragment') + generateTrace(78, 15000, 'realloc');
      expect(simPages(trace, t)).toBe(realPages(trace, t));
    });
  },
);
