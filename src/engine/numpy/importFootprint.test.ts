import { describe, expect, it } from 'vitest';
import debian from '../python/startup/debian-3.11.2.json';
import debianOff from '../python/startup/3.11.2/debian-3.11.2-pymalloc-off.json';
import { parseLibcEnv } from '../libc/env';
import { PythonProcess } from '../python/process';
import { installNumpy } from './install';

const after = (
  debian as unknown as {
    segments: { verification: { recorder: { mallinfo2: Record<string, number>; heap: number } } }[];
  }
).segments[1];

describe('import numpy: the recorded footprint', () => {
  it('brings glibc to exactly the recorded state after the import (Debian 3.11.2 profile)', () => {
    const p = new PythonProcess({ profile: 'debian-3.11.2' });
    p.load('import numpy as np\n');
    const h = installNumpy(p);
    p.runStatement(0);
    const m = p.measure();
    const want = after.verification.recorder.mallinfo2;
    for (const f of ['arena', 'ordblks', 'hblks', 'hblkhd', 'uordblks', 'fordblks', 'keepcost'] as const)
      expect([f, m.mallinfo2[f]]).toEqual([f, want[f]]);
    expect(m.heap).toBe(after.verification.recorder.heap);
    expect(m.pymalloc.arenas_allocated_current).toBe(8);
    expect(h.importReport!.libraryAnonBytes).toBe(167_936);
    expect(p.vm.free.lists.length).toBe(62);
    // NumPy's caches as the import leaves them
    expect(h.runtime!.alloc.dimcache[2]).toHaveLength(7);
    expect(h.runtime!.alloc.datacache[8]).toHaveLength(3);
    expect(h.runtime!.alloc.datacache[8].every((ptr) => p.libc.usableSize(ptr) >= 8)).toBe(true);
  });

  it('a second import finds the module; other profiles get the same footprint on their own ids', () => {
    const p = new PythonProcess({ profile: 'cpython-3.11.7' });
    p.load('import numpy as np\nimport numpy\n');
    const h = installNumpy(p);
    const heap0 = p.kernel.heapSize;
    p.runStatement(0);
    const ops = p.libc.mallinfo2().uordblks;
    p.runStatement(1);
    expect(p.libc.mallinfo2().uordblks).toBe(ops);
    expect(p.kernel.heapSize - heap0).toBeGreaterThan(4_000_000);
    expect(h.runtime!.alloc.dimcache[2]).toHaveLength(7);
  });

  it('under PYTHONMALLOC=malloc replays the import captured under it: its objects are glibc chunks, no arena', () => {
    // before this capture the import's objects filled 7 pymalloc arenas (anon_mmap +7.56 MiB where the
    // real run adds 0.56) and the heap grew 4.20 MiB where the real one grows 10.95
    const { env } = parseLibcEnv({ PYTHONMALLOC: 'malloc' });
    // captured by the recorder child of before pymain's 9-key __main__ (961cb490): its 2-key globals
    const p = new PythonProcess({ profile: 'debian-3.11.2', env, recorderNamespace: true });
    p.load('import numpy as np\n');
    const h = installNumpy(p);
    const before = p.measure();
    p.runStatement(0);
    const m = p.measure();
    const seg = (
      debianOff as unknown as {
        segments: { verification: { recorder: { mallinfo2: Record<string, number>; heap: number; anon_mmap: number } } }[];
      }
    ).segments;
    const rec = seg[1].verification.recorder;
    for (const f of ['arena', 'ordblks', 'hblks', 'hblkhd'] as const)
      expect([f, m.mallinfo2[f]]).toEqual([f, rec.mallinfo2[f]]);
    // 640 bytes more in use than recorded (13,732,112 against 13,731,472): the simulator's own objects
    // for the import statement, made with malloc on top of the replayed calls, which already hold them
    expect(Math.abs(m.mallinfo2.uordblks - rec.mallinfo2.uordblks)).toBeLessThanOrEqual(1024);
    expect(m.heap).toBe(rec.heap);
    expect(m.anon_mmap - before.anon_mmap).toBe(rec.anon_mmap - seg[0].verification.recorder.anon_mmap);
    expect(m.pymalloc.arenas_allocated_current ?? 0).toBe(0);
    expect(h.importReport!.pymallocBlocks).toBe(0);
    // tools/numpy/cache_ids.py on this capture: the same buckets as with pymalloc, other ids
    const alloc = h.runtime!.alloc;
    expect([1, 2, 4, 8, 16].map((n) => alloc.datacache[n].length)).toEqual([1, 2, 2, 3, 2]);
    expect(alloc.dimcache[2]).toHaveLength(6);
    expect(alloc.dimcache[4]).toHaveLength(1);
    for (const n of [1, 2, 4, 8, 16]) expect(alloc.datacache[n].every((q) => p.libc.usableSize(q) >= n)).toBe(true);
    expect(p.libc.usableSize(h.importReport!.dlScopeBlock)).toBe(40);
  });
});
