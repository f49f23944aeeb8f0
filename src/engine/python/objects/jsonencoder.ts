import { call } from '../abstract/call';
import { raiseFormat, raiseString, typeError } from '../abstract/errors';
import { isTrue, typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { dictDelItem, dictEntries, dictGetItem, dictSetItem } from './dict';
import { E } from './exctypes';
import { fromLong } from './int';
import { jsonSink, type JsonSink } from './jsonsink';
import { pyIdentifier } from './identifiers';
import { listNew, listPut } from './list';
import { sortList } from './listsort';
import { getIter, iterNext } from '../abstract/iter';
import { withRecursionCheck } from './recursion';
import { intern, strKind, strNew, strValue } from './str';
import { tupleAlloc, tupleItems } from './tuple';
import { T, type TypeSlots } from './types';
import { listItem } from './list';

const listItemOf = (vm: Vm, seq: number, i: number): number =>
  vm.table.type[seq] === T.Tuple || vm.typeOf(seq).mro.includes(T.Tuple)
    ? vm.pool.data[vm.table.ref[seq] + i]
    : listItem(vm, seq, i);

/**
 * The JSON encoder's C accelerator (Modules/_json.c, 3.11: c_make_encoder, a `_json.Encoder`
 * of 16 GC + 80 bytes). Calling it encodes one object into an _PyAccu (jsonaccu.ts) and returns
 * the list of chunks, which JSONEncoder.encode joins. What it allocates, in order:
 * - containers: an `ident` int (PyLong_FromVoidPtr, 32 bytes) put into and taken out of the
 *   `markers` dict while the container is being encoded (check_circular);
 * - dicts: PyMapping_Items — a list of n new 2-tuples — sorted for sort_keys, walked with a list
 *   iterator; non-str keys are converted (int/float repr, true/false/null);
 * - scalars: one new str each (int and float repr with their scratch, strings escaped into a
 *   new str of the exact escaped length), appended to the accumulator and freed when it flushes;
 * - the separators and brackets are shared strs (the brackets are _Py_IDENTIFIERs: the first
 *   list, dict or constant a process encodes makes them, identifiers.ts).
 */
export interface EncoderState {
  markers: number;
  defaultfn: number;
  encoder: number;
  indent: number;
  keySeparator: number;
  itemSeparator: number;
  sortKeys: boolean;
  skipkeys: boolean;
  allowNan: boolean;
  /** s->fast_encode: the encoder is py_encode_basestring_ascii (1) or py_encode_basestring (2). */
  fastEncode: 0 | 1 | 2;
  /** 3.13 with an indent: the newline strs of the containers being encoded, by indent level. */
  newlines: number[];
}

/** sizeof(PyEncoderObject) in 3.11: 6 pointers, two chars and an int, the fast_encode pointer. */
export const ENCODER_BASIC = 80;

export function encoderState(vm: Vm, h: number): EncoderState {
  return vm.table.side[h] as EncoderState;
}

/** S_CHAR: printable ASCII other than the backslash and the double quote. */
const sChar = (c: number): boolean => c >= 0x20 && c <= 0x7e && c !== 0x5c && c !== 0x22;

const SHORT_ESCAPES: Record<number, string> = {
  0x5c: '\\\\',
  0x22: '\\"',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
};

const hex4 = (c: number): string => c.toString(16).padStart(4, '0');

/** ascii_escape_unicode: the escaped text (one PyUnicode_New(size, 127) in C). */
export function asciiEscapeText(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (sChar(c)) out += ch;
    else if (SHORT_ESCAPES[c] !== undefined) out += SHORT_ESCAPES[c];
    else if (c >= 0x10000) {
      const v = c - 0x10000;
      out += `\\u${hex4(0xd800 | (v >> 10))}\\u${hex4(0xdc00 | (v & 0x3ff))}`;
    } else out += `\\u${hex4(c)}`;
  }
  return out + '"';
}

/** escape_unicode (ensure_ascii=False): only '\\', '"' and control characters are escaped. */
export function escapeText(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (SHORT_ESCAPES[c] !== undefined) out += SHORT_ESCAPES[c];
    else if (c <= 0x1f) out += `\\u${hex4(c)}`;
    else out += ch;
  }
  return out + '"';
}

/** py_encode_basestring_ascii / py_encode_basestring on a str: one new str. */
export function encodeBasestring(vm: Vm, s: number, ascii: boolean): number {
  const text = strValue(vm, s);
  // PyUnicode_New(output_size, 127) or (…, the input's maximum character): the input's kind
  return ascii ? strNew(vm, asciiEscapeText(text), 0) : strNew(vm, escapeText(text), strKind(vm, s));
}

/** encoder_encode_string: the fast function, else the Python-level encoder called with the str. */
function encodeString(vm: Vm, s: EncoderState, obj: number): number {
  if (s.fastEncode !== 0) return encodeBasestring(vm, obj, s.fastEncode === 1);
  const encoded = call(vm, s.encoder, [obj], null);
  if (vm.table.type[encoded] !== T.Str && !vm.typeOf(encoded).mro.includes(T.Str)) {
    const name = typeName(vm, encoded);
    vm.decref(encoded);
    throw typeError(vm, 'encoder() must return a string, not %.80s', name);
  }
  return encoded;
}

/** encoder_encode_float: repr for finite values; Infinity/-Infinity/NaN (new strs) unless allow_nan is off. */
export function encodeFloat(vm: Vm, s: EncoderState, obj: number): number {
  const v = vm.table.num[obj];
  if (!Number.isFinite(v)) {
    if (!s.allowNan) throw raiseString(vm, E.ValueError, 'Out of range float values are not JSON compliant');
    return strNew(vm, v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN', 0);
  }
  return vm.types[T.Float].repr!(vm, obj);
}

/**
 * _encoded_const: the identifiers "null", "true", "false" (3.11: _Py_IDENTIFIERs, interned by
 * json's own code already; 3.12: &_Py_ID(null), static strs that allocate nothing).
 */
export function encodedConst(vm: Vm, obj: number): number {
  const text = obj === vm.s.None ? 'null' : obj === vm.s.True ? 'true' : 'false';
  const h = vm.py.jsonEncoder === 'writer' ? intern(vm, text) : pyIdentifier(vm, text, true);
  vm.incref(h);
  return h;
}

const isExact = (vm: Vm, h: number, type: T): boolean =>
  vm.table.type[h] === type || vm.typeOf(h).mro.includes(type);

/** encoder_listencode_obj. */
export function listencodeObj(
  vm: Vm,
  s: EncoderState,
  acc: JsonSink,
  obj: number,
  indentLevel: number,
): void {
  const t = vm.table.type[obj];
  if (obj === vm.s.None) return acc.constant('null');
  if (obj === vm.s.True) return acc.constant('true');
  if (obj === vm.s.False) return acc.constant('false');
  if (t === T.Str || isExact(vm, obj, T.Str)) return acc.steal(encodeString(vm, s, obj));
  if (t === T.Int || isExact(vm, obj, T.Int)) return acc.steal(vm.types[T.Int].repr!(vm, obj));
  if (t === T.Float || isExact(vm, obj, T.Float)) return acc.steal(encodeFloat(vm, s, obj));
  if (t === T.List || t === T.Tuple || isExact(vm, obj, T.List) || isExact(vm, obj, T.Tuple))
    return withRecursionCheck(vm, ' while encoding a JSON object', () =>
      listencodeList(vm, s, acc, obj, indentLevel),
    );
  if (t === T.Dict || isExact(vm, obj, T.Dict))
    return withRecursionCheck(vm, ' while encoding a JSON object', () =>
      listencodeDict(vm, s, acc, obj, indentLevel),
    );
  const ident = markerEnter(vm, s, obj);
  const newobj = call(vm, s.defaultfn, [obj], null);
  try {
    withRecursionCheck(vm, ' while encoding a JSON object', () =>
      listencodeObj(vm, s, acc, newobj, indentLevel),
    );
  } catch (e) {
    if (ident) vm.decref(ident);
    throw e;
  } finally {
    vm.decref(newobj);
  }
  markerLeave(vm, s, ident);
}

/** PyLong_FromVoidPtr(obj) into `markers` (a ValueError when it is there already): the ident, or 0. */
function markerEnter(vm: Vm, s: EncoderState, obj: number): number {
  if (s.markers === vm.s.None) return 0;
  const ident = fromLong(vm, vm.id(obj));
  if (dictGetItem(vm, s.markers, ident) !== 0) {
    vm.decref(ident);
    throw raiseString(vm, E.ValueError, 'Circular reference detected');
  }
  try {
    dictSetItem(vm, s.markers, ident, obj);
  } catch (e) {
    vm.decref(ident);
    throw e;
  }
  return ident;
}

function markerLeave(vm: Vm, s: EncoderState, ident: number): void {
  if (ident === 0) return;
  try {
    dictDelItem(vm, s.markers, ident);
  } finally {
    vm.decref(ident);
  }
}

/** encoder_listencode_list (PySequence_Fast of a list or tuple is the object itself). */
function listencodeList(vm: Vm, s: EncoderState, acc: JsonSink, seq: number, indentLevel: number): void {
  acc.enter('[');
  const n = vm.table.n[seq];
  if (n === 0) return acc.punct('[]');
  const ident = markerEnter(vm, s, seq);
  let ind: Indented | null = null;
  try {
    acc.punct('[');
    ind = indentOpen(vm, s, acc, indentLevel, 'list');
    const sep = ind ? ind.separator : s.itemSeparator;
    const level = ind ? indentLevel + 1 : indentLevel;
    for (let i = 0; i < vm.table.n[seq]; i++) {
      const obj = listItemOf(vm, seq, i);
      if (i) acc.add(sep);
      vm.incref(obj);
      try {
        listencodeObj(vm, s, acc, obj, level);
      } finally {
        vm.decref(obj);
      }
    }
  } catch (e) {
    if (ident) vm.decref(ident);
    if (ind) indentClose(vm, ind);
    throw e;
  }
  markerLeave(vm, s, ident);
  if (ind) {
    indentClose(vm, ind);
    acc.add(newlineAt(vm, s, indentLevel));
  }
  acc.punct(']');
}

/** A container's indented output (3.13): its own '\n' + indent × level and item separator. */
interface Indented {
  newline: number;
  separator: number;
}

/**
 * 3.13's C encoder with an indent (json.encoder now calls c_make_encoder whatever the indent): a
 * container at indent_level L makes '\n' + indent × (L + 1) and item_separator + that (one str
 * each; measured on 3.13.0: a list writes its newline before it makes the separator, a dict makes
 * both first), and closes with its parent's newline. Null below 3.13 or without an indent.
 */
function indentOpen(
  vm: Vm,
  s: EncoderState,
  acc: JsonSink,
  indentLevel: number,
  kind: 'list' | 'dict',
): Indented | null {
  if (s.indent === vm.s.None) return null;
  if (!vm.py.jsonEncoderIndent) throw new NotSupported('json: the C encoder with an indent');
  const text = '\n' + strValue(vm, s.indent).repeat(indentLevel + 1);
  const newline = strNew(vm, text);
  s.newlines[indentLevel + 1] = newline;
  if (kind === 'list') acc.add(newline);
  const separator = strNew(vm, strValue(vm, s.itemSeparator) + text);
  if (kind === 'dict') acc.add(newline);
  return { newline, separator };
}

function indentClose(vm: Vm, ind: Indented): void {
  vm.decref(ind.newline);
  vm.decref(ind.separator);
}

/** The newline of the container at `level` (the top level's '\n' is the 1-character singleton). */
function newlineAt(vm: Vm, s: EncoderState, level: number): number {
  return level === 0 ? vm.s.char(10) : s.newlines[level];
}

/** dict_items (PyMapping_Items of a dict): PyList_New(n), n new 2-tuples, then filled. */
export function dictItemsList(vm: Vm, d: number): number {
  const n = vm.table.n[d];
  const l = listNew(vm, n);
  const tuples: number[] = [];
  for (let i = 0; i < n; i++) {
    const tup = tupleAlloc(vm, 2);
    vm.pool.data.fill(0, vm.table.ref[tup], vm.table.ref[tup] + 2);
    vm.gc.track(tup);
    listPut(vm, l, i, tup);
    tuples.push(tup);
  }
  let i = 0;
  for (const [k, v] of dictEntries(vm, d)) {
    const tup = tuples[i++];
    vm.incref(k);
    vm.incref(v);
    vm.pool.data[vm.table.ref[tup]] = k;
    vm.pool.data[vm.table.ref[tup] + 1] = v;
  }
  return l;
}

/**
 * encoder_encode_key_value: the key as a str (int and float keys by repr, the constants by name),
 * the item separator unless first, the key encoded, the key separator, the value. False when
 * skipkeys skipped it.
 */
function encodeKeyValue(
  vm: Vm,
  s: EncoderState,
  acc: JsonSink,
  first: boolean,
  separator: number,
  key: number,
  value: number,
  indentLevel: number,
): boolean {
  let kstr: number;
  const kt = vm.table.type[key];
  if (kt === T.Str || isExact(vm, key, T.Str)) {
    vm.incref(key);
    kstr = key;
  } else if (kt === T.Float || isExact(vm, key, T.Float)) kstr = encodeFloat(vm, s, key);
  else if (key === vm.s.True || key === vm.s.False || key === vm.s.None) kstr = encodedConst(vm, key);
  else if (kt === T.Int || isExact(vm, key, T.Int)) kstr = vm.types[T.Int].repr!(vm, key);
  else if (s.skipkeys) return false;
  else
    throw raiseFormat(
      vm,
      E.TypeError,
      'keys must be str, int, float, bool or None, not %.100s',
      typeName(vm, key),
    );
  if (!first) acc.add(separator);
  let encoded: number;
  try {
    encoded = encodeString(vm, s, kstr);
  } finally {
    vm.decref(kstr);
  }
  acc.steal(encoded);
  acc.add(s.keySeparator);
  listencodeObj(vm, s, acc, value, indentLevel);
  return true;
}

/**
 * encoder_listencode_dict. 3.11 walks PyMapping_Items (sorted for sort_keys) with a list
 * iterator; 3.12 walks an exact dict in place (PyDict_Next) unless sort_keys, and the items list
 * by index.
 */
function listencodeDict(vm: Vm, s: EncoderState, acc: JsonSink, dct: number, indentLevel: number): void {
  acc.enter('{');
  if (vm.table.n[dct] === 0) return acc.punct('{}');
  const ident = markerEnter(vm, s, dct);
  const writer = vm.py.jsonEncoder === 'writer';
  let it = 0;
  let items = 0;
  let ind: Indented | null = null;
  try {
    acc.punct('{');
    ind = indentOpen(vm, s, acc, indentLevel, 'dict');
    const sep = ind ? ind.separator : s.itemSeparator;
    const level = ind ? indentLevel + 1 : indentLevel;
    let first = true;
    if (writer && !s.sortKeys && vm.table.type[dct] === T.Dict) {
      for (const [key, value] of dictEntries(vm, dct))
        if (encodeKeyValue(vm, s, acc, first, sep, key, value, level)) first = false;
    } else {
      items = dictItemsList(vm, dct);
      if (s.sortKeys) sortList(vm, items, 0, false);
      if (writer) {
        for (let i = 0; i < vm.table.n[items]; i++) {
          const [key, value] = tupleItems(vm, listItem(vm, items, i));
          if (encodeKeyValue(vm, s, acc, first, sep, key, value, level)) first = false;
        }
      } else {
        it = getIter(vm, items);
        vm.decref(items);
        items = 0;
        for (let item = iterNext(vm, it); item !== 0; item = iterNext(vm, it)) {
          try {
            const [key, value] = tupleItems(vm, item);
            if (encodeKeyValue(vm, s, acc, first, sep, key, value, level)) first = false;
          } finally {
            vm.decref(item);
          }
        }
        vm.decref(it);
        it = 0;
      }
    }
  } catch (e) {
    if (it) vm.decref(it);
    if (items) vm.decref(items);
    if (ident) vm.decref(ident);
    if (ind) indentClose(vm, ind);
    throw e;
  }
  // 3.12: Py_CLEAR(items) before the marker goes
  if (items) vm.decref(items);
  markerLeave(vm, s, ident);
  if (ind) {
    indentClose(vm, ind);
    acc.add(newlineAt(vm, s, indentLevel));
  }
  acc.punct('}');
}

/**
 * encoder_call (tp_call, "On:_iterencode"): the accumulator or writer (jsonsink.ts), the object
 * encoded into it, the chunks as a list (3.11) or the text in a 1-tuple (3.12+; new reference).
 */
export function encoderCall(vm: Vm, h: number, obj: number, indentLevel: number): number {
  const s = encoderState(vm, h);
  const acc = jsonSink(vm);
  try {
    listencodeObj(vm, s, acc, obj, indentLevel);
  } catch (e) {
    acc.destroy();
    throw e;
  }
  return acc.finish();
}

/** The encoder's truth-valued fields come from PyObject_IsTrue ("p" in make_encoder's format). */
export const truth = (vm: Vm, h: number): boolean => isTrue(vm, h);

export type { TypeSlots };
