import { valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { floatRepr } from '../python/objects/float';
import { tupleFromItems } from '../python/objects/tuple';
import { T, type Kwargs } from '../python/objects/types';
import { boolArg, intArg, isNone, parseArgs, sequenceItems } from './args';
import { BOOL, FLOAT64, INT64, type DType } from './dtypes';
import { readBroadcast, requireValues, writeValues } from './elements';
import type { NumpyRuntime } from './module';

/** histograms.py's _range / bincount block: 65,536 items per round. */
const BLOCK = 65536;

const lt = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/**
 * np.histogram(a, bins=10, range=None, density=None, weights=None) as histograms.py (NumPy
 * 1.24) runs it. Equal bins: the edges by `linspace(first, last, bins + 1)` (float64 for
 * integer data), then per block of 65,536 items: `keep = (tmp >= first) & (tmp <= last)`, the
 * kept copy when some fall outside, `f = (tmp - first) * norm` (norm = bins / (last - first)),
 * `indices = f.astype(intp)` moved down/up by one where the edge comparisons say so, and
 * `np.bincount(indices, weights, minlength=bins)` added into `n`. An array of edges: `sort(a)`
 * and two `searchsorted`s (weights: a stable argsort and the weights' cumsum), `diff`.
 * The temporaries are made and dropped in that order, each of the block's length.
 */
export function histogram(rt: NumpyRuntime, args: number[], kw: Kwargs): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const [aH, binsH, rangeH, densityH, weightsH] = parseArgs(
    vm,
    'histogram',
    ['a', 'bins', 'range', 'density', 'weights'],
    1,
    args,
    kw,
  );
  const drop: number[] = [];
  const hold = (h: number): number => (drop.push(h), h);
  const temp = (d: DType, n: number): void => {
    const t = A.newArray(d, [n]);
    A.writeAll(t);
    vm.decref(t);
  };
  try {
    // _ravel_and_check_weights: asarray(a), asarray(weights), a.ravel()
    const a0 = A.isArray(aH!) ? aH! : hold(rt.fromList.fromObject(aH!, null, false));
    const a = hold(rt.views.ravel(a0));
    if (A.dtype(a).kind === 'O' || (A.dtype(a).itemsize < 8 && A.dtype(a).kind === 'f'))
      throw new NotSupported(`np.histogram of ${A.dtype(a).name} data`);
    requireValues(A, a, 'np.histogram');
    const N = A.size(a);
    const vals = readBroadcast(A, a, [N]);
    let w: Float64Array | null = null;
    let wDtype: DType = INT64;
    if (!isNone(vm, weightsH)) {
      const w0 = A.isArray(weightsH!) ? weightsH! : hold(rt.fromList.fromObject(weightsH!, null, false));
      if (A.shape(w0).join() !== A.shape(a0).join())
        throw valueError(vm, 'weights should have the same shape as a.');
      const wr = hold(rt.views.ravel(w0));
      requireValues(A, wr, 'np.histogram');
      w = readBroadcast(A, wr, [N]);
      wDtype = A.dtype(wr);
      if (wDtype.kind === 'b') wDtype = INT64;
    }
    let edges: Float64Array;
    let edgesDtype: DType;
    let counts: Float64Array;
    let nH = 0;
    let edgesH = 0;
    const bins = binsH ?? 0;
    if (!isNone(vm, binsH) && vm.table.type[bins] === T.Str)
      throw new NotSupported('np.histogram with a bin estimator (bins as a string)');
    if (isNone(vm, binsH) || vm.table.type[bins] === T.Int) {
      const nb = isNone(vm, binsH) ? 10 : intArg(vm, bins, 'bins');
      if (nb < 1) throw valueError(vm, '`bins` must be positive, when an integer');
      // _get_outer_edges
      let first: number;
      let last: number;
      if (!isNone(vm, rangeH)) {
        const r = sequenceItems(vm, rangeH!);
        if (r === null || r.length !== 2) throw new NotSupported('np.histogram range that is not a pair');
        first = rt.ctors.numberArg(r[0], 'range').v;
        last = rt.ctors.numberArg(r[1], 'range').v;
        if (first > last) throw valueError(vm, 'max must be larger than min in range parameter.');
        if (!Number.isFinite(first) || !Number.isFinite(last))
          throw valueError(
            vm,
            'supplied range of [%s, %s] is not finite',
            text(r[0], first),
            text(r[1], last),
          );
      } else if (N === 0) {
        first = 0;
        last = 1;
      } else {
        first = Infinity;
        last = -Infinity;
        let nan = false;
        for (const x of vals) {
          if (x !== x) nan = true;
          else {
            if (x < first) first = x;
            if (x > last) last = x;
          }
        }
        // a.min() / a.max(): two reductions (their scalars)
        if (nan) first = last = NaN;
        if (!Number.isFinite(first) || !Number.isFinite(last))
          throw valueError(vm, 'autodetected range of [%s, %s] is not finite', num(first), num(last));
      }
      if (first === last) {
        first -= 0.5;
        last += 0.5;
      }
      edgesDtype = FLOAT64;
      edges = new Float64Array(nb + 1);
      const step = (last - first) / nb;
      for (let i = 0; i <= nb; i++)
        edges[i] = step === 0 ? (i / nb) * (last - first) + first : i * step + first;
      edges[nb] = last;
      edgesH = hold(A.newArray(FLOAT64, [nb + 1]));
      writeValues(A, edgesH, (k) => edges[k]);
      A.writeAll(edgesH);
      counts = new Float64Array(nb);
      const nArr = (nH = hold(A.newArray(w ? wDtype : INT64, [nb])));
      A.writeAll(nArr);
      const norm = nb / (last - first);
      const locals = new Map<string, number>();
      try {
        for (let i = 0; i < N; i += BLOCK) {
          const end = Math.min(N, i + BLOCK);
          const len = end - i;
          // the loop's locals (tmp_a, keep, f_indices, indices, decrement, increment) live until
          // the next block rebinds them: a new value is made before the old one is dropped
          const make = (d: DType, n: number): number => {
            const t = A.newArray(d, [n]);
            A.writeAll(t);
            return t;
          };
          const bind = (name: string, h: number): void => {
            const old = locals.get(name);
            locals.set(name, h);
            if (old !== undefined) vm.decref(old);
          };
          bind(
            'tmp_a',
            A.newArray(A.dtype(a), [len], { view: { data: A.data(a) + i * A.dtype(a).itemsize, base: a } }),
          );
          // keep = (tmp_a >= first_edge) & (tmp_a <= last_edge)
          const ge = make(BOOL, len);
          const le = make(BOOL, len);
          const both = make(BOOL, len);
          vm.decref(le);
          vm.decref(ge);
          bind('keep', both);
          let kept = 0;
          for (let k = i; k < end; k++) if (vals[k] >= first && vals[k] <= last) kept++;
          if (kept !== len) bind('tmp_a', make(A.dtype(a), kept));
          if (A.dtype(a) !== FLOAT64) bind('tmp_a', make(FLOAT64, kept));
          // f_indices = (tmp_a - first_edge) * norm (the product elided into the difference's buffer
          // from 256 KiB on, as temporary elision does)
          const diff = make(FLOAT64, kept);
          if (kept * 8 >= 256 * 1024) bind('f_indices', diff);
          else {
            bind('f_indices', make(FLOAT64, kept));
            vm.decref(diff);
          }
          bind('indices', make(INT64, kept));
          temp(BOOL, kept); // indices == n_equal_bins
          // decrement = tmp_a < bin_edges[indices]
          const gathered = make(FLOAT64, kept);
          const dec = make(BOOL, kept);
          vm.decref(gathered);
          bind('decrement', dec);
          // increment = (tmp_a >= bin_edges[indices + 1]) & (indices != n_equal_bins - 1)
          const plus = make(INT64, kept);
          const gathered2 = make(FLOAT64, kept);
          vm.decref(plus);
          const ge2 = make(BOOL, kept);
          vm.decref(gathered2);
          const ne = make(BOOL, kept);
          const inc = make(BOOL, kept);
          vm.decref(ne);
          vm.decref(ge2);
          bind('increment', inc);
          temp(w ? FLOAT64 : INT64, nb);
          for (let k = i; k < end; k++) {
            const x = vals[k];
            if (!(x >= first && x <= last)) continue;
            let idx = Math.trunc((x - first) * norm);
            if (idx === nb) idx -= 1;
            if (x < edges[idx]) idx -= 1;
            if (x >= edges[idx + 1] && idx !== nb - 1) idx += 1;
            counts[idx] += w ? w[k] : 1;
          }
        }
      } finally {
        // the frame's locals, at return (after the result is made: dropped with `drop` below)
        for (const h of locals.values()) drop.push(h);
      }
      writeValues(A, nArr, (k) => counts[k]);
    } else {
      const e = A.isArray(bins) ? bins : hold(rt.fromList.fromObject(bins, null, false));
      if (A.nd(e) !== 1) throw valueError(vm, '`bins` must be 1d, when an array');
      edgesDtype = A.dtype(e);
      edges = readBroadcast(A, e, [A.size(e)]);
      for (let i = 0; i + 1 < edges.length; i++)
        if (edges[i] > edges[i + 1])
          throw valueError(vm, '`bins` must increase monotonically, when an array');
      edgesH = e;
      const nb = Math.max(edges.length - 1, 0);
      // per block of 65,536: sa = np.sort(a[i:i+BLOCK]) (with weights: argsort, sa and sw by
      // it, cw = concatenate((zero, sw.cumsum()))), the inclusive searchsorted of the edges,
      // cum_n += …; then n = np.diff(cum_n)
      const cum = new Float64Array(nb + 1);
      const cumH = hold(A.newArray(w ? wDtype : INT64, [nb + 1]));
      A.writeAll(cumH);
      // bisect: the number of block items below x (right: not above x)
      const count = (sa: number[], x: number, right: boolean): number => {
        let lo = 0;
        let hi = sa.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (right ? !lt(x, vals[sa[mid]]) : lt(vals[sa[mid]], x)) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      for (let i = 0; i < N; i += BLOCK) {
        const end = Math.min(N, i + BLOCK);
        const len = end - i;
        const sa = Array.from({ length: len }, (_, k) => i + k).sort((p, q) =>
          lt(vals[p], vals[q]) ? -1 : lt(vals[q], vals[p]) ? 1 : p - q,
        );
        temp(w ? INT64 : A.dtype(a), len);
        let cw: Float64Array | null = null;
        if (w) {
          temp(A.dtype(a), len);
          temp(FLOAT64, len);
          temp(FLOAT64, len);
          cw = new Float64Array(len + 1);
          for (let k = 0; k < len; k++) cw[k + 1] = cw[k] + w[sa[k]];
          temp(FLOAT64, len + 1);
        }
        for (let e = 0; e <= nb; e++) {
          const at = count(sa, edges[e], e === nb);
          cum[e] += cw ? cw[at] : at;
        }
        temp(INT64, nb + 1);
      }
      counts = new Float64Array(nb);
      for (let k = 0; k < nb; k++) counts[k] = cum[k + 1] - cum[k];
      nH = hold(A.newArray(w ? wDtype : INT64, [nb]));
      writeValues(A, nH, (k) => counts[k]);
      A.writeAll(nH);
    }
    let result: number;
    const nb = counts.length;
    if (boolArg(vm, densityH, false)) {
      const total = counts.reduce((s, x) => s + x, 0);
      temp(edgesDtype.kind === 'f' ? edgesDtype : FLOAT64, nb);
      temp(FLOAT64, nb);
      result = A.newArray(FLOAT64, [nb]);
      writeValues(A, result, (k) => counts[k] / (edges[k + 1] - edges[k]) / total);
      A.writeAll(result);
    } else {
      result = nH;
      vm.incref(nH);
    }
    vm.incref(edgesH);
    return tupleFromItems(vm, [result, edgesH]);
  } finally {
    for (const h of drop.reverse()) vm.decref(h);
  }

  function num(x: number): string {
    return floatRepr(x);
  }

  /** str() of a range bound: an int prints as an int. */
  function text(h: number, x: number): string {
    return vm.table.type[h] === T.Int || vm.table.type[h] === T.Bool ? String(x) : floatRepr(x);
  }
}
