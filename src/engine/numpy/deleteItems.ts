import { getAttr } from '../python/abstract/attr';
import { indexError, valueError } from '../python/abstract/errors';
import { isTrue } from '../python/abstract/object';
import { fromLong, intValue } from '../python/objects/int';
import { listItem, listNew, listPut } from '../python/objects/list';
import { sliceIndices, sliceNew } from '../python/objects/slice';
import { tupleFromItems } from '../python/objects/tuple';
import { T, type Kwargs } from '../python/objects/types';
import { intArg, isNone, parseArgs } from './args';
import { BOOL, INT64 } from './dtypes';
import { valueAt } from './elements';
import type { NumpyRuntime } from './module';

/**
 * np.delete (lib/function_base.py, NumPy 1.24), which runs as Python: its arrays and the key
 * objects it builds (the `slobj` list of slices, `tuple(slobj)`, the `newshape` list) are made
 * here as that code makes them, so the arrays and their order are NumPy's.
 *
 * - an int (or a one-element int array): `empty(newshape)` and two slice copies around it;
 * - a slice: `empty(newshape)`, the parts before and after copied, a bool `keep` mask for a step;
 * - a list or array of ints: `keep = ones(N, bool)`, `keep[obj,] = False`, `arr[tuple(slobj)]`
 *   (a boolean index: a copy); a bool array: `keep = ~obj`.
 */
export function npDelete(rt: NumpyRuntime, args: number[], kw: Kwargs): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const [arrH, objH, axisH] = parseArgs(vm, 'delete', ['arr', 'obj', 'axis'], 2, args, kw);
  const drop: number[] = [];
  const keepRef = (h: number): number => (drop.push(h), h);
  try {
    // arr = asarray(arr); arrorder = 'F' if arr.flags.fnc else 'C'
    let arr = A.isArray(arrH!) ? arrH! : keepRef(rt.fromList.fromObject(arrH!, null, false));
    const flags = keepRef(getAttr(vm, arr, 'flags'));
    const fnc = keepRef(getAttr(vm, flags, 'fnc'));
    const order = isTrue(vm, fnc) ? 'F' : 'C';
    let ndim = A.nd(arr);
    let axis: number;
    if (isNone(vm, axisH)) {
      if (ndim !== 1) arr = keepRef(rt.views.ravel(arr));
      ndim = A.nd(arr);
      axis = ndim - 1;
    } else {
      // normalize_axis_index
      const a0 = intArg(vm, axisH!, 'axis');
      axis = a0 < 0 ? a0 + ndim : a0;
      if (axis < 0 || axis >= ndim) throw rt.errors.axis(a0, ndim);
    }
    // slobj = [slice(None)]*ndim: one slice object in every slot (the list holds a reference each)
    const whole = keepRef(sliceNew(vm, vm.s.None, vm.s.None, vm.s.None));
    const slobjOf = (): number => {
      const list = keepRef(listNew(vm, ndim));
      for (let i = 0; i < ndim; i++) {
        vm.incref(whole);
        listPut(vm, list, i, whole);
      }
      return list;
    };
    const slobj = slobjOf();
    const N = A.shape(arr)[axis];
    const newshape = A.shape(arr);
    // tuple(slobj): a new tuple holding a reference to each item
    const keyOf = (list: number): number => {
      const items: number[] = [];
      for (let i = 0; i < ndim; i++) items.push(listItem(vm, list, i));
      for (const x of items) vm.incref(x);
      return keepRef(tupleFromItems(vm, items));
    };
    // slobj[axis] = item: the list takes a new reference, the old item is released
    const setAxis = (list: number, item: number): void => {
      const old = listItem(vm, list, axis);
      vm.incref(item);
      listPut(vm, list, axis, item);
      vm.decref(old);
    };
    const int = (v: number): number => keepRef(fromLong(vm, v));
    const sl = (a: number | null, b: number | null, step: number | null = null): number =>
      keepRef(
        sliceNew(
          vm,
          a === null ? vm.s.None : int(a),
          b === null ? vm.s.None : int(b),
          step === null ? vm.s.None : int(step),
        ),
      );
    /** new[tuple(slobj)] = arr[tuple(src)] */
    const copyPart = (dest: number, destKey: number, srcKey: number): void => {
      const part = rt.views.subscript(arr, srcKey);
      try {
        rt.views.assignSubscript(dest, destKey, part);
      } finally {
        vm.decref(part); // STORE_SUBSCR drops the value as soon as it is stored
      }
    };

    if (vm.table.type[objH!] === T.Slice) {
      const { start: start0, stop: stop0, step: step0, length: numtodel } = sliceIndices(vm, objH!, N);
      if (numtodel <= 0) return rt.views.copy(arr, order);
      let [start, stop, step] = [start0, stop0, step0];
      if (step < 0) {
        step = -step;
        start = start0 + (numtodel - 1) * step0;
        stop = start0 + 1;
      }
      newshape[axis] -= numtodel;
      const out = rt.ctors.emptyShaped(A.dtype(arr), newshape, order, ndim);
      try {
        if (start !== 0) {
          setAxis(slobj, sl(null, start));
          const k = keyOf(slobj);
          copyPart(out, k, k);
        }
        if (stop !== N) {
          setAxis(slobj, sl(stop - numtodel, null));
          const slobj2 = slobjOf();
          setAxis(slobj2, sl(stop, null));
          copyPart(out, keyOf(slobj), keyOf(slobj2));
        }
        if (step !== 1) {
          const keep = keepRef(rt.ctors.onesShaped(BOOL, [stop - start], 1));
          rt.views.assignSubscript(keep, sl(null, stop - start, step), vm.s.False);
          setAxis(slobj, sl(start, stop - numtodel));
          const slobj2 = slobjOf();
          setAxis(slobj2, sl(start, stop));
          arr = keepRef(rt.views.subscript(arr, keyOf(slobj2)));
          setAxis(slobj2, keep);
          copyPart(out, keyOf(slobj), keyOf(slobj2));
        }
        return out;
      } catch (e) {
        vm.decref(out);
        throw e;
      }
    }

    let single: number | null = null;
    let objArr = 0;
    const scalarD = rt.scalars.dtypeOf(objH!);
    const t = vm.table.type[objH!];
    if (t === T.Int) single = Number(intValue(vm, objH!));
    else if (scalarD && (scalarD.kind === 'i' || scalarD.kind === 'u')) single = rt.scalars.value(objH!);
    else {
      objArr = A.isArray(objH!) ? objH! : keepRef(rt.fromList.fromObject(objH!, null, false));
      if (A.size(objArr) === 0 && !A.isArray(objH!))
        objArr = keepRef(A.newArray(INT64, [0])); // obj.astype(intp)
      else if (A.size(objArr) === 1 && (A.dtype(objArr).kind === 'i' || A.dtype(objArr).kind === 'u'))
        single = valueAt(A, objArr, 0);
    }

    if (single !== null) {
      if (single < -N || single >= N)
        throw indexError(vm, `index ${single} is out of bounds for axis ${axis} with size ${N}`);
      if (single < 0) single += N;
      newshape[axis] -= 1;
      const out = rt.ctors.emptyShaped(A.dtype(arr), newshape, order, ndim);
      try {
        setAxis(slobj, sl(null, single));
        const k = keyOf(slobj);
        copyPart(out, k, k);
        setAxis(slobj, sl(single, null));
        const slobj2 = slobjOf();
        setAxis(slobj2, sl(single + 1, null));
        copyPart(out, keyOf(slobj), keyOf(slobj2));
        return out;
      } catch (e) {
        vm.decref(out);
        throw e;
      }
    }

    let keep: number;
    if (A.dtype(objArr) === BOOL) {
      const shape = A.shape(objArr);
      if (shape.length !== 1 || shape[0] !== N)
        throw valueError(
          vm,
          'boolean array argument obj to delete must be one dimensional and match the axis length of %d',
          N,
        );
      keep = keepRef(rt.ufuncs.unary('invert', objArr)); // ~obj
    } else {
      keep = keepRef(rt.ctors.onesShaped(BOOL, [N], 1));
      // keep[obj,] = False
      const key = keepRef(tupleFromItems(vm, [objArr]));
      rt.views.assignSubscript(keep, key, vm.s.False);
    }
    setAxis(slobj, keep);
    return rt.views.subscript(arr, keyOf(slobj));
  } finally {
    for (const h of drop.reverse()) vm.decref(h);
  }
}
