import { NotSupported } from '../errors';
import { richCompareBool } from '../abstract/compare';
import { indexError, raiseFormat, raiseString, typeError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import {
  arrayInsert,
  arrayNew,
  arrayResize,
  arrayState,
  boxItem,
  rawGet,
  rawSet,
  ssizeArg,
  touchItems,
  unboxItem,
} from './arrayobject';
import { arraySlice, arrayType, doExtend, fromBytes, isArray } from './arraytype';
import { bytesNew } from './bytes';
import { E, exc } from './exctypes';
import { fromSsize } from './int';
import { listItem, listNew, listPut } from './list';
import { strNew, strValue } from './str';
import { tupleFromItems } from './tuple';
import { Cmp, Meth, T, type MethodDef } from './types';

/** array.array's methods and its sequence arithmetic (Modules/arraymodule.c, 3.11). */

/** array_del_slice, or the extended-slice deletion: the items moved down, then array_resize. */
export function arrayDelSlice(
  vm: Vm,
  h: number,
  start: number,
  stop: number,
  step: number,
  slicelength: number,
): void {
  const s = arrayState(vm, h);
  if (slicelength > 0 && s.exports > 0)
    throw raiseString(vm, exc('BufferError'), 'cannot resize an array that is exporting buffers');
  const sz = s.descr.itemsize;
  const u8 = new Uint8Array(s.bytes.buffer);
  const size = vm.table.n[h];
  if (step === 1) {
    if (stop > start) {
      u8.copyWithin(start * sz, stop * sz, size * sz);
      arrayResize(vm, h, size - (stop - start));
    }
    return;
  }
  if (step < 0) {
    stop = start + 1;
    start = stop + step * (slicelength - 1) - 1;
    step = -step;
  }
  let cur = start;
  for (let i = 0; i < slicelength; cur += step, i++) {
    let lim = step - 1;
    if (cur + step >= size) lim = size - cur - 1;
    u8.copyWithin((cur - i) * sz, (cur + 1) * sz, (cur + 1 + lim) * sz);
  }
  cur = start + slicelength * step;
  if (cur < size) u8.copyWithin((cur - slicelength) * sz, cur * sz, size * sz);
  arrayResize(vm, h, size - slicelength);
}

export function arrayConcat(vm: Vm, a: number, b: number): number {
  const sa = arrayState(vm, a);
  const na = vm.table.n[a];
  const nb = vm.table.n[b];
  const r = arrayNew(vm, arrayType(vm), na + nb, sa.descr);
  const d = new Uint8Array(arrayState(vm, r).bytes.buffer);
  const sz = sa.descr.itemsize;
  d.set(new Uint8Array(sa.bytes.buffer, 0, na * sz));
  d.set(new Uint8Array(arrayState(vm, b).bytes.buffer, 0, nb * sz), na * sz);
  touchItems(vm, arrayState(vm, r), 0, na + nb);
  return r;
}

/** array_repeat: a new array of n copies (empty for n ≤ 0). */
export function arrayRepeat(vm: Vm, a: number, n: number): number {
  const s = arrayState(vm, a);
  const size = vm.table.n[a];
  if (n <= 0) return arrayNew(vm, arrayType(vm), 0, s.descr);
  const r = arrayNew(vm, arrayType(vm), size * n, s.descr);
  fillRepeat(s.bytes, arrayState(vm, r).bytes, size * s.descr.itemsize, n);
  touchItems(vm, arrayState(vm, r), 0, size * n);
  return r;
}

function fillRepeat(src: DataView, dst: DataView, bytes: number, n: number): void {
  const d = new Uint8Array(dst.buffer);
  const one = new Uint8Array(src.buffer, 0, bytes);
  for (let k = 0; k < n; k++) d.set(one, k * bytes);
}

/** array_inplace_repeat: resized to n × size, the bytes repeated in place. */
export function arrayInplaceRepeat(vm: Vm, h: number, n: number): number {
  const size = vm.table.n[h];
  if (size > 0) {
    if (n < 0) n = 0;
    const s = arrayState(vm, h);
    const copy = new DataView(s.bytes.buffer.slice(0, size * s.descr.itemsize));
    arrayResize(vm, h, n * size);
    fillRepeat(copy, arrayState(vm, h).bytes, size * s.descr.itemsize, n);
    touchItems(vm, s, 0, n * size);
  }
  vm.incref(h);
  return h;
}

/** The first index in [start, stop) whose item == v (boxed items, released as it goes), or −1. */
function find(vm: Vm, h: number, v: number, start: number, stop: number): number {
  for (let i = start; i < stop && i < vm.table.n[h]; i++) {
    const x = boxItem(vm, arrayState(vm, h), i);
    try {
      if (richCompareBool(vm, x, v, Cmp.EQ)) return i;
    } finally {
      vm.decref(x);
    }
  }
  return -1;
}

const m = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `array.${name}`,
});
const none = (vm: Vm): number => vm.s.None;

const METHODS: MethodDef[] = [
  m('append', Meth.O, (vm, h, a) => (arrayInsert(vm, h, vm.table.n[h], a[0]), none(vm))),
  m('buffer_info', Meth.NoArgs, (vm, h) => {
    const s = arrayState(vm, h);
    return tupleFromItems(vm, [fromSsize(vm, s.addr), fromSsize(vm, vm.table.n[h])]);
  }),
  m('byteswap', Meth.NoArgs, (vm, h) => {
    const s = arrayState(vm, h);
    const sz = s.descr.itemsize;
    const u8 = new Uint8Array(s.bytes.buffer);
    if (sz > 1) for (let i = 0; i < vm.table.n[h]; i++) u8.subarray(i * sz, (i + 1) * sz).reverse();
    touchItems(vm, s, 0, vm.table.n[h]);
    return none(vm);
  }),
  m('count', Meth.O, (vm, h, a) => {
    let n = 0;
    for (let i = 0; i < vm.table.n[h]; i++) if (find(vm, h, a[0], i, i + 1) >= 0) n++;
    return fromSsize(vm, n);
  }),
  m('__copy__', Meth.NoArgs, (vm, h) => arraySlice(vm, h, 0, 1, vm.table.n[h])),
  m('__deepcopy__', Meth.O, (vm, h) => arraySlice(vm, h, 0, 1, vm.table.n[h])),
  m('extend', Meth.O, (vm, h, a) => (doExtend(vm, h, a[0]), none(vm))),
  m('frombytes', Meth.O, (vm, h, a) => {
    if (vm.table.type[a[0]] !== T.Bytes && vm.table.type[a[0]] !== T.ByteArray)
      throw typeError(vm, "a bytes-like object is required, not '%.100s'", vm.typeOf(a[0]).name);
    fromBytes(vm, h, a[0]);
    return none(vm);
  }),
  m('fromlist', Meth.O, (vm, h, a) => {
    const list = a[0];
    if (vm.table.type[list] !== T.List && !vm.typeOf(list).mro.includes(T.List))
      throw typeError(vm, 'arg must be list');
    const n = vm.table.n[list];
    if (n > 0) {
      const old = vm.table.n[h];
      arrayResize(vm, h, old + n);
      for (let i = 0; i < n; i++) {
        const s = arrayState(vm, h);
        try {
          rawSet(s, old + i, unboxItem(vm, s, listItem(vm, list, i)));
        } catch (e) {
          arrayResize(vm, h, old);
          throw e;
        }
        touchItems(vm, s, old + i, 1);
      }
    }
    return none(vm);
  }),
  m('fromunicode', Meth.O, (vm, h, a) => {
    const s = arrayState(vm, h);
    if (s.descr.code !== 'u')
      throw raiseString(vm, E.ValueError, 'fromunicode() may only be called on unicode type arrays');
    if (vm.table.type[a[0]] !== T.Str)
      throw typeError(vm, 'fromunicode() argument must be str, not %.100s', vm.typeOf(a[0]).name);
    const cps = [...strValue(vm, a[0])].map((c) => c.codePointAt(0)!);
    if (cps.length) {
      const old = vm.table.n[h];
      arrayResize(vm, h, old + cps.length);
      cps.forEach((cp, i) => rawSet(arrayState(vm, h), old + i, cp));
      touchItems(vm, arrayState(vm, h), old, cps.length);
    }
    return none(vm);
  }),
  m('index', Meth.Fastcall, (vm, h, a) => {
    if (a.length < 1 || a.length > 3)
      throw typeError(vm, 'index expected at least 1 argument, got %zd', a.length);
    const n = vm.table.n[h];
    let start = a[1] ? ssizeArg(vm, a[1]) : 0;
    let stop = a[2] ? ssizeArg(vm, a[2]) : n;
    if (start < 0) start = Math.max(0, start + n);
    if (stop < 0) stop = Math.max(0, stop + n);
    const i = find(vm, h, a[0], start, stop);
    if (i < 0) throw raiseString(vm, E.ValueError, 'array.index(x): x not in array');
    return fromSsize(vm, i);
  }),
  m('insert', Meth.Fastcall, (vm, h, a) => {
    if (a.length !== 2) throw typeError(vm, 'insert expected 2 arguments, got %zd', a.length);
    arrayInsert(vm, h, ssizeArg(vm, a[0]), a[1]);
    return none(vm);
  }),
  m('pop', Meth.Fastcall, (vm, h, a) => {
    const n = vm.table.n[h];
    let i = a.length ? ssizeArg(vm, a[0]) : -1;
    if (n === 0) throw indexError(vm, 'pop from empty array');
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw indexError(vm, 'pop index out of range');
    const v = boxItem(vm, arrayState(vm, h), i);
    try {
      arrayDelSlice(vm, h, i, i + 1, 1, 1);
    } catch (e) {
      vm.decref(v);
      throw e;
    }
    return v;
  }),
  m('remove', Meth.O, (vm, h, a) => {
    const i = find(vm, h, a[0], 0, vm.table.n[h]);
    if (i < 0) throw raiseString(vm, E.ValueError, 'array.remove(x): x not in array');
    arrayDelSlice(vm, h, i, i + 1, 1, 1);
    return none(vm);
  }),
  m('reverse', Meth.NoArgs, (vm, h) => {
    const s = arrayState(vm, h);
    const n = vm.table.n[h];
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      const t = rawGet(s, i);
      rawSet(s, i, rawGet(s, j));
      rawSet(s, j, t);
    }
    touchItems(vm, s, 0, n);
    return none(vm);
  }),
  m('tobytes', Meth.NoArgs, (vm, h) => {
    const s = arrayState(vm, h);
    const u8 = new Uint8Array(s.bytes.buffer, 0, vm.table.n[h] * s.descr.itemsize);
    let text = '';
    for (let i = 0; i < u8.length; i += 8192) text += String.fromCharCode(...u8.subarray(i, i + 8192));
    return bytesNew(vm, text);
  }),
  m('tolist', Meth.NoArgs, (vm, h) => {
    const n = vm.table.n[h];
    const l = listNew(vm, n);
    for (let i = 0; i < n; i++) listPut(vm, l, i, boxItem(vm, arrayState(vm, h), i));
    return l;
  }),
  m('tounicode', Meth.NoArgs, (vm, h) => {
    const s = arrayState(vm, h);
    if (s.descr.code !== 'u')
      throw raiseString(vm, E.ValueError, 'tounicode() may only be called on unicode type arrays');
    let text = '';
    for (let i = 0; i < vm.table.n[h]; i++) text += String.fromCodePoint(rawGet(s, i) as number);
    return strNew(vm, text);
  }),
  m('__sizeof__', Meth.NoArgs, (vm, h) => {
    const s = arrayState(vm, h);
    return fromSsize(vm, vm.typeOf(h).basicsize + s.allocated * s.descr.itemsize);
  }),
  m('__reduce_ex__', Meth.O, () => {
    throw new NotSupported('pickling an array (array.__reduce_ex__)');
  }),
  m('tofile', Meth.O, () => {
    throw new NotSupported('array.tofile (files)');
  }),
  m('fromfile', Meth.Fastcall, () => {
    throw new NotSupported('array.fromfile (files)');
  }),
];

export const ARRAY_METHODS: Record<string, MethodDef> = Object.fromEntries(METHODS.map((d) => [d.name, d]));

export { isArray, raiseFormat };
