import { typeError } from '../abstract/errors';
import { isTrue } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { intBitOp, intValue, longLong } from './int';
import { intern } from './str';
import {
  NB,
  T,
  TpFlags,
  defineType,
  numberSlots,
  type BinarySlot,
  type Kwargs,
  type TypeSlots,
} from './types';

/** bool (Objects/boolobject.c): a subclass of int with two static instances. */

/** bool_and / bool_or / bool_xor: two bools give a bool; anything else is int's operator. */
const boolOp =
  (op: '&' | '|' | '^'): BinarySlot =>
  (vm, a, b) => {
    const t = vm.table;
    if (t.type[a] === T.Bool && t.type[b] === T.Bool) {
      const x = t.num[a] !== 0;
      const y = t.num[b] !== 0;
      return vm.s.bool(op === '&' ? x && y : op === '|' ? x || y : x !== y);
    }
    const tA = t.type[a];
    const tB = t.type[b];
    const isInt = (type: number) =>
      type === T.Int || type === T.Bool || (vm.types[type].flags & TpFlags.LongSubclass) !== 0;
    if (!isInt(tA) || !isInt(tB)) return vm.s.NotImplemented;
    return intBitOp(vm, op, intValue(vm, a), intValue(vm, b));
  };

/** bool_vectorcall: bool() is False, bool(x) PyObject_IsTrue(x). */
function boolVectorcall(vm: Vm, _type: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size) throw typeError(vm, 'bool() takes no keyword arguments');
  if (args.length > 1) throw typeError(vm, 'bool expected at most 1 argument, got %zd', args.length);
  return vm.s.bool(args.length ? isTrue(vm, args[0]) : false);
}

export const BoolType = (): TypeSlots =>
  defineType({
    id: T.Bool,
    name: 'bool',
    basicsize: 24,
    itemsize: 4,
    base: T.Int,
    flags: TpFlags.LongSubclass,
    dealloc: () => {
      throw new Error('internal: a bool deallocated');
    },
    // bool_repr: the statically interned 'True' / 'False'
    repr: (vm, h) => intern(vm, vm.table.num[h] ? 'True' : 'False'),
    reprText: (vm, h) => (vm.table.num[h] ? 'True' : 'False'),
    number: numberSlots(
      { [NB.And]: boolOp('&'), [NB.Or]: boolOp('|'), [NB.Xor]: boolOp('^') },
      { positive: longLong, absolute: longLong },
    ),
    typeVectorcall: boolVectorcall,
  });
