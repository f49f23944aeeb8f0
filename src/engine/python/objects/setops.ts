import type { Vm } from '../runtime/vm';
import { isAnySet, setAdd, setClear, setContains, setData, setDiscard, setNew, setUpdate } from './set';
import { NB, NB_BINARY_COUNT, T, type BinarySlot } from './types';

/**
 * The set operators (Objects/setobject.c, 3.11-3.13: the same code in the three): `|` `&` `-`
 * `^` and their in-place forms. Each result is a new set of the operand's base type
 * (make_new_set_basetype: a subclass gives a plain set or frozenset); the two operands must both
 * be sets or frozensets, else NotImplemented. What they allocate is what the table sizes decide:
 * set_merge resizes once up front for a set or dict operand, set_add_entry grows one key at a
 * time (set.ts), set_discard_entry leaves a dummy and frees nothing.
 */

/** make_new_set_basetype(Py_TYPE(so), NULL): an empty set, or frozenset for a frozenset operand. */
const newLike = (vm: Vm, so: number): number => {
  const t = vm.table.type[so];
  return setNew(vm, t === T.FrozenSet || (t !== T.Set && !vm.types[t].mro.includes(T.Set)));
};

/** set_copy: make_new_set_basetype(Py_TYPE(so), so) (set_update_internal → set_merge). */
function setCopy(vm: Vm, so: number): number {
  const r = newLike(vm, so);
  try {
    setUpdate(vm, r, so);
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}

/** A snapshot of the members (iterating while a key's __eq__ could change the set is not modelled). */
const members = (vm: Vm, h: number): number[] => [...setData(vm, h).index.values()];

/** set_or: a copy of so, then set_update_internal with other. */
function setOr(vm: Vm, so: number, other: number): number {
  const r = setCopy(vm, so);
  if (so === other) return r;
  try {
    setUpdate(vm, r, other);
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}

/** set_intersection with a set operand: the smaller one walked, its keys looked up in the larger. */
function setIntersection(vm: Vm, so: number, other: number): number {
  if (so === other) return setCopy(vm, so);
  const r = newLike(vm, so);
  let small = other;
  let large = so;
  if (vm.table.n[other] > vm.table.n[so]) [small, large] = [so, other];
  try {
    for (const k of members(vm, small)) if (setContains(vm, large, k)) setAdd(vm, r, k);
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}

/**
 * set_difference with a set operand: when so is over four times the other's size, a copy of so
 * with the other's keys discarded (set_copy_and_difference); otherwise so's keys not in the other
 * added one by one to a new set.
 */
function setDifference(vm: Vm, so: number, other: number): number {
  if (vm.table.n[so] >> 2 > vm.table.n[other]) {
    const r = setCopy(vm, so);
    differenceUpdate(vm, r, other);
    return r;
  }
  const r = newLike(vm, so);
  try {
    for (const k of members(vm, so)) if (!setContains(vm, other, k)) setAdd(vm, r, k);
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}

/** set_difference_update_internal with a set: cleared when it is so itself, else each key discarded. */
function differenceUpdate(vm: Vm, so: number, other: number): void {
  if (so === other) return setClear(vm, so);
  for (const k of members(vm, other)) setDiscard(vm, so, k);
}

/** set_symmetric_difference_update with a set: each of its keys discarded if present, else added. */
function symmetricDifferenceUpdate(vm: Vm, so: number, other: number): void {
  if (so === other) return setClear(vm, so);
  for (const k of members(vm, other)) if (!setDiscard(vm, so, k)) setAdd(vm, so, k);
}

/** set_symmetric_difference: a new set made from other (set_merge), updated with so. */
function setSymmetricDifference(vm: Vm, so: number, other: number): number {
  const r = newLike(vm, so);
  try {
    setUpdate(vm, r, other);
    symmetricDifferenceUpdate(vm, r, so);
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}

/** set_swap_bodies: the table, counts and members change objects (set_intersection_update). */
function swapBodies(vm: Vm, a: number, b: number): void {
  const t = vm.table;
  [t.side[a], t.side[b]] = [t.side[b], t.side[a]];
  [t.n[a], t.n[b]] = [t.n[b], t.n[a]];
}

const binary =
  (f: (vm: Vm, a: number, b: number) => number): BinarySlot =>
  (vm, a, b) =>
    isAnySet(vm, a) && isAnySet(vm, b) ? f(vm, a, b) : vm.s.NotImplemented;

/** The in-place forms work on the set itself (set_ior, set_iand, set_isub, set_ixor) and return it. */
const inplace =
  (f: (vm: Vm, so: number, other: number) => void): BinarySlot =>
  (vm, so, other) => {
    if (!isAnySet(vm, other)) return vm.s.NotImplemented;
    f(vm, so, other);
    vm.incref(so);
    return so;
  };

/** The number slots of set (frozenset has the binary ones only: it has no in-place forms). */
export function setNumberSlots(frozen: boolean): Partial<Record<number, BinarySlot>> {
  const slots: Partial<Record<number, BinarySlot>> = {
    [NB.Or]: binary(setOr),
    [NB.And]: binary(setIntersection),
    [NB.Subtract]: binary(setDifference),
    [NB.Xor]: binary(setSymmetricDifference),
  };
  if (frozen) return slots;
  slots[NB.Or + NB_BINARY_COUNT] = inplace((vm, so, other) => setUpdate(vm, so, other));
  slots[NB.And + NB_BINARY_COUNT] = inplace((vm, so, other) => {
    const tmp = setIntersection(vm, so, other);
    swapBodies(vm, so, tmp);
    vm.decref(tmp);
  });
  slots[NB.Subtract + NB_BINARY_COUNT] = inplace(differenceUpdate);
  slots[NB.Xor + NB_BINARY_COUNT] = inplace(symmetricDifferenceUpdate);
  return slots;
}
