import { equals } from '../abstract/compare';
import { raiseString, setKeyError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { dictGetItem } from './dict';
import { E } from './exctypes';
import { fromSsize } from './int';
import { moduleType, type TypeFactory } from './modtypes';
import { odFindNode, odKeys, odState } from './odict';
import { selfIter } from './rangeobject';
import { tupleAlloc } from './tuple';
import { Meth, T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * OrderedDict's iterator (odictiterobject: 16 GC + 64 bytes; the items kind packs a (None, None)
 * result tuple it reuses while nobody else holds it) and its views odict_keys / odict_values /
 * odict_items (dict views, 16 + 24 bytes, iterating in the list's order). The iterator remembers
 * the key it will hand out next and finds its node again each step (_odict_find_node, which may
 * rebuild the fast-nodes array); a changed list or size is a RuntimeError.
 */
export const enum IterKind {
  Keys = 1,
  Values = 2,
  Reversed = 4,
}

interface OdIter {
  od: number;
  size: number;
  state: number;
  current: number;
  result: number;
  kind: number;
}

const ODITER_BASIC = 64;

export function odictIterNew(vm: Vm, od: number, kind: number): number {
  const h = vm.newGcObject(moduleType(vm, OdictIterType).id, ODITER_BASIC);
  let result = 0;
  if (kind & IterKind.Keys && kind & IterKind.Values) {
    result = tupleAlloc(vm, 2);
    vm.pool.data[vm.table.ref[result]] = vm.s.None;
    vm.pool.data[vm.table.ref[result] + 1] = vm.s.None;
    vm.gc.track(result);
  }
  const s = odState(vm, od);
  const node = kind & IterKind.Reversed ? s.last : s.first;
  const current = node ? node.key : 0;
  if (current) vm.incref(current);
  vm.incref(od);
  vm.table.side[h] = { od, size: vm.table.n[od], state: s.state, current, result, kind } satisfies OdIter;
  vm.gc.track(h);
  return h;
}

const it = (vm: Vm, h: number): OdIter => vm.table.side[h] as OdIter;

/** odictiter_nextkey: the key to hand out (a new reference), 0 at the end (the dict is let go then). */
function nextKey(vm: Vm, h: number): number {
  const di = it(vm, h);
  if (di.od === 0) return 0;
  if (di.current === 0) {
    const od = di.od;
    di.od = 0;
    vm.decref(od);
    return 0;
  }
  const s = odState(vm, di.od);
  if (s.state !== di.state) {
    const od = di.od;
    di.od = 0;
    vm.decref(od);
    throw raiseString(vm, E.RuntimeError, 'OrderedDict mutated during iteration');
  }
  if (di.size !== vm.table.n[di.od]) {
    di.size = -1;
    throw raiseString(vm, E.RuntimeError, 'OrderedDict changed size during iteration');
  }
  const node = odFindNode(vm, di.od, di.current);
  if (node === null) {
    const key = di.current;
    di.current = 0;
    try {
      throw setKeyError(vm, key, reprText(vm, key));
    } finally {
      vm.decref(key);
    }
  }
  const key = di.current;
  const next = di.kind & IterKind.Reversed ? node.prev : node.next;
  di.current = next ? next.key : 0;
  if (next) vm.incref(next.key);
  return key;
}

/** odictiter_iternext: keys, values, or (key, value) in the reused result tuple when it is free. */
function iterNextItem(vm: Vm, h: number): number {
  const key = nextKey(vm, h);
  if (key === 0) return 0;
  const di = it(vm, h);
  if (!(di.kind & IterKind.Values)) return key;
  const value = dictGetItem(vm, di.od, key);
  if (value === 0) {
    if (di.current) vm.decref(di.current);
    di.current = 0;
    try {
      throw setKeyError(vm, key, reprText(vm, key));
    } finally {
      vm.decref(key);
    }
  }
  vm.incref(value);
  if (!(di.kind & IterKind.Keys)) {
    vm.decref(key);
    return value;
  }
  const t = vm.table;
  let result = di.result;
  if (t.refcnt[result] === 1) {
    vm.incref(result);
    const off = t.ref[result];
    const old0 = vm.pool.data[off];
    const old1 = vm.pool.data[off + 1];
    vm.decref(old0);
    vm.decref(old1);
    if (!vm.gc.isTracked(result)) vm.gc.track(result);
  } else {
    result = tupleAlloc(vm, 2);
    vm.gc.track(result);
  }
  vm.pool.data[t.ref[result]] = key;
  vm.pool.data[t.ref[result] + 1] = value;
  return result;
}

function iterDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const di = it(vm, h);
  vm.xdecref(di.od);
  vm.xdecref(di.current);
  vm.xdecref(di.result);
  vm.gcDel(h);
}

export const OdictIterType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'odict_iterator',
    module: 'collections',
    basicsize: ODITER_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: iterDealloc,
    traverse: (vm, h, visit) => {
      const di = it(vm, h);
      if (di.od) visit(di.od);
      if (di.current) visit(di.current);
      if (di.result) visit(di.result);
    },
    iter: selfIter,
    iternext: iterNextItem,
    methods: {
      __length_hint__: {
        name: '__length_hint__',
        flags: Meth.NoArgs,
        impl: (vm, h) => fromSsize(vm, it(vm, h).od ? vm.table.n[it(vm, h).od] : 0),
      },
    },
  });

// ---- the views ------------------------------------------------------------------------------

/** _PyDictView_New(od, type): a tracked 16 + 24 byte GC object holding the dict. */
export function odViewNew(vm: Vm, od: number, factory: TypeFactory): number {
  const v = vm.newGcObject(moduleType(vm, factory).id, 24);
  vm.incref(od);
  vm.table.ref[v] = od;
  vm.gc.track(v);
  return v;
}

function viewText(vm: Vm, h: number, depth: number, kind: number): string {
  const od = vm.table.ref[h];
  const parts: string[] = [];
  for (const n of odKeys(vm, od)) {
    const k = reprText(vm, n.key, depth + 1);
    const v = kind & IterKind.Values ? reprText(vm, dictGetItem(vm, od, n.key), depth + 1) : '';
    parts.push(kind === IterKind.Keys ? k : kind === IterKind.Values ? v : `(${k}, ${v})`);
  }
  return `${vm.typeOf(h).name}([${parts.join(', ')}])`;
}

function viewContains(vm: Vm, h: number, x: number, kind: number): boolean {
  const od = vm.table.ref[h];
  if (kind === IterKind.Keys) return dictGetItem(vm, od, x) !== 0;
  if (kind === IterKind.Values) {
    for (const n of odKeys(vm, od)) if (equals(vm, dictGetItem(vm, od, n.key), x)) return true;
    return false;
  }
  if (vm.table.type[x] !== T.Tuple || vm.table.n[x] !== 2) return false;
  const v = dictGetItem(vm, od, vm.pool.data[vm.table.ref[x]]);
  return v !== 0 && equals(vm, v, vm.pool.data[vm.table.ref[x] + 1]);
}

const viewType = (id: number, name: string, base: number, kind: number): TypeSlots =>
  defineType({
    id,
    name,
    module: 'collections',
    basicsize: 24,
    flags: TpFlags.HaveGc,
    base,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      vm.xdecref(vm.table.ref[h]);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => visit(vm.table.ref[h]),
    reprText: (vm, h, depth) => viewText(vm, h, depth, kind),
    repr: null,
    sequence: { contains: (vm, h, x) => viewContains(vm, h, x, kind) },
    iter: (vm, h) => odictIterNew(vm, vm.table.ref[h], kind),
    methods: {
      __reversed__: {
        name: '__reversed__',
        flags: Meth.NoArgs,
        impl: (vm, h) => odictIterNew(vm, vm.table.ref[h], kind | IterKind.Reversed),
      },
    },
  });

export const OdictKeysType = (_vm: Vm, id: number): TypeSlots =>
  viewType(id, 'odict_keys', T.DictView, IterKind.Keys);
export const OdictValuesType = (_vm: Vm, id: number): TypeSlots =>
  viewType(id, 'odict_values', T.DictValues, IterKind.Values);
export const OdictItemsType = (_vm: Vm, id: number): TypeSlots =>
  viewType(id, 'odict_items', T.DictItems, IterKind.Keys | IterKind.Values);
