import { isTrue } from '../python/abstract/object';
import { richCompare } from '../python/abstract/compare';
import { binaryOp } from '../python/abstract/number';
import { NotSupported } from '../python/errors';
import { Cmp, NB } from '../python/objects/types';
import { fromLong } from '../python/objects/int';
import { valueError } from '../python/abstract/errors';
import { BOOL, OBJECT } from './dtypes';
import { forEachOffset, writeValues } from './elements';
import { tupleFromItems } from '../python/objects/tuple';
import type { UfuncName } from './loops';
import { shapeText, type Arrays } from './ndarray';
import { itemHandles, setItemAt } from './objectItems';

const UFUNC_NB: Partial<Record<UfuncName, number>> = {
  add: NB.Add,
  subtract: NB.Subtract,
  multiply: NB.Multiply,
  true_divide: NB.TrueDivide,
  floor_divide: NB.FloorDivide,
  remainder: NB.Remainder,
  power: NB.Power,
  bitwise_and: NB.And,
  bitwise_or: NB.Or,
  bitwise_xor: NB.Xor,
  left_shift: NB.Lshift,
  right_shift: NB.Rshift,
};
/** The broadcast shape of two shapes (trailing axes aligned; 1 stretches), or null. */
function broadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(x === 1 ? y : x);
  }
  return out;
}

const CMP: UfuncName[] = ['less', 'less_equal', 'equal', 'not_equal', 'greater', 'greater_equal'];

/**
 * An operator with a dtype=object array operand (the 'OO->O' loops of umath: PyNumber_Add & co.
 * per element; comparisons 'OO->?' through PyObject_RichCompare and its truth). Anything that is
 * not an array is one object used for every element; a numeric array operand is not modelled.
 * The result is a new (calloc'd) object array, or bool array for a comparison; with `out` the
 * results replace its items. An element's exception ends the call (the partial result is freed).
 */
export function objectBinop(A: Arrays, name: UfuncName, m1: number, m2: number, out: number): number {
  const vm = A.vm;
  const side = (h: number): { items: Int32Array | null; shape: number[] } => {
    if (!A.isArray(h)) return { items: null, shape: [] };
    if (A.dtype(h) !== OBJECT)
      throw new NotSupported('arithmetic between an object array and a numeric array');
    return { items: itemHandles(A, h), shape: A.shape(h) };
  };
  const a = side(m1);
  const b = side(m2);
  const shape = broadcast(a.shape, b.shape);
  if (shape === null)
    throw valueError(
      vm,
      'operands could not be broadcast together with shapes %s %s ',
      shapeText(a.shape),
      shapeText(b.shape),
    );
  const n = shape.reduce((x, y) => x * y, 1);
  const at = (s: { items: Int32Array | null; shape: number[] }, whole: number, k: number): number => {
    if (s.items === null) return whole;
    if (s.shape.join() !== shape.join() && s.items.length !== 1)
      throw new NotSupported('broadcasting object arrays of different shapes');
    return s.items[s.items.length === 1 ? 0 : k] || vm.s.None;
  };
  const cmp = CMP.indexOf(name);
  const nb = UFUNC_NB[name];
  if (cmp < 0 && nb === undefined) throw new NotSupported(`np.${name} on object arrays`);
  // ufunc_generic_fastcall: the inputs' tuple lives through the call
  vm.incref(m1);
  vm.incref(m2);
  const args = tupleFromItems(vm, [m1, m2]);
  // the output array is made before the loop runs, and each result stored as it comes
  const r = out || A.newArray(cmp >= 0 ? BOOL : OBJECT, shape);
  if (out) vm.incref(out);
  try {
    if (cmp >= 0) {
      const truth: number[] = [];
      for (let k = 0; k < n; k++) {
        const c = richCompare(vm, at(a, m1, k), at(b, m2, k), cmp as Cmp);
        try {
          truth.push(isTrue(vm, c) ? 1 : 0);
        } finally {
          vm.decref(c);
        }
      }
      writeValues(A, r, (k) => truth[k]);
      A.writeAll(r);
    } else {
      const slots = itemOrder(A, r);
      for (let k = 0; k < n; k++) {
        const o = binaryOp(vm, nb!, at(a, m1, k), at(b, m2, k));
        setItemAt(A, r, slots[k], o);
        vm.decref(o);
      }
    }
  } catch (e) {
    vm.decref(r);
    throw e;
  } finally {
    vm.decref(args);
  }
  return r;
}

/** The byte address of each element of `h`, C order. */
function itemOrder(A: Arrays, h: number): number[] {
  const out: number[] = [];
  forEachOffset(A.shape(h), A.strides(h), A.data(h), (o) => out.push(o));
  return out;
}

/**
 * A whole-array reduction of an object array (PyUFunc_Reduce with the object loops): the first
 * item is the start (an empty array gives add's identity int 0, multiply's 1), then
 * `PyNumber_Add` / `PyNumber_Multiply` with each next item; maximum/minimum keep the left
 * object when `PyObject_RichCompareBool(left, right, >=)` (`<=`) holds (_npy_ObjectMax/Min),
 * so comparing arrays inside raises their truth-value ValueError; any/all use the items' truth.
 * The result is the object itself (PyArray_Return of a 0-d object array).
 */
export function objectReduce(
  A: Arrays,
  op: 'add' | 'multiply' | 'maximum' | 'minimum' | 'logical_or' | 'logical_and',
  h: number,
): number {
  const vm = A.vm;
  const items = Array.from(itemHandles(A, h), (o) => o || vm.s.None);
  if (op === 'logical_or' || op === 'logical_and') throw new NotSupported('any()/all() of an object array');
  if (items.length === 0) return fromLong(vm, op === 'add' ? 0 : 1);
  let acc = items[0];
  vm.incref(acc);
  try {
    for (let k = 1; k < items.length; k++) {
      const x = items[k];
      let next: number;
      if (op === 'add' || op === 'multiply') next = binaryOp(vm, op === 'add' ? NB.Add : NB.Multiply, acc, x);
      else {
        const c = richCompare(vm, acc, x, (op === 'maximum' ? Cmp.GE : Cmp.LE) as Cmp);
        let keep: boolean;
        try {
          keep = isTrue(vm, c);
        } finally {
          vm.decref(c);
        }
        next = keep ? acc : x;
        vm.incref(next);
      }
      vm.decref(acc);
      acc = next;
    }
  } catch (e) {
    vm.decref(acc);
    throw e;
  }
  return acc;
}
