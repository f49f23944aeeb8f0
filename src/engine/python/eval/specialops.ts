import { PyError } from '../errors';
import { getAttr, getMethod, lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { clearError, errorMatches, raiseFormat, typeError } from '../abstract/errors';
import { isInstance, length } from '../abstract/object';
import { dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { excState } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { fromSsize } from '../objects/int';
import { listAppend, listNew } from '../objects/list';
import { setAdd, setContains, setNew } from '../objects/set';
import { intern, strValue } from '../objects/str';
import { tupleAlloc, tupleFromItems, tupleItem } from '../objects/tuple';
import { T, TpFlags } from '../objects/types';
import type { Frame } from './frame';
import type { Vm } from '../runtime/vm';
import type { Interpreter } from './interpreter';
import { listToTuple } from './build';

/** The rarer instructions: len and match, assert, with, class, annotations and imports. */

/** GET_LEN: len(TOS) pushed as an int. */
export function getLen(it: Interpreter, s: Int32Array, sp: number): number {
  const n = length(it.vm, s[sp - 1]);
  s[sp] = fromSsize(it.vm, n);
  sp++;
  return sp;
}

/** MATCH_MAPPING / MATCH_SEQUENCE: the type's Py_TPFLAGS_MAPPING / _SEQUENCE bit as a bool. */
export function matchKind(it: Interpreter, subject: number, mapping: boolean): number {
  const f = it.vm.typeOf(subject).flags;
  return it.vm.s.bool((f & (mapping ? TpFlags.MappingFlag : TpFlags.SequenceFlag)) !== 0);
}

/**
 * MATCH_KEYS (match_keys): map.get looked up once (LOAD_METHOD-style), a `seen` set and a dummy
 * object() made, each key fetched with get(key, dummy) into a values tuple; None when one is
 * missing.
 */
export function matchKeys(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const keys = s[sp - 1];
  const map = s[sp - 2];
  const nkeys = vm.table.n[keys];
  if (nkeys === 0) {
    s[sp++] = vm.s.emptyTuple;
    return sp;
  }
  const { meth: get, self } = getMethod(vm, map, 'get');
  let seen = 0;
  let dummy = 0;
  let values = 0;
  try {
    seen = setNew(vm);
    dummy = call(vm, vm.types[T.Object].typeObject, [], null);
    values = tupleAlloc(vm, nkeys);
    // PyTuple_New's items start NULL: a key missing after the first releases a partly filled
    // tuple, which must not reach the stale handles a reused item slot still holds
    vm.pool.data.fill(0, vm.table.ref[values], vm.table.ref[values] + nkeys);
    for (let i = 0; i < nkeys; i++) {
      const key = tupleItem(vm, keys, i);
      if (setContains(vm, seen, key))
        throw raiseFormat(vm, E.ValueError, 'mapping pattern checks duplicate key (%R)', key);
      setAdd(vm, seen, key);
      const value = self !== 0 ? call(vm, get, [map, key, dummy], null) : call(vm, get, [key, dummy], null);
      if (value === dummy) {
        vm.decref(value);
        vm.decref(values);
        values = vm.s.None;
        break;
      }
      vm.pool.data[vm.table.ref[values] + i] = value;
    }
    if (values !== vm.s.None) vm.gc.track(values);
  } catch (e) {
    if (values !== 0 && values !== vm.s.None) vm.decref(values);
    throw e;
  } finally {
    vm.decref(get);
    if (seen) vm.decref(seen);
    if (dummy) vm.decref(dummy);
  }
  s[sp++] = values;
  return sp;
}

/** Types with _Py_TPFLAGS_MATCH_SELF: `case int(x)` binds the subject itself. */
const MATCH_SELF = new Set<number>([
  T.Bool,
  T.ByteArray,
  T.Bytes,
  T.Dict,
  T.Float,
  T.FrozenSet,
  T.Int,
  T.List,
  T.Set,
  T.Str,
  T.Tuple,
]);

/** MATCH_CLASS n (match_class): isinstance, then __match_args__ and the keyword attributes into a tuple; None on failure. */
export function matchClass(it: Interpreter, s: Int32Array, sp: number, nargs: number): number {
  const vm = it.vm;
  const names = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  const type = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  const subject = s[sp - 1];
  let attrs: number;
  try {
    attrs = matchClassAttrs(it, subject, type, nargs, names);
  } finally {
    vm.decref(names);
    vm.decref(type);
  }
  s[sp - 1] = attrs !== 0 ? attrs : vm.s.None;
  vm.decref(subject);
  return sp;
}

function matchClassAttrs(
  it: Interpreter,
  subject: number,
  type: number,
  nargs: number,
  kwargs: number,
): number {
  const vm = it.vm;
  if (!vm.typeOf(type).mro.includes(T.Type)) throw typeError(vm, 'called match pattern must be a type');
  if (!isInstance(vm, subject, type)) return 0;
  const cls = vm.slotsOf(type);
  const seen = setNew(vm);
  const attrs = listNew(vm, 0);
  let matchArgs = 0;
  try {
    if (nargs) {
      let matchSelf = false;
      try {
        matchArgs = getAttr(vm, type, '__match_args__');
      } catch (e) {
        if (!(e instanceof PyError) || !errorMatches(vm, e, E.AttributeError)) throw e;
        clearError(vm, e);
        matchArgs = vm.s.emptyTuple;
        matchSelf = MATCH_SELF.has(cls.id);
      }
      if (vm.table.type[matchArgs] !== T.Tuple)
        throw typeError(
          vm,
          '%s.__match_args__ must be a tuple (got %s)',
          cls.name,
          vm.typeOf(matchArgs).name,
        );
      const allowed = matchSelf ? 1 : vm.table.n[matchArgs];
      if (allowed < nargs)
        throw typeError(
          vm,
          '%s() accepts %d positional sub-pattern%s (%d given)',
          cls.name,
          allowed,
          allowed === 1 ? '' : 's',
          nargs,
        );
      if (matchSelf) {
        vm.incref(subject);
        listAppend(vm, attrs, subject);
      } else {
        for (let i = 0; i < nargs; i++) {
          const name = tupleItem(vm, matchArgs, i);
          if (vm.table.type[name] !== T.Str)
            throw typeError(vm, '__match_args__ elements must be strings (got %s)', vm.typeOf(name).name);
          const attr = matchClassAttr(it, subject, cls.name, name, seen);
          if (attr === 0) return failed(it, attrs);
          listAppend(vm, attrs, attr);
        }
      }
    }
    for (let i = 0; i < vm.table.n[kwargs]; i++) {
      const attr = matchClassAttr(it, subject, cls.name, tupleItem(vm, kwargs, i), seen);
      if (attr === 0) return failed(it, attrs);
      listAppend(vm, attrs, attr);
    }
    const tmp = new Int32Array([attrs]);
    listToTuple(it, tmp, 1);
    return tmp[0];
  } catch (e) {
    vm.decref(attrs);
    throw e;
  } finally {
    if (matchArgs !== 0) vm.decref(matchArgs);
    vm.decref(seen);
  }
}

function failed(it: Interpreter, attrs: number): number {
  it.vm.decref(attrs);
  return 0;
}

/** match_class_attr: a repeated name is an error; a missing attribute is a failed match (0). */
function matchClassAttr(
  it: Interpreter,
  subject: number,
  typeName: string,
  name: number,
  seen: number,
): number {
  const vm = it.vm;
  if (setContains(vm, seen, name))
    throw typeError(vm, '%s() got multiple sub-patterns for attribute %R', typeName, name);
  setAdd(vm, seen, name);
  try {
    return getAttr(vm, subject, strValue(vm, name));
  } catch (e) {
    if (!(e instanceof PyError) || !errorMatches(vm, e, E.AttributeError)) throw e;
    clearError(vm, e);
    return 0;
  }
}

/** LOAD_ASSERTION_ERROR. */
export function assertionError(it: Interpreter): number {
  return it.vm.types[E.AssertionError].typeObject;
}

/**
 * BEFORE_WITH: __enter__ and __exit__ looked up on the type (_PyObject_LookupSpecial: bound
 * methods for functions), __exit__ kept on the stack in the manager's place, __enter__() called.
 */
export function beforeWith(it: Interpreter, s: Int32Array, sp: number): number {
  return enterManager(it.vm, s, sp, '__enter__', '__exit__', 'the context manager protocol');
}

/**
 * BEFORE_WITH and BEFORE_ASYNC_WITH alike: the enter and exit methods looked up on the type (the
 * TypeError naming the protocol when one is missing), exit kept in the manager's place, enter()
 * called and its result pushed.
 */
export function enterManager(
  vm: Vm,
  s: Int32Array,
  sp: number,
  enterName: string,
  exitName: string,
  protocol: string,
): number {
  const mgr = s[sp - 1];
  const enter = lookupSpecial(vm, mgr, enterName);
  if (enter === 0) throw typeError(vm, "'%.200s' object does not support %s", vm.typeOf(mgr).name, protocol);
  const exit = lookupSpecial(vm, mgr, exitName);
  if (exit === 0) {
    vm.decref(enter);
    throw typeError(
      vm,
      "'%.200s' object does not support %s (missed %s method)",
      vm.typeOf(mgr).name,
      protocol,
      exitName,
    );
  }
  s[sp - 1] = exit;
  vm.decref(mgr);
  let res: number;
  try {
    res = call(vm, enter, [], null);
  } finally {
    vm.decref(enter);
  }
  s[sp++] = res;
  return sp;
}

/** WITH_EXCEPT_START: exit(type(exc), exc, exc.__traceback__), its result pushed. */
export function withExceptStart(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const val = s[sp - 1];
  const exitFunc = s[sp - 4];
  const tb = excState(vm, val).traceback || vm.s.None;
  const res = call(vm, exitFunc, [vm.typeOf(val).typeObject, val, tb], null);
  s[sp++] = res;
  return sp;
}

/** LOAD_BUILD_CLASS: builtins.__build_class__. */
export function loadBuildClass(it: Interpreter): number {
  const bc = it.builtins.get('__build_class__');
  if (bc === undefined) throw raiseFormat(it.vm, E.NameError, '__build_class__ not found');
  it.vm.incref(bc);
  return bc;
}

/** SETUP_ANNOTATIONS: an __annotations__ dict in the locals if there is none. */
export function setupAnnotations(it: Interpreter, f: Frame): void {
  const vm = it.vm;
  const name = intern(vm, '__annotations__');
  if (vm.table.type[f.locals] !== T.Dict)
    throw it.unsupported('annotations in a namespace that is not a dict');
  if (dictGetItem(vm, f.locals, name) !== 0) return;
  const d = dictNew(vm);
  try {
    dictSetItem(vm, f.locals, name, d);
  } finally {
    vm.decref(d);
  }
}

/** IMPORT_NAME: import_name → the module (the top-level package for `import a.b`). */
export function importName(it: Interpreter, f: Frame, s: Int32Array, sp: number, name: number): number {
  const vm = it.vm;
  const fromlist = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  const level = s[sp - 1];
  s[sp - 1] = 0;
  let res: number;
  try {
    res = it.importModule(strValue(vm, name), fromlist, vm.table.num[level], f);
  } finally {
    vm.decref(level);
    vm.decref(fromlist);
  }
  s[sp - 1] = res;
  return sp;
}

/** IMPORT_FROM (import_from): the module's attribute; missing, "cannot import name". */
export function importFrom(it: Interpreter, mod: number, name: number): number {
  const vm = it.vm;
  const text = strValue(vm, name);
  try {
    return getAttr(vm, mod, text);
  } catch (e) {
    if (!(e instanceof PyError) || !errorMatches(vm, e, E.AttributeError)) throw e;
    clearError(vm, e);
    const modName = it.moduleName(mod);
    throw raiseFormat(
      vm,
      E.ImportError,
      "cannot import name '%U' from '%U' (unknown location)",
      text,
      modName,
    );
  }
}

/** IMPORT_STAR (import_all_from): the module's public names (or __all__) into the locals. */
export function importStar(it: Interpreter, f: Frame, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const mod = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  try {
    for (const [name, v] of it.publicNames(mod)) dictSetItem(vm, f.locals, intern(vm, name), v);
  } finally {
    vm.decref(mod);
  }
  return sp;
}

void tupleFromItems;
