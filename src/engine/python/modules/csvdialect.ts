import { getAttr } from '../abstract/attr';
import { errorMatches, raiseString, typeError } from '../abstract/errors';
import { isTrue } from '../abstract/object';
import { PyError } from '../errors';
import { E } from '../objects/exctypes';
import { fromLong, intValue } from '../objects/int';
import { moduleType } from '../objects/modtypes';
import { strNew, strValue } from '../objects/str';
import { dictKwargs } from '../abstract/kwargs';
import { dictGetItem } from '../objects/dict';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T, TpFlags, defineType, type Kwargs, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * _csv.Dialect (Modules/_csv.c, 3.11): a GC object of 16 + 48 bytes holding the settings as C
 * values and the line terminator as a str. dialect_new parses its 9 optional arguments with
 * PyArg_ParseTupleAndKeywords, whose format has more than 8 items, so it takes a freelist of
 * 9 × 16 = 144 bytes from PyMem and gives it back (measured: "m 144 f"). A default line
 * terminator is a new str ('\r\n': 49 + 2 bytes); one given (a class's attribute) is shared.
 */
export const QUOTE_MINIMAL = 0;
export const QUOTE_ALL = 1;
export const QUOTE_NONNUMERIC = 2;
export const QUOTE_NONE = 3;
const DIALECT_BASIC = 48;
const PARSE_FREELIST = 144;

export interface DialectState {
  doublequote: boolean;
  skipinitialspace: boolean;
  strict: boolean;
  quoting: number;
  /** Code points; '' for "none" (escapechar unset, quotechar None). */
  delimiter: string;
  quotechar: string;
  escapechar: string;
  /** The line terminator str (owned reference). */
  lineterminator: number;
}

export const dialectOf = (vm: Vm, h: number): DialectState => vm.table.side[h] as DialectState;

const SETTINGS = [
  'delimiter',
  'doublequote',
  'escapechar',
  'lineterminator',
  'quotechar',
  'quoting',
  'skipinitialspace',
  'strict',
] as const;
const DIALECT_KWS = ['dialect', ...SETTINGS] as const;

function charSetting(vm: Vm, name: string, src: number | undefined, dflt: string): string {
  if (src === undefined) return dflt;
  if (src === vm.s.None) return '';
  if (!vm.typeOf(src).mro.includes(T.Str))
    throw typeError(vm, '"%s" must be string, not %.200s', name, vm.typeOf(src).name);
  const s = strValue(vm, src);
  if ([...s].length > 1) throw typeError(vm, '"%s" must be a 1-character string', name);
  return s;
}

function intSetting(vm: Vm, name: string, src: number | undefined, dflt: number): number {
  if (src === undefined) return dflt;
  if (vm.table.type[src] !== T.Int) throw typeError(vm, '"%s" must be an integer', name);
  return Number(intValue(vm, src));
}

/**
 * dialect_new(type, dialect=None, **settings): a registered name is looked up; a Dialect with no
 * settings to change is returned as is; otherwise a new Dialect takes each setting from the
 * keywords, else from the dialect's attribute of that name (missing ones ignored), else the default.
 */
export function dialectNew(
  vm: Vm,
  dialect: number,
  kw: Kwargs | null,
  registry: (name: number) => number,
  fromC: boolean,
): number {
  // _call_dialect: _PyObject_FastCallDict(Dialect, &dialect, 1, kwargs) goes through tp_call,
  // which packs the one argument into a tuple (none when there is no dialect: the empty tuple)
  let argsTuple = 0;
  if (fromC && dialect !== 0) {
    vm.incref(dialect);
    argsTuple = tupleFromItems(vm, [dialect]);
  }
  try {
    return dialectParse(vm, dialect, kw, registry);
  } finally {
    if (argsTuple) vm.decref(argsTuple);
  }
}

/**
 * PyArg_ParseTupleAndKeywords("|OOOOOOOOO"): the 9-entry freelist (PyMem 144 bytes); with
 * keywords, each name of the list from the first one not given by position is made a str to
 * look up the dict (PyDict_GetItemString: 49 + its length, freed) until every keyword is found.
 */
function parseArgs(vm: Vm, nargs: number, kw: Kwargs | null): void {
  const freelist = vm.mem.malloc(PARSE_FREELIST);
  let left = kw?.size ?? 0;
  for (let i = nargs; i < DIALECT_KWS.length && left > 0; i++) {
    const key = vm.mem.malloc(49 + DIALECT_KWS[i].length);
    vm.mem.free(key);
    if (kw!.has(DIALECT_KWS[i])) left--;
  }
  vm.mem.free(freelist);
}

function dialectParse(
  vm: Vm,
  dialect: number,
  kw: Kwargs | null,
  registry: (name: number) => number,
): number {
  const given = new Map<string, number>();
  if (kw) for (const [k, v] of kw) given.set(k, v);
  for (const k of given.keys())
    if (!(DIALECT_KWS as readonly string[]).includes(k))
      throw typeError(vm, "'%s' is an invalid keyword argument for Dialect()", k);
  if (dialect !== 0 && given.has('dialect'))
    throw typeError(vm, "argument for Dialect() given by name ('dialect') and position (1)");
  parseArgs(vm, dialect !== 0 ? 1 : 0, kw);
  let base = dialect !== 0 ? dialect : (given.get('dialect') ?? 0);
  given.delete('dialect');
  if (base !== 0 && vm.typeOf(base).mro.includes(T.Str)) base = registry(base);
  const dialectType = moduleType(vm, DialectType).id;
  if (base !== 0 && vm.table.type[base] === dialectType && given.size === 0) {
    vm.incref(base);
    return base;
  }
  const self = vm.newGcObject(dialectType, DIALECT_BASIC);
  const taken: number[] = [];
  try {
    if (base !== 0)
      for (const name of SETTINGS) {
        if (given.has(name)) continue;
        try {
          const v = getAttr(vm, base, name);
          taken.push(v);
          given.set(name, v);
        } catch (e) {
          if (!(e instanceof PyError) || !errorMatches(vm, e, E.AttributeError)) throw e;
        }
      }
    const g = (n: string): number | undefined => given.get(n);
    const boolOf = (n: string, d: boolean): boolean => (g(n) === undefined ? d : isTrue(vm, g(n)!));
    const lt = g('lineterminator');
    if (lt !== undefined && lt !== vm.s.None && !vm.typeOf(lt).mro.includes(T.Str))
      throw typeError(vm, '"lineterminator" must be a string');
    const st: DialectState = {
      delimiter: charSetting(vm, 'delimiter', g('delimiter'), ','),
      doublequote: boolOf('doublequote', true),
      escapechar: charSetting(vm, 'escapechar', g('escapechar'), ''),
      lineterminator: 0,
      quotechar: charSetting(vm, 'quotechar', g('quotechar'), '"'),
      quoting: intSetting(vm, 'quoting', g('quoting'), QUOTE_MINIMAL),
      skipinitialspace: boolOf('skipinitialspace', false),
      strict: boolOf('strict', false),
    };
    if (lt === undefined) st.lineterminator = strNew(vm, '\r\n');
    else if (lt !== vm.s.None) {
      vm.incref(lt);
      st.lineterminator = lt;
    }
    vm.table.side[self] = st;
    if (st.quoting < 0 || st.quoting > 3) throw typeError(vm, 'bad "quoting" value');
    if (st.delimiter === '') throw typeError(vm, '"delimiter" must be a 1-character string');
    if (g('quotechar') === vm.s.None && g('quoting') === undefined) st.quoting = QUOTE_NONE;
    if (st.quoting !== QUOTE_NONE && st.quotechar === '')
      throw typeError(vm, 'quotechar must be set if quoting enabled');
    if (st.lineterminator === 0) throw typeError(vm, 'lineterminator must be set');
    vm.gc.track(self);
    return self;
  } catch (e) {
    if (vm.table.side[self] === undefined)
      vm.table.side[self] = { lineterminator: 0 } as unknown as DialectState;
    vm.decref(self);
    throw e;
  } finally {
    for (const v of taken) vm.decref(v);
  }
}

const charOrNone = (vm: Vm, c: string): number =>
  c === '' ? (vm.incref(vm.s.None), vm.s.None) : strNew(vm, c);

export const DialectType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Dialect',
    module: '_csv',
    basicsize: DIALECT_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const st = dialectOf(vm, h);
      vm.table.side[h] = undefined;
      if (st?.lineterminator) vm.decref(st.lineterminator);
      vm.gcDel(h);
    },
    reprText: (vm, h) => `<_csv.Dialect object at 0x${vm.id(h).toString(16)}>`,
    // _csv.Dialect(dialect=None, **settings): what csv.Dialect._validate calls
    new: (vm, _type, args, kwargs) => {
      const items = Array.from(tupleItems(vm, args));
      if (items.length > 1)
        throw typeError(vm, 'Dialect() takes at most 1 positional argument (%zd given)', items.length);
      return dialectNew(
        vm,
        items[0] ?? 0,
        kwargs ? dictKwargs(vm, kwargs) : null,
        (n) => registryGet(vm, n),
        false,
      );
    },
    getset: {
      delimiter: { name: 'delimiter', get: (vm, h) => charOrNone(vm, dialectOf(vm, h).delimiter) },
      escapechar: { name: 'escapechar', get: (vm, h) => charOrNone(vm, dialectOf(vm, h).escapechar) },
      quotechar: { name: 'quotechar', get: (vm, h) => charOrNone(vm, dialectOf(vm, h).quotechar) },
      lineterminator: {
        name: 'lineterminator',
        get: (vm, h) => {
          const t = dialectOf(vm, h).lineterminator;
          vm.incref(t);
          return t;
        },
      },
      quoting: { name: 'quoting', get: (vm, h) => fromLong(vm, dialectOf(vm, h).quoting) },
      doublequote: { name: 'doublequote', get: (vm, h) => fromLong(vm, +dialectOf(vm, h).doublequote) },
      skipinitialspace: {
        name: 'skipinitialspace',
        get: (vm, h) => fromLong(vm, +dialectOf(vm, h).skipinitialspace),
      },
      strict: { name: 'strict', get: (vm, h) => fromLong(vm, +dialectOf(vm, h).strict) },
    },
  });

/** The module's state (_csvstate): the registry of dialects, csv.Error, the field size limit. */
export interface CsvState {
  /** A dict name → Dialect (static: made at import). */
  dialects: number;
  /** The Error class (made at import). */
  error: number;
  fieldLimit: number;
}
export const csvStates = new WeakMap<Vm, CsvState>();

export function csvState(vm: Vm): CsvState {
  const st = csvStates.get(vm);
  if (st === undefined) throw new Error('internal: _csv used before its import');
  return st;
}

/** csv.Error(message). */
export function csvError(vm: Vm, message: string): PyError {
  return raiseString(vm, vm.slotsOf(csvState(vm).error).id, message);
}

/** get_dialect_from_registry: the Dialect (borrowed), else Error('unknown dialect'). */
export function registryGet(vm: Vm, name: number): number {
  const d = dictGetItem(vm, csvState(vm).dialects, name);
  if (d === 0) throw csvError(vm, 'unknown dialect');
  return d;
}
