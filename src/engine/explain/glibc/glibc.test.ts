import { describe, expect, it } from 'vitest';
import { GlibcMalloc } from '../../glibc/malloc';
import { trimWouldRelease } from '../../glibc/mtrim';
import { Kernel } from '../../kernel/kernel';
import { explainStep, sentenceText, summarize } from '../index';

/** The C replica of the first seed: n × malloc(800), touched, then freed from the last to the first. */
function seedReplica(n: number, tcacheCount?: number): { kernel: Kernel; glibc: GlibcMalloc } {
  const kernel = new Kernel();
  const glibc = new GlibcMalloc(kernel, tcacheCount === undefined ? {} : { tcacheCount });
  const ps: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = glibc.malloc(800);
    kernel.touch(p, 800);
    ps.push(p);
  }
  for (let i = n - 1; i >= 0; i--) glibc.free(ps[i]);
  return { kernel, glibc };
}

describe('explain: glibc', () => {
  it('names the tcache chunk that pins the heap, and what malloc_trim(0) would release', () => {
    const { kernel, glibc } = seedReplica(20000);
    const before = { ...summarize(kernel, glibc), rss: kernel.peakRss };
    const text = explainStep({ kernel, libc: glibc, arenas: null, before, events: null }).map(sentenceText);
    expect(text.join('\n')).toMatch(
      /of the heap is free, but the highest in-use chunk \(816 B, held in tcache\) sits [\d.]+ (MiB|KiB) below the top/,
    );
    expect(text.join('\n')).toMatch(/malloc_trim\(0\) would release/);
  });

  it('estimates malloc_trim(0) exactly (the RSS it drops)', () => {
    for (const [n, tc] of [
      [20000, undefined],
      [5000, 0],
      [300, undefined],
    ] as const) {
      const { kernel, glibc } = seedReplica(n, tc);
      const est = trimWouldRelease(glibc.av);
      const rss = kernel.rss;
      glibc.trim(0);
      expect(est.madvised + est.trimmed).toBe(rss - kernel.rss);
    }
  });

  it('says the heap shrank when free() trimmed it', () => {
    const kernel = new Kernel();
    const glibc = new GlibcMalloc(kernel);
    const ps = Array.from({ length: 200 }, () => glibc.malloc(80000));
    for (const p of ps) kernel.touch(p, 80000);
    const before = summarize(kernel, glibc);
    for (const p of ps) glibc.free(p);
    const ids = explainStep({ kernel, libc: glibc, arenas: null, before, events: null }).map((s) => s.id);
    expect(ids).toContain('heap-shrank');
    expect(ids).toContain('rss-down');
  });
});
