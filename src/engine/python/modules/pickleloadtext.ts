import { call, callMethod } from '../abstract/call';
import { raiseString } from '../abstract/errors';
import { NotSupported } from '../errors';
import { builtinStatic } from '../objects/descr';
import { exc } from '../objects/exctypes';
import { fromLong } from '../objects/int';
import { intern, strNew } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { findClass } from './pickleloadreduce';

/**
 * The unpickler's protocol 0 and 1 opcodes (Modules/_pickle.c, 3.11) that read a text line:
 * INT (with "00"/"01" as False/True), LONG (its trailing 'L' dropped), FLOAT, UNICODE
 * (raw-unicode-escape), PUT/GET indexes, and GLOBAL's module and name lines; and what GLOBAL finds
 * with fix_imports (the 2-to-3 mapping: __builtin__ → builtins): bytes, `_codecs.encode` (bytes
 * pickled below protocol 3 are REDUCE of it), or a class of the script.
 */

/** A line's text without its '\n' (the bytes as Latin-1 characters). */
export function lineText(line: Uint8Array): string {
  let s = '';
  for (let i = 0; i < line.length - 1; i++) s += String.fromCharCode(line[i]);
  return s;
}

/** load_int: strtol's value, "00"/"01" as bools, else PyLong_FromString. */
export function loadInt(vm: Vm, text: string): number {
  if (text === '00') return vm.s.False;
  if (text === '01') return vm.s.True;
  return loadLong(vm, text);
}

export function loadLong(vm: Vm, text: string): number {
  const t = text.endsWith('L') ? text.slice(0, -1) : text;
  if (!/^[-+]?\d+$/.test(t.trim()))
    throw raiseString(vm, exc('ValueError'), `invalid literal for int() with base 0: '${t}'`);
  const v = BigInt(t.trim());
  const small = v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER);
  return fromLong(vm, small ? Number(v) : v);
}

/** PyOS_string_to_double of a FLOAT line (repr's text: digits, 'inf', 'nan'). */
export function floatText(text: string): number {
  const t = text.trim().toLowerCase();
  if (t === 'inf' || t === '+inf') return Infinity;
  if (t === '-inf') return -Infinity;
  if (t === 'nan' || t === '-nan' || t === '+nan') return NaN;
  return Number(t);
}

/** PyUnicode_DecodeRawUnicodeEscape: \uXXXX and \UXXXXXXXX, every other byte a Latin-1 character. */
export function rawUnicodeEscape(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, u: string, U: string) =>
    String.fromCodePoint(parseInt(u ?? U, 16)),
  );
}

const encoders = new WeakMap<Vm, number>();

/**
 * `_codecs.encode(obj, encoding='utf-8', errors='strict')`: str.encode's bytes, with the codec's
 * (bytes, length) result tuple made and released as _PyCodec_Encode unpacks it.
 */
function codecsEncode(vm: Vm): number {
  let h = encoders.get(vm);
  if (h === undefined) {
    h = builtinStatic(
      vm,
      {
        name: 'encode',
        flags: Meth.Fastcall,
        impl: (vm2, _m, a) => {
          const args = a.length > 1 ? [a[1], ...a.slice(2)] : [];
          const b = callMethod(vm2, a[0], 'encode', args);
          vm2.incref(b);
          const len = fromLong(vm2, vm2.table.n[a[0]]);
          vm2.decref(tupleFromItems(vm2, [b, len]));
          return b;
        },
      },
      '_codecs',
    );
    encoders.set(vm, h);
  }
  return h;
}

/** load_global → find_class: the module and name strs, the 2-to-3 key tuple, then the object. */
export function findGlobal(vm: Vm, moduleText: string, nameText: string): number {
  const module = strNew(vm, moduleText);
  const name = strNew(vm, nameText);
  try {
    vm.incref(module);
    vm.incref(name);
    vm.decref(tupleFromItems(vm, [module, name]));
    const mod = moduleText === '__builtin__' ? 'builtins' : moduleText;
    if (mod === 'builtins' && nameText === 'bytes') {
      const t = vm.types[T.Bytes].typeObject;
      vm.incref(t);
      return t;
    }
    if ((mod === '_codecs' || mod === 'codecs') && nameText === 'encode') return codecsEncode(vm);
    if (mod === '__main__') return findClass(vm, intern(vm, '__main__'), name);
    throw new NotSupported(
      `unpickling the global ${mod}.${nameText} (Highwater finds bytes, codecs.encode and the script's classes)`,
    );
  } finally {
    vm.decref(module);
    vm.decref(name);
  }
}

/** load_reduce: callable(*argtup). */
export function reduce(vm: Vm, callable: number, argtup: number): number {
  // PyObject_CallObject
  if (vm.table.type[argtup] !== T.Tuple)
    throw raiseString(vm, exc('TypeError'), 'argument list must be a tuple');
  return call(vm, callable, Array.from(tupleItems(vm, argtup)), null);
}
