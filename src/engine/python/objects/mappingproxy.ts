import { callMethod } from '../abstract/call';
import { richCompare } from '../abstract/compare';
import { typeError } from '../abstract/errors';
import { getIter } from '../abstract/iter';
import { getItem } from '../abstract/item';
import { contains, length } from '../abstract/object';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { unpackKeywords } from './getargs';
import { dictKwargs } from '../abstract/kwargs';
import { moduleType } from './modtypes';
import { strNew } from './str';
import { tupleItems } from './tuple';
import { Meth, T, TpFlags, defineType, type MethodDef, type TypeSlots } from './types';

/**
 * types.MappingProxyType (Objects/descrobject.c mappingproxyobject: 16 GC + refcnt, type,
 * mapping = 24 bytes): a read-only view of a mapping. `cls.__dict__` is one over the class's
 * dict (type_dict: PyDictProxy_New, a new proxy on each access); every read goes to the mapping.
 */
const mappingOf = (vm: Vm, h: number): number => vm.table.ref[h];

/** PyDictProxy_New: a new proxy over `mapping` (borrowed). */
export function mappingProxyNew(vm: Vm, mapping: number): number {
  const h = vm.newGcObject(mappingProxyType(vm).id, 24);
  vm.incref(mapping);
  vm.table.ref[h] = mapping;
  vm.gc.track(h);
  return h;
}

/** mappingproxy_check_mapping: a mapping, and not a list or tuple (their __getitem__ takes ints). */
function checkMapping(vm: Vm, mapping: number): void {
  const s = vm.typeOf(mapping);
  if (!s.mapping?.subscript || s.mro.includes(T.List) || s.mro.includes(T.Tuple))
    throw typeError(vm, 'mappingproxy() argument must be a mapping, not %s', s.name);
}

/** A method forwarded to the mapping's own (mappingproxy_get / keys / values / items / copy). */
const forward = (name: string, flags: number): MethodDef => ({
  name,
  flags,
  impl: (vm, self, args) => callMethod(vm, mappingOf(vm, self), name, args),
});

const text = (vm: Vm, h: number): string => `mappingproxy(${reprText(vm, mappingOf(vm, h))})`;

export const MappingProxyType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'mappingproxy',
    basicsize: 24,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const m = mappingOf(vm, h);
      vm.table.ref[h] = 0;
      vm.decref(m);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => visit(mappingOf(vm, h)),
    repr: (vm, h) => strNew(vm, text(vm, h)),
    reprText: text,
    str: (vm, h) => strNew(vm, reprText(vm, mappingOf(vm, h))),
    // mappingproxy_richcompare: the mapping compared
    richcompare: (vm, a, b, op) => richCompare(vm, mappingOf(vm, a), b, op),
    iter: (vm, h) => getIter(vm, mappingOf(vm, h)),
    mapping: {
      length: (vm, h) => length(vm, mappingOf(vm, h)),
      subscript: (vm, h, key) => getItem(vm, mappingOf(vm, h), key),
    },
    sequence: { contains: (vm, h, x) => contains(vm, mappingOf(vm, h), x) },
    new: (vm, _type, args, kwargs) => {
      // mappingproxy_new (clinic): one argument, by position or as mapping=
      const kw = kwargs !== 0 && vm.table.n[kwargs] > 0 ? dictKwargs(vm, kwargs) : null;
      const [mapping] = unpackKeywords(
        vm,
        'mappingproxy',
        Array.from(tupleItems(vm, args)),
        kw,
        ['mapping'],
        1,
        1,
      );
      checkMapping(vm, mapping);
      return mappingProxyNew(vm, mapping);
    },
    methods: {
      get: forward('get', Meth.Fastcall),
      keys: forward('keys', Meth.NoArgs),
      values: forward('values', Meth.NoArgs),
      items: forward('items', Meth.NoArgs),
      copy: forward('copy', Meth.NoArgs),
    },
  });

export const mappingProxyType = (vm: Vm): TypeSlots => moduleType(vm, MappingProxyType);
