import { getAttr } from '../abstract/attr';
import { NotSupported } from '../errors';
import { builtinStatic } from '../objects/descr';
import { dictEntries } from '../objects/dict';
import { gaType, unionType } from '../objects/genericalias';
import { moduleData, moduleStatic } from '../objects/module';
import { strValue } from '../objects/str';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { TYPING_HINTS_SOURCE } from './typingHints';
import { TYPING_SOURCE } from './typingSource';

/**
 * typing: the real module is Python, so it runs here as Python (typingSource.ts). CPython 3.11.7
 * has it loaded at start-up (site imports it), so its import costs nothing and its module-level
 * objects (the special forms, the aliases, their lru caches) are made accounted (pythonpart.ts);
 * what a script's annotations do with them (subscriptions, cache entries, alias objects) is
 * allocated as the real ones are.
 */

type ImportModule = (name: string) => number;

function attrOf(vm: Vm, importModule: ImportModule, module: string, name: string): number {
  const m = importModule(module);
  try {
    return getAttr(vm, m, name);
  } finally {
    vm.decref(m);
  }
}

/** A module made from a Python part's globals: every public and private name but the helpers'. */
export function moduleFromGlobals(vm: Vm, name: string, globals: number, writeThrough = false): number {
  const mod = moduleStatic(vm, name);
  const attrs = moduleData(vm, mod).attrs;
  // the functions read the globals: an attribute the script sets on the module is set there too
  if (writeThrough) moduleData(vm, mod).dict = globals;
  for (const [k, v] of dictEntries(vm, globals)) {
    const key = strValue(vm, k);
    if (key.startsWith('_hw_')) continue;
    vm.incref(v);
    attrs.set(key, v);
  }
  return mod;
}

/** `_hw_unsupported(what)`: stops the run with "not supported by Highwater yet: what". */
export function unsupportedHelper(vm: Vm, module: string): number {
  return builtinStatic(
    vm,
    fn('_hw_unsupported', Meth.O, (vm2, _s, a) => {
      throw new NotSupported(vm2.table.type[a[0]] === T.Str ? strValue(vm2, a[0]) : module);
    }),
    module,
  );
}

function loadTyping(vm: Vm, importModule: ImportModule): number {
  const names: Record<string, number> = {
    _hw_unsupported: unsupportedHelper(vm, 'typing'),
    _hw_itemgetter: attrOf(vm, importModule, 'operator', 'itemgetter'),
    _lru_cache: attrOf(vm, importModule, 'functools', 'lru_cache'),
    _wraps: attrOf(vm, importModule, 'functools', 'wraps'),
    _deque: attrOf(vm, importModule, 'collections', 'deque'),
    _defaultdict: attrOf(vm, importModule, 'collections', 'defaultdict'),
    _OrderedDict: attrOf(vm, importModule, 'collections', 'OrderedDict'),
    _Counter: attrOf(vm, importModule, 'collections', 'Counter'),
    _FunctionType: vm.types[T.Function].typeObject,
    _ABCMeta: attrOf(vm, importModule, 'abc', 'ABCMeta'),
    _hw_GenericAlias: gaType(vm).typeObject,
    _hw_UnionType: unionType(vm).typeObject,
    _hw_MethodType: vm.types[T.Method].typeObject,
    _hw_BuiltinFunctionType: vm.types[T.Builtin].typeObject,
    _hw_ModuleType: vm.types[T.Module].typeObject,
  };
  const globals = runPythonPart(vm, 'typing', TYPING_SOURCE + TYPING_HINTS_SOURCE, names);
  return moduleFromGlobals(vm, 'typing', globals);
}

export const typingModule: ModuleSpec = { name: 'typing', load: loadTyping };
