import { getAttr, typeLookup } from '../abstract/attr';
import { builtinStatic } from '../objects/descr';
import { dictNew } from '../objects/dict';
import { strValue } from '../objects/str';
import { hashNotImplemented } from '../objects/object';
import { Meth, T, TpFlags } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { DATACLASSES_SOURCE } from './dataclassesSource';
import { hostOf, interpOf } from './host';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * dataclasses: the real module is Python, so it runs here as Python (dataclassesSource.ts) through
 * the eval loop. Its import costs what the real one does: footprint.ts replays the captured
 * `import dataclasses` (2,629 pymalloc calls) after its dependencies' (copy, ast, dis, inspect,
 * tokenize, …: 3.11.7's inspect alone is 9,482); the module body's own objects are part of that
 * footprint, so it runs accounted (pythonpart.ts). What the decorator does per class (Field
 * objects, the parameters, the methods' source exec'd and their closures) and what an instance
 * costs are then allocated as the real ones are.
 */

/** A native helper the Python text reads by name. */
function helper(vm: Vm, name: string, flags: number, impl: Parameters<typeof fn>[2]): number {
  return builtinStatic(vm, fn(name, flags, impl), 'dataclasses');
}

function attrOf(vm: Vm, importModule: (name: string) => number, module: string, name: string): number {
  const m = importModule(module);
  try {
    return getAttr(vm, m, name);
  } finally {
    vm.decref(m);
  }
}

function loadDataclasses(vm: Vm, importModule: (name: string) => number): number {
  const own = (vm2: Vm, h: number): number => {
    if (!vm2.typeOf(h).mro.includes(T.Type)) return 0;
    return vm2.slotsOf(h).dict;
  };
  const names: Record<string, number> = {
    // exec(txt, globals, ns): the text compiled and run with its names going to `ns`
    _hw_exec: helper(vm, 'exec', Meth.Fastcall, (vm2, _s, a) => {
      hostOf(vm2).execSource(strValue(vm2, a[0]), '<string>', a[1], a[2]);
      vm2.incref(vm2.s.None);
      return vm2.s.None;
    }),
    // cls.__dict__ (the mappingproxy's mapping: the class's own dict; a fresh empty one for a
    // static type, whose dict the simulator does not keep as an object)
    _hw_clsdict: helper(vm, '__dict__', Meth.O, (vm2, _s, a) => {
      const d = own(vm2, a[0]);
      if (d === 0) return dictNew(vm2);
      vm2.incref(d);
      return d;
    }),
    _hw_main: helper(vm, '__dict__', Meth.NoArgs, (vm2) => {
      const g = interpOf(vm2).globals;
      vm2.incref(g);
      return g;
    }),
    // isinstance(default, types.MemberDescriptorType): a __slots__ member is no default
    _hw_is_member: helper(vm, 'isinstance', Meth.O, (vm2, _s, a) => {
      const r = vm2.table.type[a[0]] === T.MemberDescr ? vm2.s.True : vm2.s.False;
      vm2.incref(r);
      return r;
    }),
    // f.default.__class__.__hash__ is None: a class that set __hash__ = None, or a static type
    // whose tp_hash is PyObject_HashNotImplemented (list, dict, set, bytearray)
    _hw_unhashable: helper(vm, '__hash__', Meth.O, (vm2, _s, a) => {
      const tp = vm2.typeOf(a[0]);
      const none =
        tp.flags & TpFlags.HeapType
          ? typeLookup(vm2, tp, '__hash__') === vm2.s.None
          : tp.hash === hashNotImplemented;
      const r = none ? vm2.s.True : vm2.s.False;
      vm2.incref(r);
      return r;
    }),
    _FunctionType: vm.types[T.Function].typeObject,
    _ClassVar: attrOf(vm, importModule, 'typing', 'ClassVar'),
    _GenericAlias: attrOf(vm, importModule, 'typing', '_GenericAlias'),
    _get_ident: attrOf(vm, importModule, '_thread', 'get_ident'),
    _wraps: attrOf(vm, importModule, 'functools', 'wraps'),
    _deepcopy: attrOf(vm, importModule, 'copy', 'deepcopy'),
  };
  const globals = runPythonPart(vm, 'dataclasses', DATACLASSES_SOURCE, names);
  return moduleFromGlobals(vm, 'dataclasses', globals);
}

export const dataclassesModule: ModuleSpec = { name: 'dataclasses', load: loadDataclasses };
