import { NotSupported } from '../errors';
import { call } from '../abstract/call';
import { raiseFormat, raiseString, typeError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import { richCompareBool } from '../abstract/compare';
import { isTrue } from '../abstract/object';
import { setItem } from '../abstract/item';
import { getIter, iterNext } from '../abstract/iter';
import type { Vm } from '../runtime/vm';
import { dictGetItem, dictSizeof, dictTraverse } from './dict';
import { dictData, releaseBlock } from './dictkeys';
import { dictRichcompare, subclassOr } from './dictmethods';
import { dictNewSubtype } from './dictsub';
import { E } from './exctypes';
import { unpackKeywords } from './getargs';
import { fromSsize } from './int';
import { moduleType } from './modtypes';
import { mutableMappingUpdate } from './mutablemapping';
import {
  NODE_BYTES,
  ODICT_BASIC,
  odClear,
  odClearNodes,
  odDelItem,
  odForget,
  odKeys,
  odMoveToEnd,
  odPopKey,
  odSetItem,
  odState,
} from './odict';
import {
  OdictItemsType,
  OdictIterType,
  OdictKeysType,
  OdictValuesType,
  odictIterNew,
  odViewNew,
  IterKind,
} from './odictiter';
import { tupleFromItems, tupleItems } from './tuple';
import {
  Cmp,
  Meth,
  NB,
  NB_BINARY_COUNT,
  T,
  TpFlags,
  defineType,
  numberSlots,
  type MethodDef,
  type TypeSlots,
} from './types';

/** The OrderedDict type (PyODict_Type): its table and methods; the node list is odict.ts. */

export const odictType = (vm: Vm): TypeSlots => moduleType(vm, OrderedDictType);

function odDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  odClearNodes(vm, h);
  odForget(vm, h);
  // dict_dealloc of a subclass: the table (entries, then its memory), then tp_free
  const d = dictData(vm, h);
  for (let i = 0; i < d.nentries; i++) {
    if (keyAt(d, i) !== 0) vm.decref(keyAt(d, i));
    if (valueAt(d, i) !== 0) vm.decref(valueAt(d, i));
  }
  if (d.keysAddr) {
    if (d.log2 === 3 && d.unicode && vm.free.dictKeys.length < 80) vm.free.dictKeys.push(d.keysAddr);
    else vm.mem.free(d.keysAddr);
    releaseBlock(vm, d.buf, d.ko, d.log2);
  }
  vm.table.side[h] = undefined;
  vm.gcDel(h);
  vm.trashEnd();
}

/** odict_repr (3.11): "OrderedDict()" or "OrderedDict([(k, v), …])". */
function odText(vm: Vm, h: number, depth: number): string {
  const name = vm.typeOf(h).name;
  if (vm.table.n[h] === 0) return `${name}()`;
  const parts: string[] = [];
  for (const n of odKeys(vm, h)) {
    const v = dictGetItem(vm, h, n.key);
    parts.push(`(${reprText(vm, n.key, depth + 1)}, ${v === h ? '...' : reprText(vm, v, depth + 1)})`);
  }
  return `${name}([${parts.join(', ')}])`;
}

/** odict_richcompare: dict equality, then (two OrderedDicts) the keys in the same order. */
function odRichcompare(vm: Vm, v: number, w: number, op: Cmp): number {
  const od = odictType(vm).id;
  if (!vm.typeOf(v).mro.includes(od) || !vm.typeOf(w).mro.includes(T.Dict)) return vm.s.NotImplemented;
  if (op !== Cmp.EQ && op !== Cmp.NE) return vm.s.NotImplemented;
  const cmp = dictRichcompare(vm, v, w, op);
  if (!vm.typeOf(w).mro.includes(od)) return cmp;
  if ((op === Cmp.EQ && cmp === vm.s.False) || (op === Cmp.NE && cmp === vm.s.True)) return cmp;
  vm.decref(cmp);
  return vm.s.bool(keysEqual(vm, v, w) === (op === Cmp.EQ));
}

/** _odict_keys_equal: pairwise, with the mutation checks. */
function keysEqual(vm: Vm, a: number, b: number): boolean {
  const sa = odState(vm, a);
  const sb = odState(vm, b);
  const stA = sa.state;
  const stB = sb.state;
  let na = sa.first;
  let nb = sb.first;
  for (;;) {
    if (na === null || nb === null) return na === nb;
    const eq = richCompareBool(vm, na.key, nb.key, Cmp.EQ);
    if (sa.state !== stA || sb.state !== stB)
      throw raiseString(vm, E.RuntimeError, 'OrderedDict mutated during iteration');
    if (!eq) return false;
    na = na.next;
    nb = nb.next;
  }
}

/** odict_copy: an exact OrderedDict is filled node by node; a subclass is called and filled by item assignment. */
function odCopy(vm: Vm, h: number): number {
  const t = vm.typeOf(h);
  const exact = t.id === odictType(vm).id;
  const c = exact ? dictNewSubtype(vm, t) : call(vm, t.typeObject, [], null);
  try {
    for (const n of odKeys(vm, h)) {
      const v = dictGetItem(vm, h, n.key);
      if (v === 0) throw raiseFormat(vm, E.KeyError, '%R', n.key);
      if (exact) odSetItem(vm, c, n.key, v);
      else setItem(vm, c, n.key, v);
    }
  } catch (e) {
    vm.decref(c);
    throw e;
  }
  return c;
}

/** odict_sizeof: the dict, the fast-nodes array and a node per key. */
function odSizeof(vm: Vm, h: number): number {
  const s = odState(vm, h);
  const dictPart = dictSizeof(vm, h) - 16;
  return dictPart + 8 * s.fastSize + (vm.table.n[h] ? NODE_BYTES * vm.table.n[h] : 0);
}

const none = (vm: Vm): number => vm.s.None;
const meth = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `OrderedDict.${name}`,
});
const KW = Meth.Fastcall | Meth.Keywords;

const OD_METHODS: MethodDef[] = [
  meth('setdefault', KW, (vm, h, a, kw) => {
    const [key, dflt] = unpackKeywords(vm, 'setdefault', a, kw, ['key', 'default'], 1, 2);
    const v = dictGetItem(vm, h, key);
    if (v !== 0) {
      vm.incref(v);
      return v;
    }
    const d = dflt || vm.s.None;
    if (vm.typeOf(h).id === odictType(vm).id) odSetItem(vm, h, key, d);
    else setItem(vm, h, key, d);
    vm.incref(d);
    return d;
  }),
  meth('pop', KW, (vm, h, a, kw) => {
    const [key, dflt] = unpackKeywords(vm, 'pop', a, kw, ['key', 'default'], 1, 2);
    return odPopKey(vm, h, key, dflt);
  }),
  meth('popitem', KW, (vm, h, a, kw) => {
    const [lastObj] = unpackKeywords(vm, 'popitem', a, kw, ['last'], 0, 1);
    const last = lastObj === 0 || isTrue(vm, lastObj);
    const od = odState(vm, h);
    if (od.first === null) throw raiseString(vm, E.KeyError, 'dictionary is empty');
    const node = last ? od.last! : od.first;
    const key = node.key;
    vm.incref(key);
    try {
      const value = odPopKey(vm, h, key, 0);
      vm.incref(key);
      return tupleFromItems(vm, [key, value]);
    } finally {
      vm.decref(key);
    }
  }),
  meth('move_to_end', KW, (vm, h, a, kw) => {
    const [key, lastObj] = unpackKeywords(vm, 'move_to_end', a, kw, ['key', 'last'], 1, 2);
    odMoveToEnd(vm, h, key, lastObj === 0 || isTrue(vm, lastObj));
    return none(vm);
  }),
  meth('keys', Meth.NoArgs, (vm, h) => odViewNew(vm, h, OdictKeysType)),
  meth('values', Meth.NoArgs, (vm, h) => odViewNew(vm, h, OdictValuesType)),
  meth('items', Meth.NoArgs, (vm, h) => odViewNew(vm, h, OdictItemsType)),
  meth('update', Meth.Varargs | Meth.Keywords, (vm, h, a, kw) => {
    mutableMappingUpdate(vm, h, a, kw);
    return none(vm);
  }),
  meth('clear', Meth.NoArgs, (vm, h) => (odClear(vm, h), none(vm))),
  meth('copy', Meth.NoArgs, odCopy),
  meth('__copy__', Meth.NoArgs, odCopy),
  meth('__reversed__', Meth.NoArgs, (vm, h) => odictIterNew(vm, h, IterKind.Keys | IterKind.Reversed)),
  meth('__sizeof__', Meth.NoArgs, (vm, h) => fromSsize(vm, odSizeof(vm, h))),
  meth('__reduce__', Meth.NoArgs, () => {
    throw new NotSupported('pickling an OrderedDict (OrderedDict.__reduce__)');
  }),
];

/** OrderedDict.fromkeys(iterable, value=None): cls() filled by item assignment (_PyDict_FromKeys). */
function odFromKeys(vm: Vm, type: number, a: readonly number[], kw: Map<string, number> | null): number {
  const [iterable, value] = unpackKeywords(vm, 'fromkeys', a, kw, ['iterable', 'value'], 1, 2);
  const d = call(vm, type, [], null);
  const v = value || vm.s.None;
  try {
    const it = getIter(vm, iterable);
    try {
      for (let k = iterNext(vm, it); k !== 0; k = iterNext(vm, it)) {
        try {
          setItem(vm, d, k, v);
        } finally {
          vm.decref(k);
        }
      }
    } finally {
      vm.decref(it);
    }
  } catch (e) {
    vm.decref(d);
    throw e;
  }
  return d;
}

export const OrderedDictType = (vm: Vm, id: number): TypeSlots => {
  moduleType(vm, OdictIterType);
  return defineType({
    id,
    name: 'OrderedDict',
    module: 'collections',
    basicsize: ODICT_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.DictSubclass | TpFlags.MappingFlag,
    base: T.Dict,
    dealloc: odDealloc,
    traverse: (vm2, h, visit) => {
      for (const n of odKeys(vm2, h)) visit(n.key);
      dictTraverse(vm2, h, visit);
    },
    clear: odClear,
    sizeof: odSizeof,
    reprText: odText,
    richcompare: odRichcompare,
    mapping: {
      assSubscript: (vm2, h, key, value) =>
        value === 0 ? odDelItem(vm2, h, key) : odSetItem(vm2, h, key, value),
    },
    iter: (vm2, h) => odictIterNew(vm2, h, IterKind.Keys),
    // odict_or: type(the OrderedDict operand)(left), then mutablemapping_update_arg(new, right);
    // odict_inplace_or: mutablemapping_update_arg(self, other)
    number: numberSlots({
      [NB.Or]: (vm2, a, b) =>
        subclassOr(
          vm2,
          a,
          b,
          id,
          (vm3, self, left) => call(vm3, vm3.typeOf(self).typeObject, [left], null),
          (vm3, h, arg) => mutableMappingUpdate(vm3, h, [arg], null),
        ),
      [NB.Or + NB_BINARY_COUNT]: (vm2, a, b) => {
        mutableMappingUpdate(vm2, a, [b], null);
        vm2.incref(a);
        return a;
      },
    }),
    new: (vm2, type) => dictNewSubtype(vm2, type),
    init: (vm2, h, args, kwargs) => {
      const items = tupleItems(vm2, args);
      if (items.length > 1) throw typeError(vm2, 'expected at most 1 arguments, got %zd', items.length);
      mutableMappingUpdate(vm2, h, Array.from(items), kwargs ? dictKw(vm2, kwargs) : null);
    },
    methods: {
      ...Object.fromEntries(OD_METHODS.map((d) => [d.name, d])),
      fromkeys: {
        name: 'fromkeys',
        flags: KW | Meth.Class,
        impl: (vm2, type, a, kw) => odFromKeys(vm2, type, a, kw),
        qualname: 'OrderedDict.fromkeys',
      },
    },
  });
};

import { dictKwargs as dictKw } from '../abstract/kwargs';
import { keyAt, valueAt } from './dictindex';
