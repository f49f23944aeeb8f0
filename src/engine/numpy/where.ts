import { valueError } from '../python/abstract/errors';
import { parseArgs, type Kw } from './args';
import type { Constructors } from './create';
import { promote } from './dtypes';
import { readBroadcast, writeValues } from './elements';

/**
 * PyArray_Where(condition, x, y): x and y as arrays (a number: a 0-d array), a buffered
 * 4-operand NpyIter (PyObject_Malloc, 976 bytes for 1-d), the result of the promoted dtype;
 * one argument: np.nonzero (a tuple of index arrays).
 */
export function where(C: Constructors, args: number[], kw: Kw, nonzero: (h: number) => number): number {
  const vm = C.arrays.vm;
  const A = C.arrays;
  const [condH, xH, yH] = parseArgs(vm, 'where', ['condition', 'x', 'y'], 1, args, kw);
  if (xH === undefined && yH === undefined) {
    const c = A.isArray(condH!) ? condH! : C.fromList.fromObject(condH!, null, false);
    try {
      return nonzero(c);
    } finally {
      if (c !== condH) vm.decref(c);
    }
  }
  if (xH === undefined || yH === undefined)
    throw valueError(vm, 'either both or neither of x and y should be given');
  const ops = [condH!, xH, yH].map((h) =>
    A.isArray(h) ? { h, temp: false } : { h: C.asArrayOrScalar(h), temp: true },
  );
  try {
    const [c, x, y] = ops.map((o) => o.h);
    let shape: number[] = [];
    for (const h of [c, x, y]) {
      const s = A.shape(h);
      const n = Math.max(shape.length, s.length);
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const p = shape[shape.length - n + i] ?? 1;
        const q = s[s.length - n + i] ?? 1;
        if (p !== q && p !== 1 && q !== 1)
          throw valueError(vm, 'operands could not be broadcast together with shapes');
        out.push(p === 1 ? q : p);
      }
      shape = out;
    }
    const dtype = promote(A.dtype(x), A.dtype(y));
    const iterBytes =
      40 + 32 + 8 * 4 + 16 * 5 + 8 * 4 + 8 + 8 * 26 + 112 * 4 + 96 * Math.max(shape.length, 1);
    const iter = vm.mem.malloc(iterBytes);
    try {
      const r = A.newArray(dtype, shape);
      const cv = readBroadcast(A, c, shape);
      const xv = readBroadcast(A, x, shape);
      const yv = readBroadcast(A, y, shape);
      writeValues(A, r, (k) => (cv[k] ? xv[k] : yv[k]));
      A.writeAll(r);
      return r;
    } finally {
      vm.mem.free(iter);
    }
  } finally {
    for (const o of ops) if (o.temp) vm.decref(o.h);
  }
}
