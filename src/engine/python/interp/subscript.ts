import { NotSupported, indexError, keyError, typeError, valueError } from '../errors';
import { bytearraySet, byteAt, bytesContent, bytesNew, byteString, type ByteContent } from '../objects/bytes';
import { dictDelItem, dictGetItem, dictSetItem } from '../objects/dict';
import { sliceParts } from '../objects/func';
import { fromLong, intValue } from '../objects/int';
import { rangeFields } from '../objects/iter';
import { listItem, listPut } from '../objects/list';
import { listAssSlice, listDelExtended, listSlice } from '../objects/listops';
import { strResult, strValue, strKind, strNew } from '../objects/str';
import { tupleFromItems, tupleItem } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { Interp } from './interp';
import { indexValue } from './ops';
import { repr, typeName } from './repr';
import { sequenceItems } from './unpack';

/** PySlice_Unpack + PySlice_AdjustIndices: start, step and the number of items selected. */
export function sliceIndices(vm: Vm, slice: number, len: number): { start: number; stop: number; step: number; length: number } {
  const [s0, s1, s2] = sliceParts(vm, slice);
  const num = (h: number, what: string): number | null => {
    if (vm.table.type[h] === T.None) return null;
    if (vm.table.type[h] !== T.Int && vm.table.type[h] !== T.Bool) throw typeError(`slice indices must be integers or None or have an __index__ method${what}`);
    const v = intValue(vm, h);
    return typeof v === 'bigint' ? (v < 0n ? -(2 ** 62) : 2 ** 62) : v;
  };
  const step = num(s2, '') ?? 1;
  if (step === 0) throw valueError('slice step cannot be zero');
  let start = num(s0, '');
  let stop = num(s1, '');
  if (start === null) start = step < 0 ? len - 1 : 0;
  else if (start < 0) start = Math.max(start + len, step < 0 ? -1 : 0);
  else if (start >= len) start = step < 0 ? len - 1 : len;
  if (stop === null) stop = step < 0 ? -1 : len;
  else if (stop < 0) stop = Math.max(stop + len, step < 0 ? -1 : 0);
  else if (stop >= len) stop = step < 0 ? len - 1 : len;
  const length =
    step < 0 ? (stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0) : start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
  return { start, stop, step, length };
}

function normIndex(vm: Vm, key: number, len: number, what: string): number {
  let i = indexValue(vm, key, `${what} indices`);
  if (i < 0) i += len;
  return i;
}

/** BINARY_SUBSCR (PyObject_GetItem). A new reference. */
export function getSubscript(it: Interp, c: number, key: number): number {
  const vm = it.vm;
  const t = vm.table;
  const isSlice = t.type[key] === T.Slice;
  switch (t.type[c]) {
    case T.List: {
      if (isSlice) {
        const s = sliceIndices(vm, key, t.n[c]);
        return listSlice(vm, c, s.start, s.step, s.length);
      }
      const i = normIndex(vm, key, t.n[c], 'list');
      if (i < 0 || i >= t.n[c]) throw indexError('list index out of range');
      const v = listItem(vm, c, i);
      vm.incref(v);
      return v;
    }
    case T.Tuple: {
      if (isSlice) {
        const s = sliceIndices(vm, key, t.n[c]);
        if (s.step === 1 && s.start === 0 && s.length === t.n[c]) {
          vm.incref(c);
          return c;
        }
        const items = Int32Array.from({ length: s.length }, (_, k) => tupleItem(vm, c, s.start + k * s.step));
        for (const x of items) vm.incref(x);
        return tupleFromItems(vm, items);
      }
      const i = normIndex(vm, key, t.n[c], 'tuple');
      if (i < 0 || i >= t.n[c]) throw indexError('tuple index out of range');
      const v = tupleItem(vm, c, i);
      vm.incref(v);
      return v;
    }
    case T.Str: {
      const s = strValue(vm, c);
      if (isSlice) {
        const sl = sliceIndices(vm, key, s.length);
        if (sl.step === 1 && sl.length === s.length) {
          vm.incref(c);
          return c;
        }
        let out = '';
        for (let k = 0, p = sl.start; k < sl.length; k++, p += sl.step) out += s[p];
        return out.length === 1 ? strResult(vm, out) : strNew(vm, out, strKind(vm, c));
      }
      const i = normIndex(vm, key, s.length, 'string');
      if (i < 0 || i >= s.length) throw indexError('string index out of range');
      return strResult(vm, s[i]);
    }
    case T.Bytes:
    case T.ByteArray: {
      const content = (t.type[c] === T.Bytes ? bytesContent(vm, c) : t.side[c]) as ByteContent;
      const len = t.n[c];
      if (isSlice) {
        if (t.type[c] === T.ByteArray) throw new NotSupported('slicing a bytearray');
        const sl = sliceIndices(vm, key, len);
        const str = byteString(content);
        if (str === null) throw new NotSupported('slicing bytes over 1 MiB');
        let out = '';
        for (let k = 0, p = sl.start; k < sl.length; k++, p += sl.step) out += str[p];
        return bytesNew(vm, out);
      }
      const i = normIndex(vm, key, len, t.type[c] === T.Bytes ? 'byte' : 'bytearray');
      if (i < 0 || i >= len) throw indexError(`${t.type[c] === T.Bytes ? 'index' : 'bytearray index'} out of range`);
      return vm.s.smallInt(byteAt(content, i));
    }
    case T.Dict: {
      const v = dictGetItem(vm, c, key);
      if (!v) throw keyError(repr(vm, key));
      vm.incref(v);
      return v;
    }
    case T.Range: {
      if (isSlice) throw new NotSupported('slicing a range');
      const r = rangeFields(vm, c);
      const len = Number(intValue(vm, r.length));
      const i = normIndex(vm, key, len, 'range');
      if (i < 0 || i >= len) throw indexError('range object index out of range');
      return fromLong(vm, Number(intValue(vm, r.start)) + i * Number(intValue(vm, r.step)));
    }
    default: {
      const ext = vm.extensions[t.type[c]];
      if (ext?.subscript) return ext.subscript(c, key);
      throw typeError(`'${typeName(vm, c)}' object is not subscriptable`);
    }
  }
}

/** STORE_SUBSCR (PyObject_SetItem); `v` is borrowed. */
export function setSubscript(it: Interp, c: number, key: number, v: number): void {
  const vm = it.vm;
  const t = vm.table;
  switch (t.type[c]) {
    case T.List: {
      if (t.type[key] === T.Slice) {
        const s = sliceIndices(vm, key, t.n[c]);
        if (s.step !== 1) throw new NotSupported('assigning to an extended slice');
        const [items, temp] = sequenceItems(it, v, c);
        listAssSlice(vm, c, s.start, Math.max(s.start, s.stop), items);
        if (temp) vm.decref(temp);
        return;
      }
      const i = normIndex(vm, key, t.n[c], 'list');
      if (i < 0 || i >= t.n[c]) throw indexError('list assignment index out of range');
      const old = listItem(vm, c, i);
      vm.incref(v);
      listPut(vm, c, i, v);
      vm.decref(old);
      return;
    }
    case T.Dict:
      dictSetItem(vm, c, key, v);
      return;
    case T.ByteArray: {
      const i = normIndex(vm, key, t.n[c], 'bytearray');
      if (i < 0 || i >= t.n[c]) throw indexError('bytearray index out of range');
      const b = indexValue(vm, v, "'" + typeName(vm, v) + "' object cannot be interpreted as an integer;");
      if (b < 0 || b > 255) throw valueError('byte must be in range(0, 256)');
      bytearraySet(vm, c, i, b);
      return;
    }
    default: {
      const ext = vm.extensions[t.type[c]];
      if (ext?.assignSubscript) {
        ext.assignSubscript(c, key, v);
        return;
      }
      throw typeError(`'${typeName(vm, c)}' object does not support item assignment`);
    }
  }
}

/** DELETE_SUBSCR (PyObject_DelItem). */
export function deleteSubscript(it: Interp, c: number, key: number): void {
  const vm = it.vm;
  const t = vm.table;
  switch (t.type[c]) {
    case T.List: {
      if (t.type[key] === T.Slice) {
        const s = sliceIndices(vm, key, t.n[c]);
        if (s.step === 1) listAssSlice(vm, c, s.start, Math.max(s.start, s.stop), null);
        else listDelExtended(vm, c, s.start, s.step, s.length);
        return;
      }
      const i = normIndex(vm, key, t.n[c], 'list');
      if (i < 0 || i >= t.n[c]) throw indexError('list assignment index out of range');
      listAssSlice(vm, c, i, i + 1, null);
      return;
    }
    case T.Dict:
      dictDelItem(vm, c, key, () => repr(vm, key));
      return;
    default:
      throw typeError(`'${typeName(vm, c)}' object doesn't support item deletion`);
  }
}

