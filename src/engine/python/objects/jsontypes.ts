import { setAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { setObject, typeError } from '../abstract/errors';
import { isTrue, typeName } from '../abstract/object';
import type { PyError } from '../errors';
import type { Vm } from '../runtime/vm';
import { excState } from './exceptions';
import { E } from './exctypes';
import { intValue } from './int';
import { dictNew } from './dict';
import { encoderCall, ENCODER_BASIC, encoderState, type EncoderState } from './jsonencoder';
import { clearMemo, docOf, Scanner, SCANNER_BASIC, type ScannerState } from './jsonscanner';
import { moduleType } from './modtypes';
import { strNew, strValue } from './str';
import { tupleFromItems, tupleItems } from './tuple';
import { fromSsize } from './int';
import { T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * The C types of the _json module (3.11): c_make_encoder (`_json.Encoder`) and c_make_scanner
 * (`_json.Scanner`), and json.decoder.JSONDecodeError (a ValueError subclass defined in Python:
 * `'%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)`).
 */

export const JSONDecodeErrorType = (vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'JSONDecodeError',
    module: 'json.decoder',
    basicsize: vm.types[E.ValueError].basicsize,
    base: E.ValueError,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.BaseExcSubclass | TpFlags.HeapType,
    dictoffset: 16,
    dealloc: vm.types[E.ValueError].dealloc,
  });

/** JSONDecodeError(msg, doc, pos): the message with the line and column of `pos` in `doc`. */
export function jsonDecodeError(vm: Vm, msg: string, doc: number, pos: number): PyError {
  const text = strValue(vm, doc);
  const cps = Array.from(text);
  const before = cps.slice(0, pos);
  const lineno = before.filter((c) => c === '\n').length + 1;
  const lastNl = before.lastIndexOf('\n');
  const colno = pos - lastNl;
  // raise_errmsg calls JSONDecodeError(msg, doc, pos) at once; its __init__ passes the long message
  // to ValueError.__init__ and sets msg, doc, pos, lineno and colno in the instance's dict
  const type = moduleType(vm, JSONDecodeErrorType);
  const message = strNew(vm, `${msg}: line ${lineno} column ${colno} (char ${pos})`);
  const inst = call(vm, type.typeObject, [message], null);
  vm.decref(message);
  try {
    const fields: [string, number][] = [
      ['msg', strNew(vm, msg)],
      ['doc', doc],
      ['pos', fromSsize(vm, pos)],
      ['lineno', fromSsize(vm, lineno)],
      ['colno', fromSsize(vm, colno)],
    ];
    vm.incref(doc);
    for (const [name, v] of fields) {
      setAttr(vm, inst, name, v);
      vm.decref(v);
    }
    return setObject(vm, type.id, inst);
  } finally {
    vm.decref(inst);
  }
}

// ---- _json.Encoder ------------------------------------------------------------------------

function encoderDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const s = encoderState(vm, h);
  vm.table.side[h] = undefined;
  // encoder_clear: markers, defaultfn, encoder, indent, key_separator, item_separator
  for (const x of [s.markers, s.defaultfn, s.encoder, s.indent, s.keySeparator, s.itemSeparator])
    vm.decref(x);
  vm.gcDel(h);
}

export const EncoderType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Encoder',
    qualname: 'c_make_encoder',
    module: '_json',
    basicsize: ENCODER_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: encoderDealloc,
    traverse: (vm, h, visit) => {
      const s = encoderState(vm, h);
      for (const x of [s.markers, s.defaultfn, s.encoder, s.indent, s.keySeparator, s.itemSeparator])
        visit(x);
    },
    call: (vm, h, args, kwargs) => {
      // "On:_iterencode": two entries, parsed without a temporary freelist
      const a = tupleItems(vm, args);
      if (kwargs !== 0 || a.length !== 2) throw typeError(vm, '_iterencode() takes exactly 2 arguments');
      return encoderCall(vm, h, a[0], Number(intValue(vm, a[1])));
    },
  });

/** vgetargskeywords' freelist for more than STATIC_FREELIST_ENTRIES (8) format units: PyMem_NEW(freelistentry_t, n). */
export function argParseFreelist(vm: Vm, units: number): void {
  if (units <= 8) return;
  const p = vm.mem.malloc(16 * units);
  vm.mem.free(p);
}

/**
 * encoder_new("OOOOUUppp:make_encoder"): the argument freelist (9 units: 144 bytes, freed), then
 * tp_alloc (16 + 80), the fields (new references) and fast_encode when the string encoder is one
 * of _json's C functions.
 */
export function encoderNew(
  vm: Vm,
  fields: Omit<EncoderState, 'fastEncode' | 'newlines'>,
  fastEncode: 0 | 1 | 2,
): number {
  argParseFreelist(vm, 9);
  for (const x of [
    fields.markers,
    fields.defaultfn,
    fields.encoder,
    fields.indent,
    fields.keySeparator,
    fields.itemSeparator,
  ])
    vm.incref(x);
  const type = moduleType(vm, EncoderType);
  const h = vm.newGcObject(type.id, ENCODER_BASIC);
  vm.table.side[h] = { ...fields, fastEncode, newlines: [] } satisfies EncoderState;
  vm.gc.track(h);
  return h;
}

// ---- _json.Scanner ------------------------------------------------------------------------

export function scannerState(vm: Vm, h: number): ScannerState {
  return vm.table.side[h] as ScannerState;
}

// the memo is the Scanner's own field up to 3.12 (0 when scanner_call makes one per call: 3.13)
const scannerFields = (s: ScannerState): number[] => {
  const f = [s.objectHook, s.objectPairsHook, s.parseFloat, s.parseInt, s.parseConstant];
  if (s.memo !== 0) f.push(s.memo);
  return f;
};

export const ScannerType = (vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Scanner',
    qualname: 'c_make_scanner',
    module: '_json',
    // without the memo pointer when the memo is per call (3.13: 64)
    basicsize: vm.py.jsonScannerMemo === 'scanner' ? SCANNER_BASIC : SCANNER_BASIC - 8,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const s = scannerState(vm, h);
      vm.table.side[h] = undefined;
      for (const x of scannerFields(s)) vm.decref(x);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      for (const x of scannerFields(scannerState(vm, h))) visit(x);
    },
    call: (vm, h, args, kwargs) => {
      const a = tupleItems(vm, args);
      if (kwargs !== 0 || a.length !== 2) throw typeError(vm, 'scan_once() takes exactly 2 arguments');
      return scannerCall(vm, h, a[0], Number(intValue(vm, a[1])));
    },
  });

/**
 * scanner_new: tp_alloc (16 + 72), then its memo dict (PyDict_New; 3.13: no memo, 16 + 64), then
 * the fields (borrowed here).
 */
export function scannerNew(vm: Vm, fields: Omit<ScannerState, 'memo'>): number {
  const type = moduleType(vm, ScannerType);
  const ownMemo = vm.py.jsonScannerMemo === 'scanner';
  const h = vm.newGcObject(type.id, ownMemo ? SCANNER_BASIC : SCANNER_BASIC - 8);
  const s: ScannerState = { ...fields, memo: ownMemo ? dictNew(vm) : 0 };
  for (const x of scannerFields(s)) if (x !== s.memo) vm.incref(x);
  vm.table.side[h] = s;
  vm.gc.track(h);
  return h;
}

/**
 * scanner_call("On:scan_once"): scan_once_unicode, the memo cleared (PyDict_Clear), then
 * (value, end) (_build_rval_index_tuple: the end index first, then the tuple). 3.13 makes the memo
 * for the call (PyDict_New before the scan) and releases it after.
 */
export function scannerCall(vm: Vm, h: number, pystr: number, idx: number): number {
  const own = scannerState(vm, h);
  if (!vm.typeOf(pystr).mro.includes(T.Str))
    throw typeError(vm, 'first argument must be a string, not %.80s', typeName(vm, pystr));
  const s: ScannerState = own.memo !== 0 ? own : { ...own, memo: dictNew(vm) };
  let rval: number;
  let next: number;
  try {
    [rval, next] = new Scanner(vm, s, docOf(vm, pystr), jsonDecodeError).scanOnce(idx);
  } finally {
    if (s === own) clearMemo(vm, s.memo);
    else vm.decref(s.memo);
  }
  const pyidx = fromSsize(vm, next);
  return tupleFromItems(vm, [rval, pyidx]);
}

export const truthOf = (vm: Vm, h: number): boolean => isTrue(vm, h);

/** The exception's message text (tests). */
export const excMessage = (vm: Vm, exc: number): unknown => excState(vm, exc).args;
