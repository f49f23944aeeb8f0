import { describe, expect, it } from 'vitest';
import type { GlibcMalloc } from '../glibc/malloc';
import { globalBindings, pythonOwnerLookup } from '../python/owners';
import type { PythonProcess } from '../python/process';
import { createProcess, defaultProfile } from '../simulate';
import type { NumpyRuntime } from './module';
import type { ArrayState } from './ndarray';

function run(source: string): { p: PythonProcess; array: (name: string) => { h: number; st: ArrayState } } {
  const p = createProcess({ profile: defaultProfile(source) });
  const n = p.load(source).length;
  for (let i = 0; i < n; i++) p.runStatement(i);
  const array = (name: string) => {
    const h = globalBindings(p).find((b) => b.name === name)!.h;
    return { h, st: (p.vm.typeOf(h).extra as NumpyRuntime).arrays.state(h) };
  };
  return { p, array };
}

describe('NumPy’s owners', () => {
  it('an array’s data buffer and its shape-and-strides block, and the views that keep it', () => {
    const { p, array } = run('import numpy as np\na = np.zeros((1000, 100))\nv = a[::2]\nw = v[1:]\n');
    const a = array('a').st;
    const v = array('v').st;
    const owners = pythonOwnerLookup(p, null)({ pointers: [a.data, a.dims, v.dims], arenas: [] }).owners;
    expect(owners.get(a.data)).toMatchObject({
      what: 'the data buffer of an ndarray of 100,000 float64 (1,000 × 100)',
      object: { kind: 'block', size: 96 },
    });
    // w's base collapses to a (PyArray_SetBaseObject), so both views hold a directly.
    expect(owners.get(a.data)!.holders.map((h) => [h.role, h.text])).toEqual([
      ['name', 'a'],
      ['base', 'the view v'],
      ['base', 'the view w'],
    ]);
    expect(owners.get(a.dims)!.what).toBe(
      'the shape and strides of an ndarray of 100,000 float64 (1,000 × 100)',
    );
    expect(owners.get(v.dims)!.what).toBe('the shape and strides of a view of 50,000 float64 (500 × 100)');
  });

  it('the buffers NumPy’s data cache keeps', () => {
    const { p } = run('import numpy as np\nxs = [np.zeros(10) for _ in range(20)]\ndel xs\n');
    // 80-byte buffers: 7 of the 20 go back to the cache, the rest to free().
    const lookup = pythonOwnerLookup(p, null);
    const heap: number[] = [];
    for (const [chunk] of (p.libc as GlibcMalloc).mp.mmapped) heap.push(chunk + 16);
    const st = (p.libc as GlibcMalloc).av.store;
    for (let c = (p.libc as GlibcMalloc).av.top; c >= 0; c = st.prevPhys[c])
      heap.push((p.libc as GlibcMalloc).av.heapStart + st.gran[c] * 16 + 16);
    const owners = lookup({ pointers: heap, arenas: [] }).owners;
    const cached = [...owners.values()].filter(
      (o) => o.what.startsWith("NumPy's data cache") && o.what.includes('of 80 B'),
    );
    expect(cached).toHaveLength(7);
    expect(cached[0].what).toBe("NumPy's data cache (7 buffers of 80 B)");
    expect(cached[0].kept).toMatch(/NumPy keeps up to 7 freed buffers/);
  });
});
