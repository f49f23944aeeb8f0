import { withPythonFrame } from '../objects/recursion';
import { call, callMethod } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { iterNext } from '../abstract/iter';
import { typeName } from '../abstract/object';
import { unpackSequence } from '../abstract/sequence';
import { NotSupported } from '../errors';
import { fromDouble } from '../objects/float';
import { functionNew } from '../objects/func';
import { encodeBasestring } from '../objects/jsonencoder';
import { encoderNew } from '../objects/jsontypes';
import { dictNew } from '../objects/dict';
import { listSliceItems } from '../objects/list';
import { intern, strJoin, strRepeat } from '../objects/str';
import { intValue } from '../objects/int';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { iterencodePython } from './jsoniter';
import { jsonState, type EncoderConfig } from './jsonstate';
import {
  constKeyMap,
  extraKeywords,
  isNone,
  keywordArgs,
  truthy,
  unexpectedKeyword,
  unpackDictStack,
} from './pyargs';
import { isQuickened, warm } from './pycode';
import { instanceFree, instanceNew, pyClassType, type Instance } from './pyinstance';

/**
 * json.dumps and json.dump (Lib/json/__init__.py) and JSONEncoder.encode/iterencode
 * (Lib/json/encoder.py, 3.11), with what their bytecode allocates (measured call by call on
 * 3.11.7, testdata/stdlib_expected.json):
 * - dumps(obj) with no options: `**kw`'s dict, then _default_encoder.encode → iterencode(_one_shot)
 *   makes `markers = {}`, the floatstr closure (−INFINITY, its 4 defaults, the function object),
 *   binds self.default (a method object) and calls c_make_encoder with 9 arguments (a 9-tuple,
 *   getargs' 144-byte freelist, the Encoder); the encoder's call returns the chunks list, which
 *   ''.join turns into the result (one chunk: the same str).
 * - options build a JSONEncoder instance first (the keyword dict, the instance and its values
 *   array, __init__ through slot_tp_init's unpacked stack); `indent` and json.dump take the
 *   pure-Python generators (jsoniter.ts).
 */

const JSONEncoderType = pyClassType('json.encoder', 'JSONEncoder');

export const DUMPS_KEYWORDS = [
  'skipkeys',
  'ensure_ascii',
  'check_circular',
  'allow_nan',
  'cls',
  'indent',
  'separators',
  'default',
  'sort_keys',
];
/** What dumps/dump pass on to cls(…), in the call's order. */
const ENCODER_KEYWORDS = [
  'skipkeys',
  'ensure_ascii',
  'check_circular',
  'allow_nan',
  'indent',
  'separators',
  'default',
  'sort_keys',
];

/** The `if (not skipkeys and ensure_ascii and … not kw)` test for the cached encoder. */
function usesDefaultEncoder(vm: Vm, opts: Map<string, number>, extra: number): boolean {
  return (
    !truthy(vm, opts.get('skipkeys'), false) &&
    truthy(vm, opts.get('ensure_ascii'), true) &&
    truthy(vm, opts.get('check_circular'), true) &&
    truthy(vm, opts.get('allow_nan'), true) &&
    isNone(vm, opts.get('cls')) &&
    isNone(vm, opts.get('indent')) &&
    isNone(vm, opts.get('separators')) &&
    isNone(vm, opts.get('default')) &&
    !truthy(vm, opts.get('sort_keys'), false) &&
    vm.table.n[extra] === 0
  );
}

/** json.dumps(obj, *, skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent, separators, default, sort_keys, **kw). */
export function dumps(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  // a frame of the library's Python code: it counts against the recursion limit
  return withPythonFrame(vm, () => dumpsBody(vm, args, kw));
}

function dumpsBody(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  if (args.length !== 1)
    throw typeError(vm, 'dumps() takes 1 positional argument but %zd were given', args.length);
  const { opts, extra } = keywordArgs(vm, DUMPS_KEYWORDS, kw);
  warm(vm, 'json.dumps');
  try {
    const st = jsonState(vm);
    const dflt = usesDefaultEncoder(vm, opts, extra);
    if (dflt) return encode(vm, st.defaultEncoder, args[0]);
    if (!isNone(vm, opts.get('cls'))) throw new NotSupported('json.dumps(cls=…)');
    const enc = makeEncoder(vm, opts, extra);
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
function makeEncoder(
  vm: Vm,
  opts: Map<string, number>,
  extra: number,
): { config: EncoderConfig; instance: Instance } {
  const st = jsonState(vm);
  const names = ENCODER_KEYWORDS;
  const kwdict = constKeyMap(
    vm,
    names,
    names.map((n) => opts.get(n) ?? defaultOf(vm, n)),
  );
  const unknown = extraKeywords(vm, extra);
  const instance = instanceNew(vm, JSONEncoderType, st.encoderKeys);
  try {
    if (unknown.length) unexpectedKeyword(vm, 'JSONEncoder.__init__', unknown[0]);
    const stack = unpackDictStack(vm, 1, names);
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
      self: instance.h,
    };
    warm(vm, 'json.encoder.JSONEncoder.__init__');
    for (const a of ['skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'sort_keys', 'indent'])
      instance.set(a);
    const separators = opts.get('separators');
    if (!isNone(vm, separators)) {
      vm.incref(separators!);
      const [item, key] = unpackSequence(
        vm,
        separators!,
        2,
        isQuickened(vm, 'json.encoder.JSONEncoder.__init__'),
      );
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
    stack.release();
    vm.decref(kwdict);
    return { config, instance };
  } catch (e) {
    instanceFree(vm, instance);
    vm.decref(kwdict);
    throw e;
  }
}

/** The value dumps passes for a keyword it was not given (its own default). */
function defaultOf(vm: Vm, name: string): number {
  if (name === 'ensure_ascii' || name === 'check_circular' || name === 'allow_nan') return vm.s.True;
  if (name === 'skipkeys' || name === 'sort_keys') return vm.s.False;
  return vm.s.None;
}

function checkStr(vm: Vm, h: number, what: string): void {
  if (!vm.typeOf(h).mro.includes(T.Str)) {
    const name = typeName(vm, h);
    vm.decref(h);
    throw typeError(
      vm,
      `make_encoder() argument ${what === 'key_separator' ? 5 : 6} must be str, not %.200s`,
      name,
    );
  }
}

/**
 * JSONEncoder.encode. `releaseSelf`: the instance dies with this frame (its first local goes
 * first when the frame is cleared, before `chunks`).
 */
function encode(vm: Vm, cfg: EncoderConfig, obj: number, releaseSelf: () => void = () => {}): number {
  // a frame of the library's Python code: it counts against the recursion limit
  return withPythonFrame(vm, () => encodeBody(vm, cfg, obj, releaseSelf));
}

function encodeBody(vm: Vm, cfg: EncoderConfig, obj: number, releaseSelf: () => void): number {
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
    // isinstance(chunks, (list, tuple)): list and tuple are globals, so the tuple is built each time
    vm.decref(tupleFromItems(vm, [vm.types[T.List].typeObject, vm.types[T.Tuple].typeObject]));
    const t = vm.table.type[chunks];
    if (
      t !== T.List &&
      t !== T.Tuple &&
      !vm.typeOf(chunks).mro.includes(T.List) &&
      !vm.typeOf(chunks).mro.includes(T.Tuple)
    ) {
      const l = call(vm, vm.types[T.List].typeObject, [chunks], null);
      vm.decref(chunks);
      chunks = l;
    }
    const items =
      vm.table.type[chunks] === T.Tuple
        ? tupleItems(vm, chunks)
        : listSliceItems(vm, chunks, 0, vm.table.n[chunks]);
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
  // a frame of the library's Python code: it counts against the recursion limit
  return withPythonFrame(vm, () => iterencodeBody(vm, cfg, obj, oneShot));
}

function iterencodeBody(vm: Vm, cfg: EncoderConfig, obj: number, oneShot: boolean): number {
  warm(vm, 'json.encoder.JSONEncoder.iterencode');
  const st = jsonState(vm);
  const markers = cfg.checkCircular ? dictNew(vm) : vm.s.None;
  const floatstr = makeFloatstr(vm, cfg);
  // 3.13: `indent = ' ' * self.indent` unless None or a str, before c_make_encoder takes it
  let indent = cfg.indent;
  let ownIndent = 0;
  if (vm.py.jsonEncoderIndent && !isNone(vm, indent) && !vm.typeOf(indent).mro.includes(T.Str)) {
    ownIndent = indent = strRepeat(vm, vm.s.char(32), Number(intValue(vm, indent)));
  }
  try {
    if (oneShot && (isNone(vm, cfg.indent) || vm.py.jsonEncoderIndent)) {
      const defaultfn = cfg.default !== 0 ? cfg.default : boundDefault(vm, cfg);
      if (cfg.default !== 0) vm.incref(defaultfn);
      const encoderFn = cfg.ensureAscii ? st.encodeAsciiFn : st.encodeFn;
      const argTuple = tupleFromItems(
        vm,
        [
          markers,
          defaultfn,
          encoderFn,
          indent,
          cfg.keySeparator,
          cfg.itemSeparator,
          vm.s.bool(cfg.sortKeys),
          vm.s.bool(cfg.skipkeys),
          vm.s.bool(cfg.allowNan),
        ].map((h, i) => (i === 1 ? h : (vm.incref(h), h))),
      );
      let enc = 0;
      try {
        enc = encoderNew(
          vm,
          {
            markers,
            defaultfn,
            encoder: encoderFn,
            indent,
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
        return call(vm, enc, [obj, vm.s.smallInt(0)], null);
      } finally {
        // the frame's locals: markers, _encoder, floatstr, then _iterencode
        vm.decref(markers);
        floatstr.free();
        if (ownIndent) vm.decref(ownIndent);
        vm.decref(enc);
      }
    }
    // _make_iterencode(markers, self.default, _encoder, self.indent, floatstr, …): its cells keep them
    const defaultfn = cfg.default !== 0 ? cfg.default : boundDefault(vm, cfg);
    if (cfg.default !== 0) vm.incref(defaultfn);
    let gen: number;
    try {
      gen = iterencodePython(vm, cfg, markers, defaultfn, floatstr.fn, obj);
    } finally {
      vm.decref(defaultfn);
    }
    vm.decref(markers);
    floatstr.free();
    return gen;
  } catch (e) {
    if (!floatstr.freed) {
      vm.decref(markers);
      floatstr.free();
      if (ownIndent) vm.decref(ownIndent);
    }
    throw e;
  }
}

/** `self.default`: JSONEncoder.default bound to the instance (a PyMethodObject, 16 + 48 bytes). */
function boundDefault(vm: Vm, cfg: EncoderConfig): number {
  return jsonState(vm).defaultMethod(vm, cfg.self);
}

export interface Floatstr {
  /** The function object (16 + 136 bytes). */
  fn: number;
  freed: boolean;
  /** The frame's reference released (func_dealloc: the defaults first, then the object). */
  free(): void;
}

/**
 * `def floatstr(o, allow_nan=self.allow_nan, _repr=float.__repr__, _inf=INFINITY,
 * _neginf=-INFINITY)`: −INFINITY (a float), the 4-tuple of defaults, the function object.
 */
function makeFloatstr(vm: Vm, cfg: EncoderConfig): Floatstr {
  const st = jsonState(vm);
  const neginf = fromDouble(vm, -Infinity);
  vm.incref(st.floatRepr);
  vm.incref(st.infinity);
  const defaults = tupleFromItems(vm, [vm.s.bool(cfg.allowNan), st.floatRepr, st.infinity, neginf]);
  const fn = functionNew(vm, null, 'floatstr', defaults, 0, 'JSONEncoder.iterencode.<locals>.floatstr');
  const f: Floatstr = {
    fn,
    freed: false,
    free() {
      if (f.freed) return;
      f.freed = true;
      vm.decref(fn);
    },
  };
  return f;
}

/** json.dump(obj, fp, …): every chunk of iterencode written with fp.write. */
export function dump(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  if (args.length !== 2)
    throw typeError(vm, 'dump() takes 2 positional arguments but %zd were given', args.length);
  const { opts, extra } = keywordArgs(vm, DUMPS_KEYWORDS, kw);
  warm(vm, 'json.dump');
  try {
    const st = jsonState(vm);
    const dflt = usesDefaultEncoder(vm, opts, extra);
    if (!isNone(vm, opts.get('cls'))) throw new NotSupported('json.dump(cls=…)');
    const enc = dflt ? null : makeEncoder(vm, opts, extra);
    try {
      const gen = iterencode(vm, enc ? enc.config : st.defaultEncoder, args[0], false);
      // `for chunk in iterable: fp.write(chunk)`: the local `chunk` keeps each chunk until
      // STORE_FAST replaces it with the next, the last until the frame is cleared (after
      // `iterable`, the local before it). Only a writer that copies (3.12's StringIO) shows it.
      let chunk = 0;
      try {
        for (let next = iterNext(vm, gen); next !== 0; next = iterNext(vm, gen)) {
          const old = chunk;
          chunk = next;
          if (old !== 0) vm.decref(old);
          const r = callMethod(vm, args[1], 'write', [chunk], null);
          vm.decref(r);
        }
      } finally {
        vm.decref(gen);
        if (chunk !== 0) vm.decref(chunk);
      }
    } finally {
      if (enc) instanceFree(vm, enc.instance);
    }
    return vm.s.None;
  } finally {
    vm.decref(extra);
  }
}
