import { typeLookup } from '../abstract/attr';
import { reprText } from '../abstract/repr';
import { PyError } from '../errors';
import { tupleAlloc, tupleItems } from './tuple';
import type { Vm } from '../runtime/vm';
import { F_WEAKREFD } from './table';
import { T, TpFlags, type TypeSlots } from './types';

/**
 * The weak-reference list an object keeps at tp_weaklistoffset (Objects/weakrefobject.c), and
 * PyObject_ClearWeakRefs. The list is ordered as CPython orders it: the basic reference (no
 * callback) first, then the basic proxy, then the references with callbacks in creation order.
 * An object that has (had) weak references carries F_WEAKREFD, so its deallocation clears them
 * (Vm.dealloc calls clearWeakRefs first, as every tp_dealloc with a weaklist does first thing);
 * the cycle collector clears those of unreachable objects before it breaks any cycle
 * (handle_weakrefs).
 */
export interface WeakRefData {
  /** The referent (not counted), 0 once cleared (wr_object is Py_None then). */
  referent: number;
  /** wr_callback (owned), 0 = none. */
  callback: number;
  /** The referent's hash, once computed (ref.__hash__ caches it); null until then. */
  hash?: string | number | bigint | null;
  /** The referent's Py_hash_t, kept with `hash` (a set entry's stored hash, hash(ref) once it died). */
  hashValue?: bigint;
}

export const weakData = (vm: Vm, h: number): WeakRefData => vm.table.side[h] as WeakRefData;

const lists = new WeakMap<Vm, Map<number, number[]>>();

function table(vm: Vm): Map<number, number[]> {
  let m = lists.get(vm);
  if (m === undefined) {
    lists.set(vm, (m = new Map()));
    vm.clearWeakRefs = (h) => clearWeakRefs(vm, h);
  }
  return m;
}

/** The referent's weak references, in list order (possibly empty). */
export function weakList(vm: Vm, referent: number): number[] {
  return table(vm).get(referent) ?? [];
}

/** _PyType_SUPPORTS_WEAKREFS: tp_weaklistoffset != 0. */
export function supportsWeakrefs(vm: Vm, s: TypeSlots): boolean {
  // tp_weaklistoffset: a class's __weakref__ slot, or a built-in base's list (a metaclass: type's)
  if (s.flags & TpFlags.HeapType && typeLookup(vm, s, '__weakref__') !== 0) return true;
  for (const id of s.mro) if (WEAKREFABLE.has(vm.types[id].name + '@' + vm.types[id].module)) return true;
  return false;
}

/** Built-in and module types whose objects have a weakreflist (tp_weaklistoffset). */
const WEAKREFABLE = new Set([
  'set@builtins',
  'frozenset@builtins',
  'function@builtins',
  'type@builtins',
  'method@builtins',
  'generator@builtins',
  'code@builtins',
  'module@builtins',
  'builtin_function_or_method@builtins',
  'deque@collections',
  'OrderedDict@collections',
  'array@array',
  'partial@functools',
  // lockobject / rlockobject have in_weakreflist (__weaklistoffset__ in their type members)
  'lock@_thread',
  'RLock@_thread',
  '_local@_thread',
  '_localdummy@_thread',
  '_lru_cache_wrapper@functools',
  '_tee@itertools',
  'ReferenceType@weakref',
]);

/** get_basic_refs: the list's callback-less reference and proxy (exact types), 0 when absent. */
export function basicRefs(vm: Vm, list: readonly number[]): { ref: number; proxy: number } {
  let ref = 0;
  let proxy = 0;
  let i = 0;
  if (i < list.length && vm.table.type[list[i]] === T.WeakRef && weakData(vm, list[i]).callback === 0)
    ref = list[i++];
  if (i < list.length && isBasicProxy(vm, list[i])) proxy = list[i];
  return { ref, proxy };
}

let proxyTypeIds: ((vm: Vm) => number[]) | null = null;
/** Set by weakproxy.ts (the two proxy types' ids). */
export function setProxyTypes(f: (vm: Vm) => number[]): void {
  proxyTypeIds = f;
}
const isBasicProxy = (vm: Vm, h: number): boolean =>
  proxyTypeIds !== null && proxyTypeIds(vm).includes(vm.table.type[h]) && weakData(vm, h).callback === 0;

/** insert_head / insert_after: the reference joins the referent's list. */
export function insertRef(vm: Vm, referent: number, ref: number, after: number): void {
  const m = table(vm);
  let list = m.get(referent);
  if (list === undefined) m.set(referent, (list = []));
  if (after === 0) list.unshift(ref);
  else list.splice(list.indexOf(after) + 1, 0, ref);
  vm.table.flags[referent] |= F_WEAKREFD;
}

/** clear_weakref: the reference no longer points at its referent and leaves the list (its callback stays). */
export function clearWeakref(vm: Vm, ref: number): void {
  const d = weakData(vm, ref);
  if (d.referent === 0) return;
  const m = table(vm);
  const list = m.get(d.referent);
  if (list !== undefined) {
    const i = list.indexOf(ref);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) m.delete(d.referent);
  }
  d.referent = 0;
}

/** weakref_dealloc / proxy_dealloc: out of the list, then the callback released. */
export function weakrefRelease(vm: Vm, ref: number): void {
  clearWeakref(vm, ref);
  const d = weakData(vm, ref);
  const cb = d.callback;
  d.callback = 0;
  if (cb) vm.decref(cb);
}

/**
 * PyObject_ClearWeakRefs: the callback-less reference and proxy cleared first; then one
 * reference alone is cleared and its callback called; several are packed into a tuple of
 * (ref, callback) pairs, all cleared, then each callback called with its reference.
 */
export function clearWeakRefs(vm: Vm, object: number): void {
  vm.table.flags[object] &= ~F_WEAKREFD;
  const list = weakList(vm, object).slice();
  if (list.length === 0) return;
  let i = 0;
  for (let k = 0; k < 2 && i < list.length && weakData(vm, list[i]).callback === 0; k++)
    clearWeakref(vm, list[i++]);
  const rest = list.slice(i);
  if (rest.length === 0) return;
  if (rest.length === 1) {
    const current = rest[0];
    const d = weakData(vm, current);
    const callback = d.callback;
    d.callback = 0;
    clearWeakref(vm, current);
    if (callback) {
      if (vm.table.refcnt[current] > 0) handleCallback(vm, current, callback);
      vm.decref(callback);
    }
    return;
  }
  // PyTuple_New(count * 2), filled with the (ref, callback) pairs of the references still alive
  const tup = tupleAlloc(vm, 2 * rest.length);
  const off = vm.table.ref[tup];
  vm.pool.data.fill(0, off, off + 2 * rest.length);
  vm.gc.track(tup);
  rest.forEach((current, k) => {
    const d = weakData(vm, current);
    if (vm.table.refcnt[current] > 0) {
      vm.incref(current);
      vm.pool.data[vm.table.ref[tup] + 2 * k] = current;
      vm.pool.data[vm.table.ref[tup] + 2 * k + 1] = d.callback;
    } else if (d.callback) vm.decref(d.callback);
    d.callback = 0;
    clearWeakref(vm, current);
  });
  const items = tupleItems(vm, tup);
  for (let k = 0; k < rest.length; k++)
    if (items[2 * k + 1]) handleCallback(vm, items[2 * k], items[2 * k + 1]);
  vm.decref(tup);
}

let callOne: ((vm: Vm, f: number, arg: number) => number) | null = null;
/** Set by weakrefobject.ts (PyObject_CallOneArg, from the abstract layer). */
export function setCallOne(f: (vm: Vm, fn: number, arg: number) => number): void {
  callOne = f;
}

/** handle_callback: callback(ref); an exception is unraisable ("Exception ignored in: <callback>" on stderr), not raised. */
function handleCallback(vm: Vm, ref: number, callback: number): void {
  try {
    vm.decref(callOne!(vm, callback, ref));
  } catch (e) {
    if (!(e instanceof PyError) || e.excType < 0) throw e;
    vm.eval.writeUnraisable(e, `Exception ignored in: ${reprText(vm, callback)}`);
  }
}

/**
 * handle_weakrefs (the cycle collector, before delete_garbage): every weak reference to an
 * unreachable object is cleared; those with callbacks that are themselves reachable have their
 * callbacks called afterwards. Returns how many such references the callbacks freed.
 */
export function handleWeakrefs(
  vm: Vm,
  unreachable: readonly number[],
  collecting: (h: number) => boolean,
): number {
  const toCall: number[] = [];
  for (const op of unreachable) {
    if (vm.table.type[op] === T.WeakRef || isProxy(vm, op)) clearWeakref(vm, op);
    if (!(vm.table.flags[op] & F_WEAKREFD)) continue;
    for (const wr of weakList(vm, op).slice()) {
      clearWeakref(vm, wr);
      if (weakData(vm, wr).callback === 0 || collecting(wr)) continue;
      vm.incref(wr);
      toCall.push(wr);
    }
    vm.table.flags[op] &= ~F_WEAKREFD;
  }
  let freed = 0;
  for (const wr of toCall) {
    const cb = weakData(vm, wr).callback;
    vm.decref(callOne!(vm, cb, wr));
    if (vm.table.refcnt[wr] === 1) freed++;
    vm.decref(wr);
  }
  return freed;
}

const isProxy = (vm: Vm, h: number): boolean =>
  proxyTypeIds !== null && proxyTypeIds(vm).includes(vm.table.type[h]);
