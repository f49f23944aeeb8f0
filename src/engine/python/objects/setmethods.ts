import { setKeyError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { setAdd, setClear, setContains, setData, setDiscard } from './set';
import {
  isAnySet,
  setCopy,
  setDifference,
  setDifferenceUpdate,
  setIntersection,
  setIsDisjoint,
  setIsSubset,
  setIsSuperset,
  setPop,
  setSymmetricDifference,
  setSymmetricDifferenceUpdate,
  setUpdateInternal,
} from './setops';
import { Meth, NB, NB_BINARY_COUNT, T, numberSlots, type MethodDef, type NumberSlots } from './types';

/**
 * set's and frozenset's methods and operators (Objects/setobject.c, 3.11): the METH_VARARGS ones
 * (union, intersection, difference, update…) take any number of iterables; the operators take sets
 * only (NotImplemented otherwise); the in-place ones change the set itself and only set has them.
 */

const none = (vm: Vm): number => vm.s.None;
const bool = (vm: Vm, b: boolean): number => vm.s.bool(b);
const def = (owner: string, name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `${owner}.${name}`,
});

/** set_swap_bodies: the two objects exchange tables, sizes and fill (so the temporary frees the old one). */
function swapBodies(vm: Vm, a: number, b: number): void {
  const t = vm.table;
  const da = setData(vm, a);
  t.side[a] = setData(vm, b);
  t.side[b] = da;
  const n = t.n[a];
  t.n[a] = t.n[b];
  t.n[b] = n;
}

/** set_union: a copy, then each other iterable added (so itself skipped). */
function union(vm: Vm, so: number, args: readonly number[]): number {
  const r = setCopy(vm, so);
  try {
    for (const o of args) if (o !== so) setUpdateInternal(vm, r, o);
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}

/** set_intersection_multi: pairwise, each result the next one's left side. */
function intersectionMulti(vm: Vm, so: number, args: readonly number[]): number {
  if (args.length === 0) return setCopy(vm, so);
  let r = so;
  vm.incref(r);
  for (const o of args) {
    let next: number;
    try {
      next = setIntersection(vm, r, o);
    } finally {
      vm.decref(r);
    }
    r = next;
  }
  return r;
}

/** set_difference_multi: the first difference made, the others removed from it. */
function differenceMulti(vm: Vm, so: number, args: readonly number[]): number {
  if (args.length === 0) return setCopy(vm, so);
  const r = setDifference(vm, so, args[0]);
  try {
    for (const o of args.slice(1)) setDifferenceUpdate(vm, r, o);
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}

/** set_intersection_update(_multi): the intersection made, then the bodies swapped. */
function intersectionUpdate(vm: Vm, so: number, tmp: number): void {
  swapBodies(vm, so, tmp);
  vm.decref(tmp);
}

const shared = (owner: string): Record<string, MethodDef> => ({
  __contains__: def(owner, '__contains__', Meth.O | Meth.Coexist, (vm, self, a) =>
    bool(vm, setContains(vm, self, a[0])),
  ),
  copy: def(owner, 'copy', Meth.NoArgs, (vm, self) => {
    if (vm.table.type[self] === T.FrozenSet) {
      vm.incref(self); // frozenset_copy: an exact frozenset is its own copy
      return self;
    }
    return setCopy(vm, self);
  }),
  union: def(owner, 'union', Meth.Varargs, (vm, self, a) => union(vm, self, a)),
  intersection: def(owner, 'intersection', Meth.Varargs, (vm, self, a) => intersectionMulti(vm, self, a)),
  difference: def(owner, 'difference', Meth.Varargs, (vm, self, a) => differenceMulti(vm, self, a)),
  symmetric_difference: def(owner, 'symmetric_difference', Meth.O, (vm, self, a) =>
    setSymmetricDifference(vm, self, a[0]),
  ),
  issubset: def(owner, 'issubset', Meth.O, (vm, self, a) => bool(vm, setIsSubset(vm, self, a[0]))),
  issuperset: def(owner, 'issuperset', Meth.O, (vm, self, a) => bool(vm, setIsSuperset(vm, self, a[0]))),
  isdisjoint: def(owner, 'isdisjoint', Meth.O, (vm, self, a) => bool(vm, setIsDisjoint(vm, self, a[0]))),
});

export const FROZENSET_METHODS: Record<string, MethodDef> = shared('frozenset');

export const SET_METHODS: Record<string, MethodDef> = {
  ...shared('set'),
  add: def('set', 'add', Meth.O, (vm, self, a) => {
    setAdd(vm, self, a[0]);
    return none(vm);
  }),
  discard: def('set', 'discard', Meth.O, (vm, self, a) => {
    setDiscard(vm, self, a[0]);
    return none(vm);
  }),
  remove: def('set', 'remove', Meth.O, (vm, self, a) => {
    if (!setDiscard(vm, self, a[0])) throw setKeyError(vm, a[0], reprText(vm, a[0]));
    return none(vm);
  }),
  pop: def('set', 'pop', Meth.NoArgs, (vm, self) => setPop(vm, self)),
  clear: def('set', 'clear', Meth.NoArgs, (vm, self) => {
    setClear(vm, self);
    return none(vm);
  }),
  update: def('set', 'update', Meth.Varargs, (vm, self, a) => {
    for (const o of a) setUpdateInternal(vm, self, o);
    return none(vm);
  }),
  intersection_update: def('set', 'intersection_update', Meth.Varargs, (vm, self, a) => {
    intersectionUpdate(vm, self, intersectionMulti(vm, self, a));
    return none(vm);
  }),
  difference_update: def('set', 'difference_update', Meth.Varargs, (vm, self, a) => {
    for (const o of a) setDifferenceUpdate(vm, self, o);
    return none(vm);
  }),
  symmetric_difference_update: def('set', 'symmetric_difference_update', Meth.O, (vm, self, a) => {
    setSymmetricDifferenceUpdate(vm, self, a[0]);
    return none(vm);
  }),
};

/** A binary operator on two sets; NotImplemented when either is not one. */
const binary =
  (fn: (vm: Vm, a: number, b: number) => number) =>
  (vm: Vm, a: number, b: number): number =>
    isAnySet(vm, a) && isAnySet(vm, b) ? fn(vm, a, b) : vm.s.NotImplemented;

/** An in-place operator: the set changed, itself returned. */
const inplace =
  (fn: (vm: Vm, a: number, b: number) => void) =>
  (vm: Vm, a: number, b: number): number => {
    if (!isAnySet(vm, b)) return vm.s.NotImplemented;
    fn(vm, a, b);
    vm.incref(a);
    return a;
  };

/** set_or: a copy of the left, the right merged in. */
function setOr(vm: Vm, a: number, b: number): number {
  const r = setCopy(vm, a);
  if (a === b) return r;
  try {
    setUpdateInternal(vm, r, b);
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}

export function setNumberSlots(frozen: boolean): NumberSlots {
  const ops: Record<number, (vm: Vm, a: number, b: number) => number> = {
    [NB.Or]: binary(setOr),
    [NB.And]: binary(setIntersection),
    [NB.Subtract]: binary(setDifference),
    [NB.Xor]: binary(setSymmetricDifference),
  };
  if (!frozen) {
    ops[NB.Or + NB_BINARY_COUNT] = inplace(setUpdateInternal);
    ops[NB.And + NB_BINARY_COUNT] = inplace((vm, a, b) =>
      intersectionUpdate(vm, a, setIntersection(vm, a, b)),
    );
    ops[NB.Subtract + NB_BINARY_COUNT] = inplace(setDifferenceUpdate);
    ops[NB.Xor + NB_BINARY_COUNT] = inplace(setSymmetricDifferenceUpdate);
  }
  return numberSlots(ops);
}
