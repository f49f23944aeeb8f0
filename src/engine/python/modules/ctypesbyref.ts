import { typeError } from '../abstract/errors';
import { intValue } from '../objects/int';
import { readyStaticType } from '../objects/typeobject';
import { Meth, defineType, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { bufferAddress, cbufferOf, INLINE_OFFSET } from './ctypesmem';
import { simpleInfo } from './ctypessimple';
import { fn } from './module';

/**
 * ctypes.byref(obj, offset=0) (byref in callproc.c): a light-weight CArgObject (PyObject_New, no
 * GC: one 64-byte block, measured "m 48 m 64" with byref's argument tuple) that points at the
 * object's C data and keeps the object alive (`_obj`); a function call passes the address.
 */
interface CArg {
  address: number;
}

const ids = new WeakMap<Vm, number>();

/** The address a CArgObject carries, or null for anything else. */
export function cargAddress(vm: Vm, h: number): number | null {
  return vm.table.type[h] === ids.get(vm) ? (vm.table.side[h] as CArg).address : null;
}

/** Where a ctypes instance's C data is (b_ptr), or null for a non-ctypes object. */
export function cdataAddress(vm: Vm, h: number): number | null {
  if (cbufferOf(vm, h) !== null) return bufferAddress(vm, h);
  if (simpleInfo(vm, vm.table.type[h]) !== null) return vm.id(h) + INLINE_OFFSET;
  return null;
}

const cargType = (id: number): TypeSlots =>
  defineType({
    id,
    name: 'CArgObject',
    module: '_ctypes',
    basicsize: 64,
    flags: 0,
    dealloc: (vm, h) => {
      const obj = vm.table.ref[h];
      vm.objectFree(h);
      if (obj) vm.decref(obj);
    },
    reprText: (vm, h) => `<cparam 'P' (0x${(vm.table.side[h] as CArg).address.toString(16).padStart(12, '0')})>`,
    getset: {
      _obj: {
        name: '_obj',
        get: (vm, h) => {
          vm.incref(vm.table.ref[h]);
          return vm.table.ref[h];
        },
      },
    },
  });

export function installByref(vm: Vm): void {
  const s = cargType(vm.newTypeId());
  readyStaticType(vm, s);
  ids.set(vm, s.id);
}

export const byrefFunction = (): MethodDef =>
  fn('byref', Meth.Varargs, (vm, _m, a) => {
    if (a.length < 1 || a.length > 2) throw typeError(vm, 'byref expected at most 2 arguments, got %d', a.length);
    const at = cdataAddress(vm, a[0]);
    if (at === null) throw typeError(vm, "byref() argument must be a ctypes instance, not '%s'", vm.typeOf(a[0]).name);
    const offset = a.length > 1 ? Number(intValue(vm, a[1])) : 0;
    const h = vm.newObject(ids.get(vm)!, 64);
    vm.incref(a[0]);
    vm.table.ref[h] = a[0];
    vm.table.side[h] = { address: at + offset } satisfies CArg;
    return h;
  });
