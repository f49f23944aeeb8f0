import { raiseString } from '../abstract/errors';
import { dictKwargs } from '../abstract/kwargs';
import { asSsize } from '../abstract/number';
import { sequenceTuple } from '../abstract/sequence';
import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { parseTupleAndKeywords, unpackKeywords } from './getargs';
import { intValue } from './int';
import { allocIter, iterType } from './itertype';
import { tupleAlloc, tupleFromItems, tupleItem, tupleItems } from './tuple';
import { T, type TypeSlots } from './types';

/**
 * The combinatoric iterators: product, permutations, combinations and
 * combinations_with_replacement (Modules/itertoolsmodule.c, 3.11). Each keeps its pool(s) as
 * tuples, its indices in PyMem arrays (8 bytes an index), and one result tuple it updates in
 * place while nobody else holds it; once a caller keeps it, the next step copies it first
 * (_PyTuple_FromArray) — so the step that finds the end still makes that copy.
 */

/** PyMem_New(Py_ssize_t, n): the array's memory (PyMem_Malloc(0) for none). */
function indexArray(vm: Vm, n: number): number {
  const p = vm.mem.malloc(8 * n);
  if (p === 0 && n > 0) throw memoryError();
  vm.mem.touch(p, 8 * n);
  return p;
}

/** The result tuple to update: itself when only the iterator holds it, else a copy (the old one let go). */
function ownResult(vm: Vm, s: { result: number }, r: number): number {
  const t = vm.table;
  const result = s.result;
  if (t.refcnt[result] > 1) {
    const items = tupleItems(vm, result);
    for (const x of items) vm.incref(x);
    const copy = r === 0 ? vm.s.emptyTuple : tupleFromItems(vm, items);
    s.result = copy;
    vm.decref(result);
    return copy;
  }
  if (r > 0 && !vm.gc.isTracked(result)) vm.gc.track(result);
  return result;
}

/** PyTuple_SET_ITEM over an old item, releasing it. */
function setItem(vm: Vm, tup: number, i: number, elem: number): void {
  vm.incref(elem);
  const slot = vm.table.ref[tup] + i;
  const old = vm.pool.data[slot];
  vm.pool.data[slot] = elem;
  vm.decref(old);
}

/** A new r-tuple with the items picked by `pick` (PyTuple_New + SET_ITEM). */
function firstResult(vm: Vm, r: number, pick: (i: number) => number): number {
  if (r === 0) return vm.s.emptyTuple;
  const tup = tupleAlloc(vm, r);
  for (let i = 0; i < r; i++) {
    const e = pick(i);
    vm.incref(e);
    vm.pool.data[vm.table.ref[tup] + i] = e;
  }
  vm.gc.track(tup);
  return tup;
}

const rArg = (vm: Vm, robj: number): number => {
  if (vm.table.type[robj] !== T.Int && !vm.typeOf(robj).mro.includes(T.Int))
    throw raiseString(vm, E.TypeError, 'Expected int as r');
  return asSsize(vm, robj, E.OverflowError);
};

// ---- product -------------------------------------------------------------------------------

type Product = { pools: number; result: number; indices: number[]; addr: number; stopped: number };

function productNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  let repeat = 1;
  if (kwargs !== 0) {
    // PyArg_ParseTupleAndKeywords(PyTuple_New(0), kwds, "|n:product", {"repeat"})
    const [rep] = parseTupleAndKeywords(vm, 'product', [], kwargs, ['repeat'], 0);
    if (rep) repeat = asSsize(vm, rep, E.OverflowError);
    if (repeat < 0) throw raiseString(vm, E.ValueError, 'repeat argument cannot be negative');
  }
  const a = tupleItems(vm, args);
  const nargs = repeat === 0 ? 0 : a.length;
  const npools = nargs * repeat;
  const addr = indexArray(vm, npools);
  const pools = npools === 0 ? vm.s.emptyTuple : tupleAlloc(vm, npools);
  const items: number[] = [];
  try {
    for (let i = 0; i < nargs; i++) items.push(sequenceTuple(vm, a[i]));
  } catch (e) {
    for (const p of items) vm.decref(p);
    if (npools > 0) {
      vm.pool.data.fill(0, vm.table.ref[pools], vm.table.ref[pools] + npools);
      vm.decref(pools);
    }
    vm.mem.free(addr);
    throw e;
  }
  for (let i = nargs; i < npools; i++) {
    vm.incref(items[i - nargs]);
    items.push(items[i - nargs]);
  }
  if (npools > 0) {
    vm.pool.data.set(items, vm.table.ref[pools]);
    vm.gc.track(pools);
  }
  return allocIter<Product>(vm, type, {
    pools,
    result: 0,
    indices: new Array(npools).fill(0),
    addr,
    stopped: 0,
  });
}

function productNext(vm: Vm, _h: number, s: Product): number {
  if (s.stopped) return 0;
  const pools = s.pools;
  const npools = vm.table.n[pools];
  if (s.result === 0) {
    for (let i = 0; i < npools; i++)
      if (vm.table.n[tupleItem(vm, pools, i)] === 0) {
        s.result = npools === 0 ? vm.s.emptyTuple : tupleAlloc(vm, npools);
        return productEmpty(vm, s, npools);
      }
    s.result = firstResult(vm, npools, (i) => tupleItem(vm, tupleItem(vm, pools, i), 0));
  } else {
    const result = ownResult(vm, s, npools);
    let i = npools - 1;
    for (; i >= 0; i--) {
      const pool = tupleItem(vm, pools, i);
      s.indices[i]++;
      if (s.indices[i] === vm.table.n[pool]) {
        s.indices[i] = 0;
        setItem(vm, result, i, tupleItem(vm, pool, 0));
      } else {
        setItem(vm, result, i, tupleItem(vm, pool, s.indices[i]));
        break;
      }
    }
    if (i < 0) {
      s.stopped = 1;
      return 0;
    }
  }
  vm.incref(s.result);
  return s.result;
}

/** A pool was empty on the first pass: the half-made result is kept (its unset items NULL). */
function productEmpty(vm: Vm, s: Product, n: number): number {
  if (n > 0) vm.pool.data.fill(0, vm.table.ref[s.result], vm.table.ref[s.result] + n);
  s.stopped = 1;
  return 0;
}

export const ProductType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Product>(id, {
    name: 'product',
    basicsize: 48,
    refs: ['pools', 'result'],
    new: productNew,
    next: productNext,
    free: (vm, s) => vm.mem.free(s.addr),
  });

// ---- permutations --------------------------------------------------------------------------

type Perm = {
  pool: number;
  result: number;
  indices: number[];
  cycles: number[];
  iaddr: number;
  caddr: number;
  r: number;
  stopped: number;
};

function permNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const kw = kwargs ? dictKwargs(vm, kwargs) : null;
  const [iterable, robj] = unpackKeywords(
    vm,
    'permutations',
    Array.from(tupleItems(vm, args)),
    kw,
    ['iterable', 'r'],
    1,
    2,
  );
  const pool = sequenceTuple(vm, iterable);
  const n = vm.table.n[pool];
  let r = n;
  try {
    if (robj && robj !== vm.s.None) r = rArg(vm, robj);
    if (r < 0) throw raiseString(vm, E.ValueError, 'r must be non-negative');
  } catch (e) {
    vm.decref(pool);
    throw e;
  }
  const iaddr = indexArray(vm, n);
  const caddr = indexArray(vm, r);
  return allocIter<Perm>(vm, type, {
    pool,
    result: 0,
    indices: Array.from({ length: n }, (_, i) => i),
    cycles: Array.from({ length: r }, (_, i) => n - i),
    iaddr,
    caddr,
    r,
    stopped: r > n ? 1 : 0,
  });
}

function permNext(vm: Vm, _h: number, s: Perm): number {
  const { pool, indices, cycles, r } = s;
  const n = vm.table.n[pool];
  if (s.stopped) return 0;
  if (s.result === 0) s.result = firstResult(vm, r, (i) => tupleItem(vm, pool, indices[i]));
  else {
    if (n === 0) return ((s.stopped = 1), 0);
    const result = ownResult(vm, s, r);
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i] -= 1;
      if (cycles[i] === 0) {
        const index = indices[i];
        for (let j = i; j < n - 1; j++) indices[j] = indices[j + 1];
        indices[n - 1] = index;
        cycles[i] = n - i;
      } else {
        const j = cycles[i];
        const index = indices[i];
        indices[i] = indices[n - j];
        indices[n - j] = index;
        for (let k = i; k < r; k++) setItem(vm, result, k, tupleItem(vm, pool, indices[k]));
        break;
      }
    }
    if (i < 0) return ((s.stopped = 1), 0);
  }
  vm.incref(s.result);
  return s.result;
}

export const PermutationsType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Perm>(id, {
    name: 'permutations',
    basicsize: 64,
    refs: ['pool', 'result'],
    new: permNew,
    next: permNext,
    free: (vm, s) => {
      vm.mem.free(s.iaddr);
      vm.mem.free(s.caddr);
    },
  });

// ---- combinations and combinations_with_replacement ----------------------------------------

type Comb = { pool: number; result: number; indices: number[]; addr: number; r: number; stopped: number };

function combNew(name: string, replacement: boolean): NonNullable<TypeSlots['new']> {
  return (vm, type, args, kwargs) => {
    const kw = kwargs ? dictKwargs(vm, kwargs) : null;
    const [iterable, robj] = unpackKeywords(
      vm,
      name,
      Array.from(tupleItems(vm, args)),
      kw,
      ['iterable', 'r'],
      2,
      2,
    );
    const r = Number(intValue(vm, robj));
    const pool = sequenceTuple(vm, iterable);
    const n = vm.table.n[pool];
    if (r < 0) {
      vm.decref(pool);
      throw raiseString(vm, E.ValueError, 'r must be non-negative');
    }
    const addr = indexArray(vm, r);
    return allocIter<Comb>(vm, type, {
      pool,
      result: 0,
      indices: Array.from({ length: r }, (_, i) => (replacement ? 0 : i)),
      addr,
      r,
      stopped: replacement ? (n === 0 && r > 0 ? 1 : 0) : r > n ? 1 : 0,
    });
  };
}

function combNext(vm: Vm, _h: number, s: Comb): number {
  const { pool, indices, r } = s;
  const n = vm.table.n[pool];
  if (s.stopped) return 0;
  if (s.result === 0) s.result = firstResult(vm, r, (i) => tupleItem(vm, pool, indices[i]));
  else {
    const result = ownResult(vm, s, r);
    let i = r - 1;
    while (i >= 0 && indices[i] === i + n - r) i--;
    if (i < 0) return ((s.stopped = 1), 0);
    indices[i]++;
    for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
    for (; i < r; i++) setItem(vm, result, i, tupleItem(vm, pool, indices[i]));
  }
  vm.incref(s.result);
  return s.result;
}

function cwrNext(vm: Vm, _h: number, s: Comb): number {
  const { pool, indices, r } = s;
  const n = vm.table.n[pool];
  if (s.stopped) return 0;
  if (s.result === 0) {
    if (n > 0) s.result = firstResult(vm, r, () => tupleItem(vm, pool, 0));
    else {
      s.result = r === 0 ? vm.s.emptyTuple : tupleAlloc(vm, r);
      if (r > 0) vm.pool.data.fill(0, vm.table.ref[s.result], vm.table.ref[s.result] + r);
    }
  } else {
    const result = ownResult(vm, s, r);
    let i = r - 1;
    while (i >= 0 && indices[i] === n - 1) i--;
    if (i < 0) return ((s.stopped = 1), 0);
    const index = indices[i] + 1;
    const elem = tupleItem(vm, pool, index);
    for (; i < r; i++) {
      indices[i] = index;
      setItem(vm, result, i, elem);
    }
  }
  vm.incref(s.result);
  return s.result;
}

export const CombinationsType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Comb>(id, {
    name: 'combinations',
    basicsize: 56,
    refs: ['pool', 'result'],
    new: combNew('combinations', false),
    next: combNext,
    free: (vm, s) => vm.mem.free(s.addr),
  });

export const CwrType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Comb>(id, {
    name: 'combinations_with_replacement',
    basicsize: 56,
    refs: ['pool', 'result'],
    new: combNew('combinations_with_replacement', true),
    next: cwrNext,
    free: (vm, s) => vm.mem.free(s.addr),
  });
