import { valueError } from '../python/abstract/errors';
import { memoryError, NotSupported } from '../python/errors';
import { strValue } from '../python/objects/str';
import { T, type Kwargs } from '../python/objects/types';
import { isNone } from './args';
import { promote, type DType } from './dtypes';
import { readValues, writeValues } from './elements';
import type { NumpyRuntime } from './module';
import { iteratorBytes } from './nditer';
import { cStrides as elementStrides } from './ndarray';
import { BYTES_HEADER } from '../python/objects/bytes';

/** NPY_BUFSIZE: the buffered iterator's default buffer, in elements (clamped to the iteration size). */
const NPY_BUFSIZE = 8192;

interface Parsed {
  inputs: string[];
  output: string;
}

/**
 * np.einsum(subscripts, *operands) without optimize (einsumfunc.py hands it to c_einsum,
 * PyArray_EinsteinSum in einsum.c.src, 1.24.2), for letter subscripts (no '...'):
 *  - one operand and no summed label (`'ij->ji'`, `'ii->i'`, `'ij'`): get_single_op_view, a view
 *    whose strides are the operand's, a repeated label's strides added (a diagonal): no data copied;
 *  - otherwise an iterator over every label (output labels first, then the summed ones) with the
 *    output allocated by it (NPY_ITER_ALLOCATE: the promoted dtype, output labels' shape), set to
 *    zero (PyArray_AssignZero writes it all), the iterator (NIT_SIZEOF_ITERATOR, buffered,
 *    PyObject_Malloc'ed) and, for an operand that must be cast, the buffer NpyIter_Reset
 *    allocates; the iterator is freed before a 0-d output becomes a scalar (PyArray_Return).
 * Values: each output element is the sum over the summed labels, in index order, of the
 * operands' products (sum_of_products' order for one inner reduction axis). Not modelled: '...'
 * (ellipsis broadcasting), out=, dtype=/casting=, optimize= (einsum_path's contraction order),
 * operands whose label lengths differ (NumPy's remapped-shapes error).
 */
export function einsum(rt: NumpyRuntime, args: number[], kw: Kwargs): number {
  const vm = rt.vm;
  const A = rt.arrays;
  for (const [k, v] of kw) {
    if (k === 'optimize' && (v === vm.s.False || isNone(vm, v))) continue;
    throw new NotSupported(`np.einsum(${k}=...)`);
  }
  if (args.length === 0)
    throw valueError(vm, 'must specify the einstein sum subscripts string and at least one operand');
  if (vm.table.type[args[0]] !== T.Str)
    throw new NotSupported('np.einsum in the interleaved (operand, sublist) form');
  const ops = args.slice(1);
  if (ops.length === 0)
    throw valueError(vm, 'must specify the einstein sum subscripts string and at least one operand');
  const text = strValue(vm, args[0]);
  // c_einsum reads the subscripts as ASCII bytes (PyUnicode_AsASCIIString), dropped at its end
  const ascii = vm.mem.malloc(BYTES_HEADER + text.length + 1);
  if (ascii === 0) throw memoryError();
  const temps: number[] = [];
  try {
    const parsed = parse(rt, text, ops.length);
    const arrays = ops.map((h) => {
      if (A.isArray(h)) return h;
      const a = rt.fromList.fromObject(h, null, false);
      temps.push(a);
      return a;
    });
    const size = new Map<string, number>();
    arrays.forEach((a, i) => {
      const labels = parsed.inputs[i];
      const shape = A.shape(a);
      if (labels.length !== shape.length)
        throw valueError(
          vm,
          `einstein sum subscripts string contains too ${labels.length > shape.length ? 'many' : 'few'} subscripts for operand ${i}`,
        );
      [...labels].forEach((l, ax) => {
        const known = size.get(l);
        if (known !== undefined && known !== shape[ax])
          throw new NotSupported('np.einsum of operands whose label lengths differ (or broadcast)');
        size.set(l, shape[ax]);
      });
    });
    for (const a of arrays)
      if (
        A.dtype(a).kind === 'O' ||
        A.dtype(a).kind === 'V' ||
        A.dtype(a).kind === 'b' ||
        A.descrs.has(A.slot(a))
      )
        throw new NotSupported(`np.einsum of a ${A.dtype(a).name} array`);
    const summed = [...size.keys()].filter((l) => !parsed.output.includes(l));
    if (arrays.length === 1 && summed.length === 0) return singleOpView(rt, arrays[0], parsed);
    return iterate(rt, arrays, parsed, summed, size);
  } finally {
    for (const t of temps) vm.decref(t);
    vm.mem.free(ascii);
  }
}

/** The subscripts: one label string per operand and the output's (implicit: labels seen once, sorted). */
function parse(rt: NumpyRuntime, text: string, nop: number): Parsed {
  const vm = rt.vm;
  const s = text.replace(/\s/g, '');
  if (s.includes('.')) throw new NotSupported("np.einsum with '...' (ellipsis broadcasting)");
  const arrow = s.indexOf('->');
  const lhs = arrow < 0 ? s : s.slice(0, arrow);
  const inputs = lhs.split(',');
  // c_einsum's wording: subscripts for more operands than given is its 'more operands' error
  if (inputs.length > nop)
    throw valueError(
      vm,
      'more operands provided to einstein sum function than specified in the subscripts string',
    );
  if (inputs.length < nop)
    throw valueError(
      vm,
      'fewer operands provided to einstein sum function than specified in the subscripts string',
    );
  for (const c of lhs.replace(/,/g, ''))
    if (!/[A-Za-z]/.test(c))
      throw valueError(
        vm,
        `invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`,
      );
  let output: string;
  if (arrow < 0) {
    const counts = new Map<string, number>();
    for (const c of lhs.replace(/,/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    output = [...counts]
      .filter(([, n]) => n === 1)
      .map(([c]) => c)
      .sort()
      .join('');
  } else {
    output = s.slice(arrow + 2);
    for (const c of output) {
      if (!/[A-Za-z]/.test(c))
        throw valueError(
          vm,
          `invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`,
        );
      if (!lhs.includes(c))
        throw valueError(
          vm,
          `einstein sum subscripts string included output subscript '${c}' which never appeared in an input`,
        );
      if (output.indexOf(c) !== output.lastIndexOf(c))
        throw valueError(
          vm,
          `einstein sum subscripts string includes output subscript '${c}' multiple times`,
        );
    }
  }
  return { inputs, output };
}

/** get_single_op_view: the output axes as a view of the operand (a repeated label sums its strides). */
function singleOpView(rt: NumpyRuntime, a: number, p: Parsed): number {
  const A = rt.arrays;
  const labels = p.inputs[0];
  const shape = A.shape(a);
  const strides = A.strides(a);
  const outShape: number[] = [];
  const outStrides: number[] = [];
  for (const l of p.output) {
    let stride = 0;
    [...labels].forEach((x, ax) => {
      if (x === l) stride += strides[ax];
    });
    outShape.push(shape[labels.indexOf(l)]);
    outStrides.push(stride);
  }
  return A.newArray(A.dtype(a), outShape, { view: { data: A.data(a), base: a, strides: outStrides } });
}

/** The iterator path: the output allocated and zeroed, the iterator and its buffers, the sums. */
function iterate(
  rt: NumpyRuntime,
  ops: number[],
  p: Parsed,
  summed: string[],
  size: Map<string, number>,
): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const labels = [...p.output, ...summed];
  const iterShape = labels.map((l) => size.get(l)!);
  const itersize = iterShape.reduce((x, y) => x * y, 1);
  const dtype = ops.map((a) => A.dtype(a)).reduce((x: DType, y) => promote(x, y));
  const libc = rt.alloc.libc;
  // NpyIter_AdvancedNew: the iterator is a PyObject_Malloc block (936 bytes for 3 labels and 3
  // operands, measured), then the output it allocates
  const iter = vm.mem.malloc(iteratorBytes(labels.length, ops.length + 1, true));
  if (iter === 0) throw memoryError();
  const buffers: number[] = [];
  try {
    const out = A.newArray(
      dtype,
      [...p.output].map((l) => size.get(l)!),
    );
    A.writeAll(out);
    // operands of the output's dtype are read in place (no buffer: measured for 'ij,jk->ik' on
    // 200×300 · 300×100, 'i,i->'); an operand cast to it is copied through a buffer
    // (PyArray_malloc of min(8192, size) elements) allocated by NpyIter_Reset
    for (const a of ops) {
      if (A.dtype(a) === dtype) continue;
      const b = libc.malloc(Math.max(Math.min(NPY_BUFSIZE, itersize), 1) * dtype.itemsize);
      if (b === 0) throw memoryError();
      buffers.push(b);
    }
    writeSums(rt, out, ops, p, summed, size);
    for (const b of buffers) libc.free(b);
    buffers.length = 0;
    vm.mem.free(iter);
    return A.nd(out) === 0 ? rt.reductions.toScalar(out) : out;
  } catch (e) {
    for (const b of buffers) libc.free(b);
    vm.mem.free(iter);
    throw e;
  }
}

/** Each output element: Σ over the summed labels (index order) of the operands' product. */
function writeSums(
  rt: NumpyRuntime,
  out: number,
  ops: number[],
  p: Parsed,
  summed: string[],
  size: Map<string, number>,
): void {
  const A = rt.arrays;
  const values = ops.map((a) => readValues(A, a));
  // element (not byte) strides of each operand's C-order values
  const cStrides = ops.map((a) => elementStrides(A.shape(a), 1));
  const outLabels = [...p.output];
  const outSize = outLabels.reduce((n, l) => n * size.get(l)!, 1);
  const sumSize = summed.reduce((n, l) => n * size.get(l)!, 1);
  const idx = new Map<string, number>();
  const setIndex = (ls: string[], k: number): void => {
    for (let i = ls.length - 1; i >= 0; i--) {
      const n = size.get(ls[i])!;
      idx.set(ls[i], k % n);
      k = Math.floor(k / n);
    }
  };
  const result = new Float64Array(outSize);
  const isF32 = rt.arrays.dtype(out).name === 'float32';
  const round = isF32 ? Math.fround : (x: number) => x;
  for (let o = 0; o < outSize; o++) {
    setIndex(outLabels, o);
    let acc = 0;
    for (let s = 0; s < sumSize; s++) {
      setIndex(summed, s);
      let prod = 1;
      for (let i = 0; i < ops.length; i++) {
        let at = 0;
        [...p.inputs[i]].forEach((l, ax) => (at += idx.get(l)! * cStrides[i][ax]));
        prod = round(prod * values[i][at]);
      }
      acc = round(acc + prod);
    }
    result[o] = acc;
  }
  writeValues(A, out, (k) => result[k]);
}
