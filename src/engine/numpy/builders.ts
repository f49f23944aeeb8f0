import { valueError } from '../python/abstract/errors';
import { NotSupported, PyError } from '../python/errors';
import { fromLong } from '../python/objects/int';
import { strValue } from '../python/objects/str';
import { T, type Kwargs } from '../python/objects/types';
import { rawMalloc } from './alloc';
import { intArg, isNone, parseArgs, sequenceItems } from './args';
import { AF } from './arrayTable';
import { INT64, promote } from './dtypes';
import { readBroadcast, requireValues, writeValues } from './elements';
import type { NumpyRuntime } from './module';

/** sizeof(PyArrayIterObject) (PyArray_IterNew: PyArray_malloc), as sort.ts measured it. */
const ITER_OBJECT_BYTES = 2632;

/** NumPy's LT for sorting and searching: NaN sorts after every number. */
const lessThan = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/**
 * np.tile (shape_base.py), np.diag (twodim_base.py) and np.searchsorted (PyArray_SearchSorted)
 * of 1.24.2, through the primitives their code uses.
 */
export class Builders {
  constructor(readonly rt: NumpyRuntime) {}

  private get vm() {
    return this.rt.vm;
  }

  /**
   * tile(A, reps): c = array(A, copy=False, ndmin=d) (a view with leading 1s when d > ndim); for
   * each axis with a count other than 1, c = c.reshape(-1, n).repeat(nrep, 0); then
   * c.reshape(shape_out). All counts 1 on an array: array(A, copy=True, ndmin=d).
   */
  tile(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const V = this.rt.views;
    const [aH, repsH] = parseArgs(vm, 'tile', ['A', 'reps'], 2, args, kw);
    const items = sequenceItems(vm, repsH!);
    let tup = (items ?? [repsH!]).map((h) => intArg(vm, h, 'reps'));
    const d = tup.length;
    const given = A.isArray(aH!);
    let c = given ? (vm.incref(aH!), aH!) : this.rt.ctors.asArrayOrScalar(aH!);
    try {
      const allOnes = tup.every((x) => x === 1);
      if (allOnes && given) {
        const copy = V.copy(c, 'K');
        vm.decref(c);
        c = copy;
      }
      if (d > A.nd(c)) {
        // PyArray_CheckFromAny's ndmin: a view with ones prepended to the shape
        const shape = [...new Array<number>(d - A.nd(c)).fill(1), ...A.shape(c)];
        const strides = [...new Array<number>(d - A.nd(c)).fill(0), ...A.strides(c)];
        const v = A.newArray(A.dtype(c), shape, { view: { data: A.data(c), base: c, strides } });
        vm.decref(c);
        c = v;
      }
      if (allOnes && given) {
        const out = c;
        c = 0;
        return out;
      }
      if (d < A.nd(c)) tup = [...new Array<number>(A.nd(c) - d).fill(1), ...tup];
      if (tup.some((x) => x < 0)) throw valueError(vm, 'negative dimensions are not allowed');
      const inShape = A.shape(c);
      const shapeOut = inShape.map((s, i) => s * tup[i]);
      let n = A.size(c);
      if (n > 0) {
        for (let i = 0; i < inShape.length; i++) {
          if (tup[i] !== 1) {
            const r = V.newshape(c, [-1, n]);
            const count = fromLong(vm, tup[i]);
            const axis = fromLong(vm, 0);
            let next: number;
            try {
              next = this.rt.shapes.repeat(r, count, axis);
            } finally {
              vm.decref(axis);
              vm.decref(count);
              vm.decref(r);
            }
            vm.decref(c);
            c = next;
          }
          n = Math.floor(n / inShape[i]);
        }
      }
      return V.newshape(c, shapeOut);
    } finally {
      if (c) vm.decref(c);
    }
  }

  /**
   * diag(v, k=0): a 2-d v gives diagonal(v, k), a read-only view (1.24); a 1-d v gives
   * res = zeros((n, n)) and res[:n-k].flat[i::n+1] = v (a view, the flat iterator, an iterator
   * over v; the diagonal written).
   */
  diag(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [vH, kH] = parseArgs(vm, 'diag', ['v', 'k'], 1, args, kw);
    const k = isNone(vm, kH) ? 0 : intArg(vm, kH!, 'k');
    const v = A.isArray(vH!) ? (vm.incref(vH!), vH!) : this.rt.ctors.asArrayOrScalar(vH!);
    try {
      const s = A.shape(v);
      const st = A.strides(v);
      const d = A.dtype(v);
      if (s.length === 2) {
        // PyArray_Diagonal: offset k along the columns (k < 0: down the rows)
        const len = Math.max(0, k >= 0 ? Math.min(s[0], s[1] - k) : Math.min(s[0] + k, s[1]));
        const start = len === 0 ? 0 : k >= 0 ? k * st[1] : -k * st[0];
        const view = A.newArray(d, [len], {
          view: { data: A.data(v) + start, base: v, strides: [st[0] + st[1]] },
        });
        A.t.flags[A.slot(view)] &= ~AF.Writeable;
        return view;
      }
      if (s.length !== 1) throw valueError(vm, 'Input must be 1- or 2-d.');
      requireValues(A, v, 'np.diag');
      const n = s[0] + Math.abs(k);
      const res = A.newArray(d, [n, n], { zeroed: true });
      try {
        const rows = Math.min(n, n - k);
        const view = A.newArray(d, [rows, n], { view: { data: A.data(res), base: res } });
        const libc = A.alloc.libc;
        const iterObject = (): number => {
          const p = rawMalloc(libc, ITER_OBJECT_BYTES);
          if (p === 0) throw new PyError('MemoryError', '');
          vm.mem.touch(p, 64);
          return p;
        };
        const flat = iterObject();
        libc.free(iterObject());
        const start = k >= 0 ? k : -k * n;
        const vals = readBroadcast(A, v, s);
        writeValues(A, res, (idx) =>
          idx >= start && (idx - start) % (n + 1) === 0 ? vals[(idx - start) / (n + 1)] : 0,
        );
        for (let idx = start; idx < n * n; idx += n + 1)
          A.alloc.write(A.data(res) + idx * d.itemsize, d.itemsize);
        vm.decref(view);
        libc.free(flat);
        return res;
      } catch (e) {
        vm.decref(res);
        throw e;
      }
    } finally {
      vm.decref(v);
    }
  }

  /**
   * searchsorted(a, v, side='left', sorter=None) (PyArray_SearchSorted): v as an array of a's
   * dtype (a 0-d array for a number), the intp result of v's shape, a binary search per value
   * (NaN sorts last), v's array dropped, a 0-d result made a scalar.
   */
  searchsorted(a: number, vH: number, sideH: number | undefined, sorterH: number | undefined): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    if (!isNone(vm, sorterH)) throw new NotSupported('np.searchsorted with sorter=');
    let right = false;
    if (!isNone(vm, sideH)) {
      const side = vm.table.type[sideH!] === T.Str ? strValue(vm, sideH!) : '';
      if (side.startsWith('r') || side.startsWith('R')) right = true;
      else if (!(side.startsWith('l') || side.startsWith('L')))
        throw valueError(vm, `search side must be 'left' or 'right' (got '${side}')`);
    }
    if (A.nd(a) !== 1) throw valueError(vm, 'object too deep for desired array');
    const da = A.dtype(a);
    if (da.kind === 'O') throw new NotSupported('np.searchsorted on an object array');
    // PyArray_CheckFromAny(v, common dtype): a number becomes a 0-d array of it directly
    const t = vm.table.type[vH];
    const C = this.rt.ctors;
    const widen = (d: typeof da): void => {
      if (promote(da, d) !== da)
        throw new NotSupported(`np.searchsorted of ${d.name} values in a ${da.name} array (both converted)`);
    };
    let v: number;
    if (t === T.Int || t === T.Float || t === T.Bool) {
      const n = C.numberArg(vH, 'a searchsorted value');
      widen(n.d);
      v = C.zeroD(da, n.v);
    } else {
      const x = A.isArray(vH) ? (vm.incref(vH), vH) : C.asArrayOrScalar(vH);
      if (A.dtype(x) === da) v = x;
      else {
        try {
          widen(A.dtype(x));
        } catch (e) {
          vm.decref(x);
          throw e;
        }
        v = A.newArray(da, A.shape(x));
        const xs = readBroadcast(A, x, A.shape(x));
        writeValues(A, v, (i) => xs[i]);
        A.writeAll(v);
        vm.decref(x);
      }
    }
    let r: number;
    try {
      requireValues(A, a, 'np.searchsorted');
      requireValues(A, v, 'np.searchsorted');
      const hay = readBroadcast(A, a, A.shape(a));
      const keys = readBroadcast(A, v, A.shape(v));
      r = A.newArray(INT64, A.shape(v));
      A.writeAll(r);
      writeValues(A, r, (i) => {
        const key = keys[i];
        let lo = 0;
        let hi = hay.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          const goRight = right ? !lessThan(key, hay[mid]) : lessThan(hay[mid], key);
          if (goRight) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      });
    } finally {
      vm.decref(v);
    }
    return A.nd(r) === 0 ? this.rt.ufuncs.reductionsScalar(r) : r;
  }
}
