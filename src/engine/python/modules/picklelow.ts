import { BYTES_HEADER, byteAt, byteLength, bytesContent } from '../objects/bytes';
import { readAllBytes } from '../objects/bytesread';
import { floatBufSize, floatRepr } from '../objects/float';
import { intern, strNew, strValue } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { PicklerCore } from './picklereduce';

/**
 * What _pickle.c (3.11) writes for protocols 0 and 1 where they differ from 2+: the text opcodes
 * (INT 'I…\n', LONG 'L…L\n', FLOAT 'F…\n', UNICODE 'V…\n' in raw-unicode-escape, PUT/GET
 * 'p…\n'/'g…\n'), and bytes below protocol 3 as save_reduce of `codecs.encode(latin1 str,
 * 'latin1')` (or `bytes()` when empty) behind a GLOBAL whose names are written as ASCII bytes
 * objects after the 3-to-2 name mapping (builtins → __builtin__).
 */

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** The key codecs.encode is memoized under (the function object; `_codecs.encode` in the real one). */
export const codecsEncodeKey = (vm: Vm): number => intern(vm, '\u0000_codecs.encode');

/** save_long past 32 bits below protocol 2: 'L' + repr + "L\n" (the repr str made and released). */
export function saveLongText(p: PicklerCore, vm: Vm, v: bigint): void {
  const text = v.toString();
  const repr = strNew(vm, text, 0);
  p.write(ascii(`L${text}L\n`));
  vm.decref(repr);
}

/** save_float at protocol 0: PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0)'s PyMem buffer. */
export function saveFloatText(p: PicklerCore, vm: Vm, x: number): void {
  const text = floatRepr(x);
  const buf = vm.mem.malloc(floatBufSize(text));
  p.write(ascii(`F${text}\n`));
  vm.mem.free(buf);
}

/**
 * raw_unicode_escape (pickle's own copy of PyUnicode_AsRawUnicodeEscapeString, also escaping
 * backslash, NUL, \n, \r and \x1a): the text, and the _PyBytesWriter's allocations (a bytes of
 * the input's length past its 512-byte stack buffer, grown by a quarter when escapes need room,
 * cut to the result at the end; from the stack buffer, one bytes of the result).
 */
export function saveUnicodeText(p: PicklerCore, vm: Vm, h: number): void {
  const out: number[] = [];
  for (const ch of strValue(vm, h)) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x10000) out.push(...ascii(`\\U${c.toString(16).padStart(8, '0')}`));
    else if (c >= 256 || c === 0x5c || c === 0 || c === 10 || c === 13 || c === 0x1a)
      out.push(...ascii(`\\u${c.toString(16).padStart(4, '0')}`));
    else out.push(c);
  }
  const n = vm.table.n[h];
  let block: number;
  if (n > 512 || out.length > 512) {
    let allocated = Math.max(n, 513);
    block = vm.mem.malloc(BYTES_HEADER + allocated);
    while (out.length > allocated) {
      allocated = Math.max(out.length, allocated + (allocated >> 2));
      block = vm.mem.realloc(block, BYTES_HEADER + allocated);
    }
    if (allocated !== out.length) block = vm.mem.realloc(block, BYTES_HEADER + out.length);
  } else block = vm.mem.malloc(BYTES_HEADER + out.length);
  p.write([0x56]);
  p.write(out);
  vm.mem.free(block);
  p.write([0x0a]);
}

/** memo_put / memo_get at protocol 0: 'p' / 'g' and the index in decimal. */
export const memoPutText = (idx: number): number[] => ascii(`p${idx}\n`);
export const memoGetText = (idx: number): number[] => ascii(`g${idx}\n`);

/**
 * save_global below protocol 3 for the two callables bytes' reduce needs: the 3-to-2 mapping's
 * key tuple made and dropped, the module and name written as ASCII bytes objects (made, written,
 * released), GLOBAL, then memo_put.
 */
function saveGlobalText(p: PicklerLow, vm: Vm, key: number, module: string, name: string): void {
  if (p.memoGet(key)) return;
  const m = strNew(vm, module === '__builtin__' ? 'builtins' : module, 0);
  const nm = strNew(vm, name, 0);
  vm.incref(m);
  vm.incref(nm);
  vm.decref(tupleFromItems(vm, [m, nm]));
  for (const part of [module, name]) {
    const b = vm.mem.malloc(BYTES_HEADER + part.length);
    p.write(part === module ? ascii(`c${part}\n`) : ascii(`${part}\n`));
    vm.mem.free(b);
  }
  vm.decref(m);
  vm.decref(nm);
  p.memoPut(key);
}

export interface PicklerLow extends PicklerCore {
  /** memo_get if `obj` is memoized (true), else false. */
  memoGet(obj: number): boolean;
}

/**
 * save_bytes below protocol 3: reduce_value = (codecs.encode, (PyUnicode_DecodeLatin1(b),
 * 'latin1')) or (bytes, ()) for b''; save_reduce saves the callable and the argument tuple,
 * writes REDUCE and memoizes the bytes object.
 */
export function saveBytesReduce(p: PicklerLow, vm: Vm, obj: number): void {
  const c = bytesContent(vm, obj);
  const n = byteLength(c);
  readAllBytes(vm, obj); // PyUnicode_DecodeLatin1 reads every byte
  let text = '';
  for (let i = 0; i < n; i++) text += String.fromCharCode(byteAt(c, i));
  let argtup: number;
  let callable: number;
  let global: [string, string];
  if (n === 0) {
    callable = vm.types[T.Bytes].typeObject;
    argtup = vm.s.emptyTuple;
    vm.incref(argtup);
    global = ['__builtin__', 'bytes'];
  } else {
    callable = codecsEncodeKey(vm);
    const s = strNew(vm, text);
    const latin1 = intern(vm, 'latin1');
    vm.incref(latin1);
    argtup = tupleFromItems(vm, [s, latin1]);
    global = ['_codecs', 'encode'];
  }
  vm.incref(callable);
  const reduceValue = tupleFromItems(vm, [callable, argtup]);
  try {
    saveGlobalText(p, vm, callable, ...global);
    p.save(argtup);
    p.write([0x52]);
    p.memoPut(obj);
  } finally {
    vm.decref(reduceValue);
  }
}
