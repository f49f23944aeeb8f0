import { withPythonFrame } from '../objects/recursion';
import { call, callMethod } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { unpackSequence } from '../abstract/sequence';
import { NotSupported, PyError } from '../errors';
import { builtinNew } from '../objects/descr';
import { dictNew, dictSetItem } from '../objects/dict';
import { dictMerge } from '../objects/dictmerge';
import { fromSsize, intValue } from '../objects/int';
import { docOf, type ScannerState } from '../objects/jsonscanner';
import { jsonDecodeError, scannerNew } from '../objects/jsontypes';
import { whitespaceMatch } from '../objects/sre';
import { bufferByte } from '../objects/buffer';
import { intern, strNew } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { T, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { jsonState } from './jsonstate';
import {
  constKeyMap,
  extraKeywords,
  isNone,
  keywordArgs,
  unexpectedKeyword,
  unpackDictStack,
} from './pyargs';
import { warm } from './pycode';
import { instanceFree, instanceNew, pyClassType } from './pyinstance';

/**
 * json.loads and json.load (Lib/json/__init__.py) and JSONDecoder.decode/raw_decode
 * (Lib/json/decoder.py, 3.11), with what their bytecode allocates (measured on 3.11.7):
 * loads(s): `**kw`'s dict, str.startswith's argument tuple, WHITESPACE.match twice (sre.ts), the
 * scanner's call (its argument tuple) and result tuple, and the tuple iterators of
 * `obj, end = …` until raw_decode and decode are quickened (their 8th call). Hooks build a
 * JSONDecoder (and its scanner) for the call.
 */

const JSONDecoderType = pyClassType('json.decoder', 'JSONDecoder');

export const LOADS_KEYWORDS = [
  'cls',
  'object_hook',
  'parse_float',
  'parse_int',
  'parse_constant',
  'object_pairs_hook',
];

/** json.loads(s, *, cls, object_hook, parse_float, parse_int, parse_constant, object_pairs_hook, **kw). */
export function loads(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  // json.loads is a Python frame: it counts against the recursion limit
  return withPythonFrame(vm, () => loadsFrame(vm, args, kw, null));
}

/** json.loads, with `framePushed` run once its frame holds the arguments (before the body). */
function loadsFrame(
  vm: Vm,
  args: readonly number[],
  kw: Kwargs | null,
  framePushed: (() => void) | null,
): number {
  if (args.length !== 1)
    throw typeError(vm, 'loads() takes 1 positional argument but %zd were given', args.length);
  const { opts, extra } = keywordArgs(vm, LOADS_KEYWORDS, kw);
  if (framePushed !== null) framePushed();
  warm(vm, 'json.loads');
  try {
    let s = args[0];
    if (vm.typeOf(s).mro.includes(T.Str)) {
      // s.startswith('\ufeff'): METH_VARARGS, a 1-tuple
      const bom = intern(vm, '\ufeff');
      const r = callMethod(vm, s, 'startswith', [bom], null);
      const hasBom = r === vm.s.True;
      vm.decref(r);
      if (hasBom) throw jsonDecodeError(vm, 'Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0);
      vm.incref(s);
    } else if (vm.table.type[s] === T.Bytes || vm.table.type[s] === T.ByteArray) {
      // json.loads: s.decode(detect_encoding(s), 'surrogatepass'); detect_encoding answers 'utf-8'
      // unless the first bytes are a BOM or have the zero bytes of UTF-16/32 (not modelled)
      const n = vm.table.n[s];
      const b = (i: number): number => (i < n ? bufferByte(vm, s, i) : -1);
      if (b(0) === 0 || b(1) === 0 || b(0) === 0xfe || b(0) === 0xff || (b(0) === 0xef && b(1) === 0xbb))
        throw new NotSupported('json.loads of UTF-16/UTF-32 or BOM-prefixed bytes');
      s = callMethod(vm, s, 'decode', [], null);
    } else
      throw typeError(vm, 'the JSON object must be str, bytes or bytearray, not %.200s', typeName(vm, s));
    try {
      const hooks = ['object_hook', 'parse_float', 'parse_int', 'parse_constant', 'object_pairs_hook'];
      const dflt =
        isNone(vm, opts.get('cls')) && hooks.every((k) => isNone(vm, opts.get(k))) && vm.table.n[extra] === 0;
      if (dflt) return decode(vm, jsonState(vm).defaultScanner, s);
      if (!isNone(vm, opts.get('cls'))) throw new NotSupported('json.loads(cls=…)');
      return decodeWithHooks(vm, opts, extra, s);
    } finally {
      vm.decref(s);
      s = 0;
    }
  } finally {
    vm.decref(extra);
  }
}

const HOOKS = ['object_hook', 'object_pairs_hook', 'parse_float', 'parse_int', 'parse_constant'];

/**
 * `kw[hook] = hook` for each hook given, then `cls(**kw).decode(s)`: BUILD_MAP + DICT_MERGE (a
 * new dict, kw's keys table cloned), type_call → the instance and its values array,
 * slot_tp_init's unpacked stack and kwnames, JSONDecoder.__init__ (`_CONSTANTS.__getitem__`
 * bound when parse_constant is not given, `self.memo = {}`, c_make_scanner(self): its argument
 * tuple, the Scanner, its memo, and a str for each attribute it reads (PyObject_GetAttrString)),
 * then decode with the instance released when decode's frame is cleared.
 */
function decodeWithHooks(vm: Vm, opts: Map<string, number>, kwdict: number, s: number): number {
  const st = jsonState(vm);
  const hook = (k: string): number => opts.get(k) ?? vm.s.None;
  const given = HOOKS.filter((k) => !isNone(vm, opts.get(k)));
  for (const k of given) dictSetItem(vm, kwdict, intern(vm, k), opts.get(k)!);
  const unknown = extraKeywords(vm, kwdict).filter((k) => !HOOKS.includes(k));
  const merged = dictNew(vm);
  dictMerge(vm, merged, kwdict);
  const instance = instanceNew(vm, JSONDecoderType, st.decoderKeys);
  let scanner: number;
  try {
    if (unknown.length) unexpectedKeyword(vm, 'JSONDecoder.__init__', unknown[0]);
    const stack = unpackDictStack(vm, 1, extraKeywords(vm, kwdict));
    warm(vm, 'json.decoder.JSONDecoder.__init__');
    let parseConstant = hook('parse_constant');
    if (isNone(vm, parseConstant)) {
      parseConstant = builtinNew(vm, st.constantsGetitemDef, st.constants);
      instance.hold(parseConstant);
    }
    const selfMemo = dictNew(vm);
    instance.hold(selfMemo);
    for (const a of [
      'object_hook',
      'parse_float',
      'parse_int',
      'parse_constant',
      'strict',
      'object_pairs_hook',
      'parse_object',
      'parse_array',
      'parse_string',
      'memo',
    ])
      instance.set(a);
    // scanner.make_scanner(self): a type call with a 1-tuple
    const argTuple = tupleFromItems(vm, [st.decoderSelf]);
    vm.incref(st.decoderSelf);
    try {
      const state: Omit<ScannerState, 'memo'> = {
        strict: true,
        objectHook: hook('object_hook'),
        objectPairsHook: hook('object_pairs_hook'),
        parseFloat: isNone(vm, hook('parse_float')) ? vm.types[T.Float].typeObject : hook('parse_float'),
        parseInt: isNone(vm, hook('parse_int')) ? vm.types[T.Int].typeObject : hook('parse_int'),
        parseConstant,
      };
      // scanner_new: tp_alloc first, then the memo, then each field read by name
      scanner = scannerNew(vm, state);
      for (const a of [
        'strict',
        'object_hook',
        'object_pairs_hook',
        'parse_float',
        'parse_int',
        'parse_constant',
      ]) {
        const name = strNew(vm, a, 0);
        vm.decref(name);
      }
    } finally {
      vm.decref(argTuple);
    }
    instance.hold(scanner);
    instance.set('scan_once');
    stack.release();
  } catch (e) {
    instanceFree(vm, instance);
    vm.decref(merged);
    throw e;
  }
  vm.decref(merged);
  return decode(vm, scanner, s, () => instanceFree(vm, instance));
}

/**
 * JSONDecoder.decode(s, _w=WHITESPACE.match). `releaseSelf`: a decoder made for this call dies
 * when this frame is cleared (self is its first local).
 */
function decode(vm: Vm, scanner: number, s: number, releaseSelf: () => void = () => {}): number {
  // a frame of the library's Python code: it counts against the recursion limit
  return withPythonFrame(vm, () => decodeBody(vm, scanner, s, releaseSelf));
}

function decodeBody(vm: Vm, scanner: number, s: number, releaseSelf: () => void): number {
  const quick = warm(vm, 'json.decoder.JSONDecoder.decode');
  const cps = docOf(vm, s).cps;
  let pair: Int32Array;
  try {
    const start = matchEnd(vm, cps, 0);
    try {
      pair = rawDecode(vm, scanner, s, start);
    } finally {
      vm.decref(start);
    }
  } catch (e) {
    releaseSelf();
    throw e;
  }
  // obj, end = self.raw_decode(...)
  const tup = tupleFromItems(vm, pair);
  const [obj, end0] = unpackSequence(vm, tup, 2, quick);
  try {
    const end = matchEnd(vm, cps, Number(intValue(vm, end0)));
    const endPos = Number(intValue(vm, end));
    vm.decref(end0);
    const len = fromSsize(vm, cps.length);
    vm.decref(len);
    vm.decref(end);
    if (endPos !== cps.length) throw jsonDecodeError(vm, 'Extra data', s, endPos);
    releaseSelf();
    return obj;
  } catch (e) {
    releaseSelf();
    vm.decref(obj);
    throw e;
  }
}

/** `_w(s, pos).end()`: the Match object, its end as an int, the Match released. */
function matchEnd(vm: Vm, cps: ArrayLike<number>, pos: number): number {
  const m = whitespaceMatch(vm, cps, pos);
  const end = fromSsize(vm, vm.table.num[m]);
  vm.decref(m);
  return end;
}

/** JSONDecoder.raw_decode(s, idx): scan_once(s, idx) → (obj, end); StopIteration becomes "Expecting value". */
function rawDecode(vm: Vm, scanner: number, s: number, idx: number): Int32Array {
  // a frame of the library's Python code: it counts against the recursion limit
  return withPythonFrame(vm, () => rawDecodeBody(vm, scanner, s, idx));
}

function rawDecodeBody(vm: Vm, scanner: number, s: number, idx: number): Int32Array {
  const quick = warm(vm, 'json.decoder.JSONDecoder.raw_decode');
  let res: number;
  try {
    res = call(vm, scanner, [s, idx], null);
  } catch (e) {
    const pos = (e as { jsonPos?: number }).jsonPos;
    if (e instanceof PyError && pos !== undefined) {
      vm.xdecref(e.value);
      e.value = 0;
      throw jsonDecodeError(vm, 'Expecting value', s, pos);
    }
    throw e;
  }
  const items = unpackSequence(vm, res, 2, quick);
  return items;
}

/**
 * json.load(fp): `loads(fp.read(), cls=cls, object_hook=…, parse_float=…, parse_int=…,
 * parse_constant=…, object_pairs_hook=…, **kw)` — CALL_FUNCTION_EX: the 1-tuple of positional
 * arguments, BUILD_CONST_KEY_MAP's dict of the 6 keywords (presized: 16 slots), then
 * _PyStack_UnpackDict's stack (1 + 1 + 6 pointers) and 6-name kwnames tuple for the call. 3.11
 * releases them when loads returns (PyObject_Call); 3.12+ once loads' frame is initialized
 * (`callExInline`: _PyEvalFramePushAndInit_Ex), so loads' own 1-tuples reuse the free list's.
 */
export function load(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  if (args.length !== 1)
    throw typeError(vm, 'load() takes 1 positional argument but %zd were given', args.length);
  const { opts, extra } = keywordArgs(vm, LOADS_KEYWORDS, kw);
  warm(vm, 'json.load');
  try {
    const text = callMethod(vm, args[0], 'read', [], null);
    let argTuple = tupleFromItems(vm, [text]);
    const passed: Kwargs = new Map(LOADS_KEYWORDS.map((k) => [k, opts.get(k) ?? vm.s.None]));
    let kwd = constKeyMap(vm, LOADS_KEYWORDS, [...passed.values()]);
    let stack: { release(): void } | null = null;
    const releaseCall = (): void => {
      stack?.release();
      stack = null;
      if (argTuple !== 0) vm.decref(argTuple);
      if (kwd !== 0) vm.decref(kwd);
      argTuple = 0;
      kwd = 0;
    };
    try {
      if (vm.table.n[extra] !== 0) throw new NotSupported('json.load(…) with keywords passed on to loads');
      stack = unpackDictStack(vm, 1, LOADS_KEYWORDS);
      vm.incref(text); // the frame's reference (the tuple's goes with it)
      try {
        return loadsFrame(vm, [text], passed, vm.py.callExInline ? releaseCall : null);
      } finally {
        vm.decref(text);
      }
    } finally {
      releaseCall();
    }
  } finally {
    vm.decref(extra);
  }
}
