import { NotSupported } from '../errors';
import { call } from '../abstract/call';
import { typeError, raiseFormat, raiseString } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { asSsize, index as numberIndex } from '../abstract/number';
import { reprText } from '../abstract/repr';
import { richCompare, richCompareBool } from '../abstract/compare';
import type { Vm } from '../runtime/vm';
import {
  DEQUE_BASIC,
  DEQUE_FLAGS,
  dequeAppendInternal,
  dequeAppendLeftInternal,
  dequeAssItem,
  dequeClear,
  dequeDelItem,
  dequeExtend,
  dequeIndex,
  dequeInplaceRepeat,
  dequeItem,
  dequeItems,
  dequePop,
  dequePopLeft,
  dequeReverse,
  dequeRotate,
  dequeSearch,
  dequeState,
  dequeStateNew,
  mutatedDuringIteration,
  parseMaxlen,
  BLOCK_BYTES,
  BLOCKLEN,
  type DequeState,
} from './deque';
import { dequeIterNew, DequeIterType, DequeRevIterType } from './dequeiter';
import { E } from './exctypes';
import { parseTupleAndKeywords } from './getargs';
import { fromSsize } from './int';
import { moduleType } from './modtypes';
import { genericAlloc, hashNotImplemented } from './object';
import { tupleItems } from './tuple';
import { Cmp, Meth, defineType, type MethodDef, type TypeSlots } from './types';

/** The deque type (deque_type): its table, constructor and methods; storage in deque.ts. */

/** deque_new: tp_alloc (16 GC + 216 bytes, tracked), then one block. */
export function dequeNew(vm: Vm, type: TypeSlots): number {
  const h = genericAlloc(vm, type, 0);
  try {
    vm.table.side[h] = dequeStateNew(vm);
  } catch (e) {
    vm.decref(h);
    throw e;
  }
  return h;
}

/** deque_init: (iterable, maxlen) unpacked by hand unless keywords are given (then PyArg_ParseTupleAndKeywords). */
function dequeInit(vm: Vm, h: number, args: number, kwargs: number): void {
  const items = Array.from(tupleItems(vm, args));
  const [iterable, maxlenObj] =
    kwargs === 0 && items.length <= 2
      ? [items[0] ?? 0, items[1] ?? 0]
      : parseTupleAndKeywords(vm, 'deque', items, kwargs, ['iterable', 'maxlen'], 0);
  const d = dequeState(vm, h);
  d.maxlen = parseMaxlen(vm, maxlenObj);
  if (vm.table.n[h] > 0) dequeClear(vm, h);
  if (iterable !== 0) dequeExtend(vm, h, iterable, false);
}

function dequeDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const d = vm.table.side[h] as DequeState | undefined;
  if (d !== undefined) {
    dequeClear(vm, h);
    // freeblock(leftblock), then every cached block
    const b = d.leftblock;
    if (d.freeblocks.length < 16) d.freeblocks.push(b);
    else vm.mem.free(b.addr);
    for (const f of d.freeblocks) vm.mem.free(f.addr);
    d.freeblocks.length = 0;
  }
  vm.gcDel(h);
}

const deque = (vm: Vm): TypeSlots => moduleType(vm, DequeType);
const isDeque = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(deque(vm).id);

/** deque_copy: an exact deque copies itself item by item; a subclass is called with (deque[, maxlen]). */
export function dequeCopy(vm: Vm, h: number): number {
  const d = dequeState(vm, h);
  const t = vm.typeOf(h);
  if (t.id === deque(vm).id) {
    const n = dequeNew(vm, t);
    dequeState(vm, n).maxlen = d.maxlen;
    try {
      if (vm.table.n[h] === 1) {
        const item = d.leftblock.data[d.leftindex];
        vm.incref(item);
        dequeAppendInternal(vm, n, item, d.maxlen);
      } else dequeExtend(vm, n, h, false);
    } catch (e) {
      vm.decref(n);
      throw e;
    }
    return n;
  }
  const maxlen = d.maxlen < 0 ? 0 : fromSsize(vm, d.maxlen);
  try {
    const r = call(vm, t.typeObject, maxlen ? [h, maxlen] : [h], null);
    if (!isDeque(vm, r)) {
      const name = vm.typeOf(r).name;
      vm.decref(r);
      throw typeError(vm, '%.200s() must return a deque, not %.200s', t.name, name);
    }
    return r;
  } finally {
    if (maxlen) vm.decref(maxlen);
  }
}

function dequeConcat(vm: Vm, h: number, other: number): number {
  if (!isDeque(vm, other))
    throw typeError(vm, 'can only concatenate deque (not "%.200s") to deque', vm.typeOf(other).name);
  const n = dequeCopy(vm, h);
  try {
    dequeExtend(vm, n, other, false);
  } catch (e) {
    vm.decref(n);
    throw e;
  }
  return n;
}

/** deque_richcompare: sizes first for ==/!=, then both iterated until the first unequal pair. */
function dequeRichcompare(vm: Vm, v: number, w: number, op: Cmp): number {
  if (!isDeque(vm, v) || !isDeque(vm, w)) return vm.s.NotImplemented;
  const vs = vm.table.n[v];
  const ws = vm.table.n[w];
  if (op === Cmp.EQ || op === Cmp.NE) {
    if (v === w) return vm.s.bool(op === Cmp.EQ);
    if (vs !== ws) return vm.s.bool(op === Cmp.NE);
  }
  const it1 = getIter(vm, v);
  const it2 = getIter(vm, w);
  try {
    let x = 0;
    let y = 0;
    for (;;) {
      x = iterNext(vm, it1);
      y = iterNext(vm, it2);
      if (x === 0 || y === 0) break;
      let eq: boolean;
      try {
        eq = richCompareBool(vm, x, y, Cmp.EQ);
        if (!eq) return richCompare(vm, x, y, op);
      } finally {
        vm.decref(x);
        vm.decref(y);
      }
    }
    vm.xdecref(x);
    vm.xdecref(y);
    const r = [y !== 0, x === 0, x === y, x !== y, x !== 0, y === 0][op];
    return vm.s.bool(r);
  } finally {
    vm.decref(it1);
    vm.decref(it2);
  }
}

function dequeText(vm: Vm, h: number, depth: number): string {
  const items = Array.from(dequeItems(vm, h), (x) => (x === h ? '[...]' : reprText(vm, x, depth + 1)));
  const name = vm.typeOf(h).name;
  const m = dequeState(vm, h).maxlen;
  return `${name}([${items.join(', ')}]${m >= 0 ? `, maxlen=${m}` : ''})`;
}

const none = (vm: Vm): number => vm.s.None;
const m = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `deque.${name}`,
});

const DEQUE_METHODS: MethodDef[] = [
  m(
    'append',
    Meth.O,
    (vm, h, a) => (vm.incref(a[0]), dequeAppendInternal(vm, h, a[0], dequeState(vm, h).maxlen), none(vm)),
  ),
  m(
    'appendleft',
    Meth.O,
    (vm, h, a) => (vm.incref(a[0]), dequeAppendLeftInternal(vm, h, a[0], dequeState(vm, h).maxlen), none(vm)),
  ),
  m('clear', Meth.NoArgs, (vm, h) => (dequeClear(vm, h), none(vm))),
  m('copy', Meth.NoArgs, (vm, h) => dequeCopy(vm, h)),
  m('__copy__', Meth.NoArgs, (vm, h) => dequeCopy(vm, h)),
  m('count', Meth.O, (vm, h, a) => {
    let count = 0;
    dequeSearch(
      vm,
      h,
      a[0],
      0,
      vm.table.n[h],
      () => (count++, false),
      () => mutatedDuringIteration(vm),
    );
    return fromSsize(vm, count);
  }),
  m('extend', Meth.O, (vm, h, a) => (dequeExtend(vm, h, a[0], false), none(vm))),
  m('extendleft', Meth.O, (vm, h, a) => (dequeExtend(vm, h, a[0], true), none(vm))),
  m('index', Meth.Fastcall, (vm, h, a) => {
    if (a.length < 1 || a.length > 3)
      throw typeError(vm, 'index expected at least 1 argument, got %zd', a.length);
    return fromSsize(vm, dequeIndex(vm, h, a[0], a[1] ?? 0, a[2] ?? 0));
  }),
  m('insert', Meth.Fastcall, (vm, h, a) => {
    if (a.length !== 2) throw typeError(vm, 'insert expected 2 arguments, got %zd', a.length);
    const ix = numberIndex(vm, a[0]);
    const i = asSsize(vm, ix, 0);
    vm.decref(ix);
    dequeInsert(vm, h, i, a[1]);
    return none(vm);
  }),
  m('pop', Meth.NoArgs, (vm, h) => dequePop(vm, h)),
  m('popleft', Meth.NoArgs, (vm, h) => dequePopLeft(vm, h)),
  m('remove', Meth.O, (vm, h, a) => {
    const i = dequeSearch(
      vm,
      h,
      a[0],
      0,
      vm.table.n[h],
      () => true,
      () => raiseString(vm, E.IndexError, 'deque mutated during remove().'),
      true,
    );
    if (i < 0) throw raiseFormat(vm, E.ValueError, '%R is not in deque', a[0]);
    dequeDelItem(vm, h, i);
    return none(vm);
  }),
  m('reverse', Meth.NoArgs, (vm, h) => (dequeReverse(vm, h), none(vm))),
  m('__reversed__', Meth.NoArgs, (vm, h) => dequeIterNew(vm, h, true)),
  m('rotate', Meth.Fastcall, (vm, h, a) => {
    if (a.length > 1) throw typeError(vm, 'deque.rotate expected at most 1 argument, got %zd', a.length);
    let n = 1;
    if (a.length) {
      const ix = numberIndex(vm, a[0]);
      n = asSsize(vm, ix, E.OverflowError);
      vm.decref(ix);
    }
    dequeRotate(vm, h, n);
    return none(vm);
  }),
  m('__sizeof__', Meth.NoArgs, (vm, h) => fromSsize(vm, dequeSizeof(vm, h))),
  m('__reduce__', Meth.NoArgs, () => {
    throw new NotSupported('pickling a deque (deque.__reduce__)');
  }),
];

/** deque_insert: at an end it is an append; else rotate, append, rotate back. */
function dequeInsert(vm: Vm, h: number, index: number, value: number): void {
  const n = vm.table.n[h];
  const d = dequeState(vm, h);
  if (d.maxlen === n) throw raiseString(vm, E.IndexError, 'deque already at its maximum size');
  vm.incref(value);
  if (index >= n) return dequeAppendInternal(vm, h, value, d.maxlen);
  if (index <= -n || index === 0) return dequeAppendLeftInternal(vm, h, value, d.maxlen);
  dequeRotate(vm, h, -index);
  if (index < 0) dequeAppendInternal(vm, h, value, d.maxlen);
  else dequeAppendLeftInternal(vm, h, value, d.maxlen);
  dequeRotate(vm, h, index);
}

/** deque_sizeof: the object plus every block in use (the cached ones are not counted). */
function dequeSizeof(vm: Vm, h: number): number {
  const d = dequeState(vm, h);
  const blocks = Math.floor((d.leftindex + vm.table.n[h] + BLOCKLEN - 1) / BLOCKLEN);
  return vm.typeOf(h).basicsize + blocks * BLOCK_BYTES;
}

export const DequeType = (vm: Vm, id: number): TypeSlots => {
  // the iterator types are readied with the deque type, as the module's init does
  moduleType(vm, DequeIterType);
  moduleType(vm, DequeRevIterType);
  return defineType({
    id,
    name: 'deque',
    module: 'collections',
    basicsize: DEQUE_BASIC,
    flags: DEQUE_FLAGS,
    dealloc: dequeDealloc,
    traverse: (vm2, h, visit) => {
      for (const x of dequeItems(vm2, h)) visit(x);
    },
    clear: dequeClear,
    sizeof: dequeSizeof,
    reprText: dequeText,
    hash: hashNotImplemented,
    richcompare: dequeRichcompare,
    sequence: {
      length: (vm2, h) => vm2.table.n[h],
      concat: dequeConcat,
      repeat: (vm2, h, n) => {
        const c = dequeCopy(vm2, h);
        try {
          dequeInplaceRepeat(vm2, c, n);
        } catch (e) {
          vm2.decref(c);
          throw e;
        }
        return c;
      },
      item: dequeItem,
      assItem: dequeAssItem,
      contains: (vm2, h, x) =>
        dequeSearch(
          vm2,
          h,
          x,
          0,
          vm2.table.n[h],
          () => true,
          () => mutatedDuringIteration(vm2),
        ) >= 0,
      inplaceConcat: (vm2, h, other) => (dequeExtend(vm2, h, other, false), vm2.incref(h), h),
      inplaceRepeat: (vm2, h, n) => (dequeInplaceRepeat(vm2, h, n), vm2.incref(h), h),
    },
    iter: (vm2, h) => dequeIterNew(vm2, h, false),
    new: (vm2, type) => dequeNew(vm2, type),
    init: dequeInit,
    methods: Object.fromEntries(DEQUE_METHODS.map((d) => [d.name, d])),
    getset: {
      maxlen: {
        name: 'maxlen',
        get: (vm2, h) => {
          const ml = dequeState(vm2, h).maxlen;
          return ml < 0 ? vm2.s.None : fromSsize(vm2, ml);
        },
      },
    },
  });
};

export { dequeDelItem };
