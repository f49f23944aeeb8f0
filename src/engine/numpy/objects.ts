import { reprText } from '../python/abstract/repr';
import { fromDouble } from '../python/objects/float';
import { fromLong } from '../python/objects/int';
import { nestedLists } from './tolist';
import { T } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { type DType } from './dtypes';
import { forEachValue } from './elements';
import type { Arrays } from './ndarray';
import { itemHandles, storeItems } from './objectItems';

/**
 * dtype=object beyond single items (objectItems.ts): numbers cast into objects, tolist, and the
 * element text arrayprint shows. NumPy 1.24.2's behaviour, checked on Debian's python3.
 */

const ANY_TO_OBJECT_AUXDATA = 192;

/** The Python object a number of dtype `d` becomes (@FROMTYPE@_to_OBJECT → its getitem). */
export function numberObject(vm: Vm, d: DType, v: number): number {
  if (d.kind === 'b') {
    const b = vm.s.bool(v !== 0);
    vm.incref(b);
    return b;
  }
  if (d.kind === 'f') return fromDouble(vm, v);
  return fromLong(vm, Number.isSafeInteger(v) ? v : BigInt(Math.trunc(v)));
}

/**
 * A cast of numbers into the object array `h` (copyto(a, 1), astype(object)): one new Python
 * object per element, C order, each replacing what the slot held.
 */
export function objectsFromNumbers(A: Arrays, h: number, d: DType, get: (k: number) => number): void {
  const vm = A.vm;
  const made: number[] = [];
  storeItems(A, h, (k) => {
    const o = numberObject(vm, d, get(k));
    made.push(o);
    return o;
  });
  // each object is now held by its slot only
  for (const o of made) vm.decref(o);
}

/** astype(object) of a numeric array: a new (calloc'd) object array of Python numbers. */
export function astypeObject(A: Arrays, self: number, target: DType): number {
  const c = A.newArray(target, A.shape(self));
  if (A.dtype(self).kind === 'O') {
    // OBJECT_to_OBJECT: the same objects, one more reference each
    const items = itemHandles(A, self);
    storeItems(A, c, (k) => items[k] || A.vm.s.None);
    return c;
  }
  const vals: number[] = [];
  forEachValue(A, self, (v) => vals.push(v));
  // the cast loop's auxiliary data (any_to_object_get_loop's NpyAuxData, PyMem_Malloc'd: 192
  // bytes measured on Debian's NumPy), made before the first element and freed after the last
  const aux = A.vm.mem.malloc(ANY_TO_OBJECT_AUXDATA);
  A.vm.mem.touch(aux, ANY_TO_OBJECT_AUXDATA);
  objectsFromNumbers(A, c, A.dtype(self), (k) => vals[k]);
  A.vm.mem.free(aux);
  return c;
}

/** PyArray_ToList of an object array: nested lists holding the items themselves (None for NULL). */
export function objectToList(A: Arrays, self: number): number {
  const vm = A.vm;
  const shape = A.shape(self);
  const items = itemHandles(A, self);
  const item = (k: number): number => {
    const o = items[k] || vm.s.None;
    vm.incref(o);
    return o;
  };
  return nestedLists(vm, shape, item);
}

/**
 * arrayprint's _object_format: repr of the item, a list as `list([...])` so it is not read as
 * a dimension; a NULL slot prints as None. No padding (object arrays are not aligned).
 */
export function objectText(vm: Vm, o: number): string {
  if (o === 0) return 'None';
  const text = reprText(vm, o);
  return vm.table.type[o] === T.List ? `list(${text})` : text;
}

/** The handles of `h` as the Float64Array the printer walks (its formatter turns them into text). */
export function handlesForPrint(A: Arrays, h: number): Float64Array {
  return Float64Array.from(itemHandles(A, h));
}
