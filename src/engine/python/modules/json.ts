import { callMethod } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { isTrue, typeName } from '../abstract/object';
import { unpackSequence } from '../abstract/sequence';
import { NotSupported, PyError } from '../errors';
import { builtinStatic } from '../objects/descr';
import { dictNew, dictSetItem } from '../objects/dict';
import { dictMerge } from '../objects/dictmerge';
import { builtinNew } from '../objects/descr';
import { fromDouble } from '../objects/float';
import { fromSsize, intValue } from '../objects/int';
import { encodeBasestring } from '../objects/jsonencoder';
import { docOf, type ScannerState } from '../objects/jsonscanner';
import { encoderNew, JSONDecodeErrorType, jsonDecodeError, scannerNew } from '../objects/jsontypes';
import { moduleType } from '../objects/modtypes';
import { moduleData, moduleStatic } from '../objects/module';
import { whitespaceMatch } from '../objects/sre';
import { intern, strJoin, strNew } from '../objects/str';
import { transientGc, transientGcFree } from '../objects/transient';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import { call } from '../abstract/call';
import type { Vm } from '../runtime/vm';
import { jsonState, type EncoderConfig } from './jsonstate';
import { isQuickened, warm } from './pycode';
import type { ModuleSpec } from './registry';
import { iterencodePython } from './jsoniter';
import { instanceNew, instanceFree, type Instance } from './pyinstance';

/**
 * json (Lib/json/__init__.py, encoder.py, decoder.py, scanner.py over the C module _json, 3.11).
 * The Python functions are run here as TypeScript with what their bytecode allocates, measured on
 * 3.11.7 call by call (testdata/stdlib_expected.json):
 * - dumps(obj) with no options: `**kw`'s dict, then _default_encoder.encode → iterencode(_one_shot)
 *   makes `markers = {}`, the floatstr closure (−INFINITY, its 4 defaults, the function object),
 *   binds self.default (a method object) and calls c_make_encoder with 9 arguments (a 9-tuple,
 *   getargs' 144-byte freelist, the Encoder); the encoder's call returns the chunks list, which
 *   ''.join turns into the result (one chunk: the same str). Options build a JSONEncoder instance
 *   first (its keyword dict, its values array, __init__ through slot_tp_init's unpacked stack);
 *   `indent` and json.dump take the pure-Python generators (jsoniter.ts).
 * - loads(s): `**kw`'s dict, str.startswith's argument tuple, WHITESPACE.match twice (sre.ts),
 *   the scanner's call and its result tuple, and the tuple iterators of `obj, end = …` until
 *   raw_decode and decode are quickened (their 8th call).
 */

const ARG_NAMES_DUMPS = ['skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'cls', 'indent', 'separators', 'default', 'sort_keys'];
const ARG_NAMES_LOADS = ['cls', 'object_hook', 'parse_float', 'parse_int', 'parse_constant', 'object_pairs_hook'];

/** A function's keyword-only parameters and its **kw dict (made at every call, as the frame's kwargs). */
function keywordArgs(vm: Vm, fname: string, names: readonly string[], kw: Kwargs | null): { opts: Map<string, number>; extra: number } {
  const opts = new Map<string, number>();
  const extra = dictNew(vm);
  if (kw !== null)
    for (const [k, v] of kw) {
      if (names.includes(k)) opts.set(k, v);
      else {
        try {
          dictSetItemStr(vm, extra, k, v);
        } catch (e) {
          vm.decref(extra);
          throw e;
        }
      }
    }
  void fname;
  return { opts, extra };
}

function dictSetItemStr(vm: Vm, d: number, k: string, v: number): void {
  // the kwnames' strs are the code's interned constants
  void vm;
  void d;
  void v;
  throw new NotSupported(`json: the keyword argument ${k} (passed on to the encoder or decoder class)`);
}

const isNone = (vm: Vm, h: number | undefined): boolean => h === undefined || h === vm.s.None;
const truthy = (vm: Vm, h: number | undefined, dflt: boolean): boolean => (h === undefined ? dflt : isTrue(vm, h));

/** json.dumps. */
function dumps(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  if (args.length !== 1)
    throw typeError(vm, 'dumps() takes 1 positional argument but %zd were given', args.length);
  const { opts, extra } = keywordArgs(vm, 'dumps', ARG_NAMES_DUMPS, kw);
  warm(vm, 'json.dumps');
  try {
    const st = jsonState(vm);
    const dflt =
      !truthy(vm, opts.get('skipkeys'), false) &&
      truthy(vm, opts.get('ensure_ascii'), true) &&
      truthy(vm, opts.get('check_circular'), true) &&
      truthy(vm, opts.get('allow_nan'), true) &&
      isNone(vm, opts.get('cls')) &&
      isNone(vm, opts.get('indent')) &&
      isNone(vm, opts.get('separators')) &&
      isNone(vm, opts.get('default')) &&
      !truthy(vm, opts.get('sort_keys'), false);
    if (dflt) return encode(vm, st.defaultEncoder, args[0]);
    if (!isNone(vm, opts.get('cls'))) throw new NotSupported('json.dumps(cls=…)');
    const enc = makeEncoder(vm, opts);
    return encode(vm, enc.config, args[0], () => instanceFree(vm, enc.instance));
  } finally {
    vm.decref(extra);
  }
}

/**
 * `cls(skipkeys=…, ensure_ascii=…, check_circular=…, allow_nan=…, indent=…, separators=…,
 * default=…, sort_keys=…, **kw)`: BUILD_CONST_KEY_MAP's dict of the 8 keywords (presized: 16
 * slots), CALL_FUNCTION_EX → type_call → object_new (the instance and its values array) →
 * slot_tp_init → _PyObject_Call_Prepend → _PyStack_UnpackDict (a stack of 1 + 1 + 8 pointers and
 * the 8-name kwnames tuple), JSONEncoder.__init__ storing its attributes, the stack freed, the
 * keyword dict released.
 */
function makeEncoder(vm: Vm, opts: Map<string, number>): { config: EncoderConfig; instance: Instance } {
  const st = jsonState(vm);
  const names = ['skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'indent', 'separators', 'default', 'sort_keys'];
  const kwdict = presizedKwDict(vm, names.length);
  const instance = instanceNew(vm, st.encoderKeys);
  try {
    const stack = vm.mem.malloc(8 * (1 + 1 + names.length));
    const kwnames = tupleFromItems(
      vm,
      names.map((n) => intern(vm, n)),
    );
    const config: EncoderConfig = {
      skipkeys: truthy(vm, opts.get('skipkeys'), false),
      ensureAscii: truthy(vm, opts.get('ensure_ascii'), true),
      checkCircular: truthy(vm, opts.get('check_circular'), true),
      allowNan: truthy(vm, opts.get('allow_nan'), true),
      sortKeys: truthy(vm, opts.get('sort_keys'), false),
      indent: opts.get('indent') ?? vm.s.None,
      itemSeparator: st.itemSeparator,
      keySeparator: st.keySeparator,
      default: 0,
    };
    warm(vm, 'json.encoder.JSONEncoder.__init__');
    for (const a of ['skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'sort_keys', 'indent']) instance.set(a);
    const separators = opts.get('separators');
    if (!isNone(vm, separators)) {
      vm.incref(separators!);
      const [item, key] = unpackSequence(vm, separators!, 2, isQuickened(vm, 'json.encoder.JSONEncoder.__init__'));
      checkStr(vm, item, 'item_separator');
      checkStr(vm, key, 'key_separator');
      config.itemSeparator = item;
      config.keySeparator = key;
      instance.hold(item);
      instance.hold(key);
      instance.set('item_separator');
      instance.set('key_separator');
    } else if (!isNone(vm, config.indent)) {
      config.itemSeparator = intern(vm, ',');
      instance.set('item_separator');
    }
    const dflt = opts.get('default');
    if (!isNone(vm, dflt)) {
      config.default = dflt!;
      instance.set('default');
    }
    vm.mem.free(stack);
    vm.decref(kwnames);
    vm.decref(kwdict);
    return { config, instance };
  } catch (e) {
    instanceFree(vm, instance);
    vm.decref(kwdict);
    throw e;
  }
}

function checkStr(vm: Vm, h: number, what: string): void {
  if (!vm.typeOf(h).mro.includes(T.Str)) {
    const name = typeName(vm, h);
    vm.decref(h);
    throw typeError(vm, `make_encoder() argument ${what === 'key_separator' ? 5 : 6} must be str, not %.200s`, name);
  }
}

/** A dict presized for `n` str keys (_PyDict_FromItems): the keys table first, then the object. */
function presizedKwDict(vm: Vm, n: number): number {
  return dictPresized(vm, n);
}

import { dictNewPresized } from '../objects/dict';
const dictPresized = (vm: Vm, n: number): number => dictNewPresized(vm, n, true);

/**
 * JSONEncoder.encode. `releaseSelf`: the instance dies with this frame (its first local goes
 * first when the frame is cleared, before `chunks`).
 */
function encode(vm: Vm, cfg: EncoderConfig, obj: number, releaseSelf: () => void = () => {}): number {
  warm(vm, 'json.encoder.JSONEncoder.encode');
  if (vm.typeOf(obj).mro.includes(T.Str)) {
    try {
      return encodeBasestring(vm, obj, cfg.ensureAscii);
    } finally {
      releaseSelf();
    }
  }
  let chunks: number;
  try {
    chunks = iterencode(vm, cfg, obj, true);
  } catch (e) {
    releaseSelf();
    throw e;
  }
  try {
    const t = vm.table.type[chunks];
    if (t !== T.List && t !== T.Tuple && !vm.typeOf(chunks).mro.includes(T.List) && !vm.typeOf(chunks).mro.includes(T.Tuple)) {
      const l = call(vm, vm.types[T.List].typeObject, [chunks], null);
      vm.decref(chunks);
      chunks = l;
    }
    const items = vm.pool.data.slice(vm.table.ref[chunks], vm.table.ref[chunks] + vm.table.n[chunks]);
    return strJoin(vm, vm.s.emptyStr, items);
  } finally {
    releaseSelf();
    vm.decref(chunks);
  }
}

/**
 * JSONEncoder.iterencode(o, _one_shot): `markers`, the floatstr closure, then c_make_encoder's
 * Encoder called once (one-shot, no indent), or the Python generators (jsoniter.ts). The frame's
 * locals die in order when it returns: markers, floatstr, the encoder.
 */
export function iterencode(vm: Vm, cfg: EncoderConfig, obj: number, oneShot: boolean): number {
  warm(vm, 'json.encoder.JSONEncoder.iterencode');
  const st = jsonState(vm);
  const markers = cfg.checkCircular ? dictNew(vm) : vm.s.None;
  const floatstr = makeFloatstr(vm, cfg);
  let result = 0;
  try {
    if (oneShot && isNone(vm, cfg.indent)) {
      const defaultfn = cfg.default !== 0 ? cfg.default : boundDefault(vm);
      if (cfg.default !== 0) vm.incref(defaultfn);
      const encoderFn = cfg.ensureAscii ? st.encodeAsciiFn : st.encodeFn;
      const argTuple = tupleFromItems(vm, [
        markers,
        defaultfn,
        encoderFn,
        cfg.indent,
        cfg.keySeparator,
        cfg.itemSeparator,
        vm.s.bool(cfg.sortKeys),
        vm.s.bool(cfg.skipkeys),
        vm.s.bool(cfg.allowNan),
      ].map((h, i) => (i === 1 ? h : (vm.incref(h), h))));
      let enc = 0;
      try {
        enc = encoderNew(
          vm,
          {
            markers,
            defaultfn,
            encoder: encoderFn,
            indent: cfg.indent,
            keySeparator: cfg.keySeparator,
            itemSeparator: cfg.itemSeparator,
            sortKeys: cfg.sortKeys,
            skipkeys: cfg.skipkeys,
            allowNan: cfg.allowNan,
          },
          cfg.ensureAscii ? 1 : 2,
        );
      } finally {
        vm.decref(argTuple);
      }
      try {
        result = call(vm, enc, [obj, vm.s.smallInt(0)], null);
      } finally {
        // the frame's locals: markers, _encoder, floatstr, then _iterencode
        vm.decref(markers);
        floatstr.free();
        vm.decref(enc);
      }
      return result;
    }
    const gen = iterencodePython(vm, cfg, markers, floatstr, obj);
    vm.decref(markers);
    floatstr.free();
    return gen;
  } catch (e) {
    if (!floatstr.freed) {
      vm.decref(markers);
      floatstr.free();
    }
    throw e;
  }
}

/** `self.default`: JSONEncoder.default bound to the instance (a PyMethodObject, 16 + 48 bytes). */
function boundDefault(vm: Vm): number {
  return jsonState(vm).defaultMethod(vm);
}

export interface Floatstr {
  /** The function object (transient), its defaults tuple. */
  fn: number;
  defaults: number;
  freed: boolean;
  free(): void;
}

/**
 * `def floatstr(o, allow_nan=self.allow_nan, _repr=float.__repr__, _inf=INFINITY,
 * _neginf=-INFINITY)`: −INFINITY (a float), the 4-tuple of defaults, the function object
 * (16 + 136 bytes). func_dealloc releases the defaults before the object.
 */
function makeFloatstr(vm: Vm, cfg: EncoderConfig): Floatstr {
  const st = jsonState(vm);
  const neginf = fromDouble(vm, -Infinity);
  vm.incref(st.floatRepr);
  vm.incref(st.infinity);
  const defaults = tupleFromItems(vm, [vm.s.bool(cfg.allowNan), st.floatRepr, st.infinity, neginf]);
  const fn = transientGc(vm, T.Function, 152);
  const f: Floatstr = {
    fn,
    defaults,
    freed: false,
    free() {
      if (f.freed) return;
      f.freed = true;
      vm.decref(defaults);
      transientGcFree(vm, fn);
    },
  };
  return f;
}

// ---- loads ---------------------------------------------------------------------------------

/** json.loads. */
function loads(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  if (args.length !== 1) throw typeError(vm, 'loads() takes 1 positional argument but %zd were given', args.length);
  const { opts, extra } = keywordArgs(vm, 'loads', ARG_NAMES_LOADS, kw);
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
      throw new NotSupported('json.loads of bytes (decode them to a str first)');
    } else
      throw typeError(vm, 'the JSON object must be str, bytes or bytearray, not %.200s', typeName(vm, s));
    try {
      const hooks = ['object_hook', 'parse_float', 'parse_int', 'parse_constant', 'object_pairs_hook'];
      const dflt = isNone(vm, opts.get('cls')) && hooks.every((k) => isNone(vm, opts.get(k)));
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
  const merged = dictNew(vm);
  dictMerge(vm, merged, kwdict);
  const instance = instanceNew(vm, st.decoderKeys);
  let scanner = 0;
  try {
    const stack = vm.mem.malloc(8 * (1 + 1 + given.length));
    const kwnames = given.length ? tupleFromItems(vm, given.map((n) => intern(vm, n))) : 0;
    warm(vm, 'json.decoder.JSONDecoder.__init__');
    let parseConstant = hook('parse_constant');
    if (isNone(vm, parseConstant)) {
      parseConstant = builtinNew(vm, st.constantsGetitemDef, st.constants);
      instance.hold(parseConstant);
    }
    const selfMemo = dictNew(vm);
    instance.hold(selfMemo);
    for (const a of ['object_hook', 'parse_float', 'parse_int', 'parse_constant', 'strict', 'object_pairs_hook', 'parse_object', 'parse_array', 'parse_string', 'memo'])
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
      for (const a of ['strict', 'object_hook', 'object_pairs_hook', 'parse_float', 'parse_int', 'parse_constant']) {
        const name = strNew(vm, a, 0);
        vm.decref(name);
      }
    } finally {
      vm.decref(argTuple);
    }
    instance.hold(scanner);
    instance.set('scan_once');
    vm.mem.free(stack);
    if (kwnames) vm.decref(kwnames);
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

/** json.load(fp): loads(fp.read()). */
function load(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  if (args.length !== 1) throw typeError(vm, 'load() takes 1 positional argument but %zd were given', args.length);
  const { extra } = keywordArgs(vm, 'load', ARG_NAMES_LOADS, kw);
  warm(vm, 'json.load');
  try {
    const text = callMethod(vm, args[0], 'read', [], null);
    try {
      return loads(vm, [text], kw);
    } finally {
      vm.decref(text);
    }
  } finally {
    vm.decref(extra);
  }
}

/** json.dump(obj, fp): every chunk of iterencode written with fp.write. */
function dump(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  if (args.length !== 2) throw typeError(vm, 'dump() takes 2 positional arguments but %zd were given', args.length);
  const { opts, extra } = keywordArgs(vm, 'dump', ARG_NAMES_DUMPS, kw);
  warm(vm, 'json.dump');
  try {
    const st = jsonState(vm);
    const dflt =
      !truthy(vm, opts.get('skipkeys'), false) &&
      truthy(vm, opts.get('ensure_ascii'), true) &&
      truthy(vm, opts.get('check_circular'), true) &&
      truthy(vm, opts.get('allow_nan'), true) &&
      isNone(vm, opts.get('cls')) &&
      isNone(vm, opts.get('indent')) &&
      isNone(vm, opts.get('separators')) &&
      isNone(vm, opts.get('default')) &&
      !truthy(vm, opts.get('sort_keys'), false);
    if (!isNone(vm, opts.get('cls'))) throw new NotSupported('json.dump(cls=…)');
    const enc = dflt ? null : makeEncoder(vm, opts);
    try {
      const gen = iterencode(vm, enc ? enc.config : st.defaultEncoder, args[0], false);
      try {
        const write = callMethodLookup(vm, args[1]);
        for (let chunk = nextChunk(vm, gen); chunk !== 0; chunk = nextChunk(vm, gen)) {
          try {
            const r = write(chunk);
            vm.decref(r);
          } finally {
            vm.decref(chunk);
          }
        }
      } finally {
        vm.decref(gen);
      }
    } finally {
      if (enc) instanceFree(vm, enc.instance);
    }
    return vm.s.None;
  } finally {
    vm.decref(extra);
  }
}

import { iterNext } from '../abstract/iter';
const nextChunk = (vm: Vm, gen: number): number => iterNext(vm, gen);

/** `fp.write(chunk)` in the loop body: LOAD_METHOD + CALL each time (no bound method kept). */
function callMethodLookup(vm: Vm, fp: number): (chunk: number) => number {
  return (chunk) => callMethod(vm, fp, 'write', [chunk], null);
}

// ---- the module ----------------------------------------------------------------------------

const fn = (name: string, impl: (vm: Vm, args: readonly number[], kw: Kwargs | null) => number, qualname = name): MethodDef => ({
  name,
  qualname,
  flags: Meth.Fastcall | Meth.Keywords,
  impl: (vm, _self, args, kw) => impl(vm, args, kw),
});

const JSON_FUNCTIONS: MethodDef[] = [fn('dumps', dumps), fn('loads', loads), fn('dump', dump), fn('load', load)];

function loadJson(vm: Vm, importModule: (name: string) => number): number {
  const m = moduleStatic(vm, 'json');
  const attrs = moduleData(vm, m).attrs;
  for (const d of JSON_FUNCTIONS) attrs.set(d.name, builtinStatic(vm, d, 'json'));
  const decoder = importModule('json.decoder');
  attrs.set('decoder', decoder);
  attrs.set('JSONDecodeError', moduleType(vm, JSONDecodeErrorType).typeObject);
  attrs.set('encoder', importModule('json.encoder'));
  return m;
}

export const jsonModules: ModuleSpec[] = [
  { name: 'json', load: loadJson },
  {
    name: 'json.decoder',
    load: (vm) => {
      const m = moduleStatic(vm, 'json.decoder');
      moduleData(vm, m).attrs.set('JSONDecodeError', moduleType(vm, JSONDecodeErrorType).typeObject);
      return m;
    },
  },
  {
    name: 'json.encoder',
    load: (vm) => {
      const m = moduleStatic(vm, 'json.encoder');
      const st = jsonState(vm);
      moduleData(vm, m).attrs.set('encode_basestring_ascii', st.encodeAsciiFn);
      moduleData(vm, m).attrs.set('encode_basestring', st.encodeFn);
      return m;
    },
  },
];

export { tupleItems };
