import { NotSupported } from '../errors';
import { richCompare, richCompareBool } from '../abstract/compare';
import { indexError, raiseFormat, raiseString, typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { hasIndex } from '../abstract/number';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import {
  ARRAY_BASIC,
  TYPECODES,
  arrayInsert,
  arrayNew,
  arrayResize,
  arrayState,
  badTypecode,
  boxItem,
  rawGet,
  setItem,
  ssizeArg,
  touchItems,
  unboxItem,
} from './arrayobject';
import { ARRAY_METHODS, arrayConcat, arrayDelSlice, arrayInplaceRepeat, arrayRepeat } from './arraymethods';
import { E } from './exctypes';
import { moduleType } from './modtypes';
import { hashNotImplemented } from './object';
import { selfIter } from './rangeobject';
import { sliceIndices } from './slice';
import { strValue } from './str';
import { tupleItems } from './tuple';
import { Cmp, T, TpFlags, defineType, type TypeSlots } from './types';
import { bytesContent, byteString } from './bytes';
import { listItem } from './list';

/** The array.array type (its constructor, protocols and iterator); the methods are arraymethods.ts. */

export const arrayType = (vm: Vm): TypeSlots => moduleType(vm, ArrayType);
export const isArray = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(arrayType(vm).id);

/** array_new: typecode, then the initializer: a list, tuple or same-type array is sized first; bytes go through frombytes; anything else through its iterator. */
function arrayTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  if (type.id === arrayType(vm).id && kwargs !== 0 && vm.table.n[kwargs] > 0)
    throw typeError(vm, 'array.array() takes no keyword arguments');
  const a = tupleItems(vm, args);
  if (a.length < 1 || a.length > 2)
    throw typeError(vm, 'array() takes at most 2 arguments (%zd given)', a.length);
  if (vm.table.type[a[0]] !== T.Str || strValue(vm, a[0]).length !== 1)
    throw typeError(vm, 'array() argument 1 must be a unicode character, not %.200s', vm.typeOf(a[0]).name);
  const c = strValue(vm, a[0]);
  let initial = a[1] ?? 0;
  const descr = TYPECODES[c];
  if (initial && c !== 'u') {
    if (vm.table.type[initial] === T.Str)
      throw typeError(vm, "cannot use a str to initialize an array with typecode '%c'", c.charCodeAt(0));
    if (isArray(vm, initial) && arrayState(vm, initial).descr.code === 'u')
      throw typeError(
        vm,
        "cannot use a unicode array to initialize an array with typecode '%c'",
        c.charCodeAt(0),
      );
  }
  let it = 0;
  const t = initial ? vm.table.type[initial] : 0;
  const direct =
    !initial ||
    t === T.List ||
    t === T.ByteArray ||
    t === T.Bytes ||
    t === T.Tuple ||
    (c === 'u' && t === T.Str) ||
    (isArray(vm, initial) && arrayState(vm, initial).descr.code === c);
  if (!direct) {
    it = getIter(vm, initial);
    initial = 0;
  }
  try {
    if (descr === undefined) throw badTypecode(vm);
    let len = 0;
    if (initial && (t === T.List || t === T.Tuple)) len = vm.table.n[initial];
    else if (initial && isArray(vm, initial)) len = vm.table.n[initial];
    const h = arrayNew(vm, type, len, descr);
    try {
      if (len > 0 && !isArray(vm, initial)) {
        for (let i = 0; i < len; i++) {
          const v = t === T.List ? listItem(vm, initial, i) : tupleItems(vm, initial)[i];
          vm.incref(v);
          try {
            setItem(vm, h, i, v);
          } finally {
            vm.decref(v);
          }
        }
      } else if (initial && (t === T.Bytes || t === T.ByteArray)) fromBytes(vm, h, initial);
      else if (initial && t === T.Str) fromUnicodeInit(vm, h, initial);
      else if (initial && len > 0) {
        const src = arrayState(vm, initial);
        const dst = arrayState(vm, h);
        new Uint8Array(dst.bytes.buffer).set(new Uint8Array(src.bytes.buffer, 0, len * descr.itemsize));
        touchItems(vm, dst, 0, len);
      }
      if (it) iterExtend(vm, h, it);
    } catch (e) {
      vm.decref(h);
      throw e;
    }
    return h;
  } finally {
    if (it) vm.decref(it);
  }
}

/** array('u', str): PyUnicode_AsWideCharString (a PyMem block of n + 1 wchar_t) becomes the buffer. */
function fromUnicodeInit(vm: Vm, h: number, s: number): void {
  const text = strValue(vm, s);
  const cps = [...text].map((ch) => ch.codePointAt(0)!);
  const n = cps.length;
  const st = arrayState(vm, h);
  const p = vm.mem.malloc(4 * (n + 1));
  if (n > 0) {
    vm.mem.free(st.addr);
    st.addr = p;
    vm.table.n[h] = n;
    st.allocated = n;
    st.bytes = new DataView(new ArrayBuffer(4 * (n + 1)));
    cps.forEach((cp, i) => st.bytes.setUint32(4 * i, cp, true));
    vm.mem.touch(p, 4 * (n + 1));
  } else vm.mem.free(p);
}

/** array_array_frombytes: whole items only, the array grown once, the bytes copied. */
export function fromBytes(vm: Vm, h: number, b: number): void {
  const s = arrayState(vm, h);
  const text = byteString(bytesContent(vm, b));
  if (text === null) throw new NotSupported('array.frombytes of more than 64 MiB');
  if (text.length % s.descr.itemsize !== 0)
    throw raiseString(vm, E.ValueError, 'bytes length not a multiple of item size');
  const n = text.length / s.descr.itemsize;
  if (n === 0) return;
  const old = vm.table.n[h];
  arrayResize(vm, h, old + n);
  const u8 = new Uint8Array(s.bytes.buffer);
  for (let i = 0; i < text.length; i++) u8[old * s.descr.itemsize + i] = text.charCodeAt(i);
  touchItems(vm, s, old, n);
}

/** array_iter_extend: ins1 at the end for each item. */
export function iterExtend(vm: Vm, h: number, it: number): void {
  for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
    try {
      arrayInsert(vm, h, vm.table.n[h], v);
    } finally {
      vm.decref(v);
    }
  }
}

/** array_do_extend: another array of the same kind is copied in one resize; anything else item by item. */
export function doExtend(vm: Vm, h: number, bb: number): void {
  if (!isArray(vm, bb)) {
    const it = getIter(vm, bb);
    try {
      iterExtend(vm, h, it);
    } finally {
      vm.decref(it);
    }
    return;
  }
  const s = arrayState(vm, h);
  const o = arrayState(vm, bb);
  if (s.descr !== o.descr) throw typeError(vm, 'can only extend with array of same kind');
  const oldsize = vm.table.n[h];
  const bbsize = vm.table.n[bb];
  arrayResize(vm, h, oldsize + bbsize);
  if (bbsize > 0) {
    new Uint8Array(s.bytes.buffer).set(
      new Uint8Array(o.bytes.buffer, 0, bbsize * o.descr.itemsize),
      oldsize * s.descr.itemsize,
    );
    touchItems(vm, s, oldsize, bbsize);
  }
}

/** A new array of items [from, from+step*n) (newarrayobject of the array type, then copied). */
export function arraySlice(vm: Vm, h: number, start: number, step: number, n: number): number {
  const s = arrayState(vm, h);
  const r = arrayNew(vm, arrayType(vm), n, s.descr);
  const d = arrayState(vm, r);
  const sz = s.descr.itemsize;
  const src = new Uint8Array(s.bytes.buffer);
  const dst = new Uint8Array(d.bytes.buffer);
  for (let i = 0, p = start; i < n; i++, p += step) dst.set(src.subarray(p * sz, (p + 1) * sz), i * sz);
  touchItems(vm, d, 0, n);
  return r;
}

function arraySubscr(vm: Vm, h: number, key: number): number {
  const n = vm.table.n[h];
  if (hasIndex(vm, key)) {
    let i = ssizeArg(vm, key);
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw indexError(vm, 'array index out of range');
    return boxItem(vm, arrayState(vm, h), i);
  }
  if (vm.table.type[key] !== T.Slice) throw typeError(vm, 'array indices must be integers');
  const sl = sliceIndices(vm, key, n);
  return arraySlice(vm, h, sl.start, sl.step, sl.length);
}

/** array_ass_subscr: an item, or a slice replaced by (or deleted for) an array of the same kind. */
function arrayAssSubscr(vm: Vm, h: number, key: number, value: number): void {
  const n = vm.table.n[h];
  let start: number;
  let stop: number;
  let step: number;
  let slicelength: number;
  if (hasIndex(vm, key)) {
    let i = ssizeArg(vm, key);
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw indexError(vm, 'array assignment index out of range');
    if (value !== 0) return setItem(vm, h, i, value);
    [start, stop, step, slicelength] = [i, i + 1, 1, 1];
  } else if (vm.table.type[key] === T.Slice) {
    const sl = sliceIndices(vm, key, n);
    [start, stop, step, slicelength] = [sl.start, sl.stop, sl.step, sl.length];
  } else throw typeError(vm, 'array indices must be integers');
  let needed = 0;
  let other = 0;
  if (value !== 0) {
    if (!isArray(vm, value))
      throw typeError(vm, 'can only assign array (not "%.200s") to array slice', vm.typeOf(value).name);
    if (value === h) {
      const copy = arraySlice(vm, value, 0, 1, vm.table.n[value]);
      try {
        return arrayAssSubscr(vm, h, key, copy);
      } finally {
        vm.decref(copy);
      }
    }
    other = value;
    needed = vm.table.n[other];
    if (arrayState(vm, other).descr !== arrayState(vm, h).descr)
      throw typeError(vm, 'bad argument type for built-in operation');
  }
  if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
  if (step === 1) return replaceRun(vm, h, start, stop, slicelength, other, needed);
  if (needed === 0) return arrayDelSlice(vm, h, start, stop, step, slicelength);
  if (needed !== slicelength)
    throw raiseFormat(
      vm,
      E.ValueError,
      'attempt to assign array of size %zd to extended slice of size %zd',
      needed,
      slicelength,
    );
  const s = arrayState(vm, h);
  const o = arrayState(vm, other);
  const sz = s.descr.itemsize;
  const src = new Uint8Array(o.bytes.buffer);
  const dst = new Uint8Array(s.bytes.buffer);
  for (let i = 0, cur = start; i < slicelength; i++, cur += step) {
    dst.set(src.subarray(i * sz, (i + 1) * sz), cur * sz);
    touchItems(vm, s, cur, 1);
  }
}

/** The step-1 case: the tail moved (before shrinking, after growing), then the new items copied. */
function replaceRun(
  vm: Vm,
  h: number,
  start: number,
  stop: number,
  slicelength: number,
  other: number,
  needed: number,
): void {
  const s = arrayState(vm, h);
  const sz = s.descr.itemsize;
  const size = vm.table.n[h];
  if (slicelength > needed) {
    new Uint8Array(s.bytes.buffer).copyWithin((start + needed) * sz, stop * sz, size * sz);
    arrayResize(vm, h, size + needed - slicelength);
  } else if (slicelength < needed) {
    arrayResize(vm, h, size + needed - slicelength);
    new Uint8Array(s.bytes.buffer).copyWithin(
      (start + needed) * sz,
      stop * sz,
      (vm.table.n[h] - start - needed + stop) * sz,
    );
  }
  if (needed > 0) {
    new Uint8Array(s.bytes.buffer).set(
      new Uint8Array(arrayState(vm, other).bytes.buffer, 0, needed * sz),
      start * sz,
    );
    touchItems(vm, s, start, vm.table.n[h] - start);
  }
}

/** array_richcompare: lengths first for ==/!=, then the first differing pair (boxed items). */
function arrayRichcompare(vm: Vm, v: number, w: number, op: Cmp): number {
  if (!isArray(vm, v) || !isArray(vm, w)) return vm.s.NotImplemented;
  const nv = vm.table.n[v];
  const nw = vm.table.n[w];
  if (nv !== nw && (op === Cmp.EQ || op === Cmp.NE)) return vm.s.bool(op === Cmp.NE);
  for (let i = 0; i < nv && i < nw; i++) {
    const vi = boxItem(vm, arrayState(vm, v), i);
    const wi = boxItem(vm, arrayState(vm, w), i);
    try {
      if (!richCompareBool(vm, vi, wi, Cmp.EQ)) {
        if (op === Cmp.EQ) return vm.s.False;
        if (op === Cmp.NE) return vm.s.True;
        return richCompare(vm, vi, wi, op);
      }
    } finally {
      vm.decref(vi);
      vm.decref(wi);
    }
  }
  const cmp = nv < nw ? -1 : nv > nw ? 1 : 0;
  return vm.s.bool([cmp < 0, cmp <= 0, cmp === 0, cmp !== 0, cmp > 0, cmp >= 0][op]);
}

function arrayText(vm: Vm, h: number, depth: number): string {
  const s = arrayState(vm, h);
  const n = vm.table.n[h];
  const code = s.descr.code;
  if (n === 0) return `${vm.typeOf(h).name}('${code}')`;
  if (code === 'u') {
    let text = '';
    for (let i = 0; i < n; i++) text += String.fromCodePoint(rawGet(s, i) as number);
    return `${vm.typeOf(h).name}('u', ${JSON.stringify(text).replace(/^"|"$/g, "'")})`;
  }
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const b = boxItem(vm, s, i);
    items.push(reprText(vm, b, depth + 1));
    vm.decref(b);
  }
  return `${vm.typeOf(h).name}('${code}', [${items.join(', ')}])`;
}

export const ArrayIterType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'arrayiterator',
    module: 'array',
    basicsize: 40,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      vm.xdecref(vm.table.ref[h]);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      if (vm.table.ref[h]) visit(vm.table.ref[h]);
    },
    iter: selfIter,
    iternext: (vm, h) => {
      const ao = vm.table.ref[h];
      if (ao === 0) return 0;
      const i = vm.table.num[h];
      if (i < vm.table.n[ao]) {
        vm.table.num[h] = i + 1;
        return boxItem(vm, arrayState(vm, ao), i);
      }
      vm.table.ref[h] = 0;
      vm.decref(ao);
      return 0;
    },
  });

export const ArrayType = (vm: Vm, id: number): TypeSlots => {
  moduleType(vm, ArrayIterType);
  return defineType({
    id,
    name: 'array',
    module: 'array',
    basicsize: ARRAY_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.SequenceFlag,
    dealloc: (vm2, h) => {
      vm2.gc.untrack(h);
      const s = arrayState(vm2, h);
      if (s.addr) vm2.mem.free(s.addr);
      vm2.gcDel(h);
    },
    traverse: () => {},
    reprText: arrayText,
    hash: hashNotImplemented,
    richcompare: arrayRichcompare,
    sequence: {
      length: (vm2, h) => vm2.table.n[h],
      item: (vm2, h, i) => {
        if (i < 0 || i >= vm2.table.n[h]) throw indexError(vm2, 'array index out of range');
        return boxItem(vm2, arrayState(vm2, h), i);
      },
      contains: (vm2, h, v) => {
        for (let i = 0; i < vm2.table.n[h]; i++) {
          const x = boxItem(vm2, arrayState(vm2, h), i);
          try {
            if (richCompareBool(vm2, x, v, Cmp.EQ)) return true;
          } finally {
            vm2.decref(x);
          }
        }
        return false;
      },
      concat: (vm2, a, b) => {
        if (!isArray(vm2, b))
          throw typeError(vm2, 'can only append array (not "%.200s") to array', vm2.typeOf(b).name);
        if (arrayState(vm2, a).descr !== arrayState(vm2, b).descr)
          throw typeError(vm2, 'bad argument type for built-in operation');
        return arrayConcat(vm2, a, b);
      },
      repeat: arrayRepeat,
      inplaceRepeat: arrayInplaceRepeat,
      inplaceConcat: (vm2, h, b) => {
        if (!isArray(vm2, b))
          throw typeError(vm2, 'can only extend array with array (not "%.200s")', vm2.typeOf(b).name);
        doExtend(vm2, h, b);
        vm2.incref(h);
        return h;
      },
    },
    mapping: { length: (vm2, h) => vm2.table.n[h], subscript: arraySubscr, assSubscript: arrayAssSubscr },
    iter: (vm2, h) => {
      const it = vm2.newGcObject(moduleType(vm2, ArrayIterType).id, 40);
      vm2.incref(h);
      vm2.table.ref[it] = h;
      vm2.table.num[it] = 0;
      vm2.gc.track(it);
      return it;
    },
    new: arrayTypeNew,
    methods: ARRAY_METHODS,
    getset: {
      typecode: {
        name: 'typecode',
        get: (vm2, h) => vm2.s.char(arrayState(vm2, h).descr.code.charCodeAt(0)),
      },
      itemsize: { name: 'itemsize', get: (vm2, h) => vm2.s.smallInt(arrayState(vm2, h).descr.itemsize) },
    },
  });
};

export { unboxItem };
