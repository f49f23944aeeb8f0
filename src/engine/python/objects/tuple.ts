import { richCompareBool } from '../abstract/compare';
import { tupleRepr } from './containerrepr';
import { indexError, raiseString, typeError } from '../abstract/errors';
import { hashKey } from '../abstract/hash';
import { tupleHashOf } from '../abstract/hashvalue';
import { isOpaqueKey, opaqueKey, pyHashOf } from './keyeq';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import { reprText } from '../abstract/repr';
import { sequenceTuple } from '../abstract/sequence';
import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { fromSsize } from './int';
import { tupleIterNew } from './iter';
import { seqRichcompare } from './listmethods';
import { tupleSubtypeNew } from './namedtuple';
import { noKeywords } from './getargs';
import { ItemPool } from './pool';
import { sliceIndices } from './slice';
import {
  Cmp,
  Meth,
  T,
  TpFlags,
  defineType,
  type HashKey,
  type Kwargs,
  type MethodDef,
  type TypeSlots,
} from './types';

/**
 * tuple objects (Objects/tupleobject.c, 3.11): one GC allocation of 16 + 24 + 8·n bytes.
 * Dead tuples of 1..20 items go to per-size free lists (2000 each), but maybe_freelist_pop tests
 * `size < PyTuple_MAXSAVESIZE`, so 20-tuples are pushed and never popped again.
 * Columns: n = size, ref/pcap = the items in the item pool.
 */
export const TUPLE_BASIC = 24;

/** tuple_alloc(n) (n > 0): the free list, else PyObject_GC_NewVar. Items unset, not tracked. */
export function tupleAlloc(vm: Vm, n: number): number {
  const f = n < vm.py.freelists.tupleMaxSaveSize ? vm.free.tuples[n - 1] : null;
  const h = f && f.length ? vm.reuse(f.pop()!, T.Tuple) : vm.newGcObject(T.Tuple, TUPLE_BASIC + 8 * n);
  const t = vm.table;
  t.n[h] = n;
  const cap = ItemPool.capacityFor(n);
  t.ref[h] = vm.pool.alloc(cap);
  t.pcap[h] = cap;
  return h;
}

/** A tracked tuple of `items` (new references, stolen): _PyTuple_FromArraySteal / BUILD_TUPLE. */
export function tupleFromItems(vm: Vm, items: ArrayLike<number>): number {
  const n = items.length;
  if (n === 0) return vm.s.emptyTuple;
  const h = tupleAlloc(vm, n);
  vm.pool.data.set(items, vm.table.ref[h]);
  vm.gc.track(h);
  return h;
}

/**
 * BUILD_TUPLE's _PyTuple_FromArraySteal of the n values at s[from…]: copied item by item, not
 * through a subarray view (a typed array made per tuple was 15% of `[(i, i) for i in range(10**6)]`).
 */
export function tupleFromStack(vm: Vm, s: Int32Array, from: number, n: number): number {
  if (n === 0) return vm.s.emptyTuple;
  const h = tupleAlloc(vm, n);
  const d = vm.pool.data;
  const off = vm.table.ref[h];
  for (let i = 0; i < n; i++) d[off + i] = s[from + i];
  vm.gc.track(h);
  return h;
}

/**
 * _PyTuple_Resize (a tuple nobody else holds): items past the new size released, the object
 * reallocated (PyObject_GC_Resize) and tracked again. Returns the tuple's handle (the empty
 * singleton for size 0; a new tuple when growing from it).
 */
export function tupleResize(vm: Vm, h: number, newsize: number): number {
  const t = vm.table;
  const old = t.n[h];
  if (old === newsize) return h;
  if (newsize === 0) {
    vm.decref(h);
    return vm.s.emptyTuple;
  }
  if (old === 0) {
    vm.decref(h);
    const r = tupleAlloc(vm, newsize);
    vm.pool.data.fill(0, t.ref[r], t.ref[r] + newsize);
    vm.gc.track(r);
    return r;
  }
  vm.gc.untrack(h);
  for (let i = newsize; i < old; i++) {
    const v = vm.pool.data[t.ref[h] + i];
    vm.pool.data[t.ref[h] + i] = 0;
    vm.xdecref(v);
  }
  const p = vm.mem.realloc(t.addr[h], 16 + TUPLE_BASIC + 8 * newsize);
  if (p === 0) throw memoryError();
  t.addr[h] = p;
  const cap = ItemPool.capacityFor(newsize);
  if (cap !== t.pcap[h]) {
    const off = vm.pool.alloc(cap);
    vm.pool.data.copyWithin(off, t.ref[h], t.ref[h] + Math.min(old, newsize));
    vm.pool.release(t.ref[h], t.pcap[h]);
    t.ref[h] = off;
    t.pcap[h] = cap;
  }
  if (newsize > old) vm.pool.data.fill(0, t.ref[h] + old, t.ref[h] + newsize);
  t.n[h] = newsize;
  vm.gc.track(h);
  return h;
}

export function tupleItem(vm: Vm, h: number, i: number): number {
  return vm.pool.data[vm.table.ref[h] + i];
}

export function tupleItems(vm: Vm, h: number): Int32Array {
  const t = vm.table;
  return vm.pool.data.slice(t.ref[h], t.ref[h] + t.n[h]);
}

/** tupledealloc: items last to first, then the free list or PyObject_GC_Del. */
export function tupleDealloc(vm: Vm, h: number): void {
  const t = vm.table;
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  const n = t.n[h];
  const off = t.ref[h];
  const cap = t.pcap[h];
  t.pcap[h] = 0;
  // the items read in place (no copy per tuple): the block goes back to the pool after them, so
  // nothing the decrefs allocate can take it; the pool's array is read again after each decref,
  // which may have grown it
  for (let i = n - 1; i >= 0; i--) {
    const v = vm.pool.data[off + i];
    if (v !== 0) vm.decref(v);
  }
  vm.pool.release(off, cap);
  const f = n <= vm.py.freelists.tupleMaxSaveSize ? vm.free.tuples[n - 1] : null;
  if (f && f.length < vm.py.freelists.tuple && vm.table.type[h] === T.Tuple) {
    vm.park(h);
    f.push(h);
  } else vm.gcDel(h);
  vm.trashEnd();
}

export function tupleTraverse(vm: Vm, h: number, visit: (ref: number) => void): void {
  const t = vm.table;
  const d = vm.pool.data;
  for (let i = 0, off = t.ref[h], n = t.n[h]; i < n; i++) if (d[off + i] !== 0) visit(d[off + i]);
}

/** tupleconcat: an empty operand gives the other tuple back. */
function tupleConcat(vm: Vm, a: number, b: number): number {
  if (!vm.typeOf(b).mro.includes(T.Tuple))
    throw typeError(vm, 'can only concatenate tuple (not "%.200s") to tuple', typeName(vm, b));
  const t = vm.table;
  if (t.n[a] === 0 && t.type[b] === T.Tuple) {
    vm.incref(b);
    return b;
  }
  if (t.n[b] === 0 && t.type[a] === T.Tuple) {
    vm.incref(a);
    return a;
  }
  const items = new Int32Array(t.n[a] + t.n[b]);
  items.set(tupleItems(vm, a));
  items.set(tupleItems(vm, b), t.n[a]);
  for (const it of items) vm.incref(it);
  return tupleFromItems(vm, items);
}

/** tuplerepeat: n == 1 or an empty tuple is the same object. */
function tupleRepeat(vm: Vm, a: number, n: number): number {
  const t = vm.table;
  if ((n === 1 || t.n[a] === 0) && t.type[a] === T.Tuple) {
    vm.incref(a);
    return a;
  }
  if (n <= 0) return vm.s.emptyTuple;
  // tuple_alloc's PyObject_GC_NewVar fails for a size no mapping can hold: MemoryError before
  // the simulator builds the items (2**38 of them would be a 1 TB JS array)
  if (TUPLE_BASIC + 8 * t.n[a] * n > vm.kernel.commitLimit) throw memoryError();
  const src = tupleItems(vm, a);
  const items = new Int32Array(src.length * n);
  for (let r = 0; r < n; r++) items.set(src, r * src.length);
  for (const it of items) vm.incref(it);
  return tupleFromItems(vm, items);
}

function tupleItemSlot(vm: Vm, h: number, i: number): number {
  if (i < 0 || i >= vm.table.n[h]) throw indexError(vm, 'tuple index out of range');
  const v = tupleItem(vm, h, i);
  vm.incref(v);
  return v;
}

/** tuplesubscript: an index, or a slice (the whole tuple is itself). */
function tupleSubscript(vm: Vm, c: number, key: number): number {
  const t = vm.table;
  if (hasIndex(vm, key)) {
    let i = asSsize(vm, key, E.IndexError);
    if (i < 0) i += t.n[c];
    return tupleItemSlot(vm, c, i);
  }
  if (t.type[key] !== T.Slice)
    throw typeError(vm, 'tuple indices must be integers or slices, not %.200s', typeName(vm, key));
  const s = sliceIndices(vm, key, t.n[c]);
  if (s.step === 1 && s.start === 0 && s.length === t.n[c] && t.type[c] === T.Tuple) {
    vm.incref(c);
    return c;
  }
  const items = Int32Array.from({ length: s.length }, (_, k) => tupleItem(vm, c, s.start + k * s.step));
  for (const x of items) vm.incref(x);
  return tupleFromItems(vm, items);
}

/** tuplehash: from the items' hashes (an unhashable item makes the tuple unhashable). */
function tupleHash(vm: Vm, h: number): HashKey {
  const t = vm.table;
  const parts: string[] = [];
  const keys: HashKey[] = [];
  let opaque = false;
  for (let i = 0; i < t.n[h]; i++) {
    const k = hashKey(vm, tupleItem(vm, h, i));
    keys.push(k);
    parts.push(keyText(k));
    if (isOpaqueKey(k)) opaque = true;
  }
  // an item whose equality is its __eq__ makes the tuple's opaque too (tuple equality asks each
  // item): keyed by the real tuplehash of the items' hashes, each item's __hash__ called once
  if (opaque) return opaqueKey(tupleHashOf(keys.map((k, i) => pyHashOf(vm, tupleItem(vm, h, i), k))));
  return '\u0000(' + parts.join(',') + ')';
}

/**
 * An item's key inside a tuple's or frozenset's key: a string length-prefixed (no ':' in a number's
 * or bigint's text, so the joined key reads back one way). Not JSON.stringify: its escapes of the
 * nested keys' quotes and NULs doubled at every level, and a 40-deep nested tuple used as a dict
 * key (or a frozenset of a frozenset … ) outgrew V8's 512 Mi-character strings.
 */
export function keyText(k: HashKey): string {
  return typeof k === 'string' ? `${k.length}:${k}` : typeof k === 'bigint' ? k.toString() + 'n' : String(k);
}

function tupleText(vm: Vm, h: number, depth: number): string {
  const n = vm.table.n[h];
  const parts: string[] = [];
  for (let i = 0; i < Math.min(n, 100); i++) parts.push(reprText(vm, tupleItem(vm, h, i), depth + 1));
  return '(' + parts.join(', ') + (n === 1 ? ',' : '') + (n > 100 ? ', ...' : '') + ')';
}

function tupleContains(vm: Vm, h: number, x: number): boolean {
  for (let i = 0; i < vm.table.n[h]; i++)
    if (richCompareBool(vm, tupleItem(vm, h, i), x, Cmp.EQ)) return true;
  return false;
}

/** tuple_vectorcall: tuple() is the empty singleton, tuple(x) PySequence_Tuple(x). */
function tupleVectorcall(vm: Vm, _type: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size) throw typeError(vm, 'tuple() takes no keyword arguments');
  if (args.length > 1) throw typeError(vm, 'tuple expected at most 1 argument, got %zd', args.length);
  return args.length ? sequenceTuple(vm, args[0]) : vm.s.emptyTuple;
}

/**
 * tuple_new → tuple_new_impl: a class's instance is tuple_subtype_new (the exact tuple first, then
 * tp_alloc(type, n) and the items copied); keywords refused unless the class has its own __init__.
 */
function tupleTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  if (type.id === T.Tuple || type.init === vm.types[T.Tuple].init) noKeywords(vm, 'tuple', kwargs);
  const n = vm.table.n[args];
  if (n > 1) throw typeError(vm, 'tuple expected at most 1 argument, got %zd', n);
  const iterable = n ? tupleItem(vm, args, 0) : vm.s.emptyTuple;
  return type.id === T.Tuple ? sequenceTuple(vm, iterable) : tupleSubtypeNew(vm, type, iterable);
}

const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `tuple.${name}`,
});

export const TupleType = (): TypeSlots =>
  defineType({
    id: T.Tuple,
    name: 'tuple',
    basicsize: TUPLE_BASIC,
    itemsize: 8,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.TupleSubclass | TpFlags.SequenceFlag,
    dealloc: tupleDealloc,
    traverse: tupleTraverse,
    // object___sizeof__: tp_basicsize + tp_itemsize × ob_size of the object's own type
    sizeof: (vm, h) => vm.typeOf(h).basicsize + 8 * vm.table.n[h],
    repr: tupleRepr,
    reprText: tupleText,
    hash: tupleHash,
    richcompare: (vm, a, b, op) =>
      vm.typeOf(b).mro.includes(T.Tuple) ? seqRichcompare(vm, a, b, op, tupleItem) : vm.s.NotImplemented,
    sequence: {
      length: (vm, h) => vm.table.n[h],
      concat: tupleConcat,
      repeat: tupleRepeat,
      item: tupleItemSlot,
      contains: tupleContains,
    },
    mapping: { length: (vm, h) => vm.table.n[h], subscript: tupleSubscript },
    iter: tupleIterNew,
    new: tupleTypeNew,
    typeVectorcall: tupleVectorcall,
    methods: {
      count: def('count', Meth.O, (vm, self, args) => {
        let c = 0;
        for (let i = 0; i < vm.table.n[self]; i++)
          if (richCompareBool(vm, tupleItem(vm, self, i), args[0], Cmp.EQ)) c++;
        return fromSsize(vm, c);
      }),
      index: def('index', Meth.Fastcall, (vm, self, args) => {
        for (let i = 0; i < vm.table.n[self]; i++)
          if (richCompareBool(vm, tupleItem(vm, self, i), args[0], Cmp.EQ)) return fromSsize(vm, i);
        throw raiseString(vm, E.ValueError, 'tuple.index(x): x not in tuple');
      }),
    },
  });
