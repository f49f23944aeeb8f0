import { strNew } from '../python/objects/str';
import { bytesNew } from '../python/objects/bytes';
import { isStringKind, stringDType, type DType } from './dtypes';
import { forEachValue } from './elements';
import type { MethodContext } from './methods';
import { scalarText } from './scalars';
import { storeText } from './strings';

/**
 * REQUIRED_STR_LEN (convert_datatype.c): the characters a number of each dtype may need, which
 * the unsized `str`/'U'/`bytes`/'S' target of astype is adapted to (float64 → '<U32': 128 bytes
 * an element, 16 times the float64 itself).
 */
const REQUIRED_CHARS: Record<string, number> = {
  bool: 5,
  int8: 4,
  uint8: 3,
  int16: 6,
  uint16: 5,
  int32: 11,
  uint32: 10,
  int64: 21,
  uint64: 20,
  float32: 32,
  float64: 32,
};

/**
 * ndarray.astype(str) / astype('U10') / astype(bytes) of a numeric array. The legacy cast
 * (@FROMTYPE@_to_UNICODE in arraytypes.c.src) makes, per element, the NumPy scalar
 * (PyArray_Scalar), its str (PyObject_Str inside UNICODE_setitem) and the UCS4 copy, and frees
 * them before the next element; the result holds the text, cut to the element's width.
 */
export function astypeText(
  rt: Pick<MethodContext, 'vm' | 'arrays' | 'scalars' | 'dtypes'>,
  self: number,
  target: DType,
): number {
  const A = rt.arrays;
  const vm = rt.vm;
  const from = A.dtype(self);
  const d =
    target.itemsize > 0 ? target : stringDType(target.kind as 'U' | 'S', REQUIRED_CHARS[from.name] ?? 32);
  const descr = rt.dtypes.newDescr(d);
  const c = A.newArray(d, A.shape(self), { descr });
  const texts = A.values.strings(A.slot(c));
  forEachValue(A, self, (v, k) => {
    const scalar = rt.scalars.make(from, v);
    const text = scalarText(from, v);
    const str = d.kind === 'U' ? strNew(vm, text) : bytesNew(vm, text);
    texts[k] = storeText(A, d, text);
    vm.decref(str);
    vm.decref(scalar);
  });
  A.writeAll(c);
  return c;
}

/** Whether astype to `target` goes through the text cast here (numbers to strings). */
export function castsToText(from: DType, target: DType): boolean {
  return isStringKind(target) && !isStringKind(from) && from.kind !== 'O';
}
