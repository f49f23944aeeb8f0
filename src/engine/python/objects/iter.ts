import type { Vm } from '../runtime/vm';
import { raiseString } from '../abstract/errors';
import { E } from './exctypes';
import { fromSsize } from './int';
import { listItem } from './list';
import { selfIter } from './rangeobject';
import { setData } from './set';
import { strCodeAt, strResult } from './str';
import { tupleItem } from './tuple';
import { Meth, T, TpFlags, defineType, type TypeSlots, type Visit } from './types';

/**
 * The sequence iterators (listobject.c listiterobject, tupleobject.c, unicodeobject.c's
 * str_ascii_iterator / str_iterator) and the set iterator: GC objects of 16 + 32 bytes (the set
 * iterator 16 + 48) that hold their sequence until they are exhausted (then they let go of it).
 * Columns: ref = the sequence (0 once exhausted), num = the index.
 */
export const SEQITER_BASIC = 32;
export const SETITER_BASIC = 48;

/** list_iter / tuple_iter / unicode_iter: a tracked iterator holding the sequence. */
function seqIterNew(vm: Vm, h: number, type: number): number {
  const it = vm.newGcObject(type, SEQITER_BASIC);
  vm.incref(h);
  vm.table.ref[it] = h;
  vm.gc.track(it);
  return it;
}

export const listIterNew = (vm: Vm, h: number): number => seqIterNew(vm, h, T.ListIter);
export const tupleIterNew = (vm: Vm, h: number): number => seqIterNew(vm, h, T.TupleIter);
export const strIterNew = (vm: Vm, h: number): number => seqIterNew(vm, h, T.StrIter);

/** listiter_next / tupleiter_next / unicodeiter_next: the item, or the end (the sequence released). */
function seqIterNext(vm: Vm, it: number): number {
  const t = vm.table;
  const seq = t.ref[it];
  if (seq === 0) return 0;
  const i = t.num[it];
  if (i < t.n[seq]) {
    t.num[it] = i + 1;
    const type = t.type[it];
    if (type === T.StrIter) return strResult(vm, String.fromCharCode(strCodeAt(vm, seq, i)));
    const v = type === T.ListIter ? listItem(vm, seq, i) : tupleItem(vm, seq, i);
    vm.incref(v);
    return v;
  }
  t.ref[it] = 0; // the iterator lets go of its sequence at the end
  vm.decref(seq);
  return 0;
}

/** __length_hint__: the items left (PyLong_FromSsize_t). */
function seqIterLen(vm: Vm, it: number): number {
  const t = vm.table;
  return fromSsize(vm, t.ref[it] ? Math.max(0, t.n[t.ref[it]] - t.num[it]) : 0);
}

function seqIterDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  vm.xdecref(vm.table.ref[h]);
  vm.gcDel(h);
}

function seqIterTraverse(vm: Vm, h: number, visit: Visit): void {
  if (vm.table.ref[h]) visit(vm.table.ref[h]);
}

const lengthHint = (impl: (vm: Vm, h: number) => number) => ({
  __length_hint__: { name: '__length_hint__', flags: Meth.NoArgs, impl },
});

function seqIterType(id: number, name: string): TypeSlots {
  return defineType({
    id,
    name,
    basicsize: SEQITER_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: seqIterDealloc,
    traverse: seqIterTraverse,
    iter: selfIter,
    iternext: seqIterNext,
    methods: lengthHint(seqIterLen),
  });
}

export const ListIterType = (): TypeSlots => seqIterType(T.ListIter, 'list_iterator');
export const TupleIterType = (): TypeSlots => seqIterType(T.TupleIter, 'tuple_iterator');
export const StrIterType = (): TypeSlots => seqIterType(T.StrIter, 'str_ascii_iterator');

// ---- the set iterator ---------------------------------------------------------------------

/** A set iterator's state beside its columns (ref = the set, num = si_pos). */
interface SetIterState {
  /** si_used: the set's size when the iterator was made; -1 once it saw a change. */
  used: number;
  /** len: members still to come (__length_hint__). */
  left: number;
}

/** set_iter: a tracked 16 + 48 byte iterator over the set's slots. */
export function setIterNew(vm: Vm, h: number): number {
  const it = vm.newGcObject(T.SetIter, SETITER_BASIC);
  vm.incref(h);
  vm.table.ref[it] = h;
  vm.table.num[it] = 0;
  vm.table.side[it] = { used: vm.table.n[h], left: vm.table.n[h] } satisfies SetIterState;
  vm.gc.track(it);
  return it;
}

/** setiter_iternext: the next live slot from si_pos; a size change raises; at the end the set is let go. */
function setIterNext(vm: Vm, it: number): number {
  const t = vm.table;
  const so = t.ref[it];
  if (so === 0) return 0;
  const st = t.side[it] as SetIterState;
  if (st.used !== t.n[so]) {
    st.used = -1;
    throw raiseString(vm, E.RuntimeError, 'Set changed size during iteration');
  }
  const { slots, mask } = setData(vm, so);
  let i = t.num[it];
  while (i <= mask && slots[i] <= 0) i++;
  t.num[it] = i + 1;
  if (i > mask) {
    t.ref[it] = 0;
    vm.decref(so);
    return 0;
  }
  st.left--;
  vm.incref(slots[i]);
  return slots[i];
}

export const SetIterType = (): TypeSlots =>
  defineType({
    id: T.SetIter,
    name: 'set_iterator',
    basicsize: SETITER_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: seqIterDealloc,
    traverse: seqIterTraverse,
    iter: selfIter,
    iternext: setIterNext,
    methods: lengthHint((vm, it) => {
      const t = vm.table;
      const left =
        t.ref[it] !== 0 && (t.side[it] as SetIterState).used === t.n[t.ref[it]]
          ? (t.side[it] as SetIterState).left
          : 0;
      return fromSsize(vm, left);
    }),
  });
