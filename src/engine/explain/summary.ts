import type { Kernel } from '../kernel/kernel';
import type { LibcModel } from '../libc/libc';

/** The few numbers of the previous position the sentences compare against. */
export interface StepSummary {
  rss: number;
  heapSize: number;
  /** The C library's own counters (LibcModel.stats), by name: 'mp_.mmap_threshold', … */
  libc: Record<string, number>;
}

export function summarize(kernel: Kernel, libc: LibcModel): StepSummary {
  const stats: Record<string, number> = {};
  for (const s of libc.stats()) stats[s.name] = s.value;
  return { rss: kernel.rss, heapSize: kernel.brk - kernel.heapStart, libc: stats };
}
