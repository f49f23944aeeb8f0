import { richCompare } from '../abstract/compare';
import { typeError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { dictEntries, dictNew } from './dict';
import { dictMerge } from './dictmerge';
import { moduleType } from './modtypes';
import { genericAlloc } from './object';
import { strNew, strValue } from './str';
import { Cmp, T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * types.SimpleNamespace (Objects/namespaceobject.c, 3.11): 16 GC + refcnt, type, ns_dict = 24
 * bytes, tp_dictoffset 16, so its attributes live in ns_dict like any instance dict's.
 * namespace_new allocates the object and PyDict_New's dict; namespace_init merges the keyword
 * dict into it (positional arguments are a TypeError before 3.13).
 */
interface NamespaceState {
  dict: number;
}

const stateOf = (vm: Vm, h: number): NamespaceState => vm.table.side[h] as NamespaceState;

/** namespace_repr: `namespace(a=1, b=[2])` (a subclass shows its own name), keys in dict order. */
function text(vm: Vm, h: number, depth = 0): string {
  const s = vm.typeOf(h);
  const name = s.id === namespaceType(vm).id ? 'namespace' : s.name;
  if (depth > 0 && reprDepth.has(h)) return `${name}(...)`;
  reprDepth.add(h);
  try {
    const parts: string[] = [];
    for (const [k, v] of dictEntries(vm, stateOf(vm, h).dict))
      if (vm.table.type[k] === T.Str) parts.push(`${strValue(vm, k)}=${reprText(vm, v, depth + 1)}`);
    return `${name}(${parts.join(', ')})`;
  } finally {
    reprDepth.delete(h);
  }
}
/** Py_ReprEnter's set: a namespace inside itself prints as namespace(...). */
const reprDepth = new Set<number>();

export const SimpleNamespaceType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'SimpleNamespace',
    qualname: 'SimpleNamespace',
    module: 'types',
    basicsize: 24,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dictoffset: 16,
    new: (vm, type) => {
      const h = genericAlloc(vm, type, 0);
      vm.table.side[h] = { dict: dictNew(vm) } satisfies NamespaceState;
      return h;
    },
    init: (vm, h, args, kwargs) => {
      if (vm.table.n[args] !== 0) throw typeError(vm, 'no positional arguments expected');
      if (kwargs === 0) return;
      for (const [k] of dictEntries(vm, kwargs))
        if (vm.table.type[k] !== T.Str) throw typeError(vm, 'keywords must be strings');
      dictMerge(vm, stateOf(vm, h).dict, kwargs);
    },
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const st = stateOf(vm, h);
      vm.table.side[h] = undefined;
      if (st?.dict) vm.decref(st.dict);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const st = stateOf(vm, h);
      if (st?.dict) visit(st.dict);
    },
    clear: (vm, h) => {
      const st = stateOf(vm, h);
      if (st?.dict) {
        const d = st.dict;
        st.dict = 0;
        vm.decref(d);
      }
    },
    repr: (vm, h) => strNew(vm, text(vm, h)),
    reprText: text,
    // namespace_richcompare: two namespaces compare their dicts
    richcompare: (vm, a, b, op) => {
      const ns = namespaceType(vm).id;
      if (
        (op !== Cmp.EQ && op !== Cmp.NE) ||
        !vm.typeOf(a).mro.includes(ns) ||
        !vm.typeOf(b).mro.includes(ns)
      )
        return vm.s.NotImplemented;
      return richCompare(vm, stateOf(vm, a).dict, stateOf(vm, b).dict, op);
    },
    // namespace_members: __dict__ (read-only), the ns_dict itself
    getset: {
      __dict__: {
        name: '__dict__',
        get: (vm, h) => {
          const d = stateOf(vm, h).dict;
          vm.incref(d);
          return d;
        },
      },
    },
    notModelled: 'types.SimpleNamespace',
  });

export const namespaceType = (vm: Vm): TypeSlots => moduleType(vm, SimpleNamespaceType);
