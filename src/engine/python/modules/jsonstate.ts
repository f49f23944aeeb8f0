import { raiseFormat } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { methodNew } from '../objects/classobject';
import { builtinStatic, staticDescriptor } from '../objects/descr';
import { emptyDictData } from '../objects/dictkeys';
import { E } from '../objects/exctypes';
import { encodeBasestring } from '../objects/jsonencoder';
import { ScannerType } from '../objects/jsontypes';
import type { ScannerState } from '../objects/jsonscanner';
import { moduleType } from '../objects/modtypes';
import { intern, strValue } from '../objects/str';
import { Meth, T, type MethodDef } from '../objects/types';
import type { SharedKeys } from '../objects/values';
import type { Vm } from '../runtime/vm';
import { importedKeys } from './pyinstance';

/** A JSONEncoder's settings (its instance attributes) as iterencode reads them. */
export interface EncoderConfig {
  skipkeys: boolean;
  ensureAscii: boolean;
  checkCircular: boolean;
  allowNan: boolean;
  sortKeys: boolean;
  indent: number;
  itemSeparator: number;
  keySeparator: number;
  /** A `default` function given to the encoder (0: the class's own method, bound at each use). */
  default: number;
  /** The instance (for binding self.default): _default_encoder's stand-in, or one made by the call. */
  self: number;
}

/**
 * What `import json` leaves in the process that the functions use: _default_encoder and
 * _default_decoder (their settings; their scanner with its memo dict), the separators, the C
 * string encoders, float.__repr__ and INFINITY, the classes' shared keys as the import's own
 * instances left them. All made by the import (its footprint has their memory): static here.
 */
export interface JsonState {
  defaultEncoder: EncoderConfig;
  defaultScanner: number;
  itemSeparator: number;
  keySeparator: number;
  encodeAsciiFn: number;
  encodeFn: number;
  floatRepr: number;
  infinity: number;
  /** `_CONSTANTS.__getitem__` as the default scanner holds it. */
  constantsGetitem: number;
  /** dict.__getitem__ and the _CONSTANTS dict, to bind it again (JSONDecoder.__init__). */
  constantsGetitemDef: MethodDef;
  constants: number;
  /** The `self` that stands for a JSONDecoder made in a call (make_scanner's argument). */
  decoderSelf: number;
  encoderKeys: SharedKeys;
  decoderKeys: SharedKeys;
  /** int.__repr__ (a wrapper descriptor), and stand-ins for the builtins id and isinstance in _make_iterencode's cells. */
  intRepr: number;
  builtinId: number;
  builtinIsinstance: number;
  /** `self.default` of an encoder: a new bound method each time. */
  defaultMethod(vm: Vm, self: number): number;
}

const states = new WeakMap<Vm, JsonState>();

/** A static dict (made by the import): an empty table that allocates its keys when used. */
function staticDict(vm: Vm): number {
  const h = vm.newStatic(T.Dict);
  vm.table.side[h] = emptyDictData();
  return h;
}

function staticFloat(vm: Vm, v: number): number {
  const h = vm.newStatic(T.Float);
  vm.table.num[h] = v;
  return h;
}

/** JSONEncoder.default: "Object of type X is not JSON serializable". */
const ENCODER_DEFAULT: MethodDef = {
  name: 'default',
  qualname: 'JSONEncoder.default',
  flags: Meth.Fastcall,
  impl: (vm, _self, args) => {
    throw raiseFormat(vm, E.TypeError, 'Object of type %s is not JSON serializable', typeName(vm, args[1]));
  },
};

export function jsonState(vm: Vm): JsonState {
  let s = states.get(vm);
  if (s !== undefined) return s;
  const itemSeparator = intern(vm, ', ');
  const keySeparator = intern(vm, ': ');
  const encodeAsciiFn = builtinStatic(
    vm,
    {
      name: 'encode_basestring_ascii',
      flags: Meth.O,
      impl: (vm2, _m, a) => encodeBasestring(vm2, a[0], true),
    },
    '_json',
  );
  const encodeFn = builtinStatic(
    vm,
    { name: 'encode_basestring', flags: Meth.O, impl: (vm2, _m, a) => encodeBasestring(vm2, a[0], false) },
    '_json',
  );
  const infinity = staticFloat(vm, Infinity);
  const nan = staticFloat(vm, NaN);
  const neginf = staticFloat(vm, -Infinity);
  const constants: Record<string, number> = { '-Infinity': neginf, Infinity: infinity, NaN: nan };
  const constantsGetitemDef: MethodDef = {
    name: '__getitem__',
    qualname: 'dict.__getitem__',
    flags: Meth.O,
    impl: (vm2, _m, a) => {
      const v = constants[strValue(vm2, a[0])];
      vm2.incref(v);
      return v;
    },
  };
  const constantsGetitem = builtinStatic(vm, constantsGetitemDef, null);
  const scannerType = moduleType(vm, ScannerType);
  const defaultScanner = vm.newStatic(scannerType.id);
  vm.table.side[defaultScanner] = {
    strict: true,
    objectHook: vm.s.None,
    objectPairsHook: vm.s.None,
    parseFloat: vm.types[T.Float].typeObject,
    parseInt: vm.types[T.Int].typeObject,
    parseConstant: constantsGetitem,
    memo: vm.py.jsonScannerMemo === 'scanner' ? staticDict(vm) : 0, // 3.13: one per call
  } satisfies ScannerState;
  const defaultFunc = builtinStatic(vm, ENCODER_DEFAULT, null);
  const encoderSelf = vm.newStatic(T.Object);
  s = {
    defaultEncoder: {
      skipkeys: false,
      ensureAscii: true,
      checkCircular: true,
      allowNan: true,
      sortKeys: false,
      indent: vm.s.None,
      itemSeparator,
      keySeparator,
      default: 0,
      self: encoderSelf,
    },
    defaultScanner,
    itemSeparator,
    keySeparator,
    encodeAsciiFn,
    encodeFn,
    floatRepr: staticDescriptor(vm, vm.types[T.Float], '__repr__'),
    intRepr: staticDescriptor(vm, vm.types[T.Int], '__repr__'),
    builtinId: vm.newStatic(T.Object),
    builtinIsinstance: vm.newStatic(T.Object),
    infinity,
    constantsGetitem,
    constantsGetitemDef,
    constants: staticDict(vm),
    decoderSelf: vm.newStatic(T.Object),
    // _default_encoder: 6 attributes; _default_decoder: 11
    encoderKeys: importedKeys(
      ['skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'sort_keys', 'indent'],
      1,
    ),
    decoderKeys: importedKeys(
      [
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
        'scan_once',
      ],
      1,
    ),
    defaultMethod: (vm2, self) => methodNew(vm2, defaultFunc, self),
  };
  states.set(vm, s);
  return s;
}
