import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * The built-in types' tp_basicsize where the version's layout differs from the table's default
 * (the 3.11 value), set once after installBuiltinTypes: what __basicsize__ and __sizeof__ read.
 * The allocations themselves read vm.py.sizes where the object is made.
 */
export function applyVersionLayouts(vm: Vm): void {
  const z = vm.py.sizes;
  vm.types[T.Function].basicsize = z.function;
  vm.types[T.RangeIter].basicsize = z.rangeIter;
  vm.types[T.LongRangeIter].basicsize = z.rangeIter;
  vm.types[T.Str].basicsize = z.strCompact + 8; // sizeof(PyUnicodeObject): + data
}
