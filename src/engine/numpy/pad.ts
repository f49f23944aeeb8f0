import { typeError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { fromLong } from '../python/objects/int';
import { strValue } from '../python/objects/str';
import { T, type Kwargs } from '../python/objects/types';
import { parseArgs } from './args';
import type { DType } from './dtypes';
import { readBroadcast, requireValues, valueAt, writeValues } from './elements';
import type { NumpyRuntime } from './module';
import { cStrides } from './ndarray';

/** arraypad.py's allowed_kwargs (1.24.2): the keyword arguments each mode accepts. */
const ALLOWED_KWARGS: Record<string, readonly string[]> = {
  empty: [],
  edge: [],
  wrap: [],
  constant: ['constant_values'],
  linear_ramp: ['end_values'],
  maximum: ['stat_length'],
  mean: ['stat_length'],
  median: ['stat_length'],
  minimum: ['stat_length'],
  reflect: ['reflect_type'],
  symmetric: ['reflect_type'],
};

/** Where a padded index along one axis reads from in the original axis of length n. */
type AxisMap = (i: number, n: number) => number;

/**
 * The modes whose pad is a copy of original elements: edge clamps; reflect mirrors without
 * repeating the edge (period 2(n−1)), symmetric with it (period 2n), wrap repeats (period n).
 * arraypad.py fills these chunk by chunk (_set_reflect_both, _set_wrap_both), axis after axis;
 * each chunk reads what is already padded, so a pad wider than the axis continues the pattern:
 * measured on 1.24.2, np.pad(np.arange(3), 5, mode='reflect') → [1 0 1 2 1 0 1 2 1 0 1 2 1].
 */
const AXIS_MAPS: Record<string, AxisMap> = {
  edge: (i, n) => Math.min(Math.max(i, 0), n - 1),
  reflect: (i, n) => {
    if (n === 1) return 0;
    const p = 2 * (n - 1);
    const k = ((i % p) + p) % p;
    return k < n ? k : p - k;
  },
  symmetric: (i, n) => {
    const p = 2 * n;
    const k = ((i % p) + p) % p;
    return k < n ? k : p - 1 - k;
  },
  wrap: (i, n) => ((i % n) + n) % n,
};

/**
 * np.pad (lib/arraypad.py, 1.24.2), which runs as Python: `array = np.asarray(array)`,
 * `pad_width = np.asarray(pad_width)` (int kind only), `_as_pairs` (np.array(x): a copy; np.round
 * of an int array is the array itself), the allowed keyword check, then `_pad_simple`:
 * `np.empty(new_shape, order='F' if array.flags.fnc else 'C')` and `padded[original_area] =
 * array` — the only large allocation whatever the mode (measured: np.pad(np.arange(10000.), 2,
 * mode='edge') makes one C-library call, malloc(80032)). Then, per axis, the region of interest
 * (a view: the padded axes before, the original extent after) and its two pad areas assigned:
 * `constant` a value (a 0-d array each), `edge` the edge slices; reflect/symmetric/wrap are
 * written from the same index maps as their chunked copies produce.
 * Not modelled: linear_ramp and the statistic modes (maximum, mean, median, minimum),
 * reflect_type='odd', a callable mode.
 */
export function npPad(rt: NumpyRuntime, args: number[], kw: Kwargs): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const extra = new Map(kw);
  const own = new Map<string, number>();
  for (const k of ['array', 'pad_width', 'mode'])
    if (extra.has(k)) {
      own.set(k, extra.get(k)!);
      extra.delete(k);
    }
  const [arrH, widthH, modeH] = parseArgs(vm, 'pad', ['array', 'pad_width', 'mode'], 2, args, own);
  const drop: number[] = [];
  const keep = (h: number): number => (drop.push(h), h);
  try {
    const arr = A.isArray(arrH!) ? arrH! : keep(rt.fromList.fromObject(arrH!, null, false));
    const nd = A.nd(arr);
    const widthArr = keep(rt.ctors.asArrayOrScalar(widthH!));
    if (A.dtype(widthArr).kind !== 'i' && A.dtype(widthArr).kind !== 'u')
      throw typeError(vm, '`pad_width` must be of integral type.');
    const widths = asPairs(rt, widthArr, nd, true);
    let mode = 'constant';
    if (modeH !== undefined) {
      if (vm.table.type[modeH] !== T.Str) throw new NotSupported('np.pad with a callable mode');
      mode = strValue(vm, modeH);
    }
    const allowed = ALLOWED_KWARGS[mode];
    if (allowed === undefined) throw valueError(vm, "mode '%s' is not supported", mode);
    const unsupported = [...extra.keys()].filter((k) => !allowed.includes(k));
    if (unsupported.length > 0)
      throw valueError(
        vm,
        "unsupported keyword arguments for mode '%s': {%s}",
        mode,
        unsupported.map((k) => `'${k}'`).join(', '),
      );
    if (!(mode in AXIS_MAPS) && mode !== 'constant' && mode !== 'empty')
      throw new NotSupported(`np.pad(mode='${mode}')`);
    const reflectType = extra.get('reflect_type');
    if (reflectType !== undefined && strValue(vm, reflectType) !== 'even')
      throw new NotSupported(`np.pad(reflect_type='${strValue(vm, reflectType)}')`);
    const shape = A.shape(arr);
    if (mode in AXIS_MAPS && A.size(arr) === 0)
      for (let ax = 0; ax < nd; ax++)
        if (shape[ax] === 0 && (widths[ax][0] > 0 || widths[ax][1] > 0))
          throw valueError(vm, "can't extend empty axis %d using modes other than 'constant' or 'empty'", ax);
    const padded = padSimple(rt, arr, widths);
    try {
      if (mode === 'constant') {
        // values = kwargs.get('constant_values', 0); _as_pairs(values, padded.ndim)
        const cvH = extra.get('constant_values') ?? keep(fromLong(vm, 0));
        const cvArr = keep(rt.ctors.asArrayOrScalar(cvH));
        fillConstant(rt, padded, widths, shape, A.dtype(cvArr), asPairs(rt, cvArr, nd, false));
      } else if (mode !== 'empty') fillMapped(rt, padded, arr, widths, AXIS_MAPS[mode]);
      return padded;
    } catch (e) {
      vm.decref(padded);
      throw e;
    }
  } finally {
    for (const h of drop.reverse()) vm.decref(h);
  }
}

/**
 * _as_pairs(x, ndim, as_index): x = np.array(x) (a copy, freed when _as_pairs returns); one
 * value or one pair serves every axis; otherwise x broadcast to (ndim, 2). As an index, every
 * width must be ≥ 0.
 */
function asPairs(rt: NumpyRuntime, x: number, nd: number, asIndex: boolean): [number, number][] {
  const vm = rt.vm;
  const A = rt.arrays;
  const copy = rt.views.copy(x, 'K');
  try {
    requireValues(A, copy, 'np.pad');
    const shape = A.shape(copy);
    const n = A.size(copy);
    const at = (k: number): number => valueAt(A, copy, k);
    let pairs: [number, number][];
    if (shape.length < 3 && n === 1) pairs = Array.from({ length: nd }, () => [at(0), at(0)]);
    else if (shape.length < 3 && n === 2 && !(shape.length === 2 && shape[0] === 2 && shape[1] === 1))
      pairs = Array.from({ length: nd }, () => [at(0), at(1)]);
    else {
      const target = [nd, 2];
      const ok =
        shape.length <= 2 && shape.every((d, i) => d === 1 || d === target[target.length - shape.length + i]);
      if (!ok)
        throw valueError(
          vm,
          'operands could not be broadcast together with remapped shapes [original->remapped]: (%s)  and requested shape (%d,2)',
          shape.join(','),
          nd,
        );
      const v = readBroadcast(A, copy, target);
      pairs = Array.from({ length: nd }, (_, i) => [v[2 * i], v[2 * i + 1]]);
    }
    if (asIndex && pairs.some(([l, r]) => l < 0 || r < 0))
      throw valueError(vm, "index can't contain negative values");
    return pairs;
  } finally {
    vm.decref(copy);
  }
}

/**
 * _pad_simple: np.empty(new_shape, order) (F when the array is F- and not C-contiguous), the
 * original copied into its place through a view (`padded[original_area_slice] = array`).
 */
function padSimple(rt: NumpyRuntime, arr: number, widths: [number, number][]): number {
  const A = rt.arrays;
  const shape = A.shape(arr);
  const newShape = shape.map((d, i) => widths[i][0] + d + widths[i][1]);
  const fnc = A.fContiguous(arr) && !A.cContiguous(arr);
  const d = A.dtype(arr);
  const padded = rt.ctors.emptyShaped(d, newShape, fnc ? 'F' : 'C', newShape.length);
  const strides = A.strides(padded);
  const offset = widths.reduce((o, [l], i) => o + l * strides[i], 0);
  const inner = A.newArray(d, shape, { view: { data: A.data(padded) + offset, base: padded, strides } });
  try {
    rt.views.copyInto(inner, arr);
  } finally {
    rt.vm.decref(inner);
  }
  return padded;
}

/**
 * mode='constant': per axis, roi = the padded axes before it and the original extent after
 * (_view_roi: a view), then `roi[left] = value` and `roi[right] = value` (_set_pad_area: a view
 * each, the value a 0-d array); a later axis overwrites the corners an earlier one wrote.
 */
function fillConstant(
  rt: NumpyRuntime,
  padded: number,
  widths: [number, number][],
  shape: number[],
  valueType: DType,
  values: [number, number][],
): void {
  const A = rt.arrays;
  const vm = rt.vm;
  const d = A.dtype(padded);
  const pshape = A.shape(padded);
  const strides = A.strides(padded);
  const nd = pshape.length;
  for (let ax = 0; ax < nd; ax++) {
    // _view_roi(padded, original_area_slice, axis)
    const roiShape = pshape.map((n, i) => (i <= ax ? n : shape[i]));
    const roiOffset = widths.reduce((o, [l], i) => (i > ax ? o + l * strides[i] : o), 0);
    const roi = A.newArray(d, roiShape, {
      view: { data: A.data(padded) + roiOffset, base: padded, strides },
    });
    try {
      for (const side of [0, 1]) {
        const w = widths[ax][side];
        const areaShape = roiShape.map((n, i) => (i === ax ? w : n));
        const start = side === 0 ? 0 : pshape[ax] - w;
        const area = A.newArray(d, areaShape, {
          view: { data: A.data(roi) + start * strides[ax], base: roi, strides },
        });
        try {
          const value = rt.ctors.zeroD(valueType, values[ax][side]);
          try {
            rt.views.copyInto(area, value);
          } finally {
            vm.decref(value);
          }
        } finally {
          vm.decref(area);
        }
      }
    } finally {
      vm.decref(roi);
    }
  }
}

/** edge/reflect/symmetric/wrap: every element read through the per-axis index map. */
function fillMapped(
  rt: NumpyRuntime,
  padded: number,
  arr: number,
  widths: [number, number][],
  map: AxisMap,
): void {
  const A = rt.arrays;
  requireValues(A, arr, 'np.pad');
  const shape = A.shape(arr);
  const pshape = A.shape(padded);
  const nd = pshape.length;
  const src = readBroadcast(A, arr, shape);
  const srcStrides = cStrides(shape, 1);
  // writeValues hands the C-order element index, whatever the padded array's order
  const cOut = cStrides(pshape, 1);
  writeValues(A, padded, (k) => {
    let s = 0;
    for (let i = 0; i < nd; i++) {
      const idx = Math.floor(k / cOut[i]) % pshape[i];
      s += map(idx - widths[i][0], shape[i]) * srcStrides[i];
    }
    return src[s];
  });
  A.writeAll(padded);
}
