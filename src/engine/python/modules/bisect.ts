import { call, callMethod } from '../abstract/call';
import { richCompareBool } from '../abstract/compare';
import { raiseString } from '../abstract/errors';
import { sequenceGetItem } from '../abstract/item';
import { asSsize } from '../abstract/number';
import { length } from '../abstract/object';
import { E } from '../objects/exctypes';
import { unpackKeywords } from '../objects/getargs';
import { fromSsize } from '../objects/int';
import { listInsert } from '../objects/listops';
import { Cmp, Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn, makeModule } from './module';
import type { ModuleSpec } from './registry';

/** bisect (Lib/bisect.py over the C module _bisect, Modules/_bisectmodule.c 3.11). */

/** The bisect functions' clinic signature: (a, x, lo=0, hi=None, *, key=None). */
function bisectArgs(vm: Vm, name: string, a: readonly number[], kw: Kwargs | null) {
  const [seq, x, loObj, hiObj, keyObj] = unpackKeywords(vm, name, a, kw, ['a', 'x', 'lo', 'hi', 'key'], 2, 4);
  const lo = loObj ? asSsize(vm, loObj, E.OverflowError) : 0;
  const hi = hiObj && hiObj !== vm.s.None ? asSsize(vm, hiObj, E.OverflowError) : -1;
  return { seq, x, lo, hi, key: keyObj || vm.s.None };
}

/**
 * internal_bisect_right / _left: PySequence_GetItem at each midpoint, the key function applied
 * to the item (not to x), then PyObject_RichCompareBool(x, item, <) (right) or (item, x, <) (left).
 */
export function bisect(
  vm: Vm,
  seq: number,
  x: number,
  lo: number,
  hi: number,
  key: number,
  right: boolean,
): number {
  if (lo < 0) throw raiseString(vm, E.ValueError, 'lo must be non-negative');
  if (hi === -1) hi = length(vm, seq);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let litem = sequenceGetItem(vm, seq, mid);
    try {
      if (key !== vm.s.None) {
        const k = call(vm, key, [litem], null);
        vm.decref(litem);
        litem = k;
      }
      const lt = right ? richCompareBool(vm, x, litem, Cmp.LT) : richCompareBool(vm, litem, x, Cmp.LT);
      if (right) {
        if (lt) hi = mid;
        else lo = mid + 1;
      } else if (lt) lo = mid + 1;
      else hi = mid;
    } finally {
      vm.decref(litem);
    }
  }
  return lo;
}

/** insort_right / _left: bisect (on key(x) when there is a key), then PyList_Insert or a.insert(i, x). */
function insort(vm: Vm, a: readonly number[], kw: Kwargs | null, name: string, right: boolean): number {
  const { seq, x, lo, hi, key } = bisectArgs(vm, name, a, kw);
  let index: number;
  if (key === vm.s.None) index = bisect(vm, seq, x, lo, hi, key, right);
  else {
    const kx = call(vm, key, [x], null);
    try {
      index = bisect(vm, seq, kx, lo, hi, key, right);
    } finally {
      vm.decref(kx);
    }
  }
  if (vm.table.type[seq] === T.List) listInsert(vm, seq, index, x);
  else {
    const i = fromSsize(vm, index);
    try {
      vm.decref(callMethod(vm, seq, 'insert', [i, x]));
    } finally {
      vm.decref(i);
    }
  }
  return vm.s.None;
}

const KW = Meth.Fastcall | Meth.Keywords;
const bisectFn = (name: string, right: boolean): MethodDef =>
  fn(name, KW, (vm, _m, a, kw) => {
    const { seq, x, lo, hi, key } = bisectArgs(vm, name, a, kw);
    return fromSsize(vm, bisect(vm, seq, x, lo, hi, key, right));
  });
const insortFn = (name: string, right: boolean): MethodDef =>
  fn(name, KW, (vm, _m, a, kw) => insort(vm, a, kw, name, right));

export const bisectModule: ModuleSpec = {
  name: 'bisect',
  load: (vm) =>
    makeModule(vm, 'bisect', [
      bisectFn('bisect_right', true),
      bisectFn('bisect_left', false),
      { ...bisectFn('bisect_right', true), name: 'bisect' },
      insortFn('insort_right', true),
      insortFn('insort_left', false),
      { ...insortFn('insort_right', true), name: 'insort' },
    ]),
};
