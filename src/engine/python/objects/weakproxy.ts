import { getAttr, setAttr } from '../abstract/attr';
import { callTuple } from '../abstract/call';
import { raiseString, typeError } from '../abstract/errors';
import { getItem, setItem, delItem } from '../abstract/item';
import { getIter, iterNext } from '../abstract/iter';
import { binaryOp } from '../abstract/number';
import { contains, isTrue, length } from '../abstract/object';
import { richCompare } from '../abstract/compare';
import { str } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { exc } from './exctypes';
import { moduleType } from './modtypes';
import { NB_BINARY_COUNT, TpFlags, defineType, type BinarySlot, type TypeSlots } from './types';
import { setProxyTypes, weakData, weakrefRelease } from './weaklist';

/**
 * weakref.ProxyType and CallableProxyType (Objects/weakrefobject.c: a PyWeakReference of the
 * proxy type, 16 GC + 64 bytes). Every slot forwards to the referent, held for the duration of
 * the operation; a dead referent is ReferenceError. No operation allocates anything of its own.
 */
const deadError = (vm: Vm): Error =>
  raiseString(vm, exc('ReferenceError'), 'weakly-referenced object no longer exists');

/** UNWRAP: the referent, or ReferenceError; other values pass through unchanged. */
function unwrap(vm: Vm, h: number): number {
  if (!isProxy(vm, h)) return h;
  const r = weakData(vm, h).referent;
  if (!r) throw deadError(vm);
  return r;
}

export const proxyTypes = (vm: Vm): number[] => [
  moduleType(vm, ProxyType).id,
  moduleType(vm, CallableProxyType).id,
];
const isProxy = (vm: Vm, h: number): boolean => proxyTypes(vm).includes(vm.table.type[h]);
setProxyTypes(proxyTypes);

/** Run `f` on the unwrapped operands with the referents held (Py_INCREF / Py_DECREF around it). */
function held<R>(vm: Vm, objs: number[], f: (...o: number[]) => R): R {
  const u = objs.map((o) => unwrap(vm, o));
  for (const o of u) vm.incref(o);
  try {
    return f(...u);
  } finally {
    for (const o of u) vm.decref(o);
  }
}

function proxyText(vm: Vm, h: number): string {
  const r = weakData(vm, h).referent;
  const at = `0x${vm.id(h).toString(16)}`;
  return r
    ? `<weakproxy at ${at}; to '${vm.typeOf(r).name}' at 0x${vm.id(r).toString(16)}>`
    : `<weakproxy at ${at}; dead>`;
}

const binary: BinarySlot[] = Array.from(
  { length: 2 * NB_BINARY_COUNT },
  (_, nb) => (vm: Vm, a: number, b: number) =>
    held(vm, [a, b], (x, y) => binaryOp(vm, nb % NB_BINARY_COUNT, x, y)),
);

function proxyType(id: number, name: string, callable: boolean): TypeSlots {
  return defineType({
    id,
    name,
    module: 'weakref',
    basicsize: 64,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      weakrefRelease(vm, h);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const cb = weakData(vm, h).callback;
      if (cb) visit(cb);
    },
    clear: (vm, h) => weakrefRelease(vm, h),
    reprText: proxyText,
    str: (vm, h) => held(vm, [h], (o) => str(vm, o)),
    hash: (vm) => {
      throw typeError(vm, "unhashable type: '%s'", `weakref.${name}`);
    },
    richcompare: (vm, a, b, op) => held(vm, [a, b], (x, y) => richCompare(vm, x, y, op)),
    number: { binary, bool: (vm, h) => held(vm, [h], (o) => isTrue(vm, o)) },
    sequence: { contains: (vm, h, x) => held(vm, [h], (o) => contains(vm, o, x)) },
    mapping: {
      length: (vm, h) => held(vm, [h], (o) => length(vm, o)),
      subscript: (vm, h, k) => held(vm, [h], (o) => getItem(vm, o, k)),
      assSubscript: (vm, h, k, v) =>
        held(vm, [h], (o) => (v === 0 ? delItem(vm, o, k) : setItem(vm, o, k, v))),
    },
    iter: (vm, h) => held(vm, [h], (o) => getIter(vm, o)),
    iternext: (vm, h) =>
      held(vm, [h], (o) => {
        if (vm.typeOf(o).iternext === null)
          throw typeError(vm, "Weakref proxy referenced a non-iterator '%.200s' object", vm.typeOf(o).name);
        return iterNext(vm, o);
      }),
    getattro: (vm, h, n) => held(vm, [h], (o) => getAttr(vm, o, n)),
    setattro: (vm, h, n, v) => held(vm, [h], (o) => setAttr(vm, o, n, v)),
    call: callable ? (vm, h, args, kwargs) => held(vm, [h], (o) => callTuple(vm, o, args, kwargs)) : null,
  });
}

export const ProxyType = (_vm: Vm, id: number): TypeSlots => proxyType(id, 'ProxyType', false);
export const CallableProxyType = (_vm: Vm, id: number): TypeSlots => proxyType(id, 'CallableProxyType', true);
