import { describe, expect, it } from 'vitest';
import debian from '../python/startup/debian-3.11.2.json';
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
});
