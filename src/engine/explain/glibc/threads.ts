import type { GlibcMalloc } from '../../glibc/malloc';
import type { Kernel } from '../../kernel/kernel';
import { bytes as fmtBytes } from '../format';
import type { Sentence } from '../types';

/**
 * Threads as causes (glibc 2.36, arena.c): each thread arena's heaps (64 MiB reservations; only
 * what heap_trim/shrink_heap gave back is not resident), and the live threads' tcaches, which
 * glibc counts as in use and flushes only when the thread exits (tcache_thread_shutdown).
 */
export function explainThreads(g: GlibcMalloc, kernel: Kernel): Sentence[] {
  const out: Sentence[] = [];
  for (const a of g.arenas.all) {
    if (a.index === 0 || a.heapChain.length === 0) continue;
    let resident = 0;
    let reserved = 0;
    for (const h of a.heapChain) {
      resident += kernel.residentBytes(h.addr, h.mprotectSize);
      reserved += 64 * 1024 * 1024;
    }
    const first = a.heapChain[0];
    const n = a.heapChain.length;
    out.push({
      id: 'thread-arena',
      parts: [
        `thread arena ${a.index} holds `,
        { text: fmtBytes(resident), ref: { kind: 'region', start: first.addr, length: first.mprotectSize } },
        ` resident in ${n} heap${n === 1 ? '' : 's'} (${fmtBytes(reserved)} of address space reserved)` +
          (a.attachedThreads > 0
            ? `; ${a.attachedThreads} thread${a.attachedThreads === 1 ? '' : 's'} use${a.attachedThreads === 1 ? 's' : ''} it`
            : ': no thread uses it, it waits on the free list for the next new thread'),
      ],
    });
  }
  const caches = g.threadTcaches().filter((t) => t.chunks > 0);
  if (caches.length > 0) {
    const chunks = caches.reduce((s, t) => s + t.chunks, 0);
    const bytes = caches.reduce((s, t) => s + t.bytes, 0);
    out.push({
      id: 'thread-tcaches',
      parts: [
        `${caches.length} live thread${caches.length === 1 ? "'s tcache holds" : "s' tcaches hold"} ` +
          `${chunks} chunk${chunks === 1 ? '' : 's'} (${fmtBytes(bytes)}) that glibc counts as in use until ` +
          `${caches.length === 1 ? 'the thread exits' : 'the threads exit'} (tcache_thread_shutdown): ` +
          'a cached chunk at the top of a heap keeps heap_trim from shrinking it',
      ],
    });
  }
  return out;
}
