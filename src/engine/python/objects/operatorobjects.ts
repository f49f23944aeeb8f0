import { callTuple } from '../abstract/call';
import { getAttr } from '../abstract/attr';
import { raiseString, typeError } from '../abstract/errors';
import { getItem } from '../abstract/item';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { noKeywords } from './getargs';
import { intValue } from './int';
import { intern, strNew, strValue } from './str';
import { tupleAlloc, tupleFromItems, tupleItems } from './tuple';
import { T, TpFlags, defineType, type Kwargs, type TypeSlots } from './types';

/**
 * operator.itemgetter, attrgetter and methodcaller (Modules/_operator.c, 3.11): GC objects made
 * with PyObject_GC_New (itemgetter 16 + 48, attrgetter 16 + 40, methodcaller 16 + 40).
 * itemgetter and attrgetter are called by vectorcall (no argument tuple); methodcaller by
 * tp_call. Their state lives in the side data.
 */
type ItemGetter = { nitems: number; item: number; index: number };
type AttrGetter = { nattrs: number; attr: number };
type MethodCaller = { name: number; args: number; kwds: number };

const st = <S>(vm: Vm, h: number): S => vm.table.side[h] as S;

function gcNew<S>(vm: Vm, type: TypeSlots, size: number, s: S): number {
  const h = vm.newGcObject(type.id, size);
  vm.table.side[h] = s;
  vm.gc.track(h);
  return h;
}

function exactlyOne(vm: Vm, name: string, args: readonly number[]): void {
  if (args.length !== 1) throw typeError(vm, '%s expected 1 argument, got %zd', name, args.length);
}

// ---- itemgetter ----------------------------------------------------------------------------

function itemgetterNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  noKeywords(vm, 'itemgetter', kwargs);
  const a = tupleItems(vm, args);
  if (a.length === 0) throw typeError(vm, 'itemgetter expected 1 argument, got 0');
  const item = a.length === 1 ? a[0] : args;
  vm.incref(item);
  let index = -1;
  if (vm.table.type[item] === T.Int) {
    const v = intValue(vm, item);
    if (typeof v === 'number' && v >= 0) index = v;
  }
  return gcNew<ItemGetter>(vm, type, 48, { nitems: a.length, item, index });
}

function itemgetterCall(vm: Vm, h: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size) throw typeError(vm, 'itemgetter() takes no keyword arguments');
  exactlyOne(vm, 'itemgetter', args);
  const g = st<ItemGetter>(vm, h);
  const obj = args[0];
  if (g.nitems === 1) {
    if (g.index >= 0 && vm.table.type[obj] === T.Tuple && g.index < vm.table.n[obj]) {
      const r = vm.pool.data[vm.table.ref[obj] + g.index];
      vm.incref(r);
      return r;
    }
    return getItem(vm, obj, g.item);
  }
  const keys = tupleItems(vm, g.item);
  const result = tupleAlloc(vm, g.nitems);
  const off = vm.table.ref[result];
  vm.pool.data.fill(0, off, off + g.nitems);
  try {
    for (let i = 0; i < g.nitems; i++) vm.pool.data[vm.table.ref[result] + i] = getItem(vm, obj, keys[i]);
  } catch (e) {
    vm.decref(result);
    throw e;
  }
  vm.gc.track(result);
  return result;
}

// ---- attrgetter ----------------------------------------------------------------------------

/** attrgetter_new: each name interned; a dotted name becomes a tuple of its parts (PyUnicode_Substring, interned). */
function attrgetterNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  noKeywords(vm, 'attrgetter', kwargs);
  const a = tupleItems(vm, args);
  if (a.length === 0) throw typeError(vm, 'attrgetter expected 1 argument, got 0');
  const attr = tupleAlloc(vm, a.length);
  const off = vm.table.ref[attr];
  vm.pool.data.fill(0, off, off + a.length);
  vm.gc.track(attr);
  for (let i = 0; i < a.length; i++) {
    const item = a[i];
    if (!vm.typeOf(item).mro.includes(T.Str)) {
      vm.decref(attr);
      throw raiseString(vm, E.TypeError, 'attribute name must be a string');
    }
    const text = strValue(vm, item);
    const parts = text.split('.');
    if (parts.length === 1) {
      vm.incref(item);
      vm.pool.data[vm.table.ref[attr] + i] = item;
      continue;
    }
    const chain = tupleAlloc(vm, parts.length);
    vm.pool.data.fill(0, vm.table.ref[chain], vm.table.ref[chain] + parts.length);
    vm.gc.track(chain);
    parts.forEach((p, k) => {
      // PyUnicode_Substring, then PyUnicode_InternInPlace: an already interned name replaces it
      const sub = strNew(vm, p);
      const interned = intern(vm, p);
      vm.decref(sub);
      vm.pool.data[vm.table.ref[chain] + k] = interned;
    });
    vm.pool.data[vm.table.ref[attr] + i] = chain;
  }
  return gcNew<AttrGetter>(vm, type, 40, { nattrs: a.length, attr });
}

/** dotted_getattr: one name, or a chain of them. */
function dottedGetattr(vm: Vm, obj: number, name: number): number {
  if (vm.table.type[name] !== T.Tuple) return getAttr(vm, obj, strValue(vm, name));
  let cur = obj;
  vm.incref(cur);
  for (const part of tupleItems(vm, name)) {
    const next = getAttr(vm, cur, strValue(vm, part));
    vm.decref(cur);
    cur = next;
  }
  return cur;
}

function attrgetterCall(vm: Vm, h: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size) throw typeError(vm, 'attrgetter() takes no keyword arguments');
  exactlyOne(vm, 'attrgetter', args);
  const g = st<AttrGetter>(vm, h);
  const names = tupleItems(vm, g.attr);
  if (g.nattrs === 1) return dottedGetattr(vm, args[0], names[0]);
  const result = tupleAlloc(vm, g.nattrs);
  vm.pool.data.fill(0, vm.table.ref[result], vm.table.ref[result] + g.nattrs);
  try {
    for (let i = 0; i < g.nattrs; i++)
      vm.pool.data[vm.table.ref[result] + i] = dottedGetattr(vm, args[0], names[i]);
  } catch (e) {
    vm.decref(result);
    throw e;
  }
  vm.gc.track(result);
  return result;
}

// ---- methodcaller --------------------------------------------------------------------------

function methodcallerNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const a = tupleItems(vm, args);
  if (a.length < 1) throw typeError(vm, 'methodcaller needs at least one argument, the method name');
  if (!vm.typeOf(a[0]).mro.includes(T.Str)) throw typeError(vm, 'method name must be a string');
  const h = vm.newGcObject(type.id, 40);
  vm.incref(a[0]);
  if (kwargs) vm.incref(kwargs);
  // PyTuple_GetSlice(args, 1, n)
  const rest = Array.from(a.subarray(1));
  for (const x of rest) vm.incref(x);
  vm.table.side[h] = { name: a[0], kwds: kwargs, args: tupleFromItems(vm, rest) } satisfies MethodCaller;
  vm.gc.track(h);
  return h;
}

function methodcallerCall(vm: Vm, h: number, args: number, kwargs: number): number {
  noKeywords(vm, 'methodcaller', kwargs);
  const a = tupleItems(vm, args);
  if (a.length !== 1) throw typeError(vm, 'methodcaller expected 1 argument, got %zd', a.length);
  const m = st<MethodCaller>(vm, h);
  const method = getAttr(vm, a[0], strValue(vm, m.name));
  try {
    return callTuple(vm, method, m.args, m.kwds);
  } finally {
    vm.decref(method);
  }
}

// ---- the types -----------------------------------------------------------------------------

const fields = <S>(names: (keyof S & string)[]) => ({
  dealloc: (vm: Vm, h: number) => {
    vm.gc.untrack(h);
    const s = st<Record<string, number>>(vm, h);
    for (const k of names) if (s[k]) vm.decref(s[k]);
    vm.gcDel(h);
  },
  traverse: (vm: Vm, h: number, visit: (r: number) => void) => {
    const s = st<Record<string, number>>(vm, h);
    for (const k of names) if (s[k]) visit(s[k]);
  },
});

export const ItemGetterType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'itemgetter',
    module: 'operator',
    basicsize: 48,
    flags: TpFlags.HaveGc | TpFlags.HaveVectorcall,
    ...fields<ItemGetter>(['item']),
    reprText: (vm, h, d) => {
      const g = st<ItemGetter>(vm, h);
      const items = g.nitems === 1 ? [g.item] : Array.from(tupleItems(vm, g.item));
      return `operator.itemgetter(${items.map((x) => reprText(vm, x, d + 1)).join(', ')})`;
    },
    vectorcall: itemgetterCall,
    new: itemgetterNew,
  });

export const AttrGetterType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'attrgetter',
    module: 'operator',
    basicsize: 40,
    flags: TpFlags.HaveGc | TpFlags.HaveVectorcall,
    ...fields<AttrGetter>(['attr']),
    reprText: (vm, h) => {
      const names = Array.from(tupleItems(vm, st<AttrGetter>(vm, h).attr), (n) =>
        vm.table.type[n] === T.Tuple
          ? Array.from(tupleItems(vm, n), (p) => strValue(vm, p)).join('.')
          : strValue(vm, n),
      );
      return `operator.attrgetter(${names.map((n) => `'${n}'`).join(', ')})`;
    },
    vectorcall: attrgetterCall,
    new: attrgetterNew,
  });

export const MethodCallerType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'methodcaller',
    module: 'operator',
    basicsize: 40,
    flags: TpFlags.HaveGc,
    ...fields<MethodCaller>(['name', 'args', 'kwds']),
    reprText: (vm, h, d) => {
      const m = st<MethodCaller>(vm, h);
      const parts = [
        reprText(vm, m.name, d + 1),
        ...Array.from(tupleItems(vm, m.args), (x) => reprText(vm, x, d + 1)),
      ];
      return `operator.methodcaller(${parts.join(', ')})`;
    },
    call: methodcallerCall,
    new: methodcallerNew,
  });
