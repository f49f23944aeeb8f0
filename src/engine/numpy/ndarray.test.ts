import { describe, expect, it } from 'vitest';
import { sliceNew } from '../python/objects/slice';
import { fromLong } from '../python/objects/int';
import { EventKind } from '../trace/events';
import { FLOAT64, INT32, UINT8 } from './dtypes';
import { numpyProcess } from './testing';

describe('ndarray objects (PyArray_NewFromDescr_int / array_dealloc, numpy 1.24.2)', () => {
  it('is a 96-byte pymalloc block, a 16·nd-byte dims block and nbytes of data', () => {
    const { p, np } = numpyProcess();
    const A = np.arrays;
    const h = A.newArray(FLOAT64, [30, 40, 5]);
    const st = A.state(h);
    expect(p.pymalloc.blockSize(p.vm.table.addr[h])).toBe(96);
    expect(p.libc.usableSize(st.dims)).toBeGreaterThanOrEqual(48);
    expect(p.libc.usableSize(st.data)).toBeGreaterThanOrEqual(30 * 40 * 5 * 8);
    expect(st.strides).toEqual([1600, 40, 8]);
    expect(A.sizeof(h)).toBe(96 + 48 + 48000);
    expect(p.vm.isGcType(p.vm.table.type[h])).toBe(false);
    p.vm.decref(h);
  });

  it('sys.getsizeof: 112 for empty(0), 192 for empty(10), 112 for a view', () => {
    const { np } = numpyProcess();
    const A = np.arrays;
    const e0 = A.newArray(FLOAT64, [0]);
    const e10 = A.newArray(FLOAT64, [10]);
    const v = np.views.view(e10);
    expect([A.sizeof(e0), A.sizeof(e10), A.sizeof(v)]).toEqual([112, 192, 112]);
  });

  it('takes nbytes 0 as 1 and gives 0-d arrays no dims block', () => {
    const { p, np } = numpyProcess();
    const calls: number[] = [];
    p.libc.sink = { record: (k, _a, size) => k === EventKind.Malloc && calls.push(size) };
    const z = np.arrays.newArray(UINT8, [0, 7]);
    const s = np.arrays.newArray(INT32, []);
    expect(np.arrays.state(s).dims).toBe(0);
    expect(np.arrays.state(z).strides).toEqual([0, 0]);
    expect(calls).not.toContain(0);
    // after the import the caches hold a 1-byte and a 4-byte data block and one 4-intp dims block
    expect(calls).toEqual([]);
  });

  it('a view shares the data and keeps its owner alive; the base chain collapses to the owner', () => {
    const { p, np } = numpyProcess();
    const A = np.arrays;
    const vm = p.vm;
    const before = p.kernel.anonMmapBytes;
    const a = A.newArray(FLOAT64, [10_000_000]);
    const mapped = p.kernel.anonMmapBytes;
    expect(mapped - before).toBe(80_003_072); // glibc: ALIGN_UP(80,000,016 + 8, 4096)
    const key = sliceNew(vm, fromLong(vm, 0), fromLong(vm, 10), fromLong(vm, 2));
    const v = np.views.subscript(a, key);
    vm.decref(key);
    const w = np.views.view(v);
    expect(A.state(v).data).toBe(A.state(a).data);
    expect(A.state(w).base).toBe(a);
    vm.decref(a);
    vm.decref(v);
    expect(p.kernel.anonMmapBytes).toBe(mapped);
    vm.decref(w); // the last reference: the 80 MB mapping goes
    expect(p.kernel.anonMmapBytes).toBe(before);
  });

  it('array_dealloc order: base first (its data, dims, object), then the view’s dims and object', () => {
    const { p, np } = numpyProcess();
    const A = np.arrays;
    const a = A.newArray(FLOAT64, [1_000_000]);
    const v = np.views.view(a);
    const ptr = {
      aObj: p.vm.table.addr[a],
      aData: A.state(a).data,
      aDims: A.state(a).dims,
      vObj: p.vm.table.addr[v],
      vDims: A.state(v).dims,
    };
    p.vm.decref(a);
    const order: string[] = [];
    const name = (addr: number): string => Object.entries(ptr).find(([, x]) => x === addr)?.[0] ?? '?';
    p.pymalloc.sink = { record: (k, addr) => k === EventKind.PyFree && order.push(name(addr)) };
    p.libc.sink = { record: (k, addr) => k === EventKind.Free && order.push(name(addr)) };
    // the dims blocks go to NumPy's dim cache (no call); the data is munmapped; objects to pymalloc
    p.vm.decref(v);
    expect(order).toEqual(['aData', 'aObj', 'vObj']);
    expect(np.alloc.dimcache[2].slice(-2)).toEqual([ptr.aDims, ptr.vDims]);
  });
});
