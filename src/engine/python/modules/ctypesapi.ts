import { raiseString, typeError } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { fromLong } from '../objects/int';
import { Meth, T, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { charArrayAddress, charArrayBytes, createStringBuffer, isCharArray } from './ctypesarray';
import { simpleInfo, simpleSize } from './ctypessimple';
import { fn } from './module';

/**
 * ctypes' module-level functions over the modelled C data: sizeof (the type's or instance's
 * b_size, no allocation: a small int), addressof (b_ptr as an int), create_string_buffer.
 */
function sizeOf(vm: Vm, h: number): number {
  const simple = simpleSize(vm, h);
  if (simple !== null) return simple;
  if (isCharArray(vm, h)) return charArrayBytes(vm, h).length;
  if (vm.table.type[h] === T.Type) {
    const s = vm.table.side[h] as TypeSlots;
    const m = /^c_char_Array_(\d+)$/.exec(s.name);
    if (m !== null && s.module === 'ctypes') return Number(m[1]);
  }
  throw typeError(vm, 'this type has no size');
}

/** addressof(obj): where the object's C data is (inline b_value: 80 bytes into the object, past the GC head). */
function addressOf(vm: Vm, h: number): number {
  if (isCharArray(vm, h)) return charArrayAddress(vm, h);
  if (simpleInfo(vm, vm.table.type[h]) !== null) return vm.id(h) + 80;
  throw raiseString(vm, E.TypeError, 'invalid type');
}

export function ctypesFunctions(): MethodDef[] {
  return [
    fn('sizeof', Meth.O, (vm, _m, a) => fromLong(vm, sizeOf(vm, a[0]))),
    fn('addressof', Meth.O, (vm, _m, a) => fromLong(vm, addressOf(vm, a[0]))),
    fn('create_string_buffer', Meth.Fastcall, (vm, _m, a) => {
      if (a.length < 1 || a.length > 2)
        throw typeError(vm, 'create_string_buffer() takes from 1 to 2 positional arguments but %d were given', a.length);
      return createStringBuffer(vm, a);
    }),
  ];
}
