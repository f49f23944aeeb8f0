import { Kernel } from '../kernel/kernel';
import { createLibc, defaultLibcEnv } from './create';
import type { LibcEnvironment } from './env';
import type { GlibcTunables } from './glibcTunables';
import type { Mallinfo2 } from './libc';
import { parseTrace, replayTrace } from './trace';

/** The mallinfo2 fields tools/native/replay.c prints, in its order. */
export const MALLINFO_FIELDS = [
  'arena',
  'ordblks',
  'smblks',
  'hblks',
  'hblkhd',
  'uordblks',
  'fordblks',
  'fsmblks',
  'keepcost',
] as const satisfies readonly (keyof Mallinfo2)[];

/**
 * The report both the simulator and tools/native/replay.c print for a trace: per m/c/r op
 * `heap OFFSET` (from the brk heap's start), `heap A.H OFFSET` (thread arena A, heap H of its
 * chain, from that heap's start), `mmap SIZE` (the size of a block's own mapping) or `null`; then
 * the mallinfo2 fields and `heap_size` (the break minus the heap's start); then per thread arena
 * `thread_arena A system_mem N heaps S0,S1,…`.
 */
export function runMallocTrace(
  text: string,
  tunables: GlibcTunables = {},
  env: LibcEnvironment = defaultLibcEnv(),
): string {
  const trace = parseTrace(text);
  const kernel = new Kernel();
  const libc = createLibc(kernel, { ...env, glibc: { ...env.glibc, ...tunables } });
  const out: string[] = [];
  // Thread arenas are numbered as they first appear in the output (replay.c cannot see creation order).
  const labels = new Map<number, number>();
  replayTrace(trace, libc, (p) => {
    const a = p === 0 ? null : libc.allocationAt(p);
    if (a === null) out.push('null');
    else if (a.kind === 'mapped') out.push(`mmap ${a.size}`);
    else if (a.arena === undefined) out.push(`heap ${p - kernel.heapStart}`);
    else {
      if (!labels.has(a.arena.index)) labels.set(a.arena.index, labels.size + 1);
      out.push(`heap ${labels.get(a.arena.index)}.${a.arena.heap} ${p - a.arena.heapStart}`);
    }
  });
  const mi = libc.mallinfo2();
  for (const f of MALLINFO_FIELDS) out.push(`${f} ${mi[f]}`);
  out.push(`heap_size ${kernel.brk - kernel.heapStart}`);
  const section = labels.size > 0 ? libc.snapshot() : null;
  if (section?.kind === 'glibc') {
    for (const [index, label] of labels) {
      const a = section.arenas.find((x) => x.index === index)!;
      out.push(
        `thread_arena ${label} system_mem ${a.systemMem} heaps ${a.heaps.map((h) => h.size).join(',')}`,
      );
    }
  }
  return out.join('\n') + '\n';
}
