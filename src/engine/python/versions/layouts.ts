import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { TYPE_VECTORCALLS } from './vectorcalls';

/**
 * The built-in types' tp_basicsize where the version's layout differs from the table's default
 * (the 3.11 value), and the types the version calls through their own vectorcall, set once after
 * installBuiltinTypes (each Vm has its own tables). The allocations themselves read vm.py.sizes
 * where the object is made.
 */
export function applyVersionLayouts(vm: Vm): void {
  const z = vm.py.sizes;
  vm.types[T.Function].basicsize = z.function;
  vm.types[T.Type].basicsize = z.heapType;
  vm.types[T.RangeIter].basicsize = z.rangeIter;
  vm.types[T.LongRangeIter].basicsize = z.rangeIter;
  vm.types[T.Str].basicsize = z.strCompact + 8; // sizeof(PyUnicodeObject): + data
  for (const name of vm.py.typeVectorcalls) {
    const { id, fn } = TYPE_VECTORCALLS[name];
    vm.types[id].typeVectorcall = fn;
  }
}
