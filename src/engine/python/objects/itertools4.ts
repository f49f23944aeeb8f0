import { getAttr, lookupAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { raiseString } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { dictKwargs } from '../abstract/kwargs';
import { asSsize } from '../abstract/number';
import { richCompareBool } from '../abstract/compare';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { unpackKeywords } from './getargs';
import { allocIter, clearField, gcNewIter, iterState, iterType } from './itertype';
import { moduleType } from './modtypes';
import { tupleAlloc, tupleFromItems, tupleItems } from './tuple';
import { Cmp, Meth, type TypeSlots } from './types';

/** itertools.groupby (with its _grouper) and tee (with _tee_dataobject), 3.11. */

// ---- groupby -------------------------------------------------------------------------------

/** groupbyobject (16 GC + 64): the iterator, key function, the group's key, the current key and value, the live grouper (borrowed). */
type GroupBy = {
  it: number;
  keyfunc: number;
  tgtkey: number;
  currkey: number;
  currvalue: number;
  currgrouper: number;
};
type Grouper = { parent: number; tgtkey: number };

/** groupby_step: the next value and its key (the key function called unless it is None). */
function groupbyStep(vm: Vm, g: GroupBy): boolean {
  const newvalue = iterNext(vm, g.it);
  if (newvalue === 0) return false;
  let newkey: number;
  if (g.keyfunc === vm.s.None) {
    vm.incref(newvalue);
    newkey = newvalue;
  } else {
    try {
      newkey = call(vm, g.keyfunc, [newvalue], null);
    } catch (e) {
      vm.decref(newvalue);
      throw e;
    }
  }
  const oldvalue = g.currvalue;
  g.currvalue = newvalue;
  const oldkey = g.currkey;
  g.currkey = newkey;
  if (oldkey) vm.decref(oldkey);
  if (oldvalue) vm.decref(oldvalue);
  return true;
}

function groupbyNext(vm: Vm, h: number, g: GroupBy): number {
  g.currgrouper = 0;
  for (;;) {
    if (g.currkey === 0) {
      /* pass */
    } else if (g.tgtkey === 0) break;
    else if (!richCompareBool(vm, g.tgtkey, g.currkey, Cmp.EQ)) break;
    if (!groupbyStep(vm, g)) return 0;
  }
  vm.incref(g.currkey);
  const old = g.tgtkey;
  g.tgtkey = g.currkey;
  if (old) vm.decref(old);
  // _grouper_create: PyObject_GC_New, then PyTuple_Pack(2, currkey, grouper)
  vm.incref(h);
  vm.incref(g.tgtkey);
  const grouper = gcNewIter<Grouper>(vm, moduleType(vm, GrouperType), { parent: h, tgtkey: g.tgtkey });
  g.currgrouper = grouper;
  vm.incref(g.currkey);
  return tupleFromItems(vm, [g.currkey, grouper]);
}

function grouperNext(vm: Vm, h: number, s: Grouper): number {
  const g = iterState<GroupBy>(vm, s.parent);
  if (g.currgrouper !== h) return 0;
  if (g.currvalue === 0 && !groupbyStep(vm, g)) return 0;
  if (!richCompareBool(vm, s.tgtkey, g.currkey, Cmp.EQ)) return 0;
  const r = g.currvalue;
  g.currvalue = 0;
  clearField(vm, g, 'currkey');
  return r;
}

export const GroupByType = (vm: Vm, id: number): TypeSlots => {
  moduleType(vm, GrouperType);
  return iterType<GroupBy>(id, {
    name: 'groupby',
    basicsize: 64,
    refs: ['it', 'keyfunc', 'tgtkey', 'currkey', 'currvalue'],
    new: (vm2, type, args, kwargs) => {
      const kw = kwargs ? dictKwargs(vm2, kwargs) : null;
      const [iterable, key] = unpackKeywords(
        vm2,
        'groupby',
        Array.from(tupleItems(vm2, args)),
        kw,
        ['iterable', 'key'],
        1,
        2,
      );
      const keyfunc = key || vm2.s.None;
      vm2.incref(keyfunc);
      const h = allocIter<GroupBy>(vm2, type, {
        it: 0,
        keyfunc,
        tgtkey: 0,
        currkey: 0,
        currvalue: 0,
        currgrouper: 0,
      });
      try {
        iterState<GroupBy>(vm2, h).it = getIter(vm2, iterable);
      } catch (e) {
        vm2.decref(h);
        throw e;
      }
      return h;
    },
    next: groupbyNext,
  });
};

export const GrouperType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Grouper>(id, {
    name: '_grouper',
    basicsize: 32,
    refs: ['parent', 'tgtkey'],
    next: grouperNext,
    final: true,
  });

// ---- tee -----------------------------------------------------------------------------------

/** LINKCELLS: values a _tee_dataobject holds (16 GC + 496 bytes). */
export const LINKCELLS = 57;

type TeeData = { it: number; numread: number; running: number; nextlink: number; values: number[] };
type Tee = { dataobj: number; index: number };

function teeDataNew(vm: Vm, it: number): number {
  vm.incref(it);
  return gcNewIter<TeeData>(vm, moduleType(vm, TeeDataType), {
    it,
    numread: 0,
    running: 0,
    nextlink: 0,
    values: [],
  });
}

/** teedataobject_getitem: a value already read, or the lead iterator fetches the next one. */
function teeDataGetItem(vm: Vm, d: TeeData, i: number): number {
  let value: number;
  if (i < d.numread) value = d.values[i];
  else {
    if (d.running) throw raiseString(vm, E.RuntimeError, 'cannot re-enter the tee iterator');
    d.running = 1;
    try {
      value = iterNext(vm, d.it);
    } finally {
      d.running = 0;
    }
    if (value === 0) return 0;
    d.numread++;
    d.values[i] = value;
  }
  vm.incref(value);
  return value;
}

function teeNext(vm: Vm, _h: number, s: Tee): number {
  if (s.index >= LINKCELLS) {
    // teedataobject_jumplink
    const d = iterState<TeeData>(vm, s.dataobj);
    if (d.nextlink === 0) d.nextlink = teeDataNew(vm, d.it);
    vm.incref(d.nextlink);
    const old = s.dataobj;
    s.dataobj = d.nextlink;
    vm.decref(old);
    s.index = 0;
  }
  const value = teeDataGetItem(vm, iterState<TeeData>(vm, s.dataobj), s.index);
  if (value === 0) return 0;
  s.index++;
  return value;
}

/** teedataobject_clear, with teedataobject_safe_decref's loop down the chain (no deep recursion). */
function teeDataClear(vm: Vm, d: TeeData): void {
  clearField(vm, d, 'it');
  for (let i = 0; i < d.numread; i++) {
    const v = d.values[i];
    d.values[i] = 0;
    if (v) vm.decref(v);
  }
  d.numread = 0;
  let obj = d.nextlink;
  d.nextlink = 0;
  const type = moduleType(vm, TeeDataType).id;
  while (obj !== 0 && vm.table.type[obj] === type && vm.table.refcnt[obj] === 1) {
    const od = iterState<TeeData>(vm, obj);
    const next = od.nextlink;
    od.nextlink = 0;
    vm.decref(obj);
    obj = next;
  }
  if (obj) vm.decref(obj);
}

export const TeeDataType = (_vm: Vm, id: number): TypeSlots => {
  const t = iterType<TeeData>(id, {
    name: '_tee_dataobject',
    basicsize: 496,
    refs: ['it'],
    next: () => 0,
    final: true,
  });
  t.iter = null;
  t.iternext = null;
  t.dealloc = (vm, h) => {
    vm.gc.untrack(h);
    teeDataClear(vm, iterState<TeeData>(vm, h));
    vm.gcDel(h);
  };
  t.clear = (vm, h) => teeDataClear(vm, iterState<TeeData>(vm, h));
  t.traverse = (vm, h, visit) => {
    const d = iterState<TeeData>(vm, h);
    if (d.it) visit(d.it);
    for (let i = 0; i < d.numread; i++) if (d.values[i]) visit(d.values[i]);
    if (d.nextlink) visit(d.nextlink);
  };
  return t;
};

/** tee_copy: a new tee object sharing the data object and position. */
function teeCopy(vm: Vm, h: number): number {
  const s = iterState<Tee>(vm, h);
  vm.incref(s.dataobj);
  return gcNewIter<Tee>(vm, vm.typeOf(h), { dataobj: s.dataobj, index: s.index });
}

/** tee_fromiterable: an iterator that is a tee is copied; else a data object over it, then the tee. */
export function teeFromIterable(vm: Vm, iterable: number): number {
  const it = getIter(vm, iterable);
  try {
    const teeType = moduleType(vm, TeeType);
    if (vm.typeOf(it).mro.includes(teeType.id)) return teeCopy(vm, it);
    const dataobj = teeDataNew(vm, it);
    return gcNewIter<Tee>(vm, teeType, { dataobj, index: 0 });
  } finally {
    vm.decref(it);
  }
}

export const TeeType = (vm: Vm, id: number): TypeSlots => {
  moduleType(vm, TeeDataType);
  return iterType<Tee>(id, {
    name: '_tee',
    basicsize: 40,
    refs: ['dataobj'],
    next: teeNext,
    final: true,
    new: (vm2, _type, args) => {
      const a = tupleItems(vm2, args);
      if (a.length !== 1) throw raiseString(vm2, E.TypeError, '_tee expected 1 argument');
      return teeFromIterable(vm2, a[0]);
    },
    methods: [{ name: '__copy__', flags: Meth.NoArgs, impl: teeCopy }],
  });
};

/** itertools.tee(iterable, n=2): a tuple of n iterators (the first made, the others copies of it). */
export function tee(vm: Vm, iterable: number, nObj: number): number {
  const n = nObj ? asSsize(vm, nObj, E.OverflowError) : 2;
  if (n < 0) throw raiseString(vm, E.ValueError, 'n must be >= 0');
  if (n === 0) return vm.s.emptyTuple;
  const result = tupleAlloc(vm, n);
  const off = vm.table.ref[result];
  vm.pool.data.fill(0, off, off + n);
  vm.gc.track(result);
  try {
    const it = getIter(vm, iterable);
    let copyable: number;
    let copyfunc = lookupAttr(vm, it, '__copy__');
    if (copyfunc !== 0) copyable = it;
    else {
      try {
        copyable = teeFromIterable(vm, it);
      } finally {
        vm.decref(it);
      }
      copyfunc = getAttr(vm, copyable, '__copy__');
    }
    vm.pool.data[off] = copyable;
    try {
      for (let i = 1; i < n; i++) vm.pool.data[vm.table.ref[result] + i] = call(vm, copyfunc, [], null);
    } finally {
      vm.decref(copyfunc);
    }
  } catch (e) {
    vm.decref(result);
    throw e;
  }
  return result;
}
