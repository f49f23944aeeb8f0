import { raiseString, typeError } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { fromLong } from '../objects/int';
import { Meth, T, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { createStringBuffer } from './ctypesarray';
import { bufferAddress, bytesAtAddress, cbufferOf } from './ctypesmem';
import { ctypeOfClass, ctypeOfId } from './ctypestypes';
import { NotSupported } from '../errors';
import { byteAt, byteLength, bytesContent, bytesNew, latin1Text } from '../objects/bytes';
import { intValue } from '../objects/int';
import { simpleInfo, simpleSize } from './ctypessimple';
import { fn } from './module';

/**
 * ctypes' module-level functions over the modelled C data: sizeof (the type's or instance's
 * b_size, no allocation: a small int), addressof (b_ptr as an int), create_string_buffer, and the
 * C helpers ctypes exports as function pointers: memmove, memset, string_at (on the bytes of live
 * ctypes objects; other addresses hold nothing the model knows).
 */
function sizeOf(vm: Vm, h: number): number {
  const simple = simpleSize(vm, h);
  if (simple !== null) return simple;
  const c = ctypeOfClass(vm, h) ?? (cbufferOf(vm, h) !== null ? ctypeOfId(vm, vm.table.type[h]) : null);
  if (c !== null) return c.size;
  throw typeError(vm, 'this type has no size');
}

/** addressof(obj): where the object's C data is (inline b_value: 80 bytes into the object, past the GC head). */
function addressOf(vm: Vm, h: number): number {
  if (cbufferOf(vm, h) !== null) return bufferAddress(vm, h);
  if (simpleInfo(vm, vm.table.type[h]) !== null) return vm.id(h) + 80;
  throw raiseString(vm, E.TypeError, 'invalid type');
}

/** The bytes an argument of memmove/memset/string_at points at: a ctypes object's, or those at an int address. */
function bytesAt(vm: Vm, h: number, what: string): [Uint8Array, number] {
  const own = cbufferOf(vm, h);
  if (own !== null) return [own.bytes, 0];
  const t = vm.table.type[h];
  if (t === T.Int) {
    const found = bytesAtAddress(vm, Number(intValue(vm, h)));
    if (found !== null) return found;
    throw new NotSupported(`ctypes.${what} on an address outside the script's ctypes objects`);
  }
  if (simpleInfo(vm, t) !== null) throw new NotSupported(`ctypes.${what} on a ${vm.typeOf(h).name} instance`);
  throw raiseString(vm, E.ArgumentError, `argument 1: TypeError: Don't know how to convert parameter 1`);
}

function check(_vm: Vm, bytes: Uint8Array, at: number, n: number, what: string): void {
  // the real call reads or writes past the object: undefined behaviour the model does not guess at
  if (at + n > bytes.length) throw new NotSupported(`ctypes.${what} past the end of the object's ${bytes.length} bytes`);
}

function addressArg(vm: Vm, h: number): number {
  return vm.table.type[h] === T.Int ? Number(intValue(vm, h)) : addressOf(vm, h);
}

/** memmove(dst, src, count): returns dst as an int (restype c_void_p). */
function memmove(vm: Vm, a: readonly number[]): number {
  const [db, doff] = bytesAt(vm, a[0], 'memmove');
  const n = Number(intValue(vm, a[2]));
  let src: Uint8Array;
  if (vm.table.type[a[1]] === T.Bytes) {
    const c = bytesContent(vm, a[1]);
    src = new Uint8Array(Math.min(n, byteLength(c)));
    for (let i = 0; i < src.length; i++) src[i] = byteAt(c, i);
    if (src.length < n) throw new NotSupported('ctypes.memmove reading past the end of a bytes object');
  } else {
    const [sb, soff] = bytesAt(vm, a[1], 'memmove');
    check(vm, sb, soff, n, 'memmove');
    src = sb.slice(soff, soff + n);
  }
  check(vm, db, doff, n, 'memmove');
  db.set(src, doff);
  return fromLong(vm, addressArg(vm, a[0]));
}

/** memset(dst, c, count): returns dst as an int. */
function memset(vm: Vm, a: readonly number[]): number {
  const [db, doff] = bytesAt(vm, a[0], 'memset');
  const c = Number(intValue(vm, a[1])) & 0xff;
  const n = Number(intValue(vm, a[2]));
  check(vm, db, doff, n, 'memset');
  db.fill(c, doff, doff + n);
  return fromLong(vm, addressArg(vm, a[0]));
}

/** string_at(ptr, size=-1): a bytes copy of `size` bytes, or up to the NUL. */
function stringAt(vm: Vm, a: readonly number[]): number {
  const [b, off] = bytesAt(vm, a[0], 'string_at');
  const size = a.length > 1 ? Number(intValue(vm, a[1])) : -1;
  let end: number;
  if (size < 0) {
    const nul = b.indexOf(0, off);
    if (nul < 0) throw new NotSupported('ctypes.string_at reading past the end of the object (no NUL)');
    end = nul;
  } else {
    check(vm, b, off, size, 'string_at');
    end = off + size;
  }
  return bytesNew(vm, latin1Text(b.subarray(off, end)));
}

export function ctypesFunctions(): MethodDef[] {
  return [
    fn('sizeof', Meth.O, (vm, _m, a) => fromLong(vm, sizeOf(vm, a[0]))),
    fn('addressof', Meth.O, (vm, _m, a) => fromLong(vm, addressOf(vm, a[0]))),
    fn('create_string_buffer', Meth.Fastcall, (vm, _m, a) => {
      if (a.length < 1 || a.length > 2)
        throw typeError(vm, 'create_string_buffer() takes from 1 to 2 positional arguments but %d were given', a.length);
      return createStringBuffer(vm, a);
    }),
    fn('memmove', Meth.Fastcall, (vm, _m, a) => {
      if (a.length !== 3) throw typeError(vm, 'this function takes at least 3 arguments (%d given)', a.length);
      return memmove(vm, a);
    }),
    fn('memset', Meth.Fastcall, (vm, _m, a) => {
      if (a.length !== 3) throw typeError(vm, 'this function takes at least 3 arguments (%d given)', a.length);
      return memset(vm, a);
    }),
    fn('string_at', Meth.Fastcall, (vm, _m, a) => {
      if (a.length < 1 || a.length > 2) throw typeError(vm, 'string_at() takes from 1 to 2 positional arguments but %d were given', a.length);
      return stringAt(vm, a);
    }),
  ];
}
