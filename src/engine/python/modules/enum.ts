import { typeLookup } from '../abstract/attr';
import { call } from '../abstract/call';
import { builtinStatic } from '../objects/descr';
import { Meth, TpFlags } from '../objects/types';
import { fn as fn0 } from './module';
import { setClassHooks } from '../objects/classhooks';
import { strValue } from '../objects/str';
import type { Vm } from '../runtime/vm';
import { ENUM_SOURCE } from './enumSource';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * enum: Python in the real library, Python here (enumSource.ts). CPython 3.11.7 loads it at
 * start-up, so its import costs nothing and the module body runs accounted (pythonpart.ts). The
 * metaclass's methods are the part's `_hw_*` functions, called for Enum and its subclasses
 * through classhooks.ts: every class statement, iteration and lookup runs them as Python.
 */
function loadEnum(vm: Vm): number {
  const isDescriptor = builtinStatic(
    vm,
    fn0('_is_descriptor', Meth.O, (vm2, _s, a) => {
      const tp = vm2.typeOf(a[0]);
      const yes =
        tp.descrGet !== null ||
        tp.descrSet !== null ||
        (tp.flags & TpFlags.HeapType &&
          ['__get__', '__set__', '__delete__'].some((n) => typeLookup(vm2, tp, n) !== 0));
      return vm2.s.bool(Boolean(yes));
    }),
    'enum',
  );
  const globals = runPythonPart(vm, 'enum', ENUM_SOURCE, {
    _hw_unsupported: unsupportedHelper(vm, 'enum'),
    _hw_is_descriptor: isDescriptor,
  });
  const fn = (name: string): number => partName(vm, globals, name);
  const build = fn('_hw_build');
  const iter = fn('_hw_iter');
  const len = fn('_hw_len');
  const getitem = fn('_hw_getitem');
  const repr = fn('_hw_repr');
  const enumClass = fn('Enum');
  setClassHooks(vm, vm.slotsOf(enumClass).id, {
    build: (vm2, name, bases, ns) => call(vm2, build, [name, bases, ns], null),
    iter: (vm2, cls) => call(vm2, iter, [cls], null),
    len: (vm2, cls) => {
      const r = call(vm2, len, [cls], null);
      const n = vm2.table.num[r];
      vm2.decref(r);
      return n;
    },
    getitem: (vm2, cls, key) => call(vm2, getitem, [cls, key], null),
    repr: (vm2, cls) => {
      const r = call(vm2, repr, [cls], null);
      const text = strValue(vm2, r);
      vm2.decref(r);
      return text;
    },
  });
  return moduleFromGlobals(vm, 'enum', globals);
}

export const enumModule: ModuleSpec = { name: 'enum', load: loadEnum };
