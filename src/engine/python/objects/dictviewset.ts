import { cmpResult } from '../abstract/compare';
import { forEachItem } from '../abstract/iter';
import { contains, length } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { setAdd, setNew } from './set';
import {
  isAnySet,
  setDifferenceUpdate,
  setIntersection,
  setSymmetricDifferenceUpdate,
  setUpdateInternal,
} from './setops';
import { Cmp, NB, T, numberSlots, type NumberSlots } from './types';

/**
 * The set behaviour of dict_keys and dict_items (Objects/dictobject.c dictviews_*): &, |, -, ^
 * make a new set, the comparisons are length checks then all_contained_in, isdisjoint walks the
 * smaller side. dict_values has none of it.
 */
const isSetView = (vm: Vm, h: number): boolean => {
  const type = vm.table.type[h];
  return type === T.DictView || type === T.DictItems;
};

/** dictviews_to_set: PySet_New of the operand (of the dict itself for an exact dict's keys: set_update's dict path). */
function viewsToSet(vm: Vm, self: number): number {
  let left = self;
  if (vm.table.type[self] === T.DictView && vm.table.type[vm.table.ref[self]] === T.Dict)
    left = vm.table.ref[self];
  const s = setNew(vm);
  try {
    setUpdateInternal(vm, s, left);
  } catch (e) {
    vm.decref(s);
    throw e;
  }
  return s;
}

function withSet(vm: Vm, self: number, fill: (s: number) => void): number {
  const s = viewsToSet(vm, self);
  try {
    fill(s);
  } catch (e) {
    vm.decref(s);
    throw e;
  }
  return s;
}

/**
 * _PyDictView_Intersect: the view on the left; an exact set at least as big does it with
 * set.intersection; else the bigger view is probed while the other operand is iterated.
 */
function viewsIntersect(vm: Vm, a: number, b: number): number {
  let self = a;
  let other = b;
  if (!isSetView(vm, self)) [self, other] = [other, self];
  const lenSelf = length(vm, self);
  if (vm.table.type[other] === T.Set && lenSelf <= length(vm, other)) return setIntersection(vm, other, self);
  if (isSetView(vm, other) && length(vm, other) > lenSelf) [self, other] = [other, self];
  const result = setNew(vm);
  try {
    forEachItem(vm, other, (key) => {
      if (contains(vm, self, key)) setAdd(vm, result, key);
    });
  } catch (e) {
    vm.decref(result);
    throw e;
  }
  return result;
}

/** all_contained_in: every item of `a` is in `b` (PySequence_Contains). */
function allContainedIn(vm: Vm, a: number, b: number): boolean {
  let ok = true;
  forEachItem(vm, a, (item) => {
    ok = contains(vm, b, item);
    return ok;
  });
  return ok;
}

/** dictview_richcompare: only against a set, frozenset or keys/items view. */
export function viewRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (!isAnySet(vm, b) && !isSetView(vm, b)) return vm.s.NotImplemented;
  const la = length(vm, a);
  const lb = length(vm, b);
  let ok = false;
  if (op === Cmp.EQ || op === Cmp.NE) ok = (la === lb && allContainedIn(vm, a, b)) !== (op === Cmp.NE);
  else if (cmpResult(la - lb, op))
    ok = op === Cmp.LT || op === Cmp.LE ? allContainedIn(vm, a, b) : allContainedIn(vm, b, a);
  return vm.s.bool(ok);
}

/** dictviews_isdisjoint: the smaller of two sized operands is walked, the other probed. */
export function viewIsDisjoint(vm: Vm, self: number, other: number): number {
  if (self === other) return vm.s.bool(length(vm, self) === 0);
  let probe = self;
  let walk = other;
  if ((isAnySet(vm, other) || isSetView(vm, other)) && length(vm, other) > length(vm, self))
    [probe, walk] = [other, self];
  let disjoint = true;
  forEachItem(vm, walk, (item) => {
    disjoint = !contains(vm, probe, item);
    return disjoint;
  });
  return vm.s.bool(disjoint);
}

export const VIEW_NUMBER_SLOTS = (): NumberSlots =>
  numberSlots({
    [NB.And]: viewsIntersect,
    [NB.Or]: (vm, a, b) => withSet(vm, a, (s) => setUpdateInternal(vm, s, b)),
    [NB.Subtract]: (vm, a, b) => withSet(vm, a, (s) => setDifferenceUpdate(vm, s, b)),
    [NB.Xor]: (vm, a, b) => withSet(vm, a, (s) => setSymmetricDifferenceUpdate(vm, s, b)),
  });
