import { typeError, valueError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { bufferString, getBuffer, hasBuffer, releaseBuffer } from './buffer';
import { bytesNew } from './bytes';
import { bytearrayFromString } from './bytearray';
import { argParserInit } from '../abstract/argparser';
import { Meth, T, type Kwargs, type MethodDef } from './types';

/**
 * bytes.maketrans / bytes.translate and bytearray's (Objects/bytes_methods.c, bytesobject.c
 * bytes_translate_impl, bytearrayobject.c bytearray_translate_impl).
 */

/** A bytes-like argument's bytes as a latin-1 string (Py_buffer), or TypeError as CPython words it. */
function bytesArg(vm: Vm, h: number): string {
  if (!hasBuffer(vm, h))
    throw typeError(vm, "a bytes-like object is required, not '%.100s'", typeName(vm, h));
  const view = getBuffer(vm, h);
  try {
    return bufferString(vm, view);
  } finally {
    releaseBuffer(vm, view);
  }
}

/** _Py_bytes_maketrans: the 256-byte identity table with frm[i] mapped to to[i]. */
function maketrans(vm: Vm, _type: number, args: readonly number[]): number {
  if (args.length !== 2) throw typeError(vm, 'maketrans expected 2 arguments, got %zd', args.length);
  const frm = bytesArg(vm, args[0]);
  const to = bytesArg(vm, args[1]);
  if (frm.length !== to.length) throw valueError(vm, 'maketrans arguments must have same length');
  const table = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i));
  for (let i = 0; i < frm.length; i++) table[frm.charCodeAt(i)] = to[i];
  return bytesNew(vm, table.join(''));
}

/** translate(table, /, delete=b''): deleted bytes dropped, the rest mapped through table (None: as is). */
function translate(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  if (args.length > 1 || (kw !== null && kw.size > 0 && ![...kw.keys()].every((k) => k === 'delete')))
    argParserInit(vm, 'translate', ['', 'delete']);
  if (args.length < 1) throw typeError(vm, 'translate() takes at least 1 positional argument (0 given)');
  const tableObj = args[0];
  const del = kw?.get('delete') ?? args[1];
  let table: string | null = null;
  if (tableObj !== vm.s.None) {
    table = bytesArg(vm, tableObj);
    if (table.length !== 256) throw valueError(vm, 'translation table must be 256 characters long');
  }
  const drop = del === undefined ? '' : bytesArg(vm, del);
  const src = bytesArg(vm, self);
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (drop.includes(c)) continue;
    out += table === null ? c : table[c.charCodeAt(0)];
  }
  if (vm.table.type[self] === T.ByteArray) return bytearrayFromString(vm, out);
  // bytes_translate_impl: nothing changed and an exact bytes: the object itself
  if (out === src && vm.table.type[self] === T.Bytes) {
    vm.incref(self);
    return self;
  }
  return bytesNew(vm, out);
}

/** The two methods, qualified by the type. maketrans is a staticmethod in CPython; a class method here (same calls). */
export function translateMethods(type: 'bytes' | 'bytearray'): Record<string, MethodDef> {
  return {
    maketrans: {
      name: 'maketrans',
      flags: Meth.Fastcall | Meth.Class,
      impl: maketrans,
      qualname: `${type}.maketrans`,
    },
    translate: {
      name: 'translate',
      flags: Meth.Fastcall | Meth.Keywords,
      impl: translate,
      qualname: `${type}.translate`,
    },
  };
}
