import { describe, expect, it } from 'vitest';
import { GlibcMalloc } from '../../glibc/malloc';
import { Kernel } from '../../kernel/kernel';
import { explainStep, sentenceText, summarize } from '../index';

const text = (kernel: Kernel, glibc: GlibcMalloc, before: ReturnType<typeof summarize>): string[] =>
  explainStep({ kernel, libc: glibc, arenas: null, before, events: null })
    .filter((s) => s.id.startsWith('thread-'))
    .map(sentenceText);

describe('explain: threads as causes (glibc arenas and tcaches)', () => {
  it("names a live thread's arena and the tcache chunks it keeps until exit, then the free list", () => {
    const kernel = new Kernel();
    const glibc = new GlibcMalloc(kernel);
    glibc.malloc(16); // the main thread first: it owns the main arena
    glibc.setThread(1);
    const ps = Array.from({ length: 20000 }, () => glibc.malloc(800));
    for (const p of ps) kernel.touch(p, 800);
    const before = summarize(kernel, glibc);
    for (let i = ps.length - 1; i >= 0; i--) glibc.free(ps[i]);
    const alive = text(kernel, glibc, before);
    expect(alive[0]).toMatch(
      /^thread arena 1 holds [\d.]+ MiB resident in 1 heap \(64 MiB of address space reserved\); 1 thread uses it$/,
    );
    expect(alive[1]).toBe(
      "1 live thread's tcache holds 7 chunks (5,712 B) that glibc counts as in use until the thread exits " +
        '(tcache_thread_shutdown): a cached chunk at the top of a heap keeps heap_trim from shrinking it',
    );
    glibc.threadExit(1);
    const gone = text(kernel, glibc, summarize(kernel, glibc));
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatch(
      /^thread arena 1 holds [\d.]+ KiB resident in 1 heap .*no thread uses it, it waits on the free list/,
    );
  });
});
