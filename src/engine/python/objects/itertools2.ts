import { call, callTuple } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { dictKwargs } from '../abstract/kwargs';
import { NB_OF, binaryOp } from '../abstract/number';
import { isTrue } from '../abstract/object';
import { sequenceTuple } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { dictGetItem } from './dict';
import { checkPositional, noKeywords, unpackKeywords } from './getargs';
import { allocIter, clearField, iterType } from './itertype';
import { intern } from './str';
import { tupleAlloc, tupleFromItems, tupleItems } from './tuple';
import { T, type TypeSlots } from './types';

/**
 * itertools.compress, takewhile, dropwhile, filterfalse, starmap, accumulate, pairwise and
 * zip_longest (Modules/itertoolsmodule.c, 3.11).
 */

/** Positional-only (f, iterable, /) constructors: no keywords, two arguments; the iterator, then the object. */
function funcIterNew<S extends { func: number; it: number }>(
  name: string,
  extra: Omit<S, 'func' | 'it'>,
): NonNullable<TypeSlots['new']> {
  return (vm, type, args, kwargs) => {
    noKeywords(vm, name, kwargs);
    const a = tupleItems(vm, args);
    checkPositional(vm, name, a.length, 2, 2);
    const it = getIter(vm, a[1]);
    vm.incref(a[0]);
    return allocIter(vm, type, { func: a[0], it, ...extra } as unknown as S);
  };
}

// ---- compress ------------------------------------------------------------------------------

type Compress = { data: number; selectors: number };

export const CompressType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Compress>(id, {
    name: 'compress',
    basicsize: 32,
    refs: ['data', 'selectors'],
    new: (vm, type, args, kwargs) => {
      const [seq1, seq2] = unpackKeywords(
        vm,
        'compress',
        Array.from(tupleItems(vm, args)),
        kwargs ? dictKwargs(vm, kwargs) : null,
        ['data', 'selectors'],
        2,
        2,
      );
      const data = getIter(vm, seq1);
      let selectors: number;
      try {
        selectors = getIter(vm, seq2);
      } catch (e) {
        vm.decref(data);
        throw e;
      }
      return allocIter<Compress>(vm, type, { data, selectors });
    },
    next: (vm, _h, s) => {
      for (;;) {
        const datum = iterNext(vm, s.data);
        if (datum === 0) return 0;
        const selector = iterNext(vm, s.selectors);
        if (selector === 0) {
          vm.decref(datum);
          return 0;
        }
        let ok: boolean;
        try {
          ok = isTrue(vm, selector);
        } finally {
          vm.decref(selector);
        }
        if (ok) return datum;
        vm.decref(datum);
      }
    },
  });

// ---- takewhile, dropwhile, filterfalse, starmap --------------------------------------------

type TakeWhile = { func: number; it: number; stop: number };

/** Call the predicate on an item and test the result (PyObject_CallOneArg + PyObject_IsTrue). */
function predicate(vm: Vm, func: number, item: number): boolean {
  const good = call(vm, func, [item], null);
  try {
    return isTrue(vm, good);
  } finally {
    vm.decref(good);
  }
}

export const TakeWhileType = (_vm: Vm, id: number): TypeSlots =>
  iterType<TakeWhile>(id, {
    name: 'takewhile',
    basicsize: 40,
    refs: ['func', 'it'],
    new: funcIterNew<TakeWhile>('takewhile', { stop: 0 }),
    next: (vm, _h, s) => {
      if (s.stop === 1) return 0;
      const item = iterNext(vm, s.it);
      if (item === 0) return 0;
      let ok: boolean;
      try {
        ok = predicate(vm, s.func, item);
      } catch (e) {
        vm.decref(item);
        throw e;
      }
      if (ok) return item;
      vm.decref(item);
      s.stop = 1;
      return 0;
    },
  });

type DropWhile = { func: number; it: number; start: number };

export const DropWhileType = (_vm: Vm, id: number): TypeSlots =>
  iterType<DropWhile>(id, {
    name: 'dropwhile',
    basicsize: 40,
    refs: ['func', 'it'],
    new: funcIterNew<DropWhile>('dropwhile', { start: 0 }),
    next: (vm, _h, s) => {
      for (;;) {
        const item = iterNext(vm, s.it);
        if (item === 0) return 0;
        if (s.start === 1) return item;
        let ok: boolean;
        try {
          ok = predicate(vm, s.func, item);
        } catch (e) {
          vm.decref(item);
          throw e;
        }
        if (!ok) {
          s.start = 1;
          return item;
        }
        vm.decref(item);
      }
    },
  });

type FuncIt = { func: number; it: number };

export const FilterFalseType = (_vm: Vm, id: number): TypeSlots =>
  iterType<FuncIt>(id, {
    name: 'filterfalse',
    basicsize: 32,
    refs: ['func', 'it'],
    new: funcIterNew<FuncIt>('filterfalse', {}),
    next: (vm, _h, s) => {
      for (;;) {
        const item = iterNext(vm, s.it);
        if (item === 0) return 0;
        let ok: boolean;
        try {
          // None and bool test the item itself
          ok =
            s.func === vm.s.None || s.func === vm.types[T.Bool].typeObject
              ? isTrue(vm, item)
              : predicate(vm, s.func, item);
        } catch (e) {
          vm.decref(item);
          throw e;
        }
        if (!ok) return item;
        vm.decref(item);
      }
    },
  });

export const StarmapType = (_vm: Vm, id: number): TypeSlots =>
  iterType<FuncIt>(id, {
    name: 'starmap',
    basicsize: 32,
    refs: ['func', 'it'],
    new: funcIterNew<FuncIt>('starmap', {}),
    next: (vm, _h, s) => {
      let args = iterNext(vm, s.it);
      if (args === 0) return 0;
      if (vm.table.type[args] !== T.Tuple) {
        const t = args;
        try {
          args = sequenceTuple(vm, t);
        } finally {
          vm.decref(t);
        }
      }
      try {
        return callTuple(vm, s.func, args, 0);
      } finally {
        vm.decref(args);
      }
    },
  });

// ---- accumulate ----------------------------------------------------------------------------

/** accumulateobject (16 GC + 48): the running total, the iterator, the function (0: +), the initial value (None once used). */
type Accumulate = { total: number; it: number; binop: number; initial: number };

export const AccumulateType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Accumulate>(id, {
    name: 'accumulate',
    basicsize: 48,
    refs: ['total', 'it', 'binop', 'initial'],
    new: (vm, type, args, kwargs) => {
      const kw = kwargs ? dictKwargs(vm, kwargs) : null;
      const [iterable, func, initial] = unpackKeywords(
        vm,
        'accumulate',
        Array.from(tupleItems(vm, args)),
        kw,
        ['iterable', 'func', 'initial'],
        1,
        2,
      );
      const it = getIter(vm, iterable);
      const binop = func && func !== vm.s.None ? func : 0;
      if (binop) vm.incref(binop);
      const init = initial || vm.s.None;
      vm.incref(init);
      return allocIter<Accumulate>(vm, type, { total: 0, it, binop, initial: init });
    },
    next: (vm, _h, s) => {
      if (s.initial !== vm.s.None) {
        s.total = s.initial;
        s.initial = vm.s.None;
        vm.incref(s.total);
        return s.total;
      }
      const val = iterNext(vm, s.it);
      if (val === 0) return 0;
      if (s.total === 0) {
        vm.incref(val);
        s.total = val;
        return val;
      }
      let newtotal: number;
      try {
        newtotal =
          s.binop === 0 ? binaryOp(vm, NB_OF['+'], s.total, val) : call(vm, s.binop, [s.total, val], null);
      } finally {
        vm.decref(val);
      }
      vm.incref(newtotal);
      const old = s.total;
      s.total = newtotal;
      vm.decref(old);
      return newtotal;
    },
  });

// ---- pairwise ------------------------------------------------------------------------------

type Pairwise = { it: number; old: number };

export const PairwiseType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Pairwise>(id, {
    name: 'pairwise',
    basicsize: 32,
    refs: ['it', 'old'],
    new: (vm, type, args, kwargs) => {
      noKeywords(vm, 'pairwise', kwargs);
      const a = tupleItems(vm, args);
      checkPositional(vm, 'pairwise', a.length, 1, 1);
      const it = getIter(vm, a[0]);
      return allocIter<Pairwise>(vm, type, { it, old: 0 });
    },
    next: (vm, _h, s) => {
      if (s.it === 0) return 0;
      if (s.old === 0) {
        s.old = iterNext(vm, s.it);
        if (s.old === 0) {
          clearField(vm, s, 'it');
          return 0;
        }
      }
      const nw = iterNext(vm, s.it);
      if (nw === 0) {
        clearField(vm, s, 'it');
        clearField(vm, s, 'old');
        return 0;
      }
      vm.incref(s.old);
      vm.incref(nw);
      const result = tupleFromItems(vm, [s.old, nw]);
      const old = s.old;
      s.old = nw;
      vm.decref(old);
      return result;
    },
  });

// ---- zip_longest ---------------------------------------------------------------------------

/** ziplongestobject (16 GC + 56): a tuple of iterators (NULL once exhausted), a reused result tuple, the fill value. */
type ZipLongest = {
  ittuple: number;
  result: number;
  fillvalue: number;
  tuplesize: number;
  numactive: number;
};

function zipLongestNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  let fillvalue = vm.s.None;
  if (kwargs !== 0 && vm.table.n[kwargs] > 0) {
    const f = vm.table.n[kwargs] === 1 ? dictGetItem(vm, kwargs, intern(vm, 'fillvalue')) : 0;
    if (f === 0) throw typeError(vm, 'zip_longest() got an unexpected keyword argument');
    fillvalue = f;
  }
  const items = tupleItems(vm, args);
  const n = items.length;
  // PyTuple_New first, then each iterator into it
  const ittuple = n === 0 ? vm.s.emptyTuple : tupleAlloc(vm, n);
  if (n > 0) {
    const off = vm.table.ref[ittuple];
    vm.pool.data.fill(0, off, off + n);
    vm.gc.track(ittuple);
    for (let i = 0; i < n; i++) {
      try {
        vm.pool.data[vm.table.ref[ittuple] + i] = getIter(vm, items[i]);
      } catch (e) {
        vm.decref(ittuple);
        throw e;
      }
    }
  }
  const result = n === 0 ? vm.s.emptyTuple : tupleAlloc(vm, n);
  if (n > 0) {
    vm.pool.data.fill(vm.s.None, vm.table.ref[result], vm.table.ref[result] + n);
    vm.gc.track(result);
  }
  vm.incref(fillvalue);
  return allocIter<ZipLongest>(vm, type, { ittuple, result, fillvalue, tuplesize: n, numactive: n });
}

function zipLongestNext(vm: Vm, _h: number, s: ZipLongest): number {
  const n = s.tuplesize;
  if (n === 0 || s.numactive === 0) return 0;
  const t = vm.table;
  const reuse = t.refcnt[s.result] === 1;
  const result = reuse ? s.result : tupleAlloc(vm, n);
  if (reuse) vm.incref(result);
  const its = t.ref[s.ittuple];
  for (let i = 0; i < n; i++) {
    const it = vm.pool.data[its + i];
    let item: number;
    if (it === 0) {
      vm.incref(s.fillvalue);
      item = s.fillvalue;
    } else {
      item = iterNext(vm, it);
      if (item === 0) {
        s.numactive--;
        if (s.numactive === 0) {
          if (!reuse) vm.pool.data.fill(0, t.ref[result] + i, t.ref[result] + n);
          vm.decref(result);
          return 0;
        }
        vm.incref(s.fillvalue);
        item = s.fillvalue;
        vm.pool.data[its + i] = 0;
        vm.decref(it);
      }
    }
    const slot = t.ref[result] + i;
    const old = reuse ? vm.pool.data[slot] : 0;
    vm.pool.data[slot] = item;
    if (old) vm.decref(old);
  }
  if (reuse) {
    if (!vm.gc.isTracked(result)) vm.gc.track(result);
  } else vm.gc.track(result);
  return result;
}

export const ZipLongestType = (_vm: Vm, id: number): TypeSlots =>
  iterType<ZipLongest>(id, {
    name: 'zip_longest',
    basicsize: 56,
    refs: ['ittuple', 'result', 'fillvalue'],
    new: zipLongestNew,
    next: zipLongestNext,
  });
