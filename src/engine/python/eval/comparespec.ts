import { intValue } from '../objects/int';
import { Cmp, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { O } from './ops';

/** A one-digit int (|v| < 2**30): what COMPARE_OP_INT_JUMP (3.11) and COMPARE_OP_INT (3.12+) take. */
function oneDigit(vm: Vm, h: number): boolean {
  const v = intValue(vm, h);
  return typeof v === 'number' && v > -(2 ** 30) && v < 2 ** 30;
}

/**
 * Whether a quickened COMPARE_OP runs as one of its specialized forms, which compare the values
 * in place and never reach PyObject_RichCompare (so count nothing against the recursion limit):
 * two one-digit ints, two floats, or two strs for == / != (_Py_Specialize_CompareOp). 3.11 only
 * specializes a comparison that a POP_JUMP_IF_* consumes (`if n == 0:`); 3.12 any. Measured:
 * `def f(n): if n == 0: return 0; return f(n - 1) + 1` reaches f(997) from the top level of a
 * 3.11.7 script, one frame short of the limit, so the innermost `n == 0` made no check.
 */
export function compareSpecialized(
  vm: Vm,
  co: Uint16Array,
  next: number,
  lhs: number,
  rhs: number,
  op: number,
): boolean {
  const tl = vm.table.type[lhs];
  if (tl !== vm.table.type[rhs]) return false;
  if (vm.py.name === '3.11') {
    const nextOp = co[next] & 0xff;
    if (
      nextOp !== O.POP_JUMP_FORWARD_IF_FALSE &&
      nextOp !== O.POP_JUMP_FORWARD_IF_TRUE &&
      nextOp !== O.POP_JUMP_BACKWARD_IF_FALSE &&
      nextOp !== O.POP_JUMP_BACKWARD_IF_TRUE
    )
      return false;
  }
  if (tl === T.Float) return true;
  if (tl === T.Int) return oneDigit(vm, lhs) && oneDigit(vm, rhs);
  return tl === T.Str && (op === Cmp.EQ || op === Cmp.NE);
}
