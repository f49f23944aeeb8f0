import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromDouble } from '../python/objects/float';
import { sliceNew } from '../python/objects/slice';
import { fromLong } from '../python/objects/int';
import { strNew } from '../python/objects/str';
import { tupleFromItems } from '../python/objects/tuple';
import { FLOAT64, INT64 } from './dtypes';
import { bufferNever, iteratorBytes } from './nditer';
import { glibcCalls, numpyProcess } from './testing';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('ufunc machinery (ufunc_object.c, nditer_constr.c, temp_elide.c; numpy 1.24.2)', () => {
  it('sizes the buffered iterator as NIT_SIZEOF_ITERATOR: 776 bytes for 1-d, 856 for 2-d (measured)', () => {
    expect(iteratorBytes(1, 3)).toBe(776);
    expect(iteratorBytes(2, 3)).toBe(856);
  });

  it('buffers an operand whose strides do not chain over the broadcast shape', () => {
    expect(bufferNever([30, 100], [800, 8], [30, 100])).toBe(true);
    expect(bufferNever([100], [8], [30, 100])).toBe(false); // broadcast along axis 0
    expect(bufferNever([], [], [30, 100])).toBe(false);
    expect(bufferNever([5], [16], [5])).toBe(true); // 1-d loops never buffer an uncast operand
  });

  it('elides a large temporary: `a * 2 + 1` allocates one result, `a + 1` on a small one two', () => {
    const sizes = new Map<number, number>();
    const { p, np } = numpyProcess(sizes);
    const vm = p.vm;
    const a = np.arrays.newArray(FLOAT64, [1_000_000]);
    vm.incref(a); // a named variable: refcount 2
    const two = fromLong(vm, 2);
    const one = fromLong(vm, 1);
    const seq = glibcCalls(
      p,
      () => {
        const t = np.ufuncs.binop('multiply', a, two, false);
        const r = np.ufuncs.binop('add', t, one, false);
        expect(r).toBe(t);
        vm.decref(t);
      },
      sizes,
    );
    // the temporary's mmap, then the first backtrace()'s dlopen: 56 bytes kept, and ld.so's
    // 40-byte scope array from the import freed
    expect(seq).toEqual(['m8000000', 'm56', 'f40']);
    const s = np.arrays.newArray(FLOAT64, [1000]);
    const seq2 = glibcCalls(p, () => {
      const t = np.ufuncs.binop('multiply', s, two, false);
      const r = np.ufuncs.binop('add', t, one, false);
      expect(r).not.toBe(t);
      vm.decref(t);
    });
    expect(seq2).toEqual(['m8000', 'm8000', 'f8000']); // t, the result, t freed
  });

  it('does not elide when the other operand is not safely castable (int64 temp + 1.5)', () => {
    const { p, np } = numpyProcess();
    const vm = p.vm;
    const t = np.arrays.newArray(INT64, [100_000]);
    const r = np.ufuncs.binop('add', t, fromDouble(vm, 1.5), false);
    expect(r).not.toBe(t);
    expect(np.arrays.state(r).dtype).toBe(FLOAT64);
  });

  it('in-place operators allocate as the real ones do (fixtures/np_inplace, recorded under the shim)', () => {
    const real = JSON.parse(readFileSync(join(fixtures, 'np_inplace.glibc.json'), 'utf8'))
      .statements as string[][];
    const sizes = new Map<number, number>();
    const { p, np } = numpyProcess(sizes);
    const vm = p.vm;
    const C = np.ctors;
    const kw = new Map<string, number>();
    const run = (fn: () => void) => glibcCalls(p, fn, sizes);
    let a = 0;
    let b = 0;
    let c = 0;
    const inplace = (x: number, op: string, v: number) =>
      vm.decref(
        np.ufuncs.binop(
          ({ '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'true_divide' } as const)[op as '+'],
          x,
          v,
          true,
        ),
      );
    const got = [
      run(() => (a = C.ones([fromLong(vm, 1_000_000)], kw))),
      run(() => inplace(a, '+', fromLong(vm, 1))),
      run(() => inplace(a, '*', fromDouble(vm, 2.5))),
      run(() => (b = C.arange([fromLong(vm, 1_000_000)], kw))),
      run(() => inplace(b, '+', fromLong(vm, 1))),
      run(() => inplace(b, '-', fromLong(vm, 7))),
      run(() => (c = C.zeros([fromLong(vm, 10)], new Map([['dtype', strNew(vm, 'uint8')]])))),
      run(() => inplace(c, '+', fromLong(vm, 3))),
      run(() => inplace(a, '/', fromLong(vm, 2))),
      run(() => [a, b, c].forEach((h) => vm.decref(h))),
    ];
    expect(got).toEqual(real);
    expect(() => np.ufuncs.binop('add', np.arrays.newArray(INT64, [3]), fromDouble(vm, 1.5), true)).toThrow(
      /same_kind/,
    );
  });
});

describe('unary operators (number.c array_negative / array_positive / array_absolute)', () => {
  it('allocate as the real ones do (fixtures/np_unary, recorded under the shim)', () => {
    const real = JSON.parse(readFileSync(join(fixtures, 'np_unary.glibc.json'), 'utf8'))
      .statements as string[][];
    const sizes = new Map<number, number>();
    const { p, np } = numpyProcess(sizes);
    const vm = p.vm;
    const kw = new Map<string, number>();
    const run = (fn: () => void) => glibcCalls(p, fn, sizes);
    const slice = (step: number) => sliceNew(vm, vm.s.None, vm.s.None, fromLong(vm, step));
    const h: Record<string, number> = {};
    /** LOAD_NAME: the operand has a second reference while the operator runs. */
    const loaded = (x: number, fn: () => number): number => {
      vm.incref(x);
      const r = fn();
      vm.decref(x);
      return r;
    };
    const got = [
      run(() => (h.a = np.ctors.ones([fromLong(vm, 1_000_000)], kw))),
      run(() => (h.b = loaded(h.a, () => np.ufuncs.unary('negative', h.a)))),
      run(() => {
        const t = loaded(h.a, () => np.ufuncs.binop('multiply', h.a, fromLong(vm, 2), false));
        h.c = np.ufuncs.unary('negative', t);
        vm.decref(t);
      }),
      run(() => (h.m = np.ctors.ones([tupleFromItems(vm, [fromLong(vm, 100), fromLong(vm, 100)])], kw))),
      run(() => {
        const v = np.views.subscript(h.m, tupleFromItems(vm, [slice(2), slice(2)]));
        h.d = np.ufuncs.unary('negative', v);
        vm.decref(v);
      }),
      run(() => {
        const v = np.views.subscript(h.m, slice(2));
        h.e = np.ufuncs.unary('absolute', v);
        vm.decref(v);
      }),
      run(() => (h.f = loaded(h.a, () => np.ufuncs.unary('positive', h.a)))),
      run(() => ['a', 'b', 'c', 'm', 'd', 'e', 'f'].forEach((k) => vm.decref(h[k]))),
    ];
    expect(got).toEqual(real);
  });
});
