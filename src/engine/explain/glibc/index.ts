import { GlibcMalloc } from '../../glibc/malloc';
import type { LibcExplainer } from '../libcExplainer';
import { explainHeap, heapPinPointers } from './heap';
import { explainMmaps, mmapPointers } from './mmaps';
import { explainThreads } from './threads';

/**
 * glibc's reasons, read from its own state (the one place outside glibc/ that may): why the brk
 * heap cannot shrink (the highest chunk in use, tcache pinning, what malloc_trim would give back),
 * and what its mmapped chunks did.
 */
export const glibcExplainer: LibcExplainer = {
  pointers(libc) {
    if (!(libc instanceof GlibcMalloc)) return [];
    return [...heapPinPointers(libc), ...mmapPointers(libc)];
  },
  heap(input, trimCalled, answer) {
    const g = input.libc;
    if (!(g instanceof GlibcMalloc)) return [];
    const b = input.before?.libc;
    const thresholds =
      b && b['mp_.mmap_threshold'] !== undefined && b['mp_.trim_threshold'] !== undefined
        ? { mmap: b['mp_.mmap_threshold'], trim: b['mp_.trim_threshold'] }
        : null;
    return [
      ...explainHeap(
        g,
        input.kernel,
        input.before ? input.before.heapSize : null,
        trimCalled,
        answer,
        thresholds,
        input.events,
      ),
      ...explainThreads(g, input.kernel),
    ];
  },
  mappings(input, answer) {
    const g = input.libc;
    if (!(g instanceof GlibcMalloc)) return [];
    return explainMmaps(g, input.kernel, input.before, input.events, answer);
  },
};
